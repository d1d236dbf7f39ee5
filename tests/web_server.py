"""A real HTTP server on 127.0.0.1 serving whatever pages and feeds a test writes.

Each route answers with a status, a body and headers, optionally after a delay, and
honours If-None-Match / If-Modified-Since when the route has an ETag or Last-Modified,
so conditional GETs get a real 304. Every request is recorded for the test to inspect.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer starts
    etag: str | None = None
    last_modified: str | None = None
    no_length: bool = False  # stream the body without Content-Length (then close)
    fail_first: int = 0  # answer this many requests with 503 before serving the route


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when the request arrived


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up early (size cap, timeout) is part of the tests."""


class WebServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._server = _Server(("127.0.0.1", 0), _handler(self))
        self.scheme = "https" if tls else "http"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host}:{port}"

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: str | bytes, **kwargs: object) -> str:
        raw = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(body=raw, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def paths(self) -> list[str]:
        return [h.path for h in self.hits]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(web: WebServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: pytest shows the test's own output."""

        def do_GET(self) -> None:
            web.hits.append(Hit(self.path, dict(self.headers.items()), time.monotonic()))
            route = web.routes.get(self.path)
            if route is None:
                route = Route(b"<html><body>Not here</body></html>", status=404)
            if route.delay:
                time.sleep(route.delay)
            if route.fail_first > 0:
                route.fail_first -= 1
                route = Route(b"try again", status=503)
            fresh = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
            )
            status = 304 if fresh else route.status
            body = b"" if status == 304 else route.body
            try:
                self.send_response(status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                if route.no_length and body:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for i in range(0, len(body), 65536):
                        self.wfile.write(body[i : i + 65536])
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (size cap, timeout)

    return Handler


@pytest.fixture(name="web")
def web_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[WebServer]:
    monkeypatch.setenv("CITEBOT_ALLOW_PRIVATE_URLS", "1")
    server = WebServer()
    server.start()
    yield server
    server.stop()
