"""Adding and removing reports: checked before anything changes, and only what changed is embedded."""

from __future__ import annotations

import shutil

import pytest

from assistant.chunking import Chunker
from assistant.cli import main
from assistant.index import open_index
from assistant.ingest import CorpusError
from assistant.library import add_and_index, add_reports, remove_report

from .documents import PORT_REPORT, report_pages, write_docx, write_pdf


@pytest.fixture
def port_pdf(tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    write_pdf(report_pages(PORT_REPORT.read_text(encoding="utf-8")), incoming / "port.pdf")
    return incoming / "port.pdf"


def corpus_names(settings) -> list[str]:
    return sorted(p.name for p in settings.corpus_dir.iterdir())


def test_adding_a_report_embeds_only_the_new_report(small_report, embedder, port_pdf):
    before, _ = open_index(small_report, embedder)
    added = add_reports([port_pdf], small_report)
    assert [a.doc_id for a in added] == ["corpus/port.pdf"]
    after, notes = open_index(small_report, embedder)
    port = after.document("corpus/port.pdf")
    port_chunks = Chunker(small_report.chunker).chunk_document(port)
    assert after.manifest["embedded_chunks"] == len(port_chunks) > 0
    assert len(after.chunks) == len(before.chunks) + len(port_chunks)
    assert any("the corpus changed" in n for n in notes)
    assert (small_report.corpus_dir / "port.pdf").read_bytes() == port_pdf.read_bytes()


def test_removing_a_report_drops_it_and_embeds_nothing(small_report, embedder, port_pdf):
    add_reports([port_pdf], small_report)
    open_index(small_report, embedder)
    assert remove_report("corpus/port.pdf", small_report) == small_report.corpus_dir / "port.pdf"
    after, _ = open_index(small_report, embedder)
    assert list(after.documents) == ["corpus/report.txt"]
    assert after.manifest["embedded_chunks"] == 0 and after.manifest["embedded_sentences"] == 0


def test_adding_content_already_in_the_corpus_is_refused_and_nothing_is_copied(small_report, tmp_path, port_pdf):
    same = tmp_path / "incoming" / "renamed.txt"
    shutil.copy(small_report.corpus_dir / "report.txt", same)
    before = corpus_names(small_report)
    with pytest.raises(CorpusError, match=r"^cannot add .*renamed.txt: it has the same content as corpus/report.txt$"):
        add_reports([port_pdf, same], small_report)  # the good file before it is not copied either
    with pytest.raises(CorpusError, match="same content as"):
        add_reports([port_pdf, shutil.copy(port_pdf, tmp_path / "twice.pdf")], small_report)
    assert corpus_names(small_report) == before


def test_adding_a_file_that_does_not_read_is_refused_with_its_reason(small_report, tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (incoming / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    (incoming / "report.txt").write_text("另一份報告\n", encoding="utf-8")
    before = corpus_names(small_report)
    cases = {
        "old.doc": "only .txt, .md, .pdf, .docx reports are read",
        "broken.docx": "it is not a readable Word file",
        "missing.pdf": "no such file",
        "report.txt": "the corpus already has a file called corpus/report.txt",
    }
    for name, reason in cases.items():
        with pytest.raises(CorpusError, match=f"^cannot add .*{name}: {reason}"):
            add_reports([incoming / name], small_report)
    assert corpus_names(small_report) == before


def test_removing_an_unknown_or_the_last_report_is_refused(small_report):
    with pytest.raises(CorpusError, match="no report of that name"):
        remove_report("nothing.pdf", small_report)
    with pytest.raises(CorpusError, match="the only readable report"):
        remove_report("report.txt", small_report)
    assert corpus_names(small_report) == ["report.txt"]


def test_cli_add_then_remove_updates_the_index_and_errors_are_one_line(small_report, port_pdf, tmp_path, capsys):
    flags = ["--corpus", str(small_report.corpus_dir), "--embeddings", str(small_report.embeddings_dir)]
    flags += ["--model", small_report.model]
    docx = tmp_path / "port.docx"
    write_docx(PORT_REPORT.read_text(encoding="utf-8"), docx)
    assert main(["add", str(docx), *flags]) == 0
    out = capsys.readouterr().out
    assert "added corpus/port.docx" in out and "index ready: 2 document(s)" in out
    assert main(["add", str(docx), *flags]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("trip-assistant: error: cannot add")
    assert main(["remove", "port.docx", *flags]) == 0
    out = capsys.readouterr().out
    assert "removed port.docx" in out and "index ready: 1 document(s)" in out and "embedded 0 chunk(s)" in out


def test_add_and_index_adds_and_embeds_only_the_new_report(small_report, embedder, port_pdf):
    before, _ = open_index(small_report, embedder)
    steps: list[tuple[int, int]] = []
    added, index, notes = add_and_index([port_pdf], small_report, embedder, progress=lambda d, t: steps.append((d, t)))
    assert [a.doc_id for a in added] == ["corpus/port.pdf"] and sorted(index.documents) == [
        "corpus/port.pdf",
        "corpus/report.txt",
    ]
    assert index.manifest["embedded_chunks"] == len(index.chunks) - len(before.chunks) > 0
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1] > 0 and any("corpus changed" in n for n in notes)


def test_a_failed_index_build_takes_the_added_report_out_again(small_report, embedder, port_pdf, monkeypatch):
    import assistant.index

    def broken(*args, **kwargs):
        raise MemoryError("no room to embed")

    before = corpus_names(small_report)
    monkeypatch.setattr(assistant.index, "open_index", broken)
    with pytest.raises(MemoryError):
        add_and_index([port_pdf], small_report, embedder)
    assert corpus_names(small_report) == before


def test_refusals_name_a_file_as_the_caller_shows_it_and_hidden_files_are_refused(small_report, tmp_path):
    hidden = tmp_path / ".notes.txt"
    hidden.write_text("一份報告\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"^cannot add \.notes\.txt: a file name starting with '\.' is never read"):
        add_reports([hidden], small_report, shown=lambda path: path.name)
    with pytest.raises(CorpusError, match=rf"^cannot add {tmp_path}/old\.doc: only"):
        add_reports([tmp_path / "old.doc"], small_report)
    assert corpus_names(small_report) == ["report.txt"]


def test_a_copy_failing_half_way_leaves_no_report_and_no_partial_file(tmp_settings, monkeypatch):
    import shutil as shutil_module

    from assistant import library

    first, second = tmp_settings.root / "a.txt", tmp_settings.root / "b.txt"
    (tmp_settings.corpus_dir / "old.txt").write_text("壹、目的\n\n舊的報告。\n", encoding="utf-8")
    first.write_text("壹、目的\n\n第一份報告。\n", encoding="utf-8")
    second.write_text("壹、目的\n\n第二份報告。\n", encoding="utf-8")
    copies = []

    def copy_then_fail(source, target):
        copies.append(target)
        if len(copies) == 2:
            raise OSError("disk full")
        return shutil_module.copyfile(source, target)

    monkeypatch.setattr(library.shutil, "copyfile", copy_then_fail)
    with pytest.raises(OSError, match="disk full"):
        library.add_reports([first, second], tmp_settings)
    assert sorted(p.name for p in tmp_settings.corpus_dir.iterdir()) == ["old.txt"]


def test_cli_add_refuses_a_bad_file_before_loading_the_model(tmp_settings, monkeypatch, capsys):
    from assistant import cli
    from assistant.embedding import Embedder

    def never(*args, **kwargs):
        raise AssertionError("the model was loaded for a refused file")

    monkeypatch.setattr(Embedder, "load", never)
    code = cli.main(["add", str(tmp_settings.root / "missing.pdf"), "--corpus", str(tmp_settings.corpus_dir),
                     "--embeddings", str(tmp_settings.embeddings_dir)])  # fmt: skip
    assert code == 1 and "no such file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "chinese"),
    [(b"", "是空檔案"), (b"\x00\x01\x02binary", "不是文字檔"), (b"\xff\xfe\xfa", "不是 UTF-8 文字")],
)
def test_a_file_that_does_not_read_is_refused_with_its_reason_in_chinese_too(small_report, tmp_path, content, chinese):
    bad = tmp_path / "report.txt"
    bad.write_bytes(content)
    with pytest.raises(CorpusError) as caught:
        add_reports([bad], small_report)
    assert caught.value.chinese == f"{bad} {chinese}"  # named as the caller named it


def test_every_refusal_gives_its_own_reason_in_chinese(small_report, tmp_path):
    from dataclasses import replace

    big = tmp_path / "big.txt"
    big.write_text("出國報告\n" * 50, encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        add_reports([big], replace(small_report, max_corpus_file_bytes=100))
    assert caught.value.chinese == f"{big} 超過 100 位元組的上限"  # said where it is raised, not guessed
