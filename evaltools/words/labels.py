"""Report language: labels of codes, columns and periods in ``language`` (``"sv"`` or ``"en"``).

The words are in the catalogs (``evaltools/locales/``, keys ``label.*``); the number formats are
in :mod:`evaltools.words.formats` and imported here for the modules that always took them from here.
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from ..analysis.goals import SuccessDefinition
from ..analysis.result import Categories, Codes, Money, Note, Share, Variables, Wording
from ..data import schema as S
from .formats import NBSP, capitalized, fmt_date, fmt_int, fmt_kr, fmt_num, fmt_p, fmt_pct  # noqa: F401 - re-exported
from .formats import fmt_share_count
from ..data.params import households_counted
from .text import catalog, join

_VOCABS = {
    S.OUTCOME: S.OUTCOMES, S.SEX: S.SEXES, S.HOUSEHOLD_TYPE: S.HOUSEHOLD_TYPES,
    S.SUPPORT_START: S.SUPPORT_SOURCES, S.SUPPORT_EXIT: S.SUPPORT_SOURCES, S.SGI_STATUS: S.SGI_STATUSES,
    S.EDUCATION: S.EDUCATION_LEVELS, S.ACTION_PLAN: S.YES_NO, S.FUNDER: S.FUNDERS,
    S.OCCUPATION_BEFORE: S.OCCUPATIONS, S.OCCUPATION_AFTER: S.OCCUPATIONS,
}


def t(key: str, lang: str = "sv", **kw) -> str:
    """The label ``label.<key>`` of the catalog in ``lang`` (:mod:`evaltools.words.text`); unknown keys
    are returned as they are (a status or actor code the catalog does not name)."""
    words = catalog(lang)
    full = "label." + key
    return words.msg(full, **kw) if full in words else key


def goal_count_words(value: object, counts: object, lang: str = "sv") -> str:
    """A goal's count as the goal table, page 1, the workbook and the portfolio write it: ``12`` of persons (the
    default), ``12 hushåll`` (en: ``12 households``) where the goal counts households (``counts: households``)."""
    n = fmt_int(value, lang)
    return t("households_count", lang, n=n).replace(" ", NBSP) if counts == "households" and n != "–" else n


def goal_share_words(value: object, k: object, n: object, counts: object, lang: str = "sv") -> str:
    """A share goal's figure with its counts as one unit: ``40,0 % (12/30)`` of persons (:func:`fmt_share_count`),
    ``12 av 30 hushåll (40,0 %)`` (en: ``12 of 30 households (40.0%)``) where the goal counts households; the share
    alone where a count is missing."""
    if counts != "households" or any(isinstance(v, str) or v is None or pd.isna(v) for v in (value, k, n)):
        return fmt_share_count(value, k, n, lang)
    # (each figure whole and with its unit; the line may break before the bracket only)
    return t("households_share", lang, k=fmt_int(k, lang), n=fmt_int(n, lang),
             share=fmt_pct(value, lang)).replace(" ", NBSP).replace(NBSP + "(", " (")


def who(perspective: str, lang: str = "sv") -> str:
    """A perspective as a sentence or label names whose figure it is (``who.<code>``: "kommunen", "the
    municipality"); a code the catalog does not name, as its label in lower case."""
    words = catalog(lang)
    full = "who." + perspective
    return words.msg(full) if full in words else t(perspective, lang).lower()


# a sex as a group of persons inside a sentence: "kvinnor", "women" (the table's row names the category, "Kvinna")
_SEX_GROUPS = {"kvinna": "label.sex_group_kvinna", "man": "label.sex_group_man", "annat": "label.sex_group_annat",
               S.UNKNOWN: "label.sex_group_unknown"}


def group_word(column: str, code: object, lang: str = "sv") -> str:
    """A code's group of persons as running text names it, in lower case: a sex in the plural, as a sentence about
    persons writes it ("kvinnor", "women": never "kön kvinna", which names a category of a form); another code its
    label in lower case ("ensamstående utan barn")."""
    if column == S.SEX and code in _SEX_GROUPS:
        return catalog(lang).msg(_SEX_GROUPS[str(code)])
    return code_label(column, code, lang).lower()


def budget_period_label(period: object, lang: str = "sv") -> str:
    """A budget file's period as a reader of the report's language reads it: ``2024`` stays,
    ``hela`` is the whole period, ``år 2`` is year 2."""
    text = str(period).strip()
    kind, n = S.budget_period(text) or ("", 0)
    if kind == "whole":
        return t("whole_period", lang).replace(" ", NBSP)  # one line in a narrow column
    if kind == "project_year" and n == 0 and S.is_prestudy(text):  # ('Förstudie 2024': the pre-study's own lines)
        return t("prestudy", lang)
    if kind == "project_year":
        return t("year_n", lang, n=n)
    return text


def code_label(column: str, code: object, lang: str = "sv") -> str:
    """Label of a vocabulary code (e.g. outcome 'arbete' -> 'Arbete')."""
    vocab = _VOCABS.get(column)
    if vocab is None or code not in vocab:
        return str(code)
    return vocab[code][0 if lang == "sv" else 1]


def note_text(note: Note | str, lang: str = "sv") -> str:
    """An analysis result's note (:class:`evaltools.analysis.result.Note`) as a sentence in ``lang``:
    whole numbers with the language's separators, :class:`~evaltools.analysis.result.Money` in kronor,
    :class:`~evaltools.analysis.result.Share` as a percentage, codes as their labels, a success
    definition as its name. Text (the evaluator's own, from the params file) passes through."""
    if isinstance(note, str):
        return note
    values = {name: value_text(v, lang) for name, v in note.values}
    words = catalog(lang)
    if note.count is not None:
        return words.plural(note.key, int(dict(note.values)[note.count]), **values)  # type: ignore[call-overload]
    return words.msg(note.key, **values)


def value_text(v: object, lang: str = "sv") -> str:
    """One value of a note as its sentence shows it (see :func:`note_text`)."""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, np.integer)):
        return fmt_int(v, lang)
    if isinstance(v, Money):
        return fmt_kr(v.value, lang)
    if isinstance(v, (float, np.floating)):  # (a number of years: "5", "2,5")
        return fmt_num(float(v), 0 if float(v).is_integer() else 1, lang)
    if isinstance(v, Share):
        return fmt_pct(v.value, lang, v.decimals)
    if isinstance(v, Codes):
        return ", ".join(group_word(v.column, c, lang) for c in v.codes)  # (a sex as its persons: "kvinnor")
    if isinstance(v, Variables):
        return join([variable_label(c, lang).lower() for c in v.columns], lang)
    if isinstance(v, Categories):
        return ", ".join(f"{variable_label(col, lang)}: {category_label(col, code, lang)}" for col, code in v.pairs)
    if isinstance(v, SuccessDefinition):
        return success_definition_text(v, lang)
    if isinstance(v, Note):
        return note_text(v, lang)
    if isinstance(v, tuple) and v and all(isinstance(x, Note) for x in v):  # (parts of one sentence, joined)
        return ", ".join(note_text(x, lang) for x in v)
    if isinstance(v, Wording):
        return v.en if lang == "en" and v.en and v.en.strip() else v.sv  # (a blank English text is none)
    return str(v)


def variable_label(column: str, lang: str = "sv") -> str:
    """A breakdown variable's name as a table shows it (``Kön``; the project year is ``Intagsår``)."""
    return t("intake_year" if column == S.PROJECT_YEAR else column, lang)


def category_label(column: str, code: object, lang: str = "sv") -> str:
    """A breakdown category as a table shows it: a code's label, the project year as ``År 2``."""
    if column == S.PROJECT_YEAR and int(code) == S.PRESTUDY_YEAR:  # type: ignore[call-overload]
        return t("prestudy", lang)  # (a start before period.implementation_start: the pre-study's)
    if column == S.PROJECT_YEAR:
        return t("year_n", lang, n=int(code))  # type: ignore[call-overload]
    if column == S.MUNICIPALITY and code == S.UNKNOWN:  # (a municipality is the file's own name, not a code)
        return t("municipality_unknown", lang)
    if column == S.AGE_GROUP and isinstance(code, str) and (young := re.fullmatch(r"0[–-](\d+)", code)):
        return t("age_under", lang, n=int(young.group(1)) + 1)  # "under 18", not "0–17" (no small children)
    if column == S.AGE_GROUP and code == S.UNKNOWN:  # (the bands are numbers; an unknown age is a word)
        return t("age_unknown", lang)
    return code_label(column, code, lang)


def with_breakdown_labels(table: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """A breakdown table (``variable``, ``category`` codes) with ``variable_label`` and
    ``category_label`` beside them, in ``lang``."""
    out = table.copy()
    at = list(out.columns).index("variable") + 1 if "variable" in out.columns else 0
    out.insert(at, "variable_label", [variable_label(v, lang) for v in out["variable"]])
    at = list(out.columns).index("category") + 1
    out.insert(at, "category_label", [category_label(v, c, lang) for v, c in zip(out["variable"], out["category"])])
    return out


# --- goals ----------------------------------------------------------------------------------
SUCCESS_LABELS = {"action_plan": "success_action_plan", "goal_outcomes": "success_goal_outcomes",
                  "leaves_fs": "success_leaves_fs"}
# (where the ended it counts are enrolments: SuccessDefinition.by_enrolment)
SUCCESS_LABELS_ENROLMENTS = {"action_plan": "success_action_plan_enrolments",
                             "goal_outcomes": "success_goal_outcomes_enrolments",
                             "leaves_fs": "success_leaves_fs_enrolments"}
SOURCE_LABELS = {"ansökan": "source_ansokan", "slutrapport": "source_slutrapport", "utvärderare": "source_utvarderare"}


def marked_goal_label(label: str, source: str, lang: str = "sv") -> str:
    """A goal's label marked with where it comes from when that is not the application: "… (slutrapportens
    förslag)". A label that already ends in a bracket takes the mark inside it, after a semicolon, as two brackets
    in a row are not written (Myndigheternas skrivregler): "Andel … per år (minst 50 %; slutrapportens förslag)",
    not "… (minst 50 %) (slutrapportens förslag)".

    Examples
    --------
    >>> marked_goal_label("Andel självförsörjande per år (minst 50 %)", "slutrapport")
    'Andel självförsörjande per år (minst 50 %; slutrapportens förslag)'
    >>> marked_goal_label("Minst 25 personer per år", "slutrapport")
    'Minst 25 personer per år (slutrapportens förslag)'
    >>> marked_goal_label("Minst 25 personer per år", "ansökan")
    'Minst 25 personer per år'
    """
    if source not in SOURCE_LABELS or source == "ansökan":
        return label
    mark = t(SOURCE_LABELS[source], lang).lower()
    text = label.rstrip()
    if text.endswith(")") and "(" in text:
        return f"{text[:-1]}; {mark})"
    return f"{label} ({mark})"


def answered_since(params) -> dict[str, dt.date]:
    """The survey goals that read their answers from one day on (``answered_from``), by goal id, with that
    day: such a goal counts one round of its questionnaire, not the whole period, and its period is named for
    it (:func:`period_name`, :func:`period_label`)."""
    return {g.id: g.answered_from for g in params.goals if g.kind == "survey" and g.answered_from is not None}


def period_name(key: str, lang: str = "sv", since: dt.date | None = None) -> str:
    """A goal period's name: ``År 1`` for ``år1``, ``Hela perioden`` for ``hela``, a calendar year as it is;
    a survey goal's answers from ``since`` on (:func:`answered_since`): ``Enkätsvar från 2025-08-01``."""
    if key == "hela":
        return t("answers_from", lang, date=f"{since:%Y-%m-%d}") if since is not None else t("whole_period", lang)
    if key.startswith("år") and key[2:].isdigit():
        return t("year_n", lang, n=int(key[2:]))
    return key


def period_label(row, lang: str = "sv", since: dt.date | None = None) -> str:
    """A goal period with its dates, as the goal table shows it: ``År 2 (2019-02-01 – 2019-10-15)``;
    a period that ended early or is still running ends at its last day with data. ``row`` has
    ``period_key``, ``period_first``, ``period_last`` and ``observed_last`` (a goal table's row). A survey
    goal that reads the answers from ``since`` on (:func:`answered_since`) says so with those dates:
    ``Enkätsvar (2025-08-01 – 2025-09-30)``."""
    first, last, seen = row.period_first, row.period_last, row.observed_last
    shown = seen if seen is not None and not pd.isna(seen) and seen < last else last
    if since is not None and row.period_key == "hela":
        return t("answers_between", lang, first=f"{since:%Y-%m-%d}", last=f"{shown:%Y-%m-%d}")
    return f"{period_name(row.period_key, lang)} ({first:%Y-%m-%d} – {shown:%Y-%m-%d})"


# a goal counted per household: its notes on too few in a period say households (each key written out in full)
_OF_HOUSEHOLDS = {"too_few_count_note": "too_few_count_note_households",
                  "too_few_below_note": "too_few_below_note_households",
                  "too_few_short_note": "too_few_short_note_households"}


def goal_note(code: str, lang: str = "sv", min_count: int = 5, counts: object = "persons") -> str:
    """A goal period's note (a code of :func:`evaltools.analysis.goals.assess_goals`) in ``lang``; of a goal counted per
    household (``counts``), a count's note says households ("färre än 5 hushåll under perioden")."""
    if not code:
        return ""
    if counts == "households" and code in _OF_HOUSEHOLDS:
        return t(_OF_HOUSEHOLDS[code], lang, k=min_count)
    return (t(code, lang, k=min_count) if code in ("too_few_note", "too_few_count_note", "too_few_below_note",
                                                    "too_few_short_note", "among_few_others_note",
                                                    "among_few_beyond_note", "households_withheld_note")
            else t(code, lang))


def same_support_rule(lang: str = "sv") -> str:
    """The same-support rule of the default successes (:func:`evaltools.analysis.goals.same_support`) as a clause:
    the one wording the definition of success (:func:`success_definition_text`), the goal section and page 1's
    goal lines, and the portfolio give it."""
    return t("same_support_rule", lang)


def same_support_sentence(lang: str = "sv") -> str:
    """:func:`same_support_rule` as a sentence of its own, beside a goal's line that names its outcomes."""
    return t("same_support_rule_sentence", lang, rule=capitalized(same_support_rule(lang)))


def time_limit_words(months: int, lang: str = "sv") -> str:
    """A share goal's time limit (``within_months``) as every place that shows the goal says it: page 1, the goal
    table's note, the workbook's goal sheet and the portfolio ("räknas inom 12 månader från start")."""
    return catalog(lang).msg("goals.within_months_counted", months=fmt_int(months, lang))


def household_goal_label(label: str, counts: object, lang: str = "sv") -> str:
    """A goal's label where only its name is shown (the portfolio): a goal counted per household (``counts:
    households``) whose words do not say so is named with it ("… (räknat per hushåll)"), so that its verdict is
    not read as one of persons; any other label as it is."""
    if counts != "households" or households_counted(label):
        return label
    return f"{label} ({catalog(lang).msg('goals.counted_per_household')})"


def success_definition_text(d: SuccessDefinition, lang: str = "sv", left_out: tuple[str, ...] = (),
                            timed: str | None = None, moved: bool = False) -> str:
    """What a project counts as a success (:class:`evaltools.analysis.goals.SuccessDefinition`), as a
    label for tables and exports: "avslutade deltagare med ...", or, where the definition counts ended
    enrolments (``d.by_enrolment``: someone came back), "avslutade inskrivningar med ...".

    Parameters
    ----------
    d : SuccessDefinition
        The project's definition of success. Where it applies the same-support rule
        (:attr:`~evaltools.analysis.goals.SuccessDefinition.same_support_rule`) the label says so
        (:func:`same_support_rule`), as page 1 does.
    lang : str
        ``"sv"`` or ``"en"``.
    left_out : tuple of str
        Outcome codes of exits the definition leaves out of those who ended (``d.exclude``, where any exit
        has one), said after the definition where a figure beside it counts its base: a table whose ended
        participants are fewer than those who ended (Specialistteamet's 236 of 242, those who moved left
        out). Empty where the figure beside the label counts every exit.
    timed : str or None
        Where the default successes stand in for an application's outcome goal with a time limit, what that goal
        counts ("läget 6 månader efter avslut"): the label then says so, instead of "projektet anger inget eget
        mått" (``evaltools.present.sections.goals.timed_words``).
    moved : bool
        The default successes said as where they went ("gått till arbete, studier eller en ersättning"), not as
        leaving försörjningsstöd, where some of them had another support at start
        (:func:`~evaltools.analysis.costbenefit.persistence.some_had_no_fs`).
    """
    outcomes = ", ".join(code_label(S.OUTCOME, c, lang).lower() for c in d.outcomes)
    values = {"action_plan": {"goal": d.goal_label or ""},
              "goal_outcomes": {"outcomes": outcomes, "goal": d.goal_label or ""},
              "leaves_fs": {"outcomes": outcomes}}[d.kind]
    # (someone came back: the ended it counts are enrolments, as page 1 says them)
    text = t((SUCCESS_LABELS_ENROLMENTS if d.by_enrolment else SUCCESS_LABELS)[d.kind], lang, **values)
    if d.kind == "leaves_fs" and moved:  # (some had another support at start: where they went, not "left")
        text = t("success_moved_on_enrolments" if d.by_enrolment else "success_moved_on", lang, **values)
    if d.kind == "leaves_fs" and timed:  # (the project's goal counts at another time than exit: it has a measure)
        text = t(("success_moved_on_enrolments_timed" if d.by_enrolment else "success_moved_on_timed") if moved
                 else "success_leaves_fs_enrolments_timed" if d.by_enrolment else "success_leaves_fs_timed", lang,
                 timed=timed, **values)
    if d.group and d.kind != "leaves_fs":  # (a main goal set for a group: its success is counted for everyone)
        text = t("success_for_everyone", lang, definition=text)
    if d.same_support_rule:  # (the default successes: an exit to the support one started on is none)
        text = t("success_same_support", lang, definition=text, rule=same_support_rule(lang))
    if not left_out:
        return text
    return t("success_left_out", lang, definition=text,
             outcomes=join([code_label(S.OUTCOME, c, lang).lower() for c in left_out], lang))
