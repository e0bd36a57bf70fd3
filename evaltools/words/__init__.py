"""The words layer: the catalogs of words per language, labels and number formats. Imports the
layers below it."""
