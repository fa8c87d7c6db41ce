"""Tests for eval splits: whole passages and conversations go to one split, and the test split's checksum."""

from __future__ import annotations

import json

from assistant.evaluation.questions import Question
from assistant.evaluation.splits import assign_splits, frozen_checksum

REPORT = "\n".join(f"第{i}段：這是第{i}個段落的內容。" for i in range(40))


def test_questions_about_one_paragraph_or_one_conversation_share_a_split():
    questions = [Question(f"p{i}{j}", "?", evidence=(f"第{i}個段落",)) for i in range(40) for j in range(2)]
    questions += [Question(f"c{t}", "?", conversation="c", turn=t, evidence=("第1個段落",)) for t in (1, 2, 3)]
    split = assign_splits(questions, REPORT, test_share=0.4, seed=1)
    for i in range(40):
        assert split[f"p{i}0"] == split[f"p{i}1"]
    assert split["c1"] == split["c2"] == split["c3"]
    share = sum(s == "test" for s in split.values()) / len(split)
    assert 0.3 <= share <= 0.4


def test_the_checksum_changes_when_a_test_question_changes_and_not_for_dev():
    lines = [json.dumps({"id": "a", "question": "甲？", "split": "test"}), json.dumps({"id": "b", "split": "dev"})]
    edited_test = [json.dumps({"id": "a", "question": "乙？", "split": "test"}), lines[1]]
    edited_dev = [lines[0], json.dumps({"id": "b", "question": "丙", "split": "dev"})]
    assert frozen_checksum(lines) != frozen_checksum(edited_test)
    assert frozen_checksum(lines) == frozen_checksum(edited_dev)
