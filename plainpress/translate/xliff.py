"""XLIFF 1.2, what Trados, memoQ, Phrase and OmegaT import: a guide out to translators, and back.

One `<file>` per guide and language. What the file is for rides on the `<file>` element's own
attributes, which every tool keeps as they are: `product-name` the guide, `product-version` its
version, `build-num` the digest of its source units (`<prop-group>` was deprecated in XLIFF 1.1).
One `trans-unit` per unit (`id` and `resname` the unit's id) with a `<note>` saying what it is; a
target only where there is a translation already: `translated`, or `needs-review-translation`
when the source changed since (a translator must confirm it again). Inline codes: `xliff_inline`.

A target is used when its state is `translated`, `signed-off` or `final` (or it gives none) and no
`state-qualifier` calls it a fuzzy or machine match: a close string is never taken by itself.
"""
from __future__ import annotations

from itertools import count
from pathlib import Path

from lxml import etree

from .. import model as m
from ..findings import first_words
from ..untrusted import check_size, parse_xml
from .exchange import Entry, Wording, addresses, check_header, gather, source_name, to_translate, unit_notes
from .returned import Header, Mismatch, Previous, Returned, TranslationImportError, header_for
from .labels import label_key
from .units import Unit, units
from .xliff_inline import OURS, XLIFF, from_xml, numbered, placeholders_from_xml, placeholders_to_xml, target_ids, to_xml

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
CONFIRMED = ("translated", "signed-off", "final")
KEPT = ("signed-off", "final")   # a reviewer's word: the target stands as it is, even in the source's words
NOT_BY_A_TRANSLATOR = ("fuzzy-match", "mt-suggestion", "tm-suggestion", "leveraged-mt")   # state-qualifier
GUIDANCE = ("Keep the tags of each unit (bold, emphasis, links, words in another language, placeholders). "
            "A unit is used once it is marked translated. A unit whose words stay those of the source on "
            "purpose (a drug's name) counts as translated when its target is marked final or signed-off.")
WORDING = Wording(
    one="trans-unit", many="trans-units", untranslated="not yet translated",
    unconfirmed="not confirmed by a translator (state {states})",
    unconfirmed_hint="a translator must review each one and mark it translated; until then the guide keeps "
                     "its previous translation, or the source text",
    empty_hint="translate it, or set its state back to new")


def q(name: str) -> str:
    return f"{{{XLIFF}}}{name}"


# Export ------------------------------------------------------------------------------------------

def export_xliff(source: m.Guide, target_lang: str, previous: dict[str, Previous]) -> bytes:
    """The guide's units to translate into `target_lang`, with the translations so far as targets."""
    header = header_for(source, target_lang)
    root = etree.Element(q("xliff"), version="1.2", nsmap={None: XLIFF, "plainpress": OURS})
    file = etree.SubElement(root, q("file"), _file_attributes(source, header))
    etree.SubElement(etree.SubElement(file, q("header")), q("note")).text = GUIDANCE
    body = etree.SubElement(file, q("body"))
    notes = unit_notes(source, target_lang)
    for unit in to_translate(source, target_lang):
        body.append(_trans_unit(unit, notes[unit.id], previous.get(unit.id)))
    _indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8") + b"\n"


def _indent(element: etree._Element, level: int = 0) -> None:
    """Line breaks between the file's elements, never inside a unit's words: lxml's pretty printing
    indents a `<source>` that opens with a code, and the translator would get the spaces too."""
    children = list(element)
    if not children or element.tag in (q("source"), q("target"), q("note")):
        return
    element.text = "\n" + "  " * (level + 1)
    for child in children:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    children[-1].tail = "\n" + "  " * level


def _file_attributes(source: m.Guide, header: Header) -> dict[str, str]:
    found = {"original": source_name(source), "source-language": header.source_lang,
             "target-language": header.target_lang, "datatype": "plaintext", "product-name": header.guide,
             "product-version": header.version, "build-num": header.digest}
    return {k: v for k, v in found.items() if v}


def _trans_unit(unit: Unit, note: str, previous: Previous | None) -> etree._Element:
    element = etree.Element(q("trans-unit"), {"id": unit.id, "resname": unit.id, XML_SPACE: "preserve"})
    label = label_key(unit.id) is not None
    if label:
        placeholders_to_xml(etree.SubElement(element, q("source")), unit.text)
    else:
        to_xml(etree.SubElement(element, q("source")), unit.content, map(str, count(1)))
    if previous is not None:
        state = "needs-review-translation" if previous.stale else "translated"
        target = etree.SubElement(element, q("target"), state=state)
        if label:
            placeholders_to_xml(target, m.plain_text(previous.text))
        else:
            to_xml(target, previous.text, target_ids(previous.text, unit.content))
    etree.SubElement(element, q("note"), {"from": "plainpress"}).text = _described(unit, note)
    if previous is not None and previous.stale:
        etree.SubElement(element, q("note"), {"from": "plainpress"}).text = (
            f"The source text changed since this translation was made; it was: {previous.old_source}")
    return element


def _described(unit: Unit, note: str) -> str:
    """What the unit is, and where its links go (a tool shows a link as a bare tag)."""
    found = addresses(unit.content)
    return f"{note}; its links go to {', '.join(found)}." if found else f"{note}."


# Import ------------------------------------------------------------------------------------------

def read_xliff(path: Path, source: m.Guide) -> Returned:
    """The translations an XLIFF file brings back for `source`, with every mismatch. Raises
    UntrustedFileError for a file refused before parsing, TranslationImportError for one that is
    not an XLIFF 1.2 file of this guide and language."""
    path = Path(path)
    file = _the_file(path, parse_xml(check_size(path), path))
    header = _header(file)
    noted = check_header(path, header, source, "the <file> element")
    by_id = {u.id: u for u in units(source)}
    returned = gather(header, source, [_entry(e, by_id) for e in file.iter(q("trans-unit"))], WORDING)
    returned.mismatches[:0] = noted
    return returned


def read_header(path: Path) -> Header:
    """What an XLIFF file says it is (guide, languages, version), to find its source guide."""
    path = Path(path)
    return _header(_the_file(path, parse_xml(check_size(path), path)))


def _header(file: etree._Element) -> Header:
    return Header(guide=file.get("product-name", ""), source_lang=file.get("source-language", ""),
                  target_lang=file.get("target-language", ""), version=file.get("product-version", ""),
                  digest=file.get("build-num", ""))


def _the_file(path: Path, root: etree._Element) -> etree._Element:
    if root.tag != q("xliff"):
        raise TranslationImportError(path, [Mismatch(
            "the file", "", f"not an XLIFF 1.2 file (its root element is `<{etree.QName(root).localname}>`)",
            "export the translation from the translation tool as XLIFF 1.2")])
    files = root.findall(q("file"))
    if len(files) != 1:
        raise TranslationImportError(path, [Mismatch(
            "the file", "", f"it holds {len(files)} <file> elements, where plainpress writes one",
            "import the file as plainpress exported it: one guide in one language")])
    return files[0]


def _entry(element: etree._Element, by_id: dict[str, Unit]) -> Entry:
    unit_id = element.get("id", "")
    if label_key(unit_id) is not None:
        return _label_entry(element, unit_id)
    known = numbered(by_id[unit_id].content) if unit_id in by_id else {}
    source, target = element.find(q("source")), element.find(q("target"))
    source_content, unreadable = from_xml(source, known) if source is not None else ((), True)
    translation, problems = from_xml(target, known) if target is not None else (None, [])
    state = _state(element, target)
    return Entry(unit_id, f"trans-unit {unit_id}", first_words(m.plain_text(source_content)),
                 None if unreadable else source_content, translation,
                 confirmed=target is not None and state in CONFIRMED, state=state, problems=problems,
                 kept=target is not None and state in KEPT)


def _label_entry(element: etree._Element, unit_id: str) -> Entry:
    """A label's unit: plain words whose placeholders are `<x/>` codes."""
    source, target = element.find(q("source")), element.find(q("target"))
    words = placeholders_from_xml(source)[0] if source is not None else None
    translation, problems = placeholders_from_xml(target) if target is not None else (None, [])
    state = _state(element, target)
    return Entry(unit_id, f"trans-unit {unit_id}", first_words(words or ""),
                 None if words is None else (m.Text(words),), None if translation is None else (m.Text(translation),),
                 confirmed=target is not None and state in CONFIRMED, state=state, problems=problems,
                 kept=target is not None and state in KEPT)


def _state(element: etree._Element, target: etree._Element | None) -> str:
    """The target's state, as the confirmed ones are named when it is confirmed."""
    if target is None:
        return "new"
    state = target.get("state") or ("needs-translation" if element.get("approved") == "no" else "translated")
    qualifier = target.get("state-qualifier", "")
    if qualifier in NOT_BY_A_TRANSLATOR or qualifier.startswith("rejected-"):
        return f"{state}/{qualifier}"
    return state
