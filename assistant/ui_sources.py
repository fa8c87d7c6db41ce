"""The page's source panel: the whole section a quote or passage comes from, scrolled to it and marked."""

from __future__ import annotations

import gradio as gr

from .ui_live import Page
from .ui_render import render_context
from .ui_style import CONTEXT_JS

EMPTY = '<p class="ta-empty">按「看原文 Show in context」在這裡讀整段原文。The whole section shows here.</p>'
GONE = '<p class="ta-empty">這份來源已不在索引中。This source is no longer indexed.</p>'


class SourcePanel:
    """Shows one answer's quote or passage inside its section (right of the chat; below it on a phone)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.box: gr.HTML | None = None

    def build(self) -> gr.HTML:
        """Add the panel to the page being built and return it."""
        self.box = gr.HTML(self.html(None), elem_id="source-context", js_on_load=CONTEXT_JS)
        return self.box

    def html(self, answer: dict | None, quote: int | None = None, rank: int | None = None) -> str:
        """Return the section holding quote number `quote` (else passage `rank`, else the first marked passage)
        of `answer` (the answer JSON), its quotes in yellow; a nearest passage is outlined, never yellow."""
        if not answer or not answer.get("passages"):
            return EMPTY
        nearest = answer["abstained"]
        item = self._item(answer, quote, rank)
        try:
            view = self.page.live.current.section_view(item["source"], item["start"])
        except KeyError:
            return GONE
        spans = [] if nearest else [
            (q["start"], q["end"]) for q in answer["answer"]
            if q["source"] == view.source and view.start <= q["start"] < view.end
        ]  # fmt: skip
        outline = not spans
        spans = spans or [(item["start"], item["end"])]
        html = render_context(
            view.source, view.section, view.start, view.text, spans, item.get("pages"),
            self.page.titles()(view.source), self.page.breaks_of(view.source), nearest=outline,
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

    @staticmethod
    def _item(answer: dict, quote: int | None, rank: int | None) -> dict:
        """Return the quote or passage of `answer` the panel shows."""
        if quote is not None and 0 <= quote < len(answer["answer"]):
            return answer["answer"][quote]
        passages = answer["passages"]
        default_rank = next((p["rank"] for p in passages if p["highlights"]), 1)
        return next((p for p in passages if p["rank"] == (rank or default_rank)), passages[0])
