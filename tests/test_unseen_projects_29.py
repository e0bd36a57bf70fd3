"""Twenty-ninth sweep of projects unlike the samples, from files made in Excel: a project of a förbund of two
municipalities (Sundsvall and Ånge) whose evaluator values the försörjningsstöd a leaver no longer needs at each
municipality's own level, as the municipalities' own statistics give it (``amount_sek: {Sundsvall: 11200, Ånge:
8400}``): each leaver is valued at their own municipality's amount, the assumptions table names both, and a name
the participants file does not write so, a municipality without an amount, an enrolment without a municipality or
a file without the column is refused with what to write, never "expected a number". Each fixture is a tiny
project written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import csv

import pytest

import evaltools as et
from evaltools.words.labels import note_text

from .conftest import params_refusal

HEAD = """\
id: steget
kind: individ
title: Steget vidare
forbund: Samordningsförbundet Mittland
owner: Norrby kommun
partners: [Söderby kommun]
period: {start: 2024-01-01, planned_end: 2024-12-31}
data_as_of: 2025-02-28
granted_sek: 400000
data: {participants: data/deltagare.csv, budget: data/budget.csv}
goals:
  - id: arbete
    kind: share
    label: Minst 30 % av de avslutade ska gå till arbete
    target: 0.3
    period: whole_period
    denominator: exits
    success_outcomes: [arbete]
cost_benefit:
  price_year: 2024
  monthly_level: {method: fixed, amount_sek: AMOUNT, amount_year: 2024, source: Kommunernas statistik 2024}
"""
# six participants, 2024-02-01 to 2024-06-30, all on försörjningsstöd at start: Norrby's first two and Söderby's
# first go to work (the three leavers), the others stay on försörjningsstöd
ROWS = [("Norrby", "arbete"), ("Norrby", "arbete"), ("Norrby", "kvar_försörjningsstöd"),
        ("Söderby", "arbete"), ("Söderby", "kvar_försörjningsstöd"), ("Söderby", "kvar_försörjningsstöd")]


def _steget(tmp_path, amount: str, rows=ROWS, column: bool = True):
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    with open(data / "deltagare.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
                    "support_start"] + (["municipality"] if column else []))
        for i, (town, out) in enumerate(rows):
            w.writerow([f"S{i + 1:02d}", "kvinna" if i % 2 else "man", 1980 + i, "ensamstående", "2024-02-01",
                        "2024-06-30", out, "försörjningsstöd"] + ([town] if column else []))
    (data / "budget.csv").write_text("period,category,budget,actual,funder\n"
                                     "2024,Projektledare,400000,380000,förbund\n", encoding="utf-8")
    p = tmp_path / "steget.yaml"
    p.write_text(HEAD.replace("AMOUNT", amount), encoding="utf-8")
    return p


def test_each_leaver_is_valued_at_their_own_municipalitys_level(tmp_path):
    by_town = et.cost_benefit(et.load_project(_steget(tmp_path / "a", "{Norrby: 10000, Söderby: 7000}")))
    one = et.cost_benefit(et.load_project(_steget(tmp_path / "b", "10000")), monte_carlo=False)
    # leavers: two from Norrby at 10 000 kr, one from Söderby at 7 000 kr (amount year = price year: no KPI):
    # the mean level (2 × 10 000 + 7 000) / 3 = 9 000 kr
    assert by_town.summary.monthly_level == pytest.approx(9000)
    # the same three exits on the same day, so the benefit is proportional to the levels' sum:
    # (10 000 + 10 000 + 7 000) / (3 × 10 000) = 0,9 of the benefit at 10 000 kr for everyone
    assert by_town.summary.pv_benefit / one.summary.pv_benefit == pytest.approx(0.9)


@pytest.mark.parametrize("lang, said", [
    ("sv", "fast belopp per kommun (2024): Norrby 10 000 kr, Söderby 7 000 kr; den som lämnat försörjningsstödet "
           "värderas med sin kommuns; Kommunernas statistik 2024"),
    ("en", "fixed amount per municipality (2024): Norrby SEK 10,000, Söderby SEK 7,000; a person who left social "
           "assistance is valued at their own municipality's; Kommunernas statistik 2024"),
])
def test_the_assumption_names_each_municipalitys_level(tmp_path, lang, said):
    cba = et.cost_benefit(et.load_project(_steget(tmp_path, "{Norrby: 10000, Söderby: 7000}")), monte_carlo=False)
    level = cba.assumptions.set_index("name").loc["monthly_level"]
    assert note_text(level["source"], lang).replace("\u00a0", " ") == said


def _refusal(params, lang="sv") -> list[str]:
    with pytest.raises(et.DataValidationError) as e:
        et.load_project(params)
    return [p.note(lang) for p in e.value.problems]


def test_a_name_not_written_so_and_a_municipality_without_an_amount_are_refused(tmp_path):
    notes = _refusal(_steget(tmp_path, "{Norrby: 10000, Sörby: 7000}"))
    assert ("cost_benefit.monthly_level.amount_sek ger ett belopp för kommunen 'Sörby', men filens kolumn "
            "municipality skriver ingen kommun så; kommunerna i den är Norrby, Söderby: skriv dem som de står där"
            ) in notes
    assert ("filens kolumn municipality har Söderby, som cost_benefit.monthly_level.amount_sek inte ger något "
            "belopp för (den ger Norrby, Sörby); skriv ett belopp för varje kommun, så att varje deltagare som "
            "lämnar försörjningsstödet värderas med sin kommuns") in notes


def test_the_names_are_matched_whatever_their_letter_case_and_spaces(tmp_path):
    project = et.load_project(_steget(tmp_path, "{'NORRBY ': 10000, söderby: 7000}"))
    assert et.cost_benefit(project, monte_carlo=False).summary.monthly_level == pytest.approx(9000)


def test_an_enrolment_without_a_municipality_or_a_file_without_the_column_is_refused(tmp_path):
    rows = ROWS[:5] + [("", "arbete")]  # the sixth enrolment (file row 7) without a municipality
    assert ("rad 7 saknar kommun i kolumnen municipality, men cost_benefit.monthly_level.amount_sek ger ett belopp "
            "per kommun; skriv varje deltagares kommun där"
            ) in _refusal(_steget(tmp_path / "a", "{Norrby: 10000, Söderby: 7000}", rows))
    assert ("cost_benefit.monthly_level.amount_sek ger ett belopp per kommun (Norrby, Söderby), men filen har "
            "ingen kolumn municipality som säger vilken kommun varje deltagare kommer från; lägg till den, eller "
            "skriv ett belopp för alla") in _refusal(_steget(tmp_path / "b", "{Norrby: 10000, Söderby: 7000}",
                                                             column=False))


# --- the table per actor of a project of two municipalities -------------------------------------------------------
@pytest.mark.parametrize("lang, several, one", [("sv", "Kommunerna", "Kommunen"),
                                                ("en", "Municipalities", "Municipality")])
def test_the_table_per_actor_names_the_municipalities_together_as_page_one_does(tmp_path, lang, several, one):
    from evaltools.present.sections import costbenefit as cb_section
    two = et.Report(et.load_project(_steget(tmp_path / "two", "9000")), lang=lang)
    # page 1 speaks of the municipalities together; the table's row is the same figure and says the same
    actors = list(cb_section.perspective_table(two).frame.iloc[:, 0])
    assert several in actors and one not in actors
    # one municipality (all six from Norrby): its row stays the municipality's
    norrby = [("Norrby", out) for _town, out in ROWS]
    alone = et.Report(et.load_project(_steget(tmp_path / "one", "{Norrby: 9000}", norrby)), lang=lang)
    actors = list(cb_section.perspective_table(alone).frame.iloc[:, 0])
    assert one in actors and several not in actors


# --- each municipality's payments in a file of its own ---------------------------------------------------------------
@pytest.mark.parametrize("lang, said", [
    ("sv", "data, payments: står utbet_norrby.csv, utbet_soderby.csv, en lista med 2 filer; payments läses från en "
           "enda fil: lägg ihop filerna till en med samma kolumner (raderna i den ena under den andras, till exempel "
           "en kommuns utbetalningar under den andra kommunens) och skriv den filens sökväg efter payments:"),
    ("en", "data, payments: is utbet_norrby.csv, utbet_soderby.csv, a list of 2 files; payments is read from one "
           "file: put the files together into one with the same columns (the rows of one under the other's, such "
           "as one municipality's payments under the other municipality's) and write that file's path after "
           "payments:"),
])
def test_two_payment_files_are_refused_with_what_to_do_not_with_a_type_of_python(tmp_path, lang, said):
    p = _steget(tmp_path, "9000")
    p.write_text(p.read_text(encoding="utf-8").replace(
        "data: {participants: data/deltagare.csv,",
        "data: {payments: [data/utbet_norrby.csv, data/utbet_soderby.csv], participants: data/deltagare.csv,"),
        encoding="utf-8")
    refusal = params_refusal(p, lang)
    assert said in refusal
    assert "pathlib" not in refusal and "Input is not" not in refusal


def test_a_data_file_written_as_a_number_gets_a_path_to_write(tmp_path):
    p = _steget(tmp_path, "9000")
    p.write_text(p.read_text(encoding="utf-8").replace("data: {participants: data/deltagare.csv,",
                                                       "data: {payments: 2024, participants: data/deltagare.csv,"),
                 encoding="utf-8")
    assert ("data, payments: står 2024; efter payments: skrivs sökvägen till en fil, till exempel payments: "
            "../data/projektet/payments.xlsx") in params_refusal(p)
