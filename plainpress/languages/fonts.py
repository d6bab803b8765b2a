"""The font files behind a language's faces, what they can draw, and subsets of them to embed.

Atkinson Hyperlegible comes from its PyPI package; every other face from the system's fontconfig
(Debian's fonts-noto-core and fonts-noto-cjk), found with one `fc-list` whose answer the user's cache
keeps (`known`), as it keeps each face's cmap. A Noto CJK face lives inside a collection (.ttc) with its
siblings: the index says which one.
"""
from __future__ import annotations

import json
import marshal
import subprocess
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import PlainpressError
from . import known
from .record import Language

ATKINSON = "Atkinson Hyperlegible"
WEIGHTS = ("normal", "bold")


@dataclass(frozen=True)
class FaceFile:
    family: str
    weight: str      # "normal" or "bold"
    path: Path
    index: int = 0   # the face's number inside a collection

    @property
    def suffix(self) -> str:
        """What a subset of it is saved as: CFF outlines are OpenType (.otf), glyf ones TrueType."""
        return ".otf" if self.path.suffix.lower() in (".otf", ".ttc") and "CJK" in self.family else ".ttf"


class FontMissing(PlainpressError):
    """A face a language needs is not installed; the message names the package."""


def atkinson_dir() -> Path:
    import fontpkg_atkinson_hyperlegible as atkinson
    return atkinson.ROOT / "files"


@lru_cache(maxsize=1)
def system_faces() -> dict[tuple[str, str], FaceFile]:
    """(family, weight) -> its file, for every regular and bold face fontconfig knows: fc-list's
    answer, kept in the user's cache until fontconfig's files or a font folder change."""
    kept = known.kept("fontconfig", known.fontconfig_key(), ".json")
    rows = known.load_json(kept)
    if rows is None:
        rows = faces_listed(fc_list())
        if rows:   # no answer (fc-list missing or failing) is asked again next time
            known.store(kept, json.dumps(rows).encode("utf-8"))
    return {(family, weight): FaceFile(family, weight, Path(path), index) for family, weight, path, index in rows}


def fc_list() -> str:
    try:
        return subprocess.run(["fc-list", "--format", "%{family}\t%{style}\t%{file}\t%{index}\n"],
                              capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""


def faces_listed(listing: str) -> list[list]:
    """[family, weight, path, index] of each regular and bold face in fc-list's lines, the first
    file listed for a family and weight."""
    found: dict[tuple[str, str], list] = {}
    for line in listing.splitlines():
        families, styles, path, index = (line.split("\t") + ["", "", "", "0"])[:4]
        weight = {"regular": "normal", "bold": "bold"}.get(styles.split(",")[0].strip().lower())
        if weight is None or not index.isdigit():
            continue
        for family in families.split(","):
            found.setdefault((family.strip(), weight), [family.strip(), weight, path, int(index)])
    return list(found.values())


def face_file(family: str, weight: str = "normal") -> FaceFile | None:
    if family == ATKINSON:
        name = "AtkinsonHyperlegible-Regular.ttf" if weight == "normal" else "AtkinsonHyperlegible-Bold.ttf"
        return FaceFile(ATKINSON, weight, atkinson_dir() / name)
    return system_faces().get((family, weight))


@lru_cache(maxsize=None)
def cmap(family: str, weight: str = "normal") -> frozenset[int]:
    """The code points a face has glyphs for (empty when it is not installed), kept in the user's
    cache by the font file's path, size and time: a Noto CJK face's table has 65k of them."""
    face = face_file(family, weight)
    if face is None:
        return frozenset()
    kept = known.kept("cmaps", known.file_key(face.path, face.index, "fonttools"), ".marshal")
    found = known.load_marshal(kept)
    if not isinstance(found, frozenset):
        from fontTools.ttLib import TTFont
        found = frozenset(TTFont(face.path, fontNumber=face.index, lazy=True).getBestCmap())
        known.store(kept, marshal.dumps(found))
    return found


def drawn(ch: str) -> bool:
    """Whether a character needs a glyph: not a space, a control or a format character (ZWJ, bidi marks)."""
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Zs", "Zl", "Zp")


def missing_from(faces: tuple[str, ...], text: str, weight: str = "normal") -> list[str]:
    """The characters of `text` that none of the faces draws, in their order of first appearance."""
    have = frozenset().union(*(cmap(f, weight) for f in faces)) if faces else frozenset()
    return list(dict.fromkeys(ch for ch in text if drawn(ch) and ord(ch) not in have))


def faces_for(record: Language, text: str) -> tuple[str, ...]:
    """The faces a guide is set in: the language's, except that a first face lacking letters of the
    guide's own script that a later face has is dropped, so that no word is set in two faces
    (Atkinson Hyperlegible has no Vietnamese ơ or ư, no Cyrillic)."""
    faces = record.faces
    letters = "".join({ch for ch in set(text) if ch.isalpha()})  # each once: asked of every output of a guide
    while len(faces) > 1 and missing_from(faces[:1], letters) and not missing_from(faces[1:2], letters):
        faces = faces[1:]
    return faces


def installed(record: Language) -> list[str]:
    """The language's faces that are not installed (empty when all are)."""
    return [family for family in record.faces if face_file(family) is None]


def subset(face: FaceFile, text: str, flavor: str | None = None, wider: Callable[[], str] | None = None) -> bytes:
    """The face cut to the characters of `text` (plus what shaping needs: every layout feature is
    kept, so Arabic joins and Vietnamese marks stack), kept in the user's cache (`cuts`): from a kept
    cut that holds them, else from a cut to `wider()` made first, else from the face itself."""
    from .cuts import cut
    return cut(face, "".join(sorted(set(text))), flavor, wider)
