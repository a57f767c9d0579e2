"""Input paths: what kind a file is by its name, the articles a folder holds (its .txt files and Word or OpenDocument
documents, walked in sorted order, the system's files and dvtopics' own working files passed over), and what else it
held that was not read."""
from __future__ import annotations

import gzip
import logging
import itertools
import os
import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path, PurePath, PurePosixPath
from typing import Callable, Iterable, Iterator

from ..errors import InputError
from ..text.normalise import nfc
from .decode import decode_head
from .documents import DOCUMENT_SUFFIXES
from .files import blank_line, document_problem, is_stored_file, numbered_lines, open_binary, open_stored
from .jsonfiles import line_value
from .tables import name_key, names_of, vietnamese_key

log = logging.getLogger(__name__)

# (".txt.gz": an article gzipped, as `gzip -r` leaves a folder of them, read decompressed)
TEXT_SUFFIXES = (".txt", ".txt.gz")
# the files that hold one article each, which a folder's walk reads: text, and documents as analysts keep what they
# paste from a newspaper's page (Word's .docx, LibreOffice's .odt)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + DOCUMENT_SUFFIXES
# what the notes on a folder's other files say it reads ("only .txt, .docx and .odt files"), and what a folder without
# an article lacks ("no .txt, .docx or .odt file"): the kinds a user knows (.txt.gz and .docm are read too)
_READ_KINDS = (".txt", ".docx", ".odt")
FOLDER_READS = f"{', '.join(_READ_KINDS[:-1])} and {_READ_KINDS[-1]} files"
FOLDER_HOLDS_NONE = f"no {', '.join(_READ_KINDS[:-1])} or {_READ_KINDS[-1]} file"
# the name of an article's file ends so, its id without it: what a labels file's `file` cell drops (`labels`), and the
# endings a path without it is looked for with (`article_file`)
# (from ARTICLE_SUFFIXES, the walk's own: a gzipped article's cell, "a.txt.gz", kept its suffix, so no id matched)
_ARTICLE_ENDING = re.compile("(?:%s)$" % "|".join(re.escape(suffix) for suffix in ARTICLE_SUFFIXES), re.IGNORECASE)
_ARTICLE_ENDINGS = tuple(ending for suffix in ARTICLE_SUFFIXES for ending in (suffix, suffix.upper()))


def without_article_suffix(name: str) -> str:
    """A file name without the suffix of an article's file (".txt", ".txt.gz", ".docx", ".odt", in any case): its
    article's id (`001.TXT`, `b.docx`, `c.txt.gz`: `001`, `b`, `c`)."""
    return _ARTICLE_ENDING.sub("", name)


def article_file(path: str | os.PathLike) -> Path | None:
    """The article's file that `path`, an article's path without its suffix, names (`arts/001`: `arts/001.txt`, or a
    document, `arts/001.docx`), when there is one: in either Unicode form (`on_disk`), as a labels file typed
    "bài viết" names a file a Mac named in NFD."""
    return next((file for ending in _ARTICLE_ENDINGS if (file := Path(on_disk(os.fspath(path) + ending))).is_file()),
                None)


def on_disk(path):
    """`path` as the disk spells it, when it is there only in the other Unicode form: a folder made on a Mac, or
    unzipped from a zip made on one, has its names decomposed (NFD), and a name typed on any keyboard, or pasted, is
    composed (NFC); `ls` lists them alike, and "Bài viết" was a path that does not exist. Each part of the path is
    matched in either form; a path not there in any is returned as given."""
    text = os.fspath(path)
    if text.isascii() or os.path.lexists(text):
        return path
    found = Path()
    for part in Path(text).parts:
        forms = dict.fromkeys((part, unicodedata.normalize("NFC", part), unicodedata.normalize("NFD", part)))
        found = next((found / form for form in forms if os.path.lexists(found / form)), None)
        if found is None:
            return path
    return found if isinstance(path, Path) else str(found)


# a glob's signs: a path given that holds one and is not there is a pattern (`paths.matched_paths`)
PATTERN = re.compile(r"[*?[]")


def not_there(path) -> str:
    """Why a path given is not read: it is not there or, a pattern ("data/*.jsonl" in quotes, or as a shell leaves
    one that names nothing), no file matches it; and the folder that is missing where that is why."""
    text = os.fspath(path)
    if not PATTERN.search(text):
        return f"{text}: no such file or folder"
    folder = Path(*itertools.takewhile(lambda part: not PATTERN.search(part), Path(text).parts[:-1]))
    if folder.parts and not os.path.isdir(folder):
        return f"{text}: no file matches this pattern: there is no folder {folder}"
    return f"{text}: no file matches this pattern{f' in {folder}' if folder.parts else ''}: check its spelling"


# (".jl": Scrapy's JSON lines, `scrapy crawl … -o items.jl`)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json.gz", ".ndjson.gz", ".jl", ".jl.gz")
JSON_SUFFIXES = (".json",)  # one JSON value: an array of articles, or one article
CSV_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".tsv.gz")
# tables saved as text, their cells split by tabs: a .tsv, and a .txt whose first line is a tab-separated header
# (`tables.tab_header`), as Excel saves a sheet as "Unicode Text" or "Text (Tab delimited)"
TAB_SUFFIXES = (".tsv", ".tsv.gz") + TEXT_SUFFIXES
# a workbook's sheets of articles, each read as a CSV's rows; a macro-enabled workbook (.xlsm, as many offices' are)
# and a template hold their cells as an .xlsx does
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")


# archives read as the folder they hold (`archives`), given by name (in a folder, they are named as not read: a folder
# often holds a zip mailed beside the folder extracted from it, whose articles would be read twice)
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz")


def file_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(JSON_SUFFIXES):
        return "json"
    if name.endswith(CSV_SUFFIXES):
        return "csv"
    if name.endswith(XLSX_SUFFIXES):
        return "xlsx"
    if name.endswith(DOCUMENT_SUFFIXES):
        return "document"
    return "txt"


# files a folder holds but the reader does not read there: {kind: [how many, an example]}
Skipped = dict[str, list]


# Archives, of articles as often as not (a .zip mailed, a gzipped .txt): extracted, not saved as text
_ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".tar", ".tgz", ".gz", ".bz2", ".xz", ".zst")
# Pages saved by a browser: not read in a folder, but read as a page (its visible text) when given by name
_PAGE_SUFFIXES = (".htm", ".html", ".xhtml", ".mht", ".mhtml")
# A page saved by a browser with its parts ("Save Page As", "Webpage, Complete" in Chrome, Edge and Firefox) has them
# in a folder beside it named after it, "a_files" for "a.html": its pictures, scripts, styles and frames
# ("saved_resource.html").
# Part of the page, never articles: walked, each frame was a page to read and each script a file "to save as .txt".
_PAGE_FOLDER_ENDING = "_files"


def is_page_folder(path: Path) -> bool:
    """Whether the folder `path` holds the parts of a page a browser saved beside it (`_PAGE_FOLDER_ENDING`)."""
    return _saved_page(path, Path.is_file) is not None


def _saved_page(folder: PurePath, is_file: Callable[[PurePath], bool]) -> PurePath | None:
    """The page beside `folder` whose parts it holds ("a.html" beside "a_files"), as `is_file` finds it (on disk, or
    among an archive's members), or None."""
    stem = folder.name[:-len(_PAGE_FOLDER_ENDING)]
    if not (stem and folder.name.lower().endswith(_PAGE_FOLDER_ENDING)):
        return None
    pages = (folder.with_name(stem + suffix) for end in _PAGE_SUFFIXES for suffix in (end, end.upper()))
    return next(filter(is_file, pages), None)


def _in_page_folder(name: str, names: frozenset) -> bool:
    """Whether an archive's member `name` is a part of a page saved beside its folder among `names` (`is_page_folder`:
    the folder's walk passes over it)."""
    return any(_saved_page(folder, lambda page: page.as_posix() in names) for folder in PurePosixPath(name).parents)


# Files a collection keeps beside its articles (notes, pictures): not worth a warning when skipped.
_SIDE_FILE_SUFFIXES = (".md", ".rst", ".png", ".jpg", ".jpeg", ".gif", ".svg")
# What an operating system leaves in a folder, never a user's files: macOS's folder settings (.DS_Store) and
# the "._name" AppleDouble companions (a file's Finder data, binary) that a zip made on a Mac holds, in place
# or under __MACOSX/; Windows' thumbnail cache and folder settings. Passed over in silence, as a file browser
# hides them.
_SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
# (and version control's stores and Jupyter's checkpoints, which hold copies of the articles: git-annex keeps the
# article a link names under .git/annex, Jupyter keeps "a-checkpoint.txt" of a .txt edited in it)
_SYSTEM_FOLDERS = frozenset({"__macosx", ".git", ".svn", ".hg", ".dvc", ".ipynb_checkpoints", "$recycle.bin",
                             ".trashes", ".spotlight-v100", ".fseventsd"})
# And what a program leaves beside a file it has open or has saved: Word's and Excel's owner files ("~$a.txt", binary),
# LibreOffice's lock (".~lock.a.txt#"), Emacs' lock link (".#a.txt", pointing nowhere) and autosave ("#a.txt#"), vim's
# swap (".a.txt.swp"), the backup many editors keep ("a.txt~"). Read, an article open in Word was an error record.
_PROGRAM_FILE = re.compile(r"~\$.*|\.~lock\..*#|\.#.*|#.*#|\..*\.sw[a-p]|.*~", re.DOTALL)


def open_in_office(path: Path) -> Path | None:
    """The owner file Excel (or Word) keeps beside `path` while it has it open ("~$r.xlsx"), or LibreOffice's lock
    (".~lock.r.xlsx#"), two of the files `_PROGRAM_FILE` names; None when there is neither."""
    beside = [path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")]
    return next((owner for owner in beside if owner.is_file()), None)


# A model's files, as `persist` saves them in a model folder (their names are here, below it), and the .joblib an
# older dvtopics saved: never articles, wherever they are met. `label arts/*` read a model_card.json beside the
# articles as one, and its model.pickle.gz as "binary file, not text"; a folder of them was said to hold "an archive:
# extract its files".
MODEL_FILE, CARD_FILE = "model.pickle.gz", "model_card.json"
_MODEL_FILES = frozenset({MODEL_FILE, CARD_FILE})
_OLD_MODEL_SUFFIX = ".joblib"


def is_model_file(path: Path) -> bool:
    return path.name in _MODEL_FILES or path.suffix.lower() == _OLD_MODEL_SUFFIX


# What dvtopics writes beside an output while it works, in an input folder when the output is written there
# (`label arts/ --out arts/labels.csv`): the lock OUT.lock and the journal OUT.part.jsonl (`run.batch`), the
# parts folder OUT.parts/ that holds a plan.json (`run.distributed`), and its temporary files and folders, hidden
# under names that start with WORKING_PREFIX (`io.write`, `jobs`), and the command's outputs themselves
# (`writing`). Never articles: passed over in silence too.
WORKING_PREFIX = ".dvtopics-"
_WORKING_FILE_ENDINGS = (".lock", ".part.jsonl")
_PARTS_FOLDER_ENDING, _PARTS_PLAN = ".parts", "plan.json"
_written: set[str] = set()  # the outputs of the command that runs (`writing`), by their real paths


@contextmanager
def writing(outputs: Iterable[str | os.PathLike]):
    """While the block runs, `outputs` (the files a command writes) are dvtopics' own too: a rerun
    of `label arts/ --out arts/labels.xlsx` does not name its own previous output as a file it did not read. A
    plain set, not a context variable: the input is read in a thread of its own (`parallel.read_ahead`)."""
    added = {os.path.realpath(path) for path in outputs} - _written
    _written.update(added)
    try:
        yield
    finally:
        _written.difference_update(added)


def _is_system_file(name: str, is_folder: bool) -> bool:
    if is_folder:
        return name.lower() in _SYSTEM_FOLDERS
    return name.startswith("._") or name.lower() in _SYSTEM_FILES or bool(_PROGRAM_FILE.fullmatch(name))


# Of those, the files that never hold an article, even given by name: a shell's pattern (`data/*.xlsx`, `arts/*`) gives
# Excel's owner file of a workbook open in it ("~$book.xlsx") and a Mac's "._a.txt" as any other, and each was an
# error ("not an .xlsx workbook"), failing the run. (A backup, "a.txt~", or an autosave, "#a.txt#", is read when given.)
_NEVER_ARTICLES = re.compile(r"~\$.*|\.~lock\..*#|\.#.*|\..*\.sw[a-p]|\._.*", re.DOTALL)


def never_articles(path: Path) -> bool:
    """Whether `path`, a file, is one a system or a program leaves beside the user's (`_NEVER_ARTICLES`)."""
    return path.name.lower() in _SYSTEM_FILES or bool(_NEVER_ARTICLES.fullmatch(path.name))


def _is_working_file(path: Path, is_folder: bool) -> bool:
    """Whether `path` is one of dvtopics' own working files or folders (`WORKING_PREFIX`)."""
    if path.name.startswith(WORKING_PREFIX):
        return True
    if any(path.name == os.path.basename(out) for out in _written) and os.path.realpath(path) in _written:
        return True  # (by name first: a real path is a system call for each of many articles)
    if is_folder:
        return path.name.endswith(_PARTS_FOLDER_ENDING) and os.path.isfile(path / _PARTS_PLAN)
    return path.name.endswith(_WORKING_FILE_ENDINGS)


def may_hold_articles(path: Path, text_field: str) -> bool:
    """False for a file that is plainly not articles: notes, pictures, or a table whose first 4 KB never
    name the text field (a labels or expected-values CSV kept beside the .txt articles, as in seeds/)."""
    if path.suffix.lower() in _SIDE_FILE_SUFFIXES:
        return False
    # a pipe is never opened: it could block forever. (os.path's isfile: Path's raised PermissionError in a folder
    # that may be listed but not entered, and the run stopped; such a file is said to be skipped)
    if file_kind(path) in ("txt", "xlsx", "document", "archive") or not is_stored_file(path):
        return True
    head = head_text(path)
    if head is None:  # cannot tell: say it was skipped
        return True
    return (name_key(text_field) in nfc(head).casefold()
            or any(name in vietnamese_key(head) for name in map(vietnamese_key, names_of(text_field)[1:])))


def head_text(path: Path) -> str | None:
    """The text of a file's first 4 KB (decompressed, when its name ends in .gz), decoded as the reader decodes
    the whole file (`decode_head`): a look at what a table's header names. None when it cannot be read."""
    try:
        with open_stored(path) as stored_bytes, (gzip.open if path.name.lower().endswith(".gz") else
                                                 lambda handle, _: handle)(stored_bytes, "rb") as handle:
            return decode_head(handle.read(4096))
    except (OSError, EOFError):
        return None


def json_document(path: Path) -> str | None:
    """What a file named as JSON lines holds instead, when it holds one JSON document: "a JSON array" (a .jsonl
    saved pretty-printed, its first line "[" or "[{", no JSON value alone; or an array on its only line, a
    gzipped .json named .json.gz), "a JSON object over several lines" (an article pretty-printed, or more, its first
    line "{"), "a JSON object" (a gzipped .json's only line: the articles it wraps, `{"data": [...]}`, a
    DataFrame's `to_json`, or one article), or None for JSON lines. Read line by line, such a file would be one
    error per line and no article. A file of JSON lines whose first line is a list among other lines stays JSON
    lines: that line is an error, the others are read."""
    head = b""
    try:
        with open_binary(path) as handle:  # gzip data too, whatever the name says
            while len(head) < 4096 and (chunk := handle.read1(4096 - len(head))):
                head += chunk
    except (InputError, OSError, EOFError):
        pass  # the bytes before a fault (a gzip file cut short) say what it holds; the reader reports the fault
    opening = decode_head(head).lstrip("\ufeff \t\r\n")[:1]
    if opening not in ("[", "{"):
        return None
    lines = (line for _, line in numbered_lines(path, None, 1 << 20) if not blank_line(line))
    first = next(lines, None)
    if opening == "[":
        if not _json_value(first):
            return "a JSON array"  # pretty-printed: its first line is no JSON value on its own
        return "a JSON array" if next(lines, None) is None else None  # one value on the file's only line
    # an object pretty-printed: neither its first line ("{") nor its second ('"id": "a1",') is a JSON value; in
    # JSON lines whose first line is broken (cut short), the second is a whole object
    second = next(lines, None)
    if second is None and path.name.lower().endswith(".json.gz") and _json_value(first):
        return "a JSON object"  # (read as JSON lines, the object that wraps the articles was one record without text)
    # (a first line over the limit, not read, is a JSON line: a pretty-printed object's is "{")
    # (nor is a line that closes the object it opens, as a broken JSON line does: a Python dict printed, "{'id': …}")
    if (isinstance(first, bytes) and not _json_value(first) and not first.rstrip().endswith(b"}")
            and second is not None and not _json_value(second)):
        return "a JSON object over several lines"
    return None


def _json_value(line) -> bool:
    """Whether a file's line (bytes) holds one JSON value on its own."""
    if not isinstance(line, bytes):
        return False
    try:
        line_value(line.decode("utf-8", errors="replace").lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return False
    return True


def is_model_folder(path, text_field: str = "text", named: frozenset = frozenset()) -> bool:
    """Whether `path` is a model's folder: its card, and no .txt file below it (a folder of articles a model was
    saved in too, `train --out .`, is still read for its articles)."""
    # os.path's False, not Path.is_file's PermissionError, for a folder its user may not open: the walk gives it
    # itself, to be an error record, where "khóa/model_card.json: Permission denied" stopped the run
    return os.path.isfile(Path(path) / CARD_FILE) and not holds_txt(path, text_field, named)


def holds_txt(folder, text_field: str = "text", named: frozenset = frozenset()) -> bool:
    """Whether `folder` holds a .txt file or a document (an article) anywhere below it, as its walk reads them."""
    return any(_walk(Path(folder), {}, text_field, named))


def _walk(folder: Path, skipped: Skipped, text_field: str = "text", named: frozenset = frozenset(),
          top: Path | None = None) -> Iterator[Path]:
    """The .txt files and documents under `folder` (".TXT" too), in the order of their sorted paths (a document
    beside a .txt file of its name is passed over: the same article, saved as text as dvtopics once asked); what
    else it holds is counted in `skipped`, unless it plainly holds no articles (`may_hold_articles`) or is the
    system's (`_is_system_file`) or dvtopics' own (`_is_working_file`), or is given by its name too (`named`: read
    as given). So is a link to an article's file the walk of `top` (the folder given, `folder` by default) reads as
    itself: an article sorted into a second folder by a link was read twice, and counted twice. A folder that cannot be
    listed is given itself, so that the reader reports it instead of its articles going missing unseen."""
    top = folder if top is None else top
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        yield folder
        return
    texts = _text_ids(entry.name for entry in entries)
    for entry in entries:
        path = Path(entry.path)
        is_folder = entry.is_dir(follow_symlinks=False)
        if _is_system_file(entry.name, is_folder) or _is_working_file(path, is_folder):
            continue
        if is_folder and is_page_folder(path):  # (the page beside it is what is said not read)
            continue
        rule = "" if is_folder else _file_rule(entry.name, texts)
        if is_folder and is_model_folder(path, text_field, named):
            skipped.setdefault("model folder", [0, entry.name])[0] += 1  # (one with articles is walked for them)
        elif is_folder:
            yield from _walk(path, skipped, text_field, named, top)
        elif rule == "article":
            if entry.is_symlink() and os.path.isfile(path) and walked_by(os.path.realpath(path), top):
                skipped.setdefault(link_kind(entry.name), [0, entry.name])[0] += 1
            else:
                yield path
        elif rule:
            skipped.setdefault(rule, [0, entry.name])[0] += 1
        elif named and os.path.realpath(path) in named:
            continue
        elif path.suffix.lower() in (".md", ".markdown"):
            skipped.setdefault(MARKDOWN_NOTES, [0, path.relative_to(top).as_posix()])[0] += 1
        elif entry.is_dir() or may_hold_articles(path, text_field):
            kind = ("link to a folder" if entry.is_dir() else f"{_suffix(path.name).lower()} file" if path.suffix
                    else "file without an extension")
            skipped.setdefault(kind, [0, entry.name])[0] += 1


def walk_names(names: list[str], skipped: Skipped) -> Iterator[str]:
    """The names among an archive's members (files' names, "/" between folders) that the walk of the folder it holds
    reads (`_walk`'s rules: the system's and dvtopics' own files and folders passed over, a document beside its .txt
    file counted in `skipped`), in the order given; its tables and JSON files too (in an archive, they cannot be given
    by name: `read._read_archive` reads those that name the text field). What else it holds is counted in
    `skipped`: another archive inside it, which is not opened, too."""
    held = frozenset(names)
    names = [name for name in names if not walk_passes_over(name) and not _in_page_folder(name, held)]
    texts = _text_ids(names)
    models = _model_folders(names)
    for folder in models:
        skipped.setdefault("model folder", [0, folder.rstrip("/")])[0] += 1
    for name in names:
        if any(name.startswith(folder) for folder in models):
            continue
        rule = _member_rule(name, texts)
        if rule == "article":
            yield name
        elif rule:
            skipped.setdefault(rule, [0, name])[0] += 1


def walk_reads_member(name: str, texts: set[str]) -> bool:
    """Whether the walk of an archive's members (`walk_names`) reads the member `name`, as far as its name and the ids
    of the .txt files listed beside it (`texts`, each a `text_id`) tell: what a compressed tar's reading keeps of a
    member as it lists it (`archives._ReadAhead`), before the whole listing says whether its folder is a model's or a
    saved page's (`walk_names` has the last word)."""
    return not walk_passes_over(name) and _member_rule(name, texts) == "article"


def _member_rule(name: str, texts: set[str]) -> str:
    """What the walk of an archive's members does with the file `name` (`_file_rule`'s answers, "article" for its
    tables and JSON files too), its folder aside."""
    if rule := _file_rule(name, texts):
        return rule
    path = PurePosixPath(name)
    kind = file_kind(path)
    if kind in ("jsonl", "json", "csv", "xlsx"):
        return "article"
    if kind == "archive" or path.suffix.lower() in _ARCHIVE_SUFFIXES:  # (.rar, .7z, a .gz of its own too)
        return "archive inside the archive"
    if path.suffix.lower() not in _SIDE_FILE_SUFFIXES:
        return f"{_suffix(name).lower()} file" if path.suffix else "file without an extension"
    return ""


def _suffix(name: str) -> str:
    """The suffix files of this name are grouped by in what a folder holds that is not read, as the name spells it
    (its pattern's case): an archive's whole (".tar.gz": its pattern "*.gz" took a.txt.gz and b.jsonl.gz too), else
    the last."""
    whole = (name[-len(end):] for end in ARCHIVE_SUFFIXES if name.lower().endswith(end))
    return next(whole, PurePosixPath(name).suffix)


def text_id(name: str) -> str | None:
    """The id of a .txt file's name (in lower case), which a document of that name beside it is the same article of
    (`document_id`, `_file_rule`); None for another file."""
    lower = name.lower()
    return without_article_suffix(lower) if lower.endswith(TEXT_SUFFIXES) else None


def document_id(name: str) -> str | None:
    """The id (in lower case) of a .txt file of a document's name (`text_id`): that document is the same article; None
    for another file."""
    lower = name.lower()
    return str(PurePosixPath(lower).with_suffix("")) if lower.endswith(DOCUMENT_SUFFIXES) else None


def _text_ids(names: Iterable[str]) -> set[str]:
    """The ids of the .txt files among `names` (`text_id`)."""
    return {text for name in names if (text := text_id(name)) is not None}


def _file_rule(name: str, texts: set[str]) -> str:
    """What the walk of a folder (`_walk`) or of an archive's members (`walk_names`) does with the file `name`
    (`texts`: the ids of the .txt files beside it, `_text_ids`): "article" to read it, the kind it is counted as not
    read ("model file", "document beside its .txt file"), or "" for what the walk decides by other rules. One home
    for both walks, so that they cannot drift; a model's files first: model.pickle.gz is no archive of articles."""
    if is_model_file(PurePosixPath(name)):
        return "model file"
    if document_id(name) in texts:
        return "document beside its .txt file"
    return "article" if name.lower().endswith(ARTICLE_SUFFIXES) else ""


def _model_folders(names: list[str]) -> list[str]:
    """The folders ("model/", "/" at their end) among an archive's member `names` that are a model's, as
    `is_model_folder` says of a folder on disk: its card, and no article below it; the outermost only."""
    folders = sorted(name[:-len(CARD_FILE)] for name in names if name.endswith("/" + CARD_FILE))
    models: list[str] = []
    for folder in folders:
        if not any(folder.startswith(model) for model in models) and not any(
                name.startswith(folder) and name.lower().endswith(ARTICLE_SUFFIXES) for name in names):
            models.append(folder)
    return models


# a link in an archive to a file it does not hold (`archives`): not read
LINK_OUTSIDE = "link to a file outside the archive"
# a file of a saved page's folder given by name (`is_page_folder`): not read
PAGE_PART = "file of a saved page's folder"


def link_kind(name: str) -> str:
    """What a link to an article's file is counted as when the file it names is read as itself: named by its kind
    (a link to a .docx was "link to a .txt file")."""
    suffix = max((suffix for suffix in ARTICLE_SUFFIXES if name.lower().endswith(suffix)), key=len)
    return f"link to a {suffix} file in the folder"


def walk_passes_over(name: str) -> bool:
    """Whether a folder's walk passes over the file of this name below it ("/" between folders) in silence: a system's
    or a program's file (`__MACOSX/…`, `.DS_Store`, `~$a.docx`), or one of dvtopics' own."""
    *folders, file = name.split("/")
    return (any(_is_system_file(folder, True) or folder.startswith(WORKING_PREFIX) for folder in folders)
            or _is_system_file(file, False) or file.startswith(WORKING_PREFIX))


def walked_by(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """Whether walking `folder` (`_walk`) reads `path`: a .txt file in it or below, or a folder below it (all of
    whose files it reads). A path below a link to a folder is not, as the walk does not follow such links, and
    neither is one below a system folder or a system file."""
    path, top = Path(os.path.abspath(path)), os.path.realpath(folder)
    # the folders down to `path` as the walk meets them: each real (a link resolved is the folder it names)
    where = os.path.realpath(path if os.path.isdir(path) else path.parent)
    if not os.path.lexists(path) or where == top and os.path.isdir(path) or not Path(where).is_relative_to(top):
        return False
    below = Path(where).relative_to(top).parts
    if any(_is_system_file(name, True) for name in below):
        return False
    return os.path.isdir(path) or (path.name.lower().endswith(ARTICLE_SUFFIXES)
                                   and not _is_system_file(path.name, False))


def given_by_name(paths: Iterable[str | os.PathLike]) -> frozenset:
    """The files among `paths` (as their real paths): a folder given beside one of them does not name it among
    what it holds and does not read (`dir/c.jsonl.gz dir` said of c.jsonl.gz "not read: give it by its name")."""
    return frozenset(os.path.realpath(path) for path in paths if os.path.isfile(path))


def unread_notes(folder: Path, text_field: str = "text", named: frozenset = frozenset()) -> list[str]:
    """What `folder` holds that is not read, one kind of file to a line (`skipped_notes`); the files `named` are
    read as given."""
    skipped: Skipped = {}
    for _ in _walk(folder, skipped, text_field, named):
        pass
    return _folder_notes(skipped, folder)


def _folder_notes(skipped: Skipped, folder: Path) -> list[str]:
    """What a folder without an article holds that is not read: `skipped_notes`, and its Markdown files."""
    markdown = skipped.get(MARKDOWN_NOTES)
    return skipped_notes(skipped, folder) + ([_markdown_note(*markdown, folder)] if markdown else [])


# Where a walk counts a folder's Markdown files, passed over without a word as notes beside articles (a README): said
# where the folder holds no article (`unread_notes`). Never one of `skipped_notes`' kinds.
MARKDOWN_NOTES = "markdown notes"


def _markdown_note(count: int, example: str, folder: Path) -> str:
    """What a folder without an article holds in Markdown: a folder of one article a .md file each, as note-taking
    tools keep them, was "no .txt, .docx or .odt file" and no more (hunt 41 AD)."""
    pattern = os.path.join(folder, "**", "*" + _suffix(example))
    return (f"{count} Markdown {'file' if count == 1 else 'files'} not read (e.g. '{example}'): a folder's .md files "
            f'are taken for notes; give them with a pattern in quotes such as "{pattern}" to read them as articles '
            "(their text is read)")


def passed_over(folder: Path, text_field: str = "text", named: frozenset = frozenset()) -> list[str]:
    """What a folder whose .txt files are read holds besides that is not read, one kind of file to a line
    (`skipped_notes`): what the reader warns of, for a report's reader, who never sees the warning. None for a
    folder without a .txt file: the error record in its place says what it holds (`iter_files`). The files
    `named` are read as given."""
    skipped: Skipped = {}
    read = sum(1 for _ in _walk(folder, skipped, text_field, named))
    return skipped_notes(skipped, folder) if read else []


def skipped_notes(skipped: Skipped, folder: str | os.PathLike | None = None, archive: bool = False) -> list[str]:
    """What was not read in a folder (an `archive`'s members, when it is one) and why, one kind of file to a line.
    Files that are read when given by name are given, all at once, as a pattern of `folder`'s (a folder of 500 saved
    pages): "give it by its name" was all."""
    notes = []
    for kind, (count, example) in skipped.items():
        if kind == MARKDOWN_NOTES:  # (said only of a folder without an article: `unread_notes`)
            continue
        document = document_problem(Path(example).suffix)
        by_name = "give it by its name to read it"
        if archive:  # (a member has no name of its own to give)
            them = "them" if count > 1 else "it"
            by_name = f"extract {them} and give {them} by name to read"
        elif folder is not None and count > 1:  # (a shell's pattern would reach only the first folder's files)
            by_name = ("give them by their names to read them, all at once with a pattern in quotes such as "
                       f'"{os.path.join(folder, "**", "*" + _suffix(example))}"')
        if kind == "link to a folder":
            why = "links to folders are not followed (one may loop)"
        elif kind == PAGE_PART:
            why = ("the parts of a page a browser saved, in the folder named after it beside it (its pictures, scripts "
                   "and frames: 'a_files' beside 'a.html'), not articles: the page is read")
        elif kind == "system or lock file":
            why = ("a file a system or a program leaves beside yours (Excel's or Word's '~$' lock of a file open in "
                   "it, a Mac's '._' or .DS_Store, Thumbs.db), not articles")
        elif _LINK.match(kind):
            why = "the file it names is read, once, as itself"
        elif kind == LINK_OUTSIDE:
            why = "the file it names is not in the archive"
        elif kind == "document beside its .txt file":  # (saved as text when dvtopics read no document)
            why = "the same article as the .txt file of its name beside it, which is read"
        elif kind in ("model folder", "model file"):
            why = (f"{'a model' if kind == 'model folder' else 'part of a model'}, not articles; give a model's folder "
                   "where a model is asked for (--model, evaluate MODEL)")
        elif document and archive:
            why = f"{document} (in an archive only {FOLDER_READS} are read: {by_name})"
        elif document:
            why = f"{document} (in a folder only {FOLDER_READS} are read: give a table by its name)"
        elif kind == "archive inside the archive":
            why = "an archive in an archive is not opened: extract it to read its articles"
        elif file_kind(Path(example)) == "archive":  # (read given by name: not in a folder, beside its extraction)
            why = (f"an archive: {by_name} (as the folder it holds; in a folder only {FOLDER_READS} are read: its "
                   "extracted folder is often beside it)")
        elif file_kind(Path(example)) != "txt":
            why = f"in a folder only {FOLDER_READS} are read; {by_name}"
        elif Path(example).suffix.lower() in _ARCHIVE_SUFFIXES:  # saving it as text would make no article
            why = (f"an archive: extract its files (unzip it) into a folder and give that folder; only {FOLDER_READS} "
                   "are read in a folder")
        elif Path(example).suffix.lower() in _PAGE_SUFFIXES:  # read as a saved page when given: no need to save it again
            why = f"in a folder only {FOLDER_READS} are read; {by_name} (a page's visible text is read)"
        else:
            why = f"in a folder only {FOLDER_READS} are read; save it as .txt (UTF-8) to read it"
        kinds = _plural(kind) if count > 1 else kind
        notes.append(f"{count} {kinds} not read (e.g. '{example}'): {why}")
    return notes


_PLURALS = {"link to a folder": "links to folders", "file without an extension": "files without an extension",
            "document beside its .txt file": "documents beside their .txt files",
            "system or lock file": "system or lock files",
            "archive inside the archive": "archives inside the archive",
            LINK_OUTSIDE: "links to files outside the archive", PAGE_PART: "files of a saved page's folder"}
_LINK = re.compile(r"link to a (\.[\w.]+) file in the folder$")


def _plural(kind: str) -> str:
    if kind in _PLURALS:
        return _PLURALS[kind]
    link = _LINK.match(kind)
    return f"links to {link[1]} files in the folder" if link else kind + "s"


def iter_files(paths: Iterable[str | os.PathLike], skipped: Skipped | None = None,
               text_field: str = "text", named: frozenset | None = None,
               unread: dict[Path, list[str]] | None = None, began: frozenset = frozenset(),
               ids: dict[str, str] | None = None, say: bool = True) -> Iterator[tuple[Path, str]]:
    """(file, article id prefix) for every input file; folders are walked for .txt files and documents, and the other
    files they hold are counted in `skipped` when it is given, but for those given by their names too (`named`,
    default: the files among `paths`), which are read as given. A folder that holds no article file (.txt, .docx,
    .odt) is given itself (the reader says so in its place, with what it holds instead: put in `unread` when it is
    given, so that the folder is not walked again for it), as one that cannot be listed is; one whose files are all
    given by their names is said so, once. A path not there is refused, but one of `began`, the paths there when the
    run began (`there_at_start`), gone by its turn: that file is given, its reader says it is gone (`paths.os_cause`),
    and the files after it are read; so is a link to nowhere (a pattern's, or given from Python), as in a folder.
    An article file's id another path given made first (two provinces' folders that both hold 001.txt) is named by
    the path given (`_own_id`); `ids`: those made so far, by the path given that made each (a reading of one path at
    a time). `say`: False not to say so (a look at the files only)."""
    paths = list(paths)
    named = given_by_name(paths) if named is None else named
    ids = {} if ids is None else ids
    for given in paths:
        renamed: list[tuple[str, str]] = []
        for file, article_id in _files_given(given, skipped, text_field, named, unread, began):
            # (a table's or JSON file's articles have ids of their own: `article_id` is not theirs)
            yield file, (_own_id(article_id, file, given, ids, renamed) if file_kind(file) in ("txt", "document")
                         else article_id)
        if renamed and say:
            shown = ", ".join(f"'{new}'" for _, new in renamed[:3]) + (", …" if len(renamed) > 3 else "")
            log.warning("%s: %s the id of an article another path given has (e.g. '%s'): named by the path given "
                        "(%s), so that labels given by id tell them apart", given,
                        "1 file has" if len(renamed) == 1 else f"{len(renamed)} files have", renamed[0][0], shown)


def _own_id(article_id: str, file: Path, given, ids: dict[str, str], renamed: list) -> str:
    """`article_id`, or, when another path given made it first, the id named by the path given: "south/001" for
    south/001.txt of the folder south/ given after north/, which holds 001.txt too. The first keeps its id, as it had
    it read alone: a labels file made then labels it still."""
    first = ids.setdefault(article_id, os.fspath(given))
    if first == os.fspath(given):
        return article_id
    if file == Path(given):  # a file given by its name: its path as given, without its suffix
        own = _without_suffix(Path(given)).as_posix()
        if ids.get(own, os.fspath(given)) != os.fspath(given):  # "x.html x.txt": that is the first's id too
            own = Path(given).as_posix()
    else:
        own = f"{Path(given).as_posix().rstrip('/')}/{article_id}"
    ids.setdefault(own, os.fspath(given))
    renamed.append((article_id, own))
    return own


def _files_given(given, skipped: Skipped | None, text_field: str, named: frozenset,
                 unread: dict[Path, list[str]] | None, began: frozenset) -> Iterator[tuple[Path, str]]:
    """(file, article id) of each file of the path `given` (`iter_files`)."""
    path = Path(given)
    if os.path.isdir(path):
        held: Skipped = {}
        files = _walk(path, held, text_field, named)
        first = next(files, path)
        inside = sorted(Path(file).name for file in named if Path(file).is_relative_to(os.path.realpath(path)))
        if first == path and not held.keys() - {MARKDOWN_NOTES} and inside:  # `dir/c.jsonl.gz dir`: only what is given
            log.warning("%s: holds %s, only %s, given by %s name too: read once, as given", path,
                        FOLDER_HOLDS_NONE, ", ".join(inside), "its" if len(inside) == 1 else "their")
            return
        if first == path and unread is not None:  # (`held` is whole: the walk found nothing to give)
            unread[path] = _folder_notes(held, path)
        for file in itertools.chain([first], files):
            yield file, (_without_suffix(file.relative_to(path)).as_posix() if file != path else path.name)
        if first != path and skipped is not None:  # else the reader's error names them
            for kind, (count, example) in held.items():
                skipped.setdefault(kind, [0, example])[0] += count
    elif os.path.lexists(path) and not os.path.isdir(path) and never_articles(path):  # (given by a pattern too)
        if skipped is not None:
            skipped.setdefault("system or lock file", [0, path.name])[0] += 1
    elif os.path.isfile(path) and _beside_its_page(path, named):  # a frame, by a pattern ("**/*.html")
        if skipped is not None:
            skipped.setdefault(PAGE_PART, [0, path.name])[0] += 1
    elif os.path.exists(path) and is_model_file(path):  # given by a pattern (`arts/*`) beside the articles
        if skipped is not None:
            skipped.setdefault("model file", [0, path.name])[0] += 1
    elif _is_there(path) or given in began or os.path.islink(path):  # (a link to nowhere: its reader says so)
        yield path, _without_suffix(Path(path.name)).as_posix()
    else:
        raise InputError(not_there(path))


def _beside_its_page(path: Path, named: frozenset) -> bool:
    """Whether the file `path` is a part of a saved page (`is_page_folder`) given with that page (as "**/*.html" gives
    them): the page is read. Given without it, as a frame holding the article is given by its own name, it is read."""
    page = _saved_page(path.parent, Path.is_file)
    return page is not None and os.path.realpath(page) in named


def there_at_start(paths: Iterable) -> frozenset:
    """The `paths` there now, as the run begins: one gone by its turn is an error in its place (`iter_files`)."""
    return frozenset(given for given in paths if _is_there(Path(given)))


def _is_there(path: Path) -> bool:
    """Whether `path` is there, whether or not it may be read: a file in a folder that may be listed but not
    entered is the reader's error record (it cannot be read), not "no such file" (os.path.exists says False)."""
    try:
        os.stat(path)
    except PermissionError:
        return True
    except (OSError, ValueError):
        return False
    return True


def _without_suffix(path: Path) -> Path:
    """`path` without its suffix, the id of its article: a gzipped article (`a.txt.gz`, read decompressed) is "a", as
    `a.txt` is."""
    return path.with_suffix("").with_suffix("") if path.name.lower().endswith(".txt.gz") else path.with_suffix("")


def id_below_folder(path: PurePosixPath) -> str:
    """The id of the article of the file `path` inside a folder (relative to it): "2017/a" for 2017/a.txt."""
    return _without_suffix(path).as_posix()
