"""Pandoc's inline elements -> our inline model: the words always, the formatting where the source
can say it (bold, emphasis, links, language), and a finding where it cannot."""
from __future__ import annotations

import re

from .. import model as m
from ..languages import is_language_tag
from ..source.body import LINK_SCHEMES
from .findings import Findings

QUOTES = {"DoubleQuote": ("\u201c", "\u201d"), "SingleQuote": ("\u2018", "\u2019")}
TRACKED = {"insertion", "deletion", "paragraph-insertion", "paragraph-deletion"}


class Inlines:
    """Converts the inline content of one block at a time (`at`: its provisional id, where findings
    point); pictures found inside it and footnotes are handed back to the adapter."""

    def __init__(self, findings: Findings, note_word: str = "note"):
        self.findings, self.note_word = findings, note_word   # a footnote's mark: "(note 1)"
        self.at = ""
        self.pictures: list[tuple[str, str]] = []     # (src, alt) of pictures inside the text
        self.notes: list[tuple[m.Inline, ...]] = []   # footnotes, in order
        self.note_blocks = None                       # set by the adapter: blocks -> inline content
        self.tracked = False

    def convert(self, nodes: list, at: str) -> tuple[m.Inline, ...]:
        self.at = at
        return trimmed(merged(self.many(nodes)))

    def many(self, nodes: list) -> list[m.Inline]:
        return [x for node in nodes for x in self.one(node)]

    def one(self, node: dict) -> list[m.Inline]:
        t, c = node["t"], node.get("c")
        if t in ("Str", "Code"):
            return [m.Text(c if t == "Str" else c[1])]
        if t in ("Space", "SoftBreak", "LineBreak"):
            return [m.Text(" ")]
        if t == "Strong":
            return [m.Strong(tuple(self.many(c)))]
        if t == "Emph":
            return [m.Emphasis(tuple(self.many(c)))]
        if t in ("SmallCaps", "Superscript", "Subscript"):
            return self.many(c)
        if t == "Cite":
            return self.many(c[1])
        if t == "Quoted":
            opening, closing = QUOTES[c[0]["t"]]
            return [m.Text(opening), *self.many(c[1]), m.Text(closing)]
        handler = getattr(self, "inline_" + t, None)
        if handler is None:
            self.findings.add(self.at, "unknown", f"something pandoc calls `{t}` was left out",
                              "compare this place with the original and type in what is missing")
            return []
        return handler(c)

    def inline_Underline(self, c) -> list[m.Inline]:
        self.findings.add(self.at, "underline", f"underlined words (\u201c{words(self.many(c))}\u201d) are plain now",
                          "make them bold (`**...**`) if they must stand out: underline is kept for links")
        return self.many(c)

    def inline_Strikeout(self, c) -> list[m.Inline]:
        self.findings.add(self.at, "strikeout", f"struck-through words (\u201c{words(self.many(c))}\u201d) are plain now",
                          "delete them if they were struck out to be removed")
        return self.many(c)

    def inline_Math(self, c) -> list[m.Inline]:
        self.findings.add(self.at, "equation", f"an equation is written as text here: `{c[1]}`",
                          "say it in words, e.g. \u201cbetween 4 and 7\u201d")
        return [m.Text(c[1])]

    def inline_RawInline(self, c) -> list[m.Inline]:
        self.findings.add(self.at, "raw", f"raw {c[0]} (`{c[1][:40]}`) was left out",
                          "type in the words it showed, if any")
        return []

    def inline_Link(self, c) -> list[m.Inline]:
        children, href = self.many(c[1]), c[2][0]
        if href.lower().startswith(LINK_SCHEMES):
            return [m.Link(href, tuple(children))]
        self.findings.add(self.at, "link", f"the link to `{href}` is plain text now: a source links only to "
                          "https://, http://, mailto: and tel: addresses",
                          "give the full web address it should open, as [words](https://...), or leave the words plain",
                          every=True)
        return children

    def inline_Image(self, c) -> list[m.Inline]:
        self.pictures.append((c[2][0], words(self.many(c[1]))))
        return []

    def inline_Note(self, c) -> list[m.Inline]:
        self.notes.append(self.note_blocks(c))
        return [m.Text(f" ({self.note_word} {len(self.notes)})")]

    def inline_Span(self, c) -> list[m.Inline]:
        (_, classes, attrs), children = c[0], c[1]
        if "comment-start" in classes:
            author = dict(attrs).get("author", "someone")
            self.findings.add(self.at, "comment", f"a comment by {author} was left out: "
                              f"\u201c{words(self.many(children))}\u201d", "act on it if it asks for a change",
                              every=True)
            return []
        if "comment-end" in classes:
            return []
        if TRACKED & set(classes):
            self.tracked = True
        if "underline" in classes:
            return self.inline_Underline(children)
        lang = dict(attrs).get("lang", "")
        if lang and is_language_tag(lang):
            return [m.Foreign(lang, tuple(self.many(children)))]
        return self.many(children)


def words(inlines) -> str:
    return " ".join(m.plain_text(tuple(inlines)).split())


def merged(items: list[m.Inline]) -> tuple[m.Inline, ...]:
    """Neighbouring text as one run; empty runs dropped; the same inside bold, emphasis and links."""
    return m.merged_text(item if isinstance(item, m.Text) else rebuilt(item, merged(list(item.children)))
                         for item in items)


def rebuilt(item: m.Inline, children: tuple[m.Inline, ...]) -> m.Inline:
    """The same bold, emphasis, link or passage around other children."""
    if isinstance(item, m.Link):
        return m.Link(item.href, children)
    if isinstance(item, m.Foreign):
        return m.Foreign(item.lang, children)
    return type(item)(children)


def trimmed(items: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """Without spaces at either end, and with runs of spaces as one (Word documents are full of both)."""
    items = tuple(m.Text(re.sub(" {2,}", " ", x.text)) if isinstance(x, m.Text) else x for x in items)
    if items and isinstance(items[0], m.Text):
        items = (m.Text(items[0].text.lstrip()),) + items[1:]
    if items and isinstance(items[-1], m.Text):
        items = items[:-1] + (m.Text(items[-1].text.rstrip()),)
    return tuple(x for x in items if not (isinstance(x, m.Text) and not x.text))

