"""The YAML front matter -> Meta, with every problem named by its line."""
from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re

import yaml

from .. import model as m
from ..languages import ENGLISH, is_language_tag
from ..languages.catalog import PLACEHOLDER
from .problems import Problems
from .yaml_faults import quoted, writers_fault

FIELDS = {"title", "short_title", "subtitle", "lang", "version", "date", "organisation", "audience",
          "reading_grade", "strict_reading", "terms", "labels"}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_RUNNING_TITLE = 45  # characters: with "- page 12 of 12" the 18 pt footer then fits its two lines


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as the text written (we check them ourselves) and notes duplicate keys."""


def _text(loader, node):
    return loader.construct_scalar(node)


def _mapping(loader, node, deep=False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, type(None), dt.date)):
            raise yaml.constructor.ConstructorError(None, None, "a field's name is a word, not a list or a mapping",
                                                    key_node.start_mark)   # `yaml_faults` says which line
        if isinstance(key, str) and key in seen:
            loader.duplicates.append((key, key_node.start_mark.line, seen[key]))
        seen.setdefault(key, key_node.start_mark.line)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _text)
_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


def read_front_matter(yaml_text: str, problems: Problems, control_characters: bool = False,
                      body_title: str | None = None) -> m.Meta | None:
    """The fields as Meta; `body_title` is the words of a `# Title` opening the body, the title
    when `title:` is not given."""
    try:
        loader = _Loader(yaml_text)
        loader.duplicates = []
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        if not control_characters:  # already reported, line by line, with a clearer message
            yaml_problem(err, yaml_text, problems)
        return None
    for key, line, first in loader.duplicates:
        problems.add(line + 2, f"the field `{key}` is given twice (also on line {first + 2})", "keep one of them")
    if data is None:
        data = {}
    if isinstance(data, list):
        problems.add(2, "the front matter is a list, not fields", "write each field as `name: value`, without a `-` in front")
        return None
    if not isinstance(data, dict):
        fault = writers_fault(yaml_text, None, FIELDS)
        line, message, hint = (fault[0] + 2, *fault[1:]) if fault else (
            2, "the front matter is not a set of fields", "write each field on a line of its own as `name: value`")
        problems.add(line, message, hint)
        return None
    return _Fields(data, yaml_text, problems).meta(body_title)


def yaml_problem(err: yaml.YAMLError, yaml_text: str, problems: Problems) -> None:
    """On the line the writer got wrong, which may be above the one PyYAML noticed (`yaml_faults`)."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    fault = writers_fault(yaml_text, mark.line if mark else None, FIELDS)
    if fault is not None:
        line, message, hint = fault
        problems.add(line + 2, message, hint)
        return
    what = getattr(err, "problem", None) or "it is not valid YAML"
    problems.add(mark.line + 2 if mark else 1, f"the front matter cannot be read from this line ({what})",
                 "write each field on a line of its own as `name: value`, and put in quotes a value that "
                 "holds `: ` or starts with a sign such as `*`, `[` or `@`")


def no_such_day(iso: str) -> str:
    """Why year-month-day `iso` names no day: `February 2026 has 28 days`."""
    year, month, day = (int(part) for part in iso.split("-"))
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    return f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"


def tag_meant(text: str) -> str | None:
    """The tag a writer meant by `en_US` or `Spanish`, if it is clear."""
    hyphened = text.replace("_", "-")
    if is_language_tag(hyphened):
        return hyphened
    from babel import Locale
    return {name.casefold(): tag for tag, name in Locale("en").languages.items()}.get(text.strip().casefold())


def read_as(value, raw: str) -> str:
    """What YAML made of an unquoted value, in words: `reads as the number 1.1`."""
    if isinstance(value, bool):
        return "reads as true or false"
    if isinstance(value, (int, float)):
        return "reads as a number" if str(value) == raw else f"reads as the number {value}"
    return "reads as a list" if isinstance(value, list) else "reads as a set of fields"


class _Fields:
    """Checks each field; every problem goes to the list with the field's own line."""

    def __init__(self, data: dict, yaml_text: str, problems: Problems):
        self.data, self.problems = data, problems
        self.lines, self.raw = {}, {}
        for i, row in enumerate(yaml_text.split("\n")):
            key, colon, value = row.partition(":")
            if colon and not row.startswith((" ", "-", "#")):
                self.lines.setdefault(key.strip(), i + 2)
                self.raw.setdefault(key.strip(), value.strip())

    def problem(self, key: str, message: str, hint: str) -> None:
        self.problems.add(self.lines.get(key, 1), message, hint)

    def meta(self, body_title: str | None = None) -> m.Meta:
        for key in sorted(set(self.data) - FIELDS, key=str):
            close = difflib.get_close_matches(str(key), FIELDS, n=1)
            self.problem(key, f"unknown front-matter field `{key}`",
                         f"did you mean `{close[0]}`?" if close else "the fields are " + ", ".join(sorted(FIELDS)))
        lang = self.lang()
        title, short = self.title(body_title), self.text("short_title")
        self.check_running_title(title, short)
        return m.Meta(lang=lang, title=title, short_title=short,
                      date=self.date(), subtitle=self.text("subtitle"), version=self.text("version"),
                      organisation=self.text("organisation"), audience=self.text("audience"),
                      reading_grade=self.grade(), strict_reading=self.flag("strict_reading"), terms=self.terms(), labels=self.labels(),
                      field_lines=tuple((k, line) for k, line in self.lines.items() if k in self.data))

    def text(self, key: str, empty_hint: str = "", missing_hint: str = "") -> str:
        """A text field; `empty_hint` makes it required, and says how to fill it in."""
        value = self.data.get(key)
        if self.left_out(key):
            return ""
        if value is None:
            if empty_hint:
                self.problem(key, f"the front matter has no `{key}`", missing_hint or f"add a line `{key}: ...` to the front matter")
            return ""
        if not isinstance(value, str):
            raw = self.raw.get(key, str(value))
            self.problem(key, f"`{key}: {raw}` {read_as(value, raw)}, and `{key}` is text",
                         f"put the value in quotes: `{key}: {quoted(raw)}`")
            return str(value)
        if empty_hint and not value.strip():
            self.problem(key, f"`{key}` is empty", empty_hint)
        return value.strip()

    def left_out(self, key: str) -> bool:
        """A value that starts with `#` is a YAML comment: the field is there, empty. Said, if so."""
        if self.data.get(key) is None and self.raw.get(key, "").startswith("#"):
            self.problem(key, f"`{key}: {self.raw[key]}` starts with `#`, which makes the value a note the front "
                         "matter leaves out", f"put the value in quotes: `{key}: {quoted(self.raw[key])}`")
            return True
        return False

    def title(self, body_title: str | None) -> str:
        if self.left_out("title"):
            return ""
        if self.data.get("title") is None and body_title:
            return body_title
        if self.data.get("title") is None:
            self.problem("title", "the front matter has no `title`",
                         "add a line `title: ...` to the front matter, or start the text with `# The title`")
            return ""
        return self.text("title", "write the guide's title after `title:`")

    def check_running_title(self, title: str, short: str) -> None:
        if short and len(short) > MAX_RUNNING_TITLE:
            self.problem("short_title", f"`short_title` has {len(short)} characters",
                         f"shorten it to {MAX_RUNNING_TITLE} or fewer: it is printed in every page's footer")
        elif not short and len(title) > MAX_RUNNING_TITLE:
            self.problem("title", f"the title has {len(title)} characters, too many for the page footer",
                         f"add `short_title:` with {MAX_RUNNING_TITLE} characters or fewer for the footer")

    def lang(self) -> str:
        lang = self.text("lang", "write the guide's language tag after `lang:`, such as en or es",
                         "add a line `lang: en` to the front matter, with the tag of the language it is written in")
        if lang and not is_language_tag(lang):
            tag = tag_meant(lang)
            self.problem("lang", f"`{lang}` is not a language tag",
                         f"write `lang: {tag}`" if tag else "write a language tag such as en, es or pt-BR")
        return lang

    def date(self) -> dt.date:
        value = self.data.get("date")
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        if value is None:
            self.problem("date", "the front matter has no `date`",
                         "add the day it was last reviewed, as year-month-day: `date: 2026-01-31`")
        elif isinstance(value, str) and ISO_DAY.fullmatch(value.strip()):
            self.problem("date", f"`date: {value.strip()}` is not a date: {no_such_day(value.strip())}",
                         "check the month (the middle number) and the day (the last)")
        else:
            self.problem("date", f"`date: {self.raw.get('date', value)}` is not a date",
                         "write the day it was last reviewed as year-month-day: `date: 2026-01-31`")
        return dt.date(1970, 1, 1)

    def grade(self) -> float:
        value = self.data.get("reading_grade", 8)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 18:
            self.problem("reading_grade", f"`reading_grade: {self.raw.get('reading_grade', value)}` is not a school grade",
                         "give a number from 1 to 18; patient material aims for 6 to 8")
            return 8
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.problem(key, f"`{key}: {self.raw.get(key, value)}` is not true or false",
                         f"write `{key}: true` or `{key}: false`")
            return False
        return value

    def labels(self) -> tuple[tuple[str, str], ...]:
        """`labels:` key -> the guide's own words for a label (the translation import writes them), in
        the catalog's order; each keeps the placeholders of the English, or it would print a bare brace."""
        value = self.data.get("labels", {})
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            self.problem("labels", "`labels` should be label names with their words",
                         "write one a line, indented: `  key-points: Puntos clave`")
            return ()
        for key in sorted(set(value) - set(ENGLISH)):
            close = difflib.get_close_matches(key, ENGLISH, n=1)
            self.problem("labels", f"`labels` names `{key}`, which is not a label plainpress prints",
                         f"did you mean `{close[0]}`?" if close else "the labels are " + ", ".join(ENGLISH))
        for key in (k for k in ENGLISH if k in value):
            mine, english = sorted(PLACEHOLDER.findall(value[key])), sorted(PLACEHOLDER.findall(ENGLISH[key]))
            if mine != english:
                self.problem("labels", f"the label `{key}` has {', '.join(mine) or 'no placeholder'} where the English "
                             f"“{ENGLISH[key]}” has {', '.join(PLACEHOLDER.findall(ENGLISH[key])) or 'none'}",
                             "keep each placeholder of the English once, with its braces, where the language puts it")
        return tuple((k, value[k].strip()) for k in ENGLISH if k in value and value[k].strip())

    def terms(self) -> tuple[str, ...]:
        value = self.data.get("terms", [])
        if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
            self.problem("terms", "`terms` should be a list of words", "write it as `terms: [word, another word]`")
            return ()
        return tuple(t.strip() for t in value if t.strip())
