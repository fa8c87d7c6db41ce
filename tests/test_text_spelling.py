"""A Simplified question converted as the reports write it, where one Simplified character stands for several."""

from __future__ import annotations

from assistant.text.normalize import fold, normalize_query, to_traditional
from assistant.text.spelling import ReportSpelling

# A made-up report: a town whose name keeps 里 (not 裡), an agreement signed (簽, never 籤), a harvest written 獲.
REPORT = fold("局長拜會奧里諾市市長，參觀奧里諾港，並與港務局簽署合作備忘錄，獲得熱烈迴響。奧里諾市位於海岸。")


def test_a_name_keeps_the_character_the_reports_write_in_it():
    assert "奧裡諾" in to_traditional("奥里诺市长是谁？")  # the converter's own choice
    assert normalize_query("奥里诺市长是谁？", ReportSpelling(REPORT)) == "奧里諾市長是誰?"


def test_a_character_the_reports_never_write_gives_way_to_the_one_they_do():
    assert "籤的" in to_traditional("跟港务局签的备忘录写了什么？")
    assert "簽的備忘錄" in normalize_query("跟港务局签的备忘录写了什么？", ReportSpelling(REPORT))


def test_a_dictionary_word_keeps_the_converters_choice():
    # 收穫 is a word: that the reports write 獲 elsewhere and never 穫 does not make it 收獲.
    words = {fold("收穫"), fold("收獲")}
    assert "收穫" in normalize_query("这次有什么收获？", ReportSpelling(REPORT, words.__contains__))


def test_traditional_questions_are_left_as_asked():
    spelling = ReportSpelling(REPORT)
    assert normalize_query("奧裡諾市長是誰？", spelling) == "奧裡諾市長是誰?"  # not converted: nothing to correct
