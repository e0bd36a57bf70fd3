"""evaltools: evaluation toolkit for Samordningsförbund (Finsam) projects.

Load a project by its id with :func:`load_project` (``et.load_project("kompassen-demo")``), then
assess goals (:func:`assess_goals`), compare cohorts (:func:`outcome_rates`, :func:`time_to_exit`,
...), compare payments with a comparison group (:func:`compare_payments`) and run the
cost-benefit analysis (:func:`cost_benefit`). Every result shows itself in a notebook as the
report would (its language, formats and suppression); ``.raw`` holds the unsuppressed numbers for
exploration only. ``project.with_params(...)`` varies assumptions and goals without touching the
params file, and :mod:`evaltools.present.whatif` has an interactive what-if panel for the cost-benefit.
``evaltools render`` turns it all into HTML and PDF reports; :class:`Report` is what the report
notebook calls.

The analysis modules are imported on first use, so ``import evaltools`` (and the command line)
starts quickly.
"""
from __future__ import annotations

import functools
import importlib

from ._version import __version__
from .data.errors import DataValidationError, EvaltoolsError, ParamsError, PersonalIdentityNumberError, ReportError

_LAZY = {
    "ProjectParams": "data.params", "load_params": "data.params",
    "Project": "data.project", "load_project": "data.project",
    "assess_goals": "analysis.goals",
    "composition": "analysis.cohorts", "flows": "analysis.cohorts", "outcome_rates": "analysis.cohorts",
    "success_model": "analysis.cohorts", "time_to_exit": "analysis.cohorts",
    "compare_payments": "analysis.comparison",
    "cost_benefit": "analysis.costbenefit", "costs": "analysis.costbenefit",
    "Portfolio": "present.portfolio",
    "Report": "present.report", "setup_notebook": "present.report", "chart_data": "present.results",
    "export_report": "publish.workbook", "export_portfolio": "publish.workbook",
}
# modules an evaluator reaches as ``et.<name>`` (``et.whatif.panel(project)``, ``et.plots.plot_payments``)
_SUBMODULES = {"paths": "data.paths", "privacy": "data.privacy", "reference": "data.reference", "schema": "data.schema",
               "synthetic": "data.synthetic", "labels": "words.labels", "plots": "present.plots",
               "whatif": "present.whatif", "render": "publish.render"}

__all__ = [
    "DataValidationError",
    "EvaltoolsError",
    "ParamsError",
    "PersonalIdentityNumberError",
    "Portfolio",
    "Project",
    "ProjectParams",
    "Report",
    "ReportError",
    "__version__",
    "assess_goals",
    "chart_data",
    "compare_payments",
    "composition",
    "cost_benefit",
    "costs",
    "export_portfolio",
    "export_report",
    "flows",
    "load_params",
    "load_project",
    "outcome_rates",
    "setup_notebook",
    "success_model",
    "time_to_exit",
]


# analyses whose results display in their project's language and say when settings were changed
_CONTEXTUAL = {"assess_goals", "composition", "flows", "outcome_rates", "success_model", "time_to_exit",
               "compare_payments", "cost_benefit", "costs"}


# a project shows itself in a notebook through the presentation layer (the data layer makes no HTML)
_DISPLAYED = {"load_project", "Project"}


# functions of a report that a notebook may give the project itself: ``et.export_report(project, "tabeller")``
_OF_A_REPORT = {"export_report"}


def _of_a_report(fn):
    """``fn``, whose first argument is a :class:`Report`, also taking a project, its id or its params file
    (the report is made from it first), as every other function of the package does."""
    @functools.wraps(fn)
    def wrapper(report, *args, **kwargs):
        from .present.report import Report  # lazy: `import evaltools` stays quick
        return fn(report if isinstance(report, Report) else Report(report), *args, **kwargs)

    wrapper.__doc__ = (fn.__doc__ or "") + """
    In a notebook the first argument may also be the project (``et.export_report(project, "tabeller")``),
    its id or its params file: its report is made first. A project changed with ``with_params`` is
    exported with its changed settings, and the files do not say that they differ from the params
    file's: such tables are for your own use, not for publishing as the report's.
    """
    return wrapper


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        if name in _CONTEXTUAL:
            from .present.results import contextual  # lazy: `import evaltools` stays quick
            value = contextual(value)
        elif name in _OF_A_REPORT:
            value = _of_a_report(value)
        elif name in _DISPLAYED:
            from .present import results  # noqa: F401  lazy: `import evaltools` stays quick; registers the display
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{_SUBMODULES[name]}", __name__)
    raise AttributeError(f"module 'evaltools' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(_SUBMODULES))
