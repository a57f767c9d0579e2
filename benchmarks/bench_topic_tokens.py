"""The words a topic fit reads (`TopicModel._text_units`: stopwords, captions, a page's marks): this checkout against
an earlier commit, on real segmented articles.

    git worktree add /tmp/before REV
    .venv/bin/python benchmarks/bench_topic_tokens.py --before /tmp/before [--sample 3000] [--repeats 5]

The first --sample baomoi 2017 articles (read from ../shared/corpora, never copied) are segmented once through the
on-disk cache and written, segmented, to a temporary file. A fresh process of each variant ("before": the code in the
--before checkout, by PYTHONPATH; "after": this checkout) then reads the texts into the words of their paragraphs and
of their documents, taking turns (before, after, before, ...), and prints its CPU seconds for that step alone (not
Python's start, the imports or reading the file) and how many words it kept. Printed: medians, the ratio after/before,
and the words each kept (they differ by what the change drops: a page's marks, two-syllable stopwords left apart).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAOMOI = ROOT.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"

RUN = r"""
import json, sys, time
from dvtopics.topics.model import TopicModel
texts = json.load(open(sys.argv[1], encoding="utf-8"))
kept, start = 0, time.process_time()
for unit in ("paragraph", "document"):
    kept += sum(len(tokens) for tokens in TopicModel(unit=unit)._unit_tokens(texts))
print(json.dumps({"cpu": time.process_time() - start, "kept": kept}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="a checkout of the earlier commit (git worktree add)")
    parser.add_argument("--sample", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from dvtopics.io.read import read_articles
    from dvtopics.text.segment import SegmentCache, segment_many

    articles = list(itertools.islice(read_articles([BAOMOI]), args.sample))
    texts = segment_many([a.text for a in articles], n_jobs=2, cache=SegmentCache())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "texts.json"
        path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        runs = {"before": [], "after": []}
        for _ in range(args.repeats):
            for name, code in (("before", args.before), ("after", str(ROOT))):
                env = {**os.environ, "PYTHONPATH": code}
                # (run from the temporary folder: from the repository's root, "-c" put its dvtopics before PYTHONPATH's,
                # and "before" ran this checkout's code too)
                out = subprocess.run([sys.executable, "-c", RUN, str(path)], env=env, capture_output=True, text=True,
                                     check=True, cwd=folder).stdout
                runs[name].append(json.loads(out.strip().splitlines()[-1]))
    print(f"{len(texts)} baomoi articles, segmented; the words of their paragraphs and of their documents; "
          f"{args.repeats} runs each, taking turns; medians")
    medians = {name: statistics.median(run["cpu"] for run in results) for name, results in runs.items()}
    for name, results in runs.items():
        each = ", ".join(f"{run['cpu']:.2f}" for run in results)
        print(f"{name:<7} CPU {medians[name]:6.2f} s  words kept {results[0]['kept']:,}  runs {each}")
    print(f"after/before CPU: {medians['after'] / medians['before']:.2f}x; words kept after/before: "
          f"{runs['after'][0]['kept'] / runs['before'][0]['kept']:.4f}")


if __name__ == "__main__":
    main()
