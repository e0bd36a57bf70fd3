"""The title block: name, förbund and owner, period, kind of report and date."""
from __future__ import annotations

import datetime as dt
import html

from ..formats import fmt_date


def kind_key(has_participants: bool, has_expected: bool) -> str:
    """An application checked before any participant data is an ex-ante assessment."""
    return "title.kind_ex_ante" if not has_participants and has_expected else "title.kind_report"


def html_block(r, today: dt.date | None = None) -> str:
    p = r.params
    kind = r.msg(kind_key(r.project.has_participants, bool(p.expected)))
    sub = f"{p.forbund} · {p.owner}"
    period = f"{fmt_date(p.period.start)} – {fmt_date(p.period.end)}"
    date = f"{kind} · {(today or dt.date.today()):%Y-%m-%d}"
    return (f"<div class='et-title'><h1>{html.escape(p.title)}</h1><p class='et-sub'>{html.escape(sub)}</p>"
            f"<p class='et-sub'>{html.escape(period)} · {html.escape(date)}</p></div>")
