"""Pages copied from news sites: which lines are furniture, which line is the headline, which date is the
article's (README, "How the date is chosen"). Every page here is made up."""
import json

import pytest

from dvtopics.io.metadata import extract_metadata, parse_date
from dvtopics.io.read import read_articles
from dvtopics.text.furniture import strip_furniture

LEAD = "Sáng 5/2, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2017."
BODY = f"{LEAD}\nNăm qua, các chi bộ đã vận động nhân dân làm 12 km đường bê tông.\n"


# ------------------------------------------------------------ which date is the article's


@pytest.mark.parametrize("source_line, source", [
    ("Nguồn: baodaklak.vn, ngày 06-02-2018", "baodaklak.vn"),
    ("Nguồn: baodaklak.vn, ngày 06.02.2018", "baodaklak.vn"),
    ("Nguồn: Báo Đắk Lắk, ngày 6 tháng 2 năm 2018", "Báo Đắk Lắk"),
    ("(Theo baodaklak.vn, 6/2/2018)", "baodaklak.vn"),
    ("Nguồn: baodaklak.vn (6/2/2018)", "baodaklak.vn"),
    ("Nguồn: Báo Đắk Lắk ngày 6/2/2018", "Báo Đắk Lắk"),
    ("Nguồn: baodaklak.vn, 2018-02-06", "baodaklak.vn"),
])
def test_the_source_lines_date_wins_whatever_its_shape(source_line, source):
    meta = extract_metadata(f"Thứ Tư, 27/11/2024\nTổng kết công tác dân vận năm 2017\n{BODY}{source_line}")
    assert (meta["date"], meta["source"]) == ("2018-02-06", source)


def test_a_sentence_that_ends_with_a_date_is_not_a_source_line():
    meta = extract_metadata(f"Tổng kết công tác dân vận năm 2017\n05/02/2018\n{BODY}Theo kế hoạch, lễ khai mạc "
                            "vào ngày 6/3/2018.")
    assert (meta["date"], meta["source"]) == ("2018-02-05", None)


@pytest.mark.parametrize("dateline", ["Cập nhật: 06/02/2018 10:30", "Đăng lúc 10:30 ngày 06/02/2018",
                                      "06/02/2018 10:30", "Ngày đăng: 2018-02-06"])
def test_the_dateline_under_the_headline_wins_over_the_sites_date_above_it(dateline):
    page = (f"BÁO ĐẮK LẮK ĐIỆN TỬ\nThứ Tư, 27/11/2024\nTrang chủ > Chính trị > Dân vận\n"
            f"Tổng kết công tác dân vận năm 2017\n{dateline}\n{BODY}")
    assert extract_metadata(strip_furniture(page))["date"] == "2018-02-06"


@pytest.mark.parametrize("dateline", ["2018-02-05 10:30", "Ngày đăng: 2018-02-05", "Cập nhật: 2018-02-05 10:30:00",
                                      "2018/02/05"])
def test_a_dateline_written_year_first_dates_the_article(dateline):
    assert extract_metadata(f"Tổng kết công tác dân vận năm 2017\n{dateline}\n{BODY}")["date"] == "2018-02-05"


def test_a_span_of_years_is_no_date():
    assert extract_metadata(f"Tổng kết giai đoạn 2016-2020\n2016-2020 | 10:30\n{BODY}")["date"] is None


# ------------------------------------------------------------ an instant is dated on Vietnam's clock


@pytest.mark.parametrize("value", ["2018-02-05T23:30:00Z", "2018-02-05T23:30Z", "2018-02-06T06:30:00+07:00",
                                   "2018-02-05T18:30:00-05:00", "2018-02-05 23:30:00+0000",
                                   "1517873400", "1517873400000", "1517873400.5"])
def test_the_same_instant_is_the_same_day_however_it_is_written(value):
    assert parse_date(value) == "2018-02-06"


def test_a_time_without_an_offset_is_taken_as_written():
    assert parse_date("2018-02-05T23:30:00") == "2018-02-05"


def test_date_fields_in_jsonl_agree_on_the_day(tmp_path):
    rows = [{"id": "s", "date": 1517873400, "text": BODY}, {"id": "ms", "date": 1517873400000, "text": BODY},
            {"id": "iso", "date": "2018-02-05T23:30:00Z", "text": BODY}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    articles = list(read_articles(tmp_path / "a.jsonl"))
    assert [(a.id, a.date, a.meta.get("warning")) for a in articles] == [
        ("s", "2018-02-06", None), ("ms", "2018-02-06", None), ("iso", "2018-02-06", None)]
