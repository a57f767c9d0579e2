"""The five article types (../shared/LABELS.md) and the names Vietnamese readers know them by.

One home below both stages that name them: the classifier (`types/`, which reads a label written either way as
the type) and the report (which shows the Vietnamese name beside each type); neither imports the other. So is
how a label a user spelt otherwise is read as a type ("Annual review", "Sơ kết 6 tháng"): by training, evaluation,
the labels files (`types/names.py`) and the topics by type (`topics/summary.py`) alike.
"""
import re
import unicodedata
from typing import Iterable, Sequence

from .arguments import as_list

ARTICLE_TYPES = ("semi_annual_review", "quarterly_briefing", "steering_committee", "annual_review", "other")

# Each type's Vietnamese name as the report shows it, first, then the other ways an analyst writes it in a labels
# file; read without case, tone marks or punctuation ("so ket 6 thang dau nam"). A bare "Tổng kết" or "Sơ kết" is
# not one: a campaign's review is `other`, and a quarter's "sơ kết quý" a quarterly briefing.
NAMES_VI = {
    "semi_annual_review": ("Sơ kết 6 tháng", "Sơ kết 6 tháng đầu năm", "Sơ kết sáu tháng", "Sơ kết sáu tháng đầu năm",
                           "Sơ kết giữa năm"),
    "quarterly_briefing": ("Giao ban, trực báo quý", "Giao ban quý", "Trực báo quý", "Giao ban trực báo quý",
                           "Sơ kết quý"),
    "steering_committee": ("Hội nghị Ban Chỉ đạo", "Ban Chỉ đạo", "Họp Ban Chỉ đạo", "Hội nghị BCĐ", "BCĐ"),
    "annual_review": ("Tổng kết năm", "Tổng kết cuối năm", "Tổng kết công tác năm", "Hội nghị tổng kết năm"),
    "other": ("Khác", "Loại khác"),
}
TYPE_NAMES_VI = {label: names[0] for label, names in NAMES_VI.items()}  # the one a reader is shown


def _spelling(label: str) -> str:
    """A label as its spellings compare: no case, tone marks, spaces, hyphens or underscores ("Sơ kết 6 tháng" and
    "so ket 6 thang", "Semi-annual review" and "semiannualreview" are each one)."""
    plain = unicodedata.normalize("NFD", label.casefold()).replace("đ", "d")  # (a byte-order mark is no \w)
    return re.sub(r"[\W_]+", "", "".join(char for char in plain if not unicodedata.combining(char)))


# the types by their English names ("semiannualreview") and by their Vietnamese ones ("soket6thang"): a Vietnamese
# analyst's labels file reads "Sơ kết 6 tháng", "Khác"
_TYPE_SPELLINGS = {_spelling(name): label for label in ARTICLE_TYPES for name in (label, *NAMES_VI[label])}


def spelt_as_article_type(label):
    """An article type spelt another way, in any case, with spaces, hyphens, underscores or nothing between its
    words ("Annual review", "SEMI-ANNUAL_REVIEW", " Other", "SemiAnnualReview", "semiannualreview"), or by its
    Vietnamese name, with or without tone marks ("Sơ kết 6 tháng", "so ket 6 thang dau nam", "Khác"), as the type;
    any other label as it is."""
    if not isinstance(label, str):
        return label
    return _TYPE_SPELLINGS.get(_spelling(label), label)


def is_article_type_set(labels: Iterable) -> bool:
    """Whether a label set is the article types: every label one of the five types, however spelt ("OTHER",
    "Annual review"), and one of them not `other`. A set of "Other" alone tells nothing (a topic set may have an
    "Other" of its own): it is no article type set."""
    spelt = {spelt_as_article_type(label) for label in labels if label}
    return spelt <= set(ARTICLE_TYPES) and bool(spelt - {"other"})


def as_article_types(labels: Sequence, beside: Iterable = ()) -> list:
    """`labels` as the article types when they (with `beside`: the labels of the model they are scored against)
    are the article types (`is_article_type_set`); else exactly as written: "Other" beside "Politics" is a class of
    the user's own task, not the type `other`. One str is a list of one label (notebooks 01 and 02 call this): read
    letter by letter it gave a list of letters."""
    labels, beside = as_list(labels, "labels"), as_list(beside, "beside")
    if is_article_type_set([*labels, *beside]):
        return [spelt_as_article_type(label) for label in labels]
    return list(labels)
