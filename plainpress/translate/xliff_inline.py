"""Inline content <-> XLIFF 1.2 inline codes, both ways.

Every kind of inline is a paired `<g>`, the one inline code that every tool keeps, shows as a tag
pair and maps from source to target by its `id`: bold is `ctype="bold"`, emphasis `ctype="italic"`,
a link `ctype="link"` (the XLIFF 1.2 values), a passage in another language `ctype="x-lang"` with
`xml:lang` (a `<mrk>` would be an annotation, which tools may drop). A link carries its address in
our own attribute, for the translator to see: on the way back a code takes its address and language
from the source code with its id, unless it names its own, which is then checked by the caller.
"""
from __future__ import annotations

import re
from functools import partial
from itertools import count
from typing import Callable, Iterator

from lxml import etree

from .. import model as m
from ..languages import is_language_tag
from ..model import merged_text as merged   # the reader's own normal form of inline content

XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
OURS = "urn:x-plainpress:xliff"
HREF = f"{{{OURS}}}href"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CTYPES = {"strong": "bold", "emphasis": "italic", "link": "link", "foreign": "x-lang"}
UNKNOWN_HINT = "keep only the tags of the source text: bold, emphasis, links and words in another language"


def codes(content: tuple[m.Inline, ...]) -> list[m.Inline]:
    """Every inline that is not plain text, in the order their ids are given (a code before its inner ones)."""
    found = []
    for x in content:
        if not isinstance(x, m.Text):
            found += [x, *codes(x.children)]
    return found


def numbered(content: tuple[m.Inline, ...]) -> dict[str, m.Inline]:
    """A source unit's codes by id: "1", "2", ..."""
    return {str(n): x for n, x in enumerate(codes(content), 1)}


def target_ids(translation: tuple[m.Inline, ...], source: tuple[m.Inline, ...]) -> Iterator[str]:
    """An id for each code of a translation: that of an unused source code of the same kind (a link
    to the same address, words in the same language), or else a new one."""
    free = list(numbered(source).items())
    fresh = count(len(free) + 1)
    for x in codes(translation):
        match = next(((n, c) for n, c in free if _same(c, x)), None)
        if match:
            free.remove(match)
        yield match[0] if match else str(next(fresh))


def _same(a: m.Inline, b: m.Inline) -> bool:
    return (a.kind, getattr(a, "href", None), getattr(a, "lang", None)) == \
        (b.kind, getattr(b, "href", None), getattr(b, "lang", None))


# Writing -----------------------------------------------------------------------------------------

def to_xml(parent: etree._Element, content: tuple[m.Inline, ...], ids: Iterator[str]) -> None:
    """`content` as the text and `<g>` children of `parent`; `ids` gives each code's id in turn."""
    last = None
    for x in content:
        if isinstance(x, m.Text):
            if last is None:
                parent.text = (parent.text or "") + x.text
            else:
                last.tail = (last.tail or "") + x.text
        else:
            last = etree.SubElement(parent, f"{{{XLIFF}}}g", _attributes(x, next(ids)))
            to_xml(last, x.children, ids)


def _attributes(x: m.Inline, code_id: str) -> dict[str, str]:
    found = {"id": code_id, "ctype": CTYPES[x.kind]}
    if isinstance(x, m.Link):
        found[HREF] = x.href
    if isinstance(x, m.Foreign):
        found[XML_LANG] = x.lang
    return found


# Reading -----------------------------------------------------------------------------------------

def from_xml(element: etree._Element, source_codes: dict[str, m.Inline]) \
        -> tuple[tuple[m.Inline, ...], list[tuple[str, str]]]:
    """The inline content of a `<source>` or `<target>`, and a (message, hint) for each inline code
    that cannot be read (a code of another kind, or one this format never writes)."""
    problems: list[tuple[str, str]] = []
    return _children(element, source_codes, problems), problems


def _children(element, source_codes, problems) -> tuple[m.Inline, ...]:
    found: list[m.Inline] = [m.Text(element.text or "")]
    for child in element:
        if isinstance(child.tag, str):  # processing instructions carry no words
            found += _inline(child, source_codes, problems)
        found.append(m.Text(child.tail or ""))
    return merged(found)


def _inline(element, source_codes, problems) -> list[m.Inline]:
    name = etree.QName(element)
    if name.namespace == XLIFF and name.localname == "mrk":  # a marked segment or term: its words
        return list(_children(element, source_codes, problems))
    make = _code(element, source_codes) if name.namespace == XLIFF and name.localname == "g" else None
    if make is None:
        problems.append((f"an inline code plainpress does not know ({_shown(element)})", UNKNOWN_HINT))
        return []
    return [make(_children(element, source_codes, problems))]


def _code(g, source_codes) -> Callable[[tuple[m.Inline, ...]], m.Inline] | None:
    """What a `<g>` stands for: by its ctype, else by the source code with its id."""
    code = source_codes.get(g.get("id", ""))
    ctype = g.get("ctype") or (CTYPES[code.kind] if code is not None else None)
    if ctype in ("bold", "italic"):
        return m.Strong if ctype == "bold" else m.Emphasis
    if ctype == "link" and (g.get(HREF) or getattr(code, "href", None)):
        return partial(m.Link, g.get(HREF) or code.href)
    lang = g.get(XML_LANG) or getattr(code, "lang", None)
    if ctype == "x-lang" and lang and is_language_tag(lang):
        return partial(m.Foreign, lang)
    return None


# Labels: plain text whose placeholders (`{page}`) are protected codes, `<x/>` (a tool shows a tag that
# the translator moves but cannot change); read back from `<x/>`, from `<ph>{page}</ph>`, or as typed.

PLACEHOLDER_CTYPE = "x-placeholder"
PLACEHOLDER_RE = re.compile(r"(\{[a-z]+\})")
LABEL_HINT = "keep only the placeholders of the source text, such as {page}, as they are"


def placeholders_to_xml(parent: etree._Element, text: str) -> None:
    """A label's words as the text of `parent`, each placeholder an `<x/>` with its braces as equiv-text."""
    last, ids = None, count(1)
    for part in PLACEHOLDER_RE.split(text):
        if PLACEHOLDER_RE.fullmatch(part):
            last = etree.SubElement(parent, f"{{{XLIFF}}}x", {"id": str(next(ids)), "ctype": PLACEHOLDER_CTYPE,
                                                               "equiv-text": part})
        elif last is None:
            parent.text = (parent.text or "") + part
        else:
            last.tail = (last.tail or "") + part


def placeholders_from_xml(element: etree._Element) -> tuple[str, list[tuple[str, str]]]:
    """A label's words from a `<source>` or `<target>`, each placeholder code as its braces again."""
    words, problems = [element.text or ""], []
    for child in element:
        if not isinstance(child.tag, str):
            words.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        shown = child.get("equiv-text") if name == "x" else "".join(child.itertext()) if name == "ph" else None
        if shown is not None and PLACEHOLDER_RE.fullmatch(shown.strip()):
            words.append(shown.strip())
        elif name == "mrk":
            words.append(placeholders_from_xml(child)[0])
        else:
            problems.append((f"an inline code plainpress does not know ({_shown(child)})", LABEL_HINT))
        words.append(child.tail or "")
    return "".join(words), problems


def _shown(element) -> str:
    attributes = "".join(f' {k}="{v}"' for k, v in element.attrib.items() if k in ("id", "ctype"))
    return f"<{etree.QName(element).localname}{attributes}>"
