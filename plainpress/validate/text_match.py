"""Text of a DOCX found again in a PDF's text, the way each script comes out of a PDF.

pdfplumber reads each line left to right as it is drawn: an Arabic word's letters come backwards, a
ligature's letters as the font maps them, an English name and a list number wherever the line's bidi
put them. So a passage with right-to-left letters is found as its characters in any order, with at most
a list's number or bullet beside them; any other passage as it is. Both sides are squeezed first.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

CID = re.compile(r"\(cid:\d+\)")   # pdfminer's stand-in for a glyph with no Unicode
RIGHT_TO_LEFT = frozenset({"R", "AL"})
MARKER = 6   # the most characters a list's number or bullet (and the space the PDF puts after it) takes


# A CJK face draws the middle dot of a transliterated name (卢·格里克) with the glyph it shares with
# these, and the PDF's text then names whichever it maps that glyph to.
MIDDLE_DOTS = str.maketrans(dict.fromkeys("\u00b7\u2022\u2027\u2219\u30fb\u22c5", "\u00b7"))


def squeeze(text: str) -> str:
    """The text to compare: NFKC (Arabic presentation forms, full-width letters and ligatures as their
    plain letters), without white space and without what is not drawn (bidi marks, joiners, controls)."""
    text = CID.sub("", unicodedata.normalize("NFKC", text)).translate(MIDDLE_DOTS)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf"))


def right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in RIGHT_TO_LEFT for ch in text)


def out_of_order(text: str) -> bool:
    """Text a PDF gives back in drawing order rather than reading order: right-to-left letters, and
    the Indic scripts (Devanagari's ि is drawn before the consonant it follows), U+0900 to U+0DFF."""
    return right_to_left(text) or any("\u0900" <= ch <= "\u0dff" for ch in text)


def marks_only(extra: Counter, most: int) -> bool:
    """Characters a passage's window may hold besides its own: a few digits, bullets or stops, no letter."""
    return sum(extra.values()) <= most and not any(unicodedata.category(ch)[0] in "LM" for ch in extra)


def find(needle: str, haystack: str, position: int) -> tuple[int, int] | None:
    """Where the squeezed passage is, from `position` on: as it is, or (right-to-left letters in it) as its
    characters in any order with at most a list mark beside them (start, end)."""
    if not out_of_order(needle):
        found = haystack.find(needle, position)
        return (found, found + len(needle)) if found >= 0 else None
    return scrambled(needle, haystack, position)


def scrambled(needle: str, haystack: str, position: int) -> tuple[int, int] | None:
    """The first window of `haystack` from `position` holding every character of `needle` (as many times)
    and besides them only list marks: the sliding window of the minimum-window-substring problem."""
    want, have, missing, left = Counter(needle), Counter(), len(needle), position
    for right in range(position, len(haystack)):
        ch = haystack[right]
        have[ch] += 1
        missing -= have[ch] <= want[ch]
        while missing == 0:
            while have[haystack[left]] > want[haystack[left]]:  # a surplus character at the left: drop it
                have[haystack[left]] -= 1
                left += 1
            if right + 1 - left - len(needle) <= MARKER and marks_only(have - want, MARKER):
                return left, right + 1
            have[haystack[left]] -= 1   # a needed one: the window moves on past it
            missing += 1
            left += 1
    return None
