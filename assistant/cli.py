"""Command line: `trip-assistant build | ask | eval | serve | add | remove`, with JSON output for scripts."""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .config import MODES, Settings, settings_from_env

log = logging.getLogger("trip-assistant")

# Characters that move the cursor, recolour or reorder what a terminal shows: C0/C1 controls, bidi
# embeddings, overrides and isolates, line separators, and lone surrogates (undecodable bytes).
_UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# What Ctrl-C leaves behind, said when it stops a command that changes the index (index.py writes atomically; `add`
# deletes its copies again).
_INTERRUPTED = {
    "build": ": the previous index is kept and still answers",
    "add": ": nothing was added; the previous index is kept and still answers",
    "remove": ": the index is brought up to date with the corpus folder at the next build or start",
}
# Typed alone in `ask`'s loop, starts a new topic: the next question is read on its own (the page's "New topic").
NEW_TOPIC = "/new"
NOT_UTF8_NOTICE = (
    "問題含有非 UTF-8 位元組，已以 U+FFFD 取代。The question had bytes that are not UTF-8; each was replaced by U+FFFD."
)


def terminal_safe(text: str, keep: str = "\n\t") -> str:
    r"""Return `text` with controls and bidi characters (except those in `keep`) written as visible escapes.

    >>> terminal_safe("a\x1b[31mb\u202ec")
    'a\\x1b[31mb\\u202ec'
    """
    return _UNSAFE_RE.sub(lambda m: m.group() if m.group() in keep else _escape_char(m.group()), text)


def _escape_char(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_bytes(data: object, indent: int | None = 2) -> bytes:
    """Return `data` as JSON in valid UTF-8 (indented, or on one line with `indent` None); characters unsafe on a
    terminal are \\u escapes.

    The escapes parse back to the same characters, so scripts lose nothing.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)  # the only raw newlines are its indentation
    escaped = _UNSAFE_RE.sub(lambda m: m.group() if m.group() == "\n" else f"\\u{ord(m.group()):04x}", text)
    return escaped.encode("utf-8") + b"\n"


def utf8_question(text: str) -> tuple[str, bool]:
    """Return `text` (as decoded from argv or stdin) with undecodable bytes replaced by U+FFFD, and whether any were."""
    cleaned = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return cleaned, cleaned != text


class _TerminalSafeFormatter(logging.Formatter):
    """Log lines with file names and questions escaped, each message on one line."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        record.message = terminal_safe(record.message, keep="")
        return super().formatMessage(record)


def _top_k(value: str) -> int:
    limit = Settings().max_top_k
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--top-k must be a whole number, got {value!r}") from None
    if not 1 <= k <= limit:
        raise argparse.ArgumentTypeError(f"--top-k must be between 1 and {limit}, got {k}")
    return k


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--model", help="sentence-transformers model: the default e5, a local directory or a cached hub name"
    )
    p.add_argument("--corpus", type=Path, help="folder of .txt/.md/.pdf/.docx reports (default: corpus/)")
    p.add_argument("--embeddings", type=Path, help="where the index and converted model live (default: embeddings/)")


def _build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--force", action="store_true", help="rebuild even when the index is current")


def _add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a report to add")


def _remove_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME", help="the report's cited name (corpus/x.pdf) or its file name")


def _ask_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "question", nargs="?",
        help=f"the question; omit it to ask several in a row, follow-ups read as on the page ({NEW_TOPIC} starts anew)",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help="print the answer as JSON (one line per answer in a loop)")
    p.add_argument("--alone", action="store_true", help="in a loop, read every question on its own (no follow-ups)")
    p.add_argument("--top-k", type=_top_k, default=Settings().top_k, help="passages to return (default 5)")
    p.add_argument("--mode", choices=MODES, default="hybrid", help="retrieval mode (default hybrid)")
    p.add_argument(
        "--report", action="append", metavar="NAME",
        help="answer only from this report (repeatable; its name as `reports` lists it, or its file name)",
    )  # fmt: skip


def _reports_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print the list as JSON")


def _eval_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--questions", type=Path, default=None, help="question file (default evals/questions.jsonl)")
    p.add_argument("--mode", choices=(*MODES, "all"), default="hybrid")
    p.add_argument("--top-k", type=_top_k, default=10)
    p.add_argument("--split", choices=("all", "dev", "test"), default="all", help="which part of the question set")
    p.add_argument("--json-out", type=Path)
    p.add_argument("--md-out", type=Path)
    p.add_argument("--gate", type=Path, help="baseline JSON; exit 1 when hit@5 or MRR@10 drop more than 0.02 below it")
    p.add_argument("--write-baseline", type=Path, help="record this run's hit@5 and MRR@10 as the new baseline")
    p.add_argument(
        "--check-leakage", action="store_true", help="print the share of staff-phrased (not copied) questions"
    )
    p.add_argument(
        "--fit-confidence", action="store_true", help="fit the confidence model on these questions; print it"
    )


def _serve_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--auth-file", type=Path, help="file whose first line is USER:PASS, required to open the page")
    p.add_argument(
        "--auth", help="USER:PASS on the command line (visible in ps: prefer --auth-file or TRIP_ASSISTANT_AUTH)"
    )
    p.add_argument("--allow-unauthenticated", action="store_true", help="allow a non-loopback host without a password")
    p.add_argument("--ssl-certfile", type=Path, help="certificate (PEM) to serve HTTPS; with --ssl-keyfile")
    p.add_argument("--ssl-keyfile", type=Path, help="private key (PEM) of --ssl-certfile")
    p.add_argument(
        "--allowed-host", action="append", metavar="NAME",
        help="a host name the page is reached by (repeatable); loopback names, the --host and IP addresses always are",
    )  # fmt: skip


def _feedback_options(p: argparse.ArgumentParser) -> None:
    # The chat page's feedback: `feedback export` writes reviewed feedback as eval questions (see feedback.py).
    p.add_argument("action", choices=("export",), help="export: reviewed feedback as evals/questions.jsonl lines")
    p.add_argument("--out", type=Path, help="write the JSONL here instead of standard output")
    p.add_argument(
        "--questions",
        type=Path,
        default=None,
        help="eval file whose questions are skipped (default evals/questions.jsonl)",
    )


# Each subcommand: its help line and the options it takes besides the common ones (--model, --corpus, --embeddings).
SUBCOMMANDS = {
    "build": ("convert the model if needed and (re)build the index", _build_options),
    "add": ("copy reports (.txt .md .pdf .docx) into the corpus, then update the index", _add_options),
    "remove": ("delete a report from the corpus, then update the index", _remove_options),
    "ask": ("ask a question (no question: an interactive loop)", _ask_options),
    "reports": ("list the indexed reports with their cover fields", _reports_options),
    "eval": ("run the known questions and report retrieval and answer metrics", _eval_options),
    "serve": ("start the chat web page", _serve_options),
    "feedback": ("the chat page's feedback (👍/👎, marked passages)", _feedback_options),
}


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for all subcommands."""
    parser = argparse.ArgumentParser(prog="trip-assistant", description="Ask the trip report; get its own words back.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, add_options) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        _common(p)
        add_options(p)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return settings_from_env().with_overrides(model=args.model, corpus_dir=args.corpus, embeddings_dir=args.embeddings)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    level = os.environ.get("TRIP_ASSISTANT_LOG", "WARNING").upper()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_TerminalSafeFormatter("trip-assistant: %(message)s"))
    logging.basicConfig(level=getattr(logging, level, logging.WARNING), handlers=[handler])
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # a non-UTF-8 terminal gets escapes, not a traceback
    args = build_parser().parse_args(argv)
    from .embedding import ModelError
    from .engine import QuestionError
    from .index import IndexCorrupt, IndexLockError
    from .ingest import CorpusError

    try:
        return COMMANDS[args.command](args)
    except (CorpusError, ModelError, QuestionError, IndexCorrupt, IndexLockError) as exc:
        print(f"trip-assistant: error: {terminal_safe(str(exc), keep='')}", file=sys.stderr)
        return 2 if isinstance(exc, QuestionError) else 1
    except KeyboardInterrupt:
        print(f"trip-assistant: interrupted{_INTERRUPTED.get(args.command, '')}", file=sys.stderr)
        return 130


def cmd_build(args: argparse.Namespace) -> int:
    """Build the index and the dictionary translator kept beside it, and print what was built (no question is
    asked, so the query model is never loaded)."""
    from .embedding import Embedder
    from .index import open_index
    from .ingest import require_corpus_dir
    from .progress import reporter

    started = time.perf_counter()
    settings = _settings(args)
    require_corpus_dir(settings.corpus_dir)  # before the model is converted or loaded: a typo fails at once
    progress = reporter("embedding", interval=settings.progress_interval_s)
    index, notes = open_index(
        settings, Embedder.load(settings), rebuild=getattr(args, "force", False), progress=progress
    )
    return _built(settings, index, notes, started)


def _built(settings, index, notes: list[str], started: float) -> int:
    """Build the translator for `index` if it has none yet, and print what was built; return 0."""
    from .retrieval import Retriever
    from .translation_cache import load_translator

    load_translator(
        Retriever(index, settings).document_frequency, settings.translations_per_word, index.manifest,
        settings.embeddings_dir,
    )  # fmt: skip
    m = index.manifest
    for note in notes:
        print(terminal_safe(note, keep=""))
    print(
        f"index ready: {len(m['documents'])} document(s), {m['chunk_count']} chunks, "
        f"{m['sentence_count']} sentences, model {m['model']} ({m['dim']} dims) "
        f"in {time.perf_counter() - started:.1f}s -> {settings.index_dir}"
    )
    if "embedded_chunks" in m and any(n.startswith("index rebuilt") for n in notes):
        print(f"embedded {m['embedded_chunks']} chunk(s) and {m['embedded_sentences']} sentence(s); the rest reused")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """Copy reports into the corpus folder (all or none), then update the index, embedding only what is new; if the
    index cannot be built (Ctrl-C included), the copies are deleted again, so the corpus matches the index."""
    from .embedding import Embedder
    from .library import add_and_index
    from .progress import reporter

    started = time.perf_counter()
    settings = _settings(args)
    progress = reporter("embedding", interval=settings.progress_interval_s)
    added, index, notes = add_and_index(args.files, settings, lambda: Embedder.load(settings), progress=progress)
    for report in added:
        print(f"added {terminal_safe(report.doc_id, keep='')}")
    return _built(settings, index, notes, started)


def cmd_remove(args: argparse.Namespace) -> int:
    """Delete one report from the corpus folder, then update the index (nothing is embedded again)."""
    from .library import remove_report

    settings = _settings(args)
    removed = remove_report(args.name, settings)
    print(f"removed {terminal_safe(removed.name, keep='')}")
    return cmd_build(args)


def format_answer(answer, breaks_of: Callable[[str], Sequence[tuple[int, int]]] = lambda source: ()) -> str:
    """Return an answer as staff read it: its confidence, the quotes cited by page, section and report (page-break
    gaps inside a quote joined, as the page shows it: `breaks_of(source)`), then the passages (offsets and scores
    are in `--json`)."""
    from .ui_render import cite_label, joined

    levels = {"high": "高 high", "medium": "中 medium", "low": "低 low"}
    lines = [f"! {notice}" for notice in answer.notices]
    if answer.abstained:
        lines += [answer.message, "Nearest passages (not an answer):"]
    else:
        lines.append(f"信心 Confidence: {levels.get(answer.level, answer.level)}")
        for q in answer.quotes:
            quote = joined(q.quote, q.start, breaks_of(q.source))
            lines += [f"「{quote}」", f"    — {cite_label(q.pages, q.section)} ({q.source})"]
        lines.append("Sources:")
    for p in answer.passages:
        snippet = " ".join(p.text.split())
        lines.append(f"  [{p.rank}] {cite_label(p.pages, p.section)} ({p.source})")
        lines.append(f"      {snippet[:160]}{'…' if len(snippet) > 160 else ''}")
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question, or loop over questions read from standard input."""
    from .chat import Conversation
    from .engine import Assistant, QuestionError
    from .question_check import question_problem

    limit = Settings().max_question_input_chars
    if args.question is not None:
        # Refused before the model loads: an empty or oversized question costs nothing.
        problem = question_problem(utf8_question(args.question)[0], limit)
        if problem:
            print(f"trip-assistant: error: {problem}", file=sys.stderr)
            return 2
    assistant = Assistant.load(_settings(args))
    if args.report:
        assistant.report_names(args.report)  # an unknown report is one error, not one per question

    conversation = Conversation(assistant)

    def answer_one(raw: str, indent: int | None = 2) -> None:
        question, replaced = utf8_question(raw)
        ask = assistant.ask if args.alone or args.question is not None else conversation.ask
        answer = ask(question, top_k=args.top_k, mode=args.mode, reports=args.report)
        if args.json:
            data = answer.to_dict()
            data["notices"] = [*data["notices"], *([NOT_UTF8_NOTICE] if replaced else [])]
            sys.stdout.flush()
            sys.stdout.buffer.write(json_bytes(data, indent))
            sys.stdout.buffer.flush()
        else:
            shown = format_answer(answer, lambda source: assistant.index.document(source).breaks)
            print(terminal_safe(("! " + NOT_UTF8_NOTICE + "\n" if replaced else "") + shown))

    if args.question is not None:
        answer_one(args.question)
        return 0
    return _question_loop(lambda line: answer_one(line, indent=None), conversation.reset, QuestionError)


def _question_loop(answer_one: Callable[[str], None], new_topic: Callable[[], None], refused: type[Exception]) -> int:
    """Answer the questions on standard input, one per line (a terminal's prompt, or a pipe's lines), until an
    empty line on a terminal or the end of input; `NEW_TOPIC` alone starts a new topic."""
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="surrogateescape")  # undecodable bytes are replaced and noted, not fatal
    interactive = sys.stdin.isatty()
    if interactive:
        print(f"Ask about the report; a follow-up reads the questions before it ({NEW_TOPIC} starts a new topic;")
        print("empty line or Ctrl-D to quit).")
    while True:
        try:
            line = input("? " if interactive else "")
        except EOFError:
            return 0
        if not line.strip():
            if interactive:
                return 0
            continue
        if line.strip().lower() == NEW_TOPIC:
            new_topic()
            continue
        try:
            answer_one(line)  # in a loop, one answer per line: a script reads them line by line
        except refused as exc:
            print(f"trip-assistant: {terminal_safe(str(exc), keep='')}", file=sys.stderr)


def cmd_reports(args: argparse.Namespace) -> int:
    """List the indexed reports: each source name, then its cover fields (agency, people, country, dates)."""
    from .engine import Assistant

    reports = Assistant.load(_settings(args)).reports()
    if args.json:
        sys.stdout.buffer.write(json_bytes([r.to_dict() for r in reports]))
        return 0
    for report in reports:
        pages = f" ({report.pages} pages)" if report.pages else ""
        print(terminal_safe(report.source + pages, keep=""))
        for key, value in report.fields.items():
            print(terminal_safe(f"    {key}：{value}", keep=""))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Run the evaluation (see assistant.evaluation.command)."""
    from .evaluation.command import run_cli

    return run_cli(args, _settings(args))


def cmd_serve(args: argparse.Namespace) -> int:
    """Start the Gradio page (see assistant.serve)."""
    from .serve import serve

    return serve(args, _settings(args))


def cmd_feedback(args: argparse.Namespace) -> int:
    """Export reviewed feedback as eval questions (JSONL), skipping questions the eval file already has."""
    from .evaluation import DEFAULT_QUESTIONS
    from .feedback import FeedbackStore, export_questions, known_questions

    settings = _settings(args)
    path = args.questions or DEFAULT_QUESTIONS
    if args.questions is not None and not args.questions.is_file():  # a typo would export every question again
        print(f"trip-assistant: error: question file not found: {args.questions}", file=sys.stderr)
        return 2
    known = known_questions(path)
    lines = [json.dumps(q, ensure_ascii=False) for q in export_questions(FeedbackStore(settings.feedback_path), known)]
    text = "".join(f"{line}\n" for line in lines)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"{len(lines)} question(s) -> {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


COMMANDS = {
    "build": cmd_build,
    "add": cmd_add,
    "remove": cmd_remove,
    "ask": cmd_ask,
    "reports": cmd_reports,
    "eval": cmd_eval,
    "serve": cmd_serve,
    "feedback": cmd_feedback,
}
