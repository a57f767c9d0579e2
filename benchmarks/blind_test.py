"""Score article-type models on the frozen blind test (data/blind_test): once, at the end of a session.

    .venv/bin/python benchmarks/blind_test.py [--set data/blind_test_2] [--model DIR ...]

Checks the files against the set's SHA256SUMS (default set: data/blind_test) and refuses to score a
changed set. Prints, for the rules alone, the issue's five-line cue baseline
(benchmarks/cue_baseline.py) and each model (default: the shipped one),
macro-F1, accuracy and per-class F1 on all items and on those the writer
marked sure; where the writers tagged their items (`kind`: plain, disguised,
decoy; `title_silent`), the accuracy on each group. It prints no item: the
set's misses are not to be read (data/blind_test/README.md says why).
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
from dvtopics.article_types import ARTICLE_TYPES as LABELS
from dvtopics.types.rules import apply_rules

from cue_baseline import baseline_label

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "data" / "blind_test"


def frozen_files(folder: Path = BLIND) -> list[Path]:
    """The set's files, after checking each against the frozen hashes."""
    files = []
    for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        path = folder / name
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


def groups(rows: list[dict]) -> dict[str, list[bool]]:
    """Which items belong to each writer-tagged group ("kind decoy", "title-silent positives"), where tagged."""
    out = {}
    for kind in sorted({row.get("kind") for row in rows} - {None}):
        out[f"kind {kind}"] = [row.get("kind") == kind for row in rows]
    if any("title_silent" in row for row in rows):
        out["title-silent positives"] = [row.get("title_silent") is True and row["label"] != "other" for row in rows]
    return out


def accuracy_by_group(name: str, gold: list[str], predicted: list[str], rows: list[dict]) -> str:
    parts = []
    for group, member in groups(rows).items():
        pairs = [(g, p) for g, p, m in zip(gold, predicted, member) if m]
        if pairs:
            parts.append(f"{group} {sum(g == p for g, p in pairs) / len(pairs):.3f} (n={len(pairs)})")
    return f"{'':<28} accuracy by group: {', '.join(parts)}" if parts else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=BLIND, help="the frozen set's folder (default: data/blind_test)")
    parser.add_argument("--model", action="append", default=None, help="model directory (repeat; default: shipped)")
    args = parser.parse_args()
    files = frozen_files(args.set)
    rows = {row["id"]: row for path in files for row in map(json.loads, path.open(encoding="utf-8"))}
    articles = [a for a in read_articles(files) if not a.error]
    if len(articles) != len(rows):
        sys.exit(f"{len(rows)} items in the set, {len(articles)} read: the set must be read whole")
    gold = [rows[a.id]["label"] for a in articles]
    sure = [rows[a.id]["certainty"] == "sure" for a in articles]
    tagged = [rows[a.id] for a in articles]
    print(f"{len(articles)} items from {', '.join(p.name for p in files)}")
    hits = [apply_rules(a.title, a.text) for a in articles]
    answers = {"rules alone": [hit.label if hit else "other" for hit in hits],
               "issue's cue baseline": [baseline_label(a.title, a.text) for a in articles]}
    for model_dir in args.model or [None]:
        model = load_classifier(model_dir)
        answers[f"model {model_dir or '(shipped)'}"] = [record["label"] for record in model.predict(articles, explain=False)]
    for name, predicted in answers.items():
        print(line(name, gold, predicted, sure))
        by_group = accuracy_by_group(name, gold, predicted, tagged)
        if by_group:
            print(by_group)


if __name__ == "__main__":
    main()
