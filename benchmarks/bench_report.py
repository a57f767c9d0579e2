"""Whole commands, this checkout against an earlier commit, side by side: `dvtopics report` (or `label`).

    .venv/bin/python benchmarks/bench_report.py --limit 3000 --repeats 3 --jobs 1,2
    .venv/bin/python benchmarks/bench_report.py --command label --limit 3000 --repeats 5 --jobs 2
    .venv/bin/python benchmarks/bench_report.py --limit 0 --repeats 1 --jobs 2          # all 35,440 articles
    .venv/bin/python benchmarks/bench_report.py --limit 10000 --warm-cache --before 826744b   # memory, not labelling

On the first --limit baomoi 2017 articles (0: all), each run a fresh process tree from start to exit with a
new, empty segmentation cache (cold), the runs taking turns (before, after, before, after, ...) so that the
load of other jobs falls on both alike. "before" is the code of --before (default f940032, the commit this
round of issue 20 started from), taken from git with `git archive` and run with the same venv and the same
shipped model; "after" is this checkout. The command is run as a user types it (`python -m dvtopics report
FILE --out r.html --xlsx r.xlsx -j J --cache-dir EMPTY`, or `label FILE --out x.jsonl -j J --cache-dir
EMPTY`), so this does not depend on the package's module layout.

With --warm-cache every run reads one segmentation cache, filled by a run before them that is not counted: the
memory of a report, or the time of its topics, without the minutes of segmenting every article again each run.

Per run (see bench_label.py, whose measuring it uses): wall, CPU seconds of the process tree, the critical
path ("path": CPU seconds of the longest chain of work, the wall time with a free core per process), peak
resident and proportional memory of the tree, and the peak resident memory of the main process alone ("main
MB", where the articles and the topics' data are held; the figure `/usr/bin/time -v` gives). Printed: medians
over repeats, each variant against "before" with the same -j, and the load average before and after. The outputs
must agree: `label`'s files byte for byte; `report`'s workbooks cell for cell on every sheet and its HTML once the
creation time and matplotlib's random SVG ids and the code's folder are taken out and embedded PNGs compared by
their pixels.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_label import BAOMOI, ROOT, run_measured, sample_file

_CREATED = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")
_SVG_ID = re.compile(r"-(?:p|m|image)[0-9a-f]{10}\b")  # matplotlib's ids of clip paths, markers, images: random
_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=\n]+)")  # a heatmap's image: compared by its pixels


def _pixels(match: re.Match) -> str:
    import base64
    import hashlib
    import io

    import numpy as np
    from PIL import Image

    image = np.asarray(Image.open(io.BytesIO(base64.b64decode(match.group(1).replace("\n", "")))))
    return f"PNG {image.shape} {hashlib.sha256(image.tobytes()).hexdigest()}"


def checkout(revision: str, directory: Path) -> Path:
    """The package and models of `revision`, extracted into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "dvtopics", "models"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(directory)], input=archive, check=True)
    return directory


def workbook_values(path: Path) -> dict:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return {name: [tuple(row) for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}


def outputs_of(command: str, out: Path, code: Path) -> object:
    if command == "label":
        return out.read_bytes()
    html = _PNG.sub(_pixels, _SVG_ID.sub("-ID", _CREATED.sub("CREATED", out.read_text(encoding="utf-8"))))
    # the model's folder, in the report's provenance: where the code is, or this checkout (an installed copy)
    html = html.replace(str(code), "CODE").replace(str(ROOT), "CODE")
    html = re.sub(r" --n-jobs \d+", "", html)  # the command it quotes: runs with other -j are compared too
    return html, workbook_values(out.with_suffix(".xlsx"))


def label_differences(first: bytes, second: bytes) -> str:
    """How two `label --out` JSONL files differ, article by article (the same ids, in the same order): how many
    labels, titles and sources differ, and the largest difference of confidence."""
    rows = [[json.loads(line) for line in data.splitlines() if line.strip()] for data in (first, second)]
    if [r["id"] for r in rows[0]] != [r["id"] for r in rows[1]]:
        return "not the same articles"
    pairs = list(zip(*rows))
    differ = {key: sum(a.get(key) != b.get(key) for a, b in pairs) for key in ("label", "title", "source")}
    gap = max((abs((a.get("confidence") or 0) - (b.get("confidence") or 0)) for a, b in pairs), default=0)
    return (f"of {len(pairs)} articles, {differ['label']} labels, {differ['title']} titles and {differ['source']} "
            f"sources differ; confidences by at most {gap:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--command", choices=("report", "label"), default="report")
    parser.add_argument("--limit", type=int, default=3000, help="articles (0: the whole file)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", default="2", help="-j values to run, comma-separated")
    parser.add_argument("--before", default="f940032", help="the commit to compare with")
    parser.add_argument("--variants", default="before,after")
    parser.add_argument("--warm-cache", action="store_true", help="one segmentation cache, filled before the runs")
    args = parser.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    variants = args.variants.split(",")
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = sample_file(args.limit, tmp) if args.limit else BAOMOI
        n = args.limit or sum(1 for _ in gzip.open(BAOMOI, "rb"))
        code = {"before": checkout(args.before, tmp / "before"), "after": ROOT}
        names = [(variant, j) for j in jobs for variant in variants]
        figures = {name: [] for name in names}
        outputs = {name: [] for name in names}

        def command(variant: str, j: int, cache: Path, target: Path) -> list[str]:
            extra = ["--xlsx", str(target.with_suffix(".xlsx"))] if args.command == "report" else []
            # run in the temporary folder: `python -m` puts the working folder first on the path, and in
            # this checkout that would import its dvtopics whatever PYTHONPATH says
            return ["env", "-C", str(tmp), f"PYTHONPATH={code[variant]}", sys.executable, "-m", "dvtopics", "-q",
                    args.command, str(source), "--out", str(target), *extra, "-j", str(j), "--cache-dir", str(cache)]

        warm = tmp / "warm-cache"
        if args.warm_cache:
            (tmp / "warm-up").mkdir()
            subprocess.run(command("after", max(jobs), warm, tmp / "warm-up" / "r.html"), check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for k in range(args.repeats):
            for variant, j in names:
                # the same paths every run: the report quotes its command
                cache, out = warm if args.warm_cache else tmp / "cache", tmp / "out"
                out.mkdir()
                target = out / ("labels.jsonl" if args.command == "label" else "r.html")
                figures[(variant, j)].append(run_measured(command(variant, j, cache, target)))
                outputs[(variant, j)].append(outputs_of(args.command, target, code[variant]))
                print(f"run {k + 1}/{args.repeats} {variant} -j {j}: {figures[(variant, j)][-1][0]:.1f} s wall, "
                      f"{figures[(variant, j)][-1][1]:.1f} s CPU, main process {figures[(variant, j)][-1][5]:.0f} MB, "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
                if not args.warm_cache:
                    shutil.rmtree(cache)
                shutil.rmtree(out)

    def median(name, i):
        return statistics.median(row[i] for row in figures[name])

    print(f"\n`dvtopics {args.command}`, {n} baomoi articles, {'warm' if args.warm_cache else 'cold'} cache, "
          f"{args.repeats} runs each, taking turns; "
          f"medians. Load average (1, 5, 15 min) at the start {', '.join(f'{x:.1f}' for x in load_start)}, "
          f"at the end {', '.join(f'{x:.1f}' for x in os.getloadavg())}, on {os.cpu_count()} CPUs")
    print(f"{'run':<14} {'wall s':>8} {'art/s':>7} {'CPU s':>8} {'path s':>8} {'art/s free':>10} {'RSS MB':>7} "
          f"{'PSS MB':>7} {'main MB':>8} {'wall vs before':>14} {'path vs before':>14} {'main vs before':>14}  walls")
    for variant, j in names:
        wall, cpu, path = median((variant, j), 0), median((variant, j), 1), median((variant, j), 4)
        main_mb = median((variant, j), 5)
        ratios = ["", "", ""]
        if ("before", j) in figures and variant != "before":
            ratios = [f"{median(('before', j), 0) / wall:.2f}x", f"{median(('before', j), 4) / path:.2f}x",
                      f"{main_mb / median(('before', j), 5):.2f}x"]
        print(f"{variant + ' -j ' + str(j):<14} {wall:>8.1f} {n / wall:>7.1f} {cpu:>8.1f} {path:>8.1f} "
              f"{n / path:>10.1f} {max(r[2] for r in figures[(variant, j)]):>7.0f} "
              f"{max(r[3] for r in figures[(variant, j)]):>7.0f} {main_mb:>8.0f} {ratios[0]:>14} {ratios[1]:>14} "
              f"{ratios[2]:>14}  {', '.join(f'{r[0]:.1f}' for r in figures[(variant, j)])}")
    if len(jobs) > 1 and 1 in jobs:
        for variant in variants:
            for j in jobs:
                if j != 1:
                    print(f"{variant}: -j {j} against -j 1: wall {median((variant, 1), 0) / median((variant, j), 0):.2f}x, "
                          f"path {median((variant, 1), 4) / median((variant, j), 4):.2f}x")
    every = [(name, o) for name, outs in outputs.items() for o in outs]
    same = all(o == every[0][1] for _, o in every)
    print("outputs identical across all runs and variants:", same)
    for name, o in every:
        if o != every[0][1]:  # say what differs
            if args.command == "label":
                print(f"  {name}: the label files differ: {label_differences(every[0][1], o)}")
                continue
            import difflib

            if o[0] != every[0][1][0]:
                print(f"  {name}: the HTML differs:", *list(difflib.unified_diff(
                    every[0][1][0].splitlines(), o[0].splitlines(), lineterm="", n=0))[2:8], sep="\n    ")
            for sheet in o[1]:
                if o[1][sheet] != every[0][1][1].get(sheet):
                    print(f"  {name}: sheet {sheet!r} differs")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
