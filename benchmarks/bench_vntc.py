"""VNTC topic classification: dvtopics' train/evaluate commands against underthesea's "Sen-1" recipe.

    .venv/bin/python benchmarks/bench_vntc.py --cache-dir /tmp/vntc-cache --out /tmp/vntc-bench -j 2

VNTC (10 topics, official split) from ../shared/corpora/. Two systems, both scored on the full test split
and on the test split without the documents that have an exact-text twin in train
(`vntc_exact_duplicates.tsv`):

- Sen-1 (underthesea's baseline, published 92.49% accuracy / 90.44 macro-F1), run here with scikit-learn:
  raw text, lower-cased syllables (no word segmentation), TfidfVectorizer(ngram_range=(1, 2),
  max_features=20000) with its default tokenizer, LinearSVC(C=1), fitted on every train document.
- dvtopics: the `dvtopics train` command (`--label-field label_id --head-chars 0 --classifier svm --max-features 0
  --folds F`), then `dvtopics evaluate --format json` on each test set, run as subprocesses; the accuracy
  and macro-F1 reported are the ones `evaluate` prints. The segmentation cache is filled first (and that
  time reported apart), so the timed commands only read it.

Times: wall and CPU seconds (the machine is shared: CPU time is the steadier figure). "fit" is the
model fit on texts already in memory (Sen-1: raw text; dvtopics: segmented documents from the cache, the
same `make_pipeline` the train command uses); the `train` command's own wall time, which also reads and
normalises the corpus and cross-validates, is reported beside it. "predict" throughput is documents per
second from text in memory to labels; the `evaluate` command's end-to-end rate (read, normalise, cached
segmentation, predict) is reported beside it.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEN1 = {"accuracy": 0.9249, "macro_f1": 0.9044}  # underthesea's published figures
BEST_PUBLISHED = 0.971  # N-gram language model, Vu et al. 2007


class Timer:
    """Wall and CPU time of a block (CPU of this process and its waited-for children)."""

    def __enter__(self):
        self.wall0, self.cpu0 = time.perf_counter(), self._cpu()
        return self

    @staticmethod
    def _cpu():
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall0
        self.cpu = self._cpu() - self.cpu0


def read_jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def duplicate_groups(corpora: Path) -> list[list[tuple[str, str]]]:
    """VNTC's groups of byte-identical texts (`vntc_exact_duplicates.tsv`), each a list of (id, label_id)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    with open(corpora / "vntc_exact_duplicates.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            groups.setdefault(row["group_md5"], []).append((row["id"], row["label_id"]))
    return list(groups.values())


def twin_ids(corpora: Path) -> set[str]:
    """Test ids whose exact text also occurs in train."""
    twins = set()
    for group in duplicate_groups(corpora):
        ids = [i for i, _ in group]
        if any(i.startswith("Train") for i in ids):
            twins.update(i for i in ids if i.startswith("Test"))
    return twins


def score(truth, predicted, labels) -> dict:
    from dvtopics.types.evaluate import scores

    result = scores(truth, predicted, labels)
    return {"n": result["n"], "accuracy": result["accuracy"], "macro_f1": result["macro_f1"]}


# --------------------------------------------------------------------- Sen-1

def run_sen1(corpora: Path, twins: set[str]) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    train, test = read_jsonl(corpora / "vntc_train.jsonl.gz"), read_jsonl(corpora / "vntc_test.jsonl.gz")
    labels = sorted({r["label_id"] for r in train})
    with Timer() as fit:
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), max_features=20000)  # lowercase=True by default
        model = LinearSVC(C=1.0).fit(vectorizer.fit_transform([r["text"] for r in train]),
                                     [r["label_id"] for r in train])
    with Timer() as predict:
        predicted = model.predict(vectorizer.transform([r["text"] for r in test]))
    truth = [r["label_id"] for r in test]
    keep = [i for i, r in enumerate(test) if r["id"] not in twins]
    return {
        "full": score(truth, predicted, labels),
        "no_twins": score([truth[i] for i in keep], [predicted[i] for i in keep], labels),
        "fit_wall": fit.wall, "fit_cpu": fit.cpu,
        "predict_wall": predict.wall, "predict_cpu": predict.cpu, "docs_per_s": len(test) / predict.wall,
        "n_train": len(train),
    }


# ------------------------------------------------------------------ dvtopics

def dvtopics(*args: str) -> tuple[str, Timer]:
    command = [str(ROOT / ".venv" / "bin" / "dvtopics"), "-q", *args]
    print("$", " ".join(command), file=sys.stderr, flush=True)
    with Timer() as timer:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout, timer


def write_without_twins(corpora: Path, twins: set[str], out: Path) -> int:
    """The test split minus the twins, as JSONL.gz in the scratch folder (never in the project)."""
    kept = 0
    with gzip.open(corpora / "vntc_test.jsonl.gz", "rt", encoding="utf-8") as source, \
            gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as target:
        for line in source:
            if json.loads(line)["id"] not in twins:
                target.write(line)
                kept += 1
    return kept


def documents(path: Path, cache, n_jobs: int):
    """What train/evaluate see: the articles' documents (whole text, no rule token), from the cache;
    with their labels and ids."""
    from dvtopics.types.features import documents_of
    from dvtopics.io.read import FieldNames, read_articles

    articles = [a for a in read_articles(path, FieldNames(label="label_id"), "record") if not a.error and a.label]
    return documents_of(articles, use_rules=False, head_chars=0, cache=cache, n_jobs=n_jobs), \
        [a.label for a in articles], [a.id for a in articles]


def official_split(corpora: Path, cache_dir: str):
    """The official split as train/evaluate see it, from the segmentation cache: train documents and
    labels, test documents and labels (an array), and which test documents have no twin in train."""
    import numpy as np
    from dvtopics.text.cache import SegmentCache

    cache = SegmentCache(cache_dir)
    train_docs, train_y, _ = documents(corpora / "vntc_train.jsonl.gz", cache, 1)
    test_docs, test_y, test_ids = documents(corpora / "vntc_test.jsonl.gz", cache, 1)
    twins = twin_ids(corpora)
    return train_docs, train_y, test_docs, np.array(test_y), np.array([i not in twins for i in test_ids])


def score_cells(test_y, without_twins, predicted) -> str:
    """Table cells: accuracy %, macro-F1, and both again on the test documents without a train twin."""
    from sklearn.metrics import accuracy_score, f1_score

    def cells(truth, guess):
        return 100 * accuracy_score(truth, guess), 100 * f1_score(truth, guess, average="macro")

    (accuracy, f1), (accuracy_kept, f1_kept) = cells(test_y, predicted), \
        cells(test_y[without_twins], predicted[without_twins])
    return f"{accuracy:.2f} | {f1:.2f} | {accuracy_kept:.2f} / {f1_kept:.2f}"


def run_dvtopics(corpora: Path, twins: set[str], out: Path, cache_dir: str, n_jobs: int, folds: int) -> dict:
    from dvtopics.types.features import documents_of
    from dvtopics.types.model import load_classifier, make_pipeline
    from dvtopics.io.read import FieldNames, read_articles
    from dvtopics.text.cache import SegmentCache
    from dvtopics.types.training import collect, pipeline_options

    out.mkdir(parents=True, exist_ok=True)
    cache = SegmentCache(cache_dir)
    train_path, test_path = corpora / "vntc_train.jsonl.gz", corpora / "vntc_test.jsonl.gz"
    with Timer() as warm:  # segment whatever is not cached yet, so the timed runs below only read the cache
        # the documents train fits on: collect() keeps each exact text once, as the command does
        kept = collect(read_articles(train_path, FieldNames(label="label_id"), "record"))
        fit_docs = documents_of(kept.articles, use_rules=False, head_chars=0, cache=cache, n_jobs=n_jobs)
        test_docs, _, _ = documents(test_path, cache, n_jobs)
    no_twins_path = out / "vntc_test_without_train_twins.jsonl.gz"
    n_no_twins = write_without_twins(corpora, twins, no_twins_path)

    model_dir = out / "model"
    common = ["--label-field", "label_id", "-j", str(n_jobs), "--cache-dir", cache_dir]
    _, train_run = dvtopics("train", str(train_path), "--head-chars", "0", "--classifier", "svm",
                            "--max-features", "0", "--folds", str(folds), "--out", str(model_dir), *common)
    full_json, eval_full = dvtopics("evaluate", str(model_dir), str(test_path), "--format", "json", *common)
    no_twins_json, eval_no_twins = dvtopics("evaluate", str(model_dir), str(no_twins_path), "--format", "json",
                                            *common)
    full, no_twins = json.loads(full_json), json.loads(no_twins_json)
    assert no_twins["n"] == n_no_twins, (no_twins["n"], n_no_twins)

    # The fit alone, on the documents train fits on, and the prediction alone with the model the command saved.
    with Timer() as fit:
        make_pipeline("svm", **pipeline_options(use_rules=False, max_features=None)).fit(fit_docs, kept.labels)
    classifier = load_classifier(model_dir)
    with Timer() as predict:
        classifier.pipeline.predict(test_docs)
    card = json.loads((model_dir / "model_card.json").read_text(encoding="utf-8"))
    return {
        "full": {k: full[k] for k in ("n", "accuracy", "macro_f1")},
        "no_twins": {k: no_twins[k] for k in ("n", "accuracy", "macro_f1")},
        "segment_warm_wall": warm.wall,
        "train_cmd_wall": train_run.wall, "train_cmd_cpu": train_run.cpu,
        "evaluate_cmd_wall": eval_full.wall, "evaluate_cmd_docs_per_s": full["n"] / eval_full.wall,
        "fit_wall": fit.wall, "fit_cpu": fit.cpu, "n_train": len(kept.labels),
        "predict_wall": predict.wall, "predict_cpu": predict.cpu, "docs_per_s": len(test_docs) / predict.wall,
        "cross_validated": {k: card["metrics"]["cross_validated"][k] for k in ("accuracy", "macro_f1")},
        "pipeline": card["parameters"]["pipeline"],
    }


# -------------------------------------------------------------------- report

def report(sen1: dict | None, dv: dict | None, folds: int) -> str:
    rows = [("", "Sen-1 (published)", "Sen-1 (run here)", "dvtopics", "dvtopics / Sen-1")]

    def get(result, *keys):
        for key in keys:
            result = result.get(key) if result else None
        return result

    def pct(x):
        return f"{100 * x:.2f}" if x is not None else "-"

    def ratio(a, b, fmt="{:.2f}×"):
        return fmt.format(a / b) if a is not None and b else "-"

    for split, name in (("full", "full test"), ("no_twins", "test without train twins")):
        n = get(dv, split, "n") or get(sen1, split, "n")
        for metric, label in (("accuracy", "accuracy %"), ("macro_f1", "macro-F1")):
            published = pct(SEN1[metric]) if split == "full" else "-"
            a, b = get(sen1, split, metric), get(dv, split, metric)
            diff = f"{100 * (b - a):+.2f} pt" if a is not None and b is not None else "-"
            rows.append((f"{label}, {name} (n={n})", published, pct(a), pct(b), diff))
    rows += [
        ("fit wall s (texts in memory)", "-", f"{get(sen1, 'fit_wall') or 0:.1f}", f"{get(dv, 'fit_wall') or 0:.1f}",
         ratio(get(dv, "fit_wall"), get(sen1, "fit_wall"))),
        ("fit CPU s", "-", f"{get(sen1, 'fit_cpu') or 0:.1f}", f"{get(dv, 'fit_cpu') or 0:.1f}",
         ratio(get(dv, "fit_cpu"), get(sen1, "fit_cpu"))),
        (f"`dvtopics train --folds {folds}` wall s (cache warm)", "-", "-",
         f"{get(dv, 'train_cmd_wall') or 0:.1f}", ratio(get(dv, "train_cmd_wall"), get(sen1, "fit_wall"))),
        ("predict docs/s (texts in memory)", "-", f"{get(sen1, 'docs_per_s') or 0:.0f}",
         f"{get(dv, 'docs_per_s') or 0:.0f}", ratio(get(dv, "docs_per_s"), get(sen1, "docs_per_s"))),
        ("`dvtopics evaluate` docs/s end to end (cache warm)", "-", "-",
         f"{get(dv, 'evaluate_cmd_docs_per_s') or 0:.0f}", ratio(get(dv, "evaluate_cmd_docs_per_s"),
                                                                 get(sen1, "docs_per_s"))),
    ]
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    if dv:
        lines.append(f"\ndvtopics cross-validated ({folds} folds, train split): accuracy "
                     f"{pct(dv['cross_validated']['accuracy'])}, macro-F1 {pct(dv['cross_validated']['macro_f1'])}; "
                     f"segmentation before the timed runs: {dv['segment_warm_wall']:.0f} s wall "
                     f"(cache reads only once warm); train documents after exact-duplicate removal: {dv['n_train']}")
    if dv and sen1:
        ok = (dv["full"]["accuracy"] >= 0.95 and dv["full"]["macro_f1"] >= 0.93
              and dv["fit_wall"] <= 2 * sen1["fit_wall"])
        lines.append(f"target (≥ 95% accuracy, ≥ 93 macro-F1 on the full test split, fit ≤ 2× Sen-1): "
                     f"{'met' if ok else 'NOT met'}; best published accuracy {pct(BEST_PUBLISHED)}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--cache-dir", default="/tmp/vntc-cache", help="Segmentation cache (reused across runs).")
    parser.add_argument("--out", type=Path, default=Path("/tmp/vntc-bench"),
                        help="Scratch folder: the model and the test split without twins (outside the project).")
    parser.add_argument("-j", "--n-jobs", type=int, default=2)
    parser.add_argument("--folds", type=int, default=2, help="Cross-validation folds of `dvtopics train` (min 2).")
    parser.add_argument("--skip-sen1", action="store_true")
    parser.add_argument("--skip-dvtopics", action="store_true")
    parser.add_argument("--json", type=Path, help="Also write all figures as JSON here.")
    args = parser.parse_args()

    twins = twin_ids(args.corpora)
    print(f"{len(twins)} test documents have an exact twin in train", file=sys.stderr)
    sen1 = None if args.skip_sen1 else run_sen1(args.corpora, twins)
    if sen1:
        print(f"Sen-1: {json.dumps(sen1)}", file=sys.stderr, flush=True)
    dv = None if args.skip_dvtopics else run_dvtopics(args.corpora, twins, args.out, args.cache_dir, args.n_jobs,
                                                       args.folds)
    if args.json:
        args.json.write_text(json.dumps({"sen1": sen1, "dvtopics": dv}, indent=2, ensure_ascii=False))
    print(report(sen1, dv, args.folds))


if __name__ == "__main__":
    main()
