"""The plain edition, "ALS: the basics", proves itself: it builds with strict reading and meets every rule."""
from __future__ import annotations

from conftest import ROOT
from plainpress import model as m
from plainpress.checks import run_checks
from plainpress.cli import main
from plainpress.source import read_guide

BASICS = ROOT / "source" / "als-basics" / "en.md"


def test_it_builds_strict(tmp_path):
    assert read_guide(BASICS).meta.strict_reading
    assert main(["build", str(BASICS), "--strict", "--no-validate", "-q", "--out", str(tmp_path)]) == 0


def test_every_section_is_grade_6_or_below_by_smog_and_flesch_kincaid():
    reading, _ = run_checks(read_guide(BASICS))
    assert reading.target == 6
    for section in reading.sections:
        assert section.scores.smog <= 6 and section.scores.flesch_kincaid <= 6, section.title


def test_no_plain_language_rule_finds_anything():
    _, findings = run_checks(read_guide(BASICS))
    assert findings == []


def test_key_points_first_questions_and_a_glossary():
    guide = read_guide(BASICS)
    first = guide.blocks[0]
    assert isinstance(first, m.Callout) and first.style == "key-points"
    titles = [s.title for s in guide.sections()]
    assert titles[-2:] == ["Questions to ask your care team", "Glossary"]
    ask = guide.sections()[-2].blocks
    assert any(isinstance(b, m.Callout) and b.style == "ask" for b in ask)
    assert len(guide.glossary()) >= 10


def test_the_original_keeps_its_true_grade_and_fails_strict(tmp_path):
    original = ROOT / "source" / "als-pathophysiology" / "en.md"
    reading, _ = run_checks(read_guide(original))
    assert reading.whole.grade > 16
    assert main(["check", str(original), "--strict", "-q"]) == 1


# The Spanish edition, made with `plainpress translate export`, an XLIFF translation and `translate import`.
BASICS_ES = ROOT / "source" / "als-basics" / "es.md"


def test_the_spanish_edition_builds_strict_and_is_wholly_current(tmp_path, capsys):
    assert read_guide(BASICS_ES).meta.strict_reading
    assert main(["build", str(BASICS_ES), "--strict", "--no-validate", "-q", "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""   # no finding at all: reading level, plain language, staleness


def test_every_spanish_section_reads_easily_by_inflesz_and_fernandez_huerta():
    reading, _ = run_checks(read_guide(BASICS_ES))
    for section in reading.sections:
        figures = section.scores.figures()
        assert figures["szigriszt_pazos"] >= 65 and figures["fernandez_huerta"] >= 70, section.title


def test_the_spanish_edition_has_the_english_structure_block_for_block():
    from plainpress.translate.units import units
    english, spanish = read_guide(BASICS), read_guide(BASICS_ES)
    assert [(type(b), b.id) for b in m.walk(spanish.blocks)] == [(type(b), b.id) for b in m.walk(english.blocks)]
    assert [u.id for u in units(spanish)] == [u.id for u in units(english)]
    assert all(s.text != e.text for s, e in zip(units(spanish), units(english)) if e.kind != "list item" or len(e.text) > 8)
