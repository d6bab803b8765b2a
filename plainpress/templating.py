"""The one Jinja environment that PDF and EPUB templates are rendered with."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from . import model as m
from .labels import labels, long_date  # noqa: F401 - the renderers take them from here

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

@lru_cache(maxsize=1)
def environment():
    import jinja2  # here, not above: a build that renders nothing never loads it
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
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
    env.filters["printed_address"] = printed_address
    return env


def compiled_templates(jinja2):
    """Templates compiled once into the user's cache folder (Jinja checks each against its source):
    compiling them is a tenth of a second of every build."""
    import os
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "plainpress" / f"jinja-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def css_string(text: str) -> Markup:
    """Text for inside a CSS "..." string: backslashes, quotes, line ends and `<` escaped as CSS escapes."""
    return Markup("".join(f"\\{ord(c):x} " if c in '\\"\n\r<>&' else c for c in text))


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


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
