"""Edit a DOCX in a running LibreOffice Writer the way a translator would, and save it as DOCX.

Run with the system Python that has `uno` (Debian's python3-uno), not the project's venv:

    /usr/bin/python3 libreoffice_edit.py PIPE_NAME IN.docx OUT.docx EDITS_JSON

EDITS_JSON is a list of edits, applied in order:
  {"do": "overtype", "prefix": "ES "}    every text portion of every paragraph (tables too) becomes
                                         prefix + its text, keeping its formatting and link
  {"do": "split", "before": "words"}     a paragraph break right before the first "words"
  {"do": "merge", "find": "words"}       the paragraph holding "words" is joined with the next one
  {"do": "delete", "find": "words"}      the paragraph holding "words" is removed, with its break
  {"do": "add", "after": "words", "text": "New words", "style": "Standard"}
                                         a new paragraph after the one holding "words"
  {"do": "retype", "find": "words", "text": "New words"}
                                         the whole text of the paragraph holding "words" replaced
  {"do": "dump"}                         print each paragraph's bookmarks and text (for measuring)
"""
from __future__ import annotations

import json
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


KEPT = ("HyperLinkURL", "CharStyleName", "CharLocale")  # a link sets its own style: the style after it


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe: str, wait: float = 60):
    """The Desktop of the LibreOffice listening on `pipe`, waiting for it to start if need be."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + wait
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def paragraphs(text):
    """Every paragraph of a text, the paragraphs of each table cell in place of the table."""
    for element in iter_enum(text):
        if element.supportsService("com.sun.star.text.Paragraph"):
            yield element
        else:  # a table: its cells row by row
            for name in element.getCellNames():
                yield from paragraphs(element.getCellByName(name).getText())


def iter_enum(access):
    enum = access.createEnumeration()
    while enum.hasMoreElements():
        yield enum.nextElement()


def overtype(document, prefix: str) -> None:
    for paragraph in list(paragraphs(document.getText())):
        for portion in reversed(runs(paragraph)):  # from the end: earlier portions keep their places
            type_over(paragraph, portion, prefix + portion.getString())


def runs(paragraph) -> list:
    """The text portions that begin a run of formatting: a portion right after a soft page break (where
    the page ends inside the paragraph) with the formatting of the one before the break continues it."""
    found, before, broken = [], None, False
    for portion in iter_enum(paragraph):
        if portion.TextPortionType == "SoftPageBreak":
            broken = True
            continue
        formatting = [portion.getPropertyValue(name) for name in KEPT] if portion.TextPortionType == "Text" else None
        if formatting is not None and portion.getString() and not (broken and formatting == before):
            found.append(portion)
        before, broken = formatting, False
    return found


def type_over(paragraph, portion, new: str) -> None:
    """Type `new` over a portion as a person keeps its formatting: typed inside it, after its first
    character, then the old characters on either side deleted. Typed text takes the formatting of the
    character before it, except at a link's end, so the portion's style, link and language are set on it."""
    kept = [(name, portion.getPropertyValue(name)) for name in KEPT]
    text, old = portion.getText(), portion.getString()
    cursor = text.createTextCursorByRange(portion.getStart())
    cursor.goRight(1, False)
    text.insertString(cursor, new, False)
    cursor.goLeft(len(new), True)
    for name, value in kept:
        if value and (name != "CharLocale" or not same_locale(value, paragraph.CharLocale)):
            cursor.setPropertyValue(name, value)
    cursor.collapseToEnd()
    cursor.goRight(len(old) - 1, True)
    cursor.setString("")
    first = text.createTextCursorByRange(portion.getStart())
    first.goRight(1, True)
    first.setString("")


def same_locale(a, b) -> bool:
    return (a.Language, a.Country) == (b.Language, b.Country)


def found(document, words: str):
    search = document.createSearchDescriptor()
    search.SearchString = words
    hit = document.findFirst(search)
    if hit is None:
        raise SystemExit(f"not found: {words!r}")
    return hit


def paragraph_cursor(document, words: str):
    hit = found(document, words)
    return hit.getText().createTextCursorByRange(hit.getStart())


def split(document, before: str) -> None:
    hit = found(document, before)
    hit.getText().insertControlCharacter(hit.getStart(), PARAGRAPH_BREAK, False)


def merge(document, find: str) -> None:
    cursor = paragraph_cursor(document, find)
    cursor.gotoEndOfParagraph(False)
    cursor.goRight(1, True)
    cursor.setString("")


def delete(document, find: str) -> None:
    cursor = paragraph_cursor(document, find)
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    cursor.goRight(1, True)
    cursor.setString("")


def retype(document, find: str, text: str) -> None:
    cursor = paragraph_cursor(document, find)
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    cursor.setString(text)


def add(document, after: str, text: str, style: str) -> None:
    cursor = paragraph_cursor(document, after)
    cursor.gotoEndOfParagraph(False)
    cursor.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    cursor.ParaStyleName = style
    cursor.getText().insertString(cursor, text, False)


def dump(document) -> None:
    for paragraph in paragraphs(document.getText()):
        marks = [("start " if p.IsStart else "end " if not p.IsCollapsed else "point ") + p.Bookmark.getName()
                 for p in iter_enum(paragraph) if p.TextPortionType == "Bookmark"]
        print(json.dumps({"style": paragraph.ParaStyleName, "marks": marks, "text": paragraph.getString()[:40]}))


def main(pipe: str, source: str, target: str, edits: str) -> None:
    desktop = connect(pipe)
    source, target = os.path.abspath(source), os.path.abspath(target)
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    try:
        for edit in json.loads(edits):
            do = edit.pop("do")
            {"overtype": overtype, "split": split, "merge": merge, "delete": delete, "add": add, "retype": retype,
             "dump": dump}[do](document, **edit)
        document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "MS Word 2007 XML"),))
    finally:
        document.close(True)


if __name__ == "__main__":
    main(*sys.argv[1:])
