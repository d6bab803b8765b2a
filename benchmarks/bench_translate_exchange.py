"""How long the XLIFF and PO exchanges take on the ALS guide: export, and import of a file whose every
unit is translated and confirmed (the most an import does), against reading the source itself.

    .venv/bin/python benchmarks/bench_translate_exchange.py [--repeat N]

Each step is timed N times and the median is kept; machines are shared, so read the ratios too.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import polib
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plainpress.source import read_guide  # noqa: E402
from plainpress.translate.po import export_po, read_po  # noqa: E402
from plainpress.translate.xliff import XLIFF, export_xliff, read_xliff  # noqa: E402

ALS = ROOT / "source" / "als-pathophysiology" / "en.md"


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def confirmed_xliff(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{XLIFF}}}trans-unit"):
        source = unit.find(f"{{{XLIFF}}}source")
        target = etree.fromstring(etree.tostring(source, with_tail=False))
        target.tag, target.attrib["state"] = f"{{{XLIFF}}}target", "translated"
        source.addnext(target)
    return etree.tostring(root)


def confirmed_po(data: bytes) -> bytes:
    catalog = polib.pofile(data.decode("utf-8"))
    for entry in catalog:
        entry.msgstr = entry.msgid
    return str(catalog).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat
    guide = read_guide(ALS)
    folder = Path(tempfile.mkdtemp())
    xliff, po = folder / "fr.xlf", folder / "fr.po"
    xliff.write_bytes(confirmed_xliff(export_xliff(guide, "fr", {})))
    po.write_bytes(confirmed_po(export_po(guide, "fr", {})))
    steps = {"read the source (en.md)": lambda: read_guide(ALS),
             "export XLIFF": lambda: export_xliff(guide, "fr", {}), "import XLIFF": lambda: read_xliff(xliff, guide),
             "export PO": lambda: export_po(guide, "fr", {}), "import PO": lambda: read_po(po, guide)}
    timed = {name: median_seconds(action, repeat) for name, action in steps.items()}
    units = len(read_xliff(xliff, guide).texts)
    sizes = f"XLIFF {xliff.stat().st_size:,} bytes, PO {po.stat().st_size:,} bytes"
    print(f"{ALS.relative_to(ROOT)}: {units} units; {sizes}; median of {repeat}")
    for name, seconds in timed.items():
        ratio = seconds / timed["read the source (en.md)"]
        print(f"  {name:<26} {seconds * 1000:8.1f} ms  {ratio:5.2f} x reading the source")


if __name__ == "__main__":
    main()
