"""The figures we report about a classifier, computed in one place."""
from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from typing import Iterable, Sequence

from ..arguments import as_list, missing, option
from ..errors import DvtopicsError
from ..io.article import field_text
from ..wording import word_for
from .names import spelt_as_article_type

# How alike a label must be to one of the model's to be taken for its misspelling (difflib's ratio: "anual_review"
# is 0.96 of annual_review, "monthly briefing" 0.71 of quarterly_briefing)
MISSPELT_CUTOFF = 0.85

log = logging.getLogger(__name__)


def scores(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str] | None = None) -> dict:
    """Accuracy, macro-F1, per-class precision/recall/F1/support and the confusion matrix.

    Without `labels` the classes are those that occur in the truth or the predictions, and the macro-F1 is
    scikit-learn's: the mean of the per-class F1s (a class predicted but never true counts, with F1 0). With
    `labels` (a benchmark's fixed label set) they are listed in that order, and the macro-F1 averages those
    that occur in the truth.

    >>> s = scores(["a", "b", "b"], ["a", "b", "c"])
    >>> round(s["accuracy"], 3), s["per_class"]["b"]["recall"], round(s["macro_f1"], 3)
    (0.667, 0.5, 0.556)
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    # read as a notebook gives them (generators too, read once), and refused in one line where scikit-learn would
    # fail in its own words: lists of two lengths, none, or an article's None (read with an error: no label)
    y_true, y_pred = as_list(y_true, "y_true"), as_list(y_pred, "y_pred")
    if len(y_true) != len(y_pred) or not y_true:
        raise DvtopicsError(f"{len(y_true)} true labels and {len(y_pred)} predicted: give one of each per article "
                            "scored, in the same order" + ("" if y_true else ", and at least one"))
    # NaN too: a DataFrame's label column with a gap, which scikit-learn met as a float among texts
    # ("'<' not supported")
    unlabelled = next((i for i, pair in enumerate(zip(y_true, y_pred)) if any(map(missing, pair))), None)
    if unlabelled is not None:
        raise DvtopicsError(f"the article at {unlabelled} has no "
                            f"{'true' if missing(y_true[unlabelled]) else 'predicted'}"
                            " label (None or NaN: an article read with an error, or an empty cell, has none): leave "
                            "such articles out")
    y_true, y_pred = _as_text(y_true, "y_true"), _as_text(y_pred, "y_pred")
    fixed = bool(labels)
    labels = list(labels) if labels else sorted(set(y_true) | set(y_pred))
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0)
    averaged = [i for i, n in enumerate(support) if n > 0 or not fixed]
    with warnings.catch_warnings():
        # one label true and predicted (a file of one type, all right) is a 1×1 matrix, rightly: scikit-learn warns
        # of it even when given `labels`, in words about its own parameter that no user of dvtopics can act on
        warnings.filterwarnings("ignore", "A single label was found", UserWarning)
        confusion = confusion_matrix(y_true, y_pred, labels=labels).tolist()
    return {
        "n": len(y_true),
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(sum(f1[i] for i in averaged) / max(len(averaged), 1)),
        "per_class": {label: {"precision": float(precision[i]), "recall": float(recall[i]),
                              "f1": float(f1[i]), "support": int(support[i])} for i, label in enumerate(labels)},
        "labels": labels,
        "confusion": confusion,
    }


def _as_text(labels: list, name: str) -> list[str]:
    """Labels as text, as a labels file's are read (`field_text`): a number is its digits, so 1, 1.0 and "1" are one
    label (a number among texts was scikit-learn's "'<' not supported"); anything else is refused, naming it."""
    texts = [field_text(label) for label in labels]
    wrong = next((i for i, text in enumerate(texts) if text is None), None)
    if wrong is not None:
        raise DvtopicsError(f"{name}: the label at {wrong} is a {type(labels[wrong]).__name__}, not text or a number")
    return texts


def changes(ids: Sequence[str], titles: Sequence[str], truth: Sequence[str], before: Sequence[str],
            after: Sequence[str], labels: Sequence[str] | None = None) -> dict:
    """What a retrained model changed on labelled articles: the earlier model's accuracy and macro-F1,
    each article whose label changed, and how many of those it fixed and broke.

    >>> c = changes(["a", "b", "c"], ["", "", ""], ["x", "y", "y"], ["x", "x", "y"], ["x", "y", "x"])
    >>> c["fixed"], c["broke"], [change["id"] for change in c["changed"]]
    (1, 1, ['b', 'c'])
    """
    earlier = scores(truth, before, labels)
    changed = [{"id": i, "true": t, "before": b, "after": a, "title": title}
               for i, title, t, b, a in zip(ids, titles, truth, before, after) if b != a]
    return {"accuracy": earlier["accuracy"], "macro_f1": earlier["macro_f1"], "changed": changed,
            "fixed": sum(c["after"] == c["true"] for c in changed),
            "broke": sum(c["before"] == c["true"] for c in changed)}


def format_scores(result: dict) -> str:
    """A plain-text report: per-class table, totals and the confusion matrix."""
    labels = result["labels"]
    width = max(12, *(len(label) for label in labels))
    lines = [f"{'':<{width}} precision  recall      f1  support"]
    for label in labels:
        row = result["per_class"][label]
        lines.append(f"{label:<{width}} {row['precision']:9.3f} {row['recall']:7.3f} {row['f1']:7.3f} {row['support']:8d}")
    lines.append(f"\naccuracy {result['accuracy']:.4f}   macro-F1 {result['macro_f1']:.4f}   n={result['n']}")
    lines.append("\nconfusion matrix (rows: true, columns: predicted)")
    short = list(labels)
    if width + 1 + len(labels) * (max(map(len, labels)) + 1) > 120:  # the article types' names fit whole (hunt 40 U);
        short = [label[:10] for label in labels]                     # many long topic names are cut to 10 characters,
    if len(set(short)) < len(short):  # unless two are alike in their first 10 ("Kinh tế - Tài chính", "Kinh tế -
        short = list(labels)          # Xã hội") and would head two columns alike: then each is named whole
    cell = max(10, *(len(s) for s in short))
    lines.append(f"{'':<{width}} " + " ".join(f"{s:>{cell}}" for s in short))
    for label, row in zip(labels, result["confusion"]):
        lines.append(f"{label:<{width}} " + " ".join(f"{n:>{cell}d}" for n in row))
    return "\n".join(lines)


def check_labels_known(truth: Sequence[str], known: Sequence[str], model: str) -> None:
    """Refuse to score a model on articles none of whose labels it can predict (another task's labels, or
    the labels misspelt): every score would be 0 and mean nothing. Warn, naming them, when only some are
    unknown: those articles are errors whatever the model does."""
    unknown = Counter(label for label in truth if label not in set(known))
    if not unknown:
        return
    # a misspelling of one of the model's labels ("anual_review") is refused: scored, it was a class of its own, every
    # article so labelled an error and the macro-F1 an average over one class more (hunt 40 O, 4); another task's
    # labels among the model's ("TT" beside the types) are warned of below, as before
    misspelt = next(((label, meant) for label in unknown if (meant := _meant(label, known))), None)
    if misspelt:
        label, meant = misspelt
        raise DvtopicsError(f"label {label!r} ({unknown[label]} {word_for(unknown[label], 'article')}) is not one the "
                            f"model {model} predicts: did you mean {meant!r}? Correct it: scored, it would be a class "
                            "of its own, every article so labelled an error")
    named = ", ".join(f"{label!r} ({n})" for label, n in unknown.most_common(10))
    named += f" and {len(unknown) - 10} more" if len(unknown) > 10 else ""
    knows = ", ".join(known) + _types_spelt_otherwise(unknown, known) + _cased_otherwise(unknown, known)
    if len(unknown) == len(set(truth)):
        raise DvtopicsError(f"none of the articles' labels is one the model {model} predicts: they are {named}; "
                            f"it predicts {knows}. Check {option('--labels')} or {option('--label-field')}, or score a "
                            "model of these labels")
    n_unknown = sum(unknown.values())
    log.warning("%d of the %d labelled %s %s a label the model %s never predicts, so %s as its errors: %s; it "
                "predicts %s", n_unknown, len(truth), word_for(len(truth), "article"),
                word_for(n_unknown, "has", "have"), model, word_for(n_unknown, "it counts", "they count"), named, knows)


def _meant(label: str, known: Sequence[str]) -> str | None:
    """The model's label that `label` misspells, by one or two letters ("anual_review", "Politcs"), or None."""
    import difflib

    def plain(text):
        return re.sub(r"[\s_-]+", "_", str(text).strip().lower())

    knows = {plain(k): k for k in known}
    near = difflib.get_close_matches(plain(label), list(knows), n=1, cutoff=MISSPELT_CUTOFF)
    return knows[near[0]] if near and plain(label) not in knows else None


def _cased_otherwise(unknown: Iterable[str], known: Sequence[str]) -> str:
    """Why "khác" is unknown to a model of "Khác": a task of one's own keeps its labels as written ("" when no
    unknown label is a known one but for case or spaces)."""
    from .names import folded

    knows = {folded(label): label for label in known}
    near = next(((label, knows[folded(label)]) for label in unknown if folded(label) in knows), None)
    return (f" ({near[0]!r} is its {near[1]!r} but for case or spaces: the labels of a task of your own are read as "
            "written; correct them)" if near else "")


def _types_spelt_otherwise(unknown: Iterable[str], known: Sequence[str]) -> str:
    """Why a label such as "Semi-annual review" is unknown to a model that predicts `semi_annual_review`: the types
    are read however spelt only when every label is one (`is_article_type_set`), and some other label is not
    ("" when no unknown label is a type spelt otherwise)."""
    spelt = sorted(label for label in unknown if spelt_as_article_type(label) in known)
    if not spelt:
        return ""
    others = sorted(label for label in unknown if spelt_as_article_type(label) not in known)
    return (f" ({', '.join(map(repr, spelt[:5]))} {'is an article type' if len(spelt) == 1 else 'are article types'} "
            f"spelt otherwise, read as written because the labels also hold {', '.join(map(repr, others[:5]))}, "
            f"{'which is no article type: correct that label' if len(others) == 1 else 'which are no article types: correct those labels'}"
            ", and every article type is read however it is spelt)")
