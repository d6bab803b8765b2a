"""One row per language: what CLDR and its script do not already say. Adding a language is a row
here (if it needs one) and a catalog in `locales/`.

Sentence limits: 20 words for English is the CDC Clear Communication Index's (item 3.2: "sentences
of 20 words or fewer"); other languages convert it at the length their translations of the same
English usually take, and say so. A limit's `source` is said in the finding, in brackets.

Formulas: the names in checks/formula_table.py, each with its own target and its source. A language
with none is "not scored", said in plain words; its other checks still run. textstat has Flesch-type
constants for de, fr, it, nl and ru, but none for Polish (its Flesch is English's constants on Polish
syllables, which would call every Polish guide too hard): Polish is not scored. Hard words: from
`hard_word_syllables` syllables on, where the language has a list of everyday words (`plain_words`).
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from . import cldr
from .record import SCRIPTS, Language, Limit, Script

CDC = "CDC Clear Communication Index, item 3.2"


def default_limit(script: Script) -> Limit:
    if script.spaced:
        return Limit(20, "words", CDC)
    return Limit(35, "characters", "CDC's 20 English words, at the 1.7 characters a word that translations "
                                   "into Chinese, Japanese or Thai usually take")


ROWS: dict[str, dict] = {
    "en": {"formulas": ("smog", "flesch_kincaid", "reading_ease"), "hard_word_syllables": 3,
           "plain_words": "plain_words.txt"},
    "es": {"formulas": ("fernandez_huerta", "szigriszt_pazos"), "hard_word_syllables": 4,
           "plain_words": "plain_words.es.txt",
           "sentence_limit": Limit(25, "words", "CDC's 20 English words, at the quarter more words "
                                                "Spanish translations of English usually take")},
    "de": {"formulas": ("amstad", "wiener_sachtextformel")},
    "fr": {"formulas": ("kandel_moles",)},
    "it": {"formulas": ("gulpease", "flesch_vacca")},
    "nl": {"formulas": ("douma",)},
    "ru": {"formulas": ("oborneva",)},
    "ar": {"formulas": ("osman",),
           "sentence_limit": Limit(16, "words", "CDC's 20 English words, at the fifth fewer words Arabic "
                                                "takes (articles and prepositions join the word)")},
    "fa": {"sentence_limit": Limit(20, "words", CDC)},
    "ko": {"sentence_limit": Limit(15, "words", "CDC's 20 English words, at the quarter fewer words "
                                                "(eojeol) Korean takes: particles and endings join the word")},
    "ja": {"sentence_limit": Limit(40, "characters", "CDC's 20 English words, at the 2 characters a word "
                                                     "Japanese translations of English usually take")},
    # Atkinson Hyperlegible lacks ơ and ư and the stacked tone marks: the whole guide in Noto Sans,
    # never a word in two faces.
    "vi": {"faces": ("Noto Sans",), "package": "fonts-noto-core"},
}

# Han drawn the way a region writes it.
FACE_BY_TAG = {"zh-hk": ("Noto Sans CJK HK",), "zh-hant-hk": ("Noto Sans CJK HK",), "zh-mo": ("Noto Sans CJK HK",),
               "zh-tw": ("Noto Sans CJK TC",), "zh-hant-tw": ("Noto Sans CJK TC",)}


@lru_cache(maxsize=None)
def language(tag: str) -> Language:
    """The record for a BCP 47 tag: its script's row, then its language's row (`table.ROWS`), then
    its region's (`zh-HK` draws Han in the Hong Kong face)."""
    script = cldr.likely_script(tag)
    if script == "Hani":
        script = "Hans"
    drawn = SCRIPTS.get(script, Script(("Noto Sans",), "fonts-noto-core"))
    base = tag.split("-")[0].lower()
    record = Language(tag=tag, script=script, direction=cldr.direction(tag), faces=drawn.faces,
                      package=drawn.package, sentence_marks=drawn.sentence_marks, cased=drawn.cased,
                      spaced=drawn.spaced, docx_slot=drawn.docx_slot, sentence_limit=default_limit(drawn))
    record = replace(record, **ROWS.get(base, {}))
    faces = FACE_BY_TAG.get(tag.lower())
    if faces:
        record = replace(record, faces=faces)
    if record.docx_slot == "eastAsia":
        record = replace(record, cjk_face=record.faces[0])
    return record
