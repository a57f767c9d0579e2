"""The four engines a TopicModel fits with (gensim LDA, NMF, tomotopy LDA, scikit-learn LDA), behind one
small interface. Pickled topic models name these classes: keep them here (see dvtopics.persist.MOVED_MODULES)."""
from __future__ import annotations

import logging
import warnings
from typing import Sequence

import numpy as np

from ..errors import MissingExtraError


ENGINES = ("gensim", "tomotopy", "sklearn", "nmf")


# The seed of a fit unless one is given (`TopicModel`, `--seed`)
DEFAULT_SEED = 0

# What made the themes, in words: `topics show`, the report and the model card say it.
ENGINE_NAMES = {"gensim": "LDA (gensim, variational Bayes)", "tomotopy": "LDA (tomotopy, Gibbs sampling)",
                "sklearn": "LDA (scikit-learn)", "nmf": "NMF (scikit-learn, on TF-IDF)"}
# What an article's topic mix is a share of, in words (the report says it): LDA's are shares of its words; NMF is
# no probabilistic model, its mix the share of the TF-IDF weight each topic rebuilds (`_NmfEngine`).
MIX_OF = {"gensim": "its words", "tomotopy": "its words", "sklearn": "its words",
          "nmf": "its TF-IDF weight, not of its words"}


# Passes over the corpus (gensim, scikit-learn), Gibbs sweeps (tomotopy) or NMF iterations when max_iter is None.
# gensim needs 5 passes from NMF's start (10 gave no better topics on baomoi), 10 from a random one.
DEFAULT_MAX_ITER = {"gensim": 5, "gensim-random": 10, "sklearn": 10, "tomotopy": 500, "nmf": 400}


# gensim updates the topics once per chunk: 2000 (its default) gives a 2000-article corpus 10 updates in 10
# passes and muddled topics (NPMI 0.044 on baomoi); 256 gives 80 and NPMI 0.105, at a lower cost.
GENSIM_CHUNK = 256


def bows_to_csr(bows: Sequence[list[tuple[int, int]]], n_words: int):
    """The texts' bags of words as a sparse matrix of counts, a row per text. Built from arrays: three Python lists
    of an int object per (text, word) pair took several times the matrix's own memory while it was made."""
    from scipy.sparse import csr_matrix

    row_ends = np.cumsum([0] + [len(bow) for bow in bows], dtype=np.int64)
    n_cells = int(row_ends[-1])
    words = np.fromiter((word for bow in bows for word, _ in bow), dtype=np.int64, count=n_cells)
    counts = np.fromiter((count for bow in bows for _, count in bow), dtype=np.float64, count=n_cells)
    matrix = csr_matrix((counts, words, row_ends), shape=(len(bows), n_words))
    matrix.sum_duplicates()  # a word twice in a bag is summed, as the (row, column) form summed it
    return matrix


def without_build_log(gensim_object):
    """`gensim_object` without the log gensim keeps in it of when and where it was built (`lifecycle_events`: the
    moment, the platform), and keeping none from now: the same fit pickled twice gave two model files, two
    sha256 in the card. The card says when and with what the model was made."""
    gensim_object.lifecycle_events = None  # (gensim's own switch: None records nothing more)
    return gensim_object


def _normalize_rows(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float64)
    totals = matrix.sum(axis=1, keepdims=True)
    uniform = np.full_like(matrix, 1.0 / matrix.shape[1])
    return np.divide(matrix, totals, out=uniform, where=totals > 0)


# gensim's E-step shared between processes (`TopicModel.fit(..., n_jobs=2)`): below this many units, starting a
# worker costs more than it saves
SHARED_ESTEP_MIN_UNITS = 2000


def _estep_documents(expElogbeta, alpha, iterations, gamma_threshold, docs, gamma, expElogtheta):
    """The loop over documents of gensim 4.4's `LdaModel.inference`, statement for statement, for some of a
    chunk's documents: per document, (gamma, expElogtheta, phinorm) at convergence. The caller adds each
    document's sufficient statistics in document order from these, as gensim does, so a chunk shared out
    between processes gives gensim's numbers exactly."""
    from gensim.matutils import dirichlet_expectation, mean_absolute_difference

    epsilon = np.finfo(expElogbeta.dtype).eps
    found = []
    for d, doc in enumerate(docs):
        ids = _term_ids(doc)
        cts = np.fromiter((cnt for _, cnt in doc), dtype=expElogbeta.dtype, count=len(doc))
        gammad = gamma[d, :]
        expElogthetad = expElogtheta[d, :]
        expElogbetad = expElogbeta[:, ids]
        phinorm = np.dot(expElogthetad, expElogbetad) + epsilon
        for _ in range(iterations):
            lastgamma = gammad
            gammad = alpha + expElogthetad * np.dot(cts / phinorm, expElogbetad.T)
            Elogthetad = dirichlet_expectation(gammad)
            expElogthetad = np.exp(Elogthetad)
            phinorm = np.dot(expElogthetad, expElogbetad) + epsilon
            if mean_absolute_difference(gammad, lastgamma) < gamma_threshold:
                break
        found.append((gammad, expElogthetad, phinorm))
    return found


def _term_ids(doc):
    if len(doc) > 0 and not isinstance(doc[0][0], (int, np.integer)):
        return [int(idx) for idx, _ in doc]
    return [idx for idx, _ in doc]


def _split(items, parts):
    """`items` in `parts` consecutive slices of about equal total length (a document's cost grows with its
    number of distinct words)."""
    sizes = np.cumsum([len(item) + 1 for item in items])
    bounds = [0] + [int(np.searchsorted(sizes, sizes[-1] * k / parts)) for k in range(1, parts)] + [len(items)]
    return [(bounds[k], bounds[k + 1]) for k in range(parts)]


def _few_updates_by_choice(record: logging.LogRecord) -> bool:
    """Drop gensim's "too few updates, training might not converge" (passes × chunks < 10): from NMF's start
    5 passes are a measured choice (DEFAULT_MAX_ITER), so a corpus of one chunk (under GENSIM_CHUNK texts, the
    seeds' paragraphs) always draws it, and its advice is about a decision, not a fault."""
    return "too few updates" not in record.getMessage()


def _shared_inference(lda, pool, parts, chunk, collect_sstats=False):
    """gensim's `LdaModel.inference` of a chunk, its documents shared between this process and `pool`'s
    workers; the same gamma and sufficient statistics as gensim's own loop, bit for bit."""
    from gensim.matutils import dirichlet_expectation
    from gensim.models import LdaModel

    chunk = list(chunk)
    if not collect_sstats or len(chunk) < 2 * parts:
        return LdaModel.inference(lda, chunk, collect_sstats)
    gamma = lda.random_state.gamma(100., 1. / 100., (len(chunk), lda.num_topics)).astype(lda.dtype, copy=False)
    expElogtheta = np.exp(dirichlet_expectation(gamma))
    settings = (lda.expElogbeta, lda.alpha, lda.iterations, lda.gamma_threshold)
    slices = _split(chunk, parts)
    futures = [pool.submit(_estep_documents, *settings, chunk[a:b], gamma[a:b], expElogtheta[a:b])
               for a, b in slices[1:]]
    a, b = slices[0]
    found = _estep_documents(*settings, chunk[a:b], gamma[a:b], expElogtheta[a:b])
    for future in futures:
        found += future.result()
    sstats = np.zeros_like(lda.expElogbeta, dtype=lda.dtype)
    for d, (doc, (gammad, expElogthetad, phinorm)) in enumerate(zip(chunk, found)):
        gamma[d, :] = gammad
        ids = _term_ids(doc)
        cts = np.fromiter((cnt for _, cnt in doc), dtype=lda.dtype, count=len(doc))
        sstats[:, ids] += np.outer(expElogthetad.T, cts / phinorm)
    sstats *= lda.expElogbeta
    return gamma, sstats


def _counted_inference(inference, bar, chunk, collect_sstats=False):
    """`inference` of a chunk, its texts counted on `bar` when the model learns from them (gensim's E-step
    of each pass; a call without statistics is not a pass)."""
    chunk = list(chunk)
    found = inference(chunk, collect_sstats)
    if collect_sstats:
        bar.update(len(chunk))
    return found


def _infer_each(expElogbeta, alpha, iterations, gamma_threshold, num_topics, seed, bows):
    """gensim's `inference([bow])` of each text, each from `RandomState(seed)` (`_GensimEngine.infer`)."""
    from gensim.matutils import dirichlet_expectation

    gammas = []
    for bow in bows:
        gamma = np.random.RandomState(seed).gamma(100., 1. / 100., (1, num_topics)).astype(expElogbeta.dtype,
                                                                                          copy=False)
        expElogtheta = np.exp(dirichlet_expectation(gamma))
        [(gammad, _, _)] = _estep_documents(expElogbeta, alpha, iterations, gamma_threshold, [bow], gamma,
                                            expElogtheta)
        gammas.append(gammad)
    return gammas


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

    def fit(self, bows, dictionary, pool=None, parts: int = 1, bar=None):
        """Fit LDA; with a `pool` of `parts` - 1 workers, each chunk's E-step is shared between this process
        and them (`_shared_inference`: the same numbers as gensim's own loop). A `bar` (tqdm) counts the texts
        of every pass, `passes` × len(bows) in all."""
        from functools import partial

        from gensim.models import LdaModel
        from sklearn.exceptions import ConvergenceWarning

        p = self.params
        if bar is not None:
            bar.set_description("topics: NMF start" if p["init"] == "nmf" else "topics: LDA")
        self.lda = LdaModel(id2word=dictionary, num_topics=p["n_topics"], alpha=p["alpha"], eta=p["eta"],
                            passes=p["max_iter"], iterations=100, chunksize=GENSIM_CHUNK,
                            random_state=p["random_state"], eval_every=None, dtype=np.float64)
        without_build_log(self.lda)
        if p["init"] == "nmf":
            # NNDSVD whatever the seed: LDA's own start (each text's) varies with it; its measured figures are so
            nmf = _NmfEngine(p["n_topics"], None, None, DEFAULT_MAX_ITER["nmf"], p["random_state"], init="nndsvd")
            lengths = np.array([sum(count for _, count in bow) for bow in bows], dtype=np.float64)
            # A start need not converge: LDA refines it. scikit-learn's advice ("Increase it") could not be followed
            # either, as --max-iter sets LDA's passes, not these iterations: silence it here only.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                nmf.fit(bows, dictionary)
                start_mixes = nmf.infer(bows)
            # NMF's topics as LDA's expected word counts: each topic's words times the tokens it explains
            self.lda.state.sstats = nmf.topic_word() * (start_mixes * lengths[:, None]).sum(axis=0)[:, None]
            self.lda.sync_state()
        if pool is not None and parts > 1:
            self.lda.inference = partial(_shared_inference, self.lda, pool, parts)  # this model only, while it learns
        if bar is not None:
            bar.set_description("topics: LDA")
            self.lda.inference = partial(_counted_inference, self.lda.inference, bar)
        gensim_log = logging.getLogger("gensim.models.ldamodel")
        gensim_log.addFilter(_few_updates_by_choice)
        try:
            self.lda.update(bows)
        finally:
            gensim_log.removeFilter(_few_updates_by_choice)
            self.lda.__dict__.pop("inference", None)
        return self

    def topic_word(self) -> np.ndarray:
        return self.lda.get_topics()

    def infer(self, bows, pool=None, parts: int = 1) -> np.ndarray:
        # gensim starts each text from random values drawn in turn for the whole batch: reseed per text so
        # a text always gets the same mix, wherever it stands (alone, in a batch, in a Dask part)
        bows = list(bows)
        if pool is not None and parts > 1 and len(bows) >= 2 * parts:
            return self._infer_shared(bows, pool, parts)
        gammas = []
        for bow in bows:
            self.lda.random_state = np.random.RandomState(self.params["random_state"])
            gammas.append(self.lda.inference([bow])[0])
        return _normalize_rows(np.vstack(gammas)) if gammas else np.zeros((0, self.lda.num_topics))

    def _infer_shared(self, bows, pool, parts: int) -> np.ndarray:
        """`infer`, the texts shared between this process and `pool`'s workers (`_infer_each`: the same mixes)."""
        lda, seed = self.lda, self.params["random_state"]
        settings = (lda.expElogbeta, lda.alpha, lda.iterations, lda.gamma_threshold, lda.num_topics, seed)
        slices = _split(bows, parts)
        futures = [pool.submit(_infer_each, *settings, bows[a:b]) for a, b in slices[1:]]
        gammas = _infer_each(*settings, bows[slices[0][0]:slices[0][1]])
        for future in futures:
            gammas += future.result()
        # the model's random state as `infer` leaves it: the last text's
        lda.random_state = np.random.RandomState(seed)
        lda.random_state.gamma(100., 1. / 100., (1, lda.num_topics))
        return _normalize_rows(np.vstack(gammas))


class _SklearnEngine:
    """scikit-learn's `LatentDirichletAllocation` (online variational Bayes)."""

    def __init__(self, n_topics, alpha, eta, max_iter, random_state):
        from sklearn.decomposition import LatentDirichletAllocation

        self.lda = LatentDirichletAllocation(n_components=n_topics, doc_topic_prior=alpha, topic_word_prior=eta,
                                             max_iter=max_iter, learning_method="online", random_state=random_state)

    def fit(self, bows, dictionary):
        self.n_words = len(dictionary)
        self.lda.fit(bows_to_csr(bows, self.n_words))
        return self

    def topic_word(self) -> np.ndarray:
        return _normalize_rows(self.lda.components_)

    def infer(self, bows) -> np.ndarray:
        bows = list(bows)
        if not bows:  # scikit-learn refuses a matrix of no rows
            return np.zeros((0, self.lda.n_components))
        return _normalize_rows(self.lda.transform(bows_to_csr(bows, self.n_words)))


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


def nmf_start(random_state) -> str:
    """Where NMF starts for a seed: the default seed from NNDSVD, any other seed (or none) from random factors.
    NNDSVD is a function of the data alone, so with it every seed gave the same topics and a sweep's spread and
    stability over seeds measured nothing; the default seed keeps it, and with it the results it always gave."""
    return "nndsvd" if random_state == DEFAULT_SEED else "random"


class _NmfEngine:
    """scikit-learn's NMF on sublinear TF-IDF (Frobenius loss). Not a probabilistic model: a topic's words
    are its row of H scaled to sum 1, and a text's mix is its share of the TF-IDF weight each topic rebuilds.
    It starts where `nmf_start` says, unless `init` is given (gensim's LDA starts from NNDSVD's topics)."""

    def __init__(self, n_topics, alpha, eta, max_iter, random_state, init=None):
        from sklearn.decomposition import NMF

        # alpha and eta are LDA's priors: nothing in NMF matches them
        self.nmf = NMF(n_components=n_topics, init=init or nmf_start(random_state), max_iter=max_iter,
                       random_state=random_state)

    def _tfidf(self, bows):
        from sklearn.preprocessing import normalize

        counts = bows_to_csr(bows, len(self.idf))
        counts.data = 1.0 + np.log(counts.data)  # sublinear: the 20th "xe" of an article adds little
        return normalize(counts.multiply(self.idf).tocsr())

    def fit(self, bows, dictionary):
        counts = bows_to_csr(bows, len(dictionary))
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


ENGINE_CLASSES = {"gensim": _GensimEngine, "sklearn": _SklearnEngine, "tomotopy": _TomotopyEngine,
                   "nmf": _NmfEngine}
