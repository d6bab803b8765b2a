"""Which version of the source each translated unit translates, kept beside the translation.

`source/<guide>/es.translation.json` holds, for every unit of `es.md`, the digest of the source words
it was made from and those words themselves. A file beside the Markdown, rather than markers inside
it, keeps `es.md` a plain text a writer can edit by hand; the record is written only by an import,
that is, by a translator, so a unit is never marked current without one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .. import model as m
from .returned import Previous
from .units import Unit, units

SUFFIX = ".translation.json"


@dataclass(frozen=True)
class Entry:
    digest: str     # of the source unit this translation was made from
    source: str     # those source words, plain: what an export shows as "the previous source"


@dataclass(frozen=True)
class Record:
    source_lang: str
    entries: dict[str, Entry]
    path: Path


def record_path(target: Path) -> Path:
    """`source/g/es.md` -> `source/g/es.translation.json`."""
    return target.with_name(target.stem + SUFFIX)


def read_record(target: Path) -> Record | None:
    """The record beside a translated source, or None when the source is not a translation.
    A damaged record is a source problem, raised as ValueError with its file and what to do."""
    path = record_path(target)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = {k: Entry(v["digest"], v["source"]) for k, v in data["units"].items()}
        return Record(str(data["from"]), entries, path)
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise ValueError(f"{path}:1: the translation record cannot be read ({err}); "
                         "import the translation again, or delete the file to start the record afresh") from None


def record_text(record: Record) -> str:
    """The record as written: sorted, one unit a line, so that a change reads well in a diff."""
    units_json = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: "
                            f"{json.dumps({'digest': e.digest, 'source': e.source}, ensure_ascii=False)}"
                            for k, e in sorted(record.entries.items()))
    return f'{{\n "from": {json.dumps(record.source_lang)},\n "units": {{\n{units_json}\n }}\n}}\n'


def updated_record(old: Record | None, source: m.Guide, path: Path, confirmed: dict[str, str]) -> Record:
    """After an import: each confirmed unit (id -> digest of the source words its translator saw) is
    recorded anew; the others keep what they had; units the source no longer has are dropped."""
    current = {u.id: u for u in units(source)}
    entries = {k: e for k, e in (old.entries.items() if old else ()) if k in current}
    for unit_id, digest in confirmed.items():
        if unit_id in current:
            seen = current[unit_id].text if digest == current[unit_id].digest else _old_words(old, unit_id)
            entries[unit_id] = Entry(digest, seen)
    return Record(source.meta.lang, entries, record_path(path))


def _old_words(old: Record | None, unit_id: str) -> str:
    return old.entries[unit_id].source if old and unit_id in old.entries else ""


def previous(source: m.Guide, target: m.Guide | None, record: Record | None) -> dict[str, Previous]:
    """The current translation of each source unit that has one, and whether it has gone stale."""
    if target is None:
        return {}
    now = {u.id: u for u in units(source)}
    out = {}
    for unit in units(target):
        if unit.id in now:
            entry = record.entries.get(unit.id) if record else None
            out[unit.id] = Previous(unit.content, entry is None or entry.digest != now[unit.id].digest,
                                    entry.source if entry else "")
    return out


def unit_locations(guide: m.Guide) -> dict[str, Unit]:
    return {u.id: u for u in units(guide)}


@dataclass(frozen=True)
class Origin:
    """A translated guide's source, and the record of which version of it each unit translates."""
    source: m.Guide
    record: Record


def read_origin(target: m.Guide, read_guide, known: dict[Path, m.Guide]) -> Origin | None:
    """The origin of a guide that has a translation record; `known` holds guides already read."""
    record = read_record(target.path)
    if record is None:
        return None
    source_path = target.path.with_name(f"{record.source_lang}.md")
    if not source_path.is_file():
        raise ValueError(f"{record.path}:1: it records a translation of `{source_path.name}`, which does not exist; "
                         "put the source beside it, or delete the record")
    source = known.get(source_path) or read_guide(source_path)
    return Origin(source, record)
