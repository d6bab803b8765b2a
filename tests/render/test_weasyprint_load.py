"""WeasyPrint loaded without find_library makes the same PDF, and leaves find_library as it was."""
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE

RENDER = """
import sys, ctypes.util
asked = []
real = ctypes.util.find_library
ctypes.util.find_library = lambda name: asked.append(name) or real(name)
find = ctypes.util.find_library
if {plain}:
    import weasyprint
from plainpress.source import read_guide
from plainpress.render.pdf import render_pdf
from plainpress.render import RenderOptions
assert ctypes.util.find_library is find, "find_library is put back"
sys.stderr.write(f"asked {{len(asked)}}")
sys.stdout.buffer.write(render_pdf(read_guide({sample!r}), RenderOptions()))
"""


@pytest.mark.slow
def test_the_same_pdf_with_weasyprint_loaded_either_way():
    runs = [subprocess.run([sys.executable, "-c", RENDER.format(plain=plain, sample=str(SAMPLE))], cwd=ROOT,
                           capture_output=True, check=True, timeout=300) for plain in (True, False)]
    plain, loaded = runs
    assert plain.stdout[:5] == b"%PDF-" and plain.stdout == loaded.stdout
    assert int(plain.stderr.split()[-1]) > 0 and loaded.stderr.split()[-1] == b"0"   # cffi asked it, then never
