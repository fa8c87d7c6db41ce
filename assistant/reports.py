"""Per-report metadata read from each report's cover: its title, who went, where, when, reported when."""

from __future__ import annotations

from dataclasses import dataclass, field

from .ingest import Document


@dataclass(frozen=True)
class ReportInfo:
    """One indexed report: its source name, cover title, pages (PDF) and the cover fields asked for, as written."""

    source: str
    fields: dict[str, str] = field(default_factory=dict)
    pages: int | None = None
    title: str = ""

    def to_dict(self) -> dict:
        """Return the JSON shape printed by `reports --json`."""
        return {"source": self.source, "title": self.title, "fields": dict(self.fields), "pages": self.pages}


def report_info(document: Document, keys: tuple[str, ...]) -> ReportInfo:
    """Return a report's metadata: its cover's title ('' without a cover) and the first value of each cover
    field in `keys` (absent ones left out)."""
    found: dict[str, str] = {}
    for cover_field in document.template.cover:
        if cover_field.key in keys and cover_field.key not in found:
            found[cover_field.key] = cover_field.value
    ordered = {key: found[key] for key in keys if key in found}
    title = document.template.title.value if document.template.title else ""
    return ReportInfo(document.doc_id, ordered, len(document.page_starts) or None, title)
