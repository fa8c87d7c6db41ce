"""Export a mean-pooling sentence-transformers model to ONNX: an int8 passage encoder and a float32 query encoder.

Indexing embeds every chunk and sentence of the corpus through the int8 copy; queries go through the
float32 copy, which gives the float32 model's vectors without importing torch at query time (torch is
only needed here, once, to export).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import warnings
from pathlib import Path

log = logging.getLogger(__name__)

ONNX_DIR = "onnx"
ONNX_FILE = "model_qint8.onnx"
QUERY_FILE = "model_fp32.onnx"
# The query graph's weights sit in a file of their own, which onnxruntime maps instead of copying:
# a session opens in ~0.13 s instead of ~0.9 s (470 MB of float32 weights).
QUERY_DATA = "model_fp32.onnx.data"
META_FILE = "export.json"
# Bumped when the exported graph or the quantization changes, so old exports are redone.
# 2: attention exported from the eager implementation (no SDPA NaN guards: ~13% less CPU a passage),
#    and the float32 graph kept as the query encoder.
EXPORT_VERSION = 2


class ExportUnsupported(RuntimeError):
    """The model's pooling is not the mean-then-normalize this export reproduces."""


def onnx_path(model_dir: Path) -> Path:
    """Return where the int8 ONNX copy of the model in `model_dir` lives."""
    return Path(model_dir) / ONNX_DIR / ONNX_FILE


def query_onnx_path(model_dir: Path) -> Path:
    """Return where the float32 ONNX query encoder of the model in `model_dir` lives."""
    return Path(model_dir) / ONNX_DIR / QUERY_FILE


def source_fingerprint(model_dir: Path) -> dict[str, list[int]]:
    """Return [size, mtime_ns] of each weights file in `model_dir` (what an export derives from), as JSON reads it back."""
    out = {}
    for path in sorted(Path(model_dir).glob("*.safetensors")) + sorted(Path(model_dir).glob("*.bin")):
        stat = path.stat()
        out[path.name] = [stat.st_size, stat.st_mtime_ns]
    return out


def is_exported(model_dir: Path) -> bool:
    """Return True when `model_dir` holds both ONNX exports made by this code from its current weights."""
    meta = Path(model_dir) / ONNX_DIR / META_FILE
    try:
        recorded = json.loads(meta.read_text("utf-8"))
        return (
            onnx_path(model_dir).is_file()
            and query_onnx_path(model_dir).is_file()
            and (Path(model_dir) / ONNX_DIR / QUERY_DATA).is_file()
            and recorded.get("version") == EXPORT_VERSION
            and recorded.get("source") == source_fingerprint(model_dir)
        )
    except (OSError, ValueError, AttributeError):
        return False


def supports(model) -> bool:
    """Return True when `model` (a SentenceTransformer) is transformer -> mean pooling [-> normalize]."""
    modules = list(model)
    if len(modules) < 2 or type(modules[0]).__name__ != "Transformer" or type(modules[1]).__name__ != "Pooling":
        return False
    if len(modules) > 3 or (len(modules) == 3 and type(modules[2]).__name__ != "Normalize"):
        return False
    return getattr(modules[1], "pooling_mode", None) == "mean" or bool(
        getattr(modules[1], "pooling_mode_mean_tokens", False)
    )


def export(model, model_dir: Path) -> Path:
    """Write the int8 passage and float32 query ONNX copies of `model` (loaded from `model_dir`); return the int8 path.

    Both graphs take `input_ids` and `attention_mask` (rows padded, any batch) and return L2-normalized
    mean-pooled vectors. The int8 copy's weights are quantized per output channel (cosine to the
    float32 model >= 0.98 on the report's passages, tested); the float32 copy reproduces the model's
    query vectors (cosine >= 0.999, tested).

    Raises:
        ExportUnsupported: the model does not pool by mean.
    """
    import torch

    if not supports(model):
        raise ExportUnsupported("only transformer + mean pooling models can be exported")
    encoder = model[0].auto_model.eval()
    # The eager attention exports as plain MatMul/Softmax; SDPA's export adds NaN guards (IsNaN, Where)
    # that cost ~13% of the CPU time a passage takes. Same vectors; restored after the export.
    previous_attention = getattr(encoder.config, "_attn_implementation", None)
    _set_attention(encoder, "eager")

    class MeanPooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask):
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    out_dir = Path(model_dir) / ONNX_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    sample = model.tokenizer(["passage: 出國報告 trip report"], return_tensors="pt")
    try:
        with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
            _export_graphs(MeanPooled(), sample, Path(tmp), model_dir)
    finally:
        if previous_attention:
            _set_attention(encoder, previous_attention)
    meta = {
        "version": EXPORT_VERSION,
        "weights": {ONNX_FILE: "int8 per channel", QUERY_FILE: "float32"},
        "source": source_fingerprint(model_dir),
    }
    (out_dir / META_FILE).write_text(json.dumps(meta), "utf-8")
    log.info("exported ONNX passage and query encoders to %s", out_dir)
    return onnx_path(model_dir)


def _set_attention(encoder, implementation: str) -> None:
    """Switch a transformers model's attention implementation (eager/sdpa) in place."""
    setter = getattr(encoder, "set_attn_implementation", None)
    if setter is not None:
        setter(implementation)
    else:
        encoder.config._attn_implementation = implementation


def _export_graphs(module, sample, tmp: Path, model_dir: Path) -> None:
    """Trace `module` to a float32 graph, quantize it to int8, and move both into `model_dir`'s onnx folder."""
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    float_path, int8_path = tmp / "traced.onnx", tmp / ONNX_FILE
    # The tracer's and quantizer's advice (about tracing Python conditionals, pre-processing) does
    # not apply to this fixed graph; the exported copy is checked against the float32 model in tests.
    root = logging.getLogger()
    level = root.level
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            (sample["input_ids"], sample["attention_mask"]),
            str(float_path),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}},
            opset_version=17,
            dynamo=False,
        )
    # DefaultTensorType: shape inference cannot type some of the exported graph's intermediates.
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(
            str(float_path),
            str(int8_path),
            weight_type=QuantType.QInt8,
            per_channel=True,
            extra_options={"DefaultTensorType": 1},
        )
    finally:
        root.setLevel(level)
    graph = onnx.load(str(float_path))
    onnx.save_model(graph, str(tmp / QUERY_FILE), save_as_external_data=True, location=QUERY_DATA, size_threshold=1024)
    del graph
    os.replace(int8_path, onnx_path(model_dir))
    os.replace(tmp / QUERY_DATA, Path(model_dir) / ONNX_DIR / QUERY_DATA)
    os.replace(tmp / QUERY_FILE, query_onnx_path(model_dir))
