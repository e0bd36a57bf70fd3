"""A command whose output nobody reads any more (``evaltools render --all | head -3``, a console closed
during a batch) goes on: the lines are dropped, never the reports."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from evaltools.publish.cli import _Unbroken


class _ClosedPipe:
    """A stream whose reader has gone: every write and flush fails as a closed pipe does."""

    encoding = "utf-8"

    def __init__(self):
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    def isatty(self) -> bool:
        return False


def test_a_closed_stream_drops_the_lines_and_says_so_once():
    inner = _ClosedPipe()
    out = _Unbroken(inner)
    assert out.write("first line\n") == len("first line\n")
    assert out.broken
    out.write("second\n")
    out.flush()
    assert inner.writes == 1  # after the first failure nothing more is tried
    assert out.isatty() is False and out.encoding == "utf-8"  # the rest is the stream's own


def test_an_open_stream_is_written_as_it_is(capsys):
    out = _Unbroken(sys.stdout)
    out.write("hej ✓\n")
    out.flush()
    assert capsys.readouterr().out == "hej ✓\n" and not out.broken


def _command(args: list[str], cwd) -> subprocess.CompletedProcess:
    """The command with its standard output closed by its reader before the first line (as ``| head -0``)."""
    proc = subprocess.Popen([sys.executable, "-m", "evaltools", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=cwd, env={**os.environ, "MPLBACKEND": "Agg"})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", errors="replace")
    proc.wait(timeout=600)
    return subprocess.CompletedProcess(args, proc.returncode, "", err)


def test_validate_with_its_output_closed_ends_without_a_traceback(tiny_project):
    done = _command(["validate", str(tiny_project())], tiny_project.dir)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_render_with_its_output_closed_still_writes_the_report(tiny_project):
    """Before, the first line printed after the reader had gone stopped the command: the report went to
    ``_failed`` and the exit code was 1."""
    reports = tiny_project.dir / "reports"
    done = _command(["render", str(tiny_project()), "--formats", "html", "--reports-dir", str(reports)],
                    tiny_project.dir)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (reports / "tiny" / "tiny.html").is_file()
    assert not (reports / "_failed").exists()
