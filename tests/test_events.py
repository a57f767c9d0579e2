"""The event an article reports (events.py), on made-up heads in the shapes LABELS.md names."""
import pytest

from dvtopics.types.events import NO_EVENT_FEATURES, event_features, find_event


@pytest.mark.parametrize("title, lead, where, period, next_tasks, committee", [
    ("Sơ kết công tác dân vận 6 tháng đầu năm", "", "title", "half_year", None, False),
    ("Đắk Lắk: Tăng cường phối hợp trong công tác dân vận",  # title-silent: the lead names the meeting
     "Ngày 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2015, triển khai nhiệm vụ "
     "năm 2016.", "lead", "year", "year", False),
    ("Giao ban quý I, triển khai nhiệm vụ quý II năm 2023", "", "title", "quarter", "quarter", False),
    ("Ban Chỉ đạo phòng, chống dịch tỉnh họp khẩn", "", "title", None, None, True),
    ("Hội nghị trực tuyến Ban Chỉ đạo 389 quốc gia sơ kết 9 tháng", "", "title", "nine_months", None, True),
    ("Sở GD&ĐT tổng kết năm học 2022-2023", "", "title", "school_year", None, False),
    # hunt 37 B (3): the period the sentence names first is the meeting's; a later one is a figure given there
    ("Ngành Thuế nỗ lực hoàn thành dự toán", "Tại hội nghị sơ kết công tác thuế 6 tháng đầu năm 2022, Cục Thuế tỉnh "
     "cho biết riêng quý II thu ngân sách đạt 1.200 tỷ đồng.", "lead", "half_year", None, False),
    ("Hội Nông dân kiểm điểm công tác", "Chiều 7/7, Hội Nông dân huyện tổ chức hội nghị kiểm điểm công tác lãnh "
     "đạo, chỉ đạo giữa năm 2014.", "lead", "half_year", None, False),
    ("Huyện ủy Thạch Hà giao ban 3 tháng đầu năm", "", "title", "quarter", None, False),
    ("Tiêm chủng mở rộng đạt 98%", "Tại hội nghị tổng kết công tác y tế năm 2018 ngày 27/12, Sở Y tế cho biết 6 "
     "tháng cuối năm tỷ lệ tiêm chủng đạt 98%.", "lead", "year", None, False),
    # hunt 38 J: a title's meeting without its period takes the period its lead names; five months are no year
    ("Hội đồng Tư vấn thuế tỉnh họp", "Tại phiên họp quý III/2019, Hội đồng đánh giá tiến độ thu ngân sách.",
     "title", "quarter", None, False),
    ("Cải cách hành chính có tiến bộ", "Tỉnh tổ chức hội nghị sơ kết công tác cải cách hành chính 5 tháng đầu năm "
     "2019 và công bố chỉ số năm 2018.", "lead", "months", None, False),
    # hunt 40 P (3): a month's briefing sets the next month's tasks, not the year's it names after them
    ("Sản xuất công nghiệp tăng 7%", "Chiều 2/11, Chủ tịch UBND tỉnh chủ trì cuộc họp giao ban kinh tế - xã hội "
     "tháng 10, triển khai nhiệm vụ tháng 11 năm 2022.", "lead", "month", "month", False),
    # (a deadline is neither the month reviewed nor the next month's tasks)
    ("Rà soát dự án chậm tiến độ", "Hội nghị giao ban yêu cầu các chủ đầu tư hoàn thành nhiệm vụ giải ngân đến tháng "
     "12.", "lead", None, None, False),
    # hunt 41 AA and AB: a quarter one is to finish before is no quarter reviewed; the last quarter as its months
    ("Giao ban về di dời hộ dân", "Ban Dân vận tổ chức buổi giao ban chuyên đề về vận động hộ dân bàn giao mặt bằng "
     "trước quý II.", "title", None, None, False),
    ("Thu ngân sách đạt 79% dự toán", "Cục Thuế tổ chức hội nghị đánh giá công tác thuế 9 tháng, triển khai nhiệm vụ 3 "
     "tháng cuối năm 2020.", "lead", "nine_months", "quarter", False),
])
def test_the_event_its_place_period_tasks_and_committee(title, lead, where, period, next_tasks, committee):
    event = find_event(title, lead)
    assert (event.where, event.period, event.next_tasks, event.committee) == (where, period, next_tasks, committee)


def test_press_conferences_and_get_togethers_are_not_meetings():
    assert find_event("Bộ Công an họp báo thường kỳ", "Các đại biểu họp mặt đầu xuân.") is None


def test_a_conference_centre_is_a_place_not_a_meeting():
    """Hunt 38 J: "event: Hội nghị tỉnh …" for a blood drive held at the province's conference centre."""
    assert find_event("Ngày hội hiến máu", "Tại Trung tâm Hội nghị tỉnh, hơn 500 người đã hiến máu.") is None
    assert find_event("Khai mạc", "Tại Cung Hội nghị Quốc gia, các đại biểu dự lễ khai mạc triển lãm.") is None


def test_a_meeting_named_only_in_the_body_is_found_there():
    lead = "Tham dự có lãnh đạo các sở, ngành. " + "Năm qua, công tác dân vận có nhiều chuyển biến tích cực. " * 12
    body = "Hội nghị cũng đã thảo luận, thông qua phương hướng, nhiệm vụ công tác dân vận năm 2016."
    event = find_event("Tăng cường sự phối hợp", lead + body)
    assert event.where == "body" and event.period == "year" and event.next_tasks == "year"


def test_the_cue_names_the_event_period_and_holder():
    cue = find_event("Phát huy sức mạnh", "Sáng 4/8, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận "
                                          "6 tháng đầu năm.").cue()
    assert cue.startswith("event: hội nghị sơ kết công tác dân vận 6 tháng đầu năm (lead)")
    assert "period: half_year" in cue and "held by: Ban Dân vận Tỉnh ủy" in cue


@pytest.mark.parametrize("title, lead, holder", [
    ("Kết luận của Trưởng Ban Chỉ đạo", "Trưởng Ban Chỉ đạo chuyển đổi số tỉnh tại phiên họp thứ hai đã kết luận.",
     None),
    ("Chống dịch khẩn trương", "Sáng 25/3, Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19 tổ chức hội nghị trực tuyến "
     "với các tỉnh.", "Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19"),
    ("Phó Bí thư: hoàn thành đúng lộ trình", "Chủ trì cuộc họp với các thành viên Ban Chỉ đạo các chương trình mục "
     "tiêu quốc gia tỉnh sáng 14/8, Phó Bí thư yêu cầu các sở hoàn thành tiêu chí.",
     "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh"),
    ("Kết nạp hơn 1.000 hội viên mới", "Hội Cựu chiến binh tỉnh Nam Định vừa tổ chức hội nghị tổng kết công tác Hội "
     "năm 2022.", "Hội Cựu chiến binh tỉnh Nam Định"),
    ("Cải cách hành chính năm 2021", "Ngày 22/1, Văn phòng UBND tỉnh Phú Yên tổ chức Hội nghị cán bộ, công "
     "chức.", "Văn phòng UBND tỉnh Phú Yên"),
    ("Lịch làm việc tuần tới", "Theo Sở Ngoại vụ, hôm nay (9/3), Kỳ họp thường niên của Ủy ban hợp tác sẽ khai mạc.",
     None),
    ("Khen thưởng cuối năm", "Hội đồng Thi đua - Khen thưởng Bộ Tài chính họp phiên cuối năm 2019.",
     "Hội đồng Thi đua - Khen thưởng Bộ Tài chính"),
    ("Mở rộng tuyển sinh", "Thường trực Tỉnh ủy họp, thống nhất chủ trương mở thêm ngành đào tạo.",
     "Thường trực Tỉnh ủy"),
    ("Công bố luật mới", "Văn phòng Chủ tịch nước tổ chức họp báo công bố các luật đã được thông qua tại kỳ họp thứ 7.",
     None),
    ("Bảo đảm điện mùa khô", "Hôm qua, Bộ Công Thương đã có cuộc họp với các nhà máy thủy điện.", "Bộ Công Thương"),
    ("Kiểm điểm trách nhiệm", "Hội đồng quản trị Tổng công ty Lương thực trước đó đã họp kiểm điểm.",
     "Hội đồng quản trị Tổng công ty Lương thực"),
    ("Hè tình nguyện sôi nổi", "Ngày 11/9, Tỉnh Đoàn Gia Lai tổ chức tổng kết chiến dịch tình nguyện hè năm 2023.",
     "Tỉnh Đoàn Gia Lai"),
    ("Số hóa toàn bộ hồ sơ", "Tỉnh vừa ra thông báo kết luận tại phiên họp Ban Chỉ đạo tháng 4/2024.", "Ban Chỉ đạo"),
    ("Còn 12 xã chưa về đích", "Sáng 12/3, Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh Quảng Bình tổ chức "
     "phiên họp thứ nhất.", "Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh Quảng Bình")])
def test_who_held_it_is_named_whole_and_no_further(title, lead, holder):
    """Hunt 37 B (4): "held by: Ban Chỉ đạo tại phiên", "Ban Chỉ đạo quốc gia phòng" (cut at "phòng, chống"), "Ban
    Chỉ đạo các chương trình mục tiêu qu" (cut in a word), "Hội Cựu chiến binh tỉnh Nam Định vừa", "UBND tỉnh".
    Hunt 38 J: a news source and what follows its comma ("Sở Ngoại vụ, hôm nay (9/3), Kỳ"), a council's name cut at
    its tenth word, "Thường trực" lost, and the host of a press conference named as the holder of the session it
    announces. Hunt 39 K: verbs and adverbs in the name ("Bộ Công Thương đã có cuộc", "… Lương thực trước đó"). Hunt 40
    P (4): "Đoàn Gia Lai" for the province's youth union, the month as the committee's name ("Ban Chỉ đạo tháng
    4/2024"), no holder where the name ran past ten words."""
    assert find_event(title, lead).holder == holder


def test_to_convene_is_named_whole():
    """Hunt 39 K: "nhóm họp" (to convene) was read from its "họp": "event: họp phiên bế mạc"."""
    event = find_event("Bế mạc", "Sáng nay, Quốc hội nhóm họp phiên bế mạc.")
    assert event.kind == "nhóm họp" and event.phrase.startswith("nhóm họp phiên bế mạc")


@pytest.mark.parametrize("title, lead", [
    ("Khởi công nhà điều hành", "Công trình có một phòng họp chính với 500 chỗ ngồi."),
    ("Thưởng các đơn vị xây TT hội nghị tỉnh", "Các nhà thầu hoàn thành trước thời hạn."),
])
def test_a_meeting_room_or_a_venue_abbreviated_is_no_meeting(title, lead):
    """Hunt 39 K: "event: họp chính …" for a meeting room, "event: hội nghị quốc gia" for "TT hội nghị"."""
    assert find_event(title, lead) is None


@pytest.mark.parametrize("lead", [
    "Tỉnh sẽ tổ chức hai hội nghị vào tháng 5 và 10.",
    "Hội nghị bộ trưởng khu vực sẽ được tổ chức vào cuối tháng 9 tới.",
    "Hội nghị là bước chuẩn bị cho hội chợ lớn tại Đà Nẵng cuối năm nay.",
    "Tại kỳ họp, đại biểu nêu việc giá nước đã 3 năm nay không được điều chỉnh.",
])
def test_when_a_meeting_is_held_or_something_else_will_be_is_no_period_it_reviewed(lead):
    """Hunt 39 K: "vào tháng 5" (when held) read as the month reviewed, "cuối năm nay" (another event's date) as the
    year, "3 năm nay" (for three years now) as several years: false cues, and the last two moved the model."""
    assert find_event("Hội nghị khu vực", lead).period is None


def test_features_say_where_and_what_or_that_there_is_none():
    assert event_features("Giá lúa tăng", "Nông dân phấn khởi.") == NO_EVENT_FEATURES
    features = event_features("Hội nghị Ban Chỉ đạo sơ kết 6 tháng đầu năm", "")
    assert {"__ev_at_title", "__ev_period_half_year", "__ev_committee"} <= set(features)
    lead = "Tham dự có lãnh đạo các sở. " + "Năm qua có nhiều chuyển biến. " * 25 + "Hội nghị tổng kết năm 2015."
    body = event_features("Tăng cường phối hợp", lead)  # named only in the body: tokens of their own
    assert "__ev_at_body" in body and all(token.endswith("_at_body") for token in body)


def test_a_dot_inside_a_word_does_not_end_the_events_reading():
    """The next-tasks window and the review lookahead stop at a full stop; "TP.HCM" or "16.000" are not one."""
    event = find_event("", "Ngày 5/7, UBND TP.HCM tổ chức hội nghị triển khai nhiệm vụ của TP.HCM năm 2016.")
    assert event.next_tasks == "year" and event.holder == "UBND TP.HCM"
    assert "TP.HCM năm 2016" in event.phrase  # shown as written
    review = find_event("", "Huyện đã tổng kết 1.200 mô hình công tác dân vận khéo.")
    assert review is not None and review.kind == "tổng kết"
