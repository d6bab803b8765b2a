"""Properties, with Hypothesis: no source crashes the reader, and no word is lost on the way to any format.

Generated guides hold paragraphs, lists, headings, tables and call-outs, in several scripts, with the
punctuation that means something in Markdown, HTML or Jinja (escaped in the source, as a writer would),
and every word must come out, in order, in the text of the PDF, the DOCX and the EPUB.
"""
from __future__ import annotations

import re
import shutil

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import build_one, require_tool
from generated_guides import FRONT, SLOW, guides, write_guide
from outputs_text import docx_text, epub_text, pdf_reading_text, pdf_text, squeeze
from plainpress.source import SourceError, read_guide
from plainpress.validate.epubcheck import run_epubcheck

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
