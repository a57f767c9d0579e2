"""Score article-type models on the frozen blind test (data/blind_test): once, at the end of a session.

    .venv/bin/python benchmarks/blind_test.py [--model DIR ...]

Checks the files against data/blind_test/SHA256SUMS and refuses to score a
changed set. Prints, for the rules alone, the issue's five-line cue baseline
(benchmarks/cue_baseline.py) and each model (default: the shipped one),
macro-F1, accuracy and per-class F1 on all items and on those the writer
marked sure. It prints no item: the set's misses are not to be read
(data/blind_test/README.md says why).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from dvtopics.types.model import load_classifier
from dvtopics.io.read import read_articles
from dvtopics.types.evaluate import scores
from dvtopics.types.rules import LABELS, apply_rules

from cue_baseline import baseline_label

BLIND = Path(__file__).resolve().parents[1] / "data" / "blind_test"


def frozen_files() -> list[Path]:
    """The set's files, after checking each against the frozen hashes."""
    files = []
    for line in (BLIND / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        path = BLIND / name
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            sys.exit(f"{path} differs from its frozen hash: the blind test is not to be changed")
        files.append(path)
    return files


def line(name: str, gold: list[str], predicted: list[str], sure: list[bool]) -> str:
    labels = sorted(LABELS)
    everything = scores(gold, predicted, labels)
    certain = scores([g for g, s in zip(gold, sure) if s], [p for p, s in zip(predicted, sure) if s], labels)
    per_class = " ".join(f"{label[:10]} {everything['per_class'][label]['f1']:.3f}" for label in labels)
    return (f"{name:<28} macro-F1 {everything['macro_f1']:.3f}  accuracy {everything['accuracy']:.3f}  "
            f"sure only (n={sum(sure)}) {certain['macro_f1']:.3f}  | {per_class}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", default=None, help="model directory (repeat; default: shipped)")
    args = parser.parse_args()
    files = frozen_files()
    rows = {row["id"]: row for path in files for row in map(json.loads, path.open(encoding="utf-8"))}
    articles = [a for a in read_articles(files) if not a.error]
    gold = [rows[a.id]["label"] for a in articles]
    sure = [rows[a.id]["certainty"] == "sure" for a in articles]
    print(f"{len(articles)} items from {', '.join(p.name for p in files)}")
    hits = [apply_rules(a.title, a.text) for a in articles]
    print(line("rules alone", gold, [hit.label if hit else "other" for hit in hits], sure))
    print(line("issue's cue baseline", gold, [baseline_label(a.title, a.text) for a in articles], sure))
    for model_dir in args.model or [None]:
        model = load_classifier(model_dir)
        predicted = [record["label"] for record in model.predict(articles, explain=False)]
        print(line(f"model {model_dir or '(shipped)'}", gold, predicted, sure))


if __name__ == "__main__":
    main()
