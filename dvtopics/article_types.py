"""The five article types (../shared/LABELS.md) and the names Vietnamese readers know them by.

One home below both stages that name them: the classifier (`types/`, which reads a label written either way as
the type) and the report (which shows the Vietnamese name beside each type); neither imports the other.
"""

ARTICLE_TYPES = ("semi_annual_review", "quarterly_briefing", "steering_committee", "annual_review", "other")

# Each type's Vietnamese name as the report shows it, first, then the other ways an analyst writes it in a labels
# file; read without case, tone marks or punctuation ("so ket 6 thang dau nam"). A bare "Tổng kết" or "Sơ kết" is
# not one: a campaign's review is `other`, and a quarter's "sơ kết quý" a quarterly briefing.
NAMES_VI = {
    "semi_annual_review": ("Sơ kết 6 tháng", "Sơ kết 6 tháng đầu năm", "Sơ kết sáu tháng", "Sơ kết sáu tháng đầu năm",
                           "Sơ kết giữa năm"),
    "quarterly_briefing": ("Giao ban, trực báo quý", "Giao ban quý", "Trực báo quý", "Giao ban trực báo quý",
                           "Sơ kết quý"),
    "steering_committee": ("Hội nghị Ban Chỉ đạo", "Ban Chỉ đạo", "Họp Ban Chỉ đạo", "Hội nghị BCĐ", "BCĐ"),
    "annual_review": ("Tổng kết năm", "Tổng kết cuối năm", "Tổng kết công tác năm", "Hội nghị tổng kết năm"),
    "other": ("Khác", "Loại khác"),
}
TYPE_NAMES_VI = {label: names[0] for label, names in NAMES_VI.items()}  # the one a reader is shown
