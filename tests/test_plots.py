"""Each figure is checked for what a reader would see: panels, bars, tick labels, axis labels."""
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from dvtopics.errors import DvtopicsError
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


def test_the_longest_bars_count_stays_inside_the_frame():
    """Hunt 38 F (3): "2454" beside the longest bar ran over the chart's frame; the bars still start at 0."""
    fig = plots.label_counts_figure({"other": 2454, "quarterly_briefing": 2})
    ax = fig.axes[0]
    fig.canvas.draw()
    frame = ax.get_window_extent()
    count = next(t for t in ax.texts if t.get_text() == "2454").get_window_extent()
    assert count.x1 <= frame.x1 and ax.get_xlim()[0] == 0


def test_label_counts_takes_the_counts_as_pandas_gives_them():
    """Hunt 26 D (2): `df["label"].value_counts()`, as an analyst counts types, failed with "'numpy.ndarray' object
    is not callable" (a Series' values is no method, and it iterates its values, not its labels)."""
    import pandas as pd

    ax = plots.label_counts_figure(pd.Series(["khác", "giao_ban_quý", "khác"]).value_counts()).axes[0]
    assert [b.get_width() for b in bars(ax)] == [2, 1]
    assert ticks(ax.get_yticklabels()) == ["khác", "giao_ban_quý"]


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
    with pytest.raises(DvtopicsError, match="none of the measures"):
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


def _cut_off(fig) -> list[str]:
    """What of a figure, drawn at its own size, runs past its edges: the titles of the axes (with their
    labels, ticks and legend) that do; [] when all fits. A layout warning fails the test."""
    import warnings

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "constrained_layout not applied": the axes collapsed
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
    box = fig.bbox
    cut = []
    for ax in fig.axes:
        extent = ax.get_tightbbox(canvas.get_renderer())
        if extent.x0 < box.x0 - 1 or extent.y0 < box.y0 - 1 or extent.x1 > box.x1 + 1 or extent.y1 > box.y1 + 1:
            cut.append(ax.get_title() or ax.get_ylabel())
    return cut


@pytest.mark.parametrize("k", [11, 15, 20])
def test_topic_shares_over_time_gives_each_topic_a_colour_of_its_own(k):
    """Above 10 topics, topics 0 and 10 had the same blue (matplotlib's 10-colour cycle)."""
    from matplotlib.colors import to_hex

    shares = np.full((9, k), 1 / k)
    fig = plots.topic_shares_over_time_figure([f"2017-{m:02d}" for m in range(1, 10)], shares)
    ax = fig.axes[0]
    colours = [to_hex(container.patches[0].get_facecolor()) for container in ax.containers]
    assert len(colours) == k and len(set(colours)) == k
    legend = ax.get_legend()
    assert [to_hex(h.get_facecolor()) for h in legend.legend_handles] == colours  # the legend names each band
    assert _cut_off(fig) == []  # the legend, however long, is inside the figure


@pytest.mark.parametrize("k", [21, 25, 40, 200])
def test_topic_shares_over_time_of_many_topics_is_a_heat_map_that_fits(k):
    """From 25 topics the legend ran past the figure's edges, and at 40 the chart collapsed with a raw
    matplotlib warning: more topics than colours can tell apart are a heat map, a row per topic."""
    periods = [f"2017-{m:02d}" for m in range(1, 13)]
    shares = np.random.default_rng(0).dirichlet(np.ones(k), size=len(periods))
    names = [f"{i}: công an, giao thông, tai nạn" for i in range(k)]
    fig = plots.topic_shares_over_time_figure(periods, shares, names)
    ax = fig.axes[0]
    assert ticks(ax.get_yticklabels()) == names and ticks(ax.get_xticklabels()) == periods
    assert np.allclose(ax.images[0].get_array(), shares.T)  # row k is topic k over the periods
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("Period", "Topic", "Topic shares over time")
    assert _cut_off(fig) == []


def test_a_period_without_articles_is_blank_in_the_heat_map_of_many_topics():
    """Hunt 24: a month of the span with no article (kept on the axis, its shares 0) was a column of "0.00" in
    every topic's row, read as every topic gone that month; it is blank, "–", as the stacked bars leave it."""
    k = 24
    shares = np.full((3, k), 1 / k)
    shares[1] = 0
    ax = plots.topic_shares_over_time_figure(["2017-01", "2017-02", "2017-03"], shares).axes[0]
    by_column = {round(t.get_position()[0]): set() for t in ax.texts}
    for t in ax.texts:
        by_column[round(t.get_position()[0])].add(t.get_text())
    assert by_column == {0: {"0.04"}, 1: {"–"}, 2: {"0.04"}}


def test_topic_shares_over_time_makes_room_for_long_topic_labels():
    names = [f"{i}: " + "công an, giao thông, tai nạn, " * 6 for i in range(20)]
    fig = plots.topic_shares_over_time_figure(["2017-01"], np.full((1, 20), 0.05), names)
    assert _cut_off(fig) == []


def test_topic_by_type_heatmap_has_types_as_rows_and_topics_as_columns():
    matrix = np.array([[0.7, 0.3], [0.1, 0.9], [0.5, 0.5], [0.2, 0.8]])
    ax = plots.topic_by_type_heatmap(matrix, TYPES).axes[0]
    assert ticks(ax.get_yticklabels()) == TYPES
    assert ticks(ax.get_xticklabels()) == ["Topic 0", "Topic 1"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Topic", "Article type")
    assert cell_texts(ax)[:2] == ["0.70", "0.30"]
    with pytest.raises(ValueError):
        plots.topic_by_type_heatmap(matrix, TYPES[:2])
    # hunt 38 F (3): a type of 2 articles was coloured as surely as one of 2,454: each row names its count
    counted = plots.topic_by_type_heatmap(matrix, TYPES, counts=[2454, 2, 30, 1]).axes[0]
    assert ticks(counted.get_yticklabels()) == [f"{TYPES[0]} (2,454)", f"{TYPES[1]} (2)", f"{TYPES[2]} (30)",
                                                f"{TYPES[3]} (1)"]


def test_charts_of_articles_without_dates_or_types_say_what_is_missing():
    """Undated articles (baomoi has no dates) gave "ValueError: shares: expected 0 periods × topics, got shape
    (0,)", and untyped ones "topic by type: expected a 0×2 matrix": summarize's empty periods and types."""
    with pytest.raises(DvtopicsError, match="^no shares over time to draw: no article has a date$"):
        plots.topic_shares_over_time_figure([], [], ["dân vận", "đoàn thể"])
    with pytest.raises(DvtopicsError, match="^no topics by article type to draw: no article has a type$"):
        plots.topic_by_type_heatmap([], [], ["dân vận", "đoàn thể"])
    with pytest.raises(DvtopicsError, match="no groups of words"):
        plots.topic_words_figure([])


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
    # a JPEG, as a slide or a message takes a picture (hunt 27 B, left: --plot cm.jpg was refused)
    assert all(plots.save_figure(fig, tmp_path / f"counts.{suffix}").read_bytes().startswith(b"\xff\xd8\xff")
               for suffix in ("jpg", "JPEG"))


def test_a_full_disk_keeps_the_figure_there_and_names_the_file(tmp_path, monkeypatch):
    """Trial 33: `evaluate --plot cm.png` on a full disk said "Error: No space left on device", naming no file, and left
    a cut PNG over the good one: the figure was written into its place. It is written beside it and moved in whole."""
    import errno

    path = plots.save_figure(plots.label_counts_figure({"khác": 1}), tmp_path / "cm.png")
    before = path.read_bytes()

    def half_then_full(self, fname, **kwargs):  # matplotlib writes part of the file, then the disk is full
        with open(fname, "wb") as handle:
            handle.write(b"\x89PNG half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", half_then_full)
    with pytest.raises(DvtopicsError, match=r"cm.png: cannot be written \(No space left on device\); what was there "
                                            r"before is kept"):
        plots.save_figure(plots.label_counts_figure({"khác": 2}), path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["cm.png"]


@pytest.mark.parametrize("suffix", ["svg", "pdf", "png"])
def test_a_figure_saved_twice_is_the_same_file(tmp_path, suffix):
    """Hunt 30 O: an SVG's clip paths and markers were named by a hash salted with a random uuid, and an SVG or a PDF
    held the moment it was written: `evaluate --plot cm.svg` run twice on the same labels gave two other files."""
    import time

    written = [plots.save_figure(plots.label_counts_figure({"khác": 2, "tổng kết": 1}), tmp_path / f"{i}.{suffix}")
               for i in range(2) if not time.sleep(1.1 * i)]  # a second apart: a date written would differ
    assert written[0].read_bytes() == written[1].read_bytes()


def test_a_figure_named_as_another_kind_of_file_is_refused(tmp_path):
    """A PNG named counts.csv opens nowhere and may take the place of a table."""
    with pytest.raises(DvtopicsError, match="counts.csv: written as a figure"):
        plots.save_figure(plots.label_counts_figure({"khác": 1}), tmp_path / "counts.csv")
    assert list(tmp_path.iterdir()) == []


def test_plots_touch_no_global_pyplot_state():
    import matplotlib.pyplot as plt  # imported here, so the check below holds whichever tests ran before

    plt.close("all")
    plots.label_counts_figure({"khác": 1})
    assert plt.get_fignums() == []  # a figure made through pyplot would be registered (and kept) here


@pytest.mark.parametrize("n_topics", [8, 30])  # stacked bars, and the heat map above MAX_STACKED_TOPICS
def test_the_shares_over_time_stop_growing_wider_with_many_periods(n_topics):
    """240 months drew a PNG 13,331 px wide (0.45 inch a period, no limit), which no viewer shows whole."""
    from dvtopics.io.metadata import MAX_PERIODS_CHARTED

    def periods(n):
        return [f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(n)]
    shares = np.random.default_rng(0).dirichlet(np.ones(n_topics), size=240)
    wide = plots.topic_shares_over_time_figure(periods(240), shares)
    usual = plots.topic_shares_over_time_figure(periods(MAX_PERIODS_CHARTED), shares[:MAX_PERIODS_CHARTED])
    assert wide.get_size_inches()[0] == usual.get_size_inches()[0] < 25
    labels = [t.get_text() for t in wide.axes[0].get_xticklabels()]
    assert len(labels) <= MAX_PERIODS_CHARTED and labels[:2] == ["2000-01", "2000-08"]


@pytest.mark.parametrize("k", [21, 30, 200])
def test_topics_by_type_of_many_topics_is_a_row_per_topic_that_stays_narrow(k):
    """Trial 9 (B, 06): the heat map kept a column per topic, 1.8 + 0.75·K inches wide (about 3,000 px at
    K = 40), shrunk to the page's 1,160 px past reading; above MAX_STACKED_TOPICS it turns as the shares over
    time do: a row per topic, a column per type."""
    matrix = np.random.default_rng(0).dirichlet(np.ones(k), size=len(TYPES))
    names = [f"{i}: công an, giao thông, tai nạn" for i in range(k)]
    fig = plots.topic_by_type_heatmap(matrix, TYPES, names)
    ax = fig.axes[0]
    assert ticks(ax.get_yticklabels()) == names and ticks(ax.get_xticklabels()) == TYPES
    assert np.allclose(ax.images[0].get_array(), matrix.T)
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("Article type", "Topic", "Topics by article type")
    assert fig.get_size_inches()[0] < 12  # the page's 1,160 px show it at 60 % of its size or more
    assert _cut_off(fig) == []


@pytest.mark.parametrize("k", [3, 25])
def test_topic_shares_over_time_say_a_mean_topic_share_not_a_share_of_articles(k):
    """Hunt 21 B: the chart's axis (past 20 topics, its colour bar) said "Share of articles", while it draws each
    topic's mean share of the articles' words (TF-IDF weight for NMF), as the report's text and the by-type chart
    ("mean topic share") say: 0.5 is not half the articles."""
    fig = plots.topic_shares_over_time_figure(["2017-01", "2017-02"], np.full((2, k), 1 / k))
    labels = [ax.get_ylabel() for ax in fig.axes]
    assert not [label for label in labels if "articles" in label.lower()]
    assert any(label.lower() == "mean topic share" for label in labels)


def test_labels_holding_dollar_signs_are_drawn_as_written(tmp_path):
    """Matplotlib reads text between two "$" as a formula: a type "Thu $5, chi $3" was drawn in italics without
    its words, and "US$ x_{a$" stopped `topics fit` with a parse error once every article was modelled."""
    labels = ["Giá US$ x_{a$", "Thu $5, chi $3"]
    figures = [plots.topic_by_type_heatmap([[0.5, 0.5]] * 2, labels, labels),
               plots.topic_by_type_heatmap(np.full((2, 21), 1 / 21), labels, [f"{k}: ${k}$" for k in range(21)]),
               plots.label_counts_figure(dict.fromkeys(labels, 3)),
               plots.types_per_period_figure(["2017-01"], {label: [1] for label in labels}),
               plots.topic_shares_over_time_figure(["2017-01"], [[0.5, 0.5]], labels),
               plots.topic_words_figure([[("a", 0.5)], [("b", 0.5)]], labels),
               plots.confidence_histogram_figure([0.5, 0.7], labels)]
    for number, fig in enumerate(figures):
        plots.save_figure(fig, tmp_path / f"{number}.png")  # drawn: a formula that cannot be read raised here
        texts = [text for text in fig.findobj(lambda artist: hasattr(artist, "_preprocess_math"))
                 if "$" in text.get_text()]
        drawn = [text._preprocess_math(text.get_text()) for text in texts]
        assert drawn and all(not math for _, math in drawn), number
        assert {text for text, _ in drawn} & set(labels), number


def test_an_unwritable_home_gives_no_matplotlib_warning(tmp_path):
    """Hunt 29 I, 8: with a HOME that cannot be written (a service's, read-only), `report` and `topics fit` printed
    matplotlib's two-line warning to set MPLCONFIGDIR. It is not said; matplotlib's folders are its own choice, so
    a user's matplotlibrc is still read where only the cache folder cannot be written (the review of hunt 29 I)."""
    import os
    import subprocess
    import sys

    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")  # (root makes a missing HOME: a file it cannot)
    show = ("import dvtopics.report.plots, matplotlib; from matplotlib.figure import Figure; "
            "Figure().savefig('f.png'); print(matplotlib.rcParams['figure.dpi'])")
    env = {name: value for name, value in os.environ.items()
           if name not in ("MPLCONFIGDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}

    def run(home):
        return subprocess.run([sys.executable, "-c", show], capture_output=True, text=True, timeout=300,
                              env={**env, "HOME": str(home)}, cwd=tmp_path)

    unwritable = run(tmp_path / "not-a-folder")
    assert unwritable.returncode == 0 and unwritable.stderr == "", unwritable.stderr
    assert (tmp_path / "f.png").stat().st_size > 0
    (tmp_path / "home" / ".config" / "matplotlib").mkdir(parents=True)
    (tmp_path / "home" / ".config" / "matplotlib" / "matplotlibrc").write_text("figure.dpi: 42\n", encoding="utf-8")
    (tmp_path / "home" / ".cache").write_text("", encoding="utf-8")  # the cache folder alone cannot be made
    own_rc = run(tmp_path / "home")
    assert own_rc.returncode == 0 and own_rc.stderr == "", own_rc.stderr
    assert own_rc.stdout.strip() == "42.0" or sys.platform != "linux"


def test_topic_words_past_sixty_topics_draws_the_largest_and_says_where_the_rest_are():
    """Hunt 29 J: 600 topics made a figure 585 inches high, which nobody could read, in minutes; the 60 of largest
    share are drawn, in their order, under a note that names topics.json for every topic's words."""
    topics = [[(f"từ_{k}", 0.1)] for k in range(600)]
    shares = [1.0 if k % 10 == 3 else 0.001 for k in range(600)]
    fig = plots.topic_words_figure(topics, plots.numbered_labels([f"chủ đề {k}" for k in range(600)]), shares=shares)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == [f"{k}: chủ đề {k}" for k in range(3, 600, 10)]
    assert any("60 largest of 600 topics" in text.get_text() and "topics.json" in text.get_text()
               for text in fig.texts)
    assert fig.get_size_inches()[1] < 80
    unranked = plots.topic_words_figure(topics)
    assert [ax.get_title() for ax in unranked.axes if ax.get_visible()][-1] == "Topic 59"
    # without shares (a notebook's own topics): the first 60, and no topics.json it may never have written
    assert [text.get_text() for text in unranked.texts if "600 topics" in text.get_text()] == [
        "The first 60 of 600 topics; the figure draws no more"]


def test_a_wrapped_title_keeps_each_dollar_escaped():
    """The review of hunt 29 J: a title escaped, then wrapped, could be broken between a "\\" and its "$": the
    backslash showed at a line's end and the "$" began a formula on the next."""
    for length in range(40, 80):  # (wherever the break falls)
        label = "0: " + "x" * length + "$5 và $3 cho chi"
        fig = plots.topic_words_figure([[("hội", 0.1)]], [label])
        title = [ax.get_title() for ax in fig.axes if ax.get_visible()][0]
        assert all(line.count("$") == line.count("\\$") for line in title.splitlines()), title
        assert not any(line.endswith("\\") for line in title.splitlines()), title


def test_topic_words_panels_keep_long_words_and_titles_off_their_neighbours():
    """Laid out without matplotlib's constrained layout (most of the 10 to 27 s of 60 topics): each panel still
    has room for its longest word, and a long title is wrapped to its panel."""
    long_word, long_title = "ban_chỉ_đạo_xây_dựng_nông_thôn_mới", "ban chỉ đạo, nông thôn mới, xây dựng, giảm nghèo"
    topics = [[(long_word, 0.08), ("hội", 0.02)], [("lúa", 0.05), (long_word, 0.01)]] * 3
    fig = plots.topic_words_figure(topics, [long_title] * 6)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    panels = [ax for ax in fig.axes if ax.get_visible()]
    for left, right in zip(panels, panels[1:]):
        if left.get_position().y0 != right.get_position().y0:
            continue  # the next row
        words = min(label.get_window_extent(renderer).x0 for label in right.get_yticklabels())
        assert words > left.get_window_extent(renderer).x1
        assert left.title.get_window_extent(renderer).x1 < right.title.get_window_extent(renderer).x0


def test_shares_over_time_say_how_many_articles_they_rest_on():
    """Hunt 41 AC (4): a fit's over_time.png drew a year of full bars from 14 of 1,514 articles, the rest undated,
    and said nothing of it; the report's page said so, the figure pasted into a write-up did not."""
    shares = np.array([[0.6, 0.4], [0.3, 0.7]])
    title = plots.topic_shares_over_time_figure(["2017-01", "2017-02"], shares, dated=(14, 1514)).axes[0].get_title()
    assert "from the 14 dated of 1,514 articles" in title
    assert plots.topic_shares_over_time_figure(["2017-01", "2017-02"], shares, dated=(9, 9)).axes[0].get_title() == \
        "Topic shares over time"
