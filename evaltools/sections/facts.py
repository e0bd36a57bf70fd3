"""About the project: the facts from the params file, and its description."""
from __future__ import annotations

import pandas as pd

from ..display import Table, Text
from ..formats import fmt_date, fmt_int, fmt_kr


def description(params, lang: str) -> list[str]:
    """The description in the report's language; the Swedish one when no English one is given."""
    text = params.description_en if lang == "en" and params.description_en else params.description
    return [text] if text else []


def blocks(r) -> list[list]:
    p, lang, msg = r.params, r.lang, r.msg
    rows = [
        (msg("facts.forbund"), p.forbund),
        (msg("facts.owner"), p.owner),
        (msg("facts.partners"), ", ".join(p.partners) or "–"),
        (msg("facts.planned_period"), f"{fmt_date(p.period.start)} – {fmt_date(p.period.planned_end)}"),
        (msg("facts.actual_end"), fmt_date(p.period.actual_end) if p.period.actual_end else msg("facts.as_planned")),
        (msg("facts.granted"), fmt_kr(p.granted_sek, lang) if p.granted_sek else "–"),
        (msg("facts.data_up_to"), fmt_date(p.as_of)),
        (msg("facts.participants"), fmt_int(len(r.project.participants), lang)),
    ]
    frame = pd.DataFrame(rows, columns=[msg("common.item"), msg("common.value")])
    return [[Text(description(p, lang), msg("facts.heading")), Table(frame)]]
