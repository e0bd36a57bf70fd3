"""The benefit worked out from the measured effect (the comparison group's DiD) is applied to the participants the
payments follow, whom the DiD measured, not to a participant the payments file does not show (on sickness
benefit at start, with no rows): applied to everyone, it counted a fall in försörjningsstöd for a person the
estimate says nothing of. The section says to whom it applies, without two counts that tell how few are left
out. The project is test_recompute_53's: six participants, D5 on sjukpenning with no payment rows."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.analysis.costbenefit import effect_based
from evaltools.present.sections import costbenefit as cb_section

from .test_recompute_53 import _project


def test_the_measured_effect_is_applied_to_the_participants_the_payments_follow(tmp_path):
    project = _project(tmp_path)
    eb = effect_based(project, draws=0)
    assert eb is not None
    # five participants (D1–D4, D6) have payment rows, six are enrolled; each is a household of their own
    assert (eb.participants, eb.enrolled, eb.households) == (5, 6, 5)
    # horizon 1 year, no drop-off, no discounting, flat KPI (price factor 1), everyone started 2023-01: the measured
    # fall each month for 12 months for each of the five (before: for six, a sixth more)
    assert eb.pv_avoided_fs == pytest.approx(-eb.did_effect * 12 * 5)


def test_the_section_says_it_applies_to_those_the_payments_file_shows_without_telling_how_few_are_not(tmp_path):
    r = et.Report(_project(tmp_path), lang="sv")
    eb = r.cba.effect_based
    said = cb_section._applies(r, eb)
    # one left out, below the project's threshold of 2: no "5 av 6"
    assert said == ("gäller de deltagare som utbetalningsfilen visar, från start (effekten är uppmätt på dem; några "
                    "deltagare finns inte i filen)")
    en = cb_section._applies(et.Report(r.project, lang="en"), eb)
    assert en.startswith("applies to the participants the payments file shows")


def test_with_enough_left_out_both_counts_are_given(tmp_path):
    _project(tmp_path)
    # D6's rows taken out of the payments file too: four followed of six, two left out (the threshold is 2)
    pays = tmp_path / "data" / "payments.csv"
    pays.write_text("".join(line for line in pays.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("D6,")), encoding="utf-8")
    r = et.Report(et.load_project(tmp_path / "rakna53.yaml"), lang="sv")
    assert (r.cba.effect_based.participants, r.cba.effect_based.enrolled) == (4, 6)
    assert cb_section._applies(r, r.cba.effect_based) == (
        "gäller de 4 av 6 deltagare som utbetalningsfilen visar, från start (effekten är uppmätt på dem)")
