"""Citations: quotes as exact slices with sections and pages, overlapping spans merged, passages marking them."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant import Assistant
from assistant.citations import Citer
from assistant.retrieval import Hit

FIXTURE = Path(__file__).parent / "fixtures" / "port-report.txt"


def test_overlapping_spans_become_one_quote_that_is_an_exact_slice(assistant):
    citer = Citer(assistant.index, assistant.settings)
    source = assistant.sources[0]
    text = assistant.index.document(source).text
    start = text.index("Sigfox 是")
    [quote] = citer.quotes([(source, start, start + 40, 1.0), (source, start + 20, start + 60, 0.5)])
    assert (quote.start, quote.end) == (start, start + 60)
    assert quote.quote == text[quote.start : quote.end]
    assert quote.pages is not None and quote.section


def test_the_passage_holding_a_span_is_cited_first(assistant):
    citer = Citer(assistant.index, assistant.settings)
    chunk_id = 7
    chunk = assistant.index.chunks[chunk_id]
    hits = [Hit(i, 1.0 / (i + 1)) for i in range(5) if i != chunk_id]
    led = citer.lead_with(hits, [(chunk.doc_id, chunk.start + 1, chunk.end - 1)])
    assert led[0].chunk_id == chunk_id and len(led) == len(hits)
    passages = citer.passages(led, citer.quotes([(chunk.doc_id, chunk.start + 1, chunk.start + 10, 1.0)]))
    assert passages[0].highlights == [(chunk.start + 1, chunk.start + 10)]
    assert all(p.highlights == [] for p in passages[1:])


def test_every_quoted_passage_is_cited_before_those_not_quoted_in_the_quotes_order(assistant):
    citer = Citer(assistant.index, assistant.settings)
    first, second = assistant.index.chunks[9], assistant.index.chunks[3]
    hits = [Hit(i, 1.0 / (i + 1)) for i in range(8)]
    spans = [(first.doc_id, first.start, first.start + 5), (second.doc_id, second.start + 2, second.end)]
    led = citer.lead_with(hits, spans)
    assert [h.chunk_id for h in led[:2]] == [9, 3]
    assert [h.chunk_id for h in led[2:]] == [0, 1, 2, 4, 5, 6]  # the rest keep their order, as many hits as before


def test_a_span_running_over_two_passages_leads_with_both_the_one_holding_most_of_it_first(assistant):
    citer = Citer(assistant.index, assistant.settings)
    chunks = assistant.index.chunks
    i = next(
        k
        for k in range(len(chunks) - 1)
        if chunks[k].doc_id == chunks[k + 1].doc_id and min(len(chunks[k].text), len(chunks[k + 1].text)) > 60
    )
    first, second = chunks[i], chunks[i + 1]
    span = (first.doc_id, first.end - 3, second.start + 40)  # mostly in the second passage
    hits = [Hit(k, 1.0) for k in range(20, 26)]
    assert [h.chunk_id for h in citer.lead_with(hits, [span])[:2]] == [i + 1, i]


def test_an_answer_lists_the_passages_it_quotes_before_the_others(assistant):
    answers = [assistant.ask(q) for q in ("市長哪一天去拜會巴黎市政府？", "哪一天參觀空中巴士總部？")]
    several = [a for a in answers if len({(q.source, q.start) for q in a.quotes}) > 1]
    assert several, "no answer quoted two places"
    for answer in several:
        quoted = [
            any(q.source == p.source and q.start < p.end and p.start < q.end for q in answer.quotes)
            for p in answer.passages
        ]
        assert quoted[0] and quoted == sorted(quoted, reverse=True), quoted
        assert all(
            any(q.source == p.source and q.start < p.end and p.start < q.end for p in answer.passages)
            for q in answer.quotes
        )


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
