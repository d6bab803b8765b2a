"""PDF/UA-1 with `page-validation`: 104 of veraPDF's 106 machine-checkable PDF/UA-1 rules, no Java."""
from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from .result import ToolResult


# The rule a character drawn as .notdef breaks; its advice names the language's fonts (a theme is blamed
# only when it sets a font: `theme.overrides.explain_failures`).
NOTDEF = "PDFUA1-NOTDEF-GLYPH-001"


def run_pdfua(path: Path, lang: str | None = None) -> ToolResult:
    try:
        import page
    except ImportError:
        return ToolResult("pdf/ua-1", path.name, False, note="page-validation is not installed")
    try:
        report = page.validate_pdf(str(path), profile=page.ValidationProfile.PDF_UA_1)
    except Exception as err:  # the validator could not parse the file: that is a failure, not a skip
        finding = Finding("error", "pdfua.unreadable", path.name, f"page-validation could not read the PDF: {err}")
        return ToolResult("pdf/ua-1", path.name, True, {"rules": 0, "failed": 1}, (finding,))
    findings = tuple(
        Finding("error", f"pdfua.{f.rule_id}", f"{path.name} object {f.object_id}" if f.object_id else path.name,
                str(f.message), notdef_hint(lang) if f.rule_id == NOTDEF else f"PDF/UA-1 {f.category}")
        for f in report.failures)
    if not report.is_compliant and not findings:
        findings = (Finding("error", "pdfua.not-compliant", path.name, "page-validation says the PDF is not PDF/UA-1"),)
    counts = {"rules": report.rules.total, "passed": report.rules.passed, "failed": report.rules.failed}
    return ToolResult("pdf/ua-1", path.name, True, counts, findings)


def notdef_hint(lang: str | None) -> str:
    from .glyph_findings import faces_and_package
    faces, package = faces_and_package(None, lang)
    fonts = f"{', '.join(faces)} ({package})" if faces else package
    return (f"a character has no glyph in its font and prints as an empty box (the glyphs check names each "
            f"one): install the fonts that draw the guide's language, {fonts}, and build again")
