"""Tests for the eval run: any question file in the format, conversations played through the follow-up path."""

from __future__ import annotations

from assistant.evaluation.questions import load_questions
from assistant.evaluation.run import run_eval


def test_any_question_file_in_the_format_works(assistant, question_file):
    path = question_file({"id": "x1", "question": "EDF 政府持股多少？", "lang": "zh-TW", "evidence": ["84.5%"]})
    report = run_eval(assistant, load_questions(path).questions, ["hybrid", "lexical"], top_k=5)
    assert set(report.metrics) == {"hybrid", "lexical"}
    assert report.metrics["hybrid"]["all"]["hit@1"] == 1.0
    r = report.results[0]
    assert {"id", "question", "lang", "answerable", "abstained", "answer", "passages"} <= set(r)
    assert len(r["passages"]) == 5 and "highlights" in r["passages"][0]


def test_a_conversation_is_played_in_order_through_the_follow_up_path(assistant, question_file, monkeypatch):
    from assistant import chat

    asked = []
    original = chat.Conversation.ask

    def recording(self, question, **kwargs):
        asked.append((question, list(self.history)))
        return original(self, question, **kwargs)

    monkeypatch.setattr(chat.Conversation, "ask", recording)
    path = question_file(
        {"id": "t2", "question": "由誰接待？", "evidence": ["全程接待"], "conversation": "c", "turn": 2},
        {"id": "t1", "question": "市長哪一天參訪 Sigfox？", "evidence": ["6 月 18 日"], "conversation": "c", "turn": 1},
    )
    report = run_eval(assistant, load_questions(path).questions, ["hybrid"], top_k=5)
    assert [q for q, _ in asked] == ["市長哪一天參訪 Sigfox？", "由誰接待？"]
    assert asked[1][1] != []  # the second turn was asked with the first in the conversation's history
    assert [r["id"] for r in report.results] == ["t2", "t1"]  # reported in the file's order
