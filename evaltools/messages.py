"""Every message the loader and the params check give about input data, in Swedish and English.

The words are in the report's catalogs (``evaltools/locales/sv.yaml`` and ``en.yaml``) under
``messages.<id>``; a message is looked up by its id and filled in with named values::

    >>> from evaltools.messages import message
    >>> message("cell.empty", "en", expected="a date written YYYY-MM-DD")
    'the cell is empty; expected a date written YYYY-MM-DD'

Swedish is the default language; English is the option.
"""
from __future__ import annotations

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"
PREFIX = "messages."  # the messages' place in the catalogs


def message(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The message ``key`` in ``lang`` (``"sv"`` or ``"en"``), filled in with ``values``.

    A value that differs by language is given twice, with the language as suffix
    (``expected_sv=..., expected_en=...``); the one for ``lang`` fills ``{expected}``.

    Raises
    ------
    KeyError
        If there is no message ``key``.
    """
    # imported here: evaltools.text imports evaltools.errors, which imports this module
    from .text import catalog

    if lang not in LANGS:
        lang = DEFAULT_LANG
    template = catalog(lang).messages.get(PREFIX + key)
    if template is None:
        raise KeyError(key)
    filled = dict(values)
    for name, value in values.items():  # a value given per language: expected_sv, expected_en, ...
        base, _, suffix = name.rpartition("_")
        if suffix == lang and base:
            filled[base] = value
    # not text.msg(): a message may be given values it does not show (the other language's, or
    # a code kept for the problem's record); a placeholder without a value is still a KeyError
    return template.format_map(filled)


def quote(value: object) -> str:
    """A cell value as messages show it: in single quotes, shortened if very long."""
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return "'" + text.replace("'", "’") + "'"
