"""theme.yaml -> the values of a Theme, checked like a guide's front matter: unknown settings with a
did-you-mean, types, the logo a real picture inside the theme's folder, the accent colour at 3:1
against white; every problem with its line."""
from __future__ import annotations

import difflib
import math
import re
from pathlib import Path

import yaml

from ..languages import is_language_tag
from ..render import PAPERS
from ..source.images import Where, read_image_file
from ..source.problems import Problems
from ..validate.colour import contrast, hex_rgb
from .record import Contact, Texts

FIELDS = ("organisation", "lang", "logo", "logo_alt", "accent", "paper", "contact")
CONTACT_FIELDS = ("phone", "questions", "address", "hours", "web")
MIN_ACCENT_CONTRAST = 3.0   # WCAG 1.4.11: rules and borders against white
LOGO = Where(folder="the theme's folder", inside="in the theme's folder", beside="theme.yaml",
             types={".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"})
COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")
PHONE = re.compile(r"\+?[\d ().-]+")


def read_theme_yaml(folder: Path, problems: Problems) -> dict:
    """The Theme's fields from theme.yaml; what is wrong goes to `problems`."""
    text = (folder / "theme.yaml").read_text(encoding="utf-8")
    parsed = parse(text, problems)
    if parsed is None:
        return {"organisation": ()}
    data, lines = parsed
    return _Settings(folder, data, lines, text.split("\n"), problems).values()


def parse(text: str, problems: Problems) -> tuple[dict, dict[str, int]] | None:
    """The settings and the line of each (`contact.phone` -> 9); None when it is not a YAML mapping."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problems.add(mark.line + 1 if mark else 1, f"not valid YAML ({getattr(err, 'problem', None) or err})",
                     "write each setting as `name: value`, and quote a value that holds a colon or starts with #")
        return None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        problems.add(1, "theme.yaml is not a set of settings", "write each setting as `name: value`")
        return None
    lines: dict[str, int] = {}
    _key_lines(node, "", lines, problems)
    return data, lines


def _key_lines(node, prefix: str, lines: dict[str, int], problems: Problems) -> None:
    for key, value in node.value:
        name, line = f"{prefix}{key.value}", key.start_mark.line + 1
        if name in lines:
            problems.add(line, f"the setting `{name}` is given twice (also on line {lines[name]})", "keep one of them")
        lines.setdefault(name, line)
        if isinstance(value, yaml.MappingNode):
            _key_lines(value, name + ".", lines, problems)


def kind_of(value) -> str:
    """What a YAML value is, in words."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return {list: "a list", dict: "a set of fields"}.get(type(value), type(value).__name__)


def darker(colour: str) -> str:
    """The same hue, darkened just enough to reach 3:1 against white: a colour to suggest."""
    rgb = hex_rgb(colour)
    for step in range(100, -1, -1):
        candidate = "#" + "".join(f"{round(c * 255 * step / 100):02x}" for c in rgb)
        if contrast(candidate) >= MIN_ACCENT_CONTRAST:
            return candidate
    return "#000000"


class _Settings:
    def __init__(self, folder: Path, data: dict, lines: dict[str, int], rows: list[str], problems: Problems):
        self.folder, self.data, self.lines, self.rows, self.problems = folder, data, lines, rows, problems
        self.lang = "en"

    def problem(self, name: str, message: str, hint: str) -> None:
        self.problems.add(self.lines.get(name, self.lines.get(name.split(".")[0], 1)), message, hint)

    def get(self, name: str):
        value = self.data
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def values(self) -> dict:
        self.unknown(self.data, FIELDS, "")
        self.lang = self.language()
        logo_file, logo = self.logo()
        return {"organisation": self.texts("organisation", "add a line `organisation: Your clinic's name`"),
                "lang": self.lang, "logo": logo, "logo_file": logo_file, "logo_alt": self.logo_alt(logo_file),
                "accent": self.accent(), "paper": self.paper(), "contact": self.contact()}

    def unknown(self, data: dict, known: tuple[str, ...], prefix: str) -> None:
        for key in sorted(set(map(str, data)) - set(known)):
            close = difflib.get_close_matches(key, known, n=1)
            self.problem(prefix + key, f"unknown setting `{prefix}{key}`",
                         f"did you mean `{prefix}{close[0]}`?" if close else "the settings are " + ", ".join(known))

    def text(self, name: str) -> str:
        """A setting that is one text (or absent: "")."""
        value = self.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(name, f"`{name}` should be text, not {kind_of(value)}",
                         f'put the value in quotes: {name.split(".")[-1]}: "{value}"')
            return ""
        return value.strip()

    def texts(self, name: str, required: str = "") -> Texts:
        """A text, or a text per language (`{en: ..., es: ...}`); `required` says how to add a missing one."""
        value = self.get(name)
        if value is None or value == "":
            if required:
                self.problem(name, f"theme.yaml has no `{name}`", required)
            return ()
        if isinstance(value, str):
            return ((self.lang, value.strip()),)
        if isinstance(value, dict) and value and all(isinstance(t, str) for t in value.values()):
            return tuple((str(tag), text.strip()) for tag, text in value.items() if self.tag(name, tag))
        self.problem(name, f"`{name}` should be text, or a text per language, not {kind_of(value)}",
                     f'write `{name.split(".")[-1]}: words`, or `{name.split(".")[-1]}: {{en: "words", es: "palabras"}}`')
        return ()

    def tag(self, name: str, tag) -> bool:
        if isinstance(tag, str) and is_language_tag(tag):
            return True
        self.problem(f"{name}.{tag}", f"`{tag}` in `{name}` is not a language tag", "use a BCP 47 tag such as en, es or pt-BR")
        return False

    def language(self) -> str:
        lang = self.text("lang") or "en"
        if not is_language_tag(lang):
            self.problem("lang", f"`lang: {lang}` is not a language tag",
                         "give the language of the texts written once, as a BCP 47 tag such as en or es")
            return "en"
        return lang

    def logo(self) -> tuple[str, bytes]:
        src = self.text("logo")
        if not src:
            return "", b""
        return src, read_image_file(self.folder, src, self.lines["logo"], self.problems, LOGO)

    def logo_alt(self, logo_file: str) -> Texts:
        if not logo_file:
            if self.get("logo_alt") is not None:
                self.problem("logo_alt", "`logo_alt` is given but there is no `logo`",
                             "add `logo: file.png`, or delete `logo_alt`")
            return ()
        return self.texts("logo_alt", "add a line `logo_alt: ...` that says what the logo shows")

    def accent(self) -> str:
        if "accent" not in self.data:
            return "#000"
        value = self.data["accent"]
        if value is None:
            written = self.rows[self.lines["accent"] - 1].partition(":")[2].strip()
            return self.wrong_accent(f"`accent:` has no value: YAML reads `{written}` as a comment",
                                     f'put the colour in quotes: accent: "{written.split()[0] if written else "#1f5fa8"}"')
        if not isinstance(value, str) or not COLOUR.fullmatch(value.strip()):
            return self.wrong_accent(f"`accent: {value}` is not a colour",
                                     'write it as a hex colour in quotes, such as accent: "#1f5fa8"')
        colour = value.strip().lower()
        ratio = contrast(colour)
        if ratio < MIN_ACCENT_CONTRAST:
            shown = math.floor(ratio * 10) / 10   # never rounded up to a pass
            return self.wrong_accent(f"the accent colour {colour} has a contrast of {shown:.1f}:1 against white",
                                     f"large print needs 3:1 for rules and borders: choose a darker colour "
                                     f"such as {darker(colour)}")
        return colour

    def wrong_accent(self, message: str, hint: str) -> str:
        self.problem("accent", message, hint)
        return "#000"

    def paper(self) -> str:
        paper = self.text("paper").lower()
        if paper and paper not in PAPERS:
            self.problem("paper", f"`paper: {paper}` is not a page size", f"choose from {', '.join(PAPERS)}")
            return ""
        return paper

    def contact(self) -> Contact | None:
        value = self.data.get("contact")
        if value is None:
            return None
        if not isinstance(value, dict) or not value:
            self.problem("contact", "`contact` should be a set of fields", "indent each field under it, as "
                         "`  phone: 020 7946 0000`: " + ", ".join(CONTACT_FIELDS))
            return None
        self.unknown(value, CONTACT_FIELDS, "contact.")
        return Contact(phone=self.phone(), questions=self.texts("contact.questions"),
                       address=self.texts("contact.address"), hours=self.texts("contact.hours"), web=self.web())

    def phone(self) -> str:
        phone = self.text("contact.phone")
        if phone and not (PHONE.fullmatch(phone) and sum(c.isdigit() for c in phone) >= 3):
            self.problem("contact.phone", f"`phone: {phone}` is not a phone number",
                         "write digits, spaces and dashes, with + in front of a country code, such as 020 7946 0000")
        return phone

    def web(self) -> str:
        web = self.text("contact.web")
        if web and not re.match(r"https?://[^\s/]+\.[^\s]+$", web):
            self.problem("contact.web", f"`web: {web}` is not a web address",
                         "write it in full, starting with https://")
            return ""
        return web
