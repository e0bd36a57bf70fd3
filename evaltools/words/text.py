"""Report wording: every sentence, heading and label a report shows, looked up by key and language.

The words live in one YAML catalog per language, ``evaltools/locales/sv.yaml`` and ``en.yaml``;
Python decides *which* message applies and computes the values, the catalog says *how* it is
said. Keys are dotted paths into the catalog (``summary.participants``); values fill named
placeholders (``{n}``), already formatted by :mod:`evaltools.words.formats`.

A message is either a string or a plural pair ``{one: ..., other: ...}`` chosen by a count
(:func:`plural`). Both catalogs hold the same keys with the same placeholders (the tests check).

A förbund can reword messages for one project in ``params/wording/<project-id>.<lang>.yaml``
beside its params file (see ``docs/wording.md``); :func:`project_catalog` loads it. An override file is
treated as untrusted input: safe YAML, bounded size, only known keys, exactly the placeholders the
package's message has, plain ``{name}`` fields only. Any problem is a :class:`TextError` naming
the file and key, raised when the report starts, never a half-filled sentence.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache
from pathlib import Path

import yaml

from ..data.errors import EvaltoolsError
from ..data.messages import LOCALES_DIR, shorten
from ..data.params import CONTROL_CHARACTERS, yaml_problem
from ..data.privacy import find_personnummer, find_phone, redact
from .formats import NBSP, capitalized, number_word

LANGS = ("sv", "en")
PLURAL_FORMS = frozenset({"one", "other"})
MAX_OVERRIDE_BYTES = 256 * 1024  # (room for a förbund that copies the whole catalog to reword it)
# messages a förbund may reword: the report's own sentences and headings (not the labels that
# analysis modules print into their tables, nor the render index)
OVERRIDABLE = ("report.", "summary.", "facts.", "goals.", "participants.", "outcomes.", "time.", "payments.",
               "budget.", "costbenefit.", "quality.", "method.", "footer.", "title.")

Message = str | dict[str, str]

_FORMATTER = string.Formatter()
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class TextError(EvaltoolsError, ValueError):
    """A catalog or an override file that cannot give a correct sentence.

    The message never repeats anything shaped like a personnummer (a key, a value or a YAML
    error's excerpt of the file): it passes through :func:`evaltools.data.privacy.redact`.
    """

    def __init__(self, message: str):
        super().__init__(redact(str(message)))


class TemplateError(ValueError):
    """A message template that is not plain ``{name}`` fields: ``shown`` is the field refused (``{x.y}``), or empty
    for a brace never closed or opened."""

    def __init__(self, message: str, shown: str = ""):
        super().__init__(message)
        self.shown = shown


@lru_cache(maxsize=4096)
def placeholders(template: str) -> frozenset[str]:
    """The named placeholders of ``template``; anything but a plain ``{name}`` is refused.

    Attribute and index access (``{x.y}``, ``{x[0]}``), conversions (``{x!r}``), format specs
    (``{x:>5}``) and positional fields (``{}``) are errors: values come formatted, and a template
    must not reach into them.
    """
    names = set()
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError as e:  # an unmatched brace
        raise TemplateError(f"not a valid message template ({e}); write a literal brace as {{{{ or }}}}") from None
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier() or conversion or spec:
            shown = "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise TemplateError(f"placeholder {shown} is not allowed; use a plain name such as {{n}}", shown)
        names.add(field)
    return frozenset(names)


def message_placeholders(message: Message) -> frozenset[str]:
    """Placeholders of a message; for a plural pair, of both forms together."""
    if isinstance(message, dict):
        return frozenset().union(*(placeholders(v) for v in message.values()))
    return placeholders(message)


def _wording(which: str, lang: str | None, english: str, /, **values: str) -> str:
    """The problem of a wording file in the evaluator's language ``lang`` (``messages.wording.<key>``); the
    package's own catalogs (``lang`` None) are the toolkit's, and their problems are told in English. ``which`` is
    the message's key (``messages.wording.*``)."""
    return english if lang is None else msg(which, lang, **values)


def _flatten(tree: dict, source: str, prefix: str = "", lang: str | None = None) -> dict[str, Message]:
    out: dict[str, Message] = {}
    for k, v in tree.items():
        key = f"{prefix}{k}"
        if not isinstance(k, str):
            raise TextError(_wording("messages.wording.key_not_text", lang, f"{source}: key {key!r} is not text", path=source,
                                     key=shorten(repr(k))))
        if isinstance(v, str):
            out[key] = v
        elif isinstance(v, dict) and v and set(v) <= PLURAL_FORMS and all(isinstance(x, str) for x in v.values()):
            if set(v) != PLURAL_FORMS:
                raise TextError(_wording("messages.wording.plural_forms", lang,
                                         f"{source}: {key}: a plural message needs both 'one' and 'other', got "
                                         f"{sorted(v)}", path=source, key=key, got=", ".join(sorted(v))))
            out[key] = dict(v)
        elif isinstance(v, dict):
            out.update(_flatten(v, source, key + ".", lang))
        else:
            raise TextError(_wording("messages.wording.not_text", lang, f"{source}: {key}: expected text, got {type(v).__name__} {v!r}",
                                     path=source, key=key, got=shorten(repr(v))))
    return out


def _safe_load(text: str, source: str, lang: str | None = None) -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        tree = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader: no tags, no code
    except yaml.YAMLError as e:
        raise TextError(_wording("messages.wording.not_yaml", lang, f"{source}: not valid YAML: {e}", path=source,
                                 problem=yaml_problem(e, text, lang or "en"))) from None
    except (ValueError, OverflowError) as e:  # a date that does not exist (2024-13-01) as a text's value
        raise TextError(_wording("messages.wording.no_date", lang, f"{source}: a value YAML reads as a date is no date that exists "
                                 f"({e}); put the text in quotes", path=source)) from None
    if tree is None:
        return {}
    if not isinstance(tree, dict):
        raise TextError(_wording("messages.wording.not_mapping", lang, f"{source}: expected a mapping of message keys to text, got "
                                 f"{type(tree).__name__}", path=source, got=shorten(repr(tree))))
    return tree


class Catalog:
    """The messages of one language (with a project's overrides, if any)."""

    def __init__(self, lang: str, messages: dict[str, Message], sources: dict[str, str] | None = None):
        self.lang = lang
        self.messages = messages
        self.sources = sources or {}  # key -> override file, for error messages

    def __contains__(self, key: str) -> bool:
        return key in self.messages

    def _get(self, key: str) -> Message:
        try:
            return self.messages[key]
        except KeyError:
            raise KeyError(f"no message {key!r} in the {self.lang!r} catalog") from None

    def _fill(self, key: str, template: str, values: dict) -> str:
        counted = RUNNING_COUNTS.get(key)
        if counted:
            values = _count_words(values, counted, self.lang)
        if self.lang != "sv":  # (the catalog's own words: a value quoting the project's text keeps it as written)
            template = _PERCENT_SPACE.sub("", template)
        try:
            text = template.format_map(values)
        except KeyError as e:
            src = self.sources.get(key, f"locales/{self.lang}.yaml")
            raise TextError(f"{src}: {key}: no value for placeholder {e}") from None
        if counted and template.startswith("{") and template.endswith("."):  # a sentence opened by a count: "Tre termer …"
            text = capitalized(text)
        # a figure is one word in every language, never two lines in the HTML or the PDF: a number and its unit
        # ("48,6 %", "0 kr"), its thousands ("20 000 kr", "1 000") and a currency before it ("SEK 0") are joined by
        # a non-breaking space, which only keeps them on one line. In English a number and its per cent are written
        # together ("48.6%") in the catalog's own words (above) and the toolkit's figures
        # (evaltools.words.formats), while a value quoting the project's text (a goal's label from the
        # application: "Minst 35 % av de avslutade") is quoted as written, its figures kept on one line as well
        return keep_figures(text)

    def msg(self, key: str, /, **values) -> str:
        """The message ``key`` with its placeholders filled from ``values``."""
        m = self._get(key)
        if isinstance(m, dict):
            raise TypeError(f"{key!r} is a plural message: use plural(key, count, ...)")
        _check_values(key, m, values)
        return self._fill(key, m, values)

    def plural(self, key: str, count: int, /, **values) -> str:
        """The form of ``key`` for ``count`` (``one`` for exactly 1, else ``other``); ``count`` is
        not a placeholder by itself: pass the formatted number as a value if the text shows it."""
        m = self._get(key)
        if not isinstance(m, dict):
            raise TypeError(f"{key!r} is not a plural message: use msg(key, ...)")
        _check_values(key, m, values)
        return self._fill(key, m["one" if count == 1 else "other"], values)

    def join(self, items: list[str], word: str = "common.and") -> str:
        """``a, b och c`` / ``a, b and c``; with ``word`` "common.or", ``a, b eller c`` / ``a, b or c``, as a list
        after a negation is said ("does not differ clearly by sex or age group")."""
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + self.msg(word) + items[-1]


# Counts said in running text: the message key, the placeholders that hold a count, and whether
# the counted noun is neuter (Swedish "ett mål", "en term"). Up to twelve, such a count is written
# in words (docs/skrivregler.md); the caller may pass the count as an int or as its digits.
RUNNING_COUNTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "note.terms_hidden": (("n",), False),
    "note.rate_tests": (("n",), False),
    "outcomes.clear_difference": (("n",), False),
    "outcomes.no_clear_difference": (("n",), False),
    "outcomes.no_clear_difference_shown": (("n",), False),
    "outcomes.tests_note": (("n",), False),
    "summary.goals_other_sources": (("n",), True),
    "budget.missing_actuals": (("n",), False),
    "kind.ex_ante_restates_some": (("k", "n"), True),
    "kind.structural_goals": (("n",), True),
    "kind.structural_goals_own": (("n",), True),
    "kind.ex_ante_goals": (("n",), True),
    "kind.ex_ante_goals_all": (("n",), True),
    "kind.tally_ok": (("n",), True),
    "kind.tally_ok_uncertain": (("n",), True),
    "kind.tally_ok_some_uncertain": (("n", "k"), True),
    "kind.tally_partly": (("n",), True),
    "kind.tally_not": (("n",), True),
    "kind.tally_unassessed": (("n",), True),
    "kind.tally_running": (("n",), True),
    "kind.volumes_partly": (("n",), True),
    "kind.volumes_not": (("n",), True),
}

_PERCENT_SPACE = re.compile(r"(?<=\d)[ \u00a0](?=%)")
# the spaces inside a figure, never broken at the end of a line: between a number and its unit (per cent, kronor),
# between its thousands ("20 000"; not a year after a number: "5 2024" has four digits, "1 000 000" three and
# three), and after a currency before it ("SEK 0", "SEK −1,200")
_FIGURE_SPACE = re.compile(r"(?<=\d) (?=(?:kr|%)(?!\w))|(?<=\d) (?=\d{3}(?!\d))|(?<=\bSEK) (?=[−-]?\d)")


def keep_figures(text: str) -> str:
    """``text`` with the spaces inside its figures (:data:`_FIGURE_SPACE`) made non-breaking, so that no line of
    the HTML or the PDF ends inside one: a filled message of the catalog, and the project's own text wherever a
    report shows it (a budget line named "Lokal 1 200 000 kr", a goal's label "Minst 35 % av de avslutade")."""
    return _FIGURE_SPACE.sub(NBSP, text)


def _count_words(values: dict, counted: tuple[tuple[str, ...], bool], lang: str) -> dict:
    names, neuter = counted
    out = dict(values)
    for name in names:
        v = out.get(name)
        if isinstance(v, str) and v.isdigit():
            v = int(v)
        if isinstance(v, int) and not isinstance(v, bool):
            out[name] = number_word(v, lang, neuter=neuter)
    return out


def _check_values(key: str, message: Message, values: dict) -> None:
    expected = message_placeholders(message)
    given = set(values)
    if given != expected:
        missing, extra = sorted(expected - given), sorted(given - expected)
        raise TypeError(f"message {key!r} takes {sorted(expected)}; missing {missing}, unknown {extra}")


@lru_cache(maxsize=None)
def catalog(lang: str) -> Catalog:
    """The package's catalog for ``lang``, read once per process."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    path = LOCALES_DIR / f"{lang}.yaml"
    messages = _flatten(_safe_load(path.read_text(encoding="utf-8"), str(path)), str(path))
    for key, m in messages.items():
        try:
            message_placeholders(m)
        except ValueError as e:
            raise TextError(f"{path}: {key}: {e}") from None
    return Catalog(lang, messages)


def msg(key: str, lang: str, /, **values) -> str:
    """The package's message ``key`` in ``lang`` with named ``values`` filled in.

    Examples
    --------
    >>> msg("common.and", "sv")
    ' och '
    """
    return catalog(lang).msg(key, **values)


def plural(key: str, lang: str, count: int, /, **values) -> str:
    """The singular or plural form of ``key`` for ``count`` (see :meth:`Catalog.plural`)."""
    return catalog(lang).plural(key, count, **values)


def join(items: list[str], lang: str) -> str:
    """``a, b och c`` / ``a, b and c``."""
    return catalog(lang).join(items)


OVERRIDE_DIR = "wording"


def override_path(params_path: str | Path, lang: str) -> Path:
    """Where a project's own wording lives: ``<params folder>/wording/<project-id>.<lang>.yaml``.

    A folder of its own, so that the wording files are never taken for projects' params files.
    """
    p = Path(params_path)
    return p.parent / OVERRIDE_DIR / f"{p.stem}.{lang}.yaml"


def load_overrides(path: str | Path, lang: str) -> dict[str, Message]:
    """Read and check one override file; every problem in it is listed in one :class:`TextError`, in ``lang``, the
    language the file rewords (the evaluator's)."""
    path = Path(path)
    base = catalog(lang)
    size = path.stat().st_size
    if size > MAX_OVERRIDE_BYTES:
        raise TextError(msg("messages.wording.too_big", lang, path=str(path), size=str(size),
                            limit=str(MAX_OVERRIDE_BYTES)))
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TextError(msg("messages.wording.not_utf8", lang, path=str(path))) from None
    try:  # anchors and aliases could make a small file expand to a huge one: plain text only
        if any(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))):
            raise TextError(msg("messages.wording.aliases", lang, path=str(path)))
    except yaml.YAMLError as e:
        raise TextError(msg("messages.wording.not_yaml", lang, path=str(path),
                            problem=yaml_problem(e, raw, lang))) from None
    messages = _flatten(_safe_load(raw, str(path), lang), str(path), lang=lang)
    problems = []
    for key, m in messages.items():
        texts = list(m.values()) if isinstance(m, dict) else [m]
        # as written, and with every {placeholder} standing for four digits ('811218-{n}' is refused too)
        texts += [_PLACEHOLDER.sub("0000", t) for t in texts]
        if any(find_personnummer(t) for t in texts) or find_personnummer(key):
            problems.append(msg("messages.wording.personnummer", lang, key=redact(key)))
            continue
        if any(find_phone(t) for t in texts):  # (a contact's number in a reworded sentence is published too)
            problems.append(msg("messages.wording.phone", lang, key=key))
            continue
        control = next((hit for t in texts if (hit := CONTROL_CHARACTERS.search(t))), None)
        if control:
            problems.append(msg("messages.wording.control", lang, key=key, code=f"U+{ord(control.group()):04X}"))
            continue
        if key not in base:
            problems.append(msg("messages.wording.unknown", lang, key=shorten(key), lang=lang))
            continue
        if not key.startswith(OVERRIDABLE):
            problems.append(msg("messages.wording.not_overridable", lang, key=key))
            continue
        orig = base.messages[key]
        if isinstance(orig, dict) != isinstance(m, dict):
            problems.append(msg("messages.wording.want_pair" if isinstance(orig, dict) else "messages.wording.want_one",
                                lang, key=key))
            continue
        try:
            have = message_placeholders(m)
        except TemplateError as e:
            problems.append(msg("messages.wording.placeholder", lang, key=key, shown=shorten(e.shown), example="{n}")
                            if e.shown else msg("messages.wording.open_brace", lang, key=key, example="{n}"))
            continue
        want = message_placeholders(orig)
        if have != want:
            lost, added = sorted(want - have), sorted(have - want)
            parts = ([msg("messages.wording.drops", lang, names=", ".join("{" + x + "}" for x in lost))] if lost
                     else []) + ([msg("messages.wording.adds", lang, names=", ".join("{" + x + "}" for x in added))]
                                 if added else [])
            problems.append(msg("messages.wording.placeholders", lang, key=key, what=msg("common.and", lang).join(parts),
                                want=", ".join("{" + x + "}" for x in sorted(want))
                                or msg("messages.wording.no_placeholders", lang)))
    if problems:
        raise TextError(msg("messages.wording.cannot_use", lang, path=str(path)) + "\n  " + "\n  ".join(problems))
    return messages


def project_catalog(params_path: str | Path | None, lang: str) -> Catalog:
    """The catalog for one project's report: the package's messages with the project's own
    wording from :func:`override_path`, if that file exists."""
    base = catalog(lang)
    if params_path is None:
        return base
    path = override_path(params_path, lang)
    if not path.is_file():
        return base
    own = load_overrides(path, lang)
    return Catalog(lang, {**base.messages, **own}, {k: str(path) for k in own})
