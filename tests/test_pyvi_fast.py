"""dvtopics.pyvi_fast must reproduce pyvi's ViTokenizer.tokenize exactly."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyvi.ViTokenizer import ViTokenizer

from dvtopics import pyvi_fast

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


def test_token_cache_overflow_keeps_output(monkeypatch):
    monkeypatch.setattr(pyvi_fast, "_MAX_CACHED_TOKENS", 3)
    for text in TRICKY:
        assert pyvi_fast.tokenize(text) == ViTokenizer.tokenize(text)


def test_tokenize_many_empty_batch():
    assert pyvi_fast.tokenize_many([]) == []


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
