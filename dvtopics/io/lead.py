"""An article's lead (its "sapo", the paragraph under the headline) and its body, joined as the page prints them:
news CMSs keep the two apart, and exports hold them in different forms (one HTML, the other text; the lead cut
short, or repeated at the body's opening)."""
from __future__ import annotations

import html
import re

from ..text.normalise import normalize
from .htmltext import html_to_text, is_html, unescape_references


def with_lead(lead: str, text: str) -> str:
    """`text` after its lead, as the page prints them: news CMSs keep the lead ("sapo", the paragraph under the
    headline) apart from the body, and it names the event an article reports more often than any other paragraph.
    A body that opens with the lead already (an export that copies it into both) keeps it once.

    >>> with_lead("Sáng 5/3, Ban Dân vận họp.", "Dự hội nghị có …")
    'Sáng 5/3, Ban Dân vận họp.\\n\\nDự hội nghị có …'
    >>> with_lead("Sáng 5/3, Ban Dân vận họp.", "Sáng 5/3,  Ban Dân vận họp. Dự hội nghị có …")
    'Sáng 5/3,  Ban Dân vận họp. Dự hội nghị có …'

    The two are compared as the reader sees them, since exports hold them in different forms: markup and character
    references aside, and a lead cut short ("…", "...", WordPress' excerpt's "[&hellip;]") compared up to its cut.
    A lead and a body of which one is HTML are joined as one page's or one text's, so that the body's markup is
    still read as markup when a plain lead comes first (it no longer opens with a tag).

    >>> with_lead("<p>Sáng 5/3, Ban Dân vận họp về công tác [&hellip;]</p>", "Sáng 5/3, Ban Dân vận họp về công tác.")
    'Sáng 5/3, Ban Dân vận họp về công tác.'
    >>> with_lead("Sáng 5/3 & chiều 6/3.", "<p>Dự hội nghị có …</p>")
    '<p>Sáng 5/3 &amp; chiều 6/3.</p>\\n\\n<p>Dự hội nghị có …</p>'
    """
    lead_html, text_html = is_html(lead), is_html(text)
    seen_lead = _seen(lead, lead_html)
    opening = _CUT_SHORT.sub("", seen_lead)[:200].strip()
    # (markup is looked at further: a picture's <figure> and its srcset open many posts, 1,000 characters of tags
    # before the paragraph the lead repeats)
    window = text[:len(lead) + (4400 if text_html else 400)]
    if not opening or opening in _seen(window, text_html)[:len(seen_lead) + 400]:
        return text
    if text_html and not lead_html:  # one page: the lead a paragraph of it
        lead = f"<p>{html.escape(unescape_references(lead.strip()), quote=False)}</p>"
    elif lead_html and not text_html:  # one text: the lead's visible text (else the body would be read as HTML)
        lead = html_to_text(lead)
    return f"{lead.strip()}\n\n{text}" if text.strip() else lead


# a lead cut short where an export ends it: "…", "...", "[…]", WordPress' excerpt's " [&hellip;]"
_CUT_SHORT = re.compile(r"\s*(?:\[\s*(?:…|\.{3})\s*\]|…|\.{3,})\s*$")


def _seen(text: str, markup: bool) -> str:
    """`text` as a reader sees it, to compare a lead with a body: its visible text, in one spelling, one space apart
    (its tags cut with regular expressions, quicker than parsing it, on every record of a file)."""
    if markup:
        text = html.unescape(_TAGS.sub("", _BLOCK_TAGS.sub(" ", text)))
    else:
        text = unescape_references(text)
    return " ".join(normalize(text).split())


_BLOCK_TAGS = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|figure|figcaption|section|article|header|blockquote|tr|td|th|"
                         r"table)\b[^>]*>", re.I)
_TAGS = re.compile(r"<[^>]*>")
