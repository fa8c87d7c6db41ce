"""Reading the corpus: the report's outline, the cover, the TOC, and files that cannot be read."""

from __future__ import annotations

import json
import logging
import os
import socket
import stat
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT
from assistant.ingest import CorpusError, load_corpus, parse_sections

from .conftest import REPORT_SOURCE


def test_report_outline_has_every_heading_level(report_text):
    labels = [s.label for s in parse_sections(report_text)]
    assert labels[:3] == ["封面", "目錄", "摘要"]
    assert "壹、出國人員名單" in labels
    assert "參、行程紀要 › 二、參訪物聯網新創公司 Sigfox" in labels
    assert (
        "參、行程紀要 › 九、參訪臺中精機法國分公司暨與費里耶爾特盧昂布里市之市長交流 › (一) 參訪臺中精機法國分公司"
        in labels
    )
    assert "伍、建議事項 › 四、主動設定國際合作目標，帶動國際城市間多元面向交流" in labels
    visits = [label for label in labels if label.startswith("參、行程紀要 › ") and label.count(" › ") == 1]
    assert len(visits) == 19


def test_sections_tile_the_whole_text(report_text):
    sections = parse_sections(report_text)
    assert sections[0].start == 0 and sections[-1].end == len(report_text)
    for before, after in zip(sections, sections[1:]):
        assert before.end == after.start


def test_cover_and_table_of_contents_are_their_own_sections(report_text):
    sections = {s.label: s for s in parse_sections(report_text)}
    cover = report_text[sections["封面"].start : sections["封面"].end]
    assert "服務機關：臺中市政府" in cover and "出國期間：106年6月17日至25日" in cover
    toc = sections["目錄"]
    assert toc.kind == "toc"
    assert "壹、出國人員名單\t4" in report_text[toc.start : toc.end]


def test_corpus_names_sources_relative_to_the_project(assistant):
    assert assistant.sources == [REPORT_SOURCE]


def test_non_utf8_file_is_skipped_by_name_and_the_rest_indexed(small_report, caplog):
    (small_report.corpus_dir / "legacy-big5.txt").write_bytes("臺中市政府".encode("big5"))
    (small_report.corpus_dir / "empty.md").write_text("  \n", encoding="utf-8")
    (small_report.corpus_dir / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    with caplog.at_level(logging.WARNING):
        corpus = load_corpus(small_report.corpus_dir, small_report.root)
    assert [d.doc_id for d in corpus.documents] == ["corpus/report.txt"]
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert "not valid UTF-8" in reasons["corpus/legacy-big5.txt"]
    assert "empty" in reasons["corpus/empty.md"]
    assert "binary" in reasons["corpus/image.txt"]
    assert "corpus/legacy-big5.txt" in caplog.text


def test_missing_or_empty_corpus_is_a_clear_error(tmp_settings):
    with pytest.raises(CorpusError, match="no readable"):
        load_corpus(tmp_settings.corpus_dir, tmp_settings.root)
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_settings.root / "nowhere", tmp_settings.root)


def test_markdown_headings_make_sections():
    text = "# Trip\nintro\n## Paris\nvisited APUR\n## Toulouse\nvisited Airbus\n"
    labels = [s.label for s in parse_sections(text)]
    assert labels == ["Trip", "Trip › Paris", "Trip › Toulouse"]


def test_link_to_a_file_outside_the_corpus_is_skipped_and_never_quoted(small_report, tmp_path):
    secret = tmp_path / "outside" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:secret-canary:/root:/bin/bash\n", encoding="utf-8")
    (small_report.corpus_dir / "passwd.txt").symlink_to(secret)
    (small_report.corpus_dir / "alias.txt").symlink_to(small_report.corpus_dir / "report.txt")
    corpus = load_corpus(small_report.corpus_dir, small_report.root)
    assert sorted(d.doc_id for d in corpus.documents) == ["corpus/alias.txt", "corpus/report.txt"]
    assert not any("secret-canary" in d.text for d in corpus.documents)
    assert {s.path: s.reason for s in corpus.skipped} == {
        "corpus/passwd.txt": "it links to a file outside the corpus folder"
    }


def test_linked_folder_leaving_the_corpus_is_not_entered(small_report, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "notes.txt").write_text("secret-canary\n", encoding="utf-8")
    (small_report.corpus_dir / "linked").symlink_to(outside, target_is_directory=True)
    corpus = load_corpus(small_report.corpus_dir, small_report.root)
    assert [d.doc_id for d in corpus.documents] == ["corpus/report.txt"] and not corpus.skipped


def test_special_files_are_skipped_by_name_without_being_opened(small_report):
    corpus_dir = small_report.corpus_dir
    os.mkfifo(corpus_dir / "pipe.txt")  # opened for reading, it would wait for a writer forever
    (corpus_dir / "zero.txt").symlink_to("/dev/zero")  # endless
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(corpus_dir / "socket.md"))
    expected = {
        "corpus/pipe.txt": "it is a named pipe (FIFO), not a file",
        "corpus/zero.txt": "it links to a file outside the corpus folder",
        "corpus/socket.md": "it is a socket, not a file",
        "corpus/broken.txt": "it is a broken link",
    }
    (corpus_dir / "broken.txt").symlink_to(corpus_dir / "no-such-file.txt")
    try:
        os.mknod(corpus_dir / "device.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # a copy of /dev/zero
        expected["corpus/device.txt"] = "it is a device, not a file"
    except PermissionError:
        pass  # not root: the link to /dev/zero above covers devices reached through a link
    # In a child process, so that a hang fails the test instead of stopping the suite.
    code = (
        "import json, sys\nfrom pathlib import Path\nfrom assistant.ingest import load_corpus\n"
        "c = load_corpus(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "print(json.dumps([[d.doc_id for d in c.documents], {s.path: s.reason for s in c.skipped}]))"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", code, str(corpus_dir), str(small_report.root)],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        listener.close()
    assert result.returncode == 0, result.stderr
    documents, skipped = json.loads(result.stdout)
    assert documents == ["corpus/report.txt"]
    assert skipped == expected


def test_file_over_the_size_limit_is_skipped_unread(small_report):
    report = small_report.corpus_dir / "report.txt"
    limit = report.stat().st_size
    (small_report.corpus_dir / "big.txt").write_bytes(report.read_bytes() + b"x")  # one byte over
    corpus = load_corpus(small_report.corpus_dir, small_report.root, max_bytes=limit)
    assert [d.doc_id for d in corpus.documents] == ["corpus/report.txt"]
    assert [s.path for s in corpus.skipped] == ["corpus/big.txt"]
    assert f"larger than the {limit:,}-byte limit (setting max_corpus_file_bytes)" in corpus.skipped[0].reason
    default = load_corpus(small_report.corpus_dir, small_report.root)
    assert [d.doc_id for d in default.documents] == ["corpus/big.txt", "corpus/report.txt"]


def test_a_documents_folded_text_is_folded_once_and_matches_folding_it():
    from assistant.ingest import Document
    from assistant.text.normalize import fold

    document = Document("r.txt", "Électricité 台中 ＡＢＣ", "0" * 64, ())
    assert document.folded == fold(document.text) == "électricité 臺中 abc"
    assert document.folded is document.folded  # kept, not folded again per question


def test_a_file_not_read_is_refused_in_english_and_in_chinese(tmp_path):
    from assistant.ingest import read_document

    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    refusal, document = read_document(tmp_path / "gone.txt", "gone.txt", tmp_path, 1_000_000)
    assert document is None and (refusal.reason, refusal.chinese) == ("it is a broken link", "是失效的連結")
    (tmp_path / "ok.txt").write_text("出國報告\n\n壹、目的\n\n考察港口。\n", encoding="utf-8")
    refusal, document = read_document(tmp_path / "ok.txt", "ok.txt", tmp_path, 1_000_000)
    assert refusal is None and document is not None


def test_top_sections_are_the_top_level_headings_holding_a_word():
    from pathlib import Path

    from assistant.ingest import parse_document

    text = (Path(__file__).parent / "fixtures" / "port-report.txt").read_text(encoding="utf-8")
    doc = parse_document("port-report.txt", text)
    assert [s.path for s in doc.top_sections("心得")] == [("肆、心得",)]
    assert [s.path[0] for s in doc.top_sections("建議")] == ["伍、建議事項"]  # its items are no top-level sections
    assert doc.top_sections("附錄") == []
