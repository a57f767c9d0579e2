"""Training data, cross-validation, model choice and the final fit.

Few articles are labelled by hand, so training adds weak labels (optional):
articles from the same corpora on which a cue rule fires take the rule's label,
and a sample of articles that carry no cue word at all are `other`. Scores are
only ever computed on hand labels, out of fold: each fold trains on the weak
labels plus the other folds' hand labels, and predicts its own hand labels.
"""
from __future__ import annotations

import logging
import random
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import numpy as np

from .model import (CLASSIFIERS, LABELS_GIVEN, LEAST_PER_LABEL, TASK, TRAINED_TEXTS, TRAINED_WITH, Classifier,
                    check_classifiers, committee_named, decide, drop_pruned_vocabulary, make_pipeline, pipeline_text)
from .features import (HEAD_CHARS, LEAD_COPY_CHARS, article_digest, documents_of, event_sentences, event_tokens,
                       lead_copy, rule_says, words)
from ..arguments import MIN_FOLDS, as_list, check_at_least, check_share, named, option
from ..io.labels import labels_given, read_labels
from ..wording import brief_repr, plural, word_for
from ..io.article import Article, record_fields
from ..errors import DvtopicsError
from .evaluate import scores
from ..persist import data_hash
from .events import find_event
from .vocabulary import ANY_CUE
from .names import (ARTICLE_TYPES, as_article_types, check_label_set, is_article_type_set, same_label,
                    spelt_as_article_type, types_mixed_with_others, without_abstentions)
from .rules import apply_rules, rules_fingerprint
from ..text.people import people_fingerprint

log = logging.getLogger(__name__)

# The meeting sentences decide an article's type; the title view ("head") added nothing once they
# were read (benchmarks/RESULTS.md, ablation).
ARTICLE_TYPE_VIEWS = ("text", "event")  # event_chars (character n-grams) added nothing (benchmarks/RESULTS.md)
# Where no cue rule fires, the model names a type only this sure (model.decide): on real titles and leads its own
# meeting labels under 0.8 were almost all wrong (benchmarks/rule_silent_gate.py, RESULTS.md)
SILENT_MIN_CONFIDENCE = 0.8
# Where a cue rule fires, the model gives another label only this sure (model.decide): trained on one corpus and
# labelling the other, it overrode a fired rule 8 times, wrongly 6; on its own corpus it did so 3 times
# (benchmarks/rule_override_gate.py, RESULTS.md)
OVERRIDE_MIN_CONFIDENCE = 0.9
TOPIC_VIEWS = ("text",)  # a topic is in the whole text (VNTC: one view scores higher, benchmarks/RESULTS.md)

_ANY_CUE = re.compile(ANY_CUE, re.IGNORECASE)
_POOLED = -1  # collect: a text seen in the cue-free pool


@dataclass
class TrainingData:
    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    articles: list[Article] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    gold: list[bool] = field(default_factory=list)  # hand label (scored) or not (train only)
    kinds: list[str] = field(default_factory=list)  # "hand", "weak" (a rule's or cue-free), "extra" (--extra)
    hand_labels: "HandLabels" = field(default_factory=lambda: HandLabels())  # where the hand labels came from
    failed: list[Article] = field(default_factory=list)  # articles (and extra articles) that could not be read

    def add(self, article: Article, label: str, gold: bool, kind: str | None = None) -> None:
        self.articles.append(article)
        self.labels.append(label)
        self.gold.append(gold)
        self.kinds.append(kind or ("hand" if gold else "weak"))

    def replace(self, index: int, article: Article, label: str) -> None:
        """A hand-labelled article in the place of a weak one (the same text)."""
        self.articles[index], self.labels[index], self.gold[index], self.kinds[index] = article, label, True, "hand"

    def summary(self) -> dict:
        counts: dict = {}
        for label, kind in zip(self.labels, self.kinds):
            per_label = counts.setdefault(kind, {})
            per_label[label] = per_label.get(label, 0) + 1
        return counts


class _Reservoir:
    """A seeded uniform sample of `size` articles from a stream of any length (reservoir sampling: memory stays
    bounded on any corpus); `withdraw` takes back a sampled text that a hand label has claimed."""

    def __init__(self, size: int, seed: int):
        self.size, self.offered, self.rng = size, 0, random.Random(seed)
        self.slots: list[tuple[bytes, Article] | None] = []
        self.slot_of: dict[bytes, int] = {}  # digest: its slot

    def offer(self, digest: bytes, article: Article) -> None:
        self.offered += 1
        if len(self.slots) < self.size:
            self.slot_of[digest] = len(self.slots)
            self.slots.append((digest, article))
        elif (j := self.rng.randrange(self.offered)) < self.size:
            if self.slots[j] is not None:
                del self.slot_of[self.slots[j][0]]
            self.slot_of[digest] = j
            self.slots[j] = (digest, article)

    def withdraw(self, digest: bytes) -> None:
        if digest in self.slot_of:
            self.slots[self.slot_of.pop(digest)] = None

    def articles(self) -> list[Article]:
        return [slot[1] for slot in self.slots if slot is not None]


def collect(
    articles: Iterable[Article],
    gold_labels: dict[str, str] | None = None,
    weak_rules: bool = False,
    weak_other: int = 0,
    seed: int = 0,
    extra: Iterable[Article] = (),
    label_field: str = "label",
) -> TrainingData:
    """Pick the training articles from a stream.

    An article is hand-labelled if `gold_labels` (a labels file) has its id,
    which wins over the article's own label field, or else if it carries a
    label field of the same label set (`HandLabels`). With `weak_rules`,
    other articles on which a rule fires get the rule's label; `weak_other`
    articles with no cue word are sampled (reservoir, seeded) as `other`.
    `extra` articles carry their own label (a written training set, a user's
    corrections): they are learnt from but, like weak labels, never scored.
    Exact duplicates (title and text) are kept once, under the most trusted label
    any copy has: an extra article's over a hand label over a weak one; among
    the extra articles, the later copy's (a correction). Two copies given
    different hand labels are refused (`OneLabelPerText`). Articles that could not be read are left out and kept
    in `failed`. `label_field`: the field the articles' own labels were read from, named where none has one.
    """
    # as --weak-other: "2000" stopped the training with a raw TypeError once the articles were read, -1 sampled none
    # and 2.5 three, in silence
    weak_other = check_at_least("weak_other", weak_other, 0)
    data = TrainingData(hand_labels=HandLabels(gold_labels))
    extras = _extra_articles(extra, data)
    n_extra = len(extras)
    labelled = OneLabelPerText()  # the hand labels, every copy of a text's
    # Wherever in the input each copy comes: a user's correction of an article the corpus also holds must win.
    seen: dict[bytes, int | None] = {digest: None for digest in extras}  # digest: its index in data if weak,
    # _POOLED if it went to the cue-free pool (in the sample or not), None if labelled
    sample = _Reservoir(weak_other, seed)
    replaced, corrected, ruled = 0, [], 0  # corrected: (the extra article, the hand-labelled one, its hand label)
    repeated = []  # (a hand-labelled copy learnt once, the article it repeats): said, as the counts leave it out
    first_id: dict[bytes, str] = {}
    extra_ids = {article.id: article for article in extras.values()}
    apart = []  # (an extra article, an input article of its id but another text, the label the input's is learnt with)
    an_id = None  # an article's id, for the message that no hand label's is one
    fields_read = None  # the fields of the first article read from a table or JSON, not a .txt or .docx file (a text)
    for article in articles:
        if article.error:
            data.failed.append(article)
            continue
        an_id = an_id or article.id
        if fields_read is None and not article.meta.get("path"):
            fields_read = record_fields(article)
        digest = article_digest(article)
        if (mine := extra_ids.get(article.id)) is not None and digest not in extras:
            # a correction keyed by an input article's id, its text another (a title and lead copied from a table)
            given = data.hand_labels.peek(article) or (weak_rules and (hit := apply_rules(article.title, article.text))
                                                       and hit.label)
            if given and not same_label(given, mine.label):
                apart.append((mine, article, given))
        if digest not in seen:
            label = data.hand_labels(article)
            if label:
                labelled.note(article, label)
                seen[digest] = None
                first_id[digest] = article.id
                data.add(article, label, gold=True)
            elif weak_rules and (hit := apply_rules(article.title, article.text)):
                seen[digest] = len(data.articles)
                data.add(article, hit.label, gold=False)
                ruled += 1
            elif weak_other and not _ANY_CUE.search(article.text):
                seen[digest] = _POOLED
                sample.offer(digest, article)
            continue
        # A text read before. Only a hand label can outrank what it got: an extra article's, or a weak one.
        hand = data.hand_labels.peek(article)
        if hand:
            labelled.note(article, hand)
        if not hand or (seen[digest] is None and digest not in extras):
            if hand and digest in first_id:
                repeated.append((article.id, first_id[digest]))
            continue  # no label, or labelled already (the same label: another label is refused below)
        if digest in extras:  # the user's correction wins; the same label leaves the article scored
            if not same_label(hand, extras[digest].label):
                corrected.append((extras[digest], article, hand))
                continue
            del extras[digest]
            data.add(article, data.hand_labels(article), gold=True)
        elif seen[digest] == _POOLED:
            sample.withdraw(digest)
            data.add(article, data.hand_labels(article), gold=True)
            replaced += 1
        else:  # in the weak article's place
            data.replace(seen[digest], article, data.hand_labels(article))
            replaced += 1
        seen[digest] = None
    labelled.check()
    if apart:  # the user meant to correct those articles: nothing was, and nothing said so
        mine, article, given = apart[0]
        log.warning("%d %s article(s) share their id with an input article whose title and text are not theirs, "
                    "and give it another label (e.g. %r: %s in %s, %s among the inputs): both are learnt, each with "
                    "its own label. A correction replaces the article whose title and text it repeats; to relabel an "
                    "input article by its id, give the label in %s", len(apart), option("--extra"), mine.id,
                    mine.label, option("--extra"), given, option("--labels"))
    if repeated:  # the user counted 3 of a label and read "has 2 articles": say where the third went
        log.warning("%d hand-labelled article(s) repeat the title and text of another, with its label: each text is "
                    "learnt and scored once (e.g. %r, as %r)", len(repeated), *repeated[0])
    if replaced:
        log.info("%d hand-labelled article(s) take the place of the same text read without a label", replaced)
    if corrected:  # one named, as the warning of a corrected --extra copy names one: the user can look it up
        extra_article, hand_article, hand = corrected[0]
        log.warning("%d extra article(s) give another label to a hand-labelled text: the extra label is learnt, "
                    "and those articles are not scored (e.g. %r: %s, over %r: %s)", len(corrected), extra_article.id,
                    extra_article.label, hand_article.id, hand)
    for article in sample.articles():
        data.add(article, "other", gold=False)
    for article in extras.values():
        data.add(article, article.label, gold=False, kind="extra")
    data.labels = as_article_types(data.labels)
    data.hand_labels.warn_unused()
    if not any(data.gold):  # without a labels file, "check --labels (ids must match)" named an option not given
        # labelled articles given only with --extra were "no labelled article found", as if none had been given: they
        # are learnt, never scored, and the cross-validation needs hand labels among the inputs
        extra = named("extra_paths")
        extra_only = (f"; the {n_extra} labelled {extra} article(s) are learnt from but never scored, and the "
                      "cross-validation needs hand labels among the inputs: give a labelled file among the inputs "
                      f"(PATHS) rather than as {extra}" if n_extra else "")
        gold = data.hand_labels.gold
        labels = named("label_files")
        # a JSONL file read without its labels (`--label-field nhãn` where they are in `label`) was said to be
        # .txt files, which hold none
        unlabelled = (f"{no_label_in(label_field, fields_read)}, and no {labels} file was given"
                      if fields_read is not None else
                      f"an article's file (.txt, .docx, .odt) holds no label, and no {labels} file was given: give "
                      f"their labels with {labels} (a CSV of id or file, and label, such as `label --out` writes)")
        raise DvtopicsError((_none_labelled(gold, an_id, data.failed) if gold_labels is not None or an_id is None else
                             f"no labelled article found: {unlabelled}") + extra_only)
    _check_weak_labels_fit(data, weak_rules, weak_other)
    # (after the check that refuses them: "too few added" before "leave them out" said two things at once)
    _warn_few_weak(weak_rules, ruled, weak_other, len(sample.articles()))
    check_label_set(set(data.labels), lambda label: _an_article_labelled(data, label))
    return data


def no_label_in(label_field: str, fields: Sequence[str]) -> str:
    """That no article of a table or JSON has a label in `label_field`, with the `fields` the first one carried besides
    (`record_fields`): a sheet's labels under "Phân loại" were told only to be given with --label-field."""
    others = f"; the first article's other fields are {', '.join(map(repr, fields))}" if fields else ""
    return (f"no article has a label in its '{label_field}' field (give the column with {option('--label-field')}"
            f"{others})")


def _an_article_labelled(data: TrainingData, label: str) -> str:
    """The first article given `label`, named with where its label came from."""
    i = data.labels.index(label)
    return f"the {option('--extra') + ' ' if data.kinds[i] == 'extra' else ''}article {data.articles[i].id!r}"


def _none_labelled(gold: dict[str, str] | None, an_id: str | None, failed: list = ()) -> str:
    """Why no article is hand-labelled though hand labels were given: none of their ids is an article's (named as
    the library's argument and the command line's option, with an id of each: a notebook's Series indexed by file
    names, "a1.txt" where the article is "a1"), or none of their articles could be read (`failed`: said so, where
    "none of the ids is an article's" followed a warning that one was)."""
    if an_id is None:  # (a table without its text column: "no article has a label" sent the user to the labels)
        such = f" (such as {failed[0].id!r}: {failed[0].error})" if failed else ""
        return f"no labelled article found: no article could be read{such}"
    if not gold:
        return "no labelled article found: the hand labels (gold_labels, --labels) hold none"
    unread = next((article for article in failed if article.id in gold), None)
    if unread is not None:
        return (f"no labelled article found: the labelled articles of the input could not be read (such as "
                f"{unread.id!r}: {unread.error})")
    such = f" (such as {next(iter(gold))!r}; the articles' ids are such as {an_id!r})"
    which = (f"none of the {len(gold)} ids of the hand labels (gold_labels, --labels) is" if len(gold) > 1 else
             "the one id of the hand labels (gold_labels, --labels) is not")
    return (f"no labelled article found: {which} an article's{such}, nor has an article a label of their set in its "
            f"label field ({option('--label-field')})")


def _warn_few_weak(weak_rules: bool, ruled: int, weak_other: int, sampled: int) -> None:
    """Say when the weak labels asked for are not there: `--weak-rules --weak-other 2000` over inputs whose articles
    are all labelled (a labelled file alone, or unlabelled ones that a rule's replacement could not reach) added none,
    and the model was trained without them, in silence. Hand-labelled articles take no weak label."""
    if weak_rules and not ruled:
        log.warning("%s: no unlabelled article of the inputs fires a cue rule, so no weak label was added: give "
                    "unlabelled articles (a corpus) among the inputs", named("weak_rules"))
    if weak_other and sampled < weak_other:
        log.warning("%s %d: %d unlabelled article(s) of the inputs have no cue word, so %d weak `other` label(s) were "
                    "added: give more unlabelled articles among the inputs", named("weak_other"), weak_other, sampled,
                    sampled)


def _check_weak_labels_fit(data: TrainingData, weak_rules: bool, weak_other: int) -> None:
    """Refuse weak labels beside hand labels of a set of the user's own (VNTC's topics, numbers): the cue rules give
    article types and `weak_other` gives `other`. The rules' types were refused as the user's mistake ("label(s)
    'Kinh tế' … are not article types, while others are: correct the labels"), and `other` became a class of their
    set, learnt from unlabelled articles, in silence."""
    asked = [said for said, given in (
        (f"{named('weak_rules')} gives unlabelled articles the cue rules' article types", weak_rules),
        (f"{named('weak_other')} gives unlabelled articles the article type `other`", weak_other)) if given]
    hand = {label for label, gold in zip(data.labels, data.gold) if gold}
    spelt = {spelt_as_article_type(label) for label in hand}
    if asked and spelt - set(ARTICLE_TYPES) and not spelt & (set(ARTICLE_TYPES) - {"other"}):
        own = sorted(label for label in hand if spelt_as_article_type(label) not in ARTICLE_TYPES)
        raise DvtopicsError(f"{'; '.join(asked)}, and the hand labels are a set of your own "
                            f"({', '.join(map(repr, own[:5]))}{' …' if len(own) > 5 else ''}): leave "
                            f"{word_for(len(asked), 'it', 'them')} out")


def training_data_hash(data: TrainingData) -> str:
    """The hash a model's card records of what it learnt from: each article's id, title, text and label. The texts
    too: a change in how articles are read (entities, furniture) changes what is learnt, with the same ids and
    labels."""
    return data_hash((a.id, a.title, a.text, label) for a, label in zip(data.articles, data.labels))


def check_trainable(data: TrainingData) -> None:
    """Refuse training data of a single label: a classifier needs two. `train` checks it, not `collect`: hand labels
    of one type are still what a model already trained is scored on (notebook 02 with MODEL set)."""
    if len(set(data.labels)) < 2:
        raise DvtopicsError(f"every training article has the label {data.labels[0]!r}: a classifier needs "
                            "articles of two labels or more")


class HandLabels:
    """Each article's hand label, as `train` and `evaluate` read them: the labels file's (`gold_labels`) for
    the ids it names, over the article's own label field; else its label field, if it is of the same label set:
    any label without a labels file; with one, a label the file gives or, when the file gives article types,
    any article type (a file of a few corrections need not use all five). A corpus's label field of another
    task (VNTC's ten topics, beside article types from a labels file) would otherwise put that task's classes
    into the model: those labels are counted in `unused` instead.

    `sources` counts the labels given by the "labels file" and by the "label field", and `overridden` those of
    the file that replaced another label in the article's field.
    """

    def __init__(self, gold_labels: Mapping | None = None, name: str = "gold_labels"):
        self.gold = None
        if gold_labels is not None:
            gold_labels = labels_given(gold_labels, name)  # `name`: the argument, for messages
            ids, labels = list(gold_labels), as_article_types(list(gold_labels.values()))
            self.gold = dict(zip(ids, labels))
        labels = set((self.gold or {}).values())
        # A file of "Other" alone (a correction) says not which set: the label field's own decides, as without a file
        ambiguous = gold_labels is None or {spelt_as_article_type(label) for label in labels} == {"other"}
        self.same_set = None if ambiguous else set(ARTICLE_TYPES) if is_article_type_set(labels) else labels
        self.sources, self.overridden, self.unused = Counter(), 0, Counter()

    def _own(self, article: Article):
        """The article's label field, as an article type when the labels file gives article types."""
        if self.same_set is not None and self.same_set <= set(ARTICLE_TYPES):
            return spelt_as_article_type(article.label)
        return article.label

    def _lookup(self, article: Article) -> tuple[str | None, str | None, object]:
        """(its hand label, where that came from: "labels file", "label field" or None, its own label)."""
        own = self._own(article)
        # a labels file's ids are read without the spaces around them (`labels_by_id`): an article's " a1 " too
        label = self.gold.get(article.id) or self.gold.get(article.id.strip()) if self.gold is not None else None
        if label:
            return label, "labels file", own
        if own and (self.same_set is None or own in self.same_set):
            return own, "label field", own
        return None, None, own

    def peek(self, article: Article) -> str | None:
        """The article's hand label, counted nowhere (a duplicate that may not be used)."""
        return self._lookup(article)[0]

    def __call__(self, article: Article) -> str | None:
        label, source, own = self._lookup(article)
        if source == "labels file":
            # a correction of the article's own label; another task's label (a VNTC topic) is no such thing
            self.overridden += (bool(own) and not same_label(own, label)
                                and (self.same_set is None or own in self.same_set))
        if source:
            self.sources[source] += 1
        elif own:
            self.unused[own] += 1
        return label

    def warn_unused(self) -> None:
        warn_unused_labels(self.unused)


def warn_unused_labels(unused: Counter) -> None:
    """One warning that names the label-field labels left out (`HandLabels.unused`), the most common first."""
    if unused:
        commonest = ", ".join(f"{label!r} ({n})" for label, n in unused.most_common(5))
        more = f" and {len(unused) - 5} more" if len(unused) > 5 else ""
        log.warning("the label field of %s was not used: its labels are not of the labels file's set "
                    "(another task's?): %s%s", plural(sum(unused.values()), "article"), commonest, more)


def warn_corrections_against_rules(data: TrainingData, override_min_confidence: float) -> None:
    """Say how many --extra articles carry a label against the cue rule that fires on them: they are learnt, but on
    new articles the rule's label stands unless the model is `override_min_confidence` sure, and a user's 30
    corrections of a kind of report a rule misreads fixed 2 of 12 such new ones, with nothing said why (hunt 37 B)."""
    against, extras = Counter(), 0
    for article, label, kind in zip(data.articles, data.labels, data.kinds):
        if kind == "extra":
            extras += 1
            if (hit := apply_rules(article.title, article.text)) and not same_label(hit.label, label):
                against[hit.rule] += 1
    if against:
        rules = ", ".join(f"{rule}: {n}" for rule, n in against.most_common(3)) + (", …" if len(against) > 3 else "")
        log.warning("%s: %d of the %s carry a label against the cue rule that fires on them (%s): learnt, but on new "
                    "articles a rule's label stands unless the model is %g sure; %s lower lets the model's label "
                    "win sooner (docs/labelling.md)", option("--extra"), sum(against.values()),
                    plural(extras, "article"), rules, override_min_confidence, option("--override-min-confidence"))


def labels_the_model_would_not_give(pipeline, documents: Sequence[str], data: TrainingData, use_rules: bool,
                                    silent_min_confidence: float, override_min_confidence: float) -> dict[bytes, str]:
    """The hand-labelled and --extra texts whose label the trained model, deciding as labelling does (`decide`), does
    not give them, by their digest: `Classifier.predict` gives each the label it was given. A user's 57 corrections,
    learnt, left every one of those articles with the label they corrected: against a cue rule the model's label
    wins only at 0.9 (hunt 42 AK). Weak labels are the rules' own, and kept nowhere."""
    rows = [row for row, kind in enumerate(data.kinds) if kind != "weak"]
    if not rows:
        return {}
    probabilities = pipeline.predict_proba([documents[row] for row in rows])
    hits = [apply_rules(data.articles[row].title, data.articles[row].text) if use_rules else None for row in rows]
    articles = [data.articles[row] for row in rows]
    labels = [str(label) for label in pipeline.classes_]
    committees = committee_named(articles, hits, probabilities, labels) if use_rules else None
    chosen, _, _ = decide(probabilities, labels, hits, silent_min_confidence, override_min_confidence, committees)
    kept = [(article_digest(article), data.labels[row]) for row, article, label in zip(rows, articles, chosen)
            if not same_label(label, data.labels[row])]
    return dict(sorted(kept))


def learnt_from(classifier: Classifier, articles: Sequence[Article]) -> list[Article] | None:
    """The articles whose title and text (`_digest`) `classifier` was trained on, or None when its model file does
    not record them (trained before dvtopics did): scored on them, a model is scored on its own training data."""
    trained = getattr(classifier.pipeline, TRAINED_TEXTS, None)
    if trained is None:
        return None
    trained = set(trained)
    return [article for article in articles if article_digest(article) in trained]


def _extra_articles(extra: Iterable[Article], data: TrainingData) -> dict[bytes, Article]:
    """The readable extra articles by title and text (`_digest`): an article given again later in `extra` is the
    user's correction (appended to the file, or in a later --extra file), and the later copy wins, with a one-line
    note. The unreadable ones go to `data.failed`. Each must carry a label."""
    extras: dict[bytes, Article] = {}
    corrected = []
    for article in extra:
        if article.error:  # its reader said its error (`io.records.failed`), as for an input's: not again here
            data.failed.append(article)
        elif not article.label:
            raise DvtopicsError(f"extra article {article.id} has no label: give each one a label field")
        else:
            earlier = extras.get(article_digest(article))
            if earlier is not None and not same_label(earlier.label, article.label):
                corrected.append((earlier, article))
            extras[article_digest(article)] = article
    if corrected:
        earlier, later = corrected[0]
        log.warning("%s: %d article(s) given again later with another label: the later label is learnt, as a "
                    "correction (e.g. %r: %s, over %r: %s)", option("--extra"), len(corrected), later.id, later.label,
                    earlier.id, earlier.label)
    return extras


class OneLabelPerText:
    """Refuses an article (title and text, `_digest`) given two labels: the same story from two sites, labelled
    apart. Which label is meant no one can tell, and keeping either would drop the other silently (a whole type,
    when it was that type's only article); a labels file that gives one id two labels is refused alike. Labels
    are compared as the types they spell ("Other" is `other`). `note` each labelled text, then `check`."""

    def __init__(self, where: str = ""):
        self.where = where  # what the message starts with: "--extra: "
        self.first: dict[bytes, tuple[str, str]] = {}  # a text's digest: (id, label) of its first copy
        self.conflicts: list[tuple[str, str, str, str]] = []  # (id, label, first id, first label)

    def note(self, article: Article, label: str) -> str | None:
        """The id of the text's first copy when this article repeats it, else None."""
        digest = article_digest(article)
        repeats = digest in self.first
        first_id, first_label = self.first.setdefault(digest, (article.id, label))
        if not same_label(label, first_label):
            self.conflicts.append((article.id, label, first_id, first_label))
        return first_id if repeats else None

    def check(self) -> None:
        if not self.conflicts:
            return
        (id_, label, first_id, first_label), n = self.conflicts[0], len(self.conflicts)
        copy = f"{id_!r} ({label}) has the title and text of {first_id!r} ({first_label})"
        raise DvtopicsError(self.where + (f"the labelled article {copy}" if n == 1 else
                                          f"{n} labelled articles have the title and text of an earlier one and another "
                                          f"label, e.g. {copy}") + ": give one text one label, or drop the copy")


def read_types(labels_file, label_field: str = "label", id_field: str = "id") -> dict[str, str] | None:
    """A topic command's --labels (`topics fit`, `topics assign`, locally or on Dask) by id, or None without a
    file. An id given two labels (`same_label`: not one type spelt two ways) is left out, with a warning (`label`'s
    output of an input that repeats an id, labelled apart); a file whose every id was is no types, not an error.
    The labels are in the column named as the articles' label field (`label_field`), else in `label`; the ids in the
    one named as their id field (`id_field`), else in `id`."""
    if not labels_file:
        return None
    return without_abstentions(read_labels(labels_file, on_conflict="drop", same=same_label, label_field=label_field,
                                           id_field=id_field), labels_file) or None


def with_article_types(articles: Sequence, types: Mapping[str, str] | None = None, say_mixed: bool = True,
                       unused: Counter | None = None) -> list:
    """`articles`, each with its type as its label, for the topics by type (`topics fit`, `topics assign`), read
    as `train` reads hand labels (`HandLabels`): its type in `types` (a --labels file, by id) when it has one
    there, else its own label field when that is of the same label set: VNTC's topics in the label field, beside
    article types from the file, are no types (a warning names them). All read as the article types however
    spelt when they are (`as_article_types`): "Annual review" beside `annual_review` is one type, not two rows of
    by_type.csv. Types mixed with labels that are none, which `train` refuses (`check_label_set`) and the report
    leaves out, are warned of (unless not `say_mixed`: the report says so itself, of the types it shows), each type
    however spelt read as the type (`same_label`): "Khác" and `other` were two rows, in silence. `unused`: the
    label-field labels left out are counted there, for a run in parts to say once (`warn_unused_labels`), not said."""
    from dataclasses import replace

    articles = as_list(articles, "articles")
    hand_labels = HandLabels(types, "types")
    given = [hand_labels(article) for article in articles]
    if unused is None:
        hand_labels.warn_unused()
    else:
        unused.update(hand_labels.unused)
    mixed = types_mixed_with_others({label for label in given if label})
    if mixed and say_mixed:
        log.warning("the topics by type: %s; read meanwhile with each type as one type however spelt, the other labels "
                    "as written", mixed)
    typed = [spelt_as_article_type(label) for label in given] if mixed else as_article_types(given)
    return [article if article.label == label else replace(article, label=label)
            for article, label in zip(articles, typed)]


def _smallest(labels: Sequence[str]) -> tuple[str, int]:
    """The label with the fewest articles, and how many it has."""
    return min(Counter(labels).items(), key=lambda item: (item[1], item[0]))


def folds_used(labels: Sequence[str], n_folds: int) -> int:
    """The folds cross-validation can make of these hand labels: no more than the smallest label has articles
    (each fold holds one of each). A label of one article cannot be cross-validated: refused, naming it."""
    label, smallest = _smallest(labels)
    if smallest < MIN_FOLDS:
        raise DvtopicsError(f"the hand label {label!r} has {smallest} article: cross-validation needs {MIN_FOLDS} of "
                            "each (one to learn from while the other is scored); label another, or give it with "
                            f"{option('--extra')} (learnt from, never scored)")
    return min(n_folds, smallest)


def _fewest_where_fitted(data: TrainingData, n_folds: int, seed: int) -> tuple[str, int]:
    """The label with the fewest articles in a set a model is fitted on (the training part of each
    cross-validation fold, and all the articles), and how many it has there."""
    gold = [label for label, g in zip(data.labels, data.gold) if g]
    not_scored = Counter(label for label, g in zip(data.labels, data.gold) if not g)
    sets = [Counter(data.labels)] + [not_scored + Counter(gold[i] for i in train_part)
                                     for train_part, _ in _folds(gold, n_folds, seed)]
    return min(((label, n) for counts in sets for label, n in counts.items()), key=lambda item: (item[1], item[0]))


def _can_fit(classifiers: Sequence[str], data: TrainingData, n_folds: int, seed: int) -> list[str]:
    """The classifiers that can be fitted on every training set (`LEAST_PER_LABEL`); a candidate that cannot is
    left out with a warning, and none left is refused, both naming the label and the articles needed."""
    label, fewest = _fewest_where_fitted(data, n_folds, seed)
    fit = [kind for kind in classifiers if fewest >= LEAST_PER_LABEL.get(kind, 1)]
    for kind in classifiers:
        if kind not in fit:
            why = (f"it needs {LEAST_PER_LABEL[kind]} articles of each label wherever it is fitted (in each "
                   f"cross-validation fold's training articles, and in all), and {label!r} has {fewest} in one")
            if not fit:
                raise DvtopicsError(f"cannot train {kind}: {why}; label more {label} articles, or choose another "
                                    f"--classifier ({', '.join(k for k in CLASSIFIERS if k not in LEAST_PER_LABEL)})")
            log.warning("%s left out: %s; label more %s articles to try it", kind, why, label)
    return fit


def _folds(labels: Sequence[str], n_folds: int, seed: int):
    from sklearn.model_selection import StratifiedKFold

    return StratifiedKFold(n_splits=folds_used(labels, n_folds), shuffle=True, random_state=seed).split(
        np.zeros(len(labels)), labels)


def out_of_fold(documents: Sequence[str], data: TrainingData, classifier: str, n_folds: int = 5,
                seed: int = 0, copies: Mapping[int, str] | None = None, silent_min_confidence: float = 0.0,
                override_min_confidence: float = 0.0, **pipeline_options) -> dict[int, str]:
    """{index of a hand-labelled article: its label predicted by a model that never saw it}.

    Each fold trains on the weak labels plus the other folds' hand labels, and their `copies` ({index: the
    document of its lead copy}): a held-out article's copy is held out with it. Each label is decided as
    labelling decides it (`model.decide`, with `silent_min_confidence` and `override_min_confidence`).
    `pipeline_options` go to `make_pipeline` (C, max_features, rules, views).
    """
    gold = [i for i, g in enumerate(data.gold) if g]
    weak = [i for i, g in enumerate(data.gold) if not g]
    copies = copies or {}
    predicted = {}
    for train_part, test_part in _folds([data.labels[i] for i in gold], n_folds, seed):
        train = weak + [gold[i] for i in train_part]
        copied = [gold[i] for i in train_part if gold[i] in copies]
        pipeline = make_pipeline(classifier, **pipeline_options)
        pipeline.fit([documents[i] for i in train] + [copies[i] for i in copied],
                     [data.labels[i] for i in train + copied])
        held_out = [gold[i] for i in test_part]
        if silent_min_confidence or override_min_confidence:
            hits = [apply_rules(data.articles[i].title, data.articles[i].text) for i in held_out]
            probabilities = pipeline.predict_proba([documents[i] for i in held_out])
            classes = [str(label) for label in pipeline.classes_]
            committees = committee_named([data.articles[i] for i in held_out], hits, probabilities, classes)
            labels, _, _ = decide(probabilities, classes, hits, silent_min_confidence, override_min_confidence,
                                  committees)
        else:
            labels = pipeline.predict([documents[i] for i in held_out])
        predicted.update(zip(held_out, labels))
    return predicted


def cross_validate(documents: Sequence[str], data: TrainingData, classifier: str, n_folds: int = 5,
                   seed: int = 0, copies: Mapping[int, str] | None = None, silent_min_confidence: float = 0.0,
                   override_min_confidence: float = 0.0, **pipeline_options) -> tuple[list[str], list[str]]:
    """Out-of-fold predictions for the hand-labelled articles: (true, predicted)."""
    predicted = out_of_fold(documents, data, classifier, n_folds, seed, copies, silent_min_confidence,
                            override_min_confidence, **pipeline_options)
    return [data.labels[i] for i in predicted], [str(label) for label in predicted.values()]


def rules_only(data: TrainingData) -> tuple[list[str], list[str]]:
    """The rules' labels on the hand-labelled articles (an abstention counts as `other`)."""
    y_true, y_pred = [], []
    for article, label, gold in zip(data.articles, data.labels, data.gold):
        if gold:
            hit = apply_rules(article.title, article.text)
            y_true.append(label)
            y_pred.append(hit.label if hit else "other")
    return y_true, y_pred


def pipeline_options(use_rules: bool, max_features: int | None = 30_000,
                     views: Sequence[str] | None = None, events: bool | None = None) -> dict:
    """The `make_pipeline` options `train` uses (and the benchmarks that rebuild its pipeline).

    By default article types read `ARTICLE_TYPE_VIEWS` and other label sets
    (topics) the whole text only. Article types are judged on other years than
    the corpora's (2003-06, 2017), so their years are masked.
    """
    if views is None:
        views = ARTICLE_TYPE_VIEWS if use_rules else TOPIC_VIEWS
    events = use_rules if events is None else events and use_rules
    return {"rules": use_rules, "max_features": max_features, "views": tuple(as_list(views, "views")),
            "mask_years": use_rules, "events": events}


def train(
    data: TrainingData,
    classifiers: Sequence[str] = CLASSIFIERS,
    use_rules: bool | None = None,
    head_chars: int = HEAD_CHARS,
    n_folds: int = 5,
    cache=None,
    n_jobs: int = 1,
    seed: int = 0,
    progress: bool = False,
    description: str = "",
    max_features: int | None = 30_000,
    views: Sequence[str] | None = None,
    lead_copies: int | None = None,
    silent_min_confidence: float | None = None,
    override_min_confidence: float | None = None,
) -> tuple[Classifier, dict]:
    """Cross-validate each classifier kind, keep the best by macro-F1, fit it on everything.

    `views` are the TF-IDF views (`make_pipeline`; default: `pipeline_options`).
    `lead_copies`: each hand-labelled article is learnt a second time cut to its title and this many characters
    of text (`features.lead_copy`; default `LEAD_COPY_CHARS` for article types, 0, none, for other label sets).
    `silent_min_confidence`: where no cue rule fires, the least confidence at which the model names a type, else
    `other` (`model.decide`; default `SILENT_MIN_CONFIDENCE` for article types; 0 for other label sets, which have
    no rules). `override_min_confidence`: where a cue rule fires, the least confidence at which the model gives
    another label, else the rule's (default `OVERRIDE_MIN_CONFIDENCE` for article types, 0 for other label sets).
    The cross-validated scores are of labels so decided.
    Returns the classifier and its model card (metrics of every candidate, the
    rules alone where they apply, per-class support, data hash, parameters).
    """
    check_classifiers(classifiers)  # (a name misspelt was refused by make_pipeline, after the others' cross-validation)
    check_at_least("n_folds", n_folds, MIN_FOLDS)
    if max_features is not None:  # 0 is every term, as --max-features 0 and jobs.train take it (scikit-learn's None)
        max_features = check_at_least("max_features", max_features, 0) or None
    check_trainable(data)
    if lead_copies is not None:
        lead_copies = check_at_least("lead_copies", lead_copies, 0)
    if silent_min_confidence is not None:
        check_share("silent_min_confidence", silent_min_confidence)
        silent_min_confidence = float(silent_min_confidence)  # on the card: a plain float
    if override_min_confidence is not None:
        check_share("override_min_confidence", override_min_confidence)
        override_min_confidence = float(override_min_confidence)
    hand = [label for label, gold in zip(data.labels, data.gold) if gold]
    used = folds_used(hand, n_folds)
    if used < n_folds:  # the card records the folds the metrics were measured with
        label, count = _smallest(hand)
        log.warning("%d folds asked for, %d made: the smallest hand label, %r, has %s", n_folds, used, label,
                    plural(count, "article"))
        n_folds = used
    classifiers = _can_fit(as_list(classifiers, "classifiers"), data, n_folds, seed)
    labels = sorted(set(data.labels))
    if use_rules is None:  # the cue rules only speak of article types
        use_rules = set(labels) <= set(ARTICLE_TYPES)
    if use_rules and "other" not in labels:  # trained on meetings alone, it called a clean-up day a meeting, at 0.25
        log.warning("no training article is labelled `other`: the model will name one of %s for every article, "
                    "even one that reports no meeting; label some such articles `other`, or train with the written "
                    "set among the inputs (in a clone of dvtopics, data/train/written_S1.jsonl: a wheel holds no "
                    "training data)", ", ".join(labels))
    elif use_rules and (missing := sorted(set(ARTICLE_TYPES) - set(labels))):
        # (a province's articles alone, none of them a quarter's briefing: the model never gave that type, and a
        # firing rule's label was overruled in silence, hunt 42 AK)
        log.warning("no training article is labelled %s: the model will never give %s, even where a cue rule "
                    "names it; add some such articles, or train with the written set among the inputs",
                    ", ".join(f"`{label}`" for label in missing), "that type" if len(missing) == 1 else "those types")
    if silent_min_confidence and not (use_rules and "other" in labels):  # before the segmenting and fitting
        # it sets a type named with no cue rule behind it to `other` (`decide`): without the rules or an `other` label it
        # was dropped in silence (an own label set's card said 0.0; one without `other` said 0.9, never applied)
        why = "these labels have no `other`" if use_rules else "these labels are not the article types (no cue rules)"
        raise DvtopicsError(f"{named('silent_min_confidence')} {silent_min_confidence:g} sets a type "
                            f"named without a cue rule to `other`, and {why}: leave it out")
    if override_min_confidence and not use_rules:
        raise DvtopicsError(f"{named('override_min_confidence')} {override_min_confidence:g} gives the cue rule's "
                            "label where the model is less sure of another, and these labels are not the article "
                            "types (no cue rules): leave it out")
    options = pipeline_options(use_rules, max_features, views)
    events = [find_event(a.title, a.text) for a in data.articles] if options["events"] else None
    # people's names are masked for article types: the corpora's ministers of 2005 and 2017 are not a type's words
    mask_people = use_rules
    documents = documents_of(data.articles, use_rules, head_chars, cache, n_jobs, progress, events=events,
                             mask_people=mask_people)
    if lead_copies is None:
        lead_copies = LEAD_COPY_CHARS if use_rules else 0
    copies = _lead_copies(data, lead_copies, options, use_rules, head_chars, cache, n_jobs, mask_people)
    if not use_rules or silent_min_confidence is None:
        silent_min_confidence = SILENT_MIN_CONFIDENCE if use_rules and "other" in labels else 0.0
    if not use_rules or override_min_confidence is None:
        override_min_confidence = OVERRIDE_MIN_CONFIDENCE if use_rules else 0.0
    if override_min_confidence:
        warn_corrections_against_rules(data, override_min_confidence)
    candidates = {}
    with _words_to_learn(documents, use_rules, options["views"]):
        for kind in classifiers:
            y_true, y_pred = cross_validate(documents, data, kind, n_folds, seed, copies, silent_min_confidence,
                                            override_min_confidence, **options)
            candidates[kind] = scores(y_true, y_pred)  # over the labels true or predicted, as `evaluate` scores
            log.info("%s: cross-validated macro-F1 %.4f", kind, candidates[kind]["macro_f1"])
        best = max(candidates, key=lambda kind: candidates[kind]["macro_f1"])
        pipeline = make_pipeline(best, **options).fit(documents + list(copies.values()),
                                                      data.labels + [data.labels[i] for i in copies])
    drop_pruned_vocabulary(pipeline)
    card = {
        "task": TASK if use_rules else "text-classification",
        "labels": labels,
        "classifier": best,
        "parameters": {"use_rules": use_rules, "head_chars": head_chars, "n_folds": n_folds, "seed": seed,
                       "max_features": max_features, "views": list(options["views"]),
                       "mask_years": options["mask_years"], "mask_people": mask_people, "events": options["events"],
                       "lead_copies": lead_copies,
                       "silent_min_confidence": silent_min_confidence,
                       "override_min_confidence": override_min_confidence,
                       **({"rules_fingerprint": rules_fingerprint(), "people_fingerprint": people_fingerprint()}
                          if use_rules else {}),
                       "pipeline": pipeline_text(make_pipeline(best, **options))},
        "training_data": {"description": description, "counts": data.summary(),
                          "hand_label_sources": dict(data.hand_labels.sources),
                          "hash": training_data_hash(data)},
        "metrics": {"cross_validated": candidates[best], "candidates": {k: {"macro_f1": v["macro_f1"],
                    "accuracy": v["accuracy"]} for k, v in candidates.items()}},
    }
    if use_rules:
        card["metrics"]["rules_only"] = scores(*rules_only(data))
    setattr(pipeline, TRAINED_WITH, card["parameters"])  # the model file records them: a card edited since is refused
    # sorted: a set's order changes with each run's string hashing, and the same data gives the same model file
    setattr(pipeline, TRAINED_TEXTS, tuple(sorted({article_digest(a) for a in data.articles})))
    given = labels_the_model_would_not_give(pipeline, documents, data, use_rules, silent_min_confidence,
                                            override_min_confidence)
    setattr(pipeline, LABELS_GIVEN, given)
    card["training_data"]["labels_kept"] = len(given)
    return Classifier(pipeline, card), card


@contextmanager
def _words_to_learn(documents: Sequence[str] = (), use_rules: bool = False, views: Sequence[str] = ()):
    """scikit-learn's TF-IDF views refuse texts that leave them no word, in words of their own options (min_df,
    max_df) that `train` has none of: say what it means for the articles instead (`make_pipeline`'s views keep a
    word found in two articles or more). `documents`: the model's, whose rule and event views are empty too when no
    rule fires or no meeting is named."""
    try:
        yield
    except ValueError as exc:
        if "no terms remain" in str(exc):
            raise DvtopicsError("no word is in two or more of the articles a model is fitted on (a word must be, "
                                "to be learnt; in cross-validation, each fold's training articles): too few labelled "
                                "articles, or too unlike one another; give more of each label") from None
        if "empty vocabulary" in str(exc):
            raise DvtopicsError(_nothing_to_learn(documents, use_rules, views)) from None
        raise


def _nothing_to_learn(documents: Sequence[str], use_rules: bool = True, views: Sequence[str] = ()) -> str:
    """Why a view of the model found nothing to learn. For article types, the rule and event views learn from the cue
    rules that fire and the meetings named: 30 corrections of title-silent articles, none of which fires a rule,
    were said to "hold only numbers, punctuation or nothing". So were a task of one's own with an event view
    (`--views text,event`), whose articles name no meeting."""
    if not any(any(char.isalpha() for token in words(d) if not token.startswith("__") for char in token)
               for d in documents):
        return ("no words left to learn from: the labelled articles' titles and texts hold only numbers, punctuation "
                "or nothing")
    if not use_rules:
        event_views = [view for view in views if view.startswith("event")]
        if event_views and not any(map(event_sentences, documents)):
            n = len(event_views)
            return (f"the {word_for(n, 'view')} {' and '.join(event_views)} of {option('--views')} "
                    f"{word_for(n, 'reads', 'read')} "
                    "only the sentences that name a meeting or a review near an article's start, and none of the "
                    "labelled articles has one (these labels are not the article types, whose meetings the event views "
                    f"are made for): leave {word_for(n, 'it', 'them')} out of {option('--views')} (text alone, the "
                    "default for such labels)")
        return ("in a cross-validation fold's training articles no sentence names a meeting or a review, so the "
                f"{', '.join(event_views) or 'event'} view has nothing to learn from there: give more "
                f"{option('--folds')}, or leave it out of {option('--views')}")
    meetings = any(map(event_tokens, documents)) and any(map(event_sentences, documents))
    missing = [what for what, found in (
        ("no cue rule fires on any of them (`dvtopics rules` shows where one does)", any(map(rule_says, documents))),
        ("none names a meeting or a review", meetings)) if not found]
    if missing:
        return (f"nothing for the article-type features to learn from in the training articles: {'; '.join(missing)}; "
                "add labelled articles that report meetings, such as the written training set (in a clone, "
                f"{option('--extra')} data/train/written_S1.jsonl)")
    # found in the articles, but not in one cross-validation fold's share of them
    return ("in a cross-validation fold's training articles no cue rule fires or no meeting is named, so the "
            f"article-type features have nothing to learn from there: give more {option('--folds')} (each then learns "
            "from more of the articles), or more labelled articles that report meetings")


def _lead_copies(data: TrainingData, chars: int, options: dict, use_rules: bool, head_chars: int, cache,
                 n_jobs: int, mask_people: bool) -> dict[int, str]:
    """{index of a hand-labelled article: the document of its lead copy}, for those longer than `chars` (none
    when `chars` is 0)."""
    if not chars:
        return {}
    cut = {i: copy for i, gold in enumerate(data.gold) if gold and (copy := lead_copy(data.articles[i], chars))}
    events = [find_event(a.title, a.text) for a in cut.values()] if options["events"] else None
    return dict(zip(cut, documents_of(list(cut.values()), use_rules, head_chars, cache, n_jobs, events=events,
                                      mask_people=mask_people)))
