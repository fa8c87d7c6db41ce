"""The report genre's template read from a document: the table of contents' page numbers per section."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .text import fold

# A table-of-contents line: a title, a tab or a run of leader dots/spaces, then its page number.
_TOC_ENTRY_RE = re.compile(r"^\s*(?P<title>\S.*?)(?:\t+|\s*[.．…·]{2,}\s*|\s{2,})(?P<page>\d{1,4})\s*$")
_TITLE_NOISE_RE = re.compile(r"[\s()（）「」『』\"'、，,.．]")


def title_key(title: str) -> str:
    """Return a heading title folded for matching a table-of-contents line (spaces, brackets, width ignored)."""
    return _TITLE_NOISE_RE.sub("", fold(title))


def toc_pages(toc_text: str) -> dict[str, int]:
    """Return {title key: page} for each entry of a table of contents."""
    pages: dict[str, int] = {}
    for line in toc_text.splitlines():
        m = _TOC_ENTRY_RE.match(line)
        if m:
            pages.setdefault(title_key(m["title"]), int(m["page"]))
    return pages


def section_pages(titles: Sequence[str], toc: dict[str, int]) -> list[tuple[int, int] | None]:
    """Return, for each section title in reading order, the pages it spans: (its page, the next listed section's
    page), or None for a section the table of contents does not list (the cover, the contents itself)."""
    starts = [toc.get(title_key(t)) for t in titles]
    out: list[tuple[int, int] | None] = []
    for i, first in enumerate(starts):
        if first is None:
            out.append(None)
            continue
        following = next((p for p in starts[i + 1 :] if p is not None), first)
        out.append((first, max(first, following)))
    return out
