"""Topic engines side by side: coherence, diversity, seed spread, stability, CPU time and memory.

    .venv/bin/pip install -e '.[bench]'                                          # tomotopy, the peer
    .venv/bin/python benchmarks/bench_topics.py --corpus baomoi --sample 3000    # the issue's 3,000 articles
    .venv/bin/python benchmarks/bench_topics.py --corpus baomoi --sample 0       # all 35,440
    .venv/bin/python benchmarks/bench_topics.py --corpus vntc_train --sample 3000

The sample is `random.Random(20261122).shuffle` of the corpus' readable articles, the first N (0: all),
read from ../shared/corpora (never copied) and segmented through `segment_many` with the on-disk cache.
Each engine (`--engines`, see RUNS) is fitted at K=`--k` once per seed (`--seeds`), each fit in a fresh
process (`--jobs` at a time) that times the whole `TopicModel.fit` (vocabulary and topics; the
segmentation is done before) in CPU and wall seconds and reads its peak memory (VmHWM). "before" is
dvtopics as it was at commit bc1aed1 (its code taken from git), with its defaults: today's default
before the themes issue.

All topics are then scored in one pass over the same reference, each article's pyvi tokens (lower
case, every token; `dvtopics.topics.measures.ReferenceTokens`): NPMI (gensim `c_npmi`, top 10 words), C_V
(`c_v`, top 10) and diversity (unique words among the top 25 over 25·K). Per engine: the mean and the
standard deviation over seeds, the stability of the topics between seeds (mean best-match Jaccard of
the top 10 words, `topic_stability`) and the median CPU time. Prints a Markdown table and writes it,
with every run's figures and words, to `--out`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import pickle
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
FILES = {"baomoi": "baomoi_2017.jsonl.gz", "vntc_train": "vntc_train.jsonl.gz"}
SAMPLE_SEED = 20261122
BEFORE = "bc1aed1"  # the commit whose default the issue measured
# name -> (what it is, TopicModel parameters); "before" runs the old code with its own defaults
RUNS = {
    "before": ("dvtopics at bc1aed1, its default (gensim LDA, phrases, 10 passes)", {}),
    "gensim": ("default: gensim LDA started from NMF", {"engine": "gensim"}),
    "gensim-random": ("gensim LDA from a random start, same vocabulary", {"engine": "gensim", "init": "random"}),
    "nmf": ("--engine nmf: NMF on sublinear TF-IDF", {"engine": "nmf"}),
    "tomotopy": ("--engine tomotopy: Gibbs LDA, 500 sweeps (the peer)", {"engine": "tomotopy"}),
    "sklearn": ("--engine sklearn: scikit-learn online LDA", {"engine": "sklearn"}),
}


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def sample_articles(name: str, size: int) -> list:
    from dvtopics.io.read import read_articles

    articles = [a for a in read_articles(CORPORA / FILES[name], on_error="record") if not a.error]
    order = list(range(len(articles)))
    random.Random(SAMPLE_SEED).shuffle(order)
    return [articles[i] for i in (order[:size] if size else order)]


def memory_mb(field: str) -> float:
    """VmHWM (peak) or VmRSS (now) of this process in MB. Not ru_maxrss: Linux carries that over
    from the forking parent through exec, so every child would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def fit_worker(job_path: str) -> None:
    """Child process: fit one engine at one seed on the pickled texts; print figures and top words as JSON."""
    job = json.loads(Path(job_path).read_text())
    # the old package, or a copy of this checkout's made at the start: editing the code during a run changes nothing
    sys.path.insert(0, job["before_code"] if job["run"] == "before" else job["current_code"])
    from dvtopics.topics.model import TopicModel

    with open(job["texts"], "rb") as handle:
        texts = pickle.load(handle)
    rss_loaded = memory_mb("VmRSS")
    started, cpu_started = time.perf_counter(), time.process_time()
    model = TopicModel(n_topics=job["k"], random_state=job["seed"], **RUNS[job["run"]][1]).fit(texts)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    print(json.dumps({"run": job["run"], "seed": job["seed"], "seconds": seconds, "cpu_seconds": cpu_seconds,
                      "peak_mb": memory_mb("VmHWM"), "loaded_mb": rss_loaded, "vocabulary": len(model.dictionary_),
                      "words": [[w for w, _ in topic] for topic in model.top_words(25)],
                      "labels": model.topic_labels()}, ensure_ascii=False))


def run_fits(texts: list[str], runs: list[str], seeds: list[int], k: int, jobs: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        text_path = Path(tmp) / "texts.pickle"
        with open(text_path, "wb") as handle:
            pickle.dump(texts, handle)
        current_code = Path(tmp) / "current"
        shutil.copytree(ROOT / "dvtopics", current_code / "dvtopics", ignore=shutil.ignore_patterns("__pycache__"))
        before_code = Path(tmp) / "before"
        if "before" in runs:
            before_code.mkdir()
            archive = subprocess.run(["git", "archive", BEFORE, "dvtopics"], cwd=ROOT, check=True, capture_output=True)
            subprocess.run(["tar", "-x", "-C", str(before_code)], input=archive.stdout, check=True)

        def one(job: dict) -> dict:
            path = Path(tmp) / f"{job['run']}-{job['seed']}.json"
            path.write_text(json.dumps(job))
            out = subprocess.run([sys.executable, __file__, "--fit-worker", str(path)], check=True,
                                 capture_output=True, text=True, cwd=tmp)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            log(f"{job['run']} seed {job['seed']}: {result['cpu_seconds']:.1f} CPU s, {result['seconds']:.1f} s, "
                f"{result['peak_mb']:.0f} MB")
            return result

        jobs_list = [{"run": run, "seed": seed, "k": k, "texts": str(text_path), "before_code": str(before_code),
                      "current_code": str(current_code)}
                     for seed in seeds for run in runs]
        with ThreadPoolExecutor(jobs) as pool:
            return list(pool.map(one, jobs_list))


def score(results: list[dict], texts: list[str], measures: list[str]) -> None:
    """NPMI and C_V of every run's topics in one pass over the reference, and diversity; in place."""
    from gensim.corpora import Dictionary

    from dvtopics.topics.measures import (MEASURES, NPMI_TOP_N, ReferenceTokens, coherence_per_topic, topic_diversity)

    topics = [words[:NPMI_TOP_N] for result in results for words in result["words"]]
    dictionary = Dictionary(topics)  # the reference's other tokens only fill the windows
    for name in measures:
        started = time.perf_counter()
        values = coherence_per_topic(topics, ReferenceTokens(texts), dictionary, MEASURES[name])
        log(f"{name} of {len(topics)} topics counted in {time.perf_counter() - started:.0f} s")
        start = 0
        for result in results:
            k = len(result["words"])
            result[name] = statistics.fmean(v for v in values[start:start + k] if math.isfinite(v))
            start += k
    for result in results:
        result["diversity"] = topic_diversity(result["words"])


def summary(results: list[dict], runs: list[str], measures: list[str]) -> list[dict]:
    from dvtopics.topics.measures import topic_stability

    rows = []
    for run in runs:
        mine = [r for r in results if r["run"] == run]
        row = {"run": run, "what": RUNS[run][0], "seeds": [r["seed"] for r in mine],
               "vocabulary": mine[0]["vocabulary"]}
        for name in measures + ["diversity"]:
            values = [float(r[name]) for r in mine]
            row[name] = statistics.fmean(values)
            row[name + "_sd"] = float(np.std(values))
            row[name + "_runs"] = [round(v, 3) for v in values]
        row["stability"] = topic_stability([r["words"] for r in mine])
        row["cpu_seconds"] = statistics.median(r["cpu_seconds"] for r in mine)
        row["cpu_runs"] = [round(r["cpu_seconds"], 1) for r in mine]
        row["seconds"] = statistics.median(r["seconds"] for r in mine)
        row["peak_mb"] = max(r["peak_mb"] for r in mine)
        row["loaded_mb"] = max(r["loaded_mb"] for r in mine)
        rows.append(row)
    return rows


def markdown(rows: list[dict], measures: list[str], title: str) -> str:
    stab = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
    cells = [f"{m} mean ± sd (runs)" for m in measures]
    lines = [f"### {title}", "",
             "| engine | " + " | ".join(cells) + " | diversity mean ± sd | stability | CPU s, median (runs) "
             "| wall s, median | peak RSS MB (texts loaded) | vocabulary |",
             "|---|" + "---:|" * (len(measures) + 6)]
    for row in rows:
        measure_cells = [f"{row[m]:.3f} ± {row[m + '_sd']:.3f} ({', '.join(map(str, row[m + '_runs']))})"
                         for m in measures]
        lines.append(f"| {row['run']} | " + " | ".join(measure_cells) +
                     f" | {row['diversity']:.3f} ± {row['diversity_sd']:.3f} | {stab(row['stability'])} | "
                     f"{row['cpu_seconds']:.1f} ({', '.join(map(str, row['cpu_runs']))}) | {row['seconds']:.0f} | "
                     f"{row['peak_mb']:.0f} ({row['loaded_mb']:.0f}) | {row['vocabulary']:,} |")
    lines += [""] + [f"- {row['run']}: {row['what']}" for row in rows]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(FILES), default="baomoi")
    parser.add_argument("--sample", type=int, default=3000, help="articles of the seeded shuffle; 0: all")
    parser.add_argument("--engines", default=",".join(RUNS), help=f"comma-separated, of: {', '.join(RUNS)}")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--measures", default="npmi,c_v")
    parser.add_argument("--jobs", type=int, default=2, help="fits at a time (each in its own process)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "topics"))
    parser.add_argument("--fit-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fit_worker:
        return fit_worker(args.fit_worker)

    from dvtopics.text.cache import SegmentCache
    from dvtopics.text.segment import segment_many

    runs, seeds = args.engines.split(","), [int(s) for s in args.seeds.split(",")]
    measures = args.measures.split(",")
    unknown = set(runs) - set(RUNS)
    if unknown:
        parser.error(f"unknown engines {sorted(unknown)}")
    articles = sample_articles(args.corpus, args.sample)
    log(f"{args.corpus}: {len(articles)} articles; segmenting (cached)")
    texts = segment_many([a.text for a in articles], n_jobs=2, cache=SegmentCache(), lower=True)
    out = Path(args.out) / f"{args.corpus}-{args.sample or 'all'}-k{args.k}"
    out.mkdir(parents=True, exist_ok=True)
    results = run_fits(texts, runs, seeds, args.k, args.jobs)
    (out / "fits.json").write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")  # before the scoring
    score(results, texts, measures)
    rows = summary(results, runs, measures)
    title = (f"{args.corpus}, {len(texts):,} articles (sample {args.sample or 'all'}), K={args.k}, "
             f"seeds {args.seeds}")
    header = (f"Machine: {platform.node()}, {platform.machine()}, Python {platform.python_version()}; "
              f"{dt.datetime.now():%Y-%m-%d %H:%M}.\nCommand: `.venv/bin/python benchmarks/bench_topics.py "
              f"{' '.join(sys.argv[1:])}`\n\n")
    table = header + markdown(rows, measures, title)
    print(table, flush=True)
    (out / "results.md").write_text(table, encoding="utf-8")
    (out / "runs.json").write_text(json.dumps({"rows": rows, "runs": results}, ensure_ascii=False, indent=1),
                                   encoding="utf-8")


if __name__ == "__main__":
    main()
