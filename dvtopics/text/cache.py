"""The segmentation cache: segmented texts on disk (SQLite), keyed by a hash of the normalised text."""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Sequence

from ..errors import DvtopicsError

log = logging.getLogger(__name__)

CACHE_VERSION = "pyvi-0.1.1/1"  # change when the tokens a text gets could change


def text_key(normalized: str) -> str:
    """The cache key of a normalised text: a hash of it and of the segmenter version."""
    return hashlib.blake2b(f"{CACHE_VERSION}\0{normalized}".encode(), digest_size=16).hexdigest()


def default_cache_dir() -> Path:
    """$DVTOPICS_CACHE, else $XDG_CACHE_HOME/dvtopics, else ~/.cache/dvtopics. As the XDG spec says, an empty
    or relative $XDG_CACHE_HOME is not used (it would put the cache in the working folder). Without a home
    (HOME unset, a uid without a passwd entry: a container run with --user), the user's folder in the
    temporary directory, with one warning: never a folder named "~" in the working folder."""
    if os.environ.get("DVTOPICS_CACHE"):
        return cache_folder(os.environ["DVTOPICS_CACHE"])
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "dvtopics"
    home = os.path.expanduser("~")
    if home != "~":
        return Path(home) / ".cache" / "dvtopics"
    return _homeless_cache_dir()


def cache_folder(directory: str | os.PathLike) -> Path:
    """A cache folder given (--cache-dir, $DVTOPICS_CACHE), a leading "~" read as the home folder: a tilde the
    shell did not expand ("~/cache" in double quotes, in a .env file or a service's settings) would otherwise
    make a folder named "~" in the working folder."""
    return Path(os.path.expanduser(directory))


@functools.lru_cache(maxsize=None)  # one warning per process
def _homeless_cache_dir() -> Path:
    where = Path(tempfile.gettempdir()) / f"dvtopics-cache-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    log.warning("no home folder (HOME is not set): the segmentation cache is in %s; set $DVTOPICS_CACHE or "
                "$XDG_CACHE_HOME to keep it elsewhere", where)
    return where


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

    The cache only saves time: a folder that cannot be made or written (read-only, a file in its place)
    or a write that fails is warned about once, and the job goes on without it. Only a file that is not
    a database stops the job, with a `DvtopicsError` that names it: deleting it is then the fix.
    """

    _warned = False  # one warning per process, not one per batch or worker call

    def __init__(self, directory: str | os.PathLike | None = None):
        self.path = (cache_folder(directory) if directory else default_cache_dir()) / "segments.sqlite"
        self._db = None
        self._closed = False  # by `close`: used after, it would go on without a word (as a cache given up does)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=_LOCK_TIMEOUT)
            self._db = db
            _retry_while_locked(lambda: db.execute("PRAGMA journal_mode=WAL"))
            # A cache need not survive a power cut: with WAL, NORMAL never corrupts the file, it may only lose
            # the last writes (redone on the next run), and a write no longer waits for the disk
            db.execute("PRAGMA synchronous=NORMAL")
            _retry_while_locked(lambda: db.execute(
                "CREATE TABLE IF NOT EXISTS segments (key TEXT PRIMARY KEY, value TEXT, checksum TEXT)"))
        except (OSError, sqlite3.OperationalError) as error:
            self._give_up(error)
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from None

    def _damaged(self, error: sqlite3.DatabaseError) -> DvtopicsError:
        """The error of a file that is not a database: the one case that stops a job (going on would rewrite
        nothing and warn on every run); it names the file, whose deletion loses only time."""
        self.close()
        return DvtopicsError(f"the segmentation cache is damaged ({error}): delete {self.path} (it only saves "
                             "time), or go without the cache (--no-cache; use_cache=False or cache=None in Python)")

    def _give_up(self, error: Exception) -> None:
        """Go on without the cache (it cannot be opened or written), and say so once."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if not SegmentCache._warned:
            SegmentCache._warned = True
            reason = (f"{_file_in_the_way(error.filename)} is a file, not a folder" if isinstance(error, (
                      FileExistsError, NotADirectoryError)) else getattr(error, "strerror", None) or error)
            log.warning("the segmentation cache %s cannot be used (%s): going on without it "
                        "(--cache-dir or $DVTOPICS_CACHE to move it, --no-cache to skip it)", self.path, reason)

    @staticmethod
    def _checksum(value: str) -> str:
        return hashlib.blake2b(value.encode(), digest_size=8).hexdigest()

    def _check_open(self) -> None:
        """Refuse a cache used after `close` (after its `with` block, or a notebook's `cache.close()` in an earlier
        cell): every text was segmented anew and nothing stored, in silence."""
        if self._closed:
            raise DvtopicsError(f"the segmentation cache {self.path} is closed: open it again (dvtopics.SegmentCache("
                                f"...)) and use it within `with SegmentCache() as cache:`, or give cache=None")

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        self._check_open()
        found = {}
        try:
            for start in range(0, len(keys) if self._db is not None else 0, 500):  # SQLite's bound parameters
                batch = keys[start:start + 500]
                rows = self._db.execute(
                    f"SELECT key, value, checksum FROM segments WHERE key IN ({','.join('?' * len(batch))})", batch)
                found.update({k: v for k, v, c in rows if c == self._checksum(v)})
        except sqlite3.OperationalError as error:
            self._give_up(error)
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from None
        return found

    def put_many(self, items: dict[str, str]) -> None:
        self._check_open()
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO segments VALUES (?, ?, ?)",
                    [(k, v, self._checksum(v)) for k, v in items.items()])
        except sqlite3.OperationalError as error:  # a read-only file, a full disk
            self._give_up(error)
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from None

    def __len__(self) -> int:
        self._check_open()
        return 0 if self._db is None else self._db.execute("SELECT COUNT(*) FROM segments").fetchone()[0]

    def close(self) -> None:
        self._closed = True
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> "SegmentCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@contextmanager
def open_cache(cache_dir: str | os.PathLike | None = None, use_cache: bool = True):
    """The segmentation cache in `cache_dir` (None: the default folder), or None with `use_cache` off;
    closed on the way out, so no job leaves the database open."""
    if not use_cache:
        yield None
        return
    with SegmentCache(cache_dir) as cache:
        yield cache


@contextmanager
def given_cache(cache):
    """The cache a function of the library is given (`segment_many(texts, cache=...)`, and whatever segments through
    it: `Classifier.predict`, `predict_articles`): a `SegmentCache` (or an object with its `get_many` and
    `put_many`), None for none, or a cache's folder, a path as a notebook gives it ("~/cache", a pathlib.Path),
    opened here and closed after. Anything else is a TypeError that says what to give: a path failed deep inside
    with "'str' object has no attribute 'get_many'"."""
    if cache is None or (hasattr(cache, "get_many") and hasattr(cache, "put_many")):
        yield cache
    elif isinstance(cache, (str, os.PathLike)):
        with SegmentCache(cache) as opened:
            yield opened
    else:
        raise TypeError(f"cache: a SegmentCache (dvtopics.SegmentCache(), in the default folder), the folder of one "
                        f"(a path), or None for none; not {type(cache).__name__}")


def _file_in_the_way(path: str | os.PathLike) -> Path:
    """The file where a folder of `path` should be: mkdir names the folder it could not make (`a_file/sub`),
    not the file above it that stopped it (`a_file`)."""
    path = Path(path)
    return next((folder for folder in (path, *path.parents) if folder.exists() and not folder.is_dir()), path)
