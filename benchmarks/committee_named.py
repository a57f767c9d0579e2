"""How many hand-labelled articles of each type name a steering committee where the classifier looks for one.

    .venv/bin/python benchmarks/committee_named.py

`model.decide` sets `steering_committee` aside where no cue rule fires and the title and early text name no
steering committee (`rules.names_committee`). This counts, per hand label (data/labels/article_types.csv, the
articles read from ../shared/corpora), how many articles name one: a `steering_committee` that names none would be
an article the gate turns to `other`.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from dvtopics.io.read import read_articles
from dvtopics.types.rules import names_committee

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
FILES = {"baomoi_2017": "baomoi_2017.jsonl.gz", "vntc_train": "vntc_train.jsonl.gz", "vntc_test": "vntc_test.jsonl.gz"}


def main() -> None:
    with open(ROOT / "data" / "labels" / "article_types.csv", encoding="utf-8") as handle:
        labels = {(row["corpus"], row["id"]): row["label"] for row in csv.DictReader(handle)}
    wanted = {corpus for corpus, _ in labels}
    total, named = Counter(), Counter()
    for corpus in sorted(wanted):
        for article in read_articles(CORPORA / FILES[corpus], on_error="record"):
            label = labels.get((corpus, article.id))
            if label is None or article.error:
                continue
            total[label] += 1
            named[label] += names_committee(article.title, article.text)
    print(f"{'hand label':20} {'articles':>8} {'name a committee':>17}")
    for label in sorted(total):
        print(f"{label:20} {total[label]:8} {named[label]:17}")


if __name__ == "__main__":
    main()
