"""Twenty-seventh sweep of projects unlike the samples, from files made in Excel: a samverkansteam for persons on
sickness benefit or activity compensation, run by a municipality with Försäkringskassan and the region's primary
care (a vårdcentral's occupational therapist), whose application promises "ökad arbetsförmåga" and a return to
work. A participant, outcome or share goal of a change in the participant (an increased capacity for work,
better health, a higher extent of work, a lower sick leave) is refused with the kind to write, since the
participant file holds each person's outcome at exit, not whether they changed, and the default outcomes (still on
sickness benefit among them) would be counted as the change; a target group described by its state ("deltagare med
nedsatt arbetsförmåga", "med psykisk ohälsa") is read as written. A goal of a plan ("en upprättad
rehabiliteringsplan", "handlingsplan") that counts outcomes, without ``numerator: action_plan``, is refused with the
line to write, since every exit to its outcomes would count as a plan. The report's note on participants without payment
rows says what was counted in the board's words, without the params file's key or the evaluator's line to write.
Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows written
here."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import ParamsError
from evaltools.present.sections.quality import report_table

from .conftest import ONE_GOAL, excel_participants

NBSP = "\u00a0"

PARAMS = """\
id: vidare
kind: individ
title: Vidare
forbund: Samordningsförbundet Norrvik
owner: Vidsels kommun
partners: [Region Norrbotten (Vidsels vårdcentral), Försäkringskassan]
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-01-31
granted_sek: 200000
data: {participants: data/vidare.xlsx%s}
""" + ONE_GOAL


SIX = ["arbete", "arbete", "sjukpenning", "sjukpenning", "sjukpenning", "sjukpenning"]


def _vidare(tmp_path, kind="share", label="Minst 50 % av deltagarna ska ha ökad arbetsförmåga vid avslut",
            target="0.5", extra="    denominator: exits\n", data_extra="", outcomes=SIX):
    """Participants on the participants sheet of a workbook as Excel saves it (a title row, the header, dates
    as date cells, one birth year typed as text), each on sjukpenning at start and ended 2024-09-30 with
    ``outcomes`` (by default six: two to work, four still on sickness benefit)."""
    excel_participants(tmp_path / "data" / "vidare.xlsx", "Deltagare i Vidare, utdrag ur ärendesystemet",
                       ["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
                        "support_start"],
                       [[f"V{i + 1:03d}", "kvinna", "1979" if i == 0 else 1975 + i, "ensamstående",
                         dt.datetime(2024, 2, 1), dt.datetime(2024, 9, 30), out, "sjukpenning"]
                        for i, out in enumerate(outcomes)])
    p = tmp_path / "vidare.yaml"
    p.write_text(PARAMS % (data_extra, kind, label, target, extra), encoding="utf-8")
    return p


# --- a change in the participant is no exit code -----------------------------------------------------------------
@pytest.mark.parametrize("kind, label, target", [
    ("share", "Minst 50 % av deltagarna ska ha ökad arbetsförmåga vid avslut", "0.5"),
    ("share", "Arbetsförmågan ska ha förbättrats för minst hälften av deltagarna", "0.5"),
    ("outcome_count", "Minst 20 deltagare ska ha ökat sin arbetsförmåga", "20"),
    ("share", "At least 50% of the participants should have increased work capacity at exit", "0.5"),
    ("share", "Minst 40 % ska ha ökad aktivitetsförmåga", "0.4"),
    ("share", "Minst 50 % ska ha förbättrad psykisk hälsa enligt självskattning", "0.5"),
    ("share", "Minst 50 % ska ha ökat sin sysselsättningsgrad", "0.5"),
    ("share", "Minst 30 % ska ha gått upp i arbetstid", "0.3"),
    ("share", "Minst 40 % ska ha minskad sjukskrivningsgrad vid avslut", "0.4"),
    ("participant_count", "Minst 20 deltagare per år ska få förbättrad hälsa", "20"),
])
def test_a_goal_of_a_change_in_the_participant_is_refused_with_the_kind_to_write(tmp_path, kind, label, target):
    # read as an outcome share, the six exits' two to work and four still on sickness benefit would make 6 of 6 =
    # 100 % "ökad arbetsförmåga" with the default outcomes (sjukpenning among them), a change nobody measured
    extra = "    denominator: exits\n" if kind == "share" else ""
    with pytest.raises(ParamsError) as e:
        et.load_project(_vidare(tmp_path, kind, label, target, extra))
    for text in (e.value.message("sv"), e.value.message("en")):
        assert f"{kind} " in text and "kind: survey" in text and "measure: change" in text \
            and "kind: qualitative" in text


def test_the_refusal_names_the_words_it_read(tmp_path):
    with pytest.raises(ParamsError) as e:
        et.load_project(_vidare(tmp_path))
    assert "'ökad arbetsförmåga'" in e.value.message("sv")
    assert "'ökad arbetsförmåga'" in e.value.message("en")


@pytest.mark.parametrize("label", ["Minst 30 % av deltagarna med nedsatt arbetsförmåga ska gå till arbete",
                                   "Minst 30 % av deltagarna med psykisk ohälsa ska gå till arbete"])
def test_a_target_group_described_by_its_state_is_read_as_written(tmp_path, label):
    # "med nedsatt arbetsförmåga" says whom the goal is for, not a change: work is 2 of the 6 exits = 33,3 %
    project = et.load_project(_vidare(tmp_path, label=label, target="0.3",
                                      extra="    denominator: exits\n    success_outcomes: [arbete]\n"))
    row = et.assess_goals(project).raw.iloc[0]
    assert row["value"] == pytest.approx(2 / 6)


def test_the_capacity_written_as_qualitative_is_read_as_written(tmp_path):
    project = et.load_project(_vidare(tmp_path, kind="qualitative", target="null",
                                      extra="    assessment: delvis\n    evidence: AWP-bedömningar för 4 av 6\n"))
    assert project.params.goals[0].kind == "qualitative"


# --- persons without payments, as the board reads the note ------------------------------------------------------
def _paid(tmp_path, paid: int, persons: int, covers_all: bool):
    """``persons`` participants of whom the first ``paid`` have försörjningsstöd in a payments CSV saved by Excel
    (semicolons, a decimal comma); the params file says whether the file covers every participant."""
    p = _vidare(tmp_path, kind="participant_count", label="Minst 5 deltagare", target="5", extra="",
                data_extra=", payments: data/utbetalningar.csv"
                + (", payments_cover_all_participants: true" if covers_all else ""),
                outcomes=["arbete"] * persons)
    rows = [f"V{i + 1:03d};2024-0{m};8 900,00" for i in range(paid) for m in (1, 2, 3)]
    (tmp_path / "data/utbetalningar.csv").write_text("person_id;month;amount\r\n" + "\r\n".join(rows) + "\r\n",
                                                      encoding="utf-8")
    return et.load_project(p)


def _notes(project, lang):
    return report_table(et.Report(project, lang=lang)).iloc[:, 0].tolist()


def test_the_note_on_persons_counted_as_paid_nothing_names_no_params_key(tmp_path):
    # ten participants, five with payments: 10 - 5 = 5 without rows, counted as 0 kr (neither side under 5)
    project = _paid(tmp_path, paid=5, persons=10, covers_all=True)
    assert _notes(project, "sv") == ["5 av 10 deltagare har inga utbetalningar av försörjningsstöd i underlaget. "
                                     f"Underlaget omfattar alla deltagare enligt utvärderaren, så de räknas som 0{NBSP}kr "
                                     "varje månad."]
    assert _notes(project, "en") == ["5 of 10 participants have no payments of social assistance in the data. The "
                                     "evaluator states that the data cover every participant, so they count as SEK\u00a00 "
                                     "every month."]


def test_the_note_on_persons_left_out_of_the_payments_gives_the_board_no_to_do(tmp_path):
    # without the params line the five without rows are left out; the board's note does not tell it to write one.
    # Every participant here started on sjukpenning, so the five are not expected in the payments and are not said
    # to be missing (those on försörjningsstöd without rows, and the analyses named: tests/test_fixes_66.py)
    [note] = _notes(_paid(tmp_path, paid=5, persons=10, covers_all=False), "sv")
    assert note == ("5 av 10 deltagare hade en annan försörjning än försörjningsstöd vid start och väntas därför inte "
                    "finnas i underlaget om utbetalningar av försörjningsstöd; analyserna av försörjningsstödet gäller "
                    "dem som hade det.")
    assert "params" not in note and "skriv" not in note


def test_the_note_says_some_where_a_side_is_under_five(tmp_path):
    # six participants, one with payments: five without rows, and 6 - 5 = 1 with them, a count under 5 the number
    # would give away; the note says "some"
    [note] = _notes(_paid(tmp_path, paid=1, persons=6, covers_all=True), "sv")
    assert note.startswith("Några deltagare har inga utbetalningar av försörjningsstöd i underlaget.")


# --- a plan is no exit outcome ----------------------------------------------------------------------------------
@pytest.mark.parametrize("kind, label, target", [
    ("share", "Minst 80 % av deltagarna ska ha en upprättad rehabiliteringsplan", "0.8"),
    ("share", "Minst 80 % av de avslutade ska ha en handlingsplan för nästa steg", "0.8"),
    ("outcome_count", "Minst 30 avslutade per år med handlingsplan", "30"),
    ("share", "At least 80% of those who exit should have an action plan", "0.8"),
])
def test_a_goal_of_a_plan_counting_outcomes_is_refused_with_the_numerator_to_write(tmp_path, kind, label, target):
    # counted as outcomes, the six exits' two to work and four on sickness benefit would be 6 plans of 6 (100 %)
    # with the default outcomes, whatever the case records say
    extra = "    denominator: exits\n" if kind == "share" else ""
    with pytest.raises(ParamsError) as e:
        et.load_project(_vidare(tmp_path, kind, label, target, extra))
    for text in (e.value.message("sv"), e.value.message("en")):
        assert "numerator: action_plan" in text and "kind: qualitative" in text


def test_a_plan_goal_with_its_numerator_counts_the_plans(tmp_path):
    # with numerator: action_plan the goal counts the action_plan column: the six rows have none, so the column is
    # written on the sheet beside them (ja for V001-V004, nej for V005-V006): 4 of 6 = 66,7 %
    path = _vidare(tmp_path, label="Minst 80 % av deltagarna ska ha en upprättad rehabiliteringsplan", target="0.8",
                   extra="    denominator: exits\n    numerator: action_plan\n")
    wb = openpyxl.load_workbook(tmp_path / "data/vidare.xlsx")
    ws = wb.active
    ws.cell(2, 9, "action_plan")
    for row, answer in zip(range(3, 9), ["ja", "ja", "ja", "ja", "nej", "nej"]):
        ws.cell(row, 9, answer)
    wb.save(tmp_path / "data/vidare.xlsx")
    row = et.assess_goals(et.load_project(path)).raw.iloc[0]
    assert row["value"] == pytest.approx(4 / 6)


def test_active_planning_with_another_party_is_an_outcome_not_a_plan(tmp_path):
    # the outcome code's own words: work 2 + (no aktiv_planering rows) = 2 of 6 exits = 33,3 %
    project = et.load_project(_vidare(
        tmp_path, label="Minst 30 % ska gå till arbete eller aktiv planering med annan part", target="0.3",
        extra="    denominator: exits\n    success_outcomes: [arbete, aktiv_planering_annan_part]\n"))
    assert et.assess_goals(project).raw.iloc[0]["value"] == pytest.approx(2 / 6)
