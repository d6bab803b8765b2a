"""The translator's round trip as steps: export a guide for translation; import the translation back
into `source/<guide>/<lang>.md` through the source writer, with its record, all or nothing."""
from __future__ import annotations

import importlib
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import PlainpressError
from .. import model as m
from ..files import write_atomic
from ..findings import clipped
from ..languages import is_language_tag, language
from ..render import RenderOptions
from ..source import SourceError, read_guide
from .memory import previous, read_record, record_path, record_text, updated_record
from .returned import Mismatch, Returned, TranslationImportError
from .labels import every_label, label_key, previous_labels, with_labels
from .units import units
from .arguments import EXTENSIONS  # there, so that the command line reads it without this module


class WorkflowError(PlainpressError):
    """A request that cannot be carried out (no such guide, no source language): one line saying why."""


# format -> (module, its export function); suffix -> (module, its import function): imported when used
EXPORTERS = {"docx": ("docx_export", "export_docx"), "xliff": ("xliff", "export_xliff"), "po": ("po", "export_po")}
IMPORTERS = {".docx": ("docx_import", "read_docx"), ".xlf": ("xliff", "read_xliff"),
             ".xliff": ("xliff", "read_xliff"), ".po": ("po", "read_po")}


def exporter(fmt: str):
    """function(source, target_lang, previous, options) -> bytes; the DOCX carries no previous text
    (the translator types over the source), XLIFF and PO carry it as their targets."""
    module, name = EXPORTERS[fmt]
    export_fn = getattr(importlib.import_module(f"{__package__}.{module}"), name)
    if fmt == "docx":
        return lambda source, lang, previous, options: export_fn(source, lang, options)
    return lambda source, lang, previous, options: export_fn(source, lang, previous)


def importer(path: Path):
    """(read_header(path) -> Header, read(path, source) -> Returned) for a file, by its suffix."""
    if path.suffix.lower() not in IMPORTERS:
        raise WorkflowError(f"{path}: not a translation file; give a .docx, .xlf or .po exported by plainpress")
    module_name, name = IMPORTERS[path.suffix.lower()]
    module = importlib.import_module(f"{__package__}.{module_name}")
    return module.read_header, getattr(module, name)


# The way out ------------------------------------------------------------------------------------

def source_language(folder: Path, asked: str = "") -> Path:
    """The guide's source: `--from`, else its one `<lang>.md` that is not a translation, else `en.md`."""
    if asked:
        path = folder / f"{asked}.md"
        if not path.is_file():
            raise WorkflowError(f"{path}: no such file; the guide has {', '.join(languages(folder)) or 'no sources'}")
        return path
    originals = [p for p in sorted(folder.glob("*.md")) if is_language_tag(p.stem) and read_record(p) is None]
    if len(originals) == 1 or (originals and (folder / "en.md") in originals):
        return originals[0] if len(originals) == 1 else folder / "en.md"
    raise WorkflowError(f"{folder}: " + ("no <lang>.md source" if not originals else
                        f"several sources ({', '.join(p.stem for p in originals)}); say which with --from"))


def languages(folder: Path) -> list[str]:
    return [p.stem for p in sorted(folder.glob("*.md")) if is_language_tag(p.stem)]


def export(folder: Path, targets: list[str], formats: list[str], out: Path, from_lang: str = "",
           options: RenderOptions = RenderOptions()) -> list[Path]:
    """Write `out/<guide>/translation/<guide>-<from>-<to>.<ext>` for each target and format."""
    source_path = source_language(folder, from_lang)
    source = read_guide(source_path)
    written = []
    for target in targets:
        if target.casefold() == source.meta.lang.casefold():
            raise WorkflowError(f"--to {target}: that is the guide's source language")
        existing = folder / f"{target}.md"
        current = read_guide(existing) if existing.is_file() else None
        carried = {**previous(source, current, read_record(existing)), **previous_labels(current)} if current else {}
        for fmt in formats:
            path = out / folder.name / "translation" / f"{folder.name}-{source.meta.lang}-{target}.{EXTENSIONS[fmt]}"
            write_atomic(path, exporter(fmt)(source, target, carried, options))
            written.append(path)
    return written


# The way back -----------------------------------------------------------------------------------

@dataclass
class Imported:
    target: Path                       # the source file written
    replaced: list[str] = field(default_factory=list)     # "es.md:12: “old…” became “new…”"
    notes: list[Mismatch] = field(default_factory=list)   # non-fatal: comments left out, fallbacks, unconfirmed


def import_file(path: Path, source_dir: Path) -> Imported:
    """Read a translator's file, map it onto its source, and write `<source_dir>/<guide>/<lang>.md` and
    its record; nothing is written unless every unit maps."""
    path = Path(path)
    read_header, read = importer(path)
    header = read_header(path)
    source_path = source_dir / header.guide / f"{header.source_lang}.md"
    if not source_path.is_file():
        raise WorkflowError(f"{path}: it translates {source_path}, which does not exist; "
                            "give --source-dir the folder that holds the guide")
    source = read_guide(source_path)
    returned = read(path, source)
    returned.mismatches += left_as_source(returned, source)
    fatal = [x for x in returned.mismatches if x.fatal]
    if fatal:
        raise TranslationImportError(path, fatal)
    target_path = source_path.with_name(f"{header.target_lang}.md")
    current = read_guide(target_path) if target_path.is_file() else None
    texts, replaced = merged_texts(source, current, returned, target_path)
    own = with_labels(current.meta.own_labels if current else {}, taken_labels(returned))
    guide = replace(translated_guide(source, header.target_lang, texts, own), path=target_path)
    # a reader confirms only units whose source words are those the translator saw, unless it says otherwise
    now = {u.id: u.digest for u in units(source)}
    confirmed = {k: returned.made_from.get(k) or now.get(k, "") for k in returned.reviewed}
    record = updated_record(read_record(target_path), source, target_path, confirmed)
    write_source(guide, target_path)
    write_atomic(record.path, record_text(record).encode("utf-8"))
    return Imported(target_path, replaced, [x for x in returned.mismatches if not x.fatal])


def taken_labels(returned: Returned) -> dict[str, str]:
    """Label key -> the translator's words, for each label unit confirmed."""
    return {label_key(k): m.plain_text(v) for k, v in returned.texts.items()
            if label_key(k) is not None and k in returned.reviewed}


def left_as_source(returned: Returned, source: m.Guide) -> list[Mismatch]:
    """A part whose words are still the source's (a paragraph not typed over) is not translated, whatever
    the file says: it is not confirmed, so it neither replaces a translation nor counts as current; unless
    the translator confirmed that they stay so on purpose (`returned.kept`: XLIFF final or signed-off,
    PO `# keep`, a DOCX bookmark named keep...)."""
    same = [u for u in units(source) + every_label() if u.id in returned.reviewed and u.id in returned.texts
            and u.id not in returned.kept
            and re.search(r"[^\W\d_]", u.text) and " ".join(m.plain_text(returned.texts[u.id]).split()) ==
            " ".join(u.text.split())]
    returned.reviewed -= {u.id for u in same}
    if not same:
        return []
    return [Mismatch(", ".join(u.id for u in same[:5]) + (f" and {len(same) - 5} more" if len(same) > 5 else ""),
                     clipped(same[0].text, 50), f"{len(same)} part{'s' if len(same) > 1 else ''} still in the source's words",
                     "taken as not translated yet: `plainpress check` lists them; translate them and import again",
                     fatal=False)]


def merged_texts(source: m.Guide, current: m.Guide | None, returned: Returned, target: Path):
    """Each unit's text: the translator's where confirmed; else the present translation; else the
    source words (reported by `check` as not translated). Says what a confirmed text replaced."""
    now = {u.id: u for u in units(current)} if current else {}
    texts, replaced = {}, []
    for unit in units(source):
        old = now.get(unit.id)
        if unit.id in returned.reviewed and unit.id in returned.texts:
            texts[unit.id] = returned.texts[unit.id]
            if old is not None and m.plain_text(old.content) != m.plain_text(returned.texts[unit.id]):
                line = old.loc.line if old.loc else 1
                replaced.append(f"{target.name}:{line}: “{clipped(old.text, 50)}” became “{clipped(m.plain_text(texts[unit.id]), 50)}”")
        else:
            texts[unit.id] = old.content if old is not None else unit.content
    return texts, replaced


def translated_guide(source: m.Guide, lang: str, texts, own_labels: tuple[tuple[str, str], ...] = ()) -> m.Guide:
    """The translation, with the source's front matter but for what does not apply to its language:
    `reading_grade` is a target only for a language judged by grade; `terms:` from its own glossary;
    with its own words for labels."""
    from .units import translated
    guide = translated(source, lang, texts, own_labels)
    grade = guide.meta.reading_grade if "flesch_kincaid" in language(lang).formulas else m.Meta.reading_grade
    return replace(guide, meta=replace(guide.meta, reading_grade=grade, terms=own_terms(source, guide)))


def own_terms(source: m.Guide, translation: m.Guide) -> tuple[str, ...]:
    """The translation's `terms:` in its own words: each source term that its glossary defines becomes
    the translated glossary's term in the same place; a term the glossary does not hold is left out
    (the English word would never be found in the translated text)."""
    theirs = [m.plain_text(e.term) for e in translation.glossary()]
    ours = [m.plain_text(e.term).casefold() for e in source.glossary()]
    kept = [theirs[ours.index(t.casefold())] for t in source.meta.terms
            if t.casefold() in ours and ours.index(t.casefold()) < len(theirs)]
    return tuple(dict.fromkeys(kept))


def write_source(guide: m.Guide, target: Path) -> None:
    """The Markdown from the source writer, read back before it replaces anything (in a scratch folder
    beside it, with the guide's pictures): what is written is what the reader will read."""
    from ..source.writer import write_guide
    text = write_guide(guide)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".import-") as scratch:
        probe = Path(scratch) / target.name
        probe.write_text(text, encoding="utf-8")
        for image in guide.images():
            (probe.parent / image.src).parent.mkdir(parents=True, exist_ok=True)
            (probe.parent / image.src).write_bytes(image.data)
        try:
            back = read_guide(probe)
        except SourceError as err:
            problems = str(err).replace(str(probe), str(target))   # name the file the writer will open
            raise WorkflowError(f"{target}: nothing was written; the translation, as it is, would not build:\n"
                                f"{problems}\nmend it in the translated file, or in the source and export again; "
                                "then import again") from None
    if m.without_locations(replace(back, path=guide.path, slug=guide.slug)) != m.without_locations(guide):
        raise WorkflowError(f"{target}: the translation would not read back as written; nothing was changed")
    write_atomic(target, text.encode("utf-8"))



__all__ = ["export", "import_file", "Imported", "WorkflowError", "TranslationImportError", "record_path"]
