"""Reading the corpus: the report's outline, the cover, the TOC, and files that cannot be read."""

from __future__ import annotations

import logging

import pytest

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
