"""Stale translations: each unit of a translated guide against the source words it was made from."""
from __future__ import annotations

from .. import model as m
from ..findings import Finding
from ..languages import language_name
from ..translate.memory import Record
from ..translate.units import Unit, units


def translation_findings(target: m.Guide, source: m.Guide, record: Record) -> list[Finding]:
    """[translation.stale] where the source changed since, [translation.missing] for source units
    never translated, [translation.orphan] for translations of units the source no longer has."""
    mine = {u.id: u for u in units(target)}
    theirs = {u.id: u for u in units(source)}
    language = language_name(source.meta.lang)
    found = []
    for unit_id, unit in theirs.items():
        entry = record.entries.get(unit_id)
        here = _where(target, mine.get(unit_id))
        if entry is None:
            found.append(Finding("warning", "translation.missing", here,
                                 f"{_where(source, unit, short=True)} is not translated yet: “{_clip(unit.text)}”",
                                 f"translate it: `plainpress translate export {source.folder}` sends it to a translator"))
        elif entry.digest != unit.digest:
            found.append(Finding("warning", "translation.stale", here,
                                 f"translates an older version of {_where(source, unit, short=True)}; "
                                 f"the {language} now reads “{_clip(unit.text)}”",
                                 "have it translated again (the export marks it for review)"))
    for unit_id in sorted(set(record.entries) - set(theirs)):
        found.append(Finding("warning", "translation.orphan", _where(target, mine.get(unit_id)),
                             f"translates text that {source.path.name} no longer has: "
                             f"“{_clip(record.entries[unit_id].source)}”",
                             "delete it here, or import a new translation of the guide"))
    return found


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


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
