"""The n-gram language-model classifier of benchmarks/vntc_ngram_lm.py: its scores are only worth
reporting if each model is a proper distribution and the classifier separates the obvious."""
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from vntc_ngram_lm import NGramLanguageModelClassifier  # noqa: E402

DOCUMENTS = [["giá", "vàng", "tăng", "giá"], ["giá", "xăng", "tăng"], ["đội", "bóng", "thắng"],
             ["đội", "tuyển", "thắng", "đội"]]
LABELS = ["business", "business", "sport", "sport"]


@pytest.mark.parametrize("smoothing", ["witten-bell", "absolute"])
@pytest.mark.parametrize("history", [["giá", "vàng"], ["đội"], ["chưa", "thấy"]])
def test_next_token_probabilities_sum_to_one(smoothing, history):
    model = NGramLanguageModelClassifier(order=3, smoothing=smoothing).fit(DOCUMENTS, LABELS)
    before = model.log_likelihood([history])
    every_next = list(model.vocabulary_) + ["chưa_thấy"]  # the last one stands for every unknown token
    total = sum(np.exp(model.log_likelihood([history + [token]]) - before) for token in every_next)
    assert np.allclose(total, 1.0)


def test_each_document_goes_to_the_topic_whose_words_it_uses():
    model = NGramLanguageModelClassifier(order=2).fit(DOCUMENTS, LABELS)
    assert list(model.predict([["giá", "tăng"], ["đội", "thắng"], ["bóng"]])) == ["business", "sport", "sport"]


def test_orders_whose_keys_would_overflow_are_refused():
    documents = [[f"w{i}" for i in range(70_000)]]
    with pytest.raises(ValueError, match="64-bit"):
        NGramLanguageModelClassifier(order=4).fit(documents, ["only"])


def test_unknown_smoothing_is_refused():
    with pytest.raises(ValueError, match="smoothing"):
        NGramLanguageModelClassifier(smoothing="kneser-ney")
