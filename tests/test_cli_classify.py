import csv
import json
import re
import shutil
from collections import Counter
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dvtopics.cli import cli
from dvtopics.types.training import ARTICLE_TYPE_VIEWS

from articles import made_up_articles, write_unlabelled_and_labels

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A JSONL file of made-up labelled articles."""
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for article in made_up_articles(6):
            handle.write(json.dumps({"id": article.id, "text": article.raw, "label": article.label},
                                    ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def model_dir(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "m"
    result = CliRunner().invoke(cli, ["train", str(corpus), "--out", str(out), "--classifier", "logreg",
                                      "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert "chosen: logreg" in result.output
    return out


def test_a_second_training_into_the_same_folder_stops_at_once_and_the_first_is_kept(model_dir, corpus, tmp_path):
    """Hunt 25 D: two `train` runs into one --out wrote the same temporary files, and their renames could leave one
    run's model beside the other's card. While one run holds the folder, another stops in one line; a new folder a
    refused run made is taken away again."""
    import shutil

    from dvtopics.run.batch import _try_lock

    out = tmp_path / "m"
    shutil.copytree(model_dir, out)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    # the first run, training, in another process (a lock of an open of its own: this run's own are taken again)
    with open(out / ".dvtopics-training.lock", "a+b") as first:
        _try_lock(first.fileno())
        result = CliRunner().invoke(cli, ["train", str(corpus), "--out", str(out), "--classifier", "logreg",
                                          "--folds", "2"])
        assert result.exit_code == 2 and f"{out}: another run is writing it now" in result.output, result.output
        assert result.output.count("\n") == 1
        assert {path.name: path.read_bytes() for path in out.iterdir() if path.suffix != ".lock"} == before
    result = CliRunner().invoke(cli, ["train", str(corpus), "--out", str(out), "--classifier", "logreg",
                                      "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.iterdir()) == sorted(before)  # the lock is gone with the run
    unlabelled = tmp_path / "unlabelled.jsonl"
    unlabelled.write_text(json.dumps({"id": "a", "text": "Hội nghị bàn về công tác dân vận."}, ensure_ascii=False)
                          + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(unlabelled), "--out", str(tmp_path / "new")])
    assert result.exit_code != 0 and "no labelled article" in result.output and not (tmp_path / "new").exists()


def test_a_model_folder_among_the_articles_is_refused_and_inspect_shows_its_card(model_dir, corpus, tmp_path):
    """Hunt 25 B: `label models/mine articles/` (the order `evaluate MODEL PATHS` takes) labelled the articles with the
    shipped model, the folder an error record that said to unzip its model file; `inspect models/mine` said the same.
    A reading job refuses it before any work, naming where a model goes; inspect shows the card."""
    result = CliRunner().invoke(cli, ["label", str(model_dir), str(corpus)])
    assert result.exit_code == 2 and result.stdout == ""
    assert "an article-type model's folder (its model_card.json), not articles" in result.output
    assert f"label --model {model_dir} ARTICLES" in result.output
    result = CliRunner().invoke(cli, ["inspect", str(model_dir), str(corpus)])
    assert result.exit_code == 0, result.output
    shown = result.output.splitlines()
    assert shown[0] == f"{model_dir}: an article-type model" and "  classifier      logreg" in shown
    assert any(line.startswith("  metrics         cross_validated: macro-F1 ") for line in shown)
    assert any(line.startswith("annual_review-0 ") for line in shown)  # the articles beside it
    card = json.loads((model_dir / "model_card.json").read_text(encoding="utf-8"))
    card["parameters"]["pipeline"] = "Pipeline(steps=[('features',\n                 FeatureUnion("  # an older card's
    old = tmp_path / "old"
    shutil.copytree(model_dir, old)
    (old / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    shown = CliRunner().invoke(cli, ["inspect", str(old)]).output
    assert "    pipeline              Pipeline(steps=[('features', FeatureUnion(\n" in shown
    both = tmp_path / "both"  # a folder of articles a model was saved in too (`train --out .`) is read
    shutil.copytree(model_dir, both)
    (both / "a.txt").write_text("Tiêu đề\n\nHội nghị tổng kết công tác năm 2023.\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["label", str(both)]).exit_code == 0


def test_a_models_files_among_the_articles_are_never_read_as_articles(model_dir, tmp_path, caplog):
    """Hunt 26 B, 14: a model folder and a model's files (its card, its pickle, an older .joblib) in a folder of
    articles were said to be "an archive: extract its files" and JSON files to "give by name"; given by name
    (`label arts/*`), the card was read as an article and the pickle was an error record. In a folder they are passed
    over and named; given by name, refused before any work, naming the folder to give as the model."""
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text("Tiêu đề\n\nHội nghị tổng kết công tác năm 2023.\n", encoding="utf-8")
    shutil.copytree(model_dir, arts / "mine")
    for name in ("model_card.json", "model.pickle.gz"):
        shutil.copy(model_dir / name, arts / name)
    (arts / "model.joblib").write_bytes(b"\x80\x04joblib")
    with caplog.at_level("WARNING"):
        result = CliRunner().invoke(cli, ["inspect", str(arts), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a"]
    assert "1 model folder not read (e.g. 'mine'): a model, not articles" in caplog.text
    assert "3 model files not read (e.g. 'model.joblib'): part of a model, not articles" in caplog.text
    assert "archive" not in caplog.text
    for name in ("model_card.json", "model.joblib"):
        result = CliRunner().invoke(cli, ["label", str(arts / "a.txt"), str(arts / name)])
        assert result.exit_code == 2 and result.stdout == ""
        assert f"{arts / name}: a model's file, not articles: give its folder, {arts}, where a model" in result.output



def test_inspect_says_when_a_model_file_is_not_the_one_its_card_names(model_dir, corpus, tmp_path):
    """Hunt 27 B: a model folder whose model file was replaced by hand (another model's copied in) showed its card as
    a sound model's, exit 0, while label and evaluate refused it. Its card is shown, and an error line and exit 1 say
    why the model is refused; the articles beside it are still shown."""
    from dvtopics.types.model import DEFAULT_MODEL_DIR

    replaced = tmp_path / "replaced"
    shutil.copytree(model_dir, replaced)
    shutil.copy(DEFAULT_MODEL_DIR / "model.pickle.gz", replaced / "model.pickle.gz")
    for extra in ([], [str(corpus)]):
        result = CliRunner().invoke(cli, ["inspect", str(replaced), *extra])
        assert result.exit_code == 1
        assert result.stdout.startswith(f"{replaced}: an article-type model")
        assert "model.pickle.gz: checksum does not match its model card" in result.stderr
        assert bool(extra) == ("annual_review-0 " in result.stdout)
    result = CliRunner().invoke(cli, ["inspect", str(replaced), "--format", "jsonl"])
    assert "checksum does not match" in json.loads(result.stdout)["error"]
    assert CliRunner().invoke(cli, ["inspect", str(model_dir), str(corpus)]).exit_code == 0


def test_inspect_says_when_a_card_edited_by_hand_is_not_the_one_its_model_was_saved_with(model_dir, tmp_path):
    """Hunt 29 I, 2: a card whose parameters were edited by hand, its model file intact (the checksum is the file's),
    was shown as a sound model's, exit 0, while loading the model refused it. inspect says what loading says."""
    edited = tmp_path / "edited"
    shutil.copytree(model_dir, edited)
    card = json.loads((edited / "model_card.json").read_text(encoding="utf-8"))
    card["parameters"]["head_chars"] = 1000
    (edited / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(edited)])
    assert result.exit_code == 1 and result.stdout.startswith(f"{edited}: an article-type model")
    assert "its parameters say head_chars 1000, the model file was trained with 4000" in result.stderr
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "a.txt").write_text("Hội nghị sơ kết công tác dân vận 6 tháng đầu năm.", encoding="utf-8")
    labelled = CliRunner().invoke(cli, ["label", str(tmp_path / "arts"), "--model", str(edited)])
    assert labelled.exit_code == 2 and result.stderr.strip() in labelled.stderr


@pytest.mark.parametrize("task", [None, "Article-type"])
def test_inspect_refuses_a_card_whose_task_is_missing_or_misspelt_as_label_does(model_dir, tmp_path, task):
    """The review of hunt 29 I: a card without its task, or with it misspelt, was shown as sound (exit 0); `label
    --model` refuses it."""
    edited = tmp_path / "edited"
    shutil.copytree(model_dir, edited)
    card = json.loads((edited / "model_card.json").read_text(encoding="utf-8"))
    card.pop("task") if task is None else card.update(task=task)
    (edited / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(edited)])
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "a.txt").write_text("Hội nghị sơ kết công tác dân vận 6 tháng đầu năm.", encoding="utf-8")
    labelled = CliRunner().invoke(cli, ["label", str(tmp_path / "arts"), "--model", str(edited)])
    assert labelled.exit_code == 2
    assert result.exit_code == 1 and result.stderr.strip() and result.stderr.strip() in labelled.stderr


def test_an_output_folder_given_as_an_existing_file_is_said_to_be_a_folder(corpus, tmp_path):
    """Hunt 27 B: `train a.jsonl --out labels.csv` (a file there) said only "Directory 'labels.csv' is a file."."""
    there = tmp_path / "labels.csv"
    there.write_text("id,label\n", encoding="utf-8")
    for command in (["train", str(corpus)], ["topics", "fit", str(corpus)]):
        result = CliRunner().invoke(cli, [*command, "--out", str(there)])
        assert result.exit_code == 2 and f"'{there}' is a file, and --out names the folder this command writes its " \
            "files into: give a folder's name" in result.output
    assert there.read_text(encoding="utf-8") == "id,label\n"


def test_a_folder_given_as_labels_names_its_files_and_the_pattern_that_reads_them(model_dir, corpus, tmp_path):
    """Hunt 27 B: `--labels labels/` (a folder of one labels file per province) said only "File 'labels' is a
    directory."; the files in it are named, with the pattern that reads them all, which then scores them all."""
    folder = tmp_path / "labels"
    folder.mkdir()
    articles = made_up_articles(6)
    for name, part in (("north.csv", articles[:15]), ("south.csv", articles[15:])):
        (folder / name).write_text("id,label\n" + "".join(f"{a.id},{a.label}\n" for a in part), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--labels", str(folder)])
    pattern = str(folder / "*.csv")
    assert result.exit_code == 2
    assert f'give those in it (north.csv, south.csv), each with its own --labels, or all at once as --labels ' \
           f'"{pattern}"' in result.output
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--labels", pattern, "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["n"] == 30
    result = CliRunner().invoke(cli, ["topics", "fit", str(corpus), "--labels", str(folder),
                                      "--out", str(tmp_path / "t")])
    assert result.exit_code == 2 and "--labels takes one file: give one of those in it (north.csv, south.csv)" \
        in result.output
    (folder / "east.JSONL").write_text("", encoding="utf-8")  # two kinds: no one pattern reads them (review of hunt 27)
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--labels", str(folder)])
    assert result.exit_code == 2 and "--labels takes files: give those in it (east.JSONL, north.csv, south.csv), " \
        "each with its own --labels." in result.output and "all at once" not in result.output


def test_label_field_names_the_labels_files_column_which_a_table_of_articles_need_not_have(model_dir, tmp_path):
    """Hunt 32 R, left: `evaluate arts.csv --labels mine.csv --label-field "Loại bài"` stopped on the articles' table
    ("no 'Loại bài' column (--label-field)"), where the same articles as JSON lines were scored: the column is the
    labels file's. Without --labels, a table that lacks it still stops the run (its labels are the run's result)."""
    articles = made_up_articles(6)
    table, labels = tmp_path / "arts.csv", tmp_path / "mine.csv"
    with open(table, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], *([a.id, a.raw] for a in articles)])
    labels.write_text("id,Loại bài\n" + "".join(f"{a.id},{a.label}\n" for a in articles), encoding="utf-8")
    given = ["--labels", str(labels), "--label-field", "Loại bài"]
    scored = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(table), *given, "--format", "json"])
    assert scored.exit_code == 0 and json.loads(scored.stdout)["n"] == len(articles), scored.output
    trained = CliRunner().invoke(cli, ["train", str(table), *given, "--out", str(tmp_path / "m"), "--classifier",
                                       "logreg", "--folds", "2"])
    assert trained.exit_code == 0, trained.output
    reported = CliRunner().invoke(cli, ["report", str(table), *given, "--no-topics", "--out", str(tmp_path / "r.html")])
    assert reported.exit_code == 0, reported.output
    # (review: topics fit and assign read their articles in a job of their own, which took the flag back)
    fitted = CliRunner().invoke(cli, ["topics", "fit", str(table), *given, "--k", "2", "--out", str(tmp_path / "t")])
    assert fitted.exit_code == 0, fitted.output
    assigned = CliRunner().invoke(cli, ["topics", "assign", str(tmp_path / "t"), str(table), *given, "--out",
                                        str(tmp_path / "a.csv")])
    assert assigned.exit_code == 0, assigned.output
    alone = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(table), "--label-field", "Loại bài"])
    assert alone.exit_code == 2 and "no 'Loại bài' column (--label-field)" in alone.output, alone.output


def test_a_run_that_read_no_article_says_so_not_one_article(model_dir, tmp_path):
    """`label` of an empty folder, or of one whose files could not be read, closed with "1 article (error: 1)": the
    error was the folder's or the file's, no article. The summary says none was read; the exit code stays 1."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "a.docx").write_bytes(b"\x00\x01 no zip")
    (tmp_path / "broken" / "b.docx").write_bytes(b"\x00\x02 no zip either")
    for folder, errors in (("empty", "1 error"), ("broken", "2 errors")):
        result = CliRunner().invoke(cli, ["label", str(tmp_path / folder), "--model", str(model_dir),
                                          "--out", str(tmp_path / f"{folder}.csv")])
        summary = result.stderr.strip().splitlines()[-1]
        assert result.exit_code == 1, result.output
        assert summary == f"no article read ({errors}, each named above) -> {tmp_path / folder}.csv", summary
    (tmp_path / "broken" / "c.txt").write_text("Ban dân vận huyện họp bàn việc làm đường giao thông nông thôn.",
                                               encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", str(tmp_path / "broken"), "--model", str(model_dir)])
    assert result.exit_code == 1 and result.stderr.strip().splitlines()[-1].startswith("3 articles ("), result.stderr


def test_a_label_output_named_as_another_format_names_the_one_meant(corpus, tmp_path):
    """Hunt 27 B: `label --out labels.json` (or .tsv, or "labels.csv " pasted with a space) said only "output must end
    in .jsonl, .csv, .xlsx": the name meant is said, and the space shown."""
    for name, said in (("labels.json", "; name it labels.jsonl (a JSON record a line)"),
                       ("labels.tsv", "; name it labels.csv"),
                       ("labels.csv ", "; its name 'labels.csv ' ends in a space: name it 'labels.csv'")):
        result = CliRunner().invoke(cli, ["label", str(corpus), "--out", str(tmp_path / name)])
        assert result.exit_code == 2 and result.output.rstrip().endswith(said), result.output
        assert not (tmp_path / name).exists()


def test_evaluate_names_the_shipped_model_shipped_in_its_label_warnings(corpus, tmp_path, caplog):
    """Hunt 27 B: `evaluate shipped … --compare shipped` said "against shipped" but "a label the model
    /…/site-packages/dvtopics/models/article-type never predicts": the run's own name for it is used."""
    labels = tmp_path / "typo.csv"
    labels.write_text("id,label\nother-0,oter\nother-1,other\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(corpus), "--labels", str(labels)])
    # (a misspelling is refused since hunt 40 O, naming the model so too)
    assert result.exit_code == 2 and "is not one the model shipped predicts: did you mean 'other'?" in result.output
    labels.write_text("id,label\nother-0,TT\nother-1,other\n", encoding="utf-8")  # another task's label: warned of
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(corpus), "--labels", str(labels)])
    assert result.exit_code == 0, result.output
    assert "a label the model shipped never predicts" in caplog.text


def test_inspect_shipped_shows_the_card_of_the_model_that_comes_with_dvtopics(tmp_path, monkeypatch):
    """Hunt 26 E: a wheel keeps the shipped model inside the package, where no user finds its card (its scores, the
    versions it was made with), and `shipped` names it wherever a model folder is asked for; `inspect shipped` said
    "Path 'shipped' does not exist."."""
    from dvtopics.types.model import DEFAULT_MODEL_DIR

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["inspect", "shipped", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    card = json.loads(result.stdout)
    assert card["model"] == str(DEFAULT_MODEL_DIR) and card["task"] == "article-type" and card["versions"]
    # hunt 26 B, 2: no PATHS at all was "Missing argument 'PATHS...'": it is the shipped model's card, as `shipped`
    alone = CliRunner().invoke(cli, ["inspect", "--format", "jsonl"])
    assert alone.exit_code == 0 and alone.stdout == result.stdout, alone.output


def test_train_writes_a_model_with_a_card(model_dir):
    card = json.loads((model_dir / "model_card.json").read_text())
    assert card["labels"] == sorted(card["labels"]) and len(card["labels"]) == 5
    assert len(card["sha256"]) == 64
    assert card["parameters"]["silent_min_confidence"] == 0.8  # article types: the default, recorded


def test_the_card_records_the_train_command_as_typed(corpus, tmp_path):
    """The card's description was "dvtopics train " + sys.argv[2:]: after a global option (`dvtopics -q train
    a.jsonl`) "dvtopics train train a.jsonl", a path with a space two words, and under a test runner the runner's own
    arguments (hunt 23 B, 12). It is the command's arguments as typed, quoted as a shell reads them."""
    import shlex

    named = tmp_path / "bài mới.jsonl"
    named.write_bytes(corpus.read_bytes())
    result = CliRunner().invoke(cli, ["-q", "train", str(named), "--out", str(tmp_path / "m"), "--classifier", "cnb",
                                      "--folds", "2"])
    assert result.exit_code == 0, result.output
    said = json.loads((tmp_path / "m" / "model_card.json").read_text(encoding="utf-8"))["training_data"]["description"]
    assert shlex.split(said) == ["dvtopics", "train", str(named), "--out", str(tmp_path / "m"), "--classifier", "cnb",
                                 "--folds", "2"]


def test_train_records_its_views_and_rejects_unknown_ones(model_dir, corpus, tmp_path):
    card = json.loads((model_dir / "model_card.json").read_text())
    assert card["parameters"]["views"] == list(ARTICLE_TYPE_VIEWS)  # the article-type default
    one_view = tmp_path / "one"
    result = CliRunner().invoke(cli, ["train", str(corpus), "--out", str(one_view), "--classifier", "logreg",
                                      "--folds", "2", "--views", "text"])
    assert result.exit_code == 0, result.output
    assert json.loads((one_view / "model_card.json").read_text())["parameters"]["views"] == ["text"]
    result = CliRunner().invoke(cli, ["train", str(corpus), "--out", str(tmp_path / "bad"), "--views", "title"])
    assert result.exit_code == 2 and "unknown view(s) title" in result.output
    assert not (tmp_path / "bad").exists()
    # a view given twice would be recorded twice on the card of a pipeline that holds it once
    result = CliRunner().invoke(cli, ["train", str(corpus), "--out", str(tmp_path / "twice"), "--views", "text,text"])
    assert result.exit_code == 2 and "view(s) text given more than once" in result.output
    assert not (tmp_path / "twice").exists()


def _relabelled(tmp_path, relabel):
    """The made-up corpus with some labels changed by `relabel` (label -> label)."""
    path = tmp_path / "relabelled.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for article in made_up_articles(6):
            handle.write(json.dumps({"id": article.id, "text": article.raw, "label": relabel(article.label)},
                                    ensure_ascii=False) + "\n")
    return path


def test_labels_lose_their_spaces_and_a_misspelt_article_type_is_refused(tmp_path):
    from dvtopics.io.read import read_articles
    from dvtopics.types.training import collect

    spaced = _relabelled(tmp_path, lambda label: label + " " if label == "other" else label)
    data = collect(read_articles(spaced))
    assert sorted(set(data.labels)) == sorted(a.label for a in made_up_articles(1))  # "other " is "other"
    misspelt = _relabelled(tmp_path, lambda label: {"semi_annual_review": "Semi_Anual_Review",
                                                    "other": "other "}.get(label, label))
    result = CliRunner().invoke(cli, ["train", str(misspelt), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2 and "'Semi_Anual_Review' are not article types" in result.output
    assert "semi_annual_review (Sơ kết 6 tháng), quarterly_briefing (Giao ban, trực báo quý)" in result.output
    assert "'other '" not in result.output


def test_article_types_in_capitals_or_with_spaces_are_the_article_types(tmp_path):
    from dvtopics.io.read import read_articles
    from dvtopics.types.training import collect

    shouted = _relabelled(tmp_path, lambda label: label.upper().replace("_", " "))  # "SEMI ANNUAL REVIEW"
    data = collect(read_articles(shouted))
    assert sorted(set(data.labels)) == sorted(a.label for a in made_up_articles(1))


@pytest.mark.parametrize("spell", [lambda label: label.title().replace("_", ""),  # "SemiAnnualReview"
                                   lambda label: label.replace("_", ""),  # "semiannualreview"
                                   lambda label: label.replace("_", "-").capitalize() + "\u00a0"])
def test_article_types_spelt_without_separators_are_the_article_types(tmp_path, spell):
    """Trial 8, 06: "SemiAnnualReview" or "semiannualreview" trained a plain text classifier of classes of their own,
    without the cue rules, silently. Every way a user writes the five types is the type; one of them beside a label
    that is not a type is refused, naming it."""
    from dvtopics.errors import DvtopicsError
    from dvtopics.io.read import read_articles
    from dvtopics.types.training import check_label_set, collect

    data = collect(read_articles(_relabelled(tmp_path, spell)))
    assert sorted(set(data.labels)) == sorted(a.label for a in made_up_articles(1))
    with pytest.raises(DvtopicsError, match="'Politics' are not article types"):
        check_label_set({spell("semi_annual_review"), "Other", "Politics"})


VIETNAMESE = {"semi_annual_review": "sơ kết 6 tháng đầu năm", "quarterly_briefing": "Giao ban quý",
              "steering_committee": "BAN CHI DAO", "annual_review": "Tổng kết năm", "other": "Khác"}


def test_article_types_by_their_vietnamese_names_are_the_article_types(model_dir, tmp_path):
    """Hunt 25 B: a Vietnamese analyst's labels file names the types as the report does ("Sơ kết 6 tháng", "Khác"),
    with or without tone marks: train made a task of its own of them, without the cue rules, and evaluate refused
    them as labels the model does not know. They are the types; an unknown name beside them is still refused."""
    from dvtopics.errors import DvtopicsError
    from dvtopics.io.read import read_articles
    from dvtopics.types.training import check_label_set, collect

    translated = _relabelled(tmp_path, VIETNAMESE.get)
    assert sorted(set(collect(read_articles(translated)).labels)) == sorted(VIETNAMESE)
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(translated), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)["per_class"]) == set(VIETNAMESE)
    with pytest.raises(DvtopicsError, match="'Chính trị' are not article types.*annual_review \\(Tổng kết năm\\)"):
        check_label_set({"Sơ kết 6 tháng", "Khác", "Chính trị"})
    # hunt 30 O: the labels read as types are named, with the type: which of a set of one's own to rename
    with pytest.raises(DvtopicsError, match="'Sơ kết', 'Tin khác' are not article types, while 'Giao ban quý' "
                                            "\\(quarterly_briefing\\) is: the article types are"):
        check_label_set({"Sơ kết", "Giao ban quý", "Tin khác"})
    # review of hunt 30 O: not its 'Khác' (other), which a set of one's own may have
    with pytest.raises(DvtopicsError, match="while 'annual_review' is:.*may name other, but none of the other types"):
        check_label_set({"Khác", "annual_review", "Chính trị"})
    with pytest.raises(DvtopicsError, match="'Giao ban tháng' are not article types, while 'Giao ban quý' "
                                            "\\(quarterly_briefing\\) is:"):
        check_label_set({"Giao ban tháng", "Giao ban quý", "Khác"})


def test_the_report_names_the_types_from_their_one_home():
    from dvtopics.article_types import ARTICLE_TYPES, TYPE_NAMES_VI
    from dvtopics.report import html
    from dvtopics.types.names import spelt_as_article_type

    assert html.TYPE_NAMES_VI is TYPE_NAMES_VI and set(TYPE_NAMES_VI) == set(ARTICLE_TYPES)
    assert all(spelt_as_article_type(name) == label for label, name in TYPE_NAMES_VI.items())


def test_evaluate_reads_article_types_in_capitals_in_the_label_field(model_dir, tmp_path):
    shouted = _relabelled(tmp_path, lambda label: label.upper().replace("_", " "))
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(shouted), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)["per_class"]) == set(a.label for a in made_up_articles(1))


def test_evaluate_macro_f1_is_the_mean_of_its_table_a_class_never_true_included(model_dir, tmp_path):
    """Labels that file quarterly briefings under `other`: the model still predicts quarterly_briefing, which
    its table lists with F1 0, and the macro-F1 is that table's mean, scikit-learn's (trial 6, 05)."""
    folded = _relabelled(tmp_path, lambda label: "other" if label == "quarterly_briefing" else label)
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(folded), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    table = [row["f1"] for row in out["per_class"].values()]
    assert out["per_class"]["quarterly_briefing"]["support"] == 0
    assert out["macro_f1"] == pytest.approx(sum(table) / len(table))


def test_evaluate_says_how_many_articles_had_no_label(model_dir, tmp_path, caplog):
    """Blank label cells (a sheet's merged label column, a half-labelled CSV) are not scored, and one warning
    says how many (trial 6, 04)."""
    half = _relabelled(tmp_path, lambda label: label if label in ("other", "annual_review") else "")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(half), "--format", "json"])
    assert result.exit_code == 0, result.output
    n = json.loads(result.stdout)["n"]
    assert n < 30 and f"{30 - n} of the 30 articles read have no label and are not scored" in caplog.text


def test_a_label_table_left_uncertain_in_places_labels_only_its_decided_rows(model_dir, tmp_path, caplog):
    """Hunt 24 B: the table `label --min-confidence 0.9 --abstain uncertain --out` wrote, given back as --labels
    with some rows still 'uncertain': evaluate scored each as the model's error (a class 'uncertain' it never
    predicts) and train refused the file as a mix of types and other labels. Those rows label nothing."""
    articles = made_up_articles(3)
    texts, labels = write_unlabelled_and_labels(tmp_path, articles)
    rows = labels.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].split(",")[0] + ",uncertain"
    labels.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(texts), "--labels", str(labels),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["n"] == len(articles) - 1 and "uncertain" not in out["per_class"]
    assert "1 id(s) labelled 'uncertain'" in caplog.text and articles[0].id in caplog.text
    result = CliRunner().invoke(cli, ["train", str(texts), "--labels", str(labels), "--classifier", "logreg",
                                      "--folds", "2", "--out", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert "uncertain" not in json.loads((tmp_path / "m" / "model_card.json").read_text())["labels"]


def test_a_label_named_uncertain_in_a_task_of_ones_own_is_kept():
    from dvtopics.types.names import without_abstentions

    assert without_abstentions({"a": "positive", "b": "uncertain"}, "x.csv") == {"a": "positive", "b": "uncertain"}


def test_a_labels_file_naming_the_txt_files_by_their_path_from_here_labels_them(model_dir, tmp_path, monkeypatch):
    """Hunt 24 B: a labels CSV made with `ls arts/*.txt` (a `file` column `arts/a.txt`, or absolute paths) beside
    `evaluate MODEL arts/`: no id matched (an article of a folder is named by its path below it, `a`), and the error
    said to "give the folder the labels were made for", which was given. Each such path names its article."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "arts").mkdir()
    articles = made_up_articles(1)
    for article in articles:
        (tmp_path / "arts" / f"{article.id}.txt").write_text(article.raw, encoding="utf-8")
    labels = tmp_path / "labels.csv"
    for name in (lambda a: f"arts/{a.id}.txt", lambda a: str(tmp_path / "arts" / f"{a.id}.txt")):
        labels.write_text("file,label\n" + "".join(f"{name(a)},{a.label}\n" for a in articles), encoding="utf-8")
        for given in (["arts"], [f"arts/{a.id}.txt" for a in articles]):
            result = CliRunner().invoke(cli, ["evaluate", str(model_dir), *given, "--labels", str(labels),
                                              "--format", "json"])
            assert result.exit_code == 0, result.output
            assert json.loads(result.stdout)["n"] == len(articles)


def test_two_folders_holding_files_of_the_same_names_give_their_articles_ids_labels_tell_apart(
        model_dir, tmp_path, monkeypatch, caplog):
    """Hunt 36 C (1): two provinces' folders that both hold 001.txt gave two articles the id "001": `label`'s own
    output was refused as --labels ("id '001' has two labels: keep one"), and a file that kept one labelled both
    articles with it, the wrong one in silence. The later folder's files are named by the path given ("south/001");
    the first keep their ids. Label's output, a `file` column and the ids all label the right articles."""
    import logging

    from dvtopics.io.read import read_articles
    from dvtopics.run.distributed import plan_parts

    monkeypatch.chdir(tmp_path)
    articles = {a.id: a for a in made_up_articles(1)}  # (one of each type)
    placed = {"north/001": "annual_review-0", "north/002": "other-0", "south/001": "quarterly_briefing-0",
              "south/002": "steering_committee-0"}
    for name, article_id in placed.items():
        Path(name).parent.mkdir(exist_ok=True)
        Path(f"{name}.txt").write_text(articles[article_id].raw, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        ids = [a.id for a in read_articles(["north", "south"])]
    assert ids == ["001", "002", "south/001", "south/002"]
    assert caplog.messages == ["south: 2 files have the id of an article another path given has (e.g. '001'): named "
                               "by the path given ('south/001', 'south/002'), so that labels given by id tell them "
                               "apart"]
    assert [article_id for part in plan_parts(["north", "south"], 1) for _, article_id in part.files] == ids  # (Dask)
    assert [a.id for a in read_articles(["north", "south/001.txt"])] == ["001", "002", "south/001"]
    truth = {"001": "annual_review", "002": "other", "south/001": "quarterly_briefing",
             "south/002": "steering_committee"}
    result = CliRunner().invoke(cli, ["label", "north", "south", "--model", str(model_dir), "--out", "labels.csv"])
    assert result.exit_code == 0, result.output
    by_file = "file,label\n" + "".join(f"{name}.txt,{articles[article_id].label}\n"
                                       for name, article_id in placed.items())
    by_id = "id,label\n" + "".join(f"{id_},{label}\n" for id_, label in truth.items())
    for labels in ("labels.csv", by_file, by_id):
        if labels != "labels.csv":
            Path("given.csv").write_text(labels, encoding="utf-8")
        result = CliRunner().invoke(cli, ["evaluate", str(model_dir), "north", "south", "--format", "json",
                                          "--labels", "labels.csv" if labels == "labels.csv" else "given.csv"])
        assert result.exit_code == 0, result.output
        scored = json.loads(result.stdout)
        assert scored["n"] == 4
        if labels != "labels.csv":  # (the model's answers scored against the truth, by the right articles)
            assert sum(map(sum, scored["confusion"])) == 4
            assert all(error["true"] == truth[error["id"]] for error in scored["errors"])


def test_a_labels_file_naming_the_txt_files_by_their_windows_paths_labels_them(model_dir, tmp_path):
    """Hunt 26 B, 17: a `file` column of Windows paths (C:\\Users\\lan\\arts\\2022\\a.txt, labels made on another
    machine) labelled no article read here, and the error said the ids were the articles' "but for its folders". Such
    a path names the file its end names below a folder given; one that names none is said to be a Windows path."""
    articles = made_up_articles(1)
    (tmp_path / "arts" / "2022").mkdir(parents=True)
    for n, article in enumerate(articles):
        (tmp_path / "arts" / ("2022" if n % 2 else "") / f"{article.id}.txt").write_text(article.raw, encoding="utf-8")
    labels = tmp_path / "labels.csv"
    labels.write_text("file,label\n" + "".join(f"C:\\Users\\lan\\arts\\{'2022' + chr(92) if n % 2 else ''}{a.id}.txt,"
                                              f"{a.label}\n" for n, a in enumerate(articles)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(tmp_path / "arts"), "--labels", str(labels),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == len(articles)
    labels.write_text("file,label\nC:\\Users\\lan\\elsewhere\\gone.txt,other\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(tmp_path / "arts"), "--labels", str(labels)])
    assert result.exit_code == 2
    assert "'C:/Users/lan/elsewhere/gone' is a path on Windows, not here: a `file` cell names" in result.output


def test_labels_of_ones_own_that_differ_only_in_case_are_one_mistake_named(tmp_path, caplog):
    """Hunt 24 B: a task of one's own keeps its labels as written, so "Khác" and "khác" (typed by a colleague) were
    two classes in train, each learnt from half the articles, and in evaluate "khác" was an error whatever the
    model said, with no word of why. train refuses them, naming both; evaluate's warning says which it meant."""
    own = {"annual_review": "Tổng kết", "other": "Khác"}
    articles = [a for a in made_up_articles(4) if a.label in own]
    rows = [{"id": a.id, "text": a.raw, "label": own[a.label].lower() if i % 2 else own[a.label]}
            for i, a in enumerate(articles)]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(mixed), "--out", str(tmp_path / "m"), "--classifier", "logreg",
                                      "--folds", "2"])
    assert result.exit_code == 2 and "differ only in case or spaces" in result.output and "'khác'" in result.output
    one_way = tmp_path / "one.jsonl"
    one_way.write_text("".join(json.dumps({**r, "label": r["label"].capitalize()}, ensure_ascii=False) + "\n"
                               for r in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(one_way), "--out", str(tmp_path / "m"), "--classifier", "logreg",
                                      "--folds", "2"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "m"), str(mixed)])
    assert result.exit_code == 0 and "but for case or spaces: the labels of a task of your own" in caplog.text


def test_a_labels_sheet_whose_ids_have_spaces_around_them_labels_its_articles(model_dir, tmp_path):
    """Hunt 24 B: a labels sheet whose id cells were pasted with a space after them ("a1 ") labelled no article
    ("none of the ids in --labels is an article of the input", with no hint), though its labels are read without
    theirs. Its ids are too."""
    from openpyxl import Workbook

    articles = made_up_articles(1)
    texts, _ = write_unlabelled_and_labels(tmp_path, articles)
    book = Workbook()
    book.active.append(["id", "label"])
    for article in articles:
        book.active.append([f"{article.id} ", article.label])
    book.save(tmp_path / "labels.xlsx")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(texts), "--labels", str(tmp_path / "labels.xlsx"),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == len(articles)


def test_a_translated_label_set_beside_the_article_types_is_refused(tmp_path):
    from dvtopics.errors import DvtopicsError
    from dvtopics.types.training import check_label_set

    check_label_set({"other", "politics", "sport"})  # a task of the user's own, with an `other` of its own
    with pytest.raises(DvtopicsError, match="'politics', 'tổng kết' are not article types"):
        check_label_set({"annual_review", "other", "politics", "tổng kết"})  # five of each passed before


def test_evaluate_says_how_many_labelled_ids_it_did_not_find(model_dir, corpus, tmp_path, caplog):
    labels = tmp_path / "partial.csv"
    labels.write_text("id,label\nother-0,other\nnot-here,other\nnor-here,annual_review\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--labels", str(labels),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == 30  # other-0 from the file, the others from their label field
    assert "2 of the 3 labelled ids in --labels are not articles of the input" in caplog.text
    labels.write_text("id,label\nnot-here,other\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--labels", str(labels)])
    assert result.exit_code == 2 and "the one id in --labels is not an article" in result.output


def test_evaluate_scores_an_article_given_twice_once(model_dir, corpus, tmp_path, caplog):
    """Hunt 27 B: the same articles given twice (a file and its copy, two exports that overlap) were each scored
    twice by evaluate (n=60 of 30 articles), where train learns and scores each text once."""
    copy = tmp_path / "copy.jsonl"
    shutil.copy(corpus, copy)
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), str(copy), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == 30
    assert "30 labelled article(s) repeat the title and text of another, with its label: each text is scored once" \
        in caplog.text


def test_the_labelled_ids_not_found_are_named(model_dir, corpus, tmp_path, caplog):
    """Hunt 27 B: "1 of the 31 labelled ids … is not an article of the input" named none, and among hundreds of labels
    the user could not tell which; an id typed in another case (a file name as Windows shows it) is said so."""
    labels = tmp_path / "partial.csv"
    labels.write_text("id,label\nother-0,other\nOther-1,other\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--labels", str(labels)])
    assert result.exit_code == 0, result.output
    assert "1 of the 2 labelled ids in --labels is not an article of the input: left out: its 'Other-1' is the " \
           "article 'other-1' but for case" in caplog.text
    caplog.clear()
    labels.write_text("id,label\nother-0,other\nnot-here,other\nnor-here,other\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--labels", str(labels)])
    assert "are not articles of the input: left out: 'not-here', 'nor-here'" in caplog.text


def test_train_says_how_many_labelled_ids_it_did_not_find(corpus, tmp_path, caplog):
    labels = tmp_path / "partial.csv"
    labels.write_text("id,label\nother-0,other\nnot-here,annual_review\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(corpus), "--labels", str(labels), "--classifier", "logreg",
                                      "--folds", "2", "--out", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert "1 of the 2 labelled ids in --labels is not an article of the input" in caplog.text


def test_an_id_with_two_labels_in_a_labels_file_is_refused(model_dir, corpus, tmp_path):
    labels = tmp_path / "twice.csv"
    labels.write_text("id,label\nother-0,other\nother-0,annual_review\nother-1,other \nother-1,other\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--labels", str(labels)])
    assert result.exit_code == 2 and "id 'other-0' has two labels" in result.output
    assert "other-1" not in result.output  # the same label twice, but for its spaces, is no conflict


def test_evaluate_json(model_dir, corpus, tmp_path):
    png = tmp_path / "cm.png"
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--format", "json", "--plot", str(png)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)
    assert {"accuracy", "macro_f1", "per_class"} <= set(metrics)
    assert metrics["accuracy"] > 0.9 and png.stat().st_size > 1000


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_evaluate_whose_figure_cannot_be_written_still_shows_its_scores(model_dir, corpus, tmp_path, monkeypatch, fmt):
    """Trial 33, left then: `evaluate --plot cm.png` on a full disk said the figure's error and showed none of the
    scores the run had computed. They are shown, then the figure's one line, and the exit code is 2."""
    import errno

    from matplotlib.figure import Figure

    def full(self, fname, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", full)
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--format", fmt,
                                      "--plot", str(tmp_path / "cm.png")])
    assert result.exit_code == 2
    assert "cm.png: cannot be written (No space left on device)" in result.stderr
    assert ("macro-F1" in result.stdout if fmt == "text" else json.loads(result.stdout)["accuracy"] > 0.9)
    assert not (tmp_path / "cm.png").exists()


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".xlsx"])
def test_label_writes_every_article(model_dir, corpus, tmp_path, suffix):
    out = tmp_path / f"labels{suffix}"
    result = CliRunner().invoke(cli, ["label", str(corpus), "--model", str(model_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "30 articles" in result.output and out.exists()
    if suffix == ".jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [r["id"] for r in rows] == [a.id for a in made_up_articles(6)]
        assert {"id", "label", "confidence", "cues", "title", "date"} <= set(rows[0])


def test_label_in_worker_processes_equals_one_process(model_dir, corpus, tmp_path):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"labels-{jobs}.jsonl"
        result = CliRunner().invoke(cli, ["label", str(corpus), "--model", str(model_dir), "--out", str(out),
                                          "--batch-size", "4", "-j", jobs, "--no-cache"])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8"))
        result = CliRunner().invoke(cli, ["label", str(corpus), "--model", str(model_dir), "--batch-size", "4",
                                          "-j", jobs, "--no-cache"])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines() == outputs[-1].splitlines()
    assert outputs[0] == outputs[1] and len(outputs[0].splitlines()) == 30


def _interrupted_label_run(corpus, out, model_dir, fields=None):
    """`dvtopics label` stopped by Ctrl-C after its first batch of 4: a journal holds 4 articles."""
    from dvtopics.io.read import FieldNames
    from dvtopics.jobs import Reading, label

    def stop(n):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        label(Reading([str(corpus)], fields or FieldNames()), str(out), str(model_dir), batch_size=4, on_progress=stop)
    assert (out.parent / (out.name + ".part.jsonl")).exists()


@pytest.mark.parametrize("changed, said", [
    (["--min-confidence", "0.9", "--abstain", "uncertain"], ["--min-confidence: 0.0 then, 0.9 now",
                                                              '--abstain: "other" then, "uncertain" now']),
    (["--model", "models/article-type"], ["the model (its checksum)"]),
    (["--text-field", "body"], ["the field options: --text-field text then, --text-field body now"]),
])
def test_a_resume_with_another_model_or_options_is_refused(model_dir, corpus, tmp_path, changed, said):
    out = tmp_path / "labels.jsonl"
    _interrupted_label_run(corpus, out, model_dir)
    args = ["label", str(corpus), "--out", str(out), "--resume", "--model", str(model_dir), *changed]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "cannot resume" in result.output and not out.exists()
    assert all(words in result.output for words in said), result.output
    result = CliRunner().invoke(cli, ["label", str(corpus), "--out", str(out), "--resume", "--model", str(model_dir)])
    assert result.exit_code == 0, result.output  # the same settings finish it
    assert len(out.read_text(encoding="utf-8").splitlines()) == 30


def test_a_resume_that_reads_a_field_as_another_is_refused(model_dir, corpus, tmp_path):
    """Trial 9 (08): a run with --title-field headline resumed with --source-field headline was accepted (the
    journal kept the field names by value only), and its output mixed the two runs' titles and sources."""
    from dvtopics.io.read import FieldNames

    headlined = tmp_path / "articles.jsonl"  # (a field no record has is an error since hunt 27 A)
    headlined.write_text("".join(json.dumps({**json.loads(line), "headline": "Hội nghị"}, ensure_ascii=False) + "\n"
                                 for line in corpus.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    corpus = headlined
    out = tmp_path / "labels.jsonl"
    _interrupted_label_run(corpus, out, model_dir, FieldNames(title="headline"))
    common = ["label", str(corpus), "--out", str(out), "--resume", "--model", str(model_dir)]
    result = CliRunner().invoke(cli, [*common, "--source-field", "headline"])
    assert result.exit_code == 2 and "cannot resume" in result.output and not out.exists()
    assert "the field options: --title-field headline then, --source-field headline now" in result.output
    assert CliRunner().invoke(cli, [*common, "--title-field", "headline"]).exit_code == 0  # the same finish it


def test_a_resume_of_a_finished_run_is_refused_and_keeps_its_output(model_dir, corpus, tmp_path):
    """Trial 6: --resume with other options on a finished output relabelled everything over it, exit 0."""
    out = tmp_path / "labels.jsonl"
    args = ["label", str(corpus), "--out", str(out), "--model", str(model_dir)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    finished = out.read_bytes()
    result = CliRunner().invoke(cli, [*args, "--resume", "--min-confidence", "0.9"])
    assert result.exit_code == 2 and "finished" in result.output and out.read_bytes() == finished


def test_a_journal_from_before_settings_were_recorded_still_resumes(model_dir, corpus, tmp_path, caplog):
    out = tmp_path / "labels.jsonl"
    _interrupted_label_run(corpus, out, model_dir)
    journal = tmp_path / "labels.jsonl.part.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    run = json.loads(lines[0])
    del run["_run"]["settings"]
    journal.write_text(json.dumps(run) + "\n" + "".join(lines[1:]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", str(corpus), "--out", str(out), "--resume", "--model", str(model_dir),
                                      "--min-confidence", "0.9"])
    assert result.exit_code == 0, result.output
    assert "does not record its model and options" in caplog.text
    assert len(out.read_text(encoding="utf-8").splitlines()) == 30


def test_broken_model_in_workers_is_exit_2_and_leaves_no_journal(tmp_path, corpus):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(cli, ["label", str(corpus), "--model", str(tmp_path / "empty"), "-j", "2",
                                      "--out", str(out)])
    assert result.exit_code == 2 and result.output.strip().startswith("Error:")
    assert not out.exists() and not (tmp_path / "o.jsonl.part.jsonl").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_stopped_by_a_bad_label_field_leaves_no_journal_for_the_corrected_command(model_dir, tmp_path, jobs):
    """Hunt 15 (A, 04): a --label-field that a table lacks stops `label` (exit 2) once the articles before that
    table are in the journal; the journal left behind made the corrected command refuse ("add --resume"), and
    --resume refuse too (the options changed). The same input and options stop at the same place, so that
    journal could never be finished: none is left, and the corrected command runs as it is."""
    text = made_up_articles(1)[0].raw
    first, table = tmp_path / "a.jsonl", tmp_path / "b.csv"
    first.write_text("".join(json.dumps({"id": f"j{n}", "text": text}, ensure_ascii=False) + "\n" for n in range(3)),
                     encoding="utf-8")
    table.write_text("id,text\nc1,\"" + text.replace('"', '""') + '"\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    args = ["label", str(first), str(table), "--model", str(model_dir), "--out", str(out), "-j", jobs, "--no-cache"]
    result = CliRunner().invoke(cli, [*args, "--label-field", "Loai bai", "--batch-size", "1"])
    assert result.exit_code == 2 and "no 'Loai bai' column (--label-field)" in result.output, result.output
    assert not (tmp_path / "out.csv.part.jsonl").exists() and not out.exists()
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


def test_label_to_stdout_and_bad_articles_exit_1(model_dir, tmp_path):
    (tmp_path / "a.txt").write_text(made_up_articles(1)[0].raw, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["label", str(tmp_path), "--model", str(model_dir)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["label"] == "semi_annual_review" and "empty" in rows[1]["error"]


def test_missing_model_is_one_line_and_exit_2(tmp_path, corpus):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["label", str(corpus), "--model", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert result.output.strip().startswith("Error:") and len(result.output.strip().splitlines()) == 1


def test_unfinished_run_needs_resume(model_dir, corpus, tmp_path):
    out = tmp_path / "o.jsonl"
    (tmp_path / "o.jsonl.part.jsonl").write_text("")
    result = CliRunner().invoke(cli, ["label", str(corpus), "--model", str(model_dir), "--out", str(out)])
    assert result.exit_code == 2 and "--resume" in result.output


def _descendants(pid: int) -> list[int]:
    """Processes started by `pid`, and by those (Linux /proc)."""
    parents = {}
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as handle:
                parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (ValueError, OSError):
            continue
    found, frontier = [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig, jobs", [(signal.SIGKILL, "1"), (signal.SIGTERM, "1"), (signal.SIGINT, "1"),
                                       (signal.SIGKILL, "2"), (signal.SIGINT, "2")])
def test_killed_label_run_resumes_with_every_article_once(model_dir, tmp_path, sig, jobs):
    source = tmp_path / "many.jsonl"
    articles = made_up_articles(6) * 8  # 240 articles, unique ids below
    with open(source, "w", encoding="utf-8") as handle:
        for n, article in enumerate(articles):
            handle.write(json.dumps({"id": f"a{n}", "text": article.raw}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "dvtopics", "label", str(source), "--model", str(model_dir), "--out", str(out),
               "--batch-size", "5", "--no-cache", "-j", jobs]
    # A shell's background job starts with SIGINT ignored, and children inherit that: give the run
    # the default handler, as an interactive user's Ctrl-C would meet it.
    # Its stderr is kept, with Python's fault handler on: a run that does not stop is shown its threads' stacks
    # (SIGABRT) and the test fails with them (one CI run of [2-2] timed out once, and did not say where it hung)
    stderr = tmp_path / "stderr.txt"
    with open(stderr, "wb") as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors,
                                   env={**os.environ, "PYTHONFAULTHANDLER": "1"},
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    journal = tmp_path / "out.jsonl.part.jsonl"
    deadline = time.time() + 60
    while time.time() < deadline and (not journal.exists() or journal.stat().st_size < 3000):
        time.sleep(0.02)
    workers = _descendants(process.pid)
    assert jobs == "1" or len(workers) >= 2
    process.send_signal(sig)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)
        process.wait(timeout=30)
        pytest.fail("the run did not stop within 60 s of the signal; its stderr and threads:\n"
                    + stderr.read_text(encoding="utf-8", errors="replace")[-6000:])
    deadline = time.time() + 30
    while time.time() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived the run"
    assert not out.exists() and journal.exists()
    subprocess.run(command + ["--resume"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"a{n}" for n in range(len(articles))]
    assert not journal.exists()


def _write_jsonl(path, records) -> None:
    """`records` (dicts) as JSON lines, the shape of a user's --extra corrections."""
    path.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in records), encoding="utf-8")


def test_train_learns_from_extra_labelled_articles_without_scoring_them(corpus, tmp_path):
    """A user's corrections (--extra) are learnt from and counted apart from the scored hand labels."""
    extra = tmp_path / "mine.jsonl"
    _write_jsonl(extra, [{"id": f"mine-{i}", "label": "annual_review",
                          "text": f"Hội nghị cán bộ, công chức năm {2020 + i}\nSở Tư pháp tổ chức hội nghị cán bộ, "
                                  f"công chức, đánh giá kết quả năm {2020 + i}."} for i in range(4)])
    out = tmp_path / "m"
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(extra), "--out", str(out),
                                      "--classifier", "logreg", "--folds", "2"])
    assert result.exit_code == 0, result.output
    counts = json.loads((out / "model_card.json").read_text())["training_data"]["counts"]
    assert counts["extra"] == {"annual_review": 4}
    assert sum(counts["hand"].values()) == 30  # the scored set is the hand-labelled corpus only


def test_evaluate_says_when_it_scores_a_model_on_articles_it_learnt_from(corpus, seeds_dir, tmp_path, caplog):
    """`train --extra held.jsonl`, then `evaluate` on held.jsonl: a perfect score, read as the fix working on new
    articles, was the model remembering them. Said, naming one; articles set apart are not named, nor is shipped
    on them (it did not learn them; on the seeds, which it learnt from, it is)."""
    held = tmp_path / "held.jsonl"
    _write_jsonl(held, [{"id": f"h{i}", "label": "annual_review", "title": f"Hội Nông dân xã {i}",
                         "text": f"Hội Nông dân xã {i} tổ chức hội nghị Ban Chấp hành, đánh giá hoạt động năm 2023, "
                                 f"đề ra phương hướng năm 2024."} for i in range(3)])
    out = tmp_path / "m"
    trained = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(held), "--out", str(out),
                                       "--classifier", "logreg", "--folds", "2"])
    assert trained.exit_code == 0, trained.output
    result = CliRunner().invoke(cli, ["evaluate", str(out), str(held), "--compare", "shipped"])
    assert result.exit_code == 0, result.output
    assert f"3 of the 3 articles scored are among those {out} learnt from (e.g. 'h0')" in caplog.text
    assert "shipped learnt" not in caplog.text
    # Hunt 29 I, 3: the JSON output carried none of it, for a script that reads the scores alone
    caplog.clear()
    result = CliRunner().invoke(cli, ["evaluate", str(out), str(held), "--compare", "shipped", "--format", "json"])
    scored = json.loads(result.stdout)
    # the shipped model records what it learnt from (retrained in the twenty-seventh session): none of these
    assert (scored["learnt_from"], scored["n"], scored["compare"]["learnt_from"]) == (3, 3, 0)
    # hunt 30 R: docs/outputs.md's table of these keys lacked learnt_from
    outputs = (ROOT / "docs" / "outputs.md").read_text(encoding="utf-8")
    keys_cells = re.findall(r"^\| ([^|]+) \|", outputs[outputs.index("## evaluate --format json"):], re.M)
    assert set(scored) == {key for cell in keys_cells for key in re.findall(r"`(\w+)`", cell)}
    assert "learnt_from" in scored["compare"]
    assert f"3 of the 3 articles scored are among those {out} learnt from (e.g. 'h0')" in caplog.text
    caplog.clear()
    result = CliRunner().invoke(cli, ["evaluate", str(out), str(seeds_dir), "--labels", str(seeds_dir / "labels.csv")])
    assert result.exit_code == 0, result.output
    assert "learnt from" not in caplog.text
    result = CliRunner().invoke(cli, ["evaluate", str(out), str(seeds_dir), "--labels", str(seeds_dir / "labels.csv"),
                                      "--format", "json"])
    assert json.loads(result.stdout)["learnt_from"] == 0
    # the shipped model learnt from the seeds: scored on them, it says so
    caplog.clear()
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(seeds_dir), "--labels", str(seeds_dir / "labels.csv"),
                                      "--format", "json"])
    assert json.loads(result.stdout)["learnt_from"] == 5 and "5 of the 5 articles scored are among" in caplog.text


def test_a_misspelt_type_names_an_article_so_labelled(corpus, tmp_path):
    """Hunt 28 H: corrections typed in Vietnamese in a sheet, one cell a bare "Tổng kết": "label(s) 'Tổng kết' are
    not article types" named neither the file's row nor whether it was an --extra article or a hand label."""
    extra = tmp_path / "mine.jsonl"
    _write_jsonl(extra, [{"id": f"mine-{i}", "label": "Tổng kết năm" if i else "Tổng kết",
                          "text": f"Hội Nông dân xã {i} đánh giá hoạt động năm 2023."} for i in range(3)])
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(extra), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2, result.output
    assert "'Tổng kết' are not article types (the --extra article 'mine-0' is 'Tổng kết')" in result.output


def test_train_refuses_extra_articles_without_a_label(corpus, tmp_path):
    extra = tmp_path / "unlabelled.jsonl"
    extra.write_text(json.dumps({"id": "x", "text": "Hội nghị tổng kết năm 2023."}, ensure_ascii=False),
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(extra), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2 and "no article has a label" in result.output


def test_a_folder_of_txt_articles_given_as_extra_is_told_what_extra_takes(corpus, tmp_path):
    """Hunt 26 B, 11: a folder of .txt articles as --extra was "has no label …; its other fields are 'path'": a
    .txt holds no label, so it says what --extra takes, and how such a folder is learnt from (PATHS and --labels)."""
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a1.txt").write_text("Hội nghị tổng kết năm 2023\nSở Tư pháp tổ chức hội nghị tổng kết.",
                                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(folder), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    said = result.output.strip().splitlines()[-1]
    assert f"--extra {folder}: a folder of .txt articles ({folder / 'a1.txt'})" in said
    assert "never a label: --extra takes labelled articles" in said and "among the inputs (PATHS)" in said
    assert "--labels" in said and "'path'" not in said


def _unlabelled(path, articles):
    """A JSONL file of `articles` without their label field."""
    path.write_text("".join(json.dumps({"id": a.id, "text": a.raw}, ensure_ascii=False) + "\n" for a in articles),
                    encoding="utf-8")
    return path


def test_train_with_a_labels_file_keeps_the_label_field_of_the_other_articles(corpus, tmp_path):
    """--labels gives the label of the ids it names (over their own label field); the articles that carry a
    label field of their own still count, and the summary says how many labels came from each."""
    mine = _unlabelled(tmp_path / "mine.jsonl", [a for a in made_up_articles(9) if a.id.endswith(("-6", "-7"))])
    labels = tmp_path / "mine.csv"
    labels.write_text("id,label\nother-6,other\nother-7,other\nannual_review-6,annual_review\n"
                      "other-0,annual_review\n", encoding="utf-8")  # other-0: a correction of the corpus's label
    out = tmp_path / "m"
    result = CliRunner().invoke(cli, ["train", str(corpus), str(mine), "--labels", str(labels), "--out", str(out),
                                      "--classifier", "cnb", "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert ("hand labels: 29 from the articles' label field, 4 from --labels (1 of them replacing the article's "
            "own label)") in result.output
    card = json.loads((out / "model_card.json").read_text())
    assert card["training_data"]["counts"]["hand"]["annual_review"] == 6 + 1 + 1
    assert card["training_data"]["hand_label_sources"] == {"label field": 29, "labels file": 4}
    assert len(card["labels"]) == 5


def test_a_labels_file_names_its_label_column_as_the_label_field_does(model_dir, tmp_path):
    """A user whose articles and labels file both name the label column `category` said so with --label-field, which
    the labels file did not hear: "a labels table needs a header with 'id' (or 'file') and 'label'", and no option
    could say otherwise (hunt 23 B, 1). A file of `label`, as `label --out` writes it, is still read."""
    from dvtopics.io.labels import read_labels

    articles = made_up_articles(6)
    texts = _unlabelled(tmp_path / "a.jsonl", articles)
    labels = tmp_path / "labels.csv"
    labels.write_text("id;Category\n" + "".join(f"{a.id};{a.label}\n" for a in articles), encoding="utf-8")
    as_jsonl = tmp_path / "labels.jsonl"
    as_jsonl.write_text("".join(json.dumps({"id": a.id, "category": a.label}) + "\n" for a in articles))
    result = CliRunner().invoke(cli, ["train", str(texts), "--labels", str(labels), "--label-field", "category",
                                      "--out", str(tmp_path / "m"), "--classifier", "cnb", "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert "hand labels: 30 from --labels" in result.output
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(texts), "--labels", str(as_jsonl),
                                      "--label-field", "category", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == 30
    assert read_labels(labels, label_field="category")[articles[0].id] == articles[0].label
    plain = tmp_path / "plain.csv"
    plain.write_text("id,label\na1,other\n", encoding="utf-8")
    assert read_labels(plain, label_field="category") == {"a1": "other"}
    labels.write_text("id,Category\na1,other\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(texts), "--labels", str(labels), "--label-field", "categry",
                                      "--out", str(tmp_path / "m2")])
    assert result.exit_code == 2 and "'categry' (or 'label'); its header has 'id', 'Category'" in result.output


def test_a_labels_file_names_its_id_column_as_the_id_field_does(tmp_path):
    """Articles whose ids are in `doc_id` (--id-field doc_id) and a labels file of the same column: "a labels table
    needs a header with 'id' (or 'file') and 'label'" (hunt 23 B, 11). A file of `id`, as `label --out` writes it, is
    still read."""
    from dvtopics.io.labels import read_labels

    texts, labels = write_unlabelled_and_labels(tmp_path, made_up_articles(6), "doc_id", "Doc_ID")
    result = CliRunner().invoke(cli, ["train", str(texts), "--labels", str(labels), "--id-field", "doc_id",
                                      "--out", str(tmp_path / "m"), "--classifier", "cnb", "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert "hand labels: 30 from --labels" in result.output
    lines = tmp_path / "labels.jsonl"
    lines.write_text(json.dumps({"doc_id": "a1", "label": "other"}) + "\n" + json.dumps({"id": "a2", "label": "other"})
                     + "\n", encoding="utf-8")
    assert read_labels(lines, id_field="doc_id") == {"a1": "other", "a2": "other"}
    (tmp_path / "plain.csv").write_text("id,label\na1,other\n", encoding="utf-8")
    assert read_labels(tmp_path / "plain.csv", id_field="doc_id") == {"a1": "other"}
    (tmp_path / "other.csv").write_text("key,label\na1,other\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"needs a header with 'doc_id' \(or 'id', or 'file'\) and 'label'"):
        read_labels(tmp_path / "other.csv", id_field="doc_id")


def test_a_label_field_of_another_label_set_is_not_mixed_with_a_labels_file(caplog):
    """A corpus whose label field is another task's (VNTC's topics) beside article types from --labels: those
    labels are not learnt (the model would get a class per topic), but say so; the articles stay available as
    weak labels. A label field of article types counts, also those the labels file does not use."""
    from dvtopics.types.training import collect

    articles = made_up_articles(3)
    for article in articles[:3]:
        article.label = "Thể thao"  # a topic, in the corpus's label field
    articles[3].label = "other"
    gold = {articles[4].id: "quarterly_briefing", articles[5].id: "annual_review"}
    data = collect(articles, gold, weak_rules=True)
    assert "Thể thao" not in data.labels
    assert "the label field of 3 articles was not used" in caplog.text and "'Thể thao' (3)" in caplog.text
    assert data.kinds[:3] == ["weak"] * 3  # semi-annual reviews a rule fires on, learnt as weak labels
    assert "other" in [label for label, kind in zip(data.labels, data.kinds) if kind == "hand"]
    assert data.hand_labels.sources == {"labels file": 2, "label field": len(articles) - 5}
    corrected = data.hand_labels.overridden
    articles[6].label = "Văn hóa"  # another topic, labelled by the file: it gets a label, it corrects none
    data = collect(articles, {**gold, articles[6].id: "other"}, weak_rules=True)
    assert data.hand_labels.sources["labels file"] == 3 and data.hand_labels.overridden == corrected


def test_train_and_evaluate_exit_1_when_some_articles_could_not_be_read(model_dir, corpus, tmp_path):
    """As every command that reads articles (README, exit codes): the job is done, without those."""
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"PK\x03\x04 not text \x00\x01")
    result = CliRunner().invoke(cli, ["train", str(corpus), str(broken), "--out", str(tmp_path / "m"),
                                      "--classifier", "cnb", "--folds", "2"])
    assert result.exit_code == 1, result.output
    assert (tmp_path / "m" / "model_card.json").exists() and "1 article could not be read" in result.output
    for fmt in ("text", "json"):
        result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), str(broken), "--format", fmt])
        assert result.exit_code == 1 and "1 article could not be read" in result.output


def test_train_learns_from_an_xlsx_of_extra_articles(corpus, tmp_path):
    """--extra reads a workbook of articles (id, text, label, as a spreadsheet of corrections holds them)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["ID", "Text", "Label", "Title"])
    for i in range(3):
        book.active.append([20240 + i, f"Sở Tư pháp tổng kết công tác năm {2020 + i}\nSở Tư pháp tổ chức hội "
                                       f"nghị tổng kết năm {2020 + i}.", "annual_review ", f"Tổng kết {i}"])
    book.active.append([None, None, None, None])  # a blank row below the table
    book.save(tmp_path / "mine.xlsx")
    out = tmp_path / "m"
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(tmp_path / "mine.xlsx"), "--out", str(out),
                                      "--classifier", "cnb", "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "model_card.json").read_text())["training_data"]["counts"]["extra"] == {"annual_review": 3}
    from dvtopics.io.read import read_articles
    [first, *_] = read_articles(tmp_path / "mine.xlsx")
    assert (first.id, first.title, first.label) == ("20240", "Tổng kết 0", "annual_review")


def test_an_extra_file_with_no_readable_article_is_an_error(corpus, tmp_path):
    """An --extra file meant to be learnt from: none of it read is exit 2 before anything is trained, and a
    table of labels without texts (what `label --out` writes) is pointed to --labels."""
    broken = tmp_path / "corrections.zip"
    broken.write_bytes(b"PK\x03\x04 not text \x00\x01")
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(broken), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2 and not (tmp_path / "m").exists()
    assert result.output.strip().splitlines()[-1].startswith(f"Error: --extra {broken}: no article could be read")
    labels = tmp_path / "labels.csv"
    labels.write_text("id,label\nother-0,annual_review\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(labels), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "a labels file, given to train, evaluate, report or topics as --labels" in result.output
    # hunt 29 I, 5: said twice in the error line, the reader's words and train's own hint after them
    assert result.output.strip().splitlines()[-1].count("--labels") == 1


def test_an_extra_file_that_cannot_be_read_is_said_once(corpus, tmp_path, caplog):
    """Hunt 29 I, 7: `train --extra FOLDER` of .csv tables (a folder reads its .txt files only): the folder's error
    was logged, then said again in the error line. Said once, in that line; an --extra file with an article read
    still logs the errors of the others, once each."""
    (tmp_path / "ex").mkdir()
    (tmp_path / "ex" / "a.csv").write_text("id,text,label\nx1,Hội nghị tổng kết năm.,annual_review\n",
                                           encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(tmp_path / "ex"), "--out",
                                      str(tmp_path / "m")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: --extra {tmp_path / 'ex'}: no article could be read")
    assert "the folder holds no .txt, .docx or .odt file" in result.stderr and "holds no .txt" not in caplog.text
    some = tmp_path / "some.jsonl"
    some.write_text('{"id": "s1", "text": "Hội Nông dân xã tổng kết năm 2023.", "label": "annual_review"}\n{broken\n',
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(some), "--out", str(tmp_path / "m"),
                                      "--classifier", "logreg", "--folds", "2"])
    assert result.exit_code == 1 and caplog.text.count("some.jsonl:2") == 1


def test_a_labels_workbook_that_fails_as_extra_is_parsed_once_for_the_hint(tmp_path, monkeypatch):
    """Hunt 29 I, 5: the hint that a file given as --extra is a labels file read its workbook as labels, then again
    for its columns: openpyxl takes seconds on a workbook of thousands of rows."""
    from openpyxl import Workbook

    import dvtopics.io.labels
    from dvtopics.io.records import FieldNames
    from dvtopics.jobs.classify import _labels_hint

    book = Workbook()
    for row in (["id", "label"], ["a1", "other"], ["a2", "annual_review"]):
        book.active.append(row)
    book.save(tmp_path / "labels.xlsx")
    opened, open_workbook = [], dvtopics.io.labels.open_workbook
    monkeypatch.setattr(dvtopics.io.labels, "open_workbook",
                        lambda path, *args: opened.append(path) or open_workbook(path, *args))
    assert "give it as label_files (--labels)" in _labels_hint(tmp_path / "labels.xlsx", FieldNames())
    assert len(opened) == 1


def test_evaluate_refuses_labels_the_model_does_not_know_and_names_them(model_dir, corpus, tmp_path, caplog):
    """Scores on another task's labels are all 0 and mean nothing: refused, naming both label sets; a few
    unknown labels among known ones are named in a warning."""
    topics = tmp_path / "topics.jsonl"
    topics.write_text("".join(json.dumps({"id": f"t{i}", "text": f"{a.raw}\nTin {i}.", "label": label},
                                         ensure_ascii=False) + "\n"  # texts of their own: the corpus's are labelled
                              for i, (a, label) in enumerate(zip(made_up_articles(1), ["TT", "KD", "SK", "TT", "KD"]))),
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(topics)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "none of the articles' labels is one the model" in result.output
    assert "'TT' (2), 'KD' (2), 'SK' (1)" in result.output and "annual_review, other" in result.output
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), str(topics), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "5 of the 35 labelled articles have a label the model" in caplog.text and "'SK' (1)" in caplog.text


def _every_command(group):
    import click

    for command in group.commands.values():
        yield from _every_command(command) if isinstance(command, click.Group) else [command]


def test_every_labels_option_names_the_formats_a_labels_file_may_have():
    """read_labels reads CSV, .xlsx and JSONL: --help says so wherever a labels file is taken."""
    helps = [param.help for command in _every_command(cli) for param in command.params if "--labels" in param.opts]
    assert len(helps) == 5  # train, evaluate, topics fit, topics assign, report
    assert all("CSV" in help and ".xlsx" in help and "JSONL" in help for help in helps), helps


def test_no_help_describes_a_range_with_none():
    """click describes a range open at both ends as "x<=None": -j's help showed it on every command that reads."""
    import click

    for command in _every_command(cli):
        help_text = command.get_help(click.Context(command, info_name=command.name))
        assert "None" not in help_text, (command.name, [line for line in help_text.splitlines() if "None" in line])


def test_evaluate_compare_lists_what_a_retrained_model_changed(model_dir, corpus, tmp_path, caplog):
    """Two models on the same labelled articles: both scores, and each article whose label changed."""
    other = tmp_path / "other"
    other.mkdir()
    jsonl = tmp_path / "one-type.jsonl"  # trained on two types only, it must mislabel the other three
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows
                               if r["label"] in ("other", "annual_review")), encoding="utf-8")
    trained = CliRunner().invoke(cli, ["train", str(jsonl), "--out", str(other / "m"), "--classifier", "logreg",
                                       "--folds", "2"])
    assert trained.exit_code == 0, trained.output
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--compare", str(other / "m"),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    compared = json.loads(result.output)["compare"]
    assert compared["macro_f1"] < json.loads(result.output)["macro_f1"]
    assert compared["fixed"] >= 12 and all(c["before"] != c["after"] for c in compared["changed"])
    # the earlier model never gives three of the five labels: said, with the labels it does give
    assert f"have a label the model {other / 'm'} never predicts" in caplog.text
    assert "it predicts annual_review, other" in caplog.text


def test_the_shipped_model_is_named_shipped_wherever_it_is_installed(seeds_dir, tmp_path, monkeypatch):
    """A wheel keeps the model inside the package: `shipped` names it for MODEL, --model and --compare."""
    monkeypatch.chdir(tmp_path)  # no models/ folder here
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(seeds_dir), "--labels",
                                      str(seeds_dir / "labels.csv"), "--compare", "shipped"])
    assert result.exit_code == 0, result.output
    assert "against shipped: macro-F1 1.0000 -> 1.0000" in result.output  # not its path inside site-packages
    result = CliRunner().invoke(cli, ["label", str(seeds_dir / "004_88b669e4eeb873bb.txt"), "--model", "shipped"])
    assert result.exit_code == 0 and '"quarterly_briefing"' in result.output


def test_a_report_names_the_model_that_comes_with_dvtopics_shipped_and_any_other_by_its_folder(seeds_dir):
    """The report's "How it was made" gave the shipped model's path, inside site-packages for a wheel: a reader
    learnt nothing from it. It says `shipped`; a model of one's own is named by its folder."""
    from dvtopics.jobs import Reading, report_data
    from dvtopics.types.model import DEFAULT_MODEL_DIR, model_name

    for given in (None, "shipped", str(DEFAULT_MODEL_DIR)):
        _, _, provenance = report_data(Reading([seeds_dir / "004_88b669e4eeb873bb.txt"]), model_dir=given,
                                       fit_topics=False)
        assert provenance["model_dir"] == "shipped", given
    assert model_name(seeds_dir) == str(seeds_dir)


def test_the_library_names_the_shipped_model_shipped_too(tmp_path, monkeypatch):
    """Notebook 02's MODEL = "shipped" loads it as the CLI does, from a wheel as from a clone."""
    from dvtopics.types.model import DEFAULT_MODEL_DIR, load_classifier

    monkeypatch.chdir(tmp_path)  # no models/ folder here
    classifier = load_classifier("shipped")
    assert classifier.card["sha256"] == json.loads((DEFAULT_MODEL_DIR / "model_card.json").read_text())["sha256"]


def test_the_card_records_the_folds_cross_validation_could_make(corpus, tmp_path, caplog):
    """Trial 7: --folds 100 on labels of a few articles each made fewer folds, and the card said 100."""
    out = tmp_path / "m"
    result = CliRunner().invoke(cli, ["train", str(corpus), "--out", str(out), "--classifier", "logreg",
                                      "--folds", "100"])
    assert result.exit_code == 0, result.output
    folds = json.loads((out / "model_card.json").read_text(encoding="utf-8"))["parameters"]["n_folds"]
    smallest = min(Counter(json.loads(line)["label"] for line in corpus.read_text(encoding="utf-8").splitlines()
                           ).values())
    assert folds == smallest < 100 and f"100 folds asked for, {smallest} made" in caplog.text


def test_nothing_is_written_into_the_models_installed_with_the_package(model_dir, corpus, tmp_path, monkeypatch):
    """Trial 8, 02: `train --out` the shipped model's folder inside an installed package replaced it, for every
    run without --model and for `--compare shipped`, silently. Any output there is refused in one line that says
    where to write instead; a checkout's models/ (the maintainers' `--out models/article-type`) is no such folder."""
    import shutil

    from dvtopics import persist

    packaged = tmp_path / "site-packages" / "dvtopics" / "shipped_models"
    shutil.copytree(model_dir, packaged / "article-type")
    monkeypatch.setattr(persist, "PACKAGED_MODELS", packaged)
    before = {path.name: path.read_bytes() for path in (packaged / "article-type").iterdir()}
    for command in (["train", str(corpus), "--classifier", "cnb", "--folds", "2", "--out"],
                    ["topics", "fit", str(corpus), "--k", "2", "--out"], ["label", str(corpus), "--out"]):
        out = packaged / "article-type" / ("labels.jsonl" if command[0] == "label" else "")
        result = CliRunner().invoke(cli, command + [str(out)])
        assert result.exit_code == 2, result.output
        assert result.output.strip().splitlines() == [
            f"Error: {out}: in the folder of the models installed with dvtopics ({packaged}), which every run without "
            "--model reads: write elsewhere, a model with --out models/mine, then use it with --model models/mine"]
    assert {path.name: path.read_bytes() for path in (packaged / "article-type").iterdir()} == before
    monkeypatch.chdir(tmp_path)  # a clone's models/article-type, outside the package, is written as ever
    result = CliRunner().invoke(cli, ["train", str(corpus), "--classifier", "cnb", "--folds", "2", "--out",
                                      "models/article-type"])
    assert result.exit_code == 0 and (tmp_path / "models" / "article-type" / "model_card.json").exists()


def test_a_model_cannot_be_written_to_a_folder_named_shipped(corpus, tmp_path, monkeypatch):
    """Trial 8, 08: `train --out shipped` wrote ./shipped, which `--model shipped` never reads (it names the shipped
    model): refused, naming another way; a folder of that name made otherwise is noted where `shipped` is given.
    Hunt H3, 05: the same folder given as an absolute or ../here/shipped path was written: any folder named
    `shipped` is refused, wherever it is."""
    monkeypatch.chdir(tmp_path)
    for out in ("shipped", "./shipped/", str(tmp_path / "shipped"), f"../{tmp_path.name}/shipped",
                "models/shipped"):
        result = CliRunner().invoke(cli, ["train", str(corpus), "--classifier", "cnb", "--folds", "2", "--out", out])
        assert result.exit_code == 2 and not (tmp_path / "shipped").exists() and not (tmp_path / "models").exists()
        assert result.output.strip().splitlines()[-1] == (
            f"Error: --out {out}: 'shipped' names the model that comes with dvtopics wherever a model is read "
            "(--model shipped, --compare shipped): name your model's folder otherwise (--out models/mine, then "
            "--model models/mine)")
    (tmp_path / "shipped").mkdir()
    result = CliRunner().invoke(cli, ["label", str(corpus), "--model", "shipped"])
    assert result.exit_code == 0
    assert "Note: 'shipped' is the model that comes with dvtopics; give the folder shipped here as ./shipped." in (
        result.stderr)


def test_a_type_of_a_few_articles_trains_without_the_classifier_it_is_too_small_for(tmp_path, caplog):
    """Trial 8, 01: a type with 2 or 3 hand labels stopped `train` with scikit-learn's "Requesting 3-fold
    cross-validation" (svm's calibration), and a type of one with "n_splits=2 cannot be greater than ...". svm
    is left out, saying why; a type of one article, which no fold can score, is refused naming it; and so is svm
    alone, naming the label and the articles it needs."""
    def corpus(quarterly):
        path = tmp_path / f"q{quarterly}.jsonl"
        counts = {"other": 5, "semi_annual_review": 5, "quarterly_briefing": quarterly}
        path.write_text("".join(json.dumps({"id": a.id, "text": a.raw, "label": a.label}, ensure_ascii=False) + "\n"
                                for a in made_up_articles(6) if int(a.id.rsplit("-", 1)[1]) < counts.get(a.label, 0)),
                        encoding="utf-8")
        return str(path)

    out = tmp_path / "m"
    result = CliRunner().invoke(cli, ["train", corpus(2), "--out", str(out)])
    assert result.exit_code == 0, result.output
    card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
    assert set(card["metrics"]["candidates"]) == {"logreg", "cnb"} and card["parameters"]["n_folds"] == 2
    assert "5 folds asked for, 2 made: the smallest hand label, 'quarterly_briefing', has 2 articles" in caplog.text
    assert ("svm left out: it needs 3 articles of each label wherever it is fitted (in each cross-validation fold's "
            "training articles, and in all), and 'quarterly_briefing' has 1 in one") in caplog.text
    result = CliRunner().invoke(cli, ["train", corpus(2), "--out", str(tmp_path / "svm"), "--classifier", "svm"])
    assert result.exit_code == 2 and not (tmp_path / "svm").exists()
    assert result.output.strip().splitlines()[-1].startswith(
        "Error: cannot train svm: it needs 3 articles of each label wherever it is fitted")
    assert "label more quarterly_briefing articles, or choose another --classifier (logreg, cnb)" in result.output
    result = CliRunner().invoke(cli, ["train", corpus(1), "--out", str(tmp_path / "one"), "--classifier", "logreg"])
    assert result.exit_code == 2 and not (tmp_path / "one").exists()
    assert result.output.strip().splitlines()[-1] == (
        "Error: the hand label 'quarterly_briefing' has 1 article: cross-validation needs 2 of each (one to learn "
        "from while the other is scored); label another, or give it with --extra (learnt from, never scored)")
    assert "Warning" not in result.output and "n_splits" not in result.output


def test_one_text_given_two_labels_is_refused_wherever_the_labels_come_from(model_dir, corpus, tmp_path):
    """Trial 8, 03: the same story twice (two sites, or a corrected copy appended) labelled apart trained on the
    first label and dropped the other silently (here a whole type), where a labels file giving one id two labels is
    refused. Refused alike in the label field (whatever the ids), across --labels files, and by `evaluate`; the same
    label spelt two ways is no conflict. (Within --extra a later copy is a correction: hunt H3, 04.)"""
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    story = rows[-1]  # an `other`
    for copy_id in ("again", story["id"]):  # another id, or the same
        twice = tmp_path / f"twice-{copy_id}.jsonl"
        twice.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows + [
            {**story, "id": copy_id, "label": "steering_committee"}]), encoding="utf-8")
        said = (f"the labelled article '{copy_id}' (steering_committee) has the title and text of '{story['id']}' (other): give "
                "one text one label, or drop the copy")
        for command in (["train", str(twice), "--out", str(tmp_path / "m"), "--classifier", "cnb", "--folds", "2"],
                        ["evaluate", str(model_dir), str(twice)]):
            result = CliRunner().invoke(cli, command)
            assert result.exit_code == 2 and result.output.strip().splitlines()[-1] == "Error: " + said, result.output
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text(f"id,label\n{story['id']},other\n", encoding="utf-8")
    second.write_text(f"id,label\n{story['id']},annual_review\n", encoding="utf-8")
    for command in (["train", str(corpus), "--out", str(tmp_path / "m")], ["evaluate", str(model_dir), str(corpus)]):
        result = CliRunner().invoke(cli, command + ["--labels", str(first), "--labels", str(second)])
        # trial 32: each label named with its file ("'other' and 'annual_review'" left two readers' files to search)
        assert result.exit_code == 2 and (f"Error: --labels: id '{story['id']}' has two labels, 'other' in {first} "
                                          f"and 'annual_review' in {second}: keep one") in result.output
    assert not (tmp_path / "m").exists()
    same = tmp_path / "same.jsonl"  # the same label, spelt another way: learnt once, no conflict
    same.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows + [{**story, "id": "again",
                                                                                        "label": "Other"}]),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(same), "--out", str(tmp_path / "m"), "--classifier", "cnb",
                                      "--folds", "2"])
    assert result.exit_code == 0, result.output


def test_two_headlines_over_one_body_are_two_articles(model_dir, corpus, tmp_path):
    """Hunt H3, 01: two articles with different titles and labels and the same body (a CMS's placeholder) were
    refused as one text given two labels: the classifier reads the title and the text, so they are two articles,
    learnt and scored each with its own label."""
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    body = "Nội dung đang được cập nhật."
    placeholders = [{"id": "p-1", "title": "Hội nghị tổng kết công tác năm 2024 của Sở Tư pháp", "text": body,
                     "label": "annual_review"},
                    {"id": "p-2", "title": "Giá vàng hôm nay tăng mạnh", "text": body, "label": "other"}]
    both = tmp_path / "placeholders.jsonl"
    both.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows + placeholders), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(both), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == len(rows) + 2
    result = CliRunner().invoke(cli, ["train", str(both), "--out", str(tmp_path / "m"), "--classifier", "cnb",
                                      "--folds", "2"])
    assert result.exit_code == 0, result.output


def test_two_labels_files_may_spell_one_type_two_ways(model_dir, corpus, tmp_path):
    """Hunt H3, 02: a labels file and a hand-typed corrections file giving one id the same type spelt two ways
    ("semi_annual_review", "Semi-annual review") were refused as two labels: labels are compared as read."""
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    id_ = next(r["id"] for r in rows if r["label"] == "semi_annual_review")
    first, second = tmp_path / "labels.csv", tmp_path / "corrections.csv"
    first.write_text(f"id,label\n{id_},semi_annual_review\n", encoding="utf-8")
    second.write_text(f"id,label\n{id_},Semi-annual review\n", encoding="utf-8")
    for command in (["train", str(corpus), "--out", str(tmp_path / "m"), "--classifier", "cnb", "--folds", "2"],
                    ["evaluate", str(model_dir), str(corpus)]):
        result = CliRunner().invoke(cli, command + ["--labels", str(first), "--labels", str(second)])
        assert result.exit_code == 0, result.output


def test_one_labels_file_may_spell_one_type_two_ways(tmp_path, caplog):
    """Hunt 16 B, 3: one labels file giving an id "Annual review" and "annual_review" was refused by train and
    evaluate, and the id dropped by topics fit, while the same rows in two files were one label: one file's labels
    are compared as two files' are (`same_label`). Two labels that differ are still refused, or for the topics left
    out with a warning that says what becomes of them."""
    from dvtopics.errors import DvtopicsError
    from dvtopics.jobs import gold_labels
    from dvtopics.types.training import read_types

    one = tmp_path / "one.csv"
    one.write_text("id,label\nS1-005,Annual review\nS1-005,annual_review\nS1-006,other\n", encoding="utf-8")
    assert gold_labels([one]) == {"S1-005": "annual_review", "S1-006": "other"}
    assert read_types(one) == {"S1-005": "Annual review", "S1-006": "other"}  # read as types by with_article_types
    one.write_text("id,label\nS1-005,Annual review\nS1-005,other\nS1-006,other\n", encoding="utf-8")
    with pytest.raises(DvtopicsError, match="id 'S1-005' has two labels"):
        gold_labels([one])
    assert read_types(one) == {"S1-006": "other"}
    assert "1 id has two different labels (e.g. 'S1-005': 'Annual review' and 'other'): neither is used" in caplog.text


def test_a_topic_set_s_own_other_is_no_article_type(corpus, tmp_path):
    """Hunt H3, 03: in a label set of the user's own ("Giáo dục", "Y tế", "Other"), "Other" was taken for the type
    `other` by evaluate on a file of "Other" articles only, and by train given a corrections file of "Other": the
    spelling of the types is read only when the label set is the article types; a likely typo among types is still
    refused, naming it."""
    topic = {"other": "Other", "semi_annual_review": "Giáo dục", "annual_review": "Giáo dục"}
    rows = [{**r, "label": topic.get(r["label"], "Y tế")}
            for r in map(json.loads, corpus.read_text(encoding="utf-8").splitlines())]
    mine, only_other, corrections = tmp_path / "mine.jsonl", tmp_path / "only_other.jsonl", tmp_path / "fix.csv"
    mine.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    only_other.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows if r["label"] == "Other"),
                          encoding="utf-8")
    corrections.write_text(f"id,label\n{next(r['id'] for r in rows if r['label'] == 'Y tế')},Other\n", encoding="utf-8")
    train = ["train", str(mine), "--classifier", "cnb", "--folds", "2", "--out"]
    result = CliRunner().invoke(cli, train + [str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "m"), str(only_other), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)["per_class"]) >= {"Other"}
    result = CliRunner().invoke(cli, train + [str(tmp_path / "m2"), "--labels", str(corrections)])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "m2" / "model_card.json").read_text())["labels"] == ["Giáo dục", "Other", "Y tế"]
    typo = tmp_path / "typo.jsonl"
    typo.write_text("".join(json.dumps({**r, "label": "Semi_Anual_Review" if r["label"] == "Giáo dục" else
                                        "annual_review" if r["label"] == "Y tế" else "other"}, ensure_ascii=False)
                            + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(typo), *train[2:], str(tmp_path / "m3")])
    assert result.exit_code == 2 and "'Semi_Anual_Review' are not article types" in result.output


def test_evaluate_errors_lists_the_misclassified_articles_and_only_them(model_dir, corpus, tmp_path):
    """Trial 8, 05: `--format json --errors 5` listed no misclassified article (a script could not learn which
    were wrong), and --errors also cut the list of --compare's changed articles. --errors lists the errors, in
    either format; --compare lists every change."""
    folded = _relabelled(tmp_path, lambda label: "other" if label == "quarterly_briefing" else label)
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(folded), "--format", "json", "--errors", "2"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    wrong = out["confusion"][out["labels"].index("other")][out["labels"].index("quarterly_briefing")]
    assert wrong >= 3 and len(out["errors"]) == 2
    assert out["errors"][0] | {"confidence": None, "title": None} == {
        "id": "quarterly_briefing-0", "true": "other", "predicted": "quarterly_briefing", "confidence": None,
        "title": None}
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(folded), "--format", "json", "--errors", "0"])
    assert json.loads(result.stdout)["errors"] == []
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(folded), "--errors", "0", "--compare",
                                      str(model_dir)])  # the same model: no change
    assert result.exit_code == 0 and "0 labels changed" in result.stdout and "error" not in result.stdout
    assert "Each changed" not in result.stdout  # (no list to head)
    two = tmp_path / "two-types.jsonl"  # a model of two types mislabels the three others: changes to list
    two.write_text("".join(line + "\n" for line in corpus.read_text(encoding="utf-8").splitlines()
                           if json.loads(line)["label"] in ("other", "annual_review")), encoding="utf-8")
    trained = CliRunner().invoke(cli, ["train", str(two), "--out", str(tmp_path / "two"), "--classifier", "cnb",
                                       "--folds", "2"])
    assert trained.exit_code == 0, trained.output
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--errors", "0", "--compare",
                                      str(tmp_path / "two")])
    assert result.exit_code == 0, result.output
    changed = int(result.stdout.split(" changed:")[0].rsplit("; ", 1)[1].split()[0])
    assert changed > 0 and sum(" | true " in line for line in result.stdout.splitlines()) == changed
    # hunt 30 O: the same in words a reader who knows no statistics reads, and the changed lines headed
    scores = json.loads(CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--format", "json",
                                                 "--compare", str(tmp_path / "two")]).stdout)
    n, fixed, broke = scores["n"], scores["compare"]["fixed"], scores["compare"]["broke"]
    assert (f"In plain words: of the {n} labelled articles, {tmp_path / 'two'} labels " in result.stdout and
            f"made {fixed} right that {tmp_path / 'two'} had wrong, and {broke} wrong that" in result.stdout)
    assert f"Each changed: id | true: {tmp_path / 'two'}'s label -> {model_dir}'s | title" in result.stdout
    # review of hunt 30 O: the baseline's name is shown as the new model's is, no control character let through
    import shutil

    baseline = shutil.copytree(model_dir, tmp_path / "base\x07")  # (click strips an escape sequence, not a bell)
    result = CliRunner().invoke(cli, ["evaluate", str(model_dir), str(corpus), "--compare", str(baseline)])
    assert result.exit_code == 0, result.output
    assert "against " in result.stdout and "\x07" not in result.stdout and "base\\x07" in result.stdout


def test_two_labels_files_giving_one_id_other_and_Other_agree(tmp_path):
    """One type spelt two ways by two labels files is no conflict, whatever else the files hold (regression hunt
    H4, 01): it was refused when the labels made no article-type set."""
    from dvtopics.errors import DvtopicsError
    from dvtopics.jobs import gold_labels

    (tmp_path / "a.csv").write_text("id,label\n1,Other\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,label\n1,other\n2,Giáo dục\n", encoding="utf-8")
    assert spelt_other(gold_labels([tmp_path / "a.csv", tmp_path / "b.csv"])["1"])
    (tmp_path / "c.csv").write_text("id,label\n1,Y tế\n", encoding="utf-8")
    with pytest.raises(DvtopicsError, match="1"):  # a real conflict is still refused
        gold_labels([tmp_path / "a.csv", tmp_path / "c.csv"])


def spelt_other(label: str) -> bool:
    return label.strip().lower() == "other"


def test_a_librarys_warning_is_one_line_and_quiet_silences_it():
    """A library's warning printed its file, line and source line (regression hunt H4, 03); now one line, and none
    under -q."""
    import subprocess
    import sys

    script = ("import warnings, sys; from dvtopics.cli import cli; sys.argv = ['dvtopics'] + sys.argv[1:]\n"
              "@cli.command('warn')\ndef warn():\n    warnings.warn('Maximum number of iterations reached.', "
              "RuntimeWarning)\ncli()")
    loud = subprocess.run([sys.executable, "-c", script, "warn"], capture_output=True, text=True, timeout=120)
    quiet = subprocess.run([sys.executable, "-c", script, "-q", "warn"], capture_output=True, text=True, timeout=120)
    assert loud.stderr.strip().splitlines() == ["WARNING: Maximum number of iterations reached. (RuntimeWarning)"]
    assert quiet.stderr == ""


def test_train_says_an_empty_view_was_given_not_none(tmp_path):
    """Hunt 19 B: --views "text," (a comma too many) was refused as "unknown view(s) (none given)", though a view
    was given: the message now names the empty one."""
    (tmp_path / "a.txt").write_text("Bài\n\nHội nghị tổng kết năm.\n", encoding="utf-8")
    for views in ("text,", "text,,head", ","):
        result = CliRunner().invoke(cli, ["train", str(tmp_path / "a.txt"), "--out", str(tmp_path / "m"),
                                          "--views", views])
        assert result.exit_code == 2 and "an empty view" in result.output and "(none given)" not in result.output


def test_train_takes_the_gates_min_confidences_and_refuses_one_over_1(tmp_path):
    from click.testing import CliRunner

    from dvtopics.cli import cli

    runner = CliRunner()
    for option in ("--silent-min-confidence", "--override-min-confidence"):
        bad = runner.invoke(cli, ["train", str(tmp_path), "--out", str(tmp_path / "m"), option, "1.5"])
        assert bad.exit_code == 2 and option in bad.output and "1.5" in bad.output


def test_evaluate_says_which_unknown_labels_are_article_types_spelt_otherwise(caplog):
    """Hunt 21 B: labels "Semi-annual review" and "Annual Review" beside "monthly briefing" (no type) are read as
    written (the set is not the article types), and evaluate called them labels the model never predicts, or
    refused "none of the articles' labels is one the model predicts", though it predicts semi_annual_review:
    what the user had to correct went unsaid."""
    from dvtopics.errors import DvtopicsError
    from dvtopics.types.evaluate import check_labels_known

    types = ["annual_review", "other", "quarterly_briefing", "semi_annual_review", "steering_committee"]
    with pytest.raises(DvtopicsError) as refused:
        check_labels_known(["Semi-annual review", "Annual Review", "monthly briefing"], types, "m")
    assert ("'Annual Review', 'Semi-annual review' are article types spelt otherwise, read as written because the "
            "labels also hold 'monthly briefing', which is no article type: correct that label") in str(refused.value)
    check_labels_known(["Semi-annual review", "other", "monthly briefing", "giao ban"], types, "m")
    assert ("'Semi-annual review' is an article type spelt otherwise, read as written because the labels also hold "
            "'giao ban', 'monthly briefing', which are no article types") in caplog.text
    caplog.clear()
    check_labels_known(["other", "monthly briefing"], types, "m")  # nothing spelt otherwise: nothing more said
    assert "never predicts" in caplog.text and "spelt otherwise" not in caplog.text


def test_evaluate_refuses_a_misspelt_label_and_says_which_it_meant(caplog):
    """Hunt 40 O (4): a labels file with one "anual_review" was scored as a sixth class (its article an error whatever
    the model said, the macro-F1 over six), with a warning; the docs say a misspelling is refused. Another task's
    labels among the model's ("TT") are still warned of, a type spelt otherwise still explained."""
    from dvtopics.errors import DvtopicsError
    from dvtopics.types.evaluate import check_labels_known

    types = ["annual_review", "other", "quarterly_briefing", "semi_annual_review", "steering_committee"]
    with pytest.raises(DvtopicsError, match=r"label 'anual_review' \(2 articles\) is not one the model m predicts: "
                                            r"did you mean 'annual_review'\?"):
        check_labels_known(["annual_review", "anual_review", "anual_review", "other"], types, "m")
    with pytest.raises(DvtopicsError, match="did you mean 'Politics'"):
        check_labels_known(["Politics", "Politcs", "Sports"], ["Politics", "Sports"], "m")
    check_labels_known(["annual_review", "TT", "monthly briefing"], types, "m")
    assert "never predicts" in caplog.text


def test_scores_of_one_label_all_right_say_nothing_of_scikit_learns_parameters(recwarn):
    """Hunt 21 B: `evaluate` on articles all of one type, each labelled right (a province's annual reviews), printed
    scikit-learn's "A single label was found in 'y_true' and 'y_pred' … use the 'labels' parameter": a parameter
    no user can pass, about a 1×1 confusion matrix that is right."""
    from dvtopics.types.evaluate import scores

    result = scores(["annual_review"] * 3, ["annual_review"] * 3)
    assert result["confusion"] == [[3]] and result["macro_f1"] == 1.0
    assert not [w for w in recwarn if "single label" in str(w.message)]


def test_an_extra_file_given_twice_is_read_once(corpus, tmp_path, caplog):
    """Hunt 21 B: `--extra mine.jsonl --extra ./mine.jsonl` read the file twice: its one correction (a later copy
    with another label) was counted three times, undone and redone; inputs given twice are read once, with a note."""
    extra = tmp_path / "mine.jsonl"
    mine = {"id": "mine-1", "label": "other", "text": "Xã A sơ kết\nXã A tổ chức sơ kết công tác 6 tháng đầu năm."}
    extra.write_text(json.dumps(mine, ensure_ascii=False) + "\n" + json.dumps(
        dict(mine, id="mine-1b", label="semi_annual_review"), ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(extra), "--extra",
                                      str(tmp_path / "." / "mine.jsonl"), "--out", str(tmp_path / "m"),
                                      "--classifier", "logreg", "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert "given twice; read once" in caplog.text
    assert "--extra: 1 article(s) given again later with another label" in caplog.text
    counts = json.loads((tmp_path / "m" / "model_card.json").read_text())["training_data"]["counts"]
    assert counts["extra"] == {"semi_annual_review": 1}


def test_an_output_given_without_out_is_named_in_the_error(tmp_path):
    """Hunt 22 A (18): `label articles.csv labels.csv`, --out forgotten, said only "Path 'labels.csv' does not
    exist", as if the user had lost a file. A PATH that is not there, named as the command's output is, gets the
    line that says to give it with --out; a command without --out, or a name no output has, keeps click's line."""
    (tmp_path / "a.txt").write_text("Hội nghị tổng kết\nSáng 5/1, Ban Dân vận tổ chức hội nghị.", encoding="utf-8")
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(cli, ["label", str(tmp_path / "a.txt"), "labels.csv"])
        assert result.exit_code == 2
        assert "Path 'labels.csv' does not exist. To write it, give it with --out: --out labels.csv" in result.output
        result = runner.invoke(cli, ["inspect", str(tmp_path / "a.txt"), "labels.csv"])
        assert result.exit_code == 2 and "does not exist." in result.output and "--out" not in result.output
        result = runner.invoke(cli, ["label", str(tmp_path / "a.txt"), "missing_folder"])
        assert result.exit_code == 2 and "--out" not in result.output.split("Error:")[1]


def test_abstain_without_a_minimum_confidence_is_refused(seeds_dir, tmp_path):
    """Hunt 23 A (6): `label --abstain uncertain` without --min-confidence was accepted and did nothing (no
    confidence is below 0), as an option a command would ignore; it is refused, in one line naming the option."""
    out = tmp_path / "l.csv"
    result = CliRunner().invoke(cli, ["label", str(seeds_dir), "--abstain", "uncertain", "--out", str(out)])
    assert result.exit_code == 2 and "--min-confidence" in result.output and not out.exists()
    # a wrong command line, after the command's usage, as README says (hunt 37 C, 5: the usage line was missing)
    assert result.output.startswith("Usage: ") and result.output.strip().splitlines()[-1].startswith("Error: --abstain")
    result = CliRunner().invoke(cli, ["label", str(seeds_dir), "--abstain", "uncertain", "--min-confidence", "0.999",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output


def test_evaluate_without_labels_says_where_it_looked(tmp_path):
    """Hunt 23 A (7): articles whose labels are in a column of another name ("nhan_loai") got only "no labelled
    article found in the input": nothing of the field looked in, nor of --label-field or --labels."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a1", "nhan_loai": "annual_review", "text": "Hội nghị tổng kết công tác dân "
                                  "vận năm 2023."}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(source)])
    assert result.exit_code == 2
    assert ("no article has a label in its 'label' field (give the column with --label-field; the first article's "
            "other fields are 'nhan_loai') and no --labels file was given") in result.output, result.output
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(source), "--label-field", "nhan_loai", "--format",
                                      "json"])
    assert result.exit_code == 0 and json.loads(result.output)["n"] == 1, result.output


def test_labels_under_a_column_of_another_name_are_named_where_train_and_evaluate_looked(tmp_path):
    """Trial 33: a sheet of corrections headed "STT, Tiêu đề, Nội dung, Phân loại" given to train or evaluate said
    "no article has a label in its 'label' field (give the column with --label-field)", naming no column, where the
    same sheet as --extra named its fields: the user had to open the file to find "Phân loại". Both name them now."""
    sheet = tmp_path / "hieu-chinh.csv"
    rows = [("1", "Sơ kết công tác dân vận 6 tháng", "Huyện ủy sơ kết công tác dân vận 6 tháng đầu năm.",
             "Sơ kết 6 tháng"),
            ("2", "Trao nhà cho hộ nghèo", "Mặt trận huyện trao nhà Đại đoàn kết cho hộ nghèo.", "Khác")]
    sheet.write_text("STT,Tiêu đề,Nội dung,Phân loại\n" + "".join(",".join(row) + "\n" for row in rows),
                     encoding="utf-8")
    for command in (["train", str(sheet), "--out", str(tmp_path / "m")], ["evaluate", "shipped", str(sheet)]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 2, result.output
        assert ("no article has a label in its 'label' field (give the column with --label-field; the first "
                "article's other fields are 'STT', 'Phân loại')") in result.output, result.output
        assert "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(sheet), "--label-field", "Phân loại", "--errors", "0"])
    assert result.exit_code == 0 and "n=2" in result.output, result.output


def test_an_output_whose_name_the_file_system_takes_is_labelled_resumed_and_replaced(model_dir, corpus, tmp_path):
    """An --out of 247 bytes (a long Vietnamese name: 80 letters and more) is one Linux and macOS take, but the
    working files beside it were not ("nhãn-….csv.part.jsonl: File name too long", exit 2): their names are cut now,
    and end in a hash of the whole."""
    from dvtopics.run.batch import journal_path, lock_path, written_record

    from dvtopics.io.read import FieldNames
    from dvtopics.jobs import Reading, label

    out = tmp_path / ("nhãn bài báo tỉnh " + "x" * 220 + ".csv")
    assert len(out.name.encode()) == 247
    for side in (journal_path(out), lock_path(out), written_record(out)):
        assert len(side.name.encode()) <= 255 and out.name[:100] in side.name
    assert journal_path(out) != journal_path(out.with_name(out.name.replace(".csv", "y.csv")))

    def stop(n):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):  # Ctrl-C after the first batch
        label(Reading([str(corpus)], FieldNames()), str(out), str(model_dir), batch_size=4, on_progress=stop)
    assert journal_path(out).exists()
    args = ["label", str(corpus), "--out", str(out), "--model", str(model_dir)]
    result = CliRunner().invoke(cli, [*args, "--resume"])
    assert result.exit_code == 0 and not journal_path(out).exists(), result.output
    assert CliRunner().invoke(cli, args).exit_code == 0  # replaced: its record beside it says dvtopics wrote it
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 31


def test_train_help_names_every_view_train_takes():
    """Hunt 30 R: --views took event_chars (docs/labelling.md's table has it) but its help named the other three."""
    from dvtopics.types.model import VIEWS

    shown = " ".join(CliRunner().invoke(cli, ["train", "--help"]).output.split())
    views_help = shown[shown.index("--views"):shown.index("--lead-copies")]
    assert not [view for view in VIEWS if f"{view} (" not in views_help]


def test_a_count_written_as_a_float_past_its_bounds_is_offered_no_number(seeds_dir):
    """Trial 34: "--batch-size 1e9" was told "give a whole number from 1 to 100000 (1000000000, not 1e9)": the number
    offered was itself refused. The number meant is offered only within the bounds ("5.0": 5)."""
    for given, offered in (("1e9", ""), ("5.0", " (5, not 5.0)")):
        result = CliRunner().invoke(cli, ["label", str(seeds_dir), "--batch-size", given])
        assert result.exit_code == 2
        assert result.output.endswith(f"'{given}': give a whole number from 1 to 100000{offered}\n"), result.output


def test_train_refuses_to_replace_a_classifier_of_other_labels(tmp_path):
    """Hunt 36 C (3): `train own.jsonl --out vntc_model` replaced a classifier of VNTC's ten topics with one of
    article types, exit 0 and without a word (a topics model's folder was refused already). A folder holding a
    classifier of other labels is refused, before the cross-validation; a retrain of the same labels replaces it."""
    from dataclasses import replace

    def written(name, articles):
        path = tmp_path / name
        path.write_text("".join(json.dumps({"id": a.id, "text": a.raw, "label": a.label}, ensure_ascii=False) + "\n"
                                for a in articles), encoding="utf-8")
        return str(path)

    types = written("types.jsonl", made_up_articles(3))
    topics = written("topics.jsonl", [replace(a, label="Kinh tế" if a.label == "other" else "Xã hội")
                                      for a in made_up_articles(3)])
    out = str(tmp_path / "m")
    for given, code in [(types, 0), (types, 0), (topics, 2)]:  # (the second: a retrain in place)
        result = CliRunner().invoke(cli, ["train", given, "--out", out, "--classifier", "cnb", "--folds", "2"])
        assert result.exit_code == code, result.output
    assert f"{out}: holds a model of other labels (annual_review, other, quarterly_briefing" in result.output
    assert json.loads((tmp_path / "m" / "model_card.json").read_text(encoding="utf-8"))["labels"][0] == "annual_review"


def test_the_summarys_counts_come_in_one_order_however_they_were_counted(capsys):
    """Hunt 41 AG (7): a Dask run's closing summary listed the types of equal counts in another order than a local run
    of the same articles: the most first, ties by name."""
    from collections import Counter

    from dvtopics.cli.classify import _echo_counts

    said = []
    for order in (["b", "a", "c", "a"], ["c", "a", "a", "b"]):
        with pytest.raises(SystemExit):
            _echo_counts(Counter(order), None)
        said.append(capsys.readouterr().err.strip())
    assert said == ["4 articles (a: 2, b: 1, c: 1)"] * 2
