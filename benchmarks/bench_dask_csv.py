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

import sys
import tempfile
from pathlib import Path

from bench_csv_reading import written_apart
from bench_dask_archive import parse_options, timed_runs


def main() -> int:
    options = parse_options(__doc__)
    with tempfile.TemporaryDirectory(prefix="bench-dask-csv-") as temporary:
        where = Path(temporary)
        paths = written_apart(where, options.articles, "utf-8")
        runs = [("CSV, one part", paths["csv"], options.articles + 1),
                ("CSV, shares", paths["csv"], options.part_size),
                ("JSON lines", paths["jsonl"], options.part_size)]
        records = timed_runs(runs, options, where, "CSV, one part")
        whole, shared = records["CSV, one part"], records["CSV, shares"]
        differ = sum(a != b for a, b in zip(shared, whole)) + abs(len(shared) - len(whole))
        same_ids = [r["id"] for r in records["JSON lines"]] == [r["id"] for r in whole]
        print(f"records: {len(whole)}; the shares' differing from the one part's: {differ}; "
              f"the JSON lines' ids the same: {'yes' if same_ids else 'no'}")
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
