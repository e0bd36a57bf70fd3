"""The evaluator's own text: each part of :mod:`evaltools.present.narrative` where it belongs in the report.

The assessment is on page 1 (:mod:`evaltools.present.sections.summary`); the background follows the facts
about the project, the implementation comes before the goals, and the analysis, lessons and
recommendations after the figures. A part the evaluator left out or empty is absent.
"""
from __future__ import annotations

import html

# how deep each part's heading sits: the background belongs to "about the project"
LEVELS = {"background": 3}


def part_html(r, key: str) -> str:
    """One part with its heading, as safe HTML; '' when the evaluator wrote nothing for it."""
    n = r.narrative
    if key not in n:
        return ""
    level = LEVELS.get(key, 2)
    return (f"<h{level}>{html.escape(n.heading(key))}</h{level}>"
            f"<div class='et-evaluator'>{n.html(key, level + 1)}</div>")


def blocks(r, key: str) -> list[list]:
    """The blocks of one part (none when it is absent)."""
    from IPython.display import HTML
    body = part_html(r, key)
    return [[HTML(body)]] if body else []
