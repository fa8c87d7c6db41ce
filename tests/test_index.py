"""The saved index: manifest checks, rebuilds when stale, detection of damaged files."""

from __future__ import annotations

import json

import pytest

from assistant import Assistant
from assistant.config import INDEX_FORMAT_VERSION
from assistant.index import IndexCorrupt, load_index, read_manifest


def test_manifest_records_model_chunker_and_corpus(embedder, small_report):
    a = Assistant.load(embedder=embedder, settings=small_report)
    m = read_manifest(small_report.index_dir)
    assert m["model"] == small_report.model and m["dim"] == 384
    assert m["chunker"]["chunk_size"] == 300 and m["chunker"]["chunk_overlap"] == 60
    assert m["format_version"] == INDEX_FORMAT_VERSION and len(m["corpus_hash"]) == 64
    assert m["chunk_count"] == len(a.index.chunks)
    assert set(m["files"]) >= {"dense.faiss", "chunks.json", "documents.json", "sentences.npy"}


def test_current_index_is_loaded_not_rebuilt(embedder, small_report):
    Assistant.load(embedder=embedder, settings=small_report)
    built_at = read_manifest(small_report.index_dir)["built_at"]
    again = Assistant.load(embedder=embedder, settings=small_report)
    assert again.notes == []
    assert read_manifest(small_report.index_dir)["built_at"] == built_at


def test_changed_corpus_triggers_a_rebuild(embedder, small_report):
    first = Assistant.load(embedder=embedder, settings=small_report)
    assert first.ask("Sigfox 在多少個國家提供服務？").quotes
    (small_report.corpus_dir / "notes.md").write_text("# 補充\n\n巴黎鐵塔高 330 公尺。\n", encoding="utf-8")
    second = Assistant.load(embedder=embedder, settings=small_report)
    assert any("corpus changed" in n for n in second.notes)
    assert "corpus/notes.md" in second.index.documents
    answer = second.ask("巴黎鐵塔有多高？")
    assert answer.passages[0].source == "corpus/notes.md"


def test_other_chunker_settings_trigger_a_rebuild(embedder, small_report):
    from dataclasses import replace

    Assistant.load(embedder=embedder, settings=small_report)
    changed = replace(small_report, chunker=replace(small_report.chunker, chunk_size=200))
    a = Assistant.load(changed, embedder=embedder)
    assert any("chunker changed" in n for n in a.notes)
    assert read_manifest(changed.index_dir)["chunker"]["chunk_size"] == 200


@pytest.mark.parametrize("victim", ["dense.faiss", "chunks.json", "sentences.npy", "bm25/vocab.index.json"])
def test_damaged_index_file_is_detected_and_rebuilt(embedder, small_report, victim):
    Assistant.load(embedder=embedder, settings=small_report)
    path = small_report.index_dir / victim
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(IndexCorrupt, match=victim.split("/")[-1]):
        load_index(small_report.index_dir)
    a = Assistant.load(embedder=embedder, settings=small_report)
    assert any("damaged" in n for n in a.notes)
    assert a.ask("Sigfox 在多少個國家提供服務？").passages


def test_unreadable_manifest_means_rebuild(embedder, small_report):
    Assistant.load(embedder=embedder, settings=small_report)
    (small_report.index_dir / "manifest.json").write_text("{not json", encoding="utf-8")
    a = Assistant.load(embedder=embedder, settings=small_report)
    assert a.notes and a.index.chunks
    assert json.loads((small_report.index_dir / "manifest.json").read_text())["files"]


def test_interrupted_build_leaves_previous_index_intact(embedder, small_report, monkeypatch):
    import assistant.index as index_module

    Assistant.load(embedder=embedder, settings=small_report)
    before = read_manifest(small_report.index_dir)

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module.faiss, "write_index", boom)
    with pytest.raises(KeyboardInterrupt):
        Assistant.load(embedder=embedder, settings=small_report, rebuild=True)
    assert read_manifest(small_report.index_dir) == before
    load_index(small_report.index_dir)
    leftovers = [p.name for p in small_report.embeddings_dir.iterdir() if p.name.startswith(".index")]
    assert leftovers == []


def test_build_interrupted_while_embedding_leaves_previous_index_usable(embedder, small_report):
    from assistant.index import open_index

    Assistant.load(embedder=embedder, settings=small_report)
    before = read_manifest(small_report.index_dir)
    seen = []

    def ctrl_c_half_way(done: int, total: int) -> None:
        seen.append((done, total))
        if done > total // 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        open_index(small_report, embedder, rebuild=True, progress=ctrl_c_half_way)
    assert seen[0] == (0, before["chunk_count"] + before["sentence_count"]) and seen[-1][0] < seen[-1][1]
    assert read_manifest(small_report.index_dir) == before
    assert Assistant.load(embedder=embedder, settings=small_report).notes == []
    assert not [p.name for p in small_report.embeddings_dir.iterdir() if p.name.startswith(".index")]


def test_build_reports_progress_up_to_every_text_embedded(embedder, small_report):
    from assistant.index import open_index

    seen = []
    index, _ = open_index(small_report, embedder, rebuild=True, progress=lambda done, total: seen.append((done, total)))
    total = len(index.chunks) + len(index.sentences)
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) > 3


def test_a_report_filed_twice_gets_the_same_vectors_twice(embedder, small_report, report_text):
    import numpy as np

    cut = report_text.index("\n三、參訪土魯斯市政建設\n")
    (small_report.corpus_dir / "copy.txt").write_text(report_text[:cut], encoding="utf-8")
    index = Assistant.load(small_report, embedder=embedder).index
    by_doc = {d: [i for i, c in enumerate(index.chunks) if c.doc_id == d] for d in index.documents}
    original, copy = by_doc["corpus/report.txt"], by_doc["corpus/copy.txt"]
    assert len(original) == len(copy)
    vectors = index.dense.reconstruct_n(0, index.dense.ntotal)
    np.testing.assert_array_equal(vectors[original], vectors[copy])


class CountingEmbedder:
    """The real embedder, counting how many passages it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.model_id, self.passages = inner, inner.model_id, 0
        self.passage_encoder, self.passage_graph = inner.passage_encoder, inner.passage_graph

    @property
    def dim(self):
        return self.inner.dim

    def encode_passages(self, texts, progress=None):
        self.passages += len(texts)
        return self.inner.encode_passages(texts, progress)

    def encode_queries(self, texts):
        return self.inner.encode_queries(texts)

    def load_query_model(self):
        self.inner.load_query_model()


def test_adding_a_report_embeds_only_that_report_and_removing_one_drops_its_chunks(embedder, small_report):
    import numpy as np

    counting = CountingEmbedder(embedder)
    first = Assistant.load(small_report, embedder=counting)
    m1 = read_manifest(small_report.index_dir)
    assert counting.passages == m1["chunk_count"] + m1["sentence_count"]

    extra = small_report.corpus_dir / "notes.md"
    extra.write_text("# 補充說明\n\n巴黎鐵塔高 330 公尺。\n\n羅浮宮位於塞納河右岸。\n", encoding="utf-8")
    counting.passages = 0
    second = Assistant.load(small_report, embedder=counting)
    m2 = read_manifest(small_report.index_dir)
    new_chunks = [c for c in second.index.chunks if c.doc_id == "corpus/notes.md"]
    new_sentences = [s for s in second.index.sentences if s.doc_id == "corpus/notes.md"]
    assert m2["embedded_chunks"] == len(new_chunks) and m2["embedded_sentences"] == len(new_sentences)
    assert counting.passages == len(new_chunks) + len(new_sentences)
    old_vectors = first.index.dense.reconstruct_n(0, first.index.dense.ntotal)
    kept = [i for i, c in enumerate(second.index.chunks) if c.doc_id == "corpus/report.txt"]
    np.testing.assert_array_equal(second.index.dense.reconstruct_n(0, second.index.dense.ntotal)[kept], old_vectors)
    assert second.ask("巴黎鐵塔有多高？").passages[0].source == "corpus/notes.md"

    extra.unlink()
    counting.passages = 0
    third = Assistant.load(small_report, embedder=counting)
    assert counting.passages == 0
    assert {c.doc_id for c in third.index.chunks} == {"corpus/report.txt"}
    assert read_manifest(small_report.index_dir)["chunk_count"] == m1["chunk_count"]


def test_loading_the_index_imports_neither_numba_nor_scipy_yet_both_stay_importable():
    # bm25s imports them when installed for backends the index never uses; they cost a cold start about 0.5 s.
    import subprocess
    import sys

    probe = (
        "import sys, assistant.index\n"
        "print('numba' in sys.modules, 'scipy.sparse' in sys.modules)\n"
        "import numba, scipy.sparse\n"  # ranx and the eval's intervals still import them
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "ok"]
