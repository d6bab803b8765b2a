"""Properties, with Hypothesis: no source crashes the reader, and no word is lost on the way to any format.

Generated guides hold paragraphs, lists, headings, tables and call-outs, in several scripts, with the
punctuation that means something in Markdown, HTML or Jinja (escaped in the source, as a writer would),
and every word must come out, in order, in the text of the PDF, the DOCX and the EPUB.
"""
from __future__ import annotations

import re
import shutil
import string

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE, build_one, require_tool
from outputs_text import docx_text, epub_text, pdf_reading_text, pdf_text, squeeze
from plainpress.source import SourceError, read_guide
from plainpress.validate.epubcheck import run_epubcheck

FRONT = "---\ntitle: A generated guide\nlang: en\ndate: 2026-01-31\n---\n\n"
LETTERS = "abcdefghijklmnopqrstuvwxyzéñøçßłğș" + "αβγδεζηθ" + "жщюяфыэ"
MARKUP = ["<b>", "</p>", "{{", "}}", "{%", "%}", "&amp;", "*", "_", "#", "[x]", "(y)", "|", "\\", "`", "<!--", "'\""]

words = st.one_of(st.text(alphabet=LETTERS, min_size=1, max_size=9), st.sampled_from(MARKUP))
sentences = st.lists(words, min_size=1, max_size=12).map(" ".join)


def escape(text: str) -> str:
    """What a writer types to get `text` literally: every ASCII punctuation mark backslash-escaped."""
    return "".join("\\" + c if c in string.punctuation else c for c in text)


@st.composite
def blocks(draw):
    kind = draw(st.sampled_from(["paragraph", "list", "numbered", "heading", "table", "callout", "image"]))
    texts = draw(st.lists(sentences, min_size=1, max_size=4))
    if kind == "paragraph":
        return " ".join(escape(t) for t in texts), texts
    if kind in ("list", "numbered"):
        marker = "-" if kind == "list" else "1."
        return "\n".join(f"{marker} {escape(t)}" for t in texts), texts
    if kind == "heading":
        return "## {n} " + escape(texts[0]).replace("{", "{{").replace("}", "}}"), ["{n}", texts[0]]
    if kind == "table":
        cells = texts + ["x"] * (len(texts) % 2)  # two columns
        rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
        lines = ["| Name | Value |", "|---|---|"] + [f"| {escape(a)} | {escape(b)} |" for a, b in rows]
        return "\n".join(lines), ["Name", "Value"] + cells
    if kind == "image":  # alt text is not printed: it is checked in the structure, not in the words
        return f"![{escape(texts[0])}](picture.png)", []
    style = draw(st.sampled_from(["key-points", "note", "warning", "ask"]))
    return f"::: {style}\n" + "\n\n".join(escape(t) for t in texts) + "\n:::", texts


guides = st.lists(blocks(), min_size=1, max_size=6)


def write_guide(folder, parts) -> list[str]:
    """Write the source; return its words in reading order."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE.parent / "shapes.png", folder / "picture.png")
    # Headings are numbered: a guide may not have two sections of the same name.
    numbered = [(source.format(n=i), [t.format(n=i) if t == "{n}" else t for t in texts]) if "{n}" in texts
                else (source, texts) for i, (source, texts) in enumerate(parts, 1)]
    body = "## Start\n\n" + "\n\n".join(source for source, _ in numbered) + "\n"
    (folder / "en.md").write_text(FRONT + body, encoding="utf-8")
    return ["Start"] + [w for _, texts in numbered for t in texts for w in t.split()]


def assert_words_in_order(expected: list[str], text: str, fmt: str) -> None:
    haystack, position = squeeze(text), 0
    for word in expected:
        found = haystack.find(squeeze(word), position)
        assert found >= 0, f"{fmt}: {word!r} missing after position {position}"
        position = found + len(squeeze(word))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_no_source_crashes_the_reader(tmp_path, text):
    path = tmp_path / "en.md"
    path.write_text(FRONT + text, encoding="utf-8")
    try:
        read_guide(path)
    except SourceError as err:
        assert all(re.match(rf"{re.escape(str(path))}:\d+: .+; .+", line) for line in str(err).splitlines())


# Each example renders three files (about a second): no shrinking, the failing example is shown whole.
SLOW = settings(max_examples=25, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@SLOW
@given(parts=guides)
def test_every_word_reaches_every_format_in_order(tmp_path_factory, parts):
    folder = tmp_path_factory.mktemp("prop") / "generated"
    expected = write_guide(folder, parts)
    result = build_one(folder / "en.md", folder.parent / "out")
    for fmt, read in (("pdf", pdf_reading_text), ("docx", docx_text), ("epub", epub_text)):
        assert_words_in_order(expected, read(result.outputs[fmt]), fmt)
    # and on the page: every word is printed (the visual order of wrapped table cells may interleave)
    printed = squeeze(pdf_text(result.outputs["pdf"]))
    assert [w for w in expected if squeeze(w) not in printed] == []


@settings(max_examples=4, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=guides)
def test_generated_epubs_pass_epubcheck(tmp_path_factory, parts):
    require_tool(shutil.which("java") is not None, "Java (for EPUBCheck)")
    folder = tmp_path_factory.mktemp("prop") / "generated"
    write_guide(folder, parts)
    result = build_one(folder / "en.md", folder.parent / "out")
    check = run_epubcheck(result.outputs["epub"])
    assert check.counts["fatal"] == check.counts["error"] == 0, [str(f) for f in check.findings]
