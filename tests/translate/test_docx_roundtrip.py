"""Export, then import with no change: every unit comes back as its source, and the guide as it was."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ALS, FIXTURES, ROOT, SAMPLE
from plainpress.source import read_guide
from plainpress.translate.docx_export import export_docx
from plainpress.translate.docx_import import read_docx
from plainpress.translate.units import translated, units
from generated_guides import LETTERS, SLOW, guides, write_guide

GUIDES = [ALS, ROOT / "source" / "als-basics" / "en.md", SAMPLE, FIXTURES / "good" / "cuidado-de-los-pies" / "es.md",
          FIXTURES / "good" / "foot-care" / "en.md"]


def round_trip(guide, lang: str, folder):
    path = folder / f"{guide.slug}-{lang}.docx"
    path.write_bytes(export_docx(guide, lang))
    return read_docx(path, guide)


@pytest.mark.parametrize("lang", ["source", "fr"])
@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.parent.name)
def test_an_untouched_export_gives_every_unit_back_as_it_was(path, lang, tmp_path):
    guide = read_guide(path)
    returned = round_trip(guide, guide.meta.lang if lang == "source" else lang, tmp_path)
    assert returned.texts == {u.id: u.content for u in units(guide)}
    assert returned.mismatches == []
    assert translated(guide, guide.meta.lang, returned.texts) == guide


# Inline marks side by side and nested, in the source's own syntax: bold, italics, links, other languages.
# Not bold around a link: a DOCX run has one character style, and the renderer gives a link's runs the
# Hyperlink style, so `**a [b](url)**` shows `b` without bold in every DOCX, the exported one too.
words = st.text(alphabet=LETTERS, min_size=1, max_size=8)
marked_word = st.one_of(
    words,
    words.map(lambda w: f"**{w}**"),
    words.map(lambda w: f"*{w}*"),
    st.tuples(words, st.integers(1, 3)).map(lambda t: f"[{t[0]}](https://example.org/{t[1]})"),
    words.map(lambda w: f"[{w}]{{lang=es}}"),
    st.tuples(words, words).map(lambda t: f"[{t[0]}]{{lang=fr}} **{t[1]}**"),
    st.tuples(words, words).map(lambda t: f"[{t[0]} **{t[1]}**](https://example.org/c)"),
)
marked_paragraphs = st.lists(marked_word, min_size=1, max_size=8).map(lambda ws: (" ".join(ws), []))
marked_guides = st.tuples(guides, st.lists(marked_paragraphs, max_size=3)).map(lambda t: t[0] + t[1])

@SLOW
@given(parts=marked_guides)
def test_generated_guides_come_back_as_they_were(tmp_path_factory, parts):
    folder = tmp_path_factory.mktemp("docx") / "generated"
    write_guide(folder, parts)
    guide = read_guide(folder / "en.md")
    returned = round_trip(guide, "en", folder)
    assert returned.texts == {u.id: u.content for u in units(guide)}
    assert translated(guide, "en", returned.texts) == guide
