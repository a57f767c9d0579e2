"""How a count is written in messages, tables and the report: "1 article", "2 articles", "1 of 2 ids is"."""
from __future__ import annotations


def word_for(n: int, one: str, many: str | None = None) -> str:
    """The form of a noun or verb that agrees with `n`: `one` for 1, else `many` (`one` + "s" unless given).

    >>> word_for(1, "article"), word_for(0, "article"), word_for(2, "has", "have"), word_for(1, "carries", "carry")
    ('article', 'articles', 'have', 'carries')
    """
    return one if n == 1 else many or one + "s"


def plural(n: int, one: str, many: str | None = None) -> str:
    """A count and its noun: "1 article", "2 articles" (`word_for`).

    >>> plural(1, "article"), plural(3, "article"), plural(2, "entry", "entries")
    ('1 article', '3 articles', '2 entries')
    """
    return f"{n} {word_for(n, one, many)}"
