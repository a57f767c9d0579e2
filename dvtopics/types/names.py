"""The article types' names, however a user spells them: reading a label as a type (its one home, below both
stages, is `article_types.py`), and the checks of a label set.

Labels come from users' files ("Annual review", "SEMI-ANNUAL_REVIEW", " Other", "Sơ kết 6 tháng"); training,
evaluation, the topics by type and the labels files all read them here, so one spelling rule holds everywhere.
"""
from __future__ import annotations

import logging
from typing import Callable, Mapping

from ..errors import DvtopicsError
# how a label is read as a type lives below both stages, for the topics by type too (`topics.summary`): named here
# as well, where training, evaluation and the notebooks find them
from ..article_types import ARTICLE_TYPES, NAMES_VI, as_article_types, is_article_type_set, spelt_as_article_type

__all__ = ["ABSTAINED", "ARTICLE_TYPES", "NAMES_VI", "as_article_types", "check_label_set", "folded",
           "is_article_type_set", "same_label", "spelt_as_article_type", "without_abstentions"]

log = logging.getLogger(__name__)

ABSTAINED = "uncertain"  # what `label --abstain uncertain` answers below --min-confidence: no label, not a type


def same_label(first, later) -> bool:
    """Whether two labels are one: an article type however spelt ("Annual review", `annual_review`; "Other",
    `other`), whatever set they are in, any other label as written. The one comparison of labels given twice: in
    a labels file, across labels files, in --extra copies and in copies of one text."""
    return spelt_as_article_type(first) == spelt_as_article_type(later)


def check_label_set(labels: set[str], labelled: Callable[[str], str] | None = None) -> None:
    """Refuse article types, however spelt, mixed with other labels (`types_mixed_with_others`): a misspelt or
    translated type ("Semi_Anual_Review", "tổng kết năm") would become a class of its own and cost the model its
    article-type features. `labelled(label)`, when given, names an article so labelled: among thousands in several
    files, which row to correct. Refuse too two labels that differ only in case or spaces."""
    mixed = types_mixed_with_others(labels, labelled)
    if mixed:
        raise DvtopicsError(mixed)
    # a task of one's own keeps its labels as written, so "Khác" and "khác" (one typed by a colleague) were two
    # classes, each learnt from half the articles, with only the summary's counts to show it
    spellings: dict[str, list[str]] = {}
    for label in sorted(map(str, labels)):
        spellings.setdefault(folded(label), []).append(label)
    twice = next((written for written in spellings.values() if len(written) > 1), None)
    if twice:
        raise DvtopicsError(f"labels {' and '.join(map(repr, twice[:3]))} differ only in case or spaces: each would be "
                            "a class of its own; write them one way")


def types_mixed_with_others(labels: set[str], labelled: Callable[[str], str] | None = None) -> str | None:
    """What is wrong, in one line, when `labels` mix article types, however spelt, with labels that are none; else
    None. `other` alone is no article type here (a topic set may have one); a set with no article type is a task of
    the user's own."""
    spelt = {label: spelt_as_article_type(label) for label in labels}
    unknown = sorted(label for label, type_ in spelt.items() if type_ not in ARTICLE_TYPES)
    if unknown and set(spelt.values()) & (set(ARTICLE_TYPES) - {"other"}):
        where = f" ({labelled(unknown[0])} is {unknown[0]!r})" if labelled else ""
        # named with the type each is read as: a label set of one's own with one type's name in it ("Giao ban quý")
        # was told "while others are", and which label to rename no one could tell; its "Khác" needs no renaming
        typed = sorted((label for label, type_ in spelt.items() if type_ in set(ARTICLE_TYPES) - {"other"}), key=str)
        read_as = ", ".join(f"{label!r} ({spelt[label]})" if label != spelt[label] else repr(label)
                            for label in typed[:5]) + (" …" if len(typed) > 5 else "")
        return (f"label(s) {', '.join(map(repr, unknown[:5]))}{' …' if len(unknown) > 5 else ''} are not "
                f"article types{where}, while {read_as} {'is' if len(typed) == 1 else 'are'}: the article "
                f"types are {', '.join(f'{label} ({NAMES_VI[label][0]})' for label in ARTICLE_TYPES)}; "
                "correct the labels (a label set of your own may name other, but none of the other types)")
    return None


def folded(label: str) -> str:
    """A label as two spellings of it compare: without case, its spaces as one ("Khác ", "khác", "KHÁC")."""
    return " ".join(str(label).casefold().split())


def without_abstentions(labels: Mapping[str, str], where) -> dict[str, str]:
    """A labels file's labels without the rows still `uncertain` when the others are article types: the table `label
    --min-confidence P --abstain uncertain --out` writes, its labels corrected by hand, is a labels file, and a row
    left uncertain is one not yet decided. Read as a label it was a class of its own: `train` refused the file,
    `evaluate` scored every such row as the model's error. They label nothing, with a warning. In a task of the
    user's own "uncertain" may be a class, and is kept."""
    labels = dict(labels)
    left = [id_ for id_, label in labels.items() if isinstance(label, str) and label.strip().lower() == ABSTAINED]
    undecided = set(left)
    if not left or not is_article_type_set(label for id_, label in labels.items() if id_ not in undecided):
        return labels
    log.warning("%s: %d id(s) labelled '%s' (what label --abstain uncertain answers below --min-confidence) label "
                "nothing, e.g. %s: give each its type to have it learnt or scored", where, len(left), ABSTAINED,
                left[0])
    return {id_: label for id_, label in labels.items() if id_ not in undecided}
