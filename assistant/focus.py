"""The sections an answer is about, so that a follow-up pointing back at it ("對方", "那邊") is looked up there."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .answer import Answer
from .citations import Quote
from .index import Index
from .ingest import SECTION_SEPARATOR, Document
from .template import ItineraryRow, named_sections


def answer_sections(answer: Answer, index: Index) -> list[tuple[str, str]]:
    """Return (document, section label) for what the answer's quotes are about: the subsection a quote stands in
    (a visit, a point of 心得), or, for a quoted itinerary row, the visit sections whose headings the row names
    ("拜會…副市長"); nothing for a top section (the cover, the member list), which "對方" and "那邊" never mean."""
    found: list[tuple[str, str]] = []
    for quote in answer.quotes:
        document = index.document(quote.source)
        rows = _quoted_rows(document, quote)
        if rows:
            labels = named_sections(document.text, document.sections, rows)
        else:  # a visit or a point of a closing section, not a whole top section (the cover, the member list)
            labels = [quote.section] if SECTION_SEPARATOR in quote.section else []
        found.extend((document.doc_id, label) for label in labels if label)
    return list(dict.fromkeys(found))


def listed_sections(answer: Answer, index: Index) -> list[tuple[str, str]]:
    """Return (document, section label) of the visits and points an answer quotes from, in the order quoted; the
    visits its quoted itinerary rows name only when no other quote stands in one: what "第二個地方" counts."""
    found = [
        (index.document(q.source).doc_id, q.section)
        for q in answer.quotes
        if SECTION_SEPARATOR in q.section and not _quoted_rows(index.document(q.source), q)
    ]
    return list(dict.fromkeys(found)) or answer_sections(answer, index)


def answer_days(
    answer: Answer,
    index: Index,
    visit_days: Callable[[str, str], tuple[str, ...]] = lambda doc, label: (),
    sections: list[tuple[str, str]] | None = None,
    named: Sequence[str] = (),
) -> tuple[tuple[str, str], ...]:
    """Return the (document, day) pairs ("6/19") an answer was about, for "那天下午呢？" and "隔天呢？": the days its
    question `named` ("6月22號上午…"), in the documents it quotes (or every one); else the days of a quoted itinerary
    row, else the day of the visit a quote stands in (`visit_days(document, section label)`; the answer's
    `sections` when already found by `answer_sections`), else nothing."""
    if named:
        documents = dict.fromkeys(q.source for q in answer.quotes) or dict.fromkeys(index.documents)
        return tuple((doc_id, day) for doc_id in documents for day in named)
    for quote in answer.quotes:
        rows = _quoted_rows(index.document(quote.source), quote)
        if rows:
            return tuple((quote.source, day) for day in rows[0].days)
    for doc_id, label in answer_sections(answer, index) if sections is None else sections:
        if days := visit_days(doc_id, label):
            return tuple((doc_id, day) for day in days)
    return ()


def _quoted_rows(document: Document, quote: Quote) -> list[ItineraryRow]:
    """Return the itinerary rows of `document` that `quote` overlaps."""
    return [r for r in document.template.itinerary if r.start < quote.end and quote.start < r.end]
