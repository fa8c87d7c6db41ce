"""The web page's server side: escaping, rendering, exposure flags, and the /ask API on a real server."""

from __future__ import annotations

import socket

import pytest

from assistant.serve import launch
from assistant.ui import build_app, escape, render_answer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(assistant):
    """The real Gradio app on a free loopback port."""
    app = build_app(assistant)
    port = free_port()
    launch(app, "127.0.0.1", port, None, block=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("[click](http://evil.example)", "](http"),
        ('<img src=x onerror="alert(1)">', "<img"),
        ("**bold** _it_ `code`", "**"),
        ("see http://evil.example or www.evil.example or a@evil.example", "http://"),
    ],
)
def test_escape_makes_markup_plain_text(text, forbidden):
    out = escape(text)
    assert forbidden not in out
    assert as_text(out) == text


def as_text(fragment: str) -> str:
    import html
    import re

    return html.unescape(re.sub(r"</?span>", "", fragment.replace("<br>", "\n")))


def test_rendered_answer_has_quote_citation_and_highlighted_sources(assistant):
    answer = assistant.ask("Sigfox 在多少個國家提供服務？")
    page = render_answer(answer)
    assert "<blockquote>" in page and "超過 31 個國家" in page
    assert "二、參訪物聯網新創公司 Sigfox" in page
    assert "<details>" in page and "<mark>" in page


def test_abstention_renders_the_no_answer_message_and_nearest_passages(assistant):
    page = render_answer(assistant.ask("What did the mayor eat for breakfast in Lyon?"))
    assert "No reliable answer" in page and "<details open>" in page and "<blockquote>" not in page


def test_api_ask_returns_the_cli_json(server, assistant):
    from gradio_client import Client

    client = Client(server, verbose=False)
    got = client.predict("巴黎綠蔭步道全長幾公里？", 3, "hybrid", api_name="/ask")
    assert got == assistant.ask("巴黎綠蔭步道全長幾公里？", top_k=3, mode="hybrid").to_dict()
    assert "全長 4.5 公里" in got["answer"][0]["quote"]


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
