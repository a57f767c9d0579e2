"""Input files as users have them (a new-user trial): Mac folders, saved pages, spreadsheets laid out by
hand, old line ends, files in more than one encoding. Each test builds its own tiny file."""
import base64
import csv
import gzip
import json
import logging
import quopri
import re
from pathlib import Path

import pytest

from dvtopics.io.read import FieldNames, make_article, read_articles

from articles import cp1258

TEXT = "Sáng 5/1, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2022 tại hội trường."
TEXT2 = "Chiều 8/3, Mặt trận huyện tổ chức gặp mặt các đồng chí nguyên lãnh đạo nhân dịp đầu xuân."


def read(paths, **options):
    return list(read_articles(paths, on_error="record", **options))


def write_csv_and_workbook(stem: Path, rows: list[list]) -> None:
    """The same rows as STEM.csv and STEM.xlsx, a table as users give it either way."""
    from openpyxl import Workbook

    with open(stem.with_suffix(".csv"), "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(stem.with_suffix(".xlsx"))


# ------------------------------------------------------------------ folders


def test_mac_system_files_in_a_folder_are_passed_over(tmp_path, caplog):
    (tmp_path / "bai1.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + b"\x00" * 200
    (tmp_path / "._bai1.txt").write_bytes(apple_double)
    (tmp_path / "__MACOSX").mkdir()
    (tmp_path / "__MACOSX" / "._bai1.txt").write_bytes(apple_double)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + b"\x00" * 100)
    (tmp_path / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with caplog.at_level(logging.WARNING):
        articles = read(tmp_path)
    assert [(a.id, a.error) for a in articles] == [("bai1", None)]
    assert caplog.text == ""  # no failed article, no "save it as .txt" advice


def test_the_files_programs_leave_beside_an_open_article_are_passed_over(tmp_path, caplog):
    """Hunt 25 A (05): an article open in Word ("~$bai1.txt", its owner file, binary) or in Emacs (".#bai1.txt", a
    link to nowhere) was an error record, and the run failed; LibreOffice's lock, vim's swap and editors' backups
    each had a warning saying to save them as .txt. Passed over in silence, as the system's own files are."""
    (tmp_path / "bai1.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    (tmp_path / "~$bai1.txt").write_bytes(b"\x0bNguyen Van A" + b"\x00" * 40 + b"\x0bN\x00g\x00")
    (tmp_path / ".#bai1.txt").symlink_to("user@host.1234:1700000000")
    for name in (".~lock.bai1.txt#", "#bai1.txt#", ".bai1.txt.swp", "bai1.txt~", "~$tong-hop.xlsx"):
        (tmp_path / name).write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = read(tmp_path)
    assert [(a.id, a.error) for a in articles] == [("bai1", None)]
    assert caplog.text == ""


def test_the_files_programs_leave_given_by_a_pattern_are_passed_over_with_a_warning(tmp_path, caplog):
    """Hunt 27 A (6): `label data/*.xlsx` while Excel has a workbook open: the shell's pattern gives Excel's owner
    file "~$book.xlsx" too (and `arts/*` a Mac's "._a.txt", Thumbs.db), and each was an error ("not an .xlsx
    workbook (File is not a zip file)"), failing the run. Passed over as in a folder, with a warning naming it; a
    backup ("a.txt~") given by name is read."""
    (tmp_path / "book.csv").write_text(f"Tiêu đề,Nội dung\nTổng kết,{TEXT}\n", encoding="utf-8")
    (tmp_path / "~$book.xlsx").write_bytes(b"\x05Admin" + b"\x00" * 160)
    (tmp_path / "._bai1.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + b"\x00" * 100)
    (tmp_path / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    (tmp_path / "bai1.txt~").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = read(sorted(tmp_path.iterdir()))
    assert [(a.id, a.error) for a in articles] == [("bai1", None), ("book.csv:2", None)]
    assert f"{tmp_path / '~$book.xlsx'}: 1 system or lock file not read (e.g. '~$book.xlsx'): a file a system or a " \
           "program leaves beside yours" in caplog.text
    assert "Thumbs.db: 1 system or lock file not read" in caplog.text and "._bai1.txt: 1 system" in caplog.text


def test_a_reading_whose_every_file_is_passed_over_is_an_error_not_no_articles(tmp_path, caplog):
    """Hunt 27 A (left): Excel's lock files alone (`label "data/~$*"`, a pattern that caught only those) or a model's
    file given: `label` wrote "0 articles" and exited 0, as if it had read the input. One error record says so, as for
    an empty folder given; raised when errors are. Hunt 29 I, 6: its notes were warnings too, and in the record a
    note each file given: said once, in the record, a kind of file counted."""
    from dvtopics.errors import NoArticlesError

    (tmp_path / "~$book.xlsx").write_bytes(b"\x05Admin" + b"\x00" * 160)
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 100)
    with caplog.at_level(logging.WARNING):
        [record] = read(sorted(tmp_path.iterdir()))
    # why, in the record itself: with -q, or in label --out's error column, no warning is above it
    assert "no articles: every file given was passed over: 2 system or lock files not read (e.g. '._a.txt')" \
        in record.error and record.error.count("system or lock file") == 1
    assert not [r for r in caplog.records if r.levelno == logging.WARNING]
    with pytest.raises(NoArticlesError, match="no articles: the file given was passed over"):
        list(read_articles([tmp_path / "~$book.xlsx"], on_error="raise"))
    (tmp_path / "a.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):  # beside an article: passed over, each file given with a warning
        assert [(a.id, a.error) for a in read(sorted(tmp_path.iterdir()))] == [("a", None)]
    assert caplog.text.count("1 system or lock file not read") == 2


def test_the_folder_of_a_page_saved_complete_is_part_of_the_page(tmp_path, caplog):
    """Hunt 31 S: a browser's "Webpage, Complete" saves a.html and its parts in a_files/ (scripts, styles, frames as
    saved_resource.html). In a folder, each script was a file "to save as .txt"; the pattern the folder's note gives
    ("**/*.html") read each frame as an article (an ad's "Quảng cáo", an empty frame an error, failing the run)."""
    page = f"<html><head><title>Tổng kết</title></head><body><h1>Hội nghị tổng kết</h1><p>{TEXT}</p></body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    (tmp_path / "a_files").mkdir()
    (tmp_path / "a_files" / "main.js").write_text("var a = 1;")
    (tmp_path / "a_files" / "saved_resource.html").write_text("<html><body><div>Quảng cáo</div></body></html>")
    (tmp_path / "a_files" / "saved_resource(1).html").write_text("<html><body></body></html>")
    (tmp_path / "notes_files").mkdir()  # no page beside it: a folder of the user's
    (tmp_path / "notes_files" / "b.txt").write_text(f"Gặp mặt đầu xuân\n{TEXT2}", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read(tmp_path)] == ["a", "notes_files/b"]
    assert ".js" not in caplog.text and "1 .html file not read (e.g. 'a.html')" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        articles = read(sorted(tmp_path.glob("**/*.html")))
    assert [(a.id, a.error) for a in articles] == [("a", None)]
    assert caplog.text.count("file of a saved page's folder not read") == 2  # the first, then the count
    assert "and 1 more (2 in all; " in caplog.text and "each record's warning" not in caplog.text


def test_a_file_of_a_saved_pages_folder_given_by_its_own_name_is_read(tmp_path, caplog):
    """Review of hunt 31 S: the frame a page's article is drawn in, given alone by its name, was refused with "the page
    is read" though no page was given; a page's parts are passed over only given with the page (a folder, a pattern)."""
    (tmp_path / "a.html").write_text("<html><body><iframe src='a_files/f.html'></iframe></body></html>")
    (tmp_path / "a_files").mkdir()
    (tmp_path / "a_files" / "f.html").write_text(f"<html><body><h1>Hội nghị tổng kết</h1><p>{TEXT}</p></body></html>",
                                                 encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = read(tmp_path / "a_files" / "f.html")
    assert [(a.id, a.title) for a in articles] == [("f", "Hội nghị tổng kết")] and "the page is read" not in caplog.text


def test_txt_files_beside_the_articles_that_are_none_are_named(tmp_path, caplog):
    """Hunt 26 A (2): a folder of articles holds a readme, a list of the pages to fetch, a scraper's log and a one-line
    note as .txt: each was read, labelled and counted as an article without a word. Each is still read (a short
    article must never be lost), with a warning naming it and why; a headline alone and the real articles are not."""
    (tmp_path / "a1.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    (tmp_path / "a2.txt").write_text("Gặp mặt đầu xuân các đồng chí nguyên lãnh đạo\n", encoding="utf-8")
    (tmp_path / "README.txt").write_text(f"Bài báo tải về\n\n{TEXT2}\n", encoding="utf-8")
    (tmp_path / "urls.txt").write_text("https://x.vn/a-1.html\nhttps://x.vn/a-2.html\n", encoding="utf-8")
    (tmp_path / "scrape.log.txt").write_text("2024-03-05 10:00:01 INFO Fetching https://x.vn/a-1.html\n"
                                             "2024-03-05 10:00:02 ERROR 404 https://x.vn/a-9.html\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text("xem sau\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        got = {a.id: a.meta.get("warning") or "" for a in read(tmp_path)}
    assert list(got) == ["README", "a1", "a2", "note", "scrape.log", "urls"]
    doubted = {name for name, warning in got.items() if "does not look like an article" in warning}
    assert doubted == {"README", "note", "scrape.log", "urls"}
    assert "urls.txt: does not look like an article (a list of 2 links)" in caplog.text
    assert "scrape.log.txt: does not look like an article (a log" in caplog.text


def test_a_warning_that_every_article_earns_is_said_once_with_a_count(tmp_path, caplog):
    """Hunt 26 D (9): a corpus exported with "&amp;" in every article gave one warning an article, thousands of lines
    that hid every other message. Each kind is said for its first article, then once with the count of the others;
    each record keeps its own warning."""
    lines = [{"id": f"r{i}", "title": f"Hội nghị {i}", "text": f"Ban Dân vận &amp; Mặt trận. {TEXT}",
              "date": "32/13/2022" if i % 2 else "2022-01-05"} for i in range(40)]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines),
                                      encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = read(tmp_path / "a.jsonl")
    assert all("HTML character references" in a.meta["warning"] for a in articles)
    said = [r.getMessage() for r in caplog.records]
    references = [m for m in said if "HTML character references" in m]
    assert len(references) == 2 and references[0].startswith(f"{tmp_path / 'a.jsonl'}:1: HTML character references")
    where = tmp_path / "a.jsonl"
    assert references[1].startswith(f"and 39 more (40 in all; {where}:2, {where}:3, {where}:4, …): HTML character "
                                    "references")
    dates = [m for m in said if "is not a date" in m]
    assert len(dates) == 2 and dates[1] == (f"and 19 more (20 in all; {where}:4, {where}:6, {where}:8, …): the 'date' "
                                            "field is not a date: not used (each record's warning says so)")
    caplog.clear()
    with caplog.at_level(logging.WARNING):  # an article made alone says it, as ever
        make_article("a", "Ban Dân vận &amp; Mặt trận")
    assert "a: HTML character references" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):  # so does one made between a paused reading's articles: not its to count
        reading = read_articles(tmp_path / "a.jsonl")
        next(reading)
        for name in ("b", "c"):
            make_article(name, "Ban Dân vận &amp; Mặt trận")
        assert "b: HTML character references" in caplog.text and "c: HTML character references" in caplog.text
        reading.close()
    folder = tmp_path / "cp"  # and a folder of files saved in a Western code page: a warning a file, before
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i}.txt").write_bytes(f"Hội nghị {i}\n\n{TEXT}".encode("cp1252", errors="replace"))
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert all("damaged text" in a.meta["warning"] for a in read(folder))
    said = [r.getMessage() for r in caplog.records if "damaged text" in r.getMessage()]
    assert len(said) == 2 and said[1].startswith(f"and 4 more (5 in all; {folder / 'a1.txt'}, {folder / 'a2.txt'}, "
                                                 f"{folder / 'a3.txt'}, …): damaged text: saved in a Western code page")
    for i in range(5):  # hunt 27 D, 3: damaged UTF-8, each file's lines and bytes its own, said once too
        (folder / f"a{i}.txt").write_bytes(f"Hội nghị {i}\n\n{TEXT}\n".encode() * (i + 1) + b"Ch\xe1\xbb x\xff\n" * i
                                           + "Thị trấn Sa P\xe1".encode() + b"\xc3\n")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert all("UTF-8" in a.meta["warning"] for a in read(folder))
    said = [r.getMessage() for r in caplog.records if "UTF-8" in r.getMessage()]
    assert len(said) == 3, said  # the files with some lines in another encoding, and those with bad bytes only
    assert "and 3 more (4 in all; " in said[2] and "): UTF-8, but some of its lines are not: " in said[2]


def test_a_folder_without_a_txt_file_is_walked_once_to_say_what_it_holds(tmp_path, monkeypatch):
    """Hunt 27 D, 2: a folder of thousands of .docx or .csv files (no .txt) was walked twice, once to find its .txt
    files and once more for the error that says what it holds instead."""
    import os

    folder = tmp_path / "bai"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    (folder / "2024" / "b.csv").write_text("id,text\n1,x\n", encoding="utf-8")
    listed, scandir = [], os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": listed.append(os.fspath(path)) or scandir(path))
    [article] = read([folder])
    assert "the folder holds no .txt, .docx or .odt file; " in article.error
    assert "1 .pdf file not read (e.g. 'a.pdf')" in article.error
    assert "1 .csv file not read (e.g. 'b.csv')" in article.error
    assert listed.count(os.fspath(folder / "2024")) == 1


def test_a_folder_of_markdown_articles_says_how_to_read_them(tmp_path, caplog):
    """Hunt 41 AD (5): a folder of one article a .md file each was "no .txt, .docx or .odt file" and no more. Its .md
    files are still notes beside articles (seeds/README.md), said only where the folder holds no article."""
    (tmp_path / "md" / "2024").mkdir(parents=True)
    for name in ("a.md", "2024/b.md"):
        (tmp_path / "md" / name).write_text(f"# Hội nghị\n\n{TEXT}\n", encoding="utf-8")
    [article] = read([tmp_path / "md"])
    assert "2 Markdown files not read (e.g. '2024/b.md')" in article.error
    assert f'"{tmp_path / "md" / "**" / "*.md"}"' in article.error
    (tmp_path / "md" / "c.txt").write_text(TEXT, encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read([tmp_path / "md"])] == ["c"]
    assert "Markdown" not in caplog.text


def test_a_file_given_beside_its_own_folder_is_read_once_and_never_called_unread(tmp_path, caplog):
    """Hunt 26 D (10): `inspect dir/c.jsonl.gz dir` read c.jsonl.gz, then gave the folder an error that called it "not
    read (e.g. 'c.jsonl.gz'): give it by its name to read it", which it was. A file given by its name is read as given,
    and is never among what its folder did not read; a folder that holds nothing else says so, once."""
    folder = tmp_path / "dir"
    folder.mkdir()
    with gzip.open(folder / "c.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "c1", "text": TEXT}, ensure_ascii=False) + "\n")
    with caplog.at_level(logging.WARNING):
        articles = read([folder / "c.jsonl.gz", folder])
    assert [(a.id, a.error) for a in articles] == [("c1", None)]
    assert "not read" not in caplog.text
    assert "dir: holds no .txt, .docx or .odt file, only c.jsonl.gz, given by its name too" in caplog.text
    (folder / "d.jsonl").write_text(json.dumps({"id": "d1", "text": TEXT2}, ensure_ascii=False), encoding="utf-8")
    (folder / "a.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        articles = read([folder, folder / "c.jsonl.gz"])
    assert [a.id for a in articles] == ["a", "c1"]
    assert "1 .jsonl file not read (e.g. 'd.jsonl')" in caplog.text and "c.jsonl.gz'" not in caplog.text


def test_dvtopics_own_working_files_in_an_input_folder_are_passed_over(tmp_path, caplog):
    """`label arts/ --out arts/labels.csv` warned about its own lock file, telling the user to save it as .txt
    (trial 9, helper C). Its lock, its journal (whose first line names the text field), Dask's parts folder and
    the hidden temporary files are dvtopics' own: never read, never named. A folder of the user's that only
    looks like a parts folder is read."""
    from dvtopics.io.folders import WORKING_PREFIX
    from dvtopics.run.batch import journal_path
    from dvtopics.run.distributed import PLAN

    (tmp_path / "bai1.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    out = tmp_path / "labels.csv"
    out.with_name(out.name + ".lock").touch()  # what `run.batch.output_lock` holds
    journal_path(out).write_text('{"_run": {"settings": {"fields": ["text", "id", "label"]}}}\n', encoding="utf-8")
    (tmp_path / f"{WORKING_PREFIX}x1y2.tmp").write_text("{}", encoding="utf-8")
    (tmp_path / f"{WORKING_PREFIX}stage").mkdir()
    (tmp_path / f"{WORKING_PREFIX}stage" / "report.txt").write_text(TEXT2, encoding="utf-8")
    parts = tmp_path / "labels.jsonl.parts"
    parts.mkdir()
    (parts / PLAN).write_text('{"inputs": {}, "settings": {"fields": ["text"]}}', encoding="utf-8")
    (parts / "part-00000.jsonl").write_text('{"id": "x", "text": "t"}\n', encoding="utf-8")
    (tmp_path / "mine.parts").mkdir()  # the user's, without a plan: read
    (tmp_path / "mine.parts" / "bai2.txt").write_text(f"Gặp mặt đầu xuân\n{TEXT2}", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = read(tmp_path)
    assert [(a.id, a.error) for a in articles] == [("bai1", None), ("mine.parts/bai2", None)]
    assert caplog.text == ""


# ------------------------------------------------------------------ saved pages

PAGE = (f"<html><head><meta charset='utf-8'><title>Tổng kết</title></head><body><h1>Hội nghị tổng kết công tác"
        f" dân vận năm 2022</h1><p>{TEXT}</p></body></html>\n")


@pytest.mark.parametrize("prologue", [
    "<!-- saved from url=(0040)https://baodientu.vn/tin-tuc/tong-ket.html -->\n",  # "Save page as" in Chrome
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n',  # XHTML
    "<!-- Trang tin điện tử -->\n<!-- bản lưu -->\n",
])
def test_a_page_saved_by_a_browser_is_read_as_html(tmp_path, prologue):
    (tmp_path / "page.txt").write_text(prologue + PAGE, encoding="utf-8")
    (article,) = read(tmp_path / "page.txt")
    assert article.title == "Hội nghị tổng kết công tác dân vận năm 2022"
    assert "<" not in article.text and "saved from" not in article.text
    assert "HTML" in article.meta["warning"]


@pytest.mark.parametrize("head", ['<meta property="article:published_time" content="2023-01-05T08:30:00+07:00">',
                                  '<script type="application/ld+json">{"datePublished": "2023-01-05T08:30:00+07:00"}'
                                  '</script>'])
def test_a_saved_pages_day_of_publication_in_its_head_dates_it_where_its_text_does_not(tmp_path, head):
    """Hunt 25 A (17): a page whose date a script draws shows none in its saved text; its <head> states it (for social
    networks, as schema.org data), and the article was undated. A date the text gives still wins."""
    (tmp_path / "page.html").write_text(PAGE.replace("<title>", head + "<title>"), encoding="utf-8")
    assert read(tmp_path / "page.html")[0].date == "2023-01-05"
    (tmp_path / "page.html").write_text(PAGE.replace("<title>", head + "<title>").replace("</h1>", "</h1><p>04/01/2023"
                                                                                         "</p>"), encoding="utf-8")
    assert read(tmp_path / "page.html")[0].date == "2023-01-04"


def test_a_page_laid_out_in_table_cells_keeps_each_cell_apart(tmp_path):
    """Hunt 20 A (02): cells and block elements the reader did not know ran together, "Trang chủTin tức", the
    headline glued to its dateline ("năm 202205/07/2022": no date, a made-up word)."""
    page = ("<!DOCTYPE html><html><body><table><tr><td>Trang chủ</td><td>Tin tức</td><td>Dân vận</td></tr>"
            "<tr><td><h5>Hội nghị tổng kết công tác dân vận năm 2022</h5><h6>05/01/2023</h6></td></tr></table>"
            f"<p>{TEXT}</p><figure><figcaption>Ảnh: Quang cảnh hội nghị</figcaption></figure>"
            "<article><blockquote>Dân vận khéo</blockquote><footer>Bản quyền</footer></article></body></html>")
    (tmp_path / "page.htm").write_text(page, encoding="utf-8")
    (article,) = read(tmp_path / "page.htm")
    assert article.title == "Hội nghị tổng kết công tác dân vận năm 2022" and article.date == "2023-01-05"
    assert article.raw.split("\n")[:3] == ["Trang chủ", "Tin tức", "Dân vận"]
    assert "Dân vận khéo\nBản quyền" in article.raw


@pytest.mark.parametrize("content", [
    "<h2>Hội nghị tổng kết</h2><p>{text}</p>", "<section class='content'><h1>Hội nghị tổng kết</h1><p>{text}</p></section>",
    "<span style='font-size:12pt'>Hội nghị tổng kết</span><br>{text}", "Hội nghị tổng kết<br/>{text} <b>Dân vận</b>",
])
def test_a_content_field_of_html_is_read_as_html_whatever_tag_it_opens_with(tmp_path, content):
    """Hunt 20 A (14): HTML was recognised only when it opened with <html>, <head>, <body>, <div> or <p>: a scraped
    content field opening with <h2>, <section> or <span style=…>, or text with inline tags, kept its tags and
    attributes as words ("span", "style", "font-size"), titled "<h2>Hội nghị…"."""
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "c1", "text": content.format(text=TEXT)}, ensure_ascii=False)
                                      + "\n", encoding="utf-8")
    (article,) = read(tmp_path / "a.jsonl")
    assert article.title == "Hội nghị tổng kết" and "<" not in article.text and "style" not in article.text
    assert "HTML" in article.meta["warning"]


@pytest.mark.parametrize("text", ["<< Tin cũ\n" + TEXT, TEXT + " <3", "Mẫu <br> trong một câu.\n" + TEXT])
def test_text_with_a_lone_angle_bracket_stays_text(tmp_path, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,) = read(tmp_path / "a.txt")
    assert article.raw == text and "HTML" not in (article.meta.get("warning") or "")


def _web_archive(part_headers: str, body: str) -> bytes:
    """A page saved by a browser as one file (MHTML): MIME headers, then the page as a part."""
    return ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://baodientu.vn/tong-ket\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--B--\"\r\n"
            f"\r\n----B--\r\n{part_headers}Content-Location: https://baodientu.vn/tong-ket\r\n\r\n{body}\r\n"
            "----B----\r\n").encode("ascii")


@pytest.mark.parametrize("name, part_headers, encode", [
    # Chrome: quoted-printable UTF-8, no charset named
    ("page.mhtml", "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n",
     lambda page: quopri.encodestring(page.encode("utf-8")).decode("ascii")),
    # Internet Explorer and Edge: base64 in the charset the part names
    ("page.mht", "Content-Type: text/html; charset=\"utf-16\"\r\nContent-Transfer-Encoding: base64\r\n",
     lambda page: base64.encodebytes(page.encode("utf-16")).decode("ascii")),
])
def test_a_page_saved_as_one_file_is_read_as_its_page(tmp_path, name, part_headers, encode):
    """Hunt 20 A (01): an .mhtml page was labelled as an article of its MIME text, titled "From: <Saved by Blink>"."""
    (tmp_path / name).write_bytes(_web_archive(part_headers, encode(PAGE)))
    (article,) = read(tmp_path / name)
    assert article.error is None and article.title == "Hội nghị tổng kết công tác dân vận năm 2022"
    assert article.text.endswith(TEXT) and "Saved by" not in article.text
    assert "HTML" in article.meta["warning"]
    assert article.source == "baodientu.vn"  # Hunt 25 A (03): its address, as a page saved as HTML gives it


@pytest.mark.parametrize("prologue", ["<!-- saved from url=(0040)https://www.baodientu.vn/tin-tuc/tong-ket.html -->\n",
                                      "<link href='https://baodientu.vn/tong-ket.html' rel='canonical'>",
                                      '<meta property="og:url" content="https://baodientu.vn/tong-ket.html" />'])
def test_a_saved_pages_own_address_gives_its_site_as_source(tmp_path, prologue):
    """Hunt 25 A (03): a page saved by a browser states its address (the "saved from url" line, its canonical link,
    its og:url) where no visible text shows it: the article had no source, as the report counted it, where a
    scraper's "URL: …" line over a text gives its site. A source line in the page still wins."""
    (tmp_path / "page.html").write_text(prologue + PAGE, encoding="utf-8")
    assert read(tmp_path / "page.html")[0].source == "baodientu.vn"
    (tmp_path / "page.html").write_text(prologue + PAGE.replace("</p>", "</p><p>Nguồn: Báo Lạng Sơn</p>"), encoding="utf-8")
    assert read(tmp_path / "page.html")[0].source == "Báo Lạng Sơn"


def test_a_saved_page_without_a_headline_in_its_body_is_titled_by_its_head_and_named_by_its_site(tmp_path):
    """Hunt 27 A (left): a page whose headline is drawn in a <div> (no <h1>) was titled by its first paragraph, though
    its <title> ("Headline - Báo X") or og:title gives the headline; and its og:site_name was not its source, where
    its address gives only a domain. A page with an <h1> keeps it; a tab's name ending in no site's name is whole."""
    body = f"<body><div class='tieu-de'>Hội nghị</div><p>{TEXT}</p></body></html>"
    head = ("<html><head><meta property='og:site_name' content='Báo Đắk Lắk'>"
            "<title>Tổng kết công tác dân vận năm 2022 - Báo Đắk Lắk điện tử</title></head>")
    (tmp_path / "a.html").write_text(head + body, encoding="utf-8")
    [article] = read(tmp_path / "a.html")
    assert (article.title, article.source) == ("Tổng kết công tác dân vận năm 2022", "Báo Đắk Lắk")
    assert article.text.startswith("Hội nghị\n")  # the text as its page shows it (the model reads the title too)
    og_title = "<meta property='og:title' content='Kỷ niệm 70 năm thành lập tỉnh - Trang trọng và ấm áp'>"
    (tmp_path / "d.html").write_text(head.replace("<title>", og_title + "<title>") + body, encoding="utf-8")
    assert read(tmp_path / "d.html")[0].title == "Kỷ niệm 70 năm thành lập tỉnh - Trang trọng và ấm áp"  # whole
    (tmp_path / "e.html").write_text(head.replace("Tổng kết công tác dân vận năm 2022 - ", "") + body,
                                     encoding="utf-8")
    assert read(tmp_path / "e.html")[0].title == "Hội nghị"  # a tab named by its site alone: no headline; the text's
    for tab in ("Báo Đắk Lắk điện tử", "baodaklak.vn"):  # without og:site_name too (the review of hunt 28)
        (tmp_path / "f.html").write_text(f"<html><head><title>{tab}</title></head>" + body, encoding="utf-8")
        assert read(tmp_path / "f.html")[0].title == "Hội nghị"
    (tmp_path / "b.html").write_text(head.replace("Báo Đắk Lắk điện tử", "triển khai nhiệm vụ") + body,
                                     encoding="utf-8")
    assert read(tmp_path / "b.html")[0].title == "Tổng kết công tác dân vận năm 2022 - triển khai nhiệm vụ"
    (tmp_path / "c.html").write_text(head + PAGE[PAGE.index("<body>"):], encoding="utf-8")
    assert read(tmp_path / "c.html")[0].title == "Hội nghị tổng kết công tác dân vận năm 2022"  # its <h1>


def test_a_saved_pages_tab_names_its_site_under_an_h1_too(tmp_path):
    """Hunt 31 S: the tab's name of a saved page ("<title>Headline - Báo Đắk Lắk điện tử</title>") named its site only
    when the page had no <h1>: nearly every news page has one, and had no source."""
    body = f"<body><h1>Hội nghị tổng kết công tác dân vận năm 2022</h1><p>{TEXT}</p></body></html>"
    (tmp_path / "a.html").write_text("<html><head><title>Hội nghị tổng kết công tác dân vận năm 2022 - Báo Đắk Lắk "
                                     f"điện tử</title></head>{body}", encoding="utf-8")
    [article] = read(tmp_path / "a.html")
    assert (article.title, article.source) == ("Hội nghị tổng kết công tác dân vận năm 2022", "Báo Đắk Lắk điện tử")
    (tmp_path / "b.html").write_text("<html><head><title>Hội nghị tổng kết công tác dân vận năm 2022</title></head>"
                                     + body.replace("</p>", "</p><p>Nguồn: Báo Lạng Sơn</p>"), encoding="utf-8")
    assert read(tmp_path / "b.html")[0].source == "Báo Lạng Sơn"  # the page's source line still wins


def test_a_page_saved_in_windows_1258_names_its_site_and_headline_as_its_utf8_copy_does(tmp_path):
    """Hunt 31 S: a page saved in Windows-1258 writes its head's names decomposed (a tone mark apart); its og:site_name
    was the source as written, so the report counted its paper twice, beside the same page saved as UTF-8."""
    head = ("<html><head><meta charset='windows-1258'><meta property='og:site_name' content='Báo Đắk Lắk điện tử'>"
            "<title>Tổng kết công tác dân vận năm 2022 - Báo Đắk Lắk điện tử</title></head>")
    page = head + f"<body><div class='tieu-de'>Hội nghị</div><p>{TEXT}</p></body></html>"
    (tmp_path / "a.html").write_bytes(cp1258(page))  # (`articles.cp1258`)
    (tmp_path / "b.html").write_text(page, encoding="utf-8")
    [legacy], [utf8] = read(tmp_path / "a.html"), read(tmp_path / "b.html")
    assert (legacy.source, legacy.title) == (utf8.source, utf8.title) == ("Báo Đắk Lắk điện tử",
                                                                            "Tổng kết công tác dân vận năm 2022")


def test_a_web_archive_without_a_page_is_one_clear_error(tmp_path):
    (tmp_path / "page.mhtml").write_bytes(_web_archive("Content-Type: image/png\r\n", "iVBORw0KGgo="))
    (article,) = read(tmp_path / "page.mhtml")
    assert "saved as one file (MHTML) that holds no page" in article.error


# Hunt 39 M: pages saved from a browser, in the shapes news sites' templates have
HEAD = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Hội nghị tổng kết công tác dân vận năm 2022 - Báo Mẫu"
        "</title>{meta}</head><body>")
PUBLISHED = "<meta property='article:published_time' content='2023-01-05T08:30:00+07:00'>"
HEADLINE_H1 = "<h1>Hội nghị tổng kết công tác dân vận năm 2022</h1>"
OTHERS = ("<ul><li><a href='/a'>Ban Chỉ đạo 35 tỉnh họp phiên thứ nhất</a></li>"
          "<li><a href='/b'>Giao ban công tác dân vận quý I năm 2023</a></li></ul>")


def _page(tmp_path, above="", below="", meta=PUBLISHED, headline=HEADLINE_H1):
    (tmp_path / "p.html").write_text(HEAD.format(meta=meta) + above + headline + f"<p>{TEXT}</p>" + below
                                     + "</body></html>", encoding="utf-8")
    return read(tmp_path / "p.html")[0]


@pytest.mark.parametrize("above", [
    "<div class='top'>Thứ Tư, 27/11/2024</div><div class='ticker'><h3>Tin mới</h3>" + OTHERS + "</div>",
    "<div class='left'><h3>Tin cùng chuyên mục</h3>" + OTHERS + "</div>",
    "<div id='cookie'>Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn. <button>Đồng ý</button></div>",
    "<div class='weather'><select><option>Hà Nội</option><option>Gia Lai</option></select> 32°C</div>",
])
def test_what_a_page_shows_above_its_h1_is_not_the_article(tmp_path, above):
    """Hunt 39 M (1, 2, 4, 6): a ticker of other headlines above the <h1> was the title, the date (the site's today) and
    the label (a steering committee); a column of other articles swallowed the headline; a cookie banner or a
    weather box's province was the title."""
    article = _page(tmp_path, above=above)
    assert (article.title, article.date) == ("Hội nghị tổng kết công tác dân vận năm 2022", "2023-01-05")
    assert article.text.startswith("Hội nghị tổng kết") and "Ban Chỉ đạo" not in article.text
    assert "cookie" not in article.text and "Gia Lai" not in article.text


def test_the_date_right_above_the_h1_stays_where_the_head_gives_none(tmp_path):
    """VnExpress prints the article's date on the line above its <h1>; the site's today above that goes."""
    article = _page(tmp_path, above="<div>Thứ Tư, 27/11/2024</div><span class='date'>Thứ năm, 5/1/2023, 08:30</span>",
                    meta="")
    assert article.date == "2023-01-05"


def test_an_h1_whose_words_are_in_a_block_inside_it_is_the_headline(tmp_path):
    article = _page(tmp_path, above="<div id='cookie'>Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn.</div>",
                    headline="<h1><div class='t'>Hội nghị tổng kết công tác dân vận năm 2022</div></h1>")
    assert article.title == "Hội nghị tổng kết công tác dân vận năm 2022" and "cookie" not in article.text


def test_a_logo_in_an_h1_is_not_where_the_article_starts(tmp_path):
    article = _page(tmp_path, above="<h1><a href='/'><img src='logo.png'></a></h1><h1>Báo Mẫu điện tử</h1>",
                    headline="<h2>Hội nghị tổng kết công tác dân vận năm 2022</h2><div>05/01/2023</div>")
    assert (article.title, article.date) == ("Hội nghị tổng kết công tác dân vận năm 2022", "2023-01-05")


@pytest.mark.parametrize("hidden", ["<div style='display: none'>Ban Chỉ đạo 35 tỉnh họp phiên thứ nhất</div>",
                                    "<div hidden><p>Ban Chỉ đạo 35 tỉnh họp phiên thứ nhất</p></div>",
                                    "<template><p>Ban Chỉ đạo 35 tỉnh họp phiên thứ nhất</p></template>",
                                    "<span style='visibility:hidden'>Ban Chỉ đạo 35 tỉnh họp</span>"])
def test_what_a_page_hides_is_not_its_text(tmp_path, hidden):
    """Hunt 39 M (3): a hidden popup holding a steering committee's headline made the article one (0.998)."""
    article = _page(tmp_path, below=hidden + "<p>Đoạn cuối của bài.</p>")
    assert "Ban Chỉ đạo" not in article.text and article.text.endswith("Đoạn cuối của bài.")


@pytest.mark.parametrize("hidden", ["<ul><li style='display:none'>Menu<li>Trang chủ</ul>", "<p hidden>Quảng cáo<p>Tin"])
def test_a_hidden_element_whose_end_tag_a_page_may_leave_out_loses_nothing_after_it(tmp_path, hidden):
    """A review of hunt 39 M's mend: an element hidden, its end tag left out as HTML allows ("<li>a<li>b"), would have
    hidden all the page after it, the article too."""
    article = _page(tmp_path, below=hidden + "<p>Đoạn cuối của bài.</p>")
    assert article.text.endswith("Đoạn cuối của bài.")


def test_a_related_box_inside_the_article_goes_and_the_paragraphs_after_it_stay(tmp_path):
    """Hunt 39 M (7): the list under "Tin liên quan" ran, as in copied text, to the next line ending like a sentence,
    and took the article's own paragraph and subheading after it; the markup says where the list ends."""
    remark = "Trưởng Ban yêu cầu các cấp ủy đổi mới phương thức (theo Kết luận 114)"
    after = f"<p>{remark}</p><p><b>Nhiều mô hình hay</b></p>"
    article = _page(tmp_path, below=f"<div class='related'><h4>Tin liên quan</h4>{OTHERS}</div>{after}")
    assert "Ban Chỉ đạo 35" not in article.text and "Tin liên quan" not in article.text
    assert article.text.endswith(f"{remark}\nNhiều mô hình hay")


def test_links_side_by_side_are_words_apart_and_a_br_in_the_h1_is_one_headline(tmp_path):
    """Hunt 39 M (8, 10): a share bar's links ran together ("Chia sẻZaloIn bài", a topic's words); a <br> in the <h1>
    left half the headline as the title."""
    article = _page(tmp_path, headline="<h1>Hội nghị tổng kết<br>công tác dân vận năm 2022</h1>",
                    below="<div class='share'><a>Chia sẻ</a><a>Zalo</a><a>In bài</a></div>")
    assert article.title == "Hội nghị tổng kết công tác dân vận năm 2022" and "sẻZalo" not in article.raw


def test_a_pages_footer_and_sidebar_go_an_articles_own_footer_stays(tmp_path):
    """Hunt 39 M: with the sidebar's list dropped where its markup ends, the page's footer (address, ads) after it was
    no longer swallowed with it; a page's <footer> and <aside> outside its <article> are the site's."""
    article = _page(tmp_path, below="<article><p>Đoạn hai của bài.</p><footer>Theo TTXVN</footer></article>"
                                    "<aside><h3>Đọc nhiều</h3>" + OTHERS + "<div>Quảng cáo</div></aside>"
                                    "<footer>Địa chỉ: 14 Lê Duẩn, TP. Buôn Ma Thuột</footer>")
    assert article.source == "TTXVN" and "Quảng cáo" not in article.text and "Lê Duẩn" not in article.text


def test_a_head_of_large_inline_styles_still_gives_the_date_and_the_site(tmp_path):
    """Hunt 39 M (9): the meta tags after 80 KB of inline CSS were not looked at: no date, no source."""
    meta = "<style>" + ".c{color:#123456;margin:0 auto}\n" * 3000 + "</style><meta property='og:site_name' " \
           "content='Báo Mẫu'>" + PUBLISHED
    article = _page(tmp_path, meta=meta)
    assert (article.date, article.source) == ("2023-01-05", "Báo Mẫu")


def test_a_tab_name_ending_with_the_sites_own_name_is_the_headline_without_it(tmp_path):
    """Hunt 39 M (5): without an <h1>, "… - Ban Dân vận Tỉnh ủy Đắk Lắk" stayed on the title, though og:site_name
    names that site (only a "Báo …" or a portal was cut)."""
    meta = "<meta property='og:site_name' content='Ban Dân vận Tỉnh ủy Mẫu'>"
    (tmp_path / "p.html").write_text(f"<html><head><title>Sơ kết công tác dân vận 6 tháng đầu năm 2017 - Ban Dân vận "
                                     f"Tỉnh ủy Mẫu</title>{meta}</head><body><div class='t'>Sơ kết</div><p>{TEXT}</p>"
                                     "</body></html>", encoding="utf-8")
    assert read(tmp_path / "p.html")[0].title == "Sơ kết công tác dân vận 6 tháng đầu năm 2017"


def test_a_page_and_its_txt_copy_given_by_name_get_ids_apart(tmp_path, caplog, monkeypatch):
    """Hunt 39 M (11): x.html and x.txt given by name were both 'x', after a warning that said the second was renamed
    to tell them apart ("named by the path given ('x')"); it is named with its suffix."""
    (tmp_path / "x.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "x.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # given as a user in that folder gives them
    with caplog.at_level("WARNING"):
        ids = [article.id for article in read(["x.html", "x.txt"])]
    assert ids == ["x", "x.txt"] and "named by the path given ('x.txt')" in caplog.text


# ------------------------------------------------------------------ old font encodings in fields

# as a document set in a .VnTime (TCVN3) or VNI-Times font gives them when copied out: Latin-1 characters
TITLE = "Hội nghị tổng kết công tác dân vận năm 2022"
TCVN3_TITLE, VNI_TITLE = "Héi nghÞ tæng kÕt c«ng t¸c d©n vËn n¨m 2022", "Hoäi nghò toång keát coâng taùc daân vaän naêm 2022"
TCVN3_TEXT = "S¸ng 5/1, Ban D©n vËn HuyÖn ñy tæ chøc héi nghÞ tæng kÕt c«ng t¸c d©n vËn n¨m 2022 t¹i héi tr­êng."
TCVN3_SOURCE = "Ban Tuyªn gi¸o TØnh ñy"  # too few words to tell on its own: its record's text tells


def test_title_and_source_fields_in_an_old_font_encoding_are_converted_as_the_text_is(tmp_path):
    lines = [{"id": "t", "title": TCVN3_TITLE, "source": TCVN3_SOURCE, "text": TCVN3_TEXT},
             {"id": "v", "title": VNI_TITLE, "text": TEXT}]  # a VNI title over a Unicode text
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                                      encoding="utf-8")
    (tmp_path / "b.csv").write_text(f'id,title,text\nc,{TCVN3_TITLE},"{TEXT}"\n', encoding="utf-8")
    tcvn3, vni, csv_row = read([tmp_path / "a.jsonl", tmp_path / "b.csv"])
    assert [tcvn3.title, vni.title, csv_row.title] == [TITLE] * 3
    assert tcvn3.source == "Ban Tuyên giáo Tỉnh ủy" and tcvn3.text == TEXT
    assert "the 'title' field written in VNI" in vni.meta["warning"]
    assert "the 'title' field written in TCVN3" in csv_row.meta["warning"]


@pytest.mark.parametrize("source, name", [("B¸o §¾k L¾k", "Báo Đắk Lắk"), ("B¸o L¹ng S¬n", "Báo Lạng Sơn"),
                                           ("«VOV»", "VOV"), ("Café · Trà", "Café · Trà")])
def test_a_source_in_an_old_font_encoding_is_converted_though_it_holds_no_common_word(tmp_path, source, name):
    """Hunt 26 A (5): a paper's name typed in TCVN3 ("B¸o §¾k L¾k") holds none of the common words that tell an
    encoding, so it stayed in legacy letters, beside a TCVN3 text converted too: two spellings of one paper. TCVN3's
    signs inside its words tell it; quotes and a Western name stay as they are."""
    lines = [{"id": "u", "source": source, "text": TEXT}, {"id": "t", "source": source, "text": TCVN3_TEXT}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                                      encoding="utf-8")
    assert [article.source for article in read(tmp_path / "a.jsonl")] == [name, name]
    (tmp_path / "b.txt").write_text(f"Hội nghị tổng kết công tác dân vận\nNguồn: {source}\n{TEXT}\n", encoding="utf-8")
    assert read(tmp_path / "b.txt")[0].source == name  # a source line pasted into a Unicode text


@pytest.mark.parametrize("encoding", ["VNI", "TCVN3"])
def test_a_short_source_in_its_records_old_font_is_converted(tmp_path, encoding):
    """Hunt 41 Y (2): a workbook's or JSON's source in VNI ("Baùo Phuù Thoï") or in TCVN3 with one sign ("B¸o Phó
    Thä") beside a text in that font stayed garbled while the text and title were converted: one paper, two sources.
    A source typed in Unicode beside it ("Khánh Hoà", Unicode's old placement, is VNI's "Khánh Hồ") stays."""
    from dvtopics.io.vnlegacy import encode

    text = encode(TEXT, encoding).decode("cp1252")
    lines = [{"id": "a", "source": encode("Báo Phú Thọ", encoding).decode("cp1252"), "text": text},
             {"id": "b", "source": "Báo Khánh Hoà", "text": text}, {"id": "c", "source": "Thanh Hóa", "text": text}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                                      encoding="utf-8")
    got = read(tmp_path / "a.jsonl")
    assert [a.text for a in got] == [TEXT] * 3
    assert [a.source for a in got] == ["Báo Phú Thọ", "Báo Khánh Hòa", "Thanh Hóa"]


def test_a_header_typed_in_an_old_font_encoding_names_its_fields(tmp_path):
    """Hunt 25 A (15): a sheet set in a .VnTime font heads its columns in TCVN3 ("Tiªu ®Ò", "Ngµy ®¨ng", "Néi dung"):
    its text was "no 'text' column; its columns are 'STT', 'Tiªu ®Ò', …", and --text-field "Néi dung" the way out.
    Its names are read in Unicode when the header reads as Vietnamese in that encoding, as its cells are."""
    header = "STT,Tiªu ®Ò,Ngµy ®¨ng,Néi dung,Nguån"  # STT, Tiêu đề, Ngày đăng, Nội dung, Nguồn
    (tmp_path / "a.csv").write_text(f'{header}\n1,{TCVN3_TITLE},05/01/2023,"{TCVN3_TEXT}",TTXVN\n', encoding="utf-8")
    (article,) = read(tmp_path / "a.csv")
    assert (article.error, article.title, article.date, article.text) == (None, TITLE, "2023-01-05", TEXT)
    assert article.source == "TTXVN"


# ------------------------------------------------------------------ line ends and CSV layouts

@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz", "a.csv", "a.json"])
@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_every_line_end_convention_reads_the_same(tmp_path, name, end):
    """CR alone (classic Mac OS, Excel for Mac's "CSV (Macintosh)") as well as LF and CRLF."""
    if name.endswith(".csv"):
        content = end.join(["id,title,text", f'a1,Tổng kết,"{TEXT}"', f'a2,Gặp mặt,"{TEXT2}"', ""])
    else:  # JSON lines (a .json file of lines is read as JSONL)
        content = "".join(json.dumps({"id": f"a{i}", "title": title, "text": text}, ensure_ascii=False) + end
                          for i, (title, text) in enumerate([("Tổng kết", TEXT), ("Gặp mặt", TEXT2)], start=1))
    data = content.encode("utf-8")
    (tmp_path / name).write_bytes(__import__("gzip").compress(data) if name.endswith(".gz") else data)
    articles = read(tmp_path / name)
    assert [(a.id, a.title, a.text, a.error) for a in articles] == [
        ("a1", "Tổng kết", TEXT, None), ("a2", "Gặp mặt", TEXT2, None)]


def test_dask_parts_of_a_jsonl_with_cr_line_ends_hold_its_lines(tmp_path):
    from dvtopics.io.read import FieldNames, read_file
    from dvtopics.run.distributed import line_ranges

    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": TEXT}) + "\r" for i in range(5)), encoding="utf-8")
    ranges = line_ranges(path, 2)
    assert [line for _, line, _ in ranges] == [1, 3, 5]
    ids = [a.id for lines in ranges for a in read_file(path, "a", FieldNames(), "record", lines=lines)]
    assert ids == [f"a{i}" for i in range(5)]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-16.gz"])
def test_dask_parts_of_a_utf16_jsonl_read_as_the_whole_file(tmp_path, encoding, end):
    """A part that starts inside a UTF-16 file reads it in the file's encoding and byte order, its lines split at
    whole characters (U+010A, U+0A0A hold a byte 0x0A)."""
    from dvtopics.io.read import FieldNames, read_file
    from dvtopics.run.distributed import line_ranges

    path = tmp_path / ("a.jsonl.gz" if encoding.endswith(".gz") else "a.jsonl")
    content = "".join(json.dumps({"id": f"a{i}", "title": f"Tiêu đề {i} \u010a\u0a0a", "text": TEXT},
                                 ensure_ascii=False) + end for i in range(5))
    data = content.encode(encoding.removesuffix(".gz"))
    path.write_bytes(__import__("gzip").compress(data) if encoding.endswith(".gz") else data)
    whole = [(a.id, a.title, a.text, a.error) for a in read_file(path, "a", FieldNames(), "record")]
    assert [title for _, title, _, _ in whole] == [f"Tiêu đề {i} \u010a\u0a0a" for i in range(5)]
    ranges = line_ranges(path, 2)
    assert [line for _, line, _ in ranges] == [1, 3, 5]
    parts = [(a.id, a.title, a.text, a.error) for lines in ranges
             for a in read_file(path, "a", FieldNames(), "record", lines=lines)]
    assert parts == whole


@pytest.mark.parametrize("before", ["\r\n", "\n\n", ";;\r\n", "sep=;\r\n", '"sep=;"\n'])
@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_csv_delimiter_is_found_below_blank_lines_or_named_by_excel_sep_line(tmp_path, before, delimiter):
    table = "".join(delimiter.join(cells) + "\r\n" for cells in [
        ("id", "title", "text"), ("1", "Tổng kết", TEXT), ("2", "Gặp mặt", TEXT2)])
    (tmp_path / "a.csv").write_text(before.replace(";", delimiter) + table, encoding="utf-8")
    articles = read(tmp_path / "a.csv")
    assert [(a.id, a.title, a.error) for a in articles] == [("1", "Tổng kết", None), ("2", "Gặp mặt", None)]


def test_a_labels_csv_with_excel_sep_line(tmp_path):
    from dvtopics.io.labels import read_labels

    (tmp_path / "labels.csv").write_text("sep=;\r\nid;label\r\na1;annual_review\r", encoding="utf-8")
    assert read_labels(tmp_path / "labels.csv") == {"a1": "annual_review"}


def test_a_labels_jsonl_with_number_labels_reads_them_as_the_label_field_does(tmp_path):
    """0 is a label like any other (it was once dropped as falsy), and 1 beside "zero" is no type clash."""
    from dvtopics.io.labels import read_labels

    lines = [{"id": "a1", "label": 0}, {"id": "a2", "label": 1}, {"id": "a3", "label": "zero"}]
    (tmp_path / "labels.jsonl").write_text("\n".join(map(json.dumps, lines)), encoding="utf-8")
    assert read_labels(tmp_path / "labels.jsonl") == {"a1": "0", "a2": "1", "a3": "zero"}
    record = {"id": "a1", "text": TEXT, "label": 0}
    (tmp_path / "a.jsonl").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert read(tmp_path / "a.jsonl")[0].label == "0"  # the same label, however it was given


def test_a_whole_number_written_as_a_float_is_its_digits_as_a_workbook_cell_is(tmp_path):
    """pandas writes a label column with a gap as floats: a JSONL of labels 1 and 1.0 (two exports joined) trained
    classes "1" and "1.0", each learnt from half the articles and confused with the other; an id 17.0 missed the
    labels file's 17."""
    from dvtopics.io.labels import read_labels
    from dvtopics.io.labels import labels_given

    lines = [{"id": 17.0, "text": TEXT, "label": 1.0}, {"id": 18, "text": TEXT2, "label": 1},
             {"id": "a3", "text": TEXT, "label": 2.5}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines),
                                      encoding="utf-8")
    assert [(a.id, a.label) for a in read(tmp_path / "a.jsonl")] == [("17", "1"), ("18", "1"), ("a3", "2.5")]
    (tmp_path / "labels.jsonl").write_text(json.dumps({"id": 17.0, "label": 0.0}), encoding="utf-8")
    assert read_labels(tmp_path / "labels.jsonl") == {"17": "0"}
    assert labels_given({17: 1.0, "x": 2.0}) == {"17": "1", "x": "2"}


def test_a_labels_csv_reads_a_long_cell_and_refuses_a_quote_never_closed(tmp_path):
    """Hunt 20 A (13): a labels CSV was read with a bare csv.reader: a cell over 131,072 characters (the articles'
    own CSV given as the labels file) ended in a traceback, and a quote never closed took the rows after it into
    one label, their ids' labels lost in silence."""
    from dvtopics.errors import InputError
    from dvtopics.io.labels import read_labels

    long = TEXT * 2000  # over the csv module's field limit
    (tmp_path / "long.csv").write_text(f'id,label,text\na1,other,"{long}"\na2,annual_review,ngắn\n', encoding="utf-8")
    assert read_labels(tmp_path / "long.csv") == {"a1": "other", "a2": "annual_review"}
    (tmp_path / "quote.csv").write_text('sep=,\nid,label\na1,"other\na2,annual_review\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"quote.csv:3: broken CSV row \(a quoted field is never closed\)"):
        read_labels(tmp_path / "quote.csv")


def test_a_labels_jsonl_label_nan_labels_nothing(tmp_path):
    """Hunt 20 A (10): a labels line written by json.dumps from a pandas row whose label is a gap, {"label": NaN},
    gave the label "nan", a class of its own to train; it labels nothing, as a blank label does."""
    from dvtopics.errors import InputError
    from dvtopics.io.labels import read_labels

    lines = [{"id": "a1", "label": "other"}, {"id": "a2", "label": float("nan")}]
    (tmp_path / "labels.jsonl").write_text("\n".join(map(json.dumps, lines)), encoding="utf-8")
    assert read_labels(tmp_path / "labels.jsonl") == {"a1": "other"}
    (tmp_path / "ids.jsonl").write_text(json.dumps({"id": float("nan"), "label": "other"}), encoding="utf-8")
    with pytest.raises(InputError, match="ids.jsonl:1: a labels line needs"):
        read_labels(tmp_path / "ids.jsonl")


@pytest.mark.parametrize("label", [True, [1], {"type": "other"}])
def test_a_labels_file_label_that_is_not_text_is_refused_naming_the_id(tmp_path, label):
    from dvtopics.errors import InputError
    from dvtopics.io.labels import read_labels

    (tmp_path / "labels.jsonl").write_text(json.dumps({"id": "a7", "label": label}), encoding="utf-8")
    with pytest.raises(InputError, match="'a7'.*not text"):
        read_labels(tmp_path / "labels.jsonl")


def test_a_labels_file_of_ids_without_any_label_is_refused_as_a_header_only_is(tmp_path):
    """Hunt 16 B, 4: a labels file naming the input's ids with every label blank (a template not filled in) was
    passed over in silence by topics fit and assign (no by_type.csv, no word), and by train and evaluate (the
    articles' own label field used instead); it is refused, as a header only is. Some blank labels are fine."""
    from click.testing import CliRunner

    from dvtopics.cli import cli
    from dvtopics.errors import InputError
    from dvtopics.io.labels import read_labels

    (tmp_path / "blank.csv").write_text("id,label\na1,\na2, \n", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text('{"id": "a1", "label": null}\n{"id": "a2", "label": ""}\n', encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    for name, why in [("blank.csv", "every label is blank"), ("blank.jsonl", "every label is blank"),
                      ("empty.jsonl", "an empty file")]:
        with pytest.raises(InputError, match=f"no labels in it \\({why}\\)"):
            read_labels(tmp_path / name)
    (tmp_path / "some.csv").write_text("id,label\na1,\na2,other\n", encoding="utf-8")
    assert read_labels(tmp_path / "some.csv") == {"a2": "other"}
    result = CliRunner().invoke(cli, ["topics", "fit", "seeds", "--k", "2", "--labels", str(tmp_path / "blank.csv"),
                                      "--out", str(tmp_path / "t")])
    assert result.exit_code == 2 and "blank.csv: no labels in it (every label is blank)" in result.output


def test_a_labels_row_with_a_label_and_no_id_is_refused_naming_its_row(tmp_path):
    """Hunt 26 B, 4: a row with a label but no id (or file) was dropped in silence, its label lost; it is refused,
    naming its row, in a CSV and in a workbook. A row of blanks is still no row."""
    import openpyxl

    from dvtopics.errors import InputError
    from dvtopics.io.labels import read_labels

    (tmp_path / "ids.csv").write_text("id,label\na1,other\n,,\n,annual_review\n", encoding="utf-8")
    (tmp_path / "files.csv").write_text("file,label\na1.txt,other\n ,annual_review\n", encoding="utf-8")
    book = openpyxl.Workbook()
    for row in (["id", "label"], ["a1", "other"], [None, "annual_review"]):
        book.active.append(row)
    book.save(tmp_path / "ids.xlsx")
    for name, row, column in (("ids.csv", 4, "id"), ("files.csv", 3, "file"), ("ids.xlsx", 3, "id")):
        with pytest.raises(InputError, match=f"{name}: row {row} has the label 'annual_review' but no {column}"):
            read_labels(tmp_path / name)
    (tmp_path / "ids.jsonl").write_text('{"id": "a1", "label": "other"}\n{"id": " ", "label": "annual_review"}\n',
                                        encoding="utf-8")
    (tmp_path / "ids.json").write_text('{"a1": "other", "": "annual_review"}', encoding="utf-8")
    for name in ("ids.jsonl", "ids.json"):
        with pytest.raises(InputError, match=f"{name}: the label 'annual_review' is given a blank id"):
            read_labels(tmp_path / name)


def test_a_labels_table_with_an_id_and_a_file_column_is_read_by_its_ids_and_says_so(tmp_path, caplog):
    """Hunt 26 B, 5: with both columns the ids are read; a warning says so where a row's file names another article,
    and a row with a file but no id is refused, saying the id column is the one read."""
    from dvtopics.errors import InputError
    from dvtopics.io.labels import read_labels

    (tmp_path / "same.csv").write_text("id,file,label\n2017/a1,2017/a1.txt,other\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert read_labels(tmp_path / "same.csv") == {"2017/a1": "other"}
    assert caplog.text == ""
    (tmp_path / "apart.csv").write_text("id,file,label\n1,a1.txt,other\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert read_labels(tmp_path / "apart.csv") == {"1": "other"}
    assert "both an 'id' and a 'file' column; the ids are read, not the files (row 2: id '1', file 'a1.txt')" \
        in caplog.text
    (tmp_path / "gap.csv").write_text("id,file,label\n1,a1.txt,other\n,a2.txt,other\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3 has the label 'other' but no id \\(where a table has both, its 'id' "
                                         "column is read, not 'file'\\)"):
        read_labels(tmp_path / "gap.csv")


def test_a_file_of_articles_given_as_labels_is_told_it_holds_articles(tmp_path):
    """Hunt 26 B, 12: an articles file given as --labels was "a labels line needs {"id", "label"}" (or a header
    without 'label'), which left the user to guess; it now says the file holds articles and where they go."""
    from dvtopics.errors import InputError
    from dvtopics.io.labels import read_labels

    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a1", "title": "T", "text": TEXT}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps([{"id": "a1", "text": TEXT}], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "a.csv").write_text(f"Mã,Tiêu đề,Nội dung\na1,T,{TEXT}\n", encoding="utf-8")
    for name in ("a.jsonl", "a.json", "a.csv"):
        with pytest.raises(InputError, match="it holds articles \\(a text field\\), not labels: give it among the "
                                             "articles \\(PATHS\\)"):
            read_labels(tmp_path / name)
    (tmp_path / "ids.csv").write_text("id,kind\na1,other\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_labels(tmp_path / "ids.csv")
    assert "holds articles" not in str(refused.value)


@pytest.mark.parametrize("broken", ["not a zip", "cut short", "a sheet cut short"])
def test_a_broken_workbook_is_one_line_as_labels_and_as_articles(tmp_path, broken):
    """Hunt 26 B, 6: a workbook broken inside (a sheet's XML cut short) was xml.etree's traceback, as labels and as
    articles; one that is no zip was a traceback where evaluate looked at its columns. Each is one line naming it."""
    import zipfile

    import openpyxl
    from click.testing import CliRunner

    from dvtopics.cli import cli

    book = openpyxl.Workbook()
    for row in (["id", "label", "text"], ["a1", "other", TEXT]):
        book.active.append(row)
    book.save(tmp_path / "good.xlsx")
    data, path = (tmp_path / "good.xlsx").read_bytes(), tmp_path / "broken.xlsx"
    if broken == "not a zip":
        path.write_text("id,label\n", encoding="utf-8")
    elif broken == "cut short":
        path.write_bytes(data[: len(data) // 2])
    else:
        with zipfile.ZipFile(tmp_path / "good.xlsx") as whole, zipfile.ZipFile(path, "w") as out:
            for item in whole.infolist():
                body = whole.read(item.filename)
                out.writestr(item, body[: len(body) // 2] if item.filename.endswith("sheet1.xml") else body)
    result = CliRunner().invoke(cli, ["evaluate", "shipped", "seeds", "--labels", str(path)])
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.strip().splitlines()[-1].startswith(f"Error: {path}: ") and "workbook" in result.output
    [article] = read(path)
    assert article.error.startswith(f"{path}: ") and "workbook" in article.error


# ------------------------------------------------------------------ tables as people lay them out

def workbook(path, sheets: dict):
    """A workbook of {sheet title: {(row, column): value}}."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, cells in sheets.items():
        sheet = book.create_sheet(title)
        for (row, column), value in cells.items():
            sheet.cell(row=row, column=column, value=value)
    book.save(path)
    return path


def table_at(row: int, column: int, rows: list) -> dict:
    return {(row + r, column + c): value for r, cells in enumerate(rows) for c, value in enumerate(cells)}


ARTICLES = [["id", "title", "text"], [1, "Tổng kết", TEXT], [2, "Gặp mặt", TEXT2]]


def test_a_sheet_that_repeats_the_articles_of_others_is_said(tmp_path, caplog):
    """Hunt 27 A (9): a workbook of a sheet a month and a "Tổng hợp" sheet of them all read every article twice, and
    counted it twice in every chart, without a word. The sheet that repeats them is named, with how many; sheets of
    articles of their own are not."""
    third = [["id", "title", "text"], [3, "Tiếp xúc cử tri", TEXT + " Lần ba."]]
    path = workbook(tmp_path / "a.xlsx", {"Tháng 3": table_at(1, 1, ARTICLES[:2]), "Tháng 4": table_at(1, 1, third),
                                          "Tổng hợp": table_at(1, 1, ARTICLES + third[1:])})
    with caplog.at_level(logging.WARNING):
        articles = read(path)
    assert len(articles) == 5 and not any(a.error for a in articles)  # each read, as before
    assert (f"{path}: sheet 'Tổng hợp' repeats 2 articles of sheets 'Tháng 3', 'Tháng 4' (the same title and text): "
            "read, and counted, twice; hide one of the sheets to read them once") in caplog.text
    assert caplog.text.count("' repeats") == 1


def _table(path, rows):
    """`rows` written as the table `path`'s suffix says: a workbook (.xlsx), tab- (.tsv) or comma-separated text."""
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        delimiter = "\t" if path.suffix == ".tsv" else ","
        path.write_text("".join(delimiter.join(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["a.csv", "a.tsv", "a.xlsx"])
def test_a_table_whose_header_repeats_a_field_is_one_error_naming_it(tmp_path, name):
    """Hunt 16 A (2): a header "id, title, text, text" read only its last "text" column (a note), silently; the
    table is one error record naming the repeated field and its columns, as a table without the text column.
    A column repeated that no field reads ("note" twice) is no problem."""
    path = _table(tmp_path / name, [["id", "title", "text", "note", " Text", "note"],
                                    ["1", "Tổng kết", TEXT, "", "Ghi chú", ""]])
    [article] = read(path)
    assert article.id == name and article.error == (
        f"{path}: the header names 'text' in more than one column (3 and 5); give each column its own name")


@pytest.mark.parametrize("name", ["a.csv", "a.xlsx"])
def test_a_field_found_by_its_common_name_in_two_columns_is_one_error_naming_it(tmp_path, name):
    """Hunt 27 A (1): "Tiêu đề, Nội dung, Ngày đăng, Nội dung" (a summary, then the body, both headed "Nội dung")
    read each article's text from the summary, silently, and lost the body; "text" twice was refused already."""
    path = _table(tmp_path / name, [["Tiêu đề", "Nội dung", "Ngày đăng", "Nội dung"],
                                    ["Tổng kết", "Tóm tắt", "5/1/2023", TEXT]])
    [article] = read(path)
    assert article.error == (
        f"{path}: the header names 'Nội dung' in more than one column (2 and 4); give each column its own name")
    other = tmp_path / "b.csv"  # two names of the text: the first is read, as ever
    other.write_text(f"Tiêu đề,Nội dung,Nội dung bài viết\nTổng kết,{TEXT},\n", encoding="utf-8")
    assert [a.error for a in read(other)] == [None]


def test_a_common_name_with_a_note_in_brackets_is_its_field(tmp_path):
    """Hunt 27 A (8): an office sheet notes its columns' form in their header ("Ngày đăng (dd/mm/yyyy)", "Nguồn" over
    "(tên báo)" in one cell): those columns were not read, silently, and every article lost its date, its source
    taken from its link. A name alone wins; two columns of one name noted apart are for --text-field to choose."""
    path = tmp_path / "a.csv"
    path.write_text(f'STT,Tiêu đề,Nội dung,Ngày đăng (dd/mm/yyyy),"Nguồn\n(tên báo)",Link\n'
                    f'1,Tổng kết,"{TEXT}",12/03/2018,Báo Lạng Sơn,https://baolangson.vn/a.html\n', encoding="utf-8")
    [article] = read(path)
    assert (article.title, article.date, article.source, article.error) == (
        "Tổng kết", "2018-03-12", "Báo Lạng Sơn", None)
    path.write_text(f'Nội dung,Ngày,Ngày (cập nhật)\n"{TEXT}",12/03/2018,13/03/2018\n', encoding="utf-8")
    assert [a.date for a in read(path)] == ["2018-03-12"]
    path.write_text(f'Tiêu đề,Nội dung (tóm tắt),Nội dung (đầy đủ)\nTổng kết,Tóm tắt,"{TEXT}"\n', encoding="utf-8")
    [article] = read(path)
    assert article.error.startswith(f"{path}: no 'text' column (fields['text'] (--text-field)); its columns are "
                                    "'Tiêu đề', 'Nội dung (tóm tắt)', 'Nội dung (đầy đủ)'")


def test_a_label_field_in_two_columns_stops_the_run_as_a_missing_one(tmp_path):
    from dvtopics.errors import InputError
    from dvtopics.io.labels import read_labels

    path = tmp_path / "a.csv"
    path.write_text(f"id,Loại,text,Loại\n1,annual_review,{TEXT},ghi chú\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"the header names 'Loại' in more than one column \(2 and 4\)"):
        read(path, fields=FieldNames(label="Loại"))
    labels = tmp_path / "labels.csv"  # and a labels file (--labels, --extra)
    labels.write_text("id,label,Label\n1,annual_review,other\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"labels.csv: the header names 'label' in more than one column \(2 and 3\)"):
        read_labels(labels)


def test_an_xlsx_table_that_does_not_start_in_a1_is_read(tmp_path):
    path = workbook(tmp_path / "a.xlsx", {"Sheet": table_at(3, 2, ARTICLES)})  # header in B3:D3
    articles = read(path)
    assert [(a.id, a.title, a.text, a.error) for a in articles] == [
        ("1", "Tổng kết", TEXT, None), ("2", "Gặp mặt", TEXT2, None)]
    assert all("warning" not in a.meta and "" not in a.meta for a in articles)  # column A is no field


@pytest.mark.parametrize("declared", [b"A1", b"A1:B2"])
def test_a_workbook_is_read_past_the_size_its_sheet_declares(tmp_path, declared):
    """Hunt 36 A (1): openpyxl, reading only, stops at the size a sheet's file declares (<dimension ref>), which Excel
    and LibreOffice ignore: WPS Office writes "A1" (a one-column table: "no 'text' column"), a stale one ("A1:B2")
    lost the rows and columns past it, exit 0. Every row and column is read, as Excel shows them."""
    import re
    import zipfile

    rows = [ARTICLES[0] + ["date", "source"]] + [row + [f"2017-06-0{n}", "Báo Đắk Lắk"]
                                                  for n, row in enumerate(ARTICLES[1:], start=1)]
    path = workbook(tmp_path / "a.xlsx", {"Sheet": table_at(1, 1, rows)})
    path.with_name("ok.xlsx").write_bytes(path.read_bytes())
    with zipfile.ZipFile(path.with_name("ok.xlsx")) as source, zipfile.ZipFile(path, "w") as written:
        for member in source.infolist():
            data = source.read(member)
            if member.filename.startswith("xl/worksheets/"):
                data, found = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="' + declared + b'"', data)
                assert found == 1
            written.writestr(member, data)
    assert [(a.id, a.title, a.text, a.date, a.source, a.error) for a in read(path)] == [
        ("1", "Tổng kết", TEXT, "2017-06-01", "Báo Đắk Lắk", None),
        ("2", "Gặp mặt", TEXT2, "2017-06-02", "Báo Đắk Lắk", None)]


def test_a_labels_workbook_that_does_not_start_in_a1(tmp_path):
    from dvtopics.io.labels import read_labels

    path = workbook(tmp_path / "labels.xlsx", {"Sheet": table_at(2, 2, [["id", "label"], ["a1", "other"]])})
    assert read_labels(path) == {"a1": "other"}


def test_every_sheet_with_articles_is_read_and_the_others_are_named(tmp_path, caplog):
    path = workbook(tmp_path / "book.xlsx", {
        "Ghi chú": {(1, 1): "Dữ liệu ở sheet 'Bài viết'"},
        "Bài viết": table_at(1, 1, ARTICLES[:2]),
        "Trống": {},
        "Thêm": table_at(1, 1, [ARTICLES[0], ARTICLES[2]]),
    })
    with caplog.at_level(logging.WARNING):
        articles = read(path)
    assert [(a.id, a.error) for a in articles] == [("1", None), ("2", None)]
    assert "sheet 'Ghi chú' not read: no 'text' column" in caplog.text and "'Trống'" not in caplog.text
    # a row without an id is named by its sheet and row
    path = workbook(tmp_path / "ids.xlsx", {"A": table_at(1, 1, [["text"], [TEXT]]), "B": table_at(1, 1, [["text"], [TEXT2]])})
    assert [a.id for a in read(path)] == ["ids.xlsx:2", "ids.xlsx:B:2"]


def test_a_hidden_sheet_is_not_read_and_is_named(tmp_path, caplog):
    """Hunt 25 A (08): a sheet one hid (the drafts, an older round, a drop-down's choices) was read without a word: its
    articles were read twice, or beside the ones meant, and its labels too. It is passed over, named in a warning."""
    from openpyxl import load_workbook
    from dvtopics.io.labels import read_labels

    path = workbook(tmp_path / "book.xlsx", {"Bài viết": table_at(1, 1, ARTICLES[:2]),
                                             "Nháp": table_at(1, 1, [ARTICLES[0], ARTICLES[2]])})
    book = load_workbook(path)
    book["Nháp"].sheet_state = "hidden"
    book.save(path)
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read(path)] == ["1"]
    assert "hidden sheet 'Nháp' not read" in caplog.text
    labels = workbook(tmp_path / "labels.xlsx", {"Nhãn": table_at(1, 1, [["id", "label"], ["1", "other"]]),
                                                 "Vòng 1": table_at(1, 1, [["id", "label"], ["1", "annual_review"]])})
    book = load_workbook(labels)
    book["Vòng 1"].sheet_state = "hidden"
    book.save(labels)
    assert read_labels(labels) == {"1": "other"}


def test_a_csv_row_with_more_cells_than_the_header_loses_no_text(tmp_path):
    # a stray tab pasted into the text column, the last one: the cells after it are its text
    (tmp_path / "a.csv").write_text(f"id\ttitle\ttext\n1\tTổng kết\tSáng 5/1, Ban Dân vận\t{TEXT2}\n"
                                    f"2\tGặp mặt\t{TEXT}\t\t\n", encoding="utf-8")  # trailing empty cells: nothing to say
    cut, plain = read(tmp_path / "a.csv")
    assert cut.raw == f"Sáng 5/1, Ban Dân vận\t{TEXT2}" and cut.text.endswith(TEXT2)
    assert "the row has 4 cells for the header's 3 columns" in cut.meta["warning"]
    assert plain.text == TEXT and "warning" not in plain.meta
    # the text is not the last column: the extra cells cannot be put back, and are kept and named
    (tmp_path / "b.csv").write_text(f"id,text,title\n1,\"{TEXT}\",Tổng kết,năm 2022\n", encoding="utf-8")
    (article,) = read(tmp_path / "b.csv")
    assert article.meta["extra_cells"] == ["năm 2022"] and "not used" in article.meta["warning"]


def test_a_row_whose_quotes_open_and_close_in_a_cell_is_read_with_them_as_text(tmp_path, caplog):
    """A TSV written without quoting (most tools' exports) whose cell opens with a quoted phrase lost that row:
    "broken CSV row", exit 1 (hunt 18 A, 3). A line whose quotes close on it and that then splits into the
    header's columns is that row, read with a warning; a quote left open stays a broken row."""
    (tmp_path / "a.tsv").write_text(f'id\ttitle\ttext\nr1\t"Dân vận khéo" nhân rộng\t{TEXT}\n'
                                    f'r2\tTin hai\t"Ba không" {TEXT2}\nr3\tTin ba\t"Mở đầu\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        r1, r2, r3 = read(tmp_path / "a.tsv")
    assert (r1.id, r1.title, r1.error) == ("r1", '"Dân vận khéo" nhân rộng', None)
    assert (r2.id, r2.error) == ("r2", None) and r2.text.startswith('"Ba không" Chiều')
    assert "quotes as text" in r1.meta["warning"] and "a.tsv:2" in caplog.text
    assert "a.tsv:4: broken CSV row" in r3.error
    (tmp_path / "a.csv").write_text(f'id,title,text\nc1,"Dân vận khéo" nhân rộng,{TEXT.replace(",", "")}\n',
                                    encoding="utf-8")
    (c1,) = read(tmp_path / "a.csv")
    assert (c1.id, c1.title, c1.error) == ("c1", '"Dân vận khéo" nhân rộng', None)
    (tmp_path / "b.csv").write_text('"a" b,"c" d\n', encoding="utf-8")  # a table of one broken row: no header
    (broken,) = read(tmp_path / "b.csv")
    assert "b.csv:1: broken CSV row" in broken.error


def test_a_csv_row_with_quotes_escaped_by_a_backslash_is_read(tmp_path, caplog):
    """Hunt 21 A (10): quotes inside quoted cells written \\" (MySQL's INTO OUTFILE, PHP, scrapers), not doubled:
    each such row was "broken CSV row" and its article lost. Read so, with a warning in its record and one line
    logged for the file."""
    (tmp_path / "a.csv").write_text('id,title,text\n1,"Phong trào \\"Dân vận khéo\\"","Ông A nói \\"Dân vận khéo\\" là '
                                    'phong trào lớn, được nhân rộng."\n2,"Tin \\"hai\\"",Tin hai\n4,Tin bốn,Tin bốn\n',
                                    encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = read(tmp_path / "a.csv")
    assert [(a.id, a.title, bool(a.error)) for a in articles] == [
        ("1", 'Phong trào "Dân vận khéo"', False), ("2", 'Tin "hai"', False), ("4", "Tin bốn", False)]
    assert articles[0].text == 'Ông A nói "Dân vận khéo" là phong trào lớn, được nhân rộng.'
    assert "line 2 has its quotes escaped with a backslash" in articles[0].meta["warning"]
    assert caplog.text.count("quotes escaped with a backslash") == 1


def test_a_csv_rows_errors_name_the_line_it_starts_on(tmp_path):
    """Hunt 20 A (07): a CSV's errors named a count of its rows, not its line: below a title line, a blank line and
    a cell of two lines, the row on line 9 was "a.csv:5", and an open quote "a.csv:3: broken CSV row starting on
    line 7". Each now names its line, as JSONL errors do; so does a row below Excel's "sep=;" line."""
    (tmp_path / "a.csv").write_text(f'Danh sách bài\n\nid,title,text\n1,Bài 1,"{TEXT}\nđoạn hai"\n\n'
                                    f'2,Bài 2,"{TEXT2}\n3,Bài 3,Tin ba\n4,,\n5,Bài 5,{TEXT2}\n', encoding="utf-8")
    errors = [a.error for a in read(tmp_path / "a.csv") if a.error]
    assert [error[len(str(tmp_path)) + 1:][:24] for error in errors] == ["a.csv:7: broken CSV row ",
                                                                          "a.csv:9: no 'text' field"]
    (tmp_path / "b.csv").write_text(f"sep=;\nid;text\nb1;{TEXT2}\nb2;\n", encoding="utf-8")
    assert [a.error for a in read(tmp_path / "b.csv")][1].startswith(f"{tmp_path / 'b.csv'}:4: no 'text' field")


def test_the_header_again_in_a_csv_of_joined_exports_is_no_article(tmp_path, caplog):
    """Hunt 20 A (18): two exports joined into one file (cat a.csv b.csv), each with its header and Excel's BOM: the
    second header was an article, id "\\ufeffid", title "title", text "text", labelled and counted."""
    one = f"\ufeffid,title,text\r\na1,Tin một,{TEXT.replace(',', '')}\r\n"
    two = f"\ufeffID,Title,Text\r\na2,Tin hai,{TEXT2.replace(',', '')}\r\n"
    (tmp_path / "joined.csv").write_bytes((one + two).encode("utf-8"))
    with caplog.at_level(logging.WARNING):
        assert [(a.id, a.error) for a in read(tmp_path / "joined.csv")] == [("a1", None), ("a2", None)]
    assert "joined.csv:3: the table's header again" in caplog.text
    (tmp_path / "notes.csv").write_text(f"id,title,text\nn1,title,{TEXT.replace(',', '')}\n", encoding="utf-8")
    assert [a.id for a in read(tmp_path / "notes.csv")] == ["n1"]  # a row that names one field is a row


def test_the_longest_header_name_is_measured_once_a_table_not_once_a_row(tmp_path, monkeypatch):
    """The check for the header again measured the header's names for each row: once for the table is enough."""
    import pandas as pd

    from dvtopics.io import read_tables

    measured = []
    measure = read_tables._header_name_chars
    monkeypatch.setattr(read_tables, "_header_name_chars", lambda given: measured.append(1) or measure(given))
    rows = [(f"a{n}", f"Tin {n}", TEXT.replace(",", "")) for n in range(50)]
    (tmp_path / "a.csv").write_text("id,title,text\n" + "".join(",".join(row) + "\n" for row in rows),
                                    encoding="utf-8")
    assert len(read(tmp_path / "a.csv")) == 50 and len(measured) == 1
    frame = pd.DataFrame(rows, columns=["id", "title", "text"])
    assert len(list(read_articles(frame, on_error="record"))) == 50 and len(measured) == 2


def test_a_row_read_with_its_quotes_as_text_may_end_with_a_delimiter(tmp_path):
    """A TSV row whose cell opens with a quoted phrase is read with its quotes as text when it splits into the
    header's columns; a row that also ended with a tab (a blank cell past the header's, as spreadsheets leave)
    stayed a broken row, its article lost (hunt 19 A, 6). Blank cells past the header's are no column."""
    (tmp_path / "a.tsv").write_text(f'id\ttitle\ttext\nr1\t"Dân vận khéo" nhân rộng\t{TEXT}\t\t\n'
                                    f'r2\tTin hai\t"Mở đầu\t\n', encoding="utf-8")
    r1, r2 = read(tmp_path / "a.tsv")
    assert (r1.id, r1.title, r1.text, r1.error) == ("r1", '"Dân vận khéo" nhân rộng', TEXT, None)
    assert "a.tsv:3: broken CSV row" in r2.error  # a quote left open is still a broken row
    # and a header that ends with a tab, over rows that do or do not
    (tmp_path / "b.tsv").write_text(f'id\ttitle\ttext\t\nr1\t"Dân vận khéo" nhân rộng\t{TEXT}\n'
                                    f'r2\t"Dân vận khéo" kỳ hai\t{TEXT2}\tghi chú\n', encoding="utf-8")
    r1, r2 = read(tmp_path / "b.tsv")
    assert (r1.id, r1.title, r1.text, r1.error) == ("r1", '"Dân vận khéo" nhân rộng', TEXT, None)
    assert (r2.id, r2.title, r2.text, r2.error) == ("r2", '"Dân vận khéo" kỳ hai', TEXT2, None)


def test_max_bytes_holds_for_a_workbooks_articles_as_for_a_csvs(tmp_path):
    """--max-bytes was not applied to .xlsx rows: an article over it in a workbook was read, the same row in a
    CSV was an error (hunt 18 A, 10)."""
    from openpyxl import Workbook

    book = Workbook()
    for row in (["id", "text"], ["big", TEXT * 3], ["small", TEXT2]):
        book.active.append(row)
    book.save(tmp_path / "a.xlsx")
    big, small = read(tmp_path / "a.xlsx", max_bytes=len(TEXT.encode()) * 2)
    assert big.id == "big" and "a.xlsx:2: field 'text'" in big.error and "article limit" in big.error
    assert (small.id, small.error) == ("small", None)


# ------------------------------------------------------------------ JSON arrays

def test_a_broken_item_of_a_json_array_costs_only_itself(tmp_path):
    good = [json.dumps({"id": f"a{i}", "text": TEXT, "tags": [{"k": i}, {"k": 0}]}, ensure_ascii=False)
            for i in range(5)]
    items = [good[0], '{"id": "bad", "text": "Hội nghị" "x", "tags": [{"k": 9}, {"k": 8}]}', good[1],
             'rác', good[2], good[3] + " " + good[4]]  # junk between items; a ',' left out
    (tmp_path / "a.json").write_text("[\n" + ",\n".join(items) + "\n]\n", encoding="utf-8")
    articles = read(tmp_path / "a.json")
    assert [a.id for a in articles if not a.error] == ["a0", "a1", "a2", "a3", "a4"]
    errors = [a.error for a in articles if a.error]
    assert len(errors) == 2 and "a.json:3 (item 2): not valid JSON" in errors[0]
    assert "reading goes on at the next item, on line 4" in errors[0]


def test_a_json_array_in_a_file_named_as_json_lines_is_read_as_its_articles(tmp_path, caplog):
    """A pretty-printed array saved as .jsonl was one "not valid JSON" error per line, and a gzipped .json
    (.json.gz) one error, "a JSON object per line is expected, not a list"; a .json of gzip bytes was refused
    (hunt 18 A, 1). Each is read as the array it holds, on either engine."""
    from dvtopics.run.distributed import plan_parts, read_part

    articles = [{"id": "a1", "text": TEXT}, {"id": "a2", "text": TEXT2}]
    array = json.dumps(articles, ensure_ascii=False, indent=2)
    (tmp_path / "pretty.jsonl").write_text(array, encoding="utf-8")
    (tmp_path / "export.json.gz").write_bytes(gzip.compress(array.encode()))
    (tmp_path / "gzipped.json").write_bytes(gzip.compress(array.encode()))
    (tmp_path / "lines.jsonl").write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles),
                                          encoding="utf-8")  # JSON lines stay JSON lines
    for name in ("pretty.jsonl", "export.json.gz", "gzipped.json", "lines.jsonl"):
        with caplog.at_level(logging.WARNING):
            caplog.clear()
            assert [(a.id, a.error) for a in read(tmp_path / name)] == [("a1", None), ("a2", None)], name
        assert ("read as a .json file" in caplog.text) == (name == "pretty.jsonl"), name
        parts = plan_parts([tmp_path / name], size=1)  # an array is read whole, not cut into line ranges
        assert [a.id for part in parts for a in read_part(part)] == ["a1", "a2"], name
    # JSON lines whose first line is a list stay JSON lines: that line is an error, the others are read
    (tmp_path / "list_first.jsonl").write_text("[1]\n" + json.dumps(articles[0], ensure_ascii=False) + "\n",
                                               encoding="utf-8")
    assert [bool(a.error) for a in read(tmp_path / "list_first.jsonl")] == [True, False]
    cut = gzip.compress(array.encode())
    (tmp_path / "cut.json.gz").write_bytes(cut[:len(cut) - 12])  # the end of the stream lost
    got = read(tmp_path / "cut.json.gz")
    assert [a.id for a in got if not a.error] == ["a1"] and "cut short" in got[-1].error


def test_one_article_pretty_printed_in_a_file_named_as_json_lines_is_read(tmp_path, caplog):
    """One article saved pretty-printed as .jsonl, or gzipped as .json.gz, was one "not valid JSON" error per
    line and no article, on either engine, where the same object as .json is read and an array in those files
    is read as one (hunt 19 A, 3). JSON lines whose first line is cut short stay JSON lines."""
    from dvtopics.run.distributed import plan_parts, read_part

    pretty = json.dumps({"id": "a1", "title": "Tổng kết", "text": TEXT}, ensure_ascii=False, indent=2)
    (tmp_path / "one.jsonl").write_text(pretty + "\n", encoding="utf-8")
    (tmp_path / "one.json.gz").write_bytes(gzip.compress(pretty.encode()))
    for name in ("one.jsonl", "one.json.gz"):
        with caplog.at_level(logging.WARNING):
            caplog.clear()
            assert [(a.id, a.title, a.error) for a in read(tmp_path / name)] == [("a1", "Tổng kết", None)], name
        assert ("a JSON object over several lines" in caplog.text) == (name == "one.jsonl"), name
        parts = plan_parts([tmp_path / name], size=1)  # read whole, not cut into line ranges
        assert [a.id for part in parts for a in read_part(part)] == ["a1"], name
    good = json.dumps({"id": "a2", "text": TEXT2}, ensure_ascii=False)
    (tmp_path / "cut.jsonl").write_text('{"id": "a1", "text": "Sáng\n' + good + "\n", encoding="utf-8")
    cut, read_on = read(tmp_path / "cut.jsonl")
    assert "cut.jsonl:1: not valid JSON" in cut.error and (read_on.id, read_on.error) == ("a2", None)


def test_json_lines_whose_first_records_are_long_stay_json_lines(tmp_path, caplog):
    """JSON lines whose first two records are each over the 1 MB a line is looked at were taken for one object
    pretty-printed (their lines unread, neither a JSON value alone): a warning that they were not JSON lines, and
    the Dask plan read the file whole instead of in parts. A pretty-printed object's first line is "{"."""
    from dvtopics.run.distributed import plan_parts

    long_text = TEXT * (1100000 // len(TEXT.encode()))
    (tmp_path / "long.jsonl").write_text("".join(json.dumps({"id": f"a{n}", "text": text}, ensure_ascii=False) + "\n"
                                                 for n, text in enumerate([long_text, long_text, TEXT2])),
                                         encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [(a.id, a.error) for a in read(tmp_path / "long.jsonl")] == [("a0", None), ("a1", None), ("a2", None)]
    assert "JSON object" not in caplog.text and len(plan_parts([tmp_path / "long.jsonl"], size=1)) == 3


def test_what_follows_a_json_arrays_end_is_read_or_said(tmp_path):
    """What followed a .json array's closing ']' was dropped in silence, exit 0: two exports joined with `cat`
    lost the second (hunt 18 A, 2). Arrays one after another are each read; anything else is an error record."""
    one, two = (json.dumps([{"id": i, "text": t}], ensure_ascii=False) for i, t in (("a", TEXT), ("b", TEXT2)))
    (tmp_path / "joined.json").write_text(f"{one}\n{two}\n", encoding="utf-8")
    assert [(a.id, a.error) for a in read(tmp_path / "joined.json")] == [("a", None), ("b", None)]
    (tmp_path / "then.json").write_text(f"{one}\n{json.dumps({'id': 'b', 'text': TEXT2})}\n", encoding="utf-8")
    first, after = read(tmp_path / "then.json")
    assert first.id == "a" and not first.error
    assert "then.json:2: more data after the array's closing ']'" in after.error and "'{\"id\"" in after.error


def test_a_json_array_ending_with_a_dos_end_of_file_mark_has_nothing_after_it(tmp_path):
    """A .json array followed by DOS's end-of-file mark (Ctrl-Z), as old Windows tools save, was read cleanly
    before; the check for data after the closing ']' made it an error record "it begins '\\x1a'" (hunt 19 A,
    2). The mark is the file's end, not data."""
    array = json.dumps([{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT2}], ensure_ascii=False)
    (tmp_path / "dos.json").write_text(f"{array}\r\n\x1a", encoding="utf-8")
    assert [(a.id, a.error) for a in read(tmp_path / "dos.json")] == [("a", None), ("b", None)]


def test_a_json_array_item_missing_its_closing_brace_costs_only_itself(tmp_path):
    good = [json.dumps({"id": f"a{i}", "text": TEXT}, ensure_ascii=False) for i in range(2)]
    (tmp_path / "a.json").write_text(f'[{good[0]},\n{{"id": "bad", "text": "thiếu ngoặc",\n{good[1]}]',
                                     encoding="utf-8")
    assert [(a.id, bool(a.error)) for a in read(tmp_path / "a.json")] == [("a0", False), ("a.json:2", True),
                                                                          ("a1", False)]


def test_raw_control_characters_in_json_strings_are_read_and_a_broken_line_says_where(tmp_path):
    """A raw TAB in a JSONL string gave "not valid JSON (Invalid control character at)", cut short, and a raw ESC
    called its line a binary file (trial 9, helper C). Scraped text holds them: read as json's strict=False
    reads them, in JSON lines, JSON arrays and labels files; a line that is not JSON says where it breaks."""
    from dvtopics.io.labels import read_labels

    (tmp_path / "a.jsonl").write_text('{"id": "t1", "text": "Hội nghị sơ kết\tcông tác dân vận"}\n'
                                      '{"id": "t2", "title": "Hội nghị\x1b tổng kết", "text": "Tổng kết năm 2022"}\n'
                                      '{"id": "t3", "text": "không đóng\n'
                                      '{"id": "t4", "text": "x"\x1b}\n', encoding="utf-8")
    (tmp_path / "a.json").write_text('[{"id": "j1", "text": "Hội nghị\tsơ kết"}]', encoding="utf-8")
    (tmp_path / "labels.jsonl").write_text('{"id": "t1\t", "label": "other"}\n', encoding="utf-8")
    articles = read([tmp_path / "a.jsonl", tmp_path / "a.json"])
    assert [(a.id, a.error) for a in articles] == [
        ("t1", None), ("t2", None),
        ("a.jsonl:3", f"{tmp_path / 'a.jsonl'}:3: not valid JSON (Unterminated string starting at column 22)"),
        ("a.jsonl:4", f"{tmp_path / 'a.jsonl'}:4: not valid JSON (Expecting ',' delimiter at column 25)"),
        ("j1", None)]
    assert articles[0].raw == "Hội nghị sơ kết\tcông tác dân vận" and articles[1].title == "Hội nghị\x1b tổng kết"
    # read, and without the white space around it, as a labels file's ids are (hunt 24 B): it labels the article t1
    assert read_labels(tmp_path / "labels.jsonl") == {"t1": "other"}
    # a line that stops short says where it stops, as json.loads of it alone says it (hunt 36 A, 3: "column 1")
    (tmp_path / "cut.jsonl").write_text('{"id": "c1", "title": "x"\n{"id": "c2", "title": "x", \r\n', encoding="utf-8")
    assert [a.error.split(": ", 1)[1] for a in read(tmp_path / "cut.jsonl")] == [
        "not valid JSON (Expecting ',' delimiter at column 26)",
        "not valid JSON (Expecting property name enclosed in double quotes at column 28)"]


def test_a_json_line_that_holds_an_array_of_articles_gives_each_of_them(tmp_path):
    """Hunt 21 A (7): a JSONL line holding an array of articles (a batch written as one line, `jq -c '.items'`) was
    one error, "a JSON object per line is expected, not a list", and its articles were lost. Each item is an
    article, named by its line and place when it has no id; an array of anything else stays an error."""
    lines = [{"id": "a1", "text": TEXT}, [{"id": "b1", "text": TEXT2}, {"text": TEXT}], [1, 2], [], {"id": "d1", "text": TEXT}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                                      encoding="utf-8")
    articles = read(tmp_path / "a.jsonl")
    assert [(a.id, a.error) for a in articles] == [
        ("a1", None), ("b1", None), ("a.jsonl:2:2", None),
        ("a.jsonl:3", f"{tmp_path / 'a.jsonl'}:3: a JSON object per line is expected (or an array of objects), not a "
                      "list"),
        ("a.jsonl:4", f"{tmp_path / 'a.jsonl'}:4: a JSON object per line is expected (or an array of objects), not a "
                      "list"),  # an empty array is no batch: its line is not lost without a record
        ("d1", None)]


def test_json_objects_one_after_another_each_pretty_printed_are_read(tmp_path, caplog):
    """Hunt 27 A (3): objects one after another, each over several lines, as `jq . a.jsonl > b.json` prints them,
    were one "not valid JSON" error per line and no article, as .json and as .jsonl, on either engine. Each is
    an article; one cut short (a download cut off) is one error after the whole ones."""
    from dvtopics.run.distributed import plan_parts, read_part

    objects = [json.dumps({"id": f"a{i}", "title": "Tổng kết", "text": TEXT}, ensure_ascii=False, indent=2)
               for i in range(3)]
    for name in ("b.json", "b.jsonl"):
        (tmp_path / name).write_text("\n".join(objects) + "\n", encoding="utf-8")
        with caplog.at_level(logging.WARNING):
            caplog.clear()
            assert [(a.id, a.title, a.error) for a in read(tmp_path / name)] == [
                (f"a{i}", "Tổng kết", None) for i in range(3)], name
        assert "JSON objects one after another, each over several lines" in caplog.text
        parts = plan_parts([tmp_path / name], size=1)
        assert [a.id for part in parts for a in read_part(part)] == ["a0", "a1", "a2"], name
    (tmp_path / "cut.json").write_text("\n".join(objects)[:-40], encoding="utf-8")
    *whole, cut = read(tmp_path / "cut.json")
    assert [(a.id, a.error) for a in whole] == [("a0", None), ("a1", None)]
    assert cut.error.startswith(f"{tmp_path / 'cut.json'}:11 (item 3): not valid JSON (Unterminated string")
    assert cut.error.endswith("; the rest of the file is not read")


def test_json_lines_with_a_comma_after_each_or_encoded_twice_are_read(tmp_path, caplog):
    """Hunt 25 A (11): records written `json.dumps(record) + ","` (or an array's items with its brackets taken off)
    were each "not valid JSON (Extra data …)" after a warning that the file was "one JSON object over several lines":
    every article lost. A line that is a JSON string holding an object (encoded twice, json.dumps of json.dumps) was
    "not text". Both are read as their objects. A Python dict printed ("{'id': …}") is an error saying so."""
    first, second = {"id": "a1", "text": TEXT}, {"id": "b1", "text": TEXT2}
    (tmp_path / "comma.jsonl").write_text(json.dumps(first) + ",\n" + json.dumps(second) + ",\n", encoding="utf-8")
    (tmp_path / "twice.jsonl").write_text(json.dumps(json.dumps(first)) + "\n" + json.dumps(second) + "\n")
    (tmp_path / "printed.jsonl").write_text(f"{first!r}\n{second!r}\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        for name in ("comma.jsonl", "twice.jsonl"):
            assert [(a.id, a.error, a.text) for a in read(tmp_path / name)] == [("a1", None, TEXT), ("b1", None, TEXT2)]
        printed = read(tmp_path / "printed.jsonl")
    assert len(printed) == 2 and all("a Python dict printed, not JSON" in a.error for a in printed)
    assert "over several lines" not in caplog.text


# ------------------------------------------------------------------ files in more than one encoding

def test_a_utf8_file_with_a_paragraph_in_windows_1258_keeps_its_utf8(tmp_path):
    (tmp_path / "a.txt").write_bytes(f"Hội nghị tổng kết công tác dân vận\n{TEXT}\n".encode() + cp1258(TEXT2 + "\n"))
    (article,) = read(tmp_path / "a.txt")
    assert article.title == "Hội nghị tổng kết công tác dân vận" and article.text.endswith(TEXT2)
    assert article.meta["warning"].startswith("UTF-8, but line 3 is not: not valid UTF-8: read as Windows-1258")
    assert "saved again" not in article.meta["warning"]  # no mojibake: nothing was misread


def test_a_mostly_ascii_windows_1258_file_keeps_its_diacritics_and_says_how_it_was_read(tmp_path):
    rows = "".join(f"{i},https://baodientu.vn/tin-tuc/bai-viet-{i:06d}.html,Hoi nghi tong ket nam {i}\n"
                   for i in range(200))
    (tmp_path / "a.csv").write_bytes(cp1258(f"id,url,text\n{rows}999,https://baodientu.vn/x,{TEXT}\n"))
    article = read(tmp_path / "a.csv")[-1]
    assert article.text == TEXT and "Windows-1258" in article.meta["warning"]


def test_damaged_utf8_says_so_in_the_record(tmp_path):
    (tmp_path / "a.txt").write_bytes(f"Hội nghị tổng kết\n{TEXT}".encode().replace("Ban".encode(), b"B\xffn"))
    (article,) = read(tmp_path / "a.txt")
    assert article.text.count("\ufffd") == 1
    assert article.meta["warning"] == "1 invalid UTF-8 byte sequence(s) replaced by \ufffd (line 2)"


# ------------------------------------------------------------------ trial 6: a user's own spreadsheets


def test_a_title_column_under_another_name_is_read_with_title_field(tmp_path, caplog):
    """Vietnamese headers: --title-field names the title's column (matched as the other field names are,
    case, spaces, NFC); without it one warning per file names the column that is not read (trial 6, 01)."""
    path = tmp_path / "vi.csv"
    path.write_text(f"Tiêu đề,Tóm tắt,Ngày,Nguồn\nHội nghị tổng kết năm 2022,\"{TEXT}\",05/01/2023,Báo X\n"
                    f"Gặp mặt đầu xuân,\"{TEXT2}\",08/03/2023,Báo Y\n", encoding="utf-8")
    fields = FieldNames(text="Tóm tắt", title=" tiêu đề ", date="ngày", source="NGUỒN")
    first, second = read(path, fields=fields)
    assert (first.title, first.date, first.source) == ("Hội nghị tổng kết năm 2022", "2023-01-05", "Báo X")
    assert second.title == "Gặp mặt đầu xuân" and not first.error
    # the common Vietnamese names are found by themselves (hunt 22 A); a name that is not one is warned of
    first, _ = read(path, fields=FieldNames(text="Tóm tắt"))
    assert (first.title, first.date, first.source) == ("Hội nghị tổng kết năm 2022", "2023-01-05", "Báo X")
    path.write_text(path.read_text(encoding="utf-8").replace("Tiêu đề,", "Tít,", 1), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        first, _ = read(path, fields=FieldNames(text="Tóm tắt"))
    assert first.title != "Hội nghị tổng kết năm 2022"
    warned = [r.message for r in caplog.records if "--title-field" in r.message]
    assert len(warned) == 1 and "'Tít'" in warned[0] and "no 'title' column" in warned[0]


def test_the_title_field_options_are_offered_with_the_text_field():
    from click.testing import CliRunner

    from dvtopics.cli import cli

    for command in (["label"], ["evaluate"], ["train"], ["inspect"], ["topics", "fit"]):
        shown = CliRunner().invoke(cli, command + ["--help"]).output
        assert all(f"--{name}-field" in shown for name in ("text", "title", "date", "source")), command


def test_a_record_with_a_title_and_no_text_is_read_from_its_title(tmp_path, caplog):
    """An export whose content is empty, a JSONL line with "text": "" or no text: the title is the text, and
    the warning says so; a record with neither stays an error that keeps its id and title (trial 6, 02)."""
    csv_path = tmp_path / "export.csv"
    csv_path.write_text("id,title,content\na1,Hội nghị tổng kết công tác dân vận năm 2022,\n,,\na3,,\n",
                        encoding="utf-8")
    jsonl = tmp_path / "titles.jsonl"
    jsonl.write_text('{"id": "j1", "title": "Sơ kết 6 tháng đầu năm 2023", "text": ""}\n'
                     '{"id": "j2", "title": "Sơ kết 6 tháng đầu năm 2023"}\n'
                     '{"id": "j3", "title": "Giao ban quý III", "text": [1, 2]}\n', encoding="utf-8")
    a1, a3 = read(csv_path, fields=FieldNames(text="content"))
    assert not a1.error and a1.text == a1.title == "Hội nghị tổng kết công tác dân vận năm 2022"
    assert "the 'content' field is empty: the title is read as the text" in a1.meta["warning"]
    assert a3.error and a3.id == "a3"
    j1, j2, j3 = read(jsonl)
    assert not j1.error and not j2.error and j2.text == "Sơ kết 6 tháng đầu năm 2023"
    assert "the 'text' field is missing" in j2.meta["warning"]
    assert j3.error and (j3.id, j3.title) == ("j3", "Giao ban quý III")


def test_a_json_file_where_no_record_has_the_text_field_is_one_error_naming_its_fields(tmp_path, monkeypatch):
    """Records whose text is under another name ("article_body", a --text-field mistyped) are not all read from
    their titles: the file is one error naming the field and the fields its records have, as a table without
    the text column is; after TEXT_FIELD_RECORDS records without it, the rest is not read (hunt 15, A 02)."""
    import dvtopics.io.read_json as reading

    rows = [{"id": f"a{i}", "title": "Phát huy sức mạnh tổng hợp", "article_body": "Sáng 10/7, Ban Dân vận họp."}
            for i in range(3)]
    jsonl, array = tmp_path / "scraped.jsonl", tmp_path / "scraped.json"
    jsonl.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    array.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    for path in (jsonl, array):
        [article] = read(path)
        assert article.error == (f"{path}: no 'text' field (fields['text'] (--text-field)) in any of its records; "
                                 "their fields are 'id', 'title', 'article_body'")
    assert [a.text for a in read(jsonl, fields=FieldNames(text="article_body"))] == [rows[0]["article_body"]] * 3
    monkeypatch.setattr(reading, "TEXT_FIELD_RECORDS", 2)
    [article] = read(jsonl)
    assert "in its first 2 records" in article.error
    # a record with the field after the first few: those before it are read from their titles, as before
    jsonl.write_text(jsonl.read_text(encoding="utf-8") + '{"id": "b", "text": "Hội nghị dân vận."}\n',
                     encoding="utf-8")
    monkeypatch.setattr(reading, "TEXT_FIELD_RECORDS", 100)
    articles = read(jsonl)
    assert [a.id for a in articles] == ["a0", "a1", "a2", "b"] and not any(a.error for a in articles)
    assert "the 'text' field is missing: the title is read as the text" in articles[0].meta["warning"]


def test_a_records_empty_text_field_beside_its_body_under_another_name_reads_the_body(tmp_path):
    """Hunt 25 A (16): a scraper with several extractors writes {"text": null, "content": "…"}: the record's text was
    its title alone ("the 'text' field is missing: the title is read as the text"), its body unread. The body under
    another of the text's names is read, with a warning; a lead beside an empty text is read as before."""
    rows = [{"id": "a", "title": "Hội nghị", "text": None, "content": TEXT},
            {"id": "b", "title": "Gặp mặt", "text": "", "Nội dung": TEXT2},
            {"id": "c", "title": "Giao ban", "text": "", "description": TEXT}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                                      encoding="utf-8")
    a, b, c = read(tmp_path / "a.jsonl")
    assert (a.text, b.text, c.text) == (TEXT, TEXT2, TEXT)
    assert "the 'text' field is missing: 'content' is read as the text" in a.meta["warning"]
    assert "'Nội dung' is read as the text" in b.meta["warning"] and "lead" in c.meta["warning"]


def test_a_text_of_marks_alone_is_read_from_its_title_and_without_one_the_error_says_what_it_held(tmp_path):
    """Hunt 21 A (2): a text of "..." under a headline was "no text in the article", though an empty text under the
    same headline is read from it; the error named no cause for a text that held marks."""
    rows = [{"id": "p1", "title": "Hội nghị sơ kết công tác dân vận", "text": "..."},
            {"id": "p2", "text": "— — —\n* * *"}, {"id": "p3", "text": "  "}]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    p1, p2, p3 = read(path)
    assert (p1.error, p1.text, p1.title) == (None, "Hội nghị sơ kết công tác dân vận", "Hội nghị sơ kết công tác dân vận")
    assert "the text holds no words once its page furniture is dropped ('...'): the title is read as the text" \
        in p1.meta["warning"]
    assert p2.error == (f"{path}:2: no text in the article: the text holds no words once its page furniture is dropped "
                        "('— — — * * *'), and it has no title to read instead")
    assert p3.error.startswith(f"{path}:3: no 'text' field with text (it is empty)")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_table_under_a_title_line_is_read_from_the_row_that_names_the_text_field(tmp_path, suffix):
    """A banner (merged A1:D1 in a workbook) and a blank row above the header: the header is the first row
    that names the text field, the rows above it are no articles (trial 6, 03)."""
    rows = [["DANH SÁCH BÀI BÁO - TỈNH X", None, None], [None, None, None], ["id", "title", "lead"],
            ["r1", "Tổng kết năm 2022", TEXT], ["r2", "Gặp mặt", TEXT2]]
    path = tmp_path / f"book{suffix}"
    if suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.active.merge_cells("A1:C1")
        book.save(path)
    else:
        path.write_text("\n".join(";".join(cell or "" for cell in row) for row in rows), encoding="utf-8")
    articles = read(path, fields=FieldNames(text="lead"))
    assert [(a.id, a.title, a.error) for a in articles] == [("r1", "Tổng kết năm 2022", None), ("r2", "Gặp mặt", None)]


def test_merged_cells_of_a_workbook_read_as_their_top_left_value(tmp_path):
    """A label column merged over each run of rows with that label, in articles and in a labels file
    (trial 6, 04)."""
    from openpyxl import Workbook

    from dvtopics.io.labels import read_labels

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "text", "label"])
    for n, text in enumerate([TEXT, TEXT2, TEXT, TEXT2], start=1):
        sheet.append([f"r{n}", text, "annual_review" if n == 1 else "other" if n == 2 else None])
    sheet.merge_cells("C3:C5")
    book.save(tmp_path / "labelled.xlsx")
    assert [a.label for a in read(tmp_path / "labelled.xlsx")] == ["annual_review", "other", "other", "other"]
    assert read_labels(tmp_path / "labelled.xlsx") == {"r1": "annual_review", "r2": "other", "r3": "other",
                                                       "r4": "other"}


@pytest.mark.parametrize("option, name", [("--label-field", "Loai bai"), ("--text-field", "text"),
                                          ("--title-field", "Tieu de")])
def test_a_field_option_that_names_no_column_is_one_line_naming_the_columns(tmp_path, caplog, option, name):
    """A label field typed without its diacritics, or --text-field forgotten: one line that names the field and
    the columns there are, not a line a row (trial 6, 08); the table is one error record, and the other
    inputs are read all the same (the regression hunt: one such table stopped the whole run). A label column
    is what the run is for (trial 9, B 01: `report` lost the whole table to it, exit 1): its absence stops every
    command, train and report as evaluate, with that one line and exit 2."""
    from click.testing import CliRunner

    from dvtopics.cli import cli

    path = tmp_path / "mine.csv"
    rows = "".join(f"r{n},Tổng kết năm 2022,\"{TEXT}\",annual_review\n" for n in range(5))
    path.write_text(f"id,title,Phần mở,Loại bài\n{rows}", encoding="utf-8")  # (no name of the text's)
    given = {"--text-field": "Phần mở", option: name}
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(path), *sum(given.items(), ())])
    meant = " (did you mean 'Loại bài'?)" if name == "Loai bai" else ""  # typed without its tone marks (hunt 21 A)
    said = f"{path}: no '{name}' column ({option}){meant}; its columns are 'id', 'title', 'Phần mở', 'Loại bài'"
    if option == "--label-field":
        for command in (["evaluate", "shipped"], ["train", "--out", str(tmp_path / "m")],
                        ["report", "--no-topics", "--out", str(tmp_path / "r.html")]):
            result = CliRunner().invoke(cli, [*command, str(path), *sum(given.items(), ())])
            assert result.exit_code == 2 and result.output == f"Error: {said}\n", (command, result.output)
        assert not (tmp_path / "r.html").exists() and not (tmp_path / "m").exists()
        return
    assert result.exit_code == 2 and caplog.text.count(said) == 1 and "r3" not in caplog.text
    if option != "--text-field":
        return
    good, out = tmp_path / "good.csv", tmp_path / "labels.csv"
    good.write_text(f"id,title,text\ng1,Tổng kết năm 2022,\"{TEXT}\"\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", str(good), str(path), "--out", str(out)])
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert result.exit_code == 1 and [row["id"] for row in rows] == ["g1", "mine.csv"]
    assert rows[0]["label"] and said in rows[1]["error"]


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl"])
def test_max_bytes_counts_the_same_bytes_in_every_format(tmp_path, suffix):
    """Trial 6: a CSV cell was measured in characters, a JSONL line in bytes (Vietnamese letters are 2-3)."""
    text = "Hội nghị tổng kết công tác dân vận. " * 30  # 1,080 characters, about 1,500 bytes of UTF-8
    path = tmp_path / f"a{suffix}"
    if suffix == ".csv":
        path.write_text("id,text\n1," + text + "\n", encoding="utf-8")
    else:
        record = json.dumps({"id": "1", "text": text}, ensure_ascii=False)
        path.write_text(f"[{record}]" if suffix == ".json" else record + "\n", encoding="utf-8")
    [article] = read(path, max_bytes=1200)
    assert article.error and "article limit" in article.error
    [article] = read(path, max_bytes=2000)
    assert not article.error


# ------------------------------------------------------------------ the header search, held in (regression hunt)

def test_a_data_cell_that_says_text_is_no_header(tmp_path):
    """A table whose header lacks the text column stays one error naming its columns; a data row with a cell
    "text" (a format column) was taken as the header and its values labelled."""
    (tmp_path / "a.csv").write_text("id,title,article_body,format\n1,Hội nghị,Bài một,video\n2,Tổng kết,Bài hai,text\n"
                                    "3,Giao ban,Bài ba,text\n", encoding="utf-8")
    (table,) = read(tmp_path / "a.csv")
    assert "no 'text' column" in table.error and "'article_body'" in table.error


def test_a_notes_sheet_that_names_the_fields_is_not_read_as_articles(tmp_path):
    path = workbook(tmp_path / "a.xlsx", {
        "Data": table_at(1, 1, ARTICLES),
        "Notes": table_at(1, 1, [["field", "meaning"], ["id", "the article's id"], ["text", "the article's text"]])})
    assert [(a.id, a.error) for a in read(path)] == [("1", None), ("2", None)]


def test_a_header_cell_merged_across_columns_names_one_column(tmp_path):
    """Merged cells fill down (a label over a run of rows), not across: "text" merged over C1:E1 named the
    empty column E, and every article was read from its title alone."""
    from openpyxl import Workbook

    from dvtopics.io.labels import read_labels

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "title", "text", None, None, "label"])
    sheet.append(["r1", "Tổng kết", TEXT, None, None, "other"])
    sheet.merge_cells("C1:E1")
    sheet.merge_cells("F1:G1")
    book.save(tmp_path / "a.xlsx")
    [article] = read(tmp_path / "a.xlsx")
    assert article.text == TEXT and not article.meta.get("warning")
    assert read_labels(tmp_path / "a.xlsx") == {"r1": "other"}


def test_a_banner_above_the_header_is_passed_over_but_a_broken_row_is_not(tmp_path):
    path = workbook(tmp_path / "a.xlsx", {"Sheet": {(1, 1): "DANH SÁCH BÀI BÁO", **table_at(3, 1, ARTICLES)}})
    assert [a.id for a in read(path)] == ["1", "2"]
    (tmp_path / "a.csv").write_text('"broken\nid,title,text\n1,Tổng kết,Bài một\n', encoding="utf-8")
    assert any(a.error for a in read(tmp_path / "a.csv"))  # the broken row is said, not dropped unseen


def test_a_header_under_notes_or_a_title_with_commas_is_found_and_nothing_else_is(tmp_path, caplog):
    """The third hunt: a notes row of several cells or a title with a comma above the header made the table
    one error; a one-column table's data cell "text", or a list of field names, was taken for a header; a
    title, a broken row and the header lost the broken row."""
    table = "id,title,text\n1,Tổng kết,Bài một\n"
    for above in ("Nguồn:,VnExpress\n", "Danh sách bài, năm 2017\n", "Báo cáo,,,\n\nGhi chú,x,y\n"):
        (tmp_path / "a.csv").write_text(above + table, encoding="utf-8")
        assert [(a.id, a.error) for a in read(tmp_path / "a.csv")] == [("1", None)], above
    assert "above the table's header not read" in caplog.text
    (tmp_path / "b.csv").write_text("cot_mot\nBài một\ntext\nBài hai\n", encoding="utf-8")
    (only,) = read(tmp_path / "b.csv")
    assert "no 'text' column" in only.error
    (tmp_path / "c.csv").write_text('Danh sách\n"broken\n' + table, encoding="utf-8")
    assert any(a.error and "broken" in a.error for a in read(tmp_path / "c.csv"))
    path = workbook(tmp_path / "n.xlsx", {"Data": table_at(1, 1, ARTICLES),
                                          "Notes": table_at(1, 1, [["Các cột:"], ["id"], ["title"], ["text"]])})
    assert [(a.id, a.error) for a in read(path)] == [("1", None), ("2", None)]


def test_a_header_merged_down_over_two_rows_makes_no_article(tmp_path):
    from openpyxl import Workbook

    from dvtopics.io.labels import read_labels

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "text", "label"])
    sheet.append([None, None, None])
    sheet.append(["r1", TEXT, "other"])
    for column in "ABC":
        sheet.merge_cells(f"{column}1:{column}2")
    book.save(tmp_path / "a.xlsx")
    assert [(a.id, a.text) for a in read(tmp_path / "a.xlsx")] == [("r1", TEXT)]
    assert read_labels(tmp_path / "a.xlsx") == {"r1": "other"}


# ------------------------------------------------------------------ trial 8: a Windows office user's files


def test_a_source_field_is_spelt_as_the_text_is_whoever_wrote_it(tmp_path):
    """A source written by Windows-1258 (a tone mark apart from its letter), typed on a Mac (NFD) or with the
    old tone placement is the source the text would name: one newspaper is one source (trial 8, 03)."""
    import unicodedata

    (tmp_path / "win.csv").write_bytes(cp1258(f"id;source;text\r\nw;Báo Quảng Ngãi;{TEXT}\r\n"))
    records = [{"id": "mac", "source": unicodedata.normalize("NFD", "Báo Quảng Ngãi"), "text": TEXT},
               {"id": "old", "source": " Báo Hoà Bình ", "title": unicodedata.normalize("NFD", "Tổng kết"),
                "date": unicodedata.normalize("NFD", "ngày 5 tháng 1 năm 2023"), "text": TEXT}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                      encoding="utf-8")
    win, mac, old = read([tmp_path / "win.csv", tmp_path / "a.jsonl"])
    assert win.source == mac.source == "Báo Quảng Ngãi"
    assert (old.source, old.title, old.date) == ("Báo Hòa Bình", "Tổng kết", "2023-01-05")


OLE2, ZIP = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), b"PK\x03\x04" + bytes(64)  # as such files start
DOCUMENTS = {  # name: (its bytes, what the error says it is, what to save it as)
    "Công văn.doc": (OLE2, "a Word 97-2003 document", "Word Document (.docx) or Plain Text (.txt, UTF-8)"),
    "Công văn.rtf": (rb"{\rtf1\ansi\ansicpg1258 H\u7897\'3fi ngh\u7883\'3f}", "a Rich Text Format (RTF) document",
                     "Word Document (.docx) or Plain Text (.txt, UTF-8)"),
    "Ghi chú.pages": (ZIP, "a Pages document", "Word Document (.docx) or Plain Text (.txt, UTF-8)"),
    "Quyết định.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document", "Plain Text (.txt, UTF-8)"),
    "Danh sách.xls": (OLE2, "an Excel 97-2003 workbook", ".xlsx or CSV UTF-8"),
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_an_office_document_given_by_mistake_is_one_error_that_says_what_to_save_it_as(tmp_path, caplog, name):
    """Trial 8, 04 and 05: an .rtf was labelled as an article of RTF code, a .docx was told to be decompressed.
    Given by its name, each is one error naming what it is and what to save it as, the article beside it is
    read; in a folder, the note on it gives the same advice."""
    data, what, save_as = DOCUMENTS[name]
    (tmp_path / name).write_bytes(data)
    (tmp_path / "bai.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    document, article = read([tmp_path / name, tmp_path / "bai.txt"])
    assert document.error.startswith(f"{tmp_path / name}: {what}") and f"save it as {save_as}" in document.error
    assert "decompress" not in document.error and not article.error
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read(tmp_path)] == ["bai"]
    assert f"1 {name[name.rindex('.'):]} file not read (e.g. '{name}'): {what}" in caplog.text
    assert f"save it as {save_as}" in caplog.text


def test_a_database_dump_given_by_mistake_is_one_error_that_says_to_export_its_table(tmp_path):
    """Hunt 26 A (8): a site's SQL dump ("INSERT INTO `wp_posts` VALUES …") given as input was one article of SQL,
    labelled and counted, exit code 0. It is one error that says to export the table as CSV or JSON."""
    (tmp_path / "wp.sql").write_text(f"INSERT INTO `wp_posts` VALUES (1,'2016-01-06','<p>{TEXT}</p>','publish');\n",
                                     encoding="utf-8")
    (dump,) = read(tmp_path / "wp.sql")
    assert dump.error.startswith(f"{tmp_path / 'wp.sql'}: a database dump (SQL)") and "as CSV" in dump.error


def test_a_table_of_articles_in_a_folder_is_named_whatever_its_encoding(tmp_path, caplog):
    """A folder reads its .txt files only; a table beside them that names the text field gets a note, one that
    never names it (a labels file) none. A UTF-16 or Windows-1258 table was passed over in silence, its
    articles lost unseen: the look at its header read its bytes as UTF-8 (trial 8, 02)."""
    (tmp_path / "bai.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    (tmp_path / "unicode.csv").write_bytes("id\ttitle\tNội dung\r\n1\tTổng kết\tBài một\r\n".encode("utf-16"))
    (tmp_path / "windows.csv").write_bytes(cp1258("Mã;Tiêu đề;Nội dung\r\n2;Gặp mặt;Bài hai\r\n"))
    (tmp_path / "labels.csv").write_bytes("id,label\r\nbai,other\r\n".encode("utf-16"))
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read(tmp_path, fields=FieldNames(text="Nội dung"))] == ["bai"]
    assert "2 .csv files not read (e.g. 'unicode.csv')" in caplog.text


def test_a_sheet_saved_as_tab_separated_text_is_read_as_a_table(tmp_path, caplog):
    """Excel saves a sheet as "Unicode Text" (UTF-16, tabs, CRLF) or "Text (Tab delimited)" (Windows-1258) in a
    .txt: it was read as one article of all the rows, silently (trial 8, 01). A .txt whose first line is a
    tab-separated header naming the text field is a table, with a warning; a .tsv is a table by its name."""
    rows = f"id\ttitle\tdate\ttext\r\n1\tTổng kết\t05/01/2023\t{TEXT}\r\n2\tGặp mặt\t08/03/2023\t\"{TEXT2}\"\r\n"
    (tmp_path / "unicode.txt").write_bytes(rows.encode("utf-16"))
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "tab delimited.txt").write_bytes(cp1258(rows.replace("text", "Nội dung", 1)))
    (tmp_path / "b.tsv").write_text(rows, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        unicode = read(tmp_path / "unicode.txt")
    assert [(a.id, a.title, a.date, a.text) for a in unicode] == [("1", "Tổng kết", "2023-01-05", TEXT),
                                                                  ("2", "Gặp mặt", "2023-03-08", TEXT2)]
    assert caplog.text.count("read as a table") == 1 and "tab-separated header" in caplog.text
    assert [a.text for a in read(tmp_path / "folder", fields=FieldNames(text="Nội dung"))] == [TEXT, TEXT2]
    assert [a.text for a in read(tmp_path / "b.tsv")] == [TEXT, TEXT2]


def test_a_sheet_saved_as_tab_separated_text_under_its_title_is_read_as_a_table(tmp_path, caplog):
    """Hunt 27 A (10): a sheet whose title row stands over its header ("DANH SÁCH BÀI VIẾT", then an empty row), saved
    as "Unicode Text", was one article titled "DANH SÁCH BÀI VIẾT" of all its rows, silently, where the same sheet
    as .csv or .xlsx is a table. Its title rows (one cell filled, tabs for the others) are passed over, as a CSV's
    are; a title with a tab in it over an article stays an article."""
    rows = (f"DANH SÁCH BÀI VIẾT THÁNG 1\t\t\t\r\n\t\t\t\r\nMã\tTiêu đề\tNgày đăng\tNội dung\r\n"
            f"1\tTổng kết\t05/01/2023\t{TEXT}\r\n2\tGặp mặt\t08/03/2023\t{TEXT2}\r\n")
    (tmp_path / "unicode.txt").write_bytes(rows.encode("utf-16"))
    with caplog.at_level(logging.WARNING):
        articles = read(tmp_path / "unicode.txt")
    assert [(a.id, a.title, a.date, a.text) for a in articles] == [("1", "Tổng kết", "2023-01-05", TEXT),
                                                                   ("2", "Gặp mặt", "2023-03-08", TEXT2)]
    assert "read as a table" in caplog.text and "1 row above the table's header not read" in caplog.text
    (tmp_path / "article.txt").write_text(f"Hội nghị tổng kết\t\n{TEXT}\nNội dung\tghi chú\n", encoding="utf-8")
    [article] = read(tmp_path / "article.txt")
    assert article.title == "Hội nghị tổng kết" and article.error is None


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_table_split_by_commas_or_semicolons_saved_as_txt_is_read_as_a_table(tmp_path, caplog, delimiter):
    """A CSV saved or renamed as .txt was one article titled "id,title,text", every row's text run together and
    labelled once, exit 0 and nothing said (hunt 18 A, 9). A header of short names that names the text field
    and another field is a table, with a warning, in a folder too."""
    rows = delimiter.join(["id", "title", "text"]) + "\n" + "".join(
        delimiter.join([str(n), title, text.replace(",", "")]) + "\n"
        for n, title, text in ((1, "Tổng kết", TEXT), (2, "Gặp mặt", TEXT2)))
    (tmp_path / "export.txt").write_text(rows, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = read(tmp_path)
    assert [(a.id, a.title, a.error) for a in articles] == [("1", "Tổng kết", None), ("2", "Gặp mặt", None)]
    assert f"a header split by {delimiter!r}" in caplog.text


@pytest.mark.parametrize("header, row", [(",id,title,text", ",{}"), ("id,title,text,", "{},")])
def test_a_table_saved_as_txt_whose_header_has_a_blank_cell_is_read_as_a_table(tmp_path, header, row):
    """A CSV saved as .txt by pandas (its index column unnamed: ",id,title,text") or with a trailing comma
    ("id,title,text,") was one article titled by its header: a blank header cell failed the check that every
    cell is a short name (hunt 19 A, 1). The same file as .csv was read as a table."""
    rows = [row.format(f"{n},{title},{text.replace(',', '')}") for n, title, text in
            ((1, "Tổng kết", TEXT), (2, "Gặp mặt", TEXT2))]
    rows = [f"{n}{line}" if header.startswith(",") else line for n, line in enumerate(rows)]
    (tmp_path / "export.txt").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    assert [(a.id, a.title, a.error) for a in read(tmp_path / "export.txt")] == [("1", "Tổng kết", None),
                                                                                ("2", "Gặp mặt", None)]


def test_a_txt_table_with_vietnamese_headers_needs_only_the_text_fields_name_and_else_says_it_looks_like_one(
        tmp_path, caplog):
    """Hunt 21 A (4): "Tiêu đề,Nội dung,Ngày" over its rows, saved as .txt: with --text-field "Nội dung" (all the
    same file as .csv needs) it was still one article titled by its header, since no other field it names was
    looked for; without the option, one article and nothing said. Rows that split into the header's columns
    confirm a header that names the text field alone; a header-like line naming none gets a warning."""
    rows = [("Tổng kết năm", TEXT, "05/01/2023"), ("Gặp mặt", TEXT2, "08/03/2023")]
    body = "".join(",".join(f'"{cell}"' for cell in row) + "\n" for row in rows)
    (tmp_path / "export.txt").write_text(f"Tiêu đề,Nội dung,Ngày\n{body}", encoding="utf-8")
    articles = read(tmp_path / "export.txt", fields=FieldNames(text="Nội dung"))
    assert [(a.text, a.error) for a in articles] == [(TEXT, None), (TEXT2, None)]
    assert not caplog.text.count("reads as a table's header")
    # "Nội dung" is the text's column by itself now (hunt 22 A); a column of another name is not
    assert [a.text for a in read(tmp_path / "export.txt")] == [TEXT, TEXT2]
    # ("Tóm tắt", a lead's name, is the text's column of a table without a body: hunt 23 D)
    (tmp_path / "export.txt").write_text(f"Tiêu đề,Trích đoạn,Ngày\n{body}", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        [article] = read(tmp_path / "export.txt")
    assert article.title == "Tiêu đề,Trích đoạn,Ngày"
    assert ("export.txt: its first line reads as a table's header ('Tiêu đề', 'Trích đoạn', 'Ngày') but names no "
            "'text' field: read as one article; if it is a table, name the column of the text with "
            "fields['text'] (--text-field)") in caplog.text
    # an article whose title has a comma, the same title again over its lead, is no table and gets no warning
    caplog.clear()
    (tmp_path / "article.txt").write_text(f"Sơ kết, tổng kết\nSơ kết, tổng kết\n{TEXT}\nNăm qua, các chi bộ, tổ dân "
                                          "phố đã vận động nhân dân làm đường.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        [article] = read(tmp_path / "article.txt")
    assert article.title == "Sơ kết, tổng kết" and "header" not in caplog.text


def test_a_table_saved_as_txt_under_excels_sep_line_is_read_as_a_table(tmp_path):
    """A CSV with Excel's "sep=;" first line, saved or renamed as .txt, was one article titled "sep=;" (hunt 19 A,
    7): the header looked for was the first line. As a .csv it is read as a table, and so it is now."""
    rows = "".join(f"{n};{title};{text}\n" for n, title, text in ((1, "Tổng kết", TEXT), (2, "Gặp mặt", TEXT2)))
    (tmp_path / "export.txt").write_text(f"sep=;\nid;title;text\n{rows}", encoding="utf-8")
    assert [(a.id, a.title, a.error) for a in read(tmp_path / "export.txt")] == [("1", "Tổng kết", None),
                                                                                ("2", "Gặp mặt", None)]
    (tmp_path / "note.txt").write_text(f"sep=;\n{TEXT}\n", encoding="utf-8")  # no header below: an article
    assert [(a.id, a.error) for a in read(tmp_path / "note.txt")] == [("note", None)]


@pytest.mark.parametrize("article", [
    f"Hội nghị tổng kết\t2022\n{TEXT}",  # a tab in the title
    f"\tHội nghị tổng kết\n\t{TEXT}\n\t{TEXT2}",  # indented paragraphs
    f"Hội nghị tổng kết\n{TEXT}\nid\ttitle\ttext\n1\t2\t3\n",  # a table pasted below the title
    f"Text\n{TEXT}",  # a first line that names the field, with no tab
    f"Sơ kết, tổng kết, giao ban: những điểm mới\n{TEXT}",  # a title with commas
    f"Text, ảnh: Minh Anh\n{TEXT}",  # a credit line naming the field and nothing else
])
def test_an_article_with_tabs_stays_an_article(tmp_path, caplog, article):
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        (read_back,) = read(tmp_path / "a.txt")
    assert read_back.id == "a" and not read_back.error and "table" not in caplog.text


def test_text_saved_in_a_western_code_page_is_said_to_be_damaged_and_keeps_the_letters_it_has(tmp_path):
    """A CSV saved by Excel on a Windows set to a Western language (Windows-1252, "?" for each letter it has no
    place for) got the warning of a good Windows-1258 file, and its "ò", "Ý", "ã" were read as cp1258's tone
    marks and "Ư", "ă" (trial 8, 06). It is read, as Windows-1252, with a warning of its own."""
    title = "Thần Tài: vòng vàng và QUÝ NHÂN đã đến"
    table = f'id,title,text\r\n1,{title},"{TEXT} {TEXT2}"\r\n'
    (tmp_path / "western.csv").write_bytes(table.encode("cp1252", errors="replace"))
    (tmp_path / "vietnamese.csv").write_bytes(cp1258(table))
    (tmp_path / "links.csv").write_bytes(cp1258("id,url,text\r\n" + "".join(
        f'{n},https://baodientu.vn/index.php?id={n}&lang=vi,"{TEXT}"\r\n' for n in range(5))))
    western, vietnamese, *links = read([tmp_path / "western.csv", tmp_path / "vietnamese.csv",
                                        tmp_path / "links.csv"])
    assert western.title == "Th?n Tài: vòng vàng và QUÝ NHÂN ?ã ??n"
    assert western.meta["warning"].startswith("damaged text: saved in a Western code page (Windows-1252)")
    assert "'Th?n'" in western.meta["warning"] and "as UTF-8" in western.meta["warning"]
    assert vietnamese.title == title and [link.text for link in links] == [TEXT] * 5
    for good in (vietnamese, *links):
        assert good.meta["warning"].startswith("not valid UTF-8: read as Windows-1258")


def test_text_saved_on_an_old_mac_is_read_in_its_own_western_code_page(tmp_path):
    """Hunt 26 A (4): a CSV saved by Excel on an old Mac (Mac OS Roman, its lines ended by CR) was read as Windows-1252:
    "công tác dân" came out "c™ng t‡c d‰n", and the warning named the wrong code page. It is read as Mac OS Roman."""
    title = "Thần Tài: vòng vàng và QUÝ NHÂN đã đến công tác dân vận"
    (tmp_path / "mac.csv").write_bytes(f'id,title,text\r1,{title},"{TEXT} {TEXT2}"\r'.encode("mac_roman", "replace"))
    (mac,) = read(tmp_path / "mac.csv")
    assert mac.title == "Th?n Tài: vòng vàng và QU? NHÂN ?ã ??n công tác dân v?n"  # (a Mac has no "Ý")
    assert mac.meta["warning"].startswith("damaged text: saved in a Western code page (Mac OS Roman)")


def test_links_with_query_strings_are_no_sign_of_a_western_code_page(tmp_path):
    """A short Windows-1258 article that points to three pages ("index.php?option=…") was read as Windows-1252
    damage, every tone mark garbled: a "?" inside a link is no lost letter (regression hunt H1, 03)."""
    title = "Huyện ủy sơ kết công tác dân vận 6 tháng đầu năm"
    links = "".join(f"Xem chi tiết tại http://yenlap.phutho.gov.vn/index.php?option=com_content&id={n}\n"
                    for n in range(3))
    (tmp_path / "a.txt").write_bytes(cp1258(f"{title}\n{TEXT}\n{links}"))
    article, = read([tmp_path / "a.txt"])
    assert article.title == title
    assert article.meta["warning"].startswith("not valid UTF-8: read as Windows-1258")


def test_a_field_option_naming_the_texts_column_is_refused_unless_left_at_its_default(tmp_path):
    from click.testing import CliRunner

    from dvtopics.cli import cli
    from dvtopics.errors import ArgumentError

    # --id-field text would make each article's id its whole text, --label-field its label: refused, one line
    with pytest.raises(ArgumentError, match=re.escape("fields['id'] (--id-field) 'Text': the column of the text")):
        FieldNames(id="Text")
    with pytest.raises(ArgumentError, match=re.escape("fields['label'] (--label-field) 'nội dung' and fields['title'] "
                                                      "(--title-field) 'nội dung'")):
        FieldNames(text="nội dung", label="nội dung", title="nội dung")
    path = tmp_path / "a.csv"
    path.write_text("id,title,text\n1,Hội nghị sơ kết 6 tháng,Nội dung bài\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(path), "--id-field", "text"])
    assert result.exit_code == 2 and result.output.strip().splitlines()[-1].startswith("Error: --id-field 'text'")
    # a headline file labelled by its titles: the title field, at its default, may be the text's column
    [article] = read_articles([path], fields=FieldNames(text="title"))
    assert article.text == "Hội nghị sơ kết 6 tháng" and article.id == "1"


@pytest.mark.parametrize("options", [{"title": None}, {"id": 5}, {"text": ""}, {"source": "  "}])
def test_a_field_name_that_is_not_text_is_refused_as_an_argument(options):
    """A library call with a field name that is not text (`FieldNames(title=None)`) failed with an
    AttributeError from the check of fields sharing the text's column, and an empty text field was taken (every
    file then had "no '' field"); the CLI's options refuse an empty name (hunt 19 A, 4)."""
    from dvtopics.errors import ArgumentError

    with pytest.raises(ArgumentError, match="give the name of a field, as text"):
        FieldNames(**options)


def test_nan_in_json_lines_is_a_value_left_out_not_the_text_nan(tmp_path):
    """Hunt 20 A (10): JSON lines written by json.dumps from pandas rows hold NaN for an empty cell. It was read as
    "nan": a title, a source, a label (a class of its own) and an id "nan"; a text NaN beside a title was an error
    where an empty text is read from its title; make_article(id, NaN) failed with "'float' object is not
    subscriptable"."""
    from dvtopics.errors import InputError
    from dvtopics.io.read import make_article

    rows = [{"id": "a1", "title": float("nan"), "source": float("nan"), "label": float("nan"), "date": float("nan"),
             "text": f"Hội nghị tổng kết\n{TEXT}"},
            {"id": float("nan"), "text": TEXT2}, {"id": "a3", "text": float("nan"), "title": "Tin ba"}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                                      encoding="utf-8")  # json.dumps writes NaN
    a1, a2, a3 = read(tmp_path / "a.jsonl")
    assert (a1.title, a1.source, a1.label, a1.date, a1.meta.get("warning")) == ("Hội nghị tổng kết", None, None,
                                                                                 None, None)
    assert a2.id == "a.jsonl:2" and (a3.error, a3.text) == (None, "Tin ba")
    # hunt 29 L: said to be an empty cell, with what to do (a notebook's comprehension over df.iterrows() stops there)
    with pytest.raises(InputError, match=re.escape("x: no text in the article (it is missing: None or NaN, a "
                                                   "DataFrame's empty cell); leave such rows out: df.dropna(")):
        make_article("x", float("nan"))
    assert make_article("y", TEXT, {"title": float("nan")}).title != "nan"


def test_an_id_of_spaces_alone_is_no_id(tmp_path):
    """Hunt 20 A (15): an id cell holding only spaces (cleared with the space bar) was the id " ", blank in every
    output and never matched by a labels file; it is no id, as an empty cell is: the article is named by its place."""
    (tmp_path / "a.csv").write_text(f'id,text\n" ",{TEXT}\n  ,{TEXT2}\n,Tin ba\n x1 ,Tin bốn\n', encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": " \t", "text": TEXT}) + "\n", encoding="utf-8")
    ids = [a.id for a in read([tmp_path / "a.csv", tmp_path / "a.jsonl"])]
    assert ids == ["a.csv:2", "a.csv:3", "a.csv:4", " x1 ", "a.jsonl:1"]  # an id with words keeps its spaces



def test_a_byte_order_mark_opening_a_row_inside_a_file_is_not_part_of_its_id_or_label(tmp_path):
    """Hunt 21 A (5): rows appended from a second "CSV UTF-8" export (`cat a.csv b-rows.csv`) open with its BOM,
    which stayed in the row's first cell: an invisible id "\\ufeffx2" that no labels file names, a label
    "\\ufeffannual_review" that is a class of its own. In a labels file too."""
    from dvtopics.io.labels import read_labels

    bom = "\ufeff"
    (tmp_path / "a.csv").write_text(f"{bom}id,label,text\nx1,other,{TEXT2.replace(',', '')}\n"
                                    f"{bom}x2,annual_review,{TEXT.replace(',', '')}\n", encoding="utf-8")
    assert [(a.id, a.label) for a in read(tmp_path / "a.csv")] == [("x1", "other"), ("x2", "annual_review")]
    (tmp_path / "labels.csv").write_text(f"{bom}label,id\nother,x1\n{bom}annual_review,x2\n", encoding="utf-8")
    assert read_labels(tmp_path / "labels.csv") == {"x1": "other", "x2": "annual_review"}


def test_a_link_to_an_article_the_folder_holds_is_not_read_twice(tmp_path, caplog):
    """Hunt 27 A (4): an article sorted into a second folder by a link (`2018/a.txt`, `hoi-nghi/a.txt` a link to it)
    was read twice from the folder above them, and counted twice. It is read once, as itself, with a warning; a link
    to an article outside the folder given is read, as before."""
    (tmp_path / "2018").mkdir()
    (tmp_path / "hoi-nghi").mkdir()
    (tmp_path / "2018" / "a.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    (tmp_path / "hoi-nghi" / "a.txt").symlink_to(tmp_path / "2018" / "a.txt")
    (tmp_path / "hoi-nghi" / "b.TXT").symlink_to(Path("..") / "2018" / "a.txt")  # (relative, as `ln -s` makes it)
    with caplog.at_level(logging.WARNING):
        assert [(a.id, a.error) for a in read(tmp_path)] == [("2018/a", None)]
    assert "2 links to .txt files in the folder not read (e.g. 'a.txt'): the file it names is read, once" in caplog.text
    assert [a.id for a in read(tmp_path / "hoi-nghi")] == ["a", "b"]


def test_version_controls_stores_and_jupyters_checkpoints_are_not_walked(tmp_path, caplog):
    """Review of hunt 27: in a git-annex folder, an article is a link to a copy under .git/annex; once links to a
    file the walk reads were passed over, the user's article went and its copy under .git was read in its place.
    Version control's stores and Jupyter's checkpoints (copies of the articles) are not walked, as __MACOSX is not."""
    store = tmp_path / ".git" / "annex" / "objects" / "ab" / "SHA256E-s10--f00.txt"
    store.mkdir(parents=True)
    (store / "SHA256E-s10--f00.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "hoi-nghi.txt").symlink_to(store / "SHA256E-s10--f00.txt")
    (tmp_path / "articles" / ".ipynb_checkpoints").mkdir()
    (tmp_path / "articles" / ".ipynb_checkpoints" / "hoi-nghi-checkpoint.txt").write_text(TEXT, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [(a.id, a.error) for a in read(tmp_path)] == [("articles/hoi-nghi", None)]
    assert not [r for r in caplog.records if r.levelno == logging.WARNING]


def test_a_broken_link_in_a_folder_says_where_it_points(tmp_path):
    """Hunt 21 A (8): a link left after its article was moved was "cannot read (No such file or directory)", though
    `ls` lists it: the error names where it points, which is what is missing; the articles beside it are read."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    (tmp_path / "in" / "b.txt").symlink_to(tmp_path / "moved" / "b.txt")
    a, b = read(tmp_path / "in")
    assert (a.id, a.error) == ("a", None)
    assert b.error == f"{tmp_path / 'in' / 'b.txt'}: a link to {tmp_path / 'moved' / 'b.txt'}, which is not there"


def test_a_json_file_where_no_record_has_a_field_an_option_named_says_so_and_reads_on(tmp_path, monkeypatch, caplog):
    """Hunt 27 A (2): `--date-field ngay` (or `meta.date`, a field inside an object) on JSON lines none of whose
    records has it gave every article no date, silently. A warning names it (a table without the column is one
    error); the file is read all the same (the review of hunt 27: a JSON record leaves an empty field out, and a
    field only the records after the first 100 have was the whole file's error). --label-field is not looked for."""
    import dvtopics.io.read_json as reading

    rows = [{"id": f"a{i}", "text": TEXT, "Ngày": "5/1/2023", "meta": {"date": "5/1/2023"}} for i in range(3)]
    jsonl, array = tmp_path / "a.jsonl", tmp_path / "a.json"
    jsonl.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    array.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    for path in (jsonl, array):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            articles = read(path, fields=FieldNames(date="ngay", source="meta.source"))
        assert [(a.id, a.error, a.date) for a in articles] == [(f"a{i}", None, None) for i in range(3)]
        assert (f"{path}: no 'ngay' field (fields['date'] (--date-field)) (did you mean 'Ngày'?); no 'meta.source' "
                "field (fields['source'] (--source-field)) in any of its records; their fields are 'id', 'text', "
                "'Ngày', 'meta': read without it") in caplog.text
        assert [a.date for a in read(path, fields=FieldNames(date="Ngày"))] == ["2023-01-05"] * 3
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert [a.error for a in read(jsonl, fields=FieldNames(label="nhan"))] == [None] * 3
    assert "nhan" not in caplog.text  # (the labels file's, too)
    monkeypatch.setattr(reading, "TEXT_FIELD_RECORDS", 2)
    rows[2]["nguon"] = "Báo Đắk Lắk"  # only past the records looked at: said, and read where it is
    jsonl.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [a.source for a in read(jsonl, fields=FieldNames(source="nguon"))] == [None, None, "Báo Đắk Lắk"]
    assert ("no 'nguon' field (fields['source'] (--source-field)) in its first 2 records; their fields are 'id', "
            "'text', 'Ngày', 'meta': read all the same, each later record with it giving it") in caplog.text
    caplog.clear()  # five files without the field: said once, with a count (the review of hunt 28)
    for i in range(5):
        (tmp_path / f"m{i}.jsonl").write_text(json.dumps(rows[1], ensure_ascii=False) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        read(sorted(tmp_path.glob("m*.jsonl")), fields=FieldNames(date="ngay"))
    assert caplog.text.count("no 'ngay' field") == 2 and "and 4 more (5 in all" in caplog.text
    rows.insert(0, rows.pop())  # in the first record: read, and the records without it too
    jsonl.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    assert [a.source for a in read(jsonl, fields=FieldNames(source="nguon"))] == ["Báo Đắk Lắk", None, None]


def test_a_field_inside_an_object_is_named_by_the_keys_that_lead_to_it(tmp_path):
    """Hunt 27 A (7): records that keep their date and source in an object ({"text": …, "meta": {"date": …}}, as
    scrapers and APIs nest them) could not be read with them: `--date-field meta.date` reaches inside, its keys
    matched as a field's name is (case, spaces); a record without it has none, as a record without a field has."""
    rows = [{"id": "a1", "text": TEXT, "meta": {"Date": "5/1/2023", "source": {"name": "Báo Đắk Lắk"}}},
            {"id": "a2", "text": TEXT2, "meta": None}]
    for path in (tmp_path / "a.jsonl", tmp_path / "a.json"):
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows) if path.suffix == ".jsonl"
                        else json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        articles = read(path, fields=FieldNames(date="meta.date", source="meta.source.name"))
        assert [(a.id, a.date, a.source, a.error) for a in articles] == [
            ("a1", "2023-01-05", "Báo Đắk Lắk", None), ("a2", None, None, None)]
    # its dates are read in the order they all show, as a field's are: 3/25/2024 is month first, so 3/4/2024 is 4 March
    rows = [{"id": f"b{i}", "text": TEXT, "meta": {"date": date}} for i, date in enumerate(["3/4/2024", "3/25/2024"])]
    for path in (tmp_path / "b.jsonl", tmp_path / "b.json"):
        path.write_text("".join(json.dumps(row) + "\n" for row in rows) if path.suffix == ".jsonl"
                        else json.dumps(rows), encoding="utf-8")
        assert [a.date for a in read(path, fields=FieldNames(date="meta.date"))] == ["2024-03-04", "2024-03-25"]


def test_a_field_typed_without_its_tone_marks_is_refused_naming_the_column_meant(tmp_path):
    """Hunt 21 A (13): `--text-field "Noi dung"` for the column "Nội dung" (a keyboard without Vietnamese input)
    listed the columns but pointed at none; the error now names the one meant. It is never matched silently."""
    (tmp_path / "a.csv").write_text(f'Tiêu đề,Nội dung\nSơ kết,"{TEXT}"\n', encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"Nội dung": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    [table] = read(tmp_path / "a.csv", fields=FieldNames(text="Noi dung", title="tieu de"))
    assert table.error == (f"{tmp_path / 'a.csv'}: no 'Noi dung' column (fields['text'] (--text-field)) (did you "
                           "mean 'Nội dung'?); no 'tieu de' column (fields['title'] (--title-field)) (did you mean "
                           "'Tiêu đề'?); its columns are 'Tiêu đề', 'Nội dung'")
    [lines] = read(tmp_path / "a.jsonl", fields=FieldNames(text="noi dung"))
    assert ("no 'noi dung' field (fields['text'] (--text-field)) in any of its records (did you mean 'Nội dung'?)"
            in lines.error)
    [plain] = read(tmp_path / "a.csv", fields=FieldNames(text="content"))
    assert "did you mean" not in plain.error


def test_a_semicolon_table_without_the_text_column_names_its_columns(tmp_path):
    """Hunt 25 A (06): a CSV saved by Excel in a Vietnamese locale (";") whose text column has a name of its own was
    refused naming one column, "its columns are 'Tiêu đề;Ngày;Nội dung bài báo'", and a name typed without its tone
    marks pointed at none: its header was split by ",". It is split by the delimiter that splits it."""
    (tmp_path / "a.csv").write_text(f'Tiêu đề;Ngày;Nội dung bài báo\nSơ kết;12/03/2019;"{TEXT}"\n', encoding="utf-8")
    [table] = read(tmp_path / "a.csv", fields=FieldNames(text="Noi dung bai bao"))
    assert table.error == (f"{tmp_path / 'a.csv'}: no 'Noi dung bai bao' column (fields['text'] (--text-field)) (did "
                           "you mean 'Nội dung bài báo'?); its columns are 'Tiêu đề', 'Ngày', 'Nội dung bài báo'")


def test_a_text_saved_as_a_list_of_paragraphs_is_read_one_a_line(tmp_path):
    """Hunt 21 (A 14): scrapers save a page's text as its paragraphs (Scrapy's .getall()); the article was lost
    as "not text". A list of texts is its paragraphs; a list with anything else in it stays an error."""
    paragraphs = ["Ngày 5/7, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm.",
                  "Đoạn hai của bài."]
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "p1", "title": "Hội nghị sơ kết", "text": paragraphs}, ensure_ascii=False)
                    + "\n" + json.dumps({"id": "p2", "text": ["một", 2]}) + "\n", encoding="utf-8")
    p1, p2 = read(path)
    assert not p1.error and p1.text == "\n".join(paragraphs)
    assert "a list of 2 texts: read as paragraphs" in p1.meta["warning"]
    assert p2.error and "it is a list" in p2.error


def test_one_gzipped_article_given_by_name_is_read(tmp_path):
    """Hunt 22 A (01): `label article.txt.gz` was "gzip-compressed data, not text: decompress it first", though a
    .jsonl.gz is read as it is. It is read decompressed, its id "article" as `article.txt`'s; a file that holds
    more than --max-bytes once decompressed, or is cut short, is one error."""
    (tmp_path / "bai.txt.gz").write_bytes(gzip.compress(f"Hội nghị tổng kết\n{TEXT}".encode("utf-8")))
    (article,) = read(tmp_path / "bai.txt.gz")
    assert (article.id, article.title, article.error) == ("bai", "Hội nghị tổng kết", None)
    assert "tổ chức hội nghị tổng kết" in article.text
    (big,) = read(tmp_path / "bai.txt.gz", max_bytes=150)  # 139 bytes compressed, over 150 decompressed
    assert "over the 150 bytes article limit once decompressed" in big.error
    whole = gzip.compress(TEXT.encode("utf-8"))
    (tmp_path / "cut.txt.gz").write_bytes(whole[:len(whole) - 12])
    (cut,) = read(tmp_path / "cut.txt.gz")
    assert cut.id == "cut" and "cut short" in cut.error and "not read" in cut.error


def test_common_vietnamese_column_names_are_found_without_options(tmp_path):
    """Hunt 22 A (02): a CSV or .xlsx headed "Mã, Tiêu đề, Nội dung, Ngày đăng, Nguồn" (a Vietnamese export) was one
    error, "no 'text' column", until each field was named with an option, while "ID, Title, Text" is found. The
    common Vietnamese names are found as the English ones are (case, NFC, tone marks and "_" aside), where no
    column has the English name; "Nội dung" wins over "Bài viết"; the header again below is still passed over."""
    from openpyxl import Workbook

    from dvtopics.io.labels import read_labels

    rows = [("b1", "Hội nghị tổng kết", TEXT, "05/01/2023", "Báo X", "Khác"),
            ("b2", "Gặp mặt đầu xuân", TEXT2, "08/03/2023", "Báo Y", "Khác")]
    header = ["Mã", "Tiêu đề", "Nội dung", "Ngày đăng", "Nguồn", "Bài viết"]
    body = "".join(",".join(f'"{cell}"' for cell in row) + "\n" for row in rows)
    (tmp_path / "vi.csv").write_text(",".join(header) + "\n" + body.replace("\nb2", "\n" + ",".join(header) + "\nb2"),
                                     encoding="utf-8")
    book = Workbook()
    for row in [["MA", "tieu_de", "NOI DUNG", "ngày"], *[row[:4] for row in rows]]:
        book.active.append(list(row))
    book.save(tmp_path / "vi.xlsx")
    for name in ("vi.csv", "vi.xlsx"):
        got = [(a.id, a.title, a.text, a.date, a.source, a.error) for a in read(tmp_path / name)]
        assert got == [("b1", "Hội nghị tổng kết", TEXT, "2023-01-05", "Báo X" if name == "vi.csv" else None, None),
                       ("b2", "Gặp mặt đầu xuân", TEXT2, "2023-03-08", "Báo Y" if name == "vi.csv" else None, None)]
    (tmp_path / "vi.jsonl").write_text(json.dumps({"mã": "j1", "nội_dung": TEXT}) + "\n", encoding="utf-8")
    assert [(a.id, a.text) for a in read(tmp_path / "vi.jsonl")] == [("j1", TEXT)]
    (tmp_path / "labels.csv").write_text("Mã,Nhãn\nb1,other\n", encoding="utf-8")
    assert read_labels(tmp_path / "labels.csv") == {"b1": "other"}
    # the English name, and a name an option gives, win over the Vietnamese one
    (tmp_path / "both.csv").write_text(f'Nội dung,text\n"not this","{TEXT}"\n', encoding="utf-8")
    assert [a.text for a in read(tmp_path / "both.csv")] == [TEXT]
    assert [a.text for a in read(tmp_path / "both.csv", fields=FieldNames(text="Nội dung"))] == ["not this"]


def test_a_json_object_that_wraps_the_articles_list_is_read_as_that_list(tmp_path, caplog):
    """Hunt 22 A (04): an API's or a scraper's export, {"data": [...articles...], "total": 2}, was one error ("no
    'text' field in any of its records; their fields are 'data', 'total'"). Its one list of objects is the
    articles, read as an array's items are, with a warning; an item that is no object is an error in its place."""
    articles = [{"id": "a1", "title": "Hội nghị tổng kết", "text": TEXT}, {"id": "a2", "text": TEXT2}, "rác"]
    (tmp_path / "api.json").write_text(json.dumps({"data": articles, "total": 3, "page": {"next": None}},
                                                  ensure_ascii=False, indent=2), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        got = read(tmp_path / "api.json")
    assert [(a.id, a.text, a.error) for a in got[:2]] == [("a1", TEXT, None), ("a2", TEXT2, None)]
    assert got[2].id == "api.json:3" and "an article (a JSON object) is expected, not text" in got[2].error
    assert "a JSON object whose 'data' holds a list of records: read as its 3 articles" in caplog.text
    (tmp_path / "one.json").write_text(json.dumps({"id": "o1", "text": TEXT, "tags": [{"name": "dân vận"}]}),
                                       encoding="utf-8")
    assert [(a.id, a.text) for a in read(tmp_path / "one.json")] == [("o1", TEXT)]  # one article stays one


@pytest.mark.parametrize("document", ["wrapped", "search", "frame", "one"])
def test_a_gzipped_json_document_on_one_line_is_read_as_the_same_json_is(tmp_path, document):
    """Hunt 36 A (2): a .json.gz is read as JSON lines unless it holds one document; an object on its only line (an
    API's {"data": [...]}, a search's hits, pandas' to_json("x.json.gz"), which gzips by the name) was one record
    without text: "no 'text' field in any of its records; their fields are 'data', 'total'". It is read as the same
    file unzipped is."""
    import gzip

    import pandas as pd

    articles = [{"id": "a1", "title": "Hội nghị tổng kết", "text": TEXT}, {"id": "a2", "text": TEXT2}]
    value = {"wrapped": {"data": articles, "total": 2},
             "search": {"took": 3, "hits": {"total": 2, "hits": [{"_id": a["id"], "_source": a} for a in articles]}},
             "frame": json.loads(pd.DataFrame(articles).to_json()), "one": articles[0]}[document]
    (tmp_path / "x.json").write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    with gzip.open(tmp_path / "x.json.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(value, ensure_ascii=False))
    plain = [(a.id, a.title, a.text, a.error) for a in read(tmp_path / "x.json")]
    assert len(plain) == (1 if document == "one" else 2) and plain[0][2] == TEXT
    assert [(a.id, a.title, a.text, a.error) for a in read(tmp_path / "x.json.gz")] == plain


def test_html_character_references_in_a_field_without_tags_are_read_as_their_characters(tmp_path, caplog):
    """Hunt 22 A (05): a CMS or API export escapes its fields for a page without any tag ("H&#7897;i ngh&#7883;",
    WordPress' rendered titles, "&amp;", "&quot;"): the text was read as it stands, its Vietnamese letters lost to
    the model (flagged "few Vietnamese diacritics"), its title printed escaped. They are read as the characters
    they stand for, in the text (with a warning) and the title and source fields; "AT&T" and "&foo;" stay."""
    escaped = "".join(char if ord(char) < 128 else f"&#{ord(char)};" for char in TEXT)
    record = {"id": "e1", "title": "H&#7897;i ngh&#7883; t&#7893;ng k&#7871;t &amp; AT&T", "source": "B&aacute;o X",
              "text": escaped + " &quot;Dân vận khéo&quot;&nbsp;&foo;"}
    (tmp_path / "cms.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        (article,) = read(tmp_path / "cms.jsonl")
    assert (article.title, article.source) == ("Hội nghị tổng kết & AT&T", "Báo X")
    assert article.text == TEXT + ' "Dân vận khéo" &foo;'
    assert "HTML character references" in article.meta["warning"] and "few Vietnamese" not in caplog.text


def test_a_workbooks_escaped_characters_are_read_as_the_characters(tmp_path):
    """Hunt 22 A (06): a workbook writes a character XML cannot hold as "_x000D_" (a CR: text pasted from Windows,
    a DataFrame of scraped text written by XlsxWriter), "_x005F_" for "_" itself; openpyxl leaves them, so each line
    of such a cell ended in "_x000D_", its title too. They are read as the characters (a CR ends no extra line)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["id", "title", "text"])
    book.active.append(["x1", "Hội nghị tổng kết_x000D_", f"{TEXT}_x000D_\n{TEXT2} _x005F_x000D_"])
    book.save(tmp_path / "scraped.xlsx")
    (article,) = read(tmp_path / "scraped.xlsx")
    assert (article.title, article.text) == ("Hội nghị tổng kết", f"{TEXT}\n{TEXT2} _x000D_")


def test_a_macro_enabled_workbook_is_read_as_a_workbook(tmp_path):
    """Hunt 22 A (07): an .xlsm (a macro-enabled workbook, as many offices keep theirs) given by name was "zip-compressed
    data, not text: decompress it first", advice that leads nowhere; an .xlsb the same. An .xlsm (and a template,
    .xltx) is read as the .xlsx it is, articles and labels alike; an .xlsb is named, with what to do."""
    from openpyxl import Workbook

    from dvtopics.io.labels import read_labels

    book = Workbook()
    book.active.append(["id", "text", "label"])
    book.active.append(["m1", TEXT, "annual_review"])
    book.save(tmp_path / "office.xlsm")
    (article,) = read(tmp_path / "office.xlsm")
    assert (article.id, article.text, article.label, article.error) == ("m1", TEXT, "annual_review", None)
    assert read_labels(tmp_path / "office.xlsm") == {"m1": "annual_review"}
    (tmp_path / "binary.xlsb").write_bytes((tmp_path / "office.xlsm").read_bytes())
    (binary,) = read(tmp_path / "binary.xlsb")
    assert "an Excel binary workbook, not plain text: save it as .xlsx or CSV UTF-8" in binary.error


def test_mongodb_exports_wrapped_dates_and_ids_are_read(tmp_path):
    """Hunt 22 A (08): `mongoexport` (where scrapers keep their articles) writes each date {"$date": "…Z"} or {"$date":
    {"$numberLong": "…"}} and each id {"$oid": "…"}: the date was "an object, not text: not used", every article
    undated. The wrapped value is read (a moment dated on Vietnam's clock), and `--id-field _id` gives the oid."""
    lines = [{"_id": {"$oid": "63b6a1f2e4b0a1b2c3d4e5f6"}, "text": TEXT, "date": {"$date": "2023-01-04T17:30:00.000Z"}},
             {"_id": {"$oid": "63b6a1f2e4b0a1b2c3d4e5f7"}, "text": TEXT2,
              "date": {"$date": {"$numberLong": "1678270200000"}}}]
    (tmp_path / "scraped.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    # review 31a (5): the same records as a .json array (`mongoexport --jsonArray`) stopped the reading with a
    # TypeError (unhashable type: 'dict'), where its dates are gathered to find their order: read alike
    (tmp_path / "scraped.json").write_text(json.dumps(lines), encoding="utf-8")
    for name in ("scraped.jsonl", "scraped.json"):
        got = [(a.id, a.date, a.meta.get("warning")) for a in read(tmp_path / name, fields=FieldNames(id="_id"))]
        assert got == [("63b6a1f2e4b0a1b2c3d4e5f6", "2023-01-05", None),
                       ("63b6a1f2e4b0a1b2c3d4e5f7", "2023-03-08", None)], name


def test_json_lines_saved_as_txt_are_read_as_json_lines(tmp_path, caplog):
    """Hunt 22 A (11): JSON lines saved as .txt (Notepad's "articles.jsonl.txt", a scraper's "out.txt") were one
    article, titled by the first record's JSON, every other record lost in it, silently. A .txt whose first line
    opens a JSON object is read as JSON lines (a pretty-printed document as a .json), with a warning; an article
    that opens with brackets ("[Video] …", "{Tin vắn}") stays an article."""
    lines = [{"id": "a1", "title": "Hội nghị tổng kết", "text": TEXT}, {"id": "a2", "text": TEXT2}]
    (tmp_path / "articles.jsonl.txt").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                                                 encoding="utf-8")
    (tmp_path / "pretty.txt").write_text(json.dumps(lines, ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "video.txt").write_text(f"[Video] Hội nghị tổng kết\n{TEXT}\n", encoding="utf-8")
    (tmp_path / "brace.txt").write_text(f"{{Tin vắn}} Gặp mặt đầu xuân\n{TEXT2}\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        got = read([tmp_path / name for name in ("articles.jsonl.txt", "pretty.txt", "video.txt", "brace.txt")])
    assert [(a.id, a.text, a.error) for a in got[:4]] == [("a1", TEXT, None), ("a2", TEXT2, None)] * 2
    assert [(a.id, a.title) for a in got[4:]] == [("video", "[Video] Hội nghị tổng kết"),
                                                 ("brace", "{Tin vắn} Gặp mặt đầu xuân")]
    assert caplog.text.count("JSON saved as text") == 2


@pytest.mark.parametrize("orient", [None, "index", "split", "table"])
def test_a_dataframe_saved_with_to_json_is_read_a_row_an_article(tmp_path, caplog, orient):
    """Hunt 22 A (12): a notebook's `df.to_json("articles.json")` writes a DataFrame by columns ({"id": {"0": "a1",
    …}, "text": {"0": …}}): it was one error, "no 'text' field with text (it is an object)"; by index or as columns
    and data rows, one error naming the wrapper's keys. Each is read a row an article, in the rows' order, with a
    warning (orient="records" and "table" were read already)."""
    import pandas as pd

    frame = pd.DataFrame({"id": ["a1", "a2"], "title": ["Hội nghị tổng kết", None], "text": [TEXT, TEXT2]})
    frame.to_json(tmp_path / "df.json", force_ascii=False, **({"orient": orient} if orient else {}))
    with caplog.at_level(logging.WARNING):
        got = read(tmp_path / "df.json")
    assert [(a.id, a.text, a.error) for a in got] == [("a1", TEXT, None), ("a2", TEXT2, None)]
    assert got[0].title == "Hội nghị tổng kết" and "read as its 2 articles" in caplog.text


def test_a_text_whose_line_ends_are_written_escaped_is_read_in_lines(tmp_path):
    """Hunt 22 A (14): a text whose line ends were written escaped, "\\n" (a JSON string saved into a CSV cell, a
    field escaped twice), was one line: no title, no dateline, "2022\\nThứ" among its words, silently. With no
    line end of its own, its "\\n" are read as line ends, with a warning; a text with line ends keeps its "\\n"."""
    text = "Hội nghị tổng kết công tác dân vận\\nThứ Năm, 05/01/2023\\r\\n" + TEXT
    with open(tmp_path / "escaped.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["id", "text"], ["s1", text], ["s2", f"Tin vắn\n{TEXT2} C:\\new"]])
    first, second = read(tmp_path / "escaped.csv")
    assert (first.title, first.date) == ("Hội nghị tổng kết công tác dân vận", "2023-01-05")
    assert "\\n" not in first.text and "line ends are written escaped" in first.meta["warning"]
    assert second.text.endswith("C:\\new") and not second.meta.get("warning")


def test_a_news_feed_saved_as_a_file_is_read_an_item_an_article(tmp_path, caplog):
    """Hunt 22 A (16): an RSS or Atom feed saved from a news site (.xml, .rss) was read as one page: one article of
    all its items, titled by the site's address. Each item is an article: its link its id, its full content (else its
    description) its text (the description beside it its lead, read first: hunt 24 A), its title and publication
    date its own."""
    rss = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
           'content/"><channel><title>Báo X</title><link>https://baox.vn</link>'
           '<item><title>Hội nghị tổng kết</title><link>https://baox.vn/a.html</link>'
           '<pubDate>Thu, 05 Jan 2023 08:30:00 +0700</pubDate><description>Tóm tắt.</description>'
           f'<content:encoded><![CDATA[<p>{TEXT}</p>]]></content:encoded></item>'
           f'<item><title>Gặp mặt</title><link>https://baox.vn/b.html</link><description>{TEXT2}</description></item>'
           '</channel></rss>')
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Báo Y</title>'
            '<entry><title>Hội nghị tổng kết</title><id>tag:baoy.vn,2023:1</id><published>2023-01-05T08:30:00+07:00'
            f'</published><summary>{TEXT}</summary></entry></feed>')
    (tmp_path / "feed.xml").write_text(rss, encoding="utf-8")
    (tmp_path / "atom.rss").write_text(atom, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        got = read([tmp_path / "feed.xml", tmp_path / "atom.rss"])
    assert [(a.id, a.title, a.date, a.text, a.error) for a in got] == [
        ("https://baox.vn/a.html", "Hội nghị tổng kết", "2023-01-05", f"Tóm tắt.\n{TEXT}", None),
        ("https://baox.vn/b.html", "Gặp mặt", None, TEXT2, None),
        ("tag:baoy.vn,2023:1", "Hội nghị tổng kết", "2023-01-05", TEXT, None)]
    assert "a news feed (RSS or Atom): each of its 2 items read as an article" in caplog.text
    (tmp_path / "broken.xml").write_text(rss[:200], encoding="utf-8")
    (broken,) = read(tmp_path / "broken.xml")
    assert "not a well-formed feed" in broken.error


def test_an_atom_entrys_xhtml_content_and_html_title_are_read_as_their_words(tmp_path):
    """Hunt 25 A (18): an Atom entry's content of type "xhtml" holds its markup as XML elements, whose own text is
    blank: the article was read from its title alone; a title of type "html" kept its markup ("Gặp <b>mặt</b>"); an
    entry whose id is a "tag:" had no source, though its link names the site."""
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Báo Y</title>'
            '<entry><title>Hội nghị tổng kết</title><id>tag:baoy.vn,2023:1</id><link href="https://baoy.vn/a-1.html"/>'
            f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{TEXT}</p><p>{TEXT2}</p></div>'
            '</content></entry><entry><title type="html">Gặp &lt;b&gt;mặt&lt;/b&gt;</title><id>tag:baoy.vn,2023:2</id>'
            f'<summary>{TEXT2}</summary></entry></feed>')
    (tmp_path / "atom.xml").write_text(atom, encoding="utf-8")
    first, second = read(tmp_path / "atom.xml")
    assert (first.title, first.text, first.source) == ("Hội nghị tổng kết", f"{TEXT}\n{TEXT2}", "baoy.vn")
    assert (second.title, second.text) == ("Gặp mặt", TEXT2)


def test_a_spreadsheet_formulas_error_is_no_text(tmp_path):
    """Hunt 22 A (17): a cell whose formula failed holds the error a spreadsheet saves as its value ("#N/A" of a
    VLOOKUP that found nothing, "#REF!"): read as the text, it was an article "#N/A", labelled and counted as any
    other, silently. Such a cell is empty, with a warning: the title is read instead, or the row is an error that
    names the value."""
    from openpyxl import Workbook

    book = Workbook()
    for row in (["id", "title", "text", "date"], ["1", "Hội nghị tổng kết", "#N/A", "#VALUE!"], ["2", None, "#REF!", None],
                ["3", "Gặp mặt", TEXT2, "08/03/2023"]):
        book.active.append(row)
    book.save(tmp_path / "lookup.xlsx")
    first, second, third = read(tmp_path / "lookup.xlsx")
    assert (first.text, first.date, first.error) == ("Hội nghị tổng kết", None, None)
    assert "the 'text' cell holds #N/A, a spreadsheet formula's error: read as empty" in first.meta["warning"]
    assert "the 'date' cell holds #VALUE!" in first.meta["warning"]
    assert "no 'text' field with text (it holds #REF!, a spreadsheet formula's error)" in second.error
    assert (third.text, third.date, third.error) == (TEXT2, "2023-03-08", None)


def test_formulas_a_program_wrote_and_no_spreadsheet_calculated_are_named(tmp_path, caplog):
    """Trial 32: a workbook whose cells a script wrote as formulas (openpyxl saves no value for them) and no
    spreadsheet opened: each article was "no 'text' field with text (it is missing)", which sent the user looking
    for a column that was there. Such a cell, in any column of any sheet, is named in a warning, and an article
    whose text is one says so and what to do. The same formulas with the values a spreadsheet saves are read."""
    import re
    import zipfile
    from openpyxl import Workbook
    from dvtopics.io.labels import read_labels

    book = Workbook()
    book.active.title = "Tin"
    for row in (["id", "title", "text"], ["a1", '="Hội nghị"', '="Sáng 5/1, Ban Dân vận " & "họp bàn công tác."'],
                ["a2", "Gặp mặt", TEXT2]):
        book.active.append(row)
    book.create_sheet("Thêm").append(["id", "title", "text"])
    book["Thêm"].append(["b1", "Tọa đàm", '=CONCATENATE("Chiều 8/3, ", "Mặt trận huyện gặp mặt.")'])
    book.save(tmp_path / "script.xlsx")
    with caplog.at_level(logging.WARNING):
        first, second, third = read(tmp_path / "script.xlsx")
    assert "the 'text' cell C2 (=\"Sáng 5/1, Ban Dân vận \" & \"họp bàn công…) holds a formula whose value was never " \
           "calculated" in first.error
    assert "open the workbook in a spreadsheet (Excel, LibreOffice) and save it there" in first.error
    assert (second.id, second.text, second.error) == ("a2", TEXT2, None)
    assert "the 'text' cell C2 (=CONCATENATE(" in third.error and third.id == "b1"
    assert "script.xlsx:Tin: 2 cells (B2, C2) hold formulas whose values were never calculated" in caplog.text
    assert "script.xlsx:Thêm: 1 cell (C2) holds a formula whose value was never calculated" in caplog.text
    # (trial 34 (c): the cause in one wording, written once, that the sheet's warning and the article's error share)
    from dvtopics.io.tables import UNCALCULATED_CAUSE
    assert f"never calculated ({UNCALCULATED_CAUSE})" in first.error
    assert f"never calculated ({UNCALCULATED_CAUSE})" in caplog.text

    # as a spreadsheet saves them: each formula with its value (a text's typed "str", an empty text's value empty)
    def calculated(xml: str) -> str:
        values = iter(["Hội nghị", TEXT, ""])
        return re.sub(r'<c r="([A-Z]+\d+)"><f>(.*?)</f><v */></c>',
                      lambda match: f'<c r="{match[1]}" t="str"><f>{match[2]}</f><v>{next(values)}</v></c>', xml)
    book = Workbook()
    for row in (["id", "title", "text", "note"], ["a1", '="Hội nghị"', '="Sáng 5/1"', '=""']):
        book.active.append(row)
    book.save(tmp_path / "made.xlsx")
    with zipfile.ZipFile(tmp_path / "made.xlsx") as made, zipfile.ZipFile(tmp_path / "saved.xlsx", "w") as saved:
        for item in made.infolist():
            data = made.read(item)
            saved.writestr(item, calculated(data.decode()) if item.filename.endswith("sheet1.xml") else data)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        [article] = read(tmp_path / "saved.xlsx")
    assert (article.title, article.text, article.error) == ("Hội nghị", TEXT, None) and "never" not in caplog.text

    caplog.clear()  # a labels workbook so written: its row is not read, and the warning says why
    with caplog.at_level(logging.WARNING):
        assert read_labels(_labels_with_a_formula(tmp_path / "labels.xlsx")) == {"a2": "other"}
    assert "labels.xlsx:Sheet: 1 cell (B2) holds a formula whose value was never calculated" in caplog.text


def _labels_with_a_formula(path):
    """A labels workbook written by a program: a1's label is a formula never calculated, a2's is "other"."""
    from openpyxl import Workbook

    book = Workbook()
    for row in (["id", "label"], ["a1", '=IF(1>0, "other", "annual_review")'], ["a2", "other"]):
        book.active.append(row)
    book.save(path)
    return path


def test_a_formula_never_calculated_is_said_where_its_value_is_lost(tmp_path, caplog):
    """Trial 34 (e): the sheet's warning said every cell whose formula was never calculated was "read as empty", but
    a row whose text is one is an error (not read), as a labels sheet's row whose label is one is not read; and an
    article whose title or date was one came out with its title taken from its text and nothing said on it. The
    warning says what became of them (those rows not read, the other cells read as empty) and each article that
    lost a field's value says so in its warning, as one whose cell holds a formula's error (#N/A) does."""
    from openpyxl import Workbook
    from dvtopics.io.labels import read_labels

    book = Workbook()
    for row in (["id", "title", "date", "text"], ["a1", '="Hội nghị"', "05/01/2023", TEXT],
                ["a2", "Gặp mặt", "=TODAY()", '="Chiều 8/3"'], ["a3", "Tọa đàm", "06/01/2023", TEXT2]):
        book.active.append(row)
    book.save(tmp_path / "script.xlsx")
    with caplog.at_level(logging.WARNING):
        first, second, third = read(tmp_path / "script.xlsx")
    assert "3 cells (B2, C3, D3) hold formulas whose values were never calculated" in caplog.text
    assert "the 1 row whose 'text' cell is one is not read, the other cells read as empty;" in caplog.text
    assert first.error is None and first.text == TEXT and first.title != "Hội nghị"
    assert "the 'title' cell B2 (=\"Hội nghị\") holds a formula whose value was never calculated: read as empty" \
           in first.meta["warning"]
    assert "the 'text' cell D3 (=\"Chiều 8/3\") holds a formula" in second.error
    assert third.error is None and not third.meta.get("warning")

    book = Workbook()  # only text cells: their rows are not read, nothing is read as empty
    for row in (["id", "text"], ["a1", '="Sáng 5/1"'], ["a2", TEXT]):
        book.active.append(row)
    book.save(tmp_path / "text.xlsx")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        read(tmp_path / "text.xlsx")
    assert "1 cell (B2) holds a formula whose value was never calculated (" in caplog.text
    assert "): its row is not read; open the workbook" in caplog.text and "read as empty" not in caplog.text

    caplog.clear()  # a labels sheet: its label's row is not read, as the warning says
    with caplog.at_level(logging.WARNING):
        assert read_labels(_labels_with_a_formula(tmp_path / "labels.xlsx")) == {"a2": "other"}
    assert "1 cell (B2) holds a formula whose value was never calculated (" in caplog.text
    assert "): its row is not read; open the workbook" in caplog.text


def test_a_sheets_text_and_date_columns_are_found_once_a_table(tmp_path, monkeypatch):
    """Trial 34 (b): a workbook's rows each looked the text column up in the header (and the date column twice, for
    the order of its dates): once a row, as many searches of the header as rows. They are found once a table."""
    from openpyxl import Workbook

    import dvtopics.io.read_tables as read_tables

    class Header(list):
        searched = 0

        def index(self, *args):
            Header.searched += 1
            return super().index(*args)

    def counted(*args, **kwargs):
        for title, index, header, rows, names in sheet_tables(*args, **kwargs):
            yield title, index, Header(header), rows, names
    sheet_tables = read_tables.sheet_tables
    monkeypatch.setattr(read_tables, "sheet_tables", counted)
    searched = []
    for count in (2, 40):
        book = Workbook()
        book.active.append(["id", "date", "text"])
        for n in range(count):
            book.active.append([f"a{n}", "05/01/2023", f"{TEXT} {n}"])
        book.save(tmp_path / f"{count}.xlsx")
        Header.searched = 0
        articles = read(tmp_path / f"{count}.xlsx")
        assert len(articles) == count and not any(a.error for a in articles) and articles[0].date == "2023-01-05"
        searched.append(Header.searched)
    assert searched[0] == searched[1], searched  # (not once a row)


def test_scrapys_json_lines_are_json_lines(tmp_path, caplog):
    """Hunt 22 A (19): Scrapy writes its JSON lines as `.jl` (`scrapy crawl … -o items.jl`): in a folder its note
    said "save it as .txt (UTF-8) to read it", which would make it one article; given by name it was read as a .txt.
    A .jl (or .jl.gz) is JSON lines, for articles and labels files; a folder's note says to give it by name."""
    from dvtopics.io.labels import read_labels

    lines = [{"id": "a1", "text": TEXT}, {"id": "a2", "text": TEXT2}]
    (tmp_path / "items.jl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                                       encoding="utf-8")
    (tmp_path / "items.jl.gz").write_bytes(gzip.compress((tmp_path / "items.jl").read_bytes()))
    with caplog.at_level(logging.WARNING):
        got = read([tmp_path / "items.jl", tmp_path / "items.jl.gz"])
    assert [(a.id, a.text) for a in got] == [("a1", TEXT), ("a2", TEXT2)] * 2 and "saved as text" not in caplog.text
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "bai.txt").write_text(f"Hội nghị\n{TEXT}", encoding="utf-8")
    (tmp_path / "folder" / "items.jl").write_bytes((tmp_path / "items.jl").read_bytes())
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        read(tmp_path / "folder")
    assert ("1 .jl file not read (e.g. 'items.jl'): in a folder only .txt, .docx and .odt files are read; give it by "
            "its name" in caplog.text)
    (tmp_path / "labels.jl").write_text('{"id": "a1", "label": "other"}\n', encoding="utf-8")
    assert read_labels(tmp_path / "labels.jl") == {"a1": "other"}


def test_a_search_engines_export_is_read_from_its_sources(tmp_path, caplog):
    """Hunt 22 A (22): an Elasticsearch/OpenSearch export (elasticdump's JSON lines, a search's response saved as
    .json) keeps each article in its hit's "_source" and its id in "_id": every line was "no 'text' field; their
    fields are '_index', '_id', '_source'", the response one such error. The hit's "_source" is the record, its
    "_id" the id (unless the source has one)."""
    hits = [{"_index": "news", "_id": "h1", "_score": 1.0, "_source": {"title": "Hội nghị tổng kết", "text": TEXT}},
            {"_index": "news", "_id": "h2", "_source": {"id": "own", "text": TEXT2}}]
    (tmp_path / "dump.jsonl").write_text("".join(json.dumps(hit, ensure_ascii=False) + "\n" for hit in hits),
                                         encoding="utf-8")
    (tmp_path / "search.json").write_text(json.dumps({"took": 3, "hits": {"total": {"value": 2}, "hits": hits}},
                                                     ensure_ascii=False), encoding="utf-8")
    for name in ("dump.jsonl", "search.json"):
        first, second = read(tmp_path / name)
        assert (first.id, first.title, first.text, first.error) == ("h1", "Hội nghị tổng kết", TEXT, None), name
        assert (second.id, second.text, second.error) == ("own", TEXT2, None), name


def test_a_wordpress_api_export_is_read_with_its_rendered_fields(tmp_path):
    """Hunt 22 A (23): WordPress' REST API (/wp-json/wp/v2/posts, how many provincial sites' posts are exported)
    gives each post's title and content as {"rendered": "…", "protected": false}: with --text-field content the
    post was an error ("it is an object"), its title "an object, not text: not used". The rendered value is read."""
    post = {"id": 123, "date": "2023-01-05T08:30:00", "title": {"rendered": "H&#7897;i ngh&#7883; t&#7893;ng k&#7871;t"},
            "content": {"rendered": f"<p>{TEXT}</p>\n<p>{TEXT2}</p>\n", "protected": False}}
    (tmp_path / "posts.json").write_text(json.dumps([post]), encoding="utf-8")
    (article,) = read(tmp_path / "posts.json", fields=FieldNames(text="content"))
    assert (article.id, article.title, article.date, article.text, article.error) == (
        "123", "Hội nghị tổng kết", "2023-01-05", f"{TEXT}\n{TEXT2}", None)


def test_a_sheets_rows_saved_as_json_are_read_as_a_table(tmp_path, caplog):
    """Hunt 22 A (25): a sheet's values saved as JSON, rows under a header row ([["id", "text"], ["a1", "…"]], as
    `df.values.tolist()` under its columns or Google Sheets' API, {"range": …, "values": [...]}, write them), was
    one error per row ("an article (a JSON object) is expected, not a list"), or one error naming 'range' and
    'values'. Such rows are read as a table's, a row an article, when the header names the text field."""
    rows = [["Mã", "Tiêu đề", "Nội dung"], ["a1", "Hội nghị tổng kết", TEXT], ["a2", "Gặp mặt", TEXT2]]
    (tmp_path / "rows.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "sheet.json").write_text(json.dumps({"range": "Sheet1!A1:C3", "majorDimension": "ROWS", "values": rows},
                                                    ensure_ascii=False), encoding="utf-8")
    for name in ("rows.json", "sheet.json"):
        got = [(a.id, a.title, a.text, a.error) for a in read(tmp_path / name)]
        assert got == [("a1", "Hội nghị tổng kết", TEXT, None), ("a2", "Gặp mặt", TEXT2, None)], name
    (tmp_path / "lists.json").write_text(json.dumps([["a", "b"], ["c"]]), encoding="utf-8")  # no header: as before
    assert all("not a list" in a.error for a in read(tmp_path / "lists.json"))


def test_a_link_given_as_the_source_is_its_site(tmp_path):
    """Hunt 22 A (27): a "Nguồn" (or "source") column of links to the articles, as scrapers and exports fill it, or a
    line "Nguồn: https://…/a-123.html", made each article's link its source: the report counted as many sources as
    articles. A link is its site ("baolangson.vn", without "www."); a name stays as it is."""
    path = tmp_path / "links.csv"
    path.write_text(f'id,text,Nguồn\n1,"{TEXT}",https://www.baolangson.vn/hoi-nghi-123.html\n'
                    f'2,"{TEXT2}",https://baolangson.vn/gap-mat-456.html?utm_source=x\n3,"{TEXT2}",Báo Lạng Sơn\n'
                    f'4,"{TEXT}\nNguồn: http://dangcongsan.vn/a.html",\n', encoding="utf-8")
    assert [a.source for a in read(path)] == ["baolangson.vn", "baolangson.vn", "Báo Lạng Sơn", "dangcongsan.vn"]


# ------------------------------------------------------------------ the lead ("sapo") column


def test_a_lead_column_is_read_before_the_text_whatever_common_name_it_has(tmp_path):
    """A news CMS keeps the lead (the paragraph under the headline, "sapo") in a column of its own: it was never read,
    so an article was typed from its body alone, without the paragraph that names the event. It is read first now,
    once where the body opens with it too, and a body left empty is the lead alone (with a warning)."""
    lead, body = TEXT, TEXT2
    with open(tmp_path / "cms.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "Tiêu đề", "Sapo", "Nội dung"])
        writer.writerows([["a", "Tổng kết năm", lead, body], ["b", "Tổng kết năm", lead, f"{lead}\n{body}"],
                          ["c", "Tổng kết năm", lead, ""], ["d", "Gặp mặt", "", body]])
    articles = {a.id: a for a in read(tmp_path / "cms.csv")}
    assert articles["a"].text == articles["b"].text == f"{lead}\n{body}"  # (a blank line is a line end in the text)
    assert articles["c"].text == lead and "the 'Nội dung' field is empty: the lead ('Sapo') is read as the text" in articles["c"].meta["warning"]
    assert articles["d"].text == body
    assert all(a.title for a in articles.values()) and "Sapo" not in articles["a"].meta


def test_a_lead_field_of_another_name_is_given_with_lead_field(tmp_path):
    row = {"id": "x", "title": "Tổng kết năm", "tom_tat_bai": TEXT, "text": TEXT2}
    (tmp_path / "a.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    [unnamed] = read(tmp_path / "a.jsonl")
    [named] = read(tmp_path / "a.jsonl", fields=FieldNames(lead="tom_tat_bai"))
    assert unnamed.text == TEXT2 and unnamed.meta["tom_tat_bai"] == TEXT
    assert named.text == f"{TEXT}\n{TEXT2}"
    # "Mô tả" alone is a note as often as a lead (a labeller's description of the article): never read as the lead
    (tmp_path / "b.csv").write_text(f"id,Mô tả,text\nx,Hội nghị tổng kết năm: annual_review,{TEXT2}\n", encoding="utf-8")
    [noted] = read(tmp_path / "b.csv")
    assert noted.text == TEXT2 and noted.meta["Mô tả"].startswith("Hội nghị tổng kết năm")


def test_a_plain_lead_before_an_html_body_leaves_the_body_read_as_html(tmp_path):
    """Hunt 23 D (1): a CMS export's plain Sapo before its HTML body made the text open with the lead, not a tag, so
    the body's markup (one paragraph: one closing tag) was no longer seen as HTML and "<p>" was read as a word. The
    lead is a paragraph of the page now; an HTML lead before a plain body is its visible text."""
    rows = [{"id": "a", "title": "Tổng kết năm", "sapo": TEXT, "content": f"<p>{TEXT2}</p>"},
            {"id": "b", "title": "Tổng kết năm", "sapo": f"<p>{TEXT}</p>", "content": f"{TEXT2}\nĐồng chí phát biểu."}]
    (tmp_path / "cms.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    a, b = read(tmp_path / "cms.jsonl")
    assert a.text == f"{TEXT}\n{TEXT2}" and a.error is None
    assert b.text == f"{TEXT}\n{TEXT2}\nĐồng chí phát biểu." and "HTML" not in (b.meta.get("warning") or "")


def test_a_lead_that_repeats_the_body_in_another_form_is_read_once(tmp_path):
    """Hunt 23 D (2): a lead that repeats the body's opening was read twice when it was cut short (a scraper's meta
    description ending "...", WordPress' excerpt " [&hellip;]") or was HTML over a plain body."""
    rows = [{"id": "cut", "title": "T", "description": TEXT[:50] + "...", "content": f"{TEXT}\n{TEXT2}"},
            {"id": "wp", "title": "T", "excerpt": f"<p>{TEXT[:50]} [&hellip;]</p>\n", "content": f"{TEXT}\n{TEXT2}"},
            {"id": "html", "title": "T", "sapo": f"<p>{TEXT}</p>", "content": f"{TEXT}\n{TEXT2}"}]
    (tmp_path / "s.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert [a.text for a in read(tmp_path / "s.jsonl")] == [f"{TEXT}\n{TEXT2}"] * 3


def test_headlines_and_their_leads_without_a_body_are_read_from_their_leads(tmp_path, caplog):
    """Hunt 23 D (3): a file of titles and leads (the shape most users' files have) whose lead has a lead's name
    ("Sapo", an RSS item's "description") and that has no body column was refused as "no 'text' column", in a CSV
    (with ";" too, as Excel saves one in Vietnam), a workbook and JSON lines alike, though a row without a body is
    read from its lead where the file has a body column. The lead is the text, with a warning naming what is not
    read; a body column, where there is one, stays the text."""
    rows = [["Tiêu đề", "Sapo", "Ngày"], ["Tổng kết năm", TEXT, "05/01/2023"], ["Gặp mặt", TEXT2, "08/03/2023"]]
    with open(tmp_path / "a.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    (tmp_path / "b.jsonl").write_text("".join(json.dumps({"title": t, "description": d, "link": "https://x.vn/1"},
                                                         ensure_ascii=False) + "\n" for t, d, _ in rows[1:]),
                                      encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        for name in ("a.csv", "b.jsonl"):
            got = [(a.title, a.text, a.error) for a in read(tmp_path / name)]
            assert got == [("Tổng kết năm", TEXT, None), ("Gặp mặt", TEXT2, None)], name
    assert "a.csv: no body column, so each article's text is its lead ('Sapo')" in caplog.text
    assert "b.jsonl: no body field, so each article's text is its lead ('description'); not read: 'link'" in caplog.text
    (tmp_path / "c.jsonl").write_text(json.dumps({"title": "T", "description": TEXT, "body": TEXT2},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    assert [a.text for a in read(tmp_path / "c.jsonl")] == [f"{TEXT}\n{TEXT2}"]


def test_titles_and_leads_under_the_lead_fields_own_name_are_read_from_their_leads(tmp_path, caplog):
    """The lead's own field name ("lead", the default of --lead-field) was no name of the text's, as "Sapo" and
    "description" are: a JSONL of {"id", "title", "lead"} or a CSV headed id,title,lead, the title-and-lead shape
    the classifier is made for, was refused whole ("no 'text' field in any of its records"). The lead is the text, said
    once; where a body is there too, the lead stays the lead, before it."""
    rows = [{"id": "1", "title": "Tổng kết năm", "lead": TEXT}, {"id": "2", "title": "Gặp mặt", "Lead": TEXT2}]
    (tmp_path / "d.jsonl").write_text(json.dumps({"title": "T", "abstract": TEXT}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")  # (and its other names in English: lede, intro, standfirst)
    assert [a.text for a in read(tmp_path / "d.jsonl")] == [TEXT]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with open(tmp_path / "b.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "title", "Lead"], ["1", "Tổng kết năm", TEXT], ["2", "Gặp mặt", TEXT2]])
    with caplog.at_level(logging.WARNING):
        for name in ("a.jsonl", "b.csv"):
            got = [(a.id, a.title, a.text, a.error) for a in read(tmp_path / name)]
            assert got == [("1", "Tổng kết năm", TEXT, None), ("2", "Gặp mặt", TEXT2, None)], name
    assert "a.jsonl: no body field, so each article's text is its lead ('lead')" in caplog.text
    assert "b.csv: no body column, so each article's text is its lead ('Lead')" in caplog.text
    # a column --lead-field names stays the lead's: the text is not taken from it (the final reading: it was, and
    # the lead then said missing from a file that had it)
    (tmp_path / "e.jsonl").write_text(json.dumps({"title": "T", "sapo": TEXT}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    [refused] = read(tmp_path / "e.jsonl", fields=FieldNames(lead="sapo"))
    assert "no 'text' field" in refused.error
    both = {"title": "T", "lead": TEXT, "text": TEXT2}
    (tmp_path / "c.jsonl").write_text(json.dumps(both, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [a.text for a in read(tmp_path / "c.jsonl")] == [f"{TEXT}\n{TEXT2}"]


def test_a_body_under_a_name_not_known_beside_a_lead_is_read_after_it(tmp_path, caplog):
    """A CSV, workbook or JSONL headed "Tiêu đề, Sapo, Nội dung chi tiết" (or "Chi tiết", "article_content",
    "content_text") was read with the lead as the text and a warning naming the body's column: every body lost. A
    column under a body's whole name (`_UNKNOWN_BODY_NAMES`) whose cell holds text is the body, after the lead; a
    column about it (an author, a link) is not; a column --text-field names stays the text."""
    body = f"{TEXT2} Dự hội nghị có đồng chí Bí thư Huyện ủy."
    for name in ("Nội dung chi tiết", "Chi tiết", "article_content", "content_text", "NOI_DUNG_DAY_DU"):
        rows = [["Tiêu đề", "Sapo", "Tác giả bài viết", "Link chi tiết", name],  # (named as about a body: not it)
                ["Tổng kết năm", TEXT, "Minh Anh", "https://x.vn/tong-ket.html", body],
                ["Gặp mặt", TEXT2, "Minh Anh", "https://x.vn/gap-mat.html", "Đang cập nhật"]]
        write_csv_and_workbook(tmp_path / "a", rows)
        (tmp_path / "a.jsonl").write_text("".join(json.dumps(dict(zip(rows[0], row)), ensure_ascii=False) + "\n"
                                                  for row in rows[1:]), encoding="utf-8")
        for file in ("a.csv", "a.xlsx", "a.jsonl"):
            caplog.clear()
            with caplog.at_level(logging.WARNING):
                got = [(a.title, a.text) for a in read(tmp_path / file)]
            # (a cell of a few words is no body: that row's text is its lead, as a file without a body reads)
            assert got == [("Tổng kết năm", f"{TEXT}\n{body}"), ("Gặp mặt", TEXT2)], (name, file)
            said = (f": '{name}' read as the body of 1 of 2 articles, after their lead ('Sapo'); 1 without text there "
                    # (said of its records, of a table's header)
                    "is read from its lead alone" if file == "a.jsonl" else
                    f": '{name}' read as each article's body, after its lead ('Sapo'), where it holds text")
            assert said in caplog.text, (name, file)
    chosen = read(tmp_path / "a.csv", fields=FieldNames(text="Link chi tiết"))
    assert chosen[0].text == f"{TEXT}\nhttps://x.vn/tong-ket.html"  # (the lead still read before it)
    # a name holding a body's words is no body's: a lead's ("Nội dung tóm tắt"), and, a review found, a labeller's
    # note, readers' comments or related headlines (read as the body, they were labelled and learnt)
    for other in ("noi_dung_tom_tat", "Ghi chú chi tiết", "Nội dung bình luận", "Bài viết liên quan",
                  "Nhận xét bài viết", "comment_content"):
        (tmp_path / "b.jsonl").write_text(json.dumps({"title": "T", "sapo": TEXT, other: body},
                                                     ensure_ascii=False) + "\n", encoding="utf-8")
        assert [a.text for a in read(tmp_path / "b.jsonl")] == [TEXT], other


def test_a_databases_null_markers_are_no_value(tmp_path):
    """Hunt 23 D (4): a database's export writes no value as \\N (MySQL) or NULL (phpMyAdmin, SQL Server), a
    DataFrame written with astype(str) as None or nan: read as text, a NULL title was the title "NULL", a NULL sapo
    stood before the text, a NULL date was warned of as no date. They are no value now; a label "None" (a class's
    name) stays a label, a NULL one is none."""
    with open(tmp_path / "db.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t").writerows([
            ["id", "title", "sapo", "content", "date", "source", "label"],
            ["1", "Tổng kết năm", "\\N", TEXT2, "\\N", "\\N", "\\N"],
            ["2", "NULL", "NULL", TEXT2, "NULL", "NULL", "None"],
            ["3", "Gặp mặt", "nan", "None", "NaT", "nan", "NULL"]])
    got = [(a.id, a.title, a.text, a.date, a.source, a.label, a.meta.get("warning")) for a in read(tmp_path / "db.csv")]
    assert got[0] == ("1", "Tổng kết năm", TEXT2, None, None, None, None)
    assert got[1][1:] == (TEXT2, TEXT2, None, None, "None", None)  # (a title taken from the text, not "NULL")
    assert got[2] == ("3", "Gặp mặt", "Gặp mặt", None, None, None, "the 'content' field is missing: the title is read as the text")


def test_a_lead_saved_as_a_list_of_texts_is_read_as_its_paragraphs(tmp_path):
    """Hunt 23 D (5): a scraper keeps the sapo as a list of texts (Scrapy's .getall()), as it keeps the body: the body
    was read as paragraphs and the lead dropped unsaid. It is read so too; a lead that is no text (an object) is
    kept in the record, with a warning."""
    rows = [{"id": "a", "title": "T", "sapo": [TEXT], "content": [TEXT2, "Đồng chí phát biểu."]},
            {"id": "b", "title": "T", "sapo": {"p": TEXT}, "content": TEXT2}]
    (tmp_path / "items.jl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    a, b = read(tmp_path / "items.jl")
    assert a.text == f"{TEXT}\n{TEXT2}\nĐồng chí phát biểu."
    assert b.text == TEXT2 and "the 'sapo' field is an object, not text: not used" in b.meta["warning"]


def test_an_api_answer_holding_its_articles_deeper_or_beside_other_lists_is_read(tmp_path):
    """Hunt 23 D (6): a .json of an API's answer whose articles are a level deeper than {"data": [...]} ({"status":
    "ok", "data": {"items": [...]}}), or beside another list of objects ("categories", "links"), was one error naming
    the wrapper's keys (or the links' fields): the one list whose records have the text field is read now."""
    items = [{"id": "n1", "title": "Tổng kết năm", "content": TEXT}, {"id": "n2", "title": "Gặp mặt", "content": TEXT2}]
    shapes = {"nest.json": {"status": "ok", "data": {"items": items, "total": 2}},
              "two.json": {"articles": items, "categories": [{"id": 1, "name": "Tin tức"}]},
              "deep.json": {"code": 200, "result": {"data": {"list": items}}, "links": [{"rel": "next"}]}}
    for name, document in shapes.items():
        (tmp_path / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        assert [(a.id, a.text, a.error) for a in read(tmp_path / name)] == [("n1", TEXT, None), ("n2", TEXT2, None)]
    (tmp_path / "links.json").write_text(json.dumps({"links": [{"rel": "next"}]}), encoding="utf-8")  # as before
    [only] = read(tmp_path / "links.json")
    assert "no 'text' field" in only.error and "'rel'" in only.error


def test_a_wordpress_export_gives_its_posts_not_its_pictures_and_menu_items(tmp_path, caplog):
    """Hunt 23 D (7): WordPress' own export (a WXR file: RSS with "wp:" fields) holds the site's pictures, menu items
    and revisions as items beside its posts: each picture was an article ("IMG_2034", one word, labelled and counted)
    and each menu item an error (exit 1). Its posts and pages are its articles; the rest is counted in the warning."""
    def item(title, kind, text="", status="publish"):
        return (f"<item><title>{title}</title><guid>https://x.vn/{title}</guid><description></description>"
                f"<content:encoded><![CDATA[{text}]]></content:encoded><wp:post_type>{kind}</wp:post_type>"
                f"<wp:status>{status}</wp:status></item>")
    wxr = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
           'content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Ban Dân vận</title>'
           + item("a", "post", f"<p>{TEXT}</p>") + item("IMG_2034", "attachment", status="inherit")
           + item("b", "nav_menu_item") + item("c", "page", f"<p>{TEXT2}</p>") + item("d", "post", "<p>Cũ</p>", "trash")
           + '</channel></rss>')
    (tmp_path / "site.WordPress.2024-03-05.xml").write_text(wxr, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        got = [(a.id, a.text, a.error) for a in read(tmp_path / "site.WordPress.2024-03-05.xml")]
    assert got == [("https://x.vn/a", TEXT, None), ("https://x.vn/c", TEXT2, None)]
    assert "each of its 2 posts and pages read as an article; its 3 other items" in caplog.text


def test_a_wordpress_posts_table_gives_its_posts_not_their_revisions(tmp_path, caplog):
    """Hunt 26 A (1): WordPress' posts table (wp_posts) exported by phpMyAdmin or a plugin, as CSV, JSON or a workbook:
    its text column, post_content, was not found (one error for the file), and each revision, picture and menu item
    beside the posts would have been an article. Its posts and pages (a draft too, as in its WXR export) are read,
    the rest counted in one warning."""
    from openpyxl import Workbook

    header = ["ID", "post_date", "post_content", "post_title", "post_excerpt", "post_status", "post_type", "guid"]
    rows = [[1, "2016-01-06 08:00:00", f"<p>{TEXT}</p>", "Tổng kết", "", "publish", "post", "https://x.vn/?p=1"],
            [2, "2016-01-06 08:05:00", f"<p>{TEXT}</p>", "Tổng kết", "", "inherit", "revision", "https://x.vn/?p=2"],
            [3, "2016-01-06 08:05:00", "", "anh-hoi-nghi", "", "inherit", "attachment", "https://x.vn/a.jpg"],
            [4, "2016-01-07 08:00:00", "", "Trang chủ", "", "publish", "nav_menu_item", "https://x.vn/?p=4"],
            [5, "2016-01-08 08:00:00", f"<p>{TEXT2}</p>", "Gặp mặt", "", "draft", "post", "https://x.vn/?p=5"],
            [6, "2016-01-09 08:00:00", "<p>Cũ</p>", "Cũ", "", "trash", "post", "https://x.vn/?p=6"]]
    with open(tmp_path / "wp_posts.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    (tmp_path / "wp_posts.json").write_text(json.dumps([dict(zip(header, row)) for row in rows]), encoding="utf-8")
    book = Workbook()
    for row in [header, *rows]:
        book.active.append(row)
    book.save(tmp_path / "wp_posts.xlsx")
    for name in ("wp_posts.csv", "wp_posts.json", "wp_posts.xlsx"):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            got = [(a.id, a.title, a.date, a.text, a.error) for a in read(tmp_path / name)]
        assert got == [("1", "Tổng kết", "2016-01-06", TEXT, None), ("5", "Gặp mặt", "2016-01-08", TEXT2, None)], name
        passed_over = "4 rows are not articles, passed over (1 revision, 1 attachment, 1 nav_menu_item, 1 trash)"
        assert passed_over in caplog.text


def test_a_group_header_over_the_tables_header_is_passed_over(tmp_path, caplog):
    """Hunt 23 D (8): a two-row header, a group row merged across columns ("Thông tin chung" over id and title, "Nội
    dung" over lead and body) over the real one: the group row was the header, as it names 'Nội dung', so the real
    header was an article "Sapo" and each text was the lead alone. The row under it, naming the text and more of
    the fields, is the header now; a header with a column of its own ("Ghi chú") stays the header."""
    from openpyxl import Workbook

    rows = [["a1", "Tổng kết năm", TEXT, "Đồng chí phát biểu."], ["a2", "Gặp mặt", TEXT2, "Các đồng chí dự."]]
    book = Workbook()
    sheet = book.active
    sheet.append(["Thông tin chung", None, "Nội dung", None])
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:D1")
    for row in [["Mã", "Tiêu đề", "Sapo", "Nội dung"], *rows]:
        sheet.append(row)
    book.save(tmp_path / "two-rows.xlsx")
    with open(tmp_path / "two-rows.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Thông tin chung", "", "Nội dung", ""], ["Mã", "Tiêu đề", "Sapo", "Nội dung"],
                                      *rows])
    with open(tmp_path / "note.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["text", "Ghi chú"], [TEXT, "id"], [TEXT2, ""]])
    with caplog.at_level(logging.WARNING):
        for name in ("two-rows.xlsx", "two-rows.csv"):
            got = [(a.id, a.title, a.text) for a in read(tmp_path / name)]
            assert got == [(i, t, f"{lead}\n{body}") for i, t, lead, body in rows], name
    assert "two-rows.csv: the row above the table's header not read (a group header over its columns)" in caplog.text
    assert [a.text for a in read(tmp_path / "note.csv")] == [TEXT, TEXT2]


def test_feedparsers_content_objects_are_read_as_the_text(tmp_path):
    """Hunt 23 D (9): feedparser's entries saved as JSON keep the body as [{"type": "text/html", "value": …}]: the
    article was an error ("it is a list"), its body and summary there. Each object's value is read."""
    entry = {"title": "T", "link": "https://x.vn/a.html", "summary": TEXT,
             "content": [{"type": "text/html", "language": None, "value": f"<p>{TEXT}</p><p>{TEXT2}</p>"}]}
    (tmp_path / "entries.jsonl").write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = read(tmp_path / "entries.jsonl")
    assert (article.text, article.error) == (f"{TEXT}\n{TEXT2}", None)


def test_a_published_status_column_is_no_date(tmp_path, caplog):
    """Hunt 23 D (10): a CMS export's "Published" column is often the post's status (Drupal's Yes/No, 1/0, true),
    and was found as the date's column by its name: every article was warned that "the 'date' field '1' is not a
    date". A status is no date, and kept under its name; a "published" column of dates is the date."""
    body = f"{TEXT}\n05/01/2023\n{TEXT2}"
    with open(tmp_path / "drupal.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Title", "Body", "Published"], ["A", body, "Yes"], ["B", body, "0"]])
    rows = [{"title": "C", "body": body, "published": True}, {"title": "D", "body": body, "published": "2023-01-06"}]
    (tmp_path / "cms.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                        encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        got = [(a.title, a.date, a.meta.get("warning")) for a in read([tmp_path / "drupal.csv", tmp_path / "cms.jsonl"])]
    assert got == [("A", "2023-01-05", None), ("B", "2023-01-05", None), ("C", "2023-01-05", None),
                   ("D", "2023-01-06", None)]
    assert "not a date" not in caplog.text and "not text" not in caplog.text


def test_an_article_held_in_an_object_of_its_record_is_read(tmp_path):
    """Hunt 23 D (11): JSON lines whose article is an object inside each record, as crawlers and queues write them
    ({"url": …, "article": {"title", "content"}}), were one error for the file naming 'url' and 'article'. That
    object is the article, beside the record's own values; an object of articles by key stays a table."""
    rows = [{"url": "https://x.vn/a", "article": {"id": "a1", "title": "Tổng kết năm", "content": TEXT}},
            {"url": "https://x.vn/b", "article": {"id": "a2", "title": "Gặp mặt", "content": TEXT2}}]
    (tmp_path / "crawl.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                          encoding="utf-8")
    got = [(a.id, a.title, a.text, a.meta.get("url"), a.error) for a in read(tmp_path / "crawl.jsonl")]
    assert got == [("a1", "Tổng kết năm", TEXT, "https://x.vn/a", None), ("a2", "Gặp mặt", TEXT2, "https://x.vn/b", None)]
    (tmp_path / "one.json").write_text(json.dumps({"k1": {"text": TEXT}}), encoding="utf-8")
    assert [(a.id, a.text) for a in read(tmp_path / "one.json")] == [("one.json:k1", TEXT)]


def test_a_json_files_warning_of_its_leads_is_decided_from_all_its_records(tmp_path, caplog):
    """Left 31 (2): a JSONL file's warning of its body was decided from its first record: a first record without a
    body said the file had none ("each article's text is its lead") when the others were read with theirs, and a first
    with one said each article was, the others read from their leads alone in silence. It is said once the file is
    read, of what its records held."""
    def record(n, body):
        return {"id": str(n), "title": f"Tin {n}", "sapo": TEXT2, **({"noi_dung_chi_tiet": TEXT} if body else {})}
    for name, bodies, said in [
            ("first_without", [False, True, True],
             "'noi_dung_chi_tiet' read as the body of 2 of 3 articles, after their lead ('sapo'); 1 without text there "
             "is read from its lead alone"),
            ("first_with", [True, False, False], "'noi_dung_chi_tiet' read as the body of 1 of 3 articles, after "
                                                 "their lead ('sapo'); 2 without text there are read from their lead "
                                                 "alone"),
            ("all", [True, True], "'noi_dung_chi_tiet' read as each article's body, after its lead ('sapo')"),
            ("none", [False, False], "no body field, so each article's text is its lead ('sapo')")]:
        path = tmp_path / f"{name}.jsonl"
        lines = [json.dumps(record(n, body), ensure_ascii=False) + "\n" for n, body in enumerate(bodies)]
        path.write_text("".join(lines), encoding="utf-8")
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            texts = [a.text for a in read(path)]
        assert texts == [f"{TEXT2}\n{TEXT}" if body else TEXT2 for body in bodies], name
        [message] = caplog.messages  # (one, for the file)
        assert said in message, name
    # the text under a body's own name in one record, a lead's in the others: those are said, not the file
    (tmp_path / "mixed.jsonl").write_text(json.dumps({"title": "A", "content": TEXT}, ensure_ascii=False) + "\n"
                                          + json.dumps({"title": "B", "sapo": TEXT2}, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert [a.text for a in read(tmp_path / "mixed.jsonl")] == [TEXT, TEXT2]
    assert "mixed.jsonl: 1 of 2 articles has no body field, so its text is its lead ('sapo')" in caplog.text
    (tmp_path / "two.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (
        {"title": "A", "content": TEXT}, {"title": "B", "sapo": TEXT2}, {"title": "C", "sapo": TEXT2})),
        encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        list(read(tmp_path / "two.jsonl"))
    assert "two.jsonl: 2 of 3 articles have no body field, so their text is their lead ('sapo')" in caplog.text


def test_a_tables_note_of_its_leads_is_a_json_files_but_for_its_noun(tmp_path, caplog):
    """Final 31 (7): a table's note of its leads and a JSON file's were written apart, and drifted (the JSON file's
    body, after its lead, never said "where it holds text"). Both are said in one function, the noun their own."""
    for fields in ({"title": "A", "sapo": TEXT2, "noi_dung_chi_tiet": TEXT}, {"title": "A", "sapo": TEXT2, "tag": "x"}):
        (tmp_path / "a.csv").write_text(",".join(fields) + "\n" + ",".join(fields.values()) + "\n", encoding="utf-8")
        (tmp_path / "a.jsonl").write_text(json.dumps(fields, ensure_ascii=False) + "\n", encoding="utf-8")
        said = {}
        for name in ("a.csv", "a.jsonl"):
            caplog.clear()
            with caplog.at_level(logging.WARNING):
                list(read(tmp_path / name))
            [said[name]] = [m.split(": ", 1)[1] for m in caplog.messages if "lead" in m]
        assert said["a.csv"].replace("column", "field") == said["a.jsonl"], said


def test_a_tables_two_body_columns_beside_its_lead_are_each_articles_body(tmp_path, caplog):
    """Review 32: a table whose lead stood beside two columns named as a body's was told "read as the body of 2 of 1
    article": a header speaks for every row."""
    (tmp_path / "a.csv").write_text(f"title,sapo,noi_dung_chi_tiet,article_content\nA,{TEXT2},{TEXT},\n",
                                    encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        list(read(tmp_path / "a.csv"))
    [message] = [m for m in caplog.messages if "lead" in m]
    assert "each article's body" in message and "of 1 article" not in message, message


def test_a_json_files_body_beside_its_lead_is_each_articles_only_when_all_were_read_so(tmp_path, caplog):
    """Review 31a (4): a file of two articles under 'content' and one of a lead and its body said its body was "read
    as each article's body": it is the body of 1 of 3, the others not read from a lead at all."""
    records = [{"id": "a", "title": "A", "content": TEXT}, {"id": "b", "title": "B", "content": TEXT},
               {"id": "c", "title": "C", "sapo": TEXT2, "noi_dung_chi_tiet": TEXT}]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [a.text for a in read(path)] == [TEXT, TEXT, f"{TEXT2}\n{TEXT}"]
    [message] = caplog.messages
    assert "each article" not in message
    assert ("'noi_dung_chi_tiet' read as the body of 1 of 3 articles, after their lead ('sapo') (give another body's "
            "field with") in message


def test_an_article_nested_in_its_record_is_read_as_the_same_fields_at_the_top(tmp_path, caplog):
    """Left 31 (1): a record holding its article under a key ({"article": {"title", "sapo", "noi_dung_chi_tiet"}}, a
    search hit's "_source") lost the body beside its lead, each article its lead alone, where the same fields at the
    top were read with the body after the lead; an article alone under its key was one error for the file. Nested
    and flat, in JSON lines and a JSON array, give the same articles."""
    article = {"title": "Tổng kết năm", "sapo": TEXT2, "noi_dung_chi_tiet": TEXT, "ngay_dang": "05/01/2023"}
    shapes = {"flat": article, "nested": {"url": "https://x.vn/a", "article": article}, "alone": {"article": article},
              "hit": {"_id": "h1", "_source": article}}
    got = {}
    for name, record in shapes.items():
        (tmp_path / f"{name}.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        (tmp_path / f"{name}.json").write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
        for suffix in (".jsonl", ".json"):
            with caplog.at_level(logging.WARNING):
                caplog.clear()
                got[name + suffix] = [(a.title, a.text, a.date, a.error) for a in read(tmp_path / f"{name}{suffix}")]
            assert "'noi_dung_chi_tiet' read as each article's body, after its lead ('sapo')" in caplog.text
    assert set(map(tuple, got.values())) == {(("Tổng kết năm", f"{TEXT2}\n{TEXT}", "2023-01-05", None),)}, got


def test_an_article_alone_under_its_id_keeps_the_key_and_under_a_wrappers_name_is_one_article(tmp_path, caplog):
    """Review 31a (1): JSON lines of {"<id>": {article}} (a key-value export, an article a line) lost the key, their
    ids 'file:1', 'file:2', where a .json object of the same articles gives 'file:<key>'; and a .json of one
    {"article": {…}} was read as articles by key, its id 'x.json:article'. A lone key is the fallback id where it is
    an id, not where it names a wrapper ("article", "data", "_source"), the same in every record."""
    articles = {"21395276": {"title": "A", "text": TEXT}, "21395277": {"title": "B", "text": TEXT2}}
    (tmp_path / "bykey.jsonl").write_text("".join(json.dumps({key: value}, ensure_ascii=False) + "\n"
                                                  for key, value in articles.items()), encoding="utf-8")
    (tmp_path / "bykey.json").write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "array.json").write_text(json.dumps([{key: value} for key, value in articles.items()],
                                                    ensure_ascii=False), encoding="utf-8")
    for name in ("bykey.jsonl", "bykey.json", "array.json"):
        got = [(a.id, a.text) for a in read(tmp_path / name)]
        assert got == [(f"{name}:21395276", TEXT), (f"{name}:21395277", TEXT2)], name
    # an id of the article's own comes first, as ever
    (tmp_path / "own.jsonl").write_text(json.dumps({"k1": {"id": "a1", "text": TEXT}}) + "\n", encoding="utf-8")
    assert [a.id for a in read(tmp_path / "own.jsonl")] == ["a1"]
    for wrapper in ("article", "data", "Item"):
        (tmp_path / "one.json").write_text(json.dumps({wrapper: {"title": "A", "text": TEXT}}), encoding="utf-8")
        (tmp_path / "lines.jsonl").write_text(json.dumps({wrapper: {"title": "A", "text": TEXT}}) + "\n",
                                              encoding="utf-8")
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert [(a.id, a.title, a.text) for a in read(tmp_path / "one.json")] == [("one", "A", TEXT)], wrapper
            assert [a.id for a in read(tmp_path / "lines.jsonl")] == ["lines.jsonl:1"], wrapper
        assert "by key" not in caplog.text


def test_a_lone_key_seen_again_in_the_file_is_a_wrapper_not_an_id(tmp_path):
    """Final 31 (2): JSON lines of {"tin_bai": {…}} (a wrapper's name the list lacks) gave every article the id
    'x.jsonl:tin_bai'. A key without a digit is no id, nor one seen again: those records are named by their place;
    keys that are codes stay the ids, in JSON lines and a .json array alike."""
    for key in ("tin_bai", "newsItem"):
        records = [{key: {"title": f"Tin {n}", "text": TEXT}} for n in range(3)]
        records.append({"k9": {"title": "Tin 9", "text": TEXT2}})
        (tmp_path / "x.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                          encoding="utf-8")
        (tmp_path / "x.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        for name in ("x.jsonl", "x.json"):
            got = [(a.id, a.title) for a in read(tmp_path / name)]
            assert got == [(f"{name}:1", "Tin 0"), (f"{name}:2", "Tin 1"), (f"{name}:3", "Tin 2"),
                           (f"{name}:k9", "Tin 9")], got


def test_a_key_that_is_another_records_place_is_spelt_as_a_key(tmp_path, caplog):
    """Left 33 (2): a record alone under a number ({"3": {…}}) and a record without a key on line 3 (or item 3) were
    both 'x.jsonl:3', with a warning that ids repeat: labels by id could not tell them apart. Ids stay unique in the
    file, the key visible: the key is spelt as one ('x.jsonl:key 3'), whether the place comes before it or after it;
    a file of keys alone, or of places alone, is named as ever."""
    def article(n):
        return {"title": f"Tin {n}", "text": TEXT}
    records = [{"3": article(1)}, article(2), article(3), {"2": article(4)}, {"3": article(5)}, {"9": article(6)}]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
                                      + "not json\n", encoding="utf-8")
    (tmp_path / "x.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "y.json").write_text("\n".join(json.dumps(r, ensure_ascii=False, indent=1) for r in records),
                                     encoding="utf-8")  # objects one after another, as `jq .` prints them
    for name in ("x.jsonl", "x.json", "y.json"):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            got = [(a.id, a.title) for a in read(tmp_path / name)]
        # (key 3 first, then line 3; line 2, then key 2; key 3 seen again is named by its place, line 5)
        assert got[:6] == [(f"{name}:key 3", "Tin 1"), (f"{name}:2", "Tin 2"), (f"{name}:3", "Tin 3"),
                           (f"{name}:key 2", "Tin 4"), (f"{name}:5", "Tin 5"), (f"{name}:9", "Tin 6")], got
        assert "repeat" not in caplog.text, name
    # a line that is no JSON is named by its place: a key of that number is spelt as a key
    (tmp_path / "z.jsonl").write_text(json.dumps({"2": article(1)}) + "\nnot json\n", encoding="utf-8")
    assert [a.id for a in read(tmp_path / "z.jsonl")] == ["z.jsonl:key 2", "z.jsonl:2"]


def test_a_jsonl_file_of_word_keys_is_read_once(tmp_path, monkeypatch):
    """The file's second pass, which finds the keys that are places too, is made only where such a key can be: a
    key shaped as a place ("3"). A file of word keys ({"bai1": {…}}, most such files) was read and decoded twice."""
    import dvtopics.io.read_json as read_json

    passes = []
    whole_file = read_json._lone_keys
    monkeypatch.setattr(read_json, "_lone_keys", lambda *args: passes.append(args[0].name) or whole_file(*args))
    words = [{f"bai{n}": {"title": f"Tin {n}", "text": TEXT}} for n in range(3)]
    (tmp_path / "w.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in words),
                                      encoding="utf-8")
    assert [a.id for a in read(tmp_path / "w.jsonl")] == ["w.jsonl:bai0", "w.jsonl:bai1", "w.jsonl:bai2"]
    assert passes == []
    (tmp_path / "n.jsonl").write_text(json.dumps({"1": {"title": "Tin", "text": TEXT}}) + "\n", encoding="utf-8")
    assert [a.id for a in read(tmp_path / "n.jsonl")] == ["n.jsonl:1"] and passes == ["n.jsonl"]  # its own place


def test_a_file_gone_during_the_run_is_said_gone_and_the_rest_is_read(tmp_path):
    """Left 33 (4): a file moved or deleted during a run (a sync tool, a colleague's tidying) was "cannot read (No
    such file or directory)", which denied the file the user had listed; one given by its name stopped the whole run
    as a path mistyped ("no such file or folder"). Each reader's file, listed when the run began and gone by its
    turn, is an error of its own that says so, and the files after it are read."""
    import zipfile

    from openpyxl import Workbook
    from test_documents import paragraph, write_docx

    given = tmp_path / "given"
    given.mkdir()
    (given / "a.txt").write_text(f"Tin một\n{TEXT}", encoding="utf-8")
    (given / "b.txt").write_text(f"Tin hai\n{TEXT}", encoding="utf-8")
    with gzip.open(given / "c.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(f"Tin ba\n{TEXT}")
    write_docx(given / "d.docx", paragraph("Tin bốn") + paragraph(TEXT))
    (given / "e.jsonl").write_text(json.dumps({"id": "e1", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    (given / "f.json").write_text(json.dumps([{"id": "f1", "text": TEXT}], ensure_ascii=False), encoding="utf-8")
    (given / "g.csv").write_text(f"id,text\ng1,{TEXT}\n", encoding="utf-8")
    book = Workbook()
    book.active.append(["id", "text"]), book.active.append(["h1", TEXT])
    book.save(given / "h.xlsx")
    with zipfile.ZipFile(given / "i.zip", "w") as archive:
        archive.writestr("k.txt", f"Tin nén\n{TEXT}")
    (given / "z.txt").write_text(f"Tin cuối\n{TEXT}", encoding="utf-8")
    gone = [path for path in sorted(given.iterdir()) if path.name not in ("a.txt", "z.txt")]
    for paths in (sorted(given.iterdir()), [given]):  # each given by its name, and the folder walked
        for path in gone:
            path.touch()
        got = []
        for article in read_articles(paths, on_error="record"):
            got.append((article.id, article.error))
            if len(got) == 1:  # listed, then gone before its turn
                for path in gone:
                    path.unlink(missing_ok=True)
        said = " no longer there: it was there when the run began, and was moved or deleted since"
        listed = gone if paths != [given] else [path for path in gone if path.suffix in (".txt", ".gz", ".docx")]
        assert got == [("a", None), *[(path.name.split(".")[0], f"{path}:{said}") for path in listed],
                       ("z", None)], got


def test_a_listed_file_closed_to_the_user_is_not_said_gone(tmp_path, monkeypatch):
    """Trial 34 (a): a file listed when the run began whose folder was closed to the user (its stat, and lstat, say
    "Permission denied") was said "no longer there … moved or deleted since": the gone-file wording replaced the OS's
    cause wherever the path could not be looked at. The one place that words OS causes (`os_cause`) says a file is
    gone only when the OS says it is not there, and the cause otherwise."""
    import os

    from dvtopics.io.paths import os_cause
    from dvtopics.io.read import read_file

    closed = tmp_path / "a.txt"
    closed.write_text(f"Tin một\n{TEXT}", encoding="utf-8")

    def denied(real):
        def stat(path, *args, **kwargs):
            if os.fspath(path) == str(closed):
                raise PermissionError(13, "Permission denied", str(closed))
            return real(path, *args, **kwargs)
        return stat
    monkeypatch.setattr(os, "stat", denied(os.stat))
    monkeypatch.setattr(os, "lstat", denied(os.lstat))
    [article] = read_file(closed, "a", on_error="record", listed=True)
    assert article.error == f"{closed}: cannot read (Permission denied)"
    monkeypatch.undo()
    gone = tmp_path / "b.txt"
    said = f"{gone}: no longer there: it was there when the run began, and was moved or deleted since"
    assert os_cause(gone, FileNotFoundError(2, "No such file or directory"), listed=True) == said
    assert os_cause(gone, FileNotFoundError(2, "No such file or directory")) == f"{gone}: cannot read (No such file " \
                                                                                "or directory)"
    [article] = read_file(gone, "b", on_error="record", listed=True)
    assert article.error == said


def test_an_article_nested_under_a_fields_own_name_is_that_article(tmp_path, caplog):
    """Left 32 (1): {"bai_viet": {"tieu_de": …, "noi_dung": …}} a line (an article under one of the text's own names,
    "bai_viet", "content") was an error a line, "no 'bai_viet' field with text (it is an object)", and a .json of one
    such object two articles, read as a table by columns. The object is the article, as under any other key: the
    record's own id first, a lone key without a digit no id, in JSON lines, a .json array and a .json object."""
    def article(n):
        return {"tieu_de": f"Tin {n}", "noi_dung": TEXT}
    for key in ("bai_viet", "content", "noi_dung"):
        lines = [{key: article(1)}, {key: article(2)}]
        (tmp_path / "x.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines),
                                          encoding="utf-8")
        (tmp_path / "x.json").write_text(json.dumps(lines, ensure_ascii=False), encoding="utf-8")
        for name in ("x.jsonl", "x.json"):
            got = [(a.id, a.title, a.text, a.error) for a in read(tmp_path / name)]
            assert got == [(f"{name}:1", "Tin 1", TEXT, None), (f"{name}:2", "Tin 2", TEXT, None)], (key, got)
        (tmp_path / "one.json").write_text(json.dumps({key: article(1)}, ensure_ascii=False), encoding="utf-8")
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert [(a.id, a.title, a.text) for a in read(tmp_path / "one.json")] == [("one", "Tin 1", TEXT)], key
        assert "by columns" not in caplog.text and "by key" not in caplog.text
        (tmp_path / "ids.jsonl").write_text(json.dumps({"id": 5, key: article(1)}, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
        assert [(a.id, a.title, a.text) for a in read(tmp_path / "ids.jsonl")] == [("5", "Tin 1", TEXT)], key
    # a lone key without a digit, in a .json object too, is a wrapper's name (its id the file's), a code an id
    for key, wanted in (("tin_bai", "one"), ("a1", "one.json:a1")):
        (tmp_path / "one.json").write_text(json.dumps({key: article(1)}, ensure_ascii=False), encoding="utf-8")
        assert [(a.id, a.title) for a in read(tmp_path / "one.json")] == [(wanted, "Tin 1")], key
    # the text's path given goes on naming it
    got = read(tmp_path / "x.jsonl", fields={"text": "noi_dung.noi_dung", "title": "noi_dung.tieu_de"})
    assert [(a.title, a.text) for a in got] == [("Tin 1", TEXT), ("Tin 2", TEXT)]


def test_a_headline_nested_without_its_text_is_read_as_the_same_fields_at_the_top(tmp_path):
    """Review 31a (2): {"url": …, "article": {"id": "a2", "title": …}} (a headline crawled without its text) was an
    error, its id lost, where the same fields at the top, or in a hit's _source, are read from the title. The one
    object that holds a lead or a title is the article where none holds a text."""
    articles = [{"id": "a1", "title": "A", "text": TEXT}, {"id": "a2", "title": "Tổng kết công tác dân vận năm 2024"},
                {"id": "a3", "title": "B", "sapo": TEXT2}]
    got = {}
    for shape, wrap in {"flat": lambda a: a, "hit": lambda a: {"_id": a["id"], "_source": a},
                        "nested": lambda a: {"url": "https://x.vn/" + a["id"], "article": a}}.items():
        (tmp_path / f"{shape}.jsonl").write_text("".join(json.dumps(wrap(a), ensure_ascii=False) + "\n"
                                                         for a in articles), encoding="utf-8")
        got[shape] = [(a.id, a.title, a.text, a.error) for a in read(tmp_path / f"{shape}.jsonl")]
    assert got["nested"] == got["flat"] == got["hit"], got
    assert [error for *_, error in got["nested"]] == [None] * 3
    # a title of the record's own is not taken over by an object's beside it
    (tmp_path / "own.jsonl").write_text(json.dumps({"title": "A", "text": TEXT}) + "\n" + json.dumps(
        {"id": "b", "title": "Gặp mặt đầu xuân", "meta": {"title": "x"}}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [a.title for a in read(tmp_path / "own.jsonl")] == ["A", "Gặp mặt đầu xuân"]


def test_a_record_without_its_text_is_not_read_from_its_category_or_picture(tmp_path):
    """Final 31 (1): a record whose text is left out and that holds an object with a title (its category {"id": 5,
    "title": "Thời sự"}, its picture) was read as that object, id '5', title and text "Thời sự". Only an object under
    a wrapper's name is a headline without its text; an inner id never replaces the record's own."""
    rows = [{"id": "a2", "url": "https://x.vn/a2", "category": {"id": 5, "title": "Thời sự"}},
            {"id": "a3", "image": {"src": "https://x.vn/a3.jpg", "title": "Ảnh minh họa"}},
            {"id": "a4", "article": {"id": "x9", "title": "Tổng kết công tác dân vận năm 2024"}},
            {"id": "a5", "data": {"id": "x8", "title": "Gặp mặt", "content": TEXT}}]
    (tmp_path / "crawl.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                          encoding="utf-8")
    got = [(a.id, a.title, a.error is None) for a in read(tmp_path / "crawl.jsonl")]
    assert got == [("a2", "", False), ("a3", "", False), ("a4", "Tổng kết công tác dân vận năm 2024", True),
                   ("a5", "Gặp mặt", True)], got


def test_a_hits_source_that_holds_its_article_in_an_object_is_read(tmp_path):
    """Review 31a (6): a hit whose _source holds {"url": …, "article": {…}}, as a crawler indexes its records, was one
    error for the whole file ("their fields are '_id', '_source'"), in JSON lines and a .json array or search response
    alike: the object inside the _source is the article, as it is at the top of a record."""
    article = {"title": "Tổng kết năm", "sapo": TEXT2, "noi_dung_chi_tiet": TEXT}
    hits = [{"_id": f"h{n}", "_source": {"url": f"https://x.vn/{n}", "article": article}} for n in (1, 2)]
    (tmp_path / "hits.jsonl").write_text("".join(json.dumps(h, ensure_ascii=False) + "\n" for h in hits),
                                         encoding="utf-8")
    (tmp_path / "hits.json").write_text(json.dumps(hits, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "search.json").write_text(json.dumps({"took": 3, "hits": {"total": 2, "hits": hits}},
                                                     ensure_ascii=False), encoding="utf-8")
    for name in ("hits.jsonl", "hits.json", "search.json"):
        got = [(a.id, a.title, a.text, a.source, a.error) for a in read(tmp_path / name)]
        assert got == [(f"h{n}", "Tổng kết năm", f"{TEXT2}\n{TEXT}", "x.vn", None) for n in (1, 2)], name


def test_phpmyadmins_json_export_is_read_as_its_tables_rows(tmp_path):
    """Hunt 23 D (12): phpMyAdmin's JSON export is an array of its header, the database and each table, the rows in
    the table's "data": it was one error naming 'type', 'version', 'comment', 'name', 'database', 'data'. Each
    table's rows are its articles; the header and database items are none."""
    rows = [{"id": "1", "tieu_de": "Tổng kết năm", "tom_tat": None, "noi_dung": f"<p>{TEXT}</p>"},
            {"id": "2", "tieu_de": "Gặp mặt", "tom_tat": TEXT2, "noi_dung": "<p>Các đồng chí dự.</p>"}]
    export = [{"type": "header", "version": "5.2.1", "comment": "Export to JSON plugin for PHPMyAdmin"},
              {"type": "database", "name": "tintuc"},
              {"type": "table", "name": "baiviet", "database": "tintuc", "data": rows}]
    (tmp_path / "tintuc.json").write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    got = [(a.id, a.title, a.text, a.error) for a in read(tmp_path / "tintuc.json")]
    assert got == [("1", "Tổng kết năm", TEXT, None), ("2", "Gặp mặt", f"{TEXT2}\nCác đồng chí dự.", None)]


def test_a_blogger_export_gives_its_posts_not_its_settings_template_and_comments(tmp_path):
    """Hunt 23 D (13): Blogger's export (an Atom feed) holds the blog's settings, template and readers' comments as
    entries beside its posts: each was an article ("true", "Hay quá"). Its posts and pages are its articles, in the
    old export (a category of kind "#post") and the newer one (blogger:type POST) alike."""
    def entry(n, kind, text, new=False):
        what = (f"<blogger:type>{kind.upper()}</blogger:type>" if new else
                f"<category scheme='http://schemas.google.com/g/2005#kind' "
                f"term='http://schemas.google.com/blogger/2008/kind#{kind}'/>")
        return f"<entry><id>e{n}</id>{what}<title>t{n}</title><content type='html'>{text}</content></entry>"
    for new in (False, True):
        feed = ("<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
                "xmlns:blogger='http://schemas.google.com/blogger/2018'>" + entry(1, "settings", "true", new)
                + entry(2, "post", TEXT, new) + entry(3, "comment", "Hay quá, cảm ơn.", new) + entry(4, "page", TEXT2, new)
                + "</feed>")
        (tmp_path / "blog.xml").write_text(feed, encoding="utf-8")
        assert [(a.id, a.text) for a in read(tmp_path / "blog.xml")] == [("e2", TEXT), ("e4", TEXT2)], new


def test_a_records_warnings_name_the_columns_as_the_file_spells_them(tmp_path):
    """Hunt 23 D (14): a record's warnings named the reader's own field names: an empty 'Body' beside a 'Description'
    was "the 'text' field is empty: the lead ('lead') is read as the text", in a file with no 'text' or 'lead'."""

    rows = [["Headline", "Description", "Body"], ["Gặp mặt", TEXT2, ""]]
    write_csv_and_workbook(tmp_path / "cms", rows)
    for name in ("cms.csv", "cms.xlsx"):
        [article] = read(tmp_path / name)
        said = article.meta["warning"]  # (a workbook's empty cell is no value: "missing")
        assert said.startswith("the 'Body' field is ") and said.endswith(": the lead ('Description') is read as the text")


def test_a_lead_repeated_after_a_picture_in_an_html_body_is_read_once(tmp_path):
    """Hunt 23 D (15): a post's content that opens with its picture (a <figure> whose srcset lists its sizes, 700
    characters of markup) before the paragraph its excerpt repeats: the lead was looked for in the markup's first
    characters only, and read twice."""
    srcset = ", ".join(f"https://x.vn/uploads/2024/03/hoi-nghi-{w}x{w // 2}.jpg {w}w" for w in (300, 768, 1024, 1536, 2048))
    content = (f'<figure class="wp-block-image"><img src="https://x.vn/a.jpg" alt="" srcset="{srcset}" '
               f'sizes="(max-width: 1024px) 100vw, 1024px" /></figure>\n<p>{TEXT}</p>\n<p>{TEXT2}</p>')
    (tmp_path / "posts.jsonl").write_text(json.dumps({"id": 7, "title": "T", "excerpt": TEXT, "content": content},
                                                     ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = read(tmp_path / "posts.jsonl")
    assert article.text == f"{TEXT}\n{TEXT2}"


def test_a_table_part_without_its_header_is_said_to_be_one(tmp_path):
    """Hunt 23 D (16): a later part of a table split into files without its header (split -l, an export paged into
    files): its first article was read as its header, and the error gave the article's text as "its columns" with no
    word of why. It says the first row reads as an article's; a header of short names that lacks the text does not."""
    (tmp_path / "part2.csv").write_text(f'2,Gặp mặt,"{TEXT2}"\n3,Tổng kết,"{TEXT}"\n', encoding="utf-8")
    (tmp_path / "short.csv").write_text(f'id,Ghi chú\n2,"{TEXT2}"\n', encoding="utf-8")
    [part] = read(tmp_path / "part2.csv")
    [short] = read(tmp_path / "short.csv")
    assert part.error.endswith("its first row reads as an article's, not a header (a part of a table split without "
                               "its header?): put the header row above it")
    assert "first row" not in short.error


def test_a_lead_put_first_is_not_taken_for_the_headline(tmp_path):
    """Hunt 23 D (17): records with no title field, their body opening with the headline and a lead beside it (a
    scraper's {"url", "description", "content"}): the lead, put first, was taken for the headline. The title is
    the body's, as it was before the lead was read."""
    body = f"Hội nghị tổng kết công tác dân vận\n{TEXT}\n{TEXT2}"
    rows = [{"url": "https://x.vn/a", "description": "Ban Dân vận vừa tổng kết năm.", "content": body},
            {"url": "https://x.vn/b", "description": "Ban Dân vận vừa tổng kết năm.", "content": f"<h1>Tổng kết</h1><p>{TEXT}</p>"}]
    (tmp_path / "s.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    a, b = read(tmp_path / "s.jsonl")
    assert (a.title, a.text) == ("Hội nghị tổng kết công tác dân vận", f"Ban Dân vận vừa tổng kết năm.\n{body}")
    assert (b.title, b.text) == ("Tổng kết", f"Ban Dân vận vừa tổng kết năm.\nTổng kết\n{TEXT}")


def test_a_us_date_column_is_read_month_first_in_csv_xlsx_json_and_jsonl(tmp_path, caplog):
    """Hunt 24 A (1): English-locale Excel writes "3/4/2024 8:15 AM" … "3/25/2024": the column is month first, so
    3/4/2024 is 4 March. Read value by value it was 3 April, silently; the order is now the whole column's."""
    from openpyxl import Workbook

    (tmp_path / "us.csv").write_text(f'id,date,text\na1,3/4/2024 8:15 AM,"{TEXT}"\na2,3/25/2024 9:00 AM,"{TEXT2}"\n',
                                     encoding="utf-8")
    book = Workbook()
    for row in (["Mã", "Ngày đăng", "Nội dung"], ["b1", "3/4/2024", TEXT], ["b2", "3/25/2024", TEXT2]):
        book.active.append(row)
    book.save(tmp_path / "us.xlsx")
    (tmp_path / "us.json").write_text(json.dumps([{"id": "c1", "pubDate": "3/4/2024", "content": TEXT},
                                                  {"id": "c2", "pubDate": "3/25/2024", "content": TEXT2}]),
                                      encoding="utf-8")
    (tmp_path / "vn.csv").write_text(f'id,date,text\nd1,3/4/2024,"{TEXT}"\nd2,25/3/2024,"{TEXT2}"\n', encoding="utf-8")
    (tmp_path / "us.jsonl").write_text("\n".join(json.dumps(record) for record in [
        {"id": "e1", "published_at": "3/4/2024 8:15 AM", "text": TEXT}, {"id": "e2", "date": None, "text": TEXT},
        [{"id": "e3", "published_at": "3/25/2024", "text": TEXT2}]]), encoding="utf-8")
    (tmp_path / "vn.jsonl").write_text(json.dumps({"id": "f1", "date": "3/4/2024", "text": TEXT}) + "\n"
                                       + json.dumps({"id": "f2", "date": "25/3/2024", "text": TEXT}), encoding="utf-8")
    names = ("us.csv", "us.xlsx", "us.json", "vn.csv", "us.jsonl", "vn.jsonl")
    dates = {a.id: a.date for a in read([tmp_path / name for name in names])}
    assert dates == {"a1": "2024-03-04", "a2": "2024-03-25", "b1": "2024-03-04", "b2": "2024-03-25",
                     "c1": "2024-03-04", "c2": "2024-03-25", "d1": "2024-04-03", "d2": "2024-03-25",
                     "e1": "2024-03-04", "e2": None, "e3": "2024-03-25", "f1": "2024-04-03", "f2": "2024-03-25"}
    assert "the 'Ngày đăng' column's dates are month first" in caplog.text


def test_make_articles_warnings_name_the_fields_as_the_file_spells_them(tmp_path, caplog):
    """Hunt 24 A (2): a date or a title that cannot be used was warned of as the 'date' or 'title' field, names the
    user's file (its "Ngày đăng", its "Tiêu đề") does not have."""
    (tmp_path / "bad.csv").write_text(f'Mã,Ngày đăng,Nội dung\na1,32/13/2022,"{TEXT}"\n', encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text(json.dumps({"id": "b1", "Tiêu đề": ["Hội", "nghị"], "content": TEXT},
                                                   ensure_ascii=False) + "\n", encoding="utf-8")
    first, second = read([tmp_path / "bad.csv", tmp_path / "bad.jsonl"])
    assert first.meta["warning"].startswith("the 'Ngày đăng' field '32/13/2022' is not a date")
    assert second.meta["warning"] == "the 'Tiêu đề' field is a list, not text: not used"
    assert "'date' field" not in caplog.text and "'title' field" not in caplog.text


def test_make_article_takes_a_lead_and_puts_it_before_the_body_once():
    """Hunt 24 A (3): a notebook user with a title, a sapo and a body could not give the sapo (the record reader
    joined it itself, and read the body's headline twice): make_article(lead=) puts it first, once, and the title,
    date and source are the body's, the lead's source tag where the body names none."""
    from dvtopics import make_article

    sapo = "Sáng 5/3, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm."
    body = "Ban Dân vận sơ kết công tác 6 tháng\n05/03/2024 08:15\nDự hội nghị có lãnh đạo các huyện.\nNguồn: TTXVN"
    article = make_article("a1", body, lead=sapo)
    assert article.text.startswith(f"{sapo}\n") and article.text.count(sapo) == 1
    assert (article.title, article.date, article.source) == (
        "Ban Dân vận sơ kết công tác 6 tháng", "2024-03-05", "TTXVN")
    assert make_article("a2", f"{sapo}\nDự hội nghị.", {"title": "Sơ kết"}, lead=sapo).text.count(sapo) == 1
    tagged = make_article("a3", "Dự hội nghị có lãnh đạo các huyện.\nMinh Anh (TTXVN)", lead=f"(Baophutho.vn) - {sapo}")
    assert tagged.source == "baophutho.vn" and tagged.text.startswith("(Baophutho.vn)")  # (the lead's tag first)
    assert make_article("a4", "", lead=sapo).text == sapo  # a lead without a body is the text
    assert make_article("a4", float("nan"), lead=sapo).text == sapo  # (a DataFrame's row without its body)
    with pytest.raises(TypeError, match="lead"):
        make_article("a5", body, lead=["a list"])
    # as the readers name it among the fields, the lead is the lead too, not a value kept aside unread
    assert make_article("a6", body, {"title": "Sơ kết", "lead": sapo}).text.startswith(f"{sapo}\n")


def test_a_feeds_description_beside_its_content_is_the_lead(tmp_path):
    """Hunt 24 A (4): an RSS item's description, an Atom entry's summary and a WordPress export's excerpt beside the
    full content are the sapo, the sentence that names the event: they were dropped, and the body read alone."""
    rss = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
           'content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"><channel><title>Báo X</title>'
           f'<item><title>Hội nghị tổng kết</title><link>https://x.vn/1</link><description>{TEXT}</description>'
           '<content:encoded><![CDATA[<p>Dự hội nghị có lãnh đạo các xã.</p>]]></content:encoded></item>'
           '<item><title>Gặp mặt đầu xuân</title><link>https://x.vn/2</link><description></description>'
           '<content:encoded><![CDATA[<p>Dự buổi gặp mặt có các cụ.</p>]]></content:encoded>'
           f'<excerpt:encoded><![CDATA[{TEXT2}]]></excerpt:encoded></item>'
           f'<item><title>Chỉ có mô tả</title><link>https://x.vn/3</link><description>{TEXT}</description></item>'
           '</channel></rss>')
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Báo Y</title>'
            f'<entry><title>Hội nghị tổng kết</title><id>y-1</id><summary>{TEXT}</summary>'
            '<content type="html">&lt;p&gt;Dự hội nghị có lãnh đạo các xã.&lt;/p&gt;</content></entry></feed>')
    (tmp_path / "feed.xml").write_text(rss, encoding="utf-8")
    (tmp_path / "atom.xml").write_text(atom, encoding="utf-8")
    texts = {a.id: a.text for a in read([tmp_path / "feed.xml", tmp_path / "atom.xml"])}
    assert texts == {"https://x.vn/1": f"{TEXT}\nDự hội nghị có lãnh đạo các xã.",
                     "https://x.vn/2": f"{TEXT2}\nDự buổi gặp mặt có các cụ.", "https://x.vn/3": TEXT,
                     "y-1": f"{TEXT}\nDự hội nghị có lãnh đạo các xã."}


def test_a_day_number_with_a_decimal_comma_is_a_date(tmp_path):
    """Hunt 24 A (5): Excel in a Vietnamese locale saves a date column that lost its format as day numbers with a
    decimal comma ("45376,34375", 2024-03-25 08:15); only the point was read, and the date was said to be none."""
    (tmp_path / "vi.csv").write_text(f"Mã;Ngày đăng;Nội dung\r\na1;45376,34375;{TEXT}\r\na2;45376.5;{TEXT2}\r\n",
                                     encoding="utf-8-sig")
    got = read(tmp_path / "vi.csv")
    assert [(a.id, a.date, a.meta.get("warning")) for a in got] == [
        ("a1", "2024-03-25", None), ("a2", "2024-03-25", None)]


def test_a_records_page_address_gives_its_source_where_nothing_else_does(tmp_path):
    """Hunt 24 A (6): a scraper's records keep the page's address ("url", a "Link" column, a feed's link as its id)
    and no source field: each article had no source, though its site is named, as an "URL: …" line over a text
    names it. A source line in the text still wins, and a source field over both."""
    (tmp_path / "s.jsonl").write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in [
        {"url": "https://baotuyenquang.com.vn/chinh-tri/a-1.html", "content": TEXT},
        {"url": "https://www.baolangson.vn/a-2.html", "content": f"{TEXT}\nNguồn: TTXVN"},
        {"url": "https://www.baolangson.vn/a-3.html", "source": "Báo Lạng Sơn", "content": TEXT},
        {"id": "https://vov.vn/a-4.html", "content": TEXT}, {"id": "a5", "url": "không có", "content": TEXT}]),
        encoding="utf-8")
    assert [a.source for a in read(tmp_path / "s.jsonl")] == [
        "baotuyenquang.com.vn", "TTXVN", "Báo Lạng Sơn", "vov.vn", None]


def test_joomlas_introtext_is_the_lead_and_its_publish_up_the_date(tmp_path):
    """Hunt 24 A (7): Joomla keeps an article's opening in "introtext", the rest in "fulltext" and its date in
    "publish_up": the opening was dropped without a word (a title column was there), and the articles were undated."""
    (tmp_path / "joomla.csv").write_text(f'id,title,introtext,fulltext,publish_up\n7,Gặp mặt,"<p>{TEXT2}</p>",'
                                         f'"<p>Dự buổi gặp mặt có các cụ.</p>",2024-03-06 08:00:00\n'
                                         f'8,Hội nghị,"<p>{TEXT}</p>",,2024-03-07 08:00:00\n', encoding="utf-8")
    got = read(tmp_path / "joomla.csv")
    assert [(a.id, a.text, a.date) for a in got] == [
        ("7", f"{TEXT2}\nDự buổi gặp mặt có các cụ.", "2024-03-06"), ("8", TEXT, "2024-03-07")]


def test_a_scrapers_body_text_and_pub_date_and_schema_orgs_article_body_are_the_text_and_date(tmp_path):
    """Hunt 29 L: a scraper's table of url, headline, body_text and pub_date was one error, "no 'text' column", and
    with --text-field body_text its articles were undated without a word (a title column was there); a page's
    JSON-LD saved as it is (articleBody, datePublished) was "no 'text' field"."""
    (tmp_path / "scraped.csv").write_text(f'url,headline,body_text,pub_date,category\nhttps://baodaklak.vn/a-1.html,'
                                          f'Hội nghị,"{TEXT}",2024-03-07 08:00,Chính trị\n', encoding="utf-8")
    (tmp_path / "ld.jsonl").write_text(json.dumps({"@type": "NewsArticle", "headline": "Gặp mặt", "articleBody": TEXT2,
                                                   "datePublished": "2024-03-06T08:00:00+07:00"}, ensure_ascii=False)
                                       + "\n", encoding="utf-8")
    assert [(a.title, a.text, a.date, a.source) for a in read(tmp_path / "scraped.csv")] == [
        ("Hội nghị", TEXT, "2024-03-07", "baodaklak.vn")]
    assert [(a.title, a.text, a.date) for a in read(tmp_path / "ld.jsonl")] == [("Gặp mặt", TEXT2, "2024-03-06")]


def test_a_json_arrays_articles_before_a_fault_come_first_when_reading_raises(tmp_path):
    """A .json file's dates are read in the order its whole date field shows (hunt 24 A): its items are gathered
    first, and with on_error="raise" the articles before a broken item must still come out before the error."""
    from dvtopics.errors import InputError
    from dvtopics.io.read import read_articles

    (tmp_path / "a.json").write_text('[{"id": "a1", "text": "Sáng nay họp."},\n{"id": "a2", "text": "Chiều họp."},\n'
                                     '{"id": "a3", "text": bad},\n{"id": "a4", "text": "Tối họp."}]', encoding="utf-8")
    got = []
    with pytest.raises(InputError, match="item 3"):
        for article in read_articles(tmp_path / "a.json", on_error="raise"):
            got.append(article.id)
    assert got == ["a1", "a2"]


def test_a_title_field_that_holds_the_pages_title_is_its_headline(tmp_path):
    """Hunt 24 A (8): scrapers save the page's <title> in the title field ("… - Báo Tuyên Quang điện tử", "… |
    VnExpress"): the site's name stayed in every title (the classifier's and the report's), and gave no source,
    though the same line atop a text is read as the headline and its site. A source field or line still wins."""
    (tmp_path / "t.jsonl").write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in [
        {"title": "Huyện tổng kết công tác dân vận năm 2022 - Báo Tuyên Quang điện tử", "content": TEXT},
        {"title": "Huyện tổng kết công tác dân vận năm 2022 | VnExpress", "source": "TTXVN", "content": TEXT},
        {"title": "Gặp mặt - Báo Tuyên Quang", "content": TEXT2}]), encoding="utf-8")
    assert [(a.title, a.source) for a in read(tmp_path / "t.jsonl")] == [
        ("Huyện tổng kết công tác dân vận năm 2022", "Báo Tuyên Quang điện tử"),
        ("Huyện tổng kết công tác dân vận năm 2022", "TTXVN"),
        ("Gặp mặt - Báo Tuyên Quang", None)]  # (too short a headline to tell from a title that names a paper)


def test_a_title_field_that_ends_with_its_date_dates_the_article(tmp_path):
    """Hunt 24 A (9): a listing's export whose title field ends with the article's date ("… năm 2022 - 25/03/2024") and
    has no date field: the date stayed in the title and the article was undated, though the same line atop a text is
    read as its headline and date. A date field wins; an anniversary's span stays in its title."""
    headline = "Huyện tổng kết công tác dân vận năm 2022"
    span = "Kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2024)"
    (tmp_path / "t.jsonl").write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in [
        {"title": f"{headline} - 25/03/2024", "content": TEXT}, {"title": f"{headline} (25/03/2024)",
                                                                 "date": "2024-03-26", "content": TEXT},
        {"title": span, "content": TEXT2}]), encoding="utf-8")
    assert [(a.title, a.date) for a in read(tmp_path / "t.jsonl")] == [
        (headline, "2024-03-25"), (headline, "2024-03-26"), (span, None)]


def test_a_title_that_ends_with_a_streets_name_or_a_weeks_span_stays_whole(tmp_path):
    """Read over 5,000 real titles, the two rules above cut two: "… nút giao An Dương - Thanh Niên" (a street, named
    as a paper is) and "… tuần từ 26/1-07/2/2017" (a week's span, whose end was taken for the article's date, in the
    text's first line too). A paper's name that is words too ends a title field's site only after "|"."""
    weekly = "Lịch công tác của Ủy ban nhân dân huyện tuần từ 26/1-07/2/2017"
    street = "Hà Nội lấy ý kiến người dân về nút giao An Dương - Thanh Niên"
    (tmp_path / "t.jsonl").write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in [
        {"title": weekly, "content": TEXT}, {"title": street, "content": TEXT}, {"content": f"{weekly}\n{TEXT}"},
        {"title": "Huyện tổng kết công tác dân vận năm 2022 | Thanh Niên", "content": TEXT}]), encoding="utf-8")
    assert [(a.title, a.date, a.source) for a in read(tmp_path / "t.jsonl")] == [
        (weekly, None, None), (street, None, None), (weekly, None, None),
        ("Huyện tổng kết công tác dân vận năm 2022", None, "Thanh Niên")]


def test_a_total_and_a_signature_under_a_tables_articles_are_notes(tmp_path, caplog):
    """Hunt 24 A (10): Vietnamese offices close a report's sheet with a total ("Tổng cộng: 2 bài") and a signature
    ("Người lập biểu") under the table: each was an error, and the run's exit code 1. Under the last article, rows
    with no text, lead, title, label or id are notes, named in one warning; above an article, or with an id (an
    article whose text is missing), such a row is still an error."""
    from openpyxl import Workbook

    book = Workbook()
    for row in (["STT", "Tiêu đề", "Nội dung"], [1, "Hội nghị", TEXT], ["", "", ""], [2, None, None],
                [3, "Gặp mặt", TEXT2], ["Tổng cộng: 2 bài", None, None], [None, "", None], [None, None, None],
                ["Người lập biểu"]):
        book.active.append(row)
    book.save(tmp_path / "report.xlsx")
    (tmp_path / "report.csv").write_text(f"Mã,Nội dung\na1,{TEXT}\na2,\nTổng số: 1 bài,\n", encoding="utf-8")
    got = read([tmp_path / "report.xlsx", tmp_path / "report.csv"])
    assert [(a.id, bool(a.error)) for a in got] == [("report.xlsx:2", False), ("report.xlsx:4", True),
                                                    ("report.xlsx:5", False), ("a1", False), ("a2", True)]
    assert "2 rows under the table's last article hold no text and no title" in caplog.text
    assert "row 6 ('Tổng cộng: 2 bài'), row 9 ('Người lập biểu')" in caplog.text
    assert "line 4 ('Tổng số: 1 bài')" in caplog.text


def test_a_total_under_the_titles_column_is_a_note(tmp_path, caplog):
    """Hunt 41 Y (1): an office sheet writes its total under the last article's title ("Tổng cộng: 6 bài" in the
    Tiêu đề column, or "4 bài" there beside "Tổng cộng" in STT): it was read as an article, labelled and counted. A
    title-only row that is a headline is still an article."""
    (tmp_path / "a.csv").write_text(f"STT,Tiêu đề,Nội dung\n1,Hội nghị,{TEXT}\n,Tổng cộng: 6 bài,\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(f"STT,Tiêu đề,Nội dung\n1,Hội nghị,{TEXT}\nTổng cộng,4 bài,\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text(f"STT,Tiêu đề,Nội dung\n1,Hội nghị,{TEXT}\n2,Tổng kết công tác năm 2023,\n",
                                    encoding="utf-8")
    got = read([tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"])
    assert [(a.id, a.title) for a in got] == [("a.csv:2", "Hội nghị"), ("b.csv:2", "Hội nghị"),
                                              ("c.csv:2", "Hội nghị"), ("c.csv:3", "Tổng kết công tác năm 2023")]
    assert "line 3 ('Tổng cộng: 6 bài')" in caplog.text and "line 3 ('Tổng cộng')" in caplog.text


def test_a_monitoring_exports_columns_not_read_are_said_with_the_options_that_read_them(tmp_path, caplog):
    """Hunt 41 W (4): an export's "STT" and "Trang" columns (its running number, its site) were named as not read
    with advice for the body alone (--text-field), so ids and sources went missing untold; a "Website" column is a
    source."""
    (tmp_path / "a.csv").write_text(f'STT,Tiêu đề,Tóm tắt,Trang\nw001,Hội nghị,"{TEXT}",Báo A\n', encoding="utf-8")
    (tmp_path / "b.csv").write_text(f'STT,Tiêu đề,Tóm tắt,Website\nw001,Hội nghị,"{TEXT}",Báo A\n', encoding="utf-8")
    got = read([tmp_path / "a.csv", tmp_path / "b.csv"])
    assert [a.source for a in got] == [None, "Báo A"]
    said = caplog.text
    for field in ("text", "id", "source"):  # (read from Python, the options are named as its arguments too)
        said = said.replace(f"fields['{field}'] (--{field}-field)", f"--{field}-field")
    assert "not read: 'STT', 'Trang' (give the body's column with --text-field, an id's or a source's with " \
           "--id-field or --source-field)" in said


def test_a_records_title_date_and_source_in_its_details_object_are_read(tmp_path):
    """Hunt 41 Y (3): a scraper's records keep their details in an object ({"id", "meta": {"title", "date",
    "source"}, "content"}): all three went unread, untold, every article undated and its title a sentence of its text.
    A field at the top wins over one inside."""
    records = [{"id": "a1", "meta": {"title": "Hội nghị", "date": "05/07/2022", "source": "Báo A"}, "content": TEXT},
               {"id": "a2", "title": "Gặp mặt", "metadata": {"title": "Khác", "published": "2022-07-06"},
                "content": TEXT2}]
    (tmp_path / "a.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    got = read([tmp_path / "a.json"])
    assert [(a.id, a.title, a.date, a.source) for a in got] == [("a1", "Hội nghị", "2022-07-05", "Báo A"),
                                                                ("a2", "Gặp mặt", "2022-07-06", None)]


def test_json_lines_without_a_date_field_are_not_read_a_second_time(tmp_path, monkeypatch):
    """The first pass that finds a JSON lines file's date order (month first or not) stops after the first 100
    lines when none has a date field: a file without dates is read once, as before that pass."""
    import dvtopics.io.read_json as read_json

    consumed = []

    def counted(*args, **kwargs):
        for item in original(*args, **kwargs):
            consumed.append(item)
            yield item

    original = read_json.numbered_lines
    monkeypatch.setattr(read_json, "numbered_lines", counted)
    path = tmp_path / "a.jsonl"
    record = {"text": "Hội nghị tổng kết công tác dân vận."}
    path.write_text("".join(json.dumps({"id": str(i), **record}, ensure_ascii=False) + "\n" for i in range(500)),
                    encoding="utf-8")
    assert len(list(read_articles([path]))) == 500
    assert len(consumed) <= 500 + 101


def test_an_article_read_as_it_was_written_holds_its_text_once():
    """Hunt 26 C: every article held its text twice, as read (`raw`) and as modelled (`text`), though half of
    baomoi's are the same: a corpus' text was twice in memory. The same text is one string; another stays apart."""
    from dvtopics.io.article import make_article

    plain = make_article("a", "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm của tỉnh.\n"
                              "Ban Dân vận Tỉnh ủy chủ trì.")
    assert plain.text == plain.raw and plain.text is plain.raw
    quoted = make_article("b", "Hội nghị “sơ kết” công tác dân vận 6 tháng đầu năm của tỉnh.")
    assert quoted.raw != quoted.text and "“sơ kết”" in quoted.raw


@pytest.mark.parametrize("held", [{"a": "other"}, ["labels.csv"], 3])
def test_read_labels_given_labels_held_in_python_names_what_it_wants(held):
    """read_labels(a DataFrame or a dict) failed with pathlib's "expected str, bytes or os.PathLike object": labels
    held in a notebook are refused naming the path read_labels wants."""
    from dvtopics.errors import ArgumentError
    from dvtopics.io.labels import read_labels

    with pytest.raises(ArgumentError, match=f"give its path, not a {type(held).__name__}"):
        read_labels(held)


def test_a_csvs_ids_written_as_floats_are_read_as_written_and_said(tmp_path, caplog):
    """The review of hunt 29 L: read_articles(df) reads a float id column's 21395276.0 as "21395276" (a number, as a
    JSON or workbook number is read), while the CSV pandas writes from it says "21395276.0", read as written. The
    CSV's cell stays as written: a labels CSV written from the same frame says "21395276.0" too, and an id "1.50" is
    no number to round. A file whose every id is so written says so, and how to write them as whole numbers."""
    import pandas as pd

    frame = pd.DataFrame({"id": [21395276.0, None], "text": [TEXT, TEXT2]})
    frame.to_csv(tmp_path / "floats.csv", index=False)
    assert [a.id for a in read_articles(frame)] == ["21395276", "DataFrame:3"]
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read_articles(tmp_path / "floats.csv")] == ["21395276.0", "floats.csv:3"]
    assert ("floats.csv: every id is written as a float (e.g. '21395276.0', as pandas writes a whole-number column "
            "with an empty cell): read as written, so labels that give it as '21395276' match none") in caplog.text
    caplog.clear()
    (tmp_path / "mixed.csv").write_text(f"id,text\n1.0,{TEXT}\n1.50,{TEXT2}\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read_articles(tmp_path / "mixed.csv")] == ["1.0", "1.50"]
    assert "written as a float" not in caplog.text
    frame.astype({"id": "Int64"}).to_csv(tmp_path / "whole.csv", index=False)
    assert [a.id for a in read_articles(tmp_path / "whole.csv")] == ["21395276", "whole.csv:3"]


def test_a_labels_files_file_cell_names_a_gzipped_article_as_the_walk_reads_it(tmp_path):
    """The final reading of the change: a `file` cell "2017/a.txt.gz" kept its suffix, while the folder's walk reads
    that file as the article "2017/a": its label matched no article."""
    import gzip

    from dvtopics.io.folders import without_article_suffix
    from dvtopics.io.labels import read_labels

    (tmp_path / "arts" / "2017").mkdir(parents=True)
    with gzip.open(tmp_path / "arts" / "2017" / "a.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write("Hội nghị tổng kết\nBan Dân vận tổng kết công tác năm 2017.")
    (tmp_path / "labels.csv").write_text("file,label\n2017/a.txt.gz,annual_review\n", encoding="utf-8")
    [article] = read_articles(tmp_path / "arts")
    assert without_article_suffix("2017/a.TXT.GZ") == "2017/a"
    assert article.id in read_labels(tmp_path / "labels.csv")


@pytest.mark.parametrize("suffix", [".txt", ".csv", ".jsonl"])
def test_a_file_of_another_kind_under_a_texts_name_says_what_it_is_and_what_to_do(tmp_path, suffix):
    """The review of hunt 29: a zip too crowded to open named .txt was "zip-compressed data" (an archive, by what it
    lists, and a zip of articles "decompress it first"); a PDF named .jsonl an error for each line of its bytes; a
    .docx gzipped "name it .docx" (or a line of binary data each). Each is one error, saying what the file is and what
    to do."""
    import gzip
    import io
    import zipfile

    crowded = io.BytesIO()
    with zipfile.ZipFile(crowded, "w") as archive:
        for n in range(10_001):
            archive.writestr(f"{n}.txt", "")
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("a.txt", TEXT)
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    said = {"crowded": (crowded.getvalue(), "a zip that lists 10,001 members, over the 10,000 a document or an export "
                                            "holds: not opened (a zip bomb's way to fill memory); if it is an archive "
                                            "of articles, unzip it and give the folder it makes"),
            "plain": (plain.getvalue(), "a zip archive, not text: name it .zip to read the articles it holds, or "
                                        "unzip it"),
            "pdf": (pdf, "a PDF document, not plain text: save it as Plain Text (.txt, UTF-8)"),
            "gzipped": (gzip.compress(docx.getvalue()), "zip data (a Word or Excel file, or a zip archive) compressed "
                                                        "again with gzip, not text: decompress it first")}
    for name, (data, message) in said.items():
        (tmp_path / f"{name}{suffix}").write_bytes(data)
        articles = read(tmp_path / f"{name}{suffix}")
        assert len(articles) == 1 and message in articles[0].error, (name, [a.error for a in articles])


def test_a_file_of_another_kind_over_the_size_limit_says_what_it_is_not_to_raise_the_limit(tmp_path):
    """The review of hunt 30 P: a PDF or a zip over 10 MB named .txt (a scanned PDF, an archive) was told to raise
    --max-bytes; the user reread 11 MB only to hear it was a PDF. Its head says what it is before its size is
    weighed; a text, and a gzipped one (read as text), over the limit are still told of the limit."""
    import gzip
    import io
    import zipfile

    articles = io.BytesIO()
    with zipfile.ZipFile(articles, "w") as archive:
        archive.writestr("a.txt", TEXT * 10)
    said = {"pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 4, "a PDF document, not plain text"),
            "zip": (articles.getvalue(), "a zip archive, not text: name it .zip to read the articles it holds"),
            "text": (TEXT.encode() * 10, "over the 100 bytes article limit"),
            "gzipped": (gzip.compress(TEXT.encode() * 10, mtime=0) + b"\0" * 200, "over the 100 bytes article limit")}
    for name, (data, message) in said.items():
        (tmp_path / f"{name}.txt").write_bytes(data)
        [article] = read(tmp_path / f"{name}.txt", max_bytes=100)
        assert message in article.error and (name in ("text", "gzipped")) == ("--max-bytes" in article.error), (
            name, article.error)


def test_a_headline_run_into_its_lead_after_the_papers_code_is_the_title(tmp_path):
    """Trial 34 (f): a .txt whose headline runs into its lead on one line, the paper's code in brackets between them
    (as VNTC's Người Lao Động articles are, UTF-16 with CRLF line ends), had no title (the line read as a paragraph),
    or, short, the whole line with its lead as the title, and no source. The words before the code are the headline,
    the code the source. Where nothing tells where a headline ends (no code after it, a photo's caption between it
    and the lead) or a place stands before the code (an agency's dateline), there is still no title."""
    lead = "Sáng 12-5, UBND huyện Gò Công đã khánh thành cây cầu bắc qua kênh Xáng, giúp bà con đi lại thuận tiện hơn."
    texts = {
        "run": f"Khánh thành cầu mới ở huyện Gò Công (NLĐ)- {lead}\r\nCông trình có vốn 5 tỉ đồng.\r\n",
        "short": "Cứu sống 5 ngư dân gặp nạn trên biển (NLĐ) - Ngày 3-3, ông Trần Văn Tư cho biết:\nCả 5 người khỏe.",
        "agency": f"Thủ đô Hà Nội (TTXVN) - {lead} {lead}\nCông trình có vốn 5 tỉ đồng.",
        "untagged": f"Hội nghị nông dân sản xuất giỏi toàn tỉnh {lead}\nCó 120 đại biểu dự.",
        "caption": "Khánh thành cầu mới ở huyện Gò Công Lãnh đạo huyện cắt băng khánh thành cây cầu bắc qua kênh Xáng "
                   f"(NLĐ)- {lead}\nCông trình có vốn 5 tỉ đồng.",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le") if name == "run" else
                                               text.encode("utf-8"))
    got = {a.id: (a.title, a.source, a.error) for a in read(tmp_path)}
    assert got == {"run": ("Khánh thành cầu mới ở huyện Gò Công", "Người Lao Động", None),
                   "short": ("Cứu sống 5 ngư dân gặp nạn trên biển", "Người Lao Động", None),
                   "agency": ("", "TTXVN", None), "untagged": ("", None, None), "caption": ("", None, None)}, got


def test_a_banner_over_the_header_that_names_the_text_alone_is_not_the_header(tmp_path, caplog):
    """Trial 34: a sheet's header under a banner merged across its columns whose one word is a name of the text's
    ("Bài viết" over "Mã, Tiêu đề, Ngày, Nội dung", as a report groups its columns) took the banner for the header:
    every row was read as an article whose text was its first cell ("d1"), its title, date and text lost, exit 0. The
    row under it names the text and more: it is the header, as under a group header of several cells. A table of a
    text column alone keeps its one-cell header."""
    from openpyxl import Workbook

    rows = [["Mã", "Tiêu đề", "Ngày", "Nội dung"], ["d1", "Hội nghị", "05/12/2016", TEXT],
            ["d2", "Gặp mặt", "06/12/2016", TEXT2]]
    book = Workbook()
    book.active.append(["Bài viết"])
    book.active.merge_cells("A1:D1")
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "merged.xlsx")
    (tmp_path / "merged.csv").write_text("Bài viết,,,\n" + "".join(",".join(row) + "\n" for row in rows),
                                         encoding="utf-8")
    for name in ("merged.xlsx", "merged.csv"):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            got = [(a.id, a.title, a.date, a.text, a.error) for a in read(tmp_path / name)]
        assert got == [("d1", "Hội nghị", "2016-12-05", TEXT, None), ("d2", "Gặp mặt", "2016-12-06", TEXT2, None)], got
        assert "the row above the table's header not read (a group header over its columns)" in caplog.text
    (tmp_path / "one.csv").write_text(f"Bài viết\n{TEXT}\n{TEXT2}\n", encoding="utf-8")
    assert [(a.text, a.error) for a in read(tmp_path / "one.csv")] == [(TEXT, None), (TEXT2, None)]


def test_a_file_the_user_may_not_read_is_an_error_in_its_place(tmp_path, monkeypatch):
    """Trial 34: a .txt in a folder that its permissions closed to the user (`chmod 000`, a file copied from another
    account) raised PermissionError out of the stream: the run ended ("Error: …: Permission denied", exit 2), the
    articles after it unread; a workbook so closed was "not an .xlsx workbook". Any file that may not be read is an
    error in its place that says why, whatever its kind, and the files after it are read. (Simulated: the tests may
    run as root, whom permissions do not stop.)"""
    import builtins
    import io
    import os

    from openpyxl import Workbook

    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Tin một\n{TEXT}", encoding="utf-8")
    (folder / "b.txt").write_text(f"Tin hai\n{TEXT}", encoding="utf-8")
    (folder / "z.txt").write_text(f"Tin cuối\n{TEXT2}", encoding="utf-8")
    (tmp_path / "c.csv").write_text(f"id,text\nc1,{TEXT}\n", encoding="utf-8")
    (tmp_path / "e.jsonl").write_text(json.dumps({"id": "e1", "text": TEXT}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    book = Workbook()
    book.active.append(["id", "text"]), book.active.append(["d1", TEXT])
    book.save(tmp_path / "d.xlsx")
    closed = {str(folder / "b.txt"), str(tmp_path / "c.csv"), str(tmp_path / "d.xlsx"), str(tmp_path / "e.jsonl")}

    def denied(real):
        def opened(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and os.fspath(file) in closed:
                raise PermissionError(13, "Permission denied", os.fspath(file))
            return real(file, *args, **kwargs)
        return opened
    for module, name in ((os, "open"), (builtins, "open"), (io, "open")):
        monkeypatch.setattr(module, name, denied(getattr(module, name)))
    got = [(a.id, a.error) for a in read([folder, tmp_path / "c.csv", tmp_path / "d.xlsx", tmp_path / "e.jsonl"])]
    assert got == [("a", None), ("b", f"{folder / 'b.txt'}: cannot read (Permission denied)"), ("z", None),
                   *[(name.split(".")[0], f"{tmp_path / name}: cannot read (Permission denied)")
                     for name in ("c.csv", "d.xlsx", "e.jsonl")]], got


def test_a_link_to_nowhere_given_or_matched_by_a_pattern_is_an_error_in_its_place(tmp_path):
    """Trial 34: a link whose file was moved (its link left), in a folder walked, is an error in its place ("a link to
    …, which is not there"); given by a pattern in quotes (`inspect "bai/*.txt"`), or by its name from Python, it
    ended the run after the articles before it, "no such file or folder", which denied the link the user sees. It
    is the same error in its place, and the files after it are read."""
    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Tin một\n{TEXT}", encoding="utf-8")
    (folder / "b.txt").symlink_to(tmp_path / "moved.txt")
    (folder / "c.txt").write_text(f"Tin ba\n{TEXT2}", encoding="utf-8")
    said = f"{folder / 'b.txt'}: a link to {tmp_path / 'moved.txt'}, which is not there"
    for paths in (folder, str(folder / "*.txt"), sorted(folder.iterdir())):
        assert [(a.id, a.error) for a in read(paths)] == [("a", None), ("b", said), ("c", None)], paths


def test_a_header_is_looked_for_in_lines_csv_cannot_read_without_a_traceback(tmp_path):
    """A review of the CSV read a line at a time found two tracebacks older than it: the lines where a table's
    header is looked for were read with the csv module's own limits (a text of 200,000 characters in the first rows,
    read with a --text-field the table lacks or as a labels file) and its lines (a table saved as .txt whose lines
    end with CR alone but its last)."""
    from dvtopics.io.labels import labels_file_columns
    from dvtopics.io.records import FieldNames

    (tmp_path / "bang.txt").write_bytes(b"extra,text\ra,b\rc,d\n")
    assert [(a.text, a.error) for a in read(tmp_path / "bang.txt")] == [("b", None), ("d", None)]
    (tmp_path / "dai.csv").write_text("id,text\na1," + "x" * 200_000 + "\n", encoding="utf-8")
    (article,) = read(tmp_path / "dai.csv", fields=FieldNames(text="noi_dung"))
    assert "no 'noi_dung' column" in article.error and "its columns are 'id', 'text'" in article.error
    (tmp_path / "nhan.csv").write_text("file,label,text\na.txt,other," + "x" * 200_000 + "\n", encoding="utf-8")
    assert labels_file_columns(tmp_path / "nhan.csv") == ["file", "label", "text"]
