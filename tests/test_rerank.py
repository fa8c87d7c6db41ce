"""Reranking: the fused top passages reordered by their best sentence, scores falling with rank below them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant import Assistant
from assistant.config import Settings
from assistant.rerank import rerank_by_sentences
from assistant.retrieval import Hit


def test_a_passage_whose_best_sentence_answers_best_moves_up_and_the_tail_keeps_its_order():
    settings = Settings(rerank_depth=3, rerank_weight=2.0, rrf_k=60)
    hits = [Hit(i, 1.0 - i / 10) for i in range(5)]
    best = {0: 0.1, 1: 0.2, 2: 0.9}  # passage 2 holds the best sentence
    out = rerank_by_sentences(hits, best, settings)
    assert [h.chunk_id for h in out][:1] == [2]
    assert [h.chunk_id for h in out][3:] == [3, 4]
    assert [h.score for h in out] == sorted((h.score for h in out), reverse=True)
    assert sorted(h.chunk_id for h in out) == [0, 1, 2, 3, 4]


def test_with_no_weight_on_sentences_the_order_is_kept():
    hits = [Hit(i, 1.0) for i in range(4)]
    out = rerank_by_sentences(hits, {0: 0.0, 1: 0.0, 2: 1.0, 3: 0.5}, Settings(rerank_depth=4, rerank_weight=0.0))
    assert [h.chunk_id for h in out] == [0, 1, 2, 3]


def test_nearly_tied_passages_are_reordered_by_their_best_sentence(assistant):
    question = "市長在 MEDEF 會議中介紹臺中有哪些發達的產業？"
    evidence = "精密機械產業、自行車、光電、工具機、航太等產業發達"
    # Reranking alone: no preference for MEDEF's part, nor for a sentence naming several things (which puts the
    # passage holding the first quote first, reranked or not).
    alone = replace(assistant.settings, named_party_weight=0.0, items_weight=0.0)
    fused_only = Assistant(assistant.index, assistant.embedder, replace(alone, rerank_depth=0))
    reranked = Assistant(assistant.index, assistant.embedder, alone)
    before, after = fused_only.ask(question, top_k=10), reranked.ask(question, top_k=10)
    assert evidence not in before.passages[0].text
    assert evidence in after.passages[0].text
    # Reranking reorders the fused top 10; it neither adds nor drops a passage.
    assert sorted(p.start for p in before.passages) == sorted(p.start for p in after.passages)


@pytest.mark.parametrize("question", ["費里耶爾特盧昂布里市的市長是誰？", "Who designed the Promenade plantée?"])
def test_passage_scores_fall_with_rank_beyond_the_reranked_top(assistant, question):
    scores = [p.score for p in assistant.ask(question, top_k=30).passages]
    assert len(scores) == 30
    assert scores == sorted(scores, reverse=True)
