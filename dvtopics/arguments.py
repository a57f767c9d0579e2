"""The arguments a user gives, checked once, here: the library's functions apply these checks before any work,
and the command line builds its options from the same values (cli/), so Python and the CLI refuse the same
things. It imports nothing heavy: `dvtopics --help` reads it."""
from __future__ import annotations

import math
import numbers
import os
from typing import Sequence

from .errors import DvtopicsError

ABSTAIN = ("other", "uncertain")  # what the CLI offers to label an article below the minimum confidence
PERIODS = ("month", "quarter", "year")  # the shares over time (io.metadata.period_of)
MIN_TOPICS = 2  # one topic would be the whole corpus
MIN_FOLDS = 2  # cross-validation needs a fold to train on and one to score


def as_list(value, name: str, hint: str = "", like: Sequence[str] = ()) -> list:
    """`value` as a list, read once (a generator, such as `read_articles` gives, is used up by reading it).

    One str or path where a list is wanted is a list of one, as `read_articles("seeds")` reads one folder:
    iterated, a str would be its letters. With `like`, every item must have those attributes (an article, or
    an object with its fields: texts where articles are wanted are refused); `hint` says what to do instead
    (a TypeError names the argument and the first wrong item's type).
    """
    if isinstance(value, (str, os.PathLike)):
        value = [value]
    try:
        items = list(value)
    except TypeError:
        raise TypeError(f"{name}: a list (or any iterable) is wanted, not {type(value).__name__}") from None
    wrong = next((item for item in items if not all(hasattr(item, field) for field in like)), None) if like else None
    if wrong is not None:
        raise TypeError(f"{name}: {type(wrong).__name__} items are not articles (they need {', '.join(like)})"
                        + (f": {hint}" if hint else ""))
    return items


def check_label(name: str, value) -> None:
    """A label a user names (what an article below the minimum confidence is called): any text but none."""
    if not isinstance(value, str) or not value.strip():
        raise DvtopicsError(f"{name} {value!r}: give a label, as text")


def check_choice(name: str, value, choices: Sequence[str]) -> None:
    if value not in choices:
        raise DvtopicsError(f"{name} {value!r}: choose one of {', '.join(choices)}")


def check_share(name: str, value: float) -> None:
    """A number from 0 to 1 (NaN, which no comparison admits, is refused too)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value) or not 0 <= value <= 1:
        raise DvtopicsError(f"{name} {value!r}: give a number from 0 to 1")


def check_at_least(name: str, value: int, least: int) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < least:
        raise DvtopicsError(f"{name} {value!r}: give a whole number of {least} or more")
