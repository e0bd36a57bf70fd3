"""Twenty-fifth sweep of projects unlike the samples: a project whose participants had no försörjningsstöd (sickness
benefit, activity compensation) values no benefit, and its method appendix now says only what the report uses: the
costs and whose they are, not the deadweight, the simulation, the break-even or the monthly level of
försörjningsstöd, and its intro does not promise the simulation's settings. Where exactly one participant had
försörjningsstöd and left it, page 1 does not give that exit away beside the goal's count of those who moved on.
Each fixture is a tiny project written in tmp_path (the helper of the twenty-fourth sweep); expected words by hand.
A youth project for young people who neither work nor study (UVAS), written as Excel writes it, most of them
without public support at start: page 1 does not speak of a benefit saved for those who had none, and where the
public financiers save 0 kr in every simulation (the few who left försörjningsstöd went to studies, paid by the
state instead) page 1 and the section say the net present value does not change, without a share, a range from
a value to itself, an invisible histogram or a deadweight that changes nothing."""
from __future__ import annotations

import datetime as dt

import pytest

import evaltools as et
from evaltools.analysis.disclosure import Secondary
from evaltools.present.sections import appendix, method
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections.costbenefit import benefit_unvalued, no_fs_at_start
from evaltools.words.labels import t
from .test_unseen_projects_24 import ROWS, SP, _bron, _worth


@pytest.fixture(autouse=True)
def _loaded_after_the_data_were_taken(monkeypatch):
    """The projects here were followed up after they ended (data_as_of after the end): loaded on a later day, since a
    data_as_of not yet come is refused."""
    from evaltools.data import project
    monkeypatch.setattr(project, "_today", lambda: dt.date(2027, 2, 1))


# the rules' opening words, as the locale files give them, that the no-FS project has none of
LEFT_OUT = {"sv": ("Det som hade hänt ändå", "Osäkerhet", "Brytpunkt", "Beräknad besparing", "Diskontering",
                   "Överföringar", "Avtagande effekt"),
            "en": ("What would have happened anyway", "Uncertainty", "Break-even", "Calculated saving", "Discounting",
                   "Transfers", "Drop-off")}


@pytest.mark.parametrize("lang, costs, ledger, only_cost, intro_sim", [
    ("sv", "Kostnader:", "Vems pengar", "Här finns inget avslut från försörjningsstöd att värdera",
     "simuleringens inställningar"),
    ("en", "Costs:", "Whose money", "Here there is no exit from social assistance to value", "the simulation"),
])
def test_the_appendix_of_a_project_without_forsorjningsstod_says_only_what_the_report_uses(tmp_path, lang, costs,
                                                                                          ledger, only_cost, intro_sim):
    r = et.Report(_bron(tmp_path), lang=lang)
    cb = [p for p in method.paragraphs(r) if p.startswith((costs, ledger, *LEFT_OUT[lang]))]
    # the costs and whose they are, nothing more: two paragraphs, the second saying the cost is the only flow
    assert [p.split(" ")[0] for p in cb] == [costs.split(" ")[0], ledger.split(" ")[0]]
    assert only_cost in cb[1]
    assert not any(x in p for p in method.paragraphs(r) for x in ("Tidshorisonten är", "The horizon is"))
    assert appendix.simulation(r) == []
    assert intro_sim not in appendix.heading_html(r)
    # one participant on försörjningsstöd who went to work: a valued benefit and the full rules; being one exit, its
    # benefit is given as the range over 1 to 4 exits, without a simulation, which would give the count back
    # (tests/test_small_counts_22.py), and the intro does not promise one
    mixed = et.Report(_bron(tmp_path / "fs", first_support="försörjningsstöd"), lang=lang)
    rules = method.paragraphs(mixed)
    for opening in LEFT_OUT[lang][:4]:
        assert any(p.startswith(opening) for p in rules), opening
    assert mixed.cba.summary.exit_range is not None
    assert intro_sim not in appendix.heading_html(mixed)
    assert appendix.simulation(mixed) == []


@pytest.mark.parametrize("lang, break_even, in_persons", [
    ("sv", "Brytpunkt", "Brytpunkten i personer"), ("en", "Break-even", "The break-even in persons")])
def test_where_one_had_forsorjningsstod_but_nobody_left_it_the_appendix_keeps_the_person_years(tmp_path, lang,
                                                                                              break_even, in_persons):
    # B01 had försörjningsstöd but stayed job seeking; the others moved on from sjukpenning: no exit is valued, yet
    # the person-years without försörjningsstöd that would carry the cost are given, so their rule stays; not the
    # break-even in persons, the deadweight or the simulation
    rows = [(SP, "arbetssökande")] + [(SP, "arbete")] * 5
    r = et.Report(_bron(tmp_path, first_support="försörjningsstöd", rows=rows), lang=lang)
    assert benefit_unvalued(r.cba.summary) and not no_fs_at_start(r.cba.summary)
    paragraphs = method.paragraphs(r)
    requirement = [p for p in paragraphs if p.startswith(break_even)]
    assert len(requirement) == 1 and in_persons not in requirement[0]
    assert not any(p.startswith(LEFT_OUT[lang][:2]) for p in paragraphs)
    assert appendix.simulation(r) == []


@pytest.mark.parametrize("lang, some, count_said, few, most", [
    ("sv", "En del av dem som avslutades till arbete, studier eller en ersättning hade en annan försörjning än försörjningsstöd vid start",
     "5 av dem som avslutades till arbete, studier eller en ersättning", "de få som lämnade", "De flesta av dem som avslutades till arbete, studier eller en ersättning"),
    ("en", "Some of those who left the project for work, studies or a benefit had support other than social assistance at start",
     "5 of those who left the project for work, studies or a benefit", "the few who left", "Most of those who left the project for work, studies or a benefit"),
])
def test_one_exit_from_forsorjningsstod_is_not_given_back_by_page_one(tmp_path, lang, some, count_said, few, most):
    # B01 had försörjningsstöd and went to work; B02–B04 (sjukpenning) and B07, B08 (activity compensation) moved on
    # from another support: 5. The goal counts everyone who moved on, 1 + 5 = 6 of 10, so "5 from another support"
    # would give the one exit from försörjningsstöd (6 − 5 = 1) that the key figures hide as '..' (a count 1–4)
    r = et.Report(_bron(tmp_path, first_support="försörjningsstöd"), lang=lang)
    assert r.cba.summary.successes == 1
    assert r.disclosure.hides(Secondary.EXITS)
    worth = _worth(r)
    assert some in worth
    assert count_said not in worth and few not in worth and most not in worth
    # the key figures' row of those who left försörjningsstöd: hidden
    table = cb_section.key_figures(r).frame
    exits = [v for k, v in zip(table.iloc[:, 0], table.iloc[:, 1])
             if k.startswith(("Personer som lämnat försörjningsstödet", "Persons who left social assistance"))]
    assert exits == [".."]
    # five who left försörjningsstöd and five who moved on from sjukpenning (neither count 1–4, nor 10 − 5): both
    # are given, and the sentence keeps its count
    rows = [("försörjningsstöd", "arbete")] * 5 + [(SP, "arbete")] * 5
    shown = et.Report(_bron(tmp_path / "five", first_support="försörjningsstöd", rows=rows), lang=lang)
    assert shown.cba.summary.successes == 5 and not shown.disclosure.hides(Secondary.EXITS)
    assert count_said in _worth(shown)


# --- A youth project as an evaluator makes it: unga 16–24 år som varken arbetar eller studerar (UVAS) ------------
# Participants and budget written as Excel writes them (openpyxl: Swedish headings read through data.columns, the
# case system's texts through data.codes, dates as Excel dates, a budget sheet with a column per year for budget and
# utfall). Most participants lived with their parents and had no public support at start; some had försörjningsstöd.

UVAS_YAML = """\
id: uvas
kind: individ
title: Vägen vidare – unga 16–24 år som varken arbetar eller studerar
forbund: Samordningsförbundet Mittland
owner: Åsby kommun, Arbetsmarknadsenheten
partners: [Arbetsförmedlingen]
period: {start: 2024-01-01, planned_end: 2026-12-31}
data_as_of: 2027-01-31
granted_sek: 4980000
data:
  participants: data/deltagare.xlsx
  budget: data/budget.xlsx
  columns: {'Deltagar-ID': person_id, 'Kön': sex, 'Födelseår': birth_year, 'Boende': household_type,
            'Inskriven': start_date, 'Avslutad': end_date, 'Avslutsorsak': outcome,
            'Försörjning vid inskrivning': support_start}
  codes:
    outcome: {'Komvux': studier, 'Folkhögskola': studier, 'Anställning': arbete,
              'Anställning med stöd': arbete_med_stöd, 'Övrigt': annat}
    household_type: {'Bor hos föräldrar': annat, 'Eget boende': ensamstående}
    support_start: {'Ingen ersättning': ingen_offentlig}
goals:
  - id: inskrivna
    kind: participant_count
    label: 30 unga per år ska skrivas in
    target: 30
    period: project_year
  - id: studier_arbete
    kind: share
    label: Minst 40 % av deltagarna ska efter avslut studera eller arbeta
    target: 0.4
    period: whole_period
    denominator: exits
    success_outcomes: [studier, arbete, arbete_med_stöd]
  - id: studier
    kind: outcome_count
    label: Minst 10 unga per år ska påbörja studier på komvux eller folkhögskola
    target: 10
    period: project_year
    success_outcomes: [studier]
  - id: samverkan
    kind: qualitative
    label: Samverkan med skolan ska vara etablerad
    assessment: delvis
    evidence: Rutin för överlämning från gymnasieskolans aktivitetsansvar finns sedan hösten 2025.
"""
# participant i (0, 1, ...) ends with OUTCOMES[i % 10] and had UVAS_SUPPORT[i % 6] at start
OUTCOMES = ["Komvux", "Anställning", "Arbetssökande", "Folkhögskola", "Avbrott", "Anställning med stöd",
            "Arbetssökande", "Flyttat", "Övrigt", "Komvux"]
UVAS_SUPPORT = ("Försörjningsstöd", "Ingen ersättning", "Ingen ersättning", "Aktivitetsstöd", "Ingen ersättning",
                "Ingen ersättning")
PER_YEAR = {2024: 31, 2025: 30, 2026: 27}
# cost line, funder, (budget, utfall) in 2024, 2025 and 2026
UVAS_BUDGET = [
    ("Projektledare 50 %", "förbund", (380000, 372000), (390000, 385500), (400000, 398000)),
    ("Ungdomscoacher 2,0 tjänster", "förbund", (1100000, 1050000), (1130000, 1142000), (1160000, 1120000)),
    ("Handläggare Arbetsförmedlingen 50 %", "arbetsförmedlingen", (350000, 350000), (350000, 350000),
     (350000, 350000)),
    ("Studie- och yrkesvägledare 25 %", "kommun", (150000, 140000), (150000, 150000), (150000, 146000)),
    ("Aktiviteter och material", "förbund", (80000, 64500), (80000, 91200), (80000, 71000)),
    ("Utvärdering", "förbund", (60000, 60000), (60000, 60000), (60000, 60000)),
]


def _uvas(tmp_path, support=UVAS_SUPPORT):
    """The UVAS project in tmp_path: 88 young people (31, 30 and 27 starting in the three project years, every
    tenth day from 15 January, each enrolled 120 to 270 days and ended by 2026-12-15), aged 16 to 24 at start;
    those on försörjningsstöd live on their own, the others with their parents."""
    import datetime as dt

    import openpyxl

    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Deltagar-ID", "Kön", "Födelseår", "Boende", "Inskriven", "Avslutad", "Avslutsorsak",
               "Försörjning vid inskrivning"])
    i = 0
    for year, n in PER_YEAR.items():
        for k in range(n):
            start = dt.datetime(year, 1, 15) + dt.timedelta(days=10 * k)
            end = min(start + dt.timedelta(days=120 + (i % 6) * 30), dt.datetime(2026, 12, 15))
            had = support[i % len(support)]
            ws.append([f"U{i + 1:03d}", "Kvinna" if i % 2 else "Man", year - (16 + i % 9),
                       "Eget boende" if had == "Försörjningsstöd" else "Bor hos föräldrar", start, end,
                       OUTCOMES[i % 10], had])
            ws.cell(ws.max_row, 5).number_format = ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
            i += 1
    wb.save(data / "deltagare.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Kostnadsslag", "Finansiär", "Budget 2024", "Utfall 2024", "Budget 2025", "Utfall 2025",
               "Budget 2026", "Utfall 2026"])
    for name, funder, *years in UVAS_BUDGET:
        ws.append([name, funder, *[amount for pair in years for amount in pair]])
    wb.save(data / "budget.xlsx")
    p = tmp_path / "uvas.yaml"
    p.write_text(UVAS_YAML, encoding="utf-8")
    return et.load_project(p)


def test_the_uvas_project_reads_as_an_evaluator_wrote_it(tmp_path):
    r = et.Report(_uvas(tmp_path))
    s = r.cba.summary
    # utfall 2024: 372 000 + 1 050 000 + 350 000 + 140 000 + 64 500 + 60 000 = 2 036 500; 2025: 385 500 + 1 142 000
    # + 350 000 + 150 000 + 91 200 + 60 000 = 2 178 700; 2026: 398 000 + 1 120 000 + 350 000 + 146 000 + 71 000
    # + 60 000 = 2 145 000; in all 6 360 200 kr, per participant 6 360 200 / 88 = 72 275 kr
    assert s.total_cost_nominal == pytest.approx(6_360_200)
    # successes: i % 10 in {0, 1, 3, 5, 9} (komvux, anställning, folkhögskola, med stöd, komvux), 8 × 5 in 0–79
    # and 80, 81, 83, 85 in 80–87: 44 of 88; on försörjningsstöd at start i % 6 == 0 (15 persons), of whom
    # those with i % 30 == 0 (0, 30, 60: komvux) moved on: 3, hidden as a count of 1–4
    assert s.successes == 3
    # activity support at start, i % 6 == 3: i mod 30 in {3, 9, 15, 21, 27} ends as i % 10 = 3, 9, 5, 1, 7, all
    # but 7 a success: 4 in 0–29, 4 in 30–59 and 4 of 63, 69, 75, 81, 87: 12; no public support the rest, 44 − 3 − 12
    assert dict(s.other_support) == {"ingen_offentlig": 29, "aktivitetsstöd": 12}
    assert r.disclosure.hides(Secondary.EXITS)


NO_SUPPORT_NOR_SAVED = {
    "sv": ("så kalkylen räknar ingen besparing för dem; vad projektet kan ha sparat i den ersättningen värderas inte, "
           "och för dem utan offentlig försörjning inte heller vad studier eller arbete ger dem på sikt (inkomst och "
           "skatt). Hur många anges inte"),
    "en": ("so the calculation counts no saving for them; what the project may have saved in that benefit is not "
           "valued, nor, for those without public support, what studies or work give them in time (earnings and "
           "tax). How many is not given"),
}
NO_SUPPORT = {"sv": "; de hade ingen ersättning att lämna, och vad studier eller arbete ger dem på sikt (inkomst och "
                    "skatt) värderas inte.",
              "en": "; they had no benefit to leave, and what studies or work give them in time (earnings and tax) is "
                    "not valued."}


@pytest.mark.parametrize("lang, supports", [("sv", "(aktivitetsstöd, ingen offentlig försörjning)"),
                                            ("en", "(activity support, no public support)")])
def test_page_one_does_not_speak_of_a_benefit_saved_for_young_people_who_had_none(tmp_path, lang, supports):
    # 29 of the 41 who moved on from another support had no public support at start (see the test above): there
    # was no benefit for the project to save; what it may have given them, studies or work, is what goes unvalued
    worth = _worth(et.Report(_uvas(tmp_path), lang=lang))
    assert f"{supports}, {NO_SUPPORT_NOR_SAVED[lang]}" in worth
    # every young person without försörjningsstöd lived with their parents without public support: the sentence on
    # the benefit saved goes, as no benefit was had
    alone = _uvas(tmp_path / "none", support=("Försörjningsstöd", *["Ingen ersättning"] * 5))
    worth = _worth(et.Report(alone, lang=lang))
    assert NO_SUPPORT[lang] in worth
    assert not any(x in worth for x in ("sparat i den ersättningen", "saved in that benefit"))
    # nobody had försörjningsstöd: the plain reason, with the same words on what is not valued
    nobody = _worth(et.Report(_uvas(tmp_path / "nobody", support=("Ingen ersättning",)), lang=lang))
    assert nobody.startswith({"sv": "44 deltagare avslutades till arbete, studier eller en ersättning, men ingen av deltagarna hade försörjningsstöd",
                              "en": "44 participants left the project for work, studies or a benefit, but none of them"}[lang])
    assert NO_SUPPORT[lang] in nobody
    # a project whose others had a benefit keeps its words (tests/test_unseen_projects_24.py: sjukpenning)
    sick = _worth(et.Report(_bron(tmp_path / "bron", first_support="försörjningsstöd"), lang=lang))
    assert {"sv": "; vad projektet kan ha sparat i den ersättningen värderas inte. Hur",
            "en": "; what the project may have saved in that benefit is not valued. How"}[lang] in sick


@pytest.mark.parametrize("lang, page_one, section", [
    ("sv", "När antagandena varieras samtidigt, med tidshorisonten 3 år som ovan, ändras inte nettonuvärdet för de "
           "offentliga finansiärerna eller för samhället, eftersom besparingen för dem är 0 kr i varje simulering.",
     "När antagandena varieras samtidigt i 5 000 simuleringar med tidshorisonten 3 år, som i nyckeltalen, är "
     "nettonuvärdet för de offentliga finansiärerna detsamma i alla, {npv} (nuvärde i 2026 års priser): besparingen "
     "för de offentliga finansiärerna är 0 kr i varje simulering, så inget av det som varieras ändrar nettonuvärdet."),
    ("en", "With the assumptions varied together, at the same horizon of 3 years, the net present value for the "
           "public financiers or for society does not change, since their saving is SEK 0 in every simulation.",
     "When the assumptions are varied together in 5,000 simulations with the horizon of 3 years, as in the key "
     "figures, the net present value for the public financiers is the same in all of them, {npv} (present value in "
     "2026 prices): the saving for the public financiers is SEK 0 in every simulation, so nothing that is varied "
     "changes the net present value."),
])
def test_a_net_present_value_no_simulation_changes_is_said_so_not_as_a_share_a_range_or_a_histogram(
        tmp_path, lang, page_one, section):
    # the three who left försörjningsstöd (U001, U031, U061) all went to komvux: the municipality's saving is the
    # state's study support instead, so the public financiers together save 0 kr in whatever draw; deadweight,
    # drop-off and level vary a saving of 0 kr, the cost is fixed: "positive in under 1 %", "90 % between
    # −6 064 120 and −6 064 120 kr" and a histogram of one invisible bar said nothing else (the three are shown with
    # a threshold of 3: below it the calculation is a range over 1-4 exits, tests/test_small_counts_24.py)
    r = et.Report(_uvas(tmp_path).with_params(privacy={"min_count": 3}), lang=lang)
    table = r.cba.table.set_index("perspective")
    assert table.loc["kommun", "pv_benefit"] == pytest.approx(-table.loc["stat", "pv_benefit"])
    assert table.loc["offentliga", "pv_benefit"] == pytest.approx(0, abs=0.5)
    worth = _worth(r).replace("\xa0", " ")
    assert page_one in worth
    assert not any(x in worth for x in ("under 1 %", "less than 1%"))
    # nor the deadweight, which changes a saving of 0 kr in nothing (page 1 ran on to page 2)
    assert not any(x in worth for x in ("hade gjort det ändå", "would have left it anyway"))
    who = {"sv": "de offentliga finansiärerna", "en": "the public financiers"}[lang]
    said = [x.replace("\xa0", " ") for x in cb_section.simulation_text(r, who)]
    # the amount is the key figures' net present value, as that table writes it
    npv = next(v for k, v in zip(*[cb_section.key_figures(r).frame.iloc[:, i] for i in (0, 1)])
               if k.startswith(("Nettonuvärde för", "Net present value for")))
    assert said == [section.format(npv=npv.replace("\xa0", " "))]
    assert cb_section.simulation_chart(r, who) is None
    # the table per actor says the same: the public financiers, society and the region (a share of the cost, no
    # saving) are positive in no simulation; the municipality's saving varies with the draws
    actors = cb_section.perspective_table(r).frame.set_index(r.msg("costbenefit.actor"))
    shares = actors[r.msg("costbenefit.eb.p_positive")].str.replace("\xa0", " ")
    pct0 = {"sv": "0 %", "en": "0%"}[lang]
    assert [shares[t(p, lang)] for p in ("offentliga", "samhälle", "region")] == [pct0] * 3
    assert shares[t("kommun", lang)] != pct0
    # five who left försörjningsstöd for work (tests/test_unseen_projects_24.py's project; five, so that the
    # calculation is not a range over 1-4 exits): a saving the draws vary, as before
    work = et.Report(_bron(tmp_path / "bron", first_support="försörjningsstöd",
                           rows=[("försörjningsstöd", "arbete")] * 5 + ROWS[5:]), lang=lang)
    assert {"sv": "är nettonuvärdet positivt", "en": "the net present value is positive"}[lang] in _worth(work)
    assert any(x in _worth(work) for x in ("hade gjort det ändå", "would have left it anyway"))
    assert cb_section.simulation_chart(work, who) is not None
