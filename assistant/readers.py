"""Read a corpus file's bytes into the text that is stored and quoted, one reader per file type."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .config import ReaderSettings

TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIX = ".pdf"
DOCX_SUFFIX = ".docx"
READABLE_SUFFIXES = (*TEXT_SUFFIXES, PDF_SUFFIX, DOCX_SUFFIX)
# PDF pages are joined by a blank line, as a page break looks in a text export (text.page_breaks finds it).
PAGE_JOINER = "\n\n"
# A printed page number (spaces are left out before matching): 3, -3-, 第3頁, 3/20, iv.
_PAGE_NUMBER_RE = re.compile(r"^[-–—]?(?:第?\d{1,4}頁?(?:/\d{1,4})?|[ivxlc]{1,6}|[IVXLC]{1,6})[-–—]?$")
# A wrapped line ending and the next starting in Latin letters or digits were one word gap apart.
_LATIN_END = re.compile(r"[A-Za-z0-9,.;:)]$")
_LATIN_START = re.compile(r"[A-Za-z0-9(\u00c0-\u024f\-.,;:'’)/%&]")


class UnreadableFile(ValueError):
    """A file's bytes are not a readable report of its type; the message is the one-line reason, `chinese` the same
    reason as the page says it after the file's name ("是加密的 PDF（需要密碼）")."""

    def __init__(self, message: str, chinese: str) -> None:
        super().__init__(message)
        self.chinese = chinese


@dataclass(frozen=True)
class Extracted:
    """The text read from a file, and for a PDF the offset in it where each page starts."""

    text: str
    page_starts: tuple[int, ...] = ()


def read_text_file(data: bytes, suffix: str, settings: ReaderSettings | None = None) -> Extracted:
    """Return the text of a corpus file's bytes, read by its `suffix`.

    Raises:
        UnreadableFile: binary or non-UTF-8 text, a damaged, encrypted or scanned (textless) PDF or Word file,
            or no text at all.
    """
    suffix = suffix.lower()
    if suffix == PDF_SUFFIX:
        extracted = read_pdf(data, settings or ReaderSettings())
    elif suffix == DOCX_SUFFIX:
        extracted = Extracted(read_docx(data))
    else:
        extracted = Extracted(read_utf8(data))
    if not extracted.text.strip():
        raise UnreadableFile("it is empty", "是空檔案")
    return extracted


def read_utf8(data: bytes) -> str:
    """Return UTF-8 text as it is."""
    if b"\0" in data:
        raise UnreadableFile("it is a binary file, not text", "不是文字檔")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"it is not valid UTF-8 (bad byte at offset {exc.start})", "不是 UTF-8 文字") from None


def read_pdf(data: bytes, settings: ReaderSettings) -> Extracted:
    """Return a PDF's text, one line per printed line (wide gaps as tabs), pages joined by a blank line."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    if not data.strip():
        raise UnreadableFile("the file is empty", "是空檔案")
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                pages.append(_pdf_page(page.extract_text_lines(strip=True, return_chars=True), settings))
    except Exception as exc:  # pdfminer raises many types for damaged files; each means "cannot be read"
        if _caused_by(exc, PDFPasswordIncorrect) or "password" in str(exc).lower():
            raise UnreadableFile("it is an encrypted PDF (it needs a password)", "是加密的 PDF（需要密碼）") from None
        raise UnreadableFile(
            "it is not a readable PDF (damaged, cut short, or another kind of file)", "不是可讀的 PDF"
        ) from None
    if not any(p.strip() for p in pages):
        raise UnreadableFile(
            f"its {len(pages)} PDF page(s) hold no text (a scan without a text layer?)",
            "的 PDF 頁面沒有文字（掃描檔？）",
        )
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(PAGE_JOINER)
    return Extracted(PAGE_JOINER.join(pages), tuple(starts))


def _caused_by(exc: BaseException, kind: type) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind) or any(isinstance(a, kind) for a in getattr(seen, "args", ())):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _pdf_page(lines: list[dict], settings: ReaderSettings) -> str:
    """Return a page's printed lines as text: a paragraph's wrapped lines joined into one line, a blank line
    where a paragraph gap is, a table's rows as tab-separated cells aligned on its columns (an empty cell, the
    first one of a row continuing the row above too, kept as an empty string between tabs)."""
    glyphs = _without_page_number(
        [g for g in ([c for c in line["chars"] if c["text"].strip()] for line in lines) if g], settings
    )
    left = min((g[0]["x0"] for g in glyphs), default=0.0)
    cells = [_pdf_cells(g, settings) for g in glyphs]
    tabular = [len(c) > 1 or (c[0][0] - left) / _size(g) >= settings.pdf_column_em for g, c in zip(glyphs, cells)]
    texts = [c[0][1] for c in cells]
    i = 0
    while i < len(glyphs):  # each run of table rows is aligned on the columns its cells start at
        if not tabular[i]:
            i += 1
            continue
        end = i
        while end < len(glyphs) and tabular[end]:
            end += 1
        texts[i:end] = _aligned(cells[i:end], left, settings.pdf_tab_em * _size(glyphs[i]))
        i = end
    # The text block's right edge, from lines that are not table rows (a wide table may run past it).
    right = max((g[-1]["x1"] for g, t in zip(glyphs, tabular) if not t), default=0.0)
    out: list[str] = []
    for i, (chars, text) in enumerate(zip(glyphs, texts)):
        gap = i > 0 and (chars[0]["top"] - glyphs[i - 1][0]["bottom"]) / _size(chars) >= settings.pdf_paragraph_em
        joins = i > 0 and not gap and not tabular[i] and not tabular[i - 1]
        if joins and _wrapped(glyphs[i - 1], chars, right, settings):
            out[-1] += (" " if _LATIN_END.search(out[-1]) and _LATIN_START.match(text) else "") + text
        else:
            out += [""] if gap else []
            out.append(text)
    return "\n".join(out)


def _without_page_number(glyphs: list[list[dict]], settings: ReaderSettings) -> list[list[dict]]:
    """Return a page's lines without its printed page number: a first or last line that is only a number
    ("3", "- 3 -", "第 3 頁", "3/20", "iv"), set apart from the text by a paragraph gap. Left in, it would sit
    between the two halves of a paragraph the page turn cuts."""

    def apart(upper: list[dict], lower: list[dict]) -> bool:
        return (lower[0]["top"] - upper[0]["bottom"]) / _size(lower) >= settings.pdf_paragraph_em

    def number(line: list[dict]) -> bool:
        return bool(_PAGE_NUMBER_RE.match("".join(c["text"] for c in line)))

    if len(glyphs) > 1 and number(glyphs[-1]) and apart(glyphs[-2], glyphs[-1]):
        glyphs = glyphs[:-1]
    if len(glyphs) > 1 and number(glyphs[0]) and apart(glyphs[0], glyphs[1]):
        glyphs = glyphs[1:]
    return glyphs


def _size(chars: list[dict]) -> float:
    return max(chars[0]["size"], 1.0)


def _aligned(rows: list[list[tuple[float, str]]], left: float, snap: float) -> list[str]:
    """Return table rows as tab-joined cells, each cell in the column (cluster of cell starts within `snap`,
    the first at the text's left edge) it starts in, skipped columns as empty cells."""
    starts = sorted({left, *(x for row in rows for x, _ in row)})
    columns = [starts[0]]
    for x in starts[1:]:
        if x - columns[-1] > snap:
            columns.append(x)
    out = []
    for row in rows:
        placed: list[str] = []
        for x, text in row:
            column = max(i for i, c in enumerate(columns) if c <= x + snap)
            placed += [""] * max(0, column - len(placed)) + [text]
        out.append("\t".join(placed))
    return out


def _wrapped(line: list[dict], following: list[dict], right: float, settings: ReaderSettings) -> bool:
    """Return whether `line` was broken only because the first word of `following` did not fit after it: the
    space it leaves before the right margin is narrower than that word (a Latin word or number, or one Han
    character) plus a little slack."""
    size = _size(line[-1:])
    word = following[:1]
    for previous, ch in zip(following, following[1:]):
        if not _LATIN_START.match(previous["text"]) or (ch["x0"] - previous["x1"]) / size >= settings.pdf_space_em:
            break
        word.append(ch)
    width = word[-1]["x1"] - word[0]["x0"]
    return (right - line[-1]["x1"]) < width + settings.pdf_wrap_em * size


def _pdf_cells(chars: list[dict], settings: ReaderSettings) -> list[tuple[float, str]]:
    """Return one printed line's glyphs as cells (where each starts, its text): a column gap ends a cell, a
    word gap is a space."""
    cells: list[tuple[float, list[str]]] = []
    previous: dict | None = None
    for ch in chars:  # drawn spaces are left out already: the gap they leave decides
        gap = (ch["x0"] - previous["x1"]) / _size([previous]) if previous is not None else None
        if gap is None or gap >= settings.pdf_tab_em:
            cells.append((ch["x0"], []))
        elif gap >= settings.pdf_space_em:
            cells[-1][1].append(" ")
        cells[-1][1].append(ch["text"])
        previous = ch
    return [(x, "".join(parts)) for x, parts in cells]


def read_docx(data: bytes) -> str:
    """Return a Word file's paragraphs (with their automatic list numbers written out) and tables in document
    order; a table row is one line of tab-joined cells."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile, lxml and python-docx raise their own types for damaged parts
        raise UnreadableFile(f"it is not a readable Word file ({type(exc).__name__})", "不是可讀的 Word 檔") from None
    from .docx_numbering import Numbering

    numbering = Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(numbering.label(block) + block.text)
        elif isinstance(block, Table):
            lines += [_docx_row(row) for row in block.rows]
    return "\n".join(lines)


def _docx_row(row) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
    return "\t".join(cells)
