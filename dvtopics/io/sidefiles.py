"""Files a user gives beside the articles: labels, stopwords, a model card edited by hand."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import InputError
from ..text.normalise import normalize
from .decode import decode_text
from .paths import home_path


def stopword_spelling(word: str) -> str:
    """A stopword as segmented, lower-cased text spells it ("Nhân dân" is "nhân_dân", "hoà" is "hòa"): in a file
    or given to `TopicModel(extra_stopwords=...)` alike."""
    return "_".join(normalize(word).lower().split())


def read_stopwords(path: str | os.PathLike) -> list[str]:
    """The words of a stopword file (one a line) as segmented, lower-cased text spells them: "Nhân dân" and
    "nhân_dân" are both "nhân_dân" (the segmenter joins a word's syllables with "_"; lists found on the web
    write spaces), and the spelling is the one `normalize` gives the text ("hoà" is "hòa", NFD is NFC)."""
    # A line of a table (a CSV of words and counts, "nhân dân,120"; a spreadsheet's column of words saved with its
    # neighbours) or a list on one line ("nhân dân, chính trị") holds a word per cell: read as one word, "nhân_dân,120"
    # matched no token and the word stayed, in silence. No word holds a comma, a semicolon, a tab or a quote.
    cells = (cell for line in read_side_file(path).splitlines() for cell in re.split(r"[,;\t]", line))
    words = (stopword_spelling(cell.replace('"', " ")) for cell in cells)
    words = [word for word in words if word]
    if not words:  # the wrong file given, as often as not: say so rather than model without the words meant
        raise InputError(f"{path}: no stopwords in it (give one a line)")
    return words


def read_side_file(path: str | os.PathLike, say: bool = True) -> str:
    """The text of a file a user gives beside the articles (labels, stopwords) or edits (a model card):
    UTF-8 or UTF-16, with or without a BOM, as `decode_bytes` reads articles. An empty file is "". How it was decoded
    is warned of when `say`: not by a second look at a file read for its labels too, which said it twice."""
    try:
        data = Path(home_path(path)).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode_text(data, str(path), say=say)[0] if data.strip() else ""
