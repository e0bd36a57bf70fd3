"""Goal fulfilment: the measurable goals per period with a chart, and the qualitative goals."""
from __future__ import annotations

import pandas as pd

from ..display import Table, Text
from ..formats import fmt_pct
from ..labels import t


def show_chart(goal_table: pd.DataFrame) -> bool:
    """A chart when there is a measurable goal with something to compare against."""
    return bool((goal_table["kind"] != "qualitative").any()) and goal_table["mode"].iloc[0] != "none"


def blocks(r) -> list[list]:
    from ..plots import plot_goals
    lang, msg, g = r.lang, r.msg, r.goals
    intro = [msg("goals.intro", partial=fmt_pct(r.params.partial_band, lang, 0))]
    quant = g.display(lang)[g.table["kind"].to_numpy() != "qualitative"]
    out = [[Text(intro, msg("goals.heading")),
            Table(quant, notes=g.notes, numeric=(t("value", lang), t("target", lang), t("ci", lang)))]]
    if g.table.empty:
        return out + [[Text([msg("goals.none")])]]
    if show_chart(g.table):
        out.append([plot_goals(g, lang)])
    q = g.table[g.table["kind"] == "qualitative"]
    if len(q):
        frame = pd.DataFrame({t("goal", lang): q["label"], t("status", lang): [t(s, lang) for s in q["status"]],
                              t("evidence", lang): q["evidence"]})
        out.append([Text([], msg("goals.qualitative"), 3), Table(frame)])
    return out
