"""Rendering: run the parameterised notebooks with papermill and turn them into reports.

For each project: ``reports/<project_id>/`` gets the executed notebook, a self-contained
offline HTML file, a PDF printed from the same HTML (WeasyPrint), the key tables as CSV and one
.xlsx workbook, and ``status.json``. Everything is written to a temporary folder first and moved
into place only when the whole report succeeded, so a failed run never overwrites the last good
report; the failed notebook is kept in ``reports/_failed/<project_id>/`` for inspection.
Batches run projects in parallel processes (one per core).
"""
from __future__ import annotations

import sys

# jsonschema (imported by nbformat) loads the optional IRI checker rfc3987_syntax, which compiles a
# grammar at import and costs about 1.5 s in every process. Notebook validation does not use the
# "iri" format, so the renderer's processes skip that module; kernels never import it anyway.
sys.modules.setdefault("rfc3987_syntax", None)  # noqa: E402

import datetime as dt
import html
import json
import logging
import multiprocessing
import os
import shutil
import time
import traceback
import uuid
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ._version import __version__
from .config import load_params
from .errors import EvaltoolsError
from .kernels import kernel_manager_class, warm_kernels
from .paths import NOTEBOOKS_DIR, REPORTS_DIR, TEMPLATES_DIR

FORMATS = ("html", "pdf", "xlsx", "csv")
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "report.ipynb"
PORTFOLIO_NOTEBOOK = NOTEBOOKS_DIR / "portfolio.ipynb"
CELL_TIMEOUT_S = 600


@dataclass
class RenderResult:
    """What happened to one project's report."""

    project_id: str
    ok: bool
    output_dir: str | None = None
    files: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    timings: dict = field(default_factory=dict)
    finished: str = ""
    title: str = ""


def execute_notebook(notebook: Path, output: Path, parameters: dict, cwd: Path):
    """Execute ``notebook`` with papermill into ``output`` (python3 kernel, IPC transport) and
    return the executed notebook."""
    import papermill as pm
    # the notebook is written once at the end (and on failure), not after every cell
    return pm.execute_notebook(str(notebook), str(output), parameters=parameters, kernel_name="python3", cwd=str(cwd),
                        progress_bar=False, log_output=False, execution_timeout=CELL_TIMEOUT_S,
                        request_save_on_cell_execute=False, kernel_manager_class=kernel_manager_class())


_EXPORTERS: dict = {}


def _exporter(lang: str = "sv"):
    """The HTML exporter for the offline template (compiled once per process and language)."""
    if lang not in _EXPORTERS:
        from nbconvert import HTMLExporter
        logging.getLogger("traitlets").setLevel(logging.ERROR)
        exporter = HTMLExporter(template_name="evalprint", extra_template_basedirs=[str(TEMPLATES_DIR)],
                                exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                                language_code=lang)
        exporter.template  # noqa: B018 - compiles the template now
        _EXPORTERS[lang] = exporter
    return _EXPORTERS[lang]


def notebook_to_html(notebook, lang: str, title: str) -> str:
    """Self-contained HTML with code hidden: the package's offline template, images embedded.

    ``notebook`` is an executed notebook or the path of one.
    """
    import copy

    import nbformat
    nb = nbformat.read(str(notebook), as_version=4) if isinstance(notebook, (str, Path)) else copy.deepcopy(notebook)
    nb.metadata["evaltools"] = {"lang": lang, "title": title.replace('"', "'")}
    nb.cells = [c for c in nb.cells if "remove-from-report" not in c.metadata.get("tags", [])]
    for cell in nb.cells:  # warnings on stderr belong in the log, not in a board report
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    body, _ = _exporter(lang).from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def html_to_pdf(html_text: str, pdf_path: Path | None, base_url: Path) -> bytes | None:
    """Print the report HTML to an A4 PDF with WeasyPrint (no browser, no LaTeX); with no
    ``pdf_path`` the PDF is returned as bytes."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*HarfBuzz-Subset.*")
        import weasyprint
        return weasyprint.HTML(string=html_text, base_url=str(base_url)).write_pdf(None if pdf_path is None else str(pdf_path))


def _swap_into_place(tmp: Path, final: Path) -> None:
    old = None
    if final.exists():
        old = final.with_name(f".old-{final.name}-{uuid.uuid4().hex[:8]}")
        final.rename(old)
    tmp.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _render(notebook: Path, key: str, title: str, lang: str, parameters: dict, reports_dir: Path,
            formats: tuple[str, ...], timings: dict) -> list[str]:
    tmp = reports_dir / f".tmp-{key}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    try:
        t0 = time.perf_counter()
        nb_out = tmp / f"{key}.ipynb"
        try:
            executed = execute_notebook(notebook, nb_out, {**parameters, "output_dir": str(tmp)}, tmp)
        finally:
            timings["execute"] = round(time.perf_counter() - t0, 3)
        t1 = time.perf_counter()
        page = notebook_to_html(executed, lang, title)
        timings["html"] = round(time.perf_counter() - t1, 3)
        if "html" in formats:
            (tmp / f"{key}.html").write_text(page, encoding="utf-8")
        if "pdf" in formats:
            t2 = time.perf_counter()
            html_to_pdf(page, tmp / f"{key}.pdf", tmp)
            timings["pdf"] = round(time.perf_counter() - t2, 3)
        if "csv" not in formats:
            shutil.rmtree(tmp / "tables", ignore_errors=True)
        if "xlsx" not in formats:
            for x in tmp.glob("*.xlsx"):
                x.unlink()
        files = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*") if p.is_file())
        final = reports_dir / key
        _swap_into_place(tmp, final)
        return files
    except BaseException:
        failed = reports_dir / "_failed" / key
        shutil.rmtree(failed, ignore_errors=True)
        failed.mkdir(parents=True, exist_ok=True)
        nb_out = tmp / f"{key}.ipynb"
        if nb_out.exists():
            shutil.copy2(nb_out, failed / f"{key}.ipynb")
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _write_status(res: RenderResult, reports_dir: Path) -> None:
    where = reports_dir / res.project_id if res.ok else reports_dir / "_failed" / res.project_id
    where.mkdir(parents=True, exist_ok=True)
    (where / "status.json").write_text(json.dumps(asdict(res), ensure_ascii=False, indent=1), encoding="utf-8")
    if res.ok:
        shutil.rmtree(reports_dir / "_failed" / res.project_id, ignore_errors=True)


def render_project(params_path: str | Path, reports_dir: str | Path = REPORTS_DIR, formats: tuple[str, ...] = FORMATS,
                   lang: str | None = None) -> RenderResult:
    """Render one project's report. Never raises for a failing project: the result says what failed."""
    reports_dir = Path(reports_dir).resolve()
    reports_dir.mkdir(parents=True, exist_ok=True)
    params_path = Path(params_path).resolve()
    start = time.perf_counter()
    key = params_path.stem
    timings: dict = {}
    title = key
    try:
        params = load_params(params_path)
        key, title = params.id, params.title
        use_lang = lang or params.language
        files = _render(REPORT_NOTEBOOK, key, title, use_lang,
                        {"params_path": str(params_path), "lang": use_lang}, reports_dir, formats, timings)
        res = RenderResult(key, True, str(reports_dir / key), files, None, round(time.perf_counter() - start, 3), timings,
                           dt.datetime.now().isoformat(timespec="seconds"), title)
    except Exception as e:  # noqa: BLE001 - one project's failure must not stop a batch
        res = RenderResult(key, False, None, [], _describe(e), round(time.perf_counter() - start, 3), timings,
                           dt.datetime.now().isoformat(timespec="seconds"), title)
    _write_status(res, reports_dir)
    return res


def _describe(e: Exception) -> str:
    if isinstance(e, EvaltoolsError):
        return str(e)
    name = type(e).__name__
    if name == "PapermillExecutionError":
        return f"{e.ename}: {e.evalue} (cell {e.exec_count}; see the executed notebook in reports/_failed/)"
    return "".join(traceback.format_exception_only(type(e), e)).strip()


def render_portfolio(params_paths: list[Path], reports_dir: str | Path = REPORTS_DIR, formats: tuple[str, ...] = FORMATS,
                     lang: str = "sv") -> RenderResult:
    """Render the portfolio report comparing the given projects."""
    reports_dir = Path(reports_dir).resolve()
    start = time.perf_counter()
    timings: dict = {}
    title = "Portföljöversikt" if lang == "sv" else "Portfolio overview"
    try:
        files = _render(PORTFOLIO_NOTEBOOK, "portfolio", title, lang,
                        {"params_paths": [str(Path(p).resolve()) for p in params_paths], "lang": lang},
                        reports_dir, formats, timings)
        res = RenderResult("portfolio", True, str(reports_dir / "portfolio"), files, None,
                           round(time.perf_counter() - start, 3), timings, dt.datetime.now().isoformat(timespec="seconds"), title)
    except Exception as e:  # noqa: BLE001 - reported in the result, like a project's failure
        res = RenderResult("portfolio", False, None, [], _describe(e), round(time.perf_counter() - start, 3), timings,
                           dt.datetime.now().isoformat(timespec="seconds"), title)
    _write_status(res, reports_dir)
    return res


def _worker(args) -> RenderResult:
    if args[0] == "portfolio":
        return render_portfolio(*args[1:])
    return render_project(*args)


def _data_size(params_path: Path) -> int:
    """Bytes of a project's input files: a rough measure of its rendering work."""
    try:
        d = load_params(params_path).data
    except Exception:  # noqa: BLE001 - a broken params file is reported by its render, not here
        return 0
    files = [d.participants, d.payments, d.budget] + ([d.comparison.persons, d.comparison.payments] if d.comparison else [])
    return sum(f.stat().st_size for f in files if f is not None and f.is_file())


# A one-pixel PNG, for warming up the image paths of the HTML export and the PDF printer.
_PIXEL_PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")


def prepare(formats: tuple[str, ...] = FORMATS) -> None:
    """Import the renderer's libraries and run the HTML export (and, when a PDF is asked for, the
    PDF printer) once on a tiny notebook, so that their one-time costs (template compilation,
    HTML parser, fonts, the C bindings' type tables) are paid before the first report, and once
    for all processes forked for a batch.

    Only an optimisation: if something here fails, each report meets (and reports) the same
    problem itself.
    """
    try:
        import nbformat
        import papermill  # noqa: F401
        html_part = ("<div class='et-block'><h2>Åäö</h2><p>1 276 000 kr, 48,6 %</p><table class='et-table'><thead><tr>"
                     "<th class='txt'>Mål</th><th class='num'>Utfall</th></tr></thead><tbody><tr><td class='txt'>Ett</td>"
                     f"<td class='num'>1</td></tr></tbody></table><figure class='et-fig'><img alt='x' src='data:image/png;base64,{_PIXEL_PNG}'>"
                     "</figure></div>")
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
            nbformat.v4.new_output("display_data", data={"text/html": html_part, "text/plain": "x"})])])
        for lang in ("sv", "en"):
            page = notebook_to_html(nb, lang, "x")
        if "pdf" in formats:
            html_to_pdf(page, None, TEMPLATES_DIR)
    except Exception as e:  # noqa: BLE001
        logging.getLogger(__name__).debug("renderer warm-up skipped: %s", e)


def render_many(params_paths: list[Path], reports_dir: str | Path = REPORTS_DIR, formats: tuple[str, ...] = FORMATS,
                lang: str | None = None, jobs: int | None = None, progress: bool = True,
                portfolio: bool = False, warm: bool = True) -> list[RenderResult]:
    """Render several projects in parallel processes (by default one per core, plus one);
    failures are returned, not raised.

    With ``warm`` (the default) each report's kernel is forked from a process that has already
    imported the report libraries (see :mod:`evaltools.kernels`); each report still gets a new
    kernel of its own.
    """
    from tqdm import tqdm
    reports_dir = Path(reports_dir).resolve()
    reports_dir.mkdir(parents=True, exist_ok=True)
    # one more worker than cores: while one report waits for its kernel to start, another works
    jobs = max(1, min(jobs or (os.cpu_count() or 1) + 1, len(params_paths) + int(portfolio) or 1))
    args = [(p, reports_dir, formats, lang) for p in params_paths]
    results: list[RenderResult] = []
    with warm_kernels(warm):  # started first: it imports while this process prepares
        prepare(formats)
        bar = tqdm(total=len(args) + int(portfolio), desc="rapporter" if (lang or "sv") == "sv" else "reports",
                   unit="st", disable=not progress)
        # the largest projects first, so that a batch does not end with one core idle; the
        # portfolio runs beside them (it reads the data itself)
        tasks = sorted(args, key=lambda a: _data_size(a[0]), reverse=True) if jobs > 1 else list(args)
        if portfolio:
            tasks.insert(1 if jobs > 1 else len(tasks), ("portfolio", params_paths, reports_dir, formats, lang or "sv"))
        if jobs == 1:
            for a in tasks:
                results.append(_worker(a))
                bar.update()
        else:
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
                for f in as_completed([pool.submit(_worker, a) for a in tasks]):
                    results.append(f.result())
                    bar.update()
        bar.close()
    order = {Path(p).stem: i for i, p in enumerate(params_paths)}
    results.sort(key=lambda r: order.get(r.project_id, len(order)))
    write_index(reports_dir)
    return results


_LINKED = (".html", ".pdf", ".xlsx")  # the files the index links, in this order


def _when(stamp: str) -> str:
    """A status time as a reader writes it: ``2026-11-23 14:43``."""
    try:
        return f"{dt.datetime.fromisoformat(stamp):%Y-%m-%d %H:%M}"
    except (TypeError, ValueError):
        return html.escape(str(stamp))


def write_index(reports_dir: str | Path = REPORTS_DIR) -> Path:
    """Write ``reports/index.html``: every report on disk with its status and links."""
    reports_dir = Path(reports_dir)
    good = {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in reports_dir.glob("*/status.json")}
    bad = {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in (reports_dir / "_failed").glob("*/status.json")}
    rows = []
    for key in sorted(set(good) | set(bad), key=lambda k: (k == "portfolio", k)):
        g, b = good.get(key), bad.get(key)
        links = ""
        if g:
            shown = sorted((f for f in g["files"] if f.endswith(_LINKED)), key=lambda f: _LINKED.index("." + f.rsplit(".", 1)[-1]))
            links = " · ".join(f'<a href="{html.escape(key)}/{html.escape(f)}">{html.escape(f.rsplit(".", 1)[-1].upper())}</a>'
                               for f in shown)
        if b:
            status = (f'<span class="bad">Misslyckades {_when(b["finished"])}</span>'
                      f'<pre>{html.escape((b.get("error") or "")[:1500])}</pre>')
            if g:
                status += f'<span class="old">Senaste lyckade rapport: {_when(g["finished"])}</span>'
        else:
            status = f'<span class="ok">OK {_when(g["finished"])}</span>'
        title = (g or b).get("title") or key
        rows.append(f"<tr><td><b>{html.escape(title)}</b><br><small>{html.escape(key)}</small></td><td>{status}</td><td>{links}</td></tr>")
    page = f"""<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Rapporter</title>
<style>body{{font-family:"DejaVu Sans",Arial,sans-serif;max-width:960px;margin:2em auto;color:#1d1d1d}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}}
.ok{{color:#2e7d32}}.bad{{color:#c62828;font-weight:bold}}.old{{display:block;color:#555}}pre{{white-space:pre-wrap;font-size:11px}}</style>
</head><body><h1>Rapporter</h1><p>Skapade med evaltools {__version__}, {dt.datetime.now():%Y-%m-%d %H:%M}.</p>
<table><tr><th>Projekt</th><th>Status</th><th>Filer</th></tr>{''.join(rows)}</table></body></html>"""
    out = reports_dir / "index.html"
    out.write_text(page, encoding="utf-8")
    return out
