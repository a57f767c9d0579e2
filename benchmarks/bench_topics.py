"""Topic model benchmark: a sweep over K and gensim vs tomotopy vs scikit-learn, on the real corpora.

    .venv/bin/python benchmarks/bench_topics.py                      # baomoi 2017 and VNTC train, K 5..50
    .venv/bin/python benchmarks/bench_topics.py --corpora vntc_train --k 10:30:10 --limit 10000 --repeat 3

For each corpus (read from ../shared/corpora, never copied):
1. segment every article through `segment_many` with the on-disk cache (the
   first run segments, later ones read the cache);
2. preprocess once (stopwords, phrases, dictionary) as `TopicModel` does;
3. fit gensim, tomotopy and scikit-learn at one K on the same tokens, each in
   a fresh subprocess (so its peak memory is its own), `--repeat` times
   (median wall time), and measure all three topic sets in one NPMI pass;
4. sweep K with the default engine (gensim): NPMI (top 10), C_V, diversity
   (top 25) and fit time per K -> <out>/<corpus>/sweep.csv and sweep.png.

Prints Markdown tables to paste under "## Topics" in benchmarks/RESULTS.md and
writes them to <out>/results.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import random
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
FILES = {"baomoi": "baomoi_2017.jsonl.gz", "vntc_train": "vntc_train.jsonl.gz"}
ENGINES = ("gensim", "tomotopy", "sklearn")


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def segmented_corpus(name: str, limit: int | None, n_jobs: int) -> list[str]:
    from dvtopics.corpus import read_articles
    from dvtopics.segment import SegmentCache, segment_many

    articles = [a for a in read_articles(CORPORA / FILES[name], on_error="record") if not a.error]
    if limit and limit < len(articles):  # a seeded random sample, in corpus order, so every month is in it
        keep = sorted(random.Random(0).sample(range(len(articles)), limit))
        articles = [articles[i] for i in keep]
    log(f"{name}: {len(articles)} articles read; segmenting (cached)")
    return segment_many([a.text for a in articles], n_jobs=n_jobs, cache=SegmentCache(), lower=True,
                        progress=True)


def prepared(texts: list[str], params: dict):
    """The shared preprocessing: a TopicModel with its vocabulary learned, and the units' tokens."""
    from dvtopics.topics import prepare

    started = time.perf_counter()
    base, unit_tokens = prepare(texts, **params)
    log(f"preprocessed {base.n_units_} units, {len(base.dictionary_)} words in {time.perf_counter() - started:.0f} s")
    return base, unit_tokens


def engine_worker(job_path: str) -> None:
    """Child process: fit one engine on pickled units, print wall time, peak memory and top words as JSON."""
    with open(job_path, "rb") as handle:
        base, unit_tokens, engine, k = pickle.load(handle)
    model = base.set_params(engine=engine, n_topics=k)
    bows = [bow for bow in (model.dictionary_.doc2bow(t) for t in unit_tokens) if bow]
    rss_before = memory_mb("VmRSS")
    started, cpu_started = time.perf_counter(), time.process_time()
    # only the engine's training is timed: tokens and dictionary are the same for all three
    fitted = model._make_engine().fit(bows, model.dictionary_)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak = memory_mb("VmHWM")
    model.topic_word_ = fitted.topic_word()
    words = [[w for w, _ in topic] for topic in model.top_words(25)]
    print(json.dumps({"engine": engine, "seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak,
                      "fit_mb": peak - rss_before, "words": words}))


def memory_mb(field: str) -> float:
    """VmHWM (peak) or VmRSS (now) of this process in MB. Not ru_maxrss: Linux carries that over
    from the forking parent through exec, so every child would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def compare_engines(base, unit_tokens, k: int, repeat: int) -> list[dict]:
    from dvtopics.topics import coherence_per_topic, topic_diversity

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        job = Path(tmp) / "job.pickle"
        for engine in ENGINES:
            with open(job, "wb") as handle:
                pickle.dump((base, unit_tokens, engine, k), handle)
            runs = []
            for attempt in range(repeat):
                out = subprocess.run([sys.executable, __file__, "--engine-worker", str(job)], check=True,
                                     capture_output=True, text=True, cwd=ROOT)
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
                log(f"K={k} {engine} run {attempt + 1}: {runs[-1]['seconds']:.1f} s, {runs[-1]['peak_mb']:.0f} MB")
            results.append({"engine": engine, "seconds": statistics.median(r["seconds"] for r in runs),
                            "cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
                            "runs": [round(r["seconds"], 1) for r in runs],
                            "peak_mb": max(r["peak_mb"] for r in runs), "fit_mb": max(r["fit_mb"] for r in runs),
                            "words": runs[0]["words"]})
    npmi = coherence_per_topic([t for r in results for t in r["words"]], unit_tokens, base.dictionary_, "c_npmi")
    for i, result in enumerate(results):
        result["npmi"] = statistics.fmean(npmi[i * k:(i + 1) * k])
        result["diversity"] = topic_diversity(result["words"])
    return results


def markdown(name: str, base, rows: list[dict], suggested: int, engines: list[dict], k: int) -> str:
    lines = [f"### {name}: {base.n_units_} units, {len(base.dictionary_)} words after filtering", "",
             "| K | NPMI | C_V | diversity | gensim fit (s) |", "|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['k']} | {r['npmi']:.3f} | {r.get('c_v') or float('nan'):.3f} | {r['diversity']:.3f} | "
              f"{r['fit_seconds']:.0f} |" for r in rows]
    lines += ["", f"Suggested K (best NPMI × diversity): **{suggested}**", "",
              f"Engines at K={k}, same tokens:", "",
              "| engine | wall time (s, median) | runs (s) | CPU time (s) | peak RSS (MB) | of which fit (MB) | NPMI "
              "| diversity |",
              "|---|---:|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {e['engine']} | {e['seconds']:.1f} | {', '.join(map(str, e['runs']))} | {e['cpu_seconds']:.1f} | "
              f"{e['peak_mb']:.0f} | {e['fit_mb']:.0f} | {e['npmi']:.3f} | {e['diversity']:.3f} |" for e in engines]
    labels = "; ".join(", ".join(topic[:4]) for topic in engines[0]["words"][:8])
    return "\n".join(lines + ["", f"gensim's first topics at K={k}: {labels}", ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", default="baomoi,vntc_train", help="comma-separated: baomoi, vntc_train")
    parser.add_argument("--k", default="5:50:5", help="Ks of the sweep")
    parser.add_argument("--engines-k", type=int, default=20, help="K of the engine comparison")
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine (the median is reported)")
    parser.add_argument("--measures", default="npmi,c_v,diversity")
    parser.add_argument("--limit", type=int, default=None, help="use a random sample of N articles (seed 0)")
    parser.add_argument("--n-jobs", type=int, default=2, help="segmentation processes (2 at most here)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "topics"))
    parser.add_argument("--engine-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine_worker:
        return engine_worker(args.engine_worker)

    from dvtopics.topics import parse_k_range, suggest_k, sweep_prepared, write_sweep

    ks = parse_k_range(args.k)
    params = dict(unit="document")
    header = (f"Machine: {platform.node()}, {platform.processor() or platform.machine()}, Python "
              f"{platform.python_version()}; {dt.date.today()}.\nCommand: `.venv/bin/python benchmarks/bench_topics.py "
              f"{' '.join(sys.argv[1:])}`\n")
    sections = [header]
    for name in args.corpora.split(","):
        texts = segmented_corpus(name, args.limit, args.n_jobs)
        base, unit_tokens = prepared(texts, params)
        del texts
        engines = compare_engines(base, unit_tokens, args.engines_k, args.repeat)
        log(f"{name}: engines compared; sweeping K")
        rows, _ = sweep_prepared(base, unit_tokens, ks, args.measures.split(","))
        write_sweep(rows, Path(args.out) / name)
        suggested = suggest_k(rows)
        sections.append(markdown(name, base, rows, suggested, engines, args.engines_k))
        Path(args.out, name, "engines.json").write_text(json.dumps(engines, ensure_ascii=False, indent=1))
        print(sections[-1], flush=True)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    Path(args.out, "results.md").write_text("\n".join(sections), encoding="utf-8")


if __name__ == "__main__":
    main()
