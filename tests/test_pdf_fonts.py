"""The PDF printer: the quicker font subsetting makes the same fonts as WeasyPrint's, and the
cycle collector, paused while a PDF is made, runs again afterwards."""
import copy
import io
import re
import zlib

import pytest

from evaltools.publish import render

weasyprint = pytest.importorskip("weasyprint")  # (no PDF printer: nothing to compare)
from fontTools.ttLib import TTFont  # noqa: E402  - after the skip: fontTools comes with WeasyPrint

HTML = ("<html lang='sv'><head><title>Typsnitt</title></head><body><h1>Åäö: 1 276 000 kr</h1>"
        "<p>Deltagare i <b>Vägen ut</b> fick 48,6 % fler arbetsdagar – AV Wa ff fi “citat”.</p></body></html>")


def _tables(data: bytes) -> dict[str, bytes]:
    """A TrueType font's tables as bytes, the header's dates left out."""
    font = TTFont(io.BytesIO(data))
    font["head"].modified = font["head"].created = 0
    font["head"].checkSumAdjustment = 0
    return {tag: font.getTableData(tag) if tag != "head" else font["head"].compile(font)
            for tag in font.keys() if tag != "GlyphOrder"}


def _fonts(pdf: bytes) -> list[dict[str, bytes]]:
    """The TrueType fonts embedded in ``pdf``: each table's bytes, the header's dates left out."""
    out = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            data = zlib.decompress(stream)
        except zlib.error:
            continue
        if data[:4] == b"\x00\x01\x00\x00":
            out.append(_tables(data))
    return out


def test_quicker_subsetting_embeds_the_fonts_weasyprint_would(tmp_path, monkeypatch):
    """Each font the PDF embeds, subset our way and WeasyPrint's way from the same font and the same glyphs:
    the same tables. (Two whole renders are not compared: the fonts the system offers for a text may change
    between them, when another program updates the font cache.)"""
    render.html_to_pdf(HTML, None, tmp_path)  # (installs the quicker subsetting)
    from weasyprint.pdf import fonts
    if not getattr(fonts.Font, "_evaltools_quick_subset", False):
        pytest.skip("another WeasyPrint version, or HarfBuzz-Subset: WeasyPrint's own subsetting runs")
    quick, own = fonts.Font._fonttools_subset, fonts.Font._weasyprint_fonttools_subset
    calls = []

    def recorded(self, to_unicode, hinting):
        calls.append((copy.copy(self), self.file_content, copy.deepcopy(to_unicode), hinting))
        return quick(self, to_unicode, hinting)

    monkeypatch.setattr(fonts.Font, "_fonttools_subset", recorded)
    pdf = render.html_to_pdf(HTML, None, tmp_path)
    assert len(calls) == 2, "the regular and the bold font"
    for font, content, to_unicode, hinting in calls:
        mine, theirs = copy.copy(font), copy.copy(font)
        mine.file_content = theirs.file_content = content
        quick(mine, to_unicode, hinting)
        own(theirs, to_unicode, hinting)
        assert mine.file_content != content, "subset"
        assert _tables(mine.file_content) == _tables(theirs.file_content)
        assert not {"GSUB", "GPOS", "kern"} & set(_tables(mine.file_content))
    assert len(_fonts(pdf)) == 2  # (and the PDF embeds the two subset fonts)


def test_the_cycle_collector_runs_again_after_a_pdf_even_a_failed_one(tmp_path, monkeypatch):
    import gc
    assert gc.isenabled()
    render.html_to_pdf(HTML, None, tmp_path)
    assert gc.isenabled(), "paused only while the PDF is made"

    class Broken:
        def __init__(self, **_):
            assert not gc.isenabled(), "paused while WeasyPrint works"
            raise RuntimeError("layout failed")

    monkeypatch.setattr(weasyprint, "HTML", Broken)
    with pytest.raises(RuntimeError, match="layout failed"):
        render.html_to_pdf(HTML, None, tmp_path)
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            render.html_to_pdf(HTML, None, tmp_path)
        assert not gc.isenabled(), "a caller's paused collector stays paused"
    finally:
        gc.enable()
