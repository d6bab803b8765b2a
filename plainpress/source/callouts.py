"""Where each call-out ends, found from the lines before Markdown is parsed.

A call-out left open swallows what follows it: the parser then finds headings "inside a call-out" and
the next call-out "inside another", and a writer is told of those first. Call-outs do not nest and
hold no headings, so a call-out that meets a heading and then another call-out (or the end of the
file) before its `:::` was never closed: the cause, reported once at its opening line. The reader
closes it where the writer most likely meant to (before that heading), so that what follows reads as
it was written and its own problems, if any, are its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = re.compile(r" {0,3}:{3,}\s*(\S.*?)\s*$")   # `::: note`, `::: note A title`
CLOSING = re.compile(r" {0,3}:{3,}\s*$")
HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Unclosed:
    line: int                  # the opening line, 0-based in the body
    style: str                 # `key-points`
    heading: int | None        # the first heading after it (0-based), where it is closed for reading


@dataclass
class _Open:
    line: int
    style: str
    heading: int | None = None
    nested: bool = False       # another call-out opened inside it: the parser reports that instead


def unclosed_callouts(lines: list[str]) -> list[Unclosed]:
    """Each call-out that is never closed, in the order they open."""
    found: list[Unclosed] = []
    stack: list[_Open] = []
    fence = None
    for i, line in enumerate(lines):
        marks = FENCE.match(line)
        if marks and (fence is None or marks.group(1)[0] == fence[0] and len(marks.group(1)) >= len(fence)):
            fence = None if fence else marks.group(1)
            continue
        if fence:
            continue
        if CLOSING.match(line):
            if stack:
                stack.pop()
        elif opening := OPENING.match(line):
            if stack and stack[-1].heading is not None:
                top = stack.pop()
                found.append(Unclosed(top.line, top.style, top.heading))
            if stack:
                stack[-1].nested = True
            stack.append(_Open(i, opening.group(1).split()[0]))
        elif HEADING.match(line) and stack and stack[-1].heading is None:
            stack[-1].heading = i
    found += [Unclosed(o.line, o.style, o.heading) for o in stack if not o.nested]
    return sorted(found, key=lambda u: u.line)


def closed_for_reading(lines: list[str], unclosed: list[Unclosed]) -> tuple[list[str], list[int]]:
    """The lines with a `:::` added where each unclosed call-out is taken to end (before its first
    heading, else at the end), and the 0-based positions, in the new lines, of the lines added."""
    at = sorted(u.heading if u.heading is not None else len(lines) for u in unclosed)
    out, added = [], []
    for i, line in enumerate(lines):
        while at and at[0] == i:
            added.append(len(out))
            out.append(":::")
            at.pop(0)
        out.append(line)
    for _ in at:
        added.append(len(out))
        out.append(":::")
    return out, added
