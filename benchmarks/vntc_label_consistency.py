"""How consistent VNTC's own labels are: the same text filed under different topics.

    .venv/bin/python benchmarks/vntc_label_consistency.py

Reads the corpus's list of exact duplicates (`vntc_exact_duplicates.tsv`: groups of ids whose texts
are byte-identical) and the labels of train and test. Prints how many groups and pairs of identical
texts carry different labels, and, for the test documents with a twin in train, how many carry a label
that none of their train twins has: on those, a model that returns the twin's label is scored wrong.
No model is involved: it bounds what any classifier can score on those documents.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from bench_vntc import ROOT


def labels_by_id(corpora: Path) -> dict[str, str]:
    labels = {}
    for split in ("vntc_train", "vntc_test"):
        with gzip.open(corpora / f"{split}.jsonl.gz", "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                labels[record["id"]] = record["label_id"]
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    corpora = Path(parser.parse_args().corpora)
    label = labels_by_id(corpora)
    groups: dict[str, list[str]] = defaultdict(list)
    with open(corpora / "vntc_exact_duplicates.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            groups[row["group_md5"]].append(row["id"])

    mixed = sum(len({label[i] for i in ids}) > 1 for ids in groups.values())
    pairs = [(a, b) for ids in groups.values() for a, b in combinations(ids, 2)]
    differ = sum(label[a] != label[b] for a, b in pairs)
    with_twin = unmatched = 0
    for ids in groups.values():
        train_labels = {label[i] for i in ids if i.startswith("Train")}
        if not train_labels:
            continue
        for test_id in (i for i in ids if i.startswith("Test")):
            with_twin += 1
            unmatched += label[test_id] not in train_labels
    print(f"groups of identical texts: {len(groups):,}; with more than one label: {mixed:,} "
          f"({100 * mixed / len(groups):.1f}%)")
    print(f"pairs of identical texts: {len(pairs):,}; labelled differently: {differ:,} ({100 * differ / len(pairs):.1f}%)")
    print(f"test documents with a twin in train: {with_twin:,}; with a label no train twin has: {unmatched:,} "
          f"({100 * unmatched / with_twin:.1f}%): the best score on them is {100 * (1 - unmatched / with_twin):.1f}%")


if __name__ == "__main__":
    main()
