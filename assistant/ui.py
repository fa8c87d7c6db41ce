"""Gradio page: chat with quoted, page-cited answers, sources read in context, feedback, export, an eval tab and /ask.

Presentation only: every answer comes from `Assistant.ask` (through `chat.Conversation`) and is
rendered from its JSON shape by `ui_render`; the conversation and settings live in the browser's
storage, so a reload keeps them.
"""

from __future__ import annotations

import json
import logging
import secrets
import tempfile
from pathlib import Path

from .chat import Conversation
from .config import MODES, Settings
from .feedback import FeedbackStore
from .ui_render import escape, render_answer, render_chat
from .ui_render import render_context as render_section

__all__ = ["build_app", "escape", "render_answer", "report_title", "example_questions"]
from .question_check import ArgumentError, checked_arguments
from .serve import refusal, settings_concurrency

log = logging.getLogger(__name__)

# The examples are read at start-up (see `example_questions`); none is written here.
EXAMPLES: list[str] = []
CSS = """
#ta-header h1 { font-size: 1.5em; margin: 0.2em 0; }
#ta-header p { margin: 0.3em 0; line-height: 1.6; }
.ta-skip { font-size: 0.9em; }
#chat .ta-log { max-height: 62vh; overflow-y: auto; padding: 0.2em 0.4em; }
.ta-empty { color: #555; padding: 0.8em 0; }
.ta-question { background: #eef2f7; border-radius: 8px; padding: 0.5em 0.8em; margin: 0.8em 0 0.4em; white-space: pre-wrap; }
.ta-who { font-weight: 600; color: #2f4f7f; margin-right: 0.4em; }
.ta-answer { border-left: 3px solid #c9d6e6; padding: 0.2em 0 0.2em 0.8em; margin-bottom: 0.6em; }
.ta-answer blockquote { border-left: 4px solid #2f6fb3; margin: 0.4em 0; padding: 0.3em 0.8em; background: #f3f7fc; white-space: pre-wrap; }
.ta-quote { margin: 0.4em 0 0.8em 0; }
.ta-cite { color: #333; font-size: 0.92em; margin: 0.1em 0 0.3em 0; }
.ta-level { margin: 0.2em 0; font-size: 0.92em; }
.ta-level-high .ta-level b { color: #1d6b2f; }
.ta-level-medium .ta-level b { color: #8a5a00; }
.ta-level-low .ta-level b { color: #8a1c1c; }
.ta-notice { color: #8a5a00; font-size: 0.9em; margin: 0.2em 0; }
.ta-abstain { font-weight: 600; color: #8a1c1c; background: #fdf1f1; padding: 0.4em 0.6em; border-radius: 6px; }
.ta-btn { border: 1px solid #b8c4d2; background: #fff; border-radius: 6px; padding: 0.15em 0.6em; margin: 0.15em 0.3em 0.15em 0; font-size: 0.88em; cursor: pointer; }
.ta-btn:hover { background: #eef2f7; }
.ta-feedback { margin: 0.3em 0; }
.ta-fb-status { color: #1d6b2f; font-size: 0.88em; }
.ta-sources li { margin-bottom: 0.7em; }
.ta-src-text { white-space: pre-wrap; color: #333; }
.ta-nearest-box summary { color: #666; }
.ta-nearest { border: 1px dashed #999; border-radius: 6px; padding: 0.3em 0.5em; color: #555; list-style-position: inside; }
.ta-tech { color: #666; font-size: 0.8em; }
.ta-divider { text-align: center; color: #666; margin: 0.8em 0; }
.ta-context { white-space: pre-wrap; line-height: 1.7; max-height: 560px; overflow-y: auto; }
.ta-nearest-note { color: #8a1c1c; font-weight: 600; }
mark { background: #ffe58a; }
mark.ta-near { background: #eceff3; border-bottom: 2px dashed #888; color: inherit; }
@media (max-width: 800px) { #chat .ta-log { max-height: none; } }
"""
# Chat log behaviour: copy buttons, buttons that ask the server (trigger), scrolling to the new answer.
CHAT_JS = """
document.documentElement.lang = 'zh-Hant';
const log = () => element.querySelector('.ta-log');
let turns = element.querySelectorAll('.ta-question').length;
const opened = new Set();
element.addEventListener('toggle', (e) => {
  const d = e.target; if (!d.matches || !d.matches('details')) return;
  const key = (d.closest('[data-turn]') || {}).dataset?.turn + ':' + d.className;
  if (d.open) opened.add(key); else opened.delete(key);
}, true);
element.addEventListener('click', (e) => {
  const btn = e.target.closest('button.ta-btn'); if (!btn) return;
  const d = btn.dataset;
  if (btn.classList.contains('ta-copy')) {
    const done = () => { btn.textContent = '已複製 Copied ✓'; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(d.copy).then(done, () => { fallback(d.copy); done(); });
    } else { fallback(d.copy); done(); }
    return;
  }
  if (btn.classList.contains('ta-show')) {
    // One tap reaches the panel: scroll now (the section may already be shown) and again once it is replaced.
    window.__taJump = true;
    const panel = document.getElementById('source-context');
    if (panel) panel.scrollIntoView({block: 'start'});
  }
  const action = btn.classList.contains('ta-show') ? 'show' : btn.classList.contains('ta-fb') ? 'verdict' : 'right';
  trigger('click', {action: action, turn: +d.turn, quote: d.quote === undefined ? null : +d.quote,
                    rank: d.rank === undefined ? null : +d.rank, verdict: d.verdict || null});
});
function fallback(text) {
  const t = document.createElement('textarea'); t.value = text; document.body.appendChild(t);
  t.select(); document.execCommand('copy'); t.remove();
}
watch('value', () => {
  element.querySelectorAll('details').forEach((d) => {
    const key = (d.closest('[data-turn]') || {}).dataset?.turn + ':' + d.className;
    if (opened.has(key)) d.open = true;
  });
  const now = element.querySelectorAll('.ta-question').length;
  if (now > turns) {
    const q = element.querySelectorAll('.ta-question')[now - 1];
    const box = log();
    if (box && q) box.scrollTop = q.offsetTop - box.offsetTop;
    if (q) q.scrollIntoView({block: 'nearest'});
  }
  turns = now;
});
"""
# Source panel: scroll to the first highlight; after a "show in context" tap, bring the panel into view.
CONTEXT_JS = """
watch('value', () => {
  const box = element.querySelector('.ta-context');
  const mark = element.querySelector('.ta-context mark');
  if (box && mark) box.scrollTop = mark.offsetTop - box.offsetTop - 40;
  if (window.__taJump) { window.__taJump = false; element.scrollIntoView({block: 'start'}); }
});
"""
HOW_TO = (
    "在下方輸入關於這份報告的問題（中文或英文），或點一個範例。每個回答都逐字引用報告原文，註明頁碼與章節，"
    "並標示信心高、中、低；按「看原文」在右側（手機在下方）讀整段，按「複製引文」貼到公文。答錯了請按 👎 並標出正確段落。"
    "Ask about this report in Chinese or English, or click an example. Every answer quotes the report word for "
    "word with its page and section and says how sure it is; “Show in context” opens the whole section, "
    "“Copy citation” copies the quote with its page. If an answer is wrong, press 👎 and mark the right passage."
)
METRICS = [
    ("hit@1", "第 1 名命中", "第一個來源就含正確段落的題目比例"),
    ("hit@3", "前 3 名命中", "前 3 個來源中有正確段落的比例"),
    ("hit@5", "前 5 名命中", "前 5 個來源中有正確段落的比例"),
    ("mrr@10", "平均倒數名次", "正確段落名次的倒數平均（1 = 總是第一）"),
    ("ndcg@10", "排序品質", "考慮名次的前 10 個來源品質（1 = 完美）"),
    ("answer_acc", "引文正確率", "引用的句子含標準答案的比例"),
    ("abstain_p", "拒答精確率", "說「找不到」時，報告確實沒有答案的比例"),
    ("abstain_r", "拒答召回率", "報告沒有答案的題目中，正確說「找不到」的比例"),
    ("false_abstain", "誤拒答率", "報告有答案卻說「找不到」的比例（越低越好）"),
    ("p50_ms", "延遲中位數（毫秒）", "每題完整回答（檢索加挑選引文）的中位數時間"),
]
LATENCY_NOTE = (
    "延遲說明 Latency：這裡的 p50 量的是網頁伺服器上每題的完整回答（檢索、挑句、引用），與其他使用者共用 CPU，"
    "第一題還會暖機（載入快取），所以高於 README 中暖機後的查詢基準。p50 here is the whole answer per question, "
    "measured in this server while it serves the page; the first call warms caches, so it is higher than README's "
    "warm-query benchmark."
)


def report_title(text: str, fallback: str = "") -> str:
    """Return a report's title from its cover: the first of its opening lines that is not a 'field：value' line."""
    lines = [" ".join(line.split()) for line in text.splitlines()[:40] if line.strip()]
    title = next((line for line in lines if "：" not in line and ":" not in line), "")
    return title or (lines[0] if lines else fallback)


def example_questions(path: Path, count: int, headings: list[str]) -> list[str]:
    """Return `count` example questions from the dev split of the eval file (answerable ones, Chinese and English
    alternating), or questions about the report's section headings when the file is missing or has none."""
    by_lang: dict[str, list[str]] = {}
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and obj.get("split") == "dev" and obj.get("answerable", True):
                question = str(obj.get("question", "")).strip()
                if question:
                    by_lang.setdefault("en" if obj.get("lang") == "en" else "zh", []).append(question)
    except OSError:
        pass
    picked: list[str] = []
    lists = [by_lang.get("zh", []), by_lang.get("en", [])]
    for i in range(max(map(len, lists), default=0)):
        picked += [lst[i] for lst in lists if i < len(lst)]
    if not picked:
        picked = [f"「{h}」的重點是什麼？" for h in headings]
    return picked[:count]


def _known_questions(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        try:
            out.append(str(json.loads(line).get("question", "")))
        except (ValueError, AttributeError):
            continue
    return out


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


def metrics_markdown(report, split: str, feedback_line: str) -> str:
    """Return the eval report for the page: metrics with Chinese names and explanations, latency note, misses."""
    modes = list(report.metrics)
    head = "| 指標 Metric | 說明 | " + " | ".join(modes) + " |"
    lines = [f"### 評估結果 Results（題組 split: {split}）", "", head, "|---|---|" + "---|" * len(modes)]
    scope = "all"
    n = next((int(m[scope]["n"]) for m in report.metrics.values() if scope in m), 0)
    for key, zh, why in METRICS:
        cells = []
        for mode in modes:
            value = report.metrics[mode].get(scope, {}).get(key)
            cells.append("–" if value is None else (f"{value:.0f}" if key == "p50_ms" else f"{value:.3f}"))
        lines.append(f"| {zh} {key} | {why} | " + " | ".join(cells) + " |")
    lines += ["", f"共 {n} 題可回答的問題。n = {n} answerable questions.", "", LATENCY_NOTE, "", feedback_line, ""]
    misses = report.to_markdown().split("## Misses", 1)
    if len(misses) == 2:
        lines.append("#### 未答對 Misses" + misses[1])
    return "\n".join(lines)


def build_app(assistant, settings: Settings | None = None):
    """Return the Gradio Blocks app for `assistant` (not launched)."""
    import gradio as gr

    from .engine import QuestionError
    from .evaluation import DEFAULT_QUESTIONS
    from .export import to_markdown, write_docx

    settings = settings or assistant.settings
    first = assistant.index.document(assistant.sources[0]) if assistant.sources else None
    title = report_title(first.text, first.doc_id) if first else "trip-assistant"
    headings = [s.path[-1] for s in first.sections if s.kind == "body"] if first else []
    examples = example_questions(DEFAULT_QUESTIONS, settings.example_count, headings)
    store_path = FeedbackStore(settings.feedback_path)
    known = _known_questions(DEFAULT_QUESTIONS)
    default = {"turns": [], "history": [], "asked": [], "mode": settings.mode, "top_k": settings.top_k}

    def breaks_of(source: str):
        try:
            return assistant.index.document(source).breaks
        except KeyError:
            return ()

    def chat_html(store: dict) -> str:
        body = render_chat(store.get("turns", []), title, breaks_of, settings.source_label_chars)
        if store.get("new_topic") and store.get("turns"):
            body += '<div class="ta-divider" role="separator">— 新問題 New topic —</div>'
        return f'<div class="ta-log" role="log" aria-label="對話 Conversation" aria-live="polite">{body}</div>'

    def context_html(answer: dict | None, quote: int | None = None, rank: int | None = None) -> str:
        if not answer or not answer.get("passages"):
            return '<p class="ta-empty">按「看原文 Show in context」在這裡讀整段原文。The whole section shows here.</p>'
        nearest = answer["abstained"]
        if quote is not None and 0 <= quote < len(answer["answer"]):
            item = answer["answer"][quote]
        else:
            passages = answer["passages"]
            default_rank = next((p["rank"] for p in passages if p["highlights"]), 1)
            item = next((p for p in passages if p["rank"] == (rank or default_rank)), passages[0])
        try:
            view = assistant.section_view(item["source"], item["start"])
        except KeyError:
            return '<p class="ta-empty">這份來源已不在索引中。This source is no longer indexed.</p>'
        spans = [] if nearest else [
            (q["start"], q["end"]) for q in answer["answer"]
            if q["source"] == view.source and view.start <= q["start"] < view.end
        ]  # fmt: skip
        outline = not spans
        spans = spans or [(item["start"], item["end"])]
        html = render_section(
            view.source, view.section, view.start, view.text, spans, item.get("pages"), title,
            breaks_of(view.source), nearest=outline,
        )  # fmt: skip
        if outline and not nearest:
            html = html.replace(
                "最接近的段落（不是答案）Nearest passages, not an answer",
                "來源段落（未被引用）Source passage, not quoted",
            )
        return (
            '<section role="region" aria-label="來源原文 Source in context">'
            f'{html}<p><a href="#chat" class="ta-skip">↑ 回到對話 Back to the conversation</a></p></section>'
        )

    def feedback_line() -> str:
        s = store_path.summary(known)
        return (
            f"意見回饋 Feedback：共 {s.total} 則；{s.ready} 題等待匯出成評估題（`trip-assistant feedback export`）；"
            f"{s.needs_passage} 題答錯但還沒標正確段落。{s.ready} waiting for export, {s.needs_passage} wrong answers "
            "without a marked passage."
        )

    def respond(question: str, store: dict, mode: str, top_k: float):
        store = {**default, **(store or {})}
        turns = list(store["turns"])
        conversation = Conversation(assistant, list(store["history"]), list(store["asked"]))
        new_topic = bool(store.pop("new_topic", False))
        try:
            answer = conversation.ask(question, top_k=int(top_k), mode=mode)
        except QuestionError as exc:
            turns.append({"question": question or "", "answer": None, "error": str(exc), "new_topic": new_topic})
            store["turns"] = turns[-settings.history_turns :]
            return chat_html(store), store, gr.update(), ""
        data = answer.to_dict()
        turns.append({"question": question, "answer": data, "new_topic": new_topic})
        store |= {"turns": turns[-settings.history_turns :], "history": conversation.history[-5:],
                  "asked": conversation.asked[-5:], "mode": mode, "top_k": int(top_k)}  # fmt: skip
        return chat_html(store), store, context_html(data), ""

    def on_chat_click(store: dict, evt: gr.EventData):
        store = {**default, **(store or {})}
        data = getattr(evt, "_data", None) or {}
        turns = list(store["turns"])
        try:
            turn = int(data.get("turn"))
            answer = turns[turn]["answer"]
        except (TypeError, ValueError, IndexError, KeyError):
            return gr.update(), store, gr.update(), gr.update()
        if not answer:
            return gr.update(), store, gr.update(), gr.update()
        action = data.get("action")
        if action == "show":
            return gr.update(), store, context_html(answer, data.get("quote"), data.get("rank")), gr.update()
        item = dict(turns[turn])
        feedback = dict(item.get("feedback") or {})
        try:
            if action == "verdict" and data.get("verdict") in ("up", "down"):
                store_path.add(item["question"], answer, data["verdict"])
                feedback["verdict"] = data["verdict"]
            elif action == "right":
                store_path.add(item["question"], answer, "right", int(data.get("rank")))
                feedback["right"] = int(data.get("rank"))
            else:
                return gr.update(), store, gr.update(), gr.update()
        except (ValueError, TypeError) as exc:
            raise gr.Error(f"無法記錄回報 Feedback not recorded: {exc}") from exc
        item["feedback"] = feedback
        turns[turn] = item
        store["turns"] = turns
        return chat_html(store), store, gr.update(), feedback_line()

    # Gradio finds the event argument by its annotation; postponed annotations name a module it cannot see here.
    on_chat_click.__annotations__["evt"] = gr.EventData

    def new_topic(store: dict):
        store = {**default, **(store or {}), "history": [], "asked": [], "new_topic": True}
        return chat_html(store), store

    def clear(store: dict):
        store = {**default, **(store or {}), "turns": [], "history": [], "asked": [], "new_topic": False}
        return chat_html(store), store, context_html(None), gr.update(value=None, visible=False)

    def restore(store: dict):
        store = {**default, **(store or {})}
        mode = store["mode"] if store["mode"] in MODES else settings.mode
        top_k = store["top_k"] if isinstance(store["top_k"], int) and 1 <= store["top_k"] <= 20 else settings.top_k
        last = next((t["answer"] for t in reversed(store["turns"]) if t.get("answer")), None)
        return chat_html(store), mode, top_k, context_html(last), feedback_line()

    def remember_settings(store: dict, mode: str, top_k: float):
        return {**default, **(store or {}), "mode": mode, "top_k": int(top_k)}

    def export(store: dict):
        turns = (store or {}).get("turns") or []
        if not turns:
            raise gr.Error("還沒有對話可匯出。There is no conversation to export yet.")
        folder = Path(tempfile.mkdtemp(prefix="trip-assistant-export-"))
        md = folder / "conversation.md"
        md.write_text(to_markdown(turns, title, breaks_of), encoding="utf-8")
        docx = write_docx(turns, title, folder / "conversation.docx", breaks_of)
        return gr.update(value=[str(md), str(docx)], visible=True)

    def start_eval():
        return gr.update(
            interactive=False, value="評估中… Running"
        ), "評估中，約需 20–30 秒，進度顯示在下方。Running: about 20–30 s."

    def run_evaluation(split: str, mode: str, progress=gr.Progress()):  # noqa: B008 (Gradio injects it)
        from .evaluation import load_split, run_eval

        qfile = load_split(DEFAULT_QUESTIONS, split)
        modes = MODES if mode == "all" else (mode,)
        report = run_eval(
            assistant, qfile.questions, modes, 10,
            progress=lambda m, i, n: progress(i / n, desc=f"{m}：第 {i}/{n} 題 question {i} of {n}"),
        )  # fmt: skip
        report.problems[:0] = qfile.problems
        return metrics_markdown(report, split, feedback_line()), "完成 Done."

    def end_eval():
        return gr.update(interactive=True, value="執行評估 Run eval")

    def api_ask(question: str, top_k: int = 5, mode: str = "hybrid") -> dict:
        """Answer one question; returns the same JSON object as `trip-assistant ask --json`."""
        try:
            question, top_k, mode = checked_arguments(question, top_k, mode, settings)  # question_check.py
            return assistant.ask(question, top_k=top_k, mode=mode).to_dict()
        except (QuestionError, ArgumentError) as exc:
            raise refusal(exc) from exc  # one log line, the message to the caller, no traceback

    def api_feedback(question: str, answer: dict, verdict: str, right_rank: int | None = None) -> dict:
        """Record a verdict on an answer (the /ask JSON): "up", "down", or "right" with the right passage's rank."""
        try:
            row = store_path.add(question, answer, verdict, right_rank)
        except (ValueError, KeyError, TypeError) as exc:
            raise gr.Error(f"feedback not recorded: {exc}") from exc
        return {"id": row.id, "time": row.time, "verdict": row.verdict}

    with gr.Blocks(title=f"出國報告問答 · {title}") as app:
        gr.HTML(
            f'<header id="ta-header" role="banner"><h1>出國報告問答 · {escape(title)}</h1>'
            f'<p>{escape(HOW_TO)}</p>'
            '<p><a class="ta-skip" href="#source-context">跳到來源原文 Jump to the source panel</a></p></header>',
            js_on_load=None,
        )  # fmt: skip
        store = gr.BrowserState(default, storage_key="trip-assistant-conversation", secret=_browser_secret(settings))
        with gr.Tab("問答 Ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    with gr.Row(elem_id="examples"):
                        example_buttons = [
                            gr.Button(q, size="sm", elem_classes=["ta-example"]) for q in examples
                        ]  # fmt: skip
                    chat = gr.HTML(chat_html(default), elem_id="chat", js_on_load=CHAT_JS)
                    question = gr.Textbox(
                        label="問題 Question", placeholder="輸入問題後按 Enter。Type a question and press Enter.",
                        elem_id="question", lines=1, max_lines=4,
                    )  # fmt: skip
                    with gr.Row():
                        ask_button = gr.Button("提問 Ask", variant="primary", elem_id="ask-button")
                        topic_button = gr.Button("新問題 New topic", elem_id="new-topic")
                        clear_button = gr.Button("清除對話 Clear", elem_id="clear-button")
                    with gr.Row():
                        export_button = gr.Button(
                            "匯出對話 Export (Markdown + Word)", elem_id="export-button", size="sm"
                        )
                    export_files = gr.File(
                        label="匯出檔案 Exported files", file_count="multiple", elem_id="export-files", visible=False
                    )
                    with gr.Accordion("設定 Settings", open=False):
                        mode = gr.Radio(
                            list(MODES), value=settings.mode, label="檢索模式 Retrieval mode", elem_id="mode"
                        )
                        top_k = gr.Slider(
                            1, 20, value=settings.top_k, step=1, label="來源數量 Passages (top-k)", elem_id="top-k"
                        )
                with gr.Column(scale=2):
                    context = gr.HTML(context_html(None), elem_id="source-context", js_on_load=CONTEXT_JS)
        with gr.Tab("評估 Eval", elem_id="eval-tab"):
            gr.Markdown(
                "以已知問題集（evals/questions.jsonl）評估檢索與回答；每個指標都附一行說明。"
                "Runs the known questions; each metric has a one-line explanation."
            )
            waiting = gr.Markdown(elem_id="feedback-waiting")
            with gr.Row():
                split = gr.Radio(["all", "dev", "test"], value="test", label="題組 Split")
                eval_mode = gr.Radio([*MODES, "all"], value="hybrid", label="模式 Mode")
            run_button = gr.Button("執行評估 Run eval", elem_id="run-eval")
            eval_status = gr.Markdown(elem_id="eval-status")
            eval_report = gr.Markdown(elem_id="eval-report")

        ask_inputs = [question, store, mode, top_k]
        ask_outputs = [chat, store, context, question]
        ask_button.click(respond, ask_inputs, ask_outputs, api_visibility="private")
        question.submit(respond, ask_inputs, ask_outputs, api_visibility="private")
        for button, text in zip(example_buttons, examples):
            button.click(
                lambda s, m, k, text=text: respond(text, s, m, k), [store, mode, top_k], ask_outputs,
                api_visibility="private",
            )  # fmt: skip
        chat.click(on_chat_click, [store], [chat, store, context, waiting], api_visibility="private")
        topic_button.click(new_topic, [store], [chat, store], api_visibility="private")
        clear_button.click(clear, [store], [chat, store, context, export_files], api_visibility="private")
        mode.change(remember_settings, [store, mode, top_k], store, api_visibility="private")
        top_k.release(remember_settings, [store, mode, top_k], store, api_visibility="private")
        export_button.click(export, [store], export_files, api_visibility="private")
        run_button.click(start_eval, None, [run_button, eval_status], api_visibility="private").then(
            run_evaluation, [split, eval_mode], [eval_report, eval_status], api_visibility="private"
        ).then(end_eval, None, run_button, api_visibility="private")
        app.load(restore, [store], [chat, mode, top_k, context, waiting], api_visibility="private")
        gr.api(api_ask, api_name="ask")
        gr.api(api_feedback, api_name="feedback")
    app.queue(default_concurrency_limit=settings_concurrency(), max_size=256)
    return app
