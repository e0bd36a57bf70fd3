"""The PDF printer: the quicker font subsetting makes the same fonts as WeasyPrint's, and the
cycle collector, paused while a PDF is made, runs again afterwards."""
import io
import re
import zlib

import pytest

from evaltools.publish import render

weasyprint = pytest.importorskip("weasyprint")  # (no PDF printer: nothing to compare)
from fontTools.ttLib import TTFont  # noqa: E402  - after the skip: fontTools comes with WeasyPrint

HTML = ("<html lang='sv'><head><title>Typsnitt</title></head><body><h1>Åäö: 1 276 000 kr</h1>"
        "<p>Deltagare i <b>Vägen ut</b> fick 48,6 % fler arbetsdagar – AV Wa ff fi “citat”.</p></body></html>")


def _fonts(pdf: bytes) -> list[dict[str, bytes]]:
    """The TrueType fonts embedded in ``pdf``: each table's bytes, the header's dates left out."""
    out = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            data = zlib.decompress(stream)
        except zlib.error:
            continue
        if data[:4] != b"\x00\x01\x00\x00":
            continue
        font = TTFont(io.BytesIO(data))
        font["head"].modified = font["head"].created = 0
        font["head"].checkSumAdjustment = 0
        out.append({tag: font.getTableData(tag) if tag != "head" else font["head"].compile(font)
                    for tag in font.keys() if tag != "GlyphOrder"})
    return out


def test_quicker_subsetting_embeds_the_fonts_weasyprint_would(tmp_path, monkeypatch):
    ours = render.html_to_pdf(HTML, None, tmp_path)
    from weasyprint.pdf import fonts
    if not getattr(fonts.Font, "_evaltools_quick_subset", False):
        pytest.skip("another WeasyPrint version, or HarfBuzz-Subset: WeasyPrint's own subsetting runs")
    monkeypatch.setattr(fonts.Font, "_fonttools_subset", fonts.Font._weasyprint_fonttools_subset)
    theirs = weasyprint.HTML(string=HTML, base_url=str(tmp_path)).write_pdf(pdf_variant="pdf/ua-1")
    mine, reference = _fonts(ours), _fonts(theirs)
    assert len(reference) == 2, "the regular and the bold font"
    assert mine == reference
    assert all("GSUB" not in f and "GPOS" not in f and "kern" not in f for f in mine)


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
