"""Recurring themes: topic models (LDA or NMF) over segmented articles, their measures and views.

`TopicModel` is a scikit-learn estimator: ``fit`` takes segmented texts (what
`dvtopics.text.segment.segment_many` returns: one line per paragraph, words joined
by "_"), ``transform`` gives each text's topic mix (rows sum to 1). Inside it:

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

Measures (`topic_measures`): NPMI (gensim ``c_npmi`` over the top 10 words),
C_V, and topic diversity (unique words among every topic's top 25, over 25·K),
counted in every token of the articles (`ReferenceTokens`). `sweep` fits each K
with several seeds and suggests the K whose quality, NPMI × diversity (Dieng,
Ruiz & Blei 2020), holds up across seeds (`suggest_k`, `topic_stability`).

Views: `summarize` turns a model and the mixes of some articles into a
`TopicReport` (labels from each topic's most distinctive words and a
representative title, top words, each article's main topic, representative
articles, shares over time and by article type); `write_report` writes it as
JSON/CSV and PNG figures; `ldavis_html` makes an offline pyLDAvis page.
"""
from __future__ import annotations

import copy
import json
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..errors import DvtopicsError, InputError, MissingExtraError

log = logging.getLogger(__name__)

UNITS = ("document", "paragraph")
INITS = ("nmf", "random")  # where gensim's LDA starts: NMF's topics, or gensim's random ones
ENGINES = ("gensim", "tomotopy", "sklearn", "nmf")
# What made the themes, in words: `topics show`, the report and the model card say it.
ENGINE_NAMES = {"gensim": "LDA (gensim, variational Bayes)", "tomotopy": "LDA (tomotopy, Gibbs sampling)",
                "sklearn": "LDA (scikit-learn)", "nmf": "NMF (scikit-learn, on TF-IDF)"}
# Passes over the corpus (gensim, scikit-learn), Gibbs sweeps (tomotopy) or NMF iterations when max_iter is None.
# gensim needs 5 passes from NMF's start (10 gave no better topics on baomoi), 10 from a random one.
DEFAULT_MAX_ITER = {"gensim": 5, "gensim-random": 10, "sklearn": 10, "tomotopy": 500, "nmf": 400}
# gensim updates the topics once per chunk: 2000 (its default) gives a 2000-article corpus 10 updates in 10
# passes and muddled topics (NPMI 0.044 on baomoi); 256 gives 80 and NPMI 0.105, at a lower cost.
GENSIM_CHUNK = 256
NPMI_TOP_N = 10
DIVERSITY_TOP_N = 25
LABEL_WORDS = 3
# Relevance weight of LDAvis (Sievert & Shirley 2014): 1 = most probable, 0 = most distinctive (lift). Their 0.6
# still names topics of baomoi by words every topic has ("quy định", "luật"); 0.4 picks each topic's own
# ("thường vụ", "dự thảo"); 0.3 starts to pick rare oddities.
LABEL_LAMBDA = 0.4
# no_below="auto": a word must be in one unit of 150, at least 2 and at most 20. Rarer words never lead a topic
# but add noise to it: on 3,000 baomoi articles, 20 (a vocabulary of 3,200) gives a higher NPMI than 5 (8,400).
AUTO_NO_BELOW = (150, 2, 20)
# Time words that leads and datelines repeat ("Chiều 5/7", "6 tháng đầu năm") and the shipped list lacks;
# its "năm", "tháng", "ngày" are cues for the classifier but only noise for themes.
TIME_WORDS = frozenset({"đầu", "chiều", "tối", "trưa", "tuần", "hôm"})
# Page furniture: photo words that captions put in a third of baomoi's articles, never a theme of their own.
FURNITURE_WORDS = frozenset({"ảnh", "minh_họa"})
# A caption or credit in segmented, lower-cased text: "( ảnh : afp )", "( ảnh minh_họa )", "ảnh : zen nguyễn .",
# "nguồn ảnh : qq", "video : ...". An unbracketed credit is one to three words up to the next punctuation.
_CAPTION = re.compile(r"\( (?:nguồn )?(?:ảnh|video|clip)\b[^()]{0,80}\)"
                      r"|(?:nguồn )?(?:ảnh|video|clip)(?: minh_họa)?(?: internet)? :(?: [^\W\d_][^\s.,;:()\"]*){0,3}")
REPRESENTATIVE_MIN_SHARE = 0.1  # an article where a topic is under 10% does not represent it
# Phrases joins with a character words never hold: freezing splits its bigrams on it, and "_" is inside words.
_PHRASE_JOINER = "+"
_WORD = re.compile(r"^[^\W\d_]{2,}(?:_[^\W\d_]+)*$|^[^\W\d_](?:_[^\W\d_]+)+$")


class TopicsError(DvtopicsError):
    """A topic model cannot be fitted or used as asked."""


# ---------------------------------------------------------------- stopwords

@lru_cache(maxsize=1)
def default_stopwords() -> frozenset[str]:
    """The common Vietnamese stopword list (lower case, "_" inside words), shipped with dvtopics, TIME_WORDS and
    FURNITURE_WORDS."""
    path = Path(__file__).resolve().parents[1] / "data" / "stopwords_vi.txt"
    shipped = frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return shipped | TIME_WORDS | FURNITURE_WORDS


def drop_captions(segmented: str) -> str:
    """Segmented, lower-cased text without photo captions and credits: their names and agencies are no theme.

    >>> drop_captions("bão số 2 ( ảnh : kiệt võ ) đổ_bộ . ảnh : zen nguyễn . mưa ( ảnh minh_họa ) lũ")
    'bão số 2  đổ_bộ .  . mưa  lũ'
    """
    return _CAPTION.sub("", segmented)


def is_content_word(token: str) -> bool:
    """True for a word of letters (syllables joined by "_"); False for numbers, punctuation, one letter.

    >>> [t for t in ["dân_vận", "2022", "46", ",", "a", "ở", "covid-19", "mặt_trận"] if is_content_word(t)]
    ['dân_vận', 'mặt_trận']
    """
    return bool(_WORD.match(token))


# ------------------------------------------------------------------- engines

def _bows_to_csr(bows: Sequence[list[tuple[int, int]]], n_words: int):
    from scipy.sparse import csr_matrix

    rows = [i for i, bow in enumerate(bows) for _ in bow]
    cols = [word for bow in bows for word, _ in bow]
    counts = [count for bow in bows for _, count in bow]
    return csr_matrix((counts, (rows, cols)), shape=(len(bows), n_words), dtype=np.float64)


def _normalize_rows(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float64)
    totals = matrix.sum(axis=1, keepdims=True)
    uniform = np.full_like(matrix, 1.0 / matrix.shape[1])
    return np.divide(matrix, totals, out=uniform, where=totals > 0)


class _GensimEngine:
    """Variational Bayes LDA of gensim (`LdaModel`, one process, so a seed repeats a run).

    In float64: with gensim's default float32, long articles (baomoi bodies run to thousands of words)
    overflow the document update to inf and the topics fill with NaN.

    ``init="nmf"`` starts LDA from the topics NMF finds on TF-IDF (`_NmfEngine`) instead of random ones.
    From a random start, variational Bayes stops in a poor local optimum that depends on the seed (NPMI
    0.058 ± 0.011 over three seeds on 3,000 baomoi articles; no pass count, prior or vocabulary tried
    passed 0.09); from NMF's topics it refines coherent themes (0.133 ± 0.005) in half the passes
    (benchmarks/RESULTS.md, "Topics").
    """

    def __init__(self, n_topics, alpha, eta, max_iter, random_state, init="nmf"):
        self.params = dict(n_topics=n_topics, alpha=alpha, eta=eta, max_iter=max_iter, random_state=random_state,
                           init=init)

    def fit(self, bows, dictionary):
        from gensim.models import LdaModel

        p = self.params
        self.lda = LdaModel(id2word=dictionary, num_topics=p["n_topics"], alpha=p["alpha"], eta=p["eta"],
                            passes=p["max_iter"], iterations=100, chunksize=GENSIM_CHUNK,
                            random_state=p["random_state"], eval_every=None, dtype=np.float64)
        if p["init"] == "nmf":
            nmf = _NmfEngine(p["n_topics"], None, None, DEFAULT_MAX_ITER["nmf"], p["random_state"])
            nmf.fit(bows, dictionary)
            lengths = np.array([sum(count for _, count in bow) for bow in bows], dtype=np.float64)
            # NMF's topics as LDA's expected word counts: each topic's words times the tokens it explains
            self.lda.state.sstats = nmf.topic_word() * (nmf.infer(bows) * lengths[:, None]).sum(axis=0)[:, None]
            self.lda.sync_state()
        self.lda.update(bows)
        return self

    def topic_word(self) -> np.ndarray:
        return self.lda.get_topics()

    def infer(self, bows) -> np.ndarray:
        # gensim starts each text from random values drawn in turn for the whole batch: reseed per text so
        # a text always gets the same mix, wherever it stands (alone, in a batch, in a Dask part)
        gammas = []
        for bow in bows:
            self.lda.random_state = np.random.RandomState(self.params["random_state"])
            gammas.append(self.lda.inference([bow])[0])
        return _normalize_rows(np.vstack(gammas)) if gammas else np.zeros((0, self.lda.num_topics))


class _SklearnEngine:
    """scikit-learn's `LatentDirichletAllocation` (online variational Bayes)."""

    def __init__(self, n_topics, alpha, eta, max_iter, random_state):
        from sklearn.decomposition import LatentDirichletAllocation

        self.lda = LatentDirichletAllocation(n_components=n_topics, doc_topic_prior=alpha, topic_word_prior=eta,
                                             max_iter=max_iter, learning_method="online", random_state=random_state)

    def fit(self, bows, dictionary):
        self.n_words = len(dictionary)
        self.lda.fit(_bows_to_csr(bows, self.n_words))
        return self

    def topic_word(self) -> np.ndarray:
        return _normalize_rows(self.lda.components_)

    def infer(self, bows) -> np.ndarray:
        return _normalize_rows(self.lda.transform(_bows_to_csr(list(bows), self.n_words)))


class _TomotopyEngine:
    """tomotopy's collapsed Gibbs sampler (C++), one worker so a seed repeats a run."""

    def __init__(self, n_topics, alpha, eta, max_iter, random_state):
        self.params = dict(n_topics=n_topics, alpha=alpha, eta=eta, max_iter=max_iter, random_state=random_state)

    @staticmethod
    def _tomotopy():
        try:
            import tomotopy
        except ImportError:
            raise MissingExtraError("tomotopy", "bench") from None
        return tomotopy

    def fit(self, bows, dictionary):
        tp = self._tomotopy()
        p = self.params
        self.words = [dictionary[i] for i in range(len(dictionary))]
        self.mdl = tp.LDAModel(k=p["n_topics"], alpha=p["alpha"], eta=p["eta"], seed=p["random_state"])
        for bow in bows:
            self.mdl.add_doc(self._words_of(bow))
        self.mdl.train(p["max_iter"], workers=1)
        return self

    def _words_of(self, bow) -> list[str]:
        return [self.words[word] for word, count in bow for _ in range(int(count))]

    def topic_word(self) -> np.ndarray:
        index = {word: i for i, word in enumerate(self.mdl.used_vocabs)}
        columns = [index[w] for w in self.words]  # every dictionary word occurs in the training units
        return np.array([np.asarray(self.mdl.get_topic_word_dist(k))[columns] for k in range(self.mdl.k)])

    def infer(self, bows) -> np.ndarray:
        bows = list(bows)
        mixes = np.full((len(bows), self.mdl.k), 1.0 / self.mdl.k)
        filled = [i for i, bow in enumerate(bows) if bow]
        if filled:
            docs = [self.mdl.make_doc(self._words_of(bows[i])) for i in filled]
            dists, _ = self.mdl.infer(docs, workers=1, together=False)
            mixes[filled] = _normalize_rows(np.array(dists))
        return mixes

    def __getstate__(self):
        # tomotopy models do not pickle; their own byte format does
        state = dict(self.__dict__)
        if "mdl" in state:
            state["mdl"] = state["mdl"].saves(full=False)
        return state

    def __setstate__(self, state):
        if isinstance(state.get("mdl"), bytes):
            state["mdl"] = self._tomotopy().LDAModel.loads(state["mdl"])
        self.__dict__.update(state)


class _NmfEngine:
    """scikit-learn's NMF on sublinear TF-IDF (Frobenius loss). Not a probabilistic model: a topic's words
    are its row of H scaled to sum 1, and a text's mix is its share of the TF-IDF weight each topic rebuilds."""

    def __init__(self, n_topics, alpha, eta, max_iter, random_state):
        from sklearn.decomposition import NMF

        # alpha and eta are LDA's priors: nothing in NMF matches them
        self.nmf = NMF(n_components=n_topics, init="nndsvd", max_iter=max_iter, random_state=random_state)

    def _tfidf(self, bows):
        from sklearn.preprocessing import normalize

        counts = _bows_to_csr(bows, len(self.idf))
        counts.data = 1.0 + np.log(counts.data)  # sublinear: the 20th "xe" of an article adds little
        return normalize(counts.multiply(self.idf).tocsr())

    def fit(self, bows, dictionary):
        counts = _bows_to_csr(bows, len(dictionary))
        document_frequency = np.bincount(counts.indices, minlength=len(dictionary))
        self.idf = np.log((1.0 + counts.shape[0]) / (1.0 + document_frequency)) + 1.0  # scikit-learn's smooth idf
        self.nmf.fit(self._tfidf(bows))
        self.weight = self.nmf.components_.sum(axis=1)  # how much TF-IDF weight one unit of each topic rebuilds
        return self

    def topic_word(self) -> np.ndarray:
        return _normalize_rows(self.nmf.components_)

    def infer(self, bows) -> np.ndarray:
        bows = list(bows)
        if not bows:
            return np.zeros((0, self.nmf.n_components))
        return _normalize_rows(self.nmf.transform(self._tfidf(bows)) * self.weight)


_ENGINE_CLASSES = {"gensim": _GensimEngine, "sklearn": _SklearnEngine, "tomotopy": _TomotopyEngine,
                   "nmf": _NmfEngine}


# --------------------------------------------------------------------- model

def split_units(segmented: str, unit: str) -> list[str]:
    """The modelling units of one segmented text: itself, or its non-empty lines (paragraphs)."""
    if unit == "document":
        return [segmented]
    return [line for line in segmented.split("\n") if line.strip()]


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
    extra_stopwords : words to drop besides the shipped Vietnamese list.
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
    random_state : the seed; the same data and parameters give the same model.

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
                 max_iter: int | None = None, init: str = "nmf", random_state: int = 0):
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

    def _check_params(self) -> None:
        if self.unit not in UNITS:
            raise TopicsError(f"unit must be one of {', '.join(UNITS)}, not {self.unit!r}")
        if self.engine not in ENGINES:
            raise TopicsError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.init not in INITS:
            raise TopicsError(f"init must be one of {', '.join(INITS)}, not {self.init!r}")
        if int(self.n_topics) < 2:
            raise TopicsError(f"n_topics must be at least 2, not {self.n_topics}")

    def _stopwords(self) -> frozenset[str]:
        return default_stopwords() | {w.lower() for w in self.extra_stopwords}

    def _words(self, unit_text: str, stopwords: frozenset[str]) -> list[str]:
        return [t for t in drop_captions(unit_text.lower()).split() if is_content_word(t) and t not in stopwords]

    def _unit_tokens(self, texts: Iterable[str]) -> list[list[str]]:
        """Tokens of every unit of every text, before phrases and the dictionary."""
        stopwords = self._stopwords()
        return [self._words(unit, stopwords) for text in texts for unit in split_units(text, self.unit)]

    def _with_phrases(self, token_lists: list[list[str]]) -> list[list[str]]:
        if self.phrases_ is None:
            return token_lists
        return [[t.replace(_PHRASE_JOINER, "_") for t in self.phrases_[tokens]] for tokens in token_lists]

    def analyze(self, texts: Iterable[str], by_unit: bool = True) -> list[list[str]]:
        """The tokens the model sees in each unit (or, with by_unit=False, each text): filtered,
        phrased, in the dictionary. These are the texts the coherence measures count in."""
        check_is_fitted(self, "dictionary_")
        texts = list(texts)
        if by_unit:
            groups = self._with_phrases(self._unit_tokens(texts))
        else:
            groups = [[t for unit in self._with_phrases(self._unit_tokens([text])) for t in unit] for text in texts]
        known = self.dictionary_.token2id
        return [[t for t in tokens if t in known] for tokens in groups]

    def _fit_vocabulary(self, texts: Sequence[str]) -> list[list[str]]:
        """Learn phrases and the dictionary; return the units' kept tokens."""
        from gensim.corpora import Dictionary
        from gensim.models.phrases import Phrases

        token_lists = [tokens for tokens in self._unit_tokens(texts) if tokens]
        if not token_lists:
            raise TopicsError("no words left to model: the texts are empty or only stopwords, numbers and punctuation")
        self.phrases_ = None
        if self.phrases:
            self.phrases_ = Phrases(token_lists, min_count=self.phrase_min_count, threshold=self.phrase_threshold,
                                    scoring="npmi", delimiter=_PHRASE_JOINER).freeze()
            token_lists = self._with_phrases(token_lists)
        self.n_units_ = len(token_lists)
        self.no_below_ = self._effective_no_below(self.n_units_)
        dictionary = Dictionary(token_lists)
        dictionary.filter_extremes(no_below=self.no_below_, no_above=self.no_above, keep_n=self.keep_n)
        dictionary.compactify()
        if len(dictionary) < int(self.n_topics):
            raise TopicsError(f"only {len(dictionary)} words are frequent enough to model {self.n_topics} topics: "
                              "give more text, or lower --no-below / raise --no-above")
        self.dictionary_ = dictionary
        known = dictionary.token2id
        return [[t for t in tokens if t in known] for tokens in token_lists]

    def _effective_no_below(self, n_units: int) -> int:
        if self.no_below == "auto":
            per, least, most = AUTO_NO_BELOW
            return max(least, min(most, n_units // per))
        return int(self.no_below)

    # -- learning -----------------------------------------------------------

    def _make_engine(self):
        k = int(self.n_topics)
        start = "gensim-random" if self.engine == "gensim" and self.init == "random" else self.engine
        max_iter = self.max_iter or DEFAULT_MAX_ITER[start]
        alpha = self.alpha if self.alpha is not None else 1.0 / k
        options = {"init": self.init} if self.engine == "gensim" else {}
        return _ENGINE_CLASSES[self.engine](k, alpha, self.eta, max_iter, self.random_state, **options)

    def _fit_topics(self, unit_tokens: list[list[str]]) -> "TopicModel":
        """Fit LDA on units already reduced to dictionary words (shared by `fit` and `sweep`)."""
        bows = [self.dictionary_.doc2bow(tokens) for tokens in unit_tokens]
        bows = [bow for bow in bows if bow]
        self.engine_ = self._make_engine().fit(bows, self.dictionary_)
        self.topic_word_ = self.engine_.topic_word()
        self.term_frequency_ = np.asarray(_bows_to_csr(bows, len(self.dictionary_)).sum(axis=0)).ravel()
        self.unit_topic_ = self.engine_.infer(bows).astype(np.float32)
        self.unit_lengths_ = np.array([sum(c for _, c in bow) for bow in bows], dtype=np.int32)
        return self

    def fit(self, X: Iterable[str], y=None) -> "TopicModel":
        """Learn the vocabulary and the topics from segmented texts."""
        self._check_params()
        return self._fit_topics(self._fit_vocabulary(list(X)))

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """Topic mix of each text (n_texts × K, rows sum to 1; uniform for a text with no known word)."""
        check_is_fitted(self, "topic_word_")
        bows = [self.dictionary_.doc2bow(tokens) for tokens in self.analyze(X, by_unit=False)]
        return self.engine_.infer(bows)

    # -- reading the topics -------------------------------------------------

    def top_words(self, n: int = 10) -> list[list[tuple[str, float]]]:
        """The n most probable (word, probability) of each topic."""
        check_is_fitted(self, "topic_word_")
        order = np.argsort(-self.topic_word_, axis=1)[:, :n]
        return [[(self.dictionary_[int(i)], float(row[i])) for i in idx] for row, idx in zip(self.topic_word_, order)]

    def topic_labels(self, n_words: int = LABEL_WORDS) -> list[str]:
        """A short label per topic: its most relevant words (LDAvis relevance, λ=0.6), "_" read as spaces."""
        check_is_fitted(self, "topic_word_")
        overall = self.term_frequency_ / self.term_frequency_.sum()
        with np.errstate(divide="ignore"):
            log_p = np.log(self.topic_word_)
            relevance = LABEL_LAMBDA * log_p + (1 - LABEL_LAMBDA) * (log_p - np.log(overall))
        order = np.argsort(-relevance, axis=1)[:, :n_words]
        return [", ".join(self.dictionary_[int(i)].replace("_", " ") for i in idx) for idx in order]

    def topic_shares(self) -> np.ndarray:
        """Each topic's share of all training tokens."""
        check_is_fitted(self, "unit_topic_")
        weighted = self.unit_topic_ * self.unit_lengths_[:, None]
        return weighted.sum(axis=0) / max(weighted.sum(), 1e-12)

    def parameters(self) -> dict:
        """The parameters as plain JSON values, for the model card."""
        params = self.get_params()
        params["extra_stopwords"] = sorted(params["extra_stopwords"])
        return params


# ------------------------------------------------------------------ measures

def topic_diversity(topics: Sequence[Sequence[str]], top_n: int = DIVERSITY_TOP_N) -> float:
    """Unique words among the topics' top `top_n` over top_n·K (Dieng et al. 2020): 1 means no repeats.

    >>> topic_diversity([["a", "b"], ["b", "c"]], top_n=2)
    0.75
    """
    tops = [list(words)[:top_n] for words in topics]
    total = sum(len(words) for words in tops)
    return len({w for words in tops for w in words}) / total if total else 0.0


def coherence_per_topic(topics: Sequence[Sequence[str]], texts: Sequence[Sequence[str]], dictionary,
                        measure: str = "c_npmi", top_n: int = NPMI_TOP_N) -> list[float]:
    """Coherence of each topic (its `top_n` words) counted in `texts` with gensim's CoherenceModel.

    Give many topics at once (e.g. those of every K of a sweep): the word
    co-occurrences are counted once for all of them.
    """
    from gensim.models.coherencemodel import CoherenceModel

    topics = [list(words)[:top_n] for words in topics]
    model = CoherenceModel(topics=topics, texts=texts, dictionary=dictionary, coherence=measure, topn=top_n,
                           processes=1)
    return [float(v) for v in model.get_coherence_per_topic()]


MEASURES = {"npmi": "c_npmi", "c_v": "c_v"}


class ReferenceTokens:
    """The texts the coherence measures count in: each unit's pyvi tokens, lower-cased, all of them.

    Not the model's own tokens: a vocabulary filter would change what NPMI counts, so settings, engines
    and seeds are all scored against the same text. Lazy (the sliding window reads each text once), so
    35,000 long articles do not sit in memory as token lists.
    """

    def __init__(self, texts: Sequence[str], unit: str = "document"):
        self.texts, self.unit = texts, unit

    def __iter__(self):
        for text in self.texts:
            for unit_text in split_units(text, self.unit):
                yield unit_text.lower().split()

    def __len__(self) -> int:
        return sum(len(split_units(text, self.unit)) for text in self.texts)


def topic_measures(models: Sequence[TopicModel], texts: Iterable[Sequence[str]],
                   measures: Sequence[str] = ("npmi", "c_v", "diversity")) -> list[dict]:
    """NPMI, C_V and diversity of each model, counted in `texts` (token lists: `ReferenceTokens(segmented)`).

    All models must share one dictionary (as `sweep`'s do). Returns one
    {"k", "npmi", "c_v", "diversity"} dict per model.
    """
    unknown = set(measures) - set(MEASURES) - {"diversity"}
    if unknown:
        raise TopicsError(f"unknown measures {sorted(unknown)}; known: npmi, c_v, diversity")
    words = [[[w for w, _ in topic] for topic in m.top_words(max(NPMI_TOP_N, DIVERSITY_TOP_N))] for m in models]
    rows = [{"k": int(m.n_topics)} for m in models]
    for name in (m for m in measures if m in MEASURES):
        flat = coherence_per_topic([t for topics in words for t in topics], texts, models[0].dictionary_,
                                   MEASURES[name])
        start = 0
        for row, topics in zip(rows, words):
            values = [v for v in flat[start:start + len(topics)] if np.isfinite(v)]
            row[name] = round(float(np.mean(values)), 4) if values else None
            start += len(topics)
    if "diversity" in measures:
        for row, topics in zip(rows, words):
            row["diversity"] = round(topic_diversity(topics), 4)
    return rows


def topic_stability(runs: Sequence[Sequence[Sequence[str]]], top_n: int = NPMI_TOP_N) -> float | None:
    """How alike the topics of several runs (seeds) are: for each pair of runs, each topic's best Jaccard
    similarity of top `top_n` words with a topic of the other run, averaged both ways, then over the pairs.
    1 means every seed finds the same topics; None for a single run.

    >>> round(topic_stability([[["a", "b"], ["c", "d"]], [["a", "b"], ["c", "e"]]]), 3)
    0.667
    """
    if len(runs) < 2:
        return None
    sets = [[set(list(words)[:top_n]) for words in run] for run in runs]

    def best_match(first, second) -> float:
        return float(np.mean([max(len(a & b) / len(a | b) for b in second) for a in first]))

    pairs = [(a, b) for i, a in enumerate(sets) for b in sets[i + 1:]]
    return float(np.mean([(best_match(a, b) + best_match(b, a)) / 2 for a, b in pairs]))


def suggest_k(rows: Sequence[dict]) -> int:
    """The K whose topic quality, NPMI × diversity (Dieng, Ruiz & Blei 2020), holds up across seeds: the
    mean over seeds less one standard deviation, times the stability of the topics between seeds
    (`topic_stability`, 1 when there is one seed). A K whose topics change with the seed is worth less
    than its mean: a reader would get other themes from the next run. Where that quality is not
    positive (negative NPMI: a handful of short texts), the product would favour the K whose topics
    repeat each other most, so those Ks are ranked by NPMI alone, after any K of positive quality.

    >>> suggest_k([{"k": 5, "npmi": 0.10, "diversity": 0.9}, {"k": 10, "npmi": 0.12, "diversity": 0.6}])
    5
    >>> suggest_k([{"k": 5, "quality": 0.10, "quality_sd": 0.01, "stability": 0.5},
    ...            {"k": 10, "quality": 0.09, "quality_sd": 0.01, "stability": 0.8}])
    10
    >>> suggest_k([{"k": 3, "npmi": -0.29, "diversity": 0.9}, {"k": 5, "npmi": -0.28, "diversity": 0.66}])
    5
    >>> suggest_k([{"k": 3, "npmi": -0.27, "diversity": 0.9}, {"k": 5, "npmi": -0.28, "diversity": 0.66}])
    3
    """
    scored = []
    for row in rows:
        quality = row.get("quality")
        if quality is None and row.get("npmi") is not None and row.get("diversity") is not None:
            quality = row["npmi"] * row["diversity"]
        if quality is None:
            continue
        lower = quality - (row.get("quality_sd") or 0.0)
        if lower > 0:
            scored.append((1, lower * (row.get("stability") or 1.0), row["k"]))
        else:
            npmi = row.get("npmi")
            scored.append((0, lower if npmi is None else npmi - (row.get("npmi_sd") or 0.0), row["k"]))
    if not scored:
        raise TopicsError("no NPMI and diversity to choose a K from")
    return max(scored)[2]


def parse_k_range(spec: str) -> list[int]:
    """"5:50:5" -> 5, 10, ... 50 (the end included); "4,6,8" -> those; "7" -> [7].

    >>> parse_k_range("5:20:5"), parse_k_range("3,4")
    ([5, 10, 15, 20], [3, 4])
    """
    try:
        if ":" in spec:
            parts = [int(p) for p in spec.split(":")]
            start, stop, step = (parts + [1])[:3] if len(parts) == 2 else parts
            ks = list(range(start, stop + 1, step))
        else:
            ks = [int(p) for p in spec.split(",") if p.strip()]
    except ValueError:
        ks = []
    if not ks or min(ks) < 2:
        raise TopicsError(f"K range {spec!r}: give START:STOP:STEP (5:50:5) or a list (4,6,8), each K ≥ 2")
    return ks


def prepare(texts: Sequence[str], **params) -> tuple[TopicModel, list[list[str]]]:
    """The preprocessing several fits can share: a TopicModel with its vocabulary (phrases, dictionary)
    learned but no topics yet, and the dictionary tokens of each unit."""
    base = TopicModel(**params)
    base._check_params()
    return base, base._fit_vocabulary(list(texts))


SWEEP_MEASURES = ("npmi", "c_v", "diversity")


def sweep_prepared(base: TopicModel, unit_tokens: list[list[str]], ks: Sequence[int],
                   measures: Sequence[str] = SWEEP_MEASURES, seeds: Sequence[int] = (0,),
                   reference: Iterable[Sequence[str]] | None = None) -> tuple[list[dict], list[TopicModel]]:
    """Fit one model per K and seed on a shared preprocessing (`prepare`); return (one row per K, the model
    of the first seed per K).

    Each row holds the mean over seeds of every measure and its standard deviation (`npmi_sd`, ...),
    `quality` (NPMI × diversity) and its spread, `stability` (`topic_stability` of the seeds' topics)
    and the mean `fit_seconds`. Measures are counted in `reference` (`ReferenceTokens` of the texts;
    the units' model tokens when not given).
    """
    import time

    fits = []  # (k, seed, model, seconds)
    for k in ks:
        for seed in seeds:
            model = copy.deepcopy(base).set_params(n_topics=k, random_state=seed)
            started = time.perf_counter()
            model._fit_topics(unit_tokens)
            fits.append((k, seed, model, time.perf_counter() - started))
            log.info("K=%d seed %d fitted in %.1f s", k, seed, fits[-1][3])
    measured = topic_measures([m for _, _, m, _ in fits], unit_tokens if reference is None else reference, measures)
    rows, firsts = [], []
    for k in ks:
        runs = [(model, secs, row) for (k_, _, model, secs), row in zip(fits, measured) if k_ == k]
        row = {"k": k, "seeds": len(runs)}
        for name in [m for m in SWEEP_MEASURES if m in measures] + ["quality"]:
            if name == "quality":
                values = [r["npmi"] * r["diversity"] for _, _, r in runs
                          if r.get("npmi") is not None and r.get("diversity") is not None]
            else:
                values = [r[name] for _, _, r in runs if r.get(name) is not None]
            row[name] = round(float(np.mean(values)), 4) if values else None
            row[f"{name}_sd"] = round(float(np.std(values)), 4) if values else None
        row["stability"] = topic_stability([[[w for w, _ in t] for t in model.top_words(NPMI_TOP_N)]
                                            for model, _, _ in runs])
        row["stability"] = None if row["stability"] is None else round(row["stability"], 4)
        row["fit_seconds"] = round(float(np.mean([secs for _, secs, _ in runs])), 2)
        rows.append(row)
        firsts.append(runs[0][0])
    return rows, firsts


def sweep(texts: Sequence[str], ks: Sequence[int], measures: Sequence[str] = SWEEP_MEASURES,
          seeds: Sequence[int] = (0,), **params) -> tuple[list[dict], list[TopicModel]]:
    """Fit one model per K and seed on one preprocessing of `texts`; return (one row per K, models)."""
    base, unit_tokens = prepare(texts, n_topics=min(ks), **params)
    return sweep_prepared(base, unit_tokens, ks, measures, seeds, ReferenceTokens(texts, base.unit))


# --------------------------------------------------------------------- views

@dataclass
class TopicReport:
    """What a user looks at: topics, each article's main topic, shares over time and by type."""

    labels: list[str]
    top_words: list[list[tuple[str, float]]]
    shares: list[float]
    documents: list[dict]  # id, title, date, type, main_topic, main_share, mix
    representatives: list[list[dict]]  # per topic: id, title, share
    periods: list[str] = field(default_factory=list)
    over_time: list[list[float]] = field(default_factory=list)  # periods × K
    period_counts: list[int] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    by_type: list[list[float]] = field(default_factory=list)  # types × K
    type_counts: list[int] = field(default_factory=list)
    engine: str = ""  # what made the themes, in words (ENGINE_NAMES)
    titles: list[str] = field(default_factory=list)  # per topic: its most representative article's title, or ""

    def topics_json(self) -> list[dict]:
        titles = self.titles or [""] * len(self.labels)
        return [{"topic": k, "label": label, "title": title, "share": round(share, 4),
                 "words": [[w, round(p, 5)] for w, p in words], "representatives": reps}
                for k, (label, title, words, share, reps) in enumerate(
                    zip(self.labels, titles, self.top_words, self.shares, self.representatives))]


def period_of(date: str | None, period: str = "month") -> str | None:
    """"2017-03-14" -> "2017-03" (month), "2017-Q1" (quarter) or "2017" (year); None stays None.

    >>> period_of("2017-03-14"), period_of("2017-03-14", "quarter"), period_of(None)
    ('2017-03', '2017-Q1', None)
    """
    if not date or not re.match(r"^\d{4}-\d{2}", date):
        return None
    year, month = date[:4], int(date[5:7])
    return {"month": date[:7], "quarter": f"{year}-Q{(month - 1) // 3 + 1}", "year": year}[period]


def mean_mix_by_group(groups: Sequence[str | None], mixes: np.ndarray) -> tuple[list[str], np.ndarray, list[int]]:
    """(sorted groups, groups × K mean mixes, article counts); articles without a group are left out."""
    names = sorted({g for g in groups if g})
    index = {name: i for i, name in enumerate(names)}
    sums = np.zeros((len(names), mixes.shape[1]))
    counts = np.zeros(len(names), dtype=int)
    for group, mix in zip(groups, mixes):
        if group:
            sums[index[group]] += mix
            counts[index[group]] += 1
    return names, sums / np.maximum(counts, 1)[:, None], counts.tolist()


def representative_documents(mixes: np.ndarray, n: int = 3,
                             min_share: float = REPRESENTATIVE_MIN_SHARE) -> list[list[int]]:
    """Per topic, the indexes of the `n` texts where it has the largest share (at least `min_share`).

    >>> representative_documents(np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]), n=2)
    [[0, 2], [1, 2]]
    """
    order = np.argsort(-mixes, axis=0, kind="stable")[:n]
    return [[int(i) for i in order[:, k] if mixes[i, k] >= min_share] for k in range(mixes.shape[1])]


def representative_title(representatives: Sequence[dict], words: Sequence[str]) -> str:
    """The title that names a topic best: among its representative articles (by share), the title holding
    most of its top words; the first one on a tie. "" when none has a title.

    >>> representative_title([{"title": "Bão đổ bộ"}, {"title": "Mưa lớn, bão số 2 đổ bộ"}], ["bão", "mưa"])
    'Mưa lớn, bão số 2 đổ bộ'
    """
    def named(title: str) -> int:
        title = " " + " ".join(re.findall(r"\w+", title.lower())) + " "
        return sum(f" {w.replace('_', ' ')} " in title for w in words)

    titled = [r["title"] for r in representatives if r.get("title")]
    return max(titled, key=named) if titled else ""


def summarize(model: TopicModel, articles: Sequence, mixes: np.ndarray, types: dict[str, str] | None = None,
              period: str = "month", n_words: int = 10, n_representatives: int = 3) -> TopicReport:
    """A `TopicReport` of `articles` (objects with id, title, date, label) and their `mixes`.

    The article type is `types[id]` when given (the classifier's labels), else the article's own label.
    """
    types = types or {}
    labels = model.topic_labels()
    article_types = [types.get(a.id, a.label) for a in articles]
    documents = [{"id": a.id, "title": a.title, "date": a.date, "type": t, "main_topic": int(np.argmax(mix)),
                  "main_label": labels[int(np.argmax(mix))], "main_share": round(float(np.max(mix)), 4),
                  "mix": [round(float(v), 4) for v in mix]}
                 for a, t, mix in zip(articles, article_types, mixes)]
    representatives = [[{"id": articles[i].id, "title": articles[i].title, "share": round(float(mixes[i, k]), 4)}
                        for i in idx] for k, idx in enumerate(representative_documents(mixes, n_representatives))]
    periods, over_time, period_counts = mean_mix_by_group([period_of(a.date, period) for a in articles], mixes)
    type_names, by_type, type_counts = mean_mix_by_group(article_types, mixes)
    titles = [representative_title(reps, [w for w, _ in words]) for reps, words in
              zip(representatives, model.top_words(NPMI_TOP_N))]
    return TopicReport(labels=labels, top_words=model.top_words(n_words),
                       shares=[float(s) for s in model.topic_shares()], documents=documents,
                       representatives=representatives, periods=periods, over_time=over_time.tolist(),
                       period_counts=period_counts, types=type_names, by_type=by_type.tolist(),
                       type_counts=type_counts, engine=ENGINE_NAMES[model.engine], titles=titles)


def _write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """A CSV through the package's one table writer (tables.write_rows): written atomically, with the BOM
    Excel needs to read Vietnamese as UTF-8."""
    from ..io.write import write_rows

    write_rows((dict(zip(header, row)) for row in rows), path, columns=list(header))


def write_documents(documents: Sequence[dict], path: str | os.PathLike) -> Path:
    """Each article's main topic and mix: JSONL when the name ends in .jsonl, else a table (CSV, or .xlsx)
    with one column per topic."""
    from ..io.write import write_rows

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jsonl":
        return write_rows(documents, path)
    k = len(documents[0]["mix"]) if documents else 0
    header = ["id", "title", "date", "type", "main_topic", "main_label", "main_share"] + [f"topic_{i}" for i in range(k)]
    return write_rows(({**{c: d[c] for c in header[:7]}, **{f"topic_{i}": v for i, v in enumerate(d["mix"])}}
                       for d in documents), path, columns=header)


def write_report(report: TopicReport, directory: str | os.PathLike) -> list[Path]:
    """Write topics.json, documents.csv, over_time.csv, by_type.csv and their PNG figures; return the paths."""
    from ..report import plots

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    topic_columns = [f"topic_{k}" for k in range(len(report.labels))]
    written = [directory / "topics.json"]
    written[0].write_text(json.dumps(report.topics_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(write_documents(report.documents, directory / "documents.csv"))
    written.append(plots.save_figure(plots.topic_words_figure(report.top_words, report.labels),
                                     directory / "topic_words.png"))
    if report.periods:
        fig = plots.topic_shares_over_time_figure(report.periods, report.over_time, report.labels)
        written += [_write_shares(directory / "over_time.csv", "period", report.periods, report.period_counts,
                                  report.over_time, topic_columns),
                    plots.save_figure(fig, directory / "over_time.png")]
    if report.types:
        fig = plots.topic_by_type_heatmap(report.by_type, report.types, report.labels)
        written += [_write_shares(directory / "by_type.csv", "type", report.types, report.type_counts,
                                  report.by_type, topic_columns),
                    plots.save_figure(fig, directory / "by_type.png")]
    return written


def _write_shares(path: Path, key: str, keys: Sequence, counts: Sequence[int], shares, topic_columns) -> Path:
    """One row per period or type: its article count and mean topic shares."""
    _write_table(path, [key, "articles"] + topic_columns,
                 ([k, n] + [round(v, 4) for v in row] for k, n, row in zip(keys, counts, shares)))
    return path


def write_sweep(rows: Sequence[dict], directory: str | os.PathLike) -> list[Path]:
    """sweep.csv and sweep.png in `directory`."""
    from ..report import plots

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    header = ["k", "seeds", "npmi", "npmi_sd", "c_v", "c_v_sd", "diversity", "diversity_sd", "quality", "quality_sd",
              "stability", "fit_seconds"]
    _write_table(directory / "sweep.csv", header, ([row.get(c) for c in header] for row in rows))
    return [directory / "sweep.csv", plots.save_figure(plots.topic_sweep_figure(rows), directory / "sweep.png")]


def read_type_labels(path: str | os.PathLike) -> dict[str, str]:
    """Article types from `dvtopics label --out`: a CSV (id or file, label) or JSONL ({"id", "label"})."""
    from ..io.read import read_labels, read_side_file

    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such labels file")
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        return read_labels(path)
    labels = {}
    for number, line in enumerate(read_side_file(path).splitlines(), start=1):  # UTF-16 or a BOM too
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            labels[str(record["id"])] = record["label"]
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{number}: a labels line needs {{\"id\": ..., \"label\": ...}}") from None
    return labels


# -------------------------------------------------------------- offline html

def ldavis_html(model: TopicModel, sort_topics: bool = False) -> str:
    """An interactive pyLDAvis page of the model that works offline: d3, LDAvis and its CSS are inlined."""
    try:
        import pyLDAvis
        from pyLDAvis import urls
    except ImportError:
        raise MissingExtraError("pyLDAvis", "viz") from None
    check_is_fitted(model, "unit_topic_")
    vocab = [model.dictionary_[i] for i in range(len(model.dictionary_))]
    data = pyLDAvis.prepare(topic_term_dists=model.topic_word_, doc_topic_dists=model.unit_topic_.astype(float),
                            doc_lengths=model.unit_lengths_, vocab=vocab, term_frequency=model.term_frequency_,
                            sort_topics=sort_topics, start_index=0, mds="pcoa")
    return _inline_page(data.to_json(), urls.D3_LOCAL, urls.LDAVIS_LOCAL, urls.LDAVIS_CSS_LOCAL)


def _script(path: str) -> str:
    # "</script" inside a library would close the tag early
    return Path(path).read_text(encoding="utf-8").replace("</script", "<\\/script")


def _inline_page(vis_json: str, d3_path: str, ldavis_path: str, css_path: str) -> str:
    vis_json = vis_json.replace("</", "<\\/")
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>dvtopics: topics</title>\n"
        f"<style>{Path(css_path).read_text(encoding='utf-8')}</style>\n"
        f"<script>{_script(d3_path)}</script>\n<script>{_script(ldavis_path)}</script>\n"
        "</head><body>\n<div id=\"ldavis\" style=\"background-color:white;\"></div>\n"
        f"<script>new LDAvis(\"#ldavis\", {vis_json});</script>\n</body></html>\n"
    )
