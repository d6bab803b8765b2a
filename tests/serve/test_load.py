"""Load on the preview, on loopback: 50 pages on `/events` while 100 saves happen. It keeps answering,
every page sees the last save, and its memory stays flat. Figures are printed (`pytest -s`), not timed."""
from __future__ import annotations

import http.client
import re
import threading
import time
from pathlib import Path

import pytest

from running import copy_of_draft, save, serving

pytestmark = pytest.mark.slow

CLIENTS, SAVES = 50, 100


def rss_kb(pid: int) -> int:
    return int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text()).group(1))


def version_of(port: int) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/")
    page = connection.getresponse().read()
    connection.close()
    return int(re.search(rb'data-since="(\d+)"', page).group(1)), page


def follow(port: int, seen: dict, index: int, last: str, done: threading.Event) -> None:
    """A page: wait on the stream, reload when told, until the page holds the last save."""
    since, _ = version_of(port)
    while not done.is_set():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", f"/events?since={since}")
        stream = connection.getresponse()
        line = stream.readline()
        connection.close()
        if line == b"data: reload\n":
            since, page = version_of(port)
            seen["reloads"][index] += 1
            if last.encode() in page:
                seen["current"][index] = True
                return


def test_fifty_pages_follow_a_hundred_saves(tmp_path):
    source = copy_of_draft(tmp_path)
    text = source.read_text(encoding="utf-8")
    with serving(tmp_path) as running:
        pid = running.process.pid
        version_of(running.port)
        before = rss_kb(pid)
        seen = {"reloads": [0] * CLIENTS, "current": [False] * CLIENTS}
        done = threading.Event()
        last = f"Drink water {SAVES} times."
        clients = [threading.Thread(target=follow, args=(running.port, seen, i, last, done), daemon=True)
                   for i in range(CLIENTS)]
        for client in clients:
            client.start()
        time.sleep(1)
        started, answers = time.monotonic(), []
        for n in range(1, SAVES + 1):
            save(source, text.replace("Drink water often.", f"Drink water {n} times."))
            asked = time.monotonic()
            version_of(running.port)  # it keeps answering while it rebuilds and streams
            answers.append(time.monotonic() - asked)
            time.sleep(0.02)
        saved = time.monotonic() - started
        for client in clients:
            client.join(timeout=60)
        done.set()
        after = rss_kb(pid)
        final, page = version_of(running.port)
        status, _, err = running.stop()
    answers.sort()
    print(f"\npreview under load: {CLIENTS} pages, {SAVES} saves in {saved:.1f} s, {final - 1} rebuilds; "
          f"a page request took {answers[len(answers) // 2] * 1000:.0f} ms (median), {answers[-1] * 1000:.0f} ms "
          f"(slowest); reloads per page {min(seen['reloads'])}..{max(seen['reloads'])}; "
          f"memory {before / 1024:.0f} MB before, {after / 1024:.0f} MB after")
    assert last.encode() in page
    assert all(seen["current"]), f"{seen['current'].count(False)} pages did not see the last save"
    assert after < before * 1.5 + 20 * 1024, "memory grew with the load"
    assert status == 0 and "Traceback" not in err
