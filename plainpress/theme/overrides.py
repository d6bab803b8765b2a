"""A theme's template overrides: each must replace one of our templates and compile, and nothing in it
may break large print. The validators measure the finished files too; when one fails while a theme
is in use, `explain_failures` names the theme's files that may be the cause."""
from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path

import jinja2

from ..render import FORMATS
from ..source.problems import Problem, Problems
from ..templating import TEMPLATES, environment
from ..validate.colour import contrast

# What a theme may replace: the blocks every guide shares, and each format's own templates
REPLACEABLE = ("_blocks.html", *(f.templates for f in FORMATS.values() if f.templates))
# Comments (CSS, Jinja, HTML) are blanked, keeping their line ends, so that advice in them is not read as a rule.
COMMENTS = re.compile(r"/\*.*?\*/|\{#.*?#\}|<!--.*?-->", re.S)
MIN_SIZE = {"pt": 18.0, "px": 24.0, "em": 1.0, "rem": 1.0, "%": 100.0}
SIZE = re.compile(r"(?<![-\w])font(?:-size)?\s*:[^;{}\n]*?(?<![\w.])(\d*\.?\d+)\s*(pt|px|rem|em|%)", re.I)
SMALL_WORD = re.compile(r"(?<![-\w])font(?:-size)?\s*:[^;{}\n]*\b(xx-small|x-small|small|smaller)\b", re.I)
ITALIC = re.compile(r"(?<![-\w])font(?:-style)?\s*:[^;{}\n]*\b(italic|oblique)\b", re.I)
JUSTIFIED = re.compile(r"(?<![-\w])text-align(?:-last)?\s*:\s*justify\b", re.I)
HYPHENS = re.compile(r"(?<![-\w])(?:-webkit-)?hyphens\s*:\s*auto\b", re.I)
TEXT_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-f]{6}\b|#[0-9a-f]{3}\b)", re.I)
MIN_TEXT_CONTRAST = 7.0


def replaceable() -> list[str]:
    """Our templates a theme may replace, as names relative to templates/ (`pdf/guide.html`)."""
    names = (p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*") if p.is_file())
    return sorted(n for n in names if n.startswith(REPLACEABLE))


def check_overrides(folder: Path) -> tuple[list[Problem], tuple[str, ...]]:
    """Every problem in the theme's `templates/` folder, and the names of the templates it replaces."""
    if not folder.is_dir():
        return [], ()
    found, names = [], []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in Path(name).parts):
            continue   # .DS_Store and the like
        problems = Problems(str(path))
        if name in replaceable():
            names.append(name)
            check_override(path, name, problems)
        else:
            not_ours(name, problems)
        found += sorted(problems.found, key=lambda p: p.loc.line)
    return found, tuple(names)


def not_ours(name: str, problems: Problems) -> None:
    if name.startswith("docx/"):
        problems.add(1, "a theme cannot replace the DOCX's styles",
                     "delete this file: the DOCX takes the logo, organisation, contact block and accent colour "
                     "from theme.yaml, and keeps plainpress's large-print styles")
        return
    close = difflib.get_close_matches(name, replaceable(), n=1)
    problems.add(1, f"plainpress has no template `{name}` to replace",
                 f"did you mean `{close[0]}`?" if close else "name it like one of: " + ", ".join(replaceable()))


def check_override(path: Path, name: str, problems: Problems) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(1, "the file is not UTF-8 text", "save it again as UTF-8")
        return
    try:
        environment(None).compile(text, name, str(path))
    except jinja2.TemplateSyntaxError as err:
        problems.add(err.lineno or 1, f"not a valid template ({err.message})",
                     "correct the Jinja syntax; plainpress's own templates/ show the way")
    for number, line in enumerate(COMMENTS.sub(_blank, text).split("\n"), start=1):
        for message, hint in large_print_faults(line):
            problems.add(number, message, hint)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def large_print_faults(line: str) -> list[tuple[str, str]]:
    """(what is wrong, how to fix it) for each declaration on the line that breaks large print."""
    faults = []
    for match in SIZE.finditer(line):
        value, unit = float(match.group(1)), match.group(2).lower()
        if value < MIN_SIZE[unit]:
            faults.append(small_text(f"{match.group(1)}{unit}"))
    faults += [small_text(match.group(1)) for match in SMALL_WORD.finditer(line)]
    faults += [(f"`{_declaration(m)}` makes italic text, which large print does not use",
                "use font-style: normal, and bold for emphasis") for m in ITALIC.finditer(line)]
    faults += [(f"`{_declaration(m)}` justifies text, stretching the gaps between words",
                "large print is flush left: use text-align: left") for m in JUSTIFIED.finditer(line)]
    faults += [(f"`{_declaration(m)}` breaks words at line ends",
                "large print keeps words whole: use hyphens: manual") for m in HYPHENS.finditer(line)]
    for match in TEXT_COLOUR.finditer(line):
        ratio = contrast(match.group(1))
        if ratio < MIN_TEXT_CONTRAST:
            faults.append((f"the text colour {match.group(1)} has a contrast of {int(ratio * 10) / 10:.1f}:1 "
                           "against white", "large print needs 7:1 for text: use black (#000)"))
    return faults


def small_text(size: str) -> tuple[str, str]:
    return (f"the text size {size} is below large print's 18 pt (24 px)",
            "use 18pt or more (headings 20pt or more), or leave sizes to plainpress's style sheet")


def _declaration(match: re.Match) -> str:
    return " ".join(match.group(0).split())


# After the build: a validator's failure, traced back to the theme -------------------------------------

def suspects(theme, fmt: str) -> list[str]:
    """The theme's files that shape `fmt`'s output: its overrides for that format, then theme.yaml."""
    folder = FORMATS[fmt].templates if fmt in FORMATS else ""
    names = [n for n in theme.overrides if n == "_blocks.html" or (folder and n.startswith(folder))]
    return [str(theme.folder / "templates" / n) for n in names]


def explain_failures(validation: dict, theme) -> dict:
    """The validators' results, where a failure's advice now names the theme's files that may cause it."""
    if theme is None:
        return validation
    return {fmt: [_explained(result, fmt, theme) for result in results] for fmt, results in validation.items()}


def _explained(result, fmt: str, theme):
    if result.passed or not result.checked:
        return result
    files = suspects(theme, fmt)
    note = (f"a theme is in use: its override{'s' if len(files) > 1 else ''} {', '.join(files)} may cause this"
            if files else f"a theme is in use ({theme.yaml_path}): its logo, accent colour or contact block may "
                          "cause this") + "; build without --theme to compare"
    setting = font_setters(files)
    font_note = (f"the theme sets the font in {', '.join(setting)}: that font may lack these characters; "
                 "build without --theme to compare")
    findings = tuple(_noted(f, font_note if setting else None) if f.rule in GLYPH_RULES else _noted(f, note)
                     for f in result.findings)
    return dataclasses.replace(result, findings=findings)


# A missing glyph is the theme's doing only when the theme chooses a font; else its finding's own advice
# (the language's fonts and their package) stands alone.
GLYPH_RULES = frozenset({"glyphs.missing", "pdfua.PDFUA1-NOTDEF-GLYPH-001"})
SETS_FONT = re.compile(r"@font-face|(?<![-\w])font(?:-family)?\s*:", re.I)


def _noted(finding, note: str | None):
    if note is None or finding.severity not in ("error", "warning"):
        return finding
    return dataclasses.replace(finding, hint=f"{finding.hint} ({note})" if finding.hint else note)


def font_setters(files: list[str]) -> list[str]:
    """The theme's files (of those that shape the format) that choose a font: @font-face or font-family."""
    return [name for name in files
            if SETS_FONT.search(COMMENTS.sub(_blank, Path(name).read_text(encoding="utf-8", errors="replace")))]
