"""The memory and time of reading a large CSV: this code against --before's, and the same articles as JSON lines.

    cd benchmarks && ../.venv/bin/python bench_csv_reading.py [--limit N] [--repeats 3] [--before e1c9b91]
        [--encoding utf-8]

Writes baomoi's articles (../shared/corpora/baomoi_2017.jsonl.gz; `--limit` of them) into a temporary folder as one
CSV (id, title, date, text, in `--encoding`) and as JSON lines, then reads each with `read_articles`, keeping no
article, in a fresh process per run: the code of --before, then this code, taking turns. Prints each variant's
median seconds and peak RSS (the process's ru_maxrss, whatever it imported) and their ratios to --before's CSV; and
whether each read the same articles as --before's code from the same file (their ids, titles, dates, texts and errors
hashed in order).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench_report import checkout

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"

READ = """
import hashlib, resource, sys, time
sys.path.insert(0, sys.argv[1])
from dvtopics.io.read import read_articles
start, digest, n = time.perf_counter(), hashlib.sha256(), 0
for article in read_articles([sys.argv[2]], on_error="record"):
    digest.update(repr((article.id, article.title, article.date, article.text, article.error)).encode())
    n += 1
print(n, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, digest.hexdigest())
"""


def write_inputs(folder: Path, limit: int | None, encoding: str) -> dict[str, Path]:
    records = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records.append({key: record.get(key) or "" for key in ("id", "title", "date", "text")})
            if limit and len(records) == limit:
                break
    paths = {"csv": folder / "articles.csv", "jsonl": folder / "articles.jsonl"}
    with open(paths["csv"], "w", encoding=encoding, errors="replace", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "title", "date", "text"])
        writer.writeheader()
        writer.writerows(records)
    with open(paths["jsonl"], "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return paths


def written_apart(folder: Path, limit: int | None, encoding: str) -> dict[str, Path]:
    """`write_inputs`, in a process of its own: a process's peak memory is handed on to the processes it starts (Linux
    keeps ru_maxrss across fork and exec), and the articles held to write them would be every later run's floor."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(write_inputs, folder, limit, encoding).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles (default: all 35,440)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--before", default="e1c9b91", help="the commit to compare with")
    parser.add_argument("--encoding", default="utf-8", help="the CSV's encoding (cp1258: a file decoded whole)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paths = written_apart(tmp, args.limit, args.encoding)
        code = {"before": checkout(args.before, tmp / "before"), "after": ROOT}
        variants = [("before", "csv"), ("after", "csv"), ("before", "jsonl"), ("after", "jsonl")]
        runs: dict[tuple, list] = {variant: [] for variant in variants}
        for _ in range(args.repeats):
            for variant in variants:
                out = subprocess.run([sys.executable, "-c", READ, str(code[variant[0]]), str(paths[variant[1]])],
                                     check=True, capture_output=True, text=True).stdout.split()
                runs[variant].append(out)
        base = runs[("before", "csv")]
        base_seconds = statistics.median(float(run[1]) for run in base)
        base_mb = statistics.median(float(run[2]) for run in base)
        sizes = {kind: path.stat().st_size / 1e6 for kind, path in paths.items()}
        print(f"{base[0][0]} articles; CSV {sizes['csv']:.0f} MB ({args.encoding}), JSON lines {sizes['jsonl']:.0f} MB;"
              f" {args.repeats} runs each, medians")
        print(f"{'code':<8}{'input':<7}{'seconds':>9}{'peak MB':>9}{'time vs before CSV':>20}"
              f"{'memory vs before CSV':>22}  same articles as before's")
        for variant, found in runs.items():
            seconds = statistics.median(float(run[1]) for run in found)
            mb = statistics.median(float(run[2]) for run in found)
            same = all(run[3] == runs[("before", variant[1])][0][3] for run in found)
            print(f"{variant[0]:<8}{variant[1]:<7}{seconds:>9.1f}{mb:>9.0f}{seconds / base_seconds:>19.2f}x"
                  f"{mb / base_mb:>21.2f}x  {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
