"""XLIFF 1.2 out and back: every unit with its inline codes, read by translate-toolkit, and every
way a returned file can fail to map onto its guide, each with its exact message."""
from __future__ import annotations

import copy
import dataclasses

import pytest
from lxml import etree
from translate.storage import xliff as ttk_xliff

from conftest import SAMPLE
from plainpress import model as m
from plainpress.source import read_guide
from plainpress.translate.exchange import to_translate
from plainpress.translate.returned import TranslationImportError
from plainpress.translate.xliff import export_xliff, read_xliff
from plainpress.translate.xliff_inline import OURS, XLIFF
from returned_files import GUIDES, as_given, prefixed, previous_of, saved

NS = {"x": XLIFF}


def q(name: str) -> str:
    return f"{{{XLIFF}}}{name}"


def translated_as_source(data: bytes, state: str = "translated") -> etree._Element:
    """The exported file with each unit's source copied into its target, as a tool confirming it would."""
    root = etree.fromstring(data)
    for unit in root.iter(q("trans-unit")):
        target = copy.deepcopy(unit.find(q("source")))
        target.tag = q("target")
        target.set("state", state)
        unit.find(q("source")).addnext(target)
    return root


def unit(root: etree._Element, unit_id: str) -> etree._Element:
    return root.find(f".//x:trans-unit[@id='{unit_id}']", NS)


def set_target(root: etree._Element, unit_id: str, inner: str, state: str = "translated") -> None:
    new = etree.fromstring(f'<target xmlns="{XLIFF}" xmlns:plainpress="{OURS}" state="{state}">{inner}</target>')
    old = unit(root, unit_id).find(q("target"))
    old.getparent().replace(old, new)


def read_back(tmp_path, root: etree._Element, guide: m.Guide):
    return read_xliff(saved(tmp_path, "es.xlf", etree.tostring(root)), guide)


@pytest.fixture(scope="module")
def sample() -> m.Guide:
    return read_guide(SAMPLE)


# Out and back ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.parent.name)
def test_a_file_translated_as_its_source_gives_back_every_unit_exactly(path, tmp_path):
    guide = read_guide(path)
    returned = read_back(tmp_path, translated_as_source(export_xliff(guide, "fr", {})), guide)
    assert returned.texts == as_given(guide)
    assert returned.reviewed == set(as_given(guide)) and returned.mismatches == []
    assert (returned.header.guide, returned.header.target_lang) == (path.parent.name, "fr")


def test_the_file_says_what_it_is_for_and_what_each_unit_is(sample):
    root = etree.fromstring(export_xliff(sample, "es", {}))
    file = root.find("x:file", NS)
    assert dict(file.attrib) == {"original": "source/sample/en.md", "source-language": "en", "target-language": "es",
                                 "datatype": "plaintext", "product-name": "sample", "product-version": "2.1",
                                 "build-num": file.get("build-num")}
    link = unit(root, "your-medicines-13")
    assert etree.tostring(link.find(q("source")), encoding="unicode", with_tail=False) == (
        f'<source xmlns="{XLIFF}" xmlns:plainpress="{OURS}">Read more at <g id="1" ctype="link" '
        'plainpress:href="https://example.org/pills">our website</g>.</source>')
    assert link.find(q("note")).text == ("Paragraph in section 2 of 4, “Your medicines”; "
                                         "its links go to https://example.org/pills.")
    spanish = unit(root, "your-medicines-1").find(q("source"))
    assert etree.tostring(spanish[0], encoding="unicode", with_tail=False) == (
        f'<g xmlns="{XLIFF}" xmlns:plainpress="{OURS}" id="1" ctype="x-lang" xml:lang="es">buenos días</g>')
    assert unit(root, "introduction-3").find(q("source"))[0].attrib == {"id": "1", "ctype": "bold"}
    assert unit(root, "meta.title").find(q("note")).text == "The guide's title."
    assert root.find(".//x:target", NS) is None  # nothing translated yet: no target, state new


def test_the_same_guide_gives_the_same_bytes(sample):
    assert export_xliff(sample, "es", {}) == export_xliff(read_guide(SAMPLE), "es", {})


def test_translate_toolkit_reads_the_file_and_what_it_saves_comes_back(sample, tmp_path):
    store = ttk_xliff.xlifffile.parsestring(export_xliff(sample, "es", {}))
    # translate-toolkit names a unit by its file's `original` and its id
    assert [u.getid() for u in store.units] == [f"source/sample/en.md\x04{u.id}" for u in to_translate(sample)]
    for found in store.units:
        target = copy.deepcopy(found.rich_source)
        target[0].sub.insert(0, "ES ")
        found.rich_target = target
        found.marktranslated()
    returned = read_xliff(saved(tmp_path, "es.xlf", bytes(store)), sample)
    assert returned.texts == {i: prefixed(content, "ES ") for i, content in as_given(sample).items()}
    assert returned.mismatches == []


# Translations so far -----------------------------------------------------------------------------

def test_current_translations_are_targets_and_stale_ones_wait_for_review(sample, tmp_path):
    previous = previous_of(sample, stale={"introduction-3"})
    data = export_xliff(sample, "es", previous)
    root = etree.fromstring(data)
    stale = unit(root, "introduction-3")
    assert etree.tostring(stale.find(q("target")), encoding="unicode", with_tail=False) == (
        f'<target xmlns="{XLIFF}" xmlns:plainpress="{OURS}" state="needs-review-translation">'
        'ES Take your pills <g id="1" ctype="bold">every day</g>.</target>')
    assert stale.findall(q("note"))[1].text == ("The source text changed since this translation was made; "
                                                "it was: old Take your pills every day.")
    assert unit(root, "introduction-4").find(q("target")).get("state") == "translated"

    store = ttk_xliff.xlifffile.parsestring(data)
    assert [u.isreview() for u in store.units][3:5] == [True, False]

    returned = read_xliff(saved(tmp_path, "es.xlf", data), sample)
    assert "introduction-3" not in returned.texts and "introduction-3" not in returned.reviewed
    assert returned.texts["introduction-4"] == (m.Text("ES Call us if you feel worse."),)
    assert [str(x) for x in returned.mismatches] == [
        "trans-unit introduction-3: not confirmed by a translator (state needs-review-translation); a translator "
        "must review each one and mark it translated; until then the guide keeps its previous translation, "
        "or the source text"]
    assert not returned.mismatches[0].fatal


def test_a_translation_with_codes_the_source_lacks_keeps_them_apart(sample, tmp_path):
    previous = previous_of(sample, stale=set())
    extra = (m.Strong((m.Text("Llame"),)), m.Text(" "), m.Link("https://example.org/other", (m.Text("aquí"),)))
    previous["introduction-4"] = dataclasses.replace(previous["introduction-4"], text=extra)
    root = etree.fromstring(export_xliff(sample, "es", previous))
    target = unit(root, "introduction-4").find(q("target"))
    assert [(g.get("id"), g.get("ctype")) for g in target] == [("1", "bold"), ("2", "link")]
    returned = read_back(tmp_path, root, sample)
    assert [str(x) for x in returned.mismatches] == [
        "trans-unit introduction-4 (“Call us if you feel worse.”): a link to `https://example.org/other`, an address "
        "the source text does not have; keep the links of the source text; an address is changed in the source "
        "guide, not in a translation"]


# Mismatches --------------------------------------------------------------------------------------

def messages(returned) -> list[tuple[str, bool]]:
    return [(str(x), x.fatal) for x in returned.mismatches]


def test_a_unit_the_guide_does_not_have_and_one_missing_are_named(sample, tmp_path):
    root = translated_as_source(export_xliff(sample, "es", {}))
    unit(root, "questions-3").set("id", "questions-99")
    assert messages(read_back(tmp_path, root, sample)) == [
        ("trans-unit questions-99 (“What is this pill for?”): a unit the guide does not have; delete it, "
         "or export the guide again and translate that file", True),
        ("trans-unit questions-3 (“What is this pill for?”): missing from the file; export the guide again, "
         "or put the unit back", True)]


def test_a_unit_given_twice_is_named(sample, tmp_path):
    root = translated_as_source(export_xliff(sample, "es", {}))
    unit(root, "questions-3").addnext(copy.deepcopy(unit(root, "questions-3")))
    assert messages(read_back(tmp_path, root, sample)) == [
        ("trans-unit questions-3 (“What is this pill for?”): the unit is in the file twice; "
         "delete one of the two", True)]


def test_an_empty_confirmed_target_is_refused(sample, tmp_path):
    root = translated_as_source(export_xliff(sample, "es", {}))
    set_target(root, "questions-4", " ")
    assert messages(read_back(tmp_path, root, sample)) == [
        ("trans-unit questions-4 (“What if I forget one?”): the translation is empty; translate it, "
         "or set its state back to new", True)]


def test_a_link_to_another_address_is_refused(sample, tmp_path):
    root = translated_as_source(export_xliff(sample, "es", {}))
    set_target(root, "your-medicines-13",
               'Lea <g id="1" ctype="link" plainpress:href="https://evil.example/">nuestro sitio</g>.')
    returned = read_back(tmp_path, root, sample)
    assert messages(returned) == [
        ("trans-unit your-medicines-13 (“Read more at our website.”): a link to `https://evil.example/`, an address "
         "the source text does not have; keep the links of the source text; an address is changed in the source "
         "guide, not in a translation", True)]
    assert "your-medicines-13" not in returned.texts


@pytest.mark.parametrize("unit_id, inner, code", [
    ("your-medicines-13", '<g id="1">nuestro sitio</g>',
     m.Link("https://example.org/pills", (m.Text("nuestro sitio"),))),
    ("your-medicines-1", '<g id="1" ctype="x-lang">buenos días</g>', m.Foreign("es", (m.Text("buenos días"),))),
])
def test_a_code_whose_tool_dropped_its_attributes_takes_those_of_the_source_one(sample, tmp_path, unit_id, inner,
                                                                               code):
    root = translated_as_source(export_xliff(sample, "es", {}))
    set_target(root, unit_id, f"Lea {inner}.")
    assert read_back(tmp_path, root, sample).texts[unit_id] == (m.Text("Lea "), code, m.Text("."))


@pytest.mark.parametrize("inner, shown", [
    ('Llame <x id="7"/>.', '<x id="7">'), ('<bpt id="1">[b]</bpt>Llame<ept id="1">[/b]</ept>', '<bpt id="1">'),
    ('<g id="9" ctype="underlined">Llame</g>', '<g id="9" ctype="underlined">'), ('<g id="9">Llame</g>', '<g id="9">'),
])
def test_an_unknown_inline_code_is_refused(sample, tmp_path, inner, shown):
    root = translated_as_source(export_xliff(sample, "es", {}))
    set_target(root, "introduction-4", inner)
    assert messages(read_back(tmp_path, root, sample))[0] == (
        f"trans-unit introduction-4 (“Call us if you feel worse.”): an inline code plainpress does not know ({shown}); "
        "keep only the tags of the source text: bold, emphasis, links and words in another language", True)


def test_bold_a_translator_adds_and_marked_segments_are_read(sample, tmp_path):
    root = translated_as_source(export_xliff(sample, "es", {}))
    set_target(root, "introduction-4", '<mrk mtype="seg" mid="0">Llame <g id="5" ctype="bold">ya</g></mrk>')
    assert read_back(tmp_path, root, sample).texts["introduction-4"] == (m.Text("Llame "), m.Strong((m.Text("ya"),)))


def test_units_not_yet_translated_or_confirmed_are_listed_and_the_import_goes_on(sample, tmp_path):
    root = translated_as_source(export_xliff(sample, "es", {}))
    for unit_id in ("questions-3", "questions-4"):
        unit(root, unit_id).remove(unit(root, unit_id).find(q("target")))
    set_target(root, "glossary-1.1.term", "Píldora", state="needs-review-translation")
    set_target(root, "glossary-1.1.meaning", "Una tableta.", state="new")
    unit(root, "your-medicines-9").find(q("target")).set("state-qualifier", "fuzzy-match")
    returned = read_back(tmp_path, root, sample)
    assert messages(returned) == [
        ("trans-units questions-3, questions-4: not yet translated; the guide keeps their previous translation, "
         "or the source text, until they are translated", False),
        ("trans-units your-medicines-9, glossary-1.1.term, glossary-1.1.meaning: not confirmed by a translator "
         "(state needs-review-translation, new, translated/fuzzy-match); a translator must review each one and "
         "mark it translated; until then the guide keeps its previous translation, or the source text", False)]
    assert len(returned.texts) == len(returned.reviewed) == len(as_given(sample)) - 5


def test_a_unit_whose_source_changed_since_the_export_is_not_used(sample, tmp_path):
    root = translated_as_source(export_xliff(sample, "es", {}))
    unit(root, "questions-3").find(q("source")).text = "What is this tablet for?"
    returned = read_back(tmp_path, root, sample)
    assert messages(returned) == [
        ("trans-unit questions-3 (“What is this tablet for?”): its source text changed since the file was exported, "
         "so its translation is not used; export the guide again and translate the new text; until then the guide "
         "keeps its previous translation", False)]
    assert "questions-3" not in returned.texts


# The file as a whole -----------------------------------------------------------------------------

@pytest.mark.parametrize("attribute, value, error", [
    ("product-name", "foot-care", "made for the guide `foot-care`, not `sample`; import it into `foot-care`, "
                                  "or export `sample` again"),
    ("source-language", "de", "it translates from `de`, but the guide is in `en`; export the guide again from "
                              "its `en` source"),
    ("target-language", "no such", "the target language `no such` is not a language tag; set the target language "
                                   "in the translation tool, or export the guide again"),
])
def test_a_file_for_another_guide_or_language_is_refused_whole(sample, tmp_path, attribute, value, error):
    root = translated_as_source(export_xliff(sample, "es", {}))
    root.find("x:file", NS).set(attribute, value)
    path = saved(tmp_path, "es.xlf", etree.tostring(root))
    with pytest.raises(TranslationImportError) as refused:
        read_xliff(path, sample)
    assert str(refused.value) == f"{path}: the <file> element: {error}"


def test_a_file_for_another_version_is_read_and_says_so(sample, tmp_path):
    root = translated_as_source(export_xliff(sample, "es", {}))
    root.find("x:file", NS).set("product-version", "2.0")
    returned = read_back(tmp_path, root, sample)
    assert messages(returned) == [
        ("the <file> element: exported from version 2.0 of the guide, which is now at version 2.1; units whose "
         "source text changed since are not used; the others are", False)]
    assert returned.texts == as_given(sample)


@pytest.mark.parametrize("data, error", [
    (b"<html><body/></html>", "the file: not an XLIFF 1.2 file (its root element is `<html>`); export the translation "
                              "from the translation tool as XLIFF 1.2"),
    (f'<xliff xmlns="{XLIFF}" version="1.2"><file/><file/></xliff>'.encode(),
     "the file: it holds 2 <file> elements, where plainpress writes one; import the file as plainpress exported "
     "it: one guide in one language"),
])
def test_a_file_that_is_not_one_xliff_file_is_refused(sample, tmp_path, data, error):
    path = saved(tmp_path, "es.xlf", data)
    with pytest.raises(TranslationImportError) as refused:
        read_xliff(path, sample)
    assert str(refused.value) == f"{path}: {error}"
