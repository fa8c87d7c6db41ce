"""Tests for the CI gate: it holds against the recorded baseline, and it reports a drop."""

from __future__ import annotations

import json

import numpy as np

from assistant.evaluation.gate import DEFAULT_BASELINE, gate
from assistant.evaluation.questions import DEFAULT_QUESTIONS, load_questions
from assistant.evaluation.report import EvalReport
from assistant.evaluation.run import run_eval


def _encoded_once(encode_queries):
    """Return `encode_queries` remembering each call's vectors: a question's vector does not depend on the
    retrieval mode, so the three modes share one encoding of it (the figures are the same; a third the work)."""
    seen: dict[tuple[str, ...], np.ndarray] = {}

    def encode(texts: list[str]) -> np.ndarray:
        key = tuple(texts)
        if key not in seen:
            seen[key] = encode_queries(texts)
        return seen[key].copy()

    return encode


def test_eval_gate_holds_against_the_recorded_baseline(assistant, monkeypatch):
    """The CI regression gate: hit@5 and MRR@10 may not drop more than 0.02 below evals/baseline.json."""
    baseline = json.loads(DEFAULT_BASELINE.read_text(encoding="utf-8"))
    questions = load_questions(DEFAULT_QUESTIONS).questions
    monkeypatch.setattr(assistant.embedder, "encode_queries", _encoded_once(assistant.embedder.encode_queries))
    report = run_eval(assistant, questions, list(baseline["metrics"]), top_k=baseline["top_k"])
    assert gate(report, baseline) == []


def test_gate_reports_a_drop():
    report = EvalReport({"hybrid": {"all": {"hit@5": 0.80, "mrr@10": 0.79}}}, [], [], 10)
    baseline = {"metrics": {"hybrid": {"all": {"hit@5": 0.90, "mrr@10": 0.80}}}}
    failures = gate(report, baseline)
    assert len(failures) == 1 and "hit@5" in failures[0]
