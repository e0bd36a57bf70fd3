"""A table never leaves its header with only one or two rows at the foot of a page: the first three rows stay
with the header (the cost-benefit section's key figures broke after two rows, the actors' table after one), and a
table too tall for the rest of the page starts on the next. Its last rows still keep together, and a goal's group
of rows (its label and periods) after the first is still never split.

The page is the report's own template (:func:`evaltools.publish.render.notebook_to_html`) around a block whose
empty box above the table is made taller step by step, so that the table meets the page's foot at every row."""
from __future__ import annotations

import pytest

from .conftest import layout_boxes, printed_page


ROWS = 12
STEPS = range(150, 256, 3)  # the empty box's height in mm: the page's text area is 297 − 18 − 20 = 259 mm high


def _table(groups: list[list[str]]) -> str:
    head = "<thead><tr><th class='txt'>Nyckeltal</th><th class='num'>Värde</th></tr></thead>"
    body = "".join("<tbody>" + "".join(f"<tr><td class='txt'>{name}</td><td class='num'>1</td></tr>" for name in rows)
                   + "</tbody>" for rows in groups)
    return f"<table class='et-table'>{head}{body}</table>"


def _fragments(table: str, space_mm: int) -> list[list[str]]:
    """The table's body rows on each page it is printed on (by their first cell's text)."""
    block = f"<div class='et-block'><div style='height: {space_mm}mm'></div>{table}</div>"
    document = printed_page(block)
    out = []
    for p in document.pages:
        for box in layout_boxes(p._page_box):
            if type(box).__name__ == "TableBox":
                rows = [row for group in box.children if not group.is_header for row in group.children]
                out.append(["".join(b.text for b in layout_boxes(row.children[0]) if type(b).__name__ == "TextBox")
                            for row in rows])
    return out


@pytest.fixture(scope="module")
def key_figures() -> dict[int, list[list[str]]]:
    rows = [f"rad {i}" for i in range(1, ROWS + 1)]
    return {mm: _fragments(_table([rows]), mm) for mm in STEPS}


def test_the_header_keeps_at_least_three_rows(key_figures):
    for mm, fragments in key_figures.items():
        assert all(len(f) >= 3 for f in fragments), (mm, [len(f) for f in fragments])


def test_every_row_is_printed_once_in_order(key_figures):
    for mm, fragments in key_figures.items():
        assert [r for f in fragments for r in f] == [f"rad {i}" for i in range(1, ROWS + 1)], mm


def test_the_table_still_breaks_across_pages(key_figures):
    # the rule keeps rows together, it does not move every long table whole: with room for most of its rows, the
    # table is split; with room for only one or two, it starts on the next page
    splits = [[len(f) for f in fragments] for fragments in key_figures.values() if len(fragments) > 1]
    assert splits
    assert any(len(fragments) == 1 for fragments in key_figures.values())


def test_a_goals_later_group_is_not_split():
    # a goal table: one group per goal, its label and three periods; the second goal's group is kept whole
    first = ["Mål A", "År 1 A", "År 2 A", "År 3 A"]
    second = ["Mål B", "År 1 B", "År 2 B", "År 3 B"]
    for mm in range(200, 256, 3):
        fragments = _fragments(_table([first, second]), mm)
        for f in fragments:
            assert len(f) >= 3, (mm, fragments)
            if any(r in second for r in f):
                assert all(r in f for r in second), (mm, fragments)


# The questionnaire section shows its answers in charts only: its opening says where an answer chosen by fewer
# than five is shown (the charts' grey hatched segment, by its legend's words), not "in the tables" it has none of.

@pytest.fixture
def survey_report(tiny_project):
    import evaltools as et

    from .conftest import write_csv
    from .test_survey import _responses
    from .test_survey_data import DATA, QUESTIONS
    from .test_survey_report import GOALS

    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _responses())
    return et.Report(et.load_project(tiny_project(GOALS, data_block=DATA)))


@pytest.mark.parametrize(("lang", "where", "tables"), [
    ("sv", "i diagrammet ingår det i ett grått, streckat fält, som i teckenförklaringen heter "
           "”Färre än 5 svar per alternativ (dolt)”.", "i tabellerna"),
    ("en", 'in the chart it is part of a grey hatched segment, labelled "Fewer than 5 answers per option '
           '(hidden)" in the legend.', "in the tables"),
])
def test_the_survey_section_says_hidden_answers_are_in_the_chart(survey_report, monkeypatch, lang, where, tables):
    import evaltools as et
    from evaltools.present import report as report_module
    from evaltools.present.display import Table, Text

    seen: list = []
    monkeypatch.setattr(report_module, "_display", lambda *parts: seen.extend(parts))
    et.Report(survey_report.project, lang=lang).survey_section()
    assert not any(isinstance(part, Table) for part in seen)  # the section has charts, no table
    (intro,) = [p for part in seen if isinstance(part, Text) for p in part.paragraphs
                if "streckat" in p or "hatched" in p]
    assert intro.endswith(where), intro
    assert tables not in intro and "<5" not in intro
