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
_LAST_LINE_MM = 280
_TEXT_WIDTH_MM = 180
# Line breaking as word processors do it (UAX #14, roughly): between any two Han characters, Latin words and
# numbers kept whole, a space at a break dropped.
_BREAK_UNITS_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-.,;:'’()/%&]*|\s+|.")


def report_pages(text: str) -> list[str]:
    """Return a report cut into pages: the cover, the contents, then one page per top-level section."""
    starts = [0] + [m.start() + 1 for m in _PAGE_START_RE.finditer(text)] + [len(text)]
    return [text[a:b].strip("\n") for a, b in zip(starts, starts[1:])]


def write_pdf(pages: list[str], path: Path) -> list[int]:
    """Write each string of `pages` from the top of a new PDF page (running on to more pages when long): one text
    line per line, long lines wrapped as word processors wrap them, tab-separated cells in columns, the page
    number in the footer ("- 2 -"). Return the PDF page each one starts on."""
    from fpdf import FPDF

    class Numbered(FPDF):
        def footer(self) -> None:
            self.text(100, 290, f"- {self.page_no()} -")

    pdf = Numbered(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=str(CJK_FONT), collection_font_number=_FACE)
    pdf.set_font("cjk", size=_FONT_PT)
    first_pages = []
    for page in pages:
        pdf.add_page()
        first_pages.append(pdf.page_no())
        y = 15.0
        for line in page.split("\n"):
            if y > _LAST_LINE_MM:
                pdf.add_page()
                y = 15.0
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
                for row, piece in enumerate(_wrapped(pdf, line, _TEXT_WIDTH_MM)):
                    if row and y > _LAST_LINE_MM:
                        pdf.add_page()
                        y = 15.0
                    pdf.text(15, y, piece)
                    y += _LINE_MM
            else:
                y += _LINE_MM
    pdf.output(str(path))
    return first_pages


def _wrapped(pdf, line: str, width: float) -> list[str]:
    """Return `line` broken into printed lines no wider than `width` (mm) in the current font."""
    rows, current = [], ""
    for unit in _BREAK_UNITS_RE.findall(line):
        if current and pdf.get_string_width(current + unit) > width:
            rows.append(current.rstrip())
            current = "" if unit.isspace() else unit
        else:
            current += unit
    return rows + [current.rstrip()] if current.strip() else rows


# The genre's heading numbers and the Word list levels that write them: 壹、 > 一、 > (一).
_LIST_LEVELS = (
    (re.compile(r"^([壹貳參肆伍陸柒捌玖拾]+)、"), "ideographLegalTraditional", "%1、", "nothing"),
    (re.compile(r"^([一二三四五六七八九十]+)、"), "taiwaneseCountingThousand", "%2、", "nothing"),
    (re.compile(r"^\(([一二三四五六七八九十]+)\) "), "taiwaneseCountingThousand", "(%3)", "space"),
)
_LIST_ID = "4242"


def write_docx(text: str, path: Path, numbered: bool = False) -> int:
    """Write `text` as a Word file: lines as paragraphs, each run of tab-separated lines as one table. With
    `numbered`, heading numbers (壹、 一、 (一)) are Word's automatic list numbers instead of typed text, where
    Word's counting gives the same number. Return how many paragraphs are numbered so."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from assistant.docx_numbering import format_number

    document = docx.Document()
    if numbered:
        levels = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="{suffix}"/>'
            f'<w:lvlText w:val="{label}"/></w:lvl>'
            for i, (_, fmt, label, suffix) in enumerate(_LIST_LEVELS)
        )
        root = document.part.numbering_part.element
        root.insert(
            0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_LIST_ID}">{levels}</w:abstractNum>')
        )
        root.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{_LIST_ID}"><w:abstractNumId w:val="{_LIST_ID}"/></w:num>')
        )
    counters = [0, 0, 0]
    count = 0
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
        level = next((i for i, (pattern, *_) in enumerate(_LIST_LEVELS) if numbered and pattern.match(line)), None)
        if level is not None:
            pattern, fmt, _, _ = _LIST_LEVELS[level]
            if pattern.match(line)[1] == format_number(counters[level] + 1, fmt):
                counters[level] += 1
                counters[level + 1 :] = [0] * (len(counters) - level - 1)
                paragraph = document.add_paragraph(line[pattern.match(line).end() :])
                paragraph._p.get_or_add_pPr().append(
                    parse_xml(
                        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{_LIST_ID}"/></w:numPr>'
                    )
                )
                count += 1
                continue
        document.add_paragraph(line)
    flush()
    document.save(str(path))
    return count


def write_scanned_pdf(path: Path) -> None:
    """Write a one-page PDF drawn without a text layer, as a scanner writes it."""
    from fpdf import FPDF

    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 100, 150, style="F")
    scan.output(str(path))


def write_encrypted_pdf(path: Path, text: str) -> None:
    """Write a one-page PDF holding `text` that opens only with a password."""
    from fpdf import FPDF

    locked = FPDF()
    locked.add_page()
    locked.set_font("helvetica", size=12)
    locked.text(20, 20, text)
    locked.set_encryption(owner_password="owner", user_password="user")
    locked.output(str(path))
