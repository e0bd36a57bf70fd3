"""The sections of an evaluation report, one module each.

Every module but ``title`` has ``blocks(report) -> list[list]``: the section's parts (``Text``, ``Table``,
figures, HTML) grouped in blocks that print together, built from the results the
:class:`~evaltools.report.Report` computed once. Decisions about *which* statement applies are
small functions in the module; the words come from the report's catalog (``report.msg``), the
numbers from :mod:`evaltools.formats`.
"""
from __future__ import annotations

from . import (budget, costbenefit, facts, footer, goals, method, outcomes, participants, payments, quality, summary,
               time_in_project, title)

__all__ = ["budget", "costbenefit", "facts", "footer", "goals", "method", "outcomes", "participants", "payments",
           "quality", "summary", "time_in_project", "title"]
