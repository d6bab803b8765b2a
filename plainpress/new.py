"""`plainpress new`: a guide to start from, showing every feature, with advice in its comments.

The template is plain-language text that builds cleanly with `--strict` as it is, so a writer
starts from a guide that passes and sees at once what their own words change.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from markupsafe import Markup

from .errors import PlainpressError
from .files import write_atomic
from .languages import is_language_tag
from .templating import TEMPLATES, render

NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class NewGuideError(PlainpressError):
    """The guide cannot be made: the message says why and what to do."""


def new_guide(source_dir: Path, name: str, lang: str = "en", title: str = "", today: dt.date | None = None) -> Path:
    """Write `source_dir/<name>/<lang>.md` from the starting template; never over an existing file."""
    if not NAME.match(name):
        raise NewGuideError(f"`{name}` cannot name a guide; use lower-case letters, digits and hyphens, "
                            f"such as `{suggested_name(name)}`")
    if not is_language_tag(lang):
        raise NewGuideError(f"--lang {lang}: not a language tag; use a BCP 47 tag such as en, es or pt-BR")
    target = source_dir / name / f"{lang}.md"
    if target.exists():
        raise NewGuideError(f"{target}: already exists; choose another name, or edit that file")
    text = render(f"new/{template_language(lang)}.md", lang=Markup(lang), english=lang.lower().startswith("en"),
                  title=Markup(json.dumps(title or name.replace("-", " ").capitalize(), ensure_ascii=False)),
                  date=Markup((today or dt.date.today()).isoformat()))
    write_atomic(target, text.encode("utf-8"))
    return target


def template_language(lang: str) -> str:
    base = lang.split("-")[0].lower()
    return base if (TEMPLATES / "new" / f"{base}.md").is_file() else "en"


def suggested_name(text: str) -> str:
    """The folder the import would name from `text` (accents and ligatures undone: `cœur` -> `coeur`),
    or an example when none of it is in Latin letters."""
    from .importing.metadata import guide_name   # only on this refusal's way: the import's own naming
    slug = guide_name(text)
    return slug if slug != "guide" or text.lower() == "guide" else "foot-care"
