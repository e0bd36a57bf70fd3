"""Shared behaviour of result objects: a tidy ``.table``, ``to_dict`` and an HTML repr."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd


def _jsonable(v: object) -> object:
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if np.isnan(v) else float(v)
    if isinstance(v, (pd.Timestamp,)):
        return v.date().isoformat()
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if v is pd.NA or v is None:
        return None
    return v


def frame_records(df: pd.DataFrame) -> list[dict]:
    return [{k: _jsonable(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


@dataclass(frozen=True)
class Result:
    """Base for analysis results.

    ``table`` is what a report may publish (suppressed where it counts persons); ``raw`` is
    the unsuppressed table for the evaluator's own exploration; ``notes`` are plain-language
    caveats that belong next to the table.
    """

    table: pd.DataFrame
    raw: pd.DataFrame | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {"table": frame_records(self.table), "notes": list(self.notes)}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def _repr_html_(self) -> str:
        notes = "".join(f"<p><em>{n}</em></p>" for n in self.notes)
        return f"<div><b>{type(self).__name__}</b>{self.table.to_html(index=False)}{notes}</div>"
