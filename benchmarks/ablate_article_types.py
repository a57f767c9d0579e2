"""What each part of the article-type pipeline is worth, on the same cross-validation folds.

    .venv/bin/python benchmarks/ablate_article_types.py [--cache-dir DIR]

On the shipped model's training data (hand labels scored out of fold, weak
labels in training only, 5 folds, seed 0), calibrated LinearSVC:
  rules alone; the rule only as a token inside the TF-IDF text; the rule as a
  feature of its own (the shipped pipeline); the same without the title view.
Prints macro-F1, accuracy and per-class F1 for each.
"""
from __future__ import annotations

import argparse

import dvtopics.training as training
from dvtopics.classify import HEAD_CHARS, documents_of, make_pipeline
from dvtopics.evaluate import scores
from dvtopics.segment import SegmentCache

from shipped_data import shipped_training_data


def without_title_view(classifier="svm", C=1.0, max_features=30_000, rules=False):
    pipeline = make_pipeline(classifier, C, max_features, rules)
    union = pipeline.named_steps["features"]
    union.transformer_list = [view for view in union.transformer_list if view[0] != "head"]
    return pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None)
    args = parser.parse_args()
    data = shipped_training_data()
    labels = sorted(set(data.labels))
    documents = documents_of(data.articles, True, HEAD_CHARS, SegmentCache(args.cache_dir))
    results = {"rules alone": scores(*training.rules_only(data), labels)}
    variants = [("rule as a TF-IDF token only", make_pipeline, False),
                ("rule as a feature (shipped)", make_pipeline, True),
                ("shipped without the title view", without_title_view, True)]
    for name, pipeline_factory, rule_feature in variants:
        training.make_pipeline = pipeline_factory  # cross_validate builds its pipelines through this name
        results[name] = scores(*training.cross_validate(documents, data, "svm", rules=rule_feature), labels)
    training.make_pipeline = make_pipeline
    for name, result in results.items():
        per_class = " ".join(f"{label[:9]} {row['f1']:.3f}" for label, row in result["per_class"].items())
        print(f"{name:<32} macro-F1 {result['macro_f1']:.4f}  accuracy {result['accuracy']:.4f}  {per_class}")


if __name__ == "__main__":
    main()
