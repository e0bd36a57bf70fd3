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


def _png(mode: str, **save) -> bytes:
    import io

    from PIL import Image
    image = Image.new(mode, (40, 30), "white" if mode != "P" else 0)
    for x in range(40):
        image.putpixel((x, x % 30), (x * 6, 20, 200)[: len(mode)] if mode in ("RGB", "RGBA") else x * 6)
    buf = io.BytesIO()
    image.save(buf, format="PNG", **save)
    return buf.getvalue()


def _interlaced(png: bytes) -> bytes:
    """The same PNG with its header saying Adam7 interlacing (Pillow writes none)."""
    import struct
    import zlib
    header = png[12:28] + b"\x01"
    return png[:12] + header + struct.pack(">I", zlib.crc32(header)) + png[33:]


def test_only_plain_png_rows_are_passed_to_the_pdf_as_they_are():
    import zlib

    from evaltools.publish.render import png_image_data
    rgb = png_image_data(_png("RGB", compress_level=3))
    assert rgb is not None
    rows = zlib.decompress(rgb)
    assert len(rows) == 30 * (1 + 40 * 3)  # a filter byte and three bytes a pixel, each row
    assert png_image_data(_png("L")) is not None
    for other in (_png("RGBA"), _png("P"), _interlaced(_png("RGB")), _png("I;16"), b"GIF89a", _png("RGB")[:-30]):
        assert png_image_data(other) is None


def test_charts_in_the_pdf_have_the_pixels_weasyprint_would_give_them(tmp_path, monkeypatch):
    """The same page, rasterised, whether WeasyPrint encodes the chart again or takes its rows."""
    import base64
    import io
    import shutil

    pytest.importorskip("weasyprint")
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) rasterises the pages")
    from evaltools.publish import render
    chart = base64.b64encode(_png("RGB", compress_level=3)).decode()
    html = f"<html lang='sv'><body><img style='width:8cm' alt='x' src='data:image/png;base64,{chart}'></body></html>"
    ours = render.html_to_pdf(html, None, tmp_path)
    from weasyprint import images
    if not getattr(images.RasterImage, "_evaltools_png_pass_through", False):
        pytest.skip("another WeasyPrint version: its own encoding runs")
    monkeypatch.setattr(images.RasterImage, "_get_png_data", staticmethod(images.RasterImage._weasyprint_get_png_data))
    theirs = render.html_to_pdf(html, None, tmp_path)
    assert ours != theirs  # (the image streams differ: the rows compressed at another level)
    pages = []
    for name, pdf in (("ours", ours), ("theirs", theirs)):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)],
                       check=True)
        from PIL import Image
        pages.append(Image.open(io.BytesIO((tmp_path / f"{name}.png").read_bytes())).tobytes())
    assert pages[0] == pages[1]
