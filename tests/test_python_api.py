"""The library as a Python user calls it: generators, one str for a list, wrong kinds of argument, the checks the
CLI makes (trial 6, helper b)."""
import json
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


# ------------------------------------------------------------ wrong kinds of argument

def test_texts_given_for_articles_are_refused_with_what_to_do(shipped):
    with pytest.raises(TypeError, match="str items are not articles.*make_article"):
        shipped.predict(["Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023"])


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


# ------------------------------------------------------------ hand labels given from Python

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
    path.write_text('{"id": "a1", "content": "Hội nghị sơ kết công tác dân vận"}\n', encoding="utf-8")
    (article,) = read_articles(path, fields=None)
    assert "no 'text' field" in article.error  # the default names
    assert [a.text for a in read_articles(path, fields={"text": "content"})] == ["Hội nghị sơ kết công tác dân vận"]
    assert [a.id for a in jobs.Reading(path, fields={"text": "content"}).articles()] == ["a1"]
    with pytest.raises(ArgumentError, match="'body' is no field; name some of text, id, label"):
        read_articles(path, fields={"body": "content"})
    with pytest.raises(ArgumentError, match="fields: a str; give FieldNames"):
        jobs.Reading(path, fields="content")


def test_what_is_not_paths_is_refused_saying_what_to_give(tmp_path):
    """Hunt 20 A (06): read_articles(df) read a DataFrame's column names as paths ("id: no such file or folder"),
    and [None] or b"seeds" ended in os's "expected str, bytes or os.PathLike object, not NoneType"."""
    import pandas as pd

    from dvtopics import jobs

    frame = pd.DataFrame({"id": ["a1"], "text": ["Hội nghị sơ kết công tác dân vận"]})
    with pytest.raises(TypeError, match=r"paths: a DataFrame is not files to read: save it .*make_article"):
        read_articles(frame)
    with pytest.raises(TypeError, match=r"paths: None \(a NoneType\) is not a path"):
        jobs.Reading([tmp_path, None])
    with pytest.raises(TypeError, match="paths: bytes b'seeds'; give the files or folders as str or pathlib.Path"):
        list(read_articles(b"seeds"))


# ------------------------------------------------------------ the CLI's checks, in the library, before any work

@pytest.mark.parametrize("options, said", [
    (dict(min_confidence=1.5), "min_confidence 1.5: give a number from 0 to 1"),
    (dict(min_confidence=-1), "min_confidence -1: give a number from 0 to 1"),
    (dict(abstain=""), "abstain '': give a label, as text"),
    (dict(abstain=None), "abstain None: give a label, as text"),
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

    monkeypatch.setattr(parallel, "_check_main_is_guarded", lambda: pytest.fail("the guard checked first"))
    said = rf"n_jobs {n_jobs if not isinstance(n_jobs, str) else 'a str'}: give a whole number of processes, 1 or " \
           "more, or -1 for all cores"
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


@pytest.mark.parametrize("engine", ["Dask", "spark", None])
def test_an_engine_is_checked_as_engine_is_before_any_work(seeds_dir, tmp_path, engine):
    """Hunt 20 A (04): `jobs.label(..., engine="Dask")` ran the local engine in silence (so did
    `jobs.assign_topics`), where --engine refuses any value but local and dask."""
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    said = f"engine {engine!r}: choose one of local, dask"
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
    with pytest.raises(TypeError, match=r"not NoneType items$"):
        dvtopics.segment_many(["Công tác dân vận", None])


def test_topic_and_training_numbers_are_refused_before_any_work(seeds_dir, tmp_path, monkeypatch):
    from dvtopics import jobs

    monkeypatch.setattr(jobs, "read_segmented", lambda *a, **k: pytest.fail("read before the check"))
    monkeypatch.setattr(jobs.Reading, "articles", lambda self: pytest.fail("read before the check"))
    reading = jobs.Reading([seeds_dir])
    with pytest.raises(dvtopics.DvtopicsError, match="period 'week': choose one of month, quarter, year"):
        jobs.fit_topics(reading, str(tmp_path / "t"), 2, period="week")
    with pytest.raises(dvtopics.DvtopicsError, match="n_topics 1: give a whole number from 2 to 1000"):
        jobs.fit_topics(reading, str(tmp_path / "t"), 1)
    with pytest.raises(dvtopics.DvtopicsError, match="n_topics 1: give a whole number from 2 to 200"):
        jobs.report(reading, str(tmp_path / "r.html"), n_topics=1)
    with pytest.raises(dvtopics.DvtopicsError, match="folds 1: give a whole number of 2 or more"):
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
        "ks: give at least one K": lambda: sweep(texts, [], **params),
        "seeds: give at least one seed": lambda: sweep(texts, [2], seeds=[], **params),
        r"ks: K 2.5: give a whole number from 2 to 1000": lambda: sweep(texts, [2, 2.5], **params),
        "seeds: seed -1: give a whole number from 0 to 4294967295": lambda: sweep(texts, [2], seeds=[-1], **params),
        r"n_topics 2.5: give a whole number of 2 or more": lambda: TopicModel(n_topics=2.5, **params).fit(texts),
        "random_state 2.5: give a whole number from 0": lambda: TopicModel(2, random_state=2.5, **params).fit(texts),
    }
    for message, call in refused.items():
        with pytest.raises(dvtopics.DvtopicsError, match=message):
            call()
    monkeypatch.setattr(jobs, "read_segmented", lambda *a, **k: pytest.fail("read before the check"))
    monkeypatch.setattr(jobs.Reading, "articles", lambda self: pytest.fail("read before the check"))
    reading = jobs.Reading([seeds_dir])
    with pytest.raises(dvtopics.DvtopicsError, match="seeds: give at least one seed"):
        jobs.sweep_topics(reading, str(tmp_path / "s"), [2], ["npmi"], [])
    with pytest.raises(dvtopics.DvtopicsError, match="ks: give at least one K"):
        jobs.sweep_topics(reading, str(tmp_path / "s"), [], ["npmi"], [0])
    with pytest.raises(dvtopics.DvtopicsError, match="n_topics 500: give a whole number from 2 to 200"):
        jobs.report(reading, str(tmp_path / "r.html"), n_topics=500)
    with pytest.raises(dvtopics.DvtopicsError, match="n_topics 1001: give a whole number from 2 to 1000"):
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
