"""An article, and how one is made from a text and the fields its record carried (`make_article`): the text's
encoding repaired, HTML and Markdown read as their text, furniture stripped, and the title, date and source taken
from the fields or, where they say nothing, from the text (`metadata.extract_metadata`)."""
from __future__ import annotations

import datetime as dt
import logging
import numbers
import re
from dataclasses import asdict, dataclass, field, fields as dataclass_fields

from ..arguments import check_text, missing
from ..errors import InputError
from ..wording import brief_repr
from ..text.dates import FIRST_YEAR, LAST_YEAR
from ..text.furniture import masthead_site, strip_furniture
from ..text.normalise import nfc, normalize
from .htmltext import (LINE_BREAK_TAG, field_visible_text, html_to_text, is_html, is_markdown, markdown_to_text,
                       page_head, page_names, references_in, unescape_references)
from .jsonfiles import json_kind
from .tables import field_names
from .lead import with_lead
from .notes import warn_once
from .metadata import (dated_headline, day_of, extract_metadata, is_site_name, parse_date, site_of_link,
                       without_site)
from .vnlegacy import to_unicode
from .write import writable_value

log = logging.getLogger(__name__)

METADATA_FIELDS = ("title", "date", "source")  # JSONL/CSV fields that win over what the text states
TOKENS_FIELD = "tokens"  # the field `dvtopics segment` writes each article's words under ("công_tác dân_vận")


@dataclass
class Article:
    """One article. `text` is what models learn from; `raw` is what was read (by `read_articles`: the articles
    a job hands back, `jobs.Reading.articles`, hold none, "", for memory)."""

    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    id: str
    title: str = ""
    text: str = ""
    date: str | None = None  # ISO yyyy-mm-dd
    source: str | None = None
    label: str | None = None
    raw: str = ""
    meta: dict = field(default_factory=dict)
    error: str | None = None  # set instead of raising when on_error="record"

    def __post_init__(self):
        # An article made in Python (Article(id=..., text=...)) as the readers make one: its id as text (np.int64(3),
        # a DataFrame's id, is "3", as make_article and a labels file read it; it was kept a numpy int that no JSON
        # output could write), and a text field that is missing (None, NaN: an empty cell) refused here, naming it,
        # not found later as a bare TypeError deep inside labelling. An optional field's empty cell is None.
        self.id = _id_text(self.id, "Article id")
        for name in ("title", "text", "raw"):
            check_text(f"Article {name}", getattr(self, name))
        for name in ("date", "source", "label", "error"):
            value = getattr(self, name)
            if missing(value):
                setattr(self, name, None)
            elif name == "date" and isinstance(value, dt.date):
                # a script's date, datetime or pandas Timestamp is its ISO day, as the readers give it: kept as an
                # object, the report and the tables showed "2017-04-06 00:00:00"
                self.date = day_of(value)
            elif not isinstance(value, str):
                text = field_text(value)
                if text is None or isinstance(value, dict):
                    raise TypeError(f"Article {name}: a text (str) or None, not {type(value).__name__}")
                setattr(self, name, text)  # a label 0 is "0", as in a labels file

    @property
    def warning(self) -> str | None:
        """How it was read, when a reader has something to say (an old font encoding, text typed without accents),
        as the outputs' `warning` column says it; None when nothing. Kept in `meta["warning"]`."""
        return self.meta.get("warning")

    def to_dict(self, raw: bool = False) -> dict:
        record = asdict(self)
        if not raw:
            record.pop("raw")
        return record


def field_text(value) -> str | None:
    """A record's value as text: a string as it is, a number written out, None for anything else
    (null, true/false, a list, an object).

    >>> field_text("2022-07-05"), field_text(2022), field_text(1.0), field_text(2.5), field_text([1, 2])
    ('2022-07-05', '2022', '1', '2.5', None)

    A whole number written as a float is its digits, as a workbook's number cell is read (`tables.cell_text`):
    pandas writes a column of whole numbers with a gap as floats, so one file's label 1.0 or id 17.0 is another's 1
    or 17, never a class or an id of its own.

    A value MongoDB's export wraps in its type ({"$date": …}, {"$oid": …}, {"$numberLong": …}) is the value it wraps:
    scrapers keep their articles there, and `mongoexport` writes every date and id so.

    >>> field_text({"$date": "2023-01-04T17:30:00Z"}), field_text({"$date": {"$numberLong": "1672853400000"}})
    ('2023-01-04T17:30:00Z', '1672853400000')

    So is a field WordPress' REST API renders ({"rendered": "H&#7897;i ngh&#7883;"}, its title and content).
    """
    if isinstance(value, numbers.Number) and hasattr(value, "item"):  # numpy's numbers (np.float32 is no float)
        value = value.item()
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in _MONGODB_TYPES:
        return field_text(next(iter(value.values())))
    if isinstance(value, dict) and isinstance(value.get("rendered"), str):  # WordPress' REST API: {"rendered": "…"}
        return value["rendered"]
    if isinstance(value, str):
        return value
    if isinstance(value, (dt.date, dt.datetime)) and not missing(value):
        # a notebook's date (pandas' Timestamp is a datetime): its ISO text, its offset kept for `parse_date` to put
        # it on Vietnam's day; refused as "a number, not text", the article was undated
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:  # exactly a whole number
        value = int(value)
    if isinstance(value, (numbers.Integral, float)) and not isinstance(value, bool):  # numpy's ints too (a DataFrame's)
        return str(int(value)) if isinstance(value, numbers.Integral) else str(value)
    return None


def index_id(label) -> str:
    """A pandas index label as an article's id: the one reading of a DataFrame's row label (`read_articles(df)`, an
    article's id where it has no id column) and of types or labels given by index (`labels.labels_given`), so that
    the same index pairs them. As an id field is read (`field_text`): 10.0 is "10", a Timestamp its ISO text
    ("2024-01-01T00:00:00", not str()'s "2024-01-01 00:00:00"); anything else as str() writes it. A MultiIndex's label
    (a tuple) is refused, a ValueError saying why: "('a', 1)" is no id a labels file would name.

    >>> index_id(10.0), index_id("a1")
    ('10', 'a1')
    """
    if isinstance(label, tuple):
        shown = tuple(value.item() if isinstance(value, numbers.Number) and hasattr(value, "item") else value
                      for value in label)  # ('a', 1), not ('a', np.int64(1))
        raise ValueError(f"the index label {shown!r} is a MultiIndex's ({len(label)} levels), not one id: index by "
                         "one id (df.index = df.index.map(…)), or df.reset_index() and give an id column")
    if isinstance(label, bool) or hasattr(label, "dtype") and getattr(label.dtype, "kind", "") == "b":
        raise ValueError(f"the index label {label!r} is true/false, no id")  # (labels_given refused it so before)
    return field_text(label) or str(label)


def _id_text(value, name: str = "article_id") -> str:
    """An article's id as text, as the readers read an id field (`field_text`): a DataFrame's id column made float
    by one empty cell gave the ids "17.0", which no labels file's 17 matched, and its empty cell the id "nan". A
    missing id, or one that is no text or number, is refused; so is a blank one, which labels by id cannot tell from
    another (the readers give a blank cell's row an id of its place). `name`: the argument, for messages."""
    if isinstance(value, str):  # every article a reader makes: at once
        if value.strip():
            return value
        raise InputError(f"{name}: blank ({value!r}); give every article an id")
    if missing(value):
        raise TypeError(f"{name}: missing (None, NaN: an empty cell); give every article an id")
    text = field_text(value)
    if text is None:
        raise TypeError(f"{name}: an id is text or a number, not {type(value).__name__}")
    return text


# the wrappers of MongoDB's Extended JSON that hold a plain value (`field_text`)
_MONGODB_TYPES = frozenset({"$date", "$oid", "$numberLong", "$numberInt", "$numberDouble", "$numberDecimal",
                            "$symbol", "$uuid"})


# what an article's `meta` holds besides its record's own fields: dvtopics' notes on it (a .txt article's path, a
# table row's cells past its header, how it was read)
_NOTES = ("warning", "extra_cells", "path")


def record_fields(article: Article) -> list[str]:
    """The names of the fields an article's record carried that no field took ("STT", "Phân loại" beside its text):
    where a label was looked for in vain, the column the user meant is among them."""
    return [name for name in article.meta if name not in _NOTES]


def add_warning(meta: dict, message: str) -> None:
    """Add `message` to the record's warning (several are joined with "; ")."""
    meta["warning"] = f"{meta['warning']}; {message}" if meta.get("warning") else message


# What to do where articles are wanted and something else was given (texts, a DataFrame, dicts)
ARTICLES_HINT = ("read files, or a DataFrame's rows, with dvtopics.read_articles (list(dvtopics.read_articles(df))), "
                 "or make one of a text with dvtopics.make_article(id, text)")


def make_article(article_id: str, raw: str, fields: dict | None = None, name: str = "", *, lead: str | None = None,
                 month_first: bool = False, spelt: dict | None = None, judge_language: bool = True) -> Article:
    """Build an `Article` from raw text plus whatever fields the record carried.

    A title, date, source or label field that is not text (a list, an object, true), or a date field that
    is not a date ("32/13/2022"), is not used; it is kept in `meta` under its name, with a warning. A date
    field is read as `parse_date` reads it, day first, or month first when `month_first` (its column is:
    `metadata.date_order`). `spelt`: {field: the name the file gives it} ({"date": "Ngày đăng"}), for the warnings,
    which name the column a user can find in their file.

    `lead` (or a "lead" among the `fields`): the paragraph under the headline ("sapo"), which news CMSs keep apart
    from the body: put before the text, once where the text opens with it already (`lead.with_lead`); the title,
    dateline and source are then the ones the text states, since a short lead over it is no headline.

    `judge_language`: whether its text is judged as Vietnamese (`language.with_language_warning`); a reader that
    judges it first to be no article at all (`read_text`: `dvtopics inspect`'s table saved as .txt) says that, and
    only that.
    """
    article_id = _id_text(article_id)
    name = name or article_id
    if fields is not None and not hasattr(fields, "items"):
        raise TypeError(f"{name}: the fields of an article are a mapping of names to values (a dict, a DataFrame's "
                        f"row), not {type(fields).__name__}")
    # a DataFrame's row (`df.iterrows()`) is a pandas Series, whose truth value is refused: not `fields or {}`
    fields = {key: None if missing(value) else value for key, value in (fields if fields is not None else {}).items()}
    if spelt is None:  # a notebook's fields, a DataFrame's row: named as a file's columns are
        fields, spelt = _named_as_columns(fields)
    if lead is None and field_text(fields.get("lead")) is not None:
        # a lead among the fields, as the readers' field is named ({"title": …, "lead": sapo}): read as the lead, not
        # kept aside unread
        lead = field_text(fields.pop("lead"))
    if missing(raw) and isinstance(lead, str) and lead.strip():  # a DataFrame's row of a sapo and no body: the lead is
        raw = ""  # the text, as the record reader reads it
    if missing(raw):  # a DataFrame's empty cell: an article without text, as "" is; said so, with what to do
        raise InputError(f"{name}: no text in the article (it is missing: None or NaN, a DataFrame's empty cell); "
                         "leave such rows out: df.dropna(subset=[the text's column])")
    if not isinstance(raw, str):
        raise TypeError(f"{name}: the text of an article is a str, not {type(raw).__name__}")
    # a lone half of a surrogate pair (a notebook's "\\ud800", a cut emoji) cannot be written as UTF-8: the segmenting
    # cache's key failed on it with a traceback. Readers' articles are made writable too, once read (`finished`)
    raw, fields = writable_value(raw), writable_value(fields)
    body = None  # the body, when a lead is put before it: the headline, datelines and source lines are the body's
    if lead is not None and not missing(lead):
        if not isinstance(lead, str):
            raise TypeError(f"{name}: the lead of an article is a str, not {type(lead).__name__}")
        lead = writable_value(lead)
        if lead.strip():
            joined = with_lead(lead, raw)
            body, raw = (raw if joined != raw and raw.strip() else None), joined
    raw = _from_legacy_font(raw, "text", fields, name)
    # a saved page's own address, day of publication, headline and site, in its <head>: read before its text
    page = is_html(raw)
    address, published = page_head(raw) if page else (None, None)
    headline, tab, site, tab_name = page_names(raw) if page else (None, False, None, None)
    # spelt as the text is: a page saved in Windows-1258 writes its names decomposed, and its site was a second source
    headline, site, tab_name = (value and normalize(value) for value in (headline, site, tab_name))
    # the site its tab's name ends with ("… - Báo Đắk Lắk điện tử"), under the headline of its <h1> too
    site = site or (tab_name and without_site(tab_name)[1])
    raw = _readable(raw, fields, name)
    normalized = normalize(raw)
    clean = strip_furniture(normalized)
    if clean == raw:  # (45% of baomoi's articles) the one string, not a copy: a corpus' text was held twice
        clean = raw
    if not clean.strip():
        clean = _title_for_wordless_text(raw, fields, name)
    if body is None:
        found = extract_metadata(clean)
    else:
        # the metadata the body states, read once: before it, a short lead was read as the headline (and a lead is no
        # dateline); the tag a lead opens with ("(Baophutho.vn) - Ngày 5/7, …") names the source where no source line
        # does, before a closing byline
        body = _readable(to_unicode(body, fields.get("encoding"))[0], fields, name, say=False)
        found = extract_metadata(strip_furniture(normalize(body)), normalize(_readable(lead, fields, name, say=False)))
    if found["source"]:  # a source line pasted from an old document into a Unicode text ("Nguồn: B¸o §¾k L¾k")
        found["source"] = _from_legacy_font(found["source"], "the source's name", fields, name, fields.get("encoding"),
                                            source=True)
    if headline:  # (a page without an <h1>, whose text opens with its menu or lead) its head's; the text stays as read
        # (after a tab's headline, any site's name its head gives: "… - Ban Dân vận Tỉnh ủy Đắk Lắk")
        headline, tab_site = without_site(headline, field=not tab, site=site if tab else None)
        named = (site or tab_site or "").casefold()
        # a tab named by its site alone ("Báo Đắk Lắk điện tử", "baodaklak.vn") is no headline
        if not (is_site_name(headline) or named and headline.casefold().startswith(named)
                and len(headline[len(named):].split()) <= 2):
            found["title"], site = headline, site or tab_site
    # the site a page names in its head, else over its headline (its logo copied), else its address
    found["source"] = found["source"] or site or masthead_site(normalized) or (address and site_of_link(address))
    found["date"] = found["date"] or (published and parse_date(published, say=False))
    given, spelt = {}, spelt or {}
    for key in METADATA_FIELDS + ("label",):
        value = fields.pop(key, None)
        if key == "source" and isinstance(value, dict) and isinstance(value.get("name"), str):
            value = value["name"]  # NewsAPI's source, {"id": "vnexpress", "name": "VnExpress"}: its name
        given[key] = field_text(value)
        if value is not None and given[key] is None:
            fields[key] = value
            add_warning(fields, f"the '{spelt.get(key, key)}' field is {json_kind(value)}, not text: not used")
            warn_once(name, f"the '{spelt.get(key, key)}' field is {json_kind(value)}, not text: not used")
    for key in ("title", "source"):  # copied from the same old document as the text, as often as not
        if given[key]:
            given[key] = _from_legacy_font(given[key], f"the '{spelt.get(key, key)}' field", fields, name,
                                           fields.get("encoding"), source=key == "source")
    for key in METADATA_FIELDS:  # spelt as the text is, so that what the text states and a field agree: a source
        if given[key] is not None:  # from a Mac (NFD) or a Windows-1258 file (tone marks apart) is one source
            # (a title exported escaped for a page, "H&#7897;i ngh&#7883;", as its text may be)
            given[key] = normalize(unescape_references(field_visible_text(given[key]))).strip()
    if given["source"]:
        given["source"] = site_of_link(given["source"])
    if given["title"]:
        # a scraper's title field that holds the page's <title>, "… năm 2024 - Báo Tuyên Quang điện tử": the headline,
        # and the site the source where nothing else names one, as that line at the top of a text is read
        given["title"], site = without_site(given["title"], field=True)
        found["source"] = found["source"] or site
        # and one that ends with its date, as listings write it ("… năm 2024 - 25/03/2024"): that date the article's
        # where neither a date field nor the text gives one
        if dated := dated_headline(given["title"]):
            given["title"], found["date"] = dated[0], found["date"] or dated[1]
    if given["date"]:
        date = parse_date(given["date"], month_first=month_first)
        if date is None:
            fields["date"] = given["date"]
            # one message for the record and the log: which forms are read, not only which years
            why = (f"the '{spelt.get('date', 'date')}' field {given['date']!r} is not a date (day/month/year or "
                   f"year-month-day, in the years {FIRST_YEAR} to {LAST_YEAR}, not 1970-01-01 or 1900-01-01, the days "
                   "software writes for no date): not used")
            add_warning(fields, why)
            warn_once(name, why, f"the '{spelt.get('date', 'date')}' field is not a date: not used")
        given["date"] = date
    title = given["title"] or found["title"]
    # a label is read as a user meant it: "other " (a space a spreadsheet kept) is "other", and NFD (typed on a
    # Mac) is NFC, as in label files
    article = Article(
        id=str(article_id), title=title, text=clean, date=given["date"] or found["date"],
        source=given["source"] or found["source"], label=nfc((given["label"] or "").strip()) or None, raw=raw,
        meta=fields,
    )
    from .language import with_language_warning  # here, not above: language.py imports this module
    # text typed without accents or damaged by a code page is flagged here, for an article made in a notebook as for
    # one read from a file: its label and topics are unreliable
    return with_language_warning(article, name) if judge_language else article


def _named_as_columns(fields: dict) -> tuple[dict, dict]:
    """`fields` given in Python (a DataFrame's row) with the title, date, source, label and lead found under the names
    a file's columns may have ("Tiêu đề", "Ngày đăng", "Sapo", " Title ": `tables.field_names`), as `read_articles`
    finds them in the same table saved as CSV: they were kept aside unread, the title taken from the body and the
    date lost. With {field: the name it was given}, which the warnings name."""
    from .records import FieldNames, is_status  # here, not above: records.py imports this module

    read_here = (*METADATA_FIELDS, "label", "lead")
    named, spelt = {}, {}
    for given, name in zip(fields, field_names(fields, FieldNames().wanted())):
        # (a "Published" column of Yes/No, True/False is a post's status, kept as the readers keep it: not a date)
        if name != given and name in read_here and not (name == "date" and is_status(fields[given])):
            spelt[name] = given
        named[name if name in spelt else given] = fields[given]
    return named, spelt


_ESCAPED_LINE_END = re.compile(r"\\r\\n|\\n")
_CUT_SHORT = re.compile(r"\s*(\[\+\d+ chars\])\s*$")


def _readable(raw: str, fields: dict, name: str, say: bool = True) -> str:
    """`raw` as its reader reads it: line ends written escaped, HTML's visible text, Markdown's words, character
    references read as their characters; each said in the record's `fields` and the log, when `say`."""
    def tell(logged: str, recorded: str) -> None:
        if say:
            warn_once(name, logged)
            add_warning(fields, recorded)

    if "\\n" in raw and "\n" not in raw.strip():
        # its line ends written escaped, "\n" (a JSON string's, saved into a CSV cell or a field a second time): read
        # as one line, the text would have no title, no dateline and "2022\nThứ" for words
        tell("the text's line ends are written escaped (\"\\n\"): read as line ends",
             "the text's line ends are written escaped (\\n): read as line ends")
        raw = _ESCAPED_LINE_END.sub("\n", raw)
    # NewsAPI's content: its first 200 characters and how many it left out
    if raw.rstrip().endswith(" chars]") and (cut := _CUT_SHORT.search(raw)):
        tell(f"the text is cut short ({cut[1]!r}, as NewsAPI gives it): only its start is read",
             f"the text is cut short ({cut[1]}, as NewsAPI gives it): only its start is read")
        raw = raw[:cut.start()]
    html = is_html(raw)
    if html:
        tell("HTML instead of text; its visible text is used", "HTML instead of text: its visible text is used")
        raw = html_to_text(raw)
    elif is_markdown(raw):  # as reader and scraper tools save a page: its words, not its links' addresses and marks
        tell("Markdown instead of text; its text is used, without the links' addresses",
             "Markdown instead of text: its text is used, without the links' addresses")
        raw = markdown_to_text(raw)
    if not html and LINE_BREAK_TAG.search(raw):  # a lead's one "<br />": markup, not the words "< br / >" (hunt 42 AN)
        tell("HTML line breaks (<br>) in the text: read as line ends", "HTML line breaks (<br>) in the text: read as "
             "line ends")
        raw = LINE_BREAK_TAG.sub("\n", raw)
    if not html and (unescaped := unescape_references(raw)) != raw:  # a page's text without its tags: "V&#7853;n"
        # (the record names its own, "&nbsp;": it named "&#7853;" and "&amp;" whatever the text held, hunt 42 AN)
        tell("HTML character references (\"&#7853;\", \"&amp;\") in the text: read as the characters they stand for",
             f"HTML character references ({', '.join(references_in(raw))}) in the text: read as the characters they "
             "stand for")
        raw = unescaped
    return raw


def _title_for_wordless_text(raw: str, fields: dict, name: str) -> str:
    """The text of an article whose text held nothing once its furniture went ("...", "* * *", a line of
    buttons): its title field, as for an empty text (an export of headlines), with a warning that says so;
    without a title, the error says what the text held, since "no text" misleads about a text of marks."""
    held = " ".join(raw.split())[:40]
    why = f"the text holds no words once its page furniture is dropped ({held!r})"
    title = field_text(fields.get("title"))
    if title and strip_furniture(normalize(title)).strip():
        add_warning(fields, f"{why}: the title is read as the text")
        warn_once(name, f"{why}: the title is read as the text",
                        "the text holds no words once its page furniture is dropped: the title is read as the text")
        return strip_furniture(normalize(title))
    if held:
        raise InputError(f"{name}: no text in the article: {why}, and it has no title to read instead")
    raise InputError(f"{name}: no text in the article")


def _from_legacy_font(value: str, what: str, fields: dict, name: str, likely: str | None = None,
                      source: bool = False) -> str:
    """`value` in Unicode: Vietnamese in the TCVN3 or VNI font encoding (a document set in those fonts, copied
    into a UTF-8 file or field) converted, with a warning in the record naming `what` was. `likely`: the
    encoding the record's text was in (`to_unicode`); `source`: `value` is a source's name."""
    converted, encoding = to_unicode(value, likely, name=source)
    if encoding:
        warn_once(name, f"{what} in the {encoding} font encoding, converted to Unicode")
        fields.setdefault("encoding", encoding)
        add_warning(fields, f"{what} written in {encoding} (an old Vietnamese font encoding), converted to Unicode")
    return converted


def finished(article: Article) -> Article:
    """Every text of `article` writable as UTF-8, so no output file or terminal fails on it; its id in NFC, as
    a labels file's ids are read (a file name from a Mac is NFD)."""
    for spec in dataclass_fields(article):
        setattr(article, spec.name, writable_value(getattr(article, spec.name)))
    article.id = nfc(article.id)
    return article
