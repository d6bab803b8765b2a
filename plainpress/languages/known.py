"""What a build would otherwise ask of the system every time, kept in the user's cache under a key
that changes when the answer may: fontconfig's list of faces (its configuration files and the
mtimes of the font folders) and each face's cmap (the font file's path, size and mtime).
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
from pathlib import Path

FORMAT = 1   # of the kept files; a change makes new ones

# Where fontconfig looks for fonts by default (fonts.conf's <dir>s on Linux, and macOS's folders); a
# font added, removed or replaced changes the mtime of the folder it is in.
FONT_ROOTS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
              "/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts")
CONFIG = ("/etc/fonts/fonts.conf", "/etc/fonts/conf.d", "/etc/fonts/local.conf", "~/.config/fontconfig",
          "~/.config/fontconfig/fonts.conf")


def kept(name: str, key: str, suffix: str) -> Path | None:
    """Where the answer for `key` is kept in the user's cache folder `name` (None: no cache)."""
    from ..files import user_cache
    folder = user_cache(name)
    return folder / f"{hashlib.sha256(repr((FORMAT, key)).encode()).hexdigest()}{suffix}" if folder else None


def file_key(path: Path, index: int, *packages: str) -> str:
    """A font file as a key: its path, face number, size and mtime, and the packages that read it."""
    from ..versions import package_versions
    stat = path.stat()
    return repr((str(path), index, stat.st_size, stat.st_mtime_ns, package_versions(packages)))


def fontconfig_key(environ=os.environ) -> str:
    """What fc-list's answer depends on: fontconfig's environment, its configuration files, and every
    folder under the font folders (a new font package adds one; a new or replaced file changes one)."""
    parts = [environ.get(name, "") for name in ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "XDG_DATA_HOME",
                                                  "XDG_CONFIG_HOME", "HOME")]
    parts += [stamp(Path(p).expanduser()) for p in CONFIG]
    data_home = environ.get("XDG_DATA_HOME")
    for root in FONT_ROOTS + ((f"{data_home}/fonts",) if data_home else ()):
        for folder, _dirs, _files in os.walk(Path(root).expanduser()):
            parts.append(stamp(Path(folder)))
    return repr(parts)


def stamp(path: Path) -> tuple:
    try:
        stat = path.stat()
    except OSError:
        return (str(path),)
    return (str(path), stat.st_size, stat.st_mtime_ns)


def load_json(path: Path | None):
    try:
        return json.loads(path.read_bytes()) if path else None
    except (OSError, ValueError):
        return None


def load_marshal(path: Path | None):
    try:
        return marshal.loads(path.read_bytes()) if path else None
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(path: Path | None, data: bytes) -> bool:
    """Best effort: a cache that cannot be written only costs the next build its time."""
    from ..files import keep
    return path is not None and keep(path, data)
