"""Every message the loader gives about input data, in Swedish and English, in one table.

A message is looked up by its id and filled in with named values::

    >>> from evaltools.messages import message
    >>> message("cell.empty", "en", expected="a date written YYYY-MM-DD")
    'the cell is empty; expected a date written YYYY-MM-DD'

Swedish is the default language; English is the option. The table is plain data (id ->
{language: template}) so that it can be moved into translation catalogs as it is.
"""
from __future__ import annotations

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"

MESSAGES: dict[str, dict[str, str]] = {
    # --- where a problem is -----------------------------------------------------------
    "where.row": {"sv": "rad {row}", "en": "row {row}"},
    "where.column": {"sv": "kolumn '{column}'", "en": "column '{column}'"},
    # the line for a problem given as a free-text expectation (no message id)
    "line.got": {"sv": "står {value}; förväntat: {expected}", "en": "got {value}; expected {expected}"},
    "line.expected": {"sv": "förväntat: {expected}", "en": "expected {expected}"},
    # --- the summary of an error ---------------------------------------------------------
    "error.head": {
        "sv": "{n} problem i {files}. Rätta dem i källfilen och läs in igen; filen har inte ändrats.",
        "en": "{n} problem(s) in {files}. Fix them in the source file and load again; the file was not changed.",
    },
    "error.more_rows": {
        "sv": "… och {n} rad(er) till i {file}, kolumn '{column}' med samma problem",
        "en": "… and {n} more row(s) in {file}, column '{column}' with the same problem",
    },
    "error.rows": {"sv": " (rader {rows})", "en": " (rows {rows})"},
    "note.prefix": {"sv": "anmärkning", "en": "note"},
    # --- files ----------------------------------------------------------------------------
    "file.empty": {"sv": "filen är tom (0 byte); spara den igen med rubrikraden och data",
                   "en": "the file is empty (0 bytes); save it again with its header row and data"},
    "file.type": {"sv": "filtypen '{suffix}' kan inte läsas; förväntat en .csv-, .txt- eller .xlsx-fil "
                        "(spara en .xls-arbetsbok som .xlsx)",
                  "en": "a '{suffix}' file cannot be read; expected a .csv, .txt or .xlsx file "
                        "(save an .xls workbook as .xlsx)"},
    "file.not_xlsx": {"sv": "kan inte öppnas som en Excel-arbetsbok ({reason}); öppna den i Excel och spara som .xlsx",
                      "en": "cannot be opened as an Excel workbook ({reason}); open it in Excel and save it as .xlsx"},
    "file.encoding": {"sv": "kan inte läsas som text (varken UTF-8, UTF-16 eller Windows-1252); spara som 'CSV UTF-8'",
                      "en": "cannot be read as text (neither UTF-8, UTF-16 nor Windows-1252); save it as 'CSV UTF-8'"},
    "file.encoding_note": {
        "sv": "filen är inte sparad som UTF-8 och lästes som {encoding}; kontrollera att å, ä och ö ser rätt ut "
              "(eller spara den som 'CSV UTF-8')",
        "en": "the file is not saved as UTF-8 and was read as {encoding}; check that å, ä and ö look right "
              "(or save it as 'CSV UTF-8')"},
    "sheet.missing": {"sv": "arbetsboken har inget blad {sheet} (blad: {sheets})",
                      "en": "the workbook has no sheet {sheet} (sheets: {sheets})"},
    "rows.none": {"sv": "filen har inga datarader; params-filen anger deltagardata (ta bort data.participants "
                        "för ett projekt utan deltagardata)",
                  "en": "the file has no data rows; the params file declares participant data (remove "
                        "data.participants for a project without participant data)"},
    # --- columns --------------------------------------------------------------------------
    "column.missing": {"sv": "kolumnen '{column}' saknas (kolumner i filen: {found})",
                       "en": "no column named '{column}' (columns found: {found})"},
    "column.duplicate": {"sv": "kolumnen '{column}' finns {n} gånger (kolumn {positions}); behåll en av dem",
                         "en": "the column '{column}' appears {n} times (columns {positions}); keep one of them"},
    "none": {"sv": "inga", "en": "none"},
    # --- cells ----------------------------------------------------------------------------
    "cell.empty": {"sv": "cellen är tom; förväntat {expected}", "en": "the cell is empty; expected {expected}"},
    "cell.bad": {"sv": "står {value}; förväntat {expected}{hint}", "en": "got {value}; expected {expected}{hint}"},
    "cell.formula": {
        "sv": "cellen har formeln {formula} men inget beräknat värde sparat; öppna filen i Excel och spara den igen "
              "(eller klistra in värdena)",
        "en": "the cell holds the formula {formula} but no calculated value was saved with it; open the file in Excel "
              "and save it again (or paste the values)"},
    "row.hidden": {
        "sv": "raden är dold i Excel (dold eller bortfiltrerad) men skulle läsas in som data; visa den och ta bort den "
              "om den inte ska räknas",
        "en": "the row is hidden in Excel (hidden or filtered out) but would be read as data; show it, and delete it "
              "if it should not be counted"},
    # what a column accepts (ColumnSpec.expected)
    "expect.code": {"sv": "en av {codes}", "en": "one of {codes}"},
    "expect.date": {"sv": "ett datum skrivet ÅÅÅÅ-MM-DD", "en": "a date written YYYY-MM-DD"},
    "expect.month": {"sv": "en månad skriven ÅÅÅÅ-MM", "en": "a month written YYYY-MM"},
    "expect.int": {"sv": "ett heltal", "en": "a whole number"},
    "expect.int_range": {"sv": "ett heltal från {min} till {max}", "en": "a whole number from {min} to {max}"},
    "expect.amount": {"sv": "ett tal, 0 eller mer (utan valutatecken; decimalkomma eller -punkt)",
                      "en": "a number of 0 or more (no currency sign; decimal comma or point)"},
    "expect.text": {"sv": "ett värde (cellen får inte vara tom)", "en": "a non-empty value"},
    # hints after a bad value
    "hint.did_you_mean": {"sv": " – menar du '{code}'?", "en": " – did you mean '{code}'?"},
    "hint.label": {"sv": " – det är etiketten; koden är '{code}'", "en": " – that is the label; the code is '{code}'"},
    "hint.serial": {"sv": " – {value} ser ut som ett datumnummer från Excel ({date}): formatera cellen som datum",
                    "en": " – {value} looks like an Excel date serial number ({date}): format the cell as a date"},
    "hint.open_end": {"sv": " – 9999-12-31 brukar betyda 'inget slutdatum': lämna cellen tom så länge personen är inskriven",
                      "en": " – 9999-12-31 often stands for 'no end date': leave the cell empty while the person "
                            "is still enrolled"},
    "hint.year": {"sv": " – året {year} ligger utanför 1900–2100; är det ett skrivfel?",
                  "en": " – the year {year} is outside 1900–2100; is it a typo?"},
    "hint.time": {"sv": " – cellen har också ett klockslag; skriv bara datumet",
                  "en": " – the cell also holds a time of day; write the date only"},
    "hint.nonfinite": {"sv": " – '{value}' är inte ett ändligt tal", "en": " – '{value}' is not a finite number"},
    "hint.negative": {"sv": " – beloppet är negativt", "en": " – the amount is negative"},
    "hint.day_of_month": {"sv": " – en månad skrivs utan dag (ÅÅÅÅ-MM) eller med dag 01",
                          "en": " – a month is written without a day (YYYY-MM) or with day 01"},
    # --- participants ---------------------------------------------------------------------------
    "person.end_before_start": {"sv": "står {value}; förväntat ett slutdatum samma dag som eller efter startdatumet {start}",
                                "en": "got {value}; expected an end date on or after the start date {start}"},
    "person.start_outside": {"sv": "står {value}; förväntat ett startdatum inom projektperioden {lo} – {hi}",
                             "en": "got {value}; expected a start date within the project period {lo} – {hi}"},
    "person.start_after_as_of": {
        "sv": "står {value}; förväntat ett startdatum senast {as_of} (data_as_of, dagen då data togs ut)",
        "en": "got {value}; expected a start date on or before {as_of} (data_as_of, the day the data were extracted)"},
    "person.project_id": {"sv": "står {value}; förväntat projektets id '{id}'", "en": "got {value}; expected the project id '{id}'"},
    "person.no_outcome": {"sv": "cellen är tom; en person med slutdatum behöver ett utfall (skriv 'okänt' om det inte är känt)",
                          "en": "the cell is empty; a person with an end date needs an exit outcome (write 'okänt' if "
                                "it is not known)"},
    "person.no_end": {"sv": "cellen är tom; utfallet är '{outcome}' så ett slutdatum behövs (lämna utfallet tomt så länge "
                            "personen är inskriven)",
                      "en": "the cell is empty; the outcome is '{outcome}', so an end date is needed (leave outcome "
                            "empty while ongoing)"},
    "person.duplicate": {"sv": "samma person och startdatum finns redan på rad {first}; en rad per inskrivning",
                         "en": "the same person and start date is already on row {first}; one row per enrolment"},
    "person.overlap": {
        "sv": "inskrivningen {start} – {end} överlappar samma persons inskrivning på rad {other} ({other_start} – "
              "{other_end}); en person kan inte vara inskriven två gånger samtidigt",
        "en": "the enrolment {start} – {end} overlaps the same person's enrolment on row {other} ({other_start} – "
              "{other_end}); a person cannot be enrolled twice at the same time"},
    "ongoing": {"sv": "pågår", "en": "ongoing"},
    "person.id_number": {
        "sv": "person-id:t är sparat som ett tal i Excel; om id:na hade inledande nollor (007) har de försvunnit: "
              "formatera kolumnen som text och skriv in dem igen",
        "en": "the person id is stored as a number in Excel; if the ids had leading zeros (007) they are lost: "
              "format the column as text and type them again"},
    "person.lost_zeros": {
        "sv": "står {value}, men deltagarfilen har '{match}': de inledande nollorna har försvunnit (Excel gör 007 "
              "till 7); formatera kolumnen som text och skriv in id:na igen",
        "en": "got {value}, but the person file has '{match}': the leading zeros were lost (Excel turns 007 into 7); "
              "format the column as text and type the ids again"},
    "comparison.overlap": {"sv": "jämförelsepersoner som också är deltagare: {ids}; ta bort dem ur jämförelsegruppen",
                           "en": "comparison persons who are also participants: {ids}; remove them from the comparison group"},
    "person.late_end": {"sv": "slutdatum efter analysdatumet {as_of}", "en": "an end date after the analysis date {as_of}"},
    # --- payments -------------------------------------------------------------------------------
    "payment.month_range": {"sv": "står {value}; förväntat en månad mellan {lo} och {hi} (tio år runt projektperioden)",
                            "en": "got {value}; expected a month between {lo} and {hi} (ten years around the project period)"},
    "payment.duplicate": {"sv": "står {value}; en rad per person och månad (summera en månads utbetalningar till en rad)",
                          "en": "got {value}; one row per person and month (sum the payments of a month into one row)"},
    "payment.unknown_person": {"sv": "person-id:t finns inte i deltagarfilen; raden behålls men används inte",
                               "en": "the person id is not in the person file; the row is kept but not used"},
    "payment.unknown_more": {"sv": "{n} rader till med person-id som inte finns i deltagarfilen",
                             "en": "{n} more rows with person ids that are not in the person file"},
    "payment.no_rows": {"sv": "utbetalningsfilen har inga datarader; rapporten görs utan utbetalningsdata",
                        "en": "the payments file has no data rows; the report is made without payment data"},
    "payment.no_rows_comparison": {
        "sv": "jämförelsegruppens utbetalningsfil har inga datarader; en jämförelsegrupp behöver sina utbetalningar "
              "(ta bort data.comparison för ett projekt utan jämförelsegrupp)",
        "en": "the comparison group's payments file has no data rows; a comparison group needs its payments (remove "
              "data.comparison for a project without a comparison group)"},
    "payment.too_small": {
        "sv": "hälften av utbetalningarna är högst {median} kr i månaden, vilket är för lite för försörjningsstöd; är "
              "beloppen i tkr? Skriv i så fall amount_unit: tkr under data i params-filen",
        "en": "half of the payments are {median} kr a month or less, too little for försörjningsstöd; are the amounts "
              "in tkr? Then write amount_unit: tkr under data in the params file"},
    "payment.too_large": {
        "sv": "står {value}; {amount} kr på en månad är mer än försörjningsstöd till ett hushåll brukar vara (över "
              "{limit} kr); kontrollera beloppet och enheten (amount_unit)",
        "en": "got {value}; {amount} kr in one month is more than försörjningsstöd to one household is likely to be "
              "(over {limit} kr); check the amount and the unit (amount_unit)"},
    # --- budget ---------------------------------------------------------------------------------
    "budget.total": {"sv": "står {value}; förväntat summan av raderna, {lines} (period '{period}'); rätta summan eller raderna",
                     "en": "got {value}; expected the sum of its lines, {lines} (period '{period}'); correct the total "
                           "or the lines"},
    "budget.empty_line": {"sv": "budgetraden saknar både budget och utfall och räknas som 0 kr",
                          "en": "the budget line has neither a budget nor an actual amount and counts as 0"},
    "budget.unit_tkr": {
        "sv": "budgeten summerar till {total} kr men granted_sek är {granted} kr, ungefär {factor} gånger mer: tkr eller "
              "kr? Är beloppen i tkr, skriv amount_unit: tkr under data i params-filen",
        "en": "the budget sums to {total} kr but granted_sek is {granted} kr, about {factor} times more: tkr or kr? If "
              "the amounts are in tkr, write amount_unit: tkr under data in the params file"},
    "budget.unit_kr": {
        "sv": "budgeten summerar till {total} kr men granted_sek är {granted} kr, ungefär {factor} gånger mindre: tkr "
              "eller kr? Är beloppen i kr, skriv amount_unit: kr under data i params-filen",
        "en": "the budget sums to {total} kr but granted_sek is {granted} kr, about {factor} times less: tkr or kr? If "
              "the amounts are in kr, write amount_unit: kr under data in the params file"},
    # --- the params file (evaltools.config) --------------------------------------------------
    "params.head": {"sv": "{path}: {n} problem i projektparametrarna:",
                    "en": "{path}: {n} problem(s) in the project parameters:"},
    "params.goal": {"sv": "mål {n}", "en": "goal {n}"},
    "params.partner": {"sv": "samverkanspart {n}", "en": "partner {n}"},
    "params.item": {"sv": "{key} nr {n}", "en": "{key} no. {n}"},
    "params.unknown_near": {
        "sv": "okänd nyckel; menade du '{near}'? (nycklarna finns i docs/data-contract.md)",
        "en": "unknown key; did you mean '{near}'? (the keys are in docs/data-contract.md)"},
    "params.unknown": {
        "sv": "projektparametrarna har ingen sådan inställning (tillåtna här: {keys}); se docs/data-contract.md "
              "för vad som kan anges",
        "en": "the project parameters have no such setting (allowed here: {keys}); see docs/data-contract.md "
              "for what can be given"},
    "params.missing": {"sv": "saknas; den här nyckeln måste anges", "en": "missing; this key is required"},
    "params.choice": {"sv": "står {value}; förväntat ett av: {choices}", "en": "got {value}; expected one of: {choices}"},
    "params.percent": {"sv": "står {value}; en andel skrivs som decimaltal: skriv {fixed}",
                       "en": "got {value}; a share is written as a decimal: write {fixed}"},
    "params.number": {"sv": "står {value}; förväntat ett tal (t.ex. 40 eller 0.8)",
                      "en": "got {value}; expected a number (such as 40 or 0.8)"},
    "params.date": {"sv": "står {value}; förväntat ett datum skrivet ÅÅÅÅ-MM-DD (t.ex. 2024-01-31)",
                    "en": "got {value}; expected a date written YYYY-MM-DD (such as 2024-01-31)"},
    "params.other": {"sv": "{text}", "en": "{text}"},
    "params.kind": {
        "sv": "står {value}; projektslaget är individ (insats med deltagare), struktur (strukturinriktad insats "
              "utan deltagare) eller ansökan (förhandsbedömning av en ansökan)",
        "en": "got {value}; the project kind is individ (participant project), struktur (structural project "
              "without participants) or ansökan (ex-ante check of an application)"},
    "params.kind_participants": {
        "sv": "kind: {kind} har inga deltagardata; ta bort data.participants eller skriv kind: individ",
        "en": "kind: {kind} has no participant data; remove data.participants or write kind: individ"},
    "params.last_intake": {
        "sv": "last_intake {value} ligger utanför projektperioden {start} – {end}",
        "en": "last_intake {value} is outside the project period {start} – {end}"},
    "params.amount_unit": {
        "sv": "står {value}; förväntat kr eller tkr, eller en enhet per fil: {{budget: tkr, payments: kr}}",
        "en": "got {value}; expected kr or tkr, or one unit per file: {{budget: tkr, payments: kr}}"},
    # --- participants after the last intake, budgets per year ------------------------------------
    "person.after_last_intake": {
        "sv": "inskriven {value}, efter sista intagsdatum {last_intake} i params-filen; kontrollera datumet "
              "(deltagaren räknas med)",
        "en": "enrolled {value}, after the last intake {last_intake} in the params file; check the date "
              "(the participant is counted)"},
    "budget.per_year_prorated": {
        "sv": "budgeten anges per år; projektet löper {span}, så årsbeloppen räknas för {years} år: {shares}",
        "en": "the budget is given per year; the project runs {span}, so the yearly amounts are counted for {years} "
              "years: {shares}"},
    "budget.per_year_actual": {
        "sv": "står {value}; en rad per år ('{period}') kan inte ha utfall, eftersom utfallet gäller ett visst år: "
              "skriv utfallet på rader med år 1, år 2, … eller kalenderår",
        "en": "got {value}; a per-year line ('{period}') cannot have an actual amount, as an actual belongs to one "
              "year: write the actuals on lines for år 1, år 2, … or calendar years"},
    "budget.per_year_mixed": {
        "sv": "budgeten blandar rader per år ('{period}') med rader för enskilda perioder ({others}); skriv antingen "
              "alla rader per år eller alla per period, så räknas ingenting två gånger",
        "en": "the budget mixes per-year lines ('{period}') with lines for single periods ({others}); write every "
              "line per year or every line per period, so that nothing is counted twice"},
}


def message(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The message ``key`` in ``lang`` (``"sv"`` or ``"en"``), filled in with ``values``.

    A value that differs by language is given twice, with the language as suffix
    (``expected_sv=..., expected_en=...``); the one for ``lang`` fills ``{expected}``.

    Raises
    ------
    KeyError
        If there is no message ``key``.
    """
    entry = MESSAGES[key]
    filled = dict(values)
    for name, value in values.items():  # a value given per language: expected_sv, expected_en, ...
        base, _, suffix = name.rpartition("_")
        if suffix == lang and base:
            filled[base] = value
    return entry.get(lang, entry[DEFAULT_LANG]).format(**filled)


def quote(value: object) -> str:
    """A cell value as messages show it: in single quotes, shortened if very long."""
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return "'" + text.replace("'", "’") + "'"
