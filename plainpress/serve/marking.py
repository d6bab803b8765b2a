"""Wrap a run of text on the rendered page in an element, wherever the run crosses inline markup.

A sentence may start in plain text and end inside a link, or begin half-way through a bold passage.
Each text block (a paragraph, list item, table cell, glossary entry) is flattened into pieces of text,
each with the inline elements it sits in; the run is found in the text the reader sees; the block is
then rebuilt with the new element around the run, splitting an inline element the run cuts through
(as the DOM's Range.surroundContents would, if it allowed partial elements).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from lxml import html

# Elements that hold a sentence's text themselves; a run never crosses from one into another.
TEXT_BLOCKS = ("p", "li", "td", "th", "dd", "dt")
INLINE = {"a", "strong", "em", "b", "i", "span", "mark", "abbr", "code", "small", "sub", "sup", "bdi", "u"}
UNSEEN = "print-only"   # a link's address, printed after its words but not on screen
GAP = "\x00"            # stands for a nested block in the seen text, so that no run crosses it

# Finds a run in the text a reader sees (whitespace collapsed): its (start, end), or None.
Finder = Callable[[str], "tuple[int, int] | None"]


@dataclass(frozen=True)
class Piece:
    text: str
    path: tuple       # the inline elements the text sits in, outermost first (used as patterns)
    at: int = 0       # where it starts in the seen text
    seen: bool = True
    block: object = None  # a nested block (a list in a list item), moved over whole


def wrap_first(scope, finder: Finder, wrapper_path: tuple, skip: Callable = lambda piece: False):
    """Wrap the first run `finder` finds in a text block of `scope` (or `scope` itself) in copies of
    `wrapper_path` (outermost first); text in pieces for which `skip` is true is not searched.
    Returns the innermost new element, or None when the run is not on the page."""
    for block in text_blocks(scope):
        pieces = flatten(block)
        seen, where = collapsed(pieces, skip)
        found = finder(seen)
        if found:
            start, end = where[found[0]], where[found[1] - 1] + 1
            made = rebuild(block, surround(pieces, start, end, wrapper_path))
            return made[id(wrapper_path[-1])]
    return None


def text_blocks(scope) -> list:
    return [*([scope] if scope.tag in TEXT_BLOCKS else []), *scope.iterdescendants(*TEXT_BLOCKS)]


def flatten(element, path: tuple = (), seen: bool = True, at: list | None = None) -> list[Piece]:
    """The element's content as pieces; `at` counts the seen characters so far."""
    at = [0] if at is None else at
    pieces = []

    def add(text, piece_path, visible, block=None):
        pieces.append(Piece(text, piece_path, at[0], visible, block))
        at[0] += (len(text) if visible else 0) + (1 if block is not None else 0)

    if element.text:
        add(element.text, path, seen)
    for child in element:
        if isinstance(child.tag, str) and child.tag in INLINE:
            shown = seen and UNSEEN not in child.get("class", "").split()
            inner = flatten(child, path + (child,), shown, at)
            pieces += inner or [Piece("", path + (child,), at[0], shown)]  # an empty element is kept
        else:
            add("", path, seen, block=child)
        if child.tail:
            add(child.tail, path, seen)
    return pieces


def collapsed(pieces: list[Piece], skip: Callable) -> tuple[str, list[int]]:
    """The seen text with each run of whitespace as one space (as the checks see sentences), and for
    each of its characters where it is in the seen text. Skipped pieces read as gaps."""
    out, where = [], []
    for piece in pieces:
        if piece.block is not None:
            out.append(GAP)
            where.append(piece.at)
            continue
        if not piece.seen:
            continue
        for i, char in enumerate(piece.text):
            if char.isspace() and out and out[-1] == " ":
                continue
            out.append(GAP if skip(piece) else " " if char.isspace() else char)
            where.append(piece.at + i)
    return "".join(out), where


def surround(pieces: list[Piece], start: int, end: int, wrapper_path: tuple) -> list[Piece]:
    """The pieces, cut at `start` and `end`, with `wrapper_path` put in the paths of those between,
    at the depth of the innermost element that holds all of them."""
    cut = [part for piece in pieces for part in split(piece, start, end)]
    inside = [p for p in cut if within(p, start, end)]
    depth = common_depth([p.path for p in inside])
    chosen = {id(p) for p in inside}
    return [replace(p, path=p.path[:depth] + wrapper_path + p.path[depth:]) if id(p) in chosen else p for p in cut]


def within(piece: Piece, start: int, end: int) -> bool:
    """Seen text from `start` up to `end`; anything without seen text (a printed-only address) only
    strictly inside, so that it stays with the words around it."""
    if piece.seen and piece.text and piece.block is None:
        return start <= piece.at < end
    return start < piece.at < end


def split(piece: Piece, *offsets: int) -> list[Piece]:
    """The piece cut at each offset that falls inside its seen text."""
    if not piece.seen or piece.block is not None:
        return [piece]
    parts, begin = [], 0
    for offset in sorted(o - piece.at for o in offsets):
        if 0 < offset < len(piece.text):
            parts.append(replace(piece, text=piece.text[begin:offset], at=piece.at + begin))
            begin = offset
    parts.append(replace(piece, text=piece.text[begin:], at=piece.at + begin))
    return parts


def common_depth(paths: list[tuple]) -> int:
    depth = 0
    while paths and all(len(p) > depth and p[depth] is paths[0][depth] for p in paths):
        depth += 1
    return depth


def rebuild(block, pieces: list[Piece]) -> dict[int, object]:
    """Empty the block and fill it again from the pieces, opening a fresh copy of an inline element
    wherever one was closed to let a wrapper in. Returns id(pattern) -> the first element made from it."""
    made_from: dict[int, object] = {}
    for child in list(block):
        block.remove(child)
    block.text = None
    stack = [(None, block)]   # (pattern, element made from it)
    for piece in pieces:
        keep = common_depth([tuple(pattern for pattern, _ in stack[1:]), piece.path])
        del stack[1 + keep:]
        for pattern in piece.path[keep:]:
            made = html.Element(pattern.tag, dict(pattern.attrib))
            made_from.setdefault(id(pattern), made)
            stack[-1][1].append(made)
            stack.append((pattern, made))
        if piece.block is not None:
            piece.block.tail = None
            stack[-1][1].append(piece.block)
        else:
            add_text(stack[-1][1], piece.text)
    return made_from


def add_text(element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text

