import csv
import gzip
import json
import logging
import os
import unicodedata
from pathlib import Path

import pytest

from dvtopics.io.decode import decode_bytes
from dvtopics.io.read import FieldNames, read_articles
from dvtopics.io.metadata import extract_metadata
from dvtopics.io.folders import unread_notes
from dvtopics.io.labels import read_labels
from dvtopics.errors import InputError, NoArticlesError

from articles import cp1258

TEXT = "Hội nghị sơ kết công tác dân vận\n21/04/2023 16:36\nSáng 21/4, Ban Dân vận Tỉnh ủy tổ chức hội nghị."


def test_seed_titles_dates_and_sources(seeds_dir, seed_expectations):
    articles = {a.id: a for a in read_articles(seeds_dir)}
    assert set(articles) == set(seed_expectations)
    for article_id, expected in seed_expectations.items():
        article = articles[article_id]
        assert article.title == expected["title"]
        assert article.date == (expected["date"] or None)
        assert (article.source or "") == expected["source"]


def test_seed_raw_text_is_kept_and_furniture_removed(seeds_dir):
    article = next(read_articles(seeds_dir / "000_4277f1d749d09db2.txt"))
    assert "In bài này" in article.raw
    assert "In bài này" not in article.text
    assert "\u00a0" not in article.text


@pytest.mark.parametrize("line, iso", [
    ("Thứ Ba, 05/07/2022, 19:13 [GMT+7]", "2022-07-05"),
    ("18:31, 17/02/2023", "2023-02-17"),
    ("05/08/2022", "2022-08-05"),
    ("21/04/2023 16:36", "2023-04-21"),
    ("Nguồn: baodaklak.vn, ngày 6/1/2016", "2016-01-06"),
    ("Cập nhật ngày 3 tháng 9 năm 2021", "2021-09-03"),
])
def test_dateline_formats(line, iso):
    assert extract_metadata(f"Tiêu đề bài viết\n{line}\nNội dung bài.")["date"] == iso


def test_dates_inside_prose_are_not_the_article_date():
    text = "Tiêu đề\n" + "Thực hiện Nghị quyết ngày 12/03/2015 của Tỉnh ủy, " * 5 + "\n05/08/2022"
    assert extract_metadata(text)["date"] == "2022-08-05"


@pytest.mark.parametrize("line", [
    "Từ 1/4/2017, thành phố thôi dùng văn bản giấy",
    "Ban hành quy chế mới từ 1.1.2019: những điểm cần biết",
    "Ông Ba đã rời địa phương từ ngày 22/10/2016.",
    "Ngày 22/2/2017, công ty bán cổ phần ra công chúng",
    "Giá rau ngày 6/2/2017 tăng nhẹ",
    "18/07/1993: vào đội bóng của thành phố",  # a timeline's entry
    "Tháng 1-3/2004",  # a span of months
    "Lúc 10h30 ngày 5/7/2022, đoàn đến thăm xã",
])
def test_a_headline_or_sentence_that_holds_a_date_does_not_date_the_article(line):
    meta = extract_metadata(f"{line}\nNội dung bài viết ngắn.\nĐoạn cuối của bài.")
    assert meta["date"] is None and meta["title"] == line


@pytest.mark.parametrize("line", [
    "Thiều Minh (Bộ CHQS tỉnh) 18:31, 17/02/2023",
    "17/02/2023 10:15 - Tác giả: Minh Anh",
    "Cập nhật ngày 17/02/2023 - Tác giả: Minh Anh",
    "Ngày đăng: 17/02/2023 | Lượt xem: 1.284",
    "Thứ Sáu, 17/02/2023 Ban Dân vận tỉnh",
])
def test_a_line_that_states_when_the_page_was_published_dates_it(line):
    assert extract_metadata(f"Tiêu đề bài viết\n{line}\nNội dung bài.")["date"] == "2023-02-17"


def test_dateline_in_head_wins_over_later_dates():
    text = "Tiêu đề\n05/08/2022\nNội dung.\nẢnh: 7/8/2022\nBan Dân vận"
    assert extract_metadata(text)["date"] == "2022-08-05"


def test_the_original_source_date_wins_over_the_page_date():
    # LABELS.md: the article's date is its first publication (seed 002 shows the day it was displayed on top)
    text = "Thứ Tư, 27/11/2024\nTiêu đề\nNội dung.\nNguồn: baodaklak.vn, ngày 6/1/2016"
    meta = extract_metadata(text)
    assert meta["date"] == "2016-01-06" and meta["source"] == "baodaklak.vn"


def test_a_sentence_opening_with_theo_is_not_a_source_line():
    text = "Tiêu đề\n05/08/2022\nTheo kế hoạch, ngày 7/9/2022 sẽ khai mạc."
    assert extract_metadata(text)["date"] == "2022-08-05"


@pytest.mark.parametrize("text", [
    "Dân vận khéo\n12/03/2018\nNguồn: Báo Lạng Sơn\n{body}",
    "Tiêu đề: Dân vận khéo\nNgày đăng: 12/03/2018\nNguồn: Báo Lạng Sơn\nNội dung: {body}",
    "Dân vận khéo\nThứ Hai, 12/3/2018 - 08:15\n(Theo Báo Lạng Sơn)\n{body}",
    "Nguồn: Báo Lạng Sơn\nDân vận khéo\n12/03/2018\n{body}",
])
def test_a_source_line_set_off_by_a_colon_or_brackets_is_never_the_title(text):
    """Hunt 27 A (5): a short headline, its date and a source line under it (as researchers copy an article into a
    .txt) was titled "Nguồn: Báo Lạng Sơn", as was a text that opens on its source line."""
    body = ("Sáng 5/7, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2022, triển khai nhiệm vụ "
            "năm 2023.")
    meta = extract_metadata(text.format(body=body))
    assert (meta["title"], meta["date"], meta["source"]) == ("Dân vận khéo", "2018-03-12", "Báo Lạng Sơn")


@pytest.mark.parametrize("line, source", [
    ("Nguồn: baodaklak.vn", "baodaklak.vn"),
    ("Nguồn: TTXVN", "TTXVN"),
    ("(Nguồn: Báo Đắk Lắk)", "Báo Đắk Lắk"),
    ("Nguồn baodaklak.vn", "baodaklak.vn"),
    ("Theo VnExpress", "VnExpress"),
    ("(Theo Báo Nhân Dân)", "Báo Nhân Dân"),
    ("Nguồn video: YouTube", "YouTube"),
    ("Nguồn gốc của lễ hội làng", None),
    ("Nguồn cơn của những lùm xùm gần đây", None),
    ("Nguồn vốn cho xây dựng nông thôn mới", None),
    ("Nguồn tin cho biết, đoàn sẽ đến vào sáng mai.", None),
    ("Theo chân người thợ làm muối", None),
    ("Theo kế hoạch, hội nghị khai mạc vào tuần tới", None),
    ("Theo Bộ Y tế, số ca mắc đã giảm so với tuần trước.", None),
])
def test_only_a_source_line_names_the_source(line, source):
    assert extract_metadata(f"Tiêu đề bài viết\nNội dung bài.\n{line}")["source"] == source


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""),
])
def test_encodings(tmp_path, encoding, bom):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + TEXT.replace("\n", "\r\n").encode(encoding))
    article = next(read_articles(path))
    assert article.title == "Hội nghị sơ kết công tác dân vận"
    assert article.date == "2023-04-21"


def test_cp1258_fallback_warns(tmp_path, caplog):
    path = tmp_path / "legacy.txt"
    path.write_bytes(cp1258("Tin vắn\nNội dung ngắn gọn."))
    with caplog.at_level(logging.WARNING):
        article = next(read_articles(path))
    assert "cp1258" in caplog.text and "Windows-1258" in article.meta["warning"]  # stderr and the record
    assert article.title == "Tin vắn"


def test_a_windows_1258_table_keeps_its_titles_as_written(tmp_path):
    """Hunt 40 O (3): a CSV saved in Windows-1258 (a tone as a mark after its letter) had its title read as the VNI font
    encoding and "converted": "phòng chống dịch sốt xuất huyết … cuối năm" came out "phòng chớng dịch sớt … cuới năm",
    under a warning that it had been fixed. The text field, longer, read right."""
    title = "Ngành Y tế: Tập trung phòng chống dịch sốt xuất huyết những tháng cuối năm"
    text = "Ngày 5/10, Sở Y tế tổ chức hội nghị đánh giá kết quả công tác 9 tháng năm 2023, triển khai nhiệm vụ quý IV."
    (tmp_path / "a.csv").write_bytes(cp1258(f"id,title,text\r\nx1,{title},\"{text}\"\r\n"))
    article = next(read_articles(tmp_path / "a.csv"))
    assert (article.title, article.meta.get("encoding")) == (title, None)
    assert "VNI" not in article.meta["warning"] and "Windows-1258" in article.meta["warning"]


@pytest.mark.parametrize("content, message", [(b"", "empty"), (b"  \n\n", "empty"),
                                              (b"\x00\x01\x02\x03" * 100, "binary"),
                                              (b"\x00" * 600, "empty file \\(NUL bytes only\\)")])
def test_bad_files_raise_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        next(read_articles(path, on_error="raise"))


@pytest.mark.parametrize("name, good", [("a.txt", TEXT.encode()),
                                        ("a.jsonl", json.dumps({"id": "a", "text": TEXT}).encode()),
                                        ("a.csv", b"id,text\na,\"" + TEXT.encode() + b"\"")])
def test_nul_bytes_padding_a_files_end_or_start_are_no_part_of_it(tmp_path, name, good):
    """Hunt 25 A (04): a file whose writing a crash or a full disk cut short ends in NULs (a few, or thousands): the
    article was "binary file, not text" (a few NULs in a short file are over 1% of it), a JSON lines file got an error
    record for its padding. The padding is dropped; NULs inside the text still make it binary."""
    for padded in (good + b"\n" + b"\x00" * 10, good + b"\n" + b"\x00" * 5000, b"\x00" * 512 + good):
        (tmp_path / name).write_bytes(padded)
        articles = list(read_articles(tmp_path / name))
        assert [(a.id.split(":")[0], a.error, a.text) for a in articles] == [("a", None, TEXT)]
    (tmp_path / name).write_bytes(good[:40] + b"\x00" * 20 + good[40:])
    assert "binary" in (next(read_articles(tmp_path / name)).error or "")


def test_bad_files_can_be_recorded_and_the_rest_read(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text(TEXT, encoding="utf-8")
    articles = list(read_articles(tmp_path, on_error="record"))
    assert [a.id for a in articles] == ["a_empty", "b_good"]
    assert "empty" in articles[0].error and articles[1].error is None


def test_folders_are_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert [a.id for a in read_articles(tmp_path)] == ["a", "sub/x"]


def test_a_folder_reads_txt_whatever_its_case_and_names_what_it_skips(tmp_path, caplog):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "B.TXT").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    for name in ("page.html", "other.HTML", "notes", "report.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text('{"id": "m", "text": "x"}\n', encoding="utf-8")
    # what a collection keeps beside its articles, as seeds/ does, is skipped without a word
    (tmp_path / "labels.csv").write_text("file,label\na.txt,other\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read_articles(tmp_path)] == ["a", "sub/B"]
    notes = [r.getMessage() for r in caplog.records]
    assert len(notes) == 4  # one line per kind of file
    # a saved page is read when given by name (hunt 20 A, 08: the note said to save it again as .txt)
    # and all of them at once, by a pattern (hunt 27 A, left: "give it by its name" was all, for 500 pages)
    pattern = f'"{tmp_path}/**/*.HTML"'
    assert any("2 .html files not read (e.g. 'other.HTML')" in note and "give them by their names to read them, all "
               f"at once with a pattern in quotes such as {pattern} (a page's visible text is read)" in note
               and "save it as" not in note for note in notes)
    assert any("1 file without an extension not read (e.g. 'notes')" in note for note in notes)
    assert any("'more.jsonl'" in note and "give it by its name" in note for note in notes)
    assert not any(".csv" in note or ".md" in note for note in notes)


def test_a_folders_gzipped_articles_are_read_as_one_given_by_name_is(tmp_path):
    """Hunt 25 A (09): `gzip -r articles/` leaves a folder of .txt.gz files; each one given by name is read, but the
    folder was "no articles: 2 .gz files not read …: an archive: extract its files (unzip it)". They are its
    articles, named as their .txt would be."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(TEXT.encode("utf-8")))
    (tmp_path / "sub" / "B.TXT.GZ").write_bytes(gzip.compress(TEXT.encode("utf-8")))
    (tmp_path / "c.txt").write_text(TEXT, encoding="utf-8")
    articles = list(read_articles(tmp_path))
    assert [(a.id, a.error, a.text) for a in articles] == [("a", None, TEXT), ("c", None, TEXT), ("sub/B", None, TEXT)]


def test_a_folders_note_on_an_archive_says_to_extract_it(tmp_path):
    """Hunt 20 A (16): a .zip of articles in a folder was noted "save it as .txt (UTF-8) to read it"."""
    import zipfile

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "more.zip", "w") as archive:
        archive.writestr("b.txt", TEXT)
    (tmp_path / "c.tar.gz").write_bytes(gzip.compress(TEXT.encode("utf-8")))
    (tmp_path / "only").mkdir()
    (tmp_path / "only" / "d.rar").write_bytes(b"Rar!\x1a\x07\x00")
    notes = unread_notes(tmp_path)  # .zip, .gz, and the .rar of the folder below
    assert len(notes) == 3 and not any("save it as" in note for note in notes)
    # (Hunt 30 N: a .zip and a .tar.gz given by name are read, as the folder they hold)
    assert sum("an archive: give it by its name to read it" in note for note in notes) == 2
    assert sum("an archive: extract its files" in note for note in notes) == 1
    (folder,) = read_articles(tmp_path / "only")
    assert "1 .rar file not read (e.g. 'd.rar'): an archive: extract its files" in folder.error


def test_a_pipe_named_like_a_table_in_a_folder_is_never_opened(tmp_path, caplog):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "feed.csv")  # opening it to read would wait for a writer forever
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read_articles(tmp_path)] == ["a"]
    assert "1 .csv file not read" in caplog.text


def test_a_path_with_no_article_at_all_is_an_error_in_its_place(tmp_path, caplog):
    """Trial 9 (02): an empty file among the inputs stopped the run after the files before it, its work lost; it
    is one error in its place, as any input that cannot be read, and the inputs after it are read."""
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "blank.jsonl.gz").write_bytes(gzip.compress(b"\n  \n"))
    (tmp_path / "header.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "good.jsonl").write_text(json.dumps({"id": "g", "text": TEXT}) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        [folder] = read_articles(tmp_path, on_error="record")
    assert folder.id == tmp_path.name and "no .txt, .docx or .odt file; " in folder.error
    assert "1 .html file not read" in folder.error
    assert "not read" not in caplog.text.replace(folder.error, "")  # said in the error, not again in a warning
    names = ["empty.jsonl", "good.jsonl", "blank.jsonl.gz", "header.csv"]
    read = list(read_articles([tmp_path / name for name in names], on_error="record"))
    assert [a.id for a in read] == ["empty.jsonl", "g", "blank.jsonl.gz", "header.csv"]
    assert all(a.error == f"{tmp_path / a.id}: no articles: the file holds none (it is empty, or has a header only)"
               for a in read if a.id != "g")
    for name in names[:1] + names[2:]:  # raised as an error, when errors are raised
        with pytest.raises(NoArticlesError, match="no articles"):
            list(read_articles(tmp_path / name, on_error="raise"))
    (tmp_path / "bad.txt").write_text("", encoding="utf-8")  # an article that cannot be read is one
    assert [a.id for a in read_articles(tmp_path, on_error="record")] == ["bad"]


@pytest.mark.parametrize("name", ["bom.jsonl", "bom.json", "bom.jsonl.gz"])
def test_a_json_file_of_a_utf8_bom_only_holds_no_articles(tmp_path, name):
    """Hunt 16 A (6): a file saved empty as "UTF-8" (its BOM only, and maybe a line end) was "not valid JSON" on
    its line 1; it holds no article, as an empty file, on either engine."""
    from dvtopics.run.distributed import line_ranges

    path = tmp_path / name
    path.write_bytes(gzip.compress(b"\xef\xbb\xbf\n") if name.endswith(".gz") else b"\xef\xbb\xbf")
    [article] = read_articles(path, on_error="record")
    assert article.error == f"{path}: no articles: the file holds none (it is empty, or has a header only)"
    assert line_ranges(path, 2) == []  # a Dask run reads it whole, to say so


def test_jsonl_gz_and_field_names(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"doc": "d1", "body": TEXT, "kind": "quarterly_briefing"}) + "\n")
        handle.write("not json\n")
        handle.write(json.dumps({"doc": "d3", "other": "x"}) + "\n")
    fields = FieldNames(text="body", id="doc", label="kind")
    articles = list(read_articles(path, fields, on_error="record"))
    assert articles[0].id == "d1" and articles[0].label == "quarterly_briefing"
    assert articles[0].date == "2023-04-21"
    assert "not valid JSON" in articles[1].error
    assert "no 'body' field" in articles[2].error


def test_csv(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,text,label\nx1,"' + TEXT.replace('"', '""') + '",other\n', encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.id, article.label, article.title) == ("x1", "other", "Hội nghị sơ kết công tác dân vận")


def test_field_names_are_matched_whatever_their_case_or_the_spaces_around_them(tmp_path):
    quoted = '"' + TEXT.replace('"', '""') + '"'
    (tmp_path / "a.csv").write_text(f" ID ;Title;SOURCE ;Text \nx1;Tiêu đề riêng;TTXVN;{quoted}\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"Id": "j1", "TEXT": TEXT, " title": "Tiêu đề riêng"}) + "\n")
    (from_csv,) = read_articles(tmp_path / "a.csv")
    (from_jsonl,) = read_articles(tmp_path / "b.jsonl")
    assert (from_csv.id, from_csv.title, from_csv.source) == ("x1", "Tiêu đề riêng", "TTXVN")
    assert (from_jsonl.id, from_jsonl.title, from_jsonl.date) == ("j1", "Tiêu đề riêng", "2023-04-21")
    (tmp_path / "labels.csv").write_text("ID,Label \nx1,other\n", encoding="utf-8")
    assert read_labels(tmp_path / "labels.csv") == {"x1": "other"}


def test_a_labels_file_read_as_articles_is_said_to_be_one(tmp_path):
    """Hunt 27 B: `label labels.csv` or `inspect labels.xlsx` (a labels file among the articles, --labels forgotten)
    was "no 'text' column; its columns are 'id', 'label'", which left the user to see it was a labels file."""
    (tmp_path / "labels.csv").write_text("id,label\nx1,other\n", encoding="utf-8")
    (tmp_path / "written.csv").write_text("id,label,confidence,cues,title,date,source,error,warning\n"
                                          "x1,other,0.9,,Tiêu đề,,,,\n", encoding="utf-8")
    for name in ("labels.csv", "written.csv"):
        (table,) = read_articles(tmp_path / name, on_error="record")
        assert table.error.endswith("; it holds ids and labels, not articles: a labels file, given to train, "
                                    "evaluate, report or topics as label_files or labels_file (--labels), with the "
                                    "articles it labels among the inputs")
    (tmp_path / "a.csv").write_text("id,label,Trích đoạn\nx1,other,Tin ngắn.\n", encoding="utf-8")
    (table,) = read_articles(tmp_path / "a.csv", on_error="record")  # a column of its own: not said to be labels
    assert "no 'text' column" in table.error and "labels file" not in table.error


def test_a_missing_text_field_is_reported_with_the_fields_the_file_has(tmp_path):
    # the columns as the file names them ('Mã', not the 'id' it is read as: hunt 22 A)
    (tmp_path / "a.csv").write_text("Mã,Trích đoạn\nx1,Tin ngắn.\nx2,Tin khác.\n", encoding="utf-8")
    (table,) = read_articles(tmp_path / "a.csv", on_error="record")  # a table: one error, not one a row
    assert "no 'text' column (fields['text'] (--text-field)); its columns are 'Mã', 'Trích đoạn'" in table.error
    with pytest.raises(InputError, match="no 'text' column"):
        list(read_articles(tmp_path / "a.csv", on_error="raise"))
    (tmp_path / "a.jsonl").write_text('{"Mã": "x1", "Trích đoạn": "Tin ngắn."}\n', encoding="utf-8")
    (article,) = read_articles(tmp_path / "a.jsonl", on_error="record")
    assert "no 'text' field" in article.error and "'Mã', 'Trích đoạn'" in article.error
    (tmp_path / "labels.csv").write_text("Mã,Ghi chú\nx1,other\n", encoding="utf-8")
    with pytest.raises(InputError, match="its header has 'Mã', 'Ghi chú'"):
        read_labels(tmp_path / "labels.csv")


@pytest.mark.parametrize("value", ["05/07/2022", "5-7-2022", "05.07.2022", "5/7/2022 19:13", "2022-07-05",
                                   "2022-07-05T19:13:00+07:00", "1657000000"])
def test_a_date_field_is_read_day_first_as_datelines_are(tmp_path, value):
    path = tmp_path / "a.csv"
    path.write_text(f'id,date,text\nx1,{value},"Tiêu đề\nNội dung bài."\n', encoding="utf-8")
    (article,) = read_articles(path)
    assert article.date == "2022-07-05" and article.meta.get("warning") is None


@pytest.mark.parametrize("value, day", [("Tue, 05 Jul 2022 19:13:00 +0700", "2022-07-05"),
                                        ("Tue, 05 Jul 2022 23:30:00 GMT", "2022-07-06"),  # on Vietnam's clock
                                        ("05 Jul 2022 10:00:00 -0000", "2022-07-05")])  # a zone not known
def test_a_date_field_written_as_an_rss_feed_writes_it_is_read(tmp_path, value, day):
    """Hunt 20 A (12): articles scraped from an RSS feed carry its pubDate, an e-mail date: each was "not a date"."""
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "r1", "date": value, "text": "Tiêu đề\nNội dung bài."}) + "\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert article.date == day and article.meta.get("warning") is None


@pytest.mark.parametrize("value", ["32/13/2022", "31/02/2022", "tháng 7", "31/02/22", "Thu, 31 Feb 2022 10:00:00 GMT"])
def test_a_date_field_that_is_not_a_date_is_not_used_and_the_record_says_so(tmp_path, value, caplog):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x1", "date": value, "text": "Tiêu đề\nNội dung bài."}) + "\n")
    (article,) = read_articles(path)
    assert article.error is None and article.title == "Tiêu đề" and article.date is None
    assert f"'date' field {value!r} is not a date" in article.meta["warning"]
    # the line printed says which forms are read, as the record does, not only which years: a short date ("05/07/22", before
    # two-digit years were read) was
    # "not a date in the years 1900 to 2100", as if its year were out of range (hunt 18 A, 5)
    assert article.meta["warning"] in caplog.text and "day/month/year" in caplog.text


def test_html_input_is_reduced_to_text(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<html><head><script>var a=1;</script></head><body><h1>Tiêu đề</h1><p>Nội dung.</p></body></html>")
    (article,) = read_articles(path)
    assert article.title == "Tiêu đề" and "var a" not in article.text


def test_utf16_detection_without_bom():
    assert decode_bytes("Xin chào".encode("utf-16-le")) == "Xin chào"


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_articles(tmp_path / "nope"))


def test_read_labels_accepts_file_names(seeds_dir, seed_labels):
    assert read_labels(seeds_dir / "labels.csv") == seed_labels


def test_read_labels_reads_the_workbook_a_user_corrected(tmp_path):
    """The .xlsx `label --out` writes, its labels corrected in a spreadsheet, is a labels file too; an id
    Excel turned into a number is read as the id it was."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append([" ID", "Label ", "confidence"])
    book.active.append(["a1", "annual_review ", 0.4])
    book.active.append([21470201, "other", 0.9])
    book.active.append([None, None, None])  # a row left empty
    book.save(tmp_path / "corrected.xlsx")
    assert read_labels(tmp_path / "corrected.xlsx") == {"a1": "annual_review", "21470201": "other"}
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(InputError, match="not an .xlsx workbook"):
        read_labels(tmp_path / "broken.xlsx")


def test_a_workbooks_true_and_false_cells_read_as_the_sheet_shows_them(tmp_path):
    """A TRUE/FALSE label cell was read as Python's "True": a model trained on the workbook refused the same labels in
    the CSV Excel saves from it, "TRUE" (hunt 23 B, 13). Read as the sheet shows it, in articles and labels files."""
    from openpyxl import Workbook

    book = Workbook()
    for row in (["id", "text", "label"], ["a1", "Hội nghị tổng kết công tác năm 2023.", True],
                ["a2", "Xã trồng cây xanh.", False]):
        book.active.append(row)
    book.save(tmp_path / "meetings.xlsx")
    assert [a.label for a in read_articles(tmp_path / "meetings.xlsx")] == ["TRUE", "FALSE"]
    assert read_labels(tmp_path / "meetings.xlsx") == {"a1": "TRUE", "a2": "FALSE"}


def test_read_labels_reads_the_keys_of_json_labels_whatever_their_case(tmp_path):
    """{"ID": "a1", "Label": "other"} lines were refused ("a labels line needs {"id": ..., "label": ...}"), where the
    articles' records and a labels table's columns are read whatever their case (hunt 23 B, 20)."""
    (tmp_path / "labels.jsonl").write_text('{"ID": "a1", "Label": "other"}\n{" id ": "a2", "Nhãn": "annual_review"}\n',
                                           encoding="utf-8")
    assert read_labels(tmp_path / "labels.jsonl") == {"a1": "other", "a2": "annual_review"}
    (tmp_path / "labels.json").write_text('[{"Id": "a1", "Category": "other"}]', encoding="utf-8")
    assert read_labels(tmp_path / "labels.json", label_field="category") == {"a1": "other"}


def test_read_labels_reads_every_sheet_of_labels_in_a_workbook(tmp_path):
    """A second round of labels on a sheet of its own (or `label --out`'s sheets `articles 2`, … past Excel's rows) was
    dropped without a word: only the first sheet with a label column was read, and train learnt without the rest
    (hunt 23 B, 6). Every sheet of ids and labels is read; a notes sheet is not; two sheets that label one id apart
    are refused, as one sheet is; a sheet of a header only labels nothing."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "đợt 1"
    for row in (["id", "label"], ["a1", "other"], ["a2", "annual_review"]):
        book.active.append(row)
    for title, rows in (("ghi chú", [["ghi chú"], ["Nhãn theo LABELS.md"]]), ("đợt 2", [["ID", "Label"], ["a3", "other"]]),
                        ("đợt 3", [["id", "label"]])):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(tmp_path / "rounds.xlsx")
    assert read_labels(tmp_path / "rounds.xlsx") == {"a1": "other", "a2": "annual_review", "a3": "other"}
    book["đợt 2"].append(["a1", "annual_review"])
    book.save(tmp_path / "apart.xlsx")
    with pytest.raises(InputError, match="id 'a1' has two labels, 'other' and 'annual_review'"):
        read_labels(tmp_path / "apart.xlsx")


def test_utf8_with_a_few_damaged_bytes_stays_utf8(caplog):
    data = ("Công tác dân vận " * 50).encode("utf-8") + b"\xff" + " ở cơ sở.".encode("utf-8")
    with caplog.at_level(logging.WARNING):
        text = decode_bytes(data)
    assert text.startswith("Công tác dân vận") and text.count("\ufffd") == 1
    assert "replaced" in caplog.text


def test_read_labels_keeps_ids_that_end_in_txt(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("id,label\nTrain_Full/XH/XH_NLD_ (1).txt,other\n", encoding="utf-8")
    assert read_labels(path) == {"Train_Full/XH/XH_NLD_ (1).txt": "other"}


def test_a_page_copied_from_a_site_keeps_its_headline_date_and_article_only(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "BÁO QUẢNG NINH\nQuảng Ninh | Chính trị | Kinh tế | Xã hội\nQuốc phòng - An ninh\n"
        "Kiên quyết không để hình thành điểm nóng về ma túy\nThứ Bảy, 09/07/2022, 10:15 [GMT+7]\n"
        "Sáng 9/7, Ban Chỉ đạo 138 tỉnh tổ chức hội nghị sơ kết 6 tháng đầu năm.\nĐoạn hai của bài.\n"
        "Chia sẻ\nTin liên quan\nSơ kết công tác dân vận quý III năm 2022\n", encoding="utf-8")
    [article] = read_articles(page)
    assert article.title == "Kiên quyết không để hình thành điểm nóng về ma túy"
    assert article.date == "2022-07-09"
    assert "Chính trị | Kinh tế" not in article.text and "BÁO QUẢNG NINH" not in article.text
    assert article.text.endswith("Đoạn hai của bài.")  # the related headlines are not the article's


def test_saved_pages_give_the_headline_and_date_their_writer_meant():
    """Pages as copied from 2020s sites, written for the project (tests/data/saved_pages/README.md)."""
    folder = Path(__file__).parent / "data" / "saved_pages"
    expected = {Path(row["file"]).stem: row for row in csv.DictReader(open(folder / "labels.csv", encoding="utf-8"))}
    articles = list(read_articles(folder))
    assert {a.id for a in articles} == set(expected)
    wrong = [(a.id, a.title, a.date) for a in articles
             if (a.title, a.date) != (expected[a.id]["title"], expected[a.id]["date"])]
    assert not wrong


# ------------------------------------------------------------ names as users type them

def nfd(text: str) -> str:
    """`text` as macOS writes file names (and often their contents): decomposed."""
    return unicodedata.normalize("NFD", text)


def test_ids_labels_and_field_names_typed_on_a_mac_match_those_typed_elsewhere(tmp_path):
    (tmp_path / "mac").mkdir()
    (tmp_path / "mac" / (nfd("Sơ kết quý") + ".txt")).write_text(TEXT, encoding="utf-8")
    (tmp_path / "labels.csv").write_text("file,label\nSơ kết quý.txt,Xã hội\n", encoding="utf-8")
    rows = [{"id": "j1", "text": TEXT, "label": "Xã hội"},
            {"id": nfd("j2 Hà"), "text": TEXT, "label": nfd("Xã hội")}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    quoted = '"' + TEXT.replace('"', '""') + '"'
    (tmp_path / "a.csv").write_text(nfd("Mã bài,Nội dung\n") + f"c1,{quoted}\n", encoding="utf-8")

    (article,) = read_articles(tmp_path / "mac")
    assert article.id == "Sơ kết quý" and read_labels(tmp_path / "labels.csv") == {"Sơ kết quý": "Xã hội"}
    read = [(a.id, a.label) for a in read_articles(tmp_path / "a.jsonl")]
    assert read == [("j1", "Xã hội"), ("j2 Hà", "Xã hội")]
    (from_csv,) = read_articles(tmp_path / "a.csv", FieldNames(text="Nội dung", id="Mã bài"))
    assert from_csv.id == "c1" and from_csv.error is None
    (tmp_path / "nfd-labels.csv").write_text(nfd("id,label\nj2 Hà,Xã hội\n"), encoding="utf-8")
    assert read_labels(tmp_path / "nfd-labels.csv") == {"j2 Hà": "Xã hội"}


def test_stopwords_are_read_as_segmented_text_spells_them(tmp_path):
    from dvtopics.io.sidefiles import read_stopwords

    (tmp_path / "stop.txt").write_text(nfd("Nhân dân\nxã_hội\n  hoà   bình \n\n"), encoding="utf-8")
    assert read_stopwords(tmp_path / "stop.txt") == ["nhân_dân", "xã_hội", "hòa_bình"]


def test_a_stopwords_table_or_a_list_on_one_line_gives_each_cell_as_a_word(tmp_path):
    """A stopword list kept as a CSV of words and counts ("nhân dân,120") gave the stopword "nhân_dân,120", which no
    token is: the word stayed a topic word, in silence. So did a list written on one line, "nhân dân, chính trị"."""
    from dvtopics.io.sidefiles import read_stopwords

    (tmp_path / "stop.csv").write_text('word,count\n"Nhân dân",120\nchính trị;80\txã hội, hòa bình\n', encoding="utf-8")
    assert read_stopwords(tmp_path / "stop.csv") == ["word", "count", "nhân_dân", "120", "chính_trị", "80", "xã_hội",
                                                     "hòa_bình"]


# ------------------------------------------------------------ spreadsheets' empty rows

def test_the_empty_rows_a_spreadsheet_saves_are_no_articles_and_no_labels(tmp_path):
    quoted = '"' + TEXT.replace('"', '""') + '"'
    (tmp_path / "sheet.csv").write_text(f"id,text,,\n,,,\nx1,{quoted},,\n,,,\n , ,,\n", encoding="utf-8")
    assert [(a.id, a.error) for a in read_articles(tmp_path / "sheet.csv", on_error="record")] == [("x1", None)]
    (tmp_path / "labels.csv").write_text("id,label,\nx1,other,\n,,\nx2,,\n", encoding="utf-8")
    assert read_labels(tmp_path / "labels.csv") == {"x1": "other"}  # x2 has no label: it labels nothing


# ------------------------------------------------------------ ids given twice

def test_an_article_read_twice_whole_is_said(tmp_path, caplog):
    """Hunt 41 Y (5): a folder given beside the zip made of it read each article twice, id, title and text alike, and
    nothing was said (such copies were passed over as a corrected copy is): a report counted each twice. A copy
    under another label, a correction (docs/labelling.md), is still no repeat."""
    rows = [{"id": "A", "text": TEXT}, {"id": "B", "text": TEXT}, {"id": "A", "text": TEXT},
            {"id": "B", "text": TEXT, "label": "other"}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read_articles(tmp_path / "a.jsonl")] == ["A", "B", "A", "B"]
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith("1 article repeats an earlier article whole, its id, title and text (e.g. 'A')")


def test_repeated_ids_get_one_warning_and_every_article(tmp_path, caplog):
    # (three articles under "A": a copy of the article an id names is that article, not another: hunt 37 B, 6)
    rows = [{"id": i, "text": f"{TEXT} {n}"} for n, i in enumerate(("A", "B", "A", "A", "C"))]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read_articles(tmp_path / "a.jsonl")] == ["A", "B", "A", "A", "C"]
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith("2 articles repeat the id of an earlier article (e.g. 'A')")


def test_a_path_given_twice_is_read_once_with_a_note(tmp_path, caplog):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read_articles([tmp_path, f"{tmp_path}/", tmp_path / "." ])] == ["a"]
    assert caplog.text.count("given twice; read once") == 2 and "repeat" not in caplog.text


def test_a_path_inside_a_folder_given_too_is_read_once_with_a_note(tmp_path, caplog):
    """Trial 9 (07): `label articles articles/a1.txt` (or `2017/ 2017/03/`) read the file twice, under one id."""
    top = tmp_path / "articles"
    (top / "03" / "__MACOSX").mkdir(parents=True)
    for name in ("a1.txt", "03/late.txt", "03/__MACOSX/m.txt"):
        (top / name).write_text(TEXT, encoding="utf-8")
    (top / "table.jsonl").write_text(json.dumps({"id": "t", "text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text(TEXT, encoding="utf-8")
    (top / "link").symlink_to(tmp_path / "elsewhere")  # a link to a folder: the walk does not follow it
    given = [top / "a1.txt", top, top / "03", top / "03" / "late.txt", top / "table.jsonl", top / "link",
             top / "03" / "__MACOSX"]
    with caplog.at_level(logging.WARNING):
        ids = [a.id for a in read_articles(given)]
    # the folder's .txt files once, from the folder; what its walk passes over (a table, a link, a system
    # folder) from where it was given
    assert ids == ["03/late", "a1", "t", "b", "m"]
    assert caplog.text.count("given too; read once") == 3 and "repeat" not in caplog.text
    assert f"{top / 'a1.txt'}: inside {top}, given too" in caplog.text


# ------------------------------------------------------------ what the record and the notes say

def test_html_read_as_text_says_so_in_the_record(tmp_path):
    (tmp_path / "page.txt").write_text("<html><body><h1>Tiêu đề</h1><p>Nội dung.</p></body></html>")
    (article,) = read_articles(tmp_path / "page.txt")
    assert "HTML instead of text" in article.meta["warning"]


def test_a_zip_given_is_read_as_its_folder_and_no_encoding_is_guessed(tmp_path, caplog):
    """(Hunt 30 N: a .zip given was "zip-compressed data, not text: decompress it first"; `tests/test_archives.py`.)
    A zip named as a text is one clear error."""
    import zipfile

    with zipfile.ZipFile(tmp_path / "articles.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", TEXT * 50)
    with caplog.at_level(logging.WARNING):
        (article,) = read_articles(tmp_path / "articles.zip", on_error="record")
        assert article.id == "a" and article.error is None
        (tmp_path / "articles.zip").rename(tmp_path / "articles.dat")
        (article,) = read_articles(tmp_path / "articles.dat", on_error="record")
    assert "a zip archive, not text: name it .zip to read the articles it holds" in article.error
    assert "Windows-1258" not in caplog.text


@pytest.mark.parametrize("name", ["articles.csv", "articles.txt", "articles.jsonl"])
def test_an_office_file_under_another_name_is_named_for_what_it_is(tmp_path, name):
    """Hunt 25 A (12): a workbook saved or renamed "articles.csv" (as some portals' "CSV" exports are) was
    "zip-compressed data: decompress it first", which sent a user to unzip its XML; a Word document named .txt too.
    The error says what the file is and what to do."""
    import zipfile

    with zipfile.ZipFile(tmp_path / name, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    (article,) = read_articles(tmp_path / name)
    assert "an Excel workbook (.xlsx) under another name: name it .xlsx to read it" in article.error
    # (a Word document is read: named .txt, as what it is; under a table's name, the error says to name it .docx)
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(tmp_path / name, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{word}"><w:body><w:p><w:r><w:t>Hội nghị tổng kết'
                                              '</w:t></w:r></w:p></w:body></w:document>')
    (article,) = read_articles(tmp_path / name)
    if name.endswith(".txt"):
        assert not article.error and article.title == "Hội nghị tổng kết"
    else:
        assert "a Word document (.docx) under another name: name it .docx to read it" in article.error
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))  # an .xls or .doc: "binary file"
    (article,) = read_articles(tmp_path / name)
    assert "an Office 97-2003 file (.xls or .doc) under another name: open it and save it as .xlsx" in article.error
    # a system's "Excel" export that is an HTML table named .xls was one article, titled "STT"
    (tmp_path / "export.xls").write_text("<html><body><table><tr><th>STT</th><th>Nội dung</th></tr><tr><td>1</td>"
                                         f"<td>{TEXT}</td></tr></table></body></html>", encoding="utf-8")
    (article,) = read_articles(tmp_path / "export.xls")
    assert "an Excel 97-2003 workbook, not plain text: save it as .xlsx or CSV UTF-8" in article.error


def test_skipped_links_to_folders_are_counted_in_words(tmp_path, caplog):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    for name in ("l1", "l2", "l3"):
        (tmp_path / "in" / name).symlink_to(tmp_path, target_is_directory=True)
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read_articles(tmp_path / "in")] == ["a"]
    assert "3 links to folders not read (e.g. 'l1')" in caplog.text


def test_a_labelled_title_line_gives_the_headline_without_its_label():
    """Hunt 22 A (09): a scraper's .txt opens "Tiêu đề: …" (or "Title: …") over "Ngày đăng: …" and "Nguồn: …" (or
    "Source: …"): the title was read with its label ("Tiêu đề: Hội nghị …"), in every output, and "Source:" gave
    no source. The label is no part of the headline; "Source:" names the source as "Nguồn:" does."""
    for label, source in (("Tiêu đề", "Nguồn"), ("Title", "Source"), ("TIÊU ĐỀ", "Nguồn tin")):
        meta = extract_metadata(f"{label}: Hội nghị tổng kết công tác dân vận\nNgày đăng: 05/01/2023\n"
                                f"{source}: Báo Lạng Sơn\n\nSáng 5/1, Ban Dân vận Huyện ủy tổ chức hội nghị.")
        assert meta == {"title": "Hội nghị tổng kết công tác dân vận", "date": "2023-01-05", "source": "Báo Lạng Sơn"}
    # a headline that only opens with such a word keeps it
    assert extract_metadata("Tiêu đề mới cho bài viết\nNội dung.")["title"] == "Tiêu đề mới cho bài viết"


@pytest.mark.parametrize("header", [
    "Tiêu đề: {title}\nNgày đăng: 05/01/2023\nNguồn: Báo Lạng Sơn\nNội dung:\n",
    "Tiêu đề:\n{title}\nNgày đăng:\n05/01/2023\nNguồn:\nBáo Lạng Sơn\n\nNội dung:\n",
    "TITLE : {title}\nDate: 05/01/2023\nSource: Báo Lạng Sơn\nContent: ",
    "Tiêu đề: {title}\nNgày đăng: 05/01/2023\nNguồn: Báo Lạng Sơn\nSapo: Ban Dân vận họp.\nNội dung: ",
    '---\ntitle: "{title}"\ndate: 2023-01-05\nsource: Báo Lạng Sơn\n---\n',  # a Markdown file's front matter
    "Tiêu đề: {title}\nNgày đăng: 05/01/2023\nNguồn: Báo Lạng Sơn\nTác giả:\n"])  # no writer: the body is none
def test_a_scrapers_labelled_header_gives_its_fields_and_leaves_its_labels_out_of_the_text(tmp_path, header):
    """Hunt 25 A (01): a scraper's .txt whose labels stand alone over their values ("Tiêu đề:" over the headline) was
    titled "Tiêu đề:" and had no source; and in every such file "Tiêu đề", "Nội dung" ("Title", "Content") were words
    of the text, in its segments and topics. The labels of a title and a body are dropped, a lone label is read
    with the value under it."""
    title = "Hội nghị tổng kết công tác dân vận"
    (tmp_path / "a.txt").write_text(header.format(title=title) + "Sáng 5/1, Ban Dân vận Huyện ủy tổ chức hội nghị.\n")
    article = next(read_articles(tmp_path / "a.txt"))
    assert (article.title, article.date, article.source) == (title, "2023-01-05", "Báo Lạng Sơn")
    assert article.text.split("\n")[0] == title
    assert not any(word in article.text.lower()
                   for word in ("tiêu đề", "nội dung", "title", "content", "sapo", "tác giả"))
    assert article.text.split("\n")[-1] == "Sáng 5/1, Ban Dân vận Huyện ủy tổ chức hội nghị."


def test_a_json_labels_file_is_read_as_json(tmp_path):
    """Hunt 22 A (13): `--labels labels.json`, an array of {"id", "label"} (JSONL's records in one array) or an
    object of labels by id, was read as a CSV and refused as "a labels table needs a header …; its header has
    '[{"id": "a1"', …". Both are read; JSON lines named .json too; anything else is refused saying what to give."""
    (tmp_path / "array.json").write_text('[{"id": "a1", "label": "other"}, {"id": "a2", "label": "annual_review"}]')
    (tmp_path / "by_id.json").write_text('{"a1": "other", "a2": "annual_review"}')
    (tmp_path / "lines.json").write_text('{"id": "a1", "label": "other"}\n{"id": "a2", "label": "annual_review"}\n')
    for name in ("array.json", "by_id.json", "lines.json"):
        assert read_labels(tmp_path / name) == {"a1": "other", "a2": "annual_review"}, name
    (tmp_path / "wrong.json").write_text('[{"id": "a1", "type": "other"}]')
    with pytest.raises(InputError, match=r"item 1: a labels array needs .* it has 'id', 'type'"):
        read_labels(tmp_path / "wrong.json")


def test_a_labels_files_vietnamese_file_paths_name_the_articles_under_an_ascii_locale(tmp_path):
    """Under `LC_ALL=C PYTHONUTF8=0` (UTF-8 mode off in an ASCII locale) a `file` cell "bài báo/a1.txt" (UTF-8 text, as
    `ls` lists it) named no file, since Python names that folder by surrogate escapes there: the labels labelled
    nothing."""
    import subprocess
    import sys

    (tmp_path / "bài báo").mkdir()
    for name in ("a1", "bài-2"):
        (tmp_path / "bài báo" / f"{name}.txt").write_text("Tiêu đề\nNội dung.", encoding="utf-8")
    labels = {"bài báo/a1": "other", "bài báo/bài-2": "other"}
    script = ("from dvtopics.jobs.checks import ids_of_input_files; import os; "  # the folder as this locale names it
              f"print(ascii(sorted(ids_of_input_files({ascii(labels)}, [os.listdir('.')[0]]))))")
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1])}  # this dvtopics, from another folder
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.stdout.strip() == ascii(["a1", "bài-2"]), run.stderr


def test_a_labels_files_file_names_written_on_windows_name_the_articles(tmp_path):
    """Hunt 22 A (15): a labels table's `file` column written on Windows ("2017\\03\\late.txt", as Explorer and
    Windows' Python write paths) named no article: ids are "2017/03/late", and the run stopped with "none of the
    ids in --labels is an article of the input". Its backslashes split folders as "/" does; "./" is dropped."""
    (tmp_path / "labels.csv").write_text("file,label\r\n2017\\03\\late.txt,other\r\n./2017/early.TXT,annual_review\r\n",
                                         encoding="utf-8")
    assert read_labels(tmp_path / "labels.csv") == {"2017/03/late": "other", "2017/early": "annual_review"}
