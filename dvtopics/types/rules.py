"""Cue rules for the article type: weak labels that follow ../LABELS.md.

Each rule looks at an article's title and lead (the first lines), where a
meeting report says what it is, and either names a label or abstains. Rules
are tried in the guide's order of precedence: steering committee first, then
the "other" cases that look like a review but are not (multi-year programme
reviews, festivals, tournaments), then the period: quarter, six months, year.
The title names the event a report is about, so a rule that fires on the title
wins over an earlier one that fires only further in the lead, unless that one
is a steering committee's meeting.

Rules are a component, not the classifier: they label what they are sure of
and leave the rest (`None`). Add one by appending a `Rule` to `RULES`.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from . import events
from ..arguments import check_text
from ..io.language import looks_vietnamese
from ..text.normalise import normalize
from ..text.furniture import SOURCE_TAG, without_source_tags
from ..text.sentences import INNER_DOT, mask_inner_dots, unmask_inner_dots
from .vocabulary import COMMITTEE, MEETING, REVIEW, SHORT_FORMS, spelt_out

LEAD_CHARS = 600  # the title and the lead; the body only mentions things in passing

_QUARTER = r"quý\s*(i{1,3}|iv|1|2|3|4)\b"
_YEAR = r"(năm\s*)?20\d\d"
_ONE_YEAR = r"(?<!\d )năm 20\d\d(?!\s*[-–]\s*(19|20)?\d\d)"  # "năm 2016", not "5 năm 2021-2025"
# A period rule's window from the meeting's word to its period stops at a longer period the meeting names first: in
# "hội nghị tổng kết công tác năm 2016, trong đó quý IV đã …" the quarter is a figure given at the year's review
# ("words that appear in passing decide nothing", LABELS.md), as the six months are in "sơ kết 6 tháng đầu năm
# 2019, riêng quý II …". A year after "3 tháng đầu" or "6 tháng cuối" is the months', not the meeting's own.
_YEAR_NAMED = r"(?<!tháng đầu )(?<!tháng cuối )năm 20\d\d"
_PASSING = rf"(?:(?!{_YEAR_NAMED})[^.;\n])"  # a window's character, where no year the meeting names begins
_PASSING_Q = rf"(?:(?!{_YEAR_NAMED}|(6|sáu|9|chín) tháng\b)[^.;\n])"  # ... nor six or nine months
_MEETING, _COMMITTEE, _REVIEW = MEETING, COMMITTEE, REVIEW  # the meeting vocabulary (vocabulary.py)
# What follows "tổng kết" when an event, a season or a campaign is reviewed, not an organisation's work.
_CONTESTS = r"và trao|trao|giải|lễ hội|festival|cuộc thi|hội thi|hội diễn|ngày hội|hội chợ|hội trại|hội thao|liên hoan"
# School years and semesters are not here: they are the work year of schools (LABELS.md, second edition).
_OF_AN_EVENT = (rf"(,?\s+({_CONTESTS}|mùa|vụ|chiến dịch|đợt|tháng|tuần|kỳ thi|chương trình|đề án|"
                r"dự án|cuộc vận động|đường hoa|quá trình|sản xuất(?!,? kinh doanh)|công tác bầu cử|tuần lễ|"
                r"tháng hành động|kỷ niệm|công tác phục vụ|phục vụ tết|(cuộc )?diễn tập|(công tác )?tuyển sinh|"
                r"sinh hoạt hè\b|"
                r"(công tác )?(tuyển quân|tuyển chọn,? (và )?gọi công dân nhập ngũ|giao,? nhận quân)|"
                r"đại hội|[\"“”']năm |(?-i:Năm [A-ZĐ])|"
                # a movement by its name ("tổng kết phong trào thi đua “Dân vận khéo” năm 2023", hunt 41 AA)
                r"phong trào (thi đua )?[\"“”'])|"
                # the same under "công tác"/"hoạt động" and "tổ chức"/"phục vụ": the review of organising an exam,
                # a festival, a congress or a games ("tổng kết công tác tổ chức kỳ thi tốt nghiệp THPT năm 2023"),
                # of the summer's activities, of a drill; not "công tác tổ chức, cán bộ" (personnel work: the year's)
                rf"\s+(công tác|hoạt động)\s+((tổ chức|phục vụ)\s+({_CONTESTS}|kỳ thi|đại hội|hội nghị|lễ|tết|"
                r"(?-i:[A-Z]{3,}))|hè\b|khám tuyển|tuyển quân|diễn tập|tổng điều tra|thu hoạch)|"
                # a season's work named by its occasion ("công tác bảo đảm an ninh trật tự dịp Tết Nguyên đán")
                rf"((?!năm 20\d\d)[^.;\n]){{0,60}}?\b(dịp (tết|lễ|nghỉ lễ|cao điểm)\b|tết (nguyên đán|âm lịch|"
                # or by the year's name ("… vận tải hành khách Tết Mậu Tuất 2018", hunt 40 U)
                r"(?-i:[A-ZĐ])\w+ (?-i:[A-ZĐ])\w+)\b|"
                # or one storm, flood or epidemic responded to ("tổng kết công tác phòng chống và khắc phục hậu quả
                # cơn bão số 9", "… đợt lũ lịch sử tháng 10/2010", "… dịch cúm A/H1N1", hunt 42 AH: LABELS.md's review
                # of an event, not a year of work)
                r"cơn bão|bão số \d+|(đợt|trận) (mưa )?(lũ|lụt|bão)|dịch cúm|cứu trợ)\b)")
# A Party committee, whose plenums are `other` (a union's executive committee reviewing its year is not one).
# (not the central committee of a union or an association, whose plenum reviews its year: "Hội nghị lần thứ 6 Ban Chấp
# hành Trung ương Hội LHPN Việt Nam … tổng kết công tác năm 2024" is its year's review, as the trade unions' and the
# youth union's were read: hunt 40 S)
_PARTY = (r"(ban chấp hành (đảng bộ|trung ương(?! (hội|đoàn|công đoàn|tổng liên đoàn|liên đoàn|mặt trận)\b))|"
          r"bch đảng bộ|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|đảng bộ)")
# A steering committee reviewing its programme meets as itself; one closing a contest or festival does not.
_OF_A_CONTEST = rf",?\s+({_CONTESTS})"
_REVIEW_BY_COMMITTEE = rf"{_REVIEW}(?!{_OF_A_CONTEST})"
_REVIEW_OR_BRIEFING = r"(sơ kết|tổng kết|giao ban|trực báo)"
_CONFERENCE = rf"hội nghị(?!\s+{_REVIEW}{_OF_A_CONTEST})"


@dataclass(frozen=True)
class Rule:
    name: str
    label: str
    pattern: re.Pattern
    # Words every match of `pattern` holds, as a pattern with its flags ("sơ kết|tổng kết"): a head without
    # them is not searched with `pattern` (most heads name no review: the gate is 10-20 times cheaper).
    # Speed only: the answers are the same with or without it; not part of `rules_fingerprint`.
    gate: re.Pattern | None = None

    def search(self, head: str, gates: dict | None = None) -> str | None:
        """The words `pattern` matches in `head`, or None. `gates` remembers, for one head, which gates
        passed (several rules share one)."""
        if self.gate is not None:
            passed = None if gates is None else gates.get(self.gate)
            if passed is None:
                passed = self.gate.search(head) is not None
                if gates is not None:
                    gates[self.gate] = passed
            if not passed:
                return None
        match = self.pattern.search(head)
        # (a rule that reads a line from its start names its cue's own words "cue": "chuẩn bị tổng kết", not the whole
        # sentence before them, hunt 41 V)
        return None if not match else match.group("cue") if "cue" in self.pattern.groupindex else match.group(0)


_GATES: dict[str, re.Pattern] = {}


def _rule(name: str, label: str, pattern: str, gate: str | None = None) -> Rule:
    """A rule; `gate`: words (an alternation) that every match of `pattern` holds as they are written there."""
    if gate is not None and gate not in _GATES:
        _GATES[gate] = re.compile(gate, re.IGNORECASE)  # the pattern's own flags: the same letters match
    return Rule(name, label, re.compile(pattern, re.IGNORECASE), None if gate is None else _GATES[gate])


_COMMITTEE_WORDS = "ban chỉ|bcđ|bch"  # in every alternative of _COMMITTEE
UPCOMING = "upcoming"  # the rule of a review still to come, which a title leaves to its lead (`apply_rules`)
EARLIER = "earlier_meeting"  # the rule of a meeting held before the news, which defers as UPCOMING does (`_decided`)
CITED = "review_report_cited"  # a review's report named as a figure's source, which defers as UPCOMING does
# Who a profile is about, as its lead names them first: a person by their title, a model of work
_HONOURED = (r"(ông|bà|anh|chị|em|cụ|cô giáo|thầy giáo|cô|thầy|bác sĩ|nhà giáo|nghệ nhân|mô hình|gia đình|"
             # a police officer's or a soldier's rank, a farmer, a veteran (hunt 41 W: "Thượng tá Thạch Sa Rết, người
             # vừa được … tặng bằng khen tại hội nghị tổng kết …")
             r"(đại|thượng|trung|thiếu) (tá|úy|uý|tướng)|chiến sĩ|nông dân|cựu chiến binh|già làng)"
             r"(?= (?-i:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]|tổ|câu lạc bộ|nhóm|hợp tác xã))")

# Conferences of other kinds than a review, whatever period they are held in (LABELS.md's dialogues, trainings)
_OTHER_CONFERENCE = r"(kết nối|xúc tiến|đối thoại|khách hàng|gặp gỡ|giao lưu|tọa đàm|hội thảo|tập huấn)\b"
# A plan or a programme named by its theme, not the year's or the work's own ("kế hoạch năm 2023", "kế hoạch công tác",
# "kế hoạch phát triển kinh tế - xã hội", "kế hoạch sản xuất kinh doanh", "chương trình công tác"), nor a coordination
# programme (`law_review`)
_THEMED_PLAN = (r"(kế hoạch|chương trình)(?!\s+(năm|công tác|nhiệm vụ|phát triển (kinh tế|kt)|kinh tế|kt-xh|sản xuất|"
                r"kinh doanh|tài chính|ngân sách|"
                r"thu|chi|đầu tư công|phối hợp|hành động|mục tiêu|\d)\b)(?=\s+\w)")
_HONOUR = "(biểu dương|tuyên dương|khen thưởng|vinh danh|bằng khen|giấy khen|cờ thi đua|huân chương|danh hiệu)"
# A person a profile has named, referred to again by a pronoun alone (not "Ông Nguyễn Văn A": a name follows that)
_PRONOUN = r"(chị|anh|ông|bà|thầy|cô|em)(?! (?-i:[A-ZĐ]))"


RULES: list[Rule] = [
    # An interview or remark given on the sidelines: the meeting is only the setting.
    _rule("sidelines", "other", r"bên lề (hội nghị|cuộc họp|phiên họp|kỳ họp)", "bên lề"),
    # A class's meeting with its pupils' parents at the term's end is no school's review ("buổi họp phụ huynh cuối
    # học kỳ I", hunt 41 AC: read as a semester's review)
    _rule("parents_meeting", "other",
          r"họp (phụ huynh|cha mẹ học sinh)( học sinh)?( lớp)?\s+(sơ kết|tổng kết|cuối (học kỳ|năm))",
          "phụ huynh|cha mẹ"),
    # A profile that opens on its subject honoured at a review: the meeting is the setting (LABELS.md).
    # So when the line opens on the person or the model honoured there ("Cô giáo Lê Thị Hoa, …, là một trong 20 giáo
    # viên được tuyên dương tại hội nghị tổng kết …", "Bác sĩ X … vừa nhận bằng khen … tại hội nghị"), not on the
    # meeting ("Tại hội nghị, 20 tập thể được khen thưởng": its report).
    # (opening on the honour: "Được …", "Vừa được …", "Được Tỉnh đoàn tặng cờ thi đua tại hội nghị …", hunt 41 W)
    _rule("honoured_at", "other",
          # (or on one of those honoured: "Là một trong 12 công nhân được biểu dương tại hội nghị tổng kết …, chị X …",
          # hunt 41 AE)
          rf"(^|\n)\W*là một trong[^.;:\n]{{0,80}}?\bđược\b[^.;:\n]{{0,40}}?{_HONOUR}[^.;:\n]{{0,60}}?"
          r"\btại (hội nghị|lễ)\b|"
          rf"(^|\n)\W*((vừa|mới|từng) )?được ([^.;:\n]{{0,40}}? )?{_HONOUR}[^.;:\n]{{0,40}}"
          r"\btại (hội nghị|lễ)|"
          rf"(^|\n)\W*{_HONOURED}\s[^.;:\n]{{0,160}}?\b(được|nhận)\b[^.;:\n]{{0,60}}?"
          rf"({_HONOUR}|giới thiệu là (cách làm|mô hình|điển hình))"
          r"[^.;:\n]{0,60}?\btại (hội nghị|lễ)\b|"
          # … or on the meeting, the person honoured its subject ("Tại hội nghị tổng kết năm học …, cô X, giáo viên …,
          # được UBND tỉnh tặng bằng khen": hunt 40 P and R), not a count of those honoured at a report's meeting
          rf"(^|\n)\W*tại (hội nghị|lễ)\b[^.;:\n]{{0,120}}?,\s*{_HONOURED}\s[^.;:\n]{{0,120}}?\b(được|nhận)\b"
          rf"[^.;:\n]{{0,40}}?{_HONOUR}|"
          # … or, after the profile's first sentence, on the honour of the person it named, by a pronoun alone ("…, thẩm
          # phán Lò Thị Hoa đã xét xử hàng trăm vụ án. Chị được tặng danh hiệu … tại hội nghị tổng kết năm 2020", "Tại
          # hội nghị tổng kết năm học …, thầy được Sở tặng bằng khen": hunt 42 AI); a report names whom it honours
          rf"[.!?]\s+{_PRONOUN}\s+((vừa|mới|đã|từng|cũng|còn)\s+)*(được|nhận)\b[^.;:\n]{{0,60}}?{_HONOUR}"
          r"[^.;:\n]{0,60}?\btại (hội nghị|lễ)\b|"
          rf"[.!?]\s+tại (hội nghị|lễ)\b[^.;:\n]{{0,120}}?,\s*{_PRONOUN}\s+((vừa|mới|đã|cũng)\s+)*(được|nhận)\b"
          rf"[^.;:\n]{{0,40}}?{_HONOUR}", f"{_HONOUR[1:-1]}|giới thiệu là"),
    # A conference that teaches or disseminates (a law, a resolution) is not a review, whoever holds it; a count
    # of them ("đã tổ chức 52 hội nghị phổ biến luật", "các hội nghị tập huấn") is a year's figure, not the event. So
    # is the propagandists' quarterly briefing on the news ("Hội nghị báo cáo viên quý III", hunt 41 V): no quarter's
    # work is reviewed there.
    _rule("dissemination", "other",
          r"(?<!\d )(?<!các )(?<!những )(?<!nhiều )(?<!trăm )(?<!chục )hội nghị (trực tuyến )?"
          r"(tập huấn|quán triệt|phổ biến|tuyên truyền|giới thiệu|báo cáo viên|"
          r"triển khai (luật|bộ luật|nghị định|thông tư|chỉ thị|nghị quyết)\b)", "hội nghị"),
    # A meeting that announces the decision setting up a committee or changing its members is not the committee's
    # meeting (LABELS.md rule 1: "decisions that set up the committee or change its members"): "Tỉnh ủy tổ chức hội
    # nghị công bố quyết định thành lập Ban Chỉ đạo …", "… kiện toàn Ban Chỉ đạo 35", hunt 42 AJ
    _rule("sc_founded", "other",
          r"\b(công bố|trao)\s+(các\s+)?quyết định[^.;:\n]{0,40}?\b(thành lập|kiện toàn|"
          rf"bổ sung|điều chỉnh|thay đổi|chỉ định|phân công)\b[^.;:\n]{{0,30}}?{_COMMITTEE}", "quyết định"),
    # A visit or inspection by a committee's delegation, the sentence's subject, is not its meeting (LABELS.md).
    _rule("sc_visit", "other",
          rf"(^|[.;:!?\n])[^.;:!?\n]{{0,30}}?\bđoàn (công tác|kiểm tra|khảo sát|giám sát|liên ngành)\b"
          rf"[^.;:\n]{{0,30}}?\b{_COMMITTEE}", _COMMITTEE_WORDS),
    # 1. A steering committee's own meeting comes first, whatever period it reviews. Committees' names run long
    # ("Ban Chỉ đạo Cuộc vận động … tỉnh Bắc Giang"): the windows span one sentence's worth of name.
    _rule("sc_meeting", "steering_committee",
          # (not the committee a meeting asks something of: "Tại cuộc họp ông X yêu cầu Ban Chỉ đạo …")
          rf"({_CONFERENCE}|phiên họp|cuộc họp|họp|{_REVIEW_BY_COMMITTEE})(?! báo)"
          # (nor one a representative of the committee spoke at, nor another body's: "Tại hội nghị, đại diện Ban Chỉ đạo
          # phòng chống dịch thông tin …" at a press briefing, "Sau cuộc họp chiều 3/8 của UBND tỉnh, Ban Chỉ đạo 389
          # tỉnh đã ban hành công điện", hunts 42 AO and AP)
          rf"((?!\b(với|yêu cầu|đề nghị|kiến nghị|giao cho|đại diện)\b|"
          rf"\bcủa\b(?! ((thường trực|thành viên|các thành viên|tập thể) )?{_COMMITTEE}))[^.;:\n]){{0,40}}?"
          rf"\b{_COMMITTEE}|"
          # "hội nghị tổng kết … năm 2019 của Ban Chỉ đạo 389", not a guest ("sự tham dự của đại diện Ban Chỉ đạo")
          rf"({_CONFERENCE}|phiên họp|cuộc họp|{_REVIEW_BY_COMMITTEE})(?! báo)((?!\bvới\b|tham dự|có mặt|đại diện)[^.;:\n]){{0,100}}?"
          rf"\bcủa {_COMMITTEE}", _COMMITTEE_WORDS),
    # (not a committee, or its head, at or attending another's conference: "Trưởng Ban Chỉ đạo Tây Bắc tại hội nghị
    # tổng kết 10 năm thực hiện đề án …"; "kết luận của Ban Chỉ đạo … tại buổi sơ kết công tác" is its own review)
    # (nor a committee that has another body hold it: "Ban Chỉ đạo liên ngành … giao Sở Y tế tổ chức tổng kết Tháng
    # hành động …", hunt 42 AI; LABELS.md: it counts when the committee itself meets)
    _rule("sc_holds", "steering_committee",
          rf"\b{_COMMITTEE}((?!\b(tại|dự|chỉ đạo) (và chỉ đạo )?(hội nghị|lễ|kỳ họp)\b|"
          # (the verb "giao" before the body it assigns, not "giao thông", "giao ban": a railway safety committee's
          # quarterly meeting lost its rule to "an toàn giao thông")
          r"\b(giao( cho)? (sở|ubnd|ủy ban|các|phòng|cơ quan|bộ|hội|ngành|địa phương|đơn vị)|đề nghị|yêu cầu)\b)"
          rf"[^.;:\n]){{0,160}}?"
          rf"\b(tổ chức ({_CONFERENCE}|phiên họp|cuộc họp)|{_REVIEW_BY_COMMITTEE}|"
          # "BCĐ … họp" (LABELS.md): any meeting but a press conference, a get-together or a meeting with residents
          # (the verb: "trong buổi họp" after a leader's title is not the committee meeting)
          # (not one that will: "Ban Chỉ đạo … sẽ họp vào tuần tới", a review to come, hunt 40 U)
          r"(?<!buổi )(?<!cuộc )(?<!kỳ )(?<!phiên )(?<!sẽ )họp(?! (báo|mặt|dân)\b))", _COMMITTEE_WORDS),
    _rule("sc_chairs", "steering_committee",
          rf"trưởng {_COMMITTEE}[^.;\n]{{0,60}}chủ trì (hội nghị|phiên họp|cuộc họp)|"
          # the committee's own working session ("chủ trì buổi làm việc của Ban Chỉ đạo"), not one it holds with a
          # province on a visit ("buổi làm việc với tỉnh", LABELS.md: working visits are `other`)
          rf"chủ trì (buổi làm việc|buổi họp) (của|với) (các |tập thể )?(thành viên )?{_COMMITTEE}|"
          # the conclusions its head announced from its session (LABELS.md rule 1: "Kết luận của Trưởng Ban Chỉ đạo …
          # tại phiên họp thứ hai", hunt 40 U)
          rf"kết luận của (đồng chí )?(phó )?trưởng {_COMMITTEE}[^.;:\n]{{0,80}}?\btại (phiên họp|cuộc họp|hội nghị)\b|"
          # … or what it agreed there ("nội dung được Ban Chỉ đạo … thống nhất tại hội nghị ngày 17/8", hunt 41 AA)
          rf"\bđược {_COMMITTEE}[^.;:\n]{{0,100}}?\b(thống nhất|thông qua|kết luận|quyết định)\s+tại "
          r"(phiên họp|cuộc họp|hội nghị)\b",
          _COMMITTEE_WORDS),
    # A meeting chaired with the committee's members, a leader's meeting with the committee (second edition), also
    # when a few words say when or how it met ("tại cuộc họp mới đây với Ban Chỉ đạo", "họp trực tuyến với")
    _rule("sc_with_members", "steering_committee",
          rf"((hội nghị|phiên họp|cuộc họp|họp(?! (báo|mặt|dân)\b))( [^\s,.;:]+){{0,3}}?|làm việc) với (các |tập thể )?"
          rf"(thành viên |thường trực )?{_COMMITTEE}", _COMMITTEE_WORDS),
    # The committee as the subject that discussed something: it met ("Ban Chỉ đạo quốc gia … đã thảo luận về dự thảo
    # quy chế"); near its name, before any comma but that of "phòng, chống", so that another subject's discussion
    # ("Theo Ban Chỉ đạo tỉnh, các huyện đã thảo luận …") is not the committee's
    _rule("sc_discussed", "steering_committee",
          rf"\b{_COMMITTEE}((?!,(?! chống\b))[^.;:\n]){{0,60}}?\b(đã|vừa) (thảo luận|bàn bạc)\b", _COMMITTEE_WORDS),
    # 3. Reviews that are "other": of a programme over years, an event, a season; council sessions.
    # A review still to come is no review reported: its preparation, its announcement ("Chuẩn bị chu đáo cho hội nghị
    # tổng kết …", "Hội nghị sơ kết … sẽ diễn ra vào tuần tới", "Bộ Y tế sẽ tổ chức hội nghị tổng kết …", "thông báo về
    # việc tổ chức hội nghị sơ kết …"); not another meeting prepared at a review ("chuẩn bị Hội nghị Văn hóa toàn quốc"
    # on a quarter's giao ban: its agenda). Only in a line's first sentence: "… kết quả cả năm sẽ được đánh giá tại hội
    # nghị tổng kết" later in a review's report is its agenda, not its news; a line that closes a short article on the
    # review to come is not its report ("Các gương điển hình sẽ được giới thiệu tại hội nghị tổng kết … cuối tháng 1",
    # after a ceremony: hunt 40 R). Before the reviews that are `other`: "Chuẩn bị từ sớm việc tổng kết 40 năm đổi mới"
    # names a review to come, not one of many years held (hunt 40 S); and a title that names only a review to come
    # leaves the event to the lead (`apply_rules`).
    _rule(UPCOMING, "other",
          rf"(^|\n)[^.;!?\n]{{0,300}}?"
          rf"(?P<cue>\b(công tác )?chuẩn bị( [^\s.;,]+){{0,5}}? (việc |cho |tổ chức )?(hội nghị )?"
          rf"{_REVIEW_OR_BRIEFING}\b|thông báo (về việc |về )?(sẽ )?(tổ chức )?(hội nghị )?{_REVIEW_OR_BRIEFING}\b|"
          # (one about to be held, or tomorrow: "Sắp diễn ra hội nghị tổng kết …", "Ngày mai, khối dân vận … tổng kết
          # công tác năm 2022", hunt 42 AM)
          rf"\bsắp (diễn ra|tổ chức|khai mạc)\b[^.;\n]{{0,30}}?\b{_REVIEW_OR_BRIEFING}\b|"
          rf"(?<![^\n])\W*ngày mai\b[^.;\n]{{0,80}}?\b{_REVIEW_OR_BRIEFING}\b|"
          rf"\bsẽ (tổ chức|họp)\b[^.;\n]{{0,40}}?\b{_REVIEW_OR_BRIEFING}\b|"
          # (hunt 40 U: "Sở Y tế sẽ sơ kết 6 tháng vào tuần tới", "Ban Chỉ đạo … sẽ họp đánh giá sau lũ", "lên lịch giao
          # ban quý III", "Kế hoạch tổ chức hội nghị tổng kết …", "Hướng dẫn tổ chức tổng kết công tác … năm 2019")
          rf"\bsẽ (tổ chức |tiến hành )?({_REVIEW_OR_BRIEFING}|họp)\b|\blên lịch (tổ chức )?(hội nghị |họp )?"
          rf"{_REVIEW_OR_BRIEFING}\b|(?<![^\n])\W*kế hoạch (tổ chức )?(hội nghị )?{_REVIEW_OR_BRIEFING}\b|"
          rf"\bhướng dẫn( (?!đã\b)[^\s.;]+){{0,6}}? (tổ chức )?(hội nghị )?{_REVIEW_OR_BRIEFING}\b|"
          rf"\b{_REVIEW_OR_BRIEFING}\b[^.;\n]{{0,80}}?\b(sẽ (diễn ra|được tổ chức|khai mạc)|dự kiến (tổ chức|diễn ra|"
          rf"khai mạc))\b|\bsẽ (được )?[^.;\n]{{0,40}}?\btại (hội nghị )?{_REVIEW_OR_BRIEFING}\b|"
          # a review put off, a leader who will attend or chair one: none held (hunt 41 W: "thông báo hoãn hội nghị tổng
          # kết …", "Thủ tướng sẽ dự và chỉ đạo hội nghị triển khai nhiệm vụ …", "sẽ chủ trì hội nghị giao ban …")
          rf"(?<!trì )\bhoãn (tổ chức )?(hội nghị |cuộc họp |phiên họp )?{_REVIEW_OR_BRIEFING}\b|"
          rf"\bsẽ (dự|tham dự|chủ trì)( và chỉ đạo)? (hội nghị|cuộc họp|phiên họp)\b)",
          "chuẩn bị|thông báo|sẽ|dự kiến|lên lịch|kế hoạch|hướng dẫn|hoãn|sắp|ngày mai"),
    # A meeting held before the news, the source of a point in a story about something else ("Trước đó, tại hội nghị
    # giao ban quý I, huyện đã yêu cầu …", "tại hội nghị sơ kết 6 tháng đầu năm của huyện hồi tháng 7", "mục tiêu đặt
    # ra tại Hội nghị cán bộ, viên chức hồi đầu năm": hunt 41 AF, each took that meeting's label). As a review to come,
    # it decides only where no rule's words stand before it (`_decided`): a review's report that recalls last year's
    # keeps its label.
    _rule(EARLIER, "other",
          # (or "từng được", once: "Công trình từng được nêu tên tại hội nghị tổng kết …", hunt 42 AM; not "từng" alone,
          # each: "lãnh đạo từng đơn vị báo cáo tại hội nghị sơ kết …" is the review's report)
          r"(?P<cue>\b(trước đó|từng được|hồi (tháng \d{1,2}|đầu năm|cuối năm|giữa năm)|năm (ngoái|trước))\b,?"
          r"[^.;\n]{0,30}?"
          r"\btại (hội nghị|cuộc họp|buổi)\b|"
          # (… "tuần trước", "tháng trước": "Tại hội nghị giao ban quý III của Sở Công Thương tuần trước, …" in a story
          # on vegetable prices, hunt 42 AJ)
          r"\btại (hội nghị|cuộc họp|buổi)\b[^.;\n]{0,80}?\b(hồi (tháng \d{1,2}|đầu năm|cuối năm|giữa năm)|"
          r"(năm|tuần|tháng) (ngoái|trước))\b)", "trước đó|từng|hồi|ngoái|trước"),
    # A review's report named as the source of a figure ("Theo báo cáo sơ kết 6 tháng của Cục Thống kê tỉnh, tổng sản
    # phẩm … tăng 7,1%", "Theo số liệu sơ kết của Bộ Lao động …": hunt 42 AO, statistics at 0.99 as a half year's
    # review): LABELS.md's statistics for a period, no meeting reported. As a review to come, it decides only where
    # no rule's words stand before it (`_decided`): a review's report that cites its own report keeps its label.
    _rule(CITED, "other",
          r"(?P<cue>\btheo (báo cáo|số liệu|thống kê)( (được )?(nêu|đưa ra|công bố))? (sơ kết|tổng kết)\b)"
          # (not a review's report with its next period's directions, "Theo báo cáo tổng kết công tác bảo vệ rừng năm
          # 2010 và phương hướng nhiệm vụ năm 2011, …": the review, as a hand label reads such a report)
          r"(?![^.;\n]{0,100}?\b(tại|trình bày tại|nêu tại) (hội nghị|cuộc họp)\b)"
          r"(?![^.;\n]{0,100}?\b(phương hướng|triển khai nhiệm vụ|nhiệm vụ (năm|(6|sáu) tháng|quý))\b)", "theo"),
    _rule("multi_year", "other",
          rf"{_REVIEW}[^.;\n]{{0,20}}\b([2-9]|\d\d)\s*năm\b|"
          rf"{_REVIEW}[^.;\n]{{0,80}}((?<!năm học )(?<!năm học mới )(?<!niên học )20\d\d\s*[-–]\s*20\d\d|nhiệm kỳ)|"
          # one year of a programme, resolution or directive ("sơ kết 1 năm thực hiện Nghị quyết 18")
          rf"{_REVIEW}\s+(01|1|một)\s+năm\s+(thực hiện|triển khai|thi hành)", _REVIEW),
    _rule("event_review", "other", rf"{_REVIEW}{_OF_AN_EVENT}", _REVIEW),
    # A Party committee's plenum ("Hội nghị lần thứ 12 Ban Chấp hành Đảng bộ tỉnh"), even where it discusses the
    # half year's results, is a plenum: `other` (LABELS.md).
    _rule("party_plenum", "other",
          rf"{_PARTY}[^.;:\n]{{0,80}}hội nghị[^.;:\n]{{0,40}}\blần thứ\b|"
          rf"hội nghị[^.;:\n]{{0,40}}\blần thứ\b[^.;:\n]{{0,40}}{_PARTY}|hội nghị {_PARTY}[^.;:\n]{{0,40}}\blần thứ\b|"
          r"hội nghị (lần thứ \S+ )?(ban chấp hành )?trung ương (đảng )?(\d+|lần thứ)|"
          # a Party committee's mid-year or year-end conference, its plenum by another name ("Tỉnh ủy … họp hội nghị
          # giữa năm", hunt 40 U)
          rf"{_PARTY}[^.;:\n]{{0,30}}?\b(họp |tổ chức )?hội nghị (giữa năm|cuối năm)\b", "lần thứ|trung ương|hội nghị"),
    # A review of how one legal text, programme or model was carried out for a while ("sơ kết 6 tháng thi hành
    # Nghị định 168", "sơ kết 6 tháng thực hiện Đề án 06", "… mô hình Dân vận khéo"); a resolution only by its number
    # or theme: a Party committee's mid-year review is often "sơ kết 6 tháng thực hiện Nghị quyết". A coordination
    # regulation or programme is left out: its yearly review is two bodies' joint year of work, as the hand labels'
    # two readers read it under the second edition (a regulation's year reviewed and the next year's priorities set,
    # baomoi 21511095: `annual_review`), and as seed 000's "chương trình phối hợp" (hunts 41 W and AA read `other`).
    _rule("law_review", "other",
          rf"{_REVIEW}(\s+(\d+|một|sáu)\s+(tháng|năm))?\s+(việc\s+)?(thực hiện|thi hành|triển khai)\s+"
          r"(luật|bộ luật|nghị định|thông tư|chỉ thị|quyết định|đề án|dự án|phong trào|cuộc vận động|chiến dịch|đợt|"
          r"mô hình|thí điểm|"
          r"chính sách|cơ chế|"
          # a theme year or a year's topic ("sơ kết 6 tháng thực hiện “Năm dân vận chính quyền 2024”", "… chuyên đề",
          # hunt 41 AA; LABELS.md: the review of a theme year)
          r"[\"“”']năm\b|chuyên đề|"
          r"quy chế(?! phối hợp)|quy định|kết luận|chiến lược|chương trình (hành động|mục tiêu)|"
          # a plan or a programme by its theme ("sơ kết 6 tháng thực hiện Kế hoạch phòng, chống dịch tả lợn châu
          # Phi", hunt 42 AL), not the year's work plan, its own programme of work, or a coordination programme
          rf"{_THEMED_PLAN}|"
          # a resolution by its number or its theme ("Nghị quyết 128/NQ-CP", "Nghị quyết số 10-NQ/TU về phát triển du
          # lịch", hunt 41 W; LABELS.md: "sơ kết 3 năm thực hiện Nghị quyết"), not one on the year's tasks
          r"nghị quyết(?![^.;:\n]{0,80}?\bnhiệm vụ (\w+ )?năm\b)(\s+(số\s+)?\d+|[^.;:\n]{0,60}?\svề\s))\b|"
          # a campaign named by how long it has run, "thực hiện" left out ("Sơ kết 6 tháng phong trào …")
          rf"{_REVIEW}\s+(\d+|một|sáu)\s+(tháng|năm)\s+(phong trào|chiến dịch|đợt|cuộc vận động|{_THEMED_PLAN})\b|"
          # a semester of a pilot or a model ("sơ kết học kỳ I thực hiện mô hình lớp học thông minh", "sơ kết 1 học kỳ
          # thực hiện thí điểm chương trình …", hunt 42 AL)
          rf"{_REVIEW}\s+((\d+|một)\s+)?học kỳ( (i|1|ii|2)\b)?\s+(thực hiện\s+|triển khai\s+)?"
          r"(thí điểm|mô hình|đề án)\b|"
          # a pilot, or a reform's first months: the two-tier local government, an apparatus rearranged ("sơ kết 6
          # tháng vận hành chính quyền địa phương hai cấp", "… thí điểm mô hình …", hunt 41 AD)
          rf"{_REVIEW}\s+(\d+|một|sáu)\s+(tháng|năm)\s+(thí điểm\b|(vận hành|hoạt động của|thực hiện|triển khai)\s+"
          r"(mô hình\s+)?(chính quyền (địa phương )?(2|hai) cấp|bộ máy)\b)", _REVIEW),
    # A press conference about a period's results is news about figures, not a review meeting.
    _rule("press_conference", "other", rf"họp báo[^.;\n]{{0,150}}((6|sáu) tháng|{_QUARTER}|năm 20\d\d)", "họp báo"),
    # Press giao ban and monthly sessions are `other`, even when they name the quarter ahead (LABELS.md). The
    # sessions of June and December are left to the period rules and the model: the hand labels' readers read the
    # Government's June session with the provinces as its mid-year review, wherever the half is named (a draft that
    # took a June session naming no half near its name for `other`, as hunt 41 AA read one, made three of them
    # wrong). So are March's and September's that review the first quarter or nine months (hunt 41 AB: "phiên họp
    # Chính phủ thường kỳ tháng 9 … đánh giá 9 tháng … nhiệm vụ quý IV" was `other`).
    _rule("press_briefing", "other",
          # (also a briefing held with the papers: "giao ban công tác tuyên truyền quý III với các cơ quan báo chí",
          # hunt 41 AE)
          r"giao ban (công tác )?báo chí|giao ban[^.;\n]{0,60}\bvới (các )?(cơ quan )?(báo chí|phóng viên|nhà báo)|"
          # (the quarterly press briefing by its northern name: "hội nghị cung cấp thông tin định kỳ cho báo chí quý
          # I/2022", hunt 42 AM)
          # (… "hội nghị thông tin báo chí quý III", "… cung cấp thông tin định kỳ quý III năm 2022 cho các cơ quan báo
          # chí", hunt 42 AP)
          r"hội nghị (cung cấp )?thông tin\b[^.;:\n]{0,50}?\bbáo chí",
          "báo chí|phóng viên|nhà báo"),
    _rule("monthly_session", "other",
          r"(phiên họp|họp)( phiên)? (ubnd |chính phủ )?thường kỳ tháng ((0?[124578]|1[01])\b|"
          r"0?[39]\b(?![^.;\n]{0,80}\b((9|chín) tháng|quý (i|1)\b|(3|ba) tháng đầu năm)))", "thường kỳ"),
    _rule("council_session", "other", r"kỳ họp[^.;\n]{0,30}\bhđnd\b|\bhđnd\b[^.;\n]{0,40}kỳ họp", "hđnd"),
    # 2. The period: a quarter, six months, a year. A school year is the work year of schools, a semester
    # its half; the yearly staff conference reviews the year (LABELS.md, second edition).
    _rule("semester", "semi_annual_review",
          r"(sơ kết|hội nghị)[^.;\n]{0,40}học kỳ (i|1)\b|nhiệm vụ học kỳ (ii|2)\b", "học kỳ"),
    _rule("school_year", "annual_review",
          r"(hội nghị|tổ chức) tổng kết[^.;\n]{0,30}năm học|tổng kết (công tác )?năm học[^.;\n]{0,40}"
          r"(triển khai|phương hướng|nhiệm vụ)|"
          # (not the plan an activity belongs to, nor what a training prepares for: "Đây là hoạt động nằm trong kế
          # hoạch triển khai nhiệm vụ năm học …", "tập huấn … nhằm chuẩn bị triển khai nhiệm vụ năm học", hunt 42 AI)
          r"(?<!kế hoạch )(?<!chuẩn bị )(?<!nhằm )(?<!để )triển khai nhiệm vụ năm học", "năm học"),
    _rule("staff_conference", "annual_review",
          r"hội nghị (đại biểu )?(cán bộ,? (công chức|viên chức)|công chức,? viên chức|viên chức|người lao động)\b",
          "hội nghị"),
    # The second quarter's briefing that also reviews the half and sets the second half's tasks ("giao ban khối dân
    # vận quý II, sơ kết công tác 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm", hunt 41 AA): the tasks it
    # sets name the period it closes, as with the third quarter's tasks it is the quarter's (hunt 40 U)
    _rule("quarter_and_half", "semi_annual_review",
          r"(giao ban|hội nghị|sơ kết|trực báo)[^.;\n]{0,60}quý\s*(ii|2)\b[^.;\n]{0,100}(6|sáu) tháng đầu năm"
          r"[^.;\n]{0,120}nhiệm vụ[^.;\n]{0,30}(6|sáu) tháng cuối năm", "quý"),
    _rule("quarter_meeting", "quarterly_briefing",
          # (a council's "phiên họp quý II" is its quarterly meeting as a conference is; a quarter something is put
          # off to or due by, "đến quý 1-2006", "trước quý III", is no quarter the meeting reviews)
          # (not a conference of another kind held each quarter: "hội nghị kết nối ngân hàng - doanh nghiệp quý I",
          # "… đối thoại doanh nghiệp quý II", "… khách hàng quý IV": hunt 41 AE, LABELS.md's dialogues are `other`)
          # (nor an ad-hoc giao ban about a quarter's figure: "Giao ban đột xuất về tiến độ thu ngân sách quý IV",
          # hunt 41 AF; LABELS.md: ad-hoc giao ban are `other`)
          rf"(trực báo|giao ban(?! (đột xuất|chuyên đề|khẩn)\b)|sơ kết|tổng kết|hội nghị(?! {_OTHER_CONFERENCE})|"
          r"phiên họp|họp phiên thường kỳ)"
          rf"{_PASSING_Q}{{0,60}}"
          rf"(?<!đến )(?<!tới )(?<!trước )(?<!sang ){_QUARTER}|"
          # a giao ban or trực báo named by a long subject ("giao ban công tác nội chính, phòng, chống tham nhũng và cải
          # cách tư pháp quý I", "trực báo công tác dân vận chính quyền, dân vận khéo và Quy chế dân chủ quý III": the
          # window above was too short, hunt 42 AP)
          rf"(trực báo|giao ban(?! (đột xuất|chuyên đề|khẩn|báo chí)\b)){_PASSING_Q}{{60,120}}"
          rf"(?<!đến )(?<!tới )(?<!trước )(?<!sang ){_QUARTER}|"
          # the first quarter named as its three months ("hội nghị đánh giá … 3 tháng đầu năm, triển khai kế hoạch
          # quý II")
          rf"(trực báo|giao ban|sơ kết|hội nghị){_PASSING_Q}{{0,60}}\b(3|ba) tháng đầu năm\b", "quý|tháng đầu năm"),
    # the quarter's tasks a meeting sets, not a duty given to someone to finish within one ("Bộ Tài chính được
    # giao nhiệm vụ trong quý III phải hoàn thành quy hoạch": a deadline)
    _rule("quarter_tasks", "quarterly_briefing",
          rf"(?<!giao )nhiệm vụ[^.;\n]{{0,30}}{_QUARTER}|"
          rf"(triển khai|phương hướng|bàn) kế hoạch( công tác)?[^.;\n]{{0,15}}{_QUARTER}", "quý"),
    # Nine months reviewed, the last quarter's tasks set: the third-quarter meeting (LABELS.md has no
    # nine-month type; a year rule would otherwise take "nhiệm vụ những tháng cuối năm 2024").
    _rule("nine_months", "quarterly_briefing",
          rf"({_MEETING}|trực báo){_PASSING}{{0,60}}(?<!mùng )(?<!ngày )\b(9|chín) tháng\b(?! (giêng|chạp|\d))",
          "tháng"),
    _rule("half_year_review", "semi_annual_review",
          rf"{_MEETING}{_PASSING}{{0,150}}(6|sáu) tháng đầu năm|(sơ kết|hội nghị){_PASSING}{{0,60}}(6|sáu) tháng\b|"
          # the half named otherwise ("sơ kết công tác giữa năm 2023", "giao ban giữa năm", "kết quả nửa đầu năm"), not
          # when a meeting is held ("vào giữa năm", "hội nghị … tổ chức hồi giữa năm")
          rf"(sơ kết|hội nghị|giao ban){_PASSING}{{0,60}}(?<!vào )(?<!hồi )(?<!từ )(?<!đến )(?<!tổ chức )"
          r"\b(giữa năm|nửa đầu năm)\b",
          "tháng|giữa năm|nửa đầu năm"),
    _rule("half_year_tasks", "semi_annual_review", r"nhiệm vụ[^.;\n]{0,30}((6|sáu) tháng cuối năm|nửa cuối năm)",
          "tháng cuối năm|nửa cuối năm"),
    # A month's briefing ("kết quả tháng 8, nhiệm vụ tháng 9") is `other`, though its year is named.
    _rule("monthly_meeting", "other",
          r"(giao ban|họp|hội nghị)[^.;\n]{0,60}\btháng \d{1,2}\b[^.;\n]{0,60}(nhiệm vụ|kế hoạch)[^.;\n]{0,20}"
          r"tháng \d{1,2}\b|"
          # (its field named: "giao ban điều hành sản xuất kinh doanh tháng 11", hunt 41 AE)
          r"giao ban (công tác |điều hành )?([^.;\n\d]{0,40}? )?tháng \d{1,2}\b", "tháng"),
    _rule("year_review", "annual_review",
          rf"(hội nghị|lễ|tổ chức) tổng kết[^.;\n]{{0,80}}{_YEAR}|tổng kết (công tác|hoạt động|nhiệm vụ)[^.;\n]{{0,60}}{_YEAR}|"
          r"(?<!nhiều )(?<!các )(?<!những )hội nghị tổng kết (công tác|hoạt động)|"
          # "tổng kết" alone names the year-end review ("sơ kết" is the interim one): "tại hội nghị tổng kết
          # của Hiệp hội … sáng 12/1", not "hội nghị tổng kết giải …", which event_review takes first
          r"hội nghị tổng kết( năm)?(?=\s+(của(?! (tất cả|các|nhiều|những)\b)|tại|do|sáng|chiều|tối|ngày|hôm)\b|"
          r"\s*[,.;:)\n]|$)|"
          # an organisation as the subject ("Cục Thuế tỉnh tổng kết năm 2019"), not a sentence that opens with
          # it, a year-end report's figures ("báo cáo tổng kết năm 2016") or the press's round-ups of a year
          r"(?<=\w )(?<!báo cáo )(?<!bài )(?<!những )(?<!các )tổng kết năm (học )?(19|20)\d\d", "tổng kết"),
    _rule("year_tasks", "annual_review",
          # (not a training that prepares for the year: "tổ chức tập huấn … nhằm chuẩn bị triển khai nhiệm vụ năm học
          # 2019-2020", hunt 42 AI; LABELS.md: trainings are `other`)
          rf"(hội nghị|tổ chức)(?! {_OTHER_CONFERENCE})[^.;\n]{{0,80}}(?<!chuẩn bị )(?<!nhằm )(?<!để )"
          rf"(phương hướng|triển khai|bàn)[^.;\n]{{0,30}}(nhiệm vụ|kế hoạch|công tác)"
          # (not a theme year's or a month of action's plan launched: "hội nghị triển khai kế hoạch 'Năm Chuyển đổi số
          # ngành y tế 2022'", "… kế hoạch Tháng hành động vì an toàn thực phẩm năm 2022", hunt 42 AL)
          r"(?!\s+[\"“”']?(?-i:Năm|Tháng) )(?! (tháng hành động|tháng cao điểm)\b)"
          # the year's tasks of a field ("nhiệm vụ khoa học, công nghệ … năm 2022"), not an admissions season nor
          # a production plan ("kế hoạch sản xuất ngành cà phê năm 2019": a sector's season, as in _OF_AN_EVENT; a
          # company's "kế hoạch sản xuất kinh doanh" is its year's work)
          # (nor a month's plan: "triển khai kế hoạch tháng 12/2021", "… tháng 5 năm 2023", at a monthly giao ban,
          # hunt 41 AE)
          rf"(?! tuyển sinh)(?! sản xuất(?!,? kinh doanh))[^.;\n]{{0,60}}"
          rf"((?<![/\d])(?<!tháng \d )(?<!tháng \d\d )(?<!tháng \d năm )(?<!tháng \d\d năm ){_YEAR}|năm tới\b)",
          "hội nghị|tổ chức"),
    # A year's work reviewed and the next year's planned in one breath (N, then N+1); not a plan of several years
    # ("đánh giá kế hoạch 5 năm 2016-2020 và kế hoạch 5 năm 2021-2025", as multi_year reads a review of them).
    _rule("year_pair", "annual_review",
          # (not a season's: "đánh giá công tác tuyển sinh … năm 2005 và phương hướng tuyển sinh năm 2006")
          rf"(kiểm điểm|đánh giá(?! bổ sung)|rút kinh nghiệm|tổng kết)((?!tuyển sinh|kỳ thi|mùa |chiến dịch|đợt )"
          rf"[^.;\n]){{0,100}}{_ONE_YEAR}[^.;\n]{{0,60}}"
          rf"(nhiệm vụ|công tác|kế hoạch|phương hướng)[^.;\n]{{0,30}}{_ONE_YEAR}", "năm 20"),
]


def rules_fingerprint(rules: list[Rule] | None = None) -> str:
    """A short hash of the rules (names, labels, patterns) and of the event reader's patterns: a model learns
    from what they say, so its card records the fingerprint it was trained with and loading compares it."""
    parts = [f"{r.name}\t{r.label}\t{r.pattern.pattern}" for r in (RULES if rules is None else rules)]
    parts += [pattern.pattern for pattern in events.PATTERNS] + [INNER_DOT.pattern, SOURCE_TAG.pattern,
                                                                 _ANY_LEAD_TAG.pattern]
    parts += [f"{pattern.pattern}\t{full}" for pattern, full in SHORT_FORMS]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class RuleHit:
    label: str
    rule: str
    evidence: str  # the matched words
    # read in text typed without accents (`without_accents`), which the model cannot read: its label stands (`decide`)
    unaccented: bool = False

    def cue(self) -> str:
        """The rule as a cue: "rule year_review: hội nghị tổng kết công tác năm 2015"."""
        return f"rule {self.rule}{' (read without accents)' if self.unaccented else ''}: {self.evidence}"


# A lead's tag of a paper the source reader does not know, a code in capitals or "Báo …" ("BNA - ", "HGĐT- ", "Báo Lai
# Châu - "): off the line's start too for the rules, which read a profile or a review to come by how a line opens (hunt
# 40 T: such a tag made a teacher's profile a year review). Not a source: which paper a code is, is not known.
_ANY_LEAD_TAG = re.compile(r"^[ \t]*(?:\(?(?-i:[A-ZĐ][A-ZĐ&]{1,6})\)?|Báo(?: (?-i:[A-ZĐ])\w*){1,3})"
                           r"[ \t]*[-–—]+[ \t]*(?=\w)", re.MULTILINE)


def _for_rules(text: str) -> str:
    # the rules' windows ([^.;\n]) stop at every dot; a dot inside a word ("Ban Chỉ đạo PCTT T.Ư đã họp") ends no
    # sentence, so the rules read it masked, and cues show it again; a lead's source tag ("(Baophutho.vn) - ")
    # stands before its first sentence, where some rules look
    return mask_inner_dots(_ANY_LEAD_TAG.sub("", without_source_tags(spelt_out(normalize(text)))))


def head_of(title: str, text: str) -> str:
    """The part of an article the rules read: title and lead (normalised, dots inside words masked)."""
    return _for_rules(f"{title}\n{text[:LEAD_CHARS]}")


def apply_rules(title: str, text: str, rules: list[Rule] | None = None) -> RuleHit | None:
    """The first rule that fires on the title and lead, or None (abstain).

    >>> apply_rules("Trực báo công tác dân vận quý 1 năm 2023", "").label
    'quarterly_briefing'
    >>> apply_rules("Hội nghị Ban Chỉ đạo sơ kết 6 tháng đầu năm", "").label
    'steering_committee'
    >>> apply_rules("Tổng kết 10 năm thực hiện Nghị quyết", "") .label
    'other'
    >>> apply_rules("Giá xăng giảm", "Giá xăng giảm mạnh.") is None
    True
    """
    check_text("title", title, "apply_rules"), check_text("text", text, "apply_rules")  # None read as "None"
    unaccented = False
    if rules is None:
        rules = RULES
        # Vietnamese typed without accents ("Hoi nghi so ket cong tac dan van 6 thang dau nam"): read by the rules
        # without theirs, as nothing else here can read it (hunt 42 AN: 7 of 7 such meeting reports were `other` at
        # 0.98)
        if not looks_vietnamese(f"{title}\n{text[:LEAD_CHARS]}"):
            rules, unaccented = unaccented_rules(), True
            title, text = without_accents(title), without_accents(text)
    hit = _decided(head_of(title, text), rules)
    # A title that names only a review to come ("Chuẩn bị từ sớm việc tổng kết 40 năm đổi mới") leaves the event to
    # the lead: its own held review decides ("… tổ chức hội nghị tổng kết công tác năm 2021"), or its review to come
    upcoming = [rule for rule in rules if rule.name == UPCOMING]
    if hit and hit.rule == UPCOMING and title and _first_hit(_for_rules(title), upcoming):
        hit = _decided(head_of("", _without_title(title, text)), rules) or hit
    # The title names the event a report is about: a rule that fires on it wins over an earlier one that
    # fires only on a passing mention in the lead, except a steering committee's meeting (LABELS.md rule 1).
    if hit and title and hit.label != "steering_committee":
        in_title = _decided(_for_rules(title), rules)
        # (a lead that says the session was the committee's delegation's visit, under a title of the host's side, "Tỉnh
        # Kon Tum làm việc với Ban Chỉ đạo Tây Nguyên", tells what the title's session was: hunt 42 AH)
        host_side = hit.rule == "sc_visit" and in_title and in_title.rule == "sc_with_members"
        # (nor does a title that names the second quarter's briefing and the half, "giao ban quý II, sơ kết công tác 6
        # tháng đầu năm 2018", over a lead that says it set the second half's tasks: the one meeting, hunt 42 AP)
        same_meeting = hit.rule == "quarter_and_half" and in_title and in_title.rule == "quarter_meeting"
        hit = (in_title if in_title and in_title.rule not in _DEFERRING_NAMES and not (host_side or same_meeting)
               else hit)
    # (the words, not the line break or full stop some rules match before a sentence's start: a cue is one line)
    return hit and RuleHit(hit.label, hit.rule, unmask_inner_dots(hit.evidence).lstrip(".;:!? \n").rstrip(),
                           unaccented)


_DEFERRING_NAMES = (UPCOMING, EARLIER, CITED)


def without_accents(text: str) -> str:
    """`text` as typed without accents: no tone marks, hats or horns, "đ" as "d" ("Hội nghị" is "Hoi nghi")."""
    bare = "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))
    return bare.replace("đ", "d").replace("Đ", "D")


@functools.cache
def unaccented_rules() -> list[Rule]:
    """The rules as text typed without accents reads them: their patterns and gates without accents. Such text is
    less sure ("hop" is also "hợp", "quy" also "quy chế"), and read only where a text has almost no accent."""
    gates: dict[str, re.Pattern] = {}
    return [Rule(rule.name, rule.label, re.compile(without_accents(rule.pattern.pattern), rule.pattern.flags),
                 None if rule.gate is None else gates.setdefault(
                     rule.gate.pattern, re.compile(without_accents(rule.gate.pattern), rule.gate.flags)))
            for rule in RULES]


def _decided(head: str, rules: list[Rule]) -> RuleHit | None:
    """The first rule that fires on `head`; where that is the review to come (or a meeting held before the news,
    `EARLIER`), a rule whose words stand before it
    decides: a held review's report names the next review in its agenda ("… đề nghị các đơn vị chuẩn bị tổng kết 10
    năm thi hành Hiến pháp", hunt 40 S), a ceremony's report closes on one ("… sẽ được giới thiệu tại hội nghị tổng
    kết", hunt 40 R: nothing before it decides)."""
    hit = _first_hit(head, rules)
    if not hit or hit.rule not in _DEFERRING_NAMES:
        return hit
    coming = next(rule for rule in rules if rule.name == hit.rule).pattern.search(head)
    at = coming.start("cue") if coming else len(head)  # where its words begin, after the line's opening
    for rule in rules:
        held = rule.name not in _DEFERRING_NAMES and rule.pattern.search(head, 0, at)
        if held:
            return RuleHit(rule.label, rule.name, held.group(0))
    return hit


def _without_title(title: str, text: str) -> str:
    """`text` without its headline, where a page's text repeats it near its start (under a dateline, say)."""
    at = text.find(title.strip()) if title.strip() else -1
    return text[:at] + text[at + len(title.strip()):] if 0 <= at < LEAD_CHARS else text


_COMMITTEE_NAMED = re.compile(COMMITTEE, re.IGNORECASE)


def names_committee(title: str, text: str) -> bool:
    """Whether the title or the early text (as far as the event reader reads) names a steering committee. Without
    one, a report is no committee's meeting (LABELS.md rule 1), whatever its other words: the model, trained on a
    year in which one committee met often about one story, named that story's later news `steering_committee`
    (`model.decide`)."""
    return _COMMITTEE_NAMED.search(normalize(f"{title}\n{text[:events.BODY_CHARS]}")) is not None


def _first_hit(head: str, rules: list[Rule]) -> RuleHit | None:
    gates = {}
    for rule in rules:
        evidence = rule.search(head, gates)
        if evidence:
            return RuleHit(rule.label, rule.name, evidence)
    return None
