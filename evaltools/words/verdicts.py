"""The words for goal statuses and verdicts: one catalog key per member of
:class:`evaltools.analysis.goals.GoalStatus` and :class:`evaltools.analysis.goals.GoalVerdict`.

Page 1, the goal table, the qualitative-goal table, the workbook's goal sheet, the portfolio and the
goal chart's text all take their words from here, so the same goal and period read the same
everywhere. A verdict and a status with the same meaning share one key.
"""
from __future__ import annotations

from ..analysis.goals import GoalStatus, GoalVerdict, IntervalVerdict
from .text import msg

# member name -> catalog key (GoalStatus and GoalVerdict have the same member names)
KEYS: dict[str, str] = {
    "REACHED": "goal_status.reached",
    "REACHED_UNCERTAIN": "goal_status.reached_uncertain",
    "PARTLY": "goal_status.partly",
    "PARTLY_UNCERTAIN": "goal_status.partly_uncertain",
    "NOT_REACHED": "goal_status.not_reached",
    "NOT_REACHED_UNCERTAIN": "goal_status.not_reached_uncertain",
    "VOLUMES_REACH": "goal_status.volumes_reach",
    "VOLUMES_PARTLY": "goal_status.volumes_partly",
    "VOLUMES_SHORT": "goal_status.volumes_short",
    "RUNNING": "goal_status.running",
    "NOT_ASSESSED": "goal_status.not_assessed",
    "CONTEXT": "goal_status.context",
}
STATUS_KEYS: dict[GoalStatus, str] = {m: KEYS[m.name] for m in GoalStatus}
VERDICT_KEYS: dict[GoalVerdict, str] = {m: KEYS[m.name] for m in GoalVerdict}
INTERVAL_KEYS: dict[IntervalVerdict, str] = {IntervalVerdict.ABOVE: "goal_status.interval_above",
                                             IntervalVerdict.SPANS: "goal_status.interval_spans",
                                             IntervalVerdict.BELOW: "goal_status.interval_below"}


def status_words(status: object, lang: str) -> str:
    """A period's status as a table cell: "Uppnått, men osäkert" / "Achieved, but uncertain"."""
    if status is None or str(status) == "" or str(status) == "nan":
        return ""
    return msg(STATUS_KEYS[GoalStatus(status)], lang)


def verdict_words(verdict: object, lang: str) -> str:
    """A goal's verdict over its periods as a table cell; a goal with one period reads as its status."""
    return msg(VERDICT_KEYS[GoalVerdict(verdict)], lang)


def interval_words(verdict: object, lang: str) -> str:
    """Where a share's interval lies against its target ("Spänner över målet")."""
    if verdict is None or str(verdict) in ("", "nan"):
        return ""
    return msg(INTERVAL_KEYS[IntervalVerdict(verdict)], lang)


def lower_first(words: str) -> str:
    """The words as they read after a colon in running text: "Uppnått" -> "uppnått"."""
    return words[:1].lower() + words[1:]
