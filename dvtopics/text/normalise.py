"""Text normalisation for Vietnamese news.

`normalize` makes equal what readers see as equal: Unicode NFC, one tone-mark
placement ("hoà" -> "hòa", "thuỷ" -> "thủy"), plain spaces and quotes, no
zero-width characters. `strip_furniture` drops page furniture lines ("In bài
này", share buttons, photo captions) from the text used for learning.
"""
from __future__ import annotations

import re
import unicodedata

# Odd spaces (NBSP, thin, ideographic ...) become a plain space; zero-width
# characters and the BOM vanish.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2026": "...",
})

# Tone-mark placement. In the open syllables "oa", "oe" and "uy" two
# conventions compete: "hoà/hòa", "khoẻ/khỏe", "thuỷ/thủy". We keep the one most
# Vietnamese news and pyvi's dictionary use: the mark on the first vowel.
# After "q" the "u" belongs to the consonant ("quý"), so that case is left alone.
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below


def _build_tone_map() -> dict[str, str]:
    mapping = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                new_style = unicodedata.normalize("NFC", f + s + tone)
                old_style = unicodedata.normalize("NFC", f + tone + s)
                mapping[new_style] = old_style
    return mapping


_TONE_MAP = _build_tone_map()
# One character class instead of an alternation of all pairs: far faster on long texts.
_TONE_PATTERN = re.compile(
    "(?<![qQ])[oOuU][" + "".join(sorted({pair[1] for pair in _TONE_MAP})) + r"](?![\w\u0300-\u036f])"
)
_ODD_PUNCTUATION = re.compile("[" + "".join(chr(c) for c in _QUOTES) + "]")


def normalize(text: str) -> str:
    """Return `text` in the one spelling dvtopics works with.

    >>> normalize("Hoà  bình\u00a0“thuỷ”") == normalize("Hòa  bình \\"thủy\\"")
    True
    """
    text = unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", text))  # a zero-width space can split "A" from its accent
    text = _SPACES.sub(" ", text)
    text = _ODD_PUNCTUATION.sub(lambda m: _QUOTES[ord(m.group())], text)
    text = _TONE_PATTERN.sub(lambda m: _TONE_MAP.get(m.group(), m.group()), text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Page furniture: whole lines that are site chrome, not article text.
_FURNITURE = re.compile(
    r"^\W*(in bài này|gửi cho bạn bè|gửi bài viết|phản hồi|xem nhiều nhất|"
    r"truy cập nội dung luôn|bản in|chia sẻ|bình luận|tin liên quan|các tin khác|"
    r"tin cùng chuyên mục|lượt xem|về đầu trang|quay lại|trở về|xem thêm|"
    r"đánh giá bài viết|cỡ chữ|facebook|twitter|zalo|email|print)\b.{0,40}$",
    re.IGNORECASE,
)
# Photo captions: "Ảnh: ...", "(Ảnh: ...)" at the end, or a short line that
# starts like a caption and does not end like a sentence.
_CAPTION = re.compile(
    r"^\W*(ảnh|ảnh minh họa|nguồn ảnh)\s*[:.-]|\((ảnh|nguồn)\s*:[^)]*\)\s*$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"^(quang cảnh|toàn cảnh|đồng chí|các đại biểu|đại biểu|lãnh đạo)\b", re.IGNORECASE
)
_LONE_PUNCT = re.compile(r"^\W*$")
# A site's menu or breadcrumb: "Trang chủ > Tin tức > Hoạt động ngành", "Thời sự | Chính trị | Kinh tế".
_NAVIGATION = re.compile(r"^trang chủ\s*($|\||>|»|›|/)|^[^|>»›/.!?:]{1,30}( (\||>|»|›|/) [^|>»›/.!?:]{1,30}){2,}$",
                         re.IGNORECASE)
# A site's name over the article: "Cổng thông tin điện tử tỉnh Vĩnh Phúc"; a paper's, when it is written
# as a masthead ("BÁO QUẢNG NINH", "Báo Nghệ An điện tử"), not a headline that starts "Báo chí …".
_PORTAL = re.compile(r"^(cổng|trang) thông tin điện tử\b[^:]{0,60}$|^[^:]{0,40}\bcổng thông tin điện tử$", re.IGNORECASE)
_NEWSPAPER = re.compile(r"^(thời báo|báo|tạp chí)(?! (chí|cáo)\b)( \S+){1,5}$", re.IGNORECASE)
# A heading over a list of other articles' headlines ("Tin liên quan"), after the article or inside it.
_OTHER_ARTICLES = re.compile(r"^\W*(tin liên quan|bài viết liên quan|các tin khác|tin cùng chuyên mục|tin đã đưa|"
                             r"tin mới hơn|tin cũ hơn|xem nhiều nhất|xem thêm|đọc thêm)\W*$", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", '"', ":", ";")


def is_furniture(line: str, captions: bool = True) -> bool:
    """True for a line that is page chrome or (with `captions`) a photo caption, not prose."""
    stripped = line.strip()
    if any(pattern.match(stripped) for pattern in (_LONE_PUNCT, _FURNITURE, _NAVIGATION, _PORTAL)):
        return True
    if _NEWSPAPER.match(stripped) and (stripped.isupper() or stripped.lower().endswith(("điện tử", "online"))):
        return True
    if not captions:
        return False
    if _CAPTION.search(stripped):
        return True
    ends_like_sentence = stripped.endswith(_SENTENCE_END)
    return bool(_CAPTION_START.match(stripped)) and len(stripped.split()) <= 20 and not ends_like_sentence


def strip_furniture(text: str) -> str:
    """Drop furniture lines, and the headlines listed under "Tin liên quan" and
    the like (up to the next line that ends like a sentence: some sites put the
    list inside the article). Caption rules are not applied to the first line
    kept, the title, which is short and unpunctuated like a caption."""
    kept, in_list = [], False
    for line in (line.strip() for line in text.split("\n")):
        if _OTHER_ARTICLES.match(line):
            in_list = True
            continue
        if in_list and line and (line.startswith(("-", "•", "+", "*")) or not line.endswith(_SENTENCE_END)):
            continue
        in_list = False
        if line and not is_furniture(line, captions=bool(kept)):
            kept.append(line)
    return "\n".join(kept)
