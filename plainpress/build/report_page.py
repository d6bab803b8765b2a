"""What report.html says beyond the figures: each failing validator in words (what is wrong, where,
what it means for a reader, what to do), a translation's parts still to translate, and every other
finding the terminal sends its reader to report.html for."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from ..findings import Finding
from ..validate import validator
from .report_words import FORMAT_WORDS, kind_count, rule_words, validator_meaning

# Findings that report.html shows in a section of their own, by rule prefix
SHOWN_APART = ("plain.", "translation.", "reading.")
TRANSLATION_ORDER = ("translation.missing", "translation.stale", "translation.moved", "translation.orphan")
PAGE = re.compile(r"page (\d+)")
OBJECT = re.compile(r"object (\d+)")
TAGS = "tags object "
SOURCE_LINE = re.compile(r"\b([\w.-]+\.md):(\d+)\b")


@dataclass(frozen=True)
class Problem:
    what: str                 # in plain words, or the tool's own message when there are none
    detail: str               # the tool's own message, when `what` is plain words
    places: tuple[str, ...]   # where, in words: "page 3, in “Breathing”"
    hint: str                 # the tool's advice, for whoever mends it


@dataclass(frozen=True)
class Failure:
    format_words: str   # "Large-print PDF"
    file: str
    tool: str
    checks: str         # what the validator checks, in words
    means: str          # what the failure means for a reader
    todo: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Row:
    """One finding of the checks, for a table: its kind in words, where, what, what to do."""
    kind: str
    where: str
    what: str
    todo: Markup


def failures(result, checks_words: dict[str, str]) -> list[Failure]:
    """Each validator that failed, with its problems grouped by rule."""
    found = []
    for fmt, tools in result.validation.items():
        path = result.outputs.get(fmt)
        sections = pdf_sections(path) if path is not None and path.suffix == ".pdf" else []
        for tool in tools:
            if tool.checked and not tool.passed:
                means, todo = validator_meaning(meant_by(tool))
                found.append(Failure(FORMAT_WORDS.get(fmt, fmt.upper()), tool.output, tool.tool,
                                     checks_words.get(tool.tool, tool.tool), means, todo,
                                     tuple(problems(tool.findings, tool.output, sections))))
    return found


def meant_by(tool) -> str:
    """The validator whose words say what a failure means: the tool's own, or, when every problem it
    found is another check's kind (LibreOffice's pages judged by the layout check), that check's."""
    kinds = {f.rule.split(".")[0] for f in tool.findings if f.severity in ("error", "warning")}
    other = kinds.pop() if len(kinds) == 1 else ""
    return other if other and validator(other) is not None else tool.tool


def problems(findings, file: str, sections: list[tuple[int, str]]) -> list[Problem]:
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.severity != "info":
            by_rule.setdefault(finding.rule, []).append(finding)
    out = []
    for rule, group in by_rule.items():
        plain = rule_words(rule)
        message = sentence_case(group[0].message)
        places = joined_places([place_words(f.location, file, sections) for f in group])
        out.append(Problem(plain or message, message if plain else "", places, group[0].hint))
    return out


def joined_places(places: list[str]) -> tuple[str, ...]:
    """Each place once; the objects of the file's tags (on no one page) said once, together."""
    objects = [p.removeprefix(TAGS) for p in places if p.startswith(TAGS)]
    rest = tuple(dict.fromkeys(p for p in places if not p.startswith(TAGS)))
    if not objects:
        return rest
    numbers = ", ".join(dict.fromkeys(objects))
    return rest + (f"in the file's tags, not on one page (object{'s' if len(set(objects)) > 1 else ''} {numbers})",)


def place_words(location: str, file: str, sections: list[tuple[int, str]] = ()) -> str:
    """A validator's location in words: the page, and the section it is in; the file itself is named
    by the heading it sits under."""
    rest = location[len(file):].lstrip(": ") if location.startswith(file) else location
    if not rest:
        return "the whole file"
    page = PAGE.fullmatch(rest)
    if page:
        number = int(page.group(1))
        title = next((t for first, t in reversed(sections) if first <= number), None)
        return f"page {number}" + (f", in “{title}”" if title else "")
    if OBJECT.fullmatch(rest):
        return TAGS + rest.removeprefix("object ")
    return rest


def pdf_sections(path: Path) -> list[tuple[int, str]]:
    """(first page, title) of each bookmark of a PDF, in page order: the section a page is in."""
    try:
        import pikepdf
        with pikepdf.open(path) as pdf:
            pages = {page.objgen: i + 1 for i, page in enumerate(pdf.pages)}
            with pdf.open_outline() as outline:
                found = [(pages.get(_page_of(item)), item.title) for item in _walk(outline.root)]
    except Exception:  # noqa: BLE001 - without bookmarks, a place is its page alone
        return []
    return sorted(((p, t) for p, t in found if p), key=lambda pt: pt[0])


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


def _page_of(item):
    dest = item.destination
    if dest is None and item.action is not None:
        dest = item.action.get("/D")
    try:
        return dest[0].objgen
    except (TypeError, IndexError, AttributeError, KeyError):
        return None


def translation_rows(result, sections) -> list[Row]:
    """A translation's parts to see to, the ones still to translate first."""
    found = [f for f in result.findings if f.rule in TRANSLATION_ORDER]
    found.sort(key=lambda f: TRANSLATION_ORDER.index(f.rule))
    return [row(f, sections) for f in found]


def other_rows(result, sections) -> list[Row]:
    """The findings no other part of the report shows (labels that print in English, missing fonts)."""
    return [row(f, sections) for f in result.findings
            if f.severity != "info" and not f.rule.startswith(SHOWN_APART)]


def advice_rows(findings, sections) -> list[Row]:
    return [row(f, sections) for f in findings]


def row(finding: Finding, sections) -> Row:
    kind = kind_count(finding.rule, 1).split(" ", 1)[1]
    where = ("not in this translation yet" if finding.rule == "translation.missing"
             else source_place(finding.location, sections))
    what = SOURCE_LINE.sub(r"\1, line \2", finding.message)
    return Row(sentence_case(kind), where, sentence_case(what), code_words(sentence_case(finding.hint)))


def source_place(location: str, sections) -> str:
    """`es.md:40` as "es.md, line 40, in “¿Qué es la ELA?”": the section whose heading is at or above
    the line. `sections`: (line, title) of each section, in order."""
    file, _, line = location.rpartition(":")
    if not line.isdigit():
        return location
    number = int(line)
    title = next((t for first, t in reversed(sections) if first <= number), None)
    return f"{Path(file).name}, line {number}" + (f", in “{title}”" if title else "")


def section_lines(reading) -> list[tuple[int, str]]:
    """(line, title) of each section that starts at a heading (text before the first heading is placed
    at line 1, where the front matter is: a line there names no section)."""
    lines = []
    for section in reading.sections:
        _, _, line = section.location.rpartition(":")
        if line.isdigit() and int(line) > 1:
            lines.append((int(line), section.title))
    return lines


def code_words(text: str) -> Markup:
    """Text with its `commands` as <code>, the rest escaped."""
    parts = str(escape(text)).split("`")
    return Markup("".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts)))


def sentence_case(text: str) -> str:
    """The first letter a capital, unless the text starts with a file's name (`en.md, line 3 ...`)."""
    first = text.split(" ", 1)[0]
    return text if "." in first.rstrip(".,:;") else text[:1].upper() + text[1:]
