"""The languages of the guide being previewed: which one the preview starts on, and the links on the
page to the others (`/?lang=es`), placed before the guide's own markup rather than inside it.

The preview starts on the language the others are translated from: each translation's record
(`es.translation.json`) names it as `from`. A guide with no record starts on its first language.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from lxml import etree, html

from ..languages.cldr import native_name
from ..build.result import BuildInputError
from ..build.find import find_sources, language_files

STYLE = (".pp-languages { border-bottom: 0.125rem solid #000; padding: 0.4rem 1rem; margin: 0 0 1rem; }"
         ".pp-languages a { margin-right: 1rem; }"
         ".pp-languages a[aria-current] { font-weight: bold; text-decoration: none; }"
         "@media print { .pp-languages { display: none; } }")


@dataclass(frozen=True)
class GuideLanguages:
    sources: dict[str, Path]   # language tag (as the file is named) -> its source, in file order
    start: str                 # the language the preview opens on

    def href(self, tag: str) -> str:
        return "/?" + urlencode({"lang": tag})

    def named(self, asked: str) -> str | None:
        """The tag of the guide's language `asked` names, whatever its case, or None."""
        return next((tag for tag in self.sources if tag.casefold() == asked.casefold()), None)


def guide_languages(path: Path, lang: str = "") -> GuideLanguages:
    """Every language of the guide at `path` (a folder, or one `<lang>.md` to start on), starting on
    `lang` when given, else on the file given, else on the source language."""
    if lang and "," in lang:
        raise BuildInputError(f"--lang {lang}: give one language tag, such as en or es")
    found = find_sources([path], (lang,) if lang else ())   # says what is wrong with the path or --lang
    folders = sorted({p.parent for p in found})
    if len(folders) > 1:
        commands = "\n".join(f"  plainpress serve {f}" for f in folders)
        raise BuildInputError(f"{path} holds {len(folders)} guides; name the one to preview:\n{commands}")
    sources = {p.stem: p for p in language_files(folders[0])}
    chosen = lang or path.suffix.lower() == ".md"
    return GuideLanguages(sources, found[0].stem if chosen else source_language(list(sources.values())))


def source_language(sources: list[Path]) -> str:
    """The language most translations of the guide are made from, else the first."""
    from ..translate.memory import read_record
    named = Counter()
    for source in sources:
        try:
            record = read_record(source)
        except ValueError:
            continue   # a damaged record is the preview's to report, on its page
        if record is not None:
            named[record.source_lang.casefold()] += 1
    tags = {p.stem.casefold(): p.stem for p in sources}
    found = [tags[tag] for tag, _ in named.most_common() if tag in tags]
    return found[0] if found else sources[0].stem


def add_language_links(tree, languages: GuideLanguages, current: str) -> None:
    """A line of links to the guide in each of its languages, the current one marked, at the top of
    the body after the skip link: the writer's, like the overlay; the built page has none."""
    if len(languages.sources) < 2:
        return
    nav = html.Element("nav", {"class": "pp-languages", "aria-label": "This guide in its languages", "lang": "en"})
    nav.text = "Preview in: "
    for tag in languages.sources:
        link = etree.SubElement(nav, "a", {"href": languages.href(tag), "hreflang": tag, "lang": tag})
        link.text = native_name(tag)
        link.tail = " "
        if tag == current:
            link.set("aria-current", "page")
    body = tree.find("body")
    skip = body.find("a[@class='skip-link']")
    body.insert(body.index(skip) + 1 if skip is not None else 0, nav)
    style = html.Element("style")
    style.text = STYLE
    tree.find("head").append(style)
