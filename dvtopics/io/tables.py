"""Tables of articles or labels, CSV and .xlsx: the delimiter, rows (a broken row costs only its first
line), a sheet's header wherever its table starts, cells as a CSV's text, a row as a record, and header names
matched to the field names wanted."""
from __future__ import annotations

import collections
import contextlib
import csv
import functools
import io
import itertools
import logging
import re
import unicodedata
import zipfile
import zlib
from typing import Iterable, Iterator
from xml.etree.ElementTree import ParseError

from ..errors import UnreadableFileError
from ..text.normalise import nfc
from ..wording import plural
from .files import stored

log = logging.getLogger(__name__)

_DELIMITERS = (",", ";", "\t", "|")
# Excel's first line "sep=;" names the delimiter of the rows below it (Excel writes it, and reads it)
_SEPARATOR_LINE = re.compile(r'"?sep=([^\r\n])"?[ \t]*(?:\r\n|\r|\n|$)', re.I)
_LINE = re.compile(r"[^\r\n]+")  # a line, whatever ends it (LF, CRLF, or CR alone)


HEADER_ROWS = 20  # a table's header is looked for among its first filled rows (a title or notes above it)
HEAD_LINES = 1000  # the lines that are not blank where a table's delimiter is looked for (`csv_delimiter`)


def csv_delimiter(text: str, text_field: str, likely: str = ",") -> tuple[str, str]:
    """(delimiter, the table's text): the delimiter a "sep=" first line names (the table is the text after
    it), else the one under which a header, one of the first lines that are not blank, names the text field
    (as `names_field` matches names; the `likely` one tried first): Excel writes ';' where the comma is the
    decimal sign (Vietnamese Windows among them), and some save tabs. A header none of whose lines names the text
    field is split by the delimiter that gives its first line most cells (the `likely` one when none does better)."""
    hint = _SEPARATOR_LINE.match(text)
    if hint:
        return hint.group(1), text[hint.end():]
    # blank lines above the header, or a spreadsheet's empty rows (";;;")
    lines = (match.group() for match in itertools.islice(_LINE.finditer(text), HEAD_LINES))
    filled = list(itertools.islice((line for line in lines if line.strip("".join(_DELIMITERS) + " \"")), HEADER_ROWS))
    delimiters = dict.fromkeys((likely, *_DELIMITERS))
    for line in filled:
        for delimiter in delimiters:
            if names_field(line_cells(line, delimiter), text_field):
                return delimiter, text
    # no header names it: the delimiter that splits the first line into most columns, so that the error naming the
    # table's columns names them ('Tiêu đề', 'Ngày', …), not one column of the whole line with its ';'
    return max(delimiters, key=lambda delimiter: len(line_cells(filled[0], delimiter) if filled else [])), text


def lines_above_table(text: str, table: str) -> int:
    """The lines of `text` above `table`, the table `csv_delimiter` returned of it (Excel's "sep=;" line): added to
    a row's line within the table, the line of the file it is on."""
    return text.count("\n", 0, len(text) - len(table))


# the rows a sheet saved as text may keep above its header: its title and notes, each a cell and the others' tabs
TITLE_ROWS = 5


def tab_header(text: str, text_field: str) -> bool:
    """Whether `text` (a .txt file's, or its head) is a table saved as text, as Excel saves a sheet as "Unicode
    Text" or "Text (Tab delimited)": its first line that is not blank, split by tabs, is a header that names
    the text field; or a line under its title rows (one cell filled, the row's others tabs: "DANH SÁCH BÀI
    VIẾT\t\t\t", read as one article with its rows). An article's first line is its title: tabs in it, or in the
    lines below, make no header."""
    lines = (match.group() for match in _LINE.finditer(text) if match.group().strip())
    for line in itertools.islice(lines, TITLE_ROWS + 1):
        cells = line_cells(line, "\t")
        if "\t" in line and names_field(cells, text_field):
            return True
        if "\t" not in line or sum(1 for cell in cells if cell.strip()) > 1:
            return False  # an article's title, or a row of a table without the text field
    return False


FIELD_NAME_CHARS = 40  # longer than any column name: a cell of a sentence, not of a header


def text_table_delimiter(text: str, text_field: str, wanted: Iterable[str]) -> str | None:
    """The delimiter of a table saved as .txt, or None for an article: a tab when the first line that is not blank,
    split by tabs, names the text field (`tab_header`); a comma or semicolon when, split by it, that line is a row
    of short names (a CSV saved or renamed as .txt, "id,title,text") naming the text field and another field the
    reader looks for. A title with commas ("Sơ kết, tổng kết: …") names no such pair, so it stays an article.
    A "sep=" first line (Excel's) names the delimiter of a header below it that names the text field.
    A header's blank cells do not count against it: pandas writes its index column with no name (",id,text")
    and a spreadsheet a trailing delimiter ("id,text,"), and the same file named .csv is read as a table."""
    if tab_header(text, text_field):
        return "\t"
    hint = _SEPARATOR_LINE.match(text)
    if hint:  # Excel's "sep=;" line above the header, which the CSV reader reads (`csv_delimiter`)
        header = next((match.group() for match in _LINE.finditer(text, hint.end()) if match.group().strip()), "")
        return hint.group(1) if names_field(line_cells(header, hint.group(1)), text_field) else None
    first = next((match for match in _LINE.finditer(text) if match.group().strip()), None)
    for delimiter in (",", ";"):
        cells = _short_names(first, delimiter)
        if not cells:
            continue
        named = set(field_names(cells, wanted)) & set(wanted)
        # A header naming the text field alone ("Tiêu đề,Nội dung,Ngày" read with --text-field "Nội dung") is one
        # when the rows under it split into its columns, as a table's do and a title's next lines do not.
        if text_field in named and (len(named) >= 2 or _column_names(cells) and _rows_fit(text, first, delimiter)):
            return delimiter
    return None


def header_like_line(text: str) -> list[str] | None:
    """The names of a .txt file's first line when it reads as a table's header, though it names no field wanted:
    short names split by tabs, commas or semicolons, with the rows under it split into as many columns
    ("Tiêu đề,Nội dung,Ngày" over rows of three cells). None for an article: a title's next lines do not so split."""
    first = next((match for match in _LINE.finditer(text) if match.group().strip()), None)
    for delimiter in ("\t", ",", ";"):
        cells = _short_names(first, delimiter)
        if cells and _column_names(cells) and _rows_fit(text, first, delimiter, rows=2):
            return cells
    return None


# A column's name: a few words, no sentence's marks ("Năm mới, tư duy phải mới?" is a title split by its comma,
# "Text, ảnh: Minh Anh" a credit line)
_NAME = re.compile(r"[^\W\d][\w .()/-]*(?<! )", re.UNICODE)
_NAME_WORDS = 4


def _column_names(cells: list[str]) -> bool:
    return all(_NAME.fullmatch(cell) and len(cell.split()) <= _NAME_WORDS for cell in cells)


def _short_names(line: re.Match | None, delimiter: str) -> list[str] | None:
    """The filled cells of `line` split by `delimiter` when there are two or more and each is short, as a header's
    names are (blank ones aside: pandas' unnamed index, a trailing delimiter)."""
    if line is None:
        return None
    cells = [cell.strip() for cell in line_cells(line.group(), delimiter)]
    cells = [cell for cell in cells if cell]
    return cells if len(cells) >= 2 and all(len(cell) <= FIELD_NAME_CHARS for cell in cells) else None


def _rows_fit(text: str, header: re.Match, delimiter: str, rows: int = 1) -> bool:
    """Whether the first `rows` rows below `header` (up to 3 are looked at) each split into as many cells as it does.
    `text` may be a file's head, cut inside its last row: a last row without its line end counts only when it is
    the one row there is."""
    names = line_cells(header.group(), delimiter)
    # the header's line again (a title repeated over its text) is no row of a table; lines end as they may (LF,
    # CRLF or CR alone); rows CSV cannot read (a cell over its limit) are no table's that can be told
    try:
        below = [row for row in csv.reader(io.StringIO(text[header.end():].lstrip("\r\n"), newline=""),
                                           delimiter=delimiter) if row and row != names]
    except csv.Error:
        return False
    whole = below if text.endswith(("\n", "\r")) else below[:-1] or below[:1]
    return len(whole) >= rows and all(len(row) == len(names) for row in whole[:3])


def names_field(cells, field: str) -> bool:
    """Whether a row's cells name `field`, as `field_names` matches names."""
    return field in field_names(cells, [field])


def split_header(items: Iterable, text_field: str, wanted: Iterable[str], cells=lambda item: item,
                 where: object = None, say: bool = True) -> tuple[object, Iterator]:
    """(the header, the items below it) of a table's rows: its first filled row when that row names the text
    field; else, among the first `HEADER_ROWS` filled rows, the first that names the text field and another of
    the `wanted` fields (a table under a title or notes: "id, title, text", where a cell "text" in a data row
    or a list of field names is no header), the rows above it passed over with a warning naming `where`;
    else its first filled row, as before (its rows then say which fields they lack). A broken row stays among
    the items, to be reported. The header is None when no row is filled. `cells(item)` gives an item's cells,
    or None for an item that is no row (a broken CSV row). Not `say`: the rows passed over are not said (a Dask task's
    share of a table that the share opening it says them for)."""
    others = set(wanted) - {text_field}

    def is_filled(item) -> bool:
        row = cells(item)
        return row is not None and any((cell or "").strip() for cell in row)

    items, ahead, filled, group = iter(items), [], 0, None
    for item in items:
        ahead.append(item)
        if not is_filled(item):
            continue
        filled += 1
        names = set(field_names(cells(item), [text_field, *others]))
        if group is not None:
            # a first row that names the text field is a group header over the table's when the row under it names
            # the text field and more of the others: "Thông tin chung" and "Nội dung" merged across the columns of
            # "Mã, Tiêu đề, Sapo, Nội dung". Read as the header, its "Nội dung" was the lead's column, and the
            # real header an article
            at, count = group
            if text_field in names and len(names & others) > count:
                if say:
                    log.warning("%s: the row above the table's header not read (a group header over its columns)",
                                where)
                return item, itertools.chain([i for i in ahead[:-1] if cells(i) is None], items)
            return ahead[at], itertools.chain([i for i in ahead[:at] if cells(i) is None], ahead[at + 1:], items)
        if text_field in names and filled == 1 and (len(names & {text_field, *others}) < len(_names(cells(item)))
                                                     or len(_names(cells(item))) == 1):
            # cells of other names, or the text's name alone ("Bài viết" merged across the columns of "Mã, Tiêu đề,
            # Ngày, Nội dung", a banner): a group header? the next row says (a table of a text column alone too)
            group = len(ahead) - 1, len(names & others)
            continue
        if text_field in names and (filled == 1 or names & others):
            if filled > 1 and say:
                log.warning("%s: %d row%s above the table's header not read (a title or notes)", where, filled - 1,
                            "s" * (filled > 2))
            return item, itertools.chain([i for i in ahead[:-1] if cells(i) is None], items)
        if filled == HEADER_ROWS:
            break
    if group is not None:  # no row under it
        at = group[0]
        return ahead[at], itertools.chain([i for i in ahead[:at] if cells(i) is None], ahead[at + 1:], items)
    first = next((n for n, item in enumerate(ahead) if is_filled(item)), None)
    if first is None:
        return None, itertools.chain(ahead, items)
    return ahead[first], itertools.chain(ahead[:first] + ahead[first + 1:], items)


def _names(row) -> list[str]:
    """A row's filled cells."""
    return [cell for cell in row if (cell or "").strip()]


# The common names of the columns besides the readers' defaults: a spreadsheet or a CMS export made in Vietnam heads
# its text "Nội dung", not "text", a WordPress export "content", and a user expects it found as "Text" is. Each is
# taken only where no column has the default name, and the first of a field's names a header has wins ("Nội dung"
# over "Bài viết"). Matched as `vietnamese_key` spells them: case, NFC, tone marks and "_" ("noi_dung") aside.
COMMON_NAMES = {
    "text": ("nội dung", "nội dung bài viết", "nội dung bài", "bài viết", "văn bản", "toàn văn", "content", "body",
             "full text", "fulltext", "article text", "post content",  # (WordPress' wp_posts: post_content)
             "body text", "articlebody"),  # as scrapers save a page (schema.org's articleBody, in JSON-LD)
    "title": ("tiêu đề", "tựa đề", "tiêu đề bài viết", "tên bài", "tên bài viết", "headline", "post title"),
    "date": ("ngày đăng", "ngày xuất bản", "ngày đăng tải", "ngày", "thời gian đăng", "thời gian xuất bản", "ngày đăng bài",
             "thời gian",
             # and as scrapers, CMS exports and schema.org name a publication's date (a field left unread was every
             # article undated, without a word): not "created_at" or "crawled", the day a record was made. "published"
             # is a status as often as a date: last, so that a record's "published_at" beside it is the date, and a
             # status's value (Yes/No, 1/0, true) is kept as such, not warned of
             "published at", "published date", "published time", "publish date", "publish time",
             "publication date", "date published", "datepublished", "pubdate", "post date", "posted at", "publish up",
             "publishedat",  # NewsAPI's, and JavaScript's camel case
             "pub date",  # pub_date, as scrapers' and Django's models name it (pubDate is "pubdate")
             "published"),
    # (not "trang" alone: a clipping's page number as often as a site)
    "source": ("nguồn", "nguồn tin", "nguồn bài", "tên báo", "báo", "cơ quan báo chí", "publisher", "newspaper",
               "trang báo", "trang web", "tên trang", "website"),
    # (not a sheet's running number, "STT": each sheet and file counts from 1, so ids would repeat; the warning of a
    # column not read names --id-field)
    "id": ("mã", "mã bài", "mã bài viết", "mã số"),
    "label": ("nhãn", "loại bài", "nhãn loại bài"),
    "file": ("tệp", "tên tệp"),
    # the paragraph a page prints under its headline, which news CMSs keep in a column of its own ("sapo")
    # (Joomla's "introtext": its "fulltext" is the rest of the article. "Mô tả" alone is a note as often as a lead)
    "lead": ("sapo", "tóm tắt", "đoạn dẫn", "mô tả ngắn", "description", "summary", "excerpt", "teaser",
             "introtext", "intro text", "post excerpt", "abstract", "lede", "intro", "standfirst"),
}
# The names a lead's column may have, the lead field's own default ("lead") first
LEAD_NAMES = ("lead", *COMMON_NAMES["lead"])
# a table or an export of headlines and their leads without a body (the shape most users' files have, an RSS item's
# "description", a JSONL of {"title", "lead"}): the lead is the text. Last of the text's names, so a body column wins
# where there is one
COMMON_NAMES["text"] += LEAD_NAMES


def names_of(field: str) -> tuple[str, ...]:
    """The names a column of `field` may have by default: the field's own, then its Vietnamese ones."""
    return (field, *COMMON_NAMES.get(field, ()))


@functools.lru_cache(maxsize=None)
def _vietnamese_keys(field: str) -> tuple[str, ...]:
    return tuple(map(vietnamese_key, COMMON_NAMES[field]))


@functools.lru_cache(maxsize=4096)  # a JSONL file's records repeat their keys: each is spelt once
def vietnamese_key(name: str) -> str:
    """A column's name as `COMMON_NAMES` are compared: "Nội_dung", "NOI DUNG" and "nội dung" are one."""
    return " ".join(_without_marks(name.replace("_", " ")).split())


def field_names(names: Iterable, wanted: Iterable[str]) -> list:
    """`names` (a header's, a record's keys) with each one that is a `wanted` name but for its case, the
    spaces around it (" ID ", "Text", "TITLE") or its Unicode form (a header saved on a Mac is NFD) spelt as
    wanted; a name spelt exactly as wanted keeps it. A wanted default name ("text") no column has is then
    the column of one of its Vietnamese names (`COMMON_NAMES`: "Nội dung").

    >>> field_names([" ID ", "Text", "kind"], ["id", "text", "label"])
    ['id', 'text', 'kind']
    >>> field_names(["Mã", "Tiêu đề", "Nội dung"], ["text", "id", "title"])
    ['id', 'title', 'text']
    """
    names, wanted = list(names), list(wanted)
    matched = _matched_names(names, wanted)
    if set(wanted) <= set(matched) or (legacy := _names_in_unicode(tuple(names))) is None:
        return matched
    again = _matched_names(legacy, wanted)
    return again if len(set(wanted) & set(again)) > len(set(wanted) & set(matched)) else matched


@functools.lru_cache(maxsize=4096)  # a JSONL file's records repeat their keys: each header is told once
def _names_in_unicode(names: tuple) -> tuple | None:
    """A header typed in an old Vietnamese font encoding (a sheet set in .VnTime or VNI-Times: "Néi dung", "Tiªu ®Ò"),
    its names in Unicode, or None when it reads as it is: its columns were no field, and "no 'text' column; its
    columns are 'Tiªu ®Ò', 'Néi dung'" asked for --text-field "Néi dung". Told and converted on the whole header, a
    name a line (one name is too short to tell), as `vnlegacy.to_unicode` reads a text."""
    from .vnlegacy import to_unicode

    texts = [" ".join(name.split()) for name in names if isinstance(name, str)]
    for likely in (None, "TCVN3", "VNI"):
        converted, encoding = to_unicode("\n".join(texts), likely)
        if encoding:
            unicode = iter(converted.split("\n"))
            return tuple(next(unicode) if isinstance(name, str) else name for name in names)
    return None


_NOTE_AFTER_NAME = re.compile(r"\s*\([^()]*\)$")


def _matched_names(names, wanted: list) -> list:
    """`field_names` of names as they are spelt."""
    keys = {name_key(name): name for name in wanted}
    taken = set(names)
    matched = []
    for name in names:
        spelt = keys.get(name_key(name)) if isinstance(name, str) else None
        if spelt is not None and spelt not in taken:
            taken.add(spelt)
            name = spelt
        matched.append(name)
    lacking = [field for field in dict.fromkeys(wanted) if field not in taken and field in COMMON_NAMES]
    if not lacking:
        return matched
    fields = set(keys.values())
    free: dict[str, int] = {}  # the columns no field has, by `vietnamese_key`: the first of a name
    for at, name in enumerate(matched):
        if isinstance(name, str) and name not in fields:
            free.setdefault(vietnamese_key(name), at)
    # a name with a note in brackets after it, as office sheets note a column's form ("Ngày đăng (dd/mm/yyyy)",
    # "Nguồn\n(tên báo)"): its column when no column has the name alone (unread, the dates and sources were lost),
    # unless two have it ("Nội dung (tóm tắt)", "Nội dung (đầy đủ)": which is the text is for --text-field to say)
    noted: dict[str, int | None] = {}
    for key, column in free.items():
        if (bare := _NOTE_AFTER_NAME.sub("", key)) != key:
            noted[bare] = None if bare in noted else column
    for field in lacking:
        at = next((free[key] for key in _vietnamese_keys(field) if key in free), None)
        if at is None:
            at = next((noted[key] for key in _vietnamese_keys(field)
                       if noted.get(key) is not None and noted[key] in free.values()), None)
        if at is None and field == "text" and "lead" in fields:
            # the one field no article goes without takes the lead field's column under its default name ("lead"):
            # the text of a file of titles and leads (the lead does without it). Not a column --lead-field names
            at = next((column for column, name in enumerate(matched) if name == "lead"), None)
        if at is not None:
            matched[at] = field
            free = {key: column for key, column in free.items() if column != at}
    return matched


def repeated_columns(header: list, wanted: Iterable[str], given: list | None = None) -> str | None:
    """What is wrong with `header` when more than one of its columns spells a `wanted` name (as `field_names`
    matches them: "text", " Text"), in words, or None: a record keeps one cell of a name, so the field could
    be read from the wrong column (a note beside the text) and the other lost unseen. `given`: the header's names
    as the table spells them, before `field_names` matched them; a field found by its common name ("Nội dung")
    is repeated by another column of that name too (a summary and the body both headed "Nội dung").

    >>> repeated_columns(["id", "text", "note", "Text"], ["id", "text"])
    "the header names 'text' in more than one column (2 and 4); give each column its own name"
    >>> repeated_columns(["title", "text", "Nội dung"], ["title", "text"], ["Tiêu đề", "Nội dung", "Nội dung"])
    "the header names 'Nội dung' in more than one column (2 and 3); give each column its own name"
    """
    wanted = {name_key(name): name for name in wanted}
    spelt = list(header) if given is None else list(given)
    columns: dict[str, list[int]] = {}
    for number, (name, as_given) in enumerate(zip(header, spelt), start=1):
        field = wanted.get(name_key(name)) if isinstance(name, str) else None
        if field is None:
            continue
        if isinstance(as_given, str) and name_key(as_given) != name_key(field):  # found by its common name
            key = vietnamese_key(as_given)
            field = as_given
            columns[field] = [number] + [other for other, (matched, also) in enumerate(zip(header, spelt), start=1)
                                         if other != number and isinstance(also, str) and vietnamese_key(also) == key
                                         and not (isinstance(matched, str) and name_key(matched) in wanted)]
        else:
            columns.setdefault(field, []).append(number)
    said = [f"'{name}' in more than one column ({', '.join(map(str, sorted(numbers)[:-1]))} and {max(numbers)})"
            for name, numbers in columns.items() if len(numbers) > 1]
    return f"the header names {'; '.join(said)}; give each column its own name" if said else None


def column_meant(name: str, columns: Iterable) -> str | None:
    """The column `name` was meant to be, typed without its tone marks ("Noi dung" for "Nội dung", on a keyboard
    without Vietnamese input), or None: a suggestion for the error, never a match made silently."""
    plain = _without_marks(name)
    return next((column for column in columns if isinstance(column, str) and _without_marks(column) == plain), None)


def _without_marks(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name_key(name)).replace("đ", "d")
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())


def name_key(name: str) -> str:
    return nfc(name.strip()).casefold()


def csv_rows(text: str, delimiter: str = ",", cut: bool = False
              ) -> Iterator[tuple[int, list[str] | None, str | None, list[str] | None]]:
    """(first line, fields, None, None) per CSV row, or (first line, None, cause, cells) for a row that is not
    valid CSV, `cells` its first line split at the delimiter with its quotes kept as text (`literal_cells`).

    A broken row (a quote never closed, a quote inside an unquoted field) costs only its first line: reading
    goes on from the next one, so a stray quote cannot swallow the articles after it. In a file that was
    `cut` short, a quote open at the end is the row the cut went through: reading stops there."""
    return line_rows(lines_of(text), delimiter, cut, len(text) + 1)


_LINE_AND_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def lines_of(text: str) -> Iterator[str]:
    """The lines of `text` with their ends, one at a time, split where `io.StringIO(text, newline="")` splits them
    (LF, CRLF or CR alone), as a file opened with newline="" gives them: a CSV reader's input."""
    return (match.group() for match in _LINE_AND_END.finditer(text))


def line_rows(lines: Iterable[str], delimiter: str = ",", cut: bool = False, limit: int = 1 << 31
              ) -> Iterator[tuple[int, list[str] | None, str | None, list[str] | None]]:
    """`csv_rows` of a text given as its lines (`lines_of`, or a file's), read once: only the lines of the row being
    read are held, so a file of millions of rows is never in memory whole. `limit`: the longest cell read (the
    text's length will do)."""
    lines, again = iter(lines), collections.deque()  # `again`: a broken row's lines after its first, read again
    taken: list[str] = []  # the lines the row being read has taken

    def feed() -> Iterator[str]:
        while (line := again.popleft() if again else next(lines, None)) is not None:
            taken.append(line)
            yield line

    row_start = 0
    while True:
        reader = csv.reader(feed(), delimiter=delimiter, strict=True)
        try:
            while (row := _next_row(reader, limit)) is not None:
                yield row_start + 1, row, None, None
                row_start += len(taken)
                taken.clear()
            return
        except csv.Error as exc:
            at_end = "end of data" in str(exc)
            if at_end and cut:
                return
            yield (row_start + 1, None, "a quoted field is never closed" if at_end else str(exc),
                   literal_cells(taken[0], delimiter))
            again.extendleft(reversed(taken[1:]))
            taken.clear()
            row_start += 1


def line_cells(line: str, delimiter: str) -> list[str]:
    """One line's cells as CSV reads them, where a table's header is looked for; as text (`literal_cells`) where
    CSV cannot read it: a quote left open, a cell longer than the csv module's limit (a text of 200,000 characters
    in the first rows stopped the reading with a traceback)."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return literal_cells(line, delimiter)


def literal_cells(line: str, delimiter: str) -> list[str]:
    """A line's cells split at every delimiter, quotes read as text. A tab-separated file is often written so,
    without quoting (a cell that opens with a quote: '"Dân vận khéo" nhân rộng'), where CSV's rules would
    read the quote as the start of a quoted cell and find the row broken."""
    return line.rstrip("\r\n").split(delimiter)


def backslash_escaped_cells(line: str, delimiter: str) -> list[str] | None:
    """A line's cells read with quotes escaped by a backslash (\\") rather than doubled (""), as MySQL's INTO OUTFILE,
    PHP and many scrapers write them, or None when it holds no such quote or is not valid CSV read so either."""
    if '\\"' not in line:
        return None
    try:
        rows = list(csv.reader([line], delimiter=delimiter, escapechar="\\", doublequote=False, strict=True))
    except csv.Error:
        return None
    return rows[0] if len(rows) == 1 else None


def _next_row(reader, limit: int) -> list[str] | None:
    """The reader's next row, or None at the end. An article's size is checked by the caller, with a clear
    message; the csv module's own field limit would stop the file at the first long field. That limit is one
    setting for the whole process, so it is raised only while this row is parsed and then put back."""
    before = csv.field_size_limit(max(csv.field_size_limit(), limit))
    try:
        return next(reader, None)
    finally:
        csv.field_size_limit(before)


def table_record(header: list, row: list, text_field: str, delimiter: str | None = None) -> dict:
    """A table's row as a record {column name: cell}; blank cells past the header (a spreadsheet's trailing
    ",,,") and in unnamed columns (a table that does not start in column A) are no fields.

    A row with more filled cells than the header has columns loses nothing. In a CSV whose text is its last
    column, the extra cells are that text cut at a delimiter it holds (a tab pasted from a table, an unquoted
    comma): they are joined back to it, as the writer meant. Otherwise they are kept under "extra_cells".
    Either way the record's warning says what was done."""
    record = dict(zip(header, row))
    if "" in record and not (record[""] or "").strip():
        del record[""]
    if len(row) <= len(header):
        return record
    extra = list(row[len(header):])
    while extra and not (extra[-1] or "").strip():
        extra.pop()
    if extra:
        what = f"the row has {len(header) + len(extra)} cells for the header's {len(header)} columns"
        if delimiter and header[-1] == text_field and isinstance(record.get(text_field), str):
            record[text_field] = delimiter.join([record[text_field]] + extra)
            record["warning"] = (f"{what}: the cells past the '{text_field}' column are read as part of its text "
                                 f"(it held the delimiter {delimiter!r}); quote the text to keep it in one cell")
        else:
            record["extra_cells"] = extra
            record["warning"] = f"{what}: the {len(extra)} cell(s) past the last column are not used (in 'extra_cells')"
    return record


# What openpyxl raises on a workbook that opened but is broken inside (a sheet's XML cut short, a damaged zip member),
# met while its rows are read: a traceback of xml.etree's, naming no file
_BROKEN_INSIDE = (zipfile.BadZipFile, ParseError, zlib.error, EOFError)


@contextlib.contextmanager
def open_workbook(path):
    """A workbook read only, closed after use. A file that is no workbook, or one broken inside, is an
    `UnreadableFileError`
    in one line naming it, whether openpyxl finds out when it opens the file or while a sheet's rows are read."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(stored(path), read_only=True, data_only=True)  # (an archive's member: its bytes)
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        raise UnreadableFileError(f"{path}: not an .xlsx workbook ({exc})") from None
    for sheet in book.worksheets:
        # read only, a sheet is read as far as the size its file declares (<dimension ref="A1:E31">), which Excel
        # and LibreOffice ignore: WPS Office writes "A1", other tools leave it stale after an edit, and the rows and
        # columns past it were lost in silence (openpyxl's documented remedy)
        sheet.reset_dimensions()
    try:
        yield book
    except _BROKEN_INSIDE as exc:
        raise UnreadableFileError(f"{path}: a broken .xlsx workbook ({type(exc).__name__}: {exc}): open it in Excel, "
                                  "save it again and give that copy") from None
    finally:
        book.close()


def sheet_tables(book, wanted: Iterable[str], text_field: str, where: object = ""
                 ) -> Iterator[tuple[str, int, list, Iterator[tuple[int, tuple]], list]]:
    """(title, index, header, rows, names) of each sheet of a read-only workbook that holds anything: its header as
    `split_header` finds it (a table need not start in A1, nor under a title), its names matched to `wanted`
    (`field_names`); rows are (row number, cells) of the rows below it, read as they are iterated, a merged
    cell's value in each of its cells (`_merged_values`); names: the header's names as the sheet spells them.
    A hidden sheet is not read, and a warning names it: one hides a sheet of drafts, of an older round or of a
    drop-down's choices, which read were articles or labels twice, without a word."""
    hidden = [sheet.title for sheet in book.worksheets if sheet.sheet_state != "visible"]
    if hidden:
        log.warning("%s: hidden sheet%s %s not read (unhide %s in Excel to read %s)", where, "s" * (len(hidden) > 1),
                    ", ".join(map(repr, hidden)), "them" if len(hidden) > 1 else "it",
                    "them" if len(hidden) > 1 else "it")
    for index, sheet in enumerate(book.worksheets):
        if sheet.title in hidden:
            continue
        # cells, not values: `cell_text` needs their number format
        rows = enumerate(sheet.iter_rows(), start=1)
        header, rows = split_header(rows, text_field, wanted, lambda item: [cell_text(cell) for cell in item[1]],
                                    f"{where}:{sheet.title}")
        names = [cell_text(cell) or "" for cell in header[1]] if header is not None else []
        matched = field_names(names, wanted) if header is not None else []
        key = matched.index(text_field) if text_field in matched else None
        # below the header only: a header merged down is no article
        rows = _merged_values(sheet, rows, f"{where}:{sheet.title}", None if key is None else (key, names[key]))
        if header is not None:
            yield sheet.title, index, matched, rows, names


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
# A cell whose formula has no value saved (<v/>, <v></v> or no <v>) and no type (an empty text a spreadsheet
# calculated is typed t="str"): what a script writes (openpyxl) and no spreadsheet opened to calculate. Read with its
# values (data_only), it is empty: its article's text was "missing", in silence as to why
_UNCALCULATED = re.compile(rb'<(?:\w+:)?c\s([^>]*)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)\s*'
                           rb'(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')
_CELL_ATTRIBUTE = re.compile(rb'\b([rt])="([^"]*)"')
# why a formula's cell holds no value, and what to do, in the one wording the sheet's warning and an article's error
# give (`_merged_values`, `read_tables`)
UNCALCULATED_CAUSE = "a workbook written by a program, never opened and saved in a spreadsheet"
UNCALCULATED_REMEDY = ("open the workbook in a spreadsheet (Excel, LibreOffice) and save it there, or write the "
                       "values instead of the formulas")


class UncalculatedFormula:
    """A cell that holds a formula whose value was never calculated (`_UNCALCULATED`): empty to `cell_text`, as
    openpyxl reads it, and told apart by the readers, who name it."""
    value, number_format = None, "General"

    def __init__(self, coordinate: str, formula: str):
        self.coordinate, self.formula = coordinate, formula

    def said(self) -> str:
        """The cell and its formula, cut short: "C2 (=CONCATENATE("Sơ kết ", …)"."""
        formula = " ".join(self.formula.split())
        return f"{self.coordinate} (={formula[:40]}{'…' * (len(formula) > 40)})"


def _uncalculated(match: re.Match) -> tuple[str, str] | None:
    """(coordinate, formula) of an `_UNCALCULATED` match that is a cell of no type or a number's, else None."""
    from xml.sax.saxutils import unescape

    attributes = dict(_CELL_ATTRIBUTE.findall(match.group(1)))
    if attributes.get(b"t", b"n") != b"n" or b"r" not in attributes:
        return None
    formula = unescape((match.group(2) or b"").decode("utf-8", "replace"), {"&quot;": '"', "&apos;": "'"})
    return attributes[b"r"].decode(), formula


def _merged_values(sheet, rows: Iterator[tuple[int, tuple]], where: object = "", key: tuple[int, str] | None = None
                   ) -> Iterator[tuple[int, tuple]]:
    """`rows` with the cells of each merged range's first column holding its top-left cell's value, as the sheet
    shows it (a label merged down the run of rows it labels). Across columns only the top-left cell keeps it:
    a header cell or a banner merged over several columns is one column's name, one title. openpyxl's
    read-only sheets do not read the merges: they are found in the sheet's XML (`_get_source`), streamed,
    since they follow its rows. So are the cells whose formulas were never calculated: each an
    `UncalculatedFormula`, and one warning names them (`where`: the sheet), whatever column they are in, and says
    what became of them: those in the `key` column (its place from 0, and its name as the sheet spells it: the text's
    of a sheet of articles, the label's of a labels sheet) leave their rows unread (an article's is an error that says
    so), the others are read as empty (an article's field says so in its warning)."""
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

    refs, uncalculated, tail = set(), {}, b""
    with sheet._get_source() as source:
        while chunk := source.read(1 << 20):
            text = tail + chunk
            refs.update(match.group(1).decode() for match in _MERGE.finditer(text))
            uncalculated.update(filter(None, map(_uncalculated, _UNCALCULATED.finditer(text))))
            # what follows the last whole cell: an element cut between chunks (a long formula's cell too)
            end = text.rfind(b"</c>")
            tail = (text[end + 4:] if end >= 0 else text)[-(1 << 16):]
    cells_of = {}  # row number: {column: the cell}
    for coordinate, formula in uncalculated.items():
        number, column = coordinate_to_tuple(coordinate)
        cells_of.setdefault(number, {})[column] = UncalculatedFormula(coordinate, formula)
    if uncalculated:
        shown = sorted(uncalculated, key=coordinate_to_tuple)
        keys = sum(coordinate_to_tuple(coordinate)[1] == key[0] + 1 for coordinate in shown) if key else 0
        if not keys:
            became = "read as empty"
        elif keys == len(shown):
            became = f"{'its row is' if keys == 1 else 'their rows are'} not read"
        else:
            became = (f"the {plural(keys, 'row')} whose '{key[1]}' cell is one {'is' if keys == 1 else 'are'} not "
                      f"read, the other cells read as empty")
        log.warning("%s: %s (%s%s) %s never calculated (%s): %s; %s", where, plural(len(shown), "cell"),
                    ", ".join(shown[:5]), ", …" * (len(shown) > 5), "holds a formula whose value was" if len(shown) == 1
                    else "hold formulas whose values were", UNCALCULATED_CAUSE, became, UNCALCULATED_REMEDY)
        rows = ((number, _with_cells(cells, cells_of.get(number))) for number, cells in rows)
    if not refs:
        yield from rows
        return
    starting, below = {}, {}  # row number: the merges (first column, first row, …) that start there, or span it
    for merge in map(range_boundaries, refs):
        starting.setdefault(merge[1], []).append(merge)
        for number in range(merge[1] + 1, merge[3] + 1):
            below.setdefault(number, []).append(merge)
    values = {}
    for number, cells in rows:
        for merge in starting.get(number, ()):
            values[merge] = cells[merge[0] - 1] if len(cells) >= merge[0] else None
        if number in below:
            cells = list(cells)
            for merge in below[number]:
                cells += [None] * (merge[0] - len(cells))
                cells[merge[0] - 1] = values.get(merge)
        yield number, tuple(cells)


def _with_cells(cells: tuple, put: dict | None) -> tuple:
    """A row's `cells` with those of `put` ({column: cell}, from 1) in their places."""
    if not put:
        return cells
    cells = list(cells) + [None] * (max(put) - len(cells))
    for column, cell in put.items():
        cells[column - 1] = cell
    return tuple(cells)


_ZEROS = re.compile(r"0+")  # a number format that pads to so many digits, as ids and postcodes are typed


def cell_text(cell) -> str | None:
    """A cell (or its value) as the text a CSV would hold: an id typed as a number (21470201.0) is "21470201",
    one shown padded with zeros (number format "000") is what the sheet shows ("007"), a date cell its ISO
    date (with its time, when it has one)."""
    import datetime

    value, shown = (cell.value, cell.number_format) if hasattr(cell, "number_format") else (cell, None)
    if value is None:
        return None
    if isinstance(value, bool):  # as the sheet shows it and a CSV saved from it holds it: "True" was Python's, and a
        # model trained on a workbook's TRUE/FALSE labels refused the same labels in that CSV
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and _ZEROS.fullmatch(shown or ""):
        return ("-" if value < 0 else "") + str(abs(value)).zfill(len(shown))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, str) and "_x" in value:
        return _XML_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), value)
    return str(value)


# How a workbook writes a character XML cannot hold, a CR above all (text pasted from Windows, a DataFrame of scraped
# text written by XlsxWriter): "_x000D_", "_x005F_" for "_" itself (ECMA-376's ST_Xstring). openpyxl leaves them as
# they are, so each line of such a cell ended in "_x000D_", in its title too.
_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
