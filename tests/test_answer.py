"""Tests for the answer step: near-duplicate passages shown once, template quotes cited by their own passage."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant import Assistant

FIXTURE = Path(__file__).parent / "fixtures" / "port-report.txt"


def test_the_same_text_in_two_reports_is_one_passage_listing_both_places(tmp_settings):
    for name in ("a.txt", "b.txt"):
        shutil.copy(FIXTURE, tmp_settings.corpus_dir / name)
    assistant = Assistant.load(tmp_settings)
    answer = assistant.ask("鹿特丹港的年吞吐量是多少？", top_k=6)
    texts = [p.text for p in answer.passages]
    assert len(texts) == len(set(texts))  # no passage shown twice
    top = answer.passages[0]
    assert "4.6 億噸" in top.text
    [(source, section, start, end)] = top.also_at
    assert source != top.source and (section, start, end) == (top.section, top.start, top.end)
    assert answer.to_dict()["passages"][0]["also_at"][0]["source"] == source


def test_a_distinct_passage_lists_no_other_place(tmp_settings):
    shutil.copy(FIXTURE, tmp_settings.corpus_dir / "a.txt")
    answer = Assistant.load(tmp_settings).ask("鹿特丹港的年吞吐量是多少？")
    assert all(p.also_at == [] for p in answer.passages)


def test_a_photo_caption_is_quoted_only_when_no_sentence_answers_as_well(assistant):
    from dataclasses import replace

    question = "巴黎市政府由哪位副市長接待？"
    without = Assistant(assistant.index, assistant.embedder, replace(assistant.settings, caption_penalty=0.0))
    captions = assistant.index.document(assistant.sources[0]).template.captions

    def quotes_caption(answer) -> bool:
        return any(any(c0 <= q.start and q.end <= c1 for c0, c1 in captions) for q in answer.quotes[:1])

    assert quotes_caption(without.ask(question))  # the caption beside the photo wins without the penalty
    answer = assistant.ask(question)
    assert not quotes_caption(answer) and "Pénélope Komites" in answer.quotes[0].quote
