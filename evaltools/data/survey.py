"""Questionnaires: the responses file and the questions file of the data contract.

Both files are optional (``data.responses`` and ``data.questions`` in params); a project without
them is loaded as before. They are read and checked with the same machinery and messages as every
other file (:mod:`evaltools.data.reading`, :mod:`evaltools.data.validation`): a personnummer in any
cell refuses the file, every problem is named by file, row, column and value.

* **responses**: one row per answer. ``respondent_id`` (pseudonymous, optional: an anonymous
  survey leaves it empty; needed to pair a person's answers at start and at exit),
  ``respondent_group`` (a code of :data:`RESPONDENT_GROUPS`), ``date``, ``question`` (a code of the
  questions file) and ``answer``: a whole number on the question's scale, ``vet ej`` (don't know)
  or empty (no answer). "Don't know" and "no answer" are kept apart from each other and from the
  scale. An answer to a free-text question (a question without a scale) is never kept: only the
  fact that it was answered is.
* **questions**: one row per question. ``code``, ``wording_sv``, ``wording_en``, ``scale_min``
  and ``scale_max`` (empty for a free-text question), ``labels_sv`` and ``labels_en`` (one label per
  step, separated by ``|``) and ``positive``: which end of the scale is the good one (``hög`` or
  ``låg``).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema as S
from .errors import Problem, problem
from .messages import message
from .params import _CHANGE_IN_PERSON, ProjectParams, read_label
from .reading import RawTable
from .validation import _other_words, _read, _validate, empty_table, lost_zeros_problems

# --- column names -----------------------------------------------------------------------------
RESPONDENT_ID = "respondent_id"
RESPONDENT_GROUP = "respondent_group"
DATE = "date"
QUESTION = "question"
ANSWER = "answer"

CODE = "code"
WORDING_SV = "wording_sv"
WORDING_EN = "wording_en"
SCALE_MIN = "scale_min"
SCALE_MAX = "scale_max"
LABELS_SV = "labels_sv"
LABELS_EN = "labels_en"
POSITIVE = "positive"

# derived columns of the loaded responses (never read from the file)
DONT_KNOW = "dont_know"  # the answer was "vet ej"
MISSING = "missing"  # the answer cell was empty
FREE_TEXT = "free_text"  # a free-text question was answered (its words are not kept)

# a survey tool's option beside the scale that takes no position ('Ingen åsikt'): no step, nor a question left
# unanswered; refused with 'vet ej' to write, which is counted and shown as such
NO_OPINION = frozenset({"ingen åsikt", "ingen uppfattning", "har ingen åsikt", "har ingen uppfattning", "kan ej svara",
                        "kan inte svara", "ej aktuellt", "inte aktuellt", "no opinion", "not applicable", "n/a"})
DONT_KNOW_SPELLINGS = ("vet ej", "vet_ej", "vet inte", "vetej", "don't know", "dont know", "don’t know")
LABEL_SEPARATOR = "|"

# --- vocabularies -----------------------------------------------------------------------------
RESPONDENT_GROUPS: dict[str, tuple[str, str]] = {
    "deltagare_start": ("Deltagare vid start", "Participants at start"),
    "deltagare_avslut": ("Deltagare vid avslut", "Participants at exit"),
    "personal": ("Personal", "Staff"),
    "styrelse": ("Styrelse", "Board members"),
    "chefer": ("Chefer", "Managers"),
    "remittenter": ("Remittenter", "Referrers"),
}

POSITIVE_ENDS: dict[str, tuple[str, str]] = {
    "hög": ("Ett högt svar är positivt", "A high answer is positive"),
    "låg": ("Ett lågt svar är positivt", "A low answer is positive"),
}

MAX_SCALE_STEPS = 11  # 0–10 is the longest scale a questionnaire uses


def _labels(vocab: dict[str, tuple[str, str]]) -> tuple[tuple[str, str, str], ...]:
    return tuple((code, sv, en) for code, (sv, en) in vocab.items())


RESPONSES = S.TableSpec(
    "responses",
    (
        S.ColumnSpec(RESPONDENT_ID, "id", required=False, nullable=True,
                     description="Pseudonymous respondent id (never a personnummer); empty in an anonymous survey.",
                     description_sv="Den svarandes kod, t.ex. P017 (aldrig personnummer eller namn); tom i en "
                                    "anonym enkät. Behövs för att jämföra samma persons svar vid start och avslut."),
        S.ColumnSpec(RESPONDENT_GROUP, "code", vocab=tuple(RESPONDENT_GROUPS), labels=_labels(RESPONDENT_GROUPS),
                     description_sv="Vilken grupp den svarande hör till.", description="The group the respondent belongs to."),
        S.ColumnSpec(DATE, "date", description_sv="Dag då enkäten besvarades.", description="Day the questionnaire was answered."),
        S.ColumnSpec(QUESTION, "text", description="The question's code, as in the questions file.",
                     description_sv="Frågans kod, som på bladet questions."),
        S.ColumnSpec(ANSWER, "text", nullable=True,
                     description="A whole number on the question's scale, 'vet ej', or empty for no answer.",
                     description_sv="Ett heltal på frågans skala, 'vet ej', eller tomt om frågan inte besvarades."),
    ),
    description_sv="En rad per svar på en enkätfråga.",
)

QUESTIONS = S.TableSpec(
    "questions",
    (
        S.ColumnSpec(CODE, "text", description="The question's code, used in the responses file.",
                     description_sv="Frågans kod, t.ex. F1; samma kod står i svarsfilen."),
        S.ColumnSpec(WORDING_SV, "text", description_sv="Frågan som den ställdes, på svenska.", description="The question as it was asked, in Swedish."),
        S.ColumnSpec(WORDING_EN, "text", required=False, nullable=True,
                     description_sv="Frågan på engelska (för en engelsk rapport).", description="The question in English (for an English report)."),
        S.ColumnSpec(SCALE_MIN, "int", required=False, nullable=True, min=0, max=10,
                     description="Lowest answer on the scale; empty for a free-text question.",
                     description_sv="Skalans lägsta svar, t.ex. 1; tom för en fritextfråga."),
        S.ColumnSpec(SCALE_MAX, "int", required=False, nullable=True, min=1, max=10,
                     description="Highest answer on the scale; empty for a free-text question.",
                     description_sv="Skalans högsta svar, t.ex. 5; tom för en fritextfråga."),
        S.ColumnSpec(LABELS_SV, "text", required=False, nullable=True,
                     description="One label per step from the lowest, separated by |.",
                     description_sv="En etikett per steg från det lägsta, åtskilda med |, t.ex. "
                                    "'Instämmer inte alls|Instämmer delvis inte|Varken eller|Instämmer delvis|"
                                    "Instämmer helt'."),
        S.ColumnSpec(LABELS_EN, "text", required=False, nullable=True,
                     description_sv="Etiketterna på engelska, åtskilda med |.", description="The labels in English, separated by |."),
        S.ColumnSpec(POSITIVE, "code", required=False, vocab=tuple(POSITIVE_ENDS), labels=_labels(POSITIVE_ENDS),
                     default="hög", description_sv="Vilken ände av skalan som är positiv.", description="Which end of the scale is positive."),
    ),
    person_level=False,
    description_sv="En rad per enkätfråga.",
)


@dataclass(frozen=True)
class Question:
    """One question of the questions file."""

    code: str
    wording_sv: str
    wording_en: str
    scale_min: int | None
    scale_max: int | None
    labels_sv: tuple[str, ...]
    labels_en: tuple[str, ...]
    positive: str = "hög"

    @property
    def free_text(self) -> bool:
        """A question without a scale: its answers are never published."""
        return self.scale_min is None

    @property
    def steps(self) -> tuple[int, ...]:
        """The scale's answers, lowest first (empty for a free-text question)."""
        if self.scale_min is None or self.scale_max is None:
            return ()
        return tuple(range(self.scale_min, self.scale_max + 1))

    def wording(self, lang: str) -> str:
        return self.wording_en if lang == "en" and self.wording_en else self.wording_sv

    def labels(self, lang: str) -> tuple[str, ...]:
        """One label per step in ``lang`` (the Swedish ones when there are no English ones); the
        step's number where there are no labels."""
        labels = self.labels_en if lang == "en" and self.labels_en else self.labels_sv
        return labels if labels else tuple(str(s) for s in self.steps)

    def oriented(self, answer: float) -> float:
        """An answer on a scale where higher is always better (a question whose low end is positive
        is turned round: on a 1–5 scale, 1 becomes 5)."""
        if self.positive == "låg" and self.scale_min is not None and self.scale_max is not None:
            return self.scale_min + self.scale_max - answer
        return answer


def _split_labels(text: object) -> tuple[str, ...]:
    if not isinstance(text, str) or not text.strip():
        return ()
    return tuple(part.strip() for part in text.split(LABEL_SEPARATOR))


def questions_by_code(frame: pd.DataFrame | None) -> dict[str, Question]:
    """The loaded questions file as :class:`Question` objects by code."""
    if frame is None:
        return {}
    out = {}
    for row in frame.itertuples(index=False):
        row_d = row._asdict()
        lo, hi = row_d[SCALE_MIN], row_d[SCALE_MAX]
        if pd.isna(row_d[CODE]) or str(row_d[CODE]) in out:  # (a repeated code is reported; the first counts)
            continue
        out[str(row_d[CODE])] = Question(
            str(row_d[CODE]), str(row_d[WORDING_SV]),
            str(row_d[WORDING_EN]) if isinstance(row_d[WORDING_EN], str) else "",
            None if pd.isna(lo) or pd.isna(hi) else int(lo), None if pd.isna(lo) or pd.isna(hi) else int(hi),
            _split_labels(row_d[LABELS_SV]), _split_labels(row_d[LABELS_EN]), str(row_d[POSITIVE] or "hög"))
    return out


def load_questions(path: Path, params: ProjectParams, problems: list[Problem], warn: list[Problem]) -> pd.DataFrame:
    """The questions file, checked: unique codes, a scale with its lowest below its highest (or no
    scale: a free-text question) and, where labels are given, one label per step."""
    raw = _read(path, QUESTIONS, params, "questions", problems, warn)
    if raw is None:
        return empty_table(QUESTIONS)
    fname = raw.source
    df, refused = _validate(raw, QUESTIONS, problems, fname, warn)
    rows = raw.file_rows
    dup = df[CODE].notna() & df[CODE].duplicated(keep="first")
    for i in np.flatnonzero(dup.to_numpy()).tolist():
        first = int(rows[int(np.flatnonzero((df[CODE] == df[CODE].iloc[i]).to_numpy())[0])])
        problems.append(problem(fname, int(rows[i]), CODE, df[CODE].iloc[i], "survey.question_duplicate", first=first))
    lo, hi = df[SCALE_MIN], df[SCALE_MAX]
    one_end = (lo.isna() != hi.isna()) & ~refused[SCALE_MIN] & ~refused[SCALE_MAX]
    for i in np.flatnonzero(one_end.to_numpy()).tolist():
        col = SCALE_MAX if hi.isna().iloc[i] else SCALE_MIN
        problems.append(problem(fname, int(rows[i]), col, "", "survey.scale_one_end"))
    order = lo.notna() & hi.notna() & ((hi <= lo) | (hi - lo + 1 > MAX_SCALE_STEPS))
    for i in np.flatnonzero(order.to_numpy()).tolist():
        problems.append(problem(fname, int(rows[i]), SCALE_MAX, f"{hi.iloc[i]:g}", "survey.scale_order",
                                low=f"{lo.iloc[i]:g}", steps=MAX_SCALE_STEPS))
    for col in (LABELS_SV, LABELS_EN):
        for i in np.flatnonzero((lo.notna() & hi.notna() & ~order & df[col].notna()).to_numpy()).tolist():
            n_labels, steps = len(_split_labels(df[col].iloc[i])), int(hi.iloc[i] - lo.iloc[i] + 1)
            if n_labels != steps:
                problems.append(problem(fname, int(rows[i]), col, str(df[col].iloc[i]), "survey.labels_count",
                                        n=n_labels, steps=steps))
    df.attrs["file_rows"] = rows
    df.attrs["source"] = fname
    return df


# the columns Microsoft Forms puts before the questions when its answers are opened in Excel (Swedish and English)
FORMS_START = frozenset({"starttid", "start time"})
FORMS_END = frozenset({"tid för slutförande", "slutförandetid", "completion time"})
FORMS_OTHER = frozenset({"id", "e-post", "email", "namn", "name", "senaste ändringstid", "last modified time",
                         "poäng", "total points", "feedback", "quiz feedback"})


def forms_questions(columns: list[str]) -> list[str] | None:
    """The question columns of a Microsoft Forms export (a row per respondent, a column per question,
    after ``ID``, ``Starttid``, ``Tid för slutförande``, ``E-post`` and ``Namn``), or None when ``columns``
    are not such an export's."""
    lower = [str(c).strip().lower() for c in columns]
    if not (FORMS_START & set(lower) and FORMS_END & set(lower)) or {QUESTION, ANSWER} <= set(lower):
        return None
    return [str(c) for c, low in zip(columns, lower) if low not in FORMS_START | FORMS_END | FORMS_OTHER]


# headings a questionnaire tool or a typed-in paper form puts beside the questions in a row per respondent
GOOGLE_FORMS = frozenset({"tidsstämpel", "timestamp"})
WIDE_OTHER = frozenset({"löpnummer", "löpnr", "lopnummer", "nr", "svarande", "respondent", "datum", "date",
                        "svarsdatum", "inskickad", "submitted", "respondent_id", "id",
                        # (a survey tool's own number for each response: no question)
                        "svarsid", "svars-id", "svars id", "svar-id", "svarsnummer", "respondent id", "respondentid",
                        "response id", "responseid", "response_id"})
WIDE_MIN_QUESTIONS = 2  # a heading row of two or more questions and none of the contract's own columns


def wide_questions(columns: list[str]) -> tuple[str, list[str]] | None:
    """The tool and the question columns of a file with a row per respondent and a column per question: a
    Google Forms sheet (its ``Tidsstämpel``), a Netigate or Esmaker export, a paper form typed into Excel; or
    None when ``columns`` hold the contract's own (``question`` and ``answer``) or are not such a file's.
    A Microsoft Forms export is :func:`forms_questions`'."""
    lower = [str(c).strip().lower() for c in columns]
    contract_words = _other_words(RESPONSES)  # 'Fråga', 'Svar', 'Grupp': the contract's file with Swedish headings
    if {QUESTION, ANSWER, RESPONDENT_GROUP} & set(lower) or any(
            low not in WIDE_OTHER and contract_words(str(c)) for c, low in zip(columns, lower)):
        return None
    tool = "google" if GOOGLE_FORMS & set(lower) else "wide"
    asked = [str(c) for c, low in zip(columns, lower)
             if low and low not in GOOGLE_FORMS | WIDE_OTHER and not low.startswith("unnamed")]
    return (tool, asked) if len(asked) >= WIDE_MIN_QUESTIONS else None


def answer_step(text: str, q: Question) -> float | None:
    """An answer cell as a number on ``q``'s scale, or None when it is none: a number (``4``), one of the
    question's labels as an export writes it (``Instämmer helt``, in either language, any letter case), or a
    number followed by its words as Google Forms writes them (``4 - Stämmer ganska bra``). A half step
    (``3,5``) is returned as it is, for the caller to refuse; a number no scale holds (``inf``, ``1e400``, 400
    digits: Python reads each as infinity, which has no whole step to round to) is None, an answer off the scale."""
    value = pd.to_numeric(text.replace(",", "."), errors="coerce")
    if not pd.isna(value):
        return float(value) if np.isfinite(value) else None
    low = text.strip().casefold()
    for labels in (q.labels_sv, q.labels_en):
        for step, label in zip(q.steps, labels):
            if label.casefold() == low:
                return float(step)
    m = NUMBER_WITH_WORDS.match(text)
    return float(m.group(1)) if m else None


NUMBER_WITH_WORDS = re.compile(r"^\s*(\d+)\s*[-–—:.)]\s*[^\W\d_]")  # '4 - Stämmer ganska bra', '5. Helt'


def load_responses(path: Path, params: ProjectParams, questions: pd.DataFrame, problems: list[Problem],
                   warn: list[Problem]) -> pd.DataFrame:
    """The responses file, checked against the questions file: each question code known, each
    answer on its question's scale (or ``vet ej``, or empty), one answer per respondent, group, day
    and question. The answer column of the result is a number (``nan`` for "don't know", no answer
    and free text), with ``dont_know``, ``missing`` and ``free_text`` beside it; the words of a
    free-text answer are dropped here and never reach a report."""
    read_from = len(problems)
    raw = _read(path, RESPONSES, params, "responses", problems, warn)
    if raw is None:
        return _empty_responses()
    fname = raw.source
    forms = forms_questions(list(raw.frame.columns))
    if forms is not None:  # one message on what the file is and what to write, not a missing column each
        shown = ", ".join(f"'{c}'" for c in forms[:3]) + (" …" if len(forms) > 3 else "")
        problems.append(problem(fname, None, None, None, "survey.forms_export", n=str(len(forms)), questions=shown))
        return _empty_responses()
    wide = wide_questions(list(raw.frame.columns))
    if wide is not None:  # Google Forms, Netigate, Esmaker or a paper form typed in: one message, not one per column
        tool, asked = wide
        # a sheet per round is right for such a file, and copying one sheet's rows under another's (what the message on
        # sheets alike says) is not: the message below says what to write for every sheet
        problems[read_from:] = [p for p in problems[read_from:] if p.key != "sheet.alike"]
        problems.append(problem(fname, None, None, None,
                                "survey.google_export" if tool == "google" else "survey.wide_export",
                                n=str(len(asked)),
                                questions=", ".join(f"'{c}'" for c in asked[:3]) + (" …" if len(asked) > 3 else "")))
        return _empty_responses()
    first = len(problems)
    df, refused = _validate(raw, RESPONSES, problems, fname, warn)
    rows = raw.file_rows
    _count_rows(raw, problems, first, fname)
    known = questions_by_code(questions)
    text = df[ANSWER].fillna("").astype(str).str.strip()
    df[MISSING] = text == ""
    df[DONT_KNOW] = text.str.lower().isin(DONT_KNOW_SPELLINGS)
    df[FREE_TEXT] = False
    answers = np.full(len(df), np.nan)
    off_scale: dict[tuple[str, str, str], list[int]] = {}  # (message, text, question) -> the file's rows
    for i in range(len(df)):
        code = df[QUESTION].iloc[i]
        if pd.isna(code) or refused[QUESTION].iloc[i]:
            continue
        q = known.get(str(code))
        if q is None:
            if known:  # (an unreadable questions file is reported by itself)
                # (a code in another letter case, 'q2' for 'Q2', is too short for difflib to find close)
                close = [k for k in known if k.casefold() == str(code).strip().casefold()] or \
                    difflib.get_close_matches(str(code), list(known), n=1, cutoff=0.6)
                problems.append(problem(fname, int(rows[i]), QUESTION, str(code), "survey.unknown_question",
                                        codes=", ".join(list(known)[:12]),
                                        hint_sv=message("hint.did_you_mean", "sv", code=close[0]) if close else "",
                                        hint_en=message("hint.did_you_mean", "en", code=close[0]) if close else ""))
            continue
        if q.free_text:
            df.loc[df.index[i], FREE_TEXT] = not df[MISSING].iloc[i]
            continue
        if df[MISSING].iloc[i] or df[DONT_KNOW].iloc[i]:
            continue
        v = answer_step(text.iloc[i], q)
        low, high = q.steps[0], q.steps[-1]
        if v is None or v != round(v) or not low <= v <= high:
            # a half step between two on the scale is a paper form's cross between two boxes; a text that is no
            # number is answered with the labels too when the question has them
            half = v is not None and v != round(v) and low < v < high
            which = ("survey.answer_half" if half
                     else "survey.answer_no_opinion" if " ".join(text.iloc[i].split()).casefold() in NO_OPINION
                     else "survey.answer_label" if v is None and q.labels_sv else "survey.answer_scale")
            off_scale.setdefault((which, text.iloc[i], q.code), []).append(int(rows[i]))
            continue
        answers[i] = float(v)
    # one message per text and question, with its rows: an export's 'Ingen åsikt' under every question is one
    # thing to decide, not a message per respondent
    for (which, said, code), found in off_scale.items():
        q = known[code]
        kind = which if len(found) == 1 else {"survey.answer_scale": "survey.answer_scale_rows",
                                               "survey.answer_label": "survey.answer_label_rows"}.get(which, which)
        for row in (found if kind == "survey.answer_half" else found[:1]):
            problems.append(problem(fname, row, ANSWER, said, kind, question=q.code, low=q.steps[0], high=q.steps[-1],
                                    labels=", ".join(f"'{lab}'" for lab in q.labels_sv), n=len(found),
                                    rows=", ".join(map(str, found[:5])) + (" …" if len(found) > 5 else "")))
    df[ANSWER] = answers  # (a free-text answer's words are not kept)
    has_id = df[RESPONDENT_ID].notna()
    key = [RESPONDENT_ID, RESPONDENT_GROUP, DATE, QUESTION]
    dup = has_id & df[key].notna().all(axis=1) & df.duplicated(key, keep="first")
    for i in np.flatnonzero(dup.to_numpy()).tolist():
        problems.append(problem(fname, int(rows[i]), QUESTION, df[QUESTION].iloc[i], "survey.answer_duplicate"))
    df.attrs["file_rows"] = rows
    df.attrs["source"] = fname
    return df


# a questionnaire's count of answers under its table ('Antal svar', 'Antal svarande: 22', 'Number of responses'); a
# 'Summa' or 'Totalt' row is told by the reader (evaltools.data.validation), as in every file of persons
COUNT_ROW = re.compile(r"(?:totalt\s+)?antal\s+(?:svar|svarande|besvarade|inkomna\s+svar)"
                       r"|(?:total\s+)?number\s+of\s+(?:responses|respondents|answers)"
                       r"|(?:total\s+)?responses")
COUNT_AFTER = re.compile(r"\s*[:=]?\s*(?:\d[\d \xa0]*)?(?:\s*st\.?)?")


def _count_rows(raw: RawTable, problems: list[Problem], first: int, fname: str) -> None:
    """A refused row whose cell counts the answers ('Antal svar') is a count row to delete: one message for it
    instead of one per empty cell (the message of a 'Summa' row)."""
    refused = {int(p.row) for p in problems[first:] if p.file == fname and p.row is not None}
    flagged: dict[int, str] = {}
    for i, row in enumerate(raw.file_rows.tolist()):
        if int(row) not in refused:
            continue
        for cell in raw.frame.iloc[i].tolist():
            text = str(cell).strip().rstrip(":").lower() if isinstance(cell, str) else ""
            m = COUNT_ROW.match(text)
            if m and COUNT_AFTER.fullmatch(text[m.end():]):
                flagged[int(row)] = str(cell).strip()
                break
    if flagged:
        problems[first:] = [p for p in problems[first:] if not (p.file == fname and p.row in flagged)]
        problems.extend(problem(fname, r, None, flagged[r], "row.total") for r in sorted(flagged))


def _empty_responses() -> pd.DataFrame:
    df = empty_table(RESPONSES)
    df[ANSWER] = pd.Series(dtype="float64")
    for c in (DONT_KNOW, MISSING, FREE_TEXT):
        df[c] = pd.Series(dtype=bool)
    return df


PARTICIPANT_GROUPS = ("deltagare_start", "deltagare_avslut")  # answered once per person, not per year


def _check_invited(responses: pd.DataFrame, params: ProjectParams, problems: list[Problem]) -> None:
    """More respondents than ``survey.invited`` says were asked (in one year's round; participants'
    groups in all) would be a response rate above 100 %: a problem naming the group.

    Respondents are counted as the report counts them: each respondent id once, and an anonymous
    survey's answers as many persons as the question most of them answered."""
    invited = params.survey.invited
    if not invited:
        return
    df = responses[responses[RESPONDENT_GROUP].isin(list(invited))]
    if df.empty:
        return
    year = pd.to_datetime(df[DATE], errors="coerce").dt.year.fillna(0).astype(int)
    rounds = np.where(df[RESPONDENT_GROUP].isin(PARTICIPANT_GROUPS), 0, year)
    for (group, rnd), rows in df.groupby([df[RESPONDENT_GROUP], rounds], sort=True):
        ids = rows[RESPONDENT_ID]
        anonymous = rows[ids.isna()].groupby(QUESTION).size()
        n = int(ids.dropna().nunique()) + (int(anonymous.max()) if len(anonymous) else 0)
        if n > invited[group]:
            problems.append(problem(str(params.source_path or "params"), None, None, None, "survey.invited_below",
                                    group=group, asked=invited[group], n=n,
                                    round=str(rnd) if rnd else "–"))


# a level goal's words naming the answers it counts: agreeing fully, or fully or partly (Swedish and English)
AGREE_EITHER = re.compile(r"\b(?:helt\s+eller\s+delvis|delvis\s+eller\s+helt)\b"
                          r"|\b(?:strongly\s+or\s+somewhat|somewhat\s+or\s+strongly)\s+agree|\bagree\s+or\s+strongly",
                          re.IGNORECASE)
AGREE_FULLY = re.compile(r"\b(?:instämm\w*|stämm\w*)\s+helt\b|\bhelt\s+instämm\w*|\bstrongly\s+agree\w*",
                         re.IGNORECASE)
# the labels of those steps on the question's scale ('Instämmer helt', 'Stämmer helt'; 'Instämmer delvis')
FULLY_LABEL = re.compile(r"(?:instämmer|stämmer)\s+helt|strongly\s+agree", re.IGNORECASE)
PARTLY_LABEL = re.compile(r"(?:instämmer|stämmer)\s+delvis|(?:somewhat\s+)?agree", re.IGNORECASE)


# words of a question that asks about a change itself ("Min arbetsförmåga har ökat", "Jag mår bättre än när jag
# började", "Compared with the start ..."): its answers at one time are a change, which a level goal may count
_CHANGE_ASKED = re.compile(r"(?<![\wåäö])(?:ök(?:at|ad|ade|ats)|förbättr\w*|försämr\w*|bättre|sämre|mer|mindre|"
                           r"minsk(?:at|ad|ade|ats)|jämfört|förändr\w*|tidigare|innan|förut|än\s+när|"
                           r"increas\w*|improv\w*|better|worse|more|less|reduc\w*|compared|chang\w*|since|than)"
                           r"(?![\wåäö])", re.I)


def level_of_a_change(label: str, q: Question) -> str | None:
    """The words of a survey goal's label that speak of a change in the participants (``ska ha ökat sin
    arbetsförmåga``, ``förbättrad psykisk hälsa``, ``increased self-esteem``) where its question asks for a state
    (``Arbetsförmåga bedömd av arbetsterapeuten (1 = ingen, 5 = full)``), not for the change (``Min arbetsförmåga har
    ökat``): counted as a level (``measure: level``), the share at a step at one time would be reported as the share
    whose state changed. None where the label names no change or the question asks about one.

    Examples
    --------
    >>> state = Question("F2", "Arbetsförmåga (1 = ingen, 5 = full)", "", 1, 5, (), (), "hög")
    >>> level_of_a_change("Minst 40 % ska ha ökat sin arbetsförmåga", state)
    'ökat sin arbetsförmåga'
    >>> asked = Question("F3", "Min arbetsförmåga har ökat under tiden i projektet", "", 1, 5, (), (), "hög")
    >>> level_of_a_change("Minst 40 % ska ha ökat sin arbetsförmåga", asked) is None
    True
    """
    change = _CHANGE_IN_PERSON.search(label)
    if change is None or _CHANGE_ASKED.search(q.wording_sv) or _CHANGE_ASKED.search(q.wording_en or ""):
        return None
    return change.group(0).strip()


def level_in_words(label: str, q: Question) -> tuple[str, int] | None:
    """The words of a level goal's label that name which answers it counts, and the step of ``q``'s scale they
    count from: 'helt eller delvis' from the step labelled 'Instämmer delvis', 'instämmer helt' from the one
    labelled 'Instämmer helt'; None when the label names neither or the scale has no such labels."""
    def step(pattern: re.Pattern[str]) -> int | None:
        return next((s for s, lab in zip(q.steps, q.labels_sv or q.labels_en) if pattern.fullmatch(lab.strip())), None)
    text = read_label(label)
    for words, pattern in ((AGREE_EITHER, PARTLY_LABEL), (AGREE_FULLY, FULLY_LABEL)):
        m = words.search(text)
        if m:
            at = step(pattern)
            return (m.group(0), at) if at is not None else None
    return None


def _check_goal_rounds(responses: pd.DataFrame, params: ProjectParams, problems: list[Problem]) -> None:
    """A level goal whose answers fall in more than one round of a group asked in rounds (staff asked in 2024 and
    in 2025) would count the same persons once per round, a share of answers rather than of respondents, beside a
    response rate of the persons: a problem naming the goal, its rounds and the ``answered_from`` that reads the
    last round alone. (A change goal compares the rounds; participants' groups are one round each.) An
    ``answered_from`` after the group's every answer is a problem too, naming the group's first and last day."""
    dates = pd.to_datetime(responses[DATE], errors="coerce")
    for g in params.goals:
        if g.kind != "survey":
            continue
        mine = (responses[RESPONDENT_GROUP] == g.respondents) & dates.notna()
        if g.answered_from is not None and mine.any() and not (dates[mine] >= pd.Timestamp(g.answered_from)).any():
            # (answered_from: 2099-01-01, or a year typed wrong: every answer left out, and the goal said to have no
            # answers while the file has them)
            problems.append(problem(str(params.source_path or "params"), None, None, None,
                                    "survey.answered_from_after", goal=g.id, group=g.respondents,
                                    since=g.answered_from.isoformat(), last=dates[mine].max().date().isoformat(),
                                    first=dates[mine].min().date().isoformat()))
            continue
        if g.measure != "level" or g.respondents in PARTICIPANT_GROUPS:
            continue
        if g.answered_from is not None:
            mine &= dates >= pd.Timestamp(g.answered_from)
        years = sorted(set(dates[mine].dt.year.astype(int).tolist()))
        if len(years) > 1:
            last = dates[mine & (dates.dt.year == years[-1])].min()
            problems.append(problem(str(params.source_path or "params"), None, None, None, "survey.goal_rounds",
                                    goal=g.id, group=g.respondents, rounds=", ".join(map(str, years)),
                                    since=last.date().isoformat()))


def _participants_only(responses: pd.DataFrame, participants: pd.DataFrame | None, problems: list[Problem],
                       warn: list[Problem]) -> pd.DataFrame:
    """The responses less the answers in a participants' group (:data:`PARTICIPANT_GROUPS`) from a
    löpnummer the participant file does not have, where the survey's ids are the participants'
    löpnummer (more than half of its distinct ids in those groups are the participant file's; a
    survey tool's own respondent numbers, which pair a person's answers without naming the
    participant, are left as they are): such answers are no participant's, and counted they would
    raise the response rate above what it is (the persons asked are the participant file's). One
    warning per such löpnummer (the first 20, then how many more), as for a payment of an unknown
    person; the file's rows are kept but not used. An id that matches a participant's once the
    leading zeros are put back is the error Excel makes (007 saved as 7): one message for the file
    that lost them, as for the payments file."""
    if participants is None or not len(participants) or not len(responses):
        return responses
    fname, rows = str(responses.attrs.get("source", "")), responses.attrs.get("file_rows")
    known = set(participants[S.PERSON_ID].dropna().astype(str))
    by_digits = {k.lstrip("0"): k for k in known if k.isdigit()}
    ids = responses[RESPONDENT_ID]
    named = (responses[RESPONDENT_GROUP].isin(PARTICIPANT_GROUPS) & ids.notna()).to_numpy()
    distinct = set(ids[named].astype(str))
    # (ids that lost their leading zeros count as the participants' own: the survey uses the löpnummer)
    theirs = {i for i in distinct if i in known or (i.isdigit() and i.lstrip("0") in by_digits)}
    if 2 * len(theirs) <= len(distinct):
        return responses
    stray = named & ~ids.astype(str).isin(known).to_numpy()
    if not stray.any():
        return responses
    file_row = (lambda i: int(rows[i])) if rows is not None else (lambda i: i + 2)
    notes: dict[tuple[str, str], list[int]] = {}  # (löpnummer, group) -> its rows
    lost: list[tuple[int, str, str]] = []  # (row, id, the participant file's id) of ids that lost their zeros
    for i in np.flatnonzero(stray).tolist():
        pid = str(ids.iloc[i])
        match = by_digits.get(pid.lstrip("0")) if pid.isdigit() else None
        if match is not None:
            lost.append((file_row(i), pid, match))
        else:
            notes.setdefault((pid, str(responses[RESPONDENT_GROUP].iloc[i])), []).append(file_row(i))
    problems += lost_zeros_problems(fname, RESPONDENT_ID, lost, participants.attrs.get("source", ""))
    for (pid, group), found in list(notes.items())[:20]:
        shown = ", ".join(map(str, found[:5])) + (" …" if len(found) > 5 else "")
        warn.append(problem(fname, found[0], RESPONDENT_ID, pid, "survey.unknown_respondent", "warning",
                            "unknown_respondent", n=len(found), rows=shown, group=group))
    if len(notes) > 20:
        warn.append(problem(fname, None, RESPONDENT_ID, f"{len(notes) - 20}", "survey.unknown_respondent_more",
                            "warning", "unknown_respondent_more", n=len(notes) - 20))
    kept = responses[~stray]
    kept.attrs = dict(responses.attrs) | ({"file_rows": np.asarray(rows)[~stray]} if rows is not None else {})
    return kept


def load_survey(params: ProjectParams, problems: list[Problem], warn: list[Problem],
                participants: pd.DataFrame | None = None) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The project's responses and questions, or ``(None, None)`` when params name neither. With
    ``participants``, the answers in the participants' groups are those of the participant file's
    persons (:func:`_participants_only`)."""
    d = params.data
    if d.responses is None and d.questions is None:
        return None, None
    questions = load_questions(d.questions, params, problems, warn) if d.questions else empty_table(QUESTIONS)
    responses = load_responses(d.responses, params, questions, problems, warn) if d.responses else None
    if responses is not None:
        responses = _participants_only(responses, participants, problems, warn)
    known = questions_by_code(questions)
    if responses is not None and len(responses):
        _check_invited(responses, params, problems)
    if responses is not None and len(responses):
        _check_goal_rounds(responses, params, problems)
    if d.questions is not None and len(questions):  # each survey goal's question, on a scale
        for g in params.goals:
            if g.kind != "survey":
                continue
            q = known.get(g.question or "")
            if q is None or q.free_text:
                problems.append(problem(questions.attrs.get("source", str(d.questions)), None, CODE, g.question,
                                        "survey.goal_question" if q is None else "survey.goal_free_text", goal=g.id))
            elif (g.measure == "level" and g.level is not None and q.scale_min is not None and q.scale_max is not None
                  and not q.scale_min <= g.level <= q.scale_max):
                # a level off the scale is a goal no answer can meet (or every answer meets)
                problems.append(problem(questions.attrs.get("source", str(d.questions)), None, CODE, g.question,
                                        "survey.goal_level", goal=g.id, level=g.level, low=q.scale_min,
                                        high=q.scale_max))
            elif g.measure == "level" and (change := level_of_a_change(g.label, q)) is not None:
                # 'ska ha ökat sin arbetsförmåga' counted as the answers at or above a step at one time: a state,
                # and one at that step at start and at exit would be counted as a rise
                problems.append(problem(str(params.source_path or "params"), None, None, g.question,
                                        "survey.goal_level_change", goal=g.id, words=change,
                                        wording=q.wording("sv"), wording_en=q.wording("en")))
            elif g.measure == "level" and g.level is not None and (said := level_in_words(g.label, q)):
                # 'instämmer helt' counted from 'Instämmer delvis' would say more agree fully than do
                words, level = said
                if level != g.level:
                    problems.append(problem(str(params.source_path or "params"), None, None, g.question,
                                            "survey.goal_level_words", goal=g.id, words=words, level=g.level,
                                            expected=level, step=q.labels("sv")[q.steps.index(level)]))
    return responses, questions
