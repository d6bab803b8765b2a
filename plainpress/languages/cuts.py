"""Cuts of a face (fontTools subsets), kept in the user's cache by their characters, each made from
the smallest cut already kept that holds its characters rather than from the whole face.

Loading and cutting a 65k-glyph Noto CJK face takes most of a second; cutting the same characters out
of a cut of a few hundred glyphs takes a few hundredths, and gives the same bytes (fontTools keeps the
glyph order and every table the same way: the tests check it, face by face). So a guide cuts each face
and weight once, to every character its EPUB, web page and index entry print (`wider`), and each
output's font is cut from that. A cut saved as TrueType/OpenType (no flavor) is listed as a source
for later cuts: a file of its characters beside it, in a folder of the face's own.
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .fonts import FaceFile

SPACES = {0x20, 0xA0}   # every cut has them: a line of text may end or break on them


def cut(face: FaceFile, chars: str, flavor: str | None = None,
        wider: Callable[[], str] | None = None) -> bytes:
    """The face cut to `chars` (sorted, each once), as TrueType/OpenType (flavor None) or "woff2".
    When no kept cut holds the characters, `wider()` (a superset: what the whole guide prints in this
    face) is cut first and kept, so that the guide's other outputs cut theirs from it."""
    kept = _kept_path(face, chars, flavor)
    if kept is not None and kept.is_file():
        return kept.read_bytes()
    source = _reflavoured(face, chars, flavor) if flavor else None
    if source is not None:
        return _keep(face, chars, flavor, source)
    source = smallest_holding(face, chars)
    if source is None and wider is not None and kept is not None:
        wide = cut(face, "".join(sorted(set(wider()) | set(chars))), None)
        if kept.is_file():   # the wide cut was this one
            return wide
        return cut(face, chars, flavor)   # from the wide cut, now kept (or re-flavoured: the same characters)
    made = _cut(source.read_bytes() if source else None, face, chars, flavor)
    return _keep(face, chars, flavor, made)


def smallest_holding(face: FaceFile, chars: str) -> Path | None:
    """The kept cut of the face with fewest characters that holds all of `chars`, if any."""
    folder = _held_folder(face)
    best: tuple[int, Path] | None = None
    need = set(chars)
    try:
        entries = list(os.scandir(folder)) if folder else []
    except OSError:
        return None
    for entry in entries:
        if not entry.name.endswith(".txt"):
            continue
        try:
            held = Path(entry.path).read_text(encoding="utf-8")
        except OSError:
            continue
        source = folder.parent.parent / f"{entry.name[:-4]}{face.suffix}"
        if (best is None or len(held) < best[0]) and need <= set(held) and source.is_file():
            best = (len(held), source)
    return best[1] if best else None


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
    kept = _kept_path(face, chars, None)
    if flavor != "woff2" or kept is None or not kept.is_file():
        return None
    return as_woff2(kept.read_bytes())


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
    from ..files import write_atomic
    kept = _kept_path(face, chars, flavor)
    if kept is None:
        return data
    try:
        write_atomic(kept, data)
        if flavor is None and (held := _held_folder(face)) is not None:
            write_atomic(held / f"{kept.stem}.txt", chars.encode("utf-8"))
    except OSError:
        pass
    return data


def _face_key(face: FaceFile) -> tuple:
    stat = face.path.stat()
    return (str(face.path), face.index, stat.st_size, stat.st_mtime_ns)


def _kept_path(face: FaceFile, chars: str, flavor: str | None) -> Path | None:
    """Where the cut is kept: named by the face file (and its size and time: a new version of the
    font is a new cut), the flavor, the characters and fontTools' and brotli's versions."""
    from ..build.cache import sha256
    from ..files import user_cache
    from ..versions import package_versions
    folder = user_cache("subsets")
    if folder is None:
        return None
    path, index, size, mtime = _face_key(face)
    key = repr((path, index, size, mtime, flavor, chars, package_versions(("fonttools", "brotli"))))
    return folder / f"{sha256(key.encode())}{face.suffix}"


def _held_folder(face: FaceFile) -> Path | None:
    """The folder listing the face's kept sources: one `<cut's name>.txt` of characters each."""
    from ..build.cache import sha256
    from ..files import user_cache
    from ..versions import package_versions
    folder = user_cache("subsets")
    if folder is None:
        return None
    key = repr((*_face_key(face), package_versions(("fonttools", "brotli"))))
    return folder / "held" / sha256(key.encode())[:32]
