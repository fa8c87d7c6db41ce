"""Fitting the confidence model: answer without abstaining, fit P(right) on the answers, print each threshold."""

from __future__ import annotations

import numpy as np

from ..config import Settings
from .questions import Question
from .run import progress_printer, run_eval

CONFIDENCE_SIGNALS = ("blend", "coverage", "missing", "template", "han", "type", "asked")


def fit_confidence(questions: list[Question], settings: Settings, top_k: int) -> int:
    """Answer every question without abstaining, fit the confidence model on whether each answer was right,
    and print the weights (for config.Settings) and what each abstain and "high" threshold would give."""
    from ..calibration import fit_logistic, logistic
    from ..engine import Assistant

    loose = settings.with_overrides(abstain_threshold=-1.0, confidence_weights=())
    report = run_eval(Assistant.load(loose), questions, ("hybrid",), top_k, progress=progress_printer())
    rows = [r for r in report.results if not r["abstained"]]
    weights, bias = fit_logistic([r["signals"] for r in rows], [r["answer_correct"] for r in rows], CONFIDENCE_SIGNALS)
    print(f"confidence_weights = {tuple((n, round(w, 3)) for n, w in weights.items())}")
    print(f"confidence_bias = {bias:.3f}")
    probability = {r["id"]: logistic(r["signals"], weights, bias) for r in rows}
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in report.results if not r["answerable"]]
    print("| threshold | false abstentions | abstention recall | answer_acc | high acc (>= threshold) | n high |")
    print("|---|---|---|---|---|---|")
    for t in np.arange(0.2, 0.96, 0.05):
        kept = [r for r in rows if probability[r["id"]] >= t]
        false = sum(probability[r["id"]] < t for r in answerable) / max(1, len(answerable))
        recall = sum(r["abstained"] or probability.get(r["id"], 0) < t for r in unanswerable) / max(
            1, len(unanswerable)
        )
        acc = sum(r["answer_correct"] for r in kept if r["answerable"]) / max(1, len(answerable))
        high = sum(r["answer_correct"] for r in kept) / max(1, len(kept))
        print(f"| {t:.2f} | {false:.3f} | {recall:.3f} | {acc:.3f} | {high:.3f} | {len(kept)} |")
    return 0
