"""`topic_words.png`, the topics' words figure `topics fit` writes: this checkout against an earlier commit.

    .venv/bin/python benchmarks/bench_topic_words.py --before 826744b --cache-dir C
    .venv/bin/python benchmarks/bench_topic_words.py --ks 60 --repeats 3 --large-repeats 0

Real words: an LDA of the first --articles baomoi 2017 articles (segmented through the cache C, or a new one) is
fitted once for each K in --ks, one pass from a random start (rough topics, real words: the figure's cost
depends on how many topics and words it draws and how long they are, not on how good the topics are), and its
top 10 words, labels and shares are written to a file. Each figure is then drawn and saved as a PNG by a fresh
process of each variant, taking turns (before, after, before, ...): "before" is the code of --before taken from
git, "after" this checkout. Per run: wall and CPU seconds of drawing and saving (not of Python's start or the
imports), and the PNG's size in pixels. Printed: medians and each K's ratio before/after. K above 100 is run
--large-repeats times (the code before this change took minutes there).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_label import sample_file
from bench_report import checkout

ROOT = Path(__file__).resolve().parents[1]

DRAW = r"""
import inspect, json, sys, time
from dvtopics.report import plots
data = json.load(open(sys.argv[1], encoding="utf-8"))
wall, cpu = time.perf_counter(), time.process_time()
options = {"shares": data["shares"]} if "shares" in inspect.signature(plots.topic_words_figure).parameters else {}
fig = plots.topic_words_figure(data["top_words"], plots.numbered_labels(data["labels"]), **options)
plots.save_figure(fig, sys.argv[2])
print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu]))
"""


def fit_words(k: int, articles: Path, cache: str | None, out: Path) -> Path:
    """The top words, labels and shares of an LDA with `k` topics of `articles`, as `topics fit` gives them."""
    from dvtopics.jobs import Reading, read_segmented
    from dvtopics.topics.model import TopicModel, topic_shares

    data = read_segmented(Reading([articles], cache_dir=cache), progress=False)
    model = TopicModel(n_topics=k, init="random", max_iter=1)
    mixes = model.fit_transform(data.texts)
    out.write_text(json.dumps({"top_words": model.top_words(10), "labels": model.topic_labels(),
                               "shares": topic_shares(mixes).tolist()}, ensure_ascii=False), encoding="utf-8")
    return out


def png_size(path: Path) -> tuple[int, int]:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = None  # the figure of 600 topics before this change: 1584 × 70,200 pixels
    with Image.open(path) as image:
        return image.size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="826744b", help="the commit to compare with")
    parser.add_argument("--ks", default="60,600")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--large-repeats", type=int, default=1, help="runs of each variant for K above 100")
    parser.add_argument("--cache-dir", help="a segmentation cache (default: a new one)")
    args = parser.parse_args()
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        articles = sample_file(args.articles, tmp)
        code = {"before": checkout(args.before, tmp / "before"), "after": ROOT}
        figures = {}
        for k in (int(k) for k in args.ks.split(",")):
            words = fit_words(k, articles, args.cache_dir, tmp / f"words{k}.json")
            for turn in range(args.repeats if k <= 100 else args.large_repeats):
                for variant in ("before", "after"):
                    png = tmp / f"{variant}{k}.png"
                    # in the temporary folder: `python -m`'s and `-c`'s working folder comes first on the path
                    done = subprocess.run(["env", "-C", str(tmp), f"PYTHONPATH={code[variant]}", sys.executable, "-c",
                                           DRAW, str(words), str(png)], check=True, capture_output=True, text=True)
                    wall, cpu = json.loads(done.stdout.strip().splitlines()[-1])
                    figures.setdefault((k, variant), []).append((wall, cpu, png_size(png)))
                    print(f"K={k} run {turn + 1} {variant}: {wall:.1f} s wall, {cpu:.1f} s CPU, "
                          f"{'×'.join(map(str, png_size(png)))} px, load {os.getloadavg()[0]:.1f}", flush=True)
    loads = [", ".join(f"{x:.1f}" for x in load) for load in (load_start, os.getloadavg())]
    print(f"\n`topic_words.png` of LDAs of the first {args.articles} baomoi articles, medians; load average at the "
          f"start {loads[0]}, at the end {loads[1]}")
    print(f"{'K':>4} {'variant':<8} {'runs':>4} {'wall s':>8} {'CPU s':>8} {'pixels':>12} {'CPU before/after':>17}")
    for (k, variant), runs in figures.items():
        cpu = statistics.median(r[1] for r in runs)
        ratio = ""
        if variant == "after" and (k, "before") in figures:
            ratio = f"{statistics.median(r[1] for r in figures[(k, 'before')]) / cpu:.1f}x"
        print(f"{k:>4} {variant:<8} {len(runs):>4} {statistics.median(r[0] for r in runs):>8.1f} {cpu:>8.1f} "
              f"{'×'.join(map(str, runs[-1][2])):>12} {ratio:>17}")


if __name__ == "__main__":
    main()
