"""Side by side: the pipeline a user would write first with the same packages, and ours, on the eval set.

The first pipeline: RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200) over the
whole file, the same embedding model, a flat FAISS index, dense retrieval only, top-5.
"""

from __future__ import annotations

import faiss
import numpy as np
from common import percentile, print_table, timed, write_json
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant import Assistant
from assistant.evaluation import DEFAULT_QUESTIONS, contains_evidence, load_questions

TOP_K = 5


def scores(first_ranks: list[int | None]) -> dict:
    n = len(first_ranks)
    return {
        "hit@1": sum(r == 1 for r in first_ranks) / n,
        "hit@5": sum(r is not None and r <= 5 for r in first_ranks) / n,
        "mrr@5": sum(1 / r for r in first_ranks if r) / n,
    }


def main() -> None:
    assistant = Assistant.load()
    questions = [q for q in load_questions(DEFAULT_QUESTIONS).questions if q.answerable]
    text = next(iter(assistant.index.documents.values())).text
    embedder = assistant.embedder

    # The first pipeline.
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    chunks = splitter.split_text(text)
    vectors = embedder.model.encode(chunks, normalize_embeddings=True, convert_to_numpy=True).astype(np.float32)
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)

    def naive(question: str) -> list[str]:
        q = embedder.model.encode([question], normalize_embeddings=True, convert_to_numpy=True).astype(np.float32)
        _, ids = flat.search(q, TOP_K)
        return [chunks[i] for i in ids[0] if i >= 0]

    rows = []
    for name, search in (
        ("first pipeline (1000/200 chunks, dense, top-5)", naive),
        ("trip-assistant hybrid (top-5)", lambda q: [p.text for p in assistant.ask(q, top_k=TOP_K).passages]),
    ):
        for q in questions[:5]:
            search(q.question)  # warm up
        ranks, ms = [], []
        for q in questions:
            passages, seconds = timed(search, q.question)
            ms.append(seconds * 1000)
            ranks.append(next((i for i, p in enumerate(passages, 1) if contains_evidence(p, q.evidence)), None))
        rows.append({"pipeline": name, "questions": len(questions), **scores(ranks),
                     "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95)})  # fmt: skip
    rows[0]["chunks"], rows[1]["chunks"] = len(chunks), len(assistant.index.chunks)
    print_table("Side by side on the answerable eval questions (MRR over the top 5)", rows)
    print(f"\nwritten: {write_json('baseline', {'rows': rows})}")


if __name__ == "__main__":
    main()
