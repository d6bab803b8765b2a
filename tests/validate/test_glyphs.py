"""The glyph check: PDFs whose embedded fonts lack characters (made by hand, and by WeasyPrint with no
CJK font to fall back on), web pages and EPUBs whose embedded faces lack them, and good ones that pass;
a missing glyph's advice blames a theme only when the theme sets a font."""
from __future__ import annotations

import base64
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont

from conftest import ROOT, require_tool
from plainpress.findings import Finding
from plainpress.build.inputs import tool_version
from plainpress.languages.fonts import atkinson_dir, face_file, subset
from plainpress.build.report import VALIDATOR_WORDS
from plainpress.theme import load_theme
from plainpress.theme.overrides import explain_failures
from plainpress.validate import ToolResult, validators
from plainpress.validate.glyphs import check_glyphs
from plainpress.validate.pdfua import notdef_hint, run_pdfua

ATKINSON = atkinson_dir() / "AtkinsonHyperlegible-Regular.ttf"
CHINESE = "高血压是血管里的压力太高。"
CJK_HINT = ("install the fonts that draw them: Noto Sans CJK SC (fonts-noto-cjk); then build again. If a theme sets "
            "the font, that font lacks these characters: name one that has them")


def latin_only(letters: str = "Helo wrd") -> bytes:
    """Atkinson Hyperlegible cut to a few letters: a face that draws no Chinese, no Arabic."""
    font = TTFont(ATKINSON)
    subsetter = Subsetter(Options(notdef_outline=True))
    subsetter.populate(text=letters)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


# PDFs made by hand: one Type0 font (Identity-H), codes shown as given, ToUnicode saying what each is ------

def hand_made_pdf(path: Path, font: bytes, shown: dict[int, str], cff: bool = False) -> Path:
    """A one-page PDF showing the glyph codes `shown` (code -> the character ToUnicode names) in `font`
    (TrueType as FontFile2, or OpenType CFF as FontFile3)."""
    pdf = pikepdf.new()
    lines = "".join(f"<{code:04X}> <{ord(ch):04X}>\n" for code, ch in shown.items())
    to_unicode = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def\n"
                  b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                  + f"{len(shown)} beginbfchar\n{lines}endbfchar\n".encode() + b"endcmap end end\n")
    program = pdf.make_stream(font)
    if cff:
        program.Subtype = pikepdf.Name.OpenType
    descriptor = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/Test"), Flags=4,
                                    **{"FontFile3" if cff else "FontFile2": program})
    descendant = pikepdf.Dictionary(Type=pikepdf.Name.Font, BaseFont=pikepdf.Name("/Test"),
                                    Subtype=pikepdf.Name("/CIDFontType0" if cff else "/CIDFontType2"),
                                    CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
                                    FontDescriptor=pdf.make_indirect(descriptor))
    if not cff:
        descendant.CIDToGIDMap = pikepdf.Name.Identity
    type0 = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
                                                 BaseFont=pikepdf.Name("/Test"), Encoding=pikepdf.Name("/Identity-H"),
                                                 DescendantFonts=[pdf.make_indirect(descendant)],
                                                 ToUnicode=pdf.make_stream(to_unicode)))
    codes = "".join(f"{code:04X}" for code in shown)
    content = pdf.make_stream(f"BT /F1 24 Tf 72 700 Td [<{codes}>] TJ ET".encode())
    pdf.add_blank_page()
    pdf.pages[0].Contents = content
    pdf.pages[0].Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=type0))
    pdf.save(path)
    return path


def gids(font: bytes, text: str) -> dict[int, str]:
    tt = TTFont(io.BytesIO(font))
    cmap = tt.getBestCmap()
    return {tt.getGlyphID(cmap[ord(ch)]): ch for ch in text}


def test_a_pdf_whose_font_lacks_the_chinese_characters_it_shows_fails_naming_them(tmp_path):
    font = latin_only()
    shown = {**gids(font, "Hello"), 0: "高", 5000: "血"}   # glyph 0 (.notdef), and one past the font's last
    result = check_glyphs(hand_made_pdf(tmp_path / "boxes.pdf", font, shown), "zh-Hans")
    assert result.checked and not result.passed
    assert result.counts == {"fonts": 1, "glyphs": 6, "missing": 2}
    assert [str(f) for f in result.findings] == [
        "boxes.pdf: ERROR: 2 characters have no glyph in the fonts the PDF embeds, so a reader sees an empty box "
        "for each: 高 (U+9AD8, Han), 血 (U+8840, Han) [glyphs.missing]\n    " + CJK_HINT]


def test_an_empty_outline_for_a_letter_is_a_missing_glyph_but_a_space_is_not(tmp_path):
    font = latin_only()
    space = next(iter(gids(font, " ")))
    result = check_glyphs(hand_made_pdf(tmp_path / "empty.pdf", font, {**gids(font, "Hel"), space: "x"}), "en")
    [finding] = result.findings
    assert finding.message == ("1 character has no glyph in the fonts the PDF embeds, so a reader sees an empty "
                               "box for each: x (U+0078, Latin, empty outline)")
    assert finding.hint.startswith("install the fonts that draw them: Atkinson Hyperlegible, Noto Sans")
    spaced = check_glyphs(hand_made_pdf(tmp_path / "space.pdf", font, {**gids(font, "Hel"), space: " "}), "en")
    assert spaced.passed, [str(f) for f in spaced.findings]


def test_an_empty_glyph_of_no_width_is_a_shapers_placeholder_not_a_missing_mark(tmp_path):
    """Noto Sans Devanagari draws an anusvara joined to the glyph before it and leaves `dummymarkdeva`,
    empty and of no width, in its place; ToUnicode names it ं."""
    tt = TTFont(io.BytesIO(latin_only()))
    space = tt.getBestCmap()[ord(" ")]
    tt["hmtx"][space] = (0, 0)
    out = io.BytesIO()
    tt.save(out)
    font = out.getvalue()
    shown = {**gids(font, "Hel"), tt.getGlyphID(space): "ं"}
    result = check_glyphs(hand_made_pdf(tmp_path / "mark.pdf", font, shown), "hi")
    assert result.passed, [str(f) for f in result.findings]


def test_a_pdf_whose_font_has_every_glyph_it_shows_passes(tmp_path):
    font = latin_only()
    result = check_glyphs(hand_made_pdf(tmp_path / "good.pdf", font, gids(font, "Hello world")), "en")
    assert result.passed and result.counts == {"fonts": 1, "glyphs": 8, "missing": 0}


def noto_cjk_subset(text: str) -> bytes:
    face = face_file("Noto Sans CJK SC")
    require_tool(face is not None, "Noto Sans CJK SC (fonts-noto-cjk)")
    return subset(face, text)


def test_a_cid_keyed_cff_font_is_read_through_its_charset(tmp_path):
    font = noto_cjk_subset("高血")
    tt = TTFont(io.BytesIO(font))
    cmap = tt.getBestCmap()
    cids = {int(cmap[ord(ch)][3:]): ch for ch in "高血"}          # glyphs named cid<NNNNN>: their CIDs
    salt = int(TTFont(face_file("Noto Sans CJK SC").path, fontNumber=face_file("Noto Sans CJK SC").index,
                      lazy=True).getBestCmap()[ord("盐")][3:])    # a CID the subset lacks
    good = check_glyphs(hand_made_pdf(tmp_path / "cjk.pdf", font, cids, cff=True), "zh-Hans")
    assert good.passed and good.counts["glyphs"] == 2
    bad = check_glyphs(hand_made_pdf(tmp_path / "salt.pdf", font, {**cids, salt: "盐"}, cff=True), "zh-Hans")
    assert [f.message for f in bad.findings] == [
        "1 character has no glyph in the fonts the PDF embeds, so a reader sees an empty box for each: "
        "盐 (U+76D0, Han)"]


# WeasyPrint with no font that draws Chinese: its .notdef glyphs, found ----------------------------------

ZH_TEXT = "高血压 2026 是血管里的压力太高。每天吃药。少吃盐。"

# WeasyPrint asked for Atkinson Hyperlegible only, in a process whose fontconfig knows no font at all (as
# on a machine without fonts-noto-cjk): every Han character is drawn as .notdef, and WeasyPrint exits 0.
RENDER_WITHOUT_CJK = """
import sys
from pathlib import Path
import weasyprint
atkinson, text, out = sys.argv[1:]
html = ('<html lang="zh-Hans"><head><title>t</title><style>@font-face { font-family: A; src: url(%s) }'
        ' body { font-family: A; font-size: 18pt }</style></head><body><p>%s</p></body></html>' % (atkinson, text))
weasyprint.HTML(string=html).write_pdf(out, pdf_variant="pdf/ua-1")
"""


@pytest.fixture(scope="module")
def notdef_pdf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("notdef")
    (folder / "fonts").mkdir()
    (folder / "fonts.conf").write_text(
        f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{folder / "fonts"}</dir>'
        f"<cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    out = folder / "boxes.pdf"
    subprocess.run([sys.executable, "-c", RENDER_WITHOUT_CJK, ATKINSON.as_uri(), ZH_TEXT, str(out)], check=True,
                   cwd=ROOT, env={**os.environ, "FONTCONFIG_FILE": str(folder / "fonts.conf")}, capture_output=True)
    return out


@pytest.mark.slow
def test_weasyprints_notdef_boxes_are_one_finding_listing_every_han_character(notdef_pdf):
    result = check_glyphs(notdef_pdf, "zh-Hans")
    [finding] = result.findings
    listed = ", ".join(f"{ch} (U+{ord(ch):04X}, {'Common' if ch == '。' else 'Han'})"
                       for ch in dict.fromkeys(ZH_TEXT) if ch not in " 2026")   # Atkinson draws the digits
    assert str(finding) == ("boxes.pdf: ERROR: 16 characters have no glyph in the fonts the PDF embeds, so a "
                            f"reader sees an empty box for each: {listed} [glyphs.missing]\n    {CJK_HINT}")


@pytest.mark.slow
def test_the_pdfua_notdef_failure_names_the_languages_fonts(notdef_pdf):
    found = [f for f in run_pdfua(notdef_pdf, "zh-Hans").findings if f.rule == "pdfua.PDFUA1-NOTDEF-GLYPH-001"]
    assert found and {f.hint for f in found} == {notdef_hint("zh-Hans")}
    assert notdef_hint("zh-Hans") == (
        "a character has no glyph in its font and prints as an empty box (the glyphs check names each one): "
        "install the fonts that draw the guide's language, Noto Sans CJK SC (fonts-noto-cjk), and build again")


# Web pages and EPUBs made by hand ---------------------------------------------------------------------

def page(font: bytes, text: str, family: str = "Only Latin", extra: str = "") -> str:
    data = base64.b64encode(font).decode()
    return (f'<!DOCTYPE html><html lang="zh-Hans"><head><title>高血压</title><style>@font-face {{ font-family: '
            f'"{family}"; src: url("data:font/ttf;base64,{data}") format("truetype"); {extra} }}\n'
            f'body {{ font-family: "{family}"; }}</style><script>var x = "盐";</script></head>'
            f"<body><h1>{text}</h1><!-- 药 --></body></html>")


def test_a_web_page_whose_embedded_face_lacks_its_chinese_fails_naming_the_characters(tmp_path):
    path = tmp_path / "boxes.html"
    path.write_text(page(latin_only(), "Hello 高血压"), encoding="utf-8")
    result = check_glyphs(path, None)   # the language read from the page
    assert [str(f) for f in result.findings] == [
        "boxes.html: ERROR: 3 characters have no glyph in the fonts the web page embeds, so a reader sees an "
        "empty box for each: 高 (U+9AD8, Han), 血 (U+8840, Han), 压 (U+538B, Han) [glyphs.missing]\n    " + CJK_HINT]
    assert result.counts == {"files": 1, "faces": 1, "characters": 8, "missing": 3}


def test_a_face_limited_by_unicode_range_draws_only_that_range(tmp_path):
    path = tmp_path / "range.html"
    path.write_text(page(latin_only(), "Hello", extra="unicode-range: U+0000-0060;"), encoding="utf-8")
    [finding] = check_glyphs(path, "en").findings
    assert finding.message.endswith("e (U+0065, Latin), l (U+006C, Latin), o (U+006F, Latin)")


def test_a_web_page_with_a_cjk_subset_embedded_passes(tmp_path):
    path = tmp_path / "good.html"
    path.write_text(page(noto_cjk_subset("Hello 高血压"), "Hello 高血压", "Noto Sans CJK SC"), encoding="utf-8")
    result = check_glyphs(path, "zh-Hans")
    assert result.passed and result.counts["missing"] == 0


def hand_made_epub(path: Path, font: bytes, text: str) -> Path:
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar" '
             f'lang="ar" dir="rtl"><head><title>t</title><link rel="stylesheet" href="../css/book.css"/></head>'
             f"<body><p>{text}</p></body></html>")
    css = ('@font-face { font-family: "Book"; src: url("../fonts/book.ttf"); }\n'
           'body { font: 18pt/1.5 "Book", serif; }')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("EPUB/text/chapter.xhtml", xhtml)
        z.writestr("EPUB/css/book.css", css)
        z.writestr("EPUB/fonts/book.ttf", font)
    return path


def test_an_epub_whose_embedded_face_lacks_its_arabic_fails_and_one_with_it_passes(tmp_path):
    bad = check_glyphs(hand_made_epub(tmp_path / "boxes.epub", latin_only(), "Hello ضغط"), None)
    [finding] = bad.findings
    assert finding.message == ("3 characters have no glyph in the fonts the EPUB embeds, so a reader sees an "
                               "empty box for each: ض (U+0636, Arabic), غ (U+063A, Arabic), ط (U+0637, Arabic)")
    assert finding.hint.startswith("install the fonts that draw them: Noto Sans Arabic, Noto Sans (fonts-noto-core);")
    arabic = face_file("Noto Sans Arabic")
    require_tool(arabic is not None, "Noto Sans Arabic (fonts-noto-core)")
    good = check_glyphs(hand_made_epub(tmp_path / "good.epub", arabic.path.read_bytes(), "ضغط"), "ar")
    assert good.passed, [str(f) for f in good.findings]


def test_a_file_that_is_not_an_epub_is_a_failure_not_a_crash(tmp_path):
    path = tmp_path / "broken.epub"
    path.write_bytes(b"not a zip")
    result = check_glyphs(path, "en")
    assert result.checked and not result.passed and result.findings[0].rule == "glyphs.unreadable"


# Our own outputs ----------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "epub", "html"])
def test_the_sample_outputs_pass(sample_build, fmt):
    result = check_glyphs(sample_build.outputs[fmt], "en")
    assert result.passed, [str(f) for f in result.findings]
    assert result.counts["missing"] == 0


def test_the_glyph_check_is_a_validator_of_the_pdf_epub_and_web_page_with_a_version_and_words():
    for fmt in ("pdf", "epub", "html"):
        assert "glyphs" in dict(validators(fmt))
    assert "glyphs" not in dict(validators("docx"))
    assert tool_version("glyphs") is not None
    assert VALIDATOR_WORDS["glyphs"] == "every character drawn from a font the file embeds (no empty boxes)"


# A theme is blamed for a missing glyph only when it sets a font ------------------------------------------

def glyph_failure() -> dict:
    found = (Finding("error", "glyphs.missing", "guide-zh-Hans.pdf", "1 character has no glyph", CJK_HINT),
             Finding("error", "pdfua.PDFUA1-NOTDEF-GLYPH-001", "guide-zh-Hans.pdf", "notdef", notdef_hint("zh-Hans")))
    return {"pdf": [ToolResult("glyphs", "guide-zh-Hans.pdf", True, {}, found)]}


def copy_theme(folder: Path, overrides: dict[str, str] | None = None) -> Path:
    """The example theme (its override of pdf/guide.html sets no font), with more overrides added."""
    shutil.copytree(ROOT / "examples" / "clinic-theme", folder)
    for name, text in (overrides or {}).items():
        (folder / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "templates" / name).write_text(text, encoding="utf-8")
    return folder


def test_a_theme_that_sets_no_font_is_not_blamed_for_a_missing_glyph(tmp_path):
    theme = load_theme(copy_theme(tmp_path / "theme"))
    assert explain_failures(glyph_failure(), theme) == glyph_failure()


def test_a_theme_whose_override_sets_the_font_is_blamed(tmp_path):
    folder = copy_theme(tmp_path / "theme", overrides={"pdf/large-print.css": 'body { font-family: "Latin Only"; }\n'})
    [result] = explain_failures(glyph_failure(), load_theme(folder))["pdf"]
    note = (f" (the theme sets the font in {folder}/templates/pdf/large-print.css: that font may lack these "
            "characters; build without --theme to compare)")
    assert [f.hint for f in result.findings] == [CJK_HINT + note, notdef_hint("zh-Hans") + note]
