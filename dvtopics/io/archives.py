"""An archive of articles given by name (.zip, .tar, .tar.gz or .tgz, .tar.bz2, .tar.xz) read as the folder it holds,
never extracted: its members one at a time, each member's bytes held in memory while the readers read it (a
`Member`, which they take as a file), under the ids the extracted folder's files would have. (A tar's listing, which
its reading needs before it reads a member, keeps the members' bytes as it goes, up to `_ReadAhead.KEPT`, when the tar
is compressed: it cannot go back to its start but by inflating it all again. A plain tar seeks back.)

- Names: a zip made on Windows holds its names in the system's code page without the UTF-8 flag (zipfile reads them
  as cp437: "B├ío" for "Báo"); they are read as UTF-8 when they are, else as Windows-1258, as Explorer
  extracts them on a Vietnamese Windows; a Mac's NFD names are NFC, as the ids of a folder are compared.
- Safety: a name that climbs out ("../a.txt", "/a.txt", "C:\\a.txt") is read as unzip and Python extract it
  (without those parts), with a warning; a member refused by the size it declares (a text over the article limit,
  one that inflates too far or too many times over: `documents`' limits), one protected by a password or packed with
  a method Python cannot read, a damaged one, is one error naming the archive and the member, and the others are
  read; a damaged or cut short archive, an error after the members read before the fault; a tar is listed no
  further than a zip may list (`ARCHIVE_MAX_MEMBERS`). A link (a tar's, a zip's made on Unix) is never read.
- Shares: a Dask run reads a large archive in shares of its members (`Share`), one a task, as it reads a
  JSON lines file in ranges of lines; the shares read one after another give what a whole reading gives.
"""
from __future__ import annotations

import bz2
import gzip
import io
import logging
import lzma
import os
import posixpath
import stat
import tarfile
import unicodedata
import zipfile
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import Iterator

from .documents import ZIP_DAMAGED, inflation_problem
from .files import crowded_zip, office_kind, office_problem
from .folders import (ARCHIVE_SUFFIXES, ARTICLE_SUFFIXES, LINK_OUTSIDE, TEXT_SUFFIXES, Skipped, document_id, file_kind,
                      link_kind, skipped_notes, text_id, walk_names, walk_passes_over, walk_reads_member)
from .records import over_limit
from .shares import WHOLE, Share

log = logging.getLogger(__name__)

# A zip of articles holds a member an article (a year's collection: thousands); what zipfile lists of one as it opens
# it costs about 1 KB a member, so a zip that declares more is not opened (`files.crowded_zip`)
ARCHIVE_MAX_MEMBERS = 200_000
# the errors zipfile raises on damaged data (documents'), and tarfile's (lzma's and bz2's are OSError and EOFError)
_DAMAGED = (*ZIP_DAMAGED, tarfile.TarError)


class Member(PurePosixPath):
    """An archive's member as the readers take a file: its path is the archive's and the member's name
    ("arts.zip/2017/a.txt", as every message names it), and its bytes, in memory, are opened by `files.open_stored`."""

    data, modified_ns = b"", 0

    @classmethod
    def of(cls, archive: Path, name: str, data: bytes, modified_ns: int) -> "Member":
        member = cls(os.fspath(archive), name)  # (no __new__ of its own: pathlib's differs between Pythons)
        member.data, member.modified_ns = data, modified_ns
        return member

    def open_stored(self):
        return io.BufferedReader(io.BytesIO(self.data), 1 << 16)

    def read_bytes(self) -> bytes:
        return self.data

    def stat(self):
        return SimpleNamespace(st_mode=stat.S_IFREG | 0o444, st_size=len(self.data), st_mtime_ns=self.modified_ns)


def members_read(path: Path) -> int:
    """How many members the reading of the archive at `path` reads (`archive_members`, errors in a member's place
    counted); 0 for one that cannot be listed: a Dask run cuts it into shares of its members (`Share`)."""
    return sum(1 for _ in walk_names(_listed(path, {}), {}))


def archive_members(path: Path, skipped: Skipped, max_bytes: int, share: Share = WHOLE, say: bool = True
                    ) -> Iterator[tuple[str, Member | str]]:
    """(name, `Member`) for each member of the archive at `path` that the walk of the folder it holds reads
    (`folders.walk_names`; what else it holds is counted in `skipped`), or (name, why it cannot be read) in its
    place; ("", why) for the archive itself. A name is the member's below the archive's own folder (`_own_folder`),
    as its extracted file's id is, whether it is read or not; a message names the member as the archive holds it. A
    zip's members in the order of their names, as a folder's files are walked; a tar's in the order it holds them (a
    compressed tar cannot seek back). `share`: only those members (`Share`). `say`: False to read them again without
    saying what their names' reading says (the share that opens the archive has said it)."""
    read = 0
    try:
        if os.path.getsize(path) == 0:  # (a download that failed)
            if share.opens:
                yield "", f"{path}: empty file"
            return
        modified_ns = os.stat(path).st_mtime_ns
        members = (_zip_members if path.name.lower().endswith(".zip") else _tar_members)(path, skipped, max_bytes,
                                                                                         modified_ns, share, say)
        for name, member in members:
            read += isinstance(member, Member)
            yield name, member
    except _DAMAGED as exc:
        # (a later share: the shares before it read the members before it)
        after = "the members before the fault were read" if read or not share.opens else "no member could be read"
        yield "", f"{path}: a damaged archive ({_one_line(exc)}): {after}"


def _one_line(exc: BaseException) -> str:
    """An error's type and message on one line (tarfile's list the methods it tried, one to a line)."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


# the methods a zip's member may be packed with that zipfile cannot inflate, as 7-Zip names them (zipfile's own names
# for the others): Windows' Explorer packs a large file with Deflate64
_METHODS = {9: "Deflate64", 10: "PKWare DCL Implode", 93: "Zstandard", 95: "XZ", 98: "PPMd", 99: "AES"}


def _zip_members(path: Path, skipped: Skipped, max_bytes: int, modified_ns: int, share: Share, say: bool = True):
    if crowded := crowded_zip(path, ARCHIVE_MAX_MEMBERS):
        yield from _said_once(share, f"{path}: {crowded}")
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:  # (an HTML error page saved as .zip; a download cut before the list)
        yield from _said_once(share, f"{path}: not a zip archive, or one cut short before its list of members "
                                     f"({_one_line(exc)})")
        return
    with archive:
        if office := office_problem(office_kind(archive)):  # (a .docx renamed .zip, as a mailer may name it)
            yield from _said_once(share, f"{path}: {office}")
            return
        infos = _zip_infos(path, archive, skipped, say=share.opens and say)
        own = _own_folder(path, infos)
        for name in share.of(list(walk_names(sorted(infos, key=lambda name: name.split("/")), skipped))):
            info, shown = infos[name], name.removeprefix(own)
            if info.flag_bits & 0x1:
                yield shown, (f"{path}: its member {name} is protected by a password: extract it with the password "
                              "and give the folder to read it")
            elif problem := _size_problem(path, name, info.file_size, info.compress_size, max_bytes):
                yield shown, problem
            else:
                try:  # (zipfile inflates no more than the size declared: a member that lies is one that is damaged)
                    data = archive.read(info)
                except NotImplementedError:
                    method = _METHODS.get(info.compress_type) or zipfile.compressor_names.get(
                        info.compress_type, f"method {info.compress_type}")
                    yield shown, (f"{path}: its member {name} is packed with a method Python cannot read ({method}): "
                                  "extract it with 7-Zip or Explorer and give the folder")
                except _DAMAGED as exc:
                    yield shown, f"{path}: its member {name} is damaged ({_one_line(exc)}): not read"
                else:
                    yield shown, Member.of(path, name, data, modified_ns)


def _zip_infos(path: Path, archive: zipfile.ZipFile, skipped: Skipped, say: bool = True) -> dict[str, zipfile.ZipInfo]:
    """The files of an open zip by their names as extracted (`_shown_name`; a name twice: the last, as extracting
    leaves it). A symbolic link (`zip -y`, a Mac's ditto keep them: a member whose data is the path it names) is
    counted in `skipped` as a tar's is (`_count_links`): read, it was an article whose text was that path."""
    infos, links = {}, {}
    for info in archive.infolist():
        if info.is_dir() or not (name := _shown_name(path, info.orig_filename, _zip_name(info), say)):
            continue
        if info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16):  # (3: made on Unix, a Mac)
            links[name] = _link_target(path, name, _zip_link(archive, info))
        else:
            infos[name] = info
    _count_links(links, infos, skipped)
    return infos


def _zip_link(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    """The path a zip's symbolic link names (its data), or "/" (outside) for one that cannot be read: a damaged
    link is no reason to stop listing the archive."""
    try:
        return archive.read(info).decode("utf-8", "replace") if info.file_size < 4096 else "/"
    except (*_DAMAGED, RuntimeError):  # (RuntimeError: one encrypted)
        return "/"


def _link_target(path: Path, name: str, target: str) -> str:
    """The member's name (as `_shown_name` gives it) that a symbolic link `name` of the archive `path` names by
    `target` (relative to its folder), or "" when it names a file outside the archive (an absolute path, "../")."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(name), target.replace("\\", "/")))
    outside = target.startswith(("/", "\\")) or joined.startswith("..")
    return "" if outside else _shown_name(path, joined, joined, False)


def _count_links(links: dict[str, str], infos: dict, skipped: Skipped) -> None:
    """Count in `skipped` each link to an article's file among `links` (name: the member it names, or ""), as a
    folder's walk does a link to a file it reads: the file it names is read, once, as itself; a link to a file the
    archive does not hold (or one it passes over) is said to be not read."""
    for name, target in links.items():
        if name.lower().endswith(ARTICLE_SUFFIXES) and not walk_passes_over(name):
            read = target in infos and target.lower().endswith(ARTICLE_SUFFIXES) and not walk_passes_over(target)
            skipped.setdefault(link_kind(name) if read else LINK_OUTSIDE, [0, name])[0] += 1


def _size_problem(path: Path, name: str, size: int, compressed: int, max_bytes: int) -> str | None:
    """Why the member `name` of the archive `path` is refused by the size it declares, before it is read: an
    article's text file over `max_bytes`, as one on disk is refused by its size (a 150 MB dump was inflated whole
    first), or one that would inflate too far (`inflation_problem`); None when it is read."""
    if name.lower().endswith(TEXT_SUFFIXES) and size > max_bytes:
        return over_limit(f"{path}/{name}", size, max_bytes)
    if problem := inflation_problem(size, compressed, max_bytes):
        return f"{path}: its member {name} {problem}{_streamed_when_given(name)}"
    return None


def _streamed_when_given(name: str) -> str:
    """What to do with a member of JSON lines too large to hold while it is read (a year's export): given by name, a
    JSON lines file is streamed a line at a time."""
    return ("; extract it and give it by its name: JSON lines are read a line at a time"
            if file_kind(PurePosixPath(name)) == "jsonl" else "")


def _zip_name(info: zipfile.ZipInfo) -> str:
    """A zip member's name as the user sees it extracted: UTF-8 when it is flagged so or reads so (many tools write it
    unflagged), else the bytes Windows wrote in its code page, read as Windows-1258 (zipfile reads them as cp437)."""
    if info.flag_bits & 0x800:
        return info.orig_filename
    raw = info.orig_filename.encode("cp437")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1258", "replace")


def _tar_members(path: Path, skipped: Skipped, max_bytes: int, modified_ns: int, share: Share, say: bool = True):
    try:
        archive = tarfile.open(path, "r:*")
    except tarfile.ReadError:  # (its message lists each compression tried, one to a line)
        yield from _said_once(share, f"{path}: not a tar archive (nor one compressed by gzip, bzip2 or xz), or one "
                                     "cut short: not read")
        return
    with archive:
        # a plain tar seeks back to each member: keeping them held 217 MB of a 344 MB tar, to no gain. A share of a
        # compressed one inflates it again up to its first member, and reads on from there
        read_ahead = _ReadAhead(path, max_bytes) if isinstance(archive.fileobj, _INFLATING) and share.whole else None
        infos, fault = _tar_infos(path, archive, skipped, say=share.opens and say, read_ahead=read_ahead)
        if isinstance(fault, str):
            yield from _said_once(share, f"{path}: {fault}")
            return
        own = _own_folder(path, infos)
        walked = list(walk_names(list(infos), skipped))
        if read_ahead:
            read_ahead.keep_only([infos[name] for name in walked])
        for name in share.of(walked):
            info, shown = infos[name], name.removeprefix(own)
            if problem := _size_problem(path, name, info.size, info.size, max_bytes):  # (a tar's: its members')
                yield shown, problem
                continue
            try:
                data = read_ahead and read_ahead.pop(info)
                if data is None:  # (past what is kept: a compressed tar is inflated again up to it)
                    data = archive.extractfile(info).read()
            except _DAMAGED as exc:
                yield shown, f"{path}: its member {name} is damaged ({_one_line(exc)}): not read"
            else:
                yield shown, Member.of(path, name, data, modified_ns)
        if fault and share.ends(walked):
            raise fault


def _said_once(share: Share, problem: str) -> Iterator[tuple[str, str]]:
    """Why the archive cannot be read, in the place of its members: by the share that opens it only."""
    if share.opens:
        yield "", problem


def _tar_infos(path: Path, archive: tarfile.TarFile, skipped: Skipped, say: bool = True,
               read_ahead: "_ReadAhead | None" = None):
    """The files of an open tar by their names as extracted (`_shown_name`), listed as far as they can be, and the
    fault that stopped the listing (a tar cut short), if one did. A link (hard, as tar stores a file it meets twice,
    or symbolic) is counted in `skipped` (`_count_links`). A tar that holds over `ARCHIVE_MAX_MEMBERS` members is
    not listed further, and none is read (the fault is why): tarfile keeps each listed, as zipfile does.
    `read_ahead`: what takes the members' data as they are listed (`_tar_listing`)."""
    listed, fault = _tar_listing(path, archive, read_ahead)
    if isinstance(fault, str):
        return {}, fault
    infos, links = {}, {}
    for info in listed:
        name = _shown_name(path, info.name, _tar_name(info.name), say)
        if name and info.isfile():
            infos[name] = info
        elif name and info.issym():
            links[name] = _link_target(path, name, _tar_name(info.linkname))
        elif name and info.islnk():  # (its target: a member's name, from the archive's top)
            links[name] = _link_target(path, "", _tar_name(info.linkname))
    _count_links(links, infos, skipped)
    return infos, fault


# The members of the tars a job lists (`tars_listed_once`), by path; None outside a job. Listing a .tar.gz inflates
# all of it, and a job looks at one up to three times (the members a labels file names, its reading, what it held that
# was not read): 0.17 s each for 3,000 short articles. A context variable: jobs run side by side in threads each keep
# their own. At most _TAR_MEMBERS_KEPT members are kept over a job's tars (each costs ~0.5 KB); the others are listed
# again.
_TARS_LISTED: ContextVar[dict[str, tuple[tuple[int, int], list[tarfile.TarInfo]]] | None] = ContextVar(
    "dvtopics_tars_listed", default=None)
_TAR_MEMBERS_KEPT = 100_000


@contextmanager
def tars_listed_once() -> Iterator[None]:
    """Within it (a job: `report_data`, `train`, `evaluate`), a tar is listed once however often the job looks at it.
    Outside it, each look lists it again: nothing is kept after the job (a notebook that writes a tar again and reads
    it was given the old listing's names and offsets, when its size and time came out the same)."""
    token = _TARS_LISTED.set({}) if _TARS_LISTED.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _TARS_LISTED.reset(token)


def _tar_listing(path: Path, archive: tarfile.TarFile, read_ahead: "_ReadAhead | None" = None
                 ) -> tuple[list[tarfile.TarInfo], BaseException | str | None]:
    """The members of the tar `archive`, open at its start, as tarfile lists them, as far as they can be listed, and
    the fault that stopped the listing (a tar cut short; over `ARCHIVE_MAX_MEMBERS`: why, in words). Within
    `tars_listed_once`, a listing without a fault is kept for the job's next look at the same file (its size and time
    unchanged), which reads its members from where `archive` stands, never going back (a .tar.gz listed then read was
    inflated twice). `read_ahead` takes the data of the members a reading reads as they are listed (`_ReadAhead`)."""
    kept_here = _TARS_LISTED.get()
    if kept_here is not None:
        status = os.stat(path)
        key, stamp = os.path.realpath(path), (status.st_size, status.st_mtime_ns)
        kept = kept_here.get(key)
        if kept and kept[0] == stamp:
            return kept[1], None
    listed, fault = [], None
    try:
        for info in iter(archive.next, None):
            if len(listed) == ARCHIVE_MAX_MEMBERS:
                return [], (f"a tar that holds over {ARCHIVE_MAX_MEMBERS:,} members, more than an archive of articles "
                            "holds: not read (a tar bomb's way to fill memory)")
            listed.append(info)
            if read_ahead is not None:
                read_ahead.take(archive, info)
    except _DAMAGED as exc:
        fault = exc
    if fault is None and kept_here is not None and \
            len(listed) + sum(len(members) for _, members in kept_here.values()) <= _TAR_MEMBERS_KEPT:
        kept_here[key] = stamp, listed
    return listed, fault


_INFLATING = (gzip.GzipFile, bz2.BZ2File, lzma.LZMAFile)  # a compressed tar's stream, as tarfile opens it


class _ReadAhead:
    """The data of the members of a tar that its reading reads (as the walk's rule tells them a name at a time,
    `folders.walk_reads_member`: an article's file, a table, JSON; not a document beside its .txt file, nor one
    refused by its size), read as it is listed (`_tar_listing`), up to `KEPT` bytes in all, each given once (`pop`): a
    compressed tar cannot seek back, and its members read after the listing were each inflated again from its start.
    Past `KEPT`, a .tar.gz is inflated again from its start to read the others. (The .docx beside each .txt were kept,
    and spent the bytes kept: 128 MB held of a tar of 300 articles, each .txt read from where it was, the .docx never
    read.)"""

    KEPT = 128 << 20  # (3,000 short articles are 12 MB)

    def __init__(self, path: Path, max_bytes: int):
        self.path, self.max_bytes, self.data, self.size = path, max_bytes, {}, 0
        self.texts: set[str] = set()  # the ids of the .txt files listed (`folders.text_id`)
        self.documents: dict[str, list[int]] = {}  # {the id of a .txt file of a document's name: its offsets kept}

    def take(self, archive: tarfile.TarFile, info: tarfile.TarInfo) -> None:
        """Read the data of the member `info` that `archive` stands at, when it is read and fits. A member that cannot
        be read is read again, and its error said, in its turn."""
        if not info.isfile():
            return
        name = _shown_name(self.path, info.name, _tar_name(info.name), say=False)  # (as the walk names it)
        if (text := text_id(name)) is not None:
            self.texts.add(text)
            self._drop(self.documents.pop(text, []))  # a document listed before its .txt: the walk reads the .txt
        if self.size + info.size > self.KEPT or not walk_reads_member(name, self.texts) or \
                _size_problem(self.path, name, info.size, info.size, self.max_bytes):
            return
        try:
            self.data[info.offset] = archive.extractfile(info).read()
        except _DAMAGED:
            return
        self.size += info.size
        if (document := document_id(name)) is not None:
            self.documents.setdefault(document, []).append(info.offset)

    def keep_only(self, walked: list[tarfile.TarInfo]) -> None:
        """Drop what the walk does not read, once the whole listing tells it (a model's folder, a saved page's)."""
        read = {info.offset for info in walked}
        self._drop([offset for offset in self.data if offset not in read])

    def _drop(self, offsets: list[int]) -> None:
        for offset in offsets:
            self.size -= len(self.data.pop(offset, b""))

    def pop(self, info: tarfile.TarInfo) -> bytes | None:
        return self.data.pop(info.offset, None)


def members_not_read(path: Path) -> list[str]:
    """What the archive at `path` holds that its reading passes over, one kind of file to a line
    (`folders.skipped_notes`), for a report's reader, who never sees the warnings that say it; none for one that
    cannot be listed (its reading's error says why)."""
    skipped: Skipped = {}
    for _ in walk_names(_listed(path, skipped), skipped):
        pass
    return skipped_notes(skipped, path, archive=True)


def own_folder(path: Path) -> str:
    """"bai-bao/" when the archive `path` holds a folder of its own name, whose path its articles' ids leave out
    (`_own_folder`); else ""."""
    return _own_folder(path, _listed(path, {}))


def _listed(path: Path, skipped: Skipped) -> list[str]:
    """The names of the files of the archive at `path` (as `_zip_infos` and `_tar_infos` give them; its links counted in
    `skipped`), in the order it is read; none for one that cannot be listed."""
    try:
        if path.name.lower().endswith(".zip"):
            if crowded_zip(path, ARCHIVE_MAX_MEMBERS):  # (its list would fill memory; its reading says why)
                return []
            with zipfile.ZipFile(path) as archive:
                return sorted(_zip_infos(path, archive, skipped, say=False), key=lambda name: name.split("/"))
        with tarfile.open(path, "r:*") as archive:
            return list(_tar_infos(path, archive, skipped, say=False)[0])
    except (*_DAMAGED, OSError):  # (one the user may not read: its reading says so in its place)
        return []


def _own_folder(path: Path, names) -> str:
    """"bai-bao/" when every member of the archive `path` bai-bao.zip (or .tar.gz, …) is in a folder of its name, as
    a folder compressed by Explorer, Finder or `tar czf bai-bao.tar.gz bai-bao/` is kept: extracted, it is that folder,
    which the user gives, and its articles' ids are their paths below it ("2017/a", not "bai-bao/2017/a"). Else ""."""
    stem = unicodedata.normalize("NFC", path.name)
    stem = stem[:len(stem) - len(next(suffix for suffix in ARCHIVE_SUFFIXES if stem.lower().endswith(suffix)))]
    own = stem + "/"
    # (a Mac's __MACOSX/ beside it, passed over by the walk, does not count)
    held = [name for name in names if not walk_passes_over(name)]
    return own if held and all(name.startswith(own) for name in held) else ""


def _tar_name(name: str) -> str:
    """A tar member's name: tarfile reads UTF-8, keeping other bytes as surrogates; those are Windows-1258's."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("cp1258", "replace")


def _shown_name(path: Path, stored: str, name: str, say: bool = True) -> str:
    """A member's name as its file is extracted: NFC, "/" between folders, without what would climb out of the folder
    ("..", a root, a drive: unzip and Python drop them, with a warning here)."""
    parts = unicodedata.normalize("NFC", name).replace("\\", "/").split("/")
    kept = [part for part in parts if part not in ("", ".", "..") and not (len(part) == 2 and part[1] == ":")]
    shown = "/".join(kept)
    if say and (len(kept) != len([part for part in parts if part not in ("", ".")]) or name.startswith(("/", "\\"))):
        log.warning("%s: its member %r is named outside the folder it would be extracted to: read as %r, where "
                    "unzip extracts it", path, stored, shown)
    return shown
