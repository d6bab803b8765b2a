"""Labels that would print in English: one finding per guide whose language's catalogs (a theme's, then
ours) and whose own `labels:` lack some of the labels it prints, naming them and the ways to add them."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import model as m
from ..findings import Finding
from ..languages import ENGLISH, language_name, missing_labels
from ..languages import catalog
from ..languages.catalog import catalog_names, catalog_path
from ..translate.labels import printed_labels

RULE = "labels.missing"


def label_findings(guide: m.Guide, folders: Iterable[Path] = (), contact: bool = False) -> list[Finding]:
    """[labels.missing] when labels the guide prints have no words in its language. `folders`: a theme's
    `locales/`; `contact`: the theme adds its contact block (whose labels the guide then prints)."""
    meta, folders = guide.meta, tuple(folders)
    lacking = set(missing_labels(meta.lang, folders, own=meta.own_labels))
    keys = [k for k in printed_labels(guide, contact) if k in lacking]
    if not keys:
        return []
    name = language_name(meta.lang)
    has_catalog = any(catalog_path(Path(f), n).is_file() for f in (*folders, catalog.LOCALES) for n in catalog_names(meta.lang))
    why = f"the {name} catalog lacks" if has_catalog else f"there is no catalog of {name} labels for"
    listed = ", ".join(f"{k} “{ENGLISH[k]}”" for k in keys)
    return [Finding("warning", RULE, f"{guide.path}:{meta.line_of('lang') or 1}",
                    f"{len(keys)} label{'s' if len(keys) > 1 else ''} this guide prints will be in English, "
                    f"as {why} {'them' if len(keys) > 1 else 'it'}: {listed}",
                    f"add them to {catalog_path(Path('locales'), meta.lang)} (msgctxt the name, msgid the English, "
                    f"msgstr the {name}), or in a theme's locales/ folder; or have them translated with the guide: "
                    f"`plainpress translate export {guide.folder} --to {meta.lang}` offers them, and the import "
                    "keeps them in its front matter (`labels:`)")]
