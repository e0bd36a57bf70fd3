"""Build step: the wheel carries the user's documents.

Messages, the params template and the README send the evaluator to ``docs/<name>.md``. A clone has
that folder; a wheel installed with pip has only the package. This ``build_py`` copies the documents
written for users (all of ``docs/*.md`` but the developers' own) into the build's ``evaltools/docs/``,
where ``evaltools docs`` finds them (:mod:`evaltools.publish.guide`). An editable install reads the
clone's ``docs/`` and gets no copy.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

# written for the toolkit's developers, not for the evaluator who installs it
DEVELOPER_DOCS = frozenset({"architecture.md", "benchmarks.md"})


class BuildPy(build_py):
    """``build_py``, then the user's documents into the build's package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        source = Path(__file__).resolve().parent / "docs"
        target = Path(self.build_lib) / "evaltools" / "docs"
        target.mkdir(parents=True, exist_ok=True)
        for doc in sorted(source.glob("*.md")):
            if doc.name not in DEVELOPER_DOCS:
                shutil.copyfile(doc, target / doc.name)
