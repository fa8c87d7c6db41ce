"""Per-report metadata read from each report's cover: its title, who went, where, when, reported when."""

from __future__ import annotations

from dataclasses import dataclass, field

from .ingest import Document
from .template import cover_title


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


def report_title(text: str, fallback: str = "") -> str:
    """Return a cover's title: the first of its opening lines that is not a 'field：value' line (else `fallback`).

    >>> report_title("報告（類別：參訪）\\n\\n某市政府赴某國 交流 出國報告\\n服務機關：某市政府\\n")
    '某市政府赴某國 交流 出國報告'
    """
    title = cover_title(text, 0, len(text))
    return title.value if title else fallback


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
