"""What a change of the cue rules or the event reader does on every corpus article: each article's outcome, and two runs
compared.

    .venv/bin/python benchmarks/rule_outcomes.py > after.tsv
    git worktree add /tmp/before REV
    PYTHONPATH=/tmp/before .venv/bin/python benchmarks/rule_outcomes.py > before.tsv   # the rules of REV
    .venv/bin/python benchmarks/rule_outcomes.py --compare before.tsv after.tsv

The first form writes, for every readable article of the three corpora in ../shared/corpora and every item of the
written training sets (data/train/written_S*.jsonl), its id, the label of the rule that fired ("-" when none), the
rule's name, and the period and committee flag of the event it reports (`types.events`; "-" for none),
tab-separated; the rules are those of the dvtopics that Python imports (PYTHONPATH picks a checkout). `--compare`
prints how many outcomes changed, how many labels (an abstention and `other` are the same label), each change of
label, for the labelled articles (data/labels, and the written items' own labels) how many changes are right and
wrong, and how many events changed, on labelled articles and in all.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


WRITTEN = sorted((ROOT / "data" / "train").glob("written_S*.jsonl"))


def write_outcomes() -> None:
    import dvtopics
    from dvtopics.io.read import read_articles
    from dvtopics.types.events import find_event
    from dvtopics.types.rules import apply_rules

    print(f"rules of {Path(dvtopics.__file__).parent}", file=sys.stderr)
    paths = [CORPORA / f"{name}.jsonl.gz" for name in ("baomoi_2017", "vntc_train", "vntc_test")] + WRITTEN
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    for article in read_articles(paths, on_error="record"):
        if not article.error:
            hit, event = apply_rules(article.title, article.text), find_event(article.title, article.text)
            out.writerow([article.id, hit.label if hit else "-", hit.rule if hit else "-",
                          event.period or "none" if event else "-", int(event.committee) if event else "-"])


def read_outcomes(path: str) -> dict[str, tuple[str, ...]]:
    """{id: (label, rule, event period, committee)}; an output of the rules alone (older) has no event columns."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {row[0]: tuple(row[1:5]) for row in csv.reader(handle, delimiter="\t")}


def _gold() -> dict[str, str]:
    """The labels known: the hand labels (data/labels) and the written items' own."""
    with open(ROOT / "data" / "labels" / "article_types.csv", encoding="utf-8") as handle:
        gold = {row["id"]: row["label"] for row in csv.DictReader(handle)}
    for path in WRITTEN:
        with open(path, encoding="utf-8") as handle:
            gold.update((item["id"], item["label"]) for item in map(json.loads, handle) if item.get("label"))
    return gold


def compare(before_path: str, after_path: str) -> None:
    before, after = read_outcomes(before_path), read_outcomes(after_path)
    gold = _gold()
    label = {"-": "other"}  # an abstention is `other`
    changed = [i for i in after if i in before and after[i][:2] != before[i][:2]]
    moved = [i for i in changed if label.get(before[i][0], before[i][0]) != label.get(after[i][0], after[i][0])]
    print(f"{len(after):,} articles; {len(changed)} rule outcomes change, {len(moved)} labels")
    for (was, now), n in Counter((f"{before[i][0]}/{before[i][1]}", f"{after[i][0]}/{after[i][1]}")
                                 for i in changed).most_common():
        print(f"  {n:>4}  {was} -> {now}")
    hand = [i for i in moved if i in gold]
    right = sum(label.get(after[i][0], after[i][0]) == gold[i] for i in hand)
    wrong = sum(label.get(before[i][0], before[i][0]) == gold[i] for i in hand)
    print(f"labels that change on labelled articles: {len(hand)} ({right} now right, {wrong} were right); "
          f"on unlabelled ones: {len(moved) - len(hand)}")
    events = [i for i in after if i in before and len(before[i]) > 2 and after[i][2:] != before[i][2:]]
    print(f"events whose period or committee flag changes: {len(events)}, "
          f"{sum(i in gold for i in events)} of them on labelled articles")
    for (was, now), n in Counter(("/".join(before[i][2:]), "/".join(after[i][2:])) for i in events).most_common():
        print(f"  {n:>4}  {was} -> {now}  (period/committee; '-' no event)")
    for i in (i for i in events if i in gold):
        print(f"  {i}  {gold[i]}: {'/'.join(before[i][2:])} -> {'/'.join(after[i][2:])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="two outputs of this script")
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
    else:
        write_outcomes()


if __name__ == "__main__":
    main()
