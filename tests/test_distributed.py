"""The Dask engine gives what the local engine gives, article by article, in input order."""
import gzip
import json
import os
import sys

import pytest
from click.testing import CliRunner

from dvtopics.cli import cli
from dvtopics.io.read import read_articles
from dvtopics.run.distributed import connect, plan_parts, read_part
from dvtopics.errors import MissingExtraError, NoArticlesError

from articles import made_up_articles

distributed = pytest.importorskip("distributed", reason="the Dask engine needs: pip install 'dvtopics[dask]'")


def _lines():
    """JSONL lines of made-up articles, with what a real file holds: a blank line, a broken
    line and records without an id (their id is file name and line number)."""
    lines = []
    for n, article in enumerate(made_up_articles(6) * 2):
        record = {"text": article.raw} if n % 9 == 4 else {"id": f"a{n}", "text": article.raw}
        lines.append(json.dumps(record, ensure_ascii=False))
    lines[10:10] = ["", "{not json"]
    return lines


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    text = "\n".join(_lines()) + "\n"
    (folder / "articles.jsonl").write_text(text, encoding="utf-8")
    with gzip.open(folder / "articles.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(text)
    texts = folder / "texts"
    texts.mkdir()
    for article in made_up_articles(2):
        (texts / f"{article.id}.txt").write_text(article.raw, encoding="utf-8")
    (texts / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def model_dir(inputs, tmp_path_factory):
    train = tmp_path_factory.mktemp("train") / "train.jsonl"
    train.write_text("".join(json.dumps({"id": a.id, "text": a.raw, "label": a.label}, ensure_ascii=False) + "\n"
                             for a in made_up_articles(6)), encoding="utf-8")
    out = tmp_path_factory.mktemp("model") / "m"
    result = CliRunner().invoke(cli, ["train", str(train), "--out", str(out), "--classifier", "logreg", "--folds", "2"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def test_parts_name_what_a_folder_holds_unread_as_a_whole_read_does(tmp_path, caplog):
    (tmp_path / "a.txt").write_text("Hội nghị sơ kết công tác dân vận 6 tháng đầu năm.", encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "labels.csv").write_text("file,label\na.txt,other\n", encoding="utf-8")  # a side table: no word
    with caplog.at_level("WARNING"):
        assert len(plan_parts([tmp_path])) == 1
    assert "1 .html file not read" in caplog.text and ".csv" not in caplog.text
    (tmp_path / "a.txt").unlink()
    with pytest.raises(NoArticlesError, match="no articles"):
        plan_parts([tmp_path])


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.jsonl.gz", "texts"])
def test_parts_read_what_a_whole_read_gives(inputs, name):
    whole = list(read_articles(inputs / name, on_error="record"))
    parts = plan_parts([inputs / name, inputs / "texts"], size=5)
    assert len(parts) > 3 and [p.index for p in parts] == list(range(len(parts)))
    parted = [a for part in parts for a in read_part(part)]
    assert [a.to_dict() for a in parted] == [a.to_dict() for a in whole + list(read_articles(inputs / "texts",
                                                                                             on_error="record"))]
    if name != "texts":  # ids from line numbers and the broken line's error survive the cut
        assert any(a.id == f"{name}:5" for a in parted) and any("not valid JSON" in (a.error or "") for a in parted)


def _label(args, inputs_used, model_dir, out, cache):
    cache_dir = ["--cache-dir", str(cache)] if cache is not None else []  # None: with --no-cache
    result = CliRunner().invoke(cli, ["label", *map(str, inputs_used), "--model", str(model_dir), "--out", str(out),
                                      *cache_dir, *args])
    assert result.exit_code in (0, 1), result.output
    return result


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.jsonl.gz"])
def test_dask_labels_equal_local_labels_in_input_order(inputs, model_dir, scheduler, tmp_path, name):
    used = [inputs / name, inputs / "texts"]
    _label([], used, model_dir, tmp_path / "local.jsonl", tmp_path / "cache-local")
    result = _label(["--engine", "dask", "--scheduler", scheduler, "--part-size", "5"], used, model_dir,
                    tmp_path / "dask.jsonl", tmp_path / "cache-dask")
    local, dask = _records(tmp_path / "local.jsonl"), _records(tmp_path / "dask.jsonl")
    assert len(local) == 60 + 1 + 10 + 1  # every article and both failures; the blank line is no article
    assert dask == local
    assert {r["label"] for r in dask if not r["error"]} == {"semi_annual_review", "quarterly_briefing",
                                                           "steering_committee", "annual_review", "other"}
    assert result.exit_code == 1 and "error: 2" in result.output  # the broken line and the empty file
    assert not (tmp_path / "dask.jsonl.parts").exists()
    assert (tmp_path / "cache-dask" / "segments.sqlite").exists()  # the workers shared one cache


def test_dask_csv_output_and_folder_of_parts(inputs, model_dir, scheduler, tmp_path):
    used = [inputs / "articles.jsonl"]
    _label([], used, model_dir, tmp_path / "local.csv", tmp_path / "c")
    _label(["--engine", "dask", "--scheduler", scheduler, "--part-size", "7"], used, model_dir, tmp_path / "dask.csv",
           tmp_path / "c")
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    _label(["--engine", "dask", "--scheduler", scheduler, "--part-size", "7", "--no-cache"], used, model_dir,
           f"{tmp_path / 'parts'}/", None)
    parts = sorted((tmp_path / "parts").glob("part-*.jsonl"))
    assert len(parts) == 9  # 62 lines in parts of 7
    _label([], used, model_dir, tmp_path / "local.jsonl", tmp_path / "c")
    assert [r for p in parts for r in _records(p)] == _records(tmp_path / "local.jsonl")


def test_a_resume_of_a_finished_dask_run_is_refused_and_keeps_its_output(inputs, model_dir, scheduler, tmp_path):
    used, out = [inputs / "articles.jsonl"], tmp_path / "o.jsonl"
    args = ["--engine", "dask", "--scheduler", scheduler, "--part-size", "7"]
    _label(args, used, model_dir, out, tmp_path / "c")
    finished = out.read_bytes()
    result = CliRunner().invoke(cli, ["label", str(used[0]), "--model", str(model_dir), "--out", str(out), *args,
                                      "--resume", "--min-confidence", "0.9"])
    assert result.exit_code == 2 and "finished" in result.output and out.read_bytes() == finished


def test_unfinished_dask_run_needs_resume_and_finishes(inputs, model_dir, scheduler, tmp_path):
    used = [inputs / "articles.jsonl"]
    out = tmp_path / "o.jsonl"
    args = ["--engine", "dask", "--scheduler", scheduler, "--part-size", "7"]
    _label(args, used, model_dir, out, tmp_path / "c")
    expected = _records(out)
    # a run that died after its first part: the parts folder with one finished part
    out.unlink()
    _label(args, used, model_dir, f"{tmp_path / 'o.jsonl.parts'}/", tmp_path / "c")
    for part in sorted((tmp_path / "o.jsonl.parts").glob("part-*.jsonl"))[1:]:
        part.unlink()
    result = CliRunner().invoke(cli, ["label", str(used[0]), "--model", str(model_dir), "--out", str(out), *args])
    assert result.exit_code == 2 and "--resume" in result.output and not out.exists()
    result = CliRunner().invoke(cli, ["label", str(used[0]), "--model", str(model_dir), "--out", str(out), *args,
                                      "--part-size", "8", "--resume"])
    assert result.exit_code == 2 and "changed" in result.output
    before = used[0].stat()
    os.utime(used[0], ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))  # the input written again since
    result = CliRunner().invoke(cli, ["label", str(used[0]), "--model", str(model_dir), "--out", str(out), *args,
                                      "--resume"])
    os.utime(used[0], ns=(before.st_atime_ns, before.st_mtime_ns))
    assert result.exit_code == 2 and "changed" in result.output
    result = CliRunner().invoke(cli, ["label", str(used[0]), "--model", str(model_dir), "--out", str(out), *args,
                                      "--resume", "--min-confidence", "0.9"])
    assert result.exit_code == 2 and "cannot resume: --min-confidence: 0.0 then, 0.9 now" in result.output
    _label(args + ["--resume"], used, model_dir, out, tmp_path / "c")
    assert _records(out) == expected


def test_missing_model_on_the_workers_is_one_line(inputs, scheduler, tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["label", str(inputs / "articles.jsonl"), "--model", str(tmp_path / "empty"),
                                      "--out", str(tmp_path / "o.jsonl"), "--engine", "dask", "--scheduler", scheduler])
    assert result.exit_code == 2 and result.output.startswith("Error:") and "empty" in result.output


def test_dask_needs_an_output_file(inputs, model_dir):
    result = CliRunner().invoke(cli, ["label", str(inputs / "articles.jsonl"), "--model", str(model_dir),
                                      "--engine", "dask"])
    assert result.exit_code == 2 and "--out" in result.output


def test_the_dask_options_with_the_local_engine_are_refused(inputs, model_dir, tmp_path):
    """Trial 7: --scheduler and --part-size were accepted and ignored by the local engine."""
    for given in (["--scheduler", "tcp://192.0.2.1:8786"], ["--part-size", "2"]):
        result = CliRunner().invoke(cli, ["label", str(inputs / "articles.jsonl"), "--model", str(model_dir),
                                          "--out", str(tmp_path / "o.jsonl"), *given])
        assert result.exit_code == 2 and f"{given[0]} is for --engine dask" in result.output
        assert not (tmp_path / "o.jsonl").exists()


def test_quiet_silences_the_local_clusters_logs(inputs, model_dir, tmp_path):
    """Trial 7: `dvtopics -q … --engine dask` printed Dask's INFO lines (its loggers have their own levels)."""
    import subprocess

    from pathlib import Path

    import dvtopics

    run = subprocess.run([sys.executable, "-m", "dvtopics", "-q", "label", str(inputs / "articles.jsonl"), "--model",
                          str(model_dir), "--out", str(tmp_path / "o.jsonl"), "--engine", "dask", "--no-cache"],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(Path(dvtopics.__file__).parents[1])})
    assert run.returncode == 1, run.stderr  # the inputs hold one line that is not JSON
    assert "INFO" not in run.stderr and (tmp_path / "o.jsonl").exists()


def test_without_dask_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what a missing package looks like to import
    with pytest.raises(MissingExtraError, match=r"pip install 'dvtopics\[dask\]'"):
        with connect():
            pass


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_dask_topic_assignment_equals_local(inputs, scheduler, tmp_path, suffix):
    themes = tmp_path / "themes"
    fit = CliRunner().invoke(cli, ["topics", "fit", str(inputs / "articles.jsonl"), "--k", "3", "--no-phrases",
                                   "--out", str(themes)])
    assert fit.exit_code in (0, 1), fit.output
    used = [str(inputs / "articles.jsonl.gz"), str(inputs / "texts")]
    local = CliRunner().invoke(cli, ["topics", "assign", str(themes), *used, "--out", str(tmp_path / f"l{suffix}")])
    dask = CliRunner().invoke(cli, ["topics", "assign", str(themes), *used, "--out", str(tmp_path / f"d{suffix}"),
                                    "--engine", "dask", "--scheduler", scheduler, "--part-size", "4"])
    assert local.exit_code == dask.exit_code == 1, dask.output  # the broken line and the empty file
    assert dask.stdout == local.stdout  # articles per topic
    assert (tmp_path / f"d{suffix}").read_text(encoding="utf-8") == (tmp_path / f"l{suffix}").read_text(encoding="utf-8")
    assert len((tmp_path / f"d{suffix}").read_text(encoding="utf-8").splitlines()) >= 70
