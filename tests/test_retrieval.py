"""Fusion of the dense and BM25 evidence into one ranking."""

from __future__ import annotations

import numpy as np

from assistant.retrieval import rrf, zscore_fusion


def test_zscore_fusion_adds_standardized_columns_by_weight():
    dense = np.array([0.80, 0.82, 0.84])
    bm25 = np.array([12.0, 0.0, 3.0])
    fused = zscore_fusion([dense, bm25], [1.0, 1.5])
    expected = (dense - dense.mean()) / dense.std() + 1.5 * (bm25 - bm25.mean()) / bm25.std()
    assert np.allclose(fused, expected)
    # The BM25 outlier wins although it is last on the dense side.
    assert int(np.argmax(fused)) == 0


def test_zscore_fusion_ignores_a_column_that_tells_nothing():
    dense = np.array([0.1, 0.3, 0.2])
    assert np.allclose(zscore_fusion([dense, np.full(3, 7.0)], [1.0, 1.0]), zscore_fusion([dense], [1.0]))


def test_rrf_weights_each_ranking():
    fused = rrf([[1, 2], [2, 1]], k=60, weights=[1.0, 2.0])
    assert fused[2] > fused[1]
    assert np.isclose(fused[1], 1 / 61 + 2 / 62)


def test_a_chinese_hybrid_search_without_a_query_vector_ranks_by_bm25(assistant):
    question = "巴黎綠蔭步道全長幾公里？"
    without_vector = assistant.retriever.search(question, None, "hybrid", 5)
    lexical = assistant.retriever.search(question, None, "lexical", 5)
    assert [h.chunk_id for h in without_vector] == [h.chunk_id for h in lexical]
    assert all(h.dense_score is None for h in without_vector)
