"""The live preview's server: the page built in memory, rebuilt when the guide's folder changes, and
a Server-Sent Events stream that tells the open page to reload (MkDocs' livereload is the model).

It listens on 127.0.0.1 only and answers three things: `/` (the page; `/?lang=es` in another of the
guide's languages), `/events` (the stream) and 404 for anything else, so no file on disk is ever served: the pictures travel inside the page. It
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
    """The preview as last built, in each language opened so far, and its version (one for all: a
    save may change any language's page, a translation's findings come from its source); the
    streams wait here for the next one. A language is built when first asked for, then on each save."""

    def __init__(self, make: Callable[[str, int], Preview], start: str, report: Callable[[str], None] = print,
                 languages: int = 1):
        self._make, self._report, self._named = make, report, languages > 1
        self._changed = threading.Condition()
        self._building = threading.RLock()
        self.version, self.previews, self.closed = 0, {start: None}, False
        self.rebuild()

    @property
    def preview(self) -> Preview:
        """The page of the language the preview started on."""
        return next(iter(self.previews.values()))

    def rebuild(self) -> None:
        with self._building:
            version = self.version + 1
            previews = {lang: self._built(lang, version) for lang in self.previews}
            with self._changed:
                self.version, self.previews = version, previews
                self._changed.notify_all()

    def page(self, lang: str) -> Preview:
        """The page in `lang` as last built (at once, also during a rebuild), or built now if no one
        asked for it before."""
        built = self.previews.get(lang)
        if built is not None:
            return built
        with self._building:
            if self.previews.get(lang) is None:
                self.previews[lang] = self._built(lang, self.version)
            return self.previews[lang]

    def _built(self, lang: str, version: int) -> Preview:
        started = time.perf_counter()
        preview = self._make(lang, version)
        self._report(f"{lang + ': ' if self._named else ''}{preview.summary} ({time.perf_counter() - started:.2f} s)")
        return preview

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
        self.languages = None               # the guide's GuideLanguages, set with `live`
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
            self.send_page(parse_qs(address.query).get("lang", [""])[0])
        elif address.path == "/events":
            self.send_events(parse_qs(address.query).get("since", ["0"])[0])
        else:
            self.send_error(HTTPStatus.NOT_FOUND, explain="The preview serves its page at / and nothing else.")

    def send_page(self, asked: str) -> None:
        """The page in the language asked for (`/?lang=es`), else in the one the preview started on."""
        live, languages = self.server.live, self.server.languages
        lang = languages.named(asked) if asked and languages else None
        if asked and lang is None:
            self.send_error(HTTPStatus.NOT_FOUND, explain="The guide has no such language; it has "
                            + ", ".join(languages.sources if languages else ()))
            return
        page = live.page(lang or languages.start).page if languages else live.preview.page
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


WATCHING_SIGN_MS = 300   # a quiet spell this long says the watcher is running


class GuideFiles(DefaultFilter):
    """Changes that matter: sources and pictures, not an editor's swap and backup files."""

    def __call__(self, change, path: str) -> bool:
        return super().__call__(change, path) and Path(path).suffix.lower() in WATCHED


def watch_guide(folder: Path, live: LivePage, stop: threading.Event, ready: threading.Event | None = None) -> None:
    """Rebuild the page after each burst of changes in the guide's folder, until `stop` is set. `ready`
    is set once the folder is watched (the first quiet spell), so that no save before it goes unseen."""
    for changes in watch(folder, watch_filter=GuideFiles(), stop_event=stop, raise_interrupt=False,
                         yield_on_timeout=True, rust_timeout=WATCHING_SIGN_MS):
        if ready is not None:
            ready.set()
        if changes:
            live.rebuild()
