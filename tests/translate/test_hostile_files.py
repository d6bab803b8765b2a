"""Hostile XLIFF and PO files are refused before they can do harm, each with one line that says why."""
from __future__ import annotations

import pytest

from conftest import SAMPLE
from plainpress.source import read_guide
from plainpress.translate.po import read_po
from plainpress.translate.xliff import read_xliff
from plainpress.untrusted import MAX_FILE_BYTES, UntrustedFileError

LAUGHS = b"".join([b'<!ENTITY lol "lol">'] + [
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'.encode() for n in range(1, 10)])
UNSAFE = ("declares a DOCTYPE or entities, which documents never need; this file is not safe to open; "
          "ask for it to be saved again")
XLIFF_CASES = {
    "external entity": (b'<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                        b'<xliff version="1.2">&e;</xliff>', UNSAFE),
    "entity expansion": b'<?xml version="1.0"?><!DOCTYPE xliff [' + LAUGHS + b']><xliff>&lol9;</xliff>',
    "entity expansion behind padding": b'<?xml version="1.0"?>' + b"\n" * 70_000 + b"<!DOCTYPE xliff ["
                                       + LAUGHS + b"]><xliff>&lol9;</xliff>",
    "an entity never declared": (b"<xliff>&lol9;</xliff>", "is not well-formed XML (Entity 'lol9' not defined, "
                                 "line 1, column 14); open it and save it again in the program that made it"),
    "not XML": (b"PK\x03\x04 a zip", "is not XML; open it and save it again in the program that made it"),
}
PO_CASES = {
    "binary junk": (bytes(range(256)) * 4, "the file holds binary data, so it is not a PO file; "
                                           "export the translation again as a PO file"),
    "not UTF-8": ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "Señal"\n'
                  'msgstr "Señal"\n'.encode("latin-1"),
                  "the file is not UTF-8 text (byte 0xf1 at offset 78); save it again as UTF-8"),
    "not PO": (b"<html>\n<body>\n", "not a PO file (Syntax error in po file (line 1)); open it in the "
                                    "translation tool and save it again as PO"),
    "a file name for polib": (b"/etc/passwd", "not a PO file (Syntax error in po file (line 1)); open it in the "
                                              "translation tool and save it again as PO"),
}


@pytest.fixture(scope="module")
def sample():
    return read_guide(SAMPLE)


def refusal(reader, path, guide) -> str:
    with pytest.raises(UntrustedFileError) as refused:
        reader(path, guide)
    assert "\n" not in str(refused.value)
    return str(refused.value)


@pytest.mark.parametrize("case", XLIFF_CASES)
def test_a_hostile_xliff_file_is_refused_in_one_line(sample, tmp_path, case):
    data, error = XLIFF_CASES[case] if isinstance(XLIFF_CASES[case], tuple) else (XLIFF_CASES[case], UNSAFE)
    path = tmp_path / "es.xlf"
    path.write_bytes(data)
    assert refusal(read_xliff, path, sample) == f"{path}: {error}"


@pytest.mark.parametrize("case", PO_CASES)
def test_a_hostile_po_file_is_refused_in_one_line(sample, tmp_path, case):
    data, error = PO_CASES[case]
    path = tmp_path / "es.po"
    path.write_bytes(data)
    assert refusal(read_po, path, sample) == f"{path}: {error}"


@pytest.mark.parametrize("reader, name", [(read_xliff, "es.xlf"), (read_po, "es.po")])
def test_an_oversize_file_is_refused_before_it_is_read(sample, tmp_path, reader, name):
    path = tmp_path / name
    with path.open("wb") as f:  # sparse: no 50 MB written to disk
        f.truncate(MAX_FILE_BYTES + 1)
    assert refusal(reader, path, sample) == (f"{path}: the file is larger than 50 MB; "
                                             "save it again without embedded media, or split it")


def test_a_document_part_without_a_body_maps_no_paragraph():
    from types import SimpleNamespace

    from lxml import etree

    from plainpress.ooxml.body import body_paragraphs
    document = etree.fromstring(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    assert body_paragraphs(SimpleNamespace(document=document), "_pp") == []
