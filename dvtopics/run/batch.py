"""Labelling many articles: streaming, bounded memory, resumable.

Predictions are appended, batch by batch, to a journal next to the output
(`OUT.part.jsonl`), each batch flushed and fsynced. A killed run leaves the
journal with whole lines plus at most one torn line; `resume=True` drops the
torn line, skips the articles already in the journal (by their position in the
input stream) and goes on. When the input is exhausted the journal becomes the
requested output (JSONL, CSV or XLSX) in one atomic rename, so the output file
is either absent or complete.

The journal's first line records what the run reads (`input_fingerprint`): a
resume whose input differs is refused, since positions in another input would
name other articles. While a run writes, it holds `OUT.lock`, so a second run
on the same output stops at once instead of interleaving its lines.

With `n_jobs` > 1 the batches are labelled in worker processes (`map_ordered`):
the main process only reads the input and writes the journal, in input order,
and holds a few batches at a time. `Labeller` is what the workers run: a few
settings that pickle small, and a classifier loaded once per process.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import json
import logging
import os
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ..arguments import option
from ..io.folders import TEXT_SUFFIXES, iter_files
from ..io.article import Article
from ..io.write import json_default, naming
from ..errors import ArgumentError, DvtopicsError, InputError, WorkerDied
from ..parallel import map_ordered
from .. import persist
from ..persist import CARD_FILE

log = logging.getLogger(__name__)

OUTPUT_SUFFIXES = (".jsonl", ".csv", ".xlsx")
# an output named as a format label does not write: the one meant (.tsv, read, is never written; .json is a list)
_SUFFIXES_MEANT = {".json": ".jsonl (a JSON record a line)", ".tsv": ".csv", ".xls": ".xlsx",
                   ".ndjson": ".jsonl"}


def _suffix_meant(out: Path) -> str:
    """"; name it labels.jsonl …" for an output named as another format, or with a space after its suffix (pasted);
    else "": "labels.csv : output must end in .jsonl, .csv, .xlsx" did not show the space."""
    name = out.name
    if name != name.rstrip() and Path(name.rstrip()).suffix.lower() in OUTPUT_SUFFIXES:
        return f"; its name {name!r} ends in a space: name it {name.rstrip()!r}"
    meant = _SUFFIXES_MEANT.get(out.suffix.lower())
    return f"; name it {out.stem}{meant}" if meant else ""
POSITION = "_n"  # position of the article in the input stream: the resume key
RUN = "_run"  # the journal's first line: {"_run": {"inputs": input_fingerprint(...), "settings": {...}}}
# what `settings` may hold: what each is called on the command line, for the message of a refused resume
SETTINGS = {"model_sha256": "the model (its checksum)", "min_confidence": "--min-confidence",
            "abstain": "--abstain", "fields": "the field options",
            "max_bytes": "--max-bytes", "labels": "--labels (the file, by its path, size and time)"}

try:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except ImportError:  # Windows
    import msvcrt

    def _try_lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)


def _why_not_writable(folder: Path) -> str:
    """Why a folder `os.access` finds unwritable cannot be written: a read-only file system (a mounted CD, a share
    mounted read-only) was said to be "permission denied", sending the user to chmod, which cannot help."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "a read-only file system"
    except (OSError, AttributeError):  # (no statvfs on Windows)
        pass
    return "permission denied"


def check_output(out: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Refuse, before any work, an output that is one of the inputs, in the installed package's model folder
    (`_refuse_packaged`) or whose folder cannot be written.

    `inputs` is everything the command reads: its articles, side files (--labels, --stopwords) and model
    folders. What counts as one of them: a file given; a .txt file in a folder given (an article now, or one the
    next run would read); any file in a model folder given (its card, its model file, topics.json: the model is
    the folder as a whole)."""
    out = Path(out)
    _refuse_packaged(out)
    _refuse_input(out, inputs)
    folder = out.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # (a file where a folder on its way is: said as `check_folder` says it)
        existing = next(above for above in [folder, *folder.parents] if os.path.lexists(above))
        why = f"{existing} is a file" if not existing.is_dir() else exc.strerror or exc
        raise DvtopicsError(f"{out}: cannot create its folder {folder} ({why})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DvtopicsError(f"{out}: cannot write in {folder} ({_why_not_writable(folder)})")
    if out.is_dir():
        raise DvtopicsError(f"{out}: a folder; name a file")
    from ..io.write import refuse_read_only

    refuse_read_only(out)  # before the work, not when it is written
    return out


# What `label --out` wrote, recorded beside it (hidden, as dvtopics' working files are: never read as articles), so that
# a rerun into the same file can tell whether it was changed since: a table of labels corrected by hand is a labels
# file (`--labels`), and replacing it lost the corrections
WRITTEN_SUFFIX = ".written.json"


def written_record(out: Path) -> Path:
    from ..io.folders import WORKING_PREFIX

    return beside(out, WORKING_PREFIX, WRITTEN_SUFFIX)


_NAME_MAX = 255  # the bytes of one name that Linux and macOS take (NTFS: 255 characters)


def beside(out: Path, prefix: str, ending: str) -> Path:
    """The working file `prefix + OUT + ending` that a run keeps beside `out`. Where that name would be too long for
    the file system (an OUT of 240 bytes: 80 Vietnamese letters), its OUT is cut and ends in a hash of the whole:
    an output the user may name was refused for a name they never gave ("OUT.part.jsonl: File name too long")."""
    name = prefix + out.name + ending
    if len(name.encode("utf-8", "surrogateescape")) <= _NAME_MAX:
        return out.with_name(name)
    digest = hashlib.sha256(out.name.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    room = _NAME_MAX - len((prefix + "-" + digest + ending).encode("utf-8"))
    start = out.name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")  # no letter cut in two
    return out.with_name(f"{prefix}{start}-{digest}{ending}")


def _written_sha256(out: Path) -> str | None:
    """The checksum `note_written` recorded of `out`, or None."""
    return _record_of(out).get("sha256")


def _record_of(out: Path) -> dict:
    """What `note_written` recorded of `out` (empty: no record, or one that cannot be read)."""
    try:
        record = json.loads(written_record(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def written_by(path: str | os.PathLike, written: bool | None = None) -> str | None:
    """The model whose labels `path` holds, as `note_written` recorded it, when `path` is as dvtopics wrote it
    (`as_written`; `written`, when the caller has checked it: a hash of the whole file)."""
    model = _record_of(Path(path)).get("model") if (as_written(path) if written is None else written) else None
    return model if isinstance(model, str) else None


def _held(out: Path) -> bool:
    """Whether another run holds `out`'s lock now (`output_lock`)."""
    if os.path.realpath(lock_path(out)) in _HELD:  # (this run's own)
        return False
    try:
        with open(lock_path(out), "rb") as handle:
            _try_lock(handle.fileno())
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return False


def as_written(path: str | os.PathLike) -> bool:
    """Whether `path` is a `label --out` table, a `report --xlsx` workbook or a `topics assign --out` table as
    dvtopics wrote it, not changed since."""
    path = Path(path)
    written = _written_sha256(path) if path.is_file() else None
    return written is not None and written == persist.sha256_of(path)


# What a table `refuse_edited` protects holds, and what to do with it: `label --out`'s and the report's labels
LABELS_KEPT = ("any label corrected in it by hand; give it to train, evaluate or report as --labels, write this run "
               "elsewhere")
# ... and a file of the user's own (or one changed since) where a command that writes no labels would replace it:
# `segment`'s words, a sweep's table, a topics page
WHAT_IT_HOLDS = "what it holds; write this run elsewhere"


def refuse_edited(out: str | os.PathLike, force: bool = False, kept: str = LABELS_KEPT) -> None:
    """Refuse, before any work and unless `force`, to replace an output that is not as dvtopics wrote it: one
    changed since (labels corrected by hand in a spreadsheet), or one no dvtopics run is recorded to have written (a
    table of the user's own, an output of an older dvtopics). An empty file holds nothing to lose. One open in Excel
    or LibreOffice is refused, `force` or not: on Windows it cannot be replaced (after all the work), elsewhere the
    reader's next Save writes the old table over the new. `kept` says what would be lost and what to do instead."""
    from ..io.folders import open_in_office

    out = Path(out)
    if out.is_file() and (owner := open_in_office(out)):
        raise DvtopicsError(f"{out}: open in Excel (or LibreOffice), {owner.name} beside it: close it first (or, if "
                            f"it is not open, delete {owner.name})")
    if force or not out.is_file() or out.stat().st_size == 0 or _held(out) or as_written(out):
        return  # (a run that holds OUT.lock is writing it: its lock is what the run is refused for)
    written = _written_sha256(out)
    how = ("it was changed since dvtopics wrote it" if written else "dvtopics has no record of writing it (a file of "
           "your own, or one an older dvtopics wrote)")
    raise DvtopicsError(f"{out}: already there, and {how}: replacing it would lose {kept}, or add {option('--force')} "
                        "to replace it")


def note_written(out: str | os.PathLike, model: str | None = None) -> None:
    """Record what `out` holds now, as dvtopics wrote it (`refuse_edited`), and the model whose labels it holds (as
    `model_name` shows it: a later report can say whose answers an uncorrected table gives)."""
    out = Path(out)
    if not out.is_file():
        return
    record = {"file": out.name, "sha256": persist.sha256_of(out), "model": model,
              "note": "what dvtopics wrote: a rerun does not replace the file once it is changed, without --force"}
    try:
        written_record(out).write_text(json.dumps(record) + "\n", encoding="utf-8")
    except OSError as exc:  # the labels are written; only the check of the next run is lost
        log.warning("%s: cannot record what was written (%s): a rerun will ask for --force to replace it", out,
                    exc.strerror or exc)


def _refuse_packaged(out: Path) -> None:
    """Refuse an output in the installed package's model folder: a model written there would replace, for every
    user of the installation and without a word, the shipped model that every run without --model reads (and that
    `--compare shipped` compares with), until dvtopics is reinstalled."""
    if persist.inside_packaged_models(out):
        raise DvtopicsError(f"{out}: in the folder of the models installed with dvtopics ({persist.PACKAGED_MODELS}), "
                            "which every run without --model reads: write elsewhere, a model with --out models/mine, "
                            "then use it with --model models/mine")


def _refuse_input(out: Path, inputs: Iterable[str | os.PathLike]) -> None:
    """Refuse an output that is something the command reads (`check_output`): the same path, the same file
    through a symlink or a hard link, a file in a model folder given, a .txt file in an input folder."""
    for given in inputs:
        path = Path(given)
        if out.resolve() == path.resolve() or (out.exists() and path.exists() and os.path.samefile(out, path)):
            raise ArgumentError(f"{out}: the output is one of the inputs (or another output); write it elsewhere")
        inside = path.is_dir() and out.resolve().is_relative_to(path.resolve())
        if inside and (path / CARD_FILE).is_file():
            raise ArgumentError(f"{out}: a file in the model folder {path}, which this command reads; "
                                "write it elsewhere")
        if inside and out.name.lower().endswith(TEXT_SUFFIXES):
            raise ArgumentError(f"{out}: a .txt file in the input folder {path}, where articles are read from; "
                                "write it elsewhere")


def check_folder(out: str | os.PathLike, inputs: Iterable[str | os.PathLike] = (), files: Iterable[str] = (),
                 task: str | None = None) -> Path:
    """`check_output` for an output folder (a model, topic tables): a folder that is one of the inputs, or
    could not be made or written, stops the job before its long work, not after it. Nothing is made yet: a
    job that then fails on its input leaves no empty folder behind. `files` are the names the job writes in
    the folder: each is refused, as `check_output` refuses an output, when it is something the job reads (an
    input kept in the folder under the name documents.csv would be overwritten). `task` is the kind of model
    the job saves there: a folder holding a model of another kind is refused (`_refuse_other_model`)."""
    meant_as_folder = os.fspath(out).endswith(("/", os.sep))  # Dask's `FOLDER/`, a trailing / given on purpose
    out, inputs = Path(out), list(inputs)
    _refuse_packaged(out)
    if task is not None:
        _refuse_other_model(out, task)
    if any(out.resolve() == Path(given).resolve() for given in inputs):
        raise DvtopicsError(f"{out}: the output folder is one of the inputs; write it elsewhere")
    for name in files:
        _refuse_input(out / name, inputs)
    if task is not None:
        _refuse_files_of_your_own(out, files)
    existing = next(folder for folder in [out, *out.absolute().parents] if folder.exists())
    if not existing.is_dir():
        raise DvtopicsError(f"{out}: cannot create its folder ({existing} is a file)" if existing != out
                            else f"{out}: a file; name a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise DvtopicsError(f"{out}: cannot write in {existing} ({_why_not_writable(existing)})")
    if not out.exists() and not meant_as_folder and out.suffix.lower() in _FILE_SUFFIXES:
        # `topics fit --out topics.csv` made a folder named topics.csv, its tables inside, which no program opens
        raise DvtopicsError(f"{out}: a file's name ({out.suffix}); this output is a folder of files: name a folder "
                            f"({option('--out')} {out.with_suffix('')})")
    return out


# What names a file, not a folder, where a folder is written (a model's, a fit's tables)
_FILE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xls", ".json", ".jsonl", ".html", ".htm", ".txt", ".pkl", ".pickle",
                  ".joblib", ".gz", ".zip", ".png", ".pdf"}


def _refuse_other_model(out: Path, task: str) -> None:
    """Refuse to save a model of `task` into a folder whose card says it holds a model of another kind (`topics
    fit --out` naming the folder of a trained classifier, `train --out` a topics folder): its model file and
    card would be replaced, and a classifier may have taken hours to train. A model of the same kind is
    replaced, as a retrain or a refit in place means to; a folder whose card cannot be read, or names no task, is
    left to the job (no command could load its model as a classifier or as topics)."""
    from ..persist import TASK_CLASSES, kind_of_model, read_card

    if not (out / CARD_FILE).is_file():
        return
    try:
        held = read_card(out).get("task")
    except DvtopicsError:
        return
    if isinstance(held, str) and held != task and TASK_CLASSES.get(held, held) != TASK_CLASSES.get(task, task):
        # train learns article types or a task of the user's own, known only once its labels are read
        saving = "a classifier" if TASK_CLASSES.get(task) == "Pipeline" else kind_of_model(task)
        raise DvtopicsError(f"{out}: holds {kind_of_model(held)} (its {CARD_FILE} says so), which saving "
                            f"{saving} there would replace: give another folder, or delete that "
                            "one first if it is no longer wanted")


def refuse_other_labels(out: str | os.PathLike, labels: set[str]) -> None:
    """Refuse to save a classifier of `labels` over one of other labels (a VNTC topic model, the shipped article types
    under a user's set of two), as `_refuse_other_model` refuses a model of another kind; known once the articles are
    read. A retrain in place keeps its labels; another model's folder was replaced without a word."""
    from ..persist import read_card

    if not (Path(out) / CARD_FILE).is_file():
        return
    try:
        held = read_card(Path(out)).get("labels")
    except DvtopicsError:  # (a card that cannot be read is the job's to replace, as before)
        return
    if isinstance(held, list) and set(map(str, held)) != set(map(str, labels)):
        shown = ", ".join(map(str, held[:6])) + (", …" if len(held) > 6 else "")
        raise DvtopicsError(f"{out}: holds a model of other labels ({shown}), which this one would replace: give "
                            "another folder, or delete that one first if it is no longer wanted")


def _refuse_files_of_your_own(out: Path, files: Iterable[str]) -> None:
    """Refuse a model's folder that holds, under names the job writes (documents.csv, topics.json), files that no
    earlier run of it wrote there, as a folder without its card is: the user's own tables, replaced without a word. A
    folder of an earlier fit or training has its card: a refit or a retrain in place replaces what it wrote."""
    if not out.is_dir() or (out / CARD_FILE).is_file():
        return
    held = [name for name in files if (out / name).is_file() and (out / name).stat().st_size]
    if held:
        raise DvtopicsError(f"{out}: holds {', '.join(held)}, which this command writes there, and no {CARD_FILE}: no "
                            "earlier run wrote them, and replacing them would lose them; give another folder, or move "
                            "them away first")


def input_fingerprint(paths: Iterable[str | os.PathLike]) -> dict:
    """What a run reads: each input file's path, size and modification time, hashed. Cheap (no file is
    read), and any file added, removed, grown, cut or rewritten changes it."""
    digest, files = hashlib.sha256(), 0
    for path, _ in iter_files(paths, say=False):
        try:
            info = path.stat()
            entry = (os.path.abspath(path), info.st_size, info.st_mtime_ns)
        except OSError:
            entry = (os.path.abspath(path), None, None)
        digest.update(repr(entry).encode("utf-8", "surrogateescape") + b"\0")
        files += 1
    return {"files": files, "sha256": digest.hexdigest()}


def lock_path(out: Path) -> Path:
    """The lock a run holds while it writes the file `out`: `OUT.lock` beside it."""
    return beside(out, "", ".lock")


# The locks this process holds (`output_lock`, by real path): the command line holds one for each output of a
# command, the labelling run it starts takes it again (a second `flock` of one file, from another open, would fail)
_HELD: set[str] = set()


@contextmanager
def output_lock(out: Path, lock: Path | None = None):
    """Hold `OUT.lock` (or `lock`: a folder's inside it) while `out` is written; `DvtopicsError` if another run holds
    it. The operating system lets go of the lock when a run dies, even by kill -9, so a crashed run never blocks the
    next one. Taken again by the run that holds it, it is held as it is."""
    lock = lock or lock_path(out)
    key = os.path.realpath(lock)
    if key in _HELD:
        yield
        return
    while True:
        try:
            handle = open(lock, "a+b")
        except OSError as exc:  # named as the output it serves: the user never gave the lock's name
            raise DvtopicsError(f"{out}: cannot hold the run's lock {lock.name} beside it ({exc.strerror or exc}); "
                                "write the output elsewhere") from None
        try:
            _try_lock(handle.fileno())
        except OSError:
            handle.close()
            raise DvtopicsError(f"{out}: another run is writing it now (it holds {lock.name}); "
                                "wait for it to end") from None
        # a run that just ended removed the file we locked: lock the new one
        if lock.exists() and os.stat(lock).st_ino == os.fstat(handle.fileno()).st_ino:
            break
        handle.close()
    _HELD.add(key)
    try:
        yield
    finally:
        _HELD.discard(key)
        try:
            lock.unlink()
        except OSError:
            pass
        handle.close()


def journal_path(out: Path) -> Path:
    return beside(out, "", ".part.jsonl")


def parts_path(out: Path) -> Path:
    """Where a Dask run into `out` keeps its parts until it gathers them (`run.distributed`)."""
    return beside(out, "", ".parts")


def refuse_other_engine(out: Path, engine: str) -> None:
    """Refuse a run into `out` on `engine` ("local" or "dask") while the other engine's unfinished run into it is
    left (its journal, its parts): neither can finish the other's, and a run beside it would leave it behind
    to block the next run, or be finished over the new output. Its work stays, for the command that made it."""
    if engine == "dask" and journal_path(out).exists():
        raise DvtopicsError(f"{journal_path(out)} holds an unfinished run of the local engine: finish it with "
                            f"{option('--resume')} without {option('--engine')} dask, or delete the file to start "
                            "anew")
    if engine == "local" and parts_path(out).is_dir():
        raise DvtopicsError(f"{parts_path(out)} holds an unfinished run of the Dask engine: finish it with "
                            f"{option('--engine')} dask {option('--resume')}, or delete the folder to start anew")


def read_journal(journal: Path) -> tuple[set[int], dict | None]:
    """(positions already labelled, the run's first line or None); a torn last line (killed mid-write) is cut off, and
    so is every line from one that is not the next article's (a journal edited by hand)."""
    if not journal.exists():
        return set(), None
    done, run, good_bytes = set(), None, 0
    with open(journal, "rb") as handle:
        for number, line in enumerate(handle):
            if not line.endswith(b"\n"):
                # torn, even where it reads as JSON (killed just before its newline): it is cut off below, so its
                # article must not count as done (it was lost from the output)
                break
            try:
                record = json.loads(line)
                if number == 0 and RUN in record:
                    run = record[RUN]
                    good_bytes += len(line)
                    continue
                next_one = record[POSITION] == len(done)
            except (ValueError, KeyError, TypeError):  # (a whole line: a torn one stopped above)
                next_one = False
            if not next_one:
                # a line repeated, taken out or changed in an editor: the output is the journal in its order, so it
                # held that article twice, or the ones labelled again at its end; they are all labelled again
                log.warning("%s: its line %d is not the next article's (the file was edited?): the articles from "
                            "there on are labelled again", journal, number + 1)
                break
            done.add(record[POSITION])
            good_bytes += len(line)
    with open(journal, "r+b") as handle:
        handle.truncate(good_bytes)
    return done, run


def outcome(record: dict) -> str:
    """What a labelled record counts as in a run's summary: its label, or "error"."""
    return "error" if record.get("error") else record["label"]


def batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


@dataclass(frozen=True)
class Labeller:
    """Labels a batch of articles (`Classifier.predict`), with the classifier and the segmentation
    cache opened once per process: what `label_stream` runs, here or in worker processes."""

    # what loading a classifier and its first batch import: worth importing once in the fork server
    # (map_ordered) rather than in each worker
    preload = ("dvtopics.types.model", "dvtopics.types.wordcounts", "dvtopics.persist", "dvtopics.parallel",
               "dvtopics.text.pyvi_fast", "importlib.metadata", "sklearn.pipeline",
               "sklearn.feature_extraction.text", "sklearn.linear_model", "sklearn.svm", "sklearn.calibration",
               "sklearn.naive_bayes")

    model_dir: str | None = None
    min_confidence: float = 0.0
    abstain: str = "other"
    cache_dir: str | None = None
    use_cache: bool = True

    def load(self):
        """(classifier, cache) of this process; raises `ModelError` for a missing or broken model."""
        return _opened(self.model_dir, self.cache_dir, self.use_cache, _card_stamp(self.model_dir))

    def __call__(self, batch: list[Article]) -> list[dict]:
        classifier, cache = self.load()
        return classifier.predict(batch, self.min_confidence, self.abstain, cache=cache)


def _card_stamp(model_dir) -> tuple | None:
    """What tells one save of a model folder's card from another (a retrain rewrites it, with the new model's
    checksum): part of `_opened`'s key, so a notebook that retrains a model into a folder and labels with it again
    gets the new model, not the one this process loaded from that folder before (whose labels came out under the
    new model's checksum in the journal)."""
    from ..types.model import model_directory

    try:
        stat = (model_directory(model_dir) / CARD_FILE).stat()
    except (OSError, TypeError):  # no card: loading says so
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=4)
def _opened(model_dir, cache_dir, use_cache, card_stamp=None):
    from ..types.model import load_classifier
    from ..text.cache import SegmentCache

    return load_classifier(model_dir), SegmentCache(cache_dir) if use_cache else None


def label_stream(
    articles: Iterable[Article],
    predict: Callable[[list[Article]], list[dict]],
    out: str | os.PathLike,
    resume: bool = False,
    batch_size: int = 256,
    on_batch: Callable[[int], None] | None = None,
    n_jobs: int = 1,
    preload: Sequence[str] = (),
    inputs: dict | None = None,
    settings: dict | None = None,
    part: bool = False,
    on_resume: Callable[[int, Path], None] | None = None,
) -> Counter:
    """Label `articles` with `predict` (a batch of articles -> records) into `out`.

    With `n_jobs` > 1, `predict` runs in that many worker processes (see
    `map_ordered`, and `Labeller` for a `predict` and its `preload`).
    `inputs` (`input_fingerprint` of what `articles` reads) is recorded in the
    journal, and a resume whose `inputs` differ is refused; so is one whose
    `settings` (what makes the rows: the model's checksum, the options, by the
    names of `SETTINGS`) differ, so one output never mixes two runs' labels.
    `part`: `out` is a Dask task's part of its run, not a run of its own (no other engine's run to refuse, no
    word when there is nothing yet to resume).
    `on_resume(kept, journal)`: a resume that keeps labels from the journal says how many, before labelling the rest.
    Returns the count of each label ("error" for articles that failed).
    """
    out = Path(out)
    if out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise ArgumentError(f"{out}: output must end in {', '.join(OUTPUT_SUFFIXES)}{_suffix_meant(out)}")
    if batch_size < 1:
        raise DvtopicsError(f"a batch of {batch_size} articles: it must be at least 1")
    journal = journal_path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with output_lock(out):
        if not part:  # a Dask task's part (`part`) is its own run's, which it always resumes
            refuse_other_engine(out, "local")
            if resume:
                nothing_to_resume(out)
        if journal.exists() and not resume:
            raise DvtopicsError(f"{journal} holds an unfinished run: add {option('--resume')} to finish it, or delete "
                                "the file")
        if resume:
            refuse_finished(out, unfinished=journal.exists())
        done, run = read_journal(journal) if resume else (set(), None)
        # a journal cut short before its first line was whole (a full disk as the run began) holds nothing to
        # check: it was warned about twice as "an older run" that records neither input nor options
        if resume and (run is not None or done):
            _check_same_run(journal, run, inputs, settings)
        if resume and on_resume and journal.exists():
            on_resume(len(done), journal)
        unreadable = []  # the InputError that stopped the reading of the input, if one did

        def read():
            try:
                yield from articles
            except InputError as exc:
                unreadable.append(exc)
                raise

        positioned = batches(((n, a) for n, a in enumerate(read()) if n not in done), batch_size)
        positions = deque()  # the positions stay here; only the articles go to the workers

        def to_label():
            for batch in positioned:
                positions.append([n for n, _ in batch])
                yield [article for _, article in batch]

        handle = None  # opened with the first labels: a run that fails before (a broken model) leaves no journal
        labelled = len(done)  # in the journal: a full disk says they are kept only when there are some
        try:
            for records in map_ordered(predict, to_label(), n_jobs, preload=preload):
                batch = positions.popleft()
                # a full disk: which file, and whether labels are kept
                with naming(journal, then=_KEPT if labelled else _NONE_KEPT):
                    if handle is None:
                        handle = open(journal, "a", encoding="utf-8")
                        if (inputs is not None or settings is not None) and handle.tell() == 0:
                            run = {"inputs": inputs, **({"settings": settings} if settings is not None else {})}
                            handle.write(json.dumps({RUN: run}, default=json_default) + "\n")
                    for n, record in zip(batch, records):
                        handle.write(json.dumps({POSITION: n, **record}, ensure_ascii=False,
                                                default=json_default) + "\n")
                    handle.flush()
                    os.fsync(handle.fileno())
                labelled += len(batch)
                if on_batch:
                    on_batch(len(batch))
        except WorkerDied:
            if handle is None:  # nothing labelled yet: nothing to resume
                raise
            raise WorkerDied(f"; the labels written before are kept in {journal}: run the same command with "
                             f"{option('--resume')} to finish") from None
        except InputError:
            if unreadable:  # raised by the reading, not by the labelling
                # the job could not run (a --label-field that a table lacks): the same input and options stop at
                # the same place, and a resume with others is refused, so a journal could never be finished;
                # none is left to block the corrected command (an interrupted run's journal stays: --resume)
                if handle:
                    handle.close()
                    handle = None
                journal.unlink(missing_ok=True)
            raise
        finally:
            if handle:
                _close_torn(handle)
        journal.touch()  # an input with nothing (left) to label
        return finish(journal, out)


_KEPT = "; the labels written before are kept: make room and run the same command with --resume to finish"
_NONE_KEPT = "; no label had been written yet: make room and run the same command with --resume"


def _close_torn(handle) -> None:
    """Close the journal; what a failed write left in its buffer is dropped (a full disk would fail the close too,
    hiding the first error): `read_journal` cuts off a torn last line on --resume."""
    try:
        handle.close()
    except OSError:
        pass


def nothing_to_resume(out: str | os.PathLike, engine: str = "local") -> None:
    """Before a `--resume` on `engine` ("local" or "dask"): with no unfinished run of `out` (the local engine's
    journal, the Dask engine's parts folder) it labels every article, which is said, not done in silence. When
    that engine's unfinished run of the same name in another format is there (`--out labels.xlsx` where the
    run went into labels.csv), that is the run meant: refused, naming it, rather than labelling all again
    beside it. (A finished `out` is refused by `refuse_finished`.) The other engine's unfinished run of `out` is
    refused before it is called (`refuse_other_engine`, under the run's lock): a local --resume over a Dask run's
    parts said "no unfinished run to resume", then refused the run as one of the Dask engine."""
    unfinished_run = journal_path if engine == "local" else parts_path
    out = Path(out)
    if out.suffix.lower() not in OUTPUT_SUFFIXES or unfinished_run(out).exists() or out.exists():
        return  # (an output of another kind is refused by label_stream, with no word about resuming)
    for suffix in OUTPUT_SUFFIXES:
        other = unfinished_run(out.with_suffix(suffix))
        if suffix != out.suffix.lower() and other.exists():
            raise DvtopicsError(f"nothing to resume into {out}: {other} holds an unfinished run; give "
                                f"{option('--out')} {out.with_suffix(suffix)} to finish it, or run without "
                                f"{option('--resume')}")
    log.warning("%s: no unfinished run to resume (no %s): the run starts from the first article", out,
                unfinished_run(out).name)


def refuse_finished(out: Path, unfinished: bool) -> None:
    """Refuse a resume of a run that finished: nothing of it is left to check the options against, and
    starting again would overwrite the finished `out` (perhaps under other options) with exit 0."""
    if not unfinished and out.exists():
        raise DvtopicsError(f"{out} is a finished run, nothing to resume: run again without "
                            f"{option('--resume')} to label anew (it replaces the file)")


def _check_same_run(journal: Path, run: dict | None, inputs: dict | None, settings: dict | None) -> None:
    """Refuse a resume whose input or settings differ from the interrupted run's. A journal of an older
    dvtopics that does not record them resumes, with a warning that they cannot be checked."""
    if inputs is not None:
        if run is None:
            log.warning("%s does not record its input (an older run): cannot check it is the same", journal)
        else:
            before = run.get("inputs") or {}
            if before != inputs:
                how = (f"{before.get('files')} files then, {inputs['files']} now"
                       if before.get("files") != inputs["files"] else "a file's size or time differs")
                raise DvtopicsError(f"cannot resume: the input changed since the interrupted run ({how}); "
                                    f"delete {journal} and run again without {option('--resume')}")
    check_same_settings(journal, (run or {}).get("settings"), settings)


def check_same_settings(where: Path, before: dict | None, settings: dict | None, run: Path | None = None) -> None:
    """Refuse to resume the run recorded in `where` (a journal, a Dask plan) with other `settings`, naming
    what changed, and `run` (default `where`: a Dask run's parts folder) as what to delete to start anew; a record
    from before settings were kept (`before` None) resumes with a warning."""
    if settings is None:
        return
    if before is None:
        log.warning("%s does not record its model and options (an older run): cannot check they are the same",
                    where)
        return
    changed = [f"{SETTINGS.get(name, name)}: {_changed(before.get(name), settings.get(name), name)}"
               for name in sorted(set(before) | set(settings)) if before.get(name) != settings.get(name)]
    if changed:
        raise DvtopicsError(f"cannot resume: {'; '.join(changed)}; resume with the interrupted run's model and "
                            f"options, or delete {run or where} and run again without {option('--resume')}")


def _changed(then, now, name: str) -> str:
    """What a setting was and is. The field names only by the options that differ ("none then, --title-field
    headline now"): their whole lists, ["text", "id", "label"], named no option."""
    if name == "fields" and isinstance(then, list) and isinstance(now, list):
        then, now = _field_options(then), _field_options(now)
        return (f"{', '.join(o for o in then if o not in now) or 'none'} then, "
                f"{', '.join(o for o in now if o not in then) or 'none'} now")
    return f"{_shown(then)} then, {_shown(now)} now"


def _field_options(fields: list[str]) -> list[str]:
    """`field_settings`' list as the options that give it: text, id and label first, by value, then the others."""
    return [f"--{key}-field {value}" for key, value in zip(("text", "id", "label"), fields)] + fields[3:]


def _shown(value) -> str:
    """A setting as a message shows it: a checksum by its first characters."""
    if isinstance(value, str) and len(value) == 64:
        return value[:12] + "…"
    return json.dumps(value, ensure_ascii=False, default=json_default)


def journal_records(journal: Path) -> Iterator[dict]:
    """The journal's records, without the position key. They are in input order:
    batches are written in order and a resumed run only appends later ones."""
    with open(journal, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if POSITION in record:
                record.pop(POSITION)
                yield record


def finish(journal: Path, out: Path) -> Counter:
    """Turn the journal into the output file atomically; return the label counts."""
    with kept_for_resume(journal):
        counts = write_output(journal_records(journal), out)
    journal.unlink()
    return counts


@contextmanager
def kept_for_resume(where: Path, what: str = "every label"):
    """The finished run's output could not be written (a full disk, a file that cannot be replaced): `what` it made
    is in `where` (the journal, Dask's parts), which stays. Said, with how to finish: the line said only that the old
    output was kept, and a rerun was refused for the journal it had not named."""
    try:
        yield
    except DvtopicsError as exc:
        if not isinstance(exc.__cause__ or exc.__context__, OSError):
            raise
        raise DvtopicsError(f"{exc}; {what} is kept in {where}: run the same command with "
                            f"{option('--resume')} to write it") from exc


def write_output(records: Iterable[dict], out: Path) -> Counter:
    """Write records to `out` (.jsonl/.csv/.xlsx) through a temporary file renamed
    into place; return the label counts. JSONL and CSV stream in bounded memory."""
    from ..io.write import write_rows

    counts = Counter()
    records = iter(records)
    first = next(records, None)
    # every record has the same keys: the first one's are the CSV header, so rows need not be held
    columns = list(first) if first is not None else None

    def counted(records):
        for record in records:
            counts[outcome(record)] += 1
            yield record

    # write_rows writes a temporary file and renames it: its warnings name `out`, the file the user asked for
    write_rows(counted(itertools.chain([first] if first is not None else [], records)), out, columns)
    return counts
