"""Nothing left behind, nothing let in: a build stopped by SIGTERM, Ctrl-C or SIGKILL leaves no process
and no broken file, and the next build passes; a macro-enabled package is refused by its content types;
pandoc is stopped at its time and memory limits. The kill tests run real builds (marked slow)."""
from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE
from plainpress import cli, lifetime
from plainpress.importing import engine
from plainpress.source import read_guide
from plainpress.translate.docx_export import export_docx

MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLE.parent, tmp_path / "source" / "sample")
    return tmp_path


def as_docm(docx: bytes) -> bytes:
    """The same package, its main part declared macro-enabled (what Word writes for a .docm)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in original.namelist():
            data = original.read(name)
            if name == "[Content_Types].xml":
                assert PLAIN_MAIN.encode() in data
                data = data.replace(PLAIN_MAIN.encode(), MACRO_MAIN.encode())
            z.writestr(name, data)
    return out.getvalue()


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", [["import"], ["translate", "import"]])
def test_a_docm_named_docx_is_refused_by_its_content_types(project, capsys, command):
    docm = project / "from-the-clinic.docx"
    docm.write_bytes(as_docm(export_docx(read_guide(project / "source/sample/en.md"), "es")))
    before = files(project)
    assert cli.main([*command, str(docm.name)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.splitlines()[-1].endswith(
        f"{docm.name}: a macro-enabled document (its parts are `{MACRO_MAIN}`); save it as a plain .docx (without macros)")
    assert files(project) == before


@pytest.mark.parametrize("limit, value, message", [
    ("TIMEOUT", 0.001, "pandoc took more than 0.001 s to read it, so it was stopped"),
    ("MEMORY", 8 * 2**20, "pandoc needed more than 0 GB of memory to read it, so it was stopped")])
def test_pandoc_at_its_limits_is_stopped_and_the_document_refused_in_one_line(project, capsys, monkeypatch,
                                                                               limit, value, message):
    monkeypatch.setattr(engine, limit, value)
    (project / "hands.md").write_text("---\ntitle: Hands\nlang: en\n---\n\n## Wash\n\nWash your hands.\n")
    before = files(project)
    assert cli.main(["import", "hands.md"]) == 2
    err = capsys.readouterr().err
    assert err == f"plainpress: cannot import hands.md: {message}\n"
    assert files(project) == before


def test_a_worker_dies_with_its_parent_however_the_parent_ends():
    """A process that ties itself to its parent (as each worker does) and a parent killed with SIGKILL."""
    script = ("import os, sys, time\nfrom plainpress.lifetime import tie_to_parent\n"
              "parent = os.getpid()\nchild = os.fork()\n"
              "if child == 0:\n    tie_to_parent(parent)\n    time.sleep(60)\n    os._exit(0)\n"
              "print(child, flush=True)\ntime.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 5
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(child)


def test_the_stop_line_says_what_was_written(tmp_path):
    from plainpress.build import stopped_line
    stop = lifetime.Stopped(signal.SIGTERM)
    assert lifetime.exit_status(stop) == 143 and lifetime.exit_status(KeyboardInterrupt()) == 130
    assert stopped_line(stop, Path("output")) == "plainpress: stopped by SIGTERM; nothing in output/ changed"
    stop.complete = [Path("output/a/en/a-en.pdf")]
    assert stopped_line(KeyboardInterrupt(), Path("output")) == "plainpress: stopped by Ctrl-C; nothing in output/ changed"
    assert stopped_line(stop, Path("output")) == (
        "plainpress: stopped by SIGTERM; written whole: output/a/en/a-en.pdf; every other file in output/ is as it "
        "was; build again to finish")


# Killing real builds ------------------------------------------------------------------------------------

def alive(pid: int) -> bool:
    return lifetime._alive(pid)


def processes_of(session: int, marks: tuple[str, ...]) -> list[str]:
    """Live processes of the build's session, or whose command line names its folders or a validator's
    staging folder: what a killed build could leave behind (orphans are adopted by pid 1)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()
            command = Path(f"/proc/{name}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if stat[0] != "Z" and (int(stat[3]) == session or any(mark in command for mark in marks)):
            found.append(f"{name} {command[:120]}")
    return found


def start_build(tmp_path: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), str(tmp_path / "guides"), "--out",
                             str(tmp_path / "out"), "--cache", str(tmp_path / "cache"), "--jobs", "2", "-q", *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def validating(build: subprocess.Popen) -> bool:
    """Whether a validator's program (Java, Node, LibreOffice) runs under the build."""
    return any(Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].rsplit(b"/", 1)[-1]
               in (b"java", b"node", b"soffice.bin", b"soffice") for pid in lifetime.descendants(build.pid)
               if Path(f"/proc/{pid}/cmdline").exists())


def whole(out: Path) -> list[str]:
    """The files in the output folder that are not whole: temporaries, or outputs their readers refuse."""
    broken = [str(p) for p in out.rglob("*.tmp")]
    for path in out.rglob("*"):
        if path.suffix in (".docx", ".epub"):
            try:
                zipfile.ZipFile(path).testzip()
            except zipfile.BadZipFile:
                broken.append(str(path))
        elif path.suffix == ".pdf" and not path.read_bytes().rstrip().endswith(b"%%EOF"):
            broken.append(str(path))
    return broken


# (signal, when, validate): when is seconds after the start, or "validating" (a validator's program runs)
KILLS = [("SIGTERM", 0.4, False), ("SIGTERM", 1.2, False), ("SIGTERM", "validating", True),
         ("SIGINT", 1.2, False), ("SIGKILL", 0.4, False), ("SIGKILL", 1.2, False)]


@pytest.mark.slow
@pytest.mark.parametrize("signame, when, validate", KILLS)
def test_a_killed_build_leaves_no_process_no_broken_file_and_the_next_build_passes(tmp_path, signame, when, validate):
    for n in range(24):  # 24 guides: over 2 s without validators, so that 1.2 s is mid-build
        shutil.copytree(SAMPLE.parent, tmp_path / "guides" / f"guide-{n:02}")
    build = start_build(tmp_path, *(() if validate else ("--no-validate",)))
    deadline = time.monotonic() + 120
    if when == "validating":
        while not validating(build) and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    else:
        time.sleep(when)
    assert build.poll() is None, "the build ended before it was killed"
    signum = getattr(signal, signame)
    if signame == "SIGINT":
        os.killpg(build.pid, signum)  # Ctrl-C in a terminal reaches the whole group
    else:
        build.send_signal(signum)
    _, err = build.communicate(timeout=60)
    if signame == "SIGKILL":
        assert build.returncode == -signal.SIGKILL
    else:
        assert build.returncode == 128 + signum
        assert err.count("\n") == 1 and err.startswith(f"plainpress: stopped by {'Ctrl-C' if signame == 'SIGINT' else signame}; "), err
    time.sleep(1.5)  # a worker's watch of its parent looks every half second
    assert processes_of(build.pid, (str(tmp_path), "plainpress-validate-")) == []
    assert whole(tmp_path / "out") == [] if (tmp_path / "out").exists() else True
    again = start_build(tmp_path, "--no-validate")
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert whole(tmp_path / "out") == []
