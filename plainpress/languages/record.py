"""The language record: everything plainpress needs to know of a language, in one frozen value.

`language(tag)` builds it from CLDR (direction, script) and the script's row below, then the
language's own row in `table.py` (formulas, sentence limit, a different face). Any well-formed tag
gets a record: a language with no row of its own is drawn, split into sentences and left unscored
the way its script asks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import cldr


@dataclass(frozen=True)
class Script:
    """How a writing system is drawn and cut into sentences."""
    faces: tuple[str, ...]          # font families, the script's own first; later ones draw Latin passages
    package: str                    # the Debian package that installs them
    sentence_marks: str = ".!?…"    # a sentence ends at one of these
    cased: bool = True              # a sentence starts with a capital (so "e.g. the" is not an end)
    spaced: bool = True             # words are separated by spaces (else length counts characters)
    docx_slot: str = "ascii"        # the w:rFonts slot Word draws it with: ascii, eastAsia or cs


LATIN = Script(("Atkinson Hyperlegible", "Noto Sans"), "fontpkg-atkinson-hyperlegible (PyPI)")
CJK_MARKS = "。！？!?．"
SCRIPTS = {
    "Latn": LATIN,
    "Cyrl": Script(("Noto Sans",), "fonts-noto-core"),
    "Grek": Script(("Noto Sans",), "fonts-noto-core"),
    "Arab": Script(("Noto Sans Arabic", "Noto Sans"), "fonts-noto-core", ".!?…؟۔", cased=False, docx_slot="cs"),
    "Hebr": Script(("Noto Sans Hebrew", "Noto Sans"), "fonts-noto-core", cased=False, docx_slot="cs"),
    "Deva": Script(("Noto Sans Devanagari", "Noto Sans"), "fonts-noto-core", ".!?…।॥", cased=False, docx_slot="cs"),
    "Thai": Script(("Noto Sans Thai", "Noto Sans"), "fonts-noto-core", cased=False, spaced=False, docx_slot="cs"),
    "Hans": Script(("Noto Sans CJK SC",), "fonts-noto-cjk", CJK_MARKS, False, False, "eastAsia"),
    "Hant": Script(("Noto Sans CJK TC",), "fonts-noto-cjk", CJK_MARKS, False, False, "eastAsia"),
    "Jpan": Script(("Noto Sans CJK JP",), "fonts-noto-cjk", CJK_MARKS, False, False, "eastAsia"),
    "Kore": Script(("Noto Sans CJK KR",), "fonts-noto-cjk", ".!?…。", cased=False, docx_slot="eastAsia"),
}
SCRIPT_NAMES = {"Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek", "Arab": "Arabic", "Hebr": "Hebrew",
                "Deva": "Devanagari", "Thai": "Thai", "Hans": "Simplified Chinese", "Hant": "Traditional Chinese",
                "Jpan": "Japanese", "Kore": "Korean"}
CLOSERS = "\"'’”»)\\]」』）】"
# A letter and the combining marks on it (Arabic short vowels, Devanagari and Thai vowel signs are
# not word characters to `re`, which would cut "كَتَبَ" or "ऊँचा" into pieces).
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0903" \
         "\u093a-\u094f\u0951-\u0957\u0962\u0963\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1dc0-\u1dff\u3099\u309a"
_LETTER = rf"[^\W_][{_MARKS}]*"
WORD = re.compile(rf"(?:{_LETTER})+(?:['’-](?:{_LETTER})+)*")


@dataclass(frozen=True)
class Limit:
    """The longest sentence advised, in the language's own unit, and who says so."""
    most: int
    unit: str        # "words" or "characters"
    source: str


@dataclass(frozen=True)
class Language:
    tag: str
    script: str                         # ISO 15924 code: Latn, Arab, Hans...
    direction: str                      # "ltr" or "rtl", from CLDR
    faces: tuple[str, ...]              # font families in the order a renderer asks for them
    package: str                        # where those fonts come from
    sentence_marks: str
    cased: bool
    spaced: bool
    docx_slot: str
    sentence_limit: Limit
    formulas: tuple[str, ...] = ()      # readability formulas that judge it (checks/formulas.py); () = not scored
    hard_word_syllables: int | None = None   # a word this long, not an everyday word, is hard; None: no rule
    plain_words: str | None = None      # data file of everyday words
    cjk_face: str | None = field(default=None)   # the CJK face for w:eastAsia, where the language has one

    @property
    def base(self) -> str:
        return self.tag.split("-")[0].lower()

    @property
    def name(self) -> str:
        return cldr.language_name(self.tag)

    @property
    def script_name(self) -> str:
        return SCRIPT_NAMES.get(self.script, self.script)

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def scored(self) -> bool:
        return bool(self.formulas)

    def sentences(self, text: str) -> list[str]:
        """The text cut into sentences the way the language ends them: after `。` with or without a
        space in Chinese and Japanese, after `.` or `؟` and a space in Arabic, after `다.` in Korean;
        in a cased alphabet only where the next sentence starts with a capital or a digit."""
        text = " ".join(text.split())
        if not text:
            return []
        pieces = _boundaries(self.sentence_marks, self.spaced).split(text)
        out: list[str] = []
        for piece in (p.strip() for p in pieces):
            if out and self.cased and piece[:1].islower():
                out[-1] += " " + piece
            elif piece:
                out.append(piece)
        return out

    def length(self, sentence: str) -> int:
        """A sentence's length in the unit of its limit: words, or characters where words have no spaces."""
        if self.sentence_limit.unit == "characters":
            return sum(1 for ch in sentence if ch.isalnum())
        return len(WORD.findall(sentence))


@lru_cache(maxsize=None)
def _boundaries(marks: str, spaced: bool) -> re.Pattern:
    ends = re.escape(marks)
    closers = re.escape(CLOSERS)
    if spaced:
        return re.compile(rf"(?<=[{ends}])[{closers}]*\s+")
    # no spaces between words: a full-width mark ends a sentence by itself, a Latin one needs a space
    wide = re.escape("".join(ch for ch in marks if ord(ch) > 0x2000))
    return re.compile(rf"(?<=[{wide}])[{closers}]*\s*|(?<=[{ends}])[{closers}]*\s+")
