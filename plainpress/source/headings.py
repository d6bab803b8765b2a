"""Where a writer's headings start. Our own sources put the title in `title:` and sections at `##`;
many writers (and every Word-to-Markdown converter) open with `# Title` and start sections at `#`.
Both are read into the same levels: the title is level 1, sections are level 2.
Here too: the ids of headings and blocks, shared by the reader and the writer."""
from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from .. import model as m


def same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def leading_title(nodes: list[SyntaxTreeNode]) -> str | None:
    """The words of a `#` heading that opens the body, or None."""
    first = nodes[0] if nodes else None
    if first is not None and first.type == "heading" and first.tag == "h1":
        return " ".join(_words(first).split())
    return None


def level_shift(nodes: list[SyntaxTreeNode]) -> int:
    """1 when the body's sections are `#` headings (after the title, if it opens the body), else 0:
    the first heading says which, so that a `#` among `##` sections is the one reported."""
    first = next((n for n in nodes if n.type == "heading"), None)
    return int(first is not None and first.tag == "h1")


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



# Ids ------------------------------------------------------------------------------------------------
# A heading's id is the slug of its words, or its own ` {#id}` (Pandoc's syntax), which a translation
# keeps so that its section, and so every block id in it, is the same as in the original language.

OWN_ID = re.compile(r"(?:^|[ \t]+)\{#([^{}]*)\}$")   # on the heading's text as typed, so `\{#x}` is text
PLAIN_ID = re.compile(r"[\w-]+")                      # letters (any script), digits, `-` and `_`


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")


def own_id(typed: str) -> str | None:
    """The id a heading gives itself with a trailing ` {#id}`, from its text as typed, or None."""
    found = OWN_ID.search(typed)
    return found.group(1) if found else None


def without_own_id(content: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """A heading's words without the trailing ` {#id}`, which ends its last run of text."""
    if not content or not isinstance(content[-1], m.Text):
        return content
    text = re.sub(r"\s*\{#[^{}]*\}$", "", content[-1].text)
    return content[:-1] + ((m.Text(text),) if text else ())


class Ids:
    """Every id in a guide, made unique in reading order: a heading's own or the slug of its words;
    a block's `<section id>-<counter>`. The reader assigns them; the writer asks what the reader
    would derive, to write ` {#id}` only where a heading's id is not that."""

    def __init__(self):
        self.lines = {"introduction": 0}   # id -> the line that took it; the text before the first section
        self.section, self.counter = "introduction", 0

    def unique(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.lines:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def derived(self, text: str) -> str:
        """The id the reader gives a heading of these words (plain text) that has no id of its own."""
        return self.unique(slug(text) or "section")

    def take(self, id: str, line: int) -> str:
        self.lines[id] = line
        return id

    def heading(self, level: int, id: str, line: int) -> str:
        self.take(id, line)
        if level == 2:
            self.section, self.counter = id, 0
        return id

    def block(self, line: int) -> str:
        self.counter += 1
        return self.take(self.unique(f"{self.section}-{self.counter}"), line)

    def own_id_problem(self, id: str) -> tuple[str, str] | None:
        """(what is wrong, how to fix it) with a heading's own id, or None when it is fine."""
        if not PLAIN_ID.fullmatch(id):
            return (f"`{{#{id}}}` is not a usable heading id",
                    "use only letters, digits, `-` and `_`, as in `{#what-is-als}`, or write `\\{` to show the braces as text")
        if id == "introduction":
            return ("the heading id `introduction` is kept for the text before the first section", "choose another id")
        if id in self.lines:
            return (f"the heading id `{id}` is used twice (also on line {self.lines[id]})", "give each heading its own id")
        return None
