"""`dvtopics topics fit|show|assign|sweep|html`: the recurring themes of a set of articles.

Each command parses its arguments, calls `dvtopics.jobs` and prints. gensim
and the plotting stack are imported inside the commands so `dvtopics --help`
stays fast.

A model directory written by `fit` holds model.pickle.gz + model_card.json (see
`dvtopics.persist`), topics.json (labels, top words, shares, representative
articles), documents.csv (each article's main topic and mix), over_time.csv /
by_type.csv and the PNG figures topic_words.png, over_time.png, by_type.png.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..arguments import MAX_ITER, MAX_NO_BELOW, MAX_TOPICS, MIN_TOPICS, PERIODS
from ..wording import plural
from .options import (SEED, TOPICS_DIR, FloatRange, Group, InputPath, ModelArgument, OutputPath, WholeNumber, checked,
                      engine_options, force_option, one_of, paths_argument, reading_options, terminal_text)

UNITS = ("document", "paragraph")
ENGINES = ("gensim", "nmf", "tomotopy", "sklearn")  # dvtopics.topics.engines.ENGINES, without importing it
INITS = ("nmf", "random")  # dvtopics.topics.model.INITS


def _no_below(ctx, param, value: str):
    if value.strip().lower() == "auto":  # (in any case, as every choice is: `one_of`)
        return "auto"
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_NO_BELOW:
        raise click.BadParameter(f"{value!r}: a whole number from 1 to {MAX_NO_BELOW}, or 'auto'")
    return number


def _measure_list(spec: str) -> list[str]:
    from ..topics.measures import check_measures

    return check_measures([m.strip().lower() for m in spec.split(",") if m.strip()])


def _k_range(spec: str) -> list[int]:
    from ..topics.sweep import parse_k_range

    return parse_k_range(spec, MAX_TOPICS)


def model_options(func):
    """The preprocessing and engine options shared by `fit` and `sweep`."""
    for option in reversed([
        click.option("--unit", type=one_of(UNITS), default="document", show_default=True,
                     help="What LDA sees as one document: a whole article or each paragraph (better for a few long reports)."),
        click.option("--engine", type=one_of(ENGINES), default="gensim", show_default=True,
                     help="gensim: LDA, the default; nmf: NMF on TF-IDF, the most coherent and fastest; tomotopy: "
                          "LDA by Gibbs sampling (pip install 'dvtopics[bench]'); sklearn: scikit-learn's LDA."),
        click.option("--no-below", default="auto", show_default=True, callback=_no_below,
                     help="Keep words found in at least this many units (auto: one in 150, at least 2, at most 20)."),
        click.option("--no-above", type=FloatRange(0, 1, min_open=True), default=0.5, show_default=True,
                     help="Drop words found in more than this share of the units."),
        click.option("--phrases/--no-phrases", default=False, show_default=True,
                     help="Join collocations (gensim Phrases) into one token; off as it lowered NPMI."),
        click.option("--init", type=one_of(INITS), default="nmf", show_default=True,
                     help="Where gensim's LDA starts: the topics NMF finds, or random ones (gensim only: refused "
                          "beside another --engine)."),
        click.option("--stopwords", "stopwords_file", type=InputPath(exists=True, dir_okay=False),
                     help="Extra stopwords, one a line (\"công tác\" or its segmented form \"công_tác\")."),
        click.option("--max-iter", type=WholeNumber(1, MAX_ITER), default=None,
                     help="Passes (gensim, sklearn), Gibbs sweeps (tomotopy) or iterations (nmf) "
                          "[default: the engine's own]."),
        click.option("--seed", type=SEED, default=0, show_default=True,
                     help="Random seed: the same seed repeats a run (nmf: 0 starts from NNDSVD, any other from random "
                          "factors)."),
    ]):
        func = option(func)
    return func


def _model_params(unit, engine, no_below, no_above, phrases, init, stopwords_file, max_iter, seed) -> dict:
    from click.core import ParameterSource

    from ..io.sidefiles import read_stopwords

    # an option the command would ignore is refused (README): --init is where gensim's LDA starts
    if engine != "gensim" and click.get_current_context().get_parameter_source("init") == ParameterSource.COMMANDLINE:
        raise click.UsageError(f"--init is where gensim's LDA starts; --engine {engine} does not use it: leave it out")
    extra = read_stopwords(stopwords_file) if stopwords_file else []
    return dict(unit=unit, engine=engine, no_below=no_below, no_above=no_above, phrases=phrases, init=init,
                extra_stopwords=tuple(extra), max_iter=max_iter, random_state=seed)


def _report_failures(failed: int, kept_in: str | None = None) -> int:
    """The exit code, 1 when some (`failed`) articles could not be read (each was named in an error line as it was
    read), and a line that says how many, and where they went: left out, or `kept_in` the output with their error."""
    if failed:
        one = failed == 1
        where = (f"{'is' if one else 'are'} in {kept_in} with {'its' if one else 'their'} error" if kept_in
                 else f"{'was' if one else 'were'} left out")
        click.echo(f"{plural(failed, 'article')} could not be read and {where}", err=True)
    return 1 if failed else 0


def _echo_topics(topics: list[dict], card: dict, n_words: int) -> None:
    measures = card.get("measures", {})
    shown = ", ".join(f"{name} {value:.3f}" for name, value in measures.items() if isinstance(value, (int, float)))
    engine = card.get("engine_name") or card.get("engine")
    n = card.get("data", {}).get("articles", "?")
    click.echo(f"{card.get('k')} topics made by {engine} (by {card.get('unit')}; "
               f"{n} {'article' if n == 1 else 'articles'}){'; ' + shown if shown else ''}")
    for topic in topics:
        click.echo(f"\n#{topic['topic']}  {topic['share']:.0%}  {terminal_text(topic['label'])}")
        if topic.get("title"):
            click.echo(f"    «{terminal_text(topic['title'])[:100]}»")
        click.echo("    " + terminal_text(" ".join(word for word, _ in topic["words"][:n_words])))
        for rep in topic.get("representatives", [])[:3]:
            # an article without a title (its text opens with a paragraph) by its id, as the report names it
            click.echo(f"    - {terminal_text(rep['title'] or str(rep.get('id') or ''))[:90]} ({rep['share']:.0%})")


def _fit_files():
    from ..topics.summary import FIT_FILES
    return FIT_FILES


def _sweep_files():
    from ..topics.sweep import SWEEP_FILES
    return SWEEP_FILES


@click.group(cls=Group)
def topics():
    """Recurring themes (LDA or NMF): fit, show, assign, sweep over K and seeds, html view."""


@topics.command("fit")
@paths_argument
@click.option("--k", "n_topics", type=WholeNumber(MIN_TOPICS, MAX_TOPICS), default=10, show_default=True,
              help="Number of topics.")
@click.option("--out", type=OutputPath(folder=True, files=_fit_files), required=True,
              help="Model directory to write.")
@click.option("--labels", "labels_file", type=InputPath(exists=True, dir_okay=False),
              help="Article types (CSV, .xlsx, JSONL or JSON with id,label, as `dvtopics label --out` writes; or the "
                   "columns --id-field and --label-field name).")
@click.option("--period", type=one_of(PERIODS), default="month", show_default=True,
              help="Period of the shares over time (its chart labels every n-th beyond 36 of them).")
@model_options
@reading_options()
def fit_cmd(paths, n_topics, out, labels_file, period, unit, engine, no_below, no_above, phrases, init,
            stopwords_file, max_iter, seed, reading):
    """Fit a topic model on articles; write it with its card, tables and figures into OUT."""
    from ..jobs import fit_topics

    params = _model_params(unit, engine, no_below, no_above, phrases, init, stopwords_file, max_iter, seed)
    fit = fit_topics(reading, out,
                     n_topics, labels_file, period, **params)
    _echo_topics(fit.topics, fit.card, 10)
    click.echo(f"\nModel, tables and figures in {terminal_text(out)}", err=True)
    sys.exit(_report_failures(len(fit.segmented.failed)))


@topics.command("show")
@click.argument("directory", type=TOPICS_DIR)
@click.option("--format", "fmt", type=one_of(["table", "json"]), default="table", show_default=True)
@click.option("--words", "n_words", type=WholeNumber(1, 1000), default=10, show_default=True,
              help="Words shown per topic.")
def show_cmd(directory, fmt, n_words):
    """Show a model's topics: label, share, top words and representative articles."""
    from ..jobs import read_topics

    topics_list, card = read_topics(directory, n_words)
    if fmt == "json":
        click.echo(json.dumps({"k": card.get("k"), "engine": card.get("engine"),
                               "engine_name": card.get("engine_name"), "unit": card.get("unit"),
                               "measures": card.get("measures", {}), "topics": topics_list},
                              ensure_ascii=False, indent=1))
    else:
        _echo_topics(topics_list, card, n_words)


@topics.command("assign")
@click.argument("directory", type=TOPICS_DIR, cls=ModelArgument)
@paths_argument
@click.option("--out", type=OutputPath(parts=True), required=True,
              help="Per-article topics: .csv or .xlsx (a column per topic; .xlsx for Excel) or .jsonl; with --engine "
                   "dask, FOLDER/ "
                   "keeps the parts there.")
@click.option("--labels", "labels_file", type=InputPath(exists=True, dir_okay=False),
              help="Article types (CSV, .xlsx, JSONL or JSON with id,label; or the columns --id-field and "
                   "--label-field name).")
@click.option("--resume", is_flag=True, help="--engine dask: finish an interrupted run into the same --out.")
@force_option()
@engine_options
@reading_options()
def assign_cmd(directory, paths, out, labels_file, resume, force, engine, scheduler, part_size, reading):
    """Give each article its main topic and topic mix with a fitted model."""
    from . import RESUMABLE
    from ..jobs import assign_topics

    if resume and engine != "dask":  # the local engine writes its table at the end: nothing to resume
        raise click.UsageError("--resume finishes an interrupted --engine dask run; the local engine writes the "
                               "table at once: run again without --resume")
    click.get_current_context().meta[RESUMABLE] = out if engine == "dask" else None  # Dask's parts only
    assigned = assign_topics(reading,
                             directory, out, labels_file, engine, scheduler, part_size, resume, force)
    counts = assigned.counts
    for k, label in enumerate(assigned.labels):
        click.echo(f"#{k:<3} {counts.get(k, 0):>6}  {terminal_text(label)}")
    if counts.get(None):
        click.echo(f"{'-':<4} {counts[None]:>6}  (no main topic: no word the model knows)")
    written = sum(counts.values()) - counts["error"]
    without = counts.get(None, 0)  # in the table all the same, with no main topic
    # ("300 articles assigned to topics, 3 with no main topic" read as 300 in all: the total first)
    click.echo(f"{plural(written, 'article')} in {terminal_text(out)}"
               + (f": {written - without} with a main topic, {without} with none" if without else ""), err=True)
    # (counted: on Dask the workers read them, and the client knows them by their records)
    sys.exit(_report_failures(counts["error"], out))


@topics.command("sweep")
@paths_argument
@click.option("--k", "ks", default="5:50:5", show_default=True, callback=checked(_k_range),
              metavar="K,... or A:B:STEP",
              help="Ks to fit: START:STOP:STEP (STOP included) or a list (4,6,8).")
@click.option("--seeds", "n_seeds", type=WholeNumber(1, 20), default=3, show_default=True,
              help="Fits per K, with seeds SEED, SEED+1, ...: the spread of the measures and the topics' stability.")
@click.option("--out", type=OutputPath(folder=True, files=_sweep_files), required=True,
              help="Folder for sweep.csv and sweep.png.")
@click.option("--measures", default="npmi,c_v,diversity", show_default=True, metavar="MEASURE,...",
              callback=checked(_measure_list),
              help="Measures to compute (C_V is the slowest on large corpora).")
@force_option("sweep.csv and sweep.png in --out")
@model_options
@reading_options()
def sweep_cmd(paths, ks, n_seeds, out, measures, force, unit, engine, no_below, no_above, phrases, init,
              stopwords_file, max_iter, seed, reading):
    """Fit each K with several seeds; report the mean and spread of NPMI, C_V and diversity, how alike
    the seeds' topics are, and suggest a K."""
    from ..errors import TopicsError
    from ..jobs import sweep_topics
    from ..topics.sweep import seeds_note, suggestion

    seeds = list(range(seed, seed + n_seeds))
    if seeds[-1] > SEED.max:  # refused now, not after the first fits: every seed must be one numpy takes
        raise click.BadParameter(f"{seed} with --seeds {n_seeds}: the seeds run to {seeds[-1]}, past the largest "
                                 f"seed {SEED.max}; give --seed {SEED.max - n_seeds + 1} at most",
                                 param_hint="--seed")
    params = _model_params(unit, engine, no_below, no_above, phrases, init, stopwords_file, max_iter, seed)
    rows, data = sweep_topics(reading, out, ks, measures, seeds, force, **params)
    if len(seeds) > 1:
        click.echo(f"{len(seeds)} seeds per K; mean ± standard deviation over the seeds")
    else:
        click.echo("1 seed per K: each figure is that fit's own, with no spread over seeds (--seeds 3 measures one)")
    click.echo(f"{'K':>4} {'NPMI':>15} {'C_V':>15} {'diversity':>15} {'stability':>10} {'seconds':>8}")
    for row in rows:
        cells = ["-" if row.get(m) is None else f"{row[m]:.3f}" if row.get(m + "_sd") is None
                 else f"{row[m]:.3f} ± {row[m + '_sd']:.3f}" for m in ("npmi", "c_v", "diversity")]
        stability = f"{row['stability']:.3f}" if row.get("stability") is not None else "-"
        click.echo(f"{row['k']:>4} {cells[0]:>15} {cells[1]:>15} {cells[2]:>15} {stability:>10} "
                   f"{row['fit_seconds']:>8.1f}")
    note = seeds_note(rows, engine, init)
    if note:
        click.echo(note)
    try:
        k, why = suggestion(rows)
        click.echo(f"Suggested K: {k} ({why})")
    except TopicsError as why:  # --measures without npmi or diversity
        click.echo(f"No K suggested: {why}")
    click.echo(f"Table and plot in {terminal_text(Path(out) / 'sweep.csv')}, {terminal_text(Path(out) / 'sweep.png')}",
               err=True)
    sys.exit(_report_failures(len(data.failed)))


@topics.command("html")
@click.argument("directory", type=TOPICS_DIR)
@click.option("--out", type=OutputPath(), required=True, help="HTML file to write.")
@force_option()
def html_cmd(directory, out, force):
    """Write an interactive pyLDAvis page of a model that opens offline (its scripts inlined)."""
    from ..jobs import topics_page

    topics_page(directory, out, force)
    click.echo(f"Topic view in {terminal_text(out)}", err=True)


COMMANDS = [topics]
