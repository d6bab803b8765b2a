"""What the XLIFF and PO exchanges share: the header an exported file carries, what each unit is told
to be, and the mapping of a returned file's units onto the source, with every mismatch.

A translation is used only when a translator confirmed it, its source text is the one the guide has
now, and it holds nothing the source unit did not (an unknown inline code, another link address).
Everything else is reported; what is merely not ready (not yet translated, not confirmed, made for
an older source text) is reported without stopping the import, which keeps the previous translation,
or the source text, for those units.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m
from ..languages import ENGLISH, is_language_tag
from ..findings import first_words
from .returned import Header, Mismatch, Returned, TranslationImportError
from .labels import every_label, label_id, label_key, label_note, label_units, placeholder_problem
from .units import Unit, block_units, content_digest, guide_words, units

SOURCE_FOLDER = "source"


def guide_name(guide: m.Guide) -> str:
    return guide.slug or guide.folder.name


def source_name(guide: m.Guide) -> str:
    """The source file as the project names it, e.g. `source/als-basics/en.md`: the same on every
    machine, so that the same source gives the same exported bytes."""
    return f"{SOURCE_FOLDER}/{guide_name(guide)}/{guide.path.name}"




def to_translate(source: m.Guide, target_lang: str | None = None) -> list[Unit]:
    """The units a translator is given: those with words (an empty table cell has none), and for a
    target language, the labels the guide prints that its catalogs lack (`labels.label_units`)."""
    found = [u for u in units(source) if u.text.strip()]
    return found + (label_units(source, target_lang) if target_lang else [])


def unit_notes(guide: m.Guide, target_lang: str = "") -> dict[str, str]:
    """What each unit is, told to the translator: its kind and the section it stands in."""
    notes = {u.id: f"The guide's {u.kind}" for u in units(guide) if u.id.startswith("meta.")}
    notes.update((label_id(key), label_note(key, target_lang)) for key in ENGLISH)
    sections, words = guide.sections(), guide_words(guide.meta)
    for n, section in enumerate(sections, 1):
        place = f"section {n} of {len(sections)}, “{section.title}”"
        for block in ((section.heading,) if section.heading else ()) + section.blocks:
            for u in block_units(block, words):
                notes[u.id] = f"Heading of {place}" if block is section.heading else \
                    f"{u.kind[0].upper()}{u.kind[1:]} in {place}"
    return notes


addresses = m.link_addresses


# The header, checked -----------------------------------------------------------------------------

def check_header(path: Path, header: Header, source: m.Guide, where: str) -> list[Mismatch]:
    """Raises TranslationImportError when the file is for another guide or language; returns what
    is only worth knowing (another version of the guide)."""
    guide, lang, version = guide_name(source), source.meta.lang, source.meta.version
    fatal = []
    if header.guide != guide:
        fatal.append(Mismatch(where, "", f"made for the guide `{header.guide}`, not `{guide}`",
                              f"import it into `{header.guide}`, or export `{guide}` again") if header.guide else
                     Mismatch(where, "", "it does not say which guide it is for",
                              "export the guide again with plainpress"))
    if header.source_lang.casefold() != lang.casefold():
        fatal.append(Mismatch(where, "", f"it translates from `{header.source_lang}`, but the guide is in `{lang}`",
                              f"export the guide again from its `{lang}` source"))
    if not is_language_tag(header.target_lang):
        fatal.append(Mismatch(where, "", f"the target language `{header.target_lang}` is not a language tag",
                              "set the target language in the translation tool, or export the guide again"))
    if fatal:
        raise TranslationImportError(path, fatal)
    if header.version != version:
        return [Mismatch(where, "", f"exported from version {header.version or '(none)'} of the guide, "
                                    f"which is now at version {version or '(none)'}",
                         "units whose source text changed since are not used; the others are", fatal=False)]
    return []


# Returned units, mapped ------------------------------------------------------------------------

@dataclass
class Entry:
    """One unit as a returned file gives it, before it is checked against the source."""
    id: str
    where: str                                 # "trans-unit what-is-als-3", "entry what-is-als-3"
    words: str                                 # the first words of its source text, as the file gives it
    source: tuple[m.Inline, ...] | None        # its source text (None: unreadable)
    translation: tuple[m.Inline, ...] | None   # None: no translation yet
    confirmed: bool                            # a translator said it is done (not new, fuzzy or for review)
    kept: bool = False                         # ... and that words left as the source's stay so on purpose
    state: str = ""                            # as the file says it: "needs-review-translation", "fuzzy"
    problems: list[tuple[str, str]] = field(default_factory=list)   # (message, hint) of its inline content


@dataclass(frozen=True)
class Wording:
    """How a format names its units and their states, in the mismatches that list them."""
    one: str               # "trans-unit"
    many: str              # "trans-units"
    untranslated: str      # "not yet translated"
    unconfirmed: str       # with `{states}`: "not confirmed by a translator (state {states})"
    unconfirmed_hint: str
    empty_hint: str


def gather(header: Header, source: m.Guide, entries: list[Entry], wording: Wording) -> Returned:
    """The translations of `entries` that can be used, and a mismatch for every other entry and for
    every unit of the source the file does not have."""
    returned = Returned(header)
    expected = {u.id: u for u in to_translate(source, header.target_lang)}
    # any label may come back (a catalog may have gained it since the export); none is missed if not
    any_label = {u.id: u for u in every_label()}
    seen: set[str] = set()
    untranslated, unconfirmed = [], []
    for entry in entries:
        unit = expected.get(entry.id) or any_label.get(entry.id)
        if unit is None or entry.id in seen:
            returned.mismatches.append(_unknown(entry) if unit is None else _twice(entry))
            continue
        seen.add(entry.id)
        # an empty target left unconfirmed is a unit not yet translated; a confirmed one is a mistake (_take)
        if entry.translation is None or not (entry.confirmed or m.plain_text(entry.translation).strip()):
            untranslated.append(entry)
        elif entry.source is None or content_digest(entry.source) != unit.digest:
            returned.mismatches.append(_source_changed(entry))
        elif not entry.confirmed:
            unconfirmed.append(entry)
        else:
            _take(returned, entry, unit, wording)
    returned.mismatches += [_missing(u, wording) for u in expected.values()
                            if u.id not in seen and label_key(u.id) is None]
    if untranslated:
        returned.mismatches.append(_listed(untranslated, wording, wording.untranslated,
                                           "the guide keeps their previous translation, or the source text, "
                                           "until they are translated"))
    if unconfirmed:
        states = ", ".join(sorted({e.state for e in unconfirmed}))
        returned.mismatches.append(_listed(unconfirmed, wording, wording.unconfirmed.format(states=states),
                                           wording.unconfirmed_hint))
    return returned


def _take(returned: Returned, entry: Entry, unit: Unit, wording: Wording) -> None:
    """The entry's translation into `returned`, or a mismatch for each thing in it that does not belong."""
    problems = list(entry.problems)
    if not m.plain_text(entry.translation).strip():
        problems.append(("the translation is empty", wording.empty_hint))
    elif label_key(unit.id):
        problems += [p for p in (placeholder_problem(label_key(unit.id), m.plain_text(entry.translation)),) if p]
    problems += [(f"a link to `{href}`, an address the source text does not have",
                  "keep the links of the source text; an address is changed in the source guide, not in a translation")
                 for href in addresses(entry.translation) if href not in addresses(unit.content)]
    returned.mismatches += [Mismatch(entry.where, entry.words, message, hint) for message, hint in problems]
    if not problems:
        returned.texts[entry.id] = entry.translation
        returned.reviewed.add(entry.id)
        if entry.kept:
            returned.kept.add(entry.id)


def _unknown(entry: Entry) -> Mismatch:
    return Mismatch(entry.where, entry.words, "a unit the guide does not have",
                    "delete it, or export the guide again and translate that file")


def _twice(entry: Entry) -> Mismatch:
    return Mismatch(entry.where, entry.words, "the unit is in the file twice", "delete one of the two")


def _missing(unit: Unit, wording: Wording) -> Mismatch:
    return Mismatch(f"{wording.one} {unit.id}", first_words(unit.text), "missing from the file",
                    "export the guide again, or put the unit back")


def _source_changed(entry: Entry) -> Mismatch:
    return Mismatch(entry.where, entry.words, "its source text changed since the file was exported, "
                    "so its translation is not used", "export the guide again and translate the new text; "
                    "until then the guide keeps its previous translation", fatal=False)


def _listed(entries: list[Entry], wording: Wording, message: str, hint: str) -> Mismatch:
    noun = wording.one if len(entries) == 1 else wording.many
    return Mismatch(f"{noun} {', '.join(e.id for e in entries)}", "", message, hint, fatal=False)
