"""How a count is written in messages, tables and the report: "1 article", "2 articles", "1 of 2 ids is"; and
what a notebook shows of a result (`brief_repr`): its texts and lists cut, with their lengths."""
from __future__ import annotations

import itertools


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


# What `brief_repr` shows of each value: a text's first characters, a list's or a dict's first items
SHOWN_CHARS = 60
SHOWN_ITEMS = 3


def brief_repr(obj) -> str:
    """A dataclass as a notebook shows it (its repr), each field's value cut short (`brief`): the repr dataclasses
    write held every article's text and every topic mix, so `jobs.fit_topics`' result showed 40 MB for 3,000
    articles, more than Jupyter shows or a notebook file should hold.

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Fit:
    ...     texts: list
    ...     __repr__ = brief_repr
    >>> Fit(["công_tác " * 10] * 3000)  # doctest: +ELLIPSIS
    Fit(texts=['công_tác công_tác công_tác côn'… (90 characters), ..., … (3,000 items)])
    """
    from dataclasses import fields

    shown = ", ".join(f"{spec.name}={brief(getattr(obj, spec.name))}" for spec in fields(obj) if spec.repr)
    return f"{type(obj).__name__}({shown})"


def brief(value, depth: int = 0) -> str:
    """`value`'s repr cut short: a text to its first `SHOWN_CHARS` characters (half inside a list) and its length, a
    list, tuple or dict to its first `SHOWN_ITEMS` items and their count (`depth` 2 down: the count alone, of more),
    an array to its shape.

    >>> brief("x" * 61)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… (61 characters)"
    >>> brief(list(range(10))), brief({"a": [[1, 2], [3]]})
    ('[0, 1, 2, … (10 items)]', "{'a': [[1, 2], [3]]}")
    """
    if isinstance(value, str):  # (a list's texts cut shorter: each is one of many)
        width = SHOWN_CHARS if depth == 0 else SHOWN_CHARS // 2
        return repr(value) if len(value) <= width else f"{value[:width]!r}… ({len(value):,} characters)"
    if isinstance(value, (list, tuple, dict)):
        opening, closing = "{}" if isinstance(value, dict) else "()" if isinstance(value, tuple) else "[]"
        count = f"{len(value):,} {word_for(len(value), 'item')}"
        if depth >= 2 and len(value) > SHOWN_ITEMS:
            return f"{opening}… ({count}){closing}"
        items = list(itertools.islice(value.items() if isinstance(value, dict) else value, SHOWN_ITEMS))
        shown = [f"{brief(item[0], depth + 1)}: {brief(item[1], depth + 1)}" if isinstance(value, dict)
                 else brief(item, depth + 1) for item in items]
        if len(value) > SHOWN_ITEMS:
            shown.append(f"… ({count})")
        return opening + ", ".join(shown) + ("," if isinstance(value, tuple) and len(value) == 1 else "") + closing
    if hasattr(value, "shape") and hasattr(value, "dtype"):  # a numpy array (a topic model's mixes)
        return f"<array of shape {value.shape}>"
    text = " ".join(repr(value).split())  # (scikit-learn's pipelines write theirs over many lines)
    return text if len(text) <= 2 * SHOWN_CHARS else f"{text[:2 * SHOWN_CHARS]}…"
