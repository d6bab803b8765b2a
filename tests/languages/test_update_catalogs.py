"""tools/update_catalogs.py: the template and every catalog follow ENGLISH in one command, and a
translation whose English changed is kept but not used until someone confirms it."""
from __future__ import annotations

import importlib.util

import polib
import pytest

from conftest import ROOT
from plainpress.languages.catalog import ENGLISH, read_catalog

spec = importlib.util.spec_from_file_location("update_catalogs", ROOT / "tools" / "update_catalogs.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)


def test_the_shipped_catalogs_and_template_are_up_to_date():
    assert tool.update(check=True) == []


@pytest.fixture
def locales(tmp_path):
    po = polib.POFile()
    po.metadata = {"Language": "ko", "Last-Translator": "not yet checked by a native reader"}
    po.append(polib.POEntry(msgctxt="warning", msgid=ENGLISH["warning"], msgstr="주의"))
    po.append(polib.POEntry(msgctxt="note", msgid="A note", msgstr="참고"))
    po.append(polib.POEntry(msgctxt="gone", msgid="Gone", msgstr="사라짐"))
    path = tmp_path / "ko" / "LC_MESSAGES" / "plainpress.po"
    path.parent.mkdir(parents=True)
    po.save(str(path))
    return tmp_path


def test_a_run_writes_the_template_and_brings_each_catalog_to_englishs_keys(locales):
    changed = tool.update(locales)
    assert changed == [locales / "plainpress.pot", locales / "ko" / "LC_MESSAGES" / "plainpress.po"]
    pot = polib.pofile(str(locales / "plainpress.pot"))
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in pot] == [(k, v, "") for k, v in ENGLISH.items()]
    po = polib.pofile(str(changed[1]))
    assert [e.msgctxt for e in po if not e.obsolete] == list(ENGLISH)
    assert po.metadata["Last-Translator"] == "not yet checked by a native reader"
    assert tool.update(locales, check=True) == []


def test_a_new_label_comes_empty_a_changed_one_fuzzy_with_its_old_english_a_removed_one_obsolete(locales):
    path = tool.update(locales)[1]
    po = polib.pofile(str(path))
    entry = {e.msgctxt: e for e in po}
    assert (entry["warning"].msgstr, entry["warning"].fuzzy) == ("주의", False)
    assert (entry["note"].msgid, entry["note"].previous_msgid, entry["note"].msgstr, entry["note"].fuzzy) \
        == (ENGLISH["note"], "A note", "참고", True)
    assert (entry["contents"].msgstr, entry["contents"].fuzzy) == ("", False)
    assert (entry["gone"].obsolete, entry["gone"].msgstr) == (True, "사라짐")
    read_catalog.cache_clear()
    assert read_catalog(path) == {"warning": "주의"}   # the fuzzy "note" waits for a reader


def test_check_changes_nothing_and_says_what_is_out_of_date(locales, capsys):
    assert tool.main(["--check", "--locales", str(locales)]) == 1
    assert not (locales / "plainpress.pot").exists()
    assert capsys.readouterr().out.splitlines() == [f"out of date: {locales / 'plainpress.pot'}",
                                                     f"out of date: {locales / 'ko' / 'LC_MESSAGES' / 'plainpress.po'}"]
