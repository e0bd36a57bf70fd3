"""Projects unlike the samples, with their files made as an evaluator makes them in Excel on a Windows laptop.

A rehabilitation project of three municipalities keeps its budget in tkr (the workbook's `Budget (tkr)`) and its
försörjningsstöd as the economic-aid system pays it, in kronor written `10 441 kr`, each household with one participant;
a social enterprise keeps its sales beside its costs in the budget; a youth project's application caps the share who
drop out ("Andelen som avbryter ska vara högst 15 %"); and a goal names job seeking among the outcomes it counts
("Minst 35 % i arbete, studier eller arbetssökande vid avslut"). Each fixture is a tiny project written in tmp_path;
expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et
from evaltools.data.params import words_named
from evaltools.present.sections.goals import outcomes_beyond_words

from .conftest import load_problems, params_refusal

PARAMS = """\
id: rehab67
title: Samordnad rehabilitering
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {{start: 2024-01-01, planned_end: 2024-12-31}}
granted_sek: 900000
data:
  participants: data/deltagare.csv
  payments: data/utbetalningar.csv
  budget: data/budget.csv
  amount_unit: {unit}
"""

PEOPLE = ["person_id;sex;birth_year;household_type;start_date;end_date;outcome;household_id",
          "R-1;kvinna;1980;ensamstående;2024-02-01;2024-09-30;arbete;H-1",
          "R-2;man;1975;ensamstående;2024-03-01;;;H-2"]

# the economic-aid system's export as the evaluator pasted it: a row per household and month, in kronor
PAYMENTS = ["household_id;month;amount",
            "H-1;2024-01;8 000 kr",
            "H-1;2024-02;9 000 kr",
            "H-2;2024-01;10 000 kr",
            "H-2;2024-02;11 000 kr"]

BUDGET = ["period;category;budget;actual;funder",
          "2024;Lön rehabkoordinator;600;550;förbund",
          "2024;Handläggartid i form av arbetstid;200;200;kommun"]


def _project(tmp_path, unit: str = "tkr", budget: list[str] = BUDGET, payments: list[str] = PAYMENTS,
             people: list[str] = PEOPLE, extra: str = ""):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    (tmp_path / "data" / "utbetalningar.csv").write_text("\n".join(payments) + "\n", encoding="utf-8")
    (tmp_path / "data" / "budget.csv").write_text("\n".join(budget) + "\n", encoding="utf-8")
    p = tmp_path / "rehab67.yaml"
    p.write_text(PARAMS.format(unit=unit) + textwrap.dedent(extra), encoding="utf-8")
    return p


# --- payments in kronor beside a budget in tkr --------------------------------------------------------------------

def test_payments_in_kronor_read_in_tkr_are_one_message_with_the_unit_line_to_write(tmp_path):
    """`amount_unit: tkr` reads every file in tkr, the payments too: their 8 000, 9 000, 10 000 and 11 000 kr become
    8 000 000 to 11 000 000 kr a month. The median of the four, (9 000 000 + 10 000 000) / 2 = 9 500 000 kr, is above
    what a household is paid (100 000 kr), so the whole file is on the wrong scale: one message for the file, naming
    the per-file unit to write, not one message for each of its four rows."""
    problems = load_problems(_project(tmp_path))
    pay = [p for p in problems if p.file.endswith("utbetalningar.csv")]
    assert [p.key for p in pay] == ["payment.too_large_tkr"]
    (only,) = pay
    assert only.row is None and only.column == "amount"
    sv, en = only.text("sv"), only.text("en")
    assert "9\u00a0500\u00a0000 kr" in sv and "amount_unit: {budget: tkr, payments: kr}" in sv
    assert "beloppen är skrivna i kronor" in sv
    assert "amount_unit: {budget: tkr, payments: kr}" in en and "written in kronor" in en


def test_the_unit_line_the_message_names_reads_the_project(tmp_path):
    """Written as the message says, the budget is read in tkr (600 + 200 = 800 tkr budget, 550 + 200 = 750 tkr
    utfall: 800 000 and 750 000 kr) and the payments in kr (R-1's household H-1: 8 000 and 9 000 kr)."""
    p = et.load_project(_project(tmp_path, unit="{budget: tkr, payments: kr}"))
    assert float(p.budget["budget"].sum()) == 800_000.0
    assert float(p.budget["actual"].sum()) == 750_000.0
    mine = p.payments[p.payments["person_id"] == "R-1"].sort_values("month")
    assert mine["amount"].tolist() == [8000.0, 9000.0]


def test_payments_far_above_a_household_in_kr_are_one_message_too(tmp_path):
    """Read in kr as declared, amounts of 800 000 to 1 100 000 a month (öre written as kronor, say) have the median
    950 000 kr: one message for the file, saying to check the unit, with no unit line to write (the file is read
    in kr already)."""
    payments = ["household_id;month;amount", "H-1;2024-01;800000", "H-1;2024-02;900000",
                "H-2;2024-01;1000000", "H-2;2024-02;1100000"]
    problems = load_problems(_project(tmp_path, unit="kr", payments=payments,
                                      budget=[BUDGET[0], "2024;Lön rehabkoordinator;600000;550000;förbund"]))
    pay = [p for p in problems if p.file.endswith("utbetalningar.csv")]
    assert [p.key for p in pay] == ["payment.too_large_file"]
    assert "950\u00a0000 kr" in pay[0].text("sv") and "amount_unit" in pay[0].text("sv")


def test_a_single_month_above_a_household_keeps_its_own_message(tmp_path):
    """One month of 150 000 kr among 8 000, 9 000 and 10 000 (median 9 500 kr) is a cell to check, named by its row
    (the file's row 3, H-1's February), not the file on the wrong scale."""
    payments = ["household_id;month;amount", "H-1;2024-01;8000", "H-1;2024-02;150000",
                "H-2;2024-01;9000", "H-2;2024-02;10000"]
    problems = load_problems(_project(tmp_path, unit="kr", payments=payments,
                                      budget=[BUDGET[0], "2024;Lön rehabkoordinator;600000;550000;förbund"]))
    pay = [p for p in problems if p.file.endswith("utbetalningar.csv")]
    assert [(p.key, p.row) for p in pay] == [("payment.too_large", 3)]


# --- a household per participant ----------------------------------------------------------------------------------

def test_payments_per_household_with_one_participant_each_say_so_without_a_count_of_zero(tmp_path):
    """H-1 and H-2 each have one participant (R-1, R-2): the note counts 4 rows of 2 households read for 2
    participants, one in each household, and never says "in 0 households more than one person takes part"."""
    p = et.load_project(_project(tmp_path, unit="{budget: tkr, payments: kr}"))
    assert not [w for w in p.warnings if w.key == "payment.per_household_read"]
    (read,) = [w for w in p.warnings if w.key == "payment.per_household_read_alone"]
    values = dict(read.values)
    assert (values["rows"], values["households"], values["persons"]) == ("4", "2", "2")
    sv, en = read.text("sv"), read.text("en")
    assert "en i varje hushåll (2 deltagare)" in sv and "0 hushåll" not in sv
    assert "one in each household (2 participants)" in en and "in 0 households" not in en


# --- a social enterprise's sales in the budget ---------------------------------------------------------------------

SALES_PARAMS = ("2024;Lön arbetsledare;600000;550000;förbund",
                "2024;Lönekostnad deltagare;300000;280000;egen")


def _sales_project(tmp_path, *lines: str):
    return _project(tmp_path, unit="kr", budget=[BUDGET[0], *SALES_PARAMS, *lines],
                    payments=["household_id;month;amount", "H-1;2024-01;8000", "H-2;2024-01;9000"])


def test_sales_written_as_a_cost_line_are_refused_as_income(tmp_path):
    """`Försäljningsintäkter` with 200 000 kr budget and 180 000 kr utfall would add to the project's cost
    (600 000 + 300 000 + 200 000 = 1 100 000 kr instead of 900 000): refused at its row, the file's row 4, saying it
    is an income, with what to write."""
    problems = load_problems(_sales_project(tmp_path, "2024;Försäljningsintäkter;200000;180000;egen"))
    (income,) = [p for p in problems if p.key == "budget.income_line"]
    assert income.row == 4 and income.value == "Försäljningsintäkter"
    assert "är en intäkt (försäljning), inte en kostnad" in income.text("sv")
    assert "is an income (sales), not a cost" in income.text("en")


def test_sales_written_negative_are_refused_saying_they_are_income(tmp_path):
    """Written as a follow-up nets them (−200 000 kr budget, −180 000 kr utfall), each amount is refused as a negative
    amount, and the message says the line is an income, not a repayment of unused funds."""
    problems = load_problems(_sales_project(tmp_path, "2024;Försäljningsintäkter;-200000;-180000;egen"))
    negative = [p for p in problems if p.row == 4]
    assert sorted(p.column for p in negative) == ["actual", "budget"]
    for p in negative:
        assert "raden är en intäkt (försäljning)" in p.text("sv") and "återbetalning" not in p.text("sv")
        assert "the line is an income (sales)" in p.text("en")


def test_a_wage_subsidy_netted_under_the_wages_is_answered_as_the_partners_co_financing(tmp_path):
    """The social enterprise's wage subsidy from Arbetsförmedlingen written as a follow-up nets it, −150 000 kr under
    the participants' wages: refused at each amount (row 4: budget and utfall), saying it is the partner's
    co-financing, a line of its own with a positive amount and arbetsförmedlingen as its financier."""
    problems = load_problems(_sales_project(tmp_path, "2024;Anställningsstöd från Arbetsförmedlingen;-150000;-150000;egen"))
    negative = [p for p in problems if p.row == 4]
    assert sorted(p.column for p in negative) == ["actual", "budget"]
    for p in negative:
        assert "Det är partens medfinansiering" in p.text("sv") and "arbetsförmedlingen" in p.text("sv")
        assert "återbetalning" not in p.text("sv")
        assert "that partner's co-financing" in p.text("en")


def test_a_cost_of_selling_is_a_cost(tmp_path):
    """`Kostnader för försäljning` (50 000 kr budget, 40 000 kr utfall) is what selling cost, read as any cost line:
    the budget is 600 000 + 300 000 + 50 000 = 950 000 kr and the utfall 550 000 + 280 000 + 40 000 = 870 000 kr."""
    p = et.load_project(_sales_project(tmp_path, "2024;Kostnader för försäljning;50000;40000;egen"))
    assert float(p.budget["budget"].sum()) == 950_000.0
    assert float(p.budget["actual"].sum()) == 870_000.0


# --- a ceiling on drop-outs ----------------------------------------------------------------------------------------

DROPOUT_GOAL = """\
goals:
  - id: avbrott
    kind: share
    label: {label}
    target: {target}
    period: whole_period
    denominator: exits
"""
OTHERS = ("arbete, arbete_med_stöd, studier, sjuk_aktivitetsersättning, sjukpenning, annan_ersättning, "
          "aktiv_planering_annan_part, arbetssökande, kvar_försörjningsstöd, flyttat, annat")


def test_a_ceiling_on_drop_outs_is_answered_with_the_goal_of_those_who_did_not_drop_out(tmp_path):
    """"Andelen som avbryter ska vara högst 15 %": the others' share is 1 − 0.15 = 0.85, of those who ended, and the
    outcomes they ended with are every outcome but avbrott (and okänt, unknown): not the example of those who left
    försörjningsstöd that a ceiling on another share gets."""
    p = _project(tmp_path, unit="{budget: tkr, payments: kr}",
                 extra=DROPOUT_GOAL.format(label="Andelen som avbryter ska vara högst 15 %", target=0.85))
    sv = params_refusal(p)
    assert "'högst 15 %' om dem som avbryter" in sv
    assert ("'Minst 85 % av de avslutade ska ha fullföljt insatsen (andelen som avbryter ska vara högst 15 %)', "
            "med target: 0.85, denominator: exits och success_outcomes: [" + OTHERS + "]") in sv
    assert "lämnat försörjningsstödet" not in sv
    assert "every outcome but avbrott" in params_refusal(p, "en")


def test_the_goal_the_drop_out_message_suggests_is_read(tmp_path):
    """Written as the message says, the goal loads: 0.85 of those who ended, counting every outcome but avbrott."""
    extra = DROPOUT_GOAL.format(
        label="Minst 85 % av de avslutade ska ha fullföljt insatsen (andelen som avbryter ska vara högst 15 %)",
        target=0.85) + f"    success_outcomes: [{OTHERS}]\n"
    p = et.load_project(_project(tmp_path, unit="{budget: tkr, payments: kr}", extra=extra))
    (goal,) = p.params.goals
    assert goal.target == 0.85 and "avbrott" not in goal.success_outcomes and "okänt" not in goal.success_outcomes


def test_a_ceiling_on_those_left_on_support_keeps_its_example(tmp_path):
    """"Högst 30 % ska vara kvar på försörjningsstöd" is no drop-out: the message keeps the example of those who
    left försörjningsstöd, 1 − 0.3 = 0.7."""
    p = _project(tmp_path, unit="{budget: tkr, payments: kr}",
                 extra=DROPOUT_GOAL.format(label="Högst 30 % ska vara kvar på försörjningsstöd vid avslut",
                                           target=0.7))
    sv = params_refusal(p)
    assert "Minst 70 % ska ha lämnat försörjningsstödet" in sv and "om dem som avbryter" not in sv


# --- job seeking named among the outcomes a goal counts ------------------------------------------------------------

class _Goal:
    def __init__(self, label: str, success: tuple[str, ...]):
        self.label, self.label_en, self.kind, self.numerator = label, None, "share", "outcome"
        self.success_outcomes = success


@pytest.mark.parametrize(("label", "success", "beyond"), [
    # the words name job seeking: counting it is no outcome beyond the words
    ("Minst 35 % i arbete, studier eller arbetssökande vid avslut",
     ("arbete", "arbete_med_stöd", "studier", "arbetssökande"), ()),
    ("Minst 30 % ska gå till arbete eller vara inskrivna som arbetssökande", ("arbete", "arbete_med_stöd",
                                                                            "arbetssökande"), ()),
    ("At least 35 % in work, studies or job seeking at exit",
     ("arbete", "arbete_med_stöd", "studier", "arbetssökande"), ()),
    # words of work and studies only: job seeking is beyond them, as before
    ("Minst 35 % i arbete eller studier vid avslut",
     ("arbete", "arbete_med_stöd", "studier", "arbetssökande"), ("arbetssökande",)),
    # the job seekers as the participants' group name no step: sickness benefit is beyond the words of work
    ("Minst 40 % av de arbetssökande deltagarna ska gå till arbete", ("arbete", "arbete_med_stöd", "sjukpenning"),
     ("sjukpenning",)),
])
def test_job_seeking_the_words_name_is_not_called_beyond_them(label, success, beyond):
    """The goal section's note "names work or studies, but the goal also counts ..." lists only outcomes the words
    do not name: job seeking named as where the participants go is named."""
    assert outcomes_beyond_words(_Goal(label, success)) == beyond


def test_the_job_seekers_as_a_group_still_name_work():
    """A goal for the job seekers among the participants that names work counts work (its words, without
    success_outcomes), as before: the group's words are no step."""
    assert words_named(_Goal("Minst 40 % av de arbetssökande deltagarna ska gå till arbete", ())) == "work"
    assert words_named(_Goal("Minst 30 % av deltagarna som är arbetssökande ska gå till arbete", ())) == "work"


# --- each participant's own försörjningsstöd a year after the start ------------------------------------------------

CUT_PARAMS = """\
id: socialt67
title: Arbetsintegrerande socialt företag
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {{start: 2024-01-01, planned_end: 2025-12-31}}
granted_sek: 900000
data:
  participants: data/deltagare.csv
  payments: data/utbetalningar.csv
{cover}goals:
  - id: minskat
    kind: {kind}
    label: Minst 50 % ska ha minskat sitt försörjningsstöd med minst hälften ett år efter start
{rest}"""
QUALITATIVE = "    assessment: ej_bedömt\n    evidence: Bedöms när ett år har gått för alla.\n"


def _months(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    out = []
    while f"{y}-{m:02d}" <= last:
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _cut_project(tmp_path, kind: str = "qualitative", rest: str = QUALITATIVE, cover: bool = True):
    """S1 starts 2024-03 on 10 000 kr a month since 2023-03 and is paid 4 000 kr a month from the start to 2025-06,
    the file's last month; S2 starts 2024-04 on 8 000 kr since 2023-04 and is paid 6 000 kr from the start; S3 starts
    2024-05 and has no row; S4 starts 2024-09 on 7 000 kr since 2023-09 and is paid it to 2025-06; S5 starts 2024-02
    and was paid 6 000 kr in 2023-08 – 2024-01, nothing after."""
    (tmp_path / "data").mkdir(exist_ok=True)
    people = ["person_id;sex;birth_year;household_type;start_date;end_date;outcome",
              "S1;kvinna;1980;ensamstående;2024-03-01;;", "S2;man;1975;ensamstående;2024-04-01;;",
              "S3;kvinna;1990;ensamstående;2024-05-01;;", "S4;man;1985;ensamstående;2024-09-01;;",
              "S5;kvinna;1970;ensamstående;2024-02-01;;"]
    rows = ["person_id;month;amount"]
    rows += [f"S1;{m};{10000 if m < '2024-03' else 4000}" for m in _months("2023-03", "2025-06")]
    rows += [f"S2;{m};{8000 if m < '2024-04' else 6000}" for m in _months("2023-04", "2025-06")]
    rows += [f"S4;{m};7000" for m in _months("2023-09", "2025-06")]
    rows += [f"S5;{m};6000" for m in _months("2023-08", "2024-01")]
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    (tmp_path / "data" / "utbetalningar.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    p = tmp_path / "socialt67.yaml"
    p.write_text(CUT_PARAMS.format(kind=kind, rest=rest,
                                   cover="  payments_cover_all_participants: true\n" if cover else ""),
                 encoding="utf-8")
    return p


def test_a_goal_of_each_participants_own_support_halved_a_year_after_start_gets_the_payments_figures(tmp_path):
    """Month 12 after the start month against the mean of the 12 months before it (within the file, 2023-03 –
    2025-06): S1 10 000 kr before, 4 000 kr in 2025-03, at most half: cut. S2 8 000 kr before, 6 000 kr in 2025-04,
    more than 4 000: not cut. S3 nothing before (the file covers everyone): not paid. S4's month 12 is 2025-09,
    after the file's last month: not yet. S5 36 000 kr over the 11 months 2023-03 – 2024-01 the file covers, and
    nothing in 2025-02: cut, and paid nothing. So 2 of the 3 followed (66,7 %), 1 of them nothing at all."""
    p = et.load_project(_cut_project(tmp_path))
    (note,) = [n for n in p.notices if n.key == "payment.support_cut_figures"]
    values = dict(note.values)
    assert {k: values[k] for k in ("followed", "cut", "none", "not_paid", "not_yet", "unknown", "share", "months",
                                   "left")} == {"followed": "3", "cut": "2", "none": "1", "not_paid": "1",
                                                "not_yet": "1", "unknown": "0", "share": "66,7", "months": "12",
                                                "left": "50 %"}
    sv = note.text("sv")
    assert "målet 'minskat'" in sv and "fick 2 (66,7 %) den månaden högst 50 % av sitt snitt" in sv
    assert "inte projektets effekt" in sv
    assert "were paid at most 50 % of their mean" in note.text("en")
    assert not [w for w in p.warnings if w.key == "payment.support_cut_figures"]  # (for the evaluator, not the report)


def test_without_the_whole_file_a_participant_without_rows_cannot_be_followed(tmp_path):
    """Without payments_cover_all_participants, S3 (no row) may simply be missing from the file: cannot be followed,
    rather than paid nothing before the start."""
    p = et.load_project(_cut_project(tmp_path, cover=False))
    (note,) = [n for n in p.notices if n.key == "payment.support_cut_figures"]
    values = dict(note.values)
    assert (values["followed"], values["cut"], values["not_paid"], values["unknown"]) == ("3", "2", "0", "1")


def test_the_same_goal_as_a_share_is_refused_saying_validate_gives_the_figure(tmp_path):
    """As a share goal it would count exits to outcomes, not the payments: refused, with the months (12) and the part
    left (50 %) its words state, and where the figure comes from."""
    sv = params_refusal(_cut_project(tmp_path, kind="share", rest="    target: 0.5\n    period: whole_period\n"))
    assert "'minskat sitt försörjningsstöd', varje deltagares eget försörjningsstöd 12 månader efter start" in sv
    assert "kind: qualitative" in sv and "evaltools validate siffran" in sv and "högst 50 % av det månad 12" in sv


@pytest.mark.parametrize(("label", "expected"), [
    ("Minst 50 % ska ha minskat sitt försörjningsstöd med minst hälften ett år efter start", (0.5, 12)),
    ("Minst 40 % ska ha halverat sitt försörjningsstöd sex månader efter inskrivning", (0.5, 6)),
    ("Minst 30 % ska ha minskat sitt försörjningsstöd med minst 25 % 18 månader efter start", (0.25, 18)),
    ("At least 50 % shall have cut their social assistance by at least half a year after enrolment", (0.5, 12)),
    # no time after the start, or the participants' payments together: not each person's own a time after start
    ("Minst hälften ska ha minskat sitt försörjningsstöd", None),
    ("Deltagarnas försörjningsstöd ska minska med 20 % ett år efter start", None),
])
def test_the_words_of_a_persons_own_cut_after_the_start(label, expected):
    from evaltools.data.params import support_cut_after_start
    got = support_cut_after_start(label)
    assert (got[:2] if got else None) == expected


# --- a total over the whole project ---------------------------------------------------------------------------------

TOTAL_GOAL = """\
goals:
  - id: deltagare
    kind: participant_count
    label: {label}
    target: {target}
{period}"""


@pytest.mark.parametrize(("label", "target", "words"), [
    ("Minst 120 deltagare totalt", 120, "totalt"),
    ("Sammanlagt minst 90 personer ska delta", 90, "Sammanlagt"),
    ("At least 150 participants in total", 150, "in total"),
])
def test_a_total_counted_per_project_year_is_refused_with_the_period_to_write(tmp_path, label, target, words):
    """"Minst 120 deltagare totalt" without a period was counted per project year (the default) and judged "not
    reached" in each year with 63, 67 and 9 persons, 139 in all: the words name the whole period, so the goal is
    refused with period: whole_period to write."""
    p = _project(tmp_path, unit="{budget: tkr, payments: kr}",
                 extra=TOTAL_GOAL.format(label=label, target=target, period=""))
    sv = params_refusal(p)
    assert f"målets text säger '{words}', men målet räknas med period: project_year; skriv period: whole_period" in sv


def test_a_total_over_the_whole_period_is_read(tmp_path):
    """With period: whole_period, the same goal counts R-1 and R-2 once each over the project: 2 persons."""
    from evaltools.analysis.goals import assess_goals
    p = et.load_project(_project(tmp_path, unit="{budget: tkr, payments: kr}", extra=TOTAL_GOAL.format(
        label="Minst 120 deltagare totalt", target=120, period="    period: whole_period\n")))
    table = assess_goals(p).table
    assert table["value"].tolist() == [2]
