"""Segmentation, whole process: `dvtopics segment` against a plain loop calling pyvi per sentence.

    .venv/bin/python benchmarks/bench_segment.py [--articles 1500] [--repeats 5]

The first N articles of VNTC train are written to a temporary .jsonl.gz. Each
run is a fresh process, from start to exit (imports, loading the model, reading,
segmenting, writing), so start-up counts on both sides:
  peer: a plain loop: read the JSONL, clean each text as dvtopics does (so both
        see the same characters), cut it into dvtopics' sentences, call pyvi's
        ViTokenizer.tokenize on each one, write {"id", "tokens"} lines;
  dvtopics segment -j 1 --no-cache;
  dvtopics segment -j 2 --no-cache;
  dvtopics segment -j 1 with a new, empty cache (SQLite writes included).
The runs take turns, repeat after repeat, so load from other jobs on the machine
hits all of them alike; medians of wall time and of CPU time are printed with
the ratios to the peer, the critical path ("path s", the wall time with a free
core per process; the peer is one process, so its path is its CPU time) and the
peak proportional memory: CPU and memory of the whole process tree, sampled as
bench_label.py does. Finally the outputs are compared: every
article's tokens must equal the peer's.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench_label import run_measured

ROOT = Path(__file__).resolve().parents[1]
VNTC_TRAIN = ROOT.parent / "shared" / "corpora" / "vntc_train.jsonl.gz"

PEER = r"""
import gzip, json, sys
from pyvi.ViTokenizer import ViTokenizer
from dvtopics.text.segment import split_sentences
from dvtopics.text.normalise import normalize
from dvtopics.text.furniture import strip_furniture
source, out = sys.argv[1], sys.argv[2]
with gzip.open(source, "rt", encoding="utf-8") as lines, open(out, "w", encoding="utf-8") as handle:
    for line in lines:
        record = json.loads(line)
        text = normalize(strip_furniture(normalize(record["text"])))
        words = [ViTokenizer.tokenize(s) for p in text.split("\n") if p.strip() for s in split_sentences(p)]
        handle.write(json.dumps({"id": record["id"], "tokens": " ".join(" ".join(words).split())},
                                ensure_ascii=False) + "\n")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "articles.jsonl.gz"
        with gzip.open(VNTC_TRAIN, "rt", encoding="utf-8") as lines, gzip.open(source, "wt", encoding="utf-8") as out:
            texts = [json.loads(line)["text"] for line in itertools.islice(lines, args.articles)]
            out.writelines(line for line in (json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                                             for i, t in enumerate(texts)))
        chars = sum(map(len, texts))
        dvtopics = [sys.executable, "-m", "dvtopics", "segment", str(source)]
        runs = {
            "peer: pyvi per sentence, plain loop": lambda out, k: [sys.executable, "-c", PEER, str(source), out],
            "dvtopics segment -j 1 --no-cache": lambda out, k: dvtopics + ["--out", out, "-j", "1", "--no-cache"],
            "dvtopics segment -j 2 --no-cache": lambda out, k: dvtopics + ["--out", out, "-j", "2", "--no-cache"],
            "dvtopics segment -j 1, new cache": lambda out, k: dvtopics + ["--out", out, "-j", "1",
                                                                          "--cache-dir", str(tmp / f"cache{k}")],
        }
        figures = {name: [] for name in runs}
        for k in range(args.repeats):
            for i, (name, command) in enumerate(runs.items()):
                figures[name].append(run_measured(command(str(tmp / f"out{i}.jsonl"), k)))
        outputs = [[json.loads(line) for line in open(tmp / f"out{i}.jsonl", encoding="utf-8")]
                   for i in range(len(runs))]

    print(f"{args.articles} VNTC train articles, {chars:,} characters, {args.repeats} runs each, taking turns; "
          f"medians (load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print(f"{'run':<38} {'wall s':>7} {'vs peer':>8} {'CPU s':>7} {'vs peer':>8} {'chars/CPU-s':>12} "
          f"{'path s':>7} {'vs peer':>8} {'PSS MB':>7}  walls")
    peer = figures[next(iter(runs))]
    peer_wall, peer_cpu = (statistics.median(row[i] for row in peer) for i in (0, 1))
    for name, rows in figures.items():
        wall, cpu, path = (statistics.median(row[i] for row in rows) for i in (0, 1, 4))
        print(f"{name:<38} {wall:>7.2f} {peer_wall / wall:>7.2f}x {cpu:>7.2f} {peer_cpu / cpu:>7.2f}x "
              f"{chars / cpu:>12,.0f} {path:>7.2f} {peer_cpu / path:>7.2f}x {max(row[3] for row in rows):>7.0f}  "
              f"{', '.join(f'{row[0]:.2f}' for row in rows)}")
    same = [sum(a == b for a, b in zip(outputs[0], out)) for out in outputs[1:]]
    print(f"articles whose tokens equal the peer's: {', '.join(f'{n}/{len(outputs[0])}' for n in same)}")
    if any(n != len(outputs[0]) for n in same):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
