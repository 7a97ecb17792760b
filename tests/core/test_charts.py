"""Where the charts' lines and bars go, with known answers."""

from together.core.charts import bar_chart, line_chart, percent_tick, round_top


def test_the_scale_tops_out_at_a_round_number_above_the_largest_value():
    assert [round_top(v) for v in (0, 0.4, 1, 3, 7, 10, 11, 240)] == [1, 1, 1, 5, 10, 10, 20, 500]


def test_a_line_breaks_where_a_value_is_missing_and_a_lone_value_is_a_dot():
    # 4 values across 100 points of plot (from x=56), 100 high (from y=12), scale 0 to 10.
    drawing = line_chart([10, 5, None, 0], ["a", "b", "c", "d"], width=172, height=148)
    assert drawing.lines == ["56.0,12.0 89.3,62.0"]
    assert drawing.dots == [(156.0, 112.0)]
    assert [(t.y, t.text) for t in drawing.ticks] == [(112.0, "0"), (62.0, "5"), (12.0, "10")]
    assert [(label.x, label.text) for label in drawing.labels] == [
        (56, "a"),
        (122.7, "c"),
        (156.0, "d"),
    ]


def test_a_bar_chart_has_a_bar_for_every_value_standing_on_the_axis():
    drawing = bar_chart([2, 0, 1, None], ["a", "b", "c", "d"], top=2, width=172, height=148)
    assert [(b.x, b.y, b.width, b.height) for b in drawing.bars] == [
        (58.5, 12.0, 20.0, 100.0),
        (83.5, 112.0, 20.0, 0.0),
        (108.5, 62.0, 20.0, 50.0),
    ]
    assert [label.x for label in drawing.labels] == [56, 118.5, 156]


def test_shares_are_drawn_from_nothing_to_all_in_per_cent():
    drawing = line_chart([0.25, 0.5], ["a", "b"], top=1.0, tick_text=percent_tick)
    assert [t.text for t in drawing.ticks] == ["0%", "50%", "100%"]
