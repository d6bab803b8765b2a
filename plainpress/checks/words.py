"""The word lists that ship with plainpress: everyday long words and medical terms."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def _read_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [w for line in lines if not line.startswith("#") for w in _split(line, name)]


def _split(line: str, name: str) -> list[str]:
    # plain_words.txt holds many words a line; medical_terms.txt one term (maybe several words) a line
    return line.split() if name == "plain_words.txt" else [line.strip()] if line.strip() else []


@lru_cache(maxsize=1)
def plain_words() -> frozenset[str]:
    return frozenset(_read_list("plain_words.txt"))


@lru_cache(maxsize=1)
def medical_terms() -> tuple[str, ...]:
    return tuple(_read_list("medical_terms.txt"))


def singular(word: str) -> str:
    """A rough singular, enough to match 'neurons' to 'neuron' and 'synapses' to 'synapse'."""
    w = word.lower().replace("’", "'")
    for ending, replacement in (("ies", "y"), ("ses", "se"), ("xes", "x"), ("s", "")):
        if w.endswith(ending) and len(w) > len(ending) + 2 and not w.endswith("ss"):
            return w[: -len(ending)] + replacement
    return w


def is_plain_word(word: str) -> bool:
    w = word.lower().replace("’", "'")
    return w in plain_words() or singular(w) in plain_words()


def normal_term(text: str) -> str:
    return " ".join(singular(w) for w in re.findall(r"[\w-]+", text.lower()))
