"""Evaluation: run known questions through `ask`, score retrieval (ranx) and answers, write reports."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .calibration import expected_calibration_error, reliability
from .config import MODES, PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

DEFAULT_QUESTIONS = PROJECT_ROOT / "evals" / "questions.jsonl"
DEFAULT_BASELINE = PROJECT_ROOT / "evals" / "baseline.json"
LANGS = ("zh-TW", "en", "zh-CN")
RANX_METRICS = {
    "hit@1": "hit_rate@1",
    "hit@3": "hit_rate@3",
    "hit@5": "hit_rate@5",
    "mrr@10": "mrr@10",
    "ndcg@10": "ndcg@10",
}
GATED_METRICS = ("hit@5", "mrr@10")
GATE_TOLERANCE = 0.02
# hit@1 and MRR@10 also come as 95% bootstrap intervals: on a few dozen questions one question moves them
# by up to 1/n, and the interval says how far the figure could be from the same system on other questions.
INTERVAL_METRICS = ("hit@1", "mrr@10")  # answer_acc's interval is computed beside answer_acc
CI_LEVEL = 0.95
CI_RESAMPLES = 2000
CI_SEED = 0
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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _passage_id(source: str, start: int, end: int) -> str:
    return f"{source}:{start}-{end}"


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
    relevant = _relevant_chunks(assistant, questions, problems)
    results: list[dict] = []
    metrics: dict[str, dict[str, dict[str, float]]] = {}
    for mode in modes:
        mode_results = []
        for i, (q, answer, elapsed_ms) in enumerate(_answers(assistant, questions, mode, top_k), start=1):
            mode_results.append(_score_result(q, answer, mode, elapsed_ms))
            if progress:
                progress(mode, i, len(questions))
        metrics[mode] = _metrics_by_scope(questions, mode_results, relevant)
        results.extend(mode_results)
    return EvalReport(metrics, results, problems, top_k)


def _answers(assistant, questions: list[Question], mode: str, top_k: int):
    """Yield (question, answer as JSON, milliseconds) in the questions' order, playing each conversation whole
    when its first question comes up."""
    from .chat import Conversation

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


def _relevant_chunks(assistant, questions: list[Question], problems: list[str]) -> dict[str, set[str]]:
    chunks = [(_passage_id(c.doc_id, c.start, c.end), c.text) for c in assistant.index.chunks]
    relevant = {}
    for q in questions:
        if q.answerable:
            relevant[q.id] = {cid for cid, text in chunks if contains_evidence(text, q.evidence)}
            if not relevant[q.id]:
                problems.append(f"{q.id}: no indexed passage contains its evidence {list(q.evidence)}")
    return relevant


def _score_result(q: Question, answer: dict, mode: str, elapsed_ms: float) -> dict:
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


def _metrics_by_scope(questions: list[Question], results: list[dict], relevant: dict[str, set[str]]) -> dict:
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
                    _passage_id(p["source"], p["start"], p["end"]): float(len(r["passages"]) - p["rank"] + 1)
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


def _progress_printer(stream=None) -> Callable[[str, int, int], None]:
    """Return a progress callback for `run_eval`: one bar (a terminal) or periodic lines with the time left
    (`progress.reporter`) per mode."""
    from .progress import reporter

    reporters: dict[str, Callable[[int, int], None]] = {}

    def show(mode: str, done: int, total: int) -> None:
        if mode not in reporters:
            reporters[mode] = reporter(f"eval {mode}", stream, unit="questions")
        reporters[mode](done, total)

    return show


def leakage_table(questions: list[Question], leaks: list) -> tuple[str, float]:
    """Return a Markdown table of the staff-phrased share per split and kind, and the share over all
    Chinese questions (English questions cannot copy the report's characters and are left out)."""
    copied = {leak.question_id: leak.copied for leak in leaks}
    rows = ["| scope | Chinese questions | staff-phrased | copies (6+ shared characters) |", "|---|---|---|---|"]
    zh = [q for q in questions if q.id in copied]
    scopes = [("all", zh)] + [
        (f"{attr}={value}", [q for q in zh if getattr(q, attr) == value])
        for attr in ("split", "kind")
        for value in dict.fromkeys(getattr(q, attr) for q in zh if getattr(q, attr))
    ]
    for name, qs in scopes:
        if not qs:
            continue
        n_copied = sum(copied[q.id] for q in qs)
        rows.append(f"| {name} | {len(qs)} | {(len(qs) - n_copied) / len(qs):.0%} | {n_copied} |")
    share = (len(zh) - sum(copied.values())) / len(zh) if zh else 1.0
    return "\n".join(rows), share


def _check_leakage_cli(questions: list[Question], settings: Settings) -> int:
    from .ingest import load_corpus
    from .leakage import MIN_STAFF_PHRASED, check

    corpus = load_corpus(settings.corpus_dir, settings.root, settings.max_corpus_file_bytes, settings.readers)
    leaks = check(questions, [d.text for d in corpus.documents])
    table, share = leakage_table(questions, leaks)
    print(table)
    for leak in leaks:
        if leak.copied:
            print(f"copy: {leak.question_id} shares {leak.run!r}")
    if share < MIN_STAFF_PHRASED:
        print(f"trip-assistant: staff-phrased share {share:.0%} is below {MIN_STAFF_PHRASED:.0%}", file=sys.stderr)
        return 1
    return 0


CONFIDENCE_SIGNALS = ("blend", "coverage", "missing", "template", "han", "type")


def _fit_confidence_cli(questions: list[Question], settings: Settings, top_k: int) -> int:
    """Answer every question without abstaining, fit the confidence model on whether each answer was right,
    and print the weights (for config.Settings) and what each abstain and "high" threshold would give."""
    from .calibration import fit_logistic, logistic
    from .engine import Assistant

    loose = settings.with_overrides(abstain_threshold=-1.0, confidence_weights=())
    report = run_eval(Assistant.load(loose), questions, ("hybrid",), top_k, progress=_progress_printer())
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


def run_cli(args, settings: Settings) -> int:
    """Run `trip-assistant eval` and return its exit code (1 when the gate fails)."""
    from .engine import Assistant

    path = args.questions or DEFAULT_QUESTIONS
    try:
        qfile = load_split(path, args.split)
    except ValueError as exc:
        print(f"trip-assistant: error: {exc}", file=sys.stderr)
        return 1
    for problem in qfile.problems:
        print(f"trip-assistant: {problem}", file=sys.stderr)
    questions = qfile.questions
    if not questions:
        print(f"trip-assistant: error: no usable questions in {path}", file=sys.stderr)
        return 1
    if getattr(args, "check_leakage", False):
        return _check_leakage_cli(questions, settings)
    if getattr(args, "fit_confidence", False):
        if args.split != "dev":
            print(
                "trip-assistant: error: --fit-confidence fits on the dev split only: add --split dev", file=sys.stderr
            )
            return 2
        return _fit_confidence_cli(questions, settings, args.top_k)
    assistant = Assistant.load(settings)
    modes = MODES if args.mode == "all" else (args.mode,)
    report = run_eval(assistant, questions, modes, args.top_k, progress=_progress_printer())
    report.problems[:0] = qfile.problems
    print(report.table_markdown())
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    if args.md_out:
        args.md_out.parent.mkdir(parents=True, exist_ok=True)
        args.md_out.write_text(report.to_markdown(), encoding="utf-8")
    if args.write_baseline:
        baseline = baseline_from(report, scopes=("all", "split=dev", "split=test"))
        args.write_baseline.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
    if args.gate:
        failures = gate(report, json.loads(Path(args.gate).read_text(encoding="utf-8")))
        for failure in failures:
            print(f"trip-assistant: gate failed: {failure}", file=sys.stderr)
        if failures:
            return 1
        print("gate passed")
    return 0
