"""The publishing layer: the command line, rendering notebooks to HTML and PDF, kernels, the
workbook and CSV exports, the index of reports."""
