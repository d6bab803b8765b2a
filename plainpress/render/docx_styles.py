"""The DOCX's named styles (templates/docx/styles.yaml) on python-docx's default template, styled once
per process for each set of faces and accent colour.

python-docx finds a style by name by scanning every style, so styling a fresh document took most of
a DOCX's rendering time. `new_document` styles a template once per (faces, accent), keeps it saved,
and opens each new document from those bytes (quicker than a fresh document given a copy of the
styled styles part: styles.xml is a third of a megabyte); the style ids of its names are looked up
once too.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache

import docx
import yaml
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Inches, Pt
from docx.styles import BabelFish

from ..templating import TEMPLATES
from . import docx_oxml as ox


@lru_cache(maxsize=1)
def style_sheet() -> dict:
    return yaml.safe_load((TEMPLATES / "docx" / "styles.yaml").read_text(encoding="utf-8"))


@dataclass
class Template:
    """A styled template, saved (37 kB, where the parsed document takes 5 MB), the names of its styles
    (python-docx's internal names), and the style ids of those names, filled as they are asked."""
    saved: bytes
    names: frozenset[str]
    style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = field(default_factory=dict)

    def style_id(self, name: str, kind: WD_STYLE_TYPE, document) -> str | None:
        """By python-docx's own rule (None for its type's default style), looked up in `document` (made
        on this template) the first time: a style of the template has the same id in every document
        made on it. A style added to one document alone (the translation export's) is its own."""
        if BabelFish.ui2internal(name) not in self.names:
            return document.styles.get_style_id(name, kind)
        if (name, kind) not in self.style_ids:
            self.style_ids[name, kind] = document.styles.get_style_id(name, kind)
        return self.style_ids[name, kind]


@lru_cache(maxsize=32)
def template(fonts: tuple[tuple[str, str], ...], accent: str) -> Template:
    """python-docx's default template in these default faces (w:rFonts attributes), styled by the
    sheet with borders in `accent`."""
    document = docx.Document()
    ox.set_fonts(ox.default_run_properties(document), dict(fonts))
    apply_styles(document, style_sheet(), accent)
    saved = io.BytesIO()
    document.save(saved)
    return Template(saved.getvalue(), frozenset(s.name_val for s in document.styles.element.style_lst))


def new_document(fonts: dict[str, str], accent: str) -> tuple[docx.document.Document, Template]:
    """A new document on the styled template (as if styled itself), and that template."""
    styled = template(tuple(fonts.items()), accent)
    return docx.Document(io.BytesIO(styled.saved)), styled


def apply_styles(document, sheet: dict, accent: str = "#000") -> None:
    """The sheet's styles, in the document's default faces (one per script slot); their borders in the
    theme's accent colour (black without a theme)."""
    fonts = ox.default_fonts(document)
    for kind, specs in (("paragraph", WD_STYLE_TYPE.PARAGRAPH), ("character", WD_STYLE_TYPE.CHARACTER)):
        for name, spec in sheet[kind].items():
            style = document.styles[name] if name in document.styles else document.styles.add_style(name, specs)
            if "base" in spec:
                style.base_style = document.styles[spec["base"]]
            style_font(style, spec, fonts)
            if kind == "paragraph":
                style_paragraph(style, spec, accent)
    for rfonts in document.styles.element.xpath("./w:style//w:rPr/w:rFonts"):  # the template's other styles:
        ox.set_fonts(rfonts.getparent(), fonts)                              # no theme font left anywhere


def style_font(style, spec: dict, fonts: dict[str, str]) -> None:
    font = style.font
    ox.set_fonts(style.element.get_or_add_rPr(), fonts)
    font.italic = font.cs_italic = False
    font.color.rgb = docx.shared.RGBColor(0, 0, 0)
    if "size" in spec:
        font.size = Pt(spec["size"])
        ox.set_complex_script_size(style.element, spec["size"])
    if "bold" in spec:
        font.bold = font.cs_bold = spec["bold"]
    if "underline" in spec:
        font.underline = spec["underline"]


def style_paragraph(style, spec: dict, accent: str = "#000") -> None:
    fmt = style.paragraph_format
    fmt.alignment = 0  # flush left, never justified
    ox.drop_borders(style.element)
    if "line_spacing" in spec:
        fmt.line_spacing = spec["line_spacing"]
    for key in ("space_before", "space_after"):
        if key in spec:
            setattr(fmt, key, Pt(spec[key]))
    if "keep_with_next" in spec:
        fmt.keep_with_next = spec["keep_with_next"]
    if "keep_together" in spec:
        fmt.keep_together = spec["keep_together"]
    if "indent" in spec:
        fmt.left_indent = Inches(spec["indent"])
    if "left_border" in spec:
        ox.add_left_border(style.element, spec["left_border"], docx_colour(accent))


def docx_colour(colour: str) -> str:
    """`#1f5fa8` or `#000` as Word writes a colour: six hex digits, upper case."""
    digits = colour.lstrip("#")
    return ("".join(d * 2 for d in digits) if len(digits) == 3 else digits).upper()
