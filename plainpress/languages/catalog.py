"""The words plainpress prints around a guide's own text (call-out titles, the title block, "page 1
of 2", the EPUB's navigation, a theme's contact block), one gettext catalog per language:
`locales/<lang>/LC_MESSAGES/plainpress.po`, each entry's `msgctxt` the label's key and its `msgid`
the English below. A theme's own `locales/` folder comes first, then ours; English for any label
no catalog has (and `missing_labels` names them, so the build can say so).

Placeholders (`{phone}`, `{page}`) stay in the translation, in whatever order the language needs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from . import cldr

LOCALES = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "plainpress"

# key -> the English every catalog translates. Keys are what templates and renderers ask for.
ENGLISH = {
    "version": "Version {version}.", "reviewed": "Last reviewed: {date}.",
    "page": "page {page} of {pages}", "contents": "Contents", "landmarks": "Landmarks",
    "start": "Start of content", "for": "For: {audience}", "skip": "Skip to the guide", "table": "Table",
    "key-points": "Key points", "note": "Note", "warning": "Warning", "notes": "Notes",
    "ask": "Questions to ask your care team", "contact": "Contact us", "phone": "Phone",
    "address": "Address", "website": "Website", "hours": "Opening hours",
    "questions": "Questions? Call {phone}.", "continued": "continued",
}
PLACEHOLDER = re.compile(r"\{[a-z]+\}")


def catalog_path(folder: Path, lang: str) -> Path:
    return folder / lang.replace("-", "_") / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_names(lang: str) -> list[str]:
    """The catalogs that may hold a tag's labels, nearest first: `zh-Hant-TW` looks in zh_Hant_TW,
    zh_Hant, zh; `zh-TW` in zh_TW, then zh_Hant (its likely script), then zh."""
    parts = lang.replace("_", "-").split("-")
    names = ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]
    script = cldr.likely_script(lang)
    with_script = f"{parts[0]}-{script}"
    if with_script not in names and parts[0].lower() != "en":
        names.insert(len(names) - 1, with_script)
    return names


@lru_cache(maxsize=None)
def read_catalog(path: Path) -> dict[str, str]:
    """key -> translation, from one PO file: fuzzy or empty entries, and any whose placeholders differ
    from the English, are left out (a wrong `{phone}` would print a bare brace)."""
    import polib
    if not path.is_file():
        return {}
    found = {}
    for entry in polib.pofile(str(path)):
        key = entry.msgctxt or ""
        if key in ENGLISH and entry.msgstr and not entry.fuzzy and placeholders_match(key, entry.msgstr):
            found[key] = entry.msgstr
    return found


def placeholders_match(key: str, text: str) -> bool:
    return sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(ENGLISH[key]))


def label_catalog(lang: str, folders: Iterable[Path] = ()) -> dict[str, str]:
    """Every translation the catalogs hold for `lang` (no English filled in): a theme's folders first."""
    merged: dict[str, str] = {}
    for folder in reversed((*folders, LOCALES)):
        for name in reversed(catalog_names(lang)):
            merged.update(read_catalog(catalog_path(Path(folder), name)))
    return merged


def labels(lang: str, folders: Iterable[Path] = (), own: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every label in the language of `lang`: a guide's own translations (`own`), then the catalogs,
    then English."""
    if lang.split("-")[0].lower() == "en":
        return {**ENGLISH, **(own or {})}
    return {**ENGLISH, **label_catalog(lang, tuple(folders)), **(own or {})}


def missing_labels(lang: str, folders: Iterable[Path] = (), own: Mapping[str, str] | None = None) -> list[str]:
    """The keys of labels that would print in English in a guide of `lang` (none for English)."""
    if lang.split("-")[0].lower() == "en":
        return []
    have = {**label_catalog(lang, tuple(folders)), **(own or {})}
    return [key for key in ENGLISH if key not in have]


def fill(template: str, **values: str) -> str:
    """A label with its placeholders filled: `fill(words["page"], page="2", pages="5")`."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group()[1:-1], m.group()), template)
