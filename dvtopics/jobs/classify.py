"""The article-type jobs: train a classifier, label articles with one (here or on Dask), evaluate one on labelled
articles, and the cue rules' hits."""
from __future__ import annotations

import csv
import logging
import os
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from ..arguments import MAX_BATCH, MAX_PART, MAX_SEED, MIN_FOLDS, as_list, check_at_least, check_share, named, option
from ..errors import DvtopicsError, InputError
from ..wording import brief_repr, plural, word_for
from ..io.archives import tars_listed_once
from ..io.article import Article, record_fields
from ..io.folders import ARTICLE_SUFFIXES, file_kind
from ..io.paths import unique_paths
from ..io.read import read_articles
from ..io.records import LABEL_OUT_COLUMNS, LABELS_TABLE_GIVEN, FieldNames, errors_held
from ..io.write import naming
from ..text.cache import open_cache
from .checks import (NoLabelledArticles, PART_SIZE, check_engine, check_ids_found, check_suffix, field_settings,
                     ids_of_input_files, model_folders, output_name)
from .reading import LABELS_BY_ID_HINT, Reading, job_arguments

log = logging.getLogger(__name__)


@job_arguments()
def rule_hits(reading: Reading, every_event: bool = False):
    """(article, the cue rule's hit or None, the event it reports or None) per article; the event is looked
    for where a rule fired, or everywhere with `every_event`."""
    from ..types.events import find_event
    from ..types.rules import apply_rules

    for article in reading.articles():
        hit = None if article.error else apply_rules(article.title, article.text)
        event = find_event(article.title, article.text) if not article.error and (hit or every_event) else None
        yield article, hit, event


@dataclass
class Trained:
    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    card: dict  # the saved model's card
    failed: list[Article]  # the articles (of the inputs and of --extra) that could not be read, left out


@job_arguments("out", "label_files", "extra_paths")
@tars_listed_once()  # the members a labels file names, then the reading: each tar listed once
def train(reading: Reading, out: str, label_files: Sequence[str] = (), classifiers=("svm", "logreg", "cnb"),
          extra_paths: Sequence[str] = (), weak_rules: bool = False, weak_other: int = 0, head_chars: int = 4000,
          folds: int = 5, max_features: int = 30_000, views=None, seed: int = 0, description: str = "",
          on_data: Callable = lambda data: None, lead_copies: int | None = None,
          silent_min_confidence: float | None = None, override_min_confidence: float | None = None) -> Trained:
    """Train a classifier on the labelled articles (cross-validating `classifiers`), save it with its card
    into `out`; return the card and the articles that could not be read. `on_data` sees the training data
    (`types.training.TrainingData`) before training starts."""
    from ..persist import MODEL_FILES, save_model
    from ..run.batch import check_folder, refuse_other_labels
    from ..types.model import TASK, check_classifiers, check_not_named_shipped
    from ..types.training import check_trainable, collect, train as train_model

    folds = check_at_least("folds", folds, MIN_FOLDS)  # these and the three below are on the card: plain ints
    head_chars = check_at_least("head_chars", head_chars, 0)
    max_features = check_at_least("max_features", max_features, 0)
    weak_other = check_at_least("weak_other", weak_other, 0)  # as --weak-other, before the inputs are read
    seed = check_at_least("seed", seed, 0, MAX_SEED)
    lead_copies = None if lead_copies is None else check_at_least("lead_copies", lead_copies, 0)
    for name, share in (("silent_min_confidence", silent_min_confidence),
                        ("override_min_confidence", override_min_confidence)):
        if share is not None:
            check_share(name, share)
    check_classifiers(classifiers)  # (checked after the work, a misspelt name cost minutes of cross-validation)
    check_not_named_shipped(out)
    label_files = _label_files(label_files)
    extra_paths = as_list(extra_paths, "extra_paths")
    # task: a topics model's folder is refused, a classifier's (this one retrained) replaced
    check_folder(out, [*reading.paths, *label_files, *extra_paths], MODEL_FILES, task=TASK)
    with _one_training_at_a_time(out):  # the whole run: a second one into this folder stops at once
        gold = ids_of_input_files(gold_labels(label_files, reading.fields.label, reading.fields.id), reading.paths)
        ids = set()
        extra = list(_extra_articles(extra_paths, reading, gold))  # a few files, refused before the inputs are read
        try:
            data = collect(_noting_ids(reading.articles(), ids), gold, weak_rules, weak_other, seed, extra,
                           label_field=reading.fields.label)
        except DvtopicsError as exc:
            if gold is not None:  # "no labelled article found": say first that no id of the labels file is an article's
                check_ids_found(gold, ids, named("label_files"))
            among = _labels_among_inputs(reading) if str(exc).startswith("no labelled article found") else ""
            if among:
                raise type(exc)(f"{exc}{among}") from None
            raise
        if gold is not None:
            # a label whose id is no article's is not learnt: say so
            check_ids_found(gold, ids, named("label_files"))
        check_trainable(data)  # before the summary is printed: the error is the command's one line
        refuse_other_labels(out, set(data.labels))  # (before the cross-validation, the long part)
        on_data(data)
        with open_cache(reading.cache_dir, reading.use_cache) as cache:
            try:
                model, card = train_model(data, classifiers, head_chars=head_chars, n_folds=folds, cache=cache,
                                          n_jobs=reading.n_jobs, seed=seed, progress=True, description=description,
                                          max_features=max_features or None, views=views, lead_copies=lead_copies,
                                          silent_min_confidence=silent_min_confidence,
                                          override_min_confidence=override_min_confidence)
            except ValueError as exc:  # scikit-learn's word for data it cannot learn from: no words left, a tiny class
                raise DvtopicsError(f"cannot train on these articles: {exc}") from None
        with naming(out, then="; the model there before is kept as it was"):  # a full disk: say which folder
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
    extra, labels = named("extra_paths"), named("label_files")  # (as a message says)
    # a file given twice is read once, with a note, as the inputs are: read twice, each correction in it would be
    # counted again, and undone and redone
    for path in unique_paths(paths) if paths else []:
        readable, first_error, unlabelled, labelled, n_unlabelled = 0, None, None, 0, 0
        # .txt articles (a folder of them, say) hold a text, never a label: told by the file, not by an article's
        # fields (a table's `path` column looked like a .txt article's)
        of_txt = os.path.isdir(path) or file_kind(Path(path)) in ("txt", "document")
        kept = []
        try:
            # the errors logged once the file is known to hold an article: else the first is this one's
            with errors_held() as errors:
                for article in read_articles([path], reading.fields, "record", reading.max_bytes):
                    readable += not article.error
                    labelled += bool(not article.error and article.label)
                    first_error = first_error or article.error
                    if not article.error and not article.label:
                        # read on, counting: a first row left blank read as a label field not found, and the blanks
                        # were met one run at a time
                        unlabelled = unlabelled or article
                        n_unlabelled += 1
                        if of_txt:  # nor will the folder's other files have one: refused as they are
                            break
                    elif unlabelled is None:
                        kept.append(article)
        except InputError as exc:  # a table without the text column: a labels file, perhaps
            raise InputError(f"{extra} {exc}" + _labels_hint(path, reading.fields, str(exc))) from None
        for error in errors[0 if readable else 1:]:
            log.error("%s", error)
        if unlabelled is not None:  # training's own line named neither file nor field. Not with `_labels_hint`: the
            # file has texts (a labels file too, read as one, when its rows have a text): it was told to give them as
            # --labels, "not the articles' text"
            others = record_fields(unlabelled)
            # its label in a --labels file: those label the inputs (hand labels, scored), never --extra's
            in_labels = (f"; {labels} labels the inputs' articles, not {extra}'s ({unlabelled.id} among them): give "
                         f"{path} among the inputs (its articles are then hand labels, scored), or each {extra} "
                         "article its label in its own field"
                         if gold and unlabelled.id in gold else "")
            if labelled:  # the field was found (a sheet's `Nhãn` too): these cells are blank, not the field unknown
                blank = (f"the article {unlabelled.id} has no label (its label cell is blank" if n_unlabelled == 1 else
                         f"{n_unlabelled} articles have no label (their label cells are blank, the first "
                         f"{unlabelled.id}")
                raise InputError(f"{extra} {path}: {blank}, where {plural(labelled, 'other article')} "
                                 f"{word_for(labelled, 'has', 'have')} one): each {extra} article needs one: label "
                                 f"{(them := word_for(n_unlabelled, 'it', 'them'))}, or leave {them} out of the file"
                                 + in_labels)
            if of_txt:
                # its kind by its whole suffix ("a .txt.gz article", not ".gz"; "a folder of .docx articles")
                example = unlabelled.meta["path"]
                suffix = next((suffix for suffix in sorted(ARTICLE_SUFFIXES, key=len, reverse=True)
                               if example.lower().endswith(suffix)), Path(example).suffix.lower() or ".txt")
                what = f"a folder of {suffix} articles" if os.path.isdir(path) else f"a {suffix} article"
                raise InputError(f"{extra} {path}: {what} ({unlabelled.meta['path']}), and an article's file (.txt, "
                                 f".docx, .odt) holds a text, never a label: {extra} takes labelled articles, a JSONL, "
                                 f"CSV, JSON or .xlsx file of texts each with its '{reading.fields.label}' field; "
                                 f"to learn from these, give {path} among the inputs (PATHS) and their labels with "
                                 f"{labels} (a table of id or file, and label)")
            # none of its articles has one (a blank cell among labelled ones is refused above): worded as train words
            # it of the inputs, with the fields the first one has, among which the label's column is likely
            from ..types.training import no_label_in

            raise InputError(f"{extra} {path}: {no_label_in(reading.fields.label, others)}: each {extra} article "
                             "needs one" + in_labels)
        if not readable:
            raise InputError(f"{extra} {path}: no article could be read ({first_error})"
                             + _labels_hint(path, reading.fields, first_error))
        yield from kept


@contextmanager
def _one_training_at_a_time(out):
    """Hold a lock in the model folder while a model is trained into it: two runs into one --out at once wrote the
    same temporary files, and their renames could leave one run's model beside the other's card (refused as
    replaced). A folder made here and left empty by a failed run is taken away again."""
    from ..run.batch import output_lock

    folder = Path(out)
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with output_lock(folder, folder / ".dvtopics-training.lock"):
            yield
    finally:
        if made and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _labels_among_inputs(reading: Reading) -> str:
    """"; labels.csv holds ids and labels, not the articles' text: give it as --labels" when an input file is a labels
    file (--labels forgotten), for the line that says no article has a label; else ""."""
    for path in reading.paths:
        if os.path.isfile(path) and _labels_hint(path, reading.fields):
            return (f"; {os.fspath(path)} holds ids and labels, not the articles' text: give it as "
                    f"{named('label_files')}, with the articles it labels among the inputs")
    return ""


LABELS_HINT_BYTES = 50 << 20  # a larger file is not read as a labels file for a hint




def _labels_hint(path, fields: FieldNames, said: str | None = None) -> str:
    """What to do with a file of ids and labels but no texts (the .xlsx `label --out` writes) given as --extra. Not
    said of a file with other columns: its text is under another name (`content`, read with --text-field), and it was
    told it held no texts. Nor after an error (`said`) that says it already: a table's reader does."""
    from ..io.labels import labels_file_columns, read_labels, workbooks_read_once

    if said and LABELS_TABLE_GIVEN in said:
        return ""
    try:
        if os.path.getsize(path) > LABELS_HINT_BYTES:  # a corpus, not a labels file: not read whole for a hint
            return ""
        with workbooks_read_once():  # its labels, then its columns: a workbook parsed once
            read_labels(path, label_field=fields.label, id_field=fields.id)
            columns = labels_file_columns(path, fields.label, fields.id)
    except (DvtopicsError, OSError, ValueError, csv.Error):  # no hint where its header cannot be read
        return ""
    if any(column not in (*LABEL_OUT_COLUMNS, fields.id, fields.label) for column in columns):
        return ""
    return (f"; it holds ids and labels, not the articles' text: give it as {named('label_files')}, "
            "with the articles it labels among the inputs")


@job_arguments("out", "model")
def label(reading: Reading, out: str | None, model: str | None = None, min_confidence: float = 0.0,
          abstain: str = "other", resume: bool = False, batch_size: int = 256, engine: str = "local",
          scheduler: str | None = None, part_size: int = PART_SIZE, on_progress: Callable[[int], None] | None = None,
          on_record: Callable[[dict], None] | None = None, force: bool = False,
          on_resume: Callable[[int, Path], None] | None = None) -> Counter:
    """Label every article's type into `out` (or hand each record to `on_record` when `out` is None);
    return the count of each outcome (labels, "error"). An existing `out` that is not as dvtopics wrote it (labels
    corrected by hand) is refused unless `force`. `on_resume(kept, journal)`: a `resume` that keeps labels from the
    interrupted run's journal (a Dask run's parts folder) is told how many, before the rest is labelled."""
    from ..run.batch import check_output, note_written, refuse_edited
    from ..types.model import check_abstaining, model_directory, model_name

    check_abstaining(min_confidence, abstain)
    # as --batch-size and --part-size are, on every path: a batch of 0 would label nothing, silently
    batch_size = check_at_least("batch_size", batch_size, 1, MAX_BATCH)
    part_size = check_at_least("part_size", part_size, 1, MAX_PART)
    check_engine(engine, scheduler, part_size)
    model_directory(model, "model")  # a blank or foreign one named as this job's argument, before any work
    out = output_name(out, engine)
    if out is None and on_record is None:
        raise DvtopicsError("label: give `out`, the file to write, or `on_record`, a function to hand each record")
    if resume and out is None:  # the journal to finish is OUT's: without it the run would start over, silently
        raise DvtopicsError(f"{option('--resume')} finishes an interrupted run into its output: give the same "
                            f"{option('--out')}")
    one_file = out is not None and not out.endswith(("/", os.sep)) and not os.path.isdir(out)  # FOLDER/: Dask's parts
    if out is not None and not out.endswith(("/", os.sep)):
        check_output(out, [*reading.paths, model_directory(model)])
        refuse_edited(out, force)
    counts = _label(reading, out, model, min_confidence, abstain, resume, batch_size, engine, scheduler, part_size,
                    on_progress, on_record, on_resume)
    if one_file:
        note_written(out, model_name(model))
    return counts


def _label(reading: Reading, out, model, min_confidence, abstain, resume, batch_size, engine, scheduler, part_size,
           on_progress, on_record, on_resume=None) -> Counter:
    from ..run.batch import Labeller
    from ..types.model import model_directory

    if engine == "dask":
        from ..parallel import cores
        from ..run.distributed import LabelJob, run_job

        job = LabelJob(str(model_directory(model)), min_confidence, abstain, batch_size, reading.cache_dir,
                       reading.use_cache)
        return run_job(job, reading.paths, out, scheduler=scheduler, part_size=part_size, resume=resume,
                       fields=reading.fields, max_bytes=reading.max_bytes, on_part=on_progress,
                       settings=_label_settings(reading, job), n_workers=cores(reading.n_jobs), on_resume=on_resume)
    labeller = Labeller(model, min_confidence, abstain, reading.cache_dir, reading.use_cache)
    return _label_here(reading, labeller, out, resume, batch_size, on_progress, on_record, on_resume)


def _label_here(reading: Reading, labeller, out: str | None, resume: bool, batch_size: int, on_progress,
                on_record, on_resume=None) -> Counter:
    """With -j N > 1, N worker processes each load the model and label whole batches; this one reads and
    writes, in input order."""
    from ..parallel import cores, map_ordered
    from ..run.batch import batches, input_fingerprint, label_stream, outcome

    if cores(reading.n_jobs) == 1:
        labeller.load()  # a broken model stops the run before any article is read
    if out is not None:
        return label_stream(reading.articles(), labeller, out, resume, batch_size, on_progress, reading.n_jobs,
                            labeller.preload, inputs=input_fingerprint(reading.paths),
                            settings=_label_settings(reading, labeller), on_resume=on_resume)
    counts = Counter()
    for records in map_ordered(labeller, batches(reading.articles(), batch_size), reading.n_jobs,
                               preload=labeller.preload):
        for record in records:
            counts[outcome(record)] += 1
            on_record(record)
        if on_progress:  # as when writing `out`: a notebook's bar over on_record's records stood still
            on_progress(len(records))
    return counts


def _label_settings(reading: Reading, labeller) -> dict:  # labeller: a run.batch.Labeller, or Dask's LabelJob
    """What makes a labelled row besides its article (`run.batch.SETTINGS`): a resume must have the same.
    The model's head (`head_chars`), views and rules are in its file, so in its checksum."""
    from ..persist import read_card
    from ..types.model import model_directory

    return {"model_sha256": read_card(model_directory(labeller.model_dir)).get("sha256"),
            "min_confidence": labeller.min_confidence, "abstain": labeller.abstain,
            "fields": field_settings(reading.fields), "max_bytes": reading.max_bytes}


LABEL_FILES_HINT = f"give the paths of labels files; {LABELS_BY_ID_HINT}"


def _label_files(label_files) -> list:
    """`label_files` as a list of paths. Labels by id are refused, as a dict is (`as_list`), in a pandas Series too:
    its labels were read as paths ("semi_annual_review: no such file")."""
    from ..io.labels import by_id

    if by_id(label_files) and not isinstance(label_files, Mapping):
        if _names_files(label_files):  # a column of paths (df["file"], filtered too), not labels by id
            return list(label_files)
        raise TypeError(f"label_files: a {type(label_files).__name__} is not a list of items (its labels would be "
                        f"read as paths): {LABEL_FILES_HINT}")
    return as_list(label_files, "label_files", LABEL_FILES_HINT)


def _names_files(series) -> bool:
    """Whether a pandas Series' values are paths (a DataFrame's column of files, filtered or not), not labels by id:
    each names a file there, or ends as a labels table does (.csv, .xlsx, .jsonl). Told by the values, not the index:
    a filtered column (rows 3, 7, 12) was refused as labels by id; labels keyed by numeric ids ({17: "other"}) were
    read as paths; so were labels matching a folder's name (a corpus kept in other/, annual_review/)."""
    from ..io.folders import CSV_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES, XLSX_SUFFIXES

    tables = CSV_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + XLSX_SUFFIXES
    return len(series) > 0 and all(isinstance(value, (str, os.PathLike)) and
                                   (str(value).lower().endswith(tables) or Path(value).is_file()) for value in series)


@job_arguments("label_files")
def gold_labels(label_files: Sequence[str], label_field: str = "label", id_field: str = "id"
                ) -> dict[str, str] | None:
    """The hand labels of these files, merged; None without files (labels then come from the articles). An id that
    two files give two labels is refused, as one file's is (`labels_by_id`); one type spelt two ways
    ("semi_annual_review", "Semi-annual review", "Other", "other") is one label, whatever set the labels make. A
    file's labels are in the column (or key) named as the articles' label field, `label_field`, else in `label`; its
    ids in the one named as their id field, `id_field`, else in `id`."""
    from ..io.labels import labels_by_id, read_labels, workbooks_read_once
    from ..run.batch import as_written
    from ..types.names import as_article_types, same_label, without_abstentions
    from .checks import model_answers

    label_files = _label_files(label_files)
    pairs = []
    with workbooks_read_once():  # its columns, a report's Vietnamese names, its labels: a workbook parsed once
        for path in label_files:
            written = as_written(path)  # (a hash of the whole file: once, for both checks)
            if not written:
                _warn_added_columns(path, label_field, id_field)
            labels = without_abstentions(read_labels(path, same=same_label, label_field=label_field,
                                                     id_field=id_field), path)
            # given back before any label was corrected: evaluate scored the model on itself (a report's rows typed
            # by the articles' own labels are hand labels)
            if answers := model_answers(path, labels, written, id_field):
                log.warning("%s is as dvtopics wrote it, no label corrected since: %s of its %s %s a model's "
                            "answers, not hand labels (a model scored on them is scored on its own answers)", path,
                            len(answers), plural(len(labels), "label"), "is" if len(answers) == 1 else "are")
            pairs += ((id_, label, path) for id_, label in labels.items())
    labels = as_article_types([label for _, label, _ in pairs])
    # (each with its file: two files that disagree on an id are named, of two readers' files which said which)
    return labels_by_id(named("label_files"), ((id_, label, path) for (id_, _, path), label in zip(pairs, labels)),
                        same=same_label) or None


def _warn_added_columns(path, label_field: str, id_field: str) -> None:
    """Warn when a `label --out` table has columns added by hand beside its `label` (a column "Nhãn đúng" of the
    corrections, the model's labels left as they were), where its labels are read from `label`: the model was scored on
    its own answers, at 1.0, in silence."""
    from ..io.labels import labels_file_columns
    from ..report.html import ARTICLE_COLUMNS

    if label_field != "label" or not os.path.isfile(path) or os.path.getsize(path) > LABELS_HINT_BYTES:
        return  # (a path that is no file: reading its labels says so)
    try:
        columns = labels_file_columns(path, label_field, id_field)
    except (DvtopicsError, OSError, ValueError, csv.Error):
        return
    # the report's workbook's own columns (`type_from`, `name_vi`, `topic` …) were called added beside its label
    report = {"type_from", "name_vi"} <= set(columns)
    written = (*LABEL_OUT_COLUMNS, *ARTICLE_COLUMNS) if report else LABEL_OUT_COLUMNS
    added = [column for column in columns if column and column not in (*written, id_field)]
    if {"label", "confidence", "cues"} <= set(columns) and added:
        log.warning("%s: a table of a model's answers (as label --out or report --xlsx write it), with column(s) %s "
                    "beside its 'label': its labels are read from its 'label' column, the model's answers where they "
                    "were not corrected there (correct them there, or give the column to read with %s)",
                    path, ", ".join(map(repr, added)), option("--label-field"))
    if report:  # where a Vietnamese reader corrects a type: its name_vi, said only where one was corrected
        _warn_names_corrected(path, id_field)


def _warn_names_corrected(path, id_field: str) -> None:
    """Warn when the report's workbook has a row whose `name_vi` (the type's Vietnamese name) is no longer its
    `label`'s: corrected there, it is not read unless --label-field name_vi says so."""
    from ..io.labels import labels_in_column, read_labels
    from ..types.names import same_label

    try:
        types, names = read_labels(path, id_field=id_field), labels_in_column(path, "name_vi", id_field)
    except DvtopicsError:  # the labels' own reading says what is wrong
        return
    apart = [(id_, types[id_], name) for id_, name in names.items()
             if id_ in types and not same_label(types[id_], name)]
    if apart:
        log.warning("%s: %d row(s) whose name_vi is not their label's type (e.g. %r: label %r, name_vi %r): the "
                    "'label' column is read; %s name_vi reads the Vietnamese names", path, len(apart),
                    *apart[0], option("--label-field"))


class FigureNotWritten(DvtopicsError):
    """`evaluate` scored the articles and could not write the figure of its confusion matrix (a full disk, a folder
    one may not write to): `evaluation` holds the scores, which a full run was needed to compute."""

    def __init__(self, message: str, evaluation: "Evaluation") -> None:
        super().__init__(message)
        self.evaluation = evaluation


@dataclass
class Evaluation:
    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    scores: dict  # types.evaluate.scores: accuracy, macro_f1, per_class, n, labels, confusion
    compared: dict | None  # against a baseline model: its scores and the articles whose label changed
    errors: list[tuple[Article, str, dict]]  # (article, true label, predicted record), in input order
    failed: list[Article] = field(default_factory=list)  # the articles that could not be read, left out
    # of the articles scored, how many the model learnt from (None: its file does not record them, as the shipped
    # one's does not): a score on them is not its skill on new articles (`_warn_learnt`)
    learnt: int | None = None


def _warn_learnt(name: str | None, classifier, articles) -> int | None:
    """Warn when `classifier` learnt some of the articles it is scored on (`train --extra` of the held-out file, say):
    the score would read as its skill on new articles, silently. Return how many (None: the model cannot tell)."""
    from ..types.model import model_name
    from ..types.training import learnt_from

    learnt = learnt_from(classifier, articles)
    if learnt:
        log.warning("%d of the %s scored are among those %s learnt from (e.g. %r): on them its score says how well it "
                    "remembers its training data, not how well it labels new articles; score it on articles set apart "
                    "(not in its inputs, %s or %s)", len(learnt), plural(len(articles), "article"),
                    model_name(name), learnt[0].id, option("--labels"), option("--extra"))
    return None if learnt is None else len(learnt)


@job_arguments("model", "label_files", "baseline", "plot")
@tars_listed_once()
def evaluate(reading: Reading, model: str, label_files: Sequence[str] = (), baseline: str | None = None,
             plot: str | None = None) -> Evaluation:
    """Score `model` (and `baseline`, when given) on the labelled articles; draw the confusion matrix into `plot`
    when given (checked first, before any work)."""
    from ..run.batch import check_output
    from ..types.evaluate import changes, check_labels_known, scores
    from ..types.model import load_classifier, model_directory, model_name
    from ..types.names import as_article_types
    from ..types.training import HandLabels, OneLabelPerText, no_label_in

    model_directory(model, "model")  # a blank or foreign one named as this job's argument, before any work
    if plot:
        from ..report.plots import FIGURE_SUFFIXES

        check_output(plot, [*reading.paths, *model_folders(model, baseline),
                            *_label_files(label_files)])
        check_suffix(plot, FIGURE_SUFFIXES, "a figure")
    classifier = load_classifier(model)
    compare_with = load_classifier(baseline) if baseline else None
    gold = ids_of_input_files(gold_labels(label_files, reading.fields.label, reading.fields.id), reading.paths)
    hand_label = HandLabels(gold)  # as train reads them: the file's win, a label field of its label set counts
    labelled = OneLabelPerText()  # as train refuses them: one text, two labels
    ids, articles, truth, failed, unlabelled, txt = set(), [], [], [], 0, 0  # streamed: only the labelled are kept
    fields = None  # the fields of the first unlabelled article of a table or JSON: the label's column is among them
    repeated = []  # (a labelled copy scored once, the article it repeats), as train learns and scores it once
    for article in reading.articles():
        ids.add(article.id)
        if article.error:
            failed.append(article)
        elif label := hand_label(article):
            if first_id := labelled.note(article, label):  # a file given twice counted each of its articles twice
                repeated.append((article.id, first_id))
                continue
            articles.append(article)
            truth.append(label)
        else:
            unlabelled += 1
            txt += bool(article.meta.get("path"))  # a .txt or .docx article (`io.read_text`): its file holds no label
            if fields is None and not article.meta.get("path"):
                fields = record_fields(article)
    labelled.check()
    if repeated:
        log.warning("%d labelled article(s) repeat the title and text of another, with its label: each text is "
                    "scored once (e.g. %r, as %r)", len(repeated), *repeated[0])
    hand_label.warn_unused()
    if gold is not None:
        check_ids_found(gold, ids, named("label_files"))
    if not articles:  # say where labels were looked for, and how to give them: a column of another name is common
        labels = named("label_files")
        where = no_label_in(reading.fields.label, fields or ())
        if txt and txt == unlabelled and gold is None:  # "its 'label' field" of .txt files, which have none, misled
            where = (f"an article's file (.txt, .docx, .odt) holds no label, and no {labels} file was given: give "
                     f"their labels with {labels} (a CSV of id or file, and label, such as `label --out` writes)")
        else:
            where += f", and the {labels} file labels none" if gold is not None else f" and no {labels} file was given"
        where += f"; {len(failed)} could not be read" if failed else ""
        raise NoLabelledArticles(f"no labelled article found in the input: {where}" + _labels_among_inputs(reading))
    if unlabelled:  # blank label cells (a sheet's merged ones read before, a labels file of some ids) would go unseen
        log.warning("%d of the %s read %s no label and %s not scored", unlabelled,
                    plural(unlabelled + len(articles), "article"), word_for(unlabelled, "has", "have"),
                    word_for(unlabelled, "is", "are"))
    # "OTHER", "Annual review": the types however spelt, as train reads them, when the model's labels are types too
    truth = as_article_types(truth, classifier.labels)
    # named as the run names them: "shipped", not the path of its folder inside the package
    check_labels_known(truth, classifier.labels, model_name(model))
    if compare_with is not None:
        check_labels_known(truth, compare_with.labels, model_name(baseline))
    learnt = _warn_learnt(model, classifier, articles)
    learnt_by_baseline = _warn_learnt(baseline, compare_with, articles) if compare_with is not None else None
    with open_cache(reading.cache_dir, reading.use_cache) as cache:
        records = classifier.predict(articles, cache=cache, n_jobs=reading.n_jobs, explain=False)
        predicted = [r["label"] for r in records]
        result = scores(truth, predicted)  # the labels true or predicted here, as scikit-learn's macro-F1 takes them
        compared = None
        if compare_with is not None:
            before = [r["label"] for r in compare_with.predict(articles, cache=cache, n_jobs=reading.n_jobs,
                                                               explain=False)]
            compared = {"model": baseline, **changes([a.id for a in articles], [a.title for a in articles], truth,
                                                     before, predicted), "learnt_from": learnt_by_baseline}
    errors = [(a, t, r) for a, t, r in zip(articles, truth, records) if t != r["label"]]
    evaluation = Evaluation(result, compared, errors, failed, learnt)
    if plot:  # drawn here, not by the caller: a notebook's jobs.evaluate(..., plot="cm.png") wrote no figure
        from ..report.plots import confusion_matrix_figure, save_figure

        try:
            save_figure(confusion_matrix_figure(result["confusion"], result["labels"]), plot)
        except DvtopicsError as exc:  # the scores stand: the caller shows them, then the figure's error
            raise FigureNotWritten(str(exc), evaluation) from exc
    return evaluation
