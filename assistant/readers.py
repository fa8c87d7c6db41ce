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
# A wrapped line ending and the next starting in Latin letters or digits were one word gap apart.
_LATIN_END = re.compile(r"[A-Za-z0-9,.;:)]$")
_LATIN_START = re.compile(r"[A-Za-z0-9(\u00c0-\u024f\-.,;:'’)/%&]")


class UnreadableFile(ValueError):
    """A file's bytes are not a readable report of its type; the message is the one-line reason."""


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
        raise UnreadableFile("it is empty")
    return extracted


def read_utf8(data: bytes) -> str:
    """Return UTF-8 text as it is."""
    if b"\0" in data:
        raise UnreadableFile("it is a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"it is not valid UTF-8 (bad byte at offset {exc.start})") from None


def read_pdf(data: bytes, settings: ReaderSettings) -> Extracted:
    """Return a PDF's text, one line per printed line (wide gaps as tabs), pages joined by a blank line."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                pages.append(_pdf_page(page.extract_text_lines(strip=True, return_chars=True), settings))
    except Exception as exc:  # pdfminer raises many types for damaged files; each means "cannot be read"
        if _caused_by(exc, PDFPasswordIncorrect) or "password" in str(exc).lower():
            raise UnreadableFile("it is an encrypted PDF (it needs a password)") from None
        raise UnreadableFile(f"it is not a readable PDF ({type(exc).__name__})") from None
    if not any(p.strip() for p in pages):
        raise UnreadableFile(f"its {len(pages)} PDF page(s) hold no text (a scan without a text layer?)")
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
    where a paragraph gap is, a leading tab for a line that starts in a later column (a table row continuing
    the row above)."""
    glyphs = [g for g in ([c for c in line["chars"] if c["text"].strip()] for line in lines) if g]
    left = min((g[0]["x0"] for g in glyphs), default=0.0)
    texts = [
        ("\t" if (g[0]["x0"] - left) / max(g[0]["size"], 1.0) >= settings.pdf_column_em else "")
        + _pdf_line(g, settings)
        for g in glyphs
    ]
    # The text block's right edge, from lines that are not table rows (a wide table may run past it).
    right = max((g[-1]["x1"] for g, t in zip(glyphs, texts) if "\t" not in t), default=0.0)
    out: list[str] = []
    for i, (chars, text) in enumerate(zip(glyphs, texts)):
        size = max(chars[0]["size"], 1.0)
        gap = i > 0 and (chars[0]["top"] - glyphs[i - 1][0]["bottom"]) / size >= settings.pdf_paragraph_em
        joins = i > 0 and not gap and "\t" not in text + texts[i - 1]
        if joins and _wrapped(glyphs[i - 1], chars, right, settings):
            out[-1] += (" " if _LATIN_END.search(out[-1]) and _LATIN_START.match(text) else "") + text
        else:
            out += [""] if gap else []
            out.append(text)
    return "\n".join(out)


def _wrapped(line: list[dict], following: list[dict], right: float, settings: ReaderSettings) -> bool:
    """Return whether `line` was broken only because the first word of `following` did not fit after it: the
    space it leaves before the right margin is narrower than that word (a Latin word or number, or one Han
    character) plus a little slack."""
    size = max(line[-1]["size"], 1.0)
    word = following[:1]
    for previous, ch in zip(following, following[1:]):
        if not _LATIN_START.match(previous["text"]) or (ch["x0"] - previous["x1"]) / size >= settings.pdf_space_em:
            break
        word.append(ch)
    width = word[-1]["x1"] - word[0]["x0"]
    return (right - line[-1]["x1"]) < width + settings.pdf_wrap_em * size


def _pdf_line(chars: list[dict], settings: ReaderSettings) -> str:
    """Return one printed line's glyphs as text: a space where a word gap is, a tab where a column gap is."""
    out: list[str] = []
    previous: dict | None = None
    for ch in chars:  # drawn spaces are left out already: the gap they leave decides
        if previous is not None:
            gap = (ch["x0"] - previous["x1"]) / max(previous["size"], 1.0)
            if gap >= settings.pdf_tab_em:
                out.append("\t")
            elif gap >= settings.pdf_space_em:
                out.append(" ")
        out.append(ch["text"])
        previous = ch
    return "".join(out)


def read_docx(data: bytes) -> str:
    """Return a Word file's paragraphs and tables in document order; a table row is one line of tab-joined cells."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile, lxml and python-docx raise their own types for damaged parts
        raise UnreadableFile(f"it is not a readable Word file ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
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
