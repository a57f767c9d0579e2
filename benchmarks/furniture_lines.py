"""How many lines of the corpora two furniture rules decide: a line that opens with a photo's credit and keeps the
sentence after it, and a site's menu copied on one line (`text.furniture`).

    .venv/bin/python benchmarks/furniture_lines.py

Reads every title and text line of the three corpora in ../shared/corpora and prints, for each rule, how many lines
it decides and a few of them (at most 80 characters each): the count a change of either rule is to be weighed by.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from dvtopics.text.furniture import is_menu_line, without_photo_credits
from dvtopics.text.furniture import _CAPTION, _caption_sized, _sentence_after_credit

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
FILES = ("baomoi_2017.jsonl.gz", "vntc_train.jsonl.gz", "vntc_test.jsonl.gz")


def main() -> None:
    kept, menus = [], []
    for name in FILES:
        with gzip.open(CORPORA / name, "rt", encoding="utf-8") as handle:
            for record in map(json.loads, handle):
                for line in f"{record.get('title') or ''}\n{record.get('text') or ''}".split("\n"):
                    line = line.strip()
                    if _CAPTION.match(line) and _caption_sized(line) and _sentence_after_credit(line):
                        kept.append(without_photo_credits(line))
                    if is_menu_line(line):
                        menus.append(line)
    print(f"lines opening with a photo's credit whose sentence after it is kept: {len(kept)}")
    for line in kept[:5]:
        print(f"  {line[:80]}")
    print(f"lines taken for a site's menu copied on one line: {len(menus)}")
    for line in menus[:5]:
        print(f"  {line[:80]}")


if __name__ == "__main__":
    main()
