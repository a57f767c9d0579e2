"""Property-based tests: no input crashes the reader, normaliser or segmenter."""
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dvtopics.io.decode import decode_bytes
from dvtopics.io.read import make_article, read_articles
from dvtopics.errors import InputError, NoArticlesError
from dvtopics.text.segment import segment_text
from dvtopics.text.normalise import normalize
from dvtopics.text.furniture import strip_furniture

VIETNAMESE = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ"
                                                  "ìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ AĐÔƠƯ.,;:!?\"'()/-\n0123456789"
                                                  "\u00a0\u200b\u0300\u0301\u0309\u0303\u0323")), max_size=300)
ANY_TEXT = st.text(max_size=300)


@given(st.one_of(VIETNAMESE, ANY_TEXT))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(st.one_of(VIETNAMESE, ANY_TEXT))
def test_strip_furniture_never_fails_and_is_stable(text):
    stripped = strip_furniture(normalize(text))
    assert strip_furniture(stripped) == stripped


@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_one_clear_error(data):
    try:
        assert isinstance(decode_bytes(data), str)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)


@given(st.one_of(VIETNAMESE, ANY_TEXT))
def test_any_text_makes_an_article_or_an_input_error(text):
    try:
        article = make_article("x", text)
    except InputError:
        return
    assert article.text.strip() and article.raw == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(VIETNAMESE, ANY_TEXT))
def test_segmentation_keeps_every_non_space_character_in_order(text):
    def visible(s):
        return "".join(s.replace("_", "").split())
    assert visible(segment_text(text)) == visible(normalize(text))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=200), VIETNAMESE.map(str.encode)), max_size=6))
def test_a_jsonl_file_of_anything_never_stops_the_stream(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("p") / "x.jsonl"
    with open(path, "wb") as handle:
        for i, line in enumerate(lines):
            record = json.dumps({"id": str(i), "text": line.decode("utf-8", "replace")}).encode()
            handle.write((record if i % 2 else line.replace(b"\n", b" ")) + b"\n")
    articles = list(read_articles(path, on_error="record"))
    if not path.read_bytes().strip():  # nothing but blank lines: the one error a whole file gives
        assert [a.error for a in articles] == [f"{path}: no articles: the file holds none (it is empty, or has a "
                                               "header only)"]
    assert all(a.error or a.text for a in articles)


# Any JSON value in any field of a JSONL line: lone surrogates too, which json accepts as "\ud800" escapes.
# (st.text leaves surrogates out whatever its alphabet, so the strings are joined from characters)
_ODD_TEXT = st.lists(st.one_of(st.characters(), st.sampled_from(["\ud800", "\udc80", "\udfff", "\n"])),
                     max_size=40).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _ODD_TEXT | VIETNAMESE,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(_ODD_TEXT, children, max_size=3),
    max_leaves=6)
RECORD_FIELDS = ("id", "text", "title", "date", "source", "label", "other")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.dictionaries(st.sampled_from(RECORD_FIELDS), JSON_VALUES), JSON_VALUES), max_size=5))
def test_any_json_in_any_field_gives_one_writable_record_per_line(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("p") / "x.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    if not records:  # an empty file holds no article: an error, not an empty stream
        with pytest.raises(NoArticlesError):
            list(read_articles(path, on_error="raise"))
        assert [a.id for a in read_articles(path, on_error="record") if a.error] == [path.name]
        return
    articles = list(read_articles(path, on_error="record"))
    if len(records) == 1 and isinstance(records[0], list):  # an array on the file's only line (a gzipped .json):
        for article in articles:  # read as a .json array, its items the articles (hunt 18 A, 1)
            json.dumps(article.to_dict(raw=True), ensure_ascii=False).encode("utf-8")
            assert article.error or article.text
        return
    # (line, record) per record: a line that is an array of objects gives each of them (hunt 21 A, 7)
    lines = [(number, record) for number, line in enumerate(records, start=1)
             for record in (line if line and isinstance(line, list) and all(isinstance(r, dict) for r in line)
                            else [line])]
    objects = sum(isinstance(r, dict) for _, r in lines)
    if objects and not any(isinstance(r, dict) and "text" in r for _, r in lines):
        # no record has the text field: the lines that are no object, then the file as one error (hunt 15, A 02)
        assert len(articles) == len(lines) - objects + 1 and all(a.error for a in articles)
        assert articles[-1].error.startswith(
            f"{path}: no 'text' field (fields['text'] (--text-field)) in any of its records")
        return
    assert len(articles) == len(lines)
    for (number, _), article in zip(lines, articles):
        json.dumps(article.to_dict(raw=True), ensure_ascii=False).encode("utf-8")  # any output can hold it
        if article.error:  # file, line (and the item of an array) and cause, on one line
            assert re.match(rf"{re.escape(str(path))}:{number}(, item \d+)?: .", article.error), article.error
            assert "\n" not in article.error
            continue
        assert isinstance(article.id, str) and article.id and isinstance(article.title, str) and article.text
        for name in ("date", "source", "label"):
            assert getattr(article, name) is None or isinstance(getattr(article, name), str)
