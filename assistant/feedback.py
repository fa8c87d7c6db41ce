"""Feedback from the chat page: an append-only SQLite log, exported as eval questions once reviewed.

A user says 👍 (the answer is right), 👎 (it is wrong) or "the right passage is [n]". Rows are never
changed or deleted (triggers refuse it); a later row about the same question supersedes an earlier one
when exporting. Reviewed feedback — a 👍 on an answer with quotes, or a marked passage — becomes an
eval question in the format of evals/questions.jsonl, its evidence taken from what the user confirmed.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .text.layout import sentence_spans
from .text.normalize import has_han

log = logging.getLogger(__name__)

VERDICTS = ("up", "down", "right")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    passages TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('up', 'down', 'right')),
    right_passage TEXT
);
CREATE TRIGGER IF NOT EXISTS feedback_no_update BEFORE UPDATE ON feedback
BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END;
CREATE TRIGGER IF NOT EXISTS feedback_no_delete BEFORE DELETE ON feedback
BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END;
"""
# Evidence sentences shorter than this match too much of the report to tell passages apart.
_MIN_EVIDENCE_CHARS = 6


@dataclass(frozen=True)
class Feedback:
    """One stored verdict on one answer."""

    id: int
    time: str
    question: str
    answer: dict
    verdict: str
    right_passage: dict | None = None


@dataclass(frozen=True)
class FeedbackSummary:
    """How much feedback there is: all rows, questions ready to export, wrong answers still without a passage."""

    total: int
    ready: int
    needs_passage: int


class FeedbackStore:
    """The append-only feedback log in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=10)
        con.executescript(_SCHEMA)
        return con

    def add(self, question: str, answer: dict, verdict: str, right_rank: int | None = None) -> Feedback:
        """Append a verdict on `answer` (its JSON shape); `right_rank` names the passage the user marked right.

        Raises:
            ValueError: unknown verdict, or a rank the answer has no passage for.
        """
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, got {verdict!r}")
        right = None
        if verdict == "right":
            right = next((p for p in answer.get("passages", []) if p["rank"] == right_rank), None)
            if right is None:
                raise ValueError(f"the answer has no passage ranked {right_rank!r}")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        row = (now, question, json.dumps(answer, ensure_ascii=False), json.dumps(answer.get("passages", []), ensure_ascii=False),
               verdict, json.dumps(right, ensure_ascii=False) if right else None)  # fmt: skip
        with self._connect() as con:
            cur = con.execute(
                "INSERT INTO feedback (time, question, answer, passages, verdict, right_passage) VALUES (?, ?, ?, ?, ?, ?)",
                row,
            )
            rowid = cur.lastrowid
        return Feedback(rowid, now, question, answer, verdict, right)

    def all(self) -> list[Feedback]:
        """Return every row, oldest first."""
        if not self.path.exists():
            return []
        with self._connect() as con:
            rows = con.execute(
                "SELECT id, time, question, answer, verdict, right_passage FROM feedback ORDER BY id"
            ).fetchall()
        return [Feedback(i, t, q, json.loads(a), v, json.loads(r) if r else None) for i, t, q, a, v, r in rows]

    def summary(self, known_questions: Iterable[str] = ()) -> FeedbackSummary:
        """Return counts for the eval tab; questions already in `known_questions` are not waiting."""
        rows = self.all()
        latest = _latest_per_question(rows)
        known = {q.strip() for q in known_questions}
        ready = [f for f in latest if f.question.strip() not in known and evidence_for(f)]
        needs = [f for f in latest if f.verdict == "down"]
        return FeedbackSummary(len(rows), len(ready), len(needs))


def _latest_per_question(rows: list[Feedback]) -> list[Feedback]:
    """Return each question's deciding row: its latest marked passage, else its latest verdict."""
    by_question: dict[str, Feedback] = {}
    for f in rows:
        key = f.question.strip()
        current = by_question.get(key)
        if current is None or f.verdict == "right" or current.verdict != "right":
            by_question[key] = f
    return list(by_question.values())


def evidence_for(f: Feedback) -> list[str]:
    """Return the evidence strings a row confirms: the marked passage's sentences, or a 👍 answer's quotes."""
    if f.verdict == "right" and f.right_passage:
        text = f.right_passage["text"]
        sentences = [text[s:e].strip() for s, e in sentence_spans(text, 0, len(text))]
        return [s for s in sentences if len(s) >= _MIN_EVIDENCE_CHARS] or [text.strip()]
    if f.verdict == "up" and not f.answer.get("abstained"):
        return [q["quote"] for q in f.answer.get("answer", []) if q["quote"].strip()]
    return []


def export_questions(store: FeedbackStore, known_questions: Iterable[str] = ()) -> list[dict]:
    """Return reviewed feedback as eval questions (evals/questions.jsonl lines), skipping `known_questions`."""
    known = {q.strip() for q in known_questions}
    out = []
    for f in _latest_per_question(store.all()):
        evidence = evidence_for(f)
        if not evidence or f.question.strip() in known:
            continue
        out.append(
            {
                "id": f"fb{f.id:04d}",
                "question": f.question.strip(),
                "lang": "zh-TW" if has_han(f.question) else "en",
                "kind": "feedback",
                "evidence": evidence,
                "answerable": True,
                "split": "dev",
            }
        )
    return out


def known_questions(path: Path) -> list[str]:
    """Return the question texts of a JSONL eval file, whose questions feedback need not offer again; a missing
    file gives none, and a line that is not a JSON object is skipped with a warning naming it."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    known = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if not isinstance(record, dict):
            log.warning("%s:%d: skipped a line that is not a JSON object", path, number)
            continue
        known.append(str(record.get("question", "")))
    return known
