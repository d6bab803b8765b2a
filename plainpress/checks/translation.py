"""Stale translations: each unit of a translated guide against the source words it was made from."""
from __future__ import annotations

from .. import model as m
from ..findings import Finding, clipped
from ..languages import language_name
from ..translate.memory import Record
from ..translate.units import Unit, units


def translation_findings(target: m.Guide, source: m.Guide, record: Record) -> list[Finding]:
    """[translation.stale] where the source changed since, [translation.missing] for source units
    never translated, [translation.orphan] for translations of units the source no longer has.

    Ids are places in a section: when a block is added or removed above, the parts after it move.
    A recorded text that the source still has elsewhere is said to have moved, never "deleted"."""
    mine = {u.id: u for u in units(target)}
    theirs = {u.id: u for u in units(source)}
    elsewhere = {_words(u.text): u for u in theirs.values()}
    recorded = {_words(e.source): k for k, e in record.entries.items()}
    language = language_name(source.meta.lang)
    found = []
    for unit_id, unit in theirs.items():
        entry = record.entries.get(unit_id)
        here = _where(target, mine.get(unit_id))
        if entry is None:
            found.append(Finding("warning", "translation.missing", here,
                                 f"{_where(source, unit, short=True)} is not translated yet: “{clipped(unit.text)}”",
                                 f"translate it: `plainpress translate export {source.folder}` sends it to a translator"))
        elif entry.digest != unit.digest:
            found.append(_changed(here, entry.source, unit, elsewhere, recorded, source, language))
    for unit_id in sorted(set(record.entries) - set(theirs)):
        found.append(_gone(_where(target, mine.get(unit_id)), record.entries[unit_id].source, elsewhere, source))
    return found


def _changed(here: str, old: str, unit: Unit, elsewhere: dict, recorded: dict, source: m.Guide,
             language: str) -> Finding:
    moved = elsewhere.get(_words(old))
    if moved is not None and moved.id != unit.id:
        return _moved(here, old, moved, source)
    if moved is None and recorded.get(_words(unit.text), unit.id) != unit.id:   # removed; the next moved up
        return _gone(here, old, elsewhere, source)
    return Finding("warning", "translation.stale", here,
                   f"translates an older version of {_where(source, unit, short=True)}; "
                   f"the {language} now reads “{clipped(unit.text)}”",
                   "have it translated again (the export marks it for review)")


def _gone(here: str, old: str, elsewhere: dict, source: m.Guide) -> Finding:
    moved = elsewhere.get(_words(old))
    if moved is not None:
        return _moved(here, old, moved, source)
    return Finding("warning", "translation.orphan", here, f"translates text that {source.path.name} no longer has: "
                   f"“{clipped(old)}”", "delete it here, or import a new translation of the guide")


def _moved(here: str, old: str, moved: Unit, source: m.Guide) -> Finding:
    return Finding("warning", "translation.moved", here,
                   f"translates “{clipped(old)}”, which is now at {_where(source, moved, short=True)}: "
                   "a block above it was added or removed",
                   f"keep it; export and import the translation again to line the parts up "
                   f"(`plainpress translate export {source.folder}`)")


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def current_share(target: m.Guide, source: m.Guide, record: Record) -> float:
    """How much of a translation is current: the share of source units translated from their present words."""
    theirs = units(source)
    current = sum(1 for u in theirs if u.id in record.entries and record.entries[u.id].digest == u.digest)
    return current / len(theirs) if theirs else 1.0


def _where(guide: m.Guide, unit: Unit | None, short: bool = False) -> str:
    path = guide.path.name if short else str(guide.path)
    if unit is None:
        return f"{path}:1"
    line = unit.loc.line if unit.loc else guide.meta.line_of(unit.id.removeprefix("meta.")) or 1
    return f"{path}:{line}"

