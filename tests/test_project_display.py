"""A project's notebook display is made by the presentation layer from a template: the data layer
reads and checks the input and makes no HTML; the display escapes what the params file says and is
worded in the project's language."""
from __future__ import annotations

import re
from pathlib import Path

import evaltools as et
from evaltools.data.project import load_project

ROOT = Path(__file__).resolve().parents[1]


def test_the_data_layer_makes_no_html():
    tag = re.compile(r"""["']<(b|br|p|div|span|table|tr|td|th|h\d)\b[^"']*>""")
    found = [f"{p.relative_to(ROOT)}:{i}" for p in sorted((ROOT / "evaltools" / "data").rglob("*.py"))
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if tag.search(line)]
    assert found == []


def test_the_display_escapes_the_params_files_text(tiny_project):
    path = tiny_project()
    path.write_text(path.read_text(encoding="utf-8").replace("Litet testprojekt", "<script>x</script> & co"),
                    encoding="utf-8")
    et.load_project  # (the public API registers the display)
    html = load_project(path)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; co" in html


def test_the_display_is_in_the_projects_language_and_names_changed_settings(tiny_project):
    et.load_project
    project = load_project(tiny_project())
    html = project._repr_html_()
    # the tiny project: 2022-01-01 to 2023-12-31, a payments file, no comparison group, two budget lines (its
    # third row, "Summa", is a total checked against them)
    assert "2022-01-01 – 2023-12-31" in html and "utbetalningar: ja" in html and "jämförelsegrupp: nej" in html
    assert "budgetrader: 2" in html and "ändrade inställningar" not in html
    changed = project.with_params(cost_benefit={"horizon_years": 5})._repr_html_()
    assert "med ändrade inställningar (inte parameterfilens): Tidshorisont 5 år" in changed
    english = load_project(tiny_project("language: en\n"))._repr_html_()
    assert "payments: yes" in english and "comparison group: no" in english
