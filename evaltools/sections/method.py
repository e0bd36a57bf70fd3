"""Method (in the appendix): how goals, comparisons, the comparison group, costs and privacy are handled."""
from __future__ import annotations

from ..display import Text

PARAGRAPHS = ("method.goals", "method.groups", "method.comparison", "method.costbenefit", "method.privacy")


def applies(r, key: str) -> bool:
    """A paragraph about group comparisons needs participants; one about the comparison group needs
    payment data."""
    if key == "method.groups":
        return r.project.has_participants
    if key == "method.comparison":
        return r.project.payments is not None
    return True


def paragraphs(r) -> list[str]:
    return [r.msg(key, k=str(r.k)) if key == "method.privacy" else r.msg(key) for key in PARAGRAPHS if applies(r, key)]


def blocks(r) -> list[list]:
    return [[Text(paragraphs(r), r.msg("method.heading"), 3)]]
