"""The web page's server side: escaping, rendering, exposure flags, and the /ask API on a real server."""

from __future__ import annotations

import html
import json
import socket

import pytest

from assistant.serve import launch
from assistant.ui import build_app, example_questions, report_title
from assistant.ui_render import cite_label, escape, marked, plain_citation, render_answer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page_settings_for(assistant, tmp_path_factory):
    """Return the page's settings with its own feedback store (and browser-state key) in a temporary folder."""
    folder = tmp_path_factory.getbasetemp() / "page"
    folder.mkdir(exist_ok=True)
    return assistant.settings.with_overrides(embeddings_dir=folder)


@pytest.fixture(scope="session")
def page_settings(assistant, tmp_path_factory):
    """The settings the `server` fixture's page runs with."""
    return page_settings_for(assistant, tmp_path_factory)


@pytest.fixture(scope="session")
def server(assistant, tmp_path_factory):
    """The real Gradio app on a free loopback port (modules importing only this fixture get it whole)."""
    app = build_app(assistant, page_settings_for(assistant, tmp_path_factory))
    port = free_port()
    launch(app, "127.0.0.1", port, None, block=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src=x onerror="alert(1)">', "<img"),
        ("<a href='http://evil.example'>x</a>", "<a "),
    ],
)
def test_escape_makes_markup_plain_text(text, forbidden):
    out = escape(text)
    assert forbidden not in out
    assert html.unescape(out) == text


@pytest.mark.parametrize("text", ["L' Etape", "Hôtel d' Assézat", "question's", "a & b", "1 < 2"])
def test_escaped_text_reads_as_itself_not_as_codes(text):
    # Escaped once: the browser shows the text itself, never "&#x27;" or "&amp;".
    assert html.unescape(escape(text)) == text
    assert "&amp;" not in escape(text.replace("&", ""))


@pytest.mark.parametrize(
    ("pages", "section", "expected"),
    [
        ((10, 10), "伍、建議 › 一、交通", "第 10 頁 · 伍、建議 › 一、交通"),
        ((8, 10), "參、行程紀要", "第 8–10 頁 · 參、行程紀要"),
        (None, "封面", "封面"),
    ],
)
def test_citation_names_the_page_and_the_section(pages, section, expected):
    assert cite_label(pages, section) == expected


def test_plain_citation_joins_page_breaks_and_names_report_page_and_section():
    quote = {"quote": "法\n\n國電力集團。", "start": 100, "section": "十八、參訪", "pages": [26, 27]}
    assert plain_citation(quote, "某報告", [(101, 103)]) == "「法國電力集團。」（某報告，第 26–27 頁，十八、參訪）"


def test_marked_joins_page_breaks_and_keeps_highlights():
    # text starts at offset 10; the break is the blank gap at 12..14; the mark covers 11..16.
    assert marked("abXXcdef", 10, [(11, 16)], [(12, 14)]) == "a<mark>bcd</mark>ef"


def test_report_title_is_the_first_cover_line_that_is_not_a_field():
    text = "\n報告（類別：參訪）\n\n某市政府赴某國 交流 出國報告\n\n服務機關：某市政府\n"
    assert report_title(text) == "某市政府赴某國 交流 出國報告"


def test_examples_come_from_the_dev_split_only(tmp_path):
    lines = [
        {"id": "a", "question": "開發題一？", "lang": "zh-TW", "split": "dev"},
        {"id": "b", "question": "測試題？", "lang": "zh-TW", "split": "test"},
        {"id": "c", "question": "Dev question?", "lang": "en", "split": "dev"},
        {"id": "d", "question": "不可答？", "lang": "zh-TW", "split": "dev", "answerable": False},
    ]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    assert example_questions(path, 4, ["目的"]) == ["開發題一？", "Dev question?"]
    assert example_questions(tmp_path / "missing.jsonl", 4, ["目的", "心得"]) == [
        "「目的」的重點是什麼？",
        "「心得」的重點是什麼？",
    ]


def test_bundled_examples_are_dev_questions_never_test_ones():
    from assistant.evaluation import DEFAULT_QUESTIONS, load_split

    examples = example_questions(DEFAULT_QUESTIONS, 4, [])
    dev = {q.question for q in load_split(DEFAULT_QUESTIONS, "dev").questions}
    assert len(examples) == 4 and set(examples) <= dev


def test_rendered_answer_has_quote_page_citation_confidence_and_sources(assistant):
    answer = assistant.ask("Sigfox 在多少個國家提供服務？").to_dict()
    page = render_answer(answer, 0, "某報告")
    assert "<blockquote>" in page and "超過 31 個國家" in page
    assert "第 6–7 頁 · 參、行程紀要 › 二、參訪物聯網新創公司 Sigfox" in html.unescape(page)
    assert "信心：" in page and "<mark>" in page and 'class="ta-btn ta-copy"' in page
    # Raw scores only in the details line.
    main, details = page.split('<details class="ta-tech">')
    assert "score" not in main and "score" in details


def test_abstention_shows_the_message_first_and_folds_unmarked_nearest_passages(assistant):
    answer = assistant.ask("What did the mayor eat for breakfast in Lyon?").to_dict()
    page = render_answer(answer)
    assert page.index("No reliable answer") < page.index("<details")
    assert "<details open" not in page and "<blockquote>" not in page and "<mark" not in page
    assert "Nearest passages, not an answer" in page and "信心：低" in page


def test_answer_json_carries_what_the_page_shows(assistant):
    data = assistant.ask("Sigfox 在多少個國家提供服務？").to_dict()
    assert data["level"] in ("high", "medium") and data["answer"][0]["pages"] == [6, 7]
    assert all(p["pages"] for p in data["passages"] if "行程紀要" in p["section"])


def test_api_ask_returns_the_cli_json(server, assistant):
    from gradio_client import Client

    client = Client(server, verbose=False)
    got = client.predict("巴黎綠蔭步道全長幾公里？", 3, "hybrid", api_name="/ask")
    assert got == assistant.ask("巴黎綠蔭步道全長幾公里？", top_k=3, mode="hybrid").to_dict()
    assert "全長 4.5 公里" in got["answer"][0]["quote"]


def test_api_records_feedback_like_the_page_buttons(server, page_settings):
    from gradio_client import Client

    from assistant.feedback import FeedbackStore

    client = Client(server, verbose=False)
    answer = client.predict("巴黎綠蔭步道全長幾公里？", 3, "hybrid", api_name="/ask")
    got = client.predict("巴黎綠蔭步道全長幾公里？", answer, "right", 2, api_name="/feedback")
    assert got["verdict"] == "right"
    row = next(f for f in FeedbackStore(page_settings.feedback_path).all() if f.id == got["id"])
    assert row.right_passage == answer["passages"][1]


def test_api_rejects_an_empty_question_with_a_message(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    with pytest.raises(Exception, match="empty"):
        client.predict("   ", 5, "hybrid", api_name="/ask")


def test_api_abstains_on_a_question_sharing_no_word_with_the_report(server):
    from gradio_client import Client

    got = Client(server, verbose=False).predict("x" * 5000, 5, "hybrid", api_name="/ask")
    assert got["abstained"] and got["answer"] == []
    assert any("1000" in n for n in got["notices"])
    assert any("None of the question's words occur in the report" in n for n in got["notices"])
