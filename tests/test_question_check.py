"""Checks before any work: argument types and ranges, empty and oversized questions, prose or not."""

from __future__ import annotations

import json

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.question_check import (
    ArgumentError,
    checked_arguments,
    checked_reports,
    has_report_language_words,
    question_problem,
)


@pytest.mark.parametrize(
    ("text", "has_words"),
    [
        ("Sigfox 在多少個國家提供服務？", True),
        ("When was MEDEF founded?", True),
        ("What share of EDF's 2014 electricity was carbon-free?", True),
        ("6/18 的行程", True),
        ("<b>EDF</b>", True),
        ('{"q": "在多少個國家"', True),  # not valid JSON: its Han words count
        ("asdfgh", True),  # a word, just not the report's: retrieval abstains on it
        ("../../../../etc/passwd", False),
        ("/etc/passwd", False),
        ("C:\\Windows\\win.ini", False),
        ("file:///etc/passwd http://example.com/x", False),
        ('{"question": "When was MEDEF founded?"}', False),
        ("[1, 2, 3]", False),
        ("<script>alert(1)</script>", False),
        ("<!-- x --><br/>&nbsp;", False),
        ('print("hello"); x = 1', False),
        ("os.path.join", False),
        ("🙂🙂🙂", False),
        ("12345 ??? !!!", False),
    ],
)
def test_report_language_words_are_told_from_paths_data_markup_and_code(text, has_words):
    assert has_report_language_words(text) is has_words


def test_every_eval_question_has_report_language_words():
    lines = (PROJECT_ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()]
    assert questions and [q for q in questions if not has_report_language_words(q)] == []


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        ("", "問題是空的"),
        (" \t\u200b ", "問題是空的"),
        ("x" * 101, "the question is 101 characters long; the limit is 100"),
        ("x" * 100, None),
    ],
)
def test_question_problem(question, problem):
    found = question_problem(question, 100)
    assert found == problem if problem is None else found.startswith(problem)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((None, 5, "hybrid"), "question must be text, got null"),
        ((["EDF"], 5, "hybrid"), 'question must be text, got ["EDF"]'),
        (("EDF", "five", "hybrid"), 'top_k must be a whole number from 1 to 50, got "five"'),
        (("EDF", 2.5, "hybrid"), "top_k must be a whole number from 1 to 50, got 2.5"),
        (("EDF", True, "hybrid"), "top_k must be a whole number from 1 to 50, got true"),
        (("EDF", 0, "hybrid"), "top_k must be a whole number from 1 to 50, got 0"),
        (("EDF", 5, "fuzzy"), 'mode must be one of hybrid, dense, lexical, got "fuzzy"'),
        (("EDF", 5, 3), "mode must be one of hybrid, dense, lexical, got 3"),
    ],
)
def test_wrong_argument_types_get_the_message_the_user_sees(args, message):
    with pytest.raises(ArgumentError) as caught:
        checked_arguments(*args, Settings())
    assert str(caught.value) == message


def test_whole_float_top_k_is_accepted():
    assert checked_arguments("EDF", 3.0, "dense", Settings()) == ("EDF", 3, "dense")


@pytest.mark.parametrize(
    ("reports", "expected"),
    [(None, None), ([], None), (["a.pdf", " corpus/b.docx "], ["a.pdf", "corpus/b.docx"])],
)
def test_report_names_an_api_caller_limits_a_question_to(reports, expected):
    assert checked_reports(reports, 3) == expected


@pytest.mark.parametrize(
    ("reports", "message"),
    [
        ("a.pdf", 'reports must be a list of report names (file names), got "a.pdf"'),
        ([1], "reports must be a list of report names (file names), got [1]"),
        (["  "], 'reports must be a list of report names (file names), got ["  "]'),
        (["a", "b", "c", "d"], "reports lists 4 reports; at most 3 may be chosen (setting max_chosen_reports)"),
    ],
)
def test_report_names_of_the_wrong_type_or_too_many_are_refused(reports, message):
    with pytest.raises(ArgumentError) as caught:
        checked_reports(reports, 3)
    assert str(caught.value) == message


def test_an_abbreviation_written_with_dots_is_a_word_not_a_dotted_path():
    assert has_report_language_words("那 A.S.O. 呢？")  # a name, in a follow-up
    assert has_report_language_words("Who met them at A.S.O.?")
    assert not has_report_language_words("os.path.join")  # still code
    assert not has_report_language_words("a.b.c")
