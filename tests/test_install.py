"""dvtopics as users install it: a wheel built from the repository, in a fresh virtual environment, run
from a folder that is not the repository. Run with `make test-install` (CI does); about a minute when
pip's cache holds the dependencies."""
import csv
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.install


def run(*command, cwd=None):
    # without PYTHONPATH: a checkout on it (`PYTHONPATH=$PWD pytest -m install`) holds the dvtopics.egg-info that
    # building the wheel leaves, so the fresh venv's pip took dvtopics for installed and made no `dvtopics` command
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=900,
                          env=env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the wheel, the venv's `dvtopics`, a folder outside the repository holding a copy of the seeds)."""
    base = tmp_path_factory.mktemp("install")
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", base / "dist", ROOT)
    assert built.returncode == 0, built.stderr
    wheel = next((base / "dist").glob("dvtopics-*.whl"))
    created = run(sys.executable, "-m", "venv", base / "venv")
    assert created.returncode == 0, created.stderr
    pip = run(base / "venv" / "bin" / "pip", "install", "--quiet", wheel)
    assert pip.returncode == 0, pip.stderr
    elsewhere = base / "elsewhere"
    (elsewhere / "seeds").mkdir(parents=True)
    for path in (ROOT / "seeds").glob("*.txt"):
        (elsewhere / "seeds" / path.name).write_bytes(path.read_bytes())
    return wheel, base / "venv" / "bin" / "dvtopics", elsewhere


def test_the_wheel_carries_the_model_templates_and_stopwords_and_stays_small(installed):
    wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"dvtopics/shipped_models/article-type/model.pickle.gz", "dvtopics/shipped_models/article-type/model_card.json",
            "dvtopics/templates/report.html.j2", "dvtopics/data/stopwords_vi.txt"} <= names
    # with the stopword list's licence, which asks that its notice come with every copy (hunt 26 E)
    assert any(name.endswith(".dist-info/licenses/dvtopics/data/LICENSE-stopwords_vi.txt") for name in names)
    assert not any(name.startswith(("tests/", "seeds/", "benchmarks/", "models/")) for name in names)
    # exactly today's modules: none left over from an earlier build of a module since moved or deleted
    assert {n for n in names if n.endswith(".py")} == {p.relative_to(ROOT).as_posix() for p in (ROOT / "dvtopics").rglob("*.py")}
    assert wheel.stat().st_size < 10 * 2**20


def test_a_clones_own_models_and_its_tests_stay_out_of_the_wheel_and_the_sdist(tmp_path):
    """`train --out models/mine` (the README's command) in a clone, then a wheel or sdist built from it: both carried
    every folder of models/ (the user's own model, a leftover of a retrain), the wheel as shipped models. The sdist
    carried tests/test_*.py without what they read (conftest.py, seeds/, docs/): pytest there stopped at 18 errors."""
    clone = tmp_path / "clone"
    left_out = shutil.ignore_patterns("__pycache__", "shipped_models")
    shutil.copytree(ROOT / "dvtopics", clone / "dvtopics", ignore=left_out)
    shutil.copytree(ROOT / "models" / "article-type", clone / "models" / "article-type")
    for name in ("setup.py", "setup.cfg", "pyproject.toml", "MANIFEST.in", "LICENSE", "README.md", "tests/conftest.py",
                 "tests/test_text.py"):
        (clone / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, clone / name)
    (clone / "models" / "mine").mkdir()
    (clone / "models" / "mine" / "model_card.json").write_text("{}")
    (clone / "models" / "article-type" / "model.pickle.gz.part").write_text("a retrain stopped")
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path / "dist", clone)
    assert built.returncode == 0, built.stderr
    sdist = run(sys.executable, "setup.py", "-q", "sdist", "-d", tmp_path / "dist", cwd=clone)
    assert sdist.returncode == 0, sdist.stderr
    in_wheel = {n for n in zipfile.ZipFile(next((tmp_path / "dist").glob("*.whl"))).namelist() if "models/" in n}
    with tarfile.open(next((tmp_path / "dist").glob("*.tar.gz"))) as tar:
        in_sdist = {n.split("/", 1)[1] for n in tar.getnames() if "/models/" in n and tar.getmember(n).isfile()}
        assert not [n for n in tar.getnames() if "/tests/" in n]
    shipped = {"article-type/model.pickle.gz", "article-type/model_card.json"}
    assert in_wheel == {f"dvtopics/shipped_models/{name}" for name in shipped}
    assert in_sdist == {f"models/{name}" for name in shipped}

def test_the_readmes_pip_wheel_builds_with_the_pip_a_fresh_venv_comes_with(tmp_path):
    """Hunt 30 R: `pip wheel --no-deps -w dist .` (the README's "Installing without a clone") with the pip that
    `python3.11 -m venv` installs (23.0) ran `setup.py bdist_wheel`, which needs the `wheel` package no fresh venv
    has: "invalid command 'bdist_wheel'", no wheel (pip 23.1 and later guess the way pyproject.toml now declares).
    pyproject.toml declares the build system, so every pip builds it in an environment of its own."""
    venv = tmp_path / "fresh"
    created = run(sys.executable, "-m", "venv", venv)
    assert created.returncode == 0, created.stderr
    # the pip of Python 3.11.2 (Debian 12's python3.11, python.org's 3.11.0 to 3.11.3): a later one guessed
    older = run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", "pip==23.0.1")
    assert older.returncode == 0, older.stderr
    built = run(venv / "bin" / "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path / "dist", ROOT)
    assert built.returncode == 0, built.stderr
    names = zipfile.ZipFile(next((tmp_path / "dist").glob("dvtopics-*.whl"))).namelist()
    assert "dvtopics/shipped_models/article-type/model.pickle.gz" in names


def test_label_with_the_shipped_model_outside_the_repository(installed, seed_labels):
    _, dvtopics, elsewhere = installed
    result = run(dvtopics, "label", "seeds/", "--out", "labels.csv", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    with open(elsewhere / "labels.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["id"] for row in rows) == sorted(seed_labels)
    assert all(row["label"] for row in rows)


def test_report_outside_the_repository(installed):
    _, dvtopics, elsewhere = installed
    result = run(dvtopics, "report", "seeds/", "--out", "r.html", "--xlsx", "r.xlsx", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    html = (elsewhere / "r.html").read_text(encoding="utf-8")
    assert "Tăng cường phối hợp trong công tác dân vận" in html and "<script src=" not in html
    assert (elsewhere / "r.xlsx").stat().st_size > 0


def test_metadata_names_the_licence_python_and_extras(installed):
    _, dvtopics, _ = installed
    shown = run(dvtopics.parent / "python", "-c", "import json, importlib.metadata as m; d = m.metadata('dvtopics');"
                "print(json.dumps({k: d.get_all(k) for k in ('License', 'Requires-Python', 'Provides-Extra', "
                "'Classifier')}))")
    meta = json.loads(shown.stdout)
    assert meta["License"] == ["MIT"] and meta["Requires-Python"] == [">=3.11"]
    assert {"dask", "viz", "dev"} <= set(meta["Provides-Extra"])
    assert "License :: OSI Approved :: MIT License" in meta["Classifier"]
