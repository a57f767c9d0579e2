"""What each training source and feature adds to the article-type model, on the same folds.

    .venv/bin/python benchmarks/article_type_sources.py [--cache-dir DIR] [--classifier logreg] [--only N,N]
                                                        [--head-chars N] [--lead-copies] [--lead-only N]
                                                        [--train-only CSV] [--rule-free-copies all|positives]

Sources: the hand labels (data/labels, scored out of fold), the weak labels of
the corpora (rule hits, cue-free `other`), and the written training set
(data/train/*.jsonl, three writers). Features: the shipped views (text +
event words, the rule's label), the event frame's tokens (events.py) and the
character n-grams of the event sentences.

Four measures, each printed as macro-F1 (accuracy):
  hand CV   5-fold cross-validation on the hand labels (weak and written data
            in every training fold);
  lead only the same folds, each held-out article cut to its title and first
            500 characters (real text in the shape users often have, and the
            shape of the owners' test: title and lead); "balanced" is its
            macro-F1 with each article weighted by 1 / its type's count, as if
            every type were as common (a set collected per type);
  by writer each writer of the written set held out in turn, the model
            trained on everything else: how well it carries over to a writer
            (wording, domains) it never saw;
  no rule   on the hand labels where no cue rule fires, out of fold: how many
            positives the model finds there and how many are right;
  certainty hand CV split by the labels file's `certainty`: `sure` (both blind
            readers sure and agreeing) and `unsure`, the model beside the rules.
Rules alone are printed beside them. The frozen blind test is not read here.
`--lead-copies` learns each training fold's hand labels a second time cut to their title and lead, as `dvtopics
train` does for article types (`features.lead_copy`); without it the folds learn the articles as read only.
`--lead-only N` sets the cut of the "lead only" measure.
`--rule-free-copies all|positives` also learns each training document (or each one labelled a type) a second time
without its cue rule's token, so that the text and event views learn to find a type without the rule (twenty-ninth
session: it made the model depart from its rules more often, and more often wrongly).
"""
from __future__ import annotations

import argparse
import csv

import dvtopics.types.training as training
from dataclasses import dataclass, replace

from dvtopics.types.features import HEAD_CHARS, LEAD_COPY_CHARS, RULE_TOKEN, documents_of, lead_copy
from dvtopics.types.model import make_pipeline
from dvtopics.types.evaluate import scores
from dvtopics.types.events import find_event
from dvtopics.types.rules import apply_rules
from dvtopics.text.cache import SegmentCache

from shipped_data import ROOT, shipped_training_data

BASE = training.pipeline_options(use_rules=True)
LEAD_ONLY = 500  # characters of the text kept for the "lead only" measure
VARIANTS = [  # name, uses the written set, make_pipeline options
    ("shipped features, no written set", False, {**BASE, "views": ("text", "event"), "events": False}),
    ("+ event frame + chars, no written set", False, BASE),
    ("shipped features + written set", True, {**BASE, "views": ("text", "event"), "events": False}),
    ("+ event frame, + written set", True, {**BASE, "views": ("text", "event"), "events": True}),
    ("+ event frame + chars + written set", True, BASE),
    ("  the same without the rule feature", True, {**BASE, "rules": False}),
]


def rule_label(article) -> str:
    hit = apply_rules(article.title, article.text)
    return hit.label if hit else "other"


def fmt(result: dict) -> str:
    return f"{result['macro_f1']:.3f} ({result['accuracy']:.3f})"


def balanced_macro_f1(truth: list[str], predicted: list[str]) -> float:
    """Macro-F1 as if every type were as common as the others (each article weighted by 1 / its type's count):
    the hand labels are 77% `other`, a set collected per type is not, and precision depends on that."""
    from sklearn.metrics import f1_score

    counts = {label: truth.count(label) for label in set(truth)}
    return f1_score(truth, predicted, average="macro", sample_weight=[1 / counts[t] for t in truth])


@dataclass
class Setup:
    """The shipped training data laid out for the ablations: documents, who is hand-labelled, weak or
    written (and by which writer), the held-out articles cut to their lead, and the rules' labels."""
    documents: list[str]
    labels: list[str]
    hand: list[int]
    weak: list[int]
    extra: list[int]
    writer: list[str | None]
    writers: list[str]
    leads: dict
    lead_documents: dict
    hits: list
    by_rule: list[str]
    cache: object = None
    mask_people: bool = True


def prepare(data, cache, head_chars: int = HEAD_CHARS, lead_only: int = LEAD_ONLY, mask_people: bool = True) -> Setup:
    n_corpus = sum(kind != "extra" for kind in data.kinds)  # collect adds the written set last
    writer = [a.id.split("-")[0] if i >= n_corpus else None for i, a in enumerate(data.articles)]
    events = [find_event(a.title, a.text) for a in data.articles]
    documents = documents_of(data.articles, True, head_chars, cache, events=events, mask_people=mask_people)
    hand = [i for i in range(len(data.articles)) if data.gold[i]]
    leads = {i: replace(data.articles[i], text=data.articles[i].text[:lead_only]) for i in hand}
    lead_documents = dict(zip(leads, documents_of(list(leads.values()), True, head_chars, cache,
                                                  events=[find_event(a.title, a.text) for a in leads.values()],
                                                  mask_people=mask_people)))
    hits = [apply_rules(a.title, a.text) for a in data.articles]
    return Setup(documents, sorted(set(data.labels)), hand, [i for i in range(n_corpus) if not data.gold[i]],
                 list(range(n_corpus, len(data.articles))), writer, sorted({w for w in writer if w}), leads,
                 lead_documents, hits, [hit.label if hit else "other" for hit in hits], cache, mask_people)


def rules_row(data, setup: Setup, width: int) -> str:
    """The rules alone on the same measures: hand CV, lead only, balanced, each writer."""
    labels, by_rule = setup.labels, setup.by_rule
    lead_rules = [(data.labels[i], rule_label(setup.leads[i])) for i in setup.hand]
    return (f"{'rules alone':<{width}} hand {fmt(scores([data.labels[i] for i in setup.hand], [by_rule[i] for i in setup.hand], labels))}"
            f"  lead only {fmt(scores(*zip(*lead_rules), labels))} balanced {balanced_macro_f1(*map(list, zip(*lead_rules))):.3f}"
            + "".join(f"  {w} {fmt(scores(*zip(*[(data.labels[i], by_rule[i]) for i in setup.extra if setup.writer[i] == w]), labels))}"
                      for w in setup.writers))


def against_rules(predicted: dict, labels: list[str], by_rule: list[str]) -> str:
    """How far the model is more than its rules, out of fold: where it gives the rule's label, and where not."""
    same = [i for i in predicted if predicted[i] == by_rule[i]]
    departs = [i for i in predicted if predicted[i] != by_rule[i]]
    wrong = [i for i in predicted if predicted[i] != labels[i]]
    return (f"rule's label on {len(same)} of {len(predicted)}; where it departs, {sum(predicted[i] == labels[i] for i in departs)} "
            f"right and {sum(predicted[i] != labels[i] for i in departs)} wrong; of its {len(wrong)} errors, "
            f"{sum(by_rule[i] == predicted[i] for i in wrong)} are the rule's own")


def certainty_of() -> dict[str, str]:
    """Each hand-labelled article's `certainty` in the labels file (the seeds have none)."""
    with open(ROOT / "data" / "labels" / "article_types.csv", encoding="utf-8") as handle:
        return {row["id"]: row["certainty"] for row in csv.DictReader(handle)}


def by_certainty(data, predicted: dict, by_rule: list[str], labels: list[str]) -> str:
    """Hand CV macro-F1 on the sure and the unsure labels apart, the model beside the rules."""
    certainty = certainty_of()
    parts = []
    for kind in ("sure", "unsure"):
        chosen = [i for i in predicted if certainty.get(data.articles[i].id) == kind]
        truth = [data.labels[i] for i in chosen]
        model = scores(truth, [predicted[i] for i in chosen], labels)["macro_f1"]
        rules = scores(truth, [by_rule[i] for i in chosen], labels)["macro_f1"]
        parts.append(f"{kind} ({len(chosen)}) {model:.3f} against the rules' {rules:.3f}")
    return "by certainty (hand CV): " + ", ".join(parts)


def fit_predict(options, documents, labels, train, test, classifier, also=None, make=make_pipeline):
    """Predictions for `test` (and, when `also` maps indices to other documents, for those too); `make`
    builds the pipeline from the classifier's name and the options."""
    pipeline = make(classifier, **options)
    pipeline.fit([documents[i] for i in train], [labels[i] for i in train])
    predicted = list(pipeline.predict([documents[i] for i in test]))
    if also is None:
        return predicted
    return predicted, list(pipeline.predict([also[i] for i in test]))


def with_lead_copies(data, setup: Setup) -> tuple[list[str], list[str], dict[int, int]]:
    """The documents and labels with each long hand label's lead copy added after them (`features.lead_copy`, as
    `train` learns them), and {index of a hand label: index of its copy}: a fold learns the copies of its training
    hand labels only."""
    cut = {i: copy for i in setup.hand if (copy := lead_copy(data.articles[i], LEAD_COPY_CHARS))}
    copy_of = {i: len(setup.documents) + k for k, i in enumerate(cut)}
    documents = setup.documents + documents_of(list(cut.values()), True, HEAD_CHARS, setup.cache,
                                               events=[find_event(a.title, a.text) for a in cut.values()],
                                               mask_people=setup.mask_people)
    return documents, data.labels + [data.labels[i] for i in cut], copy_of


def without_rule(document: str) -> str:
    """The document without its cue rule's token (which `documents_of` puts on its first line)."""
    first, newline, rest = document.partition("\n")
    if not newline or not first.startswith("__"):
        return document
    kept = [token for token in first.split() if not token.startswith(RULE_TOKEN.format(""))]
    return f"{' '.join(kept)}\n{rest}" if kept else rest


def run_variant(data, setup: Setup, folds, name: str, with_written: bool, options: dict, classifier: str,
                make=make_pipeline, lead_copies: bool = False, rule_free: str | None = None) -> None:
    """Print one variant's rows: hand CV, lead only, balanced, each writer held out (with the written set),
    where no rule fires, how far it follows its rules, per class. `make` builds each fold's pipeline."""
    documents, labels, hand, weak, extra = setup.documents, setup.labels, setup.hand, setup.weak, setup.extra
    lead_documents, hits, writer, writers = setup.lead_documents, setup.hits, setup.writer, setup.writers
    base = weak + (extra if with_written else [])
    all_labels = data.labels
    if lead_copies:  # each training fold's hand labels learnt twice: as read, and cut to title and lead (as train does)
        documents, all_labels, copy_of = with_lead_copies(data, setup)
    free_of = {}  # {index of a document a rule fired on: index of its copy without the rule's token}
    if rule_free:
        fired = [i for i, d in enumerate(documents) if without_rule(d) != d
                 and (rule_free == "all" or all_labels[i] != "other")]
        free_of = {i: len(documents) + k for k, i in enumerate(fired)}
        documents = documents + [without_rule(documents[i]) for i in fired]
        all_labels = list(all_labels) + [all_labels[i] for i in fired]
    predicted, on_leads = {}, {}
    for train_part, test_part in folds:
        test = [hand[i] for i in test_part]
        train = base + [hand[i] for i in train_part]
        if lead_copies:
            train += [copy_of[hand[i]] for i in train_part if hand[i] in copy_of]
        train += [free_of[i] for i in train if i in free_of]
        full, short = fit_predict(options, documents, all_labels, train, test,
                                  classifier, also=lead_documents, make=make)
        predicted.update(zip(test, full))
        on_leads.update(zip(test, short))
    cv = scores([data.labels[i] for i in predicted], list(predicted.values()), labels)
    cv_leads = scores([data.labels[i] for i in on_leads], list(on_leads.values()), labels)
    silent = [i for i in predicted if not hits[i]]
    found = [i for i in silent if predicted[i] != "other"]
    balanced = balanced_macro_f1([data.labels[i] for i in on_leads], list(on_leads.values()))
    line = f"{name:<40} hand {fmt(cv)}  lead only {fmt(cv_leads)} balanced {balanced:.3f}"
    if with_written:
        for w in writers:
            test = [i for i in extra if writer[i] == w]
            train = weak + hand + [i for i in extra if writer[i] != w]
            train += [free_of[i] for i in train if i in free_of]
            guess = fit_predict(options, documents, all_labels, train, test, classifier, make=make)
            line += f"  {w} {fmt(scores([data.labels[i] for i in test], guess, labels))}"
    line += (f"  no rule: {len(found)} named, {sum(predicted[i] == data.labels[i] for i in found)} right"
             f" (of {sum(data.labels[i] != 'other' for i in silent)} positives)")
    print(line, flush=True)
    print(f"{'':<40} {against_rules(predicted, data.labels, setup.by_rule)}", flush=True)
    missed = sum(data.labels[i] != "other" and on_leads[i] == "other" for i in on_leads)
    wrong = sum(on_leads[i] != data.labels[i] for i in on_leads)
    print(f"{'':<40} lead only: of its {wrong} errors, {missed} are positives called other", flush=True)
    print(f"{'':<40} {by_certainty(data, predicted, setup.by_rule, labels)}", flush=True)
    per_class = "  ".join(f"{label} {cv['per_class'][label]['f1']:.3f}" for label in labels)
    print(f"{'':<40} per class (hand CV): {per_class}", flush=True)
    per_class = "  ".join(f"{label} {cv_leads['per_class'][label]['f1']:.3f}" for label in labels)
    print(f"{'':<40} per class (lead only): {per_class}", flush=True)


def folds_of(data, setup: Setup, fold_seed: int = 0) -> list:
    """The 5 stratified folds of the hand labels that every variant is scored on."""
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(5, shuffle=True, random_state=fold_seed).split(
        setup.hand, [data.labels[i] for i in setup.hand]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None)
    parser.add_argument("--classifier", default="logreg")
    parser.add_argument("--only", default=None, help="variant numbers to run, comma-separated (1-based; default all)")
    parser.add_argument("--head-chars", type=int, default=HEAD_CHARS,
                        help=f"characters of each article the model reads (default {HEAD_CHARS}; 0: all of it)")
    parser.add_argument("--train-only", action="append", default=[], metavar="CSV",
                        help="a CSV with an `id` column: those hand labels are in every training fold and never "
                             "scored (what labels added later bring, on the folds of the labels before them); "
                             "repeat it for several files")
    parser.add_argument("--lead-copies", action="store_true",
                        help="learn each training fold's hand labels a second time, cut to title and lead")
    parser.add_argument("--rule-free-copies", choices=("all", "positives"), default=None,
                        help="learn each training document a rule fired on (all, or those labelled a type) a second "
                             "time without the rule's token")
    parser.add_argument("--lead-only", type=int, default=LEAD_ONLY,
                        help=f"characters of text the 'lead only' measure keeps (default {LEAD_ONLY})")
    parser.add_argument("--names-as-words", action="store_true",
                        help="read people's names as words, as models before the thirty-first session did (the "
                             "shipped model reads each as one token, dvtopics.text.people)")
    args = parser.parse_args()
    chosen = [VARIANTS[int(n) - 1] for n in args.only.split(",")] if args.only else VARIANTS
    data = shipped_training_data()
    setup = prepare(data, SegmentCache(args.cache_dir), args.head_chars, args.lead_only, not args.names_as_words)
    if args.train_only:
        ids = set()
        for path in args.train_only:
            with open(path, encoding="utf-8") as handle:
                ids |= {row["id"] for row in csv.DictReader(handle)}
        added = [i for i in setup.hand if data.articles[i].id in ids]
        setup.hand, setup.weak = [i for i in setup.hand if i not in set(added)], setup.weak + added
        print(f"{len(added)} hand labels of {', '.join(args.train_only)} in every training fold, never scored")
    print(f"hand {len(setup.hand)}, weak {len(setup.weak)}, written {len(setup.extra)} ({', '.join(setup.writers)})")
    print(rules_row(data, setup, 40))
    folds = folds_of(data, setup)
    for name, with_written, options in chosen:
        run_variant(data, setup, folds, name, with_written, options, args.classifier, lead_copies=args.lead_copies,
                    rule_free=args.rule_free_copies)


if __name__ == "__main__":
    main()
