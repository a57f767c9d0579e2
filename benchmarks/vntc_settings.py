"""Which linear model settings reach how far on VNTC: one process, the same cached documents.

    .venv/bin/python benchmarks/vntc_settings.py --cache-dir /tmp/vntc-cache [--only NAME,...]

The documents `dvtopics train`/`evaluate` see (whole text, segmented with pyvi,
lower-cased; from the segmentation cache, filled by bench_vntc.py), the
official split; every setting fits on train and is scored on the full test
split and on it without the train twins. Fit = vectorizer + model, CPU seconds
of this process. The dvtopics default for topics is the "calibrated" row
(`make_pipeline("svm", max_features=None, views=("text",))`).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from bench_vntc import ROOT, documents, twin_ids


def syllables(document: str) -> list[str]:
    return document.replace("_", " ").split()


def word_view(ngrams=(1, 2)):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from dvtopics.classify import words
    return TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False, ngram_range=ngrams,
                           sublinear_tf=True, min_df=2, dtype=np.float32)


def settings():
    """name -> a function building a fresh (vectorizer, model) pair."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.naive_bayes import ComplementNB, MultinomialNB
    from sklearn.pipeline import FeatureUnion
    from sklearn.svm import LinearSVC
    from dvtopics.classify import words

    def counts():
        return CountVectorizer(tokenizer=words, token_pattern=None, lowercase=False, ngram_range=(1, 2), min_df=2)

    def with_syllables():
        return FeatureUnion([("word", word_view()), ("syllable", TfidfVectorizer(
            tokenizer=syllables, token_pattern=None, lowercase=False, ngram_range=(1, 2), sublinear_tf=True,
            min_df=2, dtype=np.float32))])

    svm = lambda **kw: LinearSVC(C=1.0, class_weight="balanced", **kw)  # noqa: E731
    return {
        "calibrated": lambda: (word_view(), CalibratedClassifierCV(svm(), method="sigmoid", cv=3)),
        "calibrated, one final fit": lambda: (word_view(), CalibratedClassifierCV(svm(), method="sigmoid", cv=3,
                                                                                   ensemble=False)),
        "LinearSVC, not calibrated": lambda: (word_view(), svm()),
        "LinearSVC, word 1-3-grams": lambda: (word_view((1, 3)), svm()),
        "LinearSVC, word + syllable views": lambda: (with_syllables(), svm()),
        "multinomial NB, counts, alpha 0.03": lambda: (counts(), MultinomialNB(alpha=0.03)),
        "complement NB, counts, alpha 0.03": lambda: (counts(), ComplementNB(alpha=0.03)),
    }


def main() -> None:
    from sklearn.metrics import accuracy_score, f1_score
    from dvtopics.segment import SegmentCache

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    parser.add_argument("--cache-dir", default="/tmp/vntc-cache")
    parser.add_argument("--only", default=None, help="comma-separated setting names")
    args = parser.parse_args()
    corpora = Path(args.corpora)
    cache = SegmentCache(args.cache_dir)
    train_docs, train_y, _ = documents(corpora / "vntc_train.jsonl.gz", cache, 1)
    test_docs, test_y, test_ids = documents(corpora / "vntc_test.jsonl.gz", cache, 1)
    twins = twin_ids(corpora)
    keep = np.array([i not in twins for i in test_ids])
    test_y = np.array(test_y)
    chosen = args.only.split(",") if args.only else list(settings())
    print("| setting | accuracy % | macro-F1 | without twins: acc / F1 | fit CPU s |\n|---|---:|---:|---:|---:|")
    for name in chosen:
        vectorizer, model = settings()[name]()
        start = time.process_time()
        model.fit(vectorizer.fit_transform(train_docs), train_y)
        fit_cpu = time.process_time() - start
        predicted = model.predict(vectorizer.transform(test_docs))
        print(f"| {name} | {100 * accuracy_score(test_y, predicted):.2f} | "
              f"{100 * f1_score(test_y, predicted, average='macro'):.2f} | "
              f"{100 * accuracy_score(test_y[keep], predicted[keep]):.2f} / "
              f"{100 * f1_score(test_y[keep], predicted[keep], average='macro'):.2f} | {fit_cpu:.0f} |", flush=True)


if __name__ == "__main__":
    main()
