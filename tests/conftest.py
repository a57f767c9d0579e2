import csv
import errno
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time, so a red build can be reproduced; locally hypothesis explores.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    """Each test segments into its own cache, so no test depends on another's."""
    monkeypatch.setenv("DVTOPICS_CACHE", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def _warnings_setting_kept():
    """`dvtopics -q` sets PYTHONWARNINGS for its worker processes: a command is one process, but the tests run
    many in one, and a later test's subprocess would inherit it (silenced warnings where a test counts them)."""
    before = os.environ.get("PYTHONWARNINGS")
    yield
    if before is None:
        os.environ.pop("PYTHONWARNINGS", None)
    else:
        os.environ["PYTHONWARNINGS"] = before


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def seed_expectations() -> dict[str, dict]:
    with open(SEEDS / "expected.csv", encoding="utf-8") as handle:
        return {row["file"].removesuffix(".txt"): row for row in csv.DictReader(handle)}


@pytest.fixture
def seed_labels() -> dict[str, str]:
    with open(SEEDS / "labels.csv", encoding="utf-8") as handle:
        return {row["file"].removesuffix(".txt"): row["label"] for row in csv.DictReader(handle)}


@pytest.fixture
def disk_fills(monkeypatch):
    """Call it to make `Path.write_text` write half its text and fail as a full disk does (ENOSPC)."""
    real = Path.write_text

    def half(path, text, *args, **kwargs):
        real(path, text[:len(text) // 2], *args, **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device")

    return lambda: monkeypatch.setattr(Path, "write_text", half)


@pytest.fixture
def temporary_files_find_the_disk_full(monkeypatch):
    """Call it to make every write to a `tempfile.NamedTemporaryFile` (where outputs are written before they are moved
    into place) fail as a full disk does (ENOSPC); `monkeypatch.undo()` gives the room back."""
    import tempfile

    opened = tempfile.NamedTemporaryFile

    def full(*args, **kwargs):
        handle = opened(*args, **kwargs)

        def write(data):
            raise OSError(errno.ENOSPC, "No space left on device")
        handle.write = write
        return handle

    return lambda: monkeypatch.setattr(tempfile, "NamedTemporaryFile", full)


def corpus_path(name: str) -> Path:
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path
