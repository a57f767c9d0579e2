"""Warnings of how each article or file was read, said once a kind within one reading (`summarized_warnings`): a
corpus whose every article was exported with "&amp;" in it, or a folder of files saved in one code page, gave one
warning an article, thousands of lines that hid every other message. Below the readers and the decoding: it knows
nothing of articles."""
from __future__ import annotations

import logging
from collections import Counter
from contextvars import ContextVar
from typing import Iterator, TypeVar

log = logging.getLogger(__name__)

_COUNTS: ContextVar[Counter | None] = ContextVar("dvtopics_read_warnings", default=None)


def warn_once(name: str, message: str, kind: str | None = None) -> None:
    """Log `message` about `name` (an article, a file: its record's `warning` says it too). While
    `summarized_warnings` reads, only the first of each `kind` (default: the message itself) is logged; the others are
    counted, and said in one line at the end."""
    counts = _COUNTS.get()
    if counts is not None:
        kind = kind or message
        counts[kind] += 1
        if counts[kind] > 1:
            if counts[kind] <= 1 + SHOWN:  # a few of the others named in the line that counts them
                counts.examples.setdefault(kind, []).append(name)
            return
    log.warning("%s: %s", name, message)


SHOWN = 3  # the items named in the line that counts the others of a kind


class _Counts(Counter):
    """How many items earned each kind of warning, and the first few after the first (`examples`)."""

    def __init__(self):
        super().__init__()
        self.examples: dict[str, list[str]] = {}


Item = TypeVar("Item")


def summarized_warnings(items: Iterator[Item]) -> Iterator[Item]:
    """`items` (a reading's articles), each kind of warning (`warn_once`) logged for its first article or file,
    then once more at the end with how many more there were. Each record keeps its own warning. The count is kept
    only while an item is being made: between items the caller's own warnings are its own, said as ever."""
    counts = _Counts()
    try:
        while True:
            token = _COUNTS.set(counts)
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                _COUNTS.reset(token)
            yield item
    finally:
        for kind, n in counts.items():
            if n > 1:
                shown = ", ".join(map(str, counts.examples[kind])) + (", …" if n - 1 > SHOWN else "")
                log.warning("and %d more (%d in all; %s): %s (each record's warning says so)", n - 1, n, shown, kind)
