"""Italics in a source are shown in bold (large print has no italics): say so, once per place."""
from __future__ import annotations

from .. import model as m
from ..findings import Finding, clipped


def italics_findings(guide: m.Guide) -> list[Finding]:
    return [Finding("info", "plain.italic", str(loc), f"italic text, printed in bold: “{clipped(m.plain_text(content), 60)}”",
                    "large print shows emphasis in bold; write **bold** in the source to say so yourself")
            for block in m.walk(guide.blocks) for content, loc in m.inline_parts(block)
            if m.has_kind(content, "emphasis")]

