"""The report job: label the articles, find their topics (a model's, or fitted here), and write the HTML page and
its workbook."""
from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..arguments import MAX_PART, MAX_REPORT_TOPICS, MIN_TOPICS, check_at_least, check_title, named
from ..errors import ArgumentError, TooManyTopics, TopicsError
from ..wording import brief_repr, plural
from ..io.archives import tars_listed_once
from ..io.article import Article
from ..text.cache import open_cache
from .checks import HTML_SUFFIXES, check_ids_found, check_suffix, input_types, model_folders
from .reading import Reading, job_arguments
from .topics import warn_without_mix

log = logging.getLogger(__name__)


SMALL_CORPUS_ARTICLES = 200  # below this, topics are fitted on paragraphs: too few documents otherwise


def default_k(n_articles: int) -> int:
    """K when the report fits topics itself: about √n / 4, between 3 and 15.

    A few seed articles get 3 broad themes; 3 000 articles get 14; beyond
    that more topics split themes a reader cannot tell apart.

    >>> default_k(5), default_k(3000), default_k(35000)
    (3, 14, 15)
    """
    return int(min(15, max(3, round(n_articles ** 0.5 / 4))))


@job_arguments("model_dir", "topics_dir")
@tars_listed_once()  # the members a labels file names, the reading, what was not read: each tar listed once
def report_data(reading: Reading, model_dir=None, topics_dir=None, fit_topics: bool = True,
                n_topics: int | None = None, labels_file=None):
    """Label the articles and find their topics; return (records, topic report or None, provenance).

    An article's type is its own label when the input gives it one the model knows, in a label set the model's
    (`_given_types`), else the model's; the model's label and confidence stay in its record. Topics come from
    the model in `topics_dir`, else are fitted on the articles themselves when `fit_topics` (K from
    `default_k`), else are left out. A fit that cannot be made (too few words) leaves them out and says why.
    A `labels_file` (`label --out`'s table, corrected) gives the articles it names their label, as `topics fit
    --labels` does.
    """
    if n_topics is not None:
        n_topics = check_at_least("n_topics", n_topics, MIN_TOPICS, MAX_REPORT_TOPICS)
    _check_topics_choice(topics_dir, fit_topics, n_topics)
    from ..io.archives import members_not_read
    from ..io.folders import file_kind, given_by_name, passed_over

    if labels_file:  # a reader's corrections of `label --out`'s table: the report showed the model's labels again
        from ..types.training import with_article_types

        types = input_types(labels_file, reading)  # a broken file: before the reading
    articles = list(reading.articles())
    if labels_file and types is not None:  # (None: every id given two labels, none kept; warned of as topics are)
        # another corpus' labels changed no type, in silence: refused, as `topics fit --labels` refuses them
        check_ids_found(types, {a.id for a in articles}, named("labels_file"))
        # (labels mixed with types are said once, by `_given_types`, as the types the report shows)
        articles = with_article_types(articles, types, say_mixed=False)
    with open_cache(reading.cache_dir, reading.use_cache) as cache:
        records, topics, provenance = _report_data(articles, cache, reading.n_jobs, model_dir, topics_dir, fit_topics,
                                                   n_topics, labels_file)
    # the files an input folder held that were not read (a .doc, a .pdf beside the .txt), which the reader
    # warned of on stderr: the page's reader never sees that, and would count them among the articles
    if labels_file:  # the page names it where it counts the types from the input
        uncorrected = types is not None and _warn_uncorrected(labels_file, types, articles, records,
                                                               reading.fields.id, model_dir)
        provenance.update(labels_file=str(labels_file), labels_uncorrected=uncorrected == "overruled",
                          labels_model_answers=uncorrected == "answers")
    given_files = given_by_name(reading.paths)  # read as given, beside their folder
    provenance["not_read"] = [f"{path}: {note}" for path in reading.paths for note in (
        passed_over(Path(path), reading.fields.text, given_files) if Path(path).is_dir() else
        members_not_read(Path(path)) if file_kind(Path(path)) == "archive" else [])]
    return records, topics, provenance


def _warn_uncorrected(labels_file, types: dict[str, str], articles, records, id_field: str, model_dir) -> str | None:
    """Warn, and say "overruled", when the --labels file is as dvtopics wrote it (`label --out`, `report --xlsx`), no
    label corrected, and some of its model's answers (`model_answers`) overrule this report's model: those answers, of
    the model that labelled it then, are the types of the articles it names, so a report of a model trained since
    (`--model models/mine`) showed the old model's labels, said to come from the input, and the new model's nowhere
    but in its own column. The same model's answers overrule nothing: "answers", which the page says too (the types
    "from the input" are a model's, not labels a person checked: hunt 40 Q, 7); a report's rows typed by hand labels
    are no model's answers. None for a file corrected since, or not dvtopics'."""
    from ..run.batch import as_written, written_by
    from ..types.model import model_name
    from .checks import model_answers

    written = as_written(labels_file)  # (a hash of the whole file: once, for both looks)
    answers = set(model_answers(labels_file, types, written, id_field))
    overruled = sum(1 for article, record in zip(articles, records) if article.id in answers
                    and record.get("type_from") == "input" and record.get("label") != record.get("model_label"))
    if not overruled:
        return "answers" if answers & {article.id for article in articles} else None
    whose = f"the answers of {written_by(labels_file, written) or 'a model'}"
    log.warning("%s is as dvtopics wrote it, no label corrected since: its labels, %s, are the types of the "
                "articles it names, over those of %s for %s (correct them first, or leave %s out)",
                labels_file, whose, model_name(model_dir), plural(overruled, "article"),
                named("labels_file"))
    return "overruled"


def _check_topics_choice(topics_dir, fit_topics: bool, n_topics: int | None) -> None:
    """Refuse what the report would ignore, as the command line refuses --no-topics beside --topics and --k beside
    either: n_topics=7 beside a topics_dir (which has its own K) or fit_topics=False (which fits none) was dropped
    in silence, and fit_topics=False beside a topics_dir put that model's topics in all the same."""
    if topics_dir and not fit_topics:
        raise ArgumentError("fit_topics=False leaves the themes out, topics_dir puts a model's in: give one of them")
    if n_topics is not None and (topics_dir or not fit_topics):
        why = "fit_topics=False fits none" if not fit_topics else "topics_dir has its own"
        raise ArgumentError(f"{named('n_topics')} is the number of themes the report fits: {why}; leave it out")


@dataclass
class ReportWritten:
    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    path: Path  # the HTML report
    workbook: Path | None  # its tables, when asked for
    records: list[dict]  # one per article, as `report_data` gives them


@job_arguments("out", "xlsx", "model_dir", "topics_dir", "labels_file")
def report(reading: Reading, out: str, xlsx: str | None = None, model_dir=None, topics_dir=None,
           fit_topics: bool = True, n_topics: int | None = None, max_rows_per_type: int = 500,
           title: str = "dvtopics report", command: str = "", labels_file=None, force: bool = False) -> ReportWritten:
    """Write the HTML report of the articles to `out` (and its tables to `xlsx`). An `xlsx` changed since dvtopics
    wrote it (labels corrected in it: a labels file) is refused unless `force`, as `label --out` refuses its table."""
    from ..report.html import build_report, write_text
    from ..io.write import staged
    from ..report.workbook import write_report_workbook
    from ..run.batch import check_output, note_written, refuse_edited

    check_title(title)  # before any work
    # as --max-rows-per-type: -1 dropped each type's last article from the page, saying "-1 of 8"; 2.5 stopped
    # the job after the labelling
    max_rows_per_type = check_at_least("max_rows_per_type", max_rows_per_type, 1, MAX_PART)
    read = [*reading.paths, *model_folders(model_dir or "shipped", topics_dir), *([labels_file] if labels_file else [])]
    check_output(out, read)
    if xlsx:
        check_output(xlsx, [*read, out])
        check_suffix(xlsx, (".xlsx",), "an Excel workbook")
        refuse_edited(xlsx, force)  # a reader's corrections in it, lost when the same command was run again
    check_suffix(out, HTML_SUFFIXES, "an HTML page")
    _check_topics_choice(topics_dir, fit_topics, n_topics)  # before the articles are read and labelled
    records, topics, provenance = report_data(reading, model_dir, topics_dir, fit_topics, n_topics, labels_file)
    provenance.update(command=command, inputs=[str(p) for p in reading.paths], label_field=reading.fields.label)
    html = build_report(records, topics, provenance, max_rows_per_type=max_rows_per_type, title=title,
                        workbook=workbook_from_page(xlsx, out) if xlsx else None)
    # both written beside their names first, then renamed together: a run stopped between the two writes
    # leaves the previous page and workbook, never a new page beside the workbook of another run
    targets = [Path(out), *([Path(xlsx)] if xlsx else [])]
    with staged(targets) as paths:
        write_text(html, paths[0])
        if xlsx:
            write_report_workbook(records, topics, paths[1])
    if xlsx:
        note_written(xlsx, provenance["model_dir"])
    return ReportWritten(targets[0], targets[1] if xlsx else None, records)


@job_arguments("xlsx", "page")
def workbook_from_page(xlsx: str | os.PathLike, page: str | os.PathLike) -> str:
    """The workbook's path as the page names it: from the page's folder, where its reader starts looking
    ("tables.xlsx" beside it, "../tables/all.xlsx" elsewhere), so that a workbook written into another folder
    is not named as if it stood beside the page; absolute where no relative path leads there (another drive)."""
    xlsx, folder = os.path.abspath(xlsx), os.path.dirname(os.path.abspath(page))
    try:
        return Path(os.path.relpath(xlsx, folder)).as_posix()
    except ValueError:  # Windows: another drive than the page's
        return xlsx


def _report_data(articles, cache, n_jobs, model_dir, topics_dir, fit_topics, n_topics, labels_file=None):
    from dataclasses import replace

    from ..report.html import TOP_ARTICLES_PER_TOPIC, TOP_WORDS, period_for
    from ..topics.summary import summarize
    from ..types.model import load_classifier, model_name

    progress = len(articles) > 100
    classifier = load_classifier(model_dir)
    want_topics = bool(topics_dir or fit_topics)
    records, segmented = _label_and_segment(articles, classifier, model_dir, cache, n_jobs, want_topics, progress)
    _given_types(articles, records, classifier.labels, labels_file)
    provenance = {"model_dir": model_name(model_dir), "model_card": classifier.card}
    if not any(not a.error for a in articles) or not want_topics:
        provenance["topics_source"] = None
        return records, None, provenance
    topic_model, source, mixes = _topic_model(segmented, topics_dir, n_topics, provenance, n_jobs)
    provenance["topics_source"] = source
    if topic_model is None:
        return records, None, provenance
    # each readable article with the type its record gives it, by position: ids may repeat
    typed = [replace(a, label=r.get("label")) for a, r in zip(articles, records) if not a.error]
    topics = summarize(topic_model, typed, mixes, period=period_for(records), n_words=TOP_WORDS,
                       n_representatives=TOP_ARTICLES_PER_TOPIC)
    warn_without_mix(topics.without_mix)
    return records, topics, provenance


def _let_texts_go(articles: Sequence[Article]) -> None:
    """Drop the articles' texts (changed in place), labelled and segmented by now: 35,440 baomoi articles' texts
    were 0.3 GB beside their segmented texts through the topic fit. What is asked of a text later, whether another
    article has the same (`summarize`: one scraped twice represents a topic once), its digest answers."""
    from ..topics.summary import text_digest

    for article in articles:
        article.text = text_digest(article.text)


def _given_types(articles: Sequence[Article], records: list[dict], known: Sequence[str], labels_file=None) -> None:
    """Each readable article's type in the report: its own label (the input's label field, --label-field) when it
    is one the model gives, else the model's. The input's label *set* decides, as `train` and `evaluate` read it
    (`as_article_types`, the model's labels beside it): a set of article types however spelt gives types; another
    set, beside a model of article types, gives none: a task of the user's own ("Giáo dục", "Y tế", "Other": its
    "Other" is not `other`) or types mixed with other names (which `train` refuses). Each record (changed in place)
    keeps the model's label as `model_label`, beside its confidence, and says where its type came from in
    `type_from`: "input" or "model". Labels not used are named in one warning, with the `labels_file` (--labels) that
    gave the articles it names their label."""
    from ..types.names import as_article_types, is_article_type_set

    known = set(known)
    labels = [None if a.error else a.label for a in articles]
    given = as_article_types(labels, known)  # "Annual review" is annual_review when the set is the article types
    of_another_set = is_article_type_set(known) and not is_article_type_set([*labels, *known])
    unused = Counter()
    for article, record, label in zip(articles, records, given):
        record["model_label"] = record.get("label")
        record["type_from"] = None if article.error else "model"
        if label in known and not of_another_set:
            record.update(label=label, type_from="input")
        elif label:
            unused[label] += 1
    if unused:
        commonest = ", ".join(f"{label!r} ({n})" for label, n in unused.most_common(5))
        why = ("its labels are not the article types (a task of your own, or types mixed with other names)"
               if of_another_set else "its labels are none of the model's")
        # a labels file's own labels (a set of one's own) were blamed on the articles' label field, which they had not
        counted = plural(sum(unused.values()), "article")
        said = (f"the labels of {counted} (from {labels_file}, else their label field) were" if labels_file else
                f"the label field of {counted} was")
        log.warning("%s not used as their type: %s: %s%s; the model's labels are %s", said, why, commonest,
                    f" and {len(unused) - 5} more" if len(unused) > 5 else "",
                    ", ".join(sorted(known)))


@dataclass(frozen=True)
class _LabelAndSegment:
    """What a worker process (or this one) does with a batch of articles (`map_ordered`): label them
    (`run.batch.Labeller`), then segment the whole texts of those that could be read, for the topics. One pool of
    workers for both, and the whole texts meet the heads the labelling just put in the segmentation cache."""

    labeller: object  # run.batch.Labeller, or _Loaded
    segment: bool

    def __call__(self, batch: list) -> tuple[list[dict], list[str]]:
        from ..text.segment import remember_pieces, segment_many

        if not self.segment:
            return self.labeller(batch), []
        _, cache = self.labeller.load()
        with remember_pieces():  # a whole text's sentences before the head's cut are segmented once
            records = self.labeller(batch)
            return records, segment_many([a.text for a in batch if not a.error], 1, cache)


@dataclass(frozen=True)
class _Loaded:
    """A `Labeller` of this process' classifier and cache, already open (-j 1)."""

    classifier: object
    cache: object

    def load(self):
        return self.classifier, self.cache

    def __call__(self, batch: list) -> list[dict]:
        from ..types.model import predict_articles

        return predict_articles(self.classifier, batch, cache=self.cache)


REPORT_BATCH = 256  # articles a worker labels and segments at a time


def _label_and_segment(articles: Sequence[Article], classifier, model_dir, cache, n_jobs: int, segment: bool,
                       progress: bool) -> tuple[list[dict], list[str]]:
    """(records, the whole texts of the good articles segmented, [] unless `segment`), batch by batch, in `n_jobs`
    worker processes when more than one: the same records and texts as `predict_articles` and `segment_many`.
    Each batch's texts are let go as soon as it is done (`_let_texts_go`): the next batches' segmented texts take
    their memory, which texts dropped only at the end left to nothing else."""
    from ..parallel import cores, map_ordered
    from ..progress import progress_bar
    from ..run.batch import Labeller, batches

    labeller = _Loaded(classifier, cache)  # workers are sent a Labeller instead, which opens their own
    if cores(n_jobs) > 1:
        labeller = Labeller(None if model_dir is None else str(model_dir), cache_dir=None if cache is None else
                            str(cache.path.parent), use_cache=cache is not None)
    records, segmented = [], []
    with progress_bar(total=len(articles), unit="article", disable=not progress) as bar:
        for batch_records, batch_segmented in map_ordered(_LabelAndSegment(labeller, segment),
                                                          batches(articles, REPORT_BATCH), n_jobs,
                                                          preload=Labeller.preload):
            # the batch done: the next articles, a record each (in order, unreadable ones too)
            _let_texts_go(articles[len(records):len(records) + len(batch_records)])
            records += batch_records
            segmented += batch_segmented
            bar.update(len(batch_records))
    return records, segmented


def _topic_model(segmented: Sequence[str], topics_dir, n_topics, provenance: dict, n_jobs: int = 1):
    """(a fitted TopicModel or None, where it came from, the topic mix of each text or None)."""
    from ..topics.model import TopicModel, flat_texts_note, load_topic_model

    if topics_dir:
        model, card = load_topic_model(topics_dir)
        provenance["topics_card"] = card
        return model, f"topic model {topics_dir}", model.transform(segmented)
    asked = k = n_topics or default_k(len(segmented))
    unit = "paragraph" if len(segmented) < SMALL_CORPUS_ARTICLES else "document"
    while True:
        model = TopicModel(n_topics=k, unit=unit)
        try:
            mixes = model.fit_transform(segmented, n_jobs=n_jobs,  # = fit, then transform: the texts read once
                                        progress=len(segmented) > 100)
            break
        except TopicsError as exc:
            if isinstance(exc, TooManyTopics) and exc.most >= MIN_TOPICS:  # a report is a summary: fewer topics beat none
                k = exc.most  # each limit (units, then words) may lower it again: one warning below, once it holds
                continue
            # the page says why, to its reader, who never sees this warning; too few texts for any K: no option helps
            few_texts = getattr(model, "n_units_", MIN_TOPICS) < MIN_TOPICS
            provenance["topics_error"] = f"{exc.reason}: {'give more articles' if few_texts else REPORT_TOPICS_ADVICE}"
            log.warning("no topics in the report: %s", provenance["topics_error"])
            return None, f"none: topics could not be fitted on these articles ({exc.reason})", None
    if k != asked:
        log.warning("K lowered from %d to %d in the report: these articles allow no more topics", asked, k)
    lowered = f" (lowered from {asked}: these articles allow no more)" if k != asked else ""
    # the engine is named beside it, from the topics (`TopicReport.engine`)
    n = len(segmented)  # in the page's words: "this one article", "these 20 000 articles"
    these = "this one article" if n == 1 else f"these {n:,} articles".replace(",", " ")
    flat = flat_texts_note(segmented) if unit == "paragraph" else None  # (their paragraphs are no paragraphs)
    return model, f"fitted on {these}: K = {k}{lowered}, over {unit}s{f'; {flat}' if flat else ''}", mixes


# What a report user can do when the report's own fit fails: `report` has none of the fit's options, `topics fit`
# has them all (a rarer word kept with a lower --no-below, paragraphs or whole articles), and its folder is --topics
REPORT_TOPICS_ADVICE = ("give more text, or fit the topics with `dvtopics topics fit PATHS --out DIR --no-below N` "
                        "(a lower N keeps rarer words, a higher --no-above commoner ones; under "
                        f"{SMALL_CORPUS_ARTICLES} articles add `--unit paragraph` and a --k no larger than the "
                        "paragraphs, as the report's own fit does; see `dvtopics topics fit --help`) and give that "
                        "folder to the report with `--topics DIR`")
