"""From bytes to text: UTF-8 (a BOM is fine), any line ends, no invisible control characters."""
from __future__ import annotations

import re
from pathlib import Path

from .problems import Problems
from .yaml_faults import last_field_line

# C0 and C1 controls other than tab and line ends: invisible, unprintable, often the trace of a
# wrong conversion (U+0085 is what a Windows-1252 "…" becomes).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode(path: Path, problems: Problems) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.add(1, f"cannot read the file ({err.strerror})", "check the path and its permissions")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            problems.add(1, "the file is saved as UTF-16, not UTF-8", "save it again as UTF-8 in your editor")
            return None
        line = data[: err.start].count(b"\n") + 1
        problems.add(line, f"a letter on this line is not saved as UTF-8 (byte 0x{data[err.start]:02x}): the file "
                     "was saved in another encoding", "save the file again as UTF-8 in your editor")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), 1):
        bad = CONTROL.search(line)
        if bad:
            problems.has_control_characters = True
            problems.add(number, f"a control character (U+{ord(bad.group()):04X}) in the text",
                         "delete it; it is invisible and cannot be printed")
    return text


def split_front_matter(text: str, problems: Problems) -> tuple[str, str, int] | None:
    """(the YAML text, the Markdown body, the body's first line number - 1), or None."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and first > 0 and lines[first].strip() == "---":
            problems.add(1, "a blank line before the front matter",
                         "delete it, so that the file starts with the `---` line")
        else:
            problems.add(1, "the file does not start with its front matter",
                         "start it with a line `---`, then `title:`, `lang:` and `date:` one a line, then `---`")
        return None
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
    if end is None:
        last = last_field_line(lines[1:])
        below = f"below line {last + 2}, its last field" if last is not None else "after its last field"
        problems.add(1, "the front matter that starts here is never closed", f"add a line `---` {below}")
        return None
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1:]), end + 1


def drop_comments(body: str, offset: int, problems: Problems) -> str:
    """A writer's notes: `<!-- ... -->` on lines of their own are left out of every output (each line
    becomes blank, so that every other line keeps its number). Inside a sentence it stays text."""
    lines, start = body.split("\n"), None
    for i, line in enumerate(lines):
        if start is None and line.lstrip().startswith("<!--") and len(line) - len(line.lstrip()) < 4:
            start = i
        if start is not None:
            closed = "-->" in line[line.find("<!--") + 4 if i == start else 0:]
            if closed and line.rstrip().split("-->")[-1].strip():
                problems.add(offset + i + 1, "text after the end of a comment (`-->`)",
                             "put the text on a line of its own, below the comment")
            lines[i] = ""
            if closed:
                start = None
    if start is not None:
        problems.add(offset + start + 1, "a comment (`<!--`) that is never closed",
                     "end it with `-->`; until then the rest of the guide is left out")
    return "\n".join(lines)
