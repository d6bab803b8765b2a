"""Same source, same bytes: two builds on different days and in different time zones are identical."""
from __future__ import annotations

import subprocess
import sys

from conftest import ALS, ROOT, SAMPLE, require_program

CLOCKS = (("2030-01-01 12:00:00", "Pacific/Kiritimati"), ("2027-06-15 03:30:00", "America/Los_Angeles"))


def build_at(clock: str, zone: str, out) -> None:
    faketime = require_program("faketime")
    command = [faketime, clock, sys.executable, "build.py", str(ALS.parent), str(SAMPLE.parent),
               "--out", str(out), "--cache", str(out.with_name(out.name + "-cache")), "--no-validate", "-q"]
    subprocess.run(command, cwd=ROOT, check=True, env={"TZ": zone, "PATH": "/usr/bin:/bin"}, timeout=600)


def test_two_builds_with_different_clocks_are_byte_identical(tmp_path):
    """Each with a cache of its own: both really render."""
    outs = [tmp_path / "first", tmp_path / "second"]
    for (clock, zone), out in zip(CLOCKS, outs):
        build_at(clock, zone, out)
    files = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*") if p.is_file())
    assert {p.suffix for p in files} == {".pdf", ".docx", ".epub", ".json", ".html"}
    assert files == sorted(p.relative_to(outs[1]) for p in outs[1].rglob("*") if p.is_file())
    different = [str(p) for p in files if (outs[0] / p).read_bytes() != (outs[1] / p).read_bytes()]
    assert different == []


def test_the_clock_really_differed_in_those_builds():
    faketime = require_program("faketime")
    years = [subprocess.run([faketime, clock, sys.executable, "-c", "import datetime; print(datetime.date.today().year)"],
                            capture_output=True, text=True, check=True).stdout.strip() for clock, _ in CLOCKS]
    assert years == ["2030", "2027"]
