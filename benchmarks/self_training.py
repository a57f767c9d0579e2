"""Self-training on the corpora's unlabelled articles: does it help the article-type model? (issue #21)

    .venv/bin/python benchmarks/self_training.py [--cache-dir DIR] [--thresholds 0.9,0.97] [--fold-seed 0]

The pool: every corpus article (baomoi 2017, VNTC train and test) that is not in the shipped training
data (not hand-labelled, no rule fires on it, not sampled as a weak `other`) and whose title and lead
(the rules' first 600 characters) hold a cue word (`vocabulary.ANY_CUE`): the articles that look like a
meeting report and that nobody labelled. In every training fold the shipped pipeline is fitted, labels
the pool, and is fitted again with the pool articles it labelled at probability >= the threshold added
as training data (self-training, one round); the second model is scored.

Measures, folds and the shipped row are those of `article_type_sources.py` (hand CV, lead only,
balanced, each writer held out, where no rule fires). The frozen blind test is not read.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter

from dvtopics.io.read import read_articles
from dvtopics.text.cache import SegmentCache
from dvtopics.types.events import find_event
from dvtopics.types.features import HEAD_CHARS, documents_of
from dvtopics.types.model import make_pipeline
from dvtopics.types.rules import LEAD_CHARS, head_of
from dvtopics.types.vocabulary import ANY_CUE

import article_type_sources as sources
from shipped_data import CORPORA, shipped_training_data

SHIPPED = sources.VARIANTS[3][2]  # "+ event frame, + written set": the shipped model's options
_CUE = re.compile(ANY_CUE, re.IGNORECASE)


def unlabelled_pool(data, cache) -> list[str]:
    """Documents of the corpus articles outside the training data whose title and lead name a cue word."""
    taken = {a.id for a in data.articles}
    paths = [CORPORA / f"{name}.jsonl.gz" for name in ("baomoi_2017", "vntc_train", "vntc_test")]
    pool = [a for a in read_articles(paths, on_error="record")
            if not a.error and a.id not in taken and _CUE.search(head_of(a.title, a.text[:LEAD_CHARS]))]
    return documents_of(pool, True, HEAD_CHARS, cache, n_jobs=2, events=[find_event(a.title, a.text) for a in pool],
                        mask_people=True)


class SelfTrained:
    """A pipeline factory for `article_type_sources.run_variant`: fit, label the pool, refit with what it
    labelled at probability >= threshold. Counts the pseudo-labels of every fit."""

    def __init__(self, pool: list[str], threshold: float):
        self.pool, self.threshold, self.counts = pool, threshold, Counter()

    def __call__(self, classifier, **options):
        return _SelfTrainedPipeline(self, classifier, options)


class _SelfTrainedPipeline:
    def __init__(self, owner: SelfTrained, classifier: str, options: dict):
        self.owner, self.classifier, self.options = owner, classifier, options

    def fit(self, documents, labels):
        first = make_pipeline(self.classifier, **self.options).fit(documents, labels)
        probabilities = first.predict_proba(self.owner.pool)
        chosen = [(doc, first.classes_[row.argmax()]) for doc, row in zip(self.owner.pool, probabilities)
                  if row.max() >= self.owner.threshold]
        self.owner.counts.update(label for _, label in chosen)
        self.pipeline = make_pipeline(self.classifier, **self.options).fit(
            list(documents) + [doc for doc, _ in chosen], list(labels) + [label for _, label in chosen])
        return self

    def predict(self, documents):
        return self.pipeline.predict(documents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None)
    parser.add_argument("--thresholds", default="0.9,0.97")
    parser.add_argument("--fold-seed", type=int, default=0)
    parser.add_argument("--no-shipped", action="store_true", help="leave out the shipped row")
    args = parser.parse_args()
    cache = SegmentCache(args.cache_dir)
    data = shipped_training_data()
    setup = sources.prepare(data, cache)
    pool = unlabelled_pool(data, cache)
    print(f"hand {len(setup.hand)}, weak {len(setup.weak)}, written {len(setup.extra)}; unlabelled pool {len(pool)}")
    print(sources.rules_row(data, setup, 40))
    folds = sources.folds_of(data, setup, args.fold_seed)
    if not args.no_shipped:
        sources.run_variant(data, setup, folds, "shipped", True, SHIPPED, "logreg")
    for threshold in (float(t) for t in args.thresholds.split(",")):
        factory = SelfTrained(pool, threshold)
        sources.run_variant(data, setup, folds, f"self-trained, p >= {threshold}", True, SHIPPED, "logreg",
                            make=factory)
        fits = 5 + len(setup.writers)
        print(f"{'':<40} pseudo-labels per fit: "
              + ", ".join(f"{label} {n / fits:.0f}" for label, n in factory.counts.most_common()), flush=True)


if __name__ == "__main__":
    main()
