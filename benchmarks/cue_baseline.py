"""The five-line cue baseline of issue 21, beside the shipped cue rules, on every labelled set we can see.

    .venv/bin/python benchmarks/cue_baseline.py

Issue 21 says the owners scored "a five-line cue baseline (cue phrases in the first 400 characters, the
guide's precedence)" at macro-F1 0.882 on their 254 unseen articles, above the shipped model (0.855), and
0.94 on steering committees. Its code was not given: `baseline_label` below is our reading of that one
sentence, with LABELS.md's typical cues. Both are scored on
  hand      the hand labels (data/labels), whole articles and cut to title + 500 characters;
  S1-S3     the written training set (data/train), one writer each;
  present   the present-day heads written to probe the rules (tests/data/present_day).
Neither is trained here, so no set is held out. The frozen blind test is not read here. Where the
baseline beats the rules on a class, the rules may be too narrow there; where the rules win only on sets
the rules were written from (hand, present), that says little.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from dvtopics.io.read import read_articles
from dvtopics.types.evaluate import scores
from dvtopics.article_types import ARTICLE_TYPES as LABELS
from dvtopics.types.rules import apply_rules

from shipped_data import ROOT, shipped_training_data

LEAD = 500


def baseline_label(title: str, text: str) -> str:
    """Cue phrases in the first 400 characters, the guide's precedence: a steering committee's meeting, then
    the period (quarter, six months, year)."""
    head = f"{title}\n{text}"[:400].lower()
    if re.search(r"ban chỉ đạo|bcđ", head) and re.search(r"hội nghị|họp|phiên", head):
        return "steering_committee"
    if re.search(r"quý (i|ii|iii|iv|1|2|3|4)\b", head) and re.search(r"giao ban|trực báo|sơ kết", head):
        return "quarterly_briefing"
    if re.search(r"6 tháng|sáu tháng", head) and re.search(r"sơ kết|nhiệm vụ", head):
        return "semi_annual_review"
    if re.search(r"tổng kết|nhiệm vụ năm|phương hướng", head):
        return "annual_review"
    return "other"


def rule_label(title: str, text: str) -> str:
    hit = apply_rules(title, text)
    return hit.label if hit else "other"


def row(name: str, items: list[tuple[str, str, str]]) -> str:
    """Macro-F1 and per-class F1 of the baseline and the rules on (title, text, label) items."""
    gold = [label for _, _, label in items]
    out = [f"{name} ({len(items)} items)"]
    for who, labeller in (("baseline", baseline_label), ("rules", rule_label)):
        result = scores(gold, [labeller(title, text) for title, text, _ in items], sorted(LABELS))
        per_class = " ".join(f"{label[:4]} {result['per_class'][label]['f1']:.2f}" for label in sorted(LABELS))
        out.append(f"  {who:<9} macro-F1 {result['macro_f1']:.3f}  {per_class}")
    return "\n".join(out)


def main() -> None:
    data = shipped_training_data()
    hand = [(a.title, a.text, label) for a, label, gold in zip(data.articles, data.labels, data.gold) if gold]
    print(row("hand, whole article", hand))
    print(row(f"hand, title + {LEAD} characters", [(t, x[:LEAD], label) for t, x, label in hand]))
    by_writer = defaultdict(list)
    for path in sorted((ROOT / "data" / "train").glob("written_*.jsonl")):
        for article in read_articles([path], on_error="record"):
            by_writer[path.stem].append((article.title, article.text, article.label))
    for writer, items in by_writer.items():
        print(row(writer, items))
    present = [(a.title, a.text, a.label) for a in read_articles(
        sorted(Path(ROOT / "tests" / "data" / "present_day").glob("*.jsonl")), on_error="record")]
    print(row("present-day heads", present))


if __name__ == "__main__":
    main()
