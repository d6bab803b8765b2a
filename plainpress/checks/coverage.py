"""Which checks run for a language and which do not, and why, in words for the report and for
`plainpress check`: asked of the language's record, never of its tag."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..languages import language
from .formula_table import judged_of
from .formulas import not_scored_text
from .words import has_term_list, hard_word_syllables

# Rules written for one language's grammar, by base language: the passive-voice rule knows English
# forms of "to be" and English past participles.
GRAMMAR_RULES = {"passive voice": ("en",)}
EVERYWHERE = ("paragraph length", "list length", "key points first", "section headings",
              "acronyms spelled out at first use", "italics", "the guide's own terms defined in its glossary")


@dataclass(frozen=True)
class Coverage:
    lang: str
    ran: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]   # (check, why it did not run)

    def has(self, check: str) -> bool:
        return check in self.ran

    def ran_sentence(self) -> str:
        return f"Checks that ran for {language(self.lang).name}: {', '.join(self.ran)}."

    def skipped_sentence(self) -> str:
        return (f"Not run for {language(self.lang).name}: "
                + "; ".join(f"{check} ({why})" for check, why in self.skipped) + ".")


@lru_cache(maxsize=None)
def runs(lang: str) -> Coverage:
    record = language(lang)
    base_name = language(record.base).name
    limit = record.sentence_limit
    ran = [f"sentence length ({limit.most} {limit.unit} at most)"]
    skipped = []
    if record.scored:
        ran.insert(0, "reading level by " + " and ".join(f.name for f in judged_of(record.formulas)))
    else:
        skipped.append(("reading level", not_scored_text(lang).split(";")[0]))
    ran += EVERYWHERE
    if has_term_list(lang):
        ran += ["medical terms from plainpress's list", "long unusual words"]
    else:
        skipped.append(("medical terms from plainpress's list and long unusual words",
                        f"plainpress has no list of medical terms in {base_name}"))
    if hard_word_syllables(lang) is not None:
        ran.append("hard words marked in the hardest sentences")
    elif record.scored:
        skipped.append(("hard words marked", f"plainpress has no list of everyday {base_name} words, "
                                             "and a long word is not hard because it is long"))
    for rule, bases in GRAMMAR_RULES.items():
        if record.base in bases:
            ran.append(rule)
        else:
            skipped.append((rule, f"the rule knows {' and '.join(language(b).name for b in bases)} grammar only"))
    return Coverage(lang, tuple(ran), tuple(skipped))
