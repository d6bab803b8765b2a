"""Read a source file (Markdown + YAML front matter) into a Guide.

The only module that knows the source syntax. It collects every problem it finds and raises one
SourceError listing them all, each as `file:line: what is wrong; how to fix it`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import langcodes
import yaml
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin

from . import model as m

IMAGE_TYPES = {".png": b"\x89PNG", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff", ".gif": b"GIF8"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024
LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")
META_FIELDS = {"title", "subtitle", "lang", "version", "date", "organisation", "audience",
               "reading_grade", "strict_reading", "terms"}


@dataclass(frozen=True)
class Problem:
    loc: m.Location
    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}; {self.hint}"


class SourceError(Exception):
    """Raised once per source with every problem found in it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_guide(path: Path) -> m.Guide:
    reader = _Reader(Path(path))
    return reader.read()


def _markdown() -> MarkdownIt:
    # html=False: raw HTML in a source is text to show, never markup to pass through.
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.use(deflist_plugin).use(attrs_plugin, spans=True, allowed=["lang"])
    md.use(container_plugin, name="callout", validate=lambda params, *_: bool(params.strip()))
    return md


class _Reader:
    def __init__(self, path: Path):
        self.path = path
        self.name = str(path)
        self.problems: list[Problem] = []
        self.ids: dict[str, int] = {}
        self.section_id = "introduction"
        self.counter = 0
        self.level = 1  # the level of the last heading read; the title is level 1

    def problem(self, line: int, message: str, hint: str) -> None:
        self.problems.append(Problem(m.Location(self.name, line), message, hint))

    def read(self) -> m.Guide:
        text = self.decode()
        meta, body, offset = self.split_front_matter(text) if text is not None else (None, "", 0)
        self.offset = offset
        blocks = self.blocks(SyntaxTreeNode(_markdown().parse(body)).children) if text is not None else ()
        self.check_heading_order(blocks)
        if self.problems:
            raise SourceError(sorted(self.problems, key=lambda p: p.loc.line))
        return m.Guide(meta=meta, blocks=blocks, path=self.path, slug=self.path.parent.name)

    # Text and front matter ---------------------------------------------------------------------

    def decode(self) -> str | None:
        try:
            data = self.path.read_bytes()
        except OSError as err:
            self.problem(1, f"cannot read the file ({err.strerror})", "check the path and its permissions")
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            self.problem(line, f"the file is not UTF-8 (byte 0x{data[err.start]:02x})",
                         "save the file as UTF-8 in your editor")
            return None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        for number, line in enumerate(text.split("\n"), 1):
            bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", line)
            if bad:
                self.problem(number, f"a control character (U+{ord(bad.group()):04X}) in the text",
                             "delete it; it is invisible and cannot be printed")
        return text

    def split_front_matter(self, text: str) -> tuple[m.Meta | None, str, int]:
        lines = text.split("\n")
        if not lines or lines[0].strip() != "---":
            self.problem(1, "no front matter", "start the file with a `---` line, the title and lang, and `---`")
            return None, text, 0
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
        if end is None:
            self.problem(1, "the front matter is not closed", "add a line `---` after the last field")
            return None, "", len(lines)
        meta = self.meta("\n".join(lines[1:end]))
        return meta, "\n".join(lines[end + 1:]), end + 1

    def meta(self, yaml_text: str) -> m.Meta | None:
        try:
            data = yaml.safe_load(yaml_text)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            what = getattr(err, "problem", None) or "invalid YAML"
            self.problem(line, f"front matter: {what}", "write each field as `name: value`, quoting values that hold a colon")
            return None
        if not isinstance(data, dict):
            self.problem(2, "front matter is not a list of fields", "write each field as `name: value`")
            return None
        return _MetaReader(self, data, yaml_text).meta()

    # Blocks --------------------------------------------------------------------------------------

    def line(self, node: SyntaxTreeNode) -> int:
        return (node.map[0] if node.map else 0) + self.offset + 1

    def loc(self, node: SyntaxTreeNode) -> m.Location:
        return m.Location(self.name, self.line(node))

    def new_id(self, base: str) -> str:
        n = self.ids.get(base, 0) + 1
        self.ids[base] = n
        return base if n == 1 else f"{base}-{n}"

    def block_id(self) -> str:
        self.counter += 1
        return f"{self.section_id}-{self.counter}"

    def blocks(self, nodes) -> tuple[m.Block, ...]:
        out = []
        for node in nodes:
            block = self.block(node)
            if block is not None:
                out.append(block)
        return tuple(out)

    def block(self, node: SyntaxTreeNode) -> m.Block | None:
        handler = getattr(self, f"block_{node.type}", None)
        if handler is None:
            self.problem(self.line(node), f"unsupported Markdown ({node.type.replace('_', ' ')})",
                         "use paragraphs, lists, tables, images or a call-out (`::: note`)")
            return None
        return handler(node)

    def block_heading(self, node) -> m.Heading | None:
        level = int(node.tag[1])
        content = self.inlines(node.children[0])
        text = m.plain_text(content).strip()
        if level == 1:
            self.problem(self.line(node), "a `#` heading in the body",
                         "the title comes from `title:` in the front matter; start sections at `##`")
            return None
        if level > 4:
            self.problem(self.line(node), f"heading level {level} is too deep", "use `##`, `###` or `####`")
            return None
        if not text:
            self.problem(self.line(node), "an empty heading", "write the heading's words after the `#` marks")
        hid = self.new_id(slug(text) or "section")
        if level == 2:
            self.section_id, self.counter = hid, 0
        self.level = level
        return m.Heading(level, content, hid, self.loc(node))

    def block_paragraph(self, node) -> m.Block | None:
        inline = node.children[0]
        images = [c for c in inline.children if c.type == "image"]
        if images:
            return self.image(node, images)
        return m.Paragraph(self.inlines(inline), self.block_id(), self.loc(node))

    def block_code_block(self, node) -> m.Paragraph:
        return m.Paragraph((m.Text(node.content.strip()),), self.block_id(), self.loc(node))

    block_fence = block_code_block

    def block_hr(self, node) -> None:
        return None  # a thematic break carries no words; sections come from headings

    def block_bullet_list(self, node) -> m.ListBlock:
        block_id = self.block_id()  # before the items', so that ids follow reading order
        items = tuple(m.ListItem(self.blocks(item.children), self.loc(item)) for item in node.children)
        start = int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1
        return m.ListBlock(node.type == "ordered_list", items, block_id, self.loc(node), start)

    block_ordered_list = block_bullet_list

    def block_table(self, node) -> m.Table:
        head, *body = node.children
        header = tuple(self.inlines(cell.children[0]) for cell in head.children[0].children)
        rows = tuple(tuple(self.inlines(cell.children[0]) for cell in row.children)
                     for part in body for row in part.children)
        return m.Table(header, rows, self.block_id(), self.loc(node))

    def block_container_callout(self, node) -> m.Callout | None:
        style, _, title = node.info.strip().partition(" ")
        if node.nester_tokens.closing.markup == "":
            self.problem(self.line(node), f"the call-out `::: {style}` is not closed", "end it with a line `:::`")
        if style not in m.CALLOUTS:
            self.problem(self.line(node), f"unknown call-out `::: {style}`",
                         "use one of " + ", ".join(f"`::: {k}`" for k in m.CALLOUTS))
            return None
        block_id = self.block_id()
        return m.Callout(style, title.strip() or m.CALLOUTS[style], min(self.level + 1, 6),
                         self.blocks(node.children), block_id, self.loc(node))

    def block_dl(self, node) -> m.DefinitionList:
        entries, term = [], None
        for child in node.children:
            if child.type == "dt":
                term = (self.inlines(child.children[0]), self.loc(child))
            elif term is not None:
                meaning = tuple(x for p in child.children if p.type == "paragraph"
                                for x in self.inlines(p.children[0]))
                entries.append(m.Definition(term[0], meaning, term[1]))
        return m.DefinitionList(tuple(entries), self.block_id(), self.loc(node))

    def image(self, node, images) -> m.Image | None:
        inline = node.children[0]
        line = self.line(node)
        if len(inline.children) != 1:
            self.problem(line, "an image inside a sentence", "put each image on a line of its own")
            return None
        img = images[0]
        alt = "".join(c.content for c in img.children).strip()
        src = img.attrs.get("src", "")
        if not alt:
            self.problem(line, f"the image `{src}` has no alt text",
                         "describe it between the brackets: ![what the picture shows](file.png)")
        self.check_image_file(line, src)
        return m.Image(src, alt, self.block_id(), self.loc(node))

    def check_image_file(self, line: int, src: str) -> None:
        folder = self.path.parent.resolve()
        target = (folder / src).resolve()
        suffix = Path(src).suffix.lower()
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith("/"):
            self.problem(line, f"the image `{src}` is not a file beside the guide",
                         "copy the picture into the guide's folder and give its name")
        elif not target.is_relative_to(folder):
            self.problem(line, f"the image `{src}` is outside the guide's folder",
                         "copy the picture into the guide's folder and give its name")
        elif suffix not in IMAGE_TYPES:
            self.problem(line, f"the image `{src}` is not a PNG, JPEG or GIF", "save it as PNG or JPEG")
        elif not target.is_file():
            self.problem(line, f"the image file `{src}` does not exist",
                         "check the file name, or put the picture beside the source file")
        elif target.stat().st_size > MAX_IMAGE_BYTES:
            self.problem(line, f"the image `{src}` is larger than 10 MB", "save a smaller copy of it")
        elif not target.read_bytes()[:4].startswith(IMAGE_TYPES[suffix]):
            self.problem(line, f"the file `{src}` is not a {suffix[1:].upper()} image", "save it again as a picture")

    def check_heading_order(self, blocks) -> None:
        previous = 1
        for block in blocks:
            if isinstance(block, m.Heading):
                if block.level > previous + 1:
                    self.problem(block.loc.line, f"heading level skips from {previous} to {block.level}",
                                 f"use {'#' * (previous + 1)} here, or add the missing level above it")
                previous = block.level

    # Inline content ----------------------------------------------------------------------------

    def inlines(self, node: SyntaxTreeNode) -> tuple[m.Inline, ...]:
        out: list[m.Inline] = []
        for child in node.children:
            out.extend(self.inline(child, self.line_of(node)))
        return _merge_text(out)

    def line_of(self, node) -> int:
        while node is not None and not node.map:
            node = node.parent
        return self.line(node) if node is not None else self.offset + 1

    def inline(self, node, line: int) -> list[m.Inline]:
        kind = node.type
        if kind in ("text", "code_inline"):
            return [m.Text(node.content)]
        if kind in ("softbreak", "hardbreak"):
            return [m.Text(" ")]
        if kind == "strong":
            return [m.Strong(self.children(node, line))]
        if kind == "em":
            self.problem(line, "italic text (`*...*` or `_..._`)",
                         "italics are hard to read in large print; use **bold** for emphasis")
            return self.children(node, line)
        if kind == "link":
            return [self.link(node, line)]
        if kind == "span":
            return self.span(node, line)
        if kind == "image":
            self.problem(line, "an image inside a sentence", "put each image on a line of its own")
            return []
        return [m.Text(node.content)]

    def children(self, node, line: int) -> tuple[m.Inline, ...]:
        return _merge_text([x for child in node.children for x in self.inline(child, line)])

    def link(self, node, line: int) -> m.Link:
        href = node.attrs.get("href", "")
        if not href.lower().startswith(LINK_SCHEMES):
            self.problem(line, f"the link address `{href}` is not a web, email or phone address",
                         "write a full address starting with https://, mailto: or tel:")
        return m.Link(href, self.children(node, line))

    def span(self, node, line: int) -> list[m.Inline]:
        lang = node.attrs.get("lang")
        if not lang:
            self.problem(line, "a `[...]{...}` span without a language",
                         "mark a passage in another language as [words]{lang=es}")
            return list(self.children(node, line))
        if not langcodes.tag_is_valid(lang):
            self.problem(line, f"`{lang}` is not a language tag", "use a BCP 47 tag such as es, fr or pt-BR")
        return [m.Foreign(lang, self.children(node, line))]


class _MetaReader:
    """Checks the front-matter fields; every problem goes to the reader's list."""

    def __init__(self, reader: _Reader, data: dict, yaml_text: str):
        self.reader, self.data = reader, data
        self.lines = {k: i + 2 for i, row in enumerate(yaml_text.split("\n"))
                      for k in [row.split(":", 1)[0].strip()] if ":" in row}

    def problem(self, key: str, message: str, hint: str) -> None:
        self.reader.problem(self.lines.get(key, 1), message, hint)

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(key, f"the front matter has no `{key}`", f"add a line `{key}: ...` to the front matter")
            return ""
        if not isinstance(value, str):
            self.problem(key, f"`{key}` should be text, not {type(value).__name__} `{value}`",
                         f'put the value in quotes: {key}: "{value}"')
            return str(value)
        return value.strip()

    def meta(self) -> m.Meta | None:
        for key in sorted(set(self.data) - META_FIELDS, key=str):
            self.problem(key, f"unknown front-matter field `{key}`", "the fields are " + ", ".join(sorted(META_FIELDS)))
        lang = self.text("lang", required=True)
        if lang and not langcodes.tag_is_valid(lang):
            self.problem("lang", f"`{lang}` is not a language tag", "use a BCP 47 tag such as en, es or pt-BR")
        meta = m.Meta(title=self.text("title", required=True), lang=lang, date=self.date(),
                      subtitle=self.text("subtitle"), version=self.text("version"),
                      organisation=self.text("organisation"), audience=self.text("audience"),
                      reading_grade=self.grade(), strict_reading=self.flag("strict_reading"),
                      terms=self.terms())
        return meta

    def terms(self) -> tuple[str, ...]:
        value = self.data.get("terms", [])
        if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
            self.problem("terms", "`terms` should be a list of words",
                         "write it as `terms: [word, another word]`")
            return ()
        return tuple(t.strip() for t in value if t.strip())

    def date(self) -> dt.date:
        value = self.data.get("date")
        if isinstance(value, dt.date):
            return value
        if value is None:
            self.problem("date", "the front matter has no `date`", "add the last review date: `date: 2026-01-31`")
        else:
            self.problem("date", f"`date: {value}` is not a date", "write it as year-month-day: `date: 2026-01-31`")
        return dt.date(1970, 1, 1)

    def grade(self) -> float:
        value = self.data.get("reading_grade", 8)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 18:
            self.problem("reading_grade", f"`reading_grade: {value}` is not a school grade",
                         "give a number from 1 to 18; patient material aims for 6 to 8")
            return 8
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.problem(key, f"`{key}: {value}` is not true or false", f"write `{key}: true` or `{key}: false`")
            return False
        return value


def _merge_text(items: list[m.Inline]) -> tuple[m.Inline, ...]:
    out: list[m.Inline] = []
    for item in items:
        if out and isinstance(item, m.Text) and isinstance(out[-1], m.Text):
            out[-1] = m.Text(out[-1].text + item.text)
        else:
            out.append(item)
    return tuple(out)


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")
