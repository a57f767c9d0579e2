"""Each figure is checked for what a reader would see: panels, bars, tick labels, axis labels."""
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from dvtopics.report import plots

TYPES = ["sơ_kết_6_tháng", "giao_ban_quý", "ban_chỉ_đạo", "khác"]


def bars(ax) -> list[Rectangle]:
    """The bars of an axes (its rectangles, without the frame)."""
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def ticks(labels) -> list[str]:
    return [t.get_text() for t in labels]


def cell_texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_confusion_matrix_shows_counts_with_labels_on_both_axes():
    matrix = np.array([[3, 1, 0, 0], [0, 2, 0, 0], [0, 0, 4, 1], [1, 0, 0, 5]])
    fig = plots.confusion_matrix_figure(matrix, TYPES)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]  # the second axes is the colour bar
    assert ticks(ax.get_xticklabels()) == TYPES
    assert ticks(ax.get_yticklabels()) == TYPES
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Predicted label", "True label")
    assert np.array_equal(ax.images[0].get_array(), matrix)
    assert cell_texts(ax)[:4] == ["3", "1", "0", "0"]
    colorbar_ticks = fig.axes[1].get_yticks()
    assert all(float(t).is_integer() for t in colorbar_ticks)  # counts, not fractions of an article


def test_confusion_matrix_normalised_rows_are_shares():
    fig = plots.confusion_matrix_figure([[1, 3], [0, 0]], ["a", "b"], normalize=True)
    data = fig.axes[0].images[0].get_array()
    assert data[0].tolist() == [0.25, 0.75] and data[1].tolist() == [0, 0]  # an empty row stays empty


def test_confusion_matrix_rejects_a_matrix_that_does_not_fit_the_labels():
    with pytest.raises(ValueError, match="3×3"):
        plots.confusion_matrix_figure(np.eye(2), ["a", "b", "c"])


def test_label_counts_has_one_bar_per_label_in_order():
    counts = {"sơ_kết_6_tháng": 5, "giao_ban_quý": 2, "khác": 9}
    ax = plots.label_counts_figure(counts).axes[0]
    assert [b.get_width() for b in bars(ax)] == [5, 2, 9]
    assert ticks(ax.get_yticklabels()) == list(counts)
    assert ax.get_xlabel() == "Articles"
    assert [t.get_text() for t in ax.texts] == ["5", "2", "9"]  # the counts are written on the bars


def test_confidence_histogram_counts_every_confidence():
    confidences = [0.1, 0.55, 0.56, 0.9, 0.99]
    ax = plots.confidence_histogram_figure(confidences, bins=10).axes[0]
    heights = [b.get_height() for b in bars(ax)]
    assert len(heights) == 10 and sum(heights) == 5
    assert all(float(t).is_integer() for t in ax.get_yticks())  # whole articles
    assert ax.get_xlim() == (0, 1)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Confidence", "Articles")


def test_confidence_histogram_stacks_by_label_with_a_legend():
    ax = plots.confidence_histogram_figure([0.2, 0.8, 0.9], labels=["khác", "giao_ban_quý", "khác"], bins=5).axes[0]
    assert len(bars(ax)) == 2 * 5
    assert ticks(ax.get_legend().get_texts()) == ["khác", "giao_ban_quý"]
    with pytest.raises(ValueError):
        plots.confidence_histogram_figure([0.2, 0.8], labels=["khác"])


def test_label_counts_can_name_other_counts():
    ax = plots.label_counts_figure({"dân_vận": 40}, title="Most frequent words", xlabel="Occurrences",
                                   ylabel="Word").axes[0]
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("Most frequent words", "Occurrences", "Word")


def test_histogram_has_the_asked_bins_and_labels():
    ax = plots.histogram_figure([120, 300, 310, 900], xlabel="Words per article", title="Lengths", bins=4).axes[0]
    assert len(bars(ax)) == 4 and sum(b.get_height() for b in bars(ax)) == 4
    assert all(float(t).is_integer() for t in ax.get_yticks())
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("Words per article", "Articles", "Lengths")


def test_top_features_has_a_panel_per_type_and_marks_negative_weights():
    features = {"giao_ban_quý": [("quý", 1.2), ("giao_ban", 0.8), ("năm", -0.5)],
                "khác": [("du_lịch", 0.7)]}
    fig = plots.top_features_figure(features, n=2)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == list(features)
    assert ticks(visible[0].get_yticklabels()) == ["quý", "giao_ban"]  # n=2 keeps the two heaviest
    assert len(bars(visible[1])) == 1
    signed = plots.top_features_figure({"giao_ban_quý": features["giao_ban_quý"]})
    colours = {tuple(b.get_facecolor()) for b in bars(signed.axes[0])}
    assert len(colours) == 2  # a negative weight gets its own colour


def test_topic_sweep_plots_each_measure_against_k_sorted():
    rows = [{"k": 10, "npmi": 0.02, "c_v": 0.4, "diversity": 0.6},
            {"k": 5, "npmi": 0.05, "c_v": 0.5, "diversity": 0.9}]
    fig = plots.topic_sweep_figure(rows)
    assert [ax.get_ylabel() for ax in fig.axes] == ["npmi", "c_v", "diversity"]
    line = fig.axes[0].lines[0]
    assert list(line.get_xdata()) == [5, 10] and list(line.get_ydata()) == [0.05, 0.02]
    assert fig.axes[0].get_xlabel() == "Number of topics (K)"


def test_topic_sweep_shows_the_spread_over_seeds_and_the_stability():
    rows = [{"k": 5, "npmi": 0.05, "npmi_sd": 0.01, "stability": 0.9},
            {"k": 10, "npmi": 0.02, "npmi_sd": 0.03, "stability": 0.6}]
    fig = plots.topic_sweep_figure(rows)
    assert [ax.get_ylabel() for ax in fig.axes] == ["npmi", "stability"]
    [bars] = fig.axes[0].collections  # one vertical bar per K, ± its standard deviation
    assert [round(float(seg[1][1] - seg[0][1]), 3) for seg in bars.get_segments()] == [0.02, 0.06]


def test_topic_sweep_leaves_out_missing_measures_and_refuses_empty_rows():
    fig = plots.topic_sweep_figure([{"k": 3, "npmi": 0.1}, {"k": 4, "npmi": 0.2}])
    assert [ax.get_ylabel() for ax in fig.axes] == ["npmi"]
    with pytest.raises(ValueError, match="none of the measures"):
        plots.topic_sweep_figure([{"k": 3}])


def test_topic_words_has_one_panel_per_topic_with_its_words():
    topics = [[("dân_vận", 0.05), ("khéo", 0.03)], [("Mặt_trận", 0.04), ("đoàn_thể", 0.02), ("hội", 0.01)],
              [("chính_quyền", 0.06)]]
    fig = plots.topic_words_figure(topics)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["Topic 0", "Topic 1", "Topic 2"]
    assert [len(bars(ax)) for ax in visible] == [2, 3, 1]
    assert ticks(visible[1].get_yticklabels()) == ["Mặt_trận", "đoàn_thể", "hội"]
    named = plots.topic_words_figure(topics, labels=["dân vận khéo", "đoàn thể", "chính quyền"])
    assert named.axes[0].get_title() == "dân vận khéo"


def test_topic_words_wraps_many_topics_into_rows():
    fig = plots.topic_words_figure([[("a", 1.0)]] * 6)
    assert len(fig.axes) == 8  # a 2×4 grid
    assert sum(ax.get_visible() for ax in fig.axes) == 6


def test_topic_shares_over_time_stacks_a_bar_per_period_and_topic():
    shares = np.array([[0.5, 0.5], [0.2, 0.8], [1.0, 0.0]])
    ax = plots.topic_shares_over_time_figure(["2021", "2022", "2023"], shares, ["dân vận", "đoàn thể"]).axes[0]
    rects = bars(ax)
    assert len(rects) == 3 * 2
    assert [r.get_height() for r in rects[3:]] == [0.5, 0.8, 0.0]  # the second topic sits on the first
    assert [r.get_y() for r in rects[3:]] == [0.5, 0.2, 1.0]
    assert ticks(ax.get_xticklabels()) == ["2021", "2022", "2023"]
    assert ticks(ax.get_legend().get_texts()) == ["dân vận", "đoàn thể"]
    with pytest.raises(ValueError):
        plots.topic_shares_over_time_figure(["2021"], shares)


def test_topic_by_type_heatmap_has_types_as_rows_and_topics_as_columns():
    matrix = np.array([[0.7, 0.3], [0.1, 0.9], [0.5, 0.5], [0.2, 0.8]])
    ax = plots.topic_by_type_heatmap(matrix, TYPES).axes[0]
    assert ticks(ax.get_yticklabels()) == TYPES
    assert ticks(ax.get_xticklabels()) == ["Topic 0", "Topic 1"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Topic", "Article type")
    assert cell_texts(ax)[:2] == ["0.70", "0.30"]
    with pytest.raises(ValueError):
        plots.topic_by_type_heatmap(matrix, TYPES[:2])


def test_save_figure_writes_png_svg_or_pdf_by_suffix(tmp_path):
    fig = plots.label_counts_figure({"khác": 1})
    png = plots.save_figure(fig, tmp_path / "sub" / "counts.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    width, height = fig.get_size_inches() * 120
    import matplotlib.image
    assert matplotlib.image.imread(png).shape[:2] == (round(height), round(width))
    svg = plots.save_figure(fig, tmp_path / "counts.svg")
    assert b"<svg" in svg.read_bytes()[:500]
    assert plots.save_figure(fig, tmp_path / "counts.PDF").read_bytes().startswith(b"%PDF")


def test_a_figure_named_as_another_kind_of_file_is_refused(tmp_path):
    """A PNG named counts.csv opens nowhere and may take the place of a table."""
    from dvtopics.errors import DvtopicsError

    with pytest.raises(DvtopicsError, match="counts.csv: written as a figure"):
        plots.save_figure(plots.label_counts_figure({"khác": 1}), tmp_path / "counts.csv")
    assert list(tmp_path.iterdir()) == []


def test_plots_touch_no_global_pyplot_state():
    import matplotlib.pyplot as plt  # imported here, so the check below holds whichever tests ran before

    plt.close("all")
    plots.label_counts_figure({"khác": 1})
    assert plt.get_fignums() == []  # a figure made through pyplot would be registered (and kept) here
