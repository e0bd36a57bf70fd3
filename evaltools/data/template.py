"""The Excel workbook an evaluator fills in: one sheet per data file, built from the data contract.

Every sheet has a title row, one example row and the header row (in that order, so the loader,
which reads from the header down, never reads the example), drop-down lists of the codes,
date-formatted date and month columns and person ids formatted as text (so Excel keeps leading
zeros). The sheet *Koder* lists every code with its Swedish label beside it; the sheet
*Kolumner* explains each column. Both come from :mod:`evaltools.data.schema`, the column definitions
the loader checks against, and the texts of what a column accepts are the loader's own messages.
The questionnaire sheets *responses* and *questions* (:mod:`evaltools.data.survey`) have drop-downs
of the respondent groups and, in *responses*, of the question codes written on *questions*.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from . import schema as S
from . import survey as SV
from .errors import ParamsError, Problem, problem
from .messages import DEFAULT_LANG, message
from .params import _strings, read_params_mapping

TABLES: tuple[S.TableSpec, ...] = (S.PARTICIPANTS, S.PAYMENTS, S.BUDGET_TABLE, SV.RESPONSES, SV.QUESTIONS, *S.REGISTER_TABLES)
TITLE_ROW, EXAMPLE_ROW, HEADER_ROW = 1, 2, 3
FIRST_DATA_ROW = HEADER_ROW + 1
LAST_FORMATTED_ROW = 2000  # rows that get drop-downs (the formats are the whole column's)
CODES_SHEET, COLUMNS_SHEET = "Koder", "Kolumner"  # (in a Swedish workbook; :func:`codes_sheet`, :func:`columns_sheet`)


def codes_sheet(lang: str = DEFAULT_LANG) -> str:
    """The name of the template's sheet of codes in ``lang`` (*Koder*, *Codes*)."""
    return message("cli.workbook_codes_sheet", lang)


def columns_sheet(lang: str = DEFAULT_LANG) -> str:
    """The name of the template's sheet explaining the columns in ``lang`` (*Kolumner*, *Columns*)."""
    return message("cli.workbook_columns_sheet", lang)


# what one row of each data file is, in the template's first row (the catalogs' messages.cli.*)
_TABLE_WORDS = {"participants": "cli.workbook_table_participants", "payments": "cli.workbook_table_payments",
                "budget": "cli.workbook_table_budget", "responses": "cli.workbook_table_responses",
                "questions": "cli.workbook_table_questions", "earnings": "cli.workbook_table_earnings",
                "benefits": "cli.workbook_table_benefits"}

# One plausible row per table, shown above the header.
EXAMPLES: dict[str, dict[str, object]] = {
    "participants": {
        S.PERSON_ID: S.TEMPLATE_EXAMPLE_ID, S.SEX: "kvinna", S.BIRTH_YEAR: 1985, S.HOUSEHOLD_TYPE: "ensamstående_med_barn",
        S.N_CHILDREN: 2, S.START_DATE: dt.date(2025, 3, 3), S.END_DATE: dt.date(2025, 9, 30), S.OUTCOME: "arbete",
        S.SUPPORT_START: "försörjningsstöd", S.SUPPORT_EXIT: "lön", S.ACTION_PLAN: "ja", S.SGI_STATUS: "nollklassad",
        S.EDUCATION: "gymnasial", S.MONTHS_ON_SUPPORT_BEFORE: 26, S.OCCUPATION_BEFORE: "ingen",
        S.OCCUPATION_AFTER: "förvärvsarbete", S.EXTENT_BEFORE_PCT: 0, S.EXTENT_AFTER_PCT: 75, S.HOUSEHOLD_ID: "H001",
    },
    "payments": {S.PERSON_ID: S.TEMPLATE_EXAMPLE_ID, S.MONTH: dt.date(2025, 3, 1), S.AMOUNT: 9150, S.HOUSEHOLD_ID: "H001"},
    "earnings": {S.PERSON_ID: S.TEMPLATE_EXAMPLE_ID, S.MONTH: dt.date(2025, 10, 1), S.AMOUNT: 14200},
    "benefits": {S.PERSON_ID: S.TEMPLATE_EXAMPLE_ID, S.MONTH: dt.date(2025, 4, 1), S.KIND: "aktivitetsstöd", S.AMOUNT: 5800},
    "budget": {S.PERIOD: "år 1", S.CATEGORY: "Lön", S.BUDGET: 650000, S.ACTUAL: 612500, S.FUNDER: "förbund"},
    "responses": {SV.RESPONDENT_ID: S.TEMPLATE_EXAMPLE_ID, SV.RESPONDENT_GROUP: "deltagare_start", SV.DATE: dt.date(2025, 3, 3),
                  SV.QUESTION: "F1", SV.ANSWER: 2},
    "questions": {SV.CODE: "F1", SV.WORDING_SV: "Jag ser ljust på min framtid", SV.WORDING_EN: "I am hopeful about my future",
                  SV.SCALE_MIN: 1, SV.SCALE_MAX: 5,
                  SV.LABELS_SV: "Instämmer inte alls|Instämmer delvis inte|Varken eller|Instämmer delvis|Instämmer helt",
                  SV.LABELS_EN: "Strongly disagree|Disagree|Neither|Agree|Strongly agree", SV.POSITIVE: "hög"},
}
# a column whose drop-down lists the codes another sheet holds: the responses' question codes
# are the questions sheet's codes
LISTS_FROM_SHEET: dict[tuple[str, str], tuple[str, str]] = {
    ("responses", SV.QUESTION): ("questions", SV.CODE),
}

_BOLD = Font(bold=True)
_EXAMPLE = Font(italic=True, color="595959")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_FORMATS = {"date": "yyyy-mm-dd", "month": "yyyy-mm", "id": "@", "text": "@", "amount": "#,##0", "int": "0"}


def _code_ranges(wb: Workbook, lang: str) -> dict[tuple[str, ...], str]:
    """Write every vocabulary to the codes sheet (code, its label in ``lang``); return vocab -> range formula."""
    ws = wb.create_sheet(codes_sheet(lang))
    ranges: dict[tuple[str, ...], str] = {}
    col = 1
    for spec in TABLES:
        for c in spec.columns:
            if c.kind != "code" or c.vocab in ranges:
                continue
            users = sorted({x.name for t in TABLES for x in t.columns if x.vocab == c.vocab})
            code_col, label_col = get_column_letter(col), get_column_letter(col + 1)
            ws.cell(1, col, message("cli.workbook_code_head", lang, tables=", ".join(users))).font = _BOLD
            ws.cell(1, col + 1, message("cli.workbook_code_means", lang)).font = _BOLD
            labels = [(code, sv if lang == "sv" else en) for code, sv, en in c.labels]
            for r, (code, label) in enumerate(labels, 2):
                ws.cell(r, col, code)
                ws.cell(r, col + 1, label)
            ws.column_dimensions[code_col].width = max(len(ws.cell(1, col).value), *(len(x[0]) for x in labels)) + 2
            ws.column_dimensions[label_col].width = max(len(x[1]) for x in labels) + 2
            ranges[c.vocab] = f"{quote_sheetname(codes_sheet(lang))}!${code_col}$2:${code_col}${len(c.labels) + 1}"
            col += 3
    return ranges


def _data_sheet(wb: Workbook, spec: S.TableSpec, ranges: dict[tuple[str, ...], str], lang: str) -> None:
    ws = wb.create_sheet(spec.name)  # (the data file's own name, which the loader reads in either language)
    what = message(_TABLE_WORDS[spec.name], lang) if spec.name in _TABLE_WORDS else spec.description_sv
    ws.cell(TITLE_ROW, 1, message("cli.workbook_title", lang, what=what, example=EXAMPLE_ROW, first=FIRST_DATA_ROW,
                                  columns=columns_sheet(lang), codes=codes_sheet(lang))).font = _BOLD
    example = EXAMPLES.get(spec.name, {})
    last = f"{LAST_FORMATTED_ROW}"
    for j, c in enumerate(spec.columns, 1):
        letter = get_column_letter(j)
        head = ws.cell(HEADER_ROW, j, c.name)
        head.font, head.fill = _BOLD, _HEADER_FILL
        value = example.get(c.name)
        cell = ws.cell(EXAMPLE_ROW, j, value)
        cell.font = _EXAMPLE
        cell.number_format = _FORMATS.get(c.kind, "General")
        # the column's format, as Excel stores a format given to a whole column: a cell typed or pasted
        # into it takes it (a date as a date, an id as text), and the sheet holds no formatted empty
        # cells (2 000 of them in each column made a filled template take seconds to read)
        ws.column_dimensions[letter].number_format = _FORMATS.get(c.kind, "General")
        area = f"{letter}{FIRST_DATA_ROW}:{letter}{last}"
        other = LISTS_FROM_SHEET.get((spec.name, c.name))
        if other is not None:
            sheet, column = other
            letter_there = get_column_letter(next(i for i, x in enumerate(_spec(sheet).columns, 1) if x.name == column))
            dv = DataValidation(type="list", allow_blank=True, showErrorMessage=True,
                                errorTitle=message("cli.workbook_unknown_code", lang),
                                formula1=(f"{quote_sheetname(sheet)}!${letter_there}${FIRST_DATA_ROW}:"
                                          f"${letter_there}${LAST_FORMATTED_ROW}"),
                                error=message("cli.workbook_code_from_sheet", lang, sheet=sheet), promptTitle=c.name[:32],
                                prompt=(c.describe(lang) or c.expected(lang))[:250], showInputMessage=True)
        elif c.kind == "code":
            dv = DataValidation(type="list", formula1=ranges[c.vocab], allow_blank=True, showErrorMessage=True,
                                errorTitle=message("cli.workbook_unknown_code", lang),
                                error=message("cli.workbook_code_from_list", lang, sheet=codes_sheet(lang)),
                                promptTitle=c.name[:32], prompt=(c.describe(lang) or c.expected(lang))[:250],
                                showInputMessage=True)
        elif c.kind == "int" and c.min is not None and c.max is not None:
            dv = DataValidation(type="whole", operator="between", formula1=f"{c.min:g}", formula2=f"{c.max:g}",
                                allow_blank=True, showErrorMessage=True,
                                errorTitle=message("cli.workbook_bad_number", lang), error=c.expected(lang)[:250])
        elif c.kind in ("date", "month"):
            dv = DataValidation(type="date", operator="between", formula1="1", formula2="73415", allow_blank=True,
                                showErrorMessage=True, errorTitle=message("cli.workbook_bad_date", lang),
                                error=c.expected(lang)[:250])
        else:
            dv = None
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(area)
        ws.column_dimensions[letter].width = max(len(c.name), 12) + 2
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 1)


def _spec(name: str) -> S.TableSpec:
    return next(t for t in TABLES if t.name == name)


def _columns_sheet(wb: Workbook, lang: str) -> None:
    ws = wb.create_sheet(columns_sheet(lang))
    # (whether the column must be there and whether its cells may be empty are two questions: 'obligatorisk'
    # beside 'får vara tom', both 'ja' for an end date, read as a contradiction)
    head = tuple(message(key, lang) for key in ("cli.workbook_head_sheet", "cli.workbook_head_column",
                                                "cli.workbook_head_required", "cli.workbook_head_may_be_empty",
                                                "cli.workbook_head_accepts", "cli.workbook_head_meaning",
                                                "cli.workbook_head_codes"))
    yes, no = message("cli.workbook_yes", lang), message("cli.workbook_no", lang)
    for j, h in enumerate(head, 1):
        ws.cell(1, j, h).font = _BOLD
        ws.cell(1, j).alignment = Alignment(wrap_text=True, vertical="top")
    r = 2
    for spec in TABLES:
        for c in spec.columns:
            codes = "; ".join(f"{code} = {sv if lang == 'sv' else en}" for code, sv, en in c.labels)
            row = (spec.name, c.name, yes if c.required else no,
                   yes if (c.nullable or c.default is not None) else no, c.expected(lang), c.describe(lang), codes)
            for j, v in enumerate(row, 1):
                ws.cell(r, j, v).alignment = Alignment(wrap_text=True, vertical="top")
            r += 1
    for letter, width in zip("ABCDEFG", (14, 26, 14, 14, 40, 50, 60)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"


def write_template(path: str | Path, lang: str = DEFAULT_LANG) -> Path:
    """Write the Excel template: a sheet per data file, the codes and the column explanations.

    Parameters
    ----------
    path
        Where to write the .xlsx file (its folder must exist).
    lang
        The language of its words (``"sv"`` or ``"en"``): the first row of each sheet, the sheets of codes and
        columns, the codes' labels and the drop-downs' prompts. The data sheets and their headings are the data
        files' own names in both, which the loader reads (and it reads the Swedish sheet names too).

    Returns
    -------
    Path
        ``path``.
    """
    wb = Workbook()
    wb.remove(wb.active)
    ranges = _code_ranges(wb, lang)
    for spec in TABLES:
        _data_sheet(wb, spec, ranges, lang)
    _columns_sheet(wb, lang)
    wb.move_sheet(codes_sheet(lang), offset=len(wb.sheetnames))  # data sheets first, then Koder, Kolumner
    wb.move_sheet(columns_sheet(lang), offset=len(wb.sheetnames))
    wb.active = 0
    path = Path(path)
    wb.save(path)
    return path


# --- the params file that `evaltools new` writes ---------------------------------------------------
PLACEHOLDER = "FYLL I"  # how every value the evaluator must give starts in a new params file


def placeholders(mapping: dict) -> list[tuple[str, str]]:
    """``(place, value)`` of every value in a parsed params file that is still a placeholder written
    by ``evaltools new`` (it starts with :data:`PLACEHOLDER`), e.g. ``("forbund", "FYLL I ...")``."""
    return [(place, value) for place, value in _strings(mapping)
            if not place.endswith("(the key)") and value.strip().upper().startswith(PLACEHOLDER)]


def with_placeholders(error: ParamsError, path: Path) -> ParamsError:
    """``error``, a refusal of the params file at ``path``, with a line for each placeholder of ``evaltools new`` still
    in the file that it does not name (a placeholder title passes the params check, a placeholder date does not),
    counted in its first line: every value left to fill in is listed at once, by validate and by render alike."""
    from .messages import quote  # (only where a params file is refused)
    extra = [p for p in placeholder_problems(path) if quote(p.value) not in str(error)]
    if not extra:
        return error
    return ParamsError(error.path, error.lines + [{"sv": p.note("sv"), "en": p.note("en")} for p in extra],
                       error.lang, error.arguments)


def placeholder_problems(path: Path) -> list[Problem]:
    """Each placeholder still in the params file at ``path`` as a problem of that file, worded in
    both languages (:func:`evaltools.data.errors.problem`); none for a file that cannot be read."""
    try:
        mapping = read_params_mapping(path)
    except Exception:  # noqa: BLE001 - a file that cannot be read is reported by load_params itself
        return []
    if not isinstance(mapping, dict):
        return []
    return [problem(Path(path).name, None, None, value, "placeholder", field=place)
            for place, value in placeholders(mapping)]
