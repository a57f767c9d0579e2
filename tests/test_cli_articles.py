import json
import logging

import pytest
from click.testing import CliRunner

from dvtopics.cli import cli


def test_inspect_jsonl_gives_titles_and_dates(seeds_dir, seed_expectations):
    result = CliRunner().invoke(cli, ["inspect", str(seeds_dir), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in map(json.loads, result.output.splitlines())}
    for article_id, expected in seed_expectations.items():
        assert rows[article_id]["title"] == expected["title"]
        assert rows[article_id]["date"] == (expected["date"] or None)
        assert rows[article_id]["words"] > 100


def test_inspect_table_shows_the_source(seeds_dir):
    result = CliRunner().invoke(cli, ["inspect", str(seeds_dir / "002_08c8598f431bba4e.txt")])
    header, row = result.output.splitlines()
    assert "source" in header.split() and "baodaklak.vn" in row.split()


def test_inspect_shows_the_label_read_where_articles_have_one(tmp_path, seeds_dir):
    """Hunt 24 B: `inspect data.csv --label-field "Loại bài"`, run to check that train would find the labels, showed
    none of them: the option was taken and made no difference. The label read is shown (a column of the table where
    some article has one; always in JSON lines)."""
    source = tmp_path / "in.csv"
    source.write_text("Mã,Nội dung,Loại bài\nb1,Huyện đoàn sơ kết công tác 6 tháng đầu năm.,semi_annual_review\n"
                      "b2,Xã trồng cây xanh ven đường làng.,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(source), "--label-field", "Loại bài", "--format", "jsonl"])
    assert [json.loads(line)["label"] for line in result.stdout.splitlines()] == ["semi_annual_review", None]
    header, first, second = CliRunner().invoke(cli, ["inspect", str(source)]).stdout.splitlines()
    assert "label" in header.split() and "semi_annual_review" in first.split() and " - " in second
    header = CliRunner().invoke(cli, ["inspect", str(seeds_dir)]).stdout.splitlines()[0]
    assert "label" not in header.split()  # no article has one: no column


def test_inspect_names_what_the_reader_set_aside_and_counts_words_per_article(tmp_path, caplog):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "date": "32/13/2022", "text": "Ban Dân vận sơ kết 6 tháng"}) + "\n"
                      + json.dumps({"id": "a", "text": "Một hai ba bốn năm sáu bảy tám chín mười"}) + "\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(source), "--format", "jsonl"])
    first, second = map(json.loads, result.stdout.splitlines())
    assert first["date"] is None and "32/13/2022" in first["warning"]
    assert first["words"] < second["words"]  # the same id twice: each keeps its own count
    assert "'32/13/2022' is not a date" in caplog.text  # logged as read, as every reader's warning is


def test_inspect_reports_a_bad_file_and_exits_1(tmp_path, seeds_dir):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path), str(seeds_dir / "004_88b669e4eeb873bb.txt")])
    assert result.exit_code == 1
    assert "ERROR: " in result.output and "trực báo" in result.output


def test_inspects_table_saved_beside_the_articles_is_said_to_be_no_article(tmp_path, seeds_dir):
    """Hunt 32 R: `inspect arts/ > arts/list.txt`, then `label arts/`, labelled the listing as a sixth article (its
    header its title) without a word. It is read all the same, as a readme is, with a warning that says what it is;
    with a label column too."""
    arts = tmp_path / "arts"
    arts.mkdir()
    for seed in sorted(seeds_dir.glob("00[01]_*.txt")):
        (arts / seed.name).write_bytes(seed.read_bytes())
    (arts / "list.txt").write_text(CliRunner().invoke(cli, ["inspect", str(arts)]).stdout, encoding="utf-8")
    (arts / "labelled.txt").write_text("id    date        chars  words  source    label    title\n"
                                       "a1    2024-01-05    120     30  -         other    Hội nghị sơ kết\n",
                                       encoding="utf-8")
    # (review: saved with its messages, `2>&1`, the listing opens on inspect's error that the file was empty)
    (arts / "with_errors.txt").write_text(f"ERROR: {arts / 'with_errors.txt'}: empty file\n" * 25
                                          + (arts / "list.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", str(arts)])
    records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert len(records) == 5
    for name in ("list", "labelled", "with_errors"):
        assert "does not look like an article (the table `dvtopics inspect` prints)" in records[name]["warning"]
    assert not any(records[seed.stem]["warning"] for seed in seeds_dir.glob("00[01]_*.txt"))


def test_inspects_table_read_back_is_said_of_once(tmp_path, caplog):
    """Left 31 (6): inspect's table saved as .txt and read back was also said to have "few Vietnamese diacritics" (its
    ids, dates and counts), in a warning of its own and in its record, beside the one that says it is inspect's
    table: that one is enough. An article typed without accents is still said to be one."""
    arts = tmp_path / "arts"
    arts.mkdir()
    for n in range(20):
        (arts / f"bao-cao-tong-ket-cong-tac-dan-van-nam-2024-so-{n}.txt").write_text(
            f"Tin {n}\nSáng 5/7, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận.\n", encoding="utf-8")
    (arts / "list.txt").write_text(CliRunner().invoke(cli, ["inspect", str(arts)]).stdout, encoding="utf-8")
    (tmp_path / "khong_dau.txt").write_text("Hoi nghi tong ket\n" + "Sang 5/7, Ban Dan van Huyen uy to chuc hoi nghi "
                                            "tong ket cong tac dan van nam 2024 tai hoi truong huyen. " * 3,
                                            encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(cli, ["inspect", str(arts / "list.txt"), str(tmp_path / "khong_dau.txt"),
                                          "--format", "jsonl"])
    listing, typed = map(json.loads, result.stdout.splitlines())
    assert listing["warning"] == "does not look like an article (the table `dvtopics inspect` prints)"
    assert [message for message in caplog.messages if "list.txt" in message] == [
        f"{arts / 'list.txt'}: does not look like an article (the table `dvtopics inspect` prints): read as one all "
        "the same; leave it out of the input not to read it"]
    assert "few Vietnamese diacritics" in typed["warning"]


def test_segment_writes_tokens(tmp_path, seeds_dir):
    out = tmp_path / "seg.jsonl"
    result = CliRunner().invoke(cli, ["segment", str(seeds_dir), "--out", str(out), "--lower"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5 and "dân_vận" in rows[0]["tokens"].split()


def test_segment_keeps_an_unreadable_articles_place(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Hội nghị sơ kết công tác dân vận."}\n{"id": "b", "text": null}\n'
                      '{"id": "c", "text": "Ban Chỉ đạo họp."}\n', encoding="utf-8")
    out = tmp_path / "seg.jsonl"
    result = CliRunner().invoke(cli, ["segment", str(source), "--out", str(out)])
    assert result.exit_code == 1  # some articles could not be read
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert "error" in rows[1] and "tokens" not in rows[1] and "tokens" in rows[2]


def test_segment_holds_a_batch_of_articles_not_the_input(tmp_path, monkeypatch):
    """Hunt 38 G (3): `segment` read every article, then segmented them all, then wrote: 459 MB for 35,440 baomoi
    articles (89 MB now), a million out of reach. It reads, segments and writes a batch at a time, in input order,
    an unreadable article in its place."""
    import dvtopics.jobs.reading as reading
    import dvtopics.text.segment as segment_module

    monkeypatch.setattr(reading, "SEGMENT_BATCH", 2)
    held = []
    real = segment_module.segment_articles
    monkeypatch.setattr(segment_module, "segment_articles", lambda batch, *a, **k: held.append(len(batch)) or
                        real(batch, *a, **k))
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{i}", "text": None if i == 3 else f"Hội nghị số {i} của huyện."},
                                         ensure_ascii=False) + "\n" for i in range(5)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["segment", str(source), "--out", str(tmp_path / "seg.jsonl")])
    assert result.exit_code == 1 and "4 articles segmented into" in result.output  # one could not be read
    assert held == [2, 2, 1]
    rows = [json.loads(line) for line in (tmp_path / "seg.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"a{i}" for i in range(5)] and "error" in rows[3]
    assert rows[4]["tokens"].split() == ["Hội_nghị", "số", "4", "của", "huyện", "."]


def test_missing_path_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_quiet_means_no_progress_bar(tmp_path):
    """`-q`: a fit over more than 100 articles drew its progress bars, and scikit-learn its warnings, all the same."""
    import json
    import subprocess
    import sys

    words = ["lúa", "giá", "xuất khẩu", "trường", "học sinh", "thi", "bệnh viện", "bác sĩ", "dịch", "cầu", "đường"]
    lines = [json.dumps({"id": str(n), "text": " ".join(words[(n + k) % len(words)] for k in range(40))},
                        ensure_ascii=False) for n in range(120)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    def fit(*options: str, out: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "dvtopics", *options, "topics", "fit", str(tmp_path / "a.jsonl"),
                               "--k", "2", "--out", str(tmp_path / out), "--cache-dir", str(tmp_path / "c")],
                              capture_output=True, text=True, timeout=300)

    quiet, loud = fit("-q", out="quiet"), fit(out="loud")
    assert quiet.returncode == 0 and loud.returncode == 0, quiet.stderr + loud.stderr
    assert quiet.stderr.strip().splitlines() == [f"Model, tables and figures in {tmp_path / 'quiet'}"]  # the summary
    assert "topics" in loud.stderr  # the bar a -q run leaves out


def test_quiet_and_verbose_after_the_command_work_as_before_it(tmp_path):
    """`dvtopics label x -q` was "No such option: -q": most tools take it after the command too."""
    import subprocess
    import sys

    (tmp_path / "a.jsonl").write_text('{"id": "a1", "text": "Hội nghị sơ kết", "date": "32/13/2022"}\n',
                                      encoding="utf-8")  # a date that is none: a warning line

    def label(*options: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "dvtopics", *options], capture_output=True, text=True,
                              timeout=300)

    command = ["label", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "o.csv")]
    before, after, plain = label("-q", *command), label(*command, "-q"), label(*command)
    assert before.returncode == after.returncode == plain.returncode == 0, after.stderr
    assert "WARNING" in plain.stderr and "WARNING" not in after.stderr
    assert after.stderr == before.stderr
    # -v after the command is taken and keeps the warnings: its INFO line is dvtopics' own, the paths a pattern read
    # (NumExpr's, printed only when pandas happened to be imported in time, failed under load)
    verbose = label("label", str(tmp_path / "*.jsonl"), "--out", str(tmp_path / "o.csv"), "-v")
    assert verbose.returncode == 0 and "WARNING" in verbose.stderr, verbose.stderr
    assert "INFO" in verbose.stderr and "a pattern: 1 path read" in verbose.stderr, verbose.stderr
    assert "INFO" not in plain.stderr, plain.stderr


def test_verbose_names_what_each_input_gave_and_the_model_a_run_used(tmp_path):
    """Left 41 (hunt 41 AG): `-v` printed nothing where no pattern was read and no fit ran: a user could not see which
    model a run used, nor what a folder gave. Each path given now says its articles (and errors), the model its
    directory and date."""
    import subprocess
    import sys

    (tmp_path / "news").mkdir()
    for i in range(2):
        (tmp_path / "news" / f"a{i}.txt").write_text(f"Tin {i}\nHội nghị sơ kết công tác dân vận 6 tháng đầu năm\n",
                                                     encoding="utf-8")
    (tmp_path / "empty").mkdir()
    shown = subprocess.run([sys.executable, "-m", "dvtopics", "-v", "label", str(tmp_path / "news"),
                            str(tmp_path / "empty"), "--out", str(tmp_path / "o.csv")],
                           capture_output=True, text=True, timeout=300)
    assert shown.returncode == 1, shown.stderr
    lines = shown.stderr.splitlines()
    assert f"INFO: {tmp_path / 'news'}: 2 articles read" in lines, shown.stderr
    assert f"INFO: {tmp_path / 'empty'}: 0 articles read, 1 error" in lines, shown.stderr
    assert any(line.startswith("INFO: ") and "article-type model made" in line for line in lines), shown.stderr


def test_quiet_and_verbose_together_are_refused_wherever_they_are_given(tmp_path):
    """`dvtopics -q -v label x` let -q win without a word: a user asking for more log got less. The pair is refused as
    other contradictory options are, naming both, before the command, after it, or one on each side."""
    (tmp_path / "a.jsonl").write_text('{"id": "a1", "text": "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm"}\n',
                                      encoding="utf-8")
    command = ["inspect", str(tmp_path / "a.jsonl")]
    for given in (["-q", "-v", *command], ["-v", "-q", *command], [*command, "-q", "-v"], ["-q", *command, "-v"],
                  ["-vv", *command, "--quiet"]):
        result = CliRunner().invoke(cli, given)
        assert result.exit_code == 2, (given, result.output)
        assert "-q" in result.output and "-v" in result.output and "a1" not in result.output, (given, result.output)
    assert CliRunner().invoke(cli, ["-q", *command, "-q"]).exit_code == 0  # the same ask twice is no contradiction


def test_quiet_leaves_out_the_notes_on_options_before_and_after_the_command(tmp_path):
    """Hunt 24 E (4): -q promises no notes, but "Note: -j 512 is more than the 2 cores here" (and the note on a
    folder named `shipped`) was printed while the options were read, with -q before the command or after it."""
    (tmp_path / "a.jsonl").write_text('{"id": "a1", "text": "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm"}\n',
                                      encoding="utf-8")
    command = ["label", str(tmp_path / "a.jsonl"), "-j", "4096", "--cache-dir", str(tmp_path / "c")]
    before = CliRunner().invoke(cli, ["-q", *command, "--out", str(tmp_path / "b.csv")])
    after = CliRunner().invoke(cli, [*command, "--out", str(tmp_path / "a.csv"), "-q"])
    plain = CliRunner().invoke(cli, [*command, "--out", str(tmp_path / "p.csv")])
    assert before.exit_code == after.exit_code == plain.exit_code == 0, plain.output
    assert "Note:" not in before.output and "Note:" not in after.output, before.output + after.output
    assert "Note: -j 4096 is more than the" in plain.output


def test_quiet_still_names_each_article_that_could_not_be_read(tmp_path):
    """-q promises errors and the closing summary: it dropped the one line that named an unreadable article and
    why, leaving exit code 1 and a count of errors (trial 9, helper C)."""
    import subprocess
    import sys

    (tmp_path / "news.jsonl").write_text('{"id": "a1", "text": "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm"}\n'
                                         "not json\n", encoding="utf-8")
    for command in (["segment", "--out", str(tmp_path / "seg.jsonl")], ["label", "--out", str(tmp_path / "l.csv")]):
        run = subprocess.run([sys.executable, "-m", "dvtopics", "-q", command[0], str(tmp_path / "news.jsonl"),
                              *command[1:], "--cache-dir", str(tmp_path / "c")], capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == 1
        lines = run.stderr.strip().splitlines()
        said = f"ERROR: {tmp_path / 'news.jsonl'}:2: not valid JSON (Expecting value at column 1)"
        assert lines[0] == said, run.stderr
        assert len(lines) == 2  # and the summary


def test_standard_input_is_refused_saying_how_to_give_the_text(tmp_path, monkeypatch):
    """Hunt 21 A (3): `cat a.jsonl | dvtopics label -` said "Path '-' does not exist": the user named standard
    input, not a file, and nothing said how to read piped text. A file named "-" is still read (`./-`)."""
    from dvtopics.errors import ArgumentError
    from dvtopics.io.read import read_articles

    monkeypatch.chdir(tmp_path)
    for command in (["inspect", "-"], ["label", "-", "--out", "x.csv"], ["rules", "-"]):
        result = CliRunner().invoke(cli, command, input='{"id": "a", "text": "Ban Dân vận sơ kết 6 tháng"}\n')
        assert result.exit_code == 2
        assert "'-' (standard input) is not read" in result.output and "does not exist" not in result.output
        assert "save what you pipe to a file" in result.output
    try:
        list(read_articles("-"))
    except ArgumentError as error:
        assert "'-' (standard input) is not read" in str(error)
    else:
        raise AssertionError("read_articles('-') read something")
    (tmp_path / "-").write_text("Sơ kết công tác dân vận\nBan Dân vận sơ kết 6 tháng đầu năm.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", "-", "--format", "jsonl"])
    assert result.exit_code == 0 and json.loads(result.stdout)["title"] == "Sơ kết công tác dân vận"


def test_a_leading_tilde_is_the_home_folder_in_inputs_and_outputs(tmp_path, monkeypatch):
    """Hunt 21 A (6): `--out=~/labels.csv` (bash leaves "~" after "=") wrote into a new folder named "~" here, and
    "~/bai" as an input was "does not exist", in read_articles too, though --cache-dir reads "~" as home."""
    from dvtopics.io.read import read_articles

    home, work = tmp_path / "home", tmp_path / "work"
    (home / "bai").mkdir(parents=True)
    work.mkdir()
    (home / "bai" / "a.txt").write_text("Sơ kết công tác dân vận\nBan Dân vận sơ kết 6 tháng đầu năm.", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    result = CliRunner().invoke(cli, ["segment", "~/bai", "--out=~/seg.jsonl"])
    assert result.exit_code == 0, result.output
    assert not (work / "~").exists() and json.loads((home / "seg.jsonl").read_text(encoding="utf-8"))["id"] == "a"
    assert [a.id for a in read_articles("~/bai")] == ["a"]


def test_a_path_typed_composed_finds_the_name_a_mac_wrote_decomposed(tmp_path, monkeypatch):
    """Hunt 25 A (10): a folder unzipped from a zip made on a Mac, or copied from one, has its names decomposed
    (NFD); "Bài viết" typed (NFC) was "Path 'Bài viết' does not exist", a pattern "Bài*" matched nothing, though
    `ls` lists it: each part of a path is found in either form, in the command line and in read_articles."""
    import unicodedata
    from dvtopics.io.read import read_articles

    folder = tmp_path / unicodedata.normalize("NFD", "Dữ liệu") / unicodedata.normalize("NFD", "Bài viết")
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Sơ kết công tác dân vận\nBan Dân vận sơ kết 6 tháng đầu năm.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for typed in ("Dữ liệu/Bài viết", "Dữ liệu/Bài viết/a.txt", "Dữ*/Bài*"):
        result = CliRunner().invoke(cli, ["inspect", typed, "--format", "jsonl"])
        assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "a", (typed, result.output)
        assert [a.id for a in read_articles(typed)] == ["a"]


def test_output_redirected_in_a_code_page_without_vietnamese_is_written_as_utf8(tmp_path):
    """On Windows, `dvtopics label x > labels.jsonl` writes in the ANSI code page (cp1252), as a Latin-1 locale
    does: the first "ơ" was a UnicodeEncodeError traceback and an empty file (hunt 22 C, 1)."""
    import os
    import subprocess
    import sys

    (tmp_path / "a.jsonl").write_text('{"id": "a1", "text": "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm"}\n',
                                      encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    for command in ("label", "inspect", "rules"):
        run = subprocess.run([sys.executable, "-m", "dvtopics", command, str(tmp_path / "a.jsonl")],
                             capture_output=True, env=env, timeout=300)
        assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
        assert "sơ kết" in run.stdout.decode("utf-8"), command


def test_field_names_typed_under_an_ascii_locale_name_their_columns(tmp_path):
    """Under `LC_ALL=C PYTHONUTF8=0` (UTF-8 mode off in an ASCII locale) Python hands `--text-field "Bài báo"` over as
    surrogate escapes of its UTF-8 bytes: it named no column ("no 'B\\udcc3\\udca0i b\\udcc3\\udca1o' column"), as
    `--id-field "Mã"`."""
    def as_an_ascii_locale_gives(text):
        return text.encode("utf-8").decode("ascii", "surrogateescape")

    (tmp_path / "a.csv").write_text("Mã,Bài báo\nx1,Hội nghị sơ kết công tác dân vận 6 tháng đầu năm\n",
                                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path / "a.csv"), "--text-field",
                                      as_an_ascii_locale_gives("Bài báo"), "--id-field",
                                      as_an_ascii_locale_gives("Mã")])
    assert result.exit_code == 0 and "x1" in result.output and "ERROR" not in result.output, result.output


def test_inspect_and_rules_show_long_ids_whole(tmp_path):
    """Hunt 27 B: a folder tree's ids (`2023/05/hoi-nghi-so-ket-...-a`, `-b`) were cut to 24 characters by inspect and
    30 by rules, so two articles looked alike and neither id could be copied into a labels file."""
    folder = tmp_path / "2023" / "05"
    folder.mkdir(parents=True)
    ids = [f"2023/05/hoi-nghi-so-ket-cong-tac-dan-van-6-thang-dau-nam-{end}" for end in "ab"]
    for id_ in ids:
        (tmp_path / f"{id_}.txt").write_text("Huyện đoàn sơ kết công tác 6 tháng đầu năm\nNội dung hội nghị.",
                                             encoding="utf-8")
    for command in (["inspect"], ["rules", "--all"]):
        shown = CliRunner().invoke(cli, [*command, str(tmp_path)]).stdout.splitlines()
        assert [line.split()[0] for line in shown if line.startswith("2023/")] == ids
    header, first, _ = CliRunner().invoke(cli, ["inspect", str(tmp_path)]).stdout.splitlines()
    assert header.index("date") == len(ids[0]) + 1 == first.index(" -") + 1  # the columns still line up


def _commands(group):
    for command in group.commands.values():
        yield command
        yield from _commands(command) if hasattr(command, "commands") else ()


def test_every_options_choices_are_read_in_any_case(tmp_path):
    """Hunt 27 B (left): "--classifier SVM", "--views TEXT", "--format JSON" were refused for their capitals: every
    option of choices takes them in any case, and the command is given the choice as written in its list."""
    import click

    choices = [(command.name, param.name) for command in _commands(cli) for param in command.params
               if isinstance(param.type, click.Choice)]
    assert len(choices) >= 8
    assert [where for where in choices
            if next(p for c in _commands(cli) if c.name == where[0] for p in c.params
                    if p.name == where[1]).type.case_sensitive] == []
    (tmp_path / "a.txt").write_text("Hội nghị tổng kết\n\nSáng 5/1, Ban Dân vận tổ chức hội nghị.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path), "--format", "JSONL"])
    assert result.exit_code == 0 and json.loads(result.output.splitlines()[0])["id"] == "a"
    from dvtopics.cli.classify import _views
    assert _views("TEXT, Head") == ["text", "head"]


def test_an_outputs_vietnamese_name_is_readable_in_the_summary_line_under_an_ascii_locale(tmp_path):
    """Hunt 29 I, 10: under `LC_ALL=C PYTHONUTF8=0` the output's name reaches Python as surrogate escapes of its UTF-8
    bytes; the file was right, but click's summary line showed each byte as "?" ("-> nh??n.csv")."""
    import os
    import subprocess
    import sys

    (tmp_path / "a.jsonl").write_text('{"id": "a1", "text": "Hội nghị sơ kết công tác dân vận"}\n', encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    out = os.fsencode(tmp_path) + "/nhãn.csv".encode("utf-8")  # the bytes a UTF-8 terminal gives
    run = subprocess.run([sys.executable, "-m", "dvtopics", "label", os.fsencode(tmp_path / "a.jsonl"), "--out", out],
                         capture_output=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "nhãn.csv").is_file()
    assert run.stderr.decode("utf-8").strip().endswith(f"-> {tmp_path / 'nhãn.csv'}")


def test_a_warning_names_a_vietnamese_file_by_its_letters_under_an_ascii_locale(tmp_path):
    """Under `LC_ALL=C PYTHONUTF8=0` a log line named a file by the surrogate escapes of its bytes
    ("h\\udce1\\udcbb\\udc8fng.txt"): now by its letters, each escaped as the ASCII stderr can ("h\\u1ecfng.txt")."""
    import os
    import subprocess
    import sys

    (tmp_path / "hỏng.txt").write_bytes(b"\xff\xfe\x00")  # no words: an error record that names the file
    (tmp_path / "tốt.txt").write_text("Hội nghị\n\nSơ kết công tác dân vận.", encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    run = subprocess.run([sys.executable, "-m", "dvtopics", "label", os.fsencode(tmp_path), "--out",
                          os.fsencode(tmp_path / "out.csv")], capture_output=True, env=env, timeout=300)
    assert run.returncode == 1, run.stderr
    lines = run.stderr.decode("utf-8").splitlines()
    assert any(line.startswith("ERROR: ") and "h\\u1ecfng.txt: " in line for line in lines), lines
    assert "\\udc" not in run.stderr.decode("utf-8")


def test_a_labels_files_path_names_a_file_a_mac_named_decomposed_in_either_form(tmp_path, monkeypatch):
    """The review of hunt 29: a file a Mac named "bài viết.txt" (NFD) and a labels file whose `file` cell gives its path
    ("arts/bài viết.txt", typed composed, or copied decomposed) labelled no article: the cell named no file on a disk
    that tells the forms apart (Linux, a zip unpacked there), and its id was not the article's NFC id. Each form names
    it, for every command that reads labels by file (evaluate, train, topics, the report: `ids_of_input_files`)."""
    import unicodedata

    from dvtopics.io.labels import read_labels
    from dvtopics.io.read import read_articles
    from dvtopics.jobs.checks import ids_of_input_files

    monkeypatch.chdir(tmp_path)
    (tmp_path / "arts").mkdir()
    text = "Sáng 5/7, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2024."
    for name, title in ((unicodedata.normalize("NFD", "bài viết"), "Hội nghị sơ kết"), ("khác", "Gặp mặt")):
        (tmp_path / "arts" / f"{name}.txt").write_text(f"{title}\n{text}", encoding="utf-8")
    ids = {a.id for a in read_articles("arts")}
    assert ids == {"bài viết", "khác"}  # (NFC: the reader's ids)
    for form in ("NFC", "NFD"):
        cell = unicodedata.normalize(form, "arts/bài viết.txt")
        (tmp_path / "labels.csv").write_text(f"file,label\n{cell},annual_review\narts/khác.txt,other\n",
                                             encoding="utf-8")
        labels = ids_of_input_files(read_labels(tmp_path / "labels.csv"), ["arts"])
        assert labels == {"bài viết": "annual_review", "khác": "other"}, form
    result = CliRunner().invoke(cli, ["evaluate", "shipped", "arts", "--labels", "labels.csv", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["per_class"]["annual_review"]["support"] == 1, \
        result.output


def test_verbose_says_once_how_many_paths_a_pattern_read(tmp_path):
    """Hunt 30 R: `dvtopics -v inspect "data/*.jsonl"` (README: -v says "the paths a pattern read") said it twice, as
    the option's check and the command each expanded the pattern."""
    import subprocess
    import sys

    for name in ("a", "b"):
        (tmp_path / f"{name}.jsonl").write_text(f'{{"id": "{name}", "text": "Hội nghị sơ kết công tác dân vận"}}\n',
                                                encoding="utf-8")
    shown = subprocess.run([sys.executable, "-m", "dvtopics", "-v", "inspect", str(tmp_path / "*.jsonl")],
                           capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr.count("a pattern: 2 paths read") == 1, shown.stderr


def test_segments_output_given_to_topics_fit_says_what_to_give(tmp_path, seeds_dir):
    """Hunt 32 R: `segment arts --out seg.jsonl`, then `topics fit seg.jsonl`, was refused as a file without a 'text'
    field, and no more. It says they are segment's words and what to give: the articles, or `--text-field tokens`,
    which fits topics on the words as they are (segmenting them again keeps their `_`)."""
    seg = tmp_path / "seg.jsonl"
    assert CliRunner().invoke(cli, ["segment", str(seeds_dir), "--out", str(seg)]).exit_code == 0
    result = CliRunner().invoke(cli, ["topics", "fit", str(seg), "--k", "2", "--out", str(tmp_path / "th")])
    assert result.exit_code == 2
    assert ("the words `dvtopics segment` wrote, without titles or dates: give the articles they were segmented from "
            "(to fit topics on these words as they are, --text-field tokens)") in result.output
    result = CliRunner().invoke(cli, ["topics", "fit", str(seg), "--text-field", "tokens", "--k", "2", "--out",
                                      str(tmp_path / "th")])
    assert result.exit_code == 0, result.output
    words = [w for topic in json.loads((tmp_path / "th" / "topics.json").read_text(encoding="utf-8"))
             for w, _ in topic["words"]]
    assert any("_" in w for w in words) and not any("__" in w for w in words)
    # (review) from Python, the hint is Python's; a user's own file with a `tokens` field beside its title and date
    # is not called segment's output
    from dvtopics import read_articles

    [failed] = read_articles(seg, on_error="record")
    assert "(to fit topics on these words as they are, fields={'text': 'tokens'})" in failed.error
    own = tmp_path / "own.jsonl"
    own.write_text(json.dumps({"id": "1", "title": "Hội nghị", "date": "2024-01-05", "chinh_van": "Sáng 5/1 …",
                               "tokens": "hội_nghị"}, ensure_ascii=False) + "\n", encoding="utf-8")
    [failed] = read_articles(own, on_error="record")
    assert failed.error and "`dvtopics segment` wrote" not in failed.error


def test_labels_and_inspects_json_lines_given_as_articles_say_what_they_are(tmp_path, seeds_dir):
    """Hunt 32 R: `label --out labels.jsonl`, then `label labels.jsonl` (or `inspect --format jsonl`'s listing given
    as articles) was told it had no 'text' field, and no more, where the same labels as a .csv or .xlsx were told they
    are a labels file, to give as --labels."""
    labels, listing = tmp_path / "labels.jsonl", tmp_path / "listing.jsonl"
    seed = str(seeds_dir / "002_08c8598f431bba4e.txt")
    assert CliRunner().invoke(cli, ["label", seed, "--out", str(labels)]).exit_code == 0
    listing.write_text(CliRunner().invoke(cli, ["inspect", seed, "--format", "jsonl"]).stdout, encoding="utf-8")
    said = {path.name: json.loads(CliRunner().invoke(cli, ["label", str(path)]).stdout)["error"]
            for path in (labels, listing)}
    assert said["labels.jsonl"].endswith("; it holds ids and labels, not articles: a labels file, given to train, "
                                         "evaluate, report or topics as --labels, with the articles it labels among "
                                         "the inputs")
    assert said["listing.jsonl"].endswith(": the listing `dvtopics inspect` writes, without the articles' text: give "
                                          "the articles it lists")


def test_an_article_file_given_by_name_that_cannot_be_read_is_an_error_in_its_place(tmp_path, monkeypatch):
    """Trial 34: a file the user may not read, or a link to nowhere, given by its name, was refused by click before
    any reading ("Invalid value for '[PATHS]...': Path 'b.csv' is not readable", its usage lines, exit 2, nothing
    read), though in a folder walked or by a pattern in quotes it is an error in its place. Given by name it is that
    error too, and the other articles are read and labelled (exit 1). (Simulated permissions: tests may run as root.)"""
    import os

    text = "Sáng 5/7, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2024."
    (tmp_path / "a.txt").write_text(f"Tin một\n\n{text}", encoding="utf-8")
    (tmp_path / "b.csv").write_text(f"id,text\nb1,{text}\n", encoding="utf-8")
    (tmp_path / "c.txt").symlink_to(tmp_path / "moved.txt")
    closed = str(tmp_path / "b.csv")
    real_access, real_open = os.access, os.open
    monkeypatch.setattr(os, "access", lambda path, mode, *a, **k: os.fspath(path) != closed
                        and real_access(path, mode, *a, **k))

    def opened(path, *args, **kwargs):
        if os.fspath(path) == closed:
            raise PermissionError(13, "Permission denied", closed)
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(os, "open", opened)
    for command in (["inspect", "--format", "jsonl"], ["label"]):
        result = CliRunner().invoke(cli, [*command, *(str(tmp_path / name) for name in ("a.txt", "b.csv", "c.txt"))])
        assert result.exit_code == 1, result.output
        records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        assert [(r["id"], bool(r["error"])) for r in records] == [("a", False), ("b", True), ("c", True)], records
        assert "Permission denied" in records[1]["error"] and "which is not there" in records[2]["error"]


def test_a_short_text_without_a_vietnamese_letter_is_said_to_be_no_vietnamese(tmp_path):
    """Hunt 36 B (5): a title "Hello" over an English line of 79 characters was too short to judge (under 100
    characters), and got a confident label and topic without a word; without its title, the same line was flagged.
    From 40 characters, a text with no Vietnamese letter at all is flagged; a short Vietnamese one is not."""
    english = "This is English only text about the weather today in the city and nothing else."
    rows = [{"id": "en", "title": "Hello", "text": english}, {"id": "en-alone", "text": english},
            {"id": "vi", "title": "Tin vắn", "text": "Sáng 5/7, huyện tổ chức hội nghị tổng kết."},
            {"id": "short", "text": "OK"}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path / "a.jsonl"), "--format", "jsonl"])
    warned = {record["id"]: "few Vietnamese diacritics" in (record["warning"] or "")
              for record in map(json.loads, result.stdout.splitlines())}
    assert warned == {"en": True, "en-alone": True, "vi": False, "short": False}


@pytest.mark.parametrize("args, said", [
    (["train", "x.jsonl", "--out", "m", "--views", "text", "--views", "head"],
     "--views text and --views head: given twice, the last would replace the others; give the list once (VIEW,...)"),
    (["topics", "sweep", "x.jsonl", "--out", "t", "--k", "2", "--k", "3", "--measures", "npmi", "--k=4"],
     "--k 2 and --k 3 and --k 4: given 3 times, the last would replace the others; give the list once (K,... or "
     "A:B:STEP)")])
def test_a_list_option_given_twice_is_refused(tmp_path, monkeypatch, args, said):
    """Hunt 37 C (3): `--views text --views head` trained on head alone, in silence (click keeps the last value),
    where --classifier and --labels, which may repeat, keep each. An option of one item given again replaces the
    first, as in most tools (an alias's default overridden)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.jsonl").write_text('{"id": "a", "text": "Hội nghị", "label": "other"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and f"Error: {said}\n" in result.output
    assert "Usage: " in result.output and not (tmp_path / "m").exists() and not (tmp_path / "t").exists()
    result = CliRunner().invoke(cli, ["segment", "x.jsonl", "--out", "a.jsonl", "--out", "b.jsonl"])
    assert result.exit_code == 0 and (tmp_path / "b.jsonl").exists() and not (tmp_path / "a.jsonl").exists()


def test_a_wrong_command_line_found_by_the_library_is_shown_after_the_usage(tmp_path, monkeypatch):
    """Hunt 37 C (5): README says a wrong command line prints its error after the command's usage; `label --out x.txt`
    and `report --k 3 --no-topics` printed only "Error: …"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.jsonl").write_text('{"id": "a", "text": "Hội nghị"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", "x.jsonl", "--out", "x.txt"])
    assert result.exit_code == 2 and result.output.startswith("Usage: ")
    assert result.output.rstrip().endswith("Error: x.txt: output must end in .jsonl, .csv, .xlsx")
    result = CliRunner().invoke(cli, ["report", "x.jsonl", "--k", "3", "--no-topics", "--out", "r.html"])
    assert result.exit_code == 2 and result.output.startswith("Usage: ") and "leave --k out" in result.output
