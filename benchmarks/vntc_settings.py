"""Which linear model settings reach how far on VNTC: one process, the same cached documents.

    .venv/bin/python benchmarks/vntc_settings.py --cache-dir /tmp/vntc-cache [--only NAME]... (repeatable)

The documents `dvtopics train`/`evaluate` see (whole text, segmented with pyvi,
lower-cased; from the segmentation cache, filled by bench_vntc.py), the
official split; every setting fits on train and is scored on the full test
split and on it without the train twins. Fit = vectorizer + model, CPU seconds
of this process. Every setting is the pipeline `train` builds for topics
(`make_pipeline("svm", **pipeline_options(use_rules=False, max_features=None))`,
the "calibrated" row) with one thing changed.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_vntc import ROOT, official_split, score_cells


def syllables(document: str) -> list[str]:
    return document.replace("_", " ").split()


def settings():
    """name -> a function building a fresh pipeline: each a variation of the one `train` builds for topics."""
    from sklearn.base import clone
    from sklearn.naive_bayes import ComplementNB, MultinomialNB
    from sklearn.svm import LinearSVC
    from dvtopics.types.model import make_pipeline
    from dvtopics.types.training import pipeline_options

    def default():
        return make_pipeline("svm", **pipeline_options(use_rules=False, max_features=None))

    def uncalibrated(**features):
        pipeline = default().set_params(classifier=LinearSVC(C=1.0, class_weight="balanced"))
        return pipeline.set_params(**{f"features__text__{k}": v for k, v in features.items()})

    def with_syllables():
        pipeline = uncalibrated()
        union = pipeline.named_steps["features"]
        union.transformer_list.append(("syllable", clone(union.transformer_list[0][1]).set_params(tokenizer=syllables)))
        return pipeline

    def counts(model):  # raw term counts: no idf, no sublinear tf, no normalisation
        return default().set_params(classifier=model, features__text__use_idf=False,
                                    features__text__sublinear_tf=False, features__text__norm=None)

    return {
        "calibrated": default,
        "calibrated, one final fit": lambda: default().set_params(classifier__ensemble=False),
        "LinearSVC, not calibrated": uncalibrated,
        "LinearSVC, word 1-3-grams": lambda: uncalibrated(ngram_range=(1, 3)),
        "LinearSVC, word + syllable views": with_syllables,
        "multinomial NB, counts, alpha 0.03": lambda: counts(MultinomialNB(alpha=0.03)),
        "complement NB, counts, alpha 0.03": lambda: counts(ComplementNB(alpha=0.03)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    parser.add_argument("--cache-dir", default="/tmp/vntc-cache")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="a setting's name, repeatable (names hold commas)")
    args = parser.parse_args()
    train_docs, train_y, test_docs, test_y, without_twins = official_split(Path(args.corpora), args.cache_dir)
    chosen = args.only or list(settings())
    print("| setting | accuracy % | macro-F1 | without twins: acc / F1 | fit CPU s |\n|---|---:|---:|---:|---:|")
    for name in chosen:
        pipeline = settings()[name]()
        start = time.process_time()
        pipeline.fit(train_docs, train_y)
        fit_cpu = time.process_time() - start
        print(f"| {name} | {score_cells(test_y, without_twins, pipeline.predict(test_docs))} | {fit_cpu:.0f} |",
              flush=True)

if __name__ == "__main__":
    main()
