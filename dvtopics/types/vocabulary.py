"""The meeting vocabulary, one home: the words by which a report names its meeting, its committee, its review.

Each reader needs them in its own form, so each keeps its pattern here, side by side, to be changed together:
the cue rules (rules.py) build on MEETING, COMMITTEE and REVIEW; the event reader (events.py) finds a meeting
sentence with EVENT_MEETING and its committee with EVENT_COMMITTEE; training (training.py) never takes an article
with ANY_CUE for a weak "other"; the classifier's event view (features.py) keeps the segmented sentences with
SEGMENTED_EVENT_WORD. The rules' and the event reader's patterns are in every model's rules fingerprint: an
edit to them asks for retraining.
"""
from __future__ import annotations

import re

MEETING = r"(hội nghị|phiên họp|cuộc họp|họp|giao ban|sơ kết|tổng kết)(?! báo)"  # "họp báo": a press conference
# A disaster-prevention "Ban Chỉ huy PCTT" is the provinces' steering committee for storms and floods (LABELS.md
# rule 1); a military "Ban Chỉ huy quân sự" is not.
# Since the Civil Defence Law (in force 1 July 2024) the provinces' disaster committees are "Ban Chỉ huy Phòng thủ dân
# sự" (PTDS), "… phòng, chống thiên tai và tìm kiếm cứu nạn" after it (hunt 40 R: their storm meetings were `other`).
# (and by the initials of "Ban Chỉ huy", as provincial sites write it: "BCH PCTT và TKCN huyện họp khẩn", hunt 42 AP)
COMMITTEE = (r"(ban chỉ đạo|ủy ban chỉ đạo|bcđ|(ban chỉ huy|bch) (phòng,? chống (thiên tai|lụt)|pctt|pclb|"
             r"phòng thủ dân sự|ptds))\b")
REVIEW = r"(sơ kết|tổng kết)"

# Periods and committees as spreadsheets, portals and hurried typists shorten them, which the rules and the event reader
# read in full (`spelt_out`): "sơ kết 6 th đầu năm" was a year's tasks at 0.998, "Q.III" no quarter, "Ban Chỉ dạo" (a
# typo of "đạo") no committee (hunt 42 AN). Not "Q1" alone, which is also Ho Chi Minh City's District 1.
SHORT_FORMS = [(re.compile(r"\b(\d{1,2}) th\.?(?= (đầu|cuối|qua|năm)\b)"), r"\1 tháng"),
               (re.compile(r"\bQ\.?(IV|I{1,3})\b"), r"quý \1"),
               (re.compile(r"\bQ([1-4])(?=[/-]20\d\d\b)"), r"quý \1"),
               (re.compile(r"\b(ban chỉ) dạo\b", re.IGNORECASE), r"\1 đạo")]


# What each of SHORT_FORMS' matches holds, looked for first: the event reader spells out whole texts, and the four
# searches, each opening on "\b", were a tenth of labelling's time; most texts hold none of these
_SHORT_FORM_HOLDS = ((" th ", " th."), ("Q.", "QI"), ("Q1", "Q2", "Q3", "Q4"), ("ỉ d", "Ỉ d", "ỉ D", "Ỉ D"))


def spelt_out(text: str) -> str:
    """`text` with the short forms of a period or a committee written in full (`SHORT_FORMS`).

    >>> spelt_out("Sơ kết 6 th đầu năm, giao ban Q.III, kết quả Q1/2023 của Ban Chỉ dạo")
    'Sơ kết 6 tháng đầu năm, giao ban quý III, kết quả quý 1/2023 của Ban Chỉ đạo'
    """
    for (pattern, full), holds in zip(SHORT_FORMS, _SHORT_FORM_HOLDS):
        if any(part in text for part in holds):
            text = pattern.sub(full, text)
    return text


# Meeting nouns; "họp báo" (press conference), "họp mặt" (a get-together) and "họp dân" are other events.
# (not a venue: "Trung tâm Hội nghị tỉnh", "TT hội nghị quốc gia", "Cung Hội nghị Quốc gia"; nor a room: "phòng họp";
# "nhóm họp", to convene, is named whole)
EVENT_MEETING = (r"(?<!trung tâm )(?<!tt )(?<!cung )(?<!phòng )"
                 r"\b(hội nghị|phiên họp|cuộc họp|buổi họp|kỳ họp|nhóm họp|họp|giao ban|trực báo)\b"
                 r"(?! (báo|mặt|dân)\b)|"
                 r"\b(sơ kết|tổng kết)\b(?=[^.;\n]{0,40}(công tác|hoạt động|nhiệm vụ|năm|tháng|quý|học kỳ))")
EVENT_COMMITTEE = r"\b" + COMMITTEE

# Any of these anywhere in an article means it may be a meeting report: never a weak "other".
ANY_CUE = (r"sơ kết|tổng kết|ban chỉ đạo|bcđ|giao ban|trực báo|quý|tháng đầu năm|tháng cuối năm|"
           r"nhiệm vụ năm|hội nghị")

# The event view's meeting words, in segmented form ("hội_nghị").
SEGMENTED_EVENT_WORD = (r"hội_nghị|họp|sơ_kết|tổng_kết|giao_ban|trực_báo|làm_việc|kiểm_điểm|phương_hướng|"
                        r"triển_khai|chỉ_đạo|bcđ")
