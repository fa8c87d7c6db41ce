"""Calibration of shown confidence: accuracy by confidence band and the expected calibration error."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Ten equal-width bands over 0..1: coarse enough that a band holds several questions of a 250-question set.
BANDS = 10


@dataclass(frozen=True)
class Band:
    """One confidence band: how many answers fell in it, their mean confidence and the share that was right."""

    low: float
    high: float
    n: int
    confidence: float
    accuracy: float


def reliability(confidences: Sequence[float], correct: Sequence[bool], bands: int = BANDS) -> list[Band]:
    """Return the non-empty bands of answers grouped by confidence, each with its mean confidence and accuracy."""
    grouped: list[list[int]] = [[] for _ in range(bands)]
    for i, c in enumerate(confidences):
        grouped[min(bands - 1, max(0, int(c * bands)))].append(i)
    out = []
    for b, members in enumerate(grouped):
        if members:
            out.append(
                Band(
                    b / bands,
                    (b + 1) / bands,
                    len(members),
                    sum(confidences[i] for i in members) / len(members),
                    sum(bool(correct[i]) for i in members) / len(members),
                )
            )
    return out


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bands: int = BANDS
) -> float | None:
    """Return the expected calibration error: the answer-weighted mean gap between confidence and accuracy."""
    n = len(confidences)
    if not n:
        return None
    return sum(b.n / n * abs(b.accuracy - b.confidence) for b in reliability(confidences, correct, bands))
