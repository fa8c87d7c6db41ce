"""Write real PDF and DOCX files from report text for the reader tests (fpdf2, python-docx)."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.config import PROJECT_ROOT

PORT_REPORT = PROJECT_ROOT / "tests" / "fixtures" / "port-report.txt"
# Each page opens at the contents or at a top-level heading (a contents line holds a tab, so it never matches).
_PAGE_START_RE = re.compile(r"\n(?:目\s*錄|摘要|[壹貳參肆伍陸柒捌玖拾]、)[^\n\t]*\n(?![^\n]*\t)")

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
_FACE = 0  # WenQuanYi Zen Hei: TrueType outlines, whose text PDF readers map back (Noto CJK's CFF does not)
_COLUMN_MM = 45
_LINE_MM = 5.5
_FONT_PT = 10.5


def report_pages(text: str) -> list[str]:
    """Return a report cut into pages: the cover, the contents, then one page per top-level section."""
    starts = [0] + [m.start() + 1 for m in _PAGE_START_RE.finditer(text)] + [len(text)]
    return [text[a:b].strip("\n") for a, b in zip(starts, starts[1:])]


def write_pdf(pages: list[str], path: Path) -> Path:
    """Write each string of `pages` on its own PDF page: one text line per line, tab-separated cells in columns."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=str(CJK_FONT), collection_font_number=_FACE)
    pdf.set_font("cjk", size=_FONT_PT)
    for page in pages:
        pdf.add_page()
        y = 15.0
        for line in page.split("\n"):
            cells = line.split("\t")
            if len(cells) == 2 and cells[1].strip().isdigit():  # a contents line: its page number at the right
                pdf.text(15, y, cells[0])
                pdf.text(max(190, 25 + pdf.get_string_width(cells[0])), y, cells[1])
                y += _LINE_MM
            elif len(cells) > 1:
                for column, cell in enumerate(cells):
                    pdf.text(15 + column * _COLUMN_MM, y, cell)
                y += _LINE_MM
            elif line.strip():
                pdf.set_xy(15, y - 4)
                pdf.multi_cell(180, _LINE_MM, line, align="L")
                y = pdf.get_y() + 4
            else:
                y += _LINE_MM
    pdf.output(str(path))
    return path


def write_docx(text: str, path: Path) -> Path:
    """Write `text` as a Word file: lines as paragraphs, each run of tab-separated lines as one table."""
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                table.cell(r, c).text = cell
        rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        flush()
        document.add_paragraph(line)
    flush()
    document.save(str(path))
    return path
