"""Cuts of a face (fontTools subsets), kept in the user's cache by their characters, each made from
the smallest cut already kept that holds its characters rather than from the whole face.

Loading and cutting a 65k-glyph Noto CJK face takes most of a second; cutting the same characters out
of a cut of a few hundred glyphs takes a few hundredths, and gives the same bytes (fontTools keeps the
glyph order and every table the same way: the tests check it, face by face). So a guide cuts each face
and weight once, to every character its EPUB, web page and index entry print (`wider`), and each
output's font is cut from that. A cut saved as TrueType/OpenType (no flavor) is listed as a source
for later cuts in the face's index (one small file: its cuts' names and characters), which holds the
`HELD` most recently used: `plainpress serve` makes a wider cut each time an author adds characters,
and the index stays small to read. A cut dropped from the index stays kept: it is also an output's
font (an EPUB's), which the next build of that guide asks for by its characters.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import known

if TYPE_CHECKING:
    from .fonts import FaceFile

SPACES = {0x20, 0xA0}   # every cut has them: a line of text may end or break on them
FORMAT = 2   # of the kept cuts and their index (how a cut is made, what is kept): a change makes new ones
HELD = 8     # sources kept per face and weight, the least recently used dropped


def cut(face: FaceFile, chars: str, flavor: str | None = None,
        wider: Callable[[], str] | None = None) -> bytes:
    """The face cut to `chars` (sorted, each once), as TrueType/OpenType (flavor None) or "woff2".
    When no kept cut holds the characters, `wider()` (a superset: what the whole guide prints in this
    face) is cut first and kept, so that the guide's other outputs cut theirs from it."""
    kept = _kept_path(face, chars, flavor)
    data = _read(kept)
    if data is not None:
        if flavor is None:
            _hold(face, kept.stem, chars)
        return data
    source = _reflavoured(face, chars, flavor) if flavor else None
    if source is not None:
        return _keep(face, chars, flavor, source)
    source = smallest_holding(face, chars)
    if source is None and wider is not None and kept is not None:
        wide_chars = "".join(sorted(set(wider()) | set(chars)))
        wide = cut(face, wide_chars, None)
        if flavor is None and wide_chars == chars:   # the wide cut was this one
            return wide
        return cut(face, chars, flavor)   # from the wide cut, now kept (or re-flavoured: the same characters)
    held = _read(source)   # None when another process has just dropped it: cut from the face
    if held is not None:
        _hold(face, source.stem)
    made = _cut(held, face, chars, flavor)
    return _keep(face, chars, flavor, made)


def smallest_holding(face: FaceFile, chars: str) -> Path | None:
    """The kept cut of the face with fewest characters that holds all of `chars`, if any (from the
    face's index alone: one small file)."""
    index = _held_index(face)
    if index is None:
        return None
    best: tuple[int, Path] | None = None
    need = set(chars)
    for stem, held in _listed(index):
        source = index.parent.parent / f"{stem}{face.suffix}"
        if (best is None or len(held) < best[0]) and need <= set(held) and source.is_file():
            best = (len(held), source)
    return best[1] if best else None


def _read(path: Path | None) -> bytes | None:
    try:
        return path.read_bytes() if path is not None else None
    except OSError:
        return None


def _cut(source: bytes | None, face: FaceFile, chars: str, flavor: str | None) -> bytes:
    """fontTools' cut, from a kept cut's bytes or else from the face's own file."""
    from fontTools import subset as ft
    from fontTools.ttLib import TTFont
    options = ft.Options()
    options.layout_features = ["*"]   # every feature kept: Arabic joins, Vietnamese marks stack
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    options.flavor = flavor
    # recalcTimestamp=False: the same characters give the same bytes on any day; lazy=True, as
    # fontTools' own subsetter loads a font: layout subtables read when the cut asks for them
    if source is None:
        font = TTFont(face.path, fontNumber=face.index, recalcTimestamp=False, lazy=True)
    else:
        font = TTFont(io.BytesIO(source), recalcTimestamp=False, lazy=True)
    subsetter = ft.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in chars} | SPACES)
    subsetter.subset(font)
    return _saved(font, flavor)


def _reflavoured(face: FaceFile, chars: str, flavor: str) -> bytes | None:
    """The kept TrueType/OpenType cut of the same characters as WOFF2, if there is one: the same bytes
    as a cut straight to it, its tables copied as they are (brotli's time only)."""
    data = _read(_kept_path(face, chars, None)) if flavor == "woff2" else None
    return as_woff2(data) if data is not None else None


def as_woff2(data: bytes) -> bytes:
    from fontTools.ttLib import woff2
    out = io.BytesIO()
    woff2.compress(io.BytesIO(data), out)
    return out.getvalue()


def _saved(font, flavor: str | None) -> bytes:
    _bounds_once(font)
    out = io.BytesIO()
    font.flavor = flavor
    font.save(out)
    return out.getvalue()


def _bounds_once(font) -> None:
    """Saving a CFF font, fontTools draws every glyph three times to find its bounds (for hhea, vhea
    and the CFF's FontBBox), most of the time a CJK cut takes: each glyph's bounds found once, the
    same numbers."""
    if "CFF " not in font:
        return
    charstrings = font["CFF "].cff.topDictIndex[0].CharStrings
    for name in charstrings.keys():
        glyph = charstrings[name]
        glyph.calcBounds = _once(glyph.calcBounds)


def _once(calc):
    found = []

    def bounds(glyph_set):
        if not found:
            found.append(calc(glyph_set))
        return found[0]
    return bounds


def _keep(face: FaceFile, chars: str, flavor: str | None, data: bytes) -> bytes:
    """Kept best effort (two processes may make the same cut: the last rename wins, same bytes); a cut
    with no flavor is listed as a source for later cuts once its file is in place."""
    kept = _kept_path(face, chars, flavor)
    if not known.store(kept, data):
        return data
    if flavor is None:
        _hold(face, kept.stem, chars)
    return data


def _hold(face: FaceFile, stem: str, chars: str | None = None) -> None:
    """The kept cut named `stem` listed first in the face's index (added when `chars` are given), and
    the cuts beyond the `HELD` most recently used dropped from it (not deleted: an EPUB of a library's
    fortieth guide still wants its own). Best effort, under a
    lock on the index's folder so that two processes do not lose each other's cuts; written only when
    the order changes."""
    from ..files import locked
    index = _held_index(face)
    if index is None:
        return
    try:
        with locked(index.parent):
            listed = _listed(index)
            held = dict(listed)
            if chars is None and stem not in held:
                return
            order = [(stem, held.get(stem, chars))] + [entry for entry in listed if entry[0] != stem]
            if order != listed:
                known.store(index, json.dumps(order[:HELD], ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass


def _listed(index: Path) -> list[tuple[str, str]]:
    """The index's cuts, most recently used first: (name, characters)."""
    try:
        return [(stem, chars) for stem, chars in json.loads(index.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return []


def _kept_path(face: FaceFile, chars: str, flavor: str | None) -> Path | None:
    """Where the cut is kept: named by the face file (its size and time: a new version of the font is
    a new cut), the flavor, the characters, fontTools' and brotli's versions and FORMAT."""
    return known.kept("subsets", repr((FORMAT, _face(face), flavor, chars)), face.suffix)


def _held_index(face: FaceFile) -> Path | None:
    """The face's index of kept sources (`subsets/held/<face's key>.json`)."""
    return known.kept("subsets/held", repr((FORMAT, _face(face))), ".json")


def _face(face: FaceFile) -> str:
    return known.file_key(face.path, face.index, "fonttools", "brotli")
