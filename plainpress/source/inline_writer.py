"""Inline content -> one line of Markdown that the reader reads back as the same content.

Text is escaped where markup could start, and only there, so that a person can still read the line:
`*`, `` ` ``, `[`, `]` and `\\` always; `_` but inside a word; `<` that starts an autolink; `&` when
it would start a character reference; `!` before a link; `{` after markup (attributes);
`|` in a table cell; and at the start of a block, what would start one (`#`, `>`, `-`, `+`, `1.`,
`:`, `~`). Text is never wrapped: a paragraph is one line.

Bold and italics follow CommonMark's delimiter rules, which look at the characters on either side of
`**`. Where a letter outside would keep a `**` from opening or closing (`a**"b"**`), that letter is
written as a character reference (`&#97;**"b"**`), which reads back as the letter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.autolink import AUTOLINK_RE, EMAIL_RE

from .. import model as m

ALWAYS = set("\\`*[]")
REFERENCE = re.compile(r"&#?[0-9A-Za-z]+;")   # `&amp;`, `&#65;`: markdown-it would decode it
BLOCK_START = [                               # (pattern at a block's start, the index of the mark to escape)
    (re.compile(r"#+(?=\s|$)"), 0),           # a heading
    (re.compile(r">"), 0),                    # a quotation
    (re.compile(r"[-+](?=\s|$)|-(?=-)"), 0),  # a list item, a line (`---`)
    (re.compile(r"\d{1,9}[.)](?=\s|$)"), -1),  # a numbered item: `1\.`
    (re.compile(r"[:~](?=[:~\s]|$)"), 0),     # a call-out (`:::`), a glossary meaning (`: `, `~ `), a fence (`~~~`)
]


@dataclass
class Piece:
    """A stretch of the written line: text from the model (`syntax` empty), or markup as written:
    `open` and `close` for emphasis delimiters, `[` for a link or span, `link_end` and `span_end`."""
    text: str
    syntax: str = ""
    written: str = ""
    braces: bool = False   # escape every `{` (see _pieces)


def write_inlines(inlines: tuple[m.Inline, ...], *, block_start: bool = False, table: bool = False,
                  heading: bool = False) -> str:
    pieces = _pieces(expressible(inlines), None)
    for i, piece in enumerate(pieces):
        if not piece.syntax:
            follows = pieces[i - 1].syntax if i else ""
            precedes = pieces[i + 1].syntax if i + 1 < len(pieces) else ""
            piece.written = escape(piece.text, block_start=block_start and i == 0, table=table, heading=heading,
                                   braces=piece.braces, after=follows, before=precedes)
    _keep_delimiters_working(pieces)
    return "".join(p.written for p in pieces)


def write_plain(text: str) -> str:
    """Text alone, such as an image's alt text, escaped so that none of it is read as markup."""
    return escape(text)


# The model, made writable ------------------------------------------------------------------------

def expressible(inlines: tuple[m.Inline, ...], within: type | None = None, in_link: bool = False) -> tuple[m.Inline, ...]:
    """The same words with what Markdown cannot say smoothed away: bold directly inside bold (and
    italics inside italics) unwrapped, neighbouring bold runs joined, spaces at the edges of bold
    moved outside it, empty runs dropped; no link inside a link, and no language span inside a link
    (markdown-it reads neither; a span that is the whole link text goes around the link instead)."""
    out: list[m.Inline] = []
    for item in inlines:
        if isinstance(item, m.Text):
            out.append(item)
        elif isinstance(item, (m.Strong, m.Emphasis)):
            children = expressible(item.children, type(item), in_link)
            out += list(children) if within is type(item) else _spaces_outside(type(item), children)
        elif in_link:  # a link or a span inside a link: its words only
            out += expressible(item.children, within, in_link)
        elif isinstance(item, m.Link):
            out += _link(item)
        else:
            out.append(m.Foreign(item.lang, expressible(item.children, m.Foreign)))
    return _joined(out)


def _link(link: m.Link) -> list[m.Inline]:
    if len(link.children) == 1 and isinstance(link.children[0], m.Foreign):
        span = link.children[0]
        return [m.Foreign(span.lang, (m.Link(link.href, expressible(span.children, m.Link, True)),))]
    return [m.Link(link.href, expressible(link.children, m.Link, True))]


def _spaces_outside(kind: type, children: tuple[m.Inline, ...]) -> list[m.Inline]:
    """`** bold **` is not bold in Markdown: the spaces go outside the markers."""
    lead = trail = ""
    items = list(children)
    while items and isinstance(items[0], m.Text) and _leading_space(items[0].text):
        lead += _leading_space(items[0].text)
        items[0] = m.Text(items[0].text[len(_leading_space(items[0].text)):])
        items = items if items[0].text else items[1:]
    while items and isinstance(items[-1], m.Text) and _trailing_space(items[-1].text):
        trail = _trailing_space(items[-1].text) + trail
        items[-1] = m.Text(items[-1].text[:len(items[-1].text) - len(_trailing_space(items[-1].text))])
        items = items if items[-1].text else items[:-1]
    middle = [kind(tuple(items))] if items else []
    return [m.Text(lead)] + middle + [m.Text(trail)]


def _leading_space(text: str) -> str:
    return text[:len(text) - len(text.lstrip())]


def _trailing_space(text: str) -> str:
    return text[len(text.rstrip()):]


def _joined(items: list[m.Inline]) -> tuple[m.Inline, ...]:
    """Adjacent text as one run, adjacent bold (or italics) as one, empty text dropped."""
    out: list[m.Inline] = []
    for item in items:
        if isinstance(item, m.Text) and not item.text:
            continue
        if out and type(item) is type(out[-1]) and isinstance(item, (m.Text, m.Strong, m.Emphasis)):
            joined = out[-1].text + item.text if isinstance(item, m.Text) else _joined([*out[-1].children, *item.children])
            out[-1] = m.Text(joined) if isinstance(item, m.Text) else type(item)(joined)
        else:
            out.append(item)
    return tuple(out)


# Pieces ------------------------------------------------------------------------------------------

def _pieces(inlines: tuple[m.Inline, ...], around: str | None) -> list[Piece]:
    """The pieces of some inline content; `around` is the delimiter character of the bold or
    italics it directly stands in, which its first and last child must not repeat (`***` is ambiguous)."""
    pieces: list[Piece] = []
    previous = None
    for n, item in enumerate(inlines):
        if isinstance(item, m.Text):
            pieces.append(Piece(item.text))
            previous = None
        elif isinstance(item, (m.Strong, m.Emphasis)):
            touching = {previous, around if n in (0, len(inlines) - 1) else None}
            char = "*" if "*" not in touching else "_"
            marks = char * (2 if isinstance(item, m.Strong) else 1)
            pieces += [Piece("", "open", marks), *_pieces(item.children, char), Piece("", "close", marks)]
            previous = char
        else:
            end = f"]({link_destination(item.href)})" if isinstance(item, m.Link) else f"]{{lang={item.lang}}}"
            kind = "link_end" if isinstance(item, m.Link) else "span_end"
            inner = _pieces(item.children, None)
            if pieces and pieces[-1].syntax in ("link_end", "span_end"):
                for piece in inner:  # markdown-it-attrs would take a `{` in it for the attributes of the link before
                    piece.braces = True
            pieces += [Piece("", "[", "["), *inner, Piece("", kind, end)]
            previous = None
    return pieces


def link_destination(href: str) -> str:
    """A link's address as written between `(` and `)`: unbalanced brackets escaped."""
    href = REFERENCE.sub(lambda found: "\\" + found.group(), href.replace("\\", "\\\\"))
    if not _balanced(href):
        href = href.replace("(", "\\(").replace(")", "\\)")
    return href


def _balanced(href: str) -> bool:
    depth = 0
    for c in href:
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


# Escaping ----------------------------------------------------------------------------------------

def escape(text: str, *, block_start: bool = False, table: bool = False, heading: bool = False,
           braces: bool = False, after: str = "", before: str = "") -> str:
    """`text` as written, between markup of kinds `after` and `before` ("" for the line's ends)."""
    text = text.replace("\r", " ").replace("\n", " ")  # a paragraph is one line
    marks = _block_start_marks(text) if block_start else set()
    if heading and not before:
        marks |= _closing_hashes(text, after)
    context = _Context(table, heading, braces, after, before)
    return "".join("\\" + c if i in marks or _is_markup(text, i, context) else c for i, c in enumerate(text))


@dataclass
class _Context:
    table: bool
    heading: bool
    braces: bool
    after: str
    before: str


def _is_markup(text: str, i: int, at: _Context) -> bool:
    """Whether the character at `i` could be read as markup where it stands."""
    c = text[i]
    if c == "_":  # between two letters `_` is only text (snake_case); elsewhere it may be italics
        inside = 1 <= i - 1 and i + 1 <= len(text) - 2  # not beside the ends, which may become `&#..;`
        return not (inside and _kind(text[i - 1]) == _kind(text[i + 1]) == "word")
    return (c in ALWAYS or (c == "<" and _could_be_autolink(text, i, at.before))
            or (c == "&" and bool(REFERENCE.match(text, i))) or (c == "|" and at.table)
            or (c == "!" and i == len(text) - 1 and at.before == "[")
            or (c == "{" and (at.braces or (i == 0 and bool(at.after))))  # attributes: `[a](x){lang=es}`
            or (c == "{" and at.heading and text[i + 1:i + 2] == "#"))  # `{#id}` ends a heading


def _could_be_autolink(text: str, i: int, before: str) -> bool:
    """`<https://...>` and `<name@example.org>` are links: is this `<` the start of one?"""
    end = re.search(r"[<>]", text[i + 1:])
    if end is None:
        return bool(before)  # the `>` may come after the markup that follows: be safe
    middle = text[i + 1:i + 1 + end.start()]
    return end.group() == ">" and bool(AUTOLINK_RE.match(middle) or EMAIL_RE.match(middle))


def _block_start_marks(text: str) -> set[int]:
    for pattern, which in BLOCK_START:
        found = pattern.match(text)
        if found:
            return {found.end() - 1 if which == -1 else found.start()}
    return set()


def _closing_hashes(text: str, after: str) -> set[int]:
    """A heading's trailing ` ##` is markup that closes it: escape its first `#`."""
    found = re.search(r"(?:^|\s)(#+)\s*$", text)
    if found and (found.start(1) > 0 or not after):
        return {found.start(1)}
    return set()


# Bold and italics --------------------------------------------------------------------------------

def _kind(c: str) -> str:
    if isWhiteSpace(ord(c)):
        return "space"
    return "punctuation" if isMdAsciiPunct(ord(c)) or isPunctChar(c) else "word"


def _keep_delimiters_working(pieces: list[Piece]) -> None:
    """A `**` between a letter outside and punctuation inside neither opens nor closes (nor does
    `_` beside a letter): write that letter as a character reference, which counts as punctuation."""
    for i, piece in enumerate(pieces):
        if piece.syntax not in ("open", "close"):
            continue
        step = -1 if piece.syntax == "open" else 1
        outside, inside = _neighbour(pieces, i, step), _neighbour(pieces, i, -step)
        if outside is None or outside.syntax or not outside.written:
            continue
        edge = -1 if step == -1 else 0
        c = outside.written[edge]
        inner = inside.written[-edge - 1] if inside is not None and inside.written else " "
        if _kind(c) == "word" and (_kind(inner) != "word" or piece.written[0] == "_"):
            reference = f"&#{ord(c)};"
            outside.written = outside.written[:-1] + reference if edge == -1 else reference + outside.written[1:]


def _neighbour(pieces: list[Piece], i: int, step: int) -> Piece | None:
    j = i + step
    return pieces[j] if 0 <= j < len(pieces) else None
