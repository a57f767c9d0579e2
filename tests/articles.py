"""Tiny made-up articles of each type, for fast tests (written for the tests, not from any corpus), and the bytes
Windows writes a text in."""
import unicodedata

from dvtopics.io.read import make_article

UNITS = ["Ban Dân vận Tỉnh ủy", "Ủy ban MTTQ huyện", "Hội Nông dân tỉnh", "Sở Y tế", "Huyện đoàn", "Liên đoàn Lao động"]
TEMPLATES = {
    "semi_annual_review": "{u} sơ kết công tác 6 tháng đầu năm {y}\n{u} tổ chức hội nghị sơ kết công tác 6 tháng đầu năm, "
                          "triển khai nhiệm vụ 6 tháng cuối năm {y}. Các đại biểu đánh giá kết quả nửa đầu năm.",
    "quarterly_briefing": "{u} giao ban công tác quý I năm {y}\nSáng nay, {u} tổ chức hội nghị giao ban quý I, "
                          "triển khai nhiệm vụ trọng tâm quý II năm {y}. Hội nghị trực báo tình hình cơ sở.",
    "steering_committee": "Hội nghị Ban Chỉ đạo {u} năm {y}\nBan Chỉ đạo chương trình phối hợp của {u} họp phiên thường kỳ; "
                          "Trưởng Ban Chỉ đạo chủ trì hội nghị, phân công nhiệm vụ cho các thành viên.",
    "annual_review": "{u} tổng kết công tác năm {y}\n{u} tổ chức hội nghị tổng kết công tác năm {y}, "
                     "triển khai phương hướng, nhiệm vụ năm {z}. Hội nghị khen thưởng các tập thể xuất sắc.",
    "other": "{u} ra quân làm sạch đường làng năm {y}\nHàng trăm đoàn viên của {u} tham gia dọn vệ sinh, trồng cây xanh "
             "và thăm hỏi gia đình chính sách trong dịp cuối tuần.",
}


def made_up_articles(per_type: int = 6):
    """`per_type` articles of each of the five types, each with its label set."""
    articles = []
    for label, template in TEMPLATES.items():
        for i in range(per_type):
            unit, year = UNITS[i % len(UNITS)], 2015 + i
            article = make_article(f"{label}-{i}", template.format(u=unit, y=year, z=year + 1))
            article.label = label
            articles.append(article)
    return articles


def write_unlabelled_and_labels(folder, articles, id_column: str = "id", labels_id_header: str = "id"):
    """The articles without their labels in `folder`/a.jsonl (ids under `id_column`) and their labels in
    `folder`/labels.csv (ids under `labels_id_header`): the two files a user gives as PATHS and --labels."""
    import json

    texts, labels = folder / "a.jsonl", folder / "labels.csv"
    texts.write_text("".join(json.dumps({id_column: a.id, "text": a.text}, ensure_ascii=False) + "\n"
                             for a in articles), encoding="utf-8")
    labels.write_text(f"{labels_id_header},label\n" + "".join(f"{a.id},{a.label}\n" for a in articles),
                      encoding="utf-8")
    return texts, labels


def cp1258(text: str) -> bytes:
    """`text` as Windows writes it in Windows-1258 (Notepad's "ANSI" on a Vietnamese Windows): a letter it has no code
    for as the nearest letter it has and a combining tone mark (ắ: ă and the acute's code; ộ: ô and the dot)."""
    written = b""
    for letter in unicodedata.normalize("NFC", text):
        try:
            written += letter.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", letter)
            tone = next(mark for mark in parts if mark in "\u0300\u0301\u0303\u0309\u0323")
            written += unicodedata.normalize("NFC", parts.replace(tone, "")).encode("cp1258") + tone.encode("cp1258")
    return written
