"""What the classifier reads: an article as a segmented document with its rule and event tokens, and the
analyzers that cut it into the TF-IDF views' tokens. Pickled models name these functions: keep them here
(or add the old path to dvtopics.persist.MOVED_MODULES)."""
from __future__ import annotations

import hashlib

import re
from dataclasses import replace
from typing import Sequence

from ..arguments import as_list
from ..io.article import Article
from ..text.cache import SegmentCache
from ..text.people import mask_people as people_masked
from ..text.segment import segment_many
from .events import NO_EVENT_FEATURES
from ..text.sentences import SEGMENTED_SENTENCE_BREAK
from .vocabulary import SEGMENTED_EVENT_WORD
from .rules import RULES, apply_rules


HEAD_CHARS = 4000  # the part of an article the classifier reads; 0 reads all of it
# Article types: each hand-labelled article is learnt twice, as read and cut to its title and the first
# LEAD_COPY_CHARS characters of its text, the shape many users' articles (and the owners' test) have. Learnt from
# whole heads only, the model read a short lead as weaker evidence than it is and called meeting reports
# `other` (benchmarks/RESULTS.md, eighteenth session).
LEAD_COPY_CHARS = 500
TITLE_TOKENS = 40  # the "first words" view: title and first line of the lead
EVENT_TOKENS = 400  # the "event" view reads the meeting sentences among the first words only
RULE_TOKEN = "__rule_{}"
RULE_LABEL_TOKEN = "__rule_says_{}"
YEAR_TOKEN = "__year"
_YEAR = re.compile(r"(19|20)\d\d")
EVENT_TOKEN = "__ev_"  # the event's features (events.py) ride on a document's first line, like the rule token
_EVENT_WORD = re.compile(SEGMENTED_EVENT_WORD)

_LABEL_OF_RULE = {rule.name: rule.label for rule in RULES}


def raw_document(article: Article, head_chars: int = HEAD_CHARS) -> str:
    """The text of an article the classifier reads: the title, then the head of the text."""
    text = article.text[:head_chars] if head_chars else article.text
    if article.title and not text.startswith(article.title):
        text = f"{article.title}\n{text}"
    return text


def article_digest(article: Article) -> bytes:
    """What makes two articles the same for training and for the labels a model keeps (exact duplicates are learnt
    once, and given two labels are refused): the title and the text, as the classifier reads them (`raw_document`).
    Two headlines over one body (a placeholder "Nội dung đang được cập nhật.") are two articles."""
    return hashlib.blake2b(raw_document(article, head_chars=0).encode(), digest_size=12).digest()


def lead_copy(article: Article, chars: int = LEAD_COPY_CHARS) -> Article | None:
    """The article cut to its title and its text's first `chars` characters, at the last space before them; None
    when the text is no longer than that (the copy would be the article itself)."""
    if len(article.text) <= chars:
        return None
    cut = article.text.rfind(" ", 0, chars + 1)
    return replace(article, text=article.text[:cut if cut > 0 else chars].rstrip())


def documents_of(
    articles: Sequence[Article],
    use_rules: bool = True,
    head_chars: int = HEAD_CHARS,
    cache: SegmentCache | None = None,
    n_jobs: int = 1,
    progress: bool = False,
    hits: Sequence | None = None,
    events: Sequence | None = None,
    mask_people: bool = False,
) -> list[str]:
    """Segmented, lower-cased documents. With `use_rules` (article types), a first line holds the token of
    the cue rule that fired, if any (`hits`: the rules' answers, when the caller has them already), and,
    when `events` are given (`find_event` of each article, or None), the event's feature tokens.
    `mask_people` writes each person's name as one token (`text.people`), as `train` has article types read them."""
    articles = as_list(articles, "articles")  # read twice: for the texts and for the rules
    # names are found by their capitals: the text is lower-cased after
    segmented = segment_many([raw_document(a, head_chars) for a in articles], n_jobs=n_jobs, cache=cache,
                             lower=not mask_people, progress=progress)
    if mask_people:
        segmented = [people_masked(text).lower() for text in segmented]
    if not use_rules:
        return segmented
    hits = hits if hits is not None else [apply_rules(a.title, a.text) for a in articles]
    marks = [[RULE_TOKEN.format(hit.rule)] if hit else [] for hit in hits]
    if events is not None:
        marks = [mark + (event.features() if event else NO_EVENT_FEATURES) for mark, event in zip(marks, events)]
    return [f"{' '.join(mark)}\n{text}" if mark else text for mark, text in zip(marks, segmented)]


def words(document: str) -> list[str]:
    """Tokens of a segmented document (the vectorizers' tokenizer: whitespace only,
    so one-letter words like "ở" survive and tone marks are kept). The event's
    feature tokens are left to their own view."""
    # the event's tokens ride on the first line (`documents_of`): below it, a text without "__ev_" keeps
    # every token, and is split without a test per token
    first, _, rest = document.partition("\n")
    tokens = [token for token in first.split() if not token.startswith(EVENT_TOKEN)]
    if EVENT_TOKEN in rest:
        return tokens + [token for token in rest.split() if not token.startswith(EVENT_TOKEN)]
    return tokens + rest.split()


def words_years_masked(document: str) -> list[str]:
    """`words`, with every year (1900-2099) as one token: a model trained on 2005 and
    2017 reports must read a 2023 one the same way ("tổng_kết năm __year")."""
    # a year is four characters: the pattern is tried on those only
    return [YEAR_TOKEN if len(token) == 4 and _YEAR.fullmatch(token) else token for token in words(document)]


def event_tokens(document: str) -> list[str]:
    """The event's feature tokens on a document's first line (`documents_of`)."""
    first_line = document.split("\n", 1)[0]
    return [token for token in first_line.split() if token.startswith(EVENT_TOKEN)]


def first_words(document: str) -> str:
    """The title and first words: where a report names its meeting."""
    return " ".join(document.split()[:TITLE_TOKENS])


def event_sentences(document: str) -> str:
    """The early sentences that name a meeting or a review: who met, and which
    period they reviewed, is what decides an article's type (LABELS.md)."""
    head = " ".join(_without_marks(document).split(" ")[:EVENT_TOKENS])
    return "\n".join(s for s in SEGMENTED_SENTENCE_BREAK.split(head) if _EVENT_WORD.search(s))


def _without_marks(document: str) -> str:
    """The document without its first line of rule and event tokens, if it has one."""
    first, newline, rest = document.partition("\n")
    # by the marks' own prefixes: a title may start with another token of dvtopics ("__person")
    return rest if newline and first.startswith((RULE_TOKEN.format(""), EVENT_TOKEN)) else document


def rule_fired(document: str) -> list[str]:
    """The rule token a document starts with, if any (the rules view of models
    trained before `rule_says`; kept so that their files still load and read alike)."""
    first = document.split(maxsplit=1)[:1]
    return [token for token in first if token.startswith(RULE_TOKEN.format(""))]


def rule_says(document: str) -> list[str]:
    """The label the cue rule gives, if one fired: a feature of its own, so the model
    learns how far to trust the rules without TF-IDF diluting it, and trusts a rule
    the training data never saw fire like the others of its label. (Which rule fired
    stays a word of the text.)"""
    names = [token[len(RULE_TOKEN.format("")):] for token in rule_fired(document)]
    return [RULE_LABEL_TOKEN.format(_LABEL_OF_RULE[name]) for name in names if name in _LABEL_OF_RULE]
