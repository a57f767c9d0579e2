"""A text file's articles: one article (gzipped too), or a news feed's items (RSS, Atom); a Word or OpenDocument
document's one article."""
from __future__ import annotations

import itertools
import logging
import re
from pathlib import Path
from typing import Iterator

from ..arguments import option
from ..errors import InputError
from ..text.furniture import is_furniture, is_masthead, is_section_name
from ..wording import plural, word_for
from .article import Article, add_warning, make_article
from .decode import decode_text
from .documents import TextTooLong, document_text
from .files import compression, not_text, open_binary, open_stored, read_all, stored
from .htmltext import feed_items
from .language import with_language_warning
from .metadata import is_site_name
from .paths import os_cause
from .records import FieldNames, failed, over_limit, record_id, record_to_article, size_text, utf8_size

log = logging.getLogger(__name__)


def read_text_file(path: Path, article_id: str, on_error: str, max_bytes: int) -> Article:
    try:
        size = path.stat().st_size
        if size > max_bytes:  # (a PDF or a zip named .txt is told what it is, not to raise the limit to read it)
            with open_stored(path) as handle:
                head = handle.read(16)
            other = compression(head[:6]) != "gzip" and not_text(head, str(path), stored(path))
            return failed(article_id, f"{path}: {other}" if other else over_limit(str(path), size, max_bytes), on_error)
        data = path.read_bytes()
        if compression(data[:6]) == "gzip":  # one article gzipped (`article.txt.gz`), as a .jsonl.gz is read
            data, problem = _gunzipped(path, max_bytes)
            if problem:
                return failed(article_id, f"{path}: {problem}", on_error)
        raw, warning = decode_text(data, str(path))
        fields = {"path": str(path)}
        if warning:
            fields["warning"] = warning  # logged where the bytes were decoded
        return _file_article(path, article_id, raw, fields)
    except (InputError, OSError) as exc:
        return failed(article_id, str(exc) if isinstance(exc, InputError) else os_cause(path, exc), on_error)


def read_document(path: Path, article_id: str, on_error: str, max_bytes: int) -> Article:
    """The article a Word (.docx) or OpenDocument (.odt) document holds, its paragraphs read as a .txt file's lines
    are (`documents.document_text`). Its size is its text's, not the file's: the pictures pasted with an article
    may weigh megabytes. A paragraph styled as its title or a heading near the top is its title, as a title field
    is read, unless it is a site's name or a section's (a page pasted from a site that sets its logo as a heading)."""
    try:
        document = document_text(path, max_bytes)
        fields = {"path": str(path)}
        first = next((line for line in document.text.splitlines() if line.strip()), "")
        heading = next((line for line in document.headings if not _no_headline(line)), None)
        if heading and heading != " ".join(first.split()):
            fields["title"] = heading
        return _file_article(path, article_id, document.text, fields)
    except TextTooLong:
        return failed(article_id, f"{path}: its text is over the {size_text(max_bytes)} article limit (raise it with "
                      f"{option('--max-bytes')})", on_error)
    except (InputError, OSError) as exc:
        return failed(article_id, str(exc) if isinstance(exc, InputError) else os_cause(path, exc), on_error)


def _no_headline(line: str) -> bool:
    """Whether a line styled as a heading is what a page sets so above its headline, and a .txt's title never is: the
    site's name, a section's ("Xã hội", "Chính trị"), a portal's masthead, page furniture."""
    return is_site_name(line) or is_section_name(line) or is_masthead(line) or is_furniture(line)


def _file_article(path: Path, article_id: str, raw: str, fields: dict) -> Article:
    """The article of a file that holds one (a .txt, a document), `raw` its text: said when it does not look like
    one (a file of another kind, `_another_kind`, or under four words)."""
    article = make_article(article_id, raw, fields, str(path), spelt={}, judge_language=False)  # (its fields are ours)
    kind = _another_kind(path, article)
    # a file of another kind is said to be so, alone: that inspect's table (its ids, dates, counts) has few Vietnamese
    # letters is no news about it. A text of a few words is still judged (Chinese, without spaces, is one word)
    if kind is None:
        article = with_language_warning(article, str(path))
    words = len(article.text.split())
    why = kind or (f"{words} words" if words < 4 else None)
    if not why:
        return article
    # read all the same (a short article must never be lost), but said: it would be labelled and counted
    add_warning(article.meta, f"does not look like an article ({why})")
    log.warning("%s: does not look like an article (%s): read as one all the same; leave it out of the input not to "
                "read it", path, why)
    return article


# What else people keep as .txt beside their articles: a readme, a list of the pages to fetch, a scraper's log
_NOTE_NAMES = frozenset({"readme", "read me", "license", "licence", "changelog", "copying", "huong dan", "hướng dẫn"})
_LINK_LINE = re.compile(r"\s*(?:https?://|www\.)\S+\s*")
_LOG_LINE = re.compile(r"\s*\[?(?:\d{4}-\d\d-\d\d[ T]\d\d?:\d\d|\d\d?:\d\d:\d\d|(?:DEBUG|INFO|WARN|WARNING|ERROR)\b)")
# the header of `dvtopics inspect`'s table (cli/articles.py), saved beside the articles: `inspect arts/ > arts/list.txt`
_INSPECT_HEADER = re.compile(r"\s*id\s+date\s+chars\s+words\s+source\s+(?:label\s+)?title\s*")


def _another_kind(path: Path, article: Article) -> str | None:
    """What kind of file a .txt file's `article` is when it is no article (`_file_article`: that, or under four words),
    or None: a readme by its name, a list of links, a log (most lines open with a time stamp), `dvtopics inspect`'s
    table. Only what no article is: a headline alone is one."""
    lines = [line for line in article.raw.splitlines() if line.strip()]
    # (its messages may stand over it: `inspect arts/ > arts/list.txt 2>&1` says first that list.txt is empty)
    if any(map(_INSPECT_HEADER.fullmatch, itertools.islice(itertools.dropwhile(_LOG_LINE.match, lines), 3))):
        return "the table `dvtopics inspect` prints"
    if path.name.split(".")[0].replace("_", " ").replace("-", " ").casefold() in _NOTE_NAMES:
        return "a readme, by its name"
    if lines and all(_LINK_LINE.fullmatch(line) for line in lines):
        return f"a list of {len(lines)} link{'s' * (len(lines) > 1)}"
    if len(lines) >= 2 and sum(bool(_LOG_LINE.match(line)) for line in lines) >= 0.8 * len(lines):
        return "a log: its lines open with a time"
    return None


def _gunzipped(path: Path, max_bytes: int) -> tuple[bytes, str | None]:
    """The decompressed bytes of a gzipped article, and why they cannot be read, if they cannot: over `max_bytes`
    once decompressed (read no further: a small file may inflate to gigabytes), or a fault in the gzip data."""
    try:
        with open_binary(path) as handle:
            data = handle.read(max_bytes + 1)
    except InputError as exc:  # (its "what came before it was read" is of a file of many articles, not one)
        return b"", f"{str(exc).split(';')[0]}: the article is not read"
    if len(data) > max_bytes:
        return b"", (f"over the {size_text(max_bytes)} article limit once decompressed (raise it with "
                     f"{option('--max-bytes')})")
    return data, None


def read_feed(path: Path, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator[Article]:
    """The articles of an RSS or Atom feed (`feed_items`), an item each, in the feed's order: its link (or guid) is
    its id, its full content (else its description) its text, its publication date its date."""
    data, problem = read_all(path)
    try:
        if problem:
            raise ValueError(problem)
        items, machinery = feed_items(data)
    except ValueError as exc:
        yield failed(path.name, f"{path}: {exc}", on_error)
        return
    if machinery:
        log.warning("%s: a site's export (WordPress', Blogger's): %s read as an article; its %s (pictures, menu "
                    "items, revisions, the trash, settings, template, comments) %s", path,
                    word_for(len(items), "its one post or page", f"each of its {len(items)} posts and pages"),
                    plural(machinery, "other item"), word_for(machinery, "is not an article", "are not articles"))
    else:
        log.warning("%s: a news feed (RSS or Atom): %s read as an article", path,
                    word_for(len(items), "its one item", f"each of its {len(items)} items"))
    for number, item in enumerate(items, start=1):
        where, fallback_id = f"{path} (item {number})", f"{path.name}:{number}"
        record = {getattr(fields, key, key): value for key, value in item.items() if value is not None}
        if utf8_size(item["text"] or "") > max_bytes:
            yield failed(record_id(record, fields, fallback_id),
                         over_limit(f"{where}: its text", utf8_size(item["text"]), max_bytes), on_error)
            continue
        yield from record_to_article(record, fallback_id, fields, on_error, where)
