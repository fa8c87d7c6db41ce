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
        "Who hosted us at the port?",  # no capitalized name
        "Did they meet Clermont?",  # a name the dictionary glosses is its own word
    ],
)
def test_a_name_sounding_like_no_run_or_known_otherwise_finds_nothing(question):
    known = lambda word: word == "clermont"  # noqa: E731
    assert transliterations(known if "meet" in question else lambda word: False).names(question) == {}


def test_a_dictionary_word_of_name_characters_is_no_transliteration():
    # 保留 (keep) is written with characters names use, but is a word: "Bali" may not be read as it
    text = "保留區"
    found = Transliterations(text, READINGS, lambda pair: pair in WORDS).names("Did they go to Bali?")
    assert found == {}


def test_two_runs_sounding_alike_tell_neither():
    readings = {**READINGS, "柯": "ke", "門": "men", "德": "de"}
    text = TEXT + "並拜訪柯萊門德公司。"
    both = Transliterations(text, readings, lambda pair: pair in WORDS)
    assert both.names("Who hosted us at Clermont?") == {}


def test_syllables_open_on_the_names_consonants_in_order():
    clermont = latin_sounds("Clermont")
    assert sounds_alike(clermont, "KLMT")  # 克萊蒙特: the n before t dropped
    assert not sounds_alike(clermont, "LKMT")  # out of order
    assert not sounds_alike(latin_sounds("Amelia"), "KLM")  # a name opening on a vowel, syllables on a consonant
