"""Pandoc's table -> our Table: a rectangular grid of cells, one row the header.

A source's table has one header row and plain cells. The header is the row the document marked to
repeat (pandoc's table head), else a first row that is all bold, else the first row (the importer
says so where the table stays a table). A merged
cell keeps its words in its first place and leaves the places it covered empty, and is listed: a person
must split it. A cell's paragraphs and list items are run together into one line.
"""
from __future__ import annotations

from .. import model as m
from .findings import Findings


def grid(rows: list[list], columns: int) -> tuple[list[list[list]], list[int]]:
    """The pandoc rows as a grid of cell contents (block lists), and the rows (counted from 1) where
    a cell spans more than one place."""
    covered: dict[tuple[int, int], bool] = {}
    out, merged_rows = [], []
    for r, (_, cells) in enumerate(rows):
        line, col = [], 0
        for _, _, rowspan, colspan, blocks in cells:
            while (r, col) in covered:
                line.append([])
                col += 1
            line.append(blocks)
            span_rows, span_cols = rowspan, colspan
            if span_rows > 1 or span_cols > 1:
                merged_rows.append(r + 1)
            for dr in range(span_rows):
                for dc in range(span_cols):
                    if dr or dc:
                        covered[(r + dr, col + dc)] = True
            line += [[] for _ in range(span_cols - 1)]
            col += span_cols
        while len(line) < columns:
            line.append([])
        out.append(line[:columns])
    return out, merged_rows


def all_bold(row: list[tuple[m.Inline, ...]]) -> bool:
    filled = [cell for cell in row if m.plain_text(cell).strip()]
    return bool(filled) and all(len(cell) == 1 and isinstance(cell[0], m.Strong) for cell in filled)


def unbolded(row: list[tuple[m.Inline, ...]]) -> tuple[tuple[m.Inline, ...], ...]:
    return tuple(cell[0].children if len(cell) == 1 and isinstance(cell[0], m.Strong) else cell for cell in row)


def table(c: list, cell_content, at: str, findings: Findings) -> tuple[m.Table, bool]:
    """The Table (provisional id `at`) and whether the document marked its header row, from pandoc's
    `Table attr caption colspecs head bodies foot`; `cell_content(blocks)` gives a cell's inlines."""
    _, _, colspecs, head, bodies, foot = c
    head_rows = head[1]
    rows = head_rows + [row for body in bodies for row in body[2] + body[3]] + foot[1]
    cells, merged_rows = grid(rows, len(colspecs))
    content = [[cell_content(blocks) for blocks in row] for row in cells]
    if merged_rows:
        findings.add(at, "merged-cells", f"merged cells (row {', '.join(map(str, sorted(set(merged_rows))))} of the "
                     "table) were split: their words are in the first of the cells they covered",
                     "check that each row still says what it said; a guide's table has no merged cells")
    marked = bool(head_rows) or (bool(content) and all_bold(content[0]))
    if not content:
        return m.Table((), (), at, m.NOWHERE), marked
    header = unbolded(content[0]) if marked else tuple(content[0])
    return m.Table(header, tuple(tuple(row) for row in content[1:]), at, m.NOWHERE), marked
