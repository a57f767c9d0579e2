"""Dates as Vietnamese pages and records write them: the one place that knows their shapes.

Datelines, source lines, date fields and the furniture pass (which must tell a dateline from a headline)
all read dates through this module, so a shape learnt here is learnt everywhere.
"""
from __future__ import annotations

import datetime as dt
import re

# The shapes, one pattern. Day first, as Vietnamese writes dates, with one separator throughout ("1-3/2004" is
# a span of months, not 1 March); year first, as software prints them ("2018-02-05"); or in words. A year of two
# digits ("03/12/24", "3-12-24": Excel's short date, many sites' datelines) only with "/" or "-": "1.2.10" is a
# section's number far more often than a date.
_DAY_FIRST = r"(?P<day>\d{1,2})(?:(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})|(?P<s_sep>[/-])(?P<s_month>\d{1,2})(?P=s_sep)(?P<s_year>\d{2}))"
_YEAR_FIRST = r"(?P<y_year>\d{4})(?P<y_sep>[/.-])(?P<y_month>\d{1,2})(?P=y_sep)(?P<y_day>\d{1,2})"
# In words, as writers and pages print them: "ngày 5 tháng 7 năm 2022", "5 tháng 7, 2022" (Facebook, many sites),
# "5 Tháng Bảy, 2022" (WordPress' Vietnamese month names), "5 thg 7, 2022" (Google's short form).
MONTH_NAMES = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
               "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_MONTH_NAME = "|".join(name.replace(" ", r"\s+") for name in sorted(MONTH_NAMES, key=len, reverse=True))
_IN_WORDS = (rf"(?<!\d)(?:ngày\s+)?(?P<w_day>\d{{1,2}})\s+(?:tháng|thg)\s+(?P<w_month>\d{{1,2}}|{_MONTH_NAME})"
             r"(?:\s*,\s*|\s+năm\s+|\s+)(?P<w_year>\d{4})(?!\d)")
DATE = re.compile(rf"(?<!\d)(?:{_DAY_FIRST}|{_YEAR_FIRST})(?!\d)|{_IN_WORDS}", re.IGNORECASE)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_DIGIT = re.compile(r"\d")

VIETNAM_TIME = dt.timezone(dt.timedelta(hours=7))


def vietnam_day(instant: dt.datetime) -> str | None:
    """The ISO day an instant falls on in Vietnam (UTC+7): a timestamp, or a time written with its offset,
    is dated where the articles were published; None outside the years read, as `iso_date` says."""
    day = instant.astimezone(VIETNAM_TIME).date()
    return iso_date(day.day, day.month, day.year)


# The years a date is read in, everywhere (datelines, source lines, date fields, .xlsx date cells). A date is
# when an article was published: a year outside these is a number misread as a date (a timeline's "12/05/1890:
# …" in the text) or a placeholder, not a publication day, and one stray 1885 would stretch every chart over
# centuries. An article about 1885 is published now, with today's date.
# Nor is a year after the next one: no article is published in the future, so "05/07/2071" is a typo of 2017
# or a placeholder (a year's slack for clocks and for pages dated ahead, "Thứ Hai, 1/1/2027" seen on 31/12).
FIRST_YEAR, LAST_YEAR = 1900, dt.date.today().year + 1


# The days software writes where it has no date: the Unix epoch (a timestamp 0, shown by many CMS pages as "Thứ Năm,
# 01/01/1970, 07:00") and SQL Server's and Excel's first day (1900-01-01). No article was published on them: read as
# its date, one would stretch every chart over half a century.
PLACEHOLDER_DAYS = frozenset({"1970-01-01", "1900-01-01"})


def iso_date(day: str | int, month: str | int, year: str | int) -> str | None:
    """The ISO form of a day that exists ("31/2/2022" does not), between `FIRST_YEAR` and `LAST_YEAR`, and is no
    placeholder (`PLACEHOLDER_DAYS`)."""
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    iso = date.isoformat()
    return iso if FIRST_YEAR <= date.year <= LAST_YEAR and iso not in PLACEHOLDER_DAYS else None


def iso_of(match: re.Match) -> str | None:
    """The ISO date a match of `DATE` (or of a pattern built on it) names, or None if that day does not exist.

    Day first, as Vietnamese writes it; month first only where day first is impossible because the second number
    is no month ("03/25/2024", as Excel in an English locale exports it): the one reading there is. "03/04/2024"
    stays 3 April.

    >>> [iso_of(DATE.search(value)) for value in ("03/04/2024", "03/25/2024", "3/25/24", "03/12/24", "31/04/2024")]
    ['2024-04-03', '2024-03-25', '2024-03-25', '2024-12-03', None]
    """
    if match["s_year"]:  # a year of two digits
        return day_first_iso(match["day"], match["s_month"], full_year(match["s_year"]))
    if match["year"]:
        return day_first_iso(match["day"], match["month"], match["year"])
    for prefix in ("y_", "w_"):
        if match[prefix + "year"]:
            return iso_date(match[prefix + "day"], _month_number(match[prefix + "month"]), match[prefix + "year"])
    return None


def day_first_iso(first: str | int, second: str | int, year: str | int) -> str | None:
    """The ISO date of "first/second/year", read day first; month first only when the second is no month (13 to
    31) and so day first is impossible: a US date ("3/25/2024"), never a guess between two real days."""
    return iso_date(first, second, year) or (iso_date(second, first, year) if int(second) > 12 else None)


def full_year(year: str | int) -> int:
    """A year of two digits ("24", as Excel's short dates and some datelines write it) in this century, unless
    that is still to come (`LAST_YEAR`): then the last ("98" is 1998)."""
    year = int(year)
    if year >= 100:
        return year
    return year + 2000 if 2000 + year <= LAST_YEAR else year + 1900


def _month_number(month: str) -> str | int:
    """"7" as it is, "Bảy" (a month in words) as 7."""
    return month if month.isdigit() else MONTH_NAMES[" ".join(month.lower().split())]


def find_date(line: str) -> str | None:
    """The first date in `line` that exists: "05/07/2022", "2022-07-05", "ngày 6 tháng 1 năm 2016"."""
    for match in DATE.finditer(line):
        iso = iso_of(match)
        if iso:
            return iso
    return None


# A time's zone as software writes it after the time: "Z", "+07:00", "+0700", "+07" (PostgreSQL's timestamptz), "UTC",
# "GMT+7", "GMT+0000 (Coordinated Universal Time)" (JavaScript's Date), "ICT" (Indochina Time, as Java and `date`
# write it on a machine set to Vietnam). Left out, the day of "2024-03-25 20:15:00+00" was the 25th as written, though
# it was the 26th in Vietnam when the article appeared.
ZONE = (r"(?P<zone>Z|(?:UTC|GMT)?\s?[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|ICT)(?:\s*\([A-Za-z ]+\)|\[[\w/+-]+\])?")
_ZONE_PARTS = re.compile(r"(?:utc|gmt)?\s?(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?", re.IGNORECASE)
_NAMED_ZONES = {"z": 0, "utc": 0, "gmt": 0, "ict": 7}


def zoned_day(day: str | None, time: str, zone: str | None, half: str | None = None) -> str | None:
    """The ISO day in Vietnam (`vietnam_day`) of `day` ("2018-02-05") at `time` ("23:30", "11:30:00.5", with `half`
    "PM" on a 12-hour clock) in `zone` (`ZONE`); `day` as written without a zone, or when the time is no time
    ("24:00", a leap second).

    >>> zoned_day("2024-03-25", "20:15:00", "+00"), zoned_day("2024-03-25", "8:15", "UTC", "PM")
    ('2024-03-26', '2024-03-26')
    >>> zoned_day("2024-03-25", "20:15", None), zoned_day("2024-03-25", "23:15", "ICT")
    ('2024-03-25', '2024-03-25')
    """
    if not day or not zone:
        return day
    named = _NAMED_ZONES.get(zone.strip().lower())
    parts = _ZONE_PARTS.fullmatch(zone.strip())
    if named is None and not parts:
        return day
    offset = (dt.timedelta(hours=named) if named is not None else
              (-1 if parts["sign"] == "-" else 1) * dt.timedelta(hours=int(parts["hours"]),
                                                                  minutes=int(parts["minutes"] or 0)))
    hours, minutes, seconds = (time.split(":") + ["0"])[:3]
    hours = int(hours) % 12 + (12 if half.lower().startswith("p") else 0) if half else int(hours)
    try:
        moment = dt.datetime.fromisoformat(day).replace(hour=hours, minute=int(minutes), second=int(float(seconds)),
                                                        tzinfo=dt.timezone(offset))
    except ValueError:  # "24:00", a leap second ":60", a mistyped hour, an offset of a day: the day as written
        return day
    return vietnam_day(moment)


# A date field with its month in English, as English-locale Excel and scrapers of Vietnam's English-language sites
# write it: "5-Jul-2022" (Excel's "5-Jul-22" too), "05 Jul 2022", "5th July 2022" (British), "July 5, 2022", "Tuesday, July 5, 2022 | 07:13 pm GMT+7";
# JavaScript's Date ("Mon Mar 25 2024 20:15:00 GMT+0000 (Coordinated Universal Time)") and Java's or `date`'s ("Mon
# Mar 25 20:15:00 UTC 2024"). Its month is named, so the order is plain; a field only (a dateline in English is
# another language's page). With a time and its zone, the day is Vietnam's (`zoned_day`).
_ENGLISH_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ENGLISH_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                  r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_CLOCK = rf"(?P<time>{_TIME})(?:\s*(?P<half>[ap]\.?m\.?))?"
_ENGLISH_DATE = re.compile(
    rf"(?:[a-z]+,?\s*)?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?(?P<month>{_ENGLISH_MONTH})[\s,-]+(?P<year>\d{{4}}|\d{{2}})"
    rf"|(?P<n_month>{_ENGLISH_MONTH})\s+(?P<n_day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<n_year>\d{{4}}))"
    rf"(?:[\s,|-]+{_CLOCK}(?:\s*{ZONE}\s*$)?.*)?"
    rf"|[a-z]{{3}}\s+(?P<j_month>{_ENGLISH_MONTH})\s+(?P<j_day>\d{{1,2}})\s+{_CLOCK.replace('?P<', '?P<j_')}"
    rf"\s+{ZONE.replace('?P<', '?P<j_')}\s+(?P<j_year>\d{{4}})", re.IGNORECASE)


def english_date(value: str) -> str | None:
    """The ISO date of a field that names its month in English ("July 5, 2022", "5-Jul-2022"), or None."""
    written = _ENGLISH_DATE.fullmatch(value.strip())
    if not written:
        return None
    prefix = "j_" if written["j_year"] else "" if written["day"] else "n_"
    month = _ENGLISH_MONTHS.index(written[prefix + "month"][:3].lower()) + 1
    year = full_year(written[prefix + "year"])  # Excel's "d-mmm-yy" ("5-Jul-22") too
    clock = "j_" if prefix == "j_" else ""
    return zoned_day(iso_date(written[prefix + "day"], month, year), written[clock + "time"], written[clock + "zone"],
                     written[clock + "half"])


# ------------------------------------------------------------------ datelines

DATELINE_MAX_CHARS = 80  # a dateline is a short line; dates inside prose are not the article's

# The words of a dateline's label ("Ngày xuất bản:", "Thời gian đăng:"): "đăng ký" (registration) is not one. The
# English ones label the date a scraper or a reader tool writes over the text ("Published Time: 2023-01-05T08:30:00+07:00")
_DATELINE_WORDS = re.compile(rf"thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật|cập nhật|ngày đăng|đăng ngày|xuất bản|thời gian|"
                             r"published|posted|updated|date|time|(?<=\d)t(?=\d)|(?<=\d)z\b|"  # (ISO's "05T08:30Z")
                             r"(?<=\d )giờ\b|(?<=\d )phút\b|"  # a time in words: "14 giờ 25 phút, ngày 06/03/2017"
                             rf"đăng(?! ký)|ngày|tháng|thg|năm|lúc|gmt|\d+|[^\w\s]|(?<=tháng )(?:{_MONTH_NAME})\b",
                             re.IGNORECASE)

# A line that opens with the page's date after a weekday, a hh:mm time or "Cập nhật"/"Ngày đăng" ("Thứ Tư,
# 27/11/2024 Ban Dân vận …", "Cập nhật ngày 05/07/2022 - Tác giả …"), not a sentence that opens with
# "Ngày 22/10/2016, …" or "Từ 1/4/2017, …".
_PAGE_DATE_LABEL = (r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|(?:ngày\s+)?cập\s+nhật|ngày\s+đăng|"
                    rf"đăng\s+(?:ngày|lúc)|xuất\s+bản|{_TIME})")  # prose: "Lúc 10h30 ngày …"
_DATE_AT_START = re.compile(rf"^[^\w]*(?:{_PAGE_DATE_LABEL}[^\w]*(?:ngày\s+)?)+(?:{DATE.pattern})", re.IGNORECASE)
# A date stamped with a time as a page prints it, wherever it stands in the line: a byline ("Thiều Chung (Bộ
# CHQS tỉnh) 18:31, 17/02/2023"); prose writes times "10h30" and puts words between time and date. (A bare
# date opening a line is as often an entry of a timeline: "12/05/1990: vào đội tuyển …".)
_STAMPED_DATE = re.compile(rf"(?P<before>{_TIME}[\s,|-]{{1,4}})?(?:{DATE.pattern})(?P<after>[\s,|-]{{1,4}}{_TIME})?",
                           re.IGNORECASE)

# A byline that ends with the page's date, as CMS templates print author and date on one line: "Tác giả: Hà Linh -
# Ngày đăng: 25/03/2024", "Bài, ảnh: Hà Linh - 06/03/2017", "Đăng bởi: admin - 25/03/2024", "Người viết: Hà Linh |
# 25/03/2024 08:15", "Posted by admin on 25/03/2024"; or a name then the date's label: "Hà Linh - Cập nhật:
# 25/03/2024". The date closes the line, and the label takes its colon where a sentence may open with its words ("Tác
# giả cho biết, ngày 25/03/2024 …").
_BYLINE_DATE = re.compile(
    rf"^\W*(?:(?:tác\s+giả|người\s+viết|người\s+đăng|biên\s+tập|(?:bài|tin|ảnh)(?:\s*(?:,|và|-|&)\s*(?:bài|ảnh))?)\s*:|"
    rf"(?:đăng\s+bởi|posted\s+by|written\s+by|by)\b\s*:?)"
    rf"[^|:\d]{{1,40}}?(?:\s*[-|,–]\s*(?:(?:ngày\s+đăng|(?:ngày\s+)?cập\s+nhật|đăng\s+ngày|ngày|xuất\s+bản)\s*:?\s*)?"
    rf"|\s+(?:vào|lúc|ngày|on)\s+)(?:{DATE.pattern})(?:[\s,|-]{{1,4}}{_TIME})?\W*$", re.IGNORECASE)
_LABELLED_DATE_AT_END = re.compile(
    rf"\s[-|–]\s*(?:ngày\s+đăng|(?:ngày\s+)?cập\s+nhật|đăng\s+ngày|xuất\s+bản)\s*:?\s*(?:{DATE.pattern})"
    rf"(?:[\s,|-]{{1,4}}{_TIME})?\W*$", re.IGNORECASE)


# A date that is not the article's publication: the day a page was printed, saved or scraped ("Ngày in: 27/11/2024" on
# a site's print view, "Ngày truy cập: …" in a reference, "Crawled at: …" over a scraper's file). Read as the article's,
# every page printed or scraped one day was dated that day.
NOT_PUBLISHED = re.compile(r"^\W*(?:ngày\s+in|in\s+ngày|in\s+lúc|ngày\s+truy\s+cập|truy\s+cập(?:\s+(?:ngày|lúc))?|"
                           r"ngày\s+thu\s+thập|thu\s+thập(?:\s+(?:ngày|lúc))?|ngày\s+tải(?:\s+về)?|ngày\s+lưu|"
                           r"accessed|retrieved|printed|downloaded|crawled|scraped|fetched|saved)(?:\s+(?:on|at))?\s*:?\s*\d",
                           re.IGNORECASE)


# An official document's place and date, under its letterhead ("Buôn Ma Thuột, ngày 5 tháng 1 năm 2016", "Hà Nội, ngày
# 05 tháng 01 năm 2016"), also after its number, as the letterhead's row is copied ("Số 12-BC/BDVTU  Buôn Ma Thuột, …"):
# the day it was issued. Its place's words are capitalised, and nothing follows the year
_PLACE_DATE = re.compile(rf"(?:Số\s*:?\s*\S+\s+)?(?P<place>\w[\w.]*(?:[ -]\w+){{0,5}}),\s+(?:{_IN_WORDS})\W*$",
                         re.IGNORECASE)


def place_date(line: str) -> str | None:
    """The date of an official document's line of its place and date (`_PLACE_DATE`), or None."""
    found = _PLACE_DATE.match(line)
    if not found or not all(word[0].isupper() for word in re.split(r"[ -]", found["place"])):
        return None
    return iso_date(found["w_day"], _month_number(found["w_month"]), found["w_year"])


def dateline_date(line: str) -> str | None:
    """The date of a short line that states when the page was published: a dateline (`is_dateline`), a line
    that opens with its date after a weekday or "Cập nhật" ("Cập nhật ngày 05/07/2022 - Tác giả …"), or a
    date stamped with a time ("Thiều Chung 18:31, 17/02/2023"), or a byline closed by it ("Đăng bởi: admin -
    25/03/2024", "Hà Linh - Cập nhật: 25/03/2024"). A sentence or headline that holds a date
    ("Từ 1/4/2017, …", "Ông A về hưu từ ngày 3/5/2015.") names another event: None."""
    if len(line) > DATELINE_MAX_CHARS or not _DIGIT.search(line) or NOT_PUBLISHED.match(line):  # (most lines stop at
        return None  # the digits: every shape has some)
    for part in line.split("|"):
        if _is_date_only(part):
            instant = _ISO_INSTANT.search(part)  # "Published Time: 2024-03-25T20:15:00+00:00": Vietnam's day
            if instant:
                return zoned_day(iso_date(instant["y_day"], instant["y_month"], instant["y_year"]), instant["i_time"],
                                 instant["zone"])
            return find_date(part)
    start = _DATE_AT_START.match(line)
    if start:
        return iso_of(start)
    for stamped in _STAMPED_DATE.finditer(line):
        if stamped["before"] or stamped["after"]:
            return iso_of(stamped)
    signed = _BYLINE_DATE.match(line) or _LABELLED_DATE_AT_END.search(line)
    return iso_of(signed) if signed else place_date(line)


# A moment as software writes it in a dateline, year first with its time and zone, as reader tools label it ("Published
# Time: 2024-03-25T20:15:00+00:00"): dated on Vietnam's clock, as such a date field is
_ISO_INSTANT = re.compile(rf"(?<!\d){_YEAR_FIRST}[T ](?P<i_time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)(?:\.\d+)?\s*{ZONE}",
                          re.IGNORECASE)


def _is_date_only(text: str) -> bool:
    return bool(find_date(text)) and len(_DATELINE_WORDS.sub(" ", text).split()) <= 1


# A byline's label: a line that opens so is its writer's, not a headline ("Tác giả: Hà Linh | 25/03/2024")
_BYLINE_LABEL = re.compile(r"^\W*(?:tác\s+giả|người\s+viết|người\s+đăng|đăng\s+bởi|biên\s+tập|bài\s+và\s+ảnh|bài|ảnh|tin|"
                           r"posted\s+by|written\s+by|by)\b", re.IGNORECASE)


def headline_words(text: str) -> int:
    """How many words `text` holds besides a dateline's (weekdays, "Cập nhật", times, numbers): 0 for a byline, whose
    words are a writer's name ("Tác giả: Hà Linh")."""
    return 0 if _BYLINE_LABEL.match(text) else len(_DATELINE_WORDS.sub(" ", text).split())


# Who posted the page, beside its date on a school's or a district's site ("Đăng ngày: 27/05/2023 - Người đăng: admin",
# "Người đăng: admin - 27/05/2023"): page data, as a view count is (hunt 40 R: the headline over such a line was passed
# over for the site's name)
_POSTED_BY = re.compile(r"(?:^|(?<=\s)[-–|]\s*)(?:người\s+đăng|đăng\s+bởi|người\s+viết)\s*:\s*[^|–-]{1,40}?"
                        r"(?=\s*[-–|]|\s*$)", re.IGNORECASE)


def is_dateline(line: str) -> bool:
    """A line that is a date and nothing else ("Thứ Bảy, 09/07/2022, 10:15 [GMT+7]", "Cập nhật: 18/07/2024"),
    or beside other page data ("Ngày đăng: 06/01/2023 | Lượt xem: 1.284", "… - Người đăng: admin"), not a sentence
    that holds one."""
    return any(_is_date_only(part) for part in _POSTED_BY.sub(" ", line).split("|"))
