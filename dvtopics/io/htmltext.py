"""A saved web page given as an article: how it is told from text, and its visible text."""
from __future__ import annotations

import email
import itertools
import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

from ..text.furniture import heads_other_articles


class _TextOfHtml(HTMLParser):
    """Collects visible text from HTML, one block element per line, and where each <h1> is in it."""

    # each on a line of its own, as a browser shows them: HTML's block elements, and a table's cells (the layout of
    # many sites' pages: menu, headline and dateline side by side), whose texts would otherwise run together
    # ("Trang chủTin tức", "năm 202205/07/2022")
    _BLOCKS = {"address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "dialog",
               "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
               "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "nav", "ol", "option", "p", "pre",
               "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
    # not shown on the page, or no article's words: <title> is the browser tab's name ("Headline - Site"), the <h1> is
    # the headline; a <template>'s content is drawn by a script, if ever; a <select>'s options (a weather box's
    # provinces) are a control's. (A button's words stay: "Gửi" under a comments heading tells it from the article's
    # own section, `text.furniture._comments_under`.)
    _SKIP = {"script", "style", "noscript", "title", "template", "select"}
    _HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
    # elements with no end tag, or one a page may leave out ("<li>a<li>b", "<p>…<p>…"): one of them hidden is read,
    # since its end is not known here, and passing over all that follows it would lose the article
    _OPEN_ENDED = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
                   "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
                   "colgroup", "caption", "rb", "rt", "rp"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.h1_spans: list[list[int]] = []  # [begin, end] in `parts` of each <h1>
        self._skipping = 0
        self._hidden: list = []  # [tag, depth] of a hidden element being passed over
        self._in_heading = 0
        self._after_link = False
        self._page = False  # inside a <body>: a whole page, not a scraped field's markup
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        if self._hidden:  # inside an element the page hides: only its own tag's depth is counted
            self._hidden[1] += tag == self._hidden[0]
            return
        if tag not in self._OPEN_ENDED and _is_hidden(attrs):  # "display:none", hidden: a popup, a menu for phones
            self._hidden = [tag, 1]
            return
        # a whole page's own footer and sidebars (its address, licence, ads, "Đọc nhiều"), not an article's
        if tag in ("footer", "aside") and self._page and not self._in_article:
            self._hidden = [tag, 1]
            return
        self._page = self._page or tag == "body"
        self._in_article += tag == "article"
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "br" and self._in_heading:  # a headline broken over two lines is one headline
            self.parts.append(" ")
        elif tag in ("ul", "ol") and self._drop_list_heading():  # "Tin liên quan" over its list: both go
            self._hidden = [tag, 1]
            return
        elif tag in self._BLOCKS:
            if tag == "h1":
                self.h1_spans.append([len(self.parts), None])
            self.parts.append("\n")
        elif tag == "a" and self._after_link:  # links side by side ("Chia sẻ", "Zalo"), apart as a browser shows them
            self.parts.append(" ")
        self._in_heading += tag in self._HEADINGS

    def handle_endtag(self, tag):
        if self._hidden:
            self._hidden[1] -= tag == self._hidden[0]
            if not self._hidden[1]:
                self._hidden = []
            return
        if tag == "article" and self._in_article:
            self._in_article -= 1
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCKS:
            if tag == "h1" and self.h1_spans and self.h1_spans[-1][1] is None:
                self.h1_spans[-1][1] = len(self.parts)
            self.parts.append("\n")
        self._after_link = tag == "a"
        if tag in self._HEADINGS and self._in_heading:
            self._in_heading -= 1

    def _drop_list_heading(self) -> bool:
        """Whether the line just read heads a list of other articles (`heads_other_articles`); if so it is dropped. In
        copied text such a list runs to the next line that ends like a sentence, and took the article's own lines
        after a box of related headlines with it; here the list's end tag says where it ends."""
        end = len(self.parts)
        while end and not self.parts[end - 1].strip():
            end -= 1
        start = end
        while start and self.parts[start - 1] != "\n":
            start -= 1
        line = " ".join("".join(self.parts[start:end]).split())
        if not line or not heads_other_articles(line):
            return False
        self.parts[start:end] = [""] * (end - start)
        return True

    def handle_data(self, data):
        if not self._skipping and not self._hidden:
            self.parts.append(data)
            self._after_link = self._after_link and not data.strip()


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _is_hidden(attrs) -> bool:
    """Whether an element's attributes hide it: `hidden`, or a style of "display: none" or "visibility: hidden"."""
    return any(name == "hidden" or name == "style" and value and _HIDDEN_STYLE.search(value) for name, value in attrs)


# HTML's elements, of pages and of the content a site's software stores (a scraped "content" field: "<h2>…</h2><p>…",
# "<span style=…>"): a tag of one of these is markup, where "<< Tin cũ" or "<3" is text
_ELEMENTS = ("a|abbr|address|article|aside|b|blockquote|body|br|button|center|dd|div|dl|dt|em|figcaption|figure|"
             "font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|link|main|meta|nav|noscript|ol|"
             "option|p|picture|pre|script|section|select|small|source|span|strong|style|sub|sup|table|tbody|td|th|"
             "thead|title|tr|u|ul|video")
# A page's or a content field's first tag, after what a saved page may put before it: an XML declaration (XHTML),
# comments (the "<!-- saved from url=... -->" that Chrome, Edge and Internet Explorer write when saving a page).
HTML_START = re.compile(rf"^\s*(?:(?:<\?xml[^>]*>|<!--.*?-->)\s*)*(<!doctype html|<(?:{_ELEMENTS})(?=[\s/>]))",
                        re.I | re.S)
# Markup inside text that does not open with a tag ("Sáng 5/7, <b>Ban Dân vận</b> …<br>"): a closing tag or a line break
_MARKUP = re.compile(rf"</(?:{_ELEMENTS})\s*>|<br\s*/?>", re.I)


def is_html(text: str) -> bool:
    """Whether `text` is HTML, whose visible text is to be read: it opens with a tag of HTML's (after a saved page's
    prologue), or holds markup, two closing tags or line breaks at least (one "<br>" could be a word quoted)."""
    if HTML_START.match(text):
        return True
    return next(itertools.islice(_MARKUP.finditer(text), 1, None), None) is not None


def html_to_text(html: str) -> str:
    """The visible text of `html`, one block a line. A whole page (with a <body>) whose <h1> holds its headline is read
    from that headline on: what a page shows above it is its site's (menus, a ticker of other headlines, a cookie
    banner, a column of other articles, the day the page was shown), and a headline or a date among it was taken for
    the article's. The date right above the headline stays where the page's head states none (`page_head`)."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    start = _headline_start(html, parser)
    above = [" ".join(line.split()) for line in "".join(parser.parts[:start]).split("\n") if line.strip()]
    lines = [" ".join(line.split()) for line in "".join(parser.parts[start:]).split("\n")]
    if above:
        from ..text.dates import dateline_date
        from .metadata import is_site_name
        dated = page_head(html)[1] is None and next((line for line in reversed(above[-3:]) if dateline_date(line)),
                                                    None)
        logo = next((line for line in above[:3] if is_site_name(line)), None)  # the site's name, read for the source
        lines = [line for line in (logo, dated) if line] + lines
    return "\n".join(line for line in lines if line)


_BODY = re.compile(r"<body\b", re.I)


def _headline_start(html: str, parser: _TextOfHtml) -> int:
    """Where, in the parser's parts, the first <h1> of a whole page that holds a headline begins, or 0: not a logo
    (no words, or its site's name alone: "Báo Đắk Lắk điện tử")."""
    if not parser.h1_spans or not _BODY.search(html):
        return 0
    from .metadata import is_site_name
    site = page_names(html)[2]
    for start, end in parser.h1_spans:
        words = " ".join("".join(parser.parts[start:end]).split())  # (an <h1> left open: to the text's end)
        if len(words.split()) >= 3 and not is_site_name(words) and words != site:
            return start
    return 0


# The address a saved page gives for itself: the comment a browser writes when saving it ("<!-- saved from
# url=(0045)https://… -->"), its canonical link, its Open Graph url. Its site is the source where the page names none,
# as an "URL: …" line over a scraper's text gives it; the <head> that holds them is no visible text.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(https?://\S+?)\s*-->", re.I)
_HEAD_TAG = re.compile(r"<(?:link|meta)\b[^>]*>", re.I)
_SELF = re.compile(r"\b(?:rel\s*=\s*[\"']?canonical|property\s*=\s*[\"']?og:url)\b", re.I)
_TAG_LINK = re.compile(r"\b(?:href|content)\s*=\s*[\"']?(https?://[^\"'\s>]+)", re.I)
_HEAD_LOOK = 65_536  # characters looked at: the prologue and the <head>, or as far as it ends (`_head`)
_HEAD_END = re.compile(r"</head\s*>|<body\b", re.I)
_HEAD_MOST = 4_194_304  # a <head> of inline styles and scripts (80 KB of CSS) held the meta tags after them


def _head(html: str) -> str:
    """The prologue and the <head> of a page: the first `_HEAD_LOOK` characters, or up to where the head ends."""
    end = _HEAD_END.search(html, 0, _HEAD_MOST)
    return html[:max(_HEAD_LOOK, end.start() if end else 0)]


# The day a saved page says it was published, in its <head> (`<meta property="article:published_time" content="…">`,
# as news sites write it for social networks) or its schema.org data ("datePublished": "…"): where its visible text
# gives none (a date drawn by a script), the article was undated
_PUBLISHED_META = re.compile(r"\b(?:property|name|itemprop)\s*=\s*[\"']?(?:article:published_time|og:published_time|"
                             r"datePublished|pubdate|publishdate)[\"'\s>]", re.I)
_TAG_CONTENT = re.compile(r"\bcontent\s*=\s*[\"']([^\"']+)", re.I)
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


# (each read twice of one page, by the reader of its text and by the article's maker: its head's regexes run once)
@lru_cache(maxsize=4)
def page_head(html: str) -> tuple[str | None, str | None]:
    """(the address a saved page gives for itself, `_SAVED_FROM`, its canonical link or og:url; the publication date
    its head states, `_PUBLISHED_META`, `_LD_PUBLISHED`, as written), each None where it gives none: its head's tags
    read once for both.

    >>> page_head('<!-- saved from url=(0024)https://a.vn/b-1.html -->\\n<html>'), page_head('<p>Hội nghị</p>')
    (('https://a.vn/b-1.html', None), (None, None))
    >>> page_head('<meta property="article:published_time" content="2019-03-12T08:15:00+07:00" />')
    (None, '2019-03-12T08:15:00+07:00')
    """
    head = _head(html)
    saved = _SAVED_FROM.search(head)
    address, published = saved and saved[1], None
    for tag in _HEAD_TAG.finditer(head):
        if address is None and _SELF.search(tag[0]) and (link := _TAG_LINK.search(tag[0])):
            address = link[1]
        if published is None and _PUBLISHED_META.search(tag[0]) and (content := _TAG_CONTENT.search(tag[0])):
            published = content[1]
        if address and published:
            break
    if published is None and (written := _LD_PUBLISHED.search(html, 0, 4 * _HEAD_LOOK)):
        published = written[1]
    return address, published


# A page's own names in its <head>: its headline for social networks (og:title) or the browser tab's name (<title>,
# "Headline - Site"), and its site's name (og:site_name)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_OG_TITLE = re.compile(r"\b(?:property|name)\s*=\s*[\"']?og:title[\"'\s>]", re.I)
_OG_SITE = re.compile(r"\b(?:property|name)\s*=\s*[\"']?og:site_name[\"'\s>]", re.I)
_H1 = re.compile(r"<h1\b", re.I)


@lru_cache(maxsize=4)
def page_names(html: str) -> tuple[str | None, bool, str | None, str | None]:
    """(the headline a page's <head> gives when its body has no <h1> to give it, as written there; whether it is the
    tab's name, which may end with the site's; the name of its site; the tab's name, <h1> or not, which names the site
    after the headline: "… - Báo Đắk Lắk điện tử"), None where it gives none. A page whose headline is drawn in a <div>
    was titled by its first paragraph, and its site's name was lost where its address gives only a domain.

    >>> page_names('<title>Hội nghị tổng kết năm 2016 - Báo Đắk Lắk</title><p>Sáng 6/1, …</p>')[:3]
    ('Hội nghị tổng kết năm 2016 - Báo Đắk Lắk', True, None)
    >>> page_names('<meta property="og:site_name" content="Báo Đắk Lắk"><title>A - B</title><h1>A - B</h1>')
    (None, False, 'Báo Đắk Lắk', 'A - B')
    """
    head = _head(html)
    title = site = None
    for tag in _HEAD_TAG.finditer(head):
        if title is None and _OG_TITLE.search(tag[0]) and (content := _TAG_CONTENT.search(tag[0])):
            title = content[1]
        if site is None and _OG_SITE.search(tag[0]) and (content := _TAG_CONTENT.search(tag[0])):
            site = " ".join(unescape(content[1]).split()) or None
    found = _TITLE.search(head)
    tab_name = found and " ".join(unescape(found[1]).split()) or None
    tab = title is None and tab_name is not None
    title = title if title is not None else found and found[1]
    if title is None or _H1.search(html):
        return None, False, site, tab_name
    return " ".join(unescape(title).split()) or None, tab, site, tab_name


# A page saved by a browser as one file (Chrome's "Webpage, Single File" .mhtml, Edge's and Internet Explorer's
# "Web Archive" .mht) is MIME, as an e-mail is: headers, then the page and its pictures as parts, the page most
# often quoted-printable ("=C3=A1" for "á"). Its headers say so before their first blank line.
_MHTML_HEADERS = re.compile(rb"^content-type:[ \t]*multipart/related", re.I | re.M)


def mhtml_page(data: bytes) -> tuple[bytes, str | None, str] | None:
    """The page a web archive (MHTML) holds, as (its HTML bytes, the charset its part declares or None, its address or
    ""), b"" when it holds none; None when `data` is no web archive."""
    headers = re.split(rb"\r?\n\r?\n", data[:8192], maxsplit=1)[0]
    if not _MHTML_HEADERS.search(headers) or not re.search(rb"^mime-version:", headers, re.I | re.M):
        return None
    archive = email.message_from_bytes(data)
    for part in archive.walk():  # the page first, then what it shows (pictures, styles, frames)
        if part.get_content_type() == "text/html":
            address = (part.get("Content-Location") or archive.get("Snapshot-Content-Location") or "").strip()
            return part.get_payload(decode=True) or b"", part.get_content_charset(), address
    return b"", None, ""


# An HTML character reference, with its closing ";": "&#7897;" (ộ), "&#x1ED9;", "&amp;", "&quot;", "&nbsp;"
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# any tag of HTML's: in a title's or a source's field one is markup, not words
_TAG = re.compile(rf"</?(?:{_ELEMENTS})\b[^<>]*>", re.I)
# a line break's tag against a word or at a line's end ("… năm 2024.<br/>Doanh thu …", a scraped lead's one), not one
# set apart by spaces, which a text may quote ("Mẫu <br> trong một câu")
LINE_BREAK_TAG = re.compile(r"(?<=\S)<br\s*/?>|<br\s*/?>(?=\S|[ \t]*$)", re.I | re.M)


def field_visible_text(value: str) -> str:
    """A title's or a source's field as a reader of the page sees it, on one line: its tags dropped ("<b>Hoàn thành 78%
    kế hoạch</b>" was a title with its tags, hunt 42 AN).

    >>> field_visible_text("<p>Quý I, thu ngân sách <b>tăng 15%</b></p>"), field_visible_text("Lợi nhuận < 5%")
    ('Quý I, thu ngân sách tăng 15%', 'Lợi nhuận < 5%')
    """
    return " ".join(_TAG.sub(" ", value).split()) if "<" in value and _TAG.search(value) else value


def references_in(text: str, n: int = 2) -> list[str]:
    """The first `n` different character references `text` holds ("&nbsp;", "&#7853;"), as a warning quotes them."""
    found: list[str] = []
    for match in _CHARACTER_REFERENCE.finditer(text):
        if match.group() not in found:
            found.append(match.group())
            if len(found) == n:
                break
    return found


def unescape_references(text: str) -> str:
    """`text` with its HTML character references read as the characters they stand for ("H&#7897;i ngh&#7883;" is
    "Hội nghị", "&amp;" is "&"), as a CMS or an API (WordPress' "rendered" titles) exports fields escaped for a page
    without any tag that would make them HTML (`is_html`). Only whole references with their ";" and names HTML
    knows ("&foo;" and "AT&T" stay as they are).

    >>> unescape_references("H&#7897;i ngh&#7883; &amp; &quot;D&acirc;n v&#x1EAD;n&quot; &foo; AT&T")
    'Hội nghị & "Dân vận" &foo; AT&T'
    """
    import html

    if "&" not in text or not _CHARACTER_REFERENCE.search(text):
        return text
    return _CHARACTER_REFERENCE.sub(lambda match: html.unescape(match.group()), text)


# A news feed saved as a file (RSS 2.0 or Atom, .xml or .rss): its items are articles, never one page's text
FEED_START = re.compile(r"^\s*(?:(?:<\?xml[^>]*>|<!--.*?-->|<\?xml-stylesheet[^>]*>)\s*)*<(?:rss|feed|rdf:RDF)\b",
                        re.I | re.S)
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_RSS1 = "{http://purl.org/rss/1.0/}"
# WordPress' export keeps a post's excerpt apart from its description (which it leaves empty)
_EXCERPTS = tuple(f"{{http://wordpress.org/export/{version}/excerpt/}}encoded" for version in ("1.2", "1.1", "1.0"))


def feed_items(data: bytes) -> tuple[list[dict], int]:
    """The items of an RSS or Atom feed as records: {"id": its guid or link, "title", "date", "text": its full
    content (`content:encoded`, Atom's content) else its description or summary, HTML as the feed holds it, "lead":
    that description, summary or WordPress excerpt beside the full content}; of a
    WordPress or Blogger export, its posts and pages, not its pictures, menu items, revisions, settings, template and
    comments (`_wordpress_machinery`, `_blogger_machinery`), whose number comes second. ValueError when the feed is not
    well-formed XML."""
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ValueError(f"not a well-formed feed ({exc})") from None

    def text_of(item, *names):
        for name in names:
            found = item.find(name)
            if found is not None and len(found) and found.get("type") == "xhtml":
                # Atom's XHTML content, its markup as elements ("<div xmlns=…><p>…"), not text: the markup is the text,
                # read as HTML is (its own text was blank, and the article was read from its title alone)
                markup = "".join(ElementTree.tostring(child, encoding="unicode") for child in found).strip()
                return re.sub(r"(</?)\w+:", r"\1", markup)  # "<html:p>", as XML writes it, is HTML's "<p>"
            if found is not None and (found.text or found.get("href")):
                value = (found.text or found.get("href")).strip()
                # an Atom title "of type html" holds markup escaped ("Giao ban &lt;b&gt;quý I&lt;/b&gt;"): its words
                return html_to_text(value) if name == f"{_ATOM}title" and found.get("type") == "html" else value
        return None

    records, machinery = [], 0
    for item in [*root.iter("item"), *root.iter(f"{_RSS1}item"), *root.iter(f"{_ATOM}entry")]:
        if _wordpress_machinery(item) or _blogger_machinery(item):
            machinery += 1
            continue
        content = text_of(item, _CONTENT, f"{_ATOM}content")
        # the description (Atom's summary, WordPress' excerpt) beside the full content is the lead, the paragraph under
        # the headline: dropped, the article lost the sentence that names its event most often; without the content
        # it is the text
        summary = text_of(item, *_EXCERPTS, "description", f"{_RSS1}description", f"{_ATOM}summary")
        records.append({
            "id": text_of(item, "guid", "link", f"{_RSS1}link", f"{_ATOM}id", f"{_ATOM}link"),
            # (its link beside an id that is none, Atom's "tag:…": the page's site is the source)
            "url": text_of(item, "link", f"{_RSS1}link", f"{_ATOM}link"),
            "title": text_of(item, "title", f"{_RSS1}title", f"{_ATOM}title"),
            "date": text_of(item, "pubDate", _DC_DATE, f"{_ATOM}published", f"{_ATOM}updated"),
            "text": content or summary,
            "lead": summary if content else None,
        })
    return records, machinery


# The items of WordPress' own export (Tools > Export: a WXR file, RSS with "wp:" fields) that are the site's machinery,
# not its posts or pages: its pictures and files, menu items, revisions, blocks and templates, and what was never
# published or was thrown away. Read as articles, each picture was one ("IMG_2034", labelled and counted) and each menu
# item an error
_WORDPRESS_EXPORT = "{http://wordpress.org/export/"
_WORDPRESS_MACHINERY = frozenset({"attachment", "nav_menu_item", "revision", "custom_css", "customize_changeset",
                                  "oembed_cache", "user_request", "wp_block", "wp_template", "wp_template_part",
                                  "wp_global_styles", "wp_navigation", "wp_font_family", "wp_font_face"})


def wordpress_machinery(post_type, status) -> bool:
    """Whether a WordPress post of `post_type` and `status` is no article (`_WORDPRESS_MACHINERY`, or its status
    "trash" or "auto-draft"): of its export (WXR) and of its posts table (`wp_posts`) alike. A draft is read."""
    return post_type in _WORDPRESS_MACHINERY or status in ("trash", "auto-draft")


def _wordpress_machinery(item) -> bool:
    """Whether a feed's `item` is a WordPress export's item that is no article (`wordpress_machinery`)."""
    wp = {child.tag.rpartition("}")[2]: (child.text or "").strip() for child in item
          if isinstance(child.tag, str) and child.tag.startswith(_WORDPRESS_EXPORT)}
    return wordpress_machinery(wp.get("post_type"), wp.get("status"))


# Blogger's export (Settings > Back up content: an Atom feed) holds the blog's settings, its template and its readers'
# comments as entries beside its posts and pages: each was an article ("true", a template's page, "Hay quá"). An
# entry's kind is its category of the scheme below (its term ends "#post"), or in the newer export its blogger:type
_KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
_BLOGGER_EXPORT = "{http://schemas.google.com/blogger/"


def _blogger_machinery(item) -> bool:
    """Whether a feed's `item` is a Blogger export's entry that is no post or page (`_KIND_SCHEME`)."""
    for child in item:
        if child.tag == f"{_ATOM}category" and child.get("scheme") == _KIND_SCHEME:
            return not (child.get("term") or "").endswith(("#post", "#page"))
        if isinstance(child.tag, str) and child.tag.startswith(_BLOGGER_EXPORT) and child.tag.endswith("}type"):
            return (child.text or "").strip().upper() not in ("POST", "PAGE")
    return False


# Markdown, as reader and scraper tools save a page's text (r.jina.ai, Firecrawl, crawl4ai, trafilatura, Notion):
# links and pictures with their addresses, "#" headings, "**" emphasis. Read as it stands, the headline was
# "# Hội nghị …" and the words "https", "baolangson.vn", "jpg" were the article's.
_MD_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?[^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*>?(?:\s+\"[^\"\n]*\")?\s*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?=\S)", re.M)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])|"
                          r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")  # "*…*" and "_…_"
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)  # a quotation's mark
_MD_BULLET = re.compile(r"^[ \t]*[*+][ \t]+", re.M)
_MD_LOOK = 20_000  # characters looked at to tell Markdown


def is_markdown(text: str) -> bool:
    """Whether `text` is Markdown: two links or pictures with their addresses ("[Bí thư](https://…)"), or a "#"
    heading with one of them or with strong emphasis ("**…**") or a quotation ("> …"), or a text that opens
    with a "#" heading (a note-taking tool's file of one article, "# Headline": hunt 41 AD, whose "*11/07/2019 —
    hanoimoi.vn*" lost its date and source). Plain text writes none of these."""
    head = text[:_MD_LOOK]
    if "](" not in head and "#" not in head:  # most texts: no regex run over them
        return False
    links = sum(1 for _ in itertools.islice(_MD_LINK.finditer(head), 2)) if "](" in head else 0
    if links >= 2:
        return True
    if _MD_HEADING.match(head.lstrip("\ufeff \t\r\n")):
        return True
    # (not a "#" and a "*" anywhere: "# 1 … *Ban Dân vận* …, số 3 * 4" is plain text)
    return bool(_MD_HEADING.search(head)) and (links == 1 or any(
        pattern.search(head) for pattern in (_MD_STRONG, _MD_QUOTE)))


def markdown_to_text(text: str) -> str:
    """The text a reader of the rendered Markdown sees: a link's words without its address, no picture (its address;
    its alt text is a caption), headings without their "#", emphasis and quotations without their marks, bullets as
    "-".

    >>> markdown_to_text("# Hội nghị\\n**Sáng 5/1**, [Ban Dân vận](https://a.vn/b) họp.\\n![Ảnh](x.jpg)\\n*   Một")
    'Hội nghị\\nSáng 5/1, Ban Dân vận họp.\\n\\n- Một'
    """
    text = _MD_LINK.sub(lambda match: "" if match.group(1) else match.group(2), text)
    text = _MD_HEADING.sub("", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(lambda match: match.group(1) or match.group(2), text)
    text = _MD_QUOTE.sub("", text)
    return _MD_BULLET.sub("- ", text)
