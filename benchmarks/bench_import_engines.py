"""Pandoc (pypandoc-binary) against mammoth on the import corpus's DOCX files and our own DOCX outputs:
words kept (against the DOCX XML), structure kept (headings, list items, nested lists, tables, pictures
with alt text, footnotes), time per document. Prints a table; needs soffice and `pip install mammoth`.

    .venv/bin/python benchmarks/bench_import_engines.py
"""
from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests" / "importing"), str(ROOT)]

import mammoth  # noqa: E402
import pypandoc  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

from import_corpus import make_corpus  # noqa: E402
from import_words import kept, original_words, words  # noqa: E402
from plainpress.render.docx import render_docx  # noqa: E402
from plainpress.source import read_guide  # noqa: E402


def by_pandoc(path: Path) -> str:
    """The body of a standalone page: without `-s` the title, subtitle, author and date stay in metadata."""
    page = lxml_html.document_fromstring(pypandoc.convert_file(str(path), "html", format="docx",
                                                               extra_args=["--sandbox", "-s"]))
    return (page.body.text or "") + "".join(lxml_html.tostring(c, encoding=str) for c in page.body)


def by_mammoth(path: Path) -> str:
    with path.open("rb") as f:
        return mammoth.convert_to_html(f).value


def structure(html: str) -> dict[str, int]:
    tree = lxml_html.fromstring(f"<div>{html}</div>")
    return {"headings": len(tree.xpath("//h1|//h2|//h3|//h4|//h5|//h6")), "items": len(tree.xpath("//li")),
            "nested": len(tree.xpath("//li//ul|//li//ol")), "tables": len(tree.xpath("//table")),
            "alt": len(tree.xpath("//img[normalize-space(@alt)]")),
            "notes": len(tree.xpath("//*[starts-with(@id,'fn') or starts-with(@id,'footnote')]"))}


def text_of(html: str) -> str:
    tree = lxml_html.fromstring(f"<div>{html}</div>")
    for element in tree.iter():
        element.tail = (element.tail or "") + " "
    return tree.text_content()


def timed(engine, path: Path) -> tuple[str, float]:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        out = engine(path)
        times.append(time.perf_counter() - start)
    return out, statistics.median(times)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    corpus = {n: p for n, p in make_corpus(folder).items() if n.endswith(".docx") and n != "tracked-changes.docx"}
    for name in ("als-basics", "als-pathophysiology"):
        path = folder / f"plainpress-{name}.docx"
        path.write_bytes(render_docx(read_guide(ROOT / "source" / name / "en.md")))
        corpus[path.name] = path
    print(f"{'document':28} {'engine':8} {'words':>7} {'ms':>6}  headings items nested tables alt notes")
    totals = {"pandoc": [], "mammoth": []}
    for name, path in corpus.items():
        original = original_words(path)
        for engine, convert in (("pandoc", by_pandoc), ("mammoth", by_mammoth)):
            html, seconds = timed(convert, path)
            share, _, _ = kept(original, words(re.sub(r"\s+", " ", text_of(html))))
            s = structure(html)
            totals[engine].append((share, seconds))
            print(f"{name:28} {engine:8} {share:7.1%} {seconds * 1000:6.0f}  {s['headings']:8} {s['items']:5} "
                  f"{s['nested']:6} {s['tables']:6} {s['alt']:3} {s['notes']:5}")
    for engine, rows in totals.items():
        print(f"{engine}: mean words kept {statistics.mean(r[0] for r in rows):.1%}, "
              f"median {statistics.median(r[1] for r in rows) * 1000:.0f} ms per document")


if __name__ == "__main__":
    main()
