"""The renderer's warm-up compiles the HTML export of the languages its reports are made in only; a report in
another language compiles its own when it comes, and is exported as before."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import nbformat

from evaltools.data.errors import EvaltoolsError
from evaltools.publish import render


def _notebook() -> nbformat.NotebookNode:
    html = "<div class='et-block'><h2>Mål</h2><p>13 av 42 deltagare gick till arbete.</p></div>"
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": html, "text/plain": "x"})])])


def test_the_warm_up_compiles_the_languages_asked_for_only(monkeypatch):
    monkeypatch.setattr(render, "_EXPORTERS", {})
    render._prepare(("html",), ("sv",))
    assert set(render._EXPORTERS) == {"sv"}
    monkeypatch.setattr(render, "_EXPORTERS", {})
    render._prepare(("html",), ("en",))
    assert set(render._EXPORTERS) == {"en"}


def test_a_language_not_warmed_up_is_exported_when_its_report_comes(monkeypatch):
    monkeypatch.setattr(render, "_EXPORTERS", {})
    render._prepare(("html",), ("sv",))
    page = render.notebook_to_html(_notebook(), "en", "Stepping stone")
    assert set(render._EXPORTERS) == {"sv", "en"}
    assert '<html lang="en"' in page and "13 av 42 deltagare" in page
    # the same page as an export compiled by the warm-up gives
    monkeypatch.setattr(render, "_EXPORTERS", {})
    render._prepare(("html",), ("en",))
    assert render.notebook_to_html(_notebook(), "en", "Stepping stone") == page


def test_the_languages_of_a_batch(monkeypatch):
    said = {"a": "en", "b": "sv", "c": "en"}

    def load(path: Path):
        if path.stem not in said:
            raise EvaltoolsError(f"{path}: not a params file")
        return SimpleNamespace(language=said[path.stem])
    monkeypatch.setattr(render, "load_params_once", load)
    paths = [Path(f"/x/{name}.yaml") for name in ("a", "c")]
    assert render._languages(paths, None) == ("en",)  # (English reports only: no Swedish export)
    assert render._languages(paths, None, portfolio=True) == ("sv", "en")  # (the portfolio is Swedish)
    assert render._languages(paths, "sv") == ("sv",)  # (--lang sv: every report in Swedish)
    assert render._languages([Path("/x/b.yaml"), Path("/x/a.yaml")], None) == ("sv", "en")
    assert render._languages([Path("/x/broken.yaml")], None) == ("sv",)  # (its render says why; Swedish until then)
    assert render._languages([], None) == ("sv",)
