"""Reorder the top passages by how well their best sentence answers: what will be quoted breaks near-ties."""

from __future__ import annotations

from dataclasses import replace

from .config import Settings
from .retrieval import Hit, rrf


def rerank_by_sentences(hits: list[Hit], best: dict[int, float], settings: Settings) -> list[Hit]:
    """Return `hits` with the top `rerank_depth` reordered by RRF of their order and their best sentences'.

    `best` maps each of those passages to the score of its best sentence as an answer. The passage
    whose best sentence answers best moves up: what the answer step will quote decides between
    passages the fused ranking nearly ties. Passages below the top keep their order and get the RRF
    score of that rank alone, so scores fall with rank on one scale.
    """
    s = settings
    head, tail = hits[: s.rerank_depth], hits[s.rerank_depth :]
    by_sentence = sorted(best, key=lambda c: (-best[c], c))
    fused = rrf([[h.chunk_id for h in head], by_sentence], s.rrf_k, [1.0, s.rerank_weight])
    by_id = {h.chunk_id: h for h in head}
    reranked = [replace(by_id[c], score=fused[c]) for c in sorted(fused, key=lambda c: (-fused[c], c))]
    return reranked + [replace(h, score=1.0 / (s.rrf_k + len(head) + i)) for i, h in enumerate(tail, start=1)]
