"""The word lists that ship with plainpress: everyday long words per language and medical terms."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .formulas import language_name

DATA = Path(__file__).resolve().parent.parent / "data"
# A word is hard from this many syllables on (as textstat counts them), unless it is an everyday word.
# Spanish words are longer than English ones, so the bar is one syllable higher. A language without
# a list of everyday words gets no hard words marked: a long word is not hard because it is long.
HARD_WORD_SYLLABLES = {"en": 3, "es": 4}
EVERYDAY_LISTS = {"en": "plain_words.txt", "es": "plain_words.es.txt"}


def _read_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [w for line in lines if not line.startswith("#") for w in _split(line, name)]


def _split(line: str, name: str) -> list[str]:
    # plain_words.txt holds many words a line; medical_terms.txt one term (maybe several words) a line
    return line.split() if name.startswith("plain_words") else [line.strip()] if line.strip() else []


@lru_cache(maxsize=None)
def plain_words(lang: str = "en") -> frozenset[str]:
    return frozenset(_read_list(EVERYDAY_LISTS[lang]))


def hard_word_syllables(lang: str) -> int | None:
    """From how many syllables a word of this base language may be hard; None: not judged."""
    return HARD_WORD_SYLLABLES.get(lang)


def hard_word_rule(lang: str) -> str:
    """How hard words are chosen for this base language, in words for the report."""
    n = hard_word_syllables(lang)
    if n is None:
        return ("Hard words are not marked in this language: plainpress has no list of its everyday words, "
                "and a long word is not hard because it is long.")
    return (f"Hard words ({_NUMBERS[n]} or more syllables, and not on plainpress's list of everyday "
            f"{language_name(lang)} words) are marked.")


_NUMBERS = {3: "three", 4: "four"}


@lru_cache(maxsize=1)
def medical_terms() -> tuple[str, ...]:
    return tuple(_read_list("medical_terms.txt"))


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
    """An everyday word of the base language `lang` (one with a list: see EVERYDAY_LISTS)."""
    w = word.lower().replace("’", "'")
    return any(form in plain_words(lang) for form in (w, *_singulars(w, lang)))


def _singulars(word: str, lang: str) -> tuple[str, ...]:
    """What a plural may come from: English 'neurons' -> 'neuron'; Spanish 'zapatos' -> 'zapato',
    'hospitales' -> 'hospital' (plurals spelled otherwise, like 'calcetines', are in the list)."""
    if lang == "es":
        return tuple(word[: -len(e)] for e in ("s", "es") if word.endswith(e) and len(word) > len(e) + 2)
    return (singular(word),)


@lru_cache(maxsize=65536)
def normal_term(text: str) -> str:
    return " ".join(singular(w) for w in re.findall(r"[\w-]+", text.lower()))
