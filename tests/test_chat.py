"""Follow-up questions are read against the conversation."""

from __future__ import annotations

import pytest

from assistant.chat import Conversation, needs_context


@pytest.mark.parametrize(
    ("question", "follow_up"),
    [
        ("那巴黎呢？", True),
        ("由誰接待？", True),
        ("and who hosted them?", True),
        ("What about EDF?", True),
        ("Sigfox 在多少個國家提供服務？", False),
        ("法國政府持有法國電力集團多少股份？", False),
        ("How large is Parc de Bercy?", False),
    ],
)
def test_needs_context(question, follow_up):
    assert needs_context(question) is follow_up


def test_follow_up_question_uses_previous_topic(assistant):
    chat = Conversation(assistant)
    chat.ask("巴黎綠蔭步道全長幾公里？")
    answer = chat.ask("誰設計的？")
    assert any(
        "Patrick BERGER" in q.quote and q.section.endswith("參訪巴黎綠蔭步道（Promenade plantée）")
        for q in answer.quotes
    )
    assert answer.question == "誰設計的？"
    assert "巴黎綠蔭步道全長幾公里" in answer.notices[0]


def test_follow_up_on_who_received_the_delegation(assistant):
    chat = Conversation(assistant)
    chat.ask("市長在法國企業聯盟總部做了什麼？")
    answer = chat.ask("由誰接待？")
    assert any("Gerard Wolf 主席接待" in q.quote for q in answer.quotes)
    assert not any("Gerard Wolf" in q.quote for q in assistant.ask("由誰接待？").quotes)


def test_standalone_question_ignores_history(assistant):
    chat = Conversation(assistant)
    chat.ask("巴黎綠蔭步道全長幾公里？")
    answer = chat.ask("法國政府持有法國電力集團多少股份？")
    assert answer.notices == []
    assert any("84.5%" in q.quote for q in answer.quotes)
