"""Questionnaires: each round of respondents with its response rate and a diverging bar chart, the
same persons before and after, and the figures page 1 gives beside a survey goal.

Only what :func:`evaltools.analysis.survey.survey` publishes is shown: a round with fewer
respondents than the privacy threshold is in no chart, table or sentence (the intro says, for
every report, that such groups are not shown, so its absence tells nothing), and free-text answers
are never shown. Nothing here counts: the figures are the analysis layer's.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...analysis.disclosure import Secondary
from ...analysis.survey import DONT_KNOW_CODE, LOW_RESPONSE_RATE, NO_ANSWER_CODE, Paired, Round, SurveyGoalCounts, SurveyResult
from ...data import survey as SV
from ...data.privacy import hides, is_suppressed
from ...words.formats import fmt_int, fmt_num, fmt_p_relation, fmt_pct
from ...words.text import join
from ..display import Text
from ..survey_plot import drawable, plot_survey


# the two answers off the scale, by their code in the analysis
ANSWER_WORDS = {DONT_KNOW_CODE: "survey.answer_vet_ej", NO_ANSWER_CODE: "survey.answer_inget_svar"}


def group_name(code: str, lang: str) -> str:
    """A respondent group's name in ``lang`` ("Personal", "Participants at start")."""
    sv, en = SV.RESPONDENT_GROUPS.get(code, (code, code))
    return en if lang == "en" else sv


def round_name(r, rnd: Round) -> str:
    """"Personal 2025"; a participant group has no year."""
    year = r.msg("survey.round_year", year=str(rnd.round)) if rnd.round else ""
    return r.msg("survey.round_title", group=group_name(rnd.group, r.lang), round=year)


def has_survey(r) -> bool:
    """Whether the report has a questionnaire section: the project gave responses."""
    return r.project.responses is not None and len(r.project.responses) > 0


def asked_are_ended(r, groups: tuple[str, ...]) -> bool:
    """Whether the number asked is the participants who have ended (a group at exit whose number asked the params
    file does not give: :func:`evaltools.analysis.survey.invited`) while the differencing rule withholds the
    number ended: the number asked, and the response rate beside the respondents, would give it."""
    dis = getattr(r, "disclosure", None)
    return (dis is not None and dis.hides(Secondary.ENDED) and "deltagare_avslut" in groups
            and "deltagare_avslut" not in r.params.survey.invited)


def response_sentences(r, rnd: Round, warned: Round | None = None) -> list[str]:
    """Respondents, the number asked and the response rate, and the warning when it is too low: in full with
    its reason, or, where ``warned`` (the round above that gave it), in a short sentence that names that
    round, so that two rounds below the rate do not repeat one sentence word for word."""
    lang, msg = r.lang, r.msg
    if rnd.invited and asked_are_ended(r, (rnd.group,)):
        return [msg("survey.round_withheld", n=fmt_int(rnd.respondents, lang), k=str(r.params.privacy.min_count))]
    if not rnd.invited:
        return [msg("survey.round_unknown", n=fmt_int(rnd.respondents, lang))]
    out = [msg("survey.round_invited", n=fmt_int(rnd.respondents, lang), invited=fmt_int(rnd.invited, lang),
               rate=fmt_pct(rnd.response_rate, lang, 0))]
    if rnd.low_response:
        threshold = fmt_pct(LOW_RESPONSE_RATE, lang, 0)
        out.append(msg("survey.low_response", threshold=threshold) if warned is None else
                   msg("survey.low_response_again", threshold=threshold, round=_round_in_sentence(r, warned)))
    return out


def response_words(r, counts: SurveyGoalCounts | Paired) -> str:
    """The response rate of the persons a figure rests on: "212 av 450 tillfrågade svarade (svarsfrekvens
    47 %)" for a round's answers, "120 av 450 tillfrågade svarade båda gångerna (svarsfrekvens 27 %)" for
    the same persons before and after (a change goal, a paired comparison)."""
    lang = r.lang
    both = isinstance(counts, Paired) or counts.measure == "change"
    values = {"respondents": fmt_int(counts.respondents, lang)}
    groups = (counts.before_group, counts.after_group) if isinstance(counts, Paired) else (counts.group,)
    if counts.invited and asked_are_ended(r, groups):
        return r.msg("survey.answered_both_withheld" if both else "survey.answered_withheld", **values)
    if not counts.invited:
        return r.msg("survey.answered_both_unknown" if both else "survey.goal_response_unknown", **values)
    return r.msg("survey.answered_both" if both else "survey.answered", invited=fmt_int(counts.invited, lang),
                 rate=fmt_pct(counts.response_rate, lang, 0), **values)


def goal_figures(r, row, counts: SurveyGoalCounts | None, where: str) -> str:
    """Page 1's figures for a survey goal: the share with its counts and where its interval lies,
    then the respondents, the number asked and the response rate (and when it is too low to
    generalise). A goal on a group under the privacy threshold gives no count at all. ``where`` is
    page 1's words for where the share's interval lies."""
    lang, msg = r.lang, r.msg
    k = r.params.privacy.min_count
    if row.too_few or counts is None:
        return msg("survey.goal_too_few", k=str(k))
    if counts.denominator == 0 or pd.isna(row.value):
        return msg("survey.goal_no_answers")
    key = "survey.goal_change" if counts.measure == "change" else "survey.goal_level"
    if counts.low_response:  # the interval speaks of those who answered only
        where = msg("survey.where_respondents", where=where)
    share = fmt_pct(row.value, lang)
    if getattr(row, "running", False):  # the project runs: the share so far, as a share goal says it
        share = msg("survey.so_far", share=share)
    parts = [msg(key, share=share, k=fmt_int(row.numerator, lang), n=fmt_int(row.denominator, lang), where=where)]
    # the response rate of the persons behind the figure, in the words the goal section and the workbook use
    parts.append(response_words(r, counts) + (" – " + msg("survey.goal_low") if counts.low_response else ""))
    # "vet ej" and empty answers together are the respondents less the denominator: neither is said where the
    # other is 1 to k − 1 (the table hides them both then)
    if counts.dont_know and not hides(counts.dont_know, k) and not hides(counts.missing, k):
        parts.append(msg("survey.dont_know", n=fmt_int(counts.dont_know, lang)))
    return "; ".join(parts)


def _p_relation(p: float, lang: str) -> str:
    """"= 0,158" or "< 0,001", for "p {p}"."""
    return fmt_p_relation(p, lang)


def paired_sentence(r, p: Paired, questions: dict[str, SV.Question], low_said: bool = False) -> str:
    """One question's change in the same persons, with their response rate; below the low rate, that the
    answers cannot be taken for everyone asked both times, unless ``low_said`` (said once after them all)."""
    lang, msg = r.lang, r.msg
    k = r.params.privacy.min_count
    q = questions.get(p.question)
    if p.before_group == p.after_group:  # a group asked twice: its first and latest answers
        groups = msg("survey.paired_same_group", group=group_name(p.after_group, lang).lower())
    else:
        groups = msg("survey.paired_groups", before=group_name(p.before_group, lang).lower(),
                     after=group_name(p.after_group, lang).lower())
    values = {"question": q.wording(lang) if q else p.question, "groups": groups}
    if p.too_few or p.n_pairs == 0:
        return msg("survey.paired_too_few", k=str(k), **values)
    values["answered"] = _paired_answered(r, p)
    if np.isnan(p.wilcoxon_p):
        return msg("survey.paired_no_test", **values) + ("" if low_said else _low_paired(r, p))
    text = msg("survey.paired", diff=fmt_num(p.mean_difference, 2, lang),
               low=fmt_num(p.ci_low, 2, lang), high=fmt_num(p.ci_high, 2, lang), p=_p_relation(p.wilcoxon_p, lang),
               **values)
    # (no breakdown with a hidden part, nor one that would tell how many of them did not answer on the scale)
    if not any(hides(x, k) for x in (p.better, p.same, p.worse, p.respondents - p.n_pairs)):
        text += " " + msg("survey.paired_counts", better=fmt_int(p.better, lang), same=fmt_int(p.same, lang),
                          worse=fmt_int(p.worse, lang))
    return text + ("" if low_said else _low_paired(r, p))


def _paired_answered(r, p: Paired) -> str:
    """Who the change is of, with their response rate: "120 av 450 tillfrågade svarade båda gångerna
    (svarsfrekvens 27 %)", and how many of them answered on the question's scale where some did not
    (where 1 to k − 1 did not, only that fewer than k did not)."""
    said = response_words(r, p)
    if p.respondents == p.n_pairs:
        return said
    k = r.params.privacy.min_count
    if hides(p.respondents - p.n_pairs, k):  # the few who did not answer on the scale are not counted out
        return r.msg("survey.paired_of_them_few", response=said, k=str(k))
    return r.msg("survey.paired_of_them", response=said, n=fmt_int(p.n_pairs, r.lang))


def _low_paired(r, p: Paired) -> str:
    """Below the low response rate, that the answers cannot be taken for everyone asked both times (the rate
    of the persons the change is of), in a short sentence: the round's own warning, said above, is not
    repeated for each question."""
    if not p.low_response:
        return ""
    return " " + r.msg("survey.paired_low", threshold=fmt_pct(LOW_RESPONSE_RATE, r.lang, 0))


def _round_in_sentence(r, rnd: Round) -> str:
    """A round's name inside a sentence, its group in lower case as the paired comparisons say it
    ("personal 2023")."""
    year = r.msg("survey.round_year", year=str(rnd.round)) if rnd.round else ""
    return r.msg("survey.round_title", group=group_name(rnd.group, r.lang).lower(), round=year)


def _round_block(r, s: SurveyResult, rnd: Round, questions: dict[str, SV.Question],
                 warned: Round | None = None) -> list:
    """One round: its response sentences (``warned``: the round above that said why a low rate matters) and
    its charts."""
    dist = s.table[(s.table["group"] == rnd.group) & (s.table["round"] == rnd.round)]
    name = round_name(r, rnd)
    sentences = response_sentences(r, rnd, warned)
    codes = [c for c in questions if c in set(dist["question"])]
    by_scale: dict[tuple, list[SV.Question]] = {}
    for c in codes:  # one chart per scale (one legend each)
        q = questions[c]
        by_scale.setdefault((q.steps, q.labels(r.lang), q.positive), []).append(q)
    k = r.params.privacy.min_count
    charts: list = []
    undrawn: list[SV.Question] = []
    for qs in by_scale.values():
        if any(drawable(q, dist[dist["question"] == q.code]) for q in qs):
            charts.append(plot_survey(qs, dist, rnd.respondents, name, r.lang, k=k))
        else:  # not a chart of empty rows: one sentence says which answers are not shown, and why
            undrawn += qs
    if undrawn:
        quoted = [r.msg("plot.quoted", text=q.wording(r.lang)) for q in undrawn]
        sentences = [*sentences, r.msg("survey.not_drawn", questions=join(quoted, r.lang), k=str(k))]
    return [Text(sentences, name, 3), *charts]


def blocks(r) -> list[list]:
    """The questionnaire section; nothing for a project without responses."""
    if not has_survey(r):
        return []
    msg = r.msg
    s = r.survey
    k = r.params.privacy.min_count
    questions = SV.questions_by_code(r.project.questions)
    # the section has charts only: a hidden answer is named by the words of the charts' legend
    intro = [msg("survey.intro", k=str(k), hidden=msg("plot.survey_hidden", k=str(k)))]
    if s.goals:  # the goal table's note speaks of all participants; a questionnaire has non-respondents
        intro.append(msg("survey.goals_note", threshold=fmt_pct(LOW_RESPONSE_RATE, r.lang, 0)))
    out: list[list] = [[Text(intro, msg("survey.heading"))]]
    shown = [rnd for rnd in s.rounds if not rnd.hidden]
    if not shown:
        out[0].append(Text([msg("survey.none_shown", k=str(k))]))
        return out
    for i, rnd in enumerate(shown):
        # (a round whose number asked is withheld said no rate, nor that it was low: no later round refers to it)
        warned = next((above for above in shown[:i] if above.low_response and not asked_are_ended(r, (above.group,))),
                      None)
        out.append(_round_block(r, s, rnd, questions, warned))
    if s.paired:
        told = [p for p in s.paired if not p.too_few and p.n_pairs > 0]
        # every one of several comparisons below the low rate: said once after them, not once each
        low_all = len(told) > 1 and all(p.low_response for p in told)
        said = [paired_sentence(r, p, questions, low_all) for p in s.paired]
        if low_all:
            said.append(msg("survey.paired_low_all", threshold=fmt_pct(LOW_RESPONSE_RATE, r.lang, 0)))
        # a change with a figure to it is the same persons' change, not the project's effect: no one answered
        # beside them without the project (a questionnaire has no comparison group), said once after them
        if any(not p.too_few and p.n_pairs > 0 and not np.isnan(p.wilcoxon_p) for p in s.paired):
            said.append(msg("survey.paired_not_effect"))
        out.append([Text(said, msg("survey.paired_heading"), 3)])
    return out


def workbook_frame(r) -> pd.DataFrame:
    """The distribution of answers for the workbook's sheet: the codes (group, round, question,
    answer) with their words beside them, ``n`` and ``share``; hidden rounds are not in it, and a
    hidden count is ``<5`` or ``..`` with its share ``..``, as in the chart."""
    s = r.survey
    lang = r.lang
    questions = SV.questions_by_code(r.project.questions)
    rows = []
    for row in s.table.itertuples(index=False):
        q = questions.get(str(row.question))
        if isinstance(row.answer, (int, np.integer)) and q is not None:
            label = q.labels(lang)[list(q.steps).index(int(row.answer))]
        else:
            label = r.msg(ANSWER_WORDS[str(row.answer)])
        rows.append({"group": row.group, "group_label": group_name(str(row.group), lang),
                     "round": int(row.round) or None, "question": row.question,
                     "question_label": q.wording(lang) if q else row.question, "answer": str(row.answer),
                     "answer_label": label, "n": row.n if is_suppressed(row.n) else int(row.n), "share": row.share})
    return pd.DataFrame(rows)
