"""The topic jobs: fit a topic model, give articles their topics (here or on Dask), sweep K, read and show a fit."""
from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Sequence

from ..arguments import (MAX_PART, MAX_TOPICS, MIN_TOPICS, PERIODS, check_at_least, check_choice, check_random_state,
                         check_seeds, check_topic_counts, named, option)
from ..errors import ArgumentError, TopicsError
from ..wording import brief_repr, word_for
from ..io.article import Article
from ..io.write import staged
from .checks import (HTML_SUFFIXES, PART_SIZE, check_engine, check_ids_found, check_suffix, field_settings,
                     input_types, output_name)
from .reading import Reading, Segmented, job_arguments, read_segmented

log = logging.getLogger(__name__)


@dataclass
class TopicsFit:
    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    card: dict
    topics: list[dict]  # topics.json
    segmented: Segmented


@job_arguments("out", "labels_file")
def fit_topics(reading: Reading, out: str, n_topics: int, labels_file: str | None = None, period: str = "month",
               **params) -> TopicsFit:
    """Fit a topic model on the articles and write it, its card, tables and figures into `out`. `params` are
    `TopicModel`'s arguments (engine, unit, no_below, no_above, random_state: the command line's --seed …), None
    read as their default."""
    from ..io.write import files_replaced_together
    from ..persist import CARD_FILE, MODEL_FILE, save_model
    from ..topics.measures import ReferenceTokens, topic_measures
    from ..topics.model import TopicModel, flat_texts_note, topic_card
    from ..run.batch import check_folder
    from ..topics.summary import FIT_FILES, previous_outputs, report_files, summarize, write_report_files
    from ..types.training import with_article_types  # "Annual review" is annual_review, as train reads it

    n_topics = check_at_least("n_topics", n_topics, MIN_TOPICS, MAX_TOPICS)  # a plain int: the card is JSON
    params = model_arguments(params)
    if "random_state" in params:
        params["random_state"] = check_random_state("random_state", params["random_state"])
    check_choice("period", period, PERIODS)
    model = TopicModel(n_topics=n_topics, **params)
    model._check_params(reading.n_jobs)  # engine="NMF" was refused only once every article was read and segmented
    # task: a classifier's folder is refused (its model and card would be replaced), a topics folder refitted
    check_folder(out, [*reading.paths, *([labels_file] if labels_file else [])], FIT_FILES, task="topics")
    types = input_types(labels_file, reading)
    k_fits, labels_found = _check_k(n_topics, params.get("unit", "document")), _check_types_found(types)

    def check(articles):
        k_fits(articles)
        labels_found(articles)
    data = read_segmented(reading, check=check)
    if model.unit == "paragraph" and (flat := flat_texts_note(data.texts)):
        log.warning("%s", flat)
    mixes = model.fit_transform(data.texts, n_jobs=reading.n_jobs,  # = fit, then transform: texts read once
                                progress=len(data.texts) > 100)
    [measures] = topic_measures([model], ReferenceTokens(data.texts, model.unit, model),
                                progress=len(data.texts) > 100)
    measures.pop("k")
    report = summarize(model, with_article_types(data.good, types), mixes, period=period)
    warn_without_mix(report.without_mix)
    warn_empty_topics(mixes)
    if report.stretched_span:
        log.warning("the shares over time span %s (a mistyped date? or a %s too short for these dates)",
                    report.stretched_span, option("--period"))
    if not report.periods:  # no over_time.csv then: say why it is missing
        log.warning("no article has a date: no shares over time (over_time.csv) in %s", out)
    # The new fit is written whole into a hidden folder inside `out`, then its files replace the previous
    # fit's together, the card last (`files_replaced_together`): a refit stopped at any moment leaves the old model
    # or the new one, never a new model file beside an old card or new topics beside old tables, and the
    # user's other files in `out` stay where they are.
    with files_replaced_together(Path(out), previous_outputs(out),
                                 then="; the fit there before is kept as it was") as (stage, new):
        card = save_model(model, stage, topic_card(model, report.labels, measures, data.good, reading.paths)
                          | {"outputs": report_files(report)})
        new += [path.name for path in write_report_files(report, stage)] + [MODEL_FILE, CARD_FILE]
    return TopicsFit(card, report.topics_json(), data)


def _check_types_found(types: dict[str, str] | None) -> Callable[[list[Article]], None]:
    """A `read_segmented` check: --labels none of whose ids is an article of the input is refused, and the ids
    that are none are counted in a warning (`check_ids_found`), as train and evaluate do."""
    def check(articles):
        if types is not None:
            ids = {a.id for a in articles}
            check_ids_found(types, ids, named("labels_file"))
            _warn_untyped(types, ids)
    return check


def _warn_untyped(types: dict[str, str], ids: set[str]) -> None:
    """Count the articles --labels gives no type: a labels file of another run named 37 of 798 articles, and the
    warning counted only its own ids (hunt 40 Q, 10)."""
    labelled = set(types) | {id_.strip() for id_ in types}
    untyped = sum(id_ not in labelled and id_.strip() not in labelled for id_ in ids)
    if untyped:
        log.warning("%d of the %d articles %s no type in %s: the view by type leaves %s out (or takes an article's "
                    "own label, where it is one of that file's set)", untyped, len(ids),
                    word_for(untyped, "has", "have"), named("labels_file"), word_for(untyped, "it", "them"))


def warn_without_mix(n_articles: int) -> None:
    if n_articles:
        log.warning("%d article%s no word the topic model knows: no main topic, and left out of the topic shares",
                    n_articles, " has" if n_articles == 1 else "s have")


def warn_empty_topics(mixes) -> None:
    """Say when topics are no article's main topic: six copies of one article fitted with K = 3 gave two topics of
    1%, listed with the same words, and no word of why (hunt 38 F)."""
    import numpy as np

    from ..topics.model import has_mix

    mixes = np.asarray(mixes)
    held = set(np.argmax(mixes[has_mix(mixes)], axis=1).tolist()) if len(mixes) else set()
    empty = [k for k in range(mixes.shape[1] if mixes.ndim == 2 else 0) if k not in held]
    if empty:
        log.warning("%d of the %d topics (%s) are no article's main topic: the articles may have fewer themes than "
                    "that; a smaller %s may read better", len(empty), mixes.shape[1],
                    ", ".join(f"#{k}" for k in empty[:5]) + (" …" if len(empty) > 5 else ""), option("--k"))


def _check_k(k: int, unit: str) -> Callable[[list[Article]], None]:
    """A `read_segmented` check: K documents at least, known before the segmenting (paragraphs are counted
    after it, by the model)."""
    from ..topics.model import too_many_topics

    def check(articles):
        readable = sum(1 for a in articles if not a.error)
        if articles and not readable:  # (a table without its text column) not "give more articles"
            raise TopicsError(f"no article could be read (such as {articles[0].id!r}: {articles[0].error}): no text "
                              "to model")
        if unit == "document" and k > readable:
            raise too_many_topics(k, readable, unit)
    return check


@dataclass
class Assignment:
    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    counts: Counter  # articles per main topic (None: no word the model knows; "error": unreadable ones)
    labels: list[str]  # per topic
    failed: list[Article]  # the unreadable articles, when they are known here (not on Dask: its workers log them)


@job_arguments("directory", "out", "labels_file")
def assign_topics(reading: Reading, directory: str, out: str, labels_file: str | None = None,
                  engine: str = "local", scheduler: str | None = None, part_size: int = PART_SIZE,
                  resume: bool = False, force: bool = False) -> Assignment:
    """Give each article its main topic and mix with the model in `directory`; write them to `out`, an
    unreadable article in its place with its error. An existing `out` that is not as dvtopics wrote it (a table
    sorted or annotated by hand since) is refused unless `force`, as `label` refuses its table."""
    from ..run.batch import check_output, note_written, refuse_edited, refuse_other_engine

    part_size = check_at_least("part_size", part_size, 1, MAX_PART)  # as --part-size is
    check_engine(engine, scheduler, part_size)
    if resume and engine != "dask":  # as --resume is: the local engine writes its table at once, so it rewrote it all
        raise ArgumentError("resume finishes an interrupted engine=\"dask\" run; the local engine writes the table "
                            "at once: run again without resume")
    out = output_name(out, engine)
    if not out.endswith(("/", os.sep)):  # FOLDER/ keeps Dask's parts
        check_output(out, [*reading.paths, directory, *([labels_file] if labels_file else [])])
        if engine != "dask":  # (a Dask run checks under its lock) as `label` does: OUT.parts/ is a Dask run's
            refuse_other_engine(Path(out), "local")
        refuse_edited(out, force, kept="what was changed in it by hand (themes noted, rows sorted); write this run "
                                       "elsewhere")
    one_file = not out.endswith(("/", os.sep)) and not os.path.isdir(out)  # FOLDER/: Dask's parts

    if engine == "dask":
        from ..parallel import cores
        from ..run.distributed import AssignJob, run_job, unused_labels, write_assignments
        from ..types.training import warn_unused_labels

        types = input_types(labels_file, reading)
        job = AssignJob(directory, types, cache_dir=reading.cache_dir, use_cache=reading.use_cache)
        labels = _load_topic_model(directory).topic_labels()  # (its names as the local engine gives them)
        counts = run_job(job, reading.paths, out, scheduler=scheduler, part_size=part_size, resume=resume,
                         fields=reading.fields, max_bytes=reading.max_bytes, n_workers=cores(reading.n_jobs),
                         gather=partial(write_assignments, n_topics=len(labels)),
                         check=partial(_check_assigned_ids, types=types) if types is not None else None,
                         settings=_assign_settings(reading, directory, labels_file, labels))
        warn_unused_labels(unused_labels(counts))  # (once for the run, as the local engine says it)
        warn_without_mix(counts.get(None, 0))
        if one_file:
            note_written(out)
        return Assignment(counts, labels, [])
    from ..topics.summary import in_input_order, summarize, write_documents
    from ..types.training import with_article_types

    model = _load_topic_model(directory)
    types = input_types(labels_file, reading)
    data = read_segmented(reading, check=_check_types_found(types))
    report = summarize(model, with_article_types(data.good, types), model.transform(data.texts))
    write_documents(list(in_input_order(data.articles, report.documents)), out, len(report.labels), errors=True)
    note_written(out)
    counts = Counter(d["main_topic"] for d in report.documents)
    counts["error"] = len(data.failed)
    warn_without_mix(report.without_mix)
    return Assignment(counts, report.labels, data.failed)


def _check_assigned_ids(records, types: dict[str, str]) -> None:
    """The Dask parts of `topics assign` (gathered or kept in FOLDER/): --labels none of whose ids is an article's
    refused, as the local engine refuses them (`_check_types_found`)."""
    ids = {record["id"] for record in records}
    check_ids_found(types, ids, named("labels_file"))
    _warn_untyped(types, ids)


def _assign_settings(reading: Reading, directory: str, labels_file: str | None, topic_names: list[str]) -> dict:
    """What makes a row of `topics assign` besides its article (`run.batch.SETTINGS`): a resume must have the same.
    `topic_names`: the model's `topic_labels`, as the run gives them."""
    from ..persist import read_card
    from ..run.batch import input_fingerprint

    return {"model_sha256": read_card(directory, "topics").get("sha256"),
            # the names topics.json gives the topics (edited between two parts, one topic had two names)
            "topic_names": topic_names,
            "labels": input_fingerprint([labels_file])["sha256"] if labels_file else None,
            "fields": field_settings(reading.fields), "max_bytes": reading.max_bytes}


def model_arguments(params: dict) -> dict:
    """A job's `TopicModel` arguments, None read as the argument's default (docs/python.md): None given for
    `random_state` fitted unseeded, a model that no rerun gives again, and for `engine` was refused as no engine."""
    return {name: value for name, value in params.items() if value is not None}


@job_arguments("out")
def sweep_topics(reading: Reading, out: str, ks: Sequence[int], measures: Sequence[str], seeds: Sequence[int],
                 force: bool = False, **params) -> tuple[list[dict], Segmented]:
    """Fit each K with each seed, measure the fits, and write sweep.csv and sweep.png into `out`; return the
    rows (one per K) and the articles read. A sweep.csv or sweep.png there that dvtopics did not write (or that was
    changed since) is refused unless `force`. `params` are `TopicModel`'s arguments, None read as their default."""
    from ..run.batch import WHAT_IT_HOLDS, check_folder, note_written, refuse_edited
    from ..topics.measures import check_measures
    from ..topics.model import TopicModel
    from ..topics.sweep import SWEEP_FILES, sweep, write_sweep

    ks, seeds = check_topic_counts("ks", ks), check_seeds("seeds", seeds)  # before reading, as measures are
    params = model_arguments(params)
    measures = check_measures(measures)  # a misspelt measure stops the job before its long work, not after a fit
    if not measures:  # (--measures "") a sweep compares its fits by them: with none, its table and figure are empty
        raise TopicsError("a sweep needs at least one measure to compare its fits: npmi, c_v or diversity")
    TopicModel(n_topics=min(ks), **params)._check_params(reading.n_jobs)  # as fit_topics: before the reading
    check_folder(out, reading.paths, SWEEP_FILES)
    for name in SWEEP_FILES:
        refuse_edited(Path(out) / name, force, kept=WHAT_IT_HOLDS)
    data = read_segmented(reading, check=_check_k(max(ks), params.get("unit", "document")))
    rows, _ = sweep(data.texts, ks, measures, seeds=seeds, progress=True, **params)
    write_sweep(rows, out)
    for name in SWEEP_FILES:
        note_written(Path(out) / name)
    return rows, data


@job_arguments("directory")
def read_topics(directory: str, n_words: int | None = None) -> tuple[list[dict], dict]:
    """(the topics of a fitted model folder, as topics.json holds them, with `n_words` words each when given;
    its card)."""
    from ..topics.summary import read_topics as read

    return read(directory, n_words)


def _load_topic_model(directory: str):
    """The topic model in `directory`, once its topics.json is found whole (`read_topics` checks it): a model
    folder with a missing or broken topics.json is an error for every command, not only for `topics show`."""
    from ..topics.model import load_topic_model

    read_topics(directory)
    return load_topic_model(directory)[0]


@job_arguments("directory", "out")
def topics_page(directory: str, out: str, force: bool = False) -> Path:
    """Write the offline pyLDAvis page of the topic model in `directory` to `out` (a page there that dvtopics did not
    write, or that was changed since, is refused unless `force`)."""
    from ..run.batch import WHAT_IT_HOLDS, check_output, note_written, refuse_edited
    from ..topics.ldavis import ldavis_html

    check_suffix(out, HTML_SUFFIXES, "an HTML page")
    model = _load_topic_model(directory)
    path = check_output(out, [directory])
    refuse_edited(path, force, kept=WHAT_IT_HOLDS)
    page = ldavis_html(model)
    with staged([path]) as [written]:  # whole or not at all: a full disk left the page cut short, and no file named
        written.write_text(page, encoding="utf-8")
    note_written(path)
    return path
