"""Rows to the files people open: CSV, JSONL and Excel workbooks.

`write_rows(rows, path)` writes one row per record with a header, the format
chosen by the suffix (.csv, .jsonl, .xlsx). `write_workbook(sheets, path)`
writes several tables as the sheets of one .xlsx file.

What a spreadsheet user needs, and why:
- Dates are real dates in .xlsx: in a date column (`DATE_COLUMNS`: "date",
  "month") "2017-03-05" becomes a date cell, "2017-03" the first of that month
  shown as yyyy-mm, so Excel sorts and filters them.
- Any other text stays text: an id "2017-03", "007" or "1e5" is stored as
  given, never as a date or a number.
- Numbers stay numbers (a confidence of 0.83 is a number cell, not text).
- Vietnamese text is intact: .xlsx stores Unicode; .csv is written as UTF-8
  with a BOM, without which Excel reads UTF-8 as a Windows code page.
- Lists (the cues behind a label) become one "a; b" cell in .csv/.xlsx and stay
  lists in .jsonl.
- Text a spreadsheet would run as a formula (it starts with "=", "+", "-", "@", a tab or a CR: a headline
  "-Hội nghị…", "=Tổng kết…") is not run: in .csv it gets a leading "'" (OWASP's advice on CSV injection;
  `io.labels` reads such a cell back without it), in .xlsx it is a text cell marked as typed text (Excel's
  own leading "'", so editing it keeps it text). A number ("-0.5") is left as it is.
- A cell holds 32,767 characters and no control character (nor U+FFFE, U+FFFF): longer text is cut
  and those characters are removed, said in the row's `warning` and once in
  the log (`excel_text`); .csv and .jsonl keep every value whole.

Files are written to a temporary name and renamed, so a failed run never
leaves a half-written table behind.
"""
from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import json
import logging
import math
import os
import re
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

from ..arguments import is_dataframe, missing
from ..errors import DvtopicsError
from .folders import WORKING_PREFIX
from .paths import home_path

log = logging.getLogger(__name__)

FORMATS = (".csv", ".jsonl", ".xlsx")
LIST_SEPARATOR = "; "
XLSX_MAX_CELL_CHARS = 32767  # Excel's limit on one cell
XLSX_MAX_ROWS = 1_048_576  # Excel's limit on one sheet, the header row included
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What a spreadsheet runs as a formula when a cell starts with it (OWASP, "CSV Injection"), and the numbers that
# start so but are none ("-0.5", "+84"), left as they are
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d[\d.,]*|[.,]\d[\d.,]*)(?:[eE][+-]?\d+)?$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
# The columns whose ISO text is a date in .xlsx, and how each is shown. Only these: an id, a title or a source
# that looks like a date ("2017-03", a monthly file's name) is text, and must read back as it was written.
DATE_COLUMNS = {"date": "yyyy-mm-dd", "month": "yyyy-mm"}
_MAX_COLUMN_WIDTH = 60


def columns_of(rows: Sequence[Mapping], columns: Sequence[str] | None = None) -> list[str]:
    """The header: `columns` if given, else every key in order of first appearance.

    >>> columns_of([{"id": 1, "label": "khac"}, {"id": 2, "cues": []}])
    ['id', 'label', 'cues']
    """
    if columns is not None:
        return list(columns)
    return list(dict.fromkeys(key for row in rows for key in row))


def _plain(value):
    """numpy scalars -> Python numbers, so json and openpyxl take them; a DataFrame's empty cell (NaN, NaT, pandas'
    NA: `arguments.missing`) -> None, an empty cell: a table of rows merged in pandas held the text "nan" and "NaT"."""
    if missing(value):
        return None
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, bytes)) else value


def _flat(value):
    """A value for one cell of a flat table (.csv/.xlsx)."""
    value = _plain(value)
    if isinstance(value, (list, tuple, set)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def runs_as_formula(value) -> bool:
    """Whether a spreadsheet opening `value` as a cell would take it for a formula: text that starts with one of
    `FORMULA_STARTS` and is not a plain number.

    >>> runs_as_formula("-Hội nghị"), runs_as_formula("=1+1"), runs_as_formula("-0.5"), runs_as_formula(-0.5)
    (True, True, False, False)
    """
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(value)


def csv_cell(value):
    """A value for one cell of a .csv: flat, and text a spreadsheet would run as a formula behind a "'", which
    spreadsheets take as a mark of text (some show it), never as a formula (`io.labels.unguarded` takes it off
    again). Text that already starts with "'" before such text gets one more, so that taking one off gives it back
    as it was.

    >>> csv_cell("=Tổng kết"), csv_cell("-0.5"), csv_cell(["a", "b"]), csv_cell("'=x"), csv_cell("'a")
    ("'=Tổng kết", '-0.5', 'a; b', "''=x", "'a")
    """
    value = _flat(value)
    return "'" + value if isinstance(value, str) and runs_as_formula(value.lstrip("'")) else value


def excel_value(value, date: bool = False):
    """A value as an Excel cell wants it: lists joined; ISO dates as dates when `date` (a date column's).

    >>> excel_value("2017-03-05", date=True), excel_value("2017-03", date=True), excel_value("2017-03")
    (datetime.date(2017, 3, 5), datetime.date(2017, 3, 1), '2017-03')
    >>> excel_value(["a", "b"]), excel_value(0.5)
    ('a; b', 0.5)
    """
    value = _flat(value)
    if date and isinstance(value, str):
        try:
            if _ISO_DATE.match(value):
                return dt.date.fromisoformat(value)
            if _ISO_MONTH.match(value):
                return dt.date.fromisoformat(value + "-01")
        except ValueError:  # "2017-13-40" is text that looks like a date; keep it as text
            pass
    return value


_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}  # no room, over quota, over the size limit of a file


@contextmanager
def naming(*paths: str | os.PathLike, then: str = ""):
    """Name the files being written (`shown_path`) in an error that names none: a full disk or a file size limit
    fails a write, not an open, and its error was "No space left on device" alone, which left the user to guess
    which file and which disk. `then` says what is kept, or what to do."""
    try:
        yield
    except OSError as exc:
        if exc.filename is not None or exc.errno not in _DISK_FULL:  # (a read's error is no write's)
            raise
        names = ", ".join(str(shown_path(path)) for path in paths)
        raise DvtopicsError(f"{names}: cannot be written ({exc.strerror or exc}){then}") from exc


@contextmanager
def _atomic(path: Path, mode: str = "w", **kwargs):
    """Open a temporary file beside `path` and move it into place only on success, as writing into `path` would
    (`_replace`: through a symlink, keeping an existing file's permissions)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    real = Path(os.path.realpath(path))  # beside the file a symlink names, so that the rename stays one step
    real.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(mode, dir=real.parent, delete=False, prefix=WORKING_PREFIX, suffix=".tmp",
                                         **kwargs)  # named as dvtopics' own: an input folder's walk passes it over
    try:
        with naming(path, then=_KEPT), handle:
            yield handle
        os.chmod(handle.name, 0o666 & ~_umask())  # a temporary file is private; a new table is not
        _replace(Path(handle.name), path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


@contextmanager
def files_replaced_together(directory: Path, previous: Iterable[str] = (), then: str = ""
                            ) -> Iterator[tuple[Path, list[str]]]:
    """(a hidden folder inside `directory`, a list) for a set of outputs that belong together (a topic model, its card
    and its tables): the caller writes them into the folder and adds their names to the list, in the order they are to
    be put in place (a card last). On success each replaces its namesake in `directory`, together
    (`replace_together`), and the files of `previous` not written again are removed; a run stopped midway leaves the
    old set whole. `then`: what a full disk's error adds (`naming`)."""
    directory.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=WORKING_PREFIX, dir=directory))  # beside the files: each rename is one step
    names: list[str] = []
    try:
        with naming(directory, then=then):
            yield stage, names
            replace_together([(stage / name, directory / name) for name in names],
                             remove=[directory / name for name in previous if name not in names])
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def replace_together(moves: Sequence[tuple[Path, Path]], remove: Iterable[Path] = ()) -> None:
    """Remove `remove`, then rename each (new file, target) of `moves` in order, with Ctrl-C and SIGTERM held
    back until all is done: outputs that belong together (a model and its card, a report and its workbook) are
    all old or all new after an interrupted run, never a mix. Each new file must be on its target's file
    system (written beside it), so that each rename is one quick step."""
    with held_signals():
        for path in remove:
            Path(path).unlink(missing_ok=True)
        for new, target in moves:
            _replace(Path(new), Path(target))


def _replace(new: Path, target: Path) -> None:
    """Put `new` in `target`'s place as writing into it would: through a symlink (a page published by a link
    stays the link's), with the old file's permissions (a page made private stays private); an error names
    `target`, not the temporary file."""
    real = Path(os.path.realpath(target))
    refuse_read_only(target)
    try:
        if real.is_file():
            shutil.copymode(real, new)
        try:
            os.replace(new, real)
        except OSError as exc:
            if exc.errno != errno.EXDEV:  # a link to another file system: the rename becomes a copy
                raise
            shutil.move(new, real)
    except OSError as exc:
        raise DvtopicsError(f"{target}: cannot be written ({exc.strerror or exc})") from None


def refuse_read_only(path: str | os.PathLike) -> None:
    """Refuse to replace an existing file its user may not write (made read-only to keep it, as a labels file
    corrected by hand): the rename that puts a new file in its place needs only the folder to be writable, and went
    on where `echo > file` or `cp` refuse."""
    real = Path(os.path.realpath(path))
    if real.is_file() and not os.access(real, os.W_OK):
        raise DvtopicsError(f"{shown_path(path)}: read-only (permission denied): make it writable or write elsewhere")


_KEPT = "; what was there before is kept as it was"
_STAGED: dict[Path, Path] = {}  # a path `staged` gave -> the target it will replace


def shown_path(path: str | os.PathLike) -> Path:
    """The file a message names: `path`, or the target it will replace when `staged` gave it (the temporary
    folder is gone by the time the user reads the message)."""
    return _STAGED.get(Path(path), Path(path))


@contextmanager
def staged(targets: Sequence[Path]) -> Iterator[list[Path]]:
    """Paths to write `targets` at: each of the same name in a hidden temporary folder beside its target. When
    the block ends without error they replace their targets together (`replace_together`); the temporary
    folders are removed in any case. The writers here name the target in their messages (`shown_path`)."""
    folders, paths = [], []
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            # beside the file a symlink names, so that the rename stays one step on its file system
            folders.append(Path(tempfile.mkdtemp(prefix=WORKING_PREFIX, dir=Path(os.path.realpath(target)).parent)))
        paths = [folder / target.name for folder, target in zip(folders, targets)]
        _STAGED.update(zip(paths, map(Path, targets)))
        with naming(*targets, then=_KEPT):
            yield paths
        replace_together(list(zip(paths, targets)))
    finally:
        for path in paths:
            _STAGED.pop(path, None)
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def held_signals():
    """Ctrl-C and SIGTERM are noted during the block and acted on after it (Python's handlers run in the main
    thread only: elsewhere they are left as they are)."""
    held = [s for s in (signal.SIGINT, signal.SIGTERM) if signal.getsignal(s) is not None]
    if threading.current_thread() is not threading.main_thread():
        held = []
    caught = []
    previous = {s: signal.signal(s, lambda signum, frame: caught.append(signum)) for s in held}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        for s in caught:
            signal.raise_signal(s)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DvtopicsError(f"{shown_path(path)}: cannot write '{suffix or 'no suffix'}' tables; "
                            f"name the file with one of {', '.join(FORMATS)}")
    return suffix


def write_rows(rows: Iterable[Mapping], path: str | os.PathLike, columns: Sequence[str] | None = None,
               sheet: str = "articles") -> Path:
    """Write `rows` (dicts) to `path` as .csv, .jsonl or .xlsx, chosen by its suffix.

    The header is `columns` or the union of the rows' keys. Returns the path.
    JSONL, and CSV with `columns` given, stream `rows` in bounded memory.
    A DataFrame (or a Series) is its rows, its index a column unless it only numbers them (0, 1, 2 …): iterated, it
    gave its column names.
    """
    path = Path(home_path(path))  # "~/…": the home folder, as load_model and the command line read it
    if is_dataframe(rows) or _is_series(rows):
        rows = _with_index_column(rows.to_frame() if _is_series(rows) else rows).to_dict("records")
    rows = _rows_checked(rows)
    suffix = _suffix(path)
    if suffix == ".csv" and columns is None:
        rows = list(rows)  # the header is every row's keys
    if suffix == ".jsonl":
        _write_jsonl(rows, path)
    elif suffix == ".csv":
        _write_csv(rows, path, columns_of(rows, columns))
    else:
        write_workbook({sheet: rows}, path, {sheet: columns} if columns else None)
    return path


def _rows_checked(rows) -> Iterator[Mapping]:
    """`rows`, refused at once unless they are rows, and each as it comes unless it is a dict (of column to value): one
    dict, None or a text given as the rows ended in Python's own "'str' object has no attribute 'items'" from inside
    a writer."""
    if isinstance(rows, (Mapping, str, bytes)) or not hasattr(rows, "__iter__"):
        one = ": for one row, give [row]" if isinstance(rows, Mapping) else ""
        raise TypeError(f"rows: rows to write (a list of dicts of column to value, or a DataFrame), "
                        f"not {_kind(rows)}{one}")
    return _each_a_dict(rows)


def _each_a_dict(rows: Iterable) -> Iterator[Mapping]:
    for number, row in enumerate(rows, 1):
        if not isinstance(row, Mapping):
            raise TypeError(f"rows: row {number} is {_kind(row)}, not a dict of column to value")
        yield row


def _kind(value) -> str:
    return "None" if value is None else f"one {type(value).__name__}" if isinstance(value, Mapping) else \
        f"a {type(value).__name__}"


def _is_series(value) -> bool:
    return type(value).__name__ == "Series" and hasattr(value, "to_frame")


def _with_index_column(frame):
    """`frame` with its index as a column, unless the index only numbers the rows: labels by id
    (`pd.Series(labels).to_frame("label")`) lost their ids in silence. An unnamed index is `id` where the frame has
    no id column; an index level that is a column already (`set_index("id", drop=False)`) is not written twice."""
    import pandas as pd

    index = frame.index
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1 and index.name is None:
        return frame
    names = [name if name is not None else ("id" if "id" not in frame.columns and index.nlevels == 1 else f"index{i}")
             for i, name in enumerate(index.names)]
    frame = frame.rename_axis(names)
    dropped = [name for name in names if name in frame.columns]
    kept = frame.reset_index(level=dropped, drop=True) if dropped else frame
    return kept.reset_index() if len(dropped) < len(names) else kept


def json_default(value):
    """`json.dumps`' `default` wherever dvtopics writes JSON (tables, model cards, journals, plans): a numpy scalar
    (np.int64(5), np.float32(0.5): a parameter from np.arange or a DataFrame cell) as the Python number it is, a
    date as ISO text, a set or tuple as a list, a DataFrame's empty cell (NaT, pandas' NA) as null. A card with
    np.int64(5) among its parameters failed to be written."""
    if missing(value):  # (NaT is a datetime, whose ISO text is "NaT")
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _write_jsonl(rows: Iterable[Mapping], path: Path) -> None:
    with _atomic(path, encoding="utf-8", newline="\n") as handle:
        for row in rows:
            # a NaN (a DataFrame's empty cell) as null: json writes NaN, which is no JSON to other readers
            row = {key: _plain(value) for key, value in dict(row).items()}
            try:
                line = json.dumps(row, ensure_ascii=False, default=json_default, allow_nan=False)
            except ValueError:  # a NaN deeper in (a list of numbers): each as null, only for such a row
                line = json.dumps(_without_nan(row), ensure_ascii=False, default=json_default)
            handle.write(line + "\n")


def _without_nan(value):
    """`value` with each float NaN or infinity inside it as None: no JSON reader reads them."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {key: _without_nan(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_without_nan(item) for item in value]
    return value


def _write_csv(rows: Iterable[Mapping], path: Path, columns: list[str]) -> None:
    with _atomic(path, encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writer.writerow([csv_cell(name) for name in columns])  # a column named after a label ("-Khác")
        for row in rows:
            writer.writerow({key: csv_cell(value) for key, value in row.items()})


def write_workbook(sheets: Mapping[str, Sequence[Mapping]], path: str | os.PathLike,
                   columns: Mapping[str, Sequence[str] | None] | None = None) -> Path:
    """Write each named table of `sheets` as one sheet of an .xlsx workbook.

    Each sheet gets a bold header, frozen first row, an autofilter and column
    widths fitted to its content. Returns the path.
    """
    from openpyxl import Workbook

    path = Path(home_path(path))
    if path.suffix.lower() != ".xlsx":
        raise DvtopicsError(f"{shown_path(path)}: a workbook must be named .xlsx")
    book = Workbook(write_only=True)  # streams rows: 35k articles without holding a cell tree
    changed = 0
    for name, rows in sheets.items():
        rows = list(rows)
        header = columns_of(rows, (columns or {}).get(name))
        for title, part in _sheet_parts(name, rows, path):
            changed += _write_sheet(book.create_sheet(title), part, header)
    if changed:
        log.warning("%s: %d row(s) hold text an .xlsx cell cannot (over %s characters, or control characters, U+FFFE, "
                    "U+FFFF or lone surrogates): changed to fit, as each row's warning says; .csv and .jsonl outputs "
                    "keep it whole",
                    shown_path(path), changed, f"{XLSX_MAX_CELL_CHARS:,}")
    # saved in memory first (its size compressed, beside its rows held above), then written: a disk that filled as
    # openpyxl wrote the file left its zip and sheets half-written to the garbage collector, whose tracebacks on
    # closing them ("Exception ignored in: <function ZipFile.__del__ …>") followed the command's one line
    saved = io.BytesIO()
    book.save(saved)
    with _atomic(path, "wb") as handle:
        handle.write(saved.getbuffer())
    return path


def _sheet_parts(name: str, rows: list, path: Path) -> list[tuple[str, list]]:
    """The sheets a table fills: one, or as many as Excel's row limit asks for ("articles", "articles 2", ...),
    with a warning, since a sheet past the limit would not open."""
    size = XLSX_MAX_ROWS - 1
    if len(rows) <= size:
        return [(_sheet_title(name), rows)]
    parts = [rows[start:start + size] for start in range(0, len(rows), size)]
    log.warning("%s: %d rows of '%s' are more than Excel's %d per sheet: written as %d sheets, '%s' to '%s'",
                shown_path(path), len(rows), name, size, len(parts), _sheet_title(name), _sheet_title(name, len(parts)))
    return [(_sheet_title(name, number), part) for number, part in enumerate(parts, start=1)]


def _sheet_title(name: str, number: int = 1) -> str:
    # Excel forbids []:*?/\ in sheet names and cuts them at 31 characters
    suffix = f" {number}" if number > 1 else ""
    return (re.sub(r"[\[\]:*?/\\]", "_", str(name))[:31 - len(suffix)] or "sheet") + suffix


def _write_sheet(ws, rows: list[Mapping], columns: list[str]) -> int:
    """Write `rows` under a bold header; return how many rows had text changed to fit a cell."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    widths = [len(str(c)) for c in columns]
    table = [[_flat(row.get(c)) for c in columns] for row in rows]
    for values in table:
        for i, value in enumerate(values):
            widths[i] = max(widths[i], len(str(value if value is not None else "")))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(width + 2, _MAX_COLUMN_WIDTH)
    if columns:
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    bold = Font(bold=True)
    header = []
    for name in columns:
        cell = _cell(ws, str(name), WriteOnlyCell)  # text, as a label naming a column may start with "="
        cell.font = bold
        header.append(cell)
    ws.append(header)
    dates = [DATE_COLUMNS.get(name) for name in columns]
    changed = 0
    for values in table:
        values, was_changed = _fitted_row(values, columns)
        changed += was_changed
        ws.append([_cell(ws, value, WriteOnlyCell, shown) for value, shown in zip(values, dates)])
    return changed


def _fitted_row(values: list, columns: list[str]) -> tuple[list, bool]:
    """(the row's text as cells can hold it, whether any changed); what changed is said in the row's
    `warning`, when the table has one, so a reader of the .xlsx knows the cell is not the whole value."""
    fitted, notes = list(values), []
    for i, (name, value) in enumerate(zip(columns, values)):
        if isinstance(value, str):
            fitted[i], change = excel_text(value)
            notes += [f"'{name}' {change}"] if change else []
    if notes and "warning" in columns:
        where = columns.index("warning")
        note = f"in this .xlsx, {'; '.join(notes)} (.csv and .jsonl keep the whole value)"
        fitted[where] = f"{fitted[where]}; {note}" if fitted[where] else note
    return fitted, bool(notes)


# What XML 1.0, and so an .xlsx, cannot hold: control characters but tab and line ends (openpyxl's
# ILLEGAL_CHARACTERS_RE), and U+FFFE, U+FFFF (a byte-swapped BOM) and lone surrogates, which openpyxl writes as they
# are: Excel then repairs the workbook, emptying its sheets, and openpyxl cannot read it back
_NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# each kind in words, for the row's warning: U+FFFE and U+FFFF are noncharacters, not control characters
_NOT_IN_XLSX_KINDS = {"control characters": re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]"),
                      "noncharacters U+FFFE/U+FFFF": re.compile("[\ufffe\uffff]"),
                      "lone surrogates": re.compile("[\ud800-\udfff]")}


def excel_text(text: str) -> tuple[str, str | None]:
    """(`text` as an .xlsx cell can hold it, what had to change in words or None). A cell holds 32,767
    characters at most and no control character but tab and line ends, nor U+FFFE or U+FFFF (the file would not
    open).

    >>> excel_text("a\x1bb"), excel_text("ab")
    (('ab', 'control characters removed'), ('ab', None))
    >>> excel_text("a\ufffeb\x1b")
    ('ab', 'control characters and noncharacters U+FFFE/U+FFFF removed')
    """
    fitted, changes = _NOT_IN_XLSX.sub("", text), []
    if fitted != text:
        kinds = [kind for kind, pattern in _NOT_IN_XLSX_KINDS.items() if pattern.search(text)]
        changes.append(f"{' and '.join(kinds)} removed")
    if len(fitted) > XLSX_MAX_CELL_CHARS:
        fitted = fitted[:XLSX_MAX_CELL_CHARS]
        changes.append(f"cut to Excel's {XLSX_MAX_CELL_CHARS:,} characters")
    return fitted, ", ".join(changes) or None


def _cell(ws, flat, cell_type, date_format: str | None = None):
    value = excel_value(flat, date=date_format is not None)
    if isinstance(value, dt.date):
        cell = cell_type(ws, value=value)
        # a month ("2017-03") is shown as a month, not as its first day
        cell.number_format = "yyyy-mm" if isinstance(flat, str) and _ISO_MONTH.match(flat) else date_format or "yyyy-mm-dd"
        return cell
    if isinstance(value, str):
        cell = cell_type(ws, value=excel_text(value)[0])
        cell.data_type = "s"  # openpyxl would make "=..." a formula
        # marked as typed text, as Excel marks "'=…": a reader who edits the cell does not turn it into a formula
        if runs_as_formula(value):
            cell.quotePrefix = True
        return cell
    return value


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Rows given as sequences under `header`, through `write_rows`: written atomically, a CSV with the BOM
    Excel needs to read Vietnamese as UTF-8."""
    write_rows((dict(zip(header, row)) for row in rows), path, columns=list(header))


# a run of surrogate escapes (a file name's bytes, read with UTF-8 mode off), or a lone half of a surrogate pair
_SURROGATES = re.compile("[\udc80-\udcff]+|[\ud800-\udfff]")


def writable_text(text: str) -> str:
    """`text` with what cannot be written as UTF-8 made readable: the bytes of a file name read under an ASCII locale
    with Python's UTF-8 mode off (`LC_ALL=C PYTHONUTF8=0`: surrogate escapes) as the UTF-8 letters they spell, bytes
    that spell none (an old zip's Windows-1258 "b\\xe0i") as \\xNN, a lone half of a surrogate pair ("\\ud800" in
    JSON, a cut emoji) as U+FFFD.

    >>> writable_text("caf\\udce9.txt"), writable_text("x\\ud800") == "x\\ufffd"
    ('caf\\\\xe9.txt', True)
    >>> writable_text("b\\udcc3\\udca0i.txt")
    'bài.txt'
    """
    if not _SURROGATES.search(text):
        return text

    def readable(match):
        run = match.group()
        if not "\udc80" <= run[0] <= "\udcff":
            return "\ufffd"
        # letters the bytes spell in UTF-8 (as a UTF-8 locale reads the name), each other byte as \xNN
        return run.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

    return _SURROGATES.sub(readable, text)


def writable_value(value):
    """`value` (text, or dicts and lists of it, as a model card holds) with each text as `writable_text` gives it."""
    if isinstance(value, str):
        return writable_text(value)
    if isinstance(value, dict):
        return {writable_value(k): writable_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [writable_value(v) for v in value]
    return value
