"""Three projects unlike the samples, with files as an evaluator makes them in Excel.

"Hälsosteget" (psykisk ohälsa) keeps its exits in a coordinator's words: a participant who paused for three months
has a first row whose outcome is 'Paus', and a participant who died has 'Avliden'. Neither is an outcome the contract
has a code for: a pause within an enrolment is no exit at all, and a death is neither a success nor a failure. Each is
told what to write instead, apart from the column's other texts (never with a code guessed for it).

"Nya vägar" takes its participants from the municipality's system, where the birth year is a personnummer with its
last four digits masked ('198503XXXX'): the message gives the year to write (its first four digits).
"""
from __future__ import annotations

from pathlib import Path

import evaltools as et

from .conftest import load_problems

GOAL = """\
goals:
  - id: vidare
    kind: share
    label: Minst 20 % ska gå vidare till arbete eller studier
    target: 0.2
    period: whole_period
    denominator: exits
    success_outcomes: [arbete, studier]
"""

HEAD = "person_id;sex;birth_year;household_type;start_date;end_date;outcome\r\n"


def _project(root: Path, rows: str, codes: str = "", goals: str = GOAL, head: str = HEAD) -> Path:
    (root / "data").mkdir(exist_ok=True)
    # Swedish Excel's 'CSV (semikolonavgränsad)': Windows-1252, semicolons, CRLF
    (root / "data" / "deltagare.csv").write_bytes((head + rows).encode("cp1252"))
    text = ("id: halsosteget\n"
            "kind: individ\n"
            "title: Hälsosteget\n"
            "forbund: Samordningsförbundet Norrby\n"
            "owner: Region Norrby och Norrby kommun\n"
            "period: {start: 2024-01-15, planned_end: 2026-01-14, actual_end: 2026-07-14}\n"
            "data_as_of: 2026-08-31\n"
            "data:\n"
            "  participants: data/deltagare.csv\n" + codes + goals)
    path = root / "halsosteget.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ROWS = ("K-101;kvinna;1968;ensamstående;2024-01-22;2024-11-30;arbete\r\n"
        "K-102;man;1977;ensamstående;2024-02-04;2024-09-27;studier\r\n"
        "K-103;man;1965;ensamstående;2024-02-18;2024-04-18;Paus\r\n"
        "K-103;man;1965;ensamstående;2024-07-20;2025-03-01;arbete\r\n"
        "K-104;kvinna;1980;ensamstående;2024-03-02;2025-02-24;Avliden\r\n"
        "K-105;kvinna;1990;ensamstående;2024-03-10;2025-01-10;avbrott\r\n"
        "K-106;man;1985;ensamstående;2024-04-01;2025-02-01;annat\r\n")


def test_a_pause_and_a_death_in_the_outcome_are_each_told_what_to_write(tmp_path):
    """Two problems, one per row: 'Paus' (row 4) and 'Avliden' (row 6); nothing else in the file is wrong."""
    problems = load_problems(_project(tmp_path, ROWS))
    assert sorted((p.row, p.column, p.value) for p in problems) == [(4, "outcome", "Paus"), (6, "outcome", "Avliden")]
    sv = {p.row: p.text("sv") for p in problems}
    en = {p.row: p.text("en") for p in problems}
    assert "uppehåll" in sv[4] and "på en rad från startdatumet till slutdatumet efter uppehållet" in sv[4]
    assert "one row from its start date to its end date after the pause" in en[4]
    assert "ingen kod för att en deltagare har avlidit" in sv[6] and "exclude_from_denominator: [annat]" in sv[6]
    assert "no code for a participant who has died" in en[6] and "exclude_from_denominator: [annat]" in en[6]
    # said as a status, not as a code misspelt: no list of codes to choose among, no code guessed
    for text in (*sv.values(), *en.values()):
        assert "arbete_med_stöd" not in text and "menar du" not in text and "did you mean" not in text


def test_a_column_of_a_coordinators_words_leaves_the_pause_and_the_death_out_of_its_codes_line(tmp_path):
    """Three texts that are no codes besides 'Paus' and 'Avliden': the data.codes line names those three only (a '?'
    for 'Paus' or 'Avliden' would ask for a code where none is right)."""
    rows = ROWS.replace(";arbete\r\n", ";Fått anställning\r\n").replace(";studier\r\n", ";Börjat studera\r\n") \
        .replace(";avbrott\r\n", ";Avbrutit\r\n")
    problems = load_problems(_project(tmp_path, rows))
    line = [p for p in problems if p.row is None and p.column == "outcome"]
    assert len(line) == 1
    text = line[0].text("sv")
    assert "'Fått anställning': arbete" in text and "'Börjat studera': studier" in text and "'Avbrutit': avbrott" in text
    assert "Paus" not in text and "Avliden" not in text


def test_the_death_written_as_the_message_says_is_neither_a_success_nor_in_the_denominator(tmp_path):
    """As the message asks: the pause's two rows made one (K-103 from 2024-02-18 to 2025-03-01, to work) and the death
    written 'annat', left out of the goal's denominator. Exits: K-101 arbete, K-102 studier, K-103 arbete, K-104
    (annat, left out), K-105 avbrott, K-106 annat (left out too, as the message says: every 'annat'), K-107
    arbetssökande, K-108 kvar_försörjningsstöd: 3 successes of 6 counted."""
    rows = ("K-101;kvinna;1968;ensamstående;2024-01-22;2024-11-30;arbete\r\n"
            "K-102;man;1977;ensamstående;2024-02-04;2024-09-27;studier\r\n"
            "K-103;man;1965;ensamstående;2024-02-18;2025-03-01;arbete\r\n"
            "K-104;kvinna;1980;ensamstående;2024-03-02;2025-02-24;Avliden\r\n"
            "K-105;kvinna;1990;ensamstående;2024-03-10;2025-01-10;avbrott\r\n"
            "K-106;man;1985;ensamstående;2024-04-01;2025-02-01;annat\r\n"
            "K-107;man;1983;ensamstående;2024-04-15;2025-02-11;arbetssökande\r\n"
            "K-108;kvinna;1979;ensamstående;2024-05-02;2025-03-12;kvar_försörjningsstöd\r\n")
    goals = GOAL + "    exclude_from_denominator: [annat]\n"
    project = et.load_project(_project(tmp_path, rows, "  codes: {outcome: {'Avliden': annat}}\n", goals))
    from evaltools.analysis import goals as goal_analysis
    row = goal_analysis.assess_goals(project).table.set_index("goal_id").loc["vidare"]
    assert (row["numerator"], row["denominator"]) == (3.0, 6.0)


NYA_VAGAR = ("N-301;M;198503XXXX;ensamstående;2024-02-01;2024-09-27;arbete\r\n"
             "N-302;K;19920611-XXXX;ensamstående;2024-02-13;2024-07-18;studier\r\n"
             "N-303;K;1970;ensamstående;2024-03-01;2024-11-18;arbete\r\n")


def test_a_masked_personnummer_in_the_birth_year_gets_the_year_to_write(tmp_path):
    """'198503XXXX' (row 2) is 1985 and '19920611-XXXX' (row 3) is 1992: each message gives that year."""
    codes = "  codes: {sex: {'M': man, 'K': kvinna}}\n"
    problems = load_problems(_project(tmp_path, NYA_VAGAR, codes))
    said = sorted((p.row, p.column, p.value) for p in problems)
    assert said == [(2, "birth_year", "198503XXXX"), (3, "birth_year", "19920611-XXXX")]
    sv = {p.row: p.text("sv") for p in problems}
    en = {p.row: p.text("en") for p in problems}
    assert "skriv bara födelseåret, 1985" in sv[2] and "skriv bara födelseåret, 1992" in sv[3]
    assert "1985" in en[2] and "1992" in en[3]


# --- Nya vägar: page 1's count of those who left försörjningsstöd beside the outcome table -------------------------

NYA_VAGAR_EXITS = {"arbete": 8, "studier": 10, "kvar_försörjningsstöd": 9, "arbetssökande": 3}
COUNT_GOAL = "{id: n, kind: participant_count, label: 'Minst 20 deltagare', target: 20, period: whole_period}"


def _nya_vagar_report(tmp_path):
    from .test_board_reading_16 import _exits_project
    return et.Report(_exits_project(tmp_path, NYA_VAGAR_EXITS, goal=COUNT_GOAL), lang="sv")


def _cells(r) -> dict[str, str]:
    from evaltools.data import schema as S
    from evaltools.present.sections import outcomes
    df = r.project.participants
    shown = outcomes.outcome_counts(df[~df[S.ONGOING]], r.k, outcomes.stated_sums(r), outcomes.stated_counts(r))
    return {c: str(n) for c, n in zip(shown["category"], shown["n"])}


def test_page_one_s_leavers_and_the_number_ended_give_no_small_outcome_back(tmp_path):
    """30 ended, 18 of them left försörjningsstöd (arbete 8 + studier 10), as page 1 says; arbetssökande 3 is "<5".
    The table showed kvar 9, so that 30 − 18 − 9 = 3 gave arbetssökande back. Every sum the report states (the 30
    ended, the 18 who left, and so the 12 who did not) must hold no hidden count or at least two."""
    from evaltools.data import schema as S
    from evaltools.present.sections import outcomes, summary
    r = _nya_vagar_report(tmp_path)
    page_one = " ".join(p for block in summary.blocks(r) for part in block
                        for p in getattr(part, "paragraphs", ())).replace("\u00a0", " ")
    assert "Av 30 avslutade deltagare lämnade 18 (60,0 %) försörjningsstödet" in page_one
    df = r.project.participants
    shown = outcomes.outcome_counts(df[~df[S.ONGOING]], r.k, outcomes.stated_sums(r), outcomes.stated_counts(r))
    cells = {c: str(n) for c, n in zip(shown["category"], shown["n"])}
    assert cells["arbetssökande"] == "<5"
    hidden = {c for c, v in cells.items() if not v.isdigit()}
    for line in (set(NYA_VAGAR_EXITS), {"arbete", "studier"}, {"kvar_försörjningsstöd", "arbetssökande"}):
        assert len(hidden & line) != 1, (line, cells)


def test_an_outcome_table_hidden_for_a_stated_sum_is_not_said_to_be_all_small(tmp_path):
    """Every outcome hidden, arbete (8) among them: 11 ended, arbete 8 and kvar 3, and the total alone would give kvar
    back beside arbete. The section must not say that each kind of outcome has fewer than 5 persons, but why they are
    hidden. (Nya vägar's own table no longer hides everything: kvar 9 beside arbetssökande <5 protects it in each sum
    the report states, and arbete 8 and studier 10 are shown.)"""
    from evaltools.present.sections import outcomes
    from .conftest import shown_chunks
    from .test_board_reading_16 import _exits_project
    r = et.Report(_exits_project(tmp_path, {"arbete": 8, "kvar_försörjningsstöd": 3}, goal=COUNT_GOAL), lang="sv")
    assert _cells(r) == {"arbete": "..", "kvar_försörjningsstöd": "<5"}
    said = " ".join(shown_chunks(outcomes.blocks(r))).replace("\u00a0", " ")
    assert "varje slags utfall har färre än 5 personer" not in said
    assert "summor som rapporten anger på andra ställen" in said
    english = " ".join(shown_chunks(outcomes.blocks(et.Report(r.project, lang="en")))).replace("\u00a0", " ")
    assert "every kind of outcome has fewer than 5" not in english and "sums the report states elsewhere" in english


# --- Hälsosteget: "Samtliga deltagare ska ha en samordnad plan" counts persons, as page 1 does ----------------------

PLAN_GOAL = """\
goals:
  - id: plan
    kind: share
    label: Samtliga deltagare ska ha en samordnad plan
    target: 1.0
    period: whole_period
    numerator: action_plan
"""


def test_a_plan_goal_over_the_participants_counts_persons_not_enrolments(tmp_path):
    """Six persons, K-201 enrolled twice (no plan the first time, a plan after the pause's return): seven rows.
    Persons with a plan: K-201 (its second enrolment), K-202, K-203, K-204, K-206; K-205 has none: 5 of 6, as page 1
    counts 6 participants. Counted by enrolment it was 5 of 7, a seventh "deltagare" the board never had."""
    rows = ("K-201;kvinna;1968;ensamstående;2024-01-22;2024-03-30;avbrott;nej\r\n"
            "K-201;kvinna;1968;ensamstående;2024-07-01;2025-03-30;arbete;ja\r\n"
            "K-202;man;1977;ensamstående;2024-02-04;2024-09-27;studier;ja\r\n"
            "K-203;man;1965;ensamstående;2024-02-18;2025-03-01;arbete;ja\r\n"
            "K-204;kvinna;1980;ensamstående;2024-03-02;2025-02-24;annat;ja\r\n"
            "K-205;kvinna;1990;ensamstående;2024-03-10;2025-01-10;avbrott;nej\r\n"
            "K-206;man;1985;ensamstående;2024-04-01;2025-02-01;arbetssökande;ja\r\n")
    head = HEAD.replace("outcome\r\n", "outcome;action_plan\r\n")
    project = et.load_project(_project(tmp_path, rows, goals=PLAN_GOAL, head=head))
    from evaltools.analysis import goals as goal_analysis
    row = goal_analysis.assess_goals(project).table.set_index("goal_id").loc["plan"]
    assert (row["numerator"], row["denominator"]) == (5.0, 6.0)


# --- Lotsen: a budget followed up month by month in blocks one under another ---------------------------------------

MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]


def _month_blocks(path: Path) -> Path:
    """An evaluator's Excel: a title (row 1), an empty row, then a block per kind and year, its heading in column A
    and the months across with a Summa column: 'Budget 2024' (row 3) over two lines, an empty row, 'Utfall 2024'
    (row 7) over the same lines, amounts typed as text with a space between the thousands ('12 500')."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Lotsen – budget och utfall per månad"])
    ws.append([])
    for block, amount in (("Budget 2024", "12 500"), ("Utfall 2024", "12 100")):
        ws.append([block, *MONTHS, "Summa"])
        total = f"{12 * int(amount.replace(' ', '')):,}".replace(",", " ")
        ws.append(["Personal", *[amount] * 12, total])
        ws.append(["Lokaler", *["2 000"] * 12, "24 000"])
        ws.append([])
    wb.save(path)
    return path


def test_a_budget_in_blocks_of_months_is_one_message_with_the_columns_to_write(tmp_path):
    """Read as columns, 'Jan' named the lines and 'Personal' was an amount under 'Budget 2024': a message for every
    cell. Now one message, at row 3, naming both blocks with their rows and the headings to write."""
    _month_blocks(tmp_path / "budget.xlsx")
    path = tmp_path / "lotsen.yaml"
    path.write_text("id: lotsen\nkind: individ\ntitle: Lotsen\nforbund: Samordningsförbundet Mittbygd\n"
                    "owner: Mittby kommun\nperiod: {start: 2024-03-01, planned_end: 2026-02-28}\n"
                    "data_as_of: 2025-10-31\ngranted_sek: 1500000\ndata: {budget: budget.xlsx}\n", encoding="utf-8")
    problems = load_problems(path)
    assert [(p.row, p.column) for p in problems] == [(3, "Budget 2024")]
    sv, en = problems[0].text("sv"), problems[0].text("en")
    assert "'Budget 2024' (rad 3), 'Utfall 2024' (rad 7)" in sv and "rubrikerna 'Budget 2024', 'Utfall 2024'" in sv
    assert "'Budget 2024' (row 3), 'Utfall 2024' (row 7)" in en and "headed 'Budget 2024', 'Utfall 2024'" in en


# --- Nya vägar: a comparison group and no budget --------------------------------------------------------------------

def _comparison_without_budget(root: Path, follow_up: bool = False) -> Path:
    """12 participants (N-01 … N-12) starting 2024-02-01 to 2024-07-01 (6 left for work), 20 comparison persons
    (J-01 … J-20) with reference dates in the same months; everyone paid 8 000 kr a month 2023-01 … 2025-06,
    participants 1 000 kr less from their start. With ``follow_up`` the comparison persons have a status at
    follow-up (ended 2024-12-31, 5 in work). No budget file: the report has no cost, so no cost-benefit calculation."""
    import pandas as pd
    from .conftest import write_csv
    data = root / "data"
    months = [str(m) for m in pd.period_range("2023-01", "2025-06", freq="M")]
    people, comparison, paid, paid_c = [], [], [], []
    for i in range(12):
        start = f"2024-0{2 + i % 6}-01"
        people.append({"person_id": f"N-{i + 1:02d}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
                       "household_type": "ensamstående", "start_date": start, "end_date": "2024-12-31",
                       "outcome": "arbete" if i < 6 else "kvar_försörjningsstöd"})
        paid += [{"person_id": f"N-{i + 1:02d}", "month": m, "amount": 8000 - (1000 if m >= start[:7] else 0) + 50 * i}
                 for m in months]
    for i in range(20):
        start = f"2024-0{2 + i % 6}-01"
        comparison.append({"person_id": f"J-{i + 1:02d}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1975 + i,
                           "household_type": "ensamstående", "start_date": start,
                           "end_date": "2024-12-31" if follow_up else "",
                           "outcome": ("arbete" if i < 5 else "kvar_försörjningsstöd") if follow_up else ""})
        paid_c += [{"person_id": f"J-{i + 1:02d}", "month": m, "amount": 8000 + 40 * i + (75 if m > "2024" else 0)}
                   for m in months]
    write_csv(data / "participants.csv", people)
    write_csv(data / "payments.csv", paid)
    write_csv(data / "comparison.csv", comparison)
    write_csv(data / "comparison_payments.csv", paid_c)
    path = root / "nyavagar.yaml"
    path.write_text("id: nyavagar\nkind: individ\ntitle: Nya vägar\nforbund: Samordningsförbundet Sydby\n"
                    "owner: Sydby kommun\nperiod: {start: 2024-02-01, planned_end: 2025-06-30}\ngranted_sek: 2000000\n"
                    "data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n"
                    "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n",
                    encoding="utf-8")
    return path


def test_without_a_budget_the_comparison_does_not_speak_of_a_cost_benefit_calculation(tmp_path):
    """Page 1 says that without a cost there is no calculation; the comparison's paragraphs said that 'the
    cost-benefit calculation built on it' extends the effect to 3 years, a calculation the report does not have."""
    from evaltools.present.sections import payments
    project = et.load_project(_comparison_without_budget(tmp_path))
    for lang, words in (("sv", "Kostnadsnyttokalkylen"), ("en", "cost-benefit calculation")):
        r = et.Report(project, lang=lang)
        said = " ".join(payments.did_paragraphs(r))
        assert said and words.casefold() not in said.casefold()


# --- Hälsosteget: a participant who came back answered the start questionnaire twice -------------------------------

def test_a_participant_enrolled_twice_is_one_respondent_in_the_answers_at_start(tmp_path):
    """K-201 answered at each start (2 on 2024-01-25, 4 on 2024-07-05), the five others once (4). The round has 6
    respondents; its answers per option were 7 (the chart said "7 svarande"). Counted once, at the first start as
    the before-and-after pairing counts it: 2 once, 4 five times, 6 in all. A level goal "4 or better" is 5 of 6."""
    rows = ("K-201;kvinna;1968;ensamstående;2024-01-22;2024-03-30;avbrott\r\n"
            "K-201;kvinna;1968;ensamstående;2024-07-01;2025-03-30;arbete\r\n"
            + "".join(f"K-20{i};man;197{i};ensamstående;2024-02-0{i};2025-02-0{i};arbete\r\n" for i in range(2, 7)))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "deltagare.csv").write_bytes((HEAD + rows).encode("cp1252"))
    (tmp_path / "data" / "fragor.csv").write_text(
        "code;wording_sv;scale_min;scale_max\nH1;Hur skattar du din hälsa just nu?;1;5\n", encoding="utf-8")
    answers = ["K-201;deltagare_start;2024-01-25;H1;2", "K-201;deltagare_start;2024-07-05;H1;4"] + [
        f"K-20{i};deltagare_start;2024-02-1{i};H1;4" for i in range(2, 7)]
    (tmp_path / "data" / "svar.csv").write_text(
        "respondent_id;respondent_group;date;question;answer\n" + "\n".join(answers) + "\n", encoding="utf-8")
    path = tmp_path / "halsosteget.yaml"
    path.write_text("id: halsosteget\nkind: individ\ntitle: Hälsosteget\nforbund: Samordningsförbundet Norrby\n"
                    "owner: Norrby kommun\nperiod: {start: 2024-01-15, planned_end: 2026-01-14}\n"
                    "data:\n  participants: data/deltagare.csv\n  responses: data/svar.csv\n  questions: data/fragor.csv\n"
                    "goals:\n  - id: hälsa\n    kind: survey\n    label: Minst 70 % skattar sin hälsa som god vid start\n"
                    "    question: H1\n    group: deltagare_start\n    level: 4\n    target: 0.7\n", encoding="utf-8")
    project = et.load_project(path)
    from evaltools.analysis import survey
    d = survey.distribution(project)
    counts = {int(a): int(n) for a, n in zip(d["answer"], d["n"]) if not isinstance(a, str)}
    assert counts == {1: 0, 2: 1, 3: 0, 4: 5, 5: 0}
    assert [r.respondents for r in survey.rounds(project)] == [6]
    goal = next(g for g in project.params.goals if g.id == "hälsa")
    c = survey.goal_counts(project, goal)
    assert (c.successes, c.denominator) == (5, 6)


def test_without_a_budget_page_one_does_not_say_a_calculation_counts_the_payments(tmp_path):
    """The six coded as leaving for work (N-01 … N-06, ended 2024-12-31) were all paid in January 2025: page 1 says
    so, and no longer adds that 'the calculation counts the payments', beside its own word that there is none."""
    from evaltools.present.sections import summary
    project = et.load_project(_comparison_without_budget(tmp_path))
    for lang, paid, calc in (("sv", "Enligt utbetalningarna fick dock alla 6", "kalkylen räknar med utbetalningarna"),
                             ("en", "By the payments, however, all 6", "the calculation counts the payments")):
        r = et.Report(project, lang=lang)
        page_one = " ".join(p for block in summary.blocks(r) for part in block
                            for p in getattr(part, "paragraphs", ())).replace("\u00a0", " ")
        assert paid in page_one and calc not in page_one
