"""Reports are finished in Word: a render makes the Word document unless the formats asked for leave it out."""
from __future__ import annotations


def test_a_render_makes_the_word_document_unless_other_formats_are_named(tiny_project, monkeypatch):
    from evaltools.publish import cli, render

    asked: list[tuple[str, ...]] = []
    monkeypatch.setattr(render, "_render", lambda notebook, key, title, lang, parameters, reports_dir, formats, *a, **k:
                        asked.append(formats) or [])
    params = tiny_project()
    assert render.render_project(params, tiny_project.dir / "reports").ok
    assert render.render_project(params, tiny_project.dir / "reports", ("html", "pdf")).ok  # named: only those
    assert asked == [("html", "pdf", "xlsx", "csv", "docx"), ("html", "pdf")]
    # the command line's default is the same list
    parser = cli.build_parser()
    args = parser.parse_args(["render", str(params)])
    assert tuple(args.formats.split(",")) == ("html", "pdf", "xlsx", "csv", "docx")
