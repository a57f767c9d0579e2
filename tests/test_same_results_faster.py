"""The speed-ups of issue 20 compute what the plain code computes: each one checked against it."""
import json
import random
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from dvtopics.io.read import read_articles
from dvtopics.topics.engines import SHARED_ESTEP_MIN_UNITS
from dvtopics.topics.model import TopicModel
from dvtopics.types.rules import RULES, head_of
from dvtopics.types.wordcounts import count_words

ROOT = Path(__file__).resolve().parents[1]


def _articles():
    """(title, text) of the seeds and the written training set (never the blind test)."""
    pairs = [(a.title, a.text) for a in read_articles([ROOT / "seeds"]) if not a.error]
    for path in sorted((ROOT / "data" / "train").glob("written_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            pairs.append((item.get("title", ""), item.get("text", "")))
    return pairs


def _heads():
    """Titles and leads the rules must read."""
    return [head_of(title, text) for title, text in _articles()]


def test_a_rules_gate_never_turns_away_a_head_its_pattern_matches():
    heads = _heads()
    gated = [rule for rule in RULES if rule.gate is not None]
    assert len(heads) > 1000 and gated
    fired = 0
    for rule in gated:
        for head in heads:
            if rule.pattern.search(head):
                fired += 1
                assert rule.gate.search(head), (rule.name, head[:120])
                assert rule.search(head, {}) is not None
    assert fired > 100  # the heads exercise the rules, not only their gates


def test_the_event_readers_one_search_never_turns_away_an_article_with_a_meeting():
    """find_event gives up when one search of the title and the early text finds no meeting word; reading
    sentence by sentence, as it did before, finds the same events."""
    from dvtopics.types import events

    def sentence_by_sentence(title, text):
        return events.event_of(events.sentences(title, text))

    pairs = _articles() + [("Tin vắn", "Giá vàng tăng. Có ai họp?"), ("", "Hội nghị! Tổng kết? năm"), ("", "")]
    found = 0
    for title, text in pairs:
        expected = sentence_by_sentence(title, text)
        assert events.find_event(title, text) == expected, title[:100]
        found += expected is not None
    assert found > 1000 and len(pairs) - found > 50  # both answers are exercised


def test_counting_words_gives_scikit_learns_matrix():
    rng = random.Random(0)
    words = [f"w{i}" for i in range(60)] + ["công_tác", "dân_vận", "sơ_kết"]
    docs = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 40))) for _ in range(200)]
    vectorizer = TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False, ngram_range=(1, 2),
                                 max_features=300).fit(docs)
    new = docs[:50] + ["w1 w1 w1 w2", "", "unknown words only"]
    _, expected = TfidfVectorizer._count_vocab(vectorizer, new, fixed_vocab=True)
    assert (count_words(vectorizer, new).toarray() == expected.toarray()).all()


@pytest.fixture(scope="module")
def units():
    rng = random.Random(1)
    letters = "abcdeghiklmnopqrstuvxy"
    themes = [["".join(rng.choice(letters) for _ in range(6)) for _ in range(30)] for _ in range(3)]
    texts = []
    for _ in range(SHARED_ESTEP_MIN_UNITS + 100):
        theme = rng.choice(themes)
        texts.append(" ".join(rng.choice(theme if rng.random() < 0.8 else themes[0]) for _ in range(30)))
    return texts


def test_gensim_shares_its_work_between_processes_and_learns_the_same_topics(units):
    one = TopicModel(n_topics=3, no_below=2, no_above=0.9, max_iter=2).fit(units, n_jobs=1)
    two = TopicModel(n_topics=3, no_below=2, no_above=0.9, max_iter=2).fit(units, n_jobs=2)
    assert np.array_equal(one.topic_word_, two.topic_word_)
    assert np.array_equal(one.unit_topic_, two.unit_topic_)


def test_fit_transform_gives_the_mixes_transform_gives(units):
    texts = units[:300]
    fitted = TopicModel(n_topics=3, no_below=2, no_above=0.9, max_iter=2)
    mixes = fitted.fit_transform(texts)
    again = TopicModel(n_topics=3, no_below=2, no_above=0.9, max_iter=2).fit(texts).transform(texts)
    assert np.allclose(mixes, again, atol=1e-6)


def test_remembered_pieces_give_the_same_words_and_are_segmented_once(monkeypatch):
    from dvtopics.text import pyvi_fast, segment

    text = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm.\nBan Dân vận Tỉnh ủy tổ chức hội nghị. Các đại biểu thảo luận."
    head = text[:60]
    plain = [segment.segment_many([head]), segment.segment_many([text])]
    seen = []
    real = pyvi_fast.tokenize_many
    monkeypatch.setattr(pyvi_fast, "tokenize_many", lambda pieces: seen.extend(pieces) or real(pieces))
    with segment.remember_pieces():
        remembered = [segment.segment_many([head]), segment.segment_many([text])]
    assert remembered == plain
    assert len(seen) == len(set(seen))  # the head's first sentence was not segmented a second time
    assert segment._remembered.get() is None  # let go when the block ends
