"""The articles of JSON files: JSON lines (an article a line, or an array a line), and .json documents, as
scrapers, APIs, databases and pandas write them (an array streamed item by item, an object that holds the articles,
a table by columns or rows)."""
from __future__ import annotations

import collections
import contextlib
import itertools
import logging
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..arguments import command_line_runs, option
from ..errors import InputError
from .article import TOKENS_FIELD, Article
from .decode import decode_text
from .files import LineRange, blank_line, numbered_lines, read_all
from .jsonfiles import DECODER, json_error, json_kind, json_records, line_value, loads, next_array_item
from .metadata import date_order
from .notes import warn_once
from .records import (FieldNames, article_key, dates_month_first, failed, fields_found, did_you_mean,
                      holds_labels_only, labels_table_given, LeadsRead, named_fields, over_limit, record_to_article,
                      SiteRows, spelt_fields, utf8_size, value_inside)
from .tables import field_names

log = logging.getLogger(__name__)


# how many records of a JSONL/JSON file are read before it is refused when none has the text field
TEXT_FIELD_RECORDS = 100


def with_text_field(path: Path, fields: "FieldNames", on_error: str, items: Iterable,
                    whole: bool = False, month_first: bool = False) -> Iterator[Article]:
    """The articles of a JSONL/JSON file's `items` (a record as the arguments of `record_to_article`, or an
    `Article` that could not be read), unless none of its first `TEXT_FIELD_RECORDS` records (all of them, in a
    smaller file) has the text field: a --text-field mistyped, or a text saved under another name ("content").
    The file is then one error naming the field and the fields its records have, as a table without the text
    column is (`header_problem`), and is read no further; its articles are not taken from their titles. Once
    one record has the field, the records before it come out as they are (a record without it is read from its
    title, with a warning in its record), and reading streams on.

    `whole`: `items` are a whole document's (a .json file, in memory already), whose date field is then read in the
    order all its dates show (`dates_month_first`); `month_first`: that order, found before (`_jsonl_month_first`)."""
    stopped = None
    if whole:
        collected = []
        try:
            collected.extend(items)
        except InputError as exc:  # on_error="raise": the articles before the fault still come first, then the error
            stopped = exc
        items = collected
        dates = {}  # {value: the field's name as the record spells it}
        for item in items:
            if not isinstance(item, Article) and isinstance(item[0], dict):
                record, spelt = spelt_fields(item[0], fields)
                # (text alone shows an order, as `_jsonl_month_first` reads it: mongoexport's {"$date": …} is none)
                if isinstance(record.get(fields.date), str):
                    dates.setdefault(record[fields.date], spelt[fields.date])
        month_first = dates_month_first(dates, path, next(iter(dates.values()), fields.date), "field")
    pending, names, records, found = [], {}, 0, False
    items = iter(items)
    for item in items:
        pending.append(item)
        if isinstance(item, Article):  # an error, logged where it was made
            continue
        if fields.text in named_fields(item[0], fields):
            found = True
            break
        names.update(dict.fromkeys(name for name in item[0] if isinstance(name, str)))  # as the file spells them
        records += 1
        if records == TEXT_FIELD_RECORDS:
            break
    if records and not found:
        which = f"its first {records} records" if records == TEXT_FIELD_RECORDS else "any of its records"
        yield from (item for item in pending if isinstance(item, Article))
        yield failed(path.name, f"{path}: no '{fields.text}' field ({option('--text-field')}) in {which}"
                     f"{did_you_mean(fields.text, names)}; their fields are {fields_found(names)}"
                     f"{_output_given(names, fields)}", on_error)
        return
    lacking = _named_fields_lacking(fields, items, pending) if found else None
    if lacking:  # a warning, not an error: JSON leaves an empty field out, and a later record may have it
        said, kind = lacking
        warn_once(str(path), said, kind)  # (once with a count for many files, or a Dask run's parts)
    site, leads = SiteRows(path), LeadsRead()
    for item in itertools.chain(pending, items):
        if isinstance(item, Article):
            yield item
        elif not (isinstance(item[0], dict) and site.passes(item[0])):
            yield from record_to_article(*item, month_first=month_first, leads=leads)
    site.close()
    leads.say(path)  # (at the end: from what all its records held, the file read once)
    if stopped is not None:
        raise stopped


def _output_given(names: dict, fields: FieldNames) -> str:
    """What to give instead when the records without a text are a dvtopics output given as articles: `segment`'s words
    (`topics fit seg.jsonl`), `label --out`'s labels, `inspect --format jsonl`'s listing. Each was told it had no text
    field and no more (a table of labels is told by `header_problem`)."""
    if TOKENS_FIELD in names and set(names) <= {fields.id, TOKENS_FIELD, "error"}:
        given = (f"--text-field {TOKENS_FIELD}" if command_line_runs() else f"fields={{'text': '{TOKENS_FIELD}'}}")
        return (": the words `dvtopics segment` wrote, without titles or dates: give the articles they were "
                f"segmented from (to fit topics on these words as they are, {given})")
    if holds_labels_only(names, fields):
        return f"; {labels_table_given()}"
    if {"chars", "words"} <= set(names) and fields.title in names:
        return ": the listing `dvtopics inspect` writes, without the articles' text: give the articles it lists"
    return ""


def _named_fields_lacking(fields: "FieldNames", items: Iterator, pending: list) -> tuple[str, str] | None:
    """What a JSONL/JSON file lacks, said and as a kind of warning, or None: none of its first
    `TEXT_FIELD_RECORDS` records has a field an option named other than the text's (`--date-field ngay`,
    `--title-field meta.title`: mistyped, or inside an object): read without a word, every article lacked its date or
    title. Said, not refused as a table without such a column is (`header_problem`): a JSON record leaves an empty
    field out, and the records after these may have it. The records read to tell go on `pending`. A --label-field is
    not checked: it names the labels file's column too, whose labels the articles need not have (`train
    --labels`)."""
    named = {flag: name for flag, name in fields.named().items() if flag not in ("--text-field", "--label-field")}
    if not named:
        return None

    def read_on() -> Iterator:
        yield from list(pending)  # (the records read already, the first with the text last)
        for item in items:
            pending.append(item)
            yield item

    seen, spelt, records = {}, {}, 0  # the fields' names as matched, and as the file spells them
    for item in read_on():
        if isinstance(item, Article):
            continue
        records += 1
        record, spelling = spelt_fields(item[0], fields)
        seen.update(dict.fromkeys(record))
        spelt.update(dict.fromkeys(spelling.values()))
        if all(name in seen for name in named.values()) or records == TEXT_FIELD_RECORDS:
            break
    missing = [(flag, name) for flag, name in named.items() if name not in seen]
    if not missing:
        return None
    looked = records == TEXT_FIELD_RECORDS  # (else the whole file was read to tell)
    which = f"its first {records} records" if looked else "any of its records"
    given = [name for name in spelt if isinstance(name, str)]
    said = ("; ".join(f"no '{name}' field ({option(flag)})" + did_you_mean(name, given) for flag, name in missing)
            + f" in {which}; their fields are {fields_found(given)}: "
            + ("read all the same, each later record with it giving it" if looked else "read without it"))
    return said, "; ".join(f"no '{name}' field ({option(flag)})" for flag, name in missing)


def read_jsonl(path: Path, fields: "FieldNames", on_error: str, max_bytes: int,
               lines: "LineRange | None" = None) -> Iterator[Article]:
    """The articles of a JSONL file (of `lines` of it: a Dask part, checked for the text field on its own; its dates
    are read in the order the whole file's show, as the local engine reads them)."""
    return with_text_field(path, fields, on_error, _jsonl_items(path, fields, on_error, max_bytes, lines),
                           month_first=_jsonl_month_first(path, fields, max_bytes))


_MONTH_FIRST_FILES: dict = {}  # (path, size, modified, fields): whether its date field is month first, in this process


def _jsonl_month_first(path: Path, fields: "FieldNames", max_bytes: int) -> bool:
    """Whether a JSONL file's date field is month first (`dates_month_first`), over the whole file: a first pass reads
    the date field of each line (decoded quietly: the reading pass says what is wrong with a line), up to the first
    date that reads day first only, and no further than its first `TEXT_FIELD_RECORDS` lines when none has a date.
    Once a process per file: each Dask part of it decides as the whole file does."""
    try:
        stat = path.stat()
    except OSError:
        return False  # (the reading pass says why)
    key = (str(path), stat.st_size, stat.st_mtime_ns, fields)
    if key not in _MONTH_FIRST_FILES:
        spelt, date_keys = [], {}  # {a record's keys: the one that holds its date, or None}

        def dates() -> Iterator[str]:
            seen = 0
            for _, line in numbered_lines(path, None, max_bytes):
                seen += 1
                if seen > TEXT_FIELD_RECORDS and not spelt:
                    return  # no date field in its first lines: a file without dates is not read twice
                if not isinstance(line, bytes):
                    continue
                try:
                    value = line_value(line.decode("utf-8"))
                except (ValueError, RecursionError):
                    continue
                for record in value if isinstance(value, list) else [value]:
                    if not isinstance(record, dict):
                        continue
                    keys = tuple(record)  # (the records of a file share their keys: matched once)
                    if keys not in date_keys:
                        names = field_names(keys, fields.wanted())
                        date_keys[keys] = keys[names.index(fields.date)] if fields.date in names else None
                    date_key = date_keys[keys]
                    value = record[date_key] if date_key is not None else value_inside(record, fields.date)
                    if isinstance(value, str):  # (a field inside an object too: `--date-field meta.date`)
                        spelt[:] = spelt or [date_key or fields.date]
                        yield value

        order = date_order(dates())
        _MONTH_FIRST_FILES[key] = order[0] and dates_month_first([order[1]], path, spelt[0], "field")
    return _MONTH_FIRST_FILES[key]


_LONE_KEYS: dict = {}  # (path, size, modified, fields): `_lone_keys` of the file, in this process


def _lone_keys(path: Path, fields: "FieldNames", max_bytes: int) -> tuple[dict[str, int], set[str]]:
    """({key: the line it is first seen on} of each key that more than one record of a JSONL file is alone under
    (`article_key`), {each key that a record named by its place is named by too}), over the whole file: a Dask part
    that starts further on names such a record by its place, as the whole file read in order does, and a key that is
    another record's place ({"3": {…}} and, without a key, line 3) is spelt as a key (`_KeyedIds`). A pass over the
    whole file, made once a process per file and only when a reading meets a record alone under a key; a line that
    is no JSON, or no object, is named by its place, as its reading names its error."""
    try:
        stat = path.stat()
    except OSError:
        return {}, set()  # (the reading pass says why)
    cached = (str(path), stat.st_size, stat.st_mtime_ns, fields)
    if cached not in _LONE_KEYS:
        first, again = {}, set()
        placed, items_placed = bytearray(), set()  # (a byte a line: 1 where its record is named by its place)
        for number, line in numbered_lines(path, None, max_bytes):
            if isinstance(line, bytes) and blank_line(line):
                continue
            records = None
            if isinstance(line, bytes) and len(line) <= max_bytes:
                with contextlib.suppress(InputError):
                    records = json_records(decode_text(line, str(path), line=True, say=False)[0], str(path))
            keys = [article_key(record, fields) for record in
                    ([records] if isinstance(records, dict) else records or [None])]
            for item, key in enumerate(keys, 1):
                if key is not None and key not in first:
                    first[key] = number
                    continue
                if key is not None:
                    again.add(key)
                if isinstance(records, list):  # an array's items are named by their place in it: "3:2"
                    items_placed.add(f"{number}:{item}")
                else:
                    placed.extend(bytes(number + 1 - len(placed)))
                    placed[number] = 1
        shared = {key for key in first if key in items_placed
                  or key.isdigit() and key == str(int(key)) and int(key) < len(placed) and placed[int(key)]}
        _LONE_KEYS[cached] = {key: first[key] for key in again}, shared
    return _LONE_KEYS[cached]


def _jsonl_items(path: Path, fields: "FieldNames", on_error: str, max_bytes: int,
                 lines: "LineRange | None") -> Iterator:
    def whole_file() -> tuple[set[str], set[str]]:
        # (a Dask part after the first: the keys seen again that the lines before it hold are no ids here, as in the
        # whole file read)
        again, shared = _lone_keys(path, fields, max_bytes)
        return {key for key, number in again.items() if lines is not None and number < lines[1]}, shared

    keyed_id = _KeyedIds(path.name, whole_file, later_part=lines is not None and lines[1] > 1)
    for number, line in numbered_lines(path, lines, max_bytes):
        where, fallback_id = f"{path}:{number}", f"{path.name}:{number}"
        if isinstance(line, str):  # reading stopped here
            yield failed(fallback_id, f"{where}: {line}", on_error)
            return
        size = line if isinstance(line, int) else len(line)
        if size > max_bytes:
            yield failed(fallback_id, over_limit(f"{where}: line", size, max_bytes), on_error)
            continue
        if blank_line(line):
            continue
        try:
            text, warning = decode_text(line, where, line=True)
            records = json_records(text, where)
        except InputError as exc:
            yield failed(fallback_id, str(exc), on_error)
            continue
        if isinstance(records, dict):
            yield records, keyed_id(records, fields, fallback_id), fields, on_error, where, warning
            continue
        for item, record in enumerate(records, 1):  # a line that holds an array: each item is named by its place
            yield record, keyed_id(record, fields, f"{fallback_id}:{item}"), fields, on_error, \
                f"{where}, item {item}", warning


_PLACE_SHAPED = re.compile(r"\d+(?::\d+)?")  # a line's place, or an item's in a line's array ("3", "3:2")


class _KeyedIds:
    """The fallback ids of one file's records, read in order: a record that is one article under its key ({"a1":
    {…}}: `article_key`) is named by the file's name and that key, as a .json object of articles by key names them;
    any other by its place (`fallback_id`, "file:line"), as is one under a key without a digit (`article_key`: a
    wrapper's name) or a key seen again in the file. A key that is another record's place too ({"3": {…}} and line 3
    without a key) is spelt as a key, "file:key 3": two articles had one id. `whole_file`: (the keys seen again
    before the records read here, a Dask part's; the keys that are places too), asked for once a record alone under a
    key is met that needs it: in a `later_part` of a file (a Dask part's), any key; else a key shaped as a place
    ("3", "3:2"), as only those can be one: a file of word keys read from its start is read once. Without it (a .json
    document, in memory), `keys_apart` spells them once all its records are read."""

    def __init__(self, file: str, whole_file: "Callable[[], tuple[set[str], set[str]]] | None" = None,
                 later_part: bool = False):
        self.file, self.seen, self.whole_file, self.shared = file, set(), whole_file, set()
        self.later_part = later_part
        # {id() of a record named by its key: the key}, for `keys_apart` where no `whole_file` tells (held in memory)
        self.by_key: dict[int, str] | None = None if whole_file else {}

    def __call__(self, record, fields: "FieldNames", fallback_id: str) -> str:
        key = article_key(record, fields)
        if key is not None and self.whole_file is not None and (self.later_part or _PLACE_SHAPED.fullmatch(key)):
            before, self.shared = self.whole_file()
            self.seen |= before
            self.whole_file = None
        if key is None or key in self.seen:
            return fallback_id
        self.seen.add(key)
        if key in self.shared:
            return self.spelt(key)
        if self.by_key is not None:
            self.by_key[id(record)] = key
        return f"{self.file}:{key}"

    def spelt(self, key: str) -> str:
        return f"{self.file}:key {key}"

    def keys_apart(self, items: Iterable) -> Iterator:
        """A whole document's `items` (`with_text_field`'s), each whose id a key gave and a place gives another spelt
        as a key ("x.json:key 3"); the items before an `InputError` (on_error="raise") first, then the error."""
        collected, stopped = [], None
        try:
            collected.extend(items)
        except InputError as exc:
            stopped = exc
        # (a key gives its id to one record, the first under it: an id given twice is a key's and a place's)
        given = collections.Counter(item.id if isinstance(item, Article) else item[1] for item in collected)
        for item in collected:
            if not isinstance(item, Article) and id(item[0]) in self.by_key and given[item[1]] > 1:
                item = (item[0], self.spelt(self.by_key[id(item[0])]), *item[2:])
            yield item
        if stopped is not None:
            raise stopped


def read_json(path: Path, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator[Article]:
    """A .json file (gzip data too, whatever its name says): an array of articles, one article, or (misnamed)
    JSON lines."""
    data, problem = read_all(path)  # `problem`: why reading stopped early (a gzip file cut short)
    if problem and not data.strip():
        yield failed(path.name, f"{path}: {problem}", on_error)
        return
    try:
        text, warning = decode_text(data, str(path))
    except InputError as exc:
        yield failed(path.name, str(exc), on_error)
        return
    start = len(text) - len(text.lstrip())
    rows = _rows_table(text, start, fields) if text.startswith("[", start) else None
    if rows is not None:  # [["id", "text"], ["a1", "…"], …]: a sheet's rows, its header first
        log.warning("%s: a JSON array of rows under a header row (a sheet's values): read as a table, an article a "
                    "row", path)
        yield from with_text_field(path, fields, on_error, _held_items(path, rows, fields, on_error, max_bytes,
                                                                       warning), whole=True)
        return
    if text.startswith("[", start):
        keyed_id = _KeyedIds(path.name)
        items = keyed_id.keys_apart(_json_array_items(path, text, start + 1, fields, on_error, max_bytes, keyed_id,
                                                      warning))
        yield from with_text_field(path, fields, on_error, _tables_in_array(path, items, fields, on_error, max_bytes),
                                   whole=True)
        if problem:  # the items before the fault are read; what follows it is lost, and said so
            yield failed(path.name, f"{path}: {problem}; the articles after it are not read", on_error)
        return
    try:
        record = loads(text)
    except (ValueError, RecursionError):
        if _objects_over_lines(text, start):  # `jq . a.jsonl > a.json`: read line by line, each line was an error
            log.warning("%s: JSON objects one after another, each over several lines (as `jq .` prints them): each "
                        "is read as an article", path)
            keyed_id = _KeyedIds(path.name)
            yield from with_text_field(path, fields, on_error, keyed_id.keys_apart(_objects_one_after_another(
                path, text, start, fields, on_error, max_bytes, keyed_id, warning)), whole=True)
            return
        yield from read_jsonl(path, fields, on_error, max_bytes)  # one object per line
        return
    held = _records_held(record, fields)
    if held is not None:  # {"data": [...]}, an API's export; {"text": {"0": …}}, a DataFrame's to_json(): its articles
        what, items = held
        log.warning("%s: %s: read as its %d article%s", path, what, len(items), "s" * (len(items) != 1))
        yield from with_text_field(path, fields, on_error, _held_items(path, items, fields, on_error, max_bytes,
                                                                       warning), whole=True)
        return
    try:
        if not isinstance(record, dict):
            raise InputError(f"{path}: a JSON array of articles or one article is expected, "
                             f"not {json_kind(record)}")
        if utf8_size(text) > max_bytes:
            raise InputError(over_limit(str(path), utf8_size(text), max_bytes))
    except InputError as exc:
        yield failed(path.stem, str(exc), on_error)
        return
    yield from with_text_field(path, fields, on_error, [(record, path.stem, fields, on_error, str(path), warning)])


def _header_rows(value, fields: "FieldNames") -> list[tuple[str, str, object]] | None:
    """The records of a table given as rows, its header first ([["id", "text"], ["a1", "…"]], as a sheet's values
    are exported: Google Sheets' API, `df.values.tolist()` under its columns), when the header is text that names
    the text field; else None."""
    if not (isinstance(value, list) and value and isinstance(value[0], list) and value[0]
            and all(isinstance(name, str) for name in value[0])):
        return None
    header = field_names(value[0], fields.wanted())
    if fields.text not in header:
        return None
    return [(f"row {n}", str(n), dict(zip(header, row)) if isinstance(row, list) else row)
            for n, row in enumerate(value[1:], start=2)]


def _rows_table(text: str, start: int, fields: "FieldNames") -> list[tuple[str, str, object]] | None:
    """`_header_rows` of a JSON text that opens an array at `start`, looked for only when its first item is a list
    (an array of articles is streamed, an item at a time)."""
    after = len(text) - len(text[start + 1:].lstrip())
    if not text.startswith("[", after):
        return None
    try:
        return _header_rows(loads(text), fields)
    except (ValueError, RecursionError):
        return None


def _records_held(record, fields: "FieldNames") -> tuple[str, list[tuple[str, str, object]]] | None:
    """(what the file is, in words; [(where, fallback id's tail, item)]) when a JSON file's one object is no article
    but holds the articles, as APIs, databases and pandas write them; None otherwise (one article, read as such):
    - a wrapper of their list ({"data": [...], "total": 2}, {"items": [...]}): no text field, and exactly one of its
      values a list of objects;
    - a table by columns, as pandas' `df.to_json(path)` writes a DataFrame ({"id": {"0": "a1", "1": "a2"}, "text":
      {"0": …, "1": …}}): its text field an object, as every field is, all of the same keys (the rows);
    - a table as its columns' names and its rows ({"columns": ["id", "text"], "data": [["a1", …], …]}, as
      `df.to_json(orient="split")` writes it);
    - articles by key (`df.to_json(orient="index")`, a Firebase export: {"0": {"text": …}, "1": {…}}): no text field,
      every value an object, one at least with the text field."""
    if not isinstance(record, dict) or not record:
        return None
    named = named_fields(record, fields, unwrap_lone_key=False)  # ({"a1": {"text": …}}: articles by key, the one an id)
    values = list(record.values())
    if fields.text in named:
        rows = next(iter(values)) if isinstance(next(iter(values)), dict) else None
        if isinstance(named[fields.text], dict) and rows and all(isinstance(v, dict) and v.keys() == rows.keys()
                                                                 for v in values):
            items = [(f"row {row!r}", str(n), {column: record[column][row] for column in record})
                     for n, row in enumerate(rows, 1)]
            return "a table saved by columns (pandas' DataFrame.to_json()), each field an object of its rows", items
        return None
    columns, data = named.get("columns"), named.get("data")
    if isinstance(columns, list) and isinstance(data, list) and fields.text in field_names(columns, fields.wanted()):
        items = [(f"'data', row {n}", str(n), dict(zip(columns, row)) if isinstance(row, list) else row)
                 for n, row in enumerate(data, 1)]
        return "a table saved as columns and data rows (DataFrame.to_json(orient=\"split\"))", items
    if all(isinstance(value, dict) for value in values) and any(
            fields.text in named_fields(value, fields) for value in values):
        items = [(f"{key!r}", str(key), value) for key, value in record.items()]
        return "an object of articles by key (DataFrame.to_json(orient=\"index\"), a database's export)", items
    hits = record.get("hits")
    if isinstance(hits, dict) and isinstance(hits.get("hits"), list):  # a search's response (Elasticsearch)
        return ("a search's response whose 'hits' hold the articles",
                [(f"hit {n}", str(n), item) for n, item in enumerate(hits["hits"], 1)])
    tables = [(key, rows) for key, value in record.items() if (rows := _header_rows(value, fields))]
    if len(tables) == 1:  # {"range": "Sheet1!A1:C3", "values": [["id", "text"], …]}: Google Sheets' API
        key, rows = tables[0]
        return f"a JSON object whose '{key}' holds a table's rows under its header", rows
    lists = list(_lists_of_records(record))
    # the one list whose records have the text field, at any depth: an API's answer keeps its articles deeper
    # ({"status": "ok", "data": {"items": [...]}}) or beside other lists ("categories", "links")
    texted = [(key, value) for key, value in lists if any(
        isinstance(item, dict) and fields.text in named_fields(item, fields) for item in value[:TEXT_FIELD_RECORDS])]
    if len(texted) == 1:
        key, value = texted[0]
    else:  # else the object's one list of records, whatever they hold: their fields then say which they lack
        lists = [(key, value) for key, value in lists if "." not in key]
        if len(lists) != 1:
            return None
        key, value = lists[0]
    return (f"a JSON object whose '{key}' holds a list of records",
            [(f"'{key}', item {n}", str(n), item) for n, item in enumerate(value, 1)])


def _tables_in_array(path: Path, items: Iterator, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator:
    """An array's items (`_json_array_items`), each item that holds the articles rather than being one read as them:
    phpMyAdmin's export (Export > JSON) is an array of its header, the database, and each table with its rows in
    "data". Its header and database items are no articles, and go; any other item is as it was."""
    for item in items:
        if isinstance(item, Article) or fields.text in named_fields(item[0], fields):
            yield item
            continue
        record, fallback_id = item[0], item[1]
        if record.get("type") in ("header", "database") and not any(isinstance(v, (list, dict))
                                                                     for v in record.values()):
            continue  # phpMyAdmin's: {"type": "header", "comment": "Export to JSON plugin for PHPMyAdmin"}
        held = [(key, value) for key, value in _lists_of_records(record) if any(
            isinstance(row, dict) and fields.text in named_fields(row, fields) for row in value[:TEXT_FIELD_RECORDS])]
        if len(held) != 1:
            yield item
            continue
        key, rows = held[0]
        number = fallback_id.rpartition(":")[2]
        name = f"table {record['name']!r}" if isinstance(record.get("name"), str) else f"item {number}"
        log.warning("%s: %s holds its records in '%s' (a database's export, phpMyAdmin's): read as its %d article%s",
                    path, name, key, len(rows), "s" * (len(rows) != 1))
        yield from _held_items(path, [(f"{name}, '{key}', row {n}", f"{number}:{n}", row) for n, row in
                                      enumerate(rows, 1)], fields, on_error, max_bytes, item[5])


def _lists_of_records(record: dict, within: str = "", depth: int = 3) -> Iterator[tuple[str, list]]:
    """(key, list) of each list of objects that `record` holds, in objects down to `depth` levels ("data.items"),
    not within the lists' records."""
    for key, value in record.items():
        if not isinstance(key, str):
            continue
        if isinstance(value, list) and value and any(isinstance(item, dict) for item in value):
            yield within + key, value
        elif isinstance(value, dict) and depth > 1:
            yield from _lists_of_records(value, f"{within}{key}.", depth - 1)


def _held_items(path: Path, items: list, fields: "FieldNames", on_error: str, max_bytes: int,
                warning: str | None) -> Iterator:
    """The articles `_records_held` found, as `_json_array_items` gives an array's items."""
    import json

    for where, tail, item in items:
        where, fallback_id = f"{path} ({where})", f"{path.name}:{tail}"
        if not isinstance(item, dict):
            yield failed(fallback_id, f"{where}: an article (a JSON object) is expected, not {json_kind(item)}",
                         on_error)
        elif (size := utf8_size(json.dumps(item, ensure_ascii=False))) > max_bytes:
            yield failed(fallback_id, over_limit(where, size, max_bytes), on_error)
        else:
            yield item, fallback_id, fields, on_error, where, warning


def _objects_over_lines(text: str, start: int) -> bool:
    """Whether `text` opens with a whole JSON object written over several lines (pretty-printed) that more data
    follows: objects one after another, as `jq .` prints them, not JSON lines (an object a line)."""
    if not text.startswith("{", start):
        return False
    try:
        _, end = DECODER.raw_decode(text, start)
    except (ValueError, RecursionError):
        return False
    return "\n" in text[start:end] and bool(text[end:].strip(_END_OF_FILE_MARKS))


def _objects_one_after_another(path: Path, text: str, position: int, fields: "FieldNames", on_error: str,
                               max_bytes: int, keyed_id: _KeyedIds, warning: str | None) -> Iterator:
    """The objects of a file of JSON objects one after another (`_objects_over_lines`), each as the arguments of
    `record_to_article` or an `Article` that could not be read; reading stops at one that is not valid JSON, as
    nothing tells where the next begins."""
    whitespace = re.compile(r"[ \t\r\n,]*")  # (a comma between them too, an array's items without its brackets)
    line, counted, item, end_of_data = 1, 0, 0, len(text.rstrip(_END_OF_FILE_MARKS))
    while (position := whitespace.match(text, position).end()) < end_of_data:
        line, counted = line + text.count("\n", counted, position), position
        item += 1
        where, fallback_id = f"{path}:{line} (item {item})", f"{path.name}:{item}"
        try:
            value, position = DECODER.raw_decode(text, position)
        except (ValueError, RecursionError) as exc:
            cause = "nested too deep" if isinstance(exc, RecursionError) else json_error(exc, whole=True)
            yield failed(fallback_id, f"{where}: not valid JSON ({cause}); the rest of the file is not read", on_error)
            return
        yield _item(value, utf8_size(text[counted:position]), where, fallback_id, fields, on_error, max_bytes,
                    warning, keyed_id)


def _item(value, size: int, where: str, fallback_id: str, fields: "FieldNames", on_error: str, max_bytes: int,
          warning: str | None, keyed_id: _KeyedIds):
    """One value of a JSON file read item by item (an array's, or objects one after another), `size` its bytes: an
    `Article` that could not be read (over the size limit, no object), or the arguments of `record_to_article`."""
    if size > max_bytes:
        return failed(fallback_id, over_limit(where, size, max_bytes), on_error)
    if not isinstance(value, dict):
        return failed(fallback_id, f"{where}: an article (a JSON object) is expected, not {json_kind(value)}", on_error)
    return value, keyed_id(value, fields, fallback_id), fields, on_error, where, warning


# what may end a file after its last value: DOS's end-of-file mark (Ctrl-Z), which old Windows tools append, read
# as nothing, not as data after the array
_END_OF_FILE_MARKS = " \t\r\n\x1a"


def _json_array_items(path: Path, text: str, position: int, fields: "FieldNames", on_error: str,
                      max_bytes: int, keyed_id: _KeyedIds, warning: str | None = None) -> Iterator:
    """The items of a JSON array one by one, so that the items before a fault are read: each an `Article` that
    could not be read or the arguments of `record_to_article` (`with_text_field`)."""
    decoder, line, counted, item = DECODER, 1, 0, 0
    whitespace = re.compile(r"[ \t\r\n]*")
    while True:
        position = whitespace.match(text, position).end()
        line, counted = line + text.count("\n", counted, position), position
        if text.startswith("]", position):
            after = whitespace.match(text, position + 1).end()
            if not text[after:].strip(_END_OF_FILE_MARKS):
                return
            if text.startswith("[", after):  # arrays one after another (`cat a.json b.json`): each is read on
                position = after + 1
                continue
            # anything else after the array was lost in silence: one error says where, and how it begins
            line += text.count("\n", counted, after)
            rest = text[after:after + 30].split("\n")[0]
            yield failed(f"{path.name}:{item + 1}", f"{path}:{line}: more data after the array's closing ']' "
                         f"(it begins {rest!r}); it is not read", on_error)
            return
        item += 1
        where, fallback_id = f"{path}:{line} (item {item})", f"{path.name}:{item}"
        try:
            value, end = decoder.raw_decode(text, position)
        except (ValueError, RecursionError) as exc:
            cause = "nested too deep" if isinstance(exc, RecursionError) else json_error(exc, whole=True)
            position = next_array_item(text, position + 1, decoder)
            if position is None:
                yield failed(fallback_id, f"{where}: not valid JSON ({cause}); the rest of the file is not read",
                             on_error)
                return
            next_line = line + text.count("\n", counted, position)
            yield failed(fallback_id, f"{where}: not valid JSON ({cause}); reading goes on at the next item, on "
                         f"line {next_line}", on_error)
            continue
        yield _item(value, utf8_size(text[position:end]), where, fallback_id, fields, on_error, max_bytes, warning,
                    keyed_id)
        position = whitespace.match(text, end).end()
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position):
            line, counted = line + text.count("\n", counted, position), position
            if text.startswith("{", position):  # the comma between two articles was left out: nothing is lost
                log.warning("%s:%d: ',' missing after item %d; read as if it were there", path, line, item)
                continue
            resumed = next_array_item(text, position, decoder)
            item += 1
            yield failed(f"{path.name}:{item}", f"{path}:{line}: ',' or ']' expected after item {item - 1}; " + (
                "the rest of the file is not read" if resumed is None else "reading goes on at the next item"),
                on_error)
            if resumed is None:
                return
            position = resumed
