"""What a board member finds reading Timrå, Språngbrädan and Samverkan i praktiken in Swedish and Nästa steg and
Timrå in English page by page, a twenty-first time: the outcome table placed a hidden count by its size (Nästa
steg's studier, "..", stood between arbete 12 and arbetssökande 10, so it was 10–12, and Timrå's eight "<5" rows
were ranked), the workbook's goal sheet wrote a questionnaire goal's basis as the code 'survey' (Samverkan i
praktiken's "Underlag"), and the English appendix said "The horizon is 1 years" (and a horizon of 2,5 years was
rounded to whole years there). Expected values are worked out by hand from the small inputs built here, not taken
from the code's output.
"""
from __future__ import annotations

import openpyxl
import pytest

import evaltools as et
from evaltools.data import schema as S
from evaltools.present.sections import method, outcomes

from .conftest import shown_chunks, write_csv
from .test_board_reading_16 import EXITS, _exits_project
from .test_survey import _responses
from .test_survey_data import DATA, QUESTIONS


def _order(r) -> list[tuple[str, str]]:
    df = r.project.participants
    shown = outcomes.outcome_counts(df[~df[S.ONGOING]], r.k, outcomes.stated_sums(r), outcomes.stated_counts(r))
    return [(c, str(n)) for c, n in zip(shown["category"], shown["n"])]


# --- 1. a hidden count's place in the outcome table says nothing of its size ------------------------------------

def test_the_hidden_exit_no_longer_stands_where_its_size_puts_it(tmp_path):
    # Nästa steg's exits: aktiv planering 14, arbete 12, studier 10, arbetssökande 10, kvar 9, arbete med stöd 6,
    # sjukpenning 4, flyttat 3, avbrott 2. Studier is hidden ("..": 32 who left − 12 − 6 − 10 would give
    # sjukpenning 4), the three under 5 are "<5". Sorted by size, ".." stood between 12 and 10: 10–12.
    r = et.Report(_exits_project(tmp_path), lang="sv")
    assert _order(r) == [
        # the shown counts, largest first
        ("aktiv_planering_annan_part", "14"), ("arbete", "12"), ("arbetssökande", "10"),
        ("kvar_försörjningsstöd", "9"), ("arbete_med_stöd", "6"),
        # then the hidden ones in the vocabulary's order: studier, sjukpenning, flyttat, avbrott
        ("studier", ".."), ("sjukpenning", "<5"), ("flyttat", "<5"), ("avbrott", "<5")]


def test_small_counts_are_not_ranked_by_their_size(tmp_path):
    # annat 4, avbrott 3, flyttat 2 are each under 5; sorted by size they stood annat, avbrott, flyttat and told
    # that annat ≥ avbrott ≥ flyttat. The vocabulary's order is flyttat, avbrott, annat. The three hidden together
    # (4 + 3 + 2 = 9, the 38 ended less 12 + 9 + 8 = 29 shown) give none of them back, so nothing more is hidden.
    exits = {"arbete": 12, "kvar_försörjningsstöd": 9, "arbetssökande": 8, "annat": 4, "avbrott": 3, "flyttat": 2}
    r = et.Report(_exits_project(tmp_path, exits), lang="sv")
    assert _order(r) == [("arbete", "12"), ("kvar_försörjningsstöd", "9"), ("arbetssökande", "8"),
                         ("flyttat", "<5"), ("avbrott", "<5"), ("annat", "<5")]


def test_the_outcome_section_shows_that_order(tmp_path):
    r = et.Report(_exits_project(tmp_path), lang="en")
    shown = [c.replace("\u00a0", " ") for c in shown_chunks(outcomes.blocks(r))]
    labels = ["Active plan with another agency", "Work", "Job seeker", "Still on social assistance", "Subsidised work",
              "Studies", "Sickness benefit", "Moved away", "Dropped out"]
    at = [shown.index(x) for x in labels]
    assert at == sorted(at), list(zip(labels, at))
    i = shown.index("Studies")  # its row: the number and the share hidden
    assert shown[i + 1: i + 3] == ["..", ".."]
    assert sum(EXITS.values()) == 70  # (the 70 ended the section counts)


# --- 2. the workbook says a questionnaire goal's basis in words -------------------------------------------------

SURVEY_GOALS = """\
survey:
  invited: {personal: 20}
goals:
  - {id: kanner, kind: survey, label: Personalen instämmer, question: F1, group: personal, level: 4, target: 0.5}
"""


@pytest.mark.parametrize(("lang", "word"), [("sv", "Enkätsvar"), ("en", "Questionnaire answers")])
def test_the_goal_sheet_names_a_questionnaire_goals_basis(tiny_project, tmp_path, lang, word):
    write_csv(tiny_project.dir / "data/questions.csv", QUESTIONS)
    write_csv(tiny_project.dir / "data/responses.csv", _responses())
    r = et.Report(et.load_project(tiny_project(SURVEY_GOALS, data_block=DATA)), lang=lang)
    out = tmp_path / "out"
    et.export_report(r, out)
    ws = openpyxl.load_workbook(next(out.glob("*.xlsx"))).worksheets[1]  # the goal sheet, after the first
    header = [c.value for c in ws[1]]
    basis = header.index("Underlag" if lang == "sv" else "Basis")
    goal = header.index("Mål" if lang == "sv" else "Goal")
    rows = {row[goal].value: row[basis].value for row in ws.iter_rows(min_row=2) if row[goal].value}
    assert rows["Personalen instämmer"] == word
    # the CSV for Excel says the same (semicolons in Swedish, commas in English: as each language's Excel reads it)
    texts = "".join(p.read_text(encoding="utf-8-sig") for p in (out / "tables").glob("*.csv"))
    sep = ";" if lang == "sv" else ","
    assert f"{sep}{word}{sep}" in texts and f"{sep}survey{sep}" not in texts


# --- 3. the appendix says the horizon as a number of years in the report's language -----------------------------

def _ledger_sentence(tmp_path, horizon: float, lang: str) -> str:
    # (the line goes before granted_sek, at the params block's indent)
    p = _exits_project(tmp_path, extra=f"cost_benefit: {{horizon_years: {horizon}}}\n        ")
    r = et.Report(p, lang=lang)
    paragraph = next(x for x in method.paragraphs(r) if x.startswith(("Vems pengar", "Whose money")))
    return next(s for s in paragraph.split(". ") if s.startswith(("Tidshorisonten", "The horizon")))


@pytest.mark.parametrize(("horizon", "lang", "expected"), [
    (1, "en", "The horizon is 1 year, varied between NyttoSam's 1 and 5 years."),
    (1, "sv", "Tidshorisonten är 1 år och varieras mellan NyttoSams 1 och 5 år."),
    # two and a half years is said as it is (it was rounded to whole years: "2 years")
    (2.5, "en", "The horizon is 2.5 years, varied between NyttoSam's 1 and 5 years."),
    (2.5, "sv", "Tidshorisonten är 2,5 år och varieras mellan NyttoSams 1 och 5 år."),
    (3, "en", "The horizon is 3 years, varied between NyttoSam's 1 and 5 years."),
])
def test_the_method_says_the_horizon_in_years(tmp_path, horizon, lang, expected):
    assert _ledger_sentence(tmp_path, horizon, lang) == expected

