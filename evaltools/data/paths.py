"""Where things are.

The toolkit's own files (the notebooks papermill runs, the report template, the catalogs and
reference data) are inside the package, so an installed wheel has everything it needs. The
evaluator's files — ``params/``, ``data/`` and ``reports/`` — sit in the project folder: the folder
named by the environment variable ``EVALTOOLS_ROOT`` (for example a protected drive that keeps real
person data out of the repository); else, when the package runs from a checkout of its repository,
the repository; else (installed with pip) the folder the command is run in.
"""
from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable
from pathlib import Path

from .errors import ParamsError
from .messages import message
from .privacy import redact

ROOT_ENV = "EVALTOOLS_ROOT"
PACKAGE_DIR = Path(__file__).resolve().parents[1]  # evaltools/, above the layer packages
TOOLKIT_DIR = PACKAGE_DIR.parent
NOTEBOOKS_DIR = PACKAGE_DIR / "notebooks"  # report.ipynb and portfolio.ipynb, run by papermill
TEMPLATES_DIR = PACKAGE_DIR / "templates"


def in_checkout() -> bool:
    """Whether the package runs from a checkout of its repository (not from an installed copy)."""
    return (TOOLKIT_DIR / "pyproject.toml").is_file()


def _default_root() -> Path:
    """The project folder when ``EVALTOOLS_ROOT`` is not set: the repository of a checkout, else the
    current folder."""
    return TOOLKIT_DIR if in_checkout() else Path.cwd()


PROJECT_ROOT = Path(os.environ.get(ROOT_ENV) or _default_root()).expanduser().resolve()
PARAMS_DIR = PROJECT_ROOT / "params"
DATA_DIR = PROJECT_ROOT / "data"
REPORTS_DIR = PROJECT_ROOT / "reports"


def is_file(path: Path) -> bool:
    """Whether ``path`` is a file; a name the system refuses to look up (longer than it allows, a NUL in it) is none,
    not an error of its own."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def resolved(path: Path) -> Path:
    """``path`` made absolute with its links followed, as :meth:`Path.resolve`; where its links form a loop (a link to
    itself, or two to each other), which Python 3.11 raises as an error, made absolute without following them."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))


def in_link_loop(path: Path) -> bool:
    """Whether ``path``'s links form a loop and lead to no file (:func:`resolved`)."""
    try:
        path.resolve()
    except RuntimeError:  # (Python 3.11; later versions raise OSError ELOOP)
        return True
    except OSError as e:
        return e.errno == errno.ELOOP
    return False


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (none where the system refuses to look the name up, as :func:`is_file`)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


# the start of a path only Windows reaches: a drive letter ('C:\\Users\\...', 'C:/Users/...') or a network share
# ('\\\\server\\share\\...'), its backslashes written as slashes
_WINDOWS_DRIVE = re.compile(r"([A-Za-z]:)/")
_WINDOWS_SHARE = re.compile(r"//([^/]+)/([^/]+)")


def windows_only(written: str | Path) -> str | None:
    """Where a path written in a params file lies, when only Windows reaches it and this system is none: its drive
    (``'C:'``) or network share (``'\\\\server\\share'``); None for any other path, and on Windows, where
    such a path is found (or not) as any other. On macOS and Linux ``C:\\Users\\...`` would be read as a
    folder named ``C:`` beside the params file."""
    if os.name == "nt":
        return None
    text = str(written).replace("\\", "/")
    if m := _WINDOWS_DRIVE.match(text):
        return m.group(1).upper()
    if m := _WINDOWS_SHARE.match(text):
        return f"\\\\{m.group(1)}\\{m.group(2)}"
    return None


def params_path(ref: str | Path) -> Path:
    """Resolve a project reference: a path to a YAML file, or a project id in ``params/``."""
    p = Path(ref)
    if p.suffix in (".yaml", ".yml"):
        return resolved(p)
    return resolved(PARAMS_DIR / f"{ref}.yaml")


def project_root() -> Path:
    """The project folder as the environment names it now (``EVALTOOLS_ROOT``, else the repository
    of a checkout, else the current folder).

    Read at each call, so a notebook that sets ``os.environ["EVALTOOLS_ROOT"]`` after importing
    evaltools still finds its projects there.
    """
    return Path(os.environ.get(ROOT_ENV) or _default_root()).expanduser().resolve()


def pin_project_root() -> Path:
    """Name the project folder in ``EVALTOOLS_ROOT`` for the processes this one starts.

    A report's kernel runs in a temporary folder: without this, an installed copy (whose project
    folder is the current folder) would look for projects there. A checkout's project folder does
    not depend on the current folder, and the environment is left as it is.

    Returns
    -------
    Path
        The project folder (:data:`PROJECT_ROOT`, fixed when the package was imported).
    """
    if not os.environ.get(ROOT_ENV) and not in_checkout():
        os.environ[ROOT_ENV] = str(PROJECT_ROOT)
    return PROJECT_ROOT


def find_params(ref: str | Path) -> Path:
    """The params file of a project given by id or by path, from whatever folder Python runs in.

    Parameters
    ----------
    ref
        A project id (``"kompassen-demo"``: ``params/kompassen-demo.yaml`` in the project folder,
        see :func:`project_root`), or a path to a params file. A relative path is tried from the
        current folder first, then from the project folder, so ``"params/kompassen-demo.yaml"``
        works both from the repository and from ``notebooks/``.

    Returns
    -------
    Path
        The params file, resolved.

    Raises
    ------
    ParamsError
        When there is no such file, naming where it looked and which projects there are.

    Examples
    --------
    >>> find_params("kompassen-demo").name  # doctest: +SKIP
    'kompassen-demo.yaml'
    """

    root = project_root()
    p = Path(ref).expanduser()
    if p.suffix in (".yaml", ".yml") or len(p.parts) > 1 or p.is_absolute():
        tried = [resolved(p)] + ([] if p.is_absolute() else [resolved(root / p)])
        for candidate in tried:
            if is_file(candidate) or in_link_loop(candidate):  # (a link to itself: said by the params file's check)
                return candidate
        from .messages import message  # (read where an error is worded)
        looked = "; ".join(str(c) for c in dict.fromkeys(tried))
        raise ParamsError(p, [{lang: message("params.no_file", lang, full=looked) for lang in ("sv", "en")}])
    params_dir = root / "params"
    for suffix in (".yaml", ".yml"):
        candidate = params_dir / f"{ref}{suffix}"
        if is_file(candidate):
            return candidate.resolve()
    from .messages import message  # (read where an error is worded)
    stems = ", ".join(q.stem for q in sorted(params_dir.glob("*.y*ml")))
    raise ParamsError(params_dir / f"{ref}.yaml",
                      [{lang: message("params.no_project", lang, ref=ref, folder=params_dir,
                                      known=stems or {"sv": "inga", "en": "none"}[lang]) for lang in ("sv", "en")}])


def memo_folder(project_id: str, folder: str | Path | None = None) -> Path:
    """A folder for charts and tables saved from a notebook for a memo, created if missing.

    Parameters
    ----------
    project_id
        The project's id.
    folder
        Where to save; default ``reports/<project_id>/memo`` in the project folder, which is
        never committed.

    Returns
    -------
    Path
        The folder.

    Examples
    --------
    >>> fig.savefig(memo_folder("kompassen-demo") / "tornado.png", dpi=200)  # doctest: +SKIP
    """
    path = Path(folder).expanduser() if folder else project_root() / "reports" / project_id / "memo"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def reports_dir_problem(reports_dir: str | Path, inputs: Iterable[str | Path] = (), lang: str = "en") -> str | None:
    """Why ``reports_dir`` cannot take reports, or None when it can.

    Rendering replaces a project's folder in the reports folder, so the reports folder must never
    be, lie inside or hold the evaluator's input: the ``data/`` and ``params/`` folders of the
    project folder (:func:`project_root`, so ``EVALTOOLS_ROOT`` too) and of the repository, the
    folder of any data file in ``inputs``, or any file in ``inputs`` (params and data files).
    Links are resolved first.

    Parameters
    ----------
    reports_dir
        The folder reports would be written to (``--reports-dir``).
    inputs
        The projects' params and data files.
    lang
        The language of the message (``"sv"`` or ``"en"``).

    Returns
    -------
    str or None
        A message naming the folder and what it would overwrite.
    """
    problem = _reports_dir_problem(resolved(Path(reports_dir).expanduser()),
                                   [resolved(Path(p).expanduser()) for p in inputs], lang)
    return redact(problem) if problem else None


def _reports_dir_problem(out: Path, files: list[Path], lang: str) -> str | None:
    folders = {f for root in dict.fromkeys((project_root(), TOOLKIT_DIR))
               for f in (root / "data", root / "params")}
    folders |= {f.parent for f in files if f.suffix.lower() not in (".yaml", ".yml")}
    example = project_root() / "reports"
    for folder in sorted(folders):
        if _within(out, folder):
            return message("cli.reports_dir_is_input" if out == folder else "cli.reports_dir_in_input", lang,
                           out=out, folder=folder, example=example)
        if _within(folder, out) and folder.exists():
            return message("cli.reports_dir_holds_folder", lang, out=out, folder=folder, example=example)
    for f in files:
        if _within(f, out):
            return message("cli.reports_dir_holds_file", lang, out=out, file=f, example=example)
    return None


def all_params() -> list[Path]:
    """Every project's params file in ``params/``, sorted by name."""
    return sorted(PARAMS_DIR.glob("*.yaml"))
