"""How long `plainpress serve` takes from a save to the change on the open page, in Chromium.

    .venv/bin/python benchmarks/bench_serve_reload.py [GUIDE] [--saves N]

It serves a copy of the guide (default: source/als-pathophysiology, the longest), opens the page,
saves a changed sentence N times, and prints the median and the slowest of save -> visible change,
and the server's own rebuild time for the same page (the rest is the watcher, the event and the reload).
"""
from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plainpress.serve.page import make_preview  # noqa: E402
from plainpress.validate.axe import browser  # noqa: E402


def start(project: Path, guide: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", str(guide), "--port", "0"],
                               cwd=project, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        if line.startswith("Previewing "):
            return process, line.split(" at ", 1)[1].split()[0]
    raise SystemExit("plainpress serve did not start")


def save_to_shown(tab, source: Path, text: str, n: int) -> float:
    """Seconds from saving a new last line to seeing it on the page."""
    marker = f"Saved for the {n}th time."
    tab.evaluate("window.sameVisit = true")
    source.write_text(f"{text}\n{marker}\n", encoding="utf-8")
    saved = time.perf_counter()
    tab.wait_for_function(f"() => !window.sameVisit && document.body.innerText.includes('{marker}')",
                          timeout=10_000, polling=10)
    return time.perf_counter() - saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("guide", nargs="?", type=Path, default=ROOT / "source" / "als-pathophysiology")
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / args.guide.name
        shutil.copytree(args.guide, folder)
        source = sorted(folder.glob("*.md"))[0]
        text = source.read_text(encoding="utf-8").rstrip()
        process, url = start(Path(tmp), source)
        try:
            with browser() as chromium:
                tab = chromium.new_page()
                tab.goto(url)
                times = [save_to_shown(tab, source, text, n) for n in range(1, args.saves + 1)]
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=15)
        make_preview(source, 1)   # warm, as the server is after its first page
        started = time.perf_counter()
        make_preview(source, 2)
        rebuild = time.perf_counter() - started
    print(f"{args.guide.name}: save -> visible change, {args.saves} saves: "
          f"median {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms; of which rebuilding the page {rebuild * 1000:.0f} ms")


if __name__ == "__main__":
    main()
