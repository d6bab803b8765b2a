"""Language tags, as the source, the renderers and the validators all need them."""
from __future__ import annotations

import re

BCP47 = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def is_language_tag(tag: str | None) -> bool:
    """A well-formed BCP 47 tag (en, es, pt-BR); langcodes alone would also take `en_US`. A bare
    language named below is known to be one without loading langcodes' registry (a twentieth of a
    second, on every run that looks for sources)."""
    if not tag or not BCP47.match(tag):
        return False
    if tag.lower() in NAMES:
        return True
    import langcodes
    return langcodes.tag_is_valid(tag)


# English names for messages ("the Spanish now reads ..."); langcodes' names need another package.
NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese",
         "nl": "Dutch", "ru": "Russian", "ar": "Arabic", "zh": "Chinese", "vi": "Vietnamese", "ko": "Korean",
         "tl": "Tagalog", "pl": "Polish", "uk": "Ukrainian", "ht": "Haitian Creole", "so": "Somali"}


def language_name(tag: str) -> str:
    """`es-MX` -> "Spanish"; a language without a name here is called by its tag."""
    return NAMES.get(tag.split("-")[0].lower(), f"`{tag}` text")
