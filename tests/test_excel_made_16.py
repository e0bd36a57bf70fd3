"""What an evaluator with an English Excel, or a narrow column, puts in the files, and params values a person
writes by hand: an amount typed "12,000" (twelve thousand in an English Excel, twelve in a Swedish one); a number
Excel showed in scientific form ("1E+03") copied as text; ``data.insats`` given as a list or a number and an age
with decimals in ``among:``; a goal split three ways ("40/60/0") or counted per quarter in words ("tio nya
deltagare per kvartal"). Each must read correctly (the figures checked by hand) or end in one clear message naming
file, row, column (or key) and value with what to write, in Swedish and English, never a traceback, the input
file never changed."""
from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import evaltools as et
from evaltools.data.errors import ParamsError
from evaltools.data.validation import _parse_amount
from evaltools.present.sections.goals import per_part_notes
from evaltools.publish import cli

from .conftest import write_csv, params_with_files as _params, load_problems as _problems


def _params_lines(params: Path, lang: str = "sv") -> list[str]:
    with pytest.raises(ParamsError) as e:
        et.load_params(params)
    return e.value.in_lang(lang).messages


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 1. a comma before three digits ----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["12,000", "1,000", "-12,000", "12,000 kr", "150,125", "(12,000)"])
def test_one_comma_before_three_digits_is_never_read(text):
    """'12,000' is twelve thousand in an English Excel and 12 with three decimals in a Swedish one (before, 12)."""
    assert _parse_amount(pd.Series([text])).isna().all()


@pytest.mark.parametrize(("text", "number"), [
    ("12,5", 12.5),              # a decimal comma with one or two decimals: one reading only, as before
    ("12,50", 12.5),
    ("1 234,50", 1234.5),        # spaces between thousands, a decimal comma, as before
    ("1 234,500", 1234.5),       # a space between thousands: the comma is the decimal one
    ("0,125", 0.125),            # no thousand begins with 0
    ("12,0000", 12.0),           # four decimals: no thousand is written so
    ("12,000.50", 12000.5),      # the English habit with its decimal point, as before
    ("1,234,567", 1234567.0),    # two commas: no decimal has two, as before
    ("12000", 12000.0),          # each reading written as the message says
    ("12", 12.0),
])
def test_a_comma_with_one_reading_is_read_as_that_number(text, number):
    assert _parse_amount(pd.Series([text])).tolist() == [number]


def test_a_csv_amount_with_a_comma_before_three_digits_names_the_cell_and_both_readings(tiny_project, capsys):
    data = tiny_project.dir / "data"
    path = data / "utbetalningar.csv"
    path.write_text("person_id;month;amount\nP1;2022-01;12,000\nP1;2022-02;8 500,50\nP2;2022-02;1,000\n",
                    encoding="utf-8")
    before = _sha(path)
    params = _params(tiny_project, participants="participants.csv", payments="utbetalningar.csv")
    problems = _problems(params)
    # both cells at once: row 2's '12,000' and row 4's '1,000' (row 3's '8 500,50' has one reading)
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "amount", "12,000"), (4, "amount", "1,000")]
    assert problems[0].note("sv").endswith(
        " – ett kommatecken före tre siffror kan skilja tusental, som engelska Excel skriver dem (12000), eller vara "
        "ett decimalkomma, som svenska Excel skriver det (12); det gissas inte: skriv 12000 om det är tusental, 12 om "
        "det är decimaler")
    assert problems[1].note("en").endswith(
        " – a comma before three digits may separate thousands, as an English Excel writes them (1000), or be a "
        "decimal comma, as a Swedish Excel writes it (1); it is not guessed: write 1000 if it is thousands, 1 if it "
        "is decimals")
    code = cli.main(["validate", str(params)])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED and "Traceback" not in said.out + said.err
    assert _sha(path) == before
    # written as the thousands meant: 12 000 and 8 500,50 for P1, 1 000 for P2
    path.write_text(path.read_text(encoding="utf-8").replace(";12,000", ";12000").replace(";1,000", ";1000"),
                    encoding="utf-8")
    assert et.load_project(params).payments["amount"].tolist() == [12000.0, 8500.5, 1000.0]
    # written as the decimals meant, in a file in tkr: 12 tkr, 8,5 tkr and 1 tkr are 12 000, 8 500 and 1 000 kr
    path.write_text("person_id;month;amount\nP1;2022-01;12\nP1;2022-02;8,5\nP2;2022-02;1\n", encoding="utf-8")
    tkr = tiny_project(data_block="data:\n  participants: data/participants.csv\n  payments: data/utbetalningar.csv\n"
                                  "  amount_unit: tkr\n")
    assert et.load_project(tkr).payments["amount"].tolist() == [12000.0, 8500.0, 1000.0]


def test_three_decimals_after_a_comma_get_a_decimal_reading_that_reads_one_way(tiny_project):
    """'150,125' read as decimals is written 150,1250: written 150,125 it would be refused again."""
    write_csv(tiny_project.dir / "data/budget.csv", [
        {"period": "2022", "category": "Lön", "budget": "150,125", "actual": "90"},
    ])
    problems = _problems(_params(tiny_project, participants="participants.csv", budget="budget.csv"), "en")
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "budget", "150,125")]
    assert problems[0].note("en").endswith("write 150125 if it is thousands, 150,1250 if it is decimals")
    assert _parse_amount(pd.Series(["150,1250"])).tolist() == [150.125]


def test_an_excel_text_cell_with_a_comma_is_refused_and_a_number_cell_is_read_as_stored(tiny_project):
    """A text cell '12,000' (typed with an apostrophe, or pasted as text) is judged as a CSV cell is; the number
    12000 in a cell formatted '#,##0', shown '12,000' in an English Excel, is the number stored."""
    data = tiny_project.dir / "data"
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["person_id", "month", "amount"], ["P1", "2022-01", 12000], ["P2", "2022-02", "12,000"]):
        ws.append(row)
    ws["C2"].number_format = "#,##0"
    wb.save(data / "payments.xlsx")
    params = _params(tiny_project, participants="participants.csv", payments="payments.xlsx")
    problems = _problems(params)
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "amount", "12,000")]
    ws["C3"] = 12000
    wb.save(data / "payments.xlsx")
    assert et.load_project(params).payments["amount"].tolist() == [12000.0, 12000.0]


def test_a_wide_budget_with_a_comma_before_three_digits_names_its_cell(tiny_project):
    """A budget with a column per year: '12,000' among its text cells is refused naming the cell, and the
    other cells are read (10 000 + 2 000 budgeted on the two lines once it is written 12000)."""
    data = tiny_project.dir / "data"
    path = data / "budget.csv"
    path.write_text("Kostnadsslag;Budget 2022;Utfall 2022\nLön;10 000;12,000\nÖvrigt;2 000;1 500\n", encoding="utf-8")
    params = _params(tiny_project, participants="participants.csv", budget="budget.csv")
    problems = _problems(params, "en")
    assert [p.value for p in problems] == ["12,000"]
    assert problems[0].row == 2 and "Utfall 2022" in problems[0].column
    assert "write 12000 if it is thousands, 12 if it is decimals" in problems[0].note("en")
    path.write_text(path.read_text(encoding="utf-8").replace("12,000", "12000"), encoding="utf-8")
    budget = et.load_project(params).budget
    # Lön 10 000 budgeted, 12 000 spent; Övrigt 2 000 and 1 500
    assert [(r.budget, r.actual) for r in budget.itertuples()] == [(10000.0, 12000.0), (2000.0, 1500.0)]


def test_an_amount_with_a_comma_before_three_digits_in_the_params_file_gets_both_readings(tiny_project):
    """granted_sek: "12,000" was told to be written 12 (the Swedish reading only)."""
    params = tiny_project('granted_sek: "12,000"\n')
    assert _params_lines(params) == [
        "granted_sek: står '12,000'; ett kommatecken före tre siffror kan skilja tusental, som engelska Excel skriver "
        "dem, eller vara ett decimalkomma, och det gissas inte: skriv 12000 om det är tusental, 12 om det är decimaler "
        "(talet utan mellanrum och tusentalsavgränsare, med decimalpunkt)"]
    assert _params_lines(params, "en")[0].endswith("write 12000 if it is thousands, 12 if it is decimals (the number "
                                                   "without spaces or thousands separators, with a decimal point)")
    # '12,5' has one reading, as before: 12.5
    assert _params_lines(tiny_project('granted_sek: "12,5"\n'))[0].endswith("med decimalpunkt: 12.5")
    assert et.load_params(tiny_project("granted_sek: 12000\n")).granted_sek == 12000


@pytest.mark.parametrize(("written", "read", "thousands"), [("12.000", "12", "12000"), ("1.276", "1.276", "1276"),
                                                           ("250", "250", "250000")])
def test_a_grant_of_a_few_kronor_is_a_thousands_point_read_as_a_decimal_point(tiny_project, written, read, thousands):
    """granted_sek: 12.000 (unquoted) is the number 12 to YAML, and the report said the förbund granted 12 kr."""
    params = tiny_project(f"granted_sek: {written}\n")
    assert _params_lines(params) == [
        f"granted_sek: står {read} kr, mindre än 1000 kr, vilket inget förbund beviljar: en punkt mellan tusentalen "
        f"läses som decimaltecken (12.000 blir 12), och beloppet är i kronor, inte tkr. Skriv det i kronor utan punkt, "
        f"till exempel {thousands}"]
    assert _params_lines(params, "en")[0].startswith(f"granted_sek: got SEK {read}, less than SEK 1000")
    # a grant of 1 000 kr or more, and none at all (0), as written
    assert et.load_params(tiny_project("granted_sek: 1000\n")).granted_sek == 1000
    assert et.load_params(tiny_project("granted_sek: 0\n")).granted_sek == 0


@pytest.mark.parametrize("written", ["0.5", "0.001", "0.0005"])
def test_a_grant_under_a_krona_gets_no_example_that_is_refused_too(tiny_project, written):
    """granted_sek: 0.5 was told to write 500, which is under 1 000 kr and refused in its turn."""
    (line,) = _params_lines(tiny_project(f"granted_sek: {written}\n"))
    assert line == (f"granted_sek: står {float(written):g} kr, mindre än 1000 kr, vilket inget förbund beviljar: skriv "
                    "det beviljade beloppet i hela kronor, utan punkt mellan tusentalen (1 200 000 kr skrivs 1200000)")


@pytest.mark.parametrize("written", ['"1E+06"', '"1,23457E+06"', "1e6"])
def test_a_grant_in_exponent_form_is_not_read(tiny_project, written):
    """granted_sek: "1E+06" (copied from a narrow Excel column) was read as 1 000 000; a data file refuses it."""
    (line,) = _params_lines(tiny_project(f"granted_sek: {written}\n"))
    assert line.startswith(f"granted_sek: står '{written.strip(chr(34))}', ett tal i exponentform"), line
    assert line.endswith("skriv beloppet i hela kronor (till exempel 1200000)")


# --- 2. a number in scientific form ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("1E+03", "1000"), ("1e3", "1000"), ("1,00E+03", "1000"), ("1.5E+04", "15000"), ("2,5E+05", "250000"),
])
def test_an_amount_in_scientific_form_is_refused_saying_what_excel_showed(text, number, tiny_project, capsys):
    """'1E+03' is how Excel shows a number too wide for its column; copied as text it was read as 1000 (and
    '2,5E+05' as a number whose last digits may be gone)."""
    assert _parse_amount(pd.Series([text])).isna().all()
    data = tiny_project.dir / "data"
    path = data / "payments.csv"
    write_csv(path, [{"person_id": "P1", "month": "2022-01", "amount": 9000},
                     {"person_id": "P2", "month": "2022-02", "amount": text}])
    before = _sha(path)
    params = _params(tiny_project, participants="participants.csv", payments="payments.csv")
    problems = _problems(params)
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "amount", text)]
    assert problems[0].note("sv").endswith(
        f" – talet står i exponentform ({text} är {number}): så visar Excel ett tal som är för brett för sin kolumn, "
        "och så kopieras eller sparas det som text, med de sista siffrorna borta; det gissas inte: gör kolumnen "
        f"bredare eller formatera den som Tal i Excel och skriv talet som det är (till exempel {number} om inga "
        "siffror fattas)")
    assert problems[0].note("en").endswith(
        f" – the number is in scientific form ({text} is {number}): that is how Excel shows a number too wide for "
        "its column, and how it is copied or saved as text from there, with its last digits gone; it is not "
        f"guessed: widen the column or format it as Number in Excel and write the number in full (for example "
        f"{number} if no digits are missing)")
    assert cli.main(["validate", str(params)]) == cli.EXIT_FAILED
    assert "Traceback" not in capsys.readouterr().err
    assert _sha(path) == before


def test_a_count_in_scientific_form_is_refused_and_a_number_cell_is_read(tiny_project):
    """A count (months on support before start) shown '1E+01' and copied as text is refused like an amount;
    Excel's number 10 in its cell is 10."""
    data = tiny_project.dir / "data"
    persons = pd.read_csv(data / "participants.csv", dtype=str, keep_default_na=False)
    persons["months_on_support_before"] = ["1E+01", "", "", ""]
    write_csv(data / "participants.csv", persons)
    params = _params(tiny_project, participants="participants.csv")
    problems = _problems(params, "en")
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "months_on_support_before", "1E+01")]
    assert "(1E+01 is 10)" in problems[0].note("en")
    persons["months_on_support_before"] = ["10", "", "", ""]
    write_csv(data / "participants.csv", persons)
    assert et.load_project(params).participants["months_on_support_before"].tolist()[0] == 10


# --- 3. params values of the wrong shape ------------------------------------------------------------------

_GOAL = """\
goals:
  - id: aldre
    kind: share
    label: Minst 30 % av deltagarna 50 år eller äldre ska gå till arbete
    target: 0.3
    success_outcomes: [arbete]
    period: whole_period
    among: {among}
"""
_INSATS = "data:\n  participants: data/participants.csv\n  insats: {insats}\n"


@pytest.mark.parametrize(("insats", "sv", "en"), [
    ("[Steget, Vägen]",
     "data, insats: står ['Steget', 'Vägen'], en lista; en rapport gäller en insats: skriv insatsens namn som det "
     "står i kolumnen Insats (insats: Steget) och gör en parameterfil för varje annan insats",
     "data, insats: got ['Steget', 'Vägen'], a list; a report covers one insats: write its name as it stands in "
     "the column Insats (insats: Steget) and make a params file for each other insats"),
    ("12",
     "data, insats: står 12; förväntat en text: skriv den inom citattecken, som den står i filen (insats: '12'), så "
     "att YAML inte läser den som ett tal eller ett datum",
     "data, insats: got 12; expected a text: write it in quotes, as it stands in the file (insats: '12'), so that "
     "YAML does not read it as a number or a date"),
])
def test_an_insats_given_as_a_list_or_a_number_is_told_what_to_write(insats, sv, en, tiny_project):
    """pydantic's own words ('Input should be a valid string, got 12') were the message, in English."""
    params = tiny_project(data_block=_INSATS.format(insats=insats))
    assert _params_lines(params) == [sv]
    assert _params_lines(params, "en") == [en]
    assert "Input should" not in sv + en


def test_an_age_with_decimals_in_among_gets_the_whole_years_to_write(tiny_project, capsys):
    params = tiny_project(_GOAL.format(among="{age_from: 50.5}"))
    before = _sha(params)
    assert _params_lines(params) == ["mål 1 (id: aldre), among, age_from: står 50.5; förväntat ett heltal: skriv 50 "
                                     "eller 51"]
    assert _params_lines(params, "en") == ["goal 1 (id: aldre), among, age_from: got 50.5; expected a whole "
                                           "number: write 50 or 51"]
    assert cli.main(["validate", str(params)]) == cli.EXIT_FAILED
    assert "Traceback" not in capsys.readouterr().err
    assert _sha(params) == before
    # written as the words say, 50 or older: the params load
    assert et.load_params(tiny_project(_GOAL.format(among="{age_from: 50}"))).goals[0].among.age_from == 50


@pytest.mark.parametrize(("extra", "sv"), [
    # a value where keys go
    (_GOAL.format(among="50"), "mål 1 (id: aldre), among: står 50; förväntat nycklar med sina värden (among: {sex: "
     "...}); tillåtna här: sex, household_type, age_group, age_below, age_from, project_year, support_start, "
     "municipality, occupation_before"),
    # one partner where a list goes
    ("partners: Arbetsförmedlingen\n", "partners: står 'Arbetsförmedlingen'; förväntat en lista: en post per rad, "
     "med bindestreck (partners: följt av raden - Arbetsförmedlingen indragen under), eller inom hakparenteser "
     "(partners: [Arbetsförmedlingen])"),
    # a key with nothing after its colon (pydantic's words: 'Input should be a valid tuple, got None')
    ("partners:\n", "partners: inget står efter partners:; skriv värdet på samma rad (eller på de indragna raderna "
     "under), eller ta bort raden om nyckeln inte behövs"),
    # a goal without its dash
    ("goals:\n  id: aldre\n  kind: participant_count\n", "goals: står nycklar med värden; förväntat en lista: skriv "
     "ett bindestreck före varje posts första nyckel (goals: följt av raden - id: aldre indragen under, och "
     "postens övriga nycklar under den)"),
])
def test_other_values_of_the_wrong_shape_are_told_in_the_toolkits_words(extra, sv, tiny_project):
    lines = _params_lines(tiny_project(extra))
    assert lines == [sv]
    assert not [w for w in ("Input should", "valid", "instance of") if w in lines[0]]


# --- 4. a split in three, a count per quarter in words -----------------------------------------------------

def _sex_share(label: str) -> str:
    return ("goals:\n  - id: kon\n    kind: share\n    label: " + label + "\n    numerator: sex\n    sex: [kvinna]\n"
            "    target: 0.4\n    period: whole_period\n")


@pytest.mark.parametrize(("label", "words"), [
    ("Könsfördelning 40/60/0 kvinnor/män/annat", "40/60/0"),
    ("Könsfördelningen ska vara 60/40/0 %", "60/40/0 %"),
])
def test_a_split_in_three_with_a_part_of_0_is_the_split_of_two_and_refused_with_its_two_goals(label, words,
                                                                                               tiny_project):
    """'40/60/0' (women/men/other) was loaded as 'at least 40 % women', which 90 % women would reach; it is the
    range 40/60 is: a share of women of at least 0.4 and of the others of at least 1 - 0.6 = 0.4."""
    (sv,) = _params_lines(tiny_project(_sex_share(label)))
    assert sv == (f"mål 1 (id: kon): målets text sätter ett spann, '{words}', men ett mål bedöms mot ett målvärde "
                  "som ska nås: skriv det som två mål om vilka som deltar, det ena med numerator: sex, sex: [kvinna], "
                  "target: 0.4 (den nedre gränsen) och det andra med numerator: sex, sex: [man, annat], target: 0.4 "
                  "(de övriga, så att den övre gränsen hålls), eller som qualitative med bedömning och underlag")


def test_a_split_in_three_parts_is_refused_with_a_goal_for_each_part(tiny_project):
    params = tiny_project(_sex_share("Könsfördelning 30/30/40"))
    # 30/30/40 of 100: 0.3, 0.3 and 0.4
    assert _params_lines(params) == [
        "mål 1 (id: kon): målets text sätter en fördelning i tre delar, '30/30/40', men ett mål bedöms mot ett "
        "målvärde som ska nås: skriv ett mål för varje del, med delens andel som målvärde och ordet 'minst' i texten "
        "(target: 0.3, 0.3 och 0.4, i textens ordning), eller skriv målet som qualitative med bedömning och underlag"]
    assert _params_lines(params, "en") == [
        "goal 1 (id: kon): the goal's text sets a split in three parts, '30/30/40', but a goal is judged against one "
        "target to reach: write a goal for each part, with the part's share as its target and the words 'at least' "
        "in its text (target: 0.3, 0.3 and 0.4, in the text's order), or write the goal as qualitative with an "
        "assessment and its evidence"]


def test_slashes_that_make_no_hundred_are_read_as_written(tiny_project):
    """'24/7/365' sums to 396: no split of shares; the 40 % is the target."""
    goals = ("goals:\n  - id: g\n    kind: share\n    label: Stöd 24/7/365, minst 40 % ska gå till arbete\n"
             "    target: 0.4\n    denominator: exits\n    period: whole_period\n")
    assert et.load_params(tiny_project(goals)).goals[0].target == 0.4


_PER_QUARTER = ("goals:\n  - id: nya\n    kind: participant_count\n    label: {label}\n    target: {target}\n"
                "    period: project_year\n")


@pytest.mark.parametrize(("label", "words"), [
    ("Minst tio nya deltagare per kvartal", "tio nya deltagare per kvartal"),
    ("Ten new participants per quarter", "Ten new participants per quarter"),
])
def test_a_count_per_quarter_in_words_gets_the_years_target(label, words, tiny_project):
    """'tio nya deltagare per kvartal' with target 10 was loaded as 10 a year; in figures ('10 ... per kvartal')
    it was refused. Ten a quarter is 4 × 10 = 40 a year."""
    params = tiny_project(_PER_QUARTER.format(label=label, target=10))
    assert _params_lines(params) == [
        f"mål 1 (id: nya): målets text säger '{words}', men ett mål räknas per år (period: project_year), aldrig per "
        "kvartal, halvår, termin eller månad, så ett år med 10 räknas som nått: skriv årets målvärde, target: 40 "
        "(4 gånger 10), och behåll ansökans ord i label"]
    # written as the message says: read as 40 a year, and the goal table's note says why
    project = et.load_project(tiny_project(_PER_QUARTER.format(label=label, target=40)))
    assert project.params.goals[0].target == 40
    (note,) = per_part_notes(et.Report(project, lang="sv"))
    assert note == f"{label}: ansökan anger ”{words}”, men ett mål räknas per år, så målvärdet är årets, 40 (4 gånger 10)."


def test_a_word_for_one_and_other_parts_of_the_text_are_no_count_per_quarter(tiny_project):
    """'en gång per kvartal' is how often, not a count ('en' is an article too): the year's 10 is read as written."""
    label = "Minst 10 deltagare per år, som följs upp en gång per kvartal"
    assert et.load_params(tiny_project(_PER_QUARTER.format(label=label, target=10))).goals[0].target == 10
