"""Build, save and load the index: FAISS vectors, BM25, chunk and sentence stores, and a manifest."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import bm25s
import faiss
import numpy as np
from filelock import FileLock

from .chunking import Chunk, Chunker, Sentence, matching_text, section_sentences
from .config import INDEX_FORMAT_VERSION, Settings
from .embedding import Embedder
from .ingest import Corpus, Document, Section, SkippedFile, load_corpus
from .text import tokenize

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.ERROR)

TOKENIZER_VERSION = "cjk-unigram-bigram+latin-v1"
MANIFEST = "manifest.json"
_DENSE, _SENTENCE_VECTORS, _BM25 = "dense.faiss", "sentences.npy", "bm25"
_DOCUMENTS, _CHUNKS, _SENTENCES = "documents.json", "chunks.json", "sentences.json"


class IndexCorrupt(RuntimeError):
    """An index file is missing, truncated or does not match its recorded checksum."""


@dataclass
class Index:
    """Everything retrieval and answering read: documents, chunks, sentences, vectors and BM25."""

    manifest: dict
    documents: dict[str, Document]
    chunks: list[Chunk]
    sentences: list[Sentence]
    chunk_sentences: list[list[int]]
    dense: faiss.Index
    sentence_vectors: np.ndarray
    bm25: bm25s.BM25
    skipped: list[SkippedFile] = field(default_factory=list)

    def document(self, doc_id: str) -> Document:
        """Return the indexed document called `doc_id`."""
        return self.documents[doc_id]


def chunk_index_text(document: Document, chunk: Chunk) -> str:
    """Return what BM25 and the embedder read for a chunk: its heading path, then its joined text."""
    return f"{chunk.section}\n{matching_text(document, chunk.start, chunk.end)}"


def expected_manifest(corpus: Corpus, embedder: Embedder, settings: Settings) -> dict:
    """Return the manifest fields an index must carry to be current for this corpus, model and settings."""
    fields = {
        "format_version": INDEX_FORMAT_VERSION,
        "model": embedder.model_id,
        "dim": embedder.dim,
        "tokenizer": TOKENIZER_VERSION,
        "corpus_hash": corpus.fingerprint,
        **settings.manifest_fields(),
    }
    # Compare as the JSON on disk reads back (tuples become lists).
    return json.loads(json.dumps(fields))


def build_index(corpus: Corpus, embedder: Embedder, settings: Settings) -> Index:
    """Return a fresh in-memory index of `corpus` (nothing is written)."""
    chunker = Chunker(settings.chunker)
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    for doc in corpus.documents:
        chunks.extend(chunker.chunk_document(doc))
        for section in doc.sections:
            if section.kind != "toc":
                sentences.extend(section_sentences(doc, section))
    docs = {d.doc_id: d for d in corpus.documents}
    if not chunks:
        raise ValueError("the corpus has no text to index")

    chunk_texts = [chunk_index_text(docs[c.doc_id], c) for c in chunks]
    vectors = embedder.encode_passages(chunk_texts)
    dense = faiss.IndexFlatIP(vectors.shape[1])
    dense.add(vectors)
    sentence_vectors = embedder.encode_passages([matching_text(docs[s.doc_id], s.start, s.end) for s in sentences])
    bm25 = bm25s.BM25()
    bm25.index([tokenize(t) or [""] for t in chunk_texts], show_progress=False)

    manifest = {
        **expected_manifest(corpus, embedder, settings),
        "documents": {d.doc_id: d.sha256 for d in corpus.documents},
        "skipped": [asdict(s) for s in corpus.skipped],
        "chunk_count": len(chunks),
        "sentence_count": len(sentences),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    return Index(
        manifest, docs, chunks, sentences, _chunk_sentence_map(chunks, sentences),
        dense, sentence_vectors, bm25, list(corpus.skipped),
    )  # fmt: skip


def _chunk_sentence_map(chunks: list[Chunk], sentences: list[Sentence]) -> list[list[int]]:
    by_doc: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        by_doc.setdefault(s.doc_id, []).append(i)
    return [
        [i for i in by_doc.get(c.doc_id, []) if sentences[i].start < c.end and sentences[i].end > c.start]
        for c in chunks
    ]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _data_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.name != MANIFEST)


def save_index(index: Index, directory: Path) -> None:
    """Write `index` to `directory` atomically: into a temp dir beside it, then renamed into place."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}-build-", dir=directory.parent))
    try:
        docs = [
            {"doc_id": d.doc_id, "sha256": d.sha256, "text": d.text, "breaks": d.breaks,
             "sections": [asdict(s) for s in d.sections]}
            for d in index.documents.values()
        ]  # fmt: skip
        _write_json(tmp / _DOCUMENTS, docs)
        _write_json(tmp / _CHUNKS, [asdict(c) | {"text": None} for c in index.chunks])
        _write_json(tmp / _SENTENCES, [asdict(s) for s in index.sentences])
        faiss.write_index(index.dense, str(tmp / _DENSE))
        np.save(tmp / _SENTENCE_VECTORS, index.sentence_vectors, allow_pickle=False)
        index.bm25.save(str(tmp / _BM25), show_progress=False)
        manifest = dict(index.manifest)
        manifest["files"] = {p.relative_to(tmp).as_posix(): _sha256(p) for p in _data_files(tmp)}
        _write_json(tmp / MANIFEST, manifest)
        os.chmod(tmp, 0o755)
        _swap_into_place(tmp, directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _swap_into_place(new: Path, directory: Path) -> None:
    old = None
    if directory.exists():
        old = directory.with_name(f".{directory.name}-old-{os.getpid()}-{time.time_ns()}")
        os.replace(directory, old)
    os.replace(new, directory)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(directory: Path) -> None:
    """Delete temp directories that a build killed half way left beside the index (call under the lock)."""
    for pattern in (f".{directory.name}-build-*", f".{directory.name}-old-*"):
        for leftover in directory.parent.glob(pattern):
            log.warning("removing %s left by an interrupted build", leftover.name)
            shutil.rmtree(leftover, ignore_errors=True)


def _write_json(path: Path, obj: object) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")


def read_manifest(directory: Path) -> dict | None:
    """Return the index manifest in `directory`, or None when there is none or it is unreadable."""
    try:
        manifest = json.loads((Path(directory) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def load_index(directory: Path) -> Index:
    """Return the index saved in `directory`, after checking every file against the manifest.

    Raises:
        IndexCorrupt: the manifest or a data file is missing, altered or unreadable.
    """
    directory = Path(directory)
    manifest = read_manifest(directory)
    if manifest is None or not isinstance(manifest.get("files"), dict):
        raise IndexCorrupt(f"no readable manifest in {directory}")
    for name, digest in manifest["files"].items():
        path = directory / name
        if not path.is_file():
            raise IndexCorrupt(f"index file missing: {name}")
        if _sha256(path) != digest:
            raise IndexCorrupt(f"index file damaged (checksum mismatch): {name}")
    try:
        docs: dict[str, Document] = {}
        for d in json.loads((directory / _DOCUMENTS).read_text(encoding="utf-8")):
            sections = tuple(Section(**(s | {"path": tuple(s["path"])})) for s in d["sections"])
            breaks = tuple(tuple(b) for b in d["breaks"])
            docs[d["doc_id"]] = Document(d["doc_id"], d["text"], d["sha256"], sections, breaks)
        chunks = [
            Chunk(**(c | {"text": docs[c["doc_id"]].text[c["start"] : c["end"]]}))
            for c in json.loads((directory / _CHUNKS).read_text(encoding="utf-8"))
        ]
        sentences = [Sentence(**s) for s in json.loads((directory / _SENTENCES).read_text(encoding="utf-8"))]
        dense = faiss.read_index(str(directory / _DENSE))
        sentence_vectors = np.load(directory / _SENTENCE_VECTORS, allow_pickle=False)
        bm25 = bm25s.BM25.load(str(directory / _BM25), show_progress=False)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexCorrupt(f"index in {directory} cannot be read: {exc}") from exc
    if dense.ntotal != len(chunks) or len(sentence_vectors) != len(sentences):
        raise IndexCorrupt("index parts disagree on the number of chunks or sentences")
    skipped = [SkippedFile(**s) for s in manifest.get("skipped", [])]
    return Index(
        manifest, docs, chunks, sentences, _chunk_sentence_map(chunks, sentences),
        dense, sentence_vectors, bm25, skipped,
    )  # fmt: skip


def stale_reasons(manifest: dict | None, expected: dict) -> list[str]:
    """Return why an index with `manifest` is not current (empty when it is)."""
    if manifest is None:
        return ["no index built yet"]
    labels = {"corpus_hash": "the corpus changed", "model": "the embedding model changed"}
    return [
        labels.get(key, f"{key} changed ({manifest.get(key)!r} -> {value!r})")
        for key, value in expected.items()
        if manifest.get(key) != value
    ]


def open_index(settings: Settings, embedder: Embedder, rebuild: bool = False) -> tuple[Index, list[str]]:
    """Return the current index for `settings`, building it when missing, stale or damaged.

    The second value lists what happened (e.g. 'rebuilt: the corpus changed'), for the user.
    Builds hold a lock, so two processes never write the index at once.
    """
    corpus = load_corpus(settings.corpus_dir, settings.root)
    expected = expected_manifest(corpus, embedder, settings)
    directory = settings.index_dir
    notes: list[str] = [f"skipped {s.path}: {s.reason}" for s in corpus.skipped]
    settings.embeddings_dir.mkdir(parents=True, exist_ok=True)
    if not rebuild:
        reasons = stale_reasons(read_manifest(directory), expected)
        if not reasons:
            try:
                return load_index(directory), notes
            except IndexCorrupt as exc:
                reasons = [str(exc)]
        log.warning("building the index: %s", "; ".join(reasons))
        notes.append("index rebuilt: " + "; ".join(reasons))
    with FileLock(str(settings.embeddings_dir / ".build.lock")):
        _remove_leftovers(directory)
        # Another process may have finished the same build while we waited for the lock.
        if not rebuild and not stale_reasons(read_manifest(directory), expected):
            try:
                return load_index(directory), notes
            except IndexCorrupt:
                pass
        log.info("building the index of %d document(s) in %s", len(corpus.documents), directory)
        index = build_index(corpus, embedder, settings)
        save_index(index, directory)
    return index, notes
