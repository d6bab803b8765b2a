"""A translator's round trip through real LibreOffice Writer: it opens the exported DOCX, the translation
is typed over every text portion (through the UNO API, `libreoffice_edit.py`, run by the system Python
that has python3-uno), it saves as DOCX, and the import brings every unit back with its new words; a
split, a merge, a deleted and an added paragraph are each reported exactly.

One LibreOffice per module, listening on a pipe of its own, stopped at the end.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from conftest import ALS, SAMPLE, require_tool
from plainpress import model as m
from plainpress.languages import catalog
from plainpress.source import read_guide
from plainpress.translate.docx_export import export_docx
from plainpress.translate.docx_import import read_docx
from plainpress.translate.labels import label_units
from plainpress.translate.returned import TranslationImportError
from plainpress.translate.units import translated, units
from plainpress.validate.libreoffice import soffice

pytestmark = pytest.mark.slow

SYSTEM_PYTHON = "/usr/bin/python3"   # Debian's, with python3-uno; the venv cannot import uno
EDIT = Path(__file__).with_name("libreoffice_edit.py")


def uno_available() -> bool:
    return Path(SYSTEM_PYTHON).is_file() and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


class Writer:
    """LibreOffice Writer, headless, listening on a pipe."""

    def __init__(self, pipe: str, folder: Path):
        self.pipe, self.folder, self.count = pipe, folder, 0

    def edit(self, docx: bytes, edits: list[dict]) -> Path:
        """The DOCX after the edits, saved by LibreOffice as DOCX ("MS Word 2007 XML")."""
        self.count += 1
        given, saved = self.folder / f"given-{self.count}.docx", self.folder / f"saved-{self.count}.docx"
        given.write_bytes(docx)
        done = subprocess.run([SYSTEM_PYTHON, str(EDIT), self.pipe, str(given), str(saved), json.dumps(edits)],
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0 and saved.is_file(), done.stderr[-2000:]
        return saved


@pytest.fixture(scope="module")
def writer(tmp_path_factory):
    require_tool(soffice() is not None, "LibreOffice (soffice)")
    require_tool(uno_available(), "python3-uno (LibreOffice's Python bridge, for /usr/bin/python3)")
    folder = tmp_path_factory.mktemp("writer")
    pipe = f"plainpress_test_{os.getpid()}"
    process = subprocess.Popen(
        [soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--invisible",
         "--norestore", "--nologo", "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "HOME": str(folder)})
    try:
        yield Writer(pipe, folder)
    finally:  # its own session: soffice.bin goes with the launcher
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def prefixed(content: tuple[m.Inline, ...], prefix: str) -> tuple[m.Inline, ...]:
    """The content with `prefix` typed before the words of each run: what `overtype` does."""
    return tuple(m.Text(prefix + x.text) if isinstance(x, m.Text)
                 else type(x)(*[prefixed(v, prefix) if isinstance(v, tuple) else v for v in vars(x).values()])
                 for x in content)


@pytest.mark.parametrize("path", [SAMPLE, ALS], ids=lambda p: p.parent.name)
def test_a_translation_typed_over_in_libreoffice_comes_back_whole(writer, path):
    source = read_guide(path)
    saved = writer.edit(export_docx(source, "es"), [{"do": "overtype", "prefix": "ES "}])
    returned = read_docx(saved, source)
    assert returned.texts == {u.id: prefixed(u.content, "ES ") for u in units(source)}
    assert returned.header.target_lang == "es"
    # the words plainpress writes itself (the review date, the catalog's call-out titles) were typed over
    # too: each is said, none is used
    assert returned.mismatches and all(not x.fatal and x.message.endswith("so what was typed here is not used")
                                       for x in returned.mismatches)
    assert translated(source, "es", returned.texts).meta.title == f"ES {source.meta.title}"


@pytest.mark.parametrize("lang", ["ar", "zh-Hans"])
def test_a_translation_with_its_labels_comes_back_from_libreoffice(writer, lang, monkeypatch, tmp_path):
    monkeypatch.setattr(catalog, "LOCALES", tmp_path)   # no catalog: every label the guide prints is a unit
    source = read_guide(SAMPLE)
    prefix = {"ar": "ع ", "zh-Hans": "中 "}[lang]
    saved = writer.edit(export_docx(source, lang), [{"do": "overtype", "prefix": prefix}])
    returned = read_docx(saved, source)
    expected = {**{u.id: prefixed(u.content, prefix) for u in units(source)},
                **{u.id: (m.Text(prefix + u.text),) for u in label_units(source, lang)}}
    # Measured (LibreOffice 7.4): Han or Arabic letters typed at the start of a link's words go into the
    # link, and the link's own words fall out of it (the DOCX says so, and the import reads it as it is)
    link = "your-medicines-13"
    assert m.link_addresses(returned.texts.pop(link)) == m.link_addresses(expected.pop(link))
    assert returned.texts == expected
    assert "label:page" in returned.texts and not [x for x in returned.mismatches if x.fatal]


def test_a_split_a_merge_a_deleted_and_an_added_paragraph_are_each_said(writer):
    source = read_guide(SAMPLE)
    saved = writer.edit(export_docx(source, "es"), [
        {"do": "split", "before": "Say buenos"},
        {"do": "merge", "find": "Wash your hands"},
        {"do": "delete", "find": "Do not take two pills"},
        {"do": "add", "after": "When to take them", "text": "Some words of my own.", "style": "Standard"},
        {"do": "overtype", "prefix": "ES "}])
    with pytest.raises(TranslationImportError) as caught:
        read_docx(saved, source)
    assert str(caught.value).splitlines() == [f"{saved}: {line}" for line in [
        "paragraph 9 (“ES Take one pill in the morning.”): one paragraph of the exported file is split here into "
        "paragraphs 9 to 10; join them again into one paragraph",
        "paragraph 11 (“ES Wash your hands.ES Open the box.”): the words of 2 paragraphs of the exported file are in "
        "this one; split them again, one paragraph each as in the exported file",
        "after paragraph 13 (“Do not take two pills at once.”): a paragraph of the exported file is missing here; "
        "put it back from the exported file, and translate it",
        "paragraph 18 (“ES Some words of my own.”): this paragraph is not in the exported file; delete it, or "
        "move its words into the paragraph they belong to"]]


def test_a_paragraph_typed_anew_in_libreoffice_keeps_its_mark(writer):
    """Measured: LibreOffice keeps a bookmark spanning the paragraph when its whole text is replaced."""
    source = read_guide(SAMPLE)
    saved = writer.edit(export_docx(source, "es"), [{"do": "retype", "find": "Open the box", "text": "Abra la caja."}])
    returned = read_docx(saved, source)
    assert returned.texts["your-medicines-4"] == (m.Text("Abra la caja."),) and returned.mismatches == []
