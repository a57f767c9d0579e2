"""The Dask engine: label articles, or assign their topics, on a cluster.

The input is cut into parts (`plan_parts`): groups of .txt files, line ranges
of JSONL files (a plain file is entered by seeking to the range's byte offset;
a .jsonl.gz is decompressed from its start up to the range, since gzip cannot
seek, so give a huge .gz as several files or uncompressed), and shares of a
large archive's members or a large CSV's rows (each read from the file's start
up to its share). Each part is one Dask task: it loads the model once, reads its
articles with the ids and line numbers a whole read gives, segments (through
the worker's segmentation cache), predicts, and writes its own part file with
`batch.label_stream` (journal + atomic rename, so a re-run task or a resumed
run finishes a half-written part instead of duplicating it). The parts are
then gathered, in part order and in input order inside each part, into the
requested output; or left as a folder of parts when the output ends in "/".

Dask and distributed are optional (`pip install 'dvtopics[dask]'`) and are
imported only when a job is run. The model, the inputs and the parts folder
must be visible at the same paths on the client and on every worker.
"""
from __future__ import annotations

import gc
import itertools
import json
import os
import logging
import shutil
import threading
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from ..arguments import command_line_runs, command_line_wording, option
from .batch import (Labeller, check_same_settings, input_fingerprint, kept_for_resume, label_stream, nothing_to_resume,
                    outcome, output_lock, parts_path, refuse_finished, refuse_other_engine, write_output)
from ..io.files import LineRange, blank_line, open_binary, sized_lines
from ..io.folders import Skipped, file_kind, iter_files, json_document, skipped_notes
from ..io.archives import members_read
from ..io.shares import WHOLE, Share
from ..io.article import Article
from ..io.notes import PartsNotes, summarized_warnings
from ..io.read import MAX_ARTICLE_BYTES, read_articles, read_file, repeated_ids_said
from ..io.read_tables import csv_shares
from ..io.records import FieldNames, labels_apart, labels_given_apart, said_again
from ..io.write import json_default, staged
from ..errors import DvtopicsError, InputError, MissingExtraError
from ..persist import sha256_of
from ..parallel import available_cores, sigint_ignored, start_quiet_resource_tracker

log = logging.getLogger(__name__)

PART_SIZE = 10_000  # articles (JSONL lines, .txt files) per part: a few minutes of work for one worker
PLAN = "plan.json"


# ------------------------------------------------------------------- parts

@dataclass(frozen=True)
class Part:
    """One task's share of the input: whole files in order, one JSONL file's line range, or a share of one file's
    items (`shares.Share`): of an archive's members (the first, and how many), or of a CSV's rows (the line the first
    starts on, and the lines of its rows); the last share's count None: to the end."""

    index: int
    files: tuple[tuple[str, str], ...]  # (path, article id of a .txt file)
    lines: LineRange | None = None
    # the paths given, when every file they name was passed over (lock files alone): the one part, read as a whole
    # reading reads them, gives the error that says why in their place
    passed_over: tuple[str, ...] = ()
    members: tuple[int, int | None] | None = None
    rows: tuple[int, int | None] | None = None

    @property
    def share(self) -> Share:
        items = self.members or self.rows
        return Share(*items) if items else WHOLE


def _planned(part: Part) -> dict:
    """A part as the plan records it, `passed_over`, `members` and `rows` only where they are some: a plan written
    before them is the same."""
    fields = asdict(part)
    for later in ("passed_over", "members", "rows"):
        if not fields[later]:
            del fields[later]
    return fields


def _absolute(part: Part) -> Part:
    """`part` with its files' paths absolute, for workers that may run in another folder."""
    return replace(part, files=tuple((os.path.abspath(path), article_id) for path, article_id in part.files),
                   passed_over=tuple(os.path.abspath(path) for path in part.passed_over))


def line_ranges(path: Path, size: int) -> list[LineRange]:
    """(byte offset, first line number, line count) of each run of `size` lines of a JSONL file; none for a file
    of blank lines only (or none), which holds no article."""
    ranges, offset, number, blank = [], 0, 0, True
    try:
        with open_binary(path) as handle:
            # the lines as a part reads them (a UTF-16 file's are split at its characters' line ends)
            for number, (length, line) in enumerate(sized_lines(handle, MAX_ARTICLE_BYTES), start=1):
                if (number - 1) % size == 0:
                    ranges.append((offset, number, size))
                offset += length
                blank = blank and blank_line(line)
    except (InputError, OSError):
        # a file cut short or unreadable: the part that reaches the fault reports it as an error record
        if number % size == 0:
            ranges.append((offset, number + 1, size))
        return ranges
    return [] if blank else ranges


def plan_parts(paths: Iterable[str | os.PathLike], size: int = PART_SIZE, text_field: str = "text") -> list[Part]:
    """Cut the input into parts of about `size` articles, in input order. As `read_articles` does, the files
    a folder holds that are not read are named in one warning per kind, and a path that gives no article is
    read whole, to give the error that says so in its place."""
    if size < 1:
        raise DvtopicsError("the part size must be at least 1 article")
    paths = list(paths)
    parts: list[Part] = []
    texts: list[tuple[str, str]] = []  # consecutive .txt files waiting to fill a part

    def flush_texts():
        if texts:
            parts.append(Part(len(parts), tuple(texts)))
            texts.clear()

    skipped: Skipped = {}
    for path, article_id in iter_files(paths, skipped, text_field):
        kind = file_kind(path)
        if kind in ("txt", "document"):  # a file an article
            texts.append((str(path), article_id))
            if len(texts) == size:
                flush_texts()
            continue
        flush_texts()
        # an archive of more members than a part holds: in shares of its members (a .tar.gz is inflated again by
        # each, up to its share), the last to its end (count None: it says what the end of the reading says)
        if kind == "archive" and (count := members_read(path)) > size:
            parts += [Part(len(parts) + i, ((str(path), article_id),),
                           members=(first, size if first + size < count else None))
                      for i, first in enumerate(range(0, count, size))]
        # a CSV of more rows: in shares of its rows, by the line each starts on (its quoted cells may span lines);
        # each reads it from its start up to its share
        elif kind == "csv" and len(shares := csv_shares(path, text_field, size)) > 1:
            parts += [Part(len(parts) + i, ((str(path), article_id),), rows=rows) for i, rows in enumerate(shares)]
        # a JSON array or object (in a file named as JSON lines too), a workbook, a smaller archive or CSV: read whole
        elif kind in ("csv", "json", "xlsx", "archive") or kind == "jsonl" and json_document(path):
            parts.append(Part(len(parts), ((str(path), article_id),)))
        else:  # a file of blank lines only is read whole, to say it holds no article
            parts += [Part(len(parts) + i, ((str(path), article_id),), lines)
                      for i, lines in enumerate(line_ranges(path, size) or [None])]
    flush_texts()
    if skipped and not parts:  # as a local run says it: in an error record, not in a warning too
        return [Part(0, (), passed_over=tuple(map(str, paths)))]
    for note in skipped_notes(skipped):
        log.warning("%s", note)
    return parts


def read_part(part: Part, fields: FieldNames = FieldNames(), max_bytes: int = MAX_ARTICLE_BYTES,
              parts: bool = False) -> Iterator[Article]:
    """The articles of one part, as `read_articles` would give them (bad ones carry their error), a kind of
    warning said once a part (`summarized_warnings`). `parts`: read in a Dask task (`run_part`), whose client adds up
    the parts of a file's counted note (a lead read as the text): the part logs its counts marked for it; else the
    part says its own."""
    if part.passed_over:
        return read_articles(part.passed_over, fields, "record", max_bytes)
    return summarized_warnings((article for path, article_id in part.files
                                for article in read_file(Path(path), article_id, fields, "record", max_bytes,
                                                         part.lines, listed=True, share=part.share)),
                              parts=parts)


def part_path(parts_dir: Path, index: int) -> Path:
    return parts_dir / f"part-{index:05d}.jsonl"


def _checksum_path(part_file: Path) -> Path:
    """Where a finished part file's checksum is kept, beside it (`run_part`)."""
    return part_file.with_name(part_file.name + ".sha256")


def _finished(part_file: Path) -> bool:
    """Whether the part file is there as its task wrote it (its checksum beside it says so). One changed since (emptied
    by a full disk, cut, replaced, edited by hand; or written before part files were checked) is taken away, with a
    warning, to be labelled again: a resume counted it as it was, and lost or repeated its articles with exit 0."""
    if _as_written(part_file):
        return True
    if part_file.exists():
        log.warning("%s: not as its task wrote it (changed since, or written by an older dvtopics): labelled again",
                    part_file)
        part_file.unlink()
        _checksum_path(part_file).unlink(missing_ok=True)
    return False


def _as_written(part_file: Path) -> bool:
    """Whether a part file is there as its task wrote it: its checksum beside it says so (`run_part`)."""
    checksum = _checksum_path(part_file)
    return (part_file.exists() and checksum.exists()
            and checksum.read_text(encoding="utf-8").strip() == sha256_of(part_file))


def _kept(parts_dir: Path, parts: Sequence[Part]) -> int:
    """How many records the finished parts of an interrupted run hold, as their tasks wrote them: a resume keeps
    them (a changed one is labelled again)."""
    kept = 0
    for part in parts:
        if _as_written(part_file := part_path(parts_dir, part.index)):
            with open(part_file, "rb") as handle:
                kept += sum(1 for line in handle if line.strip())
    return kept


def read_records(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


# -------------------------------------------------------------------- jobs


@dataclass(frozen=True)
class LabelJob:
    """`dvtopics label` on one part: what a task needs, small enough to send to every worker."""

    path_fields = ("model_dir", "cache_dir")  # what `run_job` makes absolute for the workers

    model_dir: str | None = None
    min_confidence: float = 0.0
    abstain: str = "other"
    batch_size: int = 256
    cache_dir: str | None = None
    use_cache: bool = True

    def __call__(self, articles: Iterable[Article], out: Path) -> Counter:
        labeller = Labeller(self.model_dir, self.min_confidence, self.abstain, self.cache_dir, self.use_cache)
        # always resume: a journal left here is this run's, from a task that died and was rerun
        return label_stream(articles, labeller, out, resume=True, batch_size=self.batch_size, part=True)


@dataclass(frozen=True)
class AssignJob:
    """`dvtopics topics assign` on one part: each readable article's main topic and mix.

    Unreadable articles get a record with their error (and no topic), so they keep
    their place in the table, as the local command's (the reading said each as it read it).
    """

    path_fields = ("directory", "cache_dir")  # what `run_job` makes absolute for the workers

    directory: str
    # the types of --labels by article id, read once here as the local engine reads them (`jobs.checks.input_types`:
    # a `file` cell names a .txt by its path from this folder, which a worker's is not)
    types: Mapping[str, str] | None = None
    batch_size: int = 256
    cache_dir: str | None = None
    use_cache: bool = True

    def __call__(self, articles: Iterable[Article], out: Path) -> Counter:
        from ..text.cache import open_cache
        from ..text.segment import segment_articles
        from ..topics.model import load_topic_model
        from ..topics.summary import in_input_order, summarize
        from ..types.training import with_article_types  # as the local command gives them

        model, _ = load_topic_model(self.directory)
        types, unused = self.types, Counter()
        with open_cache(self.cache_dir, self.use_cache) as cache:
            def predict(batch):
                good, segmented = segment_articles(batch, cache=cache, lower=True)
                documents = summarize(model, with_article_types(good, types, unused=unused),
                                      model.transform(segmented)).documents
                return [_topic_record(record) for record in in_input_order(batch, documents)]

            counts = label_stream(articles, predict, out, resume=True, batch_size=self.batch_size, part=True)
        # the label-field labels left out, counted for the client to say once for the run (`unused_labels`): said
        # here, the warning came once a batch of each part
        return counts + Counter({(UNUSED_LABEL, label): n for label, n in unused.items()})


UNUSED_LABEL = "label field not used"  # an `AssignJob`'s count of a label left out: (UNUSED_LABEL, label)


def unused_labels(counts: Counter) -> Counter:
    """The label-field labels `AssignJob` parts left out, taken out of their summed `counts`."""
    return Counter({key[1]: counts.pop(key) for key in list(counts)
                    if isinstance(key, tuple) and key[0] == UNUSED_LABEL})


def _topic_record(record: dict) -> dict:
    # what label_stream counts: the main topic (None: no word the model knows), or the error
    return record if record.get("error") else {**record, "label": record["main_topic"]}


def write_assignments(records: Iterable[dict], out: Path, n_topics: int) -> None:
    """Gather `AssignJob` parts into the table `topics assign` writes (a column per each of the model's
    `n_topics`): every article, an unreadable one with its error (its reading said it: it is not said again),
    without the bookkeeping label."""
    from ..topics.summary import write_documents

    rows = list(records)  # write_documents needs a list; it holds every row
    for row in rows:
        row.pop("label", None)
    write_documents(rows, out, n_topics, errors=True)


@dataclass(frozen=True)
class Failed:
    """What a task gives for an error that says what to do (a missing model, a damaged cache): the client raises
    it. Raised in the task, Dask would log it with its traceback (the workers of a local cluster on this
    terminal), before the client's one line."""

    error: DvtopicsError


def run_part(part: Part, job: Callable[[Iterable[Article], Path], Counter], parts_dir: str,
             fields: FieldNames, max_bytes: int, log_level: int = logging.WARNING, command_line: bool = False,
             labels_files: bool = False) -> tuple[Counter | Failed, list[logging.LogRecord]]:
    """One Dask task: run `job` on one part into its part file (just counting it if a resumed run finished it).
    Gives what it counted (or the `Failed` error) with the log records of dvtopics it made, of `log_level` and
    above (`_task_logs`), for the client to log. `command_line`: its messages name the command line's flags
    (`arguments.command_line_wording`), which a worker started apart (`dask worker`) cannot tell from its
    environment. `labels_files`: the job takes its labels from labels files, whose column --label-field names
    (`records.labels_given_apart`): a table of articles without it is read, as the local engine reads it."""
    out = part_path(Path(parts_dir), part.index)
    if not (Path(parts_dir) / PLAN).exists():
        # the run stopped and took its folder away (`undo`, `_discard`) while this task waited or started on a
        # cluster that outlives the client (--scheduler): writing the part would make the folder again, with a
        # lock file in it that blocks the corrected command
        return Failed(DvtopicsError(f"{parts_dir}: the run stopped before part {part.index} began")), []
    with _task_logs(log_level) as records, command_line_wording() if command_line else nullcontext(), \
            labels_given_apart(labels_files):
        try:
            if _finished(out):  # (kept by a resume: its errors said again, as a local resume says them)
                kept = list(read_records(out))
                for record in kept:
                    if record.get("error"):
                        said_again(record["error"])
                return Counter(outcome(r) for r in kept), records
            counts = job(read_part(part, fields, max_bytes, parts=True), out)
            _checksum_path(out).write_text(sha256_of(out) + "\n", encoding="utf-8")
            return counts, records
        except DvtopicsError as error:
            return Failed(error), records


class _TaskLogs(logging.Handler):
    """Where the log records of dvtopics go in a worker while tasks run: a task's (by its thread) are kept
    for its client, anything else is handled as it would have been."""

    def __init__(self):
        super().__init__()
        self.kept: dict[int, list] = {}
        self.tasks = 0

    def emit(self, record: logging.LogRecord) -> None:
        kept = self.kept.get(record.thread)
        if kept is None:
            logging.getLogger().handle(record)
            return
        record.msg, record.args = record.getMessage(), None  # what the client gets is text: it pickles
        record.exc_info = record.exc_text = None
        kept.append(record)


_task_handler: _TaskLogs | None = None
_task_lock = threading.Lock()
_saved_logger: tuple[bool, int] = (True, logging.NOTSET)


@contextmanager
def _task_logs(level: int):
    """The log records of dvtopics made in this thread (the task's), of `level` and above, kept in the list
    this gives instead of printed by the worker: the client logs them as its own (`_log_on_client`), so that
    they follow its -q/-v and its format ("WARNING: …"), wherever the worker runs and whatever its logging
    (a local cluster's workers wrote them to the terminal, bare, even with -q)."""
    global _task_handler, _saved_logger
    logger = logging.getLogger("dvtopics")
    ident = threading.get_ident()
    with _task_lock:
        if _task_handler is None:
            _task_handler, _saved_logger = _TaskLogs(), (logger.propagate, logger.level)
            logger.addHandler(_task_handler)
            logger.propagate = False
        _task_handler.tasks += 1
        logger.setLevel(level)  # the client's: -v brings the workers' notes, -q leaves their errors only
        kept = _task_handler.kept[ident] = []
    try:
        yield kept
    finally:
        with _task_lock:
            del _task_handler.kept[ident]
            _task_handler.tasks -= 1
            if not _task_handler.tasks:
                logger.removeHandler(_task_handler)
                logger.propagate, level = _saved_logger
                logger.setLevel(level)
                _task_handler = None


def _log_on_client(records: Iterable[logging.LogRecord], notes: PartsNotes) -> None:
    """A task's log records, logged here as this process' own: with its level and its handlers' format; its counted
    warnings (`io.notes`) counted in `notes`, for the whole run."""
    for record in records:
        if notes.take(record):
            continue
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)


class _LoggedInOrder:
    """The parts' log records (`_log_on_client`), logged in the order of the parts, as a local reading says them:
    each part's once those before it are in, whichever task ends first. The first row a counted warning names, and
    the order of the lines, depended on which task ended first."""

    def __init__(self, notes: PartsNotes):
        self.notes, self.held, self.next = notes, {}, 0

    def add(self, index: int, records: list[logging.LogRecord]) -> None:
        self.held[index] = records
        while self.next in self.held:
            _log_on_client(self.held.pop(self.next), self.notes)
            self.next += 1

    def flush(self) -> None:
        """What is held, in order: the run stops (a part failed, or Ctrl-C) before the parts before it are in."""
        for index in sorted(self.held):
            _log_on_client(self.held.pop(index), self.notes)


# ----------------------------------------------------------------- running

NO_DASK = ("dask", "dask", "run on this machine without --engine dask (engine=\"dask\"): the local engine gives the "
           "same results")  # MissingExtraError's arguments: what to install, or what to do instead


def _distributed():
    try:
        import distributed
    except ImportError:
        raise MissingExtraError(*NO_DASK) from None
    return distributed


@contextmanager
def connect(scheduler: str | None = None, n_workers: int | None = None):
    """A Dask client: of the cluster at `scheduler`, else of a local cluster of `n_workers` single-threaded
    processes (default: one per core; pyvi and the model's Python code hold the GIL)."""
    distributed = _distributed()
    if scheduler:
        refused = None
        try:
            client = distributed.Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            refused = (f"cannot reach the Dask scheduler at {scheduler} ({exc}); "
                       f"start it with `dask scheduler` or check {option('--scheduler')}")
        except Exception as exc:  # a server that is not a scheduler (an SSH port) answers bytes Dask cannot read
            refused = (f"the server at {scheduler} did not answer as a Dask scheduler ({type(exc).__name__}); "
                       f"check {option('--scheduler')}")
        if refused:
            # The half-made Client closes itself when it is collected (Client.__del__). Collected at some later
            # allocation, inside Dask's start of another loop in this process (a local cluster, a notebook's next
            # run), its close waits for the lock that start holds: a hang. Collected here, it closes now.
            gc.collect()
            raise DvtopicsError(refused)
        with client:
            yield client
        return
    workers = n_workers or available_cores()  # (a Mac has no sched_getaffinity)
    # dashboard on a free port: 8787 may be another cluster's, and None still binds 8787
    # Dask's own logs no louder than ours (-q: errors only; by default warnings), in the workers too
    quiet = max(logging.WARNING, logging.getLogger().getEffectiveLevel())
    # (a client killed, kill -9: its tracker's "leaked semaphore objects" warning came after the shell's prompt, as
    # the local engine's did before it was so started, hunt 36 D, 7)
    start_quiet_resource_tracker()
    with sigint_ignored():  # by the worker processes started here: Ctrl-C is the command's, which closes them
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=quiet)
    levels = {name: logging.getLogger(name).level for name in _DASK_LOGGERS}
    # (from the start: the callback fails on the event loop's thread as Ctrl-C reaches this one, before it is heard)
    logging.getLogger(_EVENT_LOOP_LOGGER).setLevel(logging.CRITICAL)
    try:
        with cluster, distributed.Client(cluster) as client:
            try:
                yield client
            except BaseException:
                # the cluster closes with tasks still running (an error, Ctrl-C): what Dask says then (a task "ended
                # with CancelledError", "Worker process still alive after 4.0 seconds, killing"), here and in the
                # workers (whose log is this terminal), is no news beside the one line of what stopped the run
                _silence_cluster(client)
                raise
            # a run that ended well too: a worker's heartbeat may meet the scheduler closed first, and its traceback
            # ("Failed to communicate with scheduler during heartbeat") made a good run look failed (hunt 36 D, 2)
            _silence_cluster(client)
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


# Dask's loggers, and tornado's that logs what fails in the event loop under Dask: Ctrl-C as a client waited on a
# result printed distributed's own "NameError: cannot access free variable 'future'" traceback from a callback
# (hunt 38 G), after which the run closed as any other interrupted one
_EVENT_LOOP_LOGGER = "tornado.application"
_DASK_LOGGERS = ("distributed", _EVENT_LOOP_LOGGER)


def _silence_dask() -> None:
    for name in _DASK_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _silence_cluster(client) -> None:
    """Dask silent here and in the workers of the local cluster, as it closes."""
    _silence_dask()
    try:
        client.run(_silence_dask)
    except Exception:  # a worker already gone has nothing more to say
        pass


def _prepare(parts: Sequence[Part], parts_dir: Path, resume: bool, inputs: dict,
             settings: dict | None = None, part_size: int | None = None) -> dict | None:
    """Check the parts folder against this run (an unfinished run needs resume, with the same plan: the same
    parts of the same input files, by their paths, sizes and times, and the same `settings`, as a local
    run's journal records them). Returns the plan to write (`_write_plan`), or None when resuming one. The plan
    records `part_size`, for a resume with another one to name the interrupted run's."""
    plan = {"inputs": inputs, "parts": [_planned(part) for part in parts]}
    plan_file = parts_dir / PLAN
    # a part's lock file is no work (as `undo` reads it): a folder holding only locks is no other run's
    if plan_file.exists() or any(not path.name.endswith(".lock") for path in parts_dir.glob("part-*")):
        finished = plan_file.exists() and all(part_path(parts_dir, part.index).exists() for part in parts)
        if not resume and finished:  # (a FOLDER/ kept: called "an unfinished run", hunt 36 D, 6)
            raise DvtopicsError(f"{parts_dir} holds a finished run, its parts kept: delete the folder to run again, or "
                                "write elsewhere")
        if not resume:  # said as the local engine says it of its journal: it is this command's interrupted run
            raise DvtopicsError(f"{parts_dir} holds an unfinished run: add {option('--resume')} to finish it, or "
                                "delete the folder to start anew")
        before = _read_plan(plan_file) if plan_file.exists() else {}
        plan = json.loads(json.dumps(plan, default=json_default))  # as the plan file holds it (tuples as lists)
        if before.get("inputs") != plan["inputs"]:
            raise DvtopicsError(f"cannot resume: the input changed since the interrupted run; resume with its "
                                f"input, or delete {parts_dir} and run again without {option('--resume')}")
        if before.get("parts") != plan["parts"]:
            was = before.get("part_size")
            if was and was == part_size:  # the same input and size: cut by another version's rules
                raise DvtopicsError(f"cannot resume: the interrupted run cut the input into other parts with the same "
                                    f"{option('--part-size')} {was}, as another version of dvtopics cuts it (this "
                                    "one cuts a large archive or CSV into shares); finish it with that version, or "
                                    f"delete {parts_dir} and run again without {option('--resume')}")
            which = (f"{option('--part-size')} {was}, not {part_size}" if was and part_size and was != part_size
                     else f"another {option('--part-size')}")
            raise DvtopicsError(f"cannot resume: the interrupted run cut the input into other parts ({which}); "
                                f"resume with its {option('--part-size')}, or delete {parts_dir} and run again "
                                f"without {option('--resume')}")
        # (deleting the plan alone left its parts: "an unfinished run", then "the input changed")
        check_same_settings(plan_file, before.get("settings"), settings, run=parts_dir)
        return None
    return {**plan, **({"part_size": part_size} if part_size else {}),
            **({"settings": settings} if settings is not None else {})}


def _read_plan(plan_file: Path) -> dict:
    """The plan of an earlier run; one that is not a plan (a file cut short by a full disk before plans were written
    whole, or edited) is an error that names it: it was a JSONDecodeError traceback."""
    try:
        plan = json.loads(plan_file.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        plan = exc
    if not isinstance(plan, dict):
        raise DvtopicsError(f"{plan_file}: not the plan of a run ({getattr(plan, 'strerror', None) or plan}): "
                            f"delete {plan_file.parent} and run again without {option('--resume')}")
    return plan


def _write_plan(plan: dict, parts_dir: Path) -> Callable[[], None]:
    """Write the plan of a new run into `parts_dir`; return what takes it away again (and the folder, if this
    made it) after a run that began no part: a run that did nothing (a model or cache the workers cannot use)
    leaves nothing that the corrected command would have to resume or delete."""
    made = not parts_dir.exists()
    parts_dir.mkdir(parents=True, exist_ok=True)
    plan_file = parts_dir / PLAN
    try:
        with staged([plan_file]) as [written]:  # whole or absent: a disk that filled as it was written left half a plan
            written.write_text(json.dumps(plan, default=json_default), encoding="utf-8")
    except BaseException:
        if made:  # an empty parts folder would block a local run as an unfinished Dask run
            shutil.rmtree(parts_dir, ignore_errors=True)
        raise

    def undo():
        # a part file or its journal: a part begun, to be finished by --resume (a lock file is no work)
        if not any(path.name.endswith(".jsonl") for path in parts_dir.glob("part-*")):
            plan_file.unlink(missing_ok=True)
            if made:
                shutil.rmtree(parts_dir, ignore_errors=True)
    return undo


def _discard(parts_dir: Path, made: bool) -> None:
    """Take away a run's plan and part files (and `parts_dir`, when the run made it)."""
    if made:
        shutil.rmtree(parts_dir, ignore_errors=True)
        return
    for path in [parts_dir / PLAN, *parts_dir.glob("part-*")]:
        path.unlink(missing_ok=True)


def run_job(job, paths: Sequence[str | os.PathLike], out: str | os.PathLike | None, *, scheduler: str | None = None,
            fields: FieldNames = FieldNames(), max_bytes: int = MAX_ARTICLE_BYTES, part_size: int = PART_SIZE,
            resume: bool = False, n_workers: int | None = None, gather=None, check=None,
            on_part: Callable[[int], None] | None = None, settings: dict | None = None,
            on_resume: Callable[[int, Path], None] | None = None) -> Counter:
    """Run `job` (a `LabelJob` or `AssignJob`) over the parts of `paths` on Dask.

    `out` ending in "/" (or an existing folder) keeps the part files there;
    otherwise they go to `OUT.parts/` and `gather(records, out)` writes them
    into `out` (default: `batch.write_output`, .jsonl/.csv/.xlsx) before the
    folder is removed. `check(records)`, before either, may refuse the parts as a
    whole (an `InputError`): they are then taken away; to be checked then gathered, the parts are read once and their
    rows held. `on_part(n)` is called as each part finishes, with its article count. `settings` (`batch.SETTINGS`)
    are recorded, and a resume with others refused. `on_resume(kept, parts_dir)`: a resume is told how many records
    the finished parts it keeps hold, before the rest is labelled.
    Returns the count of each label ("error" for failures).

    The workers may run in another folder than this process (`dask worker` started as a service): every path
    they are given (the inputs, the parts folder, the job's `path_fields`) is made absolute here, so an error
    record names its file by its absolute path.

    As a local run, it holds `OUT.lock` while it runs.
    """
    if out is None:
        raise DvtopicsError("the Dask engine writes files: give --out FILE, or --out FOLDER/ to keep the parts")
    if not scheduler:
        from ..parallel import check_main_is_guarded

        # a local cluster's workers are spawned, and import the script that started them: an unguarded one ran
        # again in each of them, and the run failed with Dask's "Nanny failed to start" and its tracebacks
        check_main_is_guarded('engine="dask", a local cluster')
    keep_parts = str(out).endswith(("/", os.sep)) or Path(out).is_dir()  # before Path drops the "/"
    out = Path(out)
    parts_dir = out if keep_parts else parts_path(out)
    given, paths = list(paths), [os.path.abspath(path) for path in paths]
    # a "~" the shell left (a quoted --cache-dir "~/cache") is the home folder, as the local engine reads it
    job = replace(job, **{name: os.path.abspath(os.path.expanduser(getattr(job, name)))
                          for name in job.path_fields if getattr(job, name)})
    out.parent.mkdir(parents=True, exist_ok=True)
    with output_lock(out):
        if not keep_parts:
            refuse_other_engine(out, "dask")
        if resume and not keep_parts:
            refuse_finished(out, unfinished=parts_dir.exists())
            nothing_to_resume(out, "dask")  # as the local engine says it, or names the run meant
        # (planned on the paths as given: an id named by its path given is the local engine's, "south/001")
        parts = [_absolute(part) for part in plan_parts(given, part_size, fields.text)]
        plan = _prepare(parts, parts_dir, resume, input_fingerprint(paths), settings, part_size)
        if plan is None and on_resume and (kept := _kept(parts_dir, parts)):  # (said as a local resume says it)
            on_resume(kept, parts_dir)
        counts, undo, unreadable = Counter(), None, False
        made = not parts_dir.exists()
        notes = PartsNotes()  # a warning many articles earn: once for the run, not once a part
        logs = _LoggedInOrder(notes)
        try:
            with connect(scheduler, n_workers) as client:
                if plan is not None:  # once the scheduler answers: a wrong --scheduler leaves nothing to resume
                    undo = _write_plan(plan, parts_dir)
                # the workers' log records come back with their parts, to be logged here as this command logs
                level = logging.getLogger("dvtopics").getEffectiveLevel()
                # sent once to each worker, not with each part: an AssignJob holds the types of --labels
                shared_job = client.scatter(job, broadcast=True)
                futures = client.map(run_part, parts, job=shared_job, parts_dir=os.path.abspath(parts_dir),
                                     fields=fields,
                                     max_bytes=max_bytes, log_level=level, command_line=command_line_runs(),
                                     labels_files=labels_apart(), pure=False)
                index = {future.key: part.index for future, part in zip(futures, parts)}
                for future in _distributed().as_completed(futures):
                    part_counts, records = future.result()  # an error Dask caught is raised here, and the run stops
                    logs.add(index[future.key], records)
                    if isinstance(part_counts, Failed):  # (what is held is logged as the run stops, below)
                        unreadable = isinstance(part_counts.error, InputError)
                        raise part_counts.error
                    counts += part_counts
                    if on_part:
                        on_part(sum(part_counts.values()))
        except BaseException:
            logs.flush()
            notes.say()
            # after the client, and a local cluster's workers, have stopped
            if unreadable:
                # a part could not be read (a --label-field that a table lacks): the job could not run, and the same
                # input and options stop at the same place (others are refused), so its parts could never be
                # finished; none is left to block the corrected command, as a local run leaves no journal (a task
                # that a cluster started elsewhere, --scheduler, may still be running: it may write its part after)
                _discard(parts_dir, made)
            elif undo:
                undo()
            raise
        notes.say()

        def records():  # (articles that repeat an id are said as a local run says them, over all the parts)
            return repeated_ids_said(itertools.chain.from_iterable(read_records(part_path(parts_dir, p.index))
                                                                   for p in parts), lambda record: record.get("id"))
        made_here = "every label" if gather is None else "every article's topics"  # what the parts hold
        try:
            if keep_parts and check:  # kept parts too: the next job would read them as this one's result
                check(records())
            elif check:  # read once, held (a gather with a check holds every row anyway): checked, then written
                rows = list(records())
                check(rows)
                with kept_for_resume(parts_dir, made_here):
                    (gather or write_output)(rows, out)
            elif not keep_parts:
                with kept_for_resume(parts_dir, made_here):
                    (gather or write_output)(records(), out)
        except InputError:
            # the parts refused as a whole (`topics assign --labels` none of whose ids is an article's): the same input
            # and options give the same, so none is kept to block the corrected command, as a local run leaves none
            _discard(parts_dir, made)
            raise
        if not keep_parts:
            shutil.rmtree(parts_dir)
        return counts
