"""How strong a comparison design is, in the report's words: an application's minimum detectable
effect (:mod:`evaltools.analysis.power`), as one page-1 sentence and one key-figure row."""
from __future__ import annotations

from ...analysis.power import MinimumDetectableEffect, SdSource, application_power
from ...words.formats import fmt_int, fmt_kr, fmt_kr_prose, fmt_pct


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
