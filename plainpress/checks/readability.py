"""Reading level per section and for the whole guide, scored on the guide's own sentences, each
language by its own formulas and words.

Sentences are split here, block by block, because textstat merges list items without a full stop
into one sentence and ignores short ones; textstat counts the words' syllables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import model as m
from ..findings import Finding
from .formulas import (EASE_FLOOR, FERNANDEZ_HUERTA_FLOOR, MIN_WORDS, SMOG_SENTENCES, Scores, base_language,
                       ease_targets, flesch_constants, grade_words, harder_when_higher, inflesz_words,
                       language_name, scored, target_text, textstat)
from .words import hard_word_rule, hard_word_syllables, is_plain_word

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+(?=[\"'‘“(\[¿¡]?[A-ZÁÉÍÓÚÑÜ0-9])")
_END_MARK = re.compile(r"[.!?…][\"'’”)\]]*$")
LABEL_WORDS = 2  # a text this short without an end mark is a label ("Every day"), not a sentence


@dataclass(frozen=True)
class Sentence:
    text: str
    loc: m.Location

    @property
    def label(self) -> bool:
        """A table cell or list item like "Moisturise" or "Every day": a name, not a sentence to score
        (textstat, too, ignores sentences of two words or fewer)."""
        return len(words(self.text)) <= LABEL_WORDS and not _END_MARK.search(self.text)


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
    measure: str                 # the formula it is ranked by, e.g. "Fernandez-Huerta"
    score: float                 # that formula on the sentence alone, as shown
    hard_words: tuple[str, ...]  # long words that are not everyday words of the language


@dataclass(frozen=True)
class ReadingReport:
    lang: str
    target: float
    scored: bool
    sections: tuple[SectionReading, ...]
    whole: Scores
    hardest: tuple[HardSentence, ...] = ()
    setting_findings: tuple[Finding, ...] = ()

    def findings(self):
        yield from self.setting_findings
        if not self.scored:
            yield Finding("info", "reading.not-scored", "", f"reading level is not scored for language `{self.lang}`",
                          "plainpress has readability formulas for en, es, de, fr, it, nl and ru")
            return
        hard = [s for s in self.sections if s.scores.too_hard(self.target)]
        for section in hard:
            yield self._too_hard(f"“{section.title}”", section.location, section.scores)
        if not hard and self.whole.too_hard(self.target):  # sections too short to judge alone
            yield self._too_hard("the whole guide", self.sections[0].location, self.whole)

    def _too_hard(self, what: str, location: str, scores: Scores) -> Finding:
        note = f" ({scores.note()})" if scores.note() else ""
        return Finding("warning", "reading.grade", location,
                       f"{what} is too hard to read: {scores.describe()}{note}; {self.target_text()}",
                       "use sentences of 20 words or fewer and everyday words; define medical terms "
                       "in the glossary (see the hardest sentences in report.html)")

    def target_text(self) -> str:
        return target_text(self.lang, self.target)

    def hard_word_rule(self) -> str:
        return hard_word_rule(base_language(self.lang))

    def hardest_rule(self) -> str:
        """How the hardest sentences are chosen, in words."""
        measure = self.hardest[0].measure if self.hardest else ""
        order = "higher is harder" if harder_when_higher(self.lang) else "lower is harder"
        return f"Each sentence is scored alone by {measure} ({order}); the hardest come first."

    def notes(self) -> list[str]:
        """The rules behind the figures that a reader of the table needs, once each."""
        used = {s.scores.note() for s in self.sections} | {self.whole.note()}
        notes = []
        if any(n.startswith("SMOG") for n in used):
            notes.append(f"SMOG needs {SMOG_SENTENCES} sentences: a section with fewer is judged by "
                         "Flesch-Kincaid alone, and its SMOG is not shown.")
        if any(n.startswith("fewer than") for n in used):
            notes.append(f"A section of fewer than {MIN_WORDS} words is too short for a readability formula: "
                         "it is not judged alone, but counts towards the whole guide.")
        return notes

    def verdict(self) -> str:
        """One plain sentence on the whole guide."""
        if not self.scored or not self.whole.sentences:
            return f"Reading level: not scored for language `{self.lang}`."
        if self.whole.too_short:
            return f"The whole guide is too short to score: fewer than {MIN_WORDS} words."
        if base_language(self.lang) != "en":
            state = "too hard" if self.whole.too_hard(self.target) else "within the target"
            text = f"The whole guide is {state}: {self.whole.describe()}."
            if base_language(self.lang) == "es":
                text += f" On the INFLESZ scale that is {inflesz_words(self.whole.figures()['szigriszt_pazos'])}."
            return text
        grade = self.whole.grade
        by = "" if self.whole.smog_valid else f" (by Flesch-Kincaid: SMOG needs {SMOG_SENTENCES} sentences)"
        text = f"The whole guide reads at grade {grade:.1f}{by}: {grade_words(grade)}."
        if grade > self.target:
            text += f" Patient material should be grade {min(self.target, 8):g} or lower."
        return text


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    return [s for s in _SENTENCE_END.split(text) if s.strip()] if text else []


def located_sentences(blocks) -> list[Sentence]:
    """The sentences of some blocks: each list item, table cell and glossary meaning counts as (at
    least) one sentence; headings and call-out titles are not prose. Labels are kept here (a medical
    term in a table cell still needs defining); scoring leaves them out."""
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


def scored_sentences(blocks) -> list[Sentence]:
    """The sentences a readability formula sees: labels left out."""
    return [s for s in located_sentences(blocks) if not s.label]


def prose(blocks) -> list[str]:
    return [s.text for s in scored_sentences(blocks)]


def words(sentence: str) -> list[str]:
    return WORD.findall(sentence)


@lru_cache(maxsize=None)
def syllables(word: str, lang: str) -> int:
    """What textstat's syllable_count gives, without switching its one global language per word
    (kept per word: a guide asks for the same words many times over, and so do guides in a batch)."""
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
    ease = flesch_constants(lang) if scored(lang) else None
    return Scores(lang, len(sentence_list), n_words, n_syllables, n_poly, ease)


def hard_words(sentence: str, lang: str) -> tuple[str, ...]:
    """The words of a sentence that are long for its language and not everyday words, each once."""
    base = base_language(lang)
    least = hard_word_syllables(base)
    if least is None:
        return ()
    return tuple(dict.fromkeys(w for w in words(sentence) if syllables(w, lang) >= least and not is_plain_word(w, base)))


def hardest_sentences(found: list[Sentence], lang: str, count: int = 10) -> tuple[HardSentence, ...]:
    """The hardest sentences by the language's own sentence measure, each text once."""
    ranked = []
    for sentence in {s.text: s for s in reversed(found) if not s.label}.values():
        measure, value = score([sentence.text], lang).sentence_measure()
        ranked.append(HardSentence(sentence.text, str(sentence.loc), measure, value, hard_words(sentence.text, lang)))
    sign = -1 if harder_when_higher(lang) else 1
    ranked.sort(key=lambda s: (sign * s.score, s.location, s.text))
    return tuple(ranked[:count])


def sentence_too_hard(sentence: Sentence, lang: str, target: float) -> Finding | None:
    """A sentence harder on its own than the guide's target, by the measure that ranks the hardest
    sentences: an English sentence's Flesch-Kincaid grade above the target grade, another language's
    reading ease below its floor. One sentence is too small a sample for a verdict, so this is no
    finding of the build: the writer's preview shows it, as a place to start."""
    if sentence.label or not scored(lang):
        return None
    measure, value = score([sentence.text], lang).sentence_measure()
    if harder_when_higher(lang):
        if value <= target:
            return None
        beyond = f"above the target of grade {target:g}"
    else:
        floor = FERNANDEZ_HUERTA_FLOOR if base_language(lang) == "es" else EASE_FLOOR
        if value >= floor:
            return None
        beyond = f"below the floor of {floor:g}"
    hard = hard_words(sentence.text, lang)
    hint = (f"use everyday words for {', '.join(f'“{w}”' for w in hard)}, or split it into shorter sentences"
            if hard else "split it into shorter sentences, with shorter words")
    return Finding("info", "reading.sentence", str(sentence.loc), f"{measure} {value:.1f} on its own, {beyond}", hint)


def setting_findings(guide: m.Guide) -> tuple[Finding, ...]:
    """Front-matter settings that do not apply to the guide's language, said rather than ignored."""
    line = guide.meta.line_of("reading_grade")
    if line is None or base_language(guide.meta.lang) == "en":
        return ()
    judged = f"by {ease_targets(guide.meta.lang)}" if scored(guide.meta.lang) else "not at all: plainpress has no formula for it"
    return (Finding("info", "reading.setting-ignored", f"{guide.path}:{line}",
                    f"`reading_grade` is for English formulas; {language_name(guide.meta.lang)} is judged {judged}",
                    "remove `reading_grade` from this guide's front matter"),)


def reading_report(guide: m.Guide) -> ReadingReport:
    lang = guide.meta.lang
    is_scored = scored(lang)
    sections, body = [], []
    for section in guide.sections():
        loc = str(section.heading.loc) if section.heading else f"{guide.path}:1"
        found = scored_sentences(section.blocks)
        reference = bool(section.blocks) and all(isinstance(b, m.DefinitionList) for b in section.blocks)
        scores = score([s.text for s in found], lang) if is_scored else Scores(lang)
        sections.append(SectionReading(section.id, section.title, loc, scores, reference))
        if not reference:
            body += found
    # Short glossary definitions would hide how hard the guide's own text is.
    whole = sum((s.scores for s in sections if not s.reference), Scores(lang))
    hardest = hardest_sentences(body, lang) if is_scored else ()
    return ReadingReport(lang, guide.meta.reading_grade, is_scored, tuple(sections), whole, hardest,
                         setting_findings(guide))
