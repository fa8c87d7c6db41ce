"""What an answer is about: a quoted itinerary row points at the visits it names, any other quote at its section."""

from __future__ import annotations

from dataclasses import replace

from assistant.chat import Conversation, points_back
from assistant.focus import answer_sections, listed_sections

VISIT = "參、考察過程 › 二、參訪鹿特丹港務局"
MEETING = "參、考察過程 › 三、拜會阿姆斯特丹市議會"


def test_a_quoted_itinerary_row_is_about_the_visit_sections_it_names(port_assistant):
    answer = port_assistant.ask("5 號上午去了哪裡？")
    assert any("參訪鹿特丹港務局" in q.quote and "\t" in q.quote for q in answer.quotes)
    assert [label for _, label in answer_sections(answer, port_assistant.index)] == [VISIT]


def test_what_an_answer_listed_is_its_quoted_visits_in_order_or_else_its_rows_visits(port_assistant):
    answer = port_assistant.ask("3/5 和 3/6 上午去了哪裡？")  # the rows, then a sentence of each visit
    listed = [label.split(" › ")[-1] for _, label in listed_sections(answer, port_assistant.index)]
    assert listed == ["二、參訪鹿特丹港務局", "三、拜會阿姆斯特丹市議會"]
    answer = port_assistant.ask("5 號上午去了哪裡？")
    rows_only = replace(answer, quotes=[q for q in answer.quotes if "\t" in q.quote])  # the row alone
    assert rows_only.quotes and len(rows_only.quotes) < len(answer.quotes)
    assert [label for _, label in listed_sections(rows_only, port_assistant.index)] == [VISIT]  # the row's visit


def test_a_quoted_sentence_is_about_its_own_section(port_assistant):
    answer = port_assistant.ask("鹿特丹港一年吞吐多少貨物？")
    assert answer.quotes and [label for _, label in answer_sections(answer, port_assistant.index)] == [VISIT]


def test_a_follow_up_pointing_back_is_answered_from_the_visit_the_previous_answer_named(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("6 號上午去了哪裡？")
    assert [label for _, label in chat.focus] == [MEETING]
    answer = chat.ask("對方由誰接待？")
    assert answer.passages[0].section == MEETING
    assert not answer.abstained and "德弗里斯" in answer.quotes[0].quote


def test_a_follow_up_naming_something_the_previous_visit_never_writes_is_not_held_to_it(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("6 號上午去了哪裡？")
    answer = chat.ask("那港務局那邊由誰接待？")
    assert answer.passages[0].section == VISIT


def test_pointing_back_needs_a_pointing_word_and_no_new_name():
    assert points_back("對方派了誰出來？") and points_back("who met them there?")
    assert not points_back("誰設計的？") and not points_back("Who met them at UNESCO?")


def test_the_cover_or_the_member_list_is_no_focus_for_a_follow_up(port_assistant):
    answer = port_assistant.ask("這次出國的成員有哪些人？")
    assert answer.quotes and answer_sections(answer, port_assistant.index) == []


def _rows(answer) -> list[str]:
    """Return an itinerary answer's rows, checking that every other quote is a visit's sentence telling of it."""
    assert all(q.quote.startswith("局長於") for q in answer.quotes if "\t" not in q.quote)
    return [q.quote for q in answer.quotes if "\t" in q.quote]


def _day(assistant, first_cell: str) -> str:
    """Return the itinerary rows of the day whose row starts with `first_cell`, as one answer quotes them."""
    text = assistant.index.document(assistant.sources[0]).text
    start = text.index(first_cell)
    end = start
    for line in text[start:].split("\n")[:2]:
        if line.startswith((first_cell, "\t")):
            end += len(line) + 1
    return text[start : end - 1]


def test_an_answer_is_about_the_day_of_its_quoted_row_or_of_the_visit_it_quotes(port_assistant):
    from assistant.focus import answer_days

    doc, visit_days = port_assistant.sources[0], port_assistant.template.visit_days
    row = port_assistant.ask("6 號上午去了哪裡？")
    sentence = port_assistant.ask("鹿特丹港一年吞吐多少貨物？")  # the visit's first sentence: its second dates it
    assert answer_days(row, port_assistant.index, visit_days) == ((doc, "3/6"),)
    assert answer_days(sentence, port_assistant.index, visit_days) == ((doc, "3/5"),)
    assert answer_days(sentence, port_assistant.index) == ()  # nothing to read a visit's day with


def test_that_day_and_the_next_day_are_counted_from_the_previous_answers_day(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("鹿特丹港一年吞吐多少貨物？")
    assert [q.quote for q in chat.ask("那天下午呢？").quotes] == [_day(port_assistant, "3/5 (二)")]
    assert _rows(chat.ask("隔天呢？")) == [_day(port_assistant, "3/6 (三)")]  # its visit's sentence follows
    assert _rows(chat.ask("前一天呢？")) == [_day(port_assistant, "3/5 (二)")]


def test_a_chain_of_next_days_counts_from_each_answer_in_turn(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("3/4 上午去了哪？")
    assert _rows(chat.ask("隔天呢？")) == [_day(port_assistant, "3/5 (二)")]
    assert _rows(chat.ask("隔天呢？")) == [_day(port_assistant, "3/6 (三)")]
    assert chat.ask("那天下午呢？").quotes[0].quote.startswith("3/6 (三)")
    answer = chat.ask("隔天呢？")  # 3/7: the itinerary has no such day, so no row of another day is read off it
    assert answer.signals["template"] == 0.0 and not any(q.quote.startswith("3/8") for q in answer.quotes)


def test_the_day_of_a_visit_a_question_names_is_that_visits_day(port_assistant):
    answer = port_assistant.ask("去港務局那天還去了哪？")
    assert _rows(answer) == [_day(port_assistant, "3/5 (二)")]


def test_the_days_a_question_names_are_what_its_answer_was_about(port_assistant):
    from assistant.focus import answer_days

    doc, visit_days = port_assistant.sources[0], port_assistant.template.visit_days
    sentence = port_assistant.ask("鹿特丹港一年吞吐多少貨物？")  # a 3/5 visit's sentence
    assert answer_days(sentence, port_assistant.index, visit_days, named=["3/6"]) == ((doc, "3/6"),)
    chat = Conversation(port_assistant)
    chat.ask("3月6日那天，鹿特丹港一年吞吐多少貨物？")  # the day the question names, whatever is quoted
    assert chat.days == ((doc, "3/6"),)
