"""Bad input never stops a batch: each bad article is reported, the rest are read."""

from dvtopics.io.read import read_articles


def test_a_20_mb_single_line_article_is_reported_not_fatal(tmp_path):
    (tmp_path / "a_huge.txt").write_bytes(("công tác dân vận " * 1_200_000).encode())  # ~20 MB, one line
    (tmp_path / "b_good.txt").write_text("Tiêu đề\nNội dung bài viết.", encoding="utf-8")
    articles = list(read_articles(tmp_path, on_error="record"))
    assert "MB article limit" in articles[0].error and "--max-bytes" in articles[0].error
    assert articles[1].error is None


def test_every_kind_of_bad_file_gets_its_own_error(tmp_path):
    files = {
        "1_empty.txt": b"",
        "2_binary.txt": bytes(range(256)) * 20,
        "3_utf16_no_bom.txt": "Tiêu đề\nCông tác dân vận ở cơ sở.".encode("utf-16-le"),
        "4_html.txt": "<html><body><p>Tin tức</p><p>Nội dung.</p></body></html>".encode(),
        "5_english.txt": ("The committee met on Monday to review the quarter. " * 20).encode(),
        "6_good.txt": "Tiêu đề\nCông tác dân vận ở cơ sở.".encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    articles = {a.id: a for a in read_articles(tmp_path, on_error="record")}
    assert "empty" in articles["1_empty"].error
    assert "binary" in articles["2_binary"].error
    assert articles["3_utf16_no_bom"].title == "Tiêu đề"
    assert articles["4_html"].title == "Tin tức"
    assert "diacritics" in articles["5_english"].meta["warning"]
    assert articles["6_good"].error is None


def test_jsonl_bad_lines_are_reported_in_place(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes('{"id": "1", "text": "Tin một."}\n{broken\n["a list"]\n{"id": "4"}\n'.encode()
                     + b"\xff\xfe\x00\n" + '{"id": "6", "text": "Tin sáu."}\n'.encode())
    articles = list(read_articles(path, on_error="record"))
    assert [a.error is None for a in articles] == [True, False, False, False, False, True]
    assert [a.id for a in articles][-1] == "6"


# ---------------------------------------------------------------- second round: input that must not crash

import gzip
import json
import os
import zlib

import pytest

from dvtopics.io.labels import read_labels
from dvtopics.io.language import word_segmented
from dvtopics.io.sidefiles import read_side_file
from dvtopics.io.vnlegacy import encode

GOOD = "Ban Dân vận Tỉnh ủy tổng kết công tác năm 2022\nSáng 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết."


def jsonl(n: int, prefix: str = "g") -> bytes:
    """`n` JSONL lines of distinct articles; made less compressible so that a cut gzip holds whole lines."""
    return "".join(json.dumps({"id": f"{prefix}{i}", "text": f"{GOOD}\n{os.urandom(64).hex()}"}, ensure_ascii=False)
                   + "\n" for i in range(n)).encode()


def read(path, **options):
    return list(read_articles(path, on_error="record", **options))


def test_a_gzip_file_cut_short_gives_its_whole_lines_and_one_error(tmp_path):
    data = gzip.compress(jsonl(200))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles = read(path)
    good, bad = [a for a in articles if not a.error], [a for a in articles if a.error]
    assert [a.id for a in good] == [f"g{i}" for i in range(len(good))] and len(good) > 50
    assert len(bad) == 1 and articles[-1] is bad[0]
    assert f"cut.jsonl.gz:{len(good) + 1}:" in bad[0].error and "cut short" in bad[0].error


def test_gzip_by_content_not_by_name(tmp_path):
    (tmp_path / "a_plain.jsonl.gz").write_bytes(jsonl(2, "p"))  # plain text named .gz
    (tmp_path / "b_junk.jsonl.gz").write_bytes(gzip.compress(jsonl(2, "j")) + b"JUNK after the stream")
    (tmp_path / "c_members.jsonl.gz").write_bytes(gzip.compress(jsonl(1, "m")) + gzip.compress(jsonl(1, "n")))
    articles = read([tmp_path / name for name in sorted(os.listdir(tmp_path))])
    assert [a.id for a in articles if not a.error] == ["p0", "p1", "j0", "j1", "m0", "n0"]
    assert [a.error for a in articles if a.error] == [
        f"{tmp_path / 'b_junk.jsonl.gz'}:3: data that is not gzip after the end of the compressed stream"]


def test_a_csv_field_over_the_limit_is_one_error_and_the_rows_after_it_are_read(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(f'id,text\nc1,"{"công tác " * 30_000}"\nc2,"{GOOD}"\n', encoding="utf-8")  # 270 KB field
    assert [a.error for a in read(path)] == [None, None]  # over the csv module's own 128 KB limit: read
    first, second = read(path, max_bytes=100_000)
    assert "x.csv:2: field 'text'" in first.error and "article limit" in first.error
    assert second.id == "c2" and second.error is None


def test_an_unclosed_quote_in_a_csv_does_not_swallow_the_next_articles(tmp_path):
    path = tmp_path / "x.csv"
    # the stray quote meets the next row's opening quote ...
    path.write_text(f'id,text\nu1,"{GOOD.splitlines()[0]}\nu2,"{GOOD}"\nu3,Tin ba\n', encoding="utf-8")
    articles = read(path)
    assert "x.csv:2: broken CSV row (" in articles[0].error
    assert [(a.id, a.error) for a in articles[1:]] == [("u2", None), ("u3", None)]
    assert articles[1].title == GOOD.splitlines()[0]
    # ... or runs to the end of the file
    path.write_text(f'id,text\nu1,"{GOOD.splitlines()[0]}\nu2,Tin hai\nu3,Tin ba\n', encoding="utf-8")
    articles = read(path)
    assert "never closed" in articles[0].error
    assert [(a.id, a.error) for a in articles[1:]] == [("u2", None), ("u3", None)]


def test_lone_surrogates_and_odd_bytes_in_file_names_become_writable_text(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": "s\\ud800", "text": "Tin \\udc00 công tác dân vận", "title": "cut emoji \\ud83d"}\n')
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / os.fsdecode(b"b\xe9.txt")).write_text(GOOD, encoding="utf-8")
    articles = read([path, folder])
    assert articles[0].text == "Tin \ufffd công tác dân vận" and articles[0].title == "cut emoji \ufffd"
    assert articles[1].id == "b\\xe9" and articles[1].error is None
    for article in articles:
        json.dumps(article.to_dict(raw=True), ensure_ascii=False).encode("utf-8")


def test_a_utf8_file_name_read_under_an_ascii_locale_keeps_its_vietnamese_id(tmp_path):
    """Under `LC_ALL=C PYTHONUTF8=0` (UTF-8 mode off in an ASCII locale) Python hands "bài-số-4.txt" over as surrogate
    escapes of its UTF-8 bytes: its id was "b\\xc3\\xa0i-s\\xe1\\xbb\\x91-4", so a labels file's "bài-số-4" matched
    nothing."""
    name = os.fsencode("bài-số-4.txt").decode("ascii", "surrogateescape")  # as the ASCII locale names it
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    odd = tmp_path / os.fsdecode(b"b\xe0i-\xc3\xa0.txt")  # a Windows-1258 byte beside a UTF-8 letter
    odd.write_text(GOOD, encoding="utf-8")
    articles = read([tmp_path / name, odd])
    assert [a.id for a in articles] == ["bài-số-4", "b\\xe0i-à"]


@pytest.mark.parametrize("value", [5, 20220705.5, [2022, 7], {"y": 2022}, True])
def test_a_date_title_or_label_that_is_not_text_is_never_used_as_one(tmp_path, value):
    path = tmp_path / "x.jsonl"
    record = {"id": "a", "text": "Tiêu đề\n05/07/2022\nCông tác dân vận.", "date": value, "title": value,
              "label": value, "source": value}
    path.write_text(json.dumps({"id": "a", "text": record["text"]}) + "\n" + json.dumps(record) + "\n")
    plain, article = read(path)
    for field in ("date", "title", "label", "source"):
        assert getattr(article, field) is None or isinstance(getattr(article, field), str)
    if isinstance(value, (list, dict, bool)):
        assert (article.date, article.title, article.label) == (plain.date, plain.title, None)
        assert "the 'date' field is" in article.meta["warning"] and article.meta["date"] == value


def test_pipes_in_a_folder_are_reported_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "a_pipe.txt")
    (tmp_path / "b_good.txt").write_text(GOOD, encoding="utf-8")
    articles = read(tmp_path)
    assert "not a regular file" in articles[0].error and articles[1].error is None


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    for name in ("a", "b_locked", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_text(GOOD, encoding="utf-8")
    scandir = os.scandir

    def refusing(path):  # as chmod 000 would, for a user who is not root
        if os.path.basename(path) == "b_locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    stat = os.stat

    def refusing_stat(path, *args, **kwargs):  # what is inside it cannot be looked at either
        if os.path.basename(os.path.dirname(path)) == "b_locked":
            raise PermissionError(13, "Permission denied", str(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", refusing)
    # (its model_card.json, looked for to tell a model's folder: "b_locked/model_card.json: Permission denied" stopped
    # the run, exit 2, with no article read)
    monkeypatch.setattr(os, "stat", refusing_stat)
    articles = read(tmp_path)
    assert [a.id for a in articles] == ["a/x", "b_locked", "c/x"]
    assert "cannot read this folder (Permission denied)" in articles[1].error


def test_a_folder_that_may_be_listed_but_not_entered_is_read_around(tmp_path, monkeypatch):
    """A folder of mode 644 (read, not enter: copied so from a USB stick), holding a .csv beside its .txt: looking at
    the .csv raised PermissionError and the run stopped, naming it; it is passed over, as such files are."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "listed_only").mkdir()
    (tmp_path / "listed_only" / "b.csv").write_text("id,text\nb,x\n", encoding="utf-8")
    stat = os.stat

    def refusing_stat(path, *args, **kwargs):  # as a folder without its x bit does: its names, but nothing of them
        if os.path.basename(os.path.dirname(path)) == "listed_only":
            raise PermissionError(13, "Permission denied", str(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing_stat)
    assert [(a.id, a.error) for a in read(tmp_path)] == [("a", None)]
    # a file in it given by name (the review of hunt 28: Path.is_dir raised there): an error record, the rest read
    given = read([tmp_path / "a.txt", tmp_path / "listed_only" / "b.csv"])
    assert [a.id for a in given] == ["a", "b"] and given[0].error is None and "b.csv" in given[1].error


def test_a_json_file_holding_an_array_is_read_as_articles(tmp_path):
    items = [{"id": f"a{i}", "text": GOOD} for i in range(3)]
    (tmp_path / "array.json").write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    assert [a.id for a in read(tmp_path / "array.json")] == ["a0", "a1", "a2"]
    (tmp_path / "one.json").write_text(json.dumps(items[0]), encoding="utf-8")
    assert [a.id for a in read(tmp_path / "one.json")] == ["a0"]
    broken = json.dumps(items, indent=1)[:-40]  # cut inside the third article
    (tmp_path / "cut.json").write_text(broken, encoding="utf-8")
    articles = read(tmp_path / "cut.json")
    assert [a.id for a in articles[:2]] == ["a0", "a1"] and "item 3" in articles[2].error


SEED_LIKE = ("Hội nghị tổng kết công tác dân vận năm 2022\nSáng 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết "
             "công tác dân vận năm 2022, triển khai nhiệm vụ năm 2023. Đồng chí Trưởng Ban Dân vận Tỉnh ủy chủ trì "
             "hội nghị. Các đại biểu đánh giá kết quả thực hiện nhiệm vụ của các cơ quan, đoàn thể.")


def test_the_famous_words_in_tcvn3_and_vni_are_read_right(tmp_path):
    # written as they appear in old documents, not made by this package's own tables
    (tmp_path / "tcvn3.txt").write_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam\nC«ng t¸c d©n vËn cña tØnh".encode("latin-1"))
    (tmp_path / "vni.txt").write_bytes("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nCoâng taùc daân vaän".encode("cp1252"))
    tcvn3, vni = read(tmp_path)
    assert tcvn3.title == "Cộng hòa xã hội chủ nghĩa Việt Nam" and tcvn3.text.endswith("Công tác dân vận của tỉnh")
    assert vni.title == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert [a.meta["warning"] for a in (tcvn3, vni)] == [  # the record says how its bytes were read
        f"not UTF-8: read as {encoding} (an old Vietnamese font encoding) and converted to Unicode"
        for encoding in ("TCVN3", "VNI")]


@pytest.mark.parametrize("encoding", ["TCVN3", "VNI"])
def test_legacy_vietnamese_files_and_fields_are_converted(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(encode(SEED_LIKE, encoding))
    # the same text inside a UTF-8 JSONL file, as the characters the old font drew
    line = json.dumps({"id": "j", "text": encode(SEED_LIKE, encoding).decode("cp1252")}, ensure_ascii=False)
    (tmp_path / "b.jsonl").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "c.csv").write_bytes(b'id,text\nc1,"' + encode(SEED_LIKE, encoding) + b'"\n')  # the whole file
    for article in read([tmp_path / "a.txt", tmp_path / "b.jsonl", tmp_path / "c.csv"]):
        assert "Đồng chí Trưởng Ban Dân vận Tỉnh ủy chủ trì" in article.text
        assert article.title == "Hội nghị tổng kết công tác dân vận năm 2022"
        assert f"{encoding} (an old Vietnamese" in article.meta["warning"]  # the record says so, not only stderr


@pytest.mark.parametrize("text", [
    # short Unicode texts with few common words: their "à", "á", "ì" are TCVN3 bytes too, and must stay
    # (both were taken for TCVN3 and VNI, and garbled, before the Unicode-only letters were checked)
    "Ca sĩ trẻ hát tình ca khiến Đàm Vĩnh Hưng khen nức nở\nGiọng hát của chàng trai Hàn Quốc vô cùng ấn tượng.",
    "Cô gái chèo đò xinh xắn ở chùa Hương\nẢnh cô gái chèo đò trên suối Yến khiến hàng vạn chàng trai xốn xang.",
])
def test_short_unicode_vietnamese_is_never_converted(tmp_path, text):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "u", "text": text}, ensure_ascii=False), encoding="utf-8")
    (article,) = read(tmp_path / "a.jsonl")
    assert article.text == text and article.meta.get("warning") is None


def test_text_that_is_no_vietnamese_encoding_says_so_in_the_record(tmp_path):
    (tmp_path / "a.txt").write_bytes(("Ceci n'est pas du vietnamien, ni en TCVN3 ni en VNI: "
                                      "été, à côté, très señor " * 5).encode("cp1252"))
    (article,) = read(tmp_path)
    assert "could not be decoded as Vietnamese" in article.meta["warning"]


def mojibake(text: str) -> str:
    """`text` as UTF-8 read as Windows-1252 (a byte it has no letter for kept as that code)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def test_text_that_is_clearly_not_vietnamese_says_so_in_the_record(tmp_path):
    chinese = "国务院召开常务会议，讨论经济工作和农村发展问题。" * 4
    (tmp_path / "1_mojibake.txt").write_text(mojibake(SEED_LIKE), encoding="utf-8")
    (tmp_path / "2_chinese_utf8.txt").write_text(chinese, encoding="utf-8")
    (tmp_path / "3_chinese_gbk.txt").write_bytes(chinese.encode("gbk"))  # no spaces, no Vietnamese words
    (tmp_path / "4_mojibake.jsonl").write_text(json.dumps({"id": "j", "text": mojibake(SEED_LIKE)}) + "\n")
    (tmp_path / "5_good.txt").write_text(SEED_LIKE, encoding="utf-8")
    warnings = [a.meta.get("warning") or "" for a in read(sorted(tmp_path.iterdir()))]
    assert "read as Windows-1252" in warnings[0] and "read as Windows-1252" in warnings[3]
    assert "Chinese, Japanese or Korean" in warnings[1]
    assert "could not be decoded as Vietnamese" in warnings[2]
    assert warnings[4] == ""


def test_a_title_and_lead_typed_without_accents_says_so_in_the_record(tmp_path):
    # the shape users are scored on: a title and one sentence, about 150 characters, which the rules and the
    # model read only with its tone marks
    title = "Hoi nghi tong ket cong tac dan van nam 2023"
    lead = "Sang 6/1, Ban Dan van Tinh uy to chuc hoi nghi tong ket cong tac dan van nam 2023, trien khai nhiem vu."
    accented = ("Hội nghị tổng kết công tác dân vận năm 2023", "Sáng 6/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng "
                "kết công tác dân vận năm 2023, triển khai nhiệm vụ.")
    records = [{"id": "plain", "title": title, "text": lead}, {"id": "accented", "title": accented[0],
               "text": accented[1]}, {"id": "short", "title": "Hoi nghi", "text": "Sang 6/1, hoi nghi."},
               {"id": "body", "title": accented[0], "text": lead * 2}]  # a forum post: accented title only
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    warnings = {a.id: a.meta.get("warning") or "" for a in read(tmp_path / "x.jsonl")}
    assert "typed without accents" in warnings["plain"]
    assert warnings["accented"] == ""
    assert warnings["short"] == ""  # too short to judge: no warning rather than a wrong one
    assert "typed without accents" in warnings["body"]


def test_text_segmented_already_says_its_label_is_unreliable(tmp_path):
    """Hunt 32 R: `segment`'s tokens read with --text-field tokens (or a corpus segmented with pyvi) were labelled
    without a word, and the cue rules, which read words apart, missed the meetings: 4 of the 5 seeds came out `other`.
    The record says so; an article with a file name or an address joined by "_" does not."""
    segmented = ("Sáng 6/1 , Ban Dân_vận Tỉnh_ủy tổ_chức hội_nghị tổng_kết công_tác dân_vận năm 2023 , triển_khai "
                 "nhiệm_vụ năm 2024 . Các đại_biểu thảo_luận về phong_trào thi_đua .")
    plain = ("Sáng 6/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023 (ảnh: hoi_nghi_1.jpg, "
             "tệp bao_cao_2023.docx, thư gửi ban_dan_van@tinh.vn), triển khai nhiệm vụ năm 2024.")
    records = [{"id": "seg", "tokens": segmented, "text": segmented}, {"id": "plain", "text": plain}]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                      encoding="utf-8")
    warnings = {a.id: a.meta.get("warning") or "" for a in read(tmp_path / "x.jsonl")}
    assert warnings["seg"] == ("its words are joined by '_', segmented already (as `dvtopics segment` writes them): "
                               "its label is unreliable, its topics are not; give the text before segmenting to label "
                               "it")
    assert warnings["plain"] == ""
    # (review) read from the field segment wrote, as `topics fit` is told to, it is said too: `label` given the same
    # options labels it wrong. A notice that lists six attachments by their file names is not segmented text
    (tmp_path / "seg.jsonl").write_text(json.dumps(records[0], ensure_ascii=False) + "\n", encoding="utf-8")
    assert [a.meta.get("warning") for a in read(tmp_path / "seg.jsonl", fields={"text": "tokens"})] == [warnings["seg"]]
    attachments = " ".join(f"tệp {name}_{n}.docx," for n, name in enumerate(["bao_cao_so_ket", "ke_hoach_quy"] * 3))
    assert not word_segmented(f"Văn phòng gửi kèm các tệp: {attachments} để các đơn vị nghiên cứu.")


def test_an_article_made_in_python_is_flagged_as_one_read_from_a_file():
    """dvtopics.make_article of text typed without accents, or of mojibake, gave a record with no warning: only the
    readers flagged it, so a notebook user's unreliable label looked as sure as any other."""
    from dvtopics import make_article

    plain = "Sang 6/1, Ban Dan van Tinh uy to chuc hoi nghi tong ket cong tac dan van nam 2023, trien khai nhiem vu."
    assert "typed without accents" in make_article("a1", plain, {"title": "Hoi nghi tong ket"}).meta["warning"]
    assert "read as Windows-1252" in make_article("a2", mojibake(SEED_LIKE)).meta["warning"]
    assert "warning" not in make_article("a3", SEED_LIKE).meta


@pytest.mark.parametrize("encoding, delimiter", [("utf-8-sig", ","), ("utf-16", ","), ("utf-16-le", ","),
                                                 ("utf-8-sig", ";")])
def test_side_files_in_utf16_or_with_a_bom(tmp_path, encoding, delimiter):
    path = tmp_path / "labels.csv"
    path.write_text(f"id{delimiter}label\na1{delimiter}annual_review\n", encoding=encoding)
    assert read_labels(path) == {"a1": "annual_review"}
    assert read_side_file(path).startswith(f"id{delimiter}label")


def test_a_labels_file_in_a_western_code_page_is_warned_of_once(tmp_path, caplog):
    """`label --out` re-saved by Excel as "CSV" (Windows-1252) and given to evaluate or train as --labels: its damage
    was warned of twice, once for its labels and once for a look at its columns."""
    from dvtopics.jobs import gold_labels

    path = tmp_path / "labels.csv"
    title = "Hội nghị tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024"  # á, â kept; ộ, ị, ổ lost
    path.write_bytes(f"id,label,confidence,cues,title\r\na1,annual_review,0.9,x,{title}\r\n".encode(
        "cp1252", errors="replace"))
    assert gold_labels([path]) == {"a1": "annual_review"}
    assert sum("Windows-1252" in r.getMessage() for r in caplog.records) == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_json_lines_saved_as_utf16(tmp_path, encoding):
    path = tmp_path / "x.jsonl"
    path.write_text(jsonl(3).decode("utf-8").replace("\n", "\r\n"), encoding=encoding)
    assert [(a.id, a.error) for a in read(path)] == [("g0", None), ("g1", None), ("g2", None)]


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("name", ["x.txt", "x.csv", "x.jsonl"])
def test_text_saved_as_utf32_is_read_by_its_byte_order_mark(tmp_path, encoding, name):
    """Trial 32: a UTF-32 file was read as UTF-16 (the first bytes of their BOMs are alike): a .txt became its letters
    with a NUL between each, without a word; a CSV's columns were '\\x00i\\x00d\\x00', a JSON line binary data."""
    path = tmp_path / name
    text = {"x.txt": GOOD, "x.csv": f'id,text\r\nu1,"{GOOD}"\r\n',
            "x.jsonl": json.dumps({"id": "u1", "text": GOOD}, ensure_ascii=False) + "\n"}[name]
    path.write_bytes(("\ufeff" + text).encode(encoding))  # with its BOM, as Python's "utf-32" writes it
    (article,) = read(path)
    assert article.error is None and article.title == GOOD.splitlines()[0] and "\x00" not in article.text


def test_a_utf8_file_with_a_bom_and_a_line_in_windows_1258_reads_that_line(tmp_path):
    """Trial 32: behind a UTF-8 BOM, a line pasted in Windows-1258 lost its Vietnamese letters to U+FFFD without a
    word, where the same file without a BOM is read line by line."""
    path = tmp_path / "x.txt"
    path.write_bytes("\ufeffTiêu đề\nNội dung ở cơ sở.\n".encode() + "Giao ban Đăk Nông, Tân Hưng".encode("cp1258"))
    (article,) = read(path)
    assert article.text.endswith("Giao ban Đăk Nông, Tân Hưng") and "\ufffd" not in article.text
    assert "line 3 is not" in article.meta["warning"]


def test_binary_data_behind_a_byte_order_mark_is_not_read_as_text(tmp_path):
    """Trial 32: bytes behind a UTF-16 BOM were decoded whatever they were: junk read as an article of CJK signs."""
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xff\xfe" + bytes(range(256)) * 10)
    (article,) = read(path)
    assert article.error == f"{path}: binary file, not text"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_csv_with_semicolons_or_tabs_as_excel_saves_it(tmp_path, delimiter):
    path = tmp_path / "x.csv"
    path.write_text(f"id{delimiter}text\nc1{delimiter}\"{GOOD}\"\n", encoding="utf-8-sig")
    (article,) = read(path)
    assert article.id == "c1" and article.title == GOOD.splitlines()[0]


def test_a_csv_gzip_cut_short_keeps_its_whole_rows(tmp_path):
    deflate = zlib.compressobj(wbits=31)
    rows = "".join(f'c{i},"{GOOD}"\n' for i in range(3))  # quoted fields over two lines
    head = deflate.compress(f"id,text\n{rows}".encode()) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.compress(f'lost,"{GOOD * 50}"\n'.encode()) + deflate.flush()
    path = tmp_path / "x.csv.gz"
    path.write_bytes(head + tail[: len(tail) // 2])
    articles = read(path)
    assert [(a.id, a.error) for a in articles[:3]] == [("c0", None), ("c1", None), ("c2", None)]
    # the cut is on line 8, below the header and three rows of two lines each (its id counts rows: the fifth)
    assert len(articles) == 4 and articles[3].error.startswith(f"{path}:8: the gzip data is cut short")


def test_a_huge_jsonl_line_is_reported_without_being_held(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"id": "huge", "text": "' + b"a" * 3_000_000 + b'"}\n' + jsonl(1))
    huge, good = read(path, max_bytes=100_000)
    assert "x.jsonl:1: line: 2.9 MB is over the 100,000 bytes article limit" in huge.error
    assert good.id == "g0" and good.error is None


@pytest.mark.parametrize("compress", [__import__("bz2").compress, __import__("lzma").compress])
def test_data_compressed_otherwise_than_gzip_is_one_clear_error(tmp_path, compress):
    path = tmp_path / "x.jsonl.gz"
    path.write_bytes(compress(jsonl(50)))
    (article,) = read(path)
    assert "compressed data: decompress it first" in article.error and article.error.startswith(f"{path}:1: ")


def test_a_stray_nul_byte_does_not_make_a_csv_binary(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(f'id,text\nc1,"{GOOD}"\x00\nc2,"{GOOD}"\n'.encode())
    assert [(a.id, a.error) for a in read(path)] == [("c1", None), ("c2", None)]


def test_at_least_counts_only_as_far_as_it_must_and_agrees_with_a_full_count():
    import re

    from dvtopics.io.vnlegacy import at_least

    letters = re.compile("[ăâđêôơư]")
    for text in ("", "ă", "Công tác dân vận", "ăâđ" * 50, "abc" * 100):
        for n in range(0, 8):
            assert at_least(letters, text, n) == (len(letters.findall(text)) >= n)
