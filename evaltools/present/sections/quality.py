"""Data quality (in the appendix): what the loader flagged, and the reference values that are estimated or uncertain."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ...data import schema as S
from ..display import Table, Text
from .budget import per_year_note
from .contents import applies
from ...data.errors import problems_frame
from ...data.privacy import hides
from ...analysis.disclosure import Secondary
from ...data.validation import enrolment_counts
from ...words.labels import code_label, t
from ...words.formats import capitalized, fmt_date, fmt_int, fmt_num, number_word

UNCERTAIN = ("L", "EST", "FALLBACK")


def re_enrolled_sentence(r) -> str | None:
    """What the report counts when persons left and came back (a row per enrolment): each person is one
    participant, each enrolment's exit and outcome counts. The number of enrolments is said only where those
    enrolled more than once are at least the small-count limit; fewer are "some" (the difference would tell
    how many came back). None when no person has more than one enrolment."""
    if not r.project.has_participants:
        return None
    counts = enrolment_counts(r.project.participants)
    if not counts.by_enrolment:  # (the one rule page 1 words its ended by)
        return None
    k = r.params.privacy.min_count
    if hides(counts.returned, k):
        return r.msg("summary.re_enrolled_few", k=str(k))
    return r.msg("summary.re_enrolled", persons=fmt_int(counts.persons, r.lang),
                 enrolments=fmt_int(counts.enrolments, r.lang), returned=fmt_int(counts.returned, r.lang))


def open_after_end(r, prefix: str = "summary") -> list[str]:
    """In a project that had ended by its data's day, the enrolments still without an end date: not said to be
    "still enrolled" but to lack an end date, and not counted as ended. Under the differencing rule page 1
    says that their number is not reported (whether or not there are any, so that the sentence tells
    nothing); the data-quality note (``prefix="quality"``) is then left out. Empty where none is open."""
    p, dis, k = r.params, r.disclosure, r.params.privacy.min_count
    n_on = int(r.project.participants[S.ONGOING].sum())
    end = fmt_date(p.period.end)
    if dis.hides(Secondary.ONGOING):
        return [r.msg("summary.open_after_end_withheld", k=str(k), end=end)] if prefix == "summary" else []
    if not n_on:
        return []
    page_one = prefix == "summary"
    # (beside the participants and the number ended, which give it by difference: said as it is, however small)
    return [r.plural("summary.open_after_end" if page_one else "quality.open_after_end", n_on,
                     n=fmt_int(n_on, r.lang), end=end)]


def warning_text(r, code: str, message: str) -> str:
    """A loader warning in the report's words; the loader's own message (in the report's language)
    where the catalog has none."""
    key = "quality.warning." + str(code)
    if key == "quality.warning.comparison_too_few":
        return r.msg(key, k=str(r.params.privacy.min_count))
    if code == "re_enrolled":
        return re_enrolled_sentence(r) or message
    return r.msg(key) if key in r.words else message


# columns whose values in a data-quality note would describe one person
PERSONAL = (S.PERSON_ID, "respondent_id", S.HOUSEHOLD_ID, S.START_DATE, S.END_DATE, S.MONTH, S.BIRTH_YEAR, S.AGE, S.AMOUNT)


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and pd.isna(v))


def table(r) -> pd.DataFrame:
    """What the loader flagged, as the report shows it: file, row, column, value and a note.

    Values that describe a person — ids, dates, birth year, age and amounts — are not printed: a date of one
    person's enrolment in a published report is a fact about that person. The file and row find
    them for the evaluator.
    """
    msg, w = r.msg, problems_frame(r.project.warnings, r.lang)
    ids = PERSONAL
    return pd.DataFrame({msg("quality.file"): [Path(f).name for f in w["file"]],
                         msg("quality.row"): [("–" if pd.isna(x) else str(int(x))) for x in w["row"]],
                         msg("quality.column"): ["–" if _missing(c) else c for c in w["column"]],
                         msg("common.value"): [msg("quality.not_shown") if c in ids else "–" if _missing(v) else v
                                               for c, v in zip(w["column"], w["value"])],
                         msg("quality.note"): [warning_text(r, c, m) for c, m in zip(w["code"], w["message"])]})


def report_table(r) -> pd.DataFrame:
    """What the loader flagged, as the report's appendix shows it: each note, after the name of the budget
    line it concerns (never a value describing a person); enrolments after the last intake date in one
    note. Where in which file it is (file, row, column) is for the evaluator, who gets it from
    ``evaltools validate`` and :func:`table`, not for the board; the files read as Windows-1252 in one
    note, since the board cannot tell one "the file" from another. A yearly budget's shares per project
    year are left to the note under the budget table (:func:`evaltools.present.sections.budget.per_year_note`),
    which says them once."""
    msg, w = r.msg, problems_frame(r.project.warnings, r.lang)
    notes = []
    if (w["code"] == "open_after_end").any():  # in the report's words, under the small-count and differencing rules
        notes += open_after_end(r, "quality")
        w = w[w["code"] != "open_after_end"]
    late = int((w["code"] == "after_last_intake").sum())
    if late and r.params.last_intake is not None:  # one note for them all, without the evaluator's to-do
        date = r.params.last_intake.isoformat()  # (a count of persons under the small-count rule: "färre än 5")
        notes.append(r.msg("quality.after_last_intake_few", k=str(r.k), date=date) if hides(late, r.k)
                     else capitalized(r.plural("quality.after_last_intake", late, n=number_word(late, r.lang), date=date)))
        w = w[w["code"] != "after_last_intake"]
    for problem in r.project.warnings:  # those who began in a pre-study: how many under the small-count rule, no rows
        if problem.code == "start_in_prestudy":
            v = dict(problem.values)
            n, first, last = int(v["n"]), fmt_date(str(v["first"])), fmt_date(str(v["last"]))
            notes.append(r.msg("quality.prestudy_starts_few", k=str(r.k), first=first, last=last) if hides(n, r.k)
                         else r.plural("quality.prestudy_starts", n, n=number_word(n, r.lang), first=first,
                                       last=last))
    w = w[w["code"] != "start_in_prestudy"]
    ends = int((w["code"] == "late_end").sum())
    if ends > 1:  # one note for them all: the same sentence once per person's row says nothing more
        notes.append(capitalized(r.plural("quality.late_end", ends, n=number_word(ends, r.lang, neuter=True))))
        w = w[w["code"] != "late_end"]
    for problem in r.project.warnings:  # a case system's texts read as codes, in the report's words and labels
        if problem.code == "codes_translated":
            notes.append(codes_translated(r, dict(problem.values)))
    # (a data.codes entry that translated nothing is the evaluator's to tidy in the params file: nothing the board
    # reads was counted otherwise, so `evaltools validate` and the workbook name it, the report does not)
    w = w[~w["code"].isin(["codes_translated", "codes_unused"])]
    for problem in r.project.warnings:  # persons without payments, without the params file's key or its to-do
        if problem.code in COVERAGE:
            notes.append(coverage_sentence(r, problem.code, dict(problem.values), problem.key))
    w = w[~w["code"].isin(list(COVERAGE))]
    if applies(r.kind, "budget") and per_year_note(r):  # (a yearly budget's shares: said under the budget table)
        w = w[w["code"] != "budget_per_year"]
    # one note for every file so read, without the evaluator's to-do
    for code, key in (("encoding", "quality.encoding"), ("encoding_old", "quality.encoding_old")):
        if (w["code"] == code).any():
            notes.append(msg(key))
            w = w[w["code"] != code]
    for c, v, code, m in zip(w["column"], w["value"], w["code"], w["message"]):
        note = warning_text(r, code, m)
        shown = c == S.CATEGORY and not _missing(v) and str(v) != ""  # (the budget line's name)
        notes.append(msg("quality.item", value=str(v), note=note) if shown else note)
    # (a note of the loader's starts in lower case and ends without a full stop, as it follows a file and row in
    # `evaltools validate`; in the report's table each is a sentence of its own)
    return pd.DataFrame({msg("quality.note"): [sentence(n) for n in notes]})


def sentence(note: str) -> str:
    """A note as a sentence of its own: capitalized, ending in a full stop unless it ends in one already
    (or in a question or exclamation mark, or a closing bracket or quote after one)."""
    text = capitalized(note.strip())
    return text if not text or text.rstrip(")”\"'’»").endswith((".", "!", "?", ":", "…")) else text + "."


# the loader's notes on persons with no row in a payments file (evaltools.data.validation.coverage_note), each with
# the report's sentence giving how many and the one saying "some"
COVERAGE = {
    "payment_covered_zero": ("quality.coverage.covered_zero", "quality.coverage.covered_zero_few"),
    "payment_not_covered": ("quality.coverage.not_covered", "quality.coverage.not_covered_few"),
    "payment_covered_zero_comparison": ("quality.coverage.covered_zero_comparison",
                                        "quality.coverage.covered_zero_comparison_few"),
    "payment_not_covered_comparison": ("quality.coverage.not_covered_comparison",
                                       "quality.coverage.not_covered_comparison_few"),
}


def coverage_sentence(r, code: str, values: dict, key: str = "") -> str:
    """The note that some persons have no row in a payments file, as the board reads it: counted as 0 kr a month
    (the file covers everyone, as the evaluator said) or left out of the analyses of försörjningsstöd, never the
    params file's key nor the line the evaluator is to write there. How many is said where neither those without
    rows nor those with them are fewer than the small-count limit; otherwise "some" (the other would tell). Those
    left out are said to be missing from the analyses the project has: the comparison only where it has a
    comparison group."""
    n, total, k = int(values["n"]), int(values["total"]), r.params.privacy.min_count
    counted, some = COVERAGE[code]
    # the analyses those left out are missing from: the comparison only where the project has a comparison group
    left_out = ({"analyses": r.msg("quality.coverage_analyses_comparison" if r.project.comparison is not None
                                   else "quality.coverage_analyses")}
                if code == "payment_not_covered" else {})
    # participants on another support at start (sickness benefit, activity compensation) never had försörjningsstöd:
    # no row is expected of them, so they are not said to be missing; only the others are
    if key in ("payment.not_covered_other_support", "payment.not_covered_other_support_one"):
        if hides(n, k) or hides(total - n, k):  # "some": neither count is said where either would tell a few
            return r.msg("quality.coverage_other_support_few")
        return r.msg("quality.coverage_other_support", n=fmt_int(n, r.lang), total=fmt_int(total, r.lang))
    if key == "payment.not_covered_some_other_support":
        other, rest = int(values["other"]), int(values["rest"])
        if hides(other, k) or hides(rest, k) or hides(total - n, k):
            return r.msg("quality.coverage_some_other_support_few", **left_out)
        return r.msg("quality.coverage_some_other_support", rest=fmt_int(rest, r.lang), total=fmt_int(total, r.lang),
                     other=fmt_int(other, r.lang), **left_out)
    if hides(n, k) or hides(total - n, k):
        return r.msg(some, **left_out)
    return r.msg(counted, n=fmt_int(n, r.lang), total=fmt_int(total, r.lang), **left_out)


def codes_translated(r, values: dict) -> str:
    """The note that a code column was read through the params file's ``data.codes``: each text as the file
    has it, with the label of its code in the report's language ('Fått anställning' som Arbete), never the
    code itself or the params file's keys."""
    column = str(values["column"])
    pairs = [pair.rsplit(" → ", 1) for pair in str(values["pairs"]).split("; ")]
    read = ", ".join(r.msg("quality.codes_pair", text=text, label=code_label(column, code, r.lang))
                     for text, code in pairs)
    return r.msg("quality.codes_translated", column=t(column, r.lang), pairs=read)


def flagged_references(refs: pd.DataFrame) -> pd.DataFrame:
    """Reference values that are estimated, uncertain or carry a note."""
    return refs[(refs["confidence"].isin(UNCERTAIN)) | (refs["note"] != "")] if len(refs) else refs


def blocks(r) -> list[list]:
    lang, msg = r.lang, r.msg
    w = r.project.data_quality
    w = w[w["code"] != "codes_unused"]  # (the evaluator's, not the board's: see report_table)
    # (a note said where it belongs, the yearly budget's shares under the budget table, leaves no empty table here)
    notes = None if w.empty else report_table(r)
    out = [[Text([msg("quality.no_problems")] if notes is None or notes.empty else [], msg("quality.heading"), 3)]]
    if notes is not None and not notes.empty:
        out.append([Table(notes)])
    flagged = flagged_references(r.cba.reference_values)
    if len(flagged):
        flagged = flagged.sort_values("year", kind="stable")  # (year by year; within a year as the analysis listed them)
        rows = flagged.to_dict("records")
        frame = pd.DataFrame({msg("quality.year"): flagged["year"],
                              msg("quality.what"): [reference_name(r, row) for row in rows],
                              msg("common.value"): [fmt_num(v, 2 if v < 1000 else 0, lang) for v in flagged["value"]],
                              msg("quality.confidence"): [confidence_words(r, c) for c in flagged["confidence"]],
                              msg("quality.source"): [reference_source(r, row) for row in rows]})
        # (its values are figures: set to the right, as in every other table)
        out.append([Text([msg("quality.references")]), Table(frame, numeric=(msg("common.value"),))])
    return out


RIKSNORM_PARTS = ("adult_single", "adult_couple", "child", "shared")
LEVELS = ("H", "M", "L", "EST", "FALLBACK", "params")


def reference_name(r, row: dict) -> str:
    """Which reference value a row is, in the report's words ("Riksnormen, barn 7–10 år"); "–" when unknown."""
    what = str(row.get("what") or "")
    if what == "kpi":
        return r.msg("quality.what_kpi")
    kind, _, rest = what.partition(":")
    part, _, band = rest.partition(":")
    if kind == "riksnorm" and part in RIKSNORM_PARTS:
        key = {"adult_single": "quality.what_riksnorm.adult_single", "adult_couple": "quality.what_riksnorm.adult_couple",
               "child": "quality.what_riksnorm.child", "shared": "quality.what_riksnorm.shared"}[part]
        band = re.sub(r"(\d)\s*-\s*(\d)", "\\1–\\2", band)  # (an age band as a range is written with a dash: 7–10)
        return r.msg(key, band=band) if part in ("child", "shared") else r.msg(key)
    return "–"


def confidence_words(r, code: str) -> str:
    """A reference value's confidence mark (H, M, L, EST, FALLBACK, params) as words, never the code."""
    keys = {"H": "quality.level.H", "M": "quality.level.M", "L": "quality.level.L", "EST": "quality.level.EST",
            "FALLBACK": "quality.level.FALLBACK", "params": "quality.level.params"}
    return r.msg(keys[code]) if code in keys else str(code)


def reference_source(r, row: dict) -> str:
    """Where a reference value comes from, in the report's language where the reference data has the
    words (``source_en``), and why another year's value stands in for it.

    A stand-in says one derivation, in the order it was made: first how this year's value was made from
    another year's, then where that year's value comes from (an estimate of the toolkit's own: how it was
    estimated), never the other year's source before it, which reads as this value's own."""
    src = str(row.get("source_en") or "") if r.lang == "en" else ""
    src = src or str(row.get("source") or "")
    base = int(row.get("fallback_from") or 0)
    if base:
        key = "quality.fallback_kpi" if row.get("what") == "kpi" else "quality.fallback_riksnorm"
        said = r.msg(key, year=str(row["year"]), base=str(base))
        if not src:
            return said
        how = re.sub(r"^(Uppskattning|Estimate)\s*:\s*", "", src).rstrip(".")
        if row.get("base_confidence") == "EST" and how != src.rstrip("."):
            return f"{said} {r.msg('quality.fallback_base_estimated', base=str(base), how=how)}"
        return f"{said} {r.msg('quality.fallback_base_source', base=str(base), source=src.rstrip('.'))}"
    return f"{src} {row.get('note') or ''}".strip()
