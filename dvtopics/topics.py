"""Recurring themes: LDA topic models over segmented articles, their measures and views.

`TopicModel` is a scikit-learn estimator: ``fit`` takes segmented texts (what
`dvtopics.segment.segment_many` returns: one line per paragraph, words joined
by "_"), ``transform`` gives each text's topic mix (rows sum to 1). Inside it:

1. units: whole documents, or paragraphs (``unit="paragraph"``) when a handful
   of long reports would otherwise give too few documents to learn from;
2. tokens: lower-cased words made of letters only (numbers, punctuation and
   one-letter words go), minus the Vietnamese stopwords shipped in
   ``dvtopics/data/stopwords_vi.txt`` and any ``extra_stopwords``;
3. collocations (gensim ``Phrases``, NPMI scoring): "mặt_trận tổ_quốc" becomes
   one token "mặt_trận_tổ_quốc";
4. a gensim ``Dictionary`` without rare words (fewer than ``no_below`` units)
   and corpus-frequent ones (more than ``no_above`` of the units);
5. LDA by one of three engines, each with a fixed seed so a run repeats
   exactly: gensim (default), tomotopy (Gibbs sampling, ``pip install
   'dvtopics[bench]'``) or scikit-learn.

Measures (`topic_measures`): NPMI (gensim ``c_npmi`` over the top 10 words),
C_V, and topic diversity (unique words among every topic's top 25, over 25·K).
`sweep` fits several K on one preprocessing and suggests the K with the best
topic quality, NPMI × diversity (Dieng, Ruiz & Blei 2020).

Views: `summarize` turns a model and the mixes of some articles into a
`TopicReport` (top words and labels, each article's main topic,
representative articles, shares over time and by article type);
`write_report` writes it as JSON/CSV and PNG figures; `ldavis_html` makes an
offline pyLDAvis page.
"""
from __future__ import annotations

import copy
import csv
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

from .errors import DvtopicsError, InputError, MissingExtraError

log = logging.getLogger(__name__)

UNITS = ("document", "paragraph")
ENGINES = ("gensim", "tomotopy", "sklearn")
# Passes over the corpus (gensim, scikit-learn) or Gibbs sweeps (tomotopy) when max_iter is None.
DEFAULT_MAX_ITER = {"gensim": 10, "sklearn": 10, "tomotopy": 500}
# gensim updates the topics once per chunk: 2000 (its default) gives a 2000-article corpus 10 updates in 10
# passes and muddled topics (NPMI 0.044 on baomoi); 256 gives 80 and NPMI 0.105, at a lower cost.
GENSIM_CHUNK = 256
NPMI_TOP_N = 10
DIVERSITY_TOP_N = 25
LABEL_WORDS = 3
LABEL_LAMBDA = 0.6  # relevance weight of LDAvis (Sievert & Shirley 2014): 1 = most probable, 0 = most distinctive
SMALL_CORPUS_UNITS = 500  # below this many units, no_below="auto" keeps words seen in 2 units, not 5
# Time words that leads and datelines repeat ("Chiều 5/7", "6 tháng đầu năm") and the shipped list lacks;
# its "năm", "tháng", "ngày" are cues for the classifier but only noise for themes.
TIME_WORDS = frozenset({"đầu", "chiều", "tối", "trưa", "tuần", "hôm"})
REPRESENTATIVE_MIN_SHARE = 0.1  # an article where a topic is under 10% does not represent it
# Phrases joins with a character words never hold: freezing splits its bigrams on it, and "_" is inside words.
_PHRASE_JOINER = "+"
_WORD = re.compile(r"^[^\W\d_]{2,}(?:_[^\W\d_]+)*$|^[^\W\d_](?:_[^\W\d_]+)+$")


class TopicsError(DvtopicsError):
    """A topic model cannot be fitted or used as asked."""


# ---------------------------------------------------------------- stopwords

@lru_cache(maxsize=1)
def default_stopwords() -> frozenset[str]:
    """The common Vietnamese stopword list (lower case, "_" inside words), shipped with dvtopics, and TIME_WORDS."""
    path = Path(__file__).with_name("data") / "stopwords_vi.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()) | TIME_WORDS


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
    """

    def __init__(self, n_topics, alpha, eta, max_iter, random_state):
        self.params = dict(n_topics=n_topics, alpha=alpha, eta=eta, max_iter=max_iter, random_state=random_state)

    def fit(self, bows, dictionary):
        from gensim.models import LdaModel

        p = self.params
        self.lda = LdaModel(corpus=bows, id2word=dictionary, num_topics=p["n_topics"], alpha=p["alpha"],
                            eta=p["eta"], passes=p["max_iter"], iterations=100, chunksize=GENSIM_CHUNK,
                            random_state=p["random_state"], eval_every=None, dtype=np.float64)
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


_ENGINE_CLASSES = {"gensim": _GensimEngine, "sklearn": _SklearnEngine, "tomotopy": _TomotopyEngine}


# --------------------------------------------------------------------- model

def split_units(segmented: str, unit: str) -> list[str]:
    """The modelling units of one segmented text: itself, or its non-empty lines (paragraphs)."""
    if unit == "document":
        return [segmented]
    return [line for line in segmented.split("\n") if line.strip()]


class TopicModel(TransformerMixin, BaseEstimator):
    """LDA over segmented Vietnamese texts, with the preprocessing that makes its topics readable.

    Parameters
    ----------
    n_topics : number of topics K.
    unit : "document" or "paragraph": what LDA sees as one document. `transform`
        always returns one mix per text given.
    engine : "gensim" (default), "tomotopy" or "sklearn".
    no_below : keep words found in at least this many units; "auto" is 5, or 2
        for corpora under 500 units.
    no_above : drop words found in more than this share of the units (the
        corpus' own frequent words, "công_tác" in a corpus about công tác).
    keep_n : keep at most this many words, the most frequent.
    extra_stopwords : words to drop besides the shipped Vietnamese list.
    phrases : join collocations into one token with gensim `Phrases`.
    phrase_min_count, phrase_threshold : `Phrases` settings (NPMI scoring, so the
        threshold is in [-1, 1]).
    alpha : prior of the topic mix of a unit; None is 1/K.
    eta : prior of the word mix of a topic.
    max_iter : passes (gensim, scikit-learn) or Gibbs sweeps (tomotopy); None is
        the engine's default (10, 10, 500).
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
                 extra_stopwords: Iterable[str] = (), phrases: bool = True, phrase_min_count: int = 5,
                 phrase_threshold: float = 0.5, alpha: float | None = None, eta: float = 0.01,
                 max_iter: int | None = None, random_state: int = 0):
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
        self.random_state = random_state

    # -- preprocessing ------------------------------------------------------

    def _check_params(self) -> None:
        if self.unit not in UNITS:
            raise TopicsError(f"unit must be one of {', '.join(UNITS)}, not {self.unit!r}")
        if self.engine not in ENGINES:
            raise TopicsError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if int(self.n_topics) < 2:
            raise TopicsError(f"n_topics must be at least 2, not {self.n_topics}")

    def _stopwords(self) -> frozenset[str]:
        return default_stopwords() | {w.lower() for w in self.extra_stopwords}

    def _words(self, unit_text: str, stopwords: frozenset[str]) -> list[str]:
        return [t for t in unit_text.lower().split() if is_content_word(t) and t not in stopwords]

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
            return 2 if n_units < SMALL_CORPUS_UNITS else 5
        return int(self.no_below)

    # -- learning -----------------------------------------------------------

    def _make_engine(self):
        k = int(self.n_topics)
        max_iter = self.max_iter or DEFAULT_MAX_ITER[self.engine]
        alpha = self.alpha if self.alpha is not None else 1.0 / k
        return _ENGINE_CLASSES[self.engine](k, alpha, self.eta, max_iter, self.random_state)

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


def topic_measures(models: Sequence[TopicModel], texts: Sequence[Sequence[str]],
                   measures: Sequence[str] = ("npmi", "c_v", "diversity")) -> list[dict]:
    """NPMI, C_V and diversity of each model, counted in `texts` (token lists, e.g. `model.analyze(X)`).

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


def suggest_k(rows: Sequence[dict]) -> int:
    """The K with the best topic quality, NPMI × diversity (Dieng, Ruiz & Blei 2020).

    >>> suggest_k([{"k": 5, "npmi": 0.10, "diversity": 0.9}, {"k": 10, "npmi": 0.12, "diversity": 0.6}])
    5
    """
    scored = [(row["npmi"] * row["diversity"], row["k"]) for row in rows
              if row.get("npmi") is not None and row.get("diversity") is not None]
    if not scored:
        raise TopicsError("no NPMI and diversity to choose a K from")
    return max(scored)[1]


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


def sweep_prepared(base: TopicModel, unit_tokens: list[list[str]], ks: Sequence[int],
                   measures: Sequence[str] = ("npmi", "c_v", "diversity")) -> tuple[list[dict], list[TopicModel]]:
    """Fit one model per K on a shared preprocessing (`prepare`); return (measure rows, models)."""
    import time

    models, seconds = [], []
    for k in ks:
        model = copy.deepcopy(base).set_params(n_topics=k)
        started = time.perf_counter()
        models.append(model._fit_topics(unit_tokens))
        seconds.append(time.perf_counter() - started)
        log.info("K=%d fitted in %.1f s", k, seconds[-1])
    rows = topic_measures(models, unit_tokens, measures)
    for row, secs in zip(rows, seconds):
        row["fit_seconds"] = round(secs, 2)
    return rows, models


def sweep(texts: Sequence[str], ks: Sequence[int], measures: Sequence[str] = ("npmi", "c_v", "diversity"),
          **params) -> tuple[list[dict], list[TopicModel]]:
    """Fit one model per K on one preprocessing of `texts`; return (measure rows, models)."""
    base, unit_tokens = prepare(texts, n_topics=min(ks), **params)
    return sweep_prepared(base, unit_tokens, ks, measures)


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

    def topics_json(self) -> list[dict]:
        return [{"topic": k, "label": label, "share": round(share, 4),
                 "words": [[w, round(p, 5)] for w, p in words], "representatives": reps}
                for k, (label, words, share, reps) in enumerate(
                    zip(self.labels, self.top_words, self.shares, self.representatives))]


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
    return TopicReport(labels=labels, top_words=model.top_words(n_words),
                       shares=[float(s) for s in model.topic_shares()], documents=documents,
                       representatives=representatives, periods=periods, over_time=over_time.tolist(),
                       period_counts=period_counts, types=type_names, by_type=by_type.tolist(),
                       type_counts=type_counts)


def _write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_documents(documents: Sequence[dict], path: str | os.PathLike) -> Path:
    """Each article's main topic and mix: JSONL when the name ends in .jsonl, else CSV (one column per topic)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jsonl":
        with open(path, "w", encoding="utf-8") as handle:
            for doc in documents:
                handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
        return path
    k = len(documents[0]["mix"]) if documents else 0
    header = ["id", "title", "date", "type", "main_topic", "main_label", "main_share"] + [f"topic_{i}" for i in range(k)]
    _write_table(path, header, ([d[c] for c in header[:7]] + d["mix"] for d in documents))
    return path


def write_report(report: TopicReport, directory: str | os.PathLike) -> list[Path]:
    """Write topics.json, documents.csv, over_time.csv, by_type.csv and their PNG figures; return the paths."""
    from . import plots

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
    from . import plots

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    header = ["k", "npmi", "c_v", "diversity", "fit_seconds"]
    _write_table(directory / "sweep.csv", header, ([row.get(c) for c in header] for row in rows))
    return [directory / "sweep.csv", plots.save_figure(plots.topic_sweep_figure(rows), directory / "sweep.png")]


def read_type_labels(path: str | os.PathLike) -> dict[str, str]:
    """Article types from `dvtopics label --out`: a CSV (id or file, label) or JSONL ({"id", "label"})."""
    from .corpus import read_labels, read_side_file

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
