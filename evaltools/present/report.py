"""Report: the sections of an evaluation report, computed once and shown in a notebook.

``evaltools/notebooks/report.ipynb`` creates one :class:`Report` and calls one method per section; each
method shows the blocks of one module in :mod:`evaltools.present.sections`. The analyses run once
(cached) and the sections share them; :func:`evaltools.publish.workbook.export_report` writes the key tables as CSV
and one Excel workbook from the same results. The words come from the report's catalog
(:mod:`evaltools.words.text`): the package's, with the project's own wording where it has some.
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd

from . import sections
from ..analysis.cohorts import (composition, outcome_rates, stated_successes, success_model, time_to_exit,
                                without_ended, without_other_exits, without_successes)
from ..analysis.comparison import compare_payments, payment_phases, reference_date_sensitivity
from ..data import schema as S
from ..data.params import project_kind
from ..data.privacy import SECONDARY
from .display import Numbering, Table, Text, figure_html, number_parts, show, shown_text
from ..words.formats import fmt_probability
from ..analysis.goals import assess_goals
from ..analysis.survey import survey
from ..analysis.costbenefit.persistence import some_had_no_fs
from ..analysis.disclosure import Counts, Secondary, counts, disclosure, payment_units_hidden, published_cost_benefit
from ..data.project import Project, load_project
from .figures import goal_verdicts, report_figures
from .narrative import Narrative, draft, check as check_text
from .narrative import load as load_narrative
from ..words.labels import answered_since, goal_note, note_text, period_label, success_definition_text, time_limit_words
from ..words.breakdowns import labelled, odds_ratio_frame, with_group_labels
from ..words.text import LANGS, project_catalog
from .sections.costbenefit import applicable_assumptions, applicable_key_figures, register_frame
from .sections.goals import after_exit_goals, after_exit_words, group_words, timed_words

_display = show  # what the section methods show their blocks with

__all__ = ["Report", "Table", "Text", "figure_html", "fmt_probability", "setup_notebook"]


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
        self.project = project if isinstance(project, Project) else load_project(project, lang=lang)
        self.params = self.project.params
        self.lang = lang or self.params.language
        if self.lang not in LANGS:
            raise ValueError(f"lang must be 'sv' or 'en', got {self.lang!r}")
        self.k = self.params.privacy.min_count
        # the package's wording with the project's own beside its params file; a broken override stops here
        self.words = project_catalog(self.params.source_path, self.lang)
        # the evaluator's own text in params/text/<id>.<lang>.md, if any; a broken file stops here too
        self.narrative = load_narrative(self.params.source_path, self.lang)
        self.kind = project_kind(self.project)  # individ | struktur | ansökan: which sections the report has
        # the words of every section shown so far, in order: the glossary explains the terms they use
        self.shown: list[str] = []
        # the numbers the next chart's and table's captions give them ("Figur 3.", "Tabell 2."), in the order shown
        self.numbers = Numbering()

    @property
    def next_figure(self) -> int:
        """The number the next chart's caption gives it."""
        return self.numbers.figure

    def __repr__(self) -> str:  # (in a notebook: which project and language, not an address)
        return f"Report({self.params.id!r}, lang={self.lang!r}): {self.params.display_title(self.lang)}"

    @property
    def narrative(self) -> Narrative:
        """The evaluator's own text; its citations ``{{ name }}`` show this report's figures."""
        return self._narrative

    @narrative.setter
    def narrative(self, n: Narrative) -> None:
        n.bind(lambda: sections.evaluator.shown_figures(self))
        self._narrative = n
        self.__dict__.pop("text_check", None)

    @property
    def is_draft(self) -> bool:
        """Whether the report is a draft: the evaluator has written no overall assessment."""
        return draft(self.narrative, self.params.source_path)

    def msg(self, key: str, **values) -> str:
        """The message ``key`` in the report's words."""
        return self.words.msg(key, **values)

    def plural(self, key: str, count: int, **values) -> str:
        """The form of ``key`` for ``count`` in the report's words."""
        return self.words.plural(key, count, **values)

    # --- results, computed once ---------------------------------------------------------
    @cached_property
    def goals(self):
        return assess_goals(self.project, lang=self.lang)

    @cached_property
    def survey(self):
        """The questionnaires' answers, rounds, survey goals and before/after (:func:`evaltools.analysis.survey.survey`)."""
        return survey(self.project)

    @cached_property
    def composition(self):
        return composition(self.project, lang=self.lang) if self.project.has_participants else None

    @cached_property
    def rates(self):
        """The outcome rates by group (:func:`evaltools.analysis.cohorts.outcome_rates`), without a breakdown whose
        successes or numbers ended add up to those the report withholds (:func:`~evaltools.analysis.cohorts.
        without_successes`, :func:`~evaltools.analysis.cohorts.without_ended`): the section, its chart, the workbook
        and the CSV tables show this one object."""
        if not self.project.has_participants:
            return None
        rates = outcome_rates(self.project, lang=self.lang, goals=self.goals)
        if self.disclosure.hides(Secondary.SUCCESSES):  # (a breakdown's successes add up to them: the same rule)
            rates = without_successes(rates, stated_successes(self.project, rates, self.goals))
        return without_ended(rates) if self.disclosure.hides(Secondary.ENDED) else rates

    @cached_property
    def model(self):
        return success_model(self.project, lang=self.lang, rates=self.rates) if self.project.has_participants else None

    @cached_property
    def survival(self):
        """The time in the project by intake year (:func:`evaltools.analysis.cohorts.time_to_exit`), without the
        figures that give the number ended where the report withholds it (:func:`~evaltools.analysis.cohorts.
        without_other_exits`): the section, its chart, the workbook and the CSV tables show this one object."""
        if not self.project.has_participants:
            return None
        stay = time_to_exit(self.project, lang=self.lang)
        return without_other_exits(stay) if self.disclosure.hides(Secondary.ENDED) else stay

    @cached_property
    def payments(self):
        return compare_payments(self.project, lang=self.lang)

    @cached_property
    def reference_dates(self):
        """How the DiD moves with the comparison persons' reference dates (computed once: the payments
        section shows it, the effect-based simulation draws it)."""
        return reference_date_sensitivity(self.project)

    @cached_property
    def staggered(self):
        """The heterogeneity-robust (Sun–Abraham) estimate beside the DiD (the payments section's robustness row)."""
        from ..analysis.staggered import staggered_effect  # start-up: only reports with a comparison group use it
        return staggered_effect(self.project)

    @cached_property
    def honest(self):
        """The honest-DiD sensitivity bounds beside the DiD (the payments section's robustness part);
        ``None`` without a DiD or without the optional extra [robust]."""
        from ..analysis.honest import honest_bounds  # start-up, and heavy optional dependency: only reports with a DiD
        pay = self.payments
        return honest_bounds(self.project, event_study=pay.event_study) if pay.did is not None else None

    @cached_property
    def weighting(self):
        """The inverse-probability-weighted DiD and its balance table, when the params ask for it."""
        from ..analysis.weighting import comparison_weighting  # start-up: only reports that ask for weighting use it
        return comparison_weighting(self.project)

    @cached_property
    def counts(self) -> Counts:
        """The counts of persons the report states beside its goal totals (:func:`evaltools.analysis.disclosure.
        counts`), counted once: the cost-benefit's range of exits, whether the exits are withheld or published by a
        goal, the differencing rule and the portfolio's row all read this one object."""
        return counts(self.project, self.goals.table)

    @cached_property
    def cba(self):
        """The cost-benefit as the report publishes it (:func:`evaltools.analysis.disclosure.published_cost_benefit`):
        where 1 to k − 1 exits from försörjningsstöd are counted, their range instead of figures that give the count."""
        # (where the count of exits is withheld, no deadweight is worked out from it either)
        return published_cost_benefit(self.project, self.goals.table, counted=self.counts, payments=self.payments,
                                      reference_dates=self.reference_dates, lang=self.lang)

    @cached_property
    def disclosure(self):
        """Which secondary counts the report withholds (:func:`evaltools.analysis.disclosure.disclosure`)."""
        return disclosure(self.project, self.goals.table, self.cba.summary.per_person_through, counted=self.counts)

    @cached_property
    def moved_on(self) -> bool:
        """Whether some of the project's default successes had no försörjningsstöd to leave
        (:func:`~evaltools.analysis.costbenefit.persistence.some_had_no_fs`): they are then said as going to work,
        studies or a benefit, wherever the report names its successes. Worked out once a report."""
        return some_had_no_fs(self.project)

    @cached_property
    def figures(self):
        """The report's named figures, which the evaluator's text may cite (:mod:`evaltools.present.figures`)."""
        return report_figures(self)

    @cached_property
    def text_check(self):
        """What the check of the evaluator's text against the figures found (:func:`evaltools.present.narrative.check`)."""
        if not self.narrative:
            return []
        tab = self.goals.table  # (each application goal's label as the report shows it, and its one verdict)
        labels = {} if tab.empty else dict(zip(tab["goal_id"], tab["label"].astype(str)))
        goals = {gid: (labels.get(gid, ""), v) for gid, v in goal_verdicts(tab).items()}
        return check_text(self.narrative, self.figures, goals)

    # --- sections -----------------------------------------------------------------------
    def _show(self, module) -> None:
        if not sections.applies(self.kind, module.__name__.rsplit(".", 1)[-1]):
            return  # a section this kind of project does not have (the facts section says which)
        self._show_blocks(module.blocks(self), keep=True)

    def _show_blocks(self, blocks: list[list], keep: bool = False) -> None:
        """Show blocks; with ``keep``, a section's own words are kept in :attr:`shown` (not the evaluator's
        text, whose words are theirs: "pågående missbruk" there is not the report's term *Pågående*)."""
        for block in blocks:
            number_parts(block, self.numbers, self.msg)
            if keep:
                self.shown.extend(shown_text(part) for part in block)
            _display(*block)  # (looked up here, so a test can catch what a section shows)

    def title(self) -> None:
        from IPython.display import HTML, display
        display(HTML(self.title_html()))

    def title_html(self) -> str:
        """The report's title block: name, förbund and owner, period, kind of report and date; above
        it, on a report the evaluator has not assessed, the banner saying it is a draft."""
        return sections.evaluator.draft_banner_html(self) + sections.title.html_block(self)

    def summary(self) -> None:
        self._show(sections.summary)

    def key_findings(self) -> list[str]:
        """The report's key findings as plain sentences generated from the results."""
        return sections.summary.findings(self)

    def facts(self) -> None:
        self._show(sections.facts)

    def evaluator_section(self, part: str) -> None:
        """One part of the evaluator's own text (``background``, ``implementation``, ``analysis``,
        ``lessons``, ``recommendations``); nothing when the evaluator wrote none."""
        self._show_blocks(sections.evaluator.blocks(self, part))

    def goal_section(self) -> None:
        self._show(sections.goals)

    def survey_section(self) -> None:
        """The questionnaires, where the project gave responses (nothing otherwise)."""
        self._show(sections.survey)

    def participants_section(self) -> None:
        self._show(sections.participants)

    def outcome_section(self) -> None:
        self._show(sections.outcomes)

    def time_section(self) -> None:
        self._show(sections.time_in_project)

    def payments_section(self) -> None:
        self._show(sections.payments)

    def budget_section(self) -> None:
        self._show(sections.budget)

    def costbenefit_section(self) -> None:
        self._show(sections.costbenefit)

    def quality_table(self) -> pd.DataFrame:
        """What the loader flagged, as the report shows it (person and household ids not printed)."""
        return sections.quality.table(self)

    def quality_section(self) -> None:
        self._show(sections.quality)

    def method_section(self) -> None:
        self._show(sections.method)

    def footer(self) -> None:
        self._show(sections.footer)

    def appendix(self) -> None:
        """The appendix for auditors: method, data quality, simulation settings, versions and
        checksums, and the check of the evaluator's text against the figures."""
        if not sections.applies(self.kind, "appendix"):
            return
        blocks = sections.appendix.blocks(self)
        # the check belongs with the data-quality notes, before "about this report" (the footer) ends it
        at = len(blocks) - len(sections.footer.blocks(self))
        self._show_blocks(blocks[:at] + sections.evaluator.check_blocks(self) + blocks[at:])

    def all_sections(self) -> None:
        """Every section in report order (for exploration; the report notebook calls them one by one)."""
        ev = self.evaluator_section
        for f in (self.title, self.summary, self.facts, lambda: ev("background"), lambda: ev("implementation"),
                  self.goal_section, self.survey_section, self.participants_section, self.outcome_section, self.time_section,
                  self.payments_section, self.budget_section, self.costbenefit_section, lambda: ev("analysis"),
                  lambda: ev("lessons"), lambda: ev("recommendations"), self.appendix):
            f()

    # --- exports ----------------------------------------------------------------------
    def _summary_words(self) -> dict:
        """The cost-benefit summary's figures by name, its definition and sources in the report's words."""
        s = self.cba.summary
        out = {**s.as_dict(), "success_definition": success_definition_text(
            s.success_definition, self.lang, timed=timed_words(self.params, self.lang), moved=self.moved_on)}
        for said in ("other_support", "unknown_support", "no_fs_at_start", "level_above_own"):  # (sentences, not figures)
            del out[said]
        if s.deadweight_source == "comparison":  # (the verdict page 1 and the cost-benefit section give it)
            out["comparison_unreliable"] = sections.summary.comparison_unreliable(self)
        if s.level_source is None:  # (a row only where the level a requirement is counted at has a source)
            del out["level_source"]
        else:
            out["level_source"] = note_text(s.level_source, self.lang)
        return out

    def _budget_table(self) -> pd.DataFrame:
        """The budget lines as the budget section shows them: an application is judged on its budget, so
        actual amounts booked since (the same budget file may carry them) are left out, as in its table."""
        costs = self.cba.costs
        if self.kind != "ansökan" or costs is None:
            return costs
        return costs.drop(columns=[c for c in (S.ACTUAL, "difference", "used_pct") if c in costs.columns])

    def _goal_note(self, row) -> str:
        """A goal period's note in the workbook, with the group a goal set for a group counts (the goal table's
        note) and the goal section's word that a goal about the situation after exit is counted at exit (the
        same words as page 1)."""
        note = goal_note(row.note, self.lang, self.k, getattr(row, "counts", "persons"))
        counts = self.survey.goal(row.goal_id) if getattr(row, "mode", None) == "survey" else None
        if counts is not None and not bool(row.too_few) and pd.notna(row.value):
            # a survey goal's response rate, of the persons behind its figure, as page 1 and the goal section say it
            said = sections.survey.response_words(self, counts)
            note = f"{note}; {said}" if note else said
        # a goal set for a group names it on each of its rows, as the goal table's note does
        group = group_words(self, row.goal_id)
        if group:
            said = self.msg("goals.among_row", group=group)
            note = f"{note}; {said}" if note else said
        # a share goal with a time limit says it on each of its rows, in the words page 1 and the goal table's note use
        limit = next((g.within_months for g in self.params.goals if g.id == row.goal_id), None)
        if limit is not None:
            said = time_limit_words(limit, self.lang)
            note = f"{note}; {said}" if note else said
        words = after_exit_words(row.label) if row.goal_id in after_exit_goals(self.params) else None
        if not words:
            return note
        said = self.msg("summary.goal_after_exit", words=words)
        return f"{note}; {said}" if note else said

    def key_tables(self) -> dict[str, pd.DataFrame]:
        """The tables published with the report (suppressed where they count persons)."""
        goals = self.goals.table  # the period and its note in the report's words, as the goal table shows them
        since = answered_since(self.params)  # (a survey goal read on one round names it, not the whole period)
        goals = goals.assign(period_label=[period_label(row, self.lang, since.get(row.goal_id))
                                           for row in goals.itertuples(index=False)],
                             note=[self._goal_note(row) for row in goals.itertuples(index=False)]) if len(goals) else goals
        out = {"mal": goals.drop(columns=["period_first", "period_last", "observed_last"]),
               "budget": self._budget_table(),
               "kostnad_nytta": pd.DataFrame([applicable_key_figures(self.cba, self._summary_words())]),
               "aktorer": sections.costbenefit.with_exit_range(
                   self.cba.table.assign(note=[note_text(n, self.lang) for n in self.cba.table["note"]]),
                   self.cba.summary.exit_range),
               "antaganden": (used := applicable_assumptions(self.cba, sections.summary.comparison_unreliable(self))).assign(
                   source=[note_text(n, self.lang) for n in used["source"]])}
        if self.cba.register is not None and self.cba.register.effects:  # (measured rows: the ledger marks them)
            out["floden"] = self.cba.ledger
            out["registereffekt"] = register_frame(self.cba.register)
        if self.cba.sensitivity is not None and len(self.cba.sensitivity):  # (no empty sheet)
            out["kanslighet"] = self.cba.sensitivity
        if self.project.has_participants:
            # the breakdowns' variables, categories and groups named in the report's words beside their codes
            out.update({"deltagare": labelled(self.composition.table, self.lang),
                        # (the groups the report's table shows: one object, in the report and the workbook)
                        "utfall_per_grupp": labelled(sections.outcomes.shown_rate_rows(self.rates.table), self.lang),
                        "tid_i_projekt": with_group_labels(self.survival, self.lang)})
            if len(self.model.table):  # (the outcome section's table of odds ratios: the terms it shows)
                out["utfall_oddskvoter"] = odds_ratio_frame(self.model, self.lang)
        if sections.survey.has_survey(self):  # (hidden groups and free text are not in it)
            out["enkater"] = sections.survey.workbook_frame(self)
        if not self.payments.table.empty:
            out["forsorjningsstod"] = sections.payments.withheld_units(self.payments.table, self.project)
            if self.payments.did is not None:  # the DiD and its placebo, each with its main interval and which it is
                out["forsorjningsstod_effekt"] = did_table(self.payments, self.staggered, self.weighting)
                if payment_units_hidden(self.project, self.payments.did.n_treated_clusters):  # (as the sentences)
                    effect = out["forsorjningsstod_effekt"].astype({"n_clusters": object, "n_treated_clusters": object})
                    effect.loc[:, ["n_clusters", "n_treated_clusters"]] = SECONDARY
                    out["forsorjningsstod_effekt"] = effect
                if (months := sections.payments.shown_event_study(self.payments)) is not None:
                    out["forsorjningsstod_manad"] = months  # (the section's month-by-month table, every month)
            out["forsorjningsstod_faser"] = sections.payments.withheld_units(payment_phases(self.project), self.project)
        return out


def did_table(payments, staggered=None, weighting=None) -> pd.DataFrame:
    """The DiD estimate and the placebo, one row each: the main interval (``ci_method`` says which)
    beside the t(G − 1) interval and, below the few-clusters threshold, the wild bootstrap one. The DiD's
    row says whether it is unreliable, as the report says it: the placebo before the start rejected zero.

    The payments section's robustness rows follow, the same object as the main estimate (per household
    and month over the same months): the heterogeneity-robust (Sun–Abraham) estimate and, where the
    params ask for it, the weighted comparison group, each with its t(G − 1) interval. They rest on the
    same comparison, so each is as unreliable as the DiD's row."""
    rows = []
    doubtful = bool(payments.parallel_trends_doubtful)
    for name, d in (("did", payments.did), ("placebo", payments.placebo)):
        if d is not None:
            unreliable = doubtful if name == "did" else None
            rows.append({"estimate": name, "effect": d.effect, "ci_low": d.ci_low, "ci_high": d.ci_high,
                         "unreliable": unreliable,
                         "ci_method": d.ci_method.value, "p_value": d.p_value, "wild_p_value": d.wild_p_value,
                         "t_ci_low": d.t_ci_low, "t_ci_high": d.t_ci_high, "wild_ci_low": d.wild_ci_low,
                         "wild_ci_high": d.wild_ci_high, "n_clusters": d.n_clusters,
                         "n_treated_clusters": d.n_treated_clusters})
    if payments.did is not None:
        for name, e in (("staggered", staggered), ("weighted", weighting)):
            if e is not None:
                rows.append({"estimate": name, "effect": e.effect, "ci_low": e.ci_low, "ci_high": e.ci_high,
                             "unreliable": doubtful, "ci_method": "cluster_t", "p_value": e.p_value,
                             "t_ci_low": e.ci_low, "t_ci_high": e.ci_high})
    return pd.DataFrame(rows)


def setup_notebook() -> None:
    """Set a notebook up for evaltools' charts and tables: PNG charts at the figures' 150 dpi, and
    tables of text shown whole.

    Charts are sharp in print and quick to lay out (SVG charts took WeasyPrint several seconds
    per report). A table of text (``et.whatif.key_figures(...)``, ``result.display()``) shows each
    cell whole: pandas otherwise cuts a cell at 50 characters ("Nettonuvärde för de offentliga
    finansiärerna (..."), which cut off what a figure is. Call it once at the top of a notebook;
    outside IPython only the tables' setting is made.

    Returns
    -------
    None

    Examples
    --------
    >>> import evaltools as et
    >>> et.setup_notebook()
    """
    pd.set_option("display.max_colwidth", None)  # a label or a value with its note is read whole
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
        set_matplotlib_formats("png")
    except ImportError:  # outside IPython there is nothing to set
        pass
