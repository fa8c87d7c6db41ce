"""What an answer is about: a quoted itinerary row points at the visits it names, any other quote at its section."""

from __future__ import annotations

from assistant.chat import Conversation, points_back
from assistant.focus import answer_sections

VISIT = "參、考察過程 › 二、參訪鹿特丹港務局"
MEETING = "參、考察過程 › 三、拜會阿姆斯特丹市議會"


def test_a_quoted_itinerary_row_is_about_the_visit_sections_it_names(port_assistant):
    answer = port_assistant.ask("5 號上午去了哪裡？")
    assert any("參訪鹿特丹港務局" in q.quote and "\t" in q.quote for q in answer.quotes)
    assert [label for _, label in answer_sections(answer, port_assistant.index)] == [VISIT]


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
