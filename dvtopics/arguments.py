"""The arguments a user gives, checked once, here: the library's functions apply these checks before any work,
and the command line builds its options from the same values (cli/), so Python and the CLI refuse the same
things. A number that passes is given back as a plain int (a numpy int would pass the check, then stop a model
card's JSON after the work). It imports nothing heavy: `dvtopics --help` reads it."""
from __future__ import annotations

import contextlib
import functools
import inspect
import math
import numbers
import os
import threading
from collections import Counter
from collections.abc import Mapping
from typing import Sequence

from .errors import ArgumentError

ABSTAIN = ("other", "uncertain")  # what the CLI offers to label an article below the minimum confidence
PERIODS = ("month", "quarter", "year")  # the shares over time (io.metadata.period_of)
MIN_TOPICS = 2  # one topic would be the whole corpus
MAX_TOPICS = 1000  # topics fit and sweep: more than anyone reads; a mistyped 100000 would fill the memory first
MAX_REPORT_TOPICS = 200  # a report's own fit: a summary for readers
MAX_SEED = 2**32 - 1  # what numpy accepts as a random seed
MIN_FOLDS = 2  # cross-validation needs a fold to train on and one to score
MAX_NO_BELOW = 10_000_000  # units a word must be in (--no-below, no_below): more than any corpus has
MAX_ITER = 100_000  # passes, sweeps or iterations of a topic fit (--max-iter, max_iter)
MAX_BATCH = 100_000  # articles labelled and written at a time (--batch-size): a batch is held in memory
MAX_PART = 10_000_000  # articles at a time in one Dask part (--part-size)
MAX_BYTES = 2**32  # an article's size limit (--max-bytes, max_bytes): 4 GB, more than any article
ENGINES = ("local", "dask")  # where `label` and `topics assign` run (--engine, jobs' engine)
ON_ERROR = ("record", "raise")  # what reading does with an article it cannot read (read_articles' on_error)


# The command line's flag of each argument a user may give either way (its Python name: the option that takes it), so
# that the library's message names the flag a command-line user typed ("n_topics (--k) 1: give …"): one map, not
# flags written into each message
FLAGS = {
    "n_topics": "--k", "ks": "--k", "period": "--period", "n_words": "--words", "no_below": "--no-below",
    "no_above": "--no-above", "max_iter": "--max-iter", "unit": "--unit", "random_state": "--seed",
    "min_confidence": "--min-confidence", "abstain": "--abstain", "batch_size": "--batch-size", "engine": "--engine",
    "scheduler": "--scheduler", "part_size": "--part-size", "n_jobs": "-j", "max_bytes": "--max-bytes",
    "folds": "--folds", "n_folds": "--folds", "head_chars": "--head-chars", "max_features": "--max-features",
    "weak_rules": "--weak-rules", "weak_other": "--weak-other", "seed": "--seed", "lead_copies": "--lead-copies",
    "views": "--views",
    "silent_min_confidence": "--silent-min-confidence", "override_min_confidence": "--override-min-confidence",
    "max_rows_per_type": "--max-rows-per-type",
    "title": "--title", "model_dir": "--model", "model": "--model", "label_files": "--labels",
    "labels_file": "--labels",
    "extra_paths": "--extra", "measures": "--measures", "force": "--force", "resume": "--resume", "out": "--out",
}


# Whom the messages speak to: from Python (the default) a reading's message names the argument beside the flag
# ("fields['text'] (--text-field)"); the command line, for the command it runs (`cli.DvtopicsGroup`), its flag alone.
# In the environment, not a ContextVar: the reading may go on in a thread (`parallel`'s read-ahead) or in the process
# of a Dask worker that the command started, which starts with the environment. A worker started apart (`dask
# worker`) is told with each task (`run.distributed.run_part`).
COMMAND_LINE_WORDING = "DVTOPICS_COMMAND_LINE"
# the `command_line_wording` blocks open (a Dask worker runs its tasks side by side in threads: the first task to end
# took the wording from the others), and what the environment held before the first
_wording = {"open": 0, "before": None}
_wording_lock = threading.Lock()


def command_line_runs() -> bool:
    """Whether the messages speak to the command line (`command_line_wording`)."""
    return COMMAND_LINE_WORDING in os.environ


@contextlib.contextmanager
def command_line_wording():
    """Messages name the command line's flags while this lasts (`option`), until the last of the blocks open ends."""
    with _wording_lock:
        if not _wording["open"]:
            _wording["before"] = os.environ.get(COMMAND_LINE_WORDING)
            os.environ[COMMAND_LINE_WORDING] = "1"
        _wording["open"] += 1
    try:
        yield
    finally:
        with _wording_lock:
            _wording["open"] -= 1
            if not _wording["open"]:
                if _wording["before"] is None:
                    os.environ.pop(COMMAND_LINE_WORDING, None)
                else:
                    os.environ[COMMAND_LINE_WORDING] = _wording["before"]


def option(flag: str, python: bool | None = None) -> str:
    """An option as a message names it: the command line's flag, or from Python (`python`; by default, unless the
    command line runs) the argument with the flag beside it, as `named` names one (the flag's first argument in
    `FLAGS`; where a flag is several arguments', `named` names the one meant: `named("labels_file")`).

    >>> option("--text-field", python=False), option("--text-field"), option("--max-bytes")
    ('--text-field', "fields['text'] (--text-field)", 'max_bytes (--max-bytes)')
    """
    if python is None:
        python = not command_line_runs()
    if not python:
        return flag
    if flag.endswith("-field"):
        return f"fields['{flag[2:-len('-field')]}'] ({flag})"
    python_names = {value: key for key, value in reversed(FLAGS.items())}  # the first argument of a flag
    return _python_name(python_names.get(flag, flag[2:].replace("-", "_")))


def named(name: str) -> str:
    """An argument as a message names it: from Python its name, then the command line's flag for it (`FLAGS`); while
    the command line runs (`command_line_runs`), the flag alone, as its user typed it.

    >>> named("n_topics"), named("chunk_size")
    ('n_topics (--k)', 'chunk_size')
    """
    return FLAGS.get(name, name) if command_line_runs() else _python_name(name)


def _python_name(name: str) -> str:
    return f"{name} ({FLAGS[name]})" if name in FLAGS else name


def is_dataframe(value) -> bool:
    """Whether `value` is a table of pandas' (a DataFrame), told by its attributes so that pandas need not be
    imported: iterated, a DataFrame gives its column names, never its rows."""
    return hasattr(value, "columns") and hasattr(value, "iterrows")


def as_list(value, name: str, hint: str = "", like: Sequence[str] = ()) -> list:
    """`value` as a list, read once (a generator, such as `read_articles` gives, is used up by reading it).

    One str or path where a list is wanted is a list of one, as `read_articles("seeds")` reads one folder:
    iterated, a str would be its letters. With `like`, every item must have those attributes (an article, or
    an object with its fields: texts where articles are wanted are refused); `hint` says what to do instead
    (a TypeError names the argument and the first wrong item's type).
    """
    if isinstance(value, (str, os.PathLike)):
        value = [value]
    if is_dataframe(value):
        raise TypeError(f"{name}: a DataFrame is not a list of items"
                        + (f": {hint}" if hint else ": give a list (of its rows, or of one column)"))
    if isinstance(value, Mapping):  # iterated, a dict gives its keys: labels by id as label_files were read as
        # paths, "semi_annual_review-0: no such labels file"
        raise TypeError(f"{name}: a {type(value).__name__} is not a list of items (its keys would be read)"
                        + (f": {hint}" if hint else ": give a list (of its keys or of its values)"))
    try:
        items = list(value)
    except TypeError:
        raise TypeError(f"{name}: a list (or any iterable) is wanted, not {type(value).__name__}") from None
    # the position, not the item: a None item (a list with a gap) was taken for "none wrong"
    at = next((n for n, item in enumerate(items) if not all(hasattr(item, field) for field in like)), None) if like \
        else None
    if at is not None:
        raise TypeError(f"{name}: {type(items[at]).__name__} items are not articles (they need {', '.join(like)})"
                        + (f": {hint}" if hint else ""))
    if "id" in like:  # an object's id 0 stayed 0 in the records, and matched no type or label given by the id "0"
        at = next((n for n, item in enumerate(items) if not isinstance(item.id, str)), None)
        if at is not None:
            raise TypeError(f"{name}: item {at}'s id is {type(items[at].id).__name__} {items[at].id!r}, not text: give "
                            "each article its id as text (str(id)), as the readers do")
    return items


# Arguments whose None could mean something other than the default, so is refused as before: abstain=None could
# mean "do not abstain", and the default would call those articles "other" (`check_label`)
NONE_REFUSED = frozenset({"abstain"})


def missing(value) -> bool:
    """Whether a value stands for nothing, as tables and DataFrames mark an empty cell: None, or NaN, which pandas
    gives for an empty cell and Python's json writes as `NaN` (a JSON line written from a DataFrame's row): not the
    text "nan".

    >>> missing(None), missing(float("nan")), missing(0), missing("nan")
    (True, True, False, False)

    So are pandas' NaT (a date column's empty cell) and NA (checked by their types' names: pandas is not imported
    for them).
    """
    return (value is None or (isinstance(value, float) and math.isnan(value))
            or type(value).__name__ in ("NaTType", "NAType"))


def none_is_default(function):
    """`function` with None for an optional argument read as that argument's default, as a notebook user gives it
    (`jobs.evaluate(reading, model, None)`: no labels file): the default is what "none given" means, and a None
    was refused as a list or number of the wrong kind. An argument whose default is None takes it as before."""
    signature = inspect.signature(function)
    defaults = {name: p.default for name, p in signature.parameters.items()
                if p.default is not inspect.Parameter.empty and p.default is not None and name not in NONE_REFUSED}

    @functools.wraps(function)
    def call(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        for name, value in bound.arguments.items():
            if value is None and name in defaults:
                bound.arguments[name] = defaults[name]
        return function(*bound.args, **bound.kwargs)
    return call


def check_text(name: str, value, function: str = "") -> str:
    """A text argument (an article's field, what a text function reads): a str. A DataFrame's empty cell (None, NaN)
    or another kind is a TypeError naming it, where it was a bare one from deep inside ("expected string or
    bytes-like object", "'float' object is not subscriptable"). An empty cell is refused, not read as "": the
    row it stands for most likely has no article. `function` names the function, for the message."""
    if isinstance(value, str):
        return value
    said = f"{function} reads a text (str)" if function else "a text (str)"
    raise TypeError(f"{name}: {said}, not " + ("a missing one (None, NaN: an empty cell): give '' for no text, or "
                                               "leave that row out (column.dropna())" if missing(value)
                                               else type(value).__name__))


def check_label(name: str, value) -> None:
    """A label a user names (what an article below the minimum confidence is called): any text but none."""
    if not isinstance(value, str) or not value.strip():
        raise ArgumentError(f"{named(name)} {value!r}: give a label, as text")


def check_title(value) -> str:
    """A report's title: any text but none (it is the page's heading and its browser tab's name)."""
    if not isinstance(value, str) or not value.strip():
        raise ArgumentError(f"{named('title')} {value!r}: give the report a title, as text (its heading and tab name)")
    return value


def check_choice(name: str, value, choices: Sequence[str]) -> None:
    if value not in choices:
        raise ArgumentError(f"{named(name)} {value!r}: choose one of {', '.join(choices)}")


def check_share(name: str, value: float) -> None:
    """A number from 0 to 1 (NaN, which no comparison admits, is refused too)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value) or not 0 <= value <= 1:
        raise ArgumentError(f"{named(name)} {value!r}: give a number from 0 to 1")


def _shown(value) -> str:
    """A refused value as a message shows it: a number as typed, anything else by its type (its repr may be a
    memory address).

    >>> _shown(5), _shown(3.0), _shown("5"), _shown(object())
    ('5', '3.0', 'a str', 'an object')
    """
    kind = type(value).__name__
    return repr(value) if isinstance(value, numbers.Number) else f"{'an' if kind[0] in 'aeiouAEIOU' else 'a'} {kind}"


def _whole(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)  # 2.5 and True are not


def meant_number(value) -> str:
    """The whole number meant by a count written as a float (10.0, "10.0": a JSON config's, a pandas cell's, n / 2),
    in words for a refusal that asked for "a whole number" (which 10.0 is, to a reader): " (10, not 10.0)"; else "".
    Such a count is refused rather than taken: the estimators keep their parameters as given (scikit-learn's
    rule), and a float K or max_iter reached gensim and numpy as it was.

    >>> meant_number(10.0), meant_number("10.0"), meant_number(2.5), meant_number("abc")
    (' (10, not 10.0)', ' (10, not 10.0)', '', '')

    A whole number written as text from Python (a config's "10", which the command line would take) is the number:
    it was " (10, not 10)".

    >>> meant_number("10")
    " (10, not the text '10')"
    """
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return ""
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        try:
            return f" ({int(value)}, not the text {value!r})"
        except ValueError:  # (past Python's 4,300 digits: no count anyone meant, and the check's message says so)
            return ""
    return f" ({int(number)}, not {value})" if number.is_integer() and not _whole(value) else ""


def check_at_least(name: str, value: int, least: int, most: int | None = None) -> int:
    """A whole number (numpy's ints are) of `least` or more, and at most `most` when given: returned as a plain
    int."""
    if not _whole(value) or value < least or (most is not None and value > most):
        raise ArgumentError(f"{named(name)} {_shown(value)}: {whole_number_wanted(value, least, most)}")
    return int(value)


def whole_number_wanted(value, least: int | None = None, most: int | None = None) -> str:
    """What a refused count says it wants: "give a whole number from 2 to 1000 (10, not 10.0)"; the number meant
    only where it is within the bounds ("--seeds 1e9" was offered 1000000000, itself refused).

    >>> whole_number_wanted("1e9", 1, 20), whole_number_wanted("5.0", 1, 20)
    ('give a whole number from 1 to 20', 'give a whole number from 1 to 20 (5, not 5.0)')
    """
    bounds = (f" from {least} to {most}" if least is not None and most is not None else
              f" of {least} or more" if least is not None else f" of {most} or less" if most is not None else "")
    meant = meant_number(value)
    if meant and not ((least is None or least <= int(float(value))) and (most is None or int(float(value)) <= most)):
        meant = ""
    return f"give a whole number{bounds}{meant}"


def check_max_bytes(value) -> int:
    """An article's size limit in bytes, as --max-bytes takes it (returned as a plain int)."""
    return check_at_least("max_bytes", value, 1, MAX_BYTES)


def check_n_jobs(name: str, value) -> int:
    """Processes to work in, as -j takes them: a whole number of 1 or more, or -1 for every core (returned as a
    plain int). Checked before any work, and before workers are started (the `__main__` guard's check)."""
    if not _whole(value) or (value < 1 and value != -1):
        raise ArgumentError(f"{named(name)} {_shown(value)}: give a whole number of processes, 1 or more, or -1 for "
                            f"all cores{meant_number(value)}")
    return int(value)


def check_topic_counts(name: str, ks, most: int = MAX_TOPICS) -> list[int]:
    """The Ks of a sweep as a list: at least one, each a whole number from MIN_TOPICS to `most`, each once (a K
    given twice would be fitted twice with the same seeds and its fits pooled as if they were more seeds: a
    stability of 1, each fit against its twin, that would sway the suggested K)."""
    ks = as_list(ks, name)
    if not ks:
        raise ArgumentError(f"{named(name)}: give at least one K (number of topics) to fit")
    ks = [check_at_least(f"{named(name)}: K", k, MIN_TOPICS, most) for k in ks]
    repeated = sorted(k for k, n in Counter(ks).items() if n > 1)
    if repeated:
        raise ArgumentError(f"{named(name)}: K {', '.join(map(str, repeated))} given more than once; give each K once "
                            "(--seeds sets the fits per K)")
    return ks


def check_seeds(name: str, seeds) -> list[int]:
    """Random seeds as a list: at least one, each one numpy takes (0 to MAX_SEED)."""
    seeds = as_list(seeds, name)
    if not seeds:
        raise ArgumentError(f"{name}: give at least one seed (each K is fitted once per seed)")
    return [check_at_least(f"{name}: seed", seed, 0, MAX_SEED) for seed in seeds]


def check_random_state(name: str, value):
    """A random state as scikit-learn takes it: None (not seeded), a seed (a whole number numpy takes, returned
    as a plain int) or a numpy `RandomState` (each fit draws its seed from it: `topics.model.TopicModel`)."""
    from numpy.random import RandomState  # only here: `dvtopics --help` reads this module

    if value is None or isinstance(value, RandomState):
        return value
    if not _whole(value) or not 0 <= value <= MAX_SEED:
        raise ArgumentError(f"{named(name)} {_shown(value)}: give a whole number from 0 to {MAX_SEED}, a numpy "
                            f"RandomState or None{meant_number(value)}")
    return int(value)
