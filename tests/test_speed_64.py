"""The renderer's own process imports no statistics or charting libraries (the kernel computes; the renderer prints)."""
import subprocess
import sys

# In a new interpreter: what the render command's own process imports and calls before the first cell and after the
# last one (the warm-up, the draft check, the hints after a draft, the Word writer, the index), then which of the
# heavy libraries it holds.
PROBE = """
import sys
from pathlib import Path
from evaltools.publish import cli, render
from evaltools.publish.docx import html_to_docx
folder = Path(sys.argv[1])
params = folder / "params" / "demo.yaml"
(folder / "params" / "text").mkdir(parents=True)
params.write_text("id: demo\\n", encoding="utf-8")
(folder / "params" / "text" / "demo.sv.md").write_text("## Bakgrund\\nText.\\n", encoding="utf-8")
render._prepare(("html", "docx", "pdf"), ("sv", "en"))
from evaltools.words.evaluator_text import is_draft
print(is_draft(params, "sv"))
print(cli._where_to_write("demo", params, "sv") != "")
html_to_docx("<h1>Rapport</h1><div class='et-evaluator'><h2>Bakgrund</h2><p>Text.</p></div>", folder / "r.docx",
             title="Rapport", lang="sv")
reports = folder / "reports"
(reports / "demo").mkdir(parents=True)
(reports / "demo" / "status.json").write_text('{"ok": true, "title": "Demo", "finished": "2026-01-01T10:00:00"}',
                                             encoding="utf-8")
print(render.write_index(reports) is not None)
print(sorted(m for m in ("scipy", "statsmodels", "matplotlib") if m in sys.modules))
"""


def test_the_renderers_process_imports_no_statistics_and_no_charts(tmp_path):
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    draft, hint, index, heavy = out.stdout.splitlines()[-4:]
    # by hand: the text has a background and no overall assessment, so the report is a draft and the command says
    # where the assessment goes; the index is written
    assert (draft, hint, index) == ("True", "True", "True")
    assert heavy == "[]"

