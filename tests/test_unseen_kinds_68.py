"""Sixty-eighth sweep of projects of kinds the samples barely touch, from files made in Excel: a family project where
both adults of a household take part and the economic-aid system keeps the household's payments on one adult's
person id; a structural project whose staff answer a questionnaire before and after a training. Each fixture is a
tiny project written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import textwrap

import evaltools as et

from .conftest import load_problems, params_refusal

HEAD = """\
id: unseen68
title: Familjecentrerat arbete
forbund: Samordningsförbundet Norrdal
owner: Västby kommun
kind: individ
period: {start: 2024-01-01, planned_end: 2024-12-31}
data_as_of: 2025-01-31
granted_sek: 500000
"""

PERSON_HEAD = "person_id,sex,birth_year,household_type,start_date,end_date,outcome,support_start,household_id"


def _params(tmp_path, body: str):
    p = tmp_path / "unseen68.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


# --- a household's payments kept on one adult's person id --------------------------------------------------------
def _family(tmp_path, payments_head: str, cover_all: bool = False):
    """A1 and A2, the two adults of household H1, and B1 alone in H2, all on försörjningsstöd from 2024-03-01; C1 of H3
    too. The payments (January to June 2024, 10 000 kr a month) are H1's on A1's person id and H2's on B1's; nothing
    for H3. ``payments_head`` is the payments file's header: with person_id, or household_id alone."""
    rows = ["A1,kvinna,1985,sambo_med_barn,2024-03-01,2024-09-30,arbete,försörjningsstöd,H1",
            "A2,man,1983,sambo_med_barn,2024-03-01,,,försörjningsstöd,H1",
            "B1,kvinna,1990,ensamstående_med_barn,2024-03-01,,,försörjningsstöd,H2",
            "C1,man,1979,ensamstående,2024-03-01,,,försörjningsstöd,H3"]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join([PERSON_HEAD, *rows]) + "\n", encoding="utf-8")
    pay = []
    for pid, hid in (("A1", "H1"), ("B1", "H2")):
        for m in range(1, 7):
            pay.append(f"{pid},{hid},2024-{m:02d},10000" if "person_id" in payments_head else f"{hid},2024-{m:02d},10000")
    (tmp_path / "data" / "utbetalningar.csv").write_text(payments_head + "\n" + "\n".join(pay) + "\n", encoding="utf-8")
    cover = "\n  payments_cover_all_participants: true" if cover_all else ""
    return _params(tmp_path, "data:\n  participants: data/deltagare.csv\n  payments: data/utbetalningar.csv" + cover + "\n")


def test_a_member_whose_household_is_paid_on_another_members_id_is_told_to_read_the_file_per_household(tmp_path):
    """A2 and C1 have no rows (2 of 4). A2's household H1 is in the file on A1's id; C1's H3 is not. The note said to
    write payments_cover_all_participants: true, which counts A2 as paid 0 kr though H1 was paid 10 000 kr a month;
    it now says that 1 of them belongs to a household paid under another participant's id, to delete person_id from
    the payments, and not to write the key for their sake. The report's sentence (the same code) is unchanged."""
    project = et.load_project(_family(tmp_path, "person_id,household_id,month,amount"))
    (note,) = [w for w in project.warnings if w.code == "payment_not_covered"]
    assert note.key == "payment.not_covered_household"
    assert dict(note.values)["n"] == 2 and dict(note.values)["total"] == 4 and dict(note.values)["shared"] == 1
    said = note.note("sv")
    assert "2 av 4 deltagare" in said and "1 av dem hör till ett hushåll" in said
    assert "Ta bort kolumnen person_id" in said and "Skriv inte payments_cover_all_participants: true" in said
    assert "Delete the column person_id" in note.note("en")


def test_covered_zero_is_not_said_without_the_household_it_hides(tmp_path):
    """The same files under payments_cover_all_participants: true: A2 and C1 count as 0 kr a month; A2's household was
    paid, which the note now says (1 of the 2), with the fix, instead of saying only that they count as 0 kr."""
    project = et.load_project(_family(tmp_path, "person_id,household_id,month,amount", cover_all=True))
    (note,) = [w for w in project.warnings if w.code == "payment_covered_zero"]
    assert note.key == "payment.covered_zero_household"
    assert dict(note.values)["shared"] == 1
    assert "men 1 av dem hör till ett hushåll" in note.note("sv")


def test_the_file_read_per_household_pays_both_adults_of_the_household(tmp_path):
    """The fix the note gives: the payments without person_id. H1's 6 months of 10 000 kr are read for A1 and A2 alike
    (60 000 kr each), H2's for B1; C1 alone is without rows, and the note is the ordinary one."""
    project = et.load_project(_family(tmp_path, "household_id,month,amount"))
    paid = project.payments.groupby("person_id")["amount"].sum().to_dict()
    assert paid == {"A1": 60000, "A2": 60000, "B1": 60000}
    (note,) = [w for w in project.warnings if w.code == "payment_not_covered"]
    assert note.key == "payment.not_covered" and dict(note.values)["n"] == 1


def test_a_participant_alone_in_an_unpaid_household_keeps_the_ordinary_note(tmp_path):
    """C1 of H3 alone without rows, A2 given rows of its own: no household of those without rows is in the file."""
    p = _family(tmp_path, "person_id,household_id,month,amount")
    pay = tmp_path / "data" / "utbetalningar.csv"
    pay.write_text(pay.read_text(encoding="utf-8") + "A2,H1,2024-01,500\n", encoding="utf-8")
    project = et.load_project(p)
    (note,) = [w for w in project.warnings if w.code == "payment_not_covered"]
    assert note.key == "payment.not_covered" and dict(note.values)["n"] == 1


# --- a follow-up outcome six months after exit in a column of its own ---------------------------------------------
def _followup(tmp_path, label: str, heading: str = "outcome_6m"):
    """Six participants of 2024 (data taken 2025-01-31) with ``heading``: P1 ended 2024-03-31 (arbete then,
    arbete six months on), P2 2024-04-30 (avbrott; studier), P3 2024-05-31 (arbete; kvar_försörjningsstöd), P4
    2024-06-30 (arbete; okänt), P5 2024-10-31 (arbete; empty: six months on is 2025-04-30, after the data) and P6
    still enrolled. One share goal of exits worded by ``label``."""
    head = f"person_id,sex,birth_year,household_type,start_date,end_date,outcome,{heading}"
    rows = ["P1,kvinna,1990,ensamstående,2024-02-01,2024-03-31,arbete,arbete",
            "P2,man,1991,ensamstående,2024-02-01,2024-04-30,avbrott,studier",
            "P3,kvinna,1992,ensamstående,2024-02-01,2024-05-31,arbete,kvar_försörjningsstöd",
            "P4,man,1993,ensamstående,2024-02-01,2024-06-30,arbete,okänt",
            "P5,kvinna,1994,ensamstående,2024-09-01,2024-10-31,arbete,",
            "P6,man,1995,ensamstående,2024-11-01,,,"]
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    return _params(tmp_path, f"""\
        data: {{participants: data/deltagare.csv}}
        goals:
          - id: efter6
            kind: share
            label: {label}
            target: 0.5
            period: whole_period
            denominator: exits
        """)


def _followup_notes(project):
    assert not [w for w in project.warnings if w.code == "followup_figures"]  # (for the evaluator, not the report)
    return [n for n in project.notices if n.code == "followup_figures"]


def test_a_goal_six_months_after_exit_gets_the_follow_up_columns_figures(tmp_path):
    """The goal counts the outcome at exit (P1, P3, P4, P5 in work: 4 of 5 exits) and outcome_6m was only named among
    the columns not read. Now validate gives its figures: P1–P4 ended by 2024-07-31, six months before 2025-01-31
    (4); P1, P2, P3 have a code (3; P4's okänt is none); P1 (arbete) and P2 (studier) are in work or studies (2,
    66,7 %); 1 without a code; P5 ended too late (1). P6, still enrolled, is in none of them."""
    project = et.load_project(_followup(tmp_path, "Minst 50 % i arbete eller studier sex månader efter avslut"))
    (note,) = _followup_notes(project)
    v = dict(note.values)
    assert (v["due"], v["coded"], v["success"], v["share_sv"], v["missing"], v["not_yet"]) == ("4", "3", "2", "66,7 %",
                                                                                             "1", "1")
    assert v["outcomes"] == "arbete, arbete_med_stöd, studier" and note.severity == "info"
    said = note.note("sv")
    # (a share goal of the exits: the advice is to count it from the column, after_exit_months)
    assert "'outcome_6m'" in said and "after_exit_months: 6" in said and "sex månader efter avslut" in said
    assert "2 of them (66.7%)" in note.note("en")
    # the goal itself still counts the outcome at exit: P1, P3, P4, P5 of the 5 exits
    table = et.assess_goals(project).table
    assert (int(table["numerator"].iloc[0]), int(table["denominator"].iloc[0])) == (4, 5)
    # written as the note says, it counts the situation then: P1 and P2 of the 3 whose situation is known
    p = _followup(tmp_path / "counted", "Minst 50 % i arbete eller studier sex månader efter avslut")
    p.write_text(p.read_text(encoding="utf-8").replace("    denominator: exits\n",
                                                       "    denominator: exits\n    after_exit_months: 6\n"),
                 encoding="utf-8")
    table = et.assess_goals(et.load_project(p)).raw  # (3 persons: the report shows "<5")
    assert (int(table["numerator"].iloc[0]), int(table["denominator"].iloc[0])) == (2, 3)


def test_the_follow_up_column_may_be_headed_in_swedish(tmp_path):
    """'Utfall 6 mån' is the same column; the goal written as qualitative (as the note says) keeps the figures, its
    words naming work and studies."""
    p = _followup(tmp_path, "Minst 50 % i arbete eller studier sex månader efter avslut", heading="Utfall 6 mån")
    text = p.read_text(encoding="utf-8").replace("kind: share", "kind: qualitative").replace(
        "target: 0.5", "assessment: delvis\n    evidence: Två av tre med känt läge.").replace(
        "    period: whole_period\n    denominator: exits\n", "")
    p.write_text(text, encoding="utf-8")
    (note,) = _followup_notes(et.load_project(p))
    assert dict(note.values)["heading"] == "Utfall 6 mån" and dict(note.values)["success"] == "2"


def test_a_goal_of_another_time_after_exit_or_at_exit_gets_no_figures(tmp_path):
    """A goal twelve months after exit beside a six months' column, and a goal at exit: no figures (the column is
    another time's, or the goal's time is the file's own)."""
    assert _followup_notes(et.load_project(_followup(tmp_path / "a", "Minst 50 % i arbete tolv månader efter avslut"))) == []
    assert _followup_notes(et.load_project(_followup(tmp_path / "b", "Minst 50 % i arbete eller studier vid avslut"))) == []


# --- one staff group asked before and after a training -------------------------------------------------------------
STRUCTURAL = """\
id: unseen68s
title: Gemensam kompetensutveckling
forbund: Samordningsförbundet Norrdal
owner: Västby kommun
kind: struktur
period: {start: 2024-01-01, planned_end: 2024-12-31}
data_as_of: 2025-01-31
granted_sek: 500000
data: {responses: data/svar.csv, questions: data/fragor.csv}
"""


def _staff_survey(tmp_path, groups: tuple[str, str], goal_groups: tuple[str, str] = ("personal", "personal"),
                  invited: str = "personal"):
    """M1–M5 answer F1 (1–5) on 2024-02-01 as ``groups[0]`` (2, 2, 3, 3, 4) and on 2024-11-01 as ``groups[1]`` (4, 3,
    3, 5, 4); a change goal from ``goal_groups[0]`` to ``goal_groups[1]``, 5 asked (``invited``)."""
    (tmp_path / "data").mkdir()
    rows = [f"M{i},{groups[0]},2024-02-01,F1,{b}" for i, b in enumerate((2, 2, 3, 3, 4), 1)]
    rows += [f"M{i},{groups[1]},2024-11-01,F1,{a}" for i, a in enumerate((4, 3, 3, 5, 4), 1)]
    (tmp_path / "data" / "svar.csv").write_text("respondent_id,respondent_group,date,question,answer\n"
                                                + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "data" / "fragor.csv").write_text(
        "code,wording_sv,wording_en,scale_min,scale_max,positive\n"
        "F1,Jag känner till de andra myndigheternas uppdrag,I know the other agencies' remits,1,5,hög\n", encoding="utf-8")
    p = tmp_path / "unseen68s.yaml"
    p.write_text(STRUCTURAL + f"""survey: {{invited: {{{invited}: 5}}}}
goals:
  - id: kunskap
    kind: survey
    measure: change
    label: Minst hälften av de utbildade känner bättre till de andra myndigheternas uppdrag efter utbildningen
    question: F1
    before_group: {goal_groups[0]}
    group: {goal_groups[1]}
    target: 0.5
""", encoding="utf-8")
    return p


def test_a_staff_group_written_with_its_round_is_told_to_write_the_group_in_both_rounds(tmp_path):
    """'personal_före' was answered "menar du 'personal'?" and 'Personal efter' with the list alone; each now gets the
    group to write in every round and the change goal that compares the rounds."""
    problems = load_problems(_staff_survey(tmp_path, ("personal_före", "Personal efter")))
    said = {p.value: p.text("sv") for p in problems if p.column == "respondent_group"}
    assert set(said) == {"personal_före", "Personal efter"}
    assert all("skriv 'personal' i varje omgång" in m and "before_group: personal och group: personal" in m
               for m in said.values())


def test_the_goal_and_the_invited_written_with_the_round_get_the_group_to_write(tmp_path):
    """The goal's before_group personal_före, group personal_efter and survey.invited personal_före: each "skriv
    personal i båda omgångarna", not a bare list of the groups."""
    said = params_refusal(_staff_survey(tmp_path, ("personal", "personal"), ("personal_före", "personal_efter"),
                                        invited="personal_före"))
    assert said.count("skriv personal i båda omgångarna") == 3
    assert "write personal in both rounds" in params_refusal(tmp_path / "unseen68s.yaml", "en")


def test_the_staff_survey_written_as_one_group_compares_the_same_persons(tmp_path):
    """Written as the messages say: M1 2→4, M2 2→3 and M4 3→5 better, M3 and M5 the same: 3 of 5 (60 %), over the
    target of 50 %; 5 of 5 asked answered both times."""
    table = et.assess_goals(et.load_project(_staff_survey(tmp_path, ("personal", "personal")))).table
    row = table.iloc[0]
    assert (int(row["numerator"]), int(row["denominator"])) == (3, 5)


# --- a goal of households leaving försörjningsstöd, written as qualitative -----------------------------------------
def _households(tmp_path, label: str, kind: str = "qualitative"):
    """H1: A1 to arbete and A2 to studier (both 2024-06-30); H2: B1 to arbete, B2 kvar_försörjningsstöd (2024-05-31);
    H3: C1 avbrott (2024-04-30); H4: D1 still enrolled; E1 without household_id, to arbete (2024-07-31). Payments by
    person with household_id: A1 (H1) January–June 2024, B1 (H2) January–December, C1 (H3) January–March; none for
    E1."""
    rows = ["A1,kvinna,1985,sambo_med_barn,2024-02-01,2024-06-30,arbete,försörjningsstöd,H1",
            "A2,man,1984,sambo_med_barn,2024-02-01,2024-06-30,studier,försörjningsstöd,H1",
            "B1,kvinna,1986,sambo_med_barn,2024-02-01,2024-05-31,arbete,försörjningsstöd,H2",
            "B2,man,1983,sambo_med_barn,2024-02-01,2024-05-31,kvar_försörjningsstöd,försörjningsstöd,H2",
            "C1,kvinna,1990,ensamstående_med_barn,2024-02-01,2024-04-30,avbrott,försörjningsstöd,H3",
            "D1,man,1991,ensamstående_med_barn,2024-02-01,,,försörjningsstöd,H4",
            "E1,kvinna,1992,ensamstående_med_barn,2024-02-01,2024-07-31,arbete,försörjningsstöd,"]
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join([PERSON_HEAD, *rows]) + "\n", encoding="utf-8")
    pay = [f"{pid},{hid},2024-{m:02d},9000" for pid, hid, last in (("A1", "H1", 6), ("B1", "H2", 12), ("C1", "H3", 3))
           for m in range(1, last + 1)]
    (tmp_path / "data" / "utbetalningar.csv").write_text("person_id,household_id,month,amount\n" + "\n".join(pay)
                                                         + "\n", encoding="utf-8")
    body = (f"goals:\n  - id: hushall\n    kind: {kind}\n    label: {label}\n"
            + ("    assessment: ej_bedömt\n    evidence: Bedöms vid slutrapporten.\n" if kind == "qualitative"
               else "    target: 0.3\n    period: whole_period\n    denominator: exits\n"))
    return _params(tmp_path, "data:\n  participants: data/deltagare.csv\n  payments: data/utbetalningar.csv\n" + body)


def test_a_household_goal_written_as_qualitative_gets_each_households_figures_once(tmp_path):
    """Refused as a share (it counts persons), the goal written as qualitative had no figures: the evaluator counted
    households by hand. Now: 5 households (H1–H4 and E1 alone); 4 have ended (not H4); everyone left in 2 (H1, E1),
    some in 1 (H2); the payments follow H1, H2 and H3 to the month after the last exit (E1 has no rows), and H1 (July)
    and H3 (May) were paid nothing then: 2 of 3."""
    label = "Minst 30 % av hushållen ska ha lämnat försörjningsstödet vid avslut"
    assert "30 % av hushållen" in params_refusal(_households(tmp_path / "share", label, kind="share"))
    project = et.load_project(_households(tmp_path / "q", label))
    (note,) = [n for n in project.notices if n.code == "household_figures"]
    v = dict(note.values)
    assert {k: v[k] for k in ("households", "ended", "all_left", "some_left", "followed", "none_after")} == {
        "households": "5", "ended": "4", "all_left": "2", "some_left": "1", "followed": "3", "none_after": "2"}
    assert "2 av de 3 avslutade hushåll" in note.note("sv") and "2 of the 3 ended households" in note.note("en")
    assert not [w for w in project.warnings if w.code == "household_figures"]  # (for the evaluator, not the report)


def test_households_read_per_household_are_counted_once_too(tmp_path):
    """The same payments as a row per household (no person_id): read for each member, H1's rows are A1's and A2's,
    and the figures are the same, 2 of 3 paid nothing, not H1 twice."""
    p = _households(tmp_path, "Minst 30 % av hushållen ska ha lämnat försörjningsstödet vid avslut")
    pay = tmp_path / "data" / "utbetalningar.csv"
    lines = pay.read_text(encoding="utf-8").splitlines()
    pay.write_text("household_id,month,amount\n" + "\n".join(x.split(",", 1)[1] for x in lines[1:]) + "\n",
                   encoding="utf-8")
    (note,) = [n for n in et.load_project(p).notices if n.code == "household_figures"]
    assert (dict(note.values)["followed"], dict(note.values)["none_after"]) == ("3", "2")


def test_a_qualitative_goal_of_persons_gets_no_household_figures(tmp_path):
    """'Minst 30 % av deltagarna ska ha lämnat försörjningsstödet' counts no households: no figures."""
    project = et.load_project(_households(tmp_path, "Minst 30 % av deltagarna ska ha lämnat försörjningsstödet"))
    assert not [n for n in project.notices if n.code == "household_figures"]


def test_a_qualitative_assessment_written_yes_or_no_gets_the_code_meant(tmp_path):
    """'assessment: ja' (the routine exists) was answered with the list alone; now "menade du 'uppnått'?", and 'nej'
    with 'ej_uppnått' (never read in its place: the params file is refused)."""
    for written, meant in (("ja", "uppnått"), ("nej", "ej_uppnått")):
        p = tmp_path / f"{written}.yaml"
        p.write_text(HEAD + f"""goals:
  - id: rutin
    kind: qualitative
    label: En gemensam rutin för samordnade planeringar ska finnas 2025
    assessment: {written}
    evidence: Rutinen beslutades i september 2025.
""", encoding="utf-8")
        assert f"står '{written}'; menade du '{meant}'?" in params_refusal(p)


# --- the adults of one household written with two household types or numbers of children --------------------------
def test_one_households_members_with_two_household_types_or_numbers_of_children_are_named(tmp_path):
    """H1: A1 sambo_med_barn with 2 children (row 2), A2 sambo_med_barn with 3 (row 3); H2: B1 sambo_med_barn (row 4),
    B2 ensamstående (row 5); H3: C1 sambo_med_barn 2 and her son C2 bor_med_föräldrar 0, as he writes it (rows 6, 7);
    H4: D1 twice with 1 and then 2 children (rows 8, 9: his own enrolments). The data said nothing; now one note per
    column for the evaluator: n_children in 1 household (rows 2 and 3), household_type in 1 (rows 4 and 5)."""
    head = "person_id,sex,birth_year,household_type,n_children,start_date,end_date,outcome,household_id"
    rows = ["A1,kvinna,1985,sambo_med_barn,2,2024-02-01,,,H1", "A2,man,1984,sambo_med_barn,3,2024-02-01,,,H1",
            "B1,kvinna,1986,sambo_med_barn,1,2024-02-01,,,H2", "B2,man,1983,ensamstående,1,2024-02-01,,,H2",
            "C1,kvinna,1970,sambo_med_barn,2,2024-02-01,,,H3", "C2,man,2003,bor_med_föräldrar,0,2024-02-01,,,H3",
            "D1,man,1980,ensamstående_med_barn,1,2024-02-01,2024-04-30,annat,H4",
            "D1,man,1980,ensamstående_med_barn,2,2024-06-01,,,H4"]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "deltagare.csv").write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    project = et.load_project(_params(tmp_path, "data: {participants: data/deltagare.csv}\n"))
    notes = {n.column: n for n in project.notices if n.code == "household_disagrees"}
    assert set(notes) == {"household_type", "n_children"}
    assert (notes["n_children"].row, dict(notes["n_children"].values)["other"]) == (2, "3")
    assert dict(notes["n_children"].values)["value"] == "2" and dict(notes["n_children"].values)["other_value"] == "3"
    assert dict(notes["household_type"].values)["n"] == "1" and notes["household_type"].row == 4
    assert "rad 4 (sambo_med_barn) och rad 5 (ensamstående)" in notes["household_type"].note("sv")
