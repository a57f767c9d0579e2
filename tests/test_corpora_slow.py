"""Checks on the real corpora in ../shared/corpora (run with: make test-slow)."""
import gzip
import itertools
import json

import pytest
from pyvi.ViTokenizer import ViTokenizer

from dvtopics import pyvi_fast
from dvtopics.classify import load_classifier
from dvtopics.corpus import read_articles, read_labels
from dvtopics.evaluate import scores
from dvtopics.segment import split_sentences

from conftest import ROOT, corpus_path

pytestmark = pytest.mark.slow


def test_every_baomoi_article_reads_with_a_title():
    articles = list(read_articles(corpus_path("baomoi_2017.jsonl.gz"), on_error="record"))
    assert len(articles) == 35_440
    assert sum(1 for a in articles if a.error) == 0
    assert sum(1 for a in articles if a.title) == len(articles)


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
