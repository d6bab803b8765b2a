"""What a failed check means, in words for the clinic manager who reads report.html and index.html:
per validator (from its record in `validate`), what its failure means for a reader and what to do; per
rule, what is wrong. The tools' own messages and rule ids stay in report.json, accessibility.json and `-v`."""
from __future__ import annotations

from ..render import FORMATS
from ..validate import MAKERS, OFFER_ANOTHER, validator

UNKNOWN_TOOL = ("Some readers may not be able to read part of this file.", MAKERS + OFFER_ANOTHER)

# rule (or the part before its first dot): what is wrong, in plain words
RULES = {
    "pdf.figure-alt": "A picture has no description for screen readers.",
    "pdf.lang": "The file does not say, or says wrongly, which language it is in.",
    "pdf.foreign-lang": "A passage in another language is not marked with its language, so a screen reader "
                        "reads it with the wrong voice.",
    "pdf.heading-order": "The headings skip a level, so a screen reader's list of headings has gaps.",
    "pdf.nonstruct": "Some text is not marked as a heading, paragraph, list or table: a screen reader may skip "
                     "it or read it out of order.",
    "pdf.marked": "The file's tags for screen readers are missing or incomplete.",
    "pdf.untagged": "The file has no tags for screen readers at all.",
    "pdf.fonts": "A font is not stored in the file: it may print in another font elsewhere.",
    "pdf.display-title": "The file shows its file name, not the guide's title, in a reader's window.",
    "pdf.xmp": "The file's description of itself (title, standard) is missing or incomplete.",
    "pdf.size": "Some text is smaller than large print's 18 points.",
    "pdf.heading-size": "Some headings are smaller than large print allows.",
    "pdf.heading-bold": "Some headings are not bold.",
    "pdf.italic": "Some text is in italics, which large print avoids.",
    "pdf.margins": "Some text runs into the page's margins.",
    "pdf.flush-left": "Some text is centred or indented, not set flush left.",
    "pdf.justified": "Some text is justified (stretched to both edges), which makes uneven gaps between words.",
    "pdf.line-spacing": "Some lines are too close together.",
    "pdf.hyphenation": "Some words are broken across lines with a hyphen.",
    "pdf.contrast": "Some text is too faint against its background.",
    "glyphs.missing": "Some characters have no font in the file and show as empty boxes.",
    "pdfua": "A rule of the accessible-PDF standard is broken.",
    "docx.alt-text": "A picture has no description for screen readers.",
    "docx.heading-order": "The headings skip a level.",
    "docx.font-size": "Some text is smaller than large print's 18 points.",
    "docx.contrast": "Some text is too faint against its background.",
    "docx.link-text": "A link's words do not say where it goes.",
    "docx.title": "The Word file has no title in its properties.",
    "docx.language": "The Word file does not say which language it is in.",
    "axe": "A rule of web accessibility (WCAG) is broken.",
    "web.reflow": "On a narrow screen the page has to be scrolled sideways.",
    "web.focus": "Something on the page cannot be seen when it is reached with the keyboard.",
    "web.fetches": "The page tries to load something from elsewhere.",
    "ace": "A rule of e-book accessibility is broken.",
    "epubcheck": "A rule of the EPUB standard is broken.",
    "libreoffice.text-lost": "Some text is missing or changed when LibreOffice opens the file.",
}
STOPPED = "The check could not finish, so the file is not known to pass."

# Findings of the checks, by rule: what each kind is called in a count ("3 long sentences")
KINDS = {
    "plain.sentence-length": ("long sentence", "long sentences"),
    "plain.paragraph-length": ("long paragraph", "long paragraphs"),
    "plain.list-length": ("long list", "long lists"),
    "plain.key-points": ("missing key points", "missing key points"),
    "plain.no-heading": ("section without a heading", "sections without headings"),
    "plain.passive": ("sentence in the passive voice", "sentences in the passive voice"),
    "plain.acronym": ("acronym not spelled out", "acronyms not spelled out"),
    "plain.undefined-term": ("word to define or replace", "words to define or replace"),
    "plain.terms-language": ("term list in another language", "term lists in another language"),
    "plain.italic": ("passage in italics", "passages in italics"),
    "translation.missing": ("part not translated yet", "parts not translated yet"),
    "translation.stale": ("part that translates an older text", "parts that translate an older text"),
    "translation.orphan": ("part the source no longer has", "parts the source no longer has"),
    "translation.moved": ("part that moved in the source", "parts that moved in the source"),
    "labels.missing": ("set of labels that will print in English", "sets of labels that will print in English"),
    "fonts.missing": ("character no font draws", "characters no font draws"),
}


def validator_meaning(tool: str) -> tuple[str, str]:
    """(what a failure of `tool` means for a reader, what to do about it), from its record."""
    found = validator(tool)
    return (found.meaning, found.remedy) if found is not None else UNKNOWN_TOOL


def rule_words(rule: str) -> str:
    """What a validator's rule finds wrong, in plain words; "" for a rule with none (its message is
    shown instead)."""
    if rule.endswith(".stopped") or rule.endswith(".unreadable") or rule == "ace.failed":
        return STOPPED
    return RULES.get(rule) or RULES.get(rule.split(".")[0], "")


def kind_count(rule: str, n: int) -> str:
    """`3 long sentences`; a rule with no words of its own keeps its id."""
    one, many = KINDS.get(rule, (rule, rule))
    return f"{n} {one if n == 1 else many}"

# Each output format in a manager's words (the index and report.html), from its record
FORMAT_WORDS = {name: record.words for name, record in FORMATS.items()}
