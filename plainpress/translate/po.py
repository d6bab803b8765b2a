"""PO (gettext), what Weblate, Pootle and Poedit edit: a guide out to translators, and back.

One entry per unit: `msgctxt` the unit's id, `msgid` its words with their markup as light Markdown,
written and read by the source package's own inline writer and reader (`**bold**`, `*emphasis*`,
`[words](address)`, `[words]{lang=xx}`), so translators see the markup and keep it; a `#.` comment
says what the unit is, `#:` where it stands in the source. What the file is for rides in the header
(`X-Plainpress-Guide`, ...). A stale translation is written `fuzzy`, with `#| msgid` the text it was
made from; a fuzzy entry is never used until a translator clears the flag.

Labels (`msgctxt label:page`) are plain text with placeholders, flagged `python-brace-format` so that
Weblate and `msgfmt --check`-style tools check `{page}` is kept. An entry whose words stay the source's
on purpose (a drug's name) is confirmed so by the flag `plainpress-keep`, or by a translator comment
(`# keep`, what Poedit's "comment" field writes) that starts with "keep".
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polib

from .. import model as m
from ..findings import first_words
from ..languages.catalog import PLACEHOLDER
from ..source.inline_reader import read_inlines
from ..source.inline_writer import write_inlines
from ..untrusted import UntrustedFileError, read_text
from .exchange import Entry, Wording, check_header, gather, source_name, to_translate, unit_notes
from .returned import Header, Previous, Returned, header_for
from .labels import label_key
from .units import Unit

FIELDS = {"guide": "X-Plainpress-Guide", "source_lang": "X-Plainpress-Source-Language",
          "target_lang": "X-Plainpress-Target-Language", "version": "X-Plainpress-Version",
          "digest": "X-Plainpress-Digest"}
GUIDANCE = ("Keep the markup of each entry: **bold**, *emphasis*, [words](address) for a link (keep its\n"
            "address), [words]{lang=xx} for words in another language; keep {placeholders} as they are.\n"
            "A fuzzy entry is not used until a translator checks it and clears its fuzzy flag. Words that\n"
            "stay as the source's on purpose count as translated with a comment `# keep` (or the flag\n"
            "plainpress-keep).")
KEEP_FLAG = "plainpress-keep"
BRACES = "python-brace-format"
WORDING = Wording(
    one="entry", many="entries", untranslated="not yet translated", unconfirmed="fuzzy, so not used",
    unconfirmed_hint="in medicine “take” and “do not take” are close strings: a translator must check each "
                     "one and clear its fuzzy flag; until then the guide keeps its previous translation, "
                     "or the source text",
    empty_hint="write the translation, or leave the entry empty")


# Export ------------------------------------------------------------------------------------------

def export_po(source: m.Guide, target_lang: str, previous: dict[str, Previous]) -> bytes:
    """The guide's units to translate into `target_lang`, with the translations so far as msgstr."""
    header = header_for(source, target_lang)
    catalog = polib.POFile(wrapwidth=78)
    catalog.header = GUIDANCE
    catalog.metadata = _metadata(header)
    notes = unit_notes(source, target_lang)
    for unit in to_translate(source, target_lang):
        catalog.append(_entry_for(unit, notes[unit.id], (source_name(source), _line(source, unit)),
                                  previous.get(unit.id)))
    return str(catalog).encode("utf-8")


def _metadata(header: Header) -> dict[str, str]:
    return {"Project-Id-Version": f"{header.guide} {header.version}".strip(), "Language": header.target_lang,
            "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit", "X-Generator": "plainpress",
            **{name: getattr(header, field) for field, name in FIELDS.items()}}


def _line(source: m.Guide, unit: Unit) -> str:
    line = unit.loc.line if unit.loc else source.meta.line_of(unit.id.removeprefix("meta."))
    return str(line or "")


def _entry_for(unit: Unit, note: str, occurrence: tuple[str, str], previous: Previous | None) -> polib.POEntry:
    label = label_key(unit.id) is not None
    words = (lambda content: m.plain_text(content)) if label else write_inlines   # a label has no markup
    entry = polib.POEntry(msgctxt=unit.id, msgid=words(unit.content), comment=note,
                          msgstr=words(previous.text) if previous else "",
                          occurrences=[] if label else [occurrence])
    if label and PLACEHOLDER.search(unit.text):
        entry.flags.append(BRACES)
    if previous is not None and previous.stale:
        entry.flags.append("fuzzy")
        entry.previous_msgid = previous.old_source
    return entry


# Import ------------------------------------------------------------------------------------------

def read_po(path: Path, source: m.Guide) -> Returned:
    """The translations a PO file brings back for `source`, with every mismatch. Raises
    UntrustedFileError for a file refused before or while parsing, TranslationImportError for one
    made for another guide or language."""
    path = Path(path)
    catalog = _parsed(path, read_text(path, "PO file"))
    header = _header(catalog)
    noted = check_header(path, header, source, "the header")
    returned = gather(header, source, [_entry(e) for e in catalog if not e.obsolete], WORDING)
    returned.mismatches[:0] = noted
    return returned


def read_header(path: Path) -> Header:
    """What a PO file says it is (guide, languages, version), to find its source guide."""
    path = Path(path)
    return _header(_parsed(path, read_text(path, "PO file")))


def _header(catalog: polib.POFile) -> Header:
    header = Header(**{field: catalog.metadata.get(name, "") for field, name in FIELDS.items()})
    if not header.target_lang:  # a file that lost our header still says its language
        header = replace(header, target_lang=catalog.metadata.get("Language", ""))
    return header


def _parsed(path: Path, text: str) -> polib.POFile:
    # polib takes a string without a line break for a file name: a PO file always has several lines
    try:
        return polib.pofile(text if "\n" in text else text + "\n")
    except (OSError, ValueError) as err:
        raise UntrustedFileError(path, f"not a PO file ({err})",
                                 "open it in the translation tool and save it again as PO") from None


def _entry(entry: polib.POEntry) -> Entry:
    where = f"entry {entry.msgctxt}" if entry.msgctxt else f"the entry at line {entry.linenum}"
    if label_key(entry.msgctxt or "") is not None:   # plain words, braces and all
        source, translation, problems = (m.Text(entry.msgid),), (m.Text(entry.msgstr),) if entry.msgstr else None, []
    else:
        source, _ = read_inlines(entry.msgid)
        translation, problems = read_inlines(entry.msgstr) if entry.msgstr else (None, [])
    return Entry(entry.msgctxt or "", where, first_words(m.plain_text(source)), source, translation,
                 confirmed=not entry.fuzzy, state="fuzzy" if entry.fuzzy else "",
                 problems=[(p.message, p.hint) for p in problems], kept=kept(entry))


def kept(entry: polib.POEntry) -> bool:
    """The translator says the words stay the source's on purpose: `#, plainpress-keep`, or `# keep ...`."""
    said = (entry.tcomment or "").strip().casefold()
    return KEEP_FLAG in entry.flags or said == "keep" or said.startswith(("keep ", "keep:", "keep,", "keep."))
