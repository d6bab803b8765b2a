"""The one Jinja environment per theme that the PDF, EPUB and web page templates are rendered with.

A theme's `templates/` folder comes first: a file there named like one of ours (`pdf/guide.html`,
`_blocks.html`) replaces ours, and `plainpress/<name>` always names ours, so that an override can
`{% extends "plainpress/pdf/guide.html" %}` and replace one block (as MkDocs' custom_dir does).
"""
from __future__ import annotations

import re
import traceback
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from . import model as m
from .languages import fill, long_date
from .render import RenderError

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
OURS = "plainpress"   # the prefix that names our own template whatever a theme replaces


@lru_cache(maxsize=8)
def environment(overrides: Path | None = None):
    """The environment for a theme's template folder (None: ours alone), made once per folder.
    Sandboxed: a theme's templates may read what they are given, never reach into Python."""
    import jinja2  # here, not above: a build that renders nothing never loads it
    from jinja2.sandbox import SandboxedEnvironment
    ours = jinja2.FileSystemLoader(TEMPLATES)
    theirs = [jinja2.FileSystemLoader(overrides)] if overrides else []
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader([*theirs, ours, jinja2.PrefixLoader({OURS: ours})]),
        bytecode_cache=compiled_templates(jinja2),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["plain"] = m.plain_text
    env.filters["long_date"] = long_date
    env.filters["mark_words"] = mark_words
    env.filters["keep_hyphenated"] = keep_hyphenated
    env.filters["css_string"] = css_string
    env.filters["css_counters"] = css_counters
    env.filters["fill"] = lambda text, **values: fill(text, **{k: str(v) for k, v in values.items()})
    env.filters["printed_address"] = printed_address
    return env


def compiled_templates(jinja2):
    """Templates compiled once into the user's cache folder (Jinja checks each against its source):
    compiling them is a tenth of a second of every build."""
    from .files import user_cache
    # Jinja keys compiled code by template name, file and source, not by environment: the folder's
    # name keeps the sandbox's code apart from any unsandboxed environment's (an older plainpress).
    folder = user_cache(f"jinja-{jinja2.__version__}-sandboxed")
    return jinja2.FileSystemBytecodeCache(str(folder)) if folder else None


def css_string(text: str) -> Markup:
    """Text for inside a CSS "..." string: backslashes, quotes, line ends and `<` escaped as CSS escapes."""
    return Markup("".join(f"\\{ord(c):x} " if c in '\\"\n\r<>&' else c for c in text))


def css_counters(label: str) -> Markup:
    """"page {page} of {pages}" as CSS content: the words as strings, the numbers as page counters,
    in the label's own order (Korean puts the total first)."""
    parts = re.split(r"(\{page\}|\{pages\})", label)
    return Markup(" ".join({"{page}": "counter(page)", "{pages}": "counter(pages)"}.get(p) or f'"{css_string(p)}"'
                           for p in parts if p))


HYPHENATED = re.compile(r"\w+(?:[-\u2010]\w+)+")


def keep_hyphenated(text: str) -> Markup:
    """The text, escaped, with each hyphenated word (by-products, TDP-43) in a span that must not
    break: a line may not end at a hyphen in large print, and CSS `hyphens` cannot stop a break there."""
    parts, last = [], 0
    for match in HYPHENATED.finditer(text):
        parts += [Markup.escape(text[last:match.start()]),
                  Markup('<span class="nobreak">{}</span>').format(match.group())]
        last = match.end()
    parts.append(Markup.escape(text[last:]))
    return Markup("").join(parts)


def printed_address(link: m.Link) -> str:
    """What a printed page adds after a link's words: the address, only where the words do not
    already say it. A phone number's words are what a reader dials; a page's address is printed
    unless its words are that address."""
    words, href = m.plain_text(link.children), link.href
    if href.startswith("tel:"):
        return "" if re.search(r"\d", words) else href[4:]
    shown = href.removeprefix("mailto:")
    if href.startswith(("http://", "https://")):
        shown = re.sub(r"^https?://(www\.)?", "", href).rstrip("/")
    return "" if shown.casefold() in words.casefold() else shown


def mark_words(text: str, hard: tuple[str, ...]) -> Markup:
    """The sentence, escaped, with each hard word in <mark>."""
    if not hard:
        return Markup.escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in hard) + r")\b")
    parts = pattern.split(text)
    return Markup("").join(Markup("<mark>{}</mark>").format(p) if i % 2 else Markup.escape(p)
                           for i, p in enumerate(parts))


def render(name: str, overrides: Path | None = None, **context) -> str:
    """Template `name` rendered with a theme's `overrides` folder first; a fault in a theme's template
    is a RenderError naming its file and line."""
    import jinja2
    folder = overrides.resolve() if overrides else None   # one environment per folder, from any cwd
    try:
        return environment(folder).get_template(name).render(**context)
    except jinja2.TemplateError as err:
        if folder is None:
            raise
        raise RenderError(template_fault(err, folder)) from err


def shown(path: Path) -> Path:
    """A path as messages show it: relative to the current folder where it can be."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def template_fault(err, overrides: Path) -> str:
    """Where in the theme's templates the error arose (Jinja puts template lines into the traceback)."""
    import jinja2
    place = shown(overrides)
    if isinstance(err, jinja2.TemplateSyntaxError) and err.filename:
        place = f"{shown(Path(err.filename))}:{err.lineno}"
    else:
        frames = [f for f in traceback.extract_tb(err.__traceback__) if Path(f.filename).is_relative_to(overrides)]
        if frames:
            place = f"{shown(Path(frames[-1].filename))}:{frames[-1].lineno}"
    what = f"no template {err.name}" if isinstance(err, jinja2.TemplateNotFound) else str(err.message or err)
    return (f"{place}: the theme's template stopped: {what}; compare it with plainpress's own in templates/ "
            f"(extend one as \"{OURS}/<name>\")")
