"""How cost grows with the corpus: N synthetic reports recombined from the real report's sections.

Each N is built in one process (build time, throughput, index size, peak RSS while building) and
then loaded and queried in a fresh one, as a server would (load time, hybrid query p50/p95, peak
RSS while serving). Usage: bench_scale.py [N ...] (default 10 100 1000; N = 1000 takes ~1 h).
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


def _settings(workdir: Path):
    from assistant.config import Settings
    from assistant.embedding import resolve_model

    settings = Settings(corpus_dir=workdir / "corpus", embeddings_dir=workdir / "embeddings")
    return settings.with_overrides(model=str(resolve_model(Settings())))


def build_one(n: int, workdir: Path) -> dict:
    """Write n synthetic reports under `workdir` and index them in this process; return the figures."""
    from assistant.embedding import Embedder
    from assistant.index import open_index

    (workdir / "corpus").mkdir(parents=True)
    chars = make_corpus(workdir / "corpus", n)
    settings = _settings(workdir)
    embedder = Embedder.load(settings)
    (index, _), build_s = timed(open_index, settings, embedder)
    return {
        "N": n,
        "chars": chars,
        "chunks": len(index.chunks),
        "sentences": len(index.sentences),
        "passage_encoder": embedder.passage_encoder,
        "build_s": build_s,
        "chunks_per_s": len(index.chunks) / build_s,
        "texts_per_s": (len(index.chunks) + len(index.sentences)) / build_s,
        "index_mb": dir_size_mb(settings.index_dir),
        "build_peak_rss_mb": peak_rss_mb(),
    }


def serve_one(workdir: Path) -> dict:
    """Load the index built under `workdir` as a fresh server process would and time questions against it."""
    from assistant import Assistant
    from assistant.evaluation import DEFAULT_QUESTIONS, load_questions

    (assistant, load_s) = timed(Assistant.load, _settings(workdir))
    assert not assistant.notes, assistant.notes  # loaded, not rebuilt
    questions = [q.question for q in load_questions(DEFAULT_QUESTIONS).questions][:60]
    for q in questions[:5]:
        assistant.ask(q)
    ms = [timed(assistant.ask, q)[1] * 1000 for q in questions]
    return {
        "load_s": load_s,
        "query_p50_ms": percentile(ms, 50),
        "query_p95_ms": percentile(ms, 95),
        "serve_peak_rss_mb": peak_rss_mb(),
    }


def measure_one(n: int) -> dict:
    """Build N in one process, then load and query it in another; return both processes' figures."""
    with tempfile.TemporaryDirectory() as tmp:
        row = _run_child("--build", str(n), tmp)
        row.update(_run_child("--serve", tmp))
        return row


def _run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    if argv[:1] == ["--build"]:
        print(json.dumps(build_one(int(argv[1]), Path(argv[2]))))
        return
    if argv[:1] == ["--serve"]:
        print(json.dumps(serve_one(Path(argv[1]))))
        return
    sizes = [int(a) for a in argv] or [10, 100, 1000]
    rows = []
    for n in sizes:
        rows.append(measure_one(n))
        print_table(f"Scale (so far: N = {', '.join(str(r['N']) for r in rows)})", rows)
        written = write_json("scale", {"rows": rows})  # after each N, so a long series keeps what it measured
    print(f"\nwritten: {written}")


if __name__ == "__main__":
    main(sys.argv[1:])
