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
import stat
import unicodedata
import zlib
from dataclasses import asdict, dataclass, field, fields as dataclass_fields
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError, NoArticlesError
from ..text.normalise import nfc, normalize
from ..text.furniture import strip_furniture
from .metadata import extract_metadata, parse_date
from .vnlegacy import at_least, to_unicode, vietnamese_score

log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # news articles are < 100 KB; 10 MB is a runaway file
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json.gz", ".ndjson.gz")
JSON_SUFFIXES = (".json",)  # one JSON value: an array of articles, or one article
CSV_SUFFIXES = (".csv", ".csv.gz")
XLSX_SUFFIXES = (".xlsx",)  # a workbook's sheets of articles, each read as a CSV's rows
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


# --------------------------------------------------------------------- bytes

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I
)


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode article bytes, trying the encodings Vietnamese text comes in.

    Raises `InputError` for empty or binary data.
    """
    return decode_text(data, name)[0]


def decode_text(data: bytes, name: str = "<bytes>") -> tuple[str, str | None]:
    """(text, warning): `decode_bytes`, and a warning for the record when the bytes were not UTF-8 or
    UTF-16: which encoding they were read as, or that none read as Vietnamese."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    compressed = compression(data[:6])
    if compressed:  # a .zip given as an article: one clear error, not a guessed encoding first
        raise InputError(f"{name}: {compressed}-compressed data, not text: decompress it first")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    sample = data[:4096]
    warning = None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) > len(sample) // 8 and min(even, odd) <= len(sample) // 64:
        # UTF-16 without a BOM puts a NUL beside every ASCII character.
        text = data.decode("utf-16-le" if odd > even else "utf-16-be", errors="replace")
    elif even + odd > max(2, len(sample) // 100):
        raise InputError(f"{name}: binary file, not text")
    else:
        data = data.replace(b"\x00", b"")  # a stray NUL or two (a damaged copy) does not make a file binary
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, warning = _decode_line_by_line(data)
    controls = len(_CONTROL.findall(text, 0, 4096))
    if controls > 0.01 * min(len(text), 4096):
        raise InputError(f"{name}: binary file, not text")
    if warning:  # said once the bytes are known to be text
        log.warning("%s: %s", name, warning)
    return text, warning


# below this many letters, too few to say a text is not Vietnamese (counted without spaces: Chinese has none)
_MIN_CHARS_TO_JUDGE = 150


def _decode_line_by_line(data: bytes) -> tuple[str, str]:
    """Bytes that are not all valid UTF-8, each line read as what it is: a file may be UTF-8 but for a
    paragraph pasted from an older document, or mostly ASCII (links, ids) with a few lines of Windows-1258.

    A line that is valid UTF-8 stays UTF-8. A line that is not is damaged UTF-8 when it holds at least as many
    letters that read as UTF-8 as bytes that do not (these become U+FFFD); else it is in an older encoding,
    which `_decode_legacy` chooses for all such lines together. The warning, for the record, says which
    lines were read how (no line numbers when all the text that is not ASCII was in the older encoding)."""
    lines = data.split(b"\n")
    decoded: list[str | None] = []
    legacy, damaged, replaced, utf8_letters = [], [], 0, False
    for number, line in enumerate(lines, start=1):
        try:
            decoded.append(line.decode("utf-8"))
            utf8_letters = utf8_letters or not line.isascii()
            continue
        except UnicodeDecodeError:
            pass
        lenient = line.decode("utf-8", errors="replace")
        bad = lenient.count("\ufffd")
        if sum(not char.isascii() for char in lenient) - bad >= bad:
            decoded.append(lenient)
            damaged.append(number)
            replaced += bad
        else:
            decoded.append(None)
            legacy.append(number)
    warnings = []
    if legacy:
        text, warning = _decode_legacy(b"\n".join(lines[number - 1] for number in legacy))
        for number, line in zip(legacy, text.split("\n")):
            decoded[number - 1] = line
        if utf8_letters or damaged:
            warning = f"UTF-8, but {_lines(legacy, len(lines))} {'is' if len(legacy) == 1 else 'are'} not: {warning}"
        warnings.append(warning)
    if damaged:
        where = f" ({_lines(damaged, len(lines))})" if len(lines) > 1 else ""
        warnings.append(f"{replaced} invalid UTF-8 byte sequence(s) replaced by \ufffd{where}")
    return "\n".join(decoded), "; ".join(warnings)


def _lines(numbers: list[int], total: int) -> str:
    """Some of a text's lines, in words: "line 6", "2 of its 40 lines (6, 9)"."""
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    shown = ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "")
    return f"{len(numbers)} of its {total} lines ({shown})"


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8: Windows-1258, or the TCVN3 and VNI font encodings, whichever reads as
    Vietnamese; the warning for the record says which, or that none does."""
    cp1258 = data.decode("cp1258", errors="replace")
    cp1258_score = vietnamese_score(unicodedata.normalize("NFC", cp1258))
    converted, encoding = to_unicode(data.decode("cp1252", errors="replace"))
    if encoding and vietnamese_score(converted) > cp1258_score:
        warning = f"not UTF-8: read as {encoding} (an old Vietnamese font encoding) and converted to Unicode"
        text = converted
    elif cp1258_score == 0 and len("".join(cp1258[:5000].split())) >= _MIN_CHARS_TO_JUDGE:
        warning = ("could not be decoded as Vietnamese (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI); "
                   "read as Windows-1258")
        text = cp1258
    else:
        warning, text = "not valid UTF-8: read as Windows-1258 (cp1258, Windows Vietnamese); check the text", cp1258
    return text, warning


def read_stopwords(path: str | os.PathLike) -> list[str]:
    """The words of a stopword file (one a line) as segmented, lower-cased text spells them: "Nhân dân" and
    "nhân_dân" are both "nhân_dân" (the segmenter joins a word's syllables with "_"; lists found on the web
    write spaces), and the spelling is the one `normalize` gives the text ("hoà" is "hòa", NFD is NFC)."""
    words = ("_".join(normalize(line).lower().split()) for line in read_side_file(path).splitlines())
    return [word for word in words if word]


def read_side_file(path: str | os.PathLike) -> str:
    """The text of a file a user gives beside the articles (labels, stopwords) or edits (a model card):
    UTF-8 or UTF-16, with or without a BOM, as `decode_bytes` reads articles. An empty file is ""."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode_bytes(data, str(path)) if data.strip() else ""


class _TextOfHtml(HTMLParser):
    """Collects visible text from HTML, one block element per line."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"}
    # not shown on the page; <title> is the browser tab's name ("Headline - Site"), the <h1> is the headline
    _SKIP = {"script", "style", "noscript", "title"}

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


# A page's first tag, after what a saved page may put before it: an XML declaration (XHTML), comments (the
# "<!-- saved from url=... -->" that Chrome, Edge and Internet Explorer write when saving a page).
_HTML_START = re.compile(r"^\s*(?:(?:<\?xml[^>]*>|<!--.*?-->)\s*)*(<!doctype html|<html|<head|<body|<div|<p[ >])",
                         re.I | re.S)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# ------------------------------------------------------------------ metadata


def field_text(value) -> str | None:
    """A record's value as text: a string as it is, a number written out, None for anything else
    (null, true/false, a list, an object).

    >>> field_text("2022-07-05"), field_text(2022), field_text([1, 2]), field_text(None)
    ('2022-07-05', '2022', None, None)
    """
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def json_kind(value) -> str:
    """What a JSON value is, in words for an error message."""
    if isinstance(value, bool):
        return "true/false"
    return {dict: "an object", list: "a list", type(None): "null", str: "text"}.get(type(value), "a number")


def add_warning(meta: dict, message: str) -> None:
    """Add `message` to the record's warning (several are joined with "; ")."""
    meta["warning"] = f"{meta['warning']}; {message}" if meta.get("warning") else message


def make_article(article_id: str, raw: str, fields: dict | None = None, name: str = "") -> Article:
    """Build an `Article` from raw text plus whatever fields the record carried.

    A title, date, source or label field that is not text (a list, an object, true), or a date field that
    is not a date ("32/13/2022"), is not used; it is kept in `meta` under its name, with a warning. A date
    field is read as `parse_date` reads it, day first.
    """
    fields = dict(fields or {})
    name = name or article_id
    raw = _from_legacy_font(raw, "text", fields, name)
    if _HTML_START.match(raw):
        log.warning("%s: HTML instead of text; its visible text is used", name)
        add_warning(fields, "HTML instead of text: its visible text is used")
        raw = html_to_text(raw)
    clean = strip_furniture(normalize(raw))
    if not clean.strip():
        raise InputError(f"{name}: no text in the article")
    found = extract_metadata(clean)
    given = {}
    for key in METADATA_FIELDS + ("label",):
        value = fields.pop(key, None)
        given[key] = field_text(value)
        if value is not None and given[key] is None:
            fields[key] = value
            add_warning(fields, f"the '{key}' field is {json_kind(value)}, not text: not used")
    for key in ("title", "source"):  # copied from the same old document as the text, as often as not
        if given[key]:
            given[key] = _from_legacy_font(given[key], f"the '{key}' field", fields, name, fields.get("encoding"))
    if given["date"] is not None and given["date"].strip():
        date = parse_date(given["date"])
        if date is None:
            fields["date"] = given["date"]
            add_warning(fields, f"the 'date' field {given['date']!r} is not a date (day/month/year or "
                                "year-month-day): not used")
        given["date"] = date
    title = normalize(given["title"] or "").strip() or found["title"]
    # a label is read as a user meant it: "other " (a space a spreadsheet kept) is "other", and NFD (typed on a
    # Mac) is NFC, as in label files
    return Article(
        id=str(article_id), title=title, text=clean, date=given["date"] or found["date"],
        source=given["source"] or found["source"], label=nfc((given["label"] or "").strip()) or None, raw=raw,
        meta=fields,
    )


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


def looks_vietnamese(text: str) -> bool:
    """False for text long enough to judge that carries almost no Vietnamese letters."""
    sample = text[:5000]
    if len(sample) < 300:
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

def _failed(article_id: str, message: str, on_error: str) -> Article:
    if on_error == "raise":
        raise InputError(message)
    log.warning("%s", message)
    return Article(id=article_id, error=message)


def _checked(article: Article, on_error: str, name: str) -> Article:
    message = not_vietnamese(article.text)
    if message is None and not looks_vietnamese(article.text):
        message = "few Vietnamese diacritics: another language, or Vietnamese typed without accents"
    if message:
        add_warning(article.meta, message)
        log.warning("%s: %s", name, message)
    return article


def _over_limit(where: str, size: int, max_bytes: int) -> str:
    return f"{where}: {_size(size)} is over the {_size(max_bytes)} article limit (raise it with --max-bytes)"


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n:,} bytes"


def _read_text_file(path: Path, article_id: str, on_error: str, max_bytes: int) -> Article:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _failed(article_id, _over_limit(str(path), size, max_bytes), on_error)
        raw, warning = decode_text(path.read_bytes(), str(path))
        fields = {"path": str(path)}
        if warning:
            fields["warning"] = warning  # logged where the bytes were decoded
        return _checked(make_article(article_id, raw, fields, str(path)), on_error, str(path))
    except (InputError, OSError) as exc:
        return _failed(article_id, str(exc) if isinstance(exc, InputError) else _os_cause(path, exc), on_error)


def _os_cause(path: Path, exc: OSError) -> str:
    return f"{path}: cannot read ({exc.strerror or exc})"


_GZIP_MAGIC = b"\x1f\x8b"


class _Gunzip(io.RawIOBase):
    """The decompressed bytes of a gzip file, every byte that can be had before a fault: a file cut short,
    junk after the end, or damaged data raises `InputError` only once the good bytes are read.
    (Python's gzip module fails on the read that meets the fault and loses what that read held.)"""

    def __init__(self, handle):
        super().__init__()
        self._handle = handle
        self._inflate = zlib.decompressobj(wbits=31)
        self._pending = memoryview(b"")
        self._fault: InputError | None = None
        self._end = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            if self._fault:
                fault, self._fault = self._fault, None
                self._end = True
                raise fault
            if self._end:
                return 0
            self._pending = memoryview(self._inflated())
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _inflated(self) -> bytes:
        """The next decompressed bytes; sets `_fault` or `_end` when there are no more."""
        chunk = self._handle.read(1 << 16)
        try:
            if not chunk:
                if not self._inflate.eof:
                    self._fault = InputError("the gzip data is cut short (an incomplete download or copy); "
                                             "what came before it was read")
                self._end = True
                return self._inflate.flush() if not self._inflate.eof else b""
            data = self._inflate.decompress(chunk)
            while self._inflate.eof and self._inflate.unused_data:
                rest = self._inflate.unused_data.lstrip(b"\x00")  # gzip allows zero padding at the end
                if not rest:
                    break
                if not rest.startswith(_GZIP_MAGIC[:len(rest)]):
                    self._fault = InputError("data that is not gzip after the end of the compressed stream")
                    self._end = True
                    return data
                self._inflate = zlib.decompressobj(wbits=31)  # another gzip member follows
                data += self._inflate.decompress(rest)
            return data
        except zlib.error as exc:
            self._fault = InputError(f"damaged gzip data ({exc})")
            return b""

    def close(self) -> None:
        self._handle.close()
        super().close()


# compressed data that is not read: one clear error instead of a line of junk per line
_OTHER_COMPRESSION = {b"BZh": "bzip2", b"\xfd7zXZ\x00": "xz", b"PK\x03\x04": "zip", b"\x28\xb5\x2f\xfd": "zstd",
                      b"7z\xbc\xaf\x27\x1c": "7-Zip"}


def compression(head: bytes) -> str | None:
    """The name of the compression the first 6 bytes of a file show ("zip", "gzip", ...), or None."""
    if head[:2] == _GZIP_MAGIC:
        return "gzip"
    for magic, name in _OTHER_COMPRESSION.items():
        if head.startswith(magic) and (name != "bzip2" or head[3:4].isdigit()):
            return name
    return None


def open_binary(path: Path):
    """The bytes of a file, decompressed when they are gzip data, whatever the name says; lines that end
    with CR alone end with LF (`_CarriageReturnsAsNewlines`)."""
    handle = open(path, "rb", buffering=1 << 16)
    compressed = compression(handle.peek(6)[:6])
    if compressed == "gzip":
        handle = io.BufferedReader(_Gunzip(handle), 1 << 16)
    elif compressed:
        handle.close()
        raise InputError(f"{compressed}-compressed data: decompress it first (gzip is read as it is)")
    elif path.name.lower().endswith(".gz"):
        log.warning("%s: not gzip data despite its name; read as it is", path)
    head = handle.peek(1 << 16)
    if b"\r" in head and b"\n" not in head and b"\x00" not in head:  # (UTF-16 is split by its own decoder)
        return io.BufferedReader(_CarriageReturnsAsNewlines(handle), 1 << 16)
    return handle


class _CarriageReturnsAsNewlines(io.RawIOBase):
    """The bytes of a file whose lines end with CR alone (classic Mac OS; Excel for Mac's "CSV (Macintosh)")
    with each CR given as LF, so that every reader splits its lines as those of any other file. One byte for
    one: offsets are the file's, and a line range found in it (`run.distributed`) seeks to the same line."""

    _CR_AS_LF = bytes.maketrans(b"\r", b"\n")

    def __init__(self, handle):
        super().__init__()
        self._handle = handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._handle.read1(len(buffer))
        buffer[:len(data)] = data.translate(self._CR_AS_LF)
        return len(data)

    def seekable(self) -> bool:
        return self._handle.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def close(self) -> None:
        self._handle.close()
        super().close()


def _skip(handle, offset: int) -> None:
    """Move `offset` bytes forward (a gzip stream cannot seek: it is read up to there)."""
    if handle.seekable():
        handle.seek(offset)
        return
    while offset > 0 and (data := handle.read(min(offset, 1 << 20))):
        offset -= len(data)


def _numbered_lines(path: Path, lines: "LineRange | None", limit: int) -> Iterator[tuple[int, bytes | int | str]]:
    """(line number, line) of a file, (line number, its size) for a line over `limit` bytes (never held in
    memory), or at the end (line number, why reading stopped) when the file could not be read to its end:
    every whole line before a fault is given."""
    offset, first, count = lines or (0, 1, None)
    number = first - 1
    try:
        with open_binary(path) as handle:
            _skip(handle, offset)
            utf16 = _utf16(handle.peek(4)[:4]) if offset == 0 else None
            lines = _bounded_lines(handle, limit) if not utf16 else (  # UTF-16 is Notepad's "Unicode"
                line.encode("utf-8") for line in io.TextIOWrapper(handle, encoding=utf16, errors="replace"))
            for number, line in enumerate(itertools.islice(lines, count), start=first):
                yield number, line
    except InputError as exc:
        yield number + 1, str(exc)
    except OSError as exc:
        yield number + 1, f"cannot read ({exc.strerror or exc})"


def _bounded_lines(handle, limit: int) -> Iterator[bytes | int]:
    """The lines of `handle`; a line over `limit` bytes as its size, read past in pieces (a 5 GB "line" of a
    broken export must not be held whole)."""
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while rest := handle.readline(1 << 20):
            size += len(rest)
            if rest.endswith(b"\n"):
                break
        yield size


def _utf16(head: bytes) -> str | None:
    """The UTF-16 codec for a file that starts with `head`, or None: a BOM, or the NUL that UTF-16 puts
    beside an ASCII character (a JSON line starts with one)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "utf-16-be" if head[0] == 0 else "utf-16-le"
    return None


def _read_jsonl(path: Path, fields: "FieldNames", on_error: str, max_bytes: int,
                lines: "LineRange | None" = None) -> Iterator[Article]:
    for number, line in _numbered_lines(path, lines, max_bytes):
        where, fallback_id = f"{path}:{number}", f"{path.name}:{number}"
        if isinstance(line, str):  # reading stopped here
            yield _failed(fallback_id, f"{where}: {line}", on_error)
            return
        size = line if isinstance(line, int) else len(line)
        if size > max_bytes:
            yield _failed(fallback_id, _over_limit(f"{where}: line", size, max_bytes), on_error)
            continue
        if not line.strip():
            continue
        try:
            text, warning = decode_text(line, where)
            record = _json_object(text, where)
        except InputError as exc:
            yield _failed(fallback_id, str(exc), on_error)
            continue
        yield from _record_to_article(record, fallback_id, fields, on_error, where, warning)


def _json_object(text: str, where: str) -> dict:
    """The JSON object in `text`; `InputError` naming `where` and the cause for anything else."""
    try:
        record = json.loads(text)
    except ValueError as exc:  # a huge number is a ValueError without .msg
        raise InputError(f"{where}: not valid JSON ({getattr(exc, 'msg', exc)})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deep to read") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: a JSON object per line is expected, not {json_kind(record)}")
    return record


def _read_json(path: Path, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator[Article]:
    """A .json file: an array of articles, one article, or (misnamed) JSON lines."""
    try:
        text, warning = decode_text(path.read_bytes(), str(path))
    except (InputError, OSError) as exc:
        yield _failed(path.name, str(exc) if isinstance(exc, InputError) else _os_cause(path, exc), on_error)
        return
    start = len(text) - len(text.lstrip())
    if text.startswith("[", start):
        yield from _read_json_array(path, text, start + 1, fields, on_error, max_bytes, warning)
        return
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        yield from _read_jsonl(path, fields, on_error, max_bytes)  # one object per line
        return
    try:
        if not isinstance(record, dict):
            raise InputError(f"{path}: a JSON array of articles or one article is expected, "
                             f"not {json_kind(record)}")
        if len(text) > max_bytes:
            raise InputError(_over_limit(str(path), len(text), max_bytes))
    except InputError as exc:
        yield _failed(path.stem, str(exc), on_error)
        return
    yield from _record_to_article(record, path.stem, fields, on_error, str(path), warning)


NEWLINE = "\n"


def _read_json_array(path: Path, text: str, position: int, fields: "FieldNames", on_error: str,
                     max_bytes: int, warning: str | None = None) -> Iterator[Article]:
    """The items of a JSON array one by one, so that the items before a fault are read."""
    decoder, line, counted, item = json.JSONDecoder(), 1, 0, 0
    whitespace = re.compile(r"[ \t\r\n]*")
    while True:
        position = whitespace.match(text, position).end()
        line, counted = line + text.count("\n", counted, position), position
        if text.startswith("]", position):
            return
        item += 1
        where, fallback_id = f"{path}:{line} (item {item})", f"{path.name}:{item}"
        try:
            value, end = decoder.raw_decode(text, position)
        except (ValueError, RecursionError) as exc:
            cause = getattr(exc, "msg", "nested too deep" if isinstance(exc, RecursionError) else exc)
            position = _next_array_item(text, position + 1, decoder)
            if position is None:
                yield _failed(fallback_id, f"{where}: not valid JSON ({cause}); the rest of the file is not read",
                              on_error)
                return
            yield _failed(fallback_id, f"{where}: not valid JSON ({cause}); reading goes on at the next item, on "
                          f"line {line + text.count(NEWLINE, counted, position)}", on_error)
            continue
        if end - position > max_bytes:
            yield _failed(fallback_id, _over_limit(where, end - position, max_bytes), on_error)
        elif not isinstance(value, dict):
            yield _failed(fallback_id, f"{where}: an article (a JSON object) is expected, not {json_kind(value)}",
                          on_error)
        else:
            yield from _record_to_article(value, fallback_id, fields, on_error, where, warning)
        position = whitespace.match(text, end).end()
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position):
            line, counted = line + text.count("\n", counted, position), position
            if text.startswith("{", position):  # the comma between two articles was left out: nothing is lost
                log.warning("%s:%d: ',' missing after item %d; read as if it were there", path, line, item)
                continue
            resumed = _next_array_item(text, position, decoder)
            item += 1
            yield _failed(f"{path.name}:{item}", f"{path}:{line}: ',' or ']' expected after item {item - 1}; " + (
                "the rest of the file is not read" if resumed is None else "reading goes on at the next item"),
                on_error)
            if resumed is None:
                return
            position = resumed


# what says where a JSON value nests: strings (whole, so that their brackets do not count), brackets, commas
_JSON_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[][{},]')
_COMMA_THEN_OBJECT = re.compile(r",[ \t\r\n]*\{")


def _next_array_item(text: str, start: int, decoder: json.JSONDecoder) -> int | None:
    """Where reading a JSON array goes on after the item at `start` that is not valid JSON (or not JSON at
    all): the next "{" at the array's own level (after a "," or "}"), or its closing "]"; None when there is
    none. The brackets are counted outside strings, so an object nested in the broken item is not taken for
    the next article. When they never balance (a "}" left out), the first "{" after a "," where an object can
    be read that a "," or "]" follows."""
    depth, previous = 0, ""
    for token in _JSON_STRUCTURE.finditer(text, start):
        mark = token.group()
        if depth == 0 and token.start() > start and (mark == "]" or mark == "{" and previous in (",", "}")):
            return token.start()
        if mark in "{[":
            depth += 1
        elif mark in "}]":
            depth = max(depth - 1, 0)
        previous = mark[0]
    for match in _COMMA_THEN_OBJECT.finditer(text, start):
        at = match.end() - 1
        try:
            value, end = decoder.raw_decode(text, at)
        except (ValueError, RecursionError):
            continue
        if isinstance(value, dict) and re.match(r"[ \t\r\n]*[,\]]", text[end:end + 1000]):
            return at
    return None


def _read_all(path: Path) -> tuple[bytes, str | None]:
    """The bytes of a (maybe gzip) file up to its last whole line, and why reading stopped early, if it did."""
    chunks, problem = [], None
    try:
        with open_binary(path) as handle:
            while chunk := handle.read1(1 << 20):  # read() would drop what it held when a fault stops it
                chunks.append(chunk)
    except InputError as exc:
        problem = str(exc)
    except OSError as exc:
        problem = f"cannot read ({exc.strerror or exc})"
    data = b"".join(chunks)
    return (data[:data.rfind(b"\n") + 1] if problem else data), problem


_DELIMITERS = (",", ";", "\t", "|")
# Excel's first line "sep=;" names the delimiter of the rows below it (Excel writes it, and reads it)
_SEPARATOR_LINE = re.compile(r'"?sep=([^\r\n])"?[ \t]*(?:\r\n|\r|\n|$)', re.I)
_LINE = re.compile(r"[^\r\n]+")  # a line, whatever ends it (LF, CRLF, or CR alone)


def csv_delimiter(text: str, text_field: str) -> tuple[str, str]:
    """(delimiter, the table's text): the delimiter a "sep=" first line names (the table is the text after
    it), else the one under which the header, the first line that is not blank, names the text field (as
    `field_names` matches names): Excel writes ';' where the comma is the decimal sign (Vietnamese Windows
    among them), and some save tabs. A header no delimiter splits right is read with ','."""
    hint = _SEPARATOR_LINE.match(text)
    if hint:
        return hint.group(1), text[hint.end():]
    # blank lines above the header, or a spreadsheet's empty rows (";;;")
    lines = (match.group() for match in itertools.islice(_LINE.finditer(text), 1000))
    header = next((line for line in lines if line.strip("".join(_DELIMITERS) + " \"")), "")
    for delimiter in _DELIMITERS:
        if text_field in field_names(next(csv.reader([header], delimiter=delimiter), []), [text_field]):
            return delimiter, text
    return ",", text


def field_names(names: Iterable, wanted: Iterable[str]) -> list:
    """`names` (a header's, a record's keys) with each one that is a `wanted` name but for its case, the
    spaces around it (" ID ", "Text", "TITLE") or its Unicode form (a header saved on a Mac is NFD) spelt as
    wanted; a name spelt exactly as wanted keeps it.

    >>> field_names([" ID ", "Text", "kind"], ["id", "text", "label"])
    ['id', 'text', 'kind']
    """
    names = list(names)
    wanted = {_name_key(name): name for name in wanted}
    taken = set(names)
    matched = []
    for name in names:
        spelt = wanted.get(_name_key(name)) if isinstance(name, str) else None
        if spelt is not None and spelt not in taken:
            taken.add(spelt)
            name = spelt
        matched.append(name)
    return matched


def _name_key(name: str) -> str:
    return nfc(name.strip()).casefold()


def _named_fields(record: dict, fields: "FieldNames") -> dict:
    """`record` with its field names matched to the ones the reader looks for (`field_names`)."""
    names = field_names(record, fields.wanted())
    return record if names == list(record) else dict(zip(names, record.values()))


def _fields_found(names: Iterable) -> str:
    shown = [repr(name) for name in names if isinstance(name, str)]
    return ", ".join(shown[:20]) + (", …" if len(shown) > 20 else "") if shown else "none"


def _csv_rows(text: str, delimiter: str = ",", cut: bool = False
              ) -> Iterator[tuple[int, list[str] | None, str | None]]:
    """(first line, fields, None) per CSV row, or (first line, None, cause) for a row that is not valid CSV.

    A broken row (a quote never closed, a quote inside an unquoted field) costs only its first line: reading
    goes on from the next one, so a stray quote cannot swallow the articles after it. In a file that was
    `cut` short, a quote open at the end is the row the cut went through: reading stops there."""
    lines = io.StringIO(text, newline="").readlines()
    start = 0
    while start < len(lines):
        reader = csv.reader((lines[i] for i in range(start, len(lines))), delimiter=delimiter, strict=True)
        row_start = start
        try:
            while (row := _next_row(reader, len(text) + 1)) is not None:
                yield row_start + 1, row, None
                row_start = start + reader.line_num
            return
        except csv.Error as exc:
            at_end = "end of data" in str(exc)
            if at_end and cut:
                return
            yield row_start + 1, None, "a quoted field is never closed" if at_end else str(exc)
            start = row_start + 1


def _next_row(reader, limit: int) -> list[str] | None:
    """The reader's next row, or None at the end. An article's size is checked by the caller, with a clear
    message; the csv module's own field limit would stop the file at the first long field. That limit is one
    setting for the whole process, so it is raised only while this row is parsed and then put back."""
    before = csv.field_size_limit(max(csv.field_size_limit(), limit))
    try:
        return next(reader, None)
    finally:
        csv.field_size_limit(before)


def _read_csv(path: Path, fields: "FieldNames", on_error: str, max_bytes: int) -> Iterator[Article]:
    data, problem = _read_all(path)
    try:
        text, warning = decode_text(data, str(path)) if data.strip() else ("", None)
    except InputError as exc:
        yield _failed(path.name, str(exc), on_error)
        return
    header, number = None, 1
    delimiter, text = csv_delimiter(text, fields.text)
    for line, row, cause in _csv_rows(text, delimiter, cut=bool(problem)):
        if row is not None and not any(value.strip() for value in row):
            continue  # a blank line, or a spreadsheet's empty row (",,,"): no article, not an error
        if header is None and row is not None:
            header = field_names(row, fields.wanted())
            continue
        number += 1
        where, fallback_id = f"{path}:{number}", f"{path.name}:{number}"
        if row is None:
            yield _failed(fallback_id, f"{where}: broken CSV row starting on line {line} ({cause}); "
                          "its first line is skipped", on_error)
            continue
        record = table_record(header, row, fields.text, delimiter)
        size = len(record.get(fields.text) or "")
        if size > max_bytes:
            yield _failed(record.get(fields.id) or fallback_id,
                          _over_limit(f"{where}: field '{fields.text}'", size, max_bytes), on_error)
            continue
        yield from _record_to_article(record, fallback_id, fields, on_error, where, warning)
    if problem:
        yield _failed(f"{path.name}:{number + 1}", f"{path}:{number + 1}: {problem}", on_error)


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


def _read_xlsx(path: Path, fields: "FieldNames", on_error: str) -> Iterator[Article]:
    """The articles of a workbook, as a CSV's: in each sheet a header row (its first row that is not blank,
    wherever the table starts) and then an article a row (an .xlsx of articles and their corrected labels,
    for `train --extra`). Every sheet whose header names the text field is read; the other sheets that hold
    anything are named in a warning. When none names it, the first sheet that holds anything is read, so that
    its rows say which fields they have. A cell holds at most 32,767 characters, so no article is over
    --max-bytes."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        yield _failed(path.name, f"{path}: not an .xlsx workbook ({exc})", on_error)
        return
    try:
        tables = list(sheet_tables(book, fields.wanted()))
        chosen = [table for table in tables if fields.text in table[2]] or tables[:1]
        others = [repr(table[0]) for table in tables if table not in chosen]
        if others:
            log.warning("%s: sheet%s %s not read: no '%s' column in %s; read: %s", path, "s" * (len(others) > 1),
                        ", ".join(others), fields.text, "their header" if len(others) > 1 else "its header",
                        ", ".join(repr(table[0]) for table in chosen))
        for title, index, header, rows in chosen:
            # the first sheet's articles keep the ids they always had; another sheet's name its sheet
            at = f"{title}:" if index else ""
            for number, row in rows:
                if not any((cell_text(cell) or "").strip() for cell in row):
                    continue  # a blank row a spreadsheet keeps below its table
                record = table_record(header, list(map(cell_text, row)), fields.text)
                yield from _record_to_article(record, f"{path.name}:{at}{number}", fields, on_error,
                                              f"{path}:{at}{number}")
    finally:
        book.close()


def sheet_tables(book, wanted: Iterable[str]) -> Iterator[tuple[str, int, list, Iterator[tuple[int, tuple]]]]:
    """(title, index, header, rows) of each sheet of a workbook that holds anything: its header is its first
    row that is not blank (a table need not start in A1), its names matched to `wanted` (`field_names`); rows
    are (row number, cells) of the rows below it, read as they are iterated."""
    for index, sheet in enumerate(book.worksheets):
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        for _, cells in rows:
            if any((cell_text(cell) or "").strip() for cell in cells):
                yield sheet.title, index, field_names([cell_text(cell) or "" for cell in cells], wanted), rows
                break


def cell_text(value) -> str | None:
    """A cell as the text a CSV would hold: an id typed as a number (21470201.0) is "21470201", a date cell
    its ISO date (with its time, when it has one)."""
    import datetime

    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    return str(value)


def _record_to_article(record: dict, fallback_id: str, fields: "FieldNames", on_error: str,
                       where: str, warning: str | None = None) -> Iterator[Article]:
    """The article of a JSONL/JSON/CSV record; `warning`, how its file's bytes were read, goes in its record."""
    record = _named_fields(record, fields)
    article_id = field_text(record.get(fields.id)) or fallback_id
    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        what = "missing" if text is None else "empty" if isinstance(text, str) else json_kind(text)
        found = f"; the fields here are {_fields_found(record)}" if fields.text not in record else ""
        yield _failed(article_id, f"{where}: no '{fields.text}' field with text (it is {what}){found}", on_error)
        return
    extra = {k: v for k, v in record.items() if k not in (fields.id, fields.text, fields.label)}
    extra["label"] = record.get(fields.label)
    if warning:
        add_warning(extra, warning)
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

    def wanted(self) -> tuple[str, ...]:
        """Every field name the reader looks for: these three and the metadata fields."""
        return (self.text, self.id, self.label) + METADATA_FIELDS


def file_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(JSON_SUFFIXES):
        return "json"
    if name.endswith(CSV_SUFFIXES):
        return "csv"
    if name.endswith(XLSX_SUFFIXES):
        return "xlsx"
    return "txt"


# files a folder holds but the reader does not read there: {kind: [how many, an example]}
Skipped = dict[str, list]


# Files a collection keeps beside its articles (notes, pictures): not worth a warning when skipped.
_SIDE_FILE_SUFFIXES = (".md", ".rst", ".png", ".jpg", ".jpeg", ".gif", ".svg")
# What an operating system leaves in a folder, never a user's files: macOS's folder settings (.DS_Store) and
# the "._name" AppleDouble companions (a file's Finder data, binary) that a zip made on a Mac holds, in place
# or under __MACOSX/; Windows' thumbnail cache and folder settings. Passed over in silence, as a file browser
# hides them.
_SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
_SYSTEM_FOLDERS = frozenset({"__macosx"})


def _is_system_file(name: str, is_folder: bool) -> bool:
    if is_folder:
        return name.lower() in _SYSTEM_FOLDERS
    return name.startswith("._") or name.lower() in _SYSTEM_FILES


def _may_hold_articles(path: Path, text_field: str) -> bool:
    """False for a file that is plainly not articles: notes, pictures, or a table whose first 4 KB never
    name the text field (a labels or expected-values CSV kept beside the .txt articles, as in seeds/)."""
    if path.suffix.lower() in _SIDE_FILE_SUFFIXES:
        return False
    if file_kind(path) in ("txt", "xlsx") or not path.is_file():  # a pipe is never opened: it could block forever
        return True
    try:
        with (gzip.open if path.name.lower().endswith(".gz") else open)(path, "rb") as handle:
            head = handle.read(4096)
    except (OSError, EOFError):
        return True  # cannot tell: say it was skipped
    return _name_key(text_field) in nfc(head.decode("utf-8", "ignore")).casefold()  # a Mac's header is NFD


def _walk(folder: Path, skipped: Skipped, text_field: str = "text") -> Iterator[Path]:
    """The .txt files under `folder` (".TXT" too), in the order of their sorted paths; what else it holds is
    counted in `skipped`, unless it plainly holds no articles (`_may_hold_articles`) or is the system's
    (`_is_system_file`). A folder that cannot be listed is given itself, so that the reader reports it
    instead of its articles going missing unseen."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        yield folder
        return
    for entry in entries:
        path = Path(entry.path)
        if _is_system_file(entry.name, entry.is_dir(follow_symlinks=False)):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, skipped, text_field)
        elif entry.name.lower().endswith(TEXT_SUFFIXES):
            yield path
        elif entry.is_dir() or _may_hold_articles(path, text_field):
            kind = ("link to a folder" if entry.is_dir() else f"{path.suffix.lower()} file" if path.suffix
                    else "file without an extension")
            skipped.setdefault(kind, [0, entry.name])[0] += 1


def skipped_notes(skipped: Skipped) -> list[str]:
    """What was not read in a folder and why, one kind of file to a line."""
    notes = []
    for kind, (count, example) in skipped.items():
        if kind == "link to a folder":
            why = "links to folders are not followed (one may loop)"
        elif file_kind(Path(example)) != "txt":
            why = "in a folder only .txt files are read; give it by its name to read it"
        else:
            why = "in a folder only .txt files are read; save it as .txt (UTF-8) to read it"
        kinds = _PLURALS.get(kind, kind + "s") if count > 1 else kind
        notes.append(f"{count} {kinds} not read (e.g. '{example}'): {why}")
    return notes


_PLURALS = {"link to a folder": "links to folders", "file without an extension": "files without an extension"}


def iter_files(paths: Iterable[str | os.PathLike], skipped: Skipped | None = None,
               text_field: str = "text") -> Iterator[tuple[Path, str]]:
    """(file, article id prefix) for every input file; folders are walked for .txt files, and the other files
    they hold are counted in `skipped` when it is given."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path, {} if skipped is None else skipped, text_field):
                yield file, (file.relative_to(path).with_suffix("").as_posix() if file != path else path.name)
        elif path.exists():
            yield path, path.stem
        else:
            raise InputError(f"{path}: no such file or folder")


def _unreadable(path: Path) -> str | None:
    """Why `path` cannot be read as an input file without opening it (a pipe would block), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return _os_cause(path, exc)
    if stat.S_ISDIR(mode):
        try:
            os.scandir(path).close()
        except OSError as exc:
            return f"{path}: cannot read this folder ({exc.strerror or exc}); its articles are missing"
        return f"{path}: a folder, not a file"
    if not stat.S_ISREG(mode):
        return f"{path}: not a regular file (a pipe, socket or device): skipped; copy it into a file to read it"
    return None


def read_articles(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    fields: FieldNames = FieldNames(),
    on_error: str = "raise",
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article]:
    """Stream articles from files and folders, in order. The files a folder holds that are not read are
    named in one warning per kind; a path that gives no article at all (not even one that could not be
    read) raises `NoArticlesError`.

    >>> [a.id for a in read_articles("seeds")][:2]
    ['000_4277f1d749d09db2', '001_07d20b8c73b70dfd']
    """
    if on_error not in ("raise", "record"):
        raise ValueError("on_error must be 'raise' or 'record'")
    seen, repeated, example = set(), 0, None  # a hash of each id, not the id: about 70 bytes an article
    for given in unique_paths(paths):
        skipped: Skipped = {}
        count = 0
        for path, article_id in iter_files([given], skipped, fields.text):
            for article in read_file(path, article_id, fields, on_error, max_bytes):
                count += 1
                key = hash(article.id)
                if key in seen:
                    repeated += 1
                    example = article.id if example is None else example
                else:
                    seen.add(key)
                yield article
        notes = skipped_notes(skipped)
        for note in notes if count else ():  # with no article, the error says it
            log.warning("%s: %s", given, note)
        if not count:
            raise NoArticlesError(f"{given}: no articles: " + (
                "; ".join(["the folder holds no .txt file"] + notes) if Path(given).is_dir()
                else "the file holds none (it is empty, or has a header only)"))
    if repeated:  # labels are joined to articles by id (--labels, label's output): these cannot be told apart
        log.warning("%d %s the id of an earlier article (e.g. %r): labels given by id cannot tell them apart; "
                    "give each article its own id", repeated, "article repeats" if repeated == 1 else "articles repeat",
                    example)


def unique_paths(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> list:
    """`paths`, each once: a file or folder given twice ("seeds", "./seeds/") is read once, with a note, so that
    its articles are not counted twice."""
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    unique, seen = [], set()
    for given in paths:
        where = os.path.realpath(given)
        if where in seen:
            log.warning("%s: given twice; read once", given)
            continue
        seen.add(where)
        unique.append(given)
    return unique


# (byte offset of a line's start, its line number, how many lines): a slice of a JSONL file
LineRange = tuple[int, int, "int | None"]


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
    if problem:
        articles = iter([_failed(article_id, problem, on_error)])
    elif kind == "jsonl":
        articles = _read_jsonl(path, fields, on_error, max_bytes, lines)
    elif kind == "json":
        articles = _read_json(path, fields, on_error, max_bytes)
    elif kind == "csv":
        articles = _read_csv(path, fields, on_error, max_bytes)
    elif kind == "xlsx":
        articles = _read_xlsx(path, fields, on_error)
    else:
        articles = iter([_read_text_file(path, article_id, on_error, max_bytes)])
    return map(_finished, articles)


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


def _writable_value(value):
    if isinstance(value, str):
        return writable_text(value)
    if isinstance(value, dict):
        return {_writable_value(k): _writable_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_writable_value(v) for v in value]
    return value


def _finished(article: Article) -> Article:
    """Every text of `article` writable as UTF-8, so no output file or terminal fails on it; its id in NFC, as
    a labels file's ids are read (a file name from a Mac is NFD)."""
    for spec in dataclass_fields(article):
        setattr(article, spec.name, _writable_value(getattr(article, spec.name)))
    article.id = nfc(article.id)
    return article


