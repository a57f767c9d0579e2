"""Reading a workbook with each sheet's declared size reset (shipped) against openpyxl's default (read only as far
as the sheet declares).

    .venv/bin/python benchmarks/bench_xlsx_reading.py [--articles 3000] [--repeats 3]

The first --articles baomoi 2017 articles are written as one sheet (id, title, text, date) by openpyxl, whose
declared size is right; `read_articles` reads it --repeats times each way, the two taking turns in one process.
Printed: median seconds each way and their ratio, and that both read every article. The reset is what reads a
sheet whose declared size is wrong (WPS Office's "A1"); this measures what it costs where the size is right.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from dvtopics.io.read import read_articles

from bench_label import BAOMOI


def write_workbook(path: Path, n_articles: int) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "title", "text", "date"])
    with gzip.open(BAOMOI, "rt", encoding="utf-8") as source:
        for line in itertools.islice(source, n_articles):
            record = json.loads(line)
            sheet.append([record["id"], record.get("title") or "", record["text"][:32_000], "2017-03-01"])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    reset = ReadOnlyWorksheet.reset_dimensions
    ways = {"reset (shipped)": reset, "as declared (openpyxl default)": lambda sheet: None}
    times: dict[str, list[float]] = {name: [] for name in ways}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.xlsx"
        write_workbook(path, args.articles)
        try:
            for _ in range(args.repeats):
                for name, way in ways.items():
                    ReadOnlyWorksheet.reset_dimensions = way
                    start = time.perf_counter()
                    read = sum(1 for article in read_articles(path) if not article.error)
                    times[name].append(time.perf_counter() - start)
                    assert read == args.articles, (name, read)
        finally:
            ReadOnlyWorksheet.reset_dimensions = reset
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"{name:<36} {median:6.1f} s  (runs: {', '.join(f'{t:.1f}' for t in times[name])})")
    shipped, declared = medians.values()
    print(f"ratio reset / declared: {shipped / declared:.2f}x; each read all {args.articles} articles")


if __name__ == "__main__":
    main()
