"""One structure element for one HTML element, wherever the page breaks it (PDF/UA 7.1: the tree is
the document's logical order, not its pages). WeasyPrint 70 tags page by page: a paragraph, a list or
a call-out that runs onto the next page becomes two P, two L, two Div, and a screen reader announces
a list of four items, then a list of one. After WeasyPrint has built the tree, the fragments of one
element that stand side by side are joined into the first; a table's header row, repeated on each
page it runs onto, is read once (its repeats are left out of the tree, as the running footer is, and
the cells below them point at the first header's cells)."""
from __future__ import annotations

from contextlib import contextmanager

import pydyf


@contextmanager
def fragments_rejoined():
    from weasyprint import pdf as weasy_pdf
    from weasyprint.pdf import tags

    sources: dict[int, object] = {}   # structure element's object number -> the HTML element it was made from
    build, add_tags = tags._build_box_tree, weasy_pdf.add_tags   # private: an upgrade that drops them fails here

    def build_box_tree(box, parent, *args):
        for structure in build(box, parent, *args):
            if getattr(box, "element", None) is not None:   # the innermost call is the element's own:
                sources.setdefault(structure.number, box.element)   # html and body pass their kids' up
            yield structure

    def add_tags_then_join(pdf, document, *args):
        add_tags(pdf, document, *args)
        root = pdf.objects[number_of(pdf.catalog["StructTreeRoot"])]
        for top in root["K"]:
            join_fragments(pdf, pdf.objects[number_of(top)], sources)

    tags._build_box_tree, weasy_pdf.add_tags = build_box_tree, add_tags_then_join
    try:
        yield
    finally:
        tags._build_box_tree, weasy_pdf.add_tags = build, add_tags


def number_of(reference) -> int | None:
    """The object number of a reference (b"12 0 R"); None for anything else (an MCID, a dictionary)."""
    if isinstance(reference, bytes) and reference.endswith(b" R"):
        return int(reference.split()[0])
    return None


def element_at(pdf, kid) -> pydyf.Dictionary | None:
    """The structure element a kid refers to; None for marked content and object references."""
    number = number_of(kid)
    obj = pdf.objects[number] if number is not None else None
    return obj if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem" else None


def join_fragments(pdf, node, sources: dict) -> None:
    """Join each kid of `node` into the kid before it when both are fragments of one HTML element,
    then do the same below."""
    kept: list = []
    for kid in node["K"]:
        element, before = element_at(pdf, kid), element_at(pdf, kept[-1]) if kept else None
        if element is not None and before is not None and fragments_of_one(before, element, sources):
            absorb(pdf, before, element, sources)
            continue
        kept.append(kid)
    node["K"] = pydyf.Array(kept)
    for kid in kept:
        element = element_at(pdf, kid)
        if element is not None:
            join_fragments(pdf, element, sources)


def fragments_of_one(first, second, sources: dict) -> bool:
    """Two elements of one type from one HTML element that hold only other elements (one that holds
    marked content itself, a Link or a Figure, is named by the ParentTree: it stays as it is)."""
    source = sources.get(first.number)
    return (source is not None and sources.get(second.number) is source and first["S"] == second["S"]
            and holds_only_elements(first) and holds_only_elements(second))


def holds_only_elements(element) -> bool:
    return all(number_of(kid) is not None for kid in element["K"])


def absorb(pdf, first, second, sources: dict) -> None:
    """`second`'s kids moved into `first`; `second` freed (nothing else refers to it)."""
    kids = list(second["K"])
    if first["S"] == "/Table":
        kids = without_repeated_header(pdf, first, kids, sources)
    for kid in kids:
        element_at(pdf, kid)["P"] = first.reference
    first["K"].extend(kids)
    second.free = "f"


def without_repeated_header(pdf, table, kids: list, sources: dict) -> list:
    """The kids of a table's later fragment without the header row WeasyPrint repeats on its page;
    the cells below it refer to the first header's cells instead."""
    heads = [element_at(pdf, k) for k in table["K"] if element_at(pdf, k)["S"] == "/THead"]
    repeat = element_at(pdf, kids[0]) if kids else None
    if not heads or repeat is None or repeat["S"] != "/THead" or sources.get(repeat.number) is not sources.get(heads[0].number):
        return kids
    same = {repeated.string: first for repeated, first in zip(header_ids(pdf, repeat), header_ids(pdf, heads[0]))}
    for kid in kids[1:]:
        for cell in descendants(pdf, element_at(pdf, kid)):
            headers = cell["A"].get("Headers") if isinstance(cell.get("A"), dict) else None
            if headers is not None:
                cell["A"]["Headers"] = pydyf.Array(same.get(h.string, h) for h in headers)
    return kids[1:]


def header_ids(pdf, head) -> list[pydyf.String]:
    return [e["ID"] for e in descendants(pdf, head) if e["S"] == "/TH" and "ID" in e]


def descendants(pdf, element):
    yield element
    for kid in element["K"]:
        child = element_at(pdf, kid)
        if child is not None:
            yield from descendants(pdf, child)
