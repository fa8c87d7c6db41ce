"""Tests for reading question files and the evidence rule."""

from __future__ import annotations

import json

from assistant.evaluation.questions import contains_evidence, load_questions


def test_evidence_rule_ignores_whitespace():
    assert contains_evidence("副市長\t張光瑤\n", ["副市長 張光瑤"])
    assert not contains_evidence("副市長", ["副市長張光瑤"])


def test_malformed_lines_are_reported_with_their_number_and_skipped(question_file):
    path = question_file(
        json.dumps({"id": "ok1", "question": "Sigfox?", "evidence": ["Sigfox"]}),
        "{not json",
        json.dumps({"id": "bad", "question": "", "evidence": ["x"]}),
        json.dumps({"id": "noev", "question": "x?"}),
        json.dumps({"id": "ok1", "question": "dup", "evidence": ["x"]}),
        json.dumps({"id": "u1", "question": "budget?", "answerable": False}),
    )
    qfile = load_questions(path)
    assert [q.id for q in qfile.questions] == ["ok1", "u1"]
    assert [p.split(":")[1] for p in qfile.problems] == ["2", "3", "4", "5"]
