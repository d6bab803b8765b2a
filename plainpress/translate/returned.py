"""What a translator's file brings back, whatever its format (DOCX, XLIFF, PO): which guide and
languages it says it is for, the translated text of each unit, and every place that does not map;
and what an export sends out besides the source: each unit's translation so far."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import model as m
from ..errors import PlainpressError
from .units import source_digest


@dataclass(frozen=True)
class Header:
    """What an exported file says it is: written on export, checked on import."""
    guide: str            # the guide's folder name
    source_lang: str
    target_lang: str
    version: str          # the source's `version:`
    digest: str           # of every source unit (`units.source_digest`): the source it was made from


@dataclass(frozen=True)
class Previous:
    """A unit's translation so far, given to an export: written as its target, for review when stale."""
    text: tuple[m.Inline, ...]   # the current translation
    stale: bool                  # the source changed since it was made: a translator must look again
    old_source: str              # the source text it was made from, plain


@dataclass(frozen=True)
class Mismatch:
    """A place in a returned file that does not map onto the source, or needs a person to know of it."""
    where: str            # "paragraph 12", "trans-unit what-is-als-3", "entry 4"
    words: str            # its first words, so that a person finds it
    message: str
    hint: str
    fatal: bool = True    # False: reported, and the import goes on (a comment left out, a fallback)

    def __str__(self) -> str:
        words = f" (“{self.words}”)" if self.words else ""
        return f"{self.where}{words}: {self.message}; {self.hint}"


@dataclass
class Returned:
    header: Header
    texts: dict[str, tuple[m.Inline, ...]] = field(default_factory=dict)   # unit id -> translation
    reviewed: set[str] = field(default_factory=set)   # units a translator confirmed (not left as new/fuzzy)
    kept: set[str] = field(default_factory=set)       # ... whose words stay the source's on purpose
    mismatches: list[Mismatch] = field(default_factory=list)
    made_from: dict[str, str] = field(default_factory=dict)   # unit id -> digest of the source text it saw


class TranslationImportError(PlainpressError):
    """The file cannot be brought back: every mismatch, one per line, each with what to do."""

    def __init__(self, path, mismatches: list[Mismatch]):
        self.path, self.mismatches = path, mismatches
        super().__init__("\n".join(f"{path}: {x}" for x in mismatches))


def header_for(source: m.Guide, target_lang: str) -> Header:
    """What a file exported from `source` for translation into `target_lang` says it is."""
    return Header(source.slug or source.folder.name, source.meta.lang, target_lang, source.meta.version,
                  source_digest(source))
