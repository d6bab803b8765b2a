"""`--shard I/N`: a stable part of the guides, so that N machines share a build.

Each guide goes to the shard that scores highest for it (rendezvous hashing, on the guide's folder
relative to the source folder): a guide's shard depends on its own name and N alone, so a new guide
moves no other one, and a change of N moves only the guides the new shards win.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Shard:
    index: int   # 1..count
    count: int
    root: Path = Path("source")  # guides are named by their folder relative to this one

    @classmethod
    def parse(cls, text: str, root: Path) -> Shard:
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
            raise ValueError(f"--shard {text}: give I/N with 1 <= I <= N, e.g. --shard 2/4 for the second of four")
        return cls(int(match.group(1)), int(match.group(2)), root)

    def name(self, source: Path) -> str:
        """A guide's name for hashing: its folder relative to the source folder (its own name elsewhere)."""
        folder = source.parent.resolve()
        try:
            return folder.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return folder.name

    def owns(self, source: Path) -> bool:
        name = self.name(source)
        return max(range(1, self.count + 1), key=lambda i: score(name, i)) == self.index


def score(name: str, shard: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{shard}\0{name}".encode()).digest()[:8], "big")
