"""How the default engine's settings were chosen: each setting changed alone, over seeds, on both corpora.

    .venv/bin/python benchmarks/topic_settings.py --corpus baomoi
    .venv/bin/python benchmarks/topic_settings.py --corpus vntc_train --settings default,phrases,no_below_5

The same seeded sample as `bench_topics.py` (`random.Random(20261122).shuffle`, first `--sample`); for each
setting in SETTINGS (a change to `TopicModel`'s defaults), one fit per seed at K=20, NPMI and diversity
counted as `bench_topics.py` does (every pyvi token of each article; top 10 / top 25 words). Prints a
Markdown table: mean ± standard deviation over seeds, each seed's NPMI, and the median CPU time of a fit.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_topics import log, sample_articles  # noqa: E402

SETTINGS = {
    "default": {},
    "phrases": {"phrases": True},
    "no_below_5": {"no_below": 5},
    "passes_3": {"max_iter": 3},
    "passes_10": {"max_iter": 10},
    "alpha_auto": {"alpha": "auto"},
    "eta_0.001": {"eta": 0.001},
    "random_start": {"init": "random"},
    "random_start_tuned": {"init": "random", "max_iter": 15, "alpha": "auto", "eta": "auto"},
    "nmf": {"engine": "nmf"},
    "nmf_no_below_5": {"engine": "nmf", "no_below": 5},
    "nmf_phrases": {"engine": "nmf", "phrases": True},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="baomoi")
    parser.add_argument("--sample", type=int, default=3000)
    parser.add_argument("--settings", default=",".join(SETTINGS))
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--k", type=int, default=20)
    args = parser.parse_args()

    from gensim.corpora import Dictionary

    from dvtopics.text.cache import SegmentCache
    from dvtopics.text.segment import segment_many
    from dvtopics.topics.measures import NPMI_TOP_N, ReferenceTokens, coherence_per_topic, topic_diversity
    from dvtopics.topics.model import TopicModel

    seeds = [int(s) for s in args.seeds.split(",")]
    names = args.settings.split(",")
    texts = segment_many([a.text for a in sample_articles(args.corpus, args.sample)], n_jobs=2,
                         cache=SegmentCache(), lower=True)
    fits = []
    for name in names:
        for seed in seeds:
            started = time.process_time()
            model = TopicModel(n_topics=args.k, random_state=seed, **SETTINGS[name]).fit(texts)
            fits.append({"setting": name, "seed": seed, "cpu": time.process_time() - started,
                         "vocabulary": len(model.dictionary_),
                         "words": [[w for w, _ in topic] for topic in model.top_words(25)]})
            log(f"{name} seed {seed}: {fits[-1]['cpu']:.1f} CPU s")
    topics = [words[:NPMI_TOP_N] for fit in fits for words in fit["words"]]
    npmi = coherence_per_topic(topics, ReferenceTokens(texts), Dictionary(topics), "c_npmi")
    for i, fit in enumerate(fits):
        fit["npmi"] = statistics.fmean(v for v in npmi[i * args.k:(i + 1) * args.k] if math.isfinite(v))
        fit["diversity"] = topic_diversity(fit["words"])
    lines = [f"{args.corpus}, {len(texts):,} articles, K={args.k}, seeds {args.seeds}", "",
             "| setting | NPMI mean ± sd | per seed | diversity mean ± sd | CPU s (median) | vocabulary |",
             "|---|---:|---|---:|---:|---:|"]
    for name in names:
        mine = [f for f in fits if f["setting"] == name]
        n, d = [f["npmi"] for f in mine], [f["diversity"] for f in mine]
        lines.append(f"| {name} `{json.dumps(SETTINGS[name])}` | {np.mean(n):.3f} ± {np.std(n):.3f} | "
                     f"{', '.join(f'{v:.3f}' for v in n)} | {np.mean(d):.3f} ± {np.std(d):.3f} | "
                     f"{statistics.median(f['cpu'] for f in mine):.1f} | {mine[0]['vocabulary']:,} |")
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
