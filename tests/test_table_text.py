"""A CSV read a line at a time from its file (`io.table_text`): the articles, errors and warnings of reading its text
whole, without holding it."""
import dataclasses
import gzip
import logging

import pytest

from dvtopics.io import table_text
from dvtopics.io.read import read_articles
from dvtopics.io.table_text import TableText
from test_input_files import cp1258

TEXT = "Sáng 5/1, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2022."
TEXT2 = "Chiều 8/3, Mặt trận huyện tổ chức gặp mặt các đồng chí nguyên lãnh đạo."

# tables as users' files hold them: line ends, a BOM, Excel's "sep=;" line, cells over several lines, a broken row
# and one whose quote is never closed, a title above the header, the header again, month-first dates, blank rows
TABLES = {
    "plain": f"id,date,text\na1,5/1/2023,{TEXT}\na2,8/3/2023,{TEXT2}\n",
    "crlf_bom": f"\ufeffid,text\r\na1,{TEXT}\r\na2,\"{TEXT2}\r\nhai dòng\"\r\n",
    "cr_only": f"id,text\ra1,{TEXT}\ra2,{TEXT2}\r",
    "sep_line": f"sep=;\nid;date;text\na1;2023-01-05;{TEXT}\na2;;\"{TEXT2}\"\n",
    "broken": f"id,text\na1,\"{TEXT}\na2,{TEXT2}\na3,x \"y\" z\na4,{TEXT}\n",
    "never_closed": f"id,text\na1,{TEXT}\na2,\"{TEXT2}\na3,{TEXT}\n",
    "banner": f"Danh sách bài báo năm 2023\n\nid,title,text\na1,Tổng kết,{TEXT}\n"
              f"id,title,text\na2,Gặp mặt,{TEXT2}\n",
    "month_first": f"id,date,text\na1,3/4/2023,{TEXT}\na2,3/25/2023,{TEXT2}\n\n,,\n",
    "tabs": f"id\ttext\na1\t\"Dân vận khéo\" nhân rộng {TEXT}\n",
}


def seen(articles):
    return [dataclasses.astuple(article) for article in articles]


def read_both(path, monkeypatch, caplog):
    """(articles, warnings) read a line at a time from the file, then from its text decoded whole."""
    results = []
    for whole in (False, True):
        caplog.clear()
        with monkeypatch.context() as patch, caplog.at_level(logging.WARNING):
            if whole:
                patch.setattr(table_text, "_utf8_size", lambda path, say=True: None)
            results.append((seen(read_articles([path], on_error="record")), caplog.messages[:]))
    return results


@pytest.mark.parametrize("name", sorted(TABLES))
@pytest.mark.parametrize("packed", [False, True])
def test_a_utf8_table_read_a_line_at_a_time_gives_what_its_whole_text_gives(tmp_path, monkeypatch, caplog, name,
                                                                             packed):
    data = TABLES[name].encode("utf-8")
    path = tmp_path / (f"{name}.tsv" if name == "tabs" else f"{name}.csv")
    if packed:
        path = path.with_name(path.name + ".gz")
        data = gzip.compress(data)
    path.write_bytes(data)
    assert TableText(path).streamed
    (streamed, said), (whole, said_whole) = read_both(path, monkeypatch, caplog)
    assert streamed == whole and said == said_whole
    assert streamed  # (read at all)


@pytest.mark.parametrize("data", [
    cp1258(f"id,text\na1,{TEXT}\n"),  # Windows-1258: decoded whole, with its warning
    f"id,text\na1,{TEXT}\n".encode("utf-16"),
    f"id,text\na1,{TEXT}\na2,{TEXT2}\n".encode("utf-8") + cp1258("a3,Hội nghị\n"),  # a line pasted in
    b"id,text\na1,x\x00y\n",
])
def test_a_table_that_is_not_utf8_throughout_is_decoded_whole_as_before(tmp_path, data):
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    assert not TableText(path).streamed
    assert [a.id for a in read_articles([path], on_error="record")][0] == "a1"


def test_a_gzip_table_cut_short_is_read_to_its_last_whole_line_and_says_where(tmp_path):
    data = gzip.compress(("id,text\n" + "".join(f"a{n},{TEXT}\n" for n in range(2000))).encode("utf-8"), mtime=0)
    path = tmp_path / "t.csv.gz"
    path.write_bytes(data[:len(data) // 2])
    assert not TableText(path).streamed
    articles = list(read_articles([path], on_error="record"))
    assert articles[0].id == "a0" and articles[-1].error and "cut short" in articles[-1].error
    assert all(article.error is None for article in articles[:-1]) and len(articles) > 100


def test_a_table_written_again_while_it_is_read_keeps_the_rows_before_and_says_so(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,text\n" + "".join(f"a{n},{TEXT}\n" for n in range(5000)), encoding="utf-8")
    articles = read_articles([path], on_error="record")
    first = next(articles)
    path.write_bytes(b"id,text\n" + b"\xff" * 5_000_000)  # (no longer UTF-8 from its first row on)
    rest = list(articles)
    assert first.id == "a0" and rest[-1].error and "changed while it was read" in rest[-1].error
    assert rest[-1].error.startswith(f"{path}:")
    assert all(article.error is None for article in rest[:-1])


# ------------------------------------------------------------------ a Dask task's share of a table's rows

def _rows(count: int, start: int = 0) -> str:
    return "".join(f"a{n},3/{n % 28 + 1}/2023,\"{TEXT}\nDòng {n}.\"\n" for n in range(start, start + count))


SHARED_TABLES = {
    **TABLES,
    # a title above, cells of two lines, the header again, a note between articles and notes under the last
    "long": f"Danh sách bài báo\n\nid,date,text\n{_rows(9)}id,date,text\n{_rows(3, 9)},,\nGhi chú,,\n{_rows(2, 12)}"
            "Tổng cộng: 14 bài,,\nNgười lập biểu,,\n",
    # quotes escaped with a backslash (said once, by the share of the first such row), a broken row, ids as floats
    "escapes": "id,text\n" + "".join(f"{n}.0,\"Hội nghị \\\"{n}\\\" năm 2023. {TEXT}\"\n" for n in range(6))
               + f"7.0,x \"y\" z\n8.0,{TEXT}\n",
    "no_text_column": "id,noi_dung\na1,x\na2,y\na3,z\n",
    # no article in the whole table: the last share says so, as the whole reading does (a review found 0 articles,
    # exit 0, on Dask)
    "header_over_blank_rows": "id,title,text\n,,\n\n,,\n",
    "header_again_only": "id,text\nid,text\nid,text\n",
    "notes_only": "id,text\nTổng cộng: 0 bài,\nNgười lập biểu,\n",
}


@pytest.mark.parametrize("name", sorted(SHARED_TABLES))
def test_a_tables_shares_read_one_after_another_give_what_the_whole_table_gives(tmp_path, caplog, name):
    """Left 34: a CSV was one Dask part however many rows it held: one worker read and labelled it while the others
    waited. One of more rows than a part holds is cut into shares of its rows; read one after another, they give
    the whole reading's records, and its warnings, each said once."""
    from dvtopics.run.distributed import plan_parts, read_part

    path = tmp_path / (f"{name}.tsv" if name == "tabs" else f"{name}.csv")
    path.write_text(SHARED_TABLES[name], encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        whole = seen(read_articles([path], on_error="record"))
    said = caplog.messages[:]
    assert whole
    for size in (1, 2, 3, 5):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            parts = plan_parts([path], size=size)
            shared = [article for part in parts for article in seen(read_part(part))]
        assert shared == whole, size
        assert caplog.messages == said, size
        if len(whole) > size:
            assert len(parts) > 1 and all(part.rows for part in parts), size
    assert plan_parts([path], size=1000)[0].rows is None  # (one part: read whole, as before)


def test_a_share_of_a_table_reads_only_its_rows(tmp_path):
    from dvtopics.io.read import read_file
    from dvtopics.io.read_tables import csv_shares
    from dvtopics.io.shares import Share

    path = tmp_path / "t.csv"
    path.write_text("id,date,text\n" + _rows(10), encoding="utf-8")
    shares = csv_shares(path, "text", 4)
    assert shares == [(0, 10), (10, 8), (18, None)]  # (rows of two lines: lines 2, 4, …; the first share holds line 0)
    assert [[a.id for a in read_file(path, "t", share=Share(*rows))] for rows in shares] == [
        ["a0", "a1", "a2", "a3"], ["a4", "a5", "a6", "a7"], ["a8", "a9"]]


# ------------------------------------------------------------------ a review's findings (a helper's, by running)

@pytest.mark.parametrize("data", [
    b"id,text\na1,ok\na2,x\x1by",  # a control character in a last line without its line end
    "id,text\na1,".encode() + "\ufffd".encode() * 30,
    b"id,text\na1," + b"\x07" * 50 + b"x" * 1_100_000 + b"\n",  # in a first line longer than a chunk
    b"\n" * 1000 + "id;text\na1;Hội nghị tổng kết\n".encode(),  # the header under 1,000 blank lines
    b"\r\r\n" * 600 + "id;text\r\r\na1;Hội nghị tổng kết\r\r\n".encode(),
])
def test_what_the_whole_text_says_of_a_tables_first_characters_and_lines_a_file_read_a_line_at_a_time_says(
        tmp_path, monkeypatch, caplog, data):
    """Its first 4,096 characters are looked at for control characters wherever its first lines end, and its
    header is looked for among its first 1,000 lines that are not blank, as when its text is decoded whole: the
    first version looked at its first chunk up to its last line end (a last line without one went unlooked at) and
    at its first 1,000 lines, blank ones counted (a ';' header under them was split at ',')."""
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    (streamed, said), (whole, said_whole) = read_both(path, monkeypatch, caplog)
    assert streamed == whole and said == said_whole
    if b";" in data:
        assert [(article[0], article[-1]) for article in streamed] == [("a1", None)]


def test_a_gzip_name_on_plain_bytes_is_said_once(tmp_path, caplog):
    path = tmp_path / "x.csv.gz"
    path.write_bytes(b"id,date,text\na1,5/1/2023,Hoi nghi tong ket\n")
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read_articles([path], on_error="record")] == ["a1"]
    assert sum("not gzip data despite its name" in message for message in caplog.messages) == 1


@pytest.mark.parametrize("change", ["cut", "emptied", "added_to", "written_again"])
def test_a_table_changed_while_it_is_read_ends_with_an_error_that_says_so(tmp_path, change):
    """A file read a line at a time may change between its readings, or during one: the first version read on
    silently (a file cut at a line's end gave a third of its rows and no error; one written again with other rows
    mixed the two), or stopped with a traceback (a "sep=;" file emptied between its head and its rows)."""
    path = tmp_path / "t.csv"
    text = "sep=,\nid,date,text\n" + "".join(f"a{n},5/1/2023,{TEXT}\n" for n in range(5000))
    path.write_text(text, encoding="utf-8")
    articles = read_articles([path], on_error="record")
    first = next(articles)
    if change == "cut":
        path.write_text(text[:len(text) // 3].rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    elif change == "emptied":
        path.write_bytes(b"")
    elif change == "added_to":
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"b1,5/1/2023,{TEXT2}\n")
    else:
        path.write_text(text.replace("a", "b"), encoding="utf-8")
    rest = list(articles)
    assert first.id == "a0" and rest[-1].error and "changed while it was read" in rest[-1].error, rest[-1]
    assert all(article.error is None for article in rest[:-1])
