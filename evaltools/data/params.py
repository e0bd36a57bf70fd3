"""Project parameters: ``params/<project_id>.yaml`` parsed into validated objects.

Relative data paths in a params file are resolved against the folder that holds the
params file. Unknown keys are errors (a typo must not pass silently), and every problem
in the file is reported at once.
"""
from __future__ import annotations

import datetime as dt
import decimal
import difflib
import math
import re
import types
import typing
import unicodedata
import zipfile
import zlib
from pathlib import Path, PureWindowsPath
from collections.abc import Mapping
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from .ages import AGE_OPEN_END, age_group_bounds, group_label
from .assumptions import REGISTRY as _A
from .assumptions import bounds as _bounds
from .errors import ParamsError, problem
from .paths import in_link_loop, is_file, is_folder, resolved, windows_only
from .messages import echo, message, quote
from .privacy import find_personnummer, find_phone, name_looks_like_personnummer, redact
from .reading import AMBIGUOUS_POINT, THOUSANDS
from .reference import last_kpi_year, riksnorm_table
from .written_dates import written_date_hint
from .schema import (AGE_BANDS, HOUSEHOLD_TYPES, LEAVES_SOCIAL_ASSISTANCE, OCCUPATIONS, OUTCOMES, PARTICIPANTS,
                     SENIOR_AGE_BANDS, SEXES, SUPPORT_SOURCES, UNKNOWN, YOUTH_AGE_BANDS, own_heading_columns)

ProjectKind = Literal["individ", "struktur", "ansökan"]
GoalKind = Literal["participant_count", "outcome_count", "share", "qualitative", "context", "survey"]
# who answered a questionnaire (the codes of the responses file's respondent_group, data/survey.py)
RespondentGroup = Literal["deltagare_start", "deltagare_avslut", "personal", "styrelse", "chefer", "remittenter"]
GoalSource = Literal["ansökan", "slutrapport", "utvärderare"]
# a goal's source written as the decision that changed it (the board's, after a mid-term review): such a goal is the
# project's goal as the board set it, counted as the application's (source: ansökan), the decision said in its label
_BOARD_DECISION = re.compile(r"styrelse|beslut|halvtid|revider|omförhandl|board|decision|revis|mid-?term", re.I)
PeriodUnit = Literal["project_year", "calendar_year", "whole_period"]
Status = Literal["uppnått", "delvis", "ej_uppnått", "ej_bedömt"]

DEFAULT_SUCCESS = (*LEAVES_SOCIAL_ASSISTANCE, "aktiv_planering_annan_part")

# A goal's words that name work or studies only ("ska gå till arbete eller studier", "to work or studies"), and
# words that name more (a benefit, self-support, coming closer): a share or outcome goal worded the first way that
# gives no success_outcomes of its own counts the outcomes its words name (:attr:`Goal.named_in_words`), never the
# default successes, which include sickness benefit, other benefits and an active plan with another party
_WORK_WORDS = re.compile(r"\b(?:arbete|arbeta|jobb\w*|anställning\w*|work|jobs?|employment)\b", re.IGNORECASE)
# (studies as a youth project words them: back to school, upper secondary school, komvux, folkhögskola)
_STUDIES_WORDS = re.compile(r"\b(?:studier|studera\w*|utbildning\w*|skola\w*|skolan|gymnasie\w*|gymnasiet|komvux|"
                            r"folkhögskola\w*|stud(?:y|ies|ying)|school\w*|education)\b", re.IGNORECASE)
# (so do words of coming closer to work or studies, "ska ha närmat sig arbete eller studier", "closer to work": a
# step towards them, such as job seeking or an active plan, is what such a goal counts)
_MORE_WORDS = re.compile(r"ersättning|försörjning(?!sstöd)|självförsörj|sjuk|rehab|"
                         r"benefit|compensation|self-support|self-sufficien|\brätt\b|\bright\b|"
                         r"\bnärma\w*\s+sig\b|\bnärmare\s+(?:arbete|studier|arbetsmarknad)|\bpå\s+väg\s+mot\b|"
                         r"\bcloser\s+to\b|\bnearer\b|\btowards\b", re.IGNORECASE)
# (and words of a step towards work beside work or studies, "arbete, studier eller arbetsförberedande insats", "en aktiv
# planering", "a programme with another agency": they name an active plan and job seeking besides, never a benefit,
# so such a goal counting sickness benefit or compensation says so); work training, a work trial or a placement
# ("arbete, studier eller arbetsträning", "praktik", "work training") is such a step, an active plan with another party
_STEP_WORDS = re.compile(r"planering|\bplan\b|(?<!avslutad\s)(?<!avslutade\s)(?<!efter\s)(?<!under\s)(?<!vid\s)"
                         r"insats(?!en\b)|annan\s+part|programme|agency|arbetsträning|arbetsprövning|"
                         r"\bpraktik\w*|work\s+(?:training|trials?|placements?)|internships?", re.IGNORECASE)
# ... and so is job seeking named as where the participants go ("arbete, studier eller arbetssökande", "inskrivna som
# arbetssökande", "work, studies or job seeking"), the outcome arbetssökande, which such a goal counts as its words say;
# the job seekers as the participants' group ("av de arbetssökande deltagarna", "deltagarna som är arbetssökande")
# name no step
_JOB_SEEKING_STEP = re.compile(r"(?:(?<![\wåäö])(?:till|eller|samt|och|som|or|to|as|and|into)|[,/(])\s*"
                               r"(?:inskrivna?\s+som\s+|aktivt\s+|active(?:ly)?\s+)?"
                               r"(?:arbetssökande|job[\s-]*seek\w*)(?![\wåäö])", re.I)
# the outcomes words naming work, studies or both count (subsidised work is work: docs/data-contract.md, *Success*)
WORDS_OUTCOMES = {"work": ("arbete", "arbete_med_stöd"), "studies": ("studier",),
                  "both": ("arbete", "arbete_med_stöd", "studier")}
# a sick leave as where the participants come from ("återgått i arbete efter sjukskrivning", "return to work after sick
# leave"): the state at start, no benefit as an outcome, so the words name work only
_FROM_SICK_LEAVE = re.compile(r"(?<![\wåäö])(?:efter|från|ur)\s+(?:en\s+|sin\s+|deras\s+)?(?:lång\w*\s+)?"
                              r"(?:sjukskrivning\w*|långtidssjukskrivning\w*|sjukperiod\w*)(?![\wåäö])"
                              r"|\b(?:after|from)\s+(?:a\s+|their\s+)?(?:long[\s-]term\s+)?(?:sick\s+leave|sickness\s+absence)\b"
                              # ... and a benefit that describes the participants ("av deltagarna med sjukpenning",
                              # "those on sickness benefit"): who they are, not where they go
                              r"|(?<![\wåäö])(?:deltagar\w*|personer\w*|unga|de|dem|those|participants|people)\s+"
                              r"(?:med|som\s+(?:har|hade|uppbär|uppbar)|on|receiving|with)\s+(?:sjukpenning|sjukersättning|"
                              r"aktivitetsersättning|sjuk-\s*(?:och|eller)\s+aktivitetsersättning|sickness\s+benefit|"
                              r"sickness\s+compensation|activity\s+compensation)(?![\wåäö])",
                              re.IGNORECASE)


def words_named(goal) -> str:
    """What a goal's label names of work and studies: ``"work"``, ``"studies"``, ``"both"``, ``"steps"`` for work or
    studies and a step towards them (an effort, an active plan: "arbete, studier eller arbetsförberedande insats"), or
    ``""`` for neither or for words that name more (a benefit, self-support, coming closer)."""
    words = " ".join(read_label(x) for x in (goal.label, goal.label_en) if x)  # (as the params file reads them)
    words = _FROM_SICK_LEAVE.sub(" ", words)
    if _MORE_WORDS.search(words):
        return ""
    work, studies = bool(_WORK_WORDS.search(words)), bool(_STUDIES_WORDS.search(words))
    if (work or studies) and (_STEP_WORDS.search(words) or _JOB_SEEKING_STEP.search(words)):
        return "steps"
    return "both" if work and studies else "work" if work else "studies" if studies else ""

MAX_TITLE = 300  # characters in a title, name, label or source

# A target group's support at start as its description words it ("unga vuxna med aktivitetsersättning", "personer som
# uppbär sjukpenning", "those on activity compensation"), each with its ``support_start`` code; and words naming
# försörjningsstöd, which an application's saving rests on
_TARGET_SUPPORTS = (
    ("sjuk_aktivitetsersättning", re.compile(r"(?<![\wåäö])(?:aktivitetsersättning|sjukersättning|sjuk-\s*(?:och|eller)\s+"
                                             r"aktivitetsersättning)|\b(?:activity|sickness)\s+compensation\b",
                                             re.IGNORECASE)),
    ("sjukpenning", re.compile(r"(?<![\wåäö])(?:sjukpenning|sjukskriv\w*)|\bsickness\s+benefit\b|\bsick\s+leave\b",
                               re.IGNORECASE)),
    ("aktivitetsstöd", re.compile(r"(?<![\wåäö])aktivitetsstöd|\bactivity\s+support\b", re.IGNORECASE)),
)
_TARGET_FS = re.compile(r"(?<![\wåäö])(?:försörjningsstöd|ekonomiskt\s+bistånd|ekonomiskt\s+stöd|socialbidrag|bistånd)"
                        r"|\bsocial\s+(?:assistance|welfare)\b|\beconomic\s+(?:aid|assistance)\b", re.IGNORECASE)


def target_supports(target) -> tuple[str, ...]:
    """The supports at start (``support_start`` codes, in :data:`_TARGET_SUPPORTS`'s order) that a target population's
    description names, where it names no försörjningsstöd: an application whose target group lives on activity
    compensation or sickness benefit expects no exit from försörjningsstöd its saving could count. Empty where the
    description names försörjningsstöd, names no support, or is not given."""
    words = " ".join(x for x in (getattr(target, "description", None), getattr(target, "description_en", None)) if x)
    if not words or _TARGET_FS.search(words):
        return ()
    return tuple(code for code, pattern in _TARGET_SUPPORTS if pattern.search(words))

MAX_TEXT = 5000  # characters in a description or an evaluator's evidence
MAX_PARAMS_BYTES = 256 * 1024  # a params file is a page or two of YAML
MAX_PROBLEMS_SHOWN = 50  # problems of a params file listed one by one; the rest are counted in one line
MAX_ID = 64
# goals in one params file: an application sets 5 to 20; a report of 60 was measured to render in minutes (docs/
# benchmarks.md, "Large projects"), and page 1 and the goal section of hundreds could not be read as an answer
MAX_GOALS = 60
# the names Windows keeps for its devices: no file or folder there can have one
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
RESERVED_IDS = {"portfolio", "_failed", "index", *WINDOWS_DEVICES}
_ID_PATTERN = re.compile(r"[^\W_][\w-]*")
# the letters a project id may hold: the Latin alphabet's, with its accented forms (å, ä, ö, é, ü, ø, ...).
# A letter of another alphabet can look exactly like one of them (Cyrillic 'о' beside Latin 'o'), and two
# projects 'kompassen' would then be two folders, two rows of the portfolio and two links of one name
_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def id_key(value: str) -> str:
    """The folder a project id names on every system: its compatibility form (NFKC: a full-width 'Ｐ', a
    superscript '¹' read as 'P', '1') in one letter case, as Windows and macOS compare file names. Two
    projects whose ids have one key would write one report folder there."""
    return unicodedata.normalize("NFKC", value).casefold()


def _project_id_issue(value: object) -> ParamsValueError | None:
    """Why ``value`` cannot be a project id (a message id and its values), or None when it can."""
    if not isinstance(value, str) or not value:
        return ParamsValueError("params.id_empty")
    value = unicodedata.normalize("NFC", value)  # (å as a and its ring, as macOS writes a file name, is å)
    if len(value) > MAX_ID:
        return ParamsValueError("params.id_long", limit=str(MAX_ID), n_sv=grouped(len(value), "sv"),
                                n_en=grouped(len(value), "en"))
    if not _ID_PATTERN.fullmatch(value) or not value.isprintable():
        return ParamsValueError("params.id_characters", value=_short(value))
    # (Windows reserves COM¹ and LPT² as it does COM1: the reserved names are compared in their compatibility form)
    if value.lower() in RESERVED_IDS or id_key(value) in RESERVED_IDS:
        # (a device name is no name of the toolkit's: Windows keeps it, and no folder there can have it)
        device = value.lower() in WINDOWS_DEVICES or id_key(value) in WINDOWS_DEVICES
        return ParamsValueError("params.id_windows" if device else "params.id_reserved", value=_short(value))
    odd = [c for c in dict.fromkeys(value) if not c.isascii() and (
        not _LATIN_LETTER.fullmatch(c) or unicodedata.normalize("NFKC", c) != c)]  # (digits are 0-9 only)
    if odd:
        return ParamsValueError("params.id_lookalike", value=_short(value),
                                chars=", ".join(f"U+{ord(c):04X}" for c in odd))
    if find_personnummer(value):
        return ParamsValueError("params.id_personnummer")
    return None


def project_id_problem(value: object, lang: str = "sv") -> str | None:
    """Why ``value`` cannot be a project id, in ``lang``, or None when it can.

    A project id names the project's folders (``reports/<id>/``), so it is a safe slug: it starts
    with a letter or digit and holds only letters (å, ä and ö too), digits, ``-`` and ``_``; no path
    separators, dots, spaces, control or direction-changing characters; at most 64 characters;
    not a name the toolkit or Windows reserves (``portfolio``, ``_failed``, ``index``, ``con``, ...).
    """
    issue = _project_id_issue(value)
    return None if issue is None else message(issue.key, lang, **issue.values)


class ParamsValueError(ValueError):
    """A problem in the params file with a message id (:mod:`evaltools.data.messages`), worded in either language."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        # the field of a goal whose words the message quotes, where it is not the one a reader looks in first
        # (``label_en``: an evaluator reading a Swedish message looks for the words in ``label``)
        self.field: str | None = None
        super().__init__(message(key, "en", **values))

    def worded(self, lang: str) -> str:
        """The message in ``lang``, saying first which field holds the words where it is not the label."""
        text = message(self.key, lang, **self.values)
        return message("params.in_field", lang, field=self.field, text=text) if self.field else text


# characters that show nothing: spaces, controls, the format characters (zero-width space and joiners, U+2060, the
# byte order mark) and the blank letters some keyboards and web pages give (U+2800, U+3164, U+115F, U+1160, U+FFA0)
_BLANK_LETTERS = frozenset("\u2800\u3164\u115f\u1160\uffa0")


def _invisible(ch: str) -> bool:
    return ch.isspace() or ch in _BLANK_LETTERS or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def visible_text(v: object, key: str) -> object:
    """``v`` where it is no text or a text with a character that shows; a text of none (``""``, spaces, a zero-width
    space pasted alone) is refused: a title, a name or a goal's label the report would print as nothing (``key``:
    the key it is written at)."""
    if v == "":
        raise ParamsValueError("params.empty_text", field=key)
    if isinstance(v, str) and all(_invisible(ch) for ch in v):
        raise ParamsValueError("params.blank_text", codes=", ".join(dict.fromkeys(f"U+{ord(ch):04X}" for ch in v)))
    return v


# How evaluators write the project kind, and the kind it is.
KIND_SPELLINGS = {
    **dict.fromkeys(("individ", "individinriktad", "individinriktade", "individinriktad_insats", "deltagare",
                     "deltagarprojekt", "participant", "participants", "individual"), "individ"),
    **dict.fromkeys(("struktur", "strukturinriktad", "strukturinriktade", "strukturinriktad_insats", "strukturell",
                     "strukturprojekt", "structural", "structure"), "struktur"),
    **dict.fromkeys(("ansökan", "ansokan", "ex_ante", "exante", "förhandsbedömning", "forhandsbedomning",
                     "application"), "ansökan"),
}


def grouped(n: float, lang: str) -> str:
    """A whole number of four digits or more with its thousands apart, as ``lang`` writes it: ``100 000``
    (Swedish) or ``100,000`` (English), for a limit or a count in a message."""
    if not float(n).is_integer():
        return f"{n:g}"
    text = f"{int(n):,}"
    return text.replace(",", " ") if lang == "sv" else text


class _Shown(str):
    """A value as the params file writes it (``2024-01-01``, ``true``, ``{a: 1}``), echoed as it is."""

    def __repr__(self) -> str:
        return str(self)


def _shown(value: object) -> object:
    """``value`` as YAML writes it where Python would write it otherwise: a date as ``2024-01-01`` (not
    ``datetime.date(2024, 1, 1)``), yes or no as ``true`` or ``false`` (not ``True``), keys with values as ``{a:
    1}`` (not ``{'a': 1}``), and a list holding any of them so; a text or a number as it is."""
    if isinstance(value, bool):
        return _Shown("true" if value else "false")
    if isinstance(value, dt.datetime):
        return _Shown(value.isoformat(sep=" "))
    if isinstance(value, dt.date):
        return _Shown(value.isoformat())
    if isinstance(value, dict):
        return _Shown("{" + ", ".join(f"{_plain_item(k)}: {_plain_item(v)}" for k, v in value.items()) + "}")
    if isinstance(value, (list, tuple)) and any(isinstance(v, (bool, dt.date, dict, list, tuple)) for v in value):
        return _Shown("[" + ", ".join(repr(_shown(v)) for v in value) + "]")
    return value


def _plain_item(value: object) -> str:
    """A key or value inside keys with values, as YAML writes it (a text without quotes)."""
    return value if isinstance(value, str) else repr(_shown(value))


def _short(value: object, limit: int = 80, lang: str | None = None) -> str:
    """``repr(value)`` cut to ``limit`` characters, for messages that echo an input, a value YAML read as a date,
    yes or no, or keys with values written as the file writes it (:func:`_shown`); the whole's length said in
    ``lang``, or in the message's language (:func:`evaltools.data.messages.echo`)."""
    return echo(_shown(value), limit, lang)


# characters a text pasted from Word or Excel may hold: spaces that do not break a line ("år 1", "1 000"), read as a
# space, and characters that show nothing (a zero-width space, a soft hyphen), read as nothing
_AS_SPACE = re.compile("[\u00a0\u202f\u2007\u2009]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


# a number written with spaces between its thousands ("1 000", "1 000 000", with a no-break or narrow no-break space
# too): one to three digits, then groups of three, none more after them
_GROUPED = re.compile(r"(?<![\d,.])(\d{1,3})((?: \d{3})+)(?!\d)")
# words after which the digits are a year, a goal's own number or a step, never a number's thousands: "år 1 200
# deltagare" is year 1's 200, "år 2 och 3 100" years 2 and 3's 100, "Mål 2 300 deltagare" goal 2's 300
_NO_THOUSANDS_AFTER = re.compile(
    r"(?<![\wåäö])(?:(?:projekt)?år(?:en)?|(?:project\s+)?years?|(?:del|effekt|huvud|projekt)?mål|(?:sub-?)?goal|"
    r"objective|steg|step|nr\.?|nummer|no\.?|number|#)\s*(?:\d{1,2}\s*(?:och|and|till|to|&|[–—-])\s*"
    r"(?:år\s*|years?\s*)?)*$", re.I)


def _one_number(m: re.Match[str]) -> str:
    if _NO_THOUSANDS_AFTER.search(m.string, 0, m.start()):
        return m.group(0)
    return m.group(1) + m.group(2).replace(" ", "")


# letters of another alphabet that look like a Latin one (Cyrillic 'а', 'о', Greek 'ο'; 'н', 'п', 'д' as n, n, d in
# italics), as a word pasted from another program or typed to slip past a check holds them ("нöjда" for "nöjda"): in
# a word that also holds a Latin letter they are read as the Latin letter, one for one, so that the goal's words are
# checked as they look
_LOOKALIKES = str.maketrans(
    "аеёорсухіїјѕһԁдԛԝкмнптвАВЕЁКМНОРСТХЅІЈοαιινκρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeëopcyxiïjshddqwkmnntbABEËKMHOPCTXSIJoaiivkptuxABEZHIKMNOPTYX")
_WORD = re.compile(r"\w+")


def _lookalikes_as_latin(text: str) -> str:
    """``text`` with each look-alike of a Latin letter (``_LOOKALIKES``) read as that letter where its word holds a
    Latin letter too; as long as ``text``, character for character."""
    return _WORD.sub(lambda m: m.group(0).translate(_LOOKALIKES) if _LATIN_LETTER.search(m.group(0)) else m.group(0),
                     text)


def read_label(text: str | None) -> str:
    r"""``text`` as its words are read: no-break spaces as spaces, characters that show nothing removed (``'år\u200b1'``
    is ``'år1'``, year 1; None is ``''``), a letter of another alphabet that looks like a Latin one read as it in a
    word of Latin letters (``'нöjда'`` is ``'nöjda'``), and a number's thousands written with spaces as one number
    (``'totalt 1 000 deltagare'`` is 1000, with a space, a no-break space or a narrow no-break space between them),
    except after a year or a goal's number (``'år 1 200'`` is year 1's 200). A message quoting its words quotes them
    as the label writes them (:func:`label_words`)."""
    return _GROUPED.sub(_one_number, _lookalikes_as_latin(_INVISIBLE.sub("", _AS_SPACE.sub(" ", text or ""))))


def label_words(words: str, label: str | None) -> str:
    r"""``words`` read from ``read_label(label)`` as they look in ``label``: a number read as one (``'totalt 1000
    deltagare'``) with its thousands spaced as written (``'totalt 1 000 deltagare'``), a no-break space as a
    space; several quotes joined by ``"', '"`` each so. ``words`` where the label does not hold them."""
    shown = _INVISIBLE.sub("", _AS_SPACE.sub(" ", label or ""))
    if "', '" in words:
        return "', '".join(label_words(w, label) for w in words.split("', '"))
    pattern = "".join(re.escape(c) + (" ?" if c.isdigit() and nxt.isdigit() else "")
                      for c, nxt in zip(words, [*words[1:], ""]))
    found = re.search(pattern, _lookalikes_as_latin(shown))  # (found as read, quoted as written: one for one)
    return shown[found.start():found.end()] if found else words


def _as_written(e: ParamsValueError, labels: list[str | None]) -> ParamsValueError:
    """``e`` with the label's words it quotes (``words``, ``total``, ``year``) as the label writes them."""
    values = dict(e.values)
    for key in ("words", "total", "year"):
        said = values.get(key)
        if isinstance(said, str):
            values[key] = next((w for label in labels if (w := label_words(said, label)) != said), said)
    return ParamsValueError(e.key, **values)



def _number_only(annotation: object) -> bool:
    """Whether a field's type takes numbers and nothing else (``float``, ``int | None``, ``Annotated[float, ...]``),
    not a text, a code, a list or true/false."""
    if annotation in (int, float):
        return True
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        return _number_only(args[0])
    if origin in (typing.Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        return bool(kinds) and all(_number_only(a) for a in kinds)
    return False


def _number_mapping(annotation: object) -> bool:
    """Whether a field's type is a mapping of numbers to numbers (``dict[int, float]``, optional or not), as a
    goal's ``targets`` is."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        return len(kinds) == 1 and _number_mapping(kinds[0])
    return origin is dict and len(args) == 2 and all(_number_only(a) for a in args)


class _Strict(BaseModel):
    # (no NaN or infinity in any number: 'nan' and '.inf' are numbers to YAML, and not amounts, shares or years)
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _no_true_or_false_as_number(cls, v: object, info: ValidationInfo) -> object:
        """yes, no, on, off, true and false are true or false to YAML, which a number field would take as 1 or 0
        (``target: yes`` a target of one person, a share's ``target: true`` 100 %): never read as a number."""
        annotation = cls.model_fields[info.field_name].annotation if info.field_name in cls.model_fields else None
        if isinstance(v, bool) and _number_only(annotation):
            raise ParamsValueError("params.number_boolean", value=str(v).lower())
        counts = info.field_name in _COUNT_OR_AMOUNT_KEYS
        if _number_only(annotation) and (both := _written_point_thousands(v, counts)) is not None:
            raise ParamsValueError(_point_message(v), value=_point_said(v), thousands=both[0], decimal=both[1])
        if isinstance(v, dict) and _number_mapping(annotation):  # (``targets: {1: yes}`` a target of 1 in year 1)
            for key, value in v.items():
                if isinstance(key, bool) or isinstance(value, bool):
                    said = f"{str(key).lower() if isinstance(key, bool) else key}: " \
                           f"{str(value).lower() if isinstance(value, bool) else value}"
                    raise ParamsValueError("params.number_boolean", value=said)
                if (both := _written_point_thousands(value, counts)) is not None:  # (``targets: {1: '1.000'}``)
                    raise ParamsValueError(_point_message(value), value=f"{key}: {_point_said(value)}",
                                           thousands=both[0], decimal=both[1])
        return v


class _PointNumber(float):
    """A number YAML read from a plain (unquoted) scalar with one point before three digits (``1.000``, the float 1.0),
    with its text as written, so that a count or an amount written with a thousands point is refused, not read as 1.
    Never kept: a model's field holds a plain float, and a copy or a pickle is one."""

    written: str

    def __new__(cls, value: float, written: str) -> _PointNumber:
        number = super().__new__(cls, value)
        number.written = written
        return number

    def __reduce__(self):  # (a plain float: ``float.__getnewargs__`` would leave out the text)
        return float, (float(self),)


# the keys whose unquoted number with a point before three digits (``target: 1.000``, ``targets: {1: 12.500}``) is
# refused with both readings: counts of persons and amounts in kronor, where a thousands point is plausible; a share,
# a rate or a factor (``skattefaktor: 1.312``, ``discount_rate: 0.035``) is read as written, and a grant's thousands
# point has its own message (a grant under 1 000 kr)
_COUNT_OR_AMOUNT_KEYS = frozenset({
    "target", "targets", "participants_per_year", "successes_per_year", "comparison_persons", "payment_sd_sek", "size",
    "amount_sek", "housing_sek", "work_earnings_sek_month", "wage_subsidy_sek_month"})


def _point_message(value: object) -> str:
    return "params.written_point_thousands_plain" if isinstance(value, _PointNumber) else \
        "params.written_point_thousands"


def _point_said(value: object) -> str:
    """A number with a point before three digits as written: ``1.000`` unquoted, ``'1.000'`` quoted."""
    return value.written if isinstance(value, _PointNumber) else _short(value)


def _written_point_thousands(value: object, unquoted: bool = False) -> tuple[str, str] | None:
    """The two readings of a number written in quotes with one point before three digits and nothing else
    (``'1.000'``: a thousand as Swedish text and a Swedish Excel write it, or 1, which is how a number field would
    read it), as the numbers to write ``('1000', '1')``, or, where ``unquoted``, such a number written without
    quotes (``1.000``, which YAML reads as 1.0: a :class:`_PointNumber`); None for anything else. Never guessed,
    as in a data file."""
    if isinstance(value, _PointNumber) and unquoted:
        value = value.written
    if not isinstance(value, str):
        return None
    text = re.sub(r"(?i)\s*(kr|kronor|sek|:-)\.?\s*$", "", value.strip()).translate(THOUSANDS)
    if not AMBIGUOUS_POINT.fullmatch(text):
        return None
    whole, _, decimals = text.partition(".")
    return whole + decimals, f"{float(text):g}"


# the days a project's period and the day its data were taken may fall on: samordningsförbund exist since 2004 (the
# trials before them from 1994), and a year past this century is a slip of the pen ('2204' for '2024'); a start in
# year 1 or an end in 9999 stopped validate and render with a traceback (a month beyond Python's years)
FIRST_PROJECT_DAY, LAST_PROJECT_DAY = dt.date(1990, 1, 1), dt.date(2099, 12, 31)


def _project_day(day: dt.date | None) -> dt.date | None:
    """``day`` if it lies within :data:`FIRST_PROJECT_DAY` – :data:`LAST_PROJECT_DAY`, else a problem naming it."""
    if day is not None and not FIRST_PROJECT_DAY <= day <= LAST_PROJECT_DAY:
        raise ParamsValueError("params.day_out_of_range", day=day.isoformat(), first=FIRST_PROJECT_DAY.isoformat(),
                               last=LAST_PROJECT_DAY.isoformat())
    return day


class Period(_Strict):
    """Planned and actual project period."""

    start: dt.date
    planned_end: dt.date
    actual_end: dt.date | None = Field(None, description="Set when the project ended earlier (or later) than planned.")
    implementation_start: dt.date | None = Field(None, description=(
        "The first day of the implementation after a pre-study (förstudie) that began on start: project years "
        "count from it, and the days before it are the pre-study's."))

    @field_validator("start", "planned_end", "actual_end", "implementation_start", mode="after")
    @classmethod
    def _within_years(cls, day: dt.date | None) -> dt.date | None:
        return _project_day(day)

    @property
    def end(self) -> dt.date:
        return self.actual_end or self.planned_end

    @property
    def years_start(self) -> dt.date:
        """The first day of project year 1: ``implementation_start`` after a pre-study, else ``start``. Every
        project year (participants' intake year, goals per project year, a budget's ``år 2``) counts from it."""
        return self.implementation_start or self.start

    @property
    def prestudy(self) -> tuple[dt.date, dt.date] | None:
        """The pre-study's first and last day (``start`` to the day before ``implementation_start``), or None."""
        if self.implementation_start is None:
            return None
        return self.start, self.implementation_start - dt.timedelta(days=1)

    @model_validator(mode="after")
    def _implementation_within(self) -> Period:
        """The implementation begins after the start and before the (actual) end: a date outside would count
        project years before the project or none at all."""
        imp = self.implementation_start
        if imp is not None and not self.start < imp < self.end:
            raise ParamsValueError("params.implementation_start_outside", value=imp.isoformat(),
                                   start=self.start.isoformat(), end=self.end.isoformat())
        return self

    @field_validator("planned_end", "actual_end")
    @classmethod
    def _after_start(cls, end: dt.date | None, info: ValidationInfo) -> dt.date | None:
        """An end on or before the start is refused, each end on its own (both at once where both are)."""
        start = info.data.get("start")
        if end is not None and start is not None and end <= start:
            raise ParamsValueError("params.end_before_start", end=end.isoformat(), start=start.isoformat())
        return end

    @property
    def prolonged_far(self) -> bool:
        """Whether the actual end is more than :data:`MAX_PROLONGING_YEARS` after the planned end: a prolonging
        seldom granted, and an easy slip of the pen (2031 for 2021); the project's loading warns of it."""
        return self.actual_end is not None and self.actual_end > _years_after(self.planned_end, MAX_PROLONGING_YEARS)


# a prolonging longer than this many years past the planned end is warned of (see Period.prolonged_far; the
# catalogs' ``params.actual_end_far`` says the number in words)
MAX_PROLONGING_YEARS = 2


def _years_after(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (28 February for a 29 February in a year that has none)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class ComparisonPaths(_Strict):
    persons: Path
    payments: Path

    @field_validator("persons", "payments", mode="before")
    @classmethod
    def _file_not_a_link(cls, v: object, info: ValidationInfo) -> object:
        return _not_a_link(v, str(info.field_name))


AmountUnit = Literal["kr", "tkr"]
AMOUNT_FILES = ("budget", "payments", "comparison_payments")


class AmountUnits(_Strict):
    """The unit of each file's amounts, for ``amount_unit: {budget: tkr, payments: kr}``."""

    budget: AmountUnit = "kr"
    payments: AmountUnit = "kr"
    comparison_payments: AmountUnit | None = Field(None, description="Default: the unit of payments.")


def _not_a_link(v: object, key: str) -> object:
    """``v``, a data file's path as written, refused where it is a link: a web address (a SharePoint or OneDrive
    file's 'Copy link'), read as a path, was looked for as 'https:/kommunen.sharepoint.com/...' beside the params file
    and said missing with its address cut; a 'file:///C:/...' link likewise. An empty text ('') is refused as no path:
    it was read as the params file's own folder, and said to be 'a folder, not a file', '.'."""
    if isinstance(v, str) and not v.strip():
        raise ParamsValueError("params.empty_path", field=key)
    if isinstance(v, str) and _WEB_ADDRESS.match(v.strip()):
        from urllib.parse import unquote  # (only where a link is written)
        link = v.strip()
        name = unquote(link.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]) or "deltagare.xlsx"
        key_id = "params.data_file_link" if link.lower().startswith("file:") else "params.data_web_link"
        raise ParamsValueError(key_id, value=_short(link), setting=key, name=name)
    return v


class DataPaths(_Strict):
    """Where the project's data files are. ``participants`` may be empty for a project with no participant data."""

    participants: Path | None = None
    payments: Path | None = None
    budget: Path | None = None
    comparison: ComparisonPaths | None = None
    responses: Path | None = Field(None, description="Questionnaire answers, one row per answer (docs/data-contract.md).")
    questions: Path | None = Field(None, description="The questionnaire's questions and scales; needed with responses.")
    earnings: Path | None = Field(
        None, description="Register outcome: gross earnings per person and month (employer declarations), in kr, for "
                          "participants and comparison persons alike (docs/data-contract.md).")
    benefits: Path | None = Field(
        None, description="Register outcome: state benefits per person, month and kind, in kr, for participants and "
                          "comparison persons alike (docs/data-contract.md).")
    amount_unit: AmountUnit | AmountUnits = Field(
        "kr", description="Unit of the amounts: one unit for every file (kr or tkr), or one per file "
                          "({budget: tkr, payments: kr}).")
    excel_sheet: str | int = 0
    codes: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="A case system's texts for the codes of the participants file, translated once: "
                    "{outcome: {'Fått anställning': arbete, 'Börjat studera': studier}}. A text is matched whatever "
                    "its letter case and spaces around it; a code is always read as itself.")
    columns: dict[str, str] = Field(
        default_factory=dict,
        description="The person files' own headings for the contract's columns, written once: {'Kön': sex, "
                    "'Ålder': age, 'Inskrivningsdatum': start_date, 'Sysselsättning efter': outcome} (a follow-up "
                    "system's export, such as a SUS report). A heading is matched whatever its letter case and "
                    "spaces around it; 'exit_reason' names the column whose 'Felregistrering' leaves an enrolment out.")
    insats: str | None = Field(
        None, description="The project's insats in a participants file that lists several (a SUS report of the "
                          "förbund's insatser, with a column 'Insats'): only its rows are read, the others left out "
                          "with a note saying how many.")
    payments_format: Literal["auto", "monthly", "per_payment", "wide"] = Field(
        "auto", description="How the payments files are laid out: one row per person and month (monthly), one row "
                            "per payment with its date (per_payment), one column per month (wide), or told apart "
                            "by their columns (auto).")
    payments_cover_all_participants: bool = Field(
        False, description="True when the payments file lists every participant's payments, so that a participant "
                           "without rows was paid nothing (0 kr); false (the default) leaves such participants out "
                           "of the payment analyses, with a data-quality note saying how many.")

    @field_validator("participants", "payments", "budget", "responses", "questions", "earnings", "benefits",
                     mode="before")
    @classmethod
    def _file_not_a_link(cls, v: object, info: ValidationInfo) -> object:
        return _not_a_link(v, str(info.field_name))

    @field_validator("codes")
    @classmethod
    def _codes(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        """Each column a code column of the participants file, each text translated to one of its codes, and
        no code translated to another, no text empty or written twice (in two letter cases) with two codes; the texts
        kept casefolded and stripped, as cells are matched."""
        columns = {c.name: c for c in PARTICIPANTS.columns if c.kind == "code"}
        out: dict[str, dict[str, str]] = {}
        # (every text that is already a code, in every column, in one message: a case system's status words
        # 'Avbrott' and 'Flyttat' and its sexes 'Kvinna' and 'Man' were told one at a time, a validate each)
        is_code: dict[str, list[str]] = {}
        for column, texts in value.items():
            if column not in columns:
                raise ParamsValueError("params.codes_column", value=_short(column), columns=", ".join(columns))
            vocab = columns[column].vocab
            out[column] = {}
            said: dict[str, str] = {}  # each casefolded text -> the text as the params file writes it
            for text, code in (texts or {}).items():
                # (a code in any case, as in a cell; the text's spaces one each, a no-break space one, as the cell's are)
                key, code = " ".join(str(text).split()).casefold(), str(code).strip().lower()
                if key in vocab:
                    is_code.setdefault(column, []).append(_short(text))
                    continue
                if code not in vocab:
                    raise ParamsValueError("params.codes_value", column=column, text=_short(text),
                                           value=_short(code), codes=", ".join(vocab))
                if not key:  # (an empty cell is read as an empty text: each of them would become the code)
                    raise ParamsValueError("params.codes_empty_text", column=column, code=code)
                if key in out[column] and out[column][key] != code:
                    # ('Avslutad – arbete': arbete and 'AVSLUTAD – ARBETE': studier: the last one read won, unsaid)
                    raise ParamsValueError("params.codes_twice", column=column, first=_short(said[key]),
                                           code=out[column][key], second=_short(text), other=code)
                said.setdefault(key, str(text))
                out[column][key] = code
        if sum(map(len, is_code.values())) == 1:
            column, (text,) = next(iter(is_code.items()))
            raise ParamsValueError("params.codes_is_code", column=column, text=text)
        if is_code:
            raise ParamsValueError("params.codes_are_codes", texts="; ".join(
                f"data.codes.{column}: {', '.join(texts)}" for column, texts in is_code.items()))
        return out

    @field_validator("columns")
    @classmethod
    def _columns(cls, value: dict[str, str]) -> dict[str, str]:
        """Each heading read as a column of a person file (:func:`evaltools.data.schema.own_heading_columns`:
        the participants', payments' and register files' columns, or ``exit_reason``), and no heading, matched as a
        file's headings are (casefolded, spaces collapsed), read as two columns; the headings kept so. A column
        may be read from several headings (the participants file's 'Löpnummer' and the payments file's
        'Deltagar-ID' as person_id); a file holding two of them is refused when it is read."""
        allowed = own_heading_columns()
        out: dict[str, str] = {}
        for heading, column in (value or {}).items():
            column = str(column).strip()
            if column not in allowed:
                near = difflib.get_close_matches(column, allowed, n=1, cutoff=0.6)
                raise ParamsValueError("params.columns_value", heading=_short(heading), value=_short(column),
                                       columns=", ".join(allowed), hint_sv=f" (menade du '{near[0]}'?)" if near else "",
                                       hint_en=f" (did you mean '{near[0]}'?)" if near else "")
            key = " ".join(str(heading).split()).casefold()
            if out.get(key, column) != column:  # ('Belopp': amount and 'belopp ': month: one heading, two columns)
                raise ParamsValueError("params.columns_same_heading", heading=_short(heading), column=out[key],
                                       other=column)
            out[key] = column
        return out

    @model_validator(mode="after")
    def _questions(self) -> DataPaths:
        if self.responses is not None and self.questions is None:
            raise ParamsValueError("survey.questions_missing")
        return self

    def unit(self, file: str) -> str:
        """The unit of ``file``'s amounts (``budget``, ``payments`` or ``comparison_payments``)."""
        if isinstance(self.amount_unit, str):
            return self.amount_unit
        if file == "comparison_payments":
            return self.amount_unit.comparison_payments or self.amount_unit.payments
        return getattr(self.amount_unit, file)


class SeriesPoint(_Strict):
    """One value of a municipal statistic (a context goal's series): a year and its value."""

    period: int = Field(ge=1900, le=2100, description="The year the value is for.")
    value: float

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float) -> float:
        if v != v or v in (float("inf"), float("-inf")):
            raise ParamsValueError("params.finite", value=_short(v))
        return v


class KoladaRef(_Strict):
    """A context goal's series from Kolada: ``kolada: {kpi: N31807, municipality: '0305'}``
    (fetched once and kept in the project's data folder, :mod:`evaltools.data.kolada`)."""

    kpi: str = Field(pattern=r"^[A-Z]\d{5}$", description="Kolada's KPI id, a letter and five digits: N31807.")
    municipality: str = Field(description="The municipality's code, four digits in quotes: '0305'.")

    @field_validator("kpi", mode="before")
    @classmethod
    def _kpi(cls, v: object) -> object:
        if not isinstance(v, str) or not re.fullmatch(r"[A-Z]\d{5}", v):
            raise ParamsValueError("kolada.bad_kpi", value=str(_shown(v))[:40])
        return v

    @field_validator("municipality", mode="before")
    @classmethod
    def _code(cls, v: object) -> object:
        if isinstance(v, str) and not re.fullmatch(r"\d{4}", v):
            raise ParamsValueError("kolada.bad_municipality", value=v[:40])
        if not isinstance(v, str):
            raise ParamsValueError("params.municipality_code", value=_short(v))
        return v


# A school year (läsår) as a goal's words name it: a project counted from the autumn counts its project years so
SCHOOL_YEAR_WORDS = re.compile(r"\b(?:per\s+|varje\s+|varje\s+nytt\s+)?(?:läsår|skolår)\w*|\b(?:per\s+|each\s+|every\s+)?"
                               r"(?:school|academic)\s+years?\b", re.I)
AUTUMN_MONTHS = (7, 8, 9, 10)  # a project year that begins in these months is its school year

# How a goal's label says the period it is counted over, in Swedish and English, and the periods
# (``Goal.period``) that fit those words. A label that says one thing while the goal counts another
# would put the application's words above figures counted otherwise: the params file is refused.
_PERIOD_WORDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\bkalenderår\w*|\bcalendar years?\b", re.I), ("calendar_year",)),
    (re.compile(r"\bprojektår\w*|\bproject years?\b", re.I), ("project_year",)),
    (SCHOOL_YEAR_WORDS, ("project_year",)),
    (re.compile(r"\b(?:under|över|för)\s+(?:hela\s+)?projekt(?:tiden|perioden|et)\b|\bhela\s+projekt(?:tiden|perioden)\b"
                r"|\b(?:during|over|for)\s+the\s+(?:whole\s+)?project(?:\s+period)?\b|\bwhole\s+(?:project\s+)?period\b",
                re.I), ("whole_period",)),
    (re.compile(r"\b(?:per|varje)\s+år\b|\bårligen\b|\b(?:per|each|every|a)\s+year\b|\bannually\b", re.I),
     ("project_year", "calendar_year")),
)
# ... and a total ("Minst 120 deltagare totalt", "sammanlagt 90 personer", "150 participants in total") where the words
# name no other period: the whole period, never each project year (120 a year, judged "not reached" with 139 in all);
# beside a year's pace ("Minst 60 deltagare totalt, minst 20 per år") the year's words are read as before
_TOTAL_WORDS = re.compile(r"(?<![\wåäö])(?:totalt|sammanlagt|in\s+total|altogether)(?![\wåäö])", re.I)

# How a goal's label states a share: a percentage, "X av Y", or a word for a simple fraction.
_SHARE_WORDS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"\bhälften\b|\bhalva\b|\bhalf\b", re.I), 0.5),
    (re.compile(r"\bvar\s+tredje\b|\ben\s+tredjedel\b|\bone\s+in\s+three\b|\ba\s+third\b|\bone\s+third\b", re.I), 1 / 3),
    (re.compile(r"\bvar\s+fjärde\b|\ben\s+fjärdedel\b|\bone\s+in\s+four\b|\ba\s+quarter\b|\bone\s+quarter\b", re.I), 0.25),
    (re.compile(r"\btvå\s+av\s+tre\b|\btvå\s+tredjedelar\b|\btwo\s+(?:in|out\s+of)\s+three\b|\btwo\s+thirds\b", re.I), 2 / 3),
    (re.compile(r"\btre\s+av\s+fyra\b|\btre\s+fjärdedelar\b|\bthree\s+(?:in|out\s+of)\s+four\b|\bthree\s+quarters\b",
                re.I), 0.75),
)
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|procent\b|per\s*cent\b)", re.I)
_X_OF_Y = re.compile(r"\b(\d+)\s+(?:av|of|out\s+of)\s+(\d+)\b", re.I)
# ... and the same in words ("åtta av tio", "en av fem", "four out of ten"): the numbers one to ten
_NUMBER_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
                 "tio": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}
_SV_WORDS = "en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio"
_EN_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
_WORDS_OF = re.compile(rf"(?<![\wåäö])({_SV_WORDS})\s+av\s+({_SV_WORDS})(?![\wåäö])"
                       rf"|\b({_EN_WORDS})\s+(?:in|out\s+of)\s+({_EN_WORDS})\b", re.I)
# A period shorter than a year, as an application words it: no goal is counted over one
_SUB_YEAR = re.compile(r"halv|half|termin|semester|kvartal|quarter|månad|manad|month", re.I)
# Words of a goal no count of participants measures: a change in percentage points, an amount of money
# (an amount's words whole, as the message quotes them: 'SEK 500,000', '500.000 kr', not 'SEK 5' or '000 kr')
_NOT_COUNTED = re.compile(r"\bprocentenhet\w*|\bpercentage\s+points?\b|\b\d+(?:[\s.,]\d+)*\s*(?:kr|kronor|tkr|mnkr|sek)\b"
                          r"|\bmiljon(?:er)?\s+(?:kr|kronor)\b|\bmillion\s+(?:kr|sek|kronor)\b|\bsek\s+\d+(?:[\s.,]\d+)*",
                          re.I)
# ... of which an amount or a cut by a percent in the participants' own försörjningsstöd ("kostnaderna för
# försörjningsstöd för deltagarna ska minska med 1,5 miljoner kronor", "deltagarnas försörjningsstöd ska minska med 20
# %") has three figures it may be read against, each another measure: the participants' payments before and after
# start, the calculation's saving (a present value net of an assumed deadweight) and the municipality's own series,
# which is not the participants'. The message names them, so that the evidence says which it is.
_AN_AMOUNT = re.compile(r"kr\b|kronor|tkr|mnkr|sek|miljon|million", re.I)
_PARTICIPANTS_SUPPORT = re.compile(
    r"(?<![\wåäö])(?:deltagar\w*|målgrupp\w*|deras|sitt|sina|their|participants'?|(?:the\s+)?target\s+group'?s?)"
    r"(?:\s+[\wåäö]+){0,3}?\s+(?:försörjningsstöd|ekonomisk[at]?\s+bistånd|social\s+assistance)\w*"
    r"|(?:försörjningsstöd|ekonomisk[at]?\s+bistånd|social\s+assistance)\w*(?:\s+[\wåäö]+){0,2}?\s+(?:för|till|hos|bland|"
    r"i|inom|of|for|to|among|in)\s+(?:de\s+|the\s+)?(?:deltagar\w*|målgrupp\w*|participants|target\s+group)", re.I)
# ... and a number of things the project does rather than persons ("minst 150 arbetsgivarkontakter per år", "20
# informationsträffar", "150 employer contacts"): counted as participants, 18 enrolled would be set against 150
_ACTIVITIES = re.compile(
    r"\b\d[\d\s]*\s+(?:[\wåäö]+\s+)?[\wåäö]*(?:kontakt|besök|möte|träff|samtal|tillfälle|föreläsning|workshop|"
    r"aktivitet|contact|visit|meeting|session)(?:er|erna|en|ar|arna|n|na|s)?\b", re.I)
# ... and a change in a person's payments by a percent ("minskat sitt försörjningsstöd med minst 20 %"): the
# participant file holds each person's outcome at exit, not how much their payments changed
_PAYMENT = (r"(?:försörjningsstöd|ekonomiskt?\s+bistånd|bistånd|bidrag|utbetalning|kostnad|social\s+assistance|"
            r"welfare|benefit|payment|assistance)\w*")
_CHANGE = r"(?:minsk|sänk|reduc|decreas|lower|cut)\w*"
_BY_PERCENT = r"(?:med|by)\s+(?:(?:minst|mer\s+än|över|at\s+least|more\s+than|over)\s+)?\d+(?:[.,]\d+)?\s*(?:%|procent\b|per\s*cent\b)"
_PAYMENT_CHANGE = re.compile(rf"\b{_CHANGE}(?:\s+[\wåäö]+){{0,4}}?\s+{_PAYMENT}(?:\s+[\wåäö]+){{0,3}}?\s+{_BY_PERCENT}"
                             rf"|\b{_PAYMENT}(?:\s+[\wåäö]+){{0,4}}?\s+{_CHANGE}\s+{_BY_PERCENT}", re.I)
# ... and a cut in the försörjningsstöd paid, as an amount falls, without a figure or by a part in words ("halvera
# utbetalt försörjningsstöd", "försörjningsstödet till målgruppen ska halveras", "kostnaderna för ekonomiskt bistånd ska
# minska med hälften", "minskade kostnader för försörjningsstöd", "reduce the social assistance paid by half"): the
# payments' sum, not a count of persons, and a share goal's target (0.5 for "halvera") would be read as half of those
# who ended leaving it; so is a person's own payments cut ("minst hälften ska ha minskat sitt försörjningsstöd", "ett
# lägre försörjningsstöd"), which those who left it to an active plan with another party (most often still on it)
# would be counted as. A person's need of or dependence on it ("minskat sitt behov av", "minskat beroende av
# försörjningsstöd") is no sum paid, and a number of persons on it ("antalet deltagare med försörjningsstöd ska
# halveras") is a share that is to fall (_SHARE_FALLS).
_CUT_VERB = r"(?:halver\w*|minska\w*|sänk\w*|reducer\w*|halve[sd]?|reduc\w*|cut|lower\w*)"
_PAID = (r"(?:(?:kostnad\w*|utgift\w*|utbetalning\w*|costs?|spending)\s+(?:för|av|på|of|on)\s+|utbetal[dt]a?\s+)?"
         r"(?:(?:det|den|the)\s+)?")
_SUPPORT_AMOUNT = (r"(?:försörjningsstöd(?!\w*beroend)\w*|ekonomisk[at]?\s+bistånd\w*|biståndet|bistånds(?:kostnad|utbetalning)\w*|"
                   r"social\s+assistance|welfare\s+(?:costs?|payments?|spending))")
_OWN = r"(?:(?:sitt|sina|deras|their(?:\s+own)?)\s+)?"
_SUPPORT_CUT = re.compile(
    rf"\b{_CUT_VERB}\s+{_OWN}{_PAID}{_SUPPORT_AMOUNT}|\b(?:lägre|mindre|lower|less)\s+{_PAID}{_SUPPORT_AMOUNT}"
    rf"|(?<![\wåäö])(?:(?:kostnad\w*|utgift\w*|utbetalning\w*)\s+(?:för|av)\s+{_SUPPORT_AMOUNT}|utbetalt\s+{_SUPPORT_AMOUNT}"
    rf"|(?:det\s+)?ekonomiska\s+biståndet|försörjningsstödet|biståndet|försörjningsstödskostnad\w*"
    rf"|(?:målgruppens|deltagarnas|gruppens)\s+{_SUPPORT_AMOUNT})"
    rf"(?:\s+[\wåäö]+){{0,4}}?\s+(?:ska|skall)\s+(?:ha\s+)?(?:halvera[st]?|halverats|minska[st]?|sänkas|sänkts|sjunka|sjunkit|"
    rf"reducerats?)(?![\wåäö])"
    rf"|\b(?:(?:costs?|spending|payments?)\s+(?:of|on)\s+social\s+assistance|social\s+assistance\s+(?:paid|costs?|payments?|"
    rf"spending)|welfare\s+(?:costs?|payments?|spending))(?:\s+\w+){{0,4}}?\s+(?:should|will|shall)\s+"
    rf"(?:be\s+(?:halved|reduced|cut|lowered)|fall|decrease)\b", re.I)
# ... and a person's need of, or dependence on, försörjningsstöd that falls ("minst 40 % ska ha minskat sitt behov av
# försörjningsstöd", "ett minskat beroende av ekonomiskt bistånd", "behovet av försörjningsstöd ska minska", "reduced
# their need for social assistance"): each person's own, which one paid less but still paid has lessened too. Counted as
# exits to the goal's outcomes it would be judged as those who left it (by the exit code), and an exit to work of one
# who never had it (on sickness benefit at start) would count as a need that fell, while one paid half as much as before
# would not: no exit code measures it, the payments do.
_NEED = r"(?:behov(?:et)?|beroende(?:t)?|needs?|dependen(?:ce|cy)|reliance)"
_NEED_OF_SUPPORT = (r"(?:av|för|på|of|for|on)\s+(?:det\s+|the\s+)?(?:försörjningsstöd\w*|ekonomiskt?\s+bistånd\w*|"
                    r"socialbidrag\w*|social\s+assistance|welfare)")
_SUPPORT_NEED = re.compile(
    rf"(?<![\wåäö])(?:minsk\w*|sänk\w*|lägre|mindre|reduc\w*|decreas\w*|lower\w*|less|lessen\w*)\s+"
    rf"(?:(?:sitt|sina|deras|their)\s+)?(?:[\wåäö]+\s+)?{_NEED}\s+{_NEED_OF_SUPPORT}"
    rf"|(?<![\wåäö])(?:behovet|beroendet|(?:their|the)\s+(?:need|dependen(?:ce|cy)|reliance))\s+{_NEED_OF_SUPPORT}"
    rf"(?:\s+[\wåäö]+){{0,3}}?\s+(?:minska\w*|sänk\w*|sjunk\w*|reduc\w*|decreas\w*|fall\w*|lower\w*)"
    rf"|(?<![\wåäö])(?:mindre|less)\s+(?:beroende|dependent)\s+(?:av|on)\s+(?:det\s+|the\s+)?"
    rf"(?:försörjningsstöd\w*|ekonomiskt?\s+bistånd\w*|social\s+assistance|welfare)", re.I)


# ... and a person's own försörjningsstöd cut by a part at a time after their start ("Minst 50 % ska ha minskat sitt
# försörjningsstöd med minst hälften ett år efter start", "halverat sitt försörjningsstöd tolv månader efter
# inskrivning", "cut their social assistance by at least half a year after enrolment"): no exit code measures it, but a
# payments file that runs past the start does, person by person; written as qualitative, ``evaltools validate`` gives
# the figure as its evidence (:func:`evaltools.data.crosscheck.support_cut_note`)
_TIME_NUMBERS = {"en": 1, "ett": 1, "one": 1, "a": 1, "två": 2, "two": 2, "tre": 3, "three": 3, "fyra": 4, "four": 4,
                 "sex": 6, "six": 6, "nio": 9, "nine": 9, "tolv": 12, "twelve": 12, "arton": 18, "eighteen": 18,
                 "tjugofyra": 24}
_TIME_AFTER_START = re.compile(
    r"(?<![\wåäö])(?P<n>\d+|" + "|".join(_TIME_NUMBERS) + r")\s+(?P<unit>år|years?|månader|månaders|mån\.?|months?|"
    r"halvår)\s+(?:efter|från|after|from)\s+(?:sin\s+|deras\s+|the\s+|their\s+)?(?:start(?:en)?|inskrivning(?:en)?|"
    r"enrol+ment|joining)(?![\wåäö])", re.I)
_PART_CUT = re.compile(r"(?<![\wåäö])(?:med|by)\s+(?:minst\s+|åtminstone\s+|at\s+least\s+)?(?:(?P<half>hälften|halva|half)"
                       r"|(?P<pct>\d+(?:[,.]\d+)?)\s*(?:%|procent|per\s*cent))(?![\wåäö])"
                       r"|(?<![\wåäö])(?P<halved>halverat|halverats|halvera|halved)(?![\wåäö])", re.I)
_OWN_WORD = re.compile(r"(?<![\wåäö])(?:sitt|sina|their)(?![\wåäö])", re.I)


def support_cut_after_start(label: str | None) -> tuple[float, int, str] | None:
    """(the part cut, the months after the start month, the words) where a goal's label speaks of each participant's
    own försörjningsstöd cut by a part at a time after their start; ``None`` where it does not.

    >>> support_cut_after_start("Minst 50 % ska ha minskat sitt försörjningsstöd med minst hälften ett år efter start")
    (0.5, 12, 'minskat sitt försörjningsstöd')
    >>> support_cut_after_start("Minst 40 % ska ha halverat sitt försörjningsstöd sex månader efter inskrivning")
    (0.5, 6, 'halverat sitt försörjningsstöd')
    >>> support_cut_after_start("Deltagarnas försörjningsstöd ska minska med 20 % ett år efter start") is None
    True
    """
    if not label:
        return None
    text = read_label(label)
    cut, part, when = _SUPPORT_CUT.search(text), _PART_CUT.search(text), _TIME_AFTER_START.search(text)
    if cut is None or part is None or when is None or not _OWN_WORD.search(cut.group(0)):
        return None
    if part.group("pct"):
        share = float(part.group("pct").replace(",", ".")) / 100
        if not 0 < share <= 1:
            return None
    else:
        share = 0.5
    n = when.group("n").lower()
    count = int(n) if n.isdigit() else _TIME_NUMBERS[n]
    unit = when.group("unit").lower()
    months = count * 6 if unit == "halvår" else count * 12 if unit.startswith(("år", "year")) else count
    if not 1 <= months <= 120:
        return None
    return share, months, label_words(cut.group(0).strip(), label)


def support_need_words(label: str | None) -> str | None:
    """The words of a goal's label that speak of a person's need of försörjningsstöd lessened (``minskat sitt behov
    av försörjningsstöd``), as the label writes them; ``None`` where it does not. Such a goal is written as
    qualitative, and ``evaltools validate`` gives it the payments' figures as evidence."""
    if not label:
        return None
    found = _SUPPORT_NEED.search(read_label(label))
    return label_words(found.group(0).strip(), label) if found is not None else None


# The word a series' source is often written after, as a figure's caption writes it ("Källa: Kolada", "Source:")
_SOURCE_WORD = re.compile(r"^(?:källa|källor|source|sources)\s*:\s*", re.I)
# ... and a time: how long persons are on försörjningsstöd ("genomsnittlig tid i försörjningsstöd ska minska"),
# which no count of exits measures (the payments file does, over months, not a goal of participants)
_SUPPORT = r"(?:försörjningsstöd|ekonomiskt?\s+bistånd|bistånd|social\s+assistance|welfare)\w*"
_TIME_ON_SUPPORT = re.compile(
    rf"\b(?:genomsnittlig|medel|median)\w*\s+(?:tid|tiden|längd|antal\s+månader)(?:\s+[\wåäö]+){{0,2}}?\s+{_SUPPORT}"
    rf"|\b(?:medeltid|mediantid|snittid)\w*(?:\s+[\wåäö]+){{0,2}}?\s+{_SUPPORT}"
    rf"|\btiden?\s+(?:i|med|på|inom)\s+{_SUPPORT}|\bmånader\s+(?:i|med|på)\s+{_SUPPORT}"
    rf"|\b(?:average|mean|median)\s+(?:time|duration|length|number\s+of\s+months)(?:\s+\w+){{0,2}}?\s+{_SUPPORT}"
    rf"|\btime\s+(?:on|in|receiving)\s+{_SUPPORT}", re.I)
# ... and, in a goal that counts enrolments (participant_count), an outcome its words promise ("minst 10 deltagare
# per år ska påbörja studier"): counted as enrolments, every participant would be one, and the goal "uppnått"
# with 12 enrolled while 3 began studies. The promise follows "ska"/"should": a target group described by an
# outcome ("deltagare som har svårt att få arbete") is not one.
_OUTCOME_WORDS = (r"(?:arbete|arbetet|jobb\w*|anställning\w*|studier|studierna|studera|utbildning(?:ar)?|egen\s+försörjning|"
                  r"självförsörj\w*|sjuk\w*ersättning|aktivitetsersättning|handlingsplan\w*|work|employment|a\s+job|"
                  r"jobs|studies|education|self-sufficien\w*|(?:an\s+)?action\s+plans?)")
_OUTCOME_VERB = (r"(?:påbörja\w*|börja\w*|gå(?:\s+vidare)?\s+(?:till|ut\s+i)|gått(?:\s+vidare)?\s+(?:till|ut\s+i)|"
                 r"övergå\w*\s+till|komma\s+(?:ut\s+)?i|kommit\s+(?:ut\s+)?i|få|fått|nå|nått|ha|haft|lämna\w*\s+till|"
                 r"start|begin|move\s+on\s+to|go\s+on\s+to|get|find|enter|have|reach|leave\s+for)")
# (support on the way is no outcome: "ska få stöd mot arbete" counts those enrolled)
_ON_THE_WAY = r"(?!(?:stöd|hjälp|vägledning|insats|coachning|support|help|guidance|coaching)\w*\b)"
_OUTCOME_PROMISE = re.compile(rf"\b(?:ska|skall|should|will|shall)\s+(?:[\wåäö]+\s+){{0,2}}?{_OUTCOME_VERB}"
                              rf"(?:\s+{_ON_THE_WAY}[\wåäö]+){{0,2}}?\s+{_OUTCOME_WORDS}\b", re.I)
# ... and a movement on a scale: a step model's or a ladder's steps ("minst 60 % ska ha gjort minst en
# stegförflyttning", "flyttat sig minst ett steg på stegmodellen"), which the participant file does not hold (it
# holds each person's outcome at exit): counted as exits to the default outcomes, the goal would claim steps
# no one measured. The steps at start and at exit are a survey goal's answers (``measure: change``).
_STEPS = re.compile(r"\bsteg\s*-?\s*förflyttning\w*|\bstegförändring\w*|\bförflytt\w*\s+(?:[\wåäö]+\s+){0,2}?steg\b"
                    r"|\b(?:ett|minst\s+ett|1)\s+steg\s+(?:uppåt|framåt|på\s+\w+)|\bsteg\s+på\s+(?:stegmodell|stegtrapp|"
                    r"trapp|skala)\w*|\bstep\s+(?:change|movement|progression)s?\b|\b(?:one|a)\s+step\s+(?:up|forward|on)\b"
                    r"|\bsteps?\s+on\s+the\s+(?:scale|ladder|step\s+model)\b"
                    # (a level on a scale raised, as a language or study level is: "höjt sin svensknivå ett steg",
                    # "gått upp en nivå", "raised their Swedish level by one step")
                    r"|[\wåäö]*nivå\w*\s+(?:med\s+)?(?:minst\s+)?(?:ett|en|1)\s+(?:steg|nivå)\b"
                    r"|\bhöj\w*\s+(?:sin|sina|deras|en)\s+[\wåäö]*nivå\w*"
                    r"|\b(?:gått|gå|går|flyttat|flytta)\s+upp\s+(?:minst\s+)?(?:ett|en|1)\s+(?:steg|nivå)\b"
                    r"|\blevel\s+by\s+(?:at\s+least\s+)?(?:one|a|1)\s+(?:step|level)\b"
                    r"|\b(?:up|rais\w*|mov\w*\s+up)\s+(?:at\s+least\s+)?(?:one|a|1)\s+level\b", re.I)
# ... and a change in the participant: a capacity, health or extent of work that grows ("minst 50 % ska ha ökad
# arbetsförmåga vid avslut", "arbetsförmågan ska ha förbättrats", "förbättrad hälsa", "ökad aktivitetsförmåga", "ökat sin
# sysselsättningsgrad", "gått upp i arbetstid", "increased work capacity") or a sick leave that shrinks ("minskad
# sjukskrivningsgrad"), which the participant file does not hold either: counted as exits to the default outcomes
# (sjukpenning among them), the goal would call every such exit the change. A target group described by its state
# ("deltagare med nedsatt arbetsförmåga ska gå till arbete", "med psykisk ohälsa") names no change and is read as
# written (a change after the word counts only where the state is the subject: "arbetsförmågan ska öka").
_STATE = (r"(?:arbetsförmåga\w*|anställningsbarhet\w*|employability|arbetskapacitet\w*|förmåga\w*\s+att\s+arbeta|aktivitetsförmåga\w*|funktionsförmåga\w*|"
          r"funktionsnivå\w*|hälsa|hälsan|hälsotillstånd\w*|mående\w*|välbefinnande\w*|livskvalitet\w*|självkänsla\w*|"
          r"självförtroende\w*|sysselsättningsgrad\w*|arbetstid\w*|tjänstgöringsgrad\w*|motivation\w*|"
          r"framtidstro\w*|tilltro\s+till\s+(?:sig\s+själv|sin\s+egen\s+förmåga)|delaktighet\w*|trygghet\w*|egenmakt\w*|"
          r"självständighet\w*|work(?:ing)?\s+(?:capacity|ability)|health|well-?being|quality\s+of\s+life|working\s+hours|"
          r"(?:hours|extent)\s+of\s+work|motivation|self-?(?:esteem|confidence|reliance)|empowerment)")
_UP = (r"(?:ök\w*|förbättr\w*|stärk\w*|höj\w*|högre|bättre|utvecklad\w*|increas\w*|improv\w*|greater|higher|better|"
       r"rais\w*|strengthen\w*|gått\s+upp\s+i|gå\s+upp\s+i)")
_LEAVE = r"(?:sjukskrivningsgrad\w*|sjukskrivningen|sjukfrånvaro\w*|sick\s+leave|sickness\s+absence)"
_DOWN = r"(?:minsk\w*|sänk\w*|lägre|reduc\w*|decreas\w*|lower\w*|less)"
_STATE_THE = (r"(?:arbetsförmågan|arbetskapaciteten|aktivitetsförmågan|funktionsförmågan|hälsan|måendet|livskvaliteten|"
              r"sysselsättningsgraden|arbetstiden|motivationen|framtidstron|delaktigheten|tryggheten|självständigheten|(?:their|the)\s+(?:work(?:ing)?\s+(?:capacity|ability)|health|"
              r"well-?being|quality\s+of\s+life|working\s+hours))")
# ... of which an extent of work ("ökat sin sysselsättningsgrad", "gått upp i arbetstid", "working hours"): the
# participant file may hold it (extent_before_pct, extent_after_pct), though no goal counts those columns
_EXTENT = re.compile(r"sysselsättningsgrad\w*|arbetstid\w*|tjänstgöringsgrad\w*|working\s+hours|(?:hours|extent)\s+of\s+work",
                     re.I)
# ... and an extent of work a share or outcome goal sets, at exit or as a change ("arbeta minst 10 timmar i veckan",
# "öka antalet timmar i arbetsträning", "en sysselsättningsgrad på minst 50 %", "sysselsatta minst halvtid", "ökad
# sysselsättning", "work at least half-time"): counted as exits to its outcomes, every exit to work would be an extent
# reached, and the participant file's extent_before_pct and extent_after_pct are counted by no goal
_EXTENT_GOAL = re.compile(
    r"(?<![\wåäö])(?:sysselsättningsgrad\w*|arbetstid\w*|tjänstgöringsgrad\w*|heltid|halvtid|deltid|"
    r"(?:hel|halv|del)tidsarbete\w*|sysselsatta?\s+(?:minst|till|på)|\d+\s*%\s+sysselsättning\w*|"
    r"(?:ökad|ökat|öka|höjd|höjt|höja)\s+(?:sin\s+|sitt\s+|sina\s+|deras\s+)?sysselsättning(?:en)?|"
    r"(?:antal(?:et)?|fler)\s+(?:arbets)?timmar|timmar\s+(?:i|per|om|/)\s*vecka\w*|working\s+hours|"
    r"hours\s+(?:a|per)\s+week|(?:number\s+of|more)\s+hours|full[\s-]time|part[\s-]time|half[\s-]time)(?![\wåäö])",
    re.I)
_CHANGE_IN_PERSON = re.compile(
    rf"(?<![\wåäö]){_UP}(?:\s+[\wåäö]+){{0,2}}?\s+{_STATE}(?![\wåäö])"
    rf"|(?<![\wåäö]){_STATE_THE}(?:\s+[\wåäö]+){{0,3}}?\s+{_UP}"
    rf"|(?<![\wåäö]){_DOWN}(?:\s+[\wåäö]+){{0,2}}?\s+{_LEAVE}"
    rf"|(?<![\wåäö])(?:sjukskrivningsgraden|sjukfrånvaron|(?:their|the)\s+sick\s+leave)(?:\s+[\wåäö]+){{0,3}}?\s+{_DOWN}",
    re.I)
# ... and a change in the use of alcohol or drugs, or in psychiatric symptoms ("minst 40 % ska ha minskat eller
# upphört med sitt missbruk vid avslut", "minskad alkoholkonsumtion", "missbruket ska ha upphört", "ska vara drogfria
# vid avslut", "minskad psykisk ohälsa", "reduced substance use"), which the participant file does not hold either:
# counted as exits to the default outcomes, a project for persons with a dependence would report every exit to work,
# a benefit or an active plan as a person who cut down or stopped. A target group described by its use ("deltagare
# med missbruk", "med psykisk ohälsa") names no change, and a dependence on support ("minskat beroende av
# försörjningsstöd") is no use of a substance.
_USE = (r"(?:(?:sitt\s+|sin\s+|sina\s+|their\s+)?(?:missbruk\w*|beroende(?:t|problematik\w*)?(?!\s+av\b)|drogbruk\w*|"
        r"droganvändning\w*|narkotikabruk\w*|narkotikaanvändning\w*|alkoholbruk\w*|alkoholkonsumtion\w*|"
        r"alkoholintag\w*|spelande\w*|spelberoende\w*|substansbruk\w*|bruk\s+av\s+(?:alkohol|droger|narkotika)|"
        r"användning\w*\s+av\s+(?:alkohol|droger|narkotika)|psykisk\w*\s+ohälsa\w*|symtom\w*|ångest\w*|"
        r"substance\s+(?:use|abuse|misuse)|drug\s+use|alcohol\s+(?:use|consumption|intake)|drinking|gambling|"
        r"addiction|(?:psychiatric\s+)?symptoms?|anxiety|mental\s+ill[\s-]health))")
_CUT = (r"(?:minsk\w*|sänk\w*|lägre|upphör\w*|slutat|sluta|brutit|bryta|lagt\s+av|reduc\w*|decreas\w*|"
        r"lower\w*|less|stop\w*|quit\w*|ceas\w*|ended|ending)")
_FREE = (r"(?:drogfri\w*|nykter|nyktra|nykterhet|alkoholfri\w*|spelfri\w*|abstinent\w*|drug[\s-]free|alcohol[\s-]free|"
         r"substance[\s-]free|sober|abstinent)")
_USE_CHANGE = re.compile(
    rf"(?<![\wåäö]){_CUT}(?:\s+[\wåäö]+){{0,4}}?\s+(?:med\s+|with\s+)?{_USE}(?![\wåäö])"
    rf"|(?<![\wåäö])(?:missbruket|beroendet|drogbruket|alkoholkonsumtionen|spelandet|symtomen|ångesten|"
    rf"(?:their|the)\s+(?:substance\s+use|drug\s+use|drinking|symptoms|anxiety))(?:\s+[\wåäö]+){{0,3}}?\s+{_CUT}"
    rf"|(?<![\wåäö])(?:vara|varit|bli|blivit|förbli\w*|vid\s+avslut\s+vara|be|been|become|remain\w*|stay\w*)\s+"
    rf"(?:[\wåäö]+\s+)?{_FREE}(?![\wåäö])|(?<![\wåäö])(?:ökad|förbättrad|increased|improved)\s+(?:drogfrihet|nykterhet|"
    rf"sobriety|abstinence)", re.I)
# ... and a treatment or care the participant was to begin or receive ("minst 70 % ska ha påbörjat behandling för sitt
# beroende", "fått kontakt med psykiatrin", "genomgått avgiftning", "started treatment"): the participant file holds
# each person's outcome at exit, not a treatment, and counted as exits to the default outcomes the goal would call
# every such exit a treatment begun. A target group described by it ("deltagare som påbörjat behandling ska gå till
# arbete", "i behandling") is read as written.
_CARE = (r"(?:behandling\w*|beroendevård\w*|missbruksvård\w*|psykiatrisk\w*\s+vård\w*|vård(?:en|kontakt\w*)?|"
         r"avgiftning\w*|abstinensbehandling\w*|läkemedelsassisterad\w*|LARO|terapi\w*|KBT|psykoterapi\w*|"
         r"återfallsprevention\w*|kontakt\w*\s+med\s+(?:psykiatri\w*|beroendemottagning\w*|beroendevård\w*|"
         r"missbruksvård\w*|vården|vårdcentral\w*|primärvård\w*|hälso-\s+och\s+sjukvården)|treatment|therapy|detox\w*|"
         r"(?:psychiatric|addiction|health)\s+care|contact\s+with\s+(?:the\s+)?(?:psychiatric\s+services|psychiatry|"
         r"addiction\s+services|health\s+care))")
_BEGIN = (r"(?:påbörja\w*|börja\w*|inlett|inleda|få|fått|erhåll\w*|erhållit|kommit\s+i|komma\s+i|gå\s+i|gått\s+i|"
          r"genomgå\w*|genomgått|tagit\s+emot|ta\s+emot|etablera\w*|start\w*|begin|began|begun|receiv\w*|undergo\w*|"
          r"undergone|enter\w*|get|got|establish\w*)")
_TREATMENT = re.compile(rf"(?<![\wåäö])(?<!som\s)(?<!som\shar\s)(?<!who\s)(?<!who\shave\s){_BEGIN}"
                        rf"(?:\s+[\wåäö]+){{0,2}}?\s+{_CARE}(?![\wåäö])", re.I)
# ... and a step of the work with the participant, an assessment or a mapping to be made ("minst 80 % ska ha klarlagd
# arbetsförmåga", "fått sin arbetsförmåga bedömd", "genomgått arbetsförmågebedömning", "en gemensam kartläggning av
# FK, vården och kommunen", "work capacity assessed"): the participant file holds each person's outcome at exit, not
# whether their capacity was assessed, and counted as exits to the default outcomes the goal would call every such
# exit an assessment made. A target group described by it ("deltagare med klarlagd arbetsförmåga ska gå till arbete",
# "de som genomgått en kartläggning") is read as written: a match preceded by "med", "som", "vars", "with", "who" or
# "whose" (with "har", "hade", "have", "had" between) is skipped.
_CAPACITY = (r"(?:arbetsförmåga\w*|arbets-\s+och\s+aktivitetsförmåga\w*|aktivitetsförmåga\w*|förmåga\w*\s+att\s+arbeta|"
             r"work(?:ing)?\s+capacity|capacity\s+(?:for|to)\s+work|ability\s+to\s+work|work\s+ability)")
_ASSESSED = (r"(?:klarlag\w*|klarlägg\w*|klargjor\w*|klargör\w*|bedöma|utreda|kartlägg\w*|assess|clarify|utredd\w*|utrett\w*|utretts|bedömd\w*|bedömts|kartlag\w*|fastställ\w*|prövad\w*|"
             r"prövats|assessed|clarified|evaluated|mapped|determined)")
_ASSESSMENT = (r"(?:arbetsförmågebedömning\w*|arbetsförmågeutredning\w*|aktivitetsförmågeutredning\w*|"
               r"(?:bedömning\w*|utredning\w*|kartläggning\w*|klarläggande\w*)\s+av\s+(?:sin\s+|deras\s+|den\s+)?"
               rf"{_CAPACITY}|(?:work\s+capacity|work\s+ability)\s+assessments?|assessments?\s+of\s+(?:their\s+)?"
               rf"{_CAPACITY})")
_PROCESS_STEP = re.compile(
    rf"(?<![\wåäö]){_ASSESSED}\s+{_CAPACITY}(?![\wåäö])"
    rf"|(?<![\wåäö])(?:(?:få|fått|ha|haft|have|had|get|got)\s+)?(?:sin\s+|sina\s+|deras\s+|their\s+)?{_CAPACITY}"
    rf"(?:\s+[\wåäö]+){{0,3}}?\s+{_ASSESSED}(?![\wåäö])"
    rf"|(?<![\wåäö])(?:(?:genomgå\w*|genomgått|få|fått|erhåll\w*|gjort|göra|ha|haft|undergo\w*|receiv\w*|get|got|had|"
    rf"have|completed?)\s+)?(?:en\s+|an?\s+)?{_ASSESSMENT}(?![\wåäö])"
    rf"|(?<![\wåäö])(?:gemensam(?:ma)?|joint)\s+(?:kartläggning\w*|bedömning\w*|utredning\w*|assessments?|mapping)"
    rf"(?![\wåäö])", re.I)
_GROUP_BEFORE = re.compile(r"(?<![\wåäö])(?:med|som|vars|with|who|whose)\s+(?:(?:har|hade|have|had)\s+)?$", re.I)


# ... and a step the participant is to take during the project, short of an outcome ("minst 20 % ska ha fått en
# praktikplats", "genomfört arbetsträning", "tagit körkort", "skrivit ett CV", "completed a work placement"): the
# participant file holds each person's outcome at exit, not who took the step, and counted as exits to the default
# outcomes the goal would call every such exit a step taken. A label that also names an outcome ("ska gå från
# praktik till arbete") counts the outcome and is read as written; so is a target group described by the step.
_STEP_TAKEN = (r"(?:praktik\w*|språkpraktik\w*|arbetsträning\w*|arbetsprövning\w*|körkort\w*|truckkort\w*|CV|"
               r"meritförteckning\w*|validering\w*|yrkesbevis\w*|work\s+placements?|internships?|work\s+trials?|"
               r"driving\s+licen[cs]es?|(?:a\s+)?CVs?|"
               # (a course passed, a grade or a qualification gained: "klarat SFI kurs C", "fått godkänt betyg",
               # "tagit gymnasieexamen", "passed the SFI course"; the file holds no results of courses)
               r"SFI\w*|sfi-\w+|kurs(?:en|er|erna)?|\w*betyg\w*|\w*behörighet\w*|\w*examen|\w*certifikat\w*|"
               r"(?:an?\s+|the\s+)?(?:SFI\s+)?(?:courses?|grades?|exams?|qualifications?|certificates?))")
_STEP_VERB = (r"(?:få|fått|ha|haft|genomför\w*|genomfört|gjort|göra|påbörja\w*|tagit|ta|skrivit|skriva|klara|klarat|"
              r"nå|nått|når|nådde|reach|reached|"
              r"avklara\w*|godkän\w*|pass|passed|gain\w*|"
              r"slutför\w*|fullföljt|fullfölja|get|got|have|had|complet\w*|do|done|start\w*|obtain\w*|take|taken|write|"
              r"written)")
# (or a move to the step, a step model's next: "gått från daglig verksamhet till arbetsträning", "slussats vidare till
# praktik", "moved on to a work placement")
_STEP_MOVE = (r"(?:gå|gått|går|gick|kommit|komma|kommer|övergå\w*|övergått|slussa\w*|flytta\w*|go|goes|gone|went|"
              r"mov\w*|progress\w*)")
_ACTIVITY_STEP = re.compile(rf"(?<![\wåäö]){_STEP_VERB}\s+(?:[\wåäö]+\s+){{0,2}}?{_STEP_TAKEN}(?![\wåäö])"
                            rf"|(?<![\wåäö]){_STEP_MOVE}(?:\s+[\wåäö]+){{0,5}}?\s+(?:vidare\s+)?(?:till|to|into|on\s+to)\s+"
                            rf"{_STEP_TAKEN}(?![\wåäö])", re.I)
_AN_OUTCOME = re.compile(rf"(?<![\wåäö]){_OUTCOME_WORDS}(?![\wåäö])|lyckat\s+utfall|successful\s+outcome", re.I)


def _outside_group(pattern: re.Pattern[str], label: str) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``label`` that does not describe the target group (no "med", "som", "vars",
    "with", "who" or "whose" before it, ``_GROUP_BEFORE``); ``None`` when there is none."""
    for m in pattern.finditer(label):
        if not _GROUP_BEFORE.search(label[:m.start()]):
            return m
    return None


def _activity_step(label: str) -> re.Match[str] | None:
    """The first words of ``label`` that set a goal of a step taken during the project (``_ACTIVITY_STEP``) where the
    label names no outcome and the words describe no target group; ``None`` otherwise."""
    if _AN_OUTCOME.search(_ACTIVITY_STEP.sub(" ", label)):  # (the step's own words, "work placement", name none)
        return None
    return _outside_group(_ACTIVITY_STEP, label)


# ... and contact with the project, or how often ("minst 70 % ska ha haft kontakt minst en gång i månaden", "haft
# regelbunden kontakt med sin coach", "träffat sin coach varje månad", "have had contact at least once a month"): the
# participant file holds each person's outcome at exit, not who was in contact nor how often, and counted as exits to
# the default outcomes the goal would call every such exit a contact. A contact log or the case files say it, as a
# qualitative goal's evidence. A target group described by it ("unga som saknar kontakt med skolan", "deltagare som
# har haft kontakt med psykiatrin") is read as written; so is a label that also names an outcome.
_FREQUENCY = (r"(?:minst\s+|at\s+least\s+)?(?:en\s+gång|\d+\s+gånger|once|twice|\d+\s+times)\s+(?:i|per|varje|a|per|"
              r"every)\s+(?:månad\w*|vecka\w*|month|week)|varje\s+(?:månad|vecka)|varannan\s+vecka|every\s+(?:month|week)|"
              r"monthly|weekly|regelbunde?n?\w*|regular(?:ly)?")
_CONTACT = re.compile(
    r"(?<![\wåäö])(?:ha|haft|har|få|fått|hålla|hållit|behålla|behållit|upprätthåll\w*|have|had|has|keep|kept|"
    r"maintain\w*)\s+(?:[\wåäö]+\s+){0,2}?(?:kontakt|kontakter|contact|contacts)(?![\wåäö])"
    rf"|(?<![\wåäö])(?:träffa\w*|träffat|mött|möta|met|meet|besökt|besöka|visited|visit)(?:\s+[\wåäö]+){{0,4}}?\s+"
    rf"(?:{_FREQUENCY})(?![\wåäö])", re.I)


def _contact(label: str) -> re.Match[str] | None:
    """The first words of ``label`` that set a goal of contact with the project or its frequency (``_CONTACT``) where
    the label names no outcome and the words describe no target group; ``None`` otherwise."""
    if _AN_OUTCOME.search(_CONTACT.sub(" ", label)):
        return None
    return _outside_group(_CONTACT, label)


def _process_step(label: str) -> re.Match[str] | None:
    """The first words of ``label`` that set a goal of an assessment or mapping to be made (``_PROCESS_STEP``),
    not a target group described by it; ``None`` when there are none."""
    return _outside_group(_PROCESS_STEP, label)


# ... and how the participants experience something ("minst 70 % ska uppleva ökad delaktighet", "känna sig redo för
# arbete", "vara nöjda med stödet", "instämmer i att bemötandet var gott", "feel more confident", "be satisfied with the
# support"): the participant file holds each person's outcome at exit, not what they felt; counted as exits to the
# default outcomes the goal would call every such exit an experience. A questionnaire says it (a survey goal). A
# target group described by it ("deltagare som upplever att de står långt från arbetsmarknaden") is read as written
# (a match after "med", "som", "vars", "with", "who" or "whose", as for an assessment, is skipped).
_EXPERIENCE = re.compile(
    r"(?<![\wåäö])(?:uppleva|upplever|upplevt|upplevde|upplevelse\w*|upplevd\w*|(?:känna|känner|kände|känt)\s+sig|"
    r"nöjd\w*|missnöjd\w*|instämm\w*|trivas|trivs|trivts|feel|feels|felt|satisfied|dissatisfied|satisfaction|"
    r"agrees?\s+(?:that|with)|experienc(?:e|es|ed)\s+(?:an?\s+)?(?:increas\w*|improv\w*|greater|better|more|less|"
    r"reduced|positive))(?![\wåäö])", re.I)


def _experience(label: str) -> re.Match[str] | None:
    """The first words of ``label`` that set a goal of how the participants experience something
    (``_EXPERIENCE``), not a target group described by it; ``None`` when there are none."""
    return _outside_group(_EXPERIENCE, label)


# ... and a plan ("minst 80 % av de avslutade ska ha en handlingsplan", "en upprättad rehabiliteringsplan", "action
# plan") in a goal that counts outcomes (no ``numerator: action_plan``): each exit to the default outcomes would be
# counted as a plan, and an exit with a plan but no such outcome would not. An outcome code's own words ("aktiv
# planering med annan part") name no plan document and are read as written.
_PLAN = re.compile(r"(?<![\wåäö])(?:handlingsplan|rehabiliteringsplan|rehabplan|genomförandeplan|aktivitetsplan|"
                   r"samordnad\s+individuell\s+plan|individuell\s+plan)\w*|\bSIP\b|\b(?:action|rehabilitation)\s+plans?\b"
                   # (a plan for the future as a youth project words it: "ska ha en planering för sin framtid", "en
                   # framtidsplan", "a plan for their future"; never the outcome's "aktiv planering med annan part", nor "en
                   # planering hos Arbetsförmedlingen", an active plan with another party)
                   r"|(?i:(?<![\wåäö])(?:en|sin|egen|skriftlig|individuell|upprättad|tydlig)\s+(?:(?!aktiv\b)[\wåäö]+\s+)?"
                   r"planering\b(?!\s+(?:med|hos|via|inom)\s+(?:en\s+)?(?:annan|andra|arbetsförmedling\w*|försäkringskassan|"
                   r"regionen|vården|af|fk)\b)|(?<![\wåäö])framtidsplan\w*|\bplans?\s+for\s+(?:their|his|her|the)\s+future\b)")
# ... and a time limit on when the outcome is to come, counted from the participant's start ("minst 80 % ska ha en
# individuell plan inom 4 veckor från start", "inom 3 månader efter inskrivning", "within 4 weeks of enrolment") or set
# before the goal's verb without saying from what ("Inom 3 månader ska 50 % vara i aktivitet hos Arbetsförmedlingen"):
# a goal counts the outcome at exit however long it took (and an action plan whether there was one, not when), so the
# figure would answer a goal with the time limit left out. A time after exit ("inom 6 månader efter avslut") is the
# report's to say (counted at exit, and said so); a time from the project's start ("inom 3 månader från projektstart",
# "efter starten av projektet") is no participant's and is read as written.
_TIME_NUMBER = (r"(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|arton|one|two|three|four|five|six|seven|"
                r"eight|nine|ten|eleven|twelve|eighteen|a|an)")
_TIME_UNIT = r"(?:dagar|dag|veckor|vecka|v\.|månader|månad|mån\.?|halvår|år|days?|weeks?|months?|years?)"
_A_TIME = rf"(?:{_TIME_NUMBER}\s+{_TIME_UNIT}|(?:ett\s+)?halvår|half\s+a\s+year|a\s+half[\s-]year)"
_PERSONS_START = (r"(?:(?:sin|deras|their)\s+)?(?:start(?:en)?|inskrivning\w*|inskrivningsdatum\w*|påbörja\w*\s+(?:insats|"
                  r"deltagande)\w*|insatsens\s+(?:start|början)|första\s+(?:mötet|kontakt\w*|besök\w*|samtal\w*)|"
                  r"remiss\w*|aktualisering\w*|enrol\w*|(?:the\s+)?start(?:ing)?|referral|entry|joining|first\s+(?:meeting|contact))"
                  r"(?![\wåäö])(?!\s+(?:av|för|of)\s+(?:projekt\w*|the\s+project))")
_TIME_FROM_START = re.compile(
    rf"(?<![\wåäö])(?:(?:inom|senast|within|no\s+later\s+than)\s+)?{_A_TIME}\s+(?:från|efter|räknat\s+från|after|from|"
    rf"of)\s+{_PERSONS_START}"
    rf"|^\s*(?:inom|within)\s+{_A_TIME}(?![\wåäö])(?!\s+(?:efter|från|after|from|of)\s)", re.I)
# ... and, anywhere in the label, a limit in days or weeks ("ska ha en individuell plan inom 4 veckor"), or any limit
# on a plan (numerator: action_plan), which can only be counted from the start: a plan is made during the stay, and no
# goal counts a situation some weeks after exit
_WITHIN = r"(?<![\wåäö])(?:inom|senast|within|no\s+later\s+than)\s+"
_NOT_AFTER_EXIT = r"(?![\wåäö])(?!\s+(?:efter|från|after|from|of)\s)"
_TIME_IN_WEEKS = re.compile(rf"{_WITHIN}{_TIME_NUMBER}\s+(?:dagar|dag|veckor|vecka|days?|weeks?){_NOT_AFTER_EXIT}", re.I)
_TIME_ANY = re.compile(rf"{_WITHIN}{_A_TIME}{_NOT_AFTER_EXIT}", re.I)
# A time limit in months or years counted from each participant's start, which a share goal counts as written with
# ``within_months`` ("Minst 40 % ska ha gått till arbete eller studier inom 12 månader från start", "inom sex
# månader efter inskrivning", "inom ett år", "within 12 months of enrolment"): the months it says, else None (days
# and weeks, which no goal counts)
_TIME_MONTHS = {"månader": 1, "månad": 1, "mån": 1, "mån.": 1, "months": 1, "month": 1, "år": 12, "years": 12,
                "year": 12, "halvår": 6}
_TIME_WORDS = {**_NUMBER_WORDS, "elva": 11, "tolv": 12, "arton": 18, "eleven": 11, "twelve": 12, "eighteen": 18,
               "a": 1, "an": 1}


# ... and a time said after "efter" without saying from what ("Minst 30 % ska vara utan försörjningsstöd efter 6
# månader", "ska ha arbete efter sex månader", "efter 12 månader i projektet"): counted from the start it is a time
# limit (within_months), after exit it is the situation later (counted at exit, and said so); the words do not say
# which, and a goal counting the outcome at exit would answer neither
_TIME_AFTER_WHAT = re.compile(rf"(?<![\wåäö])(?:efter|after)\s+{_A_TIME}(?![\wåäö])"
                              rf"(?!\s+(?:efter|från|after|from|of|av)\s)", re.I)
# A benefit or job seeking named as where the participants go ("Minst 25 % ska ha fått sjukersättning eller
# aktivitetsersättning", "gå till sjukpenning", "arbete, studier eller arbetssökande", "inskrivna som arbetssökande"),
# with the outcome code it names: a goal without success_outcomes of its own would count the default successes
# (work, studies, every benefit and an active plan, never job seeking), another goal than its words; a benefit that
# describes the participants ("deltagare med sjukpenning", "som uppbär sjukersättning") names no outcome; going on to
# vocational rehabilitation ("gått vidare till arbetslivsinriktad rehabilitering") is an active plan with another party
# (Försäkringskassan's or Arbetsförmedlingen's), no work, studies or benefit of the default successes
_NAMED_OUTCOME_WORDS = (("sjuk_aktivitetsersättning", r"sjuk-\s*(?:och|eller)\s+aktivitetsersättning\w*|sjukersättning\w*|"
                   r"aktivitetsersättning\w*|sickness\s+compensation|activity\s+compensation"),
                  ("sjukpenning", r"sjukpenning\w*|sickness\s+benefit"),
                  ("arbetssökande", r"arbetssökande|job\s*seek\w*"),
                  ("aktiv_planering_annan_part", r"(?:arbetslivsinriktad|yrkesinriktad)\s+rehabilitering|"
                                                 r"(?:vocational|work-oriented)\s+rehabilitation"))
# subsidised employment named as where the participants go ("en anställning med lönebidrag", "nystartsjobb",
# "extratjänst", "subsidised employment"): arbete_med_stöd, without work unless the words name work besides
_SUBSIDISED_WORDS = (r"lönebidrag\w*|nystartsjobb\w*|lönestöd\w*|extratjänst\w*|introduktionsjobb\w*|"
                     r"trygghetsanställning\w*|subventionerad\w*\s+anställning\w*|"
                     r"anställning\w*\s+med\s+(?:stöd|lönebidrag|lönestöd)|arbete\s+med\s+stöd|"
                     r"(?:subsidi[sz]ed|supported)\s+(?:employment|work|jobs?)")
_SUBSIDISED = re.compile(rf"(?<![\wåäö])(?:{_SUBSIDISED_WORDS})(?![\wåäö])", re.I)
# ... and work named without subsidy ("osubventionerat arbete", "en anställning utan stöd", "arbete utan lönebidrag",
# "arbete på den öppna arbetsmarknaden", as Arbetsförmedlingen names work that no subsidy pays,
# "unsubsidised employment", "work without a wage subsidy"): arbete only, subsidised work left out, where words naming
# work count both
_UNSUBSIDISED = re.compile(
    r"(?<![\wåäö])(?:osubventionera\w*|icke[\s-]subventionera\w*|ej\s+subventionera\w*)\s+(?:arbete\w*|anställning\w*|"
    r"jobb\w*|tjänst\w*)(?![\wåäö])"
    r"|(?<![\wåäö])(?:arbete\w*|anställning\w*|jobb\w*)\s+utan\s+(?:\w+\s+)?(?:stöd|lönebidrag|lönestöd|subvention\w*|"
    r"anställningsstöd)(?![\wåäö])(?!\s+(?:från|av|ur|i\s+form)\s)"
    r"|(?<![\wåäö])(?:arbete\w*|anställning\w*|jobb\w*)\s+(?:på|inom)\s+(?:den\s+)?öppna\s+(?:arbets)?marknaden"
    r"(?![\wåäö])"
    r"|\b(?:employment|work|jobs?)\s+(?:in|on)\s+the\s+open\s+(?:labou?r\s+)?market\b"
    r"|\b(?:unsubsidi[sz]ed|non[\s-]subsidi[sz]ed)\s+(?:employment|work|jobs?)\b"
    r"|\b(?:employment|work|jobs?)\s+without\s+(?:an?\s+)?(?:wage\s+|employment\s+)?(?:subsid\w*|support)\b"
    r"(?!\s+(?:from|of|by)\s)", re.I)
_OUTCOME_NAMED = re.compile(r"(?<![\wåäö])(?:till|fått|få|får|beviljats|beviljas|eller|samt|som|or|to|as)\s+"
                            r"(?:en\s+|ett\s+)?(?:" + "|".join(w for _, w in _NAMED_OUTCOME_WORDS) + "|"
                            + _SUBSIDISED_WORDS + r")(?![\wåäö])"
                            r"|[,(/]\s*(?:" + "|".join(w for _, w in _NAMED_OUTCOME_WORDS) + r")(?![\wåäö])", re.I)
_OUTCOME_OF_GROUP = re.compile(r"(?<![\wåäö])(?:med|har|hade|uppbär|uppbar|on|receiving|de|the)\s+"
                               r"(?:(?!(?:to|till|into)\b)\w+\s+)?(?:"
                               + "|".join(w for _, w in _NAMED_OUTCOME_WORDS) + r")(?![\wåäö])", re.I)


def outcomes_named(label: str) -> tuple[str, ...]:
    """The outcome codes a goal's words name as where the participants go, among those no default reading counts as
    the words say (a benefit, job seeking), with work and studies where the words name them too, in the vocabulary's
    order; ``()`` where they name none, or name a benefit only as the participants' own."""
    unsubsidised = _UNSUBSIDISED.search(label)
    if unsubsidised is not None:  # (work without subsidy, and what else the rest of the words name)
        rest = _UNSUBSIDISED.sub(" ", label)
        return tuple(c for c in OUTCOMES if c == "arbete" or c in outcomes_named(rest)
                     or (c == "studier" and _STUDIES_WORDS.search(rest)))
    if _OUTCOME_OF_GROUP.search(label) or not _OUTCOME_NAMED.search(label):
        return ()
    named = {code for code, words in _NAMED_OUTCOME_WORDS if re.search(rf"(?<![\wåäö])(?:{words})(?![\wåäö])", label, re.I)}
    if _SUBSIDISED.search(label):
        named.add("arbete_med_stöd")
    if _WORK_WORDS.search(_SUBSIDISED.sub(" ", label)):  # (work besides subsidised work: "arbete eller nystartsjobb")
        named |= {"arbete", "arbete_med_stöd"}
    if named == {"arbete", "arbete_med_stöd"}:
        return ()  # (work, subsidised work among it: read as work, as words naming work alone are)
    if _STUDIES_WORDS.search(label):
        named.add("studier")
    return tuple(c for c in OUTCOMES if c in named)


def months_said(words: str) -> int | None:
    """The months a goal's time limit says (``'inom 12 månader från start'``: 12, ``'inom ett år'``: 12, ``'inom ett
    halvår'`` and ``'within half a year'``: 6), or None where it says days or weeks or no time."""
    if re.search(r"(?<![\wåäö])(?:halvår|half\s+a\s+year|half[\s-]year)", words, re.I) and \
            not re.search(rf"{_TIME_NUMBER}\s+halvår", words, re.I):
        return 6
    m = re.search(rf"(?<![\wåäö])({_TIME_NUMBER})\s+({_TIME_UNIT})", words, re.I)
    if m is None:
        return None
    number, unit = m.group(1).lower(), m.group(2).lower()
    count = int(number) if number.isdigit() else _TIME_WORDS.get(number)
    per = _TIME_MONTHS.get(unit)
    return count * per if count is not None and per is not None else None
# ... and a second condition, that those who left försörjningsstöd did not come back to it ("minst 30 % ska gå till
# arbete eller studier och inte ha återkommit till försörjningsstöd efter 3 månader", "without returning to social
# assistance"): the participant file holds the outcome at exit, not who was paid again later, so the goal would count
# every exit to its outcomes as one who stayed off it
_BACK = (r"(?:återkommit|återkomma|återkommer|återvänt|återvända|återvänder|kommit\s+tillbaka|komma\s+tillbaka|"
         r"kommer\s+tillbaka|gått\s+tillbaka|gå\s+tillbaka|går\s+tillbaka|återgått|återgå|återaktualiserats|"
         r"återaktualiseras|returned|return|returning|come\s+back|coming\s+back|gone\s+back|go\s+back|going\s+back)")
_NO_RETURN = re.compile(
    rf"(?<![\wåäö])(?:inte|ej|icke|aldrig|utan\s+att|not|never|without)\s+(?:ha\s+|har\s+|hade\s+|have\s+|having\s+)?"
    rf"{_BACK}\s+(?:till|på|i|to|on(?:to)?)\s+(?:[\wåäö]+\s+)?{_SUPPORT}", re.I)
# ... and a target per intake group ("varje intagsgrupp om 12 deltagare", "50 % i varje kull"): no period counts a
# group, and a year's two groups counted together can reach a target one of them missed ("uppnått" with 14 + 11
# against two groups of 12). Two groups named as a year's ("två intagsgrupper om 12 per år") are read as written.
_PER_GROUP = re.compile(r"\b(?:varje|per|i\s+varje|i\s+respektive|respektive)\s+(?:intagsgrupp|intag|kull|omgång|"
                        r"grupp|deltagargrupp|kohort)\w*|\b(?:each|every|per)\s+(?:intake|cohort|group)\w*"
                        r"(?:\s+group)?", re.I)
# A count per part of a year ("minst 10 nya deltagare per kvartal", "12 per termin", "5 per månad"): no goal is counted
# over one, so its target is the year's (10 per quarter is 40 a year); the number of such parts in a year by their word
# (the count in figures or in words, "tio nya deltagare per kvartal", two to a hundred, "tjugofem", "twenty-five",
# "hundra": 'en' and 'one' are articles too; a word before 'hundra' or 'tusen' is no count of its own)
_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90}
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_COUNT_WORDS = {**{w: n for w, n in _NUMBER_WORDS.items() if n > 1}, "elva": 11, "tolv": 12, "tretton": 13,
                "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, **_TENS, **_TENS_EN,
                **{t + u: n + _NUMBER_WORDS[u] for t, n in _TENS.items() for u in _SV_WORDS.split("|") if u != "tio"},
                **{f"{t}{sep}{u}": n + _NUMBER_WORDS[u] for t, n in _TENS_EN.items() for u in _EN_WORDS.split("|")
                   if u not in ("one", "ten") for sep in ("-", " ")},
                **{f"{t}{sep}one": n + 1 for t, n in _TENS_EN.items() for sep in ("-", " ")},
                "hundra": 100, "etthundra": 100, "hundred": 100, "one hundred": 100, "a hundred": 100}
_COUNT = (rf"(?<![\d,.\wåäö])(\d+(?![\d,.])|(?:{'|'.join(sorted(_COUNT_WORDS, key=len, reverse=True))})"
          r"(?![\wåäö])(?!\s+(?:hundra|tusen|hundred|thousand)(?![\wåäö])))")
_PER_PART = re.compile(rf"{_COUNT}(?!\s*(?:%|procent\b|per\s*cent\b))(?:\s+[\wåäö]+){{0,4}}?\s+"
                       r"(?:(?:per|varje|each|every)\s+(kvartal|halvår|termin|tertial|månad|quarter|half[\s-]year|term|semester"
                       rf"|month)|i\s+(kvartal|halvår|termin|tertial|månad)(?:et|en))(?![\wåäö])|{_COUNT}(?:\s+[\wåäö]+){{0,4}}?\s+"
                       r"(kvartalsvis|quarterly|monthly)\b",
                       re.I)
# ... and a share stated per part of a year ("varje halvår ska minst 30 % av de inskrivna ...", "30 % per kvartal"): a
# share is counted per year or over the whole period, and a year whose share reaches the target may have a half-year
# whose share does not
_SHARE_PER_PART = re.compile(r"(?<![\wåäö])(varje|per|each|every)\s+(kvartal|halvår|termin|tertial|månad|quarter|"
                             r"half[\s-]year|term|semester|month)(?![\wåäö])"
                             r"|(?<![\wåäö])(kvartalsvis|halvårsvis|terminsvis|månadsvis|quarterly|half-yearly|monthly)"
                             r"(?![\wåäö])", re.I)
_PARTS_IN_YEAR = {"kvartal": 4, "kvartalsvis": 4, "quarter": 4, "quarterly": 4, "halvår": 2, "half year": 2,
                  "half-year": 2, "termin": 2, "term": 2, "semester": 2, "tertial": 3, "månad": 12, "month": 12,
                  "monthly": 12}
# ... and households or families as the unit counted ("minst 12 hushåll ska bli självförsörjande", "20 nya familjer per
# år", "40 % av hushållen", "households"): a participant, outcome or share goal counts persons in the participant file,
# so the two parents of one household are counted as two and the figure is larger than the households it is read as.
# A household named as the participants' own ("föräldrar i hushåll med försörjningsstöd", "familjer med barn" as a
# target group after another noun) is no unit counted and is read as written.
_UNIT_WORDS = r"(?:hushåll(?:en)?|familjer(?:na)?|barnfamiljer(?:na)?|households?|families)"
_NOT_BETWEEN = (r"(?:i|från|med|av|ur|inom|per|som|ska|in|from|with|of|within|who|shall|deltagare\w*|föräldrar\w*|"
                r"personer\w*|vuxna|individer\w*|kvinnor\w*|män|mammor\w*|pappor\w*|unga|ungdomar\w*|"
                r"participants?|parents?|persons?|people|adults?|women|men|mothers?|fathers?)")
# a goal counted per project year of the implementation that follows a pre-study ("per projektår under
# genomförandet"): project years count from period.start, the pre-study's first day, so year 1 would hold the months
# of the pre-study, without participants, and the last year be a part year; never counted so without a word
_IMPLEMENTATION_PHASE = re.compile(
    r"(?<![\wåäö])(?:(?:under|i|efter|från)\s+(?:genomförandet|genomförandefasen|genomförandeperioden|"
    r"genomförandedelen|genomförandeprojektet)|genomförandefasens|genomförandeperiodens|efter\s+förstudien|"
    r"(?:during|in|after|of)\s+the\s+implementation(?:\s+(?:phase|period|stage))?|after\s+the\s+pre-?study)"
    r"(?![\wåäö])", re.IGNORECASE)
_HOUSEHOLD_UNIT = re.compile(
    rf"{_COUNT}(?:\s+(?!{_NOT_BETWEEN}(?![\wåäö]))[\wåäö-]+){{0,2}}?\s+{_UNIT_WORDS}(?![\wåäö])"
    rf"|(?<![\d,.])\d+(?:[,.]\d+)?\s*(?:%|procent|per\s*cent)\s+(?:av|of)\s+(?:de\s+|the\s+)?(?:[\wåäö-]+\s+)?{_UNIT_WORDS}(?![\wåäö])"
    # (a count of persons said to be counted per household: "..., räknat per hushåll", "hushållsvis", "by household")
    r"|(?<![\wåäö])(?:räknat\s+|räknad\s+|counted\s+)?(?:per|by)\s+(?:hushåll|familj|household|family)(?![\wåäö])"
    r"|(?<![\wåäö])(?:hushållsvis|familjevis)(?![\wåäö])",
    re.I)
def households_counted(label: str | None) -> str | None:
    """The words of a goal's label that count households or families (``30 % av hushållen``, ``per hushåll``), as a
    participant goal refuses them, or None."""
    m = _HOUSEHOLD_UNIT.search(read_label(label)) if label else None
    return label_words(m.group(0).strip(), label) if m else None


# A target population described as households or families, by its first word ("hushåll med barn 0–6 år", "ca 140
# barnfamiljer", "households on social assistance"): its size is read as persons (see TargetPopulation).
_HOUSEHOLDS_DESCRIBED = re.compile(r"\s*(?:(?:ca\.?|cirka|omkring|drygt|knappt|about|around|some|\d[\d\s]*)\s+){0,2}"
                                   r"((?:hushåll|familj|barnfamilj)[\wåäö]*|households?|famil(?:y|ies))(?![\wåäö])", re.I)
# ... and referrals: a count of persons referred ("minst 40 remitterade per år", "remisser", "aktualiseras") or of those
# referred by one actor ("deltagare från Försäkringskassan", "anvisade av Arbetsförmedlingen", "referred by the
# Public Employment Service"). The participant file holds those enrolled, not who was referred nor by whom: counted
# as enrolments, referrals never enrolled go missing and every actor's persons count as one actor's.
_ACTOR = (r"(?:arbetsförmedlingen|försäkringskassan|af|fk|socialtjänsten|vården|primärvården|"
          r"psykiatrin|vårdcentral\w*|hälso-\s+och\s+sjukvården|the\s+(?:public\s+)?employment\s+service|"
          r"the\s+(?:swedish\s+)?social\s+insurance\s+agency|social\s+services|(?:the\s+)?health\s+care)")
_REFERRALS = re.compile(
    r"(?<![\wåäö])(?:remitter\w*|remiss\w*|aktualiser\w*|referrals?|referred)(?![\wåäö])(?:\s+(?:från|av|via|by|from)\s+"
    rf"{_ACTOR}(?![\wåäö]))?"
    rf"|(?<![\wåäö])(?:deltagar\w*|personer\w*|inskrivna|anvisade|hänvisade|participants|persons|people)\s+(?:som\s+"
    rf"(?:kommer|kommit|anvisats|hänvisats)\s+)?(?:från|via|av|from)\s+{_ACTOR}(?![\wåäö])", re.I)
# A count of persons who are not the participants: staff trained, employers, firms ("minst 40 handläggare ska ha
# utbildats", "10 arbetsgivare ska ta emot deltagare för praktik", "40 trained case workers"). The participant file
# holds the participants: counted from it, 36 participants would be set against 40 case workers. (Participants
# described by them, "30 deltagare ska ha kontakt med arbetsgivare", are read as written.)
_NOT_PARTICIPANTS = re.compile(
    r"(?<![\d,.])\d+(?![\d,.])\s+(?:procent\s+|per\s*cent\s+)?(?:(?:nya|fler|utbildade|trained|new|more)\s+)?"
    r"(?:(?:av|of)\s+(?:the\s+|de\s+)?(?:[\wåäö]+s\s+)?)?(?:(?:nya|utbildade|trained|new)\s+)?"
    r"(?:handläggar\w*|medarbetar\w*|personal(?:en)?|yrkesverksamma|chefer(?:na)?|arbetsgivar\w*|företag(?:en)?"
    r"|arbetsplatser(?:na)?|case\s*workers?|caseworkers?|staff|professionals|managers|employers|companies|workplaces)"
    r"(?![\wåäö])", re.I)
# A count written as a range ("30–40 deltagare per år", "mellan 30 och 40 deltagare", "between 30 and 40
# participants"): reached at its lower end, so its target is that. (An age band, "16–29 år", is no count; "från 30
# till 40 deltagare" is a rise.)
_PERSONS = (r"(?:nya\s+|new\s+)?(?:deltagare|personer|unga|ungdomar|individer|inskrivna|participants|persons|people"
            r"|young\s+people)(?![\wåäö])")
_COUNT_RANGE = re.compile(rf"(?<![\d,.])(?<!från\s)(?<!from\s)(\d+)(?:\s*[-–—]\s*|\s+(?:till|to)\s+)(\d+)\s+{_PERSONS}"
                          rf"|\b(?:mellan|between)\s+(\d+)\s+(?:och|and)\s+(\d+)\s+{_PERSONS}", re.I)
# ... and a floor with a hope above it ("minst 15 men helst 20 deltagare", "minst 40 %, gärna 50 %", "at least 15,
# ideally 20"): the goal is reached at its floor; the hope is no target
_WISH = re.compile(r"\b(?:minst|at\s+least)\s+(\d+(?:[.,]\d+)?)(\s*(?:%|procent\b|per\s*cent\b))?(?:\s+[\wåäö]+){0,3}?\s*,?"
                   r"\s+(?:men\s+|och\s+|but\s+|and\s+)?(?:helst|gärna|förhoppningsvis|önskvärt|ideally|preferably|hopefully)"
                   r"\s+(?:upp\s+till\s+|up\s+to\s+)?(\d+(?:[.,]\d+)?)(\s*(?:%|procent\b|per\s*cent\b))?", re.I)
_SHARE_TOLERANCE = 0.005  # "var tredje" is 0.33 or 0.333 as a target
# A share to rise from a baseline to its target ("ska öka från 20 % till 35 %", "from 20% to 35%"): the target is the
# second share, never the first (the share before the project) nor their difference
_SHARE_RISE = re.compile(r"\b(?:från|from)\s+(\d+(?:[.,]\d+)?)\s*(?:%|procent\b|per\s*cent\b)?\s+(?:till|upp\s+till|to)\s+"
                         r"(?:minst\s+|at\s+least\s+)?(\d+(?:[.,]\d+)?)\s*(?:%|procent\b|per\s*cent\b)", re.I)
# ... and on to a further share after it ("från 10 % till 20 % och sedan till 35 %", "from 10% to 20% and then to
# 35%"): steps, each a target of its own, which one target cannot hold (read as the first, the later steps unjudged)
_SHARE_STEP = re.compile(r"\s*(?:[,;]\s*)?(?:(?:och|samt|and)\s+)?(?:(?:sedan|därefter|därpå|senare|slutligen|then|"
                         r"thereafter|later|finally)\s+)?(?:,\s*)?(?:vidare\s+|further\s+)?(?:till|upp\s+till|to)\s+"
                         r"(?:minst\s+|at\s+least\s+)?(\d+(?:[.,]\d+)?)\s*(?:%|procent\b|per\s*cent\b)", re.I)
# A count that must pass a number ("fler än 25 personer per år", "more than 25"): 25 does not reach it, so its target
# is the next whole person. (An age, "över 25 år", is no count.)
# (a ceiling, "inte fler än 5", "no more than 5", is none: _COUNT_CEILING)
_NOT_BEFORE = r"(?<!\bno\s)(?<!\bnot\s)(?<!\binte\s)(?<!\bej\s)"
_MORE_THAN = re.compile(_NOT_BEFORE + r"\b(?:fler|mer|flera|more)\s+(?:än|than)\s+(\d+)(?![\d,.]|\s*(?:%|procent|år\b|"
                        r"years?\b))|" + _NOT_BEFORE + r"\b(?:över|over)\s+(\d+)(?![\d,.]|\s*(?:%|procent|år\b|years?\b|tkr|kr\b))", re.I)
# A count said both in total and per year ("totalt 90 deltagare, 30 per år", "90 participants in total, 30 a year"):
# a goal counted per year whose target is the total would judge each year against the whole project's count
_IN_TOTAL = re.compile(r"\b(?:totalt|sammanlagt|sammantaget|i\s+(?:allt|totalt)|in\s+total|a\s+total\s+of|total)\s+"
                       r"(?:(?:minst|ca\.?|cirka|at\s+least|about)\s+)?(\d+)(?![\d,.]|\s*(?:%|procent\b|år\b|years?\b))"
                       r"|(?<![\d,.])(\d+)(?![\d,.%])(?:\s+[\wåäö]+){0,2}?\s+(?:totalt|sammanlagt|i\s+(?:allt|totalt)|in\s+total)"
                       r"\b", re.I)
_EACH_YEAR = re.compile(r"(?<![\d,.])(\d+)(?![\d,.%])(?:\s+[\wåäö]+){0,2}?\s*(?:per\s+år|/\s*år|om\s+året|i\s+året|"
                        r"varje\s+år|årligen|per\s+year|a\s+year|/\s*year|each\s+year|every\s+year|annually)\b", re.I)
# A goal set against a year before the project ("ökad andel till arbete jämfört med 2023", "fler än 2023",
# "compared with 2023"): the participant file holds no such year, so its target is the evaluator's reading of it
_BASELINE = re.compile(r"\b(?:jämfört\s+med|jämfört\s+mot|i\s+förhållande\s+till|än|compared\s+(?:with|to)|than)\s+"
                       r"(?:år\s+|in\s+)?((?:19|20)\d\d)\b", re.I)

# A goal on who takes part, not on where they went ("minst 40 % av deltagarna ska vara kvinnor", "varav minst en
# tredjedel unga under 25 år"): a share of the participants themselves. Counted as an outcome share (the default
# numerator) it would set the exits to work against 40 % of women; in a count of enrolments its share would not be
# judged at all. Such a goal counts a trait of the participants (``numerator: sex`` or ``numerator: age``).
_TRAIT = (r"(?:kvinnor|män|flickor|pojkar|unga(?:\s+vuxna)?|ungdomar|(?:personer|deltagare)\s+(?:under|över)\s+\d+"
          r"\s+år|(?:under|över)\s+\d+\s+år|\d+\s+år\s+eller\s+(?:äldre|yngre)|\d+\s*[-–]\s*\d+\s+år|women|men"
          r"(?!\s+(?:helst|gärna|förhoppningsvis|önskvärt|högst|inte|ej|ambitionen|målet)(?![\wåäö]))"  # (Swedish "but")
          r"|girls|boys|young\s+(?:people|persons|adults)|aged\s+(?:under|over)\s+\d+|(?:under|over)\s+\d+\s+years)")
_SHARE_WORD = (r"(?:\d+(?:[.,]\d+)?\s*(?:%|procent\b|per\s*cent\b)|hälften|halva|var\s+(?:tredje|fjärde)|en\s+(?:tredjedel|"
               r"fjärdedel)|två\s+av\s+tre|tre\s+av\s+fyra|\d+\s+av\s+\d+|(?:en|två|tre|fyra|fem|sex|sju|åtta|nio)\s+av\s+"
               r"(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio)|half|one\s+(?:third|quarter|in\s+(?:three|four))"
               r"|a\s+(?:third|quarter)|two\s+thirds)")
_OF_THEM = (r"(?:\s+(?:av|of)\s+(?:alla\s+|the\s+|all\s+)?(?:deltagarna|de\s+inskrivna|inskrivna|participants|those\s+"
            r"enrolled))?(?:\s+(?:ska|skall|bör|should|will|shall|must)(?:\s+vara|\s+be)?|\s+(?:är|are|utgörs\s+av|vara|be))?")
_COMPOSITION = re.compile(rf"{_SHARE_WORD}{_OF_THEM}\s+{_TRAIT}(?![\wåäö])|\b(?:andel(?:en)?|share\s+of|proportion"
                          rf"\s+of)\s+{_TRAIT}(?![\wåäö])", re.I)
# ... and a count of them ("minst 15 kvinnor", "10 deltagare över 50 år"), which a count of every enrolment is not
_COUNT_TRAIT = re.compile(rf"(?<![\d,.])\d+\s+(?:(?:deltagare|personer|participants|persons|people)\s+(?:som\s+är\s+|"
                          rf"who\s+are\s+)?)?{_TRAIT}(?![\wåäö])", re.I)
# (a youth project's own target group, "minst 25 unga per år", "40 deltagare 16–29 år", is everyone it counts)
_TARGET_GROUP = re.compile(r"\bunga\b|\bungdomar\b|\bunga\s+vuxna\b|\d+\s*[-–]\s*\d+\s+år|\byoung\s+(?:people|persons|adults)",
                           re.I)
# (words just before a count that make it part of a count of everyone: "90 deltagare, varav 36 kvinnor")
_PART_OF_COUNT = re.compile(r"\b(?:varav|därav|därib?land|av\s+dem|of\s+whom|of\s+them|including)\s+(?:minst\s+|"
                            r"at\s+least\s+)?$", re.I)
# (the sex a count of one names: "15 kvinnor", "20 women" count women; "10 män", "boys" count men)
_SEX_TRAIT = re.compile(r"\b(?:(kvinnor|flickor|women|girls)|män|pojkar|men|boys)\b", re.I)
COMPOSITION_NUMERATORS = ("sex", "age")

# A share that must pass a share ("mer än 40 % ska gå till arbete", "över hälften", "more than 40%"): exactly 40 %
# does not reach it, so its target lies just above (0.401: a share is compared as shown, to a tenth of a percentage
# point), as a count "fler än 25" takes 26. A target up to one percentage point above (0.41) is read as written.
_MORE_THAN_SHARE = re.compile(rf"{_NOT_BEFORE}\b(?:fler|mer|flera|more)\s+(?:än|than)\s+({_SHARE_WORD})"
                              rf"|{_NOT_BEFORE}\b(?:över|överstiga\w*|over|above|exceed\w*)\s+({_SHARE_WORD})", re.I)
_JUST_ABOVE = 0.01
# ... and a share that is to fall or stay under a ceiling ("Andelen deltagare med försörjningsstöd ska minska från 80 %
# till 50 %", "högst 30 % ska vara kvar på försörjningsstöd", "the share on social assistance should fall to 50%"): a
# share goal is reached at its target or above, so a ceiling's target would be judged the wrong way round (a share
# that rose to 90 % "reached"); the share of the others, who reach at least the rest, is the goal to write
# ... and a count that is to stay under a ceiling ("Högst 5 deltagare ska avbryta insatsen", "max 3 avbrott per år",
# "no more than 5 drop-outs"): a count goal is reached at its target or above, so more than the ceiling would be
# "reached" (and its successes are the outcomes counted, not the drop-outs its words name). An age ("högst 24 år"), a
# share or a time is no count; a ceiling beside the floor the goal sets ("minst 40 per år, högst 12 per grupp") is
# the group's size, not the goal.
_COUNT_CEILING = re.compile(r"(?<![\wåäö])(?:högst|maximalt|max\.?|som\s+mest|inte\s+(?:mer|fler)\s+än|färre\s+än|"
                            r"mindre\s+än|at\s+most|no\s+more\s+than|not\s+more\s+than|fewer\s+than|less\s+than|"
                            r"a\s+maximum\s+of)\s+\d+(?![\d,.])(?!\s*(?:%|procent|per\s*cent|år\b|years?\b|månad|mån\b|"
                            r"months?\b|veck|weeks?\b|dag|days?\b|kr\b|kronor|tkr|timm|hours?\b))", re.I)
_COUNT_FLOOR = re.compile(r"(?<![\wåäö])(?<!no\s)(?<!not\s)(?<!inte\s)(?<!ej\s)(?:minst|at\s+least|fler\s+än|mer\s+än|more\s+than)\s+\d", re.I)
# (a floor the label sets beside a ceiling, "Minst 40 % ... ska vara män (högst 60 % kvinnor)", is the goal: the
# ceiling restates the others' share)
# (a share that is to stay under a ceiling whose words are of drop-outs, "Andelen som avbryter ska vara högst 15 %",
# "högst 20 % avbrott", "no more than 15 % drop out": the others' share is every outcome but avbrott)
_DROPOUT = re.compile(r"(?<![\wåäö])(?:avbryt\w*|avbrott\w*|avbröt|hoppa[rt]?\s+av|drop(?:s|ped|ping)?[\s-]*outs?|"
                      r"discontinu\w*)(?![\wåäö])", re.I)
_SHARE_FLOOR = re.compile(rf"\b(?:minst|lägst|at\s+least)\s+{_SHARE_WORD}", re.I)
_SHARE_FALLS = re.compile(
    rf"\b(?:andel\w*|antal\w*|share|proportion|percentage|number)(?:\s+[\wåäö]+){{0,8}}?\s+(?:ska|skall|bör|should|will|must|"
    rf"shall)\s+"
    rf"(?:[\wåäö]+\s+){{0,2}}?(?:minska\w*|sjunka|sjunkit|gå\s+ne[dr]|gått\s+ne[dr]|sänkas|reduceras|halveras|"
    rf"decrease|fall|drop|be\s+(?:reduced|halved|lowered))(?![\wåäö])"
    rf"|\b(?:minska|sänka|halvera|reduce|lower|cut)\s+andel(?:en)?\b|\b(?:reduce|lower|cut)\s+the\s+(?:share|proportion)\b"
    rf"|\b(?:högst|maximalt|max|som\s+mest|inte\s+(?:mer|fler)\s+än|mindre\s+än|färre\s+än|under|at\s+most|"
    rf"no\s+more\s+than|less\s+than|fewer\s+than|below|under)\s+{_SHARE_WORD}", re.I)
# ... and an even sex balance ("Jämn könsfördelning bland deltagarna", "gender balance"): two bounds, commonly 40–60 %,
# which a share of one sex judges from one side only (90 % women would reach "minst 40 % kvinnor")
_EVEN_SEXES = re.compile(r"\bjämn\w*\s+könsfördelning\w*|\bkönsbalans\w*|\bjämn\w*\s+fördelning\s+(?:mellan|av)\s+"
                         r"(?:kvinnor\s+och\s+män|män\s+och\s+kvinnor|könen)|\b(?:even|equal|balanced)\s+(?:gender|sex)"
                         r"\s+(?:balance|distribution|split|mix)|\bgender[\s-]+balanced?\b|(?<![\d,./])50\s*(?:%\s*)?/\s*50"
                         r"(?:\s*(?:%\s*)?/\s*0)?(?![\d,./])(?:\s*%)?", re.I)
# A range of shares ("Jämn könsfördelning, 40–60 % kvinnor", "mellan 40 och 60 %", "between 40% and 60%"): a goal is
# judged against one target it reaches or passes, so a range is two goals (a trait's upper bound is the lower
# bound of the others) or the evaluator's qualitative assessment. ("från 30 % till 40 %" is a rise, not a range.)
_NUM = r"\d+(?:[.,]\d+)?"
_PCT = r"\s*(?:%|procent\b|per\s*cent\b)"
# ... and a split written with a slash ("Könsfördelning 40/60 kvinnor/män", "60/40", "40/60 %"): neither side below its
# smaller share, a range as 40–60 % is (50/50, an even balance, is read as one below with the words of an even balance);
# a split in three whose third part is 0 ("40/60/0 kvinnor/män/annat") is that split of two, and one of three parts
# ("30/30/40") three shares, each a goal of its own
_SHARE_SPLIT = re.compile(r"(?<![\d,./])(\d{1,2})\s*(?:%\s*)?/\s*(\d{1,2})(?:\s*(?:%\s*)?/\s*(\d{1,2}))?(?![\d,./])(?:\s*%)?")


def _split_parts(m: re.Match[str]) -> list[int]:
    """The parts of a split :data:`_SHARE_SPLIT` found that are above 0, when its parts make 100 and are not all
    even (50/50 is an even balance); else []."""
    parts = [int(x) for x in m.groups() if x is not None]
    shown = [p for p in parts if p]
    return shown if sum(parts) == 100 and len(shown) >= 2 and len(set(shown)) > 1 else []
_SHARE_RANGE = re.compile(rf"(?<![\d,.])({_NUM})(?:{_PCT})?\s*[-–—]\s*({_NUM}){_PCT}"
                          rf"|\b(?:mellan|between)\s+({_NUM})(?:{_PCT})?\s+(?:och|and)\s+({_NUM}){_PCT}", re.I)

# The words an evaluator writes for a code of the params file (in Swedish, or the label written out), by key:
# the message names the code meant ("kalenderår" -> calendar_year), never taking the word in its place
_CODE_WORDS: dict[str, dict[str, str]] = {
    "period": {"kalenderår": "calendar_year", "kalenderar": "calendar_year", "per kalenderår": "calendar_year",
               "calendar year": "calendar_year", "projektår": "project_year", "projektar": "project_year",
               "per projektår": "project_year", "project year": "project_year", "hela perioden": "whole_period",
               "hela projekttiden": "whole_period", "projekttiden": "whole_period", "hela": "whole_period",
               "projektperioden": "whole_period", "whole period": "whole_period"},
    "kind": {"antal deltagare": "participant_count", "deltagare": "participant_count",
             "deltagarantal": "participant_count", "antal utfall": "outcome_count", "utfall": "outcome_count",
             "andel": "share", "kvalitativ": "qualitative", "kvalitativt": "qualitative",
             "kvalitativt mål": "qualitative", "sammanhang": "context", "kontext": "context",
             "enkät": "survey", "enkat": "survey"},
    "denominator": {"deltagare": "participants", "inskrivna": "participants", "avslutade": "exits",
                    "avslut": "exits", "utskrivna": "exits", "utskrivningar": "exits"},
    "assessment": {"delvis uppnått": "delvis", "delvis uppnådd": "delvis", "delvis uppfyllt": "delvis",
                   "inte uppnått": "ej_uppnått", "inte uppfyllt": "ej_uppnått", "ej uppfyllt": "ej_uppnått",
                   "inte bedömt": "ej_bedömt", "uppfyllt": "uppnått", "achieved": "uppnått",
                   "partly achieved": "delvis", "partly": "delvis", "not achieved": "ej_uppnått",
                   "not assessed": "ej_bedömt", "ja": "uppnått", "nej": "ej_uppnått", "genomfört": "uppnått",
                   "klart": "uppnått", "pågår": "ej_bedömt", "ej klart": "ej_uppnått"},
    "count_by": {"inskrivning": "intake", "start": "intake", "avslut": "exit", "utskrivning": "exit"},
    "numerator": {"handlingsplan": "action_plan", "utfall": "outcome", "kön": "sex", "kon": "sex", "ålder": "age",
                  "alder": "age", "kvinnor": "sex", "women": "sex"},
}


def code_meant(key: object, value: object, choices: list[str]) -> str | None:
    """The code of ``choices`` that ``value``, written for the params key ``key``, most likely means:
    the code for a Swedish word or a label written out (``kalenderår``: ``calendar_year``), spaces or
    hyphens written for underscores (``ej uppnått``), another letter case, or a close spelling
    (``participants_count``); None when nothing is close enough to name."""
    text = re.sub(r"\s+", " ", str(value).strip().lower())
    if not text or not choices:
        return None
    word = _CODE_WORDS.get(str(key), {}).get(text)
    if word in choices:
        return word
    joined = re.sub(r"[\s-]+", "_", text)
    if joined in choices:
        return joined
    near = difflib.get_close_matches(joined, choices, n=1, cutoff=0.75)
    return near[0] if near else None


def label_period_conflict(label: str, period: str) -> tuple[str, tuple[str, ...]] | None:
    """The words of ``label`` that name a period other than ``period``, with the periods they fit;
    None when the label names none, or names periods that do not agree (then it is not judged)."""
    found = [(m.group(0), fits) for pattern, fits in _PERIOD_WORDS for m in [pattern.search(label)] if m]
    if not found and (total := _TOTAL_WORDS.search(label)) is not None:
        found = [(total.group(0), ("whole_period",))]
    if not found:
        return None
    fits = set(found[0][1]).intersection(*(set(f) for _, f in found[1:]))
    if not fits or period in fits:
        return None
    return found[0][0], tuple(p for p in ("project_year", "calendar_year", "whole_period") if p in fits)


def label_per_part(label: str) -> tuple[str, int, int] | None:
    """The count ``label`` states per part of a year ("10 nya deltagare per kvartal"): its words, the number, and
    how many such parts a year has (4 for a quarter); None when it states none. Its words are quoted as the label
    writes them ("1 000 deltagare per kvartal")."""
    written, label = label, read_label(label)
    m = _PER_PART.search(label)
    if m is None:
        return None
    part = next(g for g in (m.group(2), m.group(3), m.group(5)) if g)
    count = m.group(1) or m.group(4)
    n = int(count) if count.isdigit() else _COUNT_WORDS[re.sub(r"\s+", " ", count.casefold())]
    first = m.start()
    before = re.search(r"(?<![\wåäö])(\d+|[\wåäö]+)\s+$", label[:first])
    if not count.isdigit() and n == 100 and before is not None and (before.group(1).isdigit() or before.group(1).casefold() in _COUNT_WORDS):
        # hundreds ("två hundra", "two hundred"): the word before counts them
        n *= int(before.group(1)) if before.group(1).isdigit() else _COUNT_WORDS[before.group(1).casefold()]
        first = before.start()
    return label_words(label[first:m.end()].strip(), written), n, _PARTS_IN_YEAR[re.sub(r"\s+", " ", part.casefold())]


# A target stated for one year in a goal's words, as an application sets a target per year in one sentence: "år 1: 20",
# "12 deltagare år 1", "2025: 15", "30 % första året", "40 % därefter", "year 1: 20", "thereafter"; or for several
# years at once: "år 2 och 3: 30", "år 2–3: 30", "30 andra och tredje året", "2025 och 2026: 15", "years 2 and 3: 30"
_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6,
             "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ORD = r"(?:första|andra|tredje|fjärde|femte|sjätte|first|second|third|fourth|fifth|sixth)"
_JOIN = r"(?:\s+(?:och|and|till|to)\s+|\s*[&–—-]\s*)"
# a project year in digits or in words ("år ett", "år två och tre", "year two")
_SV_YEAR = r"(?:\d{1,2}|ett|två|tre|fyra|fem|sex)"
_EN_YEAR = r"(?:\d{1,2}|one|two|three|four|five|six)"
_YEAR_KEY = re.compile(
    rf"\b(?:projekt)?år(?:en)?\s*(?P<p>{_SV_YEAR}(?:{_JOIN}(?:år\s*)?{_SV_YEAR})*)\b(?!\s*(?:år|%))|"
    rf"\b(?:project\s+)?years?\s*(?P<e>{_EN_YEAR}(?:{_JOIN}(?:years?\s*)?{_EN_YEAR})*)\b|"
    rf"\b(?P<c>(?:19|20)\d\d(?:{_JOIN}(?:19|20)\d\d)*)\b|"
    rf"\b(?:det\s+|under\s+)?(?P<o>{_ORD}(?:{_JOIN}{_ORD})*)\s+(?:projekt)?året\b|"
    rf"\b(?:in\s+)?the\s+(?P<oe>{_ORD}(?:{_JOIN}{_ORD})*)\s+(?:project\s+)?years?\b|"
    r"\b(?P<later>därefter|sedan|de\s+följande\s+åren|följande\s+år|övriga\s+år(?:en)?|resterande\s+år(?:en)?|"
    r"thereafter|then|(?:in\s+)?the\s+following\s+years|(?:in\s+)?later\s+years)\b", re.I)
# a clause ends at a comma, semicolon, bracket, "och" or "and", except where "och" joins the years of one target
# ("år 2 och 3: 30", "andra och tredje året")
_CLAUSE = re.compile(rf",(?!\d)|\.\s+|;|\(|\)|\s+(?:och|and)\s+(?!(?:\d{{1,2}}|(?:19|20)\d\d)\s*(?:[:;,.)]|$)|"
                     rf"(?:ett|två|tre|fyra|fem|sex|one|two|three|four|five|six)\s*(?:[:;,.)]|$|\d)|{_ORD}\s+"
                     rf"(?:projekt)?år(?:et)?\b|{_ORD}\s+(?:project\s+)?years?\b)|\s+(?:till|to)\s+(?=\d+(?:[,.]\d+)?\s*"
                     r"(?:%|(?:procent|per\s*cent|deltagare|personer|participants|persons|people)\b))|"
                     r"\s+(?:och|and)\s+(?=\d{1,2}\s*:\s*\d)", re.I)
# a year after a year's target, with the word "år" or "year" left out ("år 1: 20 och 2: 30", "year 1: 20, 2: 30")
_BARE_YEAR = re.compile(r"\s*(\d{1,2})\s*:\s*(?=\d)")
_NUMBER = re.compile(r"(?<![\d,.])(\d+(?:[,.]\d+)?)(?!\d|[,.]\d|\s*(?:år|years?)\b)\s*(%|procent\b|per\s*cent\b)?", re.I)
LATER_YEARS = 0  # the key of a target for every year after those named ("40 % därefter")


def _years_said(words: str) -> list[int]:
    """The years ``words`` names ("2 och 3", "2–4", "andra och tredje", "två och tre", "2025–2026"), in order: a range joined by a
    dash, "till" or "to" holds every year from its first to its last."""
    words = re.sub(r"(?<![\wåäö])(?:år|years?)\s*", "", words.strip(), flags=re.I)  # ("1 och år 2", "1 och år2")
    parts = re.split(r"\s+(och|and|till|to)\s+|\s*([&–—-])\s*", words, flags=re.I)
    parts = [p for p in parts if p is not None]
    years = [int(x) if x.isdigit() else _ORDINALS.get(x.casefold()) or _NUMBER_WORDS[x.casefold()] for x in parts[::2]]
    out = [years[0]]
    for join, year in zip(parts[1::2], years[1:]):
        out += (list(range(out[-1] + 1, year + 1)) if join.casefold() not in ("och", "and", "&") else [year])
    return out


_UNIT_AFTER = re.compile(r"\s*(?:deltagare|personer|participants|persons|people)\b", re.I)
# a goal's own number ("Mål 2", "Delmål 3", "Goal 2.1"), which is never a target, right before a number
_GOAL_NUMBER = re.compile(r"(?<![\wåäö])(?:(?:del|effekt|huvud|projekt)?mål|(?:sub-?)?goal|objective)\s*"
                          r"(?:nr\.?|nummer|no\.?|number|#)?\s*$", re.I)


def _clause_target(rest: str, after: int, share: bool) -> re.Match[str] | None:
    """The number a clause states as its year's target, ``rest`` being the clause without its year (whose words
    followed from ``after``): its one number of the goal's kind (a percentage for a share), or of several the one
    right after the year ("Mål 2: år 1: 20", "Unga 16–29 år: år 1: 20"), else the one counting persons ("20
    deltagare"); None where no number or no one of several is the target. A goal's own number ("Mål 2 år 1, 30 år
    2") is none of them, unless persons follow it ("Mål 20 deltagare år 1")."""
    nums = [n for n in _NUMBER.finditer(rest) if bool(n.group(2)) == share
            and not (_GOAL_NUMBER.search(rest, 0, n.start()) and not _UNIT_AFTER.match(rest, n.end()))]
    if len(nums) <= 1:
        return nums[0] if nums else None
    right = [n for n in nums if n.start() >= after and re.fullmatch(r"\s*[:=]?\s*", rest[after:n.start()])]
    if right:
        return right[0]
    persons = [n for n in nums if _UNIT_AFTER.match(rest, n.end())]
    return persons[0] if len(persons) == 1 else None


# what makes the "år" after it no year of the project: a count or length before it ("sex år", "under tre år 20
# deltagare") or a word of every year ("varje år sex nya grupper", "per år", "each year two groups")
_NO_YEAR_BEFORE = re.compile(rf"(?<![\wåäö])(?:{_SV_WORDS}|{_EN_WORDS}|{'|'.join(_TENS)}|{'|'.join(_TENS_EN)}|varje|"
                             r"per|vart|om|each|every|a)\s+(?:projekt)?$", re.I)
# a clause that ends in project years written in digits ("20 deltagare år 1", "år 2"), which the digits after an "och"
# or "and" may go on ("år 2 och 3 30", "år 1 och 2 och 30 år 3", "år 1 och år 2: 30")
_YEARS_AT_END = re.compile(rf"\b(?:(?:projekt)?år(?:en)?|(?:project\s+)?years?)\s*(\d{{1,2}}(?:{_JOIN}\d{{1,2}})*)\s*$",
                           re.I)
_YEAR_GOES_ON = re.compile(r"(?:(?:år|years?)\s*)?(\d{1,2})(?![\d,.]|\s*(?:%|procent\b|per\s*cent\b|år\b|years?\b))"
                           r"(?=\s*$|\s*[:=]?\s*\d)", re.I)
_AND_BETWEEN = re.compile(r"\s+(?:och|and)\s+", re.I)


def _clauses(label: str, share: bool) -> list[str]:
    """``label`` cut at :data:`_CLAUSE`, except where the digits after an "och" or "and" are more years of the
    clause before, which ends in its years: a larger year, alone or before a number ("år 2 och 3 30", "år 1 och år
    2: 30", "20 deltagare år 1 och 2 och 30 år 3"). Where the clause before states its own target and the words
    after that year name their own year ("20 deltagare år 1 och 2 30 deltagare år 3"), the year alone goes on it."""
    out: list[str] = []
    last, joined = 0, ""
    for cut in [*_CLAUSE.finditer(label), None]:
        piece = label[last:cut.start() if cut else len(label)]
        years = _YEARS_AT_END.search(out[-1]) if out and joined else None
        goes = _YEAR_GOES_ON.match(piece) if years else None
        if years and goes and int(goes.group(1)) > _years_said(years.group(1))[-1]:
            prev, tail = out[-1], piece[goes.end():]
            own = _clause_target(prev[:years.start()], years.start(), share) is not None
            keep = goes.end() if own and _YEAR_KEY.search(tail) else len(piece)
            out[-1] = prev + joined + piece[:keep]
            if keep < len(piece):
                out.append(tail)
        else:
            out.append(piece)
        joined = cut.group(0) if cut is not None and _AND_BETWEEN.fullmatch(cut.group(0)) else ""
        last = cut.end() if cut is not None else len(label)
    return out


def _year_or_target(clause: str, key: re.Match[str], share: bool) -> bool:
    """Whether ``clause`` can be read two ways: its target before years joined by "och" or "and" and another number
    right after them, without a colon ("20 deltagare år 1 och 2 30": 20 for years 1 and 2, or 20 for year 1 and 30
    for year 2)."""
    said = next((key.group(k) for k in ("p", "e", "o", "oe", "c") if key.group(k)), "")
    if not _AND_BETWEEN.search(said):
        return False
    after = _NUMBER.match(clause, key.end() + len(re.match(r"\s*", clause[key.end():]).group(0)))
    return (after is not None and after.start() > key.end() and bool(after.group(2)) == share
            and _clause_target(clause[:key.start()], key.start(), share) is not None)


def label_year_unsure(label: str, share: bool) -> list[tuple[str, list[int]]]:
    """The clauses of ``label`` that :func:`_year_or_target` finds can be read two ways, each with the years its
    words name ("20 deltagare år 1 och 2 30": years 1 and 2), whose targets are not known."""
    out = []
    for clause in _clauses(label, share):
        keys = [k for k in _YEAR_KEY.finditer(clause) if not _NO_YEAR_BEFORE.search(clause, 0, k.start())]
        if len(keys) == 1 and _year_or_target(clause, keys[0], share):
            m = keys[0]
            said = next(m.group(k) for k in ("p", "e", "o", "oe", "c") if m.group(k))
            out.append((clause.strip(), _years_said(said)))
    return out


# words that make a year's number part of a whole ("30 deltagare per år, varav 10 unga år 1"), no target of its own
_PART_OF = re.compile(r"(?<![\wåäö])(?:varav|därav|av\s+dem|av\s+dessa|of\s+whom|of\s+them|including)(?![\wåäö])", re.I)


# a project year named as the time a goal's target holds ("under projektår 1", "för det första projektåret", "i år 2",
# "during project year 1"), not a year's number beside a count ("30 deltagare år 1")
_DURING_YEAR = re.compile(rf"(?<![\wåäö])(?:under|för|i|during|for|in)\s+(?:det\s+|the\s+)?(?:(?:projekt)?år\s*{_SV_YEAR}\b|"
                          rf"(?:project\s+)?year\s*{_EN_YEAR}\b|{_ORD}\s+(?:projekt)?året\b|{_ORD}\s+(?:project\s+)?year\b)",
                          re.I)


def _says(label: str, target: float, share: bool) -> bool:
    """Whether ``label`` states ``target`` as a number of the goal's kind (a percentage for a share)."""
    return any(math.isclose(float(n.group(1).replace(",", ".")) / (100 if share else 1), target)
               for n in _NUMBER.finditer(label) if bool(n.group(2)) == share)


def label_year_targets(label: str, share: bool) -> tuple[dict[int, float], bool, list[str]]:
    """The targets ``label`` sets for single years in one sentence ("år 1: 20 deltagare, år 2 och 3: 30", "2025: 15,
    2026: 25", "30 % första året, 40 % därefter"): each project year's (1, 2, ...) or calendar year's (2025) target, a
    target for the later years under :data:`LATER_YEARS`, whether the years are calendar years, and the words that
    state them. A share's targets are the percentages (as shares), a count's the numbers without a per cent sign;
    a clause naming two years apart, or none, states none."""
    found: dict[int, float] = {}
    kinds, words = set(), []
    colon = 0  # the last project year of the clause before, where its digits had a colon after them ("år 1: 20")
    for clause in _clauses(label, share):
        keys = [k for k in _YEAR_KEY.finditer(clause) if not _NO_YEAR_BEFORE.search(clause, 0, k.start())]
        bare = _BARE_YEAR.match(clause) if colon and not keys else None
        if bare is not None and int(bare.group(1)) > colon:
            # the next year's target, the word for year left out ("år 1: 20 och 2: 30")
            num = _clause_target(clause[bare.end():], 0, share)
            colon = int(bare.group(1)) if num is not None else 0
            if num is not None:
                value = float(num.group(1).replace(",", ".")) / (100 if share else 1)
                if found.get(colon, value) != value:
                    return {}, False, []
                found[colon] = value
                kinds.add("project")
                words.append(clause.strip())
            continue
        colon = 0
        if len(keys) != 1:
            continue
        m = keys[0]
        rest = clause[:m.start()] + " " + clause[m.end():]
        if _year_or_target(clause, m, share):
            continue
        num = _clause_target(rest, m.start() + 1, share)
        if num is None:
            continue
        value = float(num.group(1).replace(",", ".")) / (100 if share else 1)
        said = next((m.group(k) for k in ("p", "e", "o", "oe") if m.group(k)), None)
        if (m.group("p") or m.group("e") or "").isdigit() and re.match(r"\s*:", clause[m.end():]):
            colon = int(m.group("p") or m.group("e"))
        if m.group("c"):
            years, kind = _years_said(m.group("c")), "calendar"
        elif said is not None:
            years, kind = _years_said(said), "project"
        else:
            years, kind = ([LATER_YEARS] if m.group("later") else [1]), "project"
        for key in years:
            if found.get(key, value) != value:
                return {}, False, []
            found[key] = value
        kinds.add(kind)
        words.append(clause.strip())
    if len(kinds) != 1:
        return {}, False, []
    return found, kinds == {"calendar"}, words


def goal_years(period: Period, unit: str) -> list[int]:
    """The years a goal counted per ``unit`` (``project_year``, ``calendar_year``) has in ``period``: 1, 2, ... or
    the calendar years, to the last day counted (a prolonged project's new end)."""
    last = max(period.planned_end, period.end)
    if unit == "calendar_year":
        return list(range(period.start.year, last.year + 1))
    out, k, start = [], 1, period.years_start
    while True:
        try:
            first = start.replace(year=start.year + k - 1)
        except ValueError:  # (29 February in a year without it)
            first = dt.date(start.year + k - 1, 2, 28)
        if first > last:
            return out
        out.append(k)
        k += 1


# a percent in words ("fyrtio procent", "tjugofem procent", "forty per cent", "twenty-five percent"): its number
_PERCENT_WORDS = re.compile(
    r"(?<![\wåäö])((?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?"
    r"|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|fem|sex|sju|åtta|nio|hundra|etthundra"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|ten|eleven|twelve|fifteen|five|six|seven|eight|nine|(?:one\s+|a\s+)?hundred)\s+(?:procent|per\s*cent)\b", re.I)
_UNITS_SV = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}
_UNITS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
          "arton": 18, "nitton": 19, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "hundra": 100,
          "etthundra": 100, "hundred": 100}
_TENS_SV = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
            "nittio": 90}
_TENS_EN_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                  "ninety": 90}


def _percent_in_words(word: str) -> int | None:
    """The number of a percent written in words (``fyrtio``: 40, ``tjugofem``: 25, ``twenty-five``: 25)."""
    w = re.sub(r"\s+", "", word.casefold()).removeprefix("one").removeprefix("a") if word.casefold().endswith(
        "hundred") else word.casefold()
    if w in _TEENS:
        return _TEENS[w]
    if w in _UNITS_SV or w in _UNITS_EN:
        return _UNITS_SV.get(w) or _UNITS_EN.get(w)
    for tens in (_TENS_SV, _TENS_EN_WORDS):
        for head, n in tens.items():
            if w.startswith(head):
                rest = w[len(head):].lstrip("-")
                unit = 0 if not rest else (_UNITS_SV.get(rest) or _UNITS_EN.get(rest))
                return n + unit if unit is not None else None
    return None


def label_shares(label: str) -> list[tuple[str, float]]:
    """The shares ``label`` states, each with the words that state it ("70 %", "var tredje", "40 av 100", "fyrtio
    procent")."""
    out = [(m.group(0), float(m.group(1).replace(",", ".")) / 100) for m in _PERCENT.finditer(label)]
    out += [(m.group(0), n / 100) for m in _PERCENT_WORDS.finditer(label)
            if (n := _percent_in_words(m.group(1))) is not None]
    out += [(m.group(0), int(m.group(1)) / int(m.group(2))) for m in _X_OF_Y.finditer(label)
            if 0 < int(m.group(1)) <= int(m.group(2))]
    out += [(m.group(0), value) for pattern, value in _SHARE_WORDS for m in [pattern.search(label)] if m]
    for m in _WORDS_OF.finditer(label):
        x, y = (_NUMBER_WORDS[w.casefold()] for w in (m.group(1) or m.group(3), m.group(2) or m.group(4)))
        if x < y and not any(m.group(0).casefold() == words.casefold() for words, _ in out):
            out.append((m.group(0), x / y))
    return out


def _no_share_above_all(stated: list[tuple[str, float]]) -> None:
    """Refuse a label that states a share above 100 % ('Minst 150 % ska gå till arbete'): no share reaches it, and
    the target or the others' share worked out from it (1.5, -0.5) would be wrong advice."""
    above = next((words for words, value in stated if value > 1), None)
    if above is not None:
        raise ParamsValueError("params.goal_label_share_above_all", words=_short_text(above.strip(), 60))


def _check_targets_against_words(i: int, g: Goal, targets: Mapping[int, float]) -> None:
    """A goal with ``targets`` whose words state other targets for the same years ("år 1: 20 deltagare, år 2: 35, år
    3: 35" beside ``targets: {1: 20, 2: 30, 3: 35}``): each year would be judged against a target the application did
    not set, so it is refused with the words' targets to write. Only years the words name in the goal's own kind of
    year (project years for ``period: project_year``, calendar years for ``calendar_year``) are compared."""
    for label in (read_label(x) for x in (g.label, g.label_en) if x):
        stated, calendar, words = label_year_targets(label, g.kind == "share")
        stated.pop(LATER_YEARS, None)
        if len(stated) < 2 or g.period != ("calendar_year" if calendar else "project_year"):
            continue
        differ = [y for y, v in stated.items() if y in targets and not math.isclose(v, targets[y], abs_tol=1e-6)]
        if differ:
            raise ParamsValueError("params.goal_label_targets_differ", n=i, goal=g.id, words="', '".join(words),
                                   given=_targets_line(dict(targets)).removeprefix("targets: "),
                                   fix=_targets_line({y: stated.get(y, v) for y, v in targets.items()}))


def _targets_line(targets: Mapping[int, float | None]) -> str:
    """The ``targets:`` line to write, ``?`` for a year whose target is not known."""
    return "targets: {" + ", ".join(f"{y}: {'?' if v is None else f'{v:g}'}" for y, v in targets.items()) + "}"


# goal kinds counted from the participant file
PERSON_GOAL_KINDS = ("participant_count", "outcome_count", "share")
COUNT_GOAL_KINDS = ("participant_count", "outcome_count")  # goals whose target is a number of persons
# goals that may count households (``counts: households``): households taking part, and households that left
HOUSEHOLD_GOAL_KINDS = ("participant_count", "outcome_count", "share")


# A count goal's number of persons in its words ("Minst 20 deltagare per år", "totalt 90 personer", "at least 20
# participants", "tjugo nya deltagare"): where the words state one and the target is none of those they state, the
# figure would be judged against another goal than the words. A number that is plainly another quantity is no count
# of persons: a share ("20 %"), an age or a length ("20–29 år", "12 månader", "10 timmar"), a year ("2025"), a group's
# size ("högst 8 per grupp", "grupper om 8 deltagare"); "minst 20" with no noun is one where a word of its period or
# its verb follows ("minst 20 per år", "minst 20 ska", "av dem ska minst 20 gå till arbete"), not a count of something
# else ("minst 10 arbetsgivare"); a count in pieces, "25 st. individer" as a final report writes it, is the count
_COUNT_OF_PERSONS = re.compile(
    rf"(?:(?<![\wåäö])(?:minst|totalt|sammanlagt|at\s+least|in\s+total|a\s+total\s+of)\s+)?{_COUNT}(?!\s*(?:[-–—]|%|procent\b|per\s*cent\b))(?:\s+st\b\.?)?(?:\s+(?!(?:år|års|åringar|years?|månader|months?|veckor|weeks?|"
    r"timmar|hours?|dagar|days?|kr|kronor|grupper|groups?|gånger|times)(?![\wåäö]))(?!\d)[\wåäö]+){0,1}?\s+"
    r"(?:(?:nya|new|unika|enskilda|olika)\s+)?"
    r"(?:deltagare|personer|individer|unga|ungdomar|unga\s+vuxna|inskrivna|kvinnor|män|klienter|elever|nyanlända|sökande|"
    r"participants|persons|people|individuals|young\s+people|young\s+adults|women|men|clients|pupils)(?![\wåäö])"
    rf"|(?<![\wåäö])(?:minst|totalt|sammanlagt|at\s+least|in\s+total|a\s+total\s+of)\s+{_COUNT}"
    r"(?!\s*(?:[-–—]|%|procent\b|per\s*cent\b|år\b|years?\b|månader|months?\b|veckor|weeks?\b|timmar|hours?\b|dagar|"
    r"days?\b|kr\b|kronor\b))(?:\s+st\b\.?)?(?=\s*(?:$|[,.;:)–-])|\s+(?:per|om|i|under|varje|av|och|ska|skall|bör|till|each|a|an|every|"
    r"in|over|during|of|and|should|will|must|to|for|gå|börja|påbörja|få|ha|bli|vara|komma|nå|gått|börjat|påbörjat|fått|"
    r"haft|blivit|varit|kommit|nått)(?![\wåäö]))", re.I)
# ... and a count said about, in tens ("ett 20-tal deltagare", "ett tjugotal personer", "ett 30-tal unga"): the number
# it is about, read as a count as "cirka 20 deltagare" is
_ABOUT_COUNT = re.compile(
    rf"(?<![\wåäö])(?:ett\s+)?(?:(?<![\d,.])(\d+)-tal|({'|'.join(_TENS)}|tio)tal)(?:\s+[\wåäö]+){{0,1}}?\s+"
    r"(?:(?:nya|unika|enskilda|olika)\s+)?(?:deltagare|personer|individer|unga|ungdomar|unga\s+vuxna|inskrivna|kvinnor|män|"
    r"klienter|elever|nyanlända|sökande)(?![\wåäö])", re.I)
# ... and the words around such a number that make it a group's size or a ceiling, not the goal's count
_GROUP_SIZE = re.compile(r"(?:\b(?:högst|max(?:imalt|imum)?|upp\s+till|at\s+most|no\s+more\s+than|up\s+to|om|med|of|"
                         r"with)\s+$)", re.I)
# ... and a year's intakes and each one's size ("Tre intag per år med 8 deltagare i varje intag", "three intakes a year
# of 8 participants each"): the year's count is their product, a goal of it read as written
_INTAKES_A_YEAR = re.compile(rf"(?<![\wåäö])(\d+|{_SV_WORDS}|{_EN_WORDS})\s+(?:intag|intagsgrupper|kullar|omgångar|"
                             r"intakes|intake\s+groups|cohorts)\s+(?:per|om|i|varje|a|each|every)\s+(?:året|år|year)(?![\wåäö])",
                             re.I)
_SIZE_OF_INTAKE = re.compile(r"(?<![\d,.])(\d+)(?:\s+[\wåäö]+){0,2}?\s+(?:per|i\s+varje|i\s+respektive|each|every|in\s+each)\s+"
                             r"(?:intag|intagsgrupp|kull|omgång|intake|cohort)\w*", re.I)
_PER_PART_AFTER = re.compile(r"\s*(?:[\wåäö]+\s+){0,2}?(?:per|varje|each|every)\s+(?:kvartal|halvår|termin|tertial|månad|"
                             r"quarter|half[\s-]year|term|semester|month)", re.I)
_PER_GROUP_AFTER = re.compile(r"\s*(?:[\wåäö]+\s+){0,2}?(?:per|i\s+varje|each|every|a|in\s+each)\s+"
                              r"(?:grupp|group|intag|intake|kull|cohort|omgång)", re.I)


def label_counts(label: str) -> list[tuple[str, int]]:
    """The numbers of persons ``label`` states as a count (:data:`_COUNT_OF_PERSONS`), each with its words as the
    label writes them, a group's size or a ceiling left out."""
    written, read = label, read_label(label)
    out = []
    for m in _COUNT_OF_PERSONS.finditer(read):
        count = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        first = m.start()
        if _GROUP_SIZE.search(read, 0, start) or _PER_GROUP_AFTER.match(read, m.end()):
            continue
        if count.isdigit():
            n = int(count)
            if len(count) == 4 and 1900 <= n <= 2099 and not m.group(1):
                continue  # ("minst 2025": a year)
        else:
            n = _COUNT_WORDS[re.sub(r"\s+", " ", count.casefold())]
            before = re.search(r"(?<![\wåäö])(\d+|[\wåäö]+)\s+$", read[:start])
            if n == 100 and before is not None and (before.group(1).isdigit()
                                                    or before.group(1).casefold() in _COUNT_WORDS):
                # hundreds ("två hundra deltagare"): the word before counts them
                n *= int(before.group(1)) if before.group(1).isdigit() else _COUNT_WORDS[before.group(1).casefold()]
                first = min(first, before.start())
        out.append((first, label_words(read[first:m.end()].strip(), written), n))
    for m in _ABOUT_COUNT.finditer(read):
        if _GROUP_SIZE.search(read, 0, m.start()) or _PER_GROUP_AFTER.match(read, m.end()) \
                or _PER_PART_AFTER.match(read, m.end()):
            continue  # (a group's size, or a count per part of a year, which the per-part rule reads in figures)
        n = int(m.group(1)) if m.group(1) else {**_TENS, "tio": 10}[m.group(2).casefold()]
        out.append((m.start(), label_words(read[m.start():m.end()].strip(), written), n))
    return [(words, n) for _, words, n in sorted(out, key=lambda x: x[0])]


# A goal set for the participants who were job seekers ("av de arbetssökande deltagarna", "of the job-seeking
# participants"): without among: the goal counts every participant as if all had been; the participants file's
# occupation before enrolment (among: {occupation_before: arbetssökande}) says who was
_JOB_SEEKERS_AMONG = re.compile(
    r"(?<![\wåäö])(?:av|bland)\s+(?:de\s+|dem\s+)?(?:inskrivna\s+)?arbetssökande(?:\s+deltagar(?:na|e))?(?![\wåäö])"
    r"|(?<![\wåäö])(?:av|bland)\s+(?:de\s+)?deltagar(?:na|e)\s+som\s+(?:är|var)\s+(?:inskrivna\s+som\s+)?arbetssökande"
    r"|\b(?:of|among)\s+(?:the\s+|those\s+)?(?:job[\s-]seeking|unemployed)\s+participants\b"
    r"|\b(?:of|among)\s+(?:the\s+)?(?:participants\s+who\s+(?:are|were)\s+)?job[\s-]seekers\b", re.I)

# A goal of employment ("ska vara i sysselsättning", "gå till sysselsättning", "ska vara sysselsatta"): in Swedish
# labour-market statistics (SCB's AKU) a person in sysselsättning is in work, subsidised employment included, and a
# student is not, though an application may mean work or studies; never a benefit, an active plan or job seeking
_EMPLOYMENT = re.compile(r"(?<![\wåäö])(?:sysselsättning|sysselsatta|sysselsatt)(?![\wåäö])", re.I)
EMPLOYMENT_OUTCOMES = (("arbete", "arbete_med_stöd"), ("arbete", "arbete_med_stöd", "studier"))

# A share measured at exit ("ska ha arbete vid avslut", "efter avslutad insats", "at exit"): a participant still
# enrolled has no outcome at exit, so the share is of those who ended (denominator: exits); of all participants, those
# still enrolled would count as not reached though no one knows where they will go
_AT_EXIT = re.compile(r"(?<![\wåäö])(?:vid|efter)\s+(?:sitt\s+|deras\s+|projektets\s+)?(?:avslut(?:et)?|avslutad\s+insats|"
                      r"avslutat\s+deltagande|utskrivning(?:en)?)(?![\wåäö])"
                      r"|(?<![\wåäö])när\s+(?:de|insatsen|deltagandet)\s+(?:avslutas|avslutar|skrivs\s+ut)(?![\wåäö])"
                      r"|\b(?:at|on|upon)\s+(?:their\s+)?(?:exit|leaving|discharge)\b"
                      r"|\bwhen\s+(?:they|the\s+(?:support|effort)\s+)\s*(?:leave|end|exit|ends)\b", re.I)
# ... and a share's base as its words name it: of those who ended ("av de avslutade", "av de som avslutat", "andel
# avslutade", "of those who ended"), a share of the exits; of all enrolled ("av inskrivna", "av alla deltagare", "of all
# participants"), a share of the participants, the still enrolled counted as not (yet) reaching it
_EXITS_BASE = re.compile(
    r"(?<![\wåäö])(?:av|bland)\s+(?:de\s+|alla\s+)?(?:avslutade|utskrivna)(?![\wåäö])"
    r"|(?<![\wåäö])(?:av|bland)\s+(?:de|dem|alla)\s+(?:deltagare\s+)?som\s+(?:har\s+)?(?:avslutat\w*|avslutas|avslutar|"
    r"skrivits\s+ut|skrivs\s+ut|lämnat\s+(?:projektet|insatsen))(?![\wåäö])"
    r"|(?<![\wåäö])andel(?:en)?\s+avslutade(?![\wåäö])"
    r"|\b(?:of|among)\s+(?:those|the\s+participants|participants|the\s+people)\s+who\s+(?:have\s+)?(?:ended|left|exited|exit|"
    r"leave|end|completed|finished)\b|\b(?:of|among)\s+(?:the\s+)?(?:leavers|exits)\b", re.I)
_ALL_BASE = re.compile(
    r"(?<![\wåäö])(?:av|bland)\s+(?:alla\s+|samtliga\s+)?(?:de\s+)?inskrivna(?![\wåäö])"
    r"|(?<![\wåäö])(?:av|bland)\s+(?:alla|samtliga)\s+(?:inskrivna\s+)?deltagar(?:e|na)(?![\wåäö])"
    r"|\bof\s+all\s+(?:the\s+)?(?:participants|enrolled|enrolments)\b|\bof\s+(?:those|everyone)\s+enrolled\b", re.I)


MOST_PERSONS = 1_000_000  # the largest count target: more persons than any project (or all of Sweden's recipients) serves


def _check_count(target: float, where: str) -> None:
    """Refuse a count goal's target below 0 or above :data:`MOST_PERSONS` (``target: -5``, ``target: 1e20``)."""
    if not (math.isfinite(target) and 0 <= target <= MOST_PERSONS):
        raise ParamsValueError("params.count_target_range", where=where, value=f"{target:g}", most="1 000 000")


def _check_whole(target: float, where: str, key: str) -> None:
    """Refuse a count goal's target that is no whole number of persons (``target: 12.5``), ``where`` being the
    key the message names (``target``, or ``targets, 1`` for a year's target) and ``key`` what goes before the
    number written (``target: ``, ``1: ``), with the whole numbers either side of it to write."""
    if math.isfinite(target) and target != math.floor(target):
        raise ParamsValueError("params.count_target_whole", where=where, value=f"{target:g}",
                               down=f"{key}{math.floor(target):g}", up=f"{key}{math.ceil(target):g}")


AGE_GROUP_LABELS = tuple(dict.fromkeys(label for *_, label in (*AGE_BANDS, *YOUTH_AGE_BANDS, *SENIOR_AGE_BANDS)))


class GoalGroup(_Strict):
    """The group of participants a goal is set for (``among:``): "minst 40 % av de unga under 25 ska gå till
    arbete eller studier". Each key is a filter on a participant column the data contract defines; with
    several, a participant must meet them all. A participant whose value is not known (``okänt``, no age)
    is not counted in the group."""

    sex: str | None = Field(None, description="The code of the participants' sex: kvinna, man, annat.")
    household_type: str | None = Field(None, description="The code of the household type.")
    age_group: str | None = Field(None, description="An age band as the report shows it: '18–29' (or '18-29').")
    age_below: int | None = Field(None, ge=16, le=100, description="Age at start under this many years: 25 for 'under 25'.")
    age_from: int | None = Field(None, ge=16, le=100, description="Age at start this many years or older: 50 for '50 år "
                                                                 "och äldre', 51 for 'över 50 år', 16 for '16–24 år'.")
    project_year: int | None = Field(None, ge=1, le=20, description="The project year of intake: 1 for those who started in year 1.")
    support_start: str | None = Field(None, description="The code of the support at start: sjukpenning, försörjningsstöd, ...")
    municipality: Annotated[str, Field(min_length=1, max_length=MAX_TITLE)] | None = Field(
        None, description="The municipality as the participants file's municipality column writes it: 'Timrå' (the "
                          "file's rows are matched whatever their letter case and spaces).")
    occupation_before: str | None = Field(None, description="The code of the occupation before enrolment "
                                                            "(occupation_before): arbetssökande for the job seekers.")

    @field_validator("age_group", mode="before")
    @classmethod
    def _dash(cls, v: object) -> object:
        if not isinstance(v, str):
            return v
        # (an age group as a file writes it, '19-24' or '65 år och äldre', is named as the report shows it: '19–24')
        bounds = age_group_bounds(v.replace("+", " och äldre"))
        return group_label(*bounds) if bounds is not None else v.strip().replace("-", "–")

    @field_validator("municipality", mode="before")
    @classmethod
    def _name(cls, v: object) -> object:
        return " ".join(v.split()) if isinstance(v, str) else v

    @model_validator(mode="after")
    def _check(self) -> GoalGroup:
        given = self.model_dump(exclude_none=True)
        if not given:
            raise ParamsValueError("params.among_empty")
        if self.age_from is not None and self.age_below is not None and self.age_from >= self.age_below:
            raise ParamsValueError("params.among_age_range", low=self.age_from, high=self.age_below)
        for key, vocab in (("sex", SEXES), ("household_type", HOUSEHOLD_TYPES), ("age_group", AGE_GROUP_LABELS),
                           ("support_start", SUPPORT_SOURCES), ("occupation_before", OCCUPATIONS)):
            codes = tuple(c for c in vocab if c != UNKNOWN)  # (a group of those whose value is not known is none)
            value = given.get(key)
            if key == "age_group" and isinstance(value, str) and age_group_bounds(value.replace("+", " och äldre")):
                continue  # (an age group: the participants file's own groups may be others than the toolkit's bands,
                # and validate refuses a group the project does not use, naming its groups)
            if value is not None and value not in codes:
                raise ParamsValueError("params.among_code", name=key, value=_short(value), codes=", ".join(codes))
        return self

    def items(self) -> list[tuple[str, object]]:
        """The filters given, in the order of the fields."""
        return list(self.model_dump(exclude_none=True).items())

    def parts(self) -> list[tuple[str, object]]:
        """The filters as the report names them: an age from and an age below given together are one band,
        ``("age_band", "16–24")`` for ``{age_from: 16, age_below: 25}``; the others as :meth:`items`."""
        given = self.items()
        if self.age_from is None or self.age_below is None:
            return given
        out: list[tuple[str, object]] = []
        for key, value in given:
            if key == "age_below":
                out.append(("age_band", f"{self.age_from}–{self.age_below - 1}"))
            elif key != "age_from":
                out.append((key, value))
        return out


# a target's year written as a word and a number (``år 1``, ``Projektår 2``, ``year 3``): the year
_TARGET_YEAR = re.compile(r"(?:år|projektår|year|project year)\s*(\d{1,4})", re.I)


class Goal(_Strict):
    """One goal, as the application (or a final report, or the evaluator) states it.

    kinds: ``participant_count`` (persons enrolled), ``outcome_count`` (persons with a
    success outcome), ``share`` (successes over a denominator), ``qualitative``, and
    ``context`` (a municipal statistic such as the number of long-term recipients of
    försörjningsstöd: shown as a series beside the project period, never as the project's effect).

    ``source`` says whose goal it is: ``ansökan`` (the application's; the default),
    ``slutrapport`` (a final report's suggestion) or ``utvärderare`` (the evaluator's own). Only
    the application's goals are counted as the goals the project set. ``main: true`` marks the
    goal whose numerator is the project's own definition of success (by default the first
    outcome or share goal of the application).
    """

    id: Annotated[str, Field(max_length=MAX_TITLE)]
    kind: GoalKind
    label: Annotated[str, Field(max_length=MAX_TITLE)]
    label_en: Annotated[str, Field(max_length=MAX_TITLE)] | None = None
    target: float | None = None
    targets: dict[int, float] | None = Field(None, description=(
        "A target per period, where the application sets one for each year in one sentence ('år 1: 20 deltagare, "
        "år 2: 30, år 3: 30'): {1: 20, 2: 30, 3: 30} for project years (period: project_year), {2025: 15, 2026: 25} "
        "for calendar years (period: calendar_year); written in place of target, a target for every period."))
    period: PeriodUnit = "project_year"
    success_outcomes: tuple[str, ...] = DEFAULT_SUCCESS
    denominator: Literal["participants", "exits"] = "participants"
    exclude_from_denominator: tuple[str, ...] = ()
    count_by: Literal["intake", "exit"] = "intake"
    numerator: Literal["outcome", "action_plan", "sex", "age"] = "outcome"
    sex: tuple[str, ...] = Field((), description="Composition goal (numerator: sex): the sex codes counted, e.g. [kvinna].")
    age_below: int | None = Field(None, description="Composition goal (numerator: age): counts those younger than this "
                                                    "at start (25 for 'unga under 25 år').")
    age_from: int | None = Field(None, description="Composition goal (numerator: age): counts those of this age or "
                                                   "older at start (50 for '50 år eller äldre').")
    assessment: Status | None = None
    evidence: Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    evidence_en: Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    source: GoalSource = "ansökan"
    main: bool = False
    among: GoalGroup | None = Field(None, description=(
        "The group of participants a participant, outcome or share goal is set for: {age_below: 25}, "
        "{age_from: 50}, {sex: kvinna}, {household_type: ensamstående_med_barn}, {age_group: '18–29'}, {project_year: 1}, "
        "{support_start: sjukpenning}, {municipality: Timrå}; every count of the goal counts that group only."))
    # context goals: a municipal statistic as a series (from params or a CSV file)
    series: tuple[SeriesPoint, ...] = ()
    series_file: Path | None = Field(None, description="CSV with columns period (year) and value, relative to the params file.")
    unit: Annotated[str, Field(max_length=MAX_TITLE)] | None = None
    unit_en: Annotated[str, Field(max_length=MAX_TITLE)] | None = None
    series_source: Annotated[str, Field(max_length=MAX_TITLE)] | None = None
    series_source_en: Annotated[str, Field(max_length=MAX_TITLE)] | None = Field(
        None, description="The series' source in an English report (the Swedish one when absent).")
    municipality: str | None = Field(None, description="Municipality code, four characters in quotes: '0305'.")
    kpi: Annotated[str, Field(max_length=40)] | None = Field(None, description="Kolada KPI id, e.g. 'N31807'.")
    kolada: KoladaRef | None = Field(None, description="Fetch the series from Kolada: {kpi: N31807, municipality: '0305'}.")
    # survey goals: a share of respondents (see SurveyGoal's fields in docs/data-contract.md)
    question: Annotated[str, Field(max_length=40)] | None = Field(
        None, description="Survey goal: the question's code in the questions file.")
    group: RespondentGroup | None = Field(
        None, description="Survey goal: who answered (default deltagare_avslut); for a change, the later answers.")
    measure: Literal["level", "change"] = Field(
        "level", description="Survey goal: 'level' (the share answering at level or better) or 'change' (the "
                             "share of the same respondents whose answer is better than at start).")
    level: int | None = Field(None, description="Survey goal (level): an answer at this step or nearer the positive end counts.")
    before_group: RespondentGroup = Field("deltagare_start", description="Survey goal (change): the earlier answers.")
    answered_from: dt.date | None = Field(None, description="Survey goal: only answers given on or after this day.")
    within_months: int | None = Field(None, ge=1, le=60, description=(
        "Share goal: a participant counts as reaching the goal where they left with one of its outcomes on or before "
        "their start date plus this many months ('inom 12 månader från start': 12); those whose months had not "
        "passed at data_as_of are left out of the base and counted apart."))
    after_exit_months: int | None = Field(None, ge=1, le=36, description=(
        "Share goal of the exits: counted from the participants file's follow-up column for this many months after "
        "exit ('Utfall 6 mån', outcome_6m: 6) instead of the outcome at exit; the base is those who ended at least "
        "this many months before data_as_of and whose situation then is coded there, and the others are counted "
        "apart ('6 månader efter avslut': 6)."))
    counts: Literal["persons", "households"] = Field("persons", description=(
        "Participant, outcome or share goal: what one counted is. 'persons' (the default) counts each participant; "
        "'households' counts each household once ('minst 80 hushåll ska ha deltagit', '30 % av hushållen ska ha "
        "lämnat försörjningsstödet', 'minst 12 hushåll ska bli självförsörjande'): the participants file's "
        "household_id says who lives together, a household is counted in the period its first participant started, "
        "and it has left when every participant of it has ended with one of the goal's outcomes (docs/methods.md, "
        "*Goals counted per household*)."))

    @field_validator("municipality", mode="before")
    @classmethod
    def _municipality(cls, v: object) -> object:
        if v is None:
            return v
        if not isinstance(v, str) or not re.fullmatch(r"\d{4}", v):
            raise ParamsValueError("params.municipality_code", value=_short(v))
        return v

    @field_validator("series_source", "series_source_en", mode="before")
    @classmethod
    def _source(cls, v: object) -> object:
        # the report writes "Källa: {source}." (and Kolada's citation after it): a source written as a page's
        # caption is ("Källa: Kolada, N31807", the example of docs/data-contract.md) would read "Källa: Källa:
        # Kolada, N31807.", and one ending in a full stop would end in two
        if not isinstance(v, str):
            return v
        text = _SOURCE_WORD.sub("", v.strip(), count=1).strip()
        return (text[:-1] if text.endswith(".") and not text.endswith("..") else text) or v

    @field_validator("label", "label_en")
    @classmethod
    def _label_shows(cls, v: object, info: ValidationInfo) -> object:
        return visible_text(v, str(info.field_name))

    @field_validator("id")
    @classmethod
    def _id_shows(cls, v: str) -> str:
        # (a goal's id with a zero-width space is another id than the one that looks the same: two goals 'deltagare')
        visible_text(v, "id")
        hidden = next((ch for ch in v if _invisible(ch) and ch != " "), None)
        if hidden is not None:
            raise ParamsValueError("params.goal_id_invisible", codes=f"U+{ord(hidden):04X}")
        return v

    @field_validator("targets", mode="before")
    @classmethod
    def _year_keys(cls, v: object) -> object:
        """A year's key as an application writes it: ``targets: {år 1: 20, År 2: 30}`` (or ``year 1``,
        ``projektår 1``) is ``{1: 20, 2: 30}``; any other key is left for the checks that say what to write."""
        if not isinstance(v, dict):
            return v
        return {int(m.group(1)) if isinstance(k, str) and (m := _TARGET_YEAR.fullmatch(read_label(k))) else k: value
                for k, value in v.items()}

    @model_validator(mode="after")
    def _check(self) -> Goal:
        if self.kind == "context":
            if not self.series and self.series_file is None and self.kolada is None:
                raise ParamsValueError("params.context_series")
            if self.main:
                raise ParamsValueError("params.context_main")
            years = [p.period for p in self.series]
            if len(set(years)) != len(years):
                raise ParamsValueError("params.context_year_twice",
                                       year=", ".join(sorted({str(y) for y in years if years.count(y) > 1})))
            return self
        if self.kind == "survey":
            return self._check_survey()
        if self.among is not None and self.kind not in PERSON_GOAL_KINDS:
            raise ParamsValueError("params.among_kind", kind=str(self.kind))
        if self.main and self.kind not in ("outcome_count", "share"):
            raise ParamsValueError("params.main_kind", kind=str(self.kind))
        if self.targets is not None:
            self._check_targets()
        elif self.kind != "qualitative" and self.target is None:
            raise ParamsValueError("params.target_missing", kind=str(self.kind))
        if self.kind == "share" and self.target is not None and not 0 < self.target <= 1:
            if 1 < self.target <= 100:  # a percent written as its number (25 for 25 %): the share to write
                raise ParamsValueError("params.share_target_percent", value=f"{self.target:g}",
                                       fixed=f"{self.target / 100:g}")
            raise ParamsValueError("params.share_target", value=f"{self.target:g}")
        bad = [o for o in (*self.success_outcomes, *self.exclude_from_denominator) if o not in OUTCOMES]
        if bad:
            raise ParamsValueError("params.unknown_outcomes", codes=", ".join(map(_short, bad)), expected=", ".join(OUTCOMES))
        self._check_composition()
        if self.within_months is not None and (self.kind != "share" or self.numerator != "outcome"
                                               or self.composition):
            raise ParamsValueError("params.within_months_kind", kind=str(self.kind), numerator=self.numerator)
        if self.after_exit_months is not None and (self.kind != "share" or self.numerator != "outcome"
                                                   or self.composition or self.denominator != "exits"
                                                   or self.within_months is not None):
            raise ParamsValueError("params.after_exit_months_kind", kind=str(self.kind), numerator=self.numerator,
                                   denominator=self.denominator, within="within_months" if self.within_months else "–")
        if self.after_exit_months is not None and self.main:
            raise ParamsValueError("params.after_exit_months_main", months=str(self.after_exit_months))
        if self.within_months is not None and self.main:
            raise ParamsValueError("params.within_months_main", months=str(self.within_months))
        if self.counts == "households":
            self._check_households()
        self._check_label_words()
        if self.kind in COUNT_GOAL_KINDS:  # (after the words: a count of steps on a scale wants another kind first)
            if self.target is not None:
                _check_count(self.target, "target")
                _check_whole(self.target, "target", "target: ")
            for key, value in (self.targets or {}).items():
                _check_count(value, f"targets, {key}")
                _check_whole(value, f"targets, {key}", f"{key}: ")
        named = self.named_in_words
        if named:  # (the outcomes its words name, one definition for every reader: table, page 1, charts, workbook)
            self.__dict__["success_outcomes"] = WORDS_OUTCOMES[named]
        return self

    def _check_targets(self) -> None:
        """A target per period (``targets``): for a goal counted per project or calendar year, in place of
        ``target``, each a count of 0 or more or a share above 0 and at most 1."""
        if self.kind not in PERSON_GOAL_KINDS:
            raise ParamsValueError("params.targets_kind", kind=str(self.kind))
        if self.target is not None:
            raise ParamsValueError("params.targets_and_target")
        if self.period == "whole_period" or not self.targets:
            raise ParamsValueError("params.targets_period")
        for key, value in self.targets.items():
            if self.kind == "share" and not 0 < value <= 1:
                if 1 < value <= 100:
                    raise ParamsValueError("params.share_target_percent", value=f"{key}: {value:g}",
                                           fixed=f"{key}: {value / 100:g}")
                raise ParamsValueError("params.share_target", value=f"{key}: {value:g}")
            if self.kind != "share" and not (math.isfinite(value) and value >= 0):
                raise ParamsValueError("params.targets_count", value=f"{key}: {value:g}")

    @property
    def per_household(self) -> bool:
        """Whether the goal counts households, each once (``counts: households``), rather than persons."""
        return self.counts == "households"

    def _check_households(self) -> None:
        """A goal counted per household (``counts: households``): a participant goal (the households taking part),
        or an outcome or share goal of the participants' outcomes at exit; counted by intake, for everyone, never
        the main goal (the report's successes, cost per success and outcome tables count persons). Each setting it
        cannot go with is named."""
        clash = [name for name, bad in (
            (f"kind: {self.kind}", self.kind not in HOUSEHOLD_GOAL_KINDS),
            (f"numerator: {self.numerator}", self.numerator != "outcome"),
            (f"denominator: {self.denominator}", self.kind == "share" and self.denominator != "participants"),
            ("exclude_from_denominator", bool(self.exclude_from_denominator)),
            (f"count_by: {self.count_by}", self.count_by != "intake"),
            ("among", self.among is not None),
            ("within_months", self.within_months is not None),
            ("after_exit_months", self.after_exit_months is not None),
            ("main: true", self.main)) if bad]
        if clash:
            raise ParamsValueError("params.households_goal", settings=", ".join(clash))

    def target_in(self, period_key: str) -> float | None:
        """The goal's target in the period ``period_key`` (``år2``, ``2025``, ``hela``): its ``targets`` entry for
        that project or calendar year where it has a target per period, else ``target``."""
        if self.targets is None:
            return self.target
        digits = re.sub(r"\D", "", period_key)
        return self.targets.get(int(digits)) if digits else None

    @property
    def counted_sex(self) -> tuple[str, str] | None:
        """The words of a participant or outcome goal that count the participants of one sex ("Minst 15 kvinnor
        per år ska påbörja insatsen", "Minst 10 kvinnor ska gå till arbete"), and that sex's code; None for any other
        goal. Such a goal counts every participant (every exit) unless ``among:`` or the project's
        ``target_population.sex`` says whom it is for."""
        if self.kind not in ("participant_count", "outcome_count") or self.composition:
            return None
        for label in (read_label(x) for x in (self.label, self.label_en) if x):
            counted = _COUNT_TRAIT.search(label)
            sex = _SEX_TRAIT.search(counted.group(0)) if counted is not None else None
            # (a part of everyone counted, "90 deltagare, varav 36 kvinnor", is a goal on who takes part)
            if counted is not None and sex is not None and not _PART_OF_COUNT.search(label[:counted.start()]):
                return counted.group(0).strip(), "kvinna" if sex.group(1) else "man"
        return None

    @property
    def composition(self) -> bool:
        """Whether the goal counts who takes part (a trait of the participants: ``numerator: sex`` or ``age``)
        rather than where they went."""
        return self.numerator in COMPOSITION_NUMERATORS

    def _check_composition(self) -> None:
        """A goal on who takes part: the trait it counts is written, and it counts enrolments, never exits."""
        trait_keys = [k for k, v in (("sex", self.sex), ("age_below", self.age_below), ("age_from", self.age_from))
                      if v not in ((), None)]
        wanted = {"sex": ("sex",), "age": ("age_below", "age_from")}.get(self.numerator, ())
        stray = [k for k in trait_keys if k not in wanted]
        if stray:
            raise ParamsValueError("params.composition_stray", keys=", ".join(stray), numerator=self.numerator,
                                   fix="sex" if stray[0] == "sex" else "age")
        if not self.composition:
            return
        if self.kind not in ("share", "participant_count"):
            raise ParamsValueError("params.composition_kind", kind=self.kind)
        if self.numerator == "sex":
            bad = [c for c in self.sex if c not in SEXES]
            if not self.sex or bad:
                raise ParamsValueError("params.composition_sex", value=", ".join(map(_short, bad)) or "–",
                                       expected=", ".join(SEXES))
        elif self.age_below is None and self.age_from is None:
            raise ParamsValueError("params.composition_age")
        else:
            for v in (self.age_below, self.age_from):
                if v is not None and not 15 < v <= 100:
                    raise ParamsValueError("params.composition_age_range", value=f"{v}")
            if self.age_below is not None and self.age_from is not None and self.age_from >= self.age_below:
                raise ParamsValueError("params.composition_age_range", value=f"{self.age_from}–{self.age_below}")
        if self.kind == "share" and (self.denominator != "participants" or self.exclude_from_denominator):
            raise ParamsValueError("params.composition_denominator")
        if self.main:
            raise ParamsValueError("params.composition_main")

    def label_for(self, lang: str) -> str:
        """The goal's label in a report in ``lang``: the English label where the report is English and the
        params give one, else the label. Quoted as written ("Minst 35 % av de avslutade" in an English report
        too, the application's words): only the toolkit's own figures follow the report's language, so the
        label reads the same in every table, chart and sentence."""
        return self.label if lang == "sv" else (self.label_en or self.label)

    @property
    def default_successes(self) -> bool:
        """Whether the goal counts the default successes (:data:`DEFAULT_SUCCESS`): its params give no
        ``success_outcomes`` of their own, and its words name no work or studies only (:attr:`named_in_words`).
        Under the default, an exit to the support a participant started on (sickness benefit to sickness benefit) is
        no success (:func:`evaltools.analysis.goals.same_support`)."""
        return "success_outcomes" not in self.model_fields_set and not self.named_in_words

    @property
    def named_in_words(self) -> str:
        """``"work"``, ``"studies"`` or ``"both"`` where this share or outcome goal gives no ``success_outcomes`` of its
        own and its words name work or studies only (:func:`words_named`: "Minst 25 % ska ha gått till arbete eller
        studier"): it then counts the outcomes its words name (:data:`WORDS_OUTCOMES`; work is ``arbete`` and
        ``arbete_med_stöd``), never the default successes, so that the goal is judged on its own words. ``""`` for
        any other goal: words that name a step or a benefit besides, or more (coming closer to work, self-support),
        are read as before."""
        if (self.kind not in ("outcome_count", "share") or self.numerator != "outcome"
                or "success_outcomes" in self.model_fields_set):
            return ""
        named = words_named(self)
        return named if named in WORDS_OUTCOMES else ""

    def unit_for(self, lang: str) -> str:
        """The unit of a context goal's series in a report in ``lang`` (empty where none is given)."""
        return (self.unit if lang == "sv" else (self.unit_en or self.unit)) or ""

    @property
    def implementation_words(self) -> str | None:
        """The words of a participant, outcome or share goal counted per project year that count the years of an
        implementation after a pre-study ('per projektår under genomförandet'), or None: read as written where
        ``period.implementation_start`` says when project years begin, refused where it does not."""
        if self.kind not in PERSON_GOAL_KINDS or self.period != "project_year":
            return None
        found = (_IMPLEMENTATION_PHASE.search(label) for label in (read_label(self.label), read_label(self.label_en))
                 if label)
        return next((m.group(0).strip() for m in found if m), None)

    def _check_label_words(self) -> None:
        """The label's words against what the goal counts: the period it names, and a share it states. A message
        quotes the words as the label writes them (a number's thousands spaced: ``'totalt 1 000 deltagare'``)."""
        for field, written in (("label", self.label), ("label_en", self.label_en)):
            try:
                self._read_label_words(read_label(written))
            except ParamsValueError as e:
                error = _as_written(e, [written])
                error.field = field if field != "label" else None
                raise error from None

    def _read_label_words(self, label: str | None) -> None:
        """Refuses the words of one label (``label`` or ``label_en``) that the goal does not count as written."""
        if label:
            beyond = (_NOT_COUNTED.search(label) or _PAYMENT_CHANGE.search(label) or _SUPPORT_CUT.search(label)
                      or _TIME_ON_SUPPORT.search(label) or _ACTIVITIES.search(label)) \
                if self.kind in PERSON_GOAL_KINDS else None
            own_cut = support_cut_after_start(label) if beyond is not None else None
            if own_cut is not None:
                # (each participant's own payments a time after their start: the payments file answers it, as a
                # qualitative goal's evidence that validate gives)
                raise ParamsValueError("params.goal_label_support_cut_after_start", words=own_cut[2], kind=self.kind,
                                       left=f"{round((1 - own_cut[0]) * 100, 1):g} %", months=str(own_cut[1]))
            if beyond is not None and _PARTICIPANTS_SUPPORT.search(label) \
                    and (beyond.re in (_PAYMENT_CHANGE, _SUPPORT_CUT) or _AN_AMOUNT.search(beyond.group(0))):
                raise ParamsValueError("params.goal_label_participants_support", words=beyond.group(0).strip(),
                                       kind=self.kind)
            if beyond is not None:
                raise ParamsValueError("params.goal_label_not_counted", words=beyond.group(0).strip(), kind=self.kind)
            need = _SUPPORT_NEED.search(label) if self.kind in PERSON_GOAL_KINDS and self.numerator == "outcome" \
                else None
            if need is not None:
                raise ParamsValueError("params.goal_label_support_need", words=need.group(0).strip(), kind=self.kind)
            group = _PER_GROUP.search(label) if self.kind in PERSON_GOAL_KINDS else None
            if group is not None and self.kind in COUNT_GOAL_KINDS and self.target is not None \
                    and (any(math.isclose(n, self.target) for _, n in label_counts(label))
                         or self._intakes_a_year(label) == self.target):
                group = None  # (a count the goal counts, its target, and a group's size beside it: "4 per intag")
            if group is not None:
                if self.kind == "share" and self.target is not None:  # (a share's example is a share's, not a count)
                    raise ParamsValueError("params.goal_label_per_group_share", words=group.group(0).strip(),
                                           pct_sv=f"{round(self.target * 100, 1):g}".replace(".", ","),
                                           pct_en=f"{round(self.target * 100, 1):g}")
                raise ParamsValueError("params.goal_label_per_group", words=group.group(0).strip())
            referred = _REFERRALS.search(label) if self.kind in PERSON_GOAL_KINDS else None
            if referred is not None:
                raise ParamsValueError("params.goal_label_referrals", words=referred.group(0).strip(), kind=self.kind)
            steps = _STEPS.search(label) if self.kind in PERSON_GOAL_KINDS else None
            if steps is not None:
                raise ParamsValueError("params.goal_label_steps", words=steps.group(0).strip(), kind=self.kind)
            unit = _HOUSEHOLD_UNIT.search(label) if self.kind in PERSON_GOAL_KINDS and not self.per_household \
                else None
            if unit is not None:
                raise ParamsValueError("params.goal_label_households", words=unit.group(0).strip(), kind=self.kind)
            # (a limit on a second condition, "without returning to social assistance within a year", is that
            # condition's, refused as such below)
            in_months = self.kind == "share" and self.numerator == "outcome" and not self.composition \
                and not _NO_RETURN.search(label)
            timed = (_TIME_FROM_START.search(label) or _TIME_IN_WEEKS.search(label)
                     or (_TIME_ANY.search(label) if self.numerator == "action_plan" or in_months else None)) \
                if self.kind in PERSON_GOAL_KINDS else None
            months = months_said(timed.group(0)) if timed is not None and in_months else None
            if months is not None and self.within_months is None:
                # a share within some months of each participant's start: counted so with within_months
                raise ParamsValueError("params.goal_label_within_months", words=timed.group(0).strip(),
                                       months=str(months))
            if months is not None and self.within_months != months:
                raise ParamsValueError("params.goal_label_within_months_other", words=timed.group(0).strip(),
                                       months=str(months), given=str(self.within_months))
            later = _TIME_AFTER_WHAT.search(label) if self.kind in ("share", "outcome_count") \
                and self.numerator == "outcome" and timed is None and not _NO_RETURN.search(label) else None
            if later is not None:
                n = months_said(later.group(0))
                raise ParamsValueError("params.goal_label_time_after_what", words=later.group(0).strip(),
                                       n="N" if n is None else str(n), kind=self.kind)
            if timed is not None and months is None:
                raise ParamsValueError("params.goal_label_time_from_start", words=timed.group(0).strip(),
                                       kind=self.kind)
            back = _NO_RETURN.search(label) if self.kind in PERSON_GOAL_KINDS else None
            if back is not None:
                raise ParamsValueError("params.goal_label_no_return", words=back.group(0).strip(), kind=self.kind)
            named = outcomes_named(label) if self.kind in ("share", "outcome_count") and self.numerator == "outcome" \
                and "success_outcomes" not in self.model_fields_set else ()
            if named:
                unsubsidised = _UNSUBSIDISED.search(label)
                if unsubsidised is not None:
                    raise ParamsValueError("params.goal_label_unsubsidised", words=unsubsidised.group(0).strip(),
                                           codes=", ".join(named), kind=self.kind)
                raise ParamsValueError("params.goal_label_outcomes_named", words=_OUTCOME_NAMED.search(label).group(0)
                                       .strip(" ,(/"), codes=", ".join(named), kind=self.kind)
            plan = _PLAN.search(label) if self.kind in ("share", "outcome_count") and self.numerator == "outcome" \
                else None
            if plan is not None:
                raise ParamsValueError("params.goal_label_plan", words=plan.group(0).strip())
            felt = _experience(label) if self.kind in PERSON_GOAL_KINDS else None
            if felt is not None:
                raise ParamsValueError("params.goal_label_experience", words=felt.group(0).strip(), kind=self.kind)
            extent = _EXTENT_GOAL.search(label) if self.kind in ("share", "outcome_count") \
                and self.numerator == "outcome" else None
            if extent is not None:
                raise ParamsValueError("params.goal_label_extent_change", words=extent.group(0).strip(), kind=self.kind)
            change = _CHANGE_IN_PERSON.search(label) if self.kind in PERSON_GOAL_KINDS else None
            if change is not None:
                # (an extent of work is what the participant file's extent_before_pct and extent_after_pct hold,
                # which no goal counts: the message names them rather than say the file does not hold it)
                key = "params.goal_label_extent_change" if _EXTENT.search(change.group(0)) else \
                    "params.goal_label_person_change"
                raise ParamsValueError(key, words=change.group(0).strip(), kind=self.kind)
            use = _USE_CHANGE.search(label) if self.kind in PERSON_GOAL_KINDS else None
            if use is not None:
                raise ParamsValueError("params.goal_label_use_change", words=use.group(0).strip(), kind=self.kind)
            care = _TREATMENT.search(label) if self.kind in PERSON_GOAL_KINDS else None
            if care is not None:
                raise ParamsValueError("params.goal_label_treatment", words=care.group(0).strip(), kind=self.kind)
            contact = _contact(label) if self.kind in ("share", "outcome_count") and self.numerator == "outcome" \
                else None
            if contact is not None:
                raise ParamsValueError("params.goal_label_contact", words=contact.group(0).strip(), kind=self.kind)
            step = _process_step(label) if self.kind in PERSON_GOAL_KINDS else None
            if step is not None:
                raise ParamsValueError("params.goal_label_process", words=step.group(0).strip(), kind=self.kind)
            taken = _activity_step(label) if self.kind in ("share", "outcome_count") and self.numerator == "outcome" \
                else None
            if taken is not None:
                raise ParamsValueError("params.goal_label_activity", words=taken.group(0).strip(), kind=self.kind)
            ceiling = _COUNT_CEILING.search(label) if self.kind in ("participant_count", "outcome_count") \
                and not _COUNT_FLOOR.search(label) else None
            if ceiling is not None:
                raise ParamsValueError("params.goal_label_count_ceiling", words=ceiling.group(0).strip(),
                                       kind=self.kind)
            falls = _SHARE_FALLS.search(label) if self.kind == "share" and not _SHARE_FLOOR.search(label) else None
            if falls is not None:
                # (the ceiling as the words state it, the last share of "från 80 % till 50 %", else the target)
                stated = label_shares(label)
                _no_share_above_all(stated)  # (150 % would be told to write the others' share as -0.5)
                if not stated and not re.search(_SUPPORT, label, re.I):
                    # a share to fall by a part ("Halvera andelen som avbryter", "andelen avbrott ska minska") with
                    # no share from or to: its ceiling is a part of a baseline the goal does not give (those on
                    # försörjningsstöd are all of them at start; the drop-outs of an earlier year are not), so no
                    # share of the others can be told from the target, and 1 - target would judge another goal
                    others = [c for c in OUTCOMES if c not in self.success_outcomes and c != "okänt"] \
                        if "success_outcomes" in self.model_fields_set else []
                    raise ParamsValueError("params.goal_label_share_falls_no_base", words=falls.group(0).strip(),
                                           target="?" if self.target is None else f"{self.target:g}",
                                           others="[" + ", ".join(others) + "]" if others else "[...]")
                ceiling = stated[-1][1] if stated else self.target
                rest = round(1 - ceiling, 3) if ceiling is not None else None
                pct = f"{rest * 100:g}" if rest is not None else "?"
                if _DROPOUT.search(label) and not re.search(_SUPPORT, label, re.I) and ceiling is not None:
                    # (a ceiling on drop-outs: the others' share is those who ended otherwise, every outcome but
                    # avbrott, never those who left försörjningsstöd)
                    raise ParamsValueError("params.goal_label_share_falls_dropout", words=falls.group(0).strip(),
                                           rest=f"{rest:g}", pct=pct, ceiling=f"{round(ceiling * 100, 1):g}",
                                           codes=", ".join(c for c in OUTCOMES if c not in ("avbrott", "okänt")))
                raise ParamsValueError("params.goal_label_share_falls", words=falls.group(0).strip(),
                                       rest=f"{rest:g}" if rest is not None else "?", pct=pct)
            if self.kind == "share":
                self._check_share_range(label)
            even = _EVEN_SEXES.search(label) if self.kind in ("participant_count", "share") else None
            if even is not None and not self.composition and not _OUTCOME_PROMISE.search(label):
                raise ParamsValueError("params.goal_label_even_sexes", words=even.group(0).strip())
            who = _COMPOSITION.search(label) if self.kind in ("participant_count", "share") else None
            if who is not None and self.kind == "participant_count" and not self.composition:
                raise ParamsValueError("params.goal_label_composition_count", words=who.group(0).strip())
            counted = _COUNT_TRAIT.search(label) if self.kind == "participant_count" else None
            if counted is not None and not self.composition and not _TARGET_GROUP.search(counted.group(0)) \
                    and self.counted_sex is None:  # (a count of one sex: judged with the project's target group)
                raise ParamsValueError("params.goal_label_trait_count", words=counted.group(0).strip())
            if who is not None and self.kind == "share" and not self.composition \
                    and not _OUTCOME_PROMISE.search(label):
                raise ParamsValueError("params.goal_label_composition", words=who.group(0).strip())
            promise = _OUTCOME_PROMISE.search(label) if self.kind == "participant_count" else None
            if promise is not None:
                raise ParamsValueError("params.goal_label_outcome", words=promise.group(0).strip())
            self._check_label_numbers(label)
            conflict = label_period_conflict(label, self.period)
            if conflict is not None and not self._total_over_period(label):
                raise ParamsValueError("params.goal_label_period", words=conflict[0], period=self.period,
                                       fix=conflict[1][0])
            self._check_label_count(label)
            self._check_label_group_and_base(label)
            if self.kind != "share" or self.target is None:
                return
            self._check_label_target(label)

    @staticmethod
    def _intakes_a_year(label: str) -> float | None:
        """The year's count of a label that states the intakes a year and each one's size ("Tre intag per år med 8
        deltagare i varje intag": 24); None where it states not both."""
        intakes, size = _INTAKES_A_YEAR.search(label), _SIZE_OF_INTAKE.search(label)
        if intakes is None or size is None:
            return None
        k = intakes.group(1)
        return float((int(k) if k.isdigit() else _NUMBER_WORDS[k.casefold()]) * int(size.group(1)))

    def _total_over_period(self, label: str) -> bool:
        """Whether a count goal over the whole period has as its target the total its words state beside a count per
        year ("Minst 60 deltagare totalt, minst 20 per år", "Minst 90 personer under projektets tre år, 30 per år" with
        period: whole_period and target: 60, 90): the year's words are the pace to the total, not the goal's period."""
        if self.kind not in COUNT_GOAL_KINDS or self.period != "whole_period" or self.target is None:
            return False
        per_year = {float(m.group(1)) for m in _EACH_YEAR.finditer(label)}
        totals = {float(m.group(1) or m.group(2)) for m in _IN_TOTAL.finditer(label)} | {n for _, n in label_counts(label)}
        return bool(per_year) and self.target in totals - per_year

    def _check_label_count(self, label: str) -> None:
        """A count goal whose words state a number of persons (:func:`label_counts`) none of which is its target
        ("Minst 20 deltagare per år" with target: 15): refused with the words' number and the target. A number the
        words state per year beside a total, a floor with a hope above it, one a count must pass ("fler än 25": 26),
        a range, a target per year or a count per part of a year (checked on their own) are read as the words say."""
        if self.kind not in COUNT_GOAL_KINDS or self.target is None or self.targets is not None:
            return
        if _COUNT_RANGE.search(label) or label_year_targets(label, False)[0] or label_year_unsure(label, False):
            return  # (a range, and a target per year, are read and refused on their own)
        if self.period == "whole_period" and _EACH_YEAR.search(label):
            return  # (a count a year over the whole period: its years are the period's, not the goal's to count)
        stated = label_counts(label)
        if not stated:
            return
        said: set[float] = {n for _, n in stated}
        said |= {int(m.group(1)) for m in _EACH_YEAR.finditer(label)}
        wish = _WISH.search(label)  # ("minst 25, gärna 35 deltagare": the floor, checked against the target on its own)
        if wish is not None and not wish.group(2):
            said.add(float(wish.group(1).replace(",", ".")))
        if label_per_part(label) is not None:
            return  # (a count per quarter is the year's four times it, or the evaluator's own reading of it: see
            # the per-part rule in _check_label_numbers, which refuses the quarter's own number as the year's target)
        if _MORE_THAN.search(label):
            said |= {n + 1 for n in said}
        if any(math.isclose(self.target, n) for n in said):
            return
        words, n = next(((w, n) for w, n in stated if not re.search(rf"(?<![\wåäö])(?:av|of)\s+{re.escape(w)}", label,
                                                                    re.I)), stated[0])
        raise ParamsValueError("params.goal_label_count_target", words=words, n=str(n), target=f"{self.target:g}",
                               kind=self.kind)

    def _check_label_group_and_base(self, label: str) -> None:
        """A share or count of the job seekers among the participants, which no goal group reads; a goal of
        employment (sysselsättning) counting other outcomes than work (and studies, where the application means
        them); a share at exit (``vid avslut``) or of those who ended (``av de avslutade``) counted of all
        participants, those still enrolled counted as not reached; and a share of all enrolled (``av inskrivna``)
        counted of the exits."""
        seekers = _JOB_SEEKERS_AMONG.search(label) if self.kind in PERSON_GOAL_KINDS and self.among is None \
            and not self.composition else None
        if seekers is not None:
            raise ParamsValueError("params.goal_label_job_seekers", words=seekers.group(0).strip(), kind=self.kind)
        outcome = self.kind in ("share", "outcome_count") and self.numerator == "outcome" and not self.composition
        employed = _EMPLOYMENT.search(label) if outcome else None
        # (the outcomes the goal counts: its own, else those its words name, "arbete eller studier", else the default)
        counts = self.success_outcomes if "success_outcomes" in self.model_fields_set or not self.named_in_words \
            else WORDS_OUTCOMES[self.named_in_words]
        if employed is not None and tuple(sorted(counts)) not in {tuple(sorted(codes)) for codes in EMPLOYMENT_OUTCOMES}:
            raise ParamsValueError("params.goal_label_employment", words=employed.group(0).strip(), kind=self.kind,
                                   codes=", ".join(counts))
        at_exit = _AT_EXIT.search(label) if outcome and self.kind == "share" and self.within_months is None \
            and self.denominator == "participants" else None
        if at_exit is not None:
            raise ParamsValueError("params.goal_label_at_exit_base", words=at_exit.group(0).strip())
        based = self.kind == "share" and self.numerator in ("outcome", "action_plan") and not self.composition
        ended = _EXITS_BASE.search(label) if based and self.denominator == "participants" else None
        if ended is not None:
            raise ParamsValueError("params.goal_label_exits_base", words=ended.group(0).strip())
        everyone = _ALL_BASE.search(label) if based and self.denominator == "exits" and not _AT_EXIT.search(label) \
            and not _EXITS_BASE.search(label) else None
        if everyone is not None:
            raise ParamsValueError("params.goal_label_all_base", words=everyone.group(0).strip())

    def _check_label_target(self, label: str) -> None:
        """A share or survey goal's target against the shares its label states: a range of shares, a share the
        goal must pass ("mer än 40 %", whose target is then just above it), and any other share stated."""
        if self.target is None:
            return
        passed = self._check_share_bounds(label)
        stated = label_shares(label)
        _no_share_above_all(stated)  # (150 % would be told to write target: 1.5, itself refused)
        rise = _SHARE_RISE.search(label)
        if rise is not None:
            base, to = (float(g.replace(",", ".")) / 100 for g in rise.groups())
            steps, end = [rise.group(2)], rise.end()
            while (step := _SHARE_STEP.match(label, end)) is not None:
                steps.append(step.group(1))
                end = step.end()
            if len(steps) > 1:
                # (a target per step: the goal's one target judges one of them, the others unjudged)
                shares = [f"{round(float(v.replace(',', '.')) / 100, 3):g}" for v in steps]
                raise ParamsValueError("params.goal_label_share_steps", words=label[rise.start():end].strip(),
                                       target=f"{self.target:g}", base=rise.group(1),
                                       **{f"steps_{lang}": ", ".join(f"{v} %" for v in steps[:-1]) + f" {then} {steps[-1]} %"
                                          for lang, then in (("sv", "och sedan till"), ("en", "and then to"))},
                                       targets="{" + ", ".join(f"{i}: {v}" for i, v in enumerate(shares, 1)) + "}",
                                       first=shares[0], last=shares[-1])
            if to < base - 1e-9 and _SHARE_FLOOR.search(label):
                # a share of the others stated beside the fall it brings ("Minst 90 % ska fullfölja insatsen (andelen
                # avbrott ska minska från 20 % till 10 %)"): the floor is the target, checked as any share stated
                rise = None
            elif to < base - 1e-9:
                # the shares fall ("Minska från 30 % till 15 %", or a rise with its shares swapped): a share goal is
                # reached at or above its target, so the lower share as target was reached before the project began
                rest = round(1 - to, 3)
                raise ParamsValueError("params.goal_label_share_from_to_falls", words=rise.group(0).strip(),
                                       target=f"{self.target:g}", rest=f"{rest:g}", pct=f"{rest * 100:g}",
                                       base=rise.group(1), to=rise.group(2))
        if rise is not None:
            # a share to rise from a baseline to a target ("ska öka från 20 % till 35 %"): the target is the share
            # it rises to; the baseline, reached already before the project, would judge another goal
            if abs(self.target - to) > _SHARE_TOLERANCE and not any(
                    v < self.target <= v + _JUST_ABOVE + 1e-9 for v, _ in passed):
                raise ParamsValueError("params.goal_label_share_rise", words=rise.group(0).strip(),
                                       target=f"{self.target:g}", fix=f"{round(to, 3):g}", base=f"{round(base, 3):g}")
            return
        if stated and not any(abs(v - self.target) <= _SHARE_TOLERANCE for _, v in stated) \
                and not any(v < self.target <= v + _JUST_ABOVE + 1e-9 for v, _ in passed):
            words, value = stated[0]
            # (a share the goal must pass takes the target just above it, never the share itself)
            fix = next((above for v, above in passed if abs(v - value) < 1e-9), value)
            raise ParamsValueError("params.goal_label_share", words=words, target=f"{self.target:g}",
                                   fix=f"{round(fix, 3):g}")

    def _check_share_bounds(self, label: str) -> list[tuple[float, float]]:
        """A range of shares in the label ("Jämn könsfördelning, 40–60 % kvinnor") is refused with the two goals
        (or the one) to write, and a share the goal must pass ("mer än 40 %", "över hälften") whose target is that
        share, which the share would reach, with the words or the target to write. Returns the shares the label
        must pass, each with the share just above it: a target up to one percentage point above one of them is
        read as written."""
        self._check_share_range(label)
        passed: list[tuple[float, float]] = []
        for m in _MORE_THAN_SHARE.finditer(label):
            words = (m.group(1) or m.group(2)).strip()
            values = label_shares(words)
            if not values:
                continue
            value = values[0][1]
            above = (math.floor(value * 1000 + 1e-6) + 1) / 1000  # the next share as shown
            passed.append((value, above))
            if self.target is not None and value - _SHARE_TOLERANCE <= self.target <= value + 1e-9:
                raise ParamsValueError("params.goal_label_more_than_share", words=m.group(0).strip(), share=words,
                                       target=f"{self.target:g}", fix=f"{round(above, 3):g}")
        return passed

    def _check_share_range(self, label: str) -> None:
        """Refuse a share or survey goal whose label sets a range of shares: for a trait of the participants (a
        share of women, of the young), with the two goals on who takes part to write, the upper bound as the
        others' lower bound; else with its lower bound and the words "minst", or a qualitative goal."""
        rng = _SHARE_RANGE.search(label)
        split = next((m for m in _SHARE_SPLIT.finditer(label) if _split_parts(m)), None)
        if rng is not None:
            low, high = (float(x.replace(",", ".")) / 100
                         for x in (rng.group(1) or rng.group(3), rng.group(2) or rng.group(4)))
            words = rng.group(0).strip()
        elif split is not None and len(parts := _split_parts(split)) == 3:
            *first, last = (f"{p / 100:g}" for p in parts)
            raise ParamsValueError("params.goal_label_split_three", words=split.group(0).strip(),
                                   targets=", ".join(first), last=last)
        elif split is not None:
            low, high = sorted(p / 100 for p in parts)
            words = split.group(0).strip()
        else:
            return
        if not 0 <= low < high <= 1:
            return
        if self.kind != "share":
            raise ParamsValueError("params.goal_label_range", words=words, low=f"{low:g}")
        rest = f"{round(1 - high, 3):g}"
        codes: list[str] = []
        if self.numerator == "sex":
            codes = list(self.sex)
        elif not self.composition and re.search(r"\bkvinn\w*|\bflickor\b|\bwomen\b|\bgirls\b", label, re.I):
            codes = ["kvinna"]
        elif not self.composition and re.search(r"\bmän\b|\bpojkar\b|\bmen\b|\bboys\b", label, re.I):
            codes = ["man"]
        pair = None
        if codes:
            others = [c for c in SEXES if c not in codes and c != UNKNOWN]
            pair = (f"numerator: sex, sex: [{', '.join(codes)}], target: {low:g}",
                    f"numerator: sex, sex: [{', '.join(others)}], target: {rest}")
        elif self.numerator == "age" and (self.age_below is None) != (self.age_from is None):
            limit, key, other = ((self.age_below, "age_below", "age_from") if self.age_below is not None
                                 else (self.age_from, "age_from", "age_below"))
            pair = (f"numerator: age, {key}: {limit}, target: {low:g}", f"numerator: age, {other}: {limit}, target: {rest}")
        if pair is not None:
            raise ParamsValueError("params.goal_label_range_trait", words=words, first=pair[0], second=pair[1])
        raise ParamsValueError("params.goal_label_range", words=words, low=f"{low:g}")

    def _check_label_numbers(self, label: str) -> None:
        """A count "fler än 25" whose target is 25 (which 25 would reach), a count per part of a year ("10 per
        kvartal") whose target is that part's, and a goal set against a year before the project without the level it
        is judged against in its words."""
        part = label_per_part(label) if self.kind in ("participant_count", "outcome_count") else None
        self._check_floor(label, part[2] if part is not None else 1)
        share_part = _SHARE_PER_PART.search(label) if self.kind == "share" else None
        if share_part is not None:
            # (the goal's own words for its period in place of the part: 'varje halvår' -> 'varje år', 'kvartalsvis' ->
            # 'per år'; over the whole period 'under projekttiden')
            english = bool(re.fullmatch(r"each|every|quarterly|half-yearly|monthly", share_part.group(1) or share_part.group(3), re.I))
            year = "year" if english else "år"
            instead = f"{share_part.group(1)} {year}" if share_part.group(1) else ("per year" if english else "per år")
            if self.period == "whole_period":
                instead = "over the project" if english else "under projekttiden"
                instead = instead.capitalize() if share_part.start() == 0 else instead
            raise ParamsValueError("params.goal_share_per_part", words=share_part.group(0), period=self.period,
                                   fix=label[:share_part.start()] + instead + label[share_part.end():])
        if part is not None and self.target is not None and part[1] == self.target:
            words, n, times = part
            key = "params.goal_label_per_part_whole" if self.period == "whole_period" else "params.goal_label_per_part"
            raise ParamsValueError(key, words=words, target=f"{self.target:g}", times=times, fix=f"{n * times:g}",
                                   period=self.period)
        more = _MORE_THAN.search(label) if self.kind in ("participant_count", "outcome_count") else None
        if more is not None and self.target is not None and float(more.group(1) or more.group(2)) == self.target:
            raise ParamsValueError("params.goal_label_more_than", words=more.group(0).strip(),
                                   target=f"{self.target:g}", fix=f"{self.target + 1:g}")
        total = _IN_TOTAL.search(label) if self.kind in ("participant_count", "outcome_count") else None
        each = _EACH_YEAR.search(label) if total is not None else None
        if total is not None and each is not None and self.target is not None and self.period != "whole_period" \
                and float(total.group(1) or total.group(2)) == self.target != float(each.group(1)):
            # (the words say the whole project's count and a year's: the target is the year's, or the goal the whole's)
            raise ParamsValueError("params.goal_label_total_per_year", total=total.group(0).strip(),
                                   year=each.group(0).strip(), target=f"{self.target:g}", period=self.period,
                                   fix=each.group(1))
        base = _BASELINE.search(label) if self.kind in PERSON_GOAL_KINDS else None
        if base is None or self.target is None:
            return
        stated = label_shares(label) if self.kind == "share" else \
            [n for n in re.findall(r"(?<![\d,.])\d+(?![\d,.])", label) if n != base.group(1)]
        if not stated:
            raise ParamsValueError("params.goal_label_baseline", words=base.group(0).strip(), year=base.group(1),
                                   kind=self.kind)

    def _check_floor(self, label: str, times: int) -> None:
        """A count written as a range ("30–40 deltagare per år") or a floor with a hope above it ("minst 15 men helst
        20", also of a share) is reached at its lower end: a target above it is refused with the lower end to write
        (``times`` the lower end where the label states it per part of a year, 4 for a quarter)."""
        if self.target is None:
            return
        count = self.kind in ("participant_count", "outcome_count")
        wish = _WISH.search(label) if count or self.kind == "share" else None
        if wish is not None and bool(wish.group(2)) == (self.kind == "share") and bool(wish.group(4)) == bool(wish.group(2)):
            low = float(wish.group(1).replace(",", ".")) / (100 if wish.group(2) else 1)
            fix = low * (1 if wish.group(2) else times)
            tolerance = _SHARE_TOLERANCE if wish.group(2) else 1e-9
            if abs(self.target - fix) > tolerance:
                raise ParamsValueError("params.goal_label_wish", words=wish.group(0).strip(), target=f"{self.target:g}",
                                       low=wish.group(1) + (wish.group(2) or ""), high=wish.group(3) + (wish.group(4) or ""),
                                       fix=f"{round(fix, 3):g}")
        rng = _COUNT_RANGE.search(label) if count else None
        if rng is None:
            return
        # (a range written from its upper end, "40–30 deltagare", is the same range: reached at 30)
        low_n, high_n = sorted(int(x) for x in ((rng.group(1), rng.group(2)) if rng.group(1) else (rng.group(3), rng.group(4))))
        if not 0 < low_n < high_n:
            return
        if abs(self.target - low_n * times) > 1e-9:
            raise ParamsValueError("params.goal_label_count_range", words=rng.group(0).strip(), target=f"{self.target:g}",
                                   low=f"{low_n}", fix=f"{low_n * times:g}")

    def _check_survey(self) -> Goal:
        if self.question is None:
            raise ParamsValueError("params.survey_question")
        if self.target is None or not 0 < self.target <= 1:
            # (a change goal's target is the share answering better, which "hälsan ska öka" does not state)
            key = "params.survey_target_change" if self.measure == "change" else "params.survey_target"
            raise ParamsValueError(key, value="–" if self.target is None else f"{self.target:g}")
        if self.measure == "level" and self.level is None:
            raise ParamsValueError("params.survey_level")
        if self.main:
            raise ParamsValueError("params.survey_main")
        for label in (read_label(self.label), read_label(self.label_en)):
            if label:
                self._check_label_target(label)
        return self

    @property
    def respondents(self) -> RespondentGroup:
        """A survey goal's respondent group (the later answers of a change)."""
        return self.group or "deltagare_avslut"


class Survey(_Strict):
    """How many were asked to answer a questionnaire, per respondent group, for the response rate."""

    invited: dict[RespondentGroup, Annotated[int, Field(ge=1)]] = Field(
        default_factory=dict, description="Persons asked to answer, per respondent group (for the response rate).")


# the most persons a year an application's volumes may name: more than any samordningsförbund's project reaches (a
# million a year, or 1e30, once passed the check and stopped the report's minimum detectable effect)
MAX_EXPECTED_PER_YEAR = 100_000


def _is_number(value: object) -> bool:
    """Whether ``value`` is a number as YAML reads one (not true or false)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _yaml_number(value: float) -> str:
    """A number as YAML writes it in the params file (``-0.5``, ``.nan``, ``-.inf``)."""
    if math.isnan(value):
        return ".nan"
    return f"{value:g}".replace("inf", ".inf")


def _is_share(value: object) -> bool:
    """Whether ``value`` is a share: a number from 0 to 1 (a NaN is none)."""
    return _is_number(value) and 0 <= value <= 1  # type: ignore[operator]


# The ages an application's target group may span: a Finsam project serves people of working age, from 16, and an age
# group above 100 ('150+', '999–999') or wholly under 16 ('0–0', 'under 0') is a slip, not a target group (its middle
# would end every expected leaver's saving at once, or never)
_TARGET_AGES = (16, 100)


def _of_working_age(lo: int, hi: int) -> bool:
    """Whether an age group from ``lo`` to ``hi`` (``AGE_OPEN_END`` for an open group, '65+') reaches into
    ``_TARGET_AGES`` and does not go beyond it."""
    first, last = _TARGET_AGES
    return first <= hi and lo <= last and (hi <= last or hi == AGE_OPEN_END)


class Expected(_Strict):
    """Expected volumes for an ex-ante check of an application without participant data."""

    participants_per_year: float | None = Field(None, ge=0, le=MAX_EXPECTED_PER_YEAR, description=(
        "Participants the application expects a year."))
    successes_per_year: float | None = Field(None, ge=0, le=MAX_EXPECTED_PER_YEAR, description=(
        "Successful exits the application expects a year; at most the participants a year."))
    exits_with_action_plan_share: float | None = Field(None, ge=0, le=1, description=(
        "Share of exits the application expects to have an action plan (0–1), for a goal counting action plans."))
    comparison_persons: int | None = Field(None, ge=1, description=(
        "Comparison persons the evaluation expects to follow; default as many as the expected participants."))
    payment_sd_sek: float | None = Field(None, gt=0, description=(
        "Standard deviation of one person's försörjningsstöd per month (kr), for the minimum detectable effect; "
        "default the registry's (payment_sd in defaults.csv). Give its source in payment_sd_source."))
    payment_sd_source: Annotated[str, Field(max_length=MAX_TITLE)] | None = None
    outcome_mix: dict[str, float] | None = Field(None, description=(
        "Where the expected successes go, as shares by outcome code (e.g. {arbete: 0.5, "
        "sjuk_aktivitetsersättning: 0.3, studier: 0.2}); from the application or the förbund's earlier "
        "projects. Without it every expected success is counted as an exit to work, and the report says so."))
    participants_by_year: dict[int, float] | None = Field(None, description=(
        "Participants the application expects in each project year, written as a mapping under "
        "participants_per_year ({1: 30, 2: 40, 3: 40}); participants_per_year then holds their mean."))
    age_group: Annotated[str, Field(max_length=MAX_TITLE)] | None = Field(None, description=(
        "The age of the application's target group as it states it ('60–64', '55–64 år', '65+'): an expected "
        "leaver's saving ends where they reach the age of äldreförsörjningsstöd, their age taken as the group's "
        "middle, as for an age group in a participants file. Without it no expected leaver's saving ends early."))

    @model_validator(mode="before")
    @classmethod
    def _participants_per_project_year(cls, v: object) -> object:
        """An application that expects a different number each year ("30 deltagare år 1, 40 år 2 och 3") writes
        them per project year, ``participants_per_year: {1: 30, 2: 40, 3: 40}``: each year's goal is compared with
        its own year's volume, the years' mean standing for a year where one number is read (the expected share)."""
        if not isinstance(v, dict) or not isinstance(v.get("participants_per_year"), dict) \
                or "participants_by_year" in v:
            return v
        written = v["participants_per_year"]
        keys = [_project_year_key(k) for k in written]
        values = list(written.values())
        if (None in keys or sorted(keys) != list(range(1, len(keys) + 1))  # type: ignore[type-var]
                or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in values)):
            raise ParamsValueError("params.expected_project_years", value=_short(written))
        by_year = {int(k): float(x) for k, x in zip(keys, values, strict=True)}  # type: ignore[arg-type]
        return {**v, "participants_by_year": by_year,
                "participants_per_year": sum(by_year.values()) / len(by_year)}

    @model_validator(mode="after")
    def _by_year_in_range(self) -> Expected:
        # (each year's volume within the range one number has: a year of 1e9 participants is a mistyped one)
        bad = [f"{k}: {x:g}" for k, x in (self.participants_by_year or {}).items()
               if not 0 <= x <= MAX_EXPECTED_PER_YEAR]
        if bad:
            raise ParamsValueError("params.expected_project_years", value=", ".join(bad))
        return self

    @field_validator("age_group", mode="before")
    @classmethod
    def _age_group(cls, v: object) -> object:
        # the group is read as a participants file's age group is (the same bounds, the same middle), so that an
        # age the saving could not end at is refused here and not left to count over the whole horizon
        if v is None:
            return v
        bounds = age_group_bounds(v.replace("+", " och äldre")) if isinstance(v, str) else None
        if bounds is None or not _of_working_age(*bounds):
            raise ParamsValueError("params.expected_age_group", value=_short(v))
        return group_label(*bounds)  # (written as the report writes a group: '55-64 år' is '55–64')

    @field_validator("outcome_mix", mode="before")
    @classmethod
    def _mix_codes_and_shares(cls, v: object) -> object:
        # every code and every share looked at before the shares are read as numbers: a share that is none (.nan)
        # would stop the check there, and an unknown code beside it would go unsaid
        if not isinstance(v, dict):
            return v
        bad = [k for k in v if k not in LEAVES_SOCIAL_ASSISTANCE]
        odd = [(k, x) for k, x in v.items() if k not in bad and not _is_share(x)]
        if not bad and not odd:
            return v
        text = {}
        for lang, word in (("sv", "och"), ("en", "and")):
            parts = []
            if bad:
                parts.append(message("params.outcome_mix_codes", lang, codes=", ".join(_short(b, lang=lang) for b in bad),
                                     expected=", ".join(LEAVES_SOCIAL_ASSISTANCE)))
            if odd:
                said = [f"{k}: {_yaml_number(x)}" if _is_number(x) else f"{k}: {_short(x, lang=lang)}" for k, x in odd]
                parts.append(message("params.outcome_mix_share" if len(odd) == 1 else "params.outcome_mix_shares",
                                     lang, shares=_and(said, word)))
            text[lang] = "; ".join(parts)
        raise ParamsValueError("params.other", text_sv=text["sv"], text_en=text["en"])

    @field_validator("outcome_mix")
    @classmethod
    def _mix(cls, v: dict[str, float] | None) -> dict[str, float] | None:
        if v is not None and abs(sum(v.values()) - 1) > 0.01:
            raise ParamsValueError("params.outcome_mix_sum", sum=f"{sum(v.values()):g}")
        return v

    @model_validator(mode="after")
    def _successes_among_participants(self) -> Expected:
        # (more successes than participants a year would make an expected share above 100 %)
        p, s = self.participants_per_year, self.successes_per_year
        if p is not None and s is not None and s > p:
            raise ParamsValueError("params.expected_successes_above_participants", name="successes_per_year",
                                   successes=f"{s:g}", participants=f"{p:g}")
        return self


def _project_year_key(k: object) -> int | None:
    """A project year as a key of an expected volume per year: ``1``, ``'1'`` or ``'år 1'``; else ``None``."""
    if isinstance(k, int) and not isinstance(k, bool):
        return k if 1 <= k <= 50 else None
    m = re.fullmatch(r"(?:år|year)?\s*(\d{1,2})", str(k).strip().lower())
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 50 else None


class TargetPopulation(_Strict):
    """Whom the project is for: how many persons, in the application's words."""

    size: int | None = Field(None, ge=1, description="Number of persons in the target population.")
    description: Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    description_en: Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    sex: str | None = Field(None, description="The sex of everyone the project is for (kvinna for a women's "
                                              "project): a participant goal counting that sex ('Minst 15 kvinnor "
                                              "per år') counts every participant, each checked to be of it.")

    @field_validator("sex")
    @classmethod
    def _sex_code(cls, v: str | None) -> str | None:
        codes = tuple(c for c in SEXES if c != UNKNOWN)
        if v is not None and v not in codes:
            raise ParamsValueError("params.among_code", name="target_population.sex", value=_short(v),
                                   codes=", ".join(codes))
        return v

    @model_validator(mode="before")
    @classmethod
    def _number(cls, v: object) -> object:
        return {"size": v} if isinstance(v, int) and not isinstance(v, bool) else v

    @model_validator(mode="after")
    def _persons(self) -> TargetPopulation:
        """A size beside a description of households or families ("hushåll med barn 0–6 år och försörjningsstöd") is
        refused: the reach divides the different persons who took part by the size, so a family project whose two
        parents of a household both take part would be read against a count of households, its reach up to twice
        what it is. Persons described in households ("föräldrar i hushåll med ...") are read as written."""
        if self.size is None:
            return self
        for text in (self.description, self.description_en):
            unit = _HOUSEHOLDS_DESCRIBED.match(read_label(text)) if text else None
            if unit is not None:
                raise ParamsValueError("params.target_population_households", words=unit.group(1),
                                       size=str(self.size))
        return self


Year = Annotated[int, Field(ge=1980, le=2100)]  # a price year: the reference data's KPI begins in 1980
Amount = Annotated[float, Field(ge=0.0, le=10_000_000.0)]  # kr per month


class MonthlyLevel(_Strict):
    """How the monthly försörjningsstöd avoided per successful exit is valued."""

    method: Literal["fixed", "riksnorm", "own_payments"] = "fixed"
    amount_sek: Amount | dict[str, Amount] | None = Field(
        None, description="For method fixed: kr per month, or one amount per municipality of the participants "
                          "file's municipality column ({Sundsvall: 11200, Ånge: 8400}), each leaver valued at "
                          "their own municipality's.")
    amount_year: Year | None = Field(None, description="Price year of amount_sek.")
    source: Annotated[str, Field(max_length=MAX_TITLE)] | None = None
    source_en: Annotated[str, Field(max_length=MAX_TITLE)] | None = Field(
        None, description="The source in English, for an English report (else the Swedish source is shown).")
    housing_sek: Amount = Field(4300.0, description="Housing cost added to riksnorm (2023 prices; the toolkit's estimate, "
                               "see defaults.csv housing_sek_month).")
    housing_year: Year = 2023
    child_age_band: str = "7-10"
    months_before_start: int = Field(6, ge=1, le=120, description="For method own_payments: months of payments averaged.")
    gap_before_start: int = Field(6, ge=0, le=120, description="For method own_payments: months just before the start left out "
                                  "(payments rise as enrolment nears; default measured on the samples, see docs).")

    @field_validator("child_age_band", mode="before")
    @classmethod
    def _child_band(cls, v: object) -> object:
        """A riksnorm age band of a child as the shipped table writes it ('4-6', '<1', '3'); a dash, spaces and 'år'
        around it as a person types them are read so ('4–6 år'); any other band is refused with the bands to write,
        since the riksnorm has no amount for it (and the calculation would otherwise stop without a word)."""
        t = riksnorm_table()
        bands = list(dict.fromkeys(str(b) for b in t.loc[t["component"] == "child", "band"]))
        text = re.sub(r"\s*(?:år|years?)\s*$", "", str(v).strip(), flags=re.I)
        text = re.sub(r"\s*[-\u2010-\u2015\u2212]\s*", "-", text).replace(" ", "")
        if text in bands:
            return text
        raise ParamsValueError("params.child_age_band", value=quote(_shown(v)), bands=", ".join(bands))

    @model_validator(mode="after")
    def _check(self) -> MonthlyLevel:
        if self.method == "fixed" and (self.amount_sek is None or self.amount_sek == {} or self.amount_year is None):
            raise ParamsValueError("params.fixed_level")
        return self

    @property
    def one_amount(self) -> float | None:
        """The one amount for every leaver, where ``amount_sek`` gives one (not one per municipality); else None."""
        return None if isinstance(self.amount_sek, dict) else self.amount_sek

    @property
    def by_municipality(self) -> dict[str, float] | None:
        """The amount per municipality, where ``amount_sek`` gives one for each (names as written); else None."""
        return dict(self.amount_sek) if isinstance(self.amount_sek, dict) else None


MAX_HORIZON_YEARS = 50.0  # the longest horizon a cost-benefit analysis takes (its range's upper end too)


class ParticipantWages(_Strict):
    """A budget line of the participants' own wages: the project employs them as a step towards work
    (arbetsmarknadsanställning). Declared, the wages are followed from the line's cost to the actors they reach
    (docs/methods.md); the line's name is checked against the budget file when the data are loaded."""

    line: Annotated[str, Field(min_length=1, max_length=MAX_TITLE)] = Field(
        description="The budget line's name as the budget file writes it ('Lön deltagare').")
    wage_sek_month: float = Field(description="Gross monthly wage of one employed participant, price-year prices.")

    @field_validator("wage_sek_month")
    @classmethod
    def _wage(cls, v: float) -> float:
        # (a wage of 0 kr or less would give no employment month, or infinitely many, from the line's cost)
        if not 0 < v <= 10_000_000:
            raise ParamsValueError("params.participant_wage", value=f"{v:g}")
        return v


class CostBenefit(_Strict):
    """Cost-benefit assumptions. Every default is documented in docs/methods.md."""

    price_year: Year | None = None
    cost_basis: Literal["actual_else_budget", "budget"] = "actual_else_budget"
    # without a value of its own: riksnorm for the household plus housing (a general source; a fixed
    # amount only when the params give it with its source)
    monthly_level: MonthlyLevel = MonthlyLevel(method="riksnorm")
    horizon_years: float = Field(_A["horizon_years"].default, gt=0.0, le=MAX_HORIZON_YEARS)
    dropoff_per_year: float = _A["dropoff_per_year"].default
    deadweight: float | None = Field(None, description="Share that would have left anyway; None = from the comparison group, else 0.25.")
    deadweight_default: float = _A["deadweight"].default
    discount_rate: float = _A["discount_rate"].default
    success_outcomes: tuple[str, ...] = LEAVES_SOCIAL_ASSISTANCE
    cost_shares: dict[str, float] = Field(default_factory=lambda: {"stat": 0.5, "region": 0.25, "kommun": 0.25})
    work_earnings_sek_month: Amount = Field(0.0, description="Gross monthly earnings of a person leaving for work; 0 = not valued.")
    value_earnings: bool = Field(False, description="Value earnings from work at the sourced default wage (flagged) "
                                 "when work_earnings_sek_month is 0.")
    wage_subsidy_sek_month: float = Field(_A["wage_subsidy_sek_month"].default, ge=0.0, le=100_000.0, description=(
        "Wage subsidy (kr per month, price-year prices) the state pays an employer for each exit to subsidised "
        "work (arbete_med_stöd), for its first wage_subsidy_months after the exit; 0 = none."))
    wage_subsidy_months: int = Field(12, ge=0, le=120, description=(
        "For how many months after an exit to subsidised work the state pays the wage subsidy (nystartsjobb "
        "and introduktionsjobb usually up to 12 months; lönebidrag can last longer)."))
    tax_rate: float = Field(0.32, description="Income tax on earnings from work (municipal and regional tax together).")
    tax_share_region: float = Field(0.36, ge=0.0, le=1.0, description="The region's part of that tax; the rest is the "
                                    "municipality's (about 11.7 of 32.4 percentage points on average, SCB 2025; set "
                                    "the project's own municipality's and region's rates where they differ).")
    skattefaktor: float = Field(_A["skattefaktor"].default, ge=1.0, le=3.0, description="Marginal cost of public funds on the tax-financed "
                                "cost in the societal account (ASEK skattefaktor); 1 = none.")
    lead_perspective: Literal["kommun", "region", "stat", "individ", "offentliga", "samhälle"] = Field(
        "offentliga", description="The perspective whose result leads the report; default the förbund's members "
                                  "together (kommun, region, stat), who fund and decide (see docs/methods.md).")
    deadweight_range: tuple[float, float] = Field(_bounds("deadweight"), description="Range of deadweight drawn in the Monte "
                                                  "Carlo and used in the sensitivity analysis, without a comparison group.")
    horizon_range: tuple[float, float] = Field(_bounds("horizon_years"), description="Range of the horizon in years drawn in the Monte Carlo.")
    optimism_bias: float = Field(0.0, ge=0.0, le=2.0, description="Green Book optimism bias: cost overrun up to this "
                                 "share on lines not yet settled, drawn in the Monte Carlo (0 = off).")
    ex_ante_success_range: tuple[float, float] = Field(_bounds("successes"), description="Ex ante: successes drawn as this range "
                                                       "of multiples of the application's expectation.")
    dropoff_from_payments: bool = Field(True, description="Replace the assumed drop-off by the observed share still "
                                        "without försörjningsstöd 12 months after exit, where coverage allows.")
    first_year_from_payments: bool = Field(True, description="Follow the observed share of the saving kept month by "
                                           "month through the first 12 months after exit, where coverage allows; "
                                           "else the whole level is saved in the first year.")
    persistence_min_observed: int = Field(20, ge=1, description="Leavers observed 12 months after exit needed to use "
                                          "the observed persistence.")
    monte_carlo_draws: int = Field(5000, ge=100, le=100_000)
    seed: int = Field(20261123, ge=0, le=2**63 - 1)
    participant_wages: ParticipantWages | None = Field(None, description=(
        "A budget line of the participants' own wages ({line: 'Lön deltagare', wage_sek_month: 25000}): the months "
        "of employment it pays for save försörjningsstöd and pay tax and employer's fees (see docs/methods.md)."))

    # each field checked on its own, so that a params file with several mistakes hears of all of them at once
    @field_validator("dropoff_per_year", "discount_rate", "tax_rate", "deadweight_default", "deadweight")
    @classmethod
    def _proportion(cls, v: float | None, info: ValidationInfo) -> float | None:
        if v is not None and not 0 <= v < 1:
            raise ParamsValueError("params.proportion", name=str(info.field_name), value=f"{v:g}")
        return v

    @field_validator("deadweight_range", "horizon_range", "ex_ante_success_range")
    @classmethod
    def _range(cls, v: tuple[float, float], info: ValidationInfo) -> tuple[float, float]:
        lo, hi = v
        name = info.field_name
        if (lo > hi or lo < 0 or (name == "deadweight_range" and hi >= 1)
                or (name == "horizon_range" and (lo <= 0 or hi > MAX_HORIZON_YEARS))):
            key = {"deadweight_range": "params.range_deadweight", "horizon_range": "params.range_horizon"}.get(
                str(name), "params.range_successes")
            raise ParamsValueError(key, value=f"[{lo:g}, {hi:g}]", limit=f"{MAX_HORIZON_YEARS:g}")
        return v

    @field_validator("cost_shares")
    @classmethod
    def _shares(cls, v: dict[str, float]) -> dict[str, float]:
        if abs(sum(v.values()) - 1) > 1e-9:
            raise ParamsValueError("params.cost_shares", sum=f"{sum(v.values()):g}")
        return v

    @field_validator("success_outcomes")
    @classmethod
    def _outcomes(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        bad = [o for o in v if o not in OUTCOMES]
        if bad:
            raise ParamsValueError("params.unknown_outcomes", codes=", ".join(map(_short, bad)), expected=", ".join(OUTCOMES))
        return v


class Comparison(_Strict):
    """Settings for the comparison-group analysis."""

    months_before: int = Field(12, ge=1, le=120)
    months_after: int = Field(12, ge=1, le=120)
    anticipation_months: int = Field(3, ge=0, le=120, description="Months just before the start left out of 'before' in the DiD: "
                                                          "people enrol when their need peaks (see docs/methods.md).")
    small_cluster_threshold: int = Field(50, ge=0, le=1_000_000, description="Below this many participating households the DiD also gets "
                                                              "a wild cluster bootstrap p-value.")
    weighting: Literal["none", "ipw"] = Field("none", description=(
        "ipw: weight the comparison persons by inverse-probability weights (statsmodels Logit on payments "
        "before the start, age, sex and household type) and show the weighted estimate with a balance "
        "table (see docs/methods.md); none: as given."))

    @model_validator(mode="after")
    def _check(self) -> Comparison:
        if self.anticipation_months >= self.months_before - 1:
            raise ParamsValueError("params.anticipation", months=str(self.anticipation_months),
                                   before=str(self.months_before))
        return self


class Privacy(_Strict):
    min_count: int = Field(5, ge=2, le=1000, description="Counts of persons from 1 to min_count-1 are shown as '<min_count'.")
    dominance: float = Field(0.85, gt=0.5, le=1.0,
                             description="A mean amount is hidden when one person's payments are more than this share of "
                                         "its total (the (1, k) dominance rule); 1.0 switches the rule off.")


# the riksnorm's parts an override names, as the shipped table writes them ("YEAR:component:band")
RIKSNORM_COMPONENTS = ("adult_single", "adult_couple", "child", "shared")


class ReferenceOverride(_Strict):
    riksnorm: dict[str, float] = Field(default_factory=dict, description="'YEAR:component:band' -> kr/month")
    kpi: dict[int, float] = Field(default_factory=dict)

    @field_validator("riksnorm", mode="before")
    @classmethod
    def _riksnorm_keys(cls, v: object) -> object:
        """Each override's key as the calculation looks it up, ``YEAR:component:band`` ('2025:adult_single:',
        '2025:child:7-10', '2025:shared:3'): a key written without its last colon for an adult
        ('2025:adult_single'), or with spaces, is read so; any other key is refused with what to write, since a key the
        calculation never asks for would leave the value unused without a word."""
        if not isinstance(v, dict):
            return v
        t = riksnorm_table()
        bands = {c: [str(b) for b in dict.fromkeys(t.loc[t["component"] == c, "band"].dropna())] for c in RIKSNORM_COMPONENTS}
        out, wrong = {}, []
        for key, value in v.items():
            text = re.sub(r"\s+", "", str(key)).lower()
            m = re.fullmatch(r"(\d{4}):([a-z_]+)(?::(.*))?", text)
            year, component, band = (m.group(1), m.group(2), m.group(3) or "") if m else ("", "", "")
            # (a child's band as a person types it, '7–10 år', read as child_age_band reads it)
            band = re.sub(r"[\u2010-\u2015\u2212]", "-", re.sub(r"(?:år|years?)$", "", band))
            if m and component in ("adult_single", "adult_couple") and band == "":
                out[f"{year}:{component}:"] = value
            elif m and component in ("child", "shared") and band in bands[component]:
                out[f"{year}:{component}:{band}"] = value
            else:
                wrong.append(quote(_shown(key)))
        if wrong:  # (every key at once)
            raise ParamsValueError("params.riksnorm_key", value=", ".join(wrong),
                                   children=", ".join(bands["child"]), sizes=", ".join(bands["shared"]))
        return out


# The smallest grant a förbund makes; less is a number whose thousands point was read as a decimal point.
MIN_GRANT_SEK = 1000


class ProjectParams(_Strict):
    """Everything the toolkit knows about one project, from its params file."""

    id: str = Field(description="The project's id: letters, digits, '-' and '_'; names its report folder.")
    kind: ProjectKind | None = Field(None, description="individ | struktur | ansökan; inferred from the data when absent "
                                                       "(see project_kind).")
    title: Annotated[str, Field(max_length=MAX_TITLE)]
    title_en: Annotated[str, Field(max_length=MAX_TITLE)] | None = None
    forbund: Annotated[str, Field(max_length=MAX_TITLE)]
    owner: Annotated[str, Field(max_length=MAX_TITLE)]
    partners: tuple[Annotated[str, Field(max_length=MAX_TITLE)], ...] = ()
    period: Period
    granted_sek: float | None = Field(None, ge=0.0, le=10_000_000_000.0)

    @field_validator("title", "title_en", "forbund", "owner")
    @classmethod
    def _text_shows(cls, v: object, info: ValidationInfo) -> object:
        return visible_text(v, str(info.field_name))

    @field_validator("granted_sek", mode="before")
    @classmethod
    def _granted_in_full(cls, v: object) -> object:
        """An amount in exponent form ("1E+06", as Excel shows a number too wide for its column) may have lost
        digits: it is never read."""
        if isinstance(v, str) and re.fullmatch(r"\s*-?\d+(?:[.,]\d+)?[eE][+-]?\d+\s*", v):
            raise ParamsValueError("params.exponent_form", value=_short(v))
        # a grant in two decisions (the original grant and a supplementary one) written as a sum or a list: the key
        # holds the whole grant, their sum, never one of them guessed
        parts = [str(x) for x in v] if isinstance(v, list) and len(v) > 1 else \
            v.split("+") if isinstance(v, str) and v.count("+") >= 1 else []
        amounts = [re.sub(r"[\s\u00a0\u202f]|kr$", "", x.strip()) for x in parts]
        if amounts and all(re.fullmatch(r"\d+", a) for a in amounts):
            raise ParamsValueError("params.granted_parts", value=_short(str(v)), total=str(sum(int(a) for a in amounts)))
        return v

    @field_validator("granted_sek")
    @classmethod
    def _granted_kronor(cls, v: float | None) -> float | None:
        """A grant of a few kronor is a thousands point read as a decimal point (YAML reads ``12.000`` as 12)."""
        if v is not None and 0 < v < MIN_GRANT_SEK:
            if v * 1000 < MIN_GRANT_SEK:  # (no reading of it as thousands is a grant either: no example)
                raise ParamsValueError("params.granted_too_small_any", value=f"{v:g}", least=f"{MIN_GRANT_SEK:g}")
            raise ParamsValueError("params.granted_too_small", value=f"{v:g}", least=f"{MIN_GRANT_SEK:g}",
                                   thousands=f"{v * 1000:.0f}")
        return v

    @field_validator("data_as_of", "last_intake", mode="after")
    @classmethod
    def _within_years(cls, day: dt.date | None) -> dt.date | None:
        return _project_day(day)
    data_as_of: dt.date | None = Field(None, description="Date the data were extracted; later periods are incomplete.")
    last_intake: dt.date | None = Field(None, description="Last day the project takes in participants; later "
                                                          "enrolments are flagged.")
    target_population: TargetPopulation | None = None
    language: Literal["sv", "en"] = "sv"
    description: Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    description_en: Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    data: DataPaths = DataPaths()
    goals: tuple[Goal, ...] = Field((), max_length=MAX_GOALS)
    expected: Expected | None = None
    cost_benefit: CostBenefit = CostBenefit()
    comparison: Comparison = Comparison()
    privacy: Privacy = Privacy()
    survey: Survey = Survey()
    partial_band: float = Field(0.8, gt=0, le=1, description="A goal is 'delvis uppnått' from this share of its target.")
    reference: ReferenceOverride = ReferenceOverride()
    word_template: Path | None = Field(None, description="A reference .docx (the förbund's Word template) whose styles, "
                                                         "page size, margins, headers and footers the Word report uses; "
                                                         "relative to the params file, inside the project folder.")
    source_path: Path | None = Field(None, exclude=True)

    @field_validator("word_template", mode="before")
    @classmethod
    def _template_on_the_web(cls, v: object) -> object:
        # (a template's web address, 'https://intranat.example/mallar/fou.dotx', read as a path would be looked
        # for as 'https:/intranat.example/...' under params/, and said missing with its address cut)
        if isinstance(v, str) and _WEB_ADDRESS.match(v.strip()):
            name = v.strip().rstrip("/").rsplit("/", 1)[-1].split("?")[0] or "mall.dotx"
            raise ParamsValueError("params.word_url", value=_short(v), name=name)
        return v

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, v: object) -> object:
        if v is None:
            return v
        found = KIND_SPELLINGS.get(str(v).strip().lower().replace("-", "_").replace(" ", "_"))
        if found is None:
            raise ParamsValueError("params.kind", value=_short(v))
        return found

    @field_validator("id")
    @classmethod
    def _safe_id(cls, v: object) -> object:
        # (an id written with a letter and its accent as two characters, as macOS writes file names and a
        # name copied from one, is the same id as the one letter: read in its composed form, NFC)
        v = unicodedata.normalize("NFC", v) if isinstance(v, str) else v
        issue = _project_id_issue(v)
        if issue is not None:
            raise issue
        return v

    @model_validator(mode="after")
    def _unique_goals(self) -> ProjectParams:
        ids = [g.id for g in self.goals]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ParamsValueError("params.goal_ids_unique", ids=", ".join(map(_short, dup)))
        main = [g.id for g in self.goals if g.main]
        if len(main) > 1:
            raise ParamsValueError("params.one_main", ids=", ".join(map(_short, main)))
        if self.kind in ("struktur", "ansökan") and self.data.participants is not None:
            raise ParamsValueError("params.kind_participants", kind=self.kind)
        # a structural project has no participants: a goal that counts participants or their outcomes
        # would be reported as 0 (or as running) instead of as what the evaluator knows
        counted = [(i, g) for i, g in enumerate(self.goals, 1) if g.kind in PERSON_GOAL_KINDS]
        if self.kind == "struktur" and counted:
            raise ParamsValueError("params.kind_person_goals",
                                   **{f"goals_{lang}": "; ".join(f"{word} {i} (id: {g.id}, kind: {g.kind})" for i, g in counted)
                                      for lang, word in (("sv", "mål"), ("en", "goal"))})
        # a goal counting persons who are not the participants (staff trained, employers): in a structural project
        # refused above as any counted goal; in a participant project it would count the participants
        staff = [(i, g, m) for i, g in counted for m in [_NOT_PARTICIPANTS.search(" ".join(
            read_label(x) for x in (g.label, g.label_en) if x))] if m]
        if len(staff) == 1:
            i, g, m = staff[0]
            raise ParamsValueError("params.goal_label_not_participants", n=i, goal=g.id, words=m.group(0).strip(),
                                   kind=g.kind)
        if staff:  # (every such goal at once: the evaluator rewrites them all before the file loads)
            raise ParamsValueError("params.goal_labels_not_participants", **{
                f"goals_{lang}": _and([f"{word} {i} (id: {g.id}, kind: {g.kind}) {counts} '{m.group(0).strip()}'"
                                       for i, g, m in staff], last)
                for lang, word, counts, last in (("sv", "mål", "räknar", "och"), ("en", "goal", "counts", "and"))})
        # a goal per school year is counted per project year, which is the school year only when the project
        # years begin in the autumn
        school = [(i, g, m) for i, g in enumerate(self.goals, 1) if g.kind != "context"
                  for m in [SCHOOL_YEAR_WORDS.search(" ".join(read_label(x) for x in (g.label, g.label_en) if x))] if m]
        if school and self.period.years_start.month not in AUTUMN_MONTHS:
            i, g, m = school[0]
            raise ParamsValueError("params.goal_label_school_year", n=i, goal=g.id, words=m.group(0).strip(),
                                   start=self.period.years_start.isoformat())
        # a goal per project year of the implementation after a pre-study: read as written where the params say when
        # the implementation began, else refused with the key to write
        phase = [(i, g, w) for i, g in enumerate(self.goals, 1) if (w := g.implementation_words)]
        if phase and self.period.implementation_start is None:
            i, g, w = phase[0]
            raise ParamsValueError("params.goal_label_implementation_years", n=i, goal=g.id, words=w,
                                   start=self.period.start.isoformat())
        self._check_even_sexes()
        self._check_sex_counts()
        self._check_year_targets()
        by_year = self.expected.participants_by_year if self.expected is not None else None
        if by_year is not None and sorted(by_year) != goal_years(self.period, "project_year"):
            # (a volume for a year the project does not run, or a year left without one, would be judged as none)
            years = goal_years(self.period, "project_year")
            raise ParamsValueError("params.expected_project_years_period", given=_listed(sorted(by_year)),
                                   years=_listed(years), start=self.period.years_start.isoformat(),
                                   end=self.period.end.isoformat())
        survey_goals = [g.id for g in self.goals if g.kind == "survey"]
        if survey_goals and self.data.questions is None:
            raise ParamsValueError("survey.goals_need_files", goals=", ".join(survey_goals))
        if self.data_as_of is not None and self.data_as_of < self.period.start:
            # (every participant's start after it would be refused row by row, the cause unnamed)
            raise ParamsValueError("params.data_as_of_before_start", value=self.data_as_of.isoformat(),
                                   start=self.period.start.isoformat())
        if self.last_intake is not None and not self.period.start <= self.last_intake <= self.period.end:
            raise ParamsValueError("params.last_intake", value=self.last_intake.isoformat(),
                                   start=self.period.start.isoformat(), end=self.period.end.isoformat())
        return self

    def _check_sex_counts(self) -> None:
        """A participant goal counting one sex ("Minst 15 kvinnor per år ska påbörja insatsen") is read as written
        where its ``among:`` or the project's ``target_population.sex`` is that sex (``validate`` then checks that
        everyone it counts is of it); otherwise it would count every participant, and is refused naming both."""
        for i, g in enumerate(self.goals, 1):
            named = g.counted_sex
            if named is None or (g.among is not None and g.among.sex == named[1]):
                continue
            if self.target_population is not None and self.target_population.sex == named[1] \
                    and (g.among is None or g.among.sex is None):
                continue
            raise ParamsValueError("params.goal_label_sex_count" if g.kind == "participant_count" else
                                   "params.goal_label_sex_count_outcome", n=i, goal=g.id, words=named[0], code=named[1])

    def _check_year_targets(self) -> None:
        """A target per period (``targets``) names every year the goal is counted in, and no other; a goal whose words
        set different targets for different years ("år 1: 20 deltagare, år 2: 30") with one ``target`` (each year
        judged against it) is refused with the ``targets`` to write."""
        for i, g in enumerate(self.goals, 1):
            if g.kind not in PERSON_GOAL_KINDS:
                continue
            if g.targets is not None:
                years = goal_years(self.period, g.period)
                if sorted(g.targets) != years:
                    raise ParamsValueError("params.targets_years", n=i, goal=g.id, period=g.period,
                                           given=_listed(sorted(g.targets)), years=_listed(years),
                                           fix=_targets_line({y: g.targets.get(y) for y in years}))
                try:
                    _check_targets_against_words(i, g, g.targets)
                except ParamsValueError as e:
                    raise _as_written(e, [g.label, g.label_en]) from None
                continue
            if g.target is None:
                continue
            try:
                self._check_year_targets_of(i, g)
            except ParamsValueError as e:
                raise _as_written(e, [g.label, g.label_en]) from None

    def _check_year_targets_of(self, i: int, g: Goal) -> None:
        """:meth:`_check_year_targets` for goal ``i``, ``g``, which has one ``target``."""
        if g.target is None:
            return
        for label in (read_label(x) for x in (g.label, g.label_en) if x):
            stated, calendar, words = label_year_targets(label, g.kind == "share")
            unsure = label_year_unsure(label, g.kind == "share")
            if unsure:  # (digits after "och" that are a year or a target: each of its years is written)
                clause, named = unsure[0]
                unit = "calendar_year" if calendar or named[0] > 1900 else "project_year"
                later = stated.pop(LATER_YEARS, None)
                last = max([*stated, *named])
                fix = {y: None if y in named else stated.get(y, later if later is not None and y > last else None)
                       for y in goal_years(self.period, unit)}
                raise ParamsValueError("params.goal_label_year_or_target", n=i, goal=g.id, words=clause,
                                       years=", ".join(map(str, named)), target=f"{g.target:g}",
                                       fix=_targets_line(fix) + ("" if g.period == unit else f", period: {unit}"))
            values, other = set(stated.values()), None
            if len(values) == 1 and LATER_YEARS not in stated and g.period != "whole_period" \
                    and not _PART_OF.search(" ".join(words)) and not math.isclose(min(values), g.target) \
                    and _says(label, g.target, g.kind == "share"):
                # the words set some years a target of their own beside the goal's, which is the other years'
                # ("Minst 30 deltagare per år (20 det första året)")
                other = g.target
            elif len(values) < 2:
                self._check_one_year_of(i, g, stated, calendar, words)
                continue
            unit = "calendar_year" if calendar else "project_year"
            later = stated.pop(LATER_YEARS, None)
            years = goal_years(self.period, unit)
            named = max(stated, default=0)
            fix = {y: stated.get(y, later if later is not None and y > named else other) for y in years}
            line = _targets_line(fix) + ("" if g.period == unit else f", period: {unit}")
            if "?" in line:  # (a year the words give no number for: the evaluator writes it)
                raise ParamsValueError("params.goal_label_year_targets", n=i, goal=g.id, words="', '".join(words),
                                       target=f"{g.target:g}", fix=line)
            raise ParamsValueError("params.goal_label_year_targets_all", n=i, goal=g.id, words="', '".join(words),
                                   target=f"{g.target:g}", fix=line)

    def _check_one_year_of(self, i: int, g: Goal, stated: dict[int, float], calendar: bool, words: list[str]) -> None:
        """A goal whose words set its one target for some of its years alone ("Minst 50 % ... under projektår 1",
        "12 deltagare 2025") while its ``period`` counts every year: the other years would be judged against a target
        the application set for none of them, so it is refused with the ``targets:`` line to write (a ``?`` for each
        other year). A year's number that is part of a whole ("varav 10 år 1"), a target for the later years too
        ("därefter") or a target said for every year besides is no such goal."""
        if (LATER_YEARS in stated or g.period == "whole_period" or g.target is None or not stated
                or not all(math.isclose(v, g.target) for v in stated.values()) or _PART_OF.search(" ".join(words))
                or not _DURING_YEAR.search(" ".join(words))):
            return
        unit = "calendar_year" if calendar else "project_year"
        years = goal_years(self.period, unit)
        others = [y for y in years if y not in stated]
        if not others or not set(stated) <= set(years):
            return
        line = _targets_line({y: stated.get(y) for y in years}) + ("" if g.period == unit else f", period: {unit}")
        raise ParamsValueError("params.goal_label_one_year", n=i, goal=g.id, years=_listed(sorted(stated)),
                               words="', '".join(words), period=g.period, others=_listed(others),
                               target=f"{g.target:g}", fix=line)

    def _check_even_sexes(self) -> None:
        """A share of one sex whose words promise an even sex balance ("Jämn könsfördelning: minst 40 % kvinnor")
        judges its lower bound only: without a goal on the other sexes it is refused, with that goal to write."""
        shares = [g for g in self.goals if g.kind == "share" and g.numerator == "sex"]
        for i, g in enumerate(self.goals, 1):
            even = next((m for x in (g.label, g.label_en) if x for m in [_EVEN_SEXES.search(read_label(x))] if m), None)
            if g not in shares or even is None:
                continue
            if any(not set(o.sex) & set(g.sex) for o in shares if o is not g):
                continue
            others = [c for c in SEXES if c not in g.sex and c != UNKNOWN]
            raise ParamsValueError("params.goal_even_sexes_one_side", n=i, goal=g.id, words=even.group(0).strip(),
                                   codes=", ".join(g.sex), others=", ".join(others), target=f"{g.target:g}")

    def display_title(self, lang: str = "sv") -> str:
        """The project's title in ``lang``: ``title_en`` in an English report where there is one."""
        return self.title_en if lang == "en" and self.title_en else self.title

    @property
    def as_of(self) -> dt.date:
        """Last day the analysis may see: the earlier of project end and data extraction date."""
        end = self.period.end
        return min(end, self.data_as_of) if self.data_as_of else end

    @property
    def data_until(self) -> dt.date:
        """The day the data were taken (``data_as_of``), else the project's end: what a report's facts give as
        its data's last day. A follow-up after the end (payments a year after it) is data to that later day,
        though the enrolments are counted to the end (:attr:`as_of`)."""
        return self.data_as_of or self.period.end

    @property
    def runs_on(self) -> bool:
        """Whether the project period runs on past the last day the analysis sees (:attr:`as_of`): the
        project was still running when the data were taken."""
        return self.as_of < self.period.end

    @property
    def price_year(self) -> int:
        """The year whose prices the cost-benefit amounts are in: ``cost_benefit.price_year``, else the project's
        last year, but never after the last year SCB's KPI is known for (shipped or in ``reference.kpi``): a project
        ending in 2029 is counted in the latest known year's prices and says so, not in "2029 års priser" that would
        be another year's index under that year's name."""
        if self.cost_benefit.price_year:
            return self.cost_benefit.price_year
        known = max([last_kpi_year(), *(int(y) for y in self.reference.kpi)])
        return min(self.period.end.year, known)


def _model_of(annotation: object) -> type[BaseModel] | None:
    """The params model inside a field's annotation (``X | None``, ``tuple[X, ...]``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


# The keys an evaluator writes in Swedish, as the application and the report word them, and the key meant: the
# keys are English, and "bedömning:" under a qualitative goal is no near spelling of "assessment"
_SWEDISH_KEYS = {
    "bedömning": "assessment", "underlag": "evidence", "belägg": "evidence", "målvärde": "target",
    "målvärden": "targets", "etikett": "label", "rubrik": "label", "beskrivning": "label", "slag": "kind",
    "typ": "kind", "källa": "source", "fråga": "question", "grupp": "group", "nivå": "level", "mått": "measure",
    "täljare": "numerator", "nämnare": "denominator", "lyckade_utfall": "success_outcomes",
    "utfall": "success_outcomes", "kön": "sex", "titel": "title", "namn": "title", "förbund": "forbund",
    "samordningsförbund": "forbund", "ägare": "owner", "projektägare": "owner", "beviljat": "granted_sek",
    "beviljat_belopp": "granted_sek", "startdatum": "start", "slutdatum": "planned_end", "slut": "planned_end",
    "planerat_slut": "planned_end", "faktiskt_slut": "actual_end", "språk": "language", "kommun": "municipality",
    "serie": "series", "enhet": "unit", "huvudmål": "main", "deltagare": "participants",
    "utbetalningar": "payments", "enkät": "survey", "svar": "responses", "frågor": "questions",
    "uttagsdatum": "data_as_of", "mål": "goals", "perioden": "period", "projekttid": "period",
}


def _swedish_key(key: str, allowed: list[str]) -> str | None:
    """The key meant by ``key`` written in Swedish (:data:`_SWEDISH_KEYS`), where that key is allowed here."""
    meant = _SWEDISH_KEYS.get(re.sub(r"[\s-]+", "_", key.strip().casefold()))
    return meant if meant in allowed else None


def _keys_at(loc: tuple) -> list[str]:
    """The keys the params model allows where ``loc`` (a key's place) points, or [] when unknown."""
    model: type[BaseModel] | None = ProjectParams
    for part in loc[:-1]:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(str(part))
        model = _model_of(field.annotation) if field is not None else None
    return [k for k in model.model_fields if k != "source_path"] if model is not None else []


# the names pydantic gives the members of a union it tried (``excel_sheet: str | int``), beside 'literal[...]' and a
# model's name ('AmountUnits')
_UNION_TYPES = frozenset({"str", "int", "float", "bool", "date", "datetime", "none"})


def _union_member(part: object) -> bool:
    """Whether ``part`` of an error's place may be the union member pydantic tried rather than a key."""
    return isinstance(part, str) and (part[:1].isupper() or "[" in part or part in _UNION_TYPES)


def _place(loc: tuple, raw: dict, lang: str) -> str:
    """Where a problem is, as the evaluator counts: ``mål 1 (id: deltagare), target`` rather than ``goals.0.target``."""
    parts, i = [], 0
    node: object = raw
    while i < len(loc):
        part = loc[i]
        if _union_member(part) and not (isinstance(node, dict) and part in node):
            i += 1  # (pydantic adds the union member it tried: 'literal[...]', 'AmountUnits', 'str'; no place in the file)
            continue
        j = next((k for k in range(i + 1, len(loc)) if not _union_member(loc[k])), len(loc))
        nxt = loc[j] if j < len(loc) else None
        child = node.get(part) if isinstance(node, dict) else None
        if isinstance(nxt, int) and not isinstance(child, dict):  # (a mapping's number is its key: targets, 2)
            item = child[nxt] if isinstance(child, (list, tuple)) and nxt < len(child) else None
            if part == "goals":
                text = message("params.goal", lang, n=nxt + 1)
                if isinstance(item, dict) and item.get("id"):
                    text += f" (id: {_short(item['id'], 40, lang).strip(chr(39))})"
            elif part == "partners":
                text = message("params.partner", lang, n=nxt + 1)
            else:
                text = message("params.item", lang, key=part, n=nxt + 1)
            parts.append(text)
            node, i = item, j + 1
        else:
            parts.append(_key_as_written(part))
            node, i = child, i + 1
    return ", ".join(parts)


_DATE_REPR = re.compile(r"datetime\.date\((\d+), (\d+), (\d+)\)")


def _key_as_written(part: object) -> str:
    """A place's part as the file writes it: pydantic gives a mapping's key that YAML read as a date in Python's
    form ('datetime.date(2024, 1, 1)'), which the file writes 2024-01-01."""
    m = _DATE_REPR.fullmatch(str(part))
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else str(part)


def _is_percent_text(value: object) -> float | None:
    """``'80 %'``, ``'80%'`` or ``'80 procent'`` as the proportion it means (0.8), else None."""
    m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(?:%|procent|percent|per\s*cent)\s*", str(value).replace("\u00a0", " "),
                     re.I) if isinstance(value, str) else None
    return float(m.group(1).replace(",", ".")) / 100 if m else None


_ABOUT = r"(?:ca\.?|c:a|cirka|circa|omkring|ungefär|runt|drygt|knappt|minst|upp\s+till|about|approx\.?|approximately|around|at\s+least|~)"
_PER_YEAR = r"(?:per\s+år|/\s*år|om\s+året|i\s+året|varje\s+år|per\s+year|a\s+year|/\s*year|each\s+year)"
_COUNTED = r"(?:st\.?|stycken|personer|deltagare|persons|people|participants)"


def _is_number_in_words(value: object, per_year: bool) -> tuple[str, float] | None:
    """A number written as an application words it, as ``('about', 40)`` for ``'ca 40'``, ``'cirka 40 personer'``
    or ``'ca 40 per år'`` (the last only where the key is itself per year, ``per_year``), or ``('range', 10)`` for
    ``'10-15'`` or ``'10–15 per år'`` (the lower end); else None."""
    if not isinstance(value, str):
        return None
    text = read_label(value).strip().lower()
    tail = rf"(?:\s*{_COUNTED})?" + (rf"(?:\s*{_PER_YEAR})?" if per_year else "")
    num = r"(\d{1,3}(?:\s\d{3})+|\d+)(?:[.,](\d+))?"
    m = re.fullmatch(rf"(?:{_ABOUT}\s*)?{num}\s*(?:-|–|—|till|to)\s*{num}{tail}", text)
    if m:
        return "range", float(m.group(1).replace(" ", "") + (f".{m.group(2)}" if m.group(2) else ""))
    m = re.fullmatch(rf"{_ABOUT}\s*{num}{tail}|{num}{tail}", text)
    if m and re.search(r"[^\d\s.,]", text):  # (a bare '1 200' is an amount written as a person writes it)
        whole, dec = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return "about", float(whole.replace(" ", "") + (f".{dec}" if dec else ""))
    return None


def _is_written_amount(value: object) -> float | None:
    """An amount written as a person writes it (``'1 200 000 kr'``, ``'12,5'``, ``'4 300:-'``, and with points
    between the thousands where no decimal point can be meant: ``'1.000.000'``, ``'1.200,50'``) as the number it
    means, else None (a params file takes plain numbers: the message shows the one to write)."""
    if not isinstance(value, str):
        return None
    text = re.sub(r"(?i)\s*(kr|kronor|sek|:-)\.?\s*$", "", value.strip())
    text = re.sub(r"\s", "", read_label(text))
    if re.fullmatch(r"-?\d{1,3}(\.\d{3}){2,}(,\d+)?|-?\d{1,3}(\.\d{3})+,\d+", text):  # (two points, or a comma after)
        text = text.replace(".", "")
    if not re.fullmatch(r"-?\d+(,\d+)?", text) or (text == value.strip() and "," not in text) \
            or _written_comma_thousands(value) is not None:
        return None
    return float(text.replace(",", "."))


# an amount's unit in millions or thousands of kronor, as an application or a decision writes it, and its factor
_AMOUNT_UNIT = re.compile(r"(?i)\s*(?:(?P<m>mkr|msek|mnkr|mn\s*kr|milj(?:oner|\.)?(?:\s*(?:kr|kronor|sek))?)"
                          r"|(?P<k>tkr|ksek|tsek|tusen(?:\s*(?:kr|kronor|sek))?))\.?\s*$")


def _written_amount_in_unit(value: object) -> str | None:
    """An amount in millions or thousands of kronor (``'1,2 mkr'``, ``'1.2 MSEK'``, ``'1 200 tkr'``, ``'1,25 miljoner
    kronor'``) as the whole kronor to write (``'1200000'``), computed exactly; None for anything else, and for a number
    whose separator may be a thousands one (``'1.200 tkr'``: 1 200 tkr or 1,2 tkr is not guessed)."""
    if not isinstance(value, str):
        return None
    m = _AMOUNT_UNIT.search(value)
    if m is None or m.start() == 0:
        return None
    number = re.sub(r"\s", "", read_label(value[:m.start()]))
    if not re.fullmatch(r"\d+(?:[.,]\d+)?", number) or re.search(r"[.,]\d{3}$", number):
        return None
    kronor = decimal.Decimal(number.replace(",", ".")) * (1_000_000 if m["m"] else 1_000)
    return f"{kronor:f}" if kronor != kronor.to_integral_value() else str(int(kronor))


def _written_comma_thousands(value: object) -> tuple[str, str] | None:
    """The two readings of an amount written with one comma before three digits and nothing else (``'12,000'``:
    twelve thousand as an English Excel writes it, or 12), as the numbers to write ``('12000', '12')``; None for
    anything else. Never guessed, as in a data file."""
    if not isinstance(value, str):
        return None
    text = re.sub(r"(?i)\s*(kr|kronor|sek|:-)\.?\s*$", "", value.strip())
    if not re.fullmatch(r"-?[1-9]\d{0,2},\d{3}", text):
        return None
    whole, _, decimals = text.partition(",")
    return whole + decimals, f"{float(whole + '.' + decimals):g}"


def _line(e: Mapping[str, Any], lang: str, raw: object = None) -> str:
    """The problem ``e`` (one pydantic error) worded in ``lang`` (``raw``: the file as read, for what a goal's
    problem depends on its kind)."""
    kind, value = e["type"], e.get("input")
    loc = tuple(e["loc"])
    error = (e.get("ctx") or {}).get("error")
    if isinstance(error, ParamsValueError):
        return error.worded(lang)
    if kind == "extra_forbidden" and len(loc) == 1 and str(loc[0]) in DataPaths.model_fields:
        # a setting of the data files written at the top (amount_unit: tkr beside granted_sek)
        return message("params.under_data", lang, key=str(loc[0]))
    if "amount_unit" in loc:
        return message("params.amount_unit", lang, value=_short(value))
    if "targets" in loc and kind in ("int_parsing", "int_type") and loc[-1] == value:
        # a year's key that is no year ('år tre', 'första året'): the keys to write, not a value's example
        return message("params.targets_key", lang, value=_short(value))
    if kind == "extra_forbidden":
        if value is None and any(c.isspace() for c in str(loc[-1]).strip()):
            # words, not a key: the rest of a text cut at a comma inside { } ({label: a, b c})
            return message("params.unknown_comma", lang, words=_short_text(str(loc[-1]).strip(), 60))
        allowed = _keys_at(loc)
        swedish = _swedish_key(str(loc[-1]), allowed)
        if swedish is not None:
            return message("params.unknown_swedish", lang, near=swedish)
        near = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.75)
        if near:
            return message("params.unknown_near", lang, near=near[0])
        return message("params.unknown", lang, keys=", ".join(allowed) or "–")
    if kind == "missing":
        return message("params.missing", lang)
    pct = _is_percent_text(value)
    if pct is not None and kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        goal_kind = _goal_kind(loc, raw)
        if goal_kind in COUNT_GOAL_KINDS:  # (a count goal's target is a number of persons: "skriv 0.4" misled)
            return message("params.percent_count", lang, value=_short(value), kind=goal_kind)
        return message("params.percent", lang, value=_short(value), fixed=f"{pct:g}")
    bound, key = {"greater_than": ("gt", "params.bound_gt"), "greater_than_equal": ("ge", "params.bound_ge"),
                  "less_than": ("lt", "params.bound_lt"), "less_than_equal": ("le", "params.bound_le")}.get(kind, ("", ""))
    if bound:
        limit = (e.get("ctx") or {}).get(bound)
        whole = isinstance(limit, (int, float)) and not isinstance(limit, bool) and float(limit).is_integer()
        said = (grouped(limit, lang) if whole and abs(limit) >= 10_000  # (not a year)
                else f"{limit:g}" if isinstance(limit, float) else str(limit))
        return message(key, lang, value=_short(value), limit=said)
    if kind == "finite_number":
        return message("params.finite", lang, value=_short(value))
    worded = _is_number_in_words(value, str(loc[-1] if loc else "").endswith("per_year"))
    if worded is not None and kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return message("params.number_about" if worded[0] == "about" else "params.number_range", lang,
                       value=_short(value), fixed=f"{worded[1]:g}")
    both = _written_comma_thousands(value)
    if both is not None and kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return message("params.written_amount_comma", lang, value=_short(value), thousands=both[0], decimal=both[1])
    scaled = _written_amount_in_unit(value) if "sek" in str(loc[-1] if loc else "") else None
    if scaled is not None and kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        # (an amount in millions or thousands of kronor, as an application writes it: the kronor to write)
        return message("params.written_amount_unit", lang, value=_short(value), fixed=scaled)
    amount = _is_written_amount(value)
    if amount is not None and kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return message("params.written_amount", lang, value=_short(value), fixed=f"{amount:.15g}")
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return _not_a_number(value, loc, lang)
    if kind.startswith("date"):
        hint = _date_written(value)
        if hint is not None:  # (a date as people write it: the date to write, as a data cell gets it)
            return message("params.date_written", lang, value=_short(value), hint=message(hint[0], lang, **hint[1]))
        return message("params.date", lang, value=_short(value))
    if kind in ("bool_parsing", "bool_type"):
        return message("params.boolean", lang, value=_short(value))
    if kind == "literal_error" and loc[:1] == ("goals",) and loc[-1] == "period" and _SUB_YEAR.search(str(value)):
        return message("params.goal_sub_year", lang, value=_short(value))
    if kind == "literal_error" and loc[:1] == ("goals",) and loc[-1] == "source" and _BOARD_DECISION.search(str(value)):
        return message("params.goal_source_board", lang, value=_short(value))
    if kind == "literal_error" and "'personal'" in str((e.get("ctx") or {}).get("expected", "")) \
            and (m := GROUP_ROUND.fullmatch(" ".join(str(value).split()).casefold())) is not None:
        # (one group asked in two rounds, 'personal_före' and 'personal_efter': the answers' dates tell them apart)
        return message("params.group_round", lang, value=_short(value), code=m.group(1))
    if kind == "literal_error":
        expected = str((e.get("ctx") or {}).get("expected", ""))
        choices = expected.replace(" or ", ", ")
        near = code_meant(loc[-1] if loc else "", value, re.findall(r"'([^']*)'", expected))
        if near is not None:
            return message("params.choice_near", lang, value=_short(value), near=near, choices=choices)
        return message("params.choice", lang, value=_short(value), choices=choices)
    shape = _wrong_shape(kind, value, loc, lang)
    if shape is not None:
        return shape
    if kind == "too_long" and tuple(loc) == ("goals",):
        return message("params.too_many_goals", lang, n=grouped(len(value) if isinstance(value, (list, tuple)) else
                                                                  (e.get("ctx") or {}).get("actual_length", 0), lang),
                       limit=MAX_GOALS)
    if kind == "string_too_long":
        text = str(value)
        return message("params.text_long", lang, start=quote(_short_text(text, 40)), n=grouped(len(text), lang),
                       limit=grouped((e.get("ctx") or {}).get("max_length", MAX_TITLE), lang))
    msg = e["msg"].removeprefix("Value error, ")
    if "input" in e and "project id" not in msg and "got " not in msg:
        msg = f"{msg[:300]}, got {_short(value, lang=lang)}"
    return message("params.other", lang, text=msg)


# a respondent group asked in rounds written with its round ('personal_före', 'personal efter', 'Chefer T1',
# 'styrelse_2025', 'personal uppföljning'): the group is one, and the answers' dates tell the rounds apart
GROUP_ROUND = re.compile(
    r"(personal|styrelse|chefer|remittenter)[\s_\-]*(?:före|efter|start|slut|avslut|baslinje|uppföljning|mätning\s*\d|"
    r"omgång\s*\d|t\s*\d|\d|(?:19|20)\d\d|vt\s*\d*|ht\s*\d*|before|after|baseline|follow[\s_\-]*up|pre|post|"
    r"round\s*\d)")


def _goal_kind(loc: tuple, raw: object) -> str | None:
    """The kind the file writes for the goal whose problem is at ``loc`` (``goals, 0, target``), else None."""
    if len(loc) < 2 or loc[0] != "goals" or not isinstance(loc[1], int) or not isinstance(raw, Mapping):
        return None
    goals = raw.get("goals")
    goal = goals[loc[1]] if isinstance(goals, list) and 0 <= loc[1] < len(goals) else None
    kind = goal.get("kind") if isinstance(goal, Mapping) else None
    return kind if isinstance(kind, str) else None


def _date_written(value: object) -> tuple[str, dict] | None:
    """A date written as people write it (``1 mars 2022``, ``2022-3-1``, ``20220301``, ``2022.03.01``, ``1/3/2022``)
    as the hint a data cell gets: the date to write, both readings where the day and the month could be either, or
    the month where only a month is written (the day is never guessed); None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    key, values = written_date_hint(str(value).strip())
    return (key, values) if key in ("hint.write_as", "hint.day_or_month", "hint.month_for_date",
                                    "hint.no_such_date_swapped") else None


# A target a year written as the application words it, in one text under target ("år 1: 20 deltagare, år 2: 35, år 3:
# 35", "år 1 20, år 2 35", "year 1: 20, year 2: 35"): each project year with its number, two or more of them
_YEAR_TARGET = re.compile(r"(?<![\wåäö])(?:år|projektår|year|project\s+year)\s*(\d{1,2})\s*[:=]?\s*(\d+)(?!\d|[.,]\d)",
                          re.I)


def _targets_written(value: object) -> dict[int, int] | None:
    """The targets a year that a text under ``target`` writes as the application does (``'år 1: 20 deltagare, år 2:
    35, år 3: 35'``), each project year once and in order from 1, else None.

    >>> _targets_written("år 1: 20 deltagare, år 2: 35, år 3: 35"), _targets_written("Year 1: 20, year 2: 30")
    ({1: 20, 2: 35, 3: 35}, {1: 20, 2: 30})
    >>> _targets_written("20 deltagare per år"), _targets_written("år 1: 20"), _targets_written("år 2: 20, år 1: 10")
    (None, None, None)
    """
    if not isinstance(value, str):
        return None
    pairs = [(int(y), int(n)) for y, n in _YEAR_TARGET.findall(value)]
    if len(pairs) < 2 or [y for y, _ in pairs] != list(range(1, len(pairs) + 1)):
        return None
    return dict(pairs)


def _not_a_number(value: object, loc: tuple, lang: str) -> str:
    """A value where one number goes, worded with what to write: a list (``target: [20, 30]``) with one of its
    numbers, keys with values (``horizon_years: {år: 5}``) with a number right after the colon, and a goal's
    ``target`` written per year (``target: {1: 20, 2: 30}``) with the ``targets`` line; else that a number goes
    there."""
    key = (str(loc[-1]) if len(loc) > 1 and isinstance(loc[-1], int) and loc[-2] in ("targets", "kpi")  # (a year's)
           else next((str(p) for p in reversed(loc) if isinstance(p, str)), ""))
    if isinstance(value, (list, tuple)):
        first = next((_plain(_shown(v)) for v in value if _is_number(v)), "…")
        return message("params.number_list", lang, value=_short(value), key=key, first=first)
    if isinstance(value, dict) and key == "target" and value and all(isinstance(k, int) and not isinstance(k, bool)
                                                                     for k in value):
        fixed = "targets: {" + ", ".join(f"{k}: {_plain_item(v)}" for k, v in value.items()) + "}"
        return message("params.target_mapping", lang, value=_short(value), fixed=_short_text(fixed, 120))
    years = _targets_written(value) if key == "target" else None
    if years is not None:  # (the application's words per year copied into target: the targets line they mean)
        fixed = "targets: {" + ", ".join(f"{k}: {v}" for k, v in years.items()) + "}"
        return message("params.target_mapping", lang, value=_short(value), fixed=_short_text(fixed, 120))
    if isinstance(value, dict):
        first = next((_plain(v) for v in value.values() if _is_number(v)), "…")
        return message("params.number_mapping", lang, value=_short(value), key=key, first=first)
    if key.endswith("_sek"):  # (an amount: "40 or 0.8" would mislead)
        return message("params.number_kronor", lang, value=_short(value))
    if key == "within_months":  # (a number of months, written in words: "40 or 0.8" would mislead too)
        return message("params.number_months", lang, value=_short(value))
    return message("params.number", lang, value=_short(value))


def _wrong_shape(kind: str, value: object, loc: tuple, lang: str) -> str | None:
    """A value of the wrong shape for its key, worded with what to write: a list, a number or a mapping where a
    text goes (``insats: [A, B]``, ``insats: 12``), one text where a list goes (``partners: Kommunen``), a value
    where keys with values go (``among: 50``), a number with decimals where a whole number goes
    (``age_from: 50.5``), several files or no path where a data file's path goes (``payments: [a.csv, b.csv]``,
    each municipality's export); None for any other problem."""
    key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")  # (loc holds the file's keys: _keys_of)
    if value is None and kind in ("string_type", "tuple_type", "list_type", "model_type", "dict_type"):
        return message("params.empty_value", lang, key=key)  # (a key with nothing after its colon)
    if kind == "path_type":  # a data file written as several (one per municipality's system) or as no path
        if isinstance(value, (list, tuple)) and len(value) > 1:
            names = ", ".join(Path(str(v)).name for v in value)  # (the files by name: their folder is one)
            return message("params.path_list", lang, value=_short_text(names, 120), key=key, n=len(value))
        return message("params.path_expected", lang, value=_short(value), key=key)
    if kind == "string_type":
        if isinstance(value, (list, tuple)):
            first = _plain(value[0]) if value else "…"
            return message("params.insats_list" if key == "insats" else "params.text_list", lang,
                           value=_short(value), key=key, first=first)
        if isinstance(value, dict):
            return message("params.text_mapping", lang, value=_short(value), key=key)
        if isinstance(value, bool):
            said = "yes" if value else "no"  # (one of the words YAML reads so)
            return message("params.text_boolean", lang, value=str(value).lower(), key=key, fixed=said)
        return message("params.text_quoted", lang, value=_short(value), key=key, fixed=_plain(value))
    if kind in ("tuple_type", "list_type") and isinstance(value, dict):
        first = next(iter(value.items()), ("…", "…"))
        return message("params.list_of_items", lang, key=key, first=f"{_plain(first[0])}: {_plain(first[1])}")
    if kind in ("tuple_type", "list_type"):
        return message("params.list_expected", lang, value=_short(value), key=key, first=_plain(value))
    if kind in ("model_type", "dict_type"):
        keys = _keys_at((*loc, ""))
        return message("params.mapping_expected", lang, value=_short(value), key=key,
                       keys=", ".join(keys) or "–", first=keys[0] if keys else "…")
    if kind == "int_from_float" and isinstance(value, float) and math.isfinite(value):
        low = math.floor(value)
        return message("params.whole_number", lang, value=_short(value), low=low, high=low + 1)
    return None


def _and(items: list[str], word: str) -> str:
    """``a, b och c`` (``word`` before the last), for a message naming several places of the file."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def _plain(value: object) -> str:
    """A value as written in the params file (``12``, ``A``, ``2024-01-31``, ``true``), shortened, for a line to
    write."""
    text = str(_shown(value)).strip()
    return text if len(text) <= 60 else text[:60] + "…"


def value_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line (from 1) of each key and list item of a params file's ``text``, by its place written as text
    (``('goals', '0', 'target')``, list items counted from 0): a value's own line where it is one value (a folded
    text's ``>-`` line), its key's line where it is a mapping or a list. Empty where YAML cannot read the text."""
    try:
        return dict(_parsed(text)[1])
    except (yaml.YAMLError, RecursionError):
        return {}


def _node_lines(root: object, text: str) -> dict[tuple[str, ...], int]:
    """:func:`value_lines` of the YAML nodes ``root`` composed from ``text``."""
    out: dict[tuple[str, ...], int] = {}
    editor = _editor_lines(text)
    todo: list[tuple[object, tuple[str, ...]]] = [(root, ())]
    while todo:
        node, loc = todo.pop()
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                at = (*loc, str(key_node.value))
                scalar = isinstance(value_node, yaml.ScalarNode) and value_node.value != ""
                out.setdefault(at, _editor_line(editor, (value_node if scalar else key_node).start_mark.line))
                todo.append((value_node, at))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                out.setdefault((*loc, str(i)), _editor_line(editor, item.start_mark.line))
                todo.append((item, (*loc, str(i))))
    return out


# the params files' texts as last parsed, each with what YAML read (a mapping) and the line of each key (value_lines):
# a check reads the file five times (the project, the reports folder's check, the placeholders of `evaltools new`),
# and YAML read 20 000 lines in two seconds each time
_PARSED: dict[str, tuple[object, dict[tuple[str, ...], int]]] = {}
_PARSED_KEPT = 8


def _parsed(text: str) -> tuple[object, dict[tuple[str, ...], int]]:
    """What YAML reads in a params file's ``text`` (as ``yaml.load`` with :class:`_ParamsLoader`, a copy of its own to
    change) and the line of each of its keys (:func:`value_lines`), parsed once for each text. Raises what
    ``yaml.load`` raises."""
    kept = _PARSED.get(text)
    if kept is None:
        loader = _ParamsLoader(text)
        try:
            root = loader.get_single_node()
            lines = _node_lines(root, text) if root is not None else {}  # (before construction, which merges '<<')
            raw = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
        if len(_PARSED) >= _PARSED_KEPT:
            _PARSED.pop(next(iter(_PARSED)))
        kept = _PARSED[text] = (raw, lines)
    return _copied(kept[0]), kept[1]


def _copied(value: object) -> object:
    """``value`` (what YAML read) with each mapping and list its own copy, the values in them the same (a text, a
    number, a date: none changes; a number written with a thousands point keeps how it was written, which
    ``copy.deepcopy`` would lose)."""
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copied(v) for v in value]
    if isinstance(value, set):  # (YAML's !!set)
        return set(value)
    return value


def line_of(loc: tuple, lines: Mapping[tuple[str, ...], int] | None) -> int | None:
    """The line of the params file a problem at ``loc`` (an error's place, :func:`_keys_of`) is on: its key's, else
    the nearest enclosing key's or list item's (a key left out of a goal: the goal's first line); None at the top."""
    if not lines:
        return None
    parts = tuple(_key_as_written(p) for p in loc if p != "[key]")
    for n in range(len(parts), 0, -1):
        if (found := lines.get(parts[:n])) is not None:
            return found
    return None


def with_line(said: dict[str, str], line: int | None) -> dict[str, str]:
    """A problem of the params file (``{"sv": ..., "en": ...}``) with the line it is on, which
    :meth:`ParamsError.message <evaltools.data.errors.ParamsError.message>` puts in front ("rad 14, granted_sek: …")."""
    return said if line is None else {**said, "line": str(line)}


def params_problems(err: ValidationError, raw: dict,
                    lines: Mapping[tuple[str, ...], int] | None = None) -> list[dict[str, str]]:
    """Every problem of a params file, in Swedish and English, each with its place as the evaluator counts and, with
    ``lines`` (:func:`value_lines`), the line it is on."""
    out: list[dict[str, str]] = []
    rest: list[tuple[Any, tuple]] = []  # the errors of the problems after the first MAX_PROBLEMS_SHOWN, counted, not worded
    seen: set[tuple[tuple[str, str], ...]] = set()
    errors = [(e, _keys_of(tuple(e["loc"]), raw)) for e in err.errors()]
    # a union reports one problem once per member it tried ('excel_sheet: [1, 2]' as a text and as a number): said
    # once, as the member of the value's kind where one is (a number's: 'excel_sheet: 1.5' is no whole number)
    members: dict[tuple, list[dict]] = {}
    for e, loc in errors:
        if len(loc) < len(e["loc"]) and "[key]" not in e["loc"]:  # (a mapping's key, not a member)
            members.setdefault(loc, []).append(e)
    # (the unit of every file, a text, and the units per file, a mapping: a problem inside the mapping is said at its
    # key alone, not also as the whole mapping that is no text: 'amount_unit: {budget: miljoner}')
    deeper = {loc[:i] for e, loc in errors if "amount_unit" in loc for i in range(1, len(loc))}
    for e, loc in errors:
        if loc in deeper and "amount_unit" in loc:
            continue
        tried = members.get(loc)
        if tried:
            number = _is_number(e.get("input"))
            best = next((x for x in tried if number == any(p in ("int", "float") for p in x["loc"])), tried[0])
            if e is not best:
                continue
        if len(out) >= MAX_PROBLEMS_SHOWN:  # (not worded: a file of 20 000 unknown keys took a minute to refuse)
            rest.append((e, loc))
            continue
        line = _worded(e, loc, raw, lines)
        if (said := tuple(sorted(line.items()))) not in seen:  # (a set: a file of thousands of unknown keys)
            seen.add(said)
            out.append(line)
    if rest:
        e, loc = rest[0]
        out.append(more_problems(len(rest), _worded(e, loc, raw, lines)))
    return out


def _worded(e: Mapping[str, Any], loc: tuple, raw: dict, lines: Mapping[tuple[str, ...], int] | None) -> dict[str, str]:
    """The problem ``e`` of a params file at ``loc`` (:func:`_keys_of`) in Swedish and English, after its place, with
    the line it is on where ``lines`` tell it."""
    key = _key_not_text(e, raw)
    if key is not None:  # (a key YAML read as a number, a date, true or nothing: said at the mapping it is in)
        said = {}
        for lang in ("sv", "en"):
            place, words = _place(key[0], raw, lang), _key_not_text_words(e.get("input"), key[1], lang)
            said[lang] = f"{place}: {words}" if place else words
        return with_line(said, _key_line(key[0], e.get("input"), lines) or line_of(loc, lines))
    return with_line({lang: f"{_place(loc, raw, lang) or message('params.top_level', lang)}: "
                            f"{_line({**e, 'loc': loc}, lang, raw)}" for lang in ("sv", "en")}, line_of(loc, lines))


def _key_not_text(e: Mapping[str, Any], raw: object) -> tuple[tuple, list[str] | None] | None:
    """Where a key that YAML read as no text (``12:``, ``2019-01-01:``, ``yes:``, ``~:``) is refused by the error ``e``:
    the place of the mapping it is in and, where that mapping's keys are settings, the settings it may hold (None
    where its keys are the file's own texts, as ``data.codes`` holds); None for another error."""
    at = tuple(e["loc"])
    if e["type"] == "invalid_key" and at:  # (a key among settings: pydantic names it as text, 'datetime.date(…)')
        parent = _keys_of(at[:-1], raw)
        return parent, _keys_at((*parent, ""))
    if at[-1:] == ("[key]",) and len(at) >= 2 and e["type"] == "string_type" and not isinstance(e.get("input"), str):
        # (a key that is to be a text, a code's: a key that is to be a number, a year's under targets, is said there)
        return _keys_of(at[:-2], raw), None
    return None


def _key_line(parent: tuple, key: object, lines: Mapping[tuple[str, ...], int] | None) -> int | None:
    """The line of ``key``, a key YAML read as no text, in the mapping at ``parent``: looked up as the file would write
    it (``12``, ``2024-01-31``, ``on``, ``~``); None where it is written otherwise (``0x0c``, ``1.50``)."""
    at = tuple(_key_as_written(p) for p in parent)
    written = (["yes", "true", "on", "y"] if key is True
               else ["no", "false", "off", "n"] if key is False
               else ["~", "null", ""] if key is None
               else [key.isoformat()] if isinstance(key, (dt.date, dt.datetime)) else [str(key)])
    for w in written:
        for form in (w, w.capitalize(), w.upper()):
            if (line := (lines or {}).get((*at, form))) is not None:
                return line
    return None


def _key_not_text_words(key: object, allowed: list[str] | None, lang: str) -> str:
    """What is wrong with ``key``, a key YAML read as no text, and what to write (``allowed``: the settings the mapping
    may hold, or None where a key is a text of the file's own, to be quoted)."""
    if key is None:
        return message("params.key_empty", lang)
    what = ("boolean" if isinstance(key, bool) else "date" if isinstance(key, (dt.date, dt.datetime))
            else "number")
    written = (key.isoformat() if isinstance(key, (dt.date, dt.datetime)) else "yes" if key is True
               else "no" if key is False else _short_text(str(key), 40))
    if allowed is not None:
        return message(_KEY_SETTING[what], lang, key=written, keys=", ".join(allowed) or "–")
    return message(_KEY_QUOTED[what], lang, key=written)


# the messages of a key YAML read as no text, by what it read: among settings, and where a key is a text of the file's
_KEY_SETTING = {"number": "params.key_setting_number", "date": "params.key_setting_date",
                "boolean": "params.key_setting_boolean"}
_KEY_QUOTED = {"number": "params.key_quoted_number", "date": "params.key_quoted_date",
               "boolean": "params.key_quoted_boolean"}


def more_problems(n: int, first: dict[str, str]) -> dict[str, str]:
    """The line after the first :data:`MAX_PROBLEMS_SHOWN` problems of a params file: how many more there are
    (``n``), and the first of them (``first``, a problem in both languages, with its line where known), with
    ``"count"``, by which the error's head counts them."""
    said = {lang: message("params.at_line", lang, line=first["line"], place=first[lang]) if "line" in first
            else first[lang] for lang in ("sv", "en")}
    return {**{lang: message("params.more_problems", lang, n=grouped(n, lang), first=said[lang])
               for lang in ("sv", "en")}, "count": str(n)}


def capped(problems: list[dict[str, str]]) -> list[dict[str, str]]:
    """``problems`` (of a params file, each in both languages) as many as are listed, the rest counted in one line."""
    if len(problems) <= MAX_PROBLEMS_SHOWN:
        return problems
    rest = problems[MAX_PROBLEMS_SHOWN:]
    return [*problems[:MAX_PROBLEMS_SHOWN], more_problems(len(rest), rest[0])]


def _keys_of(loc: tuple, raw: object) -> tuple:
    """``loc``, an error's place, without the union members pydantic adds (:func:`_union_member`) where the file
    has no such key there: the keys and list positions as the file writes them (``data, codes, sex, K``)."""
    out: list = []
    node = raw
    for part in loc:
        if _union_member(part) and not (isinstance(node, dict) and part in node):
            continue
        out.append(part)
        node = (node.get(part) if isinstance(node, dict) else
                node[part] if isinstance(node, (list, tuple)) and isinstance(part, int) and part < len(node) else None)
    return tuple(out)


def load_params(path: str | Path) -> ProjectParams:
    """Read and validate a project's params YAML (without loading its data).

    Parameters
    ----------
    path
        Path to ``params/<project_id>.yaml``.

    Returns
    -------
    ProjectParams
        With every relative data path resolved against the params file's folder.

    Raises
    ------
    ParamsError
        Listing every problem in the file, or when a referenced data file is missing.

    Examples
    --------
    >>> import evaltools as et
    >>> et.load_params("params/kompassen-demo.yaml").cost_benefit.horizon_years  # doctest: +SKIP
    3.0
    """
    path = Path(path)
    if in_link_loop(path):  # (a link to itself: Python stopped with a traceback following it)
        raise ParamsError(path, [_both("params.link_loop")])
    if not is_file(path):  # (a name the system refuses to look up, longer than it allows, is no file either)
        raise ParamsError(path, [_both("params.no_file", full=str(resolved(path)))])
    size = path.stat().st_size
    if size > MAX_PARAMS_BYTES:
        raise ParamsError(path, [{lang: message("params.too_big", lang, kb=grouped(size // 1024, lang),
                                                most=grouped(MAX_PARAMS_BYTES // 1024, lang)) for lang in ("sv", "en")}])
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        # (Notepad's 'Unicode' is UTF-16: its byte-order mark, or a NUL byte beside every letter, tells it)
        head = path.read_bytes()[:400]
        utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff")) or head.count(b"\x00") > len(head) // 4
        raise ParamsError(path, [_both("params.utf16" if utf16 else "params.not_utf8")]) from None
    except OSError as e:  # (open in another program that locks it, or in OneDrive and not on the computer)
        raise ParamsError(path, [_both("params.unreadable", reason=redact(str(e.strerror or type(e).__name__))[:120])]) from None
    try:
        raw, lines_of_keys = _parsed(text)
        raw = raw or {}
    except yaml.YAMLError as e:
        raise ParamsError(path, [_yaml_problem(e, text)]) from None
    except RecursionError:  # a backstop: the loader stops at MAX_YAML_DEPTH levels first
        raise ParamsError(path, [_depth_line()]) from None
    if not isinstance(raw, dict):
        raise ParamsError(path, [_both("params.not_mapping")])
    # (a character written as its UTF-16 code, "\\ud83d": half of one, no character, which no file name, label or
    # report can hold; where it reached a path it stopped the loading with a traceback)
    halves = list(dict.fromkeys((where.removesuffix(" (the key)"), ch) for where, v in _strings(raw)
                                for ch in _SURROGATE.findall(v)))
    if halves:
        raise ParamsError(path, capped([_both("params.text_surrogate", key=where, code=f"\\u{ord(ch):04x}")
                                        for where, ch in halves]))
    # the appendix prints the file as written, comments too: a number in a comment is refused as well
    lines = [i for i, line in enumerate(re.split(r"\r\n|[\r\n]", text), 1) if find_personnummer(line)]  # (as an editor)
    if lines and not any(find_personnummer(v) for _, v in _strings(raw)):
        raise ParamsError(path, capped([_both("params.personnummer_comment", line=str(i)) for i in lines]))
    # ... and a participant's phone number in a comment, as in a text (params_from_mapping)
    lines = [i for i, line in enumerate(re.split(r"\r\n|[\r\n]", text), 1) if find_phone(line)]
    if lines and not any(find_phone(v) for _, v in _strings(raw)):
        raise ParamsError(path, capped([_both("params.phone_comment", line=str(i)) for i in lines]))
    # (a line indented with hard spaces, which YAML reads as no indentation: 'participants' under data: became a
    # setting of its own at the top, and was said to be no setting at all)
    indented = _hard_space_keys(raw, text)
    if indented:
        editor = _editor_lines(text)
        raise ParamsError(path, capped([_both("params.yaml_hard_space_key", line=str(_editor_line(editor, i)), code=code,
                                              key=key) for i, code, key in indented]))
    return params_from_mapping(raw, path, lines=dict(lines_of_keys))


def _hard_space_keys(raw: object, text: str) -> list[tuple[int, str, str]]:
    """Each line (from 0) of ``text`` whose key YAML read with the hard spaces before it (``\u00a0\u00a0participants``),
    the first such space's code and the key as meant; none where no key of ``raw`` starts with one."""
    keys: set[str] = set()
    todo = [raw]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            keys.update(k.strip() for k in node if isinstance(k, str) and _HARD_SPACES.match(k))
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    out = []
    for i, line in enumerate(text.splitlines()):
        lead = re.match(r"[ ]*(?:-[ ]+)?", line)
        rest = line[lead.end() if lead else 0:]
        if (m := _HARD_SPACES.match(rest)) and rest.lstrip().split(":", 1)[0].strip() in keys and ":" in rest:
            out.append((i, f"U+{ord(m.group()[0]):04X}", rest.lstrip().split(":", 1)[0].strip()))
    return out


# load_params_once's results: per params file (resolved), the file's stamp and what it gave
_ONCE: dict[tuple[Path, str], tuple[tuple[int, int, int, int], ProjectParams]] = {}


def load_params_once(path: str | Path) -> ProjectParams:
    """:func:`load_params`, read once per process for as long as the file is unchanged.

    A batch reads each params file several times before its reports run (the reports folder's
    check, the ids that would share a folder, the order of the work, the hints after the run);
    each read parses and validates the YAML again. Here a file whose size, modification and change
    times and inode are those of the last read gives the same (frozen) object; a changed file is
    read again, and a file that does not load raises as :func:`load_params` does, every time. The file
    named another way (relative, absolute) is read once for each name, as the paths in what it gives
    follow the name.
    """
    path = Path(path)
    try:
        full = resolved(path)
        st = full.stat()
        key, stamp = (full, str(path)), (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    except OSError:
        return load_params(path)  # (says what is wrong with the path)
    kept = _ONCE.get(key)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    params = load_params(path)
    _ONCE[key] = (stamp, params)
    return params


def read_params_mapping(path: Path) -> dict:
    """A params file as YAML parsed it, read as :func:`load_params` reads it (no aliases)."""
    return _parsed(Path(path).read_text(encoding="utf-8"))[0] or {}


def _slashed(value: Any) -> Any:
    return value.replace("\\", "/") if isinstance(value, str) else value


def forward_slashes(raw: Any) -> Any:
    """``raw`` with backslashes in its file paths written as forward slashes.

    A params file written on Windows names its files the Windows way (``..\\data\\x.csv``);
    forward slashes mean the same there and on every other system, so the same file works on a
    colleague's Mac or a Linux server. The data paths (``data.participants``, ``payments``,
    ``budget``, ``comparison``) and goals' ``series_file`` are rewritten; ``raw`` is not changed.
    """
    if not isinstance(raw, dict):
        return raw
    out = dict(raw)
    data = raw.get("data")
    if isinstance(data, dict):
        out["data"] = {k: _slashed(v) if k in ("participants", "payments", "budget") else v for k, v in data.items()}
        comparison = data.get("comparison")
        if isinstance(comparison, dict):
            out["data"]["comparison"] = {k: _slashed(v) for k, v in comparison.items()}
    goals = raw.get("goals")
    if isinstance(goals, list):
        out["goals"] = [{**g, "series_file": _slashed(g["series_file"])} if isinstance(g, dict) and "series_file" in g
                        else g for g in goals]
    return out


def params_from_mapping(raw: dict, path: Path, where: str | Path | None = None,
                        lines: Mapping[tuple[str, ...], int] | None = None) -> ProjectParams:
    """Validate a parsed params mapping exactly as :func:`load_params` does; relative data paths
    are resolved against ``path``'s folder, and problems are reported under ``where`` (default
    ``path``), each with its line where ``lines`` (:func:`value_lines`) are given."""
    where = path if where is None else where
    # removed from texts; the project id keeps them, to be refused as no safe slug
    raw = {k: v if k == "id" else strip_bidi(v) for k, v in raw.items()} if isinstance(raw, dict) else raw
    raw = forward_slashes(raw)
    pnr = [(loc, key) for loc, key, value in _texts(raw) if find_personnummer(value)]
    if pnr:
        raise ParamsError(where, capped([with_line({lang: message("params.personnummer", lang,
                                                                  place=_text_place(loc, key, raw, lang))
                                                    for lang in ("sv", "en")}, line_of(loc, lines)) for loc, key in pnr]))
    # a participant's phone number in an assessment or a goal's evidence ('nås på 070-123 45 67'): published as a
    # personnummer would be (evaltools.data.privacy.find_phone; an amount, a date, a Dnr or an organisation number
    # is none)
    phones = [(loc, key) for loc, key, value in _texts(raw) if find_phone(value)]
    if phones:
        raise ParamsError(where, capped([with_line({lang: message("params.phone", lang,
                                                                  place=_text_place(loc, key, raw, lang))
                                                    for lang in ("sv", "en")}, line_of(loc, lines)) for loc, key in phones]))
    control = control_problems(raw, lines)
    if control:
        raise ParamsError(where, capped(control))
    try:
        params = ProjectParams.model_validate(raw)
    except ValidationError as e:
        raise ParamsError(where, params_problems(e, raw, lines)) from None
    return _resolve_paths(params, path, lines)


# characters that change the direction text is shown in (embeddings, overrides, isolates and the
# marks): invisible, never needed in a Swedish or English report, and able to make a title read
# backwards in the index of reports
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# control characters no text may hold (tab, line feed and carriage return are text): invisible, and
# the report's workbook cannot be written with them
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_bidi(value: object) -> object:
    """``value`` (a parsed params mapping, list or text) with every direction-changing character
    removed from its texts and keys."""
    if isinstance(value, str):
        return BIDI_CONTROLS.sub("", value)
    if isinstance(value, dict):
        return {strip_bidi(k): strip_bidi(v) for k, v in value.items()}
    if isinstance(value, list):
        return [strip_bidi(v) for v in value]
    return value


def control_problems(raw: object, lines: Mapping[tuple[str, ...], int] | None = None) -> list[dict[str, str]]:
    """One message (in both languages) per text or key of a parsed params mapping that holds a
    control character, naming its place (and line, with ``lines``) and the character's code, never the text."""
    out = []
    for loc, key, value in _texts(raw):
        m = CONTROL_CHARACTERS.search(value)
        if m:
            code = f"U+{ord(m.group()):04X}"
            out.append(with_line({lang: message("params.control", lang, place=_text_place(loc, key, raw, lang),
                                                code=code) for lang in ("sv", "en")}, line_of(loc, lines)))
    return out


def _depth_line() -> dict[str, str]:
    return {lang: message("params.depth", lang, depth=MAX_YAML_DEPTH) for lang in ("sv", "en")}


MAX_YAML_DEPTH = 32  # levels of nesting; a params file uses four or five


class _Refused(yaml.YAMLError):
    """What the params loader refuses (``messages.<message_id>``, its values), at a line."""

    def __init__(self, message_id: str, line: int, **values: str):
        self.message_id, self.values = message_id, {"line": str(line), **values}
        super().__init__(f"line {line}: {message_id}")


class _ParamsLoader(yaml.SafeLoader):
    """YAML's safe loader without anchors and aliases (``&a`` / ``*a``): a params file never needs
    them, and nested aliases can make a few lines expand to gigabytes. A date that does not exist
    (``2024-13-01``, ``2023-02-29``) is a problem at its line, not an error of the loader."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML's hook
        event = self.peek_event()
        if self.check_event(yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("params.yaml_anchor", _mark_line(self, event.start_mark))
        depth = getattr(self, "_depth", 0) + 1
        if depth > MAX_YAML_DEPTH:
            raise _Refused("params.yaml_depth", _mark_line(self, event.start_mark), depth=str(MAX_YAML_DEPTH))
        self._depth = depth
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth - 1


    def construct_mapping(self, node, deep=False):  # noqa: D401 - PyYAML's hook
        # a key written twice in one mapping (two ``target:`` lines in a goal, ``{1: 10, 1: 20}``): YAML keeps the last
        # one without a word, so the other is refused at its line instead of silently dropped
        if isinstance(node, yaml.MappingNode):
            first: dict[object, yaml.Node] = {}
            for key_node, _value in node.value:
                try:
                    key = self.construct_object(key_node, deep=True)
                    hash(key)
                except (TypeError, yaml.constructor.ConstructorError):
                    continue  # (an unhashable key: PyYAML's own message)
                if key in first:
                    raise _Refused("params.yaml_duplicate_key", _mark_line(self, key_node.start_mark),
                                   key=_short_text(redact(str(key)), 40),  # (no personnummer)
                                   first=str(_mark_line(self, first[key].start_mark)))
                first[key] = key_node  # (its line counted only where it is refused: counting reads the text before it)
        return super().construct_mapping(node, deep=deep)


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        raise _Refused("params.yaml_date", _mark_line(loader, node.start_mark), value=_short_text(str(node.value), 40)) from None


def _float(loader: yaml.SafeLoader, node: yaml.Node):
    """A number with a point, kept with its text where the point stands before three digits (see :class:`_PointNumber`)."""
    value = yaml.SafeLoader.construct_yaml_float(loader, node)
    if isinstance(node, yaml.ScalarNode) and node.style is None and AMBIGUOUS_POINT.fullmatch(str(node.value)):
        return _PointNumber(value, str(node.value))
    return value


def _int(loader: yaml.SafeLoader, node: yaml.Node):
    """A whole number, or a problem at its line where it is too long for Python to read (more than 4 300 digits, a
    limit Python sets against slow conversions): no setting of a params file is a number so long."""
    try:
        value = yaml.SafeLoader.construct_yaml_int(loader, node)
        str(value)  # (written in hex or base 60 it is read, but raises where a message writes it in digits)
        return value
    except ValueError:
        raise _Refused("params.yaml_number_long", _mark_line(loader, node.start_mark),
                       start=_short_text(str(node.value), 10)) from None


_ParamsLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_ParamsLoader.add_constructor("tag:yaml.org,2002:int", _int)
_ParamsLoader.add_constructor("tag:yaml.org,2002:float", _float)


def _both(message_id: str, /, **values: str) -> dict[str, str]:
    """A params problem (``messages.<message_id>``, e.g. ``params.no_file``) in Swedish and English."""
    return {lang: message(message_id, lang, **values) for lang in ("sv", "en")}


# the line ends YAML counts lines by (its marks' ``line``): an editor (Notepad, VS Code, Ctrl+G) breaks a line at the
# first three alone, and shows U+0085, U+2028 and U+2029 (pasted from a web page or a PDF) within a line
_YAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _editor_lines(text: str) -> list[int]:
    """For each line of ``text`` as YAML counts them (from 0, :data:`_YAML_BREAK`), the line an editor shows it on
    (from 1): the same but after a line end only YAML takes for one."""
    out, line = [1], 1
    for m in _YAML_BREAK.finditer(text):
        line += m.group() in ("\r\n", "\n", "\r")
        out.append(line)
    return out


def _editor_line(lines: list[int], index: int) -> int:
    """The editor's line (from 1) of YAML's line ``index`` (from 0), with ``lines`` from :func:`_editor_lines`."""
    return lines[index] if 0 <= index < len(lines) else index + 1


def _mark_line(loader: yaml.SafeLoader, mark: yaml.Mark) -> int:
    """The line (from 1) an editor shows a loader's ``mark`` on."""
    text = getattr(loader, "buffer", None)
    if not isinstance(text, str) or not 0 <= mark.index <= len(text):
        return mark.line + 1
    before = text[:mark.index]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


def yaml_problem(e: yaml.YAMLError, text: str, lang: str) -> str:
    """What is wrong with a YAML file of the evaluator's (``text``) that YAML cannot read, in ``lang``: its line (and
    column) and, for the likeliest mistakes, how to fix it (:func:`_yaml_problem`)."""
    return _yaml_problem(e, text)[lang]


def _yaml_problem(e: yaml.YAMLError, text: str) -> dict[str, str]:
    """What is wrong with a params file that YAML cannot read, in both languages: the line (and column),
    and for the two mistakes a params file written by hand is most likely to hold, how to fix it — a
    Windows path with backslashes inside double quotes (``"C:\\Users"``: ``\\U`` starts an escape) and
    a tab in the indentation."""
    if isinstance(e, _Refused):
        return _both(e.message_id, **e.values)
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    problem = str(getattr(e, "problem", "") or e)
    if isinstance(e, yaml.reader.ReaderError) and isinstance(e.character, (int, str)):
        # a character YAML does not take (a NUL, another control character): named by its line, column and code
        before = text[:e.position]
        line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
        column = e.position - max(before.rfind("\n"), before.rfind("\r"))
        return {lang: message("params.yaml_character", lang, line=str(line), column=str(column),
                              code=f"U+{e.character if isinstance(e.character, int) else ord(e.character):04X}")
                for lang in ("sv", "en")}
    if mark is None:
        return {lang: message("params.yaml_invalid", lang, line="?", column="?", problem=_short_text(problem, 200))
                for lang in ("sv", "en")}
    lines = text.splitlines()
    editor = _editor_lines(text)
    # a quoted text that YAML could not finish is named by the line of its opening quote
    start = getattr(e, "context_mark", None)
    if start is not None and "quoted scalar" in str(getattr(e, "context", "")):
        mark = start
    line = lines[mark.line].strip() if 0 <= mark.line < len(lines) else ""
    at = str(_editor_line(editor, mark.line))
    # a line end no editor shows, which YAML obeys, on the line of the problem or above it
    odd = re.search("[\x85\u2028\u2029]", text)
    odd_line = text.count("\n", 0, odd.start()) + text.count("\r", 0, odd.start()) \
        - text.count("\r\n", 0, odd.start()) + 1 if odd else 0
    if odd is not None and odd_line <= int(at):
        return _both("params.yaml_line_separator", code=f"U+{ord(odd.group()):04X}", line=str(odd_line))
    if "another document" in problem:  # (a second '---', two files pasted into one: the second would be dropped)
        return _both("params.yaml_two_documents", line=at)
    if "escape" in problem and "\\" in line:
        return {lang: message("params.yaml_backslash", lang, line=at, text=_short_text(line, 120))
                for lang in ("sv", "en")}
    if "\t" in problem or "'\\t'" in problem:
        written = lines[mark.line] if 0 <= mark.line < len(lines) else ""
        key = re.match(r"[ -]*([^\s:#]+):\t", written)
        if key and "\t" not in written[:key.start(1)]:  # ('target:<tab>3': not in the indentation, after the colon)
            return _both("params.yaml_tab_after_key", line=at, key=_short_text(redact(key.group(1)), 40))
        return {lang: message("params.yaml_tab", lang, line=at) for lang in ("sv", "en")}
    if spaced := _hard_space_line(text, mark.line):
        return {lang: message("params.yaml_hard_space", lang, line=str(_editor_line(editor, spaced[0])), code=spaced[1])
                for lang in ("sv", "en")}
    if colon := _colon_space_line(text, mark.line):
        return {lang: message("params.yaml_colon_space", lang, line=str(_editor_line(editor, colon[0])), fixed=colon[1])
                for lang in ("sv", "en")}
    if fixed := _quoted_line(text, mark.line):
        return {lang: message("params.yaml_quote_text", lang, line=at, key=fixed[0], fixed=fixed[1])
                for lang in ("sv", "en")}
    return {lang: message("params.yaml_invalid", lang, line=at, column=str(mark.column + 1),
                          problem=_short_text(problem, 200)) for lang in ("sv", "en")}


# a line ``key: text`` (in a list too, ``- label: text``), a comment after the text kept apart
_KEY_AND_TEXT = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_][A-Za-z0-9_]*):[ ]+(?P<text>.+?)(?P<comment>\s+#.*)?$")
# the settings whose value is settings of their own, never a text (``period: start: 2024-01-01`` is no text to quote)
_SETTINGS_OF_SETTINGS = frozenset({"period", "data", "goals", "cost_benefit", "comparison", "privacy", "survey",
                                   "expected", "reference", "columns", "codes", "targets", "monthly_level", "among"})


def _quoted_line(text: str, index: int) -> tuple[str, str] | None:
    """Where the line ``index`` (from 0) of a params file YAML cannot read is a setting and a text that YAML takes
    for something else (a goal's label with a colon and a space, ``Mål 1: minst 40 %``; the evaluator's own quotes
    around a text that holds the same quote; a text that starts with ``%``, ``@``, ``[`` or ``{``): the setting and
    the line written with the text in quotes, as the evaluator may copy it (a personnummer left out), where YAML then
    reads that line; else None. Word's quotes around the text (``”Mål 1: …”``, which YAML reads as letters) are left
    out: they were meant as quotes."""
    lines = text.splitlines()
    if not 0 <= index < len(lines):
        return None
    m = _KEY_AND_TEXT.match(lines[index])
    if m is None or m["key"] in _SETTINGS_OF_SETTINGS:
        return None
    value, comment = m["text"].strip(), m["comment"] or ""
    if len(value) >= 2 and value[0] in _WORD_QUOTES and value[-1] in _WORD_QUOTES:
        value = value[1:-1].strip()
    if value[:1] in ("'", '"') and (len(value) < 2 or value[-1] != value[0]):
        return None  # (a quote never closed: the general message says to close it, where the evaluator meant)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"" and value[0] in value[1:-1]:
        value = value[1:-1]  # (the evaluator's own quotes, around a text that holds the same quote)
    if not value:
        return None
    quoted = f'"{value}"' if '"' not in value and "\\" not in value else "'" + value.replace("'", "''") + "'"
    line = f"{m['key']}: {quoted}{comment}"
    if not _reads_past(lines, index, m["lead"] + line):
        return None
    return m["key"], _short_text(redact(line), 160)


# the quotes Word and other word processors write ("smart quotes"), which YAML reads as letters
_WORD_QUOTES = "”“„«»’‘‚"
# the spaces a text copied from a web page or Word brings along, which YAML does not read as spaces (a non-breaking
# space, the narrow one Swedish number formats use, the figure, thin and other typographic spaces, the ideographic one)
_HARD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# a setting and its value without the space after the colon (``title:Vägen ut``), in a list too
_NO_SPACE_AFTER_COLON = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_][A-Za-z0-9_]*):(?P<value>[^\s/:].*)$")


def _hard_space_line(text: str, index: int) -> tuple[int, str] | None:
    """The first line, up to the one YAML stopped at (``index``, from 0) and the one after it, with a hard space that
    YAML then reads past when the line's hard spaces are ordinary ones, and the first such space's code (``U+00A0``);
    else None. (One inside quotes is text, and no problem.)"""
    lines = text.splitlines()
    for i in range(min(index + 2, len(lines))):
        if (m := _HARD_SPACES.search(lines[i])) and _reads_past(lines, i, _HARD_SPACES.sub(" ", lines[i])):
            return i, f"U+{ord(m.group()):04X}"
    return None


def _colon_space_line(text: str, index: int) -> tuple[int, str] | None:
    """Where the line YAML stopped at (``index``, from 0) or the one before it is a setting written without the space
    after its colon (``title:Vägen ut``; YAML reads the whole line as one word): that line and the setting written
    with the space (a personnummer left out), where YAML then reads past it; else None."""
    lines = text.splitlines()
    for i in (index - 1, index):
        if not 0 <= i < len(lines) or (m := _NO_SPACE_AFTER_COLON.match(lines[i])) is None:
            continue
        line = f"{m['key']}: {m['value']}"
        if _reads_past(lines, i, m["lead"] + line):
            return i, _short_text(redact(line), 160)
    return None


def _reads_past(lines: list[str], index: int, written: str) -> bool:
    """Whether YAML reads the params file past the line ``index`` (from 0) when that line is ``written`` instead: the
    file is then read whole, or stops at a later line."""
    try:
        yaml.load("\n".join([*lines[:index], written, *lines[index + 1:]]), Loader=_ParamsLoader)  # noqa: S506
    except _Refused as again:
        return int(again.values["line"]) > index + 1
    except yaml.MarkedYAMLError as again:
        later = again.problem_mark or again.context_mark
        return later is not None and later.line > index
    except (yaml.YAMLError, RecursionError):
        return False
    return True


def _listed(items: list[int], most: int = 10) -> str:
    """``1, 2, 3`` for a message, the first ``most`` items and an ellipsis where there are more (a ``targets:``
    mapping of thousands of years is not echoed whole)."""
    return ", ".join(str(x) for x in items[:most]) + (" …" if len(items) > most else "")


def _short_text(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _texts(value: object, loc: tuple = ()) -> list[tuple[tuple, bool, str]]:
    """Every text and number in a parsed params file with its place as a validation error has it (``('goals', 1,
    'label')``, list items counted from 0) and whether it is a key (then ``loc`` ends in the key)."""
    out: list[tuple[tuple, bool, str]] = []
    if isinstance(value, dict):
        for k, v in value.items():
            out.append(((*loc, k), True, str(k)))
            out += _texts(v, (*loc, k))
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            out += _texts(v, (*loc, i))
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        out.append((loc, False, str(value) if not isinstance(value, float) else repr(value)))
    return out


def _text_place(loc: tuple, key: bool, raw: dict, lang: str) -> str:
    """Where a text :func:`_texts` found is, as the evaluator counts (``mål 2 (id: andel), label``); a key is named
    by the place it is in, never by itself (``en nyckel i data``), since what it holds is the problem."""
    if not key:
        return _place(loc, raw, lang) or message("params.top_level", lang)
    within = _place(loc[:-1], raw, lang)
    return message("params.key_in", lang, place=within) if within else message("params.key_top", lang)


def _strings(value: object, where: str = "") -> list[tuple[str, str]]:
    """Every text and number in a parsed params file with its place (``goals[2].label``), keys included."""
    out: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for k, v in value.items():
            here = f"{where}.{k}" if where else str(k)
            out.append((here + " (the key)", str(k)))
            out += _strings(v, here)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            out += _strings(v, f"{where}[{i + 1}]")
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        out.append((where, str(value) if not isinstance(value, float) else repr(value)))
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")
# a web address, as a template on a förbund's intranet is linked ('https://…', 'www.…')
_WEB_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
_INVISIBLE_IN_NAMES = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"))


def _plain_name(name: str) -> str:
    """A file name as Windows compares it: in one letter case, without the spaces and dots it drops from the
    end, and here also without invisible characters and in its composed form (NFC, as macOS decomposes å)."""
    return unicodedata.normalize("NFC", name).translate(_INVISIBLE_IN_NAMES).rstrip(" .").casefold()


def _named_alike(full: Path) -> Path | None:
    """The one file in ``full``'s folder that its name means but does not spell exactly, or None: another letter
    case, a space or dot at the end, an invisible character, or the name without its suffix ('deltagare' for
    'deltagare.csv'). Windows finds the first two itself, and a params file written there fails on a Mac."""
    try:
        if not full.parent.is_dir():
            return None
        files = [f for f in full.parent.iterdir() if f.is_file()]
    except OSError:
        return None
    wanted = _plain_name(full.name)
    alike = [f for f in files if _plain_name(f.name) == wanted]
    if not alike and not full.suffix:
        alike = [f for f in files if _plain_name(f.stem) == wanted and f.suffix.lower() in (".csv", ".xlsx", ".txt")]
    return alike[0] if len(alike) == 1 else None


def _exists(path: Path) -> bool:
    """Whether there is anything at ``path`` (none where the system refuses to look the name up)."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _resolve_paths(params: ProjectParams, path: Path, lines: Mapping[tuple[str, ...], int] | None = None) -> ProjectParams:
    base = resolved(path).parent
    problems = []

    def keyed(message_id: str, key: str, /, **values: str) -> dict[str, str]:
        """A data file's problem, named by its key (``data.participants``) and its line in the params file."""
        return with_line({lang: message(message_id, lang, key=f"data.{key}", **values) for lang in ("sv", "en")},
                         line_of(("data", *key.split(".")), lines))

    if name_looks_like_personnummer(path):
        problems.append(_both("params.personnummer_own_name"))

    def fix(p: Path | None, key: str) -> Path | None:
        if p is None:
            return None
        written = p if p.is_absolute() else base / p
        full = p if p.is_absolute() else resolved(written)
        if find_personnummer(str(p)) or name_looks_like_personnummer(written):
            problems.append(keyed("params.personnummer_data_name", key))
            return full
        if in_link_loop(written):  # (a link to itself, or two to each other: no file at their end)
            problems.append(keyed("params.file_link_loop", key, file=repr(str(p))))
            return full
        if not is_file(full):
            like = _named_alike(full)
            # (the path written from the project folder, as the folders are seen, not from the params file's own)
            up = base.parent / p if not p.is_absolute() and base.name == "params" else None
            if is_folder(full):
                problems.append(keyed("params.file_is_folder", key, file=repr(str(p)),
                                      example=f"{p.as_posix()}/deltagare.xlsx"))
            elif (where := windows_only(p)) is not None:  # ('C:\\Users\\...' on a Mac: no folder 'C:' beside it)
                problems.append(keyed("params.file_windows_only", key, file=repr(str(p)), where=where,
                                      example=f"../data/{p.name}"))
            elif like is not None:  # (a name Windows would have found: 'DELTAGARE.CSV', 'deltagare.csv ')
                problems.append(keyed("params.file_named_alike", key, file=repr(str(p)),
                                      found=repr(like.name)))
            elif up is not None and is_file(up):
                problems.append(keyed("params.file_from_params_folder", key, file=repr(str(p)),
                                      full=str(full), fixed=(Path("..") / p).as_posix()))
            elif _exists(full):  # (a device, a pipe or a socket: /dev/zero was said not to exist)
                problems.append(keyed("params.file_not_regular", key, file=repr(str(p))))
            else:
                problems.append(keyed("params.file_missing", key, file=repr(str(p)), full=str(full)))
        return full

    before = len(problems)
    template = _word_template(params.word_template, base, problems)
    problems[before:] = [with_line(p, line_of(("word_template",), lines)) for p in problems[before:]]
    d = params.data
    comp = None
    if d.comparison is not None:
        comp = ComparisonPaths(persons=fix(d.comparison.persons, "comparison.persons"),
                               payments=fix(d.comparison.payments, "comparison.payments"))
    data = d.model_copy(update={
        "participants": fix(d.participants, "participants"),
        "payments": fix(d.payments, "payments"),
        "budget": fix(d.budget, "budget"),
        "responses": fix(d.responses, "responses"),
        "questions": fix(d.questions, "questions"),
        "earnings": fix(d.earnings, "earnings"),
        "benefits": fix(d.benefits, "benefits"),
        "comparison": comp,
    })
    if problems:
        raise ParamsError(path, problems)
    params = params.model_copy(update={"data": data, "word_template": template, "source_path": resolved(path)})
    kept: list = []  # a kept Kolada series that cannot be read is a problem of the params file
    params = kolada_series(params, fetch=False, problems=kept)
    if kept:
        raise ParamsError(path, capped([{lang: p.text(lang) for lang in ("sv", "en")} for p in kept]))
    return params


def kolada_folder(params: ProjectParams) -> Path:
    """The project's data folder, where Kolada series are kept: the folder of its first data file
    (participants, payments, budget), else ``data/<id>`` beside the params file's folder."""
    d = params.data
    for p in (d.participants, d.payments, d.budget):
        if p is not None:
            return Path(p).parent
    base = params.source_path.parent.parent if params.source_path is not None else Path.cwd()
    return base / "data" / params.id


def kolada_series(params: ProjectParams, fetch: bool = True, opener=None, problems: list | None = None) -> ProjectParams:
    """``params`` with each ``kolada:`` context goal's series filled in from the series kept in the
    project's data folder, its source cited with the day it was fetched (``series_source`` in
    Swedish, ``series_source_en`` in English).

    With ``fetch``, a series not yet kept is fetched from Kolada and kept; without, such a goal is
    left as it is. A series that cannot be fetched is added to ``problems`` (a
    :class:`~evaltools.data.errors.Problem`), or raised as a
    :class:`~evaltools.data.kolada.KoladaError` when ``problems`` is None.
    """
    from . import kolada  # (start-up: the HTTP client only where a goal asks for Kolada)
    goals = list(params.goals)
    changed = False
    for i, g in enumerate(goals):
        if g.kolada is None or g.series or g.series_file is not None:
            continue
        folder = kolada_folder(params)
        path = kolada.cache_path(folder, g.kolada.kpi, g.kolada.municipality)
        if not fetch and not path.is_file():
            continue
        try:
            series = (kolada.read_cache(path, g.kolada.kpi, g.kolada.municipality) if path.is_file()
                      else kolada.cached_or_fetched(folder, g.kolada.kpi, g.kolada.municipality, opener))
        except kolada.KoladaError as e:
            if problems is None:
                raise
            # (a series not fetched is the goal's problem, named in the params file: the file it would be kept in
            # does not exist, and there is nothing in it to correct)
            kept = path.is_file() or e.key in ("kolada.bad_cache", "kolada.cache_other", "kolada.cannot_keep")
            where = str(path) if kept or params.source_path is None else str(params.source_path)
            problems.append(problem(where, None, None, None, e.key, **e.values))
            continue
        points = tuple(SeriesPoint(period=y, value=v) for y, v in series.points if 1900 <= y <= 2100)
        goals[i] = g.model_copy(update={"series": points, "series_source": series.citation("sv", g.series_source),
                                        "series_source_en": series.citation("en", g.series_source_en or g.series_source)})
        changed = True
    return params.model_copy(update={"goals": goals}) if changed else params



def project_folder(params_dir: Path) -> Path:
    """The project folder of a params file in ``params_dir``: the folder holding ``params/``, or,
    for a params file kept elsewhere, its own folder."""
    return params_dir.parent if params_dir.name == "params" else params_dir


# a Word document, or a Word template as Word saves one (the förbund's template: the report is made from it as
# Word makes a new document from it); a macro template (.dotm) is not, since a .docx cannot hold its macros
WORD_TEMPLATE_SUFFIXES = (".docx", ".dotx")


def _word_template(p: Path | None, base: Path, problems: list[str]) -> Path | None:
    """``word_template`` resolved against the params file's folder ``base``; a problem is added when
    it is missing, not a .docx or .dotx file, outside the project folder (see :func:`project_folder`) or on a
    path only Windows reaches, read on another system (a drive letter: the message says what to write instead)."""
    if p is None:
        return None
    full = resolved(p if p.is_absolute() else base / p)
    root = project_folder(base)
    if find_personnummer(str(p)) or name_looks_like_personnummer(full):
        problems.append(_both("params.personnummer_data_name", key="word_template"))
    elif full.suffix.lower() not in WORD_TEMPLATE_SUFFIXES:
        problems.append(_both("params.word_not_docx", file=repr(str(p))))
    elif (where := windows_only(p)) is not None and not is_file(full):  # ('C:\\Mallar\\fou.dotx' on a Mac or Linux)
        problems.append(_both("params.word_windows_only", file=str(p), where=where, folder=str(base),
                              name=PureWindowsPath(str(p)).name))
    elif not full.is_relative_to(root):
        # (the path as written, not its repr: on Windows repr doubles every backslash, 'C:\\Mallar\\fou.docx')
        problems.append(_both("params.word_outside", file=str(p), root=str(root), folder=str(base), name=p.name))
    elif is_folder(full):
        problems.append(_both("params.word_folder", file=repr(str(p))))
    elif not is_file(full):
        problems.append(_both("params.file_missing", key="word_template", file=repr(str(p)), full=str(full)))
    elif not _is_word_document(full):
        problems.append(_both("params.word_unreadable", file=repr(str(p))))
    elif _holds_macros(full):
        problems.append(_both("params.word_macros", file=repr(str(p))))
    return full


def _is_word_document(path: Path) -> bool:
    """Whether ``path`` is a zip archive with a Word document part (another zip renamed .docx,
    an .xlsx saved with the wrong name or a broken download is not), its parts' list and the document's part
    readable as XML (a zip with those names holding something else passed here, and stopped the Word report
    after every other format was written)."""
    from lxml import etree  # (only a params file naming a Word template needs it)
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if not {"[Content_Types].xml", "word/document.xml"} <= names:
                return False
            for part in ("[Content_Types].xml", "word/document.xml"):
                etree.fromstring(z.read(part), parser)
    except (zipfile.BadZipFile, OSError, KeyError, etree.XMLSyntaxError, ValueError, RuntimeError, NotImplementedError,
            zlib.error):
        return False
    return True


def _holds_macros(path: Path) -> bool:
    """Whether a Word document (see :func:`_is_word_document`) is one with macros, its main part a macro document's
    or macro template's (a .docm or .dotm renamed .docx or .dotx): the Word report cannot be made from it."""
    from lxml import etree
    with zipfile.ZipFile(path) as z:
        types = etree.fromstring(z.read("[Content_Types].xml"), etree.XMLParser(resolve_entities=False, no_network=True))
    for item in types:
        if str(item.get("PartName", "")).lower() == "/word/document.xml":
            return "macroenabled" in str(item.get("ContentType", "")).lower()
    return False


def primary_success_outcomes(params: ProjectParams) -> tuple[str, ...]:
    """The outcomes the project counts as success: those of its first outcome goal, else the
    outcomes that leave försörjningsstöd."""
    for g in params.goals:
        if g.kind in ("outcome_count", "share") and g.numerator == "outcome":
            return g.success_outcomes
    return params.cost_benefit.success_outcomes


def project_kind(project: object) -> ProjectKind:
    """The project's kind: ``individ`` (participant project), ``struktur`` (structural project, no
    participants) or ``ansökan`` (ex-ante check of an application). Every module asks this function.

    ``kind`` from params when given; otherwise inferred: participant data -> ``individ``; no
    participants but ``expected`` volumes -> ``ansökan``; neither -> ``struktur``
    (:func:`kind_inferred` says whether it was).

    Parameters
    ----------
    project
        A :class:`~evaltools.data.project.Project` or its :class:`ProjectParams`.
    """
    params = _params_of(project)
    if params.kind is not None:
        return params.kind
    if params.data.participants is not None:
        return "individ"
    return "ansökan" if params.expected is not None else "struktur"


def running_without_data_date(params: ProjectParams, today: dt.date | None = None) -> bool:
    """Whether ``params`` describe a project still running on ``today`` (its end after it) without ``data_as_of``:
    counted to its end, every period to the end would be read as run (the years not yet begun with no participants,
    'inte uppnått'), and the end given as its data's last day. An application checked before it starts
    (``ansökan``) has its whole period ahead of it, and a project without participant data counts no one in them."""
    today = today or dt.date.today()
    return (params.data_as_of is None and params.period.end > today and params.data.participants is not None
            and project_kind(params) != "ansökan")


def data_date_ahead(params: ProjectParams, today: dt.date | None = None) -> bool:
    """Whether ``params`` give a ``data_as_of`` after ``today`` (the day the project is loaded): data taken out on a
    day not yet come, most often a year or month mistyped, which would count the periods up to it as run and give it
    as the data's last day in the report's facts."""
    today = today or dt.date.today()
    return params.data_as_of is not None and params.data_as_of > today


def kind_inferred(project: object) -> bool:
    """True when the params file does not state the kind and :func:`project_kind` inferred it."""
    return _params_of(project).kind is None


def kind_reason(project: object) -> str:
    """The catalog key of why :func:`project_kind` inferred the kind it did (``kind.reason_<kind>``:
    participant data, expected volumes, or neither)."""
    return KIND_REASONS[project_kind(project)]


# why each kind was inferred (catalog keys): participant data, expected volumes, neither
KIND_REASONS = {"individ": "kind.reason_individ", "ansökan": "kind.reason_ansökan", "struktur": "kind.reason_struktur"}


def _params_of(project: object) -> ProjectParams:
    """The params of a :class:`~evaltools.data.project.Project`, or the params themselves."""
    params = getattr(project, "params", project)
    if not isinstance(params, ProjectParams):
        raise TypeError(f"expected a Project or ProjectParams, got {type(project).__name__}")
    return params
