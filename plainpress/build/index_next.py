"""The library index's two lists for a clinic manager: one row per guide with its languages, and what
to do next across the library (failing checks first, then translations behind their source, then
reading levels above their target, then reviews due), each with a link to the report that says more.
Built from the index's entries (index.py), one per guide and language."""
from __future__ import annotations

from urllib.parse import quote

TRANSLATION_PARTS = (("missing", "not translated yet"), ("stale", "translating an older text"),
                     ("moved", "moved in the source"), ("orphan", "no longer in the source"))


def library(entries: list[dict]) -> list[dict]:
    """One row per guide: its title (in its source language) and each of its languages."""
    guides: dict[str, list[dict]] = {}
    for entry in entries:
        guides.setdefault(entry["guide"], []).append(entry)
    rows = []
    for slug, found in guides.items():
        found.sort(key=lambda e: (e["translation"] is not None, e["language"]))
        rows.append({"guide": slug, "title": found[0]["title"], "lang": found[0]["lang"],
                     "languages": [language_row(e) for e in found]})
    return rows


def language_row(entry: dict) -> dict:
    translation = entry["translation"]
    return {"lang": entry["lang"], "language": entry["language"], "anchor": f"{entry['guide']}-{entry['lang']}",
            "report": report_href(entry), "source": translation is None,
            "state": state_words(entry)}


def state_words(entry: dict) -> str:
    """The language's facts in one line: how current it is (a translation), its checks, its reading."""
    parts = []
    translation = entry["translation"]
    if translation is not None:
        parts.append(translation_words(translation))
    failing = entry["failing"]
    if failing:
        parts.append(f"{len(failing)} {'check fails' if len(failing) == 1 else 'checks fail'}")
    elif any(o["status"] == "not checked" for o in entry["outputs"]) or not entry["outputs"]:
        parts.append("some files not checked")
    else:
        parts.append("every check passes")
    parts.append(f"reading {entry['reading']['words']}")
    if entry["review_due"]:
        parts.append("review due")
    return "; ".join(parts)


def translation_words(translation: dict) -> str:
    """`90 % current with the English; 5 parts not translated yet, 8 moved in the source`."""
    share = f"{translation['current'] * 100:.0f} % current with the {translation['from_language']}"
    parts = [f"{n} {'part' if n == 1 else 'parts'} {words}" for key, words in TRANSLATION_PARTS
             if (n := translation.get(key, 0))]
    return share + (" (" + ", ".join(parts) + ")" if parts else "")


def to_translate(translation: dict | None) -> int:
    return sum(translation.get(key, 0) for key, _ in TRANSLATION_PARTS) if translation else 0


def next_steps(entries: list[dict]) -> list[dict]:
    """What to do, most urgent first: a failing check stops a file from being handed out; a translation
    behind its source tells readers of that language less; then reading levels and reviews."""
    steps = [failure_step(e) for e in entries if e["failing"]]
    steps += [translation_step(e) for e in entries if behind(e["translation"])]
    steps += [reading_step(e) for e in entries if e["reading"]["state"] == "too hard"]
    steps += [review_step(e) for e in entries if e["review_due"]]
    return steps


def behind(translation: dict | None) -> bool:
    return translation is not None and (translation["current"] < 1 or to_translate(translation) > 0)


def step(kind: str, entry: dict, before: str, after: str, href: str, link: str) -> dict:
    """One thing to do: the words around the guide's title (which the page sets in its own language),
    and the link that says more; `text` is all of it, for programs."""
    return {"kind": kind, "before": before, "title": entry["title"], "lang": entry["lang"], "after": after,
            "text": f"{before}“{entry['title']}”{after}", "href": href, "link": link}


def failure_step(entry: dict) -> dict:
    """Every failing check of one guide in one language, file by file."""
    files: dict[str, list[str]] = {}
    for failing in entry["failing"]:
        files.setdefault(f"{lower_first(failing['format_words'])} ({failing['file']})", []).append(failing["check"])
    said = "; ".join(f"its {file} fails {'the check' if len(checks) == 1 else f'{len(checks)} checks'}: "
                     + "; ".join(checks) for file, checks in files.items())
    return step("check fails", entry, "Mend ", f" ({entry['language']}): {said}.",
                report_href(entry, "accessibility"), "what it means for readers and what to do")


def translation_step(entry: dict) -> dict:
    return step("translation", entry, f"Bring the {entry['language']} translation of ",
                f" up to date: {translation_words(entry['translation'])}.",
                report_href(entry, "translation"), "the parts, in its report")


def reading_step(entry: dict) -> dict:
    return step("reading level", entry, "Make ", f" ({entry['language']}) easier to read: {entry['reading']['verdict']}",
                report_href(entry, "hardest"), "its hardest sentences")


def review_step(entry: dict) -> dict:
    return step("review", entry, "Review ", f" ({entry['language']}): last reviewed {entry['date_words']}, "
                "more than a year ago.", f"#{entry['guide']}-{entry['lang']}", "its facts")


def lower_first(text: str) -> str:
    """`Large-print PDF` as `large-print PDF`: the capital of a list's label, not of a name."""
    return text[:1].lower() + text[1:]


def report_href(entry: dict, part: str = "") -> str:
    """A link to the entry's report.html (to one of its parts), quoted; to its facts here if it has none."""
    found = next((r["href"] for r in entry["reports"] if r["name"] == "report.html"), None)
    if found is None:
        return f"#{entry['guide']}-{entry['lang']}"
    return quote(found) + (f"#{part}" if part else "")


def languages_sentence(summary: dict) -> str:
    """`1 guide in 3 languages: English, Korean, Tagalog`."""
    guides, names = summary["guides"], summary["languages"]
    text = f"{guides} {'guide' if guides == 1 else 'guides'}"
    if len(names) == 1:
        return f"{text} in {names[0]}"
    if names:
        text += f" in {len(names)} languages: {', '.join(names)}"
    return text
