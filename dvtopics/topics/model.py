"""Recurring themes: topic models (LDA or NMF) over segmented articles, their measures and views.

`TopicModel` is a scikit-learn estimator: ``fit`` takes segmented texts (what
`dvtopics.text.segment.segment_many` returns: one line per paragraph, words joined
by "_"), ``transform`` gives each text's topic mix (rows sum to 1; a row of zeros, no mix, for a text
with no word the model knows). Inside it:

1. units: whole documents, or paragraphs (``unit="paragraph"``) when a handful
   of long reports would otherwise give too few documents to learn from;
2. tokens: lower-cased words made of letters only (numbers, punctuation and
   one-letter words go), without photo captions and credits, minus the
   Vietnamese stopwords shipped in ``dvtopics/data/stopwords_vi.txt``, time and
   furniture words, and any ``extra_stopwords``;
3. optionally (``phrases=True``), collocations joined by gensim ``Phrases``:
   "mặt_trận tổ_quốc" becomes "mặt_trận_tổ_quốc"; off by default, as it
   lowered NPMI on both corpora (benchmarks/RESULTS.md);
4. a gensim ``Dictionary`` without rare words (fewer than ``no_below`` units)
   and corpus-frequent ones (more than ``no_above`` of the units);
5. topics by one of four engines, each with a fixed seed so a run repeats
   exactly: gensim LDA (default, started from NMF's topics), NMF on TF-IDF
   (scikit-learn), tomotopy LDA (Gibbs sampling, ``pip install
   'dvtopics[bench]'``) or scikit-learn's LDA.

Around it: `engines.py` (the four engines), `measures.py` (NPMI, C_V, diversity,
stability), `sweep.py` (K and seeds, `suggest_k`), `summary.py` (a `TopicReport`
of some articles and its files), `ldavis.py` (an offline pyLDAvis page).
"""
from __future__ import annotations

import json
import logging
import numbers
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..arguments import (MAX_ITER, MAX_NO_BELOW, MAX_SEED, MIN_TOPICS, as_list, check_at_least, check_n_jobs,
                         check_random_state, command_line_runs, named)
from ..errors import ArgumentError, DvtopicsError, ModelError, TooManyTopics, TopicsError
from ..wording import plural, word_for
from ..text.segment import as_written
from .engines import (DEFAULT_MAX_ITER, DEFAULT_SEED, ENGINE_CLASSES, ENGINE_NAMES, ENGINES, SHARED_ESTEP_MIN_UNITS,
                      bows_to_csr, without_build_log)

log = logging.getLogger(__name__)

UNITS = ("document", "paragraph")
INITS = ("nmf", "random")  # where gensim's LDA starts: NMF's topics, or gensim's random ones
LABEL_WORDS = 3
# A topic that learnt no words (`TopicModel.empty_topics`): its top word is less than this many times as probable as
# an even share of the vocabulary (a topic's first word is tens of times more probable than that)
EMPTY_TOPIC_TOP = 2.0
EMPTY_TOPIC = "(no theme: learnt no words; a smaller K reads better)"
# Relevance weight of LDAvis (Sievert & Shirley 2014): 1 = most probable, 0 = most distinctive (lift). Their 0.6
# still names topics of baomoi by words every topic has ("quy định", "luật"); 0.4 picks each topic's own
# ("thường vụ", "dự thảo"); 0.3 starts to pick rare oddities.
LABEL_LAMBDA = 0.4
# The label's words are the most relevant among the topic's 20 most probable: on a few hundred articles, relevance
# alone named topics by words a handful of articles hold (600 baomoi articles: an investment topic "hạt nhân, nga",
# cars "da, xe, diễn viên", football "trận, sư tử"); among its 20 most probable, "nga, dự án, đầu tư", "xe, màu,
# honda", "trận, hlv, malaysia". On 3,000 articles, 9 of 10 labels are the same.
LABEL_CANDIDATES = 20
# ... and held by at least this share of the units the topic's share stands for (at least 2): a word repeated in two
# articles was among the 20 most probable of the largest topic of 300 baomoi articles (39%), and named it ("hàng hải,
# trung quốc, phụ kiện" for cars and phones: hunt 38 F).
LABEL_MIN_HOLDERS = 0.1
# no_below="auto": a word must be in one unit of 150, at least 2 and at most 20. Rarer words never lead a topic
# but add noise to it: on 3,000 baomoi articles, 20 (a vocabulary of 3,200) gives a higher NPMI than 5 (8,400).
AUTO_NO_BELOW = (150, 2, 20)
# Time words that leads and datelines repeat ("Chiều 5/7", "6 tháng đầu năm") and the shipped list lacks;
# its "năm", "tháng", "ngày" are cues for the classifier but only noise for themes.
TIME_WORDS = frozenset({"đầu", "chiều", "tối", "trưa", "tuần", "hôm",
                        # a day or a season said from the day of writing ("hôm_qua" led a topic of world news, hunt 42
                        # AR), and "gmt" of a dateline's time zone
                        "hôm_qua", "hôm_nay", "hôm_kia", "hôm_trước", "sáng_nay", "chiều_nay", "tối_nay", "trưa_nay",
                        "đêm_qua", "ngày_mai", "năm_nay", "năm_ngoái", "tuần_qua", "tuần_trước", "tuần_tới",
                        "tháng_trước", "tháng_tới", "vừa_qua", "gmt",
                        # a dateline's days ("Thứ Hai, 10/7/2017"): a topic of 24 pages led by "thứ_hai" (hunt 41 AC)
                        "thứ_hai", "thứ_ba", "thứ_tư", "thứ_năm", "thứ_sáu", "thứ_bảy", "chủ_nhật"})
# Page furniture: photo words that captions put in a third of baomoi's articles, never a theme of their own.
FURNITURE_WORDS = frozenset({"ảnh", "minh_họa"})
# What the shipped list lacks of its kind: numbers spelt out (it has "một", "ba", "năm": "hai" was the second word of
# the largest topic of 2,500 baomoi articles, hunt 38 F; "tỷ" named a topic of 798, hunt 40 Q) and the pronoun "ta"
# (it has "tôi", "chúng_ta", "mình").
SPELT_NUMBERS = frozenset({"hai", "bốn", "sáu", "bảy", "tám", "chín", "mười", "mươi", "chục", "trăm", "nghìn", "ngàn",
                           "vạn", "triệu", "tỷ", "tỉ"})
PRONOUNS = frozenset({"ta"})
# A caption or credit in segmented, lower-cased text: "( ảnh : afp )", "( ảnh minh_họa )", "ảnh : zen nguyễn .",
# "nguồn ảnh : qq", "video : ...". An unbracketed credit is one to three words up to the next punctuation.
_CAPTION = re.compile(r"\( (?:nguồn )?(?:ảnh|video|clip)\b[^()]{0,80}\)"
                      r"|(?:nguồn )?(?:ảnh|video|clip)(?: minh_họa)?(?: internet)? :(?: [^\W\d_][^\s.,;:()\"]*){0,3}")
_CAPTION_WORDS = ("ảnh", "video", "clip")  # every match of _CAPTION holds one of them
# Phrases joins with a character words never hold: freezing splits its bigrams on it, and "_" is inside words.
_PHRASE_JOINER = "+"
_VOWEL = re.compile("[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")
_WORD = re.compile(r"^[^\W\d_]{2,}(?:_[^\W\d_]+)*$|^[^\W\d_](?:_[^\W\d_]+)+$")


def too_many_topics(k: int, n_units: int, unit: str) -> TooManyTopics:
    """The error of a K above the number of documents (or paragraphs) there are to model. Below MIN_TOPICS
    of them no K can be lowered to: it says more are needed."""
    name = "article" if unit == "document" else unit  # what a user gave: articles
    units = f"{n_units} {name}{'s' if n_units != 1 else ''}"
    # the argument and its option, as every refusal names them (`named`): a notebook user gives no --k
    paragraphs = (", or model paragraphs (--unit paragraph)" if command_line_runs() else
                  ', or model paragraphs (unit="paragraph", --unit paragraph)') if unit == "document" else ""
    if n_units < MIN_TOPICS:
        return TooManyTopics(f"only {units} with words to model; K = {k} topics need at least {k} {name}s "
                             f"(and K is at least {MIN_TOPICS})", n_units,
                             f"give more articles{paragraphs if n_units else ''}")
    return TooManyTopics(f"K = {k} topics but only {units} with words to model: K can be at most {n_units}", n_units,
                         f"lower {named('n_topics')}{paragraphs}")


# ---------------------------------------------------------------- stopwords

@lru_cache(maxsize=1)
def default_stopwords() -> frozenset[str]:
    """The common Vietnamese stopword list (lower case, "_" inside words), shipped with dvtopics, TIME_WORDS,
    FURNITURE_WORDS, SPELT_NUMBERS and PRONOUNS."""
    path = Path(__file__).resolve().parents[1] / "data" / "stopwords_vi.txt"
    shipped = frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return shipped | TIME_WORDS | FURNITURE_WORDS | SPELT_NUMBERS | PRONOUNS


# A source's credit on a line of its own, as the reader keeps it in the text (it names the article's source): "Nguồn :
# Báo Hòa_Bình", "( Theo baohoabinh.com.vn )", "Theo báo Nhân_Dân" (segmented, lower-cased). Its paper's and its
# province's names were among a topic's top words (hunt 41 Y); a sentence opening "Theo" ("Theo đó , …") is not one.
_SOURCE_CREDIT = re.compile(r"^(?:\( )?nguồn(?: tin| bài)? :[^\n]{0,100}$|^\( theo [^\n()]{1,80} \)$|"
                            r"^theo (?:báo|tạp_chí|thông_tấn|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org))[^\n.,;:]{0,60}$",
                            re.MULTILINE)


# A lead's tag ("( Baothaibinh . com . vn ) - ", "VOV . VN - ": a site's address, as pyvi splits it) and a writer's
# name closing the text on its own line ("Minh_An"): on a folder of one site's pages, a topic of the site's and the
# writer's names (hunt 41 AC). The tag at a line's start; the name the last line, up to 4 words, each capitalised.
_LEAD_TAG = re.compile(r"^(?:\( )?[^\W\d_][\w-]*(?: \. [\w-]+)+(?: \))? [-–] ", re.MULTILINE)
_CLOSING_NAME_WORDS, _CLOSING_NAME_CHARS = 4, 60
# A page's dateline among its first lines, as pyvi splits it ("Báo Hà_Tĩnh 08 : 15 , 12 / 09 / 2024", "Thứ Ba , 05 / 07
# / 2022 , 19 : 13 [ GMT + 7 ]"): its paper's and its province's names, "gmt", were topic words (hunt 42 AR). A short
# line: a lead that opens with its day ("Ngày 5 / 7 / 2024 , Ban Dân_vận tổ_chức …") is longer.
_SEGMENTED_DATE = re.compile(r"\b\d{1,2} [/.-] \d{1,2} [/.-] \d{2,4}\b")
_DATELINE_LINES, _DATELINE_WORDS, _DATELINE_CHARS = 6, 14, 160
_NAME_JOINERS = {"-", "–", "&"}  # between two writers' names: "Kim_Cúc – Đức_Văn"


def drop_page_marks(segmented: str) -> str:
    r"""Segmented text (in its case) without its lead's tag (`_LEAD_TAG`) and a writer's name closing it (its last
    line, up to `_CLOSING_NAME_WORDS` words, each capitalised).

    >>> drop_page_marks("( Baophutho . vn ) - Chiều 12 / 1 , Ban Dân_vận họp .\nNăm qua , tỉnh làm đường .\nThu_Hà")
    'Chiều 12 / 1 , Ban Dân_vận họp .\nNăm qua , tỉnh làm đường .'

    And a short dateline among its first lines (`_SEGMENTED_DATE`), and two writers' names closing it.

    >>> drop_page_marks("Tin mới\nBáo Hà_Tĩnh 08 : 15 , 12 / 09 / 2024\nBan Dân_vận họp .\nKim_Cúc – Đức_Văn")
    'Tin mới\nBan Dân_vận họp .'
    """
    text = _LEAD_TAG.sub("", segmented) if " - " in segmented or " – " in segmented else segmented
    parts = text.split("\n", _DATELINE_LINES)  # the first lines, and the rest in one piece: only they are looked at
    first = parts[:_DATELINE_LINES]
    # (a short line's length first: a text of one line, as baomoi's are, was searched whole)
    head = [line for line in first if not (len(line) <= _DATELINE_CHARS and _SEGMENTED_DATE.search(line)
                                           and len(line.split()) <= _DATELINE_WORDS)]
    if len(head) < len(first):
        text = "\n".join(head + parts[_DATELINE_LINES:])
    body, _, last = text.rstrip().rpartition("\n")
    if not body or len(last) > _CLOSING_NAME_CHARS:  # (a text of one line, or a last line of prose: no name to read)
        return text
    words = [word for word in last.replace("_", " ").split() if word not in _NAME_JOINERS]
    if 0 < len(words) <= _CLOSING_NAME_WORDS and all(word[0].isupper() and word.isalpha() for word in words):
        return body
    return text


def drop_source_credits(segmented: str) -> str:
    r"""Segmented, lower-cased text without the lines that credit its source (`_SOURCE_CREDIT`).

    >>> drop_source_credits("đoạn một .\nnguồn : báo hòa_bình\n( theo baohoabinh.com.vn )\ntheo đó , tỉnh làm đường .")
    'đoạn một .\n\n\ntheo đó , tỉnh làm đường .'
    """
    if "nguồn" not in segmented and "theo" not in segmented:  # most texts: no need to scan them
        return segmented
    return _SOURCE_CREDIT.sub("", segmented)


def drop_captions(segmented: str) -> str:
    """Segmented, lower-cased text without photo captions and credits: their names and agencies are no theme.

    >>> drop_captions("bão số 2 ( ảnh : kiệt võ ) đổ_bộ . ảnh : zen nguyễn . mưa ( ảnh minh_họa ) lũ")
    'bão số 2  đổ_bộ .  . mưa  lũ'
    """
    if not any(word in segmented for word in _CAPTION_WORDS):  # most texts: no need to scan them
        return segmented
    return _CAPTION.sub("", segmented)


@lru_cache(maxsize=4)
def _first_syllables(stopwords: frozenset[str]) -> frozenset[str]:
    """The first syllables of the stopwords of two syllables ("xảy" of "xảy_ra")."""
    return frozenset(word.split("_")[0] for word in stopwords if word.count("_") == 1)


def is_content_word(token: str) -> bool:
    """True for a word of letters (syllables joined by "_"); False for numbers, punctuation, one letter.

    >>> [t for t in ["dân_vận", "2022", "46", ",", "a", "ở", "covid-19", "mặt_trận"] if is_content_word(t)]
    ['dân_vận', 'mặt_trận']
    """
    # (not two letters with no vowel: the halves of an abbreviation pyvi splits, "gd" and "đt" of "GD&ĐT", hunt 41 AC)
    return bool(_WORD.match(token)) and (len(token) > 2 or bool(_VOWEL.search(token)))


# ------------------------------------------------------------------- engines


# --------------------------------------------------------------------- model

# A text of at most this many lines is a title, a lead and a body on one line (a scraper's, baomoi's): modelled by
# paragraphs, its "paragraphs" are those parts (hunt 40 Q, 6: 45 articles were 135 units, 3 each, and no word said so)
FLAT_TEXT_LINES = 3


def flat_texts(segmented: Sequence[str]) -> int:
    """How many of the texts are not in paragraphs: at most `FLAT_TEXT_LINES` lines."""
    return sum(len(split_units(text, "paragraph")) <= FLAT_TEXT_LINES for text in segmented)


def flat_texts_note(segmented: Sequence[str]) -> str | None:
    """What a fit over paragraphs is to say when most texts have none (`flat_texts`), else None."""
    flat = flat_texts(segmented)
    if flat * 2 <= len(segmented):
        return None
    return (f"{flat} of the {len(segmented)} articles are not in paragraphs (at most {FLAT_TEXT_LINES} lines: a "
            "title, a lead and a body on one line): their units are those parts")


def split_units(segmented: str, unit: str) -> list[str]:
    """The modelling units of one segmented text: itself, or its non-empty lines (paragraphs)."""
    if unit == "document":
        return [segmented]
    return [line for line in segmented.split("\n") if line.strip()]


def _number(value) -> bool:
    """A real number, not a bool (True is 1 to Python, never a share or a prior a user meant)."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


class TopicModel(TransformerMixin, BaseEstimator):
    """A topic model (LDA or NMF) of segmented Vietnamese texts, with the preprocessing that makes its topics
    readable.

    Parameters
    ----------
    n_topics : number of topics K.
    unit : "document" or "paragraph": what LDA sees as one document. `transform`
        always returns one mix per text given.
    engine : "gensim" (default, LDA), "nmf", "tomotopy" or "sklearn" (LDA).
    no_below : keep words found in at least this many units; "auto" is one unit
        in 150, at least 2 and at most 20.
    no_above : drop words found in more than this share of the units (the
        corpus' own frequent words, "công_tác" in a corpus about công tác).
    keep_n : keep at most this many words, the most frequent.
    extra_stopwords : words to drop besides the shipped Vietnamese list (one word may be given as a str), written
        with spaces ("nhân dân") or as segmented ("nhân_dân"), as a --stopwords file.
    phrases : join collocations into one token with gensim `Phrases` (off: it
        lowered NPMI on baomoi and VNTC).
    phrase_min_count, phrase_threshold : `Phrases` settings (NPMI scoring, so the
        threshold is in [-1, 1]).
    alpha : prior of the topic mix of a unit; None is 1/K.
    eta : prior of the word mix of a topic.
    max_iter : passes (gensim, scikit-learn), Gibbs sweeps (tomotopy) or NMF
        iterations; None is the engine's default (DEFAULT_MAX_ITER).
    init : where gensim's LDA starts: "nmf" (the topics NMF finds) or "random";
        the other engines ignore it.
    random_state : the seed (0 to 2**32 - 1); the same data and parameters give the same model (None: not
        seeded, so two fits may differ). A numpy RandomState, as scikit-learn takes, gives each fit its seed, one
        number drawn from it (`seed_`, which the model card records), whatever the engine. The nmf engine starts
        from NNDSVD with the default seed, 0, and from random factors with any other (`engines.nmf_start`).

    Learned attributes: `dictionary_` (gensim Dictionary), `phrases_` (frozen
    Phrases or None), `topic_word_` (K × V, rows sum to 1), `term_frequency_`,
    `n_units_`, `no_below_`, `unit_topic_` and `unit_lengths_` (mixes and token
    counts of the training units, for pyLDAvis), `engine_`.

    >>> texts = ["lúa gạo nông_dân ruộng\\nlúa nông_dân", "trường học sinh giáo_viên\\nhọc_sinh trường"] * 20
    >>> model = TopicModel(n_topics=2, no_below=2, no_above=0.9, phrases=False).fit(texts)
    >>> model.transform(texts[:2]).round(1).sum(axis=1).tolist()
    [1.0, 1.0]
    """

    def __init__(self, n_topics: int = 10, unit: str = "document", engine: str = "gensim",
                 no_below: int | str = "auto", no_above: float = 0.5, keep_n: int = 50000,
                 extra_stopwords: Iterable[str] = (), phrases: bool = False, phrase_min_count: int = 5,
                 phrase_threshold: float = 0.5, alpha: float | None = None, eta: float = 0.01,
                 max_iter: int | None = None, init: str = "nmf", random_state: int = DEFAULT_SEED):
        self.n_topics = n_topics
        self.unit = unit
        self.engine = engine
        self.no_below = no_below
        self.no_above = no_above
        self.keep_n = keep_n
        self.extra_stopwords = extra_stopwords
        self.phrases = phrases
        self.phrase_min_count = phrase_min_count
        self.phrase_threshold = phrase_threshold
        self.alpha = alpha
        self.eta = eta
        self.max_iter = max_iter
        self.init = init
        self.random_state = random_state

    # -- preprocessing ------------------------------------------------------

    def _check_params(self, n_jobs: int = 1) -> None:
        """The parameters, and the `n_jobs` of a fit, checked before any work."""
        check_n_jobs("n_jobs", n_jobs)
        if self.unit not in UNITS:
            raise TopicsError(f"unit must be one of {', '.join(UNITS)}, not {self.unit!r}")
        if self.engine not in ENGINES:
            raise TopicsError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.engine == "tomotopy":  # an optional extra: missing, say so before the texts are read, not after
            ENGINE_CLASSES["tomotopy"]._tomotopy()
        if self.init not in INITS:
            raise TopicsError(f"init must be one of {', '.join(INITS)}, not {self.init!r}")
        check_at_least("n_topics", self.n_topics, MIN_TOPICS)  # 2.5 is no K (int() made it 2)
        check_random_state("random_state", self.random_state)
        if not _number(self.no_above) or not 0 < self.no_above <= 1:  # so written, NaN is refused too
            raise TopicsError(f"no_above must be a share above 0 and at most 1, not {self.no_above!r}")
        # The others as their options take them, before any work: no_below=2.5 kept words of 2 units, "3" was read
        # as 3, max_iter=0 ran the engine's default, phrases="no" joined phrases, eta=-1 gave topics negative
        # word probabilities, and a str no_above or keep_n stopped the fit with a raw TypeError.
        if self.no_below != "auto" and (isinstance(self.no_below, (bool, np.bool_)) or
                                        not isinstance(self.no_below, numbers.Integral) or
                                        not 1 <= self.no_below <= MAX_NO_BELOW):
            raise ArgumentError(f"{named('no_below')} {self.no_below!r}: give a whole number from 1 to {MAX_NO_BELOW}, "
                                "or 'auto'")
        if self.keep_n is not None:
            check_at_least("keep_n", self.keep_n, 1)
        if self.max_iter is not None:
            check_at_least("max_iter", self.max_iter, 1, MAX_ITER)
        if not isinstance(self.phrases, (bool, np.bool_)):
            raise TopicsError(f"phrases must be True or False, not {self.phrases!r}")
        if self.phrases:
            check_at_least("phrase_min_count", self.phrase_min_count, 1)
            if not _number(self.phrase_threshold) or not -1 <= self.phrase_threshold <= 1:
                raise TopicsError(f"phrase_threshold must be an NPMI from -1 to 1, not {self.phrase_threshold!r}")
        for name in ("alpha", "eta"):  # Dirichlet priors: None (the engine's default), above 0, or gensim's words
            value = getattr(self, name)
            if value is None or (isinstance(value, str) and self.engine == "gensim"):  # "auto": gensim checks it
                continue
            if not _number(value) or not value > 0:
                raise TopicsError(f"{name} must be a number above 0 or None"
                                  + (' (or "auto" with the gensim engine)' if self.engine != "gensim" else "")
                                  + f", not {value!r}")

    def _stopwords(self) -> frozenset[str]:
        from ..io.sidefiles import stopword_spelling

        # as a --stopwords file is read: "nhân dân" given in a notebook matched no token ("nhân_dân") and stayed
        return default_stopwords() | {stopword_spelling(w) for w in as_list(self.extra_stopwords, "extra_stopwords")}

    def _words(self, unit_text: str, stopwords: frozenset[str], kept: dict[str, str] | None = None) -> list[str]:
        """The unit's content words that are not stopwords. `kept` maps each distinct token to the one string every
        occurrence of it shares ("" for a token dropped): a regular expression per token was most of the time of
        building the vocabulary, and a string object per occurrence held a corpus' words many times over."""
        if kept is None:
            kept = {}
        words, firsts = [], _first_syllables(stopwords)
        tokens = drop_captions(drop_source_credits(unit_text.lower())).split()
        for at, token in enumerate(tokens):
            # a stopword of two syllables that pyvi left apart ("xảy ra", "bên cạnh"): "xảy" and "cạnh" were topic
            # words (hunt 41 AC). Its first syllable is read again as the second of the pair, and dropped
            if token in firsts and at + 1 < len(tokens) and f"{token}_{tokens[at + 1]}" in stopwords or \
                    at and tokens[at - 1] in firsts and f"{tokens[at - 1]}_{token}" in stopwords:
                continue
            word = kept.get(token)
            if word is None:
                word = kept[token] = token if is_content_word(token) and token not in stopwords else ""
            if word:
                words.append(word)
        return words

    def _unit_tokens(self, texts: Iterable[str]) -> list[list[str]]:
        """Tokens of every unit of every text, before phrases and the dictionary."""
        return [tokens for units in self._text_units(texts) for tokens in units]

    def _text_units(self, texts: Iterable[str]) -> list[list[list[str]]]:
        """Per text, the tokens of each of its units, before phrases and the dictionary."""
        stopwords, kept = self._stopwords(), {}
        return [[self._words(unit, stopwords, kept) for unit in split_units(drop_page_marks(text), self.unit)]
                for text in texts]

    def _with_phrases(self, token_lists: list[list[str]]) -> list[list[str]]:
        if self.phrases_ is None:
            return token_lists
        return [[t.replace(_PHRASE_JOINER, "_") for t in self.phrases_[tokens]] for tokens in token_lists]

    def join_phrases(self, tokens: list[str]) -> list[str]:
        """`tokens` with the collocations this model learned (`phrases=True`) joined as it joins them (as they
        are without phrases): where the coherence measures count a joined word (`ReferenceTokens`)."""
        return self._with_phrases([tokens])[0] if getattr(self, "phrases_", None) is not None else tokens

    def analyze(self, texts: Iterable[str], by_unit: bool = True) -> list[list[str]]:
        """The tokens the model sees in each unit (or, with by_unit=False, each text): filtered,
        phrased, in the dictionary. These are the texts the coherence measures count in."""
        check_is_fitted(self, "dictionary_")
        return self._analyzed(self._text_units(segmented_texts(texts)), by_unit)

    def _analyzed(self, text_units: list[list[list[str]]], by_unit: bool = True) -> list[list[str]]:
        """`analyze` of texts whose units' tokens (`_text_units`) are already read."""
        if by_unit:
            groups = self._with_phrases([tokens for units in text_units for tokens in units])
        else:
            groups = [[t for unit in self._with_phrases(units) for t in unit] for units in text_units]
        known = self.dictionary_.token2id
        return [[t for t in tokens if t in known] for tokens in groups]

    def _fit_vocabulary(self, texts: Sequence[str], unit_tokens: list[list[str]] | None = None) -> list[list[str]]:
        """Learn phrases and the dictionary; return the units' kept tokens (`unit_tokens`: the texts'
        `_unit_tokens`, when the caller has them already)."""
        from gensim.corpora import Dictionary
        from gensim.models.phrases import Phrases

        self.names_ = None  # a new fit's topics are not those a topics.json named (`load_topic_model`)
        unit_tokens = self._unit_tokens(texts) if unit_tokens is None else unit_tokens
        token_lists = [tokens for tokens in unit_tokens if tokens]
        if not token_lists:
            raise TopicsError("no words left to model: the texts are empty or only stopwords, numbers and punctuation")
        self.phrases_ = None
        if self.phrases:
            self.phrases_ = without_build_log(Phrases(token_lists, min_count=self.phrase_min_count,
                                                      threshold=self.phrase_threshold, scoring="npmi",
                                                      delimiter=_PHRASE_JOINER).freeze())
            token_lists = self._with_phrases(token_lists)
        self.n_units_ = len(token_lists)
        if self.n_units_ < MIN_TOPICS:  # no K fits one text, whatever its words: say so, not that words are rare
            raise too_many_topics(int(self.n_topics), self.n_units_, self.unit)
        self.no_below_ = self._effective_no_below(self.n_units_)
        dictionary = without_build_log(Dictionary(token_lists))
        # which words each bound drops, for the message below: the same articles repeated (a release every site
        # republished) lose every word to no_above, and "frequent enough" alone sent the user after rarer words
        n_words, rare = len(dictionary), sum(df < self.no_below_ for df in dictionary.dfs.values())
        common = sum(df > self.no_above * dictionary.num_docs for df in dictionary.dfs.values())
        dictionary.filter_extremes(no_below=self.no_below_, no_above=self.no_above, keep_n=self.keep_n)
        dictionary.compactify()
        if len(dictionary) < int(self.n_topics):
            frequent = len(dictionary)
            raise TooManyTopics(f"only {plural(frequent, 'word')} {word_for(frequent, 'is', 'are')} frequent enough to "
                                f"model {self.n_topics} topics (of {plural(n_words, 'word')}, {rare} "
                                f"{word_for(rare, 'is', 'are')} in fewer than {self.no_below_} {self.unit}s and "
                                f"{common} in more than {self.no_above:.0%} of them)", frequent,
                                f"give more text, or raise {named('no_above')}" if common > rare else
                                f"give more text, or lower {named('no_below')} or raise {named('no_above')}")
        self.dictionary_ = dictionary
        known = dictionary.token2id
        kept = [[t for t in tokens if t in known] for tokens in token_lists]
        self.check_k(int(self.n_topics), sum(1 for tokens in kept if tokens))
        return kept

    def check_k(self, k: int, n_units: int) -> None:
        """Refuse K above the units (documents or paragraphs) with a word to model: every engine needs at
        least one per topic (NMF, and gensim's start from it, cannot even begin)."""
        if k > n_units:
            raise too_many_topics(k, n_units, self.unit)

    def _effective_no_below(self, n_units: int) -> int:
        if self.no_below == "auto":
            per, least, most = AUTO_NO_BELOW
            return max(least, min(most, n_units // per))
        return int(self.no_below)

    # -- learning -----------------------------------------------------------

    def _seed(self) -> int | None:
        """The seed of this fit: `random_state`, or one drawn from it when it is a RandomState (the engines
        reseed from a number: gensim before each text it infers, tomotopy at its start)."""
        if isinstance(self.random_state, np.random.RandomState):
            return int(self.random_state.randint(MAX_SEED + 1, dtype=np.int64))
        return None if self.random_state is None else int(self.random_state)

    def _make_engine(self):
        k = int(self.n_topics)
        start = "gensim-random" if self.engine == "gensim" and self.init == "random" else self.engine
        max_iter = self.max_iter or DEFAULT_MAX_ITER[start]
        alpha = self.alpha if self.alpha is not None else 1.0 / k
        options = {"init": self.init} if self.engine == "gensim" else {}
        self.seed_ = self._seed()
        return ENGINE_CLASSES[self.engine](k, alpha, self.eta, max_iter, self.seed_, **options)

    def _fit_topics(self, unit_tokens: list[list[str]]) -> "TopicModel":
        """Fit LDA on units already reduced to dictionary words (shared by `fit` and `sweep`)."""
        self._fit_topics_inferred(unit_tokens)
        return self

    def _bows(self, token_lists: Iterable[list[str]]) -> list[list[tuple[int, int]]]:
        """Each unit's bag of words, (word id, count) pairs as gensim gives them, each distinct pair one tuple that
        every bag holding it shares: 10,000 baomoi articles' bags held a million tuples, 46,000 of them distinct."""
        pairs = {}
        return [[pairs.setdefault(pair, pair) for pair in self.dictionary_.doc2bow(tokens)] for tokens in token_lists]

    def _fit_topics_inferred(self, unit_tokens: list[list[str]], n_jobs: int = 1, progress: bool = False
                             ) -> np.ndarray:
        """`_fit_topics`; return the mixes the engine inferred for the units with a known word (in float64:
        `unit_topic_` keeps them as float32). With `n_jobs` > 1, gensim shares its work between processes;
        with `progress`, a bar on stderr counts the texts learnt from (gensim: every pass's)."""
        from ..parallel import cores, worker_pool

        bows = [bow for bow in self._bows(unit_tokens) if bow]
        parts = cores(n_jobs) if self.engine == "gensim" and len(bows) >= SHARED_ESTEP_MIN_UNITS else 1
        engine = self._make_engine()
        passes = engine.params["max_iter"] if self.engine == "gensim" else 1  # the others show only the end
        with worker_pool(parts - 1, preload=["dvtopics.topics.engines", "gensim.matutils"]) as pool, \
                _topics_bar(len(bows) * passes, progress) as bar:
            shared = {"pool": pool, "parts": parts} if pool is not None else {}
            if self.engine == "gensim":
                self.engine_ = engine.fit(bows, self.dictionary_, bar=bar, **shared)
            else:  # the other engines learn in one call: the bar only says when it is done
                self.engine_ = engine.fit(bows, self.dictionary_)
                bar.update(len(bows))
            self.topic_word_ = self.engine_.topic_word()
            self.term_frequency_ = np.asarray(bows_to_csr(bows, len(self.dictionary_)).sum(axis=0)).ravel()
            # a count of its own: on 35,000 articles the mixes take a minute that a bar left at 100% hid
            bar.refresh()  # the fit's last count, then the mixes' from 0
            bar.reset(total=len(bows))
            bar.set_description("topics: each text's mix")
            inferred = self.engine_.infer(bows, **shared)
            bar.update(len(bows))
        self.unit_topic_ = inferred.astype(np.float32)
        self.unit_lengths_ = np.array([sum(c for _, c in bow) for bow in bows], dtype=np.int32)
        return inferred

    def fit(self, X: Iterable[str], y=None, n_jobs: int = 1, progress: bool = False) -> "TopicModel":
        """Learn the vocabulary and the topics from segmented texts; gensim shares its work between `n_jobs`
        processes on a large corpus (the same model whatever `n_jobs`). `progress` shows a bar on stderr."""
        self._check_params(n_jobs)
        self._fit_topics_inferred(self._fit_vocabulary(segmented_texts(X)), n_jobs, progress)
        return self

    def fit_transform(self, X: Iterable[str], y=None, n_jobs: int = 1, progress: bool = False) -> np.ndarray:
        """`fit(X).transform(X)`, the same numbers, with less work: each text's words are read once, and
        with gensim over documents each text's mix is the one inferred at the end of the fit (gensim infers
        every text on its own, from the same seed, so inferring it again gives the same mix)."""
        texts = segmented_texts(X)
        self._check_params(n_jobs)
        text_units = self._text_units(texts)
        kept = self._fit_vocabulary(texts, [tokens for units in text_units for tokens in units])
        inferred = self._fit_topics_inferred(kept, n_jobs, progress)
        if self.engine != "gensim" or self.unit != "document":
            return self._infer_texts(self._analyzed(text_units, by_unit=False))
        # One unit per text. The vocabulary kept, in order, the texts with a word, reduced to the dictionary's
        # words (phrases joined), which are transform's words too; the fit inferred, in order, those of them
        # left with a word (`_fit_topics`). The others have no word the model knows: no mix.
        with_words = [i for i, units in enumerate(text_units) if units[0]]
        filled = [i for i, tokens in zip(with_words, kept) if tokens]
        if len(with_words) != len(kept) or len(filled) != len(inferred):  # cannot happen; if it did, infer again
            return self._infer_texts(self._analyzed(text_units, by_unit=False))
        mixes = np.zeros((len(texts), inferred.shape[1]), dtype=inferred.dtype)
        mixes[filled] = inferred
        return mixes

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """Topic mix of each text (n_texts × K, rows sum to 1; a row of zeros for a text with no word the model
        knows: nothing to infer a mix from, and the even one the engines give would count it for every topic)."""
        check_is_fitted(self, "topic_word_")
        return self._infer_texts(self.analyze(X, by_unit=False))

    def _infer_texts(self, token_lists: list[list[str]]) -> np.ndarray:
        """The mixes of texts reduced to the model's words (`analyze`); no mix for a text without one."""
        bows = self._bows(token_lists)
        mixes = self.engine_.infer(bows)
        mixes[np.array([not bow for bow in bows], dtype=bool)] = 0.0
        return mixes

    # -- reading the topics -------------------------------------------------

    def top_words(self, n: int = 10) -> list[list[tuple[str, float]]]:
        """The n most probable (word, probability) of each topic."""
        check_is_fitted(self, "topic_word_")
        n = check_at_least("n", n, 1)  # -1 would slice off the last word, None keep them all: silently
        order = np.argsort(-self.topic_word_, axis=1)[:, :n]
        return [[(self.dictionary_[int(i)], float(row[i])) for i in idx] for row, idx in zip(self.topic_word_, order)]

    def empty_topics(self) -> np.ndarray:
        """Whether each topic learnt no words: a topic no unit gave a word to keeps its prior, the same probability for
        every word, and its "top words" are the vocabulary's first in alphabetical order (K = 200 on 798 articles gave
        20 such, each listed as a theme: hunt 40 Q). Such a topic's label says so (`EMPTY_TOPIC`)."""
        check_is_fitted(self, "topic_word_")
        return self.topic_word_.max(axis=1) < EMPTY_TOPIC_TOP / self.topic_word_.shape[1]

    def topic_labels(self, n_words: int = LABEL_WORDS) -> list[str]:
        """A short label per topic: the name its user gave it in its folder's topics.json (`load_topic_model`), else
        its `n_words` most relevant words (LDAvis relevance, λ = 0.4: LABEL_LAMBDA) among its most probable
        (LABEL_CANDIDATES), "_" read as spaces. Other `n_words` than the labels' own ask for words: names are not
        given then."""
        check_is_fitted(self, "topic_word_")
        overall = self.term_frequency_ / self.term_frequency_.sum()
        with np.errstate(divide="ignore"):
            log_p = np.log(self.topic_word_)
            relevance = LABEL_LAMBDA * log_p + (1 - LABEL_LAMBDA) * (log_p - np.log(overall))
        candidates = np.argsort(-self.topic_word_, axis=1, kind="stable")[:, :max(LABEL_CANDIDATES, n_words)]
        ranked = np.take_along_axis(relevance, candidates, axis=1)
        # words few units hold come last, in their order of probability: they name a topic only when it has no others
        ranked = np.where(np.take_along_axis(self._held_widely(), candidates, axis=1), ranked, -np.inf)
        order = np.take_along_axis(candidates, np.argsort(-ranked, axis=1, kind="stable"), axis=1)[:, :n_words]
        labels = [EMPTY_TOPIC if empty else ", ".join(as_written(self.dictionary_[int(i)]) for i in idx)
                  for idx, empty in zip(order, self.empty_topics())]
        # the names its user gave the topics in topics.json (`load_topic_model`): `topics show` showed them, `assign`
        # and the report the words again
        given = getattr(self, "names_", None)
        given = given if given and len(given) == len(labels) and n_words == LABEL_WORDS else [None] * len(labels)
        return [name or label for name, label in zip(given, labels)]

    def _held_widely(self) -> np.ndarray:
        """(topics × words) whether a word is held by enough units to name the topic (LABEL_MIN_HOLDERS)."""
        held_by = np.zeros(len(self.dictionary_))
        held_by[list(self.dictionary_.dfs)] = list(self.dictionary_.dfs.values())
        least = np.maximum(2, LABEL_MIN_HOLDERS * self.topic_shares() * self.dictionary_.num_docs)
        return held_by[None, :] >= least[:, None]

    def topic_shares(self) -> np.ndarray:
        """Each topic's mean share over the units the model learnt from (`topic_shares` of their mixes): with
        unit="document", over its training articles, as `topics fit` gives it in topics.json. With
        unit="paragraph" it is over paragraphs: `summarize` gives the shares over any articles."""
        check_is_fitted(self, "unit_topic_")
        return topic_shares(self.unit_topic_)

    def parameters(self) -> dict:
        """The parameters as plain JSON values, for the model card."""
        params = self.get_params()
        if isinstance(self.random_state, np.random.RandomState):
            params["random_state"] = self.seed_  # the seed drawn for this fit: it repeats it
        params["extra_stopwords"] = sorted(as_list(params["extra_stopwords"], "extra_stopwords"))
        return params


def segmented_texts(texts: Iterable[str]) -> list[str]:
    """`texts` as a list of str, read once. One str is a list of one text, as everywhere in the library: iterated,
    it would be its letters, each a text of its own (a mix per letter). Anything else than a str (an article,
    None) is a TypeError that says what to give."""
    texts = as_list(texts, "texts")
    wrong = [text for text in texts if not isinstance(text, str)][:1]
    if wrong:
        hint = (": give their segmented texts, dvtopics.text.segment.segment_articles(articles)[1]"
                if hasattr(wrong[0], "text") else "")
        raise TypeError(f"texts: a topic model reads segmented texts (str), not {type(wrong[0]).__name__} items{hint}")
    _warn_if_unsegmented(texts)
    return texts


UNSEGMENTED_WORDS = 100  # words of Vietnamese text without one joined by "_": not segmented, by far the likeliest


def _warn_if_unsegmented(texts: Sequence[str]) -> None:
    """Warn of texts that were not segmented (the articles' own text given, not `segment_many`'s): a model reads them
    as syllables, "công", "tác", and gave them other topics than their words, in silence."""
    if any("_" in text for text in texts):
        return
    n_words = sum(len(text.split()) for text in texts)
    if n_words >= UNSEGMENTED_WORDS:
        log.warning("these texts look unsegmented: none of their %d words is joined by '_' (\"công_tác\"), so the "
                    "topic model reads syllables; give the texts dvtopics.segment_many returns", n_words)


def has_mix(mixes: np.ndarray) -> np.ndarray:
    """Per text, whether it has a topic mix (`TopicModel.transform`): False for one without a known word."""
    return np.asarray(mixes).sum(axis=1) > 0


def topic_shares(mixes: np.ndarray) -> np.ndarray:
    """Each topic's share of some texts: the mean of their mixes, as the shares over time and by type are (a
    mix is a share of TF-IDF weight for NMF, not of words, so weighting by words would mean nothing there).
    A text without a mix (a row of zeros) is left out. The one figure called a topic's share: `topics show`,
    topics.json, the report and `TopicModel.topic_shares` all give it.

    >>> topic_shares(np.array([[1.0, 0.0], [0.5, 0.5], [0.0, 0.0]])).tolist()
    [0.75, 0.25]
    """
    mixes = np.asarray(mixes, dtype=float)
    return mixes.sum(axis=0) / max(int(has_mix(mixes).sum()), 1)


# ------------------------------------------------------------------ measures


# --------------------------------------------------------------------- views


# -------------------------------------------------------------- offline html


@contextmanager
def _topics_bar(total: int, show: bool):
    """A tqdm bar on stderr over `total` texts learnt from; hidden unless `show`. Its clock goes on while it is
    open (`ticking`): NMF's start of LDA and the mixes' inference count no text for a minute on 35,000 articles,
    and a bar at 0% with its clock stopped looked hung."""
    from ..progress import progress_bar, ticking

    with progress_bar(total=total, unit="text", desc="topics", disable=not show) as bar, ticking(bar):
        yield bar


def load_topic_model(directory) -> tuple[TopicModel, dict]:
    """(the fitted topic model of a folder `topics fit` wrote, its card); `ModelError` for any other folder, and for
    a card edited to say another K, unit or engine than its model file's (the checksum covers the file only): the
    report and `topics show` print what the card says."""
    from ..persist import CARD_FILE, load_model

    model, card = load_model(directory, task="topics", expected=TopicModel)
    in_the_file = {"k": int(model.n_topics), "unit": model.unit, "engine": model.engine}
    for key, value in in_the_file.items():
        if key in card and card[key] != value:  # a card older than the field has none to compare
            raise ModelError(f"{Path(directory) / CARD_FILE}: it says {key} {card[key]!r}, the model file has "
                             f"{value!r}; restore the card or refit: `dvtopics topics fit PATHS --out {directory}`")
    model.names_ = _names_given(directory, model.n_topics)
    return model, card


def _names_given(directory, n_topics: int) -> list[str | None] | None:
    """The labels of the folder's topics.json, one a topic (None where blank): as `topics fit` wrote them, or as its
    user named the topics since ("Nông nghiệp"). None when it cannot be read: the commands that read it say why."""
    from ..io.paths import home_path
    from ..io.sidefiles import read_side_file

    try:
        topics = json.loads(read_side_file(Path(home_path(directory)) / "topics.json", say=False))
    except (OSError, ValueError, DvtopicsError):
        return None
    if not isinstance(topics, list) or len(topics) != n_topics or not all(isinstance(t, dict) for t in topics):
        return None
    return [given_name(t.get("label")) for t in topics]


def given_name(label) -> str | None:
    """The name a topics.json `label` gives its topic, spaced as one space ("Dân  vận" is "Dân vận"), or None where it
    is blank or no text (the topic's words stand for it then: `topic_labels`)."""
    return " ".join(label.split()) or None if isinstance(label, str) else None


def topic_card(model: TopicModel, labels: list[str], measures: dict, articles: Sequence, inputs: Sequence) -> dict:
    """The model card of a fitted topic model (`persist.save_model` adds versions, date and checksum)."""
    from ..persist import data_hash

    return {"task": "topics", "k": model.n_topics, "engine": model.engine, "engine_name": ENGINE_NAMES[model.engine],
            "unit": model.unit, "parameters": model.parameters(), "labels": labels, "measures": measures,
            "data": {"articles": len(articles), "units": model.n_units_, "vocabulary": len(model.dictionary_),
                     "hash": data_hash((a.id, a.text) for a in articles), "inputs": [str(p) for p in inputs]}}
