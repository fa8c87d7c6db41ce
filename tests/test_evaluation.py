"""The eval runner: metrics on a hand-checked case, malformed question files, the CI gate."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT
from assistant.evaluation import (
    DEFAULT_BASELINE,
    DEFAULT_QUESTIONS,
    EvalReport,
    contains_evidence,
    gate,
    load_questions,
    run_eval,
)
from assistant.evaluation.metrics import bootstrap_interval
from assistant.evaluation.metrics import metrics_by_scope as _metrics_by_scope


def fake_result(qid, ranks_relevant, answerable=True, abstained=False, correct_answer=True):
    passages = [
        {"rank": r, "text": "x", "source": "s", "section": "", "start": r * 10, "end": r * 10 + 5, "score": 1.0 / r}
        for r in range(1, 11)
    ]
    return {
        "id": qid, "question": qid, "lang": "en", "kind": "", "split": "", "answerable": answerable,
        "evidence": ["e"] if answerable else [], "mode": "hybrid", "abstained": abstained,
        "answer": [], "passages": passages, "first_relevant_rank": ranks_relevant[0] if ranks_relevant else None,
        "answer_correct": answerable and correct_answer and not abstained, "correct": True, "latency_ms": 1.0,
    }  # fmt: skip


def test_metrics_on_a_hand_checked_case():
    from assistant.evaluation import Question

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
    m = _metrics_by_scope(questions, results, relevant)["all"]
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


def test_the_report_gives_each_scope_hit_and_mrr_intervals():
    from assistant.evaluation import Question

    questions = [Question(q, q, "en", ("e",)) for q in "abcd"]
    results = [fake_result(q, [rank]) for q, rank in zip("abcd", (1, 2, 1, 4))]
    relevant = {q: {f"s:{rank * 10}-{rank * 10 + 5}"} for q, rank in zip("abcd", (1, 2, 1, 4))}
    m = _metrics_by_scope(questions, results, relevant)["all"]
    table = EvalReport({"hybrid": {"all": m}}, results, [], 10).table_markdown()
    for name in ("hit@1", "mrr@10"):
        assert m[f"{name}_low"] < m[name] < m[f"{name}_high"]
        assert f"{name}_ci" in table.splitlines()[0]
        assert f"{m[f'{name}_low']:.2f}–{m[f'{name}_high']:.2f}" in table


def test_evidence_rule_ignores_whitespace():
    assert contains_evidence("副市長\t張光瑤\n", ["副市長 張光瑤"])
    assert not contains_evidence("副市長", ["副市長張光瑤"])


def test_malformed_lines_are_reported_with_their_number_and_skipped(tmp_path):
    path = tmp_path / "q.jsonl"
    lines = [
        json.dumps({"id": "ok1", "question": "Sigfox?", "evidence": ["Sigfox"]}),
        "{not json",
        json.dumps({"id": "bad", "question": "", "evidence": ["x"]}),
        json.dumps({"id": "noev", "question": "x?"}),
        json.dumps({"id": "ok1", "question": "dup", "evidence": ["x"]}),
        json.dumps({"id": "u1", "question": "budget?", "answerable": False}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    qfile = load_questions(path)
    assert [q.id for q in qfile.questions] == ["ok1", "u1"]
    assert [p.split(":")[1] for p in qfile.problems] == ["2", "3", "4", "5"]


def test_any_question_file_in_the_format_works(assistant, tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps({"id": "x1", "question": "EDF 政府持股多少？", "lang": "zh-TW", "evidence": ["84.5%"]}) + "\n",
        encoding="utf-8",
    )
    report = run_eval(assistant, load_questions(path).questions, ["hybrid", "lexical"], top_k=5)
    assert set(report.metrics) == {"hybrid", "lexical"}
    assert report.metrics["hybrid"]["all"]["hit@1"] == 1.0
    r = report.results[0]
    assert {"id", "question", "lang", "answerable", "abstained", "answer", "passages"} <= set(r)
    assert len(r["passages"]) == 5 and "highlights" in r["passages"][0]


def test_eval_gate_holds_against_the_recorded_baseline(assistant):
    """The CI regression gate: hit@5 and MRR@10 may not drop more than 0.02 below evals/baseline.json."""
    baseline = json.loads(DEFAULT_BASELINE.read_text(encoding="utf-8"))
    questions = load_questions(DEFAULT_QUESTIONS).questions
    report = run_eval(assistant, questions, list(baseline["metrics"]), top_k=baseline["top_k"])
    assert gate(report, baseline) == []


def test_a_conversation_is_played_in_order_through_the_follow_up_path(assistant, tmp_path, monkeypatch):
    from assistant import chat

    asked = []
    original = chat.Conversation.ask

    def recording(self, question, **kwargs):
        asked.append((question, list(self.history)))
        return original(self, question, **kwargs)

    monkeypatch.setattr(chat.Conversation, "ask", recording)
    path = tmp_path / "conv.jsonl"
    turns = [
        {"id": "t2", "question": "由誰接待？", "evidence": ["全程接待"], "conversation": "c", "turn": 2},
        {"id": "t1", "question": "市長哪一天參訪 Sigfox？", "evidence": ["6 月 18 日"], "conversation": "c", "turn": 1},
    ]
    path.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in turns), encoding="utf-8")
    report = run_eval(assistant, load_questions(path).questions, ["hybrid"], top_k=5)
    assert [q for q, _ in asked] == ["市長哪一天參訪 Sigfox？", "由誰接待？"]
    assert asked[1][1] != []  # the second turn was asked with the first in the conversation's history
    assert [r["id"] for r in report.results] == ["t2", "t1"]  # reported in the file's order


def test_list_recall_counts_the_items_a_complete_answer_quotes(assistant, tmp_path):
    path = tmp_path / "list.jsonl"
    question = {
        "id": "l",
        "question": "出國人員有哪些人？",
        "evidence": ["林佳龍"],
        "evidence_all": ["林佳龍", "張光瑤", "不存在的人"],
    }
    path.write_text(json.dumps(question, ensure_ascii=False), encoding="utf-8")
    [result] = run_eval(assistant, load_questions(path).questions, ["hybrid"], top_k=5).results
    assert result["list_recall"] == pytest.approx(2 / 3, abs=1e-3)


def test_gate_reports_a_drop():
    report = EvalReport({"hybrid": {"all": {"hit@5": 0.80, "mrr@10": 0.79}}}, [], [], 10)
    baseline = {"metrics": {"hybrid": {"all": {"hit@5": 0.90, "mrr@10": 0.80}}}}
    failures = gate(report, baseline)
    assert len(failures) == 1 and "hit@5" in failures[0]


def test_eval_cli_writes_json_and_markdown_reports(assistant, tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "question": "巴黎綠蔭步道全長幾公里？", "evidence": ["全長 4.5 公里"]}),
                "garbage",
                json.dumps({"id": "u", "question": "What did the mayor eat in Lyon?", "answerable": False}),
            ]
        ),
        encoding="utf-8",
    )
    out_json, out_md = tmp_path / "r.json", tmp_path / "r.md"
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", "--questions", str(path), "--mode", "all",
         "--json-out", str(out_json), "--md-out", str(out_md)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"{path}:2: skipped malformed line" in result.stderr
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(data["metrics"]) == {"hybrid", "dense", "lexical"}
    assert len(data["results"]) == 6
    md = out_md.read_text(encoding="utf-8")
    assert "| all | hybrid |" in md and "## Misses" in md


def test_confidence_is_fitted_on_the_dev_split_only(tmp_path, capsys):
    from assistant.cli import main

    assert main(["eval", "--fit-confidence", "--split", "all"]) == 2
    assert "dev split only" in capsys.readouterr().err


def test_the_leakage_table_of_english_questions_alone_is_empty_not_an_error():
    from assistant.evaluation import Question
    from assistant.evaluation.leakage import leakage_table

    table, share = leakage_table([Question("e", "Who went?", "en", ("x",))], [])
    assert share == 1.0 and "| all |" not in table
