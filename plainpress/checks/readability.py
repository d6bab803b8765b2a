"""Reading level per section and for the whole guide, scored on the guide's own sentences, each
language by its own formulas and words, or not at all where it has none.

Sentences are split here, block by block, the language's way (its record's `sentences`), because
textstat merges list items without a full stop into one sentence and ignores short ones; textstat
counts the words' syllables (counts.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import model as m
from ..findings import Finding
from ..languages import language
from ..languages.record import CLOSERS
from .counts import counter, syllables, words
from .formula_table import by_grade, judged_of, sentence_formula
from .formulas import MIN_WORDS, Scores, ease_targets, grade_words, harder_when_higher, not_scored_text, target_text
from .words import hard_word_rule, hard_word_syllables, is_plain_word

LABEL_WORDS = 2  # a text this short without an end mark is a label ("Every day"), not a sentence
# A sentence shorter than this (in English words) is too short for a formula to judge alone: "Sign
# important papers" scores grade 9 on its syllables, yet nobody finds it hard. It still counts in its
# section's figures. Languages measured in characters scale it by their sentence limit (20 words).
SHORTEST_JUDGED = 5


@lru_cache(maxsize=None)
def _end_mark(marks: str) -> re.Pattern:
    return re.compile(rf"[{re.escape(marks)}][{re.escape(CLOSERS)}]*$")


def is_label(text: str, lang: str = "en") -> bool:
    """A table cell or list item like "Moisturise" or "Every day": a name, not a sentence to score
    (textstat, too, ignores sentences of two words or fewer)."""
    return len(words(text)) <= LABEL_WORDS and not _end_mark(language(lang).sentence_marks).search(text)


def too_short_to_judge(text: str, lang: str = "en") -> bool:
    """Whether a sentence is too short to be called hard on its own (fewer than five words, or the
    characters of five words where a language counts characters)."""
    record = language(lang)
    limit = record.sentence_limit
    least = SHORTEST_JUDGED if limit.unit == "words" else round(limit.most * SHORTEST_JUDGED / 20)
    return record.length(text) < least


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
            yield Finding("info", "reading.not-scored", "", not_scored_text(self.lang),
                          f"ask a reader of {language(self.lang).name} to judge how easy it is to read")
            return
        hard = [s for s in self.sections if s.scores.too_hard(self.target)]
        for section in hard:
            yield self._too_hard(f"“{section.title}”", section.location, section.scores)
        if not hard and self.whole.too_hard(self.target):  # sections too short to judge alone
            yield self._too_hard("the whole guide", self.sections[0].location, self.whole)

    def _too_hard(self, what: str, location: str, scores: Scores) -> Finding:
        note = f" ({scores.note()})" if scores.note() else ""
        limit = language(self.lang).sentence_limit
        return Finding("warning", "reading.grade", location,
                       f"{what} is too hard to read: {scores.describe()}{note}; {self.target_text()}",
                       f"use sentences of {limit.most} {limit.unit} or fewer and everyday words; define medical "
                       "terms in the glossary (see the hardest sentences in report.html)")

    def target_text(self) -> str:
        return target_text(self.lang, self.target)

    def hard_word_rule(self) -> str:
        return hard_word_rule(self.lang)

    def hardest_rule(self) -> str:
        """How the hardest sentences are chosen, in words."""
        measure = self.hardest[0].measure if self.hardest else ""
        order = "higher is harder" if harder_when_higher(self.lang) else "lower is harder"
        return (f"Each sentence of {SHORTEST_JUDGED} words or more is scored alone by {measure} ({order}); "
                "the hardest come first.")

    def sentence_beyond(self, sentence: HardSentence) -> bool:
        """Whether one of the hardest sentences is, on its own, beyond the guide's target."""
        formula = sentence_formula(language(self.lang).formulas)
        return formula is not None and formula.beyond(sentence.score, self.target)

    def sentence_target(self) -> str:
        """The target one sentence is held to, by the measure that ranks it: "Flesch-Kincaid grade 6
        or lower", "Fernandez-Huerta 60 or more"."""
        formula = sentence_formula(language(self.lang).formulas)
        way = "or more" if formula.higher_is_easier else "or lower"
        return f"{formula.measure or formula.name} {formula.target_for(self.target):g} {way}"

    def hardest_verdict(self) -> str:
        """Whether the hardest sentences need changing: all within the target, or how many are not."""
        if not self.hardest:
            return ""
        beyond = sum(self.sentence_beyond(h) for h in self.hardest)
        target = self.sentence_target()
        if not beyond:
            if len(self.hardest) == 1:
                return (f"It is within the target on its own ({target}): it needs no change. It is listed as "
                        "the place to start if you want the guide easier still.")
            return (f"All {len(self.hardest)} are within the target on their own ({target}): none needs "
                    "changing. They are listed as the place to start if you want the guide easier still.")
        return (f"{beyond} of these {len(self.hardest)} {'is' if beyond == 1 else 'are'} above the target on "
                f"{'its' if beyond == 1 else 'their'} own ({target}): {'it is' if beyond == 1 else 'they are'} "
                "the place to start.")

    def notes(self) -> list[str]:
        """The rules behind the figures that a reader of the table needs, once each."""
        used = {s.scores.note() for s in self.sections} | {self.whole.note()}
        notes = []
        for formula in (f for f in self.whole.formulas if f.least_sentences):
            if any(n.startswith(formula.name) for n in used):
                by = " and ".join(f.name for f in judged_of(language(self.lang).formulas) if not f.least_sentences)
                notes.append(f"{formula.name} needs {formula.least_sentences} sentences: a section with fewer is "
                             f"judged by {by} alone, and its {formula.name} is not shown.")
        if any(n.startswith("fewer than") for n in used):
            notes.append(f"A section of fewer than {MIN_WORDS} words is too short for a readability formula: "
                         "it is not judged alone, but counts towards the whole guide.")
        return notes

    def verdict(self) -> str:
        """One plain sentence on the whole guide."""
        if not self.scored:
            return f"Reading level: not scored. {not_scored_text(self.lang)}."
        if not self.whole.sentences:
            return "Reading level: not scored: the guide has no sentences to score."
        if self.whole.too_short:
            return f"The whole guide is too short to score: fewer than {MIN_WORDS} words."
        if not by_grade(language(self.lang).formulas):
            return self._scale_verdict()
        grade = self.whole.grade
        invalid = [f for f in self.whole.formulas if not self.whole.valid(f)]
        by = (f" (by {sentence_formula(language(self.lang).formulas).name}: {invalid[0].name} needs "
              f"{invalid[0].least_sentences} sentences)" if invalid else "")
        text = f"The whole guide reads at grade {grade:.1f}{by}: {grade_words(grade)}."
        if grade > self.target:
            text += f" Patient material should be grade {min(self.target, 8):g} or lower."
        return text

    def _scale_verdict(self) -> str:
        """A language judged by its own scales: within its targets or not, and its main scale in words."""
        state = "too hard" if self.whole.too_hard(self.target) else "within the target"
        text = f"The whole guide is {state}: {self.whole.describe()}."
        figures = self.whole.figures()
        for formula in judged_of(language(self.lang).formulas):
            if formula.bands and formula.key in figures:
                text += f" On {formula.scale} that is {formula.band(figures[formula.key])}."
        return text


def sentences(text: str, lang: str = "en") -> list[str]:
    """The text cut into sentences the way its language ends them."""
    return language(lang).sentences(text)


def located_sentences(blocks, lang: str = "en") -> list[Sentence]:
    """The sentences of some blocks: each list item, table cell and glossary meaning counts as (at
    least) one sentence; headings and call-out titles are not prose. Labels are kept here (a medical
    term in a table cell still needs defining); scoring leaves them out."""
    out: list[Sentence] = []

    def add(inlines, loc):
        out.extend(Sentence(s, loc) for s in sentences(m.plain_text(inlines), lang))

    for block in blocks:
        if isinstance(block, m.Paragraph):
            add(block.content, block.loc)
        elif isinstance(block, m.ListBlock):
            for item in block.items:
                out += [Sentence(s.text, item.loc) if isinstance(b, m.Paragraph) else s
                        for b in item.blocks for s in located_sentences((b,), lang)]
        elif isinstance(block, m.Callout):
            out += located_sentences(block.blocks, lang)
        elif isinstance(block, m.Table):
            for row in block.rows:
                for cell in row:
                    add(cell, block.loc)
        elif isinstance(block, m.DefinitionList):
            for entry in block.entries:
                add(entry.meaning, entry.loc)
    return out


def scored_sentences(blocks, lang: str = "en") -> list[Sentence]:
    """The sentences a readability formula sees: labels left out."""
    return [s for s in located_sentences(blocks, lang) if not is_label(s.text, lang)]


def prose(blocks, lang: str = "en") -> list[str]:
    return [s.text for s in scored_sentences(blocks, lang)]


def score(sentence_list: list[str], lang: str = "en") -> Scores:
    """The counts of some sentences, each word counted the way the language's formulas count it."""
    count = counter(lang)
    totals: dict[str, int] = {}
    for sentence in sentence_list:
        for word in words(sentence):
            for key, n in count(word).items():
                totals[key] = totals.get(key, 0) + n
    return Scores(lang, len(sentence_list), **totals)


def hard_words(sentence: str, lang: str) -> tuple[str, ...]:
    """The words of a sentence that are long for its language and not everyday words, each once."""
    least = hard_word_syllables(lang)
    if least is None:
        return ()
    return tuple(dict.fromkeys(w for w in words(sentence) if syllables(w, lang) >= least and not is_plain_word(w, lang)))


def hardest_sentences(found: list[Sentence], lang: str, count: int = 10) -> tuple[HardSentence, ...]:
    """The hardest sentences by the language's own sentence measure, each text once."""
    if sentence_formula(language(lang).formulas) is None:
        return ()
    ranked = []
    for sentence in {s.text: s for s in reversed(found) if not too_short_to_judge(s.text, lang)}.values():
        measure, value = score([sentence.text], lang).sentence_measure()
        ranked.append(HardSentence(sentence.text, str(sentence.loc), measure, value, hard_words(sentence.text, lang)))
    sign = -1 if harder_when_higher(lang) else 1
    ranked.sort(key=lambda s: (sign * s.score, s.location, s.text))
    return tuple(ranked[:count])


def sentence_too_hard(sentence: Sentence, lang: str, target: float) -> Finding | None:
    """A sentence harder on its own than the guide's target, by the measure that ranks the hardest
    sentences: an English sentence's Flesch-Kincaid grade above the target grade, another language's
    own measure beyond its target. One sentence is too small a sample for a verdict, so this is no
    finding of the build: the writer's preview shows it, as a place to start."""
    formula = sentence_formula(language(lang).formulas)
    if formula is None or too_short_to_judge(sentence.text, lang):
        return None
    measure, value = score([sentence.text], lang).sentence_measure()
    if not formula.beyond(value, target):
        return None
    hard = hard_words(sentence.text, lang)
    hint = (f"use everyday words for {', '.join(f'“{w}”' for w in hard)}, or split it into shorter sentences"
            if hard else "split it into shorter sentences, with shorter words")
    return Finding("info", "reading.sentence", str(sentence.loc), f"{measure} {value:.1f} on its own, {_beyond(formula, target)}",
                   hint)


def _beyond(formula, target: float) -> str:
    if formula.target is None:
        return f"above the target of grade {target:g}"
    if formula.higher_is_easier:
        return f"below the floor of {formula.target:g}"
    return f"above the ceiling of {formula.target:g}"


def setting_findings(guide: m.Guide) -> tuple[Finding, ...]:
    """Front-matter settings that do not apply to the guide's language, said rather than ignored."""
    record = language(guide.meta.lang)
    line = guide.meta.line_of("reading_grade")
    if line is None or by_grade(record.formulas):
        return ()
    judged = f"by {ease_targets(guide.meta.lang)}" if record.scored else "not at all: plainpress has no formula for it"
    return (Finding("info", "reading.setting-ignored", f"{guide.path}:{line}",
                    f"`reading_grade` is for English formulas; {record.name} is judged {judged}",
                    "remove `reading_grade` from this guide's front matter"),)


def reading_report(guide: m.Guide) -> ReadingReport:
    lang = guide.meta.lang
    is_scored = language(lang).scored
    sections, body = [], []
    for section in guide.sections():
        loc = str(section.heading.loc) if section.heading else f"{guide.path}:1"
        found = scored_sentences(section.blocks, lang)
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
