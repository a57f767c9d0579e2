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


def warn_once(name: str, message: str, kind: str | None = None, recorded: bool = True) -> None:
    """Log `message` about `name` (an article, a file: its record's `warning` says it too, unless not `recorded`: a
    file passed over gives no record). While `summarized_warnings` reads, only the first of each `kind` (default: the
    message itself) is logged; the others are counted, and said in one line at the end."""
    counts = _COUNTS.get()
    if counts is None:
        log.warning("%s: %s", name, message)
        return
    if not recorded:
        counts.unrecorded.add(kind or message)
    if counts.add(kind or message, name):
        # the first of its kind; marked, so that a reading cut into parts says it once (`PartsNotes`)
        log.warning("%s: %s", name, message, extra={_FIRST: (kind or message, name)})


def warn_summed(name: str, note) -> None:
    """Say `note`, what a file's records gave counted (an object, false when it counted nothing, that `add`s another's
    counts and is `said` as (message, kind), or None), about `name`, the file, as `warn_once` says a note no record
    holds. In a part of a reading cut into parts (Dask's: `summarized_warnings(parts=True)`), whose counts are a
    part's, it is logged marked instead, for the client to add up the file's parts and say once (`PartsNotes`): said
    there, it was said once a part, each with its part's counts."""
    counts = _COUNTS.get()
    if counts is not None and counts.parts:
        if note:  # (one that says nothing counts too: the other parts' "each article" may be "2 of 4")
            said = note.said()
            log.warning("%s: %s", name, said[0] if said else "counted for the file's note", extra={_SUM: (name, note)})
        return
    said = note.said()
    if said is not None:
        warn_once(name, *said, recorded=False)


SHOWN = 3  # the items named in the line that counts the others of a kind
_FIRST, _MORE = "dvtopics_first_note", "dvtopics_more_notes"  # a log record's marks: the first of a kind, the others
_SUM = "dvtopics_summed_note"  # a part's counts of a file's note (`warn_summed`)


class _Counts(Counter):
    """How many items earned each kind of warning, and the first few after the first (`examples`)."""

    def __init__(self, parts: bool = False):
        super().__init__()
        self.examples: dict[str, list[str]] = {}
        self.unrecorded: set[str] = set()  # the kinds said of files that give no record (`warn_once`)
        self.parts = parts  # a part of a reading cut into parts (`warn_summed`)

    def add(self, kind: str, name: str) -> bool:
        """Count an item of `kind`, named `name`; whether it is the first (named in a line of its own)."""
        self[kind] += 1
        if self[kind] > 1:
            self.more(kind, 0, [name])
        return self[kind] == 1

    def more(self, kind: str, n: int, names: list[str]) -> None:
        """Count `n` more items of `kind`, `names` the first few of them."""
        self[kind] += n
        shown = self.examples.setdefault(kind, [])
        shown += names[:SHOWN - len(shown)]

    def say(self) -> None:
        """The line of each kind that counts the items after its first."""
        for kind, n in self.items():
            if n > 1:
                shown = ", ".join(map(str, self.examples[kind])) + (", …" if n - 1 > SHOWN else "")
                told = "" if kind in self.unrecorded else " (each record's warning says so)"
                log.warning("and %d more (%d in all; %s): %s%s", n - 1, n, shown, kind, told,
                            extra={_MORE: (kind, n - 1, self.examples[kind])})


class PartsNotes:
    """The counted warnings of a reading cut into parts (Dask's tasks), said once for the whole reading: each part
    says the first of a kind and counts the others, and its log records come back to be logged here (`take` each,
    then `say`), where each kind was said once a part."""

    def __init__(self):
        self.counts = _Counts()
        self.summed: dict = {}  # {a file: its note, the counts of its parts added up (`warn_summed`)}

    def take(self, record) -> bool:
        """Whether a part's log record is one of its counted warnings after the first of its kind in the whole
        reading, now counted here instead of logged, or a part's counts of a file's note, added up here."""
        if hasattr(record, _SUM):
            name, note = getattr(record, _SUM)
            if name in self.summed:
                self.summed[name].add(note)
            else:
                self.summed[name] = note
            return True
        if hasattr(record, _FIRST):
            return not self.counts.add(*getattr(record, _FIRST))
        if hasattr(record, _MORE):
            self.counts.more(*getattr(record, _MORE))
            return True
        return False

    def say(self) -> None:
        token = _COUNTS.set(self.counts)  # (each file's summed note, as `warn_once` says it in a reading)
        try:
            for name, note in self.summed.items():
                warn_summed(name, note)
        finally:
            _COUNTS.reset(token)
        self.summed.clear()
        self.counts.say()


Item = TypeVar("Item")


def summarized_warnings(items: Iterator[Item], parts: bool = False) -> Iterator[Item]:
    """`items` (a reading's articles), each kind of warning (`warn_once`) logged for its first article or file,
    then once more at the end with how many more there were. Each record keeps its own warning. The count is kept
    only while an item is being made: between items the caller's own warnings are its own, said as ever. `parts`:
    the reading is a part of one cut into parts, whose client says a file's counted notes (`warn_summed`)."""
    counts = _Counts(parts)
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
        counts.say()
