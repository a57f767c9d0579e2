"""The training data hash the README's train command would record with this checkout's reading, beside the shipped
model card's, without fitting: whether a change to the reading changed what the model learns from (then retrain).

    .venv/bin/python benchmarks/training_data_hash.py      (from the repository's folder; a few minutes)

The inputs and options are the shipped card's command's (its `training_data.description`): the three corpora of
../shared/corpora and seeds/, the hand labels, the written training set, weak rule labels and 2,000 weak `other`.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from dvtopics.jobs import classify
from dvtopics.jobs.reading import Reading
from dvtopics.types.training import training_data_hash

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


class Collected(Exception):
    """Raised once the training data is collected: nothing is fitted."""


def main() -> None:
    card = json.loads((ROOT / "models" / "article-type" / "model_card.json").read_text(encoding="utf-8"))

    def on_data(data):
        raise Collected(training_data_hash(data))

    reading = Reading([CORPORA / f"{name}.jsonl.gz" for name in ("baomoi_2017", "vntc_train", "vntc_test")]
                      + [ROOT / "seeds"], n_jobs=2)
    try:
        classify.train(reading, str(Path(tempfile.mkdtemp()) / "m"),
                       label_files=[str(ROOT / "data" / "labels" / "article_types.csv"),
                                    str(ROOT / "seeds" / "labels.csv")],
                       extra_paths=[str(path) for path in sorted((ROOT / "data" / "train").glob("written_*.jsonl"))],
                       weak_rules=True, weak_other=2000, classifiers=["logreg"], on_data=on_data)
    except Collected as done:
        now, shipped = done.args[0], card["training_data"]["hash"]
        print(f"this reading: {now}; the shipped card: {shipped}; "
              f"{'the same: no retraining needed' if now == shipped else 'they differ: retrain the model'}")


if __name__ == "__main__":
    main()
