"""HTML from templates (:mod:`evaltools.words.markup`, where it imports no statistics: the renderer writes the
reports' index with it), named here as the presentation layer's sections have always imported it."""
from __future__ import annotations

from ..words.markup import Written, cell, environment, keep_units, lang_of, markup, render, units, written

__all__ = ["Written", "cell", "environment", "keep_units", "lang_of", "markup", "render", "units", "written"]
