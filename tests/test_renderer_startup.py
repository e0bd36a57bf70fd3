"""What the command does before the first report and after the last one (speed without a change of output)."""
import subprocess
import sys

import pytest

# In a new interpreter: every program started while the PDF printer is imported, and whether it imported.
PROBE = """
import subprocess
started = []
real = subprocess.Popen.__init__
def record(self, args, *a, **k):
    started.append(str(args[0] if isinstance(args, (list, tuple)) else args))
    return real(self, args, *a, **k)
subprocess.Popen.__init__ = record
from evaltools.publish.render import import_weasyprint
w = import_weasyprint()
print(w.__name__, w.HTML.__name__)
print(started)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the library search skipped is Linux's")
def test_the_pdf_printer_is_imported_without_searching_for_its_libraries():
    """WeasyPrint's import otherwise runs ldconfig, the C compiler and the linker some twenty times."""
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    imported, started = out.stdout.splitlines()[:2]
    assert imported == "weasyprint HTML"
    assert started == "[]"


def test_the_library_search_is_restored_after_the_import():
    import ctypes.util

    from evaltools.publish.render import import_weasyprint
    search = ctypes.util.find_library
    import_weasyprint()
    assert ctypes.util.find_library is search
