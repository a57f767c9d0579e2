"""The event an article reports: the meeting it names first, who held it, which period it reviewed.

LABELS.md decides an article's type by its event ("who met, and which period of work they reviewed"), so
the classifier and the people who check it both want that event, not a bag of cue words. `find_event`
reads the title, then the lead, then the early body, and returns the first sentence that names a meeting
(a conference, session, briefing, review), with what the sentence says of it:

>>> event = find_event("Phát huy sức mạnh tổng hợp", "Ngày 5/7, Ban Dân vận Tỉnh ủy tổ chức Hội nghị sơ kết "
...                    "công tác dân vận 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2022.")
>>> event.cue()
'event: Hội nghị sơ kết công tác dân vận 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2022 (lead) · period: half_year · next: half_year · held by: Ban Dân vận Tỉnh ủy'
>>> find_event("Giá xăng giảm", "Giá xăng giảm mạnh từ chiều nay.") is None
True

It is a reading aid and a source of features (`Event.features`), not a classifier: the rules
(`rules.py`) and the model decide the label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from ..text.normalise import normalize
from ..text.sentences import INNER_DOT, SENTENCE_OR_LINE_BREAK, mask_inner_dots, unmask_inner_dots
from .vocabulary import EVENT_COMMITTEE, EVENT_MEETING, spelt_out

LEAD_CHARS = 600  # as the rules: the title and the lead say what a report is about
BODY_CHARS = 2500  # a title-silent report may name its meeting only further down (seed 002)
PHRASE_WORDS = 24  # how much of the sentence the cue quotes

_SENTENCES = SENTENCE_OR_LINE_BREAK
_MEETING = re.compile(EVENT_MEETING, re.IGNORECASE)
_COMMITTEE = re.compile(EVENT_COMMITTEE, re.IGNORECASE)
# The periods a meeting may review: the one the sentence names first after its meeting word is the meeting's
# ("sơ kết 6 tháng đầu năm 2019, riêng quý II …" reviewed six months; the quarter is a figure given there); where two
# begin at one place, the first of this list.
_PERIODS = [
    ("nine_months", r"\b(9|chín) tháng\b(?! (giêng|chạp|\d))"),
    # (glued too: "ATGTquý 2"; not a deadline, "bàn giao mặt bằng trước quý II", hunt 41 AA, as the rules read it)
    ("quarter", r"(?<!trước )(?<!đến )(?<!tới )(?<!sang )quý\s*(i{1,3}|iv|1|2|3|4)\b|\b(3|ba) tháng đầu năm\b"),
    ("half_year", r"\b(6|sáu) tháng\b|nửa đầu năm|nửa cuối năm|\bgiữa năm\b"),
    ("semester", r"\bhọc kỳ\b"),  # "học kì" is respelt by normalize
    ("school_year", r"\bnăm học\b"),
    # (not "3 năm nay", for three years now; nor the month a meeting is held in: "tổ chức vào tháng 5", "vào cuối tháng
    # 9 tới"; nor "cuối năm nay", when something else is to be)
    ("multi_year", r"(?<!quý )(?<!tháng )(?<!kỳ )\b([2-9]|\d{2,3}) năm\b(?! nay)|20\d\d\s*[-–]\s*20\d\d|nhiệm kỳ"),
    # (nor a deadline: "hoàn thành đến tháng 12")
    ("month", r"(?<!vào )(?<!vào đầu )(?<!vào giữa )(?<!vào cuối )(?<!đến )(?<!tới )(?<!trước )"
              r"\btháng (\d{1,2}|giêng|chạp)\b(?!\s*[/-])"),
    ("months", r"\b\d{1,2} tháng (đầu|cuối) năm\b"),  # "5 tháng đầu năm 2017": neither a half nor the year
    ("year", r"(?<!tháng đầu )(?<!tháng cuối )\bnăm (20\d\d|19\d\d|qua)\b(?!\s*[-–]\s*(19|20)?\d\d)|"
             r"\bcuối năm\b(?! học| nay)"),
]
_PERIOD_PATTERNS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _PERIODS]
# (a month's tasks too: "giao ban tháng 10, triển khai nhiệm vụ tháng 11 năm 2022" set November's, not the year's; not
# a deadline, "đến tháng 12")
_NEXT_TASKS = re.compile(r"(nhiệm vụ|phương hướng|kế hoạch)[^.;\n]{0,60}?"
                         # (the last quarter as its months: "3 tháng cuối năm", "quý cuối năm", hunt 41 AB)
                         r"(quý\s*(i{1,3}|iv|\d)\b|quý cuối năm|(3|ba|6|sáu) tháng cuối năm|học kỳ (ii|2)|năm học|"
                         r"(?<!đến )(?<!tới )(?<!trước )tháng \d{1,2}\b(?!\s*[/-])|năm 20\d\d|"
                         r"những tháng cuối năm)", re.IGNORECASE)
_NEXT_NAMES = (("quý", "quarter"), ("3 tháng cuối năm", "quarter"), ("ba tháng cuối năm", "quarter"),
               ("tháng cuối năm", "half_year"), ("học kỳ", "semester"), ("năm học", "school_year"),
               ("những tháng", "quarter"), ("năm", "year"), ("tháng", "month"))
# Who held it: a capitalised body before "tổ chức"/"họp"/"sơ kết"…, or the committee a meeting is "of".
# A name ends at a comma ("Theo Bộ Ngoại giao, hôm nay …"), but for "phòng, chống".
_HOLDER = re.compile(r"((?:(?:Tỉnh|Thành|Huyện|Quận) [Đđ]oàn|"
                     r"Văn phòng|Ban|Ủy ban|UBND|HĐND|Sở|Hội|Đoàn|Công an|Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy|Đảng ủy|"
                     r"Bộ|Ngân hàng|Cục|Chi cục|Liên đoàn|Mặt trận|MTTQ|Tòa án|Viện|Trường|Phòng|Tổng công ty|Công ty|"
                     r"Khối|Bảo hiểm|Thường trực)"
                     # (a name holds no verb nor "trước đó": "Bộ Công Thương đã có cuộc họp" was held by "Bộ Công Thương
                     # đã có cuộc")
                     r"(?: (?!(?:tại|vào|trong|ngày|sáng|chiều|tối|đã|vừa|sẽ|cũng|đang|có|cuộc|buổi|chủ|trước|nhóm)\b)"
                     r"[^\s.;:,]+(?:(?<=phòng),(?= chống\b))?){0,14}?) "
                     r"(?:(?:đã|vừa|sẽ|cũng|chính thức|trước đó) )*"
                     r"(?:tổ chức|họp|sơ kết|tổng kết|giao ban|trực báo|nhóm họp|có (?:cuộc |buổi )?họp)\b")
# (a committee's name goes on through "phòng, chống" and stops at the words after it: "… tại phiên họp", "… ngày 10/5",
# "… tháng 4/2024")
_COMMITTEE_NAME = re.compile(r"\b((?:Ban Chỉ đạo|Ủy ban Chỉ đạo|BCĐ|Ban Chỉ huy)"
                             r"(?:(?<=phòng), chống\b| (?!(?:tại|với|vào|trong|ngày|tháng|quý|sáng|chiều|tối|đã|vừa|sẽ|"
                             r"và|họp|tổ chức|về)\b)[^\s,.;:]+){0,12})")


PATTERNS = ([_SENTENCES, _MEETING, _COMMITTEE, _NEXT_TASKS, _HOLDER, _COMMITTEE_NAME, INNER_DOT]
            + [p for _, p in _PERIOD_PATTERNS])


@dataclass(frozen=True)
class Event:
    phrase: str  # the meeting as the text names it
    where: str  # "title", "lead" or "body"
    kind: str  # the meeting word, lower case ("hội nghị", "giao ban", "tổng kết" …)
    # what it reviewed: quarter, half_year, year, nine_months, school_year, semester, month, months, multi_year
    period: str | None
    next_tasks: str | None  # the period whose tasks it set, when it says
    holder: str | None  # who held it, when the sentence says
    committee: bool  # a steering committee's meeting, by its words

    def cue(self) -> str:
        parts = [f"event: {self.phrase} ({self.where})"]
        if self.period:
            parts.append(f"period: {self.period}")
        if self.next_tasks:
            parts.append(f"next: {self.next_tasks}")
        if self.holder:
            parts.append(f"held by: {self.holder}")
        return " · ".join(parts)

    def features(self) -> list[str]:
        """Tokens for the model: where the event is, its kind, its period, the next tasks, a committee.

        An event found only in the body gets tokens of its own ("…_at_body"): a meeting named deep in a
        long article is weaker evidence than one in the title or lead, and a model must not learn the
        one from the other (titles and leads, as users often have them, never carry body tokens)."""
        period = self.period or "none"
        tokens = [f"__ev_kind_{self.kind.replace(' ', '_')}", f"__ev_period_{period}"]
        if self.next_tasks:
            tokens += [f"__ev_next_{self.next_tasks}", f"__ev_{period}_then_{self.next_tasks}"]
        if self.committee:
            tokens.append("__ev_committee")
        if self.where == "body":
            return ["__ev_at_body"] + [f"{token}_at_body" for token in tokens]
        return [f"__ev_at_{self.where}", f"__ev_period_{period}_at_{self.where}"] + tokens


NO_EVENT_FEATURES = ["__ev_none"]


def _title_and_text(title: str, text: str) -> tuple[str, str]:
    """Normalised title, and the text after it when the text repeats it; dots inside words masked, since the
    windows of `_NEXT_TASKS` and `EVENT_MEETING` stop at every dot ("nhiệm vụ của TP.HCM năm 2016")."""
    text = mask_inner_dots(spelt_out(normalize(text)))
    title = mask_inner_dots(spelt_out(normalize(title)).strip())
    if title and text.lstrip().startswith(title):
        text = text.lstrip()[len(title):]
    return title, text


def sentences(title: str, text: str) -> list[tuple[str, str]]:
    """(where, sentence) for the title, the lead and the early body, in reading order, as the reader reads
    them (dots inside words masked)."""
    return _sentences(*_title_and_text(title, text))


def _sentences(title: str, text: str) -> list[tuple[str, str]]:
    found = [("title", title)] if title else []
    position = 0
    for sentence in _SENTENCES.split(text[:BODY_CHARS]):
        start = text.find(sentence, position)
        position = max(position, start)
        if sentence.strip():
            found.append(("lead" if start < LEAD_CHARS else "body", sentence.strip()))
    return found


def find_event(title: str, text: str) -> Event | None:
    """The first meeting the title, lead or early body names (see the module's doc), or None."""
    title, text = _title_and_text(title, text)
    # Most articles name no meeting: one search of the whole stretch says so (a match in a sentence is a
    # match in the stretch that holds it), where splitting it and searching each sentence cost ten times more
    if not _MEETING.search(title) and not _MEETING.search(text, 0, BODY_CHARS):
        return None
    return event_of(_sentences(title, text))


def event_of(sentences: Iterable[tuple[str, str]]) -> Event | None:
    """The event of an article's (where, sentence) pairs in reading order (`sentences`): the first that names a
    meeting, with the lead's period where the title's names none."""
    meetings = ((sentence, match, where) for where, sentence in sentences if (match := _MEETING.search(sentence)))
    first = next(meetings, None)
    if first is None:
        return None
    event = _event(*first)
    if event.where == "title" and event.period is None:
        # "Hội đồng Tư vấn thuế tỉnh họp" over a lead's "Tại phiên họp quý III/2019, …": the lead names the
        # period the title leaves out (LABELS.md: the lead names the quarter's review as the event)
        lead = next((found for found in meetings if found[2] == "lead"), None)
        if lead:
            after = lead[0][lead[1].start():]
            event = replace(event, period=_period(after), next_tasks=event.next_tasks or _next_tasks(after))
    return event


def _period(after: str) -> str | None:
    """The period a meeting reviewed: the first one named after its meeting word (`_PERIODS`)."""
    named = [(found.start(), order, name) for order, (name, pattern) in enumerate(_PERIOD_PATTERNS)
             if (found := pattern.search(after))]
    return min(named)[2] if named else None


def _next_tasks(after: str) -> str | None:
    """The period whose tasks a meeting set, when its sentence says."""
    next_match = _NEXT_TASKS.search(after)
    if not next_match:
        return None
    named = next_match.group(2).lower()
    return next(name for key, name in _NEXT_NAMES if key in named)


def _event(sentence: str, match: re.Match, where: str) -> Event:
    after = sentence[match.start():]
    phrase = " ".join(after.split()[:PHRASE_WORDS]).rstrip(",;:.")
    period, next_tasks = _period(after), _next_tasks(after)
    holder = _holder(sentence, match)
    # "Hội nghị Ban Chỉ đạo …", "Ban Chỉ đạo … họp khẩn": the committee stands next to its meeting word.
    committee = bool(_COMMITTEE.search(sentence[max(0, match.start() - 60):match.end() + 60])
                     or (holder and _COMMITTEE.search(holder)))
    return Event(unmask_inner_dots(phrase), where, match.group(0).lower(), period, next_tasks,
                 holder and unmask_inner_dots(holder), committee)


# What a holder may hold that is no meeting of the reader's: "Văn phòng Chủ tịch nước tổ chức họp báo công bố các luật
# đã được thông qua tại kỳ họp thứ 7" names the host of a press conference, not of the session
_OTHER_EVENT = re.compile(r"\s*(họp báo|họp mặt|họp dân|lễ|buổi lễ)\b", re.IGNORECASE)


def _holder(sentence: str, match: re.Match) -> str | None:
    held = _HOLDER.search(sentence[:match.end() + 12])
    # "Tỉnh ủy dự hội nghị sơ kết": a guest, not the holder
    if held and not _MEETING.search(held.group(1)) and not _OTHER_EVENT.match(sentence, held.end()):
        return held.group(1)
    end = match.end() + 80  # (a committee named near its meeting word, not one sentence's length away)
    named = _COMMITTEE_NAME.search(sentence, match.end(), end)
    if not named:
        return None
    name = named.group(1)
    if named.end() == end and sentence[end:end + 1].isalnum():  # a word the window cut: "… mục tiêu qu"
        name = name.rsplit(" ", 1)[0]
    return name.rstrip(",;:.")


def event_features(title: str, text: str) -> list[str]:
    """`Event.features` of the article's event, or `NO_EVENT_FEATURES`."""
    event = find_event(title, text)
    return event.features() if event else NO_EVENT_FEATURES
