"""The library as a Python user calls it: generators, one str for a list, wrong kinds of argument, the checks the
CLI makes (trial 6, helper b)."""
import pytest

import dvtopics
from dvtopics.io.read import make_article, read_articles
from dvtopics.topics.model import TopicModel
from dvtopics.topics.summary import summarize
from dvtopics.types.features import documents_of
from dvtopics.types.model import load_classifier, predict_articles


@pytest.fixture(scope="module")
def shipped():
    return load_classifier()


# ------------------------------------------------------------ any iterable, read once

def test_predict_reads_a_generator_of_articles_once(shipped, seeds_dir):
    expected = shipped.predict(list(read_articles(seeds_dir)), explain=False)
    assert shipped.predict(read_articles(seeds_dir), explain=False) == expected
    assert len(documents_of(a for a in read_articles(seeds_dir))) == len(expected) == 5


def test_summarize_takes_a_generator_of_articles(seeds_dir):
    articles = list(read_articles(seeds_dir))
    texts = dvtopics.segment_many([a.text for a in articles], lower=True)
    model = TopicModel(n_topics=2, unit="paragraph", engine="nmf").fit(texts)
    report = summarize(model, iter(articles), model.transform(texts))
    assert len(report.documents) == 5


# ------------------------------------------------------------ wrong kinds of argument

def test_texts_given_for_articles_are_refused_with_what_to_do(shipped):
    with pytest.raises(TypeError, match="Article items are wanted, not str.*make_article"):
        shipped.predict(["Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023"])


def test_predict_articles_takes_a_model_name_or_refuses_clearly(shipped):
    articles = [make_article("a", "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023")]
    assert predict_articles("shipped", articles) == predict_articles(shipped, articles)
    with pytest.raises(TypeError, match="model: a Classifier"):
        predict_articles(42, articles)
