"""Bad input never stops a batch: each bad article is reported, the rest are read."""

from dvtopics.corpus import read_articles


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
