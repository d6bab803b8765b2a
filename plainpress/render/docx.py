"""Guide -> editable DOCX on named styles (python-docx), for translators and clinics."""
from __future__ import annotations

import datetime as dt
import io
import re

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Inches

from .. import model as m
from ..languages import fill, language, long_date
from ..theme.wear import Worn, wear
from ..translate import units as ids
from . import RenderOptions, _zip
from . import docx_oxml as ox
from .docx_script import fonts_for, guide_text, right_to_left
from .docx_styles import Template, new_document, style_sheet

PAGE_SIZES = {"letter": (Inches(8.5), Inches(11)), "a4": (Inches(8.27), Inches(11.69))}
# A paragraph's style -> its twins that keep it with the next line, and the last line's
KEPT_TOGETHER = {"Normal": ("Contact Line", "Contact Line End"), "Contact": ("Contact", "Contact End"),
                 "Contact Line": ("Contact Line", "Contact Line End")}
CALLOUT_STYLES = {"key-points": "Key Points", "note": "Note", "warning": "Warning", "ask": "Ask", "contact": "Contact"}
CALLOUT_TITLE_STYLES = {"warning": "Warning Title"}  # others: "Callout Title"


def render_docx(guide: m.Guide, options: RenderOptions = RenderOptions()) -> bytes:
    return save(build_document(guide, options))


def build_document(guide: m.Guide, options: RenderOptions = RenderOptions(), writer=None) -> docx.document.Document:
    """The guide's document, not yet saved; `writer` (a `_Writer` subclass) may mark each unit's paragraph."""
    worn = wear(guide, options.theme)
    guide, record = worn.guide, language(worn.guide.meta.lang)
    document, styled = new_document(fonts_for(record, guide_text(guide)).attributes(), worn.accent)
    set_page(document, options.paper)
    ox.set_language(document, guide.meta.lang)
    ox.turn_off_hyphenation(document)
    set_properties(document, guide.meta)
    add_footer(document, guide.meta, worn.words, styled)
    ox.drop_thumbnail(document)
    body = (writer or _Writer)(document, guide)
    body.template = styled
    add_masthead(body, worn)
    body.organisation_in_about = worn.theme is None   # else the masthead names it, just above
    body.words = worn.words   # the guide's own labels and the theme's catalog, as every format prints them
    body.contact_ids = {p.id for p in worn.contact.values()}   # the theme's contact block, after the guide's end
    body.write()
    if record.rtl:
        right_to_left(document, record)
    return document


def save(document) -> bytes:
    return _zip.pack(ox.package_entries(document))


def set_page(document, paper: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_SIZES[paper]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))


def set_properties(document, meta: m.Meta) -> None:
    """Core properties from the source alone: no clock, no tool's name."""
    props = document.core_properties
    when = dt.datetime.combine(meta.date, dt.time(0, 0))
    props.title, props.subject = meta.title, meta.subtitle
    props.author = props.last_modified_by = meta.organisation
    props.language, props.version = meta.lang, meta.version
    props.created = props.modified = when
    props.last_printed = when
    props.comments, props.keywords, props.category = "", "", meta.audience
    props.revision = 1


FIELDS = {"{page}": "PAGE", "{pages}": "NUMPAGES"}   # the footer label's placeholders as Word fields


def add_footer(document, meta: m.Meta, words: dict[str, str], styled: Template) -> None:
    """"Title - page N of M" on every page, worded as the PDF's footer, in the Footer style."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph._p.style = styled.style_id("Footer", WD_STYLE_TYPE.PARAGRAPH, document)
    parts = re.split(r"(\{page\}|\{pages\})", f"{meta.running_title} - {words['page']}")
    for part in parts:
        if part in FIELDS:
            ox.add_field(paragraph, FIELDS[part])
        elif part:
            paragraph.add_run(part)


def add_masthead(body: _Writer, worn: Worn) -> None:
    """A theme's logo (with its alt text) and the organisation, above the title."""
    if worn.logo:
        picture = body.styled(body.doc.add_paragraph(), "Figure").add_run().add_picture(io.BytesIO(worn.logo.data),
                                                                                     height=Inches(0.8))
        ox.set_alt_text(picture, worn.logo.alt)
    if worn.theme and worn.guide.meta.organisation:
        body.styled(body.doc.add_paragraph(), "Organisation").add_run(worn.guide.meta.organisation)


def twips(inches: float) -> int:
    return Inches(inches).twips


class _Writer:
    """Appends the guide's blocks to a document, one paragraph style per kind of block.

    Hooks for the translation export (`translate.docx_export`), which do nothing here: `mark` is told
    which translation unit each paragraph holds, `unshown` gets the words a reader never sees in the
    body (alt text, the footer's short title), and `audience_label` prefixes the audience with "For:".
    """
    audience_label = True
    organisation_in_about = True
    words: dict[str, str] = {}
    contact_ids: set[str] = set()
    template: Template | None = None   # the styled template the document was made on

    def __init__(self, document, guide: m.Guide):
        self.doc, self.guide = document, guide
        self.list_definitions: dict[tuple[bool, int], int] = {}  # call-out lists: (ordered, indent) -> abstractNumId
        self.style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}

    def style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """python-docx looks a style up among all of them for every paragraph and run it styles (most
        of a DOCX's rendering time): each name is looked up once here, by python-docx's own rule, and
        a style of the template once a process (`Template.style_id`)."""
        if (name, kind) not in self.style_ids:
            self.style_ids[name, kind] = (self.template.style_id(name, kind, self.doc) if self.template
                                          else self.doc.styles.get_style_id(name, kind))
        return self.style_ids[name, kind]

    def styled(self, paragraph, style: str):
        paragraph._p.style = self.style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return paragraph

    def mark(self, paragraph, unit_id: str | None) -> None:
        """The paragraph holds unit `unit_id`'s words (None: words plainpress writes itself)."""

    def unshown(self, unit_id: str, text: str, style: str) -> None:
        """Words of the guide that are not printed in the body."""

    def write(self) -> None:
        meta, words = self.guide.meta, self.words
        self.paragraph(((m.Text(meta.title),)), "Title", ids.meta_id("title"))
        if meta.short_title:
            self.unshown(ids.meta_id("short_title"), meta.short_title, "Short Title")
        if meta.subtitle:
            self.paragraph((m.Text(meta.subtitle),), "Subtitle", ids.meta_id("subtitle"))
        if meta.audience:
            text = fill(words["for"], audience=meta.audience) if self.audience_label else meta.audience
            self.paragraph((m.Text(text),), "Normal", ids.meta_id("audience"))
        about = [meta.organisation + "." if meta.organisation and self.organisation_in_about else "",
                 fill(words["version"], version=meta.version) if meta.version else "",
                 fill(words["reviewed"], date=long_date(meta.date, meta.lang))]
        self.paragraph((m.Text(" ".join(x for x in about if x)),), "Normal")
        contact = []
        for block in self.guide.blocks:
            written = self.block(block)
            if block.id in self.contact_ids:
                contact.append(written)
        self.keep_together(contact)  # one block on one page, under its heading (kept with next by its style)

    def block(self, block: m.Block, style: str = "Normal", depth: int = 1):
        """Appends the block; returns its paragraph when it is one paragraph."""
        if isinstance(block, m.Heading):
            return self.paragraph(block.content, f"Heading {block.level - 1}", block.id)
        elif isinstance(block, m.Paragraph):
            return self.paragraph(block.content, style, block.id)
        elif isinstance(block, m.ListBlock):
            self.list(block, depth, None if style == "Normal" else style)
        elif isinstance(block, m.Table):
            self.table(block)
        elif isinstance(block, m.Callout):
            title_style = CALLOUT_TITLE_STYLES.get(block.style, "Callout Title")
            self.paragraph((m.Text(block.title),), title_style, ids.title_id(block))  # a unit unless the default
            written = [self.block(inner, CALLOUT_STYLES[block.style]) for inner in block.blocks]
            if block.style == "contact":  # the title keeps with its first line by its style
                self.keep_together([p for p in written if p is not None])
        elif isinstance(block, m.DefinitionList):
            for i, entry in enumerate(block.entries, 1):
                self.paragraph(entry.term, "Glossary Term", ids.term_id(block, i))
                self.paragraph(entry.meaning, "Glossary Definition", ids.meaning_id(block, i))
        elif isinstance(block, m.Image):
            self.image(block)

    def keep_together(self, paragraphs) -> None:
        """Lines that print on one page, by their styles: each kept with the next but the last."""
        named = {self.style_id(name, WD_STYLE_TYPE.PARAGRAPH): name for name in KEPT_TOGETHER}  # by the ids paragraphs hold
        for i, paragraph in enumerate(paragraphs):
            last = i == len(paragraphs) - 1
            kept, end = KEPT_TOGETHER.get(named.get(paragraph._p.style), (None, None))
            if kept is None:   # a style with no kept twin (a list's): said directly, which the DOCX check notes
                ox.keep(paragraph, with_next=not last)
            else:
                self.styled(paragraph, end if last else kept)

    def paragraph(self, content, style: str, unit_id: str | None = None):
        paragraph = self.styled(self.doc.add_paragraph(), style)
        self.runs(paragraph, paragraph._p, content, None, None)
        self.mark(paragraph, unit_id)
        return paragraph

    def runs(self, paragraph, parent, content, char_style, lang) -> None:
        """One run per formatting span: a translator's tool sees each sentence whole."""
        for item in content:
            if isinstance(item, m.Text):
                run = paragraph.add_run(item.text)
                if char_style:
                    run._r.style = self.style_id(char_style, WD_STYLE_TYPE.CHARACTER)
                parent.append(run._r)  # inside a hyperlink when parent is one
                if lang:
                    ox.set_run_language(run._r.get_or_add_rPr(), lang)
            elif isinstance(item, m.Strong):
                self.runs(paragraph, parent, item.children, "Strong", lang)
            elif isinstance(item, m.Emphasis):
                self.runs(paragraph, parent, item.children, "Emphasis", lang)
            elif isinstance(item, m.Foreign):
                self.runs(paragraph, parent, item.children, char_style, item.lang)
            elif isinstance(item, m.Link):
                link = ox.add_hyperlink(paragraph, item.href)
                self.runs(paragraph, link, item.children, "Hyperlink", lang)

    def list(self, block: m.ListBlock, depth: int, callout: str | None = None) -> None:
        """Items in List Bullet/Number (2 and 3 when nested); inside a call-out, in the call-out's own style
        with a bullet or number added, so that they keep its look and its border."""
        style = callout or ("List Number" if block.ordered else "List Bullet") + (f" {min(depth, 3)}" if depth > 1 else "")
        level = min(depth, 3) - 1
        num_id = self.callout_list(block, callout, level) if callout else None
        for item in block.items:
            for i, inner in enumerate(item.blocks):
                if isinstance(inner, m.Paragraph) and i == 0:
                    paragraph = self.paragraph(inner.content, style, inner.id)
                    if callout:
                        ox.use_numbering(paragraph, num_id, level)
                    elif block.ordered:
                        num_id = num_id or ox.new_numbering(paragraph, block.start)
                        ox.use_numbering(paragraph, num_id)
                else:
                    self.block(inner, callout or "Normal", depth + 1)

    def callout_list(self, block: m.ListBlock, callout: str, level: int) -> int:
        """A list of its own (numbered from the list's start) whose marks hang where the call-out's text starts."""
        sheet = style_sheet()
        key = (block.ordered, twips(sheet["paragraph"][callout]["indent"]))
        if key not in self.list_definitions:
            hanging = twips(sheet["callout_list"]["hanging"])
            self.list_definitions[key] = ox.add_list_definition(self.doc.part, *key, hanging)
        return ox.new_list(self.doc.part, self.list_definitions[key], block.start, level)

    def table(self, block: m.Table) -> None:
        table = self.doc.add_table(rows=1 + len(block.rows), cols=len(block.header), style="Table Grid")
        for r, row in enumerate(table.rows):
            ox.keep_row_whole(row, header=r == 0)
        margins = style_sheet()["table"]["cell_margins"]
        ox.set_cell_margins(table, **{side: twips(inches) for side, inches in margins.items()})
        for r, cells in enumerate((block.header, *block.rows)):
            for c, content in enumerate(cells):
                cell = table.cell(r, c)
                paragraph = self.styled(cell.paragraphs[0], "Table Text")
                self.runs(paragraph, paragraph._p, (m.Strong(content),) if r == 0 else content, None, None)
                self.mark(paragraph, ids.cell_id(block, r, c))

    def image(self, block: m.Image) -> None:
        paragraph = self.styled(self.doc.add_paragraph(), "Figure")
        shape = paragraph.add_run().add_picture(io.BytesIO(block.data), width=Inches(4))
        ox.set_alt_text(shape, block.alt)
        self.unshown(ids.alt_id(block), block.alt, "Alt Text")
