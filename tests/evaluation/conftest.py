"""Fixtures of the eval tests: one question's result as `run_eval` records it, built by hand."""

from __future__ import annotations

import pytest


def _fake_result(qid, ranks_relevant, answerable=True, abstained=False, correct_answer=True):
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


@pytest.fixture
def fake_result():
    """Return a maker of results with ten passages from source "s"; passage at rank r spans s:r*10-(r*10+5)."""
    return _fake_result
