"""Reading articles as people have them: the entry points.

`read_articles(paths)` streams `Article` records from folders of .txt files and Word or OpenDocument documents
(recursively), single .txt files and documents, JSONL and JSON, CSV/TSV, .xlsx and news feeds, gzipped or not.
`read_file` gives one file's articles, choosing its reader by what the file holds, not only by its name.

Where each step lives:
- `paths`: the paths given, as the files to read ("~", patterns, each once, "-" refused);
- `read_text`, `read_json`, `read_tables`: the reader of each shape of input;
- `records`: a record's fields as an article (`FieldNames`, `record_to_article`), and `failed`;
- `article`: `Article`, and `make_article`, which makes one of a text and its fields;
- `language`: the warning for text that is not Vietnamese as it stands.
Below them, knowing nothing of articles: `decode` (bytes to text), `files` (gzip, line ends, a file's lines),
`folders` (file kinds, walking folders), `tables` (CSV and .xlsx cells), `jsonfiles` (JSON lines and arrays),
`htmltext` (a saved page's text), `metadata` (title, date and source in a text).

Bad input never stops `read_articles`' stream (``on_error="record"``, its default): the article comes out with its
``error`` field set (and the error is logged), so a batch can report it and go on. With ``on_error="raise"`` an
`InputError` is raised, and the stream stops there.
"""
from __future__ import annotations

import logging
import operator
import os
import re
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Iterator, Mapping

from ..arguments import ON_ERROR, check_choice, check_max_bytes, is_dataframe, none_is_default, option
from ..errors import InputError, NoArticlesError
from ..wording import plural
from .article import Article, finished, make_article
from .notes import summarized_warnings, warn_once
from .archives import archive_members
from .shares import WHOLE, Share
from .files import LineRange, is_stored_file, office_document, office_name, stored
from .folders import (FOLDER_HOLDS_NONE, PAGE_PART, Skipped, file_kind, given_by_name, head_text, id_below_folder,
                      iter_files, json_document, may_hold_articles, skipped_notes, there_at_start, unread_notes)
from .htmltext import FEED_START
from .paths import paths_given, unique_paths, unreadable
from .read_json import read_json, read_jsonl
from .read_tables import NamesNoText, read_csv, read_frame, read_xlsx
from .read_text import read_document, read_feed, read_text_file
from .records import FieldNames, as_field_names, failed
from .tables import header_like_line, text_table_delimiter

# what a notebook reads from here, by the names the README and the errors give
__all__ = ["Article", "FieldNames", "MAX_ARTICLE_BYTES", "make_article", "read_articles", "read_file"]

log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # news articles are < 100 KB; 10 MB is a runaway file


@none_is_default
def read_articles(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    fields: FieldNames | Mapping[str, str] | None = FieldNames(),
    on_error: str = "record",
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article]:
    """Stream articles from files and folders, in order, or from a pandas DataFrame's rows (read as the same table
    saved as CSV is: docs/python.md). The files a folder holds that are not read are
    named in one warning per kind; a path that gives no article at all (an empty file, a folder without a
    .txt file) gives one error in its place (or raises `NoArticlesError`, as errors are raised).

    A record that cannot be read (a JSONL line that is not JSON, a file that is not text): by default
    (`on_error="record"`) it comes as an `Article` in its place with its `error` set (and its id, and the
    title its record gave), the error is logged, and reading goes on, as the command line reads: skip the
    articles whose `error` is set where only texts will do. With `on_error="raise"` an `InputError` naming it
    is raised there, and the articles after it are not read.

    `fields` names the columns of JSONL/CSV/XLSX input, as --text-field and the others do: a `FieldNames`, a dict
    of some of them (``{"text": "content"}``), or None for the defaults.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:  # an article of its own: an installed dvtopics has no seeds/
    ...     _ = pathlib.Path(folder, "a1.txt").write_text("Hội nghị sơ kết\\n\\nSáng 5/7, …", encoding="utf-8")
    ...     print([(a.id, a.title) for a in read_articles(folder)])
    [('a1', 'Hội nghị sơ kết')]
    """
    check_choice("on_error", on_error, ON_ERROR)  # here, not once the articles are asked for: before any work
    fields, max_bytes = as_field_names(fields), check_max_bytes(max_bytes)
    # a kind of warning (HTML character references) said once, not once an article
    if is_dataframe(paths):  # a notebook's table: its rows, as the same table saved as CSV is read
        articles = map(finished, read_frame(paths, fields, on_error, max_bytes))
    else:
        articles = _read_articles(paths_given(paths), fields, on_error, max_bytes)
    return summarized_warnings(repeated_ids_said(articles, content_of=_title_and_text))


def _title_and_text(article: Article) -> tuple:
    return article.title, article.text


def repeated_ids_said(articles: Iterable, id_of: Callable = operator.attrgetter("id"),
                      content_of: Callable | None = None) -> Iterator:
    """`articles`, and a warning at their end when some repeat an earlier one's id: labels are joined to articles by
    id (--labels, label's output), and cannot tell them apart. `id_of`: an item's id (a Dask run's records are
    dicts, read back from its parts). `content_of`: what makes an item the same article; a copy of the article its id
    names, its label corrected and appended to the file as docs/labelling.md says, is that article, not another."""
    seen, repeated, example = {}, 0, None  # {a hash of an id: a hash of its content}: no id or text is held
    copies, copy = 0, None
    for article in articles:
        key = hash(id_of(article))
        content = None if content_of is None else hash(content_of(article))
        label = getattr(article, "label", None)  # (a copy under another label is a correction, not read twice)
        if key in seen:
            if content is None or seen[key][0] != content:
                repeated += 1
                example = id_of(article) if example is None else example
            elif seen[key][1] == label:
                copies += 1
                copy = id_of(article) if copy is None else copy
        else:
            seen[key] = content, label
        yield article
    if repeated:
        log.warning("%d %s the id of an earlier article (e.g. %r): labels given by id cannot tell them apart; "
                    "give each article its own id", repeated, "article repeats" if repeated == 1 else "articles repeat",
                    example)
    # (a folder given beside the archive made of it: each article read, labelled and counted twice, hunt 41 Y)
    if copies:
        log.warning("%d %s an earlier article whole, its id, title and text (e.g. %r): read twice, as from a folder "
                    "given beside its archive; a report counts each copy", copies,
                    "article repeats" if copies == 1 else "articles repeat", copy)


def _read_articles(paths, fields: FieldNames, on_error: str, max_bytes: int) -> Iterator[Article]:
    paths = unique_paths(paths)
    began = there_at_start(paths)  # (a file given gone by its turn is its error, not the run's)
    named = given_by_name(paths)  # a folder given beside one of its files does not say that file is not read
    # what the paths given before any article held that was passed over: said once an article is read, else in the
    # error of a reading of none (Excel's lock files alone, by a pattern), not as warnings too
    held: list[tuple[str, Skipped]] = []
    read_any = False
    ids: dict[str, str] = {}  # the articles' files' ids, by the path given that made each (`iter_files`)
    for given in paths:
        skipped: Skipped = {}
        unread: dict[Path, list[str]] = {}  # what a folder without a .txt file holds, found as it was walked
        counted = Counter()  # what this path gave: -v said nothing of a folder's or a file's reading (hunt 41 AG)
        for path, article_id in iter_files([given], skipped, fields.text, named, unread, began, ids):
            for article in read_file(path, article_id, fields, on_error, max_bytes, named=named,
                                     unread=unread.get(path), listed=True):
                if not read_any:
                    read_any = True
                    _say_passed_over(held)
                counted["error" if article.error else "read"] += 1
                yield article
        log.info("%s: %s read%s", given, plural(counted["read"], "article"),
                 f", {plural(counted['error'], 'error')}" if counted["error"] else "")
        if read_any:
            _say_passed_over([(given, skipped)])
        elif skipped:
            held.append((given, skipped))
    if held and not read_any:  # "0 articles", exit 0, said nothing
        yield _none_read(paths, held, on_error)


def read_file(path: Path, article_id: str, fields: FieldNames = FieldNames(), on_error: str = "raise",
              max_bytes: int = MAX_ARTICLE_BYTES, lines: LineRange | None = None,
              named: frozenset = frozenset(), unread: list[str] | None = None, in_archive: bool = False,
              listed: bool = False, share: Share = WHOLE) -> Iterator[Article]:
    """The articles of one input file (`article_id` names a .txt file's article).

    `lines` reads only that slice of a JSONL file, with the ids and line
    numbers a whole read gives: how a Dask partition reads its part. `named`: the files given by their names, which
    a folder given that holds no .txt file does not name among what it does not read; `unread`: what such a folder
    holds (`iter_files`), when it was walked already. `in_archive`: an archive's member, a workbook of which that
    names no text field raises `NamesNoText` (`_read_archive` passes it over). `listed`: `path` was there when the
    run began (a folder's walk, a path given, a Dask plan): not there now, it is said to be gone since. `share`
    reads only that share of an archive's members or a CSV's rows (`shares.Share`): how a Dask task reads its part of
    one.
    """
    kind = file_kind(path)
    if lines is not None and kind != "jsonl":
        raise InputError(f"{path}: only JSONL files can be read by line ranges")
    if not share.whole and kind not in ("archive", "csv"):
        raise InputError(f"{path}: only archives and CSV files can be read in shares")
    problem = unreadable(path, listed)
    head = head_text(path) or "" if kind == "txt" and not problem and not os.path.isdir(path) else ""  # read once
    feed = kind == "txt" and lines is None and bool(FEED_START.match(head))
    if kind == "txt" and not head and not problem and is_stored_file(path) and (
            office := office_document(stored(path))) in (".docx", ".odt"):
        # a Word or OpenDocument document saved or renamed .txt (or .doc, .rtf: no text, its bytes are a zip): read
        # as what it is
        log.warning("%s: %s under the name %s: read as one", path, office_name(office),
                    path.suffix or "without a suffix")
        kind = "document"
    if kind == "txt" and lines is None and _JSON_OPENING.match(head):
        # JSON lines (or a JSON document) saved as .txt, as Notepad names what it saves and some scrapers write
        # them: read as one article, its records would be one text titled by the first record's JSON
        log.warning("%s: JSON saved as text (its first line opens a JSON object): read as JSON lines", path)
        kind = "jsonl"
    if kind == "archive" and not problem and not os.path.isdir(path):  # (its members' read_file finishes them)
        return _read_archive(path, fields, on_error, max_bytes, share)
    if problem:
        articles = iter([failed(article_id, problem, on_error)])
    elif os.path.isdir(path):  # a folder given that holds no .txt file (`iter_files`)
        articles = iter([_no_articles(path, fields.text, on_error, named, unread)])
    elif kind == "jsonl" and lines is None and (document := json_document(path)):
        if not path.name.lower().endswith(".json.gz"):  # a gzipped .json is expected to hold one document
            log.warning("%s: %s, not JSON lines (an article a line): read as a .json file", path, document)
        articles = read_json(path, fields, on_error, max_bytes)
    elif kind == "jsonl":
        articles = read_jsonl(path, fields, on_error, max_bytes, lines)
    elif kind == "json":
        articles = read_json(path, fields, on_error, max_bytes)
    elif kind == "csv" and not share.whole:
        articles = _csv_share(path, fields, on_error, max_bytes, share)
    elif kind == "csv":
        articles = read_csv(path, fields, on_error, max_bytes)
    elif kind == "xlsx":
        articles = read_xlsx(path, fields, on_error, max_bytes, only_with_text=in_archive)
    elif kind == "document":
        articles = iter([read_document(path, article_id, on_error, max_bytes)])
    elif feed:  # an RSS or Atom feed saved as a file: read as one page, its items would be one article
        articles = read_feed(path, fields, on_error, max_bytes)
    elif (delimiter := text_table_delimiter(head, fields.text, fields.wanted())) == "\t":
        log.warning("%s: a table saved as text, a tab-separated header that names the '%s' field "
                    "(as Excel saves a sheet as \"Unicode Text\" or \"Text (Tab delimited)\"): read as a table, "
                    "an article a row", path, fields.text)
        articles = read_csv(path, fields, on_error, max_bytes)
    elif delimiter:
        log.warning("%s: a table saved as text, a header split by %r that names the '%s' field (a "
                    "CSV saved or renamed as .txt): read as a table, an article a row", path, delimiter, fields.text)
        articles = read_csv(path, fields, on_error, max_bytes)
    else:
        _warn_of_a_header(path, head, fields.text)
        articles = iter([read_text_file(path, article_id, on_error, max_bytes)])
    if lines is None and share.whole:  # a part of a file may hold nothing; a whole file that does is said so
        articles = _or_no_articles(articles, path, fields.text, on_error)
    return map(finished, articles)


def _read_archive(path: Path, fields: FieldNames, on_error: str, max_bytes: int, share: Share = WHOLE
                  ) -> Iterator[Article]:
    """The articles of an archive given by name, as the folder it holds is read (`archives.archive_members`): each
    member by the reader of its kind, under the id its extracted file would have ("2017/a"); its tables and JSON
    files too when they name the text field (a labels CSV beside the articles does not). What else it holds is named
    in one warning per kind, as a folder's is. Read in shares (`share`), the share that opens it says them; one
    that reads no article is no error (the others may)."""
    skipped: Skipped = {}
    read_any = False  # (an article, or an error in a member's or the archive's place)
    for name, member in archive_members(path, skipped, max_bytes, share):
        if isinstance(member, str):  # (why it cannot be read)
            read_any = True
            yield failed(id_below_folder(PurePosixPath(name)) if name else path.name, member, on_error)
        elif _member_holds_articles(member, fields):
            try:
                for article in read_file(member, id_below_folder(PurePosixPath(name)), fields, on_error, max_bytes,
                                         in_archive=True):
                    read_any = True
                    yield article
            except NamesNoText:  # (a workbook of labels or notes, as a CSV of them is)
                pass
    notes = skipped_notes(skipped, path, archive=True) if share.opens else []
    # (the last share of one cut into shares, when it reads none: if the shares before it read none either)
    if not read_any and share.ends() and (share.whole or not _any_read_before(path, fields, max_bytes, share)):
        message = "; ".join([f"{path}: no articles: the archive holds {FOLDER_HOLDS_NONE}"] + notes)
        if on_error == "raise":
            raise NoArticlesError(message)
        yield failed(path.name, message, on_error)
        return
    for note in notes:
        log.warning("%s: %s", path, note)


def _any_read_before(path: Path, fields: FieldNames, max_bytes: int, share: Share) -> bool:
    """Whether the shares of the archive `path` before `share` give a record (an article, or an error in a member's or
    the archive's place): read again, silently, up to the first member that does, most often its first. A workbook
    is taken to give one (to tell, it would be read whole, and say its warnings again)."""
    return any(isinstance(member, str) or _member_holds_articles(member, fields)
               for _, member in archive_members(path, {}, max_bytes, Share(0, share.first), say=False))


def _member_holds_articles(member, fields: FieldNames) -> bool:
    """Whether an archive's member is read: an article's file, or a table or a JSON file that names the text field
    (a workbook is read to tell, once: `read_xlsx`'s `only_with_text`)."""
    return file_kind(member) in ("txt", "document", "xlsx") or may_hold_articles(member, fields.text)


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
                    "if it is a table, name the column of the text with %s", path, shown, text_field,
                    option("--text-field"))


def _csv_share(path: Path, fields: FieldNames, on_error: str, max_bytes: int, share: Share) -> Iterator[Article]:
    """A share of a CSV's rows (a Dask task's); the last, when the whole table gives no record, gives the error a
    whole reading gives of it (`_no_articles`): a header over blank rows was 0 articles, exit 0, on Dask."""
    gave_any = yield from read_csv(path, fields, on_error, max_bytes, share)
    if share.ends() and not gave_any:
        yield _no_articles(path, fields.text, on_error)


def _or_no_articles(articles: Iterator[Article], path: Path, text_field: str, on_error: str) -> Iterator[Article]:
    """`articles`, or when there are none, the error of a path that gives none (`_no_articles`)."""
    empty = True
    for article in articles:
        empty = False
        yield article
    if empty:
        yield _no_articles(path, text_field, on_error)


def _say_passed_over(passed_over: list[tuple[str, Skipped]]) -> None:
    """Say what each path given held that was not read. A saved page's part given (a pattern's "**/*.html" gives each
    frame of each saved page's folder: hundreds) is said once, then counted, as a warning many articles earn."""
    for given, skipped in passed_over:
        for note in skipped_notes(skipped, given):
            if PAGE_PART not in skipped:
                log.warning("%s: %s", given, note)
            else:
                warn_once(str(given), note, _EXAMPLE.sub("", note), recorded=False)


_EXAMPLE = re.compile(r"^1 | \(e\.g\. '[^']*'\)")  # what a note of one file passed over says of it alone


def _none_read(paths: list, passed_over: list[tuple[str, Skipped]], on_error: str) -> Article:
    """The one record of a reading whose every file given was passed over (a lock file, a model's file), saying why
    (`passed_over`: each path given, and what of it was passed over): an error, as for an empty folder given, not a
    run over no article that ends well. A kind of file passed over in several paths is said once, counted."""
    first = Path(paths[0])
    skipped: Skipped = {}
    for _, of_path in passed_over:
        for kind, (count, example) in of_path.items():
            skipped.setdefault(kind, [0, example])[0] += count
    notes = skipped_notes(skipped, passed_over[0][0] if len(passed_over) == 1 else None)
    message = (f"{first}{' …' if len(paths) > 1 else ''}: no articles: "
               f"{'every file' if len(paths) > 1 else 'the file'} given was passed over: {'; '.join(notes)}")
    if on_error == "raise":
        raise NoArticlesError(message)
    return failed(first.name, message, on_error)


def _no_articles(path: Path, text_field: str, on_error: str, named: frozenset = frozenset(),
                 unread: list[str] | None = None) -> Article:
    """The one record of a path given that gives no article (an empty file, a table with a header only, a folder
    without a .txt file): an error in its place, as for any input that cannot be read, so that the articles of
    the other inputs are read all the same. `NoArticlesError` when errors are raised. `unread`: what such a folder
    holds, when it is known (else it is walked for it)."""
    if os.path.isdir(path):  # what it holds instead is said here rather than in a warning
        unread = unread_notes(path, text_field, named) if unread is None else unread
        why = "; ".join([f"the folder holds {FOLDER_HOLDS_NONE}"] + unread)
    else:
        why = "the file holds none (it is empty, or has a header only)"
    message = f"{path}: no articles: {why}"
    if on_error == "raise":
        raise NoArticlesError(message)
    return failed(path.name, message, on_error)
