"""Watching a project's input: ``evaltools render PROJECT --watch`` renders the report again each time
the evaluator saves the params file, the evaluator's text or a data file.

A command that keeps running keeps what every render would otherwise start from scratch: the
process that has imported the PDF printer and the HTML export, and the kernel zygote that has
imported the report libraries (:mod:`evaltools.publish.kernels`). Each render still runs in a new
kernel of its own and executes every cell; only the imports are reused. Changes to the toolkit
itself are not picked up: they need a new command.

The files are watched by looking at their sizes and modification times four times a second (a
*snapshot*). Operating systems' change notifications miss changes on network drives, where a
municipality's evaluators often keep their files; a snapshot of a project's few files costs
microseconds.
"""
from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..data.params import ProjectParams, forward_slashes, load_params, read_params_mapping

POLL_S = 0.25  # how often the folders are looked at
QUIET_S = 0.3  # a change counts once the files have stayed as they are this long (a save in several writes)
QUIET_MAX_S = 10.0  # ... or after this long, for a file that is written to without pause

Snapshot = dict[Path, tuple[int, int]]


def _ignored(name: str) -> bool:
    """Files an editor or Excel makes beside the one saved, and that are no input: Excel's owner file
    (``~$Deltagare.xlsx``), LibreOffice's lock (``.~lock.Deltagare.xlsx#``), hidden files, an editor's
    backup (``text.md~``) and swap files."""
    return (name.startswith(("~$", ".")) or name.endswith(("~", ".swp", ".swx", ".tmp", ".crdownload"))
            or name.lower() == "desktop.ini" or name.lower() == "thumbs.db")


def _paths_in(value: object) -> Iterable[Path]:
    """Every file path a params object names, at any depth (data files, a comparison group's files, a
    questionnaire, a reference series, the Word template)."""
    if isinstance(value, Path):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _paths_in(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _paths_in(v)
    elif isinstance(value, BaseModel):  # its fields, without dumping them
        for name in type(value).model_fields:
            yield from _paths_in(getattr(value, name, None))


@dataclass(frozen=True)
class Watched:
    """What :func:`snapshot` looks at: in ``folders``, the files whose name begins with one of the
    stems (a project's params file and its evaluator's text files); and the ``files`` named by the
    params (data files, a comparison group's, a questionnaire, a series, the Word template)."""

    folders: dict[Path, frozenset[str]]
    files: frozenset[Path]


def watched(params_paths: Iterable[Path]) -> Watched:
    """The projects' input files: each params file and the evaluator's text files beside it
    (``text/<id>.sv.md``), by name (another project's params file in the same folder does not count),
    and every file the params name (:func:`_named_files`: also where the params file does not load
    because a file it names is away). Only these files are looked at, never a whole data
    folder: on a network drive, listing a folder of many files four times a second would load the
    server."""
    by_name: dict[Path, set[str]] = {}
    files: set[Path] = set()
    for path in params_paths:
        path = Path(path).resolve()
        by_name.setdefault(path.parent, set()).add(path.stem)
        by_name.setdefault(path.parent / "text", set()).add(path.stem)
        files.update(_named_files(path))
    return Watched({folder: frozenset(stems) for folder, stems in by_name.items()}, frozenset(files))


def _named_files(path: Path) -> set[Path]:
    """The files the params file ``path`` names, resolved against its folder. A params file that names a
    file that is not there (a data folder moved, renamed or on a drive that is away) does not load, but
    still names its files: they are watched all the same, so that the report is made again once they are
    back. A params file that cannot be read at all names none (it is the render's to report)."""
    try:
        params = load_params(path)
    except Exception:  # noqa: BLE001 - a params file that does not load is the render's to report
        try:  # (its files as written, without the check that they are there)
            params = ProjectParams.model_validate(forward_slashes(read_params_mapping(path)))
        except Exception:  # noqa: BLE001
            return set()
    return {(p if p.is_absolute() else path.parent / p).resolve() for p in map(Path, _paths_in(params))
            if p != params.source_path}


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def snapshot(what: Watched) -> Snapshot:
    """Size and modification time of every file :func:`watched` gives that exists (a missing
    folder or file holds none)."""
    out: Snapshot = {}
    for folder, stems in what.folders.items():
        try:
            with os.scandir(folder) as entries:
                for e in entries:
                    if _ignored(e.name) or e.name.split(".", 1)[0] not in stems:
                        continue
                    with contextlib.suppress(OSError):
                        if e.is_file():
                            st = e.stat()
                            out[Path(e.path)] = (st.st_size, st.st_mtime_ns)
        except OSError:
            continue
    for path in what.files:
        if (seen := _stat(path)) is not None:
            out[path] = seen
    return out


def changed(before: Snapshot, after: Snapshot) -> list[Path]:
    """The files added, removed or changed between two snapshots, sorted."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


class CtrlC:
    """Ctrl+C, remembered as well as raised: the signal handler of a watching command.

    Python raises :class:`KeyboardInterrupt` wherever the main thread is when the signal comes. Raised
    inside a finaliser or a callback that a library calls (a ``__del__``, a weak reference's callback, a
    garbage collection), the exception is printed as "Exception ignored" and lost, and a command that
    waits for the next save would go on waiting. Remembered, it is raised again at the next look
    (:meth:`check`), within :data:`POLL_S`.
    """

    def __init__(self) -> None:
        self.pressed = False

    def __call__(self, signum: int, frame) -> None:
        self.pressed = True
        signal.default_int_handler(signum, frame)

    def check(self) -> None:
        """Raise :class:`KeyboardInterrupt` if Ctrl+C was pressed."""
        if self.pressed:
            raise KeyboardInterrupt


def wait_for_change(params_paths: list[Path], before: Snapshot, sleep: Callable[[float], None] = time.sleep,
                    clock: Callable[[], float] = time.monotonic,
                    stopped: Callable[[], None] = lambda: None) -> tuple[list[Path], Snapshot]:
    """Wait until a file of the projects' input differs from ``before`` (a :func:`snapshot` of what
    :func:`watched` gives) and has then stayed the same for :data:`QUIET_S` (a file saved in
    several writes is read once, whole). Returns the files that changed and a new snapshot of the
    input, to compare the next change with (take it before rendering: a file saved while the report
    renders is then a change too). ``stopped`` is called after each look and ends the wait by raising
    (:meth:`CtrlC.check`)."""
    folders = watched(params_paths)  # (the params are read again only once something changed)
    while True:
        sleep(POLL_S)
        stopped()
        now = snapshot(folders)
        if now != before:
            break
    first = settled = clock()
    while clock() - settled < QUIET_S and clock() - first < QUIET_MAX_S:
        sleep(POLL_S)
        stopped()
        later = snapshot(folders)
        if later != now:
            now, settled = later, clock()
    # the next change is looked for in the folders the params name now (a data file moved elsewhere)
    return changed(before, now), snapshot(watched(params_paths))
