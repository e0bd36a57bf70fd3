"""An application in the portfolio: its row's participants are the volumes its cost per participant divides
by, marked as expected as that cost is ("248 (förväntat enligt ansökan)"), not a dash beside a cost per
participant of 248 persons no column shows. A project with participants of its own is shown as before.
Expected values from the application's params by hand: 90 participants a year, project years from
2024-04-01 to 2026-12-31, the last of 275 days of 365: 90 + 90 + round(90 × 275 / 365 = 67,8) = 248."""
from __future__ import annotations

import pytest

from evaltools.present import portfolio as pf_module
from evaltools.present.display import Table
from evaltools.present.portfolio import Portfolio
from tests.conftest import PARAMS


@pytest.mark.parametrize("lang, participants, words", [
    ("sv", "Deltagare", "248 (förväntat enligt ansökan)"),
    ("en", "Participants", "248 (expected according to the application)"),
])
def test_an_applications_participants_are_its_expected_volumes_marked_as_such(monkeypatch, lang, participants, words):
    parts: list = []
    monkeypatch.setattr(pf_module, "show", lambda *p: parts.extend(p))
    Portfolio([PARAMS / f"{p}.yaml" for p in ("eskilstuna-ansokan", "timra-vagen-ut")], lang).overview()
    table = next(p.frame for p in parts if isinstance(p, Table) and participants in p.frame.columns)
    rows = table.set_index(table.columns[0])[participants]
    ansokan = next(name for name in rows.index if "Specialistteam" in name or "ansök" in name.lower())
    assert rows[ansokan] == words
    # Timrå's 52 enrolments are 52 persons (no one enrolled twice): its count as before
    assert rows[next(name for name in rows.index if "Vägen ut" in name or "Way out" in name)] == "52"
