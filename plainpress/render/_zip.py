"""Zip packages (DOCX, EPUB) with fixed entry times and order, so the same guide gives the same bytes."""
from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def repack(data: bytes, first: str | None = None, edit=None) -> bytes:
    """The same package with every entry's time fixed, `first` stored first and uncompressed (EPUB's
    mimetype), and `edit(name, bytes) -> bytes` applied to each entry if given."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    return pack([(name, edit(name, content) if edit else content) for name, content in entries], first)


def pack(entries: list[tuple[str, bytes]], first: str | None = None) -> bytes:
    """A package of these (name, bytes) entries, in their order but `first`, with every entry's time fixed."""
    entries = sorted(entries, key=lambda e: e[0] != first)  # stable: keeps the writer's order otherwise
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in entries:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == first else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()
