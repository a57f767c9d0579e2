"""Reading articles as people have them.

`read_articles(paths)` streams `Article` records from a folder of .txt files
(recursively), single .txt files, JSONL (also .jsonl.gz) and CSV. Bytes are
decoded by `decode_bytes` (UTF-8 with or without BOM, UTF-16 with or without
BOM, a cp1258 fallback with a warning); text is normalised and stripped of page
furniture for learning while the raw text is kept; title, date and source are
pulled out of the text by `extract_metadata` when the record does not carry them.

Bad input never stops a stream when ``on_error="record"``: the article comes out
with its ``error`` field set (and a warning is logged), so a batch can report it
and go on. With the default ``on_error="raise"`` an `InputError` is raised.
"""
from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import logging
import os
import re
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .text import is_furniture, normalize, strip_furniture

log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # news articles are < 100 KB; 10 MB is a runaway file
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")


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


# --------------------------------------------------------------------- bytes

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I
)


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode article bytes, trying the encodings Vietnamese text comes in.

    Raises `InputError` for empty or binary data.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    sample = data[:4096]
    if b"\x00" in sample:
        # UTF-16 without a BOM puts a NUL beside every ASCII character.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if max(even, odd) <= len(sample) // 8 or min(even, odd) > len(sample) // 64:
            raise InputError(f"{name}: binary file, not text")
        text = data.decode("utf-16-le" if odd > even else "utf-16-be", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            bad = text.count("\ufffd")
            if bad <= max(2, len(text) // 1000):  # UTF-8 with a few damaged bytes
                log.warning("%s: %d invalid UTF-8 byte sequence(s) replaced by \ufffd", name, bad)
                return text
            text = data.decode("cp1258", errors="replace")
            log.warning("%s: not valid UTF-8, read as cp1258 (Windows Vietnamese); check the result", name)
    controls = len(_CONTROL.findall(text, 0, 4096))
    if controls > 0.01 * min(len(text), 4096):
        raise InputError(f"{name}: binary file, not text")
    return text


class _TextOfHtml(HTMLParser):
    """Collects visible text from HTML, one block element per line."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "title", "tr", "section", "article"}
    _SKIP = {"script", "style", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<div|<p[ >])", re.I)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# ------------------------------------------------------------------ metadata

_DATE_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_SOURCE_LINE = re.compile(r"^\s*(nguồn|theo)\s*[:\s]\s*([^,;]+)", re.I)
# "Nguồn: baodaklak.vn, ngày 6/1/2016": the original source and its date, and nothing after the date
# ("Theo kế hoạch, ngày 5/3/2020 sẽ khai mạc" is a sentence, not a source line).
_SOURCE_DATE_LINE = re.compile(r"^\s*(nguồn|theo)\s*[:\s]\s*[^,;]+[,;–-]\s*(ngày\s+)?"
                               r"\d{1,2}/\d{1,2}/\d{4}(\s*[,-]?\s*\d{1,2}[:h]\d{2})?\s*[.)]?\s*$", re.I)
_DATELINE_MAX_CHARS = 80  # a dateline is a short line; dates inside prose are not the article's
_DATELINE_WORDS = re.compile(r"thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật|cập nhật|ngày đăng|đăng ngày|ngày|lúc|gmt|"
                             r"\d+|[^\w\s]", re.IGNORECASE)


def _iso(day: str, month: str, year: str) -> str | None:
    d, m, y = int(day), int(month), int(year)
    if 1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def find_date(line: str) -> str | None:
    """The first day-first date in `line` ("05/07/2022", "ngày 6 tháng 1 năm 2016")."""
    for pattern in (_DATE_NUMERIC, _DATE_WORDS):
        for match in pattern.finditer(line):
            iso = _iso(*match.groups())
            if iso:
                return iso
    return None


def extract_metadata(text: str) -> dict:
    """Title, date and source as the text states them.

    The title is the first line that is not page furniture or a dateline. The
    date is taken from the article's own dateline, in this order: a short line
    with a date among the first five lines ("Thứ Ba, 05/07/2022, 19:13 [GMT+7]",
    "21/04/2023 16:36"); a source line at the end ("Nguồn: baodaklak.vn, ngày
    6/1/2016"); any other short line with a date. Dates inside prose ("Sáng
    5/7, ...", "Nghị quyết ngày 12/3/2015") are ignored: they name other
    events. Dates are read day first, as Vietnamese writes them.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    source = source_date = None
    short_dates = []  # (position, iso) of short lines that hold a date
    candidates = []  # (position, line) of lines that may be the title
    for position, line in enumerate(lines):
        iso = find_date(line) if len(line) <= _DATELINE_MAX_CHARS else None
        if iso:
            short_dates.append((position, iso))
        source_match = _SOURCE_LINE.match(line)
        if source_match and len(line) <= _DATELINE_MAX_CHARS:
            source = source_match.group(2).strip()
            if iso and _SOURCE_DATE_LINE.match(line):
                source_date = iso
        if not iso and not is_furniture(line, captions=False):
            candidates.append((position, line))
    head = [iso for position, iso in short_dates if position < 5]
    tail = [iso for position, iso in short_dates if position >= len(lines) - 3]
    date = ([source_date] if source_date else head or tail or [iso for _, iso in short_dates] or [None])[0]
    dateline = next((position for position, _ in short_dates if position < 5 and _is_dateline(lines[position])), None)
    return {"title": _title(candidates, dateline)[:300], "date": date, "source": source}


def _is_dateline(line: str) -> bool:
    """A line that is a date and nothing else ("Thứ Bảy, 09/07/2022, 10:15 [GMT+7]", "Cập nhật: 18/07/2024"),
    or beside other page data ("Ngày đăng: 06/01/2023 | Lượt xem: 1.284"), not a sentence that holds one."""
    return any(find_date(part) and len(_DATELINE_WORDS.sub(" ", part).split()) <= 1 for part in line.split("|"))


def _title(candidates: list[tuple[int, str]], dateline: int | None) -> str:
    """The first line that is not furniture, unless a dateline near the top says otherwise. A page copied
    from a site can open with the site's name or section ("Quốc phòng - An ninh") before the headline,
    and the headline sits next to the dateline: directly above it, or below it when only short lines
    come before."""
    if dateline is not None:
        above = [line for position, line in candidates if position < dateline]
        if above and candidates[len(above) - 1][0] == dateline - 1 and _looks_like_headline(above[-1]):
            return above[-1]
        below = [line for position, line in candidates if position > dateline]
        if below and all(len(line.split()) < 4 for line in above):
            return below[0]
    return candidates[0][1] if candidates else ""


def _looks_like_headline(line: str) -> bool:
    return 4 <= len(line.split()) <= 40 and not line.endswith(".")


def make_article(article_id: str, raw: str, fields: dict | None = None, name: str = "") -> Article:
    """Build an `Article` from raw text plus whatever fields the record carried."""
    fields = dict(fields or {})
    if _HTML_START.match(raw):
        log.warning("%s: HTML instead of text; its visible text is used", name or article_id)
        raw = html_to_text(raw)
    clean = strip_furniture(normalize(raw))
    if not clean.strip():
        raise InputError(f"{name or article_id}: no text in the article")
    found = extract_metadata(clean)
    title = normalize(str(fields.pop("title", "") or "")).strip() or found["title"]
    date = fields.pop("date", None) or found["date"]
    source = fields.pop("source", None) or found["source"]
    label = fields.pop("label", None)
    return Article(
        id=str(article_id), title=title, text=clean, date=date, source=source,
        label=None if label in (None, "") else str(label), raw=raw, meta=fields,
    )


def looks_vietnamese(text: str) -> bool:
    """False for text long enough to judge that carries almost no Vietnamese letters."""
    sample = text[:5000]
    if len(sample) < 300:
        return True
    return len(_VIETNAMESE_LETTERS.findall(sample)) > 0.02 * len(sample)


# ------------------------------------------------------------------- readers

def _failed(article_id: str, message: str, on_error: str) -> Article:
    if on_error == "raise":
        raise InputError(message)
    log.warning("%s", message)
    return Article(id=article_id, error=message)


def _checked(article: Article, on_error: str, name: str) -> Article:
    if not looks_vietnamese(article.text):
        article.meta["warning"] = "few Vietnamese diacritics: another language, or Vietnamese typed without accents"
        log.warning("%s: %s", name, article.meta["warning"])
    return article


def _read_text_file(path: Path, article_id: str, on_error: str, max_bytes: int) -> Article:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _failed(article_id, f"{path}: {size / 2**20:.1f} MB is over the {max_bytes / 2**20:.0f} MB "
                           "article limit (raise it with --max-bytes)", on_error)
        raw = decode_bytes(path.read_bytes(), str(path))
        return _checked(make_article(article_id, raw, {"path": str(path)}, str(path)), on_error, str(path))
    except (InputError, OSError) as exc:
        return _failed(article_id, str(exc), on_error)


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def _read_jsonl(path: Path, fields: "FieldNames", on_error: str, max_bytes: int,
                lines: "LineRange | None" = None) -> Iterator[Article]:
    offset, first, count = lines or (0, 1, None)
    with _open_binary(path) as handle:
        handle.seek(offset)  # forward seek: a gzip stream is decompressed up to it
        for number, line in enumerate(itertools.islice(handle, count), start=first):
            fallback_id = f"{path.name}:{number}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield _failed(fallback_id, f"{path}:{number}: line of {len(line) / 2**20:.1f} MB is over the "
                              f"{max_bytes / 2**20:.0f} MB article limit", on_error)
                continue
            try:
                record = json.loads(decode_bytes(line, f"{path}:{number}"))
                if not isinstance(record, dict):
                    raise InputError(f"{path}:{number}: a JSON object per line is expected")
            except (ValueError, InputError) as exc:
                message = exc if isinstance(exc, InputError) else f"{path}:{number}: not valid JSON ({exc.msg})"
                yield _failed(fallback_id, str(message), on_error)
                continue
            yield from _record_to_article(record, fallback_id, fields, on_error, f"{path}:{number}")


def _read_csv(path: Path, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator[Article]:
    csv.field_size_limit(max_bytes)
    with _open_binary(path) as handle:
        head = handle.read(65536)
        text = decode_bytes(head + handle.read(), str(path)) if head else ""
    for number, record in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        yield from _record_to_article(record, f"{path.name}:{number}", fields, on_error, f"{path}:{number}")


def _record_to_article(record: dict, fallback_id: str, fields: "FieldNames", on_error: str,
                       where: str) -> Iterator[Article]:
    article_id = str(record.get(fields.id) or fallback_id)
    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        yield _failed(article_id, f"{where}: no '{fields.text}' field with text", on_error)
        return
    extra = {k: v for k, v in record.items() if k not in (fields.id, fields.text, fields.label)}
    extra["label"] = record.get(fields.label)
    try:
        yield _checked(make_article(article_id, text, extra, where), on_error, where)
    except InputError as exc:
        yield _failed(article_id, str(exc), on_error)


@dataclass(frozen=True)
class FieldNames:
    """Names of the fields that hold the text, id and label in JSONL/CSV input."""

    text: str = "text"
    id: str = "id"
    label: str = "label"


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(CSV_SUFFIXES):
        return "csv"
    return "txt"


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str]]:
    """(file, article id prefix) for every input file; folders are walked for .txt files."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in sorted(path.rglob("*.txt")):
                yield file, file.relative_to(path).with_suffix("").as_posix()
        elif path.exists():
            yield path, path.stem
        else:
            raise InputError(f"{path}: no such file or folder")


def read_articles(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    fields: FieldNames = FieldNames(),
    on_error: str = "raise",
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article]:
    """Stream articles from files and folders, in order.

    >>> [a.id for a in read_articles("seeds")][:2]
    ['000_4277f1d749d09db2', '001_07d20b8c73b70dfd']
    """
    if on_error not in ("raise", "record"):
        raise ValueError("on_error must be 'raise' or 'record'")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path, article_id in iter_files(paths):
        yield from read_file(path, article_id, fields, on_error, max_bytes)


# (byte offset of a line's start, its line number, how many lines): a slice of a JSONL file
LineRange = tuple[int, int, "int | None"]


def read_file(path: Path, article_id: str, fields: FieldNames = FieldNames(), on_error: str = "raise",
              max_bytes: int = MAX_ARTICLE_BYTES, lines: LineRange | None = None) -> Iterator[Article]:
    """The articles of one input file (`article_id` names a .txt file's article).

    `lines` reads only that slice of a JSONL file, with the ids and line
    numbers a whole read gives: how a Dask partition reads its part.
    """
    kind = _kind(path)
    if kind == "jsonl":
        return _read_jsonl(path, fields, on_error, max_bytes, lines)
    if lines is not None:
        raise InputError(f"{path}: only JSONL files can be read by line ranges")
    if kind == "csv":
        return _read_csv(path, fields, on_error, max_bytes)
    return iter([_read_text_file(path, article_id, on_error, max_bytes)])


def read_labels(path: str | os.PathLike) -> dict[str, str]:
    """A CSV of article id (or file name) and label -> {id: label}.

    The id column may be called `id` (taken as it is: VNTC's ids end in .txt) or
    `file` (a file name, whose .txt is dropped to match the ids `read_articles`
    gives to .txt files).
    """
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or "label" not in rows[0] or not ({"id", "file"} & set(rows[0])):
        raise InputError(f"{path}: a labels CSV needs a header with 'id' (or 'file') and 'label'")
    if "id" in rows[0]:
        return {row["id"]: row["label"] for row in rows}
    return {re.sub(r"\.txt$", "", row["file"]): row["label"] for row in rows}
