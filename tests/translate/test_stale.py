"""Stale translations: change one English paragraph, and exactly that unit is reported in es."""
from __future__ import annotations

import shutil
from dataclasses import replace

from conftest import SAMPLE
from plainpress import model as m
from plainpress.checks.translation import current_share, translation_findings
from plainpress.source import read_guide
from plainpress.translate.memory import Entry, Record, previous
from plainpress.translate.units import translated, units


def spanish_of(source: m.Guide) -> tuple[m.Guide, Record]:
    texts = {u.id: (m.Text(f"ES {u.text}"),) for u in units(source)}
    target = replace(translated(source, "es", texts), path=source.path.with_name("es.md"))
    record = Record("en", {u.id: Entry(u.digest, u.text) for u in units(source)}, source.path.with_name("es.translation.json"))
    return target, record


def with_paragraph(guide: m.Guide, block_id: str, words: str) -> m.Guide:
    blocks = tuple(replace(b, content=(m.Text(words),)) if b.id == block_id else b for b in guide.blocks)
    return replace(guide, blocks=blocks)


def test_a_current_translation_has_no_findings_and_is_all_current():
    source = read_guide(SAMPLE)
    target, record = spanish_of(source)
    assert translation_findings(target, source, record) == [] and current_share(target, source, record) == 1.0


def test_one_changed_english_paragraph_is_exactly_one_stale_unit():
    source = read_guide(SAMPLE)
    target, record = spanish_of(source)
    changed = with_paragraph(source, "your-medicines-1", "Take two pills in the morning.")
    [finding] = translation_findings(target, changed, record)
    assert str(finding) == (
        f"{target.path}:19: WARNING: translates an older version of en.md:19; the English now reads "
        "“Take two pills in the morning.” [translation.stale]\n"
        "    have it translated again (the export marks it for review)")
    stale = {k for k, p in previous(changed, target, record).items() if p.stale}
    assert stale == {"your-medicines-1"}
    assert previous(changed, target, record)["your-medicines-1"].old_source == \
        "Take one pill in the morning. Say buenos días to the nurse."
    assert 0.95 < current_share(target, changed, record) < 1.0


def test_new_and_removed_source_units_are_missing_and_orphan():
    source = read_guide(SAMPLE)
    target, record = spanish_of(source)
    record = Record("en", {**{k: v for k, v in record.entries.items() if k != "questions-3"},
                           "gone-1": Entry("0" * 16, "An old paragraph.")}, record.path)
    found = {(f.rule, f.location.rsplit("/", 1)[-1]): f.message for f in translation_findings(target, source, record)}
    assert found == {("translation.missing", "es.md:48"): "en.md:48 is not translated yet: “What is this pill for?”",
                     ("translation.orphan", "es.md:1"): "translates text that en.md no longer has: “An old paragraph.”"}


def test_a_deleted_list_item_is_the_orphan_and_the_next_one_has_moved(tmp_path):
    source = read_guide(SAMPLE)
    target, record = spanish_of(source)
    shorter = tmp_path / "sample" / "en.md"   # the same guide without its first question: ids after it shift
    shutil.copytree(SAMPLE.parent, shorter.parent)
    shorter.write_text(SAMPLE.read_text(encoding="utf-8").replace("- What is this pill for?\n", ""), encoding="utf-8")
    found = [(f.rule, f.location.rsplit("/", 1)[-1], f.message) for f in translation_findings(target, read_guide(shorter), record)]
    assert found == [
        ("translation.orphan", "es.md:48", "translates text that en.md no longer has: “What is this pill for?”"),
        ("translation.moved", "es.md:49", "translates “What if I forget one?”, which is now at en.md:48: "
                                          "a block above it was added or removed")]
