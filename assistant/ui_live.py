"""What the page's panels share: the Assistant in use (swapped whole once an upload is indexed), the indexed
reports' names, the settings, the feedback store, and whether this server takes uploads."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .engine import Assistant
from .feedback import FeedbackStore
from .ingest import CorpusError
from .library import add_and_index
from .reports import ReportInfo
from .ui_content import header_html, page_title, report_choices, report_name

ADD_BUSY = "another upload is being indexed; try again when it has finished"


@dataclass
class UploadGate:
    """Whether the page takes reports: set by `serve.launch` (a loopback server, or one behind a password)."""

    allowed: bool = False


class LiveAssistant:
    """The Assistant the page answers with. Adding reports builds a new one beside it and swaps it in whole: a
    question in flight finishes with the Assistant it started with, the next one gets the new index."""

    def __init__(self, assistant: Assistant) -> None:
        self._current = assistant
        self._adding = threading.Lock()
        self._reports: tuple[Assistant, list[ReportInfo]] | None = None

    @property
    def current(self) -> Assistant:
        """Return the Assistant to answer with now (read it once per request)."""
        return self._current

    def reports(self) -> list[ReportInfo]:
        """Return the indexed reports' metadata (read once per Assistant)."""
        cached, assistant = self._reports, self._current
        if cached is None or cached[0] is not assistant:
            cached = self._reports = (assistant, assistant.reports())
        return cached[1]

    def add_reports(
        self,
        files: list[Path],
        shown: Callable[[Path], str],
        progress: Callable[[int, int], None] | None = None,
        loading: Callable[[], None] | None = None,
    ) -> list[ReportInfo]:
        """Add reports as `trip-assistant add` does (checked first, all or none; only they are embedded), swap in
        an Assistant over the new index, and return the added reports' metadata.

        Args:
            files: the reports to add.
            shown: how a refusal names a file.
            progress: called with (texts embedded, texts to embed) while the index is built.
            loading: called once the vectors are made, before the new index is saved and loaded.

        Raises:
            CorpusError: a file was refused (nothing changed), or another upload is being indexed.
        """
        if not self._adding.acquire(blocking=False):
            raise CorpusError(ADD_BUSY, "另一批報告正在建立索引，請稍後再試")

        def embedded(done: int, total: int) -> None:
            if progress:
                progress(done, total)
            if done == total and loading:
                loading()

        try:
            old = self._current
            added, index, notes = add_and_index(files, old.settings, old.embedder, shown, embedded)
            try:
                fresh = Assistant(index, old.embedder, old.settings, notes)
            except BaseException:
                for report in added:  # the corpus folder keeps matching the index in use
                    report.path.unlink(missing_ok=True)
                raise
            self._current = fresh
        finally:
            self._adding.release()
        names = {a.doc_id for a in added}
        return [r for r in self.reports() if r.source in names]


@dataclass
class Page:
    """Everything the panels of one page share."""

    live: LiveAssistant
    settings: Settings
    feedback: FeedbackStore
    known_questions: list[str] = field(default_factory=list)
    gate: UploadGate = field(default_factory=UploadGate)

    def default_store(self) -> dict:
        """Return what the browser keeps before the first question: no turns, the default settings, all reports."""
        return {"turns": [], "history": [], "asked": [], "standalone": [], "focus": [], "days": [], "mode": self.settings.mode,
                "top_k": self.settings.top_k, "reports": []}  # fmt: skip

    def title(self) -> str:
        """Return the page's title, from the indexed reports' covers."""
        return page_title(self.live.reports())

    def header_html(self) -> str:
        """Return the page's header, titled from the indexed reports."""
        return header_html(self.title())

    def titles(self) -> Callable[[str], str]:
        """Return source name -> the name its citations give the report (its cover title, else its file name)."""
        names = {r.source: report_name(r) for r in self.live.reports()}
        return lambda source: names.get(source, source)

    def several(self) -> bool:
        """Return True when more than one report is indexed: citations then name their report."""
        return len(self.live.reports()) > 1

    def choices(self) -> list[tuple[str, str]]:
        """Return the report choice's (label, source name) pairs."""
        return report_choices(self.live.reports(), self.settings.report_label_fields)

    def breaks_of(self, source: str) -> tuple[tuple[int, int], ...]:
        """Return the page-break gaps of `source` (none when it is not indexed)."""
        try:
            return self.live.current.index.document(source).breaks
        except KeyError:
            return ()

    def feedback_line(self) -> str:
        """Return the line saying how much feedback waits to become eval questions."""
        s = self.feedback.summary(self.known_questions)
        return (
            f"意見回饋 Feedback：共 {s.total} 則；{s.ready} 題等待匯出成評估題（`trip-assistant feedback export`）；"
            f"{s.needs_passage} 題答錯但還沒標正確段落。{s.ready} waiting for export, {s.needs_passage} wrong answers "
            "without a marked passage."
        )
