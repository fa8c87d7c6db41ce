"""A follow-up naming only another place or party asks the previous question of it."""

from __future__ import annotations

import pytest

from assistant.subjects import PARTY, PLACE, SubjectFinder, switched

GLOSSARY = {
    "rotterdam": "鹿特丹市",
    "amsterdam": "阿姆斯特丹",
    "port authority": "鹿特丹港務局",
    "city council": "阿姆斯特丹市議會",
}
FINDER = SubjectFinder(["鹿特丹", "阿姆斯特丹"], GLOSSARY)


def test_places_and_parties_are_found_longest_first_in_reading_order():
    text = "在鹿特丹港務局和阿姆斯特丹看了什麼？"
    found = [(text[s.start : s.end], s.kind) for s in FINDER.find(text)]
    assert found == [("鹿特丹港務局", PARTY), ("阿姆斯特丹", PLACE)]  # 鹿特丹 inside the party is not a place
    text = "What did the Port Authority show them in Rotterdam?"
    found = [(text[s.start : s.end], s.kind, s.name) for s in FINDER.find(text)]
    assert found == [("Port Authority", PARTY, "鹿特丹港務局"), ("Rotterdam", PLACE, "鹿特丹市")]  # 鹿特丹市: the city
    assert FINDER.find("What did the airport show them?") == []  # "port" inside a word is no name
    assert FINDER.find("What did the Rotterdamès show them?") == []  # nor before an accented letter


def test_a_name_that_is_a_place_and_a_glossary_name_is_found_as_the_place_whatever_the_order():
    for places in (["阿姆斯特丹", "鹿特丹"], ["鹿特丹", "阿姆斯特丹"]):
        finder = SubjectFinder(places, {"amsterdam": "阿姆斯特丹", "rotterdam": "鹿特丹"})
        assert [s.kind for s in finder.find("阿姆斯特丹")] == [PLACE]


@pytest.mark.parametrize(
    ("follow_up", "previous", "asked"),
    [
        ("那阿姆斯特丹那邊呢?", "在鹿特丹是誰接待的?", "在阿姆斯特丹是誰接待的?"),  # a place for a place
        ("至於阿姆斯特丹市議會呢?", "鹿特丹港務局由誰接待?", "阿姆斯特丹市議會由誰接待?"),
        ("那阿姆斯特丹市議會呢?", "在鹿特丹參訪鹿特丹港務局時由誰接待?", "在鹿特丹參訪阿姆斯特丹市議會時由誰接待?"),
        # English into a Chinese question goes in as the reports write it, and the other way as typed.
        ("What about Amsterdam?", "在鹿特丹是誰接待的?", "在阿姆斯特丹是誰接待的?"),
        (
            "What about the Port Authority?",
            "Who received them at the City Council?",
            "Who received them at the Port Authority?",
        ),
    ],
)
def test_a_follow_up_naming_only_another_subject_asks_the_previous_question_of_it(follow_up, previous, asked):
    assert switched(follow_up, previous, FINDER) == asked


@pytest.mark.parametrize(
    ("follow_up", "previous"),
    [
        ("那天下午呢?", "在鹿特丹是誰接待的?"),  # no subject named: a day's follow-up
        ("那阿姆斯特丹的行程呢?", "在鹿特丹是誰接待的?"),  # asks more than the name: not the same question
        ("What about Amsterdam's mayor?", "在鹿特丹是誰接待的?"),
        ("那阿姆斯特丹呢?", "那天是誰接待的?"),  # nothing in the previous question to swap
        ("那阿姆斯特丹呢?", "鹿特丹港務局由誰接待?"),  # a place for a party named after it: no swap
        ("那鹿特丹呢?", "在鹿特丹是誰接待的?"),  # the same subject
        ("What about Rotterdam?", "在鹿特丹是誰接待的?"),  # the same subject in the other script
    ],
)
def test_no_switch_without_a_new_subject_alone_and_one_of_its_kind_to_swap(follow_up, previous):
    assert switched(follow_up, previous, FINDER) is None


# A city's government as the glossary mines it from "大鹿特丹市政府（Rotterdam Métropole）": accents removed.
GOVERNED = SubjectFinder(
    ["鹿特丹", "阿姆斯特丹", "大阪"],
    GLOSSARY | {"rotterdam metropole": "大鹿特丹市政府", "osaka city government": "大阪市政府"},
)


def test_a_latin_name_written_with_its_accents_is_found_as_the_glossary_spells_it():
    text = "Who received them at Rotterdam Métropole?"
    found = [(text[s.start : s.end], s.kind, s.name) for s in GOVERNED.find(text)]
    assert found == [("Rotterdam Métropole", PARTY, "大鹿特丹市政府")]  # the party, not the city inside it


@pytest.mark.parametrize(
    ("follow_up", "previous", "asked"),
    [
        ("And in Amsterdam?", "Who received them at Rotterdam Métropole?", "Who received them at Amsterdam?"),
        ("那阿姆斯特丹呢?", "大鹿特丹市政府由誰接待?", "阿姆斯特丹由誰接待?"),
        ("那阿姆斯特丹呢?", "大阪市政府由誰接待?", "阿姆斯特丹由誰接待?"),  # 大 of the place's own name
    ],
)
def test_a_place_named_after_a_question_of_a_places_government_asks_it_of_the_new_place(follow_up, previous, asked):
    assert switched(follow_up, previous, GOVERNED) == asked


@pytest.mark.parametrize(
    ("follow_up", "previous"),
    [
        ("And in Rotterdam?", "Who received them at Rotterdam Métropole?"),  # the place it governs: the same subject
        ("那鹿特丹呢?", "大鹿特丹市政府由誰接待?"),
    ],
)
def test_the_place_a_government_governs_named_again_is_no_switch(follow_up, previous):
    assert switched(follow_up, previous, GOVERNED) is None


def test_only_a_places_own_government_stands_for_the_place():
    assert GOVERNED.governed_place("大鹿特丹市政府") == "鹿特丹"  # a metropolis's 大
    assert GOVERNED.governed_place("大阪市政府") == "大阪"  # a place's own 大
    assert GOVERNED.governed_place("阿姆斯特丹政府") == "阿姆斯特丹"
    assert GOVERNED.governed_place("鹿特丹港務局") == ""
    assert GOVERNED.governed_place("阿姆斯特丹市議會") == ""
    assert GOVERNED.governed_place("荷蘭政府") == ""  # a country the itineraries do not list as a place


def test_only_latin_letters_lose_their_accents_where_subjects_are_found():
    finder = SubjectFinder(["鹿特丹"], {"ガイド社": "ガイド社"})  # a kana name keeps its voicing marks
    assert [s.name for s in finder.find("ガイド社は？")] == ["ガイド社"]


def test_a_party_named_after_its_city_is_found_without_the_city_but_not_a_government_or_a_stub():
    finder = SubjectFinder(
        ["鹿特丹"], {"maritime museum": "鹿特丹海事博物館", "city": "鹿特丹市政府", "zoo": "鹿特丹園"}
    )
    found = [(s.name, s.kind) for s in finder.find("那海事博物館呢？")]
    assert found == [("鹿特丹海事博物館", PARTY)]
    assert finder.find("那市政府呢？") == [] and finder.find("那園呢？") == []
    assert switched("那海事博物館呢？", "鹿特丹園是哪天去的？", finder) == "鹿特丹海事博物館是哪天去的？"


def test_a_rest_two_parties_names_leave_names_neither():
    glossary = {"rotterdam port authority": "鹿特丹港務局", "amsterdam port authority": "阿姆斯特丹港務局"}
    finder = SubjectFinder(["鹿特丹", "阿姆斯特丹"], glossary)
    assert finder.find("那港務局呢？") == []
    assert switched("那港務局呢？", "阿姆斯特丹港務局由誰接待？", finder) is None
