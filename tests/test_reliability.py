"""Faults a shared office machine will meet: odd questions, broken corpora, killed or racing builds."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time

import pytest

from assistant import Assistant
from assistant.config import PROJECT_ROOT
from assistant.engine import QuestionError
from assistant.index import load_index, read_manifest
from assistant.ingest import load_corpus
from assistant.question_check import NO_LANGUAGE_WORDS_NOTICE

from .conftest import copy_report


@pytest.mark.parametrize(
    "question",
    [
        "Sigfox\x00 在\x07多少個國家\u200b提供服務？",  # control and zero-width characters
        "🚀 Sigfox 在多少個國家提供服務？ 🇫🇷",  # emoji
        "Sigfox 在多少个国家 provide 服務？",  # mixed scripts
        "Ｓｉｇｆｏｘ　在多少個國家提供服務？",  # full-width forms
    ],
)
def test_odd_but_meaningful_questions_still_find_the_answer(assistant, question):
    answer = assistant.ask(question)
    assert any("超過 31 個國家" in p.text for p in answer.passages[:3])
    assert answer.question == question


def test_emoji_only_question_is_answered_without_error(assistant):
    answer = assistant.ask("🙂🙂🙂")
    assert answer.passages and answer.abstained


def test_file_vanishing_during_a_build_is_reported_and_the_rest_indexed(small_report, monkeypatch):
    import assistant.ingest as ingest

    ghost = small_report.corpus_dir / "ghost.txt"
    real = ingest.corpus_files

    monkeypatch.setattr(ingest, "corpus_files", lambda d: [*real(d), ghost])
    corpus = load_corpus(small_report.corpus_dir, small_report.root)
    assert [d.doc_id for d in corpus.documents] == ["corpus/report.txt"]
    assert corpus.skipped[0].path == "corpus/ghost.txt" and "disappeared" in corpus.skipped[0].reason


def test_manifest_from_another_model_triggers_a_rebuild(embedder, small_report):
    import json

    Assistant.load(small_report, embedder=embedder)
    manifest_path = small_report.index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["model"], manifest["dim"] = "sentence-transformers/all-MiniLM-L6-v2", 384
    manifest_path.write_text(json.dumps(manifest))
    a = Assistant.load(small_report, embedder=embedder)
    assert any("embedding model changed" in n for n in a.notes)
    assert read_manifest(small_report.index_dir)["model"] == small_report.model


def build_cmd(settings, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "assistant", "build", "--corpus", str(settings.corpus_dir),
        "--embeddings", str(settings.embeddings_dir), "--model", settings.model, *extra,
    ]  # fmt: skip


def test_build_killed_half_way_leaves_a_loadable_index(embedder, tmp_settings):
    copy_report(tmp_settings)
    Assistant.load(tmp_settings, embedder=embedder)
    before = read_manifest(tmp_settings.index_dir)
    env = {**os.environ, "TRIP_ASSISTANT_LOG": "INFO"}
    proc = subprocess.Popen(
        build_cmd(tmp_settings, "--force"), cwd=PROJECT_ROOT, stderr=subprocess.PIPE, text=True, env=env
    )
    # Kill while the rebuild is embedding: a second after it says it started.
    for line in proc.stderr:
        if "building the index of" in line:
            break
    time.sleep(1.0)
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert read_manifest(tmp_settings.index_dir) == before
    load_index(tmp_settings.index_dir)
    again = Assistant.load(tmp_settings, embedder=embedder, rebuild=True)
    assert again.ask("Sigfox 在多少個國家提供服務？").quotes
    assert not list(tmp_settings.embeddings_dir.glob(".index-*"))


def test_two_builds_at_once_do_not_corrupt_the_index(tmp_settings, model_dir):
    copy_report(tmp_settings)
    procs = [
        subprocess.Popen(
            build_cmd(tmp_settings, "--force"),
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    index = load_index(tmp_settings.index_dir)
    assert len(index.chunks) == read_manifest(tmp_settings.index_dir)["chunk_count"] > 80


def test_empty_corpus_folder_is_a_one_line_error(tmp_settings):
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "EDF", "--corpus", str(tmp_settings.corpus_dir),
         "--embeddings", str(tmp_settings.embeddings_dir), "--model", tmp_settings.model],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith("trip-assistant: error: no readable .txt, .md, .pdf or .docx report")
    )
    assert "Traceback" not in result.stderr


def test_missing_corpus_folder_is_a_one_line_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "build", "--corpus", str(tmp_path / "nowhere"), "--embeddings", str(tmp_path / "e")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1
    assert "corpus folder not found" in result.stderr and "Traceback" not in result.stderr


def test_nothing_is_loaded_with_pickle():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "assistant").rglob("*.py"))
    for risky in ("import pickle", "pickle.load", "allow_pickle=True", "torch.load(", "joblib.load"):
        assert risky not in sources
    model_files = {p.suffix for p in (PROJECT_ROOT / "embeddings" / "models").rglob("*") if p.is_file()}
    assert ".bin" not in model_files and ".pkl" not in model_files and ".pt" not in model_files


@pytest.mark.parametrize(
    "question",
    [
        "../../../../etc/passwd",
        "/etc/passwd",
        '{"question": "EDF", "top_k": 5}',
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(document.cookie)">',
        'os.system("cat /etc/passwd")',
    ],
)
def test_paths_data_markup_and_code_abstain_saying_why(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and answer.quotes == []
    assert NO_LANGUAGE_WORDS_NOTICE in answer.notices
    assert answer.passages  # the nearest passages are still listed


def test_a_question_wrapped_in_markup_is_still_answered(assistant):
    answer = assistant.ask("<b>Sigfox 在多少個國家提供服務？</b>")
    assert not answer.abstained and "超過 31 個國家" in answer.quotes[0].quote


def test_oversized_question_is_refused_with_its_limit(assistant):
    with pytest.raises(QuestionError, match="30,000,000 characters long; the limit is 20,000"):
        assistant.ask("x" * 30_000_000)


def test_build_lock_left_as_an_empty_folder_is_removed_and_the_build_runs(embedder, small_report, caplog):
    lock = small_report.embeddings_dir / ".build.lock"
    lock.mkdir(parents=True)
    with caplog.at_level(logging.WARNING):
        a = Assistant.load(small_report, embedder=embedder)
    assert a.ask("Sigfox 在多少個國家提供服務？").quotes
    assert "removed an empty folder where the build lock file" in caplog.text
    assert not lock.is_dir()


def test_build_lock_folder_with_files_is_a_one_line_error(small_report):
    lock = small_report.embeddings_dir / ".build.lock"
    lock.mkdir(parents=True)
    (lock / "keep.txt").write_text("someone's file", encoding="utf-8")
    result = subprocess.run(build_cmd(small_report), cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"trip-assistant: error: the build lock {lock} is a folder with files in it; move it away and try again"
    )
    assert (lock / "keep.txt").exists()  # nothing of the user's is deleted


def test_damaged_manifest_is_reported_as_damaged_and_rebuilt(embedder, small_report):
    Assistant.load(small_report, embedder=embedder)
    (small_report.index_dir / "manifest.json").write_text('{"format_version": 2, "trunc', encoding="utf-8")
    a = Assistant.load(small_report, embedder=embedder)
    assert any("index rebuilt: the index manifest is damaged (JSONDecodeError" in n for n in a.notes), a.notes
    assert not any("no index built yet" in n for n in a.notes)
    assert read_manifest(small_report.index_dir)["chunk_count"] > 0
