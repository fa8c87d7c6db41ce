"""The page's eval tab: runs the known questions against the live Assistant and explains each metric in a line."""

from __future__ import annotations

import gradio as gr

from .config import MODES
from .evaluation import DEFAULT_QUESTIONS, load_split, run_eval
from .ui_live import Page

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
RUN_LABEL = "執行評估 Run eval"
# The question set is written for the bundled report; with other reports indexed they answer some questions too.
SEVERAL_REPORTS = (
    "> 注意：問題集是為隨附報告寫的；目前索引中還有其他報告，部分問題可能由其他報告回答，因此數字不同於只有隨附報告時。"
    "Note: the questions were written for the bundled report; other reports are indexed too, so some answers may "
    "come from them and the figures differ from the bundled report's alone."
)
RUNNING = "評估中，約需 20–30 秒，進度顯示在下方。Running: about 20–30 s."


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


class EvalTab:
    """The tab that runs the known questions (one run at a time; `serve.guard_evaluation` sees to that)."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def build(self) -> None:
        """Add the tab to the page being built."""
        with gr.Tab("評估 Eval", elem_id="eval-tab"):
            gr.Markdown(
                "以已知問題集（evals/questions.jsonl）評估檢索與回答；每個指標都附一行說明。"
                "Runs the known questions; each metric has a one-line explanation."
            )
            self.waiting = gr.Markdown(elem_id="feedback-waiting")
            with gr.Row():
                self.split = gr.Radio(
                    ["all", "dev", "test"], value="test", label="題組 Split",
                    info="test：凍結、只報告的題組（最小、最快）；dev：開發用；all：全部。"
                    "test: the frozen set, only reported (fastest); dev: the one changes are chosen on.",
                )  # fmt: skip
                self.mode = gr.Radio(
                    [*MODES, "all"], value="hybrid", label="模式 Mode",
                    info="hybrid：本工具的檢索；dense（語意）與 lexical（字詞）單獨一種，供比較。"
                    "hybrid is what the chat uses; dense and lexical alone are for comparison.",
                )  # fmt: skip
            self.run_button = gr.Button(RUN_LABEL, elem_id="run-eval")
            self.status = gr.Markdown(elem_id="eval-status")
            self.report = gr.Markdown(elem_id="eval-report")

    def wire(self) -> None:
        """Connect the run button: disable it, run with progress shown, enable it again."""
        private = {"api_visibility": "private"}
        self.run_button.click(self.start_eval, None, [self.run_button, self.status], **private).then(
            self.run_evaluation, [self.split, self.mode], [self.report, self.status], **private
        ).then(self.end_eval, None, self.run_button, **private)

    @staticmethod
    def start_eval():
        """Disable the run button and say the run started."""
        return gr.update(interactive=False, value="評估中… Running"), RUNNING

    def run_evaluation(self, split: str, mode: str, progress=gr.Progress()):  # noqa: B008 (Gradio injects it)
        """Run the known questions of `split` in `mode` ("all": every mode) and return the report."""
        qfile = load_split(DEFAULT_QUESTIONS, split)
        modes = MODES if mode == "all" else (mode,)
        report = run_eval(
            self.page.live.current, qfile.questions, modes, 10,
            progress=lambda m, i, n: progress(i / n, desc=f"{m}：第 {i}/{n} 題 question {i} of {n}"),
        )  # fmt: skip
        report.problems[:0] = qfile.problems
        shown = metrics_markdown(report, split, self.page.feedback_line())
        if len(self.page.live.current.sources) > 1:
            shown = f"{SEVERAL_REPORTS}\n\n{shown}"
        return shown, "完成 Done."

    @staticmethod
    def end_eval():
        """Enable the run button again."""
        return gr.update(interactive=True, value=RUN_LABEL)
