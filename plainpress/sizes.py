"""Sizes in words people write and read: `cache_size = "500MB"` in the settings, "887.0 kB" in the cache's
summary. No imports of plainpress: the settings and the cache both read it."""
from __future__ import annotations

import re

DEFAULT_SIZE = 1000 ** 3  # 1 GB
UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000 ** 2, "mb": 1000 ** 2, "g": 1000 ** 3, "gb": 1000 ** 3,
         "t": 1000 ** 4, "tb": 1000 ** 4, "kib": 1024, "mib": 1024 ** 2, "gib": 1024 ** 3, "tib": 1024 ** 4}


def parse_size(text) -> int:
    """`cache_size`: a number of bytes, or text such as "500MB", "1 GB" or "2GiB"."""
    if isinstance(text, int) and not isinstance(text, bool) and text >= 0:
        return text
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text) if isinstance(text, str) else None
    if found is None or found.group(2).lower() not in UNITS:
        raise ValueError(f"`{text}` is not a size; write a number with a unit, such as \"500MB\" or \"2GB\"")
    return int(float(found.group(1)) * UNITS[found.group(2).lower()])


def count(n: int, what: str = "file") -> str:
    return f"{n} {what}{'s' * (n != 1)}"


def human_size(size: int) -> str:
    for unit, factor in (("GB", 1000 ** 3), ("MB", 1000 ** 2), ("kB", 1000)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"
