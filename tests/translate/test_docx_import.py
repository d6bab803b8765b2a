"""Reading a translated DOCX back: each unit by its bookmark, and every way a file no longer maps, said
exactly, with the paragraph, its first words and what to do. Edits are made to the exported XML here;
test_docx_libreoffice.py makes them in LibreOffice."""
from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from conftest import SAMPLE
from docx_edits import (W, add_after, drop_bookmark, edited, merge_with_next, paragraph, remove, set_text,
                        split_before, with_member)
from plainpress import model as m
from plainpress.source import read_guide
from plainpress.translate.docx_export import export_docx
from plainpress.translate.docx_import import read_docx
from plainpress.translate.docx_inlines import same_address
from plainpress.translate.returned import Header, TranslationImportError
from plainpress.translate.units import units

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
LINK_REL = ('<Relationship xmlns="http://schemas.openxmlformats.org/package/2006/relationships" Id="rId98"'
            ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'hyperlink" Target="https://example.com/elsewhere" TargetMode="External"/>')
COMMENTS = (b'<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b'<w:comment w:id="7" w:author="Ana"><w:p><w:r><w:t>Is this the right word?</w:t></w:r></w:p>'
            b'</w:comment></w:comments>')
COMMENTS_REL = ('<Relationship xmlns="http://schemas.openxmlformats.org/package/2006/relationships" Id="rId99"'
                ' Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/comments" Target="comments.xml"/>')

# The sample's exported paragraphs: 1 title, 2 subtitle, 3 audience, 4 the review line, 5 "Key points",
# 6-7 key points, 8 "Your medicines", 9 "Take one pill...", 10-11 "Wash"/"Open", 12 "Then:", 13 "Take the
# pill.", 14 "Warning", 15 "Do not take...", 16 the picture, 17 its alt text, 18 "When to take them",
# 19-24 the table's cells, 25 "Good to know", 26 "Read more...", 27 "Questions", 28 the ask title,
# 29-30 the questions, 31 "Glossary", 32 "Pill", 33 its meaning.


@pytest.fixture(scope="module")
def source():
    return read_guide(SAMPLE)


@pytest.fixture(scope="module")
def exported(source) -> bytes:
    return export_docx(source, "es")


def imported(tmp_path, data: bytes, source):
    path = tmp_path / "sample-es.docx"
    path.write_bytes(data)
    return read_docx(path, source)


def failures(tmp_path, data: bytes, source) -> list[str]:
    with pytest.raises(TranslationImportError) as caught:
        imported(tmp_path, data, source)
    prefix = f"{tmp_path / 'sample-es.docx'}: "
    lines = str(caught.value).splitlines()
    assert all(line.startswith(prefix) for line in lines)
    return [line.removeprefix(prefix) for line in lines]


def test_an_untouched_file_gives_the_source_back_with_its_header(tmp_path, source, exported):
    returned = imported(tmp_path, exported, source)
    assert returned.header == Header("sample", "en", "es", "2.1", returned.header.digest)
    assert returned.texts == {u.id: u.content for u in units(source)}
    assert returned.reviewed == set(returned.texts) and returned.mismatches == []


def test_typed_over_text_keeps_bold_links_and_languages(tmp_path, source, exported):
    def translate(root):
        p = paragraph(root, "Take your pills")
        p.findall(f"{W}r/{W}t")[0].text, p.findall(f"{W}r/{W}t")[1].text = "Tome sus pastillas ", "cada día"
        p = paragraph(root, "Read more at")
        p.find(f"{W}r/{W}t").text = "Lea más en "
        p.find(f"{W}hyperlink/{W}r/{W}t").text = "nuestra web"
    texts = imported(tmp_path, edited(exported, translate), source).texts
    assert texts["introduction-3"] == (m.Text("Tome sus pastillas "), m.Strong((m.Text("cada día"),)), m.Text("."))
    assert texts["your-medicines-13"] == (m.Text("Lea más en "),
                                          m.Link("https://example.org/pills", (m.Text("nuestra web"),)), m.Text("."))


def test_styles_are_matched_by_name_whatever_their_ids(tmp_path, source, exported):
    """LibreOffice renames style ids (Hyperlink -> InternetLink) and may call Strong "Strong Emphasis"."""
    def rename(root):
        for style in root.iter(f"{W}style"):
            if style.get(f"{W}styleId") == "Strong":
                style.set(f"{W}styleId", "Strong1")
                style.find(f"{W}name").set(f"{W}val", "Strong Emphasis")

    def restyle(root):
        for r in root.iter(f"{W}rStyle"):
            if r.get(f"{W}val") == "Strong":
                r.set(f"{W}val", "Strong1")
    data = edited(edited(exported, rename, "word/styles.xml"), restyle)
    assert imported(tmp_path, data, source).texts["introduction-3"][1] == m.Strong((m.Text("every day"),))


def test_a_run_in_another_language_is_a_foreign_passage(tmp_path, source, exported):
    def mark_french(root):
        run = paragraph(root, "Call us").find(f"{W}r")
        rpr = etree.SubElement(run, f"{W}rPr")
        run.insert(0, rpr)
        etree.SubElement(rpr, f"{W}lang").set(f"{W}val", "fr-FR")
    texts = imported(tmp_path, edited(exported, mark_french), source).texts
    assert texts["introduction-4"] == (m.Foreign("fr-FR", (m.Text("Call us if you feel worse."),)),)


def test_a_merge_says_split_them_again(tmp_path, source, exported):
    data = edited(exported, lambda root: merge_with_next(paragraph(root, "Wash your hands")))
    assert failures(tmp_path, data, source) == [
        "paragraph 10 (“Wash your hands.Open the box.”): the words of 2 paragraphs of the exported file are in "
        "this one; split them again, one paragraph each as in the exported file"]


def test_a_split_says_join_them_again(tmp_path, source, exported):
    data = edited(exported, lambda root: split_before(paragraph(root, "Take one pill"), "Say"))
    assert failures(tmp_path, data, source) == [
        "paragraph 9 (“Take one pill in the morning.”): one paragraph of the exported file is split here into "
        "paragraphs 9 to 10; join them again into one paragraph"]


def test_an_unmarked_paragraph_after_one_of_its_style_is_a_split(tmp_path, source, exported):
    data = edited(exported, lambda root: add_after(paragraph(root, "What is this pill"), "And when?"))
    assert failures(tmp_path, data, source) == [
        "paragraph 29 (“What is this pill for?”): one paragraph of the exported file is split here into "
        "paragraphs 29 to 30; join them again into one paragraph"]


def test_an_added_paragraph_and_a_deleted_one(tmp_path, source, exported):
    def edit(root):
        add_after(paragraph(root, "When to take them"), "Some words of my own.", style="Normal")
        remove(paragraph(root, "Do not take two pills"))
    assert failures(tmp_path, edited(exported, edit), source) == [
        "after paragraph 13 (“Do not take two pills at once.”): a paragraph of the exported file is missing here; "
        "put it back from the exported file, and translate it",
        "paragraph 18 (“Some words of my own.”): this paragraph is not in the exported file; delete it, or move "
        "its words into the paragraph they belong to"]


def test_a_paragraph_typed_anew_is_taken_by_its_place_and_style(tmp_path, source, exported):
    def retype(root):
        p = paragraph(root, "Open the box")
        drop_bookmark(p)
        set_text(p, "Abra la caja.")
    returned = imported(tmp_path, edited(exported, retype), source)
    assert returned.texts["your-medicines-4"] == (m.Text("Abra la caja."),)
    assert "your-medicines-4" not in returned.reviewed
    assert [str(x) for x in returned.mismatches] == [
        "paragraph 11 (“Abra la caja.”): its mark is lost (was it typed anew?), so it is taken by its place and "
        "style for the numbered list item “Open the box.”; check that it translates that"]
    assert not returned.mismatches[0].fatal


def test_no_stand_in_when_the_style_differs(tmp_path, source, exported):
    def retype(root):
        p = paragraph(root, "Open the box")
        drop_bookmark(p)
        p.find(f"{W}pPr/{W}pStyle").set(f"{W}val", "Normal")
    assert failures(tmp_path, edited(exported, retype), source) == [
        "after paragraph 10 (“Open the box.”): a numbered list item of the exported file is missing here; put "
        "it back from the exported file, and translate it",
        "paragraph 11 (“Open the box.”): this paragraph is not in the exported file; delete it, or move its "
        "words into the paragraph they belong to"]


def test_an_emptied_paragraph_and_a_link_the_source_has_not(tmp_path, source, exported):
    def edit(root):
        set_text(paragraph(root, "Call us"), " ")
        paragraph(root, "Read more").find(f"{W}hyperlink").set(R_ID, "rId98")

    def relate(root):
        root.append(etree.fromstring(LINK_REL))
    data = edited(edited(exported, edit), relate, "word/_rels/document.xml.rels")
    assert failures(tmp_path, data, source) == [
        "paragraph 7: this list item is empty; translate it: the exported file says “Call us if you feel worse.”",
        "paragraph 26 (“Read more at our website.”): it links to https://example.com/elsewhere, which the source "
        "paragraph does not; link only to https://example.org/pills"]


def test_tracked_changes_are_fatal(tmp_path, source, exported):
    def track(root):
        run = paragraph(root, "Then:").find(f"{W}r")
        ins = etree.Element(f"{W}ins", {f"{W}id": "90", f"{W}author": "T"})
        run.addprevious(ins)
        ins.append(run)
    assert failures(tmp_path, edited(exported, track), source) == [
        "paragraph 12 (“Then:”): the document holds tracked changes (1, the first here); accept or reject all "
        "changes first (Edit > Track Changes in LibreOffice, Review in Word), save, and import it again"]


def test_comments_are_listed_and_left_out(tmp_path, source, exported):
    def anchor(root):
        p = paragraph(root, "Then:")
        p.find(f"{W}r").addprevious(etree.Element(f"{W}commentRangeStart", {f"{W}id": "7"}))

    def relate(root):
        root.append(etree.fromstring(COMMENTS_REL))
    data = edited(edited(with_member(exported, "word/comments.xml", COMMENTS), anchor),
                  relate, "word/_rels/document.xml.rels")
    returned = imported(tmp_path, data, source)
    assert [str(x) for x in returned.mismatches] == [
        "paragraph 12 (“Then:”): a comment by Ana is left out: “Is this the right word?”; put into the text "
        "anything the guide needs; tell its writer the rest"]
    assert returned.texts["your-medicines-5"] == (m.Text("Then:"),)


def test_a_file_for_another_guide_language_or_version_says_which(tmp_path, source, exported):
    other = dataclasses.replace(source, slug="foot-care", meta=dataclasses.replace(source.meta, lang="fr", version="3"))
    assert failures(tmp_path, exported, other) == [
        "file properties: it was exported from the guide “sample”, not “foot-care”; import it for the guide it "
        "was exported from",
        "file properties: it was exported from the source in “en”, not “fr”; import it for the source it was "
        "exported from",
        "file properties: it was exported from version “2.1”, not “3”; export the guide again, or import it "
        "into the version it was exported from"]


def test_a_docx_without_our_properties_is_not_an_exported_file(tmp_path, source):
    from plainpress.render.docx import render_docx
    assert failures(tmp_path, render_docx(source), source) == [
        "file properties: this is not a file plainpress exported for translation (it has none of plainpress's "
        "properties); translate the DOCX that plainpress exported for this guide, and import that"]


def test_a_changed_source_is_said_and_the_import_goes_on(tmp_path, source, exported):
    [key_points, *rest] = source.blocks
    changed = dataclasses.replace(source, blocks=tuple(rest) + (key_points,))  # same words, other order
    returned = imported(tmp_path, exported, changed)
    assert [str(x) for x in returned.mismatches] == [
        "file properties: the source's words have changed since this file was exported; the import goes on by "
        "block; each block changed since then is marked out of date, for the next export to send it for review"]
    assert returned.made_from == {u.id: u.digest for u in units(source)}   # what the translator saw, unit by unit


def test_a_link_saved_as_a_field_is_a_link(tmp_path, source, exported):
    def as_field(root):
        link = paragraph(root, "Read more").find(f"{W}hyperlink")
        parts = ['<w:fldChar w:fldCharType="begin"/>',
                 '<w:instrText> HYPERLINK "https://example.org/pills" </w:instrText>',
                 '<w:fldChar w:fldCharType="separate"/>', '<w:t>nuestra web</w:t>', '<w:fldChar w:fldCharType="end"/>']
        for part in parts:
            link.addprevious(etree.fromstring(f'<w:r xmlns:w="{W[1:-1]}">{part}</w:r>'))
        link.getparent().remove(link)
    texts = imported(tmp_path, edited(exported, as_field), source).texts
    assert texts["your-medicines-13"] == (m.Text("Read more at "),
                                          m.Link("https://example.org/pills", (m.Text("nuestra web"),)), m.Text("."))


def test_libreoffices_echo_of_a_link_is_no_link_but_a_true_second_half_is(tmp_path, source, exported):
    """LibreOffice 7.4 cuts a link where a bookmark ends, and wraps the words after a link in a hyperlink
    when the bookmark's end touches it (measured: "our website" then "." both linked on reopening)."""
    def echo(root):
        p = paragraph(root, "Read more")
        end, last = p.find(f"{W}bookmarkEnd"), p.findall(f"{W}r")[-1]
        second = etree.SubElement(p, f"{W}hyperlink", {R_ID: "rId98"})
        second.extend([end, last])

    def relate(root):
        root.append(etree.fromstring(LINK_REL.replace("https://example.com/elsewhere", "https://example.org/pills")))

    def as_link(root):  # the second half of a link, in the Hyperlink style and bold (Strong inside a link)
        run = paragraph(root, "Read more").find(f"{W}hyperlink[2]/{W}r")
        run.insert(0, etree.fromstring(f'<w:rPr xmlns:w="{W[1:-1]}"><w:rStyle w:val="Hyperlink"/><w:b/></w:rPr>'))
    data = edited(edited(exported, echo), relate, "word/_rels/document.xml.rels")
    texts = imported(tmp_path, data, source).texts
    assert texts["your-medicines-13"] == (m.Text("Read more at "),
                                          m.Link("https://example.org/pills", (m.Text("our website"),)), m.Text("."))
    texts = imported(tmp_path, edited(data, as_link), source).texts
    assert texts["your-medicines-13"] == (m.Text("Read more at "), m.Link("https://example.org/pills", (
        m.Text("our website"), m.Strong((m.Text("."),)))))


def test_an_address_comes_back_as_the_source_wrote_it():
    assert same_address("https://e.org", "https://e.org/") and same_address("https://E.org/a", "https://e.org/a")
    assert not same_address("https://e.org/a", "https://e.org/b")
