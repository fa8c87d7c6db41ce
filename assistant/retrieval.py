"""Rank chunks for a query: dense (FAISS), lexical (BM25) or both fused, by standardized score for Chinese
questions and by reciprocal rank for the others."""

from __future__ import annotations

from dataclasses import dataclass, replace

import faiss
import numpy as np

from .config import MODES, Settings
from .index import Index
from .text.normalize import has_han
from .text.tokens import tokenize


@dataclass(frozen=True)
class Hit:
    """One ranked chunk with the evidence behind its rank."""

    chunk_id: int
    score: float
    dense_score: float | None = None
    lexical_score: float | None = None


def zscore_fusion(columns: list[np.ndarray], weights: list[float]) -> np.ndarray:
    """Return sum over columns of weight * (column - its mean) / its standard deviation (a constant column adds 0)."""
    fused = np.zeros(len(columns[0]), dtype=np.float64)
    for column, weight in zip(columns, weights):
        column = np.asarray(column, dtype=np.float64)
        spread = column.std()
        if weight > 0 and spread > 0:
            fused += weight * (column - column.mean()) / spread
    return fused


def rrf(rankings: list[list[int]], k: int, weights: list[float] | None = None) -> dict[int, float]:
    """Return reciprocal-rank-fusion scores: sum over rankings of weight / (k + rank), ranks from 1."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings)):
        if weight <= 0:
            continue
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (k + rank)
    return fused


class Retriever:
    """Searches one index; the mode picks dense, lexical or hybrid (RRF) ranking."""

    def __init__(self, index: Index, settings: Settings | None = None) -> None:
        self.index = index
        self.settings = settings or Settings()
        self._vocab = index.bm25.vocab_dict

    def dense_top(self, query_vector: np.ndarray, depth: int, only: np.ndarray | None = None) -> dict[int, float]:
        """Return {chunk id: cosine} for the `depth` chunks closest to the query vector, best first (among the
        chunk ids `only`, when given)."""
        params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(only)) if only is not None else None
        scores, ids = self.index.dense.search(query_vector.reshape(1, -1).astype(np.float32), depth, params=params)
        return {int(i): float(sc) for i, sc in zip(ids[0], scores[0]) if i >= 0}

    def dense_score(self, chunk_id: int, query_vector: np.ndarray) -> float:
        """Return the cosine of one chunk to the query vector."""
        return float(self.index.dense.reconstruct(chunk_id) @ query_vector)

    def document_frequency(self, word: str) -> int:
        """Return how many chunks use `word` (folded): a Latin word as a BM25 token; a Chinese one as the rarest
        of its character pairs (BM25 indexes Han bigrams: exact for two characters, an upper bound beyond)."""
        indptr = self.index.bm25.scores["indptr"]  # the score matrix is CSC by token: one column per token

        def df(token: str) -> int:
            i = self._vocab.get(token)
            return 0 if i is None or i + 1 >= len(indptr) else int(indptr[i + 1] - indptr[i])

        if not has_han(word):
            return df(word)
        return min((df(word[i : i + 2]) for i in range(len(word) - 1)), default=df(word))

    def indexed_tokens(self, query_text: str) -> list[str]:
        """Return the query's CJK-aware tokens that occur in the index, each once: what BM25 can match."""
        return list(dict.fromkeys(t for t in tokenize(query_text) if t in self._vocab))

    def lexical_scores(self, query_text: str) -> np.ndarray:
        """Return the BM25 score of every chunk for the query's CJK-aware tokens."""
        tokens = self.indexed_tokens(query_text)
        if not tokens:
            return np.zeros(len(self.index.chunks), dtype=np.float32)
        return np.asarray(self.index.bm25.get_scores(tokens), dtype=np.float32)

    def search(
        self,
        query_text: str,
        query_vector: np.ndarray | None,
        mode: str,
        k: int,
        latin_question: bool | None = None,
        only: np.ndarray | None = None,
    ) -> list[Hit]:
        """Return the top `k` chunks for the query in the given mode, best first (among the chunk ids `only`, an
        int64 array, when given: the chunks of the reports a question is limited to).

        `latin_question` (default: the query has no Han characters) picks the hybrid fusion. A
        Chinese question's BM25 score measures how much of its wording a passage shares, so the two
        scores are standardized and added: one passage far ahead on one of them (a date, 6/21, only
        the itinerary has) stays ahead. A Latin question reaches BM25 through dictionary guesses
        (translation.py) whose scores say less, so only the two rankings are fused (RRF).
        """
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        if latin_question is None:
            latin_question = not has_han(query_text)
        n = len(self.index.chunks) if only is None else len(only)
        # Each ranking is read 2 * (rrf_k + k) deep: an item below that in every list scores at most
        # 2 / (3 * rrf_k + 2 * k), less than the k best of one list, so it cannot reach the fused top
        # k; a list's unread tail adds under 1 / (rrf_k + depth), so only near-ties can swap.
        # Reading only that deep keeps queries fast on large corpora (eval figures unchanged). The
        # standardized sum reads the same candidates, and its means and spreads are theirs.
        depth = min(n, k if mode != "hybrid" else 2 * (self.settings.rrf_k + k))
        vector = query_vector if mode in ("dense", "hybrid") else None
        dense = self.dense_top(vector, depth, only) if vector is not None else {}
        lexical = self._lexical_among(query_text, only) if mode in ("lexical", "hybrid") else None
        if mode == "dense":
            scores = dense
        elif mode == "lexical":
            scores = {i: float(lexical[i]) for i in _top(lexical, depth)}
        elif vector is not None and not latin_question and lexical.max() > 0:
            scores = self._standardized(dense, lexical, depth, vector)
        else:
            scores = self._rank_fused(dense, lexical, depth)
        order = sorted(scores, key=lambda i: (-scores[i], i))[:k]
        return [self._hit(i, scores[i], dense, lexical, vector) for i in order]

    def search_with_context(
        self,
        joint: tuple[str, np.ndarray],
        alone: tuple[str, np.ndarray],
        mode: str,
        k: int,
        latin: bool,
        only: np.ndarray | None = None,
    ) -> list[Hit]:
        """Return the top `k` chunks for a follow-up: its ranking read with the earlier question (`joint`: text and
        vector) fused (RRF) with its ranking read alone."""
        depth = self.settings.max_top_k
        with_context = self.search(*joint, mode, depth, latin, only)
        by_itself = self.search(*alone, mode, depth, latin, only)
        fused = rrf([[h.chunk_id for h in with_context], [h.chunk_id for h in by_itself]], self.settings.rrf_k)
        by_id = {h.chunk_id: h for h in by_itself} | {h.chunk_id: h for h in with_context}
        order = sorted(fused, key=lambda i: (-fused[i], i))[:k]
        return [replace(by_id[i], score=fused[i]) for i in order]

    def _lexical_among(self, query_text: str, only: np.ndarray | None) -> np.ndarray:
        """Return BM25 scores with every chunk outside `only` (when given) below every chunk inside, even one
        scoring 0."""
        lexical = self.lexical_scores(query_text)
        if only is None:
            return lexical
        kept = np.full_like(lexical, -np.inf)
        kept[only] = lexical[only]
        return kept

    def _standardized(
        self, dense: dict[int, float], lexical: np.ndarray, depth: int, query_vector: np.ndarray
    ) -> dict[int, float]:
        """Return the standardized sum of dense and BM25 scores over both channels' candidates (filling `dense` in
        for the BM25 candidates it lacks)."""
        s = self.settings
        candidates = list(dict.fromkeys([*dense, *(i for i in _top(lexical, depth) if lexical[i] > 0)]))
        for i in candidates:
            if i not in dense:
                dense[i] = self.dense_score(i, query_vector)
        fused = zscore_fusion(
            [np.array([dense[i] for i in candidates]), lexical[candidates]],
            [s.fusion_dense, s.fusion_lexical * s.lexical_weight_han],
        )
        return dict(zip(candidates, fused.tolist()))

    def _rank_fused(self, dense: dict[int, float], lexical: np.ndarray, depth: int) -> dict[int, float]:
        """Return the RRF of the dense ranking and (when any chunk scores) the BM25 ranking."""
        s = self.settings
        rankings, weights = [list(dense)], [s.fusion_dense]
        if lexical.max() > 0:
            rankings.append([i for i in _top(lexical, depth) if lexical[i] > 0])
            weights.append(s.fusion_lexical * s.lexical_weight_no_han)
        return rrf(rankings, s.rrf_k, weights)

    def _hit(
        self, i: int, score: float, dense: dict[int, float], lexical: np.ndarray | None, vector: np.ndarray | None
    ) -> Hit:
        """Return chunk `i`'s hit with both channels' scores (the dense one computed when it was not ranked)."""
        dense_score = None if vector is None else dense[i] if i in dense else self.dense_score(i, vector)
        return Hit(i, score, dense_score, None if lexical is None else float(lexical[i]))


def _top(scores: np.ndarray, depth: int) -> list[int]:
    """Return the indices of the `depth` highest scores, best first (ties by index)."""
    if depth < len(scores):
        candidates = np.argpartition(-scores, depth - 1)[:depth]
    else:
        candidates = np.arange(len(scores))
    return [int(i) for i in sorted(candidates, key=lambda i: (-scores[i], i))]
