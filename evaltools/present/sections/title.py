"""The title block: name, förbund and owner, period, kind of report and date."""
from __future__ import annotations

import datetime as dt

from ..markup import render, written
from ...words.formats import fmt_date

_KIND_KEYS = {"individ": "title.kind_report", "struktur": "title.kind_structural", "ansökan": "title.kind_ex_ante"}
# a project still running when the data were taken: an interim report, not the final one
_INTERIM_KEYS = {"individ": "title.kind_interim", "struktur": "title.kind_interim_structural"}


def kind_key(kind: str, running: bool = False) -> str:
    """The catalog key naming the kind of report: an evaluation report (an interim report while the
    project runs), an evaluation of a structural project, or an ex-ante assessment of an application."""
    return _INTERIM_KEYS.get(kind, _KIND_KEYS[kind]) if running else _KIND_KEYS[kind]


def html_block(r, today: dt.date | None = None) -> str:
    p = r.params
    key = kind_key(r.kind, p.runs_on)
    kind = r.msg(key, as_of=fmt_date(p.as_of)) if key in _INTERIM_KEYS.values() else r.msg(key)
    sub = p.forbund if p.owner.strip() == p.forbund.strip() else f"{p.forbund} · {p.owner}"  # (a förbund that owns it: once)
    period = f"{fmt_date(p.period.start)} – {fmt_date(p.period.end)}"
    date = f"{kind} · {(today or dt.date.today()):%Y-%m-%d}"
    # the project's own Swedish names in an English report (its title where it has no English one, the förbund
    # and the owner) marked as Swedish, so that Word checks their spelling in Swedish, not as misspelt English
    title = p.display_title(r.lang)
    return render("title.html.j2", title=written(title, r.lang) if title == p.title else title,
                  lines=[written(sub, r.lang), f"{period} · {date}"])
