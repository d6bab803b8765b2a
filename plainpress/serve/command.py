"""`plainpress serve [GUIDE]`: the guide's web page on 127.0.0.1, with the writer's overlay, reloaded
in the browser each time the source or one of its pictures is saved. Ctrl-C stops it."""
from __future__ import annotations

import errno
import signal
import threading
from pathlib import Path

from ..build.cache import Cache
from ..build import BuildInputError, Run
from ..build.find import language_files
from ..render import PAPERS, RenderOptions
from .guide_languages import GuideLanguages, guide_languages

EXIT_OK = 0


def add_parser(sub, settings) -> None:
    text = "preview a guide's web page while writing it: it reloads on each save and marks what is hard to read"
    s = sub.add_parser("serve", help=text, description=text + ". Serves http://127.0.0.1:PORT/ only; Ctrl-C stops it. "
                       "A guide in several languages opens in the one the others are translated from, with links "
                       "to the others.")
    s.add_argument("guide", nargs="?", type=Path,
                   help=f"a guide's folder or <lang>.md (default: the only guide in {settings.source}/)")
    s.add_argument("--port", type=int, default=8000, help="the port on 127.0.0.1 (default: 8000; 0: any free port)")
    s.add_argument("--lang", default="", help="the language to open on, when the guide has several: --lang es "
                   "(default: the one the others are translated from)")
    s.add_argument("--theme", type=Path, default=settings.theme, metavar="DIR",
                   help="a clinic's theme, worn by the page as by the build: a folder holding theme.yaml"
                        + (f" (default: {settings.theme})" if settings.theme else ""))
    s.add_argument("--paper", type=str.lower, choices=PAPERS, default=None,
                   help=f"the paper the page prints on from the browser, {' or '.join(PAPERS)} "
                        f"(default: the theme's, else {settings.paper})")
    s.add_argument("--cache", type=Path, default=settings.cache,
                   help=f"the build cache, read and never written: the checks of an unchanged language come from it "
                        f"(default: {settings.cache}/)")


def run(args, settings) -> int:
    from ..config import render_options   # the options as `build` reads them: --theme, --paper
    languages = guide_languages(args.guide or only_guide(settings.source), args.lang)   # a refusal is the
    return serve(languages, args.port, render_options(args, settings),                  # command line's to say
                 Run(cache=Cache(args.cache, writable=False, max_size=settings.cache_size)))


def only_guide(source_dir: Path) -> Path:
    """The one guide in the source folder; several or none is a message listing what there is."""
    guides = sorted(f for f in source_dir.iterdir() if f.is_dir() and language_files(f)) if source_dir.is_dir() else []
    if len(guides) == 1:
        return guides[0]
    if not guides:
        raise BuildInputError(f"{source_dir}: no guide here; name one: plainpress serve path/to/guide")
    commands = "\n".join(f"  plainpress serve {g}" for g in guides)
    raise BuildInputError(f"{source_dir} holds {len(guides)} guides; name the one to preview:\n{commands}")


def serve(languages: GuideLanguages, port: int, options: RenderOptions = RenderOptions(), run: Run = Run()) -> int:
    """Serve until Ctrl-C (SIGINT), then close the watcher and the server and return 0."""
    from .page import make_preview   # here, so that other commands do not load the server
    from .server import LivePage, watch_guide
    # Ctrl-C raises KeyboardInterrupt even where the shell started us with SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    server, stop = open_server(port), threading.Event()
    watcher = None
    try:
        source = languages.sources[languages.start]
        server.languages = languages
        server.live = LivePage(lambda lang, since: make_preview(languages.sources[lang], since, options, languages, run),
                               languages.start, languages=len(languages.sources))
        watching = threading.Event()
        watcher = threading.Thread(target=watch_guide, args=(source.parent, server.live, stop, watching), daemon=True)
        watcher.start()
        watching.wait(timeout=10)   # the address is printed once a save would be seen
        print(f"Previewing {source} at {server.url} (it reloads on each save; Ctrl-C stops it)", flush=True)
        for tag in (t for t in languages.sources if t != languages.start):   # linked from the page too
            print(f"  in {tag}: {server.url.rstrip('/')}{languages.href(tag)}", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        if server.live:
            server.live.close()   # open streams end
        server.server_close()
        if watcher:
            watcher.join(timeout=5)
    print("Preview stopped.", flush=True)
    return EXIT_OK


def open_server(port: int):
    from .server import PreviewServer
    try:
        return PreviewServer(port)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise BuildInputError(f"127.0.0.1:{port} is in use (another preview?); "
                                  f"choose another port: --port {port + 1}") from None
        raise
