"""The sample projects reproduce the seed documents' figures (computed here from the
documents, not from the code)."""
from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

import evaltools as et

from .conftest import PARAMS, ROOT, SAMPLE_PROJECTS

TIMRA_SUCCESS = {"arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning",
                 "annan_ersättning", "aktiv_planering_annan_part"}


@pytest.fixture(scope="module")
def timra():
    return et.load_project(PARAMS / "timra-vagen-ut.yaml")


@pytest.fixture(scope="module")
def eskilstuna():
    return et.load_project(PARAMS / "eskilstuna-specialistteamet.yaml")


def test_timra_counts_per_project_year(timra):
    df = timra.participants
    # Slutrapport 4.1: 37 persons 180201-190130, 15 persons 190201-191015
    assert df.groupby("project_year").size().to_dict() == {1: 37, 2: 15}
    succ = df[df["outcome"].isin(TIMRA_SUCCESS)]
    # 18 and 13 self-sufficient or with an active plan with another party
    assert succ.groupby("project_year").size().to_dict() == {1: 18, 2: 13}
    # excluded from successes: 2 moved away, 1 relapsed (dropped out)
    assert (df["outcome"] == "flyttat").sum() == 2
    assert (df["outcome"] == "avbrott").sum() == 1
    assert df["end_date"].max().date().isoformat() <= "2019-10-15"
    assert df["start_date"].min().date().isoformat() >= "2018-02-01"


def test_timra_period_ended_early(timra):
    p = timra.params.period
    assert (p.start.isoformat(), p.planned_end.isoformat(), p.end.isoformat()) == ("2018-02-01", "2020-01-31", "2019-10-15")


def test_timra_budget_matches_final_report(timra):
    b = timra.budget.set_index("category")
    assert b["budget"].sum() == 1_276_000
    assert b["actual"].sum() == 1_128_000
    assert b.loc["Lönekostnader", "budget"] == 1_086_000 and b.loc["Lönekostnader", "actual"] == 956_000
    assert b.loc["Externa tjänster: utvärdering", "actual"] == 134_000


def test_eskilstuna_budget_matches_application(eskilstuna):
    b = eskilstuna.budget
    assert b["budget"].sum() == 3_863_075
    per_year = b.groupby("period")["budget"].sum().to_dict()
    assert per_year == {"2024": 1_277_950, "2025": 1_277_398, "2026": 1_307_727}
    spec = b[b["category"] == "Specialist 150 %"].set_index("period")["budget"].to_dict()
    assert spec == {"2024": 981_550, "2025": 1_010_998, "2026": 1_041_327}


def test_eskilstuna_participants_consistent_with_application(eskilstuna):
    df = eskilstuna.participants
    done = df[~df["ongoing"]]
    # up to six months in the project each
    assert (done["end_date"] - done["start_date"]).dt.days.max() <= 183
    own_support = {"arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning", "annan_ersättning"}
    per_year = done[done["outcome"].isin(own_support)].groupby("exit_project_year").size()
    # 40-50 to own support in each full project year
    assert 40 <= per_year[1] <= 50 and 40 <= per_year[2] <= 50


def test_eskilstuna_payments_level_single_person_2023_prices(eskilstuna):
    pay = eskilstuna.payments.merge(eskilstuna.participants[["person_id", "household_type"]], on="person_id")
    single_2024 = pay[(pay["household_type"] == "ensamstående") & (pay["month"].dt.year == 2024)]
    # 8 900 kr/month in 2023 (application) is about 9 150 kr in 2024 prices (KPI 415.15 / 403.70)
    assert single_2024["amount"].mean() == pytest.approx(8900 * 415.15 / 403.70, rel=0.05)


def test_demo_project_has_comparison_group_and_payments_around_entry():
    demo = et.load_project(PARAMS / "kompassen-demo.yaml")
    assert demo.comparison is not None and len(demo.comparison) >= 2 * len(demo.participants)
    first = demo.payments["month"].min()
    last = demo.payments["month"].max()
    assert first < demo.participants["start_date"].min() and last > demo.participants["end_date"].max()


def _sample_files() -> list:
    """The sample projects' data files (an evaluator's own projects beside them are not the samples)."""
    files = [f for p in SAMPLE_PROJECTS for f in (ROOT / "data" / p).rglob("*.csv")]
    assert files
    return files


def test_no_personal_data_in_sample_files():
    import re
    pnr = re.compile(r"\b(19|20)?\d{6}[-+]?\d{4}\b")
    email = re.compile(r"[\w.]+@[\w.]+\.\w+")
    for f in _sample_files():
        text = f.read_text(encoding="utf-8")
        assert not pnr.search(text), f
        assert not email.search(text), f


def test_generator_is_deterministic(tmp_path):
    """The generator, run from a copy (it writes beside itself, so the checkout's data/, which other
    tests read at the same time, is left alone), writes the sample files byte for byte."""
    import os
    import shutil
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "make_sample_data.py", tmp_path / "scripts")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    subprocess.run([sys.executable, str(tmp_path / "scripts" / "make_sample_data.py")], check=True, capture_output=True,
                   env=env)
    files = [f.relative_to(ROOT) for f in _sample_files()]
    assert {f: hashlib.sha256((tmp_path / f).read_bytes()).hexdigest() for f in files} == \
        {f: hashlib.sha256((ROOT / f).read_bytes()).hexdigest() for f in files}
