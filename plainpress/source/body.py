"""The Markdown body -> blocks of the model, each with its file, line and a unique, stable id."""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin

from .. import model as m
from ..languages import labels
from ..languages import is_language_tag
from .callouts import closed_for_reading, unclosed_callouts
from .front_matter import tag_meant
from .headings import Ids, heading_hint, leading_title, level_shift, marks, own_id, same_title, without_own_id
from .images import read_image_file
from .problems import Problems

LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")
MAX_BLOCK_CHARS = 20_000   # far beyond any readable paragraph; WeasyPrint takes minutes on megabytes
UNSUPPORTED = {"blockquote": "a quotation block (lines that start with `>`), which plainpress does not print",
               "html_block": "HTML, which plainpress does not print"}
MAX_LIST_DEPTH = 3         # List Bullet 1-3 in Word; deeper lists are hard to follow in large print


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    """The parser, made once: setting it up costs more than parsing a guide. Parsing keeps its
    state apart from it, so one serves every source."""
    # html=False: raw HTML in a source is text to show, never markup to pass through.
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": 40}).enable("table")
    md.use(deflist_plugin).use(attrs_plugin, spans=True, allowed=["lang"])
    md.use(container_plugin, name="callout", validate=lambda params, *_: bool(params.strip()))
    md.validateLink = lambda url: True  # let every address through, so that the reader can name the bad ones
    return md


def opening_title(body: str) -> str | None:
    """The words of a `# Title` heading that opens the body, if there is one. Only the first block is
    parsed (a title is one line, or two underlined): the whole body is parsed once, by BodyReader."""
    first = FIRST_BLOCK.match(body)
    return leading_title(SyntaxTreeNode(markdown().parse(first.group(1) if first else body)).children)


FIRST_BLOCK = re.compile(r"(?:[ \t]*\n)*(.*?)(?:\n[ \t]*\n|\Z)", re.S)  # up to the first blank line


class BodyReader:
    def __init__(self, path: Path, problems: Problems, offset: int, title: str = "", lang: str = "en",
                 own_labels: dict[str, str] | None = None):
        self.path, self.problems, self.offset, self.title, self.lang = path, problems, offset, title, lang
        self.words = labels(lang, own=own_labels)   # a call-out without a title of its own shows its label
        self.shift = 0                     # 1 when the source's sections are `#` headings
        self.ids = Ids()
        self.level = 1                     # the last heading's level; the title is level 1
        self.callouts: list[tuple[str, int]] = []   # the call-outs we are inside: (style, line); "" unclosed
        self.told_heading: set[int] = set()  # call-outs (by line) whose heading inside is already reported
        self.added: list[int] = []         # lines the reader added (0-based, parsed): closing `:::`
        self.list_depth = 0
        self.sections: dict[str, int] = {}
        self.inline_line = 0
        self.nested_callout_seen = False

    def problem(self, line: int, message: str, hint: str) -> None:
        self.problems.add(line, message, hint)

    def read(self, body: str) -> tuple[m.Block, ...]:
        if not body.strip():
            self.problem(self.offset, "the guide has no text after the front matter",
                         "write its sections below the `---` line")
            return ()
        body = self.close_unclosed(body)
        tokens = markdown().parse(body)
        self.check_all_read(body, tokens)
        nodes = SyntaxTreeNode(tokens).children
        if nodes and leading_title(nodes) is not None and same_title(leading_title(nodes), self.title):
            nodes = nodes[1:]   # `# Title` at the top is the guide's title, already in Meta
        self.shift = level_shift(nodes)
        blocks = self.blocks(nodes)
        self.check_heading_order(blocks)
        return blocks

    def close_unclosed(self, body: str) -> str:
        """Report each call-out that is never closed, and close it for reading (`callouts.py`), so
        that the headings and call-outs after it are not reported as inside it."""
        lines = body.split("\n")
        unclosed = unclosed_callouts(lines)
        for u in unclosed:
            where = (f"before line {self.offset + u.heading + 1}, the next heading" if u.heading is not None
                     else "after its last line")
            self.problem(self.offset + u.line + 1, f"the call-out `::: {u.style}` is never closed",
                         f"close it with a line `:::` {where}")
        lines, self.added = closed_for_reading(lines, unclosed)
        return "\n".join(lines)

    def check_all_read(self, body: str, tokens) -> None:
        """markdown-it silently stops at its nesting limit: make sure every line was read."""
        lines = body.split("\n")
        # a call-out's closing `:::` line lies outside its token's lines
        last_text = max((i for i, line in enumerate(lines) if line.strip().strip(":")), default=-1)
        last_read = max((t.map[1] - 1 for t in tokens if t.map), default=-1)
        if last_text > last_read:
            self.problem(self.real_line(last_read + 1) + self.offset + 1, "the text from here on could not be read: "
                         "lists or call-outs are nested too deeply", "flatten the lists and call-outs above")

    # Locations and ids -------------------------------------------------------------------------------

    def line(self, node: SyntaxTreeNode) -> int:
        return self.real_line(node.map[0] if node.map else 0) + self.offset + 1

    def real_line(self, parsed: int) -> int:
        """A 0-based line of the parsed body as a line of the source: less the `:::` lines added."""
        return parsed - sum(1 for a in self.added if a < parsed)

    def loc(self, node: SyntaxTreeNode) -> m.Location:
        return m.Location(str(self.path), self.line(node))

    def block_id(self, node: SyntaxTreeNode) -> str:
        return self.ids.block(self.line(node))

    # Blocks ----------------------------------------------------------------------------------------

    def blocks(self, nodes) -> tuple[m.Block, ...]:
        return tuple(b for b in (self.block(n) for n in nodes) if b is not None)

    def block(self, node: SyntaxTreeNode) -> m.Block | None:
        handler = getattr(self, f"block_{node.type}", None)
        if handler is None:
            what = UNSUPPORTED.get(node.type, f"Markdown of a kind plainpress does not print ({node.type.replace('_', ' ')})")
            self.problem(self.line(node), what, "write it as paragraphs, lists, tables, pictures or a call-out such as "
                         "`::: note`" + (": remove the `>` marks" if node.type == "blockquote" else ""))
            return None
        return handler(node)

    def block_heading(self, node) -> m.Heading | None:
        level, line = int(node.tag[1]) + self.shift, self.line(node)
        own = own_id(node.children[0].content)
        content = self.inlines(node.children[0], line)
        content = without_own_id(content) if own is not None else content
        text = m.plain_text(content).strip()
        if any(style for style, _ in self.callouts):
            self.heading_in_callout(line, text)
            return None
        if level == 1:
            self.problem(line, "a `#` heading among sections that start at `##`",
                         f"write `## {text or '...'}` like the other sections (the title comes from `title:`)")
            return None
        if level > 4:
            self.problem(line, f"`{node.markup}` is a heading too deep for large print",
                         heading_hint(self.shift) + " (three levels of sections at most)")
            return None
        if not text:
            self.problem(line, "an empty heading", "write the heading's words after the `#` marks")
        if level == 2:
            self.check_unique_section(text, line)
        heading = m.Heading(level, content, self.ids.heading(level, self.heading_id(own, text, line), line), self.loc(node))
        self.level = level
        return heading

    def heading_in_callout(self, line: int, text: str) -> None:
        """Once per call-out: its first heading says what to do, the others follow from it."""
        style, opened = next((style, at) for style, at in reversed(self.callouts) if style)
        if opened not in self.told_heading:
            self.told_heading.add(opened)
            self.problem(line, f"a heading inside the call-out `::: {style}` of line {opened}",
                         f"end the call-out with a line `:::` above the heading, or make the heading its title: "
                         f"`::: {style} {text or 'A title'}`")

    def heading_id(self, own: str | None, text: str, line: int) -> str:
        problem = self.ids.own_id_problem(own) if own is not None else None
        if problem:
            self.problem(line, *problem)
        return own if own is not None and not problem else self.ids.derived(text)

    def check_unique_section(self, text: str, line: int) -> None:
        key = text.casefold()
        if key and key in self.sections:
            self.problem(line, f"the heading `{text}` is used twice (also on line {self.sections[key]})",
                         "give each section its own heading")
        self.sections.setdefault(key, line)

    def block_paragraph(self, node) -> m.Block | None:
        inline, line = node.children[0], self.line(node)
        if inline.content.lstrip().startswith(":::"):
            if not self.nested_callout_seen:  # else it is the end of the nested one, already reported
                self.problem(line, "a `:::` line that closes no call-out",
                             "delete it, or start a call-out above it, such as `::: note`")
            return None
        if len(inline.content) > MAX_BLOCK_CHARS:
            self.problem(line, f"a paragraph of {len(inline.content):,} characters",
                         "split it into paragraphs of a few sentences each")
            return None
        if any(c.type == "image" for c in inline.children):
            return self.image(node)
        return m.Paragraph(self.inlines(inline, line), self.block_id(node), self.loc(node))

    def block_code_block(self, node) -> m.Paragraph:
        return m.Paragraph((m.Text(node.content.strip()),), self.block_id(node), self.loc(node))

    block_fence = block_code_block

    def block_hr(self, node) -> None:
        return None  # a thematic break carries no words; sections come from headings

    def block_bullet_list(self, node) -> m.ListBlock | None:
        if self.list_depth == MAX_LIST_DEPTH:
            self.problem(self.line(node), f"a list nested more than {MAX_LIST_DEPTH} levels deep",
                         f"flatten it: large print allows {MAX_LIST_DEPTH} levels of lists")
            return None
        block_id = self.block_id(node)  # before the items', so that ids follow reading order
        self.list_depth += 1
        items = tuple(m.ListItem(self.blocks(item.children), self.loc(item)) for item in node.children)
        self.list_depth -= 1
        start = int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1
        return m.ListBlock(node.type == "ordered_list", items, block_id, self.loc(node), start)

    block_ordered_list = block_bullet_list

    def block_table(self, node) -> m.Table:
        line = self.line(node)
        head, *body = node.children
        header = tuple(self.inlines(cell.children[0], line) for cell in head.children[0].children)
        rows = tuple(tuple(self.inlines(cell.children[0], line) for cell in row.children)
                     for part in body for row in part.children)
        return m.Table(header, rows, self.block_id(node), self.loc(node))

    def block_container_callout(self, node) -> m.Callout | None:
        style, _, title = node.info.strip().partition(" ")
        line = self.line(node)
        closed = node.nester_tokens.closing.markup != ""
        outer = [(style, at) for style, at in self.callouts if style]
        if outer:
            self.nested_callout_seen = True
            if len(self.callouts) == 1:   # deeper ones follow from this one
                self.problem(line, f"a call-out inside the call-out `::: {outer[0][0]}` of line {outer[0][1]}",
                             f"end the `::: {outer[0][0]}` with a line `:::` before starting this one")
        elif not closed:   # found unclosed before parsing, and closed for reading: see `callouts.py`
            self.problem(line, f"the call-out `::: {style}` is never closed", "close it with a line `:::` after its last line")
        if style not in m.CALLOUTS:
            close = difflib.get_close_matches(style, m.CALLOUTS, n=1)
            self.problem(line, f"unknown call-out `::: {style}`",
                         f"did you mean `::: {close[0]}`?" if close else "use one of " + ", ".join(f"`::: {k}`" for k in m.CALLOUTS))
        block_id = self.block_id(node)
        # An unclosed call-out runs to the end of the file: what follows is not "inside" it.
        self.callouts.append((style if closed else "", line))
        inner = self.blocks(node.children)  # read even when unknown: its problems are listed now
        self.callouts.pop()
        if style == "contact" and inner:
            self.problem(line, "the call-out `::: contact` holds text of its own",
                         "leave it empty (it prints the theme's contact block) and put your own words in a `::: note` above it")
        if style not in m.CALLOUTS:
            return None
        return m.Callout(style, title.strip() or self.words[style], min(self.level + 1, 6), inner, block_id,
                         self.loc(node))

    def block_dl(self, node) -> m.DefinitionList:
        entries, term = [], None
        for child in node.children:
            if child.type == "dt":
                term = (self.inlines(child.children[0], self.line(child)), self.loc(child))
            elif term is not None:
                entries.append(m.Definition(term[0], self.meaning(child), term[1]))
        return m.DefinitionList(tuple(entries), self.block_id(node), self.loc(node))

    def meaning(self, node) -> tuple[m.Inline, ...]:
        """A glossary meaning: its paragraphs, run together; anything else in it is refused."""
        parts: list[m.Inline] = []
        for block in node.children:
            if block.type != "paragraph":
                self.problem(self.line(block), "a list or other block inside a glossary meaning",
                             "write the meaning as one or two plain sentences")
                continue
            parts += ([m.Text(" ")] if parts else []) + list(self.inlines(block.children[0], self.line(block)))
        return m.merged_text(parts)

    def image(self, node) -> m.Image | None:
        inline, line = node.children[0], self.line(node)
        if len(inline.children) != 1:
            self.problem(line, "an image inside a sentence", "put each image on a line of its own")
            return None
        img = inline.children[0]
        alt = "".join(c.content for c in img.children).strip()
        src = unquote(img.attrs.get("src", ""))  # markdown-it percent-encodes spaces and accents
        if not alt:
            self.problem(line, f"the image `{src}` has no alt text",
                         "describe it between the brackets: ![what the picture shows](file.png)")
        data = read_image_file(self.path.parent, src, line, self.problems)
        return m.Image(src, alt, self.block_id(node), self.loc(node), data)

    def check_heading_order(self, blocks) -> None:
        previous = 1
        for block in blocks:
            if isinstance(block, m.Heading):
                if block.level > previous + 1:
                    above = "the title" if previous == 1 else f"`{marks(previous, self.shift)}`"
                    self.problem(block.loc.line, f"heading level skips from {above} to `{marks(block.level, self.shift)}`",
                                 f"use `{marks(previous + 1, self.shift)}` here, or add the missing level above it")
                previous = block.level

    # Inline content --------------------------------------------------------------------------------

    def inlines(self, node: SyntaxTreeNode, line: int) -> tuple[m.Inline, ...]:
        """The inline content of a block that starts at `line`; line breaks move the line on, so
        that a problem names the line it is on."""
        self.inline_line = line
        return self.children(node)

    def children(self, node) -> tuple[m.Inline, ...]:
        return m.merged_text([x for child in node.children for x in self.inline(child)])

    def inline(self, node) -> list[m.Inline]:
        kind = node.type
        if kind in ("text", "code_inline"):
            return [m.Text(node.content)]
        if kind in ("softbreak", "hardbreak"):
            self.inline_line += 1
            return [m.Text(" ")]
        if kind == "strong":
            return [m.Strong(self.children(node))]
        if kind == "em":
            return [m.Emphasis(self.children(node))]
        if kind == "link":
            return [self.link(node)]
        if kind == "span":
            return self.span(node)
        if kind == "image":
            self.problem(self.inline_line, "an image inside a sentence", "put each image on a line of its own")
            return []
        return [m.Text(node.content)]

    def link(self, node) -> m.Link:
        href = node.attrs.get("href", "")
        if not href.lower().startswith(LINK_SCHEMES):
            self.problem(self.inline_line, f"the link address `{href}` is not a web, email or phone address",
                         "write a full address starting with https://, mailto: or tel:")
        return m.Link(href, self.children(node))

    def span(self, node) -> list[m.Inline]:
        lang = node.attrs.get("lang")
        if not lang:
            self.problem(self.inline_line, "a `[...]{...}` span without a language",
                         "mark a passage in another language as [words]{lang=es}")
            return list(self.children(node))
        if not is_language_tag(lang):
            tag = tag_meant(lang)
            self.problem(self.inline_line, f"`{lang}` is not a language tag",
                         f"write `{{lang={tag}}}`" if tag else "write a language tag such as es, fr or pt-BR: `{lang=es}`")
        return [m.Foreign(lang, self.children(node))]

