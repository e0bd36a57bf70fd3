"""The outcome section's words agree with what it shows: the note on a logistic regression that could not be fitted
points to the table of shares per group only where that table is shown."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.sections import outcomes

from .conftest import shown_chunks, write_csv
from .test_unseen_projects import BUDGET, PROJECT, _params, _person

STAND = {"sv": "Andelarna per grupp i tabellen ovan gäller.", "en": "The shares per group in the table above still apply."}
NOT_SHOWN = {"sv": "Andelarna per grupp visas inte", "en": "The shares per group are not shown"}


def _report(tmp_path, to_work: int, dropped: int, lang: str):
    # ``to_work`` + ``dropped`` ended, women and men in turn
    rows = [_person(i + 1, sex="kvinna" if i % 2 else "man", outcome=o)
            for i, o in enumerate(["arbete"] * to_work + ["avbrott"] * dropped)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    return et.Report(et.load_project(_params(tmp_path, PROJECT % "")), lang=lang)


def _regression_text(r) -> str:
    blocks = outcomes.blocks(r)
    [part] = [b for b in blocks if any(getattr(x, "heading", None) == r.msg("outcomes.regression") for x in b)]
    return " ".join(shown_chunks([part])).replace("\n", " ")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_with_every_share_per_group_hidden_the_model_note_points_to_no_table(tmp_path, lang):
    # 8 ended, 3 to work: in every group (the one project year, age group and household type too) the 3 successes
    # or fewer are under 5, so every share per group is hidden; 3 events are too few for a model
    r = _report(tmp_path, 3, 5, lang)
    text = " ".join(shown_chunks(outcomes.blocks(r))).replace("\n", " ")
    assert NOT_SHOWN[lang] in text
    said = _regression_text(r)
    assert "regression" in said and STAND[lang] not in said
    assert "tabellen ovan" not in said and "table above" not in said


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_with_the_shares_per_group_shown_the_model_note_says_they_stand(tmp_path, lang):
    # 12 to work and 12 dropping out, 12 women and 12 men: 6 of each sex to work, every count 5 or more, so the
    # shares are shown; 12 events of the rarer kind are too few for a model of two parameters (10 per parameter: 20)
    r = _report(tmp_path, 12, 12, lang)
    text = " ".join(shown_chunks(outcomes.blocks(r))).replace("\n", " ")
    assert NOT_SHOWN[lang] not in text
    assert _regression_text(r).endswith(STAND[lang])
