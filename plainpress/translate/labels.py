"""The labels a guide prints (call-out titles, "page {page} of {pages}", "Contents"...) as units for
the translator, where the target language's catalogs lack them; the import keeps their translations
in the translated guide's own front matter (`labels:`, `Meta.labels`), read before the catalogs.

In the guide's folder rather than in `locales/`: a translator's words for one guide go back with that
guide's translation, through the same all-or-nothing import, and never change another guide's labels
(the shared catalog is a reviewed file of its own; `plainpress check` names what it still lacks).

A label unit's id is `label:<key>`; its words are plain text whose placeholders (`{page}`) must come
back exactly as the English has them, or the unit is refused.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import model as m
from ..languages import ENGLISH, label_catalog, labels, language_name
from ..languages.catalog import PLACEHOLDER
from .returned import Previous
from .units import Unit

PREFIX = "label:"
KIND = "label"
CONTACT = ("contact", "phone", "address", "website", "hours", "questions")   # a theme's contact block
EVERY_GUIDE = ("reviewed", "page", "contents", "landmarks", "start", "skip")
# Where each label is printed, told to the translator.
WHERE = {
    "version": "the version line under the title", "reviewed": "the review date under the title",
    "page": "the foot of every page", "contents": "the table of contents of the e-book and web page",
    "landmarks": "the e-book's navigation", "start": "the e-book's navigation",
    "for": "the line under the title that says who the guide is for", "skip": "the web page's first link",
    "table": "a screen reader's name for each table of the web page", "key-points": "the title of each key-points box",
    "note": "the title of each note box", "warning": "the title of each warning box",
    "ask": "the title of each box of questions for the care team", "contact": "the heading of the contact block",
    "phone": "the contact block", "address": "the contact block", "website": "the contact block",
    "hours": "the contact block", "questions": "the contact block", "notes": "the heading of an imported guide's notes",
    "continued": "a box or table that goes on over a page",
}
FILLED = {"version": "the version", "date": "the date", "page": "the page number", "pages": "the number of pages",
          "audience": "who the guide is for", "phone": "the phone number"}


def label_id(key: str) -> str:
    return PREFIX + key


def label_key(unit_id: str) -> str | None:
    return unit_id[len(PREFIX):] if unit_id.startswith(PREFIX) and unit_id[len(PREFIX):] in ENGLISH else None


def default_titled(guide: m.Guide) -> list[m.Callout]:
    """The call-outs that show their kind's label as their title (no title of their own)."""
    words = labels(guide.meta.lang, own=guide.meta.own_labels)
    return [b for b in m.walk(guide.blocks) if isinstance(b, m.Callout) and b.title == words[b.style]]


def printed_labels(guide: m.Guide, contact: bool = True) -> list[str]:
    """The keys of the labels the guide prints in some format, in the catalog's order; the contact
    block's when `contact` (a theme adds it to every guide) or the guide has a `::: contact`."""
    meta = guide.meta
    kinds = {c.style for c in default_titled(guide)}
    contact = contact or any(isinstance(b, m.Callout) and b.style == "contact" for b in m.walk(guide.blocks))
    wanted = {*EVERY_GUIDE, *kinds, *(("version",) if meta.version else ()), *(("for",) if meta.audience else ()),
              *(("table",) if any(isinstance(b, m.Table) for b in m.walk(guide.blocks)) else ()),
              *(CONTACT if contact else ())}
    return [key for key in ENGLISH if key in wanted]


def lacking(guide: m.Guide, lang: str, folders: Iterable[Path] = (), contact: bool = True) -> list[str]:
    """The labels `guide` prints that the catalogs of `lang` lack (none for English)."""
    if lang.split("-")[0].lower() == "en":
        return []
    have = label_catalog(lang, tuple(folders))
    return [key for key in printed_labels(guide, contact) if key not in have]


def label_units(source: m.Guide, lang: str, folders: Iterable[Path] = (), contact: bool = True) -> list[Unit]:
    """A unit for each label the source prints that a translation into `lang` would print in English."""
    return [Unit(label_id(key), KIND, (m.Text(ENGLISH[key]),), None) for key in lacking(source, lang, folders, contact)]


def every_label() -> list[Unit]:
    """A unit for every label plainpress has: any of them may come back in a returned file."""
    return [Unit(label_id(key), KIND, (m.Text(text),), None) for key, text in ENGLISH.items()]


def label_note(key: str, lang: str) -> str:
    """What a label unit is, for the translator: where it is printed and which placeholders to keep."""
    return (f"Words plainpress prints around the guide, at {WHERE[key]}; no catalog has them in "
            f"{language_name(lang) if lang else 'the target language'}{keep_placeholders(key, '. ')}")


def keep_placeholders(key: str, before: str = "") -> str:
    """"Keep {page} (the page number) and {pages} (the number of pages) as they are...", or nothing."""
    names = PLACEHOLDER.findall(ENGLISH[key])
    if not names:
        return ""
    filled = " and ".join(f"{name} ({FILLED.get(name[1:-1], 'filled in')})" for name in names)
    many = len(names) > 1
    return f"{before}Keep {filled} as {'they are' if many else 'it is'}, where the language puts {'them' if many else 'it'}"


def placeholder_problem(key: str, text: str) -> tuple[str, str] | None:
    """(message, hint) when a label's translation does not hold the English's placeholders exactly."""
    mine, english = sorted(PLACEHOLDER.findall(text)), sorted(PLACEHOLDER.findall(ENGLISH[key]))
    if mine == english:
        return None
    extra = [p for p in dict.fromkeys(mine) if mine.count(p) > english.count(p)]
    lost = [p for p in dict.fromkeys(english) if english.count(p) > mine.count(p)]
    said = "; ".join(x for x in (f"it lacks {', '.join(lost)}" if lost else "",
                                 f"it has {', '.join(extra)}, which the English does not have once more" if extra else "")
                     if x)
    return (f"the placeholders do not match the English “{ENGLISH[key]}”: {said}",
            f"keep {', '.join(dict.fromkeys(PLACEHOLDER.findall(ENGLISH[key])))} exactly, braces included, "
            "where the language puts them" if english else
            "remove the braces: the English has no placeholder")


def previous_labels(target: m.Guide | None) -> dict[str, Previous]:
    """The guide's own labels so far, for an export to give as their translations."""
    if target is None:
        return {}
    return {label_id(k): Previous((m.Text(text),), False, ENGLISH[k]) for k, text in target.meta.labels}


def with_labels(old: dict[str, str], new: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """A guide's own labels so far with the newly translated ones over them, in the catalog's order."""
    merged = {**old, **{k: " ".join(v.split()) for k, v in new.items()}}
    return tuple((k, merged[k]) for k in ENGLISH if merged.get(k))
