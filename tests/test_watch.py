"""``evaltools render PROJECT --watch``: the report is made again each time the evaluator saves the params
file, the evaluator's text or a data file; Ctrl+C ends the command with a line, not a traceback."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from evaltools.publish import watch


def _project(tmp_path: Path, tiny_project) -> Path:
    params = tiny_project()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "tiny.sv.md").write_text("## Bakgrund\n\nEtt projekt.\n", encoding="utf-8")
    return params


def test_the_files_that_count_are_the_projects_own(tmp_path, tiny_project):
    params = _project(tmp_path, tiny_project)
    (tmp_path / "other.yaml").write_text("id: other\n", encoding="utf-8")  # another project's params, same folder
    (tmp_path / "text" / "other.sv.md").write_text("x", encoding="utf-8")
    (tmp_path / "data" / "~$participants.xlsx").write_text("x", encoding="utf-8")  # Excel's owner file
    (tmp_path / "data" / ".~lock.budget.csv#").write_text("x", encoding="utf-8")  # LibreOffice's lock
    (tmp_path / "data" / "anteckningar.xlsx").write_text("x", encoding="utf-8")  # a file the params do not name
    seen = {p.relative_to(tmp_path).as_posix() for p in watch.snapshot(watch.watched([params]))}
    assert seen == {"tiny.yaml", "text/tiny.sv.md", "data/participants.csv", "data/payments.csv", "data/budget.csv"}


def test_a_params_file_that_does_not_load_is_still_watched(tmp_path):
    params = tmp_path / "broken.yaml"
    params.write_text("id: [unclosed\n", encoding="utf-8")
    assert list(watch.snapshot(watch.watched([params]))) == [params.resolve()]


def test_what_changed_between_two_looks():
    a, b, c = Path("a"), Path("b"), Path("c")
    before = {a: (1, 10), b: (2, 20)}
    after = {a: (1, 10), b: (3, 21), c: (1, 5)}  # b saved, c added
    assert watch.changed(before, after) == [b, c]
    assert watch.changed(after, {a: (1, 10)}) == [b, c]  # removed
    assert watch.changed(before, dict(before)) == []


class _FakeTime:
    """A clock that moves :data:`watch.POLL_S` at each sleep, and runs ``at[n]`` at the n-th sleep."""

    def __init__(self, at: dict[int, object]):
        self.now, self.sleeps, self.at = 0.0, 0, at

    def sleep(self, s: float) -> None:
        self.sleeps += 1
        self.now += s
        if self.sleeps in self.at:
            self.at[self.sleeps]()

    def clock(self) -> float:
        return self.now


def test_a_save_in_two_writes_is_one_change_read_when_whole(tmp_path, tiny_project):
    params = _project(tmp_path, tiny_project)
    budget = tmp_path / "data" / "budget.csv"
    before = watch.snapshot(watch.watched([params]))

    def write(text: str, mtime: int):
        def do():
            budget.write_text(text, encoding="utf-8")
            os.utime(budget, ns=(mtime, mtime))
        return do

    # looks 1–2 see nothing; look 3 sees the first write; look 4 sees the second (so the quiet time starts
    # again there); it ends once the file has been the same for QUIET_S
    fake = _FakeTime({3: write("period,category,budget", 1_000_000_000), 4: write("period,category,budget,actual\n",
                                                                                   2_000_000_000)})
    files, after = watch.wait_for_change([params], before, sleep=fake.sleep, clock=fake.clock)
    assert files == [budget.resolve()]
    assert after[budget.resolve()] == (len("period,category,budget,actual\n"), 2_000_000_000)
    quiet_looks = -(-watch.QUIET_S // watch.POLL_S)  # whole looks of POLL_S until QUIET_S has passed
    assert fake.sleeps == 4 + quiet_looks


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is sent to a process group here")
def test_watch_renders_again_on_save_and_stops_on_ctrl_c(tmp_path, tiny_project):
    params = _project(tmp_path, tiny_project)
    reports = tmp_path / "reports"
    proc = subprocess.Popen([sys.executable, "-m", "evaltools", "render", str(params), "--watch", "--formats", "html",
                             "--reports-dir", str(reports)], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", start_new_session=True,
                            env={**os.environ, "MPLBACKEND": "Agg"})
    lines: list[str] = []
    errors: list[str] = []  # (read as it comes too: a command blocked on a full pipe would never stop)
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    err_reader = threading.Thread(target=lambda: errors.extend(proc.stderr), daemon=True)
    err_reader.start()

    def wait_for(text: str, n: int) -> None:
        end = time.monotonic() + 180
        while sum(text in line for line in list(lines)) < n:
            assert proc.poll() is None, "".join(lines) + "".join(errors)
            assert time.monotonic() < end, "".join(lines)
            time.sleep(0.05)

    try:
        wait_for("✓ tiny", 1)
        wait_for("Bevakar", 1)
        page = reports / "tiny" / "tiny.html"
        assert "Litet testprojekt" in page.read_text(encoding="utf-8")
        params.write_text(params.read_text(encoding="utf-8").replace("Litet testprojekt", "Omdöpt projekt"),
                          encoding="utf-8")
        wait_for("✓ tiny", 2)
        assert any("Sparad: tiny.yaml" in line for line in lines)
        assert "Omdöpt projekt" in page.read_text(encoding="utf-8")
        wait_for("Bevakar", 2)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:  # (what it was doing, to tell why it did not stop)
            proc.kill()
            proc.wait()
            pytest.fail("the command did not stop within 60 s of Ctrl+C:\n" + "".join(lines[-20:])
                        + "".join(errors[-40:]))
    reader.join(timeout=10)  # (the readers have every line once the command's output has closed)
    err_reader.join(timeout=10)
    err = "".join(errors)
    assert proc.returncode == 0
    assert lines[-1].strip() == "Bevakningen avslutad."
    assert "Traceback" not in err


def test_a_ctrl_c_lost_in_a_callback_still_ends_the_wait_at_the_next_look(tmp_path, tiny_project):
    # Python raises Ctrl+C's KeyboardInterrupt wherever the main thread is; inside a finaliser or a library's callback
    # it is printed as "Exception ignored" and lost. The handler remembers it: the next look (after the third sleep
    # here, nothing having changed) raises it again instead of waiting on for a save.
    params = _project(tmp_path, tiny_project)
    before = watch.snapshot(watch.watched([params]))
    ctrl_c = watch.CtrlC()

    def press_and_lose():
        with pytest.raises(KeyboardInterrupt):
            ctrl_c(signal.SIGINT, None)  # (the exception the callback swallowed)

    fake = _FakeTime({3: press_and_lose})
    with pytest.raises(KeyboardInterrupt):
        watch.wait_for_change([params], before, sleep=fake.sleep, clock=fake.clock, stopped=ctrl_c.check)
    assert fake.sleeps == 3
    # without the handler's memory nothing ends the wait: files unchanged, the loop would go on (here: until look 8,
    # where a save is made so that the test ends)
    fake = _FakeTime({3: lambda: None, 8: lambda: (tmp_path / "text" / "tiny.sv.md").write_text("x", encoding="utf-8")})
    files, _ = watch.wait_for_change([params], before, sleep=fake.sleep, clock=fake.clock)
    assert files == [(tmp_path / "text" / "tiny.sv.md").resolve()]
