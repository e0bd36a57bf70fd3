"""About the project: the facts from the params file, its kind and its description."""
from __future__ import annotations

import pandas as pd

from ...analysis.disclosure import HouseholdsSaid, Secondary, participant_households
from ...data import schema as S
from ...data.validation import persons_of
from ...data.params import kind_inferred, kind_reason
from .contents import left_out
from ..display import Table, Text
from ..markup import written
from ...data.privacy import hides
from ...words.formats import fmt_date, fmt_int, fmt_kr, fmt_pct, fmt_persons


KIND_NAMES = {"individ": "kind.name.individ", "struktur": "kind.name.struktur", "ansökan": "kind.name.ansökan"}
SECTION_NAMES = {"participants": "kind.section.participants", "outcomes": "kind.section.outcomes",
                 "time_in_project": "kind.section.time_in_project", "payments": "kind.section.payments",
                 "costbenefit": "kind.section.costbenefit"}
LEFT_OUT_KEYS = {"struktur": "kind.left_out_struktur", "ansökan": "kind.left_out_ansokan"}


def description(params, lang: str) -> list[str]:
    """The description in the report's language; the Swedish one when no English one is given (marked as Swedish,
    :func:`~evaltools.words.markup.written`, so that Word checks its spelling in Swedish)."""
    text = params.description_en if lang == "en" and params.description_en else written(params.description, lang)
    return [text] if text else []


def participants_words(r, n: int | None = None) -> str:
    """The number of participants (``n``, by default all) as a sentence may give it: the number, or
    "färre än 5" where the differencing rule withholds it (:mod:`evaltools.analysis.disclosure`)."""
    n = persons_of(r.project.participants) if n is None else n
    if r.disclosure.hides(Secondary.PARTICIPANTS):
        return r.msg("facts.participants_few", k=str(r.params.privacy.min_count))
    return fmt_int(n, r.lang)


def reach(participants: pd.DataFrame, params) -> float | None:
    """The share of the target population reached: distinct persons among ``participants`` (a person
    enrolled twice is one person of the target population) over its size, where both exist."""
    tp = params.target_population
    persons = participants[S.PERSON_ID].nunique() if S.PERSON_ID in participants else 0
    if tp is None or not tp.size or not persons:
        return None
    return persons / tp.size


def left_out_sentence(r) -> list[str]:
    """At most one sentence naming the sections this kind of project leaves out."""
    names = left_out(r.kind)
    if not names:
        return []
    listed = r.words.join([r.msg(SECTION_NAMES[n]) for n in names])
    return [r.msg(LEFT_OUT_KEYS[r.kind], sections=listed)]


def no_payments_sentence(r) -> list[str]:
    """One sentence where a participant project's payments section is left out for want of payment data: that
    no participant had försörjningsstöd at start, where none had (so there was none to follow, not data missing)."""
    if r.kind != "individ" or not r.payments.table.empty:
        return []
    # (the analysis names the supports only where it is so: CostSummary.no_fs_at_start)
    return [r.msg("payments.no_fs_at_start" if r.cba.summary.no_fs_at_start else "payments.no_payments")]


def kind_note(r) -> list[str]:
    """For the appendix: that the kind was inferred, why, and how to state it."""
    p = r.params
    return [r.msg("kind.inferred", reason=r.msg(kind_reason(p)))] if kind_inferred(p) else []


def gives_data_day(r) -> bool:
    """Whether the facts give the data's last day: a participant project's, whose figures are counted to it; an
    application has no data and a structural project only its budget and answers. The workbook's first sheet asks
    the same (:func:`evaltools.publish.workbook.export_report`)."""
    return r.kind == "individ"


# the national agencies a partner list names in Swedish, with their catalog entry (in English: the name beside it)
_AGENCIES = {"arbetsförmedlingen": "facts.partner_af", "försäkringskassan": "facts.partner_fk"}


def partner_name(r, name: str) -> str:
    """A partner as the params name it; a national agency in an English report with its English name beside it
    ("Försäkringskassan (the Social Insurance Agency)"), as the report's sentences call it."""
    key = _AGENCIES.get(name.strip().casefold())
    return r.msg(key, name=name.strip()) if key else name


def rows(r) -> list[tuple[str, str]]:
    p, lang, msg = r.params, r.lang, r.msg
    kind = msg(KIND_NAMES[r.kind])
    out = [
        (msg("facts.kind"), kind),
        # (the förbund and the owner as the params name them, in Swedish: marked so in an English report)
        (msg("facts.forbund"), written(p.forbund, lang)),
        (msg("facts.owner"), written(p.owner, lang)),
        (msg("facts.partners"), ", ".join(partner_name(r, x) for x in p.partners) or "–"),
        (msg("facts.planned_period"), f"{fmt_date(p.period.start)} – {fmt_date(p.period.planned_end)}"),
    ]
    if (pre := p.period.prestudy) is not None:  # (the pre-study, and the day project year 1 begins)
        out += [(msg("facts.prestudy"), f"{fmt_date(pre[0])} – {fmt_date(pre[1])}"),
                (msg("facts.implementation_start"), fmt_date(p.period.years_start))]
    if r.kind == "ansökan":  # an application: what it asks for, and nothing has ended yet
        out.append((msg("facts.applied"), fmt_kr(p.granted_sek, lang) if p.granted_sek else "–"))
    else:
        # (a project still running when the data were taken has not ended: "as planned" would be a forecast)
        # (a prolonged project, and one that ended early, says so beside its end: the board reads the change here)
        actual, planned = p.period.actual_end, p.period.planned_end
        end = (msg("facts.prolonged", end=fmt_date(actual), planned=fmt_date(planned)) if actual and actual > planned
               else msg("facts.ended_early", end=fmt_date(actual), planned=fmt_date(planned)) if actual
               and actual < planned
               else fmt_date(actual) if actual
               else msg("facts.running", as_of=fmt_date(p.as_of)) if p.runs_on else msg("facts.as_planned"))
        out += [(msg("facts.actual_end"), end),
                (msg("facts.granted"), fmt_kr(p.granted_sek, lang) if p.granted_sek else "–")]
    if p.last_intake is not None:
        out.append((msg("facts.last_intake"), fmt_date(p.last_intake)))
    tp = p.target_population
    if tp is not None:
        desc = tp.description_en if lang == "en" and tp.description_en else written(tp.description, lang)
        if desc:
            out.append((msg("facts.target_population"), desc))
        if tp.size:
            out.append((msg("facts.target_population_size"), fmt_int(tp.size, lang)))
    if gives_data_day(r):
        out.append((msg("facts.data_up_to"), fmt_date(p.data_until)))
        n = persons_of(r.project.participants)
        if r.disclosure.hides(Secondary.PARTICIPANTS):  # (with the goals' counts it would tell a few persons' outcomes)
            out.append((msg("facts.participants"), msg("facts.participants_few", k=str(p.privacy.min_count))))
            return out  # (the reach, participants over the target population, would give the number back)
        out.append((msg("facts.participants"), fmt_int(n, lang)))
        households = households_said(r)
        if households is not None:
            out.append((msg("facts.households"), fmt_int(households, lang) if isinstance(households, int) else households))
        share = reach(r.project.participants, p)
        if share is not None:
            out.append((msg("facts.reach"), fmt_pct(share, lang)))
    return out


def households_said(r) -> int | str | None:
    """The households the participants live in, as page 1 says them (one count, one rule:
    :func:`~evaltools.analysis.disclosure.participant_households`): their number, "färre än k", or None where
    it is not said (the participants withheld, or as many households as participants but for a few)."""
    if not gives_data_day(r) or r.disclosure.hides(Secondary.PARTICIPANTS):
        return None
    hh = participant_households(r.project, r.disclosure)
    if hh.said == HouseholdsSaid.EXACT:
        return int(hh.households)
    if hh.said == HouseholdsSaid.FEW:
        return r.msg("facts.participants_few", k=str(r.params.privacy.min_count))
    return None


def blocks(r) -> list[list]:
    p, lang, msg = r.params, r.lang, r.msg
    frame = pd.DataFrame(rows(r), columns=[msg("common.item"), msg("common.value")])
    notes = left_out_sentence(r) + no_payments_sentence(r)  # (a kind the toolkit inferred is noted in the appendix)
    # (printed whole: at the foot of page 1 its header and a row or two would stand alone, the rest overleaf)
    return [[Text(description(p, lang), msg("facts.heading")), Table(frame, whole=True), Text(notes)]]


def persons_prose(r, n: int) -> str:
    """A count of persons as a sentence says it: 'färre än 5' ('fewer than 5') where the table shows '<5'."""
    k = r.params.privacy.min_count
    return r.msg("facts.participants_few", k=str(k)) if hides(n, k) else fmt_persons(n, k, r.lang)
