"""Present an answer's evidence: verbatim quotes with their sections and pages, and the ranked passages citing them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .chunking import Chunk
from .config import Settings
from .dedupe import collapse_duplicates
from .index import Index
from .retrieval import Hit


@dataclass(frozen=True)
class Quote:
    """A verbatim sentence of the report: `source text[start:end] == quote`."""

    quote: str
    source: str
    section: str
    start: int
    end: int
    score: float
    pages: tuple[int, int] | None = None  # a PDF's real pages, else from the table of contents: (first, last)


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its rank, score and the quoted spans inside it (absolute offsets)."""

    rank: int
    text: str
    source: str
    section: str
    start: int
    end: int
    score: float
    highlights: list[tuple[int, int]] = field(default_factory=list)
    pages: tuple[int, int] | None = None
    # The other places the same (or nearly the same) text occurs: (source, section, start, end).
    also_at: list[tuple[str, str, int, int]] = field(default_factory=list)


class Citer:
    """Turns spans of the sources into quotes and ranked hits into passages that mark what was quoted."""

    def __init__(self, index: Index, settings: Settings) -> None:
        self.index = index
        self.settings = settings
        self._chunks: dict[str, list[tuple[int, Chunk]]] = {}  # each document's (chunk id, chunk), read once
        for i, chunk in enumerate(index.chunks):
            self._chunks.setdefault(chunk.doc_id, []).append((i, chunk))

    def quotes(self, spans: list[tuple[str, int, int, float]]) -> list[Quote]:
        """Return the quotes for spans of the sources, overlapping ones merged (rows of one table or one day
        become one quote), in reading order."""
        merged: list[list] = []
        for doc_id, start, end, score in sorted(spans, key=lambda x: (x[0], x[1])):
            for m in merged[-1:]:  # sorted: a span can only overlap the last quote so far
                if m[0] == doc_id and m[1] < end and start < m[2]:
                    m[1], m[2] = min(start, m[1]), max(end, m[2])
                    break
            else:
                merged.append([doc_id, start, end, score])
        quotes = []
        for doc_id, start, end, score in sorted(merged, key=lambda m: (m[0], m[1])):
            document = self.index.document(doc_id)
            section = document.section_at(start).label
            quotes.append(
                Quote(document.text[start:end], doc_id, section, start, end, score, document.pages_at(start, end))
            )
        return quotes

    def lead_with(self, hits: list[Hit], spans: list[tuple[str, int, int]]) -> list[Hit]:
        """Return `hits` led by the passages holding each (document, start, end) span, in the spans' order (for a
        span, the passage holding most of it first; added when missing), as many hits as before: a day's rows
        quoted from the row naming the day are cited by the passage holding the rows asked for, and the passages
        quoted come before those only found nearby."""
        leading: list[int] = []
        for doc_id, start, end in spans:
            overlap = {
                i: min(end, c.end) - max(start, c.start)
                for i, c in self._chunks.get(doc_id, [])
                if c.start < max(end, start + 1) and start < c.end
            }
            leading += sorted(overlap, key=lambda i: (-overlap[i], i))
        if not leading:
            return hits
        leading = list(dict.fromkeys(leading))
        top = hits[0].score if hits else 1.0
        rest = [h for h in hits if h.chunk_id not in leading]
        return ([Hit(i, top) for i in leading] + rest)[: max(len(hits), 1)]

    def passages(self, hits: list[Hit], quotes: list[Quote]) -> list[Passage]:
        """Return the ranked passages, each with the quoted spans inside it marked; a passage whose text occurs
        again lower down (the same paragraph in two places or two reports) is shown once, listing the others."""
        passages = []
        collapsed = collapse_duplicates(hits, self.index.chunks, self.settings.near_duplicate_similarity)
        for rank, item in enumerate(collapsed, start=1):
            hit = item.hit
            chunk = self.index.chunks[hit.chunk_id]
            marks = [
                (max(q.start, chunk.start), min(q.end, chunk.end))
                for q in quotes
                if q.source == chunk.doc_id and q.start < chunk.end and q.end > chunk.start
            ]
            passages.append(
                Passage(
                    rank,
                    chunk.text,
                    chunk.doc_id,
                    chunk.section,
                    chunk.start,
                    chunk.end,
                    round(hit.score, 6),
                    marks,
                    self.index.document(chunk.doc_id).pages_at(chunk.start, chunk.end),
                    [(a.doc_id, a.section, a.start, a.end) for a in item.also_at],
                )  # fmt: skip
            )
        return passages
