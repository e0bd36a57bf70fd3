"""How much page 1 says: its answer to "did the project reach its goals?" at several lengths.

An application may set many goals. Page 1 answers the board's three questions on one page, so the
report carries its goal answer at each length of :data:`LENGTHS`, longest first, and the PDF is
printed with the longest that keeps page 1 on one page, or the shortest where none does
(:func:`evaltools.publish.render.print_report`);
the HTML page, the Word document and the PDF then say the same words. A page shown as it is (in
JupyterLab) shows the longest; the others are there, hidden.

The lengths say the same verdicts; the shorter ones say fewer of the figures, which stay in the goal
section:

``full``
    every goal with its verdict and the figures behind it;
``short``
    the application's qualitative goals (two or more) in one sentence, with how many the evaluator
    judged each way;
``shortest``
    that, and the measurable goals with their verdicts only;
``fewest``
    that, with the measurable goals (two or more, some judged) in one sentence too, counted by their
    verdicts as the goal section gives them, each count with its verb ("Tre av de åtta mätbara målen
    uppnåddes, två uppnåddes delvis och tre uppnåddes inte.").
"""
from __future__ import annotations

import re

LENGTHS = ("full", "short", "shortest", "fewest")
# the id of page 1's last line: page 1 holds on one page when this line is printed on it
PAGE_ONE_END = "et-page-one-end"

_MARKED = re.compile(r"<!--et-length (\w+)-->(.*?)<!--/et-length-->", re.S)
# (the page as exported writes the attribute ``hidden=""``)
_HIDDEN = re.compile(r"\A<div hidden(?:=\"\"|='')?>(.*)</div>\Z", re.S)


def at_lengths(versions: list[tuple[str, str]]) -> str:
    """One HTML fragment holding ``versions`` ((length, html) pairs, longest first): the first shown, the
    others hidden, each marked so that :func:`at_length` can keep one."""
    out = []
    for i, (length, fragment) in enumerate(versions):
        if length not in LENGTHS:
            raise ValueError(f"unknown page-1 length {length!r}; expected one of {LENGTHS}")
        shown = fragment if i == 0 else f"<div hidden>{fragment}</div>"
        out.append(f"<!--et-length {length}-->{shown}<!--/et-length-->")
    return "".join(out)


def lengths(page: str) -> list[str]:
    """The lengths a page is marked with, longest first; empty for a page without any."""
    found = {m.group(1) for m in _MARKED.finditer(page)}
    return [n for n in LENGTHS if n in found]


def at_length(page: str, length: str) -> str:
    """``page`` with only the parts marked ``length`` kept (shown) and the other lengths removed."""
    def keep(m: re.Match) -> str:
        if m.group(1) != length:
            return ""
        hidden = _HIDDEN.match(m.group(2))
        return hidden.group(1) if hidden else m.group(2)
    return _MARKED.sub(keep, page)
