"""`trip-assistant eval`: read the questions, then run, report and gate them, check copies or fit the confidence."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..config import MODES, Settings
from .gate import baseline_from, gate
from .questions import DEFAULT_QUESTIONS, Question, QuestionFile, load_split
from .report import EvalReport
from .run import progress_printer, run_eval


def run_cli(args, settings: Settings) -> int:
    """Run `trip-assistant eval` and return its exit code (1 when the gate fails)."""
    qfile = _question_file(args.questions or DEFAULT_QUESTIONS, args.split)
    if qfile is None:
        return 1
    if getattr(args, "check_leakage", False):
        return check_leakage(qfile.questions, settings)
    if getattr(args, "fit_confidence", False):
        if args.split != "dev":
            print(
                "trip-assistant: error: --fit-confidence fits on the dev split only: add --split dev", file=sys.stderr
            )
            return 2
        from .fit import fit_confidence

        return fit_confidence(qfile.questions, settings, args.top_k)
    return _evaluate(args, settings, qfile)


def _question_file(path: Path, split: str) -> QuestionFile | None:
    """Return the questions of `split` in `path`, saying each skipped line on stderr; None (said) when none."""
    try:
        qfile = load_split(path, split)
    except ValueError as exc:
        print(f"trip-assistant: error: {exc}", file=sys.stderr)
        return None
    for problem in qfile.problems:
        print(f"trip-assistant: {problem}", file=sys.stderr)
    if not qfile.questions:
        print(f"trip-assistant: error: no usable questions in {path}", file=sys.stderr)
        return None
    return qfile


def _evaluate(args, settings: Settings, qfile: QuestionFile) -> int:
    """Run the questions in the chosen modes, print the metrics table, write the asked files, apply the gate (read
    first: a missing or unreadable baseline fails before the run, not after it)."""
    from ..engine import Assistant

    baseline = None
    if args.gate:
        try:
            baseline = json.loads(Path(args.gate).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"trip-assistant: error: cannot read the baseline {args.gate}: {exc}", file=sys.stderr)
            return 2
    assistant = Assistant.load(settings)
    modes = MODES if args.mode == "all" else (args.mode,)
    report = run_eval(assistant, qfile.questions, modes, args.top_k, progress=progress_printer())
    report.problems[:0] = qfile.problems
    print(report.table_markdown())
    _write_reports(report, args)
    return _apply_gate(report, baseline) if baseline is not None else 0


def _write_reports(report: EvalReport, args) -> None:
    """Write the JSON and Markdown reports and the new baseline, each where its option asks."""
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    if args.md_out:
        args.md_out.parent.mkdir(parents=True, exist_ok=True)
        args.md_out.write_text(report.to_markdown(), encoding="utf-8")
    if args.write_baseline:
        args.write_baseline.parent.mkdir(parents=True, exist_ok=True)
        baseline = baseline_from(report, scopes=("all", "split=dev", "split=test"))
        args.write_baseline.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")


def _apply_gate(report: EvalReport, baseline: dict) -> int:
    """Return 1 and say each failure on stderr when the report falls below the baseline, else 0 ("gate passed")."""
    failures = gate(report, baseline)
    for failure in failures:
        print(f"trip-assistant: gate failed: {failure}", file=sys.stderr)
    if failures:
        return 1
    print("gate passed")
    return 0


def check_leakage(questions: list[Question], settings: Settings) -> int:
    """Print the staff-phrased share per split and kind and each copied run; 1 when the share is below the floor."""
    from ..ingest import load_corpus
    from .leakage import MIN_STAFF_PHRASED, check, leakage_table

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
