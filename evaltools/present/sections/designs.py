"""How strong a comparison design is, in the report's words: an application's minimum detectable
effect (:mod:`evaltools.analysis.power`), as one page-1 sentence and one key-figure row, and the
heterogeneity-robust estimate beside the main DiD (:mod:`evaltools.analysis.staggered`), as a
robustness row and a sentence when the two disagree."""
from __future__ import annotations

import pandas as pd

from ...analysis.power import MinimumDetectableEffect, SdSource, application_power
from ...analysis.staggered import Agreement
from ...words.formats import fmt_int, fmt_kr, fmt_kr_prose, fmt_pct
from ..display import Table


def _mde(r) -> MinimumDetectableEffect | None:
    return application_power(r.project) if r.kind == "ansökan" else None


def mde_sentence(r) -> str | None:
    """Page 1 of an application check: how large a fall in försörjningsstöd the planned volumes
    could detect ("… minst 1 400 kr per person och månad …"); ``None`` without volumes."""
    m = _mde(r)
    if m is None:
        return None
    return r.msg("kind.ex_ante_mde", n1=fmt_int(m.n_participants, r.lang), n0=fmt_int(m.n_comparison, r.lang),
                 effect=fmt_kr_prose(m.effect, r.lang))


def mde_row(r) -> tuple[tuple[str, str], str] | None:
    """The key-figure row of an application's minimum detectable effect and the note that says how it
    was computed and where the outcome's spread comes from; ``None`` without volumes."""
    m = _mde(r)
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


def staggered_sentences(r) -> list[str]:
    """The sentence when the heterogeneity-robust estimate and the main DiD disagree (in size or in
    conclusion); none when they agree or there is no robust estimate."""
    s = _robust(r)
    if s is None or s.agreement is Agreement.AGREE:
        return []
    key = "payments.staggered_size" if s.agreement is Agreement.SIZE_DIFFERS else "payments.staggered_conclusion"
    lang = r.lang
    return [r.msg(key, effect=fmt_kr(s.effect, lang), low=fmt_kr(s.ci_low, lang), high=fmt_kr(s.ci_high, lang),
                  main=fmt_kr(s.main.effect, lang))]


def robustness_blocks(r) -> list:
    """The robustness rows: the main DiD and the heterogeneity-robust estimate, each with its 95 %
    interval, in one small table beside the main estimate."""
    s = _robust(r)
    if s is None:
        return []
    lang, msg = r.lang, r.msg
    d = r.payments.did
    cols = [msg("payments.robust.estimator"), msg("payments.robust.effect"), msg("payments.robust.ci")]

    def interval(lo: float, hi: float) -> str:
        return msg("payments.robust.range", low=fmt_kr(lo, lang), high=fmt_kr(hi, lang))
    frame = pd.DataFrame({cols[0]: [msg("payments.robust.main"), msg("payments.robust.staggered")],
                          cols[1]: [fmt_kr(d.effect, lang), fmt_kr(s.effect, lang)],
                          cols[2]: [interval(d.ci_low, d.ci_high), interval(s.ci_low, s.ci_high)]})
    return [Table(frame, notes=(msg("payments.robust.note"),), numeric=tuple(cols[1:]))]
