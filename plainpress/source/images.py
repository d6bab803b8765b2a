"""An image named in a source must be a real picture file inside the guide's folder."""
from __future__ import annotations

import re
from pathlib import Path

from .problems import Problems

IMAGE_TYPES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024


def read_image_file(folder: Path, src: str, line: int, problems: Problems) -> bytes:
    """The picture's bytes, read once here so that no renderer reads the guide's folder; b"" when bad."""
    before = len(problems.found)
    check_image_file(folder, src, line, problems)
    return (folder / src).read_bytes() if len(problems.found) == before else b""


def check_image_file(folder: Path, src: str, line: int, problems: Problems) -> None:
    folder = folder.resolve()
    target = (folder / src).resolve()
    suffix = Path(src).suffix.lower()
    beside = "copy the picture into the guide's folder and give its name"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith(("/", "\\")):
        problems.add(line, f"the image `{src}` is not a file beside the guide", beside)
    elif not target.is_relative_to(folder):
        problems.add(line, f"the image `{src}` is outside the guide's folder", beside)
    elif suffix not in IMAGE_TYPES:
        problems.add(line, f"the image `{src}` is not a PNG, JPEG or GIF", "save it as PNG or JPEG")
    elif not target.is_file():
        problems.add(line, f"the image file `{src}` does not exist",
                     "check the file name, or put the picture beside the source file")
    elif target.stat().st_size > MAX_IMAGE_BYTES:
        problems.add(line, f"the image `{src}` is larger than 10 MB", "save a smaller copy of it")
    elif not readable_image(target, IMAGE_TYPES[suffix]):
        problems.add(line, f"the file `{src}` is not a readable {IMAGE_TYPES[suffix]} image",
                     "save it again as a picture")


def readable_image(path: Path, kind: str) -> bool:
    """Decoded whole, so that a truncated or mislabelled file is caught here, with its line."""
    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(path) as image:
            image.load()
            return image.format == kind
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
