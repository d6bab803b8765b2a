"""Plain-language rules from the CDC Clear Communication Index and PEMAT, each a pure function
Guide -> findings (rule id, location, the words concerned, a hint)."""
from __future__ import annotations

import re

from .. import model as m
from ..findings import Finding, clipped
from ..languages import language
from .coverage import runs
from .readability import Sentence, located_sentences, sentences, syllables, words
from .words import has_term_list, is_plain_word, medical_terms, normal_term

MAX_PARAGRAPH_SENTENCES = 5
MAX_LIST_ITEMS = 7
LONG_TERM_SYLLABLES = 4  # a word this long, not an everyday word, is a term to define or replace
# Latin capitals in any script: "ALS" inside Chinese or Arabic text is an acronym too.
ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)?(?![A-Za-z0-9])")
OPENING, CLOSING = "(（", ")）"
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
    lang = guide.meta.lang
    return [f for s in located_sentences(guide.blocks, lang) if (f := sentence_length(s, lang))]


def sentence_length(s: Sentence, lang: str = "en") -> Finding | None:
    """The finding on one sentence longer than its language's limit (in words, or in characters where
    words have no spaces; the writer's preview marks it), or None."""
    record = language(lang)
    n, limit = record.length(s.text), record.sentence_limit
    if n <= limit.most:
        return None
    return Finding("warning", "plain.sentence-length", str(s.loc),
                   f"a sentence of {n} {limit.unit}, over the limit of {limit.most} ({limit.source}): “{clipped(s.text, 90)}”",
                   f"split it into sentences of {limit.most} {limit.unit} or fewer")


def long_paragraphs(guide: m.Guide) -> list[Finding]:
    out = []
    for block in m.walk(guide.blocks):
        if isinstance(block, m.Paragraph):
            n = len(sentences(m.plain_text(block.content), guide.meta.lang))
            if n > MAX_PARAGRAPH_SENTENCES:
                out.append(Finding("warning", "plain.paragraph-length", str(block.loc),
                                   f"a paragraph of {n} sentences: “{clipped(m.plain_text(block.content), 90)}”",
                                   f"break it into paragraphs of {MAX_PARAGRAPH_SENTENCES} sentences or fewer, "
                                   "or make a list"))
    return out


def long_lists(guide: m.Guide) -> list[Finding]:
    return [Finding("warning", "plain.list-length", str(b.loc), f"a list of {len(b.items)} items",
                    f"keep lists to {MAX_LIST_ITEMS} items or fewer: split it under two headings")
            for b in m.walk(guide.blocks) if isinstance(b, m.ListBlock) and len(b.items) > MAX_LIST_ITEMS]


def undefined_terms(guide: m.Guide) -> list[Finding]:
    """Medical terms (the shipped list of the guide's language and, where it has one, its long unusual
    words; the guide's own `terms:`) that the glossary does not define;
    one finding per term, at its first use. A guide in a language without a list checks its own
    terms only, never another language's."""
    lang = guide.meta.lang
    defined = _glossary_words(guide)
    terms = [normal_term(t) for t in (*medical_terms(lang), *own_terms(guide))]
    long_words = has_term_list(lang)
    first: dict[str, list] = {}  # term -> [shown, location, uses, is a medical term]
    spaced = language(lang).spaced
    for s in _text_sentences(guide):
        text = " " + normal_term(s.text) + " "
        for term in terms:
            if _uses(text, term, spaced) and not _is_defined(term, defined):
                _count(first, term, term, str(s.loc), True)
        if long_words:
            for word in words(s.text):
                key = normal_term(word)
                if (syllables(word, lang) >= LONG_TERM_SYLLABLES and not is_plain_word(word, lang)
                        and not _is_defined(key, defined) and not ACRONYM.fullmatch(word)):
                    _count(first, key, word.lower(), str(s.loc), False)
    return [_term_finding(*entry) for entry in first.values()]


def _uses(text: str, term: str, spaced: bool) -> bool:
    """Whether a sentence uses a term: as whole words, or anywhere where words have no spaces between them."""
    return f" {term} " in text if spaced else term in text


def own_terms(guide: m.Guide) -> tuple[str, ...]:
    """The front matter's `terms:` that can be words of the guide: in a script of its own (a
    translation that kept its source's English terms does not look for them in Chinese)."""
    return tuple(t for t in guide.meta.terms if _in_script(t, guide.meta.lang))


def foreign_terms(guide: m.Guide) -> list[Finding]:
    """Said once: the `terms:` a guide lists in another script, which no text of it can contain."""
    foreign = [t for t in guide.meta.terms if not _in_script(t, guide.meta.lang)]
    if not foreign:
        return []
    line = guide.meta.line_of("terms") or 1
    name = language(guide.meta.lang).name
    return [Finding("warning", "plain.terms-language", f"{guide.path}:{line}",
                    f"the terms {', '.join(f'“{t}”' for t in foreign)} are not written in {name}, so they were "
                    "not looked for", f"list the medical terms as this guide writes them, in {name}, "
                    "or define them in its glossary")]


def _in_script(term: str, lang: str) -> bool:
    """Whether a term is written in the language's script (a Latin-script language takes any Latin term)."""
    letters = [ch for ch in term if ch.isalpha()]
    latin = all(ch.isascii() or "LATIN" in _char_name(ch) for ch in letters)
    return bool(letters) and (latin == (language(lang).script == "Latn"))


def _char_name(ch: str) -> str:
    import unicodedata
    return unicodedata.name(ch, "")


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
            if not (before.endswith(tuple(OPENING)) or after.startswith(tuple(OPENING))):
                out.append(Finding("warning", "plain.acronym", str(s.loc),
                                   f"“{acronym}” is not spelled out at its first use",
                                   f"write the words in full the first time, then the short form: "
                                   f"“words in full ({acronym})”"))
    return out


def not_run_note(lang: str) -> str:
    """What the rules do not check in the guide's language, said once rather than passed over."""
    return "" if not runs(lang).skipped else runs(lang).skipped_sentence()


def passive_voice(guide: m.Guide) -> list[Finding]:
    if not runs(guide.meta.lang).has("passive voice"):
        return []
    out = []
    for s in located_sentences(guide.blocks, guide.meta.lang):
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
         undefined_terms, foreign_terms, acronyms, passive_voice)


def _text_sentences(guide: m.Guide):
    """The sentences of the guide outside its glossary (headings are titles, not first uses)."""
    return located_sentences([b for b in guide.blocks if not isinstance(b, m.DefinitionList)], guide.meta.lang)


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

