"""The title block: name, förbund and owner, period, kind of report and date."""
from __future__ import annotations

import datetime as dt

from ..markup import render
from ...words.formats import fmt_date

_KIND_KEYS = {"individ": "title.kind_report", "struktur": "title.kind_structural", "ansökan": "title.kind_ex_ante"}


def kind_key(kind: str) -> str:
    """The catalog key naming the kind of report: an evaluation report, an evaluation of a
    structural project, or an ex-ante assessment of an application."""
    return _KIND_KEYS[kind]


def html_block(r, today: dt.date | None = None) -> str:
    p = r.params
    kind = r.msg(kind_key(r.kind))
    sub = p.forbund if p.owner.strip() == p.forbund.strip() else f"{p.forbund} · {p.owner}"  # (a förbund that owns it: once)
    period = f"{fmt_date(p.period.start)} – {fmt_date(p.period.end)}"
    date = f"{kind} · {(today or dt.date.today()):%Y-%m-%d}"
    return render("title.html.j2", title=p.display_title(r.lang), lines=[sub, f"{period} · {date}"])
