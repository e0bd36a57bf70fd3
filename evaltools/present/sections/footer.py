"""About this report (in the appendix): toolkit version, run time, checksums and the params file as written."""
from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import yaml

from ..._version import __version__
from ..display import Table, Text
from ..markup import render
from ...data.messages import shown
from ...data.privacy import find_personnummer, public_name


def params_text(p) -> str:
    """The params file as written (a byte-order mark at its start left out, each character that shows nothing or
    turns the text's direction written as its code, ``[U+202E]``: the loader removes them from the texts it
    reads), or the parameters as YAML when there is no file."""
    if p.source_path:
        return shown(p.source_path.read_text(encoding="utf-8").removeprefix("\ufeff"))
    return yaml.safe_dump(p.model_dump(mode="json", exclude_defaults=True), allow_unicode=True, sort_keys=False)


def rows(r, now: dt.datetime | None = None) -> list[tuple[str, str]]:
    p, msg = r.params, r.msg
    # every file by the name it goes by, or a neutral one when that name (or a link's target) looks
    # like a personnummer (privacy.public_name); the loader refuses such names, this is the last guard
    params_name = public_name(p.source_path, "params") if p.source_path else "–"
    out = [(msg("footer.toolkit"), f"evaltools {__version__}"),
           (msg("footer.run"), (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")),
           (msg("footer.params_file"), params_name)]
    out += [(f"SHA-256 {public_name(name) if find_personnummer(name) else name}", digest)
            for name, digest in r.project.checksums.items()]
    if p.source_path:
        out.append((f"SHA-256 {params_name}", hashlib.sha256(p.source_path.read_bytes()).hexdigest()))
    return out


def blocks(r) -> list[list]:
    from IPython.display import HTML
    msg = r.msg
    frame = pd.DataFrame(rows(r), columns=[msg("common.item"), msg("common.value")])
    # (the run's identity read as one, as the project's facts are: split, its last checksums and the params note that
    # calls them "above" made a last page of their own, under a repeated header, in Språngbrädan's English report)
    return [[Text([], msg("footer.heading"), 3), Table(frame, whole=True),
             HTML(render("params.html.j2", heading=msg("footer.params_used"), note=msg("footer.params_note"),
                         text=params_text(r.params), print_note=msg("footer.print_note")))]]
