"""The writer's overlay on the rendered web page: each section's reading level by its heading, each
hard or long sentence marked, each undefined medical term and unexplained acronym underlined, every
mark with its reason and hint (shown on hover and on keyboard focus), and a panel for what has no
place in the text. Only the preview has it; the built page is the html renderer's alone.

Checks name places as `file:line`; the renderer writes each block's id on its element. A sentence is
looked for in the element of the block at its line, by its words; one that cannot be found there is
listed in the panel, never dropped.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from lxml import etree, html

from .. import model as m
from ..checks.formulas import FERNANDEZ_HUERTA_FLOOR, INFLESZ_FLOOR, Scores, base_language, scored
from ..checks.plain_language import sentence_length
from ..checks.readability import Sentence, located_sentences, sentence_too_hard
from ..checks.words import normal_term
from ..findings import Finding
from ..languages.cldr import language_name
from .marking import Piece, wrap_first

TERM_RULES = ("plain.undefined-term", "plain.acronym")
SHOWN_ELSEWHERE = ("reading.grade",)   # the section badges and the panel's verdict say it
QUOTED = re.compile(r"“([^”]+)”")


@dataclass
class Overlay:
    """What was put on the page, and what could not be."""
    tips: itertools.count = field(default_factory=lambda: itertools.count(1))
    shown: list[Finding] = field(default_factory=list)
    not_found: list[Finding] = field(default_factory=list)
    sentences: int = 0
    terms: int = 0


def annotate(tree, result) -> Overlay:
    """Put the overlay on `tree` (the rendered page, parsed) for a GuideResult of the pipeline."""
    guide, done = result.guide, Overlay()
    main = tree.get_element_by_id("main")
    places = block_places(guide)
    for sentence in located_sentences(guide.blocks, guide.meta.lang):
        found = sentence_findings(sentence, guide.meta)
        if found:
            mark(done, scope(tree, main, places, sentence.loc), phrase_finder(sentence.text), found, "sentence")
    for finding in (f for f in result.findings if f.rule in TERM_RULES):
        mark(done, scope(tree, main, places, finding.location), term_finder(finding), [finding], "term")
    add_badges(tree, main, result.reading)
    add_panel(tree, main, result, done)
    return done


def sentence_findings(sentence: Sentence, meta: m.Meta) -> list[Finding]:
    """What the checks say about one sentence: longer than 20 words, harder alone than the target."""
    return [f for f in (sentence_length(sentence, meta.lang), sentence_too_hard(sentence, meta.lang, meta.reading_grade)) if f]


# Places -------------------------------------------------------------------------------------------

def block_places(guide: m.Guide) -> dict[str, tuple[str, ...]]:
    """Each `file:line` a check may name -> the ids of the blocks there, innermost first: a list
    item's first paragraph has an id in the model but is written into its <li> without one."""
    places: dict[str, tuple[str, ...]] = {}

    def visit(blocks, outer: tuple[str, ...]):
        for block in blocks:
            ids = (block.id, *outer)
            keep(str(block.loc), ids)
            if isinstance(block, m.Callout):
                visit(block.blocks, ids)
            elif isinstance(block, m.ListBlock):
                for item in block.items:
                    keep(str(item.loc), ids)
                    visit(item.blocks, ids)
            elif isinstance(block, m.DefinitionList):
                for entry in block.entries:
                    keep(str(entry.loc), ids)

    def keep(loc: str, ids: tuple[str, ...]):
        if len(ids) > len(places.get(loc, ())):
            places[loc] = ids

    visit(guide.blocks, ())
    return places


def scope(tree, main, places: dict, loc) -> object:
    """The element of the innermost block at `loc` that is on the page; the whole guide otherwise."""
    for block_id in places.get(str(loc), ()):
        found = tree.get_element_by_id(block_id, None)
        if found is not None:
            return found
    return main


# Finding a run of words ---------------------------------------------------------------------------

def phrase_finder(text: str):
    """A sentence as the checks split it: its words with single spaces."""
    wanted = " ".join(text.split())

    def find(seen: str):
        at = seen.find(wanted)
        return (at, at + len(wanted)) if at >= 0 else None
    return find


def term_finder(finding: Finding):
    """The term a finding quotes, at its first place: an acronym as written; a medical term or long
    word as the check matched it (lower case, plurals as singulars)."""
    quoted = QUOTED.search(finding.message)
    if not quoted:
        return lambda seen: None
    term = quoted.group(1)
    if finding.rule == "plain.acronym":
        return acronym_finder(term)
    wanted = normal_term(term).split()

    def find(seen: str):
        tokens = list(re.finditer(r"[\w-]+", seen))
        keys = [normal_term(t.group()) for t in tokens]
        for i in range(len(tokens) - len(wanted) + 1):
            if keys[i:i + len(wanted)] == wanted:
                return tokens[i].start(), tokens[i + len(wanted) - 1].end()
        return None
    return find


def acronym_finder(acronym: str):
    pattern = re.compile(rf"\b{re.escape(acronym)}\b")

    def find(seen: str):
        hit = pattern.search(seen)
        return hit.span() if hit else None
    return find


def in_overlay(kind: str):
    """Which pieces of text a search skips: a hint's own words, and for a sentence, sentences
    already marked (the same sentence twice in a block is marked twice)."""
    classes = ("pp-tip", "pp-sentence") if kind == "sentence" else ("pp-tip",)

    def skip(piece: Piece) -> bool:
        return any(c in (e.get("class") or "").split() for e in piece.path for c in classes)
    return skip


# Marks --------------------------------------------------------------------------------------------

def mark(done: Overlay, where, finder, findings: list[Finding], kind: str) -> None:
    """Wrap the words in a focusable mark described by its hint, or list the findings as not found."""
    tip_id = f"pp-tip-{next(done.tips)}"
    flag = html.Element("span", {"class": "pp-flag"})
    tag = "mark" if kind == "sentence" else "span"
    words = html.Element(tag, {"class": f"pp-{kind}", "tabindex": "0", "aria-describedby": tip_id})
    made = wrap_first(where, finder, (flag, words), skip=in_overlay(kind))
    if made is None:
        done.not_found += findings
        return
    made.getparent().append(tooltip(tip_id, findings))
    done.shown += findings
    done.sentences += kind == "sentence"
    done.terms += kind == "term"


def tooltip(tip_id: str, findings: list[Finding]):
    """Each finding's reason (its message without the quoted words, which the mark itself shows) and
    its hint, as the finding gives it."""
    tip = html.Element("span", {"class": "pp-tip", "role": "tooltip", "id": tip_id})
    for finding in findings:
        reason = etree.SubElement(tip, "span", {"class": "pp-reason"})
        reason.text = sentence_case(re.sub(r": “[^”]*”$", "", finding.message)) + "."
        reason.tail = " "
        hint = etree.SubElement(tip, "span", {"class": "pp-hint"})
        hint.text = finding.hint
        hint.tail = " "
    return tip


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


# Badges and the panel -----------------------------------------------------------------------------

def add_badges(tree, main, reading) -> None:
    """Each section's reading level against the target, just under its heading."""
    for section in reading.sections:
        badge = html.Element("p", {"class": "pp-badge " + ("pp-too-hard" if section.scores.too_hard(reading.target)
                                                           else "pp-fine")})
        badge.text = badge_text(section.scores, reading.target, reading.lang)
        heading = tree.xpath("//main//h2[@id=$id]", id=section.id)
        if heading:
            heading[0].addnext(badge)
        else:   # text before the first heading (the key points)
            badge.text = f"{section.title}: {badge.text}"
            main.insert(0, badge)


def badge_text(scores: Scores, target: float, lang: str) -> str:
    """`Grade 7.2 — target 6: too hard`, `INFLESZ 78.0, Fernandez-Huerta 81.3 — target 55 and 60: ok`,
    or why there is no figure."""
    if not scored(lang):
        name = language_name(lang)
        return f"{name}: reading level is not scored — no formula has been validated for {name}"
    state = scores.state(target)
    if state in ("no prose", "too short to score"):
        return state
    figures, base = scores.figures(), base_language(lang)
    if base == "en":
        return f"Grade {scores.grade:.1f} — target {target:g}: {state}"
    if base == "es":
        return (f"INFLESZ {figures['szigriszt_pazos']:.1f}, Fernandez-Huerta {figures['fernandez_huerta']:.1f}"
                f" — target {INFLESZ_FLOOR:g} and {FERNANDEZ_HUERTA_FLOOR:g}: {state}")
    return scores.badge(target)


def add_panel(tree, main, result, done: Overlay) -> None:
    """Before the guide: the verdict, what the marks are, and every finding with no mark in the text."""
    others = [f for f in result.findings if f not in done.shown and f not in done.not_found
              and f.rule not in SHOWN_ELSEWHERE]
    panel = html.fragment_fromstring(PANEL)
    panel.get_element_by_id("pp-verdict").text = f"Only in this preview. {result.reading.verdict()}"
    panel.get_element_by_id("pp-counts").text = (
        f"{plural(done.sentences, 'sentence')} marked and {plural(done.terms, 'word')} underlined: "
        "point at one, or reach it with the Tab key, to read why and what to do.")
    fill_list(panel, "pp-not-found", done.not_found,
              f"{plural(len(done.not_found), 'finding')} not found on the page")
    fill_list(panel, "pp-others", others, f"{plural(len(others), 'more finding')} of the checks")
    main.addprevious(panel)


PANEL = """<aside class="pp-panel" aria-labelledby="pp-panel-title">
<h2 id="pp-panel-title">Writer’s preview</h2>
<p id="pp-verdict"></p>
<p id="pp-counts"></p>
<details id="pp-not-found" open><summary></summary><ul></ul></details>
<details id="pp-others"><summary></summary><ul></ul></details>
</aside>"""


def fill_list(panel, list_id: str, findings: list[Finding], title: str) -> None:
    box = panel.get_element_by_id(list_id)
    if not findings:
        box.drop_tree()
        return
    box.find("summary").text = title
    for finding in findings:
        item = etree.SubElement(box.find("ul"), "li")
        item.text = f"{finding.location}: {finding.message}. {sentence_case(finding.hint)}."


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
