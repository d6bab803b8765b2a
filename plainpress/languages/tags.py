"""Language tags: well-formed BCP 47, and which language a page of words is in."""
from __future__ import annotations

import re

BCP47 = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def is_language_tag(tag: str | None) -> bool:
    """A well-formed BCP 47 tag (en, es, pt-BR); langcodes alone would also take `en_US`. A bare
    language named below is known to be one without loading langcodes' registry (a twentieth of a
    second, on every run that looks for sources)."""
    if not tag or not BCP47.match(tag):
        return False
    if tag.lower() in KNOWN:
        return True
    import langcodes
    return langcodes.tag_is_valid(tag)


# Bare tags known without loading langcodes' registry (a twentieth of a second on every run).
KNOWN = frozenset("en es fr de it pt nl ru ar zh vi ko tl pl uk ht so fa hi ja".split())


# The commonest short words of each language plainpress has labels for: enough to tell which of them
# a page of text is in, where a document's styles only name the language its author's Word was set to.
FUNCTION_WORDS = {
    "en": "the and of to in is you your it that for with are this be or not can on if",
    "es": "el la los las de del que y en un una es su sus por con para no se lo al",
    "fr": "le la les de des du et est un une en que qui pour dans ne pas vous votre au",
    "de": "der die das und ist nicht ein eine zu den mit sie ihr auf für von dem des im",
}


def language_of_words(words: list[str]) -> tuple[str | None, float]:
    """The language whose common words the text uses most, and how clearly (its share of the hits);
    (None, 0) for a text with too few of them to tell."""
    sets = {lang: set(text.split()) for lang, text in FUNCTION_WORDS.items()}
    hits = {lang: sum(1 for w in words if w.lower() in common) for lang, common in sets.items()}
    total = sum(hits.values())
    best = max(hits, key=hits.get)
    return (best, hits[best] / total) if total >= 12 else (None, 0.0)
