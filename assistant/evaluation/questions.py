"""Eval questions: read a JSONL question file into `Question`s, and the evidence rule that scores them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import PROJECT_ROOT

DEFAULT_QUESTIONS = PROJECT_ROOT / "evals" / "questions.jsonl"
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Question:
    """One known question: its evidence strings, or `answerable=False` when the report does not answer it."""

    id: str
    question: str
    lang: str = "zh-TW"
    evidence: tuple[str, ...] = ()
    answerable: bool = True
    kind: str = ""
    split: str = ""
    # Every item a complete answer quotes (list and overview questions); scored by list_recall.
    evidence_all: tuple[str, ...] = ()
    # A conversation's turns are played in order through the chat's follow-up path.
    conversation: str = ""
    turn: int = 0
    # Proper names the question uses verbatim from the report (exempt from the copy check).
    names: tuple[str, ...] = ()


@dataclass
class QuestionFile:
    """The questions read from a file, and the lines that could not be read."""

    questions: list[Question] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def squash(text: str) -> str:
    """Return `text` with all whitespace removed (the evidence rule compares texts this way)."""
    return _WS.sub("", text)


def contains_evidence(text: str, evidence: Iterable[str]) -> bool:
    """Return True when `text`, whitespace removed, contains any evidence string, whitespace removed."""
    flat = squash(text)
    return any(squash(e) and squash(e) in flat for e in evidence)


def load_questions(path: Path) -> QuestionFile:
    """Return the questions in a JSONL file; malformed lines are reported with their number and skipped."""
    out = QuestionFile()
    seen: set[str] = set()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read question file {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            q = _parse_question(json.loads(line))
        except (ValueError, TypeError, KeyError) as exc:
            out.problems.append(f"{path}:{number}: skipped malformed line ({exc})")
            continue
        if q.id in seen:
            out.problems.append(f"{path}:{number}: skipped duplicate id {q.id!r}")
            continue
        seen.add(q.id)
        out.questions.append(q)
    return out


def load_split(path: Path, split: str = "all") -> QuestionFile:
    """Return the questions of one split ("all", "dev" or "test") of a question file, with its problems."""
    qfile = load_questions(path)
    qfile.questions = [q for q in qfile.questions if split == "all" or q.split == split]
    return qfile


def _parse_question(obj: object) -> Question:
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    qid, question = obj.get("id"), obj.get("question")
    if not isinstance(qid, str) or not qid:
        raise ValueError("'id' must be a non-empty string")
    if not isinstance(question, str) or not question.strip():
        raise ValueError("'question' must be a non-empty string")
    evidence = _strings(obj, "evidence")
    evidence_all = _strings(obj, "evidence_all")
    names = _strings(obj, "names")
    answerable = obj.get("answerable", True)
    if not isinstance(answerable, bool):
        raise ValueError("'answerable' must be true or false")
    if answerable and not evidence:
        raise ValueError("an answerable question needs evidence")
    conversation, turn = obj.get("conversation", ""), obj.get("turn", 0)
    if not isinstance(conversation, str) or not isinstance(turn, int) or bool(conversation) != (turn >= 1):
        raise ValueError("'conversation' and 'turn' (1, 2, ...) go together")
    return Question(
        qid, question, str(obj.get("lang", "zh-TW")), tuple(evidence), answerable,
        str(obj.get("kind", "")), str(obj.get("split", "")), tuple(evidence_all), conversation, turn, tuple(names),
    )  # fmt: skip


def _strings(obj: dict, key: str) -> list[str]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(e, str) and e.strip() for e in value):
        raise ValueError(f"'{key}' must be a list of non-empty strings")
    return value
