"""Word clusters from Word2Vec as an extra token view of the article-type model (issue #21).

    nice .venv/bin/python benchmarks/word_clusters.py                       # the whole table, fold seed 0
    nice .venv/bin/python benchmarks/word_clusters.py --ks 1024,256 --sources event --fold-seed 1 --no-writers
    nice .venv/bin/python benchmarks/word_clusters.py --ks 1024 --sources event --model-size
  options: [--work-dir ~/.cache/dvtopics-word-clusters] [--cache-dir DIR] [--ks 256,1024,4096] [--sources event,lead]
           [--no-shipped] [--prepare-only]

First run: about 5 min segmenting the corpus heads not in the default cache,
11 min Word2Vec, 0.5-3 min per k-means, 9 min collecting the training data
(all cached in --work-dir afterwards), then 2-4 min per variant (8 fits), on
the shared 2-core machine under load.

The rules and the TF-IDF words read "họp khẩn", "hội nghị trực tuyến" and
"phiên họp" as unrelated words. This experiment learns word vectors (gensim
Word2Vec, CBOW) from the heads of all 120k corpus articles (baomoi 2017, VNTC
train and test: title + the first HEAD_CHARS = 4,000 characters, the same text
the classifier reads, segmented with dvtopics.text.segment), clusters the vectors of
the TOP_WORDS most frequent words with k-means (each word -> a cluster id), and
adds the cluster ids of the title + lead (the first LEAD_TOKENS words) or of
the event sentences (`dvtopics.types.features.event_sentences`) as one more TF-IDF
view (`ClusterTokens`, `cluster_view`), beside the shipped features.

Everything computed is cached outside the repository in --work-dir: the
segmentation of the corpus heads (a SegmentCache of its own; the default
dvtopics cache is read first, never written), the token file, the Word2Vec
model, the word -> cluster maps (`clusters_k{K}.tsv.gz`) and the collected
training data (a pickle keyed by its inputs). No corpus text goes into the
repository.

The measures and folds are those of benchmarks/article_type_sources.py (fold
seed 0 unless --fold-seed): hand CV (macro-F1 (accuracy)), lead only (title + 500
characters), balanced (lead only, each type weighted as common as the
others), each writer of the written set held out (S1-S3), and, where no rule
fires, how many types the model names and how many are right. The rules alone
and the shipped features ("+ event frame, + written set": views text + event,
the rule feature, the event frame) are printed in the same run; each variant's
line also counts, paired with the shipped row, the held-out articles it gets
right that the shipped features got wrong and the reverse ("+fixed/-broke").
The frozen blind test is not read.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from pathlib import Path


import dvtopics.types.training as training
from dvtopics.io.read import read_articles
from dvtopics.text.cache import SegmentCache, text_key
from dvtopics.text.normalise import normalize
from dvtopics.text.segment import segment_many
from dvtopics.types.evaluate import scores
from dvtopics.types.events import find_event
from dvtopics.types.features import HEAD_CHARS, documents_of, event_sentences, raw_document
from dvtopics.types.model import make_pipeline

from article_type_sources import balanced_macro_f1, fmt, prepare, rules_row
from shipped_data import CORPORA, shipped_training_data

SHIPPED = {**training.pipeline_options(use_rules=True), "views": ("text", "event"), "events": True}
CORPUS_FILES = ("baomoi_2017", "vntc_train", "vntc_test")
TOP_WORDS = 50_000  # words kept in a word -> cluster map (by frequency in the corpus heads)
LEAD_TOKENS = 80  # "title + lead": the first words of a document (a title is ~15 words, a lead 30-60)
W2V = {"vector_size": 100, "window": 5, "min_count": 5, "sg": 0, "epochs": 5, "workers": 2, "seed": 0}
_YEAR = re.compile(r"(19|20)\d\d")
_WORDLIKE = re.compile(r"\w")
YEAR = "__year"


# ------------------------------------------------------------------ the feature (would move into the package)

class ClusterTokens:
    """A TF-IDF analyzer: the word-cluster ids of part of a segmented document (`documents_of`), as tokens.

    Each word of the part read ("lead": the first `lead_tokens` words after the rule/event line; "event":
    `event_sentences`) becomes "__k<id>" of its cluster (years read as one word, as the classifier masks
    them); words outside the map break the sequence. Unigrams and bigrams of adjacent cluster tokens, so
    "họp khẩn", "phiên_họp" and "hội_nghị trực_tuyến" can share tokens where their words share none.
    A plain class (not a closure) so that a fitted pipeline pickles.
    """

    def __init__(self, clusters: dict[str, int], source: str = "lead", lead_tokens: int = LEAD_TOKENS):
        if source not in ("lead", "event"):
            raise ValueError(f"source must be 'lead' or 'event', not {source!r}")
        self.clusters, self.source, self.lead_tokens = clusters, source, lead_tokens

    def words(self, document: str) -> list[str]:
        if self.source == "event":
            return event_sentences(document).split()
        first, newline, rest = document.partition("\n")
        body = rest if newline and first.startswith("__") else document
        return body.split()[:self.lead_tokens]

    def __call__(self, document: str) -> list[str]:
        ids = [self.clusters.get(YEAR if _YEAR.fullmatch(w) else w) for w in self.words(document)]
        out = [f"__k{c}" for c in ids if c is not None]
        out += [f"__k{a}_{b}" for a, b in zip(ids, ids[1:]) if a is not None and b is not None]
        return out


def cluster_view(clusters: dict[str, int], source: str = "lead"):
    """The extra FeatureUnion branch: TF-IDF over `ClusterTokens` (settings of the word views)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=ClusterTokens(clusters, source), lowercase=False, sublinear_tf=True, min_df=2)


def make_cluster_pipeline(clusters: dict[str, int] | None, source: str = "lead", classifier: str = "logreg",
                          **options):
    """`make_pipeline(classifier, **options)` with the cluster view added to its features (none if no map)."""
    pipeline = make_pipeline(classifier, **options)
    if clusters:
        pipeline.named_steps["features"].transformer_list.append((f"clusters_{source}", cluster_view(clusters, source)))
    return pipeline


# ------------------------------------------------------------------ vectors and clusters (cached)

def corpus_tokens(work: Path, cache_dir: str | None, log) -> Path:
    """One line of segmented, lower-cased words per paragraph of every corpus article's head, for Word2Vec.
    Segmented once: the default segmentation cache is looked up first, the rest is segmented into
    `work`/segments (a cache of its own)."""
    path = work / f"heads{HEAD_CHARS}.txt"
    if path.exists():
        return path
    started = time.time()
    shared, own = SegmentCache(cache_dir), SegmentCache(work / "segments")
    tmp = path.with_suffix(".tmp")
    n_articles = n_cached = 0
    with open(tmp, "w", encoding="utf-8") as out:
        batch: list[str] = []

        def flush():
            nonlocal n_cached
            texts = [normalize(t) for t in batch]
            keys = [text_key(t) for t in texts]
            found = shared.get_many(list(dict.fromkeys(keys)))
            n_cached += sum(k in found for k in keys)
            rest = [t for k, t in zip(keys, texts) if k not in found]
            done = iter(segment_many(rest, cache=own))
            for k in keys:
                segmented = found[k] if k in found else next(done)
                for line in segmented.lower().split("\n"):
                    words = [YEAR if _YEAR.fullmatch(w) else w for w in line.split() if _WORDLIKE.search(w)]
                    if len(words) > 1:
                        out.write(" ".join(words) + "\n")
            batch.clear()

        for article in read_articles([CORPORA / f"{name}.jsonl.gz" for name in CORPUS_FILES], on_error="record"):
            if article.error or not article.text:
                continue
            batch.append(raw_document(article, HEAD_CHARS))
            n_articles += 1
            if len(batch) == 2000:
                flush()
                log(f"  segmented {n_articles} articles ({n_cached} from the default cache), {time.time() - started:.0f} s")
        if batch:
            flush()
    tmp.rename(path)
    (work / "tokens_info.json").write_text(json.dumps({"articles": n_articles, "from_default_cache": n_cached,
                                                       "seconds": round(time.time() - started, 1)}))
    return path


def word2vec(work: Path, tokens: Path, log):
    from gensim.models import Word2Vec

    path = work / "w2v_cbow100.model"
    if path.exists():
        return Word2Vec.load(str(path))
    started = time.time()
    model = Word2Vec(corpus_file=str(tokens), **W2V)
    seconds = time.time() - started
    model.save(str(path))
    (work / "w2v_info.json").write_text(json.dumps({**W2V, "seconds": round(seconds, 1),
                                                    "vocabulary": len(model.wv), "corpus_words": model.corpus_total_words}))
    log(f"Word2Vec: {len(model.wv)} words, {model.corpus_total_words} corpus words, {seconds:.0f} s")
    return model


def word_clusters(work: Path, model, k: int, log) -> dict[str, int]:
    """{word: cluster id} for the TOP_WORDS most frequent words: k-means (mini-batch, seeded) on unit vectors."""
    path = work / f"clusters_k{k}.tsv.gz"
    if not path.exists():
        from sklearn.cluster import MiniBatchKMeans

        started = time.time()
        words = model.wv.index_to_key[:TOP_WORDS]  # gensim orders its vocabulary by frequency
        vectors = model.wv.get_normed_vectors()[:len(words)]
        ids = MiniBatchKMeans(k, random_state=0, batch_size=4096, n_init=3).fit_predict(vectors)
        with gzip.open(path, "wt", encoding="utf-8") as out:
            out.writelines(f"{w}\t{c}\n" for w, c in zip(words, ids))
        log(f"k-means k={k} on {len(words)} words: {time.time() - started:.0f} s")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return {w: int(c) for w, c in (line.rstrip("\n").split("\t") for line in lines)}


def map_size(work: Path, k: int) -> tuple[float, float]:
    """MB of the word -> cluster map: as a gzipped TSV, and uncompressed."""
    path = work / f"clusters_k{k}.tsv.gz"
    with gzip.open(path, "rb") as raw:
        return path.stat().st_size / 1e6, len(raw.read()) / 1e6


def neighbours(clusters: dict[str, int], words: list[str], n: int = 12) -> list[str]:
    """The cluster of each probe word and some of its members (the most frequent first): a sanity look."""
    members: dict[int, list[str]] = {}
    for w, c in clusters.items():  # the map is in frequency order
        members.setdefault(c, []).append(w)
    return [f"{w} -> __k{clusters[w]}: {' '.join(members[clusters[w]][:n])}" if w in clusters else f"{w}: not in map"
            for w in words]


PROBES = ["họp", "phiên_họp", "hội_nghị", "trực_tuyến", "khẩn", "sơ_kết", "tổng_kết", "giao_ban", "quý", "chỉ_đạo",
          "bcđ"]  # pyvi writes "ban chỉ_đạo", "cuộc họp": two words each


# ------------------------------------------------------------------ the measures

def training_data(work: Path):
    """`shipped_training_data()` (8 min on a loaded machine: it reads the 120k corpus articles), pickled in the
    work directory under a key of its inputs (hand labels, written set, corpora, the rules' fingerprint)."""
    import hashlib
    import pickle

    from dvtopics.types.rules import rules_fingerprint
    from shipped_data import ROOT, SEED_LABELS, WRITTEN

    inputs = [ROOT / "data" / "labels" / "article_types.csv", SEED_LABELS, *WRITTEN,
              *(CORPORA / f"{name}.jsonl.gz" for name in CORPUS_FILES)]
    key = hashlib.blake2b(repr([(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in inputs]
                               + [rules_fingerprint()]).encode(), digest_size=8).hexdigest()
    path = work / f"training_data_{key}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    data = shipped_training_data()
    path.write_bytes(pickle.dumps(data))
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work-dir", default=os.environ.get("W2V_CACHE", os.path.expanduser("~/.cache/dvtopics-word-clusters")))
    parser.add_argument("--cache-dir", default=None, help="the default segmentation cache (read; default ~/.cache/dvtopics)")
    parser.add_argument("--ks", default="256,1024,4096", help="cluster counts, comma-separated")
    parser.add_argument("--sources", default="lead,event", help="what the cluster view reads: lead, event")
    parser.add_argument("--classifier", default="logreg")
    parser.add_argument("--fold-seed", type=int, default=0, help="seed of the 5 folds (0: article_type_sources')")
    parser.add_argument("--no-writers", action="store_true", help="leave out the by-writer measure (no fold seed in it)")
    parser.add_argument("--no-shipped", action="store_true", help="leave out the shipped features' row")
    parser.add_argument("--model-size", action="store_true",
                        help="instead of the measures: fit on all the data, shipped features and each variant, "
                             "and print the size of each saved pipeline (joblib, compress=3, as dvtopics saves)")
    parser.add_argument("--prepare-only", action="store_true", help="build the vectors and maps, then stop")
    args = parser.parse_args()
    work = Path(args.work_dir)
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()

    def log(message: str) -> None:
        print(f"[{time.time() - t0:6.0f} s] {message}", file=sys.stderr, flush=True)

    tokens = corpus_tokens(work, args.cache_dir, log)
    model = word2vec(work, tokens, log)
    ks = [int(k) for k in args.ks.split(",")]
    maps = {k: word_clusters(work, model, k, log) for k in ks}
    for k in ks:
        gz, plain = map_size(work, k)
        print(f"k={k}: {len(maps[k])} words, map {gz:.2f} MB gzipped TSV ({plain:.2f} MB plain)")
        print("  " + "\n  ".join(neighbours(maps[k], PROBES)))
    if args.prepare_only:
        return
    if args.model_size:
        model_sizes(args, maps, log)
        return
    run_measures(args, maps, log)


def model_sizes(args, maps: dict[int, dict[str, int]], log) -> None:
    """The saved pipeline's size with and without a cluster view: what shipping the map costs."""
    import joblib

    from dvtopics.types.model import drop_pruned_vocabulary

    data = training_data(Path(args.work_dir))
    documents = documents_of(data.articles, True, HEAD_CHARS, SegmentCache(args.cache_dir),
                             events=[find_event(a.title, a.text) for a in data.articles], mask_people=True)
    choices = [(None, "lead")] + [(k, s) for k in maps for s in args.sources.split(",")]
    for k, source in choices:
        pipeline = make_cluster_pipeline(maps[k] if k else None, source, args.classifier, **SHIPPED)
        pipeline.fit(documents, data.labels)
        drop_pruned_vocabulary(pipeline)
        path = Path(args.work_dir) / f"pipeline_{k or 'shipped'}_{source}.joblib"
        joblib.dump(pipeline, path, compress=3)
        print(f"saved pipeline, {'shipped features' if not k else f'+ clusters k={k} of {source}'}: "
              f"{path.stat().st_size / 1e6:.2f} MB", flush=True)


def run_measures(args, maps: dict[int, dict[str, int]], log) -> None:
    from sklearn.model_selection import StratifiedKFold

    sources = args.sources.split(",")
    variants = [] if args.no_shipped else [("+ event frame, + written set (shipped)", None, "lead")]
    variants += [(f"  + clusters k={k} of the {'title + lead' if s == 'lead' else 'event sentences'}", maps[k], s)
                 for k in maps for s in sources]
    data = training_data(Path(args.work_dir))
    setup = prepare(data, SegmentCache(args.cache_dir))
    documents, labels, hand, weak, extra = setup.documents, setup.labels, setup.hand, setup.weak, setup.extra
    lead_documents, hits, writer, writers = setup.lead_documents, setup.hits, setup.writer, setup.writers
    log(f"training data: hand {len(hand)}, weak {len(weak)}, written {len(extra)} ({', '.join(writers)})")
    print(rules_row(data, setup, 48), flush=True)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=args.fold_seed).split(hand, [data.labels[i] for i in hand]))

    def fit(clusters, source, train):
        pipeline = make_cluster_pipeline(clusters, source, args.classifier, **SHIPPED)
        return pipeline.fit([documents[i] for i in train], [data.labels[i] for i in train])

    first: dict = {}  # the first row's out-of-fold predictions (the shipped features'), to pair the others with

    def paired(now: dict, before: dict) -> str:
        fixed = sum(now[i] != before[i] and now[i] == data.labels[i] for i in now)
        broke = sum(now[i] != before[i] and before[i] == data.labels[i] for i in now)
        return f"+{fixed}/-{broke}"

    for name, clusters, source in variants:
        started = time.time()
        predicted, on_leads = {}, {}
        for train_part, test_part in folds:
            test = [hand[i] for i in test_part]
            pipeline = fit(clusters, source, weak + extra + [hand[i] for i in train_part])
            predicted.update(zip(test, pipeline.predict([documents[i] for i in test])))
            on_leads.update(zip(test, pipeline.predict([lead_documents[i] for i in test])))
        cv = scores([data.labels[i] for i in predicted], list(predicted.values()), labels)
        cv_leads = scores([data.labels[i] for i in on_leads], list(on_leads.values()), labels)
        balanced = balanced_macro_f1([data.labels[i] for i in on_leads], list(on_leads.values()))
        line = f"{name:<48} hand {fmt(cv)}  lead only {fmt(cv_leads)} balanced {balanced:.3f}"
        if first:  # articles this variant gets right that the first row got wrong, and the reverse
            line += f"  vs first row: hand {paired(predicted, first['hand'])} lead {paired(on_leads, first['lead'])}"
        else:
            first.update(hand=dict(predicted), lead=dict(on_leads))
        for w in [] if args.no_writers else writers:
            test = [i for i in extra if writer[i] == w]
            pipeline = fit(clusters, source, weak + hand + [i for i in extra if writer[i] != w])
            line += f"  {w} {fmt(scores([data.labels[i] for i in test], list(pipeline.predict([documents[i] for i in test])), labels))}"
        silent = [i for i in predicted if not hits[i]]
        found = [i for i in silent if predicted[i] != "other"]
        line += (f"  no rule: {len(found)} named, {sum(predicted[i] == data.labels[i] for i in found)} right"
                 f" (of {sum(data.labels[i] != 'other' for i in silent)} positives)")
        print(line, flush=True)
        per_class = "  ".join(f"{label} {cv['per_class'][label]['f1']:.3f}" for label in labels)
        lead_class = "  ".join(f"{label} {cv_leads['per_class'][label]['f1']:.3f}" for label in labels)
        print(f"{'':<48} per class (hand CV): {per_class}\n{'':<48} per class (lead only): {lead_class}", flush=True)
        log(f"{name.strip()}: {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
