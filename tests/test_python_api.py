"""The library as a Python user calls it: generators, one str for a list, wrong kinds of argument, the checks the
CLI makes (trial 6, helper b)."""
import json
import os
import re



import sys

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


def test_an_unreadable_record_costs_only_itself_and_raising_says_how_to_read_on(tmp_path):
    """read_articles stopped at the first unreadable record by default, and neither its help nor its error said
    how to read on (trial 9, helper C: the articles after a bad line were lost). It reads on, as the CLI does;
    asked to raise, its error says how to read on."""
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "a1", "text": "Hội nghị sơ kết công tác dân vận"}\nnot json\n'
                    '{"id": "a3", "text": "Hội nghị tổng kết công tác dân vận"}\n', encoding="utf-8")
    articles = list(read_articles(path))
    assert [(a.id, bool(a.error)) for a in articles] == [("a1", False), ("news.jsonl:2", True), ("a3", False)]
    assert [r["id"] for r in predict_articles("shipped", read_articles(path)) if r["error"]] == ["news.jsonl:2"]
    with pytest.raises(dvtopics.InputError) as raised:
        list(read_articles(path, on_error="raise"))
    assert str(raised.value) == (f"{path}:2: not valid JSON (Expecting value at column 1); on_error=\"record\" "
                                 "(read_articles' default) reads on, giving this one as an article with its error")
    assert 'on_error="record"' in read_articles.__doc__ and 'on_error="raise"' in read_articles.__doc__


def test_the_package_gives_its_subpackages_and_its_api_to_import_star():
    """Hunt 24 D (5): `import dvtopics` then `dvtopics.jobs.label(...)`, as the README names the jobs, raised "module
    'dvtopics' has no attribute 'jobs'"; `from dvtopics import *` gave `import_module` alone (the names are lazy)."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import dvtopics\nprint(dvtopics.jobs.Reading.__name__, dvtopics.topics.__name__)\n"
            "namespace = {}\nexec('from dvtopics import *', namespace)\n"
            "print(sorted(name for name in namespace if not name.startswith('__')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "PYTHONPATH": str(Path(dvtopics.__file__).parents[1])})
    first, names = run.stdout.splitlines()
    assert first == "Reading dvtopics.topics", run.stderr
    assert {"read_articles", "segment_many", "load_classifier", "TopicModel"} <= set(eval(names))
    assert "import_module" not in names
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        dvtopics.nothing


# ------------------------------------------------------------ wrong kinds of argument

def test_texts_given_for_articles_are_refused_with_what_to_do(shipped):
    with pytest.raises(TypeError, match="str items are not articles.*make_article"):
        shipped.predict(["Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023"])


def test_a_none_among_articles_is_refused_by_its_kind(shipped):
    """Hunt 25 D (4): a list with a gap ([article, None], a failed make_article left as None) passed the check of
    articles, which took the None it found for "none wrong", and failed later on the None's missing attributes."""
    article = make_article("a", "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023")
    with pytest.raises(TypeError, match="NoneType items are not articles.*make_article"):
        shipped.predict([article, None])


def test_segment_articles_refuses_texts_saying_what_to_give():
    """Hunt 25 D (5): segment_articles, which the docs offer for articles, given texts (or a DataFrame, or dicts)
    failed with "'str' object has no attribute 'error'"."""
    import pandas as pd

    from dvtopics.text.segment import segment_articles

    for given in (["Hội nghị sơ kết"], "Hội nghị sơ kết", [{"id": 1, "text": "Hội nghị"}]):
        with pytest.raises(TypeError, match="items are not articles.*texts go to dvtopics.segment_many"):
            segment_articles(given)
    with pytest.raises(TypeError, match="a DataFrame is not a list of items"):
        segment_articles(pd.DataFrame({"text": ["Hội nghị sơ kết"]}))
    good, texts = segment_articles(a for a in [make_article("a", "Công tác dân vận")])  # a generator, read once
    assert [a.id for a in good] == ["a"] and texts == ["Công_tác dân_vận"]


def test_an_object_with_an_articles_fields_is_labelled_as_one(shipped):
    """The regression hunt: a user's own record type (a dataclass, a SimpleNamespace) was labelled before the
    texts-for-articles check and refused after it."""
    from dataclasses import asdict
    from types import SimpleNamespace

    article = make_article("a", "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023")
    [own] = shipped.predict([SimpleNamespace(**asdict(article))])
    [real] = shipped.predict([article])
    assert own["label"] == real["label"] == "semi_annual_review" and own["confidence"] == real["confidence"]


@pytest.mark.parametrize("given", [{"a": 1}, 42, [{"id": "a", "text": "Hội nghị"}]])
def test_things_that_are_not_articles_are_refused_naming_what_is_needed(shipped, given):
    with pytest.raises(TypeError, match="articles"):
        shipped.predict(given)


def test_predict_articles_takes_a_model_name_or_refuses_clearly(shipped):
    articles = [make_article("a", "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023")]
    assert predict_articles("shipped", articles) == predict_articles(shipped, articles)
    with pytest.raises(TypeError, match="model: a Classifier"):
        predict_articles(42, articles)


def test_a_blank_or_unknown_model_name_says_how_to_name_the_shipped_model(tmp_path, monkeypatch):
    """Hunt 26 B, 8: `load_classifier("")` read the current folder ("no model_card.json"), and
    `load_classifier("default")` said to train a model into "default": each names `shipped` (or None)."""
    from dvtopics import load_classifier
    from dvtopics.errors import ArgumentError, ModelError

    monkeypatch.chdir(tmp_path)
    for blank in ("", "  "):
        with pytest.raises(ArgumentError, match="give a model folder, or 'shipped' \\(or None\\) for the model that "
                                                "comes with dvtopics"):
            load_classifier(blank)
    with pytest.raises(ModelError, match="default: no such model directory \\(.*, or give 'shipped' \\(or None\\)"):
        load_classifier("default")
    # hunt 27 D, 5: said where every classifier's card is read (jobs.label's settings too), not by a check of
    # load_classifier's own before it; a topics folder's is no classifier's
    from dvtopics.persist import read_card

    with pytest.raises(ModelError, match="default: no such model directory \\(.*, or give 'shipped' \\(or None\\)"):
        read_card("default")
    with pytest.raises(ModelError, match="topics fit PATHS --out themes`\\)$"):
        read_card("themes", "topics")


# ------------------------------------------------------------ hand labels given from Python

def _two_labelled(folder):
    """Two labelled articles in folder/a.jsonl, the inputs of a training given --extra."""
    from articles import made_up_articles

    data = folder / "a.jsonl"
    data.write_text("".join(json.dumps({"id": a.id, "text": a.text, "label": a.label}, ensure_ascii=False) + "\n"
                            for a in made_up_articles(2)), encoding="utf-8")
    return data


def _two_kinds(n=20):
    return [make_article(f"{i}", ("Giá vàng hôm nay tăng mạnh trên thị trường thế giới." if i % 2 else
                                  "Đội tuyển bóng đá Việt Nam thắng trận đấu tối qua.") + f" Bài số {i}.")
            for i in range(n)]


def test_gold_labels_read_as_a_labels_file_reads_them():
    from dvtopics.types.training import collect

    articles = _two_kinds()
    # the label 0 is a label; an id given as the int pandas reads from a numeric column is the article's id
    gold = {(int(a.id) if i < 10 else a.id): i % 2 for i, a in enumerate(articles)}
    assert collect(articles, gold_labels=gold).summary()["hand"] == {"0": 10, "1": 10}


def test_gold_labels_as_a_pandas_series_and_anything_else_refused():
    pd = pytest.importorskip("pandas")
    from dvtopics.types.training import collect

    articles = _two_kinds()
    series = pd.Series([i % 2 for i in range(20)], index=[int(a.id) for a in articles])
    assert collect(articles, gold_labels=series).summary()["hand"] == {"0": 10, "1": 10}
    with pytest.raises(TypeError, match="gold_labels: a mapping of article id to label"):
        collect(articles, gold_labels=[("0", "a")])
    # hunt 38 H: a DataFrame's column numbers rows, not articles: with ids 1, 2, … each took the next row's label
    with pytest.raises(dvtopics.InputError, match=r"gold_labels: a pandas Series indexed by position .*"
                                                  r"df.set_index\('id'\)\['label'\]"):
        collect(articles, gold_labels=pd.DataFrame({"label": [i % 2 for i in range(20)]})["label"])
    with pytest.raises(dvtopics.InputError, match="gold_labels: id '1' has a label that is true"):
        collect(articles, gold_labels={"0": "a", "1": True})


# ------------------------------------------------------------ one str where a list is wanted: a list of one

def test_one_str_where_a_list_is_wanted_is_a_list_of_one(seeds_dir):
    from dvtopics.jobs import gold_labels

    assert dvtopics.segment_many("Công tác dân vận") == ["Công_tác dân_vận"]
    assert gold_labels(str(seeds_dir / "labels.csv")) == gold_labels([seeds_dir / "labels.csv"])
    texts = ["xe chạy trên đường phố xe đông", "xe buýt xe máy đường phố", "giá vàng tăng mạnh hôm nay",
             "giá vàng thế giới giảm"] * 3
    model = TopicModel(n_topics=2, engine="nmf", no_below=1, extra_stopwords="xe").fit(texts)
    assert "xe" not in model.dictionary_.token2id and model.parameters()["extra_stopwords"] == ["xe"]


def test_one_measure_or_view_named_alone_is_a_list_of_one(seeds_dir, tmp_path):
    """measures="npmi" was read letter by letter (unknown measures 'i', 'm', 'n', 'p'), and so was views="text"
    (trial 9, helper C)."""
    from dvtopics import jobs
    from dvtopics.topics.sweep import sweep
    from dvtopics.types.model import make_pipeline
    from dvtopics.types.training import pipeline_options

    texts = ["lúa gạo nông_dân ruộng\nlúa nông_dân", "trường học_sinh giáo_viên\nhọc_sinh trường"] * 6
    rows, _ = sweep(texts, [2], "diversity", no_below=1, no_above=0.9, engine="nmf")
    assert rows[0]["diversity"] is not None and "npmi" not in rows[0]
    rows, _ = jobs.sweep_topics(jobs.Reading(str(seeds_dir)), str(tmp_path / "s"), [2], "npmi", [0], engine="nmf",
                                unit="paragraph")
    assert rows[0]["npmi"] is not None and "diversity" not in rows[0]
    assert pipeline_options(True, views="text")["views"] == ("text",)
    assert [name for name, _ in make_pipeline(views="event_chars").named_steps["features"].transformer_list] == [
        "event_chars"]  # not "event" too, as the letters of "event_chars" held it


def test_no_path_at_all_is_refused_before_any_output(tmp_path):
    from dvtopics import jobs

    with pytest.raises(dvtopics.InputError, match="no path given"):
        list(read_articles([]))
    with pytest.raises(dvtopics.InputError, match="no path given"):
        jobs.label(jobs.Reading([]), str(tmp_path / "labels.csv"))
    assert not list(tmp_path.iterdir())


def test_label_and_assign_write_to_an_output_given_as_a_path(seeds_dir, tmp_path):
    """Hunt 20 A (03): `jobs.label(reading, Path("labels.csv"))` stopped with "'PosixPath' object has no attribute
    'endswith'" (and so did `jobs.assign_topics`), though `Reading`, `segment` and the models take a Path."""
    from pathlib import Path

    from dvtopics import jobs

    reading = jobs.Reading(Path(seeds_dir) / "000_4277f1d749d09db2.txt")
    assert sum(jobs.label(reading, tmp_path / "labels.csv").values()) == 1
    assert (tmp_path / "labels.csv").read_text(encoding="utf-8-sig").startswith("id,label,")
    with pytest.raises(dvtopics.DvtopicsError, match="no such model directory"):  # the output's name was read: the next check
        jobs.assign_topics(reading, str(tmp_path / "no-model"), tmp_path / "topics.csv")


def test_field_names_may_be_none_or_a_dict_and_anything_else_is_refused(tmp_path):
    """Hunt 20 A (05): `read_articles(path, fields=None)` and `Reading(path, fields=None)` stopped with
    "'NoneType' object has no attribute 'text'" once the articles were asked for; a dict of names the same."""
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a1", "article_body": "Hội nghị sơ kết công tác dân vận"}\n', encoding="utf-8")
    (article,) = read_articles(path, fields=None)
    assert "no 'text' field" in article.error  # the default names
    assert [a.text for a in read_articles(path, fields={"text": "article_body"})] == ["Hội nghị sơ kết công tác dân vận"]
    assert [a.id for a in jobs.Reading(path, fields={"text": "article_body"}).articles()] == ["a1"]
    with pytest.raises(ArgumentError, match="'body' is no field; name some of text, id, label"):
        read_articles(path, fields={"body": "article_body"})
    with pytest.raises(ArgumentError, match="fields: a str; give FieldNames"):
        jobs.Reading(path, fields="article_body")


def test_what_is_not_paths_is_refused_saying_what_to_give(tmp_path):
    """Hunt 20 A (06): read_articles(df) read a DataFrame's column names as paths ("id: no such file or folder"),
    and [None] or b"seeds" ended in os's "expected str, bytes or os.PathLike object, not NoneType"."""
    import pandas as pd

    from dvtopics import jobs

    frame = pd.DataFrame({"id": ["a1"], "text": ["Hội nghị sơ kết công tác dân vận"]})
    with pytest.raises(TypeError, match=r"paths: a DataFrame is not files to read: read its rows with "
                                        r"dvtopics.read_articles\(df\), or save it"):
        jobs.Reading(frame)  # (read_articles reads its rows: hunt 29 L)
    with pytest.raises(TypeError, match=r"paths: None \(a NoneType\) is not a path"):
        jobs.Reading([tmp_path, None])
    with pytest.raises(TypeError, match="paths: bytes b'seeds'; give the files or folders as str or pathlib.Path"):
        list(read_articles(b"seeds"))
    # hunt 37 E (2): a DataFrame in a list, as the README gives paths, printed its table whole (950 characters)
    for given in ([frame], [tmp_path, frame]):
        with pytest.raises(TypeError, match=r"^paths: a DataFrame is not files to read: read its rows with "):
            list(read_articles(given))
    with pytest.raises(TypeError, match=r"^paths: 0 +0 1 +1 .{20,60}… \(a Series\) is not a path") as raised:
        list(read_articles([pd.Series(range(100))]))
    assert len(str(raised.value)) < 160


# ------------------------------------------------------------ the CLI's checks, in the library, before any work

@pytest.mark.parametrize("options, said", [
    (dict(min_confidence=1.5), "min_confidence \\(--min-confidence\\) 1.5: give a number from 0 to 1"),
    (dict(min_confidence=-1), "min_confidence \\(--min-confidence\\) -1: give a number from 0 to 1"),
    (dict(abstain=""), "abstain \\(--abstain\\) '': give a label, as text"),
    (dict(abstain=None), "abstain \\(--abstain\\) None: give a label, as text"),
    # Hunt 23 A (6): below a minimum confidence of 0 no article abstains: the answer asked for was never given
    (dict(abstain="uncertain"), r"abstain \(--abstain\) 'uncertain' is the answer below "
                                r"min_confidence \(--min-confidence\)"),
])
def test_predict_and_label_refuse_what_the_cli_refuses(shipped, seeds_dir, tmp_path, options, said):
    from dvtopics import jobs

    with pytest.raises(dvtopics.DvtopicsError, match=said):
        shipped.predict(list(read_articles(seeds_dir)), **options)
    with pytest.raises(dvtopics.DvtopicsError, match=said):
        jobs.label(jobs.Reading([seeds_dir]), str(tmp_path / "out.csv"), **options)
    assert not list(tmp_path.glob("out*"))


@pytest.mark.parametrize("n_jobs", [0, -5, 2.5, True, "2"])
def test_n_jobs_is_checked_as_minus_j_is_before_any_work(seeds_dir, tmp_path, monkeypatch, n_jobs):
    """n_jobs 0 and -5 ran without a word, 2.5 ended in a bare TypeError, and in a script without the __main__
    guard 0 was refused for the guard, not for its value (trial 9, helper C)."""
    from dvtopics import jobs, parallel
    from dvtopics.errors import ArgumentError

    monkeypatch.setattr(parallel, "check_main_is_guarded", lambda: pytest.fail("the guard checked first"))
    said = rf"n_jobs \(-j\) {n_jobs if not isinstance(n_jobs, str) else 'a str'}: give a whole number of " \
           "processes, 1 or more, or -1 for all cores"
    with pytest.raises(ArgumentError, match=said):
        jobs.label(jobs.Reading([seeds_dir], n_jobs=n_jobs), str(tmp_path / "out.csv"))
    with pytest.raises(ArgumentError, match=said):
        dvtopics.segment_many(["Công tác dân vận"], n_jobs=n_jobs)
    with pytest.raises(ArgumentError, match=said):
        TopicModel(n_topics=2, engine="nmf").fit(["lúa gạo", "trường học"], n_jobs=n_jobs)
    with pytest.raises(ArgumentError, match=said):
        list(parallel.map_ordered(abs, [1, 2], n_jobs))
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("max_bytes", [0, -1, 2.5, "10", 2**32 + 1])
def test_max_bytes_and_on_error_are_checked_as_max_bytes_is_before_any_work(seeds_dir, tmp_path, max_bytes):
    """Hunt 16 A (4): Reading(max_bytes=0) labelled every article as over the limit, -1 called a file empty, 2.5 and
    "10" ended in a bare TypeError, on_error="ignore" in a ValueError; each is refused as --max-bytes is, when
    called."""
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    said = r"max_bytes .*: give a whole number from 1 to 4294967296"
    with pytest.raises(ArgumentError, match=said):
        jobs.label(jobs.Reading([seeds_dir], max_bytes=max_bytes), str(tmp_path / "out.csv"))
    with pytest.raises(ArgumentError, match=said):
        read_articles(seeds_dir, max_bytes=max_bytes)  # not once its articles are asked for
    with pytest.raises(ArgumentError, match="on_error 'ignore': choose one of record, raise"):
        read_articles(seeds_dir, on_error="ignore")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("engine", ["Dask", "spark"])
def test_an_engine_is_checked_as_engine_is_before_any_work(seeds_dir, tmp_path, engine):
    """Hunt 20 A (04): `jobs.label(..., engine="Dask")` ran the local engine in silence (so did
    `jobs.assign_topics`), where --engine refuses any value but local and dask. (None is the default engine, as
    None is any optional argument's default: `test_none_for_an_optional_argument_of_a_job_is_its_default`.)"""
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    said = f"engine \\(--engine\\) {engine!r}: choose one of local, dask"
    with pytest.raises(ArgumentError, match=said):
        jobs.label(jobs.Reading([seeds_dir]), str(tmp_path / "out.csv"), engine=engine)
    with pytest.raises(ArgumentError, match=said):
        jobs.assign_topics(jobs.Reading([seeds_dir]), str(tmp_path / "model"), str(tmp_path / "out.csv"),
                           engine=engine)
    assert not list(tmp_path.iterdir())


def test_arguments_the_job_would_ignore_are_refused_as_their_options_are(seeds_dir, tmp_path):
    """Hunt 20 A (17): a `scheduler` with the local engine ran here, `Reading(cache_dir=D, use_cache=False)` never said
    D was not used, where the command line refuses --scheduler without --engine dask and --cache-dir beside
    --no-cache. (`on_record` beside `out` is not refused: it is used when `out` is None, as the command line
    gives it.)"""
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    reading = jobs.Reading([seeds_dir])
    for job in (lambda: jobs.label(reading, str(tmp_path / "out.csv"), scheduler="tcp://127.0.0.1:8786"),
                lambda: jobs.assign_topics(reading, str(tmp_path), str(tmp_path / "t.csv"), scheduler="tcp://h:8786")):
        with pytest.raises(ArgumentError, match="is a Dask cluster's: give engine=\"dask\" to run there"):
            job()
    with pytest.raises(ArgumentError, match="cache_dir 'c' names the cache that use_cache=False turns off"):
        jobs.Reading([seeds_dir], cache_dir="c", use_cache=False)
    assert not list(tmp_path.iterdir())


def test_label_without_an_output_or_a_callback_is_refused_before_reading(seeds_dir):
    from dvtopics import jobs

    with pytest.raises(dvtopics.DvtopicsError, match="give `out`.*or `on_record`"):
        jobs.label(jobs.Reading([seeds_dir]), None)


def test_label_without_an_output_reports_its_progress_too(seeds_dir):
    """Hunt 24 D (2): `jobs.label(reading, None, on_record=..., on_progress=bar.update)` handed every record and never
    called on_progress (only a run writing `out` did): a notebook's progress bar stood at 0."""
    from dvtopics import jobs

    records, progress = [], []
    jobs.label(jobs.Reading([seeds_dir]), None, on_record=records.append, on_progress=progress.append, batch_size=2)
    assert len(records) == 5 and progress == [2, 2, 1]


@pytest.mark.parametrize("given", [{"batch_size": 0}, {"batch_size": -3}, {"batch_size": 2.5},
                                   {"batch_size": 100_001}, {"part_size": 0}])
def test_label_checks_batch_and_part_sizes_on_every_path(seeds_dir, tmp_path, given):
    """Hunt 15 (A, 01): `jobs.label(..., None, batch_size=0, on_record=...)` labelled nothing and raised nothing
    (-3: a bare ValueError of islice); only the path that writes a file checked the size. Both refuse it, as
    --batch-size and --part-size are refused, before any article is read."""
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    name = next(iter(given))
    records = []
    for out in (None, str(tmp_path / "out.csv")):
        with pytest.raises(ArgumentError, match=f"{name} .*: give a whole number from 1 to"):
            jobs.label(jobs.Reading([seeds_dir]), out, on_record=records.append, **given)
    assert not records and not list(tmp_path.iterdir())


def test_segment_many_given_articles_says_it_takes_texts(seeds_dir):
    """Hunt 15 (A, 05): `segment_many(read_articles(...))` failed deep in normalize with "expected string or
    bytes-like object, got 'Article'"; it says what it takes and what to give, as predict_articles does for
    texts."""
    with pytest.raises(TypeError, match=r"texts: segment_many segments texts \(str\), not Article items: give "
                                        r"their texts, \[a\.text for a in articles if not a\.error\]"):
        dvtopics.segment_many(dvtopics.read_articles(seeds_dir))
    with pytest.raises(TypeError, match=r"the item at position 1 is None, a missing text"):  # hunt 24 D (6)
        dvtopics.segment_many(["Công tác dân vận", None])


def test_segment_many_refuses_a_chunk_size_that_is_no_count():
    """Hunt 25 D (8): segment_many's chunk_size of 0 failed with "range() arg 3 must not be zero", and -1 with a
    KeyError of a text's hash."""
    from dvtopics.errors import ArgumentError

    for size in (0, -1, 2.5, "64"):
        with pytest.raises(ArgumentError, match="chunk_size .*: give a whole number of 1 or more"):
            dvtopics.segment_many(["Công tác dân vận"], chunk_size=size)
    assert dvtopics.segment_many(["Công tác dân vận"], chunk_size=1) == ["Công_tác dân_vận"]


def test_topic_and_training_numbers_are_refused_before_any_work(seeds_dir, tmp_path, monkeypatch):
    from dvtopics import jobs

    monkeypatch.setattr(jobs.topics, "read_segmented", lambda *a, **k: pytest.fail("read before the check"))
    monkeypatch.setattr(jobs.Reading, "articles", lambda self: pytest.fail("read before the check"))
    reading = jobs.Reading([seeds_dir])
    with pytest.raises(dvtopics.DvtopicsError, match="period \\(--period\\) 'week': choose one of month, quarter, "
                                                     "year"):
        jobs.fit_topics(reading, str(tmp_path / "t"), 2, period="week")
    with pytest.raises(dvtopics.DvtopicsError, match="n_topics \\(--k\\) 1: give a whole number from 2 to 1000"):
        jobs.fit_topics(reading, str(tmp_path / "t"), 1)
    with pytest.raises(dvtopics.DvtopicsError, match="n_topics \\(--k\\) 1: give a whole number from 2 to 200"):
        jobs.report(reading, str(tmp_path / "r.html"), n_topics=1)
    with pytest.raises(dvtopics.DvtopicsError, match="folds \\(--folds\\) 1: give a whole number of 2 or more"):
        jobs.train(reading, str(tmp_path / "m"), folds=1)
    assert not list(tmp_path.iterdir())


def test_topic_numbers_are_checked_as_the_command_line_checks_them(seeds_dir, tmp_path, monkeypatch):
    """Empty lists of K or seeds gave raw ValueError and IndexError (the latter in jobs.sweep_topics after
    every article was read and segmented); TopicModel(n_topics=2.5) fitted 2 topics; jobs.report took a K of
    500, which the CLI's --k refuses, and lowered it."""
    from dvtopics import jobs
    from dvtopics.topics.sweep import sweep

    texts = ["lúa gạo nông_dân ruộng\nlúa nông_dân", "trường học_sinh giáo_viên\nhọc_sinh trường"] * 6
    params = dict(no_below=1, no_above=0.9)
    refused = {
        "ks \\(--k\\): give at least one K": lambda: sweep(texts, [], **params),
        "seeds: give at least one seed": lambda: sweep(texts, [2], seeds=[], **params),
        r"ks \(--k\): K 2.5: give a whole number from 2 to 1000": lambda: sweep(texts, [2, 2.5], **params),
        "seeds: seed -1: give a whole number from 0 to 4294967295": lambda: sweep(texts, [2], seeds=[-1], **params),
        r"n_topics \(--k\) 2.5: give a whole number of 2 or more":
            lambda: TopicModel(n_topics=2.5, **params).fit(texts),
        "random_state \\(--seed\\) 2.5: give a whole number from 0":
            lambda: TopicModel(2, random_state=2.5, **params).fit(texts),
    }
    for message, call in refused.items():
        with pytest.raises(dvtopics.DvtopicsError, match=message):
            call()
    monkeypatch.setattr(jobs.topics, "read_segmented", lambda *a, **k: pytest.fail("read before the check"))
    monkeypatch.setattr(jobs.Reading, "articles", lambda self: pytest.fail("read before the check"))
    reading = jobs.Reading([seeds_dir])
    with pytest.raises(dvtopics.DvtopicsError, match="seeds: give at least one seed"):
        jobs.sweep_topics(reading, str(tmp_path / "s"), [2], ["npmi"], [])
    with pytest.raises(dvtopics.DvtopicsError, match="ks \\(--k\\): give at least one K"):
        jobs.sweep_topics(reading, str(tmp_path / "s"), [], ["npmi"], [0])
    with pytest.raises(dvtopics.DvtopicsError, match="n_topics \\(--k\\) 500: give a whole number from 2 to 200"):
        jobs.report(reading, str(tmp_path / "r.html"), n_topics=500)
    with pytest.raises(dvtopics.DvtopicsError, match="n_topics \\(--k\\) 1001: give a whole number from 2 to 1000"):
        jobs.fit_topics(reading, str(tmp_path / "t"), 1001)
    assert not list(tmp_path.iterdir())


def test_the_command_line_takes_its_topic_bounds_from_the_arguments_module():
    from dvtopics.arguments import MAX_REPORT_TOPICS, MAX_SEED, MAX_TOPICS
    from dvtopics.cli.options import SEED
    from dvtopics.cli.report import report
    from dvtopics.cli.topics import topics

    k_of = lambda command: next(p.type for p in command.params if p.name == "n_topics")  # noqa: E731
    assert k_of(report).max == MAX_REPORT_TOPICS and k_of(topics.commands["fit"]).max == MAX_TOPICS
    assert SEED.max == MAX_SEED


# ------------------------------------------------------------ worker processes from a script

SCRIPT = """import os, dvtopics
with open("runs.log", "a") as f:
    f.write(f"{os.getpid()}\\n")
{body}
"""
WORK = 'print(len(dvtopics.segment_many(["Công tác dân vận", "Hội nghị sơ kết", "Tỉnh ủy"], n_jobs=2, chunk_size=1)))'


EDIT_ITSELF = "import pathlib; p = pathlib.Path(__file__); p.write_text('# edited\\n' * 3 + p.read_text())"
SHAPES = {  # the script's body under SCRIPT; whether it runs (False: refused, naming its line)
    "unguarded": (WORK, False),
    "guarded": (f'if __name__ == "__main__":\n    {WORK}', True),
    # the regression hunt: a guard inside a try, a guarded launcher that execs a job file, a script edited
    # while it ran were refused
    "guard inside try": (f'try:\n    if __name__ == "__main__":\n        {WORK}\nexcept KeyboardInterrupt:\n'
                         "    pass", True),
    "exec launcher": ('if __name__ == "__main__":\n    exec(compile(open("job.py").read(), "job.py", "exec"))', True),
    "edited while running": (f'if __name__ == "__main__":\n    {EDIT_ITSELF}\n    {WORK}', True),
    # the third hunt: an annotation in an unguarded script passed (compile took dvtopics' own __future__ flags)
    "unguarded, annotated": (f"{WORK}\ndef f(p: str) -> list:\n    return [p]", False),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_an_unguarded_script_is_refused_before_any_worker_starts(tmp_path, shape):
    import subprocess
    import sys

    body, runs = SHAPES[shape]
    (tmp_path / "script.py").write_text(SCRIPT.replace("{body}", body), encoding="utf-8")
    (tmp_path / "job.py").write_text(WORK, encoding="utf-8")
    run = subprocess.run([sys.executable, "script.py"], cwd=tmp_path, capture_output=True, text=True,
                         env={**__import__("os").environ, "PYTHONPATH": str(__import__("pathlib").Path(
                             dvtopics.__file__).parents[1])}, timeout=120)
    if runs:  # (its unguarded lines run in the workers too, as Python's fork server and spawn do)
        assert run.returncode == 0 and run.stdout.strip() == "3", run.stderr
    else:
        assert len((tmp_path / "runs.log").read_text().split()) == 1  # the top level ran once
        assert "DvtopicsError: " in run.stderr and 'if __name__ == "__main__":' in run.stderr
        assert "script.py:4 starts worker processes" in run.stderr


# ------------------------------------------------------------ the segmentation cache's folder and file

def test_the_cache_folder_follows_xdg_and_never_makes_a_tilde_folder(monkeypatch, tmp_path, caplog):
    from dvtopics.text import cache

    monkeypatch.delenv("DVTOPICS_CACHE")
    monkeypatch.setenv("HOME", str(tmp_path))
    for empty_or_relative in ("", "relative/cache"):
        monkeypatch.setenv("XDG_CACHE_HOME", empty_or_relative)
        assert cache.default_cache_dir() == tmp_path / ".cache" / "dvtopics"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(cache.os.path, "expanduser", lambda path: path)  # no HOME, no passwd entry
    cache._homeless_cache_dir.cache_clear()
    where = cache.default_cache_dir()
    assert where == cache.default_cache_dir() and "~" not in str(where)
    assert str(where).startswith(cache.tempfile.gettempdir())
    assert caplog.text.count("no home folder") == 1


def test_a_damaged_cache_names_the_file_to_delete(tmp_path):
    (tmp_path / "segments.sqlite").write_bytes(b"not a database" * 400)
    with pytest.raises(dvtopics.DvtopicsError, match=f"damaged .*delete {tmp_path / 'segments.sqlite'}"):
        dvtopics.segment_many(["Công tác dân vận"], cache=dvtopics.SegmentCache(tmp_path))


def test_python_m_dvtopics_with_workers_is_not_refused(tmp_path, seeds_dir):
    import os
    import subprocess
    import sys

    from pathlib import Path

    texts = tmp_path / "many.jsonl"
    texts.write_text("".join(f'{{"id": "a{n}", "text": "Công tác dân vận số {n}. Hội nghị sơ kết."}}\n'
                             for n in range(300)), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "dvtopics", "segment", str(texts), "--out", str(tmp_path / "s.jsonl"),
                          "-j", "2", "--no-cache"], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(Path(dvtopics.__file__).parents[1])})
    assert run.returncode == 0, run.stderr


def test_a_script_read_from_standard_input_is_refused_workers_in_one_error(tmp_path):
    """Hunt 20 A (09): `python - <<EOF` (or `cat script.py | python`) with n_jobs=2 ended in two tracebacks, each
    worker failing to run the script again from a file "<stdin>", then BrokenProcessPool. One clear error now."""
    import os
    import subprocess
    import sys

    from pathlib import Path

    script = ("import dvtopics\n"
              "try:\n"
              "    dvtopics.segment_many([f'Công tác dân vận số {n}. Hội nghị sơ kết.' for n in range(300)], n_jobs=2)\n"
              "except dvtopics.DvtopicsError as exc:\n"
              "    print('refused:', exc)\n")
    run = subprocess.run([sys.executable, "-"], input=script, cwd=tmp_path, capture_output=True, text=True,
                         timeout=120, env={**os.environ, "PYTHONPATH": str(Path(dvtopics.__file__).parents[1])})
    assert run.stdout.startswith("refused: <stdin>: a script read from standard input (python -)"), run.stderr
    assert "n_jobs=1" in run.stdout and "Traceback" not in run.stderr


def test_labels_by_id_given_as_label_files_are_refused_as_no_list_of_files(tmp_path, monkeypatch):
    """A notebook user gave jobs.train labels by id, {"a1": "other", ...}, as label_files: iterated, the dict gave its
    keys, and they were read as paths, "a1: no such labels file" (hunt 23 B, 5). A dict is no list of anything."""
    from dvtopics import jobs
    from dvtopics.arguments import as_list

    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a1", "text": "Xã trồng cây xanh."}) + "\n", encoding="utf-8")
    reading = jobs.Reading([tmp_path / "a.jsonl"])
    for job in (lambda: jobs.train(reading, tmp_path / "m", label_files={"a1": "other"}),
                lambda: jobs.evaluate(reading, "shipped", label_files={"a1": "other"})):
        with pytest.raises(TypeError, match=r"^label_files: a dict is not a list of items \(its keys would be read\): "
                                            r"give the paths of labels files; .* a CSV of id,label"):
            job()
    with pytest.raises(TypeError, match=r"^texts: a dict is not a list of items"):
        as_list({"a1": "Xã trồng cây xanh."}, "texts")
    assert not (tmp_path / "m").exists()
    # hunt 27 D, 12: so are they in a pandas Series, whose labels were read as paths, a bare FileNotFoundError
    # ("semi_annual_review"); and a labels file's path mistyped is an InputError that says it is no labels file
    import pandas as pd

    for job in (lambda labels: jobs.train(reading, tmp_path / "m", label_files=labels),
                lambda labels: jobs.evaluate(reading, "shipped", label_files=labels)):
        with pytest.raises(TypeError, match=r"^label_files: a Series is not a list of items \(its labels would be "
                                            r"read as paths\): give the paths of labels files"):
            job(pd.Series({"a1": "other"}))
        with pytest.raises(TypeError, match=r"^label_files: a Series is not a list of items"):
            job(pd.Series({17: "other", 3: "annual_review"}))  # ids read as numbers: labels all the same
        (tmp_path / "other").mkdir(exist_ok=True)  # a corpus kept in folders named by type
        monkeypatch.chdir(tmp_path)
        with pytest.raises(TypeError, match=r"^label_files: a Series is not a list of items"):
            job(pd.Series({"a1": "other"}))
        with pytest.raises(dvtopics.InputError, match="labels.csc: no such labels file"):
            job(tmp_path / "labels.csc")
    assert not (tmp_path / "m").exists()
    # a column of paths (numbered 0, 1, …, as a DataFrame's) is paths, as it was before (the review of hunt 27)
    from dvtopics.jobs.classify import gold_labels

    (tmp_path / "l.csv").write_text("id,label\na1,other\n", encoding="utf-8")
    assert gold_labels(pd.Series([str(tmp_path / "l.csv")])) == {"a1": "other"}
    # hunt 29 I, 9: so is a filtered DataFrame's column (rows 3, 7), refused as labels by id; and a list of paths
    (tmp_path / "m.csv").write_text("id,label\na2,annual_review\n", encoding="utf-8")
    files = pd.DataFrame({"file": [str(tmp_path / name) for name in ("x.csv", "l.csv", "y.csv", "m.csv")]})
    assert list(files["file"][1::2].index) == [1, 3]
    for given in (files["file"][1::2], list(files["file"][1::2])):
        assert gold_labels(given) == {"a1": "other", "a2": "annual_review"}


def test_a_loaded_model_given_to_a_job_for_its_folder_is_refused_saying_so(shipped, seeds_dir, tmp_path):
    """jobs.evaluate(reading, load_classifier("m")) was "expected str, bytes or os.PathLike object, not Classifier",
    and jobs.label's "unhashable type: 'Classifier'" (hunt 23 B, 14): a job takes the model's folder."""
    from dvtopics import jobs

    reading = jobs.Reading([seeds_dir])
    for job in (lambda: jobs.evaluate(reading, shipped, [seeds_dir / "labels.csv"]),
                lambda: jobs.label(reading, None, model=shipped, on_record=lambda record: None)):
        with pytest.raises(TypeError, match=r"^model: a model folder \(a path, or 'shipped'\) is wanted, not a loaded "
                                            r"Classifier: give the folder it was loaded from"):
            job()
    with pytest.raises(TypeError, match=r"^topics_dir: a model folder \(a path\) is wanted, not a loaded TopicModel"):
        jobs.report(reading, tmp_path / "r.html", topics_dir=TopicModel(n_topics=2))
    with pytest.raises(TypeError, match=r"^out: a path \(str or pathlib.Path\) is wanted, not int"):
        jobs.label(reading, 3)
    assert not (tmp_path / "r.html").exists()


def test_a_model_of_ones_own_labels_may_abstain_as_it_likes(shipped, seeds_dir):
    """The CLI offers --abstain other|uncertain; from Python any label, as before the checks were shared."""
    records = shipped.predict(list(read_articles(seeds_dir)), min_confidence=1.0, abstain="unknown")
    assert {r["label"] for r in records} == {"unknown"}


def test_a_dataframe_given_for_articles_is_refused_and_labels_are_plain_text(shipped, seeds_dir):
    """Hunt 20 A: `predict_articles(model, df)` said "str items are not articles" (iterated, a DataFrame gives its
    column names), and the labels it returned were numpy's str_, which strict serialisers refuse."""
    import pandas as pd

    frame = pd.DataFrame({"id": ["a"], "text": ["Hội nghị sơ kết công tác 6 tháng đầu năm."]})
    with pytest.raises(TypeError, match="articles: a DataFrame is not a list of items: read files"):
        predict_articles(shipped, frame)
    records = predict_articles(shipped, read_articles(seeds_dir))
    assert records and all(type(r["label"]) is str for r in records)
    assert all(type(label) is str for label in shipped.labels)


def test_a_dataframes_rows_make_articles_as_the_refusal_says(shipped):
    """Hunt 27 D, 10: `make_article(row["id"], row["text"], row) for _, row in df.iterrows()`, a notebook's way to
    make articles of a DataFrame, raised pandas' "The truth value of a Series is ambiguous": a row is a Series. It
    makes them, its empty cells (NaN) none; the refusal of a DataFrame given as articles shows that line."""
    import numpy as np
    import pandas as pd

    text = "Sáng 5/7, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm."
    frame = pd.DataFrame({"id": [1, 2], "title": ["Hội nghị sơ kết", None], "text": [text, text],
                          "date": ["2024-07-05", np.nan], "source": [np.nan, "baodaklak.vn"]})
    with pytest.raises(TypeError, match=re.escape("a DataFrame's rows, with dvtopics.read_articles "
                                                  "(list(dvtopics.read_articles(df)))")):
        predict_articles(shipped, frame)
    articles = [make_article(row["id"], row["text"], row) for _, row in frame.iterrows()]
    assert [(a.id, a.title, a.date, a.source) for a in articles] == [("1", "Hội nghị sơ kết", "2024-07-05", None),
                                                                    ("2", "", None, "baodaklak.vn")]
    assert articles == [make_article(row["id"], row["text"], row) for row in frame.to_dict("records")]
    assert len(predict_articles(shipped, articles)) == 2
    with pytest.raises(TypeError, match="a1: the fields of an article are a mapping .* not list"):
        make_article("a1", text, ["Hội nghị sơ kết"])


def test_a_rows_columns_under_a_files_names_are_read_as_read_articles_reads_that_table(tmp_path, caplog):
    """Hunt 29 L: a DataFrame with a file's Vietnamese column names ("Tiêu đề", "Ngày đăng", "Nguồn", "Sapo"),
    made into articles row by row, kept them aside unread: the body's first sentence was the title, the date and
    source were lost and the lead left out, where read_articles of the same table saved as CSV found all four."""
    import pandas as pd

    frame = pd.DataFrame({"Mã": ["x1", "x2"], "Tiêu đề": ["Hội nghị giao ban quý I", "Khám bệnh miễn phí"],
                          "Sapo": ["Sáng 5/4, Ban Dân vận Huyện ủy tổ chức giao ban.", "Bệnh viện khám cho dân."],
                          "Nội dung": ["Ban Dân vận giao ban công tác dân vận quý I năm 2024.", "Bác sĩ khám bệnh."],
                          "Ngày đăng": ["05/04/2024", "32/13/2024"], "Nguồn": ["baotuyenquang.com.vn", None]})
    frame.to_csv(tmp_path / "mine.csv", index=False)

    def seen(articles):
        return [(a.id, a.title, a.date, a.source, a.text) for a in articles]
    made = [make_article(row["Mã"], row["Nội dung"], row) for _, row in frame.iterrows()]
    assert seen(made) == seen(read_articles(tmp_path / "mine.csv"))
    assert seen(made)[0] == ("x1", "Hội nghị giao ban quý I", "2024-04-05", "baotuyenquang.com.vn",
                             "Sáng 5/4, Ban Dân vận Huyện ủy tổ chức giao ban.\nBan Dân vận giao ban công tác dân vận "
                             "quý I năm 2024.")
    assert "the 'Ngày đăng' field '32/13/2024' is not a date" in made[1].meta["warning"]  # named as the user wrote it
    # a field under the name make_article reads wins over another column of that name's (as in a file's header)
    both = make_article("a1", "Thân bài.", {"title": "Tiêu đề thật", "Tiêu đề": "Khác"})
    assert (both.title, both.meta) == ("Tiêu đề thật", {"Tiêu đề": "Khác"})
    # a CMS's "Published" column of Yes/No or True/False is a post's status, kept as the readers keep it: no date
    for status in (True, "Yes"):
        posted = make_article("a2", "Thân bài.", {"published": status})
        assert (posted.date, posted.meta) == (None, {"published": status})


def test_read_articles_reads_a_dataframes_rows_as_the_same_table_saved_as_csv(tmp_path, caplog):
    """Hunt 29 L: read_articles(df) was refused ("save it with to_csv"), and the rows made one by one (make_article)
    could not read what a column says as a whole: a date column plainly month first ('3/25/2024') had its '3/4/2024'
    read as 3 April, and a database's NULL markers were text. A DataFrame's rows are read as the same table saved as
    CSV is, an article's id its row's index label where the table has no id column."""
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame({"Mã": ["x1", "x2", "x3"], "Tiêu đề": ["Hội nghị giao ban quý I", "Khám bệnh", "Tin ba"],
                          "Sapo": ["Sáng 5/4, Ban Dân vận Huyện ủy tổ chức giao ban.", None, None],
                          "Nội dung": ["Ban Dân vận giao ban công tác dân vận quý I.", "Bác sĩ khám bệnh.", np.nan],
                          "Ngày đăng": ["3/25/2024", "3/4/2024", "NULL"],
                          "Nguồn": ["baotuyenquang.com.vn", None, "\\N"]})
    frame.to_csv(tmp_path / "mine.csv", index=False)

    def seen(articles):
        return [(a.id, a.title, a.date, a.source, a.text, a.error) for a in articles]
    assert seen(read_articles(frame)) == seen(read_articles(tmp_path / "mine.csv"))
    assert [a.date for a in read_articles(frame)] == ["2024-03-25", "2024-03-04", None]
    assert "the 'Ngày đăng' column's dates are month first" in caplog.text
    # no id column: the index's labels, which types and labels indexed as the frame is pair with
    own = pd.DataFrame({"content": ["Ban Dân vận họp.", "Lễ hội khai mạc.", np.nan, None],
                        "published_at": pd.to_datetime(["2024-01-02", None, "2024-03-04", None])},
                       index=[10, 20, 30, 40])  # (the last row empty, as read_excel keeps a sheet's: no article)
    articles = list(read_articles(own))
    assert [(a.id, a.text, a.date, bool(a.error)) for a in articles] == [
        ("10", "Ban Dân vận họp.", "2024-01-02", False), ("20", "Lễ hội khai mạc.", None, False)]
    # a row of a date alone below the last article is a note, as in the CSV; above an article, an error
    assert "1 row under the table's last article holds no text and no title" in caplog.text
    articles = list(read_articles(pd.concat([own, own.iloc[:1]])))
    assert articles[2].error == "DataFrame row 30: no 'content' field with text (it is missing)"  # as spelt
    caplog.clear()
    assert [a.id for a in read_articles(pd.DataFrame({"id": [1, 1], "text": ["Một.", "Hai."]}))] == ["1", "1"]
    assert "1 article repeats the id of an earlier article (e.g. '1')" in caplog.text
    [unread] = read_articles(own[["published_at"]])
    assert unread.error == ("DataFrame: no 'text' column (fields['text'] (--text-field)); its columns are "
                            "'published_at'")


def test_a_dataframes_row_keeps_an_id_of_its_own(tmp_path):
    """The review of hunt 29 L: a row whose id cell is empty took its index label, another row's id ("2") beside ids
    1 to 4; a row over the size limit lost its id to its index label; a row of empty strings (fillna("")) was an
    error article where the CSV passes it over; a float index label was "10.0", not "10" as types by index read it."""
    import pandas as pd

    text = "Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác dân vận."
    gappy = pd.DataFrame({"id": [1, 2, None, 4], "text": [text] * 4})
    assert [a.id for a in read_articles(gappy)] == ["1", "2", "DataFrame:4", "4"]
    long = pd.DataFrame({"id": ["x1", "x2"], "text": [text, text * 100]})
    assert [(a.id, bool(a.error)) for a in read_articles(long, max_bytes=2000, on_error="record")] == [
        ("x1", False), ("x2", True)]
    blank = pd.DataFrame({"id": ["x1", ""], "text": [text, ""]})
    assert [a.id for a in read_articles(blank, on_error="record")] == ["x1"]
    floats = pd.DataFrame({"text": [text, text]}, index=[10.0, 20.0])
    assert [a.id for a in read_articles(floats)] == ["10", "20"]


def test_a_tilde_in_a_jobs_paths_is_the_home_folder(tmp_path, monkeypatch):
    """Hunt 22 A (03): `jobs.label(reading, "~/labels.csv")` in a notebook wrote a folder named "~" in the current
    one, while the command line and `read_articles` read "~" as the home folder. Every job's outputs and side
    inputs (models, labels files) are read so."""
    from dvtopics import jobs
    from dvtopics.io.labels import read_labels

    home, here = tmp_path / "home", tmp_path / "here"
    home.mkdir(), here.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(here)
    (home / "a.txt").write_text("Hội nghị tổng kết công tác dân vận\nSáng 5/1, Ban Dân vận Huyện ủy tổ chức hội "
                                "nghị tổng kết công tác dân vận năm 2022.\n", encoding="utf-8")
    reading = jobs.Reading(["~/a.txt"], use_cache=False)
    jobs.label(reading, "~/labels.csv", model="shipped")
    jobs.segment(reading, "~/seg.jsonl")
    assert not (here / "~").exists()
    assert (home / "labels.csv").is_file() and (home / "seg.jsonl").is_file()
    assert list(read_labels("~/labels.csv")) == ["a"]


def test_a_pattern_names_the_paths_it_matches(tmp_path, monkeypatch):
    """Hunt 22 A (26): `read_articles("data/*.jsonl")` in a notebook (no shell expands it), or a pattern the shell
    left as typed in quotes, was "no such file or folder". A path that is not there but is a pattern is the paths
    it matches, sorted, in the library and the CLI alike (outputs still checked against them); one that matches
    nothing stays an error."""
    from click.testing import CliRunner

    from dvtopics.cli import cli

    for name in ("b.jsonl", "a.jsonl"):
        (tmp_path / name).write_text(json.dumps({"id": name[0], "text": "Sáng 5/1, Ban Dân vận tổ chức hội nghị."})
                                     + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [a.id for a in read_articles("*.jsonl")] == ["a", "b"]
    result = CliRunner().invoke(cli, ["inspect", "*.jsonl", "--format", "jsonl"])
    assert result.exit_code == 0 and [json.loads(line)["id"] for line in result.output.splitlines()] == ["a", "b"]
    result = CliRunner().invoke(cli, ["segment", "*.jsonl", "--out", "a.jsonl"])
    assert result.exit_code == 2 and "a.jsonl" in result.output  # an input, found in the pattern
    result = CliRunner().invoke(cli, ["inspect", "none*.csv"])
    assert result.exit_code == 2 and "none*.csv: no file matches this pattern" in result.output


def test_a_pattern_that_names_nothing_says_so_and_which_folder_is_missing(tmp_path, monkeypatch):
    """Trial 32: `label "nomatch/*.jsonl"` (or a pattern the shell left as typed, having found nothing) said "Path
    'nomatch/*.jsonl' does not exist. To write it, give it with --out: --out nomatch/*.jsonl": the articles the user
    meant to read were taken for an output. It says that no file matches the pattern and, when it is so, that its
    folder is not there; `read_articles` says the same."""
    from click.testing import CliRunner

    from dvtopics.cli import cli

    (tmp_path / "arts").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["label", "nomatch/*.jsonl"])
    assert result.exit_code == 2 and "--out" not in result.output.splitlines()[-1], result.output
    assert "nomatch/*.jsonl: no file matches this pattern: there is no folder nomatch" in result.output
    result = CliRunner().invoke(cli, ["label", "arts/*.jsonl"])
    assert result.exit_code == 2 and "arts/*.jsonl: no file matches this pattern in arts" in result.output
    with pytest.raises(dvtopics.InputError, match=re.escape("arts/*.csv: no file matches this pattern in arts")):
        list(read_articles("arts/*.csv"))


def test_a_pattern_through_folders_does_not_follow_links_that_loop(tmp_path):
    """Trial 32: `inspect "news/**/*.jsonl"` (the pattern dvtopics itself suggests for a folder's JSON lines) never
    began in a folder holding a link to "." beside one to "..": glob's "**" followed links to folders, some 2^40
    paths. It goes through folders as a folder's walk does, never into a link to one."""
    import subprocess
    import sys

    news = tmp_path / "news"
    (news / "2026").mkdir(parents=True)
    (news / "2026" / "a.jsonl").write_text(json.dumps({"id": "a", "text": "Ban Dân vận tổ chức hội nghị."}) + "\n",
                                           encoding="utf-8")
    os.symlink(".", news / "here")
    os.symlink("..", news / "2026" / "up")
    shown = subprocess.run([sys.executable, "-m", "dvtopics", "inspect", str(news / "**" / "*.jsonl"), "--format",
                            "jsonl"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and [json.loads(line)["id"] for line in shown.stdout.splitlines()] == ["a"], \
        shown.stderr


def test_none_for_an_optional_argument_of_a_job_is_its_default(tmp_path):
    """`jobs.evaluate(reading, model, None)` (no labels file, as a notebook writes it) raised "label_files: a list
    (or any iterable) is wanted, not NoneType"; `train(on_data=None)` a raw "'NoneType' object is not callable"
    after reading; `report(max_rows_per_type=None)` a raw comparison error after the labelling. (abstain=None
    stays refused, `test_predict_and_label_refuse_what_the_cli_refuses`: it may mean "do not abstain".)"""
    import json
    from articles import made_up_articles
    from dvtopics import jobs

    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps({"id": a.id, "text": a.text, "label": a.label}, ensure_ascii=False) + "\n"
                            for a in made_up_articles(4)), encoding="utf-8")
    reading = jobs.Reading([data], fields=None, max_bytes=None, n_jobs=None, use_cache=None)
    assert (reading.max_bytes, reading.n_jobs, reading.use_cache) == (jobs.Reading([data]).max_bytes, 1, True)
    trained = jobs.train(reading, tmp_path / "m", None, ["logreg"], None, folds=None, seed=None, on_data=None,
                         description=None)
    assert trained.card["classifier"] == "logreg" and trained.card["parameters"]["seed"] == 0
    scored = jobs.evaluate(reading, str(tmp_path / "m"), None, None, None)
    assert scored.scores["n"] == 20
    counts = jobs.label(reading, str(tmp_path / "l.csv"), str(tmp_path / "m"), min_confidence=None,
                        batch_size=None, engine=None, part_size=None)
    assert sum(counts.values()) == 20
    written = jobs.report(reading, str(tmp_path / "r.html"), None, str(tmp_path / "m"), fit_topics=False,
                          max_rows_per_type=None, title=None)
    assert "<title>dvtopics report" in written.path.read_text(encoding="utf-8")


@pytest.mark.parametrize("rows", [-1, 0, 2.5, "3"])
def test_a_reports_rows_per_type_are_checked_as_the_option_is_before_any_work(seeds_dir, tmp_path, monkeypatch, rows):
    """jobs.report(max_rows_per_type=-1) wrote a page that left out each type's last article and said "-1 of 8";
    0 listed none; 2.5 or "3" stopped the job with a raw TypeError after every article was labelled."""
    from dvtopics import jobs

    monkeypatch.setattr(jobs.Reading, "articles", lambda self: pytest.fail("read before the check"))
    with pytest.raises(dvtopics.DvtopicsError, match="max_rows_per_type .*: give a whole number from 1 to 10000000"):
        jobs.report(jobs.Reading([seeds_dir]), str(tmp_path / "r.html"), max_rows_per_type=rows)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("params, said", [
    ({"no_below": 2.5}, r"no_below \(--no-below\) 2.5: give a whole number from 1 to 10000000, or 'auto'"),
    ({"no_below": "3"}, r"no_below \(--no-below\) '3': give a whole number"),
    ({"no_below": 0}, r"no_below \(--no-below\) 0: give a whole number"),
    ({"no_above": "0.5"}, r"no_above must be a share above 0 and at most 1, not '0.5'"),
    ({"keep_n": 2.5}, r"keep_n 2.5: give a whole number of 1 or more"),
    ({"max_iter": 0}, r"max_iter \(--max-iter\) 0: give a whole number from 1 to 100000"),
    ({"phrases": "no"}, r"phrases must be True or False, not 'no'"),
    ({"eta": -1}, r"eta must be a number above 0 or None, not -1"),
    ({"alpha": "auto", "engine": "nmf"}, r"alpha must be a number above 0 or None \(or \"auto\" with the gensim"),
])
def test_topic_model_parameters_of_the_wrong_kind_are_refused_before_the_fit(params, said):
    """no_below=2.5 kept the words of 2 units and "3" was read as 3, max_iter=0 ran the engine's default,
    phrases="no" joined phrases, eta=-1 gave topics negative word probabilities, and a str no_above or a float
    keep_n stopped the fit with a raw TypeError."""
    texts = ["lúa gạo nông_dân ruộng\nlúa nông_dân", "trường học_sinh giáo_viên\nhọc_sinh trường"] * 6
    with pytest.raises(dvtopics.DvtopicsError, match=said):
        TopicModel(n_topics=2, **params).fit(texts)


def test_topic_model_parameters_the_engines_take_still_fit():
    texts = ["lúa gạo nông_dân ruộng\nlúa nông_dân", "trường học_sinh giáo_viên\nhọc_sinh trường"] * 6
    for params in ({"no_below": 2, "alpha": "auto", "eta": 0.05}, {"engine": "nmf", "no_below": "auto", "keep_n": None},
                   {"phrases": True, "phrase_min_count": 2, "phrase_threshold": -0.5, "max_iter": 3}):
        model = TopicModel(n_topics=2, no_above=0.9, **params).fit(texts)
        assert (model.topic_word_ >= 0).all()


@pytest.mark.parametrize("params, said", [({"engine": "NMF"}, "engine must be one of"),
                                          ({"no_below": 2.5}, "no_below \\(--no-below\\) 2.5: give a whole number"),
                                          ({"no_bellow": 3}, "unexpected keyword argument 'no_bellow'")])
def test_a_fit_or_sweeps_model_parameters_are_checked_before_any_article_is_read(seeds_dir, tmp_path, monkeypatch,
                                                                                 params, said):
    """jobs.fit_topics(reading, out, 5, engine="NMF") read and segmented all 49,519 articles of a corpus (88 s)
    before saying the engine was misspelt; a sweep likewise."""
    from dvtopics import jobs

    monkeypatch.setattr(jobs.topics, "read_segmented", lambda *a, **k: pytest.fail("read before the check"))
    monkeypatch.setattr(jobs.Reading, "articles", lambda self: pytest.fail("read before the check"))
    reading = jobs.Reading([seeds_dir])
    with pytest.raises((dvtopics.DvtopicsError, TypeError), match=said):
        jobs.fit_topics(reading, str(tmp_path / "t"), 3, **params)
    with pytest.raises((dvtopics.DvtopicsError, TypeError), match=said):
        jobs.sweep_topics(reading, str(tmp_path / "s"), [2, 3], ["npmi"], [0], **params)
    assert not list(tmp_path.iterdir())


def test_a_jobs_model_parameter_given_as_none_is_its_default(seeds_dir, tmp_path):
    """Hunt 38 H (5): jobs.fit_topics(…, random_state=None) fitted unseeded (the card said None, and two runs gave
    other topics), engine=None was refused as no engine: docs/python.md says None is the default for the jobs."""
    from dvtopics import jobs

    reading = jobs.Reading([seeds_dir])
    nones = {name: None for name in ("engine", "unit", "no_below", "no_above", "random_state", "extra_stopwords")}
    given = jobs.fit_topics(reading, str(tmp_path / "none"), 2, **nones)
    default = jobs.fit_topics(reading, str(tmp_path / "default"), 2)
    assert given.card["parameters"]["random_state"] == default.card["parameters"]["random_state"] == 0
    assert [t["label"] for t in given.topics] == [t["label"] for t in default.topics]
    rows, _ = jobs.sweep_topics(reading, str(tmp_path / "sweep"), [2], ["diversity"], [0], engine=None)
    assert [row["k"] for row in rows] == [2]


def test_a_missing_tomotopy_is_said_before_any_article_is_read(seeds_dir, tmp_path, monkeypatch):
    import builtins
    from dvtopics import jobs

    real_import = builtins.__import__
    monkeypatch.setattr(builtins, "__import__", lambda name, *a, **k: (_ for _ in ()).throw(ImportError(name))
                        if name == "tomotopy" else real_import(name, *a, **k))
    monkeypatch.setattr(jobs.Reading, "articles", lambda self: pytest.fail("read before the check"))
    with pytest.raises(dvtopics.DvtopicsError, match=r"tomotopy is not installed; install it with: pip install"):
        jobs.fit_topics(jobs.Reading([seeds_dir]), str(tmp_path / "t"), 3, engine="tomotopy")


@pytest.mark.parametrize("weak_other", [-1, 2.5, "2000", True])
def test_weak_other_is_checked_as_the_option_is(tmp_path, monkeypatch, weak_other):
    """jobs.train(weak_other="2000") read every article, then stopped with a raw "'<' not supported between 'int'
    and 'str'"; -1 sampled no weak `other` and 2.5 three, in silence (--weak-other takes a whole number)."""
    from articles import made_up_articles
    from dvtopics import jobs
    from dvtopics.types import training

    with pytest.raises(dvtopics.DvtopicsError, match="weak_other .*: give a whole number of 0 or more"):
        training.collect(made_up_articles(2), weak_other=weak_other)
    monkeypatch.setattr(jobs.Reading, "articles", lambda self: pytest.fail("read before the check"))
    with pytest.raises(dvtopics.DvtopicsError, match="weak_other .*: give a whole number of 0 or more"):
        jobs.train(jobs.Reading([tmp_path]), str(tmp_path / "m"), weak_other=weak_other)


def test_training_max_features_0_is_every_term_as_the_option_says():
    """training.train(max_features=0), as --max-features 0 means it ("all terms"), stopped the training with
    scikit-learn's InvalidParameterError after the segmenting."""
    from articles import made_up_articles
    from dvtopics.types import training

    _, card = training.train(training.collect(made_up_articles(3)), classifiers=["logreg"], n_folds=3,
                             max_features=0)
    assert card["parameters"]["max_features"] is None


def test_none_for_an_optional_argument_of_the_notebooks_functions_is_its_default(shipped, seeds_dir):
    """As in the jobs: `sweep(texts, ks, seeds=None)` raised "seeds: a list is wanted, not NoneType",
    `read_articles(path, None, None)` and `predict(articles, min_confidence=None)` refused the None."""
    from dvtopics.topics.sweep import sweep

    articles = list(read_articles(seeds_dir, None, None, None))
    assert len(articles) == 5
    assert [r["label"] for r in shipped.predict(articles, min_confidence=None, n_jobs=None)] == \
           [r["label"] for r in shipped.predict(articles)]
    assert dvtopics.segment_many(["Công tác dân vận"], None) == dvtopics.segment_many(["Công tác dân vận"])
    texts = ["lúa gạo nông_dân ruộng\nlúa nông_dân", "trường học_sinh giáo_viên\nhọc_sinh trường"] * 6
    rows, _ = sweep(texts, [2], measures=None, seeds=None, no_below=1, no_above=0.9)
    assert rows[0]["seeds"] == 1 and "npmi" in rows[0]
    model = TopicModel(n_topics=2, no_below=1, no_above=0.9).fit(texts)
    articles = [make_article(str(i), "x") for i in range(len(texts))]
    assert summarize(model, articles, model.transform(texts), period=None, n_words=None).labels


def test_evaluate_draws_the_confusion_matrix_it_is_given_a_plot_for(tmp_path):
    """jobs.evaluate(reading, model, plot="cm.png") checked the name and wrote nothing: only the command line drew
    the figure, so a notebook user asking for it got no file and no word."""
    import json
    from articles import made_up_articles
    from dvtopics import jobs

    data = tmp_path / "a.jsonl"
    data.write_text("".join(json.dumps({"id": a.id, "text": a.text, "label": a.label}, ensure_ascii=False) + "\n"
                            for a in made_up_articles(3)), encoding="utf-8")
    reading = jobs.Reading([data])
    jobs.train(reading, tmp_path / "m", classifiers=["logreg"], folds=3)
    jobs.evaluate(reading, str(tmp_path / "m"), plot=tmp_path / "cm.png")
    assert (tmp_path / "cm.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_resume_and_part_size_without_the_dask_engine_are_refused_as_their_options_are(seeds_dir, tmp_path):
    """jobs.assign_topics(..., resume=True) with the local engine rewrote the whole table in silence, and
    `part_size=500` was ignored by both jobs, where `topics assign --resume` and `--part-size` without
    `--engine dask` are refused."""
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    reading = jobs.Reading([seeds_dir])
    with pytest.raises(ArgumentError, match="resume finishes an interrupted engine=\"dask\" run"):
        jobs.assign_topics(reading, str(tmp_path / "t"), str(tmp_path / "a.csv"), resume=True)
    for job in (lambda: jobs.label(reading, str(tmp_path / "l.csv"), part_size=500),
                lambda: jobs.assign_topics(reading, str(tmp_path / "t"), str(tmp_path / "a.csv"), part_size=500)):
        with pytest.raises(ArgumentError, match="part_size 500 cuts the input into a Dask run's parts"):
            job()
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("given, said", [
    ({"topics_dir": "themes", "n_topics": 7}, "n_topics \\(--k\\) is the number of themes the report fits: "
                                              "topics_dir has"),
    ({"fit_topics": False, "n_topics": 7}, "n_topics \\(--k\\) is the number of themes the report fits: "
                                           "fit_topics=False"),
    ({"fit_topics": False, "topics_dir": "themes"}, "fit_topics=False leaves the themes out, topics_dir puts"),
])
def test_a_reports_topic_arguments_it_would_ignore_are_refused(seeds_dir, tmp_path, monkeypatch, given, said):
    """jobs.report(reading, out, topics_dir=D, n_topics=7) wrote D's topics and dropped the 7 in silence (so did
    fit_topics=False with n_topics), where the command line refuses --k beside --topics or --no-topics."""
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    monkeypatch.setattr(jobs.Reading, "articles", lambda self: pytest.fail("read before the check"))
    with pytest.raises(ArgumentError, match=said):
        jobs.report(jobs.Reading([seeds_dir]), str(tmp_path / "r.html"), **given)
    with pytest.raises(ArgumentError, match=said):
        jobs.report_data(jobs.Reading([seeds_dir]), **given)


def test_a_silent_min_confidence_the_labels_cannot_use_is_refused():
    """train --silent-min-confidence 0.9 on a label set of one's own ("Giáo dục", "Y tế") was dropped in silence (the
    card said 0.0); on article types without `other` the card said 0.9, and it was never applied."""
    from articles import made_up_articles
    from dvtopics.types import training

    articles = [a for a in made_up_articles(3) if a.label != "other"]
    with pytest.raises(dvtopics.DvtopicsError, match="these labels have no `other`: leave it out"):
        training.train(training.collect(articles), classifiers=["logreg"], n_folds=3, silent_min_confidence=0.9)
    for a in articles:
        a.label = "Giáo dục" if a.label == "annual_review" else "Y tế"
    with pytest.raises(dvtopics.DvtopicsError, match="these labels are not the article types"):
        training.train(training.collect(articles), classifiers=["logreg"], n_folds=3, silent_min_confidence=0.9)
    _, card = training.train(training.collect(articles), classifiers=["logreg"], n_folds=3, silent_min_confidence=0)
    assert card["parameters"]["silent_min_confidence"] == 0


def test_summarize_given_dicts_says_it_takes_articles():
    """summarize(model, [{"id": ..., "title": ...}], mixes) raised a raw "'dict' object has no attribute 'id'"."""
    texts = ["lúa gạo nông_dân ruộng\nlúa nông_dân", "trường học_sinh giáo_viên\nhọc_sinh trường"] * 6
    model = TopicModel(n_topics=2, no_below=1, no_above=0.9).fit(texts)
    with pytest.raises(TypeError, match=r"articles: dict items are not articles \(they need id, title, date, label\)"):
        summarize(model, [{"id": str(i), "title": "t"} for i in range(len(texts))], model.transform(texts))


def test_train_says_no_id_of_the_labels_file_is_an_article_and_names_a_zero_padded_one(tmp_path):
    """train with a labels file whose ids are "001", "002" (a spreadsheet's padded ids) for articles 1, 2 said only
    "no labelled article found: check --labels (ids must match)", where evaluate said none of its ids is an
    article's; both now say so, and name the id that differs by its leading zeros."""
    import json
    from articles import made_up_articles
    from dvtopics import jobs

    articles = made_up_articles(2)
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": str(i + 1), "text": a.text}, ensure_ascii=False)
                                              + "\n" for i, a in enumerate(articles)), encoding="utf-8")
    (tmp_path / "labels.csv").write_text("id,label\n" + "".join(f"{i + 1:03d},{a.label}\n"
                                                                 for i, a in enumerate(articles)), encoding="utf-8")
    reading = jobs.Reading([tmp_path / "a.jsonl"])
    for job in (lambda: jobs.train(reading, tmp_path / "m", [tmp_path / "labels.csv"]),
                lambda: jobs.fit_topics(reading, tmp_path / "t", 2, tmp_path / "labels.csv")):
        with pytest.raises(jobs.NoLabelledArticles, match=r"none of the 10 ids in label(_files|s_file) \(--labels\) is "
                                                          "an article of the input: its '001' is the article '1' but "
                                                          "for leading zeros"):
            job()


def test_ids_that_lost_their_leading_zeros_say_how_to_keep_them(tmp_path):
    """Labels whose ids a spreadsheet made numbers ("000" typed, 0 kept) were refused rightly, "its '0' is the article
    '000' but for leading zeros", but the user was not told how to keep the zeros: the message says it."""
    import json
    from articles import made_up_articles
    from dvtopics import jobs

    articles = made_up_articles(2)
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": f"{i:03d}", "text": a.text}, ensure_ascii=False)
                                              + "\n" for i, a in enumerate(articles)), encoding="utf-8")
    (tmp_path / "labels.csv").write_text("id,label\n" + "".join(f"{i},{a.label}\n" for i, a in enumerate(articles)),
                                         encoding="utf-8")
    with pytest.raises(jobs.NoLabelledArticles, match=r"its '0' is the article '000' but for leading zeros \(.*format "
                                                      r"the id column as Text before typing or pasting.*save .*CSV"):
        jobs.train(jobs.Reading([tmp_path / "a.jsonl"]), tmp_path / "m", [tmp_path / "labels.csv"])


def test_labels_made_for_a_folder_above_the_one_given_name_the_difference(seeds_dir, tmp_path):
    """Labels made for `label tree/` (ids 2017/03/name) given with tree/2017 (ids 03/name) labelled nothing, and the
    error said only to check that the labels file is this input's (hunt 23 B, 7): it names the id and its folders."""
    import shutil
    from dvtopics import jobs

    (tmp_path / "tree" / "2017" / "03").mkdir(parents=True)
    shutil.copy(seeds_dir / "000_4277f1d749d09db2.txt", tmp_path / "tree" / "2017" / "03")
    (tmp_path / "labels.csv").write_text("id,label\n2017/03/000_4277f1d749d09db2,semi_annual_review\n", encoding="utf-8")
    with pytest.raises(jobs.NoLabelledArticles, match=r"its '2017/03/000_4277f1d749d09db2' is the article "
                                                      r"'03/000_4277f1d749d09db2' but for its folders"):
        jobs.evaluate(jobs.Reading([tmp_path / "tree" / "2017"]), "shipped", [tmp_path / "labels.csv"])


def test_ids_excel_wrote_in_scientific_notation_are_named_as_such(tmp_path, caplog):
    """Excel saves a long numeric id into a CSV as it shows it, "2.14702E+11": two such ids were "two labels: keep
    one", and one labelled nothing with no word of why (hunt 23 B, 19)."""
    import json
    import logging
    from dvtopics import jobs

    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": id_, "text": text}, ensure_ascii=False) + "\n" for id_, text in
                                              (("214702010001", "Hội nghị tổng kết công tác năm 2023."),
                                               ("a3", "Hội nghị sơ kết công tác 6 tháng đầu năm 2024."))),
                                      encoding="utf-8")
    reading = jobs.Reading([tmp_path / "a.jsonl"])
    (tmp_path / "two.csv").write_text("id,label\n2.14702E+11,annual_review\n2.14702E+11,other\n", encoding="utf-8")
    with pytest.raises(dvtopics.InputError, match=r"has two labels, 'annual_review' and 'other': it is an id Excel "
                                                  r"wrote in scientific notation"):
        jobs.evaluate(reading, "shipped", [tmp_path / "two.csv"])
    (tmp_path / "one.csv").write_text("id,label\n2.14702E+11,annual_review\na3,semi_annual_review\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        jobs.evaluate(reading, "shipped", [tmp_path / "one.csv"])
    assert "1 of the 2 labelled ids in label_files (--labels) is not an article of the input: left out: " \
           "'2.14702E+11' is an id " \
           "Excel wrote in scientific notation" in caplog.text


def test_a_labels_file_of_file_names_under_id_is_named_as_such(seeds_dir, tmp_path):
    """A labels CSV whose column headed `id` holds the seeds' file names ("000_….txt") labelled none of them, and the
    error did not say why: it names the id and the column heading that reads file names."""
    from dvtopics import jobs

    labels = (seeds_dir / "labels.csv").read_text(encoding="utf-8").replace("file,", "id,", 1)
    (tmp_path / "labels.csv").write_text(labels, encoding="utf-8")
    with pytest.raises(jobs.NoLabelledArticles, match=r"its '000_4277f1d749d09db2\.txt' is the article "
                                                      r"'000_4277f1d749d09db2' without \.txt \(head the column `file`"):
        jobs.evaluate(jobs.Reading([seeds_dir]), "shipped", [tmp_path / "labels.csv"])


def test_a_labels_csv_of_ids_written_as_floats_is_named_as_such(tmp_path):
    """pandas writes an id column with a gap as floats: a labels CSV of "1.0", "2.0" for the articles 1, 2 labelled
    none of them, and the error did not say why."""
    import json
    from articles import made_up_articles
    from dvtopics import jobs

    articles = made_up_articles(2)
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": i + 1, "text": a.text}, ensure_ascii=False) + "\n"
                                              for i, a in enumerate(articles)), encoding="utf-8")
    (tmp_path / "labels.csv").write_text("id,label\n" + "".join(f"{i + 1}.0,{a.label}\n" for i, a in enumerate(articles)),
                                         encoding="utf-8")
    with pytest.raises(jobs.NoLabelledArticles, match=r"its '1\.0' is the article '1' but for its \.0 \(a whole number "
                                                      r"saved as a float"):
        jobs.train(jobs.Reading([tmp_path / "a.jsonl"]), tmp_path / "m", [tmp_path / "labels.csv"])


def test_labelled_articles_given_only_as_extra_are_named_when_no_hand_label_is_found(tmp_path):
    """Hunt 24 B: `train my-folder/ --extra my-30-labels.xlsx` (labelled articles only as --extra) said "no labelled
    article found", as if the 30 had not been given: --extra is learnt from, never scored, and the cross-validation
    needs hand labels among the inputs. The message says so."""
    import json
    from articles import made_up_articles
    from dvtopics import jobs

    data = tmp_path / "a.jsonl"
    data.write_text("".join(json.dumps({"id": a.id, "text": a.text}, ensure_ascii=False) + "\n"
                            for a in made_up_articles(2)), encoding="utf-8")
    extra = tmp_path / "extra.jsonl"
    extra.write_text("".join(json.dumps({"id": f"x{i}", "text": a.text + " Tin thêm.", "label": a.label},
                                        ensure_ascii=False) + "\n" for i, a in enumerate(made_up_articles(1))),
                     encoding="utf-8")
    with pytest.raises(dvtopics.DvtopicsError, match=r"the 5 labelled extra_paths \(--extra\) article\(s\) are learnt "
                                                     r"from but never "
                                                     r"scored.*give a labelled file among the inputs"):
        jobs.train(jobs.Reading([data]), tmp_path / "m", extra_paths=[extra])


def test_an_extra_article_without_a_label_names_its_file_field_and_fields(tmp_path):
    """train --extra corrections.csv whose label column is headed "Loại" said "extra article c1 has no label: give
    each one a label field", naming neither the file nor the field looked for, nor the fields it has. (Trial 34:
    worded by `no_label_in`, as train words inputs without a label, where it built its own list of the fields.)"""
    from dvtopics import jobs

    data = _two_labelled(tmp_path)
    (tmp_path / "extra.csv").write_text("id,text,Loại\nc1,Xã trồng cây xanh. Người dân tham gia dọn đường làng.,other\n",
                                        encoding="utf-8")
    with pytest.raises(dvtopics.InputError, match=r"^extra_paths \(--extra\) .*extra\.csv: no article has a label in "
                                                  r"its 'label' field \(give the column with fields\['label'\] "
                                                  r"\(--label-field\); the first article's other fields are 'Loại'\): "
                                                  r"each extra_paths \(--extra\) article needs one$"):
        jobs.train(jobs.Reading([data]), tmp_path / "m", extra_paths=[tmp_path / "extra.csv"])


def test_an_extra_file_of_texts_with_a_blank_label_is_not_called_a_labels_file(tmp_path):
    """--extra corrections.csv (id, text, label) with one label left blank was refused with "...has no label...; it
    holds ids and labels, not the articles' text: give it as --labels": it holds texts, and given as --labels, its
    articles would be no input's (hunt 23 B, 3)."""
    from dvtopics import jobs

    data = _two_labelled(tmp_path)
    (tmp_path / "extra.csv").write_text("id,text,label\nc1,Huyện đoàn sơ kết công tác 6 tháng đầu năm.,semi_annual_review\n"
                                        "c2,Xã trồng cây xanh. Người dân tham gia dọn đường làng.,\n", encoding="utf-8")
    with pytest.raises(dvtopics.InputError,
                       match=r"^extra_paths \(--extra\) .*extra\.csv: the article c2 has no label \(its label cell is "
                             r"blank, where 1 other article has one\): each extra_paths \(--extra\) article needs "
                             r"one: label it, or leave it "
                             r"out of the file$"):
        jobs.train(jobs.Reading([data]), tmp_path / "m", extra_paths=[tmp_path / "extra.csv"])


def test_an_extra_article_with_a_blank_label_cell_is_not_told_to_name_the_field(tmp_path):
    """Hunt 24 B: corrections in a sheet whose label column is `Nhãn` (read as the label), one cell left blank: "the
    article … has no label: each --extra article needs one, in its 'label' field (--label-field names it); its other
    fields are 'STT'", as if the column were not found. Its cell is blank, and the message says so."""
    from dvtopics import jobs

    data = _two_labelled(tmp_path)
    (tmp_path / "extra.csv").write_text("STT,Nội dung,Nhãn\n"
                                        "1,Huyện đoàn sơ kết công tác 6 tháng đầu năm.,semi_annual_review\n"
                                        "2,Hội Nông dân tổng kết công tác năm 2022.,annual_review\n"
                                        "3,Xã trồng cây xanh. Người dân tham gia dọn đường làng.,\n", encoding="utf-8")
    with pytest.raises(dvtopics.InputError, match=r"extra\.csv:4 has no label \(its label cell is blank, where 2 "
                                                  r"other articles have one\)") as raised:
        jobs.train(jobs.Reading([data]), tmp_path / "m", extra_paths=[tmp_path / "extra.csv"])
    assert "--label-field" not in str(raised.value) and "STT" not in str(raised.value)


def test_extra_articles_left_blank_from_the_first_row_are_counted_not_blamed_on_the_field(tmp_path):
    """Hunt 28 H: corrections half labelled, the first row among the blanks: "the article c1 has no label: each --extra
    article needs one, in its 'label' field (--label-field names it)", as if the column were not found, and each run
    named one blank more. Now how many, the first, and that the others have a label."""
    from dvtopics import jobs

    data = _two_labelled(tmp_path)
    (tmp_path / "extra.csv").write_text("id,text,label\nc1,Hội Nông dân xã đánh giá hoạt động năm 2023.,\n"
                                        "c2,Huyện đoàn sơ kết công tác 6 tháng đầu năm.,semi_annual_review\n"
                                        "c3,Xã trồng cây xanh. Người dân tham gia dọn đường làng.,\n", encoding="utf-8")
    with pytest.raises(dvtopics.InputError,
                       match=r"^extra_paths \(--extra\) .*extra\.csv: 2 articles have no label \(their label cells "
                             r"are blank, the first c1, where 1 other article has one\): each extra_paths \(--extra\) "
                             r"article needs one: label them, "
                             r"or leave them out of the file$"):
        jobs.train(jobs.Reading([data]), tmp_path / "m", extra_paths=[tmp_path / "extra.csv"])
    # a `path` column beside (the review of hunt 28): not "a .txt article", which a table's fields looked like
    (tmp_path / "extra.csv").write_text("id,text,label,path\nc1,Hội Nông dân xã đánh giá hoạt động năm 2023.,,a.pdf\n"
                                        "c2,Huyện đoàn sơ kết công tác 6 tháng đầu năm.,semi_annual_review,b.pdf\n"
                                        "c3,Xã trồng cây xanh.,,c.pdf\n", encoding="utf-8")
    with pytest.raises(dvtopics.InputError,
                       match=r"extra\.csv: 2 articles have no label \(their label cells are blank"):
        jobs.train(jobs.Reading([data]), tmp_path / "m", extra_paths=[tmp_path / "extra.csv"])


def test_an_extra_file_whose_text_has_another_name_is_not_called_a_labels_file(tmp_path):
    """--extra corrections.csv of id, article_body, label (its text under a name no option gives) was told "it holds ids
    and labels, not the articles' text: give it as --labels" (hunt 23 B, 15); a file of the columns `label --out` writes still is."""
    from dvtopics import jobs

    data = _two_labelled(tmp_path)
    (tmp_path / "extra.csv").write_text("id,article_body,label\nc1,Xã trồng cây xanh.,other\n", encoding="utf-8")
    with pytest.raises(dvtopics.InputError, match=r"its columns are 'id', 'article_body', 'label'\)$"):
        jobs.train(jobs.Reading([data]), tmp_path / "m", extra_paths=[tmp_path / "extra.csv"])
    (tmp_path / "labels.csv").write_text("id,label,confidence,cues,title\nc1,other,0.9,,Xã trồng cây xanh\n",
                                         encoding="utf-8")
    with pytest.raises(dvtopics.InputError, match=r"it holds ids and labels, not articles: a labels file, given to "
                                                   r"train, evaluate, report or topics as label_files or labels_file "
                                                   r"\(--labels\), with the articles it labels among the inputs\)$"):
        # (said once: 29 I, 5)
        jobs.train(jobs.Reading([data]), tmp_path / "m", extra_paths=[tmp_path / "labels.csv"])


def test_extra_articles_labelled_in_a_labels_file_are_told_where_those_labels_apply(tmp_path):
    """--extra mine.jsonl (no label field) beside --labels mine-labels.csv of its ids was refused saying only that each
    --extra article needs a label in its own field (hunt 23 B, 16): --labels labels the inputs, and the line says so."""
    import json
    from dvtopics import jobs

    data = _two_labelled(tmp_path)
    (tmp_path / "mine.jsonl").write_text(json.dumps({"id": "p1", "text": "Xã trồng cây xanh."}) + "\n", encoding="utf-8")
    (tmp_path / "mine-labels.csv").write_text("id,label\np1,other\n", encoding="utf-8")
    with pytest.raises(dvtopics.InputError, match=r"no article has a label in .*; label_files \(--labels\) labels "
                                                  r"the inputs' articles, not extra_paths \(--extra\)'s \(p1 among "
                                                  r"them\): give "
                                                  r".*mine\.jsonl among the inputs"):
        jobs.train(jobs.Reading([data]), tmp_path / "m", [tmp_path / "mine-labels.csv"],
                   extra_paths=[tmp_path / "mine.jsonl"])


def test_train_names_the_label_field_it_read_and_blames_txt_files_only_for_txt_files(tmp_path):
    """Trial 32: `train mine.jsonl --label-field nhãn` (the labels were under `label`) said "no article has a label in
    its label field …, and a .txt file has none": it named no field, and blamed .txt files that were never given.
    It names the field looked in, as evaluate does; the .txt files' own message is for .txt files."""
    from dvtopics import jobs

    data = tmp_path / "mine.jsonl"
    labelled = [("Ban Dân vận tổ chức giao ban quý I.", "quarterly_briefing"), ("Nông dân thu hoạch lúa.", "other")]
    data.write_text("".join(json.dumps({"id": f"m{i}", "text": text, "label": label}, ensure_ascii=False) + "\n"
                            for i, (text, label) in enumerate(labelled)), encoding="utf-8")
    said = r"^no labelled article found: no article has a label in its 'nhãn' field \(give the column with fields\["
    with pytest.raises(dvtopics.DvtopicsError, match=said):
        jobs.train(jobs.Reading([data], fields=dvtopics.FieldNames(label="nhãn")), tmp_path / "m")
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "a.txt").write_text("Giao ban quý I\nBan Dân vận tổ chức giao ban quý I.", encoding="utf-8")
    with pytest.raises(dvtopics.DvtopicsError, match=r"^no labelled article found: an article's file \(.txt, .docx, "
                                                     r"\.odt\) holds no label"):
        jobs.train(jobs.Reading([tmp_path / "arts"]), tmp_path / "m")


def test_a_labels_file_among_the_inputs_is_named_when_no_article_has_a_label(tmp_path):
    """`evaluate shipped a.jsonl labels.csv` (--labels forgotten) said only "no labelled article found in the input"
    (hunt 23 B, 18): it names the labels file among the inputs and says to give it as --labels; train too."""
    from articles import made_up_articles, write_unlabelled_and_labels
    from dvtopics import jobs

    data, labels = write_unlabelled_and_labels(tmp_path, made_up_articles(2))
    reading = jobs.Reading([data, labels])
    said = r"labels\.csv holds ids and labels, not the articles' text: give it as label_files \(--labels\)"
    with pytest.raises(jobs.NoLabelledArticles, match=r"^no labelled article found in the input: .*" + said):
        jobs.evaluate(reading, "shipped")
    with pytest.raises(dvtopics.DvtopicsError, match=r"^no labelled article found: .*" + said):
        jobs.train(reading, tmp_path / "m")


def test_a_jobs_output_in_a_model_folder_it_reads_is_refused_as_the_commands_is(seeds_dir, tmp_path):
    """jobs.assign_topics(reading, "themes", "themes/documents.csv") replaced the fit's own table with the new
    articles' (and topics_page, label, report and evaluate's plot wrote into the model folders they read), where the
    command line refuses any file in a model folder it reads."""
    from dvtopics import jobs

    reading = jobs.Reading([seeds_dir])
    jobs.fit_topics(reading, tmp_path / "themes", 2, unit="paragraph")
    table = (tmp_path / "themes" / "documents.csv").read_bytes()
    said = "a file in the model folder .*themes, which this command reads; write it elsewhere"
    for job in (lambda: jobs.assign_topics(reading, str(tmp_path / "themes"), tmp_path / "themes" / "documents.csv"),
                lambda: jobs.topics_page(str(tmp_path / "themes"), tmp_path / "themes" / "view.html"),
                lambda: jobs.report(reading, tmp_path / "themes" / "r.html", topics_dir=str(tmp_path / "themes"))):
        with pytest.raises(dvtopics.DvtopicsError, match=said):
            job()
    assert (tmp_path / "themes" / "documents.csv").read_bytes() == table
    assert not (tmp_path / "themes" / "view.html").exists()


def test_scores_take_any_iterable_and_refuse_what_cannot_be_scored_in_one_line():
    """evaluate.scores (notebook 02) given generators raised scikit-learn's InvalidParameterError; a predicted None (an
    article read with an error) a raw "'<' not supported between 'NoneType' and 'str'"; lists of two lengths or none
    scikit-learn's ValueError."""
    from dvtopics.types.evaluate import scores

    assert scores((x for x in ["a", "b"]), (x for x in ["a", "a"]))["accuracy"] == 0.5
    for truth, predicted, said in ((["a", "b"], ["a"], "2 true labels and 1 predicted"),
                                   ([], [], "0 true labels and 0 predicted: .*and at least one"),
                                   (["a", "b"], ["a", None], "the article at 1 has no predicted label")):
        with pytest.raises(dvtopics.DvtopicsError, match=said):
            scores(truth, predicted)


def test_scores_refuse_a_nan_label_and_read_numbers_as_their_digits():
    """Hunt 26 B, 10: a NaN label (a DataFrame's column with a gap) and numbers among texts were scikit-learn's
    "'<' not supported between instances of 'float' and 'str'"; NaN is no label, a number is its digits."""
    from dvtopics.types.evaluate import scores

    for truth, predicted, said in ((["a", float("nan")], ["a", "b"], "the article at 1 has no true label"),
                                   (["a", "b"], ["a", float("nan")], "the article at 1 has no predicted label"),
                                   ([["a"], "b"], ["a", "b"], "y_true: the label at 0 is a list, not text or "
                                                              "a number")):
        with pytest.raises(dvtopics.DvtopicsError, match=said):
            scores(truth, predicted)
    result = scores([1, 0, 1.0], ["1", "0", "1"])
    assert result["accuracy"] == 1.0 and result["labels"] == ["0", "1"]


def test_one_label_given_to_as_article_types_is_a_list_of_one():
    """as_article_types("Annual review") (a notebook's helper) gave a list of its letters."""
    from dvtopics.types.training import as_article_types

    assert as_article_types("Annual review") == ["annual_review"]
    assert as_article_types("Giáo dục") == ["Giáo dục"]


def test_a_models_file_given_for_its_folder_names_the_folder(tmp_path):
    """load_classifier("m1/model_card.json") said "no such model directory (train one with `dvtopics train PATHS
    --out m1/model_card.json`)", and `--model m1/model_card.json` only that the directory is a file."""
    from click.testing import CliRunner
    from dvtopics.cli import cli
    from dvtopics.persist import CARD_FILE
    from dvtopics.types.model import model_directory

    card = model_directory("shipped") / CARD_FILE
    with pytest.raises(dvtopics.ModelError, match=f"a file, not a model folder; give its folder, {card.parent}$"):
        load_classifier(card)
    (tmp_path / "a.txt").write_text("Hội nghị tổng kết công tác dân vận năm 2022.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", str(tmp_path / "a.txt"), "--model", str(card)])
    assert result.exit_code == 2 and f"is a file: give its model folder, {card.parent}" in result.output


def test_articles_given_where_the_model_folder_is_say_it_comes_first(tmp_path):
    """`evaluate test.jsonl mine` (the articles first) said only "Directory 'test.jsonl' is a file." (hunt 23 B, 9): it
    says that MODEL, a model folder, comes first; `--model` and `topics show`, which take no articles after it, say
    only what a model folder is."""
    from click.testing import CliRunner
    from dvtopics.cli import cli

    (tmp_path / "test.jsonl").write_text('{"id": "a", "text": "Xã trồng cây xanh.", "label": "other"}\n',
                                         encoding="utf-8")
    (tmp_path / "mine").mkdir()
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "test.jsonl"), str(tmp_path / "mine")])
    assert result.exit_code == 2
    assert ("is a file, not a model folder: cli evaluate takes the model folder first (MODEL: train one with "
            "`dvtopics train PATHS --out DIR`, or give `shipped`") in " ".join(result.output.split())
    for args in (["label", str(tmp_path / "test.jsonl"), "--model", str(tmp_path / "test.jsonl")],
                 ["topics", "show", str(tmp_path / "test.jsonl")]):
        result = CliRunner().invoke(cli, args)
        said = " ".join(result.output.split())
        assert result.exit_code == 2 and "is a file, not a model folder (" in said and "takes" not in said, said


def test_evaluate_with_its_model_forgotten_says_the_model_folder_comes_first(tmp_path):
    """Hunt 26 B, 13: `evaluate seeds --labels l.csv` (the model forgotten) said "Missing argument 'PATHS...'", and
    `evaluate` alone "Missing argument 'MODEL'": each says what comes first, and so does `topics assign`."""
    from click.testing import CliRunner
    from dvtopics.cli import cli

    first = ("evaluate takes the model folder first (MODEL: train one with `dvtopics train PATHS --out DIR`, or give "
             "`shipped` for the model that comes with dvtopics), then the articles")
    for args in (["seeds", "--labels", "seeds/labels.csv"], ["seeds"], []):
        result = CliRunner().invoke(cli, ["evaluate", *args])
        said = " ".join(result.output.split())
        assert result.exit_code == 2 and first in said, said
        assert ("'seeds' is a folder of articles, not a model folder (no model_card.json in it)" in said) == bool(args)
    result = CliRunner().invoke(cli, ["topics", "assign", "seeds", "--out", str(tmp_path / "t.csv")])
    assert result.exit_code == 2 and "assign takes the model folder first (DIRECTORY: fit one with" in result.output


def test_a_folder_of_articles_given_as_the_model_is_told_so_wherever_it_is_run(tmp_path, seeds_dir, monkeypatch):
    """In a folder a model was saved in (`train --out .`), the line above ended ": give its model folder, .": the
    handler of click's own refusals caught it and took the folder here for the model's."""
    import shutil

    from click.testing import CliRunner
    from dvtopics.cli import cli

    shutil.copytree(seeds_dir, tmp_path / "seeds")
    (tmp_path / "model_card.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["evaluate", "seeds", "--labels", "seeds/labels.csv"])
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and "'seeds' is a folder of articles, not a model folder" in said, said
    assert "give its model folder" not in said


def test_jobs_read_a_leading_tilde_as_the_home_folder_in_outputs_and_model_folders(monkeypatch, tmp_path):
    """From a notebook, `jobs.label(reading, "~/labels.csv")` or `jobs.fit_topics(reading, "~/themes", 2)` made a
    folder named "~" in the current one, silently, as the command line once did (hunt 22 C, 2)."""
    from dvtopics import jobs
    from dvtopics.topics.model import load_topic_model

    home, here = tmp_path / "home", tmp_path / "here"
    home.mkdir()
    here.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(here)
    (here / "a.jsonl").write_text("".join(
        f'{{"id": "a{i}", "text": "{text}"}}\n' for i, text in enumerate(
            ["Nông dân thu hoạch lúa trên cánh đồng, giá lúa tăng."] * 3
            + ["Học sinh ôn thi cùng giáo viên, nhà trường tổ chức kỳ thi."] * 3)), encoding="utf-8")
    reading = jobs.Reading("a.jsonl")
    jobs.label(reading, "~/labels.csv")
    jobs.segment(reading, "~/seg.jsonl")
    fit = jobs.fit_topics(reading, "~/themes", 2)
    assert fit.card["k"] == 2
    assert load_topic_model("~/themes")[1]["k"] == 2  # a model folder is read there too
    assert jobs.read_topics("~/themes")[1]["k"] == 2
    written = jobs.report(reading, "~/r.html", topics_dir="~/themes")
    assert written.path == home / "r.html"
    assert not (here / "~").exists()
    assert {p.name for p in home.iterdir()} >= {"labels.csv", "seg.jsonl", "themes", "r.html"}
    with pytest.raises(dvtopics.ModelError, match="home"):  # the home folder's, not a folder here named "~"
        load_classifier("~/no-such-model")


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux keeps a file name that is not UTF-8")
def test_an_input_folder_whose_name_is_not_utf8_is_written_in_cards_and_the_report(tmp_path):
    """A folder unzipped from an old archive, "b\\xe0i": `topics fit`, `train` and `report` wrote its name (in the
    card's inputs and command, in the page's "How it was made") as a surrogate UTF-8 cannot write: a
    UnicodeEncodeError traceback, after all the work (hunt 22 C, 3)."""
    from dvtopics import jobs

    folder = tmp_path / "b\udce0i"  # the bytes b"b\xe0i", as Python names them
    folder.mkdir()
    for i, text in enumerate(["Nông dân thu hoạch lúa trên cánh đồng, giá lúa tăng."] * 3
                             + ["Học sinh ôn thi cùng giáo viên, nhà trường tổ chức kỳ thi."] * 3):
        (folder / f"a{i}.txt").write_text(f"Tin số {i}\n{text}", encoding="utf-8")
    reading = jobs.Reading(folder)
    jobs.fit_topics(reading, tmp_path / "themes", 2)
    card = (tmp_path / "themes" / "model_card.json").read_text(encoding="utf-8")
    assert r"b\\xe0i" in card and json.loads(card)["k"] == 2  # its odd byte as \xNN, JSON-escaped
    jobs.report(reading, tmp_path / "r.html", topics_dir=tmp_path / "themes")
    assert "b\\xe0i" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_notebooks_date_objects_date_an_article_and_nat_is_no_date():
    """Hunt 23 C (8): make_article(id, text, {"date": datetime.date(…)}) (a DataFrame's date column, pandas'
    Timestamp) was refused as "a number, not text", the article undated; NaT had the same warning."""
    import datetime as dt

    import pandas as pd

    from dvtopics.io.read import make_article

    text = "Sáng 5/1, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2022."
    assert make_article("a", text, {"date": dt.date(2023, 1, 5)}).date == "2023-01-05"
    # 20:15 UTC on 31 March is 1 April in Vietnam
    assert make_article("b", text, {"date": pd.Timestamp("2024-03-31T20:15:00Z")}).date == "2024-04-01"
    nat = make_article("c", text, {"date": pd.NaT})
    assert nat.date is None and "date" not in (nat.meta.get("warning") or "")


def test_an_article_made_with_a_date_object_holds_its_iso_day(tmp_path):
    """Hunt 27 C (left): Article(date=datetime(…)) or a pandas Timestamp kept the object, and the report's table
    showed "2017-04-06 00:00:00"; the date is now the ISO day the readers give (an instant: Vietnam's day)."""
    import datetime as dt

    import pandas as pd

    from dvtopics.io.article import Article

    def day(value):
        return Article(id="a", text="Hội nghị tổng kết công tác dân vận năm 2016.", date=value).date

    assert day(dt.datetime(2017, 4, 6)) == day(pd.Timestamp("2017-04-06 23:30")) == day(dt.date(2017, 4, 6))
    assert day(dt.date(2017, 4, 6)) == "2017-04-06"
    assert day(pd.Timestamp("2017-04-06T20:00:00Z")) == "2017-04-07"  # 3 in the morning in Vietnam
    assert day("25/03/2024") == "25/03/2024" and day(pd.NaT) is None  # a text kept as written; NaT no date


def test_make_article_reads_a_dataframes_ids_as_the_readers_read_an_id_field():
    """Hunt 25 D (9): a DataFrame's id column made float by one empty cell gave make_article the ids "17.0", which
    no labels file's 17 matched (a JSONL file's 17.0 is read as "17"), and its empty cell the id "nan"."""
    import numpy as np
    import pandas as pd

    ids = pd.Series([17, None, 3]).astype("float64")
    assert [make_article(i, "Công tác dân vận").id for i in ids.dropna()] == ["17", "3"]
    assert make_article(np.int32(7), "x").id == "7" and make_article(1.5, "x").id == "1.5"
    for missing_id in (ids[1], None, pd.NA):
        with pytest.raises(TypeError, match="article_id: missing"):
            make_article(missing_id, "Công tác dân vận")
    with pytest.raises(TypeError, match="article_id: an id is text or a number, not bool"):
        make_article(True, "Công tác dân vận")
    # hunt 38 H (6): a blank id, which read_articles(df) replaces by the row's place, made an article no label by id
    # could tell from another
    for blank in ("", "  "):
        with pytest.raises(dvtopics.InputError, match=f"article_id: blank \\({blank!r}\\); give every article an id"):
            make_article(blank, "Công tác dân vận")


def test_a_lone_surrogate_in_a_notebooks_text_is_labelled_not_a_traceback(tmp_path):
    """Hunt 23 A (found): make_article("a", "…\\ud800…") failed with a UnicodeEncodeError in the segmenting cache."""
    from dvtopics.io.read import make_article
    from dvtopics.text.segment import segment_articles

    article = make_article("a", "Hội nghị tổng kết công tác dân vận \ud800 năm 2022", {"title": "Tổng kết \udc80"})
    assert "\ufffd" in article.text and "\ud800" not in article.text and "\udc80" not in article.title
    good, texts = segment_articles([article], 1, None)
    assert len(texts) == 1 and "dân_vận" in texts[0]


def test_labelling_again_after_a_retrain_into_the_same_folder_uses_the_new_model(tmp_path):
    """Hunt 24 D (1): a notebook that trained a model into a folder, labelled with it, retrained it into the same
    folder and labelled again got the first model's labels (the process kept the classifier it loaded from that
    folder), under the new model's checksum in the journal."""
    import json
    import shutil
    from articles import made_up_articles
    from dvtopics import jobs

    articles = made_up_articles(3)
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(json.dumps({"id": a.id, "text": a.text, "label": a.label}, ensure_ascii=False) + "\n"
                             for a in articles), encoding="utf-8")
    renamed = {label: f"nhóm {n}" for n, label in enumerate(sorted({a.label for a in articles}))}  # a set of my own
    second.write_text("".join(json.dumps({"id": a.id, "text": a.text, "label": renamed[a.label]},
                                         ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    jobs.train(jobs.Reading([first]), tmp_path / "m", classifiers=["logreg"], folds=3)
    labelled = jobs.label(jobs.Reading([first]), tmp_path / "1.csv", model=tmp_path / "m")
    assert set(labelled) <= {a.label for a in articles}
    # (a model of other labels is not trained over another, hunt 36 C: the folder is emptied first, as its message
    # says; the process still holds the classifier it loaded from that path)
    shutil.rmtree(tmp_path / "m")
    jobs.train(jobs.Reading([second]), tmp_path / "m", classifiers=["logreg"], folds=3)
    again = jobs.label(jobs.Reading([first]), tmp_path / "2.csv", model=tmp_path / "m")
    assert set(again) and set(again) <= set(renamed.values())


def test_pandas_na_is_a_missing_value_as_nan_and_nat_are():
    """A DataFrame of the nullable string dtype marks an empty cell with pd.NA: a title field of it is no title
    ("the 'title' field is NAType, not text" before), and segment_many names it as a missing text."""
    pd = pytest.importorskip("pandas")
    import dvtopics

    article = dvtopics.make_article("a1", "Hội nghị tổng kết công tác dân vận năm 2023\nNgày 5/1, Ban Dân vận …",
                                    {"title": pd.NA, "source": pd.NA})
    assert article.title == "Hội nghị tổng kết công tác dân vận năm 2023" and not article.meta.get("warning")
    with pytest.raises(TypeError, match="a missing text"):
        dvtopics.segment_many(pd.Series(["Công tác dân vận", pd.NA], dtype="string"))


def test_the_librarys_messages_name_the_flag_a_command_line_user_typed():
    """Hunt 26 B, 3: the library named an argument as Python does ("n_topics 1: …") and a few messages wrote a flag in
    by hand ("(--abstain)"); each argument's flag comes from one map (`arguments.FLAGS`), and each flag there is an
    option a command takes."""
    import click

    from dvtopics.arguments import FLAGS, check_at_least
    from dvtopics.cli import cli
    from dvtopics.errors import ArgumentError

    def options(command):
        for param in command.params:
            yield from param.opts
        for sub in getattr(command, "commands", {}).values():
            yield from options(sub)

    assert set(FLAGS.values()) <= set(options(cli)), set(FLAGS.values()) - set(options(cli))
    assert isinstance(cli, click.Group)
    with pytest.raises(ArgumentError, match=r"^n_topics \(--k\) 1: give a whole number from 2 to 1000$"):
        check_at_least("n_topics", 1, 2, 1000)
    with pytest.raises(ArgumentError, match=r"^chunk_size 0: give"):  # an argument no command takes: its name only
        check_at_least("chunk_size", 0, 1)


def test_evaluate_on_txt_articles_without_labels_says_a_txt_holds_none(tmp_path):
    """A folder of .txt articles given to evaluate without --labels was told "no article has a label in its 'label'
    field (give the column with --label-field)": a .txt has no fields; it says so, and to give --labels, as train
    does."""
    from click.testing import CliRunner
    from dvtopics.cli import cli

    result = CliRunner().invoke(cli, ["evaluate", "shipped", "seeds"])
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and "an article's file (.txt, .docx, .odt) holds no label, and no --labels file was " \
        "given" in said, said
    assert "--label-field" not in said


def test_numpy_numbers_as_parameters_are_written_as_plain_numbers(seeds_dir, tmp_path):
    """Hunt 26 D (5): a topic model of np.int64(2) topics (a sweep over np.arange) failed to be saved, "Object of type
    int64 is not JSON serializable", and so did `jobs.fit_topics(no_above=np.float32(0.9))` and `jobs.label` with
    min_confidence=np.float32(0.5) (its journal): every JSON dvtopics writes holds them as plain numbers."""
    import numpy as np

    from dvtopics import jobs
    from dvtopics.persist import load_model, read_card, save_model
    from dvtopics.topics.model import topic_card

    articles = [a for a in dvtopics.read_articles(seeds_dir) if not a.error]
    texts = dvtopics.segment_many([a.text for a in articles])
    model = TopicModel(n_topics=np.int64(2), unit="paragraph", no_above=np.float32(0.5), max_iter=np.int32(5),
                       random_state=np.int64(3)).fit(texts)
    save_model(model, tmp_path / "t", topic_card(model, model.topic_labels(), {}, articles, [seeds_dir]))
    parameters = read_card(tmp_path / "t")["parameters"]
    assert (parameters["n_topics"], parameters["no_above"], parameters["random_state"]) == (2, 0.5, 3)
    load_model(tmp_path / "t")  # the card's parameters are checked against the model's own
    jobs.fit_topics(jobs.Reading(seeds_dir), tmp_path / "t2", np.int64(2), unit="paragraph", eta=np.float32(0.5))
    assert read_card(tmp_path / "t2")["parameters"]["eta"] == 0.5
    out = tmp_path / "l.jsonl"
    counts = jobs.label(jobs.Reading(seeds_dir), out, min_confidence=np.float32(0.5), batch_size=np.int64(2))
    assert sum(counts.values()) == len(out.read_text(encoding="utf-8").splitlines()) == 5


def test_an_article_made_in_python_is_checked_and_its_id_read_as_make_article_reads_it(shipped):
    """Hunt 26 D (8, 11): Article(id="a", text=None) was made, and labelling it failed later with "'NoneType' object
    is not subscriptable" (a title None, "expected string or bytes-like object"); Article(id=np.int64(3)) kept the
    numpy int, which no JSON output could write, and which matched no labels file's 3. Now a missing text field is
    refused at once, naming it, and the id is the text make_article gives it."""
    import numpy as np

    from dvtopics.io.article import Article

    for field in ("title", "text", "raw"):
        for value in (None, float("nan")):
            with pytest.raises(TypeError, match=f"^Article {field}: a text .str., not a missing one"):
                Article(id="a", **{field: value})
    with pytest.raises(TypeError, match="^Article id: missing"):
        Article(id=None, text="x")
    with pytest.raises(TypeError, match="^Article label: a text .str. or None, not list"):
        Article(id="a", label=["other"])
    for given in (np.int64(3), 3, 3.0, "3"):
        assert Article(id=given).id == make_article(given, "x").id == "3"
    article = Article(id=np.int64(3), text="Hội nghị sơ kết công tác dân vận 6 tháng đầu năm", label=np.int64(0),
                      source=float("nan"))
    assert (article.label, article.source) == ("0", None)
    records = predict_articles(shipped, [article])
    assert json.loads(json.dumps(records))[0]["id"] == "3"


def test_files_named_from_the_home_folder_are_written_there(seeds_dir, tmp_path, monkeypatch):
    """Hunt 26 D (7): save_model(model, "~/models/m") wrote a folder named "~" in the current one (so did
    write_report, write_documents, save_figure, write_rows and write_sweep), and load_model("~/models/m"), which
    reads "~" as the home folder, then did not find it. Every function that takes a file reads "~" as the shell does."""
    from dvtopics.io.write import write_rows
    from dvtopics.persist import load_model, save_model
    from dvtopics.report.plots import label_counts_figure, save_figure
    from dvtopics.topics.model import topic_card
    from dvtopics.topics.summary import read_topics, write_documents, write_report
    from dvtopics.topics.sweep import write_sweep

    home, here = tmp_path / "home", tmp_path / "here"
    home.mkdir(), here.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(here)
    articles = [a for a in read_articles(seeds_dir) if not a.error]
    texts = dvtopics.segment_many([a.text for a in articles])
    model = TopicModel(n_topics=2, unit="paragraph").fit(texts)
    report = summarize(model, articles, model.transform(texts))
    save_model(model, "~/m", topic_card(model, model.topic_labels(), {}, articles, [seeds_dir]))
    write_report(report, "~/m")
    load_model("~/m"), read_topics("~/m")
    write_documents(report.documents, "~/documents.csv", 2)
    save_figure(label_counts_figure({"other": 1}), "~/f.png")
    write_rows([{"id": "a"}], "~/rows.csv")
    write_sweep([{"k": 2, "npmi": 0.1, "diversity": 0.9}], "~/sweep")
    assert list(here.iterdir()) == []
    assert {"m", "documents.csv", "f.png", "rows.csv", "sweep"} <= {p.name for p in home.iterdir()}


# ------------------------------------------------------------ what a notebook shows of a result

def test_a_notebook_shows_a_few_lines_of_a_jobs_result_a_report_an_article_and_a_classifier(tmp_path, shipped):
    """Hunt 29 L: a cell ending with `jobs.fit_topics(...)` showed its result's repr, every article's text and raw
    twice over (40 MB for 3,000 baomoi articles: Jupyter stops showing output, the notebook file keeps it), and a
    TopicReport, an Article or the shipped Classifier (its whole card) ran to pages. Each fits in a few lines now."""
    import json

    from articles import made_up_articles
    from dvtopics import jobs

    articles = made_up_articles(8)
    for a in articles:
        a.text = a.raw = a.text + "\n" + "Người dân tham gia đông đủ, đóng góp nhiều ý kiến xây dựng. " * 40
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": a.id, "text": a.text}, ensure_ascii=False) + "\n"
                                              for a in articles), encoding="utf-8")
    fit = jobs.fit_topics(jobs.Reading([tmp_path / "a.jsonl"]), tmp_path / "themes", 3)
    texts = fit.segmented.texts
    model = TopicModel(n_topics=3).fit(texts)
    report = summarize(model, fit.segmented.good, model.transform(texts))
    for shown in (fit, fit.segmented, report, articles[0], shipped):
        assert len(repr(shown)) < 2000, f"{type(shown).__name__}: {len(repr(shown))} characters"
    assert repr(articles[0]).startswith("Article(id='semi_annual_review-0', title='Ban Dân vận Tỉnh ủy sơ kết")
    assert f"… ({len(articles[0].text):,} characters)" in repr(articles[0])  # the text's length, where it was cut
    assert f"… ({len(articles):,} items)" in repr(fit.segmented)
    assert "'labels': ['annual_review', 'other', 'quarterly_briefing', … (5 items)]" in repr(shipped)
    (tmp_path / "many").mkdir()
    for i in range(300):  # a pattern's files, expanded in a notebook (glob.glob)
        (tmp_path / "many" / f"{i}.txt").write_text("Tin.", encoding="utf-8")
    reading = jobs.Reading(sorted((tmp_path / "many").iterdir()))
    assert len(repr(reading)) < 2000 and "… (300 items)" in repr(reading)


def test_a_table_none_of_whose_articles_can_be_read_is_said_so_by_topics_and_train(tmp_path):
    """Hunt 29 L: a table whose text is under a name no reader knows ("Bài báo"), fitted from a notebook, stopped
    with "only 0 articles with words to model …: give more articles", and trained on with "no article has a label in
    its label field": each sent the user after more articles or labels, where no article could be read at all."""
    from dvtopics import jobs

    table = tmp_path / "mine.csv"
    table.write_text("Mã,Bài báo,Nhãn\nx1,Ban Dân vận tổ chức giao ban quý I.,quarterly_briefing\n"
                     "x2,Bác sĩ khám bệnh.,other\n", encoding="utf-8")
    said = re.escape(f"no article could be read (such as 'mine.csv': {table}: no 'text' column")
    for job in (jobs.fit_topics, jobs.sweep_topics):
        with pytest.raises(dvtopics.DvtopicsError, match=said):
            job(jobs.Reading([table]), tmp_path / job.__name__, *((2,) if job is jobs.fit_topics else
                                                                  ([2, 3], ["npmi"], [0])))
    with pytest.raises(dvtopics.DvtopicsError, match="no labelled article found: " + said):
        jobs.train(jobs.Reading([table]), tmp_path / "model")
    assert len(dvtopics.TopicModel(n_topics=2).fit(["lúa gạo nông_dân", "bệnh_viện bác_sĩ"] * 3).topic_word_) == 2


def test_labels_held_in_python_given_as_a_jobs_labels_file_say_how_to_make_the_file(tmp_path):
    """Hunt 29 L: a notebook's types (a Series by id, a dict) given as `labels_file` to fit_topics or report were
    "a path (str or pathlib.Path) is wanted, not Series", where train's label_files said how to write them as a file;
    the Series written so is then read as the labels it holds."""
    import pandas as pd

    from dvtopics import jobs

    (tmp_path / "a.jsonl").write_text("".join(
        f'{{"id": "a{i}", "text": "{text}"}}\n' for i, text in enumerate(
            ["Nông dân thu hoạch lúa trên cánh đồng, giá lúa tăng.", "Học sinh ôn thi cùng giáo viên ở trường."] * 3)),
        encoding="utf-8")
    reading = jobs.Reading(tmp_path / "a.jsonl")
    types = pd.Series(["other", "annual_review"] * 3, index=[f"a{i}" for i in range(6)])
    hint = "labels by id (a dict, a Series) go into a CSV of id,label first (pandas: pd.Series(labels, name='label')"
    for given in (types, types.to_dict()):
        with pytest.raises(TypeError, match=re.escape(f"labels_file: a path (str or pathlib.Path) is wanted, not "
                                                      f"{type(given).__name__}: {hint}")):
            jobs.fit_topics(reading, tmp_path / "themes", 2, labels_file=given)
    with pytest.raises(TypeError, match="is wanted, not Classifier|is wanted, not a loaded"):
        jobs.report(reading, tmp_path / "r.html", model_dir=load_classifier())
    written = tmp_path / "labels.csv"
    pd.Series(types, name="label").rename_axis("id").to_csv(written)  # the hint's line, as written
    assert dvtopics.read_labels(written) == types.to_dict()


def test_a_dataframes_row_holding_a_number_is_no_note(tmp_path):
    """The review of hunt 29 L2: a row under the last article holding no text but a number in its label column (an
    int64 column) was passed over as a note, where its CSV makes it an error: a number is what a row holds too."""
    import pandas as pd

    text = "Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác dân vận quý I."
    (tmp_path / "lab.csv").write_text(f"text,label\n{text},1\n{text},0\n,1\n", encoding="utf-8")
    from_frame = [bool(a.error) for a in read_articles(pd.read_csv(tmp_path / "lab.csv"), on_error="record")]
    from_csv = [bool(a.error) for a in read_articles(tmp_path / "lab.csv", on_error="record")]
    assert from_frame == from_csv == [False, False, True]


def test_an_empty_dataframe_indexed_by_two_levels_holds_no_article(caplog):
    """The review of hunt 29 L2: it was an error article ("the index label () is a MultiIndex's (0 levels)"); and
    a DataFrame's float-written ids are told how to mend the DataFrame, not to read it, as read already."""
    import pandas as pd

    empty = pd.DataFrame({"text": []}, index=pd.MultiIndex.from_tuples([], names=["a", "b"]))
    assert [a.error for a in read_articles(empty)] == ["DataFrame: no articles: it holds no rows"]
    text = "Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác dân vận quý I."
    list(read_articles(pd.DataFrame({"id": ["17.0", "18.0"], "text": [text, text]})))
    assert "pd.to_numeric(df['id']).astype('Int64')" in caplog.text and "read_articles(df)" not in caplog.text


def test_a_dataframe_without_an_article_says_so_as_its_csv_does(tmp_path):
    """Hunt 38 H (3): a DataFrame filtered down to nothing gave no article and no word, even with on_error="raise",
    where the same table saved as CSV gives an error record, or raises NoArticlesError."""
    import pandas as pd

    from dvtopics.errors import NoArticlesError

    empty, blank = pd.DataFrame({"id": [], "text": []}), pd.DataFrame({"id": [None], "text": [" "]})
    empty.to_csv(tmp_path / "e.csv", index=False)
    assert [a.error for a in read_articles(tmp_path / "e.csv")][0].endswith("no articles: the file holds none (it is "
                                                                            "empty, or has a header only)")
    assert [a.error for a in read_articles(empty)] == ["DataFrame: no articles: it holds no rows"]
    assert [a.error for a in read_articles(blank)] == ["DataFrame: no articles: it holds only empty rows"]
    with pytest.raises(NoArticlesError, match="DataFrame: no articles: it holds no rows"):
        list(read_articles(empty, on_error="raise"))


def test_an_article_like_object_whose_id_is_no_text_is_refused(shipped):
    """Hunt 38 H (7): an object's id 0 stayed the int 0 in the records (and `summarize` refused types given by the
    id "0" as naming no article: test_topics)."""
    from types import SimpleNamespace

    def article(id_):
        return SimpleNamespace(id=id_, title="Tin", text="Hội nghị sơ kết công tác dân vận 6 tháng.", error=None,
                               meta={}, date=None, source=None, label=None)

    with pytest.raises(TypeError, match="articles: item 1's id is int 1, not text: give each article its id as text"):
        dvtopics.predict_articles(None, [article("0"), article(1)])
    assert dvtopics.predict_articles(None, [article("0")])[0]["id"] == "0"


def test_a_true_false_key_among_labels_by_id_is_refused():
    """The review of hunt 29 L2: {True: "x"} gave the id "True", where it was refused before as no id."""
    from dvtopics.io.labels import labels_given

    with pytest.raises(dvtopics.InputError, match="the index label True is true/false, no id"):
        labels_given({True: "other", "a2": "annual_review"})
    assert labels_given({"a1": "other", 10.0: "annual_review"}) == {"a1": "other", "10": "annual_review"}


def test_a_dataframes_rows_are_passed_over_as_its_csvs_are(tmp_path, caplog):
    """The review of hunt 29 L: read_articles(df) skipped the row filters of the CSV and xlsx readers: a sheet's
    closing total and signature ("Tổng cộng: 2 bài", "Người lập biểu") were error articles, WordPress' revisions and
    pictures were articles, a header row again (two exports joined) an article. They are passed over with a warning,
    as in the same table saved as CSV, by the one step of a table's row (`_Notes.articles`)."""
    import pandas as pd

    text = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm của tỉnh đã diễn ra sáng nay với nhiều nội dung."
    wordpress = pd.DataFrame({"ID": [1, 2, 3], "post_title": ["A", "A", "logo"], "post_content": [text, text, ""],
                              "post_type": ["post", "revision", "attachment"],
                              "post_status": ["publish", "inherit", "inherit"]})
    notes = pd.DataFrame({"STT": ["1", "2", "Tổng cộng: 2 bài", None], "Tiêu đề": ["t1", "t2", None, None],
                          "Nội dung": [text, text, None, None], "Ghi chú": [None, None, None, "Người lập biểu"]})
    joined = pd.DataFrame({"id": ["a1", "id", "a2"], "text": [text, "text", text]})
    total = pd.DataFrame({"id": [1, 2, None], "text": [text, text, None], "note": [None, None, "Tổng cộng: 2 bài"]})
    for frame, ids in ((wordpress, ["1"]), (notes, ["0", "1"]), (joined, ["a1", "a2"]), (total, ["1", "2"])):
        frame.to_csv(tmp_path / "same.csv", index=False)
        assert [a.id for a in read_articles(frame)] == ids
        assert [a.error for a in read_articles(frame)] == [a.error for a in read_articles(tmp_path / "same.csv")]
    assert "DataFrame: WordPress' posts table: 2 rows" in caplog.text
    assert "DataFrame: 2 rows under the table's last article hold no text" in caplog.text
    assert "DataFrame row 1: the table's header again" in caplog.text


def test_a_dataframes_column_names_are_read_as_its_csv_writes_them(tmp_path):
    """The review of hunt 29 L: a DataFrame's columns named by numbers (pd.DataFrame([["a", text]])) were no column
    of fields={"id": "0", "text": "1"}, and its message said "its columns are none", while its CSV, headed 0,1, was
    read. Its names are compared as to_csv writes them; MultiIndex columns are refused, saying so."""
    import pandas as pd

    text = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm của tỉnh đã diễn ra sáng nay."
    numbered = pd.DataFrame([["a", text, "2024-01-05"]])
    numbered.to_csv(tmp_path / "same.csv", index=False)
    fields = {"id": "0", "text": "1", "date": "2"}
    seen = [(a.id, a.text, a.date, a.error) for a in read_articles(numbered, fields=fields)]
    assert seen == [(a.id, a.text, a.date, a.error) for a in read_articles(tmp_path / "same.csv", fields=fields)]
    assert seen[0][:2] == ("a", text)
    [wrong] = read_articles(numbered, fields={"text": "body"})
    assert wrong.error.endswith("its columns are '0', '1', '2'")
    stacked = pd.DataFrame([[text, "t"]], columns=pd.MultiIndex.from_tuples([("text", ""), ("title", "")]))
    [refused] = read_articles(stacked)
    assert refused.error.startswith("DataFrame: its columns are a MultiIndex of 2 levels (('text', ''), ('title', ''))")


def test_a_dataframes_index_labels_are_read_as_types_by_the_same_index_are():
    """The review of hunt 29 L: a row's index label was its article's id as str() wrote it, and types by the same
    index were read otherwise: a MultiIndex's label was the id "('a', 1)" beside types refused ("not text or a
    number"). One function (`index_id`) reads both: a datetime is its ISO text in both, a float 10.0 "10", and a
    MultiIndex is refused in both, saying how to index by one id."""
    import pandas as pd

    from dvtopics.topics.summary import _article_types

    text = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm của tỉnh đã diễn ra sáng nay."
    for index in (pd.to_datetime(["2024-01-01 08:30", "2024-01-02 00:00"]), pd.Index([10.0, 20.0]), ["a1", "a2"]):
        frame = pd.DataFrame({"text": [text, text], "kind": ["other", "annual_review"]}, index=index)
        articles = list(read_articles(frame))
        assert _article_types(articles, frame["kind"]) == ["other", "annual_review"]
        assert _article_types(articles, frame["kind"].to_dict()) == ["other", "annual_review"]
    assert [a.id for a in articles] == ["a1", "a2"]
    stacked = pd.DataFrame({"text": [text, text], "kind": ["other", "annual_review"]},
                           index=pd.MultiIndex.from_tuples([("a", 1), ("a", 2)]))
    [refused] = read_articles(stacked)
    assert refused.error == ("DataFrame: no 'id' column, and the index label ('a', 1) is a MultiIndex's (2 levels), "
                             "not one id: index by one id (df.index = df.index.map(…)), or df.reset_index() and give "
                             "an id column")
    with pytest.raises(dvtopics.InputError, match=r"types: the index label \('a', 1\) is a MultiIndex's"):
        _article_types(list(read_articles(stacked.reset_index(drop=True))), stacked["kind"])
    # beside an id column, the index is not read
    assert [a.id for a in read_articles(stacked.assign(id=["x1", "x2"]))] == ["x1", "x2"]


def test_a_dataframes_messages_name_the_python_argument_beside_the_option(tmp_path, caplog):
    """The review of hunt 29 L: read_articles(df) answered in the command line's terms ("(--text-field)", "raise it
    with --max-bytes"), which a notebook has not. It names the argument beside the option, as `arguments.named` does;
    so does the same table saved as CSV read from Python (hunt 30 P), and the command line names its flag alone."""
    import pandas as pd

    text = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm của tỉnh đã diễn ra sáng nay."
    frame = pd.DataFrame({"id": ["x1", "x2"], "body": [text, text * 50], "kind": ["a", "b"]})
    frame.to_csv(tmp_path / "same.csv", index=False)
    [missing] = read_articles(frame, fields={"text": "content"})
    assert missing.error == ("DataFrame: no 'content' column (fields['text'] (--text-field)); its columns are 'id', "
                             "'body', 'kind'")
    [csv] = read_articles(tmp_path / "same.csv", fields={"text": "content"})
    assert "no 'content' column (fields['text'] (--text-field)); its columns" in csv.error
    long = list(read_articles(frame, fields={"text": "body"}, max_bytes=1000))
    assert long[1].error.endswith("article limit (raise it with max_bytes (--max-bytes))")
    assert list(read_articles(tmp_path / "same.csv", fields={"text": "body"}, max_bytes=1000))[1].error.endswith(
        "article limit (raise it with max_bytes (--max-bytes))")
    caplog.clear()
    list(read_articles(frame.rename(columns={"body": "text"})))
    assert "not read: 'kind' (give the title's column with fields['title'] (--title-field))" in caplog.text


def test_every_reading_from_python_names_the_argument_and_the_command_line_its_flag(tmp_path, caplog):
    """The review of hunt 29: `read_articles(paths, fields=...)` answered a missing field of a JSONL, CSV, .xlsx file
    or a folder's in the command line's words ("(--text-field)", "raise it with --max-bytes"). From Python the
    messages name the argument beside the flag; the command line still names its flag alone."""
    import pandas as pd
    from click.testing import CliRunner

    from dvtopics.cli import cli

    text = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm của tỉnh đã diễn ra sáng nay."
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "1", "text": text}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    (tmp_path / "a.csv").write_text(f'id,text\n1,"{text}"\n', encoding="utf-8")
    pd.DataFrame({"id": ["1"], "text": [text]}).to_excel(tmp_path / "a.xlsx", index=False)
    for path in ("a.jsonl", "a.csv", "a.xlsx"):
        [article] = read_articles(tmp_path / path, fields={"text": "content"})
        assert "no 'content' " in article.error and "(fields['text'] (--text-field))" in article.error, path
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "big.txt").write_text(text * 20, encoding="utf-8")
    [big] = read_articles(tmp_path / "folder", max_bytes=100)
    assert big.error.endswith("(raise it with max_bytes (--max-bytes))")
    with pytest.raises(dvtopics.errors.ArgumentError, match=re.escape("fields['title'] (--title-field) 'text': the")):
        read_articles(tmp_path / "a.csv", fields={"title": "text"})
    caplog.clear()
    CliRunner().invoke(cli, ["inspect", str(tmp_path / "a.csv"), "--text-field", "content"])
    CliRunner().invoke(cli, ["inspect", str(tmp_path / "folder"), "--max-bytes", "100"])
    assert "no 'content' column (--text-field); its columns" in caplog.text and "fields[" not in caplog.text
    assert "(raise it with --max-bytes)" in caplog.text
    # the command line's wording ends with its command: a Python call after it names the argument again
    [article] = read_articles(tmp_path / "a.csv", fields={"text": "content"})
    assert "(fields['text'] (--text-field))" in article.error


def test_a_dataframes_number_in_a_text_like_field_reads_as_its_csv_does(tmp_path):
    """The review of hunt 29: a row whose title was a number (a DataFrame's int cell) and whose text was empty was an
    error ("it is a number") where the same table saved as CSV read the title as the text. A title, lead or source
    that is a number is its digits, as in the CSV; a whole text that is a number is refused, naming it."""
    import pandas as pd

    text = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm của tỉnh đã diễn ra sáng nay tại hội trường."
    frames = [pd.DataFrame({"id": ["1"], "title": [2024], "text": [""]}),
              pd.DataFrame({"id": ["1"], "title": [3.5], "source": [113], "lead": [5], "text": [text]}),
              pd.DataFrame({"id": ["1"], "title": ["Tiêu đề"], "lead": [7], "text": [""]})]
    for frame in frames:
        frame.to_csv(tmp_path / "same.csv", index=False)
        [in_csv] = read_articles(tmp_path / "same.csv")
        [article] = read_articles(frame)
        assert article.error is None
        assert (article.title, article.text, article.source) == (in_csv.title, in_csv.text, in_csv.source)
    assert article.text == "7" and [a.text for a in read_articles(frames[0])] == ["2024"]
    [number] = read_articles(pd.DataFrame({"id": ["1"], "title": ["Tiêu đề"], "text": [12345]}))
    assert number.error == "DataFrame row 0: the 'text' field is a number (12345), not an article's text"


def test_the_jobs_messages_name_the_python_argument_and_a_bad_one_is_told_plainly(tmp_path, caplog):
    """The review of hunt 29: `jobs.train` and `jobs.evaluate` without labels said "give their labels with --labels",
    "(--label-field names it)", which a notebook has not; `load_classifier(5)` was os.fspath's "expected str, bytes or
    os.PathLike object, not int"; `max_bytes="10"` was refused "(10, not 10)". The command line still names its
    options alone."""
    from click.testing import CliRunner

    from dvtopics import jobs
    from dvtopics.cli import cli

    (tmp_path / "a").mkdir()
    for n, title in enumerate(["Hội nghị sơ kết", "Gặp mặt đầu xuân"]):
        (tmp_path / "a" / f"{n}.txt").write_text(f"{title}\nSáng 5/7, Ban Dân vận Tỉnh ủy tổ chức {title.lower()}.",
                                                 encoding="utf-8")
    with pytest.raises(dvtopics.DvtopicsError) as trained:
        jobs.train(jobs.Reading([tmp_path / "a"]), tmp_path / "m")
    assert "--label-field" not in str(trained.value)  # .txt files have no fields (trial 32)
    assert "give their labels with label_files (--labels)" in str(trained.value)
    with pytest.raises(dvtopics.DvtopicsError, match=re.escape("give their labels with label_files (--labels)")):
        jobs.evaluate(jobs.Reading([tmp_path / "a"]), "shipped")
    # (a number as given, as the other argument checks show one: it said "a int", hunt 30 P's review)
    for model_dir, shown in ((5, "5"), (3.0, "3.0"), (object(), "an object")):
        with pytest.raises(TypeError, match=re.escape(f"model_dir (--model) {shown}: give a model folder (a path)")):
            dvtopics.load_classifier(model_dir)
    # hunt 38 H (9): the jobs' argument is `model`, and messages name it so (they said model_dir)
    for job in (lambda: jobs.label(jobs.Reading([tmp_path / "a"]), str(tmp_path / "l.jsonl"), model=""),
                lambda: jobs.evaluate(jobs.Reading([tmp_path / "a"]), " ")):
        with pytest.raises(dvtopics.errors.ArgumentError, match=r"^model \(--model\) '\s*': give a model folder"):
            job()
    with pytest.raises(dvtopics.errors.ArgumentError, match=re.escape("(10, not the text '10')")):
        read_articles(tmp_path / "a", max_bytes="10")
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(tmp_path / "a")])
    assert "give their labels with --labels (a CSV" in " ".join(result.output.split()), result.output


def test_a_count_of_thousands_of_digits_is_refused_as_an_argument(tmp_path):
    """The review of hunt 30 P: max_bytes as a text of 5,000 digits (a config value pasted twice) raised a bare
    ValueError, Python's 4,300-digit limit met by int() inside the message that says which number was meant."""
    (tmp_path / "a.txt").write_text("Hội nghị dân vận.\n", encoding="utf-8")
    with pytest.raises(dvtopics.errors.ArgumentError, match=r"^max_bytes \(--max-bytes\) a str: give a whole number"):
        read_articles(tmp_path / "a.txt", max_bytes="1" * 5000)


def test_the_labels_messages_from_python_name_the_arguments(tmp_path):
    """The review of hunt 30 P: messages of labels read or scored from Python still named the command line's flag
    alone ("Check --labels or --label-field", "as --labels a file of ids"), where docs/python.md says they name the
    argument beside it; the command line's stay as they were (tests/test_cli_classify.py)."""
    from dvtopics.io.labels import read_labels
    from dvtopics.types.evaluate import check_labels_known

    (tmp_path / "arts.csv").write_text("id,text\na1,Một bài viết\n", encoding="utf-8")
    with pytest.raises(dvtopics.DvtopicsError) as read:
        read_labels(tmp_path / "arts.csv")
    assert "(fields['label'] (--label-field) names it), and as label_files (--labels) a file" in str(read.value)
    with pytest.raises(dvtopics.DvtopicsError, match=re.escape(
            "Check label_files (--labels) or fields['label'] (--label-field), or score")):
        check_labels_known(["bogus"], ["other"], "shipped")


def test_an_argument_is_named_by_its_flag_alone_while_the_command_line_runs():
    """The last review of hunt 30: messages built by `arguments.named` ("lower n_topics (--k)", "raise no_above
    (--no-above)") spoke Python's words on the command line, where `option` already gave the flag alone."""
    from dvtopics.arguments import command_line_wording, named, option

    assert named("n_topics") == "n_topics (--k)" and option("--k") == "n_topics (--k)"
    with command_line_wording():
        assert named("n_topics") == "--k" and named("no_above") == "--no-above" and option("--k") == "--k"
        assert named("chunk_size") == "chunk_size"  # no flag of its own: its name
    assert named("no_above") == "no_above (--no-above)"


@pytest.mark.parametrize("classifiers, said", [(["svm", "rf"], "classifiers 'rf': choose one of svm, logreg, cnb"),
                                               ([], "classifiers is empty: give one or more of svm, logreg, cnb")])
def test_train_checks_its_classifiers_before_any_work(tmp_path, monkeypatch, classifiers, said):
    """Hunt 36 C (2): jobs.train(classifiers=["svm", "rf"]) read every article and cross-validated svm before it
    refused 'rf' (minutes on the shipped data), and [] said "max() arg is an empty sequence" after the reading.
    docs/python.md: numbers and names are checked before any work."""
    import dvtopics.jobs.reading
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    def no_reading(*args, **kwargs):
        raise AssertionError("the articles were read before the classifiers were checked")

    monkeypatch.setattr(dvtopics.jobs.reading, "read_articles", no_reading)
    with pytest.raises(ArgumentError, match=re.escape(said)):
        jobs.train(jobs.Reading(["seeds"]), str(tmp_path / "m"), classifiers=classifiers)


def test_texts_given_where_paths_are_are_refused_saying_how_to_read_them(tmp_path):
    """Hunt 36 E (3): a Series of texts (df["text"]) given to read_articles or jobs.Reading was read as paths: "<the
    whole article, thousands of characters>: no such file or folder". A text (a line break, or a name longer than any
    file system allows) is refused as one, saying how texts are read; a file whose name holds a line break is read."""
    import pandas as pd

    from dvtopics import jobs

    texts = pd.Series(["Hội nghị sơ kết công tác dân vận\nSáng 5/7, Ban Dân vận tổ chức hội nghị.", "x" * 300])
    for call in (lambda: list(read_articles(texts)), lambda: jobs.Reading(texts).paths):
        with pytest.raises(TypeError, match=r"^paths: 'Hội nghị sơ kết công tác dân vận Sáng 5/7, Ban Dân vận tổ ch'… "
                                            r"is a text, not a file or folder: read texts as a DataFrame's rows"):
            call()
    with pytest.raises(TypeError, match="is a text, not a file or folder"):
        list(read_articles(["x" * 300]))
    odd = tmp_path / "tin\nvắn.txt"  # (Linux allows it)
    odd.write_text("Hội nghị tổng kết\nSáng 5/7, huyện tổ chức hội nghị tổng kết công tác năm.", encoding="utf-8")
    assert [a.title for a in read_articles([str(odd)])] == ["Hội nghị tổng kết"]
    # hunt 38 H (8): a one-line headline, or a text whose dates hold slashes ("5/7"), was "no such file or folder"
    # alone, the latter with the whole text in the message
    headline = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2022"
    dated = "Sáng 5/7, Ban Dân vận tổ chức hội nghị sơ kết công tác dân vận. " * 30
    cut = "'Sáng 5/7, Ban Dân vận tổ chức hội nghị sơ kết công tác dân v'…"
    for text, shown in ((headline, repr(headline)), (dated, cut)):
        with pytest.raises(dvtopics.InputError, match=f"^paths: {re.escape(shown)}: no such file or folder; if it is "
                                                      "an article's text, read texts as a DataFrame's rows"):
            list(read_articles(pd.Series([text])))
    with pytest.raises(dvtopics.InputError, match="^Giá xăng giảm mạnh: no such file or folder$"):  # a name, maybe
        list(read_articles(["Giá xăng giảm mạnh"]))


def test_an_articles_warning_is_an_attribute_as_the_outputs_column_is(tmp_path):
    """Hunt 36 E (minor): the docs speak of an article's `warning`, and `a.warning` was an AttributeError (it is kept
    in `meta["warning"]`)."""
    (tmp_path / "a.txt").write_text("Hoi nghi tong ket\n" + "Sang 5/7, huyen to chuc hoi nghi tong ket cong tac nam "
                                    "2024 tai hoi truong huyen. " * 3, encoding="utf-8")
    [article] = read_articles(tmp_path / "a.txt")
    assert article.warning == article.meta["warning"] and "few Vietnamese diacritics" in article.warning
    assert make_article("b", "Hội nghị tổng kết công tác dân vận năm 2024 của huyện.").warning is None


def test_a_jobs_refusal_names_the_argument_beside_the_flag(tmp_path, seeds_dir):
    """Hunt 36 E (4): from Python, a job's refusals named only the command line's flags ("add --force to replace it",
    "run again without --resume"), which Python has not: they name the argument beside the flag, as the others do."""
    from dvtopics import jobs
    from dvtopics.errors import DvtopicsError

    out = tmp_path / "labels.csv"
    jobs.label(jobs.Reading([seeds_dir]), out)
    out.write_text(out.read_text(encoding="utf-8-sig").replace("other", "annual_review", 1), encoding="utf-8")
    with pytest.raises(DvtopicsError, match=r"or add force \(--force\) to replace it$"):
        jobs.label(jobs.Reading([seeds_dir]), out)
    jobs.label(jobs.Reading([seeds_dir]), out, force=True)
    with pytest.raises(DvtopicsError, match=r"run again without resume \(--resume\) to label anew"):
        jobs.label(jobs.Reading([seeds_dir]), out, resume=True)
