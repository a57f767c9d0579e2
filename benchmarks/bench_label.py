"""Batch labelling throughput: `dvtopics label` with 1 and 2 processes, cold and warm cache, and a peer.

    .venv/bin/python benchmarks/bench_label.py [--limit 3000] [--peer-limit 500] [--repeats 3]

On the first --limit articles of baomoi 2017, each run a fresh process from
start to exit (start-up and model loading included), the runs taking turns
repeat after repeat so that load from other jobs hits all of them alike:
  dvtopics label -j 1 and -j 2, cold cache (a new, empty segmentation cache);
  dvtopics label -j 1 and -j 2, warm cache (the cache a cold run of the same repeat filled);
  the peer: a plain loop that reads the same JSONL, calls pyvi on each whole
  article (the common use) and the joblib-loaded pipeline on it, on the first
  --peer-limit articles only (pyvi on whole articles is slow); rates are compared.
For each run the process tree (the command, its fork server and workers) is
sampled every 20 ms: CPU seconds (the last reading of each process, so a
process' final 20 ms may be missed) and peak memory (the largest sum of the
tree's resident sets). Medians over repeats are printed, with the ratio of -j 2
to -j 1 and of each run to the peer. The outputs of all dvtopics runs must be
identical.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAOMOI = ROOT.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")

PEER = r"""
import gzip, itertools, json, sys, time
import joblib
from pyvi import ViTokenizer
limit, model_path, source = int(sys.argv[1]), sys.argv[2], sys.argv[3]
pipeline = joblib.load(model_path)
with gzip.open(source, "rt", encoding="utf-8") as handle:
    for line in itertools.islice(handle, limit):
        text = json.loads(line)["text"]
        pipeline.predict_proba([ViTokenizer.tokenize(text).lower()])
"""


def _tree(root: int) -> dict[int, tuple[float, int]]:
    """{pid: (CPU seconds, resident bytes)} of `root` and every process under it."""
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, int(fields[21]) * PAGE)
    tree, frontier = {}, [root]
    while frontier:
        tree.update({pid: stats[pid][1:] for pid in frontier if pid in stats})
        frontier = [pid for pid, (parent, _, _) in stats.items() if parent in frontier]
    return tree


def run_measured(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of a command's process tree."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    cpu, peak = {}, 0
    while process.poll() is None:
        tree = _tree(process.pid)
        cpu.update({pid: seconds for pid, (seconds, _) in tree.items()})
        peak = max(peak, sum(rss for _, rss in tree.values()))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    _, err = process.communicate()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command} failed: {err[-2000:]}")
    return wall, sum(cpu.values()), peak / 2 ** 20


def sample_file(limit: int, directory: Path) -> Path:
    path = directory / f"baomoi-{limit}.jsonl.gz"
    with gzip.open(BAOMOI, "rt", encoding="utf-8") as source, gzip.open(path, "wt", encoding="utf-8") as target:
        for line in itertools.islice(source, limit):
            target.write(line)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=3000, help="articles to label (0: the whole file)")
    parser.add_argument("--peer-limit", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    model = ROOT / "models" / "article-type"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = sample_file(args.limit, tmp) if args.limit else BAOMOI
        n = args.limit or sum(1 for _ in gzip.open(BAOMOI, "rb"))

        def label(jobs, cache, out):
            return [sys.executable, "-m", "dvtopics", "-q", "label", str(source), "--model", str(model),
                    "--cache-dir", str(cache), "-j", str(jobs), "--out", str(out)]

        names = ["cold cache, -j 1", "cold cache, -j 2", "warm cache, -j 1", "warm cache, -j 2", "peer"]
        figures = {name: [] for name in names}
        outputs = set()
        for k in range(args.repeats):
            for name in names:
                if name == "peer":
                    figures[name].append(run_measured([sys.executable, "-c", PEER, str(args.peer_limit),
                                                       str(model / "model.joblib"), str(BAOMOI)]))
                    continue
                jobs = name[-1]
                cache = tmp / f"cache-{k}-{jobs}"  # a cold run fills it, the warm run of the same -j reads it
                out = tmp / f"{k}-{name.replace(' ', '').replace(',', '')}.jsonl"
                figures[name].append(run_measured(label(jobs, cache, out)))
                outputs.add(out.read_bytes())
                out.unlink()

    def median(name, i):
        return statistics.median(row[i] for row in figures[name])

    peer_rate = args.peer_limit / median("peer", 0)
    print(f"{n} baomoi articles, {args.repeats} runs each, taking turns; medians "
          f"(load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print(f"{'run':<20} {'articles':>8} {'wall s':>7} {'art/s':>7} {'CPU s':>7} {'art/CPU-s':>9} {'peak MB':>8} "
          f"{'vs peer':>8} {'-j2/-j1':>8}  walls")
    for name in names:
        count = args.peer_limit if name == "peer" else n
        wall, cpu = median(name, 0), median(name, 1)
        speedup = ""
        if name.endswith("-j 2"):
            speedup = f"{median(name.replace('-j 2', '-j 1'), 0) / wall:.2f}x"
        print(f"{name:<20} {count:>8} {wall:>7.2f} {count / wall:>7.1f} {cpu:>7.2f} {count / cpu:>9.1f} "
              f"{max(row[2] for row in figures[name]):>8.0f} {count / wall / peer_rate:>7.2f}x {speedup:>8}  "
              f"{', '.join(f'{row[0]:.1f}' for row in figures[name])}")
    print("dvtopics outputs identical across runs:", len(outputs) == 1)
    if len(outputs) != 1:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
