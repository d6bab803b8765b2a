"""Where a writer's headings start. Our own sources put the title in `title:` and sections at `##`;
many writers (and every Word-to-Markdown converter) open with `# Title` and start sections at `#`.
Both are read into the same levels: the title is level 1, sections are level 2."""
from __future__ import annotations

from markdown_it.tree import SyntaxTreeNode


def same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def leading_title(nodes: list[SyntaxTreeNode]) -> str | None:
    """The words of a `#` heading that opens the body, or None."""
    first = nodes[0] if nodes else None
    if first is not None and first.type == "heading" and first.tag == "h1":
        return " ".join(_words(first).split())
    return None


def level_shift(nodes: list[SyntaxTreeNode]) -> int:
    """1 when the body's sections are `#` headings (after the title, if it opens the body), else 0."""
    return int(any(n.type == "heading" and n.tag == "h1" for n in nodes))


def marks(level: int, shift: int) -> str:
    """How a heading of our `level` is written in this source: `##`, or `#` when sections start there."""
    return "#" * (level - shift)


def heading_hint(shift: int) -> str:
    return "use " + ", ".join(f"`{marks(n, shift)}`" for n in (2, 3)) + f" or `{marks(4, shift)}`"


def _words(node: SyntaxTreeNode) -> str:
    if node.type in ("text", "code_inline"):
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return "".join(_words(child) for child in node.children)

