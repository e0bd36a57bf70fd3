"""Charts: one panel per breakdown chart, suppressed counts marked not drawn, labels inside the figure."""
import matplotlib
import pytest

import evaltools as et
from evaltools.present import plots
from evaltools.words.labels import with_breakdown_labels

from .conftest import PARAMS as PARAMS_DIR
from .conftest import SAMPLE_PROJECTS, sample_portfolio

matplotlib.use("agg")


@pytest.fixture(scope="module")
def timra():
    return et.load_project(PARAMS_DIR / "timra-vagen-ut.yaml")


def _inside(fig) -> bool:
    """Every text drawn lies within the figure (nothing clipped by the layout)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    def shown(ax, labels, i):  # tick labels whose tick lies within the axis' view (the ones drawn)
        lo, hi = sorted(ax.get_xlim() if i == 0 else ax.get_ylim())
        return [t for t in labels if lo - 1e-9 <= t.get_position()[i] <= hi + 1e-9]

    from matplotlib.text import Text
    texts = [t for ax in fig.axes if ax.get_visible()
             for t in shown(ax, ax.get_yticklabels(), 1) + shown(ax, ax.get_xticklabels(), 0)
             + [c for c in ax.get_children() if isinstance(c, Text)]  # titles, axis labels, annotations
             if t.get_visible() and t.get_text()]
    return all(box.x0 - 1 <= (b := t.get_window_extent(renderer)).x0 and b.x1 <= box.x1 + 1
               and box.y0 - 1 <= b.y0 and b.y1 <= box.y1 + 1 for t in texts)


def test_composition_is_one_panel_with_headings_and_marks_small_counts(timra):
    comp = et.composition(timra, lang="sv")
    fig = plots.plot_composition(comp, lang="sv")
    (ax,) = fig.axes
    labels = [t.get_text() for t in ax.get_yticklabels()]
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == list(dict.fromkeys(with_breakdown_labels(comp.table, "sv")["variable_label"]))
    assert len(labels) == len(comp.table) + len(bold)
    # a category shown as "<5" in the table gets no bar, only the mark
    small = comp.table[comp.table["n"].astype(str) == "<5"]
    assert len(small) >= 1
    marks = [t.get_text() for t in ax.texts]
    assert marks.count("<5") == len(small)
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths.count(0.0) >= len(small)
    assert _inside(fig)


def test_forest_plot_has_the_overall_rate_and_fits(timra):
    rates = et.outcome_rates(timra, lang="sv")
    fig = plots.plot_outcome_rates(rates, lang="sv")
    (ax,) = fig.axes
    first = ax.get_yticklabels()[0].get_text()
    # 31 of 52 ended with success in the final report: 59,6 %
    assert first == "Alla avslutade: 59,6\u00a0%"
    assert _inside(fig)


def test_goal_panels_keep_long_goal_titles_inside(timra):
    # Timrå's goals have titles of up to 96 characters, wrapped over the two-column grid
    fig = plots.plot_goals(et.assess_goals(timra), "sv")
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert any(len(t.replace("\n", " ")) > 80 for t in titles)
    assert not any(t.endswith("…") for t in titles), "no goal title is cut short"
    assert _inside(fig)


def test_single_panel_layout_keeps_long_labels_inside():
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(plots.WIDTH, 2))
    ax.barh([0, 1], [3, 4])
    ax.set_yticks([0, 1], ["Kort", "En mycket lång kategori med åäö som inte får klippas av"])
    ax.set_xlabel("Antal")
    plots._fit(fig, ax)
    assert _inside(fig)
    plt.close(fig)


def test_portfolio_chart_keeps_titles_and_names_inside():
    folio = sample_portfolio(tuple(SAMPLE_PROJECTS), "sv")
    fig = plots.plot_portfolio(folio.table, "sv")
    rate, cost = fig.axes
    # one row per project, the ex-ante and the structural project (no ended participants) without a point
    # (whatever projects params/ holds: the samples include one ex-ante project)
    assert len(rate.get_yticklabels()) == len(folio.table) and folio.table["success_rate"].isna().sum() >= 1
    assert len(rate.lines) == 3 * folio.table["success_rate"].notna().sum()  # marker, two caps per project with a rate
    assert _inside(fig)


def test_goal_count_labels_do_not_sit_on_the_target_mark():
    # Kompassen's year 1: 57 participants against a target of 60, so a label above the bar would
    # cross the target mark
    project = et.load_project(PARAMS_DIR / "kompassen-demo.yaml")
    fig = plots.plot_goals(et.assess_goals(project), "sv")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    checked = 0
    for ax in fig.axes:
        marks = [c for c in ax.collections if c.get_offsets().shape[0]]  # the target marks (scatter)
        if not ax.texts or not marks:
            continue
        targets = ax.transData.transform(marks[0].get_offsets())
        for label in ax.texts:
            box = label.get_window_extent(renderer)
            assert box.y1 <= ax.get_window_extent(renderer).y1, f"label {label.get_text()} runs into the title"
            for tx, ty in targets:
                if box.x0 <= tx <= box.x1:
                    assert not box.y0 <= ty <= box.y1, f"label {label.get_text()} covers the target mark"
                    checked += 1
    assert checked == 3
    assert "57" in [t.get_text() for ax in fig.axes for t in ax.texts]


def test_sensitivity_labels_read_as_words():
    # the tornado's end labels come from the registry's words (evaltools.words.assumptions)
    from evaltools.words.assumptions import end_text
    assert end_text("horizon_years", 1, "en") == "1 year"
    assert end_text("horizon_years", 5, "en") == "5 years"
    assert end_text("horizon_years", 1, "sv") == "1 år"
    assert end_text("cost", 1.1, "sv") == "+10\u00a0%"
    assert end_text("monthly_level", 0.75, "sv") == "\u221225\u00a0%"
    assert end_text("skattefaktor", 1.5, "sv") == "1,5"  # (it read "2" when rounded to a whole number)


def test_a_share_of_100_percent_draws_even_when_its_interval_ends_a_rounding_error_below(tiny_project):
    # 7 of 7: statsmodels' Wilson upper bound is 0.9999999999999999, so the upper error bar came out
    # as -1e-16 and matplotlib refused to draw the goal chart
    from statsmodels.stats.proportion import proportion_confint

    from .conftest import participants_frame, write_csv
    assert proportion_confint(7, 7, method="wilson")[1] < 1
    rows = [(f"P{i}", "kvinna", 1980 + i, "ensamstående", "2022-02-01", "2022-06-01", "arbete") for i in range(1, 8)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    project = et.load_project(tiny_project("""\
        goals:
          - {id: egen, kind: share, label: Minst 40 % till arbete, target: 0.4, period: whole_period, denominator: exits}
        """))
    goals = et.assess_goals(project)
    assert goals.table.iloc[0]["value"] == 1.0
    fig = plots.plot_goals(goals, "sv")
    assert _inside(fig)


def test_fisher_test_on_a_table_with_a_p_value_array():
    # 3 x 2 with margins (1, 1, 1) x (1, 2): the single count in the first column can lie in any of the
    # three rows with probability 1/3 each, so every table is as likely as the observed one: p = 1
    import numpy as np

    from evaltools.analysis.cohorts import _test
    test, p = _test(np.array([[0, 1], [1, 0], [0, 1]]))
    assert test == "Fisher" and isinstance(p, float) and p == pytest.approx(1.0)
