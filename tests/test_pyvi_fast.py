"""dvtopics.text.pyvi_fast must reproduce pyvi's ViTokenizer.tokenize exactly."""

import collections
import os
import pickle
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyvi.ViTokenizer import ViTokenizer

from dvtopics.text import pyvi_fast

TRICKY = [
    "",
    " ",
    "\n",
    " \t\n ",
    "...",
    "!!!???",
    "_",
    "__init__",
    "Hôm nay trời đẹp quá, chúng tôi đi học sinh học.",
    "HỌC SINH học sinh Học Sinh hỌc SiNh",
    "Ông Nguyễn Văn A. nói: \"Tp. HCM ==> Hà Nội -> Huế >> ...\"",
    "ThS. Dr. Mrs. Ms. Mr. Tp. ĐHQG. UBND.",
    "Giá tăng 3,5% lên 1.000.000 đồng/kg từ 12/3/2024 lúc 7h30.",
    "Mã số 12_34_56 và 0912.345.678 hoặc +84-912-345-678.",
    "Liên hệ ban.bien-tap+tin@bao.vn.com hoặc https://tin.vn/a?b=1&c=2 nhé",
    "ftp://x.y/z,\thttp://a.b",
    "Công ty TNHH Một Thành Viên XYZ (TP.HCM) khai trương.",
    "Tiếng Việt tổ hợp: Vie\u0323\u0302t Nam, ho\u0300a bi\u0300nh.",
    "Chữ lạ: ΣΑΣ σας, İstanbul, ǅemal, ﬁ, Ⅻ, ², ½, ١٢٣.",
    "Biểu tượng 😀 Việt Nam 🇻🇳 ✓ ™ ©",
    "NUL\x00ở giữa\x01và\x7f cuối",
    "\x00\x1b",  # CRFsuite cuts attribute names at NUL: 'word.lower():'
    "Hà\x00Nội \x00Hà Nội",
    "dòng một\ndòng hai\r\ndòng ba\n\n",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "Bộ Giáo dục và Đào tạo vừa công bố điểm chuẩn đại học năm nay.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tokenize_matches_pyvi(text):
    assert pyvi_fast.tokenize(text) == ViTokenizer.tokenize(text)


def test_tokenize_many_matches_pyvi():
    texts = TRICKY + TRICKY[::-1]
    assert pyvi_fast.tokenize_many(texts) == [
        ViTokenizer.tokenize(t) for t in texts
    ]


def test_syllable_table_growth_and_reset_keep_output(monkeypatch):
    monkeypatch.setattr(pyvi_fast, "_segmenter", None)  # a new table, with the limits below
    monkeypatch.setattr(pyvi_fast, "_INITIAL_ROWS", 2)
    monkeypatch.setattr(pyvi_fast, "_MAX_SYLLABLES", 5)
    for text in TRICKY:
        assert pyvi_fast.tokenize(text) == ViTokenizer.tokenize(text)
    assert pyvi_fast.tokenize_many(TRICKY) == [ViTokenizer.tokenize(t) for t in TRICKY]


def test_tokenize_many_empty_batch():
    assert pyvi_fast.tokenize_many([]) == []


def test_weights_are_the_taggers():
    """The weights read from the model file are those CRFsuite's own dump prints (to its 6 decimals)."""
    import re

    model = pyvi_fast._get().model
    with tempfile.TemporaryDirectory() as tmp:
        ViTokenizer.model.tagger_.dump(os.path.join(tmp, "model.txt"))
        dump = open(os.path.join(tmp, "model.txt"), "rb").read()
    transitions = re.findall(rb"\(1\) (\S+) --> (\S+): (\S+)\n", dump)
    assert len(transitions) == 4
    for source, target, weight in transitions:
        i, j = (b"B_W", b"I_W").index(source), (b"B_W", b"I_W").index(target)
        assert model.transitions[i, j] == pytest.approx(float(weight), abs=1e-6)
    assert model.weight(b"bias") == pytest.approx((2.444936, -2.444936), abs=1e-6)
    assert model.weight(b"no such attribute") == (0.0, 0.0)


def _model_dir_with(tmp_path, pickle_bytes):
    models = tmp_path / "models"
    models.mkdir()
    (models / "pyvi3.pkl").write_bytes(pickle_bytes)
    (models / "words.txt").write_bytes((pyvi_fast._pyvi_models_dir() / "words.txt").read_bytes())
    return models


@pytest.mark.parametrize("damage", ["pickle", "model file", "truncated"])
def test_unexpected_model_layout_falls_back_to_pyvi(tmp_path, monkeypatch, damage):
    if damage == "pickle":  # a class the reader does not expect
        broken = pickle.dumps(collections.OrderedDict(a=1))
    else:  # pyvi's own model object, its CRFsuite file changed
        crf = pickle.loads((pyvi_fast._pyvi_models_dir() / "pyvi3.pkl").read_bytes())
        model = open(crf.modelfile.name, "rb").read()
        with open(crf.modelfile.name, "wb") as handle:
            handle.write(model.replace(b"FEAT", b"TAEF") if damage == "model file" else model[:len(model) // 2])
        broken = pickle.dumps(crf)
    monkeypatch.setattr(pyvi_fast, "_pyvi_models_dir", lambda: _model_dir_with(tmp_path, broken))
    monkeypatch.setattr(pyvi_fast, "_segmenter", None)
    with pytest.warns(RuntimeWarning, match="segmenting with pyvi itself"):
        assert pyvi_fast.tokenize_many(TRICKY) == [ViTokenizer.tokenize(t) for t in TRICKY]
    assert isinstance(pyvi_fast._get(), pyvi_fast._Pyvi)


def test_lone_surrogate_fails_like_pyvi():
    # pycrfsuite cannot encode lone surrogates; pyvi raises, so must we.
    with pytest.raises(Exception):
        ViTokenizer.tokenize("abc \ud800")
    with pytest.raises(UnicodeEncodeError):
        pyvi_fast.tokenize("abc \ud800")


# Vietnamese letters and the characters pyvi's patterns treat specially, so
# random strings hit abbreviations, numbers, e-mails, URLs and n-grams.
_VIETNAMESE = st.sampled_from(
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "0123456789 .,:;!?-_/@%+=>\n\t\"'()\x00"
)
_WORDS = st.sampled_from([
    "học", "sinh", "Hà", "Nội", "Việt", "Nam", "Tp.", "HCM", "ThS.", "==>",
    "->", "...", ">>", "1.000", "3,5", "a@b.vn", "http://x.vn/y", "UBND.",
    "nhà", "nước", "công", "ty", "và", "của", "người", "dân",
])
_TEXT = st.one_of(
    st.text(),
    st.text(_VIETNAMESE, max_size=80),
    st.lists(_WORDS, max_size=20).map(" ".join),
    st.lists(st.one_of(_WORDS, st.text(_VIETNAMESE, max_size=6)),
             max_size=15).map("".join),
)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_tokenize_matches_pyvi_on_random_text(text):
    assert pyvi_fast.tokenize(text) == ViTokenizer.tokenize(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(_TEXT, max_size=10))
def test_tokenize_many_matches_pyvi_on_random_batches(texts):
    assert pyvi_fast.tokenize_many(texts) == [
        ViTokenizer.tokenize(t) for t in texts
    ]
