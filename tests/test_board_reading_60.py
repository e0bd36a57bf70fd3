"""Page by page as the board reads the samples, a sixtieth time, in Swedish and in English: Specialistteamet's page 1
saying in one sentence that its third year is still running twice ("uppnått under de perioder som har slutat; en
period pågår ännu – … 23 hittills år 3, som pågår"). Expected values are worked out by hand from the samples' files
and the tiny projects' rows in the comments, not taken from the code's output."""
from __future__ import annotations

import html
import re

import pytest


NBSP = "\u00a0"


def _shown_text(page: str) -> list[str]:
    """The rendered HTML's text, one line per element, scripts and styles left out."""
    body = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    lines = html.unescape(re.sub(r"<[^>]+>", "\n", body)).replace(NBSP, " ").split("\n")
    return [" ".join(line.split()) for line in lines if line.strip()]


# --- A. page 1 says a running period runs once, where its figures name it ---------------------------------------

@pytest.mark.parametrize("lang, goal, said, running", [
    # params/eskilstuna-specialistteamet.yaml: 40–50 persons a year, project years from 2024-04-01; the data run to
    # 2026-10-31, so year 3 (2026-04-01 – 2027-03-31, cut at the planned end 2026-12-31) has run 7 months: its
    # figure is "so far" and the line names it as running, so the verdict does not say it again
    ("sv", "40–50 personer per år till egen försörjning",
     "uppnått under de perioder som har slutat – 43 år 1, 46 år 2 och 23 hittills år 3, som pågår "
     "(målet för de 7 månader som gått är 23).", "pågår"),
    ("en", "40–50 persons a year to own support",
     "achieved in the periods that have ended – 43 in year 1, 46 in year 2 and 23 so far in year 3, still running "
     "(target 23 for the 7 months so far).", "running"),
])
def test_specialistteamets_page_one_says_once_that_a_year_is_still_running(sample_reports, sample_reports_en, lang,
                                                                            goal, said, running):
    rendered = sample_reports if lang == "sv" else sample_reports_en
    folder = rendered.out / "eskilstuna-specialistteamet" / ("" if lang == "sv" else "en")
    lines = _shown_text((folder / "eskilstuna-specialistteamet.html").read_text(encoding="utf-8"))
    line = next(s for s in lines if s.startswith(goal))  # (page 1's, before the goal table's label)
    assert line.endswith(said), line
    assert line.count(running) == 1, line
