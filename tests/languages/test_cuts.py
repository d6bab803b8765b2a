"""plainpress/languages/cuts.py: a cut made from a kept cut is the cut made from the face itself, byte
for byte (TrueType/OpenType and WOFF2, Latin, Arabic and CJK faces, regular and bold), and so is a
kept TrueType/OpenType cut compressed to WOFF2; a guide's faces are cut once to all it prints and
each output's cut from that."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require_tool
from plainpress.languages import cuts
from plainpress.languages.fonts import ATKINSON, cmap, drawn, face_file

SCRIPTS = Path(__file__).parents[1] / "fixtures" / "good" / "scripts" / "blood-pressure"
FACES = [pytest.param("en", ATKINSON, id="atkinson"),
         pytest.param("ar", "Noto Sans Arabic", id="arabic"),
         pytest.param("zh-Hans", "Noto Sans CJK SC", id="cjk-sc", marks=pytest.mark.slow)]


@pytest.fixture(autouse=True)
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def drawn_chars(lang: str, family: str, weight: str) -> str:
    """The characters of the fixture's handout the face draws, sorted."""
    text = (SCRIPTS / f"{lang}.md").read_text(encoding="utf-8")
    have = cmap(family, weight)
    return "".join(sorted(ch for ch in set(text) if drawn(ch) and ord(ch) in have))


def installed_face(family: str, weight: str):
    face = face_file(family, weight)
    require_tool(face is not None, f"the font {family} ({weight})")
    return face


@pytest.mark.parametrize("weight", ["normal", "bold"])
@pytest.mark.parametrize("lang, family", FACES)
def test_a_cut_of_a_cut_is_the_cut_of_the_face_byte_for_byte(lang, family, weight):
    face = installed_face(family, weight)
    wide = drawn_chars(lang, family, weight)
    narrow = wide[::2]   # half the glyphs of the wide cut, and what shaping adds to them
    assert len(narrow) > 10
    wide_cut = cuts._cut(None, face, wide, None)
    direct = {flavor: cuts._cut(None, face, narrow, flavor) for flavor in (None, "woff2")}
    for flavor in (None, "woff2"):
        assert cuts._cut(wide_cut, face, narrow, flavor) == direct[flavor], flavor
    assert len(direct[None]) < len(wide_cut)
    assert cuts.as_woff2(direct[None]) == direct["woff2"]   # a kept cut re-flavoured


def recording(monkeypatch) -> list[tuple[str, str, str | None]]:
    """Each fontTools cut made: (from "face" or "kept", its characters, its flavor)."""
    made, cut = [], cuts._cut

    def record(source, face, chars, flavor):
        made.append(("kept" if source else "face", chars, flavor))
        return cut(source, face, chars, flavor)
    monkeypatch.setattr(cuts, "_cut", record)
    return made


def test_an_output_cuts_its_face_from_the_guide_s_cut_made_first(monkeypatch):
    face = installed_face(ATKINSON, "normal")
    made = recording(monkeypatch)
    page = cuts.cut(face, "abc", "woff2", wider=lambda: "abcdefgh")
    assert made == [("face", "abcdefgh", None), ("kept", "abc", "woff2")]
    assert page == cuts._cut(None, face, "abc", "woff2")
    made.clear()
    assert cuts.cut(face, "abc", "woff2", wider=lambda: "abcdefgh") == page   # kept by its characters
    book = cuts.cut(face, "bcd", None, wider=lambda: "abcdefgh")              # the guide's cut is kept
    assert made == [("kept", "bcd", None)]
    assert book == cuts._cut(None, face, "bcd", None)


def test_a_kept_cut_saved_as_woff2_is_the_woff2_cut_without_cutting(monkeypatch):
    face = installed_face(ATKINSON, "bold")
    cuts.cut(face, "abcdef", None)
    made = recording(monkeypatch)
    assert cuts.cut(face, "abcdef", "woff2") == cuts._cut(None, face, "abcdef", "woff2")
    assert made == [("face", "abcdef", "woff2")]   # only the comparison's own cut


def test_a_cut_comes_from_the_smallest_kept_cut_that_holds_its_characters(monkeypatch):
    face = installed_face(ATKINSON, "normal")
    for chars in ("abcdefgh", "abcd", "xyz"):
        cuts.cut(face, chars, None)
    assert cuts.smallest_holding(face, "abc") == cuts._kept_path(face, "abcd", None)
    assert cuts.smallest_holding(face, "ax") is None
    cuts.cut(face, "abc", "woff2")          # a WOFF2 cut is no source for others
    assert cuts.smallest_holding(face, "ab") == cuts._kept_path(face, "abcd", None)
    made = recording(monkeypatch)
    cuts.cut(face, "ax", None)
    assert made == [("face", "ax", None)]


def test_a_cut_of_another_face_or_a_changed_file_is_no_source(tmp_path):
    face = installed_face(ATKINSON, "normal")
    cuts.cut(face, "abcd", None)
    assert cuts.smallest_holding(installed_face(ATKINSON, "bold"), "ab") is None
    copy = tmp_path / "Atkinson.ttf"
    copy.write_bytes(face.path.read_bytes())
    moved = type(face)(face.family, face.weight, copy)
    cuts.cut(moved, "abcd", None)
    assert cuts.smallest_holding(moved, "ab") == cuts._kept_path(moved, "abcd", None)
    copy.write_bytes(face.path.read_bytes() + b"\0")   # a new version of the font
    assert cuts.smallest_holding(moved, "ab") is None


@pytest.mark.slow
@pytest.mark.parametrize("flavor", [None, "woff2"])
def test_each_cff_glyph_s_bounds_found_once_are_the_bounds_fonttools_finds(monkeypatch, flavor):
    face = installed_face("Noto Sans CJK SC", "normal")
    chars = drawn_chars("zh-Hans", face.family, "normal")
    once = cuts._cut(None, face, chars, flavor)
    monkeypatch.setattr(cuts, "_bounds_once", lambda font: None)
    assert once == cuts._cut(None, face, chars, flavor)


def test_a_cut_kept_by_another_format_is_neither_served_nor_a_source(monkeypatch):
    face = installed_face(ATKINSON, "normal")
    cuts.cut(face, "abcd", None)
    old = cuts._kept_path(face, "abcd", None)
    monkeypatch.setattr(cuts, "FORMAT", cuts.FORMAT + 1)   # cuts made another way
    assert cuts._kept_path(face, "abcd", None) != old
    assert cuts.smallest_holding(face, "ab") is None
    made = recording(monkeypatch)
    cuts.cut(face, "abcd", None)
    assert made == [("face", "abcd", None)]


def held_files(face) -> tuple[list[str], set[str]]:
    """The face's index (its cuts' characters, most recently used first) and the TrueType cuts kept."""
    index = cuts._held_index(face)
    listed = [chars for _, chars in cuts._listed(index)]
    kept = {path.name for path in index.parent.parent.glob(f"*{face.suffix}")}
    return listed, kept


def test_a_face_lists_its_eight_most_recently_used_cuts_and_keeps_the_rest_unlisted(monkeypatch):
    """The index of sources stays small to read; a cut dropped from it is still an output's font (the
    EPUB of a library's fortieth guide), asked for again by its characters and not cut again."""
    face = installed_face(ATKINSON, "normal")
    assert cuts.HELD == 8
    saves = ["abcdefgh"[:n] + "xyz" for n in range(1, 9)]   # an author adding a letter each save
    for chars in saves:
        cuts.cut(face, chars, None)
    cuts.cut(face, saves[0], None)         # the first save's cut used again: it stays listed
    cuts.cut(face, "abcdefghxyz!", None)   # a ninth: the least recently used is dropped from the list
    listed, kept = held_files(face)
    assert listed == ["abcdefghxyz!", saves[0], *reversed(saves[2:])]
    assert cuts._kept_path(face, saves[1], None).exists()
    made = recording(monkeypatch)
    cuts.cut(face, saves[1], None)         # served as it is kept, not cut again
    assert made == []
    for n in range(20):   # many more saves: the index stays at eight
        cuts.cut(face, f"pq{n:02d}", None)
    listed, kept = held_files(face)
    assert len(listed) == 8
    assert list(cuts._held_index(face).parent.iterdir()) == [cuts._held_index(face)]   # no list a cut


def test_a_source_is_found_from_the_face_s_index_alone(monkeypatch):
    face = installed_face(ATKINSON, "normal")
    for chars in ("abcdefgh", "abcd", "xyz"):
        cuts.cut(face, chars, None)
    read = []
    real = cuts.Path.read_text

    def reading(path, *args, **kwargs):
        read.append(path)
        return real(path, *args, **kwargs)
    monkeypatch.setattr(cuts.Path, "read_text", reading)
    assert cuts.smallest_holding(face, "abc") == cuts._kept_path(face, "abcd", None)
    assert read == [cuts._held_index(face)]


def test_a_source_dropped_by_another_process_meanwhile_is_cut_from_the_face(monkeypatch):
    face = installed_face(ATKINSON, "normal")
    cuts.cut(face, "abcdefgh", None)
    gone = cuts._kept_path(face, "abcdefgh", None)
    monkeypatch.setattr(cuts, "smallest_holding", lambda face, chars: gone.unlink() or gone)
    made = recording(monkeypatch)
    assert cuts.cut(face, "abc", "woff2") == cuts._cut(None, face, "abc", "woff2")
    assert made[0] == ("face", "abc", "woff2")
