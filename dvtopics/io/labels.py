"""Label files, the one reader: a CSV or .xlsx (id or file, label) or JSONL ({"id", "label"}) -> {id: label}."""
from __future__ import annotations

import logging
import operator
import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator, Mapping


from ..errors import ArgumentError, DvtopicsError, InputError
from ..text.normalise import nfc
from .folders import XLSX_SUFFIXES, without_article_suffix
from .jsonfiles import json_kind, loads
from ..arguments import missing, option
from .article import field_text, index_id
from .sidefiles import read_side_file
from .tables import (cell_text, column_meant, csv_delimiter, csv_rows, field_names, lines_above_table,
                     open_workbook, repeated_columns, sheet_tables, split_header)
from .write import runs_as_formula

log = logging.getLogger(__name__)

ON_CONFLICT = ("refuse", "drop")  # what to do with an id given two different labels


def _read_csv_labels(path: str | os.PathLike, on_conflict: str, same, label_field: str,
                     id_field: str = "id") -> dict[str, str]:
    """A CSV of article id (or file name) and label -> {id: label} (see `_labels_of_table`). Its rows are read as
    an articles CSV's are (`csv_rows`): a long cell (the articles' own CSV, its text beside the labels) is read
    whole, and a row that is not valid CSV (a quote never closed, which would take the rows after it into one
    label) is refused, naming its line: which labels were meant no one can tell."""
    whole = read_side_file(path)
    delimiter, text = csv_delimiter(whole, label_field)
    if delimiter == "," and label_field != "label":  # found by neither name under another delimiter: by `label`?
        delimiter, text = csv_delimiter(whole, "label")
    rows = _valid_rows(path, text, delimiter, lines_above_table(whole, text))
    given, rows = split_header(rows, label_field, (id_field, "id", "file"), cells=lambda item: item[1], where=path)
    given = given[1] if given else None
    header = field_names(given or [], _columns(label_field, id_field))  # " ID ", "Label", "Nhãn"
    return _labels_of_table(path, header, ((line, dict(zip(header, map(unguarded, row)))) for line, row in rows),
                            on_conflict, same, given, label_field, id_field)


def _columns(label_field: str, id_field: str = "id") -> tuple[str, ...]:
    """The columns a labels table is read by: the id's or file, and the label's, each named as the articles' field is
    (`--id-field`, `--label-field`), or `id` and `label` (as `label --out` writes them)."""
    return tuple(dict.fromkeys((id_field, "id", "file", label_field, "label")))


def _articles_given(names) -> str:
    """What to do with a file of articles given as a labels file (a text column, or key, under its name or a common one:
    "content", "Nội dung"), for the message that says it has no labels; else ""."""
    if "text" not in field_names(list(names), ["text"]):
        return ""
    return ("; it holds articles (a text field), not labels: give it among the articles (PATHS), its labels in its "
            f"own field ({option('--label-field')} names it), and as {option('--labels')} a file of ids (or files) "
            "and labels")


def _id_column(names, id_field: str) -> str:
    """Where a labels file's ids are: the column (or key) the articles' id field names (`--id-field doc_id`), when
    it has one, else `id`."""
    return id_field if id_field in names else "id"


def _label_column(names, label_field: str) -> str:
    """Where a labels file's labels are: the column (or key) the articles' label field names, when it has one
    (`--label-field loai_bai` for a column `loai_bai`, which was refused as a labels table without 'label'), else
    `label`, the column `label --out` writes."""
    return label_field if label_field in names else "label"


def unguarded(cell: str) -> str:
    """A CSV cell without the "'" that `io.write.csv_cell` puts before text a spreadsheet would run as a formula
    (an id "-a2" written as "'-a2"), so the .csv `dvtopics label --out` writes names its articles as a labels file.

    >>> unguarded("'-a2"), unguarded("'quoted'"), unguarded("-a2"), unguarded("''=x")
    ('-a2', "'quoted'", '-a2', "'=x")
    """
    return cell[1:] if cell.startswith("'") and runs_as_formula(cell.lstrip("'")) else cell


def _valid_rows(path, text: str, delimiter: str, lines_above: int):
    """The CSV's rows, each with its line in the file; a broken one is refused, naming that line."""
    for line, row, cause, _ in csv_rows(text, delimiter):
        if row is None:
            raise InputError(f"{path}:{line + lines_above}: broken CSV row ({cause}) in a labels file; correct it")
        yield line + lines_above, row


def _read_xlsx_labels(path: Path, on_conflict: str, same, label_field: str, id_field: str = "id") -> dict[str, str]:
    """Every sheet of a workbook with an id (or file) and a label column, else its first sheet (the .xlsx
    `dvtopics label --out` writes, its labels corrected by hand, say) -> {id: label} (see `_labels_of_table`); its
    header and merged cells as `sheet_tables` reads them. Only the first such sheet was read: the labels of a second
    round added on a sheet of its own, or of `label --out`'s sheets `articles 2`, … past Excel's rows, were lost
    without a word, and `train` learnt without them."""
    pairs = _workbook_pairs(path, label_field, id_field)
    if not pairs:
        raise InputError(f"{path}: no labels in it (a header only)")
    return labels_by_id(path, pairs, on_conflict, same)  # an id two sheets label apart is refused, as in one sheet


def _workbook_pairs(path: Path, label_field: str, id_field: str = "id", column: str | None = None
                    ) -> list[tuple[str, object]]:
    """(id, label) of each row of a workbook's sheets of labels (`_read_xlsx_labels`), or of its `column` beside them
    (a report's `name_vi`)."""
    tables = _workbook_tables(path, label_field, id_field)
    labelled = [table for table in tables if _label_column(table[1], label_field) in table[1]
                and {_id_column(table[1], id_field), "file"} & set(table[1])]
    pairs = []
    # none: the first sheet's header is the one the error names
    for title, header, rows, given in labelled or tables[:1] or [(None, [], [], [])]:
        pairs += _table_pairs(f"{path}:{title}" if len(labelled) > 1 else path, header, rows, given,
                              column or label_field, id_field)
    return pairs


# The labels workbooks parsed in `workbooks_read_once`, by file: None outside it
_WORKBOOKS: ContextVar[dict | None] = ContextVar("dvtopics_labels_workbooks", default=None)


@contextmanager
def workbooks_read_once() -> Iterator[None]:
    """Within it, a labels workbook is parsed once however often it is looked at: `train` and `evaluate` look at one
    several times (its columns, a report's `name_vi` beside its `label`, its labels), and openpyxl took seconds each
    time on a workbook of thousands of rows. Outside it, each look parses the file again: nothing is kept after
    the job (a workbook of 50,000 rows held 51 MB), a file saved again is read again, and its warnings said again."""
    token = _WORKBOOKS.set({})
    try:
        yield
    finally:
        _WORKBOOKS.reset(token)


def _workbook_tables(path: Path, label_field: str, id_field: str = "id") -> list:
    """(title, header, rows, names) of each sheet of a labels workbook (`sheet_tables`), its rows read whole as
    (row number, {column: cell text}); parsed once in `workbooks_read_once`."""
    read = _WORKBOOKS.get()
    key = (os.path.realpath(path), label_field, id_field)  # (a relative name from another folder is another file)
    if read is not None and key in read:
        return read[key]
    with open_workbook(path) as book:
        tables = [(title, header, [(number, dict(zip(header, (cell_text(cell) or "" for cell in row))))
                                   for number, row in rows], given)
                  for title, _, header, rows, given in sheet_tables(book, _columns(label_field, id_field), label_field,
                                                                    path)]
    if read is not None:
        read[key] = tables
    return tables


def labels_in_column(path: str | os.PathLike, column: str, id_field: str = "id") -> dict[str, str]:
    """{id: cell} of another column of a labels file than its labels' (a report's `name_vi` beside its `label`), its
    rows found as for its labels; a workbook is not read again for it."""
    path = Path(path).expanduser()
    if path.suffix.lower() in XLSX_SUFFIXES:
        return labels_by_id(path, _workbook_pairs(path, "label", id_field, column))
    return read_labels(path, label_field=column, id_field=id_field)


def _labels_of_table(path, header: list[str], rows, on_conflict: str, same, given=None,
                     label_field: str = "label", id_field: str = "id") -> dict[str, str]:
    """{id: label} from a table's rows (`_table_pairs`); a table of no row is refused."""
    pairs = _table_pairs(path, header, rows, given, label_field, id_field)
    if not pairs:
        raise InputError(f"{path}: no labels in it (a header only)")
    return labels_by_id(path, pairs, on_conflict, same)


def _table_pairs(path, header: list[str], rows, given=None, label_field: str = "label",
                 id_field: str = "id") -> list[tuple[str, object]]:
    """(id, label) of each of a table's rows, given as (row number, {column: cell}). The id column may be called
    `id` (taken as it is: VNTC's ids end in .txt) or `file` (a file name, whose .txt is dropped to match the ids
    `read_articles` gives to .txt files); a table with both is read by its ids, and a warning says so where a row's
    file names another article. A row whose cells are all blank (a spreadsheet's empty rows) is no row; a row with
    a label and no id (or file) is refused, naming it: dropped, its label was lost without a word. `given`: the
    header as the file spells it, for the message. The labels are in the column `label_field` names, else in
    `label`; the ids in the column `id_field` names, else in `id`."""
    column, id_column = _label_column(header, label_field), _id_column(header, id_field)
    if column not in header or not ({id_column, "file"} & set(header)):
        names = header if given is None else given
        found = ", ".join(repr(name) for name in names) or "none"
        meant = next((column_meant(field, names) for field in (label_field, id_field)
                      if field not in ("label", "id") and column_meant(field, names)), None)
        raise InputError(f"{path}: a labels table needs a header with "
                         + (f"'{id_field}' (or 'id', or 'file')" if id_field != "id" else "'id' (or 'file')")
                         + " and " + (f"'{label_field}' (or 'label')" if label_field != "label" else "'label'")
                         + f"; its header has {found}" + (f": did you mean {meant!r}?" if meant else "")
                         + ("" if meant else _articles_given(names)))
    repeated = repeated_columns(header, (id_column, "file", column))
    if repeated:
        raise InputError(f"{path}: {repeated}")
    rows = [(number, row) for number, row in rows
            if any(isinstance(value, str) and value.strip() for value in row.values())]
    by_file = id_column not in header
    read_by = "file" if by_file else id_column
    pairs = []
    for number, row in rows:
        id_ = _file_id(row.get("file") or "") if by_file else (row.get(id_column) or "")
        if not id_.strip() and (row.get(column) or "").strip():
            beside = (f" (where a table has both, its '{id_column}' column is read, not 'file')"
                      if not by_file and "file" in header and (row.get("file") or "").strip() else "")
            raise InputError(f"{path}: row {number} has the label {row.get(column).strip()!r} but no {read_by}"
                             f"{beside}: fill in its {read_by}, or clear the row")
        pairs.append((id_, row.get(column)))
    if not by_file and "file" in header:
        other = next(((number, row) for number, row in rows if (row.get("file") or "").strip()
                      and _file_id(row["file"]) != (row.get(id_column) or "").strip()), None)
        if other:
            number, row = other
            log.warning("%s: it has both an '%s' and a 'file' column; the ids are read, not the files (row %d: "
                        "id %r, file %r)", path, id_column, number, row.get(id_column), row["file"])
    return pairs


def _file_id(name: str) -> str:
    """The id `read_articles` gives the .txt file (or document) a labels table's `file` cell names: without its .txt
    (.docx, .odt), its folders split by "/" as the ids' are, though it was written on Windows ("2017\\03\\late.txt"
    is "2017/03/late"), and without a leading "./"."""
    name = name.strip().replace("\\", "/")
    return without_article_suffix(name.removeprefix("./"))


# An id Excel saved into a CSV as it shows a long number: "2.14702E+11" for 214702010001, its digits lost. Two such
# ids became one "with two labels: keep one", and the others labelled no article, with no word of why.
_EXCEL_NOTATION = re.compile(r"[+-]?\d(?:[.,]\d+)?E\+\d+", re.IGNORECASE)
EXCEL_NOTATION = ("an id Excel wrote in scientific notation (a long number shown so), its digits lost: format the id "
                  "column as text in the sheet (or save it as .xlsx) and export it again")


def excel_notation(id_) -> bool:
    """Whether an id is a number Excel wrote in scientific notation ("2.14702E+11"), its digits lost."""
    return isinstance(id_, str) and bool(_EXCEL_NOTATION.fullmatch(id_.strip()))


def labels_by_id(where, pairs, on_conflict: str = "refuse", same=operator.eq) -> dict[str, str]:
    """{id: label} of (id, label) pairs read from `where` (a file, for messages): each label without the spaces
    around it ("other " is "other"), ids and labels in NFC (as the articles' are read); an id without a label
    (an article `dvtopics label` could not read) labels nothing, and ids none of which has one are refused, as a
    header only is. An id given two different labels is refused, as no one can tell which is meant; with
    `on_conflict="drop"` it is left out, with a warning (`dvtopics label`'s output of an input that repeats an
    id). `same(first, later)` says when two labels are one (the article types however spelt:
    `types.names.same_label`, which this layer cannot import); the first one given is kept. A pair may carry a third
    item, the file it came from, which an id's two labels are named by (several labels files: which said which)."""
    labels, conflicts, blank, given_in = {}, {}, 0, {}
    for id_, given, *source in pairs:
        given = None if missing(given) else given  # NaN (json.dumps of a pandas gap): no label, never "nan"
        label = field_text(given)  # a number is its digits, as in an article's label field: 0 is "0"
        if label is None and given is not None:
            raise InputError(f"{where}: id {id_!r} has a label that is {json_kind(given)}, not text or a number")
        label = (label or "").strip()
        if label == "":
            blank += 1
            continue
        # an id without the spaces around it, as its label is: a sheet's cell "a1 " (pasted) labelled no article
        id_, label = nfc(id_.strip() if isinstance(id_, str) else id_), nfc(label)
        if id_ == "":  # ({"": "other"}, {"id": " ", …}): its label was lost without a word, as a table's row's was
            raise InputError(f"{where}: the label {label!r} is given a blank id: fill in its id, or leave it out")
        if id_ in labels and not same(labels[id_], label):
            if on_conflict == "refuse":
                first, later = ((f"{labels[id_]!r} in {given_in[id_]}", f"{label!r} in {source[0]}") if source else
                                (repr(labels[id_]), repr(label)))
                raise InputError(f"{where}: id {id_!r} has two labels, {first} and {later}: "
                                 + (f"it is {EXCEL_NOTATION}" if excel_notation(id_) else "keep one"))
            conflicts.setdefault(id_, (labels[id_], label))
        labels.setdefault(id_, label)
        if source:
            given_in.setdefault(id_, source[0])
    if blank and not labels:  # ids without one label (a template not filled in) label nothing: as a header only
        raise InputError(f"{where}: no labels in it (every label is blank)")
    if conflicts:
        id_, (first, second) = next(iter(conflicts.items()))
        log.warning("%s: %d id%s two different labels (e.g. %r: %r and %r): neither is used", where,
                    len(conflicts), " has" if len(conflicts) == 1 else "s have", id_, first, second)
    return {id_: label for id_, label in labels.items() if id_ not in conflicts}


def labels_given(labels, name: str = "gold_labels") -> dict[str, str]:
    """Labels given from Python ({id: label}, or a pandas Series of labels by id: a labels column as an analyst
    holds it), read as a labels file's are (`labels_by_id`): ids and labels as text, so an id 17 (pandas reads a
    numeric id column as numbers) matches the article "17", and a label 0 is the label "0", not "no label". `name`
    is the argument, for messages."""
    if not by_id(labels):
        raise TypeError(f"{name}: a mapping of article id to label (a dict, or a pandas Series), "
                        f"not {type(labels).__name__}")
    if indexed_by_position(labels):
        raise InputError(f"{name}: a pandas Series indexed by position (0, 1, 2, …, as df['label'] is), not by the "
                         "articles' ids: index it by id (df.set_index('id')['label'])")
    pairs = []
    for id_, label in labels.items():
        try:  # read as a DataFrame's row label is read for its article's id (a Timestamp, a float 10.0)
            id_text = None if missing(id_) else index_id(id_)
        except ValueError as exc:
            raise InputError(f"{name}: {exc}") from None
        if not isinstance(id_text, str):
            raise InputError(f"{name}: the id {id_!r} is not text or a number")
        pairs.append((id_text, _as_text(label)))
    return labels_by_id(name, pairs)


def by_id(labels) -> bool:
    """Whether labels given from Python are by article id (a dict, a pandas Series indexed by id), not one per
    article in order (a list, a numpy array). A Series is no Mapping."""
    return isinstance(labels, Mapping) or (getattr(labels, "ndim", None) == 1 and hasattr(labels, "items"))


def indexed_by_position(labels) -> bool:
    """Whether labels are a pandas Series with pandas' own index (0, 1, 2, …: a DataFrame's column as read), which
    numbers rows, not articles: read by id, ids 1, 2, 3 … gave each article the next row's label, in silence."""
    return type(getattr(labels, "index", None)).__name__ == "RangeIndex"


def labels_in_order(labels, n_articles: int, name: str) -> list[str | None]:
    """Labels given one per article, in the articles' order (a list, a numpy array), as text as `labels_given` reads
    them; None where one is missing (None, NaN: a pandas column's gap)."""
    if isinstance(labels, (str, bytes)) or not hasattr(labels, "__len__"):
        raise TypeError(f"{name}: labels by article id (a dict, a pandas Series indexed by id) or one per article in "
                        f"their order (a list), not {type(labels).__name__}")
    if len(labels) != n_articles:
        raise DvtopicsError(f"{name}: {len(labels)} labels for {n_articles} articles: give one per article, in their "
                            "order, or labels by id (a dict, a pandas Series indexed by id)")
    texts = []
    for label in labels:
        text = _as_text(label)
        if text is not None and not isinstance(text, str):
            raise InputError(f"{name}: the label {label!r} is not text or a number")
        texts.append(nfc(text.strip()) or None if text is not None else None)
    return texts


def _as_text(value):
    """A Python or numpy value as the readers take it (`field_text`), a missing value (None, NaN: a pandas column's
    gap) as no label."""
    if missing(value):
        return None
    return field_text(value) or value  # anything else is refused by labels_by_id, which names it


def _json_label_pairs(path: Path, label_field: str, id_field: str = "id") -> list[tuple[str, object]] | None:
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
            item = _named(item, label_field, id_field)
            column, id_key = _label_column(item, label_field), _id_column(item, id_field)
            if id_key not in item or column not in item or missing(item[id_key]):
                raise InputError(f"{path}: item {number}: a labels array needs {{{_key(id_field, 'id')}: ..., "
                                 f"{_key(label_field)}: ...}} in each item; it has "
                                 f"{', '.join(map(repr, item)) or 'none'}" + _articles_given(item))
            pairs.append((str(item[id_key]), item[column]))
        return pairs
    raise InputError(f"{path}: a .json labels file holds an array of {{\"id\": ..., \"label\": ...}} or one object "
                     f"of labels by id ({{\"a1\": \"other\"}}), not {json_kind(value)}")


def labels_file_columns(path: str | os.PathLike, label_field: str = "label", id_field: str = "id") -> list[str]:
    """The columns of a labels file's table (its first sheet of labels), or the keys of its first record, as
    `read_labels` names them (`id`, `label`, and the others as the file spells them); [] for an object of labels by
    id. For messages: whether a file read as labels holds more than labels (a text column under another name)."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        tables = _workbook_tables(path, label_field, id_field)
        return next((table[1] for table in tables if _label_column(table[1], label_field) in table[1]),
                    tables[0][1] if tables else [])
    text = read_side_file(path, say=False)  # a look at its columns, for a message: it is read for its labels too
    if suffix in (".json", ".jsonl", ".ndjson", ".jl"):
        try:
            value = loads(text)
        except ValueError:  # JSON lines
            value = loads(next((line for line in text.splitlines() if line.strip()), "{}"))
        if isinstance(value, list):
            value = value[0] if value else {}
        if not isinstance(value, dict) or (id_field not in value and "id" not in value):
            return []  # an object of labels by id, or no record
        return list(value)
    delimiter, table = csv_delimiter(text, label_field)
    header, _ = split_header(csv_rows(table, delimiter), label_field, (id_field, "id", "file"), lambda item: item[1],
                             say=False)  # (the reading of the labels says what it passes over)
    return field_names(header[1] if header else [], _columns(label_field, id_field))


def _named(record, label_field: str, id_field: str):
    """A JSON record with its keys named as a table's columns are (`field_names`: "Label", " ID ", "Nhãn"), as the
    articles' records are read: a labels line {"id", "Category"} was refused for --label-field category."""
    if not isinstance(record, dict):
        return record
    return dict(zip(field_names(list(record), _columns(label_field, id_field)), record.values()))


def _key(field: str, default: str = "label") -> str:
    """How a key is named in a message: "label", or "category" (or "label")."""
    return f'"{default}"' if field == default else f'"{field}" (or "{default}")'


def read_labels(path: str | os.PathLike, on_conflict: str = "refuse", same=operator.eq,
                label_field: str = "label", id_field: str = "id") -> dict[str, str]:
    """Labels by article id from a CSV or .xlsx (id or file, label; see `_labels_of_table`) or the JSONL
    `dvtopics label --out` writes ({"id", "label"} per line). An id given two different labels is refused,
    or left out with a warning when `on_conflict` is "drop"; `same(first, later)` says when two labels are one
    (`types.names.same_label`: an article type however spelt). `label_field`: the articles' label field
    (`--label-field`), whose column or key holds the labels where a file has one; else `label` does. `id_field`
    likewise (`--id-field`), else `id`."""
    for name, field in (("label_field", label_field), ("id_field", id_field)):
        if not isinstance(field, str) or not field.strip():
            raise ValueError(f"{name} {field!r}: give the name of a field, as text")
    if on_conflict not in ON_CONFLICT:
        raise ValueError(f"on_conflict must be one of {', '.join(ON_CONFLICT)}")
    if not isinstance(path, (str, os.PathLike)):  # a DataFrame of labels failed deep in pathlib with a TypeError
        raise ArgumentError(f"read_labels reads a labels file: give its path, not a {type(path).__name__} (labels "
                            "held in Python are already what it gives: a dict of id to label)")
    path = Path(path).expanduser()  # "~/labels.csv", as read_articles reads its paths
    if not path.exists():
        raise InputError(f"{path}: no such labels file")
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _read_xlsx_labels(path, on_conflict, same, label_field, id_field)
    if path.suffix.lower() == ".json":
        pairs = _json_label_pairs(path, label_field, id_field)
        if pairs is not None:
            return labels_by_id(path, pairs, on_conflict, same)
    elif path.suffix.lower() not in (".jsonl", ".ndjson", ".jl"):
        return _read_csv_labels(path, on_conflict, same, label_field, id_field)
    pairs = []
    for number, line in enumerate(read_side_file(path).splitlines(), start=1):  # UTF-16 or a BOM too
        if not line.strip():
            continue
        record = None
        try:
            record = _named(loads(line), label_field, id_field)
            id_key = _id_column(record, id_field)
            id_ = None if missing(record[id_key]) else field_text(record[id_key])  # 17.0 is 17, as the articles' ids
            if id_ is None:
                raise TypeError  # an id left out (or not text or a number): the line names no article
            pairs.append((id_, record[_label_column(record, label_field)]))
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{number}: a labels line needs {{{_key(id_field, 'id')}: ..., "
                             f"{_key(label_field)}: ...}}"
                             + (_articles_given(record) if isinstance(record, dict) else "")) from None
    if not pairs:
        raise InputError(f"{path}: no labels in it (an empty file)")
    return labels_by_id(path, pairs, on_conflict, same)
