"""Add reports to the corpus folder and remove them, checking first so a refused request changes nothing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings
from .ingest import CorpusError, corpus_files, load_corpus, read_document, source_name
from .readers import READABLE_SUFFIXES

if TYPE_CHECKING:
    from .embedding import Embedder
    from .index import Index


@dataclass(frozen=True)
class Added:
    """A report copied into the corpus: its file there and the name answers cite it by."""

    path: Path
    doc_id: str


def add_reports(files: list[Path], settings: Settings, shown: Callable[[Path], str] = str) -> list[Added]:
    """Copy readable reports into the corpus folder and return them; on any problem copy none.

    Args:
        files: the reports to add.
        settings: where the corpus folder is, and the readers' limits.
        shown: how a file is named in a refusal (the page names an upload by its file name, not its temp path).

    Raises:
        CorpusError: a file is missing, hidden, not a readable report, already in the corpus (same name or
            same content), or given twice.
    """
    corpus_dir = Path(settings.corpus_dir)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    known = _known_contents(settings)
    planned: list[tuple[Path, Path]] = []
    for file in map(Path, files):
        target = corpus_dir / file.name
        name = source_name(target, corpus_dir, settings.root)
        _check_kind(file, shown(file))
        anywhere = Path(file.resolve().anchor)  # the user named this file: where it lies is not checked
        refusal, document = read_document(file, name, anywhere, settings.max_corpus_file_bytes, settings.readers)
        if refusal is not None:  # read_document gives a refusal or a document
            raise CorpusError(f"cannot add {shown(file)}: {refusal.reason}", f"{shown(file)} {refusal.chinese}")
        if os.path.lexists(target) or any(t == target for _, t in planned):
            raise CorpusError(
                f"cannot add {shown(file)}: the corpus already has a file called {name}", f"已有同名的報告 {name}"
            )
        if document.sha256 in known:
            raise CorpusError(
                f"cannot add {shown(file)}: it has the same content as {known[document.sha256]}",
                f"{shown(file)} 與 {known[document.sha256]} 內容相同",
            )
        known[document.sha256] = shown(file)
        planned.append((file, target))
    added: list[Added] = []
    try:
        for file, target in planned:
            partial = target.with_name(f".{target.name}.adding")  # hidden: never read as a report while copied
            try:
                shutil.copyfile(file, partial)
                os.replace(partial, target)
            finally:
                partial.unlink(missing_ok=True)
            added.append(Added(target, source_name(target, corpus_dir, settings.root)))
    except BaseException:  # a full disk or Ctrl-C half way: all or none
        for report in added:
            report.path.unlink(missing_ok=True)
        raise
    return added


def add_and_index(
    files: list[Path],
    settings: Settings,
    embedder: Embedder | Callable[[], Embedder],
    shown: Callable[[Path], str] = str,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Added], Index, list[str]]:
    """Add reports as `trip-assistant add` does (checked first, all or none), then update the index, embedding
    only the new reports; return them, the index and its notes. If the index cannot be built, the copies are
    deleted again, so the corpus folder matches the index in use.

    Raises:
        CorpusError: as `add_reports`; nothing was copied.
    """
    from .embedding import Embedder
    from .index import open_index

    added = add_reports(files, settings, shown)
    try:
        if not isinstance(embedder, Embedder):
            embedder = embedder()  # loaded only once the files passed their checks: a refusal stays quick
        index, notes = open_index(settings, embedder, progress=progress)
    except BaseException:
        for report in added:
            report.path.unlink(missing_ok=True)
        raise
    return added, index, notes


def _known_contents(settings: Settings) -> dict[str, str]:
    """Return {sha256 of the file's bytes: its name} for the reports in the corpus folder."""
    try:
        corpus = load_corpus(settings.corpus_dir, settings.root, settings.max_corpus_file_bytes, settings.readers)
    except CorpusError:
        return {}
    return {d.sha256: d.doc_id for d in corpus.documents}


def remove_report(name: str, settings: Settings) -> Path:
    """Delete the corpus report called `name` (its cited name, its path in the corpus folder or its file name).

    Raises:
        CorpusError: no report or more than one has that name, or it is the last readable one.
    """
    corpus_dir = Path(settings.corpus_dir)
    matches = [
        path
        for path in corpus_files(corpus_dir)
        if name in (source_name(path, corpus_dir, settings.root), path.relative_to(corpus_dir).as_posix(), path.name)
    ]
    if not matches:
        raise CorpusError(f"cannot remove {name}: no report of that name in {corpus_dir}")
    if len(matches) > 1:
        listed = ", ".join(source_name(p, corpus_dir, settings.root) for p in matches)
        raise CorpusError(f"cannot remove {name}: it names {len(matches)} reports ({listed}); give the full name")
    path = matches[0]
    corpus = load_corpus(corpus_dir, settings.root, settings.max_corpus_file_bytes, settings.readers)
    doc_id = source_name(path, corpus_dir, settings.root)
    if [d.doc_id for d in corpus.documents] == [doc_id]:
        raise CorpusError(f"cannot remove {name}: it is the only readable report (the index needs one)")
    path.unlink()
    return path


def _check_kind(file: Path, label: str) -> None:
    """Refuse, before reading it, a file that is no report file: a folder, another type, a hidden or missing file.

    Raises:
        CorpusError: the one-line reason, in English and in Chinese.
    """
    if file.is_dir():
        raise CorpusError(f"cannot add {label}: it is a folder; name the report files in it", f"{label} 是資料夾")
    if file.suffix.lower() not in READABLE_SUFFIXES:
        raise CorpusError(
            f"cannot add {label}: only {', '.join(READABLE_SUFFIXES)} reports are read",
            f"{label} 不是可讀的報告檔（{'、'.join(READABLE_SUFFIXES)}）",
        )
    if file.name.startswith("."):
        raise CorpusError(
            f"cannot add {label}: a file name starting with '.' is never read as a report",
            f"{label} 以「.」開頭，不會當作報告讀取",
        )
    if not file.is_file():
        raise CorpusError(f"cannot add {label}: no such file", f"找不到 {label}")
