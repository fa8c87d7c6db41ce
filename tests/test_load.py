"""A burst of concurrent users against the real server: every call answered, none mixed up."""

from __future__ import annotations

import json
import statistics
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.config import PROJECT_ROOT
from assistant.serve import launch
from assistant.ui import build_app

from .test_ui import free_port, page_settings_for

QUESTIONS = [
    ("Sigfox 在多少個國家提供服務？", "超過 31 個國家"),
    ("巴黎綠蔭步道全長幾公里？", "全長 4.5 公里"),
    ("法國政府持有法國電力集團多少股份？", "84.5%"),
    ("維葉特公園佔地多大？", "55 公頃"),
    ("法國企業聯盟代表多少家企業？", "75 萬家企業"),
    ("When was MEDEF founded?", "成立於 1998 年"),
    ("貝西公園面積多大？", "13.9 公頃"),
    ("臺中精機的經營策略是什麼？", "一地研發、兩地生產、全球行銷"),
    ("加拿大國家館占地多大？", "551 平方公尺"),
    ("空中巴士在幾個國家擁有重要分部？", "16 個重要分部"),
]
CALLS = 50


@pytest.fixture(scope="module")
def server(assistant, tmp_path_factory):
    """A real server of this module's own: the burst starts with no sessions left by other tests' requests (the
    page keeps at most `max_sessions`, and one test worker's shared server may have just served a soak)."""
    app = build_app(assistant, page_settings_for(assistant, tmp_path_factory))
    port = free_port()
    launch(app, "127.0.0.1", port, None, block=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


@pytest.mark.load
def test_fifty_concurrent_ask_calls_are_all_answered_correctly(server):  # noqa: F811
    from gradio_client import Client

    clients = [Client(server, verbose=False) for _ in range(CALLS)]  # fifty users, each with their own client

    def call(i: int):
        question, evidence = QUESTIONS[i % len(QUESTIONS)]
        started = time.perf_counter()
        result = clients[i].predict(question, 3, "hybrid", api_name="/ask")
        return question, evidence, result, time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CALLS) as pool:
        outcomes = list(pool.map(call, range(CALLS), timeout=300))
    wall = time.perf_counter() - started
    assert len(outcomes) == CALLS
    for question, evidence, result, _ in outcomes:
        assert result["question"] == question  # each answer belongs to its own question
        assert any(evidence in a["quote"] for a in result["answer"]), (question, result["answer"])
    latencies = sorted(o[3] * 1000 for o in outcomes)
    figures = {
        "calls": CALLS,
        "wall_s": round(wall, 2),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "max_ms": round(latencies[-1], 1),
    }
    out = PROJECT_ROOT / "test-output" / "load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2))
    print(f"\nload: {figures}")


@pytest.mark.parametrize(
    "path",
    [
        "gradio_api/file=/etc/passwd",
        "file=/etc/passwd",
        "gradio_api/file=pyproject.toml",
        "gradio_api/file=../../etc/passwd",
        f"gradio_api/file={PROJECT_ROOT / 'README.md'}",
    ],
)
def test_server_does_not_hand_out_files(server, path):  # noqa: F811
    try:
        with urllib.request.urlopen(server + path, timeout=10) as response:
            body = response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        assert exc.code in (403, 404, 400)
        return
    assert "root:" not in body and "trip-assistant" not in body
