"""Where fewer than five left försörjningsstöd, the calculation is given as a range over the counts the project can
have (tests/test_small_counts_22.py). Where one exit adds nothing for the public financiers (the three young people of
tests/test_unseen_projects_25.py's UVAS project who left försörjningsstöd all went to komvux: the municipality's
saving is the state's study support), every count gives the same figures: page 1 says them once, with why, not as a
range from a value to itself ("mellan 0 och 0 kr", "mellan −6 064 120 och −6 064 120 kr"), and no break-even of
"–" persons. Expected words by hand from the UVAS project's cost (6 064 120 kr to the public financiers as present
value, 7 883 360 kr net for society, as its key figures state them)."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.sections import summary

from .test_unseen_projects_25 import _uvas


@pytest.mark.parametrize("lang, said", [
    ("sv", ["Besparingen är därför 0 kr och nettonuvärdet −6,1 miljoner kronor, hur många de än är: de som lämnade "
            "försörjningsstödet fick i stället studiestöd eller en annan ersättning som staten betalar.",
            "För samhället som helhet är nettonuvärdet −7,9 miljoner kronor, hur många de än är."]),
    ("en", ["The saving is therefore SEK 0 and the net present value SEK −6.1 million, however many they are: those "
            "who left social assistance got study support or another benefit the state pays instead.",
            "For society as a whole, the net present value is SEK −7.9 million, however many they are."]),
])
def test_a_range_that_no_count_moves_is_said_once_with_why(tmp_path, lang, said):
    r = et.Report(_uvas(tmp_path), lang=lang)
    er = r.cba.summary.exit_range
    assert er is not None and (er.low, er.high) == (1, 4)  # three exits, shown as "fewer than 5"
    assert er.lead.per_exit == pytest.approx(0, abs=0.5)
    worth = [s.replace("\xa0", " ") for s in summary.worth(r)]
    text = " ".join(worth)
    for sentence in said:
        assert sentence in text, (sentence, text)
    # (the net present value the same at any count says whether the saving carries the cost: no verdict repeats it)
    for nothing in ("mellan 0 och 0", "between 0 and 0", "krävs – personer", "takes – persons", "−6 064 120",
                    "hur många det än hade varit", "however many there had been"):
        assert nothing not in text
