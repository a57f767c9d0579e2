"""How much of real Vietnamese news is Vietnamese letters, and how many corpus articles the reader flags as
typed without accents (`io.language.looks_vietnamese`: under 2% of the first 100+ characters).

    .venv/bin/python benchmarks/diacritics.py [--articles 20000]

For the first --articles of baomoi and VNTC test: percentiles of the share of Vietnamese letters in the first 100
characters (the shape of a title and a short lead). Then, over all 119,572 articles of the three corpora read as
`read_articles` reads them, how many carry the "few Vietnamese diacritics" warning.
"""
from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter

import numpy as np

from shipped_data import CORPORA
from dvtopics.io.language import _VIETNAMESE_LETTERS
from dvtopics.io.read import read_articles

CORPUS_NAMES = ("baomoi_2017", "vntc_train", "vntc_test")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    for name in ("baomoi_2017", "vntc_test"):
        shares = []
        with gzip.open(CORPORA / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if n >= args.articles:
                    break
                head = json.loads(line)["text"][:100]
                if len(head) == 100:
                    shares.append(len(_VIETNAMESE_LETTERS.findall(head)) / 100)
        low = np.percentile(shares, [0, 0.1, 1, 5, 50])
        print(f"{name}: {len(shares)} articles, share of Vietnamese letters in the first 100 characters at the "
              f"0 / 0.1 / 1 / 5 / 50th percentile: {' / '.join(f'{x:.3f}' for x in low)}; under 2%: "
              f"{sum(s < 0.02 for s in shares)}")
    flagged = Counter()
    for name in CORPUS_NAMES:
        for article in read_articles([CORPORA / f"{name}.jsonl.gz"], on_error="record"):
            if "few Vietnamese diacritics" in (article.meta.get("warning") or ""):
                flagged[name] += 1
    print(f"flagged as typed without accents: {dict(flagged)}, {sum(flagged.values())} in all")


if __name__ == "__main__":
    main()
