"""The Gradio page: assembles its panels (reports and upload, chat, sources, eval) and its API around one live
Assistant, and restores a browser's conversation and choices when the page loads.

Presentation only: every answer comes from `Assistant.ask` (through `chat.Conversation`) and is rendered from
its JSON shape by `ui_render`; the conversation, settings and report choice live in the browser's storage.
"""

from __future__ import annotations

import logging
import secrets

import gradio as gr

from .config import MODES, Settings
from .evaluation import DEFAULT_QUESTIONS
from .feedback import FeedbackStore, known_questions
from .ui_api import Api
from .ui_chat import ChatPanel
from .ui_content import example_questions
from .ui_eval import EvalTab
from .ui_live import LiveAssistant, Page
from .ui_render import escape, render_answer
from .ui_reports import ReportsPanel
from .ui_sources import SourcePanel
from .ui_style import CSS

__all__ = ["CSS", "build_app", "escape", "example_questions", "render_answer"]

log = logging.getLogger(__name__)


def _browser_secret(settings: Settings) -> str:
    """Return the key the browser's stored conversation is encrypted with, kept beside the index so a restart
    still reads it."""
    path = settings.embeddings_dir / "browser-state.key"
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        key = secrets.token_hex(32)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(key, encoding="utf-8")
            path.chmod(0o600)
        except OSError:
            log.warning("could not keep the browser-state key in %s; history lasts until restart", path)
        return key


def build_app(assistant, settings: Settings | None = None) -> gr.Blocks:
    """Return the Gradio Blocks app for `assistant` (not launched; `serve.launch` opens its upload where allowed).

    `app.upload_gate.allowed` says whether the page takes reports; it starts closed."""
    from .serve import settings_concurrency

    settings = settings or assistant.settings
    page = Page(
        LiveAssistant(assistant), settings, FeedbackStore(settings.feedback_path), known_questions(DEFAULT_QUESTIONS)
    )
    reports, sources = ReportsPanel(page), SourcePanel(page)
    chat, evals = ChatPanel(page, sources), EvalTab(page)
    with gr.Blocks(title=f"出國報告問答 · {page.title()}") as app:
        header = gr.HTML(page.header_html(), elem_id="ta-header-box")
        store = gr.BrowserState(
            page.default_store(), storage_key="trip-assistant-conversation", secret=_browser_secret(settings)
        )
        with gr.Tab("問答 Ask"), gr.Row():
            with gr.Column(scale=3):
                reports.build()
                chat.build()
            with gr.Column(scale=2):
                sources.build()
        evals.build()
        chat.wire(store, reports.choice, evals.waiting)
        reports.wire(header)
        evals.wire()
        outputs = [chat.log, chat.mode, chat.top_k, sources.box, evals.waiting, reports.choice, header, reports.panel]

        def restore(browser_store: dict | None):
            return _restore(page, chat, reports, browser_store)

        app.load(restore, [store], outputs, api_visibility="private")
        Api(page, reports).build()
    app.upload_gate = page.gate
    app.queue(default_concurrency_limit=settings_concurrency(), max_size=256)
    return app


def _restore(page: Page, chat: ChatPanel, reports: ReportsPanel, store: dict | None):
    """Return the page as a browser left it: its conversation, settings and report choice (reports no longer
    indexed dropped), the title from the reports indexed now, and the upload shown where allowed."""
    store = {**page.default_store(), **(store or {})}
    s = page.settings
    mode = store["mode"] if store["mode"] in MODES else s.mode
    top_k = store["top_k"] if isinstance(store["top_k"], int) and 1 <= store["top_k"] <= 20 else s.top_k
    last = next((t["answer"] for t in reversed(store["turns"]) if t.get("answer")), None)
    chosen = store["reports"] if isinstance(store["reports"], list) else []
    return (
        chat.html(store), mode, top_k, chat.sources.html(last), page.feedback_line(),
        reports.choice_update(chosen), page.header_html(), reports.visibility(),
    )  # fmt: skip
