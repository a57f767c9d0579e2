"""Would moving the article-type model's decision help? Out-of-fold, on the hand labels.

    .venv/bin/python benchmarks/decision_bias.py [--cache-dir DIR]

Most of the shipped model's misses on the hand labels are meeting reports it
calls `other` (`article_type_sources.py`). Two ways of moving its decision
without new features, each scored on the same five folds as
`article_type_sources.py` (the shipped variant, written and weak data in every
training fold), on the full text and on the lead only:
  other × t   P(other) multiplied by t before the arg-max (t < 1 favours a type);
  gate        the rule's label unless the model's differing label has
              probability ≥ t1 (where a rule names a type) or ≥ t2 (where the
              rules say `other`).
A threshold picked from this table is picked on the data it is scored on, so
only a clear, broad gain would be worth a nested choice.
"""
from __future__ import annotations

import argparse

import numpy as np

from article_type_sources import BASE, by_certainty, folds_of, prepare, rule_label
from dvtopics.text.cache import SegmentCache
from dvtopics.types.evaluate import scores
from dvtopics.types.model import make_pipeline
from shipped_data import shipped_training_data

SHIPPED = {**BASE, "views": ("text", "event"), "events": True}


def out_of_fold(data, setup, folds):
    """Each hand-labelled article's class probabilities from the fold that held it out, on its full text and
    on its lead."""
    full, lead = {}, {}
    base = setup.weak + setup.extra
    for train_part, test_part in folds:
        train = base + [setup.hand[i] for i in train_part]
        test = [setup.hand[i] for i in test_part]
        pipeline = make_pipeline("logreg", **SHIPPED)
        pipeline.fit([setup.documents[i] for i in train], [data.labels[i] for i in train])
        full.update(zip(test, pipeline.predict_proba([setup.documents[i] for i in test])))
        lead.update(zip(test, pipeline.predict_proba([setup.lead_documents[i] for i in test])))
    return [str(c) for c in pipeline.classes_], full, lead


def scaled(probabilities: dict, classes: list[str], t: float) -> dict:
    other = classes.index("other")
    return {i: classes[int(np.argmax(p * np.where(np.arange(len(p)) == other, t, 1.0)))]
            for i, p in probabilities.items()}


def gated(probabilities: dict, classes: list[str], by_rule, t1: float, t2: float) -> dict:
    """`by_rule[i]`: the rules' label of article i, read from the same text as its probabilities."""
    chosen = {}
    for i, p in probabilities.items():
        best = int(np.argmax(p))
        threshold = t1 if by_rule[i] != "other" else t2
        chosen[i] = classes[best] if classes[best] == by_rule[i] or p[best] >= threshold else by_rule[i]
    return chosen


def macro(data, predicted: dict, labels) -> str:
    return f"{scores([data.labels[i] for i in predicted], list(predicted.values()), labels)['macro_f1']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None)
    args = parser.parse_args()
    data = shipped_training_data()
    setup = prepare(data, SegmentCache(args.cache_dir))
    classes, full, lead = out_of_fold(data, setup, folds_of(data, setup))
    print("other × t     hand CV  lead only")
    for t in (0.3, 0.5, 0.7, 1.0, 1.5, 2.0):
        print(f"  t = {t:<4}      {macro(data, scaled(full, classes, t), setup.labels)}    "
              f"{macro(data, scaled(lead, classes, t), setup.labels)}")
    on_lead = {i: rule_label(setup.leads[i]) for i in setup.hand}  # the rules read the lead alone too
    print("gate (t1, t2)  hand CV  lead only  (t = 1.01: never leave the rule)")
    for t1 in (0.0, 0.8, 1.01):
        for t2 in (0.0, 0.8, 1.01):
            chosen = gated(full, classes, setup.by_rule, t1, t2)
            print(f"  {t1:<4} {t2:<4}     {macro(data, chosen, setup.labels)}    "
                  f"{macro(data, gated(lead, classes, on_lead, t1, t2), setup.labels)}    "
                  f"{by_certainty(data, chosen, setup.by_rule, setup.labels)}")


if __name__ == "__main__":
    main()
