"""Report content: the sections of an evaluation report, computed once and shown in a notebook.

``notebooks/report.ipynb`` creates one :class:`Report` and calls one method per section; each
method displays its heading, text, tables and charts. The analyses run once (cached), and
:meth:`Report.export_tables` writes the key tables as CSV and one Excel workbook from the same
results. Every person-based table and chart is small-count suppressed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from ._version import __version__
from . import schema as S
from .cohorts import composition, flows, outcome_rates, success_model, time_to_exit
from .comparison import compare_exit_rates, compare_payments, payment_phases
from .config import primary_success_outcomes
from .costbenefit import cost_benefit
from .goals import assess_goals
from .io import Project, load_project
from .labels import budget_period_label, by_lang, code_label, fmt_date, fmt_int, fmt_kr, fmt_num, fmt_p, fmt_pct, t
from .privacy import suppress_long, suppressed_label

H = {
    "summary": ("Sammanfattning", "Summary"),
    "facts": ("Om projektet", "About the project"),
    "goals": ("Måluppfyllelse", "Goal fulfilment"),
    "participants": ("Deltagare", "Participants"),
    "outcomes": ("Utfall", "Outcomes"),
    "time": ("Tid i projektet", "Time in the project"),
    "payments": ("Försörjningsstöd före och efter start", "Social assistance before and after the start"),
    "budget": ("Budget och utfall", "Budget and actual costs"),
    "costbenefit": ("Kostnad och nytta", "Costs and benefits"),
    "quality": ("Datakvalitet", "Data quality"),
    "method": ("Metod", "Method"),
    "footer": ("Om rapporten", "About this report"),
}


def _h(key: str, lang: str) -> str:
    return H[key][0 if lang == "sv" else 1]


_sv = by_lang


def _amount(v: float, lang: str) -> str:
    """A mean amount, or ``..`` where the privacy rules hid it."""
    return ".." if pd.isna(v) else fmt_kr(v, lang)


def _join(items: list[str], lang: str) -> str:
    """'a, b och c' / 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _sv(lang, " och ", " and ") + items[-1]


def fmt_probability(p: float, lang: str) -> str:
    """A probability as a whole percentage, never rounded to a certainty: '> 99 %', '< 1 %'."""
    if p > 0.99:
        return "> " + fmt_pct(0.99, lang, 0)
    if p < 0.01:
        return "< " + fmt_pct(0.01, lang, 0)
    return fmt_pct(p, lang, 0)


_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def _cell(value: object) -> str:
    """Escaped cell text; ISO dates never break at their hyphens."""
    return _ISO_DATE.sub(r"<span class='nw'>\1</span>", html.escape(str(value)))


class Table:
    """A display-ready table: formatted cells, a caption and notes; renders as HTML in a notebook."""

    def __init__(self, frame: pd.DataFrame, caption: str = "", notes: tuple[str, ...] = (), numeric: tuple[str, ...] = ()):
        self.frame = frame
        self.caption = caption
        self.notes = notes
        self.numeric = set(numeric)

    def _repr_html_(self) -> str:
        head = "".join(f"<th scope='col' class='{'num' if c in self.numeric else 'txt'}'>{html.escape(str(c))}</th>"
                       for c in self.frame.columns)
        body = []
        for row in self.frame.itertuples(index=False):
            cells = "".join(f"<td class='{'num' if c in self.numeric else 'txt'}'>{_cell(v)}</td>"
                            for c, v in zip(self.frame.columns, row))
            body.append(f"<tr>{cells}</tr>")
        cap = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        notes = "".join(f"<p class='et-note'>{html.escape(n)}</p>" for n in self.notes)
        return f"<table class='et-table'>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{notes}"


class Text:
    """Paragraphs (and an optional heading) rendered as HTML."""

    def __init__(self, paragraphs: list[str], heading: str | None = None, level: int = 2, css: str = ""):
        self.paragraphs, self.heading, self.level, self.css = paragraphs, heading, level, css

    def _repr_html_(self) -> str:
        out = f"<h{self.level}>{html.escape(self.heading)}</h{self.level}>" if self.heading else ""
        cls = f" class='{self.css}'" if self.css else ""
        return out + "".join(f"<p{cls}>{html.escape(p)}</p>" for p in self.paragraphs)

    def __repr__(self) -> str:
        return "\n".join(([self.heading] if self.heading else []) + self.paragraphs)


def figure_html(fig, dpi: int = 150, alt: str | None = None) -> str:
    """A matplotlib figure as an embedded PNG ``<img>`` with an alternative text; closes the figure.

    The alternative text is ``alt``, else the one the chart function attached (what the chart shows
    and its key numbers, :func:`evaltools.plots.alt_text`), else the figure's titles and axis labels.
    The PNG is opaque RGB: the PDF printer then stores it as one image instead of an image plus a
    transparency mask.
    """
    import base64
    import io

    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image
    fig.set_dpi(dpi)
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(physical=True), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buf = io.BytesIO()
    image.convert("RGB").save(buf, format="PNG", compress_level=3)
    if alt is None:
        alt = getattr(fig, "et_alt", None)
    if alt is None:
        titles = [ax.get_title(loc=loc) for ax in fig.axes for loc in ("left", "center") if ax.get_title(loc=loc)]
        titles += [label for ax in fig.axes for label in (ax.get_xlabel(), ax.get_ylabel()) if label]
        alt = "; ".join(t_.replace("\n", " ") for t_ in titles) or "Diagram"
    alt = html.escape(alt, quote=True)
    width_in = fig.get_figwidth()
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (f"<figure class='et-fig'><img alt=\"{alt}\" style='width:{width_in:.2f}in;max-width:100%' "
            f"src='data:image/png;base64,{data}'></figure>")


def _display(*objs) -> None:
    """Show a section's parts as one HTML block, so a heading stays with what follows it in print."""
    from IPython.display import HTML, display
    parts = []
    for o in objs:
        if o is None:
            continue
        if hasattr(o, "savefig"):
            parts.append(figure_html(o))
        elif hasattr(o, "_repr_html_"):
            parts.append(o._repr_html_())
        else:
            parts.append(f"<p>{html.escape(str(o))}</p>")
    display(HTML("<div class='et-block'>" + "".join(parts) + "</div>"))


class Report:
    """All sections of one project's evaluation report.

    Parameters
    ----------
    project
        A loaded project, or a path to its params file.
    lang
        ``"sv"`` or ``"en"``; default: the params file's ``language``.
    """

    def __init__(self, project: Project | str | Path, lang: str | None = None):
        self.project = project if isinstance(project, Project) else load_project(project)
        self.params = self.project.params
        self.lang = lang or self.params.language
        if self.lang not in ("sv", "en"):
            raise ValueError(f"lang must be 'sv' or 'en', got {self.lang!r}")
        self.k = self.params.privacy.min_count

    # --- results, computed once ---------------------------------------------------------
    @cached_property
    def goals(self):
        return assess_goals(self.project, lang=self.lang)

    @cached_property
    def composition(self):
        return composition(self.project, lang=self.lang) if self.project.has_participants else None

    @cached_property
    def rates(self):
        return outcome_rates(self.project, lang=self.lang) if self.project.has_participants else None

    @cached_property
    def model(self):
        return success_model(self.project, lang=self.lang) if self.project.has_participants else None

    @cached_property
    def survival(self):
        return time_to_exit(self.project, lang=self.lang) if self.project.has_participants else None

    @cached_property
    def payments(self):
        return compare_payments(self.project, lang=self.lang)

    @cached_property
    def cba(self):
        return cost_benefit(self.project, payments=self.payments, lang=self.lang)

    # --- sections -----------------------------------------------------------------------
    def title(self) -> None:
        from IPython.display import HTML, display
        display(HTML(self.title_html()))

    def title_html(self) -> str:
        """The report's title block: name, förbund and owner, period, kind of report and date."""
        p, lang = self.params, self.lang
        sub = f"{p.forbund} · {p.owner}"
        period = f"{fmt_date(p.period.start)} – {fmt_date(p.period.end)}"
        kind = (_sv(lang, "Förhandsbedömning (ex ante)", "Ex-ante assessment") if not self.project.has_participants
                and p.expected else _sv(lang, "Utvärderingsrapport", "Evaluation report"))
        date = f"{kind} · {dt.date.today():%Y-%m-%d}"
        return (f"<div class='et-title'><h1>{html.escape(p.title)}</h1><p class='et-sub'>{html.escape(sub)}</p>"
                f"<p class='et-sub'>{html.escape(period)} · {html.escape(date)}</p></div>")

    def summary(self) -> None:
        _display(Text(self.key_findings(), _h("summary", self.lang), css="et-lead"))

    def key_findings(self) -> list[str]:
        """The report's key findings as plain sentences generated from the results."""
        lang, p, out = self.lang, self.params, []
        s = self.cba.summary
        if self.project.has_participants:
            df = self.project.participants
            per_year = df.groupby(S.PROJECT_YEAR).size()
            years = _join([f"{fmt_int(n, lang)} {_sv(lang, 'under år', 'in year')} {y}" for y, n in per_year.items()], lang)
            out.append(_sv(lang, f"Projektet har haft {fmt_int(len(df), lang)} deltagare ({years}).",
                           f"The project has had {fmt_int(len(df), lang)} participants ({years})."))
            ended = df[~df[S.ONGOING]]
            k = int(ended[S.OUTCOME].isin(primary_success_outcomes(p)).sum())
            if len(ended):
                labels = ", ".join(code_label(S.OUTCOME, c, lang).lower() for c in primary_success_outcomes(p))
                out.append(_sv(lang,
                               f"Av {fmt_int(len(ended), lang)} avslutade deltagare fick {fmt_int(k, lang)} "
                               f"({fmt_pct(k / len(ended), lang)}) ett lyckat utfall ({labels}).",
                               f"Of {fmt_int(len(ended), lang)} participants who ended, {fmt_int(k, lang)} "
                               f"({fmt_pct(k / len(ended), lang)}) had a successful outcome ({labels})."))
            if df[S.ONGOING].any():
                n_on = int(df[S.ONGOING].sum())
                out.append(_sv(lang, f"{fmt_int(n_on, lang)} deltagare var fortfarande "
                                     f"{'inskriven' if n_on == 1 else 'inskrivna'} vid analysdatumet {fmt_date(p.as_of)}.",
                               f"{fmt_int(n_on, lang)} {'participant was' if n_on == 1 else 'participants were'} still "
                               f"enrolled on {fmt_date(p.as_of)}."))
        else:
            out.append(_sv(lang, "Det finns inga deltagardata. Målen bedöms mot ansökans förväntade volymer (ex ante).",
                           "There are no participant data. Goals are checked against the application's expected volumes (ex ante)."))
        g = self.goals.table[self.goals.table["kind"] != "qualitative"]
        assessed = g[g["status"] != "ej_bedömt"]
        if len(assessed):
            n_ok = int((assessed["status"] == "uppnått").sum())
            n_part = int((assessed["status"] == "delvis").sum())
            n_not = len(assessed) - n_ok - n_part
            if (assessed["mode"] == "ex_ante").all():  # nothing has happened yet: what the application's volumes would give
                out.append(_sv(lang,
                               f"Med ansökans förväntade volymer nås {n_ok} av {len(assessed)} mätbara mål och perioder, "
                               f"{n_part} delvis och {n_not} inte.",
                               f"With the application's expected volumes, {n_ok} of {len(assessed)} measurable goals and "
                               f"periods are met, {n_part} partly and {n_not} not."))
            else:
                out.append(_sv(lang,
                               f"Av {len(assessed)} bedömda mätbara mål och perioder uppnåddes {n_ok}, {n_part} delvis och "
                               f"{n_not} inte.",
                               f"Of {len(assessed)} assessed measurable goals and periods, {n_ok} were achieved, {n_part} partly "
                               f"and {n_not} not."))
        if s["total_cost_nominal"] > 0:  # (unknown without a budget file)
            ct = self.cba.costs
            # a line counts as settled when it has an actual amount, or no amounts at all
            has_actual = ct[S.ACTUAL].notna() | ct[S.BUDGET].isna()
            used = ""
            if s["budget_total"] and has_actual.all():
                used = _sv(lang, f" ({fmt_pct(s['actual_total'] / s['budget_total'], lang)} av budgeten {fmt_kr(s['budget_total'], lang)})",
                           f" ({fmt_pct(s['actual_total'] / s['budget_total'], lang)} of the budget {fmt_kr(s['budget_total'], lang)})")
            elif has_actual.any():
                a_sum, b_done = ct.loc[has_actual, S.ACTUAL].sum(), ct.loc[has_actual, S.BUDGET].sum()
                # (lines with no amounts add nothing to either sum)
                rest = ct.loc[~has_actual, "used"].sum()
                used = _sv(lang, f": utfall {fmt_kr(a_sum, lang)} ({fmt_pct(a_sum / b_done, lang)} av budgeten för samma poster) "
                                 f"och budget {fmt_kr(rest, lang)} för poster som ännu saknar utfall",
                           f": actual costs {fmt_kr(a_sum, lang)} ({fmt_pct(a_sum / b_done, lang)} of the budget for the same lines) "
                           f"and the budget of {fmt_kr(rest, lang)} for lines with no actual costs yet")
            if p.cost_benefit.cost_basis == "budget":
                sent = _sv(lang, f"Projektets budget är {fmt_kr(s['total_cost_nominal'], lang)}",
                           f"The project's budget is {fmt_kr(s['total_cost_nominal'], lang)}")
            else:
                verb = _sv(lang, "har kostat", "has cost") if has_actual.all() else _sv(lang, "räknas kosta", "is counted at")
                sent = _sv(lang, f"Projektet {verb} {fmt_kr(s['total_cost_nominal'], lang)}{used}",
                           f"The project {verb} {fmt_kr(s['total_cost_nominal'], lang)}{used}")
            if self.project.has_participants and s["participants"]:
                sent = sent + "." if not has_actual.all() and has_actual.any() else sent
                sent += (_sv(lang, f" Det är {fmt_kr(s['cost_per_participant'], lang)} per deltagare hittills",
                             f" That is {fmt_kr(s['cost_per_participant'], lang)} per participant so far")
                         if not has_actual.all() and has_actual.any() else
                         _sv(lang, f", {fmt_kr(s['cost_per_participant'], lang)} per deltagare",
                             f", {fmt_kr(s['cost_per_participant'], lang)} per participant"))
                if s["goal_successes"]:
                    sent += _sv(lang, f" och {fmt_kr(s['cost_per_success'], lang)} per lyckat utfall",
                                f" and {fmt_kr(s['cost_per_success'], lang)} per successful outcome")
            out.append(sent + ".")
            if s["successes"] or s["mode"] == "ex_ante":
                out.append(_sv(lang,
                               f"Med antagandena i avsnittet Kostnad och nytta har det undvikna försörjningsstödet ett nuvärde på "
                               f"{fmt_kr(s['pv_avoided_fs'], lang)} mot kostnaden {fmt_kr(s['pv_cost'], lang)} "
                               f"({s['price_year']} års priser): nettonuvärdet är {fmt_kr(s['npv'], lang)}. "
                               f"Kostnaden täcks om {fmt_num(s['break_even_exits'], 1, lang)} personer lämnar försörjningsstödet.",
                               f"With the assumptions in the section Costs and benefits, the avoided social assistance has a present "
                               f"value of {fmt_kr(s['pv_avoided_fs'], lang)} against a cost of {fmt_kr(s['pv_cost'], lang)} "
                               f"({s['price_year']} prices): the net present value is {fmt_kr(s['npv'], lang)}. "
                               f"The cost is covered if {fmt_num(s['break_even_exits'], 1, lang)} persons leave social assistance."))
                mc = self.cba.monte_carlo
                if mc:
                    prob = fmt_probability(mc["p_npv_positive"], lang)
                    out.append(_sv(lang, f"När antagandena varieras samtidigt är sannolikheten {prob} att nettonuvärdet är positivt.",
                                   f"When the assumptions are varied together, the probability that the net present value is "
                                   f"positive is {prob}."))
                out.append(_sv(lang, "Övergångar till sjuk- eller aktivitetsersättning, sjukpenning och studiemedel är besparingar för "
                                     "kommunen men överföringar för samhället, och räknas inte som samhällsvinst.",
                               "Moves to sickness or activity compensation, sickness benefit and study support are savings for the "
                               "municipality but transfers for society, and are not counted as a societal gain."))
        pay = self.payments
        if pay.did is not None:
            d = pay.did
            out.append(_sv(lang,
                           f"Jämfört med jämförelsegruppen förändrades deltagarnas försörjningsstöd med {fmt_kr(d.effect, lang)} per person "
                           f"och månad efter start (95\u00a0% KI {fmt_kr(d.ci_low, lang)} till {fmt_kr(d.ci_high, lang)}).",
                           f"Compared with the comparison group, participants' social assistance changed by {fmt_kr(d.effect, lang)} per "
                           f"person and month after the start (95% CI {fmt_kr(d.ci_low, lang)} to {fmt_kr(d.ci_high, lang)})."))
        elif self.project.payments is not None:
            out.append(_sv(lang, "Det finns ingen jämförelsegrupp, så projektets effekt på försörjningsstödet kan inte skattas; "
                                 "en minskning efter start är inte i sig en effekt.",
                           "There is no comparison group, so the project's effect on social assistance cannot be estimated; a fall "
                           "after the start is not in itself an effect."))
        return out

    def facts(self) -> None:
        p, lang = self.params, self.lang
        rows = [
            (_sv(lang, "Samordningsförbund", "Coordination association"), p.forbund),
            (_sv(lang, "Insatsägare", "Project owner"), p.owner),
            (_sv(lang, "Samverkansparter", "Partners"), ", ".join(p.partners) or "–"),
            (_sv(lang, "Planerad period", "Planned period"), f"{fmt_date(p.period.start)} – {fmt_date(p.period.planned_end)}"),
            (_sv(lang, "Faktiskt slut", "Actual end"), fmt_date(p.period.actual_end) if p.period.actual_end else _sv(lang, "enligt plan", "as planned")),
            (_sv(lang, "Beviljat belopp", "Amount granted"), fmt_kr(p.granted_sek, lang) if p.granted_sek else "–"),
            (_sv(lang, "Data till och med", "Data up to"), fmt_date(p.as_of)),
            (_sv(lang, "Deltagare (inskrivningar)", "Participants (enrolments)"), fmt_int(len(self.project.participants), lang)),
        ]
        frame = pd.DataFrame(rows, columns=[_sv(lang, "Uppgift", "Item"), _sv(lang, "Värde", "Value")])
        text = p.description_en if lang == "en" and p.description_en else p.description
        desc = [text] if text else []
        _display(Text(desc, _h("facts", lang)), Table(frame))

    def goal_section(self) -> None:
        from .plots import plot_goals
        lang = self.lang
        g = self.goals
        intro = [_sv(lang, "Ansökans mätbara mål per projektår räknat från projektets startdatum. För en period som kortades "
                           "eller pågår står målvärdet för den tid som gick inom parentes; bedömningen görs mot det. "
                           f"Delvis uppnått = minst {fmt_pct(self.params.partial_band, lang, 0)} av målvärdet.",
                     "The application's measurable goals per project year counted from the project's start date. For a period "
                     "that was cut short or is still running, the target for the time run is in brackets; the assessment uses it. "
                     f"Partly achieved = at least {fmt_pct(self.params.partial_band, lang, 0)} of the target.")]
        quant = g.display(lang)[g.table["kind"].to_numpy() != "qualitative"]
        _display(Text(intro, _h("goals", lang)), Table(quant, notes=g.notes, numeric=(t("value", lang), t("target", lang), t("ci", lang))))
        if g.table.empty:
            _display(Text([_sv(lang, "Inga mål finns angivna i parameterfilen.", "The params file names no goals.")]))
            return
        if (g.table["kind"] != "qualitative").any() and g.table["mode"].iloc[0] != "none":
            _display(plot_goals(g, lang))
        q = g.table[g.table["kind"] == "qualitative"]
        if len(q):
            frame = pd.DataFrame({t("goal", lang): q["label"], t("status", lang): [t(s, lang) for s in q["status"]],
                                  t("evidence", lang): q["evidence"]})
            _display(Text([], _sv(lang, "Kvalitativa mål (utvärderarens bedömning)", "Qualitative goals (the evaluator's assessment)"), 3),
                     Table(frame))

    def _persons(self, n: int) -> str:
        """A number of persons as the privacy rule shows it: ``<k`` from 1 to k − 1."""
        return suppressed_label(self.k) if 0 < n < self.k else fmt_int(n, self.lang)

    def _absent(self, key: str, reason_sv: str, reason_en: str) -> None:
        _display(Text([_sv(self.lang, reason_sv, reason_en)], _h(key, self.lang)))

    def participants_section(self) -> None:
        from .plots import plot_composition
        lang = self.lang
        if not self.project.has_participants:
            return self._absent("participants", "Avsnittet saknas: projektet har inga deltagardata (strukturell insats eller "
                                                "inte påbörjad).", "Section omitted: the project has no participant data "
                                                                   "(a structural project or not yet started).")
        c = self.composition
        frame = c.table[["variable_label", "category_label", "n", "share"]].copy()
        frame["share"] = [v if isinstance(v, str) else fmt_pct(v, lang) for v in frame["share"]]
        frame["n"] = [v if isinstance(v, str) else fmt_int(v, lang) for v in frame["n"]]
        frame.columns = [t("variable", lang), t("category", lang), t("n", lang), t("share_col", lang)]
        _display(Text([_sv(lang, f"Vilka som deltog. Antal under {self.k} visas som <{self.k}; .. betyder att en uppgift döljs "
                                 "för att ett dolt tal annars kunde räknas fram ur en summa.",
                           f"Who took part. Counts below {self.k} are shown as <{self.k}; .. means a figure is hidden because a "
                           "hidden number could otherwise be worked out from a total.")], _h("participants", lang)),
                 plot_composition(c, lang=lang) if any(not isinstance(v, str) and v > 0 for v in c.table["n"]) else None,
                 Table(frame, numeric=(t("n", lang), t("share_col", lang))))
        f = flows(self.project, lang=lang, freq="Q")
        ff = f.table.copy()
        ff.columns = [_sv(lang, "Kvartal", "Quarter"), t("intake", lang), t("exits", lang)]
        _display(Text([], _sv(lang, "Påbörjade och avslutade per kvartal", "Started and ended per quarter"), 3),
                 Table(ff, numeric=(t("intake", lang), t("exits", lang))))

    def outcome_section(self) -> None:
        from .plots import plot_outcome_rates
        lang = self.lang
        if not self.project.has_participants:
            return self._absent("outcomes", "Avsnittet saknas: inga deltagardata.", "Section omitted: no participant data.")
        df = self.project.participants
        ended = df[~df[S.ONGOING]]
        if ended.empty:
            return self._absent("outcomes", f"Ingen av de {fmt_int(len(df), lang)} deltagarna har avslutat sin insats ännu; "
                                            "utfallen redovisas när deltagare har avslutat.",
                                f"None of the {fmt_int(len(df), lang)} participants has ended yet; outcomes are reported once "
                                "participants have ended.")
        counts = ended[S.OUTCOME].value_counts()
        raw = pd.DataFrame({"variable": "outcome", "category": counts.index, "n": counts.to_numpy(),
                            "share": counts.to_numpy() / max(len(ended), 1)})
        shown = suppress_long(raw, "n", "variable", self.k, ("share",))
        frame = pd.DataFrame({t("outcome", lang): [code_label(S.OUTCOME, c, lang) for c in shown["category"]],
                              t("n", lang): [v if isinstance(v, str) else fmt_int(v, lang) for v in shown["n"]],
                              t("share_col", lang): [v if isinstance(v, str) else fmt_pct(v, lang) for v in shown["share"]]})
        r = self.rates
        rt = r.table
        rates = pd.DataFrame({
            t("variable", lang): rt["variable_label"], t("category", lang): rt["category_label"],
            t("n", lang): [v if isinstance(v, str) else fmt_int(v, lang) for v in rt["n"]],
            t("successes", lang): [v if isinstance(v, str) else fmt_int(v, lang) for v in rt["successes"]],
            t("rate", lang): [v if isinstance(v, str) else fmt_pct(v, lang) for v in rt["rate"]],
            t("ci", lang): [("–" if isinstance(a, str) or pd.isna(a) else f"{fmt_pct(a, lang)}–{fmt_pct(b, lang)}")
                           for a, b in zip(rt["ci_low"], rt["ci_high"])],
            t("test", lang): rt["test"], t("p_value", lang): [fmt_p(p, lang) for p in rt["p_value"]],
        })
        _display(Text([_sv(lang, f"Utfall för de {fmt_int(len(ended), lang)} som avslutat sin insats.",
                           f"Outcomes of the {fmt_int(len(ended), lang)} participants who have ended.")], _h("outcomes", lang)),
                 Table(frame, numeric=(t("n", lang), t("share_col", lang))),
                 Text([], _sv(lang, "Andel lyckade utfall per grupp", "Success rate by group"), 3),
                 plot_outcome_rates(r, lang=lang),
                 Table(rates, notes=r.notes, numeric=(t("n", lang), t("successes", lang), t("rate", lang), t("ci", lang), t("p_value", lang))))
        m = self.model
        if len(m.table):
            mt = pd.DataFrame({_sv(lang, "Variabel", "Term"): m.table["term"],
                               _sv(lang, "Oddskvot", "Odds ratio"): [fmt_num(v, 2, lang) for v in m.table["odds_ratio"]],
                               t("ci", lang): [f"{fmt_num(a, 2, lang)}–{fmt_num(b, 2, lang)}" for a, b in zip(m.table["ci_low"], m.table["ci_high"])],
                               t("p_value", lang): [fmt_p(v, lang) for v in m.table["p_value"]]})
            _display(Text([], _sv(lang, "Logistisk regression", "Logistic regression"), 3),
                     Table(mt, notes=m.notes, numeric=(_sv(lang, "Oddskvot", "Odds ratio"), t("ci", lang), t("p_value", lang))))
        else:
            _display(Text(list(m.notes), _sv(lang, "Logistisk regression", "Logistic regression"), 3))

    def time_section(self) -> None:
        from .plots import plot_time_to_exit
        lang = self.lang
        if not self.project.has_participants:
            return self._absent("time", "Avsnittet saknas: inga deltagardata.", "Section omitted: no participant data.")
        df = self.project.participants
        if df[S.ONGOING].all():
            return self._absent("time", f"Ingen av de {fmt_int(len(df), lang)} deltagarna har avslutat sin insats ännu, så "
                                        "tiden i projektet kan inte beskrivas.",
                                f"None of the {fmt_int(len(df), lang)} participants has ended yet, so the time in the project "
                                "cannot be described.")
        s = self.survival
        tab = s.table
        frame = pd.DataFrame({
            _sv(lang, "Grupp", "Group"): tab["group"], _sv(lang, "Dagar", "Days"): tab["day"],
            _sv(lang, "Andel kvar", "Share remaining"): [v if isinstance(v, str) else fmt_pct(v, lang) for v in tab["still_in_project"]],
            _sv(lang, "Antal kvar", "At risk"): [v if isinstance(v, str) else fmt_int(v, lang) for v in tab["at_risk"]],
            _sv(lang, "Median, dagar", "Median, days"): [v if isinstance(v, str) else fmt_num(v, 0, lang)
                                                         for v in tab["median_days"]],
        })
        drawn = any(len(c) for c in s.curves.values())
        _display(Text([_sv(lang, "Hur länge deltagarna stannade, per projektår för start. Kurvan bryts där färre än "
                                 f"{self.k} personer återstår.",
                           f"How long participants stayed, by project year of intake. A curve stops where fewer than {self.k} remain.")],
                      _h("time", lang)),
                 plot_time_to_exit(s, lang) if drawn else
                 Text([_sv(lang, f"Inga kurvor visas, eftersom färre än {self.k} personer per grupp fanns kvar när "
                                 "deltagare avslutade.",
                           f"No curves are shown, because fewer than {self.k} persons per group remained when participants "
                           "ended.")]),
                 Table(frame, notes=s.notes, numeric=(_sv(lang, "Dagar", "Days"), _sv(lang, "Andel kvar", "Share remaining"),
                                                                                  _sv(lang, "Antal kvar", "At risk"), _sv(lang, "Median, dagar", "Median, days"))))

    def payments_section(self) -> None:
        from .plots import plot_payments
        lang = self.lang
        pay = self.payments
        if pay.table.empty:
            return self._absent("payments", "Avsnittet saknas: projektet har inga utbetalningsdata för försörjningsstöd.",
                                "Section omitted: the project has no social-assistance payment data.")
        tab = pay.table
        frame = pd.DataFrame({
            _sv(lang, "Grupp", "Group"): [t(g, lang) for g in tab["group"]],
            t("n", lang): [self._persons(v) for v in tab["persons"]],
            _sv(lang, "Före start, kr/mån", "Before, SEK/month"): [_amount(v, lang) for v in tab["before"]],
            _sv(lang, "Efter start, kr/mån", "After, SEK/month"): [_amount(v, lang) for v in tab["after"]],
            _sv(lang, "Förändring", "Change"): [_amount(v, lang) for v in tab["change"]],
        })
        c = self.params.comparison
        paras = [_sv(lang, f"Genomsnittligt försörjningsstöd per person och månad, {c.months_before} månader före till "
                           f"{c.months_after} månader efter start (för jämförelsegruppen motsvarande datum).",
                     f"Average social assistance per person and month, {c.months_before} months before to {c.months_after} months "
                     "after the start (for the comparison group, an equivalent date).")]
        if pay.did is not None:
            d, pl = pay.did, pay.placebo
            paras.append(_sv(lang,
                             f"Skattad effekt (skillnad-i-skillnader): {fmt_kr(d.effect, lang)} per person och månad, 95\u00a0% KI "
                             f"{fmt_kr(d.ci_low, lang)} till {fmt_kr(d.ci_high, lang)} ({fmt_int(d.n_clusters, lang)} hushåll). "
                             f"Kontroll före start (ska vara nära noll): {fmt_kr(pl.effect, lang)} "
                             f"({fmt_kr(pl.ci_low, lang)} till {fmt_kr(pl.ci_high, lang)}).",
                             f"Estimated effect (difference in differences): {fmt_kr(d.effect, lang)} per person and month, 95% CI "
                             f"{fmt_kr(d.ci_low, lang)} to {fmt_kr(d.ci_high, lang)} ({fmt_int(d.n_clusters, lang)} households). "
                             f"Check before the start (should be near zero): {fmt_kr(pl.effect, lang)} "
                             f"({fmt_kr(pl.ci_low, lang)} to {fmt_kr(pl.ci_high, lang)})."))
        paras += list(pay.notes)
        ph = payment_phases(self.project)
        phase_names = {"before": _sv(lang, f"{c.months_before} mån före start", f"{c.months_before} months before start"),
                       "during": _sv(lang, "Under deltagandet", "During participation"),
                       "after": _sv(lang, f"{c.months_before} mån efter avslut", f"{c.months_before} months after exit")}
        phases = pd.DataFrame({
            _sv(lang, "Grupp", "Group"): [t(g, lang) for g in ph["group"]],
            _sv(lang, "Period", "Phase"): [phase_names[p_] for p_ in ph["phase"]],
            t("n", lang): [self._persons(v) for v in ph["persons"]],
            _sv(lang, "Kr per person och månad", "SEK per person-month"): [_amount(v, lang) for v in ph["mean_amount"]],
        })
        dom = fmt_pct(self.params.privacy.dominance, lang, 0)
        phase_note = (_sv(lang, "För jämförelsegruppen mäts perioderna kring datumen i dess fil (referens- och uppföljningsdatum). "
                                "Månader utan utbetalning räknas som 0 kr.",
                          "For the comparison group the phases are measured around the dates in its file (reference and "
                          "follow-up dates). Months without a payment count as 0 kr."),
                      _sv(lang, f"Ett medelbelopp döljs (..) när färre än {self.k} personer ingår eller när en persons utbetalningar "
                                f"är mer än {dom} av summan.",
                          f"A mean amount is hidden (..) when fewer than {self.k} persons are in it or when one person's payments "
                          f"are more than {dom} of its total."))
        ev = pay.event_means
        shown = ev is not None and ev["mean_amount"].notna().any()
        no_chart = [] if shown else [  # every monthly mean hidden: no empty chart
            _sv(lang, f"Diagrammet visas inte: varje månad har färre än {self.k} personer eller domineras av en persons "
                      "utbetalningar.",
                f"The chart is not shown: every month has fewer than {self.k} persons or is dominated by one person's "
                "payments.")]
        _display(Text(paras[:1] + no_chart, _h("payments", lang)), plot_payments(pay, lang) if shown else None,
                 Table(frame, numeric=(t("n", lang), _sv(lang, "Före start, kr/mån", "Before, SEK/month"),
                                       _sv(lang, "Efter start, kr/mån", "After, SEK/month"), _sv(lang, "Förändring", "Change"))),
                 Text(paras[1:]),
                 Text([], _sv(lang, "Före, under och efter deltagandet", "Before, during and after participation"), 3),
                 Table(phases, notes=phase_note, numeric=(t("n", lang), _sv(lang, "Kr per person och månad", "SEK per person-month"))))
        er = compare_exit_rates(self.project)
        if not er.empty:
            rate_col = _sv(lang, "Lämnat försörjningsstöd", "Left social assistance")
            frame = pd.DataFrame({
                _sv(lang, "Grupp", "Group"): [t(g, lang) for g in er["group"]],
                t("n", lang): [fmt_int(v, lang) for v in er["n"]],
                rate_col: [v if isinstance(v, str) else fmt_pct(v, lang) for v in er["rate"]],
                t("ci", lang): ["–" if isinstance(a, str) else f"{fmt_pct(a, lang)}–{fmt_pct(b, lang)}"
                                for a, b in zip(er["ci_low"], er["ci_high"])],
                t("test", lang): er["test"], t("p_value", lang): [fmt_p(v, lang) for v in er["p_value"]],
            })
            note = _sv(lang, "Deltagare: de som avslutat. Jämförelsegrupp: status vid uppföljningsdatumet i dess fil. Skillnaden "
                             "används som dödvikt i kostnad–nyttoanalysen när inget annat anges.",
                       "Participants: those who have ended. Comparison group: status at the follow-up date in its file. The "
                       "difference gives the deadweight in the cost-benefit analysis unless another is set.")
            _display(Text([], _sv(lang, "Andel som lämnat försörjningsstödet", "Share who left social assistance"), 3),
                     Table(frame, notes=(note,), numeric=(t("n", lang), rate_col, t("ci", lang), t("p_value", lang))))

    def budget_section(self) -> None:
        from .plots import plot_budget
        lang = self.lang
        ct = self.cba.costs
        if ct is None or ct.empty:
            return self._absent("budget", "Avsnittet saknas: ingen budgetfil.", "Section omitted: no budget file.")
        frame = pd.DataFrame({
            t("period", lang): [budget_period_label(v, lang) for v in ct[S.PERIOD]], _sv(lang, "Kostnadsslag", "Category"): ct[S.CATEGORY],
            t("budget", lang): [fmt_kr(v, lang) for v in ct[S.BUDGET]],
            t("actual", lang): [fmt_kr(v, lang) for v in ct[S.ACTUAL]],
            t("difference", lang): [fmt_kr(v, lang) for v in ct["difference"]],
            t("used_pct", lang): [fmt_pct(v, lang, 0) for v in ct["used_pct"]],
        })
        tot_b, tot_a = ct[S.BUDGET].sum(), ct[S.ACTUAL].sum(min_count=1)
        frame.loc[len(frame)] = ["", t("total", lang), fmt_kr(tot_b, lang), fmt_kr(tot_a, lang),
                                 fmt_kr(tot_a - tot_b if not pd.isna(tot_a) else np.nan, lang),
                                 fmt_pct(tot_a / tot_b if tot_b and not pd.isna(tot_a) else np.nan, lang, 0)]
        missing = int((ct[S.ACTUAL].isna() & ct[S.BUDGET].notna()).sum())
        if self.params.cost_benefit.cost_basis == "budget":
            notes = (_sv(lang, "Kostnad–nyttoanalysen räknar med budgeten på alla rader, också där utfall finns "
                               "(cost_basis: budget i parameterfilen).",
                         "The cost-benefit analysis uses the budget on every line, also where actual costs exist "
                         "(cost_basis: budget in the params file)."),)
        elif missing:
            notes = (_sv(lang, f"Utfall saknas på {missing} {'rad' if missing == 1 else 'rader'} med budget; där räknas budgeten "
                               "i kostnad–nyttoanalysen.",
                         f"Actual costs are missing on {missing} budgeted {'line' if missing == 1 else 'lines'}; the cost-benefit "
                         "analysis uses the budget there."),)
        else:
            notes = ()
        _display(Text([], _h("budget", lang)), Table(frame, notes=notes, numeric=(t("budget", lang), t("actual", lang),
                                                                                  t("difference", lang), t("used_pct", lang))),
                 plot_budget(ct, lang))

    def costbenefit_section(self) -> None:
        from .plots import plot_monte_carlo, plot_tornado
        lang = self.lang
        r = self.cba
        s = r.summary
        ct = r.costs
        if ct is None or ct.empty:
            return self._absent("costbenefit", "Avsnittet saknas: utan kostnader kan ingen kalkyl göras.",
                                "Section omitted: without costs there is no calculation.")
        key = [
            (_sv(lang, "Total kostnad (budget)", "Total cost (budget)") if self.params.cost_benefit.cost_basis == "budget"
             else _sv(lang, "Total kostnad (utfall, annars budget)", "Total cost (actual, else budget)"),
             fmt_kr(s["total_cost_nominal"], lang)),
            (_sv(lang, "Kostnad per deltagare", "Cost per participant"), fmt_kr(s["cost_per_participant"], lang)),
            (_sv(lang, "Kostnad per lyckat utfall", "Cost per successful outcome"), fmt_kr(s["cost_per_success"], lang)),
            (_sv(lang, "Personer som lämnat försörjningsstöd", "Persons who left social assistance"), fmt_int(s["successes"], lang)
             + (f" [{t('ex_ante', lang)}]" if s["mode"] == "ex_ante" else "")),
            (_sv(lang, "Undvikt försörjningsstöd per person och månad", "Avoided social assistance per person and month"), fmt_kr(s["monthly_level"], lang)),
            (_sv(lang, f"Nuvärde undvikt försörjningsstöd ({s['price_year']} års priser)", f"Present value of avoided social assistance ({s['price_year']} prices)"), fmt_kr(s["pv_avoided_fs"], lang)),
            (_sv(lang, "Nuvärde kostnad", "Present value of cost"), fmt_kr(s["pv_cost"], lang)),
            (_sv(lang, "Nettonuvärde", "Net present value"), fmt_kr(s["npv"], lang)),
            (_sv(lang, "Nytta per satsad krona", "Benefit-cost ratio"), fmt_num(s["bcr"], 2, lang)),
            (_sv(lang, "Återbetalningstid från start", "Payback time from start"),
             f"{fmt_num(s['payback_months'], 0, lang)} {_sv(lang, 'månader', 'months')}" if not np.isnan(s["payback_months"])
             else _sv(lang, "inte inom horisonten", "not within the horizon")),
            (_sv(lang, "Lyckade avslut som krävs för att täcka kostnaden", "Exits needed to cover the cost"), fmt_num(s["break_even_exits"], 1, lang)),
            (_sv(lang, "Personår utan försörjningsstöd som krävs", "Person-years off social assistance needed"), fmt_num(s["break_even_person_years"], 1, lang)),
            (_sv(lang, "Dödvikt där nettonuvärdet blir noll", "Deadweight at which the NPV is zero"),
             fmt_pct(s["switching_deadweight"], lang, 0) if 0 <= s["switching_deadweight"] <= 1 else "–"),
        ]
        kt = Table(pd.DataFrame(key, columns=[_sv(lang, "Nyckeltal", "Key figure"), _sv(lang, "Värde", "Value")]),
                   numeric=(_sv(lang, "Värde", "Value"),))
        a = r.assumptions
        names = {"monthly_level": ("Försörjningsstöd per månad", "Monthly social assistance"), "horizon_years": ("Tidshorisont", "Horizon"),
                 "dropoff_per_year": ("Avtagande effekt per år", "Drop-off per year"), "deadweight": ("Dödvikt", "Deadweight"),
                 "discount_rate": ("Diskonteringsränta", "Discount rate"), "price_year": ("Prisår", "Price year"),
                 "work_earnings_sek_month": ("Arbetsinkomst per månad", "Monthly earnings from work")}
        def _val(n, v):
            if n in ("dropoff_per_year", "deadweight", "discount_rate"):
                return fmt_pct(v, lang, 1)
            if n == "price_year":
                return str(int(v))
            if n == "horizon_years":
                return f"{fmt_num(v, 0, lang)} {_sv(lang, 'år', 'year' if v == 1 else 'years')}"
            return fmt_kr(v, lang)
        at = pd.DataFrame({_sv(lang, "Antagande", "Assumption"): [names.get(n, (n, n))[0 if lang == "sv" else 1] for n in a["name"]],
                           _sv(lang, "Värde", "Value"): [_val(n, v) for n, v in zip(a["name"], a["value"])],
                           _sv(lang, "Källa", "Source"): a["source"],
                           _sv(lang, "Osäkert", "Uncertain"): [_sv(lang, "ja", "yes") if f else "" for f in a["flagged"]]})
        actors = r.table
        pt = pd.DataFrame({_sv(lang, "Aktör", "Actor"): [t(x, lang) for x in actors["actor"]],
                           _sv(lang, "Nytta (nuvärde)", "Benefit (PV)"): [fmt_kr(v, lang) if not pd.isna(v) else _sv(lang, "ej värderad", "not valued") for v in actors["pv_benefit"]],
                           _sv(lang, "Kostnad (nuvärde)", "Cost (PV)"): [fmt_kr(v, lang) for v in actors["pv_cost"]],
                           _sv(lang, "Netto", "Net"): [fmt_kr(v, lang) if not pd.isna(v) else "–" for v in actors["npv"]],
                           _sv(lang, "Kommentar", "Note"): actors["note"]})
        intro = [_sv(lang, "Kalkylen jämför projektets kostnad med det försörjningsstöd som inte behövde betalas ut när deltagare gick "
                           "vidare till arbete, studier eller annan ersättning. Alla antaganden står i tabellen och varieras nedan.",
                     "The calculation compares the project's cost with the social assistance that did not have to be paid when "
                     "participants moved on to work, studies or another benefit. Every assumption is in the table and is varied below.")]
        mc = r.monte_carlo
        mc_text = [_sv(lang, f"Monte Carlo ({fmt_int(mc['draws'], lang)} dragningar, fröet {mc['seed']}): sannolikheten för positivt "
                             f"nettonuvärde är {fmt_probability(mc['p_npv_positive'], lang)}; 90 % av utfallen ligger mellan "
                             f"{fmt_kr(mc['npv_p05'], lang)} och {fmt_kr(mc['npv_p95'], lang)}. Varierat: {mc['varied']}.",
                       f"Monte Carlo ({fmt_int(mc['draws'], lang)} draws, seed {mc['seed']}): the probability of a positive net present "
                       f"value is {fmt_probability(mc['p_npv_positive'], lang)}; 90% of outcomes lie between {fmt_kr(mc['npv_p05'], lang)} "
                       f"and {fmt_kr(mc['npv_p95'], lang)}. Varied: {mc['varied']}.")] if mc else []
        eb = r.effect_based
        eb_parts = []
        if eb:
            rows = [(_sv(lang, "Avslut × försörjningsstöd per månad (huvudkalkylen)", "Exits × monthly social assistance (main calculation)"),
                     fmt_kr(s["pv_avoided_fs"], lang), fmt_kr(s["npv"], lang),
                     fmt_probability(mc["p_npv_positive"], lang) if mc else "–"),
                    (_sv(lang, "Uppmätt effekt mot jämförelsegruppen (skillnad-i-skillnader)", "Measured effect against the comparison group (DiD)"),
                     fmt_kr(eb["pv_benefit"], lang), fmt_kr(eb["npv"], lang),
                     fmt_probability(eb["p_npv_positive"], lang) if "p_npv_positive" in eb else "–")]
            cols = [_sv(lang, "Sätt att räkna nyttan", "Benefit measured as"), _sv(lang, "Nytta (nuvärde)", "Benefit (PV)"),
                    _sv(lang, "Nettonuvärde", "NPV"), _sv(lang, "P(nettonuvärde > 0)", "P(NPV > 0)")]
            note = _sv(lang, f"Den uppmätta effekten ({fmt_kr(eb['did_effect'], lang)} per deltagare och månad, 95\u00a0% KI "
                             f"{fmt_kr(eb['did_ci_low'], lang)} till {fmt_kr(eb['did_ci_high'], lang)}) gäller alla "
                             f"{fmt_int(eb['participants'], lang)} deltagare från start, med samma horisont, avtagande och "
                             "diskontering men utan dödvikt, eftersom jämförelsegruppen redan visar vad som hade hänt ändå. "
                             "I Monte Carlo dras effekten ur sin osäkerhet.",
                       f"The measured effect ({fmt_kr(eb['did_effect'], lang)} per participant and month, 95% CI "
                       f"{fmt_kr(eb['did_ci_low'], lang)} to {fmt_kr(eb['did_ci_high'], lang)}) applies to all "
                       f"{fmt_int(eb['participants'], lang)} participants from their start, with the same horizon, drop-off "
                       "and discounting but no deadweight, since the comparison group already shows what would have "
                       "happened anyway. The Monte Carlo draws the effect from its uncertainty.")
            eb_parts = [Text([], _sv(lang, "Två sätt att räkna nyttan", "Two ways to measure the benefit"), 3),
                        Table(pd.DataFrame(rows, columns=cols), notes=(note,), numeric=tuple(cols[1:]))]
        # with no exit from försörjningsstöd yet there is no benefit to vary: the calculation shows the cost only
        too_early = self.project.has_participants and not s["successes"]
        if too_early and not s["ended"]:
            intro.append(_sv(lang, "Ingen deltagare har avslutat ännu, så kalkylen visar bara kostnaden. Nyttan, känslighetsanalysen "
                                   "och Monte Carlo redovisas när deltagare har avslutat.",
                             "No participant has ended yet, so the calculation shows the cost only. The benefit, the sensitivity "
                             "analysis and the Monte Carlo are reported once participants have ended."))
        elif too_early:
            intro.append(_sv(lang, "Ingen av de avslutade deltagarna har lämnat försörjningsstödet, så det finns ännu inget undvikt "
                                   "försörjningsstöd att räkna: kalkylen visar bara kostnaden, utan känslighetsanalys och Monte Carlo.",
                             "None of the participants who ended has left social assistance, so there is no avoided social "
                             "assistance to count yet: the calculation shows the cost only, without a sensitivity analysis or "
                             "Monte Carlo."))
        _display(Text(intro, _h("costbenefit", lang)), kt, *eb_parts,
                 Text([], _sv(lang, "Antaganden", "Assumptions"), 3), Table(at),
                 Text([], _sv(lang, "Per aktör", "By actor"), 3),
                 Table(pt, notes=(_sv(lang, "Projektets kostnad fördelas enligt finsamlagen: staten 50 %, region och kommun 25 % var; "
                                            "egen finansiering bärs av kommunen. En övergång till ersättning från staten är en kostnad för "
                                            "staten och en besparing för kommunen: för samhället tar de ut varandra.",
                                      "The project's cost is shared as in the Finsam act: state 50%, region and municipality 25% each; "
                                      "own financing falls on the municipality. A move to a state benefit is a cost for the state and a "
                                      "saving for the municipality: for society they cancel out."),),
                       numeric=(_sv(lang, "Nytta (nuvärde)", "Benefit (PV)"), _sv(lang, "Kostnad (nuvärde)", "Cost (PV)"), _sv(lang, "Netto", "Net"))),
                 *([] if too_early else [
                     Text([_sv(lang, "Nettonuvärdet när ett antagande i taget sätts till ett lågt och ett högt värde.",
                               "The net present value when one assumption at a time is set to a low and a high value.")],
                          _sv(lang, "Känslighetsanalys", "Sensitivity analysis"), 3),
                     plot_tornado(r.sensitivity, lang), Text(mc_text), plot_monte_carlo(mc, lang) if mc else None]))

    def quality_table(self) -> pd.DataFrame:
        """What the loader flagged, as the report shows it: file, row, column, value and a note.

        Person and household ids are not printed (the file and row find them for the evaluator).
        """
        lang, w = self.lang, self.project.data_quality
        ids = (S.PERSON_ID, S.HOUSEHOLD_ID)
        return pd.DataFrame({_sv(lang, "Fil", "File"): [Path(f).name for f in w["file"]],
                             _sv(lang, "Rad", "Row"): [("–" if pd.isna(r) else str(int(r))) for r in w["row"]],
                             _sv(lang, "Kolumn", "Column"): w["column"],
                             _sv(lang, "Värde", "Value"): [_sv(lang, "(visas inte)", "(not shown)") if c in ids else v
                                                           for c, v in zip(w["column"], w["value"])],
                             _sv(lang, "Anmärkning", "Note"): [QUALITY_TEXT.get(c, (e, e))[0 if lang == "sv" else 1]
                                                               for c, e in zip(w["code"], w["expected"])]})

    def quality_section(self) -> None:
        lang = self.lang
        w = self.project.data_quality
        paras = []
        if w.empty:
            paras.append(_sv(lang, "Inläsningen hittade inga problem i data.", "Loading found no problems in the data."))
        refs = self.cba.reference_values
        flagged = refs[(refs["confidence"].isin(["L", "EST", "FALLBACK"])) | (refs["note"] != "")] if len(refs) else refs
        _display(Text(paras, _h("quality", lang)))
        if not w.empty:
            _display(Table(self.quality_table()))
        if len(flagged):
            frame = pd.DataFrame({_sv(lang, "År", "Year"): flagged["year"], _sv(lang, "Värde", "Value"): [fmt_num(v, 2 if v < 1000 else 0, lang) for v in flagged["value"]],
                                  _sv(lang, "Säkerhet", "Confidence"): flagged["confidence"],
                                  _sv(lang, "Källa / anmärkning", "Source / note"): [f"{s} {n}".strip() for s, n in zip(flagged["source"], flagged["note"])]})
            _display(Text([_sv(lang, "Referensvärden som är uppskattade eller osäkra (kan ersättas i params under reference):",
                               "Reference values that are estimated or uncertain (can be replaced in params under reference):")]),
                     Table(frame))

    def method_section(self) -> None:
        lang = self.lang
        paras = _sv(lang, METHOD_SV.format(k=self.k), METHOD_EN.format(k=self.k)).strip().split("\n\n")
        _display(Text([" ".join(p.split()) for p in paras], _h("method", lang)))

    def footer(self) -> None:
        lang = self.lang
        p = self.params
        rows = [(_sv(lang, "Verktyg", "Toolkit"), f"evaltools {__version__}"),
                (_sv(lang, "Körd", "Run"), dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
                (_sv(lang, "Parameterfil", "Params file"), p.source_path.name if p.source_path else "–")]
        rows += [(f"SHA-256 {name}", digest) for name, digest in self.project.checksums.items()]
        frame = pd.DataFrame(rows, columns=[_sv(lang, "Uppgift", "Item"), _sv(lang, "Värde", "Value")])
        raw_yaml = p.source_path.read_text(encoding="utf-8") if p.source_path else yaml.safe_dump(
            p.model_dump(mode="json", exclude_defaults=True), allow_unicode=True, sort_keys=False)
        if p.source_path:
            rows.append((f"SHA-256 {p.source_path.name}", hashlib.sha256(p.source_path.read_bytes()).hexdigest()))
            frame = pd.DataFrame(rows, columns=frame.columns)
        from IPython.display import HTML
        note = _sv(lang, "Parameterfilen som den skrevs; värden som inte anges där har standardvärden (se metoddokumentationen).",
                   "The params file as written; values not given there take their defaults (see the method documentation).")
        print_note = _sv(lang, "Parameterfilen finns i sin helhet i HTML-rapporten och i den körda notebooken; "
                               "kontrollsumman ovan visar att det är samma fil.",
                         "The whole params file is in the HTML report and in the executed notebook; the checksum "
                         "above shows that it is the same file.")
        _display(Text([], _h("footer", lang)), Table(frame),
                 HTML(f"<details class='et-params'><summary>{_sv(lang, 'Parametrar som användes', 'Parameters used')}</summary>"
                      f"<p class='et-note'>{html.escape(note)}</p><pre class='et-params'>{html.escape(raw_yaml)}</pre></details>"
                      f"<p class='et-note et-print-only'>{html.escape(print_note)}</p>"))

    def all_sections(self) -> None:
        """Every section in report order (for exploration; the report notebook calls them one by one)."""
        for f in (self.title, self.summary, self.facts, self.goal_section, self.participants_section, self.outcome_section,
                  self.time_section, self.payments_section, self.budget_section, self.costbenefit_section,
                  self.quality_section, self.method_section, self.footer):
            f()

    # --- exports ----------------------------------------------------------------------
    def key_tables(self) -> dict[str, pd.DataFrame]:
        """The tables published with the report (suppressed where they count persons)."""
        out = {"mal": self.goals.table.drop(columns=["period_first", "period_last", "observed_last"]),
               "budget": self.cba.costs, "kostnad_nytta": pd.DataFrame([{k: v for k, v in self.cba.summary.items()}]),
               "aktorer": self.cba.table, "antaganden": self.cba.assumptions, "kanslighet": self.cba.sensitivity}
        if self.project.has_participants:
            out.update({"deltagare": self.composition.table, "utfall_per_grupp": self.rates.table,
                        "tid_i_projekt": self.survival.table})
        if not self.payments.table.empty:
            out["forsorjningsstod"] = self.payments.table
            out["forsorjningsstod_faser"] = payment_phases(self.project)
        return out

    def export_tables(self, output_dir: str | Path) -> list[Path]:
        """Write the key tables as one .xlsx workbook (``<id>-tabeller.xlsx``), as CSV for Excel
        (``tables/``: semicolon, decimal comma, UTF-8 with BOM) and as machine-readable CSV
        (``tables-data/``: comma, decimal point, UTF-8); see :mod:`evaltools.workbook`."""
        from .workbook import report_sheets, write_csv, write_workbook
        from .workbook import text as wtext
        out, lang, p = Path(output_dir), self.lang, self.params
        sheets = report_sheets(self.key_tables(), self.k)
        written = []
        for folder, dialect in (("tables", "excel"), ("tables-data", "data")):
            (out / folder).mkdir(parents=True, exist_ok=True)
            written += [write_csv(out / folder / f"{s.name}.csv", s, lang, dialect) for s in sheets]
        files = [Path(f).name for f in self.project.checksums]
        about = [(wtext("project", lang), p.title), (_sv(lang, "Samordningsförbund", "Coordination association"), p.forbund),
                 (_sv(lang, "Insatsägare", "Project owner"), p.owner),
                 (_sv(lang, "Period", "Period"), f"{fmt_date(p.period.start)} – {fmt_date(p.period.end)}"),
                 (_sv(lang, "Data till och med", "Data up to"), fmt_date(p.as_of)),
                 (wtext("made", lang), f"{dt.date.today():%Y-%m-%d}"), (wtext("toolkit", lang), f"evaltools {__version__}"),
                 (wtext("sources", lang), wtext("source_files", lang) + ": " + (", ".join(files) or "–")),
                 (wtext("source_params", lang), p.source_path.name if p.source_path else "–"),
                 (wtext("source_reference", lang), wtext("source_reference_text", lang)),
                 ("CSV", wtext("csv_note", lang))]
        written.append(write_workbook(out / f"{p.id}-tabeller.xlsx", sheets, lang, self.k, about))
        return written


QUALITY_TEXT = {  # loader warning code -> (Swedish, English) wording for the report
    "unknown_person": ("Utbetalning till ett person-id som inte finns i deltagarfilen; raden används inte.",
                       "Payment to a person id that is not in the participant file; the row is not used."),
    "unknown_person_more": ("Fler utbetalningar till person-id som inte finns i deltagarfilen.",
                            "More payments to person ids that are not in the participant file."),
    "late_end": ("Slutdatum efter analysdatum.", "End date after the analysis date."),
    "empty_budget_line": ("Budgetraden saknar både budget och utfall och räknas som 0 kr.",
                          "The budget line has neither a budget nor an actual amount and counts as 0."),
}

METHOD_SV = """
Måluppfyllelse: projektår räknas från projektets startdatum. Antal räknas på det projektår då personen skrevs in, om
inte målet säger annat. För andelar anges Wilsonintervall (95 %) och ett ensidigt binomialtest mot målvärdet. Eftersom
alla deltagare ingår beskriver intervallet osäkerheten om vad arbetssättet kan väntas ge, inte ett urvalsfel.

Jämförelser mellan grupper: Fishers exakta test när något förväntat antal är under 5, annars chitvåtest. Logistisk
regression skattas bara när det finns minst 10 händelser per parameter. Tid i projektet: Kaplan–Meier, där pågående
deltagare censureras vid analysdatum.

Jämförelsegrupp: skillnad-i-skillnader på person och månad med fasta effekter för person och kalendermånad och
standardfel klustrade på hushåll. Varje person jämförs före och efter sitt eget startdatum (jämförelsegruppen kring ett
motsvarande datum), så att olika startmånader hanteras. Utan jämförelsegrupp redovisas bara före–efter, som inte är en
effekt.

Kostnad och nytta: utfall används där det finns, annars budget, i ett prisår (KPI). Besparingen är det försörjningsstöd
som inte betalas ut efter avslut till arbete, studier eller annan ersättning, under vald tidshorisont, med avtagande
effekt, dödvikt och diskontering. Övergångar till statliga ersättningar är överföringar, inte samhällsvinster.

Skydd av uppgifter: antal personer under {k} visas som <{k} i alla uppdelningar, och ytterligare uppgifter döljs (..) där
ett dolt tal annars kan räknas fram ur en summa eller ur en annan tabell i rapporten. Måluppfyllelsen redovisas som den är: den är projektets redovisning till förbundet.
"""

METHOD_EN = """
Goal fulfilment: project years count from the project's start date. Counts use the project year in which a person
enrolled unless the goal says otherwise. Shares have Wilson 95% intervals and a one-sided binomial test against the
target. Since all participants are included, an interval describes the uncertainty about what the way of working can be
expected to give, not sampling error.

Group comparisons: Fisher's exact test when any expected count is below 5, otherwise a chi-square test. Logistic
regression is fitted only with at least 10 events per parameter. Time in the project: Kaplan–Meier, with ongoing
participants censored at the analysis date.

Comparison group: difference in differences on person-months with person and calendar-month fixed effects and standard
errors clustered by household. Each person is compared before and after their own start date (the comparison group around
an equivalent date), which handles staggered entry. Without a comparison group only before/after is shown, which is not an
effect.

Costs and benefits: actual costs where known, else budget, in one price year (KPI). The saving is the social assistance
not paid after exits to work, studies or another benefit, over the chosen horizon, with drop-off, deadweight and
discounting. Moves to state benefits are transfers, not societal gains.

Privacy: counts of persons below {k} are shown as <{k} in every breakdown, and further figures are hidden (..) where a
hidden number could be worked out from a total or from another table in the report. Goal fulfilment is shown as it is: it is the project's accounting to its funder.
"""


def setup_notebook() -> None:
    """Set a notebook up for evaltools' charts: PNG at the figures' 150 dpi.

    Charts are sharp in print and quick to lay out (SVG charts took WeasyPrint several seconds
    per report). Call it once at the top of a notebook; outside IPython it does nothing.

    Returns
    -------
    None

    Examples
    --------
    >>> import evaltools as et
    >>> et.setup_notebook()
    """
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
        set_matplotlib_formats("png")
    except ImportError:  # outside IPython there is nothing to set
        pass
