"""A translated DOCX (made by `docx_export`) -> the translation of each unit of its source.

The file is refused before any parser sees it when it is hostile (`untrusted`), and when it was not
exported from this source: another guide, source language or version, or no plainpress properties at
all. Then each unit's paragraph is found by its bookmark (`docx_mapping`) and its words read with their
marks (`docx_inlines`). Tracked changes are fatal (which words would be meant?); comments are listed,
never copied. Every fatal mismatch is raised at once, in one TranslationImportError.
"""
from __future__ import annotations

from pathlib import Path

from .. import model as m
from ..findings import first_words
from ..languages import ENGLISH, labels, language_name
from ..ooxml.body import Paragraph, body_paragraphs
from ..ooxml.document import DocxParts, read_parts
from ..ooxml.names import W, tracked_changes
from .docx_export import DIGESTS, KEY_PREFIX, LABEL_PREFIX, LABEL_WORDS, PROPERTIES, bookmark_key, unit_keys, unit_styles, words_digest
from .labels import every_label, label_id, label_key, placeholder_problem
from .docx_inlines import inlines, links, plain
from .docx_mapping import map_paragraphs
from .returned import Header, Mismatch, Returned, TranslationImportError, header_for
from .units import Unit, units

PROPERTIES_WHERE = "file properties"


def read_docx(path: Path, source: m.Guide) -> Returned:
    path = Path(path)
    parts = read_parts(path)
    header = file_header(path, parts, source)
    paragraphs = body_paragraphs(parts, KEY_PREFIX)
    styles = unit_styles(source, header.target_lang)   # the exported document's units, in its order
    found = in_document_order(source, styles, paragraphs)
    mapping = map_paragraphs(paragraphs, found, unit_keys(source, every_label()), LABEL_PREFIX,
                             lambda unit_id: styles.get(unit_id, "Label"))
    returned = Returned(header, reviewed={u.id for u in found if u.id in mapping.found} - mapping.guessed,
                        made_from=made_from(parts, unit_keys(source)))
    returned.kept = {u for u in returned.reviewed if mapping.found[u].kept}
    returned.mismatches += digest_mismatch(header, source) + tracked(parts, paragraphs) + mapping.mismatches
    document_lang = parts.default_lang or header.target_lang
    for unit in found:
        if unit.id in mapping.found:
            returned.texts[unit.id] = unit_text(unit, mapping.found[unit.id], document_lang, returned.mismatches)
    returned.mismatches += typed_over_labels(parts, paragraphs, mapping.found, returned, header.target_lang)
    returned.mismatches += comments(parts, paragraphs)
    fatal = [x for x in returned.mismatches if x.fatal]
    if fatal:
        raise TranslationImportError(path, fatal)
    return returned


def in_document_order(source: m.Guide, exported: dict[str, str], paragraphs: list[Paragraph]) -> list[Unit]:
    """The units the file was exported with, in its order: those the export makes now, and any label
    the file has besides (the catalog may have gained it since; it is still the translator's)."""
    by_id = {u.id: u for u in units(source) + every_label()}
    present = {name for p in paragraphs for name in p.starts}
    extra = [u for u in every_label() if u.id not in exported and bookmark_key(u.id) in present]
    return [by_id[unit_id] for unit_id in exported] + extra


def typed_over_labels(parts: DocxParts, paragraphs: list[Paragraph], found: dict[str, Paragraph],
                      returned: Returned, lang: str) -> list[Mismatch]:
    """Each paragraph of words plainpress writes itself that a translator typed over: not used, and said so
    (a repeated call-out title that says what its label's unit says is fine)."""
    recorded = dict(item.split(":", 1) for item in parts.properties.get(LABEL_WORDS, "").split() if ":" in item)
    out = []
    for p in paragraphs:
        for name in (n for n in p.starts if n.startswith(LABEL_PREFIX) and n[len(LABEL_PREFIX):] in recorded):
            digest, _, key = recorded[name[len(LABEL_PREFIX):]].partition(":")
            unit = found.get(label_id(key)) if key else None
            if words_digest(p.text) == digest or (unit is not None and words_digest(unit.text) == words_digest(p.text)):
                continue
            out.append(_typed_over(p, key, unit, lang, any(label_key(u) for u in found)))
    return out


def _typed_over(p: Paragraph, key: str, unit: Paragraph | None, lang: str, labels_at_end: bool) -> Mismatch:
    where, words = f"paragraph {p.number}", first_words(p.text)
    if unit is not None:
        return Mismatch(where, words, f"this repeats the label “{ENGLISH[key]}”, whose translation is in paragraph "
                        f"{unit.number} (every such title prints it), so what was typed here is not used",
                        f"give the label its words in paragraph {unit.number}", fatal=False)
    if key:
        return Mismatch(where, words, f"plainpress prints its {language_name(lang)} label “{labels(lang)[key]}” here, "
                        "so what was typed here is not used",
                        "leave it as exported; the labels are changed in their catalog, "
                        f"locales/{lang.replace('-', '_')}/LC_MESSAGES/plainpress.po", fatal=False)
    return Mismatch(where, words, "plainpress writes these words itself, so what was typed here is not used",
                    "translate the labels in the paragraphs of the style Label at the end of the document instead"
                    if labels_at_end else "leave them as exported", fatal=False)


def read_header(path: Path) -> Header:
    """What a DOCX says it was exported from (guide, languages, version), to find its source guide."""
    return properties_header(Path(path), read_parts(Path(path)))


def properties_header(path: Path, parts: DocxParts) -> Header:
    found = {field: parts.properties.get(name) for name, field in PROPERTIES.items()}
    if None in found.values():
        raise TranslationImportError(path, [Mismatch(
            PROPERTIES_WHERE, "", "this is not a file plainpress exported for translation (it has none of "
            "plainpress's properties)", "translate the DOCX that plainpress exported for this guide, and import that")])
    return Header(**found)


def file_header(path: Path, parts: DocxParts, source: m.Guide) -> Header:
    """What the file says it was exported from; it must be this source, or nothing else is read."""
    header = properties_header(path, parts)
    expected = header_for(source, header.target_lang)
    wrong = [Mismatch(PROPERTIES_WHERE, "", f"it was exported from {what} “{getattr(header, field)}”, not "
                      f"“{getattr(expected, field)}”", hint)
             for field, what, hint in (
                 ("guide", "the guide", "import it for the guide it was exported from"),
                 ("source_lang", "the source in", "import it for the source it was exported from"),
                 ("version", "version", "export the guide again, or import it into the version it was exported from"))
             if getattr(header, field) != getattr(expected, field)]
    if wrong:
        raise TranslationImportError(path, wrong)
    return header


def made_from(parts: DocxParts, keys: dict[str, str]) -> dict[str, str]:
    """Unit id -> digest of the source words it had when exported (an unknown key is left out)."""
    pairs = (item.partition(":") for item in parts.properties.get(DIGESTS, "").split())
    return {keys[KEY_PREFIX + key]: digest for key, _, digest in pairs if KEY_PREFIX + key in keys}


def digest_mismatch(header: Header, source: m.Guide) -> list[Mismatch]:
    if header.digest == header_for(source, header.target_lang).digest:
        return []
    return [Mismatch(PROPERTIES_WHERE, "", "the source's words have changed since this file was exported",
                     "the import goes on by block; each block changed since then is marked out of date, "
                     "for the next export to send it for review", fatal=False)]


def tracked(parts: DocxParts, paragraphs: list[Paragraph]) -> list[Mismatch]:
    count = tracked_changes(parts.document)
    if not count:
        return []
    first = next((p for p in paragraphs if p.tracked), None)  # None: in a table's or the page's settings
    return [Mismatch(f"paragraph {first.number}" if first else "the document", first_words(first.text) if first else "",
                     f"the document holds tracked changes ({count}, the first here)",
                     "accept or reject all changes first (Edit > Track Changes in LibreOffice, Review in Word), "
                     "save, and import it again")]


def unit_text(unit: Unit, p: Paragraph, document_lang: str, mismatches: list[Mismatch]) -> tuple[m.Inline, ...]:
    """The unit's translation; a stray link or an empty paragraph is a mismatch."""
    text = plain(p.spans) if unit.plain else inlines(p.spans, unit.content, document_lang)
    if unit.kind == "table header":  # the DOCX sets a header cell in Strong: not the translator's markup
        text = _without_strong(text)
    where, words = f"paragraph {p.number}", first_words(p.text)
    wrong = placeholder_problem(label_key(unit.id), m.plain_text(text)) if label_key(unit.id) and text else None
    if wrong:
        mismatches.append(Mismatch(where, words, *wrong))
    if not text and unit.content:
        mismatches.append(Mismatch(where, "", f"this {unit.kind} is empty",
                                   f"translate it: the exported file says “{first_words(unit.text)}”"))
    allowed = list(dict.fromkeys(links(unit.content)))
    for href in dict.fromkeys(links(text)):
        if href not in allowed:
            hint = f"link only to {', '.join(allowed)}" if allowed else "remove the link: the source has none here"
            mismatches.append(Mismatch(where, words, f"it links to {href}, which the source {unit.kind} does not",
                                       hint))
    return text


def _without_strong(content: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    return content[0].children if len(content) == 1 and isinstance(content[0], m.Strong) else content


def comments(parts: DocxParts, paragraphs: list[Paragraph]) -> list[Mismatch]:
    """Each comment, by the paragraph it is on: reported, and left out of the guide."""
    if parts.comments is None:
        return []
    at = {cid: p for p in paragraphs for cid in p.comments}
    found = []
    for comment in parts.comments.iter(f"{W}comment"):
        p = at.get(comment.get(f"{W}id"))
        text = " ".join("".join(comment.itertext()).split())
        author = comment.get(f"{W}author") or "someone"
        found.append(Mismatch(f"paragraph {p.number}" if p else "a comment", first_words(p.text) if p else "",
                              f"a comment by {author} is left out: “{first_words(text, 12)}”",
                              "put into the text anything the guide needs; tell its writer the rest", fatal=False))
    return found
