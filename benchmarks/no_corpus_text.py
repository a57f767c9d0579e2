"""No corpus text in the repository: the tracked JSONL files outside tests/ and seeds/ share no sentence with
../shared/corpora (ids, labels and figures may come from the corpora; their sentences may not).

    .venv/bin/python benchmarks/no_corpus_text.py [--min-chars 40]

Splits every title and text of those files into sentences (at . ! ? … and line ends) of at least --min-chars
characters, then reads every sentence of the three corpora and prints how many are shared, and the first few.
Exits 1 when any is.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys

from shipped_data import CORPORA, ROOT

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def sentences(record: dict, least: int):
    for key in ("title", "text"):
        for sentence in SENTENCE_END.split(record.get(key) or ""):
            if len(sentence.strip()) >= least:
                yield sentence.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-chars", type=int, default=40)
    args = parser.parse_args()
    tracked = subprocess.run(["git", "ls-files", "*.jsonl"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    files = [name for name in tracked if not name.startswith(("tests/", "seeds/"))]
    ours = set()
    for name in files:
        with open(ROOT / name, encoding="utf-8") as handle:
            for line in handle:
                ours.update(sentences(json.loads(line), args.min_chars))
    shared = set()
    for corpus in ("baomoi_2017", "vntc_train", "vntc_test"):
        with gzip.open(CORPORA / f"{corpus}.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                shared.update(s for s in sentences(json.loads(line), args.min_chars) if s in ours)
    print(f"{len(files)} files ({', '.join(files)}), {len(ours)} sentences of {args.min_chars}+ characters; "
          f"shared with the corpora: {len(shared)}")
    for sentence in sorted(shared)[:5]:
        print("  ", sentence[:120])
    sys.exit(1 if shared else 0)


if __name__ == "__main__":
    main()
