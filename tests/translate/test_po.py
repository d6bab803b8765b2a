"""PO out and back: every unit with its markup as light Markdown, read by polib and translate-toolkit,
fuzzy entries never taken, and every way a returned file can fail to map, with its exact message."""
from __future__ import annotations

import polib
import pytest
from translate.storage import pypo

from conftest import SAMPLE
from plainpress import model as m
from plainpress.source import read_guide
from plainpress.translate.exchange import to_translate
from plainpress.translate.po import export_po, read_po
from plainpress.translate.returned import TranslationImportError
from returned_files import GUIDES, as_given, prefixed, previous_of, saved


def catalog(data: bytes) -> polib.POFile:
    return polib.pofile(data.decode("utf-8"))


def translated_as_source(data: bytes) -> polib.POFile:
    po = catalog(data)
    for entry in po:
        entry.msgstr = entry.msgid
    return po


def entry(po: polib.POFile, unit_id: str) -> polib.POEntry:
    return next(e for e in po if e.msgctxt == unit_id)


def read_back(tmp_path, po: polib.POFile, guide: m.Guide):
    return read_po(saved(tmp_path, "es.po", str(po).encode("utf-8")), guide)


def messages(returned) -> list[tuple[str, bool]]:
    return [(str(x), x.fatal) for x in returned.mismatches]


@pytest.fixture(scope="module")
def sample() -> m.Guide:
    return read_guide(SAMPLE)


# Out and back ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.parent.name)
def test_a_file_translated_as_its_source_gives_back_every_unit_exactly(path, tmp_path):
    guide = read_guide(path)
    returned = read_back(tmp_path, translated_as_source(export_po(guide, "fr", {})), guide)
    assert returned.texts == as_given(guide)
    assert returned.reviewed == set(as_given(guide)) and returned.mismatches == []


def test_each_entry_carries_its_id_markup_kind_and_place(sample):
    po = catalog(export_po(sample, "es", {}))
    link = entry(po, "your-medicines-13")
    assert (link.msgid, link.comment, link.occurrences) == (
        "Read more at [our website](https://example.org/pills).", "Paragraph in section 2 of 4, “Your medicines”",
        [("source/sample/en.md", "42")])
    assert entry(po, "your-medicines-1").msgid == \
        "Take one pill in the morning. Say [buenos días]{lang=es} to the nurse."
    assert entry(po, "introduction-3").msgid == "Take your pills **every day**."
    assert entry(po, "meta.title").occurrences == [("source/sample/en.md", "2")]
    assert {k: v for k, v in po.metadata.items() if k.startswith("X-Plainpress") or k == "Language"} == {
        "Language": "es", "X-Plainpress-Guide": "sample", "X-Plainpress-Source-Language": "en",
        "X-Plainpress-Target-Language": "es", "X-Plainpress-Version": "2.1",
        "X-Plainpress-Digest": po.metadata["X-Plainpress-Digest"]}
    assert all(e.msgstr == "" and not e.fuzzy for e in po)


def test_polib_saves_what_a_translator_typed_and_it_comes_back(sample, tmp_path):
    po = catalog(export_po(sample, "es", {}))
    for found in po:
        found.msgstr = "ES " + found.msgid
    path = tmp_path / "es.po"
    po.save(str(path))
    returned = read_po(path, sample)
    assert returned.texts == {i: prefixed(content, "ES ") for i, content in as_given(sample).items()}
    assert returned.mismatches == []


def test_translate_toolkit_reads_the_file_and_what_it_saves_comes_back(sample, tmp_path):
    store = pypo.pofile.parsestring(export_po(sample, "es", {}))
    units = [u for u in store.units if not u.isheader()]
    assert [u.getcontext() for u in units] == [u.id for u in to_translate(sample)]
    for found in units:
        found.target = "ES " + found.source
    returned = read_po(saved(tmp_path, "es.po", bytes(store)), sample)
    assert returned.texts == {i: prefixed(content, "ES ") for i, content in as_given(sample).items()}
    assert returned.mismatches == []


def test_markup_in_a_translation_becomes_the_same_inlines(sample, tmp_path):
    po = translated_as_source(export_po(sample, "es", {}))
    entry(po, "your-medicines-13").msgstr = "Lea *más* en [nuestro **sitio**](https://example.org/pills) \\*."
    assert read_back(tmp_path, po, sample).texts["your-medicines-13"] == (
        m.Text("Lea "), m.Emphasis((m.Text("más"),)), m.Text(" en "),
        m.Link("https://example.org/pills", (m.Text("nuestro "), m.Strong((m.Text("sitio"),)))), m.Text(" *."))


# Translations so far -----------------------------------------------------------------------------

def test_current_translations_are_msgstr_and_stale_ones_are_fuzzy_and_never_taken(sample, tmp_path):
    data = export_po(sample, "es", previous_of(sample, stale={"introduction-3"}))
    po = catalog(data)
    stale, current = entry(po, "introduction-3"), entry(po, "introduction-4")
    assert (stale.fuzzy, stale.previous_msgid, stale.msgstr) == (
        True, "old Take your pills every day.", "ES Take your pills **every day**.")
    assert (current.fuzzy, current.msgstr) == (False, "ES Call us if you feel worse.")
    assert "#| msgid \"old Take your pills every day.\"" in data.decode()
    fuzzy = {u.getcontext(): u.isfuzzy() for u in pypo.pofile.parsestring(data).units}
    assert (fuzzy["introduction-3"], fuzzy["introduction-4"]) == (True, False)

    returned = read_po(saved(tmp_path, "es.po", data), sample)
    assert "introduction-3" not in returned.texts and "introduction-3" not in returned.reviewed
    assert returned.texts["introduction-4"] == (m.Text("ES Call us if you feel worse."),)
    assert messages(returned) == [
        ("entry introduction-3: fuzzy, so not used; in medicine “take” and “do not take” are close strings: "
         "a translator must check each one and clear its fuzzy flag; until then the guide keeps its previous "
         "translation, or the source text", False)]


# Mismatches --------------------------------------------------------------------------------------

def test_an_entry_the_guide_does_not_have_and_one_missing_are_named(sample, tmp_path):
    po = translated_as_source(export_po(sample, "es", {}))
    entry(po, "questions-3").msgctxt = "questions-99"
    assert messages(read_back(tmp_path, po, sample)) == [
        ("entry questions-99 (“What is this pill for?”): a unit the guide does not have; delete it, "
         "or export the guide again and translate that file", True),
        ("entry questions-3 (“What is this pill for?”): missing from the file; export the guide again, "
         "or put the unit back", True)]


def test_an_entry_given_twice_is_named(sample, tmp_path):
    po = translated_as_source(export_po(sample, "es", {}))
    po.append(polib.POEntry(msgctxt="questions-3", msgid="What is this pill for?", msgstr="¿Para qué es?"))
    assert messages(read_back(tmp_path, po, sample)) == [
        ("entry questions-3 (“What is this pill for?”): the unit is in the file twice; delete one of the two", True)]


def test_an_empty_translation_is_refused(sample, tmp_path):
    po = translated_as_source(export_po(sample, "es", {}))
    entry(po, "questions-4").msgstr = "  "
    assert messages(read_back(tmp_path, po, sample)) == [
        ("entry questions-4 (“What if I forget one?”): the translation is empty; write the translation, "
         "or leave the entry empty", True)]


@pytest.mark.parametrize("msgstr, href", [("Lea [aquí](https://evil.example/).", "https://evil.example/"),
                                          ("Lea [aquí](javascript:alert(1)).", "javascript:alert(1)")])
def test_a_link_to_another_address_is_refused(sample, tmp_path, msgstr, href):
    po = translated_as_source(export_po(sample, "es", {}))
    entry(po, "your-medicines-13").msgstr = msgstr
    returned = read_back(tmp_path, po, sample)
    assert messages(returned) == [
        (f"entry your-medicines-13 (“Read more at our website.”): a link to `{href}`, an address the source text "
         "does not have; keep the links of the source text; an address is changed in the source guide, "
         "not in a translation", True)]
    assert "your-medicines-13" not in returned.texts


def test_markup_the_reader_refuses_is_named(sample, tmp_path):
    po = translated_as_source(export_po(sample, "es", {}))
    entry(po, "introduction-4").msgstr = "Llame [ya]{.x}"
    assert messages(read_back(tmp_path, po, sample)) == [
        ("entry introduction-4 (“Call us if you feel worse.”): a `[...]{...}` span without a language; "
         "mark a passage in another language as [words]{lang=es}", True)]


def test_untranslated_and_fuzzy_entries_are_listed_and_the_import_goes_on(sample, tmp_path):
    po = translated_as_source(export_po(sample, "es", {}))
    entry(po, "questions-3").msgstr = entry(po, "questions-4").msgstr = ""
    for unit_id in ("glossary-1.1.term", "your-medicines-9"):
        entry(po, unit_id).flags.append("fuzzy")
    returned = read_back(tmp_path, po, sample)
    assert messages(returned) == [
        ("entries questions-3, questions-4: not yet translated; the guide keeps their previous translation, "
         "or the source text, until they are translated", False),
        ("entries your-medicines-9, glossary-1.1.term: fuzzy, so not used; in medicine “take” and “do not take” "
         "are close strings: a translator must check each one and clear its fuzzy flag; until then the guide "
         "keeps its previous translation, or the source text", False)]
    assert len(returned.texts) == len(as_given(sample)) - 4


def test_an_entry_whose_source_changed_since_the_export_is_not_used(sample, tmp_path):
    po = translated_as_source(export_po(sample, "es", {}))
    entry(po, "questions-3").msgid = "What is this tablet for?"
    assert messages(read_back(tmp_path, po, sample)) == [
        ("entry questions-3 (“What is this tablet for?”): its source text changed since the file was exported, "
         "so its translation is not used; export the guide again and translate the new text; until then "
         "the guide keeps its previous translation", False)]


# The file as a whole -----------------------------------------------------------------------------

@pytest.mark.parametrize("field, value, error", [
    ("X-Plainpress-Guide", "foot-care", "made for the guide `foot-care`, not `sample`; import it into `foot-care`, "
                                        "or export `sample` again"),
    ("X-Plainpress-Guide", "", "it does not say which guide it is for; export the guide again with plainpress"),
    ("X-Plainpress-Source-Language", "de", "it translates from `de`, but the guide is in `en`; export the guide "
                                           "again from its `en` source"),
])
def test_a_file_for_another_guide_or_language_is_refused_whole(sample, tmp_path, field, value, error):
    po = translated_as_source(export_po(sample, "es", {}))
    po.metadata[field] = value
    path = saved(tmp_path, "es.po", str(po).encode("utf-8"))
    with pytest.raises(TranslationImportError) as refused:
        read_po(path, sample)
    assert str(refused.value) == f"{path}: the header: {error}"


def test_a_file_for_another_version_is_read_and_says_so(sample, tmp_path):
    po = translated_as_source(export_po(sample, "es", {}))
    po.metadata["X-Plainpress-Version"] = "2.0"
    returned = read_back(tmp_path, po, sample)
    assert messages(returned) == [
        ("the header: exported from version 2.0 of the guide, which is now at version 2.1; units whose source "
         "text changed since are not used; the others are", False)]
    assert returned.texts == as_given(sample)
