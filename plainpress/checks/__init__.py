"""Checks: pure functions Guide -> findings (and scores). They never write a file."""
from __future__ import annotations

from .. import model as m
from ..findings import Finding
from .emphasis import italics_findings
from .plain_language import plain_language_findings
from .readability import ReadingReport, reading_report


def run_checks(guide: m.Guide) -> tuple[ReadingReport, list[Finding]]:
    report = reading_report(guide)
    return report, list(report.findings()) + plain_language_findings(guide) + italics_findings(guide)
