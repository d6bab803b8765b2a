"""What WeasyPrint's PDFs of one process share: the page's style rules parsed once, and one font
configuration for each set of `@font-face` rules. A warm worker renders a library's guides one after
the other, and the style sheets of guides in one language, theme and paper differ only in a rule or
two (the @page rule holding the footer's running title, the contact block's ids).

The `<style>` elements of the page's `<head>` are taken out of the HTML and handed to WeasyPrint as
`stylesheets=`, in their order. WeasyPrint ranks those as the user's, not the author's: the same
cascade here, since nothing of the author's is left but `style` attributes (they win over any rule
either way) and the user agent's sheet ranks below both; but a user's `!important` ranks above the
author's, so a sheet holding a `!` is not shared. Each sheet is cut into runs of its top-level
rules: a run of rules shared by pages (rules this process has seen in two sheets or more of the same
faces, or in a sheet it has seen before) is parsed once and kept by its text; the page's own rules
(a guide's running title, or any rule of a first page) are parsed for the page. Sheets in order
cascade as one sheet does (WeasyPrint matches them in order; of two rules of one specificity the
later wins), so the cuts change nothing: the same PDF bytes (tests/render/test_pdf_styles.py).

A font configuration holds the faces its `@font-face` rules add; a face it already holds is not
added again (WeasyPrint keys each by its descriptors). A page is only ever given the configuration
of its own rules and of the fonts installed now (languages/known.py `fontconfig_key`: a font
installed since is found by the next build in the same process), so a face one guide declares never
stands in for a missing character in another's.

A page this cannot share exactly (a `<style>` outside a plain `<head>` or with attributes, a
`<link>`ed sheet, a sheet whose rules it cannot cut for sure, rules whose state WeasyPrint keeps per
document or the sheet's start: @import, @layer, @counter-style, @color-profile, @namespace,
@charset) is rendered as before: its HTML as it is, a font configuration of its own.

None of this is locked: a build renders one PDF at a time in a process (build/workers.py: a worker
process takes one task at a time, and the build's threads only wait on other programs), as
render/pdf.py needs anyway (it mends WeasyPrint's functions for the PDF it renders)."""
from __future__ import annotations

import atexit
import multiprocessing.util
import os
import re
from collections import OrderedDict

from . import weasyprint_load  # noqa: F401 - first: WeasyPrint loaded without find_library
from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration

from ..languages.known import fontconfig_key

HEAD = re.compile(r"<head>(.*?)</head>", re.S)
STYLE = re.compile(r"<style>(.*?)</style>", re.S)
# What a plain head holds besides its styles: nothing that ends the head or hides a <style> from
# the HTML parser (a comment, a script, a template).
PLAIN_HEAD = re.compile(r"(?:\s+|<meta\b[^<>]*>|<title>[^<]*</title>)*")
ANY_STYLE = re.compile(r"<style\b", re.I)
LINKED = re.compile(r"<link\b[^>]*\bstylesheet\b", re.I)
PER_DOCUMENT = re.compile(r"@(import|layer|counter-style|color-profile|namespace|charset)\b", re.I)
ESCAPED_AT = re.compile(r"@[\w-]*\\")   # `@font-fac\65`: an at-rule the checks here would not know
AT_FONT_FACE = re.compile(r"@font-face", re.I)
FONT_FACE_RULE = re.compile(r"(?:\s|/\*.*?\*/)*@font-face(?![\w-])", re.I | re.S)
AT_KEYWORD = re.compile(r"\s*@(?:-?[A-Za-z_]|--)")
# A sheet's pieces for cutting it into top-level rules: strings, comments, unquoted urls, brackets
# and semicolons, the rest (escapes kept whole); anything else (an unclosed string or comment) is odd.
UNQUOTED_URL = r'(?i:url)\((?!\s*["\'])(?:\\.|[^)\\])*\)'
PIECES = re.compile(rf'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|{UNQUOTED_URL}|[{{}}()\[\];]'
                    rf'|(?:\\.|/(?!\*)|(?!{UNQUOTED_URL})[^"\'/{{}}()\[\];\\])+|(?P<odd>.)', re.S)
CLOSES = {"{": "}", "(": ")", "[": "]"}

KEPT_SHEETS = 64     # runs of rules kept parsed for one set of faces (a few for each language, theme, paper)
KEPT_RULES = 4000    # rules remembered for one set of faces (then forgotten, and learnt again)
KEPT_CONFIGS = 8     # font configurations kept (one per set of @font-face rules: Atkinson's, none, a theme's)


class Faces:
    """One set of @font-face rules: its font configuration, the runs of rules parsed with it (a sheet
    adds its faces to the configuration it is parsed with: they are kept and dropped together), and
    what it knows of the rules its pages have had."""

    def __init__(self):
        self.config = FontConfiguration()
        self.sheets: OrderedDict = OrderedDict()
        self.first_page: dict[str, int] = {}   # a rule -> the first sheet it was seen in (its hash)
        self.shared: set[str] = set()           # the rules seen in two sheets or more, or a sheet twice
        self.pages: set[int] = set()            # the sheets seen (their hashes)


_faces: OrderedDict = OrderedDict()
_faces_of = os.getpid()   # the process `_faces` was made in
_inherited: list = []     # a forked worker's font configurations of its parent's, never used
_forgotten_at_exit_in: int | None = None   # the process whose exit drops what is kept


def shared_styles(html: str, base_url: str, fetcher) -> tuple[str, dict] | None:
    """The page without its `<style>` elements, and what `HTML.render` is given in their place (the
    parsed sheets, the font configuration); None for a page whose styles are not shared."""
    page = head_styles(html)
    if page is None or LINKED.search(html):
        return None
    html, texts = page
    if any("!" in text or PER_DOCUMENT.search(text) or ESCAPED_AT.search(text) for text in texts):
        return None
    rules = [top_level_rules(text) for text in texts]
    if None in rules:
        return None
    faces = tuple(rule.lstrip() for sheet in rules for rule in sheet if FONT_FACE_RULE.match(rule))
    if len(faces) != sum(len(AT_FONT_FACE.findall(text)) for text in texts):
        return None   # a rule the key would miss: two pages with different faces must not share
    kept = _kept(faces_here(), (fontconfig_key(), base_url, faces), KEPT_CONFIGS, new_faces)
    sheets = [sheet for sheet_rules in rules for sheet in parsed_runs(sheet_rules, base_url, fetcher, kept)]
    return html, {"stylesheets": sheets, "font_config": kept.config}


def head_styles(html: str) -> tuple[str, list[str]] | None:
    """The page without the `<style>` elements of its head, and their texts; None unless every
    `<style>` of the page is a plain one in a plain head (the HTML parser reads it as a style, and
    as the page's: not an SVG's, not one in a comment)."""
    head = HEAD.search(html)
    if head is None or "<!--" in head.group(1):
        return None
    texts = STYLE.findall(head.group(1))
    rest = STYLE.sub("", head.group(1))
    if (not texts or len(ANY_STYLE.findall(html)) != len(texts) or not PLAIN_HEAD.fullmatch(rest)
            or any("</" in text for text in texts)):   # `</STYLE>`: where the parser ends it, not here
        return None
    return html[:head.start(1)] + rest + html[head.end(1):], texts


def parsed_runs(rules: list[str], base_url: str, fetcher, faces: Faces) -> list[CSS]:
    """A sheet as runs of its rules, each parsed: a run of rules shared with other pages kept by its
    text, a run of the page's own parsed for it."""
    if len(faces.first_page) > KEPT_RULES:
        faces.first_page.clear()
        faces.shared.clear()
        faces.pages.clear()
    page = hash("".join(rules))
    again = page in faces.pages   # the same sheet again (the same guide rebuilt): all of it is shared
    faces.pages.add(page)
    for rule in rules:
        if again or faces.first_page.setdefault(rule, page) != page:
            faces.shared.add(rule)
    out = []
    for shared, run in runs(rules, faces.shared.__contains__):
        chunk = "".join(run)
        if shared:
            out.append(_kept(faces.sheets, (chunk, base_url), KEPT_SHEETS, lambda: parse(chunk, base_url, fetcher, faces)))
        else:
            out.append(parse(chunk, base_url, fetcher, faces))
    return out


def runs(rules: list[str], shared) -> list[tuple[bool, list[str]]]:
    """The rules in order, as runs of rules all shared or all not."""
    out: list[tuple[bool, list[str]]] = []
    for rule in rules:
        known = shared(rule)
        if out and out[-1][0] == known:
            out[-1][1].append(rule)
        else:
            out.append((known, [rule]))
    return out


def top_level_rules(text: str) -> list[str] | None:
    """The sheet cut after each top-level rule (its closing brace, or an at-rule's semicolon); the
    comments and spaces before a rule go with it, and the pieces joined are the sheet again. None for
    a sheet whose rules this cannot tell for sure: a stray or unclosed bracket, an unclosed string,
    comment or url, a brace or `;` inside brackets, a `;` ending anything but an at-rule (CSS reads
    `p {};h1 {}` as one rule, `;h1 {}`, and drops it)."""
    rules, start, open_, at_rule = [], 0, [], None   # at_rule: the rule begins with an at-keyword
    for piece in PIECES.finditer(text):
        token = piece.group()
        if piece.group("odd") is not None:
            return None
        if at_rule is None and not token.startswith("/*") and token.strip():
            at_rule = AT_KEYWORD.match(token) is not None
        if token in CLOSES:
            if open_ and open_[-1] != "{" and token == "{":
                return None
            open_.append(token)
        elif token in ("}", ")", "]"):
            if not open_ or CLOSES[open_.pop()] != token:
                return None
        elif token == ";" and (open_[-1] != "{" if open_ else not at_rule):
            return None
        if not open_ and token in ("}", ";"):
            rules.append(text[start:piece.end()])
            start, at_rule = piece.end(), None
    if open_:
        return None
    if text[start:].strip():
        rules.append(text[start:])
    return rules


def parse(text: str, base_url: str, fetcher, faces: Faces) -> CSS:
    return CSS(string=text, base_url=base_url, url_fetcher=fetcher, font_config=faces.config)


def _kept(store: OrderedDict, key, most: int, make):
    if key in store:
        store.move_to_end(key)
        return store[key]
    value = store[key] = make()
    if len(store) > most:
        store.popitem(last=False)
    return value


def new_faces() -> Faces:
    """A set of faces, dropped when this process ends: by multiprocessing's finalizers in a worker of
    a process pool (it ends with os._exit, before atexit's functions: its folder of faces would stay
    in /tmp), by atexit here."""
    global _forgotten_at_exit_in
    if _forgotten_at_exit_in != os.getpid():   # a forked worker starts with no finalizers
        multiprocessing.util.Finalize(None, forget, exitpriority=0)
        _forgotten_at_exit_in = os.getpid()
    return Faces()


def forget() -> None:
    """Drop what is kept (a test's fresh start, as in a new process)."""
    _faces.clear()
    _inherited.clear()


def faces_here() -> OrderedDict:
    """What this process keeps: a forked worker starts with nothing. Its parent's font configurations
    are set aside, not freed (WeasyPrint would delete their folder of faces, which the parent still
    uses), and this is done when the worker first asks, not at the fork: a program started with a
    preexec_fn (EPUBCheck, Ace, LibreOffice) is a fork of this process too, made while other threads
    may hold fontconfig's or Pango's locks, and freeing anything of theirs there waits forever."""
    global _faces_of
    if _faces_of != os.getpid():
        for faces in _faces.values():
            faces.config._folder = None   # private: the folder FontConfiguration.__del__ deletes
        _inherited.extend(_faces.values())
        _faces.clear()
        _faces_of = os.getpid()
    return _faces


# Dropped before the interpreter takes its modules apart: a font configuration freed after cffi's
# libraries are gone crashes the process at its exit.
atexit.register(forget)
