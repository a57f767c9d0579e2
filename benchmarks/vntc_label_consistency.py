"""How consistent VNTC's own labels are: the same text filed under different topics.

    .venv/bin/python benchmarks/vntc_label_consistency.py

Reads the corpus's list of exact duplicates (`vntc_exact_duplicates.tsv`: groups of ids whose texts
are byte-identical, with each one's label). Prints how many groups and pairs of identical
texts carry different labels, and, for the test documents with a twin in train, how many carry a label
that none of their train twins has: on those, a model that returns the twin's label is scored wrong.
No model is involved: it bounds what any classifier can score on those documents.
"""
from __future__ import annotations

import argparse
from itertools import combinations
from pathlib import Path

from bench_vntc import ROOT, duplicate_groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    groups = duplicate_groups(Path(parser.parse_args().corpora))

    mixed = sum(len({label for _, label in group}) > 1 for group in groups)
    pairs = [(a, b) for group in groups for a, b in combinations(group, 2)]
    differ = sum(a[1] != b[1] for a, b in pairs)
    with_twin = unmatched = 0
    for group in groups:
        train_labels = {label for i, label in group if i.startswith("Train")}
        if not train_labels:
            continue
        for _, label in (member for member in group if member[0].startswith("Test")):
            with_twin += 1
            unmatched += label not in train_labels
    print(f"groups of identical texts: {len(groups):,}; with more than one label: {mixed:,} "
          f"({100 * mixed / len(groups):.1f}%)")
    print(f"pairs of identical texts: {len(pairs):,}; labelled differently: {differ:,} ({100 * differ / len(pairs):.1f}%)")
    print(f"test documents with a twin in train: {with_twin:,}; with a label no train twin has: {unmatched:,} "
          f"({100 * unmatched / with_twin:.1f}%): the best score on them is {100 * (1 - unmatched / with_twin):.1f}%")

if __name__ == "__main__":
    main()
