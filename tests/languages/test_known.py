"""plainpress/languages/known.py, through languages/fonts.py: a face's cmap and fontconfig's list of
faces are kept in the user's cache, and asked again when the font file or the font folders change."""
from __future__ import annotations

import marshal
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from plainpress.languages import fonts, known

LISTING = ("Noto Sans,Noto Sans Display\tRegular,Normal\t/fonts/NotoSans-Regular.ttf\t0\n"
           "Noto Sans\tBold\t/fonts/NotoSans-Bold.ttf\t0\n"
           "Noto Sans\tItalic\t/fonts/NotoSans-Italic.ttf\t0\n"
           "Noto Sans CJK SC\tBold\t/fonts/NotoSansCJK-Bold.ttc\t2\n"
           "Noto Sans\tRegular\t/other/NotoSans-Regular.ttf\t0\n")


SYSTEM_FACES, CMAP = fonts.system_faces, fonts.cmap   # the process's own, whatever a test puts in their place


@pytest.fixture(autouse=True)
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    SYSTEM_FACES.cache_clear()
    CMAP.cache_clear()
    yield
    SYSTEM_FACES.cache_clear()
    CMAP.cache_clear()


@pytest.fixture
def font_folder(tmp_path, monkeypatch) -> SimpleNamespace:
    """fontconfig's only font folder and configuration file, and an fc-list that counts its calls."""
    folder = tmp_path / "fonts"
    (folder / "noto").mkdir(parents=True)
    conf = tmp_path / "fonts.conf"
    conf.write_text("<fontconfig/>")
    monkeypatch.setattr(known, "FONT_ROOTS", (str(folder),))
    monkeypatch.setattr(known, "CONFIG", (str(conf),))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    calls = []
    monkeypatch.setattr(fonts, "fc_list", lambda: calls.append(1) or LISTING)
    return SimpleNamespace(path=folder, calls=calls)


def test_fc_list_s_lines_give_each_family_s_regular_and_bold_face_first_listed():
    assert fonts.faces_listed(LISTING) == [
        ["Noto Sans", "normal", "/fonts/NotoSans-Regular.ttf", 0],
        ["Noto Sans Display", "normal", "/fonts/NotoSans-Regular.ttf", 0],
        ["Noto Sans", "bold", "/fonts/NotoSans-Bold.ttf", 0],
        ["Noto Sans CJK SC", "bold", "/fonts/NotoSansCJK-Bold.ttc", 2]]


def test_fontconfig_s_list_is_kept_until_a_font_folder_changes(font_folder):
    faces = fonts.system_faces()
    assert faces[("Noto Sans CJK SC", "bold")] == fonts.FaceFile("Noto Sans CJK SC", "bold",
                                                                 Path("/fonts/NotoSansCJK-Bold.ttc"), 2)
    fonts.system_faces.cache_clear()
    assert fonts.system_faces() == faces and len(font_folder.calls) == 1   # from the user's cache
    (font_folder.path / "noto" / "NotoSansThai-Regular.ttf").write_bytes(b"")   # a font installed
    os.utime(font_folder.path / "noto", ns=(1, 1))
    fonts.system_faces.cache_clear()
    assert fonts.system_faces() == faces and len(font_folder.calls) == 2


def test_fontconfig_s_list_is_asked_again_when_its_configuration_changes(font_folder, tmp_path):
    fonts.system_faces()
    (tmp_path / "fonts.conf").write_text("<fontconfig><dir>/opt/fonts</dir></fontconfig>")
    fonts.system_faces.cache_clear()
    fonts.system_faces()
    assert len(font_folder.calls) == 2


def test_no_answer_from_fc_list_is_not_kept(font_folder, monkeypatch):
    monkeypatch.setattr(fonts, "fc_list", lambda: font_folder.calls.append(1) or "")
    assert fonts.system_faces() == {}
    fonts.system_faces.cache_clear()
    fonts.system_faces()
    assert len(font_folder.calls) == 2


def test_a_face_s_cmap_is_kept_until_its_file_changes(tmp_path, monkeypatch):
    atkinson = fonts.face_file(fonts.ATKINSON)
    copy = tmp_path / "Atkinson.ttf"
    copy.write_bytes(atkinson.path.read_bytes())
    monkeypatch.setattr(fonts, "face_file", lambda family, weight="normal": fonts.FaceFile(family, weight, copy))
    real = fonts.cmap(fonts.ATKINSON)
    assert ord("a") in real and ord("\u4e00") not in real
    kept = known.kept("cmaps", known.file_key(copy, 0, "fonttools"), ".marshal")
    assert marshal.loads(kept.read_bytes()) == real
    kept.write_bytes(marshal.dumps(frozenset({65, 66})))   # what the cache says is what is used
    fonts.cmap.cache_clear()
    assert fonts.cmap(fonts.ATKINSON) == {65, 66}
    os.utime(copy, ns=(1, 1))                                # the font file replaced
    fonts.cmap.cache_clear()
    assert fonts.cmap(fonts.ATKINSON) == real


def test_a_face_not_installed_draws_nothing(monkeypatch):
    monkeypatch.setattr(fonts, "system_faces", lambda: {})
    assert fonts.cmap("Noto Sans Thai") == frozenset()
