"""A Dask task's share of one input file: some of the items its reading reads, in order (an archive's members, a
table's rows), so that several tasks read a large file at once and their records, one after another, are the
whole reading's."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class Share:
    """The items `first` to `first + count` (all from `first` when `count` is None) of those a file's reading reads,
    numbered as it numbers them: an archive's members from 0 in the order it reads them, a table's rows by the line
    each starts on. The share that opens the file says what the whole reading says first (what the archive holds
    that is not read, the rows above a table's header); the one that reaches its end what it says last (where a tar
    was cut short, a table's notes below its last article)."""

    first: int = 0
    count: int | None = None

    def of(self, items: Sequence) -> Sequence:
        return items[self.first:None if self.count is None else self.first + self.count]

    def holds(self, number: int) -> bool:
        return self.first <= number and not self.past(number)

    def past(self, number: int) -> bool:
        return self.count is not None and number >= self.first + self.count

    @property
    def opens(self) -> bool:
        return self.first == 0

    @property
    def whole(self) -> bool:
        return self.first == 0 and self.count is None

    def ends(self, items: Sequence | None = None) -> bool:
        """Whether it reaches the end of `items` (of the file, when no count of them is known: the last share)."""
        return self.count is None or items is not None and self.first + self.count >= len(items)


WHOLE = Share()
