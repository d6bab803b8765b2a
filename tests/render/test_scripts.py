"""The PDF, the EPUB and the web page in each script a clinic's patients read: the faces chosen by the
language, subsets that draw every character, right to left in Arabic and Persian, and WeasyPrint's
empty boxes told once."""
from __future__ import annotations

import base64
import io
import logging
import re
import zipfile

import pytest
from fontTools.ttLib import TTFont
from lxml import etree, html as lxml_html

from plainpress.languages.fonts import drawn, face_file
from plainpress.render import RenderError
from plainpress.render.epub import render_epub
from plainpress.render.html import render_html
from plainpress.render.pdf import guide_html, missing_glyphs, render_pdf, weasyprint_errors
from plainpress.render.scripts import printed_texts
from script_guides import LANGS, PHONE, guide

SC, TC, JP, KR = (f"Noto Sans CJK {x}" for x in ("SC", "TC", "JP", "KR"))
FACES = {"ar": ("Noto Sans Arabic", "Noto Sans"), "fa": ("Noto Sans Arabic", "Noto Sans"),
         "zh-Hans": (SC,), "zh-Hant": (TC,), "ja": (JP,), "ko": (KR,),
         "hi": ("Noto Sans Devanagari", "Noto Sans"), "ru": ("Noto Sans",), "vi": ("Noto Sans",)}
RTL = ("ar", "fa")
XHTML = "{http://www.w3.org/1999/xhtml}"
BOLD = ("h1", "h2", "h3", "h4", "strong", "th")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """fmt, lang -> the bytes (or text, for "pdf-html") of that output of the language's tiny guide."""
    folder, done = tmp_path_factory.mktemp("scripts"), {}
    render = {"pdf-html": guide_html, "html": render_html, "epub": render_epub, "pdf": render_pdf}

    def make(fmt: str, lang: str):
        if (fmt, lang) not in done:
            done[fmt, lang] = render[fmt](guide(folder, lang))
        return done[fmt, lang]
    return make


def family_lists(css: str) -> list[str]:
    return [f.strip() for f in re.findall(r"font-family:\s*([^;]+);", css) if "," in f or "sans-serif" in f]


def expected_family(lang: str) -> str:
    return ", ".join(f'"{f}"' for f in FACES[lang]) + ", sans-serif"


# The page's text, its direction, its faces ------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_names_the_languages_faces_in_the_body_and_the_page_footer(made, lang):
    page = made("pdf-html", lang)
    assert family_lists(page) == [expected_family(lang)] * 2   # @bottom-* and html
    assert ("AtkinsonHyperlegible" in page) is False
    corner = "bottom-right" if lang in RTL else "bottom-left"
    assert re.search(rf"@{corner} \{{[^}}]*direction: {'rtl' if lang in RTL else 'ltr'};", page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_and_the_web_page_say_the_language_and_its_direction(made, lang):
    for page in (made("pdf-html", lang), made("html", lang).decode()):
        root = lxml_html.fromstring(page)
        assert (root.get("lang"), root.get("dir")) == (lang, "rtl" if lang in RTL else None)


@pytest.mark.parametrize("lang", LANGS)
def test_left_to_right_passages_are_isolated_in_right_to_left_text_only(made, lang):
    root = lxml_html.fromstring(made("pdf-html", lang))
    [name] = root.xpath("//span[@lang='en']")
    [phone] = root.xpath("//a[starts-with(@href, 'tel:')]")
    printed = root.xpath("//bdi")
    if lang in RTL:
        assert (name.get("dir"), phone.get("dir"), phone.text) == ("ltr", "ltr", PHONE)
        assert [(b.get("dir"), b.text) for b in printed] == [("ltr", "example.org/bp")]
        assert root.xpath("//a[@href='https://example.org/bp']/@dir") == []   # its words are Arabic
    else:
        assert (name.get("dir"), phone.get("dir"), printed) == (None, None, [])


def test_a_phone_number_link_is_one_unbreakable_box_not_a_span_inside_the_link(made):
    [phone] = lxml_html.fromstring(made("pdf-html", "ar")).xpath("//a[starts-with(@href, 'tel:')]")
    assert (phone.get("class"), len(phone)) == ("nobreak", 0)


def test_the_printed_text_is_read_per_weight_with_list_markers_in_the_regular():
    texts = printed_texts('<html><body><h1>Ab</h1><p>cd <strong>e</strong></p><p class="subtitle">f</p></body></html>')
    assert texts["bold"] == "Abef"
    assert set("Abcdef.0123456789•") <= set(texts["normal"])


# The EPUB and the web page carry subsets that draw every character -----------------------------

def epub_parts(data: bytes) -> tuple[dict[str, bytes], dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        pages = {n: z.read(n) for n in z.namelist() if n.endswith(".xhtml")}
        fonts = {n: z.read(n) for n in z.namelist() if n.startswith("EPUB/fonts/")}
        opf = z.read(next(n for n in z.namelist() if n.endswith(".opf")))
    return pages, fonts, opf


@pytest.mark.parametrize("lang", RTL)
def test_every_epub_page_and_the_spine_run_right_to_left(made, lang):
    pages, _, opf = epub_parts(made("epub", lang))
    assert "EPUB/nav.xhtml" in pages
    for name, page in pages.items():
        root = etree.fromstring(page)
        assert (root.get("dir"), root.get("lang"), name) == ("rtl", lang, name)
    package = etree.fromstring(opf)
    assert package.find("{http://www.idpf.org/2007/opf}spine").get("page-progression-direction") == "rtl"


@pytest.mark.parametrize("lang", [x for x in LANGS if x not in RTL])
def test_a_left_to_right_epub_says_no_direction(made, lang):
    pages, _, opf = epub_parts(made("epub", lang))
    assert b"page-progression-direction" not in opf
    assert all(etree.fromstring(p).get("dir") is None for p in pages.values())


def text_of(roots, tags=None) -> set[str]:
    """The drawn characters of the bodies' text (under `tags` only, when given)."""
    chars = set()
    for root in roots:
        body = next(root.iter("body", XHTML + "body"))
        for el in (body.iter(*tags, *(XHTML + t for t in tags)) if tags else [body]):
            chars.update(ch for ch in "".join(el.itertext()) if drawn(ch))
    return chars


def cmaps(fonts: dict[str, bytes], weight: str) -> set[int]:
    return set().union(*(TTFont(io.BytesIO(d)).getBestCmap() for name, d in fonts.items() if weight in name))


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_epub_carries_small_subsets_of_its_faces_that_draw_every_character(made, lang):
    pages, fonts, opf = epub_parts(made("epub", lang))
    roots = [etree.fromstring(p) for p in pages.values()]
    assert {ord(c) for c in text_of(roots)} <= cmaps(fonts, "-normal")
    assert {ord(c) for c in text_of(roots, BOLD)} <= cmaps(fonts, "-bold")
    assert sum(map(len, fonts.values())) < 150_000
    stems = {re.sub(r"-(normal|bold)\.\w+$", "", n.split("/")[-1]) for n in fonts}
    assert stems <= {re.sub(r"\W", "", f) for f in FACES[lang]} and re.sub(r"\W", "", FACES[lang][0]) in stems
    for name, data in fonts.items():
        kind = "font/otf" if data[:4] == b"OTTO" else "font/ttf"
        assert f'href="{name[5:]}"'.encode() in opf and f'media-type="{kind}"'.encode() in opf
        assert name.endswith(".otf" if kind == "font/otf" else ".ttf")
    css = epub_css(made("epub", lang))
    assert family_lists(css) == [expected_family(lang)]


def epub_css(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("EPUB/reader.css").decode()


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_web_page_carries_woff2_subsets_that_draw_every_character(made, lang):
    page = made("html", lang).decode()
    faces = re.findall(r'font-family: "([^"]+)"; font-weight: (\w+);[^}]*data:font/woff2;base64,([^")]+)', page)
    fonts = {f"{family}-{weight}": base64.b64decode(data) for family, weight, data in faces}
    assert {name.rsplit("-", 1)[0] for name in fonts} <= set(FACES[lang])
    root = lxml_html.fromstring(page)
    assert {ord(c) for c in text_of([root])} <= cmaps(fonts, "-normal")
    assert {ord(c) for c in text_of([root], BOLD)} <= cmaps(fonts, "-bold")
    assert all(d[:4] == b"wOF2" for d in fonts.values()) and sum(map(len, fonts.values())) < 100_000
    assert family_lists(page)[0] == expected_family(lang)


# The PDF: its embedded faces, every character drawn, one face per word ---------------------------

def face_key(name: str) -> str:
    """`ABCDEF+Noto-Sans-CJK-SC-Bold` -> `notosanscjksc`."""
    return re.sub(r"[^a-z]", "", name.split("+")[-1].lower().removesuffix("-bold"))


def pdf_chars(data: bytes) -> list[dict]:
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [c for page in pdf.pages for c in page.chars]


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_embeds_the_languages_faces_and_draws_every_character_from_them(made, lang):
    import pikepdf
    data = made("pdf", lang)
    want = {re.sub(r"[^a-z]", "", f.lower()) for f in FACES[lang]}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        programs = {face_key(str(font.FontName)) for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)
                    and obj.get("/Type") == "/FontDescriptor"
                    for font in [obj] if any(k in obj for k in ("/FontFile", "/FontFile2", "/FontFile3"))}
    assert re.sub(r"[^a-z]", "", FACES[lang][0].lower()) in programs and programs <= want
    chars = pdf_chars(data)
    assert chars and {face_key(c["fontname"]) for c in chars} <= want


@pytest.mark.slow
def test_vietnamese_sets_each_word_of_the_pdf_in_one_face(made):
    import pdfplumber
    with pdfplumber.open(io.BytesIO(made("pdf", "vi"))) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words(return_chars=True)]
    mixed = [w["text"] for w in words if len({c["fontname"] for c in w["chars"]}) > 1]
    assert len(words) > 40 and mixed == []
    assert {face_key(c["fontname"]) for w in words for c in w["chars"]} == {"notosans"}


# WeasyPrint's empty boxes: one message, never a flood ---------------------------------------------

def test_notdef_lines_are_gathered_and_kept_from_the_terminal(caplog):
    caplog.set_level(logging.WARNING)
    log = logging.getLogger("weasyprint")
    with weasyprint_errors() as (errors, missing):
        for ch in "你好你":
            log.warning('.notdef glyph rendered for Unicode string unsupported by fonts: "%s" (U+%04X)', ch, ord(ch))
        log.warning('Too many glyphs missing from "%s", expect text selection problems', "Noto Sans CJK SC")
        log.warning("Ignored `margin: x` at 1:1, invalid value.")
    assert (errors, missing) == ([], {0x4F60: "你", 0x597D: "好"})
    assert [r.getMessage() for r in caplog.records] == ["Ignored `margin: x` at 1:1, invalid value."]


def test_the_missing_characters_are_told_with_their_code_points_language_and_package():
    assert missing_glyphs("zh-Hans", {0x597D: "好", 0x4F60: "你"}) == (
        "no installed font draws 2 characters of this guide (zh-Hans, Chinese (Simplified)), which would "
        "print as empty boxes: 你 (U+4F60), 好 (U+597D); install fonts-noto-cjk (the fonts of Simplified "
        "Chinese script), or a font that draws them, and build again")


@pytest.mark.slow
def test_a_character_no_font_draws_stops_the_pdf_with_one_message(tmp_path, capfd):
    text = "---\ntitle: 高血压\nlang: zh-Hans\ndate: 2026-10-01\n---\n\n每天服药\U000F0001。\n\n再\U000F0001\U000F0002。\n"
    with pytest.raises(RenderError) as raised:
        render_pdf(guide(tmp_path, "zh-Hans", text))
    assert str(raised.value).count("U+F0001") == 1 and "2 characters" in str(raised.value)
    assert "notdef" not in capfd.readouterr().err


@pytest.mark.slow
def test_the_arabic_pdfs_tags_follow_the_reading_order(made):
    import pikepdf
    with pikepdf.open(io.BytesIO(made("pdf", "ar"))) as pdf:
        order = []

        def walk(node):
            if node.get("/S") in ("/H1", "/H2", "/H3", "/P", "/L", "/Lbl", "/Table"):
                order.append(str(node["/S"])[1:])
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid)
        walk(pdf.Root.StructTreeRoot)
    assert order == ["H1", "P", "H2", "L", "Lbl", "H2", "P", "P", "L", "Lbl", "Lbl", "H3", "P", "Table"]


@pytest.mark.slow
def test_the_als_basics_epub_in_chinese_stays_under_a_megabyte():
    from conftest import ROOT
    from plainpress.source import read_guide
    assert len(render_epub(read_guide(ROOT / "source" / "als-basics" / "zh-Hans.md"))) < 1_000_000


@pytest.mark.slow
@pytest.mark.parametrize("first, then", [(render_epub, render_html), (render_html, render_epub)])
def test_a_guide_s_epub_and_web_page_cut_each_face_once_and_their_own_from_that(tmp_path, monkeypatch, first, then):
    """Whichever renders first cuts each face and weight to all the guide's outputs print, and every
    output's cut is made from that cut: one cut of the face per weight, the rest from kept cuts; a
    kept cut is the same font as the face cut to its characters."""
    from plainpress.languages import cuts
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    made, cut = [], cuts._cut
    monkeypatch.setattr(cuts, "_cut", lambda source, face, chars, flavor: made.append(
        ("kept" if source else face.weight, flavor or "ttf")) or cut(source, face, chars, flavor))
    zh = guide(tmp_path, "zh-Hans")
    first(zh)
    then(zh)
    assert sorted(made) == [("bold", "ttf"), ("kept", "ttf"), ("kept", "ttf"), ("kept", "woff2"), ("kept", "woff2"),
                            ("normal", "ttf")]
    regular = face_file(SC, "normal")
    listed = cuts._listed(cuts._held_index(regular))
    wide = cuts._kept_path(regular, max((chars for _, chars in listed), key=len), None)   # the guide's own cut
    chars = "".join(chr(c) for c in sorted(TTFont(wide).getBestCmap()) if c not in cuts.SPACES)
    assert wide.read_bytes() == cut(None, regular, chars, None)
