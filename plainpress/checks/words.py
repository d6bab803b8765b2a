"""The word lists that ship with plainpress: everyday long words per language and medical terms."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..languages import language

DATA = Path(__file__).resolve().parent.parent / "data"
# Lists of medical terms to define, by base language: a guide in a language without one checks only
# the terms of its own front matter (`terms:`), never another language's list.
TERM_LISTS = {"en": "medical_terms.txt"}


def _read_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [w for line in lines if not line.startswith("#") for w in _split(line, name)]


def _split(line: str, name: str) -> list[str]:
    # plain_words.txt holds many words a line; medical_terms.txt one term (maybe several words) a line
    return line.split() if name.startswith("plain_words") else [line.strip()] if line.strip() else []


@lru_cache(maxsize=None)
def plain_words(lang: str = "en") -> frozenset[str]:
    """The everyday words of a language (its record's `plain_words` list); none where it has no list."""
    name = language(lang).plain_words
    return frozenset(_read_list(name)) if name else frozenset()


def hard_word_syllables(lang: str) -> int | None:
    """From how many syllables a word of this language may be hard; None: not judged. A language without
    a list of everyday words gets no hard words marked: a long word is not hard because it is long."""
    record = language(lang)
    return record.hard_word_syllables if record.plain_words else None


def hard_word_rule(lang: str) -> str:
    """How hard words are chosen for this language, in words for the report."""
    n, name = hard_word_syllables(lang), language(language(lang).base).name
    if n is None:
        return (f"Hard words are not marked in {name}: plainpress has no list of its everyday "
                "words, and a long word is not hard because it is long.")
    return (f"Hard words ({_NUMBERS[n]} or more syllables, and not on plainpress's list of everyday "
            f"{name} words) are marked.")


_NUMBERS = {3: "three", 4: "four"}


def has_term_list(lang: str) -> bool:
    """Whether plainpress ships medical terms in this language (its long unusual words, 4 syllables or
    more and not everyday words, count as terms too: calibrated on that list)."""
    return language(lang).base in TERM_LISTS and language(lang).plain_words is not None


@lru_cache(maxsize=None)
def medical_terms(lang: str = "en") -> tuple[str, ...]:
    """The shipped medical terms in a language; () for a language plainpress has no list for."""
    name = TERM_LISTS.get(language(lang).base)
    return tuple(_read_list(name)) if name else ()


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A rough singular, enough to match 'neurons' to 'neuron' and 'synapses' to 'synapse'."""
    w = word.lower().replace("’", "'")
    for ending, replacement in (("ies", "y"), ("ses", "se"), ("xes", "x"), ("s", "")):
        if w.endswith(ending) and len(w) > len(ending) + 2 and not w.endswith("ss"):
            return w[: -len(ending)] + replacement
    return w


@lru_cache(maxsize=65536)
def is_plain_word(word: str, lang: str = "en") -> bool:
    """An everyday word of the language `lang` (one with a list in its record)."""
    w = word.lower().replace("’", "'")
    words = plain_words(lang)
    return any(form in words for form in (w, *SINGULARS.get(language(lang).base, _english_singulars)(w)))


def _english_singulars(word: str) -> tuple[str, ...]:
    """What an English plural may come from: 'neurons' -> 'neuron'."""
    return (singular(word),)


def _spanish_singulars(word: str) -> tuple[str, ...]:
    """Spanish 'zapatos' -> 'zapato', 'hospitales' -> 'hospital' (plurals spelled otherwise, like
    'calcetines', are in the list)."""
    return tuple(word[: -len(e)] for e in ("s", "es") if word.endswith(e) and len(word) > len(e) + 2)


# How a plural is taken back to the form the everyday list holds, by base language.
SINGULARS = {"en": _english_singulars, "es": _spanish_singulars}


@lru_cache(maxsize=65536)
def normal_term(text: str) -> str:
    return " ".join(singular(w) for w in re.findall(r"[\w-]+", text.lower()))
