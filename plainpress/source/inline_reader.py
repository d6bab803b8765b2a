"""One run of inline Markdown -> inline content, read exactly as the body's text is read: the inverse
of `inline_writer.write_inlines`, for words that come back from outside (a translated PO entry).

Only inline syntax counts: the text is one unit of a block, so `1. Take` or `# 2` stay words.
"""
from __future__ import annotations

from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from .. import model as m
from .body import BodyReader, markdown
from .problems import Problem, Problems


class _InlineReader(BodyReader):
    def link(self, node) -> m.Link:
        # Addresses are the caller's to judge: a translation may only keep those of its source.
        return m.Link(node.attrs.get("href", ""), self.children(node))


def read_inlines(text: str) -> tuple[tuple[m.Inline, ...], list[Problem]]:
    """The inline content of `text`, and what the reader found wrong in it (a span without a
    language, a picture inside a sentence), each at line 1 of a file named ""."""
    problems = Problems("")
    [inline] = SyntaxTreeNode(markdown().parseInline(text)).children  # one parser, made once
    content = _InlineReader(Path(""), problems, 0).inlines(inline, 1)
    return content, problems.found
