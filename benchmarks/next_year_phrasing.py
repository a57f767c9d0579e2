"""How often the corpora hold the year-end reviews hunt 28 H found the shipped model calls `other`: the next year
named as "phương hướng …", "chương trình công tác …" or "kế hoạch công tác … năm 20xx" (not "nhiệm vụ"), beside a
review word, in the title and first 700 characters.

    .venv/bin/python benchmarks/next_year_phrasing.py

Prints how many articles of the three corpora in ../shared/corpora match, how many of those no cue rule fires on,
and the hand labels (data/labels) of these: ids and counts only, no text.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from dvtopics.types.rules import apply_rules

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
NEXT_YEAR = re.compile(r"(phương hướng|chương trình công tác|kế hoạch công tác)[^.;\n]{0,40}năm (20\d\d)", re.I)
REVIEW = re.compile(r"tổng kết|đánh giá|nhìn lại|kết quả", re.I)


def main() -> None:
    with open(ROOT / "data" / "labels" / "article_types.csv", encoding="utf-8") as handle:
        hand = {(row["corpus"], row["id"]): row["label"] for row in csv.DictReader(handle)}
    matched, silent = 0, Counter()
    for corpus in ("baomoi_2017", "vntc_train", "vntc_test"):
        with gzip.open(CORPORA / f"{corpus}.jsonl.gz", "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                title, text = record.get("title") or "", record.get("text") or ""
                head = f"{title}\n{text[:700]}"
                if NEXT_YEAR.search(head) and REVIEW.search(head):
                    matched += 1
                    if apply_rules(title, text) is None:
                        silent[hand.get((corpus, record["id"]), "unlabelled")] += 1
    print(f"{matched} articles match; no cue rule fires on {sum(silent.values())}; their hand labels: "
          + ", ".join(f"{label} {n}" for label, n in silent.most_common()))


if __name__ == "__main__":
    main()
