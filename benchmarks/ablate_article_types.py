"""What each part of the article-type pipeline is worth, on the same cross-validation folds.

    .venv/bin/python benchmarks/ablate_article_types.py [--cache-dir DIR] [--seeds 0,1,2]

On the shipped model's training data (hand labels scored out of fold, weak
labels in training only, 5 folds), with the shipped model's classifier:
  rules alone; the rule only as a token inside the TF-IDF text; the shipped
  pipeline (rule as a feature of its own, views text + event, years masked);
  the same with the head view (first 40 words) too; without the event view;
  without year masking.
Prints macro-F1, accuracy and per-class F1 for each, per fold seed and their mean;
then the shipped pipeline's out-of-fold scores on the articles both readers
were sure of, and on the rest (`certainty` in data/labels/article_types.csv);
and where the shipped model departs from the rules.
"""
from __future__ import annotations

import argparse
import csv

import numpy as np

import dvtopics.types.training as training
from dvtopics.types.features import HEAD_CHARS, documents_of
from dvtopics.types.model import load_classifier
from dvtopics.types.evaluate import scores
from dvtopics.types.rules import apply_rules
from dvtopics.text.cache import SegmentCache

from shipped_data import ROOT, shipped_training_data

SHIPPED = training.pipeline_options(use_rules=True)
VARIANTS = [  # name, make_pipeline options
    ("rule as a TF-IDF token only", {**SHIPPED, "rules": False}),
    ("shipped (rule feature, text + event)", SHIPPED),
    ("with the head view too", {**SHIPPED, "views": ("text", "head", "event")}),
    ("without the event view", {**SHIPPED, "views": ("text",)}),
    ("without year masking", {**SHIPPED, "mask_years": False}),
]


def line(name: str, results: list[dict]) -> str:
    macro = [r["macro_f1"] for r in results]
    per_class = " ".join(f"{label[:9]} {np.mean([r['per_class'][label]['f1'] for r in results]):.3f}"
                         for label in results[0]["per_class"])
    runs = ", ".join(f"{m:.4f}" for m in macro)
    return (f"{name:<36} macro-F1 {np.mean(macro):.4f} ({runs})  "
            f"accuracy {np.mean([r['accuracy'] for r in results]):.4f}  {per_class}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None)
    parser.add_argument("--seeds", default="0", help="fold seeds, comma-separated (the mean is printed)")
    parser.add_argument("--classifier", default=None, help="svm, logreg or cnb (default: the shipped model's)")
    args = parser.parse_args()
    args.classifier = args.classifier or load_classifier().card["classifier"]
    fold_seeds = [int(s) for s in args.seeds.split(",")]
    data = shipped_training_data()
    labels = sorted(set(data.labels))
    documents = documents_of(data.articles, True, HEAD_CHARS, SegmentCache(args.cache_dir), mask_people=True)
    print(line("rules alone", [scores(*training.rules_only(data), labels)]))
    for name, options in VARIANTS:
        results = [scores(*training.cross_validate(documents, data, args.classifier, seed=seed, **options), labels)
                   for seed in fold_seeds]
        print(line(name, results), flush=True)
    certainty = {row["id"]: row["certainty"] for row in
                 csv.DictReader(open(ROOT / "data" / "labels" / "article_types.csv", encoding="utf-8"))}
    runs = [training.out_of_fold(documents, data, args.classifier, seed=seed, **SHIPPED) for seed in fold_seeds]
    for kind in ("sure", "unsure"):
        results = []
        for predicted in runs:
            chosen = [i for i in predicted if certainty.get(data.articles[i].id) == kind]
            results.append(scores([data.labels[i] for i in chosen], [predicted[i] for i in chosen], labels))
        print(line(f"shipped, {kind} labels only (n={results[0]['n']})", results), flush=True)
    # Where the model departs from the rules: on articles a rule fires on, and on the ones it abstains on.
    hits = {i: apply_rules(data.articles[i].title, data.articles[i].text) for i in runs[0]}
    for seed, predicted in zip(fold_seeds, runs):
        fired = [i for i in predicted if hits[i]]
        abstained = [i for i in predicted if not hits[i]]
        named = [i for i in abstained if predicted[i] != "other"]
        print(f"fold seed {seed}: the shipped model returns the rule's label on "
              f"{sum(predicted[i] == hits[i].label for i in fired)} of the {len(fired)} hand-labelled articles a rule "
              f"fires on; of the {len(abstained)} it abstains on, it names a type for {len(named)} "
              f"({sum(predicted[i] == data.labels[i] for i in named)} right)")


if __name__ == "__main__":
    main()
