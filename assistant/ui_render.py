"""The chat page's pure rendering: answers, citations and sources as escaped HTML and as plain text.

Everything works on the answer's JSON shape (`Answer.to_dict()`), the same the CLI and API return,
so what the page shows is what a script gets. Text from the corpus or the user is HTML escaped once
and shown as text; page-break gaps inside a quote are joined on screen only (offsets never change).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

Breaks = Sequence[tuple[int, int]]
BreaksOf = Callable[[str], Breaks]
# A report's title for a source name; or one title for every source.
Titles = Callable[[str], str] | str

LEVELS = {
    "high": ("高", "High", "引文與問題高度相符；仍可點「看原文」核對。The quote closely matches the question."),
    "medium": ("中", "Medium", "引文可能只部分回答問題，請對照原文確認。Check the quote against its source."),
    "low": ("低", "Low", "報告中找不到可靠答案；下列段落只是最接近的，不是答案。Nothing reliable was found."),
}
NEAREST_LABEL = "最接近的段落（不是答案）Nearest passages, not an answer"
SOURCES_LABEL = "來源 Sources"


def escape(text: str) -> str:
    """Return `text` safe to put in the page: HTML escaped once, so it shows as the same text."""
    return html.escape(text, quote=True)


def pages_label(pages: Sequence[int] | None) -> str:
    """Return '第 10 頁' or '第 8–10 頁' for a (first, last) page range, '' when unknown."""
    if not pages:
        return ""
    first, last = pages[0], pages[-1]
    return f"第 {first} 頁" if first == last else f"第 {first}–{last} 頁"


def cite_label(pages: Sequence[int] | None, section: str, report: str = "") -> str:
    """Return a citation as staff write it: '第 10 頁 · 伍、… › 一、…' (the section alone without pages), after
    the report's name in 《》 when one is given."""
    label = pages_label(pages)
    where = f"{label} · {section}" if label else section
    return f"《{report}》{where}" if report else where


def title_for(titles: Titles, source: str) -> str:
    """Return the title of the report `source` is from: `titles` itself, or what it gives for `source`."""
    return titles(source) if callable(titles) else titles


def joined(text: str, offset: int, breaks: Breaks) -> str:
    """Return `text` (which starts at `offset` in its file) with the page-break gaps inside it removed."""
    return "".join(text[s - offset : e - offset] for s, e in _kept(offset, offset + len(text), breaks))


def _kept(start: int, end: int, breaks: Breaks) -> list[tuple[int, int]]:
    """Return the absolute spans of [start, end) outside the page-break gaps."""
    spans, pos = [], start
    for s, e in sorted(breaks):
        if e <= pos or s >= end:
            continue
        if s > pos:
            spans.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        spans.append((pos, end))
    return spans


def marked(text: str, offset: int, spans: Sequence[Sequence[int]], breaks: Breaks = (), css: str = "") -> str:
    """Return `text` (starting at `offset`) escaped, page breaks joined, the absolute `spans` in <mark>."""
    end = offset + len(text)
    cuts = sorted({offset, end, *(p for s in spans for p in s[:2] if offset < p < end)})
    out = []
    open_tag = f'<mark class="{css}">' if css else "<mark>"
    for a, b in zip(cuts, cuts[1:]):
        piece = "".join(text[s - offset : e - offset] for s, e in _kept(a, b, breaks))
        if not piece:
            continue
        inside = any(s[0] <= a and b <= s[1] for s in spans)
        out.append(f"{open_tag}{escape(piece)}</mark>" if inside else escape(piece))
    return "".join(out)


def first_words(text: str, limit: int) -> str:
    """Return the start of `text` on one line, at most `limit` characters, with an ellipsis when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rstrip() + "…"


def plain_citation(quote: dict, title: str, breaks: Breaks = ()) -> str:
    """Return a quote as staff paste it: 「quote」（報告名，第 N 頁，section）."""
    text = joined(quote["quote"], quote["start"], breaks)
    where = "，".join(p for p in (title, pages_label(quote.get("pages")), quote["section"]) if p)
    return f"「{text}」（{where}）"


def level_text(level: str) -> tuple[str, str]:
    """Return the confidence line's words for `level` ('信心：高 High', explanation)."""
    zh, en, why = LEVELS.get(level, LEVELS["medium"])
    return f"信心：{zh} {en} confidence", why


def _button(label: str, css: str, **data: object) -> str:
    attrs = "".join(f' data-{k}="{escape(str(v))}"' for k, v in data.items())
    return f'<button type="button" class="ta-btn {css}"{attrs}>{label}</button>'


def render_answer(
    answer: dict,
    turn: int = 0,
    title: Titles = "",
    breaks_of: BreaksOf | None = None,
    feedback: dict | None = None,
    label_chars: int = 24,
    name_reports: bool = False,
) -> str:
    """Return one answer as HTML: confidence, quotes with page citations and copy buttons, feedback, sources.

    `answer` is `Answer.to_dict()`; `turn` numbers it for the page's buttons; `title` is the report title of
    each source (shown on hover, in copied citations, and with `name_reports` in every citation: more than
    one report is indexed); `breaks_of(source)` gives a file's page-break gaps; `feedback` is what the user
    already said about it.
    """
    breaks_of = breaks_of or (lambda source: ())
    abstained = answer["abstained"]
    level = answer.get("level") or ("low" if abstained else "medium")
    head, why = level_text(level)
    parts = [f'<div class="ta-answer ta-level-{escape(level)}" data-turn="{turn}">']
    if abstained:
        parts.append(f'<p class="ta-abstain" role="status">{escape(answer["message"])}</p>')
    parts.append(f'<p class="ta-level"><b>{head}</b> — {escape(why)}</p>')
    parts += [f'<p class="ta-notice">{escape(n)}</p>' for n in answer["notices"]]
    for i, q in enumerate(answer["answer"]):
        breaks = breaks_of(q["source"])
        report = title_for(title, q["source"])
        cite = cite_label(q.get("pages"), q["section"], report if name_reports else "")
        parts.append(
            '<figure class="ta-quote">'
            f"<blockquote>{escape(joined(q['quote'], q['start'], breaks))}</blockquote>"
            f'<figcaption class="ta-cite" title="{escape(report)}">— {escape(cite)}</figcaption>'
            '<div class="ta-actions">'
            + _button("複製引文 Copy citation", "ta-copy", copy=plain_citation(q, report, breaks))
            + _button("看原文 Show in context", "ta-show", turn=turn, quote=i)
            + "</div></figure>"
        )
    parts.append(_render_feedback(turn, feedback))
    parts.append(_render_sources(answer, turn, breaks_of, label_chars, title if name_reports else ""))
    parts.append(_render_details(answer))
    parts.append("</div>")
    return "".join(parts)


def _render_feedback(turn: int, feedback: dict | None) -> str:
    feedback = feedback or {}
    verdict, right = feedback.get("verdict"), feedback.get("right")
    status = []
    if verdict == "up":
        status.append("已記錄：有幫助。Recorded: helpful.")
    elif verdict == "down":
        status.append("已記錄：答錯了。請在來源中按「正確段落是這段」。Recorded: wrong — mark the right passage below.")
    if right:
        status.append(f"已記錄正確段落：來源 [{int(right)}]。Recorded: the right passage is source [{int(right)}].")
    return (
        f'<div class="ta-feedback" role="group" aria-label="回報 Feedback {turn + 1}">'
        + _button("👍 有幫助 Helpful", "ta-fb", turn=turn, verdict="up")
        + _button("👎 答錯了 Wrong", "ta-fb", turn=turn, verdict="down")
        + f'<span class="ta-fb-status" role="status">{escape(" ".join(status))}</span></div>'
    )


def _render_sources(answer: dict, turn: int, breaks_of: BreaksOf, label_chars: int, titles: Titles = "") -> str:
    nearest = answer["abstained"]
    passages = answer["passages"]
    label = NEAREST_LABEL if nearest else SOURCES_LABEL
    items = []
    for p in passages:
        breaks = breaks_of(p["source"])
        words = first_words(joined(p["text"], p["start"], breaks), label_chars)
        highlights = [] if nearest else p["highlights"]
        items.append(
            f'<li class="{"ta-nearest" if nearest else "ta-source"}">'
            f'<span class="ta-src-label"><b>[{p["rank"]}] '
            f"{escape(cite_label(p.get('pages'), p['section'], title_for(titles, p['source'])))}</b>"
            f" — 「{escape(words)}」</span><br>"
            f'<span class="ta-src-text">{marked(p["text"], p["start"], highlights, breaks)}</span>'
            '<span class="ta-actions">'
            + _button("看原文 Show in context", "ta-show", turn=turn, rank=p["rank"])
            + _button("正確段落是這段 The right passage is this one", "ta-right", turn=turn, rank=p["rank"])
            + "</span></li>"
        )
    css = "ta-sources-box ta-nearest-box" if nearest else "ta-sources-box"
    return (
        f'<details class="{css}"><summary>{label} ({len(passages)})</summary>'
        f'<ol class="ta-sources">{"".join(items)}</ol></details>'
    )


def _render_details(answer: dict) -> str:
    quotes = "; ".join(f"{q['source']}:{q['start']}–{q['end']}" for q in answer["answer"])
    ranks = "; ".join(
        f"[{p['rank']}] {p['source']}:{p['start']}–{p['end']} score {p['score']:.4f}" for p in answer["passages"]
    )
    line = f"confidence {answer['confidence']:.2f} · mode {answer['mode']}" + (f" · quotes {quotes}" if quotes else "")
    return (
        f'<details class="ta-tech"><summary>技術細節 Details</summary>'
        f"<p>{escape(line)}</p><p>{escape(ranks)}</p></details>"
    )


def render_question(question: str, turn: int) -> str:
    """Return the user's question as a chat bubble."""
    return f'<div class="ta-question" data-turn="{turn}"><span class="ta-who">問 Q{turn + 1}</span> {escape(question)}</div>'


def render_error(message: str) -> str:
    """Return a question the assistant could not take (empty, bad option) as a notice."""
    return f'<div class="ta-answer ta-error"><p class="ta-notice" role="status">{escape(message)}</p></div>'


def render_chat(
    turns: Sequence[dict],
    title: Titles = "",
    breaks_of: BreaksOf | None = None,
    label_chars: int = 24,
    name_reports: bool = False,
) -> str:
    """Return the whole conversation: each turn's question, then its answer (or error), new-topic dividers between
    (`title`, `name_reports`: as for `render_answer`)."""
    if not turns:
        return (
            '<div class="ta-empty">還沒有問題。請在下方輸入問題，或點一個範例。'
            "No questions yet: type one below or click an example.</div>"
        )
    parts = []
    for i, t in enumerate(turns):
        if t.get("new_topic") and i:
            parts.append('<div class="ta-divider" role="separator">— 新問題 New topic —</div>')
        parts.append(render_question(t["question"], i))
        if t.get("answer"):
            parts.append(render_answer(t["answer"], i, title, breaks_of, t.get("feedback"), label_chars, name_reports))
        else:
            parts.append(render_error(t.get("error") or ""))
    return "".join(parts)


def render_context(
    source: str,
    section: str,
    start: int,
    text: str,
    spans: Sequence[Sequence[int]],
    pages: Sequence[int] | None = None,
    title: str = "",
    breaks: Breaks = (),
    nearest: bool = False,
) -> str:
    """Return a whole section with `spans` marked: yellow for quotes, a dashed outline for a nearest passage."""
    banner = f'<p class="ta-nearest-note">{escape(NEAREST_LABEL)}</p>' if nearest else ""
    return (
        f'<div class="ta-context-head" title="{escape(title)}"><b>{escape(cite_label(pages, section))}</b>'
        f"<br><small>{escape(title)} · {escape(source)} · 字元 characters {start}–{start + len(text)}</small></div>"
        f"{banner}"
        f'<div class="ta-context">{marked(text, start, spans, breaks, "ta-near" if nearest else "")}</div>'
    )
