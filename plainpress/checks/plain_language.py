"""Plain-language rules from the CDC Clear Communication Index and PEMAT, each a pure function
Guide -> findings (rule id, location, the words concerned, a hint)."""
from __future__ import annotations

import re

from .. import model as m
from ..findings import Finding
from .formulas import base_language
from .readability import Sentence, located_sentences, sentences, syllables, words
from .words import is_plain_word, medical_terms, normal_term

MAX_SENTENCE_WORDS = 20
MAX_PARAGRAPH_SENTENCES = 5
MAX_LIST_ITEMS = 7
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)?\b")
_BE = r"(?:am|is|are|was|were|be|been|being|become|becomes|became|get|gets|got|gotten)"
_IRREGULAR = ("known|made|done|given|taken|seen|shown|found|kept|held|told|sent|built|brought|caught|"
              "thought|bought|left|lost|paid|put|set|hurt|cut|written|driven|eaten|chosen|broken|spoken|"
              "born|worn|torn|drawn|grown|thrown|understood|led|fed|bred|spread|hidden|forgotten")
PASSIVE = re.compile(rf"\b{_BE}\s+(?:\w+ly\s+)?(\w+ed|{_IRREGULAR})\b", re.IGNORECASE)


def plain_language_findings(guide: m.Guide) -> list[Finding]:
    found = []
    for rule in RULES:
        found += rule(guide)
    return found


def long_sentences(guide: m.Guide) -> list[Finding]:
    return [f for s in located_sentences(guide.blocks) if (f := sentence_length(s))]


def sentence_length(s: Sentence) -> Finding | None:
    """The finding on one sentence of more than 20 words (the writer's preview marks it), or None."""
    n = len(words(s.text))
    if n <= MAX_SENTENCE_WORDS:
        return None
    return Finding("warning", "plain.sentence-length", str(s.loc), f"a sentence of {n} words: “{_clip(s.text)}”",
                   f"split it into sentences of {MAX_SENTENCE_WORDS} words or fewer")


def long_paragraphs(guide: m.Guide) -> list[Finding]:
    out = []
    for block in m.walk(guide.blocks):
        if isinstance(block, m.Paragraph):
            n = len(sentences(m.plain_text(block.content)))
            if n > MAX_PARAGRAPH_SENTENCES:
                out.append(Finding("warning", "plain.paragraph-length", str(block.loc),
                                   f"a paragraph of {n} sentences: “{_clip(m.plain_text(block.content))}”",
                                   f"break it into paragraphs of {MAX_PARAGRAPH_SENTENCES} sentences or fewer, "
                                   "or make a list"))
    return out


def long_lists(guide: m.Guide) -> list[Finding]:
    return [Finding("warning", "plain.list-length", str(b.loc), f"a list of {len(b.items)} items",
                    f"keep lists to {MAX_LIST_ITEMS} items or fewer: split it under two headings")
            for b in m.walk(guide.blocks) if isinstance(b, m.ListBlock) and len(b.items) > MAX_LIST_ITEMS]


def undefined_terms(guide: m.Guide) -> list[Finding]:
    """Medical terms (the shipped list and long unusual words, both English; the guide's own `terms:`)
    that the glossary does not define; one finding per term, at its first use."""
    defined = _glossary_words(guide)
    english = base_language(guide.meta.lang) == "en"
    terms = [normal_term(t) for t in (*(medical_terms() if english else ()), *guide.meta.terms)]
    first: dict[str, list] = {}  # term -> [shown, location, uses, is a medical term]
    for s in _text_sentences(guide):
        text = " " + normal_term(s.text) + " "
        for term in terms:
            if f" {term} " in text and not _is_defined(term, defined):
                _count(first, term, term, str(s.loc), True)
        if english:
            for word in words(s.text):
                key = normal_term(word)
                if (syllables(word, guide.meta.lang) >= 4 and not is_plain_word(word)
                        and not _is_defined(key, defined) and not ACRONYM.fullmatch(word)):
                    _count(first, key, word.lower(), str(s.loc), False)
    return [_term_finding(*entry) for entry in first.values()]


def _term_finding(shown: str, loc: str, uses: int, medical: bool) -> Finding:
    times = f" (used {uses} times)" if uses > 1 else ""
    if medical:
        return Finding("warning", "plain.undefined-term", loc, f"the medical term “{shown}” is not in the glossary{times}",
                       "define it in plain words in the `## Glossary` section")
    return Finding("warning", "plain.undefined-term", loc, f"the long word “{shown}” is not in the glossary{times}",
                   "use an everyday word instead, or define it in the `## Glossary` section")


def acronyms(guide: m.Guide) -> list[Finding]:
    """An acronym must be spelled out at first use: “amyotrophic lateral sclerosis (ALS)”."""
    seen, out = set(), []
    for s in _text_sentences(guide):
        for match in ACRONYM.finditer(s.text):
            acronym = match.group()
            if acronym in seen:
                continue
            seen.add(acronym)
            before, after = s.text[: match.start()].rstrip(), s.text[match.end():].lstrip()
            if not (before.endswith("(") or after.startswith("(")):
                out.append(Finding("warning", "plain.acronym", str(s.loc),
                                   f"“{acronym}” is not spelled out at its first use",
                                   f"write the words in full the first time, then the short form: "
                                   f"“words in full ({acronym})”"))
    return out


def english_only_note(lang: str) -> str:
    """What the rules do not check in a language other than English, said rather than passed over."""
    if base_language(lang) == "en":
        return ""
    return ("Some rules are checked in English only: medical terms from plainpress's list, long unusual words "
            "and passive voice. The terms a guide lists in its front matter (terms:) are checked in any language.")


def passive_voice(guide: m.Guide) -> list[Finding]:
    if base_language(guide.meta.lang) != "en":
        return []
    out = []
    for s in located_sentences(guide.blocks):
        for match in PASSIVE.finditer(s.text):
            out.append(Finding("warning", "plain.passive", str(s.loc), f"passive voice: “{match.group()}”",
                               "say who does what: “your doctor checks…” rather than “… is checked”"))
    return out


def key_points_first(guide: m.Guide) -> list[Finding]:
    first = guide.blocks[0] if guide.blocks else None
    if isinstance(first, m.Callout) and first.style == "key-points":
        return []
    return [Finding("warning", "plain.key-points", f"{guide.path}:1",
                    "the guide does not start with its main message",
                    "put a `::: key-points` call-out with the 3 to 5 things to remember before the first section")]


def text_without_heading(guide: m.Guide) -> list[Finding]:
    intro = guide.sections()[0] if guide.sections() and guide.sections()[0].heading is None else None
    loose = [b for b in (intro.blocks if intro else ()) if not (isinstance(b, m.Callout) and b.style == "key-points")]
    return [Finding("warning", "plain.no-heading", str(b.loc), "text before the first section heading",
                    "start a section with a `##` heading that says what it is about") for b in loose[:1]]


RULES = (key_points_first, text_without_heading, long_sentences, long_paragraphs, long_lists,
         undefined_terms, acronyms, passive_voice)


def _text_sentences(guide: m.Guide):
    """The sentences of the guide outside its glossary (headings are titles, not first uses)."""
    return located_sentences([b for b in guide.blocks if not isinstance(b, m.DefinitionList)])


def _glossary_words(guide: m.Guide) -> set[str]:
    """Each glossary term, its parts in brackets, and the single words of multi-word terms."""
    out = set()
    for entry in guide.glossary():
        text = m.plain_text(entry.term)
        for part in re.split(r"[()]", text):
            if part.strip():
                out.add(normal_term(part))
    return out


def _is_defined(term: str, defined: set[str]) -> bool:
    return term in defined or any(f" {term} " in f" {d} " for d in defined)


def _count(first: dict, key: str, shown: str, loc: str, medical: bool) -> None:
    if key in first:
        first[key][2] += 1
    else:
        first[key] = [shown, loc, 1, medical]


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
