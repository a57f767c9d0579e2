import multiprocessing
import unicodedata

from dvtopics.text.segment import MAX_PIECE_CHARS, segment_many, segment_text, split_sentences
from dvtopics.text.cache import SegmentCache
from dvtopics.text.segmenter import Segmenter

SENTENCE = "Hội nghị sơ kết công tác dân vận của Tỉnh ủy Đắk Lắk."


def test_known_words_are_joined():
    words = segment_text(SENTENCE).split()
    assert {"công_tác", "dân_vận", "Tỉnh_ủy", "sơ_kết"} <= set(words)


def test_nfc_nfd_and_tone_placement_give_the_same_tokens():
    old_style = "Công tác dân vận của Tỉnh uỷ trong hoà giải ở cơ sở."
    new_style = "Công tác dân vận của Tỉnh ủy trong hòa giải ở cơ sở."
    variants = [old_style, new_style, unicodedata.normalize("NFD", old_style)]
    assert len({segment_text(v) for v in variants}) == 1


def test_paragraphs_stay_lines():
    assert segment_text("Đoạn một.\n\nĐoạn hai.").count("\n") == 1


def test_long_runs_are_cut_into_bounded_pieces():
    pieces = split_sentences("chữ " * 2000)
    assert len(pieces) > 1 and all(len(p) <= MAX_PIECE_CHARS for p in pieces)


def test_segmentation_keeps_every_character():
    text = "Ngày 5/7/2022, UBND tỉnh (Đắk Lắk) họp: 98,5% hồ sơ đúng hạn!"
    assert segment_text(text).replace("_", "").replace(" ", "") == text.replace(" ", "")


def test_cache_serves_repeats_without_segmenting(tmp_path, monkeypatch):
    cache = SegmentCache(tmp_path)
    first = segment_many([SENTENCE, SENTENCE], cache=cache)
    assert len(cache) == 1

    def fail(_):
        raise AssertionError("segmented again")
    monkeypatch.setattr("dvtopics.text.segment._segment_chunk", fail)
    assert segment_many([SENTENCE], cache=cache) == first[:1]


def test_a_cache_given_as_its_folder_is_opened_and_anything_else_is_refused_clearly(tmp_path):
    """Hunt 24 D (3): `segment_many(texts, cache="~/cache")` (and predict_articles' cache=, which segments through it)
    failed with "AttributeError: 'str' object has no attribute 'get_many'"; a folder, str or Path, is the cache's."""
    import pytest

    first = segment_many([SENTENCE], cache=str(tmp_path / "a"))
    assert len(SegmentCache(tmp_path / "a")) == 1
    assert segment_many([SENTENCE], cache=tmp_path / "b") == first and len(SegmentCache(tmp_path / "b")) == 1
    with pytest.raises(TypeError, match="cache: a SegmentCache .*the folder of one .*not bool"):
        segment_many([SENTENCE], cache=True)


def test_a_missing_text_of_a_column_is_named_as_missing():
    """Hunt 24 D (6): segment_many(df["text"]) with an empty cell said "not float items", and segment_text(None) failed
    in a regex ("expected string or bytes-like object"): neither said a text was missing, nor where."""
    import pandas as pd
    import pytest

    for column in (pd.Series([SENTENCE, None, SENTENCE]), pd.Series([SENTENCE, pd.NA], dtype="string")):
        with pytest.raises(TypeError, match=r"texts: the item at position 1 is .*, a missing text .*dropna\(\)"):
            segment_many(column)
    for missing in (None, float("nan")):
        with pytest.raises(TypeError, match="segment_text reads a text .str., not a missing one"):
            segment_text(missing)


def test_torn_cache_entry_is_redone(tmp_path):
    cache = SegmentCache(tmp_path)
    good = segment_many([SENTENCE], cache=cache)
    cache._db.execute("UPDATE segments SET value = substr(value, 1, 5)")
    cache._db.commit()
    assert segment_many([SENTENCE], cache=cache) == good


def _open_cache_and_write(directory, barrier, answers):
    barrier.wait()  # every process opens the new file at the same moment
    try:
        SegmentCache(directory).put_many({str(multiprocessing.current_process().pid): "x"})
        answers.put("ok")
    except Exception as error:  # reported to the test, which names it
        answers.put(repr(error))


def test_processes_opening_a_new_cache_at_once_all_get_it(tmp_path):
    """Dask workers on one machine share a cache directory: opening it together must not fail
    (SQLite said "database is locked" to about one opener in 25 before the retry)."""
    answers = []
    for trial in range(10):
        barrier, queue = multiprocessing.Barrier(8), multiprocessing.Queue()
        processes = [multiprocessing.Process(target=_open_cache_and_write, args=(tmp_path / str(trial), barrier, queue))
                     for _ in range(8)]
        for process in processes:
            process.start()
        answers += [queue.get(timeout=60) for _ in processes]
        for process in processes:
            process.join()
        assert len(SegmentCache(tmp_path / str(trial))) == 8
    assert [a for a in answers if a != "ok"] == []


def test_parallel_equals_serial():
    texts = [f"Câu số {i} về công tác dân vận ở cơ sở." for i in range(200)]
    assert segment_many(texts, n_jobs=2, chunk_size=16) == segment_many(texts, n_jobs=1)


def test_lower_option():
    assert segment_many([SENTENCE], lower=True)[0] == segment_text(SENTENCE).lower()


def test_segmenter_is_a_transformer(tmp_path):
    from sklearn.pipeline import make_pipeline
    from sklearn.feature_extraction.text import CountVectorizer

    pipe = make_pipeline(Segmenter(cache_dir=str(tmp_path)), CountVectorizer(tokenizer=str.split, token_pattern=None,
                                                                             lowercase=False))
    pipe.fit([SENTENCE])
    assert "công_tác" in pipe[-1].vocabulary_


def test_a_closed_cache_is_refused_saying_so(tmp_path):
    """Hunt 26 D (13): a SegmentCache used after its `with` block (or a notebook's cache.close() in an earlier cell)
    went on without a word, every text segmented anew and nothing stored; now it is refused, naming it. Closing it
    twice is no error."""
    import pytest

    from dvtopics.errors import DvtopicsError

    with SegmentCache(tmp_path) as cache:
        segment_many([SENTENCE], cache=cache)
    for use in (lambda: segment_many([SENTENCE], cache=cache), lambda: len(cache), lambda: cache.put_many({"k": "v"})):
        with pytest.raises(DvtopicsError, match=f"the segmentation cache {tmp_path / 'segments.sqlite'} is closed: "
                                                "open it again"):
            use()
    cache.close()
    with SegmentCache(tmp_path) as cache:  # what it stored before it was closed is there
        assert len(cache) >= 1
