"""A table file's text (CSV, TSV), read a line at a time: a CSV of millions of rows is never held whole.

A file that is UTF-8 throughout (as nearly all are), with no NUL and read to its end, is read from the file
each time its lines are wanted: its lines are those `decode_text` would give of its bytes. Any other (Windows-1258,
UTF-16, a file with damaged lines, a gzip file cut short) is decoded whole, as before, and its lines read from
that text."""
from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .decode import decode_text, decodes_as_utf8
from .files import open_binary, read_all
from .tables import HEAD_LINES, lines_of

_CHUNK = 1 << 20


class TableText:
    """A table file's text: `lines()` from its first line, as often as called; its `head` (its first lines, to its
    `HEAD_LINES`th that is not blank); the `warning` its decoding gives; why its reading stopped before its end
    (`problem`, and the line it stopped on, `stopped_at`); `limit`, more characters than any cell can hold. Not
    `say`: what opening and decoding it says is not logged (a Dask task's share of it, or the plan's look at it)."""

    def __init__(self, path: Path, say: bool = True):
        self.path = path
        self.warning = self.problem = None
        self.stopped_at = 0
        self._stamp = _stamp(path)
        size = _utf8_size(path, say)
        if size is not None:
            self._text, self.limit = None, size + 1
            self.head = "".join(_to_filled_line(self.lines(), HEAD_LINES))
        else:
            data, self.problem = read_all(path, say=False)  # (what opening it says is said)
            self._text, self.warning = decode_text(data, str(path), say=say) if data.strip() else ("", None)
            self.limit, self.head = len(self._text) + 1, self._text
            if self.problem:  # the text ends with its last whole line: the fault is on the line after it
                self.stopped_at = self._text.count("\n") + 1

    @property
    def streamed(self) -> bool:
        """Whether its lines are read from the file each time (not from its text, decoded whole and held)."""
        return self._text is None

    def lines(self) -> Iterator[str]:
        return self._file_lines() if self.streamed else lines_of(self._text)

    def _file_lines(self) -> Iterator[str]:
        number, changed = 0, None
        try:
            if _stamp(self.path) == self._stamp:
                with open_binary(self.path, say=False) as handle, \
                        io.TextIOWrapper(handle, "utf-8-sig", newline="") as text:
                    for number, line in enumerate(text, start=1):
                        yield line
            if _stamp(self.path) != self._stamp:  # (cut, added to, written again: the lines read may be of either)
                changed = "its size or time is not what it was"
        except (InputError, OSError, UnicodeDecodeError) as exc:
            changed = str(exc)
        if changed and not self.problem:
            self.problem = f"changed while it was read ({changed}): read it again once it is written"
            self.stopped_at = number + 1


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and time, or None when it cannot be had: what says it was written while it was read."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def _to_filled_line(lines: Iterator[str], filled: int) -> Iterator[str]:
    """`lines` up to the `filled`th that is not blank (what `tables.csv_delimiter` looks at), or all of them."""
    for line in lines:
        yield line
        filled -= bool(line.strip("\r\n"))
        if not filled:
            return


def _utf8_size(path: Path, say: bool = True) -> int | None:
    """The size of a file's bytes when it is read to its end, has no NUL and is UTF-8 throughout, its first bytes
    read by `decode_text` as they are (`decodes_as_utf8`); else None. Opening it says what it says when `say` (a
    gzip file's name on bytes that are not)."""
    decoder, size = codecs.getincrementaldecoder("utf-8")(), 0
    try:
        with open_binary(path, say=say) as handle:
            while chunk := handle.read1(_CHUNK):
                # its first characters whole, as `decode_text` looks at them (a character cut at the chunk's end is
                # the next chunk's)
                if not size and not decodes_as_utf8(chunk[:codecs.utf_8_decode(chunk, "strict", False)[1]]):
                    return None
                if b"\x00" in chunk:
                    return None
                decoder.decode(chunk)
                size += len(chunk)
            decoder.decode(b"", final=True)
    except (InputError, OSError, UnicodeDecodeError):
        return None
    return size or None
