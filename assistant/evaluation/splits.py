"""Eval splits: questions grouped by the passage they ask about, assigned to dev or test, and the frozen test."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable

# The share of question groups held out for reporting only; dev keeps the rest (>= 55% of questions).
TEST_SHARE = 0.40
SPLIT_SEED = 2017


def passage_key(question, report_flat: str, paragraph_starts: list[int]) -> str:
    """Return what a question is about for splitting: its conversation, else the paragraph of its first
    evidence, else (an unanswerable question) itself."""
    if question.conversation:
        return f"conversation:{question.conversation}"
    for evidence in question.evidence:
        at = report_flat.find("".join(evidence.split()))
        if at >= 0:
            return f"paragraph:{sum(1 for s in paragraph_starts if s <= at)}"
    return f"question:{question.id}"


def assign_splits(questions: list, report_text: str, test_share: float = TEST_SHARE, seed: int = SPLIT_SEED) -> dict:
    """Return {question id: "dev" | "test"}: whole groups (same paragraph or conversation) drawn at random into
    test until it holds `test_share` of the questions, so no test question shares its passage with a dev one."""
    paragraphs = [p for p in report_text.split("\n") if p.strip()]
    starts, at = [], 0
    for p in paragraphs:
        starts.append(at)
        at += len("".join(p.split()))
    flat = "".join(report_text.split())
    groups: dict[str, list[str]] = {}
    for q in questions:
        groups.setdefault(passage_key(q, flat, starts), []).append(q.id)
    keys = sorted(groups)
    random.Random(seed).shuffle(keys)
    split, in_test = {}, 0
    for key in keys:
        target = "test" if in_test + len(groups[key]) <= test_share * len(questions) else "dev"
        in_test += len(groups[key]) if target == "test" else 0
        for qid in groups[key]:
            split[qid] = target
    return split


def frozen_checksum(lines: Iterable[str]) -> str:
    """Return the SHA-256 of the test split's question lines, each re-serialized canonically (sorted keys)."""
    h = hashlib.sha256()
    for line in lines:
        obj = json.loads(line)
        if obj.get("split") == "test":
            h.update(json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
    return h.hexdigest()
