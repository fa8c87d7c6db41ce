"""Export a chat conversation, quotes and page citations included, as Markdown or as a Word (.docx) file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from .ui_render import BreaksOf, Titles, cite_label, first_words, joined, level_text, plain_citation, title_for


def _turn_lines(turn: dict, title: Titles, breaks_of: BreaksOf) -> list[tuple[str, str]]:
    """Return a turn as (kind, text) lines: question, level, notice, quote, cite, source, plain (`title`: each
    source's report title, or one for all)."""
    lines = [("question", turn["question"])]
    answer = turn.get("answer")
    if not answer:
        return [*lines, ("notice", turn.get("error") or "")]
    head, why = level_text(answer.get("level", ""))
    lines.append(("level", f"{head} — {why}"))
    if answer["abstained"]:
        lines.append(("notice", answer["message"]))
    lines += [("notice", n) for n in answer["notices"]]
    for q in answer["answer"]:
        breaks = breaks_of(q["source"])
        report = title_for(title, q["source"])
        lines.append(("quote", joined(q["quote"], q["start"], breaks)))
        lines.append(
            (
                "cite",
                f"{cite_label(q.get('pages'), q['section'])}（{report}）"
                if report
                else cite_label(q.get("pages"), q["section"]),
            )
        )
        lines.append(("plain", plain_citation(q, report, breaks)))
    label = "最接近的段落（不是答案）Nearest passages" if answer["abstained"] else "來源 Sources"
    lines.append(("heading", label))
    for p in answer["passages"]:
        words = first_words(joined(p["text"], p["start"], breaks_of(p["source"])), 40)
        lines.append(("source", f"[{p['rank']}] {cite_label(p.get('pages'), p['section'])} — 「{words}」"))
    return lines


def to_markdown(
    turns: Sequence[dict], title: str, breaks_of: BreaksOf | None = None, report_of: Titles | None = None
) -> str:
    """Return the conversation as Markdown: each question, its confidence, quotes with citations (naming
    `report_of(source)`, default `title`), sources."""
    breaks_of = breaks_of or (lambda source: ())
    out = [f"# 對話紀錄 Conversation — {title}", "", f"匯出 Exported {datetime.now():%Y-%m-%d %H:%M}", ""]
    for i, turn in enumerate(turns, start=1):
        for kind, text in _turn_lines(turn, report_of or title, breaks_of):
            if kind == "question":
                out += [f"## 問 {i} Q{i}：{' '.join(text.split())}", ""]
            elif kind == "quote":
                out += ["> " + text.replace("\n", "\n> "), ""]
            elif kind == "cite":
                out += [f"— {text}", ""]
            elif kind == "plain":
                continue
            elif kind == "heading":
                out += [f"**{text}**", ""]
            elif kind == "source":
                out.append(f"- {text}")
            else:
                out += [text, ""]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def write_docx(
    turns: Sequence[dict], title: str, path: Path, breaks_of: BreaksOf | None = None, report_of: Titles | None = None
) -> Path:
    """Write the conversation as a Word document to `path` and return it (`report_of`: as for `to_markdown`)."""
    from docx import Document

    breaks_of = breaks_of or (lambda source: ())
    doc = Document()
    doc.add_heading(f"對話紀錄 Conversation — {title}", level=1)
    doc.add_paragraph(f"匯出 Exported {datetime.now():%Y-%m-%d %H:%M}")
    for i, turn in enumerate(turns, start=1):
        for kind, text in _turn_lines(turn, report_of or title, breaks_of):
            if kind == "question":
                doc.add_heading(f"問 {i} Q{i}：{' '.join(text.split())}", level=2)
            elif kind == "quote":
                doc.add_paragraph(text, style="Quote")
            elif kind == "cite":
                doc.add_paragraph(f"— {text}")
            elif kind == "plain":
                continue
            elif kind == "heading":
                doc.add_paragraph().add_run(text).bold = True
            elif kind == "source":
                doc.add_paragraph(text, style="List Number")
            else:
                doc.add_paragraph(text)
    doc.save(str(path))
    return Path(path)
