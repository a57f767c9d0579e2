"""Page furniture: lines that are site chrome or photo captions, not article text (see `strip_furniture`)."""
from __future__ import annotations

import re

from .sentences import SENTENCE_ENDINGS


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
    ends_like_sentence = stripped.endswith(SENTENCE_ENDINGS)
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
        if in_list and line and (line.startswith(("-", "•", "+", "*")) or not line.endswith(SENTENCE_ENDINGS)):
            continue
        in_list = False
        if line and not is_furniture(line, captions=bool(kept)):
            kept.append(line)
    return "\n".join(kept)
