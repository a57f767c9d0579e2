"""A record (a JSON object, a table's row, a feed's item) as an article: the names of its fields (`FieldNames`),
a table's header checked against them (`header_problem`), and `record_to_article`. Also what every reader gives for
what it cannot read: `failed`, an article holding its error (or the error raised). A lead column is given to
`make_article`, which puts it before the text."""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields as dataclass_fields
from functools import lru_cache
from typing import Iterable, Iterator, Mapping

from ..arguments import command_line_runs, missing, option
from ..errors import ArgumentError, InputError
from ..wording import plural, word_for
from .article import METADATA_FIELDS, Article, add_warning, field_text, make_article
from .htmltext import wordpress_machinery
from .jsonfiles import json_kind
from .metadata import date_order, site_of_link
from .notes import warn_summed
from .tables import (COMMON_NAMES, FIELD_NAME_CHARS, LEAD_NAMES, column_meant, field_names, name_key, repeated_columns,
                     vietnamese_key)

log = logging.getLogger(__name__)


# The errors `failed` holds back in `errors_held`: None outside it
_HELD: ContextVar[list[str] | None] = ContextVar("dvtopics_held_errors", default=None)


# Whether the job reading takes its articles' labels from labels files (--labels, `labels_given_apart`)
_LABELS_APART: ContextVar[bool] = ContextVar("dvtopics_labels_apart", default=False)


@contextmanager
def labels_given_apart(given: bool = True) -> Iterator[None]:
    """Within it (a job given labels files), the column --label-field names is the labels files' and need not be the
    articles' too: a table of articles without it is read, as a JSON file without it is (`header_problem`).
    `evaluate arts.csv --labels mine.xlsx --label-field "Loại bài"` stopped on the articles' table, without a label.
    A job inside another (`topics fit`'s reading) keeps what the outer one set."""
    token = _LABELS_APART.set(given or _LABELS_APART.get())
    try:
        yield
    finally:
        _LABELS_APART.reset(token)


def labels_apart() -> bool:
    """Whether the job reading now takes its labels from labels files (`labels_given_apart`): what a task that reads
    elsewhere (a Dask worker, which the job's context does not reach) is told to read within."""
    return _LABELS_APART.get()


@contextmanager
def errors_held() -> Iterator[list[str]]:
    """Within it, the error of an article that cannot be read is not logged but put in the list it gives, for the
    caller to say once: `train --extra` of a file none of whose articles can be read says the first in its own error,
    where it was said twice, logged and in that error."""
    held: list[str] = []
    token = _HELD.set(held)
    try:
        yield held
    finally:
        _HELD.reset(token)


def failed(article_id: str, message: str, on_error: str, title: str = "") -> Article:
    """An article that could not be read; it keeps the id and `title` its record gave, for the reader."""
    if on_error == "raise":  # the reading stops here: the error says how to read on
        raise InputError(f"{message}; on_error=\"record\" (read_articles' default) reads on, giving this one as an "
                         "article with its error")
    held = _HELD.get()
    if held is not None:
        held.append(message)
    else:
        log.error("%s", message)  # an error, not a warning: `dvtopics -q` shows it (exit code 1 says some were)
    return Article(id=article_id, title=title, error=message)


def said_again(message: str) -> None:
    """Say the error of an article that could not be read, kept from an interrupted run (the finished part a Dask
    resume keeps), as its reading said it: a local resume reads the input again, and says each."""
    log.error("%s", message)


def over_limit(where: str, size: int, max_bytes: int, python: bool | None = None) -> str:
    return (f"{where}: {size_text(size)} is over the {size_text(max_bytes)} article limit (raise it with "
            f"{option('--max-bytes', python)})")


def utf8_size(text: str) -> int:
    """The bytes of `text` in UTF-8: what --max-bytes counts for text already decoded (a CSV cell, a JSON
    file), as it counts a .txt file's or a JSONL line's bytes (Vietnamese letters take 2-3 bytes each)."""
    return len(text.encode("utf-8", "surrogatepass"))


def size_text(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n:,} bytes"


# The columns `label --out` writes: a table of these and no others holds ids and labels, but no texts
LABEL_OUT_COLUMNS = ("id", "file", "label", "confidence", "cues", "title", "date", "source", "error", "warning")
# what a table of such columns given as articles is told (`labels_table_given`): what a caller adds need not say it
# again when the message holds this
LABELS_TABLE_GIVEN = "it holds ids and labels, not articles"


def labels_table_given(python: bool | None = None) -> str:
    """What to do with a table of ids and labels given as articles (`option`'s `python`: whom the message speaks to)."""
    python = not command_line_runs() if python is None else python
    # (from Python the argument is train's and evaluate's label_files, the report's and topics' labels_file)
    given = "label_files or labels_file (--labels)" if python else "--labels"
    return (f"{LABELS_TABLE_GIVEN}: a labels file, given to train, evaluate, report or topics as {given}, with the "
            "articles it labels among the inputs")


def holds_labels_only(names, fields: "FieldNames") -> bool:
    """Whether a table's columns (a JSON file's fields) are those of a labels file, `label --out`'s among them: a
    label, and nothing but ids, labels and what `label` writes beside them."""
    return fields.label in names and set(names) <= {*LABEL_OUT_COLUMNS, *fields.named().values(), fields.id}


def header_problem(where, header: list, fields: "FieldNames", given: list | None = None,
                   python: bool | None = None) -> str | None:
    """Why a table cannot be read, in one line, or None: its header has no text column, or no column a field
    option named (a name mistyped, "Tieu de" for "Tiêu đề"), or a field's name in two columns (the text
    and a note both headed "text"). The table is then one error record, not an error (or a title read as the
    text, or the note as the text) per row, and the other inputs are read all the same. A label column
    that --label-field names and the table lacks is an `InputError` that stops the run instead, for every
    command (the one check of it): the labels are what `train` learns, `evaluate` scores and the report gives
    as the articles' types, and a run without them would give another result, not one table fewer; unless the
    job takes its labels from labels files (`labels_given_apart`), whose column --label-field names.
    Warns when it has no title column but columns that are not read: a title under another name
    ("Tiêu đề") would otherwise be taken from the text unseen. `given`: the header's names as the table spells
    them, before `field_names` matched them ("Nội dung", not "text"), which the messages name. `python`: the reading
    came from Python (a DataFrame), its messages name the arguments beside the options (`option`)."""
    columns = [name for name in (header if given is None else given) if isinstance(name, str) and name.strip()]
    repeated = repeated_columns(header, fields.wanted(), given)
    if repeated:
        problem = f"{where}: {repeated}"
        if "--label-field" in fields.named() and repeated_columns(header, [fields.label]):
            raise InputError(problem)  # as a missing label column: the run would give another result
        return problem
    absent = [(flag, name) for flag, name in fields.named().items() if name not in header
              and not (flag == "--label-field" and _LABELS_APART.get())]
    if absent:
        said = "; ".join(f"no '{name}' column ({option(flag, python)})" + did_you_mean(name, columns)
                         for flag, name in absent)
        problem = f"{where}: {said}; its columns are {fields_found(columns)}"
        if any(len(name) > FIELD_NAME_CHARS or "\n" in name for name in columns):
            # an article's row where the header should be: a later part of a table split into files (`split -l`,
            # an export paged into several) without the header
            problem += ("; its first row reads as an article's, not a header (a part of a table split without its "
                        "header?): put the header row above it")
        if "--label-field" in dict(absent):
            raise InputError(problem)
        if fields.text not in header and holds_labels_only(header, fields):
            # `label labels.csv`, `inspect labels.csv`: a labels file given among the articles, --labels forgotten
            problem += f"; {labels_table_given(python)}"
        return problem
    unread = [name for name in header if isinstance(name, str) and name.strip() and name not in fields.wanted()]
    warn_of_lead_as_text(where, header, given, fields, unread, python)
    if fields.title not in header and unread:
        log.warning("%s: no '%s' column, so each title is taken from its text; not read: %s (give the title's "
                    "column with %s)", where, fields.title, fields_found(unread), option("--title-field", python))
    return None


def warn_of_lead_as_text(where, names: list, given: list | None, fields: "FieldNames", unread: list,
                         python: bool | None = None) -> None:
    """Say so when a table's text column is a lead's ("Sapo", "description": a file of headlines and their leads,
    read as such), naming the columns not read: a body under a name the reader does not know would otherwise go
    unseen. A column named as a body is ("Nội dung chi tiết", "article_content": `names_a_body`) is read as the body
    after the lead, where it holds text (`body_beside_lead`): said so, since its name was a guess. Told by the header,
    as a JSON file's records are told one by one (`LeadsRead`), in the same words (`said_of_leads`)."""
    if fields.text not in names:
        return
    spelt = (names if given is None else given)[names.index(fields.text)]
    if not text_is_a_lead(spelt, fields):
        return
    bodies = {name: 1 for name in unread if isinstance(name, str) and names_a_body(name)}
    # a header speaks for every row: each body column is every article's ("each article's body"), so the articles
    # counted are as many as the columns (one, to say "each article's text is its lead", where there is none)
    articles = max(len(bodies), 1)
    log.warning("%s: %s", where, said_of_leads("column", spelt, articles, bodies, 0 if bodies else 1, unread,
                                                python)[0])


def said_of_leads(noun: str, lead: str, articles: int, bodies: dict, alone: int, unread, python: bool | None = None
                  ) -> tuple[str, str] | None:
    """(What a file is told of the articles whose text was under a lead's name, `lead` as the file spells it; its
    kind: the same for files told alike but for their counts), or None when it has nothing to tell. `noun`: what the
    file's names name ("field", "column"); `articles`: the file's; `bodies`: {a body's name read after the lead: the
    articles read with it}; `alone`: the articles read from their lead alone; `unread`: the names not read beside
    those."""
    text_field = option('--text-field', python)
    with_body = sum(bodies.values())
    if with_body:
        said = f"no {noun} under a body's known name: {' or '.join(map(repr, bodies))} read as "
        if with_body == articles:
            said += (f"each article's body, after its lead ({lead!r}), where it holds text (give another with "
                     f"{text_field})")
            return said, said
        # (the others read from their lead alone, or from a text under a body's own name: not a lead)
        more = (f"; {alone} without text there {word_for(alone, 'is', 'are')} read from "
                f"{word_for(alone, 'its', 'their')} lead alone" if alone else "")
        return (f"{said}the body of {with_body} of {plural(articles, 'article')}, after their lead ({lead!r}){more} "
                f"(give another body's {noun} with {text_field})",
                f"{said}the body of some articles, after their lead ({lead!r})")
    if not alone:
        return None
    # (a column not read may be the id's or the source's under a name not known: "STT", "Trang", hunt 41 W)
    unread = (f"; not read: {fields_found(unread)} (give the body's {noun} with {text_field}, an id's or a source's "
              f"with {option('--id-field', python)} or {option('--source-field', python)})" if unread else "")
    if alone == articles:
        said = f"no body {noun}, so each article's text is its lead ({lead!r}){unread}"
        return said, said
    its = word_for(alone, 'its', 'their')
    return (f"{alone} of {plural(articles, 'article')} {word_for(alone, 'has', 'have')} no body {noun}, so {its} text "
            f"is {its} lead ({lead!r}){unread}",
            f"some articles have no body {noun}, so their text is their lead ({lead!r})")


def text_is_a_lead(spelt, fields: "FieldNames") -> bool:
    """Whether the text was found under a lead's name (`spelt`, as the file spells its column), no --text-field given:
    a file of headlines and their leads, or one whose body's name the reader does not know."""
    return fields.text == FieldNames.text and isinstance(spelt, str) and vietnamese_key(spelt) in _LEAD_KEYS


_LEAD_KEYS = frozenset(map(vietnamese_key, LEAD_NAMES))
# the other names of the text's field, not a lead's ("content", "Nội dung"), by `vietnamese_key`
_BODY_NAMES = frozenset(vietnamese_key(name) for name in COMMON_NAMES["text"] if name not in LEAD_NAMES)
# the names of a body's column the text's own names (`COMMON_NAMES`) are not, as `vietnamese_key` spells them ("Nội
# dung chi tiết", "NOI_DUNG_DAY_DU", "article_content"): whole names, since a name holding a body's words may name a
# column about it, or another text ("Nội dung bình luận", "Ghi chú chi tiết", "Bài viết liên quan", "Link chi tiết")
_UNKNOWN_BODY_NAMES = frozenset({
    "noi dung chi tiet", "noi dung day du", "noi dung bai bao", "noi dung tin", "noi dung tin tuc", "noi dung goc",
    "noi dung html", "chi tiet", "chi tiet bai viet", "toan bo noi dung", "toan van bai viet",
    "article content", "article body", "content text", "content body", "content html", "body html", "full content",
    "main content", "news content", "text content", "article full text"})
MIN_BODY_WORDS = 10  # fewer is no body: a category, an author, a link, "Đang cập nhật"


@lru_cache(maxsize=1024)  # asked of each row's columns: a file has few names
def names_a_body(name: str) -> bool:
    """Whether a column's name is a body's that the text's own names are not (`_UNKNOWN_BODY_NAMES`), its words
    joined by spaces, "_" or "-"."""
    return " ".join(vietnamese_key(name).replace("_", " ").replace("-", " ").split()) in _UNKNOWN_BODY_NAMES


def body_beside_lead(extra: dict) -> tuple[str, str] | None:
    """(name, value) of a record's field not read that is its body, beside the lead its text was taken from, or
    None: its name is a body's (`names_a_body`) and its value is text of `MIN_BODY_WORDS` words or more (a
    link, an author or a category is not). Left unread, the body was lost, each article its lead alone."""
    return next(((name, value) for name, value in extra.items()
                 if isinstance(name, str) and isinstance(value, str) and names_a_body(name)
                 and len(value.split()) >= MIN_BODY_WORDS), None)


def did_you_mean(name: str, columns: list) -> str:
    """" (did you mean 'Nội dung'?)" when `name` is a column's name without its tone marks, else ""."""
    meant = column_meant(name, columns)
    return f" (did you mean {meant!r}?)" if meant else ""


def named_fields(record: dict, fields: "FieldNames", unwrap_lone_key: bool = True) -> dict:
    """`record` with its field names matched to the ones the reader looks for (`spelt_fields`)."""
    return spelt_fields(record, fields, unwrap_lone_key)[0]


def spelt_fields(record: dict, fields: "FieldNames", unwrap_lone_key: bool = True) -> tuple[dict, dict]:
    """(`record`'s article with its field names matched to the ones the reader looks for (`field_names`), {each of
    those names: the name the record spells it with}): the messages name a file's own fields ('sapo', not 'lead'),
    and a lead is told by its name (`text_is_a_lead`), held in an object or not. A search engine's hit
    (Elasticsearch's, OpenSearch's: `elasticdump`, a search's "hits") keeps the article in its "_source", and its id
    in "_id": that article is the record; so is the one object that holds the text field (or its lead or title:
    `_held_articles`) in a record that does not hold it ({"article": {…}}, beside other values, alone under its key
    with `unwrap_lone_key`, or under a wrapper's name: a .json file's one object of one object is else its articles
    by key, `read_json._records_held`). A field option that names a value inside an object (`meta.date`) is that
    value."""
    wanted = fields.wanted()
    names = field_names(record, wanted)  # once a record, on every reader's path: a record with its text is done here
    if _without_text(record, names, fields):
        source = record.get("_source")
        if isinstance(source, dict):
            record = {**({fields.id: record["_id"]} if "_id" in record else {}), **source}
            names = field_names(record, wanted)
        if _without_text(record, names, fields):  # (a hit's _source too, as a crawler indexes its records)
            # the article an object inside its record, as crawlers and queues write them ({"url": …, "article":
            # {"title", "content"}}, {"_id": …, "data": {…}}): that object, beside the record's own values (its url)
            held = _held_articles(record, names, fields)
            if len(held) == 1 and (unwrap_lone_key or len(record) > 1 or article_key(record, fields) is None):
                article = held[0]
                if fields.id in names:  # the record's own id, not the one its article holds (or a category's)
                    article = {key: value for key, value in article.items()
                               if field_names([key], wanted)[0] != fields.id}
                record = {**{key: value for key, value in record.items() if not isinstance(value, dict)}, **article}
                names = field_names(record, wanted)
    same = names == list(record)
    by_name = record if same else dict(zip(names, record.values()))
    spelt = dict(zip(names, record))
    nested = _details_inside(record, by_name, fields)
    if nested:
        by_name, spelt = {**by_name, **nested[0]}, {**spelt, **nested[1]}
    inside = {name: value for name in wanted if "." in name and name not in by_name
              and (value := value_inside(record, name)) is not _NOT_THERE}
    if inside:
        return {**by_name, **inside}, {**spelt, **{name: name for name in inside}}
    return by_name, spelt


def _details_inside(record: dict, by_name: dict, fields: "FieldNames") -> tuple[dict, dict] | None:
    """The title, date and source a record lacks at its top, as its details' object holds them ({"id", "meta":
    {"title", "date", "source"}, "content"}, a scraper's: hunt 41 Y, where all went unread, untold), under a wrapper's
    or a details' name (`_WRAPPER_NAMES`, `_DETAILS_NAMES`): ({each field: its value}, {each field: "meta.title"}),
    or None."""
    lacking = {fields.title, fields.date, fields.source} - set(by_name)
    found, spelt = {}, {}
    for key, value in record.items() if lacking else ():
        if isinstance(value, dict) and isinstance(key, str) and (_wrapper(key)
                                                                 or vietnamese_key(key) in _DETAILS_NAMES):
            for name, (inner, held) in zip(field_names(value, fields.wanted()), value.items()):
                if name in lacking and name not in found:
                    found[name], spelt[name] = held, f"{key}.{inner}"
    return (found, spelt) if found else None


_DETAILS_NAMES = frozenset(map(vietnamese_key, ("meta", "metadata", "meta data", "properties", "thong tin")))


def _without_text(record: dict, names: list, fields: "FieldNames") -> bool:
    """Whether a record has no text field, or one that is an object: under the text's own name, or one of its other
    names ("bai_viet", "content"), the article's fields may be held ({"bai_viet": {"tieu_de": …, "noi_dung": …}})."""
    return fields.text not in names or isinstance(record[list(record)[names.index(fields.text)]], dict)


def _held_articles(record: dict, names: list, fields: "FieldNames") -> list[dict]:
    """The objects in a record without a text field that may be its article: those that hold the text field; else,
    where the record has no lead or title of its own, those under a wrapper's name (`_wrapper`) that hold one, a
    headline nested without its text ({"url": …, "article": {"id", "title"}}), read from its title as the same
    fields at the top are. Any other object with a title is about the article (its category, its picture): the
    record is then one without its text."""
    wanted = fields.wanted()
    held = [value for value in record.values()
            if isinstance(value, dict) and fields.text in field_names(value, wanted)]
    if held or {fields.lead, fields.title} & set(names):
        return held
    return [value for key, value in record.items() if isinstance(value, dict) and _wrapper(key)
            and {fields.lead, fields.title} & set(field_names(value, wanted))]


_NOT_THERE = object()
# the names of an object that holds a record's article ({"article": {…}}, a hit's "_source", a queue's "data"), the
# same in every record, by `vietnamese_key`: no article's id, as a key is that differs from record to record
_WRAPPER_NAMES = frozenset(map(vietnamese_key, (
    "article", "data", "item", "post", "news", "story", "doc", "document", "record", "entry", "node", "payload",
    "value", "fields", "attributes", "result", "hit", "object", "row", "_source", "message", "detail", "details",
    "info", "tin", "tin tuc", "bai bao", "du lieu", "chi tiet")))


def _wrapper(key) -> bool:
    return isinstance(key, str) and vietnamese_key(key) in _WRAPPER_NAMES


def article_key(record, fields: "FieldNames") -> str | None:
    """The key a record that is one object alone under it gives as its article's id, {"21395276": {"title", "text"}}
    (a key-value store's export, a line at a time): that key, where it is no wrapper's name (`_WRAPPER_NAMES`:
    {"article": {…}}) nor a field's; else None (a key seen again in the file is a wrapper's too: `read_json._KeyedIds`).
    A .json object of such articles by key is read alike (`read_json._records_held`). A key without a digit is a
    wrapper's name too ({"tin_bai": {…}} on every line; ids are numbers or codes), decided from the key alone: the
    first record under it, each part of a file under Dask and a .json file's one object are read alike."""
    if not (isinstance(record, dict) and len(record) == 1):
        return None
    key, value = next(iter(record.items()))
    if not (isinstance(key, str) and key.strip() and isinstance(value, dict)) or _wrapper(key) \
            or not any(char.isdigit() for char in key):
        return None
    return None if field_names([key], fields.wanted())[0] in fields.wanted() else key


def value_inside(record: dict, path: str):
    """The value a field option names inside a record's objects by the keys that lead to it, `meta.date` (as
    scrapers and APIs nest an article's details: {"text": …, "meta": {"date": …}}), matched as `field_names`
    matches a name; `_NOT_THERE` when there is none."""
    value = record
    for key in path.split("."):
        if not isinstance(value, dict):
            return _NOT_THERE
        value = next((held for name, held in value.items()
                      if isinstance(name, str) and name_key(name) == name_key(key)), _NOT_THERE)
        if value is _NOT_THERE:
            return _NOT_THERE
    return value


def fields_found(names: Iterable) -> str:
    shown = [repr(name) for name in names if isinstance(name, str)]
    return ", ".join(shown[:20]) + (", …" if len(shown) > 20 else "") if shown else "none"


def record_id(record: dict, fields: "FieldNames", fallback_id: str) -> str:
    """A record's id, or `fallback_id` (its place: file and line) when it has none. An id of spaces alone (a cell
    cleared with the space bar) is none, as an empty one is: it would be blank in every output, and no labels file
    could name it."""
    given = field_text(record.get(fields.id))
    return given if given and given.strip() else fallback_id


# The error values a spreadsheet shows, and saves, in a cell whose formula failed (Excel's and LibreOffice's)
SPREADSHEET_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
                                "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
                                "ERR:502", "ERR:504", "ERR:508", "ERR:522", "#NAME!"})


# What a database or a DataFrame writes in a text cell for no value: MySQL's \\N (INTO OUTFILE, mysqldump's tab
# files), NULL (phpMyAdmin's, SQL Server's and DBeaver's CSV), and pandas' None, nan, NaT and <NA> (a frame written
# with .astype(str)). Read as text, a NULL title was the title "NULL" and a NULL sapo stood before the text. A label
# is a class's name, which "None" may be: only SQL's markers are none there
NULL_MARKERS = frozenset({"\\N", "NULL", "null", "None", "nan", "NaN", "NaT", "<NA>"})
_SQL_NULL_MARKERS = frozenset({"\\N", "NULL"})


# the names of a record's field that holds its page's address (without marks, spaces or "_"), and such an address
_LINK_NAME = re.compile(r"url|link|href|permalink|id|guid|(?:canonical|source|original|page|article|post)url|canonical|"
                        r"duongdan|lienket|linkbai(?:viet)?|linkgoc", re.IGNORECASE)
_PAGE_LINK = re.compile(r"https?://[^\s/]+\.[a-z]{2,}(?::\d+)?/\S*$", re.IGNORECASE)


# a publication status, as a CMS exports a "Published" column: no date
_STATUSES = frozenset({"0", "1", "true", "false", "yes", "no", "y", "n", "on", "off", "có", "không", "x",
                       "published", "unpublished", "publish", "draft", "đã đăng", "chưa đăng", "đã xuất bản"})


def is_status(value) -> bool:
    """Whether a value under one of a date's other names ("Published") is a post's status (Yes/No, 1/0, true), not a
    date."""
    return isinstance(value, bool) or str(value).strip().casefold() in _STATUSES


def _null_marker(name: str, value, fields: "FieldNames") -> bool:
    """Whether `value`, a record's field `name`, is a marker of no value (`NULL_MARKERS`) in a field read."""
    if not isinstance(value, str) or len(value) > 8 or name not in fields.wanted():
        return False
    return value.strip() in (_SQL_NULL_MARKERS if name == fields.label else NULL_MARKERS)


def _body_elsewhere(extra: dict) -> tuple[str, str] | None:
    """(name, value) of a record's field under another name of the text's (`_BODY_NAMES`) that holds text, or None."""
    return next(((name, value) for name, value in extra.items() if isinstance(name, str) and isinstance(value, str)
                 and value.strip() and vietnamese_key(name) in _BODY_NAMES), None)


def record_to_article(record: dict, fallback_id: str, fields: "FieldNames", on_error: str,
                      where: str, warning: str | None = None, spelt: dict | None = None,
                      month_first: bool = False, leads: "LeadsRead | None" = None) -> Iterator[Article]:
    """The article of a JSONL/JSON/CSV record; `warning`, how its file's bytes were read, goes in its record. `spelt`:
    {field: the column's name as the table spells it} ("text": "Nội dung") of a table's record, whose names are
    matched already, for the messages: a user's file has no 'text' or 'lead' column, but 'Nội dung' and 'Sapo'.
    `month_first`: the file's date column is month first (`dates_month_first`). `leads`: what a JSON file's records
    give as their text where it is under a lead's name, counted to be said for the file (a table's header says it)."""
    named, spelt_here = spelt_fields(record, fields)
    record = {name: None if missing(value) or _null_marker(name, value, fields) else value
              for name, value in named.items()}
    if spelt is None:
        spelt = spelt_here

    def said(name: str) -> str:
        return spelt.get(name, name) if isinstance(spelt.get(name, name), str) else name
    status = record.get(fields.date)
    if name_key(said(fields.date)) != name_key(fields.date) and is_status(status):
        # a post's status under one of a date's other names ("Published": Yes/No, 1/0, true, as Drupal and many CMSs
        # export it), not a date that is wrong: kept under its own name, and no article is warned of it. A column
        # the date's own name or --date-field names is a date, and said to be wrong
        record = {key: value for key, value in record.items() if key != fields.date}
        record.setdefault(said(fields.date), status)
    # a formula's error that a spreadsheet saved as the cell's value ("#N/A" of a VLOOKUP that found nothing) is no
    # text, title or date: read as one, it was an article "#N/A" labelled and counted as any other
    formula_errors = {name: value.strip() for name, value in record.items()
                      if isinstance(value, str) and value[:1] in "#E " and value.strip().upper() in SPREADSHEET_ERRORS
                      and name in fields.wanted()}
    record.update(dict.fromkeys(formula_errors, ""))
    article_id = record_id(record, fields, fallback_id)
    # the fields make_article reads, under its names
    extra = {k: v for k, v in record.items() if k not in fields.wanted()}
    extra.update({key: record.get(getattr(fields, key)) for key in METADATA_FIELDS + ("label",)})
    for name, value in formula_errors.items():
        add_warning(extra, f"the '{name}' cell holds {value}, a spreadsheet formula's error: read as empty")
    title = (field_text(extra["title"]) or "").strip()
    text = record.get(fields.text)
    if fields.text == "text" and not (isinstance(text, str) and text.strip()) and (body := _body_elsewhere(extra)):
        # {"text": null, "content": "…"}, as scrapers with several extractors write them: the body is the one that has
        # it (read from its title, the article was its headline alone)
        add_warning(extra, f"the 'text' field is {'missing' if text is None else 'empty'}: '{body[0]}' is read as the "
                           "text")
        text = extra.pop(body[0])
    text_a_lead = (record.get(fields.lead) is None and (text is None or isinstance(text, str))
                   and text_is_a_lead(said(fields.text), fields))
    body_read = body_beside_lead(extra) if text_a_lead else None
    if body_read:
        # the text a lead's column ("Sapo"), the body under a name not known ("Nội dung chi tiết"): the body, after it
        record[fields.lead], text = text, extra.pop(body_read[0])
    if isinstance(text, dict) and isinstance(text.get("rendered"), str):  # WordPress' REST API: {"rendered": "<p>…"}
        text = text["rendered"]
    if isinstance(text, list) and text and all(isinstance(part, dict) and isinstance(part.get("value"), str)
                                               for part in text):
        # feedparser's entries (a feed read in Python, saved as JSON): "content": [{"type": "text/html", "value": …}]
        text = [part["value"] for part in text]
        text = text[0] if len(text) == 1 else text
    if isinstance(text, list) and text and all(isinstance(part, str) for part in text):
        # paragraphs, as scrapers save a page's text (Scrapy's .getall()): one a line
        add_warning(extra, f"the '{said(fields.text)}' field is a list of {len(text)} texts: read as paragraphs, one a "
                           "line")
        text = "\n".join(text)
    lead = record.get(fields.lead)
    if isinstance(lead, list) and all(isinstance(part, str) for part in lead):  # as the text's (a scraper's sapo)
        lead = "\n".join(lead)
    elif lead is not None and field_text(lead) is None:  # an object, true: said, as for a title that is not text
        extra[fields.lead] = lead
        add_warning(extra, f"the '{said(fields.lead)}' field is {json_kind(lead)}, not text: not used")
    lead = field_text(lead)
    if not (lead and lead.strip() and (text is None or isinstance(text, str))):
        lead = None  # (make_article puts the lead before the text: `lead.with_lead`)
    elif not (text or "").strip():
        add_warning(extra, f"the '{said(fields.text)}' field is {'missing' if text is None else 'empty'}: the "
                           f"lead ('{said(fields.lead)}') is read as the text")
        text = ""
    if (text is None or isinstance(text, str)) and not (text or "").strip() and title and lead is None:
        # a headline without its text (an export whose content is empty) is an article all the same
        what = "missing" if text is None else "empty"
        text = field_text(extra["title"])  # written out, as its CSV cell is: a title 2024 (a DataFrame's number) too
        add_warning(extra, f"the '{said(fields.text)}' field is {what}: the title is read as the text")
    if not isinstance(text, str) or not (text.strip() or lead):
        what = "missing" if text is None else "empty" if isinstance(text, str) else json_kind(text)
        if what == "a number":  # no article's whole text (a title or lead that is one is read as text, as a CSV's)
            yield failed(article_id, f"{where}: the '{said(fields.text)}' field is a number ({field_text(text)}), not "
                                     "an article's text", on_error, title)
            return
        if fields.text in formula_errors:
            what = f"{formula_errors[fields.text]}, a spreadsheet formula's error"
        found = f"; the fields here are {fields_found(map(said, record))}" if fields.text not in record else ""
        verb = "holds" if fields.text in formula_errors else "is"
        yield failed(article_id, f"{where}: no '{said(fields.text)}' field with text (it {verb} {what}){found}",
                     on_error, title)
        return
    if warning:
        add_warning(extra, warning)
    try:
        field_spellings = {key: said(getattr(fields, key)) for key in METADATA_FIELDS + ("label",)}
        # (lead "" where there is none: a field "lead" that --lead-field did not name stays one of the record's own)
        article = make_article(article_id, text, extra, where, lead=lead or "", month_first=month_first,
                               spelt=field_spellings)
        if article.source is None:
            # the page's address, as scrapers and feeds keep it ("url", "link"; a feed's link is its id): its site is
            # the source where neither a source field nor the text names one, as an "URL: …" line over a text gives it
            link = next((value for key, value in [*extra.items(), ("id", record.get(fields.id))]
                         if isinstance(key, str) and _LINK_NAME.fullmatch(vietnamese_key(key).replace(" ", ""))
                         and isinstance(value, str) and _PAGE_LINK.match(value.strip())), None)
            article.source = site_of_link(link.strip()) if link else None
        if leads is not None:
            leads.count(said(fields.text) if text_a_lead else None, body_read and body_read[0],
                        [said(name) for name in record if name not in fields.wanted()])
        yield article
    except InputError as exc:
        yield failed(article_id, str(exc), on_error, title)


class LeadsRead:
    """What a JSON file's articles took as their text where it was under a lead's name (`text_is_a_lead`): the lead
    and a body beside it, or the lead alone; said once for the file (`say`), from all its records. Said from its first
    record, a file whose first record had no body was said to have none, and one whose first had it said each article
    was read with its body, the others read from their leads alone in silence. A file read in parts (Dask's) is said
    of once, its parts' counts added up (`notes.warn_summed`); files said of alike are said once, with a count."""

    def __init__(self):
        self.articles, self.alone, self.bodies = 0, 0, {}  # bodies: {a body's name: the articles read with it}
        self.lead, self.unread = None, {}  # the lead's name as the file spells it; the names not read beside it alone

    def count(self, lead: str | None, body: str | None, unread: list) -> None:
        """An article of the file; `lead`: the name of its text's field when that is a lead's, `body` the name of the
        body read after it, `unread`: its record's fields not read."""
        self.articles += 1
        if lead is None:
            return
        self.lead = self.lead or lead
        if body:
            self.bodies[body] = self.bodies.get(body, 0) + 1
        else:
            self.alone += 1
            self.unread.update(dict.fromkeys(name for name in unread if isinstance(name, str)))

    def add(self, other: "LeadsRead") -> None:
        """The counts of another part of the file added to these."""
        self.articles, self.alone = self.articles + other.articles, self.alone + other.alone
        for body, n in other.bodies.items():
            self.bodies[body] = self.bodies.get(body, 0) + n
        self.lead = self.lead or other.lead
        self.unread.update(other.unread)

    def __bool__(self) -> bool:
        return bool(self.articles)

    def say(self, where) -> None:
        warn_summed(str(where), self)

    def said(self) -> tuple[str, str] | None:
        """(what the file is told, its kind: the same for files told alike but for their counts), or None."""
        return said_of_leads("field", self.lead, self.articles, self.bodies, self.alone, self.unread)


class SiteRows:
    """A file's rows of WordPress' posts table (`wp_posts`, as phpMyAdmin or a plugin exports it to CSV, JSON or a
    workbook) that are no article, counted and passed over: each post's revisions, its pictures, menu items and the
    trash sit beside the posts there, as in its export (WXR, `wordpress_machinery`). Read, every post came again with
    each revision, and each picture and menu item was an article or an error."""

    def __init__(self, where):
        self.where, self.passed = where, {}

    def passes(self, record: dict) -> bool:
        """Whether `record` (its names as the file spells them) is such a row, counted by its kind."""
        row = {name_key(name): value for name, value in record.items() if isinstance(name, str)}
        if not {"post_type", "post_status"} <= row.keys():  # (both: a table of WordPress' own, not a column by chance)
            return False
        kind, status = (str(row[name] or "").strip() for name in ("post_type", "post_status"))
        if not wordpress_machinery(kind, status):
            return False
        kind = status if status in ("trash", "auto-draft") else kind
        self.passed[kind] = self.passed.get(kind, 0) + 1
        return True

    def close(self) -> None:
        if self.passed:
            passed = sum(self.passed.values())
            log.warning("%s: WordPress' posts table: %s %s, passed over (%s); its posts and pages are read",
                        self.where, plural(passed, "row"), word_for(passed, "is not an article", "are not articles"),
                        ", ".join(f"{count} {kind}" for kind, count in self.passed.items()))


def dates_month_first(values: Iterable, where, column: str, kind: str = "column", say: bool = True) -> bool:
    """Whether a file's date column (its `values`, all of them) is month first, as English-locale Excel writes it
    ("3/25/2024 8:15 AM": `metadata.date_order`), said once (when `say`). Decided value by value, its dates that read
    both ways ("3/4/2024") were read day first, silently a month or more away from the day meant."""
    month_first, shown = date_order(values)
    if month_first and say:
        log.warning("%s: the '%s' %s's dates are month first (as %r shows, which reads no other way): all of "
                    "them are read so, '3/4/2024' as 4 March", where, column, kind, shown)
    return month_first


@dataclass(frozen=True)
class FieldNames:
    """Names of the fields that hold the text, id, label, title, date, source and lead (the paragraph under the
    headline, "sapo", read before the text) in JSONL/CSV/XLSX input."""

    text: str = "text"
    id: str = "id"
    label: str = "label"
    title: str = "title"
    date: str = "date"
    source: str = "source"
    lead: str = "lead"

    def __post_init__(self):
        # a name that is not text (None, a number) would fail below with an AttributeError, not a clear error; the
        # CLI's options refuse an empty name, and a library call is told the same
        for spec in dataclass_fields(self):
            value = getattr(self, spec.name)
            if not isinstance(value, str) or not value.strip():
                raise ArgumentError(f"{spec.name} field {value!r}: give the name of a field, as text")
        # another field named for the text's column would read the whole text as an id, a label or a title. A field
        # left at its default may share it: `--text-field title` labels headlines, and the title is the text then
        same = [f"{option(f'--{spec.name}-field')} {getattr(self, spec.name)!r}" for spec in dataclass_fields(self)
                if spec.name != "text" and getattr(self, spec.name) != spec.default
                and name_key(getattr(self, spec.name)) == name_key(self.text)]
        if same:
            raise ArgumentError(f"{' and '.join(same)}: the column of the text ({option('--text-field')} "
                                f"{self.text!r}); "
                                "give each field its own column")

    def wanted(self) -> tuple[str, ...]:
        """Every field name the reader looks for."""
        return tuple(getattr(self, spec.name) for spec in dataclass_fields(self))

    def named(self) -> dict[str, str]:
        """{option: field name} of the fields a table must have: the text's, and each one an option gave
        other than its default (a table without an id, label or title column is read all the same)."""
        return {f"--{spec.name}-field": getattr(self, spec.name) for spec in dataclass_fields(self)
                if spec.name == "text" or getattr(self, spec.name) != spec.default}


def as_field_names(fields) -> FieldNames:
    """`fields` as `FieldNames`: None is the default names, and a dict names some of them ({"text": "content"}), as
    the --text-field options do; anything else is refused before any work, saying what to give."""
    if fields is None:
        return FieldNames()
    if isinstance(fields, FieldNames):
        return fields
    names = [spec.name for spec in dataclass_fields(FieldNames)]
    if isinstance(fields, Mapping):
        unknown = [key for key in fields if key not in names]
        if unknown:
            raise ArgumentError(f"fields: {', '.join(map(repr, unknown))} is no field; name some of {', '.join(names)}")
        return FieldNames(**fields)
    raise ArgumentError(f"fields: a {type(fields).__name__}; give FieldNames(text=..., ...) or a dict of some of "
                        f"{', '.join(names)} (the columns' names)")
