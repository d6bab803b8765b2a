"""A translated DOCX (made by `docx_export`) -> the translation of each unit of its source.

The file is refused before any parser sees it when it is hostile (`untrusted`), and when it was not
exported from this source: another guide, source language or version, or no plainpress properties at
all. Then each unit's paragraph is found by its bookmark (`docx_mapping`) and its words read with their
marks (`docx_inlines`). Tracked changes are fatal (which words would be meant?); comments are listed,
never copied. Every fatal mismatch is raised at once, in one TranslationImportError.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .. import model as m
from .docx_body import Paragraph, body_paragraphs, tracked_changes
from .docx_export import DIGESTS, KEY_PREFIX, LABEL_PREFIX, PROPERTIES, unit_keys, unit_styles
from .docx_inlines import inlines, links, plain
from .docx_mapping import first_words, map_paragraphs
from .docx_package import W, DocxParts, read_parts
from .returned import Header, Mismatch, Returned, TranslationImportError, header_for
from .units import Unit, units

PROPERTIES_WHERE = "file properties"


def read_docx(path: Path, source: m.Guide) -> Returned:
    path = Path(path)
    parts = read_parts(path)
    header = file_header(path, parts, source)
    paragraphs = body_paragraphs(parts, KEY_PREFIX)
    found = units(source)
    styles = lru_cache(maxsize=1)(lambda: unit_styles(source))
    mapping = map_paragraphs(paragraphs, found, unit_keys(source), LABEL_PREFIX, lambda unit_id: styles()[unit_id])
    returned = Returned(header, reviewed={u.id for u in found if u.id in mapping.found} - mapping.guessed,
                        made_from=made_from(parts, unit_keys(source)))
    returned.mismatches += digest_mismatch(header, source) + tracked(parts, paragraphs) + mapping.mismatches
    document_lang = parts.default_lang or header.target_lang
    for unit in found:
        if unit.id in mapping.found:
            returned.texts[unit.id] = unit_text(unit, mapping.found[unit.id], document_lang, returned.mismatches)
    returned.mismatches += comments(parts, paragraphs)
    fatal = [x for x in returned.mismatches if x.fatal]
    if fatal:
        raise TranslationImportError(path, fatal)
    return returned


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
