"""Page furniture: lines that are site chrome or photo captions, not article text (see `strip_furniture`)."""
from __future__ import annotations

import re

from .dates import dateline_date
from .sentences import SENTENCE_ENDINGS


# Share, print and comment bars: a line of nothing but their buttons, links and counters ("Chia sẻ", "Bình luận
# (0)", "Chia sẻ | In bài | Gửi email", "Lượt xem: 1.284"). A line that goes on with other words ("Chia sẻ kinh
# nghiệm từ cơ sở", "Trở về quê hương", "Bình luận về việc này, …") is article text.
_BUTTON = (r"in bài này|in bài viết|in bài|in trang|in|bản in|gửi cho bạn bè|gửi bài viết|gửi bình luận|gửi email|"
           r"gửi|phản hồi|bình luận|chia sẻ bài viết|chia sẻ|lưu tin|lưu bài|copy link|sao chép liên kết|"
           r"xem nhiều nhất|truy cập nội dung luôn|tin liên quan|các tin khác|tin cùng chuyên mục|lượt xem|"
           r"lượt thích|thích|về đầu trang|đầu trang|quay lại|trở về|trở lại|xem thêm|đánh giá bài viết|cỡ chữ|"
           r"facebook|twitter|zalo|email|print|share|like|tweet")
# single letters only among other buttons: a share bar's "[f]", the "A- A A+" beside "Cỡ chữ" (a line "A" is a
# list's or a table's)
_BUTTON_AFTER_FIRST = rf"{_BUTTON}|f|a[+-]?"
_FURNITURE = re.compile(rf"^\W*(?:{_BUTTON})\b(?:[\W\d]*(?:{_BUTTON_AFTER_FIRST})(?:(?<=[+-])|\b))*[\W\d]*$",
                        re.IGNORECASE)


# Photo captions: "Ảnh: ...", or a line that ends with its credit "(Ảnh: ...)"; or a short line that starts like
# a caption and does not end like a sentence.
_CAPTION = re.compile(r"^\W*(ảnh|ảnh minh họa|nguồn ảnh)\s*[:.-]", re.IGNORECASE)
_CREDIT_AT_END = re.compile(r"\((ảnh|nguồn)\s*:[^)]*\)$", re.IGNORECASE)


def _has_caption_credit(line: str) -> bool:
    """The line ends with "(Ảnh: …)": searched only after the line's last-but-one ")", where such a credit must
    start, since searching a long paragraph for it costs more than all the other furniture patterns together."""
    return line.endswith(")") and bool(_CREDIT_AT_END.search(line, line.rfind(")", 0, len(line) - 1) + 1))


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


def is_furniture(line: str, captions: bool = True) -> bool:
    """True for a line that is page chrome or (with `captions`) a photo caption, not prose."""
    stripped = line.strip()
    if any(pattern.match(stripped) for pattern in (_LONE_PUNCT, _FURNITURE, _NAVIGATION, _PORTAL)):
        return True
    if _NEWSPAPER.match(stripped) and (stripped.isupper() or stripped.lower().endswith(("điện tử", "online"))):
        return True
    if not captions:
        return False
    if _CAPTION.match(stripped) or _has_caption_credit(stripped):
        return True
    ends_like_sentence = stripped.endswith(SENTENCE_ENDINGS)
    return bool(_CAPTION_START.match(stripped)) and len(stripped.split()) <= 20 and not ends_like_sentence


# A menu item as a browser copies a site's menu, one a line: a few words, no digits, no sentence marks ("Tin tức",
# "Văn hóa - Xã hội").
_MENU_ITEM = re.compile(r"[^\W\d_]+(?:(?: | - | & | / )[^\W\d_]+){0,3}")
_MENU_MIN_ITEMS = 3


def _is_short_label(line: str) -> bool:
    return bool(_MENU_ITEM.fullmatch(line))


def _menu_at_top(lines: list[str]) -> list[int]:
    """The positions of the site menu a page copied from a browser opens with, one item a line ("Tin tức",
    "Chính trị", "Văn hóa - Xã hội", …): three short labels or more in a row above the article, which
    begins with its dateline or with a headline over its dateline. Without that frame nothing is taken
    for a menu, since short lines can be a short headline or verse; the label directly over a dateline
    is kept too, as it may be the headline."""
    items = []
    for position, line in enumerate(lines):
        if not line or is_furniture(line, captions=False):
            continue
        if _is_short_label(line):
            items.append(position)
        elif dateline_date(line):
            if items:  # the article's dateline, or a date the site shows over its menu
                return items[:-1] if len(items) >= _MENU_MIN_ITEMS else []
        elif len(items) < _MENU_MIN_ITEMS:  # the article begins (the usual case: no menu above it)
            return []
        else:
            return items if dateline_date(_next_text_line(lines, position)) else []  # a headline over its dateline
    return []


def _next_text_line(lines: list[str], position: int) -> str:
    """The first line after `position` that is neither blank nor furniture ("" at the end)."""
    return next((line for line in lines[position + 1:] if line and not is_furniture(line, captions=False)), "")


def strip_furniture(text: str) -> str:
    """Drop furniture lines, a site menu copied one item a line at the top (`_menu_at_top`), and the
    headlines listed under "Tin liên quan" and the like (up to the next line that ends like a sentence:
    some sites put the list inside the article). Caption rules apply only below the headline (the first
    line kept that is neither a dateline nor a short label such as a section name): a headline is short
    and unpunctuated like a caption, and opens with the same words ("Đồng chí …", "Lãnh đạo …")."""
    lines = [line.strip() for line in text.split("\n")]
    menu = _menu_at_top(lines)
    kept, in_list, below_headline = [], False, False
    for position, line in enumerate(lines):
        if _OTHER_ARTICLES.match(line):
            in_list = True
            continue
        if in_list and line and (line.startswith(("-", "•", "+", "*")) or not line.endswith(SENTENCE_ENDINGS)):
            continue
        in_list = False
        if not line or position in menu or is_furniture(line, captions=below_headline):
            continue
        kept.append(line)
        below_headline = below_headline or not (_is_short_label(line) or dateline_date(line))
    return "\n".join(kept)
