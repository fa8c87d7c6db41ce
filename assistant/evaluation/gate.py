"""CI regression gate: compare a report's hit@5 and MRR@10 with the recorded baseline (`evals/baseline.json`)."""

from __future__ import annotations

from collections.abc import Iterable

from ..config import PROJECT_ROOT
from .report import EvalReport

DEFAULT_BASELINE = PROJECT_ROOT / "evals" / "baseline.json"
GATED_METRICS = ("hit@5", "mrr@10")
GATE_TOLERANCE = 0.02


def gate(report: EvalReport, baseline: dict, tolerance: float = GATE_TOLERANCE) -> list[str]:
    """Return the gated metrics that fell more than `tolerance` below the baseline (empty = pass)."""
    failures = []
    for mode, scopes in baseline.get("metrics", {}).items():
        for scope, figures in scopes.items():
            current = report.metrics.get(mode, {}).get(scope)
            if current is None:
                continue
            for name in GATED_METRICS:
                if name in figures and current.get(name) is not None and current[name] < figures[name] - tolerance:
                    failures.append(
                        f"{mode} {scope} {name}: {current[name]:.4f} < baseline {figures[name]:.4f} - {tolerance}"
                    )
    return failures


def baseline_from(report: EvalReport, scopes: Iterable[str] = ("all",)) -> dict:
    """Return the gated figures of `report`, in the shape of `evals/baseline.json`."""
    return {
        "tolerance": GATE_TOLERANCE,
        "top_k": report.top_k,
        "metrics": {
            mode: {s: {n: by_scope[s][n] for n in GATED_METRICS} for s in scopes if s in by_scope}
            for mode, by_scope in report.metrics.items()
        },
    }
