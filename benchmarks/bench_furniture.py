"""What dropping photo credits inside a line costs, and that it grows linearly with the line.

    .venv/bin/python benchmarks/bench_furniture.py [--articles 3000] [--repeats 5]

1. `strip_furniture` over the first --articles baomoi 2017 texts (normalised as the reader does), with the inline
   credit step (`without_photo_credits`) and without it (the peer: the same pass, the step replaced by the line
   itself), taking turns; medians of --repeats, and their ratio.
2. `without_photo_credits` on lines made to be hard (a run of marks with no space, spaces between two credits, a
   word before every mark, credits repeated) at 250 KB and at 1 MB: the time grows about 4x when it is linear,
   16x when quadratic. Medians of --repeats.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time

from dvtopics.text import furniture
from dvtopics.text.normalise import normalize

from shipped_data import CORPORA

HARD_LINES = {  # a unit repeated to the size
    "marks, no space": "Ảnh:",
    "credits between words": "Ảnh: Minh Khôi Sáng 12/3, ban họp. ",
    "a word before each mark": "Tin ảnh: ",
    "credits, then spaces": "Ảnh: Minh Khôi      ",
}


def texts(limit: int) -> list[str]:
    out = []
    with gzip.open(CORPORA / "baomoi_2017.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            out.append(normalize(json.loads(line)["text"]))
            if len(out) == limit:
                break
    return out


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    corpus = texts(args.articles)
    with_step = furniture.without_photo_credits
    runs = {"with credits dropped": [], "without the step (peer)": []}
    for _ in range(args.repeats):
        for name, step in (("without the step (peer)", lambda line: line), ("with credits dropped", with_step)):
            furniture.without_photo_credits = step
            runs[name].append(timed(lambda: [furniture.strip_furniture(text) for text in corpus]))
    furniture.without_photo_credits = with_step
    chars = sum(map(len, corpus))
    print(f"strip_furniture on {len(corpus)} baomoi texts ({chars / 1e6:.1f} M characters), median of {args.repeats}:")
    for name, seconds in runs.items():
        print(f"  {name:<26} {statistics.median(seconds):.3f} s")
    ratio = statistics.median(runs["with credits dropped"]) / statistics.median(runs["without the step (peer)"])
    print(f"  ratio {ratio:.2f}x")

    print(f"without_photo_credits on hard lines, median of {args.repeats} (linear: about 4x from 250 KB to 1 MB):")
    for name, unit in HARD_LINES.items():
        seconds = []
        for size in (250_000, 1_000_000):
            line = unit * (size // len(unit))
            seconds.append(statistics.median(timed(lambda: with_step(line)) for _ in range(args.repeats)))
        growth = seconds[1] / seconds[0]
        print(f"  {name:<26} 250 KB {seconds[0]:.3f} s   1 MB {seconds[1]:.3f} s   growth {growth:.1f}x")


if __name__ == "__main__":
    main()
