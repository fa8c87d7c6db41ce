"""Conversation export: Markdown and Word files carry the quotes and their page citations."""

from __future__ import annotations

from assistant.export import to_markdown, write_docx


def turns(assistant) -> list[dict]:
    return [
        {
            "question": "Sigfox 在多少個國家提供服務？",
            "answer": assistant.ask("Sigfox 在多少個國家提供服務？").to_dict(),
        },
        {"question": "   ", "answer": None, "error": "the question is empty"},
    ]


def test_markdown_export_has_question_quote_and_page_citation(assistant):
    md = to_markdown(turns(assistant), "某報告")
    assert "## 問 1 Q1：Sigfox 在多少個國家提供服務？" in md
    assert "> " in md and "超過 31 個國家" in md
    assert "第 6–7 頁 · 參、行程紀要 › 二、參訪物聯網新創公司 Sigfox（某報告）" in md
    assert "the question is empty" in md and "<" not in md.replace("<!--", "")


def test_docx_export_has_question_quote_and_page_citation(assistant, tmp_path):
    from docx import Document

    path = write_docx(turns(assistant), "某報告", tmp_path / "c.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Sigfox 在多少個國家提供服務？" in text and "超過 31 個國家" in text
    assert "第 6–7 頁 · 參、行程紀要 › 二、參訪物聯網新創公司 Sigfox" in text
