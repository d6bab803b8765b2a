"""A returned paragraph's spans (text with its marks) -> inline content of the model.

A DOCX run holds marks side by side (bold, in a link, in Spanish), the model nests them. Each mark
is opened where it starts and kept open as far as it reaches, the longest outermost; marks that reach
equally far nest as they did in the source unit, so that an unchanged paragraph comes back as it was.
LibreOffice saves `es` as `es-ES` and `https://e.org` as `https://e.org/`: a language or address of the
source unit comes back as the source wrote it; a run in the document's own language is a foreign passage
only where the source unit had one.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from .. import model as m
from ..ooxml.body import Mark, same_language

Span = tuple[str, frozenset[Mark]]
WRAP = {"strong": lambda mark, c: m.Strong(c), "emphasis": lambda mark, c: m.Emphasis(c),
        "link": lambda mark, c: m.Link(mark[1], c), "foreign": lambda mark, c: m.Foreign(mark[1], c)}
KIND_ORDER = ("link", "foreign", "strong", "emphasis")  # outermost first, for marks the source lacks


def inlines(spans: list[Span], source: tuple[m.Inline, ...], document_lang: str) -> tuple[m.Inline, ...]:
    """`document_lang`: a run in this language is no foreign passage, unless the source unit had one in it."""
    depth = _depths(source)
    langs = [mark[1] for mark in depth if mark[0] == "foreign"]
    spans = [(text, frozenset(_as_in_source(mark, depth) for mark in marks
                              if _foreign(mark, langs, document_lang))) for text, marks in spans]
    return _nest(_trimmed(_joined(spans)), lambda mark: depth.get(mark, 100 + KIND_ORDER.index(mark[0])))


def plain(spans: list[Span]) -> tuple[m.Inline, ...]:
    """A unit without markup (a title, alt text): its words only."""
    text = "".join(text for text, _ in spans).strip()
    return (m.Text(text),) if text else ()


links = m.link_addresses


def _mark(x: m.Inline) -> Mark:
    return (x.kind, x.href) if isinstance(x, m.Link) else (x.kind, x.lang) if isinstance(x, m.Foreign) else (x.kind,)


def _depths(content: tuple[m.Inline, ...], depth: int = 0) -> dict[Mark, int]:
    """Each mark of the source content, with the least depth it is nested at."""
    found: dict[Mark, int] = {}
    for x in content:
        if not isinstance(x, m.Text):
            for mark, d in [(_mark(x), depth), *_depths(x.children, depth + 1).items()]:
                found[mark] = min(d, found.get(mark, d))
    return found


def _foreign(mark: Mark, langs: list[str], document_lang: str) -> bool:
    if mark[0] != "foreign" or not same_language(mark[1], document_lang):
        return True
    return any(same_language(mark[1], tag) for tag in langs)


def _as_in_source(mark: Mark, source: dict[Mark, int]) -> Mark:
    """A language or address as the source unit writes it, when the source has the same one."""
    same = {"foreign": same_language, "link": same_address}.get(mark[0])
    if same is None:
        return mark
    return next((theirs for theirs in source if theirs[0] == mark[0] and same(theirs[1], mark[1])), mark)


def same_address(a: str, b: str) -> bool:
    """The same web address, written with or without the `/` of an empty path, in any case of host."""
    def canonical(url: str):
        parts = urlsplit(url)
        return parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, parts.fragment
    return a == b or canonical(a) == canonical(b)


def _joined(spans: list[Span]) -> list[Span]:
    """Neighbouring spans of the same marks as one: LibreOffice and Word split runs at will."""
    out: list[Span] = []
    for text, marks in spans:
        if out and out[-1][1] == marks:
            out[-1] = (out[-1][0] + text, marks)
        elif text:
            out.append((text, marks))
    return out


def _trimmed(spans: list[Span]) -> list[Span]:
    """Without white space at either end of the paragraph."""
    if spans:
        spans[0] = (spans[0][0].lstrip(), spans[0][1])
        spans[-1] = (spans[-1][0].rstrip(), spans[-1][1])
    return [s for s in spans if s[0]]


def _nest(spans: list[Span], rank) -> tuple[m.Inline, ...]:
    out: list[m.Inline] = []
    i = 0
    while i < len(spans):
        text, marks = spans[i]
        if not marks:
            out.append(m.Text(text))
            i += 1
            continue
        mark = max(marks, key=lambda k: (_reach(spans, i, k), -rank(k)))
        end = i + _reach(spans, i, mark)
        inner = _nest([(t, ms - {mark}) for t, ms in spans[i:end]], rank)
        out.append(WRAP[mark[0]](mark, inner))
        i = end
    return tuple(out)


def _reach(spans: list[Span], start: int, mark: Mark) -> int:
    """How many spans from `start` on carry the mark."""
    count = 0
    while start + count < len(spans) and mark in spans[start + count][1]:
        count += 1
    return count
