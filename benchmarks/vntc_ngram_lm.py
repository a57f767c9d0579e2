"""An n-gram language-model classifier on VNTC, the kind behind the best published figure (97.1%, 2007).

    .venv/bin/python benchmarks/vntc_ngram_lm.py --cache-dir /tmp/vntc-cache [--orders 2,3]

One language model per topic over the training documents' syllables (or pyvi words, `--unit word`, or
characters, `--unit character --orders 5,6`),
interpolated with Witten-Bell or absolute discounting (D = 0.75) down to a unigram model that gives
unseen tokens 1/V; a test document goes to the topic whose model gives it the highest log-likelihood
(the topics' priors add nothing measurable over documents hundreds of tokens long). The same cached
documents and official split as `vntc_settings.py`; the linear SVM on the same documents is scored in
the same run as the peer. Fit = counting, CPU seconds; scoring is the slow part here (a sorted lookup
per topic and order), not tuned.
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import numpy as np

from bench_vntc import ROOT, official_split, score_cells

_TOKEN = re.compile(r"\w+")
_UNKNOWN, _PADDING = 1, 0  # token ids; real tokens start at 2


class NGramLanguageModelClassifier:
    """Per-class n-gram language models over token ids; n-grams are int64 keys (history * V + token)."""

    def __init__(self, order: int = 3, smoothing: str = "witten-bell", discount: float = 0.75):
        if smoothing not in ("witten-bell", "absolute"):
            raise ValueError(f"unknown smoothing {smoothing!r}: witten-bell or absolute")
        self.order, self.smoothing, self.discount = order, smoothing, discount

    def _ids(self, tokens: list[str], grow: bool) -> np.ndarray:
        if grow:
            for token in tokens:
                self.vocabulary_.setdefault(token, len(self.vocabulary_) + 2)
        return np.array([self.vocabulary_.get(t, _UNKNOWN) for t in tokens], dtype=np.int64)

    def _keys(self, documents: list[list[str]], grow: bool) -> tuple[list[np.ndarray], np.ndarray]:
        """The n-gram key of every position for orders 1..order, and each position's document."""
        sequences = [self._ids(tokens, grow) for tokens in documents]
        lengths = np.array([len(s) for s in sequences])
        tokens = np.concatenate(sequences)
        document = np.repeat(np.arange(len(sequences)), lengths)
        position = np.arange(len(tokens)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        size = len(self.vocabulary_) + 2
        keys, key = [tokens], tokens
        for back in range(1, self.order):
            earlier = np.zeros_like(tokens)
            earlier[back:] = tokens[:-back]
            earlier[position < back] = _PADDING  # histories never cross into the previous document
            key = earlier * size ** back + key
            keys.append(key)
        return keys, document

    def fit(self, documents: list[list[str]], labels) -> "NGramLanguageModelClassifier":
        self.vocabulary_: dict[str, int] = {}
        keys, document = self._keys(documents, grow=True)
        size = len(self.vocabulary_) + 2
        if size ** self.order >= 2 ** 63:  # the keys would overflow int64 and collide
            raise ValueError(f"{self.order}-grams over {size:,} token ids do not fit in 64-bit keys")
        self.classes_, class_of_document = np.unique(np.asarray(labels), return_inverse=True)
        class_of_position = class_of_document[document]
        self.models_ = []
        for c in range(len(self.classes_)):
            levels = []
            for key in keys:
                ngrams, counts = np.unique(key[class_of_position == c], return_counts=True)
                histories, followers = np.unique(ngrams // size, return_counts=True)  # distinct next tokens
                history_counts = np.bincount(np.searchsorted(histories, ngrams // size), weights=counts)
                levels.append((ngrams, counts, histories, history_counts, followers))
            self.models_.append(levels)
        return self

    def log_likelihood(self, documents: list[list[str]]) -> np.ndarray:
        keys, document = self._keys(documents, grow=False)
        size = len(self.vocabulary_) + 2
        scores = np.zeros((len(documents), len(self.classes_)))
        for c, levels in enumerate(self.models_):
            probability = np.full(len(keys[0]), 1.0 / (size - 1))  # uniform over every id but padding
            for key, (ngrams, counts, histories, history_counts, followers) in zip(keys, levels):
                count = _lookup(ngrams, counts, key)
                history = key // size
                total = _lookup(histories, history_counts, history)
                distinct = _lookup(histories, followers, history)
                seen = total > 0
                if self.smoothing == "witten-bell":
                    mixed = (count + distinct * probability) / np.maximum(total + distinct, 1)
                else:  # absolute discounting
                    mixed = (np.maximum(count - self.discount, 0) + self.discount * distinct * probability) \
                        / np.maximum(total, 1)
                probability = np.where(seen, mixed, probability)
            scores[:, c] = np.bincount(document, weights=np.log(probability), minlength=len(documents))
        return scores

    def predict(self, documents: list[list[str]], batch: int = 5_000) -> np.ndarray:
        scores = np.vstack([self.log_likelihood(documents[start:start + batch])
                            for start in range(0, len(documents), batch)])
        return self.classes_[scores.argmax(axis=1)]


def _lookup(sorted_keys: np.ndarray, values: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """values[key] for each query key, 0 where the key is absent."""
    at = np.minimum(np.searchsorted(sorted_keys, queries), len(sorted_keys) - 1)
    return np.where(sorted_keys[at] == queries, values[at], 0).astype(float)


def tokens(document: str, unit: str) -> list[str]:
    if unit == "character":  # letters, digits and single spaces, as Peng et al.'s character models read text
        return list(" ".join(_TOKEN.findall(document.replace("_", " "))))
    return _TOKEN.findall(document.replace("_", " ") if unit == "syllable" else document)


def main() -> None:
    from vntc_settings import settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    parser.add_argument("--cache-dir", default="/tmp/vntc-cache")
    parser.add_argument("--unit", choices=("syllable", "word", "character"), default="syllable")
    parser.add_argument("--orders", default="2,3")
    parser.add_argument("--smoothing", default="witten-bell,absolute")
    args = parser.parse_args()
    train_docs, train_y, test_docs, test_y, without_twins = official_split(Path(args.corpora), args.cache_dir)

    def row(name: str, fit, predict) -> None:
        start = time.process_time()
        fit()
        fitted = time.process_time()
        predicted = predict()
        print(f"| {name} | {score_cells(test_y, without_twins, predicted)} | "
              f"{fitted - start:.0f} | {time.process_time() - fitted:.0f} |", flush=True)

    print("| model | accuracy % | macro-F1 | without twins: acc / F1 | fit CPU s | predict CPU s |\n"
          "|---|---:|---:|---:|---:|---:|")
    peer = settings()["LinearSVC, not calibrated"]()
    row("peer: dvtopics' TF-IDF + LinearSVC, not calibrated", lambda: peer.fit(train_docs, train_y),
        lambda: peer.predict(test_docs))
    train_tokens = [tokens(d, args.unit) for d in train_docs]
    test_tokens = [tokens(d, args.unit) for d in test_docs]
    for order in map(int, args.orders.split(",")):
        for smoothing in args.smoothing.split(","):
            model = NGramLanguageModelClassifier(order, smoothing)
            row(f"{args.unit} {order}-gram LM, {smoothing}", lambda: model.fit(train_tokens, train_y),
                lambda: model.predict(test_tokens))

if __name__ == "__main__":
    main()
