"""Topic labels by relevance alone, and by relevance among each topic's most probable words (the shipped way).

    .venv/bin/python benchmarks/topic_labels.py [--cache-dir C] [--fits 600:6,3000:10]

For each --fits ARTICLES:K, an LDA is fitted (`jobs.fit_topics`, the defaults of `dvtopics topics fit`) on the first
ARTICLES baomoi 2017 articles, and each topic is labelled twice: by LDAvis relevance (λ = LABEL_LAMBDA) over the whole
vocabulary, as labels were before the thirty-sixth session, and among its LABEL_CANDIDATES most probable words.
Printed: both labels of each topic, and how many are the same. It shows which words name the topics; whether
readers find the labels better is not measured.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import dvtopics.topics.model as topic_model
from dvtopics import jobs
from dvtopics.topics.model import load_topic_model

from bench_label import sample_file


def labels_both_ways(directory: Path) -> tuple[list[str], list[str]]:
    model, _ = load_topic_model(directory)
    model.names_ = None  # (the words, not the names topics.json holds)
    shipped = model.topic_labels()
    candidates = topic_model.LABEL_CANDIDATES
    topic_model.LABEL_CANDIDATES = len(model.dictionary_)  # every word a candidate: relevance alone
    try:
        alone = model.topic_labels()
    finally:
        topic_model.LABEL_CANDIDATES = candidates
    return alone, shipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None)
    parser.add_argument("--fits", default="600:6,3000:10", help="ARTICLES:K, comma-separated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for fit in args.fits.split(","):
            n_articles, k = map(int, fit.split(":"))
            out = Path(tmp) / f"t{n_articles}"
            jobs.fit_topics(jobs.Reading([sample_file(n_articles, Path(tmp))], cache_dir=args.cache_dir), str(out), k)
            alone, shipped = labels_both_ways(out)
            print(f"\n{n_articles} articles, K = {k}: {sum(a == s for a, s in zip(alone, shipped))} of {k} labels "
                  "the same")
            for topic, (before, now) in enumerate(zip(alone, shipped)):
                print(f"  #{topic:<3} relevance alone: {before:<36} among the {topic_model.LABEL_CANDIDATES} most "
                      f"probable: {now}")


if __name__ == "__main__":
    main()
