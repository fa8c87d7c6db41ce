"""Build, save and load the index: FAISS vectors, BM25, chunk and sentence stores, and a manifest."""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType

import faiss
import numpy as np
from filelock import FileLock

from .atomic import atomic_directory, write_json
from .chunking import Chunk, Chunker, Sentence, matching_text, section_sentences
from .config import INDEX_FORMAT_VERSION, Settings
from .embedding import Embedder
from .ingest import Corpus, Document, Section, SkippedFile, load_corpus
from .text.tokens import tokenize


def _import_bm25s() -> ModuleType:
    """Import bm25s without numba or scipy: it imports both when they are installed (numba comes with ranx, the
    eval's metrics) for backends the index never uses (its default numpy backend scores, with numpy's CSC arrays),
    and they cost a cold start about 0.5 s. Modules already imported are left as they are. Runs once, when this
    module is first imported (under the import lock), so no other import sees the two blocked for long."""
    import sys

    blocked = [name for name in ("numba", "scipy.sparse") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import numba` raise ImportError
    try:
        import bm25s
    finally:
        for name in blocked:
            del sys.modules[name]
    return bm25s


bm25s = _import_bm25s()
log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.ERROR)

TOKENIZER_VERSION = "cjk-unigram-bigram+latin+dates-v3"  # v3: 6月18號 is a date
MANIFEST = "manifest.json"
BUILD_LOCK = ".build.lock"
NO_INDEX = "no index built yet"
CORPUS_CHANGED = "the corpus changed"
_DENSE, _SENTENCE_VECTORS, _BM25 = "dense.faiss", "sentences.npy", "bm25"
_DOCUMENTS, _CHUNKS, _SENTENCES = "documents.json", "chunks.json", "sentences.json"
_EMBED_BLOCK = 8192  # passages embedded, then added to the index, at a time
# Sentence vectors only rescore a handful of sentences per question; half precision halves their memory.
SENTENCE_VECTOR_DTYPE = np.float16


class IndexCorrupt(RuntimeError):
    """An index file is missing, truncated or does not match its recorded checksum."""


class IndexLockError(RuntimeError):
    """The build lock cannot be taken (something that is not a lock file is in its place)."""


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
    _by_document: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def document(self, doc_id: str) -> Document:
        """Return the indexed document called `doc_id`."""
        return self.documents[doc_id]

    def sentences_within(self, doc_id: str, start: int, end: int) -> list[int]:
        """Return the ids of `doc_id`'s sentences starting within [start, end), in reading order."""
        if not self._by_document:  # each document's sentence ids, gathered once
            for i, sentence in enumerate(self.sentences):
                self._by_document.setdefault(sentence.doc_id, []).append(i)
        return [i for i in self._by_document.get(doc_id, []) if start <= self.sentences[i].start < end]


def chunk_index_text(document: Document, chunk: Chunk) -> str:
    """Return what BM25 and the embedder read for a chunk: its heading path, then its joined text."""
    return f"{chunk.section}\n{matching_text(document, chunk.start, chunk.end)}"


def expected_manifest(corpus: Corpus, embedder: Embedder, settings: Settings) -> dict:
    """Return the manifest fields an index must carry to be current for this corpus, model and settings."""
    fields = {
        "format_version": INDEX_FORMAT_VERSION,
        "model": embedder.model_id,
        "passage_encoder": embedder.passage_encoder,
        "passage_graph": embedder.passage_graph,
        "dim": embedder.dim,
        "tokenizer": TOKENIZER_VERSION,
        "corpus_hash": corpus.fingerprint,
        **settings.manifest_fields(),
    }
    # Compare as the JSON on disk reads back (tuples become lists).
    return json.loads(json.dumps(fields))


def build_index(
    corpus: Corpus,
    embedder: Embedder,
    settings: Settings,
    previous: Index | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Index:
    """Return an in-memory index of `corpus` (nothing is written).

    With a `previous` index built by the same model and settings, documents whose content hash
    is unchanged keep their vectors; only new or changed documents are embedded.

    Args:
        progress: called with (texts embedded so far, texts to embed) as embedding advances.
    """
    docs = {d.doc_id: d for d in corpus.documents}
    old = _reusable_vectors(previous, expected_manifest(corpus, embedder, settings))
    chunks, sentences, rows = _plan(corpus, Chunker(settings.chunker), old)
    del old
    chunk_texts = [chunk_index_text(docs[c.doc_id], c) for c in chunks]
    n_chunks = len(chunks)

    def text_of(i: int) -> str:
        if i < n_chunks:
            return chunk_texts[i]
        s = sentences[i - n_chunks]
        return matching_text(docs[s.doc_id], s.start, s.end)

    # BM25 first: its build briefly needs ~3x its final size, best paid before any vector exists.
    bm25 = _bm25_index(chunk_texts)
    dense, sentence_vectors = _embed(rows, n_chunks, text_of, embedder, progress)
    manifest = {
        **expected_manifest(corpus, embedder, settings),
        "documents": {d.doc_id: d.sha256 for d in corpus.documents},
        "skipped": [asdict(s) for s in corpus.skipped],
        "chunk_count": len(chunks),
        "sentence_count": len(sentences),
        "embedded_chunks": sum(r is None for r in rows[:n_chunks]),
        "embedded_sentences": sum(r is None for r in rows[n_chunks:]),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    return Index(
        manifest, docs, chunks, sentences, _chunk_sentence_map(chunks, sentences),
        dense, sentence_vectors, bm25, list(corpus.skipped),
    )  # fmt: skip


def _plan(corpus: Corpus, chunker: Chunker, old: dict) -> tuple[list[Chunk], list[Sentence], list[np.ndarray | None]]:
    """Return the corpus's chunks, its sentences, and a row for each (chunks, then sentences): the vector reused
    from the previous index when the document and its cuts are unchanged, else None (to embed)."""
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    rows: list[np.ndarray | None] = []
    sentence_rows: list[np.ndarray | None] = []
    for doc in corpus.documents:
        doc_chunks = chunker.chunk_document(doc)
        doc_sentences = [s for sec in doc.sections if sec.kind != "toc" for s in section_sentences(doc, sec)]
        reused = old.get((doc.doc_id, doc.sha256))
        if reused and reused[0] == doc_chunks and reused[2] == doc_sentences:
            rows.extend(reused[1])
            sentence_rows.extend(reused[3])
        else:
            rows.extend([None] * len(doc_chunks))
            sentence_rows.extend([None] * len(doc_sentences))
        chunks.extend(doc_chunks)
        sentences.extend(doc_sentences)
    if not chunks:
        raise ValueError("the corpus has no text to index")
    return chunks, sentences, rows + sentence_rows


def _embed(
    rows: list[np.ndarray | None],
    n_chunks: int,
    text_of: Callable[[int], str],
    embedder: Embedder,
    progress: Callable[[int, int], None] | None,
) -> tuple[faiss.Index, np.ndarray]:
    """Return the chunks' FAISS index and the sentences' vectors, embedding the rows without a reused vector."""
    dense = faiss.IndexFlatIP(embedder.dim)
    sentence_vectors = np.empty((len(rows) - n_chunks, embedder.dim), dtype=SENTENCE_VECTOR_DTYPE)

    def stored(i: int) -> np.ndarray:
        return dense.reconstruct(i) if i < n_chunks else sentence_vectors[i - n_chunks].astype(np.float32)

    # Chunks and sentences in one stream, so batches mix them by length and identical texts embed once.
    at = 0
    for block in _embedded_blocks(rows, text_of, embedder, stored, progress):
        take = max(0, min(len(block), n_chunks - at))
        if take:
            dense.add(np.ascontiguousarray(block[:take]))
        if take < len(block):
            sentence_vectors[at + take - n_chunks : at + len(block) - n_chunks] = block[take:]
        at += len(block)
    return dense, sentence_vectors


def _embedded_blocks(
    rows: list[np.ndarray | None],
    text_of: Callable[[int], str],
    embedder: Embedder,
    stored: Callable[[int], np.ndarray],
    progress: Callable[[int, int], None] | None,
) -> Iterator[np.ndarray]:
    """Yield the float32 vectors of `rows` in order, in blocks, embedding the rows that are None.

    A text met earlier in the stream (a repeated paragraph, a report filed twice) takes the vector
    already made for it (`stored(row)` for an earlier block), so each distinct text is embedded once.
    Blocks keep what is held at once small: one block's vectors, never a second copy of all of them.
    """
    seen: dict[bytes, int] = {}
    dim = embedder.dim
    todo = sum(r is None for r in rows)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, todo)

    if progress:
        progress(0, todo)
    for lo in range(0, len(rows), _EMBED_BLOCK):
        part = rows[lo : lo + _EMBED_BLOCK]
        out = np.zeros((len(part), dim), dtype=np.float32)
        embed: list[int] = []
        embed_texts: list[str] = []
        copies: list[tuple[int, int]] = []  # (row in this block, earlier row in the stream)
        for i, row in enumerate(part):
            if row is not None:
                out[i] = row
                continue
            text = text_of(lo + i)
            key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
            first = seen.setdefault(key, lo + i)
            if first < lo:
                copies.append((i, first))
                advance(1)
            else:
                embed.append(i)
                embed_texts.append(text)  # identical texts within the block: encode_passages embeds them once
        if embed:
            out[embed] = embedder.encode_passages(embed_texts, progress=_counted(advance, len(embed), embed_texts))
        for i, first in copies:
            out[i] = stored(first)
        yield out


def _counted(advance: Callable[[int], None], rows: int, texts: list[str]) -> Callable[[int], None]:
    """Return a progress callback for one encode call, scaled from its distinct texts to all its `rows`."""
    distinct = len(set(texts))
    if distinct == rows:
        return advance
    reported = 0
    seen_distinct = 0

    def scaled(n: int) -> None:
        nonlocal reported, seen_distinct
        seen_distinct += n
        target = rows if seen_distinct >= distinct else seen_distinct * rows // distinct
        advance(target - reported)
        reported = target

    return scaled


def _bm25_index(texts: list[str]) -> bm25s.BM25:
    """Return BM25 over `texts`, each held as int32 token ids while indexing (strings took ~90 bytes a token)."""
    vocab: dict[str, int] = {}
    ids = [np.fromiter((vocab.setdefault(t, len(vocab)) for t in tokenize(text) or [""]), np.int32) for text in texts]
    bm25 = bm25s.BM25()
    bm25.index((ids, vocab), show_progress=False)
    return bm25


def _reusable_vectors(previous: Index | None, expected: dict) -> dict:
    """Return {(doc_id, sha256): (chunks, chunk vectors, sentences, sentence vectors)} from `previous`.

    Only an index built by the same model, dimension, tokenizer and chunker can lend vectors.
    """
    if previous is None or any(previous.manifest.get(k) != v for k, v in expected.items() if k != "corpus_hash"):
        return {}
    chunk_vectors = previous.dense.reconstruct_n(0, previous.dense.ntotal)
    chunk_ids: dict[str, list[int]] = {}
    sentence_ids: dict[str, list[int]] = {}
    for i, c in enumerate(previous.chunks):
        chunk_ids.setdefault(c.doc_id, []).append(i)
    for i, s in enumerate(previous.sentences):
        sentence_ids.setdefault(s.doc_id, []).append(i)
    out = {}
    for doc_id, doc in previous.documents.items():
        c_ids, s_ids = chunk_ids.get(doc_id, []), sentence_ids.get(doc_id, [])
        out[(doc_id, doc.sha256)] = (
            [previous.chunks[i] for i in c_ids], list(chunk_vectors[c_ids]),
            [previous.sentences[i] for i in s_ids], list(previous.sentence_vectors[s_ids]),
        )  # fmt: skip
    return out


def _chunk_sentence_map(chunks: list[Chunk], sentences: list[Sentence]) -> list[list[int]]:
    """Return, for each chunk, the ids of the sentences that overlap it."""
    by_doc: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        by_doc.setdefault(s.doc_id, []).append(i)
    starts = {d: [sentences[i].start for i in ids] for d, ids in by_doc.items()}
    ends = {d: [sentences[i].end for i in ids] for d, ids in by_doc.items()}
    out = []
    for c in chunks:
        ids = by_doc.get(c.doc_id, [])
        lo = bisect.bisect_right(ends.get(c.doc_id, []), c.start)
        hi = bisect.bisect_left(starts.get(c.doc_id, []), c.end)
        out.append(ids[lo:hi])
    return out


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
    with atomic_directory(directory, f".{directory.name}-build-") as tmp:
        docs = [
            {"doc_id": d.doc_id, "sha256": d.sha256, "text": d.text, "breaks": d.breaks, "page_starts": d.page_starts,
             "sections": [asdict(s) for s in d.sections]}
            for d in index.documents.values()
        ]  # fmt: skip
        write_json(tmp / _DOCUMENTS, docs)
        write_json(tmp / _CHUNKS, [asdict(c) | {"text": None} for c in index.chunks])
        write_json(tmp / _SENTENCES, [asdict(s) for s in index.sentences])
        faiss.write_index(index.dense, str(tmp / _DENSE))
        np.save(tmp / _SENTENCE_VECTORS, index.sentence_vectors, allow_pickle=False)
        index.bm25.save(str(tmp / _BM25), show_progress=False)
        manifest = dict(index.manifest)
        manifest["files"] = {p.relative_to(tmp).as_posix(): _sha256(p) for p in _data_files(tmp)}
        write_json(tmp / MANIFEST, manifest)


def _remove_leftovers(directory: Path) -> None:
    """Delete temp directories that a build killed half way left beside the index (call under the lock)."""
    for pattern in (f".{directory.name}-build-*", f".{directory.name}-old-*"):
        for leftover in directory.parent.glob(pattern):
            log.warning("removing %s left by an interrupted build", leftover.name)
            shutil.rmtree(leftover, ignore_errors=True)


def read_manifest(directory: Path) -> dict | None:
    """Return the index manifest in `directory`, or None when there is none or it is unreadable."""
    try:
        manifest = json.loads((Path(directory) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def manifest_problem(directory: Path) -> str:
    """Return why `directory` has no usable manifest: none was written yet, or the one there is damaged."""
    path = Path(directory) / MANIFEST
    if not os.path.lexists(path):
        return NO_INDEX
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return f"the index manifest cannot be read ({exc.strerror})"
    except ValueError as exc:
        return f"the index manifest is damaged ({type(exc).__name__}: {exc})"
    return "" if isinstance(manifest, dict) else "the index manifest is damaged (not a JSON object)"


def load_index(directory: Path) -> Index:
    """Return the index saved in `directory`, after checking every file against the manifest.

    Raises:
        IndexCorrupt: the manifest or a data file is missing, altered or unreadable.
    """
    directory = Path(directory)
    manifest = read_manifest(directory)
    if manifest is None or not isinstance(manifest.get("files"), dict):
        raise IndexCorrupt(f"{manifest_problem(directory) or 'the index manifest lists no files'} in {directory}")
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
            page_starts = tuple(d.get("page_starts", ()))
            docs[d["doc_id"]] = Document(d["doc_id"], d["text"], d["sha256"], sections, breaks, page_starts)
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
        return [NO_INDEX]
    labels = {"corpus_hash": CORPUS_CHANGED, "model": "the embedding model changed"}
    return [
        labels.get(key, f"{key} changed ({manifest.get(key)!r} -> {value!r})")
        for key, value in expected.items()
        if manifest.get(key) != value
    ]


def open_index(
    settings: Settings,
    embedder: Embedder,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Index, list[str]]:
    """Return the current index for `settings`, building it when missing, stale or damaged.

    The second value lists what happened (e.g. 'rebuilt: the corpus changed'), for the user.
    Builds hold a lock, so two processes never write the index at once; an interrupted build
    (Ctrl-C, a kill) leaves the previous index in place. `progress` is as for `build_index`.
    """
    corpus = load_corpus(settings.corpus_dir, settings.root, settings.max_corpus_file_bytes, settings.readers)
    expected = expected_manifest(corpus, embedder, settings)
    directory = settings.index_dir
    notes: list[str] = [f"skipped {s.path}: {s.reason}" for s in corpus.skipped]
    settings.embeddings_dir.mkdir(parents=True, exist_ok=True)
    previous = None
    if not rebuild:
        manifest = read_manifest(directory)
        reasons = stale_reasons(manifest, expected) if manifest is not None else [manifest_problem(directory)]
        try:
            if not reasons:
                return load_index(directory), notes
            if reasons == [CORPUS_CHANGED]:
                previous = load_index(directory)  # only the corpus changed: lend unchanged documents' vectors
        except IndexCorrupt as exc:
            reasons = [str(exc)]
        log.warning("building the index: %s", "; ".join(reasons))
        notes.append("index rebuilt: " + "; ".join(reasons))
    with build_lock(settings.embeddings_dir / BUILD_LOCK):
        _remove_leftovers(directory)
        # Another process may have finished the same build while we waited for the lock.
        if not rebuild and not stale_reasons(read_manifest(directory), expected):
            try:
                return load_index(directory), notes
            except IndexCorrupt:
                pass
        log.info("building the index of %d document(s) in %s", len(corpus.documents), directory)
        index = build_index(corpus, embedder, settings, previous, progress)
        save_index(index, directory)
    return index, notes


@contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold the lock that keeps two builds from writing the index at once.

    An empty folder where the lock file belongs (left by hand or a broken copy) is removed with a
    warning; anything else there is a one-line IndexLockError saying what to remove.
    """
    path = Path(path)
    if path.is_dir() and not path.is_symlink():
        try:
            path.rmdir()
        except OSError:
            raise IndexLockError(
                f"the build lock {path} is a folder with files in it; move it away and try again"
            ) from None
        log.warning("removed an empty folder where the build lock file %s belongs", path)
    lock = FileLock(str(path))
    try:
        lock.acquire()
    except OSError as exc:
        raise IndexLockError(f"cannot take the build lock {path} ({exc.strerror}); remove it and try again") from exc
    try:
        yield
    finally:
        lock.release()
