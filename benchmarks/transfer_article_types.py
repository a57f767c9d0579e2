"""Does the article-type model carry over to another source and other years?

    .venv/bin/python benchmarks/transfer_article_types.py [--cache-dir DIR]

The hand labels come from two corpora of different papers and years: VNTC
(2003-2006) and baomoi (2017). Train on one corpus' hand labels (plus the
weak labels and the seeds, as the shipped model does), score on the other's;
both directions. This is the nearest thing here to the articles from other
sources and years the model will meet. Compared: the rules alone, the shipped
pipeline (without its lead copies; its labels decided as labelling decides them,
`decide`: a type named where no rule fires needs 0.8, a label against a fired rule 0.9), and the same
without year masking, and without people's names masked (each name one token, `dvtopics.text.people`)."""
from __future__ import annotations

import argparse
import csv

from dvtopics.types.events import find_event
from dvtopics.types.features import HEAD_CHARS, documents_of
from dvtopics.types.model import decide, load_classifier, make_pipeline
from dvtopics.types.evaluate import scores
from dvtopics.types.rules import apply_rules
from dvtopics.text.cache import SegmentCache
from dvtopics.types.training import OVERRIDE_MIN_CONFIDENCE, SILENT_MIN_CONFIDENCE, pipeline_options

from shipped_data import ROOT, shipped_training_data

SHIPPED = pipeline_options(use_rules=True)


def line(name: str, result: dict) -> str:
    per_class = " ".join(f"{label[:9]} {row['f1']:.3f} (n={row['support']})"
                         for label, row in result["per_class"].items())
    return f"  {name:<28} macro-F1 {result['macro_f1']:.4f}  accuracy {result['accuracy']:.4f}  {per_class}"


def corpus_splits(data):
    """(train source, test source, training indices, test indices) for each direction: train on one corpus' hand
    labels (with the weak and written data and the seeds), score on the other's."""
    rows = csv.DictReader(open(ROOT / "data" / "labels" / "article_types.csv", encoding="utf-8"))
    source = {row["id"]: row["corpus"].split("_")[0] for row in rows}  # vntc or baomoi
    for train_source, test_source in (("vntc", "baomoi"), ("baomoi", "vntc")):
        train = [i for i, (a, gold) in enumerate(zip(data.articles, data.gold))
                 if not gold or source.get(a.id, train_source) == train_source]  # seeds train both ways
        test = [i for i, (a, gold) in enumerate(zip(data.articles, data.gold))
                if gold and source.get(a.id) == test_source]
        yield train_source, test_source, train, test


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None)
    parser.add_argument("--classifier", default=None, help="svm, logreg or cnb (default: the shipped model's)")
    args = parser.parse_args()
    args.classifier = args.classifier or load_classifier().card["classifier"]
    data = shipped_training_data()
    labels = sorted(set(data.labels))
    cache = SegmentCache(args.cache_dir)
    events = [find_event(a.title, a.text) for a in data.articles]
    masked = documents_of(data.articles, True, HEAD_CHARS, cache, events=events, mask_people=True)
    unmasked = documents_of(data.articles, True, HEAD_CHARS, cache, events=events, mask_people=False)
    variants = (("shipped pipeline", SHIPPED, masked),
                ("without year masking", {**SHIPPED, "mask_years": False}, masked),
                ("without names masked", SHIPPED, unmasked))
    for train_source, test_source, train, test in corpus_splits(data):
        truth = [data.labels[i] for i in test]
        print(f"train on {train_source} hand labels, score on {test_source} ({len(test)} articles):")
        hits = [apply_rules(data.articles[i].title, data.articles[i].text) for i in test]
        print(line("rules alone", scores(truth, [hit.label if hit else "other" for hit in hits], labels)))
        for name, options, documents in variants:
            pipeline = make_pipeline(args.classifier, **options)
            pipeline.fit([documents[i] for i in train], [data.labels[i] for i in train])
            probabilities = pipeline.predict_proba([documents[i] for i in test])
            predicted, _, _ = decide(probabilities, list(pipeline.classes_), hits, SILENT_MIN_CONFIDENCE,
                                     OVERRIDE_MIN_CONFIDENCE)
            print(line(name, scores(truth, predicted, labels)), flush=True)


if __name__ == "__main__":
    main()
