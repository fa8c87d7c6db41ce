"""Feedback: an append-only SQLite log whose reviewed rows export as eval questions."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT
from assistant.evaluation.questions import _parse_question, contains_evidence
from assistant.feedback import FeedbackStore, export_questions


@pytest.fixture(scope="module")
def answer(assistant) -> dict:
    return assistant.ask("Sigfox 在多少個國家提供服務？").to_dict()


def test_feedback_rows_cannot_be_changed_or_deleted(tmp_path, answer):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.add(answer["question"], answer, "down")
    with sqlite3.connect(store.path) as con:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("UPDATE feedback SET verdict = 'up'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("DELETE FROM feedback")
    assert [f.verdict for f in store.all()] == ["down"]


def test_feedback_keeps_question_answer_passages_verdict_and_time(tmp_path, answer):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.add(answer["question"], answer, "right", right_rank=2)
    (row,) = store.all()
    assert row.question == answer["question"] and row.answer == answer
    assert row.right_passage == answer["passages"][1] and row.time.startswith("20")


def test_marking_a_passage_the_answer_does_not_have_is_refused(tmp_path, answer):
    with pytest.raises(ValueError, match="no passage ranked 99"):
        FeedbackStore(tmp_path / "f.sqlite3").add(answer["question"], answer, "right", right_rank=99)


def test_export_turns_a_marked_passage_into_an_eval_question_in_the_file_format(tmp_path, answer):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.add("完全是新的問題？", answer, "down")
    store.add("完全是新的問題？", answer, "right", right_rank=3)
    store.add("只按了答錯？", answer, "down")
    (line,) = export_questions(store)
    assert set(line) == {"id", "question", "lang", "kind", "evidence", "answerable", "split"}
    assert line["question"] == "完全是新的問題？" and line["split"] == "dev" and line["answerable"] is True
    question = _parse_question(line)  # the eval loader reads it
    assert contains_evidence(answer["passages"][2]["text"], question.evidence)
    assert store.summary().ready == 1 and store.summary().needs_passage == 1


def test_export_takes_a_thumbs_up_answers_quotes_as_evidence_and_skips_known_questions(tmp_path, answer):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.add("Sigfox 服務幾國？", answer, "up")
    (line,) = export_questions(store)
    assert line["evidence"] == [q["quote"] for q in answer["answer"]]
    assert export_questions(store, known_questions=["Sigfox 服務幾國？"]) == []


def test_feedback_export_command_prints_jsonl(tmp_path, answer):
    FeedbackStore(tmp_path / "feedback.sqlite3").add("匯出測試的問題？", answer, "right", right_rank=1)
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "feedback", "export", "--embeddings", str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["question"] == "匯出測試的問題？" and line["evidence"]


def test_feedback_export_skips_a_malformed_line_of_the_question_file_saying_so(tmp_path, answer, capsys, caplog):
    from assistant.cli import main

    FeedbackStore(tmp_path / "feedback.sqlite3").add("匯出測試的問題？", answer, "right", right_rank=1)
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"question": "已知的問題？"}\nnot json\n[1, 2]\n', encoding="utf-8")
    code = main(["feedback", "export", "--embeddings", str(tmp_path), "--questions", str(questions)])
    assert code == 0
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line["question"] == "匯出測試的問題？"
    assert [r.message for r in caplog.records if "not a JSON object" in r.message] and len(caplog.records) == 2


def test_feedback_export_refuses_a_question_file_that_does_not_exist(tmp_path, capsys):
    from assistant.cli import main

    missing = tmp_path / "typo.jsonl"
    assert main(["feedback", "export", "--embeddings", str(tmp_path), "--questions", str(missing)]) == 2
    assert f"question file not found: {missing}" in capsys.readouterr().err


def test_feedback_export_writes_into_a_folder_that_does_not_exist_yet(tmp_path, answer, capsys):
    from assistant.cli import main

    FeedbackStore(tmp_path / "feedback.sqlite3").add("匯出到新資料夾的問題？", answer, "up")
    out = tmp_path / "new" / "fb.jsonl"
    assert main(["feedback", "export", "--embeddings", str(tmp_path), "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["question"] == "匯出到新資料夾的問題？"
