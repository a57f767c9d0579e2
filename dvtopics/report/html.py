"""The report people open: one self-contained HTML file, and its spreadsheet.

`build_report(records, topics, provenance)` turns plain data into the HTML
string; it knows nothing of models or files:

- `records`: one dict per article as `dvtopics.types.model.predict_articles`
  gives them (id, label, confidence, cues, title, date, source, error, warning).
- `topics` (optional): a `dvtopics.topics.summary.TopicReport` (or its `asdict`), as
  `dvtopics.topics.summary.summarize` makes it: labels, top words, each article's main
  topic, representative articles, mean shares per period and per type.
- `provenance`: {"command", "inputs", "model_dir", "model_card",
  "topics_source", "topics_card"}; version and date are filled in.

`report_tables` computes the tables (articles with labels and topics, counts
per month, topics) once; the HTML shows them and `write_report_workbook`
writes them as sheets. Charts are the project's matplotlib figures inlined as
SVG with the glyphs drawn as paths, so the diacritics show without any font on
the reader's machine; the article table is server-rendered HTML that a few
lines of inline JavaScript make sortable, filterable and searchable. Nothing
is loaded from the network.

Big corpora: the HTML shows the `max_rows_per_type` most confident articles of
each type and the `TOP_ARTICLES_PER_TOPIC` most representative of each topic; the
spreadsheet holds every article.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import logging
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from .. import __version__
from ..article_types import ARTICLE_TYPES, TYPE_NAMES_VI
from ..arguments import ABSTAIN, check_title
from ..errors import DvtopicsError
from ..io.folders import FOLDER_READS
from ..io.metadata import charted_period, day_of, period_of, period_range, stretched_span
from ..io.write import writable_text
from ..text.segment import as_written
from ..wording import word_for

log = logging.getLogger(__name__)

MAX_ROWS_PER_TYPE = 500
TOP_ARTICLES_PER_TOPIC = 5
TOP_WORDS = 12
MAX_FAILED_SHOWN = 200

UNLABELLED = "(none)"


# ----------------------------------------------------------------- the data

def _good(records: Sequence[Mapping]) -> list[Mapping]:
    return [r for r in records if not r.get("error")]


def record_type(record: Mapping) -> str:
    """A readable article's type as the report counts it: its label, or `UNLABELLED`."""
    return record.get("label") or UNLABELLED


def _type_from(record: Mapping) -> str | None:
    """Where a readable article's type came from: "input" (its own label, `jobs.report._given_types`) or "model"."""
    return None if record.get("error") else record.get("type_from") or "model"


def _model_label(record: Mapping) -> str | None:
    """The model's label of the article, its type or not (its confidence is the model's, for this label)."""
    return record.get("model_label", record.get("label"))


def type_order(records: Sequence[Mapping]) -> list[str]:
    """Types by count (most first), ties by name, so every table and chart agrees."""
    counts = Counter(record_type(r) for r in _good(records))
    return sorted(counts, key=lambda label: (-counts[label], label))


def corpus_summary(records: Sequence[Mapping]) -> dict:
    """Counts, sources, date range and failures: the corpus at a glance."""
    good = _good(records)
    # as the readers give them: a notebook's own "25/03/2024" sorted as text was no first or last date
    dates = sorted(filter(None, (day_of(r.get("date")) for r in good)))
    sources = Counter(r.get("source") or "(unknown)" for r in good)
    from_input = sum(1 for r in good if _type_from(r) == "input")
    return {
        "articles": len(records), "read": len(good), "failed": [r for r in records if r.get("error")],
        "from_input": from_input, "from_model": len(good) - from_input,
        "sources": sources.most_common(), "n_sources": len([s for s in sources if s != "(unknown)"]),
        "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
        "undated": len(good) - len(dates),
        # the charts per period mostly empty: a mistyped date, said on the page, whose reader never sees a warning
        "stretched_span": stretched_span(((r.get("id"), r.get("date")) for r in good), period_for(records)),
    }


# a row of `type_counts`
TYPE_COLUMNS = ("label", "name_vi", "articles", "from_input", "from_model", "share", "mean_confidence")


def type_counts(records: Sequence[Mapping]) -> list[dict]:
    """Per type: articles, how many of these types came from the input (its own labels) and how many from the
    model, share, and the model's mean confidence over the articles it gave this type (TYPE_COLUMNS)."""
    good = _good(records)
    rows = []
    for label in type_order(records):
        mine = [r for r in good if record_type(r) == label]
        confidences = [float(r["confidence"]) for r in mine
                       if r.get("confidence") is not None and _model_label(r) == r.get("label")]
        from_input = sum(1 for r in mine if _type_from(r) == "input")
        row = {"label": label, "name_vi": TYPE_NAMES_VI.get(label, ""), "articles": len(mine),
               "from_input": from_input, "from_model": len(mine) - from_input, "share": len(mine) / len(good),
               "mean_confidence": float(np.mean(confidences)) if confidences else None}
        rows.append({column: row[column] for column in TYPE_COLUMNS})
    return rows


def counts_per_period(records: Sequence[Mapping], unit: str = "month") -> dict[str, Counter]:
    """Period ("2017-03", or "2017" by year) -> articles of each type, every period from the first dated
    article's to the last's (`period_range`: one without an article is there with none, so a time axis has no
    gap closed); undated articles are left out."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for record in _good(records):
        period = period_of(record.get("date"), unit)
        if period:
            counts[period][record_type(record)] += 1
    return {period: counts[period] for period in period_range(counts, unit)}


def month_columns(records: Sequence[Mapping]) -> list[str]:
    """The type columns of the table per month, the same in every report so that two can be set side by side (two
    years, two models): the five article types in their order, 0 where there are none, then any other label (an
    abstention's `uncertain`, none) by name. A model of labels of a user's own has its labels by name. (They were the
    types met, by count: another order, and fewer, in each report.)"""
    labels = {record_type(record) for record in _good(records)}
    if labels <= {*ARTICLE_TYPES, *ABSTAIN, UNLABELLED}:
        return [*ARTICLE_TYPES, *sorted(labels - set(ARTICLE_TYPES))]
    return sorted(labels)


def monthly_counts(records: Sequence[Mapping]) -> list[dict]:
    """One row per month: total and articles of each type (`month_columns`; undated articles are left out). Only the
    months with an article when a mistyped date stretches the span, as the report warns (`stretched_span`, at the
    chart's period): 1917 among 2017's dates made 1,200 rows of none, 48 pages printed, on the page and in the
    workbook. Six years of a few articles a year, charted per year, keep their empty months: they were left out,
    under a note that asked for a mistyped date no warning named."""
    types = month_columns(records)
    per_month = counts_per_period(records)
    stretched = stretched_span(((r.get("id"), r.get("date")) for r in _good(records)), period_for(records))
    return [{"month": month, "total": sum(counts.values()), **{t: counts[t] for t in types}}
            for month, counts in per_month.items() if counts or not stretched]


def topic_data(topics) -> dict | None:
    """`topics` as a plain dict (a `dvtopics.topics.summary.TopicReport` or its `asdict`), or None if it has no topics."""
    if topics is None:
        return None
    if dataclasses.is_dataclass(topics):
        topics = dataclasses.asdict(topics)
    return dict(topics) if topics.get("labels") else None


def topic_names(topics: Mapping | None) -> list[str]:
    """"3: label" per topic, in topic order."""
    from .plots import numbered_labels  # (plots: the figures name them so too; not topics, a stage above the page)

    return numbered_labels((topics or {}).get("labels", []))


# The columns of the workbook's sheet of articles, in order (`article_rows`; the topic's two only with topics): what
# a workbook given back as --labels holds as dvtopics wrote it, not columns added by hand (jobs' `_warn_added_columns`)
ARTICLE_COLUMNS = ("id", "title", "date", "source", "label", "type_from", "model_label", "confidence", "name_vi",
                   "cues", "topic", "topic_share", "error", "warning")


def article_rows(records: Sequence[Mapping], topics: Mapping | None = None) -> list[dict]:
    """Every article with its type (`label`), where that came from (`type_from`: "input" or "model"), the
    model's label and confidence, cues, and main topic when there are topics (none for an article without a
    word the topic model knows)."""
    names = topic_names(topics)
    # the topics' documents are the readable records', in order: matched by place, as ids may repeat
    documents = (topics or {}).get("documents", [])
    if names:
        _check_documents(records, documents)
    documents = iter(documents)
    rows = []
    for record in records:
        row = {key: record.get(key) for key in ("id", "title", "date", "source", "label")}
        row.update(type_from=_type_from(record), model_label=_model_label(record), confidence=record.get("confidence"))
        row["name_vi"] = TYPE_NAMES_VI.get(record.get("label") or "", "")
        row["cues"] = list(record.get("cues") or [])
        if names:
            doc = {} if record.get("error") else next(documents, {})
            row["topic"] = None if doc.get("main_topic") is None else names[doc["main_topic"]]
            row["topic_share"] = doc.get("main_share")
        row["error"] = record.get("error")
        row["warning"] = record.get("warning")  # how the article was read (encoding, HTML, a field not used)
        rows.append({column: row[column] for column in ARTICLE_COLUMNS if column in row})
    return rows


def _check_documents(records: Sequence[Mapping], documents: Sequence[Mapping]) -> None:
    """Refuse topics summarized over other articles than the readable records, or in another order: matched by
    place, they gave one article another's main topic, or none, in silence (a notebook's `summarize` of a subset)."""
    ids, topic_ids = [r.get("id") for r in _good(records)], [d.get("id") for d in documents]
    if ids != topic_ids:
        at = next((i for i, pair in enumerate(zip(ids, topic_ids)) if pair[0] != pair[1]),
                  min(len(ids), len(topic_ids)))
        raise DvtopicsError(f"the topics are of other articles than the records: {len(topic_ids)} against "
                            f"{len(ids)} readable records, differing at position {at}; summarize the readable "
                            "articles of the records, in their order")


def period_for(records: Sequence[Mapping]) -> str:
    """"month", or "year" when the months are too many to read as bars (`io.metadata.charted_period`)."""
    return charted_period(r.get("date") for r in _good(records))


def topics_period(topics: Mapping) -> str:
    """The period of the topics' shares over time, from their names ("2017" year, "2017-Q1" quarter, else
    month): a `TopicReport` summarized by the caller (a notebook's `summarize`, by month unless told) need not be
    by the period the page charts the article types in, and the sentence under its chart counts its own periods.

    >>> topics_period({"periods": ["2017-Q4", "2018-Q1"]}), topics_period({"periods": ["2017"]})
    ('quarter', 'year')
    """
    first = str(((topics or {}).get("periods") or [""])[0])
    return "year" if re.fullmatch(r"\d{4}", first) else "quarter" if re.fullmatch(r"\d{4}-Q\d", first) else "month"


def topic_rows(topics: Mapping | None) -> list[dict]:
    """One row per topic: label, representative title, top words, mean share over the articles, articles
    where it is the main topic."""
    if not topics:
        return []
    documents = topics.get("documents", [])
    main = Counter(d["main_topic"] for d in documents)
    shares = topics.get("shares") or [None] * len(topics["labels"])
    if documents and all(d.get("main_topic") is None for d in documents):
        # no article holds a word the model knows (another corpus' model): they are left out of every share, and
        # a mean over none of them is no share, not the 0 % `topic_shares` gives
        shares = [None] * len(topics["labels"])
    titles = topics.get("titles") or [""] * len(topics["labels"])
    return [{"topic": k, "label": label, "title": title,
             # (a word's syllables apart, as its label writes them: "dự án", not pyvi's "dự_án", hunt 41 AC)
             "top_words": ", ".join(as_written(w) for w, _ in words[:TOP_WORDS]),
             "mean_share": None if share is None else round(float(share), 4),  # to 4 places, as the share tables
             "main_topic_of": main.get(k, 0)}
            for k, (label, title, words, share) in enumerate(
                zip(topics["labels"], titles, topics["top_words"], shares))]


TOPIC_SHARE_TABLES = {  # the tables behind the two topic charts: (the TopicReport's keys, shares, counts)
    "period": ("periods", "over_time", "period_counts"), "type": ("types", "by_type", "type_counts")}


def topic_share_rows(topics: Mapping | None, by: str) -> list[dict]:
    """The table a topic chart is drawn from (`by` "period" or "type"): a row per period or type, its articles
    and each topic's mean share there, the topics named as the chart names them; the shares as `topics fit`'s
    over_time.csv and by_type.csv round them."""
    if not topics:
        return []
    keys, shares, counts = (topics.get(name) or [] for name in TOPIC_SHARE_TABLES[by])
    names = topic_names(topics)
    counts = counts or [None] * len(keys)
    return [{by: key, "articles": n, **{name: round(float(v), 4) for name, v in zip(names, row)}}
            for key, n, row in zip(keys, counts, shares)]


def representatives(topics: Mapping) -> list[list[dict]]:
    """Each topic's representative articles, their type as `label` (what the article table calls it)."""
    return [[{**doc, "label": doc.get("type")} for doc in docs] for docs in topics.get("representatives", [])]


# ------------------------------------------------------------------- charts

# The smallest a chart is drawn, as a share of its size: matplotlib's 10 pt words are then 6 pt, 8 px, high.
MIN_CHART_SCALE = 0.6


def svg_of(fig, prefix: str, label: str) -> str:
    """A matplotlib figure as inline <svg> markup.

    Glyphs are paths (matplotlib's default), so Vietnamese shows without
    fonts; `label` names the chart for screen readers and search, since path
    glyphs are not text. Ids get `prefix`, because several SVGs share one
    HTML document and matplotlib reuses ids ("DejaVuSans-61", clip paths).
    """
    import matplotlib

    buffer = io.StringIO()
    # matplotlib names clip paths and markers by a hash salted with a random uuid unless told a salt: the same report
    # made twice differed in hundreds of lines beyond its date (the ids are this chart's alone once prefixed, below)
    with matplotlib.rc_context({"svg.hashsalt": prefix}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML declaration and DOCTYPE: invalid inside HTML
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'((?:xlink:)?href)="#([^"]+)"', rf'\1="#{prefix}-\2"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    # shrink with the page but never grow past the drawn size (the viewBox keeps the proportions), nor shrink
    # below MIN_CHART_SCALE of it, where its words could no longer be read: a phone scrolls it sideways instead
    svg = re.sub(r'<svg([^>]*?) width="([\d.]+)(\w*)" height="[^"]+"',
                 lambda m: f'<svg{m[1]} class="chart" role="img" aria-label="{html.escape(label)}" '
                           f'style="max-width: {m[2]}{m[3]}; min-width: {float(m[2]) * MIN_CHART_SCALE:.1f}{m[3]}"',
                 svg, count=1)
    return svg


# How the page names what the model gives: the article types, or the labels of a model trained on the user's own
ARTICLE_TYPE_WORDS = {"heading": "Article types", "one": "type", "One": "Type", "many": "types", "Many": "Types",
                      "model": "article-type model", "Model": "Article-type model", "chart": "article type"}
LABEL_WORDS = {"heading": "Labels", "one": "label", "One": "Label", "many": "labels", "Many": "Labels",
               "model": "model", "Model": "Model", "chart": "label"}  # (its card's classifier is a row of its own)


def label_words(records: Sequence[Mapping], card: Mapping | None = None) -> dict[str, str]:
    """`LABEL_WORDS` when the model's labels (its card's, else the records') are not the article types: a report of a
    model trained on labels of one's own ("Y tế", "Giáo dục") spoke of "article types" throughout."""
    labels = (card or {}).get("labels") or [record.get("label") for record in records]
    # ("uncertain", `label --abstain uncertain`'s answer below the minimum confidence, is no label of one's own)
    own = any(label is not None and str(label) not in ARTICLE_TYPES and str(label) not in ABSTAIN for label in labels)
    return LABEL_WORDS if own else ARTICLE_TYPE_WORDS


def type_charts(records: Sequence[Mapping], kind: Mapping[str, str] = ARTICLE_TYPE_WORDS) -> dict[str, str]:
    from .plots import label_counts_figure, types_per_period_figure

    charts = {}
    counts = {row["label"]: row["articles"] for row in type_counts(records)}
    if counts:
        from matplotlib.ticker import MaxNLocator

        fig = label_counts_figure(counts, f"Articles per {kind['one']}")
        # five-digit counts crowd the default ticks at this width ("12000160002000...")
        fig.axes[0].xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        charts["types"] = svg_of(fig, "c-types", f"Articles per {kind['one']}")
    unit = period_for(records)
    per_period = counts_per_period(records, unit)
    if per_period:
        series = {t: [counts[t] for counts in per_period.values()] for t in type_order(records)}
        charts["months"] = svg_of(types_per_period_figure(list(per_period), series, unit, kind["one"]), "c-months",
                                  f"Articles per {unit} and {kind['one']}")
    return charts


def topic_charts(topics: Mapping, kind: Mapping[str, str] = ARTICLE_TYPE_WORDS) -> dict[str, str]:
    from .plots import topic_by_type_heatmap, topic_shares_over_time_figure

    charts, names = {}, topic_names(topics)
    if topics.get("periods"):
        charts["over_time"] = svg_of(topic_shares_over_time_figure(
            topics["periods"], topics["over_time"], names), "c-ttime", "Topic shares over time")
    if topics.get("types"):
        charts["by_type"] = svg_of(topic_by_type_heatmap(topics["by_type"], topics["types"], names, kind["chart"],
                                                         topics.get("type_counts")),
                                   "c-ttype", f"Topics by {kind['chart']}")
    return charts


# ------------------------------------------------------------------- report

def shown_articles(records: Sequence[Mapping], rows: Sequence[dict], limit: int) -> tuple[list[dict], dict]:
    """The rows the HTML table shows: the `limit` most confident of each type.

    Returns the rows and, per type, (shown, total)."""
    by_type: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if not row.get("error"):
            by_type[row.get("label") or UNLABELLED].append(row)
    shown, totals = [], {}
    for label in type_order(records):
        ranked = sorted(by_type[label], key=lambda r: -(r.get("confidence") or 0))
        shown.extend(ranked[:limit])
        totals[label] = (min(limit, len(ranked)), len(ranked))
    return shown, totals


def metric_blocks(card: Mapping | None) -> list[dict]:
    """The model card's scores as small tables: one per named result that has them."""
    blocks = []
    for name, result in ((card or {}).get("metrics") or {}).items():
        if isinstance(result, Mapping) and "accuracy" in result:
            blocks.append({"name": name, "n": result.get("n"), "accuracy": result.get("accuracy"),
                           "macro_f1": result.get("macro_f1"), "per_class": result.get("per_class") or {}})
        elif isinstance(result, Mapping):  # e.g. {"svm": {"macro_f1": ...}, ...}
            rows = {k: v for k, v in result.items() if isinstance(v, Mapping)}
            if rows:
                blocks.append({"name": name, "per_class": rows})
        elif isinstance(result, (int, float)):
            blocks.append({"name": name, "value": result})
    return blocks


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")  # embeddings, overrides and isolates


def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape
    from markupsafe import Markup, escape

    def without_bidi_controls(value):
        # an article's title or source holding U+202E (right-to-left override) showed reversed, and could turn the
        # rest of its cell around; escaping does not touch them. The terminal escapes them (cli.options).
        if isinstance(value, str) and _BIDI_CONTROLS.search(value):
            cleaned = _BIDI_CONTROLS.sub("", value)
            return Markup(cleaned) if isinstance(value, Markup) else cleaned
        return value

    env = Environment(loader=PackageLoader("dvtopics", "templates"), autoescape=select_autoescape(["j2", "html"]),
                      trim_blocks=True, lstrip_blocks=True, finalize=without_bidi_controls)
    env.filters["num"] = lambda n: f"{n:,}".replace(",", " ") if isinstance(n, int) else n
    env.filters["plural"] = word_for  # {{ n|plural("article") }}, {{ n|plural("has", "have") }}
    env.filters["pct"] = lambda x: "" if x is None else f"{100 * x:.1f} %"
    env.filters["dec"] = lambda x, d=3: "" if x is None else f"{float(x):.{d}f}"
    env.filters["word"] = as_written
    # a message's `command` as code (a warning's text, shown on the page too)
    env.filters["code"] = lambda text: Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))
    return env


def build_report(
    records: Sequence[Mapping],
    topics: Mapping | None = None,
    provenance: Mapping | None = None,
    max_rows_per_type: int = MAX_ROWS_PER_TYPE,
    title: str = "dvtopics report",
    workbook: str | None = None,
) -> str:
    """The HTML report of labelled articles (and their topics, if given) as one string. `workbook`: the name of the
    spreadsheet of its tables written with it, which the page names where it sends its reader; None: none was."""
    check_title(title)
    records = list(records)
    if not records:
        raise DvtopicsError("no articles to report on: check the input paths")
    provenance = dict(provenance or {})
    provenance.setdefault("dvtopics_version", __version__)
    provenance.setdefault("created", dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    topics = topic_data(topics)
    rows = article_rows(records, topics)
    shown, totals = shown_articles(records, rows, max_rows_per_type)
    has_topics = topics is not None
    summary = corpus_summary(records)
    if summary["stretched_span"]:
        log.warning("the articles' dates span %s (a mistyped date?)", summary["stretched_span"])
    kind = label_words(records, provenance.get("model_card"))
    months = monthly_counts(records)
    context = {
        "title": title, "summary": summary, "types": type_counts(records), "kind": kind,
        "type_names": TYPE_NAMES_VI, "months": months,
        "month_columns": month_columns(records),
        # (its empty months left out: a mistyped date's, `monthly_counts`)
        "months_with_articles_only": len(months) < len(period_range({m["month"] for m in months}, "month")),
        "charts": type_charts(records, kind), "period": period_for(records), "articles": shown, "totals": totals,
        "has_topics": has_topics,
        "max_failed": MAX_FAILED_SHOWN, "max_rows_per_type": max_rows_per_type, "provenance": provenance,
        "metrics": metric_blocks(provenance.get("model_card")), "workbook": workbook,
        "folder_reads": FOLDER_READS,  # (.docx and .odt too: the page said .txt alone)
    }
    if has_topics:
        context.update(topics=topics, topic_names=topic_names(topics), top_words=TOP_WORDS,
                       topics_period=topics_period(topics),
                       # (a topic that learnt no words lists none: `TopicModel.empty_topics`)
                       empty_topics=sum(not words for words in topics.get("top_words") or []),
                       topic_charts=topic_charts(topics, kind), topic_rows=topic_rows(topics),
                       representatives=representatives(topics))
    return _environment().get_template("report.html.j2").render(**context)


def write_text(text: str, path) -> Path:
    """Write the report; its folder is made if missing."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(writable_text(text), encoding="utf-8")  # an input folder's name that is not UTF-8, as \xNN
    return path
