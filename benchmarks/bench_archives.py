"""Reading an archive of articles as it stands against extracting it first (Hunt 30 N).

    .venv/bin/python benchmarks/bench_archives.py [--articles 3000] [--repeats 3]

Builds, in a temporary folder removed at the end (no corpus text is kept), a folder `bai-bao-2017/` of one .txt per
article from the first --articles baomoi 2017 articles (title, a blank line, the text; 30 subfolders, as a year's
collection is kept by month and site), and that folder compressed as a user sends it: `bai-bao-2017.zip` (deflate,
the folder inside it, as Explorer's and Finder's "Compress" make it) and `bai-bao-2017.tar.gz` (`tar czf`).

Then, in fresh processes taking turns, --repeats times (medians printed):
  dvtopics zip      `read_articles("bai-bao-2017.zip")`: every Article, nothing extracted;
  peer zip          `unzip -q` into a temporary folder (zipfile's extractall where there is no unzip), then
                    `read_articles` over that folder (extraction and reading timed together; the folder removed after);
  dvtopics tar.gz   `read_articles("bai-bao-2017.tar.gz")`;
  peer tar.gz       tarfile's extractall into a temporary folder, then `read_articles` over it;
  folder            `read_articles` over the folder on disk (what reading costs without any archive).
For each: wall seconds of its reading (import excluded), articles/s, peak RSS (VmHWM). Ratios: each archive's read
against its peer, and against the folder.

Agreement: every article (id, title, text, date, source, error) of each archive read as it stands against the same
article of the folder on disk; the count that differ is printed, and the run fails if any does.
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAOMOI = ROOT.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"

READ = r"""
import atexit, json, os, shutil, subprocess, sys, tarfile, tempfile, time, zipfile
sys.path.insert(0, sys.argv[4])
def _peak():
    with open("/proc/self/status") as status:
        print(next(line for line in status if line.startswith("VmHWM")), file=sys.stderr)
atexit.register(_peak)
from dvtopics.io.read import read_articles
mode, given = sys.argv[1], sys.argv[2]
started = time.perf_counter()
if mode.startswith("peer"):
    folder = tempfile.mkdtemp(prefix="bench-archives-")
    if given.endswith(".zip") and shutil.which("unzip"):
        subprocess.run(["unzip", "-q", given, "-d", folder], check=True)
    elif given.endswith(".zip"):
        zipfile.ZipFile(given).extractall(folder)
    else:
        with tarfile.open(given) as archive:
            archive.extractall(folder, filter="data")
    given = os.path.join(folder, os.listdir(folder)[0])
kept = [(a.id, a.title, a.text, str(a.date), a.source, a.error) for a in read_articles(given)]
seconds = time.perf_counter() - started
if mode.startswith("peer"):
    shutil.rmtree(folder)
with open(sys.argv[3], "w", encoding="utf-8") as out:
    json.dump({"seconds": seconds, "articles": kept}, out, ensure_ascii=False)
"""

RUNS = [("dvtopics zip", "zip"), ("peer zip", "zip"), ("dvtopics tar.gz", "tgz"), ("peer tar.gz", "tgz"),
        ("folder", "folder")]


def build(where: Path, count: int) -> dict[str, Path]:
    folder = where / "bai-bao-2017"
    with gzip.open(BAOMOI, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n == count:
                break
            record = json.loads(line)
            path = folder / f"{n % 30:02d}" / f"{record['id']}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{record['title']}\n\n{record['text']}\n", encoding="utf-8")
    with zipfile.ZipFile(where / "bai-bao-2017.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, path.relative_to(where).as_posix())
    with tarfile.open(where / "bai-bao-2017.tar.gz", "w:gz") as archive:
        archive.add(folder, "bai-bao-2017")
    return {"folder": folder, "zip": where / "bai-bao-2017.zip", "tgz": where / "bai-bao-2017.tar.gz"}


def run(name: str, path: Path, out: Path) -> tuple[float, int, list]:
    done = subprocess.run([sys.executable, "-c", READ, name, str(path), str(out), str(ROOT)], capture_output=True,
                          text=True, check=True)
    peak = int(next(line for line in done.stderr.splitlines() if line.startswith("VmHWM")).split()[1])
    result = json.loads(out.read_text(encoding="utf-8"))
    return result["seconds"], peak, result["articles"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-archives-") as temporary:
        where = Path(temporary)
        paths = build(where, options.articles)
        sizes = {kind: path.stat().st_size for kind, path in paths.items() if kind != "folder"}
        print(f"{options.articles} articles; zip {sizes['zip'] / 2**20:.1f} MB, tar.gz {sizes['tgz'] / 2**20:.1f} MB")
        seconds: dict[str, list[float]] = {name: [] for name, _ in RUNS}
        peaks: dict[str, list[int]] = {name: [] for name, _ in RUNS}
        articles: dict[str, list] = {}
        for _ in range(options.repeats):
            for name, kind in RUNS:  # (taking turns: a slow minute of the machine falls on all of them)
                took, peak, read = run(name, paths[kind], where / "out.json")
                seconds[name].append(took)
                peaks[name].append(peak)
                articles[name] = read
        median = {name: statistics.median(values) for name, values in seconds.items()}
        print(f"{'':16} {'seconds':>8} {'articles/s':>10} {'peak MB':>8}")
        for name, _ in RUNS:
            print(f"{name:16} {median[name]:8.2f} {len(articles[name]) / median[name]:10.0f} "
                  f"{statistics.median(peaks[name]) / 1024:8.0f}")
        for kind in ("zip", "tar.gz"):
            print(f"{kind}: dvtopics / peer {median[f'dvtopics {kind}'] / median[f'peer {kind}']:.2f}, "
                  f"dvtopics / folder {median[f'dvtopics {kind}'] / median['folder']:.2f}")
        folder = {article[0]: article for article in articles["folder"]}
        failed = False
        for name in ("dvtopics zip", "dvtopics tar.gz", "peer zip", "peer tar.gz"):
            differ = sum(folder.get(article[0]) != article for article in articles[name])
            missing = len(folder) - len({article[0] for article in articles[name]} & set(folder))
            print(f"{name}: {len(articles[name])} articles, {differ} differ from the folder's, {missing} missing")
            failed |= bool(differ or missing)
        shutil.rmtree(paths["folder"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
