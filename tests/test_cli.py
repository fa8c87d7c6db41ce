"""The command line as scripts call it: JSON output, readable output, one-line errors.

Commands run in this process (`main([...])`, output read through capsys, the loaded assistant shared); the tests
where the process itself matters start one: the installed `trip-assistant` given bytes that are not UTF-8 in argv,
and `python -m assistant` whose log lines go through its own formatter.
"""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import json_bytes, main, terminal_safe
from assistant.config import PROJECT_ROOT
from assistant.question_check import EMPTY_QUESTION

# The command `make setup` installs (pyproject's [project.scripts]), beside the interpreter running the tests.
TRIP_ASSISTANT = Path(sys.executable).with_name("trip-assistant")


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    """Return the exit code, standard output and standard error of `trip-assistant ARGS` run in this process."""
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse refuses a flag this way
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def warnings_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Return the log lines a command run in a process of its own would print on stderr (WARNING and above)."""
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_ask_json_prints_the_documented_shape(loaded_once, capsys):
    code, out, err = run(capsys, "ask", "Sigfox 在多少個國家提供服務？", "--json", "--top-k", "3", "--mode", "hybrid")
    assert code == 0, err
    data = json.loads(out)
    assert data["question"] == "Sigfox 在多少個國家提供服務？"
    assert data["abstained"] is False
    assert data["answer"][0]["source"] == "corpus/taichung-france-2017-report.txt"
    assert "超過 31 個國家" in data["answer"][0]["quote"]
    assert len(data["passages"]) == 3


def test_plain_ask_prints_quotes_and_sections(loaded_once, capsys):
    code, out, err = run(capsys, "ask", "巴黎綠蔭步道全長幾公里？")
    assert code == 0, err
    assert "全長 4.5 公里" in out
    assert "十九、參訪巴黎綠蔭步道" in out


def test_out_of_range_flags_fail_with_one_line_and_nonzero_exit(capsys):
    for args in (["--top-k", "0"], ["--top-k", "100000"], ["--mode", "fuzzy"]):
        code, _, err = run(capsys, "ask", "EDF", *args)
        assert code == 2
        assert err.strip().splitlines()[-1].startswith("trip-assistant ask: error:")


def test_missing_model_path_is_a_one_line_error(capsys, caplog):
    code, _, err = run(capsys, "ask", "EDF", "--model", "/no/such/model")
    assert code == 1
    assert err.strip() == "trip-assistant: error: model path does not exist: /no/such/model"
    assert warnings_logged(caplog) == []


def test_empty_question_is_refused_before_the_model_loads(capsys, caplog):
    # A missing model would be the error if anything were loaded first.
    for question in ("", "   ", "\u200b\t"):
        code, _, err = run(capsys, "ask", question, "--model", "/no/such/model")
        assert code == 2
        assert err.strip() == f"trip-assistant: error: {EMPTY_QUESTION}"
    assert warnings_logged(caplog) == []


def test_oversized_question_is_refused_before_the_model_loads(capsys):
    code, _, err = run(capsys, "ask", "x" * 20_001, "--model", "/no/such/model")
    assert code == 2
    assert "the limit is 20,000 (setting max_question_input_chars)" in err


def test_json_output_is_valid_utf8_when_the_question_has_undecodable_bytes(assistant):
    question = "Sigfox 在多少個國家提供服務？".encode() + b" \xff\xfe"
    result = subprocess.run(
        [TRIP_ASSISTANT, "ask", question, "--json", "--top-k", "1"],
        cwd=PROJECT_ROOT, capture_output=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = json.loads(result.stdout.decode("utf-8"))  # strict: fails on invalid UTF-8
    assert data["question"] == "Sigfox 在多少個國家提供服務？ \ufffd\ufffd"
    assert any("not UTF-8" in n for n in data["notices"])
    assert "超過 31 個國家" in data["answer"][0]["quote"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain 中文\n", "plain 中文\n"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("txt.\u202etxt", "txt.\\u202etxt"),
        ("bell\x07 del\x7f c1\x85", "bell\\x07 del\\x7f c1\\x85"),
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
    ],
)
def test_terminal_output_escapes_controls_and_bidi_characters(text, shown):
    assert terminal_safe(text) == shown


def test_json_output_escapes_terminal_controls_and_parses_back_unchanged():
    data = {"source": "a\x1b[2J\u202eb.txt", "quote": "line\nnext"}
    raw = json_bytes(data)
    assert b"\x1b" not in raw and "\u202e".encode() not in raw
    assert json.loads(raw.decode("utf-8")) == data


def test_file_names_with_escape_sequences_are_printed_escaped(small_report):
    evil = "evil\x1b[2J\u202etxt.md"
    (small_report.corpus_dir / f"{evil}.txt").write_bytes(b"\xff\xfe not utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "build", "--corpus", str(small_report.corpus_dir),
         "--embeddings", str(small_report.embeddings_dir), "--model", small_report.model],
        cwd=PROJECT_ROOT, capture_output=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for stream in (result.stdout, result.stderr):
        assert b"\x1b" not in stream and "\u202e".encode() not in stream
        assert b"evil\\x1b[2J\\u202etxt.md.txt" in stream  # named, visibly


def test_the_text_answer_cites_quotes_by_page_and_shows_its_confidence(loaded_once, capsys):
    assert main(["ask", "出國人員有哪些人？"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("信心 Confidence: ")
    assert "— 第 4 頁 · 壹、出國人員名單" in out and "score" not in out


def test_the_question_loop_reads_follow_ups_as_the_page_does_and_new_starts_a_new_topic(
    loaded_once, capsys, monkeypatch
):
    lines = "去達梭系統總公司是哪一天？\n那天下午呢？\n/new\n那天下午呢？\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    code, out, err = run(capsys, "ask", "--json")
    assert code == 0, err
    answers = [json.loads(line) for line in out.splitlines()]  # one answer per line in a loop
    assert len(answers) == 3
    follow_up, anew = answers[1], answers[2]
    assert any("依前一題" in n for n in follow_up["notices"])
    assert any("參訪達梭系統 (Dassault System) 總公司" in q["quote"] for q in follow_up["answer"])
    assert not any("依前一題" in n for n in anew["notices"])  # after /new it stands alone


def test_the_question_loop_with_alone_reads_every_question_on_its_own(loaded_once, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("去達梭系統總公司是哪一天？\n那天下午呢？\n"))
    code, out, err = run(capsys, "ask", "--json", "--alone")
    assert code == 0, err
    assert not any("依前一題" in n for n in json.loads(out.splitlines()[1])["notices"])


def test_the_text_answer_joins_a_page_break_inside_a_quote_and_names_each_sources_report(loaded_once, capsys):
    code, out, err = run(capsys, "ask", "巴黎是哪位副市長接待的？")
    assert code == 0, err
    assert "副市長率智慧與永續發展城市專案" in out  # the page break inside the sentence is joined, as on the page
    sources = out.split("Sources:\n", 1)[1].splitlines()
    assert sources[0].startswith("  [1] ") and sources[0].endswith("(corpus/taichung-france-2017-report.txt)")


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("build", "interrupted: the previous index is kept and still answers"),
        ("add", "interrupted: nothing was added; the previous index is kept and still answers"),
        ("ask", "interrupted"),
    ],
)
def test_ctrl_c_says_what_it_left_behind(command, said, capsys, monkeypatch):
    import assistant.cli

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setitem(assistant.cli.COMMANDS, command, interrupted)
    args = {"build": [], "add": ["x.txt"], "ask": ["誰帶隊？"]}[command]
    code, _, err = run(capsys, command, *args)
    assert code == 130 and err.strip() == f"trip-assistant: {said}"


def test_a_folder_given_to_add_or_a_file_given_as_the_corpus_is_named_for_what_it_is(tmp_path, capsys):
    code, _, err = run(capsys, "add", str(tmp_path), "--corpus", str(tmp_path / "corpus"))
    assert code == 1 and "it is a folder; name the report files in it" in err
    a_file = tmp_path / "report.txt"
    a_file.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "build", "--corpus", str(a_file))
    assert code == 1 and f"corpus folder is a file, not a folder: {a_file}" in err
