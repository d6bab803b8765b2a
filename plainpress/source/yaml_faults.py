"""The line of the front matter a writer got wrong, and how to mend it.

PyYAML reports a fault where it noticed it, often a line later (`lang en` without its colon is
noticed at the next field) and in its own terms ("could not find expected ':'"). When it fails, the
lines up to the one it names are read here for the faults writers make, and the first found is
reported on its own line, in plain words, with the line as it should be written.
"""
from __future__ import annotations

import re

NAME = re.compile(r"[A-Za-z_][\w-]*$")
MARKUP_SIGNS = "*&!@`%[{|>?"    # a plain value may not start with these
FIELD_LINE = re.compile(r"[^\s:#][^:]*:(?:\s|$)")


def quoted(value: str) -> str:
    """The value in the quotes that need no escape inside it."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def writers_fault(yaml_text: str, noticed: int | None, fields=()) -> tuple[int, str, str] | None:
    """(0-based line, what is wrong, how to mend it) of the first fault found on a line up to the one
    PyYAML noticed a fault on (every line when it names none), or None. `fields`: the names of the
    fields, to tell `lang en` (a field without its colon) from a line of words."""
    rows = yaml_text.split("\n")
    last = len(rows) - 1 if noticed is None else min(noticed, len(rows) - 1)
    for i in range(last + 1):
        fault = line_fault(rows, i, fields)
        if fault is not None:
            return (i, *fault)
    return None


def line_fault(rows: list[str], i: int, fields=()) -> tuple[str, str] | None:
    row = rows[i]
    text = row.strip()
    if not text or text.startswith("#"):
        return None
    if row[:1] == "\t" or (row[:1] == " " and "\t" in row[: len(row) - len(row.lstrip())]):
        return "a tab character at the start of the line", "indent with spaces, not tabs"
    if row[:1] == " ":
        return indented_fault(rows, i)
    if text.startswith("- "):
        return None   # a front matter that is a list is reported once it is read
    name, colon, value = row.partition(":")
    if not colon:
        words = text.split(None, 1)
        if fields and words[0] not in fields:
            return f"`{text}` is not a field: it has no `name:`", f"write it as a field, such as `title: {text}`"
        mend = f"{words[0]}: {words[1]}" if len(words) == 2 else f"{words[0]}: ..."
        return f"`{text}` has no colon after the field's name", f"write `{mend}`"
    if not NAME.match(name.strip()):
        return (f"`{text}` is not a field: a field's name is a word, such as `title`",
                "write the field as `name: value`, or delete the line")
    if value and not value[0].isspace():
        return f"`{text}` has no space after the colon", f"write `{name}: {value.strip()}`"
    return value_fault(name.strip(), value.strip())


def indented_fault(rows: list[str], i: int) -> tuple[str, str] | None:
    """An indented `name: value` is a field only inside one that holds others (`labels:`)."""
    above = next((r for r in reversed(rows[:i]) if r.strip() and not r[:1].isspace()), "")
    if above.rstrip().endswith(":") or not FIELD_LINE.match(rows[i].strip()):
        return None   # inside `labels:`, or the words of a long value going on
    return (f"`{rows[i].strip()}` is indented under `{above.strip()}`",
            "start each field at the beginning of its line, with no space before it")


def value_fault(name: str, value: str) -> tuple[str, str] | None:
    if not value:
        return None
    mend = f"put the value in quotes: `{name}: {quoted(value)}`"
    if value[0] in "'\"":
        end = value.find(value[0], 1)
        while value[0] == "'" and end != -1 and value[end + 1: end + 2] == "'":   # '' is a quote inside
            end = value.find("'", end + 2)
        if end == -1:
            return (f"the quoted value of `{name}` is not closed",
                    f"end it with the same quote mark it starts with (`{value[0]}`)")
        if value[end + 1:].strip() and not value[end + 1:].strip().startswith("#"):
            return (f"the value of `{name}` goes on after its closing quote",
                    f"put the whole value in quotes: `{name}: {quoted(value)}`")
        return None
    if value[0] in MARKUP_SIGNS or value.startswith("- "):
        return f"the value of `{name}` starts with `{value[0]}`, a sign the front matter reads as markup", mend
    if ": " in value or value.endswith(":"):
        return f"the value of `{name}` holds a colon", mend
    return None


def last_field_line(rows: list[str]) -> int | None:
    """The 0-based index of the last line that looks like front matter, from the top (for a front
    matter that is never closed: its `---` belongs below that line)."""
    last = None
    for i, row in enumerate(rows):
        if not row.strip() or not (FIELD_LINE.match(row) or row[:1].isspace() or row.startswith("- ")):
            break
        last = i
    return last
