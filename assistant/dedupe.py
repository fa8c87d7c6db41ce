"""Collapse near-duplicate passages in a ranking: one result per text, listing every place it occurs."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .chunking import Chunk
from .retrieval import Hit

SHINGLE = 4  # characters per shingle: short enough for Chinese text, long enough to tell passages apart


@dataclass(frozen=True)
class Location:
    """Where a passage's text occurs: the document, its section and the character span."""

    doc_id: str
    section: str
    start: int
    end: int


@dataclass(frozen=True)
class CollapsedHit:
    """The best-ranked occurrence of a text, and the other places the same (or nearly the same) text occurs."""

    hit: Hit
    also_at: tuple[Location, ...] = ()


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    """Return the set of `size`-character shingles of `text`, compared without whitespace and width/case forms."""
    folded = "".join(unicodedata.normalize("NFKC", text).casefold().split())
    if len(folded) <= size:
        return frozenset([folded]) if folded else frozenset()
    return frozenset(folded[i : i + size] for i in range(len(folded) - size + 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Return the Jaccard similarity of two shingle sets (1.0 for two empty texts)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def collapse_duplicates(hits: Sequence[Hit], chunks: Sequence[Chunk], threshold: float = 0.9) -> list[CollapsedHit]:
    """Return `hits` in their order with each near-duplicate folded into the best-ranked hit of its text.

    Two hits are near-duplicates when their chunks' shingle sets have Jaccard similarity >= `threshold`
    (1.0: identical texts only, whitespace aside). A folded hit's place is listed in `also_at` of the
    hit it joins, in rank order; chunk ids index `chunks`.
    """
    kept: list[tuple[Hit, frozenset[str], list[Location]]] = []
    for hit in hits:
        chunk = chunks[hit.chunk_id]
        sig = shingles(chunk.text)
        for best, best_sig, places in kept:
            if best.chunk_id != hit.chunk_id and similarity(sig, best_sig) >= threshold:
                places.append(Location(chunk.doc_id, chunk.section, chunk.start, chunk.end))
                break
        else:
            kept.append((hit, sig, []))
    return [CollapsedHit(hit, tuple(places)) for hit, _, places in kept]
