"""Regenerate locales/plainpress.pot from `plainpress.languages.catalog.ENGLISH`, and bring every
catalog under locales/ in line with it: adding a label is one entry in ENGLISH and one command.

    .venv/bin/python tools/update_catalogs.py          # write the template and every catalog
    .venv/bin/python tools/update_catalogs.py --check  # exit 1 if any file would change (for CI)

In each catalog: a new key gets an empty entry (the label prints in English until it is translated);
a key whose English changed keeps its translation marked fuzzy, with the old English as `#| msgid`,
so the translator sees what moved and the fuzzy entry is not used until someone confirms it (a
fuzzy "take" for "do not take" must never print); a key no longer in ENGLISH becomes obsolete (`#~`).
Entries come in ENGLISH's order, so a diff shows only what changed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from plainpress.languages.catalog import DOMAIN, ENGLISH, LOCALES  # noqa: E402

HEADER = {"Project-Id-Version": "plainpress", "MIME-Version": "1.0",
          "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
WIDTH = 0   # never wrap: one label a line reads best in a diff and in a translator's editor


def template() -> polib.POFile:
    pot = polib.POFile(wrapwidth=WIDTH)
    pot.header = "The labels plainpress prints around a guide's text. msgctxt is the label's key;\n" \
                 "keep each {placeholder} exactly, in the order the language needs."
    pot.metadata = dict(HEADER)
    for key, english in ENGLISH.items():
        pot.append(polib.POEntry(msgctxt=key, msgid=english, msgstr=""))
    return pot


def merged(po: polib.POFile) -> polib.POFile:
    """The catalog with ENGLISH's keys, in ENGLISH's order, its translations kept."""
    by_key = {e.msgctxt: e for e in po if not e.obsolete}
    out = polib.POFile(wrapwidth=WIDTH)
    out.header, out.metadata = po.header, po.metadata
    for key, english in ENGLISH.items():
        entry = by_key.pop(key, None)
        if entry is None:
            entry = polib.POEntry(msgctxt=key, msgid=english, msgstr="")
        elif entry.msgid != english:
            entry.previous_msgid, entry.msgid = entry.msgid, english
            if entry.msgstr and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
        out.append(entry)
    for entry in [*by_key.values(), *(e for e in po if e.obsolete)]:
        entry.obsolete = True
        out.append(entry)
    return out


def catalogs(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def update(folder: Path = LOCALES, check: bool = False) -> list[Path]:
    """Write (or with `check`, only compare) the template and every catalog; the paths that changed."""
    wanted = {folder / f"{DOMAIN}.pot": str(template())}
    for path in catalogs(folder):
        wanted[path] = str(merged(polib.pofile(str(path), wrapwidth=WIDTH)))
    changed = [p for p, text in wanted.items() if not p.is_file() or p.read_text(encoding="utf-8") != text + "\n"]
    if not check:
        for path in changed:
            path.write_text(wanted[path] + "\n", encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is out of date")
    parser.add_argument("--locales", type=Path, default=LOCALES, help="the folder of catalogs (default: ours)")
    args = parser.parse_args(argv)
    changed = update(args.locales, args.check)
    for path in changed:
        print(f"{'out of date' if args.check else 'wrote'}: {path}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
