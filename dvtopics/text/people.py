"""People's names in segmented Vietnamese text, found so that a model can be kept from learning them.

A classifier trained on 2003-2006 and 2017 news learnt the ministers of those years: "Trương_Minh_Tuấn" and
"Nguyễn_Xuân_Phúc" were among the strongest words for a semi-annual review. Articles of other years name other
people, so `mask_people` writes every person's name as one token (PERSON_TOKEN), as years are written as one.

A name is three or four capitalised syllables in a row, the first a family name: "Nguyễn_Xuân_Phúc", or
"Nguyễn_Thị Kim_Ngân" and "Lê_Thị_Thu Hằng" as pyvi sometimes cuts them. The case is what tells a name from a word:
lower-cased, "tăng_cường_lực_lượng" or "cao_trình_độ" would pass for one. Two-syllable names ("Vũ_Khoan") are left:
most places and bodies ("Hà_Nội", "Lâm_Đồng", "Cao_Bằng") have two syllables and a family name's first. Places of
more syllables that open with a family name, or run into the next capitalised word ("Hà_Nội Sáng nay"), are named
in NOT_PEOPLE, and a place after a one-syllable opener ("Đoàn Việt_Nam") in PLACES; what they do not name may be
read as a person (a model learns less from it, no more). A line in Title Case is left whole: every word there looks
like a name.
"""
from __future__ import annotations

import hashlib
import re

PERSON_TOKEN = "__person"
# the family names of most Vietnamese, and of leaders of the minorities ("Lò Văn Giàng"); not "Từ", which opens
# "Từ Hà Nội ..." (from Hanoi)
FAMILY_NAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trương lương mai tô hà cao lâm trịnh "
    "đào đoàn châu tạ quách hứa triệu chu kiều lưu giang tăng mạc thái vương nông phùng tôn thân lò lã đàm uông bành "
    "cấn nhữ khuất doãn lại tòng la vi bế hầu giàng sùng thào lục".split())
# places a name's later word cannot be: "Đoàn Việt_Nam" is a team, "Mai Hà_Nội" tomorrow in Hanoi, "Hồ Ba_Bể" a lake
PLACES = frozenset("_".join(place.lower().split()) for place in (
    "Việt Nam", "An Giang", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng",
    "Hậu Giang", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai",
    "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
    "Thanh Hóa", "Thừa Thiên", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    "Hoàn Kiếm", "Ba Bể", "Trung Quốc", "Nhật Bản", "Hàn Quốc", "Hoa Kỳ", "Thủ Đô"))
# capitalised like a name, and not one (nor what follows them, syllable by syllable: "Hoàng Mai Anh" stays words
# too): places, a company, a citadel, an ocean, bodies a title may capitalise whole; and the places of PLACES that open
# with a family name ("Hà_Nội", "Cao_Bằng"), each named once, there
NOT_PEOPLE = (
    "hồ_chí_minh", "hà_đông", "hà_tây", "hà_lan", "hà_tiên", "cao_lãnh", "cao_đài", "cao_đẳng", "lâm_hà",
    "phan_thiết", "phan_rang", "thái_lan", "châu_thành", "châu_đốc", "châu_á", "châu_âu", "châu_phi", "châu_mỹ",
    "châu_úc", "châu_đại_dương", "hoàng_mai", "hoàng_sa", "hoàng_thành", "hoàng_su_phì", "hoàng_anh_gia_lai",
    "lê_chân", "hồ_núi_cốc", "hồ_gươm", "hồ_tây", "dương_minh_châu", "đoàn_thanh_niên", "đoàn_đại_biểu", "la_hán",
    "lục_ngạn",
) + tuple(sorted(place for place in PLACES if place.split("_")[0] in FAMILY_NAMES))
# verbs pyvi joins to a name's last syllable ("Phạm_Minh Chính_đề_nghị"); another lower-case tail on a later word of
# one capitalised syllable is a word of its own ("Nguyễn_Văn Hội_nghị")
JOINED_VERBS = frozenset("dự đề_nghị phát_biểu chủ_trì cho_biết nhấn_mạnh yêu_cầu khẳng_định chỉ_đạo trao thăm "
                         "làm_việc tiếp kiểm_tra".split())
LONGEST_NAME = 4  # syllables ("Tôn_Nữ_Thị_Ninh"): no later word is taken into a name this long
TITLE_CASE_SHARE = 0.8  # of a line's words capitalised: a title in Title Case, where names cannot be told apart
# how `_name_at` reads: change it with the code, so that a model records what it was trained with
_RULE_VERSION = ("names/3: 3-4 capitalised syllables; a later word opens with a family name after one syllable "
                 "only, is no place, ends in a joined verb only if capitalised in two syllables or known; title-case "
                 "lines left")
# where a name may start: a capitalised family name opening a word; the rest is read word by word (`_name_at`)
_FAMILY_START = re.compile(r"(?<!\S)(?:" + "|".join(sorted(name.capitalize() for name in FAMILY_NAMES)) + r")(?=[_ ])")
_WORD = re.compile(r"\S+")


def people_fingerprint() -> str:
    """A short hash of what decides which words are people: a model trained with names masked records it on its
    card, and loading says so when these lists have changed since (the model would read other documents)."""
    parts = [_RULE_VERSION, str(LONGEST_NAME), str(TITLE_CASE_SHARE)] + [
        " ".join(sorted(words)) for words in (FAMILY_NAMES, NOT_PEOPLE, PLACES, JOINED_VERBS)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def mask_people(segmented: str) -> str:
    """Segmented text with each person's name as PERSON_TOKEN; the rest as it was. pyvi sometimes joins the verb
    after a name to it ("Lê_Thị_Hồng_Liên_dự"): the verb stays, as a word of its own.

    >>> mask_people("Thủ_tướng Nguyễn_Xuân_Phúc dự hội_nghị tại TP Hồ_Chí_Minh")
    'Thủ_tướng __person dự hội_nghị tại TP Hồ_Chí_Minh'
    """
    if not _FAMILY_START.search(segmented):
        return segmented
    return "\n".join(_masked_line(line) for line in segmented.split("\n"))


def _masked_line(line: str) -> str:
    if _title_case(line):  # "Tăng Cường Công Tác Phòng Chống ...": every word looks like a name
        return line
    pieces, done = [], 0
    for start in _FAMILY_START.finditer(line):
        if start.start() < done:  # inside the name just masked
            continue
        found = _name_at(line, start.start())
        if found:
            end, verb = found
            pieces += [line[done:start.start()], PERSON_TOKEN, f" {verb}" if verb else ""]
            done = end
    return "".join(pieces + [line[done:]]) if pieces else line


def _title_case(line: str) -> bool:
    """Five words or more, nearly all capitalised in every syllable: a title written in Title Case (a sentence that
    names people has its other words in lower case)."""
    words = [word.split("_") for word in line.split() if word.replace("_", "").isalpha()]
    capitalised = sum(all(map(_capitalised, word)) for word in words)
    return len(words) >= 5 and capitalised >= TITLE_CASE_SHARE * len(words)


def _name_at(text: str, start: int) -> tuple[int, str] | None:
    """(where the name that starts at `start` ends, the lower-case syllables pyvi joined to its last word), or None
    when no name starts there. The name's last word may end in lower-case syllables ("Lê_Thị_Hồng_Liên_dự"). Words
    after the first complete a name cut short ("Nguyễn_Thị Kim_Ngân", "Nguyễn Hoàng_Anh"): capitalised whole, or
    before a lower-case tail in two syllables or more or a known verb ("Phạm_Thị Thanh_Trà_dự", "Phạm_Minh
    Chính_đề_nghị", not "Nguyễn_Văn Hội_nghị"); no place ("Đoàn Việt_Nam"); one that opens with a family name only
    after a lone family name ("Hà_Nội Nguyễn_Đức_Chung" is a city and a name)."""
    syllables, end, verb, position = [], start, "", start
    while (word := _WORD.match(text, position)) is not None:
        parts = word[0].split("_")
        capitalised = next((n for n, part in enumerate(parts) if not _capitalised(part)), len(parts))
        tail = "_".join(parts[capitalised:])
        if not capitalised or not all(part.isalpha() and part.islower() for part in parts[capitalised:]):
            break  # "Lê_Thị_Hồng_Liên," (a comma pyvi left on): no name cut out of a word
        if syllables and (tail and capitalised < 2 and tail not in JOINED_VERBS
                          or len(syllables) > 1 and parts[0].lower() in FAMILY_NAMES
                          or "_".join(parts[:capitalised]).lower() in PLACES):
            break
        syllables += parts[:capitalised]
        end, verb = word.end(), tail
        if verb or len(syllables) >= LONGEST_NAME or text[end:end + 1] != " ":
            break
        position = end + 1
    name = "_".join(syllables).lower()
    if len(syllables) < 3 or syllables[0].lower() not in FAMILY_NAMES or _listed_apart(name):
        return None
    return end, verb


def _listed_apart(name: str) -> bool:
    """The name is, or opens with, one of NOT_PEOPLE, syllable by syllable ("châu_á" is not "châu_ái_linh")."""
    return any(name == other or name.startswith(other + "_") for other in NOT_PEOPLE)


def _capitalised(syllable: str) -> bool:
    return syllable.isalpha() and syllable[0].isupper() and (len(syllable) == 1 or syllable[1:].islower())
