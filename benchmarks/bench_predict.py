"""The classifier's own CPU time, this checkout against an earlier commit: `Classifier.predict` in one process.

    .venv/bin/python benchmarks/bench_predict.py --before 655d20a --repeats 4

Whole commands (bench_report.py) include start-up, reading and worker processes, and their CPU seconds vary
by a quarter from run to run on a shared VM; this times only what each labelling worker does with its
batches: the first --limit baomoi 2017 articles, read and held in memory, labelled in batches of 256 by the
shipped model of each version, with a new, empty segmentation cache (cold), measured with
`time.process_time`. Each run is a fresh process; the two versions take turns. "before" is `git archive` of
--before, run with the same venv. Prints every run, the medians and their ratio, and whether the labels
agree.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_label import BAOMOI, ROOT
from bench_report import checkout

ONE_RUN = r"""
import itertools, json, sys, tempfile, time
from dvtopics.io.read import read_articles
from dvtopics.text.cache import SegmentCache
from dvtopics.types.model import load_classifier
articles = list(itertools.islice(read_articles([sys.argv[1]]), int(sys.argv[2])))
classifier = load_classifier(None)
classifier.predict(articles[:5])  # the first call's set-up (tables, feature names) is not the work timed
cache = SegmentCache(tempfile.mkdtemp())
start = time.process_time()
labels = []
for i in range(0, len(articles), 256):
    labels += [record["label"] for record in classifier.predict(articles[i:i + 256], cache=cache)]
print(json.dumps({"cpu": time.process_time() - start, "labels": labels}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, help="the commit to compare with")
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        code = {"before": checkout(args.before, Path(tmp) / "before"), "after": ROOT}
        cpu, labels = {"before": [], "after": []}, {}
        for k in range(args.repeats):
            for variant in ("before", "after"):
                # run from the empty folder: the checkout's own folder would win over PYTHONPATH
                result = subprocess.run(["env", "-C", tmp, f"PYTHONPATH={code[variant]}", sys.executable, "-c",
                                         ONE_RUN, str(BAOMOI), str(args.limit)],
                                        check=True, capture_output=True, text=True)
                run = json.loads(result.stdout.strip().splitlines()[-1])
                cpu[variant].append(run["cpu"])
                labels.setdefault(variant, run["labels"])
                print(f"run {k + 1}/{args.repeats} {variant}: predict {run['cpu']:.2f} CPU-s", flush=True)
    before, after = statistics.median(cpu["before"]), statistics.median(cpu["after"])
    print(f"\nClassifier.predict of {args.limit} baomoi articles, cold cache, CPU seconds, medians of {args.repeats}: "
          f"before ({args.before}) {before:.2f}, after {after:.2f}: {before / after:.2f}x")
    print(f"before: {', '.join(f'{c:.2f}' for c in cpu['before'])}; after: {', '.join(f'{c:.2f}' for c in cpu['after'])}")
    print(f"the same labels: {labels['before'] == labels['after']}")


if __name__ == "__main__":
    main()
