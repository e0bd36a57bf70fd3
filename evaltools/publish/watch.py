"""Watching a project's input: ``evaltools render PROJECT --watch`` renders the report again each time
the evaluator saves the params file, the evaluator's text or a data file.

A command that keeps running keeps what every render would otherwise start from scratch: the
process that has imported the PDF printer and the HTML export, and the kernel zygote that has
imported the report libraries (:mod:`evaltools.publish.kernels`). Each render still runs in a new
kernel of its own and executes every cell; only the imports are reused. Changes to the toolkit
itself are not picked up: they need a new command.

The files are watched by looking at their sizes and modification times four times a second (a
*snapshot* of the folders that hold them). Operating systems' change notifications miss changes
on network drives, where a municipality's evaluators often keep their files; a snapshot of a few
folders costs microseconds.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel

from ..data.params import load_params

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


def watched(params_paths: Iterable[Path]) -> dict[Path, Callable[[str], bool]]:
    """The folders to look at, each with the test of which of its files count.

    A project's params file and the evaluator's text files beside it (``text/<id>.sv.md``) count by
    name: another project's params file in the same folder does not. In a folder that holds a data
    file every file counts (a workbook saved under a new name, a file added that the params will
    name). A params file that cannot be read names no data files; once it is saved readable, the
    next look finds them.
    """
    by_name: dict[Path, set[str]] = {}
    whole: set[Path] = set()
    for path in params_paths:
        path = Path(path).resolve()
        by_name.setdefault(path.parent, set()).add(path.stem)
        by_name.setdefault(path.parent / "text", set()).add(path.stem)
        try:
            params = load_params(path)
        except Exception:  # noqa: BLE001 - a params file that does not load is the render's to report
            continue
        whole.update(Path(p).resolve().parent for p in _paths_in(params) if p != params.source_path)
    out: dict[Path, Callable[[str], bool]] = {folder: _named(frozenset(stems)) for folder, stems in by_name.items()}
    out.update({folder: _any for folder in whole})
    return out


def _named(stems: frozenset[str]) -> Callable[[str], bool]:
    """The test of a file that counts by its name: ``tiny.yaml``, ``tiny.sv.md`` for the stem ``tiny``."""
    return lambda name: name.split(".", 1)[0] in stems


def _any(name: str) -> bool:
    return True


def snapshot(folders: dict[Path, Callable[[str], bool]]) -> Snapshot:
    """Size and modification time of every file that counts in ``folders`` (see :func:`watched`);
    a folder that is missing or cannot be read holds none."""
    out: Snapshot = {}
    for folder, counts in folders.items():
        try:
            with os.scandir(folder) as entries:
                for e in entries:
                    if _ignored(e.name) or not counts(e.name):
                        continue
                    try:
                        if e.is_file():
                            st = e.stat()
                            out[Path(e.path)] = (st.st_size, st.st_mtime_ns)
                    except OSError:
                        continue
        except OSError:
            continue
    return out


def changed(before: Snapshot, after: Snapshot) -> list[Path]:
    """The files added, removed or changed between two snapshots, sorted."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def wait_for_change(params_paths: list[Path], before: Snapshot, sleep: Callable[[float], None] = time.sleep,
                    clock: Callable[[], float] = time.monotonic) -> tuple[list[Path], Snapshot]:
    """Wait until a file of the projects' input differs from ``before`` (a :func:`snapshot` of the
    folders :func:`watched` gives) and has then stayed the same for :data:`QUIET_S` (a file saved in
    several writes is read once, whole). Returns the files that changed and a new snapshot of the
    input, to compare the next change with (take it before rendering: a file saved while the report
    renders is then a change too)."""
    folders = watched(params_paths)  # (the params are read again only once something changed)
    while True:
        sleep(POLL_S)
        now = snapshot(folders)
        if now != before:
            break
    first = settled = clock()
    while clock() - settled < QUIET_S and clock() - first < QUIET_MAX_S:
        sleep(POLL_S)
        later = snapshot(folders)
        if later != now:
            now, settled = later, clock()
    # the next change is looked for in the folders the params name now (a data file moved elsewhere)
    return changed(before, now), snapshot(watched(params_paths))
