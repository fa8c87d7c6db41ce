"""How cost grows with the corpus: N synthetic reports recombined from the real report's sections.

Each N is built in one process (build time, throughput, index size, peak RSS while building) and
then loaded and queried in a fresh one, as a server would (load time, hybrid query p50/p95, peak
RSS while serving). Each question is also asked limited to one report (`reports=[...]`, what the
page's report choice and the API's `reports` do), in the same run and alternating with the
unfiltered ask, so the filtered/unfiltered ratios compare like with like on a shared machine; every
filtered answer is checked to quote and list only that report. Questions: the eval file's dev split.
Usage: bench_scale.py [N ...] (default 10 100 1000; N = 1000 takes ~1 h).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RESULTS, ROOT, dir_size_mb, peak_rss_mb, percentile, print_table, timed, write_json

TARGET_CHARS = 20_000
QUESTIONS = 60  # dev questions timed per N (after 5 warm-up asks)
CHOSEN = "corpus/report-0000.txt"  # the report filtered questions are limited to


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
    """Load the index built under `workdir` as a fresh server process would and time questions against it,
    each asked over every report and limited to one (alternating which goes first)."""
    from assistant import Assistant
    from assistant.evaluation import DEFAULT_QUESTIONS, load_split

    (assistant, load_s) = timed(Assistant.load, _settings(workdir))
    assert not assistant.notes, assistant.notes  # loaded, not rebuilt
    questions = [q.question for q in load_split(DEFAULT_QUESTIONS, "dev").questions][:QUESTIONS]
    for q in questions[:5]:
        assistant.ask(q)
        assistant.ask(q, reports=[CHOSEN])
    every, limited, strays = [], [], 0
    for i, q in enumerate(questions):
        runs = [(every, None), (limited, [CHOSEN])]
        for times, reports in runs if i % 2 == 0 else runs[::-1]:
            answer, seconds = timed(assistant.ask, q, reports=reports)
            times.append(seconds * 1000)
            if reports:
                cited = {x.source for x in answer.quotes} | {p.source for p in answer.passages}
                strays += bool(cited - {CHOSEN})
    return {
        "load_s": load_s,
        "query_p50_ms": percentile(every, 50),
        "query_p95_ms": percentile(every, 95),
        "filtered_p50_ms": percentile(limited, 50),
        "filtered_p95_ms": percentile(limited, 95),
        "filtered_p50_ratio": percentile(limited, 50) / percentile(every, 50),
        "filtered_p95_ratio": percentile(limited, 95) / percentile(every, 95),
        "filtered_answers_citing_other_reports": strays,
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
        rows.append(measure_one(n) | {"measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        print_table(f"Scale (so far: N = {', '.join(str(r['N']) for r in rows)})", rows)
        # After each N, so a long series keeps what it measured; rows of other N from an earlier run are kept.
        written = write_json("scale", {"rows": _merged(rows)})
    print(f"\nwritten: {written}")


def _merged(rows: list[dict]) -> list[dict]:
    """Return `rows` with the earlier results file's rows for the other N, ordered by N."""
    try:
        earlier = json.loads((RESULTS / "scale.json").read_text(encoding="utf-8"))["rows"]
    except (OSError, ValueError, KeyError):
        earlier = []
    measured = {r["N"] for r in rows}
    return sorted([*(r for r in earlier if r["N"] not in measured), *rows], key=lambda r: r["N"])


if __name__ == "__main__":
    main(sys.argv[1:])
