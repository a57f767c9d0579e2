"""People's names in segmented Vietnamese text, found so that a model can be kept from learning them.

A classifier trained on 2003-2006 and 2017 news learnt the ministers of those years: "Trương_Minh_Tuấn" and
"Nguyễn_Xuân_Phúc" were among the strongest words for a semi-annual review. Articles of other years name other
people, so `mask_people` writes every person's name as one token (PERSON_TOKEN), as years are written as one.

A name is three or four capitalised syllables in a row, the first a family name: "Nguyễn_Xuân_Phúc", or
"Nguyễn_Thị Kim_Ngân" and "Lê_Thị_Thu Hằng" as pyvi sometimes cuts them. The case is what tells a name from a word:
lower-cased, "tăng_cường_lực_lượng" or "cao_trình_độ" would pass for one. Two-syllable names ("Vũ_Khoan") are left:
most places and bodies ("Hà_Nội", "Lâm_Đồng", "Cao_Bằng") have two syllables and a family name's first. Places of
more syllables that open with a family name, or run into the next capitalised word ("Hà_Nội Sáng nay"), are named
in NOT_PEOPLE; what it does not name may be read as a person (a model learns less from it, no more).
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
# capitalised like a name, and not one (nor what follows them): places, a company, a citadel, an ocean, a paper,
# bodies a title may capitalise whole
NOT_PEOPLE = (
    "hồ_chí_minh", "hà_nội", "hà_tĩnh", "hà_giang", "hà_nam", "hà_đông", "hà_tây", "hà_lan", "hà_tiên", "cao_bằng",
    "cao_lãnh", "cao_đài", "cao_đẳng", "lâm_đồng", "lâm_hà", "phan_thiết", "phan_rang", "thái_bình", "thái_nguyên",
    "thái_lan", "châu_thành", "châu_đốc", "châu_á", "châu_âu", "châu_phi", "châu_mỹ", "châu_úc", "châu_đại_dương",
    "hoàng_mai", "hoàng_sa", "hoàng_thành", "hoàng_su_phì", "hoàng_anh_gia_lai", "lê_chân", "hồ_núi_cốc", "hồ_gươm",
    "hồ_tây", "dương_minh_châu", "đoàn_thanh_niên", "đoàn_đại_biểu", "la_hán", "lục_ngạn",
)
LONGEST_NAME = 4  # syllables ("Tôn_Nữ_Thị_Ninh"): no later word is taken into a name this long
# what decides which words are read as people: a model records it (`people_fingerprint`), as it records its rules
_RULE_VERSION = "names/2: 3-4 capitalised syllables; a later word opens with a family name after one syllable only"
# where a name may start: a capitalised family name opening a word; the rest is read word by word (`_name_at`)
_FAMILY_START = re.compile(r"(?<!\S)(?:" + "|".join(sorted(name.capitalize() for name in FAMILY_NAMES)) + r")(?=[_ ])")
_WORD = re.compile(r"\S+")


def people_fingerprint() -> str:
    """A short hash of what decides which words are people: a model trained with names masked records it on its
    card, and loading says so when these lists have changed since (the model would read other documents)."""
    parts = [_RULE_VERSION, " ".join(sorted(FAMILY_NAMES)), " ".join(NOT_PEOPLE)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def is_person(word: str) -> bool:
    """True for a segmented word that is a person's name ("Nguyễn_Xuân_Phúc"); see the module's docstring."""
    found = _name_at(word, 0)
    return found is not None and found == (len(word), "")


def mask_people(segmented: str) -> str:
    """Segmented text with each person's name as PERSON_TOKEN; the rest as it was. pyvi sometimes joins the verb
    after a name to it ("Lê_Thị_Hồng_Liên_dự"): the verb stays, as a word of its own.

    >>> mask_people("Thủ_tướng Nguyễn_Xuân_Phúc dự hội_nghị tại TP Hồ_Chí_Minh")
    'Thủ_tướng __person dự hội_nghị tại TP Hồ_Chí_Minh'
    """
    pieces, done = [], 0
    for start in _FAMILY_START.finditer(segmented):
        if start.start() < done:  # inside the name just masked
            continue
        found = _name_at(segmented, start.start())
        if found:
            end, verb = found
            pieces += [segmented[done:start.start()], PERSON_TOKEN, f" {verb}" if verb else ""]
            done = end
    return "".join(pieces + [segmented[done:]]) if pieces else segmented


def _name_at(text: str, start: int) -> tuple[int, str] | None:
    """(where the name that starts at `start` ends, the lower-case syllables pyvi joined to its last word), or None
    when no name starts there. The name's last word may end in lower-case syllables ("Lê_Thị_Hồng_Liên_dự"). Words
    after the first, on the line, complete a name cut short ("Nguyễn_Thị Kim_Ngân", "Nguyễn Hoàng_Anh"): capitalised
    whole, or in two syllables or more before a lower-case tail ("Phạm_Thị Thanh_Trà_dự", not "Nguyễn_Văn Hội_nghị");
    one that opens with a family name only after a lone family name ("Hà_Nội Nguyễn_Đức_Chung" is a city and a name)."""
    syllables, end, verb, position = [], start, "", start
    while (word := _WORD.match(text, position)) is not None:
        parts = word[0].split("_")
        capitalised = next((n for n, part in enumerate(parts) if not _capitalised(part)), len(parts))
        tail = parts[capitalised:]
        if not capitalised or not all(part.isalpha() and part.islower() for part in tail):
            break  # "Lê_Thị_Hồng_Liên," (a comma pyvi left on): no name cut out of a word
        if syllables and ((tail and capitalised < 2) or (len(syllables) > 1 and parts[0].lower() in FAMILY_NAMES)):
            break
        syllables += parts[:capitalised]
        end, verb = word.end(), "_".join(tail)
        if verb or len(syllables) >= LONGEST_NAME or text[end:end + 1] != " ":
            break
        position = end + 1
    name = "_".join(syllables).lower()
    if len(syllables) < 3 or syllables[0].lower() not in FAMILY_NAMES or name.startswith(NOT_PEOPLE):
        return None
    return end, verb


def _capitalised(syllable: str) -> bool:
    return syllable.isalpha() and syllable[0].isupper() and (len(syllable) == 1 or syllable[1:].islower())
