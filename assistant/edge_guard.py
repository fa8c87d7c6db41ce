"""An ASGI middleware that refuses bad requests before Gradio sees them: foreign Host names, URL
fetches, uploads where the page takes none, oversized bodies, and logins after repeated failures."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import re
import time
from dataclasses import dataclass, field

log = logging.getLogger("trip-assistant.edge")

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_WILDCARDS = ("0.0.0.0", "::", "")
# /file=<url> and /proxy=<url> make Gradio open connections to other hosts; the page needs neither.
_FETCH_RE = re.compile(r"/(?:file|proxy)=(.*)$", re.IGNORECASE | re.DOTALL)
_SCHEME_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})", re.IGNORECASE)
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_MAX_TRACKED_CLIENTS = 10_000


@dataclass(frozen=True)
class EdgeLimits:
    """What the guard lets through (built from Settings by `serve.edge_limits`)."""

    allowed_hosts: frozenset[str]
    max_request_bytes: int
    login_failures_allowed: int
    login_backoff_seconds: float
    login_backoff_max_seconds: float
    max_upload_bytes: int = 0  # an /upload body's limit; 0: every /upload is refused


def host_allowed(host_header: str, allowed: frozenset[str]) -> bool:
    """Return True when the Host header names an allowed host or is an IP literal.

    A DNS-rebinding page reaches the server under its own domain name, so names are checked;
    an IP literal cannot be rebound.

    >>> host_allowed("127.0.0.1:7860", frozenset()), host_allowed("evil.example:7860", frozenset({"localhost"}))
    (True, False)
    """
    name = host_header.strip().lower()
    if name.startswith("["):  # [::1]:7860
        name = name[1 : name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.partition(":")[0]
    name = name.rstrip(".")
    if not name:
        return False
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return name in allowed


def fetches_url(path: str) -> bool:
    """Return True when a request path asks the server to fetch another host (/file=http://…, /proxy=…)."""
    found = _FETCH_RE.search(path)
    return bool(found) and (found.group(0)[1:].lower().startswith("proxy=") or bool(_SCHEME_RE.match(found.group(1))))


@dataclass
class _LoginRecord:
    failures: int = 0
    blocked_until: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class EdgeGuard:
    """Pure ASGI middleware: each refusal is one log line and a short JSON error, sent before any work."""

    def __init__(self, app, limits: EdgeLimits) -> None:
        self.app = app
        self.limits = limits
        self._logins: dict[str, _LoginRecord] = {}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        path = scope.get("path", "")
        if not host_allowed(headers.get("host", ""), self.limits.allowed_hosts):
            await self._refuse(scope, send, 421, f"host {headers.get('host', '')!r} is not served here")
            return
        if fetches_url(path):
            await self._refuse(scope, send, 403, "this server does not fetch URLs")
            return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        method = scope.get("method", "GET")
        if path.rstrip("/").endswith("/upload"):
            await self._upload(scope, receive, send, headers)
            return
        if method in _BODY_METHODS:
            declared = headers.get("content-length", "0")
            limit = self.limits.max_request_bytes
            if not declared.isdigit() or int(declared) > limit:
                await self._refuse(scope, send, 413, f"request body over the {limit:,}-byte limit")
                return
            body = await _read_body(receive, limit)
            if body is None:
                await self._refuse(scope, send, 413, f"request body over the {limit:,}-byte limit")
                return
            receive = _replay(body, receive)
        if method == "POST" and path.rstrip("/").endswith("/login"):
            await self._login(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _upload(self, scope, receive, send, headers: dict[str, str]) -> None:
        """Pass an upload on where uploads are taken and its declared size is within the limit; its body is
        counted as it streams in (not held here), and cut off once it passes the limit."""
        limit = self.limits.max_upload_bytes
        if not limit:
            await self._refuse(scope, send, 403, "this server takes no uploads")
            return
        declared = headers.get("content-length", "")
        if not declared.isdigit() or int(declared) > limit:
            why = "an upload must declare its length" if not declared.isdigit() else "upload over the limit"
            await self._refuse(scope, send, 411 if not declared.isdigit() else 413, f"{why} ({limit:,} bytes)")
            return
        await self.app(scope, _counted(receive, int(declared)), send)

    async def _login(self, scope, receive, send) -> None:
        """Pass a login on unless this client failed too often lately; count its failures."""
        client = (scope.get("client") or ("?", 0))[0]
        record = self._logins.get(client)
        if record is None:
            if len(self._logins) >= _MAX_TRACKED_CLIENTS:
                self._logins.pop(next(iter(self._logins)))
            record = self._logins[client] = _LoginRecord()
        async with record.lock:  # one attempt per client at a time: a burst cannot outrun the count
            wait = record.blocked_until - time.monotonic()
            if wait > 0:
                seconds = max(1, round(wait))
                await self._refuse(
                    scope, send, 429, f"too many failed logins; try again in {seconds} s",
                    [(b"retry-after", str(seconds).encode())],
                )  # fmt: skip
                return
            status: list[int] = []

            async def watch(message) -> None:
                if message["type"] == "http.response.start":
                    status.append(message["status"])
                await send(message)

            await self.app(scope, receive, watch)
            if status and status[0] < 400:
                self._logins.pop(client, None)
                return
            record.failures += 1
            over = record.failures - self.limits.login_failures_allowed
            if over >= 0:
                delay = min(self.limits.login_backoff_max_seconds, self.limits.login_backoff_seconds * 2**over)
                record.blocked_until = time.monotonic() + delay
                log.warning(
                    "login failed %d times from %s; next attempt allowed in %.0f s", record.failures, client, delay
                )

    async def _refuse(self, scope, send, status: int, message: str, headers: list | None = None) -> None:
        client = (scope.get("client") or ("?", 0))[0]
        shown = json.dumps(scope.get("path", ""))[1:-1][:200]
        log.warning("refused %s %s from %s: %s", scope.get("method", "WEBSOCKET"), shown, client, message)
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        body = json.dumps({"error": message}).encode()
        await send({
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                        *(headers or [])],
        })  # fmt: skip
        await send({"type": "http.response.body", "body": body})


async def _read_body(receive, limit: int) -> bytes | None:
    """Return the whole request body, or None once it grows past `limit` bytes (the rest is never read)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)  # the client went away; the app will see that
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


def _counted(receive, limit: int):
    """Return a receive callable that ends the request (a disconnect) once more than `limit` body bytes came."""
    size = 0

    async def counted():
        nonlocal size
        message = await receive()
        if message["type"] == "http.request":
            size += len(message.get("body", b""))
            if size > limit:
                log.warning("upload cut off: its body ran past its declared %d bytes", limit)
                return {"type": "http.disconnect"}
        return message

    return counted


def _replay(body: bytes, receive):
    """Return a receive callable that hands the app the buffered body, then the client's later messages."""
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def allowed_host_names(host: str, extra: tuple[str, ...]) -> frozenset[str]:
    """Return the Host names served: loopback names, the bound host unless a wildcard, and `extra`."""
    names = {*LOOPBACK_NAMES, *(n.lower().rstrip(".") for n in extra)}
    if host not in _WILDCARDS:
        names.add(host.lower().strip("[]"))
    return frozenset(names)
