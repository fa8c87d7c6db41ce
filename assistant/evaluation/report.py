"""The eval report: metrics and every question's result, written as JSON (`--json-out`) or Markdown (`--md-out`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..calibration import reliability


@dataclass
class EvalReport:
    """Metrics per mode and scope, every question's result, and problems met on the way."""

    metrics: dict[str, dict[str, dict[str, float]]]
    results: list[dict]
    problems: list[str]
    top_k: int

    def to_json(self) -> dict:
        """Return `{"metrics": ..., "results": ...}` as written by `--json-out`."""
        return {"metrics": self.metrics, "results": self.results, "problems": self.problems, "top_k": self.top_k}

    def table_markdown(self) -> str:
        """Return the metrics as one Markdown table, modes side by side within each scope."""
        cols = [
            "hit@1",
            "hit@1_ci",
            "hit@3",
            "hit@5",
            "mrr@10",
            "mrr@10_ci",
            "ndcg@10",
            "answer_acc",
            "answer_acc_ci",
            "list_recall",
            "abstain_p",
            "abstain_r",
            "false_abstain",
            "high_acc",
            "ece",
            "p50_ms",
        ]
        lines = ["| scope | mode | n | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 3)]
        scopes = list(next(iter(self.metrics.values())).keys()) if self.metrics else []
        for scope in scopes:
            for mode, by_scope in self.metrics.items():
                m = by_scope.get(scope)
                if not m:
                    continue
                cells = [_interval(m, c.removesuffix("_ci")) if c.endswith("_ci") else _fmt(m.get(c)) for c in cols]
                lines.append(f"| {scope} | {mode} | {int(m['n'])} | " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def reliability_markdown(self) -> list[str]:
        """Return, per mode, the answered questions grouped by confidence band: how many, and how many were right."""
        out = ["## Confidence and accuracy (answered questions)", ""]
        for mode in self.metrics:
            answered = [r for r in self.results if r["mode"] == mode and not r["abstained"]]
            out += [f"{mode}: level high {_level_line(answered, 'high')}; medium {_level_line(answered, 'medium')}", ""]
            out += ["| confidence | n | mean confidence | accuracy |", "|---|---|---|---|"]
            bands = reliability([r.get("confidence") or 0.0 for r in answered], [r["answer_correct"] for r in answered])
            out += [f"| {b.low:.1f}–{b.high:.1f} | {b.n} | {b.confidence:.3f} | {b.accuracy:.3f} |" for b in bands]
            out.append("")
        return out

    def to_markdown(self) -> str:
        """Return the readable report: the metrics table, then every miss with what came back."""
        out = [
            "# Evaluation report",
            "",
            f"Top-k {self.top_k}. A passage is relevant when, whitespace removed, it contains an evidence "
            "string. hit@1_ci, mrr@10_ci: 95% bootstrap intervals over the scope's questions (– when they "
            "all scored the same). answer_acc: the quotes contain the evidence (answerable questions). "
            "abstain_p / abstain_r: precision / recall of abstaining on the unanswerable questions; false_abstain: "
            "share of answerable questions abstained on. answer_acc_ci: its 95% bootstrap interval. list_recall: "
            "share of a list or overview question's items (evidence_all) that the quotes hold. high_acc: share of "
            "answers shown with high confidence that are right; ece: expected calibration error of the confidence "
            "of answered questions (10 bands). n counts answerable questions (all questions for the abstention "
            "and confidence columns).",
            "",
            self.table_markdown(),
            "",
            *self.reliability_markdown(),
        ]
        if self.problems:
            out += ["## Problems", "", *[f"- {p}" for p in self.problems], ""]
        misses = [r for r in self.results if not r["correct"]]
        out += [f"## Misses ({len(misses)})", ""]
        for r in misses:
            expected = " / ".join(r["evidence"]) if r["answerable"] else "(unanswerable: should abstain)"
            got = "abstained" if r["abstained"] else " ⏐ ".join(_one_line(a["quote"]) for a in r["answer"])
            top = r["passages"][0] if r["passages"] else None
            rank = r["first_relevant_rank"]
            out += [
                f"- **{r['id']}** [{r['mode']}, {r['lang']}, {r.get('kind') or '-'}, {r.get('split') or '-'}] {r['question']}",
                f"  - expected: {expected}",
                f"  - answer: {got}",
                f"  - first relevant passage: {'rank ' + str(rank) if rank else 'none in top ' + str(self.top_k)}"
                + (f"; top passage: {top['section']} — {_one_line(top['text'])[:80]}" if top else ""),
            ]
        return "\n".join(out) + "\n"


def _level_line(answered: list[dict], level: str) -> str:
    rs = [r for r in answered if r.get("level") == level]
    return f"{sum(r['answer_correct'] for r in rs)}/{len(rs)} right" if rs else "none"


def _fmt(value: float | None) -> str:
    return "–" if value is None else (f"{value:.0f}" if value > 1.5 else f"{value:.3f}")


def _interval(m: dict, name: str) -> str:
    low, high = m.get(f"{name}_low"), m.get(f"{name}_high")
    return "–" if low is None or high is None else f"{low:.2f}–{high:.2f}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
