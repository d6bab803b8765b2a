"""The preview page: the pipeline on one source (read and check, as `plainpress check`), the web page
as the html renderer makes it, the writer's overlay and the reload script; or, when the source cannot
be read, its problems in its place. Built in memory: nothing is written."""
from __future__ import annotations

import base64
import hashlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import html
from markupsafe import Markup

from .. import build as pipeline
from ..errors import PlainpressError
from ..render import PAPERS, RenderOptions
from ..render.html import embedded_fonts, page_html
from ..source import SourceError
from ..templating import render
from .guide_languages import GuideLanguages, add_language_links
from .overlay import annotate, plural

log = logging.getLogger("plainpress")


@dataclass(frozen=True)
class Preview:
    page: bytes
    summary: str   # one line for the terminal


def make_preview(source: Path, since: int, options: RenderOptions = RenderOptions(),
                 languages: GuideLanguages | None = None, run: pipeline.Run = pipeline.Run()) -> Preview:
    """The page for version `since` of the source, with links to the guide's other `languages`. A
    bug in plainpress shows on the page too (and its traceback in the terminal), so that the preview
    lives on to show the next save."""
    try:
        return preview(source, since, options, languages, run)
    except Exception as err:  # noqa: BLE001 - any failure: the server must outlive it
        log.exception("plainpress failed while making the preview")
        return problems_preview(source, [f"plainpress failed while making the preview: {type(err).__name__}: {err}"],
                                since, languages)


def preview(source: Path, since: int, options: RenderOptions = RenderOptions(),
            languages: GuideLanguages | None = None, run: pipeline.Run = pipeline.Run()) -> Preview:
    try:
        [result] = pipeline.build([source], formats=(), langs=(), out=Path("."), options=options,
                                  render=False, run=run)   # read and check only, as `plainpress check`
    except PlainpressError as err:   # a source's problems, a path that is no guide
        problems = [str(p) for p in err.problems] if isinstance(err, SourceError) else str(err).splitlines()
        return problems_preview(source, problems, since, languages)
    tree = html.document_fromstring(page_html(result.guide, options))   # worn with the theme, as built
    done = annotate(tree, result)
    add_preview_parts(tree, since, options.paper)
    if languages:
        add_language_links(tree, languages, source.stem)
    missing = f"; {plural(len(done.not_found), 'finding')} not found on the page" if done.not_found else ""
    return Preview(html.tostring(tree, doctype="<!DOCTYPE html>", encoding="utf-8"),
                   f"{plural(done.sentences, 'sentence')} marked, {plural(done.terms, 'word')} underlined{missing}")


def problems_preview(source: Path, problems: list[str], since: int, languages: GuideLanguages | None = None) -> Preview:
    page = render("serve/problems.html", source=source, problems=problems, since=since, accent="#000", theme=None,
                  script=Markup(reload_script()), fonts=embedded_fonts())
    if languages and len(languages.sources) > 1:   # the other languages stay a click away
        tree = html.document_fromstring(page)
        add_language_links(tree, languages, source.stem)
        page = html.tostring(tree, doctype="<!DOCTYPE html>", encoding="unicode")
    return Preview(page.encode("utf-8"), f"{plural(len(problems), 'problem')} in {source}: shown on the page")


def add_preview_parts(tree, since: int, paper: str = "") -> None:
    """The overlay's style after the page's own, with the paper the preview prints on (--paper, else the
    theme's, else the project's), and the reload script at the end of the body."""
    style = html.Element("style")
    style.text = render("serve/overlay.css") + (f"\n@page {{ size: {paper}; }}\n" if paper in PAPERS else "")
    tree.find("head").append(style)
    script = html.Element("script", {"data-since": str(since)})
    script.text = reload_script()
    tree.find("body").append(script)


@lru_cache(maxsize=1)
def reload_script() -> str:
    return render("serve/reload.js")


def content_security_policy() -> str:
    """The page may run its one script, ask for /events and nothing else: its pictures and font are
    inside it (data: URIs)."""
    digest = base64.b64encode(hashlib.sha256(reload_script().encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'")
