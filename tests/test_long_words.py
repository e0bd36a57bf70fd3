"""A goal's name with agencies' names joined by slashes and an optional hyphen (U+00AD, as Word's optional
hyphens are pasted) breaks where it must instead of pushing the goal table past the page's right margin: its last
columns were cut off (the PDF printer took the name, in the row above the goal's periods, for one word). And the
page number stays on one line beside a long project title."""
from __future__ import annotations

import pytest

from evaltools.publish import render

from .conftest import layout_boxes

LONG = "(Arbetsmarknadsenheten/Arbetsförmedlingen/Försäkringskassan/Region\u00adVästernorrland)"
TITLE = ("Vägen ut för sjukskrivna utan sjukpenninggrundande inkomst – ett samverkansprojekt mellan "
         "Timrå kommun, Region Västernorrland och Arbetsförmedlingen")


@pytest.fixture
def laid_out(tiny_project, worker_zygote):
    goals = f"""\
        goals:
          - id: arbete
            kind: share
            label: Minst 30 % av de avslutade ska gå till arbete inom samverkansstrukturen {LONG}
            target: 0.3
            period: whole_period
            denominator: exits
            success_outcomes: [arbete]
          - {{id: antal, kind: participant_count, label: Minst 2 deltagare per år, target: 2, period: project_year}}
        """
    params = tiny_project(goals)
    text = params.read_text(encoding="utf-8").replace("title: Litet testprojekt", f"title: {TITLE}")
    params.write_text(text, encoding="utf-8")
    out = tiny_project.dir / "reports"
    res = render.render_project(params, out, ("html",))
    assert res.ok, res.error
    page = (out / "tiny" / "tiny.html").read_text(encoding="utf-8")
    weasyprint = render.import_weasyprint()
    return weasyprint.HTML(string=page, base_url=str(out / "tiny")).render()


def test_no_text_reaches_past_the_right_margin(laid_out):
    for number, page in enumerate(laid_out.pages, start=1):
        root = page._page_box
        # the content area's right edge: the page's width less its right margin (16 mm in the report's @page)
        right = root.margin_width() - root.margin_right
        body = [child for child in root.children if type(child).__name__ != "MarginBox"]  # (not the running footer)
        texts = [box for child in body for box in layout_boxes(child) if type(box).__name__ == "TextBox"]
        assert texts
        for box in texts:
            assert box.position_x + box.width <= right + 0.5, (number, box.text, box.position_x + box.width, right)


def test_the_goal_name_is_printed_whole(laid_out):
    texts = "".join(box.text for page in laid_out.pages for box in layout_boxes(page._page_box)
                    if type(box).__name__ == "TextBox")
    assert LONG.replace("\u00ad", "") in texts.replace("\u00ad", "").replace("-", "")


def test_the_page_number_is_on_one_line_beside_a_long_title(laid_out):
    for page in laid_out.pages:
        margins = [b for b in page._page_box.children if type(b).__name__ == "MarginBox"]
        (number,) = [b for b in margins if b.at_keyword == "@bottom-right"]
        lines = [b for b in layout_boxes(number) if type(b).__name__ == "LineBox"]
        assert len(lines) == 1, [b.text for b in layout_boxes(number) if type(b).__name__ == "TextBox"]
