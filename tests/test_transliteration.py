"""Tests for matching a question's Latin names to the reports' Chinese transliterations by sound."""

from __future__ import annotations

import pytest

from assistant.transliteration import Transliterations, latin_sounds, sounds_alike

# A made-up report's text (folded) and the toneless readings of its characters.
TEXT = "本府參訪克萊蒙特集團總部，並與維倫紐市長會面，另參觀港口設施並保留展區。"
READINGS = {
    "克": "ke",
    "萊": "lai",
    "蒙": "meng",
    "特": "te",
    "維": "wei",
    "倫": "lun",
    "紐": "niu",
    "保": "bao",
    "留": "liu",
}
WORDS = {"保留", "集團", "總部"}


def transliterations(known=lambda word: False) -> Transliterations:
    return Transliterations(TEXT, READINGS, lambda pair: pair in WORDS, known)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Who hosted us at Clermont's headquarters?", {"clermont": "克萊蒙特"}),
        ("Did the mayor of Villeneuve meet the delegation?", {"villeneuve": "維倫紐"}),
    ],
)
def test_a_latin_name_the_report_writes_only_in_chinese_is_found_by_its_sounds(question, name):
    assert transliterations().names(question) == name


@pytest.mark.parametrize(
    "question",
    [
        "Did they visit Barcelona?",  # no run of the report sounds so
        "Could the mayor meet Clermont?",  # an English word ("Could") and a name the dictionary glosses
        "Did they meet Villeneuve?",  # a name the report writes in letters itself, accents aside
    ],
)
def test_a_name_sounding_like_no_run_or_known_otherwise_finds_nothing(question):
    text = TEXT + "另與 Villeneuve 市府交流。" if "Villeneuve" in question else TEXT
    known = lambda word: word in ("could", "clermont")  # noqa: E731
    assert Transliterations(text, READINGS, lambda pair: pair in WORDS, known).names(question) == {}


def test_a_name_written_with_accents_in_the_report_is_the_reports_own():
    text = TEXT + "另與 Villéneuve 市府交流。"
    assert Transliterations(text, READINGS, lambda pair: pair in WORDS).names("Did they meet Villeneuve?") == {}


def test_a_run_holding_a_dictionary_word_is_no_transliteration():
    # 盧卡斯 reads lu ka si, as "Lucas" sounds; with 卡斯 a dictionary word it is read as words, no name
    readings = {**READINGS, "盧": "lu", "卡": "ka", "斯": "si"}
    text = "並參訪盧卡斯區。"
    assert Transliterations(text, readings, lambda pair: pair == "卡斯").names("Did they meet Lucas?") == {}
    assert Transliterations(text, readings, lambda pair: False).names("Did they meet Lucas?") == {"lucas": "盧卡斯"}


def test_two_runs_sounding_alike_tell_neither():
    readings = {**READINGS, "柯": "ke", "德": "de"}
    text = TEXT + "並拜訪柯萊蒙德公司。"
    both = Transliterations(text, readings, lambda pair: pair in WORDS)
    assert both.names("Who hosted us at Clermont?") == {}


def test_syllables_open_on_the_names_consonants_in_order():
    clermont = latin_sounds("Clermont")
    assert sounds_alike(clermont, "KLMT")  # 克萊蒙特: the n before t dropped
    assert not sounds_alike(clermont, "LKMT")  # out of order
    assert not sounds_alike(latin_sounds("Amelia"), "KLM")  # a name opening on a vowel, syllables on a consonant
