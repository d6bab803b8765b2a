"""Read a source file (Markdown + YAML front matter) into a Guide.

The only package that knows the source syntax. Every problem is collected, and one SourceError lists
them all, each as `file:line: what is wrong; how to fix it`. The Markdown and YAML parsers load on the
first read (`reader.py`), so that a build that finds every output current never loads them.
"""
from __future__ import annotations

from pathlib import Path

from .problems import Problem, SourceError

__all__ = ["read_guide", "read_source", "Problem", "SourceError"]


def read_guide(path: Path):
    """The Guide in a source file; SourceError lists every problem in it."""
    from .reader import read_guide as read  # here: `check` from the cache never loads the parser
    return read(path)


def read_source(path: Path):
    """The guide as far as it can be read, and every problem found (see `reader.read_source`)."""
    from .reader import read_source as read
    return read(path)
