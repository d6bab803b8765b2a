"""Generated guides for the property tests (Hypothesis): paragraphs, lists, headings, tables and
call-outs in several scripts, with the punctuation that means something in Markdown, HTML or Jinja
(escaped in the source, as a writer would). Shared by the renderers' and the translation's tests."""
from __future__ import annotations

import shutil
import string

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from conftest import SAMPLE

FRONT = "---\ntitle: A generated guide\nlang: en\ndate: 2026-01-31\n---\n\n"
LETTERS = "abcdefghijklmnopqrstuvwxyzéñøçßłğș" + "αβγδεζηθ" + "жщюяфыэ"
MARKUP = ["<b>", "</p>", "{{", "}}", "{%", "%}", "&amp;", "*", "_", "#", "[x]", "(y)", "|", "\\", "`", "<!--", "'\""]

words = st.one_of(st.text(alphabet=LETTERS, min_size=1, max_size=9), st.sampled_from(MARKUP))
sentences = st.lists(words, min_size=1, max_size=12).map(" ".join)


def escape(text: str) -> str:
    """What a writer types to get `text` literally: every ASCII punctuation mark backslash-escaped."""
    return "".join("\\" + c if c in string.punctuation else c for c in text)


@st.composite
def blocks(draw):
    kind = draw(st.sampled_from(["paragraph", "list", "numbered", "heading", "table", "callout", "image"]))
    texts = draw(st.lists(sentences, min_size=1, max_size=4))
    if kind == "paragraph":
        return " ".join(escape(t) for t in texts), texts
    if kind in ("list", "numbered"):
        marker = "-" if kind == "list" else "1."
        return "\n".join(f"{marker} {escape(t)}" for t in texts), texts
    if kind == "heading":
        return "## {n} " + escape(texts[0]).replace("{", "{{").replace("}", "}}"), ["{n}", texts[0]]
    if kind == "table":
        cells = texts + ["x"] * (len(texts) % 2)  # two columns
        rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
        lines = ["| Name | Value |", "|---|---|"] + [f"| {escape(a)} | {escape(b)} |" for a, b in rows]
        return "\n".join(lines), ["Name", "Value"] + cells
    if kind == "image":  # alt text is not printed: it is checked in the structure, not in the words
        return f"![{escape(texts[0])}](picture.png)", []
    style = draw(st.sampled_from(["key-points", "note", "warning", "ask"]))
    return f"::: {style}\n" + "\n\n".join(escape(t) for t in texts) + "\n:::", texts


guides = st.lists(blocks(), min_size=1, max_size=6)


def write_guide(folder, parts) -> list[str]:
    """Write the source; return its words in reading order."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE.parent / "shapes.png", folder / "picture.png")
    # Headings are numbered: a guide may not have two sections of the same name.
    numbered = [(source.format(n=i), [t.format(n=i) if t == "{n}" else t for t in texts]) if "{n}" in texts
                else (source, texts) for i, (source, texts) in enumerate(parts, 1)]
    body = "## Start\n\n" + "\n\n".join(source for source, _ in numbered) + "\n"
    (folder / "en.md").write_text(FRONT + body, encoding="utf-8")
    return ["Start"] + [w for _, texts in numbered for t in texts for w in t.split()]


# Each example renders three files (about a second): no shrinking, the failing example is shown whole.
SLOW = settings(max_examples=25, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
                suppress_health_check=[HealthCheck.function_scoped_fixture])
