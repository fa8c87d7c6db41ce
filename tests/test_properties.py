"""Property tests for the text layer: for any text, offsets reproduce it and folding never moves a quote."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.chunking import Chunker, joined_view, section_sentences
from assistant.config import ChunkerSettings
from assistant.ingest import parse_document
from assistant.text.layout import page_breaks, sentence_spans
from assistant.text.tokens import tokenize

# Report-like text: Han characters, Latin, digits, full-width forms, punctuation, headings and gaps.
PIECES = st.sampled_from(
    ["臺中", "市長", "參訪", "Sigfox", "EDF", "（", "）", "，", "。", "；", "！", "？", " ", "\t", "\n", "\n\n",
     "\n \n", "一、參訪", "壹、目的", "(一) 交流", "摘要", "目 錄", "6/21", "１２３", "é", "🙂", "\u3000", "「", "」"]
)  # fmt: skip
REPORTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=80).map("".join)
SMALL = ChunkerSettings(chunk_size=40, chunk_overlap=10, min_tail=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPORTS)
def test_chunk_offsets_reproduce_the_text_for_any_report(text):
    doc = parse_document("corpus/x.txt", text)
    for chunk in Chunker(SMALL).chunk_document(doc):
        assert text[chunk.start : chunk.end] == chunk.text
        section = doc.section_at(chunk.start)
        assert chunk.end <= section.end and section.kind != "toc"


@settings(max_examples=200, deadline=None)
@given(REPORTS)
def test_sections_tile_any_text(text):
    doc = parse_document("corpus/x.txt", text)
    if doc.sections:
        assert doc.sections[0].start == 0 or not text[: doc.sections[0].start].strip()
        assert doc.sections[-1].end == len(text)
        for a, b in zip(doc.sections, doc.sections[1:]):
            assert a.end == b.start


@settings(max_examples=300, deadline=None)
@given(REPORTS)
def test_joining_page_breaks_never_moves_a_character(text):
    """What the model and BM25 read (breaks joined) maps back, character by character, to the file."""
    breaks = page_breaks(text)
    view, origin = joined_view(text, 0, len(text), tuple(breaks))
    assert origin == sorted(set(origin))
    assert view == "".join(text[i] for i in origin)
    assert not any(s <= i < e for i in origin for s, e in breaks)


@settings(max_examples=300, deadline=None)
@given(REPORTS)
def test_sentences_are_trimmed_ordered_slices(text):
    breaks = page_breaks(text)
    spans = sentence_spans(text, 0, len(text), breaks)
    for (_, e), (s2, _) in zip(spans, spans[1:]):
        assert e <= s2
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()


@settings(max_examples=200, deadline=None)
@given(REPORTS)
def test_section_sentences_lie_inside_their_section(text):
    doc = parse_document("corpus/x.txt", text)
    for section in doc.sections:
        for sentence in section_sentences(doc, section):
            assert section.body_start <= sentence.start < sentence.end <= section.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4))
def test_joined_view_keeps_source_positions(text, raw_breaks):
    breaks = tuple(sorted((min(a, b), max(a, b)) for a, b in raw_breaks if min(a, b) < len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in breaks:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    view, origin = joined_view(text, 0, len(text), tuple(merged))
    assert view == "".join(text[i] for i in origin)


@given(st.text(max_size=40))
def test_tokenize_never_fails_and_yields_folded_tokens(text):
    for token in tokenize(text):
        assert token and token == token.casefold()
