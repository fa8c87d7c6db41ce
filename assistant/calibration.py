"""Calibration of shown confidence: accuracy by confidence band and the expected calibration error."""

from __future__ import annotations

import math
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


def logistic(signals: dict[str, float], weights: dict[str, float], bias: float) -> float:
    """Return the logistic model's probability sigmoid(bias + sum of weight * signal) for one answer's signals."""
    z = bias + sum(w * signals.get(name, 0.0) for name, w in weights.items())
    return 1.0 / (1.0 + math.exp(-z))


def fit_logistic(
    rows: Sequence[dict[str, float]], correct: Sequence[bool], names: Sequence[str], l2: float = 1.0
) -> tuple[dict[str, float], float]:
    """Return (weights by signal name, bias) of the logistic model P(right) = sigmoid(bias + sum w * signal),
    fitted by maximum likelihood with an L2 penalty `l2` on the weights (a few dozen answers cannot pin down more)."""
    import numpy as np
    from scipy.optimize import minimize

    x = np.array([[r.get(n, 0.0) for n in names] for r in rows], dtype=np.float64)
    y = np.array([1.0 if c else 0.0 for c in correct])

    def loss(theta: np.ndarray) -> float:
        z = x @ theta[1:] + theta[0]
        return float(np.sum(np.logaddexp(0.0, z) - y * z) + l2 * np.sum(theta[1:] ** 2))

    theta = minimize(loss, np.zeros(len(names) + 1), method="L-BFGS-B").x
    return {n: float(w) for n, w in zip(names, theta[1:])}, float(theta[0])
