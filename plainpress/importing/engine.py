"""A document -> pandoc's JSON AST, by the pandoc that the `pypandoc-binary` wheel carries.

Pandoc reads all four kinds a clinic has (DOCX, ODT, HTML, Markdown) into one small tree; the adapter
maps that tree onto our model. `--sandbox` keeps pandoc from reading any other file or the network
(an HTML page's pictures are read by us, through the guards, never fetched); `--track-changes=all`
shows comments and tracked changes, which the import reports or refuses. Pandoc runs within a time
limit and a memory limit (its address space, set in the child before it starts): a document that
hits one is refused in one line, and pandoc is gone.
"""
from __future__ import annotations

import json
import resource
import signal
import subprocess
from pathlib import Path

from ..errors import PlainpressError
from ..lifetime import die_with_this_thread  # here: nothing may be imported between fork and exec

ARGS = ["--sandbox", "--track-changes=all"]
TIMEOUT = 120  # seconds: a handout takes well under one
MEMORY = 2 * 1024 ** 3  # bytes of address space: a handout needs well under a tenth of it
OUT_OF_MEMORY = 251  # the exit status of a Haskell program whose heap is exhausted


class EngineError(PlainpressError):
    """Pandoc could not read the document: the message says so in one line."""


def pandoc_ast(path: Path, reader: str, text: str | None = None) -> dict:
    """The document's AST, read with pandoc's `reader`; `text` is Markdown or HTML already read (and
    prepared) by us."""
    command = [pandoc(), "--from", reader, "--to", "json", *ARGS]
    if text is None:
        command.append(str(path))
    try:
        done = subprocess.run(command, input=(text or "").encode(), capture_output=True, timeout=TIMEOUT,
                              preexec_fn=within_limits)
    except subprocess.TimeoutExpired:
        raise EngineError(f"pandoc took more than {TIMEOUT} s to read it, so it was stopped") from None
    except OSError as err:
        raise EngineError(f"pandoc could not be started ({err.strerror})") from None
    if done.returncode == OUT_OF_MEMORY or done.returncode in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGKILL):
        raise EngineError(f"pandoc needed more than {MEMORY // 2**30} GB of memory to read it, so it was stopped")
    if done.returncode != 0:
        lines = done.stderr.decode(errors="replace").strip().splitlines()
        raise EngineError(f"pandoc could not read it ({lines[-1] if lines else f'exit {done.returncode}'})")
    try:
        return json.loads(done.stdout)
    except ValueError:
        raise EngineError("pandoc gave no document tree for it") from None


def pandoc() -> str:
    import pypandoc  # imported when used: `plainpress build` never needs it
    return pypandoc.get_pandoc_path()


def within_limits() -> None:
    """In pandoc's process, before it starts: its memory bound; and it dies with the thread that
    started it (a build stopped with SIGKILL leaves no pandoc behind)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    die_with_this_thread()
