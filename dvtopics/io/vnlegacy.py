"""Vietnamese typed in the font encodings that came before Unicode: TCVN3 (ABC) and VNI.

Offices kept years of documents in them. A TCVN3 or VNI file is not UTF-8; read
as Windows-1258 it comes out as "C«ng t¸c d©n vËn" or "Coâng taùc daân vaän".
The same text also turns up inside UTF-8 files and JSON fields, when a document
set in a .VnTime or VNI-Times font was copied out as the characters the font
drew. `to_unicode` tells which reading of a text is Vietnamese and converts it.

Both encodings put their letters on the byte values of Latin-1 (Windows-1252):
TCVN3 one byte per letter, VNI a base letter followed by a byte for its marks.
Which reading is right is judged by how many of its words are common Vietnamese
words with diacritics, which a wrong reading almost never produces.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import islice

# TCVN3 (ABC, the .VnTime fonts): one byte per lower-case letter, in the order grave, hook, tilde, acute,
# dot within each vowel; upper-case letters with tones were drawn by other fonts (.VnTimeH) on the same bytes.
_TCVN3_BYTES = ("µ¶·¸¹" "¨»¼½¾Æ" "©ÇÈÉÊË" "®" "ÌÎÏÐÑ" "ªÒÓÔÕÖ" "×ØÜÝÞ" "ßáâãä" "«åæçèé" "¬êëìíî" "ïñòóô"
                "\xadõö÷øù" "úûüýþ" "¡¢§£¤¥¦")
_TCVN3_LETTERS = ("àảãáạ" "ăằẳẵắặ" "âầẩẫấậ" "đ" "èẻẽéẹ" "êềểễếệ" "ìỉĩíị" "òỏõóọ" "ôồổỗốộ" "ơờởỡớợ" "ùủũúụ"
                  "ưừửữứự" "ỳỷỹýỵ" "ĂÂĐÊÔƠƯ")
_TCVN3 = str.maketrans(_TCVN3_BYTES, _TCVN3_LETTERS)

# VNI: a vowel, then one byte for its marks. Tones after a, e, o, u, y and ơ/ư are ù ø û õ ï (acute, grave,
# hook, tilde, dot); â ê ô are written "aâ", and with a tone that byte becomes á à å ã ä; ă is "aê", and with
# a tone é è ú ü ë. ơ is ô, ư is ö, đ is ñ, and i and the dotted y have single bytes of their own.
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # acute, grave, hook, tilde, dot
_VNI_SPELLING = {  # letter without tone -> (its VNI spelling, the five toned spellings)
    "a": ("a", ("aù", "aø", "aû", "aõ", "aï")),
    "â": ("aâ", ("aá", "aà", "aå", "aã", "aä")),
    "ă": ("aê", ("aé", "aè", "aú", "aü", "aë")),
    "e": ("e", ("eù", "eø", "eû", "eõ", "eï")),
    "ê": ("eâ", ("eá", "eà", "eå", "eã", "eä")),
    "i": ("i", ("í", "ì", "æ", "ó", "ò")),
    "o": ("o", ("où", "oø", "oû", "oõ", "oï")),
    "ô": ("oâ", ("oá", "oà", "oå", "oã", "oä")),
    "ơ": ("ô", ("ôù", "ôø", "ôû", "ôõ", "ôï")),
    "u": ("u", ("uù", "uø", "uû", "uõ", "uï")),
    "ư": ("ö", ("öù", "öø", "öû", "öõ", "öï")),
    "y": ("y", ("yù", "yø", "yû", "yõ", "î")),
    "đ": ("ñ", ()),
}


def _vni_table() -> dict[str, str]:
    table = {}
    for letter, (plain, toned) in _VNI_SPELLING.items():
        pairs = [(plain, letter)] + [(spelling, unicodedata.normalize("NFC", letter + tone))
                                     for spelling, tone in zip(toned, _TONES)]
        for spelling, unicode in pairs:
            if spelling != unicode:
                table[spelling] = unicode
                table[spelling.upper()] = unicode.upper()
    return table


_VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))

# Common words that carry diacritics: a right reading of Vietnamese prose is full of them, a wrong one has none.
_COMMON = frozenset("""của và các được người những với đã này có là một không để tại đến công tác dân vận hội nghị
tỉnh huyện xã ủy đồng chí thực hiện phát triển nhân kết quả chính trị năm tháng cơ sở đảng nhà nước việt về trên
từ đó khi cũng như nhiều đạo lãnh chỉ nhiệm vụ tổ chức đoàn thể mặt trận quốc tổng sơ triển khai đề ra đạt địa
phương cấp giải pháp trong thời gian tới đây ngày chương trình kế hoạch tiếp tục tăng cường học tập tư tưởng đạo
đức phong cách đời sống xây dựng mới bảo vệ quyền lợi chủ động phối hợp hành động nội dung thành phố lớn""".split())
_WORD = re.compile(r"\w+")
_SAMPLE_CHARS = 20_000


def vietnamese_score(text: str) -> float:
    """The share of the words of `text` (its first 20,000 characters) that are common Vietnamese words."""
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    return sum(word in _COMMON for word in words) / len(words) if words else 0.0


_CAPITALS = re.compile(r"\w*[A-Z]\w*[A-Z]\w*")  # two capitals at least: "HéI" is HỘI, "BÝ" is Bí


def from_tcvn3(text: str) -> str:
    """TCVN3 letters (as Latin-1 characters) to Unicode; a word in capitals stays in capitals (its toned
    letters come out lower-case, since TCVN3 drew capitals with another font on the same bytes).

    >>> from_tcvn3("HéI NGHÞ cña BÝ th­")
    'HỘI NGHỊ của Bí thư'
    """
    converted = text.translate(_TCVN3)
    return _CAPITALS.sub(lambda m: m.group() if re.search("[a-z]", m.group()) else m.group().upper(), converted)


def from_vni(text: str) -> str:
    """VNI letters (as Windows-1252 characters) to Unicode."""
    return _VNI_PATTERN.sub(lambda m: _VNI[m.group()], text)


_LATIN1_HIGH = re.compile("[\u00a1-\u00ff]")
# Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the Latin Extended Additional block): TCVN3 and VNI,
# read as Latin-1 or Windows-1252, can never produce them, so a text holding some is Unicode already. (The
# common-word score alone is not enough: a short Unicode text with few common words scored low, and its
# "à", "á", "ì", which are TCVN3 bytes too, were converted into other letters.)
_UNICODE_ONLY = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9]")
_UNICODE_ONLY_MIN = 3
_MIN_SCORE = 0.03  # a reading with fewer common words than this is not taken for Vietnamese
_MIN_HITS = 3
_CLEARLY_VIETNAMESE = 0.15  # Unicode news scores 0.5-0.6: no other reading needs trying


def at_least(pattern: re.Pattern, text: str, n: int) -> bool:
    """Whether `pattern` occurs `n` times in `text`, searching no further than the n-th (a Vietnamese text
    has its first hundred accented letters in a few hundred characters; counting all of them cost more)."""
    return sum(1 for _ in islice(pattern.finditer(text), n)) >= n


def to_unicode(text: str, likely: str | None = None, name: bool = False) -> tuple[str, str | None]:
    """(text, None) when `text` reads as it is; (converted text, "TCVN3" or "VNI") when it is Vietnamese in
    one of those encodings. `likely` is the encoding another part of the same record was found in: a short
    field ("Hoµ B×nh", a source) has too few words to tell on its own, and is converted with it when
    that reads as more Vietnamese than the field as it is. A `name` (a source's) is converted on its own when it
    has TCVN3's signs inside its words (`_tcvn3_name`); a text, which has common words to tell it, never so.

    >>> to_unicode("C«ng t¸c d©n vËn cña tØnh")
    ('Công tác dân vận của tỉnh', 'TCVN3')
    >>> to_unicode("Coâng taùc daân vaän cuûa tænh")
    ('Công tác dân vận của tỉnh', 'VNI')
    >>> to_unicode("B¸o Nh©n D©n"), to_unicode("B¸o Nh©n D©n", name=True), to_unicode("«VOV»", name=True)
    (('B¸o Nh©n D©n', None), ('Báo Nhân Dân', 'TCVN3'), ('«VOV»', None))
    """
    sample = text[:_SAMPLE_CHARS]
    if not _LATIN1_HIGH.search(sample) or at_least(_UNICODE_ONLY, sample, _UNICODE_ONLY_MIN):
        return text, None
    if not unicodedata.is_normalized("NFC", sample):  # Unicode with its tones as marks after the letters (decomposed)
        sample = unicodedata.normalize("NFC", sample)
        if at_least(_UNICODE_ONLY, sample, _UNICODE_ONLY_MIN):
            return text, None
    best_score, best = vietnamese_score(sample), None
    if best_score >= _CLEARLY_VIETNAMESE:
        return text, None
    for encoding, convert in _CONVERTERS.items():
        converted = convert(sample)
        score = vietnamese_score(converted)
        enough = score * len(_WORD.findall(converted)) >= _MIN_HITS or (encoding == likely and score > 0)
        if score > max(best_score, _MIN_SCORE) and enough:
            best_score, best = score, encoding
    if best is None and likely in _CONVERTERS and _reads_as(likely, text):
        return _CONVERTERS[likely](text), likely
    if best is None:
        return (from_tcvn3(text), "TCVN3") if name and _tcvn3_name(sample) else (text, None)
    return _CONVERTERS[best](text), best


def _reads_as(encoding: str, text: str) -> bool:
    """Whether a field too short for common words ("Baùo Phuù Thoï", "B¸o Phó Thä", a source in a workbook whose text
    is in `encoding`) reads as Vietnamese in it, left garbled beside its converted text before (hunt 41 Y: one paper
    was two sources). Not a field that holds a letter only Unicode has ("Báo Phú Thọ" typed beside the old text). In
    VNI a letter and its mark became one ("Baùo Tuyeân Quang": "Thanh Hóa" is no VNI); in TCVN3 one of its signs
    became a letter only Unicode has ("B¸o Phó Thä")."""
    if _UNICODE_ONLY.search(text):
        return False
    if encoding == "VNI":
        return bool(_VNI_SIGNS.search(text))
    return _tcvn3_signs(text) >= 1 and bool(_UNICODE_ONLY.search(_CONVERTERS[encoding](text)))


# VNI's marks where no Unicode Vietnamese writes them: a tone's after a vowel ("aù" for á, "oï" for ọ), a hat's
# ("eâ" for ê), and its đ and ư ("Ñ", "ö"). Not "oà" ("Hoà Bình", Unicode's old placement: VNI's "ồ")
_VNI_SIGNS = re.compile("[aeiouyAEIOUY][ùøûõïÙØÛÕÏ]|[aeoAEO][âêôÂÊÔ]|[ñÑöÖ]")


_CONVERTERS = {"TCVN3": from_tcvn3, "VNI": from_vni}

_LETTER = re.compile(r"[^\W\d_]")
# TCVN3's bytes that Latin-1 has no letter on (¸ ¾ ¬ ­ ª …; not « and », quotes as often), and those of its capitals
_SIGNS = frozenset(char for char in _TCVN3_BYTES if ord(char) < 0xC0 or char in "×÷") - {"«", "»"}
_CAPITAL_SIGNS = frozenset("¡¢§£¤¥¦")


def _tcvn3_name(text: str) -> bool:
    """Whether `text`, too short to hold common words (a source, a name: "B¸o §¾k L¾k", "Lª V¨n Nam"), is TCVN3: at
    least two of its `_SIGNS` follow a letter (or, a capital's, open a word), as no Unicode text writes them ("30°C",
    "1ª", "«VOV»")."""
    return _tcvn3_signs(text) >= 2


def _tcvn3_signs(text: str) -> int:
    """How many of TCVN3's `_SIGNS` in `text` follow a letter (or, a capital's, open a word): "Café · Trà" has none."""
    converted = from_tcvn3(text)
    return sum(1 for at, char in enumerate(text) if char in _SIGNS
               and (at and _LETTER.match(converted[at - 1]) and not text[at - 1].isdigit()
                    or char in _CAPITAL_SIGNS and at + 1 < len(text) and _LETTER.match(converted[at + 1])))


def encode(text: str, encoding: str) -> bytes:
    """`text` as a TCVN3 or VNI file holds it (for tests and benchmarks). TCVN3 has no code for a capital
    with a tone: it is written as the small letter, as the capital fonts did."""
    if encoding == "TCVN3":
        inverse = {letter: byte for byte, letter in zip(_TCVN3_BYTES, _TCVN3_LETTERS)}
        text = "".join(inverse.get(c, inverse.get(c.lower(), c)) for c in unicodedata.normalize("NFC", text))
    elif encoding == "VNI":
        inverse = {letter: spelling for spelling, letter in _VNI.items() if len(letter) == 1}
        text = "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text))
    else:
        raise ValueError(f"unknown encoding {encoding!r}: TCVN3 or VNI")
    return text.encode("cp1252", errors="replace")
