"""Tests for the copy check: a question reusing 6+ characters of the report's wording is a copy."""

from __future__ import annotations

import pytest

from assistant.evaluation.leakage import check, leakage_table, longest_shared_run, masked_question
from assistant.evaluation.questions import Question

REPORT = "市長於 6 月 18 日率團參訪港務局，由該局副局長全程接待並簡報港區的智慧物流系統。"


@pytest.mark.parametrize(
    ("question", "names", "copied"),
    [
        ("由該局副局長全程接待的是哪裡？", (), True),  # copies 由該局副局長全程接待
        ("誰出來招呼訪團？", (), False),
        ("6 月 18 日那天去了哪？", (), False),  # dates do not count
        ("港區的智慧物流是什麼", (), True),
        ("港區的智慧物流是什麼", ("港區的智慧物流",), False),  # a declared name is exempt
        ("港区的智慧物流是什么", (), True),  # Simplified is compared as Traditional
    ],
)
def test_a_question_is_a_copy_when_it_shares_six_characters_outside_names_and_numbers(question, names, copied):
    [leak] = check([Question("q", question, "zh-TW", names=names)], [REPORT])
    assert leak.copied == copied, leak.run


def test_english_questions_are_not_checked():
    assert check([Question("e", "Who received the delegation at the port authority?", "en")], [REPORT]) == []


def test_the_shared_run_never_crosses_a_masked_name_or_number():
    masked = masked_question("2017 港務局 ABC 接待", ())
    assert longest_shared_run(masked, "港務局接待") == "港務局"


def test_the_leakage_table_of_english_questions_alone_is_empty_not_an_error():
    table, share = leakage_table([Question("e", "Who went?", "en", ("x",))], [])
    assert share == 1.0 and "| all |" not in table
