"""Nothing lost, nothing leaked: atomic writes, one build at a time, no network, no stray reads."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from weasyprint.urls import FatalURLFetchingError

from conftest import ROOT, SAMPLE
from plainpress.render.pdf import FONT_DIR, LocalFetcher
from plainpress.templating import TEMPLATES


def run_build(args, cache: Path, **kwargs):
    """A build in a process of its own, with the cache it is given (never the checkout's)."""
    return subprocess.Popen([sys.executable, "build.py", *map(str, args), "--cache", str(cache)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_fetcher_serves_only_the_guide_templates_and_fonts(tmp_path):
    from plainpress.render.pdf import IMAGE_SCHEME
    from plainpress.source import read_guide
    [image] = read_guide(SAMPLE).images()
    fetcher = LocalFetcher([TEMPLATES, FONT_DIR], (image,))
    for url, magic in ((IMAGE_SCHEME + image.id, b"\x89PNG"),
                       ((FONT_DIR / "AtkinsonHyperlegible-Regular.ttf").as_uri(), b"\x00\x01\x00\x00")):
        response = fetcher(url)
        assert response.read()[:4] == magic
        response.close()
    for url in ("http://example.org/x.png", "https://127.0.0.1/a.css", "file:///etc/passwd",
                (SAMPLE.parent / "shapes.png").as_uri(), IMAGE_SCHEME + "no-such-picture",
                (SAMPLE.parent / ".." / ".." / ".." / "conftest.py").resolve().as_uri(), "ftp://x/y"):
        with pytest.raises(FatalURLFetchingError, match="refused to fetch"):
            fetcher(url)


def test_a_build_opens_no_network_connection(tmp_path):
    script = textwrap.dedent(f"""
        import socket, sys
        attempts = []
        def refuse(*args, **kwargs):
            attempts.append(args)
            raise OSError("network blocked by the test")
        class Blocked(socket.socket):
            connect = connect_ex = refuse
        socket.socket = Blocked
        socket.create_connection = socket.getaddrinfo = refuse
        from plainpress.cli import main
        code = main([{str(SAMPLE.parent)!r}, "--out", {str(tmp_path)!r}, "--no-validate", "-q"])
        print("RESULT", code, len(attempts))
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.stdout.split("RESULT")[-1].split() == ["0", "0"], out.stderr


def test_two_builds_at_once_into_one_folder_both_finish_whole(tmp_path):
    shared = tmp_path / "shared-cache"  # both write into one cache at once, too
    builds = [run_build([SAMPLE.parent, "--out", tmp_path, "--no-validate", "-q"], shared) for _ in range(2)]
    assert [b.wait(timeout=300) for b in builds] == [0, 0], [b.stderr.read() for b in builds]
    alone = tmp_path / "alone"
    assert run_build([SAMPLE.parent, "--out", alone, "--no-validate", "-q"], tmp_path / "cache").wait(timeout=300) == 0
    assert snapshot(tmp_path / "sample") == snapshot(alone / "sample")


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.3, 1.8, 2.5])
def test_a_build_killed_at_any_moment_leaves_every_file_whole(tmp_path, delay):
    """Previous outputs come from an older version of the guide; after a kill each file is either the
    old one or the new one, complete: never a mix or a stump."""
    guide = tmp_path / "sample"
    shutil.copytree(SAMPLE.parent, guide)
    out = tmp_path / "out"
    source = guide / "en.md"
    source.write_text(source.read_text().replace("A sample guide", "An older sample guide"))
    assert run_build([guide, "--out", out, "--no-validate", "-q"], tmp_path / "cache-old").wait(timeout=300) == 0
    old = snapshot(out)
    source.write_text(source.read_text().replace("An older sample guide", "A sample guide"))
    new_out = tmp_path / "new"
    assert run_build([guide, "--out", new_out, "--no-validate", "-q"], tmp_path / "cache-new").wait(timeout=300) == 0
    new = snapshot(new_out)

    # a cold cache, so that the build is rendering when it is killed
    build = run_build([guide, "--out", out, "--no-validate", "-q"], tmp_path / "cache-killed", start_new_session=True)
    time.sleep(delay)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    after = {name: data for name, data in snapshot(out).items() if not Path(name).name.endswith(".tmp")}
    assert set(after) == set(old)
    for name, data in after.items():
        assert data in (old[name], new[name]), f"{name} is neither the old nor the new file"


@pytest.mark.parametrize("case", ["raw-html", "jinja-syntax"])
def test_markup_in_the_source_stays_text_in_the_pdf_html_the_web_page_and_the_reports(case, tmp_path):
    from lxml import html as lxml_html

    from plainpress.render.pdf import guide_html
    from plainpress.source import read_guide
    folder = ROOT / "tests" / "fixtures" / "unusual" / case
    page = lxml_html.fromstring(guide_html(read_guide(folder / "en.md")))
    assert main_build(folder, tmp_path) == 0
    report = lxml_html.fromstring((tmp_path / case / "en" / "report.html").read_text())
    web_page = lxml_html.fromstring((tmp_path / case / "en" / f"{case}-en.html").read_text())
    index = lxml_html.fromstring((tmp_path / "index.html").read_text())
    for tree in (page, report, web_page, index):
        assert not tree.xpath("//script | //img[@onerror] | //b")
        assert not [a for el in tree.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
    for text in (page.text_content(), web_page.xpath("string(//body)")):  # the page's <style> holds its font
        assert ('<script>alert("x")</script>' in text) if case == "raw-html" else ("{{ 7*7 }}" in text and "49" not in text)


def main_build(folder: Path, out: Path) -> int:
    from plainpress.cli import main
    return main([str(folder), "--out", str(out), "--no-validate", "-q"])


def test_a_picture_under_an_accented_heading_is_served_by_its_encoded_address():
    """WeasyPrint asks for `plainpress-image:revise-sus-pies-cada-d%C3%ADa-2`: the id holds `día`."""
    from urllib.parse import quote

    from conftest import FIXTURES
    from plainpress.render.pdf import IMAGE_SCHEME
    from plainpress.source import read_guide
    [image] = read_guide(FIXTURES / "good" / "cuidado-de-los-pies" / "es.md").images()
    assert image.id == "revise-sus-pies-cada-día-2"
    response = LocalFetcher([TEMPLATES], (image,))(IMAGE_SCHEME + quote(image.id))
    assert response.read()[:4] == b"\x89PNG"
    response.close()
