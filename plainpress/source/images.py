"""A picture named in a source (or a theme's logo) must be a real picture file inside its folder."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problems

IMAGE_TYPES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Where:
    """Where the pictures of one kind of file must be, in the words its messages use."""
    folder: str = "the guide's folder"
    inside: str = "beside the guide"
    beside: str = "the source file"
    types: dict[str, str] = field(default_factory=lambda: IMAGE_TYPES)

    def kinds(self) -> str:
        names = list(dict.fromkeys(self.types.values()))
        return ", ".join(names[:-1]) + " or " + names[-1]


GUIDE = Where()


def read_image_file(folder: Path, src: str, line: int, problems: Problems, where: Where = GUIDE) -> bytes:
    """The picture's bytes, read once here so that no renderer reads the guide's folder; b"" when bad."""
    before = len(problems.found)
    check_image_file(folder, src, line, problems, where)
    return (folder / src).read_bytes() if len(problems.found) == before else b""


def check_image_file(folder: Path, src: str, line: int, problems: Problems, where: Where = GUIDE) -> None:
    folder = folder.resolve()
    target = (folder / src).resolve()
    suffix = Path(src).suffix.lower()
    copy = f"copy the picture into {where.folder} and give its name"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith(("/", "\\")):
        problems.add(line, f"the image `{src}` is not a file {where.inside}", copy)
    elif not target.is_relative_to(folder):
        problems.add(line, f"the image `{src}` is outside {where.folder}", copy)
    elif suffix not in where.types:
        problems.add(line, f"the image `{src}` is not a {where.kinds()}", "save it as PNG or JPEG")
    elif not target.is_file():
        problems.add(line, f"the image file `{src}` does not exist",
                     f"check the file name, or put the picture beside {where.beside}")
    elif target.stat().st_size > MAX_IMAGE_BYTES:
        problems.add(line, f"the image `{src}` is larger than 10 MB", "save a smaller copy of it")
    elif not readable_image(target, where.types[suffix]):
        problems.add(line, f"the file `{src}` is not a readable {where.types[suffix]} image",
                     "save it again as a picture")


def readable_image(path: Path, kind: str) -> bool:
    """Decoded whole, so that a truncated or mislabelled file is caught here, with its line."""
    from PIL import Image, ImageFile, UnidentifiedImageError
    # WeasyPrint, once imported, lets Pillow load truncated files for the whole process: not here.
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with Image.open(path) as image:
            image.load()
            return image.format == kind
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
