"""Small functions that return matplotlib figures.

Each function takes plain data (lists, dicts, numpy arrays) and returns a
`matplotlib.figure.Figure` built without pyplot: no GUI backend, no global
state, so the CLI can write PNGs in a batch job and a notebook shows the figure
it gets back (Jupyter renders a returned `Figure`). Titles and axis labels are
in English; the data (labels, words) stays Vietnamese, which matplotlib's
default font, DejaVu Sans, draws with its diacritics.

`save_figure(fig, path)` writes PNG, SVG or PDF, as the suffix says.

>>> fig = label_counts_figure({"so_ket": 3, "khac": 1})
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
['so_ket', 'khac']
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..errors import DvtopicsError
from ..io.metadata import MAX_PERIODS_CHARTED
from ..io.paths import home_path
from ..io.write import staged

__all__ = [
    "confusion_matrix_figure", "label_counts_figure", "confidence_histogram_figure", "histogram_figure",
    "types_per_period_figure", "top_features_figure", "topic_sweep_figure", "topic_words_figure",
    "topic_shares_over_time_figure", "topic_by_type_heatmap", "save_figure",
]

BAR_COLOR = "#3b6ea5"
_ROW_INCHES = 0.32  # height per bar or matrix row, so long label lists stay readable


def _text(value) -> str:
    """`value` as matplotlib is to draw it, as written: text between two "$" is a formula to it (mathtext), so a
    label "Thu $5, chi $3" was drawn "5, chi " in italics, and one such as "US$ x_{a$" stopped the figure with a
    parse error.

    >>> _text("Thu $5, chi $3")
    'Thu \\\\$5, chi \\\\$3'
    """
    return str(value).replace("$", r"\$")


def numbered_labels(labels: Sequence[str]) -> list[str]:
    """Each topic named as the figures and the report name it, by its number and label: the number of its
    `topic_N` column in documents.csv, over_time.csv and by_type.csv (two topics may share a label).

    >>> numbered_labels(["bão, lũ", "học sinh"])
    ['0: bão, lũ', '1: học sinh']
    """
    return [f"{k}: {label}" for k, label in enumerate(labels)]


def _figure(width: float, height: float) -> Figure:
    # constrained layout keeps long Vietnamese tick labels inside the canvas
    return Figure(figsize=(width, max(height, 2.5)), layout="constrained")


def _matrix(values, rows: int, cols: int, what: str) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    if array.shape != (rows, cols):
        raise ValueError(f"{what}: expected a {rows}×{cols} matrix, got shape {array.shape}")
    return array


def _annotate_cells(ax, array: np.ndarray, fmt: str) -> None:
    """Write each cell's value, dark on light cells and light on dark ones."""
    threshold = (np.nanmax(array) + np.nanmin(array)) / 2 if np.isfinite(array).any() else 0
    for (i, j), value in np.ndenumerate(array):
        ax.text(j, i, "–" if np.isnan(value) else format(value, fmt), ha="center", va="center", fontsize=8,
                color="white" if value > threshold else "black")


def _heatmap(fig: Figure, array: np.ndarray, row_labels, col_labels, cmap: str, fmt: str, colorbar: str):
    ax = fig.add_subplot()
    image = ax.imshow(array, cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(col_labels)), [_text(c) for c in col_labels], rotation=45, ha="right")
    ax.set_yticks(range(len(row_labels)), [_text(r) for r in row_labels])
    if array.size <= 400:  # more cells than that and the numbers are unreadable anyway
        _annotate_cells(ax, array, fmt)
    fig.colorbar(image, ax=ax, label=colorbar)
    return ax


# ---------------------------------------------------------------- article types

def confusion_matrix_figure(matrix, labels: Sequence[str], normalize: bool = False) -> Figure:
    """Confusion matrix: rows are true labels, columns predicted ones.

    `matrix` is square (len(labels) × len(labels)) counts, as
    `sklearn.metrics.confusion_matrix(y_true, y_pred, labels=labels)` gives.
    With `normalize=True` each row is shown as shares of its true label.
    """
    n = len(labels)
    counts = _matrix(matrix, n, n, "confusion matrix")
    if normalize:
        totals = counts.sum(axis=1, keepdims=True)
        counts = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
    fig = _figure(1.2 + 0.7 * n, 1.0 + 0.6 * n)
    ax = _heatmap(fig, counts, labels, labels, "Blues", ".2f" if normalize else ".0f",
                  "share of true label" if normalize else "articles")
    if not normalize:  # a count bar with ticks at 0.25 articles reads oddly
        fig.axes[-1].yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Predicted label")
    ax.set_ylabel("True label")
    ax.set_title("Confusion matrix")
    return fig


COUNT_ROOM = 0.12  # of the axis' span, beside the longest bar of `label_counts_figure`


def label_counts_figure(counts: Mapping[str, int], title: str = "Articles per label",
                        xlabel: str = "Articles", ylabel: str = "Label") -> Figure:
    """Horizontal bars, one per label, in the order of `counts` (top to bottom).

    Any counts will do (word frequencies, articles per source): name them with
    `title`, `xlabel` and `ylabel`. A pandas Series of counts (`df["label"].value_counts()`) will do too.
    """
    counts = dict(counts.items())  # a Series iterates its values and has no values(): it failed as no Mapping
    labels = [_text(k) for k in counts]
    fig = _figure(6, 0.8 + _ROW_INCHES * len(labels))
    ax = fig.add_subplot()
    bars = ax.barh(labels, list(counts.values()), color=BAR_COLOR)
    ax.bar_label(bars, padding=2, fontsize=8)
    # room right of the longest bar for its count: "2454" ran over the frame (hunt 38 F); bars still start at 0
    ax.margins(x=COUNT_ROOM)
    ax.invert_yaxis()  # first label on top, as it reads in a table
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return fig


def confidence_histogram_figure(confidences, labels: Sequence[str] | None = None, bins: int = 20) -> Figure:
    """Histogram of classifier confidences in [0, 1].

    With `labels` (the predicted label of each confidence) the histogram is
    stacked, one colour per label, so a label the model is unsure of stands out.
    """
    values = np.asarray(confidences, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    fig = _figure(6.5, 3.5)
    ax = fig.add_subplot()
    if labels is None:
        ax.hist(values, bins=edges, color=BAR_COLOR, edgecolor="white")
    else:
        if len(labels) != len(values):
            raise ValueError(f"{len(labels)} labels for {len(values)} confidences")
        names = list(dict.fromkeys(str(label) for label in labels))
        groups = [values[[str(label) == name for label in labels]] for name in names]
        ax.hist(groups, bins=edges, stacked=True, label=[_text(name) for name in names], edgecolor="white")
        ax.legend(title="Predicted label", fontsize=8)
    ax.set_xlim(0, 1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Confidence")
    ax.set_ylabel("Articles")
    ax.set_title("Classifier confidence")
    return fig


def histogram_figure(values, xlabel: str, title: str, ylabel: str = "Articles", bins: int = 30) -> Figure:
    """A plain histogram, e.g. of article lengths in words."""
    fig = _figure(6.5, 3.5)
    ax = fig.add_subplot()
    ax.hist(np.asarray(values, dtype=float), bins=bins, color=BAR_COLOR, edgecolor="white")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return fig


def types_per_period_figure(periods: Sequence[str], counts: Mapping[str, Sequence[int]], unit: str = "month",
                            kind: str = "type") -> Figure:
    """Stacked bars: the articles of each type (`counts`: type -> a count per period) in each period, the
    legend beside them; `kind`: what the title calls a type ("label", for labels of one's own). The width grows
    with the periods up to MAX_PERIODS_CHARTED; more are drawn narrower,
    with a label on every n-th (`_period_ticks`), as the topic shares over time are."""
    shown = min(len(periods), MAX_PERIODS_CHARTED)
    fig = _figure(max(6.0, 0.45 * shown + 4), 4)
    ax = fig.add_subplot()
    x = np.arange(len(periods))
    bottom = np.zeros(len(periods))
    for label, column in counts.items():
        ax.bar(x, column, bottom=bottom, label=_text(label), width=0.8)
        bottom += np.asarray(column, dtype=float)
    _period_ticks(ax, periods, upright=3)  # upright "2016-01" labels touch once the legend takes its room
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # articles are whole: no tick at 0.5 of one
    ax.set_ylabel("Articles")
    ax.set_title(f"Articles per {unit} and {kind}")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
    return fig


def top_features_figure(features: Mapping[str, Sequence[tuple[str, float]]], n: int = 10,
                        title: str = "Top features per article type") -> Figure:
    """One panel per article type with its `n` heaviest (token, weight) pairs.

    Negative weights (evidence against the type) are drawn in red.
    """
    return _word_panels(list(features.values()), [str(k) for k in features], n, "Weight", title)


# ---------------------------------------------------------------------- topics

def topic_sweep_figure(rows: Sequence[Mapping[str, float]],
                       measures: Sequence[str] = ("npmi", "c_v", "diversity", "stability")) -> Figure:
    """Topic quality against the number of topics K, one panel per measure.

    `rows` are records such as ``{"k": 5, "npmi": 0.04, "npmi_sd": 0.01, "c_v": 0.41,
    "diversity": 0.8, "stability": 0.7}``; a measure's ``_sd`` (spread over seeds)
    is drawn as error bars; measures missing from every row are left out.
    """
    rows = sorted(rows, key=lambda row: row["k"])
    present = [m for m in measures if any(row.get(m) is not None for row in rows)]
    if not present:
        raise DvtopicsError(f"nothing to draw: the sweep rows carry none of the measures {list(measures)}")
    fig = _figure(3.2 * len(present), 3.2)
    axes = fig.subplots(1, len(present), squeeze=False)[0]
    for ax, measure in zip(axes, present):
        points = [(row["k"], row[measure], row.get(f"{measure}_sd") or 0.0) for row in rows
                  if row.get(measure) is not None]
        ax.errorbar([k for k, _, _ in points], [v for _, v, _ in points], yerr=[sd for _, _, sd in points],
                    marker="o", color=BAR_COLOR, capsize=3)
        ax.set_xticks(sorted({k for k, _, _ in points}))
        ax.set_xlabel("Number of topics (K)")
        ax.set_ylabel(measure)
        ax.set_title(measure)
        ax.grid(alpha=0.3)
    spread = any(row.get(f"{m}_sd") is not None for row in rows for m in present)
    fig.suptitle("Topic quality by K (mean ± sd over seeds)" if spread else "Topic quality by K (one seed per K)")
    return fig


def _topic_labels(labels: Sequence[str] | None, count: int) -> list[str]:
    return [str(label) for label in labels] if labels is not None else [f"Topic {i}" for i in range(count)]


# The most topics topic_words_figure draws: 15 rows of 4 panels, 60 inches high already. Beyond it, the largest
# topics, and a note saying where every topic's words are.
MAX_WORD_PANELS = 60


def topic_words_figure(topics: Sequence[Sequence[tuple[str, float]]], labels: Sequence[str] | None = None,
                       n: int = 10, shares: Sequence[float] | None = None) -> Figure:
    """One panel per topic with its `n` top (word, weight) pairs as bars. Past MAX_WORD_PANELS topics, only the
    MAX_WORD_PANELS of largest `shares` (the first ones without `shares`), in their order, and a note says so: 600
    topics made a figure 585 inches high that nobody could read, and took minutes to draw.

    Segmented words keep their "_" ("công_tác") so a word reads as the
    segmenter saw it.
    """
    labels = _topic_labels(labels, len(topics))
    if len(topics) <= MAX_WORD_PANELS:
        return _word_panels(topics, labels, n, "Weight", "Top words per topic")
    largest = np.argsort(-np.asarray(shares, dtype=float), kind="stable") if shares is not None else range(len(topics))
    shown = sorted(int(k) for k in largest[:MAX_WORD_PANELS])
    note = (f"The {MAX_WORD_PANELS} largest of {len(topics)} topics by share; every topic's words are in topics.json "
            "(dvtopics topics show)" if shares is not None else
            f"The first {MAX_WORD_PANELS} of {len(topics)} topics; the figure draws no more")
    return _word_panels([topics[k] for k in shown], [labels[k] for k in shown], n, "Weight", "Top words per topic",
                        note=note)


_WORD_INCHES = 0.068  # the width of a character of a word at fontsize 8 (DejaVu Sans, its widest letters less)
_TITLE_INCHES = 0.085  # and of a title's at fontsize 10
_BARS_INCHES = 1.9  # the width of a panel's bars, beside its words


def _word_panels(groups, titles: list[str], n: int, xlabel: str, title: str, columns: int = 4,
                 note: str | None = None) -> Figure:
    """Shared by topic words and classifier features: a grid of horizontal bar panels, under a `note` if given.
    Laid out here, each panel given room for the longest word and titles wrapped to its width: matplotlib's
    constrained layout measured every word twice, most of the 10 to 27 s that 60 topics took."""
    import textwrap

    if not groups:
        raise DvtopicsError("nothing to draw: no groups of words were given")
    groups = [list(words)[:n] for words in groups]
    cols = min(columns, len(groups))
    rows = -(-len(groups) // cols)
    depth = max(1, min(n, max(len(words) for words in groups)))
    words_width = 0.15 + _WORD_INCHES * max((len(str(word)) for words in groups for word, _ in words), default=1)
    panel = words_width + _BARS_INCHES
    # wrapped, then escaped: a "$" escaped first could be parted from its "\\" at a break, which then showed
    titles = ["\n".join(map(_text, textwrap.wrap(str(name), width=max(12, int(panel / _TITLE_INCHES))) or [""]))
              for name in titles]
    title_height = 0.1 + 0.18 * max(name.count("\n") + 1 for name in titles)
    ticks_height = 0.3  # the weights under the bars
    head = 0.55 + (0.2 * (textwrap.fill(note, 110).count("\n") + 1) if note else 0)
    bars_height = _ROW_INCHES * depth
    width, height = 0.2 + cols * panel, head + rows * (title_height + bars_height + ticks_height) + 0.3
    fig = Figure(figsize=(width, height))
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    fig.subplots_adjust(left=(0.1 + words_width) / width, right=1 - 0.1 / width, wspace=words_width / _BARS_INCHES,
                        top=1 - (head + title_height) / height, bottom=(0.3 + ticks_height) / height,
                        hspace=(title_height + ticks_height) / bars_height)
    for ax, words, name in zip(axes, groups, titles):
        weights = [float(w) for _, w in words]
        ax.barh([_text(t) for t, _ in words], weights,
                color=[BAR_COLOR if w >= 0 else "#c0392b" for w in weights])
        ax.invert_yaxis()
        # from the panel's left edge, where its words start: centred, a long title ran into the next panel. Placed
        # (y), as the axes' labels (which are empty): matplotlib measured every tick label to place them
        ax.set_title(name, fontsize=10, x=-words_width / _BARS_INCHES, y=1.0, ha="left")
        ax.xaxis.set_label_coords(0.5, 0.0)
        ax.yaxis.set_label_coords(0.0, 0.5)
        ax.tick_params(axis="y", labelsize=8)
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(3))
    for ax in axes[len(groups):]:
        ax.set_visible(False)
    fig.suptitle(title, y=1 - 0.12 / height, va="top")
    if note:
        fig.text(0.5, 1 - 0.5 / height, textwrap.fill(note, 110), ha="center", va="top", fontsize=9, style="italic")
    fig.supxlabel(xlabel, y=0.1 / height, va="bottom", fontsize=9)
    return fig


# Up to this many topics the shares over time are stacked bars, each topic a colour of its own (tab20, its dark
# shades first, so topics next to each other in the stack differ in hue); more bands than that cannot be told
# apart by colour, so more topics are drawn as a heat map, a row per topic, readable for any K. The topics by
# type turn the same way past this many: a column per topic is then too wide for a page.
MAX_STACKED_TOPICS = 20
_LEGEND_ENTRY_INCHES = 0.19  # one legend line at fontsize 8: the figure grows to hold the whole legend


def _topic_colours(n_topics: int) -> list:
    """A distinct colour per topic, for up to MAX_STACKED_TOPICS topics: tab10, then tab20's dark shades
    followed by its light ones.

    >>> len(set(_topic_colours(20)))
    20
    """
    from matplotlib import colormaps

    if n_topics > MAX_STACKED_TOPICS:
        raise ValueError(f"{n_topics} topics: at most {MAX_STACKED_TOPICS} have colours of their own")
    if n_topics <= 10:
        return list(colormaps["tab10"].colors[:n_topics])
    tab20 = colormaps["tab20"].colors
    return list((tab20[0::2] + tab20[1::2])[:n_topics])


def topic_shares_over_time_figure(periods: Sequence[str], shares, topic_labels: Sequence[str] | None = None,
                                  dated: tuple[int, int] | None = None) -> Figure:
    """Each topic's share of the articles in each period.

    `shares` is a periods × topics array (rows usually sum to 1). Up to MAX_STACKED_TOPICS topics: stacked
    bars (rather than areas, so a corpus with one or two periods still shows something), a colour per topic,
    the legend beside them. More topics: a heat map with a row per topic and a column per period. The width
    grows with the periods up to MAX_PERIODS_CHARTED; more periods are drawn narrower, with a label on every
    n-th (the report charts years by then: `io.metadata.charted_period`). No period at all (no
    article has a date) is a `DvtopicsError` that says so. `dated`: (the articles dated, all of them), said in the
    title where some have no date: a figure pasted into a write-up carries the count its bars rest on (hunt 41 AC,
    a year of bars drawn from 14 of 1,514 articles).
    """
    if not len(periods):
        raise DvtopicsError("no shares over time to draw: no article has a date")
    array = np.asarray(shares, dtype=float)
    if array.ndim != 2 or array.shape[0] != len(periods):
        raise ValueError(f"shares: expected {len(periods)} periods × topics, got shape {array.shape}")
    names = _topic_labels(topic_labels, array.shape[1])
    if len(names) != array.shape[1]:
        raise ValueError(f"{len(names)} topic labels for {array.shape[1]} topics")
    label_inches = _label_inches(names)  # the legend's, or the rows' labels: never cut
    shown = min(len(periods), MAX_PERIODS_CHARTED)  # more periods share the width of these: the figure stays readable
    if len(names) > MAX_STACKED_TOPICS:
        # a period of the span without an article (its shares all 0, as `summarize` keeps it on the axis) is blank,
        # "–": a column of 0.00 read as every topic gone that month; the stacked bars leave it empty alike
        empty = ~array.any(axis=1)
        fig, ax = _topic_rows_heatmap(np.where(empty[:, None], np.nan, array).T, names, periods, "mean topic share",
                                      shown)
        _period_ticks(ax, periods)
    else:
        fig = _figure(max(7.0, 2.6 + 0.45 * shown + label_inches),
                      max(4.0, 1.2 + _LEGEND_ENTRY_INCHES * len(names)))
        ax = fig.add_subplot()
        x = np.arange(len(periods))
        bottom = np.zeros(len(periods))
        for column, name, colour in zip(array.T, names, _topic_colours(len(names))):
            ax.bar(x, column, bottom=bottom, label=_text(name), width=0.8, color=colour)
            bottom += column
        _period_ticks(ax, periods)
        ax.set_ylabel("Mean topic share")  # of the articles' words (or weight): not a share of the articles
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
    ax.set_xlabel("Period")
    title = "Topic shares over time"
    if dated and dated[0] < dated[1]:
        title += f"\n(from the {dated[0]:,} dated of {dated[1]:,} articles)"
    ax.set_title(title)
    return fig


def _label_inches(labels: Sequence[str]) -> float:
    """The width the longest of `labels` takes at fontsize 8."""
    return 0.07 * _longest(labels)


def _topic_rows_heatmap(array: np.ndarray, names: Sequence[str], columns: Sequence[str], colorbar: str,
                        shown: int | None = None) -> tuple[Figure, object]:
    """A heat map of many topics (more than MAX_STACKED_TOPICS): a row per topic, readable for any K, a column
    per period or type (`shown` columns wide at most: more share that width). The figure grows in height with
    K, not in width, so it is not shrunk past reading on a page."""
    columns = [str(c) for c in columns]
    shown = len(columns) if shown is None else shown
    fig = _figure(3.0 + 0.45 * shown + _label_inches(names), 1.6 + 0.22 * len(names) + 0.06 * _longest(columns))
    ax = _heatmap(fig, array, names, columns, "YlOrRd", ".2f", colorbar)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_ylabel("Topic")
    return fig, ax


def _longest(labels: Sequence[str]) -> int:
    return max((len(str(label)) for label in labels), default=0)


def _period_ticks(ax, periods: Sequence[str], upright: int = 6) -> None:
    """A label under each period, or under every n-th when they are more than MAX_PERIODS_CHARTED; slanted when
    more than `upright` labels would touch."""
    step = -(-len(periods) // MAX_PERIODS_CHARTED)
    ticks = list(range(0, len(periods), step))
    many = len(ticks) > upright
    ax.set_xticks(ticks, [str(periods[i]) for i in ticks], rotation=45 if many else 0, ha="right" if many else "center")


def topic_by_type_heatmap(matrix, type_labels: Sequence[str], topic_labels: Sequence[str] | None = None,
                          kind: str = "article type", counts: Sequence[int] | None = None) -> Figure:
    """Heat map of the mean topic share (columns) within each article type (rows); more than MAX_STACKED_TOPICS
    topics are rows and the types columns (`_topic_rows_heatmap`), as in the shares over time, so that the
    figure does not grow wider with K. No type at all (no article has one) is a `DvtopicsError` that says so.
    `kind`: what its axis and title call a type ("label", for labels of one's own). `counts`: each type's articles,
    named beside it: a type of 2 articles was coloured as surely as one of 2,454."""
    if not len(type_labels):
        raise DvtopicsError("no topics by article type to draw: no article has a type")
    if counts is not None:
        type_labels = [f"{label} ({count:,})" for label, count in zip(type_labels, counts)]
    n_topics = np.shape(matrix)[1] if np.ndim(matrix) == 2 else 0
    names = _topic_labels(topic_labels, n_topics)
    array = _matrix(matrix, len(type_labels), len(names), "topic by type")
    if len(names) > MAX_STACKED_TOPICS:  # a column per topic would be too wide to read: a row per topic, as over time
        fig, ax = _topic_rows_heatmap(array.T, names, type_labels, "mean topic share")
        ax.set_xlabel(kind.capitalize())
    else:
        # rotated topic labels need room below
        fig = _figure(1.8 + 0.75 * len(names), 1.2 + 0.5 * len(type_labels) + 0.06 * _longest(names))
        ax = _heatmap(fig, array, type_labels, names, "YlOrRd", ".2f", "mean topic share")
        ax.set_xlabel("Topic")
        ax.set_ylabel(kind.capitalize())
    ax.set_title(f"Topics by {kind}")
    return fig


# ---------------------------------------------------------------------- output

FIGURE_SUFFIXES = (".png", ".svg", ".pdf", ".jpg", ".jpeg")  # what save_figure writes, each in the format its name says


def save_figure(fig: Figure, path: str | os.PathLike, dpi: int = 120) -> Path:
    """Write `fig` to `path` as its suffix says (`FIGURE_SUFFIXES`). Returns the path."""
    path = Path(home_path(path))  # "~/…": the home folder, as load_model and the command line read it
    suffix = path.suffix.lower()
    if suffix not in FIGURE_SUFFIXES:  # a PNG named confusion.csv opens nowhere, and may replace a table
        raise DvtopicsError(f"{path}: written as a figure, so its name must end in {' or '.join(FIGURE_SUFFIXES)}")
    import matplotlib

    # the same figure twice is the same file: no date in it, nor SVG ids salted with a random uuid
    metadata = {".svg": {"Date": None}, ".pdf": {"CreationDate": None}}.get(suffix)
    # written beside its place and moved in whole (`staged`): written in place, a disk that filled left a cut PNG
    # over the good one, and "No space left on device" named no file
    with staged([path]) as [written], matplotlib.rc_context({"svg.hashsalt": "dvtopics"}):
        fig.savefig(written, format=suffix.lstrip("."), dpi=dpi, metadata=metadata)
    return path
