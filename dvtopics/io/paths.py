"""The paths a user gives, as the files to read: "~" as home, patterns expanded, each path once, "-" refused, and
why a path cannot be read, in the user's terms."""
from __future__ import annotations

import glob
import itertools
import logging
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import Iterable

from ..arguments import as_list, is_dataframe
from ..errors import ArgumentError, InputError, NoArticlesError
from .folders import PATTERN, on_disk, walked_by  # (on_disk: what paths here are, on disk)

log = logging.getLogger(__name__)


def unreadable(path: Path, listed: bool = False) -> str | None:
    """Why `path` cannot be read as an input file without opening it (a pipe would block), or None; None for a
    folder that can be listed (a folder given that holds no .txt file: `_no_articles`). `listed`: it was there when
    the run began (`os_cause`)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return os_cause(path, exc, listed)
    if stat.S_ISDIR(mode):
        try:
            os.scandir(path).close()
        except OSError as exc:
            return f"{path}: cannot read this folder ({exc.strerror or exc}); its articles are missing"
        return None
    if not stat.S_ISREG(mode):
        return f"{path}: not a regular file (a pipe, socket or device): skipped; copy it into a file to read it"
    if not hasattr(path, "open_stored"):  # (an archive's member is in memory)
        try:  # a file the user may not read (its permissions): said here, whatever its kind, as a file's stat is; a
            # reader's own open raised PermissionError past the stream, ending the run (a .txt), or said "not an .xlsx
            # workbook". (A regular file is opened without blocking.)
            os.close(os.open(path, os.O_RDONLY))
        except OSError as exc:
            return os_cause(path, exc, listed)
    return None


def unique_paths(paths: Iterable[str | os.PathLike] | str | os.PathLike, say: bool = True) -> list:
    """`paths`, each once: a file or folder given twice ("seeds", "./seeds/"), or inside a folder given too
    ("seeds", "seeds/000.txt"), is read once, with a note (unless not `say`), so that its articles are not counted
    twice. No path at all is refused."""
    unique, seen = [], set()
    for given in paths_given(paths):
        where = os.path.realpath(given)
        if where in seen:
            if say:
                log.warning("%s: given twice; read once", given)
            continue
        seen.add(where)
        unique.append(given)
    if not unique:  # a glob that matched nothing: reading nothing would write an empty output, silently
        raise NoArticlesError("no path given to read: give the files or folders of the articles")
    folders = [given for given in unique if os.path.isdir(given)]
    kept = []
    for given in unique:
        folder = next((folder for folder in folders if walked_by(given, folder)), None)
        if folder is None:
            kept.append(given)
        elif say:
            log.warning("%s: inside %s, given too; read once", given, folder)
    return kept


# "-" is standard input to most command-line tools: what a user pipes in (`cat a.jsonl | dvtopics label -`). Reading
# it would lose what files give every run: a name for each article's id, a kind by its suffix, a size and time that
# `--resume` checks, a path a Dask worker can open. So it is refused, saying how to give the text instead.
STANDARD_INPUT = "-"
STANDARD_INPUT_REFUSED = ("'-' (standard input) is not read: dvtopics reads files and folders; save what you pipe "
                          "to a file (`... > articles.jsonl`, or .csv, .txt) and give its path")


def refuse_standard_input(path: str | os.PathLike) -> None:
    """Refuse "-" (standard input) in one line that says what to do, unless a file is so named (`./-` reads it)."""
    if os.fspath(path) == STANDARD_INPUT and not os.path.lexists(path):
        raise ArgumentError(STANDARD_INPUT_REFUSED)


def home_path(path):
    """`path` with a leading "~" read as the home folder, as the cache folder is (`text.cache.cache_folder`): the
    shell leaves it as typed inside quotes and after "=" (`--out=~/labels.csv`), and Python never reads it, so
    "~/bai" named a folder "~" here, made anew by an output. Other paths are returned as given."""
    if isinstance(path, (str, os.PathLike)) and os.fspath(path).startswith("~"):
        expanded = os.path.expanduser(os.fspath(path))
        return type(path)(expanded) if isinstance(path, Path) else expanded
    return path


def as_file_system_names(text: str) -> str:
    """A path read from a file (a labels file's `file` cell: UTF-8 text) as this system's names spell it. Under an
    ASCII locale with Python's UTF-8 mode off (`LC_ALL=C PYTHONUTF8=0`; a C locale alone turns the mode on) Python
    names "bài" by surrogate escapes of its UTF-8 bytes, and "bài báo/a1.txt" named no file; elsewhere it is `text`
    itself."""
    try:
        return os.fsdecode(text.encode("utf-8"))
    except UnicodeEncodeError:  # a lone surrogate: no name of a file
        return text


def paths_given(paths) -> list:
    """`paths` as a list of paths (one path alone is a list of one), each a str or a path object. A table of
    articles (a pandas DataFrame: `read_articles` reads its rows) is refused, saying how to read it: iterated, it gives
    its column names, which would be read as files ("id: no such file or folder")."""
    if isinstance(paths, (bytes, bytearray)):
        raise TypeError(f"paths: bytes {bytes(paths)[:40]!r}; give the files or folders as str or pathlib.Path")
    given = [paths] if is_dataframe(paths) else as_list(paths, "paths")
    for path in given:
        if is_dataframe(path):  # (in a list too, as the README's examples give paths: `[df]` printed the table whole)
            raise TypeError("paths: a DataFrame is not files to read: read its rows with dvtopics.read_articles(df), "
                            "or save it (df.to_csv(\"articles.csv\", index=False)) and give that file")
        if not isinstance(path, (str, os.PathLike)):
            shown = " ".join(repr(path).split())
            raise TypeError(f"paths: {shown[:60]}{'…' if len(shown) > 60 else ''} (a {type(path).__name__}) is not a "
                            "path; give the files or folders as str or pathlib.Path")
        refuse_standard_input(path)
        _refuse_text(path)
    return [path for given_path in given for path in matched_paths(on_disk(home_path(given_path)))]


# Words enough for a sentence, and no file's suffix at the end: a headline given where a path is ("Hội nghị sơ kết công
# tác dân vận 6 tháng đầu năm 2022"), not a folder's name
_SENTENCE = re.compile(r"(\S+\s+){7,}\S+")
_READ_TEXTS = ("read texts as a DataFrame's rows (dvtopics.read_articles(pd.DataFrame({\"text\": texts}))), or make "
               "each an article with dvtopics.make_article")


def _refuse_text(path) -> None:
    """Refuse an article's text given where a path is (a Series of texts, `df["text"]`, is a list of them): a line
    break, or a name longer than any file system allows, is no path. It was "no such file or folder", the message
    the whole text, thousands of characters. A sentence's worth of words that names nothing here is said to be no
    file or folder, and how texts are read (a mistyped folder name may have eight words too)."""
    if not isinstance(path, str) or os.path.lexists(path):  # (a file's name may hold a line break, on Linux)
        return
    shown = " ".join(path.split())
    shown = f"{shown[:60]!r}{'…' if len(shown) > 60 else ''}"
    if "\n" in path or any(len(part) > 255 for part in re.split(r"[/\\]", path)):
        raise TypeError(f"paths: {shown} is a text, not a file or folder: {_READ_TEXTS}")
    if _SENTENCE.fullmatch(path.strip()) and not Path(path.strip()).suffix:
        raise InputError(f"paths: {shown}: no such file or folder; if it is an article's text, {_READ_TEXTS}")


def matched_paths(path, say: bool = True) -> list:
    """`path` as a list of one; the paths a pattern names ("articles/*.jsonl", "2017/**/*.txt"), sorted, when it is
    one that is not itself a file: no shell expands it in Python (`read_articles("data/*.csv")` in a notebook), nor
    in quotes. A pattern that names nothing stays as it is, to be reported as a path that is not there. `say`: log
    how many paths it read (once a pattern: the command line looks at it before it reads it)."""
    text = os.fspath(path)
    if not PATTERN.search(text) or os.path.lexists(text):
        return [path]
    # (its words in either Unicode form, as `on_disk` reads a path: a pattern typed composed, names on disk decomposed)
    found = sorted({match for form in ("NFC", "NFD") for match in _globbed(unicodedata.normalize(form, text))})
    if found and say:
        log.info("%s: a pattern: %d path%s read", text, len(found), "s" * (len(found) != 1))
    return [type(path)(match) if isinstance(path, Path) else match for match in found] or [path]



def os_cause(path: Path, exc: OSError, listed: bool = False) -> str:
    """Why `path` could not be read, in the user's terms, the one place that words it: a link whose file is gone (an
    article moved, its link left) is listed where it was, so "No such file or directory" would deny the file the
    user sees. `listed`: the file was there when the run began (a folder's, given by name, in a Dask plan): not there
    now, it is said to be gone since ("cannot read (No such file or directory)" denied the file the user saw listed,
    and said nothing of when it went); another cause (a folder closed to the user) is said as it is."""
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        try:
            return f"{path}: a link to {os.readlink(path)}, which is not there"
        except OSError:
            pass
    if isinstance(exc, FileNotFoundError) and listed:
        return f"{path}: no longer there: it was there when the run began, and was moved or deleted since"
    return f"{path}: cannot read ({exc.strerror or exc})"


def _globbed(pattern: str) -> list[str]:
    """The paths `pattern` names, as `glob.glob` names them, but for its "**", which goes through folders and never
    into a link to one, as a folder's walk does not: glob's followed them, and two links that loop (one to "." beside
    one to "..") made it list some 2^40 paths, so that `label "news/**/*.jsonl"` never began."""
    parts = Path(pattern).parts
    fixed = list(itertools.takewhile(lambda part: not PATTERN.search(part), parts))
    rest = parts[len(fixed):]
    if "**" not in rest:  # no folder gone through: no loop (a "**" inside a name is glob's "*")
        return glob.glob(pattern)
    base = Path(*fixed) if fixed else Path()
    found = set(base.glob(os.path.join(*rest)))
    if rest[-1] == "**" and not pattern.endswith(os.sep):  # glob's last "**" names files too, pathlib's folders only
        found.update(base.glob(os.path.join(*rest, "*")))
    hidden_asked = any(part.startswith(".") for part in rest)  # as glob's, "*" and "**" pass over hidden names
    return [str(path) for path in found
            if hidden_asked or not any(part.startswith(".") for part in path.relative_to(base).parts)]
