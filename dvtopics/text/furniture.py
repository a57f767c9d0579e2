"""Page furniture: lines that are site chrome or photo captions, not article text (see `strip_furniture`)."""
from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Iterator

from ..arguments import check_text
from .dates import NOT_PUBLISHED, dateline_date, find_date
from .people import NOT_PEOPLE, PLACES
from .sentences import SENTENCE_ENDINGS


# Share, print and comment bars: a line of nothing but their buttons, links and counters ("Chia sẻ", "Bình luận
# (0)", "Chia sẻ | In bài | Gửi email", "Lượt xem: 1.284"). A line that goes on with other words ("Chia sẻ kinh
# nghiệm từ cơ sở", "Trở về quê hương", "Bình luận về việc này, …") is article text.
_BUTTON = (r"in bài này|in bài viết|in bài|in trang|in|bản in|gửi cho bạn bè|gửi bài viết|gửi bài|gửi bình luận|"
           r"gửi email|"
           r"gửi|phản hồi|bình luận|chia sẻ bài viết|chia sẻ|lưu tin|lưu bài|copy link|sao chép liên kết|"
           r"xem nhiều nhất|truy cập nội dung luôn|tin liên quan|các tin khác|tin cùng chuyên mục|lượt xem|"
           r"lượt thích|thích|về đầu trang|lên đầu trang|đầu trang|quay lại|trở về|trở lại|xem thêm|"
           r"đánh giá bài viết|cỡ chữ|"
           r"facebook|twitter|zalo|email|print|share|like|tweet|"
           # a site's account and skip links above the headline ("Đăng nhập | Đăng ký", "Skip to content")
           r"đăng nhập|đăng ký|đăng xuất|skip to main content|skip to content|bỏ qua nội dung|chuyển đến nội dung|"
           r"tìm kiếm|login|register|sign in|sign up|"
           # a menu's button and a comment box's heading over its send button ("Menu Tìm kiếm", "Ý kiến bạn đọc Gửi",
           # hunt 41 AC)
           r"menu|ý kiến bạn đọc")
# single letters only among other buttons: a share bar's "[f]", the "A- A A+" beside "Cỡ chữ" (a line "A" is a
# list's or a table's)
# ("lên" and "trang trước" only after a button: "Chia sẻ bài viết lên Facebook", "Quay lại trang trước")
_BUTTON_AFTER_FIRST = rf"{_BUTTON}|lên|trang trước|f|a[+-]?"
_FURNITURE = re.compile(rf"^\W*(?:{_BUTTON})\b(?:[\W\d]*(?:{_BUTTON_AFTER_FIRST})(?:(?<=[+-])|\b))*[\W\d]*$",
                        re.IGNORECASE)
# A link to another article under its label: "Xem thêm: <another headline>", "Tin liên quan >> …". The label
# and its colon or arrows make it a link; "Xem thêm các quy định…" is a sentence.
_LINK_LINE = re.compile(r"^\W*(xem thêm|đọc thêm|tin liên quan|bài liên quan|tin cùng chuyên mục|tin khác|"
                        # the article's tags, each a link: "Từ khóa: Hội Nông dân, tổng kết", "Tags: …"
                        r"từ khóa|từ khoá|tags?|thẻ)"
                        r"\s*(:|>>|»|›)", re.IGNORECASE)


# Photo captions: "Ảnh: ...", or a line that ends with its credit "(Ảnh: ...)"; or a short line that starts like
# a caption and does not end like a sentence. A caption is a few lines at most: a longer line so opened or closed is
# an article whose body is one line (a scraper's JSONL or CSV cell, baomoi's), which was dropped whole, the article
# then read from its title alone (11 of the first 1,000 baomoi articles lost over half their words).
_CAPTION = re.compile(r"^\W*(ảnh|ảnh minh họa|nguồn ảnh)\s*[:.-]", re.IGNORECASE)
CAPTION_MAX_WORDS = 50
HEADLINE_MAX_WORDS = 40  # Vietnamese headlines run to 30 words at most; a longer line is a paragraph
_CREDIT_AT_END = re.compile(r"\((ảnh|nguồn)\s*:[^)]*\)$", re.IGNORECASE)


def _has_caption_credit(line: str) -> bool:
    """The line ends with "(Ảnh: …)": searched only after the line's last-but-one ")", where such a credit must
    start, since searching a long paragraph for it costs more than all the other furniture patterns together."""
    return line.endswith(")") and bool(_CREDIT_AT_END.search(line, line.rfind(")", 0, len(line) - 1) + 1))


def _caption_sized(line: str) -> bool:
    return len(line.split(maxsplit=CAPTION_MAX_WORDS)) <= CAPTION_MAX_WORDS  # (a long line is not split whole)


# A photo's credit inside a line: a scraper's one-line body (baomoi's) runs each caption and its credit into the text
# ("… phát biểu tại hội nghị. Ảnh: Minh Khôi Sáng 12/3, …"), and a photographer's name was among the strongest words of
# a type. The credit goes; the caption's sentence stays (it tells of the meeting, as the text does). "Ảnh" opens one
# capitalised anywhere, lower-case only where no word leads up to it: "Triển lãm ảnh:", "Trong ảnh:", "Bức ảnh:" and
# a byline ("Tin, ảnh: …", "Bài và ảnh: …", read for the source in io/metadata.py) are kept.
_INLINE_CREDIT = re.compile(
    r"\((?:nguồn\s+)?ảnh(?:\s*:|\s+(?:minh\s+họa|tư\s+liệu)\b)[^()]{0,80}\)"  # "(Ảnh: …)", "(Ảnh minh họa)"
    r"|(?P<illustration>(?<!\w)(?:nguồn\s+)?ảnh\s+minh\s+họa)(?P<credited>\s*:|\.\s+nguồn\s*:)?"  # "… Nguồn: …"
    r"|(?<!\w)(?:nguồn\s+)?ảnh\s*:", re.IGNORECASE)  # "Ảnh: …", "Nguồn ảnh: …"
# a word, or a code in brackets with the dash after it ("(NLĐ)-Ngày 22-1": the next sentence opens after it); a word
# no longer than a credit's could be (`_LONGEST_CREDIT_WORD`: a longer run is read no further, so a line is read once)
_LONGEST_CREDIT_WORD = 80
_CREDIT_TOKEN = re.compile(rf"([ \t]*)(\([^\s()]{{1,12}}\)[-–]?|\S{{1,{_LONGEST_CREDIT_WORD}}})")
# Initials, a credit whole (but for its paper's code in brackets): "D.Q", "N.HỮU", "T.T.D." ("Ảnh: D.Q Phú Mộng - Kim
# Long có …": a place, not more of the credit)
_LONE_INITIAL = re.compile(r"[A-ZĐ]\.")
_INITIALS = re.compile(r"(?:[A-ZĐ][A-Za-zđ]?\.)+ ?[A-ZĐ]")
_CREDIT_JOINERS = frozenset("- & / | +".split())
# A credit is a few names, initials or codes: longer, it is no credit or its end was not found
_CREDIT_MAX_WORDS = 6
# Lower-case credits: a site ("zing.vn", "news.com.au"), "internet", a handle (no Vietnamese syllable has 7 plain
# letters), a paper ("báo VOV")
_LOWER_CREDIT = re.compile(r"(?:[a-z0-9_-]+\.)+[a-z]{2,4}|internet|facebook|fb|reuters|afp|getty|instagram|twitter|"
                           r"youtube|zing|ttxvn|[a-z0-9_]{7,}|báo")
# Words that open the next sentence after a credit with no mark between ("Ảnh: Minh Khôi Ngày 7/2, …", "… Ông Phạm
# Văn An, …", "… Theo VnExpress"): a time, a preposition, a title, a body ("Ban", "Sở"); no syllable of a name ("Anh"
# is one: "Tuấn Anh")
_SENTENCE_OPENERS = frozenset(
    "Sáng Chiều Tối Trưa Đêm Ngày Hôm Tháng Năm Sau Trước Từ Đến Trong Tại Theo Khi Với Việc Đây Hiện Ông Bà "
    "Chị Các Những Nhiều Một Mỗi Để Nếu Do Vì Nhưng Tuy Còn Cũng Đó Hơn Gần Khoảng Lúc Vào Được Cùng Ở Phút Hỏi Đáp "
    "Dù Bài Kỳ Phần Ảnh Ban Sở Bộ UBND HĐND PGS PGS.TS PGS-TS GS GS.TS GS-TS GS-TSKH TS TSKH ThS KS BS".split())


def _credit_word(word: str, first: bool) -> bool:
    """A word a credit is made of: a capitalised name, capitals, initials ("H.LÂN"), a code in brackets ("(NLĐ)");
    first, a site or handle in lower case too."""
    return word.lstrip("(")[:1].isupper() or first and bool(_LOWER_CREDIT.fullmatch(word.rstrip(".").lower()))


def _glued_opener(word: str) -> int:
    """Where in initials or a name the next sentence's first word starts, glued on as a scraper joined two lines
    ("H.TCó", "M.VÔng": capitals, then a capital and small letters after the last dot; "Khôi.Sáng": a name, its stop,
    then a sentence's opener, not a site's ending, "Baomoi.Vn"), or 0."""
    dot = word.rfind(".")
    name, tail = word[:dot], word[dot + 1:]
    capitals = len(tail) - len(tail.lstrip("ABCDĐEGHIKLMNOPQRSTUVXYÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢ"
                                                  "ÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"))
    after_a_name = tail in _SENTENCE_OPENERS and name[:1].isupper() and name[1:].isalpha() and name[1:].islower()
    glued = dot > 0 and (capitals >= 2 or after_a_name) and tail[capitals:].isalpha() and tail[capitals:].islower()
    return dot + capitals if glued else 0


_READ_ON = object()  # a step's verdict that the credit goes on past the word (else where it ends, or None: unclear)


def _credit_end(line: str, start: int) -> int | None:
    """Where the credit that starts at `start` ends (a joiner after it, " - ", goes with it), or None when that is
    unclear: then it stays, as losing the article's words is worse than keeping a name. Read a word at a time
    (`_CreditReading.read`)."""
    credit = _CreditReading()
    for token in _CREDIT_TOKEN.finditer(line, start):
        end = credit.read(token)
        if end is not _READ_ON:
            return end
    return credit.words[-1][1] if credit.words else None


class _CreditReading:
    """A credit's words read so far (`_credit_end`): (start, end, word), joiners too; and whether they are initials
    or a word as whole ("D.Q", "B. TRUNG", "Internet"), after which the credit ends."""

    def __init__(self) -> None:
        self.words: list[tuple[int, int, str]] = []
        self.initials = False

    def read(self, token: re.Match) -> int | None | object:
        """Where the credit ends at `token` (`_CREDIT_TOKEN`: its spaces, its word), None when that is unclear, or
        `_READ_ON` once the word is taken."""
        word = token[2]
        end = self._ended_before(token)
        if end is not _READ_ON:
            return end
        if word in _CREDIT_JOINERS:
            return self._take_joiner(token)
        glued = _glued_opener(word)
        if glued and not self.initials:  # "Ảnh: H.TCó rất nhiều …": the next sentence's first word glued on
            return token.start(2) + glued
        if not _credit_word(word, first=not self.words):
            return self._end_at_text(token)
        core = word.strip("().,;:!?\"'")
        if self.words and (core in _SENTENCE_OPENERS or core.isupper() and core.capitalize() in _SENTENCE_OPENERS):
            return self.words[-1][1]
        return self._take(token)

    def _ended_before(self, token: re.Match) -> int | None | object:
        """What the word's shape or the space before it says before the word is read: a run too long for a word is
        unclear; two spaces, or any word after initials but a code or a joiner, end the credit."""
        word = token[2]
        if len(word) == _LONGEST_CREDIT_WORD:  # a link or a run of marks with no space ("Ảnh:Ảnh:…"): unclear
            return None
        if self.words and len(token[1]) > 1:  # "Ảnh: Minh Khôi  Ngày 9/4": two spaces where a line ended
            return self.words[-1][1]
        if self.initials and word[0] != "(" and word not in _CREDIT_JOINERS:
            return self.words[-1][1]
        return _READ_ON

    def _take_joiner(self, token: re.Match) -> int | None | object:
        """A joiner (" - ", " / ") joins two names, or closes the credit after a paper's code in brackets; one that
        opens it is unclear."""
        if not self.words:
            return None
        self.words.append((token.start(2), token.end(), token[2]))
        if self.words[-2][2].endswith(")"):  # "Ảnh: TTXVN (NLĐ) - Việt Nam …": the paper's tag opens its lead
            return token.end()
        return _READ_ON

    def _end_at_text(self, token: re.Match) -> int | None:
        """Where the credit ends at a word no credit is made of (`_credit_word`): before it, after it when it is a
        paper's name and its stop, before the capitalised word that opened its sentence; None when unclear."""
        word, words = token[2], self.words
        if not words:
            return None
        if word[:1].islower() and word.endswith(".") and word[:-1].isalpha() and len(words) <= 2:
            return token.end()  # "Ảnh: Tuổi trẻ. …", "Ảnh: Báo Nhân dân. …": a paper's name, then the stop
        if word[:1].islower() and not self._give_back_opener():
            return None
        if word[:1].isdigit():  # "… Ngày 7/2" ends at the opener (`read`); a name before a number is unclear
            last = words[-1][2].strip("().,;:!?\"'")
            if last[:1].isupper() and last[1:].islower() or words[-1][2].endswith(("-", "–")):
                return None
        names = [found for found in words if found[2] not in _CREDIT_JOINERS and found[2] != "báo"]
        return words[-1][1] if names else None

    def _give_back_opener(self) -> bool:
        """Before a lower-case word ("Ảnh: AP Tới thời điểm …"), the last capitalised word opened the sentence: it
        goes back to the text. False when that is unclear: after a joiner ("Ảnh: Minh Khôi - kỳ 2": the caption goes
        on), or after a name of three words or more (`_last_names`)."""
        if self.words[-1][2] in _CREDIT_JOINERS:
            return False
        opener, names = self.words.pop()[2], _last_names(self.words)
        # "Ảnh: Minh Khôi Hội Nông dân …", "… Hà Nội có …": the sentence may open with two capitalised words (a body's,
        # a place's name), not one; clear only after a name in capitals ("Ảnh: NGUYỄN VĂN AN Gửi …")
        return not (len(names) >= 3 and not (all(name.isupper() for name in names) and not opener.isupper()))

    def _take(self, token: re.Match) -> int | None | object:
        """The word is the credit's: where the credit ends with it (a code and its dash, a slash, a stop), None when
        it grew unclear (too long, a comma), else `_READ_ON`."""
        word, words = token[2], self.words
        core = word.strip("().,;:!?\"'")
        words.append((token.start(2), token.end(), word))
        if word[0] == "(" and word.endswith(("-", "–")):  # "(NLĐ)-Ngày 22-1, …"
            return token.end()
        # ("B. TRUNG", "H. Thúy": a name after one initial is whole too; so is "Internet", "Ảnh: Internet Tờ Bành …")
        self.initials = (self.initials or bool(_INITIALS.match(word)) or core.lower() == "internet"
                         or len(words) > 1 and bool(_LONE_INITIAL.fullmatch(words[-2][2])))
        if sum(found[2] not in _CREDIT_JOINERS for found in words) > _CREDIT_MAX_WORDS:
            return None
        if word.endswith((",", ";", ":")):  # a list or a clause: the credit ran into the text somewhere before
            return None
        if "/" in core.strip("/") or word.endswith((".", "!", "?")) and not (len(word) == 2 and word[0].isupper()):
            return token.end()  # "Lê Hòa/TTXVN", "Ảnh: Quốc Bảo. …" (not an initial's dot, "B. TRUNG")
        return _READ_ON


def _last_names(words: list) -> list[str]:
    """A credit's names (`_credit_end`'s words) after its last joiner or slash, a paper's "Báo" aside: "Minh Khôi - Lan
    Anh" and "Tân Kỳ/ Báo Nghệ An" end with two."""
    names = itertools.takewhile(lambda found: found[2] not in _CREDIT_JOINERS and not found[2].endswith("/"),
                                reversed(words))
    return [found[2] for found in names if found[2].lower() != "báo"][::-1]


def _led_by_a_word(line: str, start: int) -> bool:
    """Whether a word leads up to `start` ("Triển lãm ảnh:", "Tin, ảnh:", "Tin - ảnh:"), not a sentence's end. Only
    the spaces before `start` are read, not the line before it: a long line holds many such marks."""
    end = _text_end_before(line, start)
    if end and line[end - 1] in "-–":
        end = _text_end_before(line, end - 1)
        return bool(re.search(r"(?:^|\s)(?:tin|bài)$", line[max(end - 4, 0):end].lower()))
    return bool(end) and (line[end - 1].isalnum() or line[end - 1] == ",")


def _text_end_before(line: str, position: int) -> int:
    """Where the text before `position` ends, the spaces before it aside."""
    while position and line[position - 1].isspace():
        position -= 1
    return position


def _credit_marks(line: str) -> Iterator[re.Match]:
    """Where `_INLINE_CREDIT` matches in `line`, tried only at each "ảnh" that a colon, "minh họa" or "tư liệu" follows:
    most are words ("hình ảnh", "ảnh hưởng"), and a regex search of a long paragraph cost more than all the other
    furniture patterns together."""
    lower = line.lower()
    if len(lower) != len(line):  # (a letter that lower-cases to two: the positions would not be the line's)
        yield from _INLINE_CREDIT.finditer(line)
        return
    hit = lower.find("ảnh")
    while hit != -1:
        if lower[hit + 3:hit + 14].lstrip().startswith((":", "minh", "tư liệu")):
            source = lower.rfind("nguồn", max(hit - 9, 0), hit)  # "Nguồn ảnh:", "(Nguồn ảnh: …)"
            opened = source if source != -1 else hit
            starts = (opened - 1, opened) if opened and line[opened - 1] == "(" else (opened,)
            for start in dict.fromkeys(starts + (hit,)):
                mark = _INLINE_CREDIT.match(line, start)
                if mark:
                    yield mark
                    break
        hit = lower.find("ảnh", hit + 3)


def without_photo_credits(line: str) -> str:
    """`line` without the photos' credits inside it (`_INLINE_CREDIT`, `_credit_end`); a sentence the credit ran into
    opens after a full stop.

    >>> without_photo_credits("Bí thư phát biểu tại hội nghị. Ảnh: Minh Khôi Sáng 12/3, Ban Dân vận họp.")
    'Bí thư phát biểu tại hội nghị. Sáng 12/3, Ban Dân vận họp.'
    """
    if "ảnh" not in line and "Ảnh" not in line and "ẢNH" not in line:  # (most lines: no pattern is tried)
        return line
    kept, end = [], 0
    for mark in _credit_marks(line):
        if mark.start() < end or mark[0][0] != "(" and mark[0][0].islower() and _led_by_a_word(line, mark.start()):
            continue
        if mark[0][0] == "(" or mark["illustration"] and not mark["credited"]:
            stop = mark.end()  # a bracket; "Ảnh minh họa" alone
        else:
            stop = _credit_end(line, mark.end())
            if stop is None and mark["illustration"]:  # it goes, its credit or not ("Ảnh minh họa: ông An đang …")
                stop = mark.end() if mark["credited"].strip() == ":" else mark.end("illustration")
            if stop is None:
                continue
        before = line[end:mark.start()].rstrip()
        if before.endswith(("-", "–")):  # "Tổng thống Mỹ - Ảnh: Getty. …": the dash before it too
            before = before[:-1]
        kept.append(before.strip())
        end = stop
    if not kept:
        return line
    kept.append(line[end:].strip())
    text = kept[0]
    for piece in kept[1:]:
        if piece[:1] == "." and (not text or text.endswith(SENTENCE_ENDINGS)):  # "… năm. Ảnh minh họa. Ngày …"
            piece = piece.lstrip(". ")
        if not text or not piece or piece[0] in ".,;:!?)":
            text += piece
        elif (piece[0].isupper() or piece[0].isdigit()) and not text.endswith(SENTENCE_ENDINGS):
            text += ". " + piece  # the caption's sentence ended where its credit began
        else:
            text += " " + piece
    return text


def _sentence_after_credit(line: str) -> bool:
    """Whether a line that opens with a photo's credit holds a sentence after its clear end
    (`without_photo_credits`)."""
    rest = without_photo_credits(line)
    return rest != line and rest.endswith(SENTENCE_ENDINGS) and not _CAPTION.match(rest)


_CAPTION_START = re.compile(
    r"^(quang cảnh|toàn cảnh|đồng chí|các đại biểu|đại biểu|lãnh đạo)\b", re.IGNORECASE
)


_LONE_PUNCT = re.compile(r"^\W*$")
# A site's chrome that is a whole line of its own kind, never prose: the audio player over the text ("Nghe bài viết",
# "00:00 / 03:25", "Tốc độ đọc: 1.0x", "Giọng đọc: Nữ miền Bắc"), "Theo dõi … trên Google News", the comment box's
# prompts, and the footer every page of a site repeats ("Copyright © 2024 …", "Giấy phép số 123/GP-BTTTT …", "Tổng
# biên tập: …", "Cơ quan chủ quản: …"). Kept, their words were in every article's text, and in the topics.
_SITE_CHROME = re.compile(
    r"^\W*(?:nghe\s+(?:đọc\s+)?(?:bài\s+viết|bài|audio|tin)|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}|"
    r"(?:tốc\s+độ\s+đọc|giọng\s+đọc|giọng)\s*:.{0,40}|"
    r"theo\s+dõi\s+.{0,60}\btrên\s+(?:google\s+news|facebook|zalo|youtube|tiktok)|"
    r"bạn\s+(?:đọc\s+)?cần\s+đăng\s+nhập\s+để\s+bình\s+luận|ý\s+kiến\s+bạn\s+đọc|viết\s+bình\s+luận|gửi\s+ý\s+kiến|"
    r"ý\s+kiến\s*\(\d+\)|"
    r"copyright\s*(?:©|\(c\)|\d{4}).*|©.*|bản\s+quyền\s+(?:thuộc|©).*|all\s+rights\s+reserved.*|"
    r"giấy\s+phép\s+(?:số|hoạt\s+động\s+báo\s+chí|xuất\s+bản).*(?:bttt|thông\s+tin\s+và\s+truyền\s+thông|cấp).*|"
    # the licence after the site's name ("Báo điện tử Đắk Lắk - Giấy phép số 123/GP-BTTTT …"): a press licence's number,
    # after a name with no comma, not a sentence that names a licence
    r"[^!?,]{1,60}(?:\.|\||\s[-–])\s*giấy\s+phép\s+(?:hoạt\s+động\s+báo\s+chí\s+|xuất\s+bản\s+)?số\s*\d+\s*/\s*gp\b.*|"
    r"(?:phó\s+)?tổng\s+biên\s+tập\s*:.{0,60}|cơ\s+quan\s+chủ\s+quản\s*:.*|"
    r"chịu\s+trách\s+nhiệm\s+(?:nội\s+dung|xuất\s+bản|chính)\s*:.{0,80}|"
    r"ghi\s+rõ\s+nguồn.{0,60}khi\s+(?:phát\s+hành|sử\s+dụng|đăng)\s+lại.*|"
    # a portal's welcome over every page ("Chào mừng quý khách đến với Cổng thông tin điện tử tỉnh …"): the title it was
    r"chào\s+mừng\s+(?:quý\s+khách|quý\s+vị|(?:quý\s+)?bạn(?:\s+đọc)?)?\s*đến\s+với\s+(?:cổng|trang|website|web|báo|"
    r"tạp\s+chí)\b.{0,80}|welcome\s+to\s+.{0,80}(?:portal|website|cổng|trang).{0,40})\W*$", re.IGNORECASE)


# The text-size buttons beside a headline, alone on their line ("A- A A+", "A A A"); a line "A" is a list's
_FONT_SIZE = re.compile(r"^(?:a[+-]?\s*){2,3}$", re.IGNORECASE)


# A site's menu or breadcrumb: "Trang chủ > Tin tức > Hoạt động ngành", "Thời sự | Chính trị | Kinh tế" ("»", as
# normalize writes it, is '"').
_NAVIGATION = re.compile(r"^trang chủ\s*($|\||>|»|›|/|\")|^[^|>»›/.!?:]{1,30}( (\||>|»|›|/) [^|>»›/.!?:]{1,30}){2,}$",
                         re.IGNORECASE)


# A site's name over the article: "Cổng thông tin điện tử tỉnh Vĩnh Phúc"; a paper's, when it is written
# as a masthead ("BÁO QUẢNG NINH", "Báo Nghệ An điện tử"), not a headline that starts "Báo chí …".
_PORTAL = re.compile(r"^(cổng|trang) thông tin điện tử\b[^:]{0,60}$|^[^:]{0,40}\bcổng thông tin điện tử$", re.IGNORECASE)


# The masthead of the Party's and the Front's portals: their body's name in capitals over every page ("ĐẢNG CỘNG SẢN
# VIỆT NAM", "BAN DÂN VẬN TỈNH ỦY QUẢNG NGÃI"). Without a dateline to frame the headline, it was the title. Not
# furniture everywhere: a headline in capitals opens with the same words ("BAN DÂN VẬN TỈNH ỦY TỔ CHỨC HỘI NGHỊ …").
_ORGANISATION = re.compile(r"^(?:đảng cộng sản việt nam|(?:đảng bộ|ban dân vận|ban tuyên giáo|tỉnh ủy|tỉnh uỷ|thành ủy|"
                           r"thành uỷ|huyện ủy|huyện uỷ|ủy ban mặt trận tổ quốc|uỷ ban mặt trận tổ quốc|mặt trận tổ quốc|"
                           r"ủy ban nhân dân|uỷ ban nhân dân|ubnd|hđnd|"
                           # the mass organisations' portals too (hunt 40 R: "HỘI NÔNG DÂN TỈNH AN GIANG" over every
                           # page was the title; not the police's, whose headlines in capitals open with its name)
                           r"hội nông dân|hội liên hiệp phụ nữ|hội cựu chiến binh|liên đoàn lao động|tỉnh đoàn|"
                           r"thành đoàn)\b[^.:!?]{0,50})$", re.IGNORECASE)


# A paper's name: "Báo Quảng Ngãi", "Tạp chí Cộng sản", not "Báo cáo …", "Báo chí …" nor a headline that opens with a
# verb "báo" makes ("BÁO ĐỘNG NẠN TẢO HÔN", "Báo công dâng Bác", "Báo hiếu cha mẹ"; "Báo Tin tức", "Báo Công an" are
# papers)
_NEWSPAPER = re.compile(r"^(thời báo|báo|tạp chí)(?! (chí|cáo|động|công (?:dâng|với|lên)|hiếu|tin(?! tức)|giá|hỷ|hỉ|"
                        r"ân|danh|thức|oán|đáp|mộng|hại|cháy|tang|thù|trước|về|hiệu|nguy|đài)\b)( \S+){1,5}$",
                        re.IGNORECASE)
_ONLINE = re.compile(r" (điện tử|online)$", re.IGNORECASE)  # a paper's web edition: "Báo Đắk Lắk điện tử"
# The national papers' names as they spell them, on their pages' mastheads and tabs ("… | VnExpress")
NATIONAL_SITES = (r"VnExpress|Dân trí|Tuổi Trẻ(?: Online)?|Thanh Niên|VietNamNet|Znews|ZingNews|Zing News|"
                  r"Người Lao Động|Lao Động|Tiền Phong|TTXVN|Vietnam\+ \(VietnamPlus\)|Vietnam\+|VietnamPlus|"
                  r"QĐND|CAND|SGGP|"
                  r"Nhân Dân(?: điện tử)?")
_NATIONAL_SITE = re.compile(NATIONAL_SITES)
_WEB_NAME = r"[\w-]+\.(?i:vn|com|net|org)"  # a site's address: "baodaklak.vn"
_WEB_ADDRESS = re.compile(rf"(?:[\w-]+\.)*{_WEB_NAME}")  # with its subdomains: "tinhuy.daklak.gov.vn", "VTV.VN"


def _paper_name(line: str) -> bool:
    """A paper's name (`_NEWSPAPER`), every word of it capitalised but its edition's ("Báo Đắk Lắk điện tử", "BÁO
    QUẢNG NGÃI"; not "Báo Nhân Dân ra mắt …")."""
    if not _NEWSPAPER.match(line):
        return False
    words = _ONLINE.sub("", line).split()[2 if line.lower().startswith(("thời báo", "tạp chí")) else 1:]
    words = [word for word in words if word[0].isalnum()]  # ("Báo Bà Rịa - Vũng Tàu")
    # a paper's name is at most three words unless its edition closes it: "BÁO LAO ĐỘNG TRAO QUÀ TẾT" is a headline
    return bool(words) and all(word[0].isupper() for word in words) and (len(words) <= 3 or bool(_ONLINE.search(line)))


# A province's radio and television station by its name, as its pages' logo writes it ("Đài Phát thanh và Truyền hình
# Thái Bình", "BÁO ĐIỆN TỬ - ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH NAM ĐỊNH", "Đài PT-TH Sóc Trăng": no source, hunt 42 AJ)
_STATION = re.compile(r"^(?:báo điện tử\s*[-–]\s*)?(?P<name>đài (?:phát thanh,? (?:và|-|&) truyền hình|pt-?th|pt&th|"
                      r"truyền hình)(?: \S+){1,4})$", re.IGNORECASE)


def _logo(lines: list[str]) -> int | None:
    """The position of the site's logo a page copied from a browser opens with (its first line but chrome and the
    date), or None. A web address ("VTV.VN") or a paper's web edition ("Báo Đắk Lắk điện tử") is one wherever it stands
    there; a paper's name ("BÁO QUẢNG NGÃI", "Báo Nhân Dân") or a national paper's ("Thanh Niên", also a section's
    name and a headline's words) only over a menu, a section's name or the date, not over the headline (nor over the
    rest of its own headline: "Báo Nhân Dân" / "ra mắt …"; a headline in capitals "BÁO XUÂN …" over its lead)."""
    for position, line in enumerate(lines[:_MASTHEAD_LOOK]):
        if _WEB_ADDRESS.fullmatch(line) or _paper_name(line) and _ONLINE.search(line) or _station_name(line):
            return position
        if _paper_name(line) or _NATIONAL_SITE.fullmatch(line):
            if is_section_name(line) and any(lines[:position]):
                return None  # a menu's item under its first ("Trang chủ" / "Thanh Niên"): the section, not the paper
            under = next((other for other in lines[position + 1:_MASTHEAD_LOOK] if other), "")
            framed = is_section_name(under) or is_furniture(under, captions=False) or dateline_date(under)
            return position if framed else None
        if line and not (is_furniture(line, captions=False) or dateline_date(line)):
            return None  # the headline, a menu, or text: a paper named below it is no logo
    return None


def masthead_site(text: str) -> str | None:
    """The site a copied page names over its headline, as its logo (`_logo`), or None: the source of a page that names
    none in its text, its capitals as the name is written ("BÁO QUẢNG NGÃI" is "Báo Quảng Ngãi", "BÁO ĐẮK LẮK ĐIỆN
    TỬ" "Báo Đắk Lắk điện tử", "VTV.VN" "vtv.vn", as its other pages and its address give it).

    >>> masthead_site("BÁO QUẢNG NGÃI\\nChính trị\\nHội nghị tổng kết công tác dân vận\\n05/12/2025")
    'Báo Quảng Ngãi'
    """
    lines = [" ".join(line.split()) for line in text.split("\n", _MASTHEAD_LOOK)[:_MASTHEAD_LOOK]]
    position = _logo(lines)
    if position is None:
        return None
    name = lines[position]
    if _WEB_ADDRESS.fullmatch(name):
        return name.lower()
    if station := _STATION.fullmatch(name):  # (its name without the "Báo điện tử - " of its web edition)
        name = station["name"]
        if name.isupper():
            name = re.sub(r"\b(Phát Thanh|Truyền Hình|Và)\b", lambda word: word[0].capitalize() if word[0] != "Và"
                          else "và", name.title()).replace("Pt-Th", "PT-TH").replace("Pt&Th", "PT&TH")
        return name
    if name.isupper() and " " in name:
        name = _ONLINE.sub(lambda edition: edition[0].lower(), name.title())
        name = re.sub(r"^(Tạp|Thời) (Chí|Báo)\b", lambda kind: f"{kind[1]} {kind[2].lower()}", name)
    return name


def _station_name(line: str) -> bool:
    """A station's name (`_STATION`), every word of its place capitalised ("Đài Phát thanh và Truyền hình Thái Bình";
    not "Đài truyền hình đưa tin …")."""
    station = _STATION.fullmatch(line)
    return bool(station) and all(word[:1].isupper() for word in station["name"].split()[-2:])


_MASTHEAD_LOOK = 12  # lines: a logo stands over a menu, a breadcrumb and the date, under the headline never


# A heading over a list of other articles' headlines ("Tin liên quan"), after the article or inside it.
# Each news or article word ("tin", "bài", "tin bài", "bài viết"), with or without "các", before each kind of list
# ("Các tin đã đưa", the usual one of provincial and government portals; "Bài liên quan"; "Cùng chuyên mục"); "tin
# khác" alone is a side list's (below), "các tin khác" is this one.
_OTHER_ARTICLES = re.compile(r"^\W*((các )?(tin bài|bài viết|tin tức|tin|bài) (liên quan|đã đưa|cùng chuyên mục|"
                             r"cùng loại|mới hơn|cũ hơn)|các (tin bài|bài viết|tin tức|tin|bài) khác|cùng chuyên mục|"
                             r"xem nhiều nhất|xem thêm|đọc thêm)\W*$", re.IGNORECASE)
# The lists a page sets beside or under its article ("Đọc nhiều", "Tin khác", "Có thể bạn quan tâm"): their headings are
# also words over a page's own lines (a ticker of "Tin mới" above the headline, whose list would take the headline
# with it) and in the article ("Nổi bật:" over its own list), so they open a list only once the article's body has
# begun, alone on their line (no colon), over lines that are no list's items ("- …": the article's own list)
_SIDE_LISTS = re.compile(r"(?:đọc nhiều|xem nhiều|tin đọc nhiều|tin xem nhiều|bài đọc nhiều|tin mới|tin mới nhất|"
                         r"mới nhất|tin nổi bật|nổi bật|tin khác|bài khác|bài viết khác|có thể bạn quan tâm|"
                         r"bạn có thể quan tâm|có thể bạn chưa đọc)[^\w:]*", re.IGNORECASE)
_BULLETS = ("-", "•", "+", "*")


def heads_other_articles(line: str) -> bool:
    """Whether `line` is the heading of a list of other articles' headlines ("Tin liên quan", "Đọc nhiều"): where a
    page's markup shows where that list ends (`io.htmltext`), the list goes whole, and the article after it stays."""
    return bool(_OTHER_ARTICLES.match(line) or _SIDE_LISTS.fullmatch(line))

# The heading of the readers' comments under an article ("Ý kiến bạn đọc (2)", "Bình luận của bạn đọc"): all that
# follows is theirs, and each comment's time under an article dated at its end was the article's date. Also an
# article's own section ("Bạn đọc nói gì?" over a consultation's answers): it ends the text only over what comments
# look like (`_comments_under`). A count ("3 bình luận", as a bar under the headline shows) heads nothing.
_COMMENTS = re.compile(r"(?:(?:các\s+)?(?:ý\s+kiến|bình\s+luận)(?:\s+của)?\s+bạn\s+đọc|bạn\s+đọc\s+(?:bình\s+luận|"
                       r"nói\s+gì|góp\s+ý))\s*(?:\(\d+\))?[?!]?", re.IGNORECASE)
_COMMENTER_WORDS = 6  # a comment's signature: a name, and a place ("Nguyễn Văn Nam - Hà Nội")


def _comments_under(lines: list[str], position: int) -> bool:
    """Whether the comments heading at `position` heads comments: nothing under it, or a commenter's name or a time
    (a short line that ends no sentence), not the article's paragraphs."""
    under = next((line for line in lines[position + 1:] if line), "")
    if not under or dateline_date(under):
        return True
    signature = len(under.split()) <= _COMMENTER_WORDS
    return signature and not (under.endswith(SENTENCE_ENDINGS) or under.startswith(_BULLETS))


# The source tag a lead opens with on many sites: "(Baophutho.vn) - Ngày 5/7, …", "VOV.VN - Chiều 5/7, …",
# "(TTXVN) – …", "QĐND Online - …", "(Dân trí) - …": one word in brackets (a site or agency) or a paper's name of two
# words, or unbracketed a web address or an agency or paper ("NDO", "BGĐT": Nhân Dân and Báo Bắc Giang online),
# then a dash. Capitals alone make no tag: "ASEAN - Trung Quốc …", "HĐND - UBND huyện …", "TP.HCM - Sáng 5/7" open
# sentences or name places, and two words in brackets may be none ("(Kỳ cuối) - ", "(Ảnh minh họa) - ").
# Readers that look for a sentence's start skip it.
#
# The one table of the codes a text names a paper or an agency by, as a lead's tag, a source line or a closing byline
# gives them ("TTO - …", "Nguồn: TTO", "Minh Anh (TTO)"), with the paper's name a reader knows ("TTO" is Tuổi Trẻ's
# site; VNA is TTXVN's English code): `AGENCIES`, the codes a lead's tag is read by unbracketed, is its keys, and
# io/metadata.py names a source by it (`paper_of_tag`). The agencies and papers known by their initials (TTXVN, VOV,
# VTV, VTC, QĐND, CAND, ĐCSVN) keep them, as readers say them. HNP is Hà Nội's portal (hanoi.gov.vn), whose news on
# the city's own work close with it. Its order is the alternation's: the rules' fingerprint hashes `SOURCE_TAG`.
PAPERS_BY_TAG = {"TTXVN": "TTXVN", "VNA": "TTXVN", "VOV": "VOV", "VTV": "VTV", "VTC": "VTC", "QĐND": "QĐND",
                 "CAND": "CAND", "ĐCSVN": "ĐCSVN", "NDĐT": "Báo Nhân Dân", "ĐNĐT": "Báo Đà Nẵng", "HNM": "Hà Nội Mới",
                 "HNP": "Cổng Giao tiếp điện tử Hà Nội", "SGGP": "Sài Gòn Giải Phóng", "NLĐ": "Người Lao Động",
                 "TTO": "Tuổi Trẻ", "PLO": "Pháp Luật TP.HCM", "ANTĐ": "An ninh Thủ đô",
                 "GD&TĐ": "Giáo dục và Thời đại", "GDVN": "Giáo dục Việt Nam", "NDO": "Báo Nhân Dân",
                 "ĐNO": "Báo Đà Nẵng", "SGGPO": "Sài Gòn Giải Phóng", "NLĐO": "Người Lao Động", "LĐO": "Lao Động",
                 "TPO": "Tiền Phong", "BPO": "Báo Bình Phước", "KTĐT": "Kinh tế & Đô thị", "BGĐT": "Báo Bắc Giang",
                 "YBĐT": "Báo Yên Bái", "LSO": "Báo Lạng Sơn", "BDO": "Báo Bình Dương", "BTO": "Báo Bình Thuận",
                 "QBĐT": "Báo Quảng Bình", "STO": "Báo Sóc Trăng", "CMO": "Báo Cà Mau", "BPY": "Báo Phú Yên",
                 "BNA": "Báo Nghệ An", "HGĐT": "Báo Hà Giang", "SLO": "Báo Sơn La", "ĐBP": "Báo Điện Biên Phủ",
                 "GL": "Báo Gia Lai", "GLO": "Báo Gia Lai"}  # (Gia Lai's, the first until about 2015: hunt 41 V)
AGENCIES = "|".join(PAPERS_BY_TAG)  # (codes of letters and "&", none of them special in a pattern)
# The papers of two words a lead's tag names in brackets, as each spells its name. A tag capitalises the second word
# of some ("(Dân Trí) - "): `SOURCE_TAG` takes it in either case, and io/metadata.py names the paper as it spells
# itself (`PAPERS_SPELT_OTHERWISE`, "Dân Trí" is "Dân trí")
TWO_WORD_PAPERS = ("Dân trí", "Dân Việt", "HQ Online", "Tin tức", "Thanh tra")
PAPERS_SPELT_OTHERWISE = {f"{first} {second.capitalize()}": name for name in TWO_WORD_PAPERS
                          for first, second in [name.split()] if second[0].islower()}
_TWO_WORD_PAPERS = "|".join(  # ("Dân [Tt]rí|Dân Việt|…": the rules' fingerprint hashes the pattern)
    f"{first} [{second[0].upper()}{second[0]}]{second[1:]}" if second[0].islower() else name
    for name in TWO_WORD_PAPERS for first, second in [name.split()])
_STATION_TAG = r"(?:PTTH|PT-TH|Truyền hình)(?: [A-ZĐ]\w*){1,3}"  # "(PTTH Ninh Bình) - ", "(Truyền hình Ninh Bình) - "
SOURCE_TAG = re.compile(rf"^[ \t]*(?:\((?P<bracketed>[A-ZĐ][\w.&-]{{1,24}}|{_WEB_NAME}|{_TWO_WORD_PAPERS}|"
                        rf"{_STATION_TAG})\)"
                        rf"[ \t]*[-–—]+|"
                        rf"(?P<name>{_WEB_NAME}|(?:{AGENCIES})(?: [Oo]nline)?)[ \t]+[-–—]+)[ \t]*", re.MULTILINE)


def without_source_tags(text: str) -> str:
    """`text` with the source tag (`SOURCE_TAG`) taken off the start of every line.

    >>> without_source_tags("Tiêu đề\\n(Baophutho.vn) - Được biểu dương tại hội nghị")
    'Tiêu đề\\nĐược biểu dương tại hội nghị'
    >>> without_source_tags("VOV.VN - Chiều 5/7, ..."), without_source_tags("ASEAN - Trung Quốc ký kết")
    ('Chiều 5/7, ...', 'ASEAN - Trung Quốc ký kết')
    """
    return SOURCE_TAG.sub("", text)


# A writer's byline glued to the end of an article's last line, as a scraper that joins a page's lines into one leaves
# it (baomoi's bodies): "… anh nói. Minh Khôi", "… đồng. Lan Anh (T/h)", "… ./. PV", "… giá bán. Hà Linh (t/h) Theo
# Báo Mới", "… thế giới. Theo VnExpress", "… ./. BS. Trần Văn An". A reporter's name of two syllables is no person to
# `mask_people` (text/people.py), and one who wrote many articles of one type was a word of that type. It goes where it
# is clear: after a sentence's end, a few capitalised names, a code or initials, with what a byline adds (a
# compiler's "(T/h)", the paper in brackets, "- Name", "Theo <paper>", "Nguồn: …"), and nothing after them. A line
# that merely ends without a stop, a place ("Hà Nội"), a quoted title, numbers or a list stay: losing the article's
# words is worse than keeping a name. A byline on a line of its own stays as it was: io/metadata.py reads the paper
# from it ("Minh Anh (TTXVN)", "Theo VnExpress"), after this step.
_BYLINE_LOOK = 160  # characters at the end of the line: a byline is shorter, and a long line is read once
_WRITER_TITLE = r"(?:(?:PGS|GS|TS|TSKH|ThS|BS|BSCKI|BSCKII|KS|LS|NSND|NSƯT|Nhà\s+báo)[.\s-]*)"
_WRITER_WORD = r"(?!(?i:theo|nguồn)\b)[^\W\d_][\w.]*"  # ("Theo VnExpress" names the paper)
_WRITER_WORDS = rf"{_WRITER_WORD}(?:[ \t]+{_WRITER_WORD}){{0,3}}"  # 1-4 words (`_writer_named` reads them)
# "(T/h)": compiled by the writer from other papers ("(Tổng hợp từ Reuters)")
_COMPILED = r"(?i:t/h|th|tổng\s+hợp(?:\s+từ\s+[^()\d]{1,30})?|st|sưu\s+tầm)"
_CLOSING_BYLINE = re.compile(
    r"(?P<label>(?i:(?:tin|bài)(?:[ \t]*(?:,|và|-)[ \t]*ảnh)?)[ \t]*:[ \t]*)?"  # "Bài và ảnh: …", "Tin: …"
    rf"(?P<title>{_WRITER_TITLE}+)?"
    rf"(?P<writers>{_WRITER_WORDS}(?:[ \t]*[-–/&][ \t]*{_WRITER_WORDS})*)?"
    rf"(?:[ \t]*\((?P<credit>{_COMPILED}|(?i:theo|nguồn)[ \t]*:?[ \t]+[^()\d]{{1,40}}|[A-ZĐ][^\s()]{{0,23}}|"
    rf"{_TWO_WORD_PAPERS}|"
    rf"(?i:báo)\s+[^()\d]{{1,30}})\))*"
    rf"(?:[ \t]*(?:(?i:theo)[ \t]+|(?i:nguồn)[ \t]*:[ \t]*)(?P<paper>[^\s\d()][^()\d,;:!?]{{0,40}}"
    r"(?:\([^()\d]{1,30}\))?))?"
    r"[ \t.]*")
# where a sentence ends before a byline: a stop (a closing quote or bracket after it), "./." as official news end,
# an ellipsis ("… quà biếu... Minh Khôi"). A bare stop needs a space or a bracket after it ("… tấn.(Theo …)"): one
# glued to a word joins a name's parts ("VOV.VN", "Sport.TV", a team's "TMN.CSG", a virus' "StartPage.FH"), which
# are the article's words
_STOP_BEFORE_BYLINE = re.compile(r"(?:\./\.|\.\.\.|…|(?<![.])[.!?](?![.])[\"'”’»)]+)[ \t]*|"
                                 r"(?<![.])[.!?](?![.])(?:[ \t]+|(?=\())|[ \t]{2,}")
_WRITER_CODES = frozenset("PV CTV BTV NV St".split())  # "./. PV": the paper's reporter; "St": collected
# words that open no writer's name: a caption's or a place's ("Chùa …", "Phố …", "Xe …"), a body's
_NOT_WRITERS = frozenset("Xe Chùa Phố Vịnh Đền Cầu Sông Núi Biển Chợ Làng Tỉnh Huyện Xã Quận Phường Thôn Bản Nhà "
                         "Đội Hội Đảng Mặt Cổng Tạp Báo Đài Lễ Đảo Cửa Khu Tết".split())
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def without_closing_byline(line: str) -> str:
    """`line` without the writer's byline glued to its end after a sentence (`_CLOSING_BYLINE`), where it is clear.

    >>> without_closing_byline("Hội nghị thành công tốt đẹp. Minh Khôi (T/h)")
    'Hội nghị thành công tốt đẹp.'
    >>> without_closing_byline("Đoàn đã đến thăm Hà Nội. Hà Nội")
    'Đoàn đã đến thăm Hà Nội. Hà Nội'
    """
    look = max(len(line) - _BYLINE_LOOK, 0)
    plain = _plain_letters(line[look:]) == line[look:].lower()  # a text without diacritics: its places are spelt so
    for stop in _STOP_BEFORE_BYLINE.finditer(line, look):
        if stop.end() == len(line) or not _ends_sentence(line, stop):
            continue
        byline = _CLOSING_BYLINE.fullmatch(line, stop.end())
        if byline and _clear_byline(byline, after_stop=not stop[0].isspace(), plain=plain):
            return line[:stop.end()].rstrip()
    return line


def _ends_sentence(line: str, stop: re.Match) -> bool:
    """Whether the stop ends the sentence before it, not a word's abbreviation ("TP. Hà Tiên", "ThS. Minh Anh",
    "TP.HCM.", an initial "A.", a name's "Ng. Minh"): after a word in lower case, a number, a bracket or a quote, or
    a word of three capitals or more ("USD.")."""
    if stop[0].startswith("./.") or stop[0][0].isspace():
        return True
    before = line[max(stop.start() - _BYLINE_LOOK, 0):stop.start()].split()  # (not the whole line's words)
    if not before:
        return False
    word = before[-1]
    if word[-1].isupper():
        return "." not in word and len(word) >= 3 and word.isalpha() and word.isupper()
    if word.isalpha() and word.istitle() and not any(vowel in _plain_letters(word) for vowel in "aeiouy"):
        return False  # ("Ng.", "Tr.": a family name cut short)
    return word[-1].islower() or word[-1].isdigit() or word[-1] in ")]\"'”’%"


def _clear_byline(byline: re.Match, after_stop: bool, plain: bool = False) -> bool:
    """Whether what `_CLOSING_BYLINE` matched is a byline: a writer's names (`_writer_named`, no place), a code, a
    credit or a paper; only with a credit or a paper after a line's end that no stop marks (two spaces)."""
    marked = bool(byline["credit"] or byline["paper"])
    if not (byline["writers"] or marked) or byline["title"] and not byline["writers"] or not (after_stop or marked):
        return False
    if byline["paper"] and not _paper_named(byline["paper"].strip(" \t.")):
        return False
    if byline["writers"] and not (byline["label"] or byline["title"]) and _NATIONAL_SITE.fullmatch(byline["writers"]):
        return True  # "… ./. VnExpress"
    names = re.split(r"[ \t]*[-–/&][ \t]*", byline["writers"] or "")
    return all(_writer_named(name.split(), joined=position > 0, plain=plain)
               for position, name in enumerate(names) if name)


def _paper_named(paper: str) -> bool:
    """A paper's name after "Theo" or "Nguồn:": capitalised or a site's address, a few words."""
    return (paper[:1].isupper() or bool(_WEB_ADDRESS.fullmatch(paper))) and len(paper.split()) <= 6


def _writer_named(words: list[str], joined: bool, plain: bool = False) -> bool:
    """Whether `words` are a writer's: a code ("PV", "HT", "TTXVN"), initials ("T.T.D"), or capitalised syllables of
    Vietnamese (`_name_word`; not "Toyota Camry") that are no place ("Hà Nội", `PLACES`) nor open a caption ("Chùa
    Một Cột"), after a role's code or not ("CTV Minh Khôi"); after a joiner, a paper's or a team's name too ("Minh
    Khôi - TNTBros", "Minh Khôi/VOV-Trung tâm Tin")."""
    if len(words) > 1 and words[0] in _WRITER_CODES:
        words = words[1:]
    if len(words) == 1 and (_writer_code(words[0].rstrip(".")) or _INITIALS.fullmatch(words[0].rstrip("."))):
        return True
    if joined and words[0][:1].isupper():
        return True
    name = "_".join(words).lower()
    # in a text without diacritics (`plain`), its places are spelt so ("Ha Noi"); not in one with them, where a name
    # is ("Thanh Hoa", not "Thanh Hóa")
    places, not_people = (_PLAIN_PLACES, _PLAIN_NOT_PEOPLE) if plain else (PLACES, NOT_PEOPLE)
    return (all(map(_name_word, words)) and name not in places
            and not any(name == place or name.startswith(place + "_") for place in not_people))


def _name_word(word: str) -> bool:
    """A word of a writer's name: a capitalised syllable ("Khôi"), after initials too ("M.Khôi"), that opens no
    sentence (`_SENTENCE_OPENERS`) nor a caption (`_NOT_WRITERS`)."""
    syllable = word[_LEADING_INITIALS.match(word).end():]
    return (syllable[:1].isupper() and syllable[1:].islower() and _syllable(syllable)
            and syllable not in _SENTENCE_OPENERS and syllable not in _NOT_WRITERS)


_LEADING_INITIALS = re.compile(r"(?:[A-ZĐ]\.)*")


def _writer_code(word: str) -> bool:
    """A writer's code: "PV", initials of two or three capitals ("HT"), a paper's code ("TTXVN")."""
    return word in _WRITER_CODES or word in PAPERS_BY_TAG or word.isupper() and word.isalpha() and 2 <= len(word) <= 3


def _syllable(word: str) -> bool:
    """Whether `word` is one Vietnamese syllable in its letters (`_SYLLABLE`): "Quỳnh", "Khuyến"; not "Toyota"."""
    return bool(_SYLLABLE.fullmatch(_plain_letters(word)))


def _plain_letters(word: str) -> str:
    """`word` in lower case without its tone and vowel marks: "Quỳnh" is "quynh", "Đức" "duc"."""
    return "".join(letter for letter in unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
                   if not unicodedata.combining(letter))


_PLAIN_PLACES = frozenset(map(_plain_letters, PLACES))  # (`_writer_named`)
_PLAIN_NOT_PEOPLE = frozenset(map(_plain_letters, NOT_PEOPLE))


def _printed_or_fetched(line: str) -> bool:
    """A short line that gives the day the page was printed, saved or scraped (`NOT_PUBLISHED`): "Ngày in: 27/11/2024"."""
    return len(line) <= 80 and bool(NOT_PUBLISHED.match(line)) and find_date(line) is not None


def is_furniture(line: str, captions: bool = True) -> bool:
    """True for a line that is page chrome or (with `captions`) a photo caption, not prose."""
    stripped = line.strip()
    if any(pattern.match(stripped) for pattern in (_LONE_PUNCT, _FURNITURE, _LINK_LINE, _NAVIGATION, _PORTAL,
                                                   _FONT_SIZE, _SITE_CHROME)) or _printed_or_fetched(stripped):
        return True
    if is_menu_line(stripped):
        return True
    # (a line opening "Ảnh:" is a caption wherever it stands: no headline or sentence opens so; but where its credit
    # clearly ends and a sentence follows, that is the text's, often the lead: "Ảnh: Minh Khôi Sáng 11/7, Ban …
    # tổ chức hội nghị …." keeps its sentence, as a credit inside a line does)
    if _CAPTION.match(stripped) and _caption_sized(stripped):
        return not _sentence_after_credit(stripped)
    if _NEWSPAPER.match(stripped) and (stripped.isupper() or stripped.lower().endswith(("điện tử", "online"))):
        return True
    if not captions:
        return False
    if _has_caption_credit(stripped) and _caption_sized(stripped):
        return True
    ends_like_sentence = stripped.endswith(SENTENCE_ENDINGS)
    return bool(_CAPTION_START.match(stripped)) and len(stripped.split()) <= 20 and not ends_like_sentence


# A short label over the headline, such as a section's name: a few words, no digits, no sentence marks ("Tin tức",
# "Văn hóa - Xã hội"). Caption rules start below the headline, not below such a label.
_SHORT_LABEL = re.compile(r"[^\W\d_]+(?:(?: | - | & | / )[^\W\d_]+){0,3}")
_MENU_MIN_ITEMS = 3


def _is_short_label(line: str) -> bool:
    return bool(_SHORT_LABEL.fullmatch(line))


# The sections of Vietnamese news sites as their menus name them. Only these are taken for a menu: a short line
# that is not one may be the headline ("Dân vận khéo"), and losing it is worse than keeping a menu word.
_SECTIONS = frozenset(
    "trang chủ|home|tin tức|tin mới|tin nổi bật|thời sự|chính trị|kinh tế|xã hội|văn hóa|thể thao|pháp luật|"
    "giáo dục|sức khỏe|y tế|quốc tế|thế giới|quốc phòng|an ninh|dân vận|xây dựng đảng|đời sống|giải trí|du lịch|"
    "khoa học|công nghệ|nông nghiệp|nông thôn|môi trường|bạn đọc|multimedia|video|ảnh|podcast|media|emagazine|"
    "e-magazine|infographic|infographics|liên hệ|giới thiệu|tìm kiếm|đăng nhập|english|tiếng anh|rss|địa phương|"
    "tư liệu|văn bản|chuyên đề|diễn đàn|góc nhìn|ý kiến|bất động sản|tài chính|chứng khoán|doanh nghiệp|"
    "thị trường|kinh doanh|số hóa|gia đình|lao động|việc làm|hoạt động|tin ảnh|phóng sự|sự kiện|tiêu điểm|"
    "mặt trận|đoàn thể|công đoàn|thanh niên|phụ nữ|nông dân|cựu chiến binh|mới nhất|dân sinh".split("|"))
# "Văn hóa - Xã hội", "Quốc phòng & An ninh"; a breadcrumb's "Thời sự › Chính trị", its marks run in as copied. A
# joiner is tried only where a run of spaces starts, the run taken whole: tried inside it, 16,000 spaces took 2.4 s
_SECTION_JOINERS = re.compile(r"(?<!\s)\s++(?:-|&|/|và)\s+|(?:(?<!\s)\s++)?[›»>]\s*")


# What a headline about such a body does, and no masthead says
_HEADLINE_WORDS = re.compile(r"\b(?:tổ chức|hội nghị|tổng kết|sơ kết|triển khai|họp|làm việc|thăm|trao|tặng|phát động|"
                             r"ra quân|khai mạc|bế mạc|kỷ niệm|công bố|chỉ đạo|ban hành|thực hiện|giao ban|trực báo|"
                             r"đón|tiếp|chúc mừng|quán triệt|kiểm tra|giám sát|đối thoại|gặp mặt|lấy ý kiến|\d)", re.IGNORECASE)


def is_masthead(line: str, capitals: bool = True) -> bool:
    """A Party or Front portal's masthead: its body's name in capitals ("ĐẢNG CỘNG SẢN VIỆT NAM", `_ORGANISATION`);
    in any case when not `capitals` ("Ban Dân vận Huyện ủy Ea H'leo", which a section's name under it shows to be
    one)."""
    return (bool(_ORGANISATION.match(line.strip())) and (line.isupper() or not capitals)
            and not _HEADLINE_WORDS.search(line))


def is_section_name(line: str) -> bool:
    """A line that names a site's section, or a breadcrumb of them ("Xã hội", "Văn hóa - Xã hội"): `_SECTIONS`."""
    return all(part in _SECTIONS for part in _SECTION_JOINERS.split(line.lower()))


def _menu_at_top(lines: list[str], logo: int | None = None) -> list[int]:
    """The positions of the site menu a page copied from a browser opens with, one item a line ("Trang chủ",
    "Tin tức", "Văn hóa - Xã hội", …): three known section names or more in a row at the top (after a date
    the site shows and its name, at `logo`, if any; "Trang chủ", furniture of its own, counts as one). Anything
    else ends it. Fewer are a breadcrumb where the day the page was posted follows them ("Thời sự", "Chính trị",
    "Thứ tư, 5/7/2023, 19:20 (GMT+7)": VnExpress's)."""
    items = []
    for position, line in enumerate(lines):
        if not line or position == logo or (not items and dateline_date(line)):
            continue
        if is_section_name(line):
            items.append(position)
        elif not is_furniture(line, captions=False):
            return items if len(items) >= _MENU_MIN_ITEMS or dateline_date(line) else []
    return items if len(items) >= _MENU_MIN_ITEMS else []


_SECTION_LONGEST = max(len(section.split()) for section in _SECTIONS)
_SECTION_FIRST_WORDS = frozenset(section.split()[0] for section in _SECTIONS)
_MENU_MARKS = re.compile(r"[\s|›»>/\"&-]+")
_FIRST_WORD = re.compile(r"[^\s|›»>/\"&-]+")
MENU_MAX_CHARS = 300  # a bar of thirty sections' names; every line is asked, most of them paragraphs


def is_menu_line(line: str) -> bool:
    """A site's menu copied on one line with no marks between its items, as a browser copies a bar of links (tabs or
    spaces: "Trang chủ  Thời sự  Chính trị  Kinh tế"): nothing but known section names (`_SECTIONS`), four or more,
    or three after "Trang chủ" ("Văn hóa Thể thao Du lịch", three, opens a department's name)."""
    first = _FIRST_WORD.search(line, 0, MENU_MAX_CHARS)
    if len(line) > MENU_MAX_CHARS or not first or first[0].lower() not in _SECTION_FIRST_WORDS:
        return False  # (the first word decides most lines, before the line is split)
    words = [word for word in _MENU_MARKS.split(line.lower()) if word]
    sections, at = 0, 0
    while at < len(words):
        size = next((size for size in range(_SECTION_LONGEST, 0, -1)
                     if " ".join(words[at:at + size]) in _SECTIONS), 0)
        if not size:
            return False
        sections, at = sections + 1, at + size
    return sections >= 4 or sections >= 3 and words[:2] in (["trang", "chủ"], ["home"])


# The labelled header a scraper writes over the text ("Tiêu đề: …", "Ngày đăng: …", "Nguồn: …", "Nội dung:", English
# "Title:", "Date:", "Source:", "Content:"), each label with its value or alone over it. A title's, a lead's or a
# body's label is no word of the article (in every article of such a file, it was among its words and topics); a
# date's, a source's or a writer's is kept with its value, as a page shows it, and one alone on its line is joined to
# the value under it.
_HEADER_LABEL = re.compile(r"(?P<label>(?P<dropped>tiêu đề|tựa đề|tên bài(?: viết)?|title|headline|nội dung|content|"
                           r"body|sapo|tóm tắt|mô tả(?: ngắn)?|description|summary|lead|excerpt)|ngày đăng|"
                           r"ngày xuất bản|ngày|thời gian|date|published|nguồn(?: tin| bài)?|source|tác giả|author|url|"
                           r"link|đường dẫn|chuyên mục|category)\s*:\s*(?P<value>.*)", re.IGNORECASE)
_BODY_LABEL = re.compile(r"nội dung|content|body", re.IGNORECASE)
# the same header as a Markdown file's front matter (Jekyll, Hugo, Obsidian): between "---" lines, its values quoted
_FRONT_MATTER_FENCES = ("---", "+++")


def _unquoted(value: str) -> str:
    """A header's value without the quotes around it (`title: "Hội nghị …"`, as front matter writes it)."""
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'" else value


def _without_header_labels(lines: list[str]) -> list[str]:
    """`lines` with the labels of a scraper's header at their top read as `_HEADER_LABEL` says; the header ends at
    the first line that is not labelled, or at the body's own label."""
    kept, position = [], 0
    while position < len(lines):
        labelled = _HEADER_LABEL.fullmatch(lines[position])
        if lines[position] and not labelled and lines[position] not in _FRONT_MATTER_FENCES:
            break
        position += 1
        if not labelled:
            continue
        line, value = lines[position - 1], _unquoted(labelled["value"])
        body = bool(_BODY_LABEL.fullmatch(labelled["label"]))
        under = lines[position] if position < len(lines) else ""
        # the label alone over its value, short and no sentence: an empty label ("Tác giả:") over the first paragraph
        # stays alone
        if (not value and not body and under and not _HEADER_LABEL.fullmatch(under) and len(under.split()) <= 15
                and not under.endswith(SENTENCE_ENDINGS)):
            line, value = f"{line} {under}", under
            position += 1
        if value:  # (an empty label, "Tác giả:" a scraper found no writer for, says nothing)
            kept.append(value if labelled["dropped"] else line)
        if body:
            break
    return kept + lines[position:]


def strip_furniture(text: str) -> str:
    """Drop furniture lines, a site menu copied one item a line at the top (`_menu_at_top`), and the
    headlines listed under "Tin liên quan" and the like (up to the next line that ends like a sentence:
    some sites put the list inside the article). Caption rules apply only below the headline (the first
    line kept that is neither a dateline nor a short label such as a section name): a headline is short
    and unpunctuated like a caption, and opens with the same words ("Đồng chí …", "Lãnh đạo …")."""
    lines = _without_header_labels([line.strip() for line in check_text("text", text, "strip_furniture").split("\n")])
    logo = _logo(lines)
    menu = _menu_at_top(lines, logo)
    kept, in_list, below_headline, in_body = [], False, False, False
    for position, line in enumerate(lines):
        if in_body and _COMMENTS.fullmatch(line) and _comments_under(lines, position):  # they close the page
            break
        if _OTHER_ARTICLES.match(line) or in_body and _SIDE_LISTS.fullmatch(line) and not _items_under(lines, position):
            in_list = True
            continue
        # (a blank line does not end the list: a page copied from a browser puts one between its headlines)
        if in_list and (not line or line.startswith(_BULLETS) or not line.endswith(SENTENCE_ENDINGS)):
            continue
        in_list = False
        if "|" in line and is_furniture(line) and dateline_date(line):  # "Lượt xem: 123 | 06/03/2017": the date stays
            line = " | ".join(part.strip() for part in line.split("|") if not is_furniture(part.strip()))
        if not line or position in menu or position == logo or is_furniture(line, captions=below_headline):
            continue
        line = without_photo_credits(line)
        if not line:
            continue
        kept.append(line)
        # the body: a paragraph under the headline (not the headline, "… : 'Phải làm rõ'", nor a banner over the page,
        # "Chào mừng kỷ niệm … (3/2/1930 - 3/2/2018)")
        in_body = in_body or below_headline and line.endswith(SENTENCE_ENDINGS) and not line.endswith(":")
        below_headline = below_headline or not (_is_short_label(line) or dateline_date(line))
    if kept and not _title_alone(kept):  # the byline glued to the body's end
        kept[-1] = without_closing_byline(kept[-1])
    return "\n".join(kept)


def _title_alone(kept: list[str]) -> bool:
    """Whether the lines kept are an article's title alone, under a date or none: it has no byline glued to it, and a
    title in capitals ends in capitalised syllables after a stop ("Vì Sao Giá Vàng Tăng? Chuyên Gia Lý Giải"). A
    title that runs into its body on one line (VNTC's) is longer than a headline."""
    first = next((position for position, line in enumerate(kept) if not dateline_date(line)), None)
    return first == len(kept) - 1 and len(kept[-1].split()) <= HEADLINE_MAX_WORDS


def _items_under(lines: list[str], position: int) -> bool:
    """Whether the line under `position` is a list's item ("- …"): the article's own list under its heading."""
    return next((line for line in lines[position + 1:] if line), "").startswith(_BULLETS)
