"""An interactive pyLDAvis page of a topic model that opens offline (its scripts inlined)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.utils.validation import check_is_fitted

from ..errors import MissingExtraError
from .engines import ENGINE_NAMES, MIX_OF
from .model import TopicModel


def ldavis_html(model: TopicModel, sort_topics: bool = False) -> str:
    """An interactive pyLDAvis page of the model that works offline: d3, LDAvis and its CSS are inlined."""
    try:
        import pyLDAvis
        from pyLDAvis import urls
    except ImportError:
        raise MissingExtraError("pyLDAvis", "viz") from None
    check_is_fitted(model, "unit_topic_")
    vocab = [model.dictionary_[i] for i in range(len(model.dictionary_))]
    # Topics from 1, pyLDAvis' default: LDAvis' script files topic T's values under circle T - 1, so from 0 a hovered
    # word's circles were drawn one topic off and topic 0's were lost (pyLDAvis issue #265). The page says so.
    data = pyLDAvis.prepare(topic_term_dists=_without_zeros(model.topic_word_), doc_topic_dists=model.unit_topic_.astype(float),
                            doc_lengths=model.unit_lengths_, vocab=vocab, term_frequency=model.term_frequency_,
                            sort_topics=sort_topics, start_index=FIRST_TOPIC, mds=topic_coordinates)
    return _inline_page(data.to_json(), urls.D3_LOCAL, urls.LDAVIS_LOCAL, urls.LDAVIS_CSS_LOCAL,
                        engine_note(model.engine) + " " + numbering_note(data.topic_order))


def engine_note(engine: str) -> str:
    """What made the topics, as `topics show` and the report name it; for NMF, that the page's sizes are not counts
    of words: pyLDAvis reads the mixes and topics as an LDA's, shares of words, and NMF's are shares of TF-IDF
    weight (`MIX_OF`)."""
    note = f"Topics made by {ENGINE_NAMES[engine]}."
    if MIX_OF[engine] != "its words":
        note += (" pyLDAvis draws a model's topics as word probabilities and each article's mix as a share of its "
                 "words, as LDA's are; this model's mixes are shares of TF-IDF weight, so the circles' sizes and "
                 "the estimated frequencies within a topic are not counts of words: read each topic by its words "
                 "and their order.")
    return note


FIRST_TOPIC = 1  # the number LDAvis' page gives dvtopics' topic 0
NUMBERING_NOTE = ("Topics are numbered from 1 on this page, as pyLDAvis numbers them: its topic N is topic N − 1 of "
                  "<code>dvtopics topics show</code>, <code>documents.csv</code> and the report.")


def numbering_note(topic_order) -> str:
    """What the page's topic numbers are in dvtopics' own: N − 1 (`NUMBERING_NOTE`), or, where pyLDAvis sorted the
    topics by size (`sort_topics=True`), each page number with the topic it shows: N − 1 would name another one.
    `topic_order`: pyLDAvis' model topic (from `FIRST_TOPIC`) behind page topic 1, 2, ..."""
    order = [int(topic) - FIRST_TOPIC for topic in topic_order]
    if order == list(range(len(order))):
        return NUMBERING_NOTE
    pairs = ", ".join(f"{page} is {topic}" for page, topic in enumerate(order, 1))
    return ("Topics are numbered from 1 on this page in order of size, largest first, as pyLDAvis sorted them: "
            "the topic each number shows in <code>dvtopics topics show</code>, <code>documents.csv</code> and the "
            f"report: {pairs}.")


def topic_coordinates(topic_word: np.ndarray) -> np.ndarray:
    """Where the page draws each topic: pyLDAvis' own PCoA of the topics' Jensen-Shannon distances, with the
    eigenvectors of a symmetric matrix (`eigh`), always real. pyLDAvis solves it with the general `eig`, which
    gives complex numbers when topics are alike (more topics than the articles have themes), and its page then
    stopped with "Object of type complex128 is not JSON serializable".

    >>> topic_coordinates(np.array([[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.5, 0.5]])).dtype
    dtype('float64')
    """
    from scipy.spatial.distance import pdist, squareform

    # the Jensen-Shannon divergence pyLDAvis measures (scipy's distance is its square root)
    distances = squareform(pdist(np.asarray(topic_word, dtype=float), metric="jensenshannon") ** 2)
    n = len(distances)
    centring = np.eye(n) - np.ones((n, n)) / n
    inner = -centring @ (distances ** 2) @ centring / 2
    values, vectors = np.linalg.eigh((inner + inner.T) / 2)  # ascending
    order = np.argsort(values)[::-1][:2]
    values, vectors = np.clip(values[order], 0, None), vectors[:, order]
    coordinates = np.sqrt(values) * vectors
    if coordinates.shape[1] < 2:  # one topic: no second axis
        coordinates = np.hstack([coordinates, np.zeros((n, 2 - coordinates.shape[1]))])
    return coordinates


WORD_FLOOR = 1e-12  # far below any weight a topic's shown words have


def _without_zeros(topic_word: np.ndarray) -> np.ndarray:
    """Topics' word distributions with no word at exactly 0: pyLDAvis takes the log of each (relevance, lift),
    and NMF leaves many words out of a topic altogether. The floor moves no word's rank."""
    floored = np.maximum(np.asarray(topic_word, dtype=float), WORD_FLOOR)
    return floored / floored.sum(axis=1, keepdims=True)


def _script(path: str) -> str:
    # "</script" inside a library would close the tag early
    return Path(path).read_text(encoding="utf-8").replace("</script", "<\\/script")


def _inline_page(vis_json: str, d3_path: str, ldavis_path: str, css_path: str, note: str = NUMBERING_NOTE) -> str:
    vis_json = vis_json.replace("</", "<\\/")
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>dvtopics: topics</title>\n"
        f"<style>{Path(css_path).read_text(encoding='utf-8')}</style>\n"
        f"<script>{_script(d3_path)}</script>\n<script>{_script(ldavis_path)}</script>\n"
        f"</head><body>\n<p style=\"font-family:sans-serif;margin:8px\">{note}</p>\n"
        "<div id=\"ldavis\" style=\"background-color:white;\"></div>\n"
        f"<script>new LDAvis(\"#ldavis\", {vis_json});</script>\n</body></html>\n"
    )
