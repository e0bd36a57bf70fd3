"""A project where one breakdown only can be tested (all participants of one household type, age group and intake
year): the outcome section says whether the difference is clear without "adjusted for the one breakdown tested"
("Justerat för att en uppdelningar prövas samtidigt"), which is ungrammatical and says an adjustment was made."""
from __future__ import annotations

import pytest
from scipy.stats import fisher_exact

import evaltools as et

from .conftest import shown_chunks, write_csv

# 20 women, 15 to work; 20 men, 5 to work (no count under 5 to hide); everyone single, born 1985–1988 (one ten-year
# group), started in 2022
ROWS = ([("kvinna", "arbete")] * 15 + [("kvinna", "kvar_försörjningsstöd")] * 5
        + [("man", "arbete")] * 5 + [("man", "kvar_försörjningsstöd")] * 15)


@pytest.fixture
def report(tmp_path):
    write_csv(tmp_path / "data" / "participants.csv", [
        {"person_id": f"P{i + 1}", "sex": sex, "birth_year": 1985 + i % 4, "household_type": "ensamstående",
         "start_date": "2022-02-01", "end_date": "2022-11-30", "outcome": outcome} for i, (sex, outcome) in enumerate(ROWS)])
    path = tmp_path / "en_uppdelning.yaml"
    path.write_text("id: en_uppdelning\ntitle: En uppdelning\nforbund: Testförbundet\nowner: Testkommun\nkind: individ\n"
                    "period: {start: 2022-01-01, planned_end: 2022-12-31}\ndata_as_of: 2022-12-31\n"
                    "data:\n  participants: data/participants.csv\n", encoding="utf-8")
    return lambda lang: et.Report(path, lang=lang)


@pytest.mark.parametrize("lang, clear, note", [
    ("sv", "är tydlig efter kön.", "En enda uppdelning prövas, så p-värdet behöver inte justeras"),
    ("en", "differs clearly by sex.", "One breakdown is tested, so the p-value needs no adjustment"),
])
def test_one_breakdown_tested_is_said_without_an_adjustment(report, lang, clear, note):
    from evaltools.present.sections import outcomes
    # Fisher's exact test of 15/20 against 5/20, independently: p about 0.004, a clear difference at 5 %
    assert fisher_exact([[15, 5], [5, 15]]).pvalue < 0.05
    r = report(lang)
    said = " ".join(shown_chunks(outcomes.blocks(r)))
    assert clear in said and note in said
    assert "Justerat för att" not in said and "Adjusted for the" not in said and "en uppdelningar" not in said
