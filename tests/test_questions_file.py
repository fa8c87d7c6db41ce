"""The known-question set: grounded in the report, staff-phrased, every kind and language, and a frozen test split."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from assistant.config import PROJECT_ROOT
from assistant.evaluation import DEFAULT_QUESTIONS, load_questions, squash
from assistant.evaluation.leakage import MIN_STAFF_PHRASED, check
from assistant.evaluation.splits import frozen_checksum

KINDS = {
    "fact", "who", "when", "number", "where", "why", "list", "overview", "cover", "itinerary", "followup",
    "unanswerable", "false_premise",
}  # fmt: skip
EVALS = PROJECT_ROOT / "evals"


@pytest.fixture(scope="module")
def questions():
    qfile = load_questions(DEFAULT_QUESTIONS)
    assert qfile.problems == []
    return qfile.questions


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return [line for line in DEFAULT_QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_ids_are_unique_and_every_line_is_valid(questions, lines):
    assert len(lines) == len(questions) >= 220
    for q in questions:
        assert q.lang in {"zh-TW", "en", "zh-CN"} and q.split in {"dev", "test"} and q.kind in KINDS, q.id
        assert q.answerable == bool(q.evidence), q.id
        assert (q.kind in {"unanswerable", "false_premise"}) <= (not q.answerable), q.id


def test_every_evidence_string_occurs_in_the_report(questions, report_text):
    flat = squash(report_text)
    missing = [(q.id, e) for q in questions for e in (*q.evidence, *q.evidence_all, *q.names) if squash(e) not in flat]
    assert missing == []


def test_every_kind_has_at_least_twelve_questions_and_the_languages_are_mixed(questions):
    kinds = Counter(q.kind for q in questions)
    assert {k: n for k, n in kinds.items() if n < 12} == {} and set(kinds) == KINDS
    langs = Counter(q.lang for q in questions)
    n = len(questions)
    assert langs["zh-TW"] / n >= 0.50 and langs["en"] / n >= 0.25 and langs["zh-CN"] / n >= 0.10


def test_list_and_overview_questions_name_every_item_of_a_complete_answer(questions):
    lacking = [q.id for q in questions if q.kind in {"list", "overview"} and q.answerable and len(q.evidence_all) < 2]
    assert lacking == []


def test_conversations_have_two_to_four_turns_numbered_from_one(questions):
    turns: dict[str, list[int]] = {}
    for q in questions:
        if q.conversation:
            turns.setdefault(q.conversation, []).append(q.turn)
    assert len(turns) >= 6
    for conversation, numbers in turns.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)) and 2 <= len(numbers) <= 4, conversation


def test_staff_phrased_questions_stay_above_the_floor(questions, report_text):
    """No run of 6+ characters shared with the report (names, numbers, dates aside) in most Chinese questions."""
    leaks = check(questions, [report_text])
    share = sum(not leak.copied for leak in leaks) / len(leaks)
    assert share >= MIN_STAFF_PHRASED, f"{share:.0%} staff-phrased"


def test_the_test_split_is_frozen(lines):
    ids = sorted(json.loads(line)["id"] for line in lines if json.loads(line)["split"] == "test")
    assert ids == (EVALS / "test_ids.txt").read_text(encoding="utf-8").split()
    assert frozen_checksum(lines) == (EVALS / "test_split.sha256").read_text(encoding="utf-8").strip()


def test_dev_holds_most_questions_and_no_test_question_shares_a_conversation_with_dev(questions):
    dev = [q for q in questions if q.split == "dev"]
    assert len(dev) / len(questions) >= 0.55
    split_of = {}
    for q in questions:
        if q.conversation:
            assert split_of.setdefault(q.conversation, q.split) == q.split, q.id


def test_no_test_question_appears_in_code_tests_or_examples(questions):
    """Test questions are for reporting only: none may be quoted in tests, fixtures, the package or benchmarks."""
    test_questions = {re.sub(r"\s+", "", q.question) for q in questions if q.split == "test"}
    files = [p for d in ("assistant", "tests", "benchmarks") for p in (PROJECT_ROOT / d).rglob("*.py")]
    quoted = {
        (p.name, t) for p in files for t in test_questions if t in re.sub(r"\s+", "", p.read_text(encoding="utf-8"))
    }
    assert quoted == set()
