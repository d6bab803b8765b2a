"""Call-outs and glossaries, where the document shows them.

Known for certain: the paragraph styles plainpress's own DOCX uses (Callout Title, Key Points, Note,
Warning, Ask; Glossary Term and Definition). Guessed, and listed as findings: a bordered or shaded box
(a note, or the kind its first word names); a paragraph opening with "Note:", "Warning:" or
"Important:"; a paragraph "Key points" or "Questions to ask" followed by a list; a section called
"Glossary" or "Words to know" of "term: meaning" paragraphs or of a two-column table.
"""
from __future__ import annotations

import re

from .. import model as m
from ..languages import labels
from .findings import Findings
from .inlines import merged, rebuilt, trimmed

STYLES = {"key points": "key-points", "note": "note", "warning": "warning", "ask": "ask"}
TITLE_STYLES = ("callout title", "warning title")
PREFIXES = {"note": "note", "warning": "warning", "important": "warning", "caution": "warning",
            "importante": "warning", "aviso": "warning", "cuidado": "warning", "remarque": "warning"}
LEADS = {"key points": "key-points", "questions to ask": "ask"}
GLOSSARY = re.compile(r"(glossary|words to know|terms to know|key terms|definitions|glosario|palabras útiles|"
                      r"palabras que debe conocer|glossaire|mots à connaître|glossar)\b", re.I)
SEPARATOR = re.compile(r"\s*(?::|\s[-\u2013\u2014])\s+")


def words(block: m.Block) -> str:
    return " ".join(m.plain_text(block.content).split()) if isinstance(block, (m.Paragraph, m.Heading)) else ""


def capitalised(inlines: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """"Note: bring this sheet" keeps "Bring this sheet" once "Note:" has become the call-out."""
    first = inlines[0] if inlines else None
    if isinstance(first, m.Text) and first.text[:1].islower():
        return (m.Text(first.text[:1].upper() + first.text[1:]), *inlines[1:])
    return inlines


def split_at(inlines: tuple[m.Inline, ...], n: int) -> tuple[tuple[m.Inline, ...], tuple[m.Inline, ...]]:
    """The inline content before and after its `n`th character, formatting kept on both sides."""
    before, after = [], []
    for item in inlines:
        size = len(m.plain_text((item,)))
        if n <= 0:
            after.append(item)
        elif size <= n:
            before.append(item)
        elif isinstance(item, m.Text):
            before.append(m.Text(item.text[:n]))
            after.append(m.Text(item.text[n:]))
        else:
            head, tail = split_at(item.children, n)
            before.append(rebuilt(item, head))
            after.append(rebuilt(item, tail))
        n -= size
    return trimmed(merged(before)), trimmed(merged(after))


def without_bold(content: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    return content[0].children if len(content) == 1 and isinstance(content[0], m.Strong) else content


class Guesser:
    def __init__(self, styles: dict[str, str], headed: set[str], boxed: list[str], lang: str,
                 findings: Findings, new_id):
        self.styles = {k: v.casefold() for k, v in styles.items()}
        self.headed, self.boxed = headed, {" ".join(t.split()) for t in boxed}
        self.lang, self.findings, self.new_id = lang, findings, new_id
        own = labels(lang)
        self.prefixes = {**PREFIXES, own["note"].casefold(): "note", own["warning"].casefold(): "warning"}
        self.leads = {**LEADS, own["key-points"].casefold(): "key-points", own["ask"].casefold(): "ask"}

    def blocks(self, blocks: list[m.Block]) -> list[m.Block]:
        return self.glossaries(self.callouts(blocks))

    # Call-outs --------------------------------------------------------------------------------------

    def callouts(self, blocks: list[m.Block]) -> list[m.Block]:
        out, i = [], 0
        while i < len(blocks):
            taken, i = self.callout_at(blocks, i)
            out.append(taken)
        return out

    def callout_at(self, blocks: list[m.Block], i: int) -> tuple[m.Block, int]:
        block = blocks[i]
        style = self.styles.get(block.id, "")
        if style in TITLE_STYLES or style in STYLES:
            return self.styled(blocks, i)
        if isinstance(block, m.Paragraph) and words(block) in self.boxed:
            return self.box(blocks, i)
        if isinstance(block, m.Paragraph):
            lead = self.leads.get(words(block).rstrip(":").casefold())
            if lead and i + 1 < len(blocks) and isinstance(blocks[i + 1], m.ListBlock):
                return self.led(block, blocks[i + 1], lead), i + 2
            prefixed = self.prefixed(block)
            if prefixed is not None:
                return prefixed, i + 1
        return block, i + 1

    def styled(self, blocks: list[m.Block], i: int) -> tuple[m.Callout, int]:
        """Our own DOCX's call-out: a title paragraph, then the blocks in the kind's style."""
        title = ""
        if self.styles.get(blocks[i].id) in TITLE_STYLES:
            title, i = words(blocks[i]), i + 1
        kind = STYLES.get(self.styles.get(blocks[i].id, "") if i < len(blocks) else "", "note")
        inner = []
        while i < len(blocks) and STYLES.get(self.styles.get(blocks[i].id, "")) == kind:
            inner.append(blocks[i])
            i += 1
        return m.Callout(kind, title, 0, tuple(inner), self.new_id(), m.NOWHERE), i

    def box(self, blocks: list[m.Block], i: int) -> tuple[m.Callout, int]:
        inner = []
        while i < len(blocks) and isinstance(blocks[i], m.Paragraph) and words(blocks[i]) in self.boxed:
            inner.append(blocks[i])
            i += 1
        kind, title, inner[0] = self.without_prefix(inner[0])
        callout = m.Callout(kind or "note", title, 0, tuple(inner), self.new_id(), m.NOWHERE)
        self.findings.add(callout.id, "guessed-callout", f"a box in the original became `::: {callout.style}`",
                          "check that this kind fits: note, warning, key-points or ask")
        return callout, i

    def led(self, lead: m.Paragraph, listing: m.ListBlock, kind: str) -> m.Callout:
        title = words(lead).rstrip(":")
        callout = m.Callout(kind, "" if title.casefold() == labels(self.lang)[kind].casefold() else title, 0,
                            (listing,), self.new_id(), m.NOWHERE)
        self.findings.add(callout.id, "guessed-callout", f"\u201c{title}\u201d and its list became `::: {kind}`",
                          "check that the list belongs in the call-out")
        return callout

    def prefixed(self, block: m.Paragraph) -> m.Callout | None:
        kind, title, rest = self.without_prefix(block)
        if kind is None:
            return None
        callout = m.Callout(kind, title, 0, (rest,), self.new_id(), m.NOWHERE)
        self.findings.add(callout.id, "guessed-callout", f"a paragraph opening \u201c{words(block).split(':')[0]}:\u201d "
                          f"became `::: {kind}`", "check that this kind fits: note, warning, key-points or ask")
        return callout

    def without_prefix(self, block: m.Paragraph) -> tuple[str | None, str, m.Paragraph]:
        """(kind, title, the paragraph without it) for "Warning: ..."; (None, "", block) otherwise.
        The word itself becomes the title where it is not the kind's own label."""
        found = re.match(r"\s*([^\W\d_]+)\s*:\s+", m.plain_text(block.content))
        kind = self.prefixes.get(found.group(1).casefold()) if found else None
        if kind is None:
            return None, "", block
        word = found.group(1)
        title = "" if word.casefold() == labels(self.lang)[kind].casefold() else word.capitalize()
        return kind, title, m.Paragraph(capitalised(split_at(block.content, found.end())[1]), block.id, block.loc)

    # Glossaries -------------------------------------------------------------------------------------

    def glossaries(self, blocks: list[m.Block]) -> list[m.Block]:
        out, i = [], 0
        while i < len(blocks):
            block = blocks[i]
            if self.styles.get(block.id) == "glossary term":
                entries, i = self.styled_entries(blocks, i)
                out.append(m.DefinitionList(tuple(entries), self.new_id(), m.NOWHERE))
                continue
            out.append(block)
            i += 1
            if isinstance(block, m.Heading) and GLOSSARY.match(words(block)):
                end = next((j for j in range(i, len(blocks)) if isinstance(blocks[j], m.Heading)
                            and blocks[j].level <= block.level), len(blocks))
                if not any(self.styles.get(b.id) == "glossary term" for b in blocks[i:end]):
                    out += self.glossary_section(blocks[i:end])
                    i = end
        return out

    def styled_entries(self, blocks: list[m.Block], i: int) -> tuple[list[m.Definition], int]:
        entries = []
        while i + 1 < len(blocks) and self.styles.get(blocks[i].id) == "glossary term" \
                and self.styles.get(blocks[i + 1].id) == "glossary definition":
            entries.append(m.Definition(blocks[i].content, blocks[i + 1].content, m.NOWHERE))
            i += 2
        return entries, i

    def glossary_section(self, blocks: list[m.Block]) -> list[m.Block]:
        if len(blocks) == 1 and isinstance(blocks[0], m.Table) and len(blocks[0].header) == 2:
            table = blocks[0]
            rows = table.rows if table.id in self.headed else (table.header, *table.rows)
            entries = [m.Definition(without_bold(t), d, m.NOWHERE) for t, d in rows if m.plain_text(t).strip()]
            return self.guessed(entries, "the two-column table")
        entries = self.term_paragraphs(blocks)
        return blocks if entries is None else self.guessed(entries, "its \u201cterm: meaning\u201d paragraphs")

    def term_paragraphs(self, blocks: list[m.Block]) -> list[m.Definition] | None:
        entries, i = [], 0
        while i < len(blocks):
            block = blocks[i]
            if not isinstance(block, m.Paragraph):
                return None
            found = SEPARATOR.search(m.plain_text(block.content))
            bold_alone = len(block.content) == 1 and isinstance(block.content[0], m.Strong)
            if found and len(m.plain_text(block.content)[:found.start()].split()) <= 6:
                term, meaning = split_at(block.content, found.start())[0], split_at(block.content, found.end())[1]
                entries.append(m.Definition(without_bold(term), meaning, m.NOWHERE))
                i += 1
            elif bold_alone and i + 1 < len(blocks) and isinstance(blocks[i + 1], m.Paragraph):
                entries.append(m.Definition(without_bold(block.content), blocks[i + 1].content, m.NOWHERE))
                i += 2
            else:
                return None
        return entries or None

    def guessed(self, entries: list[m.Definition], source: str) -> list[m.Block]:
        glossary = m.DefinitionList(tuple(entries), self.new_id(), m.NOWHERE)
        self.findings.add(glossary.id, "guessed-glossary", f"this glossary was made from {source} of the section",
                          "check each term and its meaning")
        return [glossary]
