"""Reading level per section and for the whole guide, scored on the guide's own sentences.

Sentences are split here, block by block, because textstat merges list items without a full stop
into one sentence and ignores short ones; textstat counts the words' syllables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import model as m
from ..findings import Finding
from .formulas import Scores, base_language, grade_words, scored, textstat
from .words import is_plain_word

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+(?=[\"'‘“(\[¿¡]?[A-ZÁÉÍÓÚÑÜ0-9])")


@dataclass(frozen=True)
class Sentence:
    text: str
    loc: m.Location


@dataclass(frozen=True)
class SectionReading:
    id: str
    title: str
    location: str
    scores: Scores
    reference: bool  # a glossary: scored, but left out of the whole guide's figures


@dataclass(frozen=True)
class HardSentence:
    text: str
    location: str
    grade: float                 # Flesch-Kincaid grade of the sentence alone
    hard_words: tuple[str, ...]  # words of 3+ syllables that are not everyday words


@dataclass(frozen=True)
class ReadingReport:
    lang: str
    target: float
    scored: bool
    sections: tuple[SectionReading, ...]
    whole: Scores
    hardest: tuple[HardSentence, ...] = ()

    def findings(self):
        if not self.scored:
            yield Finding("info", "reading.not-scored", "", f"reading level is not scored for language `{self.lang}`",
                          "plainpress has readability formulas for en, es, de, fr, it, nl and ru")
            return
        for section in self.sections:
            if section.scores.too_hard(self.target):
                yield Finding("warning", "reading.grade", section.location,
                              f"“{section.title}” is too hard to read: {section.scores.describe()}; "
                              f"{self.target_text()}",
                              "use sentences of 20 words or fewer and everyday words; define medical terms "
                              "in the glossary (see the hardest sentences in report.html)")

    def target_text(self) -> str:
        if base_language(self.lang) == "en":
            return f"the target is grade {self.target:g} or lower"
        if base_language(self.lang) == "es":
            return "the target is INFLESZ 55 or more and Fernandez-Huerta 60 or more"
        return "the target is a reading ease of 60 or more"

    def verdict(self) -> str:
        """One plain sentence on the whole guide."""
        if not self.scored or not self.whole.sentences:
            return f"Reading level: not scored for language `{self.lang}`."
        if base_language(self.lang) != "en":
            state = "too hard" if self.whole.too_hard(self.target) else "within the target"
            return f"The whole guide is {state}: {self.whole.describe()}."
        grade = self.whole.grade
        text = f"The whole guide reads at grade {grade:.0f}: {grade_words(grade)}."
        if grade > self.target:
            text += f" Patient material should be grade {min(self.target, 8):g} or lower."
        return text


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    return [s for s in _SENTENCE_END.split(text) if s.strip()] if text else []


def located_sentences(blocks) -> list[Sentence]:
    """The sentences of some blocks: each list item, table cell and glossary meaning counts as (at
    least) one sentence; headings and call-out titles are not prose."""
    out: list[Sentence] = []

    def add(inlines, loc):
        out.extend(Sentence(s, loc) for s in sentences(m.plain_text(inlines)))

    for block in blocks:
        if isinstance(block, m.Paragraph):
            add(block.content, block.loc)
        elif isinstance(block, m.ListBlock):
            for item in block.items:
                out += [Sentence(s.text, item.loc) if isinstance(b, m.Paragraph) else s
                        for b in item.blocks for s in located_sentences((b,))]
        elif isinstance(block, m.Callout):
            out += located_sentences(block.blocks)
        elif isinstance(block, m.Table):
            for row in block.rows:
                for cell in row:
                    add(cell, block.loc)
        elif isinstance(block, m.DefinitionList):
            for entry in block.entries:
                add(entry.meaning, entry.loc)
    return out


def prose(blocks) -> list[str]:
    return [s.text for s in located_sentences(blocks)]


def words(sentence: str) -> list[str]:
    return WORD.findall(sentence)


def syllables(word: str, lang: str) -> int:
    """What textstat's syllable_count gives, without switching its one global language per word."""
    textstat()  # the offline dictionary is in place
    from textstat.backend.counts import count_syllables
    return count_syllables(word, textstat_language(lang))


def textstat_language(lang: str) -> str:
    """A BCP 47 tag as textstat and Pyphen name it: en-GB -> en_GB; plain `en` is en_US, textstat's
    default (Pyphen's bare `en` dictionary finds few syllables in long words)."""
    name = lang.replace("-", "_")
    return "en_US" if name.lower() == "en" else name


def score(sentence_list: list[str], lang: str = "en") -> Scores:
    n_words = n_syllables = n_poly = 0
    for sentence in sentence_list:
        for word in words(sentence):
            n = syllables(word, lang)
            n_words, n_syllables, n_poly = n_words + 1, n_syllables + n, n_poly + (n >= 3)
    return Scores(lang, len(sentence_list), n_words, n_syllables, n_poly)


def hardest_sentences(found: list[Sentence], lang: str, count: int = 10) -> tuple[HardSentence, ...]:
    ranked = []
    for sentence in found:
        scores = score([sentence.text], lang)
        hard = tuple(dict.fromkeys(w for w in words(sentence.text)
                                   if syllables(w, lang) >= 3 and not is_plain_word(w)))
        ranked.append(HardSentence(sentence.text, str(sentence.loc), scores.flesch_kincaid, hard))
    ranked.sort(key=lambda s: (-s.grade, s.location))
    return tuple(ranked[:count])


def reading_report(guide: m.Guide) -> ReadingReport:
    lang = guide.meta.lang
    is_scored = scored(lang)
    sections, body = [], []
    for section in guide.sections():
        loc = str(section.heading.loc) if section.heading else f"{guide.path}:1"
        found = located_sentences(section.blocks)
        reference = bool(section.blocks) and all(isinstance(b, m.DefinitionList) for b in section.blocks)
        scores = score([s.text for s in found], lang) if is_scored else Scores(lang)
        sections.append(SectionReading(section.id, section.title, loc, scores, reference))
        if not reference:
            body += found
    # Short glossary definitions would hide how hard the guide's own text is.
    whole = sum((s.scores for s in sections if not s.reference), Scores(lang))
    hardest = hardest_sentences(body, lang) if is_scored else ()
    return ReadingReport(lang, guide.meta.reading_grade, is_scored, tuple(sections), whole, hardest)
