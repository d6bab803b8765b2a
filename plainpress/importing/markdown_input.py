"""Markdown written for pandoc, MkDocs or GitHub, made ready for pandoc's reader: the YAML front
matter read here (safe YAML) and mapped onto our fields, and call-outs in any of three spellings
turned into pandoc's fenced divs, which the adapter reads as call-outs:

    !!! warning "When to get help"      (MkDocs; `???` folds)      -> ::: {.warning title="When to get help"}
    > [!NOTE]                           (GitHub)                   -> ::: {.note}
    ::: note Good to know               (our own)                  -> ::: {.note title="Good to know"}
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

# The admonition kinds of MkDocs (Material) and GitHub -> our call-outs; any other becomes a note
KINDS = {"note": "note", "info": "note", "tip": "note", "hint": "note", "abstract": "key-points",
         "summary": "key-points", "tldr": "key-points", "important": "warning", "warning": "warning",
         "caution": "warning", "danger": "warning", "attention": "warning", "error": "warning",
         "question": "ask", "faq": "ask", "key-points": "key-points", "ask": "ask"}
# Front-matter names -> our fields
FIELDS = {"title": "title", "subtitle": "subtitle", "lang": "lang", "language": "lang", "date": "date",
          "author": "organisation", "authors": "organisation", "organisation": "organisation",
          "organization": "organisation", "version": "version", "audience": "audience", "short_title": "short_title"}

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
MKDOCS = re.compile(r'^(!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"([^"]*)")?[ \t]*$')
GITHUB = re.compile(r"^>[ \t]*\[!(\w+)\][ \t]*(.*)$")
OURS = re.compile(r"^:::[ \t]+([\w-]+)(?:[ \t]+(.+))?$")
FENCE = re.compile(r"^(```|~~~)")


@dataclass
class Prepared:
    text: str
    fields: dict[str, str] = field(default_factory=dict)   # our field -> its value, as text
    left_out: list[str] = field(default_factory=list)      # front-matter names that have no place


def prepare(text: str) -> Prepared:
    fields, left_out, body = front_matter(text)
    return Prepared(callouts(body), fields, left_out)


def front_matter(text: str) -> tuple[dict[str, str], list[str], str]:
    found = FRONT_MATTER.match(text)
    if not found:
        return {}, [], text
    try:
        data = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        data = None
    body = "\n" * found.group(0).count("\n") + text[found.end():]  # keep the body's line numbers
    if not isinstance(data, dict):
        return {}, ["(front matter that is not name: value)"], body
    fields, left_out = {}, []
    for key, value in data.items():
        name = FIELDS.get(str(key).lower())
        if name is None or value is None:
            left_out.append(str(key))
        elif name not in fields:
            fields[name] = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return fields, left_out, body


def callouts(text: str) -> str:
    lines, out, fenced = text.split("\n"), [], False
    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line.strip()):
            fenced = not fenced
        if not fenced and (m := MKDOCS.match(line)):
            body, i = indented(lines, i + 1)
            out += [div(m.group(2), m.group(3), f"{m.group(1)} {m.group(2)}"), *body, ":::"]
            continue
        if not fenced and (m := GITHUB.match(line)):
            body, i = quoted(lines, i + 1)
            first = [m.group(2)] if m.group(2).strip() else []
            out += [div(m.group(1), None, f"> [!{m.group(1)}]"), *first, *body, ":::"]
            continue
        if not fenced and (m := OURS.match(line)) and not m.group(1).startswith("{"):
            out.append(div(m.group(1), m.group(2), ""))
        else:
            out.append(line)
        i += 1
    return "\n".join(out)


def div(kind: str, title: str | None, written: str) -> str:
    """A fenced div; `from` names what was written where it was not one of our kinds as such."""
    ours = KINDS.get(kind.lower(), "note")
    attrs = [f".{ours}"]
    if (title is None or not title.strip()) and kind.lower() != ours:
        title = kind.capitalize()   # `!!! tip` and `> [!TIP]` show "Tip": the word stays
    if title is not None and title.strip():
        attrs.append(f'title="{_quoted(title.strip())}"')
    if written and kind.lower() != ours:
        attrs.append(f'from="{_quoted(written)}"')
    return "::: {" + " ".join(attrs) + "}"


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def indented(lines: list[str], i: int) -> tuple[list[str], int]:
    """The block indented under `!!! kind`, dedented; blank lines inside it kept."""
    body = []
    while i < len(lines) and (not lines[i].strip() or lines[i].startswith(("    ", "\t"))):
        body.append(lines[i][4:] if lines[i].startswith("    ") else lines[i].lstrip("\t"))
        i += 1
    while body and not body[-1].strip():
        body.pop()
        i -= 1
    return ["", *body, ""], i


def quoted(lines: list[str], i: int) -> tuple[list[str], int]:
    """The lines of a `>` quotation, without their `>`."""
    body = []
    while i < len(lines) and lines[i].lstrip().startswith(">"):
        body.append(re.sub(r"^\s*>[ ]?", "", lines[i]))
        i += 1
    return ["", *body, ""], i
