"""The font files behind a language's faces, what they can draw, and subsets of them to embed.

Atkinson Hyperlegible comes from its PyPI package; every other face from the system's fontconfig
(Debian's fonts-noto-core and fonts-noto-cjk), found once per process with one `fc-list`. A Noto CJK
face lives inside a collection (.ttc) with its siblings: the index says which one.
"""
from __future__ import annotations

import io
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import PlainpressError
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
    """(family, weight) -> its file, for every regular and bold face fontconfig knows."""
    try:
        listing = subprocess.run(["fc-list", "--format", "%{family}\t%{style}\t%{file}\t%{index}\n"],
                                 capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        listing = ""
    found: dict[tuple[str, str], FaceFile] = {}
    for line in listing.splitlines():
        families, styles, path, index = (line.split("\t") + ["", "", "", "0"])[:4]
        weight = {"regular": "normal", "bold": "bold"}.get(styles.split(",")[0].strip().lower())
        if weight is None or not index.isdigit():
            continue
        for family in families.split(","):
            found.setdefault((family.strip(), weight), FaceFile(family.strip(), weight, Path(path), int(index)))
    return found


def face_file(family: str, weight: str = "normal") -> FaceFile | None:
    if family == ATKINSON:
        name = "AtkinsonHyperlegible-Regular.ttf" if weight == "normal" else "AtkinsonHyperlegible-Bold.ttf"
        return FaceFile(ATKINSON, weight, atkinson_dir() / name)
    return system_faces().get((family, weight))


@lru_cache(maxsize=None)
def cmap(family: str, weight: str = "normal") -> frozenset[int]:
    """The code points a face has glyphs for (empty when it is not installed)."""
    from fontTools.ttLib import TTFont
    face = face_file(family, weight)
    if face is None:
        return frozenset()
    font = TTFont(face.path, fontNumber=face.index, lazy=True)
    return frozenset(font.getBestCmap())


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
    letters = "".join(ch for ch in text if ch.isalpha())
    while len(faces) > 1 and missing_from(faces[:1], letters) and not missing_from(faces[1:2], letters):
        faces = faces[1:]
    return faces


def installed(record: Language) -> list[str]:
    """The language's faces that are not installed (empty when all are)."""
    return [family for family in record.faces if face_file(family) is None]


def subset(face: FaceFile, text: str, flavor: str | None = None) -> bytes:
    """The face cut to the characters of `text` (plus what shaping needs: every layout feature is
    kept, so Arabic joins and Vietnamese marks stack), kept in the user's cache: a Noto CJK face
    takes a second to load."""
    from ..build.cache import sha256
    from ..files import user_cache, write_atomic
    from ..versions import package_versions
    chars = "".join(sorted(set(text)))
    stat = face.path.stat()
    key = repr((str(face.path), face.index, stat.st_size, stat.st_mtime_ns, flavor, chars,
                package_versions(("fonttools", "brotli"))))
    folder = user_cache("subsets")
    kept = folder / f"{sha256(key.encode())}{face.suffix}" if folder else None
    if kept is not None and kept.is_file():
        return kept.read_bytes()
    made = _subset(face, chars, flavor)
    if kept is not None:
        write_atomic(kept, made)
    return made


def _subset(face: FaceFile, chars: str, flavor: str | None) -> bytes:
    from fontTools import subset as ft
    from fontTools.ttLib import TTFont
    options = ft.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    options.flavor = flavor
    # recalcTimestamp=False: the same characters give the same bytes on any day
    font = TTFont(face.path, fontNumber=face.index, recalcTimestamp=False, lazy=False)
    subsetter = ft.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in chars} | {0x20, 0xA0})
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = flavor
    font.save(out)
    return out.getvalue()
