"""An article's title, date and source, found in its first lines (datelines, "Nguồn:" lines)."""
from __future__ import annotations

import datetime as dt
import re

from ..text.furniture import is_furniture


# one separator throughout: "1-3/2004" is a span of months, not 1 March
_DATE_NUMERIC = re.compile(r"(?<!\d)(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)")


_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)


# "Nguồn: TTXVN", "Theo VnExpress", "(Nguồn: baodaklak.vn)", "Nguồn video: YouTube": the name runs to a comma
# (or the bracket)
_SOURCE_LINE = re.compile(r"^\s*(?P<open>\()?\s*(?:nguồn(?:\s+(?:tin|bài|video|clip))?|theo)"
                          r"(?:\s*(?P<colon>:)\s*|\s+)"
                          r"(?P<name>(?(open)[^,;)]+|[^,;]+))", re.I)
_WEB_ADDRESS = re.compile(r"\w\.(?:vn|com|net|org|info)\b", re.I)
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)]*$")


# "Nguồn: baodaklak.vn, ngày 6/1/2016": the original source and its date, and nothing after the date
# ("Theo kế hoạch, ngày 5/3/2020 sẽ khai mạc" is a sentence, not a source line).
_SOURCE_DATE_LINE = re.compile(r"^\s*(nguồn|theo)\s*[:\s]\s*[^,;]+[,;–-]\s*(ngày\s+)?"
                               r"\d{1,2}/\d{1,2}/\d{4}(\s*[,-]?\s*\d{1,2}[:h]\d{2})?\s*[.)]?\s*$", re.I)


_DATELINE_MAX_CHARS = 80  # a dateline is a short line; dates inside prose are not the article's


_DATELINE_WORDS = re.compile(r"thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật|cập nhật|ngày đăng|đăng ngày|ngày|tháng|năm|"
                             r"lúc|gmt|\d+|[^\w\s]", re.IGNORECASE)

# A line that opens with the page's date after a weekday, a hh:mm time or "Cập nhật"/"Ngày đăng" ("Thứ Tư,
# 27/11/2024 Ban Dân vận …", "Cập nhật ngày 05/07/2022 - Tác giả …"), not a sentence that opens with
# "Ngày 22/10/2016, …" or "Từ 1/4/2017, …".
_PAGE_DATE_LABEL = (r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|(?:ngày\s+)?cập\s+nhật|ngày\s+đăng|"
                    r"đăng\s+(?:ngày|lúc)|xuất\s+bản|\d{1,2}:\d{2}(?::\d{2})?)")  # prose: "Lúc 10h30 ngày …"
_DATE_AT_START = re.compile(rf"^[^\w]*(?:{_PAGE_DATE_LABEL}[^\w]*(?:ngày\s+)?)+" + _DATE_NUMERIC.pattern, re.I)
# A date stamped with a time as a page prints it, wherever it stands in the line: a byline ("Thiều Chung (Bộ
# CHQS tỉnh) 18:31, 17/02/2023"); prose writes times "10h30" and puts words between time and date. (A bare
# date opening a line is as often an entry of a timeline: "12/05/1990: vào đội tuyển …".)
_STAMPED_DATE = re.compile(r"(?P<before>\d{1,2}:\d{2}(?::\d{2})?[\s,|-]{1,4})?" + _DATE_NUMERIC.pattern
                           + r"(?P<after>[\s,|-]{1,4}\d{1,2}:\d{2})?")


def _iso_of(match: re.Match) -> str | None:
    return _iso(match["day"], match["month"], match["year"])


def _iso(day: str, month: str, year: str) -> str | None:
    """The ISO form of a day that exists ("31/2/2022" does not), between 1900 and 2100."""
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date.isoformat() if 1900 <= date.year <= 2100 else None


# A date field written year first, as software writes it: "2022-07-05", "2022-07-05T19:13:00+07:00".
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
                       r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?")
_TIMESTAMP = re.compile(r"\d{9,10}(?:\.\d+)?")  # seconds since 1970: 2001 to 2286
_VIETNAM_TIME = dt.timezone(dt.timedelta(hours=7))


def parse_date(value: str) -> str | None:
    """A date field's value as an ISO date, or None when it is not a date: year first ("2022-07-05", with a
    time or not), a Unix timestamp (the day in Vietnam), or a date and nothing else read day first as
    datelines are ("05/07/2022", "5-7-2022", "05.07.2022 19:13", "Thứ Ba, 05/07/2022").

    >>> parse_date("05/07/2022"), parse_date("2022-07-05T19:13:00"), parse_date("32/13/2022")
    ('2022-07-05', '2022-07-05', None)
    """
    value = value.strip()
    iso = _ISO_DATE.fullmatch(value)
    if iso:
        return _iso(iso.group(3), iso.group(2), iso.group(1))
    if _TIMESTAMP.fullmatch(value):
        return dt.datetime.fromtimestamp(float(value), _VIETNAM_TIME).date().isoformat()
    return find_date(value) if _is_dateline(value) else None


def find_date(line: str) -> str | None:
    """The first day-first date in `line` ("05/07/2022", "ngày 6 tháng 1 năm 2016")."""
    for match in _DATE_NUMERIC.finditer(line):
        iso = _iso_of(match)
        if iso:
            return iso
    for match in _DATE_WORDS.finditer(line):
        iso = _iso(*match.groups())
        if iso:
            return iso
    return None


def extract_metadata(text: str) -> dict:
    """Title, date and source as the text states them.

    The title is the first line that is not page furniture or a dateline. The
    date is taken from a source line with the original's date ("Nguồn:
    baodaklak.vn, ngày 6/1/2016"), else from the article's own dateline
    (`_dateline_date`: "Thứ Ba, 05/07/2022, 19:13 [GMT+7]", "21/04/2023
    16:36"), among the first five lines, else the last three, else anywhere.
    Dates inside prose and headlines ("Sáng 5/7, ...", "Nghị quyết ngày
    12/3/2015", "Từ 1/4/2017, ...") are ignored: they name other events.
    Dates are read day first, as Vietnamese writes them.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    source = source_date = None
    short_dates = []  # (position, iso) of datelines
    candidates = []  # (position, line) of lines that may be the title
    for position, line in enumerate(lines):
        iso = _dateline_date(line)
        if iso:
            short_dates.append((position, iso))
        named = _source(line)
        if named:
            source = named
            if iso and _SOURCE_DATE_LINE.match(line):
                source_date = iso
        if not iso and not is_furniture(line, captions=False):
            candidates.append((position, line))
    head = [iso for position, iso in short_dates if position < 5]
    tail = [iso for position, iso in short_dates if position >= len(lines) - 3]
    date = ([source_date] if source_date else head or tail or [iso for _, iso in short_dates] or [None])[0]
    dateline = next((position for position, _ in short_dates if position < 5 and _is_dateline(lines[position])), None)
    return {"title": _title(candidates, dateline)[:300], "date": date, "source": source}


def _source(line: str) -> str | None:
    """The source a short line names ("Nguồn: TTXVN", "(Theo VnExpress)", "Nguồn baodaklak.vn"), or None.

    Without a colon, "Nguồn" and "Theo" open ordinary text too ("Nguồn gốc của …", "Nguồn tin cho
    biết", "Theo chân …", "Theo Bộ Y tế, số ca mắc …"): there the name must be a name (a capital letter or a
    web address), and the line not a sentence.
    """
    match = _SOURCE_LINE.match(line) if len(line) <= _DATELINE_MAX_CHARS else None
    if not match:
        return None
    name = match.group("name").strip()
    if not match.group("colon"):
        if not (name[:1].isupper() or name[:1].isdigit() or _WEB_ADDRESS.search(name)):
            return None
        if _SENTENCE_END.search(line.rstrip()) and not _SOURCE_DATE_LINE.match(line):
            return None
    return name or None


def _dateline_date(line: str) -> str | None:
    """The date of a short line that states when the page was published: a dateline (`_is_dateline`), a
    line that opens with its date after a weekday or "Cập nhật" ("Cập nhật ngày 05/07/2022 - Tác giả …"),
    a date stamped with a time ("Thiều Chung 18:31, 17/02/2023"), or a source line with the original's
    date ("Nguồn: baodaklak.vn, ngày 6/1/2016"). A sentence or headline that holds a date ("Từ 1/4/2017,
    …", "Ông A về hưu từ ngày 3/5/2015.") names another event: None."""
    if len(line) > _DATELINE_MAX_CHARS:
        return None
    for part in line.split("|"):
        if _is_date_only(part):
            return find_date(part)
    start = _DATE_AT_START.match(line)
    if start:
        return _iso_of(start)
    for stamped in _STAMPED_DATE.finditer(line):
        if stamped["before"] or stamped["after"]:
            return _iso_of(stamped)
    return find_date(line) if _SOURCE_DATE_LINE.match(line) else None


def _is_date_only(text: str) -> bool:
    return bool(find_date(text)) and len(_DATELINE_WORDS.sub(" ", text).split()) <= 1


def _is_dateline(line: str) -> bool:
    """A line that is a date and nothing else ("Thứ Bảy, 09/07/2022, 10:15 [GMT+7]", "Cập nhật: 18/07/2024"),
    or beside other page data ("Ngày đăng: 06/01/2023 | Lượt xem: 1.284"), not a sentence that holds one."""
    return any(_is_date_only(part) for part in line.split("|"))


def _title(candidates: list[tuple[int, str]], dateline: int | None) -> str:
    """The first line that is not furniture, unless a dateline near the top says otherwise. A page copied
    from a site can open with the site's name or section ("Quốc phòng - An ninh") before the headline,
    and the headline sits next to the dateline: directly above it, or below it when only short lines
    come before."""
    if dateline is not None:
        above = [line for position, line in candidates if position < dateline]
        if above and candidates[len(above) - 1][0] == dateline - 1 and _looks_like_headline(above[-1]):
            return above[-1]
        below = [line for position, line in candidates if position > dateline]
        if below and all(len(line.split()) < 4 for line in above):
            return below[0]
    return candidates[0][1] if candidates else ""


def _looks_like_headline(line: str) -> bool:
    return 4 <= len(line.split()) <= 40 and not line.endswith(".")


def period_of(date: str | None, period: str = "month") -> str | None:
    """"2017-03-14" -> "2017-03" (month), "2017-Q1" (quarter) or "2017" (year); None stays None.

    >>> period_of("2017-03-14"), period_of("2017-03-14", "quarter"), period_of(None)
    ('2017-03', '2017-Q1', None)
    """
    if not date or not re.match(r"^\d{4}-\d{2}", date):
        return None
    year, month = date[:4], int(date[5:7])
    return {"month": date[:7], "quarter": f"{year}-Q{(month - 1) // 3 + 1}", "year": year}[period]
