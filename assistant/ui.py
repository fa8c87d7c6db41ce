"""Gradio page: chat with quoted, cited answers, sources read in context, an eval tab and the /ask API.

Presentation only: every answer comes from `Assistant.ask` (through `chat.Conversation`).
Everything taken from the corpus or the user is escaped before it reaches the page.
"""

from __future__ import annotations

import html
import logging

from .answer import Answer
from .chat import Conversation
from .config import MODES, Settings
from .question_check import ArgumentError, checked_arguments
from .serve import refusal, settings_concurrency

log = logging.getLogger(__name__)

EXAMPLES = [
    "Sigfox 在多少個國家提供服務？",
    "巴黎綠蔭步道全長幾公里？",
    "市長哪一天參訪達梭系統總公司？",
    "出國人員名單有哪些人？",
    "When was MEDEF founded?",
    "What share of EDF's 2014 electricity was carbon-free?",
]
CSS = """
.ta-answer blockquote { border-left: 4px solid #2f6fb3; margin: 0.4em 0; padding: 0.2em 0.8em; background: #f3f7fc; }
.ta-cite { color: #555; font-size: 0.9em; margin: 0 0 0.6em 0; }
.ta-notice { color: #8a5a00; font-size: 0.9em; }
.ta-abstain { font-weight: 600; color: #8a1c1c; }
.ta-sources li { margin-bottom: 0.5em; }
.ta-context { white-space: pre-wrap; line-height: 1.7; max-height: 560px; overflow-y: auto; }
mark { background: #ffe58a; }
"""
# Characters Markdown would read as syntax; as entities they show as themselves.
_MARKDOWN_SPECIALS = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|>~<$"}


# The Markdown renderer turns bare URLs, e-mail addresses and "www." into links even when
# their characters are entities; a tag in the middle breaks the pattern and shows nothing.
_AUTOLINK_BREAKS = ((":", "<span>:</span>"), ("@", "<span>@</span>"), ("www", "w<span>ww</span>"))


def escape(text: str) -> str:
    """Return `text` safe to put in the page: HTML escaped, Markdown syntax and autolinks neutralized."""
    out = html.escape(text, quote=True)
    out = "".join(_MARKDOWN_SPECIALS.get(c, c) if c not in "&;" else c for c in out)
    for plain, broken in _AUTOLINK_BREAKS:
        out = out.replace(plain, broken)
    return out.replace("\n", "<br>")


def _marked(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """Return text (which starts at `offset` in its file) escaped, with the absolute `spans` in <mark>."""
    pieces, pos = [], 0
    for start, end in sorted(spans):
        s, e = max(start - offset, pos), min(end - offset, len(text))
        if s >= e:
            continue
        pieces += [escape(text[pos:s]), "<mark>", escape(text[s:e]), "</mark>"]
        pos = e
    pieces.append(escape(text[pos:]))
    return "".join(pieces)


def render_answer(answer: Answer) -> str:
    """Return the chat message for an answer: quotes with citations, then the collapsible sources."""
    parts = ['<div class="ta-answer">']
    parts += [f'<p class="ta-notice">{escape(n)}</p>' for n in answer.notices]
    if answer.abstained:
        parts.append(f'<p class="ta-abstain">{escape(answer.message)}</p>')
    for q in answer.quotes:
        parts.append(f"<blockquote>{escape(q.quote)}</blockquote>")
        parts.append(f'<p class="ta-cite">— {escape(q.section)} · {escape(q.source)}:{q.start}–{q.end}</p>')
    label = "最接近的段落 Nearest passages" if answer.abstained else "來源 Sources"
    parts.append(f"<details{' open' if answer.abstained else ''}><summary>{label} ({len(answer.passages)})</summary>")
    parts.append('<ol class="ta-sources">')
    for p in answer.passages:
        parts.append(
            f"<li><b>{escape(p.section)}</b> · rank {p.rank} · score {p.score:.4f}<br>"
            f"{_marked(p.text, p.start, p.highlights)}</li>"
        )
    parts.append("</ol></details></div>")
    return "".join(parts)


def render_context(assistant, passage: dict, quotes: list[dict]) -> str:
    """Return the whole section around a passage, the quoted spans (or the passage) highlighted."""
    view = assistant.section_view(passage["source"], passage["start"])
    spans = [
        (q["start"], q["end"]) for q in quotes if q["source"] == view.source and view.start <= q["start"] < view.end
    ]
    spans = spans or [(passage["start"], passage["end"])]
    return (
        f'<div class="ta-context-head"><b>{escape(view.section)}</b> · {escape(view.source)}:{view.start}–{view.end}</div>'
        f'<div class="ta-context">{_marked(view.text, view.start, spans)}</div>'
    )


def build_app(assistant, settings: Settings | None = None):
    """Return the Gradio Blocks app for `assistant` (not launched)."""
    import gradio as gr

    from .engine import QuestionError

    settings = settings or assistant.settings

    def respond(question: str, messages: list, state: dict, mode: str, top_k: float):
        messages = list(messages or [])
        state = dict(state or {})
        conversation = Conversation(assistant, list(state.get("history", [])))
        try:
            answer = conversation.ask(question, top_k=int(top_k), mode=mode)
        except QuestionError as exc:
            messages += [{"role": "user", "content": escape(question or "")},
                         {"role": "assistant", "content": f'<p class="ta-notice">{escape(str(exc))}</p>'}]  # fmt: skip
            return messages, state, gr.update(), gr.update(), ""
        data = answer.to_dict()
        state = {"history": conversation.history[-5:], "passages": data["passages"], "quotes": data["answer"]}
        messages += [
            {"role": "user", "content": escape(question)},
            {"role": "assistant", "content": render_answer(answer)},
        ]
        choices = [(f"[{p['rank']}] {p['section']}", p["rank"] - 1) for p in data["passages"]]
        first = next((i for i, p in enumerate(data["passages"]) if p["highlights"]), 0)
        context = render_context(assistant, data["passages"][first], data["answer"]) if data["passages"] else ""
        return messages, state, gr.update(choices=choices, value=first), context, ""

    def show_source(choice, state: dict):
        passages = (state or {}).get("passages") or []
        if choice is None or not 0 <= int(choice) < len(passages):
            return ""
        return render_context(assistant, passages[int(choice)], state.get("quotes", []))

    def clear():
        return [], {}, gr.update(choices=[], value=None), ""

    def run_evaluation(split: str, mode: str, progress=gr.Progress()):  # noqa: B008 (Gradio injects it)
        from .evaluation import DEFAULT_QUESTIONS, load_split, run_eval

        qfile = load_split(DEFAULT_QUESTIONS, split)
        modes = MODES if mode == "all" else (mode,)
        report = run_eval(
            assistant, qfile.questions, modes, 10, progress=lambda m, i, n: progress(i / n, desc=f"{m} {i}/{n}")
        )
        report.problems[:0] = qfile.problems
        return report.to_markdown()

    def api_ask(question: str, top_k: int = 5, mode: str = "hybrid") -> dict:
        """Answer one question; returns the same JSON object as `trip-assistant ask --json`."""
        try:
            question, top_k, mode = checked_arguments(question, top_k, mode, settings)  # question_check.py
            return assistant.ask(question, top_k=top_k, mode=mode).to_dict()
        except (QuestionError, ArgumentError) as exc:
            raise refusal(exc) from exc  # one log line, the message to the caller, no traceback

    with gr.Blocks(title="出國報告問答 trip-assistant") as app:
        gr.Markdown(
            "## 出國報告問答 · Trip-report assistant\n"
            "臺中市政府 106 年 6 月赴法國（土魯斯、巴黎）市政暨產業交流出國報告。"
            "回答一律逐字引用報告原文並註明章節。Answers quote the report verbatim, with their section."
        )
        state = gr.State({})
        with gr.Tab("問答 Ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(label="對話 Conversation", height=520, elem_id="chat", sanitize_html=True)
                    question = gr.Textbox(
                        label="問題 Question", placeholder="例如：Sigfox 在多少個國家提供服務？ / e.g. Where is Sigfox based?",
                        elem_id="question", lines=1, max_lines=4,
                    )  # fmt: skip
                    with gr.Row():
                        ask_button = gr.Button("提問 Ask", variant="primary", elem_id="ask-button")
                        clear_button = gr.Button("清除對話 Clear", elem_id="clear-button")
                    gr.Examples(EXAMPLES, inputs=question, label="範例問題 Example questions")
                    with gr.Accordion("設定 Settings", open=False):
                        mode = gr.Radio(list(MODES), value=settings.mode, label="檢索模式 Retrieval mode")
                        top_k = gr.Slider(1, 20, value=settings.top_k, step=1, label="來源數量 Passages (top-k)")
                with gr.Column(scale=2):
                    source_pick = gr.Radio([], label="來源原文 Source in context", elem_id="source-pick")
                    context = gr.HTML(elem_id="source-context")
        with gr.Tab("評估 Eval", elem_id="eval-tab"):
            gr.Markdown("以已知問題集評估檢索與回答。Run the known questions (evals/questions.jsonl).")
            with gr.Row():
                split = gr.Radio(["all", "dev", "test"], value="test", label="題組 Split")
                eval_mode = gr.Radio([*MODES, "all"], value="hybrid", label="模式 Mode")
            run_button = gr.Button("執行評估 Run eval", elem_id="run-eval")
            eval_report = gr.Markdown(elem_id="eval-report")

        outputs = [chatbot, state, source_pick, context, question]
        ask_button.click(respond, [question, chatbot, state, mode, top_k], outputs, api_visibility="private")
        question.submit(respond, [question, chatbot, state, mode, top_k], outputs, api_visibility="private")
        source_pick.change(show_source, [source_pick, state], context, api_visibility="private")
        clear_button.click(clear, None, [chatbot, state, source_pick, context], api_visibility="private")
        run_button.click(run_evaluation, [split, eval_mode], eval_report, api_visibility="private")
        gr.api(api_ask, api_name="ask")
    app.queue(default_concurrency_limit=settings_concurrency(), max_size=256)
    return app
