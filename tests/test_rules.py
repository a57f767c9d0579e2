import pytest
from click.testing import CliRunner

from dvtopics.cli import cli
from dvtopics.io.read import read_articles
from dvtopics.types.rules import apply_rules


@pytest.mark.parametrize("title, label, rule", [
    ("Hội nghị Ban Chỉ đạo điều hành chương trình phối hợp năm 2023", "steering_committee", "sc_meeting"),
    ("Ban Chỉ đạo 389 tỉnh sơ kết công tác 6 tháng đầu năm", "steering_committee", "sc_holds"),
    ("Sơ kết 3 năm thực hiện Nghị quyết về công tác dân vận", "other", "multi_year"),
    ("Tổng kết giải bóng đá thanh niên năm 2017", "other", "event_review"),
    # a theme year in quotes, whatever the case (some sites set headlines in capitals)
    ("Hội nghị tổng kết “Năm An toàn giao thông” 2019", "other", "event_review"),
    ("HỘI NGHỊ TỔNG KẾT “NĂM AN TOÀN GIAO THÔNG” 2019", "other", "event_review"),
    ("Hội nghị giao ban công tác dân vận quý III", "quarterly_briefing", "quarter_meeting"),
    ("Hội nghị sơ kết công tác Mặt trận 6 tháng đầu năm 2022", "semi_annual_review", "half_year_review"),
    ("Tổng kết công tác năm 2015, triển khai nhiệm vụ năm 2016", "annual_review", "year_review"),
    # Made-up sentences in the shapes the first rules missed (data/labels/README.md, "Rules, second pass").
    ("Sở Y tế tổ chức hội nghị triển khai kế hoạch năm 2024", "annual_review", "year_tasks"),
    ("Chính phủ và Mặt trận kiểm điểm việc phối hợp năm 2023, bàn nhiệm vụ năm 2024", "annual_review", "year_pair"),
    ("Hội nghị tổng kết công tác thanh tra của tỉnh", "annual_review", "year_review"),
    ("Tỉnh ủy họp phiên thứ nhất, bàn nhiệm vụ trọng tâm quý II", "quarterly_briefing", "quarter_tasks"),
    ("Tổng kết hoạt động quý II của ngành tòa án", "quarterly_briefing", "quarter_meeting"),
    ("Hội nghị sơ kết công tác 6 tháng của Ủy ban An toàn giao thông", "semi_annual_review", "half_year_review"),
    ("Chiều 3/11, tại cuộc họp thường kỳ của Ban Chỉ đạo phòng chống dịch", "steering_committee", "sc_meeting"),
    ("Phó Thủ tướng chủ trì phiên họp thứ hai của Ủy ban Chỉ đạo quốc gia", "steering_committee", "sc_meeting"),
    ("Ban Chỉ đạo Tây Nguyên tổ chức họp báo về hội nghị xúc tiến đầu tư", "other", None),
    # Second edition: a leader's meeting with the committee is the committee's meeting.
    ("Phó Chủ tịch có cuộc họp với Ban Chỉ đạo du lịch thành phố", "steering_committee", "sc_with_members"),
    ("Trả lời báo chí bên lề hội nghị sơ kết 6 tháng đầu năm", "other", "sidelines"),
    ("Hội nghị tổng kết công tác dân số 5 năm 2001-2005", "other", "multi_year"),
    ("Hội nghị tổng kết năm học 2023-2024 của ngành giáo dục", "annual_review", "school_year"),
    ("Kỳ họp thứ 5 HĐND thành phố thảo luận tình hình 6 tháng đầu năm", "other", "council_session"),
    # False positives found by labelling all of baomoi: press conferences and the Assembly's review.
    ("Bộ Công an họp báo thông báo tình hình, kết quả công tác công an 6 tháng đầu năm", "other",
     "press_conference"),
    ("Ủy ban thẩm tra báo cáo đánh giá bổ sung kết quả năm 2016 và kế hoạch năm 2017", "other", None),
    # "BCĐ … họp" with what the meeting does (present-day wording; one article in the corpora uses it).
    ("Ban Chỉ đạo thực hiện dân chủ ở cơ sở huyện họp đánh giá kết quả năm 2024", "steering_committee",
     "sc_holds"),
    ("Trưởng Ban Chỉ đạo thực hiện dân chủ ở cơ sở dự buổi họp mặt đầu xuân năm 2024", "other", None),
    # Shapes found by probing with present-day heads written to LABELS.md (data/labels/README.md, fourth pass).
    ("Ban Dân vận Tỉnh ủy giao ban đánh giá kết quả tháng 8, triển khai nhiệm vụ tháng 9 năm 2024", "other",
     "monthly_meeting"),
    ("Tổng kết Ngày hội Đại đoàn kết toàn dân tộc năm 2024", "other", "event_review"),
    ("Công an tỉnh sơ kết 6 tháng thi hành Nghị định 168 về trật tự an toàn giao thông", "other", "law_review"),
    ("Ban Chỉ đạo phối hợp tổ chức hội nghị triển khai Luật Thực hiện dân chủ ở cơ sở", "other", "dissemination"),
    ("Hội nghị sơ kết 6 tháng đầu năm thực hiện Nghị quyết của Đảng ủy xã", "semi_annual_review",
     "half_year_review"),
    ("Hội nghị sơ kết công tác 6 tháng đầu năm và triển khai Chỉ thị 05", "semi_annual_review",
     "half_year_review"),
    ("Hội nghị sơ kết công tác dân vận 9 tháng, triển khai nhiệm vụ những tháng cuối năm 2024",
     "quarterly_briefing", "nine_months"),
    ("Họp báo công bố số liệu kinh tế 9 tháng", "other", None),
    ("Bữa lẩu tổng kết đồ ăn Tết hôm mùng 9 tháng giêng", "other", None),  # a date, not nine months
    # LABELS.md, second edition, in its own words.
    ("Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh họp khẩn sau khi ghi nhận ca mắc mới", "steering_committee",
     "sc_holds"),
    ("Chủ tịch UBND tỉnh chủ trì cuộc họp với các thành viên Ban Chỉ đạo", "steering_committee", "sc_with_members"),
    ("Ban Chỉ huy PCTT và TKCN tỉnh họp triển khai ứng phó bão số 3", "steering_committee", "sc_holds"),
    ("Ban Chỉ huy quân sự huyện tổ chức hội nghị tổng kết công tác năm 2023", "annual_review", "year_review"),
    ("Sơ kết học kỳ I, triển khai nhiệm vụ học kỳ II năm học 2023-2024", "semi_annual_review", "semester"),
    ("Hội nghị cán bộ, công chức, viên chức năm 2024 của Sở Tư pháp", "annual_review", "staff_conference"),
    ("Tổng kết \"Năm An toàn giao thông\" 2012", "other", "event_review"),
    ("Tổng kết công tác phục vụ Tết Nguyên đán Giáp Thìn", "other", "event_review"),
    ("Sơ kết 1 năm thực hiện Nghị quyết 18 của tỉnh", "other", "multi_year"),
    # Fifth pass (made-up sentences in the shapes of the written training set's misses, data/labels/README.md).
    # Committees' names run long; "BCĐ … họp" takes any meeting verb.
    ("Ban Chỉ đạo Cuộc vận động \"Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư\" huyện Yên Thành "
     "tổ chức hội nghị tổng kết năm 2022", "steering_committee", "sc_holds"),
    ("Ban Chỉ đạo phòng, chống dịch bệnh huyện họp để đánh giá tình hình sốt xuất huyết", "steering_committee",
     "sc_holds"),
    ("Ban Chỉ huy phòng, chống lụt bão tỉnh tổ chức cuộc họp ứng phó áp thấp nhiệt đới", "steering_committee",
     "sc_holds"),
    ("Chủ trì hội nghị tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023 của Ban Chỉ đạo 138 tỉnh",
     "steering_committee", "sc_meeting"),
    ("Trưởng Ban Chỉ đạo nhắc lại yêu cầu này trong buổi họp với các sở", "other", None),
    ("Ngày 3/4, đoàn kiểm tra của Ban Chỉ đạo 389 tỉnh làm việc với Ban Chỉ đạo 389 huyện", "other", "sc_visit"),
    # A company's business review is its work (LABELS.md rule 4); a farming season is an event.
    ("Tổng công ty sơ kết sản xuất kinh doanh 6 tháng đầu năm 2021", "semi_annual_review", "half_year_review"),
    ("Huyện tổng kết sản xuất vụ đông xuân năm 2021", "other", "event_review"),
    ("Tổng kết cuộc diễn tập ứng phó sự cố tràn dầu năm 2021", "other", "event_review"),
    ("Huyện tổng kết công tác tuyển chọn và gọi công dân nhập ngũ năm 2021", "other", "event_review"),
    ("Hội nghị tổng kết \"Năm dân vận khéo\" 2021", "other", "event_review"),
    ("Ban Chấp hành Đảng bộ huyện tổ chức hội nghị lần thứ 8, đánh giá tình hình 6 tháng đầu năm", "other",
     "party_plenum"),
    ("Ban Chấp hành Hội Nông dân tỉnh tổ chức hội nghị lần thứ 5 tổng kết công tác Hội năm 2021", "annual_review",
     "year_review"),
    ("Giao ban báo chí quý II: thông tin về kết quả thu ngân sách", "other", "press_briefing"),
    ("UBND tỉnh họp phiên thường kỳ tháng 9, bàn nhiệm vụ trọng tâm quý IV", "other", "monthly_session"),
    ("Sở Nội vụ sơ kết 6 tháng thực hiện Đề án chuyển đổi số", "other", "law_review"),
    ("Trường tổ chức Hội nghị cán bộ, viên chức năm học 2021-2022", "annual_review", "staff_conference"),
    ("Bộ tổ chức hội nghị triển khai nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo năm 2022", "annual_review",
     "year_tasks"),
    # A sector's production plan is a season's, as "tổng kết sản xuất vụ …" is; a company's business plan is its year.
    ("Hội nghị triển khai kế hoạch sản xuất ngành cà phê năm 2019 ở Tây Nguyên", "other", None),
    ("Công ty tổ chức hội nghị triển khai kế hoạch sản xuất kinh doanh năm 2017", "annual_review", "year_tasks"),
    # A duty to finish within a quarter is a directive's deadline, not a quarterly meeting's tasks; a review of a
    # five-year plan beside the next one is no year's review.
    ("Sở Xây dựng được UBND tỉnh giao nhiệm vụ trong quý III phải hoàn thành quy hoạch", "other", None),
    ("Hội thảo góp ý dự thảo đánh giá kế hoạch 5 năm 2016-2020 và kế hoạch 5 năm 2021-2025", "other",
     None),
    # Sixth pass (made-up sentences): "tổng kết" alone is the year-end review, not when it names many
    # organisations' reviews in passing; "năm tới" is the coming year. A committee's directions or a discussion
    # someone else will hold are no meeting of it; a company's plans for the new year at a customer conference
    # are no year review.
    ("Ban Chỉ đạo tỉnh đã cho ý kiến chỉ đạo về việc xử lý rác thải", "other", None),
    ("Ban Chỉ đạo tỉnh cho biết các sở sẽ thảo luận phương án vào tuần tới", "other", None),
    ("Công ty tổ chức hội nghị khách hàng, bàn kế hoạch kinh doanh năm mới", "other", None),
    ("Tại hội nghị tổng kết của Hội Nông dân tỉnh sáng 10/1, nhiều ý kiến nêu khó khăn về vốn", "annual_review",
     "year_review"),
    ("Cửa hàng đông khách nhờ hội nghị tổng kết của các cơ quan, đơn vị", "other", None),
    ("Thanh tra tỉnh tổ chức hội nghị triển khai công tác năm tới", "annual_review", "year_tasks"),
    # Seventh pass: a headline whose subject reviews its year (trial 6 gave it as title-only input); a year-end
    # report's figures, a sentence that opens with the words and the press's round-ups are no review meeting.
    ("Cục Thuế tỉnh tổng kết năm 2019", "annual_review", "year_review"),
    ("Sở Giáo dục và Đào tạo tổng kết năm học 2021-2022", "annual_review", "year_review"),
    ("Theo báo cáo tổng kết năm 2016 của Bộ, xuất khẩu tăng 9%", "other", "review_report_cited"),
    ("Tổng kết năm 2019: mười sự kiện nổi bật", "other", None),
    ("Những bài tổng kết năm 2005 trên các tạp chí công nghệ", "other", None),
    # Tenth pass (made-up heads from LABELS.md's `other` list, not from any labelled set's misses): the review of
    # organising an event, of a season's or an occasion's work, of a programme carried out for six months, is
    # `other`; an organisation's personnel work, its emulation work and its work programme keep their period.
    ("Tổng kết công tác tổ chức kỳ thi tốt nghiệp THPT năm 2023", "other", "event_review"),
    ("Hội nghị tổng kết công tác tổ chức SEA Games 31", "other", "event_review"),
    ("Tổng kết công tác tổ chức Lễ hội Chùa Hương năm 2024", "other", "event_review"),
    ("Quận đoàn tổng kết công tác hè 2022", "other", "event_review"),
    ("Tổng kết công tác bảo đảm an ninh trật tự dịp Tết Nguyên đán 2024", "other", "event_review"),
    ("Tổng kết công tác khám tuyển nghĩa vụ quân sự năm 2024", "other", "event_review"),
    ("Sơ kết 6 tháng thực hiện mô hình “Chính quyền thân thiện”", "other", "law_review"),
    ("Sơ kết 6 tháng thực hiện Chương trình hành động của Chính phủ", "other", "law_review"),
    ("Tổng kết công tác tổ chức, cán bộ năm 2023", "annual_review", "year_review"),
    ("Tổng kết công tác thi đua, khen thưởng năm 2023", "annual_review", "year_review"),
    ("Sơ kết 6 tháng thực hiện chương trình công tác năm 2023", "semi_annual_review", "half_year_review"),
    # Hunt 38 J: a committee, or its head, at another's review, and the committee a meeting asks something of, are
    # not the committee meeting (LABELS.md rule 1: "the committee itself meets"); its own review still is.
    ("Trưởng Ban Chỉ đạo Tây Bắc tại hội nghị tổng kết 10 năm thực hiện đề án giảm nghèo", "other", "multi_year"),
    ("Phó Trưởng Ban Chỉ đạo dự và chỉ đạo hội nghị tổng kết công tác năm 2022 của Sở Nội vụ", "annual_review",
     "year_review"),
    ("Tại cuộc họp chiều qua ông Trần Văn B yêu cầu Ban Chỉ đạo giải phóng mặt bằng báo cáo tiến độ", "other", None),
    ("Ban Chỉ đạo 138 tỉnh tổng kết công tác năm 2022", "steering_committee", "sc_holds"),
    ("Ban Chỉ đạo các dự án trọng điểm họp phiên thứ ba", "steering_committee", "sc_holds"),
    # ... and a pilot, a decision, a policy or a mechanism carried out for six months is a programme (rule 3)
    ("Sơ kết 6 tháng thực hiện thí điểm chính quyền đô thị", "other", "law_review"),
    ("Sơ kết 6 tháng thực hiện Quyết định 33 của Thủ tướng", "other", "law_review"),
    ("Sơ kết 6 tháng thực hiện chính sách hỗ trợ người lao động", "other", "law_review"),
    # Thirty-ninth pass (made-up sentences in the shapes of LABELS.md rule 1's list): a meeting with the committee
    # with a word or two of when or how; the committee's own working session that its head chairs; the committee
    # as the subject that discussed something. Not its head's working visit to a commune, nor the discussion of
    # those it reports on. A council's quarterly session is a quarterly meeting.
    ("Bộ trưởng nêu đề xuất tại cuộc họp trực tuyến với Ban Chỉ đạo phòng chống thiên tai", "steering_committee",
     "sc_with_members"),
    ("Phó Chủ tịch tỉnh, Trưởng Ban Chỉ đạo giảm nghèo chủ trì buổi làm việc của Ban Chỉ đạo", "steering_committee",
     "sc_chairs"),
    ("Trưởng Ban Chỉ đạo xây dựng nông thôn mới huyện chủ trì buổi làm việc với xã Tân Lập", "other", None),
    ("Ban Chỉ đạo phòng, chống dịch tỉnh đã thảo luận phương án cách ly", "steering_committee", "sc_discussed"),
    ("Theo Ban Chỉ đạo tỉnh, các huyện đã thảo luận nhiều giải pháp giảm nghèo", "other", None),
    ("Ban Chỉ đạo huyện sẽ thảo luận kế hoạch vào tuần sau", "other", None),
    ("Hội đồng Tư vấn thuế tỉnh tổ chức phiên họp quý III", "quarterly_briefing", "quarter_meeting"),
    ("Tại phiên họp cuối năm, các bên hoãn giải ngân đến quý 1-2025", "other", None),
    ("Công an tỉnh họp báo với Ban Chỉ đạo 138 về kết quả trấn áp tội phạm", "other", None),
    # Hunt 40 O: everyday provincial wording (made-up sentences). The half year named "giữa năm", "nửa đầu năm" (not
    # when a meeting is held); the next school year as "năm học mới"; a campaign reviewed after some months; a review
    # to come; the first quarter as its three months; the year's review without its number, not several reviews.
    ("Sở Giao thông vận tải tổ chức hội nghị sơ kết công tác giữa năm 2023", "semi_annual_review",
     "half_year_review"),
    ("Khối Dân vận tỉnh giao ban giữa năm, bàn nhiệm vụ những tháng cuối năm", "semi_annual_review",
     "half_year_review"),
    ("Điện lực tỉnh tổ chức hội nghị đánh giá kết quả sản xuất kinh doanh nửa đầu năm 2023", "semi_annual_review",
     "half_year_review"),
    ("Ngân hàng tổ chức hội nghị triển khai nhiệm vụ nửa cuối năm", "semi_annual_review", "half_year_tasks"),
    ("Tại một hội nghị của ngành tổ chức hồi giữa năm, ông giám đốc thừa nhận nợ xấu tăng", "other", None),
    ("Phòng Giáo dục tổ chức hội nghị tổng kết năm học 2023-2024, triển khai kế hoạch năm học mới 2024-2025",
     "annual_review", "school_year"),
    ("Sơ kết 6 tháng Chiến dịch chỉnh lý dữ liệu địa chính", "other", "law_review"),
    ("Công an tỉnh sơ kết 6 tháng thực hiện đợt cao điểm giữ gìn trật tự đô thị", "other", "law_review"),
    ("Chuẩn bị chu đáo cho hội nghị tổng kết công tác Hội năm 2023", "other", "upcoming"),
    ("Hội nghị sơ kết 6 tháng của UBND tỉnh sẽ diễn ra vào tuần tới", "other", "upcoming"),
    ("Bộ chuẩn bị Hội nghị Du lịch toàn quốc", "other", None),  # another meeting prepared: no review to come
    ("Sở Công Thương tổ chức hội nghị đánh giá kết quả 3 tháng đầu năm, triển khai kế hoạch công tác quý II",
     "quarterly_briefing", "quarter_meeting"),
    ("Đó là kết quả được nêu tại hội nghị tổng kết năm của Chi cục chiều 16/1", "annual_review", "year_review"),
    ("Ông từng chia sẻ kinh nghiệm tại nhiều hội nghị tổng kết công tác của huyện", "other", None),
    # Hunt 40 R: the disaster committees' name since the Civil Defence Law (2024)
    ("Ban Chỉ huy Phòng thủ dân sự tỉnh họp khẩn ứng phó bão số 3", "steering_committee", "sc_holds"),
    ("Ban Chỉ huy PTDS tỉnh họp triển khai ứng phó áp thấp nhiệt đới", "steering_committee", "sc_holds"),
    # Hunt 40 U (titles and leads of a monitoring export): reviews to come in other words; a committee that will meet;
    # its head's conclusions from its session; a year reviewed and the next one's direction; a Party committee's
    # mid-year conference (its plenum); a Tết season by its year's name
    ("Sở Y tế sẽ sơ kết 6 tháng vào tuần tới", "other", "upcoming"),
    ("Quận lên lịch giao ban quý III", "other", "upcoming"),
    ("Kế hoạch tổ chức hội nghị tổng kết công tác năm 2019", "other", "upcoming"),
    ("Ban Dân vận vừa ban hành hướng dẫn các huyện ủy tổ chức hội nghị tổng kết công tác năm 2019", "other",
     "upcoming"),
    ("Ban Chỉ đạo phòng, chống thiên tai tỉnh sẽ họp đánh giá sau lũ", "other", "upcoming"),
    ("Kết luận của Trưởng Ban Chỉ đạo chuyển đổi số tỉnh tại phiên họp thứ hai", "steering_committee", "sc_chairs"),
    ("Hội đồng Thi đua tỉnh họp đánh giá công tác năm 2017, thống nhất phương hướng năm 2018", "annual_review",
     "year_pair"),
    ("Tỉnh ủy Đắk Lắk họp hội nghị giữa năm", "other", "party_plenum"),
    ("Ga tổ chức hội nghị tổng kết công tác vận tải hành khách Tết Mậu Tuất 2018", "other", "event_review"),
    # Hunt 41 W (hard negatives): a resolution's six months by its number or its theme (LABELS.md: "sơ kết 3 năm thực
    # hiện Nghị quyết"), not the year's own; profiles opening on an honour; reviews put off; a leader who will attend
    ("Sơ kết 6 tháng thực hiện Nghị quyết 128/NQ-CP về thích ứng an toàn", "other", "law_review"),
    ("Ban Thường vụ Tỉnh ủy sơ kết 6 tháng thực hiện Nghị quyết số 10-NQ/TU về phát triển du lịch", "other",
     "law_review"),
    ("Đảng ủy Khối sơ kết 6 tháng thực hiện Nghị quyết về nhiệm vụ năm 2023", "semi_annual_review", "half_year_review"),
    ("Vừa được tuyên dương tại hội nghị tổng kết năm học 2021-2022, cô Lò Thị Hoa vẫn nhớ buổi đầu vào bản", "other",
     "honoured_at"),
    ("Được Tỉnh đoàn tặng cờ thi đua tại hội nghị tổng kết công tác Đoàn năm 2016, Chi đoàn từng chỉ có 9 đoàn viên",
     "other", "honoured_at"),
    ("Thượng tá Thạch Sa Rết, người vừa được tặng bằng khen tại hội nghị tổng kết công tác công an năm 2017, đã dành "
     "hai mươi năm vận động bà con", "other", "honoured_at"),
    ("Sở Y tế thông báo hoãn hội nghị tổng kết công tác y tế năm 2020 để ứng phó mưa lũ", "other", "upcoming"),
    ("Hoãn hội nghị giao ban quý III do mưa lũ", "other", "upcoming"),
    ("Sáng 27/12, Thủ tướng sẽ dự và chỉ đạo hội nghị triển khai nhiệm vụ ngân hàng năm 2019", "other", "upcoming"),
    ("Sau hai lần hoãn, hội nghị tổng kết công tác y tế năm 2020 đã diễn ra sáng 5/1", "annual_review", "year_review"),
    ("Ngày 14/8, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên quý III", "other", "dissemination"),
    # Hunt 41 AA and AC: a movement's and a theme year's reviews; a committee's agreement at its meeting, in the
    # passive; a class's parents' meeting at the term's end
    ("Tổng kết phong trào thi đua “Dân vận khéo” năm 2023 của huyện", "other", "event_review"),
    ("Sơ kết 6 tháng thực hiện “Năm dân vận chính quyền 2024”", "other", "law_review"),
    ("Tổng kết công tác thi đua, khen thưởng năm 2023", "annual_review", "year_review"),
    ("Đây là nội dung được Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh thống nhất tại hội nghị ngày 17/8",
     "steering_committee", "sc_chairs"),
    ("Tại buổi họp phụ huynh cuối học kỳ I, cô chủ nhiệm đọc điểm từng em", "other",
     "parents_meeting"),
    # Hunt 41 AB: a monthly session at a quarter's end that reviews nine months is read by its period, as June's is
    ("Chính phủ họp phiên thường kỳ tháng 9, đánh giá tình hình 9 tháng và bàn nhiệm vụ quý IV", "quarterly_briefing",
     "quarter_tasks"),
    ("UBND tỉnh họp phiên thường kỳ tháng 10, bàn nhiệm vụ quý IV", "other", "monthly_session"),
    ("Chính phủ họp phiên thường kỳ tháng 6, đánh giá tình hình 6 tháng đầu năm", "semi_annual_review",
     "half_year_review"),
    # … a second quarter's briefing that reviews the half and sets the second half's tasks, not the third quarter's
    ("Ban Dân vận Huyện ủy tổ chức hội nghị giao ban khối dân vận quý II, sơ kết công tác dân vận 6 tháng đầu năm và "
     "triển khai nhiệm vụ 6 tháng cuối năm 2020", "semi_annual_review", "quarter_and_half"),
    ("Đoàn Khối tổ chức giao ban đánh giá kết quả công tác Đoàn quý II và 6 tháng đầu năm 2021, triển khai nhiệm vụ "
     "quý III", "quarterly_briefing", "quarter_meeting"),
    # Hunt 41 AF: a meeting held before the news, recalled in a story about something else; an ad-hoc giao ban
    ("Lâm Hà đưa vào sử dụng chợ trung tâm. Trước đó, tại hội nghị giao ban quý I, huyện đã yêu cầu đẩy nhanh tiến "
     "độ", "other", "earlier_meeting"),
    ("Xã bị nhắc nhở vì chậm giải ngân. Tại hội nghị sơ kết 6 tháng đầu năm của huyện hồi tháng 7, vấn đề đã được nêu",
     "other", "earlier_meeting"),
    ("Sáng 5/1, UBND tỉnh tổ chức hội nghị tổng kết công tác năm 2022. Tại hội nghị năm trước, tỉnh đặt mục tiêu tăng "
     "trưởng 7%", "annual_review", "year_review"),
    ("Giao ban đột xuất về tiến độ thu ngân sách quý IV", "other", None),
    # Hunt 41 AE: a monthly giao ban whose next plan is a month of a year; conferences of other kinds held each
    # quarter; a briefing held with the papers; a profile opening on one of those honoured
    ("Ngày 2/12, Tập đoàn tổ chức hội nghị giao ban điều hành sản xuất kinh doanh tháng 11 và triển khai kế hoạch "
     "tháng 12/2021", "other", "monthly_meeting"),
    ("Ngân hàng Nhà nước chi nhánh tổ chức hội nghị kết nối ngân hàng - doanh nghiệp quý I", "other", None),
    ("Tổng LĐLĐ giao ban công tác tuyên truyền quý III với các cơ quan báo chí công đoàn", "other", "press_briefing"),
    ("Là một trong 12 công nhân được biểu dương tại hội nghị tổng kết năm của Công đoàn Công ty, chị Lò Thị Hoa đã "
     "gắn bó với vườn cây hơn 10 năm", "other", "honoured_at"),
    ("Công ty tổ chức hội nghị triển khai kế hoạch sản xuất kinh doanh năm 2022", "annual_review", "year_tasks"),
    # Hunt 41 AD: a reform's first six months, a pilot's
    ("Phường Sài Gòn sơ kết 6 tháng vận hành chính quyền địa phương hai cấp", "other", "law_review"),
    ("Quận sơ kết 6 tháng thí điểm mô hình phường không ma túy", "other", "law_review"),
    ("Phường sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm", "semi_annual_review",
     "half_year_review"),
    # Hunt 41 X: a council's standing committee's quarterly session, as its title names it
    ("Thường trực HĐND tỉnh Quảng Trị họp phiên thường kỳ quý II", "quarterly_briefing", "quarter_meeting"),
    # Hunt 42 AI: the plan an activity belongs to, what a training prepares for; a committee that has another body
    # hold a review; not a school year's conference
    ("Sở tổ chức hội nghị chuyên đề dạy học môn Lịch sử. Đây là hoạt động nằm trong kế hoạch triển khai nhiệm vụ năm "
     "học 2018-2019 của ngành", "other", None),
    ("Phòng GD&ĐT tổ chức tập huấn cho 120 cán bộ quản lý nhằm chuẩn bị triển khai nhiệm vụ năm học 2019-2020", "other",
     None),
    ("Sở GD&ĐT tổ chức hội nghị triển khai nhiệm vụ năm học 2019-2020", "annual_review", "school_year"),
    ("Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh giao Sở Y tế tổ chức tổng kết Tháng hành động năm 2018", "other",
     "event_review"),
    ("Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh tổ chức hội nghị tổng kết công tác năm 2018",
     "steering_committee", "sc_holds"),
    # Hunt 42 AJ: a meeting that announces a committee's founding or new members; a meeting held "last week"
    ("Sáng 22/7, Tỉnh ủy tổ chức hội nghị công bố quyết định thành lập Ban Chỉ đạo phòng, chống tham nhũng tỉnh",
     "other", "sc_founded"),
    ("Huyện ủy tổ chức hội nghị công bố quyết định kiện toàn Ban Chỉ đạo 35 huyện", "other", "sc_founded"),
    ("Giá rau tăng mạnh. Tại hội nghị giao ban quý III của Sở Công Thương tuần trước, lãnh đạo Sở cho biết sẽ bảo đảm "
     "nguồn cung", "other", "earlier_meeting"),
    # Hunt 42 AH: the review of the response to one storm, flood or epidemic, or of a relief drive
    ("Tỉnh tổ chức hội nghị tổng kết công tác phòng chống và khắc phục hậu quả cơn bão số 9", "other", "event_review"),
    ("Hội nghị tổng kết công tác phòng chống dịch cúm A/H1N1", "other", "event_review"),
    ("Ủy ban MTTQ tỉnh tổ chức hội nghị tổng kết công tác vận động, tiếp nhận và phân phối hàng cứu trợ", "other",
     "event_review"),
    ("Tổng kết công tác phòng chống lụt bão năm 2015, triển khai nhiệm vụ năm 2016", "annual_review", "year_review"),
    # Hunt 42 AM: the quarterly press briefing by its northern name; a review about to be held, tomorrow, announced; a
    # meeting recalled with "từng"
    ("Chiều 11/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị cung cấp thông tin định kỳ cho báo chí quý I/2022", "other",
     "press_briefing"),
    ("Sắp diễn ra hội nghị tổng kết công tác dân vận năm 2022", "other", "upcoming"),
    ("Ngày mai, khối dân vận Trung ương tổng kết công tác năm 2022", "other", "upcoming"),
    ("Ban Dân vận Tỉnh ủy thông báo sẽ tổ chức hội nghị tổng kết công tác dân vận năm 2019", "other", "upcoming"),
    ("Con đường bê tông vừa hoàn thành. Công trình từng được nêu tên tại hội nghị tổng kết công tác dân vận năm 2016",
     "other", "earlier_meeting"),
    # Hunt 42 AL: six months of a plan or a programme by its theme, a semester of a pilot or a model, a theme year's
    # or a month of action's plan launched; not the year's work plan, nor a coordination programme
    ("Sở Nông nghiệp sơ kết 6 tháng thực hiện Kế hoạch phòng, chống dịch tả lợn châu Phi", "other", "law_review"),
    ("Ngân hàng sơ kết 6 tháng chương trình tín dụng cho người nuôi lợn", "other", "law_review"),
    ("Trường THPT sơ kết học kỳ I mô hình lớp học thông minh", "other", "law_review"),
    ("Sở Y tế tổ chức hội nghị triển khai kế hoạch 'Năm Chuyển đổi số ngành y tế 2022'", "other", None),
    ("Sở Y tế tổ chức hội nghị triển khai kế hoạch Tháng hành động vì an toàn thực phẩm năm 2022", "other", None),
    ("UBND huyện sơ kết 6 tháng thực hiện kế hoạch phát triển KT-XH năm 2023", "semi_annual_review",
     "half_year_review"),
    ("Sơ kết 6 tháng thực hiện chương trình phối hợp giữa Ban Dân vận và Hội Nông dân", "semi_annual_review",
     "half_year_review"),
    ("Sở Y tế tổ chức hội nghị triển khai kế hoạch năm 2022", "annual_review", "year_tasks"),
    # Hunt 42 AP: a giao ban or trực báo named by a long subject; "BCH", the initials of a Ban Chỉ huy; another body's
    # meeting before the committee's act; press briefings in other words
    ("Ban Nội chính Tỉnh ủy tổ chức hội nghị giao ban công tác nội chính, phòng, chống tham nhũng và cải cách tư pháp "
     "quý I năm 2020", "quarterly_briefing", "quarter_meeting"),
    ("Ban Dân vận tổ chức trực báo công tác dân vận chính quyền, dân vận khéo và Quy chế dân chủ quý III",
     "quarterly_briefing", "quarter_meeting"),
    ("BCH PCTT và TKCN huyện Hướng Hóa họp khẩn ứng phó bão số 5", "steering_committee", "sc_holds"),
    ("Sau cuộc họp chiều 3/8 của UBND tỉnh, Ban Chỉ đạo 389 tỉnh đã ban hành công điện yêu cầu các lực lượng",
     "other", None),
    ("Sở Thông tin tổ chức hội nghị cung cấp thông tin định kỳ quý III năm 2022 cho các cơ quan báo chí", "other",
     "press_briefing"),
    ("Ban Tuyên giáo tổ chức hội nghị thông tin báo chí quý III", "other", "press_briefing"),
    # Hunt 42 AO: a review's report cited as a figure's source; a committee's representative at a press briefing; a
    # review's report that cites its own report keeps its label
    ("Theo báo cáo sơ kết 6 tháng của Cục Thống kê tỉnh, tổng sản phẩm 6 tháng đầu năm 2019 tăng 7,1%", "other",
     "review_report_cited"),
    ("Sáng 6/7, Công an tỉnh tổ chức hội nghị sơ kết công tác 6 tháng đầu năm. Theo báo cáo sơ kết, lực lượng đã "
     "triệt phá 45 băng nhóm", "semi_annual_review", "half_year_review"),
    ("Tại hội nghị, đại diện Ban Chỉ đạo phòng chống dịch tỉnh thông tin về tình hình dịch bệnh", "other", None),
    # … not a railway safety committee's quarterly meeting ("giao thông" is no "giao" to another body), nor "từng"
    # meaning each
    ("Ban Chỉ đạo an toàn giao thông đường sắt Tổng công ty Đường sắt Việt Nam họp quý I", "steering_committee",
     "sc_holds"),
    ("Lãnh đạo từng đơn vị đã báo cáo tại hội nghị sơ kết công tác 6 tháng đầu năm của ngành", "semi_annual_review",
     "half_year_review"),
    # … nor the meeting of its standing members (hunt 41 AF's, kept)
    ("Nội dung được thống nhất tại cuộc họp của Thường trực Ban Chỉ đạo chính sách nhà ở tỉnh, chiều 18/2",
     "steering_committee", "sc_meeting"),
    # … and the guards two hand labels set: the committee's own meeting by "của", a review's report with the next
    # year's directions
    ("Chiều 2/12, tại buổi họp của Ban Chỉ đạo quốc gia phòng chống cúm gia cầm, Bộ trưởng cho biết",
     "steering_committee", "sc_meeting"),
    ("Theo báo cáo tổng kết công tác bảo vệ rừng năm 2010 và phương hướng nhiệm vụ năm 2011, Chi cục đã xử lý 40 vụ "
     "vi phạm", "annual_review", "year_review"),
])
def test_rules_follow_the_guide_and_its_precedence(title, label, rule):
    hit = apply_rules(title, "")
    if rule is None:  # no rule fires: the label is the default, other
        assert hit is None
    else:
        assert (hit.label, hit.rule) == (label, rule)


def test_the_title_outranks_a_passing_mention_in_the_lead():
    title = "Thường trực HĐND tỉnh sơ kết hoạt động 6 tháng đầu năm"
    lead = "Trong 6 tháng, HĐND tỉnh đã tổ chức 2 kỳ họp chuyên đề, ban hành 31 nghị quyết."
    assert apply_rules("", lead).rule == "council_session"  # the lead alone reads as a council session
    assert apply_rules(title, lead).label == "semi_annual_review"


def test_a_steering_committee_meeting_in_the_lead_still_comes_first():
    lead = "Sáng 10/7, Ban Chỉ đạo phòng, chống tham nhũng tỉnh tổ chức hội nghị sơ kết 6 tháng đầu năm."
    assert apply_rules("Sơ kết công tác phòng, chống tham nhũng 6 tháng đầu năm", lead).label == "steering_committee"


@pytest.mark.parametrize("lead", [
    "Hơn 20 năm công tác tại TAND huyện Bát Xát, thẩm phán Lò Thị Hoa đã xét xử hàng trăm vụ án. Chị được tặng danh "
    "hiệu Chiến sĩ thi đua cơ sở tại hội nghị tổng kết năm 2020 của TAND tỉnh.",
    "Thầy Giàng A Sử đã có 30 năm dạy học ở các điểm trường vùng cao. Tại hội nghị tổng kết năm học 2022-2023, thầy "
    "được Sở GD&ĐT tặng bằng khen."])
def test_a_profile_whose_second_sentence_honours_its_subject_at_a_review_is_other(lead):
    """Hunt 42 AI (left 41): a profile that names its subject first and the honour at a review after, by a pronoun
    alone, was the review's (`annual_review` 0.93). A review's report names those it honours."""
    assert apply_rules("Người giữ cán cân công lý nơi biên giới", lead).rule == "honoured_at"
    report = ("Ngày 5/1, TAND tỉnh tổ chức hội nghị tổng kết năm 2020. Ông Nguyễn Văn Nam được tặng bằng khen tại hội "
              "nghị.")
    assert apply_rules("", report).label == "annual_review"


@pytest.mark.parametrize("title, lead, label, rule", [
    ("Hoi nghi so ket cong tac dan van 6 thang dau nam 2022", "Sang 5/7, Ban Dan van Tinh uy to chuc hoi nghi so ket "
     "cong tac dan van 6 thang dau nam, trien khai nhiem vu 6 thang cuoi nam 2022.", "semi_annual_review",
     "half_year_review"),
    ("Ban Chi dao giam ngheo tinh hop phien thu nhat", "", "steering_committee", "sc_holds"),
    ("Giao ban bao chi thang 11 nam 2021 cua Ban Tuyen giao Tinh uy", "", "other", "press_briefing"),
    ("Gia xang giam manh tu chieu nay", "Gia xang RON95 giam 500 dong moi lit tu 15h chieu nay theo dieu hanh cua "
     "lien Bo Cong Thuong - Tai chinh.", None, None)])
def test_vietnamese_typed_without_accents_is_read_by_the_rules_without_theirs(title, lead, label, rule):
    """Hunt 42 AN: 7 of 7 meeting reports typed without accents were `other` at 0.98: no rule could read them. The rules
    read such a text without their own accents, and say so; accented text is read as before."""
    hit = apply_rules(title, lead)
    assert (hit and (hit.label, hit.rule, hit.unaccented)) == ((label, rule, True) if label else None)
    if hit:
        assert hit.cue().startswith(f"rule {rule} (read without accents): ")
    assert not apply_rules("Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2022", "").unaccented


@pytest.mark.parametrize("title, label", [
    ("Phường tổ chức hội nghị sơ kết công tác 6 th đầu năm, triển khai nhiệm vụ 6 th cuối năm 2024",
     "semi_annual_review"),
    ("Công đoàn ngành tổ chức hội nghị giao ban công tác Q.I, triển khai nhiệm vụ Q.II", "quarterly_briefing"),
    ("Ban Chỉ dạo giảm nghèo tỉnh họp đánh giá kết quả năm 2013", "steering_committee"),
    ("Khai trương cửa hàng mới tại Q1, TP Hồ Chí Minh", None)])
def test_short_forms_of_a_period_or_a_committee_are_read_in_full(title, label):
    """Hunt 42 AN: "6 th đầu năm … 6 th cuối năm" was a year's tasks at 0.998, "Q.I … Q.II" no quarter, and "Ban Chỉ
    dạo" (a typo) no committee. Not "Q1" alone: Ho Chi Minh City's District 1."""
    hit = apply_rules(title, "")
    assert (hit and hit.label) == label


def test_a_second_quarters_briefing_that_sets_the_second_halfs_tasks_is_the_half_under_a_title_of_the_quarter():
    """Hunt 42 AP: "Sở Y tế giao ban quý II, sơ kết công tác 6 tháng đầu năm 2018" over a lead that also sets the second
    half's tasks was the quarter's briefing by its title, where the same lead alone is the half's review (hunt 41
    AA)."""
    lead = ("Ngày 10/7, Sở Y tế tổ chức giao ban quý II kết hợp sơ kết công tác y tế 6 tháng đầu năm, triển khai nhiệm "
            "vụ 6 tháng cuối năm 2018.")
    hit = apply_rules("Sở Y tế giao ban quý II, sơ kết công tác 6 tháng đầu năm 2018", lead)
    assert (hit.label, hit.rule) == ("semi_annual_review", "quarter_and_half")
    assert apply_rules("Sở Y tế giao ban quý II", "Ngày 10/7, Sở Y tế giao ban quý II, triển khai nhiệm vụ quý III."
                       ).label == "quarterly_briefing"


def test_a_committees_visit_under_a_title_of_the_hosts_side_stays_a_visit():
    """Hunt 42 AH: "Tỉnh Kon Tum làm việc với Ban Chỉ đạo Tây Nguyên" over a lead that says the committee's delegation
    visited was the committee's meeting; the title written from the committee's side was `other` (LABELS.md rule 1)."""
    lead = ("Chiều 11/3, đoàn công tác Ban Chỉ đạo Tây Nguyên do Phó Trưởng ban Thường trực dẫn đầu làm việc với UBND "
            "tỉnh Kon Tum về công tác giảm nghèo.")
    assert apply_rules("Tỉnh Kon Tum làm việc với Ban Chỉ đạo Tây Nguyên", lead).label == "other"
    assert apply_rules("Thủ tướng làm việc với Ban Chỉ đạo Tây Nguyên",
                       "Ngày 9/5, Thủ tướng làm việc với Ban Chỉ đạo Tây Nguyên.").label == "steering_committee"


def test_a_profile_that_opens_on_its_subject_honoured_at_a_review_is_other():
    lead = "Được Sở Y tế biểu dương tại hội nghị tổng kết năm 2022, bác sĩ trẻ ấy đã về trạm y tế xã vùng cao."
    assert apply_rules("Bác sĩ trẻ về bản", lead).rule == "honoured_at"
    # the same words inside a report of the review do not make it a profile
    report = "Ngày 5/1, Sở Y tế tổ chức hội nghị tổng kết năm 2022. 20 tập thể được biểu dương tại hội nghị."
    assert apply_rules("", report).label == "annual_review"



@pytest.mark.parametrize("lead", [
    "Cô giáo Lê Thị Mai, Trường Tiểu học Sơn Kim, là một trong 20 giáo viên được tuyên dương tại hội nghị tổng kết "
    "năm học 2022-2023 của ngành.",
    "Bác sĩ Trần Văn Nam, Bệnh viện huyện, vừa nhận bằng khen của UBND tỉnh tại hội nghị tổng kết công tác y tế năm "
    "2023.",
    "Mô hình tổ hòa giải thôn Đông, xã Kỳ Hoa, được giới thiệu là cách làm hay tại hội nghị sơ kết công tác hòa giải 6 "
    "tháng đầu năm."])
def test_a_profile_whose_lead_opens_on_the_person_or_model_honoured_is_other(lead):
    """Hunt 40 O: the honoured named first, the meeting after "tại": the article is about them (LABELS.md: a profile),
    and was given the review's label at 0.93 to 1.0. Hunts 40 P and R: so too when the lead opens on the meeting and
    the person honoured is its sentence's subject. A report that counts those honoured at its meeting is the
    meeting's."""
    assert apply_rules("Người giữ lửa ở bản", lead).rule == "honoured_at"
    opens_on_the_meeting = ("Tại hội nghị tổng kết năm học 2022-2023 của ngành, cô Lý Thị Sen, giáo viên Trường Tiểu "
                            "học Hòa Bình, được UBND tỉnh tặng bằng khen.")
    assert apply_rules("Người giữ lửa ở bản", opens_on_the_meeting).rule == "honoured_at"
    assert apply_rules("", "Tại hội nghị tổng kết công tác y tế năm 2023, 20 tập thể và 35 cá nhân được tặng bằng "
                           "khen.").label == "annual_review"


def test_a_count_of_dissemination_conferences_is_a_figure_of_the_year_not_the_event():
    lead = ("Ngày 10/1/2020, Ban Tuyên giáo Huyện ủy tổ chức hội nghị tổng kết công tác năm 2019. Năm qua đã có "
            "52 hội nghị phổ biến luật được tổ chức ở cơ sở.")
    assert apply_rules("", lead).label == "annual_review"
    committee = lead.replace("Ban Tuyên giáo Huyện ủy", "Ban Chỉ đạo công tác bảo vệ bí mật nhà nước tỉnh")
    assert apply_rules("", committee).label == "steering_committee"
    for plural in ("các", "nhiều", "hàng trăm"):
        assert apply_rules("", lead.replace("52", plural)).label == "annual_review", plural
    # the conference itself, wherever the lead reports it, is what the article reports
    assert apply_rules("", "Năm 2019 đã qua. Sáng 5/1, Sở Tư pháp tổ chức hội nghị phổ biến luật.").label == "other"


@pytest.mark.parametrize("lead", [
    # a sentence of context before the one that reports the event (regression hunt H1, 01): the event decides
    "Triển khai kết luận của hội nghị sơ kết 6 tháng đầu năm 2023, Hội LHPN tỉnh đã xây dựng kế hoạch bồi dưỡng "
    "cán bộ. Sáng 10/8, Hội LHPN tỉnh tổ chức hội nghị tập huấn nghiệp vụ cho 120 cán bộ Hội cơ sở.",
    "Ngay từ đầu năm, huyện đã tập trung thực hiện các nhiệm vụ trọng tâm quý I. Sáng 5/4, Huyện ủy tổ chức hội "
    "nghị quán triệt Nghị quyết của Tỉnh ủy.",
    "Sau hội nghị tổng kết công tác Đoàn năm 2022, Tỉnh đoàn đã phát động nhiều phong trào tình nguyện. Tối 25/8, "
    "Tỉnh đoàn tổ chức tổng kết chiến dịch tình nguyện Mùa hè xanh năm 2023.",
])
def test_a_training_or_campaign_review_after_a_sentence_of_context_is_other(lead):
    assert apply_rules("", lead).label == "other"


def test_a_source_tag_before_the_lead_does_not_hide_its_first_sentence():
    lead = "Được Sở Y tế biểu dương tại hội nghị tổng kết năm 2022, bác sĩ trẻ ấy đã về trạm y tế xã vùng cao."
    for tag in ("(Baophutho.vn) - ", "VOV.VN - ", "(TTXVN) – ", "QĐND Online - ", "NDO - ", "(Dân trí) - ",
                "SGGPO - "):
        assert apply_rules("Bác sĩ trẻ về bản", tag + lead).rule == "honoured_at", tag


def test_rules_abstain_on_passing_mentions():
    assert apply_rules("Giá lúa tăng mạnh", "Nông dân phấn khởi vì giá lúa tăng cao so với năm trước.") is None


@pytest.mark.parametrize("title, lead, label", [
    ("Nâng cao hiệu quả công tác dân vận chính quyền", "Ngày 29/12, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết "
     "công tác dân vận năm 2016, trong đó quý IV đã vận động nhân dân hiến 5.000 m2 đất.", "annual_review"),
    ("Tiêm chủng mở rộng đạt 98%", "Tại hội nghị tổng kết công tác y tế năm 2018 ngày 27/12, Sở Y tế cho biết nếu 6 "
     "tháng đầu năm tỷ lệ tiêm chủng chỉ đạt 80% thì cả năm đã đạt 98%.", "annual_review"),
    ("Thu ngân sách huyện vượt dự toán", "Tại hội nghị tổng kết năm 2019 của UBND huyện, lãnh đạo huyện cho biết 9 "
     "tháng đầu năm thu ngân sách đã vượt dự toán.", "annual_review"),
    ("Đối thoại với đồng bào vùng cao", "Ngày 12/7, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 6 "
     "tháng đầu năm 2019, riêng quý II toàn tỉnh đã tổ chức 45 cuộc đối thoại.", "semi_annual_review"),
    # the meeting's own quarter, and a year that is its months' ("3 tháng đầu năm 2022"), still give the quarter
    ("Giao ban 3 tháng đầu năm", "Sáng 5/4, Huyện ủy tổ chức hội nghị giao ban 3 tháng đầu năm 2022, triển khai "
     "nhiệm vụ quý II.", "quarterly_briefing"),
    ("Giao ban công tác dân vận quý I năm 2023", "", "quarterly_briefing")])
def test_a_shorter_period_given_in_passing_at_a_review_does_not_decide(title, lead, label):
    """Hunt 37 B (1): a figure of a quarter, nine or six months given at a year's (or a half year's) review decided
    its label at 0.99, the period rules' windows reaching past the meeting's own period (LABELS.md: "words that
    appear in passing decide nothing"; "figures given at a … review take the meeting's label")."""
    assert apply_rules(title, lead).label == label


def test_rules_read_only_title_and_lead():
    body = "Tin vắn về thời tiết. " * 60 + "Hội nghị sơ kết 6 tháng đầu năm."
    assert apply_rules("Thời tiết hôm nay", body) is None


def test_rules_fire_on_the_seeds_as_labelled(seeds_dir, seed_labels):
    """Four seeds name their meeting in the title or lead; 002 names it only in its body (title-silent,
    and its lead lists the guests), where the rules do not read: they abstain and leave it to the model."""
    for article in read_articles(seeds_dir):
        hit = apply_rules(article.title, article.text)
        if article.id.startswith("002_"):
            assert hit is None
        else:
            assert hit is not None and hit.label == seed_labels[article.id], article.id


def test_rules_command_lists_hits(seeds_dir):
    result = CliRunner().invoke(cli, ["rules", str(seeds_dir)])
    assert result.exit_code == 0
    assert "quarterly_briefing" in result.output and "quarter_meeting" in result.output


def test_rules_counts_and_lists_an_unreadable_article_as_an_error(tmp_path):
    """`rules` counted an article that could not be read as "(none)", one on which no rule fired, and `--all`
    listed it so, without its error (hunt 18 A, 8)."""
    (tmp_path / "a.txt").write_text("Hội nghị giao ban công tác dân vận quý I năm 2023\nNội dung.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bà con đón Tết\nNgười dân vui mừng đón xuân.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(cli, ["rules", str(tmp_path), "--all"])
    assert result.exit_code == 1
    [listed] = [line for line in result.stdout.splitlines() if line.startswith("c ")]
    assert "ERROR: " in listed and "binary" in listed
    summary = result.stderr.strip().splitlines()[-1]
    assert "error: 1" in summary and "(none): 1" in summary


def test_a_dot_inside_an_abbreviation_does_not_end_the_sentence():
    """The rules' windows stop at a full stop; "T.Ư", "TP.HCM" or "16.000" are not one."""
    hit = apply_rules("Ứng phó bão số 3", "Chiều 5/10, Ban Chỉ đạo PCTT T.Ư đã họp khẩn với các tỉnh ven biển.")
    assert hit.label == "steering_committee"
    assert "T.Ư đã họp" in hit.evidence  # cues show the text as written
    title = "Ban Chỉ đạo thi hành án TP.HCM tổng kết năm 2024"
    assert apply_rules(title, "").label == "steering_committee"
    # a real full stop still ends the sentence: the committee and the meeting are in two sentences
    lead = "Ban Chỉ đạo PCTT tỉnh được kiện toàn tháng trước. Sở Y tế đã họp khẩn về dịch sốt xuất huyết."
    assert apply_rules("Tin ngắn", lead) is None
    assert apply_rules("Tin ngắn", lead.replace(". ", ", ")).label == "steering_committee"  # what the stop prevents


def test_a_rules_words_are_one_line():
    """Hunt 40 P (6): a rule that matches from a sentence's start showed its cue as "rule sc_visit: \\nNgày 16/5, …", a
    line break in a table's cell."""
    hit = apply_rules("Phát huy lực lượng nòng cốt", "\nNgày 16/5, Đoàn công tác Ban Chỉ đạo 35 làm việc với tỉnh.")
    assert (hit.rule, hit.evidence) == ("sc_visit", "Ngày 16/5, Đoàn công tác Ban Chỉ đạo")


def test_a_review_to_come_is_other_only_where_a_line_opens_on_it():
    """Hunt 40 R: a ceremony's report closing on "… sẽ được giới thiệu tại hội nghị tổng kết …" took the review's label;
    a review's own report that names the next review in a later sentence keeps its own."""
    ceremony = ("Sáng 29-12, UBND tỉnh tổ chức lễ tuyên dương 60 gương người tốt việc tốt.\nCác gương điển hình sẽ "
                "được giới thiệu tại hội nghị tổng kết công tác thi đua của tỉnh cuối tháng 1.")
    assert apply_rules("Tuyên dương người tốt việc tốt", ceremony).rule == "upcoming"
    report = ("Ngày 10/7, Sở Y tế tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024. Kết quả cả năm sẽ được đánh "
              "giá tại hội nghị tổng kết vào tháng 12.")
    assert apply_rules("Ngành y tế nỗ lực", report).label == "semi_annual_review"



def test_a_title_that_names_a_review_to_come_leaves_the_event_to_the_lead():
    """Hunt 40 S: "Chuẩn bị từ sớm việc tổng kết 40 năm đổi mới" over a council's year-end review was `other` at 0.99 (a
    review of many years, in the title, won); a review announced for next week is still no review."""
    lead = ("Ngày 11/1, Hội đồng Lý luận tổ chức hội nghị tổng kết công tác năm 2021 và triển khai nhiệm vụ năm 2022.\n"
            "Năm qua, Hội đồng hoàn thành nhiều đề án.\nPhát biểu chỉ đạo, Chủ tịch Hội đồng đề nghị tập trung chuẩn "
            "bị từ sớm đề cương tổng kết 40 năm đổi mới.")
    assert apply_rules("Chuẩn bị từ sớm việc tổng kết 40 năm đổi mới", lead).label == "annual_review"
    announced = "Bộ vừa có giấy mời dự hội nghị tổng kết công tác năm 2023, dự kiến tổ chức ngày 5/1/2024 tại Hà Nội."
    assert apply_rules("Bộ Y tế sẽ tổ chức hội nghị tổng kết công tác năm 2023 vào tuần tới", announced).rule == \
        "upcoming"


@pytest.mark.parametrize("title, label", [
    ("Hội nghị lần thứ 6 Ban Chấp hành Trung ương Hội LHPN Việt Nam tổng kết công tác Hội năm 2024", "annual_review"),
    ("Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XIII bàn về kinh tế - xã hội năm 2023", "other")])
def test_a_unions_central_committee_is_no_partys(title, label):
    """Hunt 40 S: a women's union's central committee reviewing its year was a Party plenum (`other`) where the trade
    unions' and the youth union's were read as year reviews: the domain does not matter (LABELS.md rule 4)."""
    assert apply_rules(title, "").label == label


@pytest.mark.parametrize("tag", ["", "BNA - ", "HGĐT- ", "Báo Lai Châu - "])
def test_a_papers_tag_the_reader_does_not_know_does_not_hide_how_a_lead_opens(tag):
    """Hunt 40 T: a northern paper's tag before a profile's lead ("BNA - Cô giáo …") made it the review's (0.87): the
    profile rule reads how a line opens, and only the tags the source reader knows were taken off."""
    lead = (f"{tag}Cô giáo Lê Thị Hoa, Trường Tiểu học Mường Tè, được tuyên dương tại hội nghị tổng kết năm học "
            "2023-2024.")
    assert apply_rules("Cô giáo gieo chữ ở bản", lead).rule == "honoured_at"


def test_a_review_to_come_in_a_long_first_sentence_is_read():
    """Hunt 40 T: an official notice's first sentence ran past the 160 characters the rule read from its line's
    start."""
    lead = ("Sở Nội vụ vừa có văn bản đề nghị các sở, ban, ngành, UBND các huyện, thị xã, thành phố gửi báo cáo kết "
            "quả thực hiện công tác cải cách hành chính năm 2019 về Sở trước ngày 10/12 để chuẩn bị cho hội nghị tổng "
            "kết của tỉnh.")
    assert apply_rules("Cải cách hành chính: các sở gửi báo cáo", lead).rule == "upcoming"



def test_a_review_to_come_is_cued_by_its_own_words():
    """Hunt 41 V (4): the cue of a review to come was its line from the start ("rule upcoming: Ngày 26/11/2012, Ban
    Dân vận Tỉnh ủy tổ chức giao ban …"), as if the meeting held were the one to come."""
    hit = apply_rules("Khối dân vận bàn việc cuối năm", "Ngày 26/11/2012, Ban Dân vận Tỉnh ủy tổ chức họp khối dân "
                      "vận, triển khai công tác tháng 12 và chuẩn bị tổng kết năm.")
    assert (hit.rule, hit.evidence) == ("upcoming", "chuẩn bị tổng kết")
