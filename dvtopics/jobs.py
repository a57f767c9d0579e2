"""The jobs the command line runs, as library functions that return data.

Each job reads its articles, runs the stages it needs (io -> text -> types / topics -> report) and returns
what the command prints; it never prints or exits. Where a job can run here or on a Dask cluster
(`label`, `assign_topics`), `engine="local"|"dask"` is decided here, once.
"""
from __future__ import annotations

import csv
import functools
import inspect
import logging
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import MISSING, dataclass, field, fields as dataclass_fields
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from .arguments import (ENGINES, MAX_BATCH, MAX_PART, MAX_REPORT_TOPICS, MAX_SEED, MAX_TOPICS, MIN_FOLDS, MIN_TOPICS,
                        PERIODS, as_list, check_at_least, check_choice, check_max_bytes, check_n_jobs,
                        check_random_state, check_seeds, check_share, check_title, check_topic_counts,
                        none_is_default)
from .errors import ArgumentError, DvtopicsError, InputError, TooManyTopics, TopicsError
from .io.article import Article
from .io.paths import home_path, unique_paths
from .io.read import MAX_ARTICLE_BYTES, read_articles
from .io.records import FieldNames, as_field_names
from .text.cache import open_cache

log = logging.getLogger(__name__)


PART_SIZE = 10_000  # articles in a part of a Dask run (--part-size)


def _job_arguments(*paths: str):
    """A job as a notebook calls it: None for an optional argument is its default (`arguments.none_is_default`), and
    its arguments `paths` (paths, or lists of paths) read a leading "~" as the home folder (`io.paths.home_path`), as
    the command line reads them and as `read_articles` reads the inputs: `label(reading, "~/labels.csv")` wrote a
    folder named "~" in the current one."""
    def wrap(job):
        signature = inspect.signature(job)

        @functools.wraps(job)
        def run(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            for name in paths:
                if name in bound.arguments:
                    value = bound.arguments[name]
                    _check_path(name, value)
                    bound.arguments[name] = ([home_path(path) for path in value] if isinstance(value, (list, tuple))
                                             else home_path(value))
            return job(*bound.args, **bound.kwargs)
        return none_is_default(run)
    return wrap


def _check_path(name: str, value) -> None:
    """Refuse what is no path where a job takes one (`label_files` and `extra_paths` are lists, checked as such): a
    loaded model given for its folder, `jobs.evaluate(reading, load_classifier("m"))`, was a TypeError from deep
    inside ("expected str, bytes or os.PathLike object, not Classifier"; `jobs.label`'s "unhashable type"). A job reads
    a model from its folder: it checks its card, records its checksum, and its workers load it again."""
    if value is None or isinstance(value, (str, os.PathLike, list, tuple)) or name in ("label_files", "extra_paths"):
        return
    kind = type(value).__name__
    if kind in ("Classifier", "TopicModel"):
        shipped = ", or 'shipped'" if kind == "Classifier" else ""
        raise TypeError(f"{name}: a model folder (a path{shipped}) is wanted, "
                        f"not a loaded {kind}: give the folder it was loaded from"
                        + ("; a loaded Classifier labels articles itself: its .predict(articles)"
                           if kind == "Classifier" else ""))
    raise TypeError(f"{name}: a path (str or pathlib.Path) is wanted, not {kind}")


@dataclass
class Reading:
    """Where the articles come from and how they are read and segmented: what every job starts from."""

    paths: Sequence[str | os.PathLike]
    fields: FieldNames = field(default_factory=FieldNames)
    max_bytes: int = MAX_ARTICLE_BYTES
    n_jobs: int = 1
    cache_dir: str | None = None
    use_cache: bool = True

    def __post_init__(self):
        for option in dataclass_fields(self):  # None for an optional setting is its default, as for the jobs' arguments
            if getattr(self, option.name) is None and option.default not in (MISSING, None):
                setattr(self, option.name, option.default)
        self.fields = as_field_names(self.fields)  # None, FieldNames or a dict of names, as read_articles takes them
        self.n_jobs = check_n_jobs("n_jobs", self.n_jobs)  # as -j: before any work
        self.max_bytes = check_max_bytes(self.max_bytes)  # as --max-bytes
        self.paths = unique_paths(self.paths)  # a path given twice is read once (with a note), on any engine
        if self.cache_dir is not None and not self.use_cache:  # as --cache-dir with --no-cache: it would be ignored
            raise ArgumentError(f"cache_dir {os.fspath(self.cache_dir)!r} names the cache that use_cache=False turns "
                                "off: give one of them")

    def articles(self):
        """The articles, streamed; an unreadable one comes with its error."""
        return read_articles(self.paths, self.fields, "record", self.max_bytes)


@dataclass
class Segmented:
    articles: list[Article]  # all of them, the unreadable ones with their error
    good: list[Article]  # the readable ones
    texts: list[str]  # the segmented text of each readable one

    @property
    def failed(self) -> list[Article]:
        return [a for a in self.articles if a.error]


@_job_arguments()
def read_segmented(reading: Reading, lower: bool = True, progress: bool | None = None,
                   check: Callable[[list[Article]], None] = lambda articles: None) -> Segmented:
    """Read the articles, keep the readable ones and segment them (through the cache, closed after);
    `check` sees the articles read before the segmenting starts, and may refuse them."""
    from .text.segment import segment_articles

    articles = list(reading.articles())
    check(articles)
    with open_cache(reading.cache_dir, reading.use_cache) as cache:
        good, texts = segment_articles(articles, reading.n_jobs, cache, lower,
                                       len(articles) > 100 if progress is None else progress)
    return Segmented(articles, good, texts)


@_job_arguments("out")
def segment(reading: Reading, out: str, lower: bool = False) -> Segmented:
    """Segment the articles into words and write {"id", "tokens"} lines to `out`, in input order; an article
    that could not be read keeps its place as {"id", "error"}."""
    from .io.write import write_rows
    from .run.batch import check_output

    _check_suffix(out, (".jsonl",), "JSON lines")  # seg.xlsx or seg.csv would hold JSON lines, and open broken
    check_output(out, reading.paths)
    data = read_segmented(reading, lower=lower, progress=True)
    segmented = {id(article): text for article, text in zip(data.good, data.texts)}
    rows = ({"id": article.id, "tokens": " ".join(segmented[id(article)].split())} if id(article) in segmented
            else {"id": article.id, "error": article.error or "no text to segment"} for article in data.articles)
    # written beside its name and renamed when whole, as every table: a run stopped while writing (a full disk,
    # Ctrl-C) left the previous file cut to its first lines, which read as complete
    write_rows(rows, out)
    return data


# ------------------------------------------------------------------ article types

@_job_arguments()
def rule_hits(reading: Reading, every_event: bool = False):
    """(article, the cue rule's hit or None, the event it reports or None) per article; the event is looked
    for where a rule fired, or everywhere with `every_event`."""
    from .types.events import find_event
    from .types.rules import apply_rules

    for article in reading.articles():
        hit = None if article.error else apply_rules(article.title, article.text)
        event = find_event(article.title, article.text) if not article.error and (hit or every_event) else None
        yield article, hit, event


@dataclass
class Trained:
    card: dict  # the saved model's card
    failed: list[Article]  # the articles (of the inputs and of --extra) that could not be read, left out


@_job_arguments("out", "label_files", "extra_paths")
def train(reading: Reading, out: str, label_files: Sequence[str] = (), classifiers=("svm", "logreg", "cnb"),
          extra_paths: Sequence[str] = (), weak_rules: bool = False, weak_other: int = 0, head_chars: int = 4000,
          folds: int = 5, max_features: int = 30_000, views=None, seed: int = 0, description: str = "",
          on_data: Callable = lambda data: None, lead_copies: int | None = None,
          silent_min_confidence: float | None = None) -> Trained:
    """Train a classifier on the labelled articles (cross-validating `classifiers`), save it with its card
    into `out`; return the card and the articles that could not be read. `on_data` sees the training data
    (`types.training.TrainingData`) before training starts."""
    from .persist import MODEL_FILES, save_model
    from .run.batch import check_folder
    from .types.model import TASK, check_not_named_shipped
    from .types.training import check_trainable, collect, train as train_model

    folds = check_at_least("folds", folds, MIN_FOLDS)  # these and the three below are on the card: plain ints
    head_chars = check_at_least("head_chars", head_chars, 0)
    max_features = check_at_least("max_features", max_features, 0)
    weak_other = check_at_least("weak_other", weak_other, 0)  # as --weak-other, before the inputs are read
    seed = check_at_least("seed", seed, 0, MAX_SEED)
    lead_copies = None if lead_copies is None else check_at_least("lead_copies", lead_copies, 0)
    if silent_min_confidence is not None:
        check_share("silent_min_confidence", silent_min_confidence)
    check_not_named_shipped(out)
    label_files = as_list(label_files, "label_files", LABEL_FILES_HINT)
    extra_paths = as_list(extra_paths, "extra_paths")
    # task: a topics model's folder is refused, a classifier's (this one retrained) replaced
    check_folder(out, [*reading.paths, *label_files, *extra_paths], MODEL_FILES, task=TASK)
    gold, ids = gold_labels(label_files, reading.fields.label, reading.fields.id), set()
    extra = list(_extra_articles(extra_paths, reading, gold))  # a few files, refused before the inputs are read
    try:
        data = collect(_noting_ids(reading.articles(), ids), gold, weak_rules, weak_other, seed, extra)
    except DvtopicsError as exc:
        if gold is not None:  # "no labelled article found": say first that no id of the labels file is an article's
            _check_ids_found(gold, ids, "--labels")
        among = _labels_among_inputs(reading) if str(exc).startswith("no labelled article found") else ""
        if among:
            raise type(exc)(f"{exc}{among}") from None
        raise
    if gold is not None:
        _check_ids_found(gold, ids, "--labels")  # a label whose id is no article's is not learnt: say so
    check_trainable(data)  # before the summary is printed: the error is the command's one line
    on_data(data)
    with open_cache(reading.cache_dir, reading.use_cache) as cache:
        try:
            model, card = train_model(data, classifiers, head_chars=head_chars, n_folds=folds, cache=cache,
                                      n_jobs=reading.n_jobs, seed=seed, progress=True, description=description,
                                      max_features=max_features or None, views=views, lead_copies=lead_copies,
                                      silent_min_confidence=silent_min_confidence)
        except ValueError as exc:  # scikit-learn's word for data it cannot learn from: no words left, a tiny class
            raise DvtopicsError(f"cannot train on these articles: {exc}") from None
    return Trained(save_model(model.pipeline, out, card), data.failed)


def _noting_ids(articles: Iterable[Article], ids: set[str]) -> Iterator[Article]:
    """The articles, each id added to `ids` as it passes (the inputs are streamed once)."""
    for article in articles:
        ids.add(article.id)
        yield article


def _extra_articles(paths: Sequence[str], reading: Reading, gold: dict[str, str] | None = None):
    """The articles of each --extra file, read as the inputs are. A file none of whose articles can be read
    is refused: the user meant its articles to be learnt from, and a model without them is not the one asked
    for (a file of a few unreadable articles among good ones loses only those, as the inputs do)."""
    paths = as_list(paths, "extra_paths")
    # a file given twice is read once, with a note, as the inputs are: read twice, each correction in it would be
    # counted again, and undone and redone
    for path in unique_paths(paths) if paths else []:
        readable, first_error, unlabelled = 0, None, None
        try:
            for article in read_articles([path], reading.fields, "record", reading.max_bytes):
                readable += not article.error
                first_error = first_error or article.error
                if not article.error and not article.label:
                    unlabelled = article
                    break
                yield article
        except InputError as exc:  # a table without the text column: a labels file, perhaps
            raise InputError(f"--extra {exc}" + _labels_hint(path, reading.fields)) from None
        if unlabelled is not None:  # training's own line named neither file nor field. Not with `_labels_hint`: the
            # file has texts (a labels file too, read as one, when its rows have a text): it was told to give them as
            # --labels, "not the articles' text"
            others = [name for name in unlabelled.meta if name not in ("warning", "extra_cells")]
            # its label in a --labels file: those label the inputs (hand labels, scored), never --extra's
            in_labels = (f"; --labels labels the inputs' articles, not --extra's: give {path} among the inputs (its "
                         "articles are then hand labels, scored), or each --extra article its label in its own field"
                         if gold and unlabelled.id in gold else "")
            raise InputError(f"--extra {path}: the article {unlabelled.id} has no label: each --extra article needs "
                             f"one, in its '{reading.fields.label}' field (--label-field names it)"
                             + (f"; its other fields are {', '.join(map(repr, others))}" if others else "") + in_labels)
        if not readable:
            raise InputError(f"--extra {path}: no article could be read ({first_error})"
                             + _labels_hint(path, reading.fields))


def _labels_among_inputs(reading: Reading) -> str:
    """"; labels.csv holds ids and labels, not the articles' text: give it as --labels" when an input file is a labels
    file (--labels forgotten), for the line that says no article has a label; else ""."""
    for path in reading.paths:
        if os.path.isfile(path) and _labels_hint(path, reading.fields):
            return (f"; {os.fspath(path)} holds ids and labels, not the articles' text: give it as --labels, with the "
                    "articles it labels among the inputs")
    return ""


LABELS_HINT_BYTES = 50 << 20  # a larger file is not read as a labels file for a hint
# The columns `label --out` writes: a file of these and no others holds ids and labels, but no texts
LABEL_OUT_COLUMNS = ("id", "file", "label", "confidence", "cues", "title", "date", "source", "error", "warning")


def _labels_hint(path, fields: FieldNames) -> str:
    """What to do with a file of ids and labels but no texts (the .xlsx `label --out` writes) given as --extra. Not
    said of a file with other columns: its text is under another name (`content`, read with --text-field), and it was
    told it held no texts."""
    from .io.labels import labels_file_columns, read_labels

    try:
        if os.path.getsize(path) > LABELS_HINT_BYTES:  # a corpus, not a labels file: not read whole for a hint
            return ""
        read_labels(path, label_field=fields.label, id_field=fields.id)
        columns = labels_file_columns(path, fields.label, fields.id)
    except (DvtopicsError, OSError, ValueError, csv.Error):  # no hint where its header cannot be read
        return ""
    if any(column not in (*LABEL_OUT_COLUMNS, fields.id, fields.label) for column in columns):
        return ""
    return ("; it holds ids and labels, not the articles' text: give it as --labels, with the articles it "
            "labels among the inputs")


@_job_arguments("out", "model")
def label(reading: Reading, out: str | None, model: str | None = None, min_confidence: float = 0.0,
          abstain: str = "other", resume: bool = False, batch_size: int = 256, engine: str = "local",
          scheduler: str | None = None, part_size: int = PART_SIZE, on_progress: Callable[[int], None] | None = None,
          on_record: Callable[[dict], None] | None = None) -> Counter:
    """Label every article's type into `out` (or hand each record to `on_record` when `out` is None);
    return the count of each outcome (labels, "error")."""
    from .run.batch import Labeller, check_output
    from .types.model import check_abstaining, model_directory

    check_abstaining(min_confidence, abstain)
    # as --batch-size and --part-size are, on every path: a batch of 0 would label nothing, silently
    batch_size = check_at_least("batch_size", batch_size, 1, MAX_BATCH)
    part_size = check_at_least("part_size", part_size, 1, MAX_PART)
    _check_engine(engine, scheduler, part_size)
    out = _output_name(out, engine)
    if out is None and on_record is None:
        raise DvtopicsError("label: give `out`, the file to write, or `on_record`, a function to hand each record")
    if resume and out is None:  # the journal to finish is OUT's: without it the run would start over, silently
        raise DvtopicsError("--resume finishes an interrupted run into its output: give the same --out")
    if out is not None and not out.endswith(("/", os.sep)):  # FOLDER/ keeps Dask's parts
        check_output(out, [*reading.paths, model_directory(model)])
    if engine == "dask":
        from .parallel import cores
        from .run.distributed import LabelJob, run_job

        job = LabelJob(str(model_directory(model)), min_confidence, abstain, batch_size, reading.cache_dir,
                       reading.use_cache)
        return run_job(job, reading.paths, out, scheduler=scheduler, part_size=part_size, resume=resume,
                       fields=reading.fields, max_bytes=reading.max_bytes, on_part=on_progress,
                       settings=_label_settings(reading, job), n_workers=cores(reading.n_jobs))
    labeller = Labeller(model, min_confidence, abstain, reading.cache_dir, reading.use_cache)
    return _label_here(reading, labeller, out, resume, batch_size, on_progress, on_record)


def _model_folders(*models) -> list[Path]:
    """The model folders a job reads (`shipped`: the shipped one; None: none), for `check_output`: an output given in
    one (`assign_topics(..., "themes/documents.csv")`) replaced the fit's own table there, where the command line
    refuses any file in a model folder it reads."""
    from .types.model import model_directory

    return [model_directory(m) for m in models if m is not None]


def _check_engine(engine: str, scheduler: str | None, part_size: int | None = None) -> None:
    """An engine, as --engine takes it (a misspelt "Dask" would run here, in silence), and a scheduler or a part size
    only for the Dask engine, as --scheduler and --part-size are refused without it: the local engine would ignore
    them."""
    check_choice("engine", engine, ENGINES)
    if scheduler is not None and engine != "dask":
        raise ArgumentError(f"scheduler {scheduler!r} is a Dask cluster's: give engine=\"dask\" to run there, or no "
                            "scheduler to run here")
    if part_size not in (None, PART_SIZE) and engine != "dask":
        raise ArgumentError(f"part_size {part_size!r} cuts the input into a Dask run's parts: give engine=\"dask\" to "
                            "run there, or no part_size to run here")


def _output_name(out: str | os.PathLike | None, engine: str = "local") -> str | None:
    """An output given as a path object (`Path("labels.csv")`) as the name a command line gives: a trailing "/"
    (FOLDER/, that keeps Dask's parts) is looked for in it. On the local engine, which writes one file, such a
    name is refused: it skipped the check that the output is no input (`in.jsonl/` wrote the labels over the
    articles of in.jsonl), and wrote a file where a folder was named."""
    out = None if out is None else os.fspath(out)
    if out is not None and out.endswith(("/", os.sep)) and engine != "dask":
        raise ArgumentError(f"{out}: a folder (it ends in '{out[-1]}'), where engine=\"dask\" (--engine dask) keeps "
                            f"its parts; the local engine writes one file: name it, {out.rstrip('/' + os.sep) or out}")
    return out


def _label_here(reading: Reading, labeller, out: str | None, resume: bool, batch_size: int, on_progress,
                on_record) -> Counter:
    """With -j N > 1, N worker processes each load the model and label whole batches; this one reads and
    writes, in input order."""
    from .parallel import cores, map_ordered
    from .run.batch import batches, input_fingerprint, label_stream, nothing_to_resume, outcome

    if resume:
        nothing_to_resume(out)
    if cores(reading.n_jobs) == 1:
        labeller.load()  # a broken model stops the run before any article is read
    if out is not None:
        return label_stream(reading.articles(), labeller, out, resume, batch_size, on_progress, reading.n_jobs,
                            labeller.preload, inputs=input_fingerprint(reading.paths),
                            settings=_label_settings(reading, labeller))
    counts = Counter()
    for records in map_ordered(labeller, batches(reading.articles(), batch_size), reading.n_jobs,
                               preload=labeller.preload):
        for record in records:
            counts[outcome(record)] += 1
            on_record(record)
    return counts


def _label_settings(reading: Reading, labeller) -> dict:  # labeller: a run.batch.Labeller, or Dask's LabelJob
    """What makes a labelled row besides its article (`run.batch.SETTINGS`): a resume must have the same.
    The model's head (`head_chars`), views and rules are in its file, so in its checksum."""
    from .persist import read_card
    from .types.model import model_directory

    return {"model_sha256": read_card(model_directory(labeller.model_dir)).get("sha256"),
            "min_confidence": labeller.min_confidence, "abstain": labeller.abstain,
            "fields": _field_settings(reading.fields), "max_bytes": reading.max_bytes}


def _field_settings(fields: FieldNames) -> list[str]:
    """The field names a resume must share: text, id, label, and the others only when an option gave them, so
    that a journal written before --title-field existed still resumes. Those are recorded with their option
    ("--title-field headline"): by value alone, a title field resumed as the source field would look the same."""
    default = FieldNames()
    return [fields.text, fields.id, fields.label] + [f"--{key}-field {getattr(fields, key)}"
                                                     for key in ("title", "date", "source", "lead")
                                                     if getattr(fields, key) != getattr(default, key)]


# label_files are paths: labels by id in a dict (or a Series) are a file's rows, not its path
LABEL_FILES_HINT = ("give the paths of labels files; labels by id (a dict, a Series) go into a CSV of id,label "
                    "first (pandas: pd.Series(labels, name='label').rename_axis('id').to_csv('labels.csv'))")


@_job_arguments("label_files")
def gold_labels(label_files: Sequence[str], label_field: str = "label", id_field: str = "id"
                ) -> dict[str, str] | None:
    """The hand labels of these files, merged; None without files (labels then come from the articles). An id that
    two files give two labels is refused, as one file's is (`labels_by_id`); one type spelt two ways
    ("semi_annual_review", "Semi-annual review", "Other", "other") is one label, whatever set the labels make. A
    file's labels are in the column (or key) named as the articles' label field, `label_field`, else in `label`; its
    ids in the one named as their id field, `id_field`, else in `id`."""
    from .io.labels import labels_by_id, read_labels
    from .types.names import as_article_types, same_label

    pairs = [pair for path in as_list(label_files, "label_files", LABEL_FILES_HINT)
             for pair in read_labels(path, same=same_label, label_field=label_field, id_field=id_field).items()]
    labels = as_article_types([label for _, label in pairs])
    return labels_by_id("--labels", ((id_, label) for (id_, _), label in zip(pairs, labels)), same=same_label) or None


# How a labels file's ids may differ from the articles' while meaning them: a spreadsheet drops an id's leading zeros
# ("007" saved as 7) or a format pads them; a column headed `id` holds file names, "003.txt" (an `id` is read as
# written: a column headed `file` drops the .txt); a CSV's ids were written as floats, "17.0"
_ID_SPELLINGS = ((lambda id_: id_.lstrip("0") or "0", "but for leading zeros"),
                 (lambda id_: id_[:-4] if id_.lower().endswith(".txt") else id_,
                  "without .txt (head the column `file` to read its file names as ids)"),
                 # pandas writes an id column with a gap as floats: "17.0" in a CSV
                 (lambda id_: id_[:-2] if id_.endswith(".0") and id_[:-2].isdigit() else id_,
                  "but for its .0 (a whole number saved as a float: save the ids as whole numbers or text)"),
                 # labels made for `label tree/` (2017/03/name) given with tree/2017 (03/name), or the reverse
                 (lambda id_: id_.rsplit("/", 1)[-1],
                  "but for its folders (a folder's .txt file is named by its path below the folder given: give the "
                  "folder the labels were made for)"))


def _near_id(labels, ids) -> str:
    """": its '001' is the article '1' but for leading zeros" when a labelled id means an article's so, else ""."""
    for spelt, how in _ID_SPELLINGS:
        articles = {spelt(id_): id_ for id_ in ids}
        near = next(((id_, articles[spelt(id_)]) for id_ in labels if spelt(id_) in articles), None)
        if near:
            return f": its {near[0]!r} is the article {near[1]!r} {how}"
    return ""


class NoLabelledArticles(InputError):
    """Nothing to score: no readable article has a label."""


def _check_ids_found(labels: dict[str, str], ids: set[str], option: str) -> None:
    """Refuse labels none of whose ids is an article's of the input (`ids`); warn (one line) when some are not."""
    from .io.labels import EXCEL_NOTATION, excel_notation

    missing = sum(1 for id_ in labels if id_ not in ids)
    mangled = next((id_ for id_ in labels if id_ not in ids and excel_notation(id_)), None)
    why = f": {mangled!r} is {EXCEL_NOTATION}" if mangled else ""
    if missing == len(labels):
        raise NoLabelledArticles(f"none of the {len(labels)} ids in {option} is an article of the input"
                                 f"{why or _near_id(labels, ids)}: check that the labels file is this input's (ids as "
                                 "`dvtopics inspect` shows them)")
    if missing:
        log.warning("%d of the %d labelled ids in %s are not articles of the input: left out%s", missing, len(labels),
                    option, why)


@dataclass
class Evaluation:
    scores: dict  # types.evaluate.scores: accuracy, macro_f1, per_class, n, labels, confusion
    compared: dict | None  # against a baseline model: its scores and the articles whose label changed
    errors: list[tuple[Article, str, dict]]  # (article, true label, predicted record), in input order
    failed: list[Article] = field(default_factory=list)  # the articles that could not be read, left out


@_job_arguments("model", "label_files", "baseline", "plot")
def evaluate(reading: Reading, model: str, label_files: Sequence[str] = (), baseline: str | None = None,
             plot: str | None = None) -> Evaluation:
    """Score `model` (and `baseline`, when given) on the labelled articles; draw the confusion matrix into `plot`
    when given (checked first, before any work)."""
    from .run.batch import check_output
    from .types.evaluate import changes, check_labels_known, scores
    from .types.model import load_classifier
    from .types.names import as_article_types
    from .types.training import HandLabels, OneLabelPerText

    if plot:
        from .report.plots import FIGURE_SUFFIXES

        check_output(plot, [*reading.paths, *_model_folders(model, baseline),
                            *as_list(label_files, "label_files", LABEL_FILES_HINT)])
        _check_suffix(plot, FIGURE_SUFFIXES, "a figure")
    classifier = load_classifier(model)
    compare_with = load_classifier(baseline) if baseline else None
    gold = gold_labels(label_files, reading.fields.label, reading.fields.id)
    hand_label = HandLabels(gold)  # as train reads them: the file's win, a label field of its label set counts
    labelled = OneLabelPerText()  # as train refuses them: one text, two labels
    ids, articles, truth, failed, unlabelled = set(), [], [], [], 0  # streamed: only the labelled ones are kept
    for article in reading.articles():
        ids.add(article.id)
        if article.error:
            failed.append(article)
        elif label := hand_label(article):
            labelled.note(article, label)
            articles.append(article)
            truth.append(label)
        else:
            unlabelled += 1
    labelled.check()
    hand_label.warn_unused()
    if gold is not None:
        _check_ids_found(gold, ids, "--labels")
    if not articles:  # say where labels were looked for, and how to give them: a column of another name is common
        where = f"no article has a label in its '{reading.fields.label}' field (give the column with --label-field)"
        where += ", and the --labels file labels none" if gold is not None else " and no --labels file was given"
        where += f"; {len(failed)} could not be read" if failed else ""
        raise NoLabelledArticles(f"no labelled article found in the input: {where}" + _labels_among_inputs(reading))
    if unlabelled:  # blank label cells (a sheet's merged ones read before, a labels file of some ids) would go unseen
        log.warning("%d of the %d articles read have no label and are not scored", unlabelled,
                    unlabelled + len(articles))
    # "OTHER", "Annual review": the types however spelt, as train reads them, when the model's labels are types too
    truth = as_article_types(truth, classifier.labels)
    check_labels_known(truth, classifier.labels, model)
    if compare_with is not None:
        check_labels_known(truth, compare_with.labels, baseline)
    with open_cache(reading.cache_dir, reading.use_cache) as cache:
        records = classifier.predict(articles, cache=cache, n_jobs=reading.n_jobs, explain=False)
        predicted = [r["label"] for r in records]
        result = scores(truth, predicted)  # the labels true or predicted here, as scikit-learn's macro-F1 takes them
        compared = None
        if compare_with is not None:
            before = [r["label"] for r in compare_with.predict(articles, cache=cache, n_jobs=reading.n_jobs,
                                                               explain=False)]
            compared = {"model": baseline, **changes([a.id for a in articles], [a.title for a in articles], truth,
                                                     before, predicted)}
    errors = [(a, t, r) for a, t, r in zip(articles, truth, records) if t != r["label"]]
    if plot:  # drawn here, not by the caller: a notebook's jobs.evaluate(..., plot="cm.png") wrote no figure
        from .report.plots import confusion_matrix_figure, save_figure

        save_figure(confusion_matrix_figure(result["confusion"], result["labels"]), plot)
    return Evaluation(result, compared, errors, failed)


# ------------------------------------------------------------------------ topics

@dataclass
class TopicsFit:
    card: dict
    topics: list[dict]  # topics.json
    segmented: Segmented


@_job_arguments("out", "labels_file")
def fit_topics(reading: Reading, out: str, n_topics: int, labels_file: str | None = None, period: str = "month",
               **params) -> TopicsFit:
    """Fit a topic model on the articles and write it, its card, tables and figures into `out`."""
    from .io.write import replace_together
    from .persist import CARD_FILE, MODEL_FILE, save_model
    from .topics.measures import ReferenceTokens, topic_measures
    from .topics.model import TopicModel, topic_card
    from .run.batch import check_folder
    from .topics.summary import FIT_FILES, previous_outputs, report_files, summarize, write_report
    from .types.training import read_types, with_article_types  # "Annual review" is annual_review, as train reads it

    n_topics = check_at_least("n_topics", n_topics, MIN_TOPICS, MAX_TOPICS)  # a plain int: the card is JSON
    if "random_state" in params:
        params["random_state"] = check_random_state("random_state", params["random_state"])
    check_choice("period", period, PERIODS)
    model = TopicModel(n_topics=n_topics, **params)
    model._check_params(reading.n_jobs)  # engine="NMF" was refused only once every article was read and segmented
    # task: a classifier's folder is refused (its model and card would be replaced), a topics folder refitted
    check_folder(out, [*reading.paths, *([labels_file] if labels_file else [])], FIT_FILES, task="topics")
    types = read_types(labels_file, reading.fields.label, reading.fields.id)
    k_fits, labels_found = _check_k(n_topics, params.get("unit", "document")), _check_types_found(types)

    def check(articles):
        k_fits(articles)
        labels_found(articles)
    data = read_segmented(reading, check=check)
    mixes = model.fit_transform(data.texts, n_jobs=reading.n_jobs,  # = fit, then transform: texts read once
                                progress=len(data.texts) > 100)
    [measures] = topic_measures([model], ReferenceTokens(data.texts, model.unit, model))
    measures.pop("k")
    report = summarize(model, with_article_types(data.good, types), mixes, period=period)
    _warn_without_mix(report.without_mix)
    if not report.periods:  # no over_time.csv then: say why it is missing
        log.warning("no article has a date: no shares over time (over_time.csv) in %s", out)
    # The new fit is written whole into a hidden folder inside `out`, then its files replace the previous
    # fit's together, the card last (`replace_together`): a refit stopped at any moment leaves the old model
    # or the new one, never a new model file beside an old card or new topics beside old tables, and the
    # user's other files in `out` stay where they are.
    previous = previous_outputs(out)
    Path(out).mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".dvtopics-fit-", dir=out))
    try:
        card = save_model(model, stage, topic_card(model, report.labels, measures, data.good, reading.paths)
                          | {"outputs": report_files(report)})
        new = [path.name for path in write_report(report, stage)] + [MODEL_FILE, CARD_FILE]
        replace_together([(stage / name, Path(out) / name) for name in new],
                         remove=[Path(out) / name for name in set(previous) - set(new)])
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return TopicsFit(card, report.topics_json(), data)


def _check_types_found(types: dict[str, str] | None) -> Callable[[list[Article]], None]:
    """A `read_segmented` check: --labels none of whose ids is an article of the input is refused, and the ids
    that are none are counted in a warning (`_check_ids_found`), as train and evaluate do."""
    def check(articles):
        if types is not None:
            _check_ids_found(types, {a.id for a in articles}, "--labels")
    return check


def _warn_without_mix(n_articles: int) -> None:
    if n_articles:
        log.warning("%d article%s no word the topic model knows: no main topic, and left out of the topic shares",
                    n_articles, " has" if n_articles == 1 else "s have")


def _check_k(k: int, unit: str) -> Callable[[list[Article]], None]:
    """A `read_segmented` check: K documents at least, known before the segmenting (paragraphs are counted
    after it, by the model)."""
    from .topics.model import too_many_topics

    def check(articles):
        readable = sum(1 for a in articles if not a.error)
        if unit == "document" and k > readable:
            raise too_many_topics(k, readable, unit)
    return check


@dataclass
class Assignment:
    counts: Counter  # articles per main topic (None: no word the model knows; "error": unreadable ones)
    labels: list[str]  # per topic
    failed: list[Article]  # the unreadable articles, when they are known here (not on Dask: its workers log them)


@_job_arguments("directory", "out", "labels_file")
def assign_topics(reading: Reading, directory: str, out: str, labels_file: str | None = None,
                  engine: str = "local", scheduler: str | None = None, part_size: int = PART_SIZE,
                  resume: bool = False) -> Assignment:
    """Give each article its main topic and mix with the model in `directory`; write them to `out`, an
    unreadable article in its place with its error."""
    from .run.batch import check_output, refuse_other_engine
    from .topics.summary import read_topics

    part_size = check_at_least("part_size", part_size, 1, MAX_PART)  # as --part-size is
    _check_engine(engine, scheduler, part_size)
    if resume and engine != "dask":  # as --resume is: the local engine writes its table at once, so it rewrote it all
        raise ArgumentError("resume finishes an interrupted engine=\"dask\" run; the local engine writes the table "
                            "at once: run again without resume")
    out = _output_name(out, engine)
    if not out.endswith(("/", os.sep)):  # FOLDER/ keeps Dask's parts
        check_output(out, [*reading.paths, directory, *([labels_file] if labels_file else [])])
        if engine != "dask":  # (a Dask run checks under its lock) as `label` does: OUT.parts/ is a Dask run's
            refuse_other_engine(Path(out), "local")

    if engine == "dask":
        from .parallel import cores
        from .run.distributed import AssignJob, run_job, write_assignments

        job = AssignJob(directory, labels_file, cache_dir=reading.cache_dir, use_cache=reading.use_cache,
                        label_field=reading.fields.label, id_field=reading.fields.id)
        labels = [topic["label"] for topic in read_topics(directory)[0]]
        counts = run_job(job, reading.paths, out, scheduler=scheduler, part_size=part_size, resume=resume,
                         fields=reading.fields, max_bytes=reading.max_bytes, n_workers=cores(reading.n_jobs),
                         gather=partial(write_assignments, n_topics=len(labels)),
                         settings=_assign_settings(reading, directory, labels_file))
        return Assignment(counts, labels, [])
    from .topics.summary import in_input_order, summarize, write_documents
    from .types.training import read_types, with_article_types

    model = _load_topic_model(directory)
    types = read_types(labels_file, reading.fields.label, reading.fields.id)
    data = read_segmented(reading, check=_check_types_found(types))
    report = summarize(model, with_article_types(data.good, types), model.transform(data.texts))
    write_documents(list(in_input_order(data.articles, report.documents)), out, len(report.labels), errors=True)
    counts = Counter(d["main_topic"] for d in report.documents)
    counts["error"] = len(data.failed)
    return Assignment(counts, report.labels, data.failed)


def _assign_settings(reading: Reading, directory: str, labels_file: str | None) -> dict:
    """What makes a row of `topics assign` besides its article (`run.batch.SETTINGS`): a resume must have the same."""
    from .persist import read_card
    from .run.batch import input_fingerprint

    return {"model_sha256": read_card(directory, "topics").get("sha256"),
            "labels": input_fingerprint([labels_file])["sha256"] if labels_file else None,
            "fields": _field_settings(reading.fields), "max_bytes": reading.max_bytes}


@_job_arguments("out")
def sweep_topics(reading: Reading, out: str, ks: Sequence[int], measures: Sequence[str], seeds: Sequence[int],
                 **params) -> tuple[list[dict], Segmented]:
    """Fit each K with each seed, measure the fits, and write sweep.csv and sweep.png into `out`; return the
    rows (one per K) and the articles read."""
    from .run.batch import check_folder
    from .topics.measures import check_measures
    from .topics.model import TopicModel
    from .topics.sweep import SWEEP_FILES, sweep, write_sweep

    ks, seeds = check_topic_counts("ks", ks), check_seeds("seeds", seeds)  # before reading, as measures are
    measures = check_measures(measures)  # a misspelt measure stops the job before its long work, not after a fit
    if not measures:  # (--measures "") a sweep compares its fits by them: with none, its table and figure are empty
        raise TopicsError("a sweep needs at least one measure to compare its fits: npmi, c_v or diversity")
    TopicModel(n_topics=min(ks), **params)._check_params(reading.n_jobs)  # as fit_topics: before the reading
    check_folder(out, reading.paths, SWEEP_FILES)
    data = read_segmented(reading, check=_check_k(max(ks), params.get("unit", "document")))
    rows, _ = sweep(data.texts, ks, measures, seeds=seeds, progress=True, **params)
    write_sweep(rows, out)
    return rows, data


@_job_arguments("directory")
def read_topics(directory: str, n_words: int | None = None) -> tuple[list[dict], dict]:
    """(the topics of a fitted model folder, as topics.json holds them, with `n_words` words each when given;
    its card)."""
    from .topics.summary import read_topics as read

    return read(directory, n_words)


def _load_topic_model(directory: str):
    """The topic model in `directory`, once its topics.json is found whole (`read_topics` checks it): a model
    folder with a missing or broken topics.json is an error for every command, not only for `topics show`."""
    from .topics.model import load_topic_model

    read_topics(directory)
    return load_topic_model(directory)[0]


@_job_arguments("directory", "out")
def topics_page(directory: str, out: str) -> Path:
    """Write the offline pyLDAvis page of the topic model in `directory` to `out`."""
    from .run.batch import check_output
    from .topics.ldavis import ldavis_html

    _check_suffix(out, HTML_SUFFIXES, "an HTML page")
    model = _load_topic_model(directory)
    path = check_output(out, [directory])
    path.write_text(ldavis_html(model), encoding="utf-8")
    return path


# ------------------------------------------------------------------------ report

HTML_SUFFIXES = (".html", ".htm")


def _check_suffix(out: str, suffixes: Sequence[str], kind: str) -> None:
    """Refuse an output named as another kind of file than it will be (report.pdf would hold HTML, and open
    in a PDF reader as a broken file)."""
    if Path(out).suffix.lower() not in suffixes:
        raise DvtopicsError(f"{out}: written as {kind}, so its name must end in {' or '.join(suffixes)}")


SMALL_CORPUS_ARTICLES = 200  # below this, topics are fitted on paragraphs: too few documents otherwise


def default_k(n_articles: int) -> int:
    """K when the report fits topics itself: about √n / 4, between 3 and 15.

    A few seed articles get 3 broad themes; 3 000 articles get 14; beyond
    that more topics split themes a reader cannot tell apart.

    >>> default_k(5), default_k(3000), default_k(35000)
    (3, 14, 15)
    """
    return int(min(15, max(3, round(n_articles ** 0.5 / 4))))


@_job_arguments("model_dir", "topics_dir")
def report_data(reading: Reading, model_dir=None, topics_dir=None, fit_topics: bool = True,
                n_topics: int | None = None):
    """Label the articles and find their topics; return (records, topic report or None, provenance).

    An article's type is its own label when the input gives it one the model knows, in a label set the model's
    (`_given_types`), else the model's; the model's label and confidence stay in its record. Topics come from
    the model in `topics_dir`, else are fitted on the articles themselves when `fit_topics` (K from
    `default_k`), else are left out. A fit that cannot be made (too few words) leaves them out and says why.
    """
    if n_topics is not None:
        n_topics = check_at_least("n_topics", n_topics, MIN_TOPICS, MAX_REPORT_TOPICS)
    _check_topics_choice(topics_dir, fit_topics, n_topics)
    from .io.folders import passed_over

    articles = list(reading.articles())
    with open_cache(reading.cache_dir, reading.use_cache) as cache:
        records, topics, provenance = _report_data(articles, cache, reading.n_jobs, model_dir, topics_dir, fit_topics,
                                                   n_topics)
    # the files an input folder held that were not read (a .docx, a .pdf beside the .txt), which the reader
    # warned of on stderr: the page's reader never sees that, and would count them among the articles
    provenance["not_read"] = [f"{path}: {note}" for path in reading.paths if Path(path).is_dir()
                              for note in passed_over(Path(path), reading.fields.text)]
    return records, topics, provenance


def _check_topics_choice(topics_dir, fit_topics: bool, n_topics: int | None) -> None:
    """Refuse what the report would ignore, as the command line refuses --no-topics beside --topics and --k beside
    either: n_topics=7 beside a topics_dir (which has its own K) or fit_topics=False (which fits none) was dropped
    in silence, and fit_topics=False beside a topics_dir put that model's topics in all the same."""
    if topics_dir and not fit_topics:
        raise ArgumentError("fit_topics=False leaves the themes out, topics_dir puts a model's in: give one of them")
    if n_topics is not None and (topics_dir or not fit_topics):
        why = "fit_topics=False fits none" if not fit_topics else "topics_dir has its own"
        raise ArgumentError(f"n_topics is the number of themes the report fits: {why}; leave n_topics out")


@dataclass
class ReportWritten:
    path: Path  # the HTML report
    workbook: Path | None  # its tables, when asked for
    records: list[dict]  # one per article, as `report_data` gives them


@_job_arguments("out", "xlsx", "model_dir", "topics_dir")
def report(reading: Reading, out: str, xlsx: str | None = None, model_dir=None, topics_dir=None,
           fit_topics: bool = True, n_topics: int | None = None, max_rows_per_type: int = 500,
           title: str = "dvtopics report", command: str = "") -> ReportWritten:
    """Write the HTML report of the articles to `out` (and its tables to `xlsx`)."""
    from .report.html import build_report, write_text
    from .io.write import staged
    from .report.workbook import write_report_workbook
    from .run.batch import check_output

    check_title(title)  # before any work
    # as --max-rows-per-type: -1 dropped each type's last article from the page, saying "-1 of 8"; 2.5 stopped
    # the job after the labelling
    max_rows_per_type = check_at_least("max_rows_per_type", max_rows_per_type, 1, MAX_PART)
    read = [*reading.paths, *_model_folders(model_dir or "shipped", topics_dir)]
    check_output(out, read)
    if xlsx:
        check_output(xlsx, [*read, out])
        _check_suffix(xlsx, (".xlsx",), "an Excel workbook")
    _check_suffix(out, HTML_SUFFIXES, "an HTML page")
    _check_topics_choice(topics_dir, fit_topics, n_topics)  # before the articles are read and labelled
    records, topics, provenance = report_data(reading, model_dir, topics_dir, fit_topics, n_topics)
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
    return ReportWritten(targets[0], targets[1] if xlsx else None, records)


@_job_arguments("xlsx", "page")
def workbook_from_page(xlsx: str | os.PathLike, page: str | os.PathLike) -> str:
    """The workbook's path as the page names it: from the page's folder, where its reader starts looking
    ("tables.xlsx" beside it, "../tables/all.xlsx" elsewhere), so that a workbook written into another folder
    is not named as if it stood beside the page; absolute where no relative path leads there (another drive)."""
    xlsx, folder = os.path.abspath(xlsx), os.path.dirname(os.path.abspath(page))
    try:
        return Path(os.path.relpath(xlsx, folder)).as_posix()
    except ValueError:  # Windows: another drive than the page's
        return xlsx


def _report_data(articles, cache, n_jobs, model_dir, topics_dir, fit_topics, n_topics):
    from dataclasses import replace

    from .report.html import TOP_ARTICLES_PER_TOPIC, TOP_WORDS, period_for
    from .text.segment import segment_articles
    from .topics.summary import summarize
    from .types.model import load_classifier, model_directory, predict_articles

    from .parallel import cores

    progress = len(articles) > 100
    classifier = load_classifier(model_dir)
    want_topics = bool(topics_dir or fit_topics)
    segmented = None
    if cores(n_jobs) > 1:
        records, segmented = _label_and_segment_in_workers(articles, model_dir, cache, n_jobs, want_topics, progress)
    else:
        records = predict_articles(classifier, articles, cache=cache, n_jobs=n_jobs, progress=progress)
    _given_types(articles, records, classifier.labels)
    provenance = {"model_dir": str(model_directory(model_dir)), "model_card": classifier.card}
    if not any(not a.error for a in articles) or not want_topics:
        provenance["topics_source"] = None
        return records, None, provenance
    if segmented is None:
        _, segmented = segment_articles(articles, n_jobs, cache, progress=progress)
    topic_model, source, mixes = _topic_model(segmented, topics_dir, n_topics, provenance, n_jobs)
    provenance["topics_source"] = source
    if topic_model is None:
        return records, None, provenance
    # each readable article with the type its record gives it, by position: ids may repeat
    typed = [replace(a, label=r.get("label")) for a, r in zip(articles, records) if not a.error]
    topics = summarize(topic_model, typed, mixes, period=period_for(records), n_words=TOP_WORDS,
                       n_representatives=TOP_ARTICLES_PER_TOPIC)
    _warn_without_mix(topics.without_mix)
    return records, topics, provenance


def _given_types(articles: Sequence[Article], records: list[dict], known: Sequence[str]) -> None:
    """Each readable article's type in the report: its own label (the input's label field, --label-field) when it
    is one the model gives, else the model's. The input's label *set* decides, as `train` and `evaluate` read it
    (`as_article_types`, the model's labels beside it): a set of article types however spelt gives types; another
    set, beside a model of article types, gives none: a task of the user's own ("Giáo dục", "Y tế", "Other": its
    "Other" is not `other`) or types mixed with other names (which `train` refuses). Each record (changed in place)
    keeps the model's label as `model_label`, beside its confidence, and says where its type came from in
    `type_from`: "input" or "model". Labels not used are named in one warning."""
    from .types.names import as_article_types, is_article_type_set

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
        named = ", ".join(f"{label!r} ({n})" for label, n in unused.most_common(5))
        why = ("its labels are not the article types (a task of your own, or types mixed with other names)"
               if of_another_set else "its labels are none of the model's")
        log.warning("the label field of %d articles was not used as their type: %s: %s%s; the model's labels are %s",
                    sum(unused.values()), why, named, f" and {len(unused) - 5} more" if len(unused) > 5 else "",
                    ", ".join(sorted(known)))


@dataclass(frozen=True)
class _LabelAndSegment:
    """What a worker process does with a batch of articles (`map_ordered`): label them (`run.batch.Labeller`),
    then segment the whole texts of those that could be read, for the topics. One pool of workers for
    both, and the whole texts meet the heads the labelling just put in the segmentation cache."""

    labeller: object  # run.batch.Labeller
    segment: bool

    def __call__(self, batch: list) -> tuple[list[dict], list[str]]:
        from .text.segment import remember_pieces, segment_many

        if not self.segment:
            return self.labeller(batch), []
        _, cache = self.labeller.load()
        with remember_pieces():  # a whole text's sentences before the head's cut are segmented once
            records = self.labeller(batch)
            return records, segment_many([a.text for a in batch if not a.error], 1, cache)


REPORT_BATCH = 256  # articles a worker labels and segments at a time


def _label_and_segment_in_workers(articles: Sequence, model_dir, cache, n_jobs: int, segment: bool,
                                  progress: bool) -> tuple[list[dict], list[str] | None]:
    """(records, the whole texts of the good articles segmented, or None), the batches spread over `n_jobs`
    worker processes. The same records and texts as `predict_articles` and `segment_many` in this process."""
    from .progress import progress_bar

    from .parallel import map_ordered
    from .run.batch import Labeller, batches

    labeller = Labeller(None if model_dir is None else str(model_dir), cache_dir=None if cache is None else
                        str(cache.path.parent), use_cache=cache is not None)
    records, segmented = [], []
    with progress_bar(total=len(articles), unit="article", disable=not progress) as bar:
        for batch_records, batch_segmented in map_ordered(_LabelAndSegment(labeller, segment),
                                                          batches(articles, REPORT_BATCH), n_jobs,
                                                          preload=Labeller.preload):
            records += batch_records
            segmented += batch_segmented
            bar.update(len(batch_records))
    return records, segmented if segment else None


def _topic_model(segmented: Sequence[str], topics_dir, n_topics, provenance: dict, n_jobs: int = 1):
    """(a fitted TopicModel or None, where it came from, the topic mix of each text or None)."""
    from .topics.model import TopicModel, load_topic_model

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
    return model, f"fitted on these {len(segmented)} articles: K = {k}{lowered}, over {unit}s", mixes


# What a report user can do when the report's own fit fails: `report` has none of the fit's options, `topics fit`
# has them all (a rarer word kept with a lower --no-below, paragraphs or whole articles), and its folder is --topics
REPORT_TOPICS_ADVICE = ("give more text, or fit the topics with `dvtopics topics fit PATHS --out DIR --no-below N` "
                        "(a lower N keeps rarer words, a higher --no-above commoner ones; see `dvtopics topics fit "
                        "--help`) and give that folder to the report with `--topics DIR`")
