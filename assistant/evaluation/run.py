"""Eval run: play every question through the assistant in each mode (conversations in order) and score it."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from .metrics import metrics_by_scope, relevant_chunks, score_result
from .questions import Question
from .report import EvalReport


def run_eval(
    assistant,
    questions: list[Question],
    modes: Iterable[str] = ("hybrid",),
    top_k: int = 10,
    progress: Callable[[str, int, int], None] | None = None,
) -> EvalReport:
    """Return the report of running every question through the assistant in each mode; a conversation's
    turns are asked in order through the chat's follow-up path (`chat.Conversation`), as the page asks them."""
    problems: list[str] = []
    relevant = relevant_chunks(assistant, questions, problems)
    results: list[dict] = []
    metrics: dict[str, dict[str, dict[str, float]]] = {}
    for mode in modes:
        mode_results = []
        for i, (q, answer, elapsed_ms) in enumerate(_answers(assistant, questions, mode, top_k), start=1):
            mode_results.append(score_result(q, answer, mode, elapsed_ms))
            if progress:
                progress(mode, i, len(questions))
        metrics[mode] = metrics_by_scope(questions, mode_results, relevant)
        results.extend(mode_results)
    return EvalReport(metrics, results, problems, top_k)


def _answers(assistant, questions: list[Question], mode: str, top_k: int):
    """Yield (question, answer as JSON, milliseconds) in the questions' order, playing each conversation whole
    when its first question comes up."""
    from ..chat import Conversation

    turns: dict[str, list[Question]] = {}
    for q in questions:
        if q.conversation:
            turns.setdefault(q.conversation, []).append(q)
    played: dict[str, tuple[dict, float]] = {}
    for q in questions:
        if q.conversation and q.id not in played:
            conversation = Conversation(assistant)
            for turn in sorted(turns[q.conversation], key=lambda t: t.turn):
                started = time.perf_counter()
                answer = conversation.ask(turn.question, top_k=top_k, mode=mode).to_dict()
                played[turn.id] = (answer, (time.perf_counter() - started) * 1000)
        if q.conversation:
            yield q, *played[q.id]
            continue
        started = time.perf_counter()
        answer = assistant.ask(q.question, top_k=top_k, mode=mode).to_dict()
        yield q, answer, (time.perf_counter() - started) * 1000


def progress_printer(stream=None) -> Callable[[str, int, int], None]:
    """Return a progress callback for `run_eval`: one bar (a terminal) or periodic lines with the time left
    (`progress.reporter`) per mode."""
    from ..progress import reporter

    reporters: dict[str, Callable[[int, int], None]] = {}

    def show(mode: str, done: int, total: int) -> None:
        if mode not in reporters:
            reporters[mode] = reporter(f"eval {mode}", stream, unit="questions")
        reporters[mode](done, total)

    return show
