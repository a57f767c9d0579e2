"""Segmentation throughput of dvtopics against plain pyvi, on VNTC train.

    .venv/bin/python benchmarks/bench_segment.py [--articles 1000] [--repeats 3]

In one run, on the same articles (the first N of VNTC's train split), median
wall time over repeats of:
  peer (a) pyvi on each whole article (the common use; quadratic in length),
  peer (b) pyvi per sentence, in one process (the best plain use),
  dvtopics segment_many, n_jobs=1 and n_jobs=2, no cache (cold),
  dvtopics segment_many with a warm cache.
Prints characters per second and the ratio to each peer, and checks that
dvtopics' tokens equal pyvi's per-sentence tokens. Wall time, not CPU time:
n_jobs=2 is about using both cores. The machine is shared: quote medians.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import tempfile
import time
from pathlib import Path

from pyvi.ViTokenizer import ViTokenizer

from dvtopics.segment import SegmentCache, segment_many, split_sentences
from dvtopics.text import normalize

VNTC_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "vntc_train.jsonl.gz"


def load(n: int) -> list[str]:
    with gzip.open(VNTC_TRAIN, "rt", encoding="utf-8") as handle:
        return [normalize(json.loads(line)["text"]) for line in itertools.islice(handle, n)]


def pyvi_whole(texts):
    return [ViTokenizer.tokenize(t) for t in texts]


def pyvi_sentences(texts):
    return ["\n".join(" ".join(ViTokenizer.tokenize(s) for s in split_sentences(p)) for p in t.split("\n") if p.strip())
            for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    texts = load(args.articles)
    chars = sum(map(len, texts))
    ViTokenizer.tokenize("khởi động")  # model loading is not segmentation
    with tempfile.TemporaryDirectory() as tmp:
        warm = SegmentCache(tmp)
        segment_many(texts, cache=warm)
        runs = {
            "peer (a) pyvi per whole article": pyvi_whole,
            "peer (b) pyvi per sentence": pyvi_sentences,
            "dvtopics n_jobs=1": lambda t: segment_many(t, n_jobs=1),
            "dvtopics n_jobs=2": lambda t: segment_many(t, n_jobs=2),
            "dvtopics warm cache": lambda t: segment_many(t, cache=warm),
        }
        seconds, outputs = {name: [] for name in runs}, {}
        for _ in range(args.repeats):
            for name, run in runs.items():
                start = time.perf_counter()
                outputs[name] = run(texts)
                seconds[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(s) for name, s in seconds.items()}
    print(f"{args.articles} VNTC train articles, {chars:,} characters, {args.repeats} repeats (median wall time)")
    print(f"{'run':<34} {'seconds':>8} {'chars/s':>12} {'vs (a)':>8} {'vs (b)':>8}")
    for name, median in medians.items():
        print(f"{name:<34} {median:>8.2f} {chars / median:>12,.0f} "
              f"{medians['peer (a) pyvi per whole article'] / median:>7.2f}x "
              f"{medians['peer (b) pyvi per sentence'] / median:>7.2f}x")
    same = all(outputs[name] == outputs["peer (b) pyvi per sentence"] for name in runs if name.startswith("dvtopics"))
    print("dvtopics tokens identical to pyvi per sentence:", same)


if __name__ == "__main__":
    main()
