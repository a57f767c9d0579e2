"""An input file's bytes: gzip read whatever the name says (every good byte before a fault), other
compression refused, lines that end with CR alone given as LF, a JSONL file's lines (a line range of one,
UTF-16, lines over the size limit never held whole), a whole file up to its last good line."""
from __future__ import annotations

import io
import itertools
import logging
import os
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Iterator

from ..errors import InputError

log = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b"
# how a zip starts (a .docx, an .odt, an .xlsx: `documents`), and an Office 97-2003 file (OLE2: a .doc, an .xls, and a
# .docx protected by a password)
ZIP_MAGIC, OLE2_MAGIC = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
_OTHER_COMPRESSION = {b"BZh": "bzip2", b"\xfd7zXZ\x00": "xz", ZIP_MAGIC: "zip", b"\x28\xb5\x2f\xfd": "zstd",
                      b"7z\xbc\xaf\x27\x1c": "7-Zip"}


def compression(head: bytes) -> str | None:
    """The name of the compression the first 6 bytes of a file show ("zip", "gzip", ...), or None."""
    if head[:2] == _GZIP_MAGIC:
        return "gzip"
    for magic, name in _OTHER_COMPRESSION.items():
        if head.startswith(magic) and (name != "bzip2" or head[3:4].isdigit()):
            return name
    return None


# Documents given as articles by mistake, by their name: what each is and how to make it readable. A folder's
# note on them gives the same advice (`folders.skipped_notes`). (Word's .docx and LibreOffice's .odt are read:
# `documents`.)
_AS_TEXT = "save it as Plain Text (.txt, UTF-8) to read it, or a table in it as .xlsx or CSV UTF-8"
# (what a word processor opens: saved as .docx, it is read as it stands, `documents`)
_AS_DOCUMENT = ("save it as Word Document (.docx) or Plain Text (.txt, UTF-8) to read it, or a table in it as .xlsx or "
                "CSV UTF-8")
_AS_TABLE = "save it as .xlsx or CSV UTF-8 to read it"
# a site's database dump (phpMyAdmin's, mysqldump's: "INSERT INTO `wp_posts` VALUES …"), text that was one article
_AS_EXPORT = ("export the table of articles as CSV (phpMyAdmin: Export > CSV, with the columns' names in the first "
              "row) or JSON to read it")
_DOCUMENTS = {
    ".doc": ("a Word 97-2003 document", _AS_DOCUMENT), ".rtf": ("a Rich Text Format (RTF) document", _AS_DOCUMENT),
    ".pages": ("a Pages document", _AS_DOCUMENT), ".pdf": ("a PDF document", _AS_TEXT),
    ".xls": ("an Excel 97-2003 workbook", _AS_TABLE), ".xlsb": ("an Excel binary workbook", _AS_TABLE), ".ods": ("an OpenDocument spreadsheet", _AS_TABLE),
    ".numbers": ("a Numbers spreadsheet", _AS_TABLE),
    ".sql": ("a database dump (SQL)", _AS_EXPORT),
}
# the bytes such documents start with: RTF and PDF say what they are; a zip (.docx, .odt, .pages) or an Office
# 97-2003 file (.doc, .xls) is named by its name
_CONTAINERS = (ZIP_MAGIC, OLE2_MAGIC)


def document_problem(suffix: str) -> str | None:
    """What a file with this name's `suffix` (".doc") is, if it is a document that is not plain text, and what
    to do to read it, in words; else None."""
    what, advice = _DOCUMENTS.get(suffix.lower(), (None, None))
    return f"{what}, not plain text: {advice}" if what else None


def document(head: bytes, name: str) -> str | None:
    """`document_problem` for a file named `name` whose bytes start with `head` (16 bytes are enough): an RTF or
    PDF document whatever its name says, a zip or Office 97-2003 file by its name, a workbook (.xls, .ods, …) by its
    name whatever its bytes; None for any other file."""
    if head.lstrip().startswith(b"{\\rtf"):
        return document_problem(".rtf")
    if head.startswith(b"%PDF-"):
        return document_problem(".pdf")
    if head.startswith(_CONTAINERS[1]) and not document_problem(Path(name).suffix):
        # (an .xls or .doc renamed, or a system's "CSV" export that is one: "binary file, not text" said nothing)
        return ("an Office 97-2003 file (.xls or .doc) under another name: open it and save it as .xlsx or CSV UTF-8, "
                "or as Plain Text (.txt, UTF-8), to read it")
    # a workbook by its name whatever its bytes: a system's "Excel" export is often an HTML table (or Excel 2003's XML)
    # named .xls, which read as text was one article titled by its first column's name ("STT"), dated by its last row
    # (and a database dump by its name: text, it was one article "INSERT INTO …")
    advice = _DOCUMENTS.get(Path(name).suffix.lower(), (None, None))[1]
    by_name = head.startswith(_CONTAINERS) or advice in (_AS_TABLE, _AS_EXPORT)
    return document_problem(Path(name).suffix) if by_name else None


# What a zip holds when it is an Office file, by a file only that kind holds: a workbook, a document or a slide show
# of Office (Open XML), given under another name (a workbook saved or renamed "articles.csv", as some portals' "CSV"
# exports are): "zip-compressed data: decompress it first" sent a user to unzip its XML
_OFFICE_PARTS = {"xl/workbook.xml": ".xlsx", "word/document.xml": ".docx", "ppt/presentation.xml": ".pptx"}
# and an OpenDocument file, which holds its content.xml whatever its kind, by the media type its "mimetype" member
# names (a LibreOffice spreadsheet was taken for a text, its cells for an article's lines)
ODF_CONTENT = "content.xml"
_OPENDOCUMENT_TYPES = {f"application/vnd.oasis.opendocument.{kind}": suffix for kind, suffix in (
    ("text", ".odt"), ("text-template", ".ott"), ("text-master", ".odm"), ("spreadsheet", ".ods"),
    ("spreadsheet-template", ".ots"), ("presentation", ".odp"), ("presentation-template", ".otp"),
    ("graphics", ".odg"), ("graphics-template", ".otg"), ("chart", ".odc"), ("formula", ".odf"), ("image", ".odi"),
    ("database", ".odb"), ("text-web", ".oth"))}
_OPENDOCUMENT_TYPES["application/vnd.sun.xml.writer"] = ".sxw"  # (OpenOffice.org 1's text, which LibreOffice opens)
# What each is, and what to do with one given under another name: one wording wherever it is met (in a folder, as
# an article's .txt, as a .docx). (A .docx or .odt saved as .txt is read as one: `read.read_file`.)
_AS_PLAIN_TEXT = "save its text as Plain Text (.txt, UTF-8) to read it"
_OFFICE_KINDS = {
    ".xlsx": ("an Excel workbook", "name it .xlsx to read it (or save it as CSV UTF-8)"),
    ".pptx": ("a PowerPoint presentation", _AS_PLAIN_TEXT),
    ".docx": ("a Word document", "name it .docx to read it"),
    ".odt": ("an OpenDocument text", "name it .odt to read it"),
    ".ott": ("an OpenDocument text template", "open it in LibreOffice and save it as .odt to read it"),
    ".odm": ("an OpenDocument master document", "open it in LibreOffice and save it as .odt to read it"),
    ".oth": ("an OpenDocument web page", "open it in LibreOffice and save it as .odt to read it"),
    ".sxw": ("an OpenOffice.org 1 text", "open it in LibreOffice and save it as .odt to read it"),
    ".ods": ("an OpenDocument spreadsheet", _AS_TABLE), ".ots": ("an OpenDocument spreadsheet template", _AS_TABLE),
    ".odp": ("an OpenDocument presentation", _AS_PLAIN_TEXT),
    ".otp": ("an OpenDocument presentation template", _AS_PLAIN_TEXT),
    ".odg": ("an OpenDocument drawing", _AS_PLAIN_TEXT), ".otg": ("an OpenDocument drawing template", _AS_PLAIN_TEXT),
    ".odc": ("an OpenDocument chart", _AS_PLAIN_TEXT), ".odf": ("an OpenDocument formula", _AS_PLAIN_TEXT),
    ".odi": ("an OpenDocument image", _AS_PLAIN_TEXT), ".odb": ("a LibreOffice Base database", _AS_EXPORT),
}


def office_name(suffix: str) -> str:
    """What the Office file of `office_kind`'s `suffix` is, in words: "a Word document (.docx)"."""
    return f"{_OFFICE_KINDS[suffix][0]} ({suffix})"


def office_kind(archive: zipfile.ZipFile, open_part=None) -> str | None:
    """The suffix of the Office file the open zip `archive` is: by a part only that kind holds (`_OFFICE_PARTS`), an
    OpenDocument file by its mimetype member (".odt" without one, as an .odt was read); None for any other zip.
    `open_part(name)` opens a member (the document reader's, which refuses one the zip encrypts); without it, an
    encrypted mimetype is taken for a text's, which the reader then refuses."""
    names = set(archive.namelist())
    if ODF_CONTENT in names:
        if "mimetype" not in names or (open_part is None and archive.getinfo("mimetype").flag_bits & 0x1):
            return ".odt"
        with (open_part or archive.open)("mimetype") as part:
            return _OPENDOCUMENT_TYPES.get(part.read(100).strip().decode("ascii", "replace"))
    return next((suffix for part, suffix in _OFFICE_PARTS.items() if part in names), None)


def office_problem(suffix: str | None) -> str | None:
    """What the Office file of `office_kind`'s `suffix` is, given under another name, and what to do; None for no
    Office file."""
    what, advice = _OFFICE_KINDS.get(suffix, (None, None))
    return f"{what} ({suffix}) under another name: {advice}" if what else None


# What zipfile lists of a zip as it opens it, before anything can be checked, costs about 1 KB a member (500,000
# empty members: 500 MB): a zip whose end record declares more members than a document holds, or a central
# directory (their list) over what that many take, is refused before it is opened. (A document holds tens of parts, one
# of a thousand pictures a thousand.)
ZIP_MAX_MEMBERS = 10_000
_ZIP_DIRECTORY_PER_MEMBER = 128  # (a member is listed in 46 bytes and its name)
_END_RECORD, _END_RECORD64, _LOCATOR64 = struct.Struct("<4s4H2LH"), struct.Struct("<4sQ2H2L4Q"), 20


def crowded_zip(source, max_members: int = ZIP_MAX_MEMBERS) -> str | None:
    """What is wrong with the zip `source` (a path or a binary file, left where it was) when its end record (or its
    zip64 one) declares over `max_members` members or a larger list of them; else None (for a damaged zip too:
    zipfile says why)."""
    handle = source if hasattr(source, "read") else open(source, "rb")
    try:
        where = handle.tell()
        size = handle.seek(0, io.SEEK_END)
        start = max(size - (_END_RECORD.size + 0xFFFF + _LOCATOR64 + _END_RECORD64.size), 0)
        handle.seek(start)
        tail = handle.read()
        handle.seek(where)
    except OSError:
        return None
    finally:
        if handle is not source:
            handle.close()
    # found as zipfile finds it: the file's last bytes when no comment follows it, else the last signature
    end = len(tail) - _END_RECORD.size
    if not (tail[end:end + 4] == b"PK\x05\x06" and tail.endswith(b"\x00\x00")):
        end = tail.rfind(b"PK\x05\x06")
    if end < 0 or len(tail) - end < _END_RECORD.size:
        return None
    members, directory = _END_RECORD.unpack_from(tail, end)[4:6]
    at64 = end - _LOCATOR64 - _END_RECORD64.size  # (zipfile reads the zip64 record just before its locator)
    if at64 >= 0 and tail[end - _LOCATOR64:end - _LOCATOR64 + 4] == b"PK\x06\x07" and tail[at64:at64 + 4] == \
            b"PK\x06\x06":
        members, directory = _END_RECORD64.unpack_from(tail, at64)[7:9]
    what = "a document or an export" if max_members == ZIP_MAX_MEMBERS else "an archive of articles"
    if members > max_members:
        return (f"a zip that lists {members:,} members, over the {max_members:,} {what} holds: "
                "not opened (a zip bomb's way to fill memory)")
    if directory > max_members * _ZIP_DIRECTORY_PER_MEMBER:
        return (f"a zip whose list of members is {directory / 2**20:.1f} MB, over the "
                f"{max_members * _ZIP_DIRECTORY_PER_MEMBER / 2**20:.1f} MB {what} needs: not opened (a zip bomb's way "
                "to fill memory)")
    return None


def office_document(source) -> str | None:
    """`office_kind` of the zip `source` (a path or a binary file): ".docx", ".odt", ".ods", …; None for any other
    file (a zip too crowded to open, `crowded_zip`, too)."""
    if crowded_zip(source):
        return None
    try:
        with zipfile.ZipFile(source) as archive:
            return office_kind(archive)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError):
        return None


def zipped_document(source) -> str | None:
    """What the zip `source` (a path or a binary file) is and what to do, when it is an Office file (`office_kind`);
    None for any other zip."""
    return office_problem(office_document(source))


def open_stored(path: Path):
    """A file's bytes as stored, open for reading (buffered: `peek` too): a file on disk, or an archive's member
    (`archives.Member`, its bytes in memory), which no reader need tell from a file."""
    opener = getattr(path, "open_stored", None)
    return opener() if opener else open(path, "rb", buffering=1 << 16)


def stored(path: Path):
    """`path` as zipfile and openpyxl take a file: its path, or an archive member's bytes, open (`open_stored`)."""
    return path.open_stored() if hasattr(path, "open_stored") else path


def is_stored_file(path: Path) -> bool:
    """Whether `path` is a regular file (os.path's isfile: no PermissionError), or an archive's member."""
    return hasattr(path, "open_stored") or os.path.isfile(path)


# a zip that is no Office file, given where text is wanted (named .txt, .csv, .jsonl)
_ZIP_ARCHIVE = ("a zip archive, not text: name it .zip to read the articles it holds, or unzip it and give the "
                "folder it makes")


def zip_problem(source) -> str:
    """What the zip `source` (a path or a binary file) given under a text's name is and what to do: an Office file
    by its kind (`zipped_document`); one too crowded to open by what it lists (it was "zip-compressed data"); any
    other an archive to unzip."""
    crowded = crowded_zip(source)
    if crowded:
        return f"{crowded}; if it is an archive of articles, unzip it and give the folder it makes"
    return zipped_document(source) or _ZIP_ARCHIVE


def not_text(head: bytes, name: str, source) -> str | None:
    """What a file given as text (`name`, whose bytes start with `head`: 16 are enough) is when its bytes show another
    kind, and what to do: a document (`document`), a zip by what it holds (`zip_problem` of `source`, a path or a
    binary file), other compressed data; None for text."""
    if problem := document(head[:16], name):
        return problem
    compressed = compression(head[:6])
    if compressed == "zip":
        return zip_problem(source)
    return f"{compressed}-compressed data, not text: decompress it first" if compressed else None


def _gzipped_problem(head: bytes) -> str | None:
    """What the gzip data whose decompressed bytes start with `head` holds when it is no text (a .docx or a zip
    gzipped, whose lines were each "binary data, not text"; a PDF), and what to do; None for text."""
    problem, compressed = document(head[:16], ""), compression(head[:6])
    if problem:
        return f"{problem} (compressed with gzip: decompress it first)"
    if compressed:
        what = "zip data (a Word or Excel file, or a zip archive)" if compressed == "zip" else f"{compressed} data"
        return (f"{what} compressed again with gzip, not text: decompress it first, then give what it holds under the "
                "name of its kind")
    return None


def open_binary(path: Path, say: bool = True):
    """The bytes of a file, decompressed when they are gzip data, whatever the name says; lines that end
    with CR alone end with LF (`_CarriageReturnsAsNewlines`). Not `say`: a name that is not what the bytes are is
    not said (by a reading that opens the file again)."""
    handle = open_stored(path)
    compressed = compression(handle.peek(6)[:6])
    if compressed == "gzip":
        handle = io.BufferedReader(_Gunzip(handle), 1 << 16)
        if problem := _gzipped_problem(handle.peek(16)[:16]):
            handle.close()
            raise InputError(problem)
    elif compressed:
        handle.close()
        raise InputError(zip_problem(stored(path)) if compressed == "zip" else
                         f"{compressed}-compressed data: decompress it first (gzip is read as it is)")
    elif problem := document(handle.peek(16)[:16], ""):
        # a PDF or an Office 97-2003 file named .jsonl: said once for the file, not once for each line of its bytes
        handle.close()
        raise InputError(problem)
    elif path.name.lower().endswith(".gz") and say:
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


# (byte offset of a line's start, its line number, how many lines): a slice of a JSONL file
LineRange = tuple[int, int, "int | None"]


def _skip(handle, offset: int) -> None:
    """Move `offset` bytes forward (a gzip stream cannot seek: it is read up to there)."""
    if handle.seekable():
        handle.seek(offset)
        return
    while offset > 0 and (data := handle.read(min(offset, 1 << 20))):
        offset -= len(data)


def numbered_lines(path: Path, lines: "LineRange | None", limit: int) -> Iterator[tuple[int, bytes | int | str]]:
    """(line number, line) of a file, (line number, its size) for a line over `limit` bytes (never held in
    memory), or at the end (line number, why reading stopped) when the file could not be read to its end:
    every whole line before a fault is given. A UTF-16 or UTF-32 file's lines are given in UTF-8."""
    offset, first, count = lines or (0, 1, None)
    number = first - 1
    try:
        with open_binary(path) as handle:
            wide = _wide_codec(handle.peek(4)[:4])  # the file's encoding, wherever the range starts
            _skip(handle, offset)
            for number, (_, line) in enumerate(itertools.islice(_sized_lines(handle, wide, limit), count),
                                               start=first):
                yield number, line
    except InputError as exc:
        yield number + 1, str(exc)
    except OSError as exc:
        yield number + 1, f"cannot read ({exc.strerror or exc})"


def sized_lines(handle, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """(its size in the file, the line as `numbered_lines` gives it) for each line of a file open at its start
    (`open_binary`): what a line range (`run.distributed.line_ranges`) counts."""
    return _sized_lines(handle, _wide_codec(handle.peek(4)[:4]), limit)


def _sized_lines(handle, wide: str | None, limit: int) -> Iterator[tuple[int, bytes | int]]:
    if not wide:
        for line in _bounded_lines(handle, limit):
            yield (line if isinstance(line, int) else len(line)), line
        return
    for line in _wide_lines(handle, wide):  # UTF-16 is Notepad's "Unicode"; a BOM is no text
        yield len(line), line.decode(wide, errors="replace").lstrip("\ufeff").encode("utf-8")


def blank_line(line: bytes | int) -> bool:
    """Whether a line of `numbered_lines` holds nothing: whitespace, a BOM (a file saved empty as "UTF-8"), or NULs (the
    padding a crash leaves at a file's end, as `decode.decode_text` reads it)."""
    return isinstance(line, bytes) and not line.removeprefix(b"\xef\xbb\xbf").replace(b"\x00", b"").strip()


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


def _wide_lines(handle, codec: str) -> Iterator[bytes]:
    """The lines of UTF-16 or UTF-32 bytes (`codec` "utf-16-le", "utf-32-be", …, `handle` at a character's start),
    each with its line end: split at the code units LF, CR LF and CR, as a text file is read, and never at a byte
    0x0A that is part of a character (UTF-16 LE's LF is the bytes 0A 00: a split after 0A starts the next line one
    byte early)."""
    cr, lf = "\r".encode(codec), "\n".encode(codec)
    unit = len(lf)
    line_end = re.compile(b"(?:.{%d})*?(?:%s(?:%s)?|%s)" % (unit, re.escape(cr), re.escape(lf), re.escape(lf)), re.S)
    rest = b""
    while chunk := handle.read1(1 << 16):  # read() would drop what it held when a fault stops it
        rest += chunk
        start = 0
        # a CR at the end may be a CR LF's half
        while (found := line_end.match(rest, start)) and not (found.end() == len(rest) and rest.endswith(cr)):
            yield rest[start:found.end()]
            start = found.end()
        rest = rest[start:]
    if rest:
        yield rest


# the byte order marks of UTF-32 and UTF-16, and the codec of each: UTF-32's first, as the first two bytes of UTF-32
# LE's are UTF-16 LE's (a UTF-32 file read as UTF-16 was its letters with a NUL between each). Each codec names the
# byte order, so that a line range that starts after the BOM reads as the file's start does.
WIDE_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xff\xfe", "utf-16-le"),
             (b"\xfe\xff", "utf-16-be"))


def bom_codec(data: bytes) -> str | None:
    """The codec of the UTF-16 or UTF-32 byte order mark `data` opens with, or None."""
    return next((codec for bom, codec in WIDE_BOMS if data.startswith(bom)), None)


def _wide_codec(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec for a file that starts with `head`, or None: a BOM (`bom_codec`), or the NUL
    that UTF-16 puts beside an ASCII character (a JSON line starts with one)."""
    if codec := bom_codec(head):
        return codec
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "utf-16-be" if head[0] == 0 else "utf-16-le"
    return None


def read_all(path: Path, say: bool = True) -> tuple[bytes, str | None]:
    """The bytes of a (maybe gzip) file up to its last whole line, and why reading stopped early, if it did
    (`say`: as `open_binary`)."""
    chunks, problem = [], None
    try:
        with open_binary(path, say) as handle:
            while chunk := handle.read1(1 << 20):  # read() would drop what it held when a fault stops it
                chunks.append(chunk)
    except InputError as exc:
        problem = str(exc)
    except OSError as exc:
        problem = f"cannot read ({exc.strerror or exc})"
    data = b"".join(chunks)
    return (data[:data.rfind(b"\n") + 1] if problem else data), problem
