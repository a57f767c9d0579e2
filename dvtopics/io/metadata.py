"""An article's title, date and source, found in its first lines (datelines, "Nguồn:" lines)."""
from __future__ import annotations

import datetime as dt
import logging
import re
from email.utils import parsedate_to_datetime
from typing import Iterable

from ..arguments import check_text
from ..text.dates import (DATE, DATELINE_MAX_CHARS, ZONE, dateline_date, english_date, find_date, headline_words,
                          is_dateline,
                          full_year, iso_date, iso_of, vietnam_day, zoned_day)
from ..text.furniture import (AGENCIES, HEADLINE_MAX_WORDS, NATIONAL_SITES, PAPERS_BY_TAG,
                               PAPERS_SPELT_OTHERWISE, SOURCE_TAG, is_furniture, is_masthead, is_section_name)
from .tables import vietnamese_key

log = logging.getLogger(__name__)


# "Nguồn: TTXVN", "Theo VnExpress", "(Nguồn: baodaklak.vn)", "Nguồn video: YouTube": the name runs to a comma
# (or the bracket)
_SOURCE_LINE = re.compile(r"^\s*(?P<open>\()?\s*(?:nguồn(?:\s+(?:tin|bài|video|clip))?|theo|source(?=\s*:))"
                          r"(?:\s*(?P<colon>:)\s*|\s+)"
                          r"(?P<name>(?(open)[^,;)]+|[^,;]+))", re.I)
# A source line's start after a dateline on its line, past a dash, a bar or a dot ("08/07/2020 - Nguồn: plo.vn")
_SOURCE_AFTER_DATE = re.compile(r"\s+[-–|·]\s*(?=(?:nguồn|theo)\b)", re.IGNORECASE)
# A title line labelled as such, as scrapers write their .txt files ("Tiêu đề: …", "Title: …" over "Ngày đăng: …"):
# the label is no part of the headline
_HEADING_MARKS = re.compile(r"^#{1,6}\s+(.*)$|^\*\*(\S.*\S)\*\*$")
# a line set wholly in emphasis marks, as a note or a chat message writes a dateline ("*Thứ Tư, 15/07/2020 - Báo Hà
# Tĩnh*", "_Ngày 12/10/2021_") in a text too plain to be read as Markdown: its date and source were lost (left 41)
_WHOLLY_EMPHASISED = re.compile(r"^(\*\*|__|\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\1$")
_TITLE_LABEL = re.compile(r"^(?:tiêu đề|tựa đề|tên bài(?: viết)?|title|headline)\s*:\s*(?=\S)", re.I)
_WEB_ADDRESS = re.compile(r"\w\.(?:vn|com|net|org|info)\b", re.I)
_ADDRESS = re.compile(r"(?:[\w-]+\.)+(?:vn|com|net|org|info)", re.I)  # a name that is a site's address, whole
# "Theo Nghị quyết 25 ngày 3/6/2013", "Nguồn: Báo cáo của Sở Y tế": a document cited, not a paper republished
_DOCUMENT = re.compile(r"(bộ luật|luật|hiến pháp|nghị quyết|nghị định|quyết định|chỉ thị|thông tư|thông báo|"
                       r"công văn|kế hoạch|chương trình|đề án|quy định|báo cáo|tờ trình|điều)\b", re.I)
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)]*$")


# The original's date closing a source line, in any shape `DATE` reads: "…, ngày 6/1/2016", "… ngày 06-02-2018",
# "… (6/2/2018)", "(Theo X, 6 tháng 2 năm 2018)". Nothing may follow the date but a time and a closing mark
# ("Theo kế hoạch, ngày 5/3/2020 sẽ khai mạc" is a sentence, not a source line).
_SOURCE_DATE = re.compile(rf"(?:\s*[,;|–-]\s*|\s*\(\s*|\s+)(?:ngày\s+)?(?:{DATE.pattern})"
                          r"(?:\s*[,-]?\s*\d{1,2}[:h]\d{2})?\s*[.)]*\s*$", re.I)


# A date field written year first, as software writes it: "2022-07-05", "2022-07-05T19:13:00+07:00", with its zone
# as databases and programs write it ("2022-07-05 12:13:00+00", "2022-07-05 12:13:00 UTC": `ZONE`).
_FIELD_DATETIME = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})"
                             r"(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*"
                             rf"(?:{ZONE})?)?")
_TIMESTAMP = re.compile(r"\d{9,10}(?:\.\d+)?")  # seconds since 1970: 2001 to 2286
# A day as a spreadsheet counts it, days since 1899-12-30 (45376 is 2024-03-25; a fraction is the time of day): a date
# cell saved as a number, as a CSV of a column formatted "General" and a JSON made from a sheet (SheetJS) hold it. Five
# digits, 1927 to 2173, of which the years read are kept; no other number of five digits is a date field's value. Its
# fraction after a comma as well as a point: Excel in a Vietnamese (or other European) locale saves "45376,34375"
_SPREADSHEET_DAY = re.compile(r"\d{5}(?:[.,]\d+)?")
# A day written as one number, year first, as databases and Stata or SAS exports write it: "20240325"
_COMPACT_DAY = re.compile(r"(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})")
_TIMESTAMP_MS = re.compile(r"\d{12,13}")  # milliseconds, as JavaScript and Elasticsearch write them
# microseconds and nanoseconds, as databases and pandas write them (a datetime column as int64: nanoseconds); as
# many digits as a year read gives in that unit, so no other number is taken for one
_TIMESTAMP_FINE = {15: 10**6, 16: 10**6, 18: 10**9, 19: 10**9}
# An e-mail date (RFC 822/2822), as an RSS feed's pubDate writes it, and so articles scraped from feeds: "Tue, 05 Jul
# 2022 19:13:00 +0700", "05 Jul 2022 12:13:00 GMT"; its month is named in English
_EMAIL_DATE = re.compile(r"(?:[a-z]{3},\s*)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{2,4}"
                         r"\s+\d{1,2}:\d{2}.*", re.I)


def parse_date(value: str, month_first: bool = False, say: bool = True) -> str | None:
    """A date field's value as an ISO date, or None when it is not a date: year first ("2022-07-05", with a
    time or not), a Unix timestamp in seconds or milliseconds, or a date and nothing else read day first as
    datelines are ("05/07/2022", "5-7-2022", "05.07.2022 19:13", "Thứ Ba, 05/07/2022"). An instant (a
    timestamp, a time with its offset: "2018-02-05T23:30:00Z") is dated on Vietnam's clock, as
    `vietnam_day` says; a time without an offset is taken as written.

    >>> parse_date("05/07/2022"), parse_date("2022-07-05T19:13:00"), parse_date("32/13/2022")
    ('2022-07-05', '2022-07-05', None)
    >>> parse_date("2018-02-05T23:30:00Z"), parse_date("1517873400"), parse_date("1517873400000")
    ('2018-02-06', '2018-02-06', '2018-02-06')
    >>> parse_date("1517873400000000"), parse_date("1517873400000000000")  # micro- and nanoseconds
    ('2018-02-06', '2018-02-06')

    An RSS feed's date, written as e-mail dates are, is read too (an instant):

    >>> parse_date("Mon, 05 Feb 2018 23:30:00 GMT"), parse_date("Tue, 05 Jul 2022 19:13:00 +0700")
    ('2018-02-06', '2022-07-05')

    So is a spreadsheet's day number (a date cell saved as a number) and a day written as one number:

    >>> parse_date("45376"), parse_date("45376.34375"), parse_date("45376,34375"), parse_date("20240325")
    ('2024-03-25', '2024-03-25', '2024-03-25', '2024-03-25')

    A date read month first, as day first it is none ("3/25/2024"), is logged as a warning (unless not `say`: one
    read many times); `month_first`: the value's column is month first (`date_order`), so "3/4/2024" is 4 March:

    >>> parse_date("3/4/2024 8:15 AM"), parse_date("3/4/2024 8:15 AM", month_first=True)
    ('2024-04-03', '2024-03-04')
    """
    value = value.strip()
    written = _FIELD_DATETIME.fullmatch(value)
    if written:
        return zoned_day(iso_date(written["day"], written["month"], written["year"]), written["time"], written["zone"])
    if _TIMESTAMP.fullmatch(value) or _TIMESTAMP_MS.fullmatch(value) or (value.isdigit() and len(value) in _TIMESTAMP_FINE):
        unit = _TIMESTAMP_FINE.get(len(value), 1000) if value.isdigit() and len(value) > 10 else 1
        seconds = int(value) / unit if unit != 1 else float(value)
        return vietnam_day(dt.datetime.fromtimestamp(seconds, dt.timezone.utc))
    if _SPREADSHEET_DAY.fullmatch(value):
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(value[:5]))
        return iso_date(day.day, day.month, day.year)
    if compact := _COMPACT_DAY.fullmatch(value):
        return iso_date(compact["day"], compact["month"], compact["year"])
    if _EMAIL_DATE.fullmatch(value):
        return _email_date(value)
    if is_dateline(value):
        written = _SLASHED.search(value)
        if written and month_first:
            return iso_date(written["second"], written["first"], full_year(written["year"]))
        day = find_date(value)
        if day and written and int(written["second"]) > 12 and say:
            # read month first, as day first it is no date: say so, since the other dates of its column that read both
            # ways ("3/4/2024") are read day first, and in a column from English-locale Excel they are month first too
            log.warning("the date %r reads only month first: read as %s; dates that read both ways ('3/4/2024') are "
                        "read day first (3 April): if its column is month first, write its dates year first "
                        "(2024-03-04)", value, day)
        return day
    if excel := _VIETNAMESE_EXCEL_DATE.fullmatch(value):
        return iso_date(excel["day"], excel["month"], full_year(excel["year"]))
    return english_date(value)


# Excel's "d-mmm-yy" in a Vietnamese locale, whose months are "Thg1" to "Thg12" ("12-Thg3-19"; LibreOffice's
# "thg 3"), as its CSV saves a date column so formatted: a field only
_VIETNAMESE_EXCEL_DATE = re.compile(r"(?P<day>\d{1,2})-thg\s?(?P<month>\d{1,2})-(?P<year>\d{4}|\d{2})", re.IGNORECASE)


# A date of three numbers, day or month first ("3/25/2024", "25.03.24"): whose order a column can tell
_SLASHED = re.compile(r"(?<!\d)(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?!\d)")


def date_order(values: Iterable) -> tuple[bool, str | None]:
    """Whether a column of dates is month first, as English-locale Excel writes it, and a value that shows it: some
    value reads month first only ("3/25/2024": no 25th month) and none day first only ("25/3/2024"). Then its values
    that read both ways ("3/4/2024") are month first too; read one by one, they were day first, silently in another
    month. A mixed column, or one that never says, stays day first, as Vietnamese writes dates.

    >>> date_order(["3/25/2024 8:15 AM", "3/4/2024 9:00 AM", None]), date_order(["3/4/2024", "25/3/2024", "3/25/2024"])
    ((True, '3/25/2024 8:15 AM'), (False, None))
    >>> date_order(["03/04/2024", "2024-03-25"])
    (False, None)
    """
    shown = None
    for value in values:
        written = _SLASHED.search(value) if isinstance(value, str) and is_dateline(value.strip()) else None
        if not written:
            continue
        first, second = int(written["first"]), int(written["second"])
        if first > 12 and second <= 12:
            return False, None
        if second > 12 and first <= 12:
            shown = shown or value
    return shown is not None, shown


def _email_date(value: str) -> str | None:
    """The ISO day of an e-mail date (an RSS pubDate): on Vietnam's clock when it names its zone ("+0700", "GMT"),
    as written when it says it does not know it ("-0000"); None for a day that does not exist."""
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    day = iso_date(moment.day, moment.month, moment.year)
    return vietnam_day(moment) if day and moment.tzinfo else day


# A headline that ends with the article's date, as listings and scrapers write it: "… năm 2024 - 25/03/2024", "… (25/03/2024)",
# "… | 25/03/2024 08:15"
_DATED_HEADLINE = re.compile(rf"(?P<headline>.*?\S)\s*(?:[-–|]\s*|\(\s*)(?:ngày\s+)?(?:{DATE.pattern})"
                             r"(?:[\s,|-]{1,4}\d{1,2}:\d{2}(?::\d{2})?)?\s*\)?\s*", re.IGNORECASE)
# The site's name a page's <title> adds to the headline, as scrapers save it as the first line ("Huyện tổng kết … - Báo
# Tuyên Quang điện tử", "… | VnExpress"): a paper, portal or agency, a web address, or one of the national papers'
# names. Kept, the title read as a headline held the site's words, and one headline was two titles.
_SITE_SUFFIX = re.compile(
    r"\s+[-|–—]\s+(?P<site>(?i:(?:báo(?!\s+(?:chí|cáo)\b)|tạp\s+chí|cổng\s+thông\s+tin|trang\s+thông\s+tin|"
    r"đài\s+phát\s+thanh)\b[^-|–—:]{0,60}|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org))|"
    # the national papers' names as they spell them (a headline's "thanh niên" is the youth)
    rf"{NATIONAL_SITES})\s*$")


_TITLE_SECTION = re.compile(r"\s+\|\s+(?P<section>[^|]{2,30}?)\s*$")  # a <title>'s section before its site's name


def dated_headline(line: str) -> tuple[str, str] | None:
    """(the headline, its ISO date) of a headline that ends with its date, as listings and scrapers write it ("… năm
    2024 - 25/03/2024", `_DATED_HEADLINE`), or None.

    >>> dated_headline("Huyện tổng kết công tác dân vận năm 2024 (25/03/2024)")
    ('Huyện tổng kết công tác dân vận năm 2024', '2024-03-25')
    """
    written = _DATED_HEADLINE.fullmatch(line)
    if (written and _looks_like_headline(written["headline"]) and headline_words(written["headline"]) >= 4
            and not _source(line)[0] and not _SPAN_START.search(written["headline"])):
        return written["headline"], iso_of(written)
    return None


def without_site(headline: str, field: bool = False, site: str | None = None) -> tuple[str, str | None]:
    """A headline without the site's name a page's <title> adds to it, and that name (`_SITE_SUFFIX`), or (headline,
    None). In a title `field`, which holds a headline as often as a page's <title>, a paper's name that is words
    too ("… nút giao An Dương - Thanh Niên", a street) is taken for a site only after "|". `site`: a name the page
    gives its site (its og:site_name), cut after a dash or a bar whatever its words ("… - Ban Dân vận Tỉnh ủy …").

    >>> without_site("Huyện tổng kết công tác dân vận năm 2024 - Báo Tuyên Quang điện tử")
    ('Huyện tổng kết công tác dân vận năm 2024', 'Báo Tuyên Quang điện tử')
    >>> without_site("Hà Nội lấy ý kiến người dân về nút giao An Dương - Thanh Niên", field=True)[1] is None
    True
    """
    suffix = _SITE_SUFFIX.search(headline)
    if (suffix and len(headline[:suffix.start()].split()) >= 4  # "… năm 2024 - Báo Tuyên Quang điện tử", a <title>
            and not (field and suffix["site"] in _PAPERS_THAT_ARE_WORDS and "|" not in headline[suffix.start():])):
        # and the section a <title> names between them ("… | Kinh doanh | Vietnam+ (VietnamPlus)", "… | Thời sự |
        # VnExpress": the section stayed in the title, hunt 42 AJ)
        section = _TITLE_SECTION.search(headline, 0, suffix.start())
        cut = section.start() if section and is_section_name(section["section"]) else suffix.start()
        return headline[:cut], suffix["site"].removesuffix(" (VietnamPlus)")  # (Vietnam+ as its lead tags name it)
    for mark in (" - ", " – ", " | ", " :: ") if site else ():
        if headline.casefold().endswith(f"{mark}{site}".casefold()) and len(headline) > len(mark) + len(site):
            return headline[:-len(mark) - len(site)].rstrip(), site
    return headline, None


def is_site_name(text: str) -> bool:
    """Whether `text` is a site's name alone, of the kind `without_site` cuts off a <title> ("Báo Đắk Lắk điện tử",
    "baodaklak.vn"): a page's tab named so is no headline.

    >>> is_site_name("Báo Đắk Lắk điện tử"), is_site_name("baodaklak.vn"), is_site_name("Báo chí cách mạng")
    (True, True, False)
    """
    return bool(_SITE_SUFFIX.match(" - " + text))


# national papers whose names are words a headline may end with (a street, the youth, labour, the people)
_PAPERS_THAT_ARE_WORDS = frozenset({"Thanh Niên", "Lao Động", "Người Lao Động", "Tiền Phong", "Nhân Dân", "Tuổi Trẻ",
                                    "Dân trí"})


# A line that gives the page's address, as scrapers and reader tools write it over the text ("URL: https://…", Jina's
# "URL Source: https://…"): the page's site is its source when no source line names another
_URL_LINE = re.compile(r"^\W*(?:url(?:\s+source)?|link|source\s+url|original\s+url|canonical(?:\s+url)?|đường\s+dẫn|"
                       r"liên\s+kết|link\s+bài(?:\s+viết)?|link\s+gốc)\s*:\s*(?P<link>(?:https?://|www\.)\S+)\s*$", re.IGNORECASE)
# or the address alone on the text's first or last line, as an analyst pastes it over or under the page's text: not
# a video's (the article's own, "Mời bạn đọc xem video: …"), nor one the line before introduces ("… tại:")
_BARE_LINK = re.compile(r"\W*(?P<link>https?://(?!(?:www\.|m\.)?(?:youtube\.com|youtu\.be|vimeo\.com|tiktok\.com|"
                        r"facebook\.com/watch|fb\.watch)\b)\S+)\s*", re.IGNORECASE)


# A span's first date: "… (22/12/1944 - 22/12/2024)" is an anniversary's span, not the article's date
# (or a day and month without their year, "… tuần từ 26/1-07/2/2017": a week's span)
_SPAN_START = re.compile(rf"(?:{DATE.pattern})\s*$|(?<![\d/.])\d{{1,2}}[/.]\d{{1,2}}\s*$|\((?!.*\))", re.IGNORECASE)


_DATELINE_LOOK = 12  # lines: how far down a page's furniture a dateline may stand, under its menus and breadcrumbs

# The label of a line that gives the article's own publication date, not the day the site showed the page
_PUBLISHED = re.compile(r"ngày\s+đăng|đăng\s+(?:ngày|lúc|bởi)|cập\s+nhật|xuất\s+bản|người\s+đăng|tác\s+giả|"
                        r"published|posted|updated", re.IGNORECASE)


def extract_metadata(text: str, lead: str = "") -> dict:
    """Title, date and source as the text states them; `lead`: the lead a record keeps apart, put before `text` (whose
    source tag names the source, as the tag of a lead inside the text does).

    The title is the first line that is not page furniture or a dateline (`_title`). The date is taken
    from a source line with the original's date ("Nguồn: baodaklak.vn, ngày 6/1/2016"), else from the
    article's own dateline (`dateline_date`: "Thứ Ba, 05/07/2022, 19:13 [GMT+7]", "21/04/2023 16:36"),
    among the first five lines (the first one under the headline, if any: a date above it is the day the
    site showed the page), else the last three, else the first twelve. Dates inside prose and headlines ("Sáng
    5/7, ...", "Nghị quyết ngày 12/3/2015", "Từ 1/4/2017, ...") are ignored: they name other events. The
    source is the one a source line names ("Nguồn: baodaklak.vn", the first publisher), else the tag the lead
    opens with ("(Baophutho.vn) - Ngày 5/7, …", "VOV.VN - Chiều 5/7, …").
    """
    check_text("text", text, "extract_metadata"), check_text("lead", lead, "extract_metadata")
    lines = [_WHOLLY_EMPHASISED.sub(r"\2", line.strip()) for line in text.split("\n") if line.strip()]
    source = source_date = page_site = None
    short_dates = []  # (position, iso) of datelines and dated source lines
    candidates = []  # (position, line) of lines that may be the title
    dated_headlines = {}  # position: iso of a headline that ends with its date ("Huyện tổng kết … - 25/03/2024")
    papers = {}  # position: the paper a dateline of the first five lines names beside its date, or None
    for position, line in enumerate(lines):
        # the paper and the date an aggregator shows over the article it carries ("Báo Bà Rịa-Vũng Tàu - 12/03/2019"): a
        # dateline, not a headline that ends with its date
        papers[position] = paper = _dateline_paper(line) if position < 5 else None
        paper_dated = paper is not None
        written = dated_headline(line) if position < 5 and not paper_dated else None
        if written:
            # as a listing or a scraper writes it: the line without its date is the headline, its date the article's
            # (read as a dateline, the headline was lost and the lead taken for the title)
            dated_headlines[position] = written[1]
            candidates.append((position, written[0]))
            continue
        named, dated = _source(line)
        dateline = line
        if not named and (after := _SOURCE_AFTER_DATE.split(line, maxsplit=1))[1:] and dateline_date(after[0]):
            # a dateline and the source after it on one line ("Ngày đăng: 08/07/2020 - Nguồn: plo.vn", hunt 41 AD:
            # both were lost, or the source)
            named, dated = _source(after[1])
            dateline = after[0] if named else line
        iso = dateline_date(dateline) or dated or (find_date(line) if paper_dated else None)
        if iso:
            short_dates.append((position, iso))
        if named:
            source = named
            source_date = dated or source_date
        link = _URL_LINE.match(line) or ((position == 0 or position == len(lines) - 1
                                          and not lines[position - 1].endswith(":")) and _BARE_LINK.fullmatch(line))
        if link:  # the page's own address, as scrapers and reader tools label it: its site, unless a source line names one
            page_site = page_site or link["link"]
            continue
        if not iso and not is_furniture(line, captions=False) and not _set_off_source_line(line):
            candidates.append((position, line))
    # (a paper named beside its date is a dateline too: the line over it a logo, "Báo Mới", was the title)
    datelines = [position for position, _ in short_dates
                 if position < 5 and (is_dateline(lines[position]) or papers[position] is not None)]
    title_position, title = _title(candidates, datelines)
    title = _TITLE_LABEL.sub("", title, count=1)  # "Tiêu đề: Hội nghị …", a scraper's labelled header: the headline
    # a Markdown heading's marks, in a text too plain to be read as Markdown ("# Hội nghị …", "**Hội nghị …**")
    title = _HEADING_MARKS.sub(lambda marked: marked[1] or marked[2], title)
    title, site = without_site(title)
    # a page's tab name over its headline ("… - Báo Gia Lai điện tử", as a browser's title bar is copied) names its site
    site = site or next((named for position, line in candidates[:5] if position < title_position
                         for headline, named in [without_site(line)] if named and headline == title), None)
    head = [(position, iso) for position, iso in short_dates if position < 5]
    # a date above the headline, when another stands under it, is the day the site showed the page
    under_title = [iso for position, iso in head if position > title_position] if _looks_like_headline(title) else []
    tail = [iso for position, iso in short_dates if position >= len(lines) - 3]
    # only above the headline, a date is the day the site showed the page too when the article's own, labelled as
    # such, closes it ("Ngày đăng: 25/03/2024" under the text, as many portals print it): else every page copied that
    # day had that day's date. (A bare date at the end may be a reader's comment's.)
    above_only = bool(head) and _looks_like_headline(title) and all(position < title_position for position, _ in head)
    published = [iso for position, iso in short_dates if position >= len(lines) - 3 and position > title_position
                 and _PUBLISHED.search(lines[position])] if above_only else []
    own = [dated_headlines[title_position]] if dated_headlines.get(title_position) else []
    # (else one among the page's first lines, under its menus: not a bare date deep in the text, a table's or a list's,
    # "2/11/1949" in a coach's profile box, "25/2/2006" in a fixture list: hunt 42 AR, an undated corpus's time axis)
    date = source_date or next(iter(under_title or own or published or [iso for _, iso in head] or tail
                                    or [iso for position, iso in short_dates if position < _DATELINE_LOOK]), None)
    if source is None:  # no "Nguồn:" line: the tag the lead opens with, "(Baophutho.vn) - Ngày 5/7, …"
        run_in = _run_in_headline(lines[title_position]) if title_position >= 0 else None
        source = (lead_source(lead) or (run_in and run_in["tag"])
                  or _lead_source(next((line for position, line in candidates if position > title_position), ""))
                  or next(filter(None, map(_byline_paper, lines[max(title_position + 1, len(lines) - 3):])), None)
                  or next(filter(None, (papers[position] for position, _ in head)), None)
                  or page_site or site)
    return {"title": title[:300], "date": date, "source": source and paper_of_tag(site_of_link(source))}


def paper_of_tag(source: str) -> str:
    """The paper's name a source the text gives by its site's code names (`PAPERS_BY_TAG`: "TTO" is "Tuổi Trẻ"), else
    the source as it is: the report counts a paper's articles under one name a reader knows.

    >>> paper_of_tag("TTO"), paper_of_tag("SGGP Online"), paper_of_tag("QĐND Online"), paper_of_tag("baodaklak.vn")
    ('Tuổi Trẻ', 'Sài Gòn Giải Phóng', 'QĐND Online', 'baodaklak.vn')
    """
    code = re.sub(r"\s+online$", "", source, flags=re.IGNORECASE)  # "SGGP Online - ", as SOURCE_TAG takes it
    if code in PAPERS_BY_TAG and code == PAPERS_BY_TAG[code]:
        return source  # (an agency known by its initials keeps its "Online": "QĐND Online")
    return PAPERS_BY_TAG.get(code) or PAPERS_SPELT_OTHERWISE.get(code, source)


# A link to the article where its source is named ("Nguồn: https://baolangson.vn/a-123.html", a "Nguồn" column of
# links, as scrapers and exports fill it)
_LINK = re.compile(r"(?:https?://|www\.)(?:www\.)?(?P<host>[\w.-]+\.[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?$", re.I)


def site_of_link(source: str) -> str:
    """A source as its name: a link to the article is its site, else each article would be a source of its own in
    the report's counts; a whole source line, as a scraper captures the page's element into a source field
    ("Nguồn: Báo Lạng Sơn", "(Theo TTXVN)", "Báo Lạng Sơn."), the name it gives (`_source`), else one paper would be
    several sources; any other name as it is.

    >>> site_of_link("https://www.baolangson.vn/hoi-nghi-123.html?utm=x"), site_of_link("Báo Lạng Sơn")
    ('baolangson.vn', 'Báo Lạng Sơn')
    >>> site_of_link("Nguồn: Báo Lạng Sơn."), site_of_link("(Theo TTXVN)"), site_of_link("Nguồn: https://baolangson.vn/a")
    ('Báo Lạng Sơn', 'TTXVN', 'baolangson.vn')
    >>> site_of_link("Baophutho.vn"), site_of_link("VOV.VN")
    ('baophutho.vn', 'vov.vn')
    """
    named, _ = _source(source)
    source = _NAME_MARKS.sub("", named or source) or source
    link = _LINK.match(source.strip())
    # a site's address in lower case, as "Nguồn: baophutho.vn" writes it: "(Baophutho.vn) - " and "VOV.VN - " were
    # sources of their own beside it in the report's counts
    return link["host"].lower() if link else source.lower() if _ADDRESS.fullmatch(source) else source


# A byline that closes an article with the writer's paper or agency: "Minh Anh (TTXVN)", "Tin, ảnh: Hà Linh (Báo Tuyên
# Quang)", "Hà Linh/TTXVN"; the paper is the source ("Thiều Chung (Bộ CHQS tỉnh)" names a unit, not a paper)
_BYLINE_PAPER = re.compile(r"(?:(?:tin|bài|ảnh|tin,\s*ảnh|bài\s+và\s+ảnh|bài,\s*ảnh|bài\s+và\s+ảnh)\s*:\s*)?"
                           r"(?P<writer>[^\W\d][^()/:.,;!?]{1,40}?)\s*"
                           r"(?:\(\s*(?P<bracketed>[^()]+?)\s*\)|/\s*(?P<slashed>[^/()]+?)|"
                           # VOV's and the stations' sign-off: "Thu Hà - VOV Tây Bắc", "Thu Hà - Báo Tuyên Quang"
                           r"\s[-–]\s+(?P<dashed>[^-–/()]+?))\s*\.?",
                           re.IGNORECASE)


# What a dateline holds besides a paper's name, as aggregators show the paper an article comes from beside its date
# ("Báo Lạng Sơn - 12/03/2019 08:15", "Dân trí | Thứ ba, 12/3/2019 - 08:15"): its date, time, weekday, words, marks
_DATELINE_WORDS = re.compile(rf"(?:{DATE.pattern})|\d{{1,2}}[:h]\d{{2}}(?::\d{{2}})?|"
                             r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật|cn|t\d|ngày|lúc|đăng|bởi|cập\s+nhật|"
                             r"gmt\s*[+-]\s*\d+)\b|"
                             r"(?:^|(?<=\s))[|•·–—-](?=\s|$)|[,()\[\]]", re.IGNORECASE)


def _dateline_paper(line: str) -> str | None:
    """The paper a dateline names beside its date ("Báo Lạng Sơn - 12/03/2019 08:15" -> "Báo Lạng Sơn"), or None."""
    if len(line) > DATELINE_MAX_CHARS or not find_date(line):
        return None
    name = " ".join(_DATELINE_WORDS.sub(" ", line).split())
    return name if _PAPER_NAME.fullmatch(name) or name in _PAPERS_THAT_ARE_WORDS else None


# A paper alone in brackets closing the article, under its writer's name or without it: "(TTXVN)", "(Báo Đắk Lắk)"
_BRACKETED_PAPER = re.compile(r"\(\s*(?P<paper>[^()]+?)\s*\)\.?")


def _byline_paper(line: str) -> str | None:
    """The paper a closing byline credits ("Minh Anh (TTXVN)", "(TTXVN)" -> "TTXVN"; a site's code too, "Minh Anh
    (TTO)", "Hà Linh/PLO": named by `paper_of_tag`), or None."""
    alone = _BRACKETED_PAPER.fullmatch(line)
    if alone and _credited_paper(alone["paper"]):
        return alone["paper"]
    byline = _BYLINE_PAPER.fullmatch(line) if len(line.split()) <= 10 else None
    if byline and byline["dashed"]:  # (a dash joins two writers too: "Minh Anh - Hà Linh", whose second is no paper)
        return byline["dashed"] if _writer_named(byline["writer"], "") and _PAPER_NAME.fullmatch(byline["dashed"]) \
            else None
    return byline and _writers_paper(byline["writer"], byline["bracketed"] or byline["slashed"])


def _writers_paper(writer: str, credit: str, in_source_line: bool = False) -> str | None:
    """The paper a writer is credited with, after their name in brackets or a slash, as closing bylines and source
    lines write it ("Minh Anh (TTXVN)", "Nguồn: Phương Thảo/Báo Thái Bình" -> "TTXVN", "Báo Thái Bình"), or None
    when `credit` is no paper's ("Thiều Chung (Bộ CHQS tỉnh)") or `writer` is a paper itself ("TTXVN/Vietnam+": two).

    `in_source_line`: after "Nguồn:", which says a source is named, the credit need only open as a paper's name does
    ("Nguồn: Hà Linh/Cổng thông tin điện tử tỉnh"); on a closing line, which may be any short line, it must be a
    paper's whole name ("Minh Anh/VOV - Trung tâm Tin" and "Minh Anh (minhanh@example.com)" name no paper).
    """
    paper = _COMPILED_FROM.sub("", credit)  # the paper a writer compiled from: "PV (Theo TTXVN)", "Minh Anh (theo TTO)"
    if _names_its_paper(writer, paper):  # "Giáo dục và Thời đại (GD&TĐ)"
        return paper
    if _PAPER.match(writer):
        return None
    named = _PAPER.match(paper) if in_source_line else _PAPER_NAME.fullmatch(paper)
    # a paper's name after any words; a code of one only after a writer's name (`_writer_named`); in a source line,
    # any capitalised name after a writer's ("Theo Thu Hà/Tuổi Trẻ", "Theo Lan Chi/Dân trí": the paper, not the writer,
    # is the source, else one paper is counted under each of its writers)
    writers = in_source_line and paper[:1].isupper() and _a_persons_name(writer) and _writer_named(writer, paper)
    # a national or a sector paper by its whole name, whose name opens with no "Báo" ("Minh Anh (Tiền Phong)", "Hà Linh
    # (Công an Nhân dân)": 11 of 19 bylined pages of a new user's trial had no source, hunt 40 S)
    known = _KNOWN_PAPER.fullmatch(paper.replace("&", "và")) and _writer_named(writer, paper)
    return paper if named or writers or known or paper in PAPERS_BY_TAG and _writer_named(writer, paper) else None


# The papers a closing byline credits by their whole names, none of them opening with "Báo": the national papers' (as
# their pages spell them), those `PAPERS_BY_TAG` names, and the sector papers' ("&" read as "và")
_KNOWN_PAPER = re.compile(rf"(?:{NATIONAL_SITES}|" + "|".join(map(re.escape, sorted(set(PAPERS_BY_TAG.values()))))
                          + r"|Công an Nhân dân|Quân đội Nhân dân|Thời báo Ngân hàng|Sức khỏe và Đời sống|"
                            r"Nông thôn Ngày nay|Giáo dục và Thời đại|Pháp luật Việt Nam|Đại biểu Nhân dân)",
                          re.IGNORECASE)


# The names the agencies known by their initials are spelt out in, as a closing line credits them ("Thông tấn xã Việt
# Nam (TTXVN)", "Vietnam News Agency (VNA)"), by the name `PAPERS_BY_TAG` gives them; a paper's own name is the other
_AGENCIES_SPELT_OUT = {"TTXVN": ("Thông tấn xã Việt Nam", "Vietnam News Agency"),
                       "VOV": ("Đài Tiếng nói Việt Nam", "Tiếng nói Việt Nam", "Voice of Vietnam"),
                       "VTV": ("Đài Truyền hình Việt Nam", "Truyền hình Việt Nam", "Vietnam Television"),
                       "QĐND": ("Quân đội nhân dân",), "CAND": ("Công an nhân dân",)}


_PAPER_WORD = re.compile(r"^bao\s+")  # (a name as `vietnamese_key` writes it: "Báo Nhân Dân" is "bao nhan dan")


def _names_its_paper(writer: str, code: str) -> bool:
    """Whether the words before a code are its paper's name, spelt out: "Giáo dục và Thời đại (GD&TĐ)", "Báo Nhân Dân
    (NDO)", "Thông tấn xã Việt Nam (VNA)" (`_AGENCIES_SPELT_OUT`); "Báo" before it or not, "&" or "và"."""
    if code not in PAPERS_BY_TAG:
        return False
    paper = PAPERS_BY_TAG[code]

    def key(name: str) -> str:
        return _PAPER_WORD.sub("", vietnamese_key(name.replace("&", " và ")))
    return key(_WRITER_ROLE.sub("", writer.strip())) in {key(name) for name in (paper,
                                                                                *_AGENCIES_SPELT_OUT.get(paper, ()))}


_COMPILED_FROM = re.compile(r"^theo\s+", re.IGNORECASE)
# what a byline names before the writer's name, or alone: "PV", "Nhóm PV", "Phóng viên", "Theo"
_WRITER_ROLE = re.compile(r"^(?:(?:nhóm\s+)?(?:pv|phóng\s+viên|ctv|cộng\s+tác\s+viên)|theo)\b\s*", re.IGNORECASE)


def _writer_named(writer: str, code: str) -> bool:
    """Whether what a closing line has before a paper's `code` is a byline's writer: a person's name, each word
    capitalised ("Minh Anh", "Nguyễn Thị Minh Anh"), or a few ("Minh Anh - Hà Linh"), after "PV" or alone. Other
    words spell out an acronym that is some paper's code too: "Tổ chức Giải phóng Palestine (PLO)" is no Pháp Luật's
    byline, "Đảng Cộng sản Việt Nam (ĐCSVN)" no credit of the party's site; nor, capitalised, are the words whose
    initials are the code ("Palestine Liberation Organization (PLO)", "Đảng Cộng Sản Việt Nam (ĐCSVN)")."""
    writer = _WRITER_ROLE.sub("", writer.strip())
    if _spells_out(writer.split(), code):
        return False
    names = re.split(r"\s+(?:[-–&]|và)\s+", writer) if writer else []
    return all(len(name.split()) <= 4 and all(word[:1].isupper() for word in name.split()) for name in names)


# What opens a body's name, or writes one ("Hội LHPN/Ban Dân vận", "Bộ Y tế/Cục Quản lý dược": two bodies, no writer)
_BODY_NAME = re.compile(r"(?:hội|ban|bộ|sở|cục|ủy|ubnd|văn\s+phòng|trung\s+tâm|viện|trường|công\s+ty|tổng\s+công\s+ty|"
                        r"phòng|đảng|mặt\s+trận|tỉnh|huyện|xã|thành\s+phố|tp)\b|(?-i:.*\b[A-ZĐ]{2,}\b)", re.IGNORECASE)


def _a_persons_name(words: str) -> bool:
    """Whether `words` may be a writer's name: they open no body's name and hold no acronym (`_BODY_NAME`)."""
    return not _BODY_NAME.match(_WRITER_ROLE.sub("", words.strip()))


def _spells_out(words: list[str], code: str) -> bool:
    """Whether the last of `words` have the letters of `code` as their initials, tone marks aside ("Palestine
    Liberation Organization" PLO, "Đảng Cộng Sản Việt Nam" ĐCSVN)."""
    letters = "".join(filter(str.isalpha, vietnamese_key(code)))
    # ("Vietnam", as English writes it, is the two syllables whose initials acronyms keep: "Vietnam Airlines" VNA)
    words = [part for word in words for part in (("Viet", "Nam") if vietnamese_key(word) == "vietnam" else (word,))]
    return len(words) >= len(letters) and "".join(vietnamese_key(word[:1]) for word in words[-len(letters):]) == letters


def _credited_paper(name: str) -> bool:
    """Whether a byline's credit is a paper: its name ("Báo Tuyên Quang", "TTXVN", an address), or a code of one as
    written (`PAPERS_BY_TAG`, in capitals: "TTO"; a byline "(Tto)" is no code)."""
    return bool(_PAPER_NAME.fullmatch(name)) or name in PAPERS_BY_TAG


def lead_source(lead: str) -> str | None:
    """The site or agency the tag a lead opens with names (`SOURCE_TAG`: "(Baophutho.vn) - ", "VOV.VN - "), or None."""
    return _lead_source(next((line.strip() for line in lead.split("\n") if line.strip()), ""))


# The agency's dateline its articles open with, the place before its name in brackets: "Hà Nội (TTXVN) - Sáng 5/12, …",
# "TP Hồ Chí Minh (TTXVN) – …", "Đắk Lắk (VOV) - …" (a place's words capitalised), under its kind's name ("Thủ đô Hà
# Nội", "Thành phố Hồ Chí Minh", "Thị xã Sơn Tây") or of two joined ("Bà Rịa - Vũng Tàu")
_PLACE_KIND = r"(?:Thủ đô|Thành phố|Thị xã|Thị trấn|Tỉnh|Huyện|Quận)[ \t]+"
_PLACE_TAG = re.compile(rf"[ \t]*(?:{_PLACE_KIND})?[A-ZĐ][\w.'-]*(?:[ \t]+(?:[-–][ \t]+)?[A-ZĐ][\w.'-]*){{0,4}}[ \t]*"
                        rf"\((?P<bracketed>{AGENCIES})\)[ \t]*[-–—]+[ \t]")


def _lead_source(line: str) -> str | None:
    """The site or agency a lead's source tag names (`SOURCE_TAG`: "(Baophutho.vn) - ", "VOV.VN - "; `_PLACE_TAG`: "Hà
    Nội (TTXVN) - "), or None. Words before a code that spell it out are no place but what it stands for: "Vietnam
    Airlines (VNA) - " is no agency's dateline (`_spells_out`), "Vietnam News Agency (VNA) - " is."""
    tag = SOURCE_TAG.match(line)
    placed = None if tag else _PLACE_TAG.match(line)
    tag = tag or placed
    name = tag and (tag["bracketed"] or tag.groupdict().get("name")).strip()
    if placed and name:
        place = line[:placed.start("bracketed")].rstrip(" \t(")
        if _spells_out(place.split(), name) and not _names_its_paper(place, name):
            return None
    return (name if name and (name[:1].isupper() or _ADDRESS.fullmatch(name)) and len(name.split()) <= 4
            and not _DOCUMENT.match(name) else None)


# (not "VNA", TTXVN's English code, which is Vietnam Airlines' too: as a paper's code, a credit only after a writer's
# name, `PAPERS_BY_TAG`, not after any words as the agencies' names are: "Vietnam Airlines (VNA)" credits no one)
_PAPER = re.compile(r"(?:báo|tạp\s+chí|đài|truyền\s+hình|cổng\s+thông\s+tin|ttxvn|vov|vtv|qđnd|cand)\b|"
                    r"\S+\.(?:vn|com|net|org)\b", re.IGNORECASE)
# What a source line gives where it names no one: "Internet", "Sưu tầm" (collected), "Tổng hợp" (compiled), their
# initials, "Nhiều nguồn"; counted as a source, "Tổng hợp" was one of a report's biggest papers
_NO_SOURCE_WORD = r"(?:internet|sưu\s+tầm|st|tổng\s+hợp(?:\s+từ\b.*)?|th|nhiều\s+nguồn|các\s+báo|báo\s+chí|mạng\s+xã\s+hội|nguồn\s+khác)"
_NO_SOURCE = re.compile(rf"{_NO_SOURCE_WORD}(?:\s*[-,/&;+]\s*{_NO_SOURCE_WORD})*", re.IGNORECASE)


# A paper's whole name: "Báo Tin tức", "Tạp chí Dân vận", an agency ("TTXVN", "VOV"), a web address
_PAPER_NAME = re.compile(r"(?:báo|tạp\s+chí|đài)(?!\s+(?:chí|cáo)\b)(?:\s+\S+){1,5}|"
                         r"(?:ttxvn|vov|vtv|qđnd|cand)(?:\s+online)?|"
                         # a bureau or channel of VOV or VTV, a province's station ("VOV Tây Bắc", "VTV Cần Thơ",
                         # "Truyền hình Quảng Ninh", "PTTH Ninh Bình": sign-offs lost their source, hunt 42 AJ)
                         r"(?:vov|vtv)(?:\s+(?-i:[A-ZĐ0-9])\w*){1,3}|"
                         r"(?:truyền\s+hình|pt-?th|pt&th)(?:\s+(?-i:[A-ZĐ])\w*){1,3}|"
                         r"[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)", re.IGNORECASE)
_WRITER_AND_PAPER = re.compile(r"(?P<writer>[^/()]+?)\s*(?:/\s*(?P<paper>[^/()]+?)|\(\s*(?P<bracketed>[^/()]+?)\s*\))")
_REPEATED_SOURCE = re.compile(r"(?P<name>.+?)\s+(?:theo|nguồn\s*:?)\s+(?P=name)", re.IGNORECASE)
_NAME_MARKS = re.compile(r"^[\s\"'“”‘’«»]+|[\s\"'“”‘’«».:|–-]+$")


def _set_off_source_line(line: str) -> bool:
    """Whether `line` is a source line set off as one, by a colon or brackets ("Nguồn: Báo Lạng Sơn", "Nguồn: Tổng
    hợp", "(Theo TTXVN)"): never a headline. Under a short headline and its dateline, it was taken for the title."""
    match = _SOURCE_LINE.match(line) if len(line) <= DATELINE_MAX_CHARS else None
    return bool(match and (match["colon"] or match["open"] and line.rstrip(" .").endswith(")")))


def _source(line: str) -> tuple[str | None, str | None]:
    """The source a short line names ("Nguồn: TTXVN", "(Theo VnExpress)", "Nguồn baodaklak.vn") and the
    original's date closing it ("Nguồn: baodaklak.vn, ngày 6/1/2016"), or None for either.

    Without a colon, "Nguồn" and "Theo" open ordinary text too ("Nguồn gốc của …", "Nguồn tin cho
    biết", "Theo chân …", "Theo Bộ Y tế, số ca mắc …"): there the name must be a name (a capital letter or a
    web address), and the line not a sentence.
    """
    match = _SOURCE_LINE.match(line) if len(line) <= DATELINE_MAX_CHARS else None
    if not match:
        return None, None
    dated = _SOURCE_DATE.search(line)
    date = iso_of(dated) if dated else None
    if dated:  # the name is what comes before the date
        match = _SOURCE_LINE.match(line[:dated.start()])
        if not match:
            return None, None
    # the name without the line's marks around it: "Nguồn: Báo Tuyên Quang." and "Nguồn: \"Báo Tuyên Quang\"" name the
    # paper "Báo Tuyên Quang" names, else the report counts it as two sources ("VOV.VN", "Vietnam+" keep theirs)
    name = _NAME_MARKS.sub("", match.group("name"))
    repeated = _REPEATED_SOURCE.fullmatch(name)  # "Theo Thu Hà/Tuổi Trẻ Theo Thu Hà/Tuổi Trẻ": a line pasted twice
    if repeated:
        name = repeated["name"]
    # "Theo Phương Thảo/Báo Thái Bình", "Nguồn: Hà Linh (TTXVN)": a writer and the paper they wrote for; the paper is
    # the source, else each writer of one paper is a source of their own ("TTXVN/Vietnam+", two papers, stays)
    credit = _WRITER_AND_PAPER.fullmatch(name)
    if credit:
        name = _writers_paper(credit["writer"], credit["paper"] or credit["bracketed"], in_source_line=True) or name
    if _DOCUMENT.match(name):
        return None, None
    if _NO_SOURCE.fullmatch(name):  # "Nguồn: Tổng hợp", "Nguồn: Internet": no paper named, and none in the counts
        return None, date
    if not match.group("colon"):
        if not (name[:1].isupper() or name[:1].isdigit() or _WEB_ADDRESS.search(name)):
            return None, None
        closed = match.group("open") and line[match.end():].lstrip().startswith(")")  # "(Theo TTXVN)." is a source line
        # so is "Theo TTXVN." or "Theo Báo Tin tức.": a paper's name and a full stop, not a sentence
        paper = _credited_paper(name) and line.rstrip().endswith(name + ".")
        if _SENTENCE_END.search(line.rstrip()) and not dated and not closed and not paper:
            return None, None
    return name or None, date


# An official document's kind, alone on its line in capitals over its subject, under its letterhead (the body's name,
# its number, "ĐẢNG CỘNG SẢN VIỆT NAM", its place and date): "BÁO CÁO", then "Tổng kết công tác dân vận năm 2015"
_DOCUMENT_KIND = re.compile(r"BÁO CÁO|KẾ HOẠCH|THÔNG BÁO|NGHỊ QUYẾT|CHỈ THỊ|QUYẾT ĐỊNH|TỜ TRÌNH|HƯỚNG DẪN|QUY ĐỊNH|"
                            r"CHƯƠNG TRÌNH|KẾT LUẬN|ĐỀ ÁN|BIÊN BẢN|QUY CHẾ|CÔNG VĂN|DIỄN VĂN")
_DOCUMENT_NUMBER = re.compile(r"Số\s*:?\s*\d+\s*[-/]", re.IGNORECASE)  # "Số 12-BC/BDVTU", "Số: 05/KH-UBND"
# the State's heading over a document of its bodies' and the Front's
_NATIONAL_HEADING = re.compile(r"cộng hòa xã hội chủ nghĩa việt nam|cộng hoà xã hội chủ nghĩa việt nam|"
                               r"độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc", re.IGNORECASE)


def _document_title(candidates: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The title of an official document under its letterhead: its kind and its subject, "Báo cáo Tổng kết công tác
    dân vận năm 2015" (`_DOCUMENT_KIND`), or None. Read as a page, the letterhead's first line was the title."""
    for at, (_, line) in enumerate(candidates[:8]):
        letterhead = [head for _, head in candidates[:at]
                      if is_masthead(head) or _DOCUMENT_NUMBER.match(head) or _NATIONAL_HEADING.search(head)]
        if _DOCUMENT_KIND.fullmatch(line) and letterhead and at + 1 < len(candidates):
            position, subject = candidates[at + 1]
            if _is_paragraph(subject):
                return None
            return position, f"{line if subject.isupper() else line.capitalize()} {subject}"
    return None


def _title(candidates: list[tuple[int, str]], datelines: list[int]) -> tuple[int, str]:
    """The position and text of the first line that is not furniture, unless a dateline near the top says
    otherwise ((-1, "") without one, or when that line is a paragraph). A page copied from a site can open with the site's name or section
    ("Quốc phòng - An ninh") before the headline, and the headline sits next to the dateline: directly
    above it, or below it when only short lines come before."""
    # a site's section names over the headline, one or two a line ("Xã hội", "Chính trị": a breadcrumb too short to be
    # taken for a menu), and a Party portal's masthead ("ĐẢNG CỘNG SẢN VIỆT NAM") are no title when a headline or the
    # lead follows them (a headline in capitals opening with a body's name is followed by neither)
    document = _document_title(candidates)
    if document:
        return document
    lead = 0
    while lead < len(candidates) - 1 and (is_section_name(candidates[lead][1]) or is_masthead(candidates[lead][1])
                                          or lead == 0 and is_masthead(candidates[0][1], capitals=False)
                                          and is_section_name(candidates[1][1])):
        lead += 1
    if lead and (_looks_like_headline(candidates[lead][1])
                 or _is_paragraph(candidates[lead][1]) and all(is_section_name(line) for _, line in candidates[:lead])):
        candidates = candidates[lead:]
    # the headline directly above any dateline near the top: a site may show today's date above its section's name,
    # and the headline over the article's own dateline below them ("Thứ Năm, 05/01/2023", "Tin tức", headline, …)
    for dateline in datelines:
        above = [(position, line) for position, line in candidates if position < dateline]
        if above and above[-1][0] == dateline - 1 and _looks_like_headline(above[-1][1]):
            halves = len(above) > 1 and above[-2][0] == dateline - 2 and _two_lines(above[-2][1], above[-1][1])
            return (above[-1][0], halves) if halves else above[-1]
    if datelines:
        dateline = datelines[0]
        above = [(position, line) for position, line in candidates if position < dateline]
        below = [(position, line) for position, line in candidates if position > dateline]
        if below and all(len(line.split()) < 4 for _, line in above) and not _is_paragraph(below[0][1]):
            return below[0]
    if candidates and (run_in := _run_in_headline(candidates[0][1])):  # "Hà Nội đoạt 6 giải nhất (NLĐ)- Sau …"
        return candidates[0][0], run_in["headline"]
    if candidates and not _is_paragraph(candidates[0][1]) and not SOURCE_TAG.match(candidates[0][1]):
        halves = (len(candidates) > 1 and candidates[1][0] == candidates[0][0] + 1
                  and _two_lines(candidates[0][1], candidates[1][1]))
        return (candidates[1][0], halves) if halves else candidates[0]
    # a text that opens on a paragraph or on a lead's source tag has no title line (a lead without its headline,
    # or title, dateline and body run into one line): taking the lead would make the classifier read it as one
    return -1, ""



# A headline run into its lead on one line, the paper's code in brackets and a dash between them, as Người Lao Động's
# pages were copied (VNTC's NLD articles: "Hà Nội đoạt 6 giải nhất (NLĐ)- Sau 4 ngày tranh tài, …"): the words before
# the code, when they read as a headline (`_run_in_headline`). No bracket before the code: a photo's caption between
# headline and lead names who is where ("(giữa)", "(bìa trái)"), and its words are no headline's
_HEADLINE_RUN_IN = re.compile(rf"(?P<headline>[^()\n]{{8,300}}?)[ \t]*\((?P<tag>{AGENCIES})\)[ \t]*[-–—]+[ \t]*(?=\S)")
_SENTENCE_INSIDE = re.compile(r"[.?!…][\"'”’]*\s+\S")  # a sentence that ends, and another after it
RUN_IN_MAX_WORDS = 16  # longer, the words before the code hold a photo's caption too, more often than not


def _run_in_headline(line: str) -> re.Match | None:
    """The `_HEADLINE_RUN_IN` match of a line that opens with a headline run into its lead, or None. The words
    before the code are a headline: 4 to `RUN_IN_MAX_WORDS` words, no sentence ended among them (a caption's), and
    two at least in lower case, as a Vietnamese headline writes them ("Thủ đô Hà Nội (TTXVN) - Sáng 5/12, …", an
    agency's dateline, names a place; the lead opens after it, with no headline)."""
    match = _HEADLINE_RUN_IN.match(line)
    if not match:
        return None
    words = match["headline"].split()
    if (len(words) > RUN_IN_MAX_WORDS or not _looks_like_headline(match["headline"])
            or _SENTENCE_INSIDE.search(match["headline"]) or sum(word[:1].islower() for word in words) < 2):
        return None
    return match


# A lower-case line under a headline that is no rest of it: a credit ("theo Báo Đắk Lắk", "bài và ảnh: Thu Hà"), a
# series' part ("kỳ 1: …"), a headline of its own under a kicker, opening on a name with a capital inside it ("nCoV:",
# "iPhone") or on a label ("video: …"); any line with a colon is one of these more often than a headline's half
_NOT_GOING_ON = re.compile(r"theo\b|(?:bài|tin|ảnh)(?:\s+và\s+ảnh)?\s*:|(?:bài|tin)\s+và\s+ảnh\b|kỳ\s+\d|\S*[A-ZĐ]|.*:")
# The words a line that goes on ends with: a caption run into a headline ("… niềm hy vọng của") is no headline's half
_OPEN_ENDINGS = frozenset("của và với cho các những ở tại về là trong để từ đến theo như mà thì".split())


# A headline's second line that names the period its first line's meeting reviewed: it opens on a number or a
# capital ("Ban Dân vận Tỉnh ủy sơ kết công tác dân vận", then "6 tháng đầu năm 2017" or "Quý I năm 2017"), and
# is the headline's end, not a headline of its own
_PERIOD_LINE = re.compile(r"((\d{1,2}|sáu|chín|ba) tháng\b|quý\s*([ivx]+|\d)\b|năm (học )?\d{4}\b|học kỳ\b|"
                          r"giai đoạn \d{4}|nhiệm kỳ \d{4})[^.:;!?]{0,60}$", re.IGNORECASE)


def _two_lines(first: str, second: str) -> str | None:
    """The headline a page shows over two lines, as a narrow column or a printed page is copied ("Huyện Bình Sơn tổ
    chức hội nghị", then "tổng kết công tác dân vận năm 2025": its second line goes on in lower case, or names the
    meeting's period: `_PERIOD_LINE`), or None."""
    period = bool(_PERIOD_LINE.match(second))
    if (not (second[:1].islower() or period) or len(first.split()) < 3 or is_section_name(first)
            or first.endswith((".", ":", ";")) or not period and _NOT_GOING_ON.match(second)
            or second.split()[-1].lower() in _OPEN_ENDINGS):
        return None
    joined = f"{first} {second}"
    return joined if _looks_like_headline(joined) and not _is_paragraph(joined) else None


def _is_paragraph(line: str) -> bool:
    """Too long for a headline, or a sentence of a lead's length (headlines do not end with a full stop, though
    one may end on a remark cut short: "…")."""
    words = len(line.split())
    return words > HEADLINE_MAX_WORDS or (words > 20 and line.endswith(".") and not line.endswith(".."))


def _looks_like_headline(line: str) -> bool:
    return 4 <= len(line.split()) <= HEADLINE_MAX_WORDS and not line.endswith(".")


MAX_PERIODS_CHARTED = 36  # beyond that a chart's bars are too thin to read (the report goes by year)


def charted_period(dates: Iterable[str | None], period: str = "month") -> str:
    """The period the report's charts use: `period`, or "year" when `dates` span more than MAX_PERIODS_CHARTED
    of them from the first to the last (20 years of months are 240 bars, each period of the span a bar, an
    empty one too: `period_range`). `topics fit` keeps the `--period` asked for (its tables are data), and its
    chart labels every n-th period instead.

    >>> charted_period(["2017-03-14", "2017-04-01"]), charted_period(["2010-01-15", "2017-12-15"])
    ('month', 'year')
    """
    found = sorted({period_of(date, period) for date in dates} - {None})
    if not found:
        return period
    return "year" if _index(found[-1], period) - _index(found[0], period) >= MAX_PERIODS_CHARTED else period


def period_range(periods: Iterable[str | None], period: str = "month") -> list[str]:
    """Every period from the first of `periods` to the last (as `period_of` names them), those without an
    article too: a time axis or table with no gap left out ([] for none).

    >>> period_range(["2018-02", "2017-11"]), period_range(["2017-Q4", "2018-Q2"], "quarter")
    (['2017-11', '2017-12', '2018-01', '2018-02'], ['2017-Q4', '2018-Q1', '2018-Q2'])
    """
    found = sorted(set(periods) - {None})
    if not found:
        return []
    return [_name(i, period) for i in range(_index(found[0], period), _index(found[-1], period) + 1)]


def mostly_empty(with_articles: int, periods: int) -> bool:
    """Whether a span of `periods`, `with_articles` of them holding an article, is longer than a chart shows and
    mostly empty: a mistyped date's (`stretched_span`)."""
    return periods > MAX_PERIODS_CHARTED and (periods - with_articles) * 2 > periods


def stretched_span(dated: Iterable[tuple[str, object]], period: str = "month") -> str | None:
    """What to say when the dates of some articles, (id, date) pairs, span more periods than a chart shows and most
    of them are empty, naming the earliest and the latest article: one mistyped date (1917 for 2017) made a time
    axis of 1,200 months, two slivers at its ends, in silence. None when the span reads well.

    >>> stretched_span([("a", "2017-03-01"), ("typo", "1917-03-05"), ("b", "2017-05-01")], "year")
    '101 years, 99 of them without an article: the earliest article is typo (1917-03-05), the latest b (2017-05-01)'
    """
    days = [(day_of(date), article_id) for article_id, date in dated]
    ends = [(p, day, i) for i, (day, _) in enumerate(days) if (p := period_of(day, period))]
    if not ends:
        return None
    found = {p for p, _, _ in ends}
    span = period_range(found, period)
    empty = len(span) - len(found)
    if not mostly_empty(len(found), len(span)):
        return None
    (_, first_day, first), (_, last_day, last) = min(ends), max(ends)
    return (f"{len(span)} {period}s, {empty} of them without an article: the earliest article is {days[first][1]} "
            f"({first_day}), the latest {days[last][1]} ({last_day})")


_PER_YEAR = {"month": 12, "quarter": 4, "year": 1}


def _index(name: str, period: str) -> int:
    """A period's place in time: "2017-03" is 2017 * 12 + 2."""
    part = name[5:].lstrip("Q") or "1"
    return int(name[:4]) * _PER_YEAR[period] + int(part) - 1


def _name(index: int, period: str) -> str:
    year, part = divmod(index, _PER_YEAR[period])
    return {"month": f"{year}-{part + 1:02d}", "quarter": f"{year}-Q{part + 1}", "year": str(year)}[period]


_ISO_DAY_OR_MONTH = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def day_of(date) -> str | None:
    """An article's date as the ISO day the readers give ("2024-03-25"; a month "2024-03" as it is), whatever an
    Article made in Python holds: a date object (a DataFrame's row), an instant (Vietnam's day), or a date as a
    notebook's own articles may hold it ("25/03/2024", "2024-03-31T20:15:00Z": read as `parse_date` reads a field;
    left as it was, the article was silently out of every chart over time). None when it is no date.

    >>> day_of("25/03/2024"), day_of("2024-03-31T20:15:00Z"), day_of(dt.date(2024, 3, 25)), day_of(None)
    ('2024-03-25', '2024-04-01', '2024-03-25', None)
    """
    if isinstance(date, dt.datetime) and date.tzinfo is not None and date == date:  # an instant (not NaT)
        return vietnam_day(date)
    if isinstance(date, dt.date):
        date = date.isoformat()
    if isinstance(date, str) and not _ISO_DAY_OR_MONTH.fullmatch(date):
        return parse_date(date, say=False)  # (read for each chart and table: said once, where it is read)
    return date if isinstance(date, str) else None


def period_of(date: str | None, period: str = "month") -> str | None:
    """"2017-03-14" -> "2017-03" (month), "2017-Q1" (quarter) or "2017" (year); None stays None.

    >>> period_of("2017-03-14"), period_of("2017-03-14", "quarter"), period_of(None), period_of("2022-13-45")
    ('2017-03', '2017-Q1', None, None)
    >>> period_of("25/03/2024"), period_of("2024-03-31T20:15:00Z"), period_of(dt.date(2024, 3, 25), "year")
    ('2024-03', '2024-04', '2024')
    """
    date = day_of(date)
    if not isinstance(date, str) or not re.match(r"^\d{4}-\d{2}", date) or not 1 <= int(date[5:7]) <= 12:
        return None  # not a date the readers would give ("2022-13-45"): undated, as they would leave it
    year, month = date[:4], int(date[5:7])
    return {"month": date[:7], "quarter": f"{year}-Q{(month - 1) // 3 + 1}", "year": year}[period]
