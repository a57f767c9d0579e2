"""Batch labelling throughput: `dvtopics label` with 1 and 2 processes, cold and warm cache, and a peer.

    .venv/bin/python benchmarks/bench_label.py [--limit 3000] [--peer-limit 500] [--repeats 3]

On the first --limit articles of baomoi 2017, each run a fresh process from
start to exit (start-up and model loading included), the runs taking turns
repeat after repeat so that load from other jobs hits all of them alike:
  dvtopics label -j 1 and -j 2, cold cache (a new, empty segmentation cache);
  dvtopics label -j 1 and -j 2, warm cache (the cache a cold run of the same repeat filled);
  the peer: a plain loop that reads the same JSONL, calls pyvi on each whole
  article (the common use) and the unpickled pipeline on it, on the first
  --peer-limit articles only (pyvi on whole articles is slow); rates are compared.
For each run the process tree (the command, its fork server and workers) is
sampled every 20 ms (new processes looked for every 100 ms once the first child is
seen, so that the sampler takes little of the CPU it measures): CPU seconds (the last reading of each process, so a
process' final 20 ms may be missed), peak memory (the largest sum of the tree's
resident sets, and of its proportional sets, read twice a second, which count the pages workers share
with their fork server once), and the critical path ("path s": CPU seconds of
the longest chain of work, the wall time with a free core per process; see
`critical_cpu`). On a machine that other jobs load, the wall times measure the
machine as much as the program: "art/s free" is the rate the critical path
allows, and "-j2/-j1 free" the speedup it gives. Medians over repeats are
printed, with the ratios of -j 2 to -j 1 and of each run to the peer. The
outputs of all dvtopics runs must be identical.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
BAOMOI = ROOT.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")

PEER = r"""
import gzip, itertools, json, sys, time
from pyvi import ViTokenizer
from dvtopics.persist import load_model
limit, model_dir, source = int(sys.argv[1]), sys.argv[2], sys.argv[3]
pipeline, _ = load_model(model_dir)  # the fitted pipeline as it was saved, without dvtopics' faster counting
with gzip.open(source, "rt", encoding="utf-8") as handle:
    for line in itertools.islice(handle, limit):
        text = json.loads(line)["text"]
        pipeline.predict_proba([ViTokenizer.tokenize(text).lower()])
"""


def _stat(pid: int) -> tuple[int, float, int] | None:
    """(parent pid, CPU seconds, resident bytes) of a process, None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, int(fields[21]) * PAGE


def _tree(root: int, known: Iterable[int] | None = None) -> dict[int, tuple[int, float, int]]:
    """{pid: (parent pid, CPU seconds, resident bytes)} of `root` and every process under it; with `known`,
    of those processes only (no scan of every process on the machine: the sampler's own CPU time is taken
    from the run it measures, which with -j 2 has no core to spare)."""
    pids = known if known is not None else [int(entry) for entry in os.listdir("/proc") if entry.isdigit()]
    stats = {pid: stat for pid in pids if (stat := _stat(pid)) is not None}
    tree, frontier = {}, [root]
    while frontier:
        tree.update({pid: stats[pid] for pid in frontier if pid in stats})
        frontier = [pid for pid, (parent, _, _) in stats.items() if parent in frontier]
    return tree


def _pss(pid: int) -> int:
    """Proportional set size in bytes: pages shared between processes (the fork server's imports)
    counted once over all of them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            return next(int(line.split()[1]) * 1024 for line in handle if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0


def run_measured(command: list[str]) -> tuple[float, float, float, float, float, float]:
    """Wall seconds, CPU seconds, peak resident and proportional MB of a command's process tree,
    its critical CPU path: what the run would take with a free core per process (`critical_cpu`), and the
    peak resident MB of its main process alone (where a job holds its data; `time -v`'s figure)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen, peak, peak_pss, main_peak, before_children = {}, 0, 0, 0, None
    for tick in itertools.count():
        if process.poll() is not None:
            break
        # the whole machine is scanned for new processes until the first child is seen, then every 5th tick
        tree = _tree(process.pid, None if before_children is None or tick % 5 == 0 else list(seen))
        seen.update({pid: (parent, cpu) for pid, (parent, cpu, _) in tree.items()})
        peak = max(peak, sum(rss for _, _, rss in tree.values()))
        main_peak = max(main_peak, tree.get(process.pid, (0, 0, 0))[2])
        if tick % 25 == 0:  # slower to read (0.2-1 ms a process): twice a second
            peak_pss = max(peak_pss, sum(_pss(pid) for pid in tree))
        if before_children is None and len(tree) > 1:
            before_children = seen[process.pid][1]  # the main process' CPU when it started its first child
        time.sleep(0.02)
    wall = time.perf_counter() - start
    _, err = process.communicate()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command} failed: {err[-2000:]}")
    return (wall, sum(cpu for _, cpu in seen.values()), peak / 2 ** 20, peak_pss / 2 ** 20,
            critical_cpu(process.pid, seen, before_children or 0.0), main_peak / 2 ** 20)


def critical_cpu(root: int, processes: dict[int, tuple[int, float]], before_children: float) -> float:
    """CPU seconds on the longest chain of work: the main process until it started its first
    child, then the busiest chain of a child and its busiest child (a process starts its children
    after its own start-up); or the whole main process if that is longer. With a free core for
    each process this is about the wall time, whatever load other jobs put on the machine. For
    `dvtopics label -j 2`: the main process' start-up, the fork server (which imports scikit-learn
    before it forks) and the busiest worker."""
    children = {}
    for pid, (parent, _) in processes.items():
        children.setdefault(parent, []).append(pid)

    def chain(pid):
        return processes[pid][1] + max((chain(child) for child in children.get(pid, [])), default=0.0)

    return max(processes[root][1],
               before_children + max((chain(child) for child in children.get(root, [])), default=0.0))


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
                                                       str(model), str(BAOMOI)]))
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
    print(f"{'run':<18} {'articles':>8} {'wall s':>7} {'art/s':>6} {'vs peer':>7} {'CPU s':>6} {'art/CPU-s':>9} "
          f"{'path s':>6} {'art/s free':>10} {'RSS MB':>6} {'PSS MB':>6} {'-j2/-j1 wall':>12} "
          f"{'-j2/-j1 free':>12}  walls")
    for name in names:
        count = args.peer_limit if name == "peer" else n
        wall, cpu, path = median(name, 0), median(name, 1), median(name, 4)
        speedups = ["", ""]
        if name.endswith("-j 2"):
            one = name.replace("-j 2", "-j 1")
            speedups = [f"{median(one, 0) / wall:.2f}x", f"{median(one, 4) / path:.2f}x"]
        print(f"{name:<18} {count:>8} {wall:>7.2f} {count / wall:>6.1f} {count / wall / peer_rate:>6.2f}x "
              f"{cpu:>6.2f} {count / cpu:>9.1f} {path:>6.2f} {count / path:>10.1f} "
              f"{max(row[2] for row in figures[name]):>6.0f} {max(row[3] for row in figures[name]):>6.0f} "
              f"{speedups[0]:>12} {speedups[1]:>12}  {', '.join(f'{row[0]:.1f}' for row in figures[name])}")
    print("dvtopics outputs identical across runs:", len(outputs) == 1)
    if len(outputs) != 1:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
