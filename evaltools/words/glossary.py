"""The glossary: every defined term of the report once, with its name and a one-sentence definition.

The words live in the catalogs (``glossary.term.<id>`` in ``evaltools/locales/sv.yaml`` and
``en.yaml``); this module says which terms there are, which of their forms exist (``name``; ``count``,
the label of a count of persons; ``share``, the label of a share) and which kind of report needs each
term. Tables and charts that name an outcome measure take the measure's label from here, so that a
measure has one name on every page, and the appendix lists the terms a report uses
(:mod:`evaltools.present.sections.method`).

*Lyckat utfall* (a successful outcome) is only ever what the project's main goal counts as a success
(:func:`evaltools.analysis.goals.success_definition`); every other measure has a name of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Catalog, catalog

PARTICIPANTS = "participants"  # a term a report needs when it has participants
COSTBENEFIT = "costbenefit"  # ... when it values exits in a cost-benefit calculation
ALWAYS = "always"


@dataclass(frozen=True)
class Term:
    """One defined term: the catalog keys of its forms (``None`` where the form does not exist) and
    the part of the report that uses it."""

    id: str
    name: str
    definition: str
    count: str | None = None
    share: str | None = None
    needs: str = ALWAYS
    # the one form a report names the term in, where its name is also an everyday word ("reach" in "did the
    # project reach its goals?"): the glossary explains it only where that form stands
    only_as: str | None = None
    # a Swedish name an English reader cannot follow, which a Swedish reader knows: explained in English only
    abroad: bool = False


# The keys are written out in full so that the catalogs' check for unused entries finds them.
TERMS: tuple[Term, ...] = (
    # (the benefit every other term counts in: an English reader meets "social assistance" on page 1 and the
    # evaluator's Swedish text says försörjningsstöd; its name in English glosses the Swedish word once)
    Term("forsorjningsstod", "glossary.term.forsorjningsstod.name", "glossary.term.forsorjningsstod.definition",
         abroad=True),
    Term("lyckat_utfall", "glossary.term.lyckat_utfall.name", "glossary.term.lyckat_utfall.definition",
         "glossary.term.lyckat_utfall.count", "glossary.term.lyckat_utfall.share", PARTICIPANTS),
    Term("lamnat_forsorjningsstodet", "glossary.term.lamnat_forsorjningsstodet.name",
         "glossary.term.lamnat_forsorjningsstodet.definition", "glossary.term.lamnat_forsorjningsstodet.count",
         "glossary.term.lamnat_forsorjningsstodet.share", PARTICIPANTS),
    # (the same exits where some participants had another support at start: where they went, not what they left)
    Term("gatt_vidare", "glossary.term.gatt_vidare.name", "glossary.term.gatt_vidare.definition",
         "glossary.term.gatt_vidare.count", "glossary.term.gatt_vidare.share", PARTICIPANTS),
    Term("arbete_eller_studier", "glossary.term.arbete_eller_studier.name",
         "glossary.term.arbete_eller_studier.definition", needs=PARTICIPANTS),
    # (a participant's SGI status is a breakdown, and an English reader does not know the abbreviation)
    Term("sgi", "glossary.term.sgi.name", "glossary.term.sgi.definition", needs=PARTICIPANTS),
    Term("avslut_med_handlingsplan", "glossary.term.avslut_med_handlingsplan.name",
         "glossary.term.avslut_med_handlingsplan.definition", needs=PARTICIPANTS),
    Term("avslutad_deltagare", "glossary.term.avslutad_deltagare.name", "glossary.term.avslutad_deltagare.definition",
         "glossary.term.avslutad_deltagare.count", needs=PARTICIPANTS),
    Term("pagaende", "glossary.term.pagaende.name", "glossary.term.pagaende.definition", needs=PARTICIPANTS),
    Term("rackvidd", "glossary.term.rackvidd.name", "glossary.term.rackvidd.definition", needs=PARTICIPANTS,
         only_as="facts.reach"),
    Term("nettonuvarde", "glossary.term.nettonuvarde.name", "glossary.term.nettonuvarde.definition", needs=COSTBENEFIT),
    Term("dodvikt", "glossary.term.dodvikt.name", "glossary.term.dodvikt.definition", needs=COSTBENEFIT),
    Term("skattefaktor", "glossary.term.skattefaktor.name", "glossary.term.skattefaktor.definition", needs=COSTBENEFIT),
    Term("avtagande_effekt", "glossary.term.avtagande_effekt.name", "glossary.term.avtagande_effekt.definition",
         needs=COSTBENEFIT),
    Term("brytpunkt", "glossary.term.brytpunkt.name", "glossary.term.brytpunkt.definition", needs=COSTBENEFIT),
    Term("perspektiv", "glossary.term.perspektiv.name", "glossary.term.perspektiv.definition", needs=COSTBENEFIT),
    Term("offentliga_finansiarer", "glossary.term.offentliga_finansiarer.name",
         "glossary.term.offentliga_finansiarer.definition", needs=COSTBENEFIT),
    Term("samhallet", "glossary.term.samhallet.name", "glossary.term.samhallet.definition", needs=COSTBENEFIT),
    Term("konfidensintervall", "glossary.term.konfidensintervall.name", "glossary.term.konfidensintervall.definition"),
    # (Swedish names an English reader cannot follow without them: the level a saving is valued at, and the act
    # that shares the cost; the national norm's definition names Socialstyrelsen in English once)
    Term("riksnorm", "glossary.term.riksnorm.name", "glossary.term.riksnorm.definition", abroad=True),
    Term("finsam", "glossary.term.finsam.name", "glossary.term.finsam.definition", abroad=True),
)
BY_ID = {term.id: term for term in TERMS}
HEADING, INTRO = "glossary.heading", "glossary.intro"
TERM_COLUMN, DEFINITION_COLUMN = "glossary.term_col", "glossary.definition_col"

SUCCESS = "lyckat_utfall"  # the main goal's definition of success: the only measure called "lyckat"
LEFT_FS = "lamnat_forsorjningsstodet"
MOVED_ON = "gatt_vidare"
ENDED = "avslutad_deltagare"


def _words(words: Catalog | str) -> Catalog:
    return catalog(words) if isinstance(words, str) else words


def name(term_id: str, words: Catalog | str) -> str:
    """The term's name (``words``: a language code or a report's catalog)."""
    return _words(words).msg(BY_ID[term_id].name)


def count_label(term_id: str, words: Catalog | str) -> str:
    """The label of a count of the term (``Lyckade utfall``)."""
    key = BY_ID[term_id].count
    if key is None:
        raise ValueError(f"the term {term_id!r} has no count form")
    return _words(words).msg(key)


def share_label(term_id: str, words: Catalog | str) -> str:
    """The label of a share of the term (``Andel lyckade utfall``)."""
    key = BY_ID[term_id].share
    if key is None:
        raise ValueError(f"the term {term_id!r} has no share form")
    return _words(words).msg(key)


def definition(term_id: str, words: Catalog | str) -> str:
    """The term's one-sentence definition."""
    return _words(words).msg(BY_ID[term_id].definition)


def measure_term(success_definition, moved: bool = False) -> str:
    """The term that names what a comparison counts: *lyckat utfall* when the project's main goal
    defines it (an action plan, or the goal's outcomes), *lämnat försörjningsstödet* when the
    project has no main goal and the generic definition applies (``kind == "leaves_fs"``), and *gått till
    arbete, studier eller en ersättning* for that definition where some of those it counts had another support
    than försörjningsstöd at start (``moved``, :attr:`evaltools.present.report.Report.moved_on`): they left
    no försörjningsstöd, and page 1 says where they went."""
    if success_definition is None or success_definition.kind != "leaves_fs":
        return SUCCESS
    return MOVED_ON if moved else LEFT_FS


def terms_for(has_participants: bool, has_costbenefit: bool, lang: str = "sv") -> tuple[Term, ...]:
    """The terms a report uses: those about participants only with participants, those about the
    cost-benefit calculation only with one, and the Swedish names a reader abroad needs explained
    (:attr:`Term.abroad`) only in a report not in Swedish."""
    wanted = {ALWAYS} | ({PARTICIPANTS} if has_participants else set()) | ({COSTBENEFIT} if has_costbenefit else set())
    return tuple(term for term in TERMS if term.needs in wanted and not (term.abroad and lang == "sv"))


def forms(term: Term, words: Catalog | str) -> tuple[str, ...]:
    """The forms in which a report's text names a term: its name, the name without a bracketed
    explanation (``95 % KI``), its count and share labels; or only its :attr:`Term.only_as` form."""
    w = _words(words)
    if term.only_as is not None:
        return (w.msg(term.only_as),)
    named = [w.msg(key) for key in (term.name, term.count, term.share) if key is not None]
    short = [n.split(" (")[0] for n in named if " (" in n]
    return tuple(dict.fromkeys(named + short))


def _folded(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split()).casefold()


def used_in(text: str, words: Catalog | str, terms: tuple[Term, ...] = TERMS) -> tuple[Term, ...]:
    """The terms (of ``terms``, in their order) that ``text`` uses: a form of the term begins a word of
    it, in any case and inflection (``nettonuvärdet`` uses *Nettonuvärde*; ``pågår`` does not use
    *Pågående*).

    Examples
    --------
    >>> [t.id for t in used_in("Nettonuvärdet för samhället är 2 mkr.", "sv", TERMS)]
    ['nettonuvarde', 'samhallet']
    """
    folded = _folded(text)
    return tuple(term for term in terms
                 if any(re.search(r"(?<!\w)" + re.escape(_folded(f)), folded) for f in forms(term, words)))
