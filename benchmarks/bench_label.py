"""Batch labelling throughput: `dvtopics label` against a plain loop, on baomoi 2017.

Runs, each in a fresh subprocess so its peak memory (VmHWM) is its own:
  1. dvtopics label, cold cache (a new, empty segmentation cache);
  2. dvtopics label, warm cache (the same cache again);
  3. the peer: a plain loop that reads the same JSONL, calls pyvi on each whole
     article (the common use) and the joblib-loaded pipeline on it.
Prints articles/second, peak memory and the ratios to the peer. The peer is run
on the first --peer-limit articles only (pyvi on whole articles is slow), and
its throughput is compared with dvtopics' on the whole file: both are rates.

    .venv/bin/python benchmarks/bench_label.py [--limit N] [--peer-limit N] [--n-jobs 1]
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAOMOI = ROOT.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"

PEER = r"""
import gzip, itertools, json, sys, time
import joblib
from pyvi import ViTokenizer
limit, model_path, source = int(sys.argv[1]), sys.argv[2], sys.argv[3]
start = time.perf_counter()
pipeline = joblib.load(model_path)
n = 0
with gzip.open(source, "rt", encoding="utf-8") as handle:
    for line in itertools.islice(handle, limit):
        text = json.loads(line)["text"]
        pipeline.predict_proba([ViTokenizer.tokenize(text).lower()])
        n += 1
print(json.dumps({"articles": n, "seconds": time.perf_counter() - start}))
"""


def peak_memory_mb(pid_status: str) -> float:
    for line in pid_status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_measured(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak MB (VmHWM read just before the child exits, via /usr/bin/time-free polling)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    while process.poll() is None:
        try:
            peak = max(peak, peak_memory_mb(Path(f"/proc/{process.pid}/status").read_text()))
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.05)
    out, err = process.communicate()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command} failed: {err[-2000:]}")
    return time.perf_counter() - start, peak, out


def sample_file(limit: int, directory: Path) -> Path:
    path = directory / f"baomoi-{limit}.jsonl.gz"
    with gzip.open(BAOMOI, "rt", encoding="utf-8") as source, gzip.open(path, "wt", encoding="utf-8") as target:
        for line in itertools.islice(source, limit):
            target.write(line)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="articles to label (0: the whole file)")
    parser.add_argument("--peer-limit", type=int, default=2000)
    parser.add_argument("--n-jobs", type=int, default=1)
    args = parser.parse_args()
    model = ROOT / "models" / "article-type"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = sample_file(args.limit, tmp) if args.limit else BAOMOI
        n = args.limit or sum(1 for _ in gzip.open(BAOMOI, "rb"))
        label = [sys.executable, "-m", "dvtopics", "-q", "label", str(source), "--model", str(model),
                 "--cache-dir", str(tmp / "cache"), "-j", str(args.n_jobs)]
        rows = []
        for name in ("cold cache", "warm cache"):
            out = tmp / f"{name.split()[0]}.jsonl"
            seconds, peak, _ = run_measured(label + ["--out", str(out)])
            assert sum(1 for _ in open(out, encoding="utf-8")) == n
            rows.append((f"dvtopics label, {name}, -j {args.n_jobs}", n, seconds, peak))
        seconds, peak, out = run_measured([sys.executable, "-c", PEER, str(args.peer_limit),
                                           str(model / "model.joblib"), str(BAOMOI)])
        peer = json.loads(out)
        rows.append(("peer: pyvi per article + joblib pipeline", peer["articles"], seconds, peak))
    peer_rate = rows[-1][1] / rows[-1][2]
    print(f"{'run':<46} {'articles':>9} {'seconds':>9} {'art/s':>8} {'peak MB':>8} {'vs peer':>8}")
    for name, count, seconds, peak in rows:
        rate = count / seconds
        print(f"{name:<46} {count:>9} {seconds:>9.1f} {rate:>8.1f} {peak:>8.0f} {rate / peer_rate:>7.2f}x")


if __name__ == "__main__":
    main()
