import json
import logging
import re

import pytest

from dvtopics.errors import ModelError
from dvtopics.persist import CARD_FILE, MODEL_FILE, load_model, save_model


def test_round_trip_with_card(tmp_path):
    card = save_model({"weights": [1, 2, 3]}, tmp_path, {"task": "demo", "labels": ["a", "b"]})
    model, loaded = load_model(tmp_path, task="demo")
    assert model == {"weights": [1, 2, 3]}
    assert loaded == card and len(card["sha256"]) == 64
    assert card["versions"]["scikit-learn"] and card["versions"]["python"]


def test_a_save_stopped_by_ctrl_c_leaves_the_old_model_or_the_new_never_a_mix(tmp_path, monkeypatch):
    """Hunt 24 D (8): the new model file replaced the old one before its card was written, so a Ctrl-C between the
    two (here, as its checksum is taken) left a folder refused as "corrupt or replaced file": both models lost.
    Both are put in place together, the card last, with Ctrl-C held back until they are."""
    import os
    import signal

    from dvtopics import persist

    save_model({"model": "old"}, tmp_path, {"task": "demo"})
    real = persist.sha256_of

    def interrupted(path):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the model is saved
        return real(path)

    monkeypatch.setattr(persist, "sha256_of", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_model({"model": "new"}, tmp_path, {"task": "demo"})
    monkeypatch.setattr(persist, "sha256_of", real)
    assert load_model(tmp_path)[0] == {"model": "old"}
    assert sorted(path.name for path in tmp_path.iterdir()) == [MODEL_FILE, CARD_FILE]  # no temporary file left
    save_model({"model": "new"}, tmp_path, {"task": "demo"})
    assert load_model(tmp_path)[0] == {"model": "new"}


def test_missing_directory(tmp_path):
    with pytest.raises(ModelError, match="no such model directory"):
        load_model(tmp_path / "nope")


def test_wrong_task(tmp_path):
    save_model([1], tmp_path, {"task": "topics"})
    with pytest.raises(ModelError, match="a topics model, not an article-type model"):
        load_model(tmp_path, task="article-type")


def test_truncated_file_fails_the_checksum(tmp_path):
    save_model(list(range(1000)), tmp_path, {"task": "demo"})
    path = tmp_path / MODEL_FILE
    path.write_bytes(path.read_bytes()[:50])
    with pytest.raises(ModelError, match="checksum"):
        load_model(tmp_path)


def test_a_checksum_written_in_capitals_or_with_a_space_is_the_same_digest(tmp_path):
    """Hunt 42 AK (6): a card whose digest was written in capitals, or with a space after it, named an intact file
    "corrupt or replaced"."""
    card = save_model([1], tmp_path, {"task": "demo"})
    for written in (card["sha256"].upper(), card["sha256"] + " "):
        (tmp_path / CARD_FILE).write_text(json.dumps({**card, "sha256": written}))
        assert load_model(tmp_path)[0] == [1]
    (tmp_path / CARD_FILE).write_text(json.dumps({**card, "sha256": "0" * 64}))
    with pytest.raises(ModelError, match="checksum"):
        load_model(tmp_path)


def test_a_card_without_its_versions_is_said_not_loaded_as_if_made_here(tmp_path, caplog):
    """Hunt 42 AK (3): a card without its package versions loaded without a word, as if the model were made with the
    packages installed: whether they can run it was not checked."""
    card = save_model([1], tmp_path, {"task": "demo"})
    with caplog.at_level(logging.WARNING):
        load_model(tmp_path)
    assert "records no package versions" not in caplog.text
    without = {key: value for key, value in card.items() if key != "versions"}
    for written in (without, {**card, "versions": {}}):  # (one of another type is refused as an invalid card)
        (tmp_path / CARD_FILE).write_text(json.dumps(written))
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert load_model(tmp_path)[0] == [1]
        assert "its card records no package versions" in caplog.text


def test_corrupt_file_with_matching_card_gets_a_clear_error(tmp_path):
    save_model([1], tmp_path, {"task": "demo"})
    (tmp_path / MODEL_FILE).write_bytes(b"not a pickle at all")
    card = json.loads((tmp_path / CARD_FILE).read_text())
    from dvtopics.persist import sha256_of
    card["sha256"] = sha256_of(tmp_path / MODEL_FILE)
    (tmp_path / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelError, match="cannot be loaded"):
        load_model(tmp_path)


def _saved_with(folder, package: str, version: str, task: str = "demo") -> None:
    """A model (of `task`) saved in `folder` whose card says `package` was at `version` when it was saved."""
    save_model([1], folder, {"task": task})
    card = json.loads((folder / CARD_FILE).read_text())
    card["versions"][package] = version
    (folder / CARD_FILE).write_text(json.dumps(card))


def test_version_drift_warns(tmp_path, caplog):
    _saved_with(tmp_path, "scikit-learn", "0.0.1")
    with caplog.at_level(logging.WARNING):
        load_model(tmp_path)
    assert "scikit-learn 0.0.1" in caplog.text


def test_a_folder_holding_a_model_one_level_down_names_it(tmp_path):
    """mine.zip unzipped into mine/ makes mine/mine/: `--model mine` said "no model_card.json; not a dvtopics model
    directory (train one with `dvtopics train PATHS --out mine`)", sending the user to retrain a model they have
    (hunt 23 B, 4)."""
    save_model([1], tmp_path / "mine" / "mine", {"task": "demo"})
    with pytest.raises(ModelError, match=r"no model_card\.json here, but a model folder inside it: give "
                                         r".*mine[/\\]mine$") as raised:
        load_model(tmp_path / "mine")
    assert "train one" not in str(raised.value)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="not a dvtopics model directory"):
        load_model(tmp_path / "empty")


def test_a_model_file_without_its_card_says_the_card_is_missing(tmp_path):
    """Only model.pickle.gz copied into a folder: "no model_card.json; not a dvtopics model directory (train one with
    ...)" sent the user to retrain the model they have (hunt 23 B, 8)."""
    save_model([1], tmp_path / "m", {"task": "demo"})
    (tmp_path / "copied").mkdir()
    (tmp_path / "copied" / MODEL_FILE).write_bytes((tmp_path / "m" / MODEL_FILE).read_bytes())
    with pytest.raises(ModelError, match=r"copied: holds model\.pickle\.gz but no model_card\.json: copy the card"):
        load_model(tmp_path / "copied")


def test_a_model_file_renamed_on_the_way_is_named(tmp_path):
    """A browser saves "model.pickle (1).gz", Safari unpacks .gz into "model.pickle": the loader said only "model file
    missing" (hunt 23 B, 21); it names what the folder holds."""
    save_model([1], tmp_path, {"task": "demo"})
    (tmp_path / MODEL_FILE).rename(tmp_path / "model.pickle (1).gz")
    with pytest.raises(ModelError, match=r"model file missing; the folder holds model\.pickle \(1\)\.gz: a copy "
                                         r"renamed or unpacked on the way"):
        load_model(tmp_path)
    (tmp_path / "model.pickle (1).gz").unlink()
    with pytest.raises(ModelError, match=r"model file missing$"):
        load_model(tmp_path)


def test_a_model_given_as_its_zip_archive_says_to_unzip_it(tmp_path):
    """A model shared as mine.zip, given as --model mine.zip: "Directory 'mine.zip' is a file." (hunt 23 B, 22)."""
    import shutil
    from click.testing import CliRunner
    from dvtopics.cli import cli

    save_model([1], tmp_path / "mine", {"task": "demo"})
    archive = shutil.make_archive(str(tmp_path / "mine"), "zip", tmp_path, "mine")
    with pytest.raises(ModelError, match=r"mine\.zip: a zip archive, not a model folder: unzip it"):
        load_model(archive)
    (tmp_path / "a.txt").write_text("Hội nghị tổng kết công tác dân vận năm 2022.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", str(tmp_path / "a.txt"), "--model", archive])
    assert result.exit_code == 2 and "is a zip archive: unzip it and give the model folder inside" in result.output


def test_a_model_made_by_a_newer_release_than_is_installed_is_refused_at_load(tmp_path, caplog):
    """A model trained where scikit-learn 1.9 is installed, copied where 1.7 is, loaded with a warning and crashed at
    predict with a traceback; its card says what made it, so it is refused at load, in one line naming both versions
    (hunt 23 B, 2). A newer patch release, or an older release, still loads with the warning."""
    from dvtopics.persist import package_versions

    installed = package_versions()["scikit-learn"]
    major, minor = (int(part) for part in installed.split(".")[:2])
    _saved_with(tmp_path, "scikit-learn", f"{major}.{minor + 1}.0")
    with pytest.raises(ModelError, match=rf"made with scikit-learn {major}\.{minor + 1}\.0, newer than the "
                                         rf"{re.escape(installed)} installed here.*pip install 'scikit-learn>="):
        load_model(tmp_path)
    _saved_with(tmp_path, "numpy", "99.0")
    with pytest.raises(ModelError, match="made with numpy 99.0"):
        load_model(tmp_path)
    _saved_with(tmp_path, "scikit-learn", f"{major}.{minor}.999")  # a bug-fix release apart: warned, not refused
    with caplog.at_level(logging.WARNING):
        assert load_model(tmp_path)[0] == [1]
    assert f"scikit-learn {major}.{minor}.999 -> {installed}" in caplog.text
    _saved_with(tmp_path, "gensim", "dev")  # a version that opens with no release's numbers: warned only
    load_model(tmp_path)


def test_a_numpy_release_of_the_same_major_is_not_warned_at_each_run(tmp_path, caplog):
    """A wheel user's pip installs the newest numpy: a model pickled with numpy 2.4 loaded under 2.5 warned at every
    run that predictions may differ, though a release within one major reads and computes its arrays alike (hunt 36
    C, 6). Another major, and another scikit-learn release, are still warned."""
    from dvtopics.persist import package_versions

    major = package_versions()["numpy"].split(".")[0]
    _saved_with(tmp_path, "numpy", f"{major}.0.0")
    with caplog.at_level(logging.WARNING):
        load_model(tmp_path)
    assert "other package versions" not in caplog.text
    _saved_with(tmp_path, "numpy", f"{int(major) - 1}.26.4")
    with caplog.at_level(logging.WARNING):
        load_model(tmp_path)
    assert f"numpy {int(major) - 1}.26.4 -> " in caplog.text


def test_version_drift_of_the_model_installed_with_dvtopics_names_the_versions_not_a_retraining(tmp_path, caplog,
                                                                                                monkeypatch):
    """A wheel user whose numpy is not the build machine's read, at every run, that the shipped model "was saved with
    other package versions ...; retrain it": a wheel holds none of the data it is trained on (hunt 22 C, 8)."""
    import dvtopics.persist as persist

    monkeypatch.setattr(persist, "PACKAGED_MODELS", tmp_path.resolve())
    folder = tmp_path / "article-type"
    _saved_with(folder, "numpy", "0.0.1")
    with caplog.at_level(logging.WARNING):
        load_model(folder)
    assert "pip install 'numpy==0.0.1'" in caplog.text and "retrain" not in caplog.text


def test_a_classifier_is_not_checked_against_gensim_which_it_never_uses(tmp_path, caplog):
    """Hunt 38 I (1): an article-type model whose card said gensim 5.0.0 was refused ("cannot run it: install it"),
    one of 4.5.0 warned that predictions may differ: a classifier holds no gensim object. A topics model does."""
    _saved_with(tmp_path / "types", "gensim", "999.0.0", "article-type")
    with caplog.at_level(logging.WARNING):
        load_model(tmp_path / "types")
    assert "gensim" not in caplog.text
    _saved_with(tmp_path / "themes", "gensim", "999.0.0", "topics")
    with pytest.raises(ModelError, match="made with gensim 999.0.0, newer than"):
        load_model(tmp_path / "themes")
    _saved_with(tmp_path / "sure", "scikit-learn", "999.0.0", "article-type")
    with pytest.raises(ModelError, match="made with scikit-learn 999.0.0, newer than"):
        load_model(tmp_path / "sure")


def test_a_damaged_model_installed_with_dvtopics_is_installed_again_not_retrained(tmp_path, monkeypatch):
    """Hunt 38 I (2): the wheel's shipped model with a damaged file was told to "retrain or restore the model", which a
    wheel cannot (its data is not in it)."""
    import dvtopics.persist as persist

    save_model([1], tmp_path / "mine", {"task": "demo"})
    with (tmp_path / "mine" / MODEL_FILE).open("ab") as handle:
        handle.write(b"x")
    with pytest.raises(ModelError, match="corrupt or replaced file\\); retrain or restore the model$"):
        load_model(tmp_path / "mine")
    monkeypatch.setattr(persist, "PACKAGED_MODELS", tmp_path.resolve())
    with pytest.raises(ModelError, match=r"corrupt or replaced file\); install dvtopics again \(pip install "
                                         r"--force-reinstall dvtopics\)$"):
        load_model(tmp_path / "mine")


def test_a_model_saved_before_the_move_to_packages_still_loads(tmp_path):
    """Pickles name classes and functions by module path; models saved before #19 name the old paths."""
    import pickle

    from dvtopics.persist import sha256_of
    from dvtopics.text.segmenter import Segmenter
    from dvtopics.topics.engines import _NmfEngine
    from dvtopics.topics.model import TopicModel
    from dvtopics.types.features import words_years_masked
    from dvtopics.types.model import Classifier

    saved = pickle.dumps([words_years_masked, Classifier, _NmfEngine, TopicModel, Segmenter], protocol=0)
    for new, old in [(b"dvtopics.types.features", b"dvtopics.classify"), (b"dvtopics.types.model", b"dvtopics.classify"),
                     (b"dvtopics.topics.engines", b"dvtopics.topics"), (b"dvtopics.topics.model", b"dvtopics.topics"),
                     (b"dvtopics.text.segmenter", b"dvtopics._segmenter")]:
        assert new in saved
        saved = saved.replace(new, old)
    (tmp_path / "model.joblib").write_bytes(saved)  # the file name of models saved then (joblib reads pickles)
    card = {"task": "demo", "file": "model.joblib", "sha256": sha256_of(tmp_path / "model.joblib")}
    (tmp_path / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    model, _ = load_model(tmp_path, task="demo")
    assert model == [words_years_masked, Classifier, _NmfEngine, TopicModel, Segmenter]


def test_a_joblib_model_saved_before_the_pickle_format_still_loads(tmp_path):
    import joblib
    import numpy as np

    from dvtopics.persist import sha256_of

    joblib.dump({"weights": np.arange(5.0)}, tmp_path / "model.joblib", compress=3)
    card = {"task": "demo", "file": "model.joblib", "sha256": sha256_of(tmp_path / "model.joblib")}
    (tmp_path / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    model, _ = load_model(tmp_path, task="demo")
    assert model["weights"].tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_the_same_model_saves_to_the_same_bytes(tmp_path):
    """gzip writes a time into its header unless told not to: the checksum would change with every save."""
    import numpy as np

    first = save_model({"w": np.ones(3)}, tmp_path / "a", {"task": "demo"})
    second = save_model({"w": np.ones(3)}, tmp_path / "b", {"task": "demo"})
    assert first["file"] == MODEL_FILE == "model.pickle.gz"
    assert first["sha256"] == second["sha256"]
    # two saves in the same second would agree anyway: the header's time field itself must be zero
    assert (tmp_path / "a" / MODEL_FILE).read_bytes()[4:8] == b"\0\0\0\0"


def _pipeline(steps=("features", "classifier"), labels=("khác", "tổng_kết")):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([(steps[0], TfidfVectorizer()), (steps[1], LogisticRegression())]).fit(
        ["hội_nghị tổng_kết năm", "nông_dân thu_hoạch lúa"], list(labels))


def test_a_model_file_that_holds_something_else_is_one_clear_error_when_loaded(tmp_path):
    """The checksum proves the file is the one the card names, not what it holds: a dict in its place (a file
    made by hand, or by another tool) is refused as it is loaded, not when it is first used."""
    from click.testing import CliRunner

    from dvtopics.cli import cli
    from dvtopics.topics.model import load_topic_model
    from dvtopics.types.model import load_classifier

    save_model({"not": "a model"}, tmp_path / "m", {"task": "article-type", "labels": ["khác", "tổng_kết"]})
    with pytest.raises(ModelError, match="holds a dict, not the Pipeline an article-type model is"):
        load_classifier(tmp_path / "m")
    save_model({"not": "a model"}, tmp_path / "t", {"task": "topics"})
    with pytest.raises(ModelError, match="holds a dict, not the TopicModel a topics model is"):
        load_topic_model(tmp_path / "t")
    (tmp_path / "a.txt").write_text("Nông dân thu hoạch lúa\nBà con nông dân thu hoạch lúa vụ mùa.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", str(tmp_path / "a.txt"), "--model", str(tmp_path / "m")])
    assert result.exit_code == 2 and result.output.startswith("Error: ") and "holds a dict" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("pipeline, labels, said", [
    (lambda: _pipeline(steps=("vectorizer", "model")), ["khác", "tổng_kết"], "a pipeline of vectorizer, model"),
    (lambda: _pipeline(), ["khác", "sơ_kết"], "gives the labels khác, tổng_kết, its card says khác, sơ_kết"),
])
def test_a_pipeline_unlike_its_card_is_refused(tmp_path, pipeline, labels, said):
    from dvtopics.types.model import load_classifier

    save_model(pipeline(), tmp_path, {"task": "article-type", "labels": labels})
    with pytest.raises(ModelError, match=said):
        load_classifier(tmp_path)


def test_a_pipeline_like_its_card_loads(tmp_path):
    from dvtopics.types.model import load_classifier

    save_model(_pipeline(), tmp_path, {"task": "article-type", "labels": ["khác", "tổng_kết"]})
    assert load_classifier(tmp_path).labels == ["khác", "tổng_kết"]


@pytest.mark.parametrize("edit, said", [
    (lambda p: p.update(events=False), "its parameters say the model has no events features, the model file has them"),
    (lambda p: p.update(use_rules=False), "has no rules features"),
    (lambda p: p.clear(), "has no events features"),  # a card without parameters: the defaults of old models
    (lambda p: p.update(head_chars=-5), "'parameters.head_chars' must be 0 \\(all\\) or more, not -5"),
])
def test_a_card_whose_parameters_are_not_its_model_s_is_refused(tmp_path, edit, said):
    """The card's parameters decide how an article becomes the model's input: an edited or borrowed card would
    change labels silently."""
    import json
    import shutil

    from dvtopics.types.model import load_classifier, model_directory

    shutil.copytree(model_directory(None), tmp_path / "m")
    card_path = tmp_path / "m" / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    edit(card["parameters"])
    card_path.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match=said):
        load_classifier(tmp_path / "m")


@pytest.mark.parametrize("command", [["label", "A", "--model", "M"], ["evaluate", "M", "A"],
                                     ["report", "A", "--out", "R", "--model", "M"]])
def test_a_topics_model_given_as_a_classifier_is_named_for_what_it_is_not_broken(tmp_path, command, monkeypatch):
    """Trial 5: `label --model TOPICS_DIR` said the topic model 'holds a TopicModel, not the Pipeline ...; retrain
    or restore the model', after unpickling it whole. Its card says what it is: that is the error."""
    from click.testing import CliRunner

    import dvtopics.persist as persist
    from dvtopics.cli import cli
    from dvtopics.topics.model import TopicModel, load_topic_model
    from dvtopics.types.model import load_classifier

    save_model(TopicModel(n_topics=2), tmp_path / "themes", {"task": "topics"})
    save_model(_pipeline(), tmp_path / "types", {"task": "article-type", "labels": ["khác", "tổng_kết"]})

    def unpickle(path):
        raise AssertionError("the model was unpickled before its card was read")

    monkeypatch.setattr(persist, "_unpickle", unpickle)
    with pytest.raises(ModelError, match="themes: a topics model, not an article-type model$"):
        load_classifier(tmp_path / "themes")
    with pytest.raises(ModelError, match="types: an article-type model, not a topics model$"):
        load_topic_model(tmp_path / "types")
    (tmp_path / "a.txt").write_text("Nông dân thu hoạch lúa\nBà con nông dân thu hoạch lúa vụ mùa.", encoding="utf-8")
    paths = {"A": tmp_path / "a.txt", "R": tmp_path / "r.html", "M": tmp_path / "themes"}
    result = CliRunner().invoke(cli, [str(paths.get(a, a)) for a in command])
    assert result.exit_code == 2 and "a topics model, not an article-type model" in result.output, result.output
    assert "retrain" not in result.output


def test_a_card_whose_head_chars_was_edited_is_refused(tmp_path, caplog):
    """Trial 8, 07: `head_chars` in the card decides how much of each article the model reads, and no step of the
    pipeline knows it: an edited card changed every confidence silently. The model file records the parameters it
    was trained with, and a card that says otherwise is refused in one line; a model saved before it did can only be
    warned about, when its card gives another head_chars than the usual."""
    import json

    from click.testing import CliRunner

    from articles import made_up_articles
    from dvtopics.cli import cli
    from dvtopics.types.model import load_classifier, model_directory
    from dvtopics.types.training import collect, train

    model, card = train(collect(made_up_articles(3)), classifiers=("cnb",), n_folds=2)
    save_model(model.pipeline, tmp_path / "m", card)
    assert load_classifier(tmp_path / "m").head_chars == 4000

    def edited(folder, **parameters):
        card_path = folder / CARD_FILE
        card = json.loads(card_path.read_text(encoding="utf-8"))
        card["parameters"].update(parameters)
        card_path.write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
        return folder

    edited(tmp_path / "m", head_chars=60)
    with pytest.raises(ModelError, match="its parameters say head_chars 60, the model file was trained with 4000; "
                                         "restore the card or retrain the model"):
        load_classifier(tmp_path / "m")
    (tmp_path / "a.txt").write_text("Hội nghị tổng kết năm\nSở Y tế tổ chức hội nghị tổng kết công tác năm 2023.",
                                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", str(tmp_path / "a.txt"), "--model", str(tmp_path / "m")])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "its parameters say head_chars 60" in result.output
    edited(tmp_path / "m", head_chars=4000, views=["text"])  # any parameter the file records
    with pytest.raises(ModelError, match='its parameters say views \\["text"\\], the model file was trained with '
                                         '\\["text", "event"\\]'):
        load_classifier(tmp_path / "m")
    # a model saved before models recorded their parameters: the shipped pipeline without them
    from dvtopics.types.model import TRAINED_WITH
    from dvtopics.persist import load_model
    old, old_card = load_model(model_directory(None))
    if hasattr(old, TRAINED_WITH):
        delattr(old, TRAINED_WITH)
    # nor did their cards say anything of people's names, masked since
    old_card["parameters"] = {key: value for key, value in old_card["parameters"].items()
                              if key not in ("mask_people", "people_fingerprint")}
    save_model(old, tmp_path / "old", old_card)
    with caplog.at_level(logging.WARNING):
        load_classifier(edited(tmp_path / "old", head_chars=60))
    assert "its parameters say head_chars 60, which the model file, saved before dvtopics recorded" in caplog.text


def test_a_card_without_a_checksum_is_named_not_the_file(tmp_path):
    """Hunt 21 B: a card whose "sha256" was deleted was refused with "checksum does not match its model card
    (corrupt or replaced file)", blaming a file that is neither: the card holds no checksum to compare."""
    save_model({"a": 1}, tmp_path, {"task": "demo"})
    card = json.loads((tmp_path / CARD_FILE).read_text())
    del card["sha256"]
    (tmp_path / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelError, match=r"model_card.json: records no checksum of the model file \(no 'sha256'\)"):
        load_model(tmp_path, task="demo")


def test_the_packages_required_can_run_the_shipped_model():
    """setup.cfg asked for scikit-learn>=1.3 and Python>=3.10: pip on Python 3.10 installs scikit-learn 1.7.2, which
    cannot run the shipped model pickled by 1.9 (its LogisticRegression reads a `multi_class` the model no longer
    has): every `label` and `report` of a wheel user on 3.10 was an AttributeError traceback (hunt 22 C, 4). Then it
    asked for scikit-learn>=1.8 and no numpy: pip kept a user's scikit-learn 1.8 or numpy 1.26, which loading refuses
    for a model made by 1.9 and numpy 2 (`NEWER_REFUSED`), so every `label` was refused (hunt 26 E)."""
    import configparser
    import re
    from pathlib import Path

    from dvtopics.persist import NEWER_REFUSED, _release

    root = Path(__file__).resolve().parents[1]
    setup = configparser.ConfigParser()
    setup.read(root / "setup.cfg", encoding="utf-8")
    card = json.loads((root / "models" / "article-type" / CARD_FILE).read_text(encoding="utf-8"))
    for package, parts in NEWER_REFUSED.items():
        floor = re.search(rf"^{package}>=([\d.]+)$", setup["options"]["install_requires"], re.M)
        assert floor, f"setup.cfg asks for no {package}>=…"
        # the floor at the parts a model is refused by: 1.9 for scikit-learn, 2 for numpy
        assert _release(floor[1] + ".0" * parts, parts) >= _release(card["versions"][package], parts), floor[0]
    # and scikit-learn 1.8 and later needs Python 3.11: a 3.10 install would stop at pip, not at the first label
    assert setup["options"]["python_requires"].strip() == ">=3.11"


def test_a_card_whose_versions_are_not_text_is_refused_in_a_line(tmp_path):
    """A package's version edited into a number ("scikit-learn": 5) failed loading, and `inspect`, with a TypeError
    traceback where the versions are compared."""
    import json
    import shutil

    from dvtopics.types.model import load_classifier, model_directory

    shutil.copytree(model_directory(None), tmp_path / "m")
    card_path = tmp_path / "m" / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["versions"]["scikit-learn"] = 5
    card_path.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match=r"invalid model card: 'versions.scikit-learn' must be text, not "):
        load_classifier(tmp_path / "m")


@pytest.mark.parametrize("edit, said", [
    (lambda card: card.pop("labels"), "names no labels, and its model gives"),
    (lambda card: card.update(classifier="svm"), "says its classifier is 'svm', the model file holds 'cnb'"),
])
def test_a_card_whose_labels_or_classifier_were_edited_is_refused(tmp_path, edit, said):
    """Hunt 36 C (4): a card whose labels were deleted, or whose classifier was renamed, was used without a word
    (`inspect` showed no labels or the wrong classifier, a report names the card's). Each is refused in one line."""
    import json

    from articles import made_up_articles
    from dvtopics.types.model import load_classifier
    from dvtopics.types.training import collect, train

    model, card = train(collect(made_up_articles(3)), classifiers=("cnb",), n_folds=2)
    save_model(model.pipeline, tmp_path / "m", card)
    assert load_classifier(tmp_path / "m").labels
    card_path = tmp_path / "m" / CARD_FILE
    card = json.loads(card_path.read_text(encoding="utf-8"))
    edit(card)
    card_path.write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ModelError, match=re.escape(said)):
        load_classifier(tmp_path / "m")


def test_the_advice_for_a_missing_model_never_names_shipped_as_the_folder_to_make():
    """Hunt 37 C (5): `topics show shipped` said "fit one with dvtopics topics fit PATHS --out shipped", a name `train
    --out` refuses (the shipped classifier's)."""
    from dvtopics.persist import how_made

    assert how_made("topics", "shipped") == "fit one with `dvtopics topics fit PATHS --out themes`"
    assert how_made(None, "shipped") == "train one with `dvtopics train PATHS --out models/mine`"
    assert how_made("topics", "t1") == "fit one with `dvtopics topics fit PATHS --out t1`"
