"""What dropping photo credits inside a line and closing bylines costs, and that it grows linearly with the line.

    .venv/bin/python benchmarks/bench_furniture.py [--articles 3000] [--repeats 5]

1. `strip_furniture` over the first --articles baomoi 2017 texts (normalised as the reader does), with the inline
   credit step (`without_photo_credits`) and without it (the peer: the same pass, the step replaced by the line
   itself), taking turns; medians of --repeats, and their ratio.
2. `without_photo_credits` on lines made to be hard (a run of marks with no space, spaces between two credits, a
   word before every mark, credits repeated) at 250 KB and at 1 MB: the time grows about 4x when it is linear,
   16x when quadratic. Medians of --repeats.
3. The same for the closing byline step (`without_closing_byline`, on each text's last line): the pass with it and
   without it, then the step on lines of capitalised names and stops (each stop a place a byline could follow) and of
   names with no stop, at 250 KB and 1 MB.
4. `strip_furniture` on a line of a section's name and one run of spaces (or tabs) of 250 KB and 1 MB: its section
   joiners took 2.4 s on 16,000 spaces before the thirty-third session (quadratic); now about 4x, linear.
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
HARD_BYLINE_LINES = {
    "names and stops": "Hội nghị. Minh Khôi Lan Anh. ",
    "names, no stop": "Minh Khôi Lan Anh Thu Hà ",
}

# a section's name, then one run of these: its joiners ("Văn hóa - Xã hội") were tried at each space of the run
SPACE_RUNS = {"spaces": " ", "tabs": "\t"}


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


def compare_step(corpus: list[str], name: str, label: str, repeats: int) -> None:
    """`strip_furniture` over `corpus` with the step `furniture.<name>` and with the line itself in its place."""
    step = getattr(furniture, name)
    peer = "without the step (peer)"
    runs = {label: [], peer: []}
    for _ in range(repeats):
        for run, replaced in ((peer, lambda line: line), (label, step)):
            setattr(furniture, name, replaced)
            runs[run].append(timed(lambda: [furniture.strip_furniture(text) for text in corpus]))
    setattr(furniture, name, step)
    chars = sum(map(len, corpus))
    print(f"strip_furniture on {len(corpus)} baomoi texts ({chars / 1e6:.1f} M characters), median of {repeats}:")
    for run, seconds in runs.items():
        print(f"  {run:<26} {statistics.median(seconds):.3f} s")
    print(f"  ratio {statistics.median(runs[label]) / statistics.median(runs[peer]):.2f}x")


def compare_sizes(step, lines: dict[str, str], repeats: int) -> None:
    for name, unit in lines.items():
        seconds = []
        for size in (250_000, 1_000_000):
            line = unit * (size // len(unit))
            seconds.append(statistics.median(timed(lambda: step(line)) for _ in range(repeats)))
        growth = seconds[1] / seconds[0]
        print(f"  {name:<26} 250 KB {seconds[0]:.4f} s   1 MB {seconds[1]:.4f} s   growth {growth:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    corpus = texts(args.articles)
    compare_step(corpus, "without_photo_credits", "with credits dropped", args.repeats)
    print(f"without_photo_credits on hard lines, median of {args.repeats} (linear: about 4x from 250 KB to 1 MB):")
    compare_sizes(furniture.without_photo_credits, HARD_LINES, args.repeats)
    compare_step(corpus, "without_closing_byline", "with bylines dropped", args.repeats)
    print(f"without_closing_byline on hard lines, median of {args.repeats} (only the line's end is read: about 1x):")
    compare_sizes(furniture.without_closing_byline, HARD_BYLINE_LINES, args.repeats)
    print(f"strip_furniture on a line of a section's name and one run of spaces or tabs, median of {args.repeats} "
          "(linear: about 4x):")
    compare_sizes(lambda run: furniture.strip_furniture(f"Xã hội{run}x"), SPACE_RUNS, args.repeats)


if __name__ == "__main__":
    main()
