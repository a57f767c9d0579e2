"""Models as artefacts with a card.

A model directory holds `model.pickle.gz` and `model_card.json`. The card records
what the model is (task, labels, parameters), what it learned from (data
description and hash), how good it is (metrics), what made it (package
versions) and the SHA-256 of the model file.

The model is a gzipped pickle (protocol 5), read by Python's C unpickler:
joblib's unpickler is written in Python and took three to four times as long in
every process that labels (benchmarks/RESULTS.md). Models saved before as
`model.joblib` (the card's "file" names it) still load, through joblib.

Security: a pickle (joblib's files too) can run arbitrary code when loaded. Load only
models you made or got from someone you trust. `load_model` checks the file's
SHA-256 against the card before unpickling, which catches corruption and
accidental swaps, not a deliberate attacker who rewrites both files.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import logging
import os
import pickle
import platform
import sys
import types
from importlib import import_module, metadata
from pathlib import Path

from .io.folders import CARD_FILE, MODEL_FILE  # named below persist: readers pass them over
from .io.paths import home_path
from .io.sidefiles import read_side_file
from .io.write import json_default, writable_value
from .errors import InputError, ModelError

log = logging.getLogger(__name__)

MODEL_FILES = (MODEL_FILE, CARD_FILE)  # what `save_model` writes in a folder: none may be an input
TRACKED_PACKAGES = ("dvtopics", "scikit-learn", "gensim", "pyvi", "joblib", "numpy", "scipy")
# An installed wheel carries the shipped model inside the package (setup.py copies it there), where every run
# without --model reads it: nothing may be written in it (`inside_packaged_models`). A checkout has no such
# folder and keeps its models in the repository's models/, which the maintainers retrain in place.
PACKAGED_MODELS = Path(__file__).resolve().parent / "shipped_models"


def package_versions() -> dict[str, str | None]:
    versions = {"python": platform.python_version()}
    for package in TRACKED_PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return versions


def inside_packaged_models(path: str | os.PathLike) -> bool:
    """Whether `path` is the installed package's model folder (`PACKAGED_MODELS`) or anything in it."""
    return Path(path).resolve().is_relative_to(PACKAGED_MODELS)


def restore_remedy(path: str | os.PathLike) -> str:
    """What to do with a model that is damaged or not what its card says: the one installed with dvtopics cannot be
    retrained from a wheel (its data is not in it), so it is installed again; another is retrained or restored."""
    if inside_packaged_models(path):
        return "install dvtopics again (pip install --force-reinstall dvtopics)"
    return "retrain or restore the model"


def sha256_of(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save_model(model, directory: str | os.PathLike, card: dict) -> dict:
    """Write `model` and its card into `directory`; return the full card.

    Both are written beside their names first, then put in place together, the card last, with Ctrl-C held back
    (`io.write.held_signals`): a retrain stopped at any moment leaves the old model or the new one. The new file
    once replaced the old one before its card was written, and a Ctrl-C between them left a folder refused as
    "corrupt or replaced": both models lost."""
    from .io.write import held_signals

    directory = Path(home_path(directory))  # "~/…": the home folder, as load_model and the command line read it
    directory.mkdir(parents=True, exist_ok=True)
    tmp, tmp_card = directory / (MODEL_FILE + ".tmp"), directory / (CARD_FILE + ".tmp")
    try:
        with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=3, mtime=0) as handle:
            # mtime=0: the same model gives the same bytes, hence the same checksum
            pickle.dump(model, handle, protocol=5)
        card = {
            **card,
            "versions": package_versions(),
            "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "file": MODEL_FILE,
            "sha256": sha256_of(tmp),
        }
        # a path or a command line naming a folder whose name is not UTF-8 (an old zip's "b\xe0i") holds its bytes
        # as surrogates, which UTF-8 cannot write: as \xNN, as in an article's id
        tmp_card.write_text(json.dumps(writable_value(card), ensure_ascii=False, indent=2, default=json_default) + "\n",
                            encoding="utf-8")
        os.chmod(tmp_card, 0o644)
        with held_signals():
            os.replace(tmp, directory / MODEL_FILE)
            os.replace(tmp_card, directory / CARD_FILE)
    finally:
        tmp.unlink(missing_ok=True)
        tmp_card.unlink(missing_ok=True)
    return card


# What makes the folder of a model of each task (a classifier's when the task is not here), for the message of one
# not found: `read_card`, and the command line's options that take a model folder (`cli.options.ModelFolder`)
SHIPPED = "shipped"  # the name by which a user gives the shipped classifier (CLI or notebook), wherever it is installed
MADE_BY = {"topics": "fit one with `dvtopics topics fit PATHS --out {dir}`"}
CLASSIFIER_MADE_BY = "train one with `dvtopics train PATHS --out {dir}`"


def how_made(task: str | None, directory) -> str:
    """The command that makes the folder of a model of `task` (a classifier's when None), named `directory`; named
    `shipped`, the name of the shipped classifier, which no command makes: another name ("themes", "models/mine")."""
    if os.fspath(directory) == SHIPPED:
        directory = "themes" if task == "topics" else "models/mine"
    return MADE_BY.get(task, CLASSIFIER_MADE_BY).format(dir=directory)


def read_card(directory: str | os.PathLike, task: str | None = None) -> dict:
    """The card of the model in `directory`; a folder that is not found, or holds no card, is a `ModelError` that
    says how a folder of `task` (a classifier's when None) is made: `report --topics` once said to train a
    classifier for a topics folder."""
    directory = Path(home_path(directory))
    card_path = directory / CARD_FILE
    made_by = how_made(task, directory)
    if directory.is_file():  # a model's card or file given for its folder: "no such directory" and "train one
        # with --out m1/model_card.json" sent the user the wrong way
        of_model = (directory.parent / CARD_FILE).is_file()
        if directory.suffix.lower() == ".zip":  # a model shared as mine.zip
            raise ModelError(f"{directory}: a zip archive, not a model folder: unzip it and give the model folder inside")
        raise ModelError(f"{directory}: a file, not a model folder" + (f"; give its folder, {directory.parent}"
                                                                     if of_model else ""))
    if not directory.is_dir():  # `load_classifier("default")`: the name of the shipped model is said
        shipped = "" if task else f", or give {SHIPPED!r} (or None) for the model that comes with dvtopics"
        raise ModelError(f"{directory}: no such model directory ({made_by}{shipped})")
    if not card_path.exists():
        model_files = [name for name in (MODEL_FILE, "model.joblib") if (directory / name).is_file()]
        if model_files:  # only the model file was copied or mailed: "not a dvtopics model directory (train one)"
            # sent the user to retrain a model they have
            raise ModelError(f"{directory}: holds {model_files[0]} but no {CARD_FILE}: copy the card that came with "
                             "it into this folder (it is checked before the model file is loaded)")
        below = _models_below(directory)
        if below:  # a model unzipped into a folder of its name (mine/mine/): "train one" sent the user the wrong way
            raise ModelError(f"{directory}: no {CARD_FILE} here, but a model folder inside it: give "
                             f"{below[0]}" + (f" (or one of the {len(below) - 1} other model folders in it)"
                                              if len(below) > 1 else ""))
        raise ModelError(f"{directory}: no {CARD_FILE}; not a dvtopics model directory ({made_by})")
    try:
        card = json.loads(read_side_file(card_path))  # a card edited in Notepad may have a BOM, or be UTF-16
    except (ValueError, InputError) as exc:
        raise ModelError(f"{card_path}: unreadable model card ({exc})") from None
    check_card(card, card_path)
    return card


def _models_below(directory: Path) -> list[Path]:
    """The model folders one or two levels inside `directory` (unzipping mine.zip into mine/ makes mine/mine/, or
    mine/models/mine/), for the message of a folder that holds none itself."""
    try:
        found = sorted(path.parent for pattern in (f"*/{CARD_FILE}", f"*/*/{CARD_FILE}")
                       for path in directory.glob(pattern))
    except OSError:  # a subfolder that cannot be read: no hint, the error stands
        return []
    return found


# What the code reads from a card, and the JSON type each must have when the card holds it (old cards lack
# some; none of them may be null): a hand-edited card fails here with one line, not later with a Python error.
_CARD_FIELDS = {"task": str, "file": str, "sha256": str, "labels": list, "versions": dict, "parameters": dict,
                "metrics": dict, "measures": dict, "data": dict}
_CARD_PARAMETERS = {"head_chars": int, "use_rules": bool, "events": bool, "mask_people": bool,
                    "rules_fingerprint": str, "people_fingerprint": str}


def check_card(card, card_path: Path) -> None:
    """Raise `ModelError` for a card that is not a JSON object, or a field the code reads of the wrong type."""
    from .io.jsonfiles import json_kind

    if not isinstance(card, dict):
        raise ModelError(f"{card_path}: invalid model card: a model card is a JSON object, not {json_kind(card)}; "
                         "restore it or retrain the model")
    fields = [(key, card[key], kind) for key, kind in _CARD_FIELDS.items() if key in card]
    if isinstance(card.get("parameters"), dict):
        fields += [(f"parameters.{key}", card["parameters"][key], kind) for key, kind in _CARD_PARAMETERS.items()
                   if key in card["parameters"]]
    if isinstance(card.get("versions"), dict):  # compared as text (`check_versions`): a number failed with a traceback
        fields += [(f"versions.{package}", version, str) for package, version in card["versions"].items()]
    for key, value, kind in fields:
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ModelError(f"{card_path}: invalid model card: '{key}' must be {_JSON_NAMES[kind]}, not "
                             f"{json_kind(value)}; restore the card or retrain the model")
    if card.get("parameters", {}).get("head_chars", 0) < 0:  # 0: the whole text
        raise ModelError(f"{card_path}: invalid model card: 'parameters.head_chars' must be 0 (all) or more, not "
                         f"{card['parameters']['head_chars']}; restore the card or retrain the model")
    if isinstance(card.get("file"), str) and Path(card["file"]).name != card["file"]:
        raise ModelError(f"{card_path}: invalid model card: 'file' must name a file in the model folder, "
                         f"not {card['file']!r}")


_JSON_NAMES = {str: "text", list: "a list", dict: "an object", int: "a whole number", bool: "true/false"}


# How much of a package's version must be newer than the installed one's for a model it pickled to be refused:
# scikit-learn changes its estimators' attributes between minor releases and reads no pickle of a later one (a model
# trained on 1.9, loaded on 1.7, crashed at predict with an AttributeError traceback); numpy's and gensim's pickles
# change between major releases (numpy 2 pickles name numpy._core, which numpy 1 has not).
NEWER_REFUSED = {"scikit-learn": 2, "gensim": 1, "numpy": 1}
# How much of a version must differ for a warning: scikit-learn's estimators may predict otherwise from one release to
# the next (it warns itself); a numpy release within one major reads and computes a model's arrays alike, and pip
# installs the newest, so a wheel user was warned at every run that numpy 2.4 -> 2.5 might change predictions.
DIFFERENCE_WARNED = {"scikit-learn": 3, "gensim": 2, "numpy": 1}


def _release(version: str, parts: int) -> tuple[int, ...] | None:
    """The first `parts` numbers of a version ("1.9.1" -> (1, 9)), or None for one that does not open with them."""
    import re

    found = re.match(r"\d+(?:\.\d+)*", version or "")
    numbers = tuple(int(part) for part in found.group().split("."))[:parts] if found else ()
    return numbers if len(numbers) == parts else None


# The packages whose objects each task's model file holds: a classifier holds no gensim object, and was warned of
# (or refused for) a gensim release it never uses.
PICKLED_WITH = {"article-type": ("scikit-learn", "numpy"), "text-classification": ("scikit-learn", "numpy"),
                "topics": ("scikit-learn", "gensim", "numpy")}


def check_versions(card: dict, name: str) -> list[str]:
    """Warn where the packages that pickled the model (`PICKLED_WITH` its task) differ from the installed ones;
    refuse (`ModelError`) a model pickled by a newer release of one than is installed (`NEWER_REFUSED`), which could
    not run it: it loaded with a warning, then failed at the first article with a traceback."""
    drift, pins = [], []
    installed = package_versions()
    if not card.get("versions"):
        # (a card without them loaded silently, as if made here: what the pickle needs could not be checked, hunt 42 AK)
        log.warning("%s: its card records no package versions: whether this installation can run the model is not "
                    "checked; retrain it, or restore its card", name)
    for package in PICKLED_WITH.get(card.get("task"), ("scikit-learn", "gensim", "numpy")):
        made_with = card.get("versions", {}).get(package)
        if made_with and installed.get(package) and made_with != installed[package]:
            parts = NEWER_REFUSED[package]
            newer, here = _release(made_with, parts), _release(installed[package], parts)
            if newer and here and newer > here:
                raise ModelError(f"{name}: made with {package} {made_with}, newer than the {installed[package]} "
                                 f"installed here, which cannot run it: install it (pip install "
                                 f"'{package}>={made_with}')" + ("" if inside_packaged_models(name) else
                                                                 ", or retrain the model with this one"))
            release = _release(made_with, DIFFERENCE_WARNED[package])
            if release is not None and release == _release(installed[package], DIFFERENCE_WARNED[package]):
                continue
            drift.append(f"{package} {made_with} -> {installed[package]}")
            pins.append(f"'{package}=={made_with}'")
    if drift:
        # the model installed with dvtopics cannot be retrained from a wheel (its data is not in it): the remedy
        # there is the versions it was made with
        remedy = (f"install those versions if they look wrong (pip install {' '.join(sorted(pins))})"
                  if inside_packaged_models(name) else "retrain it if they look wrong")
        log.warning("%s was saved with other package versions (%s): predictions may differ; %s", name,
                    ", ".join(drift), remedy)
    return drift


def kind_of_model(task) -> str:
    """A model card's task in words, for messages: "an article-type model", "a topics model"."""
    if not isinstance(task, str) or not task:
        return "a model whose card names no task"
    return f"{'an' if task[0].lower() in 'aeiou' else 'a'} {task} model"


# What each task's model file holds, by class name (persist imports no stage): a model of another task is
# refused by its card, before its file is unpickled, and said to be what it is, not a broken model.
TASK_CLASSES = {"article-type": "Pipeline", "text-classification": "Pipeline", "topics": "TopicModel"}


def _check_task_holds(directory: Path, task, expected: type) -> None:
    """Refuse a model whose card's task holds another class than `expected`: a topics model given where an
    article-type classifier is wanted, or the reverse."""
    held = TASK_CLASSES.get(task)
    wanted = [name for name, cls in TASK_CLASSES.items() if cls == expected.__name__]
    if held is not None and wanted and held != expected.__name__:
        raise ModelError(f"{directory}: {kind_of_model(task)}, not {kind_of_model(wanted[0])}")


def load_model(directory: str | os.PathLike, task: str | None = None, expected: type | None = None):
    """Load a model after checking its card; return (model, card).

    Raises `ModelError` for a missing directory, a missing or corrupt file, a
    checksum that does not match, a model made for another task, or a file that
    holds something else than an `expected` (a checksum proves only that the file
    is the one the card names: one made by hand or by another tool may hold anything).
    """
    directory = Path(home_path(directory))  # "~/themes", from Python as from the command line
    card = read_card(directory, task)
    if task and card.get("task") != task:
        raise ModelError(f"{directory}: {kind_of_model(card.get('task'))}, not {kind_of_model(task)}")
    if expected is not None:
        _check_task_holds(directory, card.get("task"), expected)
    model_path = check_model_file(directory, card)
    check_versions(card, str(directory))
    _answer_old_module_paths()
    try:
        model = _unpickle(model_path)
    except Exception as exc:  # unpickling can fail in many ways; all mean the same to a user
        raise ModelError(f"{model_path}: cannot be loaded ({type(exc).__name__}: {exc}); "
                         "it may come from incompatible package versions: retrain it") from None
    if expected is not None and not isinstance(model, expected):
        raise ModelError(f"{model_path}: holds a {type(model).__name__}, not the {expected.__name__} "
                         f"{kind_of_model(card.get('task'))} is; {restore_remedy(directory)}")
    # (-v said nothing of which model a run used: a user comparing two models could not tell them apart in the log)
    log.info("%s: %s made %s, its checksum and versions checked", directory, kind_of_model(card.get("task")),
             card.get("created", "at an unknown time"))
    return model, card


def check_model_file(directory: Path, card: dict) -> Path:
    """The path of the model file `card` names in `directory`, checked against the card's checksum before it is
    loaded (`load_model`), or shown (`inspect`); a `ModelError` when it is missing or not the file the card names."""
    model_path = directory / card.get("file", MODEL_FILE)
    if not model_path.exists():
        # a download renames or unpacks it ("model.pickle (1).gz"; Safari unpacks .gz into "model.pickle"): say what is
        # there, which the checksum refuses as it is; the model as it was made is wanted
        there = sorted(path.name for path in directory.glob("model*") if path.name != CARD_FILE and path.is_file())
        raise ModelError(f"{model_path}: model file missing" + (
            f"; the folder holds {', '.join(there[:3])}: a copy renamed or unpacked on the way? Copy the model "
            f"folder again as it was made ({model_path.name} beside its {CARD_FILE})" if there else ""))
    if "sha256" not in card:  # nothing to check the file against: the card, not the file, is what is wrong
        raise ModelError(f"{directory / CARD_FILE}: records no checksum of the model file (no 'sha256'), so the file "
                         "cannot be checked before it is loaded; restore the card or retrain the model")
    # (the digest as written by hand or another tool, in capitals or with a space: the same digest, hunt 42 AK)
    if sha256_of(model_path) != str(card["sha256"]).strip().lower():
        raise ModelError(f"{model_path}: checksum does not match its model card (corrupt or replaced file); "
                         f"{restore_remedy(directory)}")
    return model_path


def _unpickle(path: Path):
    if path.suffix == ".joblib":  # saved before 2026-12-02
        import joblib

        return joblib.load(path)
    return pickle.loads(gzip.decompress(path.read_bytes()))


def data_hash(items) -> str:
    """A short hash of (id, label) pairs or any iterable of strings, for the card."""
    digest = hashlib.sha256()
    for item in items:
        digest.update(repr(item).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


# A pickle names each class and function by its module path. These moved when the package took one folder per
# stage (#19); models saved before still name the old paths. Each old path maps to the new modules, searched in
# turn for the name, so users' own saved models keep loading.
MOVED_MODULES = {
    "dvtopics.classify": ("dvtopics.types.features", "dvtopics.types.model"),
    "dvtopics.segment": ("dvtopics.text.segment", "dvtopics.text.cache", "dvtopics.text.segmenter"),
    "dvtopics._segmenter": ("dvtopics.text.segmenter",),
    "dvtopics.topics": ("dvtopics.topics.model", "dvtopics.topics.engines"),
}


def moved(old_module: str, name: str):
    """The object an old module path named `name`, from its new home; AttributeError if none has it."""
    for module in MOVED_MODULES.get(old_module, ()):
        try:
            found = import_module(module)
        except ModuleNotFoundError:
            continue
        if hasattr(found, name):
            return getattr(found, name)
    raise AttributeError(f"module {old_module!r} has no attribute {name!r}")


def _answer_old_module_paths() -> None:
    """Let unpickling import the old module paths that are no module now: each becomes a stand-in that hands
    out names through `moved`. (dvtopics.topics is a package now: its __init__ asks `moved` itself.)"""
    for old in MOVED_MODULES:
        if old in sys.modules or old == "dvtopics.topics":
            continue
        stand_in = types.ModuleType(old, f"Stand-in for {old}, moved in #19 (dvtopics.persist.MOVED_MODULES)")
        stand_in.__getattr__ = lambda name, old=old: moved(old, name)
        sys.modules.setdefault(old, stand_in)
