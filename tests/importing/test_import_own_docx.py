"""Our own DOCX outputs imported back give the model of their sources.

The differences allowed, because a DOCX does not carry them: `reading_grade`, `strict_reading` and
`terms` (settings of the checks, not words of the guide), and the file names of pictures (a DOCX keeps
none: they come back as picture-1.png...). Call-out titles, the glossary, the title block (audience,
organisation, version, review date) and the running title of the footer all come back as they were.
"""
from __future__ import annotations

import dataclasses

import pytest

from conftest import ROOT
from plainpress import model as m
from plainpress.importing.importer import import_document, write_imported
from plainpress.render.docx import render_docx
from plainpress.source import read_guide

GUIDES = ["als-pathophysiology", "als-basics"]


def comparable(guide: m.Guide) -> m.Guide:
    meta = dataclasses.replace(guide.meta, reading_grade=8, strict_reading=False, terms=())
    return m.without_locations(dataclasses.replace(guide, meta=meta))


@pytest.mark.parametrize("name", GUIDES)
def test_our_docx_imported_back_is_its_source(name, tmp_path):
    source = read_guide(ROOT / "source" / name / "en.md")
    docx = tmp_path / f"{name}.docx"
    docx.write_bytes(render_docx(source))
    imported = import_document(docx, tmp_path / "source", guide=name)
    [written, *_] = write_imported(imported)
    assert comparable(read_guide(written)) == comparable(source)
    assert [f.rule for f in imported.findings] == ["import.date"]   # the review date, to confirm
    assert imported.findings[0].message == f"`date: {source.meta.date.isoformat()}` is the date the document gives"


def test_the_running_title_comes_back_from_the_footer(tmp_path):
    source = read_guide(ROOT / "source" / "als-basics" / "en.md")
    source = dataclasses.replace(source, meta=dataclasses.replace(source.meta, short_title="ALS basics"))
    docx = tmp_path / "basics.docx"
    docx.write_bytes(render_docx(source))
    assert import_document(docx, tmp_path).guide.meta.short_title == "ALS basics"
