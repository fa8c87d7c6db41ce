"""Serving the page: exposure checks, credentials, and launching the Gradio server."""

from __future__ import annotations

import functools
import html
import ipaddress
import logging
import os
import socket
import sys
import threading
from pathlib import Path

from .cli import terminal_safe
from .config import Settings
from .edge_guard import EdgeGuard, EdgeLimits, allowed_host_names

log = logging.getLogger("trip-assistant.serve")

AUTH_ENV = "TRIP_ASSISTANT_AUTH"
EVAL_FUNCTIONS = ("run_evaluation",)  # the page's eval handler (ui_eval.EvalTab)


def settings_concurrency() -> int:
    """Return how many requests run at once; the rest wait in the queue instead of failing."""
    import os

    return max(1, min(4, os.cpu_count() or 1))


def is_loopback(host: str) -> bool:
    """Return True when `host` only listens on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def uploads_allowed(host: str, auth: tuple[str, str] | None) -> bool:
    """Return True when the page may add reports: the server listens on loopback only, or asks for a password."""
    return is_loopback(host) or auth is not None


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """Return (user, password) from 'USER:PASS', or None; raises ValueError on a malformed value."""
    if value is None:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("--auth must look like USER:PASS")
    return user, password


def refusal(exc: Exception):
    """Return the gr.Error showing `exc`'s message to the caller, logged as one line and without a traceback."""
    import gradio as gr

    message = str(exc)
    log.warning("refused: %s", message[:300])
    return gr.Error(html.escape(message, quote=False), print_exception=False)  # Gradio renders it as HTML


def read_credentials(args, env: dict[str, str]) -> tuple[tuple[str, str] | None, list[str]]:
    """Return (user, password) from --auth-file, --auth or TRIP_ASSISTANT_AUTH (or None), and warnings.

    Raises:
        ValueError: two sources at once, an unreadable file or a malformed value.
    """
    warnings: list[str] = []
    if args.auth_file is not None and args.auth is not None:
        raise ValueError("pass --auth-file or --auth, not both")
    if args.auth_file is not None:
        path = Path(args.auth_file)
        try:
            if path.stat().st_mode & 0o077:
                warnings.append(f"{path} can be read by other users; chmod 600 it")
            value = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read --auth-file {path}: {getattr(exc, 'strerror', None) or exc}") from None
        return _auth("--auth-file", value), warnings
    if args.auth is not None:
        warnings.append(f"--auth shows the password to every user of this machine (ps); use --auth-file or {AUTH_ENV}")
        return _auth("--auth", args.auth), warnings
    if env.get(AUTH_ENV):
        return _auth(AUTH_ENV, env[AUTH_ENV]), warnings
    return None, warnings


def _auth(source: str, value: str) -> tuple[str, str]:
    try:
        return parse_auth(value)  # type: ignore[return-value]
    except ValueError:
        raise ValueError(f"{source} must look like USER:PASS") from None


def tls_files(args) -> tuple[str | None, str | None]:
    """Return (certfile, keyfile) for HTTPS, or (None, None); raises ValueError when only one is given or missing."""
    cert, key = args.ssl_certfile, args.ssl_keyfile
    if (cert is None) != (key is None):
        raise ValueError("pass --ssl-certfile and --ssl-keyfile together")
    for flag, path in (("--ssl-certfile", cert), ("--ssl-keyfile", key)):
        if path is not None and not Path(path).is_file():
            raise ValueError(f"{flag} {path} is not a file")
    return (str(cert), str(key)) if cert else (None, None)


def edge_limits(settings: Settings, host: str, uploads: bool = False) -> EdgeLimits:
    """Return what the edge guard lets through for a server bound to `host` (and taking uploads or not)."""
    # An upload's body: its files at their size limit, plus a request's worth of multipart headers.
    upload_bytes = settings.max_upload_files * settings.max_upload_bytes + settings.max_request_bytes
    return EdgeLimits(
        allowed_hosts=allowed_host_names(host, (*settings.allowed_hosts, socket.gethostname())),
        max_request_bytes=settings.max_request_bytes,
        max_upload_bytes=upload_bytes if uploads else 0,
        login_failures_allowed=settings.login_failures_allowed,
        login_backoff_seconds=settings.login_backoff_seconds,
        login_backoff_max_seconds=settings.login_backoff_max_seconds,
    )


def guard_evaluation(blocks, allowed: bool) -> int:
    """Make the page's eval run one at a time, and refuse it when not `allowed`; return how many were guarded.

    An evaluation is ~40 s of both cores: a second one asked for meanwhile is refused, not queued.
    """
    guarded = 0
    for block_fn in blocks.fns.values():
        if block_fn.name not in EVAL_FUNCTIONS:
            continue
        original, running = block_fn.fn, threading.Lock()

        @functools.wraps(original)
        def once(*args, _original=original, _running=running, **kwargs):
            if not allowed:
                raise refusal(RuntimeError("evaluation needs a password-protected or loopback server (--auth-file)"))
            if not _running.acquire(blocking=False):
                raise refusal(RuntimeError("an evaluation is already running; try again when it has finished"))
            try:
                return _original(*args, **kwargs)
            finally:
                _running.release()

        block_fn.fn = once
        guarded += 1
    return guarded


def launch(
    app,
    host: str,
    port: int,
    auth: tuple[str, str] | None,
    block: bool = True,
    settings: Settings | None = None,
    ssl: tuple[str | None, str | None] = (None, None),
):
    """Start the server on host:port (never a share tunnel) behind the edge guard, and return the app.

    Evaluation and adding reports are allowed only on loopback or behind a password: elsewhere the page hides
    its upload, refuses both, and the edge refuses /upload.
    """
    from starlette.middleware import Middleware

    from .ui_style import CSS

    settings = settings or Settings()
    allowed = uploads_allowed(host, auth)
    guard_evaluation(app, allowed=allowed)
    gate = getattr(app, "upload_gate", None)  # ui.build_app's: the page shows its upload only when open
    if gate is not None:
        gate.allowed = allowed
    app.delete_cache = (settings.upload_cache_seconds, settings.upload_cache_seconds)
    app.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        share=False,
        inbrowser=False,
        prevent_thread_lock=not block,
        css=CSS,
        footer_links=["api"],
        max_file_size=settings.max_upload_bytes,
        state_session_capacity=settings.max_sessions,
        ssl_certfile=ssl[0],
        ssl_keyfile=ssl[1],
        ssl_verify=False,  # only Gradio's check of its own startup; lets a self-signed certificate serve
        app_kwargs={"middleware": [Middleware(EdgeGuard, limits=edge_limits(settings, host, allowed))]},
    )
    return app


def port_problem(host: str, port: int) -> str:
    """Return why the server cannot listen on host:port (another program holds it, or the address is not this
    machine's), or "" when it can."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        return f"cannot serve on {host}: {exc.strerror or exc}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds it
        try:
            probe.bind(address)
        except OSError as exc:
            return f"cannot serve on {host}:{port}: {exc.strerror or exc} (another server? pass --port N)"
    return ""


def serve(args, settings: Settings) -> int:
    """Run `trip-assistant serve`: check the exposure flags, load the assistant, serve until stopped."""
    from .engine import Assistant
    from .ui import build_app

    try:
        auth, warnings = read_credentials(args, os.environ)
        ssl = tls_files(args)
    except ValueError as exc:
        print(f"trip-assistant: error: {exc}", file=sys.stderr)
        return 2
    settings = settings.with_overrides(allowed_hosts=(*settings.allowed_hosts, *(args.allowed_host or ())) or None)
    if not is_loopback(args.host) and auth is None:
        if not args.allow_unauthenticated:
            print(
                f"trip-assistant: error: refusing to serve on {args.host} without a password: pass --auth-file FILE "
                f"or set {AUTH_ENV}=USER:PASS (or pass --allow-unauthenticated to accept the risk)",
                file=sys.stderr,
            )
            return 2
        warnings.insert(0, f"serving on {args.host} with no password: anyone who can reach it can use it")
    if not is_loopback(args.host) and ssl[0] is None:
        warnings.append(
            f"serving on {args.host} over plain HTTP: the password and questions cross the network readable; "
            "pass --ssl-certfile and --ssl-keyfile"
        )
    for warning in warnings:
        print(f"trip-assistant: warning: {warning}", file=sys.stderr)
    if problem := port_problem(args.host, args.port):  # before the assistant loads: a taken port fails at once
        print(f"trip-assistant: error: {problem}", file=sys.stderr)
        return 1
    assistant = Assistant.load(settings)
    for note in assistant.notes:
        print(f"trip-assistant: {terminal_safe(note, keep='')}", file=sys.stderr)
    scheme = "https" if ssl[0] else "http"
    print(f"trip-assistant: serving {scheme}://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    launch(build_app(assistant, settings), args.host, args.port, auth, block=True, settings=settings, ssl=ssl)
    return 0
