"""A word processor's document as the lines of its text: a Word document (.docx, Office Open XML) or an
OpenDocument text (.odt, LibreOffice's), one article a file, as analysts keep the articles they paste from a
newspaper's page.

Read with the standard library (zipfile, and expat, the parser under xml.etree), not python-docx and odfpy:
- one reader for both kinds, that streams the document's one XML part through expat's callbacks, never holding
  it whole (odfpy builds a DOM of all of it);
- python-docx gives paragraphs and tables as two lists, their order only through its private XML objects, and its
  `Paragraph.text` leaves out the text of a tracked insertion (python-docx issue #1123, open);
- neither bounds what a zip member inflates to, which a folder of files mailed from anywhere needs (a zip bomb),
  and neither tells a password-protected or renamed .doc file from a damaged one: those checks are this module's
  anyway.
No DTD is read: a Word or LibreOffice document never has one, and refusing it keeps entity expansion ("billion
laughs") out whatever expat's version.

What is read: the body's paragraphs in order (their runs joined; a tab as a space, a line break as a new line),
a table's cells as lines, a text box's lines, a tracked insertion. Not read: headers, footers, footnotes and
comments (parts or elements of their own), tracked deletions, hidden text.
"""
from __future__ import annotations

import functools
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from ..errors import InputError
from .files import (ODF_CONTENT, OLE2_MAGIC, ZIP_MAGIC, crowded_zip, office_kind, office_problem, open_stored)

# the names a word processor gives its documents that this module reads (a macro-enabled .docm holds its text as a
# .docx does)
DOCUMENT_SUFFIXES = (".docx", ".docm", ".odt")

# A paragraph among the first few that is styled as the title or a first-level heading is the headline, over a
# masthead, a date or a section's name pasted above it
HEADING_WITHIN = 5
# The XML of a document holds its text many times over (each run's properties: a page pasted from a browser gives each
# few words their fonts and colours): what a part may inflate to, as a multiple of the article limit and at least
# _XML_FLOOR whatever --max-bytes is, before it is taken for a zip bomb (streamed, it costs time, not memory)
_XML_PER_TEXT_BYTE, _XML_FLOOR = 16, 64 * 2**20

_MAIN_RELATION = "/officeDocument"  # the relationship type that names a .docx's main part (Transitional or Strict)
_PROTECTED = ("protected by a password: open it, remove the password (Word: File > Info > Protect Document; "
              "LibreOffice: File > Properties > Security) and save it again to read it")


# what zipfile raises for a file cut short by a download or a copy, a damaged member, a compression it does not read
ZIP_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError)


class TextTooLong(InputError):
    """A document whose text is over the article limit: read no further (`read_text.read_document` says so)."""


@dataclass
class DocumentText:
    text: str  # its paragraphs, a line each
    headings: list[str]  # the paragraphs styled as a title or first-level heading among the first few, in order


def document_text(path: Path, max_bytes: int) -> DocumentText:
    """The text of the Word or OpenDocument document at `path`. An `InputError` in one line says why a file cannot
    be read: a Word 97-2003 file (.doc) renamed, one protected by a password, a damaged file, a zip bomb, another
    kind of file under the name; `TextTooLong` a text over `max_bytes`."""
    with open_stored(path) as handle:  # one file opened for its head, its list of members and its parts
        return _document_in(handle, path, max_bytes)


def _document_in(handle, path: Path, max_bytes: int) -> DocumentText:
    """`document_text` of the document open in `handle` (binary, seekable)."""
    head = handle.read(8)
    if head.startswith(OLE2_MAGIC):
        raise InputError(f"{path}: {_PROTECTED}" if _encrypted_office_file(path) else
                         f"{path}: a Word 97-2003 document (.doc) under the name {path.suffix}: open it in Word or "
                         "LibreOffice and save it as Word Document (.docx) or Plain Text (.txt, UTF-8) to read it")
    if not head.startswith(ZIP_MAGIC):
        raise InputError(f"{path}: not a Word or OpenDocument document despite its name (it is no zip, as a .docx and "
                         "an .odt are): open it in a word processor and save it as .docx or Plain Text to read it"
                         if head.strip() else f"{path}: empty file")
    if crowded := crowded_zip(handle):
        raise InputError(f"{path}: {crowded}")
    try:
        with zipfile.ZipFile(handle) as archive:
            kind = office_kind(archive, lambda name: _open_part(archive, name, path))
            if kind == ".odt":
                return _read_odt(archive, path, max_bytes)
            main = _main_part(archive, set(archive.namelist()), path, max_bytes) if kind in (".docx", None) else None
            if main is None:  # (a workbook, slides, an OpenDocument spreadsheet, … under a document's name)
                raise InputError(f"{path}: " + (office_problem(kind) or "a zip that holds no Word or OpenDocument "
                                                "text (an archive: extract its files into a folder and give that "
                                                "folder)"))
            return _read_docx(archive, main, path, max_bytes)
    except ZIP_DAMAGED as exc:
        raise InputError(f"{path}: a damaged document ({type(exc).__name__}: {exc}): open it in Word or LibreOffice, "
                         "save it again and give that copy") from None


def _encrypted_office_file(path: Path) -> bool:
    """Whether an Office 97-2003 container (OLE2) is a .docx protected by a password: Word encrypts the whole
    package into such a container's "EncryptedPackage" stream, whose name its directory holds."""
    marker, tail = "EncryptedPackage".encode("utf-16-le"), b""
    with open_stored(path) as handle:
        while chunk := handle.read(1 << 20):
            if marker in tail + chunk:
                return True
            tail = chunk[-len(marker):]
    return False


def _main_part(archive: zipfile.ZipFile, names: set[str], path: Path, max_bytes: int) -> str | None:
    """The name of a .docx's main part, as its package's relationships name it (word/document.xml as Word
    writes it), or None for a zip that is no Word document."""
    if "_rels/.rels" in names:
        relations = _Relations()
        _parse(archive, "_rels/.rels", relations, path, max_bytes)
        for kind, target in relations.found:
            if kind.endswith(_MAIN_RELATION):
                name = posixpath.normpath(target.lstrip("/"))
                if name in names:
                    return name
    return "word/document.xml" if "word/document.xml" in names else None


def _read_odt(archive: zipfile.ZipFile, path: Path, max_bytes: int) -> DocumentText:
    """An OpenDocument text's (its kind read by `files.office_kind`)."""
    if "META-INF/manifest.xml" in archive.namelist():
        with _open_part(archive, "META-INF/manifest.xml", path) as part:
            manifest = part.read(1 << 20)
        if b"encryption-data" in manifest:  # LibreOffice encrypts each part and says so in its manifest
            raise InputError(f"{path}: {_PROTECTED}")
    text = _OdtText(path, max_bytes)
    _parse(archive, ODF_CONTENT, text, path, max_bytes)
    return text.result(bool)


def _read_docx(archive: zipfile.ZipFile, main: str, path: Path, max_bytes: int) -> DocumentText:
    styles = _Styles(archive, posixpath.join(posixpath.dirname(main), "styles.xml"), path)
    text = _DocxText(path, max_bytes, styles)
    _parse(archive, main, text, path, max_bytes)
    return text.result(lambda mark: mark[1] or bool(mark[0]) and styles.heading(mark[0]))


class _Styles:
    """A .docx's styles part, read the first time a paragraph or a run names a style (many name none), as bytes, never
    parsed: Word's templates define hundreds of styles (350 KB of them, whose parse took 40 ms a document), of which a
    document uses a few. The part is optional: one missing, damaged or too large to be styles is none, and the text is
    read without it."""

    def __init__(self, archive: zipfile.ZipFile, name: str, path: Path):
        self.archive, self.name, self.path = archive, name, path
        self._bodies: dict[str, bytes] = {}  # the styles looked up, by id
        self._hidden: dict[str, bool | None] = {}

    @functools.cached_property
    def part(self) -> bytes:
        if self.name not in self.archive.namelist():
            return b""
        try:
            with _open_part(self.archive, self.name, self.path) as part:
                styles = part.read(_STYLES_LIMIT + 1)
        except (InputError, *ZIP_DAMAGED):
            return b""
        return b"" if len(styles) > _STYLES_LIMIT else styles

    @functools.cached_property
    def _any_hidden(self) -> bool:  # (most documents hide nothing through a style: none of theirs is looked up)
        return b"vanish" in self.part

    def body(self, style: str) -> bytes:
        """A style's body, from its opening tag up to its closing tag, by `bytes.find` (a regular expression's pass over
        Word's 450 KB of styles took 17 ms a document). Its end is looked for within a style's size: searched to the
        part's end from each of many unclosed openings, a crafted 1.5 KB part took minutes. A document that names more
        than `_STYLES_LOOKED_UP` styles (Word's template defines hundreds, a document uses tens) has the rest read as
        plain text: one search each of the thousands a crafted document may name would take hours."""
        if style not in self._bodies and len(self._bodies) < _STYLES_LOOKED_UP:
            at = self.part.find(b'styleId="%s"' % style.encode("utf-8", "surrogatepass"))
            opened = self.part.find(b">", at, at + _STYLE_MAX_BYTES) + 1 if at >= 0 else 0
            end = self.part.find(b"style>", opened, opened + _STYLE_MAX_BYTES) if opened else -1
            # (none for a style written <w:style …/>)
            self._bodies[style] = self.part[opened:end] if end >= 0 and self.part[opened - 2:opened] != b"/>" else b""
        return self._bodies.get(style, b"")

    def heading(self, style: str) -> bool:
        """Whether a paragraph style makes a title or a first-level heading: by its name, "Title" or "heading 1" (a
        Vietnamese Word gives the ids other names, never the built-in styles' names), or its outline level."""
        body = self.body(style)
        return bool(_HEADING_NAME.search(body) or _TOP_LEVEL.search(body))

    def hidden(self, style: str, depth: int = 0) -> bool | None:
        """Whether a style hides its text (Word's Font > Hidden in a style, `w:vanish`, "0" too), itself or through the
        style it is based on; None where neither says."""
        if style not in self._hidden:
            body = self.body(style) if self._any_hidden else b""
            if vanish := _VANISH.search(body):
                self._hidden[style] = vanish["value"] not in (b"0", b"false", b"off")
            else:  # (a chain of bases is short; a loop in a damaged file ends)
                base = _BASED_ON.search(body) if depth < 20 else None
                self._hidden[style] = self.hidden(base[1].decode("utf-8", "replace"), depth + 1) if base else None
        return self._hidden[style]


_STYLES_LIMIT, _STYLE_MAX_BYTES, _STYLES_LOOKED_UP = 16 * 2**20, 64 * 2**10, 500
_HEADING_NAME = re.compile(rb'<(?:[\w.-]+:)?name\b[^>]*?\bval="(?:title|heading 1)"', re.IGNORECASE)
_TOP_LEVEL = re.compile(rb'<(?:[\w.-]+:)?outlineLvl\b[^>]*?\bval="0"')
_BASED_ON = re.compile(rb'<(?:[\w.-]{1,20}:)?basedOn\b[^>]{0,100}?\bval="([^"]{0,200})"')
_VANISH = re.compile(rb'<(?:[\w.-]{1,20}:)?vanish\b(?:[^>]{0,100}?\bval="(?P<value>[^"]{0,20})")?')


def _parse(archive: zipfile.ZipFile, name: str, handler: "_Handler", path: Path, max_bytes: int) -> None:
    """Stream the part `name` through expat into `handler`. An `InputError`: a part protected by a password, one that
    inflates past `_XML_PER_TEXT_BYTE` times `max_bytes` (at least `_XML_FLOOR`: a zip bomb), XML that is not
    well-formed or declares a DTD."""
    info = archive.getinfo(name)
    limit = inflate_limit(max_bytes)
    bomb = (f"{path}: its part {name} inflates past {limit / 2**20:.1f} MB (a zip bomb, or a document far over the "
            "article limit): not read")
    # (expat's callbacks cost time by the element: 224 KB inflating to 160 MB of empty elements took a minute)
    if problem := inflation_problem(info.file_size, info.compress_size, max_bytes):
        raise InputError(f"{path}: its part {name} {problem}")
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.data
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.buffer_text = True
    read = 0
    try:
        with _open_part(archive, info, path) as part:
            while chunk := part.read(1 << 16):  # (the size a zip declares may lie: counted as it inflates)
                read += len(chunk)
                if read > limit:
                    raise InputError(bomb)
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise InputError(f"{path}: a damaged document: its part {name} is not well-formed XML "
                         f"({expat.ErrorString(exc.code)}, line {exc.lineno}): open it in Word or LibreOffice, save it "
                         "again and give that copy") from None
    except _Doctype:
        raise InputError(f"{path}: its part {name} declares a DTD, which no Word or LibreOffice document does: not "
                         "read") from None


_RATIO_CHECKED_FROM, _MAX_RATIO = 1 << 20, 200


def inflate_limit(max_bytes: int) -> int:
    """What a zip's member may inflate to for an article limit of `max_bytes` (`_XML_PER_TEXT_BYTE`, `_XML_FLOOR`)."""
    return max(_XML_PER_TEXT_BYTE * max_bytes, _XML_FLOOR)


def inflation_problem(size: int, compressed: int, max_bytes: int) -> str | None:
    """Why a zip's member of `size` bytes, `compressed` stored, is taken for a zip bomb ("inflates past …"), or None:
    over `inflate_limit`, or over `_MAX_RATIO` times its stored bytes once past `_RATIO_CHECKED_FROM` (an article's
    or a document's text inflates 5 to 20 times)."""
    limit = inflate_limit(max_bytes)
    if size > limit:
        return f"inflates past {limit / 2**20:.1f} MB (a zip bomb, or a file far over the article limit): not read"
    if size > _RATIO_CHECKED_FROM and size > _MAX_RATIO * max(compressed, 1):
        return (f"inflates {size // max(compressed, 1):,} times over (a zip bomb; a text inflates 5 to 20 times): "
                "not read")
    return None


def _open_part(archive: zipfile.ZipFile, name, path: Path):
    """A part of the package, opened; an `InputError` for one the zip encrypts (zipfile raised a RuntimeError, a
    traceback that stopped a folder's reading, for a flag a damaged byte sets as well as a password)."""
    info = name if isinstance(name, zipfile.ZipInfo) else archive.getinfo(name)
    if info.flag_bits & 0x1:
        raise InputError(f"{path}: {_PROTECTED}")
    return archive.open(info)


class _Doctype(Exception):
    """A part that declares a DTD (met by expat's callback, named with its file by `_parse`)."""


def _refuse_doctype(*_) -> None:
    raise _Doctype


def _local(name: str) -> str:
    """An element's or attribute's name without its namespace ("uri local", as the parser gives it)."""
    return name.rpartition(" ")[2]


class _Handler:
    def start(self, name: str, attributes: dict) -> None: ...

    def end(self, name: str) -> None: ...

    def data(self, text: str) -> None: ...


class _Relations(_Handler):
    """A package's relationships: (type, target) of each."""

    def __init__(self):
        self.found = []

    def start(self, name: str, attributes: dict) -> None:
        if _local(name) == "Relationship":
            values = {_local(key): value for key, value in attributes.items()}
            self.found.append((values.get("Type", ""), values.get("Target", "")))


class _Paragraphs(_Handler):
    """The lines of a document's paragraphs, kept as each closes (the paragraphs of a text box inside one are lines
    after it), the first `HEADING_WITHIN` that hold text with their style (`leading`: what the heading is looked
    for in); the text's size counted against the article limit as it grows."""

    def __init__(self, path: Path, max_bytes: int):
        self.path, self.max_bytes = path, max_bytes
        self.lines: list[str] = []
        # the paragraphs open, innermost last: (their pieces of text, what their style says, the lines inside them)
        self.open: list[tuple[list[str], object, list]] = []
        self.leading: list[tuple[str, object]] = []  # (line, what its style says) of the first lines with text
        self.skipping = 0  # depth inside what is not the text (a deletion, a comment)
        self.size = 0  # the text's bytes

    def add(self, piece: str) -> None:
        if self.open and not self.skipping:
            self.open[-1][0].append(piece)
            self.size += len(piece.encode("utf-8", "surrogatepass"))  # (as it grows: one paragraph may be all of it)
            if self.size > self.max_bytes:
                raise TextTooLong  # (said by the reader, which knows the limit as the user gave it)

    def open_paragraph(self, style) -> None:
        self.open.append(([], style, []))

    def close_paragraph(self) -> None:
        pieces, style, inside = self.open.pop()
        lines = [("".join(pieces), style)] + inside
        if self.open:  # a text box's paragraph, inside the paragraph it is anchored in: read after that one
            self.open[-1][2].extend(lines)
            return
        for line, style in lines:
            self.lines.append(line)
            self.size += 1  # (its line end)
            if line.strip() and len(self.leading) < HEADING_WITHIN:
                self.leading.append((" ".join(line.split()), style))

    def result(self, is_heading) -> DocumentText:
        """The text, and its headings: its leading lines whose style `is_heading`."""
        return DocumentText("\n".join(self.lines), [line for line, style in self.leading if is_heading(style)])


# Word's elements whose content is no part of the text as it reads: a tracked deletion (and a move's old place), the
# fallback a text box is given beside its modern form (the same text again), the properties a tracked change replaced
_DOCX_SKIPPED = frozenset({"del", "moveFrom", "Fallback", "pPrChange", "rPrChange"})
# and what stands for a character in a run: a tab as a space, a line break (a manual one, a page's or a column's) a new
# line; a symbol (w:sym) by its font and code (`_symbol`)
_DOCX_CHARACTERS = {"tab": " ", "ptab": " ", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Word's Insert > Symbol in the Symbol font: the character's code is F0 and its place in the font, which is not
# Unicode's. Those an article uses (a degree, a unit's or a formula's sign, an arrow, a Greek letter); one not here is
# dropped, as a picture font's (Wingdings: a tick, a hand) is
_SYMBOL_FONT = dict(zip(
    b"\x22\x24\x27\x2d\x44\x46\x47\x4c\x50\x53\x57\x61\x62\x63\x64\x65\x66\x67\x6c\x6d\x70\x71\x72\x73\x74\x77"
    b"\xa2\xa3\xa5\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb7\xb8\xb9\xbb\xbc\xd6\xd7\xdb\xde",
    "∀∃∋−ΔΦΓΛΠΣΩαβχδεφγλμπθρστω′≤∞↔←↑→↓°±″≥×•÷≠≈…√⋅⇔⇒"))


def _symbol(attributes: dict) -> str:
    """The character a w:sym stands for: by `_SYMBOL_FONT` in the Symbol font, as it is in a font that maps Unicode,
    nothing in a picture font or for a code in Unicode's private use area."""
    values = {_local(key): value for key, value in attributes.items()}
    try:
        code = int(values.get("char", ""), 16)
    except ValueError:
        return ""
    font = values.get("font", "").casefold()
    if font == "symbol":
        place = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
        # (its digits and most of ASCII's punctuation are ASCII's)
        return _SYMBOL_FONT.get(place) or (chr(place) if 0x20 <= place < 0x40 and place not in b'"$\'*' else "")
    if "dings" in font or "marlett" in font or 0xE000 <= code <= 0xF8FF or not 0x20 <= code <= 0x10FFFF:
        return ""  # (Wingdings, Webdings: pictures)
    if 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return ""  # control characters, halves of surrogate pairs, noncharacters: no letter, and no text may hold one
    return chr(code)


class _DocxText(_Paragraphs):
    """Hidden text (Word's Font > Hidden: not shown, not printed) is not read: a run's own `w:vanish`, else its
    character style's (`w:rStyle`), else its paragraph's style's (`w:pStyle`), each whichever its value, as Word
    applies direct formatting over a character style over a paragraph style."""

    def __init__(self, path: Path, max_bytes: int, styles: _Styles):
        super().__init__(path, max_bytes)
        self.styles = styles
        self.in_text = False
        # what hides each run open, innermost last: [its own w:vanish, its character style's], each None where it says
        # nothing. Apart, so that its own has the last word whatever their order; a run of its own: a hidden run in a
        # text box hid the rest of the run the box is anchored in
        self.runs: list[list[bool | None]] = []
        # the elements open, innermost last, by what matters here ("r", "rPr", else ""): a tab is a character where its
        # parent is a run, a tab stop in a paragraph's properties (a text box's inside a run too)
        self.elements: list[str] = []

    def start(self, name: str, attributes: dict) -> None:
        local = _local(name)
        parent = self.elements[-1] if self.elements else ""
        self.elements.append(local if local in ("r", "rPr") else "")
        if local in _DOCX_SKIPPED:
            self.skipping += 1
        elif self.skipping:
            return
        elif local == "p":
            # (its style's id, whether its outline level is the top, whether its style hides its runs)
            self.open_paragraph([None, False, False])
        elif local == "r":
            self.runs.append([None, None])
        elif local == "t":
            self.in_text = True
        elif parent == "r" and (local in _DOCX_CHARACTERS or local == "sym"):
            if not self.hidden():
                self.add(_symbol(attributes) if local == "sym" else _DOCX_CHARACTERS[local])
        elif local == "vanish" and parent == "rPr" and self.elements[-3:-2] == ["r"]:
            self.runs[-1][0] = _on(attributes)
        elif local == "rStyle" and parent == "rPr" and self.elements[-3:-2] == ["r"]:
            self.runs[-1][1] = self.styles.hidden(_value(attributes) or "")
        elif local == "pStyle" and self.open:
            style = _value(attributes)
            self.open[-1][1][0], self.open[-1][1][2] = style, bool(style and self.styles.hidden(style))
        elif local == "outlineLvl" and self.open:
            self.open[-1][1][1] = _value(attributes) == "0"

    def end(self, name: str) -> None:
        local = _local(name)
        self.elements.pop()
        if local in _DOCX_SKIPPED:
            self.skipping -= 1
        elif self.skipping:
            return
        elif local == "t":
            self.in_text = False
        elif local == "r" and self.runs:
            self.runs.pop()
        elif local == "p" and self.open:
            self.close_paragraph()

    def data(self, text: str) -> None:
        if self.in_text and not self.hidden():
            self.add(text)

    def hidden(self) -> bool:
        """Whether the innermost run open is hidden (by its own setting, its style's or its paragraph's style's)."""
        if not self.runs:
            return False
        own, styled = self.runs[-1]
        return own if own is not None else styled if styled is not None else bool(self.open and self.open[-1][1][2])


def _value(attributes: dict) -> str | None:
    return next((value for key, value in attributes.items() if _local(key) == "val"), None)


def _on(attributes: dict) -> bool:
    """Whether an on/off property is on: present, and not set to "0", "false" or "off"."""
    return _value(attributes) not in ("0", "false", "off")


# OpenDocument's namespaces (expat gives an element's name as "namespace local")
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
# OpenDocument's elements whose content is no part of the text: a comment (inside the paragraph it notes), a
# footnote's or an endnote's body, the tracked changes' record (which holds the deleted text), a heading's number, a
# picture's title and description (its alternative text, inside the paragraph it stands in). By namespace and name:
# text:title is a field that shows the document's title in the body, svg:title a picture's
_ODT_SKIPPED = frozenset({f"{_OFFICE} annotation", f"{_TEXT} note", f"{_TEXT} tracked-changes", f"{_TEXT} number",
                          f"{_SVG} title", f"{_SVG} desc"})
_ODT_SPACES = re.compile(r"[ \t\r\n]+")  # collapsed to one space, as ODF reads a paragraph's white space
_ODT_PARAGRAPHS = (f"{_TEXT} p", f"{_TEXT} h")
_ODT_CHARACTERS = {f"{_TEXT} tab": " ", f"{_TEXT} line-break": "\n"}


class _OdtText(_Paragraphs):
    """Hidden text is not read, as LibreOffice neither shows nor prints it: a paragraph or span whose automatic style
    hides its characters (Format > Character > Font Effects > Hidden: `text:display="none"`), a hidden section, a
    hidden-text field and a hidden-paragraph field whose condition holds."""

    def __init__(self, path: Path, max_bytes: int):
        super().__init__(path, max_bytes)
        self.parents: dict[str, str] = {}  # an automatic style: the style it is based on ("P1": "Title")
        self.hiding: set[str] = set()  # the automatic styles that hide their text
        self.style = ""  # the style being defined
        self.skips: list[bool] = []  # for each element open, whether it added to `skipping`
        self.hidden_paragraphs: set[int] = set()  # the depths of the open paragraphs a hidden-paragraph field hides

    def start(self, name: str, attributes: dict) -> None:
        values = {_local(key): value for key, value in attributes.items()}
        skip = name in _ODT_SKIPPED or self._hidden(name, values)
        self.skips.append(skip)
        if skip:
            self.skipping += 1
        if self.skipping:
            return
        if name == f"{_STYLE} style":
            self.style = values.get("name", "")
            if "parent-style-name" in values:
                self.parents[self.style] = values["parent-style-name"]
        elif name == f"{_STYLE} text-properties" and values.get("display") == "none":
            self.hiding.add(self.style)
        elif name in _ODT_PARAGRAPHS:
            style = values.get("style-name", "")
            self.hidden_paragraphs.discard(len(self.open) + 1)
            self.open_paragraph(name == f"{_TEXT} h" and values.get("outline-level", "1") == "1"
                                or "Title" in (style, self.parents.get(style)))
        elif name == f"{_TEXT} s":  # (spaces that white space's collapsing would make one: a few at most)
            count = values.get("c", "1")
            self.add(" " * min(int(count), 8) if count.isdigit() else " ")
        elif name in _ODT_CHARACTERS:
            self.add(_ODT_CHARACTERS[name])
        elif name == f"{_TEXT} hidden-paragraph" and values.get("is-hidden") == "true" and self.open:
            self.hidden_paragraphs.add(len(self.open))

    def _hidden(self, name: str, values: dict) -> bool:
        """Whether an element is text that LibreOffice hides."""
        if name == f"{_TEXT} section":
            return values.get("display") == "none"
        if name == f"{_TEXT} hidden-text":
            return values.get("is-hidden") == "true"
        return values.get("style-name") in self.hiding and name in (*_ODT_PARAGRAPHS, f"{_TEXT} span")

    def end(self, name: str) -> None:
        if self.skips.pop():
            self.skipping -= 1
        elif not self.skipping and name in _ODT_PARAGRAPHS and self.open:
            if len(self.open) in self.hidden_paragraphs:  # (what it held, a text box's lines too, with it)
                self.hidden_paragraphs.discard(len(self.open))
                self.open.pop()
            else:
                self.close_paragraph()

    def data(self, text: str) -> None:
        text = _ODT_SPACES.sub(" ", text)
        if text.startswith(" ") and self.open and self._after_space():
            # ODF collapses white space across elements: "a <text:span> b</text:span>" reads "a b", not "a  b"
            text = text[1:]
        self.add(text)

    def _after_space(self) -> bool:
        """Whether the open paragraph's text so far is none, or ends with a space (its white space's, a span's, a
        tab's or a text:s's): where ODF ignores a space that follows."""
        last = next((piece for piece in reversed(self.open[-1][0]) if piece), "")
        return not last or last.endswith(" ")
