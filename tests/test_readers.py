"""PDF and Word reports read from real files: exact quotes, sections, cover, members, real pages, bad files."""

from __future__ import annotations

import re

import pytest

from assistant import Assistant
from assistant.chunking import Chunker
from assistant.config import ChunkerSettings
from assistant.ingest import load_corpus
from assistant.readers import PAGE_JOINER

from .documents import PORT_REPORT, report_pages, write_docx, write_encrypted_pdf, write_pdf, write_scanned_pdf


@pytest.fixture
def first_part(report_text: str) -> str:
    return report_text[: report_text.index("\n三、參訪土魯斯市政建設\n")]


@pytest.fixture
def pdf_corpus(tmp_settings, first_part):
    """A corpus of the bundled report's first part and the port report, both as PDFs."""
    pages = report_pages(first_part)
    first_pages = write_pdf(pages, tmp_settings.corpus_dir / "report.pdf")
    port = report_pages(PORT_REPORT.read_text(encoding="utf-8"))
    port_first_pages = write_pdf(port, tmp_settings.corpus_dir / "port.pdf")
    return tmp_settings, list(zip(pages, first_pages)), list(zip(port, port_first_pages))


def load_corpus_text(text: str):
    from assistant.ingest import parse_document

    return parse_document("typed.txt", text)


def documents(settings) -> dict:
    corpus = load_corpus(settings.corpus_dir, settings.root)
    assert not corpus.skipped
    return {d.doc_id: d for d in corpus.documents}


def cover(document) -> dict[str, str]:
    return {f.key: f.value for f in document.template.cover}


def test_pdf_report_keeps_sections_cover_fields_and_member_rows(pdf_corpus):
    settings, _, _ = pdf_corpus
    docs = documents(settings)
    report, port = docs["corpus/report.pdf"], docs["corpus/port.pdf"]
    labels = [s.label for s in report.sections]
    assert labels[:3] == ["封面", "目錄", "摘要"]
    assert "參、行程紀要 › 二、參訪物聯網新創公司 Sigfox" in labels
    assert cover(report)["服務機關"] == "臺中市政府" and cover(report)["出國期間"] == "106年6月17日至25日"
    assert cover(port)["派赴國家"] == "荷蘭"
    for doc in (report, port):
        for field in doc.template.cover:
            assert doc.text[field.start : field.end].startswith(field.key)
    assert report.template.members[0].cells == ("編號", "單位", "職稱", "姓名")
    rows = [r.cells for r in report.template.members]
    assert ("2.", "", "副市長", "張光瑤") in rows  # an empty cell keeps its column
    assert ("4.", "臺中市政府經濟發展局", "局長", "呂曜志") in rows
    assert [r.cells for r in port.template.members][1:] == [
        ("1.", "高雄市政府海洋局", "局長", "王大明"),
        ("2.", "高雄市政府海洋局", "科長", "陳小華"),
        ("3.", "高雄市政府經濟發展局", "專員", "林美玲"),
    ]
    # A continued itinerary row ("\t下午 …") keeps its empty first cell, so it takes its day from the row above.
    afternoon = [r for r in report.template.itinerary if r.days == ("6/18",) and r.half == "下午"]
    assert afternoon and "Sigfox" in report.text[afternoon[0].start : afternoon[0].end]


def test_pdf_paragraph_wrapped_over_printed_lines_is_one_line_of_text(pdf_corpus, first_part):
    settings, _, _ = pdf_corpus
    report = documents(settings)["corpus/report.pdf"]
    across_pages = report.text  # a paragraph the page turn cuts: its two parts, with the page join left out
    for start in reversed(report.page_starts[1:]):
        across_pages = across_pages[: start - len(PAGE_JOINER)] + across_pages[start:]
    stored = {re.sub(r"\s", "", line) for text in (report.text, across_pages) for line in text.split("\n")}
    paragraphs = [line for line in first_part.split("\n") if line.strip() and "\t" not in line]
    assert max(map(len, paragraphs)) > 200  # some run over several printed lines
    for paragraph in paragraphs:  # (a space where a line broke is not printed, so spaces are not compared)
        assert re.sub(r"\s", "", paragraph) in stored, paragraph


def test_pdf_table_rows_read_as_the_text_exports_tab_separated_lines(pdf_corpus, first_part):
    settings, _, _ = pdf_corpus
    stored = set(documents(settings)["corpus/report.pdf"].text.split("\n"))
    # (a contents line too long for one printed line is left out: write_pdf prints it past the page's edge)
    rows = [line for line in first_part.split("\n") if "\t" in line and len(line) < 60]
    assert len(rows) > 20
    assert [row for row in rows if row not in stored] == []


def test_pdf_page_of_a_passage_is_its_real_page(pdf_corpus):
    settings, pages, _ = pdf_corpus
    report = documents(settings)["corpus/report.pdf"]
    assert not re.search(r"^- \d+ -$", report.text, re.MULTILINE)  # the footers' page numbers are left out
    starts = [first for _, first in pages]
    ends = [following - 1 for following in starts[1:]] + [len(report.page_starts)]
    assert any(last > first for first, last in zip(starts, ends))  # one section runs on to a second page
    for (page, first), last in zip(pages, ends):
        heading = page.split("\n")[0].split("\t")[0]
        at = report.text.index(heading, report.page_starts[first - 1])
        assert report.pages_at(at) == (first, first)
        closing = page.rstrip().split("\n")[-1][-8:]  # the page's last words, on its last page
        assert report.pages_at(report.text.index(closing, at)) == (last, last)
    turns = 0
    for chunk in Chunker(ChunkerSettings()).chunk_document(report):
        assert report.text[chunk.start : chunk.end] == chunk.text
        first, last = report.pages_at(chunk.start, chunk.end)
        assert report.pages_at(chunk.start) == (first, first) and report.page_starts[first - 1] <= chunk.start
        assert last == first + sum(chunk.start < s < chunk.end for s in report.page_starts)
        turns += last > first
    assert turns  # a passage that runs on to the next page cites both pages


def test_answer_from_a_pdf_quotes_its_stored_text_and_cites_the_real_page(pdf_corpus, embedder):
    settings, _, port_pages = pdf_corpus
    assistant = Assistant.load(settings, embedder=embedder)
    answer = assistant.ask("鹿特丹港務局由誰接待？")
    assert answer.quotes
    for quote in answer.quotes:
        document = assistant.index.document(quote.source)
        assert document.text[quote.start : quote.end] == quote.quote
        assert document.pages_at(quote.start, quote.end) == quote.pages
    top = next(q for q in answer.quotes if "范德堡" in q.quote)  # who received them
    assert top.source == "corpus/port.pdf"
    printed_on = [first for page, first in port_pages if re.sub(r"\s", "", top.quote) in re.sub(r"\s", "", page)]
    assert top.pages == (printed_on[0], printed_on[0])


@pytest.mark.parametrize(("source", "summary_pages"), [("first_part", (3, 4)), ("port", (2, 3))])
def test_docx_reads_paragraphs_and_tables_in_order_as_tab_separated_rows(
    tmp_settings, first_part, source, summary_pages
):
    text = first_part if source == "first_part" else PORT_REPORT.read_text(encoding="utf-8")
    write_docx(text, tmp_settings.corpus_dir / "report.docx")
    document = documents(tmp_settings)["corpus/report.docx"]
    assert document.text == text
    assert not document.page_starts and document.pages_at(0) is None  # pages come from the contents
    assert document.template.members[0].cells == ("編號", "單位", "職稱", "姓名")
    assert "服務機關" in cover(document)
    summary = next(s for s in document.sections if s.label == "摘要")
    assert document.pages_at(summary.start) == summary_pages


@pytest.mark.parametrize("source", ["whole", "port"])
def test_docx_automatic_heading_numbers_are_written_out_as_typed_ones(tmp_settings, report_text, source):
    text = report_text if source == "whole" else PORT_REPORT.read_text(encoding="utf-8")
    numbered = write_docx(text, tmp_settings.corpus_dir / "report.docx", numbered=True)
    document = documents(tmp_settings)["corpus/report.docx"]
    assert numbered >= 10  # the headings' numbers are Word's, not typed
    assert document.text == text
    typed = load_corpus_text(text)
    assert [s.label for s in document.sections] == [s.label for s in typed.sections]


def test_bad_pdf_and_word_files_are_skipped_with_a_reason_and_the_rest_indexed(tmp_settings, first_part):
    corpus_dir = tmp_settings.corpus_dir
    write_docx(first_part, corpus_dir / "good.docx")
    write_scanned_pdf(corpus_dir / "scan.pdf")
    write_encrypted_pdf(corpus_dir / "locked.pdf", "secret-canary")
    whole = (corpus_dir / "scan.pdf").read_bytes()
    (corpus_dir / "cut.pdf").write_bytes(whole[: len(whole) // 3])
    (corpus_dir / "not-a-pdf.pdf").write_bytes(b"just some words\n")
    (corpus_dir / "cut.docx").write_bytes((corpus_dir / "good.docx").read_bytes()[:2000])
    corpus = load_corpus(corpus_dir, tmp_settings.root)
    assert [d.doc_id for d in corpus.documents] == ["corpus/good.docx"]
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert reasons["corpus/scan.pdf"] == "its 1 PDF page(s) hold no text (a scan without a text layer?)"
    assert reasons["corpus/locked.pdf"] == "it is an encrypted PDF (it needs a password)"
    assert reasons["corpus/cut.pdf"].startswith("it is not a readable PDF")
    assert reasons["corpus/not-a-pdf.pdf"].startswith("it is not a readable PDF")
    assert reasons["corpus/cut.docx"].startswith("it is not a readable Word file")
    assert all("\n" not in r for r in reasons.values())


def test_pdf_over_the_size_limit_is_skipped_unread(tmp_settings, first_part):
    path = tmp_settings.corpus_dir / "report.pdf"
    write_pdf(report_pages(first_part), path)
    write_docx(first_part, tmp_settings.corpus_dir / "small.docx")
    corpus = load_corpus(tmp_settings.corpus_dir, tmp_settings.root, max_bytes=path.stat().st_size - 1)
    assert [s.path for s in corpus.skipped] == ["corpus/report.pdf"]
    assert "larger than" in corpus.skipped[0].reason


def test_corpus_lists_pdf_and_word_files(tmp_settings):
    for name in ("a.pdf", "b.DOCX", "c.doc", "d.txt", ".e.pdf"):
        (tmp_settings.corpus_dir / name).write_bytes(b"x")
    from assistant.ingest import corpus_files

    assert [p.name for p in corpus_files(tmp_settings.corpus_dir)] == ["a.pdf", "b.DOCX", "d.txt"]


def test_pdf_pages_are_stored_with_the_index_and_read_back(pdf_corpus, embedder):
    from assistant.index import load_index

    settings, pages, _ = pdf_corpus
    built = Assistant.load(settings, embedder=embedder).index.document("corpus/report.pdf")
    stored = load_index(settings.index_dir).document("corpus/report.pdf")
    assert stored.text == built.text and stored.page_starts == built.page_starts
    assert len(stored.page_starts) > len(pages)  # a section ran on to a second page


def test_an_empty_pdf_is_refused_as_empty():
    from assistant.config import ReaderSettings
    from assistant.readers import UnreadableFile, read_pdf

    with pytest.raises(UnreadableFile, match="the file is empty"):
        read_pdf(b"", ReaderSettings())
