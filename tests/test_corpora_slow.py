"""Checks on the real corpora in ../shared/corpora (run with: make test-slow)."""
import collections
import gzip
import itertools
import json
import re

import pytest
from pyvi.ViTokenizer import ViTokenizer

from dvtopics.text import pyvi_fast
from dvtopics.types.model import load_classifier
from dvtopics.io.read import read_articles
from dvtopics.io.labels import read_labels
from dvtopics.types.evaluate import scores
from dvtopics.text.segment import split_sentences

from conftest import ROOT, corpus_path

pytestmark = pytest.mark.slow


def test_every_baomoi_article_reads_with_a_title():
    articles = list(read_articles(corpus_path("baomoi_2017.jsonl.gz"), on_error="record"))
    assert len(articles) == 35_440
    assert sum(1 for a in articles if a.error) == 0
    assert sum(1 for a in articles if a.title) == len(articles)
    # all of baomoi is Unicode: none may be taken for TCVN3 or VNI (five short ones were, and were garbled)
    assert [a.id for a in articles if "font encoding" in (a.meta.get("warning") or "")] == []


def test_every_baomoi_source_is_a_name_not_the_words_after_nguon_or_theo():
    # "Nguồn gốc …" (the origin of), "Nguồn cơn …", "Theo chân …" opened lines the reader took for sources
    sources = {a.source for a in read_articles(corpus_path("baomoi_2017.jsonl.gz"), on_error="record") if a.source}
    assert len(sources) >= 30
    assert [s for s in sources if not (s[0].isupper() or s[0].isdigit() or "." in s)] == []


def test_the_written_sets_hold_no_corpus_text():
    """data/blind_test and data/train were written, not copied: no item shares more than half of its
    8-word runs with any corpus article (official names of resolutions and programmes are shared
    verbatim, so some overlap is expected; the most any item has is about 0.5, from one long title)."""
    def runs(text, n=8):
        words = re.findall(r"\w+", text.lower())
        return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}

    items = {}
    for path in sorted((ROOT / "data").glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            items[item["id"]] = runs(f"{item.get('title', '')} {item['text']}")
    assert len(items) >= 1980
    owner = collections.defaultdict(set)
    for item_id, item_runs in items.items():
        for run in item_runs:
            owner[run].add(item_id)
    worst = 0.0
    for name in ("baomoi_2017", "vntc_train", "vntc_test"):
        with gzip.open(corpus_path(f"{name}.jsonl.gz"), "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                shared = collections.Counter(i for run in runs(f"{record.get('title', '')} {record['text']}")
                                             for i in owner.get(run, ()))
                worst = max([worst] + [n / len(items[i]) for i, n in shared.items()])
    assert worst < 0.6


def test_pyvi_fast_equals_pyvi_on_vntc_sentences():
    """The first 5,000 VNTC train articles (half a minute of pyvi CPU time); the benchmark
    (benchmarks/bench_pyvi_fast.py --articles 0) compares all 797,548 sentences."""
    with gzip.open(corpus_path("vntc_train.jsonl.gz"), "rt", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in itertools.islice(handle, 5000)]
    sentences = [s for t in texts for p in t.split("\n") for s in split_sentences(p)]
    assert len(sentences) > 90_000
    for start in range(0, len(sentences), 5000):  # batches as segment_many gives them
        batch = sentences[start:start + 5000]
        assert pyvi_fast.tokenize_many(batch) == [ViTokenizer.tokenize(s) for s in batch]


def test_shipped_model_still_fits_its_baomoi_hand_labels():
    """A regression check, in sample (the model learned these labels): it loads, reads and predicts
    as when it was made. Out-of-sample scores are in the model card."""
    gold = read_labels(ROOT / "data" / "labels" / "article_types.csv")
    articles = [a for a in read_articles(corpus_path("baomoi_2017.jsonl.gz"), on_error="record") if a.id in gold]
    assert len(articles) >= 400
    records = load_classifier().predict(articles, explain=False)
    result = scores([gold[a.id] for a in articles], [r["label"] for r in records])
    assert result["accuracy"] > 0.9
