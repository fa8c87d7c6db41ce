"""Tests for scoring: metrics on a hand-checked case, bootstrap intervals, list recall."""

from __future__ import annotations

import pytest

from assistant.evaluation.metrics import bootstrap_interval, metrics_by_scope
from assistant.evaluation.questions import Question, load_questions
from assistant.evaluation.run import run_eval


def test_metrics_on_a_hand_checked_case(fake_result):
    questions = [
        Question("a", "a", "en", ("e",)),
        Question("b", "b", "en", ("e",)),
        Question("u", "u", "en", (), False),
    ]
    results = [
        fake_result("a", [1]),  # relevant at rank 1
        fake_result("b", [3], correct_answer=False),  # relevant at rank 3
        fake_result("u", [], answerable=False, abstained=True),
    ]
    relevant = {"a": {"s:10-15"}, "b": {"s:30-35"}}
    m = metrics_by_scope(questions, results, relevant)["all"]
    assert m["hit@1"] == 0.5  # a yes, b no
    assert m["hit@3"] == 1.0 and m["hit@5"] == 1.0
    assert m["mrr@10"] == pytest.approx((1 + 1 / 3) / 2, abs=1e-4)
    assert m["ndcg@10"] == pytest.approx((1 + 0.5) / 2, abs=1e-4)  # 1/log2(3+1) = 0.5
    assert m["answer_acc"] == 0.5
    assert m["abstain_p"] == 1.0 and m["abstain_r"] == 1.0 and m["false_abstain"] == 0.0


def test_mrr_interval_holds_the_figure_and_narrows_with_more_questions():
    ranks = [1.0, 1.0, 0.5, 1.0, 1 / 3, 1.0, 0.0, 1.0]
    low, high = bootstrap_interval(ranks)
    assert low < sum(ranks) / len(ranks) < high
    wide, narrow = high - low, (lambda i: i[1] - i[0])(bootstrap_interval(ranks * 10))
    assert narrow < wide / 2
    assert bootstrap_interval(ranks) == (low, high)  # a fixed seed: the report repeats
    assert bootstrap_interval([1.0, 1.0, 1.0]) is None  # resampling cannot widen it: no interval at all
    assert bootstrap_interval([0.5]) is None


def test_list_recall_counts_the_items_a_complete_answer_quotes(assistant, question_file):
    path = question_file(
        {
            "id": "l",
            "question": "出國人員有哪些人？",
            "evidence": ["林佳龍"],
            "evidence_all": ["林佳龍", "張光瑤", "不存在的人"],
        }
    )
    [result] = run_eval(assistant, load_questions(path).questions, ["hybrid"], top_k=5).results
    assert result["list_recall"] == pytest.approx(2 / 3, abs=1e-3)
