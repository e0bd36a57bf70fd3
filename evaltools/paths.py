"""Where things are.

The toolkit's own files (the notebooks papermill runs, the report template) sit beside the
package. The evaluator's files — ``params/``, ``data/`` and ``reports/`` — sit in the project
folder: the repository by default, or the folder named by the environment variable
``EVALTOOLS_ROOT`` (for example a protected drive that keeps real person data out of the
repository).
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT_ENV = "EVALTOOLS_ROOT"
PACKAGE_DIR = Path(__file__).resolve().parent
TOOLKIT_DIR = PACKAGE_DIR.parent
NOTEBOOKS_DIR = TOOLKIT_DIR / "notebooks"
TEMPLATES_DIR = PACKAGE_DIR / "templates"

PROJECT_ROOT = Path(os.environ.get(ROOT_ENV) or TOOLKIT_DIR).expanduser().resolve()
PARAMS_DIR = PROJECT_ROOT / "params"
DATA_DIR = PROJECT_ROOT / "data"
REPORTS_DIR = PROJECT_ROOT / "reports"


def params_path(ref: str | Path) -> Path:
    """Resolve a project reference: a path to a YAML file, or a project id in ``params/``."""
    p = Path(ref)
    if p.suffix in (".yaml", ".yml"):
        return p.resolve()
    return (PARAMS_DIR / f"{ref}.yaml").resolve()


def all_params() -> list[Path]:
    """Every project's params file in ``params/``, sorted by name."""
    return sorted(PARAMS_DIR.glob("*.yaml"))
