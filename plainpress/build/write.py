"""The build's write stage: each output written whole when its bytes are new, and each guide's
report.json, report.html and accessibility.json, unless those on disk are already these."""
from __future__ import annotations

from pathlib import Path

from ..files import remove_stale_temporaries, write_atomic
from ..render import RenderOptions
from . import inputs
from .cache import Cache, file_sha256
from .render import Output

REPORTS = ("report.json", "report.html", "accessibility.json")


def write_outputs(result, outputs: dict[str, Output], cache: Cache) -> None:
    """Write what changed (holding the output folder), and note each output's path and pages."""
    folder = next(iter(outputs.values())).path.parent if outputs else None
    if folder is not None and any(o.stale for o in outputs.values()):
        remove_stale_temporaries(folder)
    for fmt, output in outputs.items():
        if output.stale:
            write_atomic(output.path, output.bytes(cache))
            output.data, output.stale = None, False
        result.outputs[fmt] = output.path
    result.out_dir = folder
    result.from_cache = [fmt for fmt, output in outputs.items() if output.from_cache]
    result.pdf_pages = next((o.facts["pages"] for o in outputs.values() if "pages" in o.facts), None)


def write_current_reports(result, root: Path, cache: Cache, outputs: dict[str, Output], checked: list,
                          options: RenderOptions) -> None:
    """report.json, report.html and accessibility.json, unless those on disk are the ones these very
    inputs gave last time."""
    key = report_key(result, root, outputs, checked, options)
    recorded = cache.get(key) if key else None
    if recorded is not None and all(file_sha256(result.out_dir / name) == recorded.get(name) for name in REPORTS):
        return
    from .report import write_reports
    write_reports(result, root)
    if key:
        cache.put(key, {name: file_sha256(result.out_dir / name) for name in REPORTS})


def report_key(result, root: Path, outputs: dict[str, Output], checked: list, options: RenderOptions) -> str | None:
    """The reports' inputs: the guide's checks, the outputs' bytes, the validators' results and the
    options (a failure's advice names the theme's files) (None when a validator's result is not cached:
    the reports are then written every time)."""
    if any(key is None for key in checked):
        return None
    return inputs.digest("reports", inputs.check_key(result.source_key), str(root.resolve()), str(result.out_dir),
                         *sorted(f"{fmt} {o.digest}" for fmt, o in outputs.items()), *checked, repr(options))
