"""A params file that YAML cannot read gets a line in the evaluator's language that names the line
and, for the mistakes a file written by hand on Windows is most likely to hold, says how to fix it."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.errors import ParamsError

HEAD = "id: p\ntitle: T\n"


def _problems(tmp_path, text: str, lang: str = "sv") -> list[str]:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    return e.value.in_lang(lang).messages


def test_a_windows_path_inside_double_quotes_is_named_with_its_line_and_the_fix(tmp_path):
    text = HEAD + 'data:\n  participants: "C:\\Users\\asa\\deltagare.xlsx"\n'
    (sv,) = _problems(tmp_path, text)
    assert sv.startswith('rad 4: participants: "C:\\Users\\asa\\deltagare.xlsx" — en sökväg med \\ inom dubbla citattecken')
    assert "Skriv sökvägen med /" in sv
    (en,) = _problems(tmp_path, text, "en")
    assert en.startswith("line 4: ") and "inside double quotes" in en


def test_a_tab_in_the_indentation_is_named(tmp_path):
    (sv,) = _problems(tmp_path, HEAD + "period:\n\tstart: 2024-01-01\n")
    assert sv == "rad 4: ett tabbtecken i indraget; YAML drar in med mellanslag. Ersätt tabben med mellanslag"


def test_a_quote_never_closed_is_named_by_the_line_where_it_opens(tmp_path):
    (sv,) = _problems(tmp_path, 'id: p\ntitle: "Vägen ut\nperiod: {}\n')
    assert sv.startswith("rad 2, kolumn 8: ingen giltig YAML (")


def test_the_line_shown_never_shows_a_personnummer(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + 'data:\n  participants: "C:\\data\\19811218-9876.xlsx"\n', encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    for lang in ("sv", "en"):
        shown = e.value.message(lang)
        assert "rad 4" in shown or "line 4" in shown
        assert "9876" not in shown and "811218" not in shown


def test_a_date_that_does_not_exist_is_a_problem_at_its_line_not_a_traceback(tmp_path):
    for date in ("2024-13-01", "2023-02-29"):
        (sv,) = _problems(tmp_path, HEAD + f"period:\n  start: {date}\n")
        assert sv == f"rad 4: {date} är inget datum som finns; skriv datum som ÅÅÅÅ-MM-DD, till exempel 2024-03-01"


def test_an_anchor_or_alias_is_named_by_its_line(tmp_path):
    (sv,) = _problems(tmp_path, HEAD + "a: &x [1]\nb: *x\n")
    assert sv.startswith("rad 3: YAML-ankare")


@pytest.mark.parametrize(("written", "number"), [("1 200 000 kr", "1200000"), ("1\u00a0200\u00a0000", "1200000"),
                                                  ("4 300:-", "4300"), ("12,5", "12.5")])
def test_an_amount_written_as_a_person_writes_it_is_shown_as_the_number_to_write(tmp_path, written, number):
    path = tmp_path / "p.yaml"
    path.write_text(f'id: p\ntitle: T\nkind: individ\nforbund: F\nowner: O\ngranted_sek: "{written}"\n'
                    "period: {start: 2023-01-01, planned_end: 2023-12-31}\n", encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    line = next(m for m in e.value.in_lang("sv").messages if m.startswith("granted_sek"))
    assert line == (f"granted_sek: står {written!r}; skriv talet utan mellanrum, enhet och tusentalsavgränsare, "
                    f"med decimalpunkt: {number}")


@pytest.mark.parametrize(("value", "said"), [
    ("1e308", "står '1e308'; förväntat ett tal som är högst 50"),  # (a text to YAML 1.1, a number to the check)
    (".nan", "står nan; förväntat ett tal (inte nan eller oändligt)"),
    (".inf", "står inf; förväntat ett tal (inte nan eller oändligt)"),
    ("0", "står 0; förväntat ett tal större än 0"),
])
def test_a_horizon_that_no_analysis_can_take_is_refused_in_words(tmp_path, value, said):
    # an infinite, undefined or huge horizon stopped the cost-benefit analysis with a traceback
    path = tmp_path / "p.yaml"
    path.write_text("id: p\ntitle: T\nkind: individ\nforbund: F\nowner: O\n"
                    "period: {start: 2023-01-01, planned_end: 2023-12-31}\n"
                    f"cost_benefit: {{horizon_years: {value}}}\n", encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    assert f"cost_benefit, horizon_years: {said}" in e.value.in_lang("sv").messages


def test_a_monte_carlo_of_too_many_draws_or_a_negative_seed_is_refused(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("id: p\ntitle: T\nkind: individ\nforbund: F\nowner: O\n"
                    "period: {start: 2023-01-01, planned_end: 2023-12-31}\n"
                    "cost_benefit: {monte_carlo_draws: 100000000000000000000, seed: -1}\n", encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    assert e.value.in_lang("sv").messages == [
        "cost_benefit, monte_carlo_draws: står 100000000000000000000; förväntat ett tal som är högst 100 000",
        "cost_benefit, seed: står -1; förväntat ett tal som är minst 0"]


def test_years_and_amounts_out_of_any_range_are_refused_in_words(tmp_path):
    # a price year of 10**20 stopped the analyses with a traceback; a negative grant or housing cost is no amount
    path = tmp_path / "p.yaml"
    path.write_text("id: p\ntitle: T\nkind: individ\nforbund: F\nowner: O\ngranted_sek: -5\n"
                    "period: {start: 2023-01-01, planned_end: 2023-12-31}\n"
                    "cost_benefit: {price_year: 100000000000000000000,\n"
                    "               monthly_level: {method: riksnorm, housing_sek: -1, housing_year: 1900}}\n",
                    encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    assert sorted(e.value.in_lang("sv").messages) == sorted([
        "granted_sek: står -5; förväntat ett tal som är minst 0",
        "cost_benefit, price_year: står 100000000000000000000; förväntat ett tal som är högst 2100",
        "cost_benefit, monthly_level, housing_sek: står -1; förväntat ett tal som är minst 0",
        "cost_benefit, monthly_level, housing_year: står 1900; förväntat ett tal som är minst 1980"])


def test_a_comparison_window_no_analysis_can_take_is_refused(tmp_path):
    # months_after: 10**20 stopped the comparison with a traceback (an array of that many months)
    path = tmp_path / "p.yaml"
    path.write_text("id: p\ntitle: T\nkind: individ\nforbund: F\nowner: O\n"
                    "period: {start: 2023-01-01, planned_end: 2023-12-31}\n"
                    "comparison: {months_after: 100000000000000000000, months_before: 0}\n", encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    assert sorted(e.value.in_lang("sv").messages) == [
        "comparison, months_after: står 100000000000000000000; förväntat ett tal som är högst 120",
        "comparison, months_before: står 0; förväntat ett tal som är minst 1"]


# --- a key written twice: YAML keeps the last value silently, the toolkit refuses it at its line -----------------

def test_a_key_written_twice_in_a_goal_is_refused_at_its_second_line(tmp_path):
    text = HEAD + "goals:\n  - id: g\n    kind: participant_count\n    target: 10\n    target: 20\n"
    # lines: 1 id, 2 title, 3 goals, 4 - id, 5 kind, 6 target: 10, 7 target: 20
    (sv,) = _problems(tmp_path, text)
    assert sv == ("rad 7: target står en andra gång (första gången på rad 6); YAML läser bara det sista värdet utan att "
                  "säga det: ta bort raden som inte gäller")
    (en,) = _problems(tmp_path, text, "en")
    assert en.startswith("line 7: target is written a second time (first on line 6)")


def test_a_year_written_twice_in_a_flow_mapping_is_refused(tmp_path):
    (sv,) = _problems(tmp_path, HEAD + "goals:\n  - {id: g, kind: participant_count, targets: {1: 10, 1: 20}}\n")
    assert sv.startswith("rad 4: 1 står en andra gång (första gången på rad 4)")


def test_a_key_written_twice_never_shows_a_personnummer(tmp_path):
    (sv,) = _problems(tmp_path, HEAD + "data:\n  codes:\n    sex: {19850312-1234: man, 19850312-1234: kvinna}\n")
    # (lines: 1 id, 2 title, 3 data, 4 codes, 5 sex)
    assert sv.startswith("rad 5: ") and "1234" not in sv and "850312" not in sv


def test_the_same_key_in_two_goals_is_no_repetition(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + "goals:\n  - {id: a, target: 10}\n  - {id: b, target: 10}\n", encoding="utf-8")
    from evaltools.data.params import read_params_mapping
    assert [g["id"] for g in read_params_mapping(path)["goals"]] == ["a", "b"]
