"""Tests for `trip-assistant eval`: the JSON and Markdown reports it writes, the dev-only confidence fit."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.cli import main
from assistant.config import PROJECT_ROOT


def test_eval_cli_writes_json_and_markdown_reports(assistant, question_file, tmp_path):
    path = question_file(
        {"id": "a", "question": "巴黎綠蔭步道全長幾公里？", "evidence": ["全長 4.5 公里"]},
        "garbage",
        {"id": "u", "question": "What did the mayor eat in Lyon?", "answerable": False},
    )
    out_json, out_md = tmp_path / "r.json", tmp_path / "r.md"
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", "--questions", str(path), "--mode", "all",
         "--json-out", str(out_json), "--md-out", str(out_md)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"{path}:2: skipped malformed line" in result.stderr
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(data["metrics"]) == {"hybrid", "dense", "lexical"}
    assert len(data["results"]) == 6
    md = out_md.read_text(encoding="utf-8")
    assert "| all | hybrid |" in md and "## Misses" in md


def test_confidence_is_fitted_on_the_dev_split_only(capsys):
    assert main(["eval", "--fit-confidence", "--split", "all"]) == 2
    assert "dev split only" in capsys.readouterr().err
