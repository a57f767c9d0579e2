"""pyvi against dvtopics.text.pyvi_fast on VNTC train sentences, one core, CPU time; and their identity.

    .venv/bin/python benchmarks/bench_pyvi_fast.py [--articles 2000] [--repeats 3] [--batch 2000]
    .venv/bin/python benchmarks/bench_pyvi_fast.py --articles 0 --repeats 1   # all of VNTC train

Articles are split on newlines, then on sentence ends, as pyvi must only ever
see one sentence at a time. Each repeat times (a) pyvi's ViTokenizer.tokenize
per sentence and (b) pyvi_fast.tokenize_many on batches of --batch sentences
(how dvtopics calls it). The two take turns batch by batch, and times are CPU
time of this single-threaded process, so load from others on a shared machine
hits both alike; medians over repeats are printed. The first repeat includes
filling pyvi_fast's table of syllables. Every sentence's output is compared:
the count of identical ones is printed, and any difference fails the run.
Model loading is outside the timings on both sides (pyvi loads on import).
"""

import argparse
import gzip
import itertools
import json
import re
import statistics
import time
from pathlib import Path

from pyvi.ViTokenizer import ViTokenizer

from dvtopics.text import pyvi_fast

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "vntc_train.jsonl.gz"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def read_sentences(path, n_articles):
    sentences = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, n_articles or None):
            for text_line in json.loads(line)["text"].split("\n"):
                sentences.extend(SENTENCE_END.split(text_line))
    return sentences


RUNS = {
    "(a) pyvi ViTokenizer.tokenize, per sentence": lambda ss: [ViTokenizer.tokenize(s) for s in ss],
    "(b) pyvi_fast.tokenize_many, per batch": pyvi_fast.tokenize_many,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="first N articles (0: all)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch", type=int, default=2000, help="sentences per tokenize_many call")
    parser.add_argument("--corpus", default=CORPUS)
    args = parser.parse_args()

    sentences = read_sentences(args.corpus, args.articles)
    chars = sum(map(len, sentences))
    print(f"{args.articles or 'all'} articles, {len(sentences):,} sentences, {chars:,} chars")
    pyvi_fast.tokenize("")  # load the model outside the timings, as pyvi does on import

    batches = [sentences[i:i + args.batch] for i in range(0, len(sentences), args.batch)]
    seconds = {name: [] for name in RUNS}
    for _ in range(args.repeats):
        spent = dict.fromkeys(RUNS, 0.0)
        identical = 0
        for batch in batches:
            outputs = []
            for name, run in RUNS.items():
                start = time.process_time()
                outputs.append(run(batch))
                spent[name] += time.process_time() - start
            identical += sum(a == b for a, b in zip(*outputs))
        for name in RUNS:
            seconds[name].append(spent[name])

    baseline = statistics.median(seconds[next(iter(RUNS))])
    for name, times in seconds.items():
        median = statistics.median(times)
        print(f"{name:46s} {chars / median:12,.0f} chars/CPU-s  x{baseline / median:.2f}  "
              f"runs: {', '.join(f'{t:.2f}s' for t in times)}")
    print(f"identical outputs: {identical:,} of {len(sentences):,} sentences")
    if identical != len(sentences):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
