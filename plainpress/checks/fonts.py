"""Before a build: the characters of a guide that no installed face of its language draws.

A guide's outputs can draw only from the faces its language's record names (`faces_for`: Atkinson
Hyperlegible dropped where it lacks the guide's letters); a character none of them has would print as
an empty box. This says so before anything is rendered, naming the writing systems and the package
that installs their faces. It asks fontconfig what is installed, so its findings are not kept in the
build cache: installing the package clears it on the next run.
"""
from __future__ import annotations

import re

from .. import model as m
from ..findings import Finding
from ..languages import language, labels
from ..languages.fonts import faces_for, missing_from

PLACEHOLDER = re.compile(r"\{\w+\}")   # "page {page} of {pages}": the braces are not printed
SHOWN = 20
SHARED = ("Zyyy", "Zinh")   # punctuation, digits and marks every script uses: named only when alone


def font_findings(guide: m.Guide, folders=()) -> list[Finding]:
    """One error naming the characters no installed face of the guide's language draws (none when all
    are drawn); `folders`: a theme's label catalogs, whose words print too."""
    from ..translate.units import units
    record = language(guide.meta.lang)
    parts = [(u.text, u.loc) for u in units(guide) if not u.kind.startswith("image description")]
    words = labels(guide.meta.lang, folders, own=guide.meta.own_labels)
    printed = [PLACEHOLDER.sub("", text) for text in words.values()]
    text = "".join(t for t, _ in parts) + "".join(printed)
    faces = faces_for(record, text)
    missing = missing_from(faces, text)
    if not missing:
        return []
    where = next((loc for t, loc in parts if loc is not None and set(t) & set(missing)), None)
    return [Finding("error", "fonts.missing", str(where) if where else str(guide.path),
                    message(missing, faces), hint(missing, guide.meta.lang))]


def message(missing: list[str], faces: tuple[str, ...]) -> str:
    from fontTools.unicodedata import script, script_name
    codes = list(dict.fromkeys(script(ch) for ch in missing))
    scripts = [script_name(c) for c in codes if c not in SHARED] or [script_name(c) for c in codes]
    listed = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:SHOWN])
    more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
    count = len(missing)
    return (f"no installed font draws {count} character{'s' if count > 1 else ''} of this guide "
            f"({', '.join(scripts)}): {listed}{more}; its PDF, EPUB and web page would show an empty box for each "
            f"(the guide's fonts: {', '.join(faces)})")


def hint(missing: list[str], lang: str) -> str:
    """The faces and package for each writing system of the missing characters, and how to install them."""
    from ..validate.glyph_findings import faces_and_package, script_of
    wanted = [faces_and_package(code, lang) for code in dict.fromkeys(script_of(ch, lang) for ch in missing)]
    fonts = "; ".join(f"{', '.join(faces)} ({package})" if faces else package for faces, package in wanted)
    debian = [package for _, package in wanted if package.startswith("fonts-")]
    command = f" (on Debian and Ubuntu `sudo apt-get install {' '.join(debian)}`; `make` does it)" if debian else ""
    return f"install the fonts that draw them: {fonts}{command}; then check again"
