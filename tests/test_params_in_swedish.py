"""Every problem the params check finds is told in the evaluator's language, by place, without
dumping the file back: the checks across fields (a goal's target, the period's order, unique goal
ids, the cost-benefit's shares and ranges, a comparison's window, the project id) as well as the
single values."""
from __future__ import annotations

import re

import pytest

import evaltools as et
from evaltools.data.errors import ParamsError
from evaltools.data.params import project_id_problem

from .test_differencing import project

ENGLISH = re.compile(r"\b(must|got|expected|needs|only one|unknown)\b")


def _problems(tmp_path, replace: dict[str, str], append: str = "", lang: str = "sv") -> list[str]:
    path = project(tmp_path, n=6, ongoing=0, successes=3)
    text = path.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text + append, encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    return e.value.in_lang(lang).messages


def test_a_share_target_written_as_a_percentage_is_told_in_swedish(tmp_path):
    share = "    kind: share\n    label: Minst 80 % till arbete\n    target: 80\n    period: whole_period\n"
    (sv,) = _problems(tmp_path, {"    kind: outcome_count\n    label: Minst 10 till arbete\n    target: 10\n"
                                 "    period: whole_period\n": share})
    assert "målvärdet 80 är ingen andel" in sv and "0.8 för 80 %" in sv
    assert sv.startswith("mål 1") or "arbete" in sv.split(":")[0]  # the goal it concerns
    assert not ENGLISH.search(sv)
    (en,) = _problems(tmp_path / "en", {"    kind: outcome_count\n    label: Minst 10 till arbete\n    target: 10\n"
                                        "    period: whole_period\n": share}, lang="en")
    assert "the target 80 is not a share" in en


def test_goal_ids_given_twice_are_named_without_the_whole_file(tmp_path):
    again = ("  - id: arbete\n    kind: outcome_count\n    label: Minst 5 till arbete\n    target: 5\n"
             "    period: whole_period\n    success_outcomes: [arbete]\n")
    (sv,) = _problems(tmp_path, {}, again)
    assert sv.endswith("målens id måste vara olika; samma id står på flera mål: 'arbete'")
    assert "{" not in sv and "Testförbundet" not in sv and len(sv) < 200


def test_an_end_before_the_start_names_both_dates(tmp_path):
    (sv,) = _problems(tmp_path, {"planned_end: 2023-12-31": "planned_end: 2021-12-31"})
    assert sv == "period, planned_end: står 2021-12-31, inte efter startdatumet 2022-01-01; skriv ett slutdatum efter start (ÅÅÅÅ-MM-DD)"


@pytest.mark.parametrize("setting, said", [
    ("deadweight: 1.5", "deadweight är 1.5; förväntat en andel från 0 till under 1"),
    ("horizon_range: [0, 80]", "står [0, 80]; förväntat [lägsta, högsta] antal år med 0 < lägsta ≤ högsta ≤ 50"),
    ("cost_shares: {stat: 0.5, region: 0.25, kommun: 0.2}", "andelarna ska tillsammans bli 1 (100 %); summan är 0.95"),
    ("success_outcomes: [arbete, jobb]", "okända utfallskoder: 'jobb'; använd koder ur listan"),
])
def test_shares_and_ranges_of_the_cost_benefit_are_told_in_swedish(tmp_path, setting, said):
    (sv,) = _problems(tmp_path, {}, f"cost_benefit:\n  {setting}\n")
    assert sv.startswith("cost_benefit") and said in sv
    assert not ENGLISH.search(sv)


def test_a_comparison_window_too_short_for_its_anticipation(tmp_path):
    (p,) = _problems(tmp_path, {}, "comparison: {months_before: 3, anticipation_months: 2}\n")
    assert p.endswith("anticipation_months (2) måste lämna minst två månader av tiden före start (months_before är 3); "
                      "minska anticipation_months eller öka months_before")


@pytest.mark.parametrize("value, sv, en", [
    ("../x", "står '../x'; ett projekt-id har bara bokstäver, siffror, - och _", "got '../x'; a project id has only letters"),
    ("Vägen framåt", "står 'Vägen framåt'; ett projekt-id", "got 'Vägen framåt'; a project id"),
    ("index", "står 'index'; namnet används av verktygets egna filer", "got 'index'; the name is used by the toolkit's"),
])
def test_a_project_id_is_refused_in_either_language(value, sv, en):
    assert project_id_problem(value).startswith(sv)
    assert project_id_problem(value, "en").startswith(en)
    assert project_id_problem("vagen-framat") is None


def test_several_cost_benefit_mistakes_are_told_at_once(tmp_path):
    cb = ("cost_benefit:\n  deadweight: 1.5\n  horizon_range: [0, 80]\n"
          "  cost_shares: {stat: 0.5, region: 0.25, kommun: 0.2}\n  discount_rate: 3.5\n")
    problems = _problems(tmp_path, {}, cb)
    assert len(problems) == 4
    said = " | ".join(problems)
    for part in ("deadweight är 1.5", "står [0, 80]", "summan är 0.95", "discount_rate är 3.5"):
        assert part in said
