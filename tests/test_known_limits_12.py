"""Where a reader could not redo a figure or met words without their value: a running project's workbook
divided its cost per successful outcome by a count of successes it showed nowhere; a finished project's
workbook listed "till och med" with an empty cell; an actual end years after the plan or before the start was
taken as it stood; the refusal of goals that count staff named only the first; and the English tables headed
present values "PV"/"NPV". Each fixture is a tiny project written in tmp_path; expected values are worked
out by hand from the rows written here."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import evaltools as et

from .test_cost_so_far import STARTS, YEARS, _path, _two_years

SHEET = {"sv": "Kostnad och nytta", "en": "Costs and benefits"}


def _key_figures(report: et.Report, out: Path) -> tuple[dict[str, object], list[list[str]]]:
    """The workbook's cost-benefit key figures (name → value) and the same sheet's CSV for Excel."""
    from evaltools.publish.workbook import export_report
    files = export_report(report, out)
    book = openpyxl.load_workbook(next(f for f in files if f.suffix == ".xlsx"))
    rows = list(book[SHEET[report.lang]].iter_rows(values_only=True))
    with open(out / "tables" / "kostnad_nytta.csv", encoding="utf-8-sig") as f:  # (as each language's Excel opens it)
        table = list(csv.reader(f, delimiter=";" if report.lang == "sv" else ","))
    return {r[0]: r[1] for r in rows[1:]}, table


# --- 1. the counts a running project's costs per person divide by stand beside them ------------------------------
def test_the_workbook_shows_what_a_running_projects_costs_per_person_divide(tmp_path):
    # STARTS/YEARS (test_cost_so_far): 2022 paid 120 000 kr and was the only year with utfall; by 2022-12-31
    # 12 had started (6+5+1) and 6 had ended to work (the main goal's and the benefit's success alike)
    figures, _ = _key_figures(et.Report(_two_years(tmp_path, STARTS, YEARS)), tmp_path / "out")
    assert figures["Kostnad per person: utfallet och personerna till och med"] == dt.datetime(2022, 12, 31)
    assert figures["Kostnad som kostnaderna per person räknas på (utfallet hittills)"] == 120_000
    assert figures["Deltagare som kostnaden per deltagare delas med"] == 12
    assert figures["Lyckade utfall som kostnaden per lyckat utfall delas med"] == 6
    assert figures["Personer som lämnat försörjningsstödet som kostnaden per sådan person delas med"] == 6
    # the whole counts stay what page 1 says (20 participants, 11 to work), and each division can be redone
    assert figures["Deltagare"] == 20 and figures["Lyckade utfall (enligt projektets huvudmål)"] == 11
    assert figures["Kostnad per deltagare"] == 10_000  # 120 000 / 12
    assert figures["Kostnad per lyckat utfall (enligt projektets huvudmål)"] == 20_000  # 120 000 / 6
    assert figures["Kostnad per person som lämnat försörjningsstödet"] == 20_000  # 120 000 / 6


@pytest.mark.parametrize("lang, said", [
    ("sv", "Projektet pågår: kostnaden per lyckat utfall delar utfallet till och med 2022-12-31, 120 000 kr, med de 6 "
           "lyckade utfallen fram till dess."),
    ("en", "The project is running: the cost per successful outcome divides the outturn up to 2022-12-31, SEK 120,000, "
           "by the 6 successes up to then."),
])
def test_the_section_says_the_cost_and_the_count_the_cost_per_success_divides(tmp_path, lang, said):
    # (the same project: the main goal counts work, the benefit every exit from försörjningsstöd, 11 each in all;
    # the section said the cost per success was counted on the 11, where it divides 120 000 kr by the 6 of 2022)
    from evaltools.present.sections.costbenefit import benefit_count
    sentences = [x.replace("\xa0", " ") for x in benefit_count(et.Report(_two_years(tmp_path, STARTS, YEARS), lang=lang))]
    assert said in sentences


def test_the_english_workbook_names_the_same_counts(tmp_path):
    figures, _ = _key_figures(et.Report(_two_years(tmp_path, STARTS, YEARS), lang="en"), tmp_path / "out")
    assert figures["Cost the costs per person are counted on (the outturn so far)"] == 120_000
    assert figures["Participants the cost per participant is divided by"] == 12
    assert figures["Successful outcomes the cost per successful outcome is divided by"] == 6
    assert figures["Persons who left social assistance the cost per such person is divided by"] == 6


def test_a_withheld_cost_per_person_withholds_the_count_it_divides_by(tmp_path):
    # 2022: 3 started (2 to work), 2023: 11 more (test_cost_so_far's withheld case): the cost paid for 2022
    # over its 3 participants is withheld, and so are the 3 and the 2 it would divide by
    starts = ([("2022-02-01", "2022-10-01", "arbete")] * 2 + [("2022-03-01", "", "")]
              + [("2023-01-10", "2023-05-01", "arbete")] * 5 + [("2023-02-01", "", "")] * 6)
    _, table = _key_figures(et.Report(_two_years(tmp_path, starts, YEARS)), tmp_path / "out")
    rows = {row[0]: row[1:] for row in table[1:]}  # (value, and the column saying what is withheld)
    for withheld in ("Kostnad per deltagare", "Deltagare som kostnaden per deltagare delas med",
                     "Lyckade utfall som kostnaden per lyckat utfall delas med",
                     "Personer som lämnat försörjningsstödet som kostnaden per sådan person delas med"):
        assert rows[withheld] == ["", "Värde: .."], withheld
    assert rows["Deltagare"] == ["14", ""]  # (the whole count is no secondary figure: 3 + 11)


# --- 2. a finished project's workbook lists no cost "so far" and no empty "up to" -------------------------------------
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_finished_projects_workbook_has_no_empty_up_to_row(tmp_path, lang):
    # ten participants, all ended; the period ended 2023-12-31 and the data run to 2024-06-30: the cost per
    # participant is the whole cost over everyone, (90 000 + 60 000) / 10 = 15 000 kr
    figures, table = _key_figures(et.Report(_path(tmp_path, "2024-06-30"), lang=lang), tmp_path / "out")
    assert figures["Kostnad per deltagare" if lang == "sv" else "Cost per participant"] == 15_000
    assert all(v is not None for v in figures.values())
    said = " ".join(figures).lower()
    assert not any(w in said for w in ("till och med", "hittills", "delas med", "up to", "so far", "divided by"))
    assert all(row[1] != "" for row in table[1:])  # (the CSV for Excel alike)


# --- 3. an end before the start is refused, each at once; an end years past the plan is warned of ---------------------
def _with_period(tmp_path: Path, period: str) -> Path:
    """test_differencing's small project (start 2022-01-01, planned end 2023-12-31) with another period."""
    from .test_differencing import project
    path = project(tmp_path, n=6, ongoing=0, successes=3)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("period: {start: 2022-01-01, planned_end: 2023-12-31}", period), encoding="utf-8")
    return path


def test_both_ends_before_the_start_are_named_at_once(tmp_path):
    from evaltools.data.errors import ParamsError
    path = _with_period(tmp_path, "period: {start: 2022-01-01, planned_end: 2021-12-31, actual_end: 2021-06-30}")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    assert e.value.in_lang("sv").messages == [
        "period, planned_end: står 2021-12-31, inte efter startdatumet 2022-01-01; skriv ett slutdatum efter start "
        "(ÅÅÅÅ-MM-DD)",
        "period, actual_end: står 2021-06-30, inte efter startdatumet 2022-01-01; skriv ett slutdatum efter start "
        "(ÅÅÅÅ-MM-DD)"]
    assert e.value.in_lang("en").messages[1] == (
        "period, actual_end: got 2021-06-30, not after the start date 2022-01-01; write an end date after the start "
        "(YYYY-MM-DD)")
    assert str(path.name) in e.value.message("sv")  # (the file is named in the heading)


FAR_SV = ("period.actual_end är 2031-12-31, mer än två år efter det planerade slutet 2023-12-31 (period.planned_end). "
          "Projektet räknas som förlängt till dess, och dess mål räknas till det datumet; är datumet fel skrivet, "
          "skriv dagen projektet slutade eller ska sluta (ÅÅÅÅ-MM-DD)")


@pytest.mark.parametrize("actual_end, warned", [
    ("2031-12-31", True),   # eight years past the planned 2023-12-31: a digit mistyped, or a prolonging seldom granted
    ("2026-01-01", True),   # a day more than two years past it
    ("2025-12-31", False),  # two years to the day: a long prolonging, read as written
    ("2023-06-30", False),  # an early end
])
def test_an_end_more_than_two_years_past_the_plan_is_warned_of(tmp_path, actual_end, warned):
    path = _with_period(tmp_path, f"period: {{start: 2022-01-01, planned_end: 2023-12-31, actual_end: {actual_end}}}")
    project = et.load_project(path)
    far = [w for w in project.warnings if w.code == "actual_end_far"]
    assert len(far) == int(warned)
    if warned:
        assert far[0].file == str(path) and far[0].severity == "warning"
        assert far[0].note("sv") == FAR_SV.replace("2031-12-31", actual_end)
        assert far[0].note("en").startswith(f"period.actual_end is {actual_end}, more than two years after the "
                                            "planned end 2023-12-31 (period.planned_end).")


def test_the_report_says_the_prolonging_in_its_own_words(tmp_path):
    from evaltools.present.sections import quality
    path = _with_period(tmp_path, "period: {start: 2022-01-01, planned_end: 2023-12-31, actual_end: 2031-12-31}")
    notes = list(quality.report_table(et.Report(et.load_project(path), lang="sv")).iloc[:, 0])
    assert ("Projektets verkliga slutdatum ligger mer än två år efter det planerade; projektet räknas som förlängt "
            "till dess, och dess mål räknas till det datumet.") in notes


# --- 4. every goal counting staff or employers is named at once ---------------------------------------------------
def test_every_goal_counting_staff_or_employers_is_named_at_once(tmp_path):
    from .test_unseen_projects_18 import _goal, _refusal
    goals = (_goal("Minst 30 % ska gå till arbete", "0.3", "share")
             + _goal("Minst 40 handläggare ska ha utbildats i metoden", "40").replace("id: mål", "id: personal")
             + _goal("Minst 10 arbetsgivare ska ta emot deltagare för praktik", "10", "outcome_count").replace(
                 "id: mål", "id: arbetsgivare"))
    assert _refusal(tmp_path, goals).endswith(
        "mål 2 (id: personal, kind: participant_count) räknar '40 handläggare' och mål 3 (id: arbetsgivare, kind: "
        "outcome_count) räknar '10 arbetsgivare', personer som inte är projektets deltagare, men mål av de slagen "
        "räknar deltagarna i deltagarfilen och skulle ställa dem mot målvärdena: skriv vart och ett av målen som "
        "kind: qualitative med din bedömning och ditt underlag (till exempel '34 handläggare gick utbildningen, "
        "kurslistor oktober 2025'), eller som kind: survey om de har svarat på en enkät")
    assert _refusal(tmp_path, goals, lang="en").endswith(
        "goal 2 (id: personal, kind: participant_count) counts '40 handläggare' and goal 3 (id: arbetsgivare, kind: "
        "outcome_count) counts '10 arbetsgivare', persons who are not the project's participants, but goals of those "
        "kinds count the participants in the participant file and would set them against the targets: write each "
        "of the goals as kind: qualitative with your assessment and its evidence (for example '34 case workers took "
        "the training, course lists October 2025'), or as kind: survey if they answered a questionnaire")


# --- 5. the English tables say "present value" and "net present value", as the glossary does ----------------------------
def test_no_english_words_abbreviate_present_values():
    import re

    import yaml
    en = yaml.safe_load((Path(et.__file__).parent / "locales" / "en.yaml").read_text(encoding="utf-8"))

    def texts(node):
        if isinstance(node, dict):
            for v in node.values():
                yield from texts(v)
        elif isinstance(node, str):
            yield node
    assert [s for s in texts(en) if re.search(r"\b(N?PVs?|BCR)\b", s)] == []  # (nor the benefit-cost ratio)
    assert en["glossary"]["term"]["nettonuvarde"]["name"] == "Net present value"


@pytest.mark.parametrize("lang, heads", [
    ("sv", ["Aktör", "Kostnad (nuvärde)", "Nytta (+) eller förlust (−), nuvärde", "Skattefaktorns effekt (nuvärde)", "Netto"]),
    ("en", ["Actor", "Cost (present value)", "Benefit or loss (−), present value", "Tax factor's effect (present value)", "Net"]),
])
def test_the_table_per_actor_heads_its_present_values_in_words(tiny_project, lang, heads):
    from evaltools.present.sections import costbenefit as cb_section

    from .test_actor_costs import SHOWN, TWO_YEARS  # (its 2 exits shown: 1 to 4 would give their range)
    frame = cb_section.perspective_table(et.Report(tiny_project(TWO_YEARS + SHOWN), lang=lang)).frame
    assert list(frame.columns)[:5] == heads
