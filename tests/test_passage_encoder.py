"""The passage encoders (int8 on onnxruntime, bfloat16 on OpenVINO): close to the float32 model, row for row, and recorded in the index."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from assistant import Assistant
from assistant.config import PROJECT_ROOT, Settings
from assistant.embedding import Embedder, ModelError
from assistant.evaluation import DEFAULT_QUESTIONS, load_questions
from assistant.index import chunk_index_text, open_index, read_manifest
from assistant.onnx_export import (
    EXPORT_VERSION,
    QUERY_DATA,
    QUERY_FILE,
    is_exported,
    onnx_path,
    query_onnx_path,
    source_fingerprint,
)
from assistant.passage_runners import bf16_available


@pytest.fixture(scope="module")
def report_passages(assistant) -> list[str]:
    """Every chunk text of the bundled report, as indexing embeds them (short and long mixed)."""
    docs = assistant.index.documents
    return [chunk_index_text(docs[c.doc_id], c) for c in assistant.index.chunks]


ENCODERS = ["onnx-int8", pytest.param("openvino-bf16", marks=pytest.mark.skipif(
    not bf16_available(), reason="the CPU has no bfloat16 instructions or OpenVINO is not installed"))]  # fmt: skip


@pytest.fixture(scope="module", params=ENCODERS)
def passage_embedder(request, model_dir) -> Embedder:
    """The default model with each passage encoder that can run here."""
    return Embedder.load(Settings(model=str(model_dir), passage_encoder=request.param))


@pytest.fixture(scope="module")
def float_embedder(model_dir) -> Embedder:
    return Embedder.load(Settings(model=str(model_dir), passage_encoder="torch"))


@pytest.fixture(scope="module")
def torch_queries(model_dir) -> Embedder:
    """Queries through the sentence-transformers model itself (torch), as before the ONNX query encoder."""
    return Embedder.load(Settings(model=str(model_dir), query_encoder="torch"))


def test_default_embedder_indexes_in_bfloat16_where_the_cpu_computes_in_it_else_with_the_int8_export(
    embedder, model_dir
):
    if bf16_available():
        assert embedder.passage_encoder == "openvino-bf16"
        assert embedder.passage_onnx == query_onnx_path(model_dir)
    else:
        assert embedder.passage_encoder == "onnx-int8"
        assert embedder.passage_onnx == onnx_path(model_dir)
    assert is_exported(model_dir)


def test_passage_vectors_stay_close_to_float32_row_for_row(passage_embedder, float_embedder, report_passages):
    fast = passage_embedder.encode_passages(report_passages)
    full = float_embedder.encode_passages(report_passages)
    assert fast.shape == full.shape == (len(report_passages), 384)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    cosines = (fast * full).sum(axis=1)
    # int8: min 0.994 on the report; bfloat16: min 0.99997.
    floor = 0.999 if passage_embedder.passage_encoder == "openvino-bf16" else 0.98
    assert cosines.min() >= floor and cosines.mean() >= 0.99
    # Each vector is nearest to its own float32 vector: no row was shuffled by the worker threads.
    assert (np.argmax(fast @ full.T, axis=1) == np.arange(len(report_passages))).all()


def test_a_passage_embeds_nearly_the_same_alone_or_batched_with_others(passage_embedder, report_passages):
    among = passage_embedder.encode_passages(report_passages)
    alone = np.stack([passage_embedder.encode_passages([p])[0] for p in report_passages[:40]])
    # int8 activations are scaled per run, so batch mates move a vector by quantization noise only (min 0.9967
    # on the report; int8 against float32 itself: min 0.994); bfloat16 by its rounding in padded batches.
    assert (among[:40] * alone).sum(axis=1).min() >= 0.99


def test_the_same_passages_embed_to_the_same_vectors_every_time(passage_embedder, report_passages):
    first = passage_embedder.encode_passages(report_passages)
    np.testing.assert_array_equal(first, passage_embedder.encode_passages(report_passages))


class CountingRunner:
    """A passage runner that counts the rows it is asked to run."""

    def __init__(self, inner) -> None:
        self.inner, self.rows = inner, 0

    def run(self, feeds):
        self.rows += len(feeds["input_ids"])
        return self.inner.run(feeds)


def test_identical_passages_are_run_through_the_encoder_once(model_dir, report_passages):
    lazy = Embedder.load(Settings(model=str(model_dir)))
    lazy._session = counting = CountingRunner(lazy._passage_runner())
    texts = report_passages[:10] * 3 + report_passages[:2]
    vectors = lazy.encode_passages(texts)
    assert counting.rows == 10
    np.testing.assert_array_equal(vectors[:10], vectors[10:20])
    np.testing.assert_array_equal(vectors[:2], vectors[30:])


def test_passage_progress_counts_every_passage(embedder, report_passages):
    counts: list[int] = []
    embedder.encode_passages(report_passages, progress=counts.append)
    assert sum(counts) == len(report_passages) and len(counts) > 1


def test_onnx_query_vectors_match_the_sentence_transformers_model(embedder, torch_queries):
    questions = [q.question for q in load_questions(DEFAULT_QUESTIONS).questions]
    assert embedder.query_encoder == "onnx-fp32"
    onnx_vectors = embedder.encode_queries(questions)
    torch_vectors = torch_queries.encode_queries(questions)
    assert onnx_vectors.shape == torch_vectors.shape == (len(questions), 384)
    assert (onnx_vectors * torch_vectors).sum(axis=1).min() >= 0.999


def test_switching_the_passage_encoder_rebuilds_the_index(embedder, float_embedder, small_report):
    Assistant.load(small_report, embedder=embedder)
    assert read_manifest(small_report.index_dir)["passage_encoder"] in ("onnx-int8", "openvino-bf16")
    switched = Assistant.load(replace(small_report, passage_encoder="torch"), embedder=float_embedder)
    assert any("passage_encoder changed" in n for n in switched.notes)
    assert read_manifest(small_report.index_dir)["passage_encoder"] == "torch"
    assert switched.ask("Sigfox 在多少個國家提供服務？").quotes


def test_unknown_passage_encoder_is_refused(model_dir):
    with pytest.raises(ModelError, match="passage encoder must be one of auto, openvino-bf16, onnx-int8, torch"):
        Embedder.load(Settings(model=str(model_dir), passage_encoder="fp8"))


def test_unknown_query_encoder_is_refused(model_dir):
    with pytest.raises(ModelError, match="query encoder must be one of onnx, torch"):
        Embedder.load(Settings(model=str(model_dir), query_encoder="fp8"))


def test_changed_model_weights_make_the_export_stale(tmp_path):
    model = tmp_path / "model"
    (model / "onnx").mkdir(parents=True)
    (model / "model.safetensors").write_bytes(b"weights")
    onnx_path(model).write_bytes(b"graph")
    query_onnx_path(model).write_bytes(b"query graph")
    (model / "onnx" / QUERY_DATA).write_bytes(b"query weights")
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
    for name in ("export.json", QUERY_FILE):
        shutil.copy(model_dir / "onnx" / name, model / "onnx" / name)
    (model / "onnx" / QUERY_DATA).symlink_to(model_dir / "onnx" / QUERY_DATA)
    good = onnx_path(model_dir).read_bytes()
    onnx_path(model).write_bytes(good[: len(good) // 2])

    damaged = Embedder.load(Settings(model=str(model), passage_encoder="onnx-int8"))
    assert damaged.passage_onnx == onnx_path(model)  # the truncation is only found when the graph is read
    vectors = damaged.encode_passages(report_passages[:5])
    assert ((vectors * float_embedder.encode_passages(report_passages[:5])).sum(axis=1) >= 0.98).all()
    assert onnx_path(model).stat().st_size > len(good) // 2


@pytest.mark.parametrize("encoder", ENCODERS)
def test_indexing_and_asking_with_the_onnx_exports_never_load_the_torch_model(model_dir, small_report, encoder):
    lazy = Embedder.load(Settings(model=str(model_dir), passage_encoder=encoder))
    assert lazy.passage_encoder == encoder and not lazy.model_loaded
    index, _ = open_index(small_report, lazy, rebuild=True)
    assert index.dense.ntotal == len(index.chunks) and not lazy.model_loaded
    lazy.encode_queries(["Sigfox 在哪裡？"])
    assert not lazy.model_loaded


def test_torch_query_encoder_loads_the_sentence_transformers_model(torch_queries):
    assert torch_queries.query_encoder == "torch"
    torch_queries.encode_queries(["Sigfox 在哪裡？"])
    assert torch_queries.model_loaded


LOAD_WITHOUT_TORCH = """
import sys
from pathlib import Path
from assistant import Assistant
from assistant.config import Settings
root, model = Path(sys.argv[1]), sys.argv[2]
assistant = Assistant.load(Settings(root=root, corpus_dir=root / "corpus", embeddings_dir=root / "embeddings", model=model))
assert assistant.notes == [], assistant.notes
assert assistant.ask("Sigfox 在多少個國家提供服務？").quotes
print(sorted(m for m in ("torch", "transformers", "sentence_transformers", "openvino") if m in sys.modules))
"""


def test_loading_and_asking_an_indexed_corpus_imports_neither_torch_transformers_nor_openvino(
    model_dir, embedder, small_report
):
    Assistant.load(small_report, embedder=embedder)  # built here, so the child only loads
    args = [str(small_report.root), str(model_dir)]
    out = subprocess.run(
        [sys.executable, "-c", LOAD_WITHOUT_TORCH, *args], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_int8_encoder_embeds_the_same_with_or_without_the_float32_model_loaded(
    model_dir, embedder, report_passages
):
    lazy = Embedder.load(Settings(model=str(model_dir), passage_encoder="onnx-int8"))  # the Rust tokenizer alone
    eager = Embedder(embedder.model, embedder.model_id, passage_onnx=lazy.passage_onnx)  # transformers' tokenizer
    texts = report_passages + ["", "Ａ\u200b😀 x", report_passages[0] * 40]  # empty, odd characters, over 512 tokens
    np.testing.assert_array_equal(lazy.encode_passages(texts), eager.encode_passages(texts))
    assert not lazy.model_loaded


def test_an_openvino_that_cannot_run_says_how_to_index_without_it(model_dir, monkeypatch):
    from assistant import passage_runners

    def broken(*args, **kwargs):
        raise RuntimeError("no CPU plugin")

    monkeypatch.setattr(passage_runners, "OpenVinoRunner", broken)
    embedder = Embedder.load(Settings(model=str(model_dir), passage_encoder="openvino-bf16"))
    with pytest.raises(ModelError, match="OpenVINO cannot run the passage encoder.*PASSAGE_ENCODER=onnx-int8"):
        embedder.encode_passages(["一段文字"])
    assert not embedder.model_loaded  # nothing was exported again (no torch model loaded)
