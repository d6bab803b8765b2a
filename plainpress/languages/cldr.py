"""What CLDR knows of every locale, through Babel: names, direction, script, dates and numbers.
No table of our own: a language plainpress has never heard of still gets its month names right."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=None)
def locale(tag: str):
    """Babel's locale for a BCP 47 tag (`zh-Hant-TW`), or for its nearest parent CLDR has; None for a
    tag CLDR does not know at all."""
    from babel import Locale, UnknownLocaleError
    parts = tag.replace("_", "-").split("-")
    while parts:
        try:
            return Locale.parse("_".join(parts))
        except (UnknownLocaleError, ValueError):
            parts.pop()
    return None


@lru_cache(maxsize=None)
def likely_script(tag: str) -> str:
    """The ISO 15924 script a tag is written in: its own subtag (`sr-Latn`), or CLDR's likely one
    (`zh` -> Hans, `ko` -> Kore, `ar` -> Arab); Latn where CLDR does not know."""
    from babel.core import get_global
    parts = tag.replace("_", "-").split("-")
    own = [p for p in parts[1:] if len(p) == 4 and p.isalpha()]
    if own:
        return own[0].title()
    table = get_global("likely_subtags")
    regions = [p.upper() for p in parts[1:] if len(p) in (2, 3) and not p.isdigit() or p.isdigit() and len(p) == 3]
    likely = table.get(f"{parts[0].lower()}_{regions[0]}", "") if regions else ""
    likely = likely or table.get(parts[0].lower(), "")
    subtags = [p for p in likely.split("_")[1:] if len(p) == 4]
    return subtags[0] if subtags else "Latn"


def direction(tag: str) -> str:
    """"rtl" or "ltr", from CLDR's character order for the locale (its script's, for a tag CLDR lacks)."""
    loc = locale(tag)
    if loc is not None:
        return "rtl" if loc.text_direction == "rtl" else "ltr"
    return "rtl" if likely_script(tag) in RTL_SCRIPTS else "ltr"


RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg"})


def language_name(tag: str) -> str:
    """The language's name in English, for messages a clinic's writer reads ("the Korean translation"):
    `zh-Hant` -> "Chinese (Traditional)"; `tl` -> "Tagalog" (CLDR says Filipino, a different standard
    built on it; clinics and patients say Tagalog)."""
    if tag.split("-")[0].lower() in ENGLISH_NAMES:
        return ENGLISH_NAMES[tag.split("-")[0].lower()]
    loc = locale(tag)
    if loc is None:
        return f"the language tagged {tag}"
    return loc.get_display_name("en") or tag


ENGLISH_NAMES = {"tl": "Tagalog"}


def native_name(tag: str) -> str:
    """The language's name in itself ("한국어", "العربية"), for the library index a patient may read."""
    loc = locale(tag)
    return (loc.get_display_name(loc) or tag) if loc is not None else tag


def long_date(date: dt.date, lang: str) -> str:
    """A date people read without doubt, with the month in words, as CLDR writes it in the language
    ("1 de octubre de 2026", "2026年10月1日", "1 أكتوبر 2026"); non-breaking spaces so that it never
    splits across lines. ISO 8601 for a tag CLDR does not know."""
    from babel.dates import format_date
    loc = locale(lang)
    if loc is None:
        return date.isoformat()
    return format_date(date, "long", locale=loc).replace(" ", "\u00a0")


def number(value: float, lang: str) -> str:
    """A number as the language writes it (decimal comma in Spanish, Arabic digits where CLDR uses them)."""
    from babel.numbers import format_decimal
    loc = locale(lang)
    return format_decimal(value, locale=loc) if loc is not None else f"{value:g}"
