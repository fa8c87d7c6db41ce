"""Read the corpus folder into Documents whose sections know their exact character spans."""

from __future__ import annotations

import bisect
import hashlib
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .config import ReaderSettings, Settings
from .readers import READABLE_SUFFIXES, UnreadableFile, read_text_file
from .template import Template, read_template, section_pages, toc_pages
from .text.layout import heading_level, page_breaks
from .text.normalize import fold

log = logging.getLogger(__name__)

CORPUS_SUFFIXES = READABLE_SUFFIXES
SECTION_SEPARATOR = " › "
COVER_TITLE = "封面"
TOC_TITLE = "目錄"
_TOC_LINE_RE = re.compile(r"^\s*目\s*[錄录次]\s*$")


class CorpusError(RuntimeError):
    """The corpus folder is missing or holds no readable report, or a report was refused; `chinese` says why in
    Chinese for the page, where staff read it ("" when only the English message is given)."""

    def __init__(self, message: str, chinese: str = "") -> None:
        super().__init__(message)
        self.chinese = chinese


@dataclass(frozen=True)
class Refusal:
    """Why a file is not read as a report: one line in English (the log, the command line) and the same reason in
    Chinese as the page says it after the file's name ("是空檔案")."""

    reason: str
    chinese: str


@dataclass(frozen=True)
class Section:
    """A heading's span: `text[start:end]` is the heading line and its body up to the next heading."""

    path: tuple[str, ...]
    kind: str  # "cover", "toc" or "body"
    start: int
    body_start: int
    end: int

    @property
    def label(self) -> str:
        """Return the heading path joined for display, e.g. '參、行程紀要 › 二、…'."""
        return SECTION_SEPARATOR.join(self.path)


@dataclass(frozen=True)
class Document:
    """One corpus file: its stored text, sections, page-break spans and, for a PDF, where each page starts
    (offsets index `text`)."""

    doc_id: str
    text: str
    sha256: str
    sections: tuple[Section, ...]
    breaks: tuple[tuple[int, int], ...] = ()
    page_starts: tuple[int, ...] = ()

    def section_at(self, offset: int) -> Section:
        """Return the section containing character `offset`."""
        return self.sections[self._section_index(offset)]

    def top_sections(self, word: str) -> list[Section]:
        """Return the top-level sections whose heading holds `word` (心得 of "肆、心得與建議"), in reading order."""
        return [s for s in self.sections if len(s.path) == 1 and word in s.path[0]]

    def _section_index(self, offset: int) -> int:
        for i, section in enumerate(self.sections):
            if section.start <= offset < section.end:
                return i
        return len(self.sections) - 1

    @cached_property
    def section_pages(self) -> list[tuple[int, int] | None]:
        """Return each section's pages (first, last) from the report's table of contents (None where unlisted)."""
        toc = "".join(self.text[s.body_start : s.end] for s in self.sections if s.kind == "toc")
        return section_pages([s.path[-1] for s in self.sections], toc_pages(toc))

    @cached_property
    def folded(self) -> str:
        """Return the text folded for matching (text.normalize.fold), once: what a name is looked up in."""
        return fold(self.text)

    @cached_property
    def template(self) -> Template:
        """Return the report's template records: cover fields, member table and itinerary rows, with offsets."""
        return read_template(self.text, self.sections, self.breaks)

    @cached_property
    def parts(self) -> tuple[tuple[Section, int, int], ...]:
        """Return the report's parts in reading order, each (its heading's section, start, end): a top-level section
        with its own text, or a section under one (a visit: "參、行程紀要 › 五、參訪…") with all its subsections."""
        spans: dict[tuple[str, ...], list] = {}
        for s in self.sections:
            span = spans.setdefault(s.path[:2], [s, s.start, s.end])
            if s.start < span[1]:
                span[0], span[1] = s, s.start
            span[2] = max(span[2], s.end)
        return tuple(sorted((tuple(span) for span in spans.values()), key=lambda part: part[1]))

    @cached_property
    def folded_parts(self) -> tuple[str, ...]:
        """Return each of `parts` folded, "" for the table of contents (which names every part), read once."""
        return tuple("" if head.kind == "toc" else fold(self.text[a:b]) for head, a, b in self.parts)

    @cached_property
    def _part_starts(self) -> list[int]:
        return [start for _, start, _ in self.parts]

    def part_at(self, offset: int) -> int:
        """Return the index in `parts` of the part holding character `offset` (parts do not overlap)."""
        return max(0, bisect.bisect_right(self._part_starts, offset) - 1)

    def children(self, section: Section) -> list[Section]:
        """Return the sections directly under `section`, in order."""
        depth = len(section.path)
        return [s for s in self.sections if len(s.path) == depth + 1 and s.path[:depth] == section.path]

    def pages_at(self, offset: int, end: int | None = None) -> tuple[int, int] | None:
        """Return the pages (first, last) of `offset`: a PDF's real page (first == last; with `end`, the pages
        of text[offset:end], which may run on to the next); otherwise the pages the table of contents gives the
        section holding it, or None when the contents do not list it."""
        if self.page_starts:
            first = max(1, bisect.bisect_right(self.page_starts, offset))
            last = max(first, bisect.bisect_right(self.page_starts, end - 1)) if end is not None else first
            return (first, last)
        return self.section_pages[self._section_index(offset)]


@dataclass(frozen=True)
class SkippedFile:
    """A corpus file that could not be indexed, and why."""

    path: str
    reason: str


@dataclass
class Corpus:
    """The documents read from a corpus folder, plus the files that were skipped."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Return a hash of every file's name and bytes (skipped ones too, so fixing them triggers a rebuild)."""
        h = hashlib.sha256()
        for doc in sorted(self.documents, key=lambda d: d.doc_id):
            h.update(f"{doc.doc_id}\0{doc.sha256}\n".encode())
        for skipped in sorted(self.skipped, key=lambda s: s.path):
            h.update(f"{skipped.path}\0skipped:{skipped.reason}\n".encode())
        return h.hexdigest()


def source_name(path: Path, corpus_dir: Path, root: Path) -> str:
    """Return how a corpus file is named to users: its path relative to the project root.

    A link is named by its own name, not by what it points to.
    """
    inside = Path(path).relative_to(corpus_dir)
    for folder, base in ((Path(corpus_dir).absolute(), Path(root).absolute()), (corpus_dir.resolve(), root.resolve())):
        try:
            return (folder / inside).relative_to(base).as_posix()
        except ValueError:
            continue
    return (Path(corpus_dir.name) / inside).as_posix()


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Return the corpus entries named .txt, .md, .pdf or .docx under `corpus_dir`, sorted, hidden ones left out.

    Linked folders are not entered; what each entry really is gets checked when it is read.
    """
    found = []
    for folder, dirs, names in os.walk(corpus_dir, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            Path(folder) / n for n in names if not n.startswith(".") and Path(n).suffix.lower() in CORPUS_SUFFIXES
        ]
    return sorted(found)


def require_corpus_dir(corpus_dir: Path) -> Path:
    """Return `corpus_dir` as a Path, or raise CorpusError when it is not a folder: checked before a model loads.

    Raises:
        CorpusError: the folder does not exist.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        found = "is a file, not a folder" if corpus_dir.exists() else "not found"
        raise CorpusError(f"corpus folder {found}: {corpus_dir}")
    return corpus_dir


def load_corpus(
    corpus_dir: Path, root: Path, max_bytes: int | None = None, readers: ReaderSettings | None = None
) -> Corpus:
    """Return every readable report in `corpus_dir`; other files are skipped with a one-line warning.

    Only regular files whose real path lies inside `corpus_dir` and that hold at most `max_bytes` are
    read (default: `Settings.max_corpus_file_bytes`); links leaving the folder, devices, pipes and
    sockets are skipped by name, never opened.

    Raises:
        CorpusError: the folder does not exist or contains no readable report.
    """
    corpus_dir = require_corpus_dir(corpus_dir)
    inside = corpus_dir.resolve()
    max_bytes = Settings().max_corpus_file_bytes if max_bytes is None else max_bytes
    corpus = Corpus()
    for path in corpus_files(corpus_dir):
        name = source_name(path, corpus_dir, root)
        refusal, document = read_document(path, name, inside, max_bytes, readers)
        if document is None:
            log.warning("skipping %s: %s", name, refusal.reason)
            corpus.skipped.append(SkippedFile(name, refusal.reason))
            continue
        corpus.documents.append(document)
    if not corpus.documents:
        detail = "; ".join(f"{s.path}: {s.reason}" for s in corpus.skipped)
        raise CorpusError(
            f"no readable .txt, .md, .pdf or .docx report in {corpus_dir}" + (f" (skipped {detail})" if detail else "")
        )
    return corpus


def read_document(
    path: Path, doc_id: str, inside: Path, max_bytes: int, readers: ReaderSettings | None = None
) -> tuple[Refusal | None, Document | None]:
    """Return (None, the Document) read from the corpus file `path` by its type, or (why it cannot be read, None)."""
    refusal, data = read_report_file(path, inside, max_bytes)
    if refusal is not None:
        return refusal, None
    try:
        extracted = read_text_file(data, path.suffix, readers)
    except UnreadableFile as exc:
        return Refusal(str(exc), exc.chinese), None
    return None, parse_document(doc_id, extracted.text, hashlib.sha256(data).hexdigest(), extracted.page_starts)


_NOT_A_FILE = (
    (stat.S_ISDIR, Refusal("it is a folder", "是資料夾，不是檔案")),
    (stat.S_ISFIFO, Refusal("it is a named pipe (FIFO), not a file", "是具名管道，不是檔案")),
    (stat.S_ISCHR, Refusal("it is a device, not a file", "是裝置，不是檔案")),
    (stat.S_ISBLK, Refusal("it is a device, not a file", "是裝置，不是檔案")),
    (stat.S_ISSOCK, Refusal("it is a socket, not a file", "是 socket，不是檔案")),
)
_GONE = Refusal("the file disappeared while the corpus was being read", "在讀取時消失了")


def _not_a_regular_file(mode: int) -> Refusal | None:
    if stat.S_ISREG(mode):
        return None
    return next((why for test, why in _NOT_A_FILE if test(mode)), Refusal("it is not a regular file", "不是一般檔案"))


def _unreadable(error: object) -> Refusal:
    """Return the refusal of a file the system would not read, with the system's reason."""
    return Refusal(f"cannot be read ({error})", f"無法讀取（{error}）")


def _too_large(max_bytes: int) -> Refusal:
    """Return the refusal of a file over the size limit."""
    return Refusal(
        f"it is larger than the {max_bytes:,}-byte limit (setting max_corpus_file_bytes)",
        f"超過 {max_bytes:,} 位元組的上限",
    )


def read_report_file(path: Path, inside: Path, max_bytes: int) -> tuple[Refusal | None, bytes]:
    """Return (None, bytes) of the regular file `path`, or (why it was not read, b"").

    `inside` is the corpus folder's real path: a file whose real path lies elsewhere (a link to
    /etc/passwd) is refused. The type is checked before opening and again on the open descriptor,
    which is opened non-blocking, so a pipe swapped in meanwhile cannot hang the read; at most
    `max_bytes` + 1 bytes are ever read.
    """
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        gone = not os.path.lexists(path)
        return (_GONE if gone else Refusal("it is a broken link", "是失效的連結")), b""
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop
        return _unreadable(getattr(exc, "strerror", None) or exc), b""
    if not real.is_relative_to(inside):
        return Refusal("it links to a file outside the corpus folder", "連結到資料夾以外的檔案"), b""
    try:
        before = os.stat(real)
        refusal = _not_a_regular_file(before.st_mode)
        if refusal:
            return refusal, b""
        if before.st_size > max_bytes:
            return _too_large(max_bytes), b""
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return _GONE, b""
    except OSError as exc:
        return _unreadable(exc.strerror), b""
    with os.fdopen(fd, "rb") as f:
        opened = os.fstat(f.fileno())
        if (opened.st_dev, opened.st_ino) != (before.st_dev, before.st_ino):
            return Refusal("it was replaced while the corpus was being read", "在讀取時被替換了"), b""
        try:
            data = f.read(max_bytes + 1)
        except OSError as exc:
            return _unreadable(exc.strerror), b""
    if len(data) > max_bytes:
        return _too_large(max_bytes), b""
    return None, data


def parse_document(doc_id: str, text: str, sha256: str = "", page_starts: tuple[int, ...] = ()) -> Document:
    """Return the Document for `text`, with its sections and page breaks found (`page_starts`: a PDF's pages)."""
    return Document(
        doc_id=doc_id,
        text=text,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sections=tuple(parse_sections(text)),
        breaks=tuple(page_breaks(text)),
        page_starts=tuple(page_starts),
    )


def parse_sections(text: str) -> list[Section]:
    """Return the sections of a report, in order, covering the whole text.

    Text before the first heading is the cover; a 目錄 line opens the table of contents,
    which lasts until the first real heading. Headings nest by level (壹、 > 一、 > (一)).
    """
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    current: tuple[tuple[str, ...], str, int, int] = ((COVER_TITLE,), "cover", 0, 0)

    def close(at: int) -> None:
        path, kind, start, body_start = current
        if kind != "cover" or text[start:at].strip():
            sections.append(Section(path, kind, start, body_start, at))

    offset = 0
    for line in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        if _TOC_LINE_RE.match(line):
            close(line_start)
            current = ((TOC_TITLE,), "toc", line_start, offset)
            continue
        level = heading_level(line)
        if level is None:
            continue
        close(line_start)
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, line.strip().lstrip("#").strip()))
        current = (tuple(title for _, title in stack), "body", line_start, offset)
    close(len(text))
    return sections
