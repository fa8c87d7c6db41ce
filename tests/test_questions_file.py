"""The known-question set itself: valid, unique, grounded in the report, and balanced as promised."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from assistant.evaluation import DEFAULT_QUESTIONS, load_questions, squash


@pytest.fixture(scope="module")
def questions():
    qfile = load_questions(DEFAULT_QUESTIONS)
    assert qfile.problems == []
    return qfile.questions


def test_ids_are_unique_and_every_line_is_valid(questions):
    raw = [json.loads(line) for line in DEFAULT_QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(raw) == len(questions) >= 120
    assert len({q["id"] for q in raw}) == len(raw)
    for q in raw:
        assert q["lang"] in {"zh-TW", "en", "zh-CN"}
        assert q["split"] in {"dev", "test"}
        assert q["kind"] in {"fact", "paraphrase", "date", "unanswerable"}
        assert (q["kind"] == "unanswerable") == (not q["answerable"]) == (q["evidence"] == [])


def test_every_evidence_string_occurs_in_the_report(questions, report_text):
    flat = squash(report_text)
    missing = [(q.id, e) for q in questions for e in q.evidence if squash(e) not in flat]
    assert missing == []


def test_language_and_kind_mix(questions):
    n = len(questions)
    langs = Counter(q.lang for q in questions)
    kinds = Counter(q.kind for q in questions)
    assert langs["zh-TW"] / n >= 0.60 and langs["en"] / n >= 0.20 and langs["zh-CN"] / n >= 0.10
    assert kinds["paraphrase"] >= 15 and kinds["date"] >= 10 and kinds["unanswerable"] >= 15


def test_test_split_is_large_and_covers_every_language_and_kind(questions):
    test = [q for q in questions if q.split == "test"]
    assert len(test) / len(questions) >= 0.40
    assert {q.lang for q in test} == {"zh-TW", "en", "zh-CN"}
    assert {q.kind for q in test} == {"fact", "paraphrase", "date", "unanswerable"}


def test_every_visit_has_questions(questions, assistant):
    sections = {c.section for c in assistant.index.chunks}
    visits = {s for s in sections if s.startswith("參、行程紀要 › ") and not s.endswith("交流合作項目")}
    hit_sections = set()
    for q in questions:
        for c in assistant.index.chunks:
            if q.evidence and any(squash(e) in squash(c.text) for e in q.evidence):
                hit_sections.add(c.section)
    uncovered = {v for v in visits if not any(h.startswith(v) or v.startswith(h) for h in hit_sections)}
    assert uncovered == set()
    for part in ("摘要", "壹、出國人員名單", "肆、心得與達成效益", "伍、建議事項", "封面"):
        assert any(h.startswith(part) for h in hit_sections), part
