"""The build cache: what changed is built again, and only that; cached or not, the same bytes."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE
from plainpress.build import inputs
from plainpress import render
from plainpress import validate as validate_module
from plainpress.cli import main
from plainpress.validate import ToolResult


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def guides(tmp_path) -> Path:
    """A source folder with two small guides, `one` and `two`."""
    for name in ("one", "two"):
        shutil.copytree(SAMPLE.parent, tmp_path / "source" / name)
    return tmp_path / "source"


@pytest.fixture
def renders(monkeypatch) -> list[tuple[str, str]]:
    """(guide, format) of every render, as it happens (builds run with --jobs 1, in this process)."""
    made, real = [], render.renderers()

    def counted(fmt):
        def run(guide, options):
            made.append((guide.slug, fmt))
            return real[fmt](guide, options)
        return run
    monkeypatch.setattr(render, "renderers", lambda: {fmt: counted(fmt) for fmt in real})
    return made


@pytest.fixture
def checks(monkeypatch) -> list[tuple[str, str]]:
    """A validator per format that passes and notes (file, tool) each time it runs."""
    seen = []

    def check(path, guide):
        seen.append(path.name)
        return ToolResult("fake", path.name, True, {"errors": 0})
    monkeypatch.setattr(validate_module, "validators", lambda fmt: [("fake", check)])
    monkeypatch.setattr(inputs, "tool_version", lambda tool: "fake 1")  # known, so its results are kept
    return seen


def build(source: Path, out: Path, cache: Path, *extra: str) -> int:
    return main(["build", str(source), "--out", str(out), "--cache", str(cache), "--jobs", "1", "-q", *extra])


def test_cached_or_not_the_bytes_are_identical(guides, tmp_path):
    assert build(guides, tmp_path / "cold", tmp_path / "cache", "--no-validate") == 0
    assert build(guides, tmp_path / "warm", tmp_path / "cache", "--no-validate") == 0  # every file from the cache
    assert build(guides, tmp_path / "none", tmp_path / "other-cache", "--no-validate", "--force") == 0
    cold = snapshot(tmp_path / "cold")
    # two guides, four formats and two reports each, and the library's index (html and json)
    assert len(cold) == 14 and cold == snapshot(tmp_path / "warm") == snapshot(tmp_path / "none")


def test_nothing_changed_nothing_is_rendered_or_validated_again(guides, tmp_path, renders, checks, capsys):
    assert build(guides, tmp_path / "out", tmp_path / "cache") == 0
    assert len(renders) == 8 and len(checks) == 9  # the library's index is validated too
    first = snapshot(tmp_path / "out")
    (tmp_path / "out" / "index.json").unlink()
    assert build(guides, tmp_path / "out", tmp_path / "cache") == 0
    assert len(renders) == 8 and len(checks) == 9
    assert snapshot(tmp_path / "out") == first  # the index written again, its check from the cache


def test_a_change_to_one_guide_renders_and_validates_that_guide_alone(guides, tmp_path, renders, checks):
    assert build(guides, tmp_path / "out", tmp_path / "cache") == 0
    renders.clear(), checks.clear()
    source = guides / "two" / "en.md"
    source.write_text(source.read_text().replace("A sample guide", "A changed sample guide"))
    assert build(guides, tmp_path / "out", tmp_path / "cache") == 0
    assert sorted(renders) == [("two", "docx"), ("two", "epub"), ("two", "html"), ("two", "pdf")]
    # and the library's index, which shows the new title
    assert sorted(checks) == ["index.html", "two-en.docx", "two-en.epub", "two-en.html", "two-en.pdf"]


def test_a_new_picture_beside_a_guide_is_one_of_its_inputs(guides, tmp_path, renders):
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--no-validate") == 0
    renders.clear()
    shutil.copy(guides / "one" / "shapes.png", guides / "one" / "shapes-copy.png")
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--no-validate") == 0
    assert {slug for slug, _ in renders} == {"one"}


@pytest.mark.parametrize("change", ["paper", "plainpress", "templates"])
def test_an_option_plainpress_or_a_template_rebuilds_what_depends_on_it(guides, tmp_path, renders, monkeypatch, change):
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--no-validate") == 0
    renders.clear()
    extra = ("--paper", "a4") if change == "paper" else ()
    if change == "plainpress":
        monkeypatch.setattr(inputs, "plainpress_digest", lambda: "plainpress 9.9")
    if change == "templates":
        monkeypatch.setattr(inputs, "templates_digest", lambda: "a new template")
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--no-validate", *extra) == 0
    assert len(renders) == 8


def test_the_templates_digest_follows_their_bytes(tmp_path, monkeypatch):
    shutil.copytree(inputs.TEMPLATES, tmp_path / "templates")
    monkeypatch.setattr(inputs, "TEMPLATES", tmp_path / "templates")
    before = inputs.templates_digest.__wrapped__()
    css = tmp_path / "templates" / "pdf" / "large-print.css"
    css.write_text(css.read_text() + "\n/* a change */\n")
    assert inputs.templates_digest.__wrapped__() != before


def test_a_validator_upgrade_validates_again_without_rendering(guides, tmp_path, renders, checks, monkeypatch):
    assert build(guides, tmp_path / "out", tmp_path / "cache") == 0
    renders.clear(), checks.clear()
    monkeypatch.setattr(inputs, "tool_version", lambda tool: "fake 2")
    assert build(guides, tmp_path / "out", tmp_path / "cache") == 0
    assert renders == [] and len(checks) == 9


def test_an_output_deleted_or_edited_by_hand_is_made_again(guides, tmp_path, renders):
    out = tmp_path / "out"
    assert build(guides, out, tmp_path / "cache", "--no-validate") == 0
    first = snapshot(out)
    (out / "one" / "en" / "one-en.pdf").unlink()
    (out / "two" / "en" / "two-en.docx").write_bytes(b"edited by hand")
    (out / "two" / "en" / "report.html").write_text("edited by hand")
    assert build(guides, out, tmp_path / "cache", "--no-validate") == 0
    assert snapshot(out) == first
    renders.clear()
    shutil.rmtree(tmp_path / "cache" / "objects")  # and without the cache's copies: rendered again
    (out / "one" / "en" / "one-en.pdf").unlink()
    assert build(guides, out, tmp_path / "cache", "--no-validate") == 0
    assert renders == [("one", "pdf")] and snapshot(out) == first


def test_force_rebuilds_everything(guides, tmp_path, renders, checks):
    assert build(guides, tmp_path / "out", tmp_path / "cache") == 0
    renders.clear(), checks.clear()
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--force") == 0
    assert len(renders) == 8 and len(checks) == 9


def test_check_writes_nothing_into_the_cache(guides, tmp_path):
    assert main(["check", str(guides), "-q"]) == 0
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--no-validate") == 0
    entries = sorted((tmp_path / "cache").rglob("*"))
    assert main(["check", str(guides), "-q"]) == 0
    assert sorted((tmp_path / "cache").rglob("*")) == entries


@pytest.mark.slow
def test_a_rebuild_with_nothing_to_do_loads_no_renderer_and_no_textstat(tmp_path):
    """Validators on: their results, and the checks' findings, come from the cache; the summary is the same."""
    command = [sys.executable, "build.py", str(SAMPLE.parent), "--out", str(tmp_path / "out"),
               "--cache", str(tmp_path / "cache")]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    script = textwrap.dedent(f"""
        import sys
        from plainpress.cli import main
        code = main({[str(x) for x in command[2:]]!r})
        loaded = [m for m in ("weasyprint", "docx", "ebooklib", "textstat", "pikepdf") if m in sys.modules]
        print("LOADED", code, loaded)
    """)
    again = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    summary, loaded = again.stdout.rsplit("LOADED", 1)
    assert loaded.split(None, 1) == ["0", "[]\n"]
    assert summary == first.stdout + (f"4 of 4 outputs came from the cache in {tmp_path / 'cache'}/, "
                                      "with their checks (nothing changed)\n")


def test_a_change_to_a_source_checks_its_translation_again(tmp_path):
    """A translation's inputs are its record and its source: an edit to en.md makes es.md stale."""
    guide = tmp_path / "source" / "als-basics"
    shutil.copytree(ROOT / "source" / "als-basics", guide)
    out, args = tmp_path / "out", ("--lang", "es", "--format", "epub", "--no-validate")
    assert build(guide, out, tmp_path / "cache", *args) == 0
    report = out / "als-basics" / "es" / "report.json"
    assert json.loads(report.read_text())["translation"]["stale"] == 0
    english = guide / "en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("ALS gets worse slowly, over time.",
                                                                   "ALS gets worse over time."), encoding="utf-8")
    build(guide, out, tmp_path / "cache", *args)
    assert json.loads(report.read_text())["translation"]["stale"] == 1


def test_an_edit_to_the_theme_rebuilds(guides, tmp_path, renders):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "examples" / "clinic-theme", theme)
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--no-validate", "--theme", str(theme)) == 0
    renders.clear()
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--no-validate", "--theme", str(theme)) == 0
    assert renders == []
    override = theme / "templates" / "pdf" / "guide.html"
    override.write_text(override.read_text(encoding="utf-8") + "\n{# an edit #}\n", encoding="utf-8")
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--no-validate", "--theme", str(theme)) == 0
    assert len(renders) == 8
    renders.clear()
    yaml = theme / "theme.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("#1f5fa8", "#1f5fa9"), encoding="utf-8")
    assert build(guides, tmp_path / "out", tmp_path / "cache", "--no-validate", "--theme", str(theme)) == 0
    assert len(renders) == 8


# Data, never code: JSON records, a bound, `plainpress cache` -------------------------------------------

def entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob("entries-*/*/*") if p.is_file())


def test_records_are_json_and_a_pickle_or_a_forged_record_is_a_miss(guides, tmp_path, renders):
    import pickle

    from plainpress.build import cache as cache_module
    cache = tmp_path / "cache"
    assert build(guides / "one", tmp_path / "out", cache) == 0
    records = entries(cache)
    assert records and all(json.loads(p.read_bytes()) is not None for p in records)
    forged = [pickle.dumps({"digest": "x"}), b'{"@": "os:system", "v": "touch /tmp/owned"}',
              b'{"@": "plainpress.findings:Finding", "severity": ["not", "text"], "rule": "r", "location": "l", '
              b'"message": "m"}', b'{"@": "plainpress.model:Location", "file": "f", "line": 1, "extra": 2}',
              b"[" * 100000, b"\xff\xfe"]
    for path, data in zip(records * len(forged), forged):
        path.write_bytes(data)
        assert cache_module.Cache(cache).get(path.parent.name + path.name) is None
    for path in records:
        path.write_bytes(pickle.dumps(("a pickle of an older plainpress",)))
    renders.clear()
    assert build(guides / "one", tmp_path / "out", cache) == 0  # a rebuild, nothing worse
    assert sorted(renders) == [("one", fmt) for fmt in sorted(render.FORMATS)]


def test_records_hold_plainpress_values_through_their_constructors():
    from plainpress.build import records
    from plainpress.checks import run_checks
    from plainpress.source import read_guide
    guide = read_guide(SAMPLE)
    record = (guide, *run_checks(guide, None), None)
    assert records.decode(records.encode(record)) == record
    assert records.decode(records.encode({"pages": 3, "at": (1, b"\x00")})) == {"pages": 3, "at": (1, b"\x00")}
    with pytest.raises(TypeError, match="a cache record cannot hold a set"):
        records.encode({1, 2})


def test_the_folder_is_kept_within_its_bound_least_recently_used_out_first(tmp_path):
    import os

    from plainpress.build.cache import Cache, usage
    from plainpress.sizes import parse_size
    assert [parse_size(x) for x in ("500MB", "1 GB", "2GiB", "10kb", 42)] == [500_000_000, 10**9, 2 * 2**30, 10_000, 42]
    with pytest.raises(ValueError, match="`lots` is not a size"):
        parse_size("lots")
    cache = Cache(tmp_path, max_size=10_000)
    digests = [cache.put_bytes(bytes([n]) * 1000) for n in range(8)]
    for n, digest in enumerate(digests):  # oldest first, the first used again last
        os.utime(cache._object(digest), (1000 + n, 1000 + n))
    assert cache.get_bytes(digests[0]) is not None  # used now
    for n in range(8, 12):
        cache.put_bytes(bytes([n]) * 1000)
    assert usage(tmp_path).size <= 10_000
    assert cache.has_bytes(digests[0]) and not cache.has_bytes(digests[1])


def test_plainpress_cache_shows_prunes_and_clears_only_its_own_files(tmp_path, monkeypatch, capsys):
    from plainpress.build.cache import Cache
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.plainpress]\ncache = ".plainpress-cache"\ncache_size = "3kB"\n')
    cache = Cache(tmp_path / ".plainpress-cache", max_size=10**9)
    for n in range(5):
        cache.put_bytes(bytes([n]) * 1000)
    (tmp_path / ".plainpress-cache" / "entries-1").mkdir()
    (tmp_path / ".plainpress-cache" / "entries-1" / "old").write_bytes(b"pickle")
    (tmp_path / ".plainpress-cache" / "notes.txt").write_text("mine")
    assert main(["cache"]) == 0
    assert capsys.readouterr().out == ".plainpress-cache/: 5.0 kB in 6 files (bound: 3.0 kB)\n"
    assert main(["cache", "--prune"]) == 0
    assert capsys.readouterr().out == "pruned .plainpress-cache/: 4 files removed; now 2.0 kB in 2 files (bound: 3.0 kB)\n"
    assert main(["cache", "--clear"]) == 0
    assert capsys.readouterr().out == "cleared .plainpress-cache/: 2 files removed\n"
    assert [p.name for p in (tmp_path / ".plainpress-cache").iterdir()] == ["notes.txt"]


@pytest.mark.slow
def test_a_hundred_edits_stay_within_the_bound(tmp_path, monkeypatch, capsys):
    from plainpress.build.cache import usage
    from plainpress.sizes import human_size
    shutil.copytree(SAMPLE.parent, tmp_path / "source" / "g")
    (tmp_path / "pyproject.toml").write_text('[tool.plainpress]\ncache = ".plainpress-cache"\ncache_size = "1MB"\n')
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "source" / "g" / "en.md"
    text = source.read_text()
    sizes = []
    for n in range(100):
        source.write_text(text.replace("Take one pill in the morning.", f"Take one pill in the morning ({n})."))
        assert main(["build", "source/g", "--format", "html,docx,epub", "--no-validate", "--jobs", "1", "-q"]) == 0
        sizes.append(usage(tmp_path / ".plainpress-cache").size)
    capsys.readouterr()
    with capsys.disabled():
        print(f"\ncache after 100 edits with a bound of 1 MB: {human_size(sizes[-1])} "
              f"(largest {human_size(max(sizes))}; after 10 edits {human_size(sizes[9])})")
    assert max(sizes) <= 1_000_000 + 200_000  # the bound, plus what one build adds before it prunes
