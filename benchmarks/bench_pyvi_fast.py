"""Time pyvi against dvtopics.pyvi_fast on VNTC sentences, on one core.

    python benchmarks/bench_pyvi_fast.py [--articles 2000] [--repeats 3]

Articles are split on newlines, then on sentence ends, as pyvi must only
ever see one sentence at a time.  Each repeat times (a) pyvi per sentence,
(b) pyvi_fast.tokenize per sentence, (c) pyvi_fast.tokenize_many per batch
of sentences; medians over repeats are reported.  The three take turns batch
by batch, and times are CPU time of this single-threaded process, so load
from others on a shared machine hits all three alike.  The first repeat
includes filling pyvi_fast's token cache.
"""

import argparse
import gzip
import json
import re
import statistics
import time

from pyvi.ViTokenizer import ViTokenizer

from dvtopics import pyvi_fast

CORPUS = "/work/shared/corpora/vntc_train.jsonl.gz"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
BATCH = 500  # sentences: short turns, so the three see the same machine load


def read_sentences(path, n_articles):
    sentences = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for _, line in zip(range(n_articles), lines):
            for text_line in json.loads(line)["text"].split("\n"):
                sentences.extend(SENTENCE_END.split(text_line))
    return sentences


RUNS = {
    "(a) pyvi per sentence": lambda ss: [ViTokenizer.tokenize(s) for s in ss],
    "(b) pyvi_fast.tokenize": lambda ss: [pyvi_fast.tokenize(s) for s in ss],
    "(c) pyvi_fast.tokenize_many": pyvi_fast.tokenize_many,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--corpus", default=CORPUS)
    args = parser.parse_args()

    sentences = read_sentences(args.corpus, args.articles)
    chars = sum(map(len, sentences))
    print(f"{args.articles} articles, {len(sentences)} sentences, {chars} chars")
    pyvi_fast.tokenize("")  # load the model outside the timings, as pyvi does on import

    batches = [sentences[i:i + BATCH] for i in range(0, len(sentences), BATCH)]
    seconds = {name: [] for name in RUNS}
    for _ in range(args.repeats):
        outputs = {name: [] for name in RUNS}
        spent = dict.fromkeys(RUNS, 0.0)
        for batch in batches:
            for name, run in RUNS.items():
                start = time.process_time()
                outputs[name].extend(run(batch))
                spent[name] += time.process_time() - start
        for name in RUNS:
            seconds[name].append(spent[name])

    baseline = statistics.median(seconds["(a) pyvi per sentence"])
    for name, times in seconds.items():
        median = statistics.median(times)
        print(f"{name:30s} {chars / median:12,.0f} chars/CPU-s  "
              f"x{baseline / median:.2f} vs (a)  "
              f"runs: {', '.join(f'{t:.2f}s' for t in times)}")
    reference = outputs["(a) pyvi per sentence"]
    same = all(out == reference for out in outputs.values())
    print("outputs identical:", same)
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
