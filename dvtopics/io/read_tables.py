"""The articles of tables: CSV and TSV files (and tables saved as .txt), and .xlsx workbooks; an article a row."""
from __future__ import annotations

import logging
import re
from functools import partial
from pathlib import Path
from typing import Callable, Generator, Iterable, Iterator

from ..arguments import missing
from ..errors import InputError, NoArticlesError, UnreadableFileError
from ..wording import plural
from .article import Article, add_warning, field_text, index_id
from .folders import TAB_SUFFIXES
from .records import (FieldNames, SiteRows, dates_month_first, failed, header_problem, over_limit, record_id,
                      record_to_article, utf8_size)
from .tables import (FIELD_NAME_CHARS, UNCALCULATED_CAUSE, UNCALCULATED_REMEDY, UncalculatedFormula,
                     backslash_escaped_cells, cell_text, csv_delimiter, field_names, lines_above_table, line_rows,
                     name_key, open_workbook, sheet_tables, split_header, table_record)
from .shares import WHOLE, Share
from .table_text import TableText

log = logging.getLogger(__name__)

# A sheet's total, as office sheets write one under their last article's title: "Tổng cộng: 6 bài", "Cộng 12", "4 bài"
_TOTAL = re.compile(r"(?:(?:tổng cộng|tổng số|cộng)\b\s*:?\s*)?\d[\d.,]*\s*(?:bài viết|bài|tin bài|tin)?\.?|"
                    r"tổng cộng\.?", re.IGNORECASE)
_FLOAT_ID = re.compile(r"-?\d+\.0")  # an id cell as pandas writes a whole number of a float column: "21395276.0"


def read_csv(path: Path, fields: "FieldNames", on_error: str, max_bytes: int, share: Share = WHOLE
             ) -> Generator[Article, None, bool]:
    """The articles of a CSV or TSV file, a row each; of its rows in `share` only (a Dask task's, by the line each
    starts on: `csv_shares`), the rows before it read for what they tell those after (notes held, ids seen) and
    what the whole reading says there said by the shares that hold it. Returns whether the whole reading gives any
    record (for a share of the table: the last, if none, says it holds no article)."""
    try:
        source = TableText(path, say=share.opens)
    except InputError as exc:
        if share.opens:
            yield failed(path.name, str(exc), on_error)
        return True
    number = 1
    delimiter, table_lines, lines_above = _table(path, source, fields.text)
    header, rows = split_header(line_rows(table_lines(), delimiter, bool(source.problem), source.limit),
                                fields.text, fields.wanted(), lambda item: item[1], path, say=share.opens)
    if header is not None:
        header_line, given, header = header[0], header[1], field_names(header[1], fields.wanted())
        wrong = header_problem(path, header, fields, given)
        if wrong:
            if share.opens:
                yield failed(path.name, wrong, on_error)
            return True
    spelt = dict(zip(header, given)) if header is not None else {}  # the columns' own names, for the messages
    month_first = False
    if header is not None and fields.date in header:  # the order of its dates is the column's, decided over them all
        at = header.index(fields.date)  # (read again for them: the file's text is not held)
        month_first = dates_month_first(
            (row[at] for line, row, _, _ in line_rows(table_lines(), delimiter, bool(source.problem), source.limit)
             if line > header_line and row and len(row) > at), path, spelt[fields.date], say=share.opens)
    escapes_said, notes, wanted, broken = False, _Notes(fields, path), fields.wanted(), False
    longest = _header_name_chars(given) if header is not None else 0
    for line, row, cause, cells in rows:
        if share.past(line):
            break
        say = share.holds(line)  # (else a row before the share: read for what it tells the rows after)
        if row is not None and not any(value.strip() for value in row):
            continue  # a blank line, or a spreadsheet's empty row (",,,"): no article, not an error
        if row is not None and header is not None and _header_again(row, header, wanted, longest):
            if say:
                log.warning("%s:%d: the table's header again (CSV files joined one after another?): not an "
                            "article", path, line + lines_above)
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
            if not escapes_said and say:  # once a file: an export so written has it on every row that quotes
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
            if say:
                log.warning("%s: %s", where, quotes_as_text)
        if row is None:
            broken = True
            if say:
                yield from notes.flush()
                yield failed(fallback_id, f"{where}: broken CSV row ({cause}); its first line is skipped", on_error)
            else:
                notes.given_before()
            continue
        record = table_record(header, row, fields.text, delimiter)
        if quotes_as_text:
            record["warning"] = quotes_as_text
        read = partial(record_to_article, record, fallback_id, fields, on_error, where, source.warning, spelt,
                       month_first)
        yield from notes.articles(record, f"line {line}", where, fallback_id, max_bytes, on_error, read, say)
    if not share.ends():
        return True
    notes.close()
    if source.problem:
        yield failed(f"{path.name}:{number + 1}", f"{path}:{source.stopped_at}: {source.problem}",
                     on_error)
    return broken or notes.after_article or bool(source.problem)


def csv_shares(path: Path, text_field: str, size: int) -> list[tuple[int, int | None]]:
    """(first line, lines) of each share of `size` rows of a CSV (`read_csv`'s `share`), its rows numbered by the line
    of its table each starts on: the first share from line 0 (with the header and what is above it), the last to
    the end (lines None). One share, the whole, for a CSV of no more rows, or that cannot be read (its reading says
    why)."""
    try:
        source = TableText(path, say=False)
    except InputError:
        return [(0, None)]
    delimiter, table_lines, _ = _table(path, source, text_field)
    rows = line_rows(table_lines(), delimiter, bool(source.problem), source.limit)
    # (its first row is counted as its header, most tables' first)
    starts = [line for number, (line, *_) in enumerate(rows, start=-1) if number >= 0 and number % size == 0]
    starts[:1] = [0]
    return [(first, end - first if end else None) for first, end in zip(starts, starts[1:] + [None])]


def _table(path: Path, source: TableText, text_field: str) -> tuple[str, Callable[[], Iterator[str]], int]:
    """(its delimiter, its table's lines from the first each time called, the lines above the table) of a CSV's
    text: the table is below Excel's "sep=;" first line, when it has one."""
    delimiter, table = csv_delimiter(source.head, text_field,
                                     "\t" if path.name.lower().endswith(TAB_SUFFIXES) else ",")
    return (delimiter, lambda: _after(source.lines(), len(source.head) - len(table)),
            lines_above_table(source.head, table))


def _after(lines: Iterator[str], chars: int) -> Iterator[str]:
    """`lines` after their first `chars` characters, which end a line (a table's "sep=;" line)."""
    while chars > 0 and (line := next(lines, None)) is not None:  # (None: the file was cut since its head was read)
        chars -= len(line)
    return lines


def _within_limit(record: dict, fields: "FieldNames", fallback_id: str, where: str, max_bytes: int, on_error: str,
                  read, python: bool | None = None) -> Iterator[Article]:
    """A row's articles, `read()`, or an error when its text is over `max_bytes` (a CSV's, a sheet's or a DataFrame's
    alike; `python`: a DataFrame's, its message naming the argument beside the option)."""
    size = utf8_size(record.get(fields.text) or "")
    if size > max_bytes:
        yield failed(record_id(record, fields, fallback_id),
                     over_limit(f"{where}: field '{fields.text}'", size, max_bytes, python), on_error)
    else:
        yield from read()


def _cell_text(value) -> str:
    """A cell's text, stripped, "" for none: a DataFrame's number (a label 1, a title 2024) is text as its CSV's is,
    and a row holding one was passed over as a note where the CSV made it an error."""
    text = None if missing(value) else field_text(value)
    return text.strip() if text else ""


class _Notes:
    """A table's rows that hold no text, lead, title, label or id under an article, held back until the next article:
    below the table's last one they are notes (a total, "Tổng cộng: 2 bài", a signature, "Người lập biểu", as office
    sheets close a report), passed over with one warning that names them; above an article they are read as before,
    each an error that names the fields it has. Read as articles, a sheet's total and signature were errors and exit
    code 1."""

    def __init__(self, fields: "FieldNames", where, python: bool | None = None):
        self.fields, self.where, self.held, self.after_article, self.python = fields, where, [], False, python
        self.float_id, self.other_ids = None, False  # an id cell written as a float ("17.0"), and whether all are
        self.site = SiteRows(where)

    def holds(self, record: dict, place: str, read) -> bool:
        """Whether `record` (at `place`, its articles `read()`) is held back as a note, or passed over as no article
        of WordPress' (`SiteRows`), or else an article's."""
        if self.site.passes(record):
            return True
        article_id = _cell_text(record.get(self.fields.id))  # (a DataFrame's cells may be numbers, or NaN: none)
        title = _cell_text(record.get(self.fields.title))
        if (self.after_article and not any(_cell_text(record.get(name)) for name in
                                           (self.fields.text, self.fields.lead, self.fields.label))
                # a total under the title's column ("Tổng cộng: 6 bài", or "4 bài" beside "Tổng cộng", hunt 41 Y)
                and (not title or _TOTAL.fullmatch(title))
                # (an id, one word, is an article's whose text is missing: an error, as ever; "Tổng cộng: 2 bài" is not)
                and not (article_id and len(article_id.split()) == 1)):
            shown = next((text for value in record.values() if (text := _cell_text(value))), "")
            self.held.append((place, shown[:40], read))
            return True
        self.after_article = True
        return False

    def articles(self, record: dict, place: str, where: str, fallback_id: str, max_bytes: int, on_error: str,
                 read, say: bool = True) -> Iterator[Article]:
        """A table's row's articles, the one step of a CSV's, a sheet's and a DataFrame's rows: none when it is held
        back as a note or passed over (`holds`), else those of the rows held before it, then its own (`read()`, or
        an error when its text is over `max_bytes`). A DataFrame read row by row gave a sheet's total and signature,
        and WordPress' revisions and pictures, as articles and errors where its CSV passed them over. Not `say`: a row
        before a Dask task's share of the table, whose articles are another task's; the rows after it are read as
        they are in the whole table."""
        if self.holds(record, place, read):
            return
        article_id = record.get(self.fields.id)
        if isinstance(article_id, str) and article_id.strip():
            if _FLOAT_ID.fullmatch(article_id.strip()):
                self.float_id = self.float_id or article_id.strip()
            else:
                self.other_ids = True
        if not say:
            self.given_before()
            return
        yield from self.flush()
        yield from _within_limit(record, self.fields, fallback_id, where, max_bytes, on_error, read, self.python)

    def given_before(self) -> None:
        """Let go of the rows held, where a row before a Dask task's share of the table follows them: their records
        are given, before that row's, by the task that reads it."""
        self.held = []

    def flush(self) -> Iterator[Article]:
        """The articles (errors) of the rows held, which an article's row follows."""
        for _, _, read in self.held:
            yield from read()
        self.held = []

    def close(self) -> None:
        self.site.close()
        if self.float_id and not self.other_ids:
            # a DataFrame's id column made float by an empty cell, saved with to_csv: its text cells are read as
            # written, as a labels file's are (a CSV of labels from the same frame says "17.0" too), so that ids pair
            # as they did; a JSON or workbook number 17.0 is 17. Said, as the labels by 17 would match none
            log.warning("%s: every id is written as a float (e.g. %r, as pandas writes a whole-number column with an "
                        "empty cell): read as written, so labels that give it as %r match none; write the column as "
                        "whole numbers (%s)",
                        self.where, self.float_id, self.float_id.split(".")[0],
                        "pd.to_numeric(df['id']).astype('Int64')" if self.python else
                        "df['id'].astype('Int64') before to_csv) or read the DataFrame itself (read_articles(df)")
        if self.held:
            log.warning("%s: %d row%s under the table's last article hold%s no text and no title (a total, a "
                        "signature?): not read as articles: %s", self.where, len(self.held), "s" * (len(self.held) > 1),
                        "" if len(self.held) > 1 else "s", ", ".join(f"{place} ({shown!r})" for place, shown, _ in
                                                                     self.held))


def _header_name_chars(given: list) -> int:
    """The length of the longest of a header's names as a table spells them (`given`), or `FIELD_NAME_CHARS` if
    longer: a cell longer than it is no name (`_header_again`). Once a table, not once a row."""
    return max([FIELD_NAME_CHARS, *(len(str(name).strip()) for name in given)])


def _header_again(row: list[str], header: list, wanted: Iterable[str], longest: int) -> bool:
    """Whether a row below a CSV's header is that header again, as two exports joined into one file hold it (`cat
    a.csv b.csv`; Windows' `copy a.csv+b.csv`), the second one's BOM and all: names matched as the header's are
    ("ID" for "id", "Nội dung" for "text"), blank cells past them aside. A row holding a cell longer than `longest`
    (`_header_name_chars`) is none, told at once: matched, every article's text went through the name matching
    (0.4 ms a row)."""
    if any(len(cell.strip()) > longest for cell in row):
        return False

    def names(cells) -> list[str]:
        keys = [name_key(cell or "") for cell in cells]
        while keys and not keys[-1]:
            keys.pop()
        return keys

    return names(field_names([row[0].lstrip("\ufeff"), *row[1:]] if row else row, wanted)) == names(header)


class NamesNoText(Exception):
    """What `read_xlsx(..., only_with_text=True)` raises before any article when no sheet of the workbook names the
    text field: an archive's member that is a labels sheet or notes, passed over as a CSV's is
    (`folders.may_hold_articles`), not read as an error "no 'text' column"."""


def read_xlsx(path: Path, fields: "FieldNames", on_error: str, max_bytes: int, only_with_text: bool = False
              ) -> Iterator[Article]:
    """The articles of a workbook, as a CSV's: in each sheet a header row (as `split_header` finds it,
    wherever the table starts) and then an article a row (an .xlsx of articles and their corrected labels,
    for `train --extra`). Every sheet whose header names the text field is read; the other sheets that hold
    anything are named in a warning. When none names it, the first sheet that holds anything is read, so that
    its rows say which fields they have, unless `only_with_text` (`NamesNoText`: the workbook is opened once to tell
    and to read it; a look first parsed it twice, and said its warnings twice). A text over `max_bytes` is an error,
    as in a CSV (a cell holds at most 32,767 characters, under the default limit, but --max-bytes may be set
    lower)."""
    try:
        with open_workbook(path) as book:
            yield from _xlsx_articles(path, book, fields, on_error, max_bytes, only_with_text)
    except UnreadableFileError as exc:  # not a workbook, or one broken inside: what follows the break is lost
        yield failed(path.name, str(exc), on_error)


def _xlsx_articles(path: Path, book, fields: "FieldNames", on_error: str, max_bytes: int, only_with_text: bool
                   ) -> Iterator[Article]:
    """The articles of an open workbook (`read_xlsx`)."""
    wanted = fields.wanted()
    tables = list(sheet_tables(book, wanted, fields.text, path))
    with_text = [table for table in tables if fields.text in table[2]]
    if only_with_text and not with_text:
        raise NamesNoText(path)
    chosen = with_text or tables[:1]
    others = [repr(table[0]) for table in tables if table not in chosen]
    if others:
        log.warning("%s: sheet%s %s not read: no '%s' column in %s; read: %s", path, "s" * (len(others) > 1),
                    ", ".join(others), fields.text, "their header" if len(others) > 1 else "its header",
                    ", ".join(repr(table[0]) for table in chosen))
    read_in: dict[int, str] = {}  # a hash of an article's title and text: the sheet it was first read in

    def counted(articles: Iterable[Article], sheet: str, repeats: dict) -> Iterator[Article]:
        for article in articles:
            if len(chosen) > 1 and not article.error:
                first = read_in.setdefault(hash((article.title, article.text)), sheet)
                if first != sheet:
                    repeats[first] = repeats.get(first, 0) + 1
            yield article

    for title, index, header, rows, given in chosen:
        # the first sheet's articles keep the ids they always had; another sheet's name its sheet
        at = f"{title}:" if index else ""
        repeats: dict[str, int] = {}  # {an earlier sheet: how many of its articles this one repeats}
        wrong = header_problem(f"{path}:{title}" if index else path, header, fields, given)
        if wrong:
            yield failed(f"{path.name}:{at}".rstrip(":"), wrong, on_error)
            continue
        spelt = dict(zip(header, given or header))  # the columns' own names, for the messages
        # the text's and the date's columns, found once a table, not once a row
        text_at = header.index(fields.text) if fields.text in header else None
        date_at = header.index(fields.date) if fields.date in header else None
        month_first = date_at is not None and dates_month_first(
            # a second pass over the date column alone: the rows are streamed, the order is the whole column's
            (row[date_at] for row in book.worksheets[index].iter_rows(values_only=True) if len(row) > date_at),
            f"{path}:{title}" if index else path, spelt[fields.date])
        notes = _Notes(fields, f"{path}:{title}" if index else path)
        # the columns of an article's fields beside its text: one whose formula was never calculated is read as empty,
        # and its article says so (the sheet's warning names every such cell)
        fields_at = {column: name for column, name in enumerate(header) if name in wanted and column != text_at}
        for number, row in rows:
            if not any((cell_text(cell) or "").strip() for cell in row):
                continue  # a blank row a spreadsheet keeps below its table
            record = table_record(header, list(map(cell_text, row)), fields.text)
            for column, cell in enumerate(row):
                if isinstance(cell, UncalculatedFormula) and column in fields_at:
                    add_warning(record, f"the '{spelt[fields_at[column]]}' cell {cell.said()} holds a formula whose "
                                        "value was never calculated: read as empty")
            where, fallback_id = f"{path}:{at}{number}", f"{path.name}:{at}{number}"
            read = partial(record_to_article, record, fallback_id, fields, on_error, where, spelt=spelt,
                           month_first=month_first)
            text_cell = row[text_at] if text_at is not None and text_at < len(row) else None
            if isinstance(text_cell, UncalculatedFormula):  # its text is missing: said why, not "it is missing"
                read = partial(_failed, record_id(record, fields, fallback_id),
                               f"{where}: the '{spelt[fields.text]}' cell {text_cell.said()} holds a formula whose "
                               f"value was never calculated ({UNCALCULATED_CAUSE}): {UNCALCULATED_REMEDY}", on_error)
            yield from counted(notes.articles(record, f"row {number}", where, fallback_id, max_bytes, on_error, read),
                               title, repeats)
        notes.close()
        if repeats:
            # a sheet of them all beside a sheet a month ("Tổng hợp"): each article was read, and counted, twice
            total = sum(repeats.values())
            log.warning("%s: sheet %r repeats %s of sheet%s %s (the same title and text): read, and counted, twice; "
                        "hide one of the sheets to read them once", path, title, plural(total, "article"),
                        "s" * (len(repeats) > 1), ", ".join(map(repr, repeats)))


def _failed(article_id: str, message: str, on_error: str) -> Iterator[Article]:
    """An article's row that is an error (`failed`), when it is read (a row held back, `_Notes`, is read later)."""
    yield failed(article_id, message, on_error)


def read_frame(frame, fields: "FieldNames", on_error: str, max_bytes: int, where: str = "DataFrame"
               ) -> Iterator[Article]:
    """The articles of a pandas DataFrame, a row each, read as the same table saved as CSV is read: its columns found
    by name ("Nội dung", "Tiêu đề", "Ngày đăng", --text-field's), its date column month first when it plainly is, its
    empty cells none. An article's id is its id column's, else its row's index label (as `types` and labels by index
    pair with it). Made row by row (`make_article`), a notebook's articles missed what a column says as a whole."""
    if frame.columns.nlevels > 1:  # a pivot's or a groupby's columns, several header rows in its CSV
        yield failed(where, f"{where}: its columns are a MultiIndex of {frame.columns.nlevels} levels "
                            f"({', '.join(map(repr, frame.columns[:4]))}{', …' * (len(frame.columns) > 4)}): give each "
                            "column one name (df.columns = ['…', …]) for the rows to be read", on_error)
        return
    given = [str(name) for name in frame.columns]  # the names as to_csv writes them: a column 0 is "0", as --id-field
    header = field_names(given, fields.wanted())
    if frame.index.nlevels > 1 and len(frame) and fields.id not in header:
        try:  # the index labels would be the ids
            index_id(frame.index[0])
        except ValueError as exc:
            yield failed(where, f"{where}: no '{fields.id}' column, and {exc}", on_error)
            return
    wrong = header_problem(where, header, fields, given, python=True)
    if wrong:
        yield failed(where, wrong, on_error)
        return
    spelt = dict(zip(header, given))
    month_first = fields.date in header and dates_month_first(frame.iloc[:, header.index(fields.date)], where,
                                                              spelt[fields.date])
    # a sheet's total and signature, WordPress' revisions: passed over as in its CSV
    notes, wanted = _Notes(fields, where, python=True), fields.wanted()
    longest = _header_name_chars(given)
    read_any = False
    for position, (index, row) in enumerate(zip(frame.index, frame.itertuples(index=False, name=None))):
        if all(missing(value) or (isinstance(value, str) and not value.strip()) for value in row):
            # a spreadsheet's empty row (read_excel keeps them, fillna("") blanks them): no article, as in a CSV
            continue
        if _header_again([value if isinstance(value, str) else "" for value in row], header, wanted, longest):
            log.warning("%s row %r: the table's header again (CSV files joined one after another?): not an article",
                        where, index)
            continue
        record = dict(zip(header, row))
        at = f"{where} row {index!r}"
        # a row without its id: its index label, as types by index pair with it (written as an id cell is: 10.0 is
        # "10"); but beside an id column, the label could be another row's id ("2"), so its place in the table is
        fallback_id = f"{where}:{position + 2}" if fields.id in header else index_id(index)
        read = partial(record_to_article, record, fallback_id, fields, on_error, at, None, spelt, month_first)
        text = record.get(fields.text)  # (measured when text: an empty cell, NaN, is a float)
        # (the size counted of text alone; a number in the text column is one still, for what the row holds)
        for article in notes.articles({**record, fields.text: None if missing(text) else text if isinstance(text, str)
                                       else field_text(text)}, f"row {index!r}", at, fallback_id, max_bytes, on_error,
                                      read):
            read_any = True
            yield article
    notes.close()
    if not read_any:  # a DataFrame filtered down to nothing gave no article, in silence, where its CSV says so
        message = f"{where}: no articles: it holds {'no rows' if frame.empty else 'only empty rows'}"
        if on_error == "raise":
            raise NoArticlesError(message)
        yield failed(where, message, on_error)
