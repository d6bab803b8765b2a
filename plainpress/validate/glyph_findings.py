"""The glyph check's finding, shared by the PDF's (`glyphs`) and the e-book's and web page's
(`glyphs_web`): the characters drawn from no real glyph, named with their scripts and the fonts to install."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding
from ..languages import language
from .result import ToolResult

TOOL = "glyphs"
SHOWN = 20   # characters a finding lists by name; the rest are counted
CJK_SCRIPTS = ("Hans", "Hant", "Jpan", "Kore")
# Unicode's script codes where the language records use another: Han, kana and Hangul are written in
# the records as the language's writing system (Hans, Jpan, Kore).
RECORD_SCRIPTS = {"Hira": "Jpan", "Kana": "Jpan", "Hang": "Kore"}


@dataclass
class Missing:
    """The characters an output shows without a glyph, in their order of first appearance."""
    chars: dict[str, str] = field(default_factory=dict)   # character -> "" or why ("empty outline")
    unknown: set[int] = field(default_factory=set)        # glyph codes with no character known

    def add(self, ch: str | None, code: int, why: str = "") -> None:
        if ch:
            self.chars.setdefault(ch, why)
        else:
            self.unknown.add(code)

    def __len__(self) -> int:
        return len(self.chars) + len(self.unknown)


def missing_finding(name: str, missing: Missing, lang: str | None, where: str) -> Finding:
    """One finding for all of an output's missing glyphs: which characters, what a reader sees, what to
    install."""
    listed = [describe(ch, why) for ch, why in list(missing.chars.items())[:SHOWN]]
    more = len(missing.chars) - len(listed)
    if more:
        listed.append(f"and {more} more")
    if missing.unknown:
        listed.append(f"{len(missing.unknown)} glyph code{'s' if len(missing.unknown) > 1 else ''} "
                      "with no character named in the PDF")
    count = len(missing)
    message = (f"{count} character{'s' if count > 1 else ''} {'have' if count > 1 else 'has'} no glyph in the "
               f"fonts {where}, so a reader sees an empty box for each: {', '.join(listed)}")
    return Finding("error", "glyphs.missing", name, message, mend(list(missing.chars), lang))


def describe(ch: str, why: str = "") -> str:
    from fontTools.unicodedata import script, script_name
    own = f"{ch} (U+{ord(ch):04X}, {script_name(script(ch))}"
    return f"{own}, {why})" if why else f"{own})"


def mend(chars: list[str], lang: str | None) -> str:
    """What to install: for each writing system of the missing characters, its faces and their package
    (the guide's own language's for its own script and for the punctuation and marks all scripts share)."""
    advice = []
    for record_script in dict.fromkeys(script_of(ch, lang) for ch in chars):
        faces, package = faces_and_package(record_script, lang)
        advice.append(f"{', '.join(faces)} ({package})" if faces else package)
    fonts = "; ".join(advice) if advice else faces_and_package(None, lang)[1]
    return (f"install the fonts that draw them: {fonts}; then build again. If a theme sets the font, "
            "that font lacks these characters: name one that has them")


def script_of(ch: str, lang: str | None) -> str | None:
    """The writing system, as the language records name it, that a character needs a face of."""
    from fontTools.unicodedata import script, script_extension
    own = language(lang).script if lang else None
    code = script(ch)
    if code in ("Zyyy", "Zinh"):   # shared punctuation, digits and marks: the guide's own faces
        return own
    if code == "Hani" or "Hani" in script_extension(ch):
        return own if own in CJK_SCRIPTS else "Hans"
    return RECORD_SCRIPTS.get(code, code)


def faces_and_package(record_script: str | None, lang: str | None) -> tuple[tuple[str, ...], str]:
    from ..languages.record import SCRIPTS
    if lang and (record_script is None or language(lang).script == record_script):
        record = language(lang)
        return record.faces, record.package
    if record_script in SCRIPTS:
        return SCRIPTS[record_script].faces, SCRIPTS[record_script].package
    from fontTools.unicodedata import script_name
    name = script_name(record_script) if record_script else "its script"
    return (), f"a face that draws {name} (Debian's fonts-noto-core and fonts-noto-cjk have most scripts)"


def result(name: str, missing: Missing, lang: str | None, where: str, counts: dict, note: str = "") -> ToolResult:
    findings = (missing_finding(name, missing, lang, where),) if missing else ()
    return ToolResult(TOOL, name, True, {**counts, "missing": len(missing)}, findings, note)
