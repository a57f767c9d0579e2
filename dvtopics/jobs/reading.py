"""Where a job's articles come from (`Reading`), and reading and segmenting them; the decorator every job
wears (`job_arguments`)."""
from __future__ import annotations

import functools
import inspect
import os
from dataclasses import MISSING, dataclass, field, fields as dataclass_fields
from typing import Callable, Sequence

from ..arguments import check_max_bytes, check_n_jobs, none_is_default
from ..errors import ArgumentError
from ..wording import brief_repr
from ..io.article import TOKENS_FIELD, Article
from ..io.paths import home_path, unique_paths
from ..io.read import MAX_ARTICLE_BYTES, read_articles
from ..io.records import FieldNames, as_field_names, labels_given_apart
from ..text.cache import open_cache
from .checks import check_no_model_folder, check_suffix


def job_arguments(*paths: str):
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
            with labels_given_apart(_labels_given(bound.arguments)):
                return job(*bound.args, **bound.kwargs)
        return none_is_default(run)
    return wrap


def _labels_given(arguments: dict) -> bool:
    """Whether a job's arguments give labels files (`label_files`, `labels_file`: --labels): its articles need not
    hold the column --label-field names (`labels_given_apart`). (Not `bool`: a pandas Series of paths has none.)"""
    given = next((arguments[name] for name in ("label_files", "labels_file") if name in arguments), None)
    return given is not None and (not hasattr(given, "__len__") or len(given) > 0)


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
    from ..io.labels import by_id

    held = f": {LABELS_BY_ID_HINT}" if "labels" in name and by_id(value) else ""  # (a notebook's labels, not a file)
    raise TypeError(f"{name}: a path (str or pathlib.Path) is wanted, not {kind}{held}")


# a labels file is a path: labels by id in a dict (or a pandas Series) are a file's rows, not its path
LABELS_BY_ID_HINT = ("labels by id (a dict, a Series) go into a CSV of id,label first (pandas: pd.Series(labels, "
                     "name='label').rename_axis('id').to_csv('labels.csv'))")


@dataclass
class Reading:
    """Where the articles come from and how they are read and segmented: what every job starts from."""

    __repr__ = brief_repr  # a notebook shows a few lines, not every path a pattern gave (wording.brief_repr)

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
        check_no_model_folder(self.paths)
        if self.cache_dir is not None and not self.use_cache:  # as --cache-dir with --no-cache: it would be ignored
            raise ArgumentError(f"cache_dir {os.fspath(self.cache_dir)!r} names the cache that use_cache=False turns "
                                "off: give one of them")

    def articles(self):
        """The articles, streamed; an unreadable one comes with its error. Without the raw text each was read from
        (`Article.raw`, "" here), which no job reads: 35,440 baomoi articles held 0.2 GB of it beside their texts,
        and a worker process was sent both."""
        return map(_without_raw, read_articles(self.paths, self.fields, "record", self.max_bytes))


def _without_raw(article: Article) -> Article:
    article.raw = ""
    return article


@dataclass
class Segmented:
    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    articles: list[Article]  # all of them, the unreadable ones with their error
    good: list[Article]  # the readable ones
    texts: list[str]  # the segmented text of each readable one

    @property
    def failed(self) -> list[Article]:
        return [a for a in self.articles if a.error]


@job_arguments()
def read_segmented(reading: Reading, lower: bool = True, progress: bool | None = None,
                   check: Callable[[list[Article]], None] = lambda articles: None) -> Segmented:
    """Read the articles, keep the readable ones and segment them (through the cache, closed after);
    `check` sees the articles read before the segmenting starts, and may refuse them."""
    from ..text.segment import segment_articles

    articles = list(reading.articles())
    check(articles)
    with open_cache(reading.cache_dir, reading.use_cache) as cache:
        good, texts = segment_articles(articles, reading.n_jobs, cache, lower,
                                       len(articles) > 100 if progress is None else progress)
    return Segmented(articles, good, texts)


# Articles read and segmented at a time by `segment`: its memory is a batch's, not the input's (it held them all:
# 459 MB for 35,440 baomoi articles, 89 MB a batch at a time, benchmarks/RESULTS.md; hunt 38 G)
SEGMENT_BATCH = 2000


@dataclass
class SegmentedCount:
    """What `segment` wrote: how many articles, how many segmented, and the ones that could not be read."""
    __repr__ = brief_repr

    articles: int = 0
    segmented: int = 0
    failed: list[Article] = field(default_factory=list)


@job_arguments("out")
def segment(reading: Reading, out: str, lower: bool = False, force: bool = False) -> SegmentedCount:
    """Segment the articles into words and write {"id", "tokens"} lines to `out`, in input order, a batch at a time
    (SEGMENT_BATCH); an article that could not be read keeps its place as {"id", "error"}. An existing `out` that
    dvtopics did not write, or that was changed since, is refused unless `force` (a labels file corrected by hand,
    the user's own articles)."""
    from ..io.write import write_rows
    from ..progress import progress_bar
    from ..run.batch import WHAT_IT_HOLDS, batches, check_output, note_written, refuse_edited
    from ..text.segment import segment_articles

    check_suffix(out, (".jsonl",), "JSON lines")  # seg.xlsx or seg.csv would hold JSON lines, and open broken
    check_output(out, reading.paths)
    refuse_edited(out, force, kept=WHAT_IT_HOLDS)
    count = SegmentedCount()

    def rows():
        with open_cache(reading.cache_dir, reading.use_cache) as cache, progress_bar(unit="article") as bar:
            for batch in batches(reading.articles(), SEGMENT_BATCH):
                good, texts = segment_articles(batch, reading.n_jobs, cache, lower, progress=False)
                segmented = {id(article): text for article, text in zip(good, texts)}
                for article in batch:
                    if id(article) in segmented:
                        yield {"id": article.id, TOKENS_FIELD: " ".join(segmented[id(article)].split())}
                    else:
                        count.failed.append(article)
                        yield {"id": article.id, "error": article.error or "no text to segment"}
                count.articles += len(batch)
                count.segmented += len(good)
                bar.update(len(batch))
    # written beside its name and renamed when whole, as every table: a run stopped while writing (a full disk,
    # Ctrl-C) left the previous file cut to its first lines, which read as complete
    write_rows(rows(), out)
    note_written(out)
    return count
