"""Tests for `trip-assistant eval`: the JSON and Markdown reports it writes, the dev-only confidence fit."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main


def test_eval_cli_writes_json_and_markdown_reports(loaded_once, question_file, tmp_path, capsys):
    path = question_file(
        {"id": "a", "question": "巴黎綠蔭步道全長幾公里？", "evidence": ["全長 4.5 公里"]},
        "garbage",
        {"id": "u", "question": "What did the mayor eat in Lyon?", "answerable": False},
    )
    out_json, out_md = tmp_path / "r.json", tmp_path / "r.md"
    code = main(
        ["eval", "--questions", str(path), "--mode", "all", "--json-out", str(out_json), "--md-out", str(out_md)]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"{path}:2: skipped malformed line" in err
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(data["metrics"]) == {"hybrid", "dense", "lexical"}
    assert len(data["results"]) == 6
    md = out_md.read_text(encoding="utf-8")
    assert "| all | hybrid |" in md and "## Misses" in md


def test_confidence_is_fitted_on_the_dev_split_only(capsys):
    assert main(["eval", "--fit-confidence", "--split", "all"]) == 2
    assert "dev split only" in capsys.readouterr().err


def test_a_missing_or_unreadable_gate_baseline_fails_before_the_run(tmp_path, capsys, monkeypatch):
    import assistant.engine

    monkeypatch.setattr(assistant.engine.Assistant, "load", lambda *a, **k: pytest.fail("the run started"))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for baseline in (tmp_path / "missing.json", bad):
        assert main(["eval", "--split", "dev", "--gate", str(baseline)]) == 2
        err = capsys.readouterr().err
        assert f"cannot read the baseline {baseline}" in err and "Traceback" not in err


def test_a_new_baseline_is_written_into_a_folder_that_does_not_exist_yet(loaded_once, question_file, tmp_path, capsys):
    path = question_file({"id": "a", "question": "巴黎綠蔭步道全長幾公里？", "evidence": ["全長 4.5 公里"]})
    baseline = tmp_path / "new" / "folder" / "baseline.json"
    assert main(["eval", "--questions", str(path), "--write-baseline", str(baseline)]) == 0, capsys.readouterr().err
    assert "hybrid" in json.loads(baseline.read_text(encoding="utf-8"))["metrics"]
