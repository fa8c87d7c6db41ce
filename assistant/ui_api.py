"""The page's API for scripts (gradio_client): /ask as `ask --json` (optionally limited to named reports),
/feedback, /reports as `reports --json`, and /add_reports where the page itself takes uploads."""

from __future__ import annotations

import gradio as gr

from .engine import QuestionError
from .ingest import CorpusError
from .question_check import ArgumentError, checked_arguments, checked_reports
from .serve import refusal
from .ui_live import Page
from .ui_reports import ReportsPanel, uploaded_paths


class Api:
    """The named endpoints; each refusal is one line to the caller and one log line, with no traceback."""

    def __init__(self, page: Page, reports: ReportsPanel) -> None:
        self.page = page
        self.reports_panel = reports

    def build(self) -> None:
        """Add the endpoints to the page being built (/add_reports through hidden components, so Gradio checks
        that the files it is given were uploaded to it)."""
        gr.api(self.ask, api_name="ask")
        gr.api(self.feedback, api_name="feedback")
        gr.api(self.reports, api_name="reports")
        files = gr.File(file_count="multiple", visible=False)
        added = gr.JSON(visible=False)
        gr.Button(visible=False).click(self.add_reports, files, added, api_name="add_reports", concurrency_limit=1)

    def ask(self, question: str, top_k: int = 5, mode: str = "hybrid", reports: list[str] | None = None) -> dict:
        """Answer one question, from the named reports only when `reports` lists any (file names or the names
        /reports gives); returns the same JSON object as `trip-assistant ask --json`."""
        settings = self.page.settings
        try:
            question, top_k, mode = checked_arguments(question, top_k, mode, settings)  # question_check.py
            chosen = checked_reports(reports, settings.max_chosen_reports)
            return self.page.live.current.ask(question, top_k=top_k, mode=mode, reports=chosen).to_dict()
        except (QuestionError, ArgumentError) as exc:
            raise refusal(exc) from exc  # one log line, the message to the caller, no traceback

    def feedback(self, question: str, answer: dict, verdict: str, right_rank: int | None = None) -> dict:
        """Record a verdict on an answer (the /ask JSON): "up", "down", or "right" with the right passage's rank."""
        try:
            row = self.page.feedback.add(question, answer, verdict, right_rank)
        except (ValueError, KeyError, TypeError) as exc:
            raise gr.Error(f"feedback not recorded: {exc}") from exc
        return {"id": row.id, "time": row.time, "verdict": row.verdict}

    def reports(self) -> list[dict]:
        """Return the indexed reports as `trip-assistant reports --json` does: source name, cover title and fields."""
        return [r.to_dict() for r in self.page.live.reports()]

    def add_reports(self, files: list[str] | None) -> list[dict]:
        """Add reports (.pdf .docx .txt .md) to the corpus and index, checked first, all or none; return them as
        /reports lists them."""
        try:
            return [r.to_dict() for r in self.reports_panel.add(uploaded_paths(files))]
        except CorpusError as exc:
            raise refusal(exc) from exc
