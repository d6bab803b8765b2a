"""A clinic's own document -> a Guide -> `source/<guide>/<lang>.md` and its pictures, in named steps:
guard, read the parts pandoc does not, convert with pandoc, adapt, shape, guess, name, write.

Everything is made in memory and read back by the source reader (from a temporary folder) before
anything is written: that gives every finding its line, and the reader's own problems (a picture
without alt text) are the ones `plainpress check` will name.
"""
from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m
from ..files import write_atomic
from ..findings import Finding
from ..source import Problem, read_source
from ..source.writer import write_guide
from ..ooxml.package import Package
from . import left_out, markdown_input, metadata, structure
from .adapter import Adapter
from .engine import pandoc_ast
from .findings import Findings, placed
from .formats import KNOWN, format_of, read_facts
from .guessing import Guesser
from .metadata import Given, ImportRefused
from .pictures import Pictures


@dataclass
class Imported:
    guide: m.Guide
    text: str                           # the source, as the writer wrote it
    pictures: dict[str, bytes]          # file name beside the source -> bytes
    findings: list[Finding]             # what still needs a person, each at `file:line`
    problems: list[Problem] = field(default_factory=list)   # what the reader says of the source


def import_document(path: Path, source_dir: Path, guide: str = "", lang: str = "") -> Imported:
    path = Path(path)
    kind = format_of(path)
    if kind is None:
        raise ImportRefused(f"{path.name}: plainpress imports {KNOWN} files; "
                            "save it as one of them (Word and LibreOffice: Save as .docx)")
    facts = read_facts(path, kind)      # the guards come first
    if facts.tracked:
        raise ImportRefused(f"the document holds {facts.tracked} tracked change{'s' if facts.tracked > 1 else ''}; "
                            "accept or reject them all (Review > Accept All, or Reject All), save, and import it again")
    findings = Findings()
    prepared = markdown_input.prepare(facts.text) if kind.front_matter else None
    ast = pandoc_ast(path, kind.pandoc, prepared.text if prepared else (facts.text or None))
    given = Given(dict(prepared.fields) if prepared else {}, ast.get("meta", {}), facts, lang, body_words(ast["blocks"]))
    adapter = Adapter(findings, metadata.language(given, findings))
    blocks = adapter.blocks(ast["blocks"])
    if adapter.inlines.tracked:
        raise ImportRefused("the document holds tracked changes; accept or reject them all, save, and import it again")
    return _Shaping(path, kind, source_dir, guide, given, adapter, findings, prepared).run(blocks)


def body_words(node, limit: int = 2000) -> list[str]:
    """The first words of pandoc's AST (its `Str` items): enough to tell the text's language."""
    found: list[str] = []
    stack = [node]
    while stack and len(found) < limit:
        item = stack.pop()
        if isinstance(item, dict):
            if item.get("t") == "Str" and isinstance(item.get("c"), str):
                found.append(item["c"].strip(".,;:!?¡¿()\"'"))
            else:
                stack.extend(reversed([v for v in item.values() if isinstance(v, (list, dict))]))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


class _Shaping:
    """The steps after pandoc, on the list of blocks."""

    def __init__(self, path, kind, source_dir, guide, given, adapter, findings, prepared):
        self.path, self.kind, self.source_dir, self.guide_name = path, kind, Path(source_dir), guide
        self.given, self.adapter, self.findings, self.prepared = given, adapter, findings, prepared

    def run(self, blocks: list[m.Block]) -> Imported:
        lang = self.adapter.lang
        title, blocks = structure.title_from_top(blocks, metadata.document_title(self.given))
        block_fields, blocks = metadata.title_block(blocks, lang)
        facts = self.given.facts
        running, facts.headers = metadata.running_title(facts.headers, lang)
        if running and running != title:
            block_fields["short_title"] = running
        self.given.fields = {**block_fields, **self.given.fields}
        blocks = Guesser(self.adapter.styles, self.adapter.headed, facts.boxed, lang, self.findings,
                         self.adapter.new_id).blocks(blocks)
        self.note_unmarked_headers(blocks)
        blocks = structure.renumbered(blocks, self.findings)
        blocks = structure.with_notes(blocks, self.adapter.inlines.notes, lang, self.findings, self.adapter.new_id)
        left_out.report(facts, blocks, self.findings, self.prepared.left_out if self.prepared else [])
        meta = metadata.meta(self.given, title, lang, self.findings, self.path.stem)
        name = self.guide_name or metadata.guide_name(meta.title)
        target = self.source_dir / name / f"{lang}.md"
        with self.package() as package:
            pictures = Pictures(self.path, package, target.parent, self.findings)
            blocks = with_pictures(blocks, pictures.image)
        blocks, order = structure.finished(blocks, lang)
        guide = m.Guide(meta, blocks, target, name)
        return read_back(guide, pictures.files, order, self.findings)

    def note_unmarked_headers(self, blocks) -> None:
        for table in (b for b in m.walk(tuple(blocks)) if isinstance(b, m.Table) and b.id not in self.adapter.headed):
            self.findings.add(table.id, "table-header", "the table's first row is its header row now: the document "
                              "marked none", "check that the first row names the columns; add a row of headings if not")

    def package(self):
        if self.kind.parts is not None:
            return Package.open(self.path)
        return contextlib.nullcontext()


def with_pictures(blocks, picture) -> list[m.Block]:
    """The blocks with each Image replaced by `picture(image)`, dropped where that is None."""
    out = []
    for block in blocks:
        if isinstance(block, m.Image):
            block = picture(block)
        elif isinstance(block, m.Callout):
            block = m.Callout(block.style, block.title, block.level, tuple(with_pictures(block.blocks, picture)),
                              block.id, block.loc)
        elif isinstance(block, m.ListBlock):
            items = tuple(m.ListItem(tuple(with_pictures(i.blocks, picture)), i.loc) for i in block.items)
            block = m.ListBlock(block.ordered, items, block.id, block.loc, block.start)
        if block is not None:
            out.append(block)
    return out


def read_back(guide: m.Guide, pictures: dict[str, bytes], order: dict[str, int], findings: Findings) -> Imported:
    """Write the source and its pictures to a temporary folder and read them as `check` will: each
    block's line, and the reader's problems."""
    text = write_guide(guide)
    with tempfile.TemporaryDirectory(prefix="plainpress-import-") as tmp:
        folder = Path(tmp) / guide.slug
        folder.mkdir()
        for name, data in pictures.items():
            (folder / name).write_bytes(data)
        source = folder / guide.path.name
        source.write_text(text, encoding="utf-8")
        read, problems = read_source(source)
    if read is None:
        raise RuntimeError(f"the source written for {guide.path} does not read back: {problems}")
    walked = list(m.walk(read.blocks))
    lines = {at: walked[n].loc.line for at, n in order.items() if n < len(walked)}
    field_lines = dict(read.meta.field_lines)
    problems = [Problem(m.Location(str(guide.path), p.loc.line), p.message, p.hint) for p in problems]
    return Imported(guide, text, pictures, placed(findings, lines, field_lines, str(guide.path)), problems)


def write_imported(imported: Imported, force: bool = False) -> list[Path]:
    """The pictures, then the source, each written atomically; when one fails, the pictures written
    before it are removed again, so that nothing is left half-imported."""
    target = imported.guide.path
    if target.exists() and not force:
        raise ImportRefused(f"{target} already exists; give --force to replace it, "
                            "or --guide NAME to import the document as another guide")
    written: list[Path] = []
    try:
        for name, data in imported.pictures.items():
            path = target.parent / name
            if not path.is_file():       # the same picture already there is kept (see Pictures.add)
                write_atomic(path, data)
                written.append(path)
        write_atomic(target, imported.text.encode("utf-8"))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return [target, *written]
