"""The toolkit's documents for its users, where this copy of the toolkit keeps them.

Messages and the params template send the evaluator to ``docs/<name>.md`` (the data contract above
all). A clone of the repository has that folder beside the package. A wheel installed with pip has
no such folder: the documents travel inside the package, in ``evaltools/docs/``, copied there when
the wheel is built (``_build_docs.py`` in the repository). ``evaltools docs`` lists them and prints
one, and a command that names a document its user's folder does not have says where it is.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..data.paths import project_root

PACKAGE = Path(__file__).resolve().parents[1]
# a document named in a message: docs/data-contract.md
MENTION = re.compile(r"\bdocs/([a-z0-9][a-z0-9-]*)\.md\b")


def folder() -> Path | None:
    """The folder of this copy's documents: the installed package's ``docs/``, else the clone's
    ``docs/`` beside the package (an editable install, a checkout); None if neither exists."""
    for candidate in (PACKAGE / "docs", PACKAGE.parent / "docs"):
        if (candidate / "data-contract.md").is_file():
            return candidate
    return None


def documents() -> dict[str, Path]:
    """Each document by its name (the file's name without ``.md``), in name order."""
    where = folder()
    return {} if where is None else {p.stem: p for p in sorted(where.glob("*.md"))}


def title(path: Path) -> str:
    """A document's first heading, without its ``#`` marks ('' if it has none)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                return line.lstrip("#").strip()
    return ""


def unreachable(names: set[str]) -> dict[str, Path]:
    """Of the documents ``names`` (as in ``docs/<name>.md``), those the user's project folder has no copy of,
    with where this copy of the toolkit keeps them: a message's ``docs/…`` then leads somewhere."""
    docs = documents()
    here = project_root() / "docs"
    return {n: docs[n] for n in sorted(names) if n in docs and not (here / f"{n}.md").is_file()}
