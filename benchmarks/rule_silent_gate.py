"""Where no cue rule fires, how sure must the article-type model be to name a type?

    .venv/bin/python benchmarks/rule_silent_gate.py [--cache-dir DIR] [--show N]

Two measures, each over thresholds T (under T, a type named where no cue rule fires becomes `other`;
`model.decide`):
  hand labels  out of fold, the shipped setup (weak and written data and lead copies in every training fold),
               on the whole article and on its title and first 500 characters: macro-F1, and how many types
               the model names where no rule fires and how many of them are right;
  unseen       the shipped model on the corpus articles that are not hand-labelled and whose title and first
               700 characters have a meeting word, cut to title and 500 characters (the owners' shape): where
               no rule fires and the model names a type, its confidence, and the article's id, title and lead
               for a reader to judge (`--show`). These articles have no labels: the reading is the measure.
The frozen blind test is not read here.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from dataclasses import dataclass

import numpy as np

from article_type_sources import BASE, folds_of, prepare, with_lead_copies
from shipped_data import CORPORA, shipped_training_data
from dvtopics.io.read import make_article
from dvtopics.text.cache import SegmentCache
from dvtopics.types.evaluate import scores
from dvtopics.types.features import LEAD_COPY_CHARS, lead_copy
from dvtopics.types.model import decide, load_classifier, make_pipeline
from dvtopics.types.rules import apply_rules

THRESHOLDS = (0.0, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
MEETING = re.compile(r"hội nghị|họp|giao ban|sơ kết|tổng kết|ban chỉ đạo|trực báo", re.IGNORECASE)


def out_of_fold(data, setup, folds):
    """Each hand label's class probabilities, whole and cut to its lead, from the fold that held it out."""
    documents, labels, copy_of = with_lead_copies(data, setup)
    whole, lead = {}, {}
    for train_part, test_part in folds:
        test = [setup.hand[i] for i in test_part]
        train = setup.weak + setup.extra + [setup.hand[i] for i in train_part]
        train += [copy_of[setup.hand[i]] for i in train_part if setup.hand[i] in copy_of]
        pipeline = make_pipeline("logreg", **BASE).fit([documents[i] for i in train], [labels[i] for i in train])
        classes = [str(c) for c in pipeline.classes_]
        whole.update(zip(test, pipeline.predict_proba([documents[i] for i in test])))
        lead.update(zip(test, pipeline.predict_proba([setup.lead_documents[i] for i in test])))
    return classes, whole, lead


def hand_table(data, setup, classes, probabilities, hits) -> None:
    truth = [data.labels[i] for i in setup.hand]
    rules = [hits[i].label if hits[i] else "other" for i in setup.hand]
    print(f"  rules alone: macro-F1 {scores(truth, rules, setup.labels)['macro_f1']:.3f}")
    for t in THRESHOLDS:
        chosen, _, _ = decide(np.array([probabilities[i] for i in setup.hand]), classes,
                              [hits[i] for i in setup.hand], t)
        named = [k for k, i in enumerate(setup.hand) if hits[i] is None and chosen[k] != "other"]
        right = sum(chosen[k] == truth[k] for k in named)
        print(f"  T = {t:<4}  macro-F1 {scores(truth, chosen, setup.labels)['macro_f1']:.3f}   where no rule fires: "
              f"{len(named)} named, {right} right")


def meeting_leads(hand_ids: set[str]) -> list:
    """The corpus articles (baomoi, VNTC test) that are not hand-labelled and whose title and first 700 characters
    have a meeting word, cut to title and 500 characters (the owners' shape)."""
    articles = []
    for name in ("baomoi_2017", "vntc_test"):
        with gzip.open(CORPORA / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["id"] in hand_ids or not MEETING.search(f"{record.get('title') or ''} {record['text'][:700]}"):
                    continue
                article = make_article(f"{name}:{record['id']}", record["text"], {"title": record.get("title")})
                articles.append(lead_copy(article, LEAD_COPY_CHARS) or article)
    return articles


def unseen(hand_ids: set[str], cache, show: int) -> None:
    model = load_classifier()
    articles = meeting_leads(hand_ids)
    silent = [a for a in articles if apply_rules(a.title, a.text) is None]
    documents = model.documents(silent, cache)
    probabilities = model.pipeline.predict_proba(documents)
    chosen, confidence, _ = decide(probabilities, model.labels, [None] * len(silent), 0.0)
    named = [(float(c), f"{label:<19} {a.id}  {a.title[:90]} | {a.text[:160]!r}")
             for a, label, c in zip(silent, chosen, confidence) if label != "other"]
    print(f"unseen: {len(articles)} titles and leads with a meeting word, {len(silent)} where no rule fires; "
          f"the model names a type on {len(named)}")
    print_guesses(named, "T", THRESHOLDS, "named", show)


def print_guesses(guesses: list[tuple[float, str]], letter: str, thresholds, still: str, show: int) -> None:
    """The model's guesses on unseen articles, each (its confidence, what to print): how many each threshold keeps,
    then the `show` surest, for a reader to judge."""
    guesses = sorted(guesses, key=lambda guess: -guess[0])
    for t in thresholds:
        print(f"  {letter} = {t:<4}  still {still}: {sum(c >= t for c, _ in guesses)}")
    for c, shown in guesses[:show]:
        print(f"  {c:.2f} {shown}")


@dataclass
class GateRun:
    """What both gate benchmarks start from (this one and rule_override_gate.py): their options, the shipped
    training data and setup, and the out-of-fold probabilities on the whole article and on its lead."""
    show: int  # --show: unseen articles to print
    cache: SegmentCache
    data: object  # shipped_training_data()
    setup: object  # article_type_sources.prepare(data, cache)
    classes: list
    whole: dict  # out of fold: each hand label's class probabilities, by its article's index
    lead: dict  # the same, cut to the article's lead

    @property
    def hand_ids(self) -> set[str]:
        return {a.id for a, gold in zip(self.data.articles, self.data.gold) if gold}


def gate_run(doc: str, shown: str) -> GateRun:
    """Parse a gate benchmark's options (`doc`: its docstring, `shown`: what --show prints), then prepare its data
    and its out-of-fold probabilities."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--cache-dir", default=None)
    parser.add_argument("--show", type=int, default=40, help=f"{shown} to print, the surest first")
    args = parser.parse_args()
    cache = SegmentCache(args.cache_dir)
    data = shipped_training_data()
    setup = prepare(data, cache)
    classes, whole, lead = out_of_fold(data, setup, folds_of(data, setup))
    return GateRun(args.show, cache, data, setup, classes, whole, lead)


def main() -> None:
    run = gate_run(__doc__, "unseen articles")
    setup = run.setup
    lead_hits = {i: apply_rules(setup.leads[i].title, setup.leads[i].text) for i in setup.hand}
    print("hand labels, whole article (out of fold):")
    hand_table(run.data, setup, run.classes, run.whole, setup.hits)
    print("hand labels, title and first 500 characters (out of fold):")
    hand_table(run.data, setup, run.classes, run.lead, lead_hits)
    unseen(run.hand_ids, run.cache, run.show)


if __name__ == "__main__":
    main()
