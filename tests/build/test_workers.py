"""Where a build's work runs (`build/workers.py`) and what a worker is forked for (`prepare_renderers`)."""
from __future__ import annotations

import sys

from plainpress.build import workers as w
from plainpress.build.cache import Cache
from plainpress.build.render import prepare_renderers
from plainpress.render import RenderOptions, prepare


def queued(jobs: int, *needs) -> w.Workers:
    """Workers with tasks queued but not handed out (no process is forked)."""
    workers = w.Workers(jobs)
    workers.queue.extend(w.Task(len, ((),), print, need) for need in needs)
    return workers


def test_this_process_takes_the_shortest_task_that_needs_no_slow_module():
    # A format's record says "" for no slow module: one guide's DOCX, EPUB and web page are taken here
    # while the worker renders the PDF, not left to it one after another.
    workers = queued(2, "not-loaded-module", "", "", None)
    taken = [workers.mine().needs for _ in range(3)]
    assert taken == [None, "", ""]
    assert workers.mine() is None and [t.needs for t in workers.queue] == ["not-loaded-module"]


def test_a_slow_module_is_loaded_here_only_for_enough_tasks_or_when_it_is_loaded_already():
    assert queued(2, *["not-loaded-module"] * (w.WORTH_LOADING - 1)).mine() is None
    assert queued(2, *["not-loaded-module"] * w.WORTH_LOADING).mine() is not None
    assert queued(2, "pytest").mine() is not None and "pytest" in sys.modules
    assert queued(1, "not-loaded-module").mine() is not None   # one job: everything here


class Recorded:
    """Stands for the workers: what a build would hand them, and whether they were forked."""

    def __init__(self, jobs: int):
        self.jobs, self.added, self.started, self.forking = jobs, [], False, []

    def before_fork(self, fn):
        if not self.started:
            self.forking.append(fn)

    def add(self, fn, *args, done, needs=None, here=False):
        if not self.started:   # the first task forks the workers
            for then in self.forking:
                then()
        self.added.append((fn, args, needs))
        self.started = True


def test_a_worker_loads_weasyprint_ahead_only_when_a_pdf_is_to_be_rendered(tmp_path):
    source = tmp_path / "guide" / "en.md"
    source.parent.mkdir()
    source.write_text("---\ntitle: A\nlang: en\n---\n")
    keys = {source: "key"}
    cases = {(("pdf", "html"), 2): [(prepare, ("pdf",), "weasyprint")],
             (("html", "epub", "docx"), 2): [], (("pdf",), 1): []}
    for (formats, jobs), wanted in cases.items():
        workers = Recorded(jobs)
        prepare_renderers([source], keys, formats, RenderOptions(), Cache(tmp_path / "cache"), workers)
        assert workers.added == wanted, (formats, jobs)
        assert workers.started == bool(wanted)


def test_what_both_processes_load_is_loaded_before_the_fork_and_a_cached_pdf_forks_nothing(tmp_path, monkeypatch):
    from plainpress.build import inputs, render
    source = tmp_path / "guide" / "en.md"
    source.parent.mkdir()
    source.write_text("---\ntitle: A\nlang: en\n---\n")
    workers, cache = Recorded(2), Cache(tmp_path / "cache")
    monkeypatch.setattr(render, "load_shared", lambda sources: workers.added.append(("shared", sources)))
    prepare_renderers([source], {source: "key"}, ("pdf",), RenderOptions(), cache, workers)
    assert workers.added == [("shared", [source]), (prepare, ("pdf",), "weasyprint")]
    cache.put(inputs.render_key("key", "pdf", RenderOptions()), {"digest": "d", "facts": {}})
    again = Recorded(2)
    prepare_renderers([source], {source: "key"}, ("pdf",), RenderOptions(), cache, again)
    assert again.added == [] and not again.started


def test_loading_ahead_never_refuses_anything(tmp_path, monkeypatch):
    from plainpress import languages
    from plainpress.build.render import load_shared
    asked, language = [], languages.language

    def recording(tag):
        try:
            record = language(tag)
        except Exception as error:
            asked.append((tag, repr(error)))
            raise
        asked.append((tag, record.script))
        return record
    language.cache_clear()
    monkeypatch.setattr(languages, "language", recording)
    load_shared([tmp_path / "a" / "en.md", tmp_path / "b" / "zh-Hans.md", tmp_path / "c" / "x--.md"])
    assert asked == [("en", "Latn"), ("x--", "Latn"), ("zh-Hans", "Hans")]   # the odd tag raised nothing
    before = language.cache_info()
    language("en"), language("zh-Hans")   # both records kept for the workers forked next
    assert (language.cache_info().hits - before.hits, language.cache_info().misses - before.misses) == (2, 0)
