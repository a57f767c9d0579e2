"""A saved web page given as an article: how it is told from text, and its visible text."""
from __future__ import annotations

import re
from html.parser import HTMLParser


class _TextOfHtml(HTMLParser):
    """Collects visible text from HTML, one block element per line."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"}
    # not shown on the page; <title> is the browser tab's name ("Headline - Site"), the <h1> is the headline
    _SKIP = {"script", "style", "noscript", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


# A page's first tag, after what a saved page may put before it: an XML declaration (XHTML), comments (the
# "<!-- saved from url=... -->" that Chrome, Edge and Internet Explorer write when saving a page).
HTML_START = re.compile(r"^\s*(?:(?:<\?xml[^>]*>|<!--.*?-->)\s*)*(<!doctype html|<html|<head|<body|<div|<p[ >])",
                         re.I | re.S)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
