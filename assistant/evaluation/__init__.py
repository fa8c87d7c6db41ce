"""Evaluation of the assistant on known questions: the package's public API (re-exports only).

One module a job, in the order data flows: `questions` (read the question file) → `run` (play each question
through the assistant) → `metrics` (score the answers) → `report` (Markdown and JSON) → `gate` (the CI check
against `evals/baseline.json`); `command` is `trip-assistant eval`, `fit` fits the confidence model, `leakage`
checks for questions copied from the report and `splits` draws the dev and test splits.
"""

from .gate import DEFAULT_BASELINE, baseline_from, gate
from .questions import DEFAULT_QUESTIONS, Question, QuestionFile, contains_evidence, load_questions, load_split, squash
from .report import EvalReport
from .run import run_eval

__all__ = [
    "DEFAULT_BASELINE",
    "DEFAULT_QUESTIONS",
    "EvalReport",
    "Question",
    "QuestionFile",
    "baseline_from",
    "contains_evidence",
    "gate",
    "load_questions",
    "load_split",
    "run_eval",
    "squash",
]
