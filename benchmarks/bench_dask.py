"""Scale-out: `dvtopics label` with the local engine and with the Dask engine on a 2-worker LocalCluster.

    .venv/bin/python benchmarks/bench_dask.py [--cache-from ~/.cache/dvtopics] [--million-seconds 600]

1. baomoi 2017 (35,440 articles), local engine (`dvtopics label`, one process) and Dask engine
   (`dvtopics.run.distributed.run_job` on a fresh LocalCluster(n_workers=2, threads_per_worker=1)), both into
   .jsonl with the same warm segmentation cache (a copy of --cache-from, or warmed by a first local run,
   whose time is reported as the cold run). With a warm cache this measures everything but pyvi:
   reading, cache look-ups, TF-IDF, the model, explanations, writing, and for Dask the planning, the
   tasks and the gathering. Throughput (articles/s, wall and per CPU second: the machine is shared),
   peak memory (VmHWM) of the local process and of each Dask worker (ru_maxrss of the worker process).
   The two outputs are compared record by record.
2. A 1-million-article .jsonl.gz made by repeating baomoi's lines (ids suffixed "#k"), labelled by the
   local engine with the warm cache for --million-seconds, its memory (VmRSS) sampled every 5 s: is
   peak memory flat over time? (The texts repeat, so every look-up hits the cache.)

Both engines run the code of one commit (`git archive HEAD`, unpacked under benchmarks/out/dask/code and
put first on the path of this process, the local run and the Dask workers): others commit while a long
benchmark runs, and two engines on two versions of the classifier would not give the same records.
Prints a Markdown section and writes it to benchmarks/out/dask/results.md.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAOMOI = ROOT.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"
OUT = ROOT / "benchmarks" / "out" / "dask"
CODE = OUT / "code"  # the frozen code; subprocesses run from here so the checkout's dvtopics is not on their path
DVTOPICS = [sys.executable, "-m", "dvtopics", "-q"]


def freeze_code() -> str:
    """Unpack HEAD's code under OUT/code (the models linked, not copied); put it first on every path; return the commit."""
    code = CODE
    shutil.rmtree(code, ignore_errors=True)
    code.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD", "dvtopics"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    (code / "models").symlink_to(ROOT / "models")
    sys.path.insert(0, str(code))
    os.environ["PYTHONPATH"] = str(code)  # the local run and the Dask workers import it too
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], check=True, capture_output=True,
                          text=True).stdout.strip()


def limited(source: Path, n: int) -> Path:
    """The first `n` articles of `source` as a .jsonl.gz beside the results."""
    target = OUT / f"baomoi_first_{n}.jsonl.gz"
    with gzip.open(source, "rb") as handle, gzip.open(target, "wb") as out:
        for line in itertools.islice(handle, n):
            out.write(line)
    return target


def status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def copy_cache(source: Path, target: Path) -> None:
    """A consistent snapshot of a segmentation cache others may be writing to (SQLite's backup API)."""
    target.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source / "segments.sqlite") as src, sqlite3.connect(target / "segments.sqlite") as dst:
        src.backup(dst)


def run_local(source: Path, out: Path, cache: Path) -> dict:
    """`dvtopics label` in a subprocess: wall and CPU seconds, peak memory."""
    out.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(DVTOPICS + ["label", str(source), "--out", str(out), "--cache-dir", str(cache)],
                               stderr=subprocess.DEVNULL, cwd=CODE)
    peak = 0.0
    while process.poll() is None:
        try:
            peak = max(peak, status_mb(process.pid, "VmHWM"))
        except (FileNotFoundError, ProcessLookupError):
            pass
        time.sleep(0.5)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak_mb": [peak], "exit": process.returncode}


def _worker_usage() -> dict:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def run_dask(source: Path, out: Path, cache: Path, part_size: int) -> dict:
    """The Dask engine on a fresh 2-worker LocalCluster (startup not counted): wall, CPU, peak per worker."""
    from distributed import Client, LocalCluster

    from dvtopics.types.model import DEFAULT_MODEL_DIR
    from dvtopics.run.distributed import LabelJob, run_job

    out.unlink(missing_ok=True)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        before = client.run(_worker_usage)
        start = time.perf_counter()
        counts = run_job(LabelJob(str(DEFAULT_MODEL_DIR), cache_dir=str(cache)), [source], out,
                         scheduler=cluster.scheduler_address, part_size=part_size)
        wall = time.perf_counter() - start
        after = client.run(_worker_usage)
    cpu = sum(after[w]["cpu"] - before[w]["cpu"] for w in after)
    return {"wall": wall, "cpu": cpu, "peak_mb": [after[w]["peak_mb"] for w in sorted(after)],
            "articles": sum(counts.values())}


def same_records(a: Path, b: Path) -> tuple[int, int]:
    """(records, records that differ) between two JSONL outputs, line by line."""
    with open(a, encoding="utf-8") as fa, open(b, encoding="utf-8") as fb:
        pairs = [(json.loads(x), json.loads(y)) for x, y in zip(fa, fb, strict=True)]
    return len(pairs), sum(x != y for x, y in pairs)


def make_million(target: Path, n: int) -> int:
    """Repeat baomoi's lines (ids suffixed "#k") until `n` articles; returns the count written."""
    with gzip.open(BAOMOI, "rb") as handle:
        lines = [json.loads(line) for line in handle if line.strip()]
    written = 0
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
        for k in range(n // len(lines) + 1):
            for record in lines[: n - written]:
                out.write(json.dumps({**record, "id": f"{record['id']}#{k}"}, ensure_ascii=False) + "\n")
                written += 1
    return written


def sample_million(source: Path, out: Path, cache: Path, seconds: float) -> dict:
    """Run the local engine on `source` for `seconds`, sampling VmRSS every 5 s; then stop it."""
    journal = out.with_name(out.name + ".part.jsonl")
    journal.unlink(missing_ok=True)
    process = subprocess.Popen(DVTOPICS + ["label", str(source), "--out", str(out), "--cache-dir", str(cache)],
                               stderr=subprocess.DEVNULL, cwd=CODE)
    start, samples = time.perf_counter(), []
    while time.perf_counter() - start < seconds and process.poll() is None:
        time.sleep(5)
        done = sum(1 for _ in open(journal, "rb")) if journal.exists() else 0
        samples.append((round(time.perf_counter() - start), done, round(status_mb(process.pid, "VmRSS"))))
    process.send_signal(signal.SIGTERM)
    process.wait()
    journal.unlink(missing_ok=True)
    return {"samples": samples}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache-from", type=Path, default=Path.home() / ".cache" / "dvtopics",
                        help="Copy this segmentation cache as the warm cache (if it exists).")
    parser.add_argument("--part-size", type=int, default=2000)
    parser.add_argument("--million", type=int, default=1_000_000)
    parser.add_argument("--million-seconds", type=float, default=600)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles of baomoi.")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    commit = freeze_code()
    source = limited(BAOMOI, args.limit) if args.limit else BAOMOI
    cache = OUT / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    lines = [f"Machine: {os.cpu_count()} cores shared with other jobs (load average "
             f"{os.getloadavg()[0]:.1f} at the start); {time.strftime('%Y-%m-%d')}; code of {commit}; "
             f"`.venv/bin/python benchmarks/bench_dask.py {' '.join(sys.argv[1:])}`.", ""]
    if (args.cache_from / "segments.sqlite").exists():
        copy_cache(args.cache_from, cache)
        lines.append(f"Warm cache: a copy of {args.cache_from} (it held baomoi's heads from training the model).")
    else:
        cold = run_local(source, OUT / "cold.jsonl", cache)
        lines.append(f"Cold run (local engine, empty cache): {cold['wall']:.0f} s.")
    local = run_local(source, OUT / "local.jsonl", cache)
    dask = run_dask(source, OUT / "dask.jsonl", cache, args.part_size)
    n, differ = same_records(OUT / "local.jsonl", OUT / "dask.jsonl")
    lines += ["", f"| baomoi 2017, {n:,} articles, warm cache | wall s | articles/s | CPU s | articles per CPU s "
              "| peak memory |", "|---|---|---|---|---|---|"]
    for name, run in (("local engine (1 process)", local),
                      (f"Dask, LocalCluster 2 workers × 1 thread, parts of {args.part_size}", dask)):
        peaks = " / ".join(f"{p:.0f} MB" for p in run["peak_mb"])
        lines.append(f"| {name} | {run['wall']:.0f} | {n / run['wall']:.0f} | {run['cpu']:.0f} | "
                     f"{n / max(run['cpu'], 1e-9):.0f} | {peaks} |")
    lines += ["", f"Outputs compared record by record: {n} records, {differ} differ."]
    if args.million_seconds > 0:
        big = OUT / "million.jsonl.gz"
        if not big.exists():
            make_million(big, args.million)
        result = sample_million(big, OUT / "million.jsonl", cache, args.million_seconds)
        samples = result["samples"]
        steady = [rss for _, done, rss in samples if done > 0]
        lines += ["", f"{args.million:,} articles (baomoi repeated {args.million / 35440:.1f} times, "
                  f"{big.stat().st_size / 2**30:.2f} GB gzipped), local engine, warm cache, stopped after "
                  f"{samples[-1][0]} s: {samples[-1][1]:,} articles labelled "
                  f"({samples[-1][1] / samples[-1][0]:.0f}/s). VmRSS once labelling runs: "
                  f"min {min(steady)} MB, max {max(steady)} MB over {len(steady)} samples.", "",
                  "| seconds | articles done | VmRSS MB |", "|---|---|---|"]
        step = max(1, len(samples) // 12)
        lines += [f"| {t} | {done:,} | {rss} |" for t, done, rss in samples[::step]]
    text = "\n".join(lines) + "\n"
    (OUT / "results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
