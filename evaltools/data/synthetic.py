"""Deterministic synthetic data: the sample projects and national-scale benchmark data.

Nothing here comes from real persons. Ids are project codes (``T001``), never
personnummer, and no names or contact details from the seed documents are used.
``scripts/make_sample_data.py`` writes the sample projects to ``data/``; the same seed
gives the same files.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from . import schema as S
from .reference import price_factor

SEED = 20261123
# kompassen-demo: kr a month less from the start month on while a participant's household is paid at all.
# The project's true effect on payments is larger, since it also makes more participants leave: see
# ``true_effect`` (over the start month and the 12 after it about -2 640 kr per household-month, the DiD's
# estimand, and -2 770 kr per participant-month).
DEMO_TRUE_EFFECT_SEK = -2000.0

_HOUSEHOLDS = ["ensamstående", "ensamstående_med_barn", "sambo_utan_barn", "sambo_med_barn"]
_SUPPORT_AFTER = {
    "arbete": "lön", "arbete_med_stöd": "lön", "studier": "studiemedel",
    "sjuk_aktivitetsersättning": "sjuk_aktivitetsersättning", "sjukpenning": "sjukpenning",
    "annan_ersättning": "annan_offentlig", "aktiv_planering_annan_part": "försörjningsstöd",
    "arbetssökande": "försörjningsstöd", "kvar_försörjningsstöd": "försörjningsstöd",
    "flyttat": S.UNKNOWN, "avbrott": "försörjningsstöd", "annat": S.UNKNOWN,
}
_OCC_AFTER = {"arbete": "förvärvsarbete", "arbete_med_stöd": "förvärvsarbete", "studier": "studier",
              "arbetssökande": "arbetssökande"}


def _dates_between(rng: np.random.Generator, first: dt.date, last: dt.date, n: int) -> list[dt.date]:
    span = (last - first).days
    return sorted(first + dt.timedelta(days=int(d)) for d in rng.integers(0, span + 1, n))


def _person_frame(rng: np.random.Generator, ids: Sequence[str], starts: Sequence[dt.date],
                  ends: Sequence[dt.date | None], outcomes: Sequence[str | None], project_id: str, municipality: str,
                  sgi_mix: tuple[float, float, float] = (0.6, 0.3, 0.1)) -> pd.DataFrame:
    n = len(ids)
    hh = rng.choice(_HOUSEHOLDS, n, p=[0.55, 0.2, 0.1, 0.15])
    kids = np.where(np.isin(hh, ["ensamstående_med_barn", "sambo_med_barn"]), rng.integers(1, 4, n), 0)
    birth = np.array([s.year for s in starts]) - rng.integers(21, 64, n)
    rows = []
    for i in range(n):
        out = outcomes[i]
        rows.append({
            S.PERSON_ID: ids[i], S.PROJECT_ID: project_id,
            S.SEX: rng.choice(["kvinna", "man"], p=[0.55, 0.45]),
            S.BIRTH_YEAR: int(birth[i]), S.HOUSEHOLD_TYPE: hh[i], S.N_CHILDREN: int(kids[i]),
            S.MUNICIPALITY: municipality,
            S.START_DATE: starts[i].isoformat(), S.END_DATE: end.isoformat() if (end := ends[i]) else "",
            S.OUTCOME: out or "",
            S.SUPPORT_START: "försörjningsstöd",
            S.SUPPORT_EXIT: _SUPPORT_AFTER.get(out, "") if out else "",
            S.ACTION_PLAN: ("ja" if rng.random() < 0.85 else "nej") if out else "",
            S.SGI_STATUS: rng.choice(["nollklassad", "utförsäkrad", "har_sgi"], p=list(sgi_mix)),
            S.EDUCATION: rng.choice(["förgymnasial_ej_fullföljd", "förgymnasial", "gymnasial", "eftergymnasial", S.UNKNOWN],
                                    p=[0.15, 0.3, 0.35, 0.1, 0.1]),
            S.MONTHS_ON_SUPPORT_BEFORE: int(rng.integers(6, 96)),
            S.OCCUPATION_BEFORE: rng.choice(["ingen", "arbetssökande", "övrigt"], p=[0.7, 0.2, 0.1]),
            S.OCCUPATION_AFTER: _OCC_AFTER.get(out, "ingen") if out else "",
            S.EXTENT_BEFORE_PCT: 0,
            S.EXTENT_AFTER_PCT: (int(rng.choice([25, 50, 75, 100])) if out in ("arbete", "arbete_med_stöd", "studier") else 0) if out else "",
            S.HOUSEHOLD_ID: "H" + ids[i],
        })
    return pd.DataFrame(rows)


# --- Timrå: Vägen ut för sjukskrivna (final report 2019) ------------------------------
def timra_participants(seed: int = SEED) -> pd.DataFrame:
    """52 enrolments reproducing the Timrå final report.

    Project year 1 (2018-02-01..2019-01-31): 37 enrolled, 18 self-sufficient or with an
    active plan with another party. Project year 2 (2019-02-01..2019-10-15, ended early):
    15 enrolled, 13 of them. Two moved away and one dropped out (addiction); none counts as a
    success.
    """
    rng = np.random.default_rng(seed)
    y1 = (["arbete"] * 3 + ["arbete_med_stöd"] * 2 + ["studier"] * 1 + ["sjuk_aktivitetsersättning"] * 4
          + ["sjukpenning"] * 2 + ["aktiv_planering_annan_part"] * 6
          + ["flyttat"] * 1 + ["avbrott"] * 1 + ["kvar_försörjningsstöd"] * 12 + ["arbetssökande"] * 4 + ["annat"] * 1)
    y2 = (["arbete"] * 2 + ["sjuk_aktivitetsersättning"] * 3 + ["sjukpenning"] * 1 + ["annan_ersättning"] * 1
          + ["aktiv_planering_annan_part"] * 6 + ["flyttat"] * 1 + ["kvar_försörjningsstöd"] * 1)
    assert len(y1) == 37 and len(y2) == 15
    rng.shuffle(y1)
    rng.shuffle(y2)
    s1 = _dates_between(rng, dt.date(2018, 2, 1), dt.date(2019, 1, 31), 37)
    s2 = _dates_between(rng, dt.date(2019, 2, 1), dt.date(2019, 8, 31), 15)
    last = dt.date(2019, 10, 15)
    starts = s1 + s2
    ends = [min(s + dt.timedelta(days=int(rng.integers(60, 330))), last) for s in starts]
    ids = [f"T{i + 1:03d}" for i in range(52)]
    return _person_frame(rng, ids, starts, ends, y1 + y2, "timra-vagen-ut", "Timrå", (0.65, 0.35, 0.0))


def timra_budget() -> pd.DataFrame:
    """The final report's budget-vs-utfall table, whole period, kr."""
    lines = [
        ("Aktiviteter: projektledarutbildning i Härnösand", 15000, 15000),
        ("Externa tjänster: utvärdering", 150000, 134000),
        ("Lönekostnader", 1086000, 956000),
        ("Lokalkostnader, IT och telefoni", 10000, 9000),
        ("Material", 5000, 5000),
        ("Resekostnader", None, None),
        ("Övriga kostnader", 10000, 9000),
        ("Summa", 1276000, 1128000),
    ]
    return pd.DataFrame([{S.PERIOD: "hela", S.CATEGORY: c, S.BUDGET: "" if b is None else b,
                          S.ACTUAL: "" if a is None else a, S.FUNDER: "förbund"} for c, b, a in lines])


# --- Eskilstuna: Specialistteamet (application 2023) -----------------------------------
ESKILSTUNA_BUDGET = {  # line -> (2024, 2025, 2026), from the application
    "Specialist 150 %": (981550, 1010998, 1041327),
    "Rehabkoordinator 10 %": (56400, 56400, 56400),
    "Arbetsterapeut, upphandling": (200000, 200000, 200000),
    "Material, arbetsredskap": (30000, None, None),
    "Resor": (10000, 10000, 10000),
}
ESKILSTUNA_ACTUAL = {  # synthetic utfall for the finished years
    "Specialist 150 %": (902400, 1004120, None),
    "Rehabkoordinator 10 %": (42300, 56400, None),
    "Arbetsterapeut, upphandling": (150000, 200000, None),
    "Material, arbetsredskap": (27650, None, None),
    "Resor": (6120, 8950, None),
}


def eskilstuna_budget() -> pd.DataFrame:
    """The application's budget by year and line (total 3 863 075 kr) with synthetic utfall."""
    rows = []
    for i, year in enumerate((2024, 2025, 2026)):
        for line, amounts in ESKILSTUNA_BUDGET.items():
            b, a = amounts[i], ESKILSTUNA_ACTUAL[line][i]
            if b is None and a is None:
                continue
            rows.append({S.PERIOD: str(year), S.CATEGORY: line, S.BUDGET: "" if b is None else b,
                         S.ACTUAL: "" if a is None else a, S.FUNDER: "förbund"})
        tot_b = sum(v[i] or 0 for v in ESKILSTUNA_BUDGET.values())
        rows.append({S.PERIOD: str(year), S.CATEGORY: "Total årskostnad", S.BUDGET: tot_b, S.ACTUAL: "", S.FUNDER: "förbund"})
    rows.append({S.PERIOD: "alla", S.CATEGORY: "Summa", S.BUDGET: 3863075, S.ACTUAL: "", S.FUNDER: "förbund"})
    return pd.DataFrame(rows)


def eskilstuna_participants(seed: int = SEED) -> pd.DataFrame:
    """Synthetic enrolments consistent with the application: up to six months each and
    about 40–50 exits to own support (work, studies or another benefit) per project year."""
    rng = np.random.default_rng(seed + 1)
    first, as_of = dt.date(2024, 4, 1), dt.date(2026, 10, 31)
    # The application's first selection comes from persons already known through TRIS: a
    # batch of 30 in April 2024, then a steady intake.
    starts = sorted(_dates_between(rng, first, dt.date(2024, 4, 30), 30)
                    + _dates_between(rng, first, dt.date(2026, 10, 15), 235))
    ids = [f"E{i + 1:03d}" for i in range(len(starts))]
    success = ["sjuk_aktivitetsersättning", "arbete", "arbete_med_stöd", "studier", "sjukpenning", "annan_ersättning"]
    other = ["kvar_försörjningsstöd", "aktiv_planering_annan_part", "avbrott", "flyttat", "arbetssökande"]
    ends: list[dt.date | None] = []
    outcomes: list[str | None] = []
    for s in starts:
        end = s + dt.timedelta(days=int(rng.integers(30, 183)))
        if end > as_of:
            ends.append(None)
            outcomes.append(None)
            continue
        ends.append(end)
        if rng.random() < 0.5:
            outcomes.append(rng.choice(success, p=[0.38, 0.22, 0.12, 0.1, 0.1, 0.08]))
        else:
            outcomes.append(rng.choice(other, p=[0.5, 0.25, 0.12, 0.05, 0.08]))
    return _person_frame(rng, ids, starts, ends, outcomes, "eskilstuna-specialistteamet", "Eskilstuna")


_HH_LEVEL_2023 = {"ensamstående": 8900, "ensamstående_med_barn": 12400, "sambo_utan_barn": 11800, "sambo_med_barn": 15600}


def _month_range(first: pd.Timestamp, last: pd.Timestamp) -> pd.DatetimeIndex:
    return pd.date_range(first.to_period("M").to_timestamp(), last.to_period("M").to_timestamp(), freq="MS")


def eskilstuna_payments(persons: pd.DataFrame, seed: int = SEED) -> pd.DataFrame:
    """Monthly försörjningsstöd consistent with 8 900 kr/month for a single adult in 2023
    (other household types scaled), from 12 months before start; payments stop after an exit to
    own support."""
    rng = np.random.default_rng(seed + 2)
    as_of = pd.Timestamp("2026-10-31")
    factors = {y: price_factor(2023, y)[0] for y in range(2022, 2027)}
    rows = []
    for _, p in persons.iterrows():
        start = pd.Timestamp(p[S.START_DATE])
        end = pd.Timestamp(p[S.END_DATE]) if p[S.END_DATE] else None
        stop = as_of
        if end is not None and p[S.OUTCOME] in S.LEAVES_SOCIAL_ASSISTANCE:
            stop = end
        if p[S.OUTCOME] == "flyttat":
            stop = end
        level = _HH_LEVEL_2023[p[S.HOUSEHOLD_TYPE]] * rng.uniform(0.85, 1.15)
        for m in _month_range(start - pd.DateOffset(months=12), stop):
            amt = level * factors[m.year] * rng.uniform(0.9, 1.1)
            rows.append({S.PERSON_ID: p[S.PERSON_ID], S.MONTH: m.strftime("%Y-%m"), S.AMOUNT: round(amt),
                         S.HOUSEHOLD_ID: p[S.HOUSEHOLD_ID]})
    return pd.DataFrame(rows)


# --- Kompassen (fictional): comparison group and a known effect ------------------------
NEEDPEAK_TRUE_EFFECT_SEK = 0.0  # sprangbradan-demo: the project changes nothing

# Outcomes at exit and their probabilities: the participants of both demo projects, and the comparison
# persons: where the project has an effect (Kompassen), fewer of them leave försörjningsstöd, as many as
# the participants would have without the project; where it has none (Språngbrädan, or any draw with a
# true effect of 0), as many as the participants.
_DEMO_OUTCOMES = ("arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning",
                  "kvar_försörjningsstöd", "avbrott", "aktiv_planering_annan_part")
_DEMO_OUTCOME_P = (0.18, 0.1, 0.07, 0.12, 0.35, 0.08, 0.1)
_DEMO_COMPARISON_OUTCOMES = ("arbete", "studier", "sjuk_aktivitetsersättning", "kvar_försörjningsstöd")
_DEMO_COMPARISON_P = {"effect": (0.12, 0.04, 0.06, 0.78), "none": (0.28, 0.07, 0.12, 0.53)}


def _leaves(outcomes: Sequence[str]) -> np.ndarray:
    return np.isin(np.asarray(outcomes, dtype=object), S.LEAVES_SOCIAL_ASSISTANCE)


def _anyway_share() -> float:
    """The share of Kompassen's leavers who would have left försörjningsstöd without the project:
    the comparison persons' probability of leaving over the participants'."""
    p_part = sum(p for o, p in zip(_DEMO_OUTCOMES, _DEMO_OUTCOME_P) if o in S.LEAVES_SOCIAL_ASSISTANCE)
    p_comp = sum(p for o, p in zip(_DEMO_COMPARISON_OUTCOMES, _DEMO_COMPARISON_P["effect"])
                 if o in S.LEAVES_SOCIAL_ASSISTANCE)
    return p_comp / p_part


def _month_of(dates: Sequence[dt.date]) -> np.ndarray:
    return np.array([d.year * 12 + d.month - 1 for d in dates], dtype=np.int64)


def needpeak_project(seed: int = SEED, *, counterfactual: bool = False) -> dict[str, pd.DataFrame]:
    """A fictional project (Språngbrädan) whose participants enrol when their need peaks and
    whose true effect is zero.

    Participants' payments rise over the eight months before their start and fall back over the
    three months after it; the comparison persons' reference dates are ordinary months for them, with
    no such peak. The fall after the start is therefore not an effect, but a difference in
    differences reads part of it as one (the rise reaches into the months counted as before), and the placebo test before the start (months -12 to -4) sees
    the groups move apart: the sample shows the report's warning that parallel trends are doubtful.
    The project changes nothing: its participants leave försörjningsstöd as often and as soon after
    the start as the comparison persons after their reference date, and each participant's payments
    are those they would have had without it (``counterfactual``: see :func:`demo_project`).
    """
    return demo_project(seed, n_participants=120, n_comparison=360, project_id="sprangbradan-demo",
                        true_effect=NEEDPEAK_TRUE_EFFECT_SEK, need_peak="participants", counterfactual=counterfactual)


def demo_project(seed: int = SEED, n_participants: int = 180, n_comparison: int = 540, *,
                 project_id: str = "kompassen-demo", true_effect: float = DEMO_TRUE_EFFECT_SEK,
                 need_peak: str = "shared", counterfactual: bool = False) -> dict[str, pd.DataFrame]:
    """A fictional project with a comparison group and monthly payments for both groups.

    Payments are the household's (persons who share a household share one series, and the
    same exit): a household level, a calendar-month effect (prices and season), and a rise in
    need in the months before the reference date (enrolment for participants, a matched date for
    comparison persons) that fades after it, the same in both groups. A household whose person is
    coded as leaving försörjningsstöd (``schema.LEAVES_SOCIAL_ASSISTANCE``) is paid through the
    exit month and never after it; the others are paid every month to the end of the data. A
    comparison person who leaves does so 90–364 days after the reference date (the end date);
    one who stays has the end date a year after it.

    The project's effect works in two ways. From the start month on, participants are paid
    ``true_effect`` kr a month more (a negative amount: less) while they are paid at all; and
    the project makes more of them leave: without it only as many as among the comparison
    persons would have left, at the comparison persons' times (the rest of those who left would
    have stayed). With ``true_effect`` 0 the project changes nothing: the comparison persons leave as
    often as the participants, and the participants' payments are those they would have had without
    it (:func:`needpeak_project`; the null of the simulation studies). With ``counterfactual`` the
    result also holds ``counterfactual_payments``: each participant's payments without the project,
    from the same level, season, need and noise (:func:`true_effect`: the mean difference between
    ``payments`` and them).
    """
    shared = need_peak == "shared"
    kind = "effect" if true_effect else "none"  # a project with no effect changes no one's exit either
    rng = np.random.default_rng(seed + 3 if shared else seed + 7)
    # exit times and what would have happened without the project: a generator of their own, so
    # that the person files keep the draws they had before exits were tied to the payments
    rng_x = np.random.default_rng(seed + 13 if shared else seed + 17)
    first, last = dt.date(2021, 1, 1), dt.date(2023, 6, 30)
    months = pd.date_range("2019-01-01", "2025-06-01", freq="MS")
    month_idx = (months.year * 12 + months.month - 1).to_numpy()
    season = np.where(months.month == 12, 1.06, np.where(months.month.isin([6, 7]), 0.97, 1.0))
    kpi_f = np.array([price_factor(2021, m.year)[0] for m in months])
    never = np.iinfo(np.int64).max

    def group(n: int, prefix: str, treated: bool) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]:
        refs = _dates_between(rng, first, last, n)
        ids = [f"{prefix}{i + 1:04d}" for i in range(n)]
        if treated:
            ends, outs = [], []
            for r in refs:
                ends.append(min(r + dt.timedelta(days=int(rng.integers(90, 365))), dt.date(2023, 12, 31)))
                outs.append(rng.choice(list(_DEMO_OUTCOMES), p=list(_DEMO_OUTCOME_P)))
        else:
            outs = list(rng.choice(list(_DEMO_COMPARISON_OUTCOMES), n, p=list(_DEMO_COMPARISON_P[kind])))
            days = rng_x.integers(90, 365, n)
            ends = [r + dt.timedelta(days=int(d) if o in S.LEAVES_SOCIAL_ASSISTANCE else 365)
                    for r, d, o in zip(refs, days, outs)]
        persons = _person_frame(rng, ids, refs, ends, outs, project_id if treated else "", "Exempelby")
        if not treated:
            persons[S.PROJECT_ID] = ""
        leaves = _leaves(outs)
        # a tenth of persons share a household with the nearest person before them whose exit is of
        # the same kind (one household's försörjningsstöd stops for both or for neither)
        share = rng.random(n) < 0.1
        share[0] = False
        hh = persons[S.HOUSEHOLD_ID].to_numpy().copy()
        head = np.arange(n)  # the household's first person: its reference date and its series
        for i in np.flatnonzero(share):
            same = np.flatnonzero(leaves[:i] == leaves[i])
            if len(same):
                head[i] = head[same[-1]]
                hh[i] = hh[head[i]]
        persons[S.HOUSEHOLD_ID] = hh
        hh_level = {h: rng.uniform(6500, 11000) for h in pd.unique(hh)}
        base = np.array([hh_level[h] for h in hh])
        ref_m = _month_of(refs)[head]
        # event time in months from the household's reference month, person x month
        et = month_idx[None, :] - ref_m[:, None]
        # need rises over the six months before the reference month and fades over three after it
        if need_peak == "shared":
            dip = np.where(et < 0, np.clip(1 - np.abs(et) / 7, 0, None), np.clip(1 - et / 3, 0, None)) * 2500
        elif treated:  # need_peak == "participants": rises over eight months before the start, fades over three after
            dip = np.where(et < 0, np.clip(1 - (np.abs(et) - 1) / 8, 0, None), np.clip(1 - et / 3, 0, None)) * 3000
        else:
            dip = np.zeros(et.shape)
        y0 = base[:, None] * kpi_f[None, :] * season[None, :] + dip + rng.normal(0, 500, et.shape)
        y0 = y0[head]  # one series per household
        # the household's last month paid: the first exit month of its persons (all leave or none)
        exit_m = np.where(leaves, _month_of(ends), never)
        hh_exit = pd.Series(exit_m).groupby(head).transform("min").to_numpy()
        y = y0 + np.where(et >= 0, true_effect, 0.0) if treated else y0
        y = np.where(month_idx[None, :] > hh_exit[:, None], 0.0, y)
        cf = None
        if treated and counterfactual:
            if kind == "effect":
                # without the project: of the households that left, as many as among the comparison
                # persons would have left anyway, 90–364 days after the reference date; the rest stay
                anyway = rng_x.random(n) < _anyway_share()
                days = rng_x.integers(90, 365, n)
                cf_exit = np.where(leaves & anyway, _month_of([r + dt.timedelta(days=int(d)) for r, d in zip(refs, days)]),
                                   never)[head]
            else:
                cf_exit = hh_exit
            y_cf = np.where(month_idx[None, :] > cf_exit[:, None], 0.0, y0)
            cf = _payment_rows(ids, months, y_cf, hh)
        return persons, _payment_rows(ids, months, y, hh), cf

    p, pp, pcf = group(n_participants, "K", True)
    c, cp, _ = group(n_comparison, "J", False)
    out = {"participants": p, "payments": pp, "comparison": c, "comparison_payments": cp}
    if pcf is not None:
        out["counterfactual_payments"] = pcf
    return out


def true_effect(project: dict[str, pd.DataFrame], months_after: int = 12, per: str = "participant") -> pd.Series:
    """The project's true effect on its participants' försörjningsstöd, by month from the start month
    (0 to ``months_after``): the mean of what was paid less what would have been paid without the project.

    Parameters
    ----------
    project
        :func:`demo_project`'s (or :func:`needpeak_project`'s) frames made with ``counterfactual=True``.
    months_after
        The last month after the start month (the params' ``comparison.months_after``).
    per
        ``"participant"``: one series per participant, from that participant's own start month (a
        household of two participants counts twice, the second time from a later start).
        ``"household"``: one series per household that took part (``household_id``), from its first
        participant's start month, read from that participant's rows (members' rows are the
        household's payments): the unit and months the payments DiD estimates its effect over
        (:func:`evaltools.analysis.comparison.household_units`), so the figure to compare it with.

    Returns
    -------
    pandas.Series
        kr per participant (or household), indexed by the month relative to the start month; a month
        without a payment row is 0 kr. Its mean is the true average effect over those months (each month
        has every participant or household).
    """
    p = project["participants"]
    if per == "household":
        hh = p[S.HOUSEHOLD_ID].where(p[S.HOUSEHOLD_ID].notna(), p[S.PERSON_ID]) if S.HOUSEHOLD_ID in p else p[S.PERSON_ID]
        p = p.assign(_hh=hh.to_numpy()).sort_values([S.START_DATE, S.PERSON_ID], kind="stable").drop_duplicates("_hh")
    elif per != "participant":
        raise ValueError(f"per must be 'participant' or 'household', not {per!r}")
    start = pd.to_datetime(p[S.START_DATE])
    ref = (start.dt.year * 12 + start.dt.month - 1).to_numpy()
    event = np.arange(months_after + 1)
    m = (ref[:, None] + event[None, :]).ravel()
    keys = pd.MultiIndex.from_arrays([np.repeat(p[S.PERSON_ID].to_numpy(), len(event)),
                                      [f"{v // 12}-{v % 12 + 1:02d}" for v in m]])

    def paid(frame: pd.DataFrame) -> np.ndarray:
        s = frame.set_index([S.PERSON_ID, S.MONTH])[S.AMOUNT]
        return s.reindex(keys).fillna(0).to_numpy(float).reshape(len(p), len(event))

    diff = paid(project["payments"]) - paid(project["counterfactual_payments"])
    return pd.Series(diff.mean(axis=0), index=pd.Index(event, name="event_time"), name="true_effect")


def _payment_rows(ids: Sequence[str], months: pd.DatetimeIndex, amounts: np.ndarray, households: np.ndarray) -> pd.DataFrame:
    """One row per person and month paid (as a finance system exports them: no row for a month
    without payment), in kr."""
    y = np.clip(np.round(amounts), 0, None).astype(int)
    i, j = np.nonzero(y > 0)
    return pd.DataFrame({S.PERSON_ID: np.asarray(ids)[i], S.MONTH: months.strftime("%Y-%m")[j],
                         S.AMOUNT: y[i, j], S.HOUSEHOLD_ID: np.asarray(households)[i]})


# kompassen-demo's register outcomes: the true effects per participant-month from the start month on
DEMO_EARNINGS_EFFECT_SEK = 3000.0  # gross earnings (employer declarations)
DEMO_STATE_BENEFIT_EFFECT_SEK = 800.0  # aktivitetsstöd, paid by the state; Försäkringskassan's sjukpenning unchanged


def demo_register(participants: pd.DataFrame, comparison: pd.DataFrame, seed: int = SEED, *,
                  earnings_effect: float = DEMO_EARNINGS_EFFECT_SEK,
                  benefit_effect: float = DEMO_STATE_BENEFIT_EFFECT_SEK) -> dict[str, pd.DataFrame]:
    """Register outcomes for a project's participants and comparison persons (``demo_project``'s).

    A generator of its own (seeded apart from ``demo_project``), so that adding these files changes
    no other sample file. For every person and month 2019-01 to 2025-06: a third of the persons earn
    a little (a person level of 2 000–9 000 kr a month, a calendar-month effect, noise), the others
    nothing; some receive sjukpenning (Försäkringskassan) and some aktivitetsstöd (the state). From
    their start month on, participants earn exactly ``earnings_effect`` more each month and receive
    ``benefit_effect`` more aktivitetsstöd; sjukpenning is the same in both groups. Only months with
    an amount above 0 kr have a row, as in a register extract.
    """
    rng = np.random.default_rng(seed + 11)
    months = pd.date_range("2019-01-01", "2025-06-01", freq="MS")
    persons = pd.concat([participants, comparison], ignore_index=True)
    n = len(persons)
    treated = np.r_[np.ones(len(participants), bool), np.zeros(len(comparison), bool)]
    ref = pd.to_datetime(persons[S.START_DATE])
    et = ((months.year.to_numpy()[None, :] - ref.dt.year.to_numpy()[:, None]) * 12
          + (months.month.to_numpy()[None, :] - ref.dt.month.to_numpy()[:, None]))
    after = (et >= 0) & treated[:, None]
    season = np.where(months.month == 12, 400.0, np.where(months.month.isin([6, 7]), 250.0, 0.0))

    def level(share: float, low: float, high: float, sd: float) -> np.ndarray:
        has = rng.random(n) < share
        base = np.where(has, rng.uniform(low, high, n), 0.0)
        return np.where(has[:, None], base[:, None] + season[None, :] + rng.normal(0, sd, (n, len(months))), 0.0)

    earn = level(1 / 3, 2000, 9000, 500) + np.where(after, earnings_effect, 0.0)
    sick = level(0.15, 3000, 8000, 300)
    activity = level(0.25, 2000, 6000, 300) + np.where(after, benefit_effect, 0.0)

    def rows(amounts: np.ndarray, **extra: str) -> pd.DataFrame:
        y = np.clip(np.round(amounts), 0, None).astype(int)
        i, j = np.nonzero(y > 0)
        return pd.DataFrame({S.PERSON_ID: persons[S.PERSON_ID].to_numpy()[i], S.MONTH: months.strftime("%Y-%m")[j],
                             **{k: v for k, v in extra.items()}, S.AMOUNT: y[i, j]})

    benefits = pd.concat([rows(sick, kind="sjukpenning"), rows(activity, kind="aktivitetsstöd")], ignore_index=True)
    benefits = benefits.sort_values([S.PERSON_ID, S.MONTH, S.KIND], kind="stable").reset_index(drop=True)
    return {"earnings": rows(earn), "benefits": benefits[[S.PERSON_ID, S.MONTH, S.KIND, S.AMOUNT]]}


# --- national scale (benchmark) -------------------------------------------------------
def national_scale(n_persons: int = 200_000, months: int = 50, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Typed frames at national scale for the benchmark (no files): ``n_persons`` participants
    and ``n_persons * months`` payment-months, plus a comparison group of the same size."""
    rng = np.random.default_rng(seed + 9)
    start0 = np.datetime64("2020-01-01")
    def persons(prefix: str, n: int) -> pd.DataFrame:
        starts = start0 + rng.integers(0, 365 * 3, n).astype("timedelta64[D]")
        dur = rng.integers(30, 400, n).astype("timedelta64[D]")
        ends = starts + dur
        ongoing = rng.random(n) < 0.05
        outcome = rng.choice(list(S.OUTCOMES)[:-1], n)
        df = pd.DataFrame({
            S.PERSON_ID: np.char.add(prefix, np.arange(n).astype(str)),
            S.PROJECT_ID: "national",
            S.SEX: rng.choice(["kvinna", "man"], n),
            S.BIRTH_YEAR: rng.integers(1960, 2002, n).astype(float),
            S.AGE: np.nan,
            S.HOUSEHOLD_TYPE: rng.choice(_HOUSEHOLDS, n),
            S.N_CHILDREN: rng.integers(0, 3, n).astype(float),
            S.START_DATE: pd.to_datetime(starts),
            S.END_DATE: pd.to_datetime(np.where(ongoing, np.datetime64("NaT"), ends)),
            S.OUTCOME: pd.Series(outcome, dtype=object).where(~ongoing, None).to_numpy(),
            S.SUPPORT_START: "försörjningsstöd",
            S.ACTION_PLAN: rng.choice(["ja", "nej"], n),
        })
        df[S.HOUSEHOLD_ID] = df[S.PERSON_ID]
        df[S.SGI_STATUS] = rng.choice(["nollklassad", "utförsäkrad", "har_sgi"], n)
        for col in S.PARTICIPANTS.columns:  # every contract column, as the loader would return it
            if col.name not in df:
                df[col.name] = np.nan if col.kind in ("int", "amount") else (col.default or S.UNKNOWN)
        return df
    p = persons("P", n_persons)
    c = persons("C", n_persons // 4)
    def pays(df: pd.DataFrame, effect: float) -> pd.DataFrame:
        n = len(df)
        start = df[S.START_DATE]
        ref_idx = (start.dt.year * 12 + start.dt.month - 1).to_numpy()
        m0 = ref_idx - months // 2  # payments from months/2 before the start
        mi = m0[:, None] + np.arange(months)[None, :]
        et = mi - ref_idx[:, None]
        base = rng.uniform(6000, 11000, n)[:, None]
        amt = base + np.where(et >= 0, effect, 0) + rng.normal(0, 500, (n, months))
        flat = mi.ravel()
        month = pd.to_datetime(pd.DataFrame({"year": flat // 12, "month": flat % 12 + 1, "day": 1}))
        return pd.DataFrame({S.PERSON_ID: np.repeat(df[S.PERSON_ID].to_numpy(), months), S.MONTH: month.to_numpy(),
                             S.AMOUNT: np.clip(amt, 0, None).ravel(),
                             S.HOUSEHOLD_ID: np.repeat(df[S.HOUSEHOLD_ID].to_numpy(), months)})
    return {"participants": p, "payments": pays(p, -1500.0), "comparison": c, "comparison_payments": pays(c, 0.0)}


def kompassen_budget() -> pd.DataFrame:
    """Budget and utfall of the fictional Kompassen project (kr), with own financing."""
    rows = []
    plan = {"Personal, två coacher": 1_150_000, "Lokal och IT": 90_000, "Utbildning": 40_000, "Utvärdering": 60_000}
    actual = {2021: 0.93, 2022: 1.02, 2023: 0.98}
    for year, f in actual.items():
        for line, amount in plan.items():
            rows.append({S.PERIOD: str(year), S.CATEGORY: line, S.BUDGET: amount, S.ACTUAL: round(amount * f),
                         S.FUNDER: "förbund"})
        rows.append({S.PERIOD: str(year), S.CATEGORY: "Kommunens arbetsledning (egen insats)", S.BUDGET: 120_000,
                     S.ACTUAL: 120_000, S.FUNDER: "egen"})
    return pd.DataFrame(rows)


# --- Nästa steg: a participant project whose main goal is an action plan at exit (fictional) --------
# Built on a goal common in Finsam applications: "80 % of the participants who exit shall have a
# documented action plan for the next step". Counts are fixed so that the tests can compute the
# figures by hand: 40 enrolled in 2023 and 36 in 2024 (2 after the last intake 2024-10-31); 70
# ended by 2024-12-31, 52 of them with a documented action plan; 6 still enrolled.
NASTA_STEG_YEAR1, NASTA_STEG_YEAR2, NASTA_STEG_ONGOING, NASTA_STEG_PLANS = 40, 36, 6, 52
NASTA_STEG_LATE = ("2024-11-12", "2024-11-26")  # enrolled after the last intake


def nasta_steg_participants(seed: int = SEED) -> pd.DataFrame:
    """76 enrolments of the fictional project Nästa steg (see the constants above)."""
    rng = np.random.default_rng(seed + 7)
    n1, n2, ongoing = NASTA_STEG_YEAR1, NASTA_STEG_YEAR2, NASTA_STEG_ONGOING
    s1 = _dates_between(rng, dt.date(2023, 1, 9), dt.date(2023, 12, 15), n1)
    s2 = _dates_between(rng, dt.date(2024, 1, 8), dt.date(2024, 10, 31), n2 - len(NASTA_STEG_LATE))
    s2 += [dt.date.fromisoformat(d) for d in NASTA_STEG_LATE]
    starts = s1 + s2
    last = dt.date(2024, 12, 31)
    # the last ``ongoing`` enrolments (the latest starts) are still in the project
    ends = [min(s + dt.timedelta(days=int(rng.integers(90, 300))), last) for s in starts[:-ongoing]] + [None] * ongoing
    n_ended = len(starts) - ongoing
    pool = (["arbete"] * 12 + ["arbete_med_stöd"] * 6 + ["studier"] * 10 + ["aktiv_planering_annan_part"] * 14
            + ["sjukpenning"] * 4 + ["arbetssökande"] * 10 + ["kvar_försörjningsstöd"] * 9 + ["flyttat"] * 3
            + ["avbrott"] * 2)
    assert len(pool) == n_ended
    rng.shuffle(pool)
    outcomes = pool + [None] * ongoing
    ids = [f"N{i + 1:03d}" for i in range(len(starts))]
    df = _person_frame(rng, ids, starts, ends, outcomes, "nasta-steg", "Exempelby", (0.7, 0.2, 0.1))
    df[S.BIRTH_YEAR] = [s.year - int(a) for s, a in zip(starts, rng.integers(18, 30, len(starts)))]  # unga vuxna
    plans = np.array(["ja"] * NASTA_STEG_PLANS + ["nej"] * (n_ended - NASTA_STEG_PLANS))
    rng.shuffle(plans)
    df[S.ACTION_PLAN] = list(plans) + [""] * ongoing
    return df


NASTA_STEG_BUDGET_TKR = {  # line -> ((budget, actual) 2023, (budget, actual) 2024), tkr
    "Personal, tre stegcoacher": ((1100, 1080), (1130, 1120)),
    "Lokal och material": ((60, 60), (60, 62)),
    "Utvärdering": ((40, 35), (60, 58)),
}


def nasta_steg_budget() -> pd.DataFrame:
    """Budget and actual costs per calendar year in tkr (the params file says amount_unit: {budget: tkr})."""
    rows = [{S.PERIOD: str(year), S.CATEGORY: line, S.BUDGET: amounts[i][0], S.ACTUAL: amounts[i][1],
             S.FUNDER: "förbund"}
            for i, year in enumerate((2023, 2024)) for line, amounts in NASTA_STEG_BUDGET_TKR.items()]
    return pd.DataFrame(rows)


# --- Samverkan i praktiken: a structural project (fictional) -----------------------------------
# Built on the structural efforts Finsam förbund fund (joint training days and conferences for the
# member agencies' staff, named contact paths): no participants, a target population of staff,
# process and qualitative goals, and a budget stated per year for a period of two years and one month.
SAMVERKAN_PER_YEAR = {  # line -> kr per year, from the (fictional) application
    "Processledare 100 %": 720000,
    "Gemensamma utbildningsdagar och konferenser": 150000,
    "Lokal och material": 30000,
    "Utvärdering": 60000,
}


def samverkan_budget() -> pd.DataFrame:
    """The application's budget per year (period ``per år``), kr; no actuals."""
    return pd.DataFrame([{S.PERIOD: "per år", S.CATEGORY: line, S.BUDGET: amount, S.ACTUAL: "", S.FUNDER: "förbund"}
                         for line, amount in SAMVERKAN_PER_YEAR.items()])
