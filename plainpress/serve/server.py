"""The live preview's server: the page built in memory, rebuilt when the guide's folder changes, and
a Server-Sent Events stream that tells the open page to reload (MkDocs' livereload is the model).

It listens on 127.0.0.1 only and answers three things: `/` (the page), `/events` (the stream) and
404 for anything else, so no file on disk is ever served: the pictures travel inside the page. It
answers only requests addressed to it by a loopback name and its port (`Host: 127.0.0.1:PORT`,
`localhost:PORT`, `[::1]:PORT`), the stream too, and 421 to any other: a web page the writer visits
elsewhere cannot read the draft by pointing its own name at 127.0.0.1 (DNS rebinding).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from watchfiles import DefaultFilter, watch

from .page import Preview, content_security_policy

log = logging.getLogger("plainpress")

HOST = "127.0.0.1"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
KEEP_ALIVE = 15.0   # seconds between comments on an idle stream, which also notice a closed browser
# What a guide is made of: its sources, a translation's record, its pictures.
WATCHED = (".md", ".json", ".png", ".jpg", ".jpeg", ".gif")


class LivePage:
    """The preview as last built and its version; the streams wait here for the next one."""

    def __init__(self, make: Callable[[int], Preview], report: Callable[[str], None] = print):
        self._make, self._report = make, report
        self._changed = threading.Condition()
        self.version, self.preview, self.closed = 0, None, False
        self.rebuild()

    def rebuild(self) -> None:
        started = time.perf_counter()
        preview = self._make(self.version + 1)
        with self._changed:
            self.version, self.preview = self.version + 1, preview
            self._changed.notify_all()
        self._report(f"{preview.summary} ({time.perf_counter() - started:.2f} s)")

    def newer_than(self, version: int, timeout: float) -> int:
        """The version, once it passes `version` or after `timeout` seconds or when closed."""
        with self._changed:
            self._changed.wait_for(lambda: self.version > version or self.closed, timeout)
            return self.version

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True   # an open stream never holds up the end

    def __init__(self, port: int):
        self.live: LivePage | None = None   # set once the first page is built
        super().__init__((HOST, port), PreviewHandler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def addressed_to_me(self, host: str | None) -> bool:
        """Whether a request's Host header is a loopback name with this server's port."""
        port = self.server_address[1]
        allowed = {f"{name}:{port}" for name in LOOPBACK_NAMES} | (set(LOOPBACK_NAMES) if port == 80 else set())
        return (host or "").strip().lower().rstrip(".") in allowed


class PreviewHandler(BaseHTTPRequestHandler):
    server_version = "plainpress-preview"

    def do_GET(self) -> None:
        address = urlsplit(self.path)
        if not self.server.addressed_to_me(self.headers.get("Host")):
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST,
                            explain=f"The preview answers only at {self.server.url} (or localhost with its port).")
        elif address.path == "/":
            self.send_page()
        elif address.path == "/events":
            self.send_events(parse_qs(address.query).get("since", ["0"])[0])
        else:
            self.send_error(HTTPStatus.NOT_FOUND, explain="The preview serves its page at / and nothing else.")

    def send_page(self) -> None:
        page = self.server.live.preview.page
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", content_security_policy())
        self.end_headers()
        self.wfile.write(page)

    def send_events(self, since: str) -> None:
        """One `reload` event as soon as the page is newer than the one asking; comments meanwhile."""
        live = self.server.live
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = int(since) if since.isdigit() else live.version
        try:
            while True:
                version = live.newer_than(seen, KEEP_ALIVE)
                if live.closed:
                    return
                if version > seen:
                    self.wfile.write(b"data: reload\n\n")
                    return
                self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return   # the page went away: reloaded or closed

    def log_message(self, format: str, *args) -> None:
        log.debug("%s %s", self.address_string(), format % args)


class GuideFiles(DefaultFilter):
    """Changes that matter: sources and pictures, not an editor's swap and backup files."""

    def __call__(self, change, path: str) -> bool:
        return super().__call__(change, path) and Path(path).suffix.lower() in WATCHED


def watch_guide(folder: Path, live: LivePage, stop: threading.Event) -> None:
    """Rebuild the page after each burst of changes in the guide's folder, until `stop` is set."""
    for _ in watch(folder, watch_filter=GuideFiles(), stop_event=stop, raise_interrupt=False):
        live.rebuild()
