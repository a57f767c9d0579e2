"""Article bytes to text: UTF-8 (with or without a BOM), UTF-16 (with or without a BOM), UTF-32 (with one), and what
is not all UTF-8 read line by line, in Windows-1258 or the old TCVN3 and VNI font encodings (`vnlegacy`), or in
Windows-1252 (or Mac OS Roman) when a Western code page lost its Vietnamese letters, with a warning for the record
that says how."""
from __future__ import annotations

import io
import logging
import re
import unicodedata

from ..errors import InputError
from .files import bom_codec, not_text
from .htmltext import mhtml_page
from .notes import warn_once
from .vnlegacy import to_unicode, vietnamese_score

log = logging.getLogger(__name__)

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # (a vertical tab is Word's line break: text)


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode article bytes, trying the encodings Vietnamese text comes in.

    Raises `InputError` for empty or binary data.
    """
    return decode_text(data, name)[0]


def decode_text(data: bytes, name: str = "<bytes>", line: bool = False, say: bool = True) -> tuple[str, str | None]:
    """(text, warning): `decode_bytes`, and a warning for the record when the bytes were not UTF-8 or
    UTF-16: which encoding they were read as, or that none read as Vietnamese, logged when `say`. A `line` (of JSON
    lines) is not called binary for its control characters (an ESC in a title): its own syntax says whether it is
    text."""
    text, warning = _decoded(data, name, line)
    if warning and say:  # said once the bytes are known to be text; once a kind in a reading (a folder of them)
        warn_once(name, warning, warning_kind(warning))
    return text, warning


def decodes_as_utf8(head: bytes) -> bool:
    """Whether `decode_text` reads these bytes, a file's first (cut between characters), as they are in UTF-8, with
    nothing to say and nothing dropped but a BOM: a file whose other bytes are UTF-8 too, with no NUL, then gives
    the text `decode_text` gives of it whole when read a line at a time (`table_text`)."""
    try:
        text, warning = _decoded(head, "")
        return warning is None and text == head.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except (InputError, UnicodeDecodeError):
        return False


def warning_kind(warning: str) -> str:
    """A decoding warning without what is particular to its file (which lines, how many bytes, the parts in
    brackets): files that earn one kind of warning are said once, with a count, not one line a file.

    >>> warning_kind("UTF-8, but 2 of its 40 lines (6, 9) are not: not UTF-8: read as TCVN3 (an old …)")
    'UTF-8, but some of its lines are not: not UTF-8: read as TCVN3'
    >>> warning_kind("3 invalid UTF-8 byte sequence(s) replaced by \ufffd (line 6)")
    'invalid UTF-8 byte sequences replaced by \ufffd'
    """
    kind = _SOME_LINES.sub("some of its lines are not", warning)
    return _SOME_BYTES.sub("invalid UTF-8 byte sequences", kind).split(" (")[0]


_SOME_LINES = re.compile(r"(?:line \d+ is|\d+ of its \d+ lines \([^)]*\) are) not")
_SOME_BYTES = re.compile(r"^\d+ invalid UTF-8 byte sequence\(s\)")


def decode_head(data: bytes) -> str:
    """A file's first bytes as `decode_text` reads the whole file (UTF-16, Windows-1258, …), with no warning
    logged: a look at what a table's header names. "" when they are not text."""
    try:
        return _decoded(data, "")[0]
    except InputError:
        return ""


def _decoded(data: bytes, name: str, line: bool = False) -> tuple[str, str | None]:
    """`decode_text`, its warning not yet said."""
    binary = f"{name}: binary {'data' if line else 'file'}, not text"
    if not data.strip():
        raise InputError(f"{name}: empty file")
    # a Word document, a PDF or a .zip given as an article: what to do, not an article of its code or a guessed encoding
    if problem := not_text(data[:16], name, io.BytesIO(data)):
        raise InputError(f"{name}: {problem}")
    page = None if line else mhtml_page(data)
    if page is not None:  # a web page saved as one file: its page is the article, read as any saved page
        return _archived_page(*page, name)
    unmarked = data.removeprefix(b"\xef\xbb\xbf")  # then read as UTF-8 without one is: a line that is not, line by line
    # a file saved empty as "UTF-8", its BOM only: no text, which its reader names (no articles); (asked only when a BOM
    # went: the whole text is not copied again for each article)
    if unmarked is not data and (not unmarked or unmarked.isspace()):
        return "", None
    data = unmarked
    sample = data[:4096]
    warning = None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if codec := bom_codec(data):  # checked below all the same: bytes behind a BOM may be no text (binary data, junk)
        text = data.decode(codec, errors="replace").removeprefix("\ufeff")
    elif max(even, odd) > len(sample) // 8 and min(even, odd) <= len(sample) // 64:
        # UTF-16 without a BOM puts a NUL beside every ASCII character.
        text = data.decode("utf-16-le" if odd > even else "utf-16-be", errors="replace")
    else:
        # NULs padding its end or start (a file whose writing a crash or a full disk cut short, a copy from a damaged
        # card) are no part of its text, and a stray NUL or two (a damaged copy) does not make a file binary
        data = data.strip(b"\x00")
        if not data.strip():
            raise InputError(f"{name}: empty file (NUL bytes only)")
        if data[:4096].count(0) > max(2, len(data[:4096]) // 100):
            raise InputError(binary)
        data = data.replace(b"\x00", b"")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, warning = _decode_line_by_line(data)
    controls = 0 if line else len(_CONTROL.findall(text, 0, 4096))
    if controls > 0.01 * min(len(text), 4096):
        raise InputError(binary)
    return text, warning


def _archived_page(html: bytes, charset: str | None, address: str, name: str) -> tuple[str, str | None]:
    """The HTML of the page a web archive holds (`htmltext.mhtml_page`), in the charset its part declares, else as
    any article's bytes are decoded: its visible text is then read as any saved page's (`article.make_article`).
    Its address is written as a browser writes it over a page saved as HTML, where `htmltext.page_head` finds it."""
    if not html.strip():
        raise InputError(f"{name}: a web page saved as one file (MHTML) that holds no page: save the page as "
                         "\"Webpage, HTML only\" or as text")
    try:
        page, warning = html.decode(charset), None
    except (LookupError, TypeError, UnicodeDecodeError):  # no charset, or one it is not in
        page, warning = _decoded(html, name)
    if re.fullmatch(r"https?://\S+", address):
        page = f"<!-- saved from url=({len(address):04d}){address} -->\n{page.lstrip(chr(0xFEFF))}"
    return page, warning


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
    Vietnamese, or Windows-1252 when they were saved in it, their Vietnamese letters lost (`_western`); the
    warning for the record says which, or that none reads as Vietnamese."""
    # (Windows-1258 writes a tone as a mark after its letter: composed, as every reader after this one expects; left
    # decomposed, a title's "tế" was two words to the font-encoding check, which took it for VNI and garbled it)
    cp1258 = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    western = data.decode("cp1252", errors="replace")
    cp1258_score = vietnamese_score(cp1258)
    converted, encoding = to_unicode(western)
    if _western(western):  # the letters it kept are read as it wrote them: "vòng", not cp1258's "ṿng"
        text, page = western, "Windows-1252"
        mac = data.decode("mac_roman")
        if _kept_letters(mac) > _kept_letters(western):  # an old Mac's (Excel for Mac's "CSV"): "công", not "c™ng"
            text, page = mac, "Mac OS Roman"
        lost = _LOST_LETTER_WORD.search(text)
        warning = (f"damaged text: saved in a Western code page ({page}), which has no place for most "
                   f"Vietnamese letters: they were lost (\"?\"{f' in {lost.group()!r}' if lost else ''}); read as "
                   f"{page}. Save it again from the original as UTF-8 (Excel: \"CSV UTF-8\"; Notepad: "
                   "Encoding UTF-8)")
    elif encoding and vietnamese_score(converted) > cp1258_score:
        warning = f"not UTF-8: read as {encoding} (an old Vietnamese font encoding) and converted to Unicode"
        text = converted
    elif cp1258_score == 0 and len("".join(cp1258[:5000].split())) >= _MIN_CHARS_TO_JUDGE:
        warning = ("could not be decoded as Vietnamese (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI); "
                   "read as Windows-1258")
        text = cp1258
    else:
        warning, text = "not valid UTF-8: read as Windows-1258 (cp1258, Windows Vietnamese); check the text", cp1258
    return text, warning


# Vietnamese saved in a Western code page (Windows-1252: Excel's "CSV" or Notepad's "ANSI" on a Windows set to a
# Western language) keeps the letters that code page has (à, á, ã, ò, Ý …) and writes "?" for the others: "Th?n"
# for "Thần", "v?n" for "vận". A "?" before a letter, in many words, is its sign: Windows-1258, TCVN3 and VNI
# write every letter, and a "?" in text ends a question (a link's "?id=" is one among many words).
_LOST_LETTER = re.compile(r"\?(?=[^\W\d_])")
_LOST_LETTER_WORD = re.compile(r"[^\W\d_]*\?+[^\W\d_][\w?]*")  # "Th?n", "?ã"
_WESTERN_MIN, _WESTERN_SHARE = 3, 0.05  # lost letters: at least so many, and in this share of the words
_LINK = re.compile(r"\S*[/=]\S*")  # a link or a query ("index.php?option=com_content"): its "?" is no lost letter


_VIETNAMESE_LETTERS = frozenset("àáâãèéêìíòóôõùúýăđĩũơư" + "àáâãèéêìíòóôõùúýăđĩũơư".upper())  # (a Western page's)


def _kept_letters(text: str) -> int:
    """How well `text`, Western bytes read in one Western code page, reads as Vietnamese that lost letters: its
    Vietnamese letters less its other characters past ASCII (a Mac's "ô" read as Windows-1252 is "™")."""
    sample = [char for char in text[:20_000] if not char.isascii()]
    return sum(char in _VIETNAMESE_LETTERS for char in sample) - sum(char not in _VIETNAMESE_LETTERS for char in sample)


def _western(text: str) -> bool:
    """Whether `text` (bytes that are not UTF-8, read as Windows-1252; its first 20,000 characters looked at)
    was saved in a Western code page, its Vietnamese letters lost (`_LOST_LETTER`)."""
    sample = _LINK.sub(" ", text[:20_000])
    lost = len(_LOST_LETTER.findall(sample))
    return lost >= _WESTERN_MIN and lost >= _WESTERN_SHARE * len(sample.split())
