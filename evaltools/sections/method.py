"""Method: how goals, comparisons, the comparison group, costs and privacy are handled."""
from __future__ import annotations

from ..display import Text

PARAGRAPHS = ("method.goals", "method.groups", "method.comparison", "method.costbenefit", "method.privacy")


def paragraphs(r) -> list[str]:
    return [r.msg(key, k=str(r.k)) if key == "method.privacy" else r.msg(key) for key in PARAGRAPHS]


def blocks(r) -> list[list]:
    return [[Text(paragraphs(r), r.msg("method.heading"))]]
