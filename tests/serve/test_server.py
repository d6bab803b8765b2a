"""`plainpress serve`: which guide, on 127.0.0.1 only, only its page and its reload stream, and a clean
stop on Ctrl-C."""
from __future__ import annotations

import http.client
import re
import shutil
import socket
import sys
import time
from pathlib import Path

import pytest
from lxml import html

from conftest import FIXTURES, ROOT
from plainpress.cli import main
from running import copy_of_draft, save, serving

pytestmark = pytest.mark.slow


def get(port: int, path: str) -> http.client.HTTPResponse:
    """A request for `path` exactly as written (`..` included), as a hostile page or tool could send it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)   # a rebuild on a loaded CI machine can take more than 10 s
    connection.request("GET", path)
    return connection.getresponse()


def listening_addresses(port: int) -> list[str]:
    """The local addresses of the listening TCP sockets on `port` (Linux: /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":   # 0A: LISTEN
                found.append(address)
    return found


def test_it_serves_the_page_and_nothing_else(tmp_path):
    copy_of_draft(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'secret'\n")
    with serving(tmp_path) as running:
        page = get(running.port, "/")
        assert page.status == 200 and page.getheader("Content-Type") == "text/html; charset=utf-8"
        assert b"Looking after your breathing" in page.read()
        assert "default-src 'none'" in page.getheader("Content-Security-Policy")
        for path in ("/../pyproject.toml", "/%2e%2e/pyproject.toml", "/..%2fpyproject.toml", "/en.md",
                     "/shapes.png", "/source/draft/en.md", "//etc/passwd", "/index.html"):
            response = get(running.port, path)
            assert (path, response.status) == (path, 404)
            assert b"secret" not in response.read()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the sockets in /proc/net")
def test_it_listens_on_127_0_0_1_only(tmp_path):
    copy_of_draft(tmp_path)
    with serving(tmp_path) as running:
        assert running.url.startswith("http://127.0.0.1:")
        assert listening_addresses(running.port) == ["0100007F"]   # 127.0.0.1, and no IPv6 socket


def test_the_stream_says_reload_after_a_save_and_ctrl_c_ends_it_cleanly(tmp_path):
    source = copy_of_draft(tmp_path)
    with serving(tmp_path) as running:
        stream = get(running.port, "/events?since=1")
        assert stream.getheader("Content-Type") == "text/event-stream"
        save(source, source.read_text(encoding="utf-8").replace("Drink water often.", "Drink water."))
        assert stream.readline() == b"data: reload\n"   # how soon: benchmarks/bench_serve_reload.py
        again = get(running.port, "/events?since=2")   # a page that is up to date waits
        status, out, err = running.stop()
    assert status == 0 and "Traceback" not in err and err == ""
    assert out.rstrip().endswith("Preview stopped.")
    assert again.read() == b""   # its stream was closed, not left hanging


def page_version(port: int) -> str:
    """The version of the page the server holds (the reload script carries it)."""
    return re.search(rb'data-since="(\d+)"', get(port, "/").read()).group(1).decode()


def test_a_saved_picture_rebuilds_the_page_and_other_files_do_not(tmp_path):
    source = copy_of_draft(tmp_path)
    with serving(tmp_path) as running:
        (source.parent / "notes.txt").write_text("to do")
        (source.parent / ".en.md.swp").write_bytes(b"editor")
        time.sleep(1)
        assert page_version(running.port) == "1"
        stream = get(running.port, "/events?since=1")
        picture = source.parent / "shapes.png"
        picture.write_bytes(picture.read_bytes())
        assert stream.readline() == b"data: reload\n"
        assert page_version(running.port) == "2"


def test_without_a_guide_it_takes_the_only_one_or_lists_them(tmp_path, monkeypatch, capsys):
    for name in ("b-guide", "a-guide"):
        shutil.copytree(FIXTURES / "good" / "sample", tmp_path / "source" / name)
    monkeypatch.chdir(tmp_path)
    assert main(["serve"]) == 2
    assert capsys.readouterr().err == ("plainpress: cannot serve:\nsource holds 2 guides; name the one to preview:\n"
                                       "  plainpress serve source/a-guide\n  plainpress serve source/b-guide\n")


def page_of(port: int, path: str = "/") -> html.HtmlElement:
    response = get(port, path)
    assert response.status == 200, path
    return html.document_fromstring(response.read())


def test_a_guide_in_several_languages_starts_on_its_source_and_links_to_the_others(tmp_path):
    guide = tmp_path / "source" / "foot-care"
    shutil.copytree(FIXTURES / "good" / "foot-care", guide)
    (guide / "en.translation.json").write_text('{"from": "es", "units": {}}\n', encoding="utf-8")   # en: from es
    with serving(tmp_path, str(guide)) as running:
        first = page_of(running.port)
        assert first.get("lang") == "es"   # the source, though en.md sorts first
        assert [(a.get("href"), a.get("aria-current")) for a in first.xpath("//nav[@class='pp-languages']/a")] == [
            ("/?lang=en", None), ("/?lang=es", "page")]
        english = page_of(running.port, "/?lang=en")
        assert english.get("lang") == "en" and "Caring for your feet" in english.findtext(".//title")
        assert get(running.port, "/?lang=fr").status == 404
        stream = get(running.port, "/events?since=1")   # a save of either language reloads every page
        save(guide / "en.md", (guide / "en.md").read_text(encoding="utf-8").replace("feet", "toes", 1))
        assert stream.readline() == b"data: reload\n"
        status, out, err = running.stop()
    assert status == 0 and err == ""
    assert "es: " in out and "en: " in out   # each language's rebuild, named


def test_serve_wears_the_theme_given_with_its_paper(tmp_path):
    source = copy_of_draft(tmp_path)
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("organisation: Example clinic\n", ""), encoding="utf-8")
    with serving(tmp_path, "--theme", str(ROOT / "examples" / "clinic-theme"), "--paper", "a4") as running:
        page = page_of(running.port).text_content()
    assert "Riverside Neurology Clinic" in page   # the theme's organisation, as `build --theme` prints it


def test_a_port_in_use_is_said_so(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(copy_of_draft(tmp_path)), "--port", str(port)]) == 2
    assert capsys.readouterr().err == (f"plainpress: cannot serve:\n127.0.0.1:{port} is in use (another preview?); "
                                       f"choose another port: --port {port + 1}\n")
