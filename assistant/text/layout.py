"""Layout of a report's text: headings, PDF page breaks, sentences, table rows, trimmed spans.

Every span returned is in the coordinates of the original text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SENTENCE_END = "。！？；!?"
_CLOSERS = "」』）)】〉》\"'"
_BLANK_GAP_RE = re.compile(r"\n[ \t\u3000]*\n(?:[ \t\u3000]*\n)*")
_FINAL_PUNCT = "。！？：:；;」』"
# Lines at least this long are body text wrapped by the PDF export, not captions or titles.
_MIN_WRAPPED_LINE = 30
# A shorter line is too when the next one goes on with the last word it cut ("…提供之資" then "訊，協助…"): one
# Han character before a comma opens no paragraph, but for a conjunction ("另，", "惟，") or a list's marker ("甲、",
# "一、"; "1、" and "A、" are no Han character).
_MIN_CUT_LINE = 12
_CUT_WORD_RE = re.compile(
    r"(?![另故惟又但且而因然即則此是如若甲乙丙丁戊己庚辛壬癸一二三四五六七八九十])[\u4e00-\u9fff][，、]"
)

_MAX_HEADING = 120
_TOC_ENTRY_RE = re.compile(r"\t\s*\d+\s*$")
_HEADING_PATTERNS = (
    (1, re.compile(r"^(?:摘要|前言|結論|附錄)$")),
    (1, re.compile(r"^[壹貳參肆伍陸柒捌玖拾]+、\S")),
    (2, re.compile(r"^[一二三四五六七八九十]+、\S")),
    (3, re.compile(r"^[(（][一二三四五六七八九十]+[)）]\s*\S")),
    (0, re.compile(r"^(#{1,6})\s+\S")),
)


def heading_level(line: str) -> int | None:
    """Return the outline level of a heading line (1 = 摘要/壹、, 2 = 一、, 3 = (一), '#'s for Markdown), else None.

    Table-of-contents entries (a heading followed by a tab and a page number) are not headings.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING or stripped.endswith("。") or _TOC_ENTRY_RE.search(line):
        return None
    for level, pattern in _HEADING_PATTERNS:
        m = pattern.match(stripped)
        if m:
            return len(m.group(1)) if level == 0 else level
    return None


def is_heading_line(line: str) -> bool:
    """Return True when `line` is a section heading (see `heading_level`)."""
    return heading_level(line) is not None


def page_breaks(text: str) -> list[tuple[int, int]]:
    """Return the spans of blank-line gaps that cut a paragraph in two (PDF page breaks).

    A gap is a page break when the line before it is long body text (or the next line goes on with
    the word it cut) that does not end a sentence, and neither side is a heading or a table row.
    """
    spans = []
    for m in _BLANK_GAP_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()]
        next_end = text.find("\n", m.end())
        after = text[m.end() : next_end if next_end >= 0 else len(text)]
        wrapped = len(before.strip()) >= _MIN_WRAPPED_LINE
        if (
            (wrapped or (len(before.strip()) >= _MIN_CUT_LINE and _CUT_WORD_RE.match(after.lstrip())))
            and before.rstrip()[-1:] not in _FINAL_PUNCT
            and "\t" not in before
            and after.strip()
            and not is_heading_line(before)
            and not is_heading_line(after)
        ):
            spans.append((m.start(), m.end()))
    return spans


def sentence_spans(
    text: str, start: int, end: int, breaks: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Return the sentences of text[start:end] as (start, end) spans in `text`, whitespace trimmed.

    Sentences end at 。！？；!? (with any closing quote) and at line breaks, except line
    breaks inside a page break, which continue the sentence.
    """
    inside_break = set()
    for s, e in breaks or []:
        inside_break.update(range(max(s, start), min(e, end)))
    spans: list[tuple[int, int]] = []
    cur = start
    i = start
    while i < end:
        ch = text[i]
        cut = None
        if ch in _SENTENCE_END:
            j = i + 1
            while j < end and text[j] in _CLOSERS:
                j += 1
            cut = j
        elif ch == "\n" and i not in inside_break:
            cut = i
        if cut is not None:
            spans.append((cur, cut))
            cur = cut
            i = cut if cut > i else i + 1
            continue
        i += 1
    spans.append((cur, end))
    return [span for span in (trim_span(text, s, e) for s, e in spans) if _has_words(text[span[0] : span[1]])]


def row_key(text: str, start: int, max_lines: int = 20) -> str:
    """Return the first cell of the table row that the line at `start` continues, or "".

    A PDF table's merged cell is written once: "6/18 (日)\t上午 …" and then "\t下午 …" for the
    same day. A line whose first cell is empty continues the nearest row above whose first cell
    is not; that cell (the date) is what the continuation row is about.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if "\t" not in text[line_start:start] or text[line_start:start].strip():
        return ""
    row = _continued_row(text, line_start, max_lines)
    return "" if row is None else text[row : text.find("\t", row)].strip()


def _continued_row(text: str, line_start: int, max_lines: int = 20) -> int | None:
    """Return where the row starts that the line at `line_start` (its first cell empty) continues: the
    nearest line above, within `max_lines` and without leaving the table, whose first cell is not empty."""
    end = line_start - 1
    for _ in range(max_lines):
        if end < 0:
            return None
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if "\t" not in line:
            return None
        if line.split("\t", 1)[0].strip():
            return begin
        end = begin - 1
    return None


def table_span(text: str, start: int, end: int, max_chars: int) -> tuple[int, int]:
    """Return the span to quote for the sentence at text[start:end] when it is a table row: for the
    table's first row (its header), the whole table (its run of tab-separated lines) if that has at
    most `max_chars` characters; for a row continuing the rows above ("\t下午 …" under
    "6/18 (日)\t上午 …"), it from the row whose first cell it continues. Any other span comes back unchanged.

    A row alone can read badly as an answer: "編號\t單位\t職稱\t姓名" names no one, and
    "\t下午 港區\t參訪 …" does not say which day.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if "\t" not in text[line_start:line_end]:
        return start, end
    if line_start == 0 or "\t" not in text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]:
        last = line_end  # a header: the table runs down while lines hold tabs
        while last < len(text):
            below = text.find("\n", last + 1)
            below = len(text) if below < 0 else below
            if "\t" not in text[last + 1 : below]:
                break
            last = below
        return trim_span(text, line_start, last) if last - line_start <= max_chars else (start, end)
    if text[line_start : text.find("\t", line_start)].strip():
        return start, end  # a row with its own first cell
    row = _continued_row(text, line_start)
    return (start, end) if row is None else trim_span(text, row, end)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) moved inward past surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_words(s: str) -> bool:
    return any(ch.isalnum() for ch in s)


def caption_span(text: str, start: int, end: int, captions: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Return the span to quote for a photo caption's line at text[start:end]: with the caption lines it runs on to
    or from across a single line break ("局長接受港務局處長" then "范德堡專訪"), as the photo's one caption; any other
    span comes back unchanged."""
    lines = sorted(captions)
    if not any(c0 <= start and end <= c1 for c0, c1 in lines):
        return start, end
    for c0, c1 in lines:  # lines after it
        if c0 > end and text[end:c0].strip(" ") == "\n":
            end = c1
    for c0, c1 in reversed(lines):  # lines before it
        if c1 < start and text[c1:start].strip(" ") == "\n":
            start = c0
    return start, end
