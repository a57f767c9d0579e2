"""How far two blind readings of the hand labels agree: the ceiling for any model score on them.

    .venv/bin/python benchmarks/label_agreement.py

Reads data/labels/article_types.csv, whose `readers` column keeps each
article's first, second and (where they differed) third reading. Prints the
agreement of the second reading with the first, Cohen's kappa, macro-F1 and
per-class F1 of one against the other, the count of articles both readers
were sure of, and the agreement on the others (`unsure`). `--added` reads the
labels added after the second-edition reading (`label_first_edition` "-",
data/labels/README.md step 6) instead of the 1,006 read in step 5.
"""
from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

LABELS_CSV = Path(__file__).resolve().parents[1] / "data" / "labels" / "article_types.csv"


def main() -> None:
    from sklearn.metrics import cohen_kappa_score
    from dvtopics.types.evaluate import scores

    with open(LABELS_CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    added = "--added" in sys.argv[1:]  # step 6's labels had no first-edition label: "-"
    rows = [row for row in rows if (row["label_first_edition"] == "-") == added]
    first, second = zip(*(row["readers"].split("/")[:2] for row in rows))
    agree = sum(a == b for a, b in zip(first, second))
    result = scores(list(first), list(second), sorted(set(first) | set(second)))
    print(f"{len(rows)} articles; the readings agree on {agree} ({agree / len(rows):.1%}); "
          f"Cohen's kappa {cohen_kappa_score(first, second):.3f}; "
          f"macro-F1 of the second against the first {result['macro_f1']:.3f}")
    print("per class F1: " + ", ".join(f"{label} {row['f1']:.3f}" for label, row in result["per_class"].items()))
    print(f"both readers sure (and so agreeing): {sum(row['certainty'] == 'sure' for row in rows)}")
    unsure = [row["readers"].split("/")[:2] for row in rows if row["certainty"] != "sure"]
    on_unsure = scores([a for a, _ in unsure], [b for _, b in unsure], sorted({x for pair in unsure for x in pair}))
    print(f"on the {len(unsure)} unsure articles: the readings agree on {sum(a == b for a, b in unsure)}, macro-F1 of "
          f"the second against the first {on_unsure['macro_f1']:.3f} (a model's hand-CV score on them reads against this)")
    if added:  # no first-edition label and no third reading to report
        return
    if "label_first_edition" in rows[0]:
        moved = Counter((row["label_first_edition"], row["label"]) for row in rows
                        if row["label"] != row["label_first_edition"])
        print(f"labels changed from the first edition: {sum(moved.values())} (" + ", ".join(
            f"{a} -> {b} {n}" for (a, b), n in moved.most_common()) + ")")
    print("third reading sided with: " + ", ".join(
        f"{side} {n}" for side, n in Counter("first" if row["label"] == a else "second"
                                             for row, a, b in zip(rows, first, second) if a != b).items()))


if __name__ == "__main__":
    main()
