"""The checks jobs share, made before any work: outputs' names and suffixes, engines, the model folders a job
reads, the ids of a labels file, and the settings a resumed run must share."""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Sequence

from ..arguments import ENGINES, check_choice
from ..errors import ArgumentError, DvtopicsError, InputError, MissingExtraError
from ..wording import word_for
from ..io.folders import article_file, iter_files, without_article_suffix
from ..io.paths import as_file_system_names, unique_paths
from ..io.records import FieldNames
from ..io.write import writable_text
from ..text.normalise import nfc

log = logging.getLogger(__name__)


PART_SIZE = 10_000  # articles in a part of a Dask run (--part-size)


def model_folders(*models) -> list[Path]:
    """The model folders a job reads (`shipped`: the shipped one; None: none), for `check_output`: an output given in
    one (`assign_topics(..., "themes/documents.csv")`) replaced the fit's own table there, where the command line
    refuses any file in a model folder it reads."""
    from ..types.model import model_directory

    return [model_directory(m) for m in models if m is not None]


def check_no_model_folder(paths: Sequence) -> None:
    """Refuse a model folder (one that holds a card and no .txt file) given among the articles: `label models/mine
    articles/` (the order `evaluate MODEL PATHS` takes) labelled the articles with the shipped model, the folder only
    an error record that said to unzip its model file. So is a model's file (`label arts/*`, a model's card and
    pickle beside the articles: the card was read as an article), naming its folder."""
    from ..io.folders import is_model_file, is_model_folder
    from ..persist import CARD_FILE, kind_of_model, read_card

    for given in map(Path, paths):
        path = given.parent if given.is_file() and is_model_file(given) else given
        if is_model_folder(path) or path != given:
            try:
                task = read_card(path).get("task")
            except (DvtopicsError, AttributeError):  # a card that cannot be read, or is no object: no kind named
                task = None
            where = (f"report --topics {path}, topics assign {path} ARTICLES" if task == "topics" else
                     f"label --model {path} ARTICLES, evaluate {path} ARTICLES")
            what = (f"{kind_of_model(task)}'s folder (its {CARD_FILE}), not articles: give it" if path == given
                    else f"a model's file, not articles: give its folder, {path},")
            raise DvtopicsError(f"{given}: {what} where a model is asked for ({where}), and the articles' files or "
                                "folders as the inputs")


def check_model(folder, card: dict) -> None:
    """Check the model in `folder` as the commands that use it do, loading it (`inspect`): its file against its card's
    checksum, and the card against what the file holds (a card edited by hand, its file intact: another K, labels or
    parameters), which only the loaded model can tell; a `ModelError` when it would be refused."""
    task = card.get("task")
    if task == "topics":
        from ..topics.model import load_topic_model

        load_topic_model(folder)
    else:  # a classifier, or a card whose task is missing or misspelt: `label --model` refuses it when loading it
        from ..types.model import load_classifier

        load_classifier(folder)


def check_engine(engine: str, scheduler: str | None, part_size: int | None = None) -> None:
    """An engine, as --engine takes it (a misspelt "Dask" would run here, in silence), and a scheduler or a part size
    only for the Dask engine, as --scheduler and --part-size are refused without it: the local engine would ignore
    them."""
    check_choice("engine", engine, ENGINES)
    if engine == "dask":
        from importlib.util import find_spec

        from ..run.distributed import NO_DASK

        if find_spec("distributed") is None:  # said only after every input file was read to cut it into parts
            raise MissingExtraError(*NO_DASK)
    if scheduler is not None and engine != "dask":
        raise ArgumentError(f"scheduler {scheduler!r} is a Dask cluster's: give engine=\"dask\" to run there, or no "
                            "scheduler to run here")
    if part_size not in (None, PART_SIZE) and engine != "dask":
        raise ArgumentError(f"part_size {part_size!r} cuts the input into a Dask run's parts: give engine=\"dask\" to "
                            "run there, or no part_size to run here")


def output_name(out: str | os.PathLike | None, engine: str = "local") -> str | None:
    """An output given as a path object (`Path("labels.csv")`) as the name a command line gives: a trailing "/"
    (FOLDER/, that keeps Dask's parts) is looked for in it. On the local engine, which writes one file, such a
    name is refused: it skipped the check that the output is no input (`in.jsonl/` wrote the labels over the
    articles of in.jsonl), and wrote a file where a folder was named."""
    out = None if out is None else os.fspath(out)
    if out is not None and out.endswith(("/", os.sep)) and engine != "dask":
        raise ArgumentError(f"{out}: a folder (it ends in '{out[-1]}'), where engine=\"dask\" (--engine dask) keeps "
                            f"its parts; the local engine writes one file: name it, {file_meant(out)}")
    return out


def file_meant(out: str, name: str = "labels.csv") -> str:
    """The file meant by `out`, a name that ends in "/" where a file is written: the name without it (a slip of tab
    completion), or, where that folder is there, a file `name` in it (the advice named the folder, refused next)."""
    folder = out.rstrip("/" + os.sep) or out
    return os.path.join(folder, name) if os.path.isdir(folder) else folder


def field_settings(fields: FieldNames) -> list[str]:
    """The field names a resume must share: text, id, label, and the others only when an option gave them, so
    that a journal written before --title-field existed still resumes. Those are recorded with their option
    ("--title-field headline"): by value alone, a title field resumed as the source field would look the same."""
    default = FieldNames()
    return [fields.text, fields.id, fields.label] + [f"--{key}-field {getattr(fields, key)}"
                                                     for key in ("title", "date", "source", "lead")
                                                     if getattr(fields, key) != getattr(default, key)]


# How a labels file's ids may differ from the articles' while meaning them: a spreadsheet drops an id's leading zeros
# ("007" saved as 7) or a format pads them; a column headed `id` holds file names, "003.txt" (an `id` is read as
# written: a column headed `file` drops the .txt); a CSV's ids were written as floats, "17.0"
_ID_SPELLINGS = ((lambda id_: id_.lstrip("0") or "0",
                  # (the remedy too: told only that they differ, a user retyped them into the same spreadsheet)
                  "but for leading zeros (a spreadsheet drops them from an id it takes for a number: format the id "
                  "column as Text before typing or pasting the ids, or save them as CSV from their source)"),
                 (lambda id_: id_[:-4] if id_.lower().endswith(".txt") else id_,
                  "without .txt (head the column `file` to read its file names as ids)"),
                 (without_article_suffix,  # a document's: "003.docx"
                  "without its suffix (head the column `file` to read its file names as ids)"),
                 # pandas writes an id column with a gap as floats: "17.0" in a CSV
                 (lambda id_: id_[:-2] if id_.endswith(".0") and id_[:-2].isdigit() else id_,
                  "but for its .0 (a whole number saved as a float: save the ids as whole numbers or text)"),
                 # labels made for `label tree/` (2017/03/name) given with tree/2017 (03/name), or the reverse
                 (lambda id_: id_.rsplit("/", 1)[-1],
                  "but for its folders (a folder's .txt file is named by its path below the folder given: give the "
                  "folder the labels were made for)"),
                 # a file name typed as Windows or macOS shows it, where either opens it in any case: "001.TXT"
                 (str.casefold, "but for case (ids and file names are read in the case written)"))


def _near_id(labels, ids) -> str:
    """": its '001' is the article '1' but for leading zeros" when a labelled id means an article's so, else ""."""
    for spelt, how in _ID_SPELLINGS:
        articles = {spelt(id_): id_ for id_ in ids}
        near = next(((id_, articles[spelt(id_)]) for id_ in labels if spelt(id_) in articles), None)
        if near:
            return f": its {near[0]!r} is the article {near[1]!r} {how}"
    return ""


def ids_of_input_files(labels: dict[str, str] | None, paths: Sequence) -> dict[str, str] | None:
    """`labels` with each id that names a .txt file (or a document) of the input by its path from here (`arts/001` of a
    `file` cell `arts/001.txt`, as `ls arts/*.txt` lists them, or by its absolute path) as that article's id: its path
    below the folder given (`001`), or the name of a file given by its own. Such a labels file labelled no article,
    and was told to "give the folder the labels were made for", which it was. Only a file that is there is so named;
    an id the labels file also gives as it is keeps its own label. A Windows path (`C:\\Users\\lan\\arts\\001.txt`,
    labels made on Windows, read here) names the file its end names below a folder given (`_foreign_file`)."""
    if not labels:
        return labels
    inputs = [Path(path).expanduser().absolute() for path in paths]
    named, archives, read_as = {}, None, None
    for id_, label in labels.items():
        path = as_file_system_names(id_)
        file = article_file(os.path.expanduser(path)) if "/" in path or os.path.isabs(path) else None
        file = file or _foreign_file(path, inputs)
        if file is not None:
            read_as = _ids_of_files(paths) if read_as is None else read_as  # (walked once, when a cell names a file)
            if (article := read_as.get(os.path.realpath(file))) is not None:
                named.setdefault(article if article not in labels else id_, label)
                continue
        # (a file found that no input holds: the folder extracted from an archive given, still beside it)
        if archives is None and "/" in id_:  # (listed once, when a cell may name a member)
            archives = _archives_given(inputs)
        if archives and (article := _in_an_archive(id_, archives)):  # (a member, as extracted)
            named.setdefault(article if article not in labels else id_, label)
            continue
        named.setdefault(id_, label)
    return named


def _ids_of_files(paths: Sequence) -> dict[str, str]:
    """{a file's real path: its article's id}, as the reading names the article files of the paths given (`iter_files`:
    an id another path given made first is named by its path given, "south/001"); none when they cannot be listed
    (the reading says why)."""
    try:
        return {os.path.realpath(file): _as_read(id_)
                for file, id_ in iter_files(unique_paths(paths, say=False), say=False)}
    except (InputError, OSError):
        return {}


def _as_read(article: str) -> str:
    """An article's id as the reader spells it (`io.article`: composed, nothing a file cannot be written with)."""
    return nfc(writable_text(article))


def _in_an_archive(id_: str, archives: list[tuple[Path, str]]) -> str | None:
    """The id of the article of an archive given (`archives`: each, and the folder of its own name it holds, or "")
    that a `file` cell names by the archive's name or that folder's, as the folder extracted from it is named
    (`bai-bao/2017/a.txt` or `bai-bao.zip/bai-bao/2017/a.txt` of bai-bao.zip: `2017/a`), or None."""
    for archive, own in archives:
        below = id_.removeprefix(archive.name + "/")
        if own and below.startswith(own):
            return _as_read(below.removeprefix(own))
        if below != id_:
            return _as_read(below)
    return None


def _archives_given(inputs: Sequence[Path]) -> list[tuple[Path, str]]:
    """The archives among `inputs`, each with the folder of its own name it holds (`archives.own_folder`)."""
    from ..io.archives import own_folder
    from ..io.folders import file_kind

    return [(given, own_folder(given)) for given in inputs if file_kind(given) == "archive" and given.is_file()]


def model_answers(path, labels, written: bool, id_field: str = "id") -> list[str]:
    """The ids among `labels`' (a labels file's {id: label}) whose label is a model's answer: none unless `path` is
    as dvtopics wrote it (`written`: `run.batch.as_written`, which the caller asks once, a hash of the whole file); then
    every row of a `label --out` table, and those rows of a report's workbook whose type the model gave: not its
    `type_from` "input" rows, the articles' own labels (hand labels, called a model's answers when the workbook was
    given back)."""
    from ..io.labels import labels_file_columns, labels_in_column

    if not written:
        return []
    from_input = set()
    if "type_from" in labels_file_columns(path, "label", id_field):
        sources = labels_in_column(path, "type_from", id_field)
        from_input = {id_ for id_, source in sources.items() if source == "input"}
    return [id_ for id_ in labels if id_ not in from_input]


def input_types(labels_file, reading) -> dict[str, str] | None:
    """A topic command's or the report's --labels (`read_types`), a `file` cell naming a .txt of the input (by its
    path from here, or a Windows path) read as that article's id, as `train` and `evaluate` read theirs
    (`ids_of_input_files`): the same labels file labelled articles there and none here."""
    from ..types.training import read_types

    return ids_of_input_files(read_types(labels_file, reading.fields.label, reading.fields.id), reading.paths)


# A Windows absolute path as a labels file's `file` cell gives it (its "\\" read as "/", its .txt dropped): C:/… on a
# drive, //server/share/… on a network share. Here it names no file: the labels were made on another machine
_WINDOWS_ABSOLUTE = re.compile(r"[A-Za-z]:/|//[^/]+/[^/]+/")


def _foreign_file(id_: str, inputs: Sequence[Path]) -> Path | None:
    """The .txt file here that a Windows absolute path names: the longest end of it (`2022/001` of
    `C:/Users/lan/arts/2022/001`) that is a file below a folder given, or a file given by its name; else None."""
    if not _WINDOWS_ABSOLUTE.match(id_):
        return None
    parts = id_.split("/")
    for start in range(1, len(parts)):
        for folder in (given for given in inputs if given.is_dir()):
            if file := article_file(folder.joinpath(*parts[start:])):
                return file
    return next((given for given in inputs if given.is_file() and without_article_suffix(given.name) == parts[-1]),
                None)


class NoLabelledArticles(InputError):
    """Nothing to score: no readable article has a label."""


def check_ids_found(labels: dict[str, str], ids: set[str], option: str) -> None:
    """Refuse labels none of whose ids is an article's of the input (`ids`); warn (one line) when some are not."""
    from ..io.labels import EXCEL_NOTATION, excel_notation

    ids = set(ids) | {id_.strip() for id_ in ids}  # as `HandLabels` finds them: a labels file's ids are stripped
    missing = [id_ for id_ in labels if id_ not in ids]
    mangled = next((id_ for id_ in labels if id_ not in ids and excel_notation(id_)), None)
    foreign = next((id_ for id_ in labels if id_ not in ids and _WINDOWS_ABSOLUTE.match(id_)), None)
    why = (f": {mangled!r} is {EXCEL_NOTATION}" if mangled else
           f": {foreign!r} is a path on Windows, not here: a `file` cell names a .txt file by its path below the "
           "folder given (2017/03/late.txt)" if foreign else "")
    if len(missing) == len(labels):
        which = f"none of the {len(labels)} ids" if len(labels) > 1 else "the one id"
        raise NoLabelledArticles(f"{which} in {option} is {'not ' if len(labels) == 1 else ''}an article of the input"
                                 f"{why or _near_id(labels, ids)}: check that the labels file is this input's (ids as "
                                 "`dvtopics inspect` shows them)")
    if missing:  # named, one or the spelling that lost it: among hundreds of labels, which ones no one could tell
        named = ", ".join(map(repr, missing[:3])) + (" …" if len(missing) > 3 else "")
        why = why or _near_id(missing, ids) or f": {named}"
        log.warning("%d of the %d labelled ids in %s %s of the input: left out%s", len(missing), len(labels), option,
                    word_for(len(missing), "is not an article", "are not articles"), why)


HTML_SUFFIXES = (".html", ".htm")


def check_suffix(out: str, suffixes: Sequence[str], kind: str) -> None:
    """Refuse an output named as another kind of file than it will be (report.pdf would hold HTML, and open
    in a PDF reader as a broken file)."""
    if Path(out).suffix.lower() not in suffixes:
        raise DvtopicsError(f"{out}: written as {kind}, so its name must end in {' or '.join(suffixes)}")
