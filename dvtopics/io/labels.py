"""Label files, the one reader: a CSV or .xlsx (id or file, label) or JSONL ({"id", "label"}) -> {id: label}."""
from __future__ import annotations

import itertools
import logging
import operator
import os
import re
from pathlib import Path

from ..errors import InputError
from ..text.normalise import nfc
from .folders import XLSX_SUFFIXES
from .jsonfiles import json_kind, loads
from .read import field_text, missing, read_side_file
from .tables import (cell_text, csv_delimiter, csv_rows, field_names, lines_above_table, repeated_columns,
                     sheet_tables, split_header)
from .write import runs_as_formula

log = logging.getLogger(__name__)

ON_CONFLICT = ("refuse", "drop")  # what to do with an id given two different labels


def _read_csv_labels(path: str | os.PathLike, on_conflict: str, same) -> dict[str, str]:
    """A CSV of article id (or file name) and label -> {id: label} (see `_labels_of_table`). Its rows are read as
    an articles CSV's are (`csv_rows`): a long cell (the articles' own CSV, its text beside the labels) is read
    whole, and a row that is not valid CSV (a quote never closed, which would take the rows after it into one
    label) is refused, naming its line: which labels were meant no one can tell."""
    whole = read_side_file(path)
    delimiter, text = csv_delimiter(whole, "label")
    rows = _valid_rows(path, text, delimiter, lines_above_table(whole, text))
    given, rows = split_header(rows, "label", ("id", "file"), where=path)
    header = field_names(given or [], ("id", "file", "label"))  # " ID ", "Label", "Nhãn"
    return _labels_of_table(path, header, (dict(zip(header, map(unguarded, row))) for row in rows), on_conflict,
                            same, given)


def unguarded(cell: str) -> str:
    """A CSV cell without the "'" that `io.write.csv_cell` puts before text a spreadsheet would run as a formula
    (an id "-a2" written as "'-a2"), so the .csv `dvtopics label --out` writes names its articles as a labels file.

    >>> unguarded("'-a2"), unguarded("'quoted'"), unguarded("-a2"), unguarded("''=x")
    ('-a2', "'quoted'", '-a2', "'=x")
    """
    return cell[1:] if cell.startswith("'") and runs_as_formula(cell.lstrip("'")) else cell


def _valid_rows(path, text: str, delimiter: str, lines_above: int):
    """The CSV's rows; a broken one is refused, naming its line in the file."""
    for line, row, cause, _ in csv_rows(text, delimiter):
        if row is None:
            raise InputError(f"{path}:{line + lines_above}: broken CSV row ({cause}) in a labels file; correct it")
        yield row


def _read_xlsx_labels(path: Path, on_conflict: str, same) -> dict[str, str]:
    """The first sheet of a workbook with a 'label' column, else its first sheet (the .xlsx `dvtopics label
    --out` writes, its labels corrected by hand, say), with the sheets it goes on to past Excel's row limit ("articles
    2", …) -> {id: label} (see `_labels_of_table`); its header and merged cells as `sheet_tables` reads them."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        raise InputError(f"{path}: not an .xlsx workbook ({exc})") from None
    try:
        tables = list(sheet_tables(book, ("id", "file", "label"), "label", path))
        title, _, header, rows, given = next((table for table in tables if "label" in table[2]), None) or (
            tables[0] if tables else (None, None, [], iter(()), []))
        # the sheets a table goes on to past Excel's row limit ("articles 2", "articles 3", … as `io.write` writes
        # `label --out labels.xlsx` of over a million articles), under the same header: their labels were dropped
        more = [table[3] for table in tables
                if title is not None and re.fullmatch(re.escape(title) + r" [0-9]+", table[0]) and table[2] == header]
        table = [dict(zip(header, (cell_text(cell) or "" for cell in row))) for _, row in itertools.chain(rows, *more)]
    finally:
        book.close()
    return _labels_of_table(path, header, table, on_conflict, same, given)


def _labels_of_table(path, header: list[str], rows, on_conflict: str, same, given=None) -> dict[str, str]:
    """{id: label} from a table's rows. The id column may be called `id` (taken as it is: VNTC's ids end in
    .txt) or `file` (a file name, whose .txt is dropped to match the ids `read_articles` gives to .txt
    files). A row whose cells are all blank (a spreadsheet's empty rows) is no row. `given`: the header as the
    file spells it, for the message."""
    if "label" not in header or not ({"id", "file"} & set(header)):
        found = ", ".join(repr(name) for name in (header if given is None else given)) or "none"
        raise InputError(f"{path}: a labels table needs a header with 'id' (or 'file') and 'label'; "
                         f"its header has {found}")
    repeated = repeated_columns(header, ("id", "file", "label"))
    if repeated:
        raise InputError(f"{path}: {repeated}")
    rows = [row for row in rows if any(isinstance(value, str) and value.strip() for value in row.values())]
    if not rows:
        raise InputError(f"{path}: no labels in it (a header only)")
    if "id" in header:
        return labels_by_id(path, ((row.get("id") or "", row.get("label")) for row in rows), on_conflict, same)
    return labels_by_id(path, ((_file_id(row.get("file") or ""), row.get("label")) for row in rows), on_conflict, same)


def _file_id(name: str) -> str:
    """The id `read_articles` gives the .txt file a labels table's `file` cell names: without its .txt, its folders
    split by "/" as the ids' are, though it was written on Windows ("2017\\03\\late.txt" is "2017/03/late"), and
    without a leading "./"."""
    name = name.strip().replace("\\", "/")
    return re.sub(r"\.txt$", "", name.removeprefix("./"), flags=re.I)


def labels_by_id(where, pairs, on_conflict: str = "refuse", same=operator.eq) -> dict[str, str]:
    """{id: label} of (id, label) pairs read from `where` (a file, for messages): each label without the spaces
    around it ("other " is "other"), ids and labels in NFC (as the articles' are read); an id without a label
    (an article `dvtopics label` could not read) labels nothing, and ids none of which has one are refused, as a
    header only is. An id given two different labels is refused, as no one can tell which is meant; with
    `on_conflict="drop"` it is left out, with a warning (`dvtopics label`'s output of an input that repeats an
    id). `same(first, later)` says when two labels are one (the article types however spelt:
    `types.names.same_label`, which this layer cannot import); the first one given is kept."""
    labels, conflicts, blank = {}, {}, 0
    for id_, given in pairs:
        given = None if missing(given) else given  # NaN (json.dumps of a pandas gap): no label, never "nan"
        label = field_text(given)  # a number is its digits, as in an article's label field: 0 is "0"
        if label is None and given is not None:
            raise InputError(f"{where}: id {id_!r} has a label that is {json_kind(given)}, not text or a number")
        label = (label or "").strip()
        if label == "":
            blank += 1
            continue
        id_, label = nfc(id_), nfc(label)
        if id_ in labels and not same(labels[id_], label):
            if on_conflict == "refuse":
                raise InputError(f"{where}: id {id_!r} has two labels, {labels[id_]!r} and {label!r}: keep one")
            conflicts.setdefault(id_, (labels[id_], label))
        labels.setdefault(id_, label)
    if blank and not labels:  # ids without one label (a template not filled in) label nothing: as a header only
        raise InputError(f"{where}: no labels in it (every label is blank)")
    if conflicts:
        id_, (first, second) = next(iter(conflicts.items()))
        log.warning("%s: %d id%s two different labels (e.g. %r: %r and %r): neither is used", where,
                    len(conflicts), " has" if len(conflicts) == 1 else "s have", id_, first, second)
    return {id_: label for id_, label in labels.items() if id_ not in conflicts}


def _json_label_pairs(path: Path) -> list[tuple[str, object]] | None:
    """The (id, label) pairs of a .json labels file: an array of {"id", "label"} objects (JSONL's records in one
    array, as `jq -s` or `json.dump` write them), or one object of labels by id ({"a1": "other", …}); None for a
    file that is no one JSON value (JSON lines named .json, read as such). A .json was read as a CSV, and refused
    as a table whose header is '[{"id": "a1"'."""
    text = read_side_file(path)
    try:
        value = loads(text)
    except ValueError:
        return None
    if isinstance(value, dict) and value and all(not isinstance(label, (dict, list)) for label in value.values()):
        return [(str(id_), label) for id_, label in value.items()]
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        pairs = []
        for number, item in enumerate(value, start=1):
            if "id" not in item or "label" not in item or missing(item["id"]):
                raise InputError(f"{path}: item {number}: a labels array needs {{\"id\": ..., \"label\": ...}} in "
                                 f"each item; it has {', '.join(map(repr, item)) or 'none'}")
            pairs.append((str(item["id"]), item["label"]))
        return pairs
    raise InputError(f"{path}: a .json labels file holds an array of {{\"id\": ..., \"label\": ...}} or one object "
                     f"of labels by id ({{\"a1\": \"other\"}}), not {json_kind(value)}")


def read_labels(path: str | os.PathLike, on_conflict: str = "refuse", same=operator.eq) -> dict[str, str]:
    """Labels by article id from a CSV or .xlsx (id or file, label; see `_labels_of_table`) or the JSONL
    `dvtopics label --out` writes ({"id", "label"} per line). An id given two different labels is refused,
    or left out with a warning when `on_conflict` is "drop"; `same(first, later)` says when two labels are one
    (`types.names.same_label`: an article type however spelt)."""
    if on_conflict not in ON_CONFLICT:
        raise ValueError(f"on_conflict must be one of {', '.join(ON_CONFLICT)}")
    path = Path(path).expanduser()  # "~/labels.csv", as read_articles reads its paths
    if not path.exists():
        raise InputError(f"{path}: no such labels file")
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _read_xlsx_labels(path, on_conflict, same)
    if path.suffix.lower() == ".json":
        pairs = _json_label_pairs(path)
        if pairs is not None:
            return labels_by_id(path, pairs, on_conflict, same)
    elif path.suffix.lower() not in (".jsonl", ".ndjson", ".jl"):
        return _read_csv_labels(path, on_conflict, same)
    pairs = []
    for number, line in enumerate(read_side_file(path).splitlines(), start=1):  # UTF-16 or a BOM too
        if not line.strip():
            continue
        try:
            record = loads(line)
            id_ = None if missing(record["id"]) else field_text(record["id"])  # 17.0 is 17, as the articles' ids
            if id_ is None:
                raise TypeError  # an id left out (or not text or a number): the line names no article
            pairs.append((id_, record["label"]))
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{number}: a labels line needs {{\"id\": ..., \"label\": ...}}") from None
    if not pairs:
        raise InputError(f"{path}: no labels in it (an empty file)")
    return labels_by_id(path, pairs, on_conflict, same)
