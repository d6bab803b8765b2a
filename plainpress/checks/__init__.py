"""Checks: pure functions Guide -> findings (and scores). They never write a file."""
from __future__ import annotations

from .. import model as m
from ..findings import Finding
from .emphasis import italics_findings
from .plain_language import plain_language_findings
from .readability import ReadingReport, reading_report
from .translation import translation_findings


def run_checks(guide: m.Guide, origin=None) -> tuple[ReadingReport, list[Finding]]:
    """Reading level, plain language, and for a translation (`origin`: its source and record) staleness."""
    report = reading_report(guide)
    found = list(report.findings()) + plain_language_findings(guide) + italics_findings(guide)
    if origin is not None:
        found += translation_findings(guide, origin.source, origin.record)
    return report, found
