"""Shared word lists and name spotting: question words are never names, genre words are never translated."""

from __future__ import annotations

import pytest

from assistant.text.words import ENGLISH_STOPWORDS, QUESTION_STOPWORDS, capitalized_names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("What did the Mayor sign with UNESCO?", ["UNESCO"]),
        ("Who designed the Promenade plantée?", ["Promenade"]),
        ("Did they visit São-Tomé or the iPhone maker?", ["São-Tomé", "iPhone"]),
        ("when was it founded?", []),
        ("Did they go to its HQ too? Was an MOU signed there?", []),  # abbreviations of common nouns, no names
    ],
)
def test_capitalized_words_are_names_unless_they_are_question_or_genre_words(text, names):
    assert capitalized_names(text) == names


def test_a_possessives_s_is_no_part_of_a_name():
    assert capitalized_names("Who met them at Maersk's head office? O'Brien's team?") == ["Maersk", "O'Brien"]


def test_short_capitalized_words_can_be_left_out():
    assert capitalized_names("Did the EU meet Airbus?", min_chars=3) == ["Airbus"]
    assert capitalized_names("Did the EU meet Airbus?") == ["EU", "Airbus"]


def test_question_words_are_stopwords_in_both_lists():
    assert {"什麼", "哪裡", "what", "where", "report"} <= QUESTION_STOPWORDS
    assert {"what", "where", "delegation", "visited"} <= ENGLISH_STOPWORDS


def test_a_name_written_straight_after_chinese_characters_is_found():
    assert capitalized_names("去Maersk總部那次是誰接待的？") == ["Maersk"]  # no space beside the Han characters
    assert capitalized_names("港務局的iPhone應用") == ["iPhone"]
