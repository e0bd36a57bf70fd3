"""The presentation layer: report sections, charts, notebook displays, the what-if panel and the
portfolio. It renders the analysis layer's results in the words layer's language; nothing here
computes a figure."""
from . import results as _results  # noqa: F401 - registers how analysis results show themselves
