"""Glyphs: every character an output shows is drawn from a real glyph of a font the file embeds.

A PDF read through ToUnicode gives the right characters even where each is drawn as an empty box
(`.notdef`), so the PDF check follows each code the content streams show to its glyph in the embedded
font program: glyph 0, a glyph past the font's last one, a CID the font has no glyph for, or an empty
outline for a character that should be drawn is a missing glyph. The EPUB and the web page are checked
on their text against the faces their style sheets embed (`glyphs_web`). One finding per output lists
the characters, with what to install.
"""
from __future__ import annotations

import io
from functools import cached_property
from pathlib import Path

from ..findings import Finding
from ..languages.fonts import drawn
from .glyph_findings import TOOL, Missing, result
from .glyph_programs import IDENTITY, cid_encoding
from .result import ToolResult


def check_glyphs(path: Path, lang: str | None) -> ToolResult:
    """The glyph check of one PDF, EPUB or web page; `lang` is the guide's (None: read from the file)."""
    if path.suffix.lower() == ".pdf":
        return check_pdf_glyphs(path, lang)
    from .glyphs_web import check_epub_glyphs, check_html_glyphs
    return check_epub_glyphs(path, lang) if path.suffix.lower() == ".epub" else check_html_glyphs(path, lang)


# The PDF -------------------------------------------------------------------------------------------

def check_pdf_glyphs(path: Path, lang: str | None) -> ToolResult:
    import pikepdf
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PdfError as err:
        finding = Finding("error", "glyphs.unreadable", path.name, f"the PDF could not be read: {err}")
        return ToolResult(TOOL, path.name, True, {"missing": 0}, (finding,))
    with pdf:
        lang = lang or _pdf_lang(pdf)
        shown = Shown()
        for page in pdf.pages:
            shown.read(page.obj, page.Resources if "/Resources" in page.obj else None)
        missing = Missing()
        for font, code in shown.codes:
            why = font.fault(code)
            if why is not None:
                missing.add(font.char(code), code, why)
        unchecked = [f.name for f in shown.fonts.values() if not f.checkable]
        note = f"fonts not checked (not embedded, or an encoding other than Identity): {', '.join(unchecked)}" \
            if unchecked else ""
        counts = {"fonts": len(shown.fonts), "glyphs": len(shown.codes)}
        return result(path.name, missing, lang, "the PDF embeds", counts, note)


def _pdf_lang(pdf) -> str | None:
    value = pdf.Root.get("/Lang")
    return str(value) if value is not None else None


TEXT_SHOWING = {"Tj": 0, "'": 0, '"': 2}   # operator -> which operand is the string (TJ: an array)


class Shown:
    """The glyph codes each font shows, read from every page's content and the forms it draws."""

    def __init__(self):
        self.fonts: dict[tuple, PdfFont] = {}
        self.codes: dict[tuple[PdfFont, int], None] = {}   # in the order first shown
        self._forms: set[tuple] = set()

    def read(self, owner, resources) -> None:
        import pikepdf
        font = None
        for operands, operator in pikepdf.parse_content_stream(owner):
            op = str(operator)
            if op == "Tf" and resources is not None:
                font = self.font(resources.get("/Font", {}).get(str(operands[0])))
            elif font is not None and op in TEXT_SHOWING:
                self.show(font, operands[TEXT_SHOWING[op]])
            elif font is not None and op == "TJ":
                for item in operands[0]:
                    if isinstance(item, pikepdf.String):
                        self.show(font, item)
            elif op == "Do" and resources is not None:
                self.form(resources.get("/XObject", {}).get(str(operands[0])), resources)

    def font(self, obj):
        if obj is None:
            return None
        key = obj.objgen if obj.is_indirect else id(obj)
        if key not in self.fonts:
            self.fonts[key] = PdfFont(obj)
        return self.fonts[key]

    def show(self, font: PdfFont, string) -> None:
        if font.checkable:
            self.codes.update(dict.fromkeys((font, code) for code in font.codes(bytes(string))))

    def form(self, xobject, resources) -> None:
        """A form draws its own content, with its own resources (else its page's)."""
        if xobject is None or xobject.get("/Subtype") != "/Form" or xobject.objgen in self._forms:
            return
        self._forms.add(xobject.objgen)
        self.read(xobject, xobject.get("/Resources", resources))


class PdfFont:
    """One font of the PDF: its codes, the glyph each draws in its embedded program, and the character
    ToUnicode says it is. Type0 fonts with Identity-H/V (WeasyPrint's) and simple TrueType fonts."""

    def __init__(self, obj):
        self.obj = obj
        self.name = str(obj.get("/BaseFont", "?")).lstrip("/")
        self.type0 = obj.get("/Subtype") == "/Type0"
        self.descendant = obj.DescendantFonts[0] if self.type0 else obj
        descriptor = self.descendant.get("/FontDescriptor")
        streams = [descriptor.get(k) for k in ("/FontFile2", "/FontFile3")] if descriptor is not None else []
        self.stream = next((s for s in streams if s is not None), None)
        self.encoding = cid_encoding(obj.get("/Encoding")) if self.type0 else None
        self.checkable = self.stream is not None and (self.encoding is not None if self.type0
                                                      else obj.get("/Subtype") == "/TrueType")

    def codes(self, data: bytes) -> list[int]:
        if self.type0:
            return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data) - 1, 2)]
        return list(data)

    def char(self, code: int) -> str | None:
        text = self.to_unicode.get(code)
        return text[0] if text else None

    @cached_property
    def to_unicode(self) -> dict[int, str]:
        from pdfminer.cmapdb import CMapParser, FileUnicodeMap
        stream = self.obj.get("/ToUnicode")
        if stream is None:
            return {}
        cmap = FileUnicodeMap()
        CMapParser(cmap, io.BytesIO(stream.read_bytes())).run()
        return dict(cmap.cid2unichr)

    @cached_property
    def program(self):
        from .glyph_programs import program
        return program(self.stream.read_bytes(), self.stream.get("/Subtype"))

    def fault(self, code: int) -> str | None:
        """None when the code draws a real glyph; else what is wrong: "" (no glyph) or "empty outline"."""
        gid = self.gid(code)
        if gid is None or gid == 0 or gid >= self.program.glyph_count:
            return ""
        ch = self.char(code)
        if ch and drawn(ch) and self.program.empty(gid):
            return "empty outline"
        return None

    def gid(self, code: int) -> int | None:
        if not self.type0:
            return self.program.gid_of_simple_code(code, self.char(code))
        cid = code if self.encoding is IDENTITY else self.encoding(code)
        if cid is None:
            return None
        if self.descendant.get("/Subtype") == "/CIDFontType0":
            return self.program.gid_of_cid(cid)   # a CFF font maps CIDs through its own charset
        mapping = self.descendant.get("/CIDToGIDMap")
        if mapping is None or str(mapping) == "/Identity":
            return cid
        table = self.cid_to_gid
        return int.from_bytes(table[2 * cid:2 * cid + 2], "big") if 2 * cid + 2 <= len(table) else None

    @cached_property
    def cid_to_gid(self) -> bytes:
        return self.descendant.CIDToGIDMap.read_bytes()

