"""A model against two blind readers on real baomoi articles outside the hand labels.

    .venv/bin/python benchmarks/reading_check.py [--model DIR]

`reading/baomoi_2026-12-03.csv` (ids and labels only) holds 59 articles of baomoi 2017, none in
data/labels then: 17 that the model of commit 47277e2 labelled as a meeting type (all its meeting labels
outside the hand labels) and 42 drawn at random (seed 16) from the 1,994 it labelled `other` whose title
or first 400 characters hold a meeting or review cue. Two readers, each given only LABELS.md (second edition) and the
title with 700 characters of text, blind to the model, the rules and each other, labelled them. This
measures the model's meeting labels where no hand label exists (its precision there) and samples its
`other` among cue articles (misses). The set was drawn with that model's labels, so it measures that
model. They have been hand labels since (data/labels/README.md, step 6), so the shipped model, trained on
them, is no longer measured by it: run it with `--model` on a model trained without them.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
from collections import Counter
from pathlib import Path

from dvtopics.io.read import read_articles
from dvtopics.types.model import load_classifier
from dvtopics.types.rules import apply_rules

HERE = Path(__file__).resolve().parent
CHECK = HERE / "reading" / "baomoi_2026-12-03.csv"
CORPUS = HERE.parent.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="model directory (default: shipped)")
    args = parser.parse_args()
    rows = {row["id"]: row for row in csv.DictReader(CHECK.open(encoding="utf-8"))}
    articles = [a for a in read_articles([CORPUS]) if a.id in rows]
    assert len(articles) == len(rows), f"{len(rows) - len(articles)} ids not found in {CORPUS}"
    predicted = [r["label"] for r in load_classifier(args.model).predict(articles, explain=False)]
    agree = sum(rows[a.id]["reader_1"] == rows[a.id]["reader_2"] for a in articles)
    print(f"{len(articles)} articles; the two readers agree on {agree}")
    outcome = Counter()
    for article, label in zip(articles, predicted):
        row = rows[article.id]
        gold = row["reader_1"] if row["reader_1"] == row["reader_2"] else None
        fired = "rule fires" if apply_rules(article.title, article.text) else "no rule"
        kind = "meeting label" if label != "other" else "other"
        outcome[(kind, fired, "right" if label == gold else "wrong" if gold else "readers differ")] += 1
    for key in sorted(outcome):
        print(" · ".join(key), outcome[key])


if __name__ == "__main__":
    main()
