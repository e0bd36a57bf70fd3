"""Warm kernels: each notebook gets a new kernel process forked from the zygote, nothing carries
over between notebooks, and without a zygote kernels start the usual way."""
import json
import os
import time

import nbformat
import pytest

from evaltools.publish import kernels
from evaltools.publish.render import execute_notebook

PROBE = """\
import os, sys, json
preloaded = "pandas" in sys.modules
import evaltools
leaked = hasattr(evaltools, "_probe_from_earlier_notebook")
evaltools._probe_from_earlier_notebook = True
import matplotlib
print(json.dumps({"pid": os.getpid(), "ppid": os.getppid(), "preloaded": preloaded, "leaked": leaked,
                  "cwd": os.getcwd(), "backend": matplotlib.get_backend(), "answer": 6 * 7,
                  "toolkit": evaltools.__file__, "path": sys.path}))
"""

pytestmark = pytest.mark.skipif(not kernels.supported(), reason="warm kernels need Linux")


@pytest.fixture
def probe(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)

    def run(name: str) -> dict:
        out = tmp_path / f"{name}.ipynb"
        executed = execute_notebook(path, out, {}, tmp_path)
        text = "".join(o.get("text", "") for o in executed.cells[0].outputs if o.get("output_type") == "stream")
        return json.loads(text)

    return run


def _gone(pid: int, wait_s: float = 5.0) -> bool:
    end = time.monotonic() + wait_s
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_each_notebook_gets_its_own_forked_kernel(probe, tmp_path):
    with kernels.warm_kernels() as zygote:
        assert zygote is not None
        first, second = probe("first"), probe("second")
        zygote_pid = zygote.process.pid
    assert first["answer"] == second["answer"] == 42
    # forked from the zygote, with the libraries already imported ...
    assert first["ppid"] == second["ppid"] == zygote_pid
    assert first["preloaded"] and second["preloaded"]
    # ... but a new process each time, so nothing set by one notebook reaches the next
    assert first["pid"] != second["pid"]
    assert not first["leaked"] and not second["leaked"]
    # the toolkit the command runs, from its own folder (not another copy installed in the
    # environment), and that folder is not left first on sys.path
    import evaltools
    assert os.path.samefile(first["toolkit"], evaltools.__file__)
    root = os.path.realpath(os.path.dirname(os.path.dirname(evaltools.__file__)))
    assert os.path.realpath(first["path"][0] or ".") != root
    # the kernel runs where papermill asked, with the plotting backend a kernel started cold has
    assert os.path.samefile(first["cwd"], tmp_path)
    assert first["backend"] == probe("cold")["backend"]
    # kernels are shut down after their notebook, and the zygote with the block
    assert _gone(first["pid"]) and _gone(second["pid"])
    assert zygote.process.poll() is not None


def test_without_a_zygote_kernels_start_the_usual_way(probe, monkeypatch, tmp_path):
    result = probe("cold")
    assert result["answer"] == 42 and not result["preloaded"] and result["ppid"] == os.getpid()
    # a zygote that has gone away: the kernel is started the usual way instead of failing
    monkeypatch.setenv(kernels.ENV_ADDRESS, str(tmp_path / "no-such-zygote.sock"))
    result = probe("fallback")
    assert result["answer"] == 42 and not result["preloaded"] and result["ppid"] == os.getpid()


def test_warm_kernels_can_be_switched_off(monkeypatch):
    monkeypatch.setenv(kernels.ENV_SWITCH, "0")
    assert not kernels.supported()
    with kernels.warm_kernels() as zygote:
        assert zygote is None and kernels.ENV_ADDRESS not in os.environ


def test_a_failing_notebook_in_a_warm_kernel_raises_and_leaves_no_kernel(tmp_path):
    import papermill as pm
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import os\nprint(os.getpid())"),
                                         nbformat.v4.new_code_cell("raise ValueError('bad data in row 7')")])
    path = tmp_path / "fails.ipynb"
    nbformat.write(nb, path)
    with kernels.warm_kernels(), pytest.raises(pm.PapermillExecutionError, match="bad data in row 7"):
        execute_notebook(path, tmp_path / "out.ipynb", {}, tmp_path)
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    pid = int(next(o["text"] for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.get("name") == "stdout"))
    assert _gone(pid)


def test_a_zygote_of_another_copy_of_the_toolkit_is_never_used(probe, monkeypatch, tmp_path):
    # a command of another checkout or installation whose environment names this zygote (as a command run from a
    # test, or a terminal inside a report's process, could inherit it): its kernel starts cold, with its own code
    with kernels.warm_kernels() as zygote:
        assert zygote is not None
        monkeypatch.setattr(kernels, "TOOLKIT", str(tmp_path / "another-checkout" / "evaltools"))
        other = probe("other")
        monkeypatch.undo()
        same = probe("same")
    assert other["answer"] == 42 and not other["preloaded"] and other["ppid"] == os.getpid()
    assert same["preloaded"] and same["ppid"] == zygote.process.pid  # (the zygote still serves its own copy)


def test_a_zygote_that_never_answers_falls_back_to_a_cold_kernel(probe, monkeypatch, tmp_path):
    import socket
    silent = socket.socket(socket.AF_UNIX)
    silent.bind(str(tmp_path / "silent.sock"))
    silent.listen(4)  # accepts connections but never answers, like a zygote stuck in its imports
    monkeypatch.setenv(kernels.ENV_ADDRESS, str(tmp_path / "silent.sock"))
    monkeypatch.setattr(kernels, "ZYGOTE_TIMEOUT_S", 0.5)
    try:
        result = probe("silent")
    finally:
        silent.close()
    assert result["answer"] == 42 and not result["preloaded"] and result["ppid"] == os.getpid()


def test_a_warm_kernel_that_dies_at_once_is_replaced_by_a_cold_one(probe, monkeypatch, tmp_path, capsys):
    import socket
    import subprocess
    import threading
    gone = subprocess.Popen(["true"])
    gone.wait()  # the pid of a process that has exited: a forked kernel that died before answering
    fake = socket.socket(socket.AF_UNIX)
    fake.bind(str(tmp_path / "fake.sock"))
    fake.listen(4)

    def answer():
        conn, _ = fake.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(f"{gone.pid}\n".encode())

    threading.Thread(target=answer, daemon=True).start()
    monkeypatch.setenv(kernels.ENV_ADDRESS, str(tmp_path / "fake.sock"))
    try:
        result = probe("died")
    finally:
        fake.close()
    # made in a kernel this process started itself, and the warm kernels are used again afterwards
    assert result["answer"] == 42 and result["ppid"] == os.getpid()
    assert os.environ[kernels.ENV_ADDRESS] == str(tmp_path / "fake.sock")
    assert "running the report again" in capsys.readouterr().err


def test_a_warm_kernel_that_dies_in_a_cell_is_replaced_by_a_cold_one(tmp_path, worker_zygote):
    # the first cell ends its kernel where that kernel was forked from the zygote, as a crash would
    code = f"import os, signal\nif os.getppid() != {os.getpid()}:\n    os.kill(os.getpid(), signal.SIGKILL)\nprint(os.getppid())"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    path = tmp_path / "crash.ipynb"
    nbformat.write(nb, path)
    assert worker_zygote is not None and os.environ[kernels.ENV_ADDRESS] == worker_zygote.address
    executed = execute_notebook(path, tmp_path / "out.ipynb", {}, tmp_path)
    assert executed.cells[0].outputs[0]["text"].strip() == str(os.getpid())
    assert os.environ[kernels.ENV_ADDRESS] == worker_zygote.address  # (warm kernels again for the next report)


def test_an_error_in_a_cell_is_never_run_again(tmp_path):
    import papermill as pm
    marker = tmp_path / "runs.txt"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        f"open({str(marker)!r}, 'a').write('x')\nraise ValueError('bad data')")])
    path = tmp_path / "fails.ipynb"
    nbformat.write(nb, path)
    with kernels.warm_kernels(), pytest.raises(pm.PapermillExecutionError):
        execute_notebook(path, tmp_path / "out.ipynb", {}, tmp_path)
    assert marker.read_text() == "x"


def test_a_cells_output_that_comes_seconds_after_its_reply_is_still_read(tmp_path, monkeypatch):
    """On a busy machine a cell's error (sent before its reply, on the other channel) can be read seconds
    after the reply: the report must fail with the cell's own error, not with a timeout."""
    import asyncio

    import nbclient.client
    import papermill as pm
    poll = nbclient.client.NotebookClient._async_poll_output_msg

    async def late(self, *args, **kwargs):
        await asyncio.sleep(5)  # (nbclient waited 4 s for the output by default)
        return await poll(self, *args, **kwargs)

    monkeypatch.setattr(nbclient.client.NotebookClient, "_async_poll_output_msg", late)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise ValueError('bad data in row 7')")])
    path = tmp_path / "late.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(pm.PapermillExecutionError, match="bad data in row 7"):
        execute_notebook(path, tmp_path / "out.ipynb", {}, tmp_path)


def test_the_shutdown_interrupt_is_not_logged_as_an_error():
    import logging

    from evaltools.publish.kernels import _quiet_shutdown_interrupt
    def record(msg):
        return logging.LogRecord("IPKernelApp", logging.ERROR, __file__, 1, msg, None, None)
    assert not _quiet_shutdown_interrupt(record("KeyboardInterrupt caught in kernel."))
    assert _quiet_shutdown_interrupt(record("Error in message handler"))


def test_code_in_the_current_folder_never_reaches_a_kernel(probe, tmp_path, monkeypatch):
    """A module in the folder where `evaltools render` is run (here a calendar.py, which the standard
    library imports on the way) is not imported by the zygote or the kernels forked from it."""
    here = tmp_path / "where-the-command-runs"
    here.mkdir()
    marker = tmp_path / "imported.txt"
    (here / "calendar.py").write_text(f"open({str(marker)!r}, 'w').write('imported')\n"
                                      "raise ImportError('not the standard library')\n")
    monkeypatch.chdir(here)
    monkeypatch.setenv("PYTHONPATH", str(here))
    with kernels.warm_kernels() as zygote:
        assert zygote is not None
        result = probe("first")
        assert result["ppid"] == zygote.process.pid
    assert result["answer"] == 42
    assert not marker.exists(), "a file from the current folder was imported"



OPTIONAL = """\
import os, sys, json
print(json.dumps({"ppid": os.getppid(), "imported": "honestdid" in sys.modules,
                  "request_left": os.environ.get("EVALTOOLS_KERNEL_PRELOAD")}))
"""


def test_the_zygote_imports_an_optional_module_for_the_kernels_that_name_it(tmp_path):
    pytest.importorskip("honestdid")  # the extra [robust]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(OPTIONAL)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "optional.ipynb")

    def run(name: str, preload: tuple[str, ...]) -> dict:
        executed = execute_notebook(tmp_path / "optional.ipynb", tmp_path / f"{name}.ipynb", {}, tmp_path,
                                    preload=preload)
        return json.loads("".join(o.get("text", "") for o in executed.cells[0].outputs))

    with kernels.warm_kernels() as zygote:
        assert zygote is not None
        plain = run("plain", ())
        named = run("named", ("honestdid",))
        later = run("later", ())
    # a kernel that does not name it does not get it, until a kernel has named it; from then on the
    # zygote has it imported, and every kernel it forks shares it (nothing else carries over)
    assert plain["ppid"] == named["ppid"] == zygote.process.pid
    assert (plain["imported"], named["imported"], later["imported"]) == (False, True, True)
    # the request is not part of the kernel's environment
    assert named["request_left"] is None


def test_the_zygote_imports_only_the_optional_modules_it_knows(monkeypatch):
    import sys
    monkeypatch.setattr(kernels, "ON_REQUEST", ("tabnanny",))
    for name in ("tabnanny", "pyclbr"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    tried: set[str] = set()
    kernels._preload({"env": {kernels.ENV_PRELOAD: "pyclbr, tabnanny ,../x"}}, tried)
    assert "tabnanny" in sys.modules and "pyclbr" not in sys.modules
    assert tried == {"tabnanny"}
    # a request without an environment, or with anything else there, is ignored
    kernels._preload({"env": "tabnanny"}, tried)
    kernels._preload({}, tried)
    assert tried == {"tabnanny"}


def test_report_processes_ask_numpy_for_no_huge_pages():
    # the variable is one numpy reads as it starts (a misspelt name would be ignored without a word): a
    # process started with the kernels' environment has numpy's huge-page request off, one without it on
    import subprocess
    import sys
    env = kernels.kernel_environment()
    assert env["NUMPY_MADVISE_HUGEPAGE"] == "0"
    probe = "import numpy._core.multiarray as m; print(m._get_madvise_hugepage())"
    base = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    asked = [subprocess.run([sys.executable, "-c", probe], env=base | extra, capture_output=True, text=True,
                            check=True).stdout.strip() for extra in ({"NUMPY_MADVISE_HUGEPAGE": "1"}, env)]
    assert asked == ["True", "False"]
