"""Read a source file (Markdown + YAML front matter) into a Guide: `text` turns bytes into checked
lines, `front_matter` reads the YAML fields, `body` the Markdown."""
from __future__ import annotations

from pathlib import Path

from .. import model as m
from .body import BodyReader, opening_title
from ..languages import is_language_tag
from .front_matter import read_front_matter
from .problems import Problem, Problems, SourceError
from .text import decode, drop_comments, split_front_matter


def check_file_name(path: Path, meta: m.Meta | None, problems: Problems) -> None:
    """Outputs are named by `lang:`; a file named otherwise would overwrite another language's."""
    if meta is not None and is_language_tag(meta.lang) and path.stem.casefold() != meta.lang.casefold():
        problems.add(1, f"the file is named `{path.name}` but its language is `{meta.lang}`",
                     f"name the file `{meta.lang}.md`, or correct `lang:`")


def read_guide(path: Path) -> m.Guide:
    guide, problems = read_source(path)
    if problems:
        raise SourceError(problems)
    return guide


def read_source(path: Path) -> tuple[m.Guide | None, list[Problem]]:
    """The guide as far as it can be read (None when its front matter cannot be), and every problem
    found, by line: what an importer needs to point at the lines a person must still mend."""
    path = Path(path)
    problems = Problems(str(path))
    text = decode(path, problems)
    meta, blocks = None, ()
    if text is not None:
        parts = split_front_matter(text, problems)
        if parts is not None:
            yaml_text, body, offset = parts
            body = drop_comments(body, offset, problems)
            meta = read_front_matter(yaml_text, problems, control_characters=problems.has_control_characters,
                                     body_title=opening_title(body))
            blocks = BodyReader(path, problems, offset, meta.title if meta else "",
                                meta.lang if meta else "en", meta.own_labels if meta else None).read(body)
            check_file_name(path, meta, problems)
    found = sorted(problems.found, key=lambda p: p.loc.line)
    guide = m.Guide(meta=meta, blocks=blocks, path=path, slug=path.parent.name) if meta is not None else None
    return guide, found
