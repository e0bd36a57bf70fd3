"""How strong a comparison design is, in the report's words: an application's minimum detectable
effect (:mod:`evaltools.analysis.power`), as one page-1 sentence and one key-figure row, the
heterogeneity-robust estimate beside the main DiD (:mod:`evaltools.analysis.staggered`), as a
robustness row and a sentence when the two disagree, and how large a departure from parallel trends
would overturn the result (:mod:`evaltools.analysis.honest`), as a sentence and a small table."""
from __future__ import annotations

import pandas as pd

from ...analysis.power import MinimumDetectableEffect, SdSource, application_power
from ...analysis.staggered import Agreement
from ...analysis.weighting import AGE, BALANCED, HOUSEHOLD_PREFIX, PRE_MEAN, PRE_SHARE, WOMAN
from ...data import schema as S
from ...data.params import project_kind
from ...words.formats import fmt_int, fmt_kr, fmt_kr_prose, fmt_num, fmt_pct
from ...words.labels import code_label, t
from ..display import Table, Text


def minimum_detectable(r) -> MinimumDetectableEffect | None:
    """An application check's minimum detectable effect (page 1, the key figures and the method); ``None``
    for any other report or an application without volumes."""
    return application_power(r.project) if project_kind(r.project) == "ansökan" else None


def mde_sentence(r) -> str | None:
    """Page 1 of an application check: how large a fall in försörjningsstöd the planned volumes
    could detect ("… minst 1 400 kr per person och månad …"); ``None`` without volumes."""
    m = minimum_detectable(r)
    if m is None:
        return None
    return r.msg("kind.ex_ante_mde", n1=fmt_int(m.n_participants, r.lang), n0=fmt_int(m.n_comparison, r.lang),
                 effect=fmt_kr_prose(m.effect, r.lang))


def mde_row(r) -> tuple[tuple[str, str], str] | None:
    """The key-figure row of an application's minimum detectable effect and the note that says how it
    was computed and where the outcome's spread comes from; ``None`` without volumes."""
    m = minimum_detectable(r)
    if m is None:
        return None
    lang = r.lang
    label = r.msg("costbenefit.kf.mde", power=fmt_pct(m.power, lang, 0), alpha=fmt_pct(m.alpha, lang, 0))
    if m.sd_source is SdSource.PARAMS:
        source = m.sd_note or r.msg("costbenefit.kf.mde_source_params")
    else:
        source = r.msg("costbenefit.kf.mde_source_default")
    note = r.msg("costbenefit.kf.mde_note", n1=fmt_int(m.n_participants, lang), n0=fmt_int(m.n_comparison, lang),
                 sd=fmt_kr(m.sd, lang), source=source)
    return (label, fmt_kr(m.effect, lang)), note


def _robust(r):
    """The report's heterogeneity-robust estimate, where the main DiD has one to stand beside."""
    return r.staggered if r.payments.did is not None else None


def _doubtful(r) -> bool:
    """Did the check before the start reject (the groups moved apart before anything could be an effect)?
    Then every estimate resting on the comparison group is as unreliable as the main one."""
    return r.payments.did is not None and bool(r.payments.parallel_trends_doubtful)


def staggered_sentences(r) -> list[str]:
    """The sentence when the heterogeneity-robust estimate and the main DiD disagree (in size or in
    conclusion); none when they agree or there is no robust estimate, and none where the check before the
    start failed: the robust row rests on the same comparison, so it is not "the safer one" (its table row
    says that it is not reliable)."""
    s = _robust(r)
    if s is None or s.agreement is Agreement.AGREE or _doubtful(r):
        return []
    key = "payments.staggered_size" if s.agreement is Agreement.SIZE_DIFFERS else "payments.staggered_conclusion"
    lang = r.lang
    return [r.msg(key, effect=fmt_kr(s.effect, lang), low=fmt_kr(s.ci_low, lang), high=fmt_kr(s.ci_high, lang),
                  main=fmt_kr(s.main.effect, lang), section=r.msg("appendix.comparison_detail"))]


def robustness_blocks(r) -> list:
    """The robustness rows beside the main DiD: the heterogeneity-robust estimate and, where the params
    ask for it, the estimate with a weighted comparison group, each with its 95 % interval, in one small
    table; none when neither is there.

    Every row is the same object as the main estimate (per household and month, months 0 to
    ``months_after`` against the months before the anticipation window, on the same panel); where the
    check before the start failed, every row rests on the same comparison, so the note under the table says
    once that none of them is reliable, and why, and that none of the intervals shows an effect."""
    if r.payments.did is None:
        return []
    s, w = r.staggered, r.weighting
    if s is None and w is None:
        return []
    lang, msg = r.lang, r.msg
    d = r.payments.did
    cols = [msg("payments.robust.estimator"), msg("payments.robust.effect"), msg("payments.robust.ci")]
    rows = [(msg("payments.robust.main"), d.effect, d.ci_low, d.ci_high)]
    if s is not None:
        rows.append((msg("payments.robust.staggered"), s.effect, s.ci_low, s.ci_high))
    if w is not None:
        rows.append((msg("payments.robust.weighted"), w.effect, w.ci_low, w.ci_high))
    frame = pd.DataFrame({cols[0]: [x[0] for x in rows], cols[1]: [fmt_kr(x[1], lang) for x in rows],
                          cols[2]: [msg("payments.robust.range", low=fmt_kr(x[2], lang), high=fmt_kr(x[3], lang))
                                    for x in rows]})
    doubtful = _doubtful(r)
    # (where the check failed every row rests on the same comparison: the note under the table says so once,
    # as a column repeating one verdict on every row would only be noise)
    notes = ([msg("payments.robust.unreliable_note")] if doubtful else []) + (
        [msg("payments.robust.note")] if s is not None else []) + (
        [msg("payments.robust.weighted_note")] if w is not None else [])
    return [Table(frame, notes=(" ".join(notes),), numeric=tuple(cols[1:3]))]


# the catalog key of each covariate's name in the balance table
COVARIATE_KEYS = {PRE_MEAN: "payments.balance.covariate.pre_mean", PRE_SHARE: "payments.balance.covariate.pre_share_paid",
                  AGE: "payments.balance.covariate.age", WOMAN: "payments.balance.covariate.woman"}


def _covariate_label(r, name: str) -> str:
    if name.startswith(HOUSEHOLD_PREFIX):
        code = name[len(HOUSEHOLD_PREFIX):]
        return r.msg("payments.balance.household", type=code_label(S.HOUSEHOLD_TYPE, code, r.lang).lower())
    return r.msg(COVARIATE_KEYS[name])


def _covariate_value(name: str, v: float, lang: str) -> str:
    if name == PRE_MEAN:
        return fmt_kr(v, lang)
    if name == AGE:
        return fmt_num(v, 1, lang)
    return fmt_pct(v, lang, 0)  # a share of persons, or of months


def weighting_sentences(r) -> list[str]:
    """What weighting the comparison group does to the estimate, and whether it made the groups alike."""
    w = r.weighting if r.payments.did is not None else None
    if w is None:
        return []
    lang = r.lang
    values = {"effect": fmt_kr(w.effect, lang), "low": fmt_kr(w.ci_low, lang), "high": fmt_kr(w.ci_high, lang)}
    # where the check before the start failed, the weighted comparison group is the same persons: not reliable either
    doubtful = [r.msg("payments.weighted_doubtful")] if _doubtful(r) else []
    if w.balanced:
        return [" ".join([r.msg("payments.weighted_balanced", **values), *doubtful])]
    unlike = int((w.balance["smd_after"].abs() >= BALANCED).sum())
    return [" ".join([r.plural("payments.weighted_unbalanced", unlike, n=fmt_int(unlike, lang), **values), *doubtful])]


def balance_blocks(r) -> list:
    """The balance table: each covariate's mean among participants, comparison persons and weighted
    comparison persons, and the standardised differences before and after weighting."""
    w = r.weighting if r.payments.did is not None else None
    if w is None or w.balance.empty:
        return []
    lang, msg, k = r.lang, r.msg, r.params.privacy.min_count
    b = w.balance
    # a share of persons that is a count from 1 to k − 1 in either group would tell a few persons' traits
    counts = [(b["participants"] * w.n_participants).round(), (b["comparison"] * w.n_comparison).round()]
    indicator = b["covariate"].isin([WOMAN]) | b["covariate"].str.startswith(HOUSEHOLD_PREFIX)
    few = indicator & ((counts[0].between(1, k - 1)) | (counts[1].between(1, k - 1)))
    b = b[~few]
    cols = [msg("payments.balance.covariate_col"), t("participants", lang), t("comparison", lang),
            msg("payments.balance.weighted"), msg("payments.balance.smd_before"), msg("payments.balance.smd_after")]
    frame = pd.DataFrame({
        cols[0]: [_covariate_label(r, n) for n in b["covariate"]],
        cols[1]: [_covariate_value(n, v, lang) for n, v in zip(b["covariate"], b["participants"])],
        cols[2]: [_covariate_value(n, v, lang) for n, v in zip(b["covariate"], b["comparison"])],
        cols[3]: [_covariate_value(n, v, lang) for n, v in zip(b["covariate"], b["comparison_weighted"])],
        cols[4]: [fmt_num(v, 2, lang) for v in b["smd_before"]],
        cols[5]: [fmt_num(v, 2, lang) for v in b["smd_after"]],
    })
    note = msg("payments.balance.note", limit=fmt_num(BALANCED, 1, lang), n=fmt_int(w.n_comparison, lang),
               effective=fmt_int(round(w.effective_comparison), lang))
    if few.any():
        note += " " + msg("payments.balance.hidden", k=str(k))
    return [Text([], msg("payments.balance.heading"), 3), Table(frame, notes=(note,), numeric=tuple(cols[1:]))]


def no_conclusion(d) -> bool:
    """Whether the DiD estimate ``d``'s interval holds zero: there is then no conclusion for the bounds to test."""
    return d.ci_low <= 0 <= d.ci_high


def drift_sentences(r) -> list[str]:
    """Whether the conclusion survives the groups drifting apart before the start, in one sentence for the body
    (the bounds' table and their full statement are the appendix's, :func:`honest_blocks`): it stands up to the
    breakdown value, at every departure tried, or not at all; no conclusion to test where the main estimate's
    interval holds zero. None without bounds, and none where the check before the start failed: its sentence
    already says that the groups moved apart and that the estimate is not reliable."""
    h = r.honest if r.payments.did is not None else None
    if h is None or not h.bounds or _doubtful(r):
        return []
    d, lang = r.payments.did, r.lang
    if no_conclusion(d):
        return [r.msg("payments.drift.no_conclusion")]
    b = h.breakdown
    if b is None:
        return [r.msg("payments.drift.fails")]
    if h.holds_on_whole_grid:
        return [r.msg("payments.drift.holds_all", m=fmt_kr(b, lang))]
    after = min(x.m for x in h.bounds if x.m > b)
    if b == 0:  # a straight continuation of the drift only: "no more than 0 kr" would say it in a riddle
        return [r.msg("payments.drift.holds_straight", next=fmt_kr(after, lang))]
    return [r.msg("payments.drift.holds", m=fmt_kr(b, lang), next=fmt_kr(after, lang))]


def honest_blocks(r) -> list:
    """How far the conclusion survives a departure from parallel trends (honest-DiD bounds): one
    sentence with the breakdown value and a small table of the intervals; none without bounds (no
    DiD, or the optional extra [robust] not installed: the appendix then says how to get them)."""
    h = r.honest if r.payments.did is not None else None
    if h is None or not h.bounds:
        return []
    lang, msg = r.lang, r.msg
    effect = fmt_kr(h.effect, lang)
    b = h.breakdown
    d = r.payments.did
    # where the main estimate's interval holds zero, there is no conclusion "that the effect is not zero" to test:
    # the bounds are said to be about the mean effect from the start, another measure (Språngbrädan: −129 kr,
    # −614 kr to 357 kr, beside a mean effect of −1 397 kr whose interval excludes zero)
    spans = bool(d.ci_low <= 0 <= d.ci_high)
    main = {"low": fmt_kr(d.ci_low, lang), "high": fmt_kr(d.ci_high, lang), "reference": f"{-h.reference}"} if spans else {}
    doubtful = _doubtful(r)
    if doubtful:
        # the placebo rejected: no interval here may read as evidence of an effect (Språngbrädan's mean effect,
        # −1 397 kr, excluded zero up to a bend of 52 kr while its true effect is zero), so no breakdown value is
        # stated, only what the table measures and that it rests on the same comparison
        sentence = (msg("payments.honest.doubtful_lead_main_spans", effect=effect, **main) if spans else
                    msg("payments.honest.doubtful_lead", effect=effect, reference=f"{-h.reference}"))
    elif b is None:
        sentence = msg("payments.honest.fails", effect=effect)
    elif h.holds_on_whole_grid:
        sentence = msg("payments.honest.holds_all_main_spans" if spans else "payments.honest.holds_all",
                       m=fmt_kr(b, lang), effect=effect, **main)
    else:
        after = min(x.m for x in h.bounds if x.m > b)
        sentence = msg("payments.honest.holds_main_spans" if spans else "payments.honest.holds", m=fmt_kr(b, lang),
                       next=fmt_kr(after, lang), effect=effect, **main)
    if doubtful:  # the placebo rejected: the bounds extrapolate a movement seen before the start
        sentence += " " + msg("payments.honest.doubtful")
    ref = f"{-h.reference}"
    # the column says what is measured: the mean effect against one month, not the main estimate
    cols = [msg("payments.honest.deviation"), msg("payments.honest.ci", reference=ref),
            msg("payments.honest.excludes_zero")]
    rows = [(msg("payments.honest.parallel"), h.original_low, h.original_high)]
    rows += [(fmt_kr(x.m, lang), x.low, x.high) for x in h.bounds]
    frame = pd.DataFrame({
        cols[0]: [x[0] for x in rows],
        cols[1]: [msg("payments.robust.range", low=fmt_kr(lo, lang), high=fmt_kr(hi, lang)) for _, lo, hi in rows],
        cols[2]: [msg("common.yes" if (lo > 0 or hi < 0) else "common.no") for _, lo, hi in rows],
    })
    if doubtful:
        # where the check before the start failed, no row says "excludes zero", nor repeats on every row that it is
        # not reliable: the note under the table says it once, for every interval
        frame = frame.drop(columns=cols[2])
    # the mean effect beside the main estimate, both as figures: they differ by much where the groups drifted apart
    # before the start, and a reader told only that they differ "a little" would stumble over the table
    note = msg("payments.honest.note", reference=ref, effect=effect, main=fmt_kr(r.payments.did.effect, lang))
    if doubtful:
        note = msg("payments.honest.unreliable_note") + " " + note
    # (a caption of its own: under the same heading as the table of estimates, it would be numbered with that title)
    return [Text([sentence]), Table(frame, caption=msg("payments.honest.caption"), notes=(note,), numeric=(cols[1],))]
