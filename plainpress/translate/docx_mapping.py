"""Which paragraph of a returned DOCX holds which unit, and each place where they no longer map.

A paragraph's unit is the one whose bookmark starts in it. What a translator may have done instead:
- split a paragraph: its bookmark ends in a later paragraph, or an unmarked paragraph follows a marked
  one of the same style ("join them again");
- merged two: two bookmarks start in one paragraph ("split them again");
- typed a whole paragraph anew, which drops its bookmark in Word: when exactly one unit and one unmarked
  paragraph of that unit's style are missing between two marked neighbours, the paragraph is taken for
  the unit by its place, and said so (not fatal);
- added a paragraph (unmarked, with words), or deleted one (a unit with no bookmark and no stand-in).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from ..findings import first_words
from ..ooxml.body import Paragraph
from .returned import Mismatch
from .units import Unit


@dataclass
class Mapping:
    found: dict[str, Paragraph] = field(default_factory=dict)   # unit id -> its paragraph
    guessed: set[str] = field(default_factory=set)               # taken by place and style
    mismatches: list[Mismatch] = field(default_factory=list)



def a_or_an(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def map_paragraphs(paragraphs: list[Paragraph], units: list[Unit], keys: dict[str, str], label_prefix: str,
                   expected_style) -> Mapping:
    """`keys`: bookmark name -> unit id; `expected_style(unit id)`: the style it was exported in."""
    return _Mapper(paragraphs, units, keys, label_prefix, expected_style).run()


class _Mapper:
    def __init__(self, paragraphs, units, keys, label_prefix, expected_style):
        self.ps, self.units, self.keys, self.label_prefix = paragraphs, units, keys, label_prefix
        self.expected_style = expected_style
        self.order = {u.id: i for i, u in enumerate(units)}
        self.result = Mapping()
        self.seen: dict[str, int] = {}     # unit id -> number of the (last) paragraph it is in
        self.taken: set[int] = set()       # paragraphs accounted for (marked, or part of a split)
        self.single: dict[int, str] = {}   # paragraph index -> the one bookmark (a unit's or a label's) in it
        # bookmark name -> index of the first paragraph it ends in (later ones overwritten by earlier)
        self.end_of = {name: i for i, p in reversed(list(enumerate(paragraphs))) for name in p.ends}

    def run(self) -> Mapping:
        for i in range(len(self.ps)):
            self.marked(i)
        self.fall_back()
        self.unmarked()
        self.deleted()
        self.result.mismatches.sort(key=lambda x: _place(x.where))
        return self.result

    def marks(self, i: int) -> list[str]:
        """The bookmarks of units not met before, and of labels, that start in paragraph i."""
        return [n for n in dict.fromkeys(self.ps[i].starts)
                if n.startswith(self.label_prefix) or (n in self.keys and self.keys[n] not in self.seen)]

    def marked(self, i: int) -> None:
        names = self.marks(i)
        if not names:
            return
        self.seen.update((self.keys[n], self.ps[i].number) for n in names if n in self.keys)
        self.taken.add(i)
        if len(names) > 1:
            self.fatal(self.ps[i], f"the words of {len(names)} paragraphs of the exported file are in this one",
                       "split them again, one paragraph each as in the exported file")
        elif self.end_of.get(names[0], i) > i:
            self.split(i, self.end_of[names[0]], names[0])
        else:
            self.single[i] = names[0]
            if names[0] in self.keys:
                self.result.found[self.keys[names[0]]] = self.ps[i]

    def split(self, first: int, last: int, name: str) -> None:
        self.taken.update(range(first, last + 1))
        if name in self.keys:
            self.seen[self.keys[name]] = self.ps[last].number
        self.fatal(self.ps[first], "one paragraph of the exported file is split here into paragraphs "
                   f"{self.ps[first].number} to {self.ps[last].number}", "join them again into one paragraph")

    def loose(self, i: int) -> bool:
        """An unmarked paragraph with words, not yet accounted for."""
        return i not in self.taken and bool(self.ps[i].text.strip())

    def fall_back(self) -> None:
        anchors = sorted((i, self.order[self.keys[n]]) for i, n in self.single.items() if n in self.keys)
        for (pa, ua), (pb, ub) in pairwise([(-1, -1), *anchors, (len(self.ps), len(self.units))]):
            missing = [u for u in self.units[ua + 1:ub] if u.id not in self.seen]
            loose = [i for i in range(pa + 1, pb) if self.loose(i)]
            if len(missing) == 1 == len(loose) and self.ps[loose[0]].style == self.expected_style(missing[0].id):
                self.guess(loose[0], missing[0])

    def guess(self, i: int, unit: Unit) -> None:
        self.taken.add(i)
        self.seen[unit.id] = self.ps[i].number
        self.result.found[unit.id] = self.ps[i]
        self.result.guessed.add(unit.id)
        self.result.mismatches.append(Mismatch(
            f"paragraph {self.ps[i].number}", first_words(self.ps[i].text),
            f"its mark is lost (was it typed anew?), so it is taken by its place and style for the {unit.kind} "
            f"“{first_words(unit.text)}”", "check that it translates that", fatal=False))

    def unmarked(self) -> None:
        i = 0
        while i < len(self.ps):
            if not self.loose(i):
                i += 1
            elif i - 1 in self.single and self.ps[i - 1].style == self.ps[i].style:
                last = i
                while last + 1 < len(self.ps) and self.loose(last + 1) and self.ps[last + 1].style == self.ps[i].style:
                    last += 1
                self.split(i - 1, last, self.single[i - 1])
                i = last + 1
            else:
                self.fatal(self.ps[i], "this paragraph is not in the exported file",
                           "delete it, or move its words into the paragraph they belong to")
                i += 1

    def deleted(self) -> None:
        for index, unit in enumerate(self.units):
            if unit.id in self.seen or unit.kind == "label":   # a label not in the file is not translated yet
                continue
            before = [self.seen[u.id] for u in self.units[:index] if u.id in self.seen]
            where = f"after paragraph {before[-1]}" if before else "before paragraph 1"
            self.result.mismatches.append(Mismatch(where, first_words(unit.text),
                                                   f"{a_or_an(unit.kind)} of the exported file is missing here",
                                                   "put it back from the exported file, and translate it"))

    def fatal(self, p: Paragraph, message: str, hint: str) -> None:
        self.result.mismatches.append(Mismatch(f"paragraph {p.number}", first_words(p.text), message, hint))


def _place(where: str) -> tuple[int, int]:
    """Mismatches in the order of the document: "before paragraph 1", "paragraph 12", "after paragraph 12"."""
    number = int(where.rsplit(" ", 1)[-1]) if where[-1:].isdigit() else 0
    return number, -1 if where.startswith("before") else 1 if where.startswith("after") else 0
