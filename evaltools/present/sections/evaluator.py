"""The evaluator's own text: each part of :mod:`evaltools.present.narrative` where it belongs in the report,
the figures it cites, and what the check of the text against the figures found.

The assessment is on page 1 (:mod:`evaltools.present.sections.summary`); the background follows the facts
about the project, the implementation comes before the goals, and the analysis, lessons and
recommendations after the figures. A part the evaluator left out or empty is absent.

A citation ``{{ kostnad_per_deltagare }}`` shows the figure exactly as page 1 shows it
(:func:`figure_text`, with page 1's formatters). The check (:func:`evaltools.present.narrative.check`)
runs with every report and its notes are in the appendix; it never stops a report.
"""
from __future__ import annotations


from ..markup import markup, render
from ..narrative import GUIDANCE_KEYS, HEADING_KEYS
from ..figures import Figure, Unit
from ...words.formats import fmt_int, fmt_kr, fmt_kr_prose, fmt_num, fmt_pct, fmt_probability, number_word
from ..display import Text
from ...words.verdicts import lower_first, verdict_words

# how deep each part's heading sits: the background belongs to "about the project"
LEVELS = {"background": 3}


# counts of goals, which the evaluator's text cites in sentences (up to twelve in words; "mål" is neuter)
GOAL_TALLIES = frozenset({"mal_uppnadda", "mal_bedomda"})


def figure_text(f: Figure, lang: str) -> str:
    """A figure as page 1 shows it: amounts in a sentence rounded as a reader says them ("1,1
    miljoner kronor"), exact amounts per month, shares with one decimal, probabilities in whole
    percent never rounded to a certainty, counts whole."""
    if f.unit in (Unit.KR, Unit.KR_PER_MONTH):
        return fmt_kr_prose(f.value, lang, f.significant, f.places) if f.decimals is None else fmt_kr(f.value, lang, f.decimals)
    if f.unit == Unit.PROBABILITY:
        return fmt_probability(f.value, lang, prose=True)  # ("under 1 %" in running text)
    if f.unit == Unit.SHARE:
        return fmt_pct(f.value, lang, 1 if f.decimals is None else f.decimals)
    if f.unit == Unit.YEARS:
        return fmt_num(f.value, 1 if f.decimals is None else f.decimals, lang)
    if f.name in GOAL_TALLIES:  # said in running text only: "ett av sina fyra mål"
        return number_word(f.value, lang, neuter=True)
    return fmt_int(f.value, lang)


def shown_figures(r) -> dict[str, str]:
    """Every named figure of the report as the report shows it, by name."""
    return {name: figure_text(f, r.lang) for name, f in r.figures.items()}


def part_html(r, key: str) -> str:
    """One part with its heading, as safe HTML; '' when the evaluator wrote nothing for it."""
    n = r.narrative
    if key not in n:
        return ""
    level = LEVELS.get(key, 2)
    return render("evaluator.html.j2", heading=n.heading(key), level=level, css="", lead=[],
                  body=markup(n.html(key, level + 1)), body_css="", lang="")


def write_here_html(r, key: str) -> str:
    """In a draft, the place where part ``key`` would stand, for the Word document: its heading and
    a paragraph that says what to write there (hidden in the HTML and the PDF; see
    :mod:`evaltools.publish.docx`). '' when the report is no draft or the part is written. The
    assessment has no heading of its own here: page 1 already has it."""
    if key in r.narrative or not r.is_draft:
        return ""
    if key == "assessment":
        return render("write_here.html.j2", part=key, heading="", level=3, prompt=r.msg("evaluator.write_here_assessment"))
    return render("write_here.html.j2", part=key, heading=r.msg(HEADING_KEYS[key]), level=LEVELS.get(key, 2),
                  prompt=r.msg("evaluator.write_here", guidance=r.msg(GUIDANCE_KEYS[key])))


def blocks(r, key: str) -> list[list]:
    """The blocks of one part: the evaluator's text, or in a draft the place to write it in Word
    (:func:`write_here_html`), or none."""
    from IPython.display import HTML
    body = part_html(r, key) or write_here_html(r, key)
    return [[HTML(body)]] if body else []


def note_text(r, note) -> str:
    """One finding of the text check in the report's words."""
    msg, lang = r.msg, r.lang
    shown = {name: figure_text(r.figures[name], lang) for name in note.figures if name in r.figures}
    if note.kind == "number":
        if not note.figures:
            return msg("evaluator.check.number_plain", line=str(note.line), number=note.found)
        name = note.figures[0]
        return msg("evaluator.check.number", line=str(note.line), number=note.found, name=name, shown=shown[name])
    if note.kind == "goal":
        tab = r.goals.table
        row = tab[tab["goal_id"] == note.goal].iloc[0]
        return msg("evaluator.check.goal", line=str(note.line), phrase=note.found, goal=str(row["label"]),
                   verdict=lower_first(verdict_words(row["verdict"], lang)))
    if note.kind == "goals":
        return msg("evaluator.check.goals", line=str(note.line), phrase=note.found,
                   reached=shown.get("mal_uppnadda", "–"), assessed=shown.get("mal_bedomda", "–"))
    npv_name = note.figures[0]
    p = r.figures[npv_name].perspective
    values = dict(line=str(note.line), phrase=note.found, npv=shown[npv_name], who=msg(f"summary.who_{p}"))
    if len(note.figures) > 1:
        return msg("evaluator.check.pays_off", p=shown[note.figures[1]], **values)
    return msg("evaluator.check.pays_off_npv", **values)


def check_notes(r) -> list[str]:
    """What the check of the evaluator's text found, in the report's words (none without a text)."""
    return [note_text(r, note) for note in r.text_check]


def check_blocks(r) -> list[list]:
    """The check of the evaluator's text, for the appendix: what it found, or that it found nothing."""
    if not r.narrative:
        return []
    notes = check_notes(r)
    return [[Text(notes or [r.msg("evaluator.check.none")], r.msg("evaluator.check.heading"), 3)]]


def draft_banner_html(r) -> str:
    """The banner at the top of a report the evaluator has not assessed: a draft ('' otherwise)."""
    if not r.is_draft:
        return ""
    return render("draft.html.j2", label=r.msg("evaluator.draft"), note=r.msg("evaluator.draft_note"))
