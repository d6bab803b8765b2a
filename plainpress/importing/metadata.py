"""The guide's front matter from what the document says of itself.

- title: the Title style (pandoc's title), a Markdown or HTML title, else the first heading, else the
  core properties; subtitle from the Subtitle style or front matter;
- lang: `--lang`, else the front matter, else the document's styles or `w:lang`, else its properties;
  none at all is refused, asking for `--lang`;
- organisation: the front matter, the title block plainpress writes, the Company property, else the author;
- date: the review date the document gives, else its last-modified date, flagged for a person to confirm;
- the guide's folder name (`--guide`, else a slug of the title).
A DOCX that plainpress wrote opens with a title block ("For: ...", "... Last reviewed: 23 November
2026."): its fields are read back from there and the block is not body text.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from .. import model as m
from ..errors import PlainpressError
from ..languages import labels, long_date as written_date
from ..languages import is_language_tag, language_name, language_of_words
from ..source.front_matter import MAX_RUNNING_TITLE
from .facts import Facts, plain_date
from .findings import Findings


class ImportRefused(PlainpressError):
    """The document cannot be imported as it is: what is wrong and what to do, in one line."""


@dataclass
class Given:
    """What the document and the command line say, before it becomes Meta."""
    fields: dict[str, str]          # front matter (Markdown) and the title block, by our field names
    pandoc: dict                    # pandoc's own metadata (title, subtitle; lang from HTML)
    facts: Facts
    lang_option: str = ""
    words: list[str] = field(default_factory=list)   # the body's words, to tell its language by


def meta_text(value) -> str:
    """Plain text of a pandoc metadata value."""
    if not isinstance(value, dict):
        return ""
    t, c = value.get("t"), value.get("c")
    if t == "MetaString":
        return c
    if t in ("MetaInlines", "MetaBlocks"):
        return " ".join(_strings(c).split())
    if t == "MetaList":
        return ", ".join(meta_text(x) for x in c)
    return ""


def _strings(node) -> str:
    if isinstance(node, dict):
        if node.get("t") in ("Space", "SoftBreak", "LineBreak"):
            return " "
        return node["c"] if node.get("t") == "Str" else _strings(node.get("c"))
    if isinstance(node, list):
        return "".join(_strings(x) for x in node)
    return ""


def document_title(given: Given) -> str:
    return given.fields.get("title") or meta_text(given.pandoc.get("title"))


def language(given: Given, findings: Findings) -> str:
    for tag, where in ((given.lang_option, "--lang"), (given.fields.get("lang", ""), "the front matter"),
                       (meta_text(given.pandoc.get("lang")), "the page"), (given.facts.lang, given.facts.lang_from)):
        tag = tag.strip().replace("_", "-")
        if tag and is_language_tag(tag):
            if where in ("--lang", "the front matter"):
                return tag
            primary = tag.split("-")[0].lower()
            seen, share = language_of_words(given.words)
            if seen and seen != primary and share >= 0.6:
                findings.add("meta:lang", "lang", f"`lang: {seen}`: the text's words are {language_name(seen)}, "
                             f"though {where} say `{tag}`",
                             "check it; give --lang to say which language the document is in")
                return seen
            if primary != tag:
                findings.add("meta:lang", "lang", f"`lang: {primary}` from {where}, which say `{tag}`",
                             f"write `lang: {tag}` (and name the file {tag}.md) if the regional spelling matters")
            return primary
    raise ImportRefused("the document does not say which language it is in; "
                        "give it with --lang, e.g. `--lang en` or `--lang es`")


def meta(given: Given, title: str, lang: str, findings: Findings, stem: str) -> m.Meta:
    fields, facts = given.fields, given.facts
    if not title:
        title = facts.title or stem.replace("-", " ").replace("_", " ").strip().capitalize()
        findings.add("meta:title", "title", f"the document names no title: `{title}` was taken from "
                     + ("its properties" if facts.title else "the file name"), "write the guide's title after `title:`")
    return m.Meta(title=title, lang=lang, date=review_date(given, findings), subtitle=fields.get("subtitle")
                  or meta_text(given.pandoc.get("subtitle")), version=fields.get("version", ""),
                  organisation=organisation(given, findings), audience=fields.get("audience", ""),
                  short_title=short_title(title, fields.get("short_title", ""), findings))


def organisation(given: Given, findings: Findings) -> str:
    if given.fields.get("organisation"):
        return given.fields["organisation"]
    facts = given.facts
    if facts.organisation or facts.author:
        findings.add("meta:organisation", "organisation", "`organisation` is the document's "
                     + ("company" if facts.organisation else "author") + " in its properties",
                     "check it names the clinic or organisation that gives out the guide")
    return facts.organisation or facts.author


def review_date(given: Given, findings: Findings) -> dt.date:
    given_date = plain_date(given.fields.get("date", "") or meta_text(given.pandoc.get("date")))
    date = given_date or given.facts.modified or dt.date.today()
    where = "the date the document gives" if given_date else f"the last-modified date of {given.facts.modified_from}"
    findings.add("meta:date", "date", f"`date: {date.isoformat()}` is {where}",
                 "confirm it as the date the guide was last reviewed, or write that date")
    return date


def short_title(title: str, given: str, findings: Findings) -> str:
    if given or len(title) <= MAX_RUNNING_TITLE:
        return given
    short = title[:MAX_RUNNING_TITLE + 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    findings.add("meta:short_title", "short-title", f"the title is too long for the page footer: "
                 f"`short_title: {short}` is its first words", "write a short title that reads well on its own")
    return short


# Letters that NFKD does not take apart into a plain letter and its accent
LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o",
                           "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "ı": "i"})


def guide_name(title: str) -> str:
    """A folder name from the title: `Caring for your feet` -> `caring-for-your-feet`,
    `Soins du cœur` -> `soins-du-coeur`; "guide" when nothing of it is in Latin letters."""
    ascii_text = unicodedata.normalize("NFKD", title.translate(LIGATURES)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    while len(slug) > 50 and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug or "guide"


# The title block plainpress writes into a DOCX ---------------------------------------------------

def title_block(blocks: list[m.Block], lang: str) -> tuple[dict[str, str], list[m.Block]]:
    """Fields from the paragraphs "For: <audience>" and "<organisation>. Version <v>. Last reviewed:
    <date>." at the top, and the blocks without them."""
    words, fields = labels(lang), {}
    rest = list(blocks)
    for block in blocks[:2]:
        text = " ".join(m.plain_text(block.content).split()) if isinstance(block, m.Paragraph) else ""
        audience = re.fullmatch(pattern(words["for"], audience="(.+)"), text)
        # no organisation is read from a line that starts with the version
        about = re.fullmatch(r"(?:(?!" + pattern(words["version"], version=r"\S+?") + r")(.+?)\. )?(?:"
                             + pattern(words["version"], version=r"(\S+?)") + " )?"
                             + pattern(words["reviewed"], date="(.+?)") + r"\.?", text)
        if audience:
            fields["audience"] = audience.group(1)
        elif about and long_date(about.group(3), lang):
            fields.update(organisation=about.group(1) or "", version=about.group(2) or "",
                          date=long_date(about.group(3), lang).isoformat())
        else:
            break
        rest.remove(block)
    return {k: v for k, v in fields.items() if v}, rest


def running_title(headers: list[str], lang: str) -> tuple[str, list[str]]:
    """The running title of the footer plainpress writes ("<title> - page N of M", whose numbers are
    fields), and the other headers and footers."""
    words = labels(lang)
    ours = re.compile(r"(.+) - " + pattern(words["page"], page=r"\s*\d*\s*", pages=r"\s*\d*\s*"))
    found = [ours.fullmatch(text) for text in headers]
    title = next((f.group(1) for f in found if f), "")
    return title, [text for text, f in zip(headers, found) if not f]


def pattern(label: str, **groups: str) -> str:
    """A label as a regular expression: each placeholder its group, spaces loose, a last full stop optional."""
    text = re.escape(label).replace(r"\ ", r"\s*")
    for name, group in groups.items():
        text = text.replace(re.escape("{" + name + "}"), group)
    return text.removesuffix(r"\.") + r"\.?"


def long_date(text: str, lang: str) -> dt.date | None:
    """The date `languages.long_date` writes, read back: the year's days written the same way, compared."""
    found = re.search(r"\d{4}", text)
    if not found:
        return None
    year, wanted = int(found.group()), " ".join(text.replace("\u00a0", " ").split()).rstrip(".")
    day = dt.date(year, 1, 1)
    while day.year == year:
        if " ".join(written_date(day, lang).replace("\u00a0", " ").split()).rstrip(".") == wanted:
            return day
        day += dt.timedelta(days=1)
    return None
