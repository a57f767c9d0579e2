"""Reading articles as people have them.

`read_articles(paths)` streams `Article` records from a folder of .txt files
(recursively), single .txt files, JSONL (also .jsonl.gz) and CSV. Bytes are
decoded by `decode_bytes` (UTF-8 with or without BOM, UTF-16 with or without
BOM, a cp1258 fallback with a warning); text is normalised and stripped of page
furniture for learning while the raw text is kept; title, date and source are
pulled out of the text by `extract_metadata` when the record does not carry them.

Here: `Article`, how one is made from a text and a record's fields (`make_article`), the reader of each
file kind, and the entry points. Below it, knowing nothing of articles: `decode` (bytes to text), `files`
(gzip, line ends, a file's lines), `folders` (file kinds, walking folders), `tables` (CSV and .xlsx),
`jsonfiles` (JSON lines and arrays), `htmltext` (a saved page's text).

Bad input never stops `read_articles`' stream (``on_error="record"``, its default):
the article comes out with its ``error`` field set (and the error is logged), so a
batch can report it and go on. With ``on_error="raise"`` an `InputError` is raised,
and the stream stops there.
"""
from __future__ import annotations

import glob
import itertools
import logging
import math
import os
import re
import stat
from dataclasses import asdict, dataclass, field, fields as dataclass_fields
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from ..arguments import ON_ERROR, as_list, check_choice, check_max_bytes, is_dataframe, none_is_default
from ..errors import ArgumentError, InputError, NoArticlesError
from ..text.dates import FIRST_YEAR, LAST_YEAR
from ..text.normalise import nfc, normalize
from ..text.furniture import strip_furniture
from .decode import decode_bytes, decode_text
from .files import LineRange, blank_line, compression, numbered_lines, open_binary, read_all
from .folders import (TAB_SUFFIXES, Skipped, file_kind, head_text, iter_files, json_document, skipped_notes,
                      unread_notes, walked_by)
from .htmltext import FEED_START, feed_items, html_to_text, is_html, is_markdown, markdown_to_text, unescape_references
from .jsonfiles import DECODER, json_error, json_kind, json_records, loads, next_array_item
from .metadata import extract_metadata, parse_date, site_of_link
from .tables import (backslash_escaped_cells, cell_text, column_meant, csv_delimiter, csv_rows, field_names,
                     header_like_line, lines_above_table, name_key, repeated_columns, sheet_tables, split_header,
                     table_record, text_table_delimiter)
from .vnlegacy import at_least, to_unicode

log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # news articles are < 100 KB; 10 MB is a runaway file
METADATA_FIELDS = ("title", "date", "source")  # JSONL/CSV fields that win over what the text states


@dataclass
class Article:
    """One article. `text` is what models learn from; `raw` is what was read."""

    id: str
    title: str = ""
    text: str = ""
    date: str | None = None  # ISO yyyy-mm-dd
    source: str | None = None
    label: str | None = None
    raw: str = ""
    meta: dict = field(default_factory=dict)
    error: str | None = None  # set instead of raising when on_error="record"

    def to_dict(self, raw: bool = False) -> dict:
        record = asdict(self)
        if not raw:
            record.pop("raw")
        return record


def stopword_spelling(word: str) -> str:
    """A stopword as segmented, lower-cased text spells it ("Nhân dân" is "nhân_dân", "hoà" is "hòa"): in a file
    or given to `TopicModel(extra_stopwords=...)` alike."""
    return "_".join(normalize(word).lower().split())


def read_stopwords(path: str | os.PathLike) -> list[str]:
    """The words of a stopword file (one a line) as segmented, lower-cased text spells them: "Nhân dân" and
    "nhân_dân" are both "nhân_dân" (the segmenter joins a word's syllables with "_"; lists found on the web
    write spaces), and the spelling is the one `normalize` gives the text ("hoà" is "hòa", NFD is NFC)."""
    # A line of a table (a CSV of words and counts, "nhân dân,120"; a spreadsheet's column of words saved with its
    # neighbours) or a list on one line ("nhân dân, chính trị") holds a word per cell: read as one word, "nhân_dân,120"
    # matched no token and the word stayed, in silence. No word holds a comma, a semicolon, a tab or a quote.
    cells = (cell for line in read_side_file(path).splitlines() for cell in re.split(r"[,;\t]", line))
    words = (stopword_spelling(cell.replace('"', " ")) for cell in cells)
    words = [word for word in words if word]
    if not words:  # the wrong file given, as often as not: say so rather than model without the words meant
        raise InputError(f"{path}: no stopwords in it (give one a line)")
    return words


def read_side_file(path: str | os.PathLike) -> str:
    """The text of a file a user gives beside the articles (labels, stopwords) or edits (a model card):
    UTF-8 or UTF-16, with or without a BOM, as `decode_bytes` reads articles. An empty file is ""."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode_bytes(data, str(path)) if data.strip() else ""


# ------------------------------------------------------------------ metadata


def field_text(value) -> str | None:
    """A record's value as text: a string as it is, a number written out, None for anything else
    (null, true/false, a list, an object).

    >>> field_text("2022-07-05"), field_text(2022), field_text(1.0), field_text(2.5), field_text([1, 2])
    ('2022-07-05', '2022', '1', '2.5', None)

    A whole number written as a float is its digits, as a workbook's number cell is read (`tables.cell_text`):
    pandas writes a column of whole numbers with a gap as floats, so one file's label 1.0 or id 17.0 is another's 1
    or 17, never a class or an id of its own.

    A value MongoDB's export wraps in its type ({"$date": …}, {"$oid": …}, {"$numberLong": …}) is the value it wraps:
    scrapers keep their articles there, and `mongoexport` writes every date and id so.

    >>> field_text({"$date": "2023-01-04T17:30:00Z"}), field_text({"$date": {"$numberLong": "1672853400000"}})
    ('2023-01-04T17:30:00Z', '1672853400000')

    So is a field WordPress' REST API renders ({"rendered": "H&#7897;i ngh&#7883;"}, its title and content).
    """
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in _MONGODB_TYPES:
        return field_text(next(iter(value.values())))
    if isinstance(value, dict) and isinstance(value.get("rendered"), str):  # WordPress' REST API: {"rendered": "…"}
        return value["rendered"]
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:  # exactly a whole number
        value = int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


# the wrappers of MongoDB's Extended JSON that hold a plain value (`field_text`)
_MONGODB_TYPES = frozenset({"$date", "$oid", "$numberLong", "$numberInt", "$numberDouble", "$numberDecimal",
                            "$symbol", "$uuid"})


def missing(value) -> bool:
    """Whether a record's value stands for nothing: None, or NaN, which pandas gives for an empty cell and Python's
    json writes as `NaN` (a JSON line written from a DataFrame's row): not the text "nan".

    >>> missing(None), missing(float("nan")), missing(0), missing("nan")
    (True, True, False, False)
    """
    return value is None or (isinstance(value, float) and math.isnan(value))


def add_warning(meta: dict, message: str) -> None:
    """Add `message` to the record's warning (several are joined with "; ")."""
    meta["warning"] = f"{meta['warning']}; {message}" if meta.get("warning") else message


def make_article(article_id: str, raw: str, fields: dict | None = None, name: str = "") -> Article:
    """Build an `Article` from raw text plus whatever fields the record carried.

    A title, date, source or label field that is not text (a list, an object, true), or a date field that
    is not a date ("32/13/2022"), is not used; it is kept in `meta` under its name, with a warning. A date
    field is read as `parse_date` reads it, day first.
    """
    fields = {key: None if missing(value) else value for key, value in (fields or {}).items()}
    name = name or article_id
    if missing(raw):  # a DataFrame's empty cell: an article without text, as "" is
        raise InputError(f"{name}: no text in the article")
    if not isinstance(raw, str):
        raise TypeError(f"{name}: the text of an article is a str, not {type(raw).__name__}")
    raw = _from_legacy_font(raw, "text", fields, name)
    if "\\n" in raw and "\n" not in raw.strip():
        # its line ends written escaped, "\n" (a JSON string's, saved into a CSV cell or a field a second time): read
        # as one line, the text would have no title, no dateline and "2022\nThứ" for words
        log.warning("%s: the text's line ends are written escaped (\"\\n\"): read as line ends", name)
        add_warning(fields, "the text's line ends are written escaped (\\n): read as line ends")
        raw = _ESCAPED_LINE_END.sub("\n", raw)
    html = is_html(raw)
    if html:
        log.warning("%s: HTML instead of text; its visible text is used", name)
        add_warning(fields, "HTML instead of text: its visible text is used")
        raw = html_to_text(raw)
    elif is_markdown(raw):  # as reader and scraper tools save a page: its words, not its links' addresses and marks
        log.warning("%s: Markdown instead of text; its text is used, without the links' addresses", name)
        add_warning(fields, "Markdown instead of text: its text is used, without the links' addresses")
        raw = markdown_to_text(raw)
    if not html and (unescaped := unescape_references(raw)) != raw:  # a page's text without its tags: "V&#7853;n"
        log.warning("%s: HTML character references (\"&#7853;\", \"&amp;\") in the text: read as the characters they "
                    "stand for", name)
        add_warning(fields, "HTML character references (&#7853;, &amp;) in the text: read as the characters they stand for")
        raw = unescaped
    clean = strip_furniture(normalize(raw))
    if not clean.strip():
        clean = _title_for_wordless_text(raw, fields, name)
    found = extract_metadata(clean)
    given = {}
    for key in METADATA_FIELDS + ("label",):
        value = fields.pop(key, None)
        given[key] = field_text(value)
        if value is not None and given[key] is None:
            fields[key] = value
            add_warning(fields, f"the '{key}' field is {json_kind(value)}, not text: not used")
            log.warning("%s: the '%s' field is %s, not text: not used", name, key, json_kind(value))
    for key in ("title", "source"):  # copied from the same old document as the text, as often as not
        if given[key]:
            given[key] = _from_legacy_font(given[key], f"the '{key}' field", fields, name, fields.get("encoding"))
    for key in METADATA_FIELDS:  # spelt as the text is, so that what the text states and a field agree: a source
        if given[key] is not None:  # from a Mac (NFD) or a Windows-1258 file (tone marks apart) is one source
            # (a title exported escaped for a page, "H&#7897;i ngh&#7883;", as its text may be)
            given[key] = normalize(unescape_references(given[key])).strip()
    if given["source"]:
        given["source"] = site_of_link(given["source"])
    if given["date"]:
        date = parse_date(given["date"])
        if date is None:
            fields["date"] = given["date"]
            # one message for the record and the log: which forms are read, not only which years
            why = (f"the 'date' field {given['date']!r} is not a date (day/month/year or year-month-day, in the "
                   f"years {FIRST_YEAR} to {LAST_YEAR}, not 1970-01-01 or 1900-01-01, the days software writes for "
                   "no date): not used")
            add_warning(fields, why)
            log.warning("%s: %s", name, why)
        given["date"] = date
    title = given["title"] or found["title"]
    # a label is read as a user meant it: "other " (a space a spreadsheet kept) is "other", and NFD (typed on a
    # Mac) is NFC, as in label files
    return Article(
        id=str(article_id), title=title, text=clean, date=given["date"] or found["date"],
        source=given["source"] or found["source"], label=nfc((given["label"] or "").strip()) or None, raw=raw,
        meta=fields,
    )


_ESCAPED_LINE_END = re.compile(r"\\r\\n|\\n")


def _title_for_wordless_text(raw: str, fields: dict, name: str) -> str:
    """The text of an article whose text held nothing once its furniture went ("...", "* * *", a line of
    buttons): its title field, as for an empty text (an export of headlines), with a warning that says so;
    without a title, the error says what the text held, since "no text" misleads about a text of marks."""
    held = " ".join(raw.split())[:40]
    why = f"the text holds no words once its page furniture is dropped ({held!r})"
    title = field_text(fields.get("title"))
    if title and strip_furniture(normalize(title)).strip():
        add_warning(fields, f"{why}: the title is read as the text")
        log.warning("%s: %s: the title is read as the text", name, why)
        return strip_furniture(normalize(title))
    if held:
        raise InputError(f"{name}: no text in the article: {why}, and it has no title to read instead")
    raise InputError(f"{name}: no text in the article")


def _from_legacy_font(value: str, what: str, fields: dict, name: str, likely: str | None = None) -> str:
    """`value` in Unicode: Vietnamese in the TCVN3 or VNI font encoding (a document set in those fonts, copied
    into a UTF-8 file or field) converted, with a warning in the record naming `what` was. `likely`: the
    encoding the record's text was in (`to_unicode`)."""
    converted, encoding = to_unicode(value, likely)
    if encoding:
        log.warning("%s: %s in the %s font encoding, converted to Unicode", name, what, encoding)
        fields.setdefault("encoding", encoding)
        add_warning(fields, f"{what} written in {encoding} (an old Vietnamese font encoding), converted to Unicode")
    return converted


_VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I
)


def looks_vietnamese(text: str) -> bool:
    """False for text long enough to judge (100 characters: a title and a short lead) that carries almost no
    Vietnamese letters. In the first 100 characters of 40,000 baomoi and VNTC articles, 3% of characters or
    more are Vietnamese letters; under 2% is another language, or Vietnamese typed without accents, which the
    model and the cue rules cannot read."""
    sample = text[:5000]
    if len(sample) < 100:
        return True
    return at_least(_VIETNAMESE_LETTERS, sample, int(0.02 * len(sample)) + 1)


# UTF-8 read as Windows-1252 and saved again: a lead byte (Ã Ä Å Æ Â for 2-byte letters, "á" then º or »
# for ạ…ỹ) followed by what a continuation byte becomes (0x80-0xBF: Latin-1's upper half, C1 codes, and
# the letters and marks Windows-1252 puts on 0x80-0x9F). Vietnamese never writes these pairs.
_MOJIBAKE = re.compile("[ÂÃÄÅÆ][\u0080-\u00bfŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™]|á[º»]")
_MOJIBAKE_MIN = 5
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")  # kana, Han, Hangul


def not_vietnamese(text: str) -> str | None:
    """Why `text` is clearly not Vietnamese as it stands, or None: mojibake ("PhÃ¡t huy" for "Phát huy"), or
    mostly Chinese, Japanese or Korean characters. Cheap, since every article goes through it: it looks at the
    first 2,000 characters for mojibake only when one of its lead letters is there, at the first 300 for
    Chinese, and stops counting once it is sure."""
    sample = text[:2000]
    if any(lead in sample for lead in "ÂÃÄÅÆ") and at_least(_MOJIBAKE, sample, _MOJIBAKE_MIN):
        return ("UTF-8 text that was read as Windows-1252 and saved again (\"Ã¡\" for \"á\", \"Ä‘\" for \"đ\"): "
                "not Vietnamese as it stands; open the original as UTF-8")
    head = text[:300]
    if at_least(_CJK, head, len(head) // 3 + 1):
        return "mostly Chinese, Japanese or Korean characters: not Vietnamese"
    return None


# ------------------------------------------------------------------- readers

def _failed(article_id: str, message: str, on_error: str, title: str = "") -> Article:
    """An article that could not be read; it keeps the id and `title` its record gave, for the reader."""
    if on_error == "raise":  # the reading stops here: the error says how to read on
        raise InputError(f"{message}; on_error=\"record\" (read_articles' default) reads on, giving this one as an "
                         "article with its error")
    log.error("%s", message)  # an error, not a warning: `dvtopics -q` shows it (exit code 1 says some were)
    return Article(id=article_id, title=title, error=message)


def _checked(article: Article, on_error: str, name: str) -> Article:
    message = not_vietnamese(article.text)
    # the text judged alone when it is long enough (an accented headline over a body typed without accents is
    # flagged), with its title when it is short (a title and a one-line lead)
    judged = article.text if len(article.text) >= 100 else f"{article.title or ''}\n{article.text}"
    if message is None and not looks_vietnamese(judged):
        message = ("few Vietnamese diacritics: another language, or Vietnamese typed without accents (its label and "
                   "topics are unreliable)")
    if message:
        add_warning(article.meta, message)
        log.warning("%s: %s", name, message)
    return article


def _over_limit(where: str, size: int, max_bytes: int) -> str:
    return f"{where}: {_size(size)} is over the {_size(max_bytes)} article limit (raise it with --max-bytes)"


def utf8_size(text: str) -> int:
    """The bytes of `text` in UTF-8: what --max-bytes counts for text already decoded (a CSV cell, a JSON
    file), as it counts a .txt file's or a JSONL line's bytes (Vietnamese letters take 2-3 bytes each)."""
    return len(text.encode("utf-8", "surrogatepass"))


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n:,} bytes"


def _read_text_file(path: Path, article_id: str, on_error: str, max_bytes: int) -> Article:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _failed(article_id, _over_limit(str(path), size, max_bytes), on_error)
        data = path.read_bytes()
        if compression(data[:6]) == "gzip":  # one article gzipped (`article.txt.gz`), as a .jsonl.gz is read
            data, problem = _gunzipped(path, max_bytes)
            if problem:
                return _failed(article_id, f"{path}: {problem}", on_error)
        raw, warning = decode_text(data, str(path))
        fields = {"path": str(path)}
        if warning:
            fields["warning"] = warning  # logged where the bytes were decoded
        return _checked(make_article(article_id, raw, fields, str(path)), on_error, str(path))
    except (InputError, OSError) as exc:
        return _failed(article_id, str(exc) if isinstance(exc, InputError) else _os_cause(path, exc), on_error)


def _gunzipped(path: Path, max_bytes: int) -> tuple[bytes, str | None]:
    """The decompressed bytes of a gzipped article, and why they cannot be read, if they cannot: over `max_bytes`
    once decompressed (read no further: a small file may inflate to gigabytes), or a fault in the gzip data."""
    try:
        with open_binary(path) as handle:
            data = handle.read(max_bytes + 1)
    except InputError as exc:  # (its "what came before it was read" is of a file of many articles, not one)
        return b"", f"{str(exc).split(';')[0]}: the article is not read"
    if len(data) > max_bytes:
        return b"", f"over the {_size(max_bytes)} article limit once decompressed (raise it with --max-bytes)"
    return data, None


def _os_cause(path: Path, exc: OSError) -> str:
    """Why `path` could not be read, in the user's terms: a link whose file is gone (an article moved, its link
    left) is listed where it was, so "No such file or directory" would deny the file the user sees."""
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        try:
            return f"{path}: a link to {os.readlink(path)}, which is not there"
        except OSError:
            pass
    return f"{path}: cannot read ({exc.strerror or exc})"


# how many records of a JSONL/JSON file are read before it is refused when none has the text field
TEXT_FIELD_RECORDS = 100


def _with_text_field(path: Path, fields: "FieldNames", on_error: str, items: Iterable) -> Iterator[Article]:
    """The articles of a JSONL/JSON file's `items` (a record as the arguments of `_record_to_article`, or an
    `Article` that could not be read), unless none of its first `TEXT_FIELD_RECORDS` records (all of them, in a
    smaller file) has the text field: a --text-field mistyped, or a text saved under another name ("content").
    The file is then one error naming the field and the fields its records have, as a table without the text
    column is (`header_problem`), and is read no further; its articles are not taken from their titles. Once
    one record has the field, the records before it come out as they are (a record without it is read from its
    title, with a warning in its record), and reading streams on."""
    pending, names, records, found = [], {}, 0, False
    items = iter(items)
    for item in items:
        pending.append(item)
        if isinstance(item, Article):  # an error, logged where it was made
            continue
        record = _named_fields(item[0], fields)
        if fields.text in record:
            found = True
            break
        names.update(dict.fromkeys(name for name in item[0] if isinstance(name, str)))  # as the file spells them
        records += 1
        if records == TEXT_FIELD_RECORDS:
            break
    if records and not found:
        which = f"its first {records} records" if records == TEXT_FIELD_RECORDS else "any of its records"
        yield from (item for item in pending if isinstance(item, Article))
        yield _failed(path.name, f"{path}: no '{fields.text}' field (--text-field) in {which}"
                      f"{_meant(fields.text, names)}; their fields are {_fields_found(names)}", on_error)
        return
    for item in itertools.chain(pending, items):
        if isinstance(item, Article):
            yield item
        else:
            yield from _record_to_article(*item)


def _read_jsonl(path: Path, fields: "FieldNames", on_error: str, max_bytes: int,
                lines: "LineRange | None" = None) -> Iterator[Article]:
    """The articles of a JSONL file (of `lines` of it: a Dask part, checked for the text field on its own)."""
    return _with_text_field(path, fields, on_error, _jsonl_items(path, fields, on_error, max_bytes, lines))


def _jsonl_items(path: Path, fields: "FieldNames", on_error: str, max_bytes: int,
                 lines: "LineRange | None") -> Iterator:
    for number, line in numbered_lines(path, lines, max_bytes):
        where, fallback_id = f"{path}:{number}", f"{path.name}:{number}"
        if isinstance(line, str):  # reading stopped here
            yield _failed(fallback_id, f"{where}: {line}", on_error)
            return
        size = line if isinstance(line, int) else len(line)
        if size > max_bytes:
            yield _failed(fallback_id, _over_limit(f"{where}: line", size, max_bytes), on_error)
            continue
        if blank_line(line):
            continue
        try:
            text, warning = decode_text(line, where, line=True)
            records = json_records(text, where)
        except InputError as exc:
            yield _failed(fallback_id, str(exc), on_error)
            continue
        if isinstance(records, dict):
            yield records, fallback_id, fields, on_error, where, warning
            continue
        for item, record in enumerate(records, 1):  # a line that holds an array: each item is named by its place
            yield record, f"{fallback_id}:{item}", fields, on_error, f"{where}, item {item}", warning


def _read_json(path: Path, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator[Article]:
    """A .json file (gzip data too, whatever its name says): an array of articles, one article, or (misnamed)
    JSON lines."""
    data, problem = read_all(path)  # `problem`: why reading stopped early (a gzip file cut short)
    if problem and not data.strip():
        yield _failed(path.name, f"{path}: {problem}", on_error)
        return
    try:
        text, warning = decode_text(data, str(path))
    except InputError as exc:
        yield _failed(path.name, str(exc), on_error)
        return
    start = len(text) - len(text.lstrip())
    rows = _rows_table(text, start, fields) if text.startswith("[", start) else None
    if rows is not None:  # [["id", "text"], ["a1", "…"], …]: a sheet's rows, its header first
        log.warning("%s: a JSON array of rows under a header row (a sheet's values): read as a table, an article a "
                    "row", path)
        yield from _with_text_field(path, fields, on_error, _held_items(path, rows, fields, on_error, max_bytes,
                                                                        warning))
        return
    if text.startswith("[", start):
        yield from _with_text_field(path, fields, on_error,
                                    _json_array_items(path, text, start + 1, fields, on_error, max_bytes, warning))
        if problem:  # the items before the fault are read; what follows it is lost, and said so
            yield _failed(path.name, f"{path}: {problem}; the articles after it are not read", on_error)
        return
    try:
        record = loads(text)
    except (ValueError, RecursionError):
        yield from _read_jsonl(path, fields, on_error, max_bytes)  # one object per line
        return
    held = _records_held(record, fields)
    if held is not None:  # {"data": [...]}, an API's export; {"text": {"0": …}}, a DataFrame's to_json(): its articles
        what, items = held
        log.warning("%s: %s: read as its %d article%s", path, what, len(items), "s" * (len(items) != 1))
        yield from _with_text_field(path, fields, on_error, _held_items(path, items, fields, on_error, max_bytes,
                                                                        warning))
        return
    try:
        if not isinstance(record, dict):
            raise InputError(f"{path}: a JSON array of articles or one article is expected, "
                             f"not {json_kind(record)}")
        if utf8_size(text) > max_bytes:
            raise InputError(_over_limit(str(path), utf8_size(text), max_bytes))
    except InputError as exc:
        yield _failed(path.stem, str(exc), on_error)
        return
    yield from _with_text_field(path, fields, on_error, [(record, path.stem, fields, on_error, str(path), warning)])


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
    named = _named_fields(record, fields)
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
            fields.text in _named_fields(value, fields) for value in values):
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
    lists = [(key, value) for key, value in record.items() if isinstance(key, str) and isinstance(value, list)
             and value and any(isinstance(item, dict) for item in value)]
    if len(lists) != 1:
        return None
    key, value = lists[0]
    return (f"a JSON object whose '{key}' holds a list of records",
            [(f"'{key}', item {n}", str(n), item) for n, item in enumerate(value, 1)])


def _held_items(path: Path, items: list, fields: "FieldNames", on_error: str, max_bytes: int,
                warning: str | None) -> Iterator:
    """The articles `_records_held` found, as `_json_array_items` gives an array's items."""
    import json

    for where, tail, item in items:
        where, fallback_id = f"{path} ({where})", f"{path.name}:{tail}"
        if not isinstance(item, dict):
            yield _failed(fallback_id, f"{where}: an article (a JSON object) is expected, not {json_kind(item)}",
                          on_error)
        elif (size := utf8_size(json.dumps(item, ensure_ascii=False))) > max_bytes:
            yield _failed(fallback_id, _over_limit(where, size, max_bytes), on_error)
        else:
            yield item, fallback_id, fields, on_error, where, warning


# what may end a file after its last value: DOS's end-of-file mark (Ctrl-Z), which old Windows tools append, read
# as nothing, not as data after the array
_END_OF_FILE_MARKS = " \t\r\n\x1a"


def _json_array_items(path: Path, text: str, position: int, fields: "FieldNames", on_error: str,
                      max_bytes: int, warning: str | None = None) -> Iterator:
    """The items of a JSON array one by one, so that the items before a fault are read: each an `Article` that
    could not be read or the arguments of `_record_to_article` (`_with_text_field`)."""
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
            yield _failed(f"{path.name}:{item + 1}", f"{path}:{line}: more data after the array's closing ']' "
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
                yield _failed(fallback_id, f"{where}: not valid JSON ({cause}); the rest of the file is not read",
                              on_error)
                return
            next_line = line + text.count("\n", counted, position)
            yield _failed(fallback_id, f"{where}: not valid JSON ({cause}); reading goes on at the next item, on "
                          f"line {next_line}", on_error)
            continue
        size = utf8_size(text[position:end])
        if size > max_bytes:
            yield _failed(fallback_id, _over_limit(where, size, max_bytes), on_error)
        elif not isinstance(value, dict):
            yield _failed(fallback_id, f"{where}: an article (a JSON object) is expected, not {json_kind(value)}",
                          on_error)
        else:
            yield value, fallback_id, fields, on_error, where, warning
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
            yield _failed(f"{path.name}:{item}", f"{path}:{line}: ',' or ']' expected after item {item - 1}; " + (
                "the rest of the file is not read" if resumed is None else "reading goes on at the next item"),
                on_error)
            if resumed is None:
                return
            position = resumed


def _read_csv(path: Path, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator[Article]:
    data, problem = read_all(path)
    try:
        text, warning = decode_text(data, str(path)) if data.strip() else ("", None)
    except InputError as exc:
        yield _failed(path.name, str(exc), on_error)
        return
    number = 1
    whole = text
    delimiter, text = csv_delimiter(text, fields.text, "\t" if path.name.lower().endswith(TAB_SUFFIXES) else ",")
    lines_above = lines_above_table(whole, text)
    header, rows = split_header(csv_rows(text, delimiter, cut=bool(problem)), fields.text, fields.wanted(),
                                lambda item: item[1], path)
    if header is not None:
        given, header = header[1], field_names(header[1], fields.wanted())
        wrong = header_problem(path, header, fields, given)
        if wrong:
            yield _failed(path.name, wrong, on_error)
            return
    escapes_said = False
    for line, row, cause, cells in rows:
        if row is not None and not any(value.strip() for value in row):
            continue  # a blank line, or a spreadsheet's empty row (",,,"): no article, not an error
        if row is not None and header is not None and _header_again(row, header, fields.wanted()):
            log.warning("%s:%d: the table's header again (CSV files joined one after another?): not an article",
                        path, line + lines_above)
            continue
        number += 1
        line += lines_above
        # an error names the line the row starts on, as a JSONL file's names its line, so that it can be found
        # in the file: the rows are not its lines where a cell holds several, or blank or title lines come before
        where, fallback_id = f"{path}:{line}", f"{path.name}:{number}"
        quotes_as_text = None
        escaped = backslash_escaped_cells(delimiter.join(cells), delimiter) if row is None and header else None
        if escaped and len(escaped) <= len(header):  # quotes in quoted cells written \" (MySQL, PHP): that row
            row, quotes_as_text = escaped, f"line {line} has its quotes escaped with a backslash (\\\"): read so"
            if not escapes_said:  # once a file: an export so written has it on every row that quotes
                log.warning("%s: quotes escaped with a backslash (\\\") rather than doubled: read so, here and in "
                            "every later row so written (each says so in its record)", where)
                escapes_said = True
        quotes_closed = row is None and "".join(cells).count('"') % 2 == 0
        if quotes_closed and header is not None:  # (no header: no row was valid)
            # blank cells past the header's named ones are no column: a trailing delimiter, as spreadsheets save
            # rows (and headers)
            columns = len(header)
            while columns and not (header[columns - 1] or "").strip():
                columns -= 1
            while len(cells) > columns and not cells[-1].strip():
                cells = cells[:-1]
        if quotes_closed and header is not None and columns <= len(cells) <= len(header):
            # a line whose quotes open and close on it, and that holds the header's cells when they are read as
            # text, is that row (a TSV written without quoting: '"Dân vận khéo" nhân rộng'); a quote left open
            # is a quoted cell cut short, and the row stays broken
            row, quotes_as_text = cells, (f"line {line} is not valid CSV ({cause}): read with its quotes as "
                                          f"text, as it then has the header's {columns} columns")
            log.warning("%s: %s", where, quotes_as_text)
        if row is None:
            yield _failed(fallback_id, f"{where}: broken CSV row ({cause}); its first line is skipped", on_error)
            continue
        record = table_record(header, row, fields.text, delimiter)
        if quotes_as_text:
            record["warning"] = quotes_as_text
        size = utf8_size(record.get(fields.text) or "")
        if size > max_bytes:
            yield _failed(_record_id(record, fields, fallback_id),
                          _over_limit(f"{where}: field '{fields.text}'", size, max_bytes), on_error)
            continue
        yield from _record_to_article(record, fallback_id, fields, on_error, where, warning)
    if problem:  # the file's text ends with its last whole line: the fault is on the line after it
        yield _failed(f"{path.name}:{number + 1}", f"{path}:{whole.count(chr(10)) + 1}: {problem}", on_error)


def _header_again(row: list[str], header: list, wanted: Iterable[str]) -> bool:
    """Whether a row below a CSV's header is that header again, as two exports joined into one file hold it (`cat
    a.csv b.csv`; Windows' `copy a.csv+b.csv`), the second one's BOM and all: names matched as the header's are
    ("ID" for "id", "Nội dung" for "text"), blank cells past them aside."""
    def names(cells) -> list[str]:
        keys = [name_key(cell or "") for cell in cells]
        while keys and not keys[-1]:
            keys.pop()
        return keys

    return names(field_names([row[0].lstrip("\ufeff"), *row[1:]] if row else row, wanted)) == names(header)


def _read_feed(path: Path, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator[Article]:
    """The articles of an RSS or Atom feed (`feed_items`), an item each, in the feed's order: its link (or guid) is
    its id, its full content (else its description) its text, its publication date its date."""
    data, problem = read_all(path)
    try:
        if problem:
            raise ValueError(problem)
        items = feed_items(data)
    except ValueError as exc:
        yield _failed(path.name, f"{path}: {exc}", on_error)
        return
    log.warning("%s: a news feed (RSS or Atom): each of its %d items read as an article", path, len(items))
    for number, item in enumerate(items, start=1):
        where, fallback_id = f"{path} (item {number})", f"{path.name}:{number}"
        record = {getattr(fields, key): value for key, value in item.items() if value is not None}
        if utf8_size(item["text"] or "") > max_bytes:
            yield _failed(_record_id(record, fields, fallback_id),
                          _over_limit(f"{where}: its text", utf8_size(item["text"]), max_bytes), on_error)
            continue
        yield from _record_to_article(record, fallback_id, fields, on_error, where)


def _read_xlsx(path: Path, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator[Article]:
    """The articles of a workbook, as a CSV's: in each sheet a header row (as `split_header` finds it,
    wherever the table starts) and then an article a row (an .xlsx of articles and their corrected labels,
    for `train --extra`). Every sheet whose header names the text field is read; the other sheets that hold
    anything are named in a warning. When none names it, the first sheet that holds anything is read, so that
    its rows say which fields they have. A text over `max_bytes` is an error, as in a CSV (a cell holds at most
    32,767 characters, under the default limit, but --max-bytes may be set lower)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        yield _failed(path.name, f"{path}: not an .xlsx workbook ({exc})", on_error)
        return
    try:
        tables = list(sheet_tables(book, fields.wanted(), fields.text, path))
        chosen = [table for table in tables if fields.text in table[2]] or tables[:1]
        others = [repr(table[0]) for table in tables if table not in chosen]
        if others:
            log.warning("%s: sheet%s %s not read: no '%s' column in %s; read: %s", path, "s" * (len(others) > 1),
                        ", ".join(others), fields.text, "their header" if len(others) > 1 else "its header",
                        ", ".join(repr(table[0]) for table in chosen))
        for title, index, header, rows, given in chosen:
            # the first sheet's articles keep the ids they always had; another sheet's name its sheet
            at = f"{title}:" if index else ""
            wrong = header_problem(f"{path}:{title}" if index else path, header, fields, given)
            if wrong:
                yield _failed(f"{path.name}:{at}".rstrip(":"), wrong, on_error)
                continue
            for number, row in rows:
                if not any((cell_text(cell) or "").strip() for cell in row):
                    continue  # a blank row a spreadsheet keeps below its table
                record = table_record(header, list(map(cell_text, row)), fields.text)
                where, fallback_id = f"{path}:{at}{number}", f"{path.name}:{at}{number}"
                size = utf8_size(record.get(fields.text) or "")
                if size > max_bytes:
                    yield _failed(_record_id(record, fields, fallback_id),
                                  _over_limit(f"{where}: field '{fields.text}'", size, max_bytes), on_error)
                    continue
                yield from _record_to_article(record, fallback_id, fields, on_error, where)
    finally:
        book.close()


def header_problem(where, header: list, fields: "FieldNames", given: list | None = None) -> str | None:
    """Why a table cannot be read, in one line, or None: its header has no text column, or no column a field
    option named (a name mistyped, "Tieu de" for "Tiêu đề"), or a field's name in two columns (the text
    and a note both headed "text"). The table is then one error record, not an error (or a title read as the
    text, or the note as the text) per row, and the other inputs are read all the same. A label column
    that --label-field names and the table lacks is an `InputError` that stops the run instead, for every
    command (the one check of it): the labels are what `train` learns, `evaluate` scores and the report gives
    as the articles' types, and a run without them would give another result, not one table fewer.
    Warns when it has no title column but columns that are not read: a title under another name
    ("Tiêu đề") would otherwise be taken from the text unseen. `given`: the header's names as the table spells
    them, before `field_names` matched them ("Nội dung", not "text"), which the messages name."""
    columns = [name for name in (header if given is None else given) if isinstance(name, str) and name.strip()]
    repeated = repeated_columns(header, fields.wanted())
    if repeated:
        problem = f"{where}: {repeated}"
        if "--label-field" in fields.named() and repeated_columns(header, [fields.label]):
            raise InputError(problem)  # as a missing label column: the run would give another result
        return problem
    missing = [(option, name) for option, name in fields.named().items() if name not in header]
    if missing:
        said = "; ".join(f"no '{name}' column ({option})" + _meant(name, columns) for option, name in missing)
        problem = f"{where}: {said}; its columns are {_fields_found(columns)}"
        if "--label-field" in dict(missing):
            raise InputError(problem)
        return problem
    unread = [name for name in header if isinstance(name, str) and name.strip() and name not in fields.wanted()]
    if fields.title not in header and unread:
        log.warning("%s: no '%s' column, so each title is taken from its text; not read: %s (give the title's "
                    "column with --title-field)", where, fields.title, _fields_found(unread))
    return None


def _meant(name: str, columns: list) -> str:
    """" (did you mean 'Nội dung'?)" when `name` is a column's name without its tone marks, else ""."""
    meant = column_meant(name, columns)
    return f" (did you mean {meant!r}?)" if meant else ""


def _named_fields(record: dict, fields: "FieldNames") -> dict:
    """`record` with its field names matched to the ones the reader looks for (`field_names`). A search engine's
    hit (Elasticsearch's, OpenSearch's: `elasticdump`, a search's "hits") keeps the article in its "_source", and
    its id in "_id": that article is the record."""
    source = record.get("_source")
    if isinstance(source, dict) and fields.text not in field_names(record, fields.wanted()):
        record = {**({fields.id: record["_id"]} if "_id" in record else {}), **source}
    names = field_names(record, fields.wanted())
    return record if names == list(record) else dict(zip(names, record.values()))


def _fields_found(names: Iterable) -> str:
    shown = [repr(name) for name in names if isinstance(name, str)]
    return ", ".join(shown[:20]) + (", …" if len(shown) > 20 else "") if shown else "none"


def _record_id(record: dict, fields: "FieldNames", fallback_id: str) -> str:
    """A record's id, or `fallback_id` (its place: file and line) when it has none. An id of spaces alone (a cell
    cleared with the space bar) is none, as an empty one is: it would be blank in every output, and no labels file
    could name it."""
    given = field_text(record.get(fields.id))
    return given if given and given.strip() else fallback_id


# The error values a spreadsheet shows, and saves, in a cell whose formula failed (Excel's and LibreOffice's)
SPREADSHEET_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
                                "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
                                "ERR:502", "ERR:504", "ERR:508", "ERR:522", "#NAME!"})


def _record_to_article(record: dict, fallback_id: str, fields: "FieldNames", on_error: str,
                       where: str, warning: str | None = None) -> Iterator[Article]:
    """The article of a JSONL/JSON/CSV record; `warning`, how its file's bytes were read, goes in its record."""
    record = {name: None if missing(value) else value for name, value in _named_fields(record, fields).items()}
    # a formula's error that a spreadsheet saved as the cell's value ("#N/A" of a VLOOKUP that found nothing) is no
    # text, title or date: read as one, it was an article "#N/A" labelled and counted as any other
    failed = {name: value.strip() for name, value in record.items() if isinstance(value, str) and value[:1] in "#E "
              and value.strip().upper() in SPREADSHEET_ERRORS and name in fields.wanted()}
    record.update(dict.fromkeys(failed, ""))
    article_id = _record_id(record, fields, fallback_id)
    # the fields make_article reads, under its names
    extra = {k: v for k, v in record.items() if k not in fields.wanted()}
    extra.update({key: record.get(getattr(fields, key)) for key in METADATA_FIELDS + ("label",)})
    for name, value in failed.items():
        add_warning(extra, f"the '{name}' cell holds {value}, a spreadsheet formula's error: read as empty")
    title = (field_text(extra["title"]) or "").strip()
    text = record.get(fields.text)
    if isinstance(text, dict) and isinstance(text.get("rendered"), str):  # WordPress' REST API: {"rendered": "<p>…"}
        text = text["rendered"]
    if isinstance(text, list) and text and all(isinstance(part, str) for part in text):
        # paragraphs, as scrapers save a page's text (Scrapy's .getall()): one a line
        add_warning(extra, f"the '{fields.text}' field is a list of {len(text)} texts: read as paragraphs, one a line")
        text = "\n".join(text)
    if (text is None or isinstance(text, str)) and not (text or "").strip() and title:
        # a headline without its text (an export whose content is empty) is an article all the same
        what = "missing" if text is None else "empty"
        text = extra["title"]
        add_warning(extra, f"the '{fields.text}' field is {what}: the title is read as the text")
    if not isinstance(text, str) or not text.strip():
        what = "missing" if text is None else "empty" if isinstance(text, str) else json_kind(text)
        if fields.text in failed:
            what = f"{failed[fields.text]}, a spreadsheet formula's error"
        found = f"; the fields here are {_fields_found(record)}" if fields.text not in record else ""
        yield _failed(article_id, f"{where}: no '{fields.text}' field with text (it {'holds' if fields.text in failed else 'is'} "
                      f"{what}){found}", on_error,
                      title)
        return
    if warning:
        add_warning(extra, warning)
    try:
        yield _checked(make_article(article_id, text, extra, where), on_error, where)
    except InputError as exc:
        yield _failed(article_id, str(exc), on_error, title)


@dataclass(frozen=True)
class FieldNames:
    """Names of the fields that hold the text, id, label, title, date and source in JSONL/CSV/XLSX input."""

    text: str = "text"
    id: str = "id"
    label: str = "label"
    title: str = "title"
    date: str = "date"
    source: str = "source"

    def __post_init__(self):
        # a name that is not text (None, a number) would fail below with an AttributeError, not a clear error; the
        # CLI's options refuse an empty name, and a library call is told the same
        for spec in dataclass_fields(self):
            value = getattr(self, spec.name)
            if not isinstance(value, str) or not value.strip():
                raise ArgumentError(f"{spec.name} field {value!r}: give the name of a field, as text")
        # another field named for the text's column would read the whole text as an id, a label or a title. A field
        # left at its default may share it: `--text-field title` labels headlines, and the title is the text then
        same = [f"--{spec.name}-field {getattr(self, spec.name)!r}" for spec in dataclass_fields(self)
                if spec.name != "text" and getattr(self, spec.name) != spec.default
                and name_key(getattr(self, spec.name)) == name_key(self.text)]
        if same:
            raise ArgumentError(f"{' and '.join(same)}: the column of the text (--text-field {self.text!r}); "
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


def _unreadable(path: Path) -> str | None:
    """Why `path` cannot be read as an input file without opening it (a pipe would block), or None; None for a
    folder that can be listed (a folder given that holds no .txt file: `_no_articles`)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return _os_cause(path, exc)
    if stat.S_ISDIR(mode):
        try:
            os.scandir(path).close()
        except OSError as exc:
            return f"{path}: cannot read this folder ({exc.strerror or exc}); its articles are missing"
        return None
    if not stat.S_ISREG(mode):
        return f"{path}: not a regular file (a pipe, socket or device): skipped; copy it into a file to read it"
    return None


@none_is_default
def read_articles(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    fields: FieldNames | Mapping[str, str] | None = FieldNames(),
    on_error: str = "record",
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article]:
    """Stream articles from files and folders, in order. The files a folder holds that are not read are
    named in one warning per kind; a path that gives no article at all (an empty file, a folder without a
    .txt file) gives one error in its place (or raises `NoArticlesError`, as errors are raised).

    A record that cannot be read (a JSONL line that is not JSON, a file that is not text): by default
    (`on_error="record"`) it comes as an `Article` in its place with its `error` set (and its id, and the
    title its record gave), the error is logged, and reading goes on, as the command line reads: skip the
    articles whose `error` is set where only texts will do. With `on_error="raise"` an `InputError` naming it
    is raised there, and the articles after it are not read.

    `fields` names the columns of JSONL/CSV/XLSX input, as --text-field and the others do: a `FieldNames`, a dict
    of some of them (``{"text": "content"}``), or None for the defaults.

    >>> [a.id for a in read_articles("seeds")][:2]
    ['000_4277f1d749d09db2', '001_07d20b8c73b70dfd']
    """
    check_choice("on_error", on_error, ON_ERROR)  # here, not once the articles are asked for: before any work
    return _read_articles(_paths_given(paths), as_field_names(fields), on_error, check_max_bytes(max_bytes))


def _read_articles(paths, fields: FieldNames, on_error: str, max_bytes: int) -> Iterator[Article]:
    seen, repeated, example = set(), 0, None  # a hash of each id, not the id: about 70 bytes an article
    for given in unique_paths(paths):
        skipped: Skipped = {}
        for path, article_id in iter_files([given], skipped, fields.text):
            for article in read_file(path, article_id, fields, on_error, max_bytes):
                key = hash(article.id)
                if key in seen:
                    repeated += 1
                    example = article.id if example is None else example
                else:
                    seen.add(key)
                yield article
        for note in skipped_notes(skipped):
            log.warning("%s: %s", given, note)
    if repeated:  # labels are joined to articles by id (--labels, label's output): these cannot be told apart
        log.warning("%d %s the id of an earlier article (e.g. %r): labels given by id cannot tell them apart; "
                    "give each article its own id", repeated, "article repeats" if repeated == 1 else "articles repeat",
                    example)


def unique_paths(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> list:
    """`paths`, each once: a file or folder given twice ("seeds", "./seeds/"), or inside a folder given too
    ("seeds", "seeds/000.txt"), is read once, with a note, so that its articles are not counted twice. No path
    at all is refused."""
    unique, seen = [], set()
    for given in _paths_given(paths):
        where = os.path.realpath(given)
        if where in seen:
            log.warning("%s: given twice; read once", given)
            continue
        seen.add(where)
        unique.append(given)
    if not unique:  # a glob that matched nothing: reading nothing would write an empty output, silently
        raise NoArticlesError("no path given to read: give the files or folders of the articles")
    folders = [given for given in unique if os.path.isdir(given)]
    kept = []
    for given in unique:
        folder = next((folder for folder in folders if walked_by(given, folder)), None)
        if folder is None:
            kept.append(given)
        else:
            log.warning("%s: inside %s, given too; read once", given, folder)
    return kept


# "-" is standard input to most command-line tools: what a user pipes in (`cat a.jsonl | dvtopics label -`). Reading
# it would lose what files give every run: a name for each article's id, a kind by its suffix, a size and time that
# `--resume` checks, a path a Dask worker can open. So it is refused, saying how to give the text instead.
STANDARD_INPUT = "-"
STANDARD_INPUT_REFUSED = ("'-' (standard input) is not read: dvtopics reads files and folders; save what you pipe "
                          "to a file (`... > articles.jsonl`, or .csv, .txt) and give its path")


def refuse_standard_input(path: str | os.PathLike) -> None:
    """Refuse "-" (standard input) in one line that says what to do, unless a file is so named (`./-` reads it)."""
    if os.fspath(path) == STANDARD_INPUT and not os.path.lexists(path):
        raise ArgumentError(STANDARD_INPUT_REFUSED)


def home_path(path):
    """`path` with a leading "~" read as the home folder, as the cache folder is (`text.cache.cache_folder`): the
    shell leaves it as typed inside quotes and after "=" (`--out=~/labels.csv`), and Python never reads it, so
    "~/bai" named a folder "~" here, made anew by an output. Other paths are returned as given."""
    if isinstance(path, (str, os.PathLike)) and os.fspath(path).startswith("~"):
        expanded = os.path.expanduser(os.fspath(path))
        return type(path)(expanded) if isinstance(path, Path) else expanded
    return path


def _paths_given(paths) -> list:
    """`paths` as a list of paths (one path alone is a list of one), each a str or a path object. A table of
    articles (a pandas DataFrame) is refused, saying how to read it: iterated, it gives its column names, which
    would be read as files ("id: no such file or folder")."""
    if is_dataframe(paths):
        raise TypeError("paths: a DataFrame is not files to read: save it (df.to_csv(\"articles.csv\", index=False)) "
                        "and read that, or make an article of each row with dvtopics.io.read.make_article(id, text)")
    if isinstance(paths, (bytes, bytearray)):
        raise TypeError(f"paths: bytes {bytes(paths)[:40]!r}; give the files or folders as str or pathlib.Path")
    given = as_list(paths, "paths")
    for path in given:
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"paths: {path!r} (a {type(path).__name__}) is not a path; give the files or folders as "
                            "str or pathlib.Path")
        refuse_standard_input(path)
    return [path for given_path in given for path in matched_paths(home_path(given_path))]


def matched_paths(path) -> list:
    """`path` as a list of one; the paths a pattern names ("articles/*.jsonl", "2017/**/*.txt"), sorted, when it is
    one that is not itself a file: no shell expands it in Python (`read_articles("data/*.csv")` in a notebook), nor
    in quotes. A pattern that names nothing stays as it is, to be reported as a path that is not there."""
    text = os.fspath(path)
    if not _PATTERN.search(text) or os.path.lexists(text):
        return [path]
    found = sorted(glob.glob(text, recursive=True))
    if found:
        log.info("%s: a pattern: %d path%s read", text, len(found), "s" * (len(found) != 1))
    return [type(path)(match) if isinstance(path, Path) else match for match in found] or [path]


_PATTERN = re.compile(r"[*?[]")


def read_file(path: Path, article_id: str, fields: FieldNames = FieldNames(), on_error: str = "raise",
              max_bytes: int = MAX_ARTICLE_BYTES, lines: LineRange | None = None) -> Iterator[Article]:
    """The articles of one input file (`article_id` names a .txt file's article).

    `lines` reads only that slice of a JSONL file, with the ids and line
    numbers a whole read gives: how a Dask partition reads its part.
    """
    kind = file_kind(path)
    if lines is not None and kind != "jsonl":
        raise InputError(f"{path}: only JSONL files can be read by line ranges")
    problem = _unreadable(path)
    head = head_text(path) or "" if kind == "txt" and not problem and not path.is_dir() else ""  # read once
    feed = kind == "txt" and lines is None and bool(FEED_START.match(head))
    if kind == "txt" and lines is None and _JSON_OPENING.match(head):
        # JSON lines (or a JSON document) saved as .txt, as Notepad names what it saves and some scrapers write
        # them: read as one article, its records would be one text titled by the first record's JSON
        log.warning("%s: JSON saved as text (its first line opens a JSON object): read as JSON lines", path)
        kind = "jsonl"
    if problem:
        articles = iter([_failed(article_id, problem, on_error)])
    elif path.is_dir():  # a folder given that holds no .txt file (`iter_files`)
        articles = iter([_no_articles(path, fields.text, on_error)])
    elif kind == "jsonl" and lines is None and (document := json_document(path)):
        if not path.name.lower().endswith(".json.gz"):  # a gzipped .json is expected to hold one document
            log.warning("%s: %s, not JSON lines (an article a line): read as a .json file", path, document)
        articles = _read_json(path, fields, on_error, max_bytes)
    elif kind == "jsonl":
        articles = _read_jsonl(path, fields, on_error, max_bytes, lines)
    elif kind == "json":
        articles = _read_json(path, fields, on_error, max_bytes)
    elif kind == "csv":
        articles = _read_csv(path, fields, on_error, max_bytes)
    elif kind == "xlsx":
        articles = _read_xlsx(path, fields, on_error, max_bytes)
    elif feed:  # an RSS or Atom feed saved as a file: read as one page, its items would be one article
        articles = _read_feed(path, fields, on_error, max_bytes)
    elif (delimiter := text_table_delimiter(head, fields.text, fields.wanted())) == "\t":
        log.warning("%s: a table saved as text, its first line a tab-separated header that names the '%s' field "
                    "(as Excel saves a sheet as \"Unicode Text\" or \"Text (Tab delimited)\"): read as a table, "
                    "an article a row", path, fields.text)
        articles = _read_csv(path, fields, on_error, max_bytes)
    elif delimiter:
        log.warning("%s: a table saved as text, a header split by %r that names the '%s' field (a "
                    "CSV saved or renamed as .txt): read as a table, an article a row", path, delimiter, fields.text)
        articles = _read_csv(path, fields, on_error, max_bytes)
    else:
        _warn_of_a_header(path, head, fields.text)
        articles = iter([_read_text_file(path, article_id, on_error, max_bytes)])
    if lines is None:  # a part of a file may hold nothing; a whole file that does is said so
        articles = _or_no_articles(articles, path, fields.text, on_error)
    return map(_finished, articles)


# A text that opens a JSON object with its first key ('{"id":', '[{"title":', each maybe on a line of its own): no
# article's first line does
_JSON_OPENING = re.compile(r'\ufeff?\s*(?:\[\s*)?\{\s*"[^"\r\n]{1,200}"\s*:')


def _warn_of_a_header(path: Path, head: str, text_field: str) -> None:
    """A .txt file read as one article though its first line reads as a table's header ("Tiêu đề,Nội dung,Ngày"
    over rows of three cells): a CSV saved as .txt whose columns have names of their own. Its rows would be one
    article titled by the header, silently: say so, and how to read it as a table. `head`: the file's first 4 KB
    (`head_text`), read once for this and for `text_table_delimiter`."""
    names = header_like_line(head)
    if names:
        shown = ", ".join(repr(name) for name in names[:8]) + (", …" if len(names) > 8 else "")
        log.warning("%s: its first line reads as a table's header (%s) but names no '%s' field: read as one article; "
                    "if it is a table, name the column of the text with --text-field", path, shown, text_field)


def _or_no_articles(articles: Iterator[Article], path: Path, text_field: str, on_error: str) -> Iterator[Article]:
    """`articles`, or when there are none, the error of a path that gives none (`_no_articles`)."""
    empty = True
    for article in articles:
        empty = False
        yield article
    if empty:
        yield _no_articles(path, text_field, on_error)


def _no_articles(path: Path, text_field: str, on_error: str) -> Article:
    """The one record of a path given that gives no article (an empty file, a table with a header only, a folder
    without a .txt file): an error in its place, as for any input that cannot be read, so that the articles of
    the other inputs are read all the same. `NoArticlesError` when errors are raised."""
    if path.is_dir():  # what it holds instead is said here rather than in a warning
        why = "; ".join(["the folder holds no .txt file"] + unread_notes(path, text_field))
    else:
        why = "the file holds none (it is empty, or has a header only)"
    message = f"{path}: no articles: {why}"
    if on_error == "raise":
        raise NoArticlesError(message)
    return _failed(path.name, message, on_error)


_SURROGATE = re.compile("[\ud800-\udfff]")


def writable_text(text: str) -> str:
    """`text` with what cannot be written as UTF-8 made visible: a byte of a file name that was not UTF-8
    (a surrogate escape) as \\xNN, a lone half of a surrogate pair ("\\ud800" in JSON, a cut emoji) as U+FFFD.

    >>> writable_text("caf\\udce9.txt"), writable_text("x\\ud800") == "x\\ufffd"
    ('caf\\\\xe9.txt', True)
    """
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xdc00:02x}" if "\udc80" <= m.group() <= "\udcff"
                          else "\ufffd", text)


def writable_value(value):
    """`value` (text, or dicts and lists of it, as a model card holds) with each text as `writable_text` gives it."""
    if isinstance(value, str):
        return writable_text(value)
    if isinstance(value, dict):
        return {writable_value(k): writable_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [writable_value(v) for v in value]
    return value


def _finished(article: Article) -> Article:
    """Every text of `article` writable as UTF-8, so no output file or terminal fails on it; its id in NFC, as
    a labels file's ids are read (a file name from a Mac is NFD)."""
    for spec in dataclass_fields(article):
        setattr(article, spec.name, writable_value(getattr(article, spec.name)))
    article.id = nfc(article.id)
    return article
