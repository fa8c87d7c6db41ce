"""The command line as scripts call it: JSON output, readable output, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.config import PROJECT_ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300
    )


def test_ask_json_prints_the_documented_shape(assistant):
    result = run("ask", "Sigfox 在多少個國家提供服務？", "--json", "--top-k", "3", "--mode", "hybrid")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["question"] == "Sigfox 在多少個國家提供服務？"
    assert data["abstained"] is False
    assert data["answer"][0]["source"] == "corpus/taichung-france-2017-report.txt"
    assert "超過 31 個國家" in data["answer"][0]["quote"]
    assert len(data["passages"]) == 3


def test_plain_ask_prints_quotes_and_sections(assistant):
    result = run("ask", "巴黎綠蔭步道全長幾公里？")
    assert result.returncode == 0, result.stderr
    assert "全長 4.5 公里" in result.stdout
    assert "十九、參訪巴黎綠蔭步道" in result.stdout


def test_out_of_range_flags_fail_with_one_line_and_nonzero_exit():
    for args in (["--top-k", "0"], ["--top-k", "100000"], ["--mode", "fuzzy"]):
        result = run("ask", "EDF", *args)
        assert result.returncode == 2
        assert result.stderr.strip().splitlines()[-1].startswith("trip-assistant ask: error:")


def test_missing_model_path_is_a_one_line_error():
    result = run("ask", "EDF", "--model", "/no/such/model")
    assert result.returncode == 1
    assert result.stderr.strip() == "trip-assistant: error: model path does not exist: /no/such/model"
