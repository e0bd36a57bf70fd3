"""The sections of an evaluation report, one module each.

Every module but ``title`` and ``evaluator`` has ``blocks(report) -> list[list]``: the section's parts (``Text``, ``Table``,
figures, HTML) grouped in blocks that print together, built from the results the
:class:`~evaltools.present.report.Report` computed once. Decisions about *which* statement applies are
small functions in the module; the words come from the report's catalog (``report.msg``), the
numbers from :mod:`evaltools.words.formats`. ``evaluator.blocks(report, part)`` shows one part of the
evaluator's own text; ``appendix`` gathers method, data quality and footer at the end.

Which sections and page-1 parts a report has follows the project's kind
(:func:`evaltools.data.params.project_kind`), decided in one place: :mod:`.contents`
(:func:`applies` and :func:`summary_applies`).
"""
from __future__ import annotations

from .contents import SECTIONS, applies, left_out, summary_applies
from . import (appendix, budget, costbenefit, evaluator, facts, footer, goals, method, outcomes, participants, payments, quality, summary, survey, time_in_project, title)

__all__ = ["SECTIONS", "appendix", "applies", "budget", "costbenefit", "evaluator", "facts", "footer", "goals", "left_out", "method", "outcomes",
           "participants", "payments", "quality", "summary", "summary_applies", "survey", "time_in_project", "title"]

