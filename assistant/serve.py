"""Serving the page: exposure checks, credentials, and launching the Gradio server."""

from __future__ import annotations

import ipaddress
import sys

from .config import Settings


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


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """Return (user, password) from 'USER:PASS', or None; raises ValueError on a malformed value."""
    if value is None:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("--auth must look like USER:PASS")
    return user, password


def launch(app, host: str, port: int, auth: tuple[str, str] | None, block: bool = True):
    """Start the server on host:port (never a share tunnel) and return the app."""
    from . import ui

    app.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        share=False,
        inbrowser=False,
        prevent_thread_lock=not block,
        css=ui.CSS,
        footer_links=["api"],
    )
    return app


def serve(args, settings: Settings) -> int:
    """Run `trip-assistant serve`: check the exposure flags, load the assistant, serve until stopped."""
    from .engine import Assistant
    from .ui import build_app

    try:
        auth = parse_auth(args.auth)
    except ValueError as exc:
        print(f"trip-assistant: error: {exc}", file=sys.stderr)
        return 2
    if not is_loopback(args.host) and auth is None:
        if not args.allow_unauthenticated:
            print(
                f"trip-assistant: error: refusing to serve on {args.host} without --auth USER:PASS "
                "(or pass --allow-unauthenticated to accept the risk)",
                file=sys.stderr,
            )
            return 2
        print(f"trip-assistant: warning: serving on {args.host} with no password: anyone who can reach it can use it",
              file=sys.stderr)  # fmt: skip
    assistant = Assistant.load(settings)
    for note in assistant.notes:
        print(f"trip-assistant: {note}", file=sys.stderr)
    print(f"trip-assistant: serving http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    launch(build_app(assistant, settings), args.host, args.port, auth, block=True)
    return 0
