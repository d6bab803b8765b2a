"""`plainpress serve [GUIDE]`: the guide's web page on 127.0.0.1, with the writer's overlay, reloaded
in the browser each time the source or one of its pictures is saved. Ctrl-C stops it."""
from __future__ import annotations

import errno
import signal
import sys
import threading
from pathlib import Path

from ..languages import is_language_tag
from ..pipeline import BuildInputError, find_sources, language_files
from ..render import RenderOptions
from ..source import SourceError
from ..theme import ThemeError, load_theme

EXIT_OK, EXIT_INPUT = 0, 2


def add_parser(sub, settings) -> None:
    text = "preview a guide's web page while writing it: it reloads on each save and marks what is hard to read"
    s = sub.add_parser("serve", help=text, description=text + ". Serves http://127.0.0.1:PORT/ only; Ctrl-C stops it.")
    s.add_argument("guide", nargs="?", type=Path,
                   help=f"a guide's folder or <lang>.md (default: the only guide in {settings.source}/)")
    s.add_argument("--port", type=int, default=8000, help="the port on 127.0.0.1 (default: 8000; 0: any free port)")
    s.add_argument("--lang", default="", help="the language to preview, when the guide has several: --lang es")


def run(args, settings) -> int:
    try:
        source = chosen_source(args.guide or only_guide(settings.source), args.lang)
        return serve(source, args.port, preview_options(settings))
    except (BuildInputError, SourceError, ThemeError) as err:
        print(f"plainpress: cannot serve:\n{err}", file=sys.stderr)
        return EXIT_INPUT


def only_guide(source_dir: Path) -> Path:
    """The one guide in the source folder; several or none is a message listing what there is."""
    guides = sorted(f for f in source_dir.iterdir() if f.is_dir() and language_files(f)) if source_dir.is_dir() else []
    if len(guides) == 1:
        return guides[0]
    if not guides:
        raise BuildInputError(f"{source_dir}: no guide here; name one: plainpress serve path/to/guide")
    commands = "\n".join(f"  plainpress serve {g}" for g in guides)
    raise BuildInputError(f"{source_dir} holds {len(guides)} guides; name the one to preview:\n{commands}")


def chosen_source(path: Path, lang: str) -> Path:
    """One `<lang>.md`: the file given, or the guide's only language, or the one --lang names."""
    if lang and (not is_language_tag(lang) or "," in lang):
        raise BuildInputError(f"--lang {lang}: give one language tag, such as en or es")
    sources = find_sources([path], (lang,) if lang else ())
    if len(sources) > 1:
        tags = ", ".join(p.stem for p in sources)
        raise BuildInputError(f"{path} is in {len(sources)} languages ({tags}); choose one: "
                              f"plainpress serve {path} --lang {sources[0].stem}")
    return sources[0]


def preview_options(settings) -> RenderOptions:
    """The project's theme, so that the preview looks like the page the build makes."""
    return RenderOptions(theme=load_theme(settings.theme)) if settings.theme else RenderOptions()


def serve(source: Path, port: int, options: RenderOptions = RenderOptions()) -> int:
    """Serve until Ctrl-C (SIGINT), then close the watcher and the server and return 0."""
    from .page import make_preview   # here, so that other commands do not load the server
    from .server import LivePage, watch_guide
    # Ctrl-C raises KeyboardInterrupt even where the shell started us with SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    server, stop = open_server(port), threading.Event()
    watcher = None
    try:
        server.live = LivePage(lambda since: make_preview(source, since, options))
        watcher = threading.Thread(target=watch_guide, args=(source.parent, server.live, stop), daemon=True)
        watcher.start()
        print(f"Previewing {source} at {server.url} (it reloads on each save; Ctrl-C stops it)", flush=True)
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
