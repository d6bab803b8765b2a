"""Glyphs of the EPUB and the web page: the text of every XHTML or HTML file against the faces their
style sheets embed (@font-face with a font inside the EPUB, or a data: URI in the web page) and name
in a font-family. A character is missing when no such face has it in its cmap (within its
unicode-range): a reader's device would draw it from a face of its own choosing, or as an empty box.
Spaces and format characters (ZWJ, bidi marks) need no glyph."""
from __future__ import annotations

import base64
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes

from lxml import etree

from ..findings import Finding
from ..languages.fonts import drawn
from .result import ToolResult
from .glyph_findings import TOOL, Missing, result

URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""")
RANGE = re.compile(r"U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?", re.I)
FAMILY = re.compile(r"(?<![-\w])font-family\s*:\s*([^;{}]+)", re.I)
# `font: bold 18pt/1.5 "Noto Sans", sans-serif`: the families follow the size (and line height)
SHORTHAND = re.compile(r"(?<![-\w])font\s*:[^;{}]*?\d[\w.%]*(?:/[\w.%]+)?\s+([^;{}]+)", re.I)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOT_DRAWN = ("script", "style", "template", "noscript", "head")


@dataclass(frozen=True)
class Face:
    family: str                               # casefolded
    cmap: frozenset[int]
    ranges: tuple[tuple[int, int], ...] = ()  # its unicode-range; () = every character

    def draws(self, ch: str) -> bool:
        code = ord(ch)
        return code in self.cmap and (not self.ranges or any(low <= code <= high for low, high in self.ranges))


def check_html_glyphs(path: Path, lang: str | None) -> ToolResult:
    try:
        root = etree.parse(str(path), etree.HTMLParser(encoding="utf-8")).getroot()
    except (OSError, etree.LxmlError) as err:
        return unreadable(path.name, err)
    if root is None:
        return unreadable(path.name, ValueError("no HTML in it"))
    sheets = [(css, path.name) for css in inline_styles(root)]
    sheets += [(read_local(path.parent, href), href) for href in linked_styles(root)]
    return judge(path.name, [(path.name, root)], sheets, lambda base, url: data_uri(url), lang,
                 "the web page embeds")


def check_epub_glyphs(path: Path, lang: str | None) -> ToolResult:
    try:
        return _check_epub(path, lang)
    except (OSError, zipfile.BadZipFile, KeyError, etree.LxmlError) as err:
        return unreadable(path.name, err)


def _check_epub(path: Path, lang: str | None) -> ToolResult:
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        pages = [(n, etree.fromstring(package.read(n), parser)) for n in names
                 if n.lower().endswith((".xhtml", ".html", ".htm"))]
        sheets = [(package.read(n).decode("utf-8", "replace"), n) for n in names if n.lower().endswith(".css")]
        sheets += [(css, name) for name, root in pages for css in inline_styles(root)]

        def font_bytes(base: str, url: str) -> bytes | None:
            inside = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(url.split("#")[0])))
            return data_uri(url) if url.startswith("data:") else (package.read(inside) if inside in names else None)

        return judge(path.name, pages, sheets, font_bytes, lang, "the EPUB embeds")


def judge(name: str, pages, sheets, font_bytes, lang: str | None, where: str) -> ToolResult:
    """The characters of the pages that no embedded face named in a font-family draws."""
    faces, families = [], []
    for css, base in sheets:
        faces += font_faces(css, base, font_bytes)
        families += named_families(css)
    used = [f for f in faces if f.family in families] or faces
    text = "".join(drawn_text(root) for _, root in pages)
    missing = Missing()
    for ch in dict.fromkeys(ch for ch in text if drawn(ch)):
        if not any(face.draws(ch) for face in used):
            missing.add(ch, ord(ch))
    counts = {"files": len(pages), "faces": len(used), "characters": len(set(text))}
    return result(name, missing, lang or page_lang(pages), where, counts)


def page_lang(pages) -> str | None:
    """The language the first page says it is in (for a page checked without its guide: the index)."""
    for _, root in pages:
        found = root.get("lang") or root.get(XML_LANG)
        if found:
            return found
    return None


def drawn_text(root) -> str:
    """The text a reader sees: not scripts, style sheets, comments or the head."""
    parts: list[str] = []

    def visit(element) -> None:
        if isinstance(element.tag, str) and etree.QName(element).localname.lower() not in NOT_DRAWN:
            parts.append(element.text or "")
            for child in element:
                visit(child)
                parts.append(child.tail or "")

    visit(root)
    return "".join(parts)


def inline_styles(root) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter()
            if isinstance(e.tag, str) and etree.QName(e).localname == "style"]


def linked_styles(root) -> list[str]:
    return [e.get("href") for e in root.iter("link")
            if "stylesheet" in (e.get("rel") or "").lower() and e.get("href")]


def read_local(folder: Path, href: str) -> str:
    """A style sheet beside the page (never one from the network)."""
    target = folder / unquote(href.split("#")[0].split("?")[0])
    return target.read_text(encoding="utf-8", errors="replace") if "://" not in href and target.is_file() else ""


def data_uri(url: str) -> bytes | None:
    if not url.startswith("data:") or "," not in url:
        return None
    head, body = url[5:].split(",", 1)
    return base64.b64decode(body) if head.endswith(";base64") else unquote_to_bytes(body)


def font_faces(css: str, base: str, font_bytes) -> list[Face]:
    """Each @font-face of a style sheet whose font is inside the file, with its cmap."""
    import tinycss2
    faces = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "font-face" or rule.content is None:
            continue
        values = {d.lower_name: tinycss2.serialize(d.value).strip()
                  for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                  if d.type == "declaration"}
        family = unquoted(values.get("font-family", ""))
        data = next(filter(None, (font_bytes(base, "".join(m.groups("")))
                                  for m in URL.finditer(values.get("src", "")))), None)
        if family and data:
            faces.append(Face(family, font_cmap(data), unicode_ranges(values.get("unicode-range", ""))))
    return faces


def named_families(css: str) -> list[str]:
    """Every family a font-family or font declaration names, casefolded."""
    lists = FAMILY.findall(css) + SHORTHAND.findall(css)
    return [unquoted(part) for value in lists for part in value.replace("!important", "").split(",")]


def unquoted(family: str) -> str:
    return family.strip().strip("\"'").strip().casefold()


def unicode_ranges(value: str) -> tuple[tuple[int, int], ...]:
    ranges = []
    for low, high in RANGE.findall(value):
        if "?" in low:
            ranges.append((int(low.replace("?", "0"), 16), int(low.replace("?", "F"), 16)))
        else:
            ranges.append((int(low, 16), int(high or low, 16)))
    return tuple(ranges)


def font_cmap(data: bytes) -> frozenset[int]:
    """The code points a font file (TrueType, OpenType, WOFF or WOFF2) maps; empty when it is no font."""
    from fontTools.ttLib import TTFont, TTLibError
    try:
        return frozenset(TTFont(io.BytesIO(data), lazy=True).getBestCmap() or ())
    except (TTLibError, OSError, ValueError, AssertionError):
        return frozenset()


def unreadable(name: str, err: Exception) -> ToolResult:
    finding = Finding("error", "glyphs.unreadable", name, f"the file could not be read: {err}")
    return ToolResult(TOOL, name, True, {"missing": 0}, (finding,))
