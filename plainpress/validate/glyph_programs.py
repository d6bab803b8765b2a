"""The font programs a PDF embeds, read with fontTools: how many glyphs each has, which glyph a CID or
a code draws, and whether a glyph has an outline. TrueType (FontFile2), OpenType and bare CFF
(FontFile3); glyphs are decompiled only when asked for, so a CJK font of 45,000 glyphs costs little.
And the CMaps that turn a Type0 font's codes into CIDs."""
from __future__ import annotations

import io
import re
from functools import cached_property


def program(data: bytes, subtype) -> Program:
    """The embedded program: FontFile2 (no subtype) and FontFile3 /OpenType through TTFont, a
    FontFile3 /CIDFontType0C or /Type1C as bare CFF."""
    if str(subtype) in ("/CIDFontType0C", "/Type1C"):
        from fontTools.cffLib import CFFFontSet
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
        return Program(None, cff[cff.fontNames[0]])
    from fontTools.ttLib import TTFont
    font = TTFont(io.BytesIO(data), lazy=True)
    top = font["CFF "].cff.topDictIndex[0] if "CFF " in font else None
    return Program(font, top)


class Program:
    def __init__(self, font, cff_top):
        self.font = font          # a TTFont, or None for bare CFF
        self.cff = cff_top        # the CFF top dict, or None for glyf outlines

    @cached_property
    def glyph_order(self) -> list[str]:
        return list(self.cff.charset) if self.cff is not None else self.font.getGlyphOrder()

    @property
    def glyph_count(self) -> int:
        return len(self.glyph_order)

    @cached_property
    def _cid_glyphs(self) -> dict[int, int] | None:
        """CID -> glyph for a CID-keyed CFF (its charset names glyphs `cid01234`); None otherwise."""
        if self.cff is None or "ROS" not in self.cff.rawDict:
            return None
        return {int(name[3:]) if name.startswith("cid") else 0: gid for gid, name in enumerate(self.glyph_order)}

    def gid_of_cid(self, cid: int) -> int | None:
        glyphs = self._cid_glyphs
        return cid if glyphs is None else glyphs.get(cid)

    def gid_of_simple_code(self, code: int, ch: str | None) -> int | None:
        """A simple TrueType font's code: through its symbolic (3,0) or Mac (1,0) subtable, else its
        character through the Unicode one."""
        cmap = self.font["cmap"] if self.font is not None and "cmap" in self.font else None
        if cmap is None:
            return None
        for platform, encoding, key in ((3, 0, 0xF000 + code), (1, 0, code), (3, 1, ord(ch) if ch else None)):
            table = cmap.getcmap(platform, encoding)
            name = table.cmap.get(key) if table is not None and key is not None else None
            if name is not None:
                return self.font.getGlyphID(name)
        return None

    def empty(self, gid: int) -> bool:
        """Whether the glyph takes room on the line and draws nothing there. An empty glyph of no width is
        a shaper's placeholder (Noto Sans Devanagari's `dummymarkdeva`, left where a mark joined the glyph
        before it), not a missing letter."""
        name = self.glyph_order[gid]
        return self._advance(name) != 0 and not self._outlined(name)

    def _advance(self, name: str) -> int | None:
        """The glyph's advance width (None for bare CFF, whose widths sit in its charstrings)."""
        return self.font["hmtx"][name][0] if self.font is not None and "hmtx" in self.font else None

    def _outlined(self, name: str) -> bool:
        if self.cff is None:
            glyf = self.font["glyf"] if "glyf" in self.font else None
            return glyf is None or glyf[name].numberOfContours != 0
        from fontTools.pens.boundsPen import ControlBoundsPen
        pen = ControlBoundsPen(None)
        self.cff.CharStrings[name].draw(pen)
        return pen.bounds is not None

IDENTITY = "identity"
CMAP_TOKENS = re.compile(rb"<([0-9A-Fa-f]*)>|(\d+)|(begincidchar|endcidchar|begincidrange|endcidrange)")


def cid_encoding(value):
    """A Type0 font's codes -> CIDs: IDENTITY, or a function code -> CID (None: no CID) for a CMap
    embedded (WeasyPrint writes one when a glyph is missing) or named by Adobe; None when it cannot be
    read (the font is then not checked). Codes are two bytes, as in every CMap WeasyPrint writes."""
    import pikepdf
    if isinstance(value, pikepdf.Name):
        return IDENTITY if str(value) in ("/Identity-H", "/Identity-V") else named_cmap(str(value)[1:])
    if isinstance(value, pikepdf.Stream):
        return embedded_cmap(value.read_bytes()).get
    return None


def embedded_cmap(data: bytes) -> dict[int, int]:
    """code -> CID from a CMap's cidchar and cidrange sections (pdfminer reads cidchar the wrong way round)."""
    found: dict[int, int] = {}
    section, numbers = None, []
    for hexa, number, keyword in CMAP_TOKENS.findall(data):
        if keyword:
            section, numbers = (keyword.decode()[5:] if keyword.startswith(b"begin") else None), []
        elif section is not None:
            numbers.append(int(hexa or b"0", 16) if number == b"" else int(number))
            if section == "cidchar" and len(numbers) == 2:
                found[numbers[0]] = numbers[1]
                numbers = []
            elif section == "cidrange" and len(numbers) == 3:
                low, high, first = numbers
                found.update((code, first + code - low) for code in range(low, high + 1))
                numbers = []
    return found


def named_cmap(name: str):
    from pdfminer.cmapdb import CMapDB
    try:
        cmap = CMapDB.get_cmap(name)
    except Exception:  # noqa: BLE001 - pdfminer's CMapNotFound and its kin: that font is not checked
        return None
    return lambda code: next(iter(cmap.decode(code.to_bytes(2, "big"))), None)
