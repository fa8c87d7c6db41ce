"""Eval scoring: one answer against its question's evidence, and the metrics of each scope (ranx, intervals)."""

from __future__ import annotations

import warnings

import numpy as np

from ..calibration import expected_calibration_error
from .questions import Question, contains_evidence, squash

LANGS = ("zh-TW", "en", "zh-CN")
RANX_METRICS = {
    "hit@1": "hit_rate@1",
    "hit@3": "hit_rate@3",
    "hit@5": "hit_rate@5",
    "mrr@10": "mrr@10",
    "ndcg@10": "ndcg@10",
}
# hit@1 and MRR@10 also come as 95% bootstrap intervals: on a few dozen questions one question moves them
# by up to 1/n, and the interval says how far the figure could be from the same system on other questions.
INTERVAL_METRICS = ("hit@1", "mrr@10")  # answer_acc's interval is computed beside answer_acc
CI_LEVEL = 0.95
CI_RESAMPLES = 2000
CI_SEED = 0


def passage_id(source: str, start: int, end: int) -> str:
    """Return the id ranx knows a passage by: its source and character offsets."""
    return f"{source}:{start}-{end}"


def relevant_chunks(assistant, questions: list[Question], problems: list[str]) -> dict[str, set[str]]:
    """Return, per answerable question, the ids of the indexed passages holding its evidence; a question that
    none holds is added to `problems`."""
    chunks = [(passage_id(c.doc_id, c.start, c.end), c.text) for c in assistant.index.chunks]
    relevant = {}
    for q in questions:
        if q.answerable:
            relevant[q.id] = {cid for cid, text in chunks if contains_evidence(text, q.evidence)}
            if not relevant[q.id]:
                problems.append(f"{q.id}: no indexed passage contains its evidence {list(q.evidence)}")
    return relevant


def score_result(q: Question, answer: dict, mode: str, elapsed_ms: float) -> dict:
    """Return one question's result: what came back (answer JSON) and how it scored against the evidence."""
    first = next(
        (p["rank"] for p in answer["passages"] if q.answerable and contains_evidence(p["text"], q.evidence)), None
    )
    quotes = [a["quote"] for a in answer["answer"]]
    answer_ok = bool(q.answerable and not answer["abstained"] and contains_evidence("".join(quotes), q.evidence))
    quoted = squash("".join(quotes))
    items = [squash(e) for e in q.evidence_all]
    list_recall = sum(i in quoted for i in items) / len(items) if items and not answer["abstained"] else 0.0
    return {
        "id": q.id,
        "question": q.question,
        "lang": q.lang,
        "kind": q.kind,
        "split": q.split,
        "answerable": q.answerable,
        "evidence": list(q.evidence),
        "evidence_all": list(q.evidence_all),
        "list_recall": round(list_recall, 4) if q.evidence_all else None,
        "conversation": q.conversation,
        "turn": q.turn,
        "mode": mode,
        "abstained": answer["abstained"],
        "confidence": answer.get("confidence"),
        "level": answer.get("level", ""),
        "signals": answer.get("signals", {}),
        "answer": answer["answer"],
        "passages": answer["passages"],
        "first_relevant_rank": first,
        "answer_correct": answer_ok,
        "correct": answer_ok if q.answerable else answer["abstained"],
        "latency_ms": round(elapsed_ms, 2),
    }


def _scopes(questions: list[Question]) -> dict[str, list[str]]:
    scopes = {"all": [q.id for q in questions]}
    for attr, values in (("lang", LANGS), ("split", ("dev", "test")), ("kind", ())):
        present = list(dict.fromkeys(getattr(q, attr) for q in questions if getattr(q, attr)))
        for value in [v for v in values if v in present] + [v for v in present if v not in values]:
            scopes[f"{attr}={value}"] = [q.id for q in questions if getattr(q, attr) == value]
    for split in ("dev", "test"):
        for lang in LANGS:
            ids = [q.id for q in questions if q.split == split and q.lang == lang]
            if ids:
                scopes[f"split={split},lang={lang}"] = ids
    return scopes


def metrics_by_scope(questions: list[Question], results: list[dict], relevant: dict[str, set[str]]) -> dict:
    """Return the metrics of one mode's results for every scope (all, each language, split, kind, split and
    language)."""
    by_id = {r["id"]: r for r in results}
    per_question = _ranx_per_question(results, relevant)
    out = {}
    for scope, ids in _scopes(questions).items():
        rs = [by_id[i] for i in ids]
        answerable = [r for r in rs if r["answerable"]]
        unanswerable = [r for r in rs if not r["answerable"]]
        m: dict[str, float] = {"n": float(len(answerable)), "n_unanswerable": float(len(unanswerable))}
        scored = [per_question[r["id"]] for r in answerable if r["id"] in per_question]
        for name in RANX_METRICS:
            m[name] = sum(s[name] for s in scored) / len(scored) if scored else None
        for name in INTERVAL_METRICS:
            interval = bootstrap_interval([s[name] for s in scored])
            m[f"{name}_low"], m[f"{name}_high"] = interval if interval else (None, None)
        m["answer_acc"] = sum(r["answer_correct"] for r in answerable) / len(answerable) if answerable else None
        interval = bootstrap_interval([float(r["answer_correct"]) for r in answerable])
        m["answer_acc_low"], m["answer_acc_high"] = interval if interval else (None, None)
        lists = [r["list_recall"] for r in answerable if r.get("list_recall") is not None]
        m["list_recall"] = sum(lists) / len(lists) if lists else None
        m["n_lists"] = float(len(lists))
        answered = [r for r in rs if not r["abstained"]]
        high = [r for r in answered if r.get("level") == "high"]
        m["high_acc"] = sum(r["answer_correct"] for r in high) / len(high) if high else None
        m["high_share"] = len(high) / len(answered) if answered else None
        m["ece"] = expected_calibration_error(
            [r.get("confidence") or 0.0 for r in answered], [r["answer_correct"] for r in answered]
        )
        abstained = [r for r in rs if r["abstained"]]
        true_abstain = sum(not r["answerable"] for r in abstained)
        m["abstain_p"] = true_abstain / len(abstained) if abstained else None
        m["abstain_r"] = true_abstain / len(unanswerable) if unanswerable else None
        m["false_abstain"] = sum(r["abstained"] for r in answerable) / len(answerable) if answerable else None
        latencies = sorted(r["latency_ms"] for r in rs)
        m["p50_ms"] = latencies[len(latencies) // 2] if latencies else None
        out[scope] = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in m.items()}
    return out


def _ranx_per_question(results: list[dict], relevant: dict[str, set[str]]) -> dict[str, dict[str, float]]:
    """Return hit@k, MRR@10 and nDCG@10 per answerable question, computed by ranx."""
    judged = [r for r in results if r["answerable"] and relevant.get(r["id"])]
    if not judged:
        return {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from ranx import Qrels, Run, evaluate

        qrels = Qrels({r["id"]: {cid: 1 for cid in relevant[r["id"]]} for r in judged})
        run = Run(
            {
                r["id"]: {
                    passage_id(p["source"], p["start"], p["end"]): float(len(r["passages"]) - p["rank"] + 1)
                    for p in r["passages"]
                }
                or {"<none>": 0.0}
                for r in judged
            }
        )
        scores = evaluate(qrels, run, list(RANX_METRICS.values()), return_mean=False, make_comparable=True)
    ids = list(qrels.keys())
    out = {qid: {} for qid in ids}
    for name, ranx_name in RANX_METRICS.items():
        for qid, value in zip(ids, scores[ranx_name]):
            out[qid][name] = float(value)
    # Questions whose evidence no passage holds count as misses.
    for r in results:
        if r["answerable"] and not relevant.get(r["id"]):
            out[r["id"]] = dict.fromkeys(RANX_METRICS, 0.0)
    return out


def bootstrap_interval(values: list[float], level: float = CI_LEVEL) -> tuple[float, float] | None:
    """Return the percentile bootstrap interval (low, high) of the mean of `values` at confidence `level`,
    from a fixed seed so reports repeat; None for fewer than two values or when all are equal (resampling
    them only repeats the figure: 7 questions all at rank 1 do not make 1.00 certain)."""
    if len(values) < 2 or min(values) == max(values):
        return None
    from scipy.stats import bootstrap

    result = bootstrap(
        (values,),
        np.mean,
        confidence_level=level,
        n_resamples=CI_RESAMPLES,
        method="percentile",
        rng=np.random.default_rng(CI_SEED),
    )
    return (float(result.confidence_interval.low), float(result.confidence_interval.high))
