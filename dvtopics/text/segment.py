"""Vietnamese word segmentation: sentence split, then pyvi per sentence.

pyvi's tokenizer is quadratic in its input length, so it is never given a
whole article: `split_sentences` cuts the text into lines and sentences, and
runaway sentences into bounded pieces. Segmented text keeps one line per
paragraph and joins the syllables of a word with "_" ("công_tác dân_vận").

`segment_many` adds what batches need: a content-hash cache on disk
(`SegmentCache`, SQLite, safe for several processes), parallel workers and a
progress bar. `Segmenter` (in `_segmenter.py`, importable from here) wraps it
as a scikit-learn transformer.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from itertools import islice
from pathlib import Path
from typing import Iterable, Sequence

from .normalise import normalize

MAX_PIECE_CHARS = 1000  # bound on one pyvi call: its cost grows with the square of the length
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
CACHE_VERSION = "pyvi-0.1.1/1"  # change when the tokens a text gets could change


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, none longer than MAX_PIECE_CHARS."""
    pieces = []
    for sentence in _SENTENCE_END.split(paragraph.strip()):
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
    return _segment_chunk([normalize(text)])[0]


def _segment_chunk(texts: Sequence[str]) -> list[str]:
    """Segment normalised texts. Their sentences go to the segmenter in one batch, which is where
    it is fast (pyvi_fast gives pyvi's tokens byte for byte, benchmarks/RESULTS.md)."""
    from .pyvi_fast import tokenize_many

    layouts = [[split_sentences(p) for p in text.split("\n") if p.strip()] for text in texts]
    tokens = iter(tokenize_many([piece for layout in layouts for pieces in layout for piece in pieces]))
    return ["\n".join(" ".join(islice(tokens, len(pieces))) for pieces in layout) for layout in layouts]


def text_key(normalized: str) -> str:
    """The cache key of a normalised text: a hash of it and of the segmenter version."""
    return hashlib.blake2b(f"{CACHE_VERSION}\0{normalized}".encode(), digest_size=16).hexdigest()


def default_cache_dir() -> Path:
    base = os.environ.get("DVTOPICS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "dvtopics")
    return Path(base)


_LOCK_TIMEOUT = 60  # seconds a process waits for another one holding the cache file


def _retry_while_locked(statement):
    """Run `statement`, retrying while another process holds the database: when several processes
    open a new cache file at once, SQLite answers the switch to WAL "database is locked" at once,
    without waiting the connection's timeout."""
    deadline = time.monotonic() + _LOCK_TIMEOUT
    while True:
        try:
            return statement()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SegmentCache:
    """Segmented texts on disk, keyed by `text_key`.

    SQLite makes every write a transaction: an interrupted run leaves either a
    whole entry or none, and several processes (or Dask workers on one machine)
    can share the file. Each entry also stores the hash of its value, and a
    value that does not match it is treated as missing and redone.
    """

    def __init__(self, directory: str | os.PathLike | None = None):
        self.path = Path(directory or default_cache_dir()) / "segments.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=_LOCK_TIMEOUT)
        _retry_while_locked(lambda: self._db.execute("PRAGMA journal_mode=WAL"))
        _retry_while_locked(lambda: self._db.execute(
            "CREATE TABLE IF NOT EXISTS segments (key TEXT PRIMARY KEY, value TEXT, checksum TEXT)"))

    @staticmethod
    def _checksum(value: str) -> str:
        return hashlib.blake2b(value.encode(), digest_size=8).hexdigest()

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        found = {}
        for start in range(0, len(keys), 500):  # SQLite limits the number of bound parameters
            batch = keys[start:start + 500]
            rows = self._db.execute(
                f"SELECT key, value, checksum FROM segments WHERE key IN ({','.join('?' * len(batch))})", batch)
            found.update({k: v for k, v, c in rows if c == self._checksum(v)})
        return found

    def put_many(self, items: dict[str, str]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO segments VALUES (?, ?, ?)",
                [(k, v, self._checksum(v)) for k, v in items.items()])

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM segments").fetchone()[0]

    def close(self) -> None:
        self._db.close()


def segment_many(
    texts: Iterable[str],
    n_jobs: int = 1,
    cache: SegmentCache | None = None,
    lower: bool = False,
    progress: bool = False,
    chunk_size: int = 64,
) -> list[str]:
    """Segment many texts, each distinct text only once: cached texts are looked
    up, the rest segmented (in `n_jobs` processes when > 1) and stored."""
    texts = [normalize(t) for t in texts]  # once: the cache key and the segmenter see the same text
    keys = [text_key(t) for t in texts]
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


def _run_chunks(chunks, n_jobs: int, progress: bool):
    """Yield (keys, segmented texts) per chunk, in parallel when asked, as they finish."""
    from tqdm import tqdm

    from ..run.batch import map_ordered

    bar = tqdm(total=sum(len(c) for c in chunks), unit="doc", disable=not progress or not chunks)
    outputs = map_ordered(_segment_chunk, ([t for _, t in c] for c in chunks), n_jobs if len(chunks) > 1 else 1,
                          preload=["dvtopics.text.pyvi_fast"])
    for chunk, segmented in zip(chunks, outputs):
        bar.update(len(chunk))
        yield [k for k, _ in chunk], segmented
    bar.close()


def tokens(segmented: str) -> list[str]:
    """The words of a segmented text (whitespace-separated)."""
    return segmented.split()


def __getattr__(name):
    # The scikit-learn transformer lives apart, so that segmenting (`inspect`, `segment`) does not pay
    # for importing scikit-learn.
    if name == "Segmenter":
        from .segmenter import Segmenter
        return Segmenter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
