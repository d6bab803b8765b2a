"""What the XLIFF and PO tests share: the guides they round-trip and the texts they expect back."""
from __future__ import annotations

from pathlib import Path

from conftest import ALS, FIXTURES, ROOT, SAMPLE
from plainpress import model as m
from plainpress.translate.exchange import to_translate
from plainpress.translate.returned import Previous

GUIDES = [ALS, ROOT / "source" / "als-basics" / "en.md", SAMPLE, FIXTURES / "good" / "cuidado-de-los-pies" / "es.md"]


def saved(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def as_given(guide: m.Guide) -> dict[str, tuple[m.Inline, ...]]:
    """Every unit a translator is given, with its own words: what a file translated as itself brings back."""
    return {u.id: u.content for u in to_translate(guide)}


def prefixed(content: tuple[m.Inline, ...], words: str) -> tuple[m.Inline, ...]:
    """`words` put before some content, as a translation tool's edit would."""
    if content and isinstance(content[0], m.Text):
        return (m.Text(words + content[0].text), *content[1:])
    return (m.Text(words), *content)


def previous_of(guide: m.Guide, stale: set[str]) -> dict[str, Previous]:
    """A translation so far for every unit ("ES " and its words), stale where the id is in `stale`."""
    return {u.id: Previous(prefixed(u.content, "ES "), u.id in stale, f"old {u.text}") for u in to_translate(guide)}
