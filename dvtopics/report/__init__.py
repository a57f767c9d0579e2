"""Stage 4, what people read: the HTML report, its workbook and the figures."""
from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path


def _matplotlib_default_dirs() -> list[Path]:
    """The folders matplotlib keeps its configuration and font cache in when MPLCONFIGDIR is not set, as its
    `get_configdir` and `get_cachedir` document them: Linux's XDG folders, Windows' %LOCALAPPDATA% (an existing
    ~/.matplotlib first), elsewhere ~/.matplotlib. RuntimeError when there is no home folder."""
    home = Path.home()
    if sys.platform.startswith(("linux", "freebsd")):
        return [Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config", "matplotlib"),
                Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache", "matplotlib")]
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA") and not (home / ".matplotlib").is_dir():
        return [Path(os.environ["LOCALAPPDATA"], "matplotlib")]
    return [home / ".matplotlib"]


def _writable_folder(folder: Path) -> bool:
    """Whether matplotlib can use `folder`, made if need be: its own test."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK) and folder.is_dir()


def _matplotlib_dir_if_home_unwritable() -> None:
    """Point MPLCONFIGDIR to a temporary folder, removed at exit, when matplotlib's own cannot be written (a read-only
    HOME, a service's HOME=/nonexistent), before matplotlib is imported. matplotlib then made one itself, and said so
    in a two-line warning to set MPLCONFIGDIR, which meant nothing to a user making a report; a user's MPLCONFIGDIR,
    or a writable home, is left as it is."""
    if os.environ.get("MPLCONFIGDIR") or "matplotlib" in sys.modules:
        return
    try:
        if all(_writable_folder(folder) for folder in _matplotlib_default_dirs()):
            return
    except RuntimeError:  # no home folder
        pass
    try:
        folder = tempfile.mkdtemp(prefix="dvtopics-matplotlib-")
    except OSError:  # no temporary folder either: matplotlib says what it needs
        return
    os.environ["MPLCONFIGDIR"] = folder  # (worker processes started from here use it too)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)


_matplotlib_dir_if_home_unwritable()
