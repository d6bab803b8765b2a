"""Guards for files from outside: a text file must be text and UTF-8; XML declares no DOCTYPE anywhere."""
from __future__ import annotations

import pytest

from plainpress.untrusted import UntrustedFileError, parse_xml, read_text


def test_a_text_file_is_read_as_utf8_without_its_byte_order_mark(tmp_path):
    path = tmp_path / "es.po"
    path.write_bytes("\ufeffmsgid \"Señal\"\n".encode("utf-8"))
    assert read_text(path, "PO file") == 'msgid "Señal"\n'


@pytest.mark.parametrize("data, error", [
    (b"msgid \"x\"\x00\x01",
     "the file holds binary data, so it is not a PO file; export the translation again as a PO file"),
    ("msgid \"Se\u00f1al\"".encode("latin-1"),
     "the file is not UTF-8 text (byte 0xf1 at offset 9); save it again as UTF-8"),
])
def test_binary_or_another_encoding_is_refused_in_one_line(tmp_path, data, error):
    path = tmp_path / "es.po"
    path.write_bytes(data)
    with pytest.raises(UntrustedFileError) as refused:
        read_text(path, "PO file")
    assert str(refused.value) == f"{path}: {error}"


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?>' + b" " * 70_000 + b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "y">]><x>&e;</x>'.encode("utf-16"),
], ids=["behind 64 KB of padding", "in UTF-16"])
def test_a_doctype_is_refused_wherever_it_hides(tmp_path, data):
    with pytest.raises(UntrustedFileError) as refused:
        parse_xml(data, tmp_path / "es.xlf")
    assert str(refused.value) == (f"{tmp_path / 'es.xlf'}: declares a DOCTYPE or entities, which documents never need; "
                                  "this file is not safe to open; ask for it to be saved again")
