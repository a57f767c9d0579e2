"""The rules and a model on present-day heads written to LABELS.md (tests/data/present_day).

    .venv/bin/python benchmarks/present_day_probe.py [--model DIR] [FILE.jsonl ...]

The corpora are from 2003-06 and 2017; users bring 2020s reports. Three sets of
heads (title and lead) were written blind to the rules by language-model helpers
(tests/data/present_day/README.md): two to find gaps (dev_*), one to measure
(heldout_mixed). For each file prints accuracy and macro-F1 of the rules alone and
of the model, on all items and on those the writer marked sure, then every item
either gets wrong.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from dvtopics.types.model import load_classifier
from dvtopics.io.read import read_articles
from dvtopics.types.evaluate import scores
from dvtopics.article_types import ARTICLE_TYPES as LABELS
from dvtopics.types.rules import apply_rules

PROBES = Path(__file__).resolve().parents[1] / "tests" / "data" / "present_day"


def summary(name: str, gold: list[str], predicted: list[str], sure: list[bool]) -> str:
    labels = sorted(LABELS)
    everything = scores(gold, predicted, labels)
    sure_only = scores([g for g, s in zip(gold, sure) if s], [p for p, s in zip(predicted, sure) if s], labels)
    return (f"  {name:<6} accuracy {everything['accuracy']:.3f}  macro-F1 {everything['macro_f1']:.3f}   "
            f"sure only (n={sum(sure)}): accuracy {sure_only['accuracy']:.3f}  macro-F1 {sure_only['macro_f1']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=sorted(PROBES.glob("*.jsonl")))
    parser.add_argument("--model", default=None, help="classifier directory (default: the shipped model)")
    args = parser.parse_args()
    model = load_classifier(args.model)
    for path in args.files:
        rows = {row["id"]: row for row in map(json.loads, path.open(encoding="utf-8"))}
        articles = list(read_articles([path]))
        gold = [rows[a.id]["label"] for a in articles]
        sure = [rows[a.id]["certainty"] == "sure" for a in articles]
        hits = [apply_rules(a.title, a.text) for a in articles]
        by_rules = [hit.label if hit else "other" for hit in hits]
        by_model = [record["label"] for record in model.predict(articles, explain=False)]
        print(f"{path.name} ({len(articles)} items)")
        print(summary("rules", gold, by_rules, sure))
        print(summary("model", gold, by_model, sure))
        for article, label, hit, rule_label, model_label, certain in zip(articles, gold, hits, by_rules, by_model,
                                                                         sure):
            if label != rule_label or label != model_label:
                print(f"    {article.id} {label}{'' if certain else ' (unsure)'}: rules {rule_label}"
                      f"{f' ({hit.rule})' if hit else ''}, model {model_label} | {article.title[:80]}")


if __name__ == "__main__":
    main()
