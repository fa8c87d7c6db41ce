"""Cut each section into overlapping chunks that know their exact span in the source file."""

from __future__ import annotations

from dataclasses import dataclass

from .config import ChunkerSettings
from .ingest import Document, Section
from .text.layout import sentence_spans, trim_span


@dataclass(frozen=True)
class Chunk:
    """A piece of one section: `document.text[start:end] == text`."""

    doc_id: str
    section: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of one section: `document.text[start:end]` is the sentence."""

    doc_id: str
    section: str
    start: int
    end: int


def joined_view(text: str, start: int, end: int, breaks: tuple[tuple[int, int], ...]) -> tuple[str, list[int]]:
    """Return text[start:end] with page breaks removed, and the source index of each kept character."""
    kept: list[str] = []
    origin: list[int] = []
    cut = [(max(s, start), min(e, end)) for s, e in breaks if s < end and e > start]
    pos = start
    for s, e in cut + [(end, end)]:
        kept.append(text[pos:s])
        origin.extend(range(pos, s))
        pos = e
    return "".join(kept), origin


def matching_text(document: Document, start: int, end: int) -> str:
    """Return text[start:end] as models and BM25 should read it: page breaks joined."""
    return joined_view(document.text, start, end, document.breaks)[0]


class Chunker:
    """Splits section bodies with langchain's RecursiveCharacterTextSplitter, keeping offsets."""

    def __init__(self, settings: ChunkerSettings) -> None:
        # Imported here: only building an index splits text, and langchain costs a cold question ~0.2 s.
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        self.settings = settings
        self._splitter = RecursiveCharacterTextSplitter(
            chunk_size=settings.chunk_size,
            chunk_overlap=settings.chunk_overlap,
            separators=list(settings.separators),
            keep_separator="end",
            is_separator_regex=True,
            strip_whitespace=True,
        )

    def chunk_document(self, document: Document) -> list[Chunk]:
        """Return the chunks of every content section (the table of contents is left out)."""
        chunks: list[Chunk] = []
        for section in document.sections:
            if section.kind != "toc":
                chunks.extend(self.chunk_section(document, section))
        return chunks

    def chunk_section(self, document: Document, section: Section) -> list[Chunk]:
        """Return the chunks of one section body; they never cross the section's end."""
        heading = self.settings.heading_in_first_chunk and section.kind == "body"
        first = section.start if heading else section.body_start
        start, end = trim_span(document.text, first, section.end)
        if start >= end:
            return []
        view, origin = joined_view(document.text, start, end, document.breaks)
        spans: list[tuple[int, int]] = []
        cursor = 0
        for piece in self._splitter.split_text(view):
            at = view.find(piece, cursor)
            if at < 0:  # the splitter normalized something; fall back to a search from the start
                at = view.find(piece)
            if at < 0:
                raise ValueError(f"chunk not found in its section: {piece[:40]!r}")
            cursor = at + 1
            span = (origin[at], origin[at + len(piece) - 1] + 1)
            if spans and span[1] <= spans[-1][1]:
                continue
            if spans and span[1] - span[0] < self.settings.min_tail:
                spans[-1] = (spans[-1][0], span[1])
                continue
            spans.append(span)
        return [Chunk(document.doc_id, section.label, s, e, document.text[s:e]) for s, e in spans]


def section_sentences(document: Document, section: Section) -> list[Sentence]:
    """Return the sentences of a section body, page breaks joined, as exact source spans."""
    spans = sentence_spans(document.text, section.body_start, section.end, list(document.breaks))
    return [Sentence(document.doc_id, section.label, s, e) for s, e in spans]
