"""Command line: `trip-assistant build | ask | eval | serve`, with JSON output for scripts."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from .config import MODES, Settings, settings_from_env

log = logging.getLogger("trip-assistant")


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
    p.add_argument("--corpus", type=Path, help="folder of .txt/.md reports (default: corpus/)")
    p.add_argument("--embeddings", type=Path, help="where the index and converted model live (default: embeddings/)")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for all subcommands."""
    parser = argparse.ArgumentParser(prog="trip-assistant", description="Ask the trip report; get its own words back.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="convert the model if needed and (re)build the index")
    _common(p)
    p.add_argument("--force", action="store_true", help="rebuild even when the index is current")

    p = sub.add_parser("ask", help="ask a question (no question: an interactive loop)")
    _common(p)
    p.add_argument("question", nargs="?", help="the question; omit it to ask several in a row")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--top-k", type=_top_k, default=Settings().top_k, help="passages to return (default 5)")
    p.add_argument("--mode", choices=MODES, default="hybrid", help="retrieval mode (default hybrid)")

    p = sub.add_parser("eval", help="run the known questions and report retrieval and answer metrics")
    _common(p)
    p.add_argument("--questions", type=Path, default=None, help="question file (default evals/questions.jsonl)")
    p.add_argument("--mode", choices=(*MODES, "all"), default="hybrid")
    p.add_argument("--top-k", type=_top_k, default=10)
    p.add_argument("--split", choices=("all", "dev", "test"), default="all", help="which part of the question set")
    p.add_argument("--json-out", type=Path)
    p.add_argument("--md-out", type=Path)
    p.add_argument("--gate", type=Path, help="baseline JSON; exit 1 when hit@5 or MRR@10 drop more than 0.02 below it")
    p.add_argument("--write-baseline", type=Path, help="record this run's hit@5 and MRR@10 as the new baseline")

    p = sub.add_parser("serve", help="start the chat web page")
    _common(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--auth", help="USER:PASS required to open the page")
    p.add_argument("--allow-unauthenticated", action="store_true", help="allow a non-loopback host without --auth")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return settings_from_env().with_overrides(model=args.model, corpus_dir=args.corpus, embeddings_dir=args.embeddings)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    level = os.environ.get("TRIP_ASSISTANT_LOG", "WARNING").upper()
    logging.basicConfig(
        level=getattr(logging, level, logging.WARNING), format="trip-assistant: %(message)s", stream=sys.stderr
    )
    args = build_parser().parse_args(argv)
    from .embedding import ModelError
    from .engine import QuestionError
    from .index import IndexCorrupt
    from .ingest import CorpusError

    try:
        return COMMANDS[args.command](args)
    except (CorpusError, ModelError, QuestionError, IndexCorrupt) as exc:
        print(f"trip-assistant: error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, QuestionError) else 1
    except KeyboardInterrupt:
        return 130


def cmd_build(args: argparse.Namespace) -> int:
    """Build the index and the dictionary translator kept beside it, and print what was built (no question is
    asked, so the query model is never loaded)."""
    from .embedding import Embedder
    from .index import open_index
    from .progress import reporter
    from .retrieval import Retriever
    from .translation_cache import load_translator

    started = time.perf_counter()
    settings = _settings(args)
    progress = reporter("embedding", interval=settings.progress_interval_s)
    index, notes = open_index(settings, Embedder.load(settings), rebuild=args.force, progress=progress)
    load_translator(
        Retriever(index, settings).document_frequency, settings.translations_per_word, index.manifest,
        settings.embeddings_dir,
    )  # fmt: skip
    m = index.manifest
    for note in notes:
        print(note)
    print(
        f"index ready: {len(m['documents'])} document(s), {m['chunk_count']} chunks, "
        f"{m['sentence_count']} sentences, model {m['model']} ({m['dim']} dims) "
        f"in {time.perf_counter() - started:.1f}s -> {settings.index_dir}"
    )
    return 0


def format_answer(answer) -> str:
    """Return an answer as readable text: quotes with their sections, then the passages."""
    lines = []
    for notice in answer.notices:
        lines.append(f"! {notice}")
    if answer.abstained:
        lines.append(answer.message)
        lines.append("Nearest passages:")
    else:
        for q in answer.quotes:
            lines.append(f"「{q.quote}」")
            lines.append(f"    — {q.section} ({q.source}:{q.start}-{q.end})")
        lines.append("Sources:")
    for p in answer.passages:
        snippet = " ".join(p.text.split())
        lines.append(f"  [{p.rank}] {p.section} (score {p.score:.4f})")
        lines.append(f"      {snippet[:160]}{'…' if len(snippet) > 160 else ''}")
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question, or loop over questions read from standard input."""
    from .engine import Assistant, QuestionError

    assistant = Assistant.load(_settings(args))

    def answer_one(question: str) -> None:
        answer = assistant.ask(question, top_k=args.top_k, mode=args.mode)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        else:
            print(format_answer(answer))

    if args.question is not None:
        answer_one(args.question)
        return 0
    interactive = sys.stdin.isatty()
    if interactive:
        print("Ask about the report (empty line or Ctrl-D to quit).")
    while True:
        try:
            line = input("? " if interactive else "")
        except EOFError:
            return 0
        if not line.strip():
            if interactive:
                return 0
            continue
        try:
            answer_one(line)
        except QuestionError as exc:
            print(f"trip-assistant: {exc}", file=sys.stderr)


def cmd_eval(args: argparse.Namespace) -> int:
    """Run the evaluation (see assistant.evaluation)."""
    from .evaluation import run_cli

    return run_cli(args, _settings(args))


def cmd_serve(args: argparse.Namespace) -> int:
    """Start the Gradio page (see assistant.ui)."""
    from .ui import serve

    return serve(args, _settings(args))


COMMANDS = {"build": cmd_build, "ask": cmd_ask, "eval": cmd_eval, "serve": cmd_serve}
