"""Tests for aliases: other names staff use for a report's parties, read as the report's own name."""

from __future__ import annotations

import pytest

from assistant.aliases import (
    PinyinNames,
    SoundAlikes,
    abbreviated_names,
    abbreviations,
    build_aliases,
    expand_aliases,
    name_head,
    show_abbreviation,
    transliterated_names,
)
from assistant.text.normalize import fold


@pytest.mark.parametrize(
    ("name", "expected"),
    [("港務公司", ["港公"]), ("經濟發展局", ["經發局"]), ("工業技術研究院", ["工技研院"]), ("鹿特丹", [])],
)
def test_abbreviations_take_the_first_character_of_each_word(name, expected):
    assert abbreviations(name) == expected


def test_dictionary_names_and_abbreviations_become_aliases_only_where_the_report_never_uses_them():
    glossary = {"port of rotterdam": "鹿特丹港", "airbus": "空中巴士"}
    used = {"鹿丹": 2}  # the report itself writes 鹿丹 (say, a place), so it is not an alias of 鹿特丹港
    aliases = build_aliases(glossary, {"空客": "Airbus"}, lambda w: used.get(w, 0))
    assert aliases == {"空客": "空中巴士", "空巴": "空中巴士"}


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("鹿特丹國際花卉展", "花展"),
        ("鹿特丹港務局", ""),  # not an institution: short forms of those are common words (內部 of 內政部)
        ("鹿特丹音樂節", ""),  # 音節
        ("鹿特丹港", ""),
        ("Havenbedrijf", ""),
    ],
)
def test_a_show_is_shortened_to_the_word_before_its_kind_and_its_kind(name, short):
    assert show_abbreviation(name) == short


def test_an_events_short_name_is_an_alias_only_where_the_dictionary_knows_it_and_the_report_never_uses_it():
    glossary = {"rotterdam flower show": "鹿特丹國際花卉展"}
    word = lambda w: w == "花展"  # noqa: E731  # the dictionary's "flower show"
    assert build_aliases(glossary, {}, lambda w: 0, is_word=word) == {"花展": "鹿特丹國際花卉展"}
    assert build_aliases(glossary, {}, lambda w: 0) == {}  # no word: no short name staff would write
    assert build_aliases(glossary, {}, lambda w: {"花展": 2}.get(w, 0), is_word=word) == {}  # a word of the report's


def test_an_abbreviation_the_report_writes_only_shortly_after_the_full_name_is_an_alias():
    glossary = {"port of rotterdam": "港務公司"}
    used = {"港公": 1}
    text = "局長拜訪港務公司，了解其智慧港口。未來期借鏡港公的數據平臺經驗。"
    assert build_aliases(glossary, {}, lambda w: used.get(w, 0), text=text) == {"港公": "港務公司"}
    elsewhere = "局長拜訪港務公司。" + "。" * 300 + "港公路段施工中。"  # a road of its own, far from the name
    assert build_aliases(glossary, {}, lambda w: used.get(w, 0), text=elsewhere) == {}


def test_expansion_replaces_each_alias_once_and_never_inside_a_reports_name():
    aliases = {"空巴": "空中巴士", "中巴": "中部巴士"}
    assert expand_aliases("空巴和中巴在哪？", aliases) == "空中巴士和中部巴士在哪？"
    assert expand_aliases("中部巴士在哪？", {"部巴": "X", "中巴": "中部巴士"}) == "中部巴士在哪？"
    assert expand_aliases("沒有別名", {}) == "沒有別名"


WORDS = {"kaohsiung": ["高雄", "高雄市"], "machinery": ["機械", "農業機械"], "airport": ["機場"]}
TEXT = "高雄精機成立於 1990 年。高雄市政府與高雄業者合作。"


def _translate(text: str) -> list[str]:
    return [w for word in text.lower().split() for w in WORDS.get(word.removesuffix("'s"), [])]


def test_a_two_word_english_name_finds_the_reports_short_chinese_name():
    assert abbreviated_names("Where is Kaohsiung Machinery's branch?", _translate, TEXT) == ["高雄精機"]
    assert abbreviated_names("Did Kaohsiung Machinery open?", _translate, TEXT) == ["高雄精機"]  # not "Did Kaohsiung"


def test_no_short_name_is_made_up_where_the_report_has_none():
    assert abbreviated_names("Where is Kaohsiung Airport?", _translate, "高雄港務局") == []
    assert abbreviated_names("where is kaohsiung machinery?", _translate, TEXT) == []  # not written as a name


READINGS = {"奧": "ao", "里": "li", "利": "li", "諾": "nuo", "港": "gang", "安": "an", "岸": "an", "娜": "na",
            "那": "na nei", "左": "zuo", "在": "zai", "哪": "na", "理": "li", "務": "wu", "局": "ju", "帶": "dai",
            "一": "yi", "的": "de", "伊": "yi", "絲": "si", "紀": "ji", "幾": "ji", "博": "bo", "波": "bo", "偉": "wei",
            "環": "huan", "換": "huan", "法": "fa", "發": "fa", "要": "yao", "嗎": "ma"}  # fmt: skip
REPORT = "奧里諾港務局位於河口。安娜伊絲副市長接待。河的左岸是舊城。紀博偉主任說明。環法賽事。"
NAMES = ["奧里諾港務局", "安娜伊絲", "紀博偉主任", "環法"]


def _sound_alikes(words: frozenset[str] = frozenset()) -> SoundAlikes:
    return SoundAlikes(NAMES, READINGS, REPORT.count, words.__contains__)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("奧利諾港務局在哪？", "奧里諾港務局在哪？"),  # another transliteration of the report's name
        ("奧利諾在哪？", "奧里諾在哪？"),  # the first three characters of a longer one
        ("左岸那一帶的舊城？", "左岸那一帶的舊城？"),  # 岸那 sounds like 安娜, only the start of a name
        ("奧里諾在哪？", "奧里諾在哪？"),  # written as the report writes it
        ("分成幾波回來？", "分成幾波回來？"),  # 幾波 sounds like 紀博, the start of a name: too short to tell
        ("護照要換發嗎？", "護照要換發嗎？"),  # sounds like the whole name 環法, but every character differs
        ("奧利諾港灣的船？", "奧利諾港灣的船？"),  # 諾港 is the report's pair, but the name goes on otherwise
    ],
)
def test_a_name_written_with_other_characters_of_the_same_sounds_is_read_as_the_reports(question, expected):
    assert _sound_alikes().respell(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("奧萊諾港務局在哪？", "奧里諾港務局在哪？"),  # one syllable between its ends written otherwise (萊 for 里)
        ("拉奧萊諾港務局在哪？", "拉奧里諾港務局在哪？"),  # an article's syllable before it (La …) stays
        ("安娜萊絲說了什麼？", "安娜伊絲說了什麼？"),  # its own pair 安娜 is no other word of the report's
        ("奧萊萊港務局在哪？", "奧萊萊港務局在哪？"),  # two characters otherwise: another word
        ("澳里諾港務局在哪？", "澳里諾港務局在哪？"),  # its first character otherwise (and of no known sound)
        ("紀萊偉主任說了什麼？", "紀博偉主任說了什麼？"),
        ("紀萊偉說了什麼？", "紀萊偉說了什麼？"),  # a name's start without the name's next characters after it
        ("奧萊諾在哪？", "奧萊諾在哪？"),
        ("環萊法", "環萊法"),  # a two-character name has nothing between its ends
    ],
)
def test_a_name_written_with_one_other_character_between_its_ends_is_read_as_the_reports(question, expected):
    assert _sound_alikes().respell(question) == expected


def test_a_whole_name_written_otherwise_around_a_dictionary_word_is_that_word():
    assert _sound_alikes(frozenset({"萊絲"})).respell("安娜萊絲說了什麼？") == "安娜萊絲說了什麼？"


def test_a_dictionary_word_sounding_like_a_name_is_left_as_it_is():
    assert _sound_alikes(frozenset({"奧利諾"})).respell("奧利諾在哪？") == "奧利諾在哪？"


def test_only_names_that_transliterate_are_matched_by_sound():
    glossary = {"orino systems": "奧里諾系統", "big data": "開放大數據", "rotterdam": "鹿特丹"}
    assert transliterated_names(glossary, _english) == ["奧里諾", "鹿特丹"]


ENGLISH = {"systems": ["系統"], "port": ["港口", "港"], "big": ["大"], "data": ["數據", "大數據"]}


def _english(text: str) -> list[str]:
    return [w for word in text.split() for w in ENGLISH.get(word, [])]


@pytest.mark.parametrize(
    ("latin", "name", "head"),
    [
        ("orino systems", "奧里諾系統", "奧里諾"),  # 奧里諾 transliterates Orino, 系統 translates "systems"
        ("big data", "開放政府大數據", ""),  # "big" translates: no name's head
        ("orino", "奧里諾", ""),  # one word: the name is its head
        ("orino port", "奧里諾", ""),  # the Chinese name ends in no translation of "port"
    ],
)
def test_a_names_head_is_the_transliteration_before_its_translated_words(latin, name, head):
    assert name_head(latin, name, _english) == head


def test_a_head_another_name_holds_without_this_one_is_no_alias():
    glossary = {"orino city hall": "奧里諾市政廳", "orino": "奧里諾市"}  # 奧里諾 is the city's too
    assert "奧里諾" not in build_aliases(
        glossary,
        {},
        lambda w: 3,
        translate=lambda t: ENGLISH.get(t, []) + (["市政廳"] if t == "hall" else ["市"] if t == "city" else []),
    )


def test_a_names_head_is_an_alias_even_where_the_report_writes_it():
    aliases = build_aliases({"orino systems": "奧里諾系統"}, {}, lambda w: 3, translate=_english)
    assert aliases == {"奧里諾": "奧里諾系統"}
    assert expand_aliases("去奧里諾總部那天？", aliases) == "去奧里諾系統總部那天？"
    assert expand_aliases("奧里諾系統在哪？", aliases) == "奧里諾系統在哪？"  # inside the name, as written


def test_a_latin_word_spelling_a_reports_han_name_in_pinyin_finds_it():
    readings = {"港": "gang", "灣": "wan", "新": "xin", "區": "qu ou", "本": "ben", "市": "shi"}
    names = PinyinNames("本市推動新灣區", readings, is_word=lambda w: w == "本市")
    assert names.names("How big is the Xinwanqu site?") == ["新灣區"]
    assert names.names("How big is the Xinwanou site?") == ["新灣區"]  # a character read two ways
    assert names.names("How big is the Benshi site?") == []  # a dictionary word is glossed, not spelled
    assert names.names("Is Gangwan far?") == []  # the reports write no 港灣
    known = PinyinNames("本市推動新灣區", readings, is_word=lambda w: False, known=lambda w: w == "xinwanqu")
    assert known.names("How big is the Xinwanqu site?") == []  # a name the dictionary glosses is its own


def test_an_acronym_the_report_writes_with_dots_is_matched_without_them():
    text = fold("由 R.P.A. 港務處接待，簡報內容（e.g. 自動化碼頭）。")
    frequency = lambda word: text.count(word)  # noqa: E731
    aliases = build_aliases({}, {}, frequency, text=text)
    assert aliases == {"RPA": "R.P.A."}  # not "EG": two letters are no acronym
    assert expand_aliases("RPA 是誰接待的？", aliases) == "R.P.A. 是誰接待的？"
    assert expand_aliases("Who met them at RPA?", aliases) == "Who met them at R.P.A.?"
    assert expand_aliases("Is SHARPAX a company?", aliases) == "Is SHARPAX a company?"  # letters inside a word
    assert expand_aliases("RPA2017 的計畫", aliases) == "RPA2017 的計畫"  # part of a code
    assert build_aliases({}, {}, frequency, text=fold("由 R.P.A 港務處接待")) == {"RPA": "R.P.A"}  # no final dot
    assert build_aliases({}, {}, frequency, text=fold("編號 r.p.a.b2 的計畫")) == {}  # letters of a code
    assert expand_aliases("Who met them?", {"WHO": "W.H.O."}) == "Who met them?"  # as written: a word's not
