"""No corpus text in the repository: the tracked data files outside tests/ and seeds/ (JSONL, JSON, CSV, TSV)
share no sentence with ../shared/corpora (ids, labels and figures may come from the corpora; their sentences
may not).

    .venv/bin/python benchmarks/no_corpus_text.py [--min-chars 40]

Splits every string of those files (every JSON field, however nested, and every table cell) into sentences (at
. ! ? … and line ends) of at least --min-chars characters, then reads every sentence of the three corpora and
prints how many are shared, and the first few. Exits 1 when any is.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import subprocess
import sys

from shipped_data import CORPORA, ROOT

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
DATA_FILES = ("*.jsonl", "*.json", "*.csv", "*.tsv")


def strings(value):
    """Every string in a JSON value, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from strings(inner)


def strings_of_file(path):
    """Every string a tracked data file holds: JSON fields, or table cells."""
    with open(path, encoding="utf-8", newline="") as handle:
        if path.suffix == ".jsonl":
            for line in handle:
                if line.strip():
                    yield from strings(json.loads(line))
        elif path.suffix == ".json":
            yield from strings(json.load(handle))
        else:
            for row in csv.reader(handle, delimiter="\t" if path.suffix == ".tsv" else ","):
                yield from row


def sentences(text: str, least: int):
    for sentence in SENTENCE_END.split(text):
        if len(sentence.strip()) >= least:
            yield sentence.strip()


def corpus_sentences(record: dict, least: int):
    for key in ("title", "text"):
        yield from sentences(record.get(key) or "", least)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-chars", type=int, default=40)
    args = parser.parse_args()
    tracked = subprocess.run(["git", "ls-files", *DATA_FILES], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    files = [name for name in tracked if not name.startswith(("tests/", "seeds/"))]
    ours = set()
    for name in files:
        for text in strings_of_file(ROOT / name):
            ours.update(sentences(text, args.min_chars))
    shared = set()
    for corpus in ("baomoi_2017", "vntc_train", "vntc_test"):
        with gzip.open(CORPORA / f"{corpus}.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                shared.update(s for s in corpus_sentences(json.loads(line), args.min_chars) if s in ours)
    print(f"{len(files)} files ({', '.join(files)}), {len(ours)} sentences of {args.min_chars}+ characters; "
          f"shared with the corpora: {len(shared)}")
    for sentence in sorted(shared)[:5]:
        print("  ", sentence[:120])
    sys.exit(1 if shared else 0)


if __name__ == "__main__":
    main()
