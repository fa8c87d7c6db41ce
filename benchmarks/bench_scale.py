"""How cost grows with the corpus: N synthetic reports recombined from the real report's sections.

Each N runs in its own process (so peak memory is its own): build time and throughput, index
size on disk, hybrid query latency and peak RSS. Usage: bench_scale.py [N ...] (default 10 100).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, dir_size_mb, peak_rss_mb, percentile, print_table, timed, write_json

TARGET_CHARS = 20_000


def make_corpus(directory: Path, n: int) -> int:
    """Write n distinct ~20k-character reports recombined from the real report; return total chars."""
    from assistant.ingest import load_corpus

    report = load_corpus(ROOT / "corpus", ROOT).documents[0]
    sections = [report.text[s.start : s.end] for s in report.sections if s.kind == "body" and s.end - s.body_start > 50]
    total = 0
    for i in range(n):
        rng = random.Random(i)
        parts, size = [f"第 {i + 1} 號出國報告（合成）\n\n"], 0
        while size < TARGET_CHARS:
            part = rng.choice(sections)
            parts.append(part if part.endswith("\n") else part + "\n")
            size += len(part)
        text = "".join(parts)
        (directory / f"report-{i:04d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def measure_one(n: int) -> dict:
    """Build and query an index of n synthetic reports in this process; return the figures."""
    from assistant import Assistant
    from assistant.config import Settings
    from assistant.embedding import Embedder, resolve_model
    from assistant.evaluation import DEFAULT_QUESTIONS, load_questions

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        chars = make_corpus(corpus, n)
        settings = Settings(corpus_dir=corpus, embeddings_dir=Path(tmp) / "embeddings")
        settings = settings.with_overrides(model=str(resolve_model(Settings())))
        embedder = Embedder.load(settings)
        assistant, build_s = timed(Assistant.load, settings, embedder=embedder)
        index = assistant.index
        questions = [q.question for q in load_questions(DEFAULT_QUESTIONS).questions][:60]
        for q in questions[:5]:
            assistant.ask(q)
        ms = [timed(assistant.ask, q)[1] * 1000 for q in questions]
        return {
            "N": n,
            "chars": chars,
            "chunks": len(index.chunks),
            "sentences": len(index.sentences),
            "build_s": build_s,
            "chunks_per_s": len(index.chunks) / build_s,
            "texts_per_s": (len(index.chunks) + len(index.sentences)) / build_s,
            "index_mb": dir_size_mb(settings.index_dir),
            "query_p50_ms": percentile(ms, 50),
            "query_p95_ms": percentile(ms, 95),
            "peak_rss_mb": peak_rss_mb(),
        }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure_one(int(argv[1]))))
        return
    sizes = [int(a) for a in argv] or [10, 100]
    rows = []
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], cwd=ROOT, check=True, capture_output=True, text=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print_table(f"Scale (so far: N = {', '.join(str(r['N']) for r in rows)})", rows)
    print(f"\nwritten: {write_json('scale', {'rows': rows})}")


if __name__ == "__main__":
    main(sys.argv[1:])
