"""What an analyst gets in the output files (trial 6): nothing the run reads is lost, cells stay as given,
every per-article table says what went wrong, and the terminal shows text, never runs it."""
import csv
import json
import os

import pytest
from click.testing import CliRunner

from dvtopics.cli import cli
from dvtopics.errors import DvtopicsError
from dvtopics.jobs import Reading, fit_topics

from articles import made_up_articles


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output and not isinstance(result.exception, (TypeError, ValueError, OSError))
    return result


def write_csv(path, articles):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text"])
        writer.writerows([a.id, a.title, a.raw] for a in articles)
    return path


# ------------------------------------------------------------------ 01: a folder output never replaces an input

@pytest.mark.parametrize("name", ["documents.csv", "over_time.csv", "topics.json", "model_card.json"])
def test_topics_fit_refuses_an_input_under_a_name_it_writes(tmp_path, name):
    source = write_csv(tmp_path / "proj" / name, made_up_articles(2))
    before = source.read_bytes()
    result = run("topics", "fit", source, "--k", "2", "--out", tmp_path / "proj")
    assert result.exit_code == 2 and "one of the inputs" in result.output, result.output
    assert source.read_bytes() == before


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_topics_fit_refuses_a_labels_file_linked_under_a_name_it_writes(tmp_path, link):
    articles = made_up_articles(2)
    source = write_csv(tmp_path / "in.csv", articles)
    labels = tmp_path / "labels.csv"
    labels.write_text("id,label\n" + "".join(f"{a.id},{a.label}\n" for a in articles), encoding="utf-8")
    (tmp_path / "proj").mkdir()
    (os.symlink if link == "symlink" else os.link)(labels, tmp_path / "proj" / "documents.csv")
    before = labels.read_bytes()
    result = run("topics", "fit", source, "--labels", labels, "--k", "2", "--out", tmp_path / "proj")
    assert result.exit_code == 2 and "one of the inputs" in result.output, result.output
    with pytest.raises(DvtopicsError, match="one of the inputs"):  # the library refuses it too
        fit_topics(Reading([source]), str(tmp_path / "proj"), 2, labels_file=str(labels))
    assert labels.read_bytes() == before


def test_topics_sweep_refuses_an_input_under_a_name_it_writes(tmp_path):
    source = write_csv(tmp_path / "proj" / "sweep.csv", made_up_articles(2))
    before = source.read_bytes()
    result = run("topics", "sweep", source, "--k", "2:3", "--out", tmp_path / "proj")
    assert result.exit_code == 2 and "one of the inputs" in result.output, result.output
    assert source.read_bytes() == before


def test_a_refit_removes_only_the_files_the_previous_fit_wrote(tmp_path):
    """The previous fit had no dates, so wrote no over_time.csv: the one in the folder is the user's."""
    articles = made_up_articles(3)
    source = write_csv(tmp_path / "in.csv", articles)
    out = tmp_path / "proj"
    assert run("topics", "fit", source, "--k", "2", "--out", out).exit_code == 0
    card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
    assert card["outputs"] == ["topics.json", "documents.csv", "topic_words.png"]
    (out / "over_time.csv").write_text("mine\n", encoding="utf-8")
    assert run("topics", "fit", source, "--k", "2", "--out", out).exit_code == 0
    assert (out / "over_time.csv").read_text(encoding="utf-8") == "mine\n"


def test_the_previous_fits_files_are_those_its_card_lists(tmp_path):
    from dvtopics.topics.summary import REPORT_FILES, previous_outputs

    card = tmp_path / "model_card.json"
    assert previous_outputs(tmp_path) == []  # no model here: a file named over_time.csv is a user's
    for written, previous in [({"task": "topics", "outputs": ["topics.json", "model.pickle.gz"]}, ["topics.json"]),
                              ({"task": "topics"}, list(REPORT_FILES)),  # a card from before cards listed them
                              ({"task": "article-type"}, [])]:
        card.write_text(json.dumps(written), encoding="utf-8")
        assert previous_outputs(tmp_path) == previous


# ------------------------------------------------------------------ 02: text cells stay text in .xlsx

TEXT_IDS = ["2017-03", "2017-03-01", "007", "1e5", "=1+1", "-2+3", "12/03/2017", "TRUE", "0.50"]


def test_xlsx_text_that_looks_like_a_date_or_number_reads_back_as_written(tmp_path):
    from openpyxl import load_workbook

    from dvtopics.io.labels import read_labels
    from dvtopics.io.write import write_rows

    rows = [{"id": i, "label": "other", "title": i, "source": i, "date": "2017-03-05"} for i in TEXT_IDS]
    path = write_rows(rows, tmp_path / "labels.xlsx")
    assert read_labels(path) == {i: "other" for i in TEXT_IDS}
    ws = load_workbook(path).active
    for row in ws.iter_rows(min_row=2):
        id_cell, _, title, source, date = row
        assert [id_cell.value, title.value, source.value] == [id_cell.value] * 3 and id_cell.data_type == "s"
        assert date.is_date  # the date column keeps its date cells
    assert [r[0].value for r in ws.iter_rows(min_row=2)] == TEXT_IDS


# ------------------------------------------------------------------ 03: every per-article table has `warning`

def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _table(path):
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        rows = list(load_workbook(path).active.iter_rows(values_only=True))
        return [dict(zip(rows[0], row)) for row in rows[1:]]
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_topic_tables_carry_each_articles_warning(tmp_path):
    rows = [{"id": a.id, "text": a.raw} for a in made_up_articles(2)]
    rows[3]["date"] = "32/13/2022"  # not a date: not used, with a warning on the row
    rows.append({"id": "broken", "text": {"not": "text"}})  # unreadable: its row keeps its place
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    assert run("topics", "fit", source, "--k", "2", "--out", tmp_path / "t").exit_code == 1  # one unreadable
    outputs = [tmp_path / "t" / "documents.csv"]
    for suffix in (".csv", ".jsonl", ".xlsx"):
        outputs.append(tmp_path / f"assign{suffix}")
        assert run("topics", "assign", tmp_path / "t", source, "--out", outputs[-1]).exit_code == 1
    for path in outputs:
        table = {row["id"]: row for row in _table(path)}
        assert "32/13/2022" in table[rows[3]["id"]]["warning"], path
        assert not table[rows[0]["id"]]["warning"], path
        if "broken" in table:  # assign's tables
            assert table["broken"]["error"] and "warning" in table["broken"], path


# ------------------------------------------------------------------ 04: what an .xlsx cell cannot hold is said

def test_xlsx_says_in_the_rows_warning_when_text_had_to_change(tmp_path, caplog):
    from dvtopics.io.write import XLSX_MAX_CELL_CHARS, write_rows

    rows = [{"id": "long", "title": "dài " * 10_000, "warning": "HTML instead of text"},
            {"id": "ctrl", "title": "Hội nghị\x00 sơ kết\x0b \x1b[31m2017", "warning": None},
            {"id": "plain", "title": "Hội nghị", "warning": None}]
    table = {row["id"]: row for row in _table(write_rows(rows, tmp_path / "out.xlsx"))}
    assert len(table["long"]["title"]) == XLSX_MAX_CELL_CHARS
    assert table["long"]["warning"].startswith("HTML instead of text; ") and "'title' cut" in table["long"]["warning"]
    assert table["ctrl"]["title"] == "Hội nghị sơ kết [31m2017"
    assert "'title' control characters removed" in table["ctrl"]["warning"]
    assert table["plain"]["warning"] is None
    assert caplog.text.count("out.xlsx: 2 row(s) hold text an .xlsx cell cannot") == 1
    assert "U+FFFF or lone surrogates)" in caplog.text  # each kind a row's warning may name (the review of hunt 29 I)
    whole = {row["id"]: row for row in _table(write_rows(rows, tmp_path / "out.jsonl"))}
    assert [whole[r["id"]]["title"] for r in rows] == [r["title"] for r in rows]


def test_an_xlsx_holding_a_byte_swapped_bom_opens(tmp_path):
    """U+FFFE (a UTF-16 BOM read the wrong way round, mid-text) and U+FFFF are no XML characters: openpyxl wrote
    them as they were, and the workbook did not open (Excel repairs it by emptying the sheet). Hunt 29 I, 4: their
    removal was said as "control characters removed": they are noncharacters."""
    from openpyxl import load_workbook

    from dvtopics.io.write import write_rows
    from dvtopics.report.workbook import write_report_workbook

    records = [{"id": "a1", "title": "Hội nghị\ufffe sơ kết\uffff", "label": "other", "confidence": 0.9,
                "cues": [], "source": "Báo \ufffe", "warning": None}]
    for path in (write_rows(records, tmp_path / "label.xlsx"),
                 write_report_workbook(records, None, tmp_path / "report.xlsx")):
        sheet = load_workbook(path)["articles"]
        row = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]]))
        assert (row["title"], row["source"]) == ("Hội nghị sơ kết", "Báo "), path
        assert "'title' noncharacters U+FFFE/U+FFFF removed" in row["warning"], path
        assert "control" not in row["warning"], path


# ------------------------------------------------------------------ 05: dates outside the years read say so

@pytest.mark.parametrize("given", ["15/03/1885", "1885-03-15", "2150-01-01", "05/07/2071"])
def test_a_date_field_outside_the_years_read_is_refused_naming_them(given):
    from dvtopics.io.read import make_article
    from dvtopics.text.dates import LAST_YEAR

    article = make_article("old", "Ban Dân vận tổ chức hội nghị.", {"date": given})
    assert article.date is None
    assert f"{given!r} is not a date" in article.meta["warning"]
    assert f"1900 to {LAST_YEAR}" in article.meta["warning"]  # the years after the next one are the future


# ------------------------------------------------------------------ 06: an id is read as the sheet shows it

def test_an_xlsx_id_padded_with_zeros_by_its_number_format_is_read_as_shown(tmp_path):
    from openpyxl import Workbook

    from dvtopics.io.labels import read_labels
    from dvtopics.io.read import read_articles

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "label", "text"])
    for number in (7, 12, 1234, 5):
        sheet.append([number, "other", "Ban Dân vận tổ chức hội nghị sơ kết công tác dân vận."])
        sheet.cell(row=sheet.max_row, column=1).number_format = "000" if number != 5 else "General"
    book.save(tmp_path / "in.xlsx")
    assert [a.id for a in read_articles([tmp_path / "in.xlsx"])] == ["007", "012", "1234", "5"]
    assert list(read_labels(tmp_path / "in.xlsx")) == ["007", "012", "1234", "5"]


# ------------------------------------------------------------------ 07: the terminal shows text, never runs it

def test_titles_with_control_characters_are_printed_escaped(tmp_path):
    rows = [{"id": f"{a.id}\x1b[31m", "title": "\x1b[2J\x1b]0;owned\x07" + a.title, "text": a.raw}
            for a in made_up_articles(3)]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    printed = [run("inspect", source), run("topics", "fit", source, "--k", "2", "--out", tmp_path / "t"),
               run("topics", "show", tmp_path / "t"), run("rules", source, "--all")]
    for result in printed:
        assert result.exit_code == 0 and "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b[2J\\x1b]0;owned\\x07" in printed[0].output and "\\x1b[2J" in printed[2].output


# ----------------------------------------- trial 6e, 01 and 05: an interrupted run leaves outputs that agree

def _ctrl_c(*args, **kwargs):
    raise KeyboardInterrupt


def test_a_refit_stopped_midway_leaves_the_previous_model_whole(tmp_path, monkeypatch):
    from dvtopics.jobs import assign_topics
    from dvtopics.report import plots

    source = write_csv(tmp_path / "in.csv", made_up_articles(3))
    out = tmp_path / "m"
    assert run("topics", "fit", source, "--k", "2", "--out", out).exit_code == 0
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    monkeypatch.setattr(plots, "save_figure", _ctrl_c)  # stopped after the new model and topics.json are made
    with pytest.raises(KeyboardInterrupt):
        fit_topics(Reading([str(source)]), str(out), 3)
    card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
    topics = json.loads((out / "topics.json").read_text(encoding="utf-8"))
    with open(out / "documents.csv", encoding="utf-8-sig") as handle:
        columns = [c for c in next(csv.reader(handle)) if c.startswith("topic_")]
    assert card["k"] == len(topics) == len(columns) == 2
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "model.pickle.gz", "model_card.json",
                                                     "notes.txt", "topic_words.png", "topics.json"]
    assert assign_topics(Reading([str(source)]), str(out), str(tmp_path / "a.csv")).labels == card["labels"]


def test_outputs_replaced_together_are_all_new_when_ctrl_c_comes_between_the_renames(tmp_path, monkeypatch):
    import signal

    from dvtopics.io.write import replace_together

    moves = []
    for name in ("model.pickle.gz", "model_card.json"):
        (tmp_path / name).write_text("old", encoding="utf-8")
        (tmp_path / f"new_{name}").write_text("new", encoding="utf-8")
        moves.append((tmp_path / f"new_{name}", tmp_path / name))
    real_replace = os.replace

    def replace_then_ctrl_c(new, target):
        real_replace(new, target)
        signal.raise_signal(signal.SIGINT)
    monkeypatch.setattr(os, "replace", replace_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):  # acted on once both are in place
        replace_together(moves)
    assert [(tmp_path / n).read_text(encoding="utf-8") for n in ("model.pickle.gz", "model_card.json")] == ["new"] * 2


def test_a_report_stopped_between_its_page_and_its_workbook_leaves_both_old(tmp_path, monkeypatch):
    from dvtopics import jobs
    from dvtopics.report import workbook

    first = write_csv(tmp_path / "first.csv", made_up_articles(1))
    second = write_csv(tmp_path / "second.csv", made_up_articles(2))
    page, book = tmp_path / "out" / "r.html", tmp_path / "out" / "r.xlsx"
    jobs.report(Reading([str(first)]), str(page), str(book), fit_topics=False)
    before = page.read_bytes(), book.read_bytes()
    monkeypatch.setattr(workbook, "write_report_workbook", _ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        jobs.report(Reading([str(second)]), str(page), str(book), fit_topics=False)
    assert (page.read_bytes(), book.read_bytes()) == before
    # no temporary file left (the hidden record of the workbook as written, as `label --out` keeps its table's)
    assert sorted(p.name for p in page.parent.iterdir()) == [".dvtopics-r.xlsx.written.json", "r.html", "r.xlsx"]


# ------------------------------------------------ trial 6e, 09: every command refuses a broken topics.json

@pytest.mark.parametrize("topics_json", [None, "{broken", "[]"])
def test_show_assign_and_html_refuse_a_missing_or_broken_topics_json(tmp_path, topics_json):
    source = write_csv(tmp_path / "in.csv", made_up_articles(3))
    model = tmp_path / "m"
    assert run("topics", "fit", source, "--k", "2", "--out", model).exit_code == 0
    if topics_json is None:
        (model / "topics.json").unlink()
    else:
        (model / "topics.json").write_text(topics_json, encoding="utf-8")
    for command in (["topics", "show", model], ["topics", "assign", model, source, "--out", tmp_path / "a.csv"],
                    ["topics", "html", model, "--out", tmp_path / "t.html"]):
        result = run(*command)
        assert result.exit_code == 2 and "topics.json" in result.output, (command, result.output)
        assert len(result.output.strip().splitlines()) == 1, result.output
    assert not (tmp_path / "a.csv").exists() and not (tmp_path / "t.html").exists()


def test_outputs_replaced_together_are_written_as_into_the_file(tmp_path):
    """The fourth hunt: a report's page given as a symlink became a plain file beside the link's target, a page
    made private became readable by all, and an error named the deleted temporary file."""
    from dvtopics.io.write import staged

    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("old", encoding="utf-8")
    os.chmod(site / "page.html", 0o600)
    (tmp_path / "link.html").symlink_to(site / "page.html")
    with staged([tmp_path / "link.html"]) as [path]:
        path.write_text("new", encoding="utf-8")
    assert (tmp_path / "link.html").is_symlink() and (site / "page.html").read_text(encoding="utf-8") == "new"
    assert (site / "page.html").stat().st_mode & 0o777 == 0o600
    assert not [p for p in site.iterdir() if p.name.startswith(".dvtopics-")]
    (tmp_path / "taken.json").mkdir()  # a folder where the output goes
    with pytest.raises(DvtopicsError, match=r"taken\.json: cannot be written"):
        with staged([tmp_path / "taken.json"]) as [path]:
            path.write_text("new", encoding="utf-8")


def test_a_staged_workbook_warns_under_the_users_file_name(tmp_path, caplog):
    """Trial 9 (09): `report --xlsx rep/r.xlsx` warned of its cut cells under rep/.dvtopics-XXXX/r.xlsx, a
    temporary folder gone by the time the warning is read."""
    from dvtopics.io.write import staged, write_rows

    target = tmp_path / "rep" / "r.xlsx"
    with caplog.at_level("WARNING"), staged([target]) as [path]:
        write_rows([{"id": "a", "title": "x" * 40_000, "warning": None}], path)
    assert f"{target}: 1 row(s) hold text" in caplog.text and ".dvtopics-" not in caplog.text


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".xlsx"])
def test_a_table_is_written_as_into_the_file(tmp_path, suffix):
    """Hunt 23 A (2): `label --out link.csv` (a results folder published by a link) replaced the link with a
    plain file and left the linked file stale, and a labels file made private (600) came back readable by all
    after a rerun: the report's page was written through the link with its mode kept, `write_rows` was not."""
    from dvtopics.io.write import write_rows

    site = tmp_path / "site"
    site.mkdir()
    (site / f"real{suffix}").write_text("old", encoding="utf-8")
    os.chmod(site / f"real{suffix}", 0o600)
    (tmp_path / f"link{suffix}").symlink_to(site / f"real{suffix}")
    write_rows([{"id": "a1", "label": "other"}], tmp_path / f"link{suffix}")
    assert (tmp_path / f"link{suffix}").is_symlink()
    assert (site / f"real{suffix}").read_bytes() != b"old" and (site / f"real{suffix}").stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in site.iterdir()) == [f"real{suffix}"]  # no temporary file left


def test_a_file_output_ending_in_a_slash_is_refused_on_the_local_engine(tmp_path):
    """Hunt 23 A (3): an output named with a trailing "/" (a slip of tab completion) was taken for Dask's
    FOLDER/ on the local engine too: `jobs.label(Reading("in.csv"), "in.csv/")` skipped the check that an
    output is no input and wrote the labels over the articles; the command line wrote `l.csv`, then refused
    the same command ("a file; name a folder")."""
    from dvtopics import jobs
    from dvtopics.errors import ArgumentError

    source = write_csv(tmp_path / "in.csv", made_up_articles(1))
    before = source.read_bytes()
    with pytest.raises(ArgumentError, match=r"in\.csv/: a folder .* name it, .*in\.csv$"):
        jobs.label(Reading(source), f"{source}/")
    with pytest.raises(ArgumentError, match="a folder"):
        jobs.assign_topics(Reading(source), tmp_path / "none", f"{tmp_path / 'a.csv'}/")
    assert source.read_bytes() == before
    for command in (["label", source, "--out", f"{tmp_path / 'l.csv'}/"],
                    ["report", source, "--no-topics", "--out", f"{tmp_path / 'r.html'}/"],
                    ["segment", source, "--out", f"{tmp_path / 's.jsonl'}/"]):
        result = run(*command)
        assert result.exit_code == 2 and "a folder (it ends in '/')" in result.output, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_a_trailing_slash_on_an_existing_folder_names_a_file_in_it(tmp_path):
    """Hunt 37 C (5): `--out "Báo cáo tháng 6/"`, a folder that is there, was told to name the file to write, "Báo cáo
    tháng 6", the folder itself, refused next as a folder. The advice names a file in it."""
    source = write_csv(tmp_path / "in.csv", made_up_articles(1))
    folder = tmp_path / "Báo cáo tháng 6"
    folder.mkdir()
    result = run("segment", source, "--out", f"{folder}/")
    assert result.exit_code == 2 and result.output.rstrip().endswith(f"name the file to write, {folder / 'NAME'}")
    result = run("label", source, "--out", f"{folder}/")
    assert result.exit_code == 2 and result.output.rstrip().endswith(f"name it, {folder / 'labels.csv'}")
    assert not any(folder.iterdir())


def test_a_trailing_slash_on_an_existing_file_names_the_file_meant(tmp_path):
    """Hunt 24 E (1): `label in.csv --out labels.csv/` where labels.csv was there already (a run before) was
    checked as Dask's parts folder before the engine was: "labels.csv: a file; name a folder", the opposite of
    what the local engine needs. It is refused as a trailing "/" is elsewhere, naming the file meant."""
    source = write_csv(tmp_path / "in.csv", made_up_articles(1))
    (tmp_path / "labels.csv").write_text("id,label\n", encoding="utf-8")
    result = run("label", source, "--out", f"{tmp_path / 'labels.csv'}/")
    assert result.exit_code == 2 and "name a folder" not in result.output, result.output
    assert "a folder (it ends in '/')" in result.output and "name it, " in result.output, result.output
    assert (tmp_path / "labels.csv").read_text(encoding="utf-8") == "id,label\n"


def test_segment_leaves_the_previous_file_whole_when_writing_fails(tmp_path, monkeypatch):
    """Hunt 23 A (5): `segment --out seg.jsonl` wrote into its output line by line: a run that failed or was
    stopped while writing (a full disk, Ctrl-C) left the previous file cut to its first lines, which read as
    complete. It is now written beside its name and renamed when whole, as every table is."""
    from dvtopics import jobs

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{i}", "text": "Hội nghị tổng kết công tác dân vận năm 2023."},
                                         ensure_ascii=False) + "\n" for i in range(3)), encoding="utf-8")
    out = tmp_path / "seg.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    real, written = json.dumps, []

    def failing(value, *args, **kwargs):
        if isinstance(value, dict) and "tokens" in value:
            written.append(value)
            if len(written) == 2:
                raise OSError(28, "No space left on device")
        return real(value, *args, **kwargs)

    monkeypatch.setattr(json, "dumps", failing)
    with pytest.raises(DvtopicsError, match=r"seg.jsonl: cannot be written \(No space left on device\)"):
        jobs.segment(Reading(source, use_cache=False), out, force=True)  # naming the file (hunt 25 D, 2)
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "seg.jsonl"]
    monkeypatch.setattr(json, "dumps", real)
    jobs.segment(Reading(source, use_cache=False), out, force=True)  # ("previous" is no output of dvtopics')
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a0", "a1", "a2"]


def test_a_read_only_output_is_refused_before_the_work(tmp_path, monkeypatch):
    """Hunt 23 A (9): a labels file made read-only to keep its hand corrections, which `echo > labels.csv` or `cp`
    refuse to write, was replaced by `label --out labels.csv` (a rename over it needs only the folder writable).
    Refused, in one line, before any article is labelled; `write_rows` from Python refuses it too. (The tests run
    as root, whom permissions do not stop: `os.access` answers as it would for a user.)"""
    from dvtopics.io.write import write_rows

    source = write_csv(tmp_path / "in.csv", made_up_articles(1))
    mine = tmp_path / "mine.csv"
    mine.write_text("id,label\na,other\n", encoding="utf-8")
    os.chmod(mine, 0o444)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: (False if os.path.realpath(path) == str(mine)
                                                               and mode & os.W_OK else real_access(path, mode, **kw)))
    result = run("label", source, "--out", mine)
    assert result.exit_code == 2 and "mine.csv: read-only (permission denied)" in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1
    with pytest.raises(DvtopicsError, match="read-only"):
        write_rows([{"id": "a", "label": "other"}], mine)
    assert mine.read_text(encoding="utf-8") == "id,label\na,other\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "mine.csv"]


@pytest.mark.parametrize("command", [["topics", "fit", "{src}", "--k", "2", "--out", "-"],
                                     ["label", "{src}", "--out", "-"],
                                     ["report", "{src}", "--no-topics", "--out", "-"],
                                     ["evaluate", "shipped", "{src}", "--plot", "-"]])
def test_an_output_named_dash_is_refused(tmp_path, monkeypatch, command):
    """Hunt 23 A (10): `--out -` (standard output, as many tools take it) made a folder named "-" with `topics
    fit`, which `rm -r -` cannot remove, and `label --out -` said "-: a folder; name a file"."""
    source = write_csv(tmp_path / "in.csv", made_up_articles(1))
    monkeypatch.chdir(tmp_path)
    result = run(*[str(source) if part == "{src}" else part for part in command])
    assert result.exit_code == 2 and "'-' names no file" in result.output and "standard output" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.parametrize("command", [["topics", "fit", "{src}", "--k", "2", "--out", ""],
                                     ["topics", "sweep", "{src}", "--k", "2:3", "--out", " "],
                                     ["label", "{src}", "--out", ""],
                                     ["report", "{src}", "--no-topics", "--out", "r.html", "--xlsx", ""],
                                     ["evaluate", "shipped", "{src}", "--plot", ""]])
def test_an_empty_output_is_refused(tmp_path, monkeypatch, command):
    """`--out "$OUT"` with OUT unset (a script's variable, a .bat's %OUT%): `topics fit` and `topics sweep` wrote
    their files into the current folder and exited 0; `label --out ""` said ".: a folder; name a file"."""
    source = write_csv(tmp_path / "in.csv", made_up_articles(4))
    monkeypatch.chdir(tmp_path)
    result = run(*[str(source) if part == "{src}" else part for part in command])
    assert result.exit_code == 2 and "it is empty (an unset variable?): give the name of" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.parametrize("rows, said", [
    ({"id": "a", "label": "other"}, "not one dict: for one row, give \\[row\\]"),
    (None, "not None"),
    ("a,other", "not a str"),
    ([{"id": "a"}, "b"], "row 2 is a str, not a dict of column to value"),
])
@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".xlsx"])
def test_write_rows_refuses_what_are_not_rows_and_writes_nothing(rows, said, suffix, tmp_path):
    """Hunt 38 H (4): one dict, None or a text given as the rows ended in Python's own "'str' object has no attribute
    'items'" from inside a writer."""
    from dvtopics.io.write import write_rows

    with pytest.raises(TypeError, match=f"^rows: .*{said}"):
        write_rows(rows, tmp_path / f"out{suffix}")
    assert list(tmp_path.iterdir()) == []
