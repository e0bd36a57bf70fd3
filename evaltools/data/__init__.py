"""The data layer: the data contract (schema), params, reading and validating input files, the
project, paths, errors and the personnummer guard. Imports nothing else of the package."""
