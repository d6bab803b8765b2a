"""The document's pictures -> PNG or JPEG files beside the source, named picture-1.png, picture-2.jpg...

A DOCX or ODT holds its pictures (read through the guards); an HTML or Markdown file names files beside
it (read only inside its folder) or carries them as `data:` addresses. Nothing is fetched from the
network. PNG and JPEG are kept as they are; GIF, BMP, TIFF and WebP become PNG; what Pillow cannot read
(EMF, WMF, SVG) is listed, with its alt text, and left out.
"""
from __future__ import annotations

import base64
import binascii
import io
from pathlib import Path
from urllib.parse import unquote

from .. import model as m
from ..ooxml.package import Package
from ..source.images import MAX_IMAGE_BYTES
from .findings import Findings

KEPT = {"PNG": ".png", "JPEG": ".jpg"}


class Pictures:
    def __init__(self, document: Path, package: Package | None, folder: Path, findings: Findings):
        self.document, self.package, self.findings = document, package, findings
        self.folder = folder                # the guide's folder: a picture there already is never replaced
        self.files: dict[str, bytes] = {}   # file name -> bytes, in the order they appear
        self.names: dict[bytes, str] = {}   # the same picture twice is one file

    def image(self, image: m.Image) -> m.Image | None:
        """The Image naming its file beside the source, or None when the picture cannot be had."""
        data = self.original(image)
        if data is None:
            return None
        kept = self.as_png_or_jpeg(data, image)
        if kept is None:
            return None
        name = self.names.get(kept) or self.add(kept)
        if not image.alt.strip():
            self.findings.add(image.id, "alt-text", f"the picture `{name}` has no alt text in the original",
                              f"describe it between the brackets: ![what the picture shows]({name})")
        return m.Image(name, image.alt, image.id, image.loc, kept)

    def add(self, data: bytes) -> str:
        """The next free name: not taken by this import, nor by another picture in the folder (another
        language's import may have put its pictures there)."""
        n = len(self.files) + 1
        while True:
            name = f"picture-{n}{KEPT[_format(data)]}"
            there = self.folder / name
            if name not in self.files and (not there.is_file() or there.read_bytes() == data):
                break
            n += 1
        self.files[name], self.names[data] = data, name
        return name

    def original(self, image: m.Image) -> bytes | None:
        src = image.src
        if src.startswith("data:"):
            return self.data_address(image)
        if "://" in src or src.startswith("//"):
            return self.left_out(image, f"the picture at `{src[:80]}` was not downloaded",
                                 "save the picture beside the source and name it in `![alt](file.png)`")
        if self.package is not None:
            return self.in_package(image)
        folder = self.document.parent.resolve()
        target = (folder / unquote(src)).resolve()
        if not target.is_relative_to(folder) or not target.is_file():
            return self.left_out(image, f"the picture `{src}` is not a file beside the document",
                                 "copy it beside the source and name it in `![alt](file.png)`")
        if target.stat().st_size > MAX_IMAGE_BYTES:
            return self.left_out(image, f"the picture `{src}` is larger than 10 MB", "save a smaller copy of it")
        return target.read_bytes()

    def in_package(self, image: m.Image) -> bytes | None:
        member = self.package.member(image.src)
        if member is None:
            return self.left_out(image, f"the picture `{image.src}` is linked, not held in the document",
                                 "insert the picture itself in the original, or copy it beside the source")
        return self.package.bytes(member, MAX_IMAGE_BYTES)

    def data_address(self, image: m.Image) -> bytes | None:
        head, _, payload = image.src.partition(",")
        try:
            return base64.b64decode(payload, validate=True) if head.endswith(";base64") else unquote(payload).encode()
        except (binascii.Error, ValueError):
            return self.left_out(image, "a picture given as a damaged `data:` address", "save the picture as a file")

    def as_png_or_jpeg(self, data: bytes, image: m.Image) -> bytes | None:
        from PIL import Image, UnidentifiedImageError
        try:
            with Image.open(io.BytesIO(data)) as picture:
                picture.load()
                if picture.format in KEPT:
                    return data
                out = io.BytesIO()
                picture.save(out, "PNG")
                return out.getvalue()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            suffix = Path(image.src).suffix.lower() or "unknown"
            return self.left_out(image, f"a picture in a format plainpress cannot show ({suffix})",
                                 "save it as PNG or JPEG beside the source and add it as ![alt](file.png)")

    def left_out(self, image: m.Image, message: str, hint: str) -> None:
        alt = f" (alt text: \u201c{image.alt}\u201d)" if image.alt.strip() else ""
        self.findings.add(image.id, "picture", message + alt, hint, every=True)
        return None


def _format(data: bytes) -> str:
    return "PNG" if data.startswith(b"\x89PNG") else "JPEG"
