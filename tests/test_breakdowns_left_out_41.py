"""A breakdown an evaluator asks for in a notebook and the analysis leaves out (everyone in one municipality, or a
column the file lacks) is said in the result's notes, not dropped silently."""
from __future__ import annotations

import evaltools as et
from evaltools.words.labels import note_text


def test_a_breakdown_left_out_is_named(tiny_project):
    project = et.load_project(tiny_project())
    # the tiny project's participants have no municipality column: unknown for everyone
    comp = et.composition(project, by=("sex", "municipality"))
    assert set(comp.raw["variable"]) == {"sex"}
    said = [note_text(n, "sv") for n in comp.notes]
    assert "Uppdelningen efter kommun visas inte: alla deltagare hör till samma grupp, eller uppgiften saknas för alla." \
        in said
    assert "The breakdown by municipality is not shown" in " ".join(note_text(n, "en") for n in comp.notes)
    rates = et.outcome_rates(project, by=("sex", "municipality"))
    assert "municipality" not in set(rates.raw.get("variable", []))
    assert any(note_text(n, "sv").startswith("Uppdelningen efter kommun visas inte") for n in rates.notes)


def test_nothing_is_said_where_every_breakdown_asked_for_is_shown_or_none_was_asked_for(tiny_project):
    project = et.load_project(tiny_project())
    assert not any(n.key == "note.breakdowns_left_out" for n in et.composition(project, by=("sex",)).notes)
    # the default breakdowns leave out those with one group quietly, as the report's tables do
    assert not any(n.key == "note.breakdowns_left_out" for n in et.composition(project).notes)
    assert not any(n.key == "note.breakdowns_left_out" for n in et.outcome_rates(project).notes)
