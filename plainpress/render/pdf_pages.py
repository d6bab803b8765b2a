"""The PDF's pages laid out so that the last one holds at least three lines (STANDARDS "Pages that print
well"). WeasyPrint lays a document out once; when its last page holds fewer lines, the block that
should start that page is given a forced break (or the paragraph that runs onto it more widows) and
the document is laid out a second time; the better of the two layouts is kept. Only such documents
pay for a second layout."""
from __future__ import annotations

from dataclasses import dataclass

from . import weasyprint_load  # noqa: F401 - first: WeasyPrint loaded without find_library
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.formatting_structure import boxes

LAST_PAGE_LINES = 3     # a last page with fewer is a lonely line or two, printed on a sheet of its own
FULL_ENOUGH = 0.6       # a page but the last filled less than this looks like a mistake
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class PageFacts:
    lines: int       # lines of text in the page's content area (the footer's not counted)
    fill: float      # how far down its content area the lowest text, rule or picture reaches (0 to 1)


@dataclass(frozen=True)
class Move:
    """A change to one element that sends `lines` more lines of the page before the last onto it."""
    element: object  # the ElementTree element
    style: str
    lines: int


def laid_out(html: HTML, **options) -> Document:
    """The document, laid out a second time with an earlier break when its last page is too short."""
    document = html.render(**options)
    move = earlier_break(document)
    if move is None:
        return document
    before = move.element.get("style")
    move.element.set("style", f"{before}; {move.style}" if before else move.style)
    again = html.render(**options)
    if quality(again) > quality(document):
        return again
    restore(move.element, before)
    return document


def restore(element, style: str | None) -> None:
    if style is None:
        element.attrib.pop("style", None)
    else:
        element.set("style", style)


def quality(document: Document) -> tuple:
    """Layouts compared: a last page of three lines or more first, then fewer pages under 60% full."""
    facts = [page_facts(page) for page in document.pages]
    underfull = sum(1 for f in facts[:-1] if f.fill < FULL_ENOUGH)
    return facts[-1].lines >= LAST_PAGE_LINES, -underfull


def page_facts(page) -> PageFacts:
    page_box = page._page_box   # private: WeasyPrint keeps no public view of a page's boxes
    top, height = page_box.content_box_y(), page_box.height
    lines, lowest = set(), top
    for box in flow(page_box):
        if isinstance(box, boxes.LineBox) and has_text(box):
            lines.add(round(box.position_y, 1))
            lowest = max(lowest, box.position_y + box.height)
        elif isinstance(box, boxes.ReplacedBox) or drawn_border(box):
            lowest = max(lowest, box.border_box_y() + box.border_height())
    return PageFacts(len(lines), (lowest - top) / height if height else 1.0)


def flow(page_box):
    """The page's boxes but its margin boxes (the running footer)."""
    for child in page_box.children:
        if not isinstance(child, boxes.MarginBox):
            yield from child.descendants()


def has_text(box) -> bool:
    return any(isinstance(b, boxes.TextBox) and b.text.strip() for b in box.descendants())


def drawn_border(box) -> bool:
    return any(getattr(box, f"border_{side}_width", 0) for side in ("top", "right", "bottom", "left"))


def earlier_break(document: Document) -> Move | None:
    """What to change so that the last page gets the lines it lacks, taking as few from the page
    before as will do; None when the last page is long enough or nothing can be moved."""
    pages = document.pages
    if len(pages) < 2:
        return None
    lacking = LAST_PAGE_LINES - page_facts(pages[-1]).lines
    if lacking <= 0:
        return None
    before, last = pages[-2]._page_box, pages[-1]._page_box
    earlier = {box.element for page in pages[:-2] for box in flow(page._page_box)}
    ys = sorted({round(b.position_y, 1) for b in flow(before) if isinstance(b, boxes.LineBox) and has_text(b)})
    moves = [m for m in (more_widows(before, last, lacking), *forced_breaks(before, earlier, ys))
             if m is not None and lacking <= m.lines < len(ys)]
    return min(moves, key=lambda m: m.lines) if moves else None


def more_widows(before, last, lacking: int) -> Move | None:
    """The paragraph that runs from the page before onto the last page keeps more lines for it, when
    enough of it stays behind (two lines: its orphans)."""
    first = next((b for b in flow(last) if isinstance(b, boxes.LineBox)), None)
    paragraph = getattr(first, "element", None)
    if paragraph is None or paragraph.tag != "p":
        return None
    behind = {round(b.position_y, 1) for b in flow(before)
              if isinstance(b, boxes.LineBox) and b.element is paragraph and has_text(b)}
    after = {round(b.position_y, 1) for b in flow(last)
             if isinstance(b, boxes.LineBox) and b.element is paragraph and has_text(b)}
    if not behind or len(behind) - lacking < 2:
        return None
    return Move(paragraph, f"widows: {len(after) + lacking}", lacking)


def forced_breaks(before, earlier: set, ys: list[float]):
    """A forced break before each block that starts on the page before the last, with the lines it
    would send on: never right after a heading (it would stand alone at the page's foot), nor inside
    a box kept whole (a list item, a table row, the contact block) or a table cell."""
    parents = {}
    for box in flow(before):
        for child in getattr(box, "children", ()):
            parents[id(child)] = box
    for box in flow(before):
        element = getattr(box, "element", None)
        if (not isinstance(box, (boxes.BlockLevelBox, boxes.TableRowBox)) or element is None
                or box.element_tag in ("html", "body") or element in earlier
                or kept_whole_inside(box, parents) or follows_heading(element, box, parents)):
            continue
        moved = sum(1 for y in ys if y >= box.position_y - 0.5)   # ys are rounded
        yield Move(element, "break-before: page", moved)


def kept_whole_inside(box, parents) -> bool:
    parent = parents.get(id(box))
    while parent is not None:
        if isinstance(parent, boxes.TableCellBox) or parent.style["break_inside"] in ("avoid", "avoid-page"):
            return True
        parent = parents.get(id(parent))
    return False


def follows_heading(element, box, parents) -> bool:
    """The element comes right after a heading, or is the first thing in a box that does."""
    while True:
        parent = parents.get(id(box))
        if parent is None:
            return False
        siblings = [c for c in parent.children if getattr(c, "element", None) is not None]
        index = next(i for i, c in enumerate(siblings) if c is box) if box in siblings else 0
        if index > 0:
            return siblings[index - 1].element_tag in HEADINGS
        box = parent
