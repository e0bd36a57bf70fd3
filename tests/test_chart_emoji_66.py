"""A chart prints no emoji: the chart font (DejaVu Sans) has no glyph for them and drew an empty box where a goal's
label, a title or a category the project wrote held one (the budget chart's labels were already cleaned)."""
import pytest


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_goal_charts_title_has_no_emoji_box(tiny_project, lang):
    import evaltools as et
    from evaltools.present.plots import plot_goals
    params = tiny_project("""\
        goals:
          - {id: deltagare, kind: participant_count, label: "Minst 2 deltagare per år 🎯", target: 2}
        """)
    fig = plot_goals(et.assess_goals(et.load_project(params), lang=lang), lang)
    texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    title = next(t for t in texts if t.startswith("Minst 2 deltagare"))
    assert "🎯" not in "".join(texts)
    assert title.replace("\n", " ").startswith("Minst 2 deltagare per år")
    assert "  " not in title  # (no doubled space where the emoji stood)
