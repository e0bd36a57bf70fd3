"""A params message names its place once: "mål 1 (id: g), among: anger gruppen …", not "among: among: …"."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.params import ParamsError

from .test_small_counts_22 import _project

GOAL = """goals:
  - id: g
    kind: share
    label: Minst 30 % ska gå till arbete
    target: 0.3
    period: whole_period
    among: {among}
"""


@pytest.mark.parametrize("among, sv, en", [
    ("{}", "mål 1 (id: g), among: anger gruppen målet gäller och behöver minst en nyckel",
     "names the group the goal is set for and needs at least one key"),
    ("{age_from: 25, age_below: 16}", "mål 1 (id: g), among: age_from: 25 och age_below: 16 ger ingen ålder",
     "age_from: 25 and age_below: 16 leave no age"),
])
def test_a_goals_group_is_named_once_in_its_message(tmp_path, among, sv, en):
    path = _project(tmp_path, 100_000, 6, stayed=6, extra=GOAL.format(among=among))
    with pytest.raises(ParamsError) as e:
        et.load_project(path)
    said = {lang: " ".join(e.value.message(lang).split()) for lang in ("sv", "en")}
    assert sv in said["sv"]
    assert en in said["en"]
    assert "among: among" not in said["sv"] and "among: among" not in said["en"]


@pytest.mark.parametrize("lang, several, one", [("sv", "Kommunerna", "Kommunen"), ("en", "Municipalities", "Municipality")])
def test_the_workbooks_sheet_per_actor_names_several_municipalities_as_the_report_does(tmp_path, lang, several, one):
    """Participants from two municipalities (tests/test_unseen_projects_29.py): the report's table per actor says
    "Kommunerna"; the workbook's sheet per actor, the same figures, says the same; one municipality keeps its row."""
    import openpyxl

    from evaltools.publish.workbook import export_report

    from .test_unseen_projects_29 import ROWS, _steget

    def actors(report) -> list[str]:
        out = tmp_path / f"out-{len(list(tmp_path.iterdir()))}"
        (book,) = [f for f in export_report(report, out) if str(f).endswith(".xlsx")]
        wb = openpyxl.load_workbook(book)
        (sheet,) = [ws for ws in wb.worksheets if ws.title in ("Per perspektiv", "By perspective")]
        return [str(c.value) for c in sheet["A"] if c.value is not None]

    two = actors(et.Report(et.load_project(_steget(tmp_path / "two", "9000")), lang=lang))
    assert several in two and one not in two
    alone = actors(et.Report(et.load_project(_steget(tmp_path / "one", "{Norrby: 9000}",
                                                     [("Norrby", out) for _town, out in ROWS])), lang=lang))
    assert one in alone and several not in alone
