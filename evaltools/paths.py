"""Where things are. The repository layout: params/, data/, notebooks/, reports/."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = Path(os.environ.get("EVALTOOLS_ROOT", PACKAGE_DIR.parent)).resolve()
PARAMS_DIR = PROJECT_ROOT / "params"
DATA_DIR = PROJECT_ROOT / "data"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
TEMPLATES_DIR = PACKAGE_DIR / "templates"


def params_path(ref: str | Path) -> Path:
    """Resolve a project reference: a path to a YAML file, or a project id in ``params/``."""
    p = Path(ref)
    if p.suffix in (".yaml", ".yml"):
        return p.resolve()
    return (PARAMS_DIR / f"{ref}.yaml").resolve()


def all_params() -> list[Path]:
    """Every project's params file in ``params/``, sorted by name."""
    return sorted(PARAMS_DIR.glob("*.yaml"))
