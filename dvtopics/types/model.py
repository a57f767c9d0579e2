"""The TF-IDF article classifier: documents, pipelines, training, prediction, explanations.

One path turns articles into the documents every pipeline sees
(`documents_of`): the head of the article (title, lead and early body, where a
meeting report says what it is), segmented with pyvi (cached), lower-cased,
plus a token naming the cue rule that fired, if any. The pipelines are
scikit-learn `Pipeline`s over those documents: word uni+bigram TF-IDF "views"
(the whole head, its first words, its early meeting sentences), then LinearSVC
(calibrated), logistic regression or complement naive Bayes. The same code
trains on any label set (VNTC's ten topics too); rule tokens and year masking
are only used for article types. Training itself is in `training.py`.
"""
from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..arguments import _shown, as_list, check_choice, check_label, check_share, named, none_is_default
from ..io.article import ARTICLES_HINT, Article
from ..io.write import json_default
from ..errors import ArgumentError, DvtopicsError, ModelError
from ..wording import brief_repr
from ..persist import PACKAGED_MODELS, SHIPPED
from .events import find_event
from .names import same_label
from .rules import apply_rules, names_committee, rules_fingerprint
from ..text.people import people_fingerprint
from .features import (HEAD_CHARS, article_digest, documents_of, event_sentences, event_tokens, first_words,
                       rule_says, words, words_years_masked)

log = logging.getLogger(__name__)

TASK = "article-type"
# An installed wheel carries the shipped model inside the package (persist.PACKAGED_MODELS); a checkout or an
# editable install reads it from the repository's models/.
_PACKAGED_MODEL_DIR = PACKAGED_MODELS / "article-type"
DEFAULT_MODEL_DIR = (_PACKAGED_MODEL_DIR if _PACKAGED_MODEL_DIR.is_dir()
                     else Path(__file__).resolve().parents[2] / "models" / "article-type")


def model_directory(model_dir: str | Path | None = None, name: str = "model_dir") -> Path:
    """The folder of a classifier as a user names it: a folder, or None or `shipped` for the shipped model
    (an installed wheel keeps it inside the package, where no user would look for it). A blank name is refused: ""
    was the current folder, "no model_card.json" in it. `name`: the argument, for messages (`jobs.label`'s `model`)."""
    if isinstance(model_dir, str) and not model_dir.strip():
        raise ArgumentError(f"{named(name)} {model_dir!r}: give a model folder, or {SHIPPED!r} (or None) for "
                            "the model that comes with dvtopics")
    if model_dir is not None and not isinstance(model_dir, (str, os.PathLike)):  # (a number, a loaded Classifier)
        raise TypeError(f"{named(name)} {_shown(model_dir)}: give a model folder (a path), or "
                        f"{SHIPPED!r} (or None) for the model that comes with dvtopics")
    return DEFAULT_MODEL_DIR if model_dir in (None, SHIPPED) else Path(model_dir).expanduser()  # "~/models/mine"


def model_name(model_dir: str | Path | None = None) -> str:
    """A model folder as a run shows it to its reader: `shipped` for the model that comes with dvtopics (an installed
    wheel's path inside site-packages told the report's reader nothing), else the folder as given."""
    directory = model_directory(model_dir)
    return SHIPPED if os.path.realpath(directory) == os.path.realpath(DEFAULT_MODEL_DIR) else str(directory)


def check_not_named_shipped(out: str | Path) -> None:
    """Refuse to write a model to any folder named `shipped`, however the path is given (`shipped`, `./shipped/`,
    `/abs/path/shipped`, `../here/shipped`): wherever a model is read, `shipped` names the shipped model, so from
    its parent such a folder could only be read as `./shipped`, and `--model shipped` would silently use the
    shipped model instead of the one written. The name decides, not where the folder is: one rule, whatever the
    current folder."""
    if Path(os.path.abspath(out)).name == SHIPPED:
        raise DvtopicsError(f"--out {out}: '{SHIPPED}' names the model that comes with dvtopics wherever a model is "
                            f"read (--model {SHIPPED}, --compare {SHIPPED}): name your model's folder otherwise "
                            "(--out models/mine, then --model models/mine)")


# The pipeline attribute that records the card's parameters it was trained with, so that loading can refuse a card
# whose parameters were changed since (head_chars decides what each article's document holds, and no step of the
# pipeline knows it). Models saved before it have none.
TRAINED_WITH = "dvtopics_parameters"
# The pipeline attribute that holds the digests of the texts it learnt from (hand, weak and --extra articles), sorted,
# so that `evaluate` can say when it scores a model on its own training articles. Models saved before have none.
TRAINED_TEXTS = "dvtopics_trained_texts"
# The pipeline attribute that holds the labelled training texts (hand labels, --extra) whose label the model alone,
# deciding as `decide` does, would not give them: {digest: label}. `predict` gives such a text its label, as a user
# who corrects an article expects (`training.labels_the_model_would_not_give`). Models saved before have none.
LABELS_GIVEN = "dvtopics_labels_given"

# what to do when `predict` is given texts instead of articles
# what predict reads of an article (or of an object that looks like one)
ARTICLE_FIELDS = ("id", "title", "text", "date", "source", "error", "meta")
NO_WORD = "no word weighs for"  # the cue of a label no word pushed to (its prior carried it): `explain`

VIEWS = ("text", "head", "event", "event_chars")  # TF-IDF views a pipeline may use; see make_pipeline
CLASSIFIERS = ("svm", "logreg", "cnb")
CALIBRATION_FOLDS = 3  # svm's probabilities are calibrated by cross-validation inside each fit
# the articles of each label a classifier needs wherever it is fitted (svm: one per calibration fold); 1 otherwise
LEAST_PER_LABEL = {"svm": CALIBRATION_FOLDS}


# ------------------------------------------------------------------ documents


# ------------------------------------------------------------------ pipelines

def check_views(views: Sequence[str] | str) -> list[str]:
    """`views` as a list (one str is a list of one: "text"), each one of `VIEWS`."""
    views = as_list(views, "views")
    if any(isinstance(view, str) and not view.strip() for view in views):  # "text," or "text,,head"
        raise ArgumentError(f"{named('views')} {', '.join(map(repr, views))}: an empty view (a comma too many?); "
                            f"choose from {', '.join(VIEWS)}")
    unknown = set(views) - set(VIEWS)
    if unknown or not views:
        raise ArgumentError(f"unknown view(s) {', '.join(sorted(unknown)) or '(none given)'}; "
                            f"choose from {', '.join(VIEWS)}")
    repeated = sorted({view for view in views if views.count(view) > 1})
    if repeated:  # a pipeline holds each view once: the card would record a view the model does not have
        raise ArgumentError(f"view(s) {', '.join(repeated)} given more than once; give each view once")
    return views


def make_pipeline(classifier: str = "svm", C: float = 1.0, max_features: int | None = 30_000,
                  rules: bool = False, views: Sequence[str] = ("text", "head"), mask_years: bool = False,
                  events: bool = False):
    """A fresh pipeline: TF-IDF views of the document (and the rule that fired, and
    the event's features, when documents carry them), then a linear classifier.

    Views: "text" the whole document, "head" its first words, "event" its
    early meeting sentences (`event_sentences`), "event_chars" the character
    2-4-grams of those sentences, so "phiên_họp", "họp_khẩn" and "cuộc_họp" share
    "họp" where words would not. `mask_years` reads every year as one token
    (`words_years_masked`).
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import ComplementNB
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    def tfidf(**extra):
        return TfidfVectorizer(tokenizer=words_years_masked if mask_years else words, token_pattern=None,
                               lowercase=False, ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                               max_features=max_features, **extra)

    def characters():
        return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), preprocessor=event_sentences, lowercase=False,
                               sublinear_tf=True, min_df=2, max_features=max_features)

    views = check_views(views)
    preprocessors = {"text": None, "head": first_words, "event": event_sentences}
    chosen = [(view, characters() if view == "event_chars" else tfidf(preprocessor=preprocessors[view]))
              for view in VIEWS if view in views]
    if rules:
        chosen.append(("rules", CountVectorizer(analyzer=rule_says, binary=True)))
    if events:
        chosen.append(("events", CountVectorizer(analyzer=event_tokens, binary=True)))
    features = FeatureUnion(chosen)
    if classifier == "svm":
        # its dual solver shuffles the articles: unseeded, two trainings of the same data gave two models
        model = CalibratedClassifierCV(LinearSVC(C=C, class_weight="balanced", random_state=0), method="sigmoid",
                                       cv=CALIBRATION_FOLDS)
    elif classifier == "logreg":
        model = LogisticRegression(C=10 * C, class_weight="balanced", max_iter=3000)
    elif classifier == "cnb":
        model = ComplementNB(alpha=0.3 / C)
    else:
        raise DvtopicsError(f"unknown classifier '{classifier}'; choose one of {', '.join(CLASSIFIERS)}")
    return Pipeline([("features", features), ("classifier", model)])


def check_classifiers(classifiers) -> None:
    """Refuse, before any work, a list of candidate classifiers that is empty or names one dvtopics does not train."""
    given = as_list(classifiers, "classifiers")
    if not given:
        raise ArgumentError(f"{named('classifiers')} is empty: give one or more of {', '.join(CLASSIFIERS)}")
    for kind in given:
        check_choice("classifiers", kind, CLASSIFIERS)


# the classifier a pipeline's last step is, by its class, as a card names it (`make_pipeline`)
_CLASSIFIER_OF = {"CalibratedClassifierCV": "svm", "LogisticRegression": "logreg", "ComplementNB": "cnb"}


def pipeline_text(pipeline) -> str:
    """A pipeline as its card records it: scikit-learn's repr on one line, whole (its own is cut at 700 characters,
    mid-word), its functions by their names: "<function words at 0x7f…>" changed from run to run, so two trainings of
    the same data gave two cards, and two model files (the pipeline keeps its card's parameters)."""
    text = " ".join(pipeline.__repr__(N_CHAR_MAX=10**9).split())
    return re.sub(r" at 0x[0-9a-fA-F]+", "", re.sub(r"<function ([^\s<>]+) at 0x[0-9a-fA-F]+>", r"\1", text))


def drop_pruned_vocabulary(pipeline) -> None:
    """Vectorizers keep every pruned term in `stop_words_`, only for introspection;
    removing it (as scikit-learn documents) keeps the saved model small. `_stop_words_id` goes too: a cache that
    holds a memory address, which made two trainings of the same data two model files (scikit-learn sets it anew)."""
    for _, vectorizer in pipeline.named_steps["features"].transformer_list:
        for kept in ("stop_words_", "_stop_words_id"):
            if hasattr(vectorizer, kept):
                delattr(vectorizer, kept)


def class_weights(pipeline) -> np.ndarray:
    """Per-class feature weights (classes x features) of the final linear model."""
    model = pipeline.named_steps["classifier"]
    if hasattr(model, "calibrated_classifiers_"):
        weights = np.mean([c.estimator.coef_ for c in model.calibrated_classifiers_], axis=0)
    elif hasattr(model, "coef_"):
        weights = model.coef_
    else:
        return model.feature_log_prob_ - model.feature_log_prob_.mean(axis=0)
    # a two-class linear model keeps one row, for its second class: the first class's weights are its negative
    return np.vstack([-weights, weights]) if weights.shape[0] == 1 else weights


# ----------------------------------------------------------------- prediction

def _word_cue(feature: str) -> str | None:
    """A feature as a reader sees it among the cues: the words of the text and event views, without the
    view's name and the punctuation a word pair holds (", huyện" is "huyện"); None for character n-grams and the
    rule and event tokens (the cues name those already)."""
    view, separator, name = feature.partition(": ")
    if not separator:
        view, name = "text", feature
    if view not in ("text", "head", "event") or "__" in name:
        return None
    return " ".join(token for token in name.split() if any(ch.isalnum() for ch in token))


def _has_word(feature: str) -> bool:
    """Cues a reader can use name words, not punctuation or date digits ("/ 7")."""
    return any(ch.isalpha() for ch in feature.split(": ", 1)[-1])


def _word_cues(features: Iterable[str], k: int) -> list[str]:
    """The first k features that name words (`_has_word`), as a reader sees them among the cues (`_word_cue`), each
    once: "huyện" and ", huyện" are one."""
    chosen = list(dict.fromkeys(feature for feature in features if _has_word(feature)))[:k]
    return list(dict.fromkeys(filter(None, map(_word_cue, chosen))))


@dataclass
class Classifier:
    """A trained pipeline with its card, ready to label articles."""

    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    pipeline: object
    card: dict = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        # plain str, not numpy's str_: a record's label goes to serialisers that know only Python's types
        return [str(label) for label in self.pipeline.classes_]

    @property
    def labels_given(self) -> dict:
        """The training texts' labels the model alone does not give, by digest (`LABELS_GIVEN`)."""
        return getattr(self.pipeline, LABELS_GIVEN, None) or {}

    @property
    def use_rules(self) -> bool:
        return bool(self.card.get("parameters", {}).get("use_rules", True))

    @property
    def head_chars(self) -> int:
        return int(self.card.get("parameters", {}).get("head_chars", HEAD_CHARS))

    @property
    def silent_min_confidence(self) -> float:
        """Where no cue rule fires, the least confidence at which the model names a type (`decide`)."""
        return self._bound_past_rules("silent_min_confidence")

    @property
    def override_min_confidence(self) -> float:
        """Where a cue rule fires, the least confidence at which the model gives another label than the rule's
        (`decide`)."""
        return self._bound_past_rules("override_min_confidence")

    def _bound_past_rules(self, name: str) -> float:
        """A bound of `decide` as the card records it: 0 for a model without cue rules, or trained before the bound
        was (it labels as it did)."""
        return float(self.card.get("parameters", {}).get(name, 0.0)) if self.use_rules else 0.0

    @property
    def mask_people(self) -> bool:
        """Whether the model reads each person's name as one token (`text.people`); models trained before it read
        names as words (their cards say nothing of it)."""
        return bool(self.card.get("parameters", {}).get("mask_people", False))

    @property
    def use_events(self) -> bool:
        """Models trained before events.py have no event features (their cards say nothing of them)."""
        return bool(self.card.get("parameters", {}).get("events", False))

    def documents(self, articles: Sequence[Article], cache=None, n_jobs: int = 1, progress: bool = False,
                  hits: Sequence | None = None, events: Sequence | None = None):
        return documents_of(articles, self.use_rules, self.head_chars, cache, n_jobs, progress, hits,
                            events if self.use_events else None, self.mask_people)

    def feature_names(self) -> list[str]:
        """Feature names without the view prefix for the whole text; other views' are marked ("head: ", "event: ")."""
        # made once per pipeline: scikit-learn builds every name anew (50,000 strings), and `explain` asks
        # for them with every batch
        known = self.__dict__.get("_feature_names")
        if known is None or known[0] is not self.pipeline:
            names = self.pipeline.named_steps["features"].get_feature_names_out()
            known = self.__dict__["_feature_names"] = (self.pipeline, [
                n.split("__", 1)[1] if n.startswith("text__") else n.replace("__", ": ", 1) for n in names])
        return list(known[1])

    def top_features(self, n: int = 10) -> dict[str, list[tuple[str, float]]]:
        """Per label, the n features with the largest weights: what the model looks for."""
        names = self.feature_names()
        return {label: [(names[i], float(w[i])) for i in np.argsort(-w)[:n]]
                for label, w in zip(self.labels, class_weights(self.pipeline))}

    def explain(self, matrix, labels: Sequence[str], k: int = 5,
                said: Sequence[bool] | None = None) -> list[list[str]]:
        """For each row of the feature matrix, the k words that pushed it most towards its label (`_word_cues`);
        when none did, one cue that says so and names the words that weighed most against it, unless `said[r]`
        (a rule or an event already says why)."""
        weights = class_weights(self.pipeline)
        names = self.feature_names()
        index = {label: i for i, label in enumerate(self.labels)}
        matrix = matrix.tocsr()
        if not matrix.has_canonical_format:  # rows as `row.multiply(...).tocsr()` gives them: sorted, summed
            matrix = matrix.copy()
            matrix.sum_duplicates()
        # every row's contributions in one array operation (a sparse row per article cost 0.2 ms each); row by
        # row the values and their order are those of `row.multiply(weights[label]).tocsr()`, so the argsort
        # below breaks ties as it did
        rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
        label_rows = np.array([index[label] for label in labels], dtype=np.intp)
        contributions = matrix.data * weights[label_rows[rows], matrix.indices]
        explanations = []
        for r in range(matrix.shape[0]):
            start, end = matrix.indptr[r], matrix.indptr[r + 1]
            data, indices = contributions[start:end], matrix.indices[start:end]
            order = np.argsort(-data)  # most for the label first
            chosen = _word_cues((names[indices[i]] for i in order[:3 * k] if data[i] > 0), k)  # room for punctuation
            if not chosen and not (said and said[r]):  # its prior ("other") carried it: say so, and what was against
                against = _word_cues((names[indices[i]] for i in order[::-1][:3 * k] if data[i] < 0), k)
                # no word either way ("… too weak: none" read as if the cue had lost its words): said plainly
                chosen = [f"{NO_WORD} {labels[r]}; the words against it are too weak: {', '.join(against)}" if against
                          else f"{NO_WORD} {labels[r]} or against it: {labels[r]} is the model's answer where its "
                               "words say nothing"]
            explanations.append(chosen)
        return explanations

    @none_is_default
    def predict(self, articles: Sequence[Article], min_confidence: float = 0.0, abstain: str = "other",
                cache=None, n_jobs: int = 1, progress: bool = False, explain: bool = True) -> list[dict]:
        """One record per article: id, label, confidence, cues, title, date, source, error.

        Below `min_confidence` the label becomes `abstain` ("other" or
        "uncertain") and the first cue names the model's guess. Articles that
        failed to read keep their error and no label.
        """
        check_abstaining(min_confidence, abstain)
        # `other` as the model spells it ("Other", "Khác"): a table of "other" beside the model's "Khác" showed one
        # answer as two labels, and gave it the guess's probability
        abstain = next((label for label in self.labels if same_label(label, abstain)), abstain)
        articles = as_list(articles, "articles", hint=ARTICLES_HINT, like=ARTICLE_FIELDS)  # read twice below
        good = [a for a in articles if not a.error]
        hits = [apply_rules(a.title, a.text) if self.use_rules else None for a in good]
        events = [find_event(a.title, a.text) if self.use_rules else None for a in good]
        documents = self.documents(good, cache, n_jobs, progress, hits, events)
        predicted, confidence, cues, set_aside, abstained = [], [], [[] for _ in good], [], []
        if documents:  # features computed once, for the probabilities and the explanations
            matrix = self.pipeline.named_steps["features"].transform(documents)
            probabilities = self.pipeline.named_steps["classifier"].predict_proba(matrix)
            committees = committee_named(good, hits, probabilities, self.labels) if self.use_rules else None
            predicted, confidence, set_aside = decide(probabilities, self.labels, hits, self.silent_min_confidence,
                                                      self.override_min_confidence, committees)
            # an answer below the minimum that is one of the model's labels (`other`) gets that label's own
            # probability, as the rule-silent gate gives `other` its own: "other 0.97" read as sure of `other`
            abstained = (probabilities[:, list(self.labels).index(abstain)] if abstain in self.labels
                         else confidence)
            if explain:
                cues = self.explain(matrix, predicted, said=[bool(hit or event) for hit, event in zip(hits, events)])
        given = self.labels_given
        predictions = iter(zip(hits, events, predicted, confidence, cues, set_aside, abstained,
                               [given.get(article_digest(a)) for a in good] if given else [None] * len(good)))
        records = []
        for article in articles:
            record = {"id": article.id, "label": None, "confidence": None, "cues": []}
            if not article.error:
                hit, event, label, conf, features, guess, abstained_conf, own = next(predictions)
                said = [hit.cue()] if hit else []
                said += [event.cue()] if event else []
                # the reader sees what was set aside, and why, in one guess (two, "guess: other at 0.19 …" over
                # "guess: semi_annual_review at 0.79 …", read as two answers of the model)
                # (no "; " inside: a table joins an article's cues with it, and a program splits them on it)
                aside = _set_aside(guess, hit, self.silent_min_confidence, self.override_min_confidence) if guess \
                    else ""
                if own is not None:  # a text trained on with a label the model alone does not give: that label
                    said.insert(0, f"label given in training to this text (the model alone: {label} at {conf:.2f})")
                    label, conf = own, 1.0
                elif conf < min_confidence:  # the reader still sees what the cues below argue for, and how sure
                    said.insert(0, f"guess: {label} at {below(conf, min_confidence)}, below the minimum confidence "
                                   f"{min_confidence:g}" + (f", over the model's {aside}" if aside else ""))
                    label, conf = abstain, abstained_conf
                elif aside:
                    said.insert(0, f"guess: {aside}")
                elif hit and not same_label(label, hit.label):
                    # the model went past the rule, at least as sure as it must be: said, as what it set aside is
                    # (the first cue, the rule's, read as the reason for another label: hunt 42 AK)
                    said.insert(0, f"model: {label} at {conf:.2f}, over the cue rule's {hit.label}")
                record.update(label=label, confidence=round(float(conf), 4), cues=said + features)
            records.append({**record, "title": article.title, "date": article.date, "source": article.source,
                            "error": article.error, "warning": article.meta.get("warning")})
        return records


def below(probability: float, bound: float) -> str:
    """`probability` (under `bound`) to 2 decimals, or as many more as it takes to read under it: "at 1.00, below
    the minimum confidence 0.999" (0.9989) and "at 0.80 (… a type needs 0.8)" (0.7996) said the opposite."""
    for places in (2, 3, 4):
        if float(shown := f"{probability:.{places}f}") < bound:
            return shown
    return f"{np.floor(probability * 1e4) / 1e4:.4f}"  # cut, not rounded: 0.99996 under 0.99999


def check_abstaining(min_confidence: float, abstain: str) -> None:
    """Refuse a minimum confidence above 1 (or NaN: every article would abstain) and an abstain label that is no
    text. The CLI offers `ABSTAIN`; from Python a model of one's own labels may abstain as it likes ("unknown")."""
    check_share("min_confidence", min_confidence)
    check_label("abstain", abstain)
    if min_confidence == 0 and abstain != "other":
        # no confidence is below 0: the answer was never given, and `label --abstain uncertain` did nothing, silently
        raise ArgumentError(f"{named('abstain')} {abstain!r} is the answer below {named('min_confidence')}, "
                            "which is 0, so no article would get it: give a minimum confidence too (0.6, say), "
                            "or leave abstain out")


STEERING = "steering_committee"  # a committee's meeting, which needs a committee named (`decide`)


def committee_named(articles: Sequence[Article], hits: Sequence, probabilities: np.ndarray,
                    labels: Sequence[str]) -> list[bool]:
    """For `decide`: False for an article the model calls `steering_committee` where no cue rule fired and no
    committee is named (`rules.names_committee`); True for every other, unread: the search costs a tenth of the
    labelling, and is wanted for a few articles in a thousand."""
    if STEERING not in labels:
        return [True] * len(articles)
    steering, best = list(labels).index(STEERING), probabilities.argmax(axis=1)
    return [best[row] != steering or hit is not None or names_committee(article.title, article.text)
            for row, (article, hit) in enumerate(zip(articles, hits))]


def decide(probabilities: np.ndarray, labels: Sequence[str], hits: Sequence, silent_min_confidence: float = 0.0,
           override_min_confidence: float = 0.0, committee_named: Sequence[bool] | None = None):
    """Each row's label, its probability, and the label set aside (or None).

    The label is the most probable one, except where the model goes past its cue rules less sure than it must:
    - where no cue rule fired (`hits[row]` is None) and it names a type with less than `silent_min_confidence`,
      the label is `other`. On real titles and leads where no rule fires, the model's own meeting labels under 0.8
      were almost all wrong (`benchmarks/rule_silent_gate.py`): a government's monthly session called a mid-year
      review, a ministry's meeting with a company called a steering committee's.
    - where a rule fired and the model gives another label with less than `override_min_confidence`, the label is
      the rule's. Trained on one corpus and labelling the other, the model overrode a fired rule 8 times and was
      wrong 6 (`benchmarks/rule_override_gate.py`): what it learnt of one source's words is weaker evidence on
      another's than the rule's cue. Where the rule read text typed without accents (`RuleHit.unaccented`), which
      the model's words do not match, its label stands.
    - where no cue rule fired and the article names no steering committee (`committee_named[row]` is False,
      `rules.names_committee`), `steering_committee` is no answer however sure the model is: it is a committee's
      meeting or nothing (LABELS.md rule 1), and the model named one story's news that never named a committee so.
    The label given carries its own probability. One home for the decision: labelling and the out-of-fold scores
    on the model card both take it.
    """
    best = probabilities.argmax(axis=1)
    confidence = probabilities[np.arange(len(best)), best]
    chosen = [labels[i] for i in best]
    set_aside = [None] * len(chosen)
    index = {label: i for i, label in enumerate(labels)}
    for row, hit in enumerate(hits):
        if hit is None:
            fallback, bound = "other", silent_min_confidence
            if chosen[row] == STEERING and committee_named is not None and not committee_named[row]:
                bound = np.inf
        else:
            # (text typed without accents, which the rules read and the model cannot: the rule's label stands)
            fallback, bound = hit.label, np.inf if getattr(hit, "unaccented", False) else override_min_confidence
        if chosen[row] != fallback and fallback in index and confidence[row] < bound:
            set_aside[row] = (chosen[row], float(confidence[row]))
            chosen[row], confidence[row] = fallback, probabilities[row, index[fallback]]
    return chosen, confidence, set_aside


def _set_aside(guess: tuple[str, float], hit, silent_min_confidence: float, override_min_confidence: float) -> str:
    """The label `decide` set aside, and why: "semi_annual_review at 0.79 (with no cue rule, a type needs 0.8)"."""
    if hit is None and guess[1] >= silent_min_confidence:  # sure enough, but of a committee the text never names
        return f"{guess[0]} at {guess[1]:.2f} (no steering committee is named)"
    if hit is None:
        return (f"{guess[0]} at {below(guess[1], silent_min_confidence)} (with no cue rule, a type needs "
                f"{silent_min_confidence:g})")
    if getattr(hit, "unaccented", False):
        return f"{guess[0]} at {guess[1]:.2f} (of a text typed without accents, which the model cannot read)"
    return (f"{guess[0]} at {below(guess[1], override_min_confidence)} (against the cue rule's "
            f"{hit.label}, a label needs {override_min_confidence:g})")


def load_classifier(model_dir: str | Path | None = None) -> Classifier:
    """Load a classifier directory (default: the shipped article-type model)."""
    from ..persist import kind_of_model, load_model

    from sklearn.pipeline import Pipeline

    directory = model_directory(model_dir)
    pipeline, card = load_model(directory, expected=Pipeline)
    if card.get("task") not in (TASK, "text-classification"):
        raise ModelError(f"{directory}: {kind_of_model(card.get('task'))}, not a classifier")
    check_pipeline(pipeline, card, directory)
    from .wordcounts import speed_up

    speed_up(pipeline)  # its word views count faster: the same features
    trained_with = card.get("parameters", {}).get("rules_fingerprint")
    if card.get("task") == TASK and trained_with and trained_with != rules_fingerprint():
        log.warning("%s was trained with other cue rules (%s, these are %s): its rule features now read "
                    "differently; retrain it with this version", directory, trained_with, rules_fingerprint())
    classifier = Classifier(pipeline, card)
    people = card.get("parameters", {}).get("people_fingerprint")
    if classifier.mask_people and people != people_fingerprint():
        log.warning("%s was trained with other lists of people's names (%s, these are %s): some words it read as "
                    "names are now read otherwise; retrain it with this version", directory, people,
                    people_fingerprint())
    return classifier


def check_pipeline(pipeline, card: dict, directory: Path) -> None:
    """Raise `ModelError` unless the loaded Pipeline is what a classifier's card describes: features, then a
    trained classifier that gives the card's labels, trained with the card's parameters (`TRAINED_WITH`)."""
    from ..persist import CARD_FILE, MODEL_FILE, restore_remedy

    model_file = directory / card.get("file", MODEL_FILE)
    steps = list(pipeline.named_steps)
    if steps != ["features", "classifier"] or not hasattr(pipeline.named_steps["classifier"], "predict_proba"):
        raise ModelError(f"{model_file}: a pipeline of {', '.join(steps) or 'no steps'}, not the features and "
                         f"classifier dvtopics trains; {restore_remedy(directory)}")
    classes = getattr(pipeline.named_steps["classifier"], "classes_", None)  # set by training
    if classes is None:
        raise ModelError(f"{model_file}: its classifier was never trained; retrain the model")
    if "labels" not in card:  # (deleted by hand: `inspect` showed no labels, and `label` used it without a word)
        raise ModelError(f"{directory / CARD_FILE}: names no labels, and its model gives "
                         f"{', '.join(map(str, classes))}; restore the card or retrain the model")
    if sorted(map(str, classes)) != sorted(map(str, card["labels"])):
        raise ModelError(f"{model_file}: gives the labels {', '.join(map(str, classes))}, its card says "
                         f"{', '.join(map(str, card['labels']))}; {restore_remedy(directory)}")
    made = _CLASSIFIER_OF.get(type(pipeline.named_steps["classifier"]).__name__)
    # (a report names the card's classifier and its scores; a card of the Python API's own may name none)
    if made and card.get("classifier") not in (None, made):
        raise ModelError(f"{directory / CARD_FILE}: says its classifier is {card.get('classifier')!r}, the model file "
                         f"holds {made!r}; restore the card or retrain the model")
    # The card's parameters decide how articles become documents: a card that disagrees with the pipeline (edited,
    # or copied from another model) would feed it documents it was not trained on and change labels silently.
    # (dvtopics trains a union of named views; a pipeline of one vectorizer has no views to compare)
    classifier = Classifier(pipeline, card)
    views = {name for name, _ in getattr(pipeline.named_steps["features"], "transformer_list", [])}
    for said, feature in ((classifier.use_rules, "rules"), (classifier.use_events, "events")):
        if views and said != (feature in views):
            raise ModelError(f"{directory / CARD_FILE}: its parameters say the model {'uses' if said else 'has no'} "
                             f"{feature} features, the model file {'has none' if said else 'has them'}; restore "
                             "the card or retrain the model")
    trained_with, said = getattr(pipeline, TRAINED_WITH, None), card.get("parameters", {})
    if trained_with is None and classifier.mask_people:  # names were masked after models recorded their parameters
        raise ModelError(f"{directory / CARD_FILE}: its parameters say mask_people, which the model file, saved "
                         "before dvtopics masked names, was not trained with; restore the card or retrain the model")
    if trained_with is None:  # saved before models recorded their parameters: only the usual head_chars is trusted
        if classifier.head_chars != HEAD_CHARS:
            log.warning("%s: its parameters say head_chars %d, which the model file, saved before dvtopics recorded "
                        "its parameters in it, cannot confirm: if the card was edited, restore it (labels depend on "
                        "it)", directory / CARD_FILE, classifier.head_chars)
        return
    for key in sorted(set(trained_with) | set(said), key=str):
        card_says, file_says = _as_json(said.get(key)), _as_json(trained_with.get(key))
        if card_says != file_says:
            raise ModelError(f"{directory / CARD_FILE}: its parameters say {key} {_shortened(card_says)}, the model "
                             f"file was trained with {_shortened(file_says)}; restore the card or retrain the model")


def _as_json(value) -> str:
    """A card's value as its JSON: a tuple and a list alike, as the card file holds them."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=json_default)


def _shortened(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def predict_articles(model: Classifier | str | Path | None, articles: Iterable[Article], **options) -> list[dict]:
    """Label articles with a classifier: a loaded one, or a model folder or `shipped` (or None), loaded here
    as `load_classifier` loads it (see `Classifier.predict`)."""
    if model is None or isinstance(model, (str, Path)):
        model = load_classifier(model)
    if not isinstance(model, Classifier):
        raise TypeError(f"model: a Classifier (load_classifier), a model folder or {SHIPPED!r} is wanted, "
                        f"not {type(model).__name__}")
    return model.predict(articles, **options)
