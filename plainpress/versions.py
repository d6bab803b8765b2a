"""What a validator's result depends on besides plainpress's own code: the versions of the packages and
programs it runs, read without loading them (asking LibreOffice or Java for their version costs seconds)."""
from __future__ import annotations

import os
import re
import sys
from functools import lru_cache


def package_versions(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{name} {installed_versions().get(normal(name), 'missing')}" for name in names)


@lru_cache(maxsize=1)
def installed_versions() -> dict[str, str]:
    """Installed distributions and their versions, from the names of their `.dist-info` folders:
    what importlib.metadata reads, without the fiftieth of a second it takes to load."""
    found = {}
    for folder in reversed(sys.path):  # the first on the path wins, as for imports
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith(".dist-info") and "-" in entry.name:
                    name, version = entry.name[:-len(".dist-info")].split("-", 1)
                    found[normal(name)] = version
    return found


def normal(name: str) -> str:
    """A distribution's name as its folder spells it (PEP 503, with underscores)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def program_version(path: str | None) -> str:
    """A program by its installed file: an upgrade replaces it, and with it its size or time."""
    if path is None:
        return "missing"
    real = os.path.realpath(path)
    try:
        stat = os.stat(real)
    except OSError:
        return f"{real} missing"
    return f"{real} {stat.st_size} {stat.st_mtime_ns}"
