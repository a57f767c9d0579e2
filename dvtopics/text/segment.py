"""Vietnamese word segmentation: sentence split, then pyvi per sentence.

pyvi's tokenizer is quadratic in its input length, so it is never given a
whole article: `split_sentences` cuts the text into lines and sentences, and
runaway sentences into bounded pieces. Segmented text keeps one line per
paragraph and joins the syllables of a word with "_" ("công_tác dân_vận").

`segment_many` adds what batches need: a content-hash cache on disk
(`SegmentCache`, SQLite, safe for several processes), parallel workers and a
progress bar. `Segmenter` (text/segmenter.py) wraps it as a scikit-learn transformer; it
lives apart so that segmenting alone does not import scikit-learn.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice
from typing import Iterable, Sequence

from ..arguments import as_list, check_at_least, check_n_jobs, check_text, missing, none_is_default
from .cache import SegmentCache, given_cache, text_key
from .normalise import normalize
from .sentences import SENTENCE_BREAK

MAX_PIECE_CHARS = 1000  # bound on one pyvi call: its cost grows with the square of the length


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, none longer than MAX_PIECE_CHARS."""
    pieces = []
    for sentence in SENTENCE_BREAK.split(paragraph.strip()):
        start, end = 0, len(sentence)
        while end - start > MAX_PIECE_CHARS:  # offsets, not slices: a 20 MB line must not be copied per piece
            cut = sentence.rfind(" ", start, start + MAX_PIECE_CHARS)
            cut = cut if cut > start else start + MAX_PIECE_CHARS
            pieces.append(sentence[start:cut])
            start = cut
            while start < end and sentence[start] == " ":
                start += 1
        if start < end:
            pieces.append(sentence[start:end])
    return pieces


def segment_text(text: str) -> str:
    """Segment one text: one output line per paragraph, words joined by "_".

    >>> segment_text("Công tác dân vận của Tỉnh ủy.")
    'Công_tác dân_vận của Tỉnh_ủy .'
    """
    return _segment_chunk([normalize(check_text("text", text, "segment_text"))])[0]


# sentence piece -> its tokens, inside `remember_pieces`; a context variable, so that another thread (or the
# code outside the block) never sees it
_remembered: ContextVar[dict[str, str] | None] = ContextVar("dvtopics_remembered_pieces", default=None)


@contextmanager
def remember_pieces():
    """Inside this block, this process segments each distinct sentence piece once and reuses it: for work
    that segments overlapping texts in turn (the report: an article's head for the classifier, then its
    whole text for the topics, whose paragraphs before the cut are the head's). The same tokens: the
    segmenter reads every piece on its own. What it holds is let go when the block ends."""
    token = _remembered.set(_remembered.get() if _remembered.get() is not None else {})
    try:
        yield
    finally:
        _remembered.reset(token)


def _segment_chunk(texts: Sequence[str]) -> list[str]:
    """Segment normalised texts. Their sentences go to the segmenter in one batch, which is where
    it is fast (pyvi_fast gives pyvi's tokens byte for byte, benchmarks/RESULTS.md)."""
    from .pyvi_fast import tokenize_many

    layouts = [[split_sentences(p) for p in text.split("\n") if p.strip()] for text in texts]
    pieces = [piece for layout in layouts for pieces in layout for piece in pieces]
    memo = _remembered.get()
    if memo is None:
        tokens = iter(tokenize_many(pieces))
    else:
        new = list(dict.fromkeys(piece for piece in pieces if piece not in memo))
        memo.update(zip(new, tokenize_many(new)))
        tokens = iter([memo[piece] for piece in pieces])
    return ["\n".join(" ".join(islice(tokens, len(pieces))) for pieces in layout) for layout in layouts]


@none_is_default
def segment_many(
    texts: Iterable[str],
    n_jobs: int = 1,
    cache: SegmentCache | str | os.PathLike | None = None,
    lower: bool = False,
    progress: bool = False,
    chunk_size: int = 64,
) -> list[str]:
    """Segment many texts, each distinct text only once: cached texts are looked
    up, the rest segmented (in `n_jobs` processes when > 1) and stored. One str is a list of one text.
    `cache` is a `SegmentCache`, its folder (a path, opened for this call) or None."""
    n_jobs = check_n_jobs("n_jobs", n_jobs)  # as -j, whether or not the texts need workers
    # texts a worker is handed at a time: 0 was "range() arg 3 must not be zero", -1 a KeyError of a hash
    chunk_size = check_at_least("chunk_size", chunk_size, 1)
    texts = [normalize(t) for t in _texts(texts)]  # once: the cache key and the segmenter see the same text
    keys = [text_key(t) for t in texts]
    with given_cache(cache) as cache:  # a cache's folder is opened here
        done = cache.get_many(list(dict.fromkeys(keys))) if cache is not None else {}
        todo = list({k: t for k, t in zip(keys, texts) if k not in done}.items())
        chunks = [todo[i:i + chunk_size] for i in range(0, len(todo), chunk_size)]
        for todo_keys, segmented in _run_chunks(chunks, n_jobs, progress):
            results = dict(zip(todo_keys, segmented))
            if cache is not None:
                cache.put_many(results)
            done.update(results)
    out = [done[k] for k in keys]
    return [s.lower() for s in out] if lower else out


def _texts(texts) -> list[str]:
    """`texts` as a list of str; a TypeError that says what to give for anything else (the articles
    `read_articles` gives: their texts, or `segment_articles`), as `predict_articles` says it for texts."""
    texts = as_list(texts, "texts")
    at = next((n for n, text in enumerate(texts) if not isinstance(text, str)), None)
    if at is not None:
        wrong, kind = texts[at], type(texts[at]).__name__
        if missing(wrong):  # a DataFrame column's empty cell: "not float items" named no missing text
            raise TypeError(f"texts: the item at position {at} is {wrong}, a missing text (an empty cell): give texts "
                            "only, such as column.dropna() or column.fillna('')")
        hint = (": give their texts, [a.text for a in articles if not a.error], or segment them with "
                "dvtopics.text.segment.segment_articles(articles)") if hasattr(wrong, "text") else ""
        raise TypeError(f"texts: segment_many segments texts (str), not {kind} items" + hint)
    return texts


@none_is_default
def segment_articles(articles: Iterable, n_jobs: int = 1, cache: SegmentCache | None = None, lower: bool = False,
                     progress: bool = False) -> tuple[list, list[str]]:
    """(the readable articles, their segmented texts): what every job that needs words starts from. Texts, a
    DataFrame or dicts are refused with a TypeError that says what to give (it was "'str' object has no attribute
    'error'")."""
    articles = as_list(articles, "articles", like=("text", "error"),
                       hint="give articles (dvtopics.read_articles, dvtopics.make_article(id, text)); texts go to "
                            "dvtopics.segment_many(texts)")
    good = [a for a in articles if not a.error]
    return good, segment_many([a.text for a in good], n_jobs=n_jobs, cache=cache, lower=lower, progress=progress)


def _run_chunks(chunks, n_jobs: int, progress: bool):
    """Yield (keys, segmented texts) per chunk, in parallel when asked, as they finish."""
    from ..parallel import map_ordered

    outputs = map_ordered(_segment_chunk, ([t for _, t in c] for c in chunks), n_jobs if len(chunks) > 1 else 1,
                          preload=["dvtopics.text.pyvi_fast"])
    if not (progress and chunks):  # tqdm is imported only for a bar: a labelling worker never shows one
        for chunk, segmented in zip(chunks, outputs):
            yield [k for k, _ in chunk], segmented
        return
    from ..progress import progress_bar

    with progress_bar(total=sum(len(c) for c in chunks), unit="doc") as bar:
        for chunk, segmented in zip(chunks, outputs):
            bar.update(len(chunk))
            yield [k for k, _ in chunk], segmented


def tokens(segmented: str) -> list[str]:
    """The words of a segmented text (whitespace-separated)."""
    return segmented.split()


def as_written(word) -> str:
    """A segmented word as a reader writes it, its syllables apart ("dự_án" is "dự án"): a topic's label and the
    report's topic words."""
    return str(word).replace("_", " ")

