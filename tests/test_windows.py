"""What differs on Windows, simulated on Linux: no ``fork`` (kernels start the usual way, over
TCP, and a batch's workers are spawned), params written with backslashes, folder names with
spaces and å, ä, ö, files saved by Notepad (CRLF line ends, a byte-order mark, Windows-1252) and
the process check that must not end a process. (Windows-1252 and CRLF data files are tested in
tests/test_excel.py and tests/test_extra_projects.py.)"""
from __future__ import annotations

import json
import multiprocessing
import os
import textwrap
from pathlib import Path

import nbformat
import pytest

from evaltools.data.errors import ParamsError
from evaltools.data.params import load_params
from evaltools.data.project import load_project
from evaltools.present import narrative
from evaltools.publish import kernels, render

from .conftest import participants_frame, write_csv

PROBE = """\
import json, os, sys
from ipykernel.kernelapp import IPKernelApp
print(json.dumps({"ppid": os.getppid(), "preloaded": "pandas" in sys.modules, "transport": IPKernelApp.instance().transport,
                  "answer": 6 * 7}))
"""


@pytest.fixture
def windows(monkeypatch):
    """This process behaves as on Windows where it asks: no fork, no IPC transport."""
    monkeypatch.setattr(kernels, "_linux", lambda: False)
    monkeypatch.setattr(kernels, "_windows", lambda: True)
    monkeypatch.delenv(kernels.ENV_ADDRESS, raising=False)


def test_without_fork_there_is_no_zygote_and_kernels_start_the_usual_way_over_tcp(windows, tmp_path):
    assert not kernels.supported() and kernels.transport() == "tcp"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "probe.ipynb")
    started = []
    with kernels.warm_kernels() as zygote:
        assert zygote is None and kernels.ENV_ADDRESS not in os.environ
        executed = render.execute_notebook(tmp_path / "probe.ipynb", tmp_path / "out.ipynb", {}, tmp_path,
                                           on_kernel_ready=lambda: started.append(True))
    out = json.loads("".join(o.get("text", "") for o in executed.cells[0].outputs if o.get("output_type") == "stream"))
    assert out["answer"] == 42 and out["transport"] == "tcp"
    assert out["ppid"] == os.getpid() and not out["preloaded"]  # started by this process, not forked
    assert started == [True]  # the progress line "running the analyses" is said once the kernel is up


def _project(folder: Path, pid: str) -> Path:
    """A small valid project whose params name its files with backslashes, as written on Windows."""
    data = folder / "data" / pid
    write_csv(data / "participants.csv", participants_frame())
    write_csv(data / "payments.csv", [{"person_id": "P1", "month": "2022-01", "amount": 9000},
                                      {"person_id": "P2", "month": "2022-02", "amount": 12000}])
    write_csv(data / "budget.csv", [{"period": "2022", "category": "Lön", "budget": 100000, "actual": 90000},
                                    {"period": "2022", "category": "Summa", "budget": 100000, "actual": 90000}])
    params = folder / "params" / f"{pid}.yaml"
    params.parent.mkdir(parents=True, exist_ok=True)
    params.write_text(textwrap.dedent(f"""\
        id: {pid}
        title: Projekt {pid}
        forbund: Testförbundet
        owner: Testkommun
        period: {{start: 2022-01-01, planned_end: 2023-12-31}}
        data:
          participants: ..\\data\\{pid}\\participants.csv
          payments: '..\\data\\{pid}\\payments.csv'
          budget: "..\\\\data\\\\{pid}\\\\budget.csv"
        """), encoding="utf-8")
    return params


def test_params_written_with_backslashes_name_the_same_files(tmp_path):
    params = _project(tmp_path, "bakat")
    assert "..\\data\\bakat\\participants.csv" in params.read_text(encoding="utf-8")  # written the Windows way
    d = load_params(params).data
    for name in ("participants", "payments", "budget"):
        assert getattr(d, name) == (tmp_path / "data" / "bakat" / f"{name}.csv").resolve(), name
    assert len(load_project(params).participants) == 4
    # a context goal's series file too
    (tmp_path / "data" / "bakat" / "serie.csv").write_text("period,value\n2021,10\n2022,12\n", encoding="utf-8")
    with params.open("a", encoding="utf-8") as f:
        f.write("goals:\n  - id: kontext\n    kind: context\n    label: Andel med försörjningsstöd\n"
                "    series_file: ..\\data\\bakat\\serie.csv\n")
    goal = load_params(params).goals[0]
    assert Path(str(goal.series_file)) == Path("../data/bakat/serie.csv")
    # a missing file is named as it was meant
    params.write_text(params.read_text(encoding="utf-8").replace("participants.csv", "saknas.csv"), encoding="utf-8")
    with pytest.raises(ParamsError, match=r"data[/\\]bakat[/\\]saknas\.csv"):  # (either separator on Windows)
        load_params(params)


def test_notepad_files_crlf_and_byte_order_mark_read_as_any_other(tmp_path):
    params = _project(tmp_path, "notepad")
    plain = load_params(params)
    params.write_bytes(b"\xef\xbb\xbf" + params.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert load_params(params).model_dump() == plain.model_dump()
    text = "## Sammanfattande bedömning\nProjektet nådde sina mål.\n\n## Lärdomar\n- Tidig kontakt.\n- Samverkan.\n"
    lf = tmp_path / "lf.sv.md"
    lf.write_text(text, encoding="utf-8")
    crlf = tmp_path / "crlf.sv.md"
    crlf.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert narrative.read(crlf).parts == narrative.read(lf).parts == {
        "assessment": "Projektet nådde sina mål.", "lessons": "- Tidig kontakt.\n- Samverkan."}


def test_a_params_file_saved_as_windows_1252_is_refused_with_how_to_save_it(tmp_path):
    params = _project(tmp_path, "ansi")
    params.write_bytes(params.read_text(encoding="utf-8").encode("cp1252"))  # "Testförbundet": ö is one byte
    with pytest.raises(ParamsError, match="spara den som UTF-8"):
        load_params(params)


def test_a_batch_without_fork_spawns_its_workers_and_renders_from_folders_with_spaces_and_swedish_letters(
        windows, tmp_path, monkeypatch):
    folder = tmp_path / "OneDrive - Samordningsförbundet" / "Utvärderingar år 2026"
    paths = [_project(folder, "forsta"), _project(folder, "andra")]
    contexts = []
    real = multiprocessing.get_context

    def get_context(method=None):
        contexts.append(method)
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])  # as on Windows
    monkeypatch.setattr(multiprocessing, "get_context", get_context)
    results = render.render_many(paths, folder / "Rapporter för styrelsen", formats=("html",), jobs=2, progress=False)
    assert contexts == ["spawn"]
    assert [r.ok for r in results] == [True, True], [r.error for r in results]
    for pid in ("forsta", "andra"):
        html = (folder / "Rapporter för styrelsen" / pid / f"{pid}.html").read_text(encoding="utf-8")
        assert f"Projekt {pid}" in html


def test_the_stale_folder_check_never_signals_a_process_on_windows(monkeypatch):
    """On Windows os.kill(pid, 0) ends the process: the check asks Windows instead."""
    asked = []

    def kill(pid, sig):
        raise AssertionError("os.kill called")

    monkeypatch.setattr(os, "kill", kill)
    monkeypatch.setattr(render, "_windows_pid_alive", lambda pid: asked.append(pid) or True)
    monkeypatch.setattr(os, "name", "nt")
    try:
        alive = render._pid_alive(4242)
    finally:
        monkeypatch.undo()
    assert alive and asked == [4242]


def test_output_sent_to_a_file_on_windows_is_windows_1252_and_the_command_still_runs(tmp_path):
    """Redirected output on Windows is Windows-1252, which has å, ä, ö but no ✓: the command prints
    '?' for the mark instead of stopping with an encoding error."""
    import subprocess
    import sys
    params = _project(tmp_path, "ansi-utdata")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "MPLBACKEND": "Agg"}
    env.pop("PYTHONUTF8", None)
    run = subprocess.run([sys.executable, "-m", "evaltools", "validate", str(params)], env=env, capture_output=True,
                         cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr.decode("cp1252", "replace")
    out = run.stdout.decode("cp1252")  # every byte is Windows-1252
    assert out.startswith("? ansi-utdata: 4 inskrivningar; anteckningar om datakvaliteten:")


def test_a_missing_pdf_printer_says_how_to_get_pango_on_each_system(monkeypatch):
    monkeypatch.setattr(render.sys, "platform", "linux")
    assert "apt-get install libpango-1.0-0" in render.pango_advice()
    monkeypatch.setattr(render.sys, "platform", "win32")
    advice = render.pango_advice()
    assert "pacman -S mingw-w64-ucrt-x86_64-pango" in advice and "WEASYPRINT_DLL_DIRECTORIES" in advice
    assert "apt-get" not in advice
