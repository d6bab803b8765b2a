"""What a source cannot hold, listed where it was: text boxes (their words kept in reading order),
fields, coloured words, page headers and footers, SmartArt, ODT comments, front-matter fields."""
from __future__ import annotations

from .. import model as m
from .facts import Facts
from .findings import DOCUMENT, Findings


def block_with(blocks, snippet: str) -> str:
    """The provisional id of the first block whose words hold `snippet` (DOCUMENT when none does)."""
    snippet = " ".join(snippet.split())[:40]
    for block in m.walk(tuple(blocks)):
        for content, _ in m.inline_parts(block):
            if snippet and snippet in " ".join(m.plain_text(content).split()):
                return block.id
    return DOCUMENT


def report(facts: Facts, blocks, findings: Findings, front_matter_left_out: list[str]) -> None:
    for text in facts.text_boxes:
        at = block_with(blocks, text)
        if at == DOCUMENT:
            findings.add(at, "text-box", f"a text box was left out: \u201c{text[:80]}\u201d",
                         "type its words where they belong", every=True)
        else:
            findings.add(at, "text-box", "these words were in a text box; they stand here, in reading order",
                         "check that they belong here, or move them", every=True)
    for name, shown, paragraph in facts.fields:
        at = block_with(blocks, paragraph.split(shown)[0] if shown else paragraph)
        kept = bool(shown) and at != DOCUMENT and shown in _words_of(blocks, at)
        findings.add(at, "field", f"a {name or 'Word'} field" + (f" is plain text now: \u201c{shown}\u201d" if kept else
                     (f" showing \u201c{shown}\u201d was left out" if shown else " was left out")),
                     "type the words it should show; a guide has no fields that update", every=True)
    for words, paragraph in facts.coloured:
        findings.add(block_with(blocks, paragraph), "colour", f"coloured words (\u201c{words[:60]}\u201d) are plain now",
                     "make them bold (`**...**`) if they must stand out", every=True)
    for text in facts.headers:
        findings.add(DOCUMENT, "header", f"a page header or footer was left out: \u201c{text[:80]}\u201d",
                     "put its words in the text if they matter; plainpress prints its own footer", every=True)
    for text in facts.diagrams:
        findings.add(DOCUMENT, "smartart", f"a SmartArt graphic was left out: \u201c{text[:80]}\u201d",
                     "type its words in as a list where the graphic was", every=True)
    for author, text in facts.comments:
        findings.add(DOCUMENT, "comment", f"a comment by {author} was left out: \u201c{text[:80]}\u201d",
                     "act on it if it asks for a change", every=True)
    for name in front_matter_left_out:
        findings.add(DOCUMENT, "front-matter", f"the front-matter field `{name}` has no place in a guide and was left out",
                     "move what it says into the text, if it matters", every=True)


def _words_of(blocks, at: str) -> str:
    for block in m.walk(tuple(blocks)):
        if block.id == at:
            return " ".join(m.plain_text(c) for c, _ in m.inline_parts(block))
    return ""
