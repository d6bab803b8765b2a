"""Hostile files are refused before any parser sees them, each with one line that says why and what to do,
and nothing else happens: no XML is parsed for a bad package, nothing is written.

Through the DOCX import (the first importer), so that the guards are tested where they stand guard; the
XML guard is also tested alone, for the importers of XLIFF and PO.
"""
from __future__ import annotations

import io
import zipfile

import pytest

from conftest import SAMPLE
from plainpress import untrusted
from plainpress.source import read_guide
from plainpress.ooxml import package as docx_package
from plainpress.translate.docx_export import export_docx
from plainpress.translate.docx_import import read_docx
from plainpress.untrusted import UntrustedFileError, parse_xml

NOT_SAFE = "this is not a document plainpress can open safely"
XML_HINT = "this file is not safe to open; ask for it to be saved again"


@pytest.fixture(scope="module")
def source():
    return read_guide(SAMPLE)


@pytest.fixture(scope="module")
def exported(source) -> bytes:
    return export_docx(source, "es")


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The parts the import parsed as XML, in order."""
    seen = []

    def counting(data, path, part=""):
        seen.append(part)
        return parse_xml(data, path, part)
    monkeypatch.setattr(docx_package, "parse_xml", counting)
    return seen


def refused(tmp_path, name: str, data: bytes, source) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    before = sorted(tmp_path.iterdir())
    with pytest.raises(UntrustedFileError) as caught:
        read_docx(path, source)
    assert sorted(tmp_path.iterdir()) == before, "nothing is written"
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    return message.removeprefix(f"{path}: ")


def zipped(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def members(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_not_a_zip(tmp_path, source, parsed):
    assert refused(tmp_path, "t.docx", b"Dear translator, here it is.", source) == (
        "not a DOCX or ODT file (not a ZIP package); open it in Word or LibreOffice and save it as .docx")
    assert parsed == []


def test_an_encrypted_office_file(tmp_path, source, parsed):
    assert refused(tmp_path, "t.docx", untrusted.OLE_MAGIC + bytes(504), source) == (
        "the file is encrypted or in the old .doc format; remove the password (or save as .docx) in Word or "
        "LibreOffice, then try again")
    assert parsed == []


def test_a_docm_and_a_macro_part(tmp_path, source, exported, parsed):
    assert refused(tmp_path, "t.docm", exported, source) == (
        "a macro-enabled document; save it as a plain .docx (without macros)")
    with_macros = zipped({**members(exported), "word/vbaProject.bin": b"\x00" * 64})
    assert refused(tmp_path, "t.docx", with_macros, source) == (
        "the document holds macros (vbaProject.bin); save it as a plain .docx (without macros)")
    assert parsed == []


def test_an_encrypted_zip(tmp_path, source, exported, parsed):
    data = bytearray(exported)
    directory = data.index(b"PK\x01\x02")  # the first entry of the central directory: its flags at +8
    data[directory + 8] |= 0x1
    assert refused(tmp_path, "t.docx", bytes(data), source) == (
        "the package is encrypted; remove the password and save it again")
    assert parsed == []


def test_a_zip_bomb_by_its_declared_sizes(tmp_path, source, exported, parsed, monkeypatch):
    bomb = zipped({**members(exported), "word/media/image9.png": bytes(20 * 2**20)})
    info = zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/media/image9.png")
    assert refused(tmp_path, "t.docx", bomb, source) == (
        f"`word/media/image9.png` unpacks {info.file_size // info.compress_size} times larger than it is packed "
        f"(a ZIP bomb); {NOT_SAFE}")
    monkeypatch.setattr(untrusted, "MAX_UNPACKED_BYTES", 2**20)
    big = zipped({**members(exported), "word/media/image9.png": bytes(2 * 2**20)}, zipfile.ZIP_STORED)
    assert refused(tmp_path, "t.docx", big, source) == (
        "the package unpacks to 2 MB (more than 1 MB); save it again without embedded media, or split it")
    assert parsed == []


def test_too_many_members(tmp_path, source, exported, parsed):
    many = zipped({**members(exported), **{f"word/media/x{i}.png": b"" for i in range(untrusted.MAX_MEMBERS)}})
    assert refused(tmp_path, "t.docx", many, source) == (
        f"the package holds {untrusted.MAX_MEMBERS + 19} parts (more than {untrusted.MAX_MEMBERS}); {NOT_SAFE}")
    assert parsed == []


@pytest.mark.parametrize("name", ["../../evil.xml", "/etc/evil.xml", "word\\..\\..\\evil.xml", "C:/evil.xml"])
def test_a_member_named_outside_the_package(tmp_path, source, exported, parsed, name):
    data = zipped({**members(exported), name: b"<x/>"})
    assert refused(tmp_path, "t.docx", data, source) == (
        f"the package names a part outside itself (`{name}`); {NOT_SAFE}")
    assert parsed == []


def test_a_file_over_the_size_limit(tmp_path, source, exported, parsed, monkeypatch):
    monkeypatch.setattr(untrusted, "MAX_FILE_BYTES", 2**20)
    data = zipped({**members(exported), "word/media/image9.png": bytes(2**20)}, zipfile.ZIP_STORED)
    assert refused(tmp_path, "t.docx", data, source) == (
        "the file is larger than 1 MB; save it again without embedded media, or split it")
    assert parsed == []


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&x;</w:t></w:r></w:p></w:body></w:document>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_a_doctype_or_entities_in_document_xml(tmp_path, source, exported, parsed, xml):
    data = zipped({**members(exported), "word/document.xml": xml})
    assert refused(tmp_path, "t.docx", data, source) == (
        f"`word/document.xml` declares a DOCTYPE or entities, which documents never need; {XML_HINT}")
    assert parsed[-1] == "word/document.xml", "refused when it is parsed, and nothing after it"


def test_a_zip_that_is_no_docx(tmp_path, source, parsed):
    assert refused(tmp_path, "t.docx", zipped({"mimetype": b"application/epub+zip"}), source) == (
        "not a DOCX file (it has no main document); open it in Word or LibreOffice and save it as .docx")


@pytest.mark.parametrize("xml", [XXE, LAUGHS, b'<!doctype x SYSTEM "http://example.org/x.dtd"><x/>',
                                 b"\xef\xbb\xbf  <!DOCTYPE x><x/>"], ids=["xxe", "laughs", "dtd", "bom"])
def test_the_xml_guard_alone_refuses_any_doctype(tmp_path, xml):
    with pytest.raises(UntrustedFileError) as caught:
        parse_xml(xml, tmp_path / "t.xlf", "t.xlf")
    assert str(caught.value) == (f"{tmp_path / 't.xlf'}: `t.xlf` declares a DOCTYPE or entities, which documents "
                                 f"never need; {XML_HINT}")


def test_the_xml_guard_says_what_is_not_xml(tmp_path):
    with pytest.raises(UntrustedFileError, match=r"`t\.po` is not XML; open it and save it again"):
        parse_xml(b'msgid ""', tmp_path / "t.po", "t.po")
    with pytest.raises(UntrustedFileError, match=r"`t\.xlf` is not well-formed XML \(.+\); open it"):
        parse_xml(b"<xliff><file></xliff>", tmp_path / "t.xlf", "t.xlf")
