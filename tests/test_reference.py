import pytest

from evaltools.data import reference as ref


def test_riksnorm_single_adult_2023_matches_domain_figure():
    # personal 3 490 + shared (1 person) 1 130 = 4 620 kr/month (Ängelholm budgetnorm 2023)
    total, used = ref.household_norm(2023, "ensamstående")
    assert total == 4620
    assert [u.confidence for u in used] == ["M", "M"]


def test_missing_year_is_flagged_not_silent():
    v = ref.riksnorm(2025, "adult_single")
    assert v.flagged and v.confidence == "FALLBACK"
    assert "riksnormen för 2025 saknas" in v.note  # (a Swedish note: it is printed in the report)


def test_params_override_wins():
    v = ref.riksnorm(2025, "adult_single", overrides={"2025:adult_single:": 3900})
    assert v.value == 3900 and v.confidence == "params"


def test_price_factor_is_kpi_ratio():
    f, _ = ref.price_factor(2018, 2019)
    assert f == pytest.approx(334.26 / 328.40)


def test_every_reference_row_has_source_and_confidence():
    for t in (ref.riksnorm_table(), ref.kpi_table(), ref.default_assumptions()):
        assert t["source"].notna().all() and (t["source"].str.len() > 5).all()
        assert t["confidence"].isin(["H", "M", "L", "EST"]).all()
