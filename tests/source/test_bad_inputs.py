"""Bad and unusual sources.

- tests/fixtures/bad/<case>/en.md: one fault (or several on purpose). `read_guide` must raise SourceError
  listing exactly the lines of expected.txt (`en.md:LINE: what is wrong; how to fix it`), and the command
  line must exit 2, print those lines and leave an earlier output tree untouched.
- tests/fixtures/unusual/<case>/en.md: odd but valid (BOM, CRLF, Jinja or HTML typed as text); must build.
- tests/fixtures/make_generated.py: the big and binary cases, written into a temporary folder.

A case in KNOWN_DEFECTS is one where the reader does not yet do what expected.txt says it should;
each is a strict xfail, so fixing the reader makes it fail until its entry is removed.
"""
from __future__ import annotations

import importlib.util
import os
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from plainpress import model as m
from plainpress.cli import main
from plainpress.source import SourceError, read_guide

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_generated", FIXTURES / "make_generated.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_generated = _load_generator()

KNOWN_DEFECTS: dict[str, str] = {
    # "case-name": "what the reader does wrong" -- none at the moment
}


def _folders(kind: str) -> list[str]:
    return sorted(p.name for p in (FIXTURES / kind).iterdir() if p.is_dir())


COMMITTED_BAD = _folders("bad")
GENERATED_BAD = sorted(make_generated.BAD)
UNUSUAL = _folders("unusual")
assert not set(COMMITTED_BAD) & set(GENERATED_BAD), "a case name is both committed and generated"
assert set(KNOWN_DEFECTS) <= {*COMMITTED_BAD, *GENERATED_BAD, *UNUSUAL, *make_generated.BIG}


def params(names):
    return [pytest.param(name, id=name, marks=pytest.mark.xfail(reason=KNOWN_DEFECTS[name], strict=True))
            if name in KNOWN_DEFECTS else pytest.param(name, id=name) for name in names]


# Helpers -------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> Path:
    return make_generated.generate(tmp_path_factory.mktemp("generated"))


@pytest.fixture
def bad_case(request) -> Path:
    name = request.param
    if name in GENERATED_BAD:
        return request.getfixturevalue("generated") / "bad" / name
    return FIXTURES / "bad" / name


def expected_lines(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def reader_lines(case: Path) -> list[str]:
    """The reader's error, one problem a line, with the case folder cut from the file names."""
    with pytest.raises(SourceError) as caught:
        read_guide(case / "en.md")
    return [line.removeprefix(f"{case}{os.sep}") for line in str(caught.value).splitlines()]


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under folder with its bytes (None for a folder)."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def previous_outputs(out: Path, slug: str) -> dict[str, bytes | None]:
    """An output tree as an earlier, good build left it."""
    folder = out / slug / "en"
    folder.mkdir(parents=True)
    for name in (f"{slug}-en.pdf", f"{slug}-en.docx", f"{slug}-en.epub", "report.json"):
        (folder / name).write_bytes(f"earlier build of {name}\n".encode())
    return snapshot(out)


def block_texts(guide: m.Guide) -> set[str]:
    return {m.plain_text(b.content) for b in m.walk(guide.blocks) if hasattr(b, "content")}


def chapter_xhtml(epub: Path, number: int = 1) -> ET.Element:
    with zipfile.ZipFile(epub) as z:
        name = next(n for n in z.namelist() if n.endswith(f"chapter-{number:02d}.xhtml"))
        return ET.fromstring(z.read(name))


def local_names(root: ET.Element) -> set[str]:
    return {el.tag.rpartition("}")[2] for el in root.iter()}


# Bad sources ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad_case", params(COMMITTED_BAD + GENERATED_BAD), indirect=True)
def test_reader_lists_every_problem(bad_case):
    assert reader_lines(bad_case) == expected_lines(bad_case)


@pytest.mark.parametrize("bad_case", params(COMMITTED_BAD + GENERATED_BAD), indirect=True)
def test_cli_exits_2_and_keeps_earlier_outputs(bad_case, tmp_path, capsys):
    out = tmp_path / "out"
    before = previous_outputs(out, bad_case.name)

    code = main([str(bad_case), "--out", str(out)])

    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    prefix = f"{bad_case}{os.sep}"
    assert [line for line in err.splitlines() if line.startswith(prefix)] == \
        [prefix + line for line in expected_lines(bad_case)]
    assert snapshot(out) == before


def test_corpus_is_large_enough():
    assert len(COMMITTED_BAD) + len(GENERATED_BAD) >= 40
    for name in COMMITTED_BAD:
        assert (FIXTURES / "bad" / name / "expected.txt").is_file(), name


# Unusual but valid sources -------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", params(UNUSUAL))
def test_unusual_source_builds(name, tmp_path):
    case = FIXTURES / "unusual" / name
    code = main([str(case), "--out", str(tmp_path), "--no-validate", "-q"])
    assert code == 0
    for fmt in ("pdf", "docx", "epub"):
        assert (tmp_path / name / "en" / f"{name}-en.{fmt}").stat().st_size > 0
    ids = [b.id for b in m.walk(read_guide(case / "en.md").blocks)]
    assert len(ids) == len(set(ids)), "block ids (HTML ids in the outputs) must be unique"


def test_unusual_byte_level_cases_are_still_unusual():
    """Guards against an editor or git quietly normalising the files these cases are about."""
    assert (FIXTURES / "unusual" / "utf8-bom" / "en.md").read_bytes().startswith(b"\xef\xbb\xbf---")
    crlf = (FIXTURES / "unusual" / "crlf-line-ends" / "en.md").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 10


def test_crlf_and_bom_read_like_plain_files():
    lines = [(b.kind, b.loc.line) for name in ("crlf-line-ends", "utf8-bom")
             for b in read_guide(FIXTURES / "unusual" / name / "en.md").blocks]
    assert lines == [("heading", 8), ("paragraph", 10), ("heading", 12), ("paragraph", 14)] * 2


MARKUP_AS_TEXT = {
    "jinja-syntax": ["{{ 7*7 }}", '{% include "x" %}', "{# a note #}", "{% for i in range(3) %}", "Repeat {{ i }}"],
    "raw-html": ["<b>Stop</b> & wait; 2 < 3 > 1.", '<script>alert("x")</script>', '<img src="x.png" onerror="alert(1)">'],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(MARKUP_AS_TEXT))
def test_markup_in_the_text_comes_out_as_text(name, tmp_path):
    assert main([str(FIXTURES / "unusual" / name), "--out", str(tmp_path), "--format", "epub", "--no-validate", "-q"]) == 0
    chapter = chapter_xhtml(tmp_path / name / "en" / f"{name}-en.epub")
    text = "".join(chapter.itertext())
    for literal in MARKUP_AS_TEXT[name]:
        assert literal in text
    assert "49" not in text, "{{ 7*7 }} was evaluated"
    assert not local_names(chapter) & {"b", "script", "img"}, "source text became markup"


# Big and deep sources ------------------------------------------------------------------------------

def test_five_megabyte_paragraph_is_refused_with_its_line(generated):
    case = generated / "big" / "big-paragraph"
    assert reader_lines(case) == [
        "en.md:10: a paragraph of 5,000,004 characters; split it into paragraphs of a few sentences each"]


def test_five_megabyte_paragraph_fails_fast_without_a_traceback(generated, tmp_path, capsys):
    # WeasyPrint would need minutes for one 5 MB paragraph: the reader refuses it at once.
    case = generated / "big" / "big-paragraph"
    assert main([str(case), "--out", str(tmp_path), "--no-validate", "-q"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "a paragraph of 5,000,004 characters" in err
    assert not any(tmp_path.iterdir())


def test_ten_thousand_headings_read_with_unique_ids(generated):
    guide = read_guide(generated / "big" / "many-headings" / "en.md")
    headings = [b for b in guide.blocks if isinstance(b, m.Heading)]
    assert len(headings) == make_generated.MANY_HEADINGS
    assert len({h.id for h in headings}) == make_generated.MANY_HEADINGS
    assert m.plain_text(headings[-1].content) == f"Part {make_generated.MANY_HEADINGS - 1}"


def test_ten_thousand_headings_check(generated, capsys):
    assert main(["check", str(generated / "big" / "many-headings"), "-q"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_deeply_nested_list_is_refused_at_its_fourth_level(generated):
    # Refused with its line, never read with text silently lost: the reader stops at the fourth level.
    case = generated / "big" / "deeply-nested-list"
    assert make_generated.NESTED_LIST_DEPTH > 3
    assert reader_lines(case) == [
        "en.md:13: a list nested more than 3 levels deep; flatten it: large print allows 3 levels of lists"]


def test_a_list_three_levels_deep_is_read_whole(tmp_path):
    path = tmp_path / "en.md"
    items = "".join("  " * depth + f"- level {depth}\n" for depth in range(3))
    path.write_text(make_generated.HEAD + items + "\nAfter the list.\n", encoding="utf-8")
    texts = block_texts(read_guide(path))
    assert {"level 0", "level 1", "level 2", "After the list."} <= texts
