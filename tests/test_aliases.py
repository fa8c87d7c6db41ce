"""Tests for aliases: other names staff use for a report's parties, read as the report's own name."""

from __future__ import annotations

import pytest

from assistant.aliases import abbreviated_names, abbreviations, build_aliases, expand_aliases


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
