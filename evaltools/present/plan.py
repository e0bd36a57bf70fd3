"""The analysis plan: what the evaluation will measure and how, written down before the data come in.

``evaltools new`` writes ``params/text/<project-id>.plan.<lang>.md`` beside the evaluator's text: the
goals of the new params file, the outcome definitions, the comparison group, the estimators with
the toolkit's settings, and what counts as success, with every choice the evaluator must make
marked with the params file's placeholder. The evaluator completes it and writes the date it was
settled on its ``Fastställd:``/``Settled:`` line. The final report's appendix cites the plan and that
date when the file is there (:func:`citation`), so a reader can check the results against what was
decided in advance.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping

from ..data import schema as S
from ..data.params import Comparison
from ..data.privacy import find_personnummer
from ..words.formats import fmt_int, fmt_pct
from ..words.labels import code_label, time_limit_words
from ..words.evaluator_text import PLAN_SUFFIX as SUFFIX, plan_path  # (beside the evaluator's text)
from ..words.text import LANGS, join, msg


def _goal_line(goal: Mapping, lang: str) -> str:
    label = goal.get(f"label_{lang}") if lang == "en" else None
    label = label or goal.get("label") or goal.get("id", "")
    target = goal.get("target")
    if target is None:
        return f"- {label}"
    shown = fmt_pct(target, lang, 0) if goal.get("kind") == "share" else fmt_int(target, lang)
    months = goal.get("within_months")
    if isinstance(months, int) and not isinstance(months, bool):
        # (a share goal's time limit, in the words page 1, the goal table and the workbook say it)
        shown += ", " + time_limit_words(months, lang)
    return "- " + msg("evaluator.plan.goal", lang, label=label, target=shown)


def plan_text(title: str, goals: Iterable[Mapping], lang: str = "sv", marker: str = "",
              comparison: Comparison | None = None,
              success_outcomes: tuple[str, ...] = S.LEAVES_SOCIAL_ASSISTANCE) -> str:
    """The analysis plan as Markdown.

    Parameters
    ----------
    title
        The project's title.
    goals
        The params file's goals (mappings with ``label``, ``kind`` and ``target``).
    lang
        ``"sv"`` or ``"en"``.
    marker
        The placeholder that starts every line the evaluator must complete.
    comparison
        The comparison settings the estimators will use (default: the params defaults).
    success_outcomes
        The outcome codes that count as leaving försörjningsstöd.
    """
    c = comparison or Comparison()
    m = marker + " " if marker else ""
    codes = join([code_label(S.OUTCOME, code, lang).lower() for code in success_outcomes], lang)
    goal_lines = [_goal_line(g, lang) for g in goals] or [f"- {m}" + msg("evaluator.plan.goal_missing", lang)]
    out = [f"# {msg('evaluator.plan.heading', lang, title=title)}", "",
           f"<!-- {msg('evaluator.plan.guidance', lang, marker=marker)} -->", "",
           f"{msg('evaluator.plan.settled', lang)} {m}" + msg("evaluator.plan.date", lang), "",
           f"## {msg('evaluator.plan.goals', lang)}", "", *goal_lines, "",
           f"## {msg('evaluator.plan.outcomes', lang)}", "",
           "- " + msg("evaluator.plan.outcome_payments", lang),
           "- " + msg("evaluator.plan.outcome_exit", lang, codes=codes), "",
           f"## {msg('evaluator.plan.comparison', lang)}", "",
           f"- {m}" + msg("evaluator.plan.comparison_who", lang),
           f"- {m}" + msg("evaluator.plan.comparison_size", lang), "",
           f"## {msg('evaluator.plan.estimators', lang)}", "",
           "- " + msg("evaluator.plan.did", lang, before=c.months_before, after=c.months_after,
                      anticipation=c.anticipation_months),
           "- " + msg("evaluator.plan.checks", lang),
           "- " + msg("evaluator.plan.staggered", lang),
           "- " + msg("evaluator.plan.few_households", lang, threshold=c.small_cluster_threshold),
           f"- {m}" + msg("evaluator.plan.mde", lang), "",
           f"## {msg('evaluator.plan.success', lang)}", "",
           "- " + msg("evaluator.plan.success_goals", lang),
           "- " + msg("evaluator.plan.success_effect", lang),
           f"- {m}" + msg("evaluator.plan.success_size", lang), ""]
    return "\n".join(out)


_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def settled_on(text: str) -> dt.date | None:
    """The date on the plan's ``Fastställd:`` (or ``Settled:``) line, if the evaluator has written one."""
    labels = [msg("evaluator.plan.settled", lang) for lang in LANGS]
    for line in text.splitlines():
        if any(line.strip().startswith(label) for label in labels):
            found = _DATE.search(line)
            if found:
                try:
                    return dt.date.fromisoformat(found.group(1))
                except ValueError:
                    return None
    return None


def citation(r) -> str | None:
    """The appendix's sentence citing the project's analysis plan (in the report's language, else
    Swedish), with the date it was settled; ``None`` when there is no plan."""
    source = r.params.source_path
    if source is None:
        return None
    for lang in dict.fromkeys((r.lang, "sv")):
        path = plan_path(source, lang)
        if path.is_file():
            try:
                raw = path.read_bytes()
            except OSError:  # (a plan the report cannot read, locked or without read rights: cited without a date)
                raw = b""
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:  # a plan saved by an older editor, in Windows-1252
                text = raw.decode("cp1252", errors="replace")
            date = settled_on(text)
            when = r.msg("appendix.plan_settled", date=date.isoformat()) if date else r.msg("appendix.plan_undated")
            title = plan_title(text)
            return r.msg("appendix.plan_text", plan=r.msg("appendix.plan_titled", title=title, when=when) if title
                         else when)
    return None


# (a heading's characters that show nothing or turn the text's direction, U+200B, U+202E, hiding what it says or a
# personnummer split by them from the check; a web or e-mail address, which a PDF reader makes a link: never shown)
_UNSHOWN = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"})
_ADDRESS = re.compile(r"://|\bwww\.|@|\bmailto:", re.I)


# a first-level heading as Markdown (CommonMark) reads one: up to three spaces, one '#', then a space or a tab (or
# nothing: an empty heading); a closing run of '#' after a space is no part of it
_HEADING = re.compile(r"^ {0,3}#(?:[ \t]+(.*))?$")
_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")


def plan_title(text: str) -> str | None:
    """The plan's own heading (its first ``# `` line, or ``#`` and a tab, as Markdown reads a heading), by which a reader finds it among the evaluation's papers;
    ``None`` where there is none, or where it holds markup or what may be a personnummer (never shown)."""
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading is not None:
            title = " ".join(_CLOSING.sub("", heading.group(1) or "").split()).strip("# ")
            if not title or len(title) > 120 or any(c in title for c in "<>[]`*_") or find_personnummer(title) \
                    or any(unicodedata.category(c) in _UNSHOWN for c in title) or _ADDRESS.search(title):
                return None
            return title
    return None


__all__ = ["SUFFIX", "citation", "plan_path", "plan_text", "plan_title", "settled_on"]
