"""A document -> pandoc's JSON AST, by the pandoc that the `pypandoc-binary` wheel carries.

Pandoc reads all four kinds a clinic has (DOCX, ODT, HTML, Markdown) into one small tree; the adapter
maps that tree onto our model. `--sandbox` keeps pandoc from reading any other file or the network
(an HTML page's pictures are read by us, through the guards, never fetched); `--track-changes=all`
shows comments and tracked changes, which the import reports or refuses.
"""
from __future__ import annotations

import json
from pathlib import Path

READERS = {".docx": "docx+styles", ".odt": "odt", ".html": "html", ".htm": "html",
           # Markdown: pandoc's own flavour, without curly quotes, raw HTML (shown as text, as our reader
           # does) or a YAML block (the front matter is read by us, with safe YAML)
           ".md": "markdown-smart-raw_html-yaml_metadata_block", ".markdown": "markdown-smart-raw_html-yaml_metadata_block"}
ARGS = ["--sandbox", "--track-changes=all"]
TIMEOUT = 120  # seconds: a handout takes well under one


class EngineError(Exception):
    """Pandoc could not read the document: the message says so in one line."""


def pandoc_ast(path: Path, text: str | None = None) -> dict:
    """The document's AST; `text` is Markdown or HTML already read (and prepared) by us."""
    import pypandoc  # imported when used: `plainpress build` never needs it
    reader = READERS[path.suffix.lower()]
    try:
        if text is not None:
            out = pypandoc.convert_text(text, "json", format=reader, extra_args=ARGS, sandbox=False)
        else:
            out = pypandoc.convert_file(str(path), "json", format=reader, extra_args=ARGS, sandbox=False)
    except (RuntimeError, OSError) as err:
        first = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
        raise EngineError(f"pandoc could not read it ({first})") from None
    return json.loads(out)
