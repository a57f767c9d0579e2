"""Leave-one-out on the seeds: could the shipped recipe label each seed without having seen it?

    .venv/bin/python benchmarks/seeds_loo.py [--cache-dir DIR]

Collects the shipped model's training data (the corpora's hand labels, weak
labels and the seeds, as the README's train command does), then for each seed
fits the model's chosen classifier on everything but that seed and labels it.
Training on the five seeds alone would leave three of the five types with no
example when their seed is held out, so it says nothing; this asks the useful
question instead.
"""
from __future__ import annotations

import argparse
import json

from dvtopics.types.model import Classifier, load_classifier, make_pipeline
from dvtopics.types.features import documents_of
from dvtopics.io.labels import read_labels
from dvtopics.types.events import find_event
from dvtopics.text.cache import SegmentCache

from shipped_data import SEED_LABELS, shipped_training_data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None)
    args = parser.parse_args()
    shipped = load_classifier()
    seeds = read_labels(SEED_LABELS)
    data = shipped_training_data()
    cache = SegmentCache(args.cache_dir)
    events = [find_event(a.title, a.text) for a in data.articles] if shipped.use_events else None
    documents = documents_of(data.articles, True, shipped.head_chars, cache, events=events,
                             mask_people=shipped.mask_people)
    parameters = shipped.card["parameters"]  # the shipped pipeline's own views, year masking and event features
    options = {"views": parameters["views"], "mask_years": parameters["mask_years"], "events": shipped.use_events}
    results = []
    for seed_id, truth in seeds.items():
        held_out = next(i for i, a in enumerate(data.articles) if a.id == seed_id)
        keep = [i for i in range(len(documents)) if i != held_out]
        pipeline = make_pipeline(shipped.card["classifier"], rules=True, **options).fit(
            [documents[i] for i in keep], [data.labels[i] for i in keep])
        (record,) = Classifier(pipeline, shipped.card).predict([data.articles[held_out]], cache=cache)
        results.append({"seed": seed_id, "true": truth, "predicted": record["label"],
                        "confidence": record["confidence"]})
        print(json.dumps(results[-1], ensure_ascii=False))
    right = sum(r["true"] == r["predicted"] for r in results)
    print(f"leave-one-out on the seeds: {right}/{len(results)} right")


if __name__ == "__main__":
    main()
