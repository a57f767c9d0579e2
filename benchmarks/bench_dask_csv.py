"""A Dask run over a CSV: read whole by one task, as before, against read in shares of its rows.

    cd benchmarks && ../.venv/bin/python bench_dask_csv.py [--articles 4000] [--part-size 1000] [--repeats 3]

Writes, in a temporary folder removed at the end (no corpus text is kept), the first --articles baomoi 2017 articles
as one CSV (id, title, date, text) and as JSON lines. Then, taking turns, each run a fresh `dvtopics label ...
--engine dask -j 2 --no-cache --out out.jsonl` (a local cluster of two workers; no cache, so every run segments
every article):
  CSV, one part      --part-size above its rows: the whole CSV is one task, as every CSV was before;
  CSV, shares        --part-size P: the CSV in shares of P rows, a task each (each reads it from its start);
  JSON lines         the same articles as JSON lines, in line ranges of P: the peer, the format docs/cluster.md
                     pointed to.
Wall seconds (medians; the cluster's start is in every run alike), and each against the one-part run. The two CSV
runs' outputs are compared record by record (the run fails if any differs); the JSON lines' ids against theirs.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import sys
import tempfile
from pathlib import Path

from bench_archives import ROOT
from bench_dask_archive import label

CORPUS = ROOT.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"


def write_inputs(folder: Path, articles: int) -> dict[str, Path]:
    records = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records.append({key: record.get(key) or "" for key in ("id", "title", "date", "text")})
            if len(records) == articles:
                break
    paths = {"csv": folder / "articles.csv", "jsonl": folder / "articles.jsonl"}
    with open(paths["csv"], "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "title", "date", "text"])
        writer.writeheader()
        writer.writerows(records)
    with open(paths["jsonl"], "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--part-size", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-dask-csv-") as temporary:
        where = Path(temporary)
        paths = write_inputs(where, options.articles)
        runs = [("CSV, one part", paths["csv"], options.articles + 1),
                ("CSV, shares", paths["csv"], options.part_size),
                ("JSON lines", paths["jsonl"], options.part_size)]
        seconds: dict[str, list[float]] = {name: [] for name, _, _ in runs}
        records: dict[str, list[dict]] = {}
        for _ in range(options.repeats):
            for name, path, part_size in runs:  # (taking turns: a slow minute of the machine falls on all of them)
                took, records[name] = label(path, part_size, where / "out.jsonl")
                seconds[name].append(took)
        print(f"{options.articles} baomoi articles, --part-size {options.part_size}, 2 workers, no cache; "
              f"medians of {options.repeats}")
        one_part = statistics.median(seconds["CSV, one part"])
        print(f"{'':16} {'seconds':>8} {'vs one part':>12}")
        for name, _, _ in runs:
            median = statistics.median(seconds[name])
            print(f"{name:16} {median:8.1f} {median / one_part:11.2f}x")
        whole, shared = records["CSV, one part"], records["CSV, shares"]
        differ = sum(a != b for a, b in zip(shared, whole)) + abs(len(shared) - len(whole))
        same_ids = [r["id"] for r in records["JSON lines"]] == [r["id"] for r in whole]
        print(f"records: {len(whole)}; the shares' differing from the one part's: {differ}; "
              f"the JSON lines' ids the same: {'yes' if same_ids else 'no'}")
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
