"""The shipped article-type model's training data, collected as the README's train command does."""
from __future__ import annotations

from pathlib import Path

from dvtopics.io.read import read_articles
from dvtopics.io.labels import read_labels
from dvtopics.types.training import TrainingData, collect

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
SEED_LABELS = ROOT / "seeds" / "labels.csv"


WRITTEN = sorted((ROOT / "data" / "train").glob("written_*.jsonl"))


def shipped_training_data() -> TrainingData:
    """Hand labels (data/labels and the seeds), weak rule labels, 2,000 cue-free 'other' articles and the
    written training set of data/train as extra articles: what the README's train command reads."""
    gold = read_labels(ROOT / "data" / "labels" / "article_types.csv")
    gold.update(read_labels(SEED_LABELS))
    paths = [CORPORA / f"{name}.jsonl.gz" for name in ("baomoi_2017", "vntc_train", "vntc_test")] + [ROOT / "seeds"]
    extra = read_articles(WRITTEN, on_error="record")
    return collect(read_articles(paths, on_error="record"), gold, weak_rules=True, weak_other=2000, extra=extra)
