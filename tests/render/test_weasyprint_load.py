"""WeasyPrint loaded without find_library makes the same PDF, and leaves find_library as it was."""
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE

RENDER = """
import sys, ctypes.util
find = ctypes.util.find_library
if {plain}:
    import weasyprint
from plainpress.source import read_guide
from plainpress.render.pdf import render_pdf
from plainpress.render import RenderOptions
assert ctypes.util.find_library is find
sys.stdout.buffer.write(render_pdf(read_guide({sample!r}), RenderOptions()))
"""


@pytest.mark.slow
def test_the_same_pdf_with_weasyprint_loaded_either_way():
    made = [subprocess.run([sys.executable, "-c", RENDER.format(plain=plain, sample=str(SAMPLE))], cwd=ROOT,
                           capture_output=True, check=True, timeout=300).stdout for plain in (True, False)]
    assert made[0][:5] == b"%PDF-" and made[0] == made[1]
