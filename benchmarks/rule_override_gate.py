"""Where a cue rule fires, how sure must the article-type model be to give another label?

    .venv/bin/python benchmarks/rule_override_gate.py [--cache-dir DIR] [--show N]

For thresholds D (under D, a label other than the fired rule's becomes the rule's; `model.decide`, with the
rule-silent gate at its shipped 0.8), three measures:
  hand labels  out of fold, the shipped setup (weak and written data and lead copies in every training fold), on
               the whole article and on its title and first 500 characters: macro-F1, and how often the model
               overrides a fired rule, rightly and wrongly;
  across       trained on one corpus' hand labels, scored on the other's (`transfer_article_types.corpus_splits`):
               the nearest thing here to articles of other sources and years;
  unseen       the shipped model (arg-max) on the corpus articles that are not hand-labelled and whose title and
               first 700 characters have a meeting word, cut to title and 500 characters: where a rule fires and
               the model overrides it, with its confidence, for a reader to judge (`--show`).
The frozen blind tests are not read here.
"""
from __future__ import annotations

import numpy as np

from article_type_sources import BASE
from rule_silent_gate import gate_run, meeting_leads, print_guesses
from transfer_article_types import corpus_splits
from dvtopics.types.evaluate import scores
from dvtopics.types.model import decide, load_classifier, make_pipeline
from dvtopics.types.rules import apply_rules
from dvtopics.types.training import SILENT_MIN_CONFIDENCE

THRESHOLDS = (0.0, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: never


def table(name: str, truth: list[str], probabilities, classes: list[str], hits: list, labels: list[str]) -> None:
    """Macro-F1 and the overrides of fired rules (right, wrong) at each threshold."""
    rules = scores(truth, [hit.label if hit else "other" for hit in hits], labels)
    print(f"{name}: rules alone {rules['macro_f1']:.3f}")
    for d in THRESHOLDS:
        chosen, _, _ = decide(np.array(probabilities), classes, hits, SILENT_MIN_CONFIDENCE, d)
        overrides = [k for k, hit in enumerate(hits) if hit is not None and chosen[k] != hit.label]
        right = sum(chosen[k] == truth[k] for k in overrides)
        result = scores(truth, chosen, labels)
        per_class = " ".join(f"{label[:9]} {result['per_class'][label]['f1']:.3f}" for label in labels)
        print(f"  D = {d:<4}  macro-F1 {result['macro_f1']:.3f}  overrides {len(overrides)}: {right} right, "
              f"{len(overrides) - right} wrong   {per_class}", flush=True)


def unseen(hand_ids: set[str], cache, show: int) -> None:
    model = load_classifier()
    articles = meeting_leads(hand_ids)
    hits = [apply_rules(a.title, a.text) for a in articles]
    fired = [k for k, hit in enumerate(hits) if hit]
    probabilities = model.pipeline.predict_proba(model.documents([articles[k] for k in fired], cache))
    chosen, confidence, _ = decide(probabilities, model.labels, [hits[k] for k in fired], SILENT_MIN_CONFIDENCE)
    overrides = [(float(confidence[j]), f"{chosen[j]:<19} rule {hits[k].label} {articles[k].id}  "
                  f"{articles[k].title[:90]} | {articles[k].text[:160]!r}")
                 for j, k in enumerate(fired) if chosen[j] != hits[k].label]
    print(f"unseen: {len(articles)} titles and leads with a meeting word; a rule fires on {len(fired)}; the shipped "
          f"model (D = 0) overrides it on {len(overrides)}")
    print_guesses(overrides, "D", THRESHOLDS, "overridden", show)


def main() -> None:
    run = gate_run(__doc__, "unseen overrides")
    data, setup, classes = run.data, run.setup, run.classes
    truth = [data.labels[i] for i in setup.hand]
    table("hand labels, whole article (out of fold)", truth, [run.whole[i] for i in setup.hand], classes,
          [setup.hits[i] for i in setup.hand], setup.labels)
    lead_hits = [apply_rules(setup.leads[i].title, setup.leads[i].text) for i in setup.hand]
    table("hand labels, title and first 500 characters (out of fold)", truth, [run.lead[i] for i in setup.hand],
          classes, lead_hits, setup.labels)
    for train_source, test_source, train, test in corpus_splits(data):
        pipeline = make_pipeline("logreg", **BASE).fit([setup.documents[i] for i in train],
                                                      [data.labels[i] for i in train])
        table(f"trained on {train_source}, scored on {test_source} ({len(test)})", [data.labels[i] for i in test],
              pipeline.predict_proba([setup.documents[i] for i in test]), [str(c) for c in pipeline.classes_],
              [setup.hits[i] for i in test], setup.labels)
    unseen(run.hand_ids, run.cache, run.show)


if __name__ == "__main__":
    main()
