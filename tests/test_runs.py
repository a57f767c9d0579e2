"""Outputs, runs, the values users type and the artefacts they edit: a clear one-line error, nothing lost."""
import errno
import json
import os

import numpy as np
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from dvtopics.io import write as tables
from dvtopics.run.batch import input_fingerprint, journal_path, label_stream, output_lock
from dvtopics.cli import cli
from dvtopics.parallel import available_cores
from dvtopics.io.read import read_articles
from dvtopics.errors import ArgumentError, DvtopicsError

from articles import made_up_articles


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output and not isinstance(result.exception, (TypeError, ValueError, OSError))
    return result


def write_jsonl(path, articles):
    path.write_text("".join(json.dumps({"id": a.id, "text": a.raw, "label": a.label}, ensure_ascii=False) + "\n"
                            for a in articles), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "articles.jsonl", made_up_articles(6))


@pytest.fixture(scope="module")
def two_label_corpus(tmp_path_factory):
    """Two labels named in words with spaces, as a user's own label set would be."""
    articles = [a for a in made_up_articles(6) if a.label in ("annual_review", "other")]
    for article in articles:
        article.label = {"annual_review": "tổng kết", "other": "khác loại"}[article.label]
    return write_jsonl(tmp_path_factory.mktemp("two") / "two.jsonl", articles)


# ------------------------------------------------------------------ values users type

@pytest.mark.parametrize("args", [
    ["segment", "{corpus}", "--out", "s.jsonl", "-j", "0"],
    ["segment", "{corpus}", "--out", "s.jsonl", "-j", "-5"],
    ["label", "{corpus}", "--batch-size", "0"],
    ["label", "{corpus}", "--batch-size", "-3"],
    ["label", "{corpus}", "--min-confidence", "1.5"],
    ["label", "{corpus}", "--min-confidence", "nan"],
    ["label", "{corpus}", "--min-confidence", "inf"],
    ["inspect", "{corpus}", "--max-bytes", "0"],
    ["inspect", "{corpus}", "--text-field", ""],
    ["train", "{corpus}", "--out", "m", "--folds", "1"],
    ["train", "{corpus}", "--out", "m", "--seed", "-1"],
    ["train", "{corpus}", "--out", "m", "--weak-other", "-2"],
    ["topics", "fit", "{corpus}", "--out", "t", "--k", "0"],
    ["topics", "fit", "{corpus}", "--out", "t", "--no-above", "0"],
    ["topics", "fit", "{corpus}", "--out", "t", "--no-above", "NaN"],
    ["topics", "fit", "{corpus}", "--out", "t", "--no-below", "-1"],
    ["topics", "fit", "{corpus}", "--out", "t", "--max-iter", "0"],
    ["topics", "sweep", "{corpus}", "--out", "t", "--k", "5:1"],
    ["topics", "sweep", "{corpus}", "--out", "t", "--k", "2,3,3"],
    ["topics", "sweep", "{corpus}", "--out", "t", "--k", "5:100000:5"],
    ["topics", "fit", "{corpus}", "--out", "t", "--k", "100000"],
    ["report", "{corpus}", "--out", "r.html", "--k", "1"],
    # above any real use, or too large for Python's C code (islice) or numpy (a seed)
    ["label", "{corpus}", "--batch-size", "99999999999999999999"],
    ["inspect", "{corpus}", "--max-bytes", "99999999999999999999"],
    ["label", "{corpus}", "--out", "l.jsonl", "--part-size", "99999999999999999999"],
    ["topics", "fit", "{corpus}", "--out", "t", "--no-below", "99999999999999999999"],
    ["topics", "fit", "{corpus}", "--out", "t", "--max-iter", "99999999999999999999"],
    ["train", "{corpus}", "--out", "m", "--weak-other", "99999999999999999999"],
    ["topics", "sweep", "{corpus}", "--out", "t", "--k", "2", "--seeds", "2", "--seed", "4294967295"],
])
def test_every_number_a_user_types_has_a_range(corpus, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*[a.format(corpus=corpus) for a in args])
    assert result.exit_code == 2, result.output
    assert "Invalid value" in result.output or "Error: K range" in result.output
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("command", [["segment", "{corpus}", "--out", "s.jsonl"], ["label", "{corpus}"],
                                     ["topics", "fit", "{corpus}", "--out", "t"],
                                     ["report", "{corpus}", "--out", "r.html"]])
def test_no_cache_with_a_cache_dir_is_a_usage_error(corpus, tmp_path, monkeypatch, command):
    """--cache-dir beside --no-cache was ignored without a word (trial 9, helper C)."""
    monkeypatch.chdir(tmp_path)
    result = run(*[a.format(corpus=corpus) for a in command], "--no-cache", "--cache-dir", "c")
    assert result.exit_code == 2 and result.output.strip().splitlines()[-1] == (
        "Error: --cache-dir names the cache that --no-cache turns off: give one of them")
    assert "Usage: " in result.output and os.listdir(tmp_path) == []


def _options(command, path=()):
    """(command path, option) for every option of every command under `command`."""
    import click

    for name, sub in getattr(command, "commands", {}).items():
        yield from _options(sub, (*path, name))
    for param in command.params:
        if isinstance(param, click.Option):
            yield path, param


def test_every_number_option_has_a_lower_and_an_upper_bound():
    """README: every number option has a range. -j has its own: -1, or 1 up to the cores (more are capped); -v
    is counted, not typed."""
    import click

    numbers = [(path, param) for path, param in _options(cli) if not param.count
               and isinstance(param.type, (click.types.IntParamType, click.types.FloatParamType))]
    assert len(numbers) >= 15
    unbounded = [(" ".join(path), param.opts[-1]) for path, param in numbers
                 if param.name != "n_jobs" and (getattr(param.type, "min", None) is None
                                                or getattr(param.type, "max", None) is None)]
    assert unbounded == []


def test_sweep_seeds_up_to_the_largest_are_taken(corpus, tmp_path):
    """The bound on --seed with --seeds is exact: the last seed may be the largest numpy takes."""
    result = run("topics", "sweep", corpus, "--k", "2", "--seeds", "2", "--seed", str(2**32 - 2), "--engine",
                 "nmf", "--measures", "diversity", "--out", tmp_path / "sw")
    assert result.exit_code == 0, result.output


def test_no_number_option_takes_nan():
    """NaN passes click's range checks (every comparison with it is false): each float option refuses it."""
    import click

    floats = [(path, param) for path, param in _options(cli) if isinstance(param.type, click.types.FloatParamType)]
    assert len(floats) >= 2  # --min-confidence, --no-above
    for path, param in floats:
        for value in ("nan", "-nan", "inf"):
            with pytest.raises(click.BadParameter):
                param.type.convert(value, param, None)


def test_a_share_is_read_as_a_vietnamese_user_writes_it():
    """Hunt 27 B: "--min-confidence 0,8" (a decimal comma, as Vietnamese write it) and "80%" were "not a valid float
    range"; "80" said "not in the range 0<=x<=1". The first two are 0.8; the third names the share meant."""
    import click

    shares = [(path, param) for path, param in _options(cli)
              if isinstance(param.type, click.types.FloatParamType) and param.type.max == 1]
    assert {param.name for _, param in shares} >= {"min_confidence", "silent_min_confidence", "override_min_confidence",
                                                   "no_above"}
    for path, param in shares:
        for typed in ("0,8", "80%", " 80 % ", "0.8"):
            assert param.type.convert(typed, param, None) == pytest.approx(0.8), (path, typed)
        with pytest.raises(click.BadParameter, match=r"80: a share from 0 to 1 is wanted \(0.8 for 80%\)"):
            param.type.convert("80", param, None)
        for wrong in ("1,5", "120%", "8O", "0,8,1"):
            with pytest.raises(click.BadParameter):
                param.type.convert(wrong, param, None)
        # the review of hunt 27: a decimal comma before "%" too; a refusal names the value as typed
        assert param.type.convert("80,5%", param, None) == pytest.approx(0.805)
        with pytest.raises(click.BadParameter, match=r"^'150%' \(1.5\): 1.5 is not in the range"):
            param.type.convert("150%", param, None)


def test_a_count_written_as_a_float_is_refused_saying_the_whole_number_meant(corpus, tmp_path):
    """Hunt 26 D (4): `--k 10.0` (a config's number, a script's n / 2) was "'10.0' is not a valid integer range", in
    click's words, and n_topics=10.0 "give a whole number", which 10.0 is to a reader: both name the number meant."""
    import click

    from dvtopics.topics.model import TopicModel

    counts = [(path, param) for path, param in _options(cli) if not param.count
              and isinstance(param.type, click.types.IntParamType)]
    assert len(counts) >= 13
    for path, param in counts:
        with pytest.raises(click.BadParameter, match=r"'10\.0': give a whole number.* \(10, not 10\.0\)$"):
            param.type.convert("10.0", param, None)
        with pytest.raises(click.BadParameter, match=r"'2\.5': give a whole number[^(]*$"):
            param.type.convert("2.5", param, None)
    result = run("topics", "fit", corpus, "--out", tmp_path / "t", "--k", "10.0")
    assert result.exit_code == 2 and result.output.splitlines()[-1] == (
        "Error: Invalid value for '--k': '10.0': give a whole number from 2 to 1000 (10, not 10.0)")
    for value in (10.0, np.float32(10)):
        with pytest.raises(ArgumentError, match=r"n_topics .*: give a whole number of 2 or more \(10, not 10\.0\)$"):
            TopicModel(n_topics=value).fit(["a b c"] * 3)


def test_the_library_refuses_nan_too(corpus):
    """What the options refuse, the functions behind them refuse as well (a script calls them directly)."""
    from dvtopics.topics.model import TopicModel
    from dvtopics.types.model import load_classifier

    with pytest.raises(DvtopicsError, match="min_confidence \\(--min-confidence\\) nan"):
        load_classifier(None).predict(made_up_articles(1), min_confidence=float("nan"))
    with pytest.raises(DvtopicsError, match="no_above"):
        TopicModel(n_topics=2, no_above=float("nan")).fit(["a b c", "d e f"])


def test_more_processes_than_cores_are_capped_with_a_note(corpus, tmp_path):
    result = run("segment", corpus, "--out", tmp_path / "s.jsonl", "-j", str(available_cores() + 50))
    assert result.exit_code == 0 and f"using {available_cores()}" in result.output


def test_the_command_line_and_the_library_cap_processes_in_one_place(corpus, tmp_path, monkeypatch, caplog):
    """Hunt 26 D (1): -j and n_jobs were capped each by code of its own; both take the cap from `parallel.processes`,
    and a job warns once, however many of its stages ask."""
    from dvtopics import jobs, parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: 1)  # one core: no worker is started
    monkeypatch.setattr(parallel, "_CAPPED", set())
    result = run("label", corpus, "-j", "7")
    assert result.exit_code == 0 and result.output.count("-j 7 is more than the 1 core here; using 1.") == 1
    with caplog.at_level("WARNING"):
        jobs.report(jobs.Reading(corpus, n_jobs=7), tmp_path / "r.html", fit_topics=False)
    assert [r.getMessage() for r in caplog.records if "core here" in r.getMessage()] == [
        "n_jobs 7 is more than the 1 core here; using 1"]


# ------------------------------------------------------------------ outputs and runs

def test_an_output_that_is_an_input_is_refused(corpus, tmp_path):
    copy = tmp_path / "in.jsonl"
    copy.write_bytes(corpus.read_bytes())
    for args in (["label", copy, "--out", copy], ["segment", copy, "--out", copy],
                 ["report", copy, "--out", copy]):
        result = run(*args)
        assert result.exit_code == 2 and "the output is one of the inputs" in result.output
    assert copy.read_bytes() == corpus.read_bytes()


def test_an_output_named_as_another_kind_of_file_is_refused(corpus, tmp_path, seeds_dir):
    """report.pdf would hold HTML (and a reader's PDF viewer call it broken): refused before any work."""
    for args, said in ((["report", corpus, "--out", tmp_path / "r.pdf"], "r.pdf: written as an HTML page"),
                       (["evaluate", "shipped", corpus, "--plot", tmp_path / "confusion.csv"],
                        "confusion.csv: written as a figure, so its name must end in .png or .svg or .pdf"),
                       (["report", corpus, "--out", tmp_path / "r.html", "--xlsx", tmp_path / "r.csv"],
                        "r.csv: written as an Excel workbook, so its name must end in .xlsx"),
                       (["topics", "html", seeds_dir, "--out", tmp_path / "t.txt"], "t.txt: written as an HTML page"),
                       *((["segment", corpus, "--out", tmp_path / name], f"{name}: written as JSON lines, so its "
                          "name must end in .jsonl") for name in ("seg.xlsx", "seg.csv", "seg.jsonl.gz"))):
        result = run(*args)
        assert result.exit_code == 2 and said in result.output and len(result.output.splitlines()) == 1
    assert os.listdir(tmp_path) == []
    assert run("report", corpus, "--out", tmp_path / "r.HTM", "--no-topics").exit_code == 0


@pytest.mark.parametrize("suffix, starts", [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_evaluate_plots_the_confusion_matrix_in_the_format_its_name_says(corpus, tmp_path, suffix, starts):
    result = run("evaluate", "shipped", corpus, "--plot", tmp_path / f"confusion{suffix}")
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"confusion{suffix}").read_bytes().startswith(starts)


def test_resume_without_out_is_refused(corpus):
    """A --resume finishes the run written into --out; without one it would label everything again, silently."""
    result = run("label", corpus, "--resume")
    assert result.exit_code == 2 and "give the same --out" in result.output and '"label"' not in result.output


def test_report_refuses_one_file_for_both_outputs(corpus, tmp_path):
    result = run("report", corpus, "--out", tmp_path / "r.xlsx", "--xlsx", tmp_path / "r.xlsx", "--no-topics")
    assert result.exit_code == 2 and "another output" in result.output


def test_one_article_is_counted_in_the_singular(tmp_path):
    (tmp_path / "a.txt").write_text(made_up_articles(1)[0].raw, encoding="utf-8")
    result = run("segment", tmp_path / "a.txt", "--out", tmp_path / "s.jsonl")
    assert result.exit_code == 0 and "1 article segmented" in result.output


def test_a_closed_pipe_ends_the_command_quietly(tmp_path):
    import subprocess
    import sys

    many = write_jsonl(tmp_path / "many.jsonl", made_up_articles(300))  # far more than a pipe holds
    command = [sys.executable, "-m", "dvtopics", "rules", str(many), "--all"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        errors = process.stderr.read().decode()
    assert process.returncode == 141 and "Error" not in errors and "Exception" not in errors, errors


def test_rules_exits_1_when_some_articles_could_not_be_read(tmp_path):
    (tmp_path / "a.txt").write_text("Tiêu đề\nBan Chỉ đạo họp phiên thường kỳ.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    assert run("rules", tmp_path).exit_code == 1
    assert run("rules", tmp_path / "a.txt").exit_code == 0


def test_an_output_that_cannot_be_written_is_one_line(corpus, tmp_path, monkeypatch):
    (tmp_path / "a_file").write_text("x")
    result = run("label", corpus, "--out", tmp_path / "a_file" / "out.jsonl")
    # hunt 37 C (5): "(File exists)" here, "(… is a file)" from `topics fit`: one wording
    assert result.exit_code == 2 and f"cannot create its folder {tmp_path / 'a_file'} ({tmp_path / 'a_file'} is a " \
                                     "file)" in result.output
    monkeypatch.setattr(os, "access", lambda path, mode: not mode & os.W_OK)  # a folder not ours, as non-root
    result = run("label", corpus, "--out", tmp_path / "out.jsonl")
    assert result.exit_code == 2 and "cannot write in" in result.output


@pytest.mark.parametrize("command", [["train", "{corpus}", "--out", "{out}"],
                                     ["topics", "fit", "{corpus}", "--k", "2", "--out", "{out}"],
                                     ["topics", "sweep", "{corpus}", "--k", "2,3", "--out", "{out}"],
                                     ["evaluate", "models/article-type", "{corpus}", "--plot", "{out}/cm.png"]])
def test_an_output_folder_that_cannot_be_written_stops_the_job_before_its_work(command, corpus, tmp_path,
                                                                               monkeypatch):
    def work(*args, **kwargs):
        raise AssertionError("the work started before the output was checked")

    monkeypatch.setattr("dvtopics.text.segment.segment_articles", work)
    monkeypatch.setattr("dvtopics.types.training.train", work)
    monkeypatch.setattr("dvtopics.types.model.load_classifier", work)
    (tmp_path / "a_file").write_text("x")
    fill = lambda out: [a.format(corpus=corpus, out=out) for a in command]
    result = run(*fill(tmp_path / "a_file" / "sub"))
    assert result.exit_code == 2 and "cannot create its folder" in result.output, result.output
    monkeypatch.setattr(os, "access", lambda path, mode: not mode & os.W_OK)  # a folder not ours, as non-root
    result = run(*fill(tmp_path / "out"))
    assert result.exit_code == 2 and "cannot write in" in result.output, result.output


@pytest.mark.parametrize("command, held", [
    (["topics", "fit", "{corpus}", "--k", "2", "--out", "{out}"], "article-type"),
    (["topics", "fit", "{corpus}", "--k", "2", "--out", "{out}"], "text-classification"),
    (["train", "{corpus}", "--out", "{out}"], "topics"),
])
def test_a_model_folder_of_another_kind_is_refused_as_an_output_and_left_as_it_was(command, held, corpus, tmp_path,
                                                                                   monkeypatch):
    """`topics fit --out models/mine` with a trained classifier there replaced its model and card, silently
    (hunt 15 B, 1): a folder whose card names a model of another kind is refused, naming it, before any work."""
    def work(*args, **kwargs):
        raise AssertionError("the work started before the output was checked")

    monkeypatch.setattr("dvtopics.text.segment.segment_articles", work)
    monkeypatch.setattr("dvtopics.types.training.train", work)
    out = tmp_path / "models" / "mine"
    out.mkdir(parents=True)
    (out / "model_card.json").write_text(json.dumps({"task": held}), encoding="utf-8")
    (out / "model.pickle.gz").write_bytes(b"the user's model")
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    result = run(*[a.format(corpus=corpus, out=out) for a in command])
    assert result.exit_code == 2, result.output
    [line] = [line for line in result.output.splitlines() if line.startswith("Error:")]
    kind = "an article-type model" if held == "article-type" else f"a {held} model"
    assert str(out) in line and f"holds {kind}" in line, line
    # hunt 16 B, note: train said "saving an article-type model" also when training a task of the user's own
    assert f"saving {'a classifier' if command[0] == 'train' else 'a topics model'} there" in line, line
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


def test_a_model_folder_of_the_same_kind_is_still_replaced(corpus, tmp_path):
    """A refit in place is what `topics fit --out` into a topics folder means: not refused."""
    out = tmp_path / "themes"
    assert run("topics", "fit", corpus, "--k", "2", "--out", out).exit_code == 0
    assert run("topics", "fit", corpus, "--k", "2", "--out", out).exit_code == 0
    assert json.loads((out / "model_card.json").read_text(encoding="utf-8"))["task"] == "topics"


def _spelt(label: str, i: int) -> str:
    """An article type as a hand-corrected sheet may spell it: "Semi annual review", "SEMI-ANNUAL-REVIEW", or as it is."""
    return [label, label.replace("_", " ").capitalize(), label.replace("_", "-").upper()][i % 3]


def _types_in(path) -> list[str]:
    import csv

    with open(path, encoding="utf-8-sig") as handle:  # the tables begin with a BOM, for Excel
        return sorted({row["type"] for row in csv.DictReader(handle)})


def test_topics_by_type_read_each_article_type_however_spelt(tmp_path):
    """`topics fit`/`assign` kept "Annual review" and annual_review as two types in by_type.csv, its chart and
    assign's type column, while `train` and `report` read them as one (hunt 15 B, 2): from --labels and from the
    input's label field alike. A label set that is no article types' is kept as written."""
    from dvtopics.article_types import ARTICLE_TYPES as LABELS

    articles = made_up_articles(3)
    plain = write_jsonl(tmp_path / "plain.jsonl", articles)
    labels = tmp_path / "labels.csv"
    labels.write_text("id,label\n" + "".join(f"{a.id},{_spelt(a.label, i)}\n" for i, a in enumerate(articles)),
                      encoding="utf-8")
    for i, article in enumerate(articles):
        article.label = _spelt(article.label, i)
    spelt = write_jsonl(tmp_path / "spelt.jsonl", articles)
    for given in (["--labels", labels], []):
        corpus = plain if given else spelt
        out = tmp_path / f"themes{len(given)}"
        result = run("-q", "topics", "fit", corpus, "--k", "2", *given, "--out", out)
        assert result.exit_code == 0, result.output
        assert _types_in(out / "by_type.csv") == sorted(LABELS), given
        assigned = tmp_path / f"assigned{len(given)}.csv"
        result = run("-q", "topics", "assign", out, corpus, *given, "--out", assigned)
        assert result.exit_code == 0, result.output
        assert _types_in(assigned) == sorted(LABELS), given
    own = tmp_path / "own.csv"  # a task of the user's own: "Other" beside "Politics" is its own class
    own.write_text("id,label\n" + "".join(f"{a.id},{['Politics', 'Other'][i % 2]}\n" for i, a in enumerate(articles)),
                   encoding="utf-8")
    result = run("-q", "topics", "fit", plain, "--k", "2", "--labels", own, "--out", tmp_path / "own")
    assert result.exit_code == 0, result.output
    assert _types_in(tmp_path / "own" / "by_type.csv") == ["Other", "Politics"]


@pytest.mark.parametrize("command, named, made_by", [
    (["report", "{corpus}", "--topics", "{dir}", "--out", "{tmp}/r.html"], "'--topics'", "dvtopics topics fit"),
    (["topics", "show", "{dir}"], "'DIRECTORY'", "dvtopics topics fit"),
    (["topics", "assign", "{dir}", "{corpus}", "--out", "{tmp}/a.csv"], "'DIRECTORY'", "dvtopics topics fit"),
    (["topics", "html", "{dir}", "--out", "{tmp}/t.html"], "'DIRECTORY'", "dvtopics topics fit"),
    (["report", "{corpus}", "--model", "{dir}", "--out", "{tmp}/r.html"], "'--model'", "dvtopics train"),
    (["label", "{corpus}", "--model", "{dir}", "--out", "{tmp}/l.jsonl"], "'--model'", "dvtopics train"),
    (["evaluate", "{dir}", "{corpus}"], "'MODEL'", "dvtopics train"),
    (["evaluate", "models/article-type", "{corpus}", "--compare", "{dir}"], "'--compare'", "dvtopics train"),
])
@pytest.mark.parametrize("missing", ["no folder", "no card"])
def test_a_model_folder_not_found_names_its_option_and_the_command_that_makes_one(command, named, made_by, missing,
                                                                                  corpus, tmp_path):
    """`report --topics themes-typo` said "no such model directory (train one with `dvtopics train`)": neither the
    option nor the command that makes a topics folder (hunt 15 B, 3). Every option that takes a model folder says
    both for a folder that is not there (click's usage error); a folder that holds no model is the loader's one
    line, which names the command too."""
    folder = tmp_path / "themes-typo"
    if missing == "no card":
        folder.mkdir()
    result = run(*[a.format(corpus=corpus, dir=folder, tmp=tmp_path) for a in command])
    assert result.exit_code == 2, result.output
    [line] = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert made_by in line and f"--out {folder}" in line, line
    if missing == "no card":
        assert result.output.strip() == line and "no model_card.json" in line
    else:
        assert named in line
    if made_by != "dvtopics train":
        assert "dvtopics train" not in result.output
    assert "Traceback" not in result.output


def test_a_model_folder_not_found_by_python_says_what_makes_one_of_its_kind(tmp_path):
    from dvtopics.jobs import read_topics
    from dvtopics.persist import load_model
    from dvtopics.types.model import load_classifier

    for read in (read_topics, lambda folder: load_model(folder, task="topics")):
        with pytest.raises(DvtopicsError, match="no such model directory.*dvtopics topics fit") as error:
            read(tmp_path / "themes-typo")
        assert "dvtopics train" not in str(error.value)
    with pytest.raises(DvtopicsError, match="no such model directory.*dvtopics train"):
        load_classifier(tmp_path / "mine")


def test_a_job_refused_on_its_input_leaves_no_empty_output_folder(corpus, tmp_path):
    result = run("topics", "fit", corpus, "--k", "500", "--out", tmp_path / "new" / "topics")
    assert result.exit_code == 2 and "K = 500" in result.output
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("command, job, resumable", [
    (["label", "{corpus}", "--out", "{tmp}/l.jsonl"], "label", True),
    (["segment", "{corpus}", "--out", "{tmp}/s.jsonl"], "segment", False),
    (["topics", "fit", "{corpus}", "--out", "{tmp}/t"], "fit_topics", False),
    (["report", "{corpus}", "--out", "{tmp}/r.html"], "report", False),
])
def test_ctrl_c_suggests_resume_only_where_the_command_has_it(command, job, resumable, corpus, tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        journal_path(tmp_path / "l.jsonl").write_text("")  # label's first labels, written before the Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr(f"dvtopics.jobs.{job}", interrupted)
    result = run(*[a.format(corpus=corpus, tmp=tmp_path) for a in command])
    assert result.exit_code == 130 and "Interrupted" in result.output
    assert ("--resume" in result.output) == resumable


@pytest.mark.parametrize("out", [None, "l.jsonl"])
def test_ctrl_c_before_anything_to_resume_does_not_suggest_resume(out, corpus, tmp_path, monkeypatch):
    """Trial 34: `label` stopped with Ctrl-C as its model loaded (no journal yet), or writing to standard output
    (which --resume refuses: "give the same --out"), was told "rerun with --resume to go on" all the same."""
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("dvtopics.jobs.label", interrupted)
    result = run("label", corpus, *(["--out", tmp_path / out] if out else []))
    # hunt 37 C (5): "finished output is kept" was said where nothing had been written
    assert result.exit_code == 130 and result.output == "Interrupted: no output is left half-written.\n"


def test_sigterm_stops_a_run_as_ctrl_c_does_and_says_so(corpus, tmp_path, monkeypatch):
    """Hunt 38 G (5): SIGTERM (a scheduler's or systemd's stop, `timeout`) stopped `label` without a word, its journal
    and lock left behind; Ctrl-C said what was kept. The signal itself is sent, to this process, inside the job."""
    import os
    import signal

    def stopped(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)

    def unheard(signum, frame):  # (the test's own: it fails, where the signal would end the test run)
        raise AssertionError("SIGTERM reached the caller's handler: the command set none of its own")

    monkeypatch.setattr("dvtopics.jobs.label", stopped)
    before = signal.signal(signal.SIGTERM, unheard)
    try:
        result = run("label", corpus, "--out", tmp_path / "l.jsonl")
        assert result.exit_code == 143 and result.output == "Stopped: no output is left half-written.\n"
        assert signal.getsignal(signal.SIGTERM) is unheard  # given back once the command is done
    finally:
        signal.signal(signal.SIGTERM, before)


def _interrupted_run(articles_path, out):
    """A run killed after its first batch: the journal holds 5 articles and what the run read."""
    calls = []

    def predict(batch):
        if calls:
            raise KeyboardInterrupt
        calls.append(1)
        return [{"id": a.id, "label": "x", "error": a.error} for a in batch]

    with pytest.raises(KeyboardInterrupt):
        label_stream(read_articles(articles_path, on_error="record"), predict, out, batch_size=5,
                     inputs=input_fingerprint([articles_path]))


def test_a_resume_after_the_input_changed_is_refused(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(4))
    out = tmp_path / "out.jsonl"
    _interrupted_run(source, out)
    write_jsonl(source, made_up_articles(3))  # the input is rewritten
    result = run("label", source, "--out", out, "--resume")
    assert result.exit_code == 2 and "the input changed" in result.output
    assert journal_path(out).exists() and not out.exists()


def test_a_resume_into_an_output_with_no_journal_says_so(tmp_path, caplog):
    """`label --resume --out labels.xlsx` where the interrupted run went into labels.csv labelled everything again,
    in silence, exit 0, and left the journal behind (hunt 18 A, 7): it is refused, naming the journal. A resume
    with no journal of any format labels every article, with a warning that there was nothing to resume."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(8))
    _interrupted_run(source, tmp_path / "labels.csv")
    result = run("label", source, "--out", tmp_path / "labels.xlsx", "--resume")
    assert result.exit_code == 2 and "labels.csv.part.jsonl holds an unfinished run" in result.output
    assert f"--out {tmp_path / 'labels.csv'}" in result.output and not (tmp_path / "labels.xlsx").exists()
    with caplog.at_level("WARNING"):
        result = run("label", source, "--out", tmp_path / "new.jsonl", "--resume")
    assert result.exit_code == 0 and "no unfinished run to resume" in caplog.text
    assert len((tmp_path / "new.jsonl").read_text().splitlines()) == len(made_up_articles(8))
    caplog.clear()
    result = run("label", source, "--out", tmp_path / "new.tsv", "--resume")  # refused as an output, no more
    assert result.exit_code == 2 and "must end in" in result.output and "resume" not in caplog.text


def test_a_resume_says_how_many_labels_it_keeps_from_the_journal(tmp_path):
    """Trial 34: a resumed run said nothing of the labels the interrupted run left, and its bar counted from 0, as
    if every article were labelled again: one line on stderr says how many are kept, and from which journal."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(8))
    out = tmp_path / "labels.jsonl"
    _interrupted_run(source, out)
    result = run("label", source, "--out", out, "--resume")
    assert result.exit_code == 0, result.output
    assert f"resumed: 5 labels kept from {journal_path(out)}; labelling the rest\n" in result.output
    assert len(out.read_text().splitlines()) == len(made_up_articles(8))
    result = run("label", source, "--out", tmp_path / "new.jsonl", "--resume")  # nothing to resume: no such line
    assert result.exit_code == 0 and "resumed:" not in result.output


def test_a_resume_looks_once_for_the_other_engines_run(tmp_path, caplog, monkeypatch):
    """Hunt 27 D, 4: a resumed run looked twice for an unfinished run of the other engine (before its lock, to
    say nothing to resume, then under it). Once, under the lock, and still before the word that there is nothing to
    resume: a local resume over a Dask run's parts is refused with no such word."""
    import dvtopics.run.batch as batch

    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(3))
    looked, refuse = [], batch.refuse_other_engine
    monkeypatch.setattr(batch, "refuse_other_engine", lambda *args: looked.append(args) or refuse(*args))
    with caplog.at_level("WARNING"):
        assert run("label", source, "--out", tmp_path / "a.jsonl", "--resume").exit_code == 0
    assert len(looked) == 1 and caplog.text.count("no unfinished run to resume") == 1
    (tmp_path / "b.jsonl.parts").mkdir()
    caplog.clear()
    result = run("label", source, "--out", tmp_path / "b.jsonl", "--resume")
    assert result.exit_code == 2 and "an unfinished run of the Dask engine" in result.output
    assert "no unfinished run" not in caplog.text


@pytest.mark.parametrize("torn", [False, True])
def test_a_resume_of_the_same_input_gives_every_article_once(tmp_path, torn):
    """torn: hunt 24 D (7), a run killed as its journal's last line was written, all but its newline: that line
    read as JSON, so its article counted as done, and was then cut off the journal with the torn line, so the
    resumed output lacked it."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(4))
    out = tmp_path / "out.jsonl"
    _interrupted_run(source, out)
    if torn:
        journal = journal_path(out)
        journal.write_bytes(journal.read_bytes()[:-1])  # the last record's newline never reached the disk

    def predict(batch):
        return [{"id": a.id, "label": "x", "error": a.error} for a in batch]

    label_stream(read_articles(source, on_error="record"), predict, out, resume=True, batch_size=5,
                 inputs=input_fingerprint([source]))
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == [a.id for a in made_up_articles(4)]


@pytest.mark.parametrize("edit", ["repeated", "taken out", "changed"])
def test_a_resume_of_a_journal_edited_by_hand_gives_every_article_once_in_order(tmp_path, caplog, edit):
    """Hunt 32 R: an interrupted run's journal, opened in an editor that repeated a line or lost some: the resumed
    output held that article twice, or the lost ones at its end, out of input order. The journal is read up to the
    first line that is not the next article's, and the rest is labelled again, with a warning naming that line."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(4))
    out = tmp_path / "out.jsonl"
    _interrupted_run(source, out)
    journal = journal_path(out)
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)  # what the run read, then 5 articles
    # (review: a line that no longer reads as JSON was passed over without a word)
    changed = {"repeated": [lines[2], lines[3]], "taken out": [], "changed": ["ghi chú\n", lines[3]]}[edit]
    lines = lines[:3] + changed + lines[4:]
    journal.write_text("".join(lines), encoding="utf-8")

    def predict(batch):
        return [{"id": a.id, "label": "x", "error": a.error} for a in batch]

    with caplog.at_level("WARNING"):
        label_stream(read_articles(source, on_error="record"), predict, out, resume=True, batch_size=5,
                     inputs=input_fingerprint([source]))
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [a.id for a in made_up_articles(4)]
    assert "its line 4 is not the next article's (the file was edited?): the articles from there on are labelled " \
           "again" in caplog.text


def test_a_resume_of_a_journal_cut_short_in_its_first_line_warns_of_no_older_run(tmp_path, caplog):
    """Hunt 25 D (7): a run stopped as its journal's first line was written (a full disk) left half a line; the
    resume warned twice that the journal was "an older run" that records neither its input nor its options."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(3))
    out = tmp_path / "out.jsonl"
    journal_path(out).write_text('{"_run": {"inp', encoding="utf-8")

    def predict(batch):
        return [{"id": a.id, "label": "x", "error": a.error} for a in batch]

    with caplog.at_level("WARNING"):
        label_stream(read_articles(source), predict, out, resume=True, inputs=input_fingerprint([source]),
                     settings={"min_confidence": 0.0})
    assert "older run" not in caplog.text
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [a.id for a in made_up_articles(3)]


class _FullDisk:
    """A file whose disk fills after `room` characters: what is written beyond them fails as a full disk does, with
    an error that names no file."""

    def __init__(self, handle, room):
        self._handle, self._room = handle, room

    def write(self, text):
        if len(text) > self._room:
            self._handle.write(text[:self._room])
            self._room = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room -= len(text)
        return self._handle.write(text)

    def __getattr__(self, name):
        return getattr(self._handle, name)


@pytest.mark.parametrize("room, kept", [(500, r"the labels written before are kept.*--resume"),
                                        (10, r"no label had been written yet: make room and run the same command "
                                             r"with --resume$")])
def test_a_full_disk_names_the_journal_and_loses_no_label(tmp_path, monkeypatch, room, kept):
    """Hunt 25 D (2): a disk that filled while `label` wrote stopped it with "Error: No space left on device" alone:
    no word of which file or disk. It names the journal, and a resume once there is room gives every article once.
    Trial 34: filled at the journal's first labels, it said "the labels written before are kept", though none were."""
    import dvtopics.run.batch as batch

    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(6))
    out = tmp_path / "out.jsonl"

    def predict(articles):
        return [{"id": a.id, "label": "x", "error": a.error} for a in articles]

    monkeypatch.setattr(batch, "open", lambda path, *args, **kwargs: _FullDisk(open(path, *args, **kwargs), room),
                        raising=False)
    with pytest.raises(DvtopicsError, match=r"out.jsonl.part.jsonl: cannot be written \(No space left on device\); "
                                            + kept):
        label_stream(read_articles(source), predict, out, batch_size=2, inputs=input_fingerprint([source]))
    monkeypatch.undo()
    assert journal_path(out).exists() and not out.exists()
    label_stream(read_articles(source), predict, out, resume=True, batch_size=2, inputs=input_fingerprint([source]))
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [a.id for a in made_up_articles(6)]


def test_a_full_disk_as_the_output_is_written_says_the_labels_are_kept_for_resume(tmp_path, monkeypatch,
                                                                                  temporary_files_find_the_disk_full):
    """Trial 33: every article labelled, the disk filled as `label --out` wrote its output from the journal: the line
    said only "what was there before is kept as it was". The journal, which holds every label, stays: it says so,
    and that --resume writes the output once there is room, as a full disk while labelling says."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(4))
    out = tmp_path / "out.jsonl"

    def predict(articles):
        return [{"id": a.id, "label": "x", "error": a.error} for a in articles]

    temporary_files_find_the_disk_full()  # the output's temporary file, beside it
    with pytest.raises(DvtopicsError, match=r"out.jsonl: cannot be written \(No space left on device\); what was there "
                                            r"before is kept as it was; every label is kept in .*out.jsonl.part.jsonl: "
                                            r"run the same command with resume \(--resume\) to write it$"):
        label_stream(read_articles(source), predict, out, inputs=input_fingerprint([source]))
    monkeypatch.undo()
    assert journal_path(out).exists() and not out.exists()
    label_stream(read_articles(source), predict, out, resume=True, inputs=input_fingerprint([source]))
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [a.id for a in made_up_articles(4)]


def _held_by_another_run(out):
    """The lock of `out` as another process holds it: a lock of its own open of the file (`flock` locks conflict
    between two opens, in one process too); a run's own locks are taken again as held (`output_lock`)."""
    from dvtopics.run.batch import _try_lock, lock_path

    handle = open(lock_path(out), "a+b")
    _try_lock(handle.fileno())
    return handle


def test_two_runs_cannot_write_one_output_at_once(tmp_path):
    out = tmp_path / "out.jsonl"
    with _held_by_another_run(out):  # the first run
        with pytest.raises(DvtopicsError, match="another run is writing it"):
            label_stream([], lambda batch: [], out)
    assert not journal_path(out).exists()
    with output_lock(out):  # a run's own lock, taken again by the labelling it runs (as the command line holds it)
        label_stream([], lambda batch: [], out)
        assert (tmp_path / "out.jsonl.lock").exists()
    assert out.exists() and not (tmp_path / "out.jsonl.lock").exists()  # the lock goes with the run that held it


def test_every_command_refuses_an_output_another_run_is_writing(tmp_path):
    """Hunt 37 C (2): two `report`s (or `topics fit`s, `assign`s, `segment`s) into one --out both said they had
    written it, and the one that ended last had; `label` alone held a lock. The command line holds one for every
    output, files and folders."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(2))
    out = tmp_path / "seg.jsonl"
    with _held_by_another_run(out):
        result = run("segment", source, "--out", out)
    assert result.exit_code == 2 and "seg.jsonl: another run is writing it now" in result.output
    assert not out.exists()
    with _held_by_another_run(tmp_path / "themes"):
        result = run("topics", "fit", source, "--k", "2", "--out", tmp_path / "themes")
    assert result.exit_code == 2 and "themes: another run is writing it now" in result.output
    assert run("segment", source, "--out", out).exit_code == 0 and not (tmp_path / "seg.jsonl.lock").exists()


def test_segment_and_the_topic_pages_keep_a_file_of_your_own(tmp_path):
    """Hunt 37 C (1): `segment --out labels.jsonl` replaced a labels file corrected by hand (label refused to), and
    `topics sweep`/`topics html` a sweep.csv or page of the user's own, exit 0. Each is refused but with --force, as
    `label`'s and `assign`'s tables are; their own output is replaced by a rerun."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(12))
    mine = tmp_path / "mine.jsonl"
    mine.write_text('{"id": "1", "label": "annual_review"}\n', encoding="utf-8")
    result = run("segment", source, "--out", mine)
    assert result.exit_code == 2 and "replacing it would lose what it holds" in result.output and "--force" in \
        result.output
    assert mine.read_text(encoding="utf-8") == '{"id": "1", "label": "annual_review"}\n'
    assert run("segment", source, "--out", mine, "--force").exit_code == 0
    assert run("segment", source, "--out", mine).exit_code == 0  # (its own output now)
    (tmp_path / "sweep").mkdir()
    (tmp_path / "sweep" / "sweep.csv").write_text("my,notes\n", encoding="utf-8")
    sweep = ["topics", "sweep", source, "--k", "2", "--seeds", "1", "--engine", "nmf", "--out", tmp_path / "sweep"]
    result = run(*sweep)
    assert result.exit_code == 2 and "sweep.csv: already there" in result.output
    assert (tmp_path / "sweep" / "sweep.csv").read_text(encoding="utf-8") == "my,notes\n"
    assert run(*sweep, "--force").exit_code == 0 and run(*sweep).exit_code == 0
    pytest.importorskip("pyLDAvis")
    assert run("topics", "fit", source, "--k", "2", "--engine", "nmf", "--out", tmp_path / "themes").exit_code == 0
    page = tmp_path / "page.html"
    page.write_text("<p>my notes</p>", encoding="utf-8")
    result = run("topics", "html", tmp_path / "themes", "--out", page)
    assert result.exit_code == 2 and "page.html: already there" in result.output
    assert run("topics", "html", tmp_path / "themes", "--out", page, "--force").exit_code == 0
    assert "my notes" not in page.read_text(encoding="utf-8")


def test_a_lock_that_cannot_be_made_is_named_as_the_output_it_serves(tmp_path):
    """Hunt 21 A (11): a lock file that could not be made beside --out (a folder in its place; /proc, which looks
    writable) was "Error: …/out.jsonl.lock: Is a directory", naming a file the user never gave."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(2))
    (tmp_path / "out.jsonl.lock").mkdir()
    result = run("label", source, "--out", tmp_path / "out.jsonl")
    assert result.exit_code == 2
    assert result.output == (f"Error: {tmp_path / 'out.jsonl'}: cannot hold the run's lock out.jsonl.lock beside it "
                             "(Is a directory); write the output elsewhere\n")


def test_xlsx_over_the_row_limit_is_split_into_sheets(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(tables, "XLSX_MAX_ROWS", 4)  # 3 rows and the header per sheet
    path = tables.write_rows([{"id": i, "label": "x"} for i in range(7)], tmp_path / "a.xlsx")
    book = load_workbook(path)
    assert [(sheet.title, sheet.max_row) for sheet in book] == [("articles", 4), ("articles 2", 4),
                                                                ("articles 3", 2)]
    assert [row[0].value for sheet in book for row in sheet.iter_rows(min_row=2)] == list(range(7))
    assert "more than Excel's 3 per sheet" in caplog.text


# ------------------------------------------------------------------ artefacts people edit or break

def test_a_label_table_given_back_uncorrected_or_corrected_beside_is_said_to_hold_a_models_answers(corpus, tmp_path,
                                                                                                  caplog):
    """Hunt 24 B: `label --out t.xlsx`, then `evaluate MODEL … --labels t.xlsx` before any label was corrected
    scored the model on its own answers (1.0), in silence, and so did one whose corrections went into a column added
    beside `label`. A warning says so; once corrected in `label`, none."""
    out, model = tmp_path / "t.xlsx", tmp_path / "m"
    assert run("train", corpus, "--out", model, "--classifier", "logreg", "--folds", "2").exit_code == 0
    assert run("label", corpus, "--model", model, "--out", out).exit_code == 0
    caplog.clear()
    assert run("evaluate", model, corpus, "--labels", out).exit_code == 0
    assert "is as dvtopics wrote it, no label corrected since" in caplog.text
    book = load_workbook(out)
    book.active["B2"] = "other" if book.active["B2"].value != "other" else "annual_review"
    book.save(out)
    caplog.clear()
    assert run("evaluate", model, corpus, "--labels", out).exit_code == 0
    assert "no label corrected since" not in caplog.text and "added" not in caplog.text
    book.active.cell(1, book.active.max_column + 1).value = "Nhãn đúng"  # the corrections beside the model's labels
    book.save(out)
    assert run("evaluate", model, corpus, "--labels", out).exit_code == 0
    assert "with column(s) 'Nhãn đúng' beside its 'label': its labels are read from its 'label' column" in caplog.text


def test_the_reports_workbook_given_as_labels_says_its_vietnamese_names_are_not_read(corpus, tmp_path, caplog):
    """Hunt 25 B: a Vietnamese reader corrects the report workbook's `name_vi` column and gives it as --labels: the
    warning said the workbook was one `label --out` wrote, with columns "added", and nothing of reading name_vi."""
    model, book = tmp_path / "m", tmp_path / "r.xlsx"
    assert run("train", corpus, "--out", model, "--classifier", "logreg", "--folds", "2").exit_code == 0
    assert run("report", corpus, "--model", model, "--no-topics", "--out", tmp_path / "r.html",
               "--xlsx", book).exit_code == 0
    caplog.clear()
    # hunt 26 B, 16: the workbook's own columns (type_from, model_label, name_vi, topic …) were warned of as "added"
    # beside its label, before any was touched: none is, and name_vi is named once a row's was corrected
    assert run("evaluate", model, corpus, "--labels", book).exit_code == 0
    assert "beside its 'label'" not in caplog.text and "name_vi" not in caplog.text
    workbook = load_workbook(book)
    sheet = workbook["articles"]
    header = [cell.value for cell in sheet[1]]
    row = next(row for row in sheet.iter_rows(min_row=2) if row[header.index("label")].value == "other")
    row[header.index("name_vi")].value = "Tổng kết năm"
    workbook.save(book)
    assert run("evaluate", model, corpus, "--labels", book).exit_code == 0
    assert "1 row(s) whose name_vi is not their label's type" in caplog.text
    assert "--label-field name_vi reads the Vietnamese names" in caplog.text
    assert "beside its 'label'" not in caplog.text
    assert run("evaluate", model, corpus, "--labels", book, "--label-field", "name_vi").exit_code == 0


def test_a_labels_workbook_is_opened_once_for_its_labels_and_its_warnings(tmp_path, caplog, monkeypatch):
    """Hunt 27 D, 1: a report's workbook given as --labels was parsed four times (its columns, its label and its
    name_vi for the warning, then its labels): seconds each on a workbook of thousands of rows."""
    import openpyxl
    from openpyxl import Workbook
    from dvtopics.jobs.classify import gold_labels

    book = Workbook()
    book.active.append(["id", "label", "confidence", "cues", "type_from", "name_vi", "Ghi chú"])
    book.active.append(["a1", "other", 0.9, "", "model", "Khác", "đã xem"])
    book.active.append(["a2", "other", 0.8, "", "model", "Hội nghị sơ kết", ""])
    book.save(tmp_path / "r.xlsx")
    opened, load = [], openpyxl.load_workbook
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *args, **kwargs: opened.append(1) or load(*args, **kwargs))
    assert gold_labels([str(tmp_path / "r.xlsx")]) == {"a1": "other", "a2": "other"}
    assert len(opened) == 1
    assert "column(s) 'Ghi chú' beside its 'label'" in caplog.text
    assert "1 row(s) whose name_vi is not their label's type (e.g. 'a2'" in caplog.text
    book.active["B2"] = "annual_review"  # saved again: read again, not the labels read before
    book.save(tmp_path / "r.xlsx")
    assert gold_labels([str(tmp_path / "r.xlsx")])["a1"] == "annual_review"
    # nothing kept after the job (the review of hunt 27: a cache for the process held 51 MB for 50,000 rows, gave a
    # file saved again with its size and time the old labels, and said a hidden sheet once a notebook's life)
    from dvtopics.io.labels import read_labels

    opened.clear()
    read_labels(tmp_path / "r.xlsx"), read_labels(tmp_path / "r.xlsx")
    assert len(opened) == 2


def test_a_label_table_corrected_by_hand_is_not_replaced_without_force(corpus, tmp_path):
    """Hunt 24 B: `label arts/ --out types.xlsx`, labels corrected by hand in the workbook, then the same command
    again (articles added): the corrected file was replaced and the corrections lost. A table as dvtopics wrote it
    is still replaced; a changed one (or one it is not recorded to have written) is refused unless --force."""
    from dvtopics.run.batch import written_by

    out = tmp_path / "types.xlsx"
    assert run("label", corpus, "--out", out).exit_code == 0
    assert run("label", corpus, "--out", out).exit_code == 0  # unchanged since: replaced, as before
    assert written_by(out) == "shipped"  # whose answers it holds (hunt 30 O: a report could not say)
    book = load_workbook(out)
    book.active["B2"] = "other" if book.active["B2"].value != "other" else "annual_review"
    book.save(out)
    edited = out.read_bytes()
    result = run("label", corpus, "--out", out)
    assert result.exit_code == 2 and "changed since dvtopics wrote it" in result.output and "--force" in result.output
    assert out.read_bytes() == edited and written_by(out) is None  # corrected: no model's answers
    mine = tmp_path / "mine.csv"
    mine.write_text("id,label\na,other\n", encoding="utf-8")  # a table of the user's own
    result = run("label", corpus, "--out", mine)
    assert result.exit_code == 2 and "dvtopics has no record of writing it" in result.output
    assert run("label", corpus, "--out", out, "--force").exit_code == 0 and out.read_bytes() != edited
    assert run("label", corpus, "--out", out).exit_code == 0  # written again by dvtopics: replaced again


@pytest.mark.parametrize("card", ['[1, 2]', '"a model"', '{"task": ["article-type"]}',
                                  '{"task": "article-type", "file": "../../elsewhere.joblib"}',
                                  '\ufeff{"task": "article-type", "parameters": {"head_chars": "all"}}',
                                  '{"task": "article-type", "versions": null}',
                                  '{"task": "article-type", "parameters": null}',
                                  '{"task": "article-type", "parameters": {"head_chars": null}}'])
def test_a_broken_model_card_is_one_line(corpus, tmp_path, card):
    model = tmp_path / "m"
    model.mkdir()
    (model / "model_card.json").write_text(card, encoding="utf-8")
    result = run("label", corpus, "--model", model)
    assert result.exit_code == 2 and "model_card.json" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("topics_json", ["{broken", '{"topic": 0}', '[{"topic": 0, "label": "x"}]',
                                         '[{"topic": 0, "label": "x", "share": 0.5, "words": [[1, 2]]}]'])
def test_a_broken_topics_json_is_one_line(tmp_path, topics_json):
    model = tmp_path / "t"
    model.mkdir()
    (model / "model_card.json").write_text('{"task": "topics"}', encoding="utf-8")
    (model / "topics.json").write_text(topics_json, encoding="utf-8")
    result = run("topics", "show", model)
    assert result.exit_code == 2 and "topics.json" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("field", ["measures", "data", "labels"])
def test_a_topic_card_field_set_to_null_is_one_line(tmp_path, field):
    model = tmp_path / "t"
    model.mkdir()
    card = {"task": "topics", "k": 1, "measures": {"npmi": 0.1}, "data": {"articles": 3}, "labels": ["x"]}
    (model / "model_card.json").write_text(json.dumps({**card, field: None}), encoding="utf-8")
    (model / "topics.json").write_text('[{"topic": 0, "label": "x", "share": 1.0, "words": [["a", 0.5]]}]',
                                       encoding="utf-8")
    result = run("topics", "show", model)
    assert result.exit_code == 2 and f"'{field}' must be" in result.output and "not null" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_train_on_one_label_is_one_line(tmp_path):
    articles = [a for a in made_up_articles(4) if a.label == "other"]
    result = run("train", write_jsonl(tmp_path / "one.jsonl", articles), "--out", tmp_path / "m", "--folds", "2")
    assert result.exit_code == 2 and "two labels or more" in result.output


def test_train_on_articles_with_no_words_left_is_one_line(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": "… !!! ???", "label": "ab"[i % 2]}) + "\n"
                            for i in range(8)), encoding="utf-8")
    result = run("train", path, "--out", tmp_path / "m", "--folds", "2")
    assert result.exit_code == 2 and result.output.strip().splitlines()[-1].startswith("Error:")


@pytest.mark.parametrize("classifier", ["svm", "logreg", "cnb"])
def test_a_model_of_two_labels_labels_and_explains(two_label_corpus, tmp_path, classifier):
    model = tmp_path / "m"
    assert run("train", two_label_corpus, "--out", model, "--folds", "2", "--classifier", classifier).exit_code == 0
    result = run("label", two_label_corpus, "--model", model, "--out", tmp_path / "out.jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["label"] for r in records} == {"tổng kết", "khác loại"}
    assert all(r["cues"] for r in records)  # each label explained, the first class's too


def test_side_files_in_utf16_reach_the_topic_model(tmp_path):
    from dvtopics.cli.topics import _model_params

    stopwords = tmp_path / "stop.txt"
    stopwords.write_text("công_tác\nDân vận\n", encoding="utf-16")  # with a space, as lists on the web have it
    params = _model_params("document", "gensim", "auto", 0.5, False, "nmf", str(stopwords), None, 0)
    assert params["extra_stopwords"] == ("công_tác", "dân_vận")


def test_a_fit_on_articles_without_dates_says_why_there_are_no_shares_over_time(corpus, tmp_path, caplog):
    result = run("topics", "fit", corpus, "--k", "2", "--engine", "nmf", "--out", tmp_path / "t")
    assert result.exit_code == 0, result.output
    assert "no article has a date: no shares over time (over_time.csv)" in caplog.text
    assert not (tmp_path / "t" / "over_time.csv").exists()


def test_a_damaged_segmentation_cache_is_one_line(corpus, tmp_path):
    (tmp_path / "segments.sqlite").write_text("not a database")
    result = run("segment", corpus, "--out", tmp_path / "s.jsonl", "--cache-dir", tmp_path)
    assert result.exit_code == 2 and "segmentation cache is damaged" in result.output


@pytest.fixture
def cache_warning(monkeypatch, caplog):
    from dvtopics.text.cache import SegmentCache

    monkeypatch.setattr(SegmentCache, "_warned", False, raising=False)
    return lambda: [r.getMessage() for r in caplog.records if "segmentation cache" in r.getMessage()]


def test_a_cache_folder_that_is_a_file_is_skipped_with_one_warning(corpus, tmp_path, monkeypatch, cache_warning):
    (tmp_path / "a_file").write_text("x")
    monkeypatch.setenv("DVTOPICS_CACHE", str(tmp_path / "a_file"))
    result = run("segment", corpus, "--out", tmp_path / "s.jsonl")
    assert result.exit_code == 0 and (tmp_path / "s.jsonl").stat().st_size > 0
    [warning] = cache_warning()
    assert "is a file, not a folder" in warning and "delete" not in warning


def test_a_cache_dir_below_a_file_names_that_file(corpus, tmp_path, cache_warning):
    """mkdir names the folder it could not make (a_file/sub/deeper), which is no file: the warning named it."""
    (tmp_path / "a_file").write_text("x")
    deeper = tmp_path / "a_file" / "sub" / "deeper"
    result = run("segment", corpus, "--out", tmp_path / "s.jsonl", "--cache-dir", deeper)
    assert result.exit_code == 0
    [warning] = cache_warning()
    assert f"({tmp_path / 'a_file'} is a file, not a folder)" in warning


def test_a_cache_dir_that_is_a_file_is_skipped_with_one_warning(corpus, tmp_path, cache_warning):
    (tmp_path / "a_file").write_text("x")
    result = run("segment", corpus, "--out", tmp_path / "s.jsonl", "--cache-dir", tmp_path / "a_file")
    assert result.exit_code == 0 and (tmp_path / "s.jsonl").stat().st_size > 0
    assert len(cache_warning()) == 1


def test_a_cache_folder_given_with_a_tilde_is_in_the_home_folder(corpus, tmp_path, monkeypatch):
    """DVTOPICS_CACHE="~/dvcache" (a tilde the shell left: in double quotes, a .env file, a service's settings) or
    --cache-dir "~/dvcache" made a folder named "~" in the working folder (hunt 18 A, 4)."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DVTOPICS_CACHE", "~/dvcache")
    assert run("segment", corpus, "--out", tmp_path / "s.jsonl").exit_code == 0
    assert run("segment", corpus, "--out", tmp_path / "t.jsonl", "--cache-dir", "~/given").exit_code == 0
    assert not (tmp_path / "~").exists()
    assert (tmp_path / "home" / "dvcache" / "segments.sqlite").exists()
    assert (tmp_path / "home" / "given" / "segments.sqlite").exists()


def test_a_cache_that_cannot_be_opened_or_written_is_skipped_not_called_damaged(corpus, tmp_path, monkeypatch,
                                                                                  cache_warning):
    import sqlite3

    from dvtopics.text.cache import SegmentCache

    cache = SegmentCache(tmp_path / "c")  # written once, then only readable: its writes fail
    cache.put_many({"k": "v"})
    cache._db.close()  # (its connection: the cache itself is not closed, it reopens read-only below)
    cache._db = sqlite3.connect(f"file:{cache.path}?mode=ro", uri=True)
    cache.put_many({"k2": "v2"})
    assert cache.get_many(["k", "k2"]) == {} and len(cache_warning()) == 1  # the job goes on without it

    def unable(*args, **kwargs):  # what a read-only --cache-dir gives
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3, "connect", unable)
    monkeypatch.setattr(SegmentCache, "_warned", False, raising=False)
    result = run("segment", corpus, "--out", tmp_path / "s.jsonl", "--cache-dir", tmp_path / "ro")
    assert result.exit_code == 0 and "damaged" not in result.output
    assert len(cache_warning()) == 2 and "unable to open" in cache_warning()[1]  # one more: this run's


# ------------------------------------------------------------------ outputs beside the inputs

def test_an_article_in_an_input_folder_is_never_an_output(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    article = folder / "sub" / "a.txt"
    article.write_text(made_up_articles(1)[0].raw, encoding="utf-8")
    before = article.read_bytes()
    for args in (["segment", folder, "--out", article], ["label", folder, "--out", article],
                 ["report", folder, "--no-topics", "--out", article],
                 ["report", folder, "--no-topics", "--out", tmp_path / "r.html", "--xlsx", article],
                 ["evaluate", "shipped", folder, "--plot", article],
                 ["segment", folder, "--out", folder / "new.TXT"]):  # the next run would read it
        result = run(*args)
        assert result.exit_code == 2 and "in the input folder" in result.output, (args, result.output)
        # one error, after the command's usage (a wrong command line, as README says: hunt 37 C, 5)
        assert result.output.startswith("Usage: ") and result.output.count("Error: ") == 1
    for command in (["train"], ["topics", "fit"], ["topics", "sweep"]):  # a folder output may not be an input
        result = run(*command, folder, "--out", folder)
        assert result.exit_code == 2 and "the output folder is one of the inputs" in result.output
    assert article.read_bytes() == before
    assert sorted(p.name for p in folder.rglob("*")) == ["a.txt", "sub"] and not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("name", ["labels.csv", "labels.jsonl", "labels.xlsx"])
def test_an_output_in_an_input_folder_says_nothing_of_its_own_files(tmp_path, caplog, name):
    """label --out arts/labels.csv warned of its own arts/labels.csv.lock as an input not read (trial 9), and a
    rerun of label --out arts/labels.xlsx of its own previous output."""
    from dvtopics.io import folders

    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text(made_up_articles(1)[0].raw, encoding="utf-8")
    for _ in range(2):
        result = run("label", folder, "--out", folder / name)
        assert result.exit_code == 0, result.output
    assert "not read" not in caplog.text + result.output and ".lock" not in caplog.text + result.output
    assert not folders._written  # only while the command runs


def _model_folder(path, task="article-type"):
    """A folder that reads as a model folder (its card), enough for the outputs to be checked against it."""
    path.mkdir()
    (path / "model_card.json").write_text(json.dumps({"task": task}), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [
    ["evaluate", "{model}", "{corpus}", "--labels", "{labels}", "--plot", "{labels}"],
    ["evaluate", "{model}", "{corpus}", "--plot", "{model}/model_card.json"],
    ["evaluate", "{model}", "{corpus}", "--plot", "{model}/confusion.png"],  # a file of the model folder
    ["evaluate", "shipped", "{corpus}", "--compare", "{model}", "--plot", "{model}/model_card.json"],
    ["label", "{corpus}", "--model", "{model}", "--out", "{model}/model_card.json"],
    ["report", "{corpus}", "--model", "{model}", "--out", "{model}/r.html"],
    ["report", "{corpus}", "--topics", "{topics}", "--out", "{tmp}/r.html", "--xlsx", "{topics}/r.xlsx"],
    ["topics", "assign", "{topics}", "{corpus}", "--labels", "{labels}", "--out", "{labels}"],
    ["topics", "assign", "{topics}", "{corpus}", "--out", "{topics}/documents.csv"],
    ["topics", "html", "{topics}", "--out", "{topics}/view.html"],
    ["train", "{corpus}", "--extra", "{tmp}", "--out", "{tmp}"],
])
def test_no_output_is_anything_the_command_reads(command, corpus, tmp_path):
    """README: an output may not be one of the inputs, for any command and any output option: the articles, a
    --labels or --stopwords file, a model folder and every file in it (its card, its model, topics.json)."""
    model, topics = _model_folder(tmp_path / "model"), _model_folder(tmp_path / "topics", "topics")
    labels = tmp_path / "labels.csv"
    labels.write_text("id,label\nx,other\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    result = run(*[a.format(model=model, topics=topics, labels=labels, corpus=corpus, tmp=tmp_path)
                   for a in command])
    # one error (after the command's usage where the output is an input: a wrong command line)
    assert result.exit_code == 2 and result.output.count("Error: ") == 1, result.output
    assert result.output.strip().splitlines()[-1].startswith("Error: ")
    assert any(said in result.output for said in ("the output is one of the inputs", "in the model folder",
                                                  "the output folder is one of the inputs", "a file; name a folder"))
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before


def test_every_path_option_says_whether_the_command_reads_or_writes_it():
    """The output check (`cli.options.Command`) knows the inputs and outputs by their types: a path option
    declared otherwise would escape it. The segmentation cache is neither: it is shared between runs."""
    import click

    from dvtopics.cli.options import Command, InputPath, OutputPath

    def commands(command, path=()):
        for name, sub in getattr(command, "commands", {}).items():
            yield from commands(sub, (*path, name))
        if not isinstance(command, click.Group):
            yield path, command

    found = list(commands(cli))
    assert len(found) >= 10 and all(isinstance(command, Command) for _, command in found)
    undeclared = [(" ".join(path), param.name) for path, command in found for param in command.params
                  if isinstance(param.type, click.Path) and not isinstance(param.type, (InputPath, OutputPath))
                  and param.name != "cache_dir"]
    assert undeclared == []


# ------------------------------------------------------------------ ids given twice

def test_labels_of_an_input_that_repeats_ids_feed_topics_fit(tmp_path, caplog):
    """label's own output is a --labels file for `topics fit`, as README shows, even where the input repeats an
    id: the id whose articles got two types is left untyped, with a warning, and the rest keep theirs."""
    articles = made_up_articles(2)
    for article in articles:
        article.label = None  # the types come from --labels alone
    articles[0].id = articles[-1].id = "dup"  # a semi-annual review and an 'other' article share an id
    corpus = write_jsonl(tmp_path / "dup.jsonl", articles)
    result = run("label", corpus, "--out", tmp_path / "labels.csv")
    assert result.exit_code == 0 and "1 article repeats the id of an earlier article (e.g. 'dup')" in caplog.text
    result = run("topics", "fit", corpus, "--k", "2", "--engine", "nmf", "--labels", tmp_path / "labels.csv",
                 "--out", tmp_path / "t")
    assert result.exit_code == 0, result.output
    assert "1 id has two different labels (e.g. 'dup'" in caplog.text
    import csv

    with open(tmp_path / "t" / "documents.csv", encoding="utf-8-sig") as handle:
        types = [(row["id"], row["type"]) for row in csv.DictReader(handle)]
    assert len(types) == 10 and [t for i, t in types if i == "dup"] == ["", ""]
    assert all(t for i, t in types if i != "dup")


def test_the_cache_folder_help_names_every_place_the_cache_is_looked_for(tmp_path, monkeypatch):
    """--help said "[default: ~/.cache/dvtopics or $DVTOPICS_CACHE]", while $XDG_CACHE_HOME, when set, moves it
    (`text.cache.default_cache_dir`): a user with it set looked for the cache where it never was (hunt 22 C, 6)."""
    from dvtopics.text.cache import default_cache_dir

    monkeypatch.delenv("DVTOPICS_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "dvtopics"
    for command in (["label"], ["topics", "fit"], ["report"]):
        said = " ".join(run(*command, "--help").output.split())
        assert "$DVTOPICS_CACHE, else $XDG_CACHE_HOME/dvtopics, else ~/.cache/dvtopics" in said, command


@pytest.mark.parametrize("read_only_fs, said", [(True, "a read-only file system"), (False, "permission denied")])
def test_an_output_on_a_read_only_file_system_is_not_called_permission_denied(tmp_path, monkeypatch, read_only_fs,
                                                                               said):
    """Trial 34: `label --out /mnt/cdrom/a.csv`, `topics fit --out` on a file system mounted read-only said
    "(permission denied)", sending the user to chmod, which cannot help there."""
    import types

    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(1))
    flags = os.ST_RDONLY if read_only_fs else 0
    access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kwargs: os.fspath(path) != str(tmp_path / "out")
                        and access(path, mode, **kwargs))
    monkeypatch.setattr(os, "statvfs", lambda path: types.SimpleNamespace(f_flag=flags))
    for command in (["label", source, "--out", tmp_path / "out" / "a.csv"],
                    ["topics", "fit", source, "--out", tmp_path / "out" / "t"]):
        result = run(*command)
        assert result.exit_code == 2 and f"cannot write in {tmp_path / 'out'} ({said})" in result.output, result.output


@pytest.mark.parametrize("quiet", [False, True])
def test_a_workers_warning_obeys_quiet_and_reads_as_a_warning(tmp_path, quiet):
    """Trial 34: `dvtopics -q label … -j 2` with a cache that cannot be used printed the worker's warning all the same,
    bare ("the segmentation cache … cannot be used …", no "WARNING:"): a worker process started with no log handler,
    and Python's last resort printed it. Workers log as the command does."""
    import subprocess
    import sys

    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(2))
    (tmp_path / "a-file").write_text("")
    cache = str(tmp_path / "a-file" / "cache")  # under a file: it cannot be made
    result = subprocess.run([sys.executable, "-m", "dvtopics", *(["-q"] if quiet else []), "label", str(source),
                             "--out", str(tmp_path / "out.csv"), "-j", "2", "--batch-size", "1"],
                            capture_output=True, text=True, env={**os.environ, "DVTOPICS_CACHE": cache}, timeout=300)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "segmentation cache" in line]
    assert said == [] if quiet else said and all(line.startswith("WARNING: ") for line in said), result.stderr



def test_the_topic_options_words_are_read_in_any_case(tmp_path):
    """Hunt 37 C (5): `--engine NMF` and `--period YEAR` were read, `--no-below AUTO` and `--measures NPMI` refused."""
    source = write_jsonl(tmp_path / "in.jsonl", made_up_articles(12))
    result = run("topics", "sweep", source, "--k", "2", "--seeds", "1", "--engine", "NMF", "--no-below", "AUTO",
                 "--measures", "NPMI,Diversity", "--out", tmp_path / "sweep")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sweep" / "sweep.csv").read_text(encoding="utf-8-sig").startswith("k,seeds,npmi")
