"""The labels a guide prints, as units for the translator where the target's catalog lacks them: out and
back through XLIFF, PO and the DOCX in Arabic and Chinese, kept in the translation's own front matter;
placeholders refused when wrong; words confirmed as the source's on purpose count as current."""
from __future__ import annotations

import copy
import json
import re
import shutil

import polib
import pytest
from lxml import etree
from translate.storage import pypo
from translate.storage import xliff as ttk_xliff

from conftest import SAMPLE
from docx_edits import W, edited, set_text
from plainpress import model as m
from plainpress.checks.translation import current_share
from plainpress.languages import catalog, labels
from plainpress.source import read_guide
from plainpress.translate.docx_export import bookmark_key, export_docx
from plainpress.translate.labels import label_units, printed_labels
from plainpress.translate.memory import read_record
from plainpress.translate.returned import TranslationImportError
from plainpress.translate.units import units
from plainpress.translate.workflow import export, import_file
from plainpress.translate.xliff_inline import XLIFF

Q = f"{{{XLIFF}}}"
WORDS = {  # what a translator types for some labels, placeholders kept
    "ar": {"page": "الصفحة {page} من {pages}", "key-points": "نقاط رئيسية", "version": "الإصدار {version}."},
    "zh-Hans": {"page": "第 {page} 页，共 {pages} 页", "key-points": "要点", "version": "版本 {version}。"},
}
PREFIX = {"ar": "ع ", "zh-Hans": "中 "}


@pytest.fixture(autouse=True)
def no_catalogs(tmp_path_factory, monkeypatch):
    """No shipped catalog: the tests do not depend on which languages have one today."""
    monkeypatch.setattr(catalog, "LOCALES", tmp_path_factory.mktemp("locales"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(SAMPLE.parent, tmp_path / "source" / "sample")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def exported(project, lang: str, fmt: str):
    [path] = export(project / "source" / "sample", [lang], [fmt], project / "output")
    return path


def test_the_labels_a_guide_prints_that_the_catalog_lacks_are_units(tmp_path):
    guide = read_guide(SAMPLE)
    # the sample's "Good to know" note has its own title: `note` is not printed as a label
    assert printed_labels(guide, contact=False) == ["version", "reviewed", "page", "contents", "landmarks", "start",
                                                    "for", "skip", "table", "key-points", "warning", "ask"]
    assert [u.id for u in label_units(guide, "ar")][:3] == ["label:version", "label:reviewed", "label:page"]
    es = tmp_path / "es" / "LC_MESSAGES"
    es.mkdir(parents=True)
    (es / "plainpress.po").write_text('msgctxt "page"\nmsgid "page {page} of {pages}"\nmsgstr "página {page} de {pages}"\n',
                                      encoding="utf-8")
    assert "label:page" not in [u.id for u in label_units(guide, "es", folders=[tmp_path])]
    assert label_units(guide, "en-GB") == []


# XLIFF ---------------------------------------------------------------------------------------

def translated_xliff(path, lang: str, labels_given: dict[str, str]) -> None:
    """Every unit's source as its target with a prefix, state translated; labels as `labels_given` says,
    each placeholder the `<x/>` code of the source."""
    root = etree.fromstring(path.read_bytes())
    for unit in root.iter(f"{Q}trans-unit"):
        target = copy.deepcopy(unit.find(f"{Q}source"))
        target.tag, key = f"{Q}target", unit.get("id").removeprefix("label:")
        target.set("state", "translated")
        if unit.get("id").startswith("label:") and key not in labels_given:
            continue   # not translated yet
        if unit.get("id").startswith("label:"):
            codes = {x.get("equiv-text"): x for x in target}
            for x in list(target):
                target.remove(x)
            target.text = ""
            for part in re.split(r"(\{[a-z]+\})", labels_given[key]):
                if part in codes:
                    target.append(copy.deepcopy(codes[part]))
                    target[-1].tail = ""
                elif len(target):
                    target[-1].tail += part
                else:
                    target.text += part
        else:
            target.text = PREFIX[lang] + (target.text or "")
        unit.find(f"{Q}source").addnext(target)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


@pytest.mark.parametrize("lang", ["ar", "zh-Hans"])
def test_xliff_labels_out_and_back_into_the_front_matter(project, lang):
    path = exported(project, lang, "xliff")
    root = etree.fromstring(path.read_bytes())
    page = root.find(f".//{Q}trans-unit[@id='label:page']")
    assert etree.tostring(page.find(f"{Q}source"), encoding="unicode", with_tail=False).split(">", 1)[1] == (
        'page <x id="1" ctype="x-placeholder" equiv-text="{page}"/> of '
        '<x id="2" ctype="x-placeholder" equiv-text="{pages}"/></source>')
    assert "Keep {page} (the page number) and {pages} (the number of pages)" in page.find(f"{Q}note").text
    store = ttk_xliff.xlifffile.parsestring(path.read_bytes())   # a CAT tool reads the labels too
    assert "label:key-points" in [u.getid().split("\x04")[-1] for u in store.units]
    translated_xliff(path, lang, WORDS[lang])
    import_file(path, project / "source")
    guide = read_guide(project / "source" / "sample" / f"{lang}.md")
    assert dict(guide.meta.labels) == WORDS[lang]
    assert f"labels:\n  version: " in (project / "source" / "sample" / f"{lang}.md").read_text(encoding="utf-8")
    key_points = next(b for b in guide.blocks if isinstance(b, m.Callout) and b.style == "key-points")
    assert key_points.title == WORDS[lang]["key-points"]
    assert labels(lang, own=guide.meta.own_labels)["page"] == WORDS[lang]["page"]
    # the next export gives the guide's own labels as their translations so far
    again = etree.fromstring(exported(project, lang, "xliff").read_bytes())
    target = again.find(f".//{Q}trans-unit[@id='label:key-points']/{Q}target")
    assert (target.text, target.get("state")) == (WORDS[lang]["key-points"], "translated")


def test_a_label_whose_placeholders_differ_is_refused(project):
    path = exported(project, "ar", "xliff")
    translated_xliff(path, "ar", {"page": "الصفحة {page}", "version": "الإصدار {version} {version}."})
    with pytest.raises(TranslationImportError) as err:
        import_file(path, project / "source")
    assert str(err.value).splitlines() == [
        f"{path}: trans-unit label:version (“Version {{version}}.”): the placeholders do not match the English "
        "“Version {version}.”: it has {version}, which the English does not have once more; "
        "keep {version} exactly, braces included, where the language puts them",
        f"{path}: trans-unit label:page (“page {{page}} of {{pages}}”): the placeholders do not match the English "
        "“page {page} of {pages}”: it lacks {pages}; keep {page}, {pages} exactly, braces included, "
        "where the language puts them"]
    assert not (project / "source" / "sample" / "ar.md").exists()


# PO ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ar", "zh-Hans"])
def test_po_labels_out_and_back(project, lang):
    path = exported(project, lang, "po")
    po = polib.pofile(str(path))
    page = next(e for e in po if e.msgctxt == "label:page")
    assert (page.msgid, page.flags) == ("page {page} of {pages}", ["python-brace-format"])
    assert [u.getcontext() for u in pypo.pofile(path.read_bytes()).units if u.getcontext().startswith("label:")][:2] == [
        "label:version", "label:reviewed"]
    for entry in po:
        key = entry.msgctxt.removeprefix("label:")
        entry.msgstr = WORDS[lang].get(key, "") if entry.msgctxt.startswith("label:") else PREFIX[lang] + entry.msgid
    po.save(str(path))
    import_file(path, project / "source")
    assert dict(read_guide(project / "source" / "sample" / f"{lang}.md").meta.labels) == WORDS[lang]


# Words kept as the source's on purpose -------------------------------------------------------

def test_words_confirmed_as_the_source_count_as_current(project):
    path = exported(project, "tl", "po")
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = entry.msgid if entry.msgctxt in ("glossary-1.1.term", "label:contents") else "TL " + entry.msgid
    next(e for e in po if e.msgctxt == "glossary-1.1.term").tcomment = "keep: the same word in Tagalog"
    kept = next(e for e in po if e.msgctxt == "label:contents")
    kept.flags.append("plainpress-keep")
    unkept = next(e for e in po if e.msgctxt == "your-medicines-11.h2")
    unkept.msgstr = unkept.msgid   # left as the source's, without a word: not translated
    po.save(str(path))
    done = import_file(path, project / "source")
    record = read_record(done.target)
    assert "glossary-1.1.term" in record.entries and "your-medicines-11.h2" not in record.entries
    assert [str(n) for n in done.notes if "still in the source" in n.message] == [
        "your-medicines-11.h2 (“Pill”): 1 part still in the source's words; taken as not translated yet: "
        "`plainpress check` lists them; translate them and import again"]
    guide = read_guide(done.target)
    assert guide.meta.own_labels["contents"] == "Contents"
    source = read_guide(project / "source" / "sample" / "en.md")
    assert current_share(guide, source, record) == len(record.entries) / len(units(source))


def test_xliff_final_confirms_words_left_as_the_source(project):
    path = exported(project, "tl", "xliff")
    root = etree.fromstring(path.read_bytes())
    for unit in root.iter(f"{Q}trans-unit"):
        target = copy.deepcopy(unit.find(f"{Q}source"))
        target.tag = f"{Q}target"
        target.set("state", "final" if unit.get("id") == "glossary-1.1.term" else "translated")
        unit.find(f"{Q}source").addnext(target)
    path.write_bytes(etree.tostring(root))
    record = read_record(import_file(path, project / "source").target)
    assert list(record.entries) == ["glossary-1.1.term"]


# DOCX ----------------------------------------------------------------------------------------

def bookmarked(root, name: str):
    return next(p for p in root.iter(f"{W}p") if any(b.get(f"{W}name") == name for b in p.iter(f"{W}bookmarkStart")))


@pytest.mark.parametrize("lang", ["ar", "zh-Hans"])
def test_docx_labels_are_typed_over_and_kept(project, lang):
    source = read_guide(SAMPLE)
    path = exported(project, lang, "docx")

    def translate(root):
        for key, text in WORDS[lang].items():
            set_text(bookmarked(root, bookmark_key(f"label:{key}")), text)
        set_text(bookmarked(root, bookmark_key("glossary-1.1.term")), PREFIX[lang] + "Pill")
        keep = etree.SubElement(bookmarked(root, bookmark_key("your-medicines-11.h2")), f"{W}bookmarkStart")
        keep.set(f"{W}id", "900")
        keep.set(f"{W}name", "keep1")   # the translator's mark: this "Pill" stays as it is
        set_text(bookmarked(root, "_pp_label_1"), "typed over the review date")
    path.write_bytes(edited(path.read_bytes(), translate))
    done = import_file(path, project / "source")
    guide = read_guide(done.target)
    assert dict(guide.meta.labels) == WORDS[lang]
    assert [b.title for b in guide.blocks if isinstance(b, m.Callout) and b.style == "key-points"] == [WORDS[lang]["key-points"]]
    record = json.loads(done.target.with_name(f"{lang}.translation.json").read_text(encoding="utf-8"))
    assert {"glossary-1.1.term", "your-medicines-11.h2"} <= set(record["units"])
    assert "your-medicines-11.h1" not in record["units"]   # "Time", left as it was without a mark
    assert [str(n) for n in done.notes if "typed over" in n.words] == [
        "paragraph 4 (“typed over the review date”): plainpress writes these words itself, so what was typed "
        "here is not used; translate the labels in the paragraphs of the style Label at the end of the document instead"]
    assert source.meta.version and export_docx(source, lang)   # the source is untouched


def test_docx_shows_the_label_in_the_first_call_out_and_the_rest_at_the_end(project):
    data = export_docx(read_guide(SAMPLE), "ar")
    found = {}

    def look(root):
        for p in root.iter(f"{W}p"):
            style = p.find(f"{W}pPr/{W}pStyle")
            names = [b.get(f"{W}name") for b in p.iter(f"{W}bookmarkStart")]
            found["".join(p.itertext())] = (style.get(f"{W}val") if style is not None else "", names)
    edited(data, look)
    assert found["Key points"][1] == [bookmark_key("label:key-points")]
    assert found["page {page} of {pages}"] == ("Label", [bookmark_key("label:page")])
    assert found["The foot of every page. Keep {page} (the page number) and {pages} (the number of pages) as "
                 "they are, where the language puts them:"][0] == "LabelNote"
