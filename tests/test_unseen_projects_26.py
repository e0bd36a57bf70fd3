"""Twenty-sixth sweep of projects unlike the samples: the youth project of the twenty-fifth sweep (UVAS, young people
who neither work nor study) read as its board would. Young people living with their parents have a household type
of their own, ``bor_med_föräldrar`` ("Bor hos föräldrar"), instead of "Annat": the breakdowns name it, a case
system's words for it are answered with its code, and the riksnorm level counts such a leaver's own part of the
parents' household's norm without housing. Where the public financiers save 0 kr because every exit from
försörjningsstöd went to a benefit the state pays instead, page 1 says why beside the 0 kr. A draft's page 1 does
not repeat what its banner says, and holds on one page. Expected values by hand."""
from __future__ import annotations

import csv
import json

import pytest

import evaltools as et
from evaltools.data import schema as S
from evaltools.data.errors import DataValidationError
from evaltools.present.sections import summary
from evaltools.publish import cli
from evaltools.words.labels import code_label, note_text
from .test_unseen_projects_24 import _worth
from .test_unseen_projects_25 import UVAS_YAML, _uvas

PARENTS = "bor_med_föräldrar"


def _uvas_parents(tmp_path, **kw):
    """The UVAS project with 'Bor hos föräldrar' read as the household type of its own (the evaluator's params)."""
    project = _uvas(tmp_path, **kw)
    p = tmp_path / "uvas.yaml"
    p.write_text(UVAS_YAML.replace("'Bor hos föräldrar': annat", f"'Bor hos föräldrar': {PARENTS}"),
                 encoding="utf-8")
    assert project.params.id == "uvas"
    return et.load_project(p)


def test_young_people_living_with_their_parents_are_a_household_type_of_their_own(tmp_path):
    assert S.HOUSEHOLD_TYPES[PARENTS] == ("Bor hos föräldrar", "Living with parents")
    assert code_label(S.HOUSEHOLD_TYPE, PARENTS, "sv") == "Bor hos föräldrar"
    assert code_label(S.HOUSEHOLD_TYPE, PARENTS, "en") == "Living with parents"
    r = et.Report(_uvas_parents(tmp_path))
    # those without försörjningsstöd at start live with their parents: i % 6 != 0 of 88 (0..87); i % 6 == 0 for
    # 0, 6, ..., 84: 15 persons, so 88 − 15 = 73 with their parents and 15 on their own
    counts = r.project.participants[S.HOUSEHOLD_TYPE].value_counts().to_dict()
    assert counts == {PARENTS: 73, "ensamstående": 15}


def _write_csv(tmp_path, household: str) -> None:
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    with open(data / "deltagare.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome",
                    "support_start"])
        for i in range(6):
            w.writerow([f"Y{i + 1:02d}", "kvinna" if i % 2 else "man", 2004, household if i == 0 else "ensamstående",
                        "2023-02-01", "2023-08-31", "arbete" if i == 0 else "arbetssökande",
                        "försörjningsstöd" if i == 0 else "ingen_offentlig"])
    (data / "budget.csv").write_text("period,category,budget,actual,funder\n2023,Coach,400000,400000,förbund\n",
                                     encoding="utf-8")


YOUTH_YAML = """\
id: unga
kind: individ
title: Unga vidare
forbund: Samordningsförbundet Mittland
owner: Åsby kommun
partners: [Arbetsförmedlingen]
period: {start: 2023-01-01, planned_end: 2023-12-31}
data_as_of: 2024-01-31
granted_sek: 400000
data: {participants: data/deltagare.csv, budget: data/budget.csv}
cost_benefit: {price_year: 2023}
goals:
  - id: arbete
    kind: outcome_count
    label: Minst 1 ung ska få arbete
    target: 1
    period: whole_period
    success_outcomes: [arbete]
"""


def _youth(tmp_path, household: str):
    """Six young people in 2023; Y01, on försörjningsstöd at start with the household ``household``, went to work;
    the others, living alone without public support, looked for work."""
    _write_csv(tmp_path, household)
    p = tmp_path / "unga.yaml"
    p.write_text(YOUTH_YAML, encoding="utf-8")
    return et.load_project(p)


def test_a_leaver_living_with_parents_saves_their_own_part_of_the_norm_without_housing(tmp_path):
    # riksnorm 2023 (evaltools/data/riksnorm.csv): one adult's personal costs 3 490 kr, the shared costs of a
    # household of three 1 580 kr (of one 1 130 kr); housing 4 300 kr in 2023 prices (the price year: no uprating)
    parents = et.cost_benefit(_youth(tmp_path / "p", PARENTS)).assumptions.set_index("name").loc["monthly_level"]
    assert parents["value"] == pytest.approx(3490 + 1580 / 3)  # 4 016,67 kr: no housing, the home is the parents'
    alone = et.cost_benefit(_youth(tmp_path / "a", "ensamstående")).assumptions.set_index("name").loc["monthly_level"]
    assert alone["value"] == pytest.approx(3490 + 1130 + 4300)  # 8 920 kr, as before
    # the source in the assumptions table says how the level of one living with parents is counted
    said = {lang: note_text(parents["source"], lang) for lang in ("sv", "en")}
    assert said["sv"].endswith("; för den som bor hos sina föräldrar i stället personliga kostnader för en vuxen och "
                               "dennes andel av de gemensamma kostnaderna i ett hushåll med 3 personer, utan boende "
                               "(bostaden är föräldrarnas)")
    assert "(the home is the parents')" in said["en"]
    assert "föräldrar" not in note_text(alone["source"], "sv")


@pytest.mark.parametrize("written", ["Bor hemma", "Hemmaboende", "bor hos föräldrar", "Living with parents"])
def test_a_case_systems_words_for_living_with_parents_are_answered_with_the_code(tmp_path, written):
    with pytest.raises(DataValidationError) as e:
        _youth(tmp_path, written)
    notes = [p.note("sv") for p in e.value.problems if p.column == S.HOUSEHOLD_TYPE]
    assert len(notes) == 1
    assert notes[0].endswith(("menar du 'bor_med_föräldrar'?", "koden är 'bor_med_föräldrar'")), notes[0]


@pytest.mark.parametrize("lang, reason", [
    ("sv", "en beräknad besparing på 0 kr (de som lämnade försörjningsstödet fick i stället studiestöd eller en "
           "annan ersättning som staten betalar) mot kostnaden"),
    ("en", "a calculated saving of SEK 0 (those who left social assistance got study support or another benefit "
           "the state pays instead) against the cost"),
])
def test_page_one_says_why_the_public_financiers_save_nothing(tmp_path, lang, reason):
    # U001, U031 and U061, on försörjningsstöd at start, all went to komvux: the municipality saves, the state
    # pays study support instead, the public financiers together save 0 kr (tests/test_unseen_projects_25.py)
    # (three exits from försörjningsstöd are shown with a threshold of 3; below it the calculation is a range, see
    # tests/test_small_counts_24.py for this project's page 1 then)
    worth = _worth(et.Report(_uvas(tmp_path).with_params(privacy={"min_count": 3}), lang=lang)).replace("\xa0", " ")
    assert reason in worth
    # one who left försörjningsstöd for work: a saving of its own, the plain words (the goal "Minst 1 ung ska få
    # arbete" publishes the one exit as the project's accounting, so the figures are exact, not a range over 1-4
    # exits: tests/test_small_counts_26.py; the municipality gains the saving)
    work = _worth(et.Report(_youth(tmp_path / "work", "ensamstående"), lang=lang)).replace("\xa0", " ")
    assert {"sv": "kommunen vinner", "en": "the municipality gains"}[lang] in work
    assert not any(x in work for x in ("Var och en som lämnar det", "Each one who leaves it"))
    assert not any(x in work for x in ("staten betalar)", "state pays instead)"))


@pytest.mark.parametrize("lang, said, banner_says", [
    ("sv", "Utvärderaren har inte skrivit någon egen bedömning.", "Rapporten innehåller bara verktygets siffror"),
    ("en", "The evaluator has written no assessment of their own.", "figures and is not ready to go to the board"),
])
def test_a_drafts_page_one_does_not_repeat_its_banner(tmp_path, lang, said, banner_says):
    r = et.Report(_uvas(tmp_path), lang=lang)
    assert r.is_draft
    assert summary.assessment(r) == [said]
    from evaltools.present.sections.evaluator import draft_banner_html
    assert banner_says in draft_banner_html(r)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_uvas_drafts_page_one_holds_on_one_page(tmp_path, worker_zygote, lang):
    # the draft's banner and no evaluator text, as the project was read: page 1 ended on page 2 in Swedish
    _uvas_parents(tmp_path)
    # (rendered in the kernels, which load the project on the machine's own day: the data taken on the day before
    # the tests' first day, 2026-12-06, not a month after the end, which a day before it would refuse as not yet come)
    params = tmp_path / "uvas.yaml"
    params.write_text(params.read_text(encoding="utf-8").replace("data_as_of: 2027-01-31", "data_as_of: 2026-12-06"),
                      encoding="utf-8")
    out = tmp_path / "reports"
    code = cli.main(["render", str(tmp_path / "uvas.yaml"), "--reports-dir", str(out), "--formats", "html,pdf",
                     "--lang", lang, "--quiet"])
    assert code == 0
    status = next(out.rglob("status.json"))
    assert json.loads(status.read_text(encoding="utf-8"))["page_one_held"] is True
