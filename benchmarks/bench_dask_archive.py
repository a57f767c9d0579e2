"""A Dask run over an archive: read whole by one task, as before, against read in shares of its members.

    .venv/bin/python benchmarks/bench_dask_archive.py [--articles 4000] [--part-size 1000] [--repeats 3]

Builds, in a temporary folder removed at the end (no corpus text is kept), the folder of one .txt per article of the
first --articles baomoi 2017 articles and its .zip and .tar.gz (`bench_archives.build`). Then, taking turns, each
run a fresh `dvtopics label ... --engine dask -j 2 --no-cache --out out.jsonl` (a local cluster of two workers; no
cache, so every run segments every article):
  zip, one part      --part-size above the member count: the whole archive is one task, as every archive was before
                     it was read in shares;
  zip, shares        --part-size P: the archive in shares of P members, a task each;
  tar.gz, shares     the same of the .tar.gz (each share inflates it again up to its members);
  folder             the extracted folder, in parts of P .txt files: the peer, what a user who extracts it first gets.
Wall seconds (medians; the cluster's start is in every run alike), and each against the one-part run. The four
outputs are compared record by record (the archives' ids are the folder's); the run fails if any differs.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_archives import ROOT, build


def label(path: Path, part_size: int, out: Path) -> tuple[float, list[dict]]:
    """Wall seconds of one Dask label run of `path`, and its records."""
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "dvtopics", "-q", "label", str(path), "--engine", "dask", "-j", "2",
                           "--part-size", str(part_size), "--no-cache", "--out", str(out)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    took = time.perf_counter() - started
    if done.returncode not in (0, 1):  # (1: some articles are errors, as a real collection has)
        raise SystemExit(f"{path.name}: exit {done.returncode}: {done.stderr.strip()}")
    return took, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def timed_runs(runs: list[tuple[str, Path, int]], options, where: Path, baseline: str) -> dict[str, list[dict]]:
    """Each of `runs` (name, input, --part-size) `options.repeats` times, taking turns (a slow minute of the machine
    falls on all of them); prints each one's median seconds against `baseline`'s, and returns each one's records."""
    seconds: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    records: dict[str, list[dict]] = {}
    for _ in range(options.repeats):
        for name, path, part_size in runs:
            took, records[name] = label(path, part_size, where / "out.jsonl")
            seconds[name].append(took)
    print(f"{options.articles} baomoi articles, --part-size {options.part_size}, 2 workers, no cache; "
          f"medians of {options.repeats}")
    base = statistics.median(seconds[baseline])
    print(f"{'':16} {'seconds':>8} {'vs ' + baseline:>20}")
    for name, _, _ in runs:
        median = statistics.median(seconds[name])
        print(f"{name:16} {median:8.1f} {median / base:19.2f}x")
    return records


def parse_options(doc: str) -> argparse.Namespace:
    """--articles, --part-size and --repeats, the options of a Dask benchmark whose docstring is `doc`."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--part-size", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    return parser.parse_args()


def main() -> int:
    options = parse_options(__doc__)
    with tempfile.TemporaryDirectory(prefix="bench-dask-archive-") as temporary:
        where = Path(temporary)
        paths = build(where, options.articles)
        runs = [("zip, one part", paths["zip"], options.articles + 1),
                ("zip, shares", paths["zip"], options.part_size),
                ("tar.gz, shares", paths["tgz"], options.part_size),
                ("folder", paths["folder"], options.part_size)]
        records = timed_runs(runs, options, where, "zip, one part")
        folder = records["folder"]
        differ = {name: sum(a != b for a, b in zip(found, folder)) + abs(len(found) - len(folder))
                  for name, found in records.items()}
        print(f"records: {len(folder)}; differing from the folder's: {differ}")
        return 1 if any(differ.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
