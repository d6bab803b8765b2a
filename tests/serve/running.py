"""`plainpress serve` in a subprocess, as a writer starts it, on a copy of a fixture guide."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURES, ROOT

DRAFT = FIXTURES / "serve" / "draft"


@dataclass
class Running:
    process: subprocess.Popen
    url: str
    source: Path

    @property
    def port(self) -> int:
        return int(self.url.rstrip("/").rsplit(":", 1)[1])

    def stop(self) -> tuple[int, str, str]:
        """Ctrl-C, as a writer stops it: (exit status, what it printed, what it printed as errors)."""
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=15)
        return self.process.returncode, out, err


def copy_of_draft(project: Path) -> Path:
    """The fixture guide as the only guide of a project: project/source/draft/en.md."""
    shutil.copytree(DRAFT, project / "source" / "draft")
    return project / "source" / "draft" / "en.md"


@contextmanager
def serving(project: Path, *args: str):
    """Start `plainpress serve --port 0 ARGS` in `project` and wait for its address; stop it after."""
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", "0", *args], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    running = None
    try:
        running = Running(process, address(process), project / "source" / "draft" / "en.md")
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()


def address(process: subprocess.Popen) -> str:
    """The address from the line `Previewing ... at http://127.0.0.1:PORT/ ...`."""
    for line in process.stdout:
        if line.startswith("Previewing "):
            return line.split(" at ", 1)[1].split()[0]
    process.wait(timeout=5)
    raise AssertionError(f"plainpress serve did not start:\n{process.stderr.read()}")


def save(path: Path, text: str) -> None:
    """Save as an editor does: a whole new file put in place of the old one."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
