"""Whether a build passes: its exit status, and the last line that says why when it does not (with
--strict every warning, error and failed validator counts; without it, the reading level of a guide
that sets `strict_reading: true`)."""
from __future__ import annotations

import sys
from collections import Counter

EXIT_OK, EXIT_STRICT = 0, 1


def finish(results, strict: bool) -> int:
    """The exit status; when it is 1, a last line says why."""
    reasons = strict_failures(results, strict)
    if reasons:
        sys.stdout.flush()  # the reason comes after the summary, also through a pipe
        print("\n".join(reasons), file=sys.stderr)
    return exit_code(results, strict)


def exit_code(results, strict: bool) -> int:
    return EXIT_STRICT if any(binding_problems(r, strict) for r in results) else EXIT_OK


def binding_problems(result, strict: bool) -> list[str]:
    """What fails the build, one label each: with --strict every warning, error and failed validator;
    otherwise the reading level of a guide that makes it binding (`strict_reading: true`)."""
    problems = [f for f in result.findings if f.severity in ("error", "warning")]
    if strict:
        return [f.rule for f in problems] + [f"{t.tool} failure" for t in result.failed_validators()]
    if result.guide.meta.strict_reading:
        return [f.rule for f in problems if f.rule.startswith("reading.")]
    return []


def strict_failures(results, strict: bool) -> list[str]:
    """One line per reason for exit 1: --strict for the whole build, or each guide's strict_reading."""
    if strict:
        labels = [label for r in results for label in binding_problems(r, True)]
        return [f"plainpress: --strict: {tally(labels)}; exit {EXIT_STRICT}"] if labels else []
    return [f"plainpress: strict_reading: true in {r.guide.path}: {tally(labels)}; exit {EXIT_STRICT}"
            for r in results if (labels := binding_problems(r, False))]


def tally(labels: list[str]) -> str:
    """`3 problems (2 reading.grade, 1 pdf/ua-1 failure)`."""
    parts = [f"{n} {label}{'s' if n > 1 and label.endswith(' failure') else ''}"
             for label, n in Counter(labels).most_common()]
    return f"{len(labels)} problem{'s' if len(labels) > 1 else ''} ({', '.join(parts)})"
