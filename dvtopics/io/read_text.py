"""A text file's articles: one article (gzipped too), or a news feed's items (RSS, Atom)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .article import Article, make_article
from .decode import decode_text
from .files import compression, open_binary, read_all
from .htmltext import feed_items
from .paths import os_cause
from .records import FieldNames, failed, over_limit, record_id, record_to_article, size_text, utf8_size

log = logging.getLogger(__name__)


def read_text_file(path: Path, article_id: str, on_error: str, max_bytes: int) -> Article:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return failed(article_id, over_limit(str(path), size, max_bytes), on_error)
        data = path.read_bytes()
        if compression(data[:6]) == "gzip":  # one article gzipped (`article.txt.gz`), as a .jsonl.gz is read
            data, problem = _gunzipped(path, max_bytes)
            if problem:
                return failed(article_id, f"{path}: {problem}", on_error)
        raw, warning = decode_text(data, str(path))
        fields = {"path": str(path)}
        if warning:
            fields["warning"] = warning  # logged where the bytes were decoded
        return make_article(article_id, raw, fields, str(path))
    except (InputError, OSError) as exc:
        return failed(article_id, str(exc) if isinstance(exc, InputError) else os_cause(path, exc), on_error)


def _gunzipped(path: Path, max_bytes: int) -> tuple[bytes, str | None]:
    """The decompressed bytes of a gzipped article, and why they cannot be read, if they cannot: over `max_bytes`
    once decompressed (read no further: a small file may inflate to gigabytes), or a fault in the gzip data."""
    try:
        with open_binary(path) as handle:
            data = handle.read(max_bytes + 1)
    except InputError as exc:  # (its "what came before it was read" is of a file of many articles, not one)
        return b"", f"{str(exc).split(';')[0]}: the article is not read"
    if len(data) > max_bytes:
        return b"", f"over the {size_text(max_bytes)} article limit once decompressed (raise it with --max-bytes)"
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
        log.warning("%s: a site's export (WordPress', Blogger's): each of its %d posts and pages read as an article; "
                    "its %d other items (pictures, menu items, revisions, the trash, settings, template, comments) are "
                    "not articles", path, len(items), machinery)
    else:
        log.warning("%s: a news feed (RSS or Atom): each of its %d items read as an article", path, len(items))
    for number, item in enumerate(items, start=1):
        where, fallback_id = f"{path} (item {number})", f"{path.name}:{number}"
        record = {getattr(fields, key, key): value for key, value in item.items() if value is not None}
        if utf8_size(item["text"] or "") > max_bytes:
            yield failed(record_id(record, fields, fallback_id),
                         over_limit(f"{where}: its text", utf8_size(item["text"]), max_bytes), on_error)
            continue
        yield from record_to_article(record, fallback_id, fields, on_error, where)
