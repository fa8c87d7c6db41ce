"""Tests for the eval report: the Markdown table's intervals."""

from __future__ import annotations

from assistant.evaluation.metrics import metrics_by_scope
from assistant.evaluation.questions import Question
from assistant.evaluation.report import EvalReport


def test_the_report_gives_each_scope_hit_and_mrr_intervals(fake_result):
    questions = [Question(q, q, "en", ("e",)) for q in "abcd"]
    results = [fake_result(q, [rank]) for q, rank in zip("abcd", (1, 2, 1, 4))]
    relevant = {q: {f"s:{rank * 10}-{rank * 10 + 5}"} for q, rank in zip("abcd", (1, 2, 1, 4))}
    m = metrics_by_scope(questions, results, relevant)["all"]
    table = EvalReport({"hybrid": {"all": m}}, results, [], 10).table_markdown()
    for name in ("hit@1", "mrr@10"):
        assert m[f"{name}_low"] < m[name] < m[f"{name}_high"]
        assert f"{name}_ci" in table.splitlines()[0]
        assert f"{m[f'{name}_low']:.2f}–{m[f'{name}_high']:.2f}" in table
