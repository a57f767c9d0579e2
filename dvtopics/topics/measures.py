"""How good topics are: NPMI and C_V coherence, diversity, and their stability between seeds."""
from __future__ import annotations

import logging
import warnings
from typing import Iterable, Sequence

import numpy as np

from ..arguments import as_list
from ..errors import ArgumentError
from .model import TopicModel, split_units

log = logging.getLogger(__name__)

NPMI_TOP_N = 10


DIVERSITY_TOP_N = 25


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
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        # a word the texts never hold divides by zero: its topic's value is not finite, which the caller reports
        warnings.simplefilter("ignore", RuntimeWarning)
        return [float(v) for v in model.get_coherence_per_topic()]


MEASURES = {"npmi": "c_npmi", "c_v": "c_v"}


class ReferenceTokens:
    """The texts the coherence measures count in: each unit's pyvi tokens, lower-cased, all of them.

    Not the model's own tokens: a vocabulary filter would change what NPMI counts, so settings, engines
    and seeds are all scored against the same text. Lazy (the sliding window reads each text once), so
    35,000 long articles do not sit in memory as token lists. With `model`, one with phrases (`--phrases`), the
    collocations it joined are joined here too where they stand side by side: its topics' top words hold them
    ("ban_chỉ_đạo"), and a word the texts never hold cannot be scored.
    """

    def __init__(self, texts: Sequence[str], unit: str = "document", model: TopicModel | None = None):
        self.texts, self.unit, self.model = texts, unit, model

    def __iter__(self):
        for text in self.texts:
            for unit_text in split_units(text, self.unit):
                tokens = unit_text.lower().split()
                yield self.model.join_phrases(tokens) if self.model is not None else tokens

    def __len__(self) -> int:
        return sum(len(split_units(text, self.unit)) for text in self.texts)


def check_measures(measures: Iterable[str] | str) -> list[str]:
    """`measures` as a list (one str is a list of one: "npmi"), a measure `topic_measures` does not know refused
    (a job checks before its fits, not after the first)."""
    measures = as_list(measures, "measures")
    unknown = set(measures) - set(MEASURES) - {"diversity"}
    if unknown:  # (an argument's error, as the CLI shows it after the usage: it printed a Python list, hunt 42 AR)
        raise ArgumentError(f"unknown {'measure' if len(unknown) == 1 else 'measures'} "
                            f"{', '.join(repr(m) for m in sorted(unknown))}; known: npmi, c_v, diversity")
    return measures


def topic_measures(models: Sequence[TopicModel], texts: Iterable[Sequence[str]],
                   measures: Sequence[str] = ("npmi", "c_v", "diversity"), progress: bool = False) -> list[dict]:
    """NPMI, C_V and diversity of each model, counted in `texts` (token lists: `ReferenceTokens(segmented)`).

    All models must share one dictionary (as `sweep`'s do). Returns one
    {"k", "npmi", "c_v", "diversity"} dict per model. `progress` shows a bar on stderr over the texts read for
    each measure: on 10,000 articles they take a minute or two after the fit's own bar has ended.
    """
    from ..progress import progress_bar

    measures = check_measures(measures)
    words = [[[w for w, _ in topic] for topic in m.top_words(max(NPMI_TOP_N, DIVERSITY_TOP_N))] for m in models]
    rows = [{"k": int(m.n_topics)} for m in models]
    total = len(texts) if progress else None  # (a split into paragraphs: counted once)
    for name in (m for m in measures if m in MEASURES):
        # the texts through the bar, which counts each as gensim reads it (once a measure)
        with progress_bar(iterable=texts, total=total, unit="text", desc=f"topics: {name.upper()}",
                          disable=not progress) as counted:
            flat = coherence_per_topic([t for topics in words for t in topics], counted, models[0].dictionary_,
                                       MEASURES[name])
        start, unscored = 0, []  # unscored: (model, the numbers of its topics left out of its mean)
        for row, topics, model in zip(rows, words, models):
            values = flat[start:start + len(topics)]
            scored = [v for v in values if np.isfinite(v)]
            row[name] = round(float(np.mean(scored)), 4) if scored else None
            if len(scored) < len(values):
                unscored.append((model, [number for number, v in enumerate(values) if not np.isfinite(v)]))
            start += len(topics)
        if unscored:  # a mean over some of the topics must not pass for one over all of them
            log.warning("%s could not score some topics, left out of %s mean (a top word of theirs never occurs in "
                        "the texts as one token; with --phrases: words the model joined across a word it leaves out, "
                        "a stopword or a full stop): %s", name.upper(), "their K's" if len(models) > 1 else "its",
                        _which_topics(unscored, models))
    if "diversity" in measures:
        for row, topics in zip(rows, words):
            row["diversity"] = round(topic_diversity(topics), 4)
    return rows


def _which_topics(unscored: list[tuple[TopicModel, list[int]]], models: Sequence[TopicModel]) -> str:
    """The topics a measure could not score, named by their number (from 0, as `topics show` numbers them) and
    their model's K, and its seed where a sweep fitted that K with several: "at K=5, topics 1 and 3 of 5"."""
    def numbers(topics: list[int]) -> str:
        named = [str(number) for number in topics]
        return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]

    several_seeds = {int(m.n_topics) for m in models if sum(o.n_topics == m.n_topics for o in models) > 1}
    parts = []
    for model, topics in unscored:
        k = int(model.n_topics)
        seed = f", seed {model.random_state}" if k in several_seeds and isinstance(model.random_state, int) else ""
        parts.append(f"at K={k}{seed}, topic{'s' if len(topics) > 1 else ''} {numbers(topics)} of {k}")
    return "; ".join(parts)


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
