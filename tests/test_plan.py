"""The analysis plan: `evaltools new` writes one beside the evaluator's text, and the final report's
appendix cites it (with the date it was settled) when the file is there."""
from __future__ import annotations

import datetime as dt

import evaltools as et
from evaltools.present.plan import plan_path, plan_text, settled_on
from evaltools.present.sections import appendix
from evaltools.publish import cli


def test_new_writes_a_plan_from_the_new_params_goals(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "planerat", "--title", "Planerat projekt"]) == 0
    plan = tmp_path / "params" / "text" / "planerat.plan.sv.md"
    assert str(plan) in capsys.readouterr().out
    text = plan.read_text(encoding="utf-8")
    assert text.startswith("# Analysplan: Planerat projekt")
    for heading in ("## Mål", "## Utfallsmått", "## Jämförelsegrupp", "## Skattningsmetoder",
                    "## Vad som räknas som framgång"):
        assert heading in text, heading
    # the two goals of the params template, with their targets (50 persons; 0.4 as a percentage)
    assert "- Minst 50 deltagare per år (målvärde 50)" in text
    assert "- Minst 40\u00a0% av de avslutade går till egen försörjning (målvärde 40\u00a0%)" in text
    # the DiD with the params defaults: 12 months either side, 3 months' anticipation, 50 households
    assert "12 månader före och 12 månader efter" in text and "de 3 sista månaderna" in text
    assert "färre än 50 deltagande hushåll" in text
    # what the evaluator must decide is marked with the params file's placeholder, the date first
    assert "Fastställd: FYLL I ÅÅÅÅ-MM-DD" in text
    assert text.count("- FYLL I ") == 4  # who is compared, how many, the MDE, the effect that matters
    assert settled_on(text) is None


def test_new_in_english_writes_the_plan_in_english(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")
    assert cli.main(["new", "--lang", "en", "planned"]) == 0
    text = (tmp_path / "params" / "text" / "planned.plan.en.md").read_text(encoding="utf-8")
    assert text.startswith("# Analysis plan: planned")
    assert "## What counts as a good result" in text and "Settled: FYLL I YYYY-MM-DD" in text


def test_the_settled_date_is_read_from_its_line():
    assert settled_on("# Analysplan\n\nFastställd: 2024-03-15\n") == dt.date(2024, 3, 15)
    assert settled_on("Settled: 2025-01-02") == dt.date(2025, 1, 2)
    assert settled_on("Fastställd: FYLL I ÅÅÅÅ-MM-DD") is None
    assert settled_on("Fastställd: 2024-13-40") is None  # not a date
    assert settled_on("Mätt 2024-03-15") is None  # a date elsewhere is not the plan's


def test_the_appendix_cites_the_plan_only_when_it_is_there(tiny_project):
    params = tiny_project()
    r = et.Report(params)
    assert appendix.analysis_plan(r) == []
    text = plan_text("Litet testprojekt", [{"label": "Minst 10 deltagare", "kind": "participant_count", "target": 10}])
    path = plan_path(params, "sv")
    assert path == tiny_project.dir / "text" / "tiny.plan.sv.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text.replace("Fastställd: ÅÅÅÅ-MM-DD", "Fastställd: 2022-01-15"), encoding="utf-8")
    [[block]] = appendix.analysis_plan(r)
    assert block.heading == "Analysplan"
    # named by its own heading and date, never by its file (a path can name the user's own folder)
    assert block.paragraphs[0].startswith(
        "Utvärderingen har en analysplan (”Analysplan: Litet testprojekt”, fastställd 2022-01-15).")
    assert "tiny.plan" not in block.paragraphs[0] and "text/" not in block.paragraphs[0]
    # an English report cites the Swedish plan when there is no English one
    en = et.Report(params, lang="en")
    [[block_en]] = appendix.analysis_plan(en)
    assert "(“Analysplan: Litet testprojekt”, settled 2022-01-15)" in block_en.paragraphs[0]
    path.write_text(text, encoding="utf-8")  # not yet dated
    [[block]] = appendix.analysis_plan(et.Report(params))
    assert "testprojekt”, utan datum för när den fastställdes)" in block.paragraphs[0]
