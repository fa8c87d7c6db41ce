"""The int8 ONNX passage encoder: close to the float32 model, row for row, and recorded in the index."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import numpy as np
import pytest

from assistant import Assistant
from assistant.config import Settings
from assistant.embedding import Embedder, ModelError
from assistant.index import chunk_index_text, open_index, read_manifest
from assistant.onnx_export import EXPORT_VERSION, is_exported, onnx_path, source_fingerprint


@pytest.fixture(scope="module")
def report_passages(assistant) -> list[str]:
    """Every chunk text of the bundled report, as indexing embeds them (short and long mixed)."""
    docs = assistant.index.documents
    return [chunk_index_text(docs[c.doc_id], c) for c in assistant.index.chunks]


@pytest.fixture(scope="module")
def float_embedder(model_dir) -> Embedder:
    return Embedder.load(Settings(model=str(model_dir), passage_encoder="torch"))


def test_default_embedder_indexes_with_the_int8_export(embedder, model_dir):
    assert embedder.passage_encoder == "onnx-int8"
    assert embedder.passage_onnx == onnx_path(model_dir) and is_exported(model_dir)


def test_int8_passage_vectors_stay_close_to_float32_row_for_row(embedder, float_embedder, report_passages):
    int8 = embedder.encode_passages(report_passages)
    full = float_embedder.encode_passages(report_passages)
    assert int8.shape == full.shape == (len(report_passages), 384)
    assert np.allclose(np.linalg.norm(int8, axis=1), 1.0, atol=1e-4)
    cosines = (int8 * full).sum(axis=1)
    assert cosines.min() >= 0.98 and cosines.mean() >= 0.99
    # Each int8 vector is nearest to its own float32 vector: no row was shuffled by the worker threads.
    assert (np.argmax(int8 @ full.T, axis=1) == np.arange(len(report_passages))).all()


def test_a_passage_embeds_the_same_alone_or_among_others(embedder, report_passages):
    among = embedder.encode_passages(report_passages[:9])
    alone = embedder.encode_passages([report_passages[4]])
    assert np.allclose(among[4], alone[0], atol=1e-6)


def test_queries_keep_the_float32_model(embedder, float_embedder):
    question = ["Sigfox 在多少個國家提供服務？"]
    assert np.array_equal(embedder.encode_queries(question), float_embedder.encode_queries(question))


def test_switching_the_passage_encoder_rebuilds_the_index(embedder, float_embedder, small_report):
    Assistant.load(small_report, embedder=embedder)
    assert read_manifest(small_report.index_dir)["passage_encoder"] == "onnx-int8"
    switched = Assistant.load(replace(small_report, passage_encoder="torch"), embedder=float_embedder)
    assert any("passage_encoder changed" in n for n in switched.notes)
    assert read_manifest(small_report.index_dir)["passage_encoder"] == "torch"
    assert switched.ask("Sigfox 在多少個國家提供服務？").quotes


def test_unknown_passage_encoder_is_refused(model_dir):
    with pytest.raises(ModelError, match="passage encoder must be one of onnx-int8, torch"):
        Embedder.load(Settings(model=str(model_dir), passage_encoder="fp8"))


def test_changed_model_weights_make_the_export_stale(tmp_path):
    model = tmp_path / "model"
    (model / "onnx").mkdir(parents=True)
    (model / "model.safetensors").write_bytes(b"weights")
    onnx_path(model).write_bytes(b"graph")
    meta = {"version": EXPORT_VERSION, "source": source_fingerprint(model)}
    (model / "onnx" / "export.json").write_text(json.dumps(meta), encoding="utf-8")
    assert is_exported(model)
    (model / "model.safetensors").write_bytes(b"other weights")
    assert not is_exported(model)
    (model / "onnx" / "export.json").write_text("{not json", encoding="utf-8")
    assert not is_exported(model)


def test_damaged_int8_export_is_exported_again(tmp_path, model_dir, float_embedder, report_passages):
    model = tmp_path / "model"
    shutil.copytree(model_dir, model, ignore=shutil.ignore_patterns("*.safetensors", "onnx"))
    (model / "model.safetensors").symlink_to(model_dir / "model.safetensors")
    (model / "onnx").mkdir()
    shutil.copy(model_dir / "onnx" / "export.json", model / "onnx" / "export.json")
    good = onnx_path(model_dir).read_bytes()
    onnx_path(model).write_bytes(good[: len(good) // 2])

    damaged = Embedder.load(Settings(model=str(model)))
    assert damaged.passage_onnx == onnx_path(model)  # the truncation is only found when the graph is read
    vectors = damaged.encode_passages(report_passages[:5])
    assert ((vectors * float_embedder.encode_passages(report_passages[:5])).sum(axis=1) >= 0.98).all()
    assert onnx_path(model).stat().st_size > len(good) // 2


def test_indexing_with_the_int8_export_leaves_the_float32_model_unloaded(model_dir, small_report):
    lazy = Embedder.load(Settings(model=str(model_dir)))
    assert lazy.passage_encoder == "onnx-int8" and not lazy.model_loaded
    index, _ = open_index(small_report, lazy, rebuild=True)
    assert index.dense.ntotal == len(index.chunks) and not lazy.model_loaded
    lazy.encode_queries(["Sigfox 在哪裡？"])
    assert lazy.model_loaded


def test_the_int8_encoder_embeds_the_same_with_or_without_the_float32_model_loaded(
    model_dir, embedder, report_passages
):
    lazy = Embedder.load(Settings(model=str(model_dir)))  # tokenizes with the Rust tokenizer alone
    eager = Embedder(embedder.model, embedder.model_id, passage_onnx=embedder.passage_onnx)  # transformers' tokenizer
    texts = report_passages + ["", "Ａ\u200b😀 x", report_passages[0] * 40]  # empty, odd characters, over 512 tokens
    np.testing.assert_array_equal(lazy.encode_passages(texts), eager.encode_passages(texts))
    assert not lazy.model_loaded
