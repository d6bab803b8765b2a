"""WeasyPrint, loaded without `ctypes.util.find_library`. Its cffi asks find_library for each library
name it tries first (`libgobject-2.0-0`, ...), and on Linux that runs ldconfig and gcc in child
processes: a quarter of a second of CPU in every process that renders a PDF. The names it tries next
(`libgobject-2.0.so.0`) open directly, and the outputs are the same bytes (tests/build/test_golden.py)."""
from __future__ import annotations

import ctypes.util
import sys


def load() -> None:
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        return
    find = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint  # noqa: F401 - loaded here, once, for the renderer's own imports
    finally:
        ctypes.util.find_library = find


load()
