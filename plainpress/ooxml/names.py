"""The XML namespaces of a DOCX, and the elements that hold a tracked change: one list for every reader."""
from __future__ import annotations

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
      "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
      "custom": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"}
W, R, REL, WP, CUSTOM = ("{%s}" % NS[k] for k in ("w", "r", "rel", "wp", "custom"))
FALLBACK = "{%s}Fallback" % NS["mc"]   # alternate content's copy for older programs: never the text itself

# Every revision mark of WordprocessingML (ECMA-376 Part 1, 17.13.5): text, formatting, tables, numbering
TRACKED = tuple(W + t for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
                                "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
                                "cellIns", "cellDel", "cellMerge"))


def tracked_changes(*roots) -> int:
    """How many tracked changes the parts hold, not yet accepted or rejected."""
    return sum(1 for root in roots if root is not None for _ in root.iter(*TRACKED))
