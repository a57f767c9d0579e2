"""A model against two blind readers on real corpus articles outside the hand labels.

    .venv/bin/python benchmarks/reading_check.py [--check CSV] [--model DIR]

Each file of `reading/` (ids and labels only) holds corpus articles that were in no hand label when it was
made: those a model labelled as a meeting type (all its meeting labels outside the hand labels) and some
drawn at random from those it labelled `other` whose title or first 400 characters hold a meeting or
review cue (`drawn_as`). Two readers, each given only LABELS.md (second edition) and the title with 700
characters of text, blind to the model, the rules and each other, labelled them.
- `baomoi_2026-12-03.csv`: 59 of baomoi 2017, drawn with the model of commit 47277e2 (17 meeting labels,
  42 of 1,994 cue-bearing `other`, seed 16);
- `vntc_2026-12-03.csv`: 66 of VNTC (train and test, about 2006; exact-text twins of a hand-labelled
  article left out), drawn with the model of commit 9a234da (21 meeting labels, 45 of 2,512 cue-bearing
  `other`, seed 17).
This measures a model's meeting labels where no hand label exists (its precision there) and samples its
`other` among cue articles (misses). A set drawn with one model's labels measures that model. Each set
became hand labels afterwards (data/labels/README.md, steps 6 and 7), so a model trained on it is no longer
measured by it: run it with `--model` on a model trained without it.
"""
from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from dvtopics.io.read import read_articles
from dvtopics.types.model import load_classifier
from dvtopics.types.rules import apply_rules

HERE = Path(__file__).resolve().parent
CHECKS = sorted((HERE / "reading").glob("*.csv"))
CORPORA = HERE.parent.parent / "shared" / "corpora"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", default=None, help="one file of benchmarks/reading/ (default: each in turn)")
    parser.add_argument("--model", default=None, help="model directory (default: shipped)")
    args = parser.parse_args()
    model = load_classifier(args.model)
    for check in [Path(args.check)] if args.check else CHECKS:
        score(check, model)


def score(check: Path, model) -> None:
    rows = {row["id"]: row for row in csv.DictReader(check.open(encoding="utf-8"))}
    paths = [CORPORA / f"{corpus}.jsonl.gz" for corpus in sorted({row["corpus"] for row in rows.values()})]
    articles = [a for a in read_articles(paths, on_error="record") if not a.error and a.id in rows]
    assert len(articles) == len(rows), f"{len(rows) - len(articles)} ids of {check.name} not found in {paths}"
    predicted = [r["label"] for r in model.predict(articles, explain=False)]
    agree = sum(rows[a.id]["reader_1"] == rows[a.id]["reader_2"] for a in articles)
    print(f"{check.name}: {len(articles)} articles; the two readers agree on {agree}")
    outcome = Counter()
    for article, label in zip(articles, predicted):
        row = rows[article.id]
        gold = row["reader_1"] if row["reader_1"] == row["reader_2"] else None
        fired = "rule fires" if apply_rules(article.title, article.text) else "no rule"
        kind = "meeting label" if label != "other" else "other"
        outcome[(kind, fired, "right" if label == gold else "wrong" if gold else "readers differ")] += 1
    for key in sorted(outcome):
        print("  " + " · ".join(key), outcome[key])


if __name__ == "__main__":
    main()
