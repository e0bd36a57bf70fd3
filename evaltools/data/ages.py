"""Ages written as groups, as a follow-up system reports them or an application states its target group ('20–24',
'25-29 år', '65 år och äldre', '65+', '-19'): their bounds and the label the report gives them. One definition for the
participants file (:mod:`evaltools.data.validation`), the params file's ``expected.age_group`` and the cost-benefit's
middle of a group (:func:`evaltools.analysis.costbenefit.model.group_middles`)."""
from __future__ import annotations

import re

# An age written as a group, as a follow-up system reports it ('20–24', '25-29 år', '65 år och äldre', '65+',
# '-19'): the lowest and highest age of the group (200 for a group without an upper end)
_AGE_RANGE = re.compile(r"(\d{1,3})\s*[–—-]\s*(\d{1,3})")
_AGE_FROM = re.compile(r"(\d{1,3})\s*(?:\+|och äldre|or older|and over|[–—-])")
_AGE_UNDER = re.compile(r"(?:[–—-]|under|upp till|up to)\s*(\d{1,3})")


AGE_OPEN_END = 200  # the highest age of an open group ('65 år och äldre', '65+')


def age_group_bounds(text: str) -> tuple[int, int] | None:
    """The lowest and highest age of an age group as written (``'25-29 år'`` → (25, 29)), or None when the
    text is no group (a plain age is not one).

    Examples
    --------
    >>> age_group_bounds("20–24"), age_group_bounds("25-29 år"), age_group_bounds("65 år och äldre")
    ((20, 24), (25, 29), (65, 200))
    >>> age_group_bounds("-19"), age_group_bounds("34")
    ((0, 19), None)
    """
    v = re.sub(r"\s*\bår\b\s*", " ", str(text).casefold()).strip()
    if (m := _AGE_RANGE.fullmatch(v)) and int(m.group(1)) <= int(m.group(2)):
        return int(m.group(1)), int(m.group(2))
    if m := _AGE_FROM.fullmatch(v):
        return int(m.group(1)), AGE_OPEN_END
    if m := _AGE_UNDER.fullmatch(v):
        return 0, int(m.group(1)) - (1 if v.startswith("under") else 0)  # ('under 20' is up to 19)
    return None


def group_label(lo: int, hi: int) -> str:
    """An age group's label as the report shows it: ``'60–64'``, or ``'65+'`` for an open group."""
    return f"{lo}+" if hi >= AGE_OPEN_END else f"{lo}–{hi}"
