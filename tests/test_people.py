from dvtopics.text.people import PERSON_TOKEN, is_person, mask_people


def test_a_name_is_three_capitalised_syllables_from_a_family_name():
    for name in ("Nguyễn_Xuân_Phúc", "Nguyễn_Thị_Kim_Ngân", "Trương_Hòa_Bình", "Lê_Văn_A", "Đoàn_Duy_Khương"):
        assert is_person(name), name


def test_words_places_and_bodies_are_not_names():
    for word in ("tăng_cường_lực_lượng", "cao_trình_độ",  # lower-case words a family name opens
                 "Hà_Nội", "Lâm_Đồng", "Vũ_Khoan",  # two syllables: places, and the rare two-syllable name
                 "Hồ_Chí_Minh", "Thái_Bình_Dương", "Hà_Nội_Mới", "Đoàn_Thanh_Niên",  # named exceptions
                 "Ban_Dân_Vận", "NGUYỄN_XUÂN_PHÚC", "Nguyễn_xuân_phúc"):  # no family name; not capitalised so
        assert not is_person(word), word


def test_masking_replaces_whole_words_only():
    assert mask_people("Ông Trần_Đại_Quang và bà Tô_Thị_Bích_Châu .") == f"Ông {PERSON_TOKEN} và bà {PERSON_TOKEN} ."
    assert mask_people("Nguyễn_Văn_Bình,") == "Nguyễn_Văn_Bình,"  # not a word alone: left as it is
    assert mask_people("hội_nghị\nLê_Minh_Hưng phát_biểu") == f"hội_nghị\n{PERSON_TOKEN} phát_biểu"


def test_a_verb_joined_to_a_name_stays_a_word():
    """pyvi joined "Lê Thị Hồng Liên dự" into one word: the name went unmasked."""
    assert mask_people("Bộ_trưởng Lê_Thị_Hồng_Liên_dự hội_nghị") == f"Bộ_trưởng {PERSON_TOKEN} dự hội_nghị"
    assert mask_people("Tô_Lâm_dự") == "Tô_Lâm_dự"  # two capitalised syllables: no name of three
