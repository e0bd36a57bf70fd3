"""Which sections and page-1 parts a report has, by the project's kind (individ, struktur, ansökan)."""
from __future__ import annotations

# Report order of the sections with blocks.
SECTIONS = ("summary", "facts", "goals", "survey", "participants", "outcomes", "time_in_project", "payments", "budget",
            "costbenefit", "quality", "method", "footer")

# The sections a kind of project leaves out: a structural project has no participants, outcomes or
# payments (its cost-benefit section shows the cost and what it would take to carry it, without an
# NPV); an application has no participants or payments yet, but its cost-benefit is the ex-ante
# check of its volumes.
_LEFT_OUT = {
    "individ": (),
    "struktur": ("participants", "outcomes", "time_in_project", "payments"),
    "ansökan": ("participants", "outcomes", "time_in_project", "payments"),
}

# The page-1 parts (functions in summary.PARTS, by name) a kind leaves out: who took part and the
# comparison-group effect need participants; an application's goals are read on page 1 by the
# ex-ante part; a structural project's "worth" is its break-even requirement, not an NPV.
_SUMMARY_LEFT_OUT = {
    "individ": ("kind_statement",),
    "struktur": ("participation", "effect"),
    "ansökan": ("participation", "goal_fulfilment", "effect"),
}


def left_out(kind: str) -> tuple[str, ...]:
    """The sections (names as in :data:`SECTIONS`) a report of this kind leaves out."""
    return _LEFT_OUT[kind]


def applies(kind: str, section: str) -> bool:
    """Does a report on a project of ``kind`` show ``section`` (a module name)? Title and every
    section not left out do."""
    return section not in _LEFT_OUT[kind]


def summary_applies(kind: str, part: str) -> bool:
    """Does page 1 of a report on a project of ``kind`` have the part ``part`` (a function name)?"""
    return part not in _SUMMARY_LEFT_OUT[kind]
