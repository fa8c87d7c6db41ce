"""The page's chat panel: example questions, the conversation, the question box and its buttons, feedback on
answers, export, and the retrieval settings; answers come from `chat.Conversation` over the live Assistant."""

from __future__ import annotations

import tempfile
from pathlib import Path

import gradio as gr

from .chat import Conversation
from .config import MODES
from .engine import QuestionError
from .export import to_markdown, write_docx
from .question_check import EMPTY_QUESTION
from .ui_content import example_questions
from .ui_live import Page
from .ui_render import render_chat, render_error
from .ui_sources import SourcePanel
from .ui_style import CHAT_JS

DIVIDER = '<div class="ta-divider" role="separator">— 新問題 New topic —</div>'


def take_question(question: str) -> tuple[str, str]:
    """Empty the question box and hand its text on to be answered."""
    return "", question


class ChatPanel:
    """The conversation and everything that adds to it; its state lives in the browser's storage (`store`)."""

    def __init__(self, page: Page, sources: SourcePanel) -> None:
        self.page = page
        self.sources = sources
        self.examples = example_questions(page.settings.example_count)

    def build(self) -> None:
        """Add the panel's components to the page being built."""
        s = self.page.settings
        with gr.Row(elem_id="examples"):
            self.example_buttons = [gr.Button(q, size="sm", elem_classes=["ta-example"]) for q in self.examples]
        self.log = gr.HTML(self.html(self.page.default_store()), elem_id="chat", js_on_load=CHAT_JS)
        self.question = gr.Textbox(
            label="問題 Question", placeholder="輸入問題後按 Enter。Type a question and press Enter.",
            elem_id="question", lines=1, max_lines=4,
        )  # fmt: skip
        with gr.Row():
            self.ask_button = gr.Button("提問 Ask", variant="primary", elem_id="ask-button")
            self.topic_button = gr.Button("新問題 New topic", elem_id="new-topic")
            self.clear_button = gr.Button("清除對話 Clear", elem_id="clear-button")
        with gr.Row():
            self.export_button = gr.Button("匯出對話 Export (Markdown + Word)", elem_id="export-button", size="sm")
        self.export_files = gr.File(
            label="匯出檔案 Exported files", file_count="multiple", elem_id="export-files", visible=False
        )
        with gr.Accordion("設定 Settings", open=False):
            self.mode = gr.Radio(list(MODES), value=s.mode, label="檢索模式 Retrieval mode", elem_id="mode")
            self.top_k = gr.Slider(1, 20, value=s.top_k, step=1, label="來源數量 Passages (top-k)", elem_id="top-k")

    def wire(self, store: gr.BrowserState, choice: gr.Dropdown, waiting: gr.Markdown) -> None:
        """Connect the panel's events; `choice` holds the reports questions are limited to, `waiting` the eval
        tab's feedback line."""
        private = {"api_visibility": "private"}
        sent = gr.State("")
        inputs = [sent, store, self.mode, self.top_k, choice]
        outputs = [self.log, store, self.sources.box]
        for trigger in (self.ask_button.click, self.question.submit):
            # The box is emptied as the question is sent, not when its answer comes back: a next question typed
            # while the answer is being found is kept.
            trigger(take_question, self.question, [self.question, sent], queue=False, **private).then(
                self.respond, inputs, outputs, **private
            )  # fmt: skip
        for button, text in zip(self.example_buttons, self.examples):
            button.click(
                lambda s, m, k, r, text=text: self.respond(text, s, m, k, r), inputs[1:], outputs, **private
            )  # fmt: skip
        self.log.click(self.on_chat_click, [store], [self.log, store, self.sources.box, waiting], **private)
        self.topic_button.click(self.new_topic, [store], [self.log, store], **private)
        self.clear_button.click(self.clear, [store], [self.log, store, self.sources.box, self.export_files], **private)
        settings = [store, self.mode, self.top_k, choice]
        self.mode.change(self.remember_settings, settings, store, **private)
        self.top_k.release(self.remember_settings, settings, store, **private)
        choice.change(self.remember_settings, settings, store, **private)
        self.export_button.click(self.export, [store], self.export_files, **private)

    def html(self, store: dict, notice: str = "") -> str:
        """Return the conversation in `store` as the chat log's HTML, a passing `notice` (not kept) last."""
        page = self.page
        body = render_chat(
            store.get("turns", []), page.titles(), page.breaks_of, page.settings.source_label_chars, page.several()
        )
        if store.get("new_topic") and store.get("turns"):
            body += DIVIDER
        body += render_error(notice) if notice else ""
        return f'<div class="ta-log" role="log" aria-label="對話 Conversation" aria-live="polite">{body}</div>'

    def _store(self, store: dict | None, **changes: object) -> dict:
        return {**self.page.default_store(), **(store or {}), **changes}

    def respond(self, question: str, store: dict, mode: str, top_k: float, reports: list[str] | None):
        """Answer `question` from the chosen `reports` (none: all) as a turn of the conversation in `store`."""
        store = self._store(store)
        turns = list(store["turns"])
        focus = [(str(d), str(label)) for d, label in store.get("focus", [])]
        days = tuple((str(d), str(day)) for d, day in store.get("days", []))
        standalone = [str(q) for q in store.get("standalone", [])]
        conversation = Conversation(
            self.page.live.current, list(store["history"]), list(store["asked"]), focus, days, standalone
        )
        new_topic = bool(store.pop("new_topic", False))
        keep = self.page.settings.history_turns
        try:
            answer = conversation.ask(question, top_k=int(top_k), mode=mode, reports=list(reports or []))
        except QuestionError as exc:
            if str(exc) == EMPTY_QUESTION:  # nothing was asked: say so below the conversation, not as a turn
                store["new_topic"] = new_topic
                return self.html(store, str(exc)), store, gr.update()
            turns.append({"question": question or "", "answer": None, "error": str(exc), "new_topic": new_topic})
            store["turns"] = turns[-keep:]
            return self.html(store), store, gr.update()
        data = answer.to_dict()
        turns.append({"question": question, "answer": data, "new_topic": new_topic})
        store |= {"turns": turns[-keep:], "history": conversation.history[-5:], "asked": conversation.asked[-5:],
                  "standalone": conversation.standalone[-5:],
                  "focus": [list(f) for f in conversation.focus], "days": [list(d) for d in conversation.days],
                  "mode": mode, "top_k": int(top_k), "reports": list(reports or [])}  # fmt: skip
        return self.html(store), store, self.sources.html(data)

    def on_chat_click(self, store: dict, evt: gr.EventData):
        """Handle a button in the chat log: show a quote or source in context, or record feedback on an answer."""
        store = self._store(store)
        data = getattr(evt, "_data", None) or {}
        turns = list(store["turns"])
        try:
            turn = int(data.get("turn"))
            answer = turns[turn]["answer"]
        except (TypeError, ValueError, IndexError, KeyError):
            answer = None
        if not answer:
            return gr.update(), store, gr.update(), gr.update()
        if data.get("action") == "show":
            return gr.update(), store, self.sources.html(answer, data.get("quote"), data.get("rank")), gr.update()
        item = dict(turns[turn])
        feedback = self._record(item["question"], answer, data, dict(item.get("feedback") or {}))
        if feedback is None:
            return gr.update(), store, gr.update(), gr.update()
        turns[turn] = item | {"feedback": feedback}
        store["turns"] = turns
        return self.html(store), store, gr.update(), self.page.feedback_line()

    def _record(self, question: str, answer: dict, data: dict, feedback: dict) -> dict | None:
        """Store a 👍/👎 or a marked passage; return the turn's feedback so far (None: not a feedback button)."""
        try:
            if data.get("action") == "verdict" and data.get("verdict") in ("up", "down"):
                self.page.feedback.add(question, answer, data["verdict"])
                return feedback | {"verdict": data["verdict"]}
            if data.get("action") == "right":
                self.page.feedback.add(question, answer, "right", int(data.get("rank")))
                return feedback | {"right": int(data.get("rank"))}
        except (ValueError, TypeError) as exc:
            raise gr.Error(f"無法記錄回報 Feedback not recorded: {exc}") from exc
        return None

    def new_topic(self, store: dict):
        """Start a new topic: the next question is read on its own."""
        store = self._store(store, history=[], asked=[], standalone=[], focus=[], days=[], new_topic=True)
        return self.html(store), store

    def clear(self, store: dict):
        """Empty the conversation (the settings and report choice stay)."""
        store = self._store(store, turns=[], history=[], asked=[], standalone=[], focus=[], days=[], new_topic=False)
        return self.html(store), store, self.sources.html(None), gr.update(value=None, visible=False)

    def remember_settings(self, store: dict, mode: str, top_k: float, reports: list[str] | None) -> dict:
        """Keep the retrieval settings and report choice in the browser's storage."""
        return self._store(store, mode=mode, top_k=int(top_k), reports=list(reports or []))

    def export(self, store: dict):
        """Write the conversation as Markdown and Word files and offer them for download."""
        turns = (store or {}).get("turns") or []
        if not turns:
            raise gr.Error("還沒有對話可匯出。There is no conversation to export yet.")
        folder = Path(tempfile.mkdtemp(prefix="trip-assistant-export-"))
        title, titles, breaks_of = self.page.title(), self.page.titles(), self.page.breaks_of
        md = folder / "conversation.md"
        md.write_text(to_markdown(turns, title, breaks_of, titles), encoding="utf-8")
        docx = write_docx(turns, title, folder / "conversation.docx", breaks_of, titles)
        return gr.update(value=[str(md), str(docx)], visible=True)
