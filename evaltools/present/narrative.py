"""Checks of the evaluator's own text against the report's figures: a claim the figures contradict ("the
project pays off" with a negative net present value), and a number typed in the text that matches no figure.

Reading the text (its parts, headings, Markdown and citations, and whether a report is a draft) is in
:mod:`evaltools.words.evaluator_text`, which imports no statistics; its names are available here too.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..analysis.goals import GoalVerdict
from ..data.paths import PACKAGE_DIR
from ..words.evaluator_text import (  # (where the text is read; named here as before)
    TEXT_DIR as TEXT_DIR,
    MAX_BYTES as MAX_BYTES,
    HEADING_KEYS as HEADING_KEYS,
    KEYS as KEYS,
    GUIDANCE_KEYS as GUIDANCE_KEYS,
    heading as heading,
    CITATION as CITATION,
    _COMMENT,
    markdown_escape as markdown_escape,
    NarrativeError as NarrativeError,
    text_path as text_path,
    _heading_key as _heading_key,
    to_html as to_html,
    Narrative as Narrative,
    MAX_PNR_PROBLEMS as MAX_PNR_PROBLEMS,
    personnummer_problems as personnummer_problems,
    parse as parse,
    read as read,
    load as load,
    skeleton as skeleton,
    fold as fold,
    has_assessment as has_assessment,
    draft as draft,
    is_draft as is_draft,
)
from .figures import Figure, Unit


# --- checks of the text against the report's figures ------------------------------------------
CLAIMS_FILE = PACKAGE_DIR / "data" / "text_claims.csv"


@lru_cache(maxsize=2)
def claim_patterns(lang: str) -> dict[str, list[re.Pattern]]:
    """The phrases of ``lang`` that claim something, by kind (``pays_off``, ``goals_reached``,
    ``negation``, ``perspective:<perspective>``), from ``evaltools/data/text_claims.csv``."""
    out: dict[str, list[re.Pattern]] = {}
    with CLAIMS_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["lang"] == lang:
                # (a space in a phrase stands for any white space: the text wraps its lines anywhere)
                out.setdefault(row["kind"], []).append(re.compile(row["pattern"].replace(" ", r"\s+"), re.I))
    return out


@dataclass(frozen=True)
class TextNote:
    """One thing the check found in the evaluator's text.

    ``kind`` is ``number`` (a number typed in the text that is no figure of the report),
    ``pays_off`` (the text says the project pays off; the figures say otherwise), ``goals``
    (the text says the goals were reached; fewer than half were) or ``goal`` (the text says one goal was
    reached, reached in part or not reached; the goal table says otherwise). ``found`` is the text as typed;
    ``figures`` names the figures the note rests on (for a number: the nearest ones, as suggestions);
    ``goal`` the goal a ``goal`` note is about.
    """

    kind: str
    source: Path | None
    line: int
    found: str
    figures: tuple[str, ...] = ()
    goal: str | None = None

    @property
    def contradiction(self) -> bool:
        return self.kind in ("pays_off", "goals", "goal")


_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_LINK = re.compile(r"\]\([^)]*\)|<[a-z]+:[^>]*>|https?://\S+", re.I)
_LIST_MARKER = re.compile(r"^([ \t]*)\d{1,9}[.)](?=\s)", re.M)
_NUMBER = {
    "sv": re.compile(r"(?<![\w.,−-])(?P<sign>[−-])?(?P<int>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:,(?P<dec>\d+))?"),
    "en": re.compile(r"(?<![\w.,−-])(?P<sign>[−-])?(?:SEK[ \u00a0]?)?(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(?P<dec>\d+))?"),
}
_AFTER = re.compile(r"[ \u00a0\u202f\n]?(?P<scale>(?:miljoner|miljon|miljarder|miljard|million|billion|mnkr|mkr|tkr|M|m)(?!\w))?"
                    r"[ \u00a0\u202f\n]?(?P<unit>(?:kronor|kr|SEK|%|procentenheter|procent|percentage points|percent|per cent)(?!\w))?"
                    r"(?P<word>[ \u00a0\u202f\n]*[^\W\d]\w*)?", re.I)
_SCALES = {"miljon": 1e6, "miljoner": 1e6, "million": 1e6, "m": 1e6, "mnkr": 1e6, "mkr": 1e6,
           "miljard": 1e9, "miljarder": 1e9, "billion": 1e9, "tkr": 1e3}
# a number right after one of these words is an ordinal or a reference, not a figure ("år 2", "avsnitt 3")
_REFERENCE_BEFORE = re.compile(r"(?:\b(?:år|steg|fas|kapitel|avsnitt|sida|bilaga|punkt|nr|year|step|phase|chapter|"
                               r"section|page|appendix|point|no)\.?|§)[ \u00a0]*$", re.I)
# a number before one of these is a duration or a time, not a figure of the report
_DURATION = re.compile(r"^(år|månad|månader|månaders|veckor|vecka|dagar|dag|timmar|timme|years?|months?|weeks?|days?|"
                       r"hours?)$", re.I)


@dataclass(frozen=True)
class TypedNumber:
    """A number as the evaluator typed it: where, what, its value and what kind of figure it can be."""

    line: int
    text: str
    value: float
    kind: str  # "kr", "share" or "count"
    tolerance: float  # half a unit of the last digit typed (an amount rounded in a sentence: of its last non-zero digit)


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def typed_numbers(n: Narrative) -> list[TypedNumber]:
    """Every number typed in the text that states a figure: amounts, percentages and counts.

    Not counted: citations, dates, years (1900–2100 without a unit), list numbers, numbers in
    links, ordinals and references ("år 2", "avsnitt 3"), durations ("3 år", "8 månader") and
    numbers written in words.
    """
    out = []
    pattern = _NUMBER.get(n.lang, _NUMBER["sv"])
    for key, src in n.parts.items():
        text = src
        for rx in (CITATION, _DATE, _LINK, _LIST_MARKER, _COMMENT):
            text = rx.sub(_blank, text)
        for m in pattern.finditer(text):
            after = _AFTER.match(text, m.end())
            scale_word = (after.group("scale") or "") if after else ""
            unit = (after.group("unit") or "").lower() if after else ""
            word = (after.group("word") or "").strip() if after else ""
            if scale_word in ("M", "m") and not unit:  # "5 m" is metres; "5 M kr" is millions
                scale_word = ""
            digits = re.sub(r"\D", "", m.group("int"))
            dec = m.group("dec") or ""
            value = float(digits + ("." + dec if dec else ""))
            if m.group("sign"):
                value = -value
            stop = max(m.end(), after.end("scale"), after.end("unit")) if after else m.end()
            shown = " ".join(text[m.start():stop].split())
            line = n.line_of(key, m.start())
            if unit.startswith(("procentenheter", "percentage")):
                continue  # a difference between two shares, not a figure of the report
            if unit in ("%", "procent", "percent", "per cent"):
                place = 10.0 ** -len(dec) if dec else 1.0
                out.append(TypedNumber(line, shown, value / 100, "share", place / 200))
                continue
            if unit in ("kr", "kronor", "sek") or "SEK" in m.group(0) or scale_word:
                scale = _SCALES.get(scale_word.lower(), 1.0) if scale_word else 1.0
                if dec or scale_word:  # "1,1 miljoner": rounded to its last digit
                    place = 10.0 ** -len(dec) if dec else 1.0
                else:  # "24 000 kr": rounded to its last non-zero digit
                    place = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.rstrip("0") else 1.0
                out.append(TypedNumber(line, shown, value * scale, "kr", place * scale / 2))
                continue
            if dec:
                continue  # a decimal number without a unit: a ratio or a factor, not checked
            before = text[max(0, m.start() - 20):m.start()]
            if _REFERENCE_BEFORE.search(before) or (word and _DURATION.match(word)):
                continue
            if 1900 <= value <= 2100:
                continue  # a year
            shown = " ".join(text[m.start():after.end() if after else m.end()].split())
            out.append(TypedNumber(line, shown, value, "count", 0.5))
    return sorted(out, key=lambda t: t.line)


_KINDS = {"kr": (Unit.KR, Unit.KR_PER_MONTH), "share": (Unit.SHARE, Unit.PROBABILITY),
          "count": (Unit.COUNT, Unit.YEARS)}


def _matches(t: TypedNumber, f: Figure) -> bool:
    if f.unit not in _KINDS[t.kind]:
        return False
    tol = t.tolerance + 1e-9 * max(1.0, abs(f.value))
    if t.kind == "kr":  # ("minskade med 2 000 kr" states a negative effect without its sign)
        return abs(abs(t.value) - abs(f.value)) <= tol
    if f.unit == Unit.PROBABILITY and (f.value > 0.99 or f.value < 0.01):  # said as "> 99 %" / "< 1 %"
        return abs(t.value - min(max(f.value, 0.01), 0.99)) <= tol
    return abs(t.value - f.value) <= tol


def unmatched_numbers(n: Narrative, figures: Mapping[str, Figure]) -> list[TextNote]:
    """The numbers typed in the text that match no figure of the report within the rounding they
    are typed with, each with the nearest figures of the same kind as suggestions."""
    out = []
    for t in typed_numbers(n):
        if any(_matches(t, f) for f in figures.values()):
            continue
        same = [f for f in figures.values() if f.unit in _KINDS[t.kind]]
        near = sorted(same, key=lambda f: (abs(abs(f.value) - abs(t.value)) / max(abs(t.value), 1e-9), f.name))
        out.append(TextNote("number", n.source, t.line, t.text, tuple(f.name for f in near[:2])))
    return out


def _sentences(src: str):
    """(start, end) of each sentence of a part: ended by . ! ? before a space, or a blank line."""
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+|\n\s*\n", src):
        yield start, m.start()
        start = m.end()
    yield start, len(src)


def _negated(sentence: str, start: int, end: int, negations: list[re.Pattern]) -> bool:
    """Whether a negation stands among the six words before the claim or the two after it."""
    before = " ".join(sentence[:start].split()[-6:])  # (the words joined by single spaces)
    after = " ".join(sentence[end:].split()[:2])
    return any(rx.search(before) or rx.search(after) for rx in negations)


def contradictions(n: Narrative, figures: Mapping[str, Figure]) -> list[TextNote]:
    """Claims in the text that the report's figures contradict.

    * The text says the project pays off (``pays_off`` phrases) while the net present value of the
      perspective the sentence names, or else of the lead perspective, is negative or its simulated
      probability of a positive value is below one half.
    * The text says the goals were reached (``goals_reached`` phrases) while fewer than half of the
      application's assessed goals were reached.

    A claim with a negation close to it ("är inte lönsamt") is not a claim.
    """
    pats = claim_patterns(n.lang)
    neg = pats.get("negation", [])
    persp = {k.split(":", 1)[1]: v for k, v in pats.items() if k.startswith("perspective:")}
    out: list[tuple[int, int, TextNote]] = []  # (part, offset, note): in reading order
    key_order = {k: i for i, k in enumerate(n.parts)}
    for key, src in n.parts.items():
        # a citation stands for a figure: no phrase runs across it ("reached {{ n }} of its goals")
        text = CITATION.sub(lambda m: "#" * len(m.group(0)), src)
        for s0, s1 in _sentences(text):
            sentence = text[s0:s1]
            for kind in ("pays_off", "goals_reached"):
                for rx in pats.get(kind, []):
                    m = rx.search(sentence)
                    if not m or _negated(sentence, m.start(), m.end(), neg):
                        continue
                    line = n.line_of(key, s0 + m.start())
                    note = (_pays_off_note if kind == "pays_off" else _goals_note)(
                        n, line, " ".join(m.group(0).split()), figures, sentence, persp, m.start())
                    if note:
                        out.append((key_order[key], s0 + m.start(), note))
                    break
    return [note for *_pos, note in sorted(out, key=lambda x: x[:2])]


def _pays_off_note(n, line, found, figures, sentence, persp, at=0) -> TextNote | None:
    """A note when the perspective the claim is about (the one named nearest to it in the sentence,
    else the lead perspective) has a negative net present value or a probability below one half."""
    named = [(abs(m.start() - at), p) for p, rxs in persp.items() for rx in rxs for m in rx.finditer(sentence)]
    p = fold(min(named)[1]) if named else None
    suffix = f"_{p}" if p else ""
    npv, prob = figures.get("nettonuvarde" + suffix), figures.get("sannolikhet_lonsamt" + suffix)
    if npv is None:
        return None
    if npv.value < 0 or (prob is not None and prob.value < 0.5):
        return TextNote("pays_off", n.source, line, found, tuple(f.name for f in (npv, prob) if f is not None))
    return None


def _goals_note(n, line, found, figures, sentence, persp, at=0) -> TextNote | None:
    reached, assessed = figures.get("mal_uppnadda"), figures.get("mal_bedomda")
    if reached is None or assessed is None or not assessed.value:
        return None
    if reached.value / assessed.value < 0.5:
        return TextNote("goals", n.source, line, found, ("mal_uppnadda", "mal_bedomda"))
    return None


# what the text says of one goal, and the goal table's verdicts that contradict it (a verdict that judges nothing
# yet, not assessed, running or context, is contradicted by nothing)
_V = GoalVerdict
_CONTRADICTED_BY: dict[str, tuple[GoalVerdict, ...]] = {
    # "reached", plainly: a share whose interval spans its target is not simply reached
    "reached": (_V.REACHED_UNCERTAIN, _V.PARTLY, _V.PARTLY_UNCERTAIN, _V.NOT_REACHED, _V.NOT_REACHED_UNCERTAIN,
                _V.VOLUMES_PARTLY, _V.VOLUMES_SHORT),
    "reached_uncertain": (_V.PARTLY, _V.NOT_REACHED, _V.VOLUMES_SHORT),
    "partly": (_V.REACHED, _V.REACHED_UNCERTAIN, _V.NOT_REACHED, _V.NOT_REACHED_UNCERTAIN, _V.VOLUMES_REACH,
               _V.VOLUMES_SHORT),
    "not_reached": (_V.REACHED, _V.REACHED_UNCERTAIN, _V.VOLUMES_REACH),
}


def _goal_places(sentence: str, goals: Mapping[str, tuple[str, GoalVerdict]]) -> list[tuple[int, str]]:
    """(offset, goal id) of each place in ``sentence`` that names a goal: a citation of one of its figures
    ({{ mal_<id>_ar1 }}, {{ malvarde_<id> }}), its label as the report shows it, or its id in words right after
    "målet"/"mål"/"goal" ("målet om egen försörjning")."""
    out = []
    for gid, (label, _verdict) in goals.items():
        g = fold(gid)
        for m in CITATION.finditer(sentence):
            name = fold(m.group(1))
            if name in (f"mal_{g}", f"malvarde_{g}") or name.startswith(f"mal_{g}_"):
                out.append((m.start(), gid))
        if label.strip():
            words = r"\s+".join(re.escape(w) for w in label.split())
            out += [(m.start(), gid) for m in re.finditer(words, sentence, re.I)]
        id_words = r"[\s_-]+".join(re.escape(w) for w in re.split(r"[\s_-]+", gid.strip()) if w)
        if id_words:
            rx = re.compile(r"\b(?:målet|mål|goal|target)\b(?:\W+\w+){0,3}?\W+(" + id_words + r")\b", re.I)
            out += [(m.start(1), gid) for m in rx.finditer(sentence)]
    return out


_CLAUSE = re.compile(r"[,;:–—]|\s(?:men|but)\s")


def _reached_said(text: str, m: re.Match, neg: list[re.Pattern], unsure: list[re.Pattern]) -> str:
    """What "reached" (``m``) in ``text`` says: "not_reached" with a negation right after it ("nåddes inte"),
    "reached_uncertain" with a word of uncertainty in its clause or the next ("nåddes, om än inom felmarginalen"),
    "not_reached" with a negation just before it, else "reached"."""
    after = " ".join(text[m.end():].split()[:2])
    if any(rx.search(after) for rx in neg):
        return "not_reached"
    bounds = [0, *(b.end() for b in _CLAUSE.finditer(text)), len(text)]
    i = max(j for j, b in enumerate(bounds[:-1]) if b <= m.start())
    if any(rx.search(text[bounds[i]:bounds[min(i + 2, len(bounds) - 1)]]) for rx in unsure):
        return "reached_uncertain"
    return "not_reached" if _negated(text[bounds[i]:], m.start() - bounds[i], m.end() - bounds[i], neg) else "reached"


def goal_claims(n: Narrative, goals: Mapping[str, tuple[str, GoalVerdict]]) -> list[TextNote]:
    """Sentences that say one goal was reached, reached in part or not reached, where the goal table's verdict of
    the goal the sentence names (nearest the claim) says otherwise: "nåddes delvis" beside a goal the table calls
    reached but uncertain, "uppnåddes" beside one it calls not reached.

    ``goals`` maps each application goal's id to its label as the report shows it and its verdict. A sentence
    that names no goal is not read as a claim about one (the text's claims about all the goals are
    :func:`contradictions`'s). "Reached" with a negation close to it is a claim that the goal was not reached; with
    a word of uncertainty in the sentence ("men osäkert", "inom felmarginalen"), that it was reached with
    uncertainty.
    """
    pats = claim_patterns(n.lang)
    neg, unsure = pats.get("negation", []), pats.get("goal_uncertain", [])
    out: list[tuple[int, int, TextNote]] = []
    key_order = {k: i for i, k in enumerate(n.parts)}
    for key, src in n.parts.items():
        for s0, s1 in _sentences(src):
            sentence = src[s0:s1]
            places = _goal_places(sentence, goals)
            if not places:
                continue
            # (the figures cited are no words of a claim: "nåddes {{ n }} år av tre" reads as a number of years)
            text = CITATION.sub(lambda m: "1" + " " * (len(m.group(0)) - 1), sentence)
            partly = [m for rx in pats.get("goal_partly", []) for m in rx.finditer(text)]
            reached = [m for rx in pats.get("goal_reached", []) for m in rx.finditer(text)
                       if not any(p.start() <= m.start() < p.end() or m.start() <= p.start() < m.end() for p in partly)]
            for m, said in [(p, "partly") for p in partly] + [(r, "reached") for r in reached]:
                if said == "reached":
                    said = _reached_said(text, m, neg, unsure)
                gid = min(places, key=lambda p: (abs(p[0] - m.start()), p[1]))[1]
                if goals[gid][1] in _CONTRADICTED_BY[said]:
                    note = TextNote("goal", n.source, n.line_of(key, s0 + m.start()), " ".join(m.group(0).split()),
                                    goal=gid)
                    out.append((key_order[key], s0 + m.start(), note))
    return [note for *_pos, note in sorted(out, key=lambda x: x[:2])]


def check(n: Narrative, figures: Mapping[str, Figure],
          goals: Mapping[str, tuple[str, GoalVerdict]] | None = None) -> list[TextNote]:
    """Everything the check finds in the text: contradictions first (of the figures, then of the goal table's
    verdicts, ``goals``: see :func:`goal_claims`), then untied numbers, each by line."""
    return (sorted(contradictions(n, figures) + goal_claims(n, goals or {}), key=lambda x: x.line)
            + unmatched_numbers(n, figures))
