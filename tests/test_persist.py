import json
import logging

import pytest

from dvtopics.errors import ModelError
from dvtopics.persist import CARD_FILE, MODEL_FILE, load_model, save_model


def test_round_trip_with_card(tmp_path):
    card = save_model({"weights": [1, 2, 3]}, tmp_path, {"task": "demo", "labels": ["a", "b"]})
    model, loaded = load_model(tmp_path, task="demo")
    assert model == {"weights": [1, 2, 3]}
    assert loaded == card and len(card["sha256"]) == 64
    assert card["versions"]["scikit-learn"] and card["versions"]["python"]


def test_missing_directory(tmp_path):
    with pytest.raises(ModelError, match="no such model directory"):
        load_model(tmp_path / "nope")


def test_wrong_task(tmp_path):
    save_model([1], tmp_path, {"task": "topics"})
    with pytest.raises(ModelError, match="not a 'article-type' model"):
        load_model(tmp_path, task="article-type")


def test_truncated_file_fails_the_checksum(tmp_path):
    save_model(list(range(1000)), tmp_path, {"task": "demo"})
    path = tmp_path / MODEL_FILE
    path.write_bytes(path.read_bytes()[:50])
    with pytest.raises(ModelError, match="checksum"):
        load_model(tmp_path)


def test_corrupt_file_with_matching_card_gets_a_clear_error(tmp_path):
    save_model([1], tmp_path, {"task": "demo"})
    (tmp_path / MODEL_FILE).write_bytes(b"not a pickle at all")
    card = json.loads((tmp_path / CARD_FILE).read_text())
    from dvtopics.persist import sha256_of
    card["sha256"] = sha256_of(tmp_path / MODEL_FILE)
    (tmp_path / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelError, match="cannot be loaded"):
        load_model(tmp_path)


def test_version_drift_warns(tmp_path, caplog):
    save_model([1], tmp_path, {"task": "demo"})
    card = json.loads((tmp_path / CARD_FILE).read_text())
    card["versions"]["scikit-learn"] = "0.0.1"
    (tmp_path / CARD_FILE).write_text(json.dumps(card))
    with caplog.at_level(logging.WARNING):
        load_model(tmp_path)
    assert "scikit-learn 0.0.1" in caplog.text
