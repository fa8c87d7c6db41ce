"""Text helpers shared by chunking, BM25 and quoting: folding, CJK tokens, page breaks, sentences.

Normalization here is for matching only. Nothing it produces is shown to users; every span
it returns is in the coordinates of the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Han characters (CJK unified ideographs, extension A and B, compatibility), as a regex class body.
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_TOKEN_RE = re.compile(rf"[{HAN_CHARS}]+|[a-z0-9]+(?:[.'][a-z0-9]+)*")
_HAN_RE = re.compile(rf"[{HAN_CHARS}]")
# Variants OpenCC leaves alone but the report spells one way.
_VARIANTS = str.maketrans({"台": "臺", "裏": "裡", "着": "著", "綫": "線"})
_SENTENCE_END = "。！？；!?"
_CLOSERS = "」』）)】〉》\"'"
_BLANK_GAP_RE = re.compile(r"\n[ \t\u3000]*\n(?:[ \t\u3000]*\n)*")
_FINAL_PUNCT = "。！？：:；;」』"
# Lines at least this long are body text wrapped by the PDF export, not captions or titles.
_MIN_WRAPPED_LINE = 30

_MAX_HEADING = 120
_TOC_ENTRY_RE = re.compile(r"\t\s*\d+\s*$")
_HEADING_PATTERNS = (
    (1, re.compile(r"^(?:摘要|前言|結論|附錄)$")),
    (1, re.compile(r"^[壹貳參肆伍陸柒捌玖拾]+、\S")),
    (2, re.compile(r"^[一二三四五六七八九十]+、\S")),
    (3, re.compile(r"^[(（][一二三四五六七八九十]+[)）]\s*\S")),
    (0, re.compile(r"^(#{1,6})\s+\S")),
)

_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(3[01]|[12]\d|0?[1-9])"
_MONTH = r"(1[0-2]|0?[1-9])"
# Month and day as the report writes them (6/21, 6 月 21 日, 6月21日) and as users may (June 21, 21 June).
_DATE_PATTERNS = (
    (re.compile(rf"(?<![\d/]){_MONTH}\s*/\s*{_DAY}(?![\d/])"), 1, 2),
    (re.compile(rf"(?<!\d){_MONTH}\s*月\s*{_DAY}\s*日"), 1, 2),
    (re.compile(rf"\b{_MONTH_NAME}\s+{_DAY}(?:st|nd|rd|th)?\b"), 1, 2),
    (re.compile(rf"\b{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}(?![a-z])"), 2, 1),
)
# A Republic of China year (民國106年, or 106年 followed by a month) is also its Gregorian year: 106 -> 2017.
_ROC_YEAR_RE = re.compile(r"民國\s*(\d{2,3})\s*年|(?<!\d)(\d{2,3})\s*年\s*(?=\d{1,2}\s*月)")
ROC_YEAR_OFFSET = 1911

QUESTION_STOPWORDS = frozenset(
    "什 麼 甚 哪 些 裡 誰 何 時 嗎 呢 吧 的 了 是 在 有 和 與 及 或 請 問 為 多 少 幾 個 這 那 其 之 也 都 "
    "什麼 甚麼 哪些 哪裡 哪個 何時 為何 如何 怎麼 多少 幾個 是否 請問 報告 這次 此次 本次 "
    "what which who whom whose when where why how is are was were do does did the a an of in on "
    "at to for from by with and or about report trip it its this that these those be been many much".split()
)


def fold(text: str) -> str:
    """Return `text` folded for matching: NFKC, case-folded, Taiwan variants unified.

    Folding is character by character; it feeds BM25 and never reaches what users see.
    """
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold().translate(_VARIANTS)


@lru_cache(maxsize=2)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Return `text` in Traditional characters when it is written in Simplified ones, else unchanged.

    Converting Traditional text again is not harmless: 里 and 占 are also Simplified for 裡 and 佔,
    so 費里耶爾 would become 費裡耶爾, which the report never writes. Text counts as Simplified when
    converting it to Traditional changes more characters than converting it to Simplified does.
    """
    traditional = _opencc("s2tw").convert(text)
    simplified = _opencc("t2s").convert(text)
    changed_to_traditional = sum(a != b for a, b in zip(text, traditional))
    changed_to_simplified = sum(a != b for a, b in zip(text, simplified))
    return traditional if changed_to_traditional > changed_to_simplified else text


def has_han(text: str) -> bool:
    """Return True when `text` contains a Han character."""
    return bool(_HAN_RE.search(text))


def normalize_query(question: str) -> str:
    """Return the question as matched: NFKC, Simplified converted to Traditional, spaces collapsed."""
    text = unicodedata.normalize("NFKC", question)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = re.sub(r"\s+", " ", text).strip()
    if has_han(text):
        text = to_traditional(text)
    return text.translate(_VARIANTS)


def tokenize(text: str) -> list[str]:
    """Return BM25 tokens: Han characters as unigrams plus bigrams, Latin words and numbers lower-cased,
    then one `month/day` token per date and the Gregorian year of each ROC year (see `date_tokens`).

    >>> tokenize("Sigfox 提供服務")
    ['sigfox', '提', '供', '服', '務', '提供', '供服', '服務']
    >>> tokenize("6 月 21 日")
    ['6', '月', '21', '日', '6/21']
    """
    folded = fold(text)
    tokens: list[str] = []
    for run in _TOKEN_RE.findall(folded):
        if _HAN_RE.match(run):
            tokens.extend(run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run)
    return tokens + date_tokens(folded)


def date_tokens(folded: str) -> list[str]:
    """Return a `month/day` token for each date in folded text, however it is written, and the Gregorian
    year of each ROC year: "6/21 (三)", "6 月 21 日" and "june 21st" all give "6/21"; "民國106年" gives "2017".

    Days and months alone are common numbers; the pair is what tells one day of a trip from another.
    """
    out = []
    for pattern, month_group, day_group in _DATE_PATTERNS:
        for m in pattern.finditer(folded):
            month = m.group(month_group)
            month = _MONTHS.index(month) + 1 if month.isalpha() else int(month)
            out.append(f"{month}/{int(m.group(day_group))}")
    out.extend(str(int(m.group(1) or m.group(2)) + ROC_YEAR_OFFSET) for m in _ROC_YEAR_RE.finditer(folded))
    return out


def content_tokens(text: str) -> list[str]:
    """Return the query tokens that carry meaning (question words and particles removed)."""
    return [t for t in tokenize(text) if t not in QUESTION_STOPWORDS]


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

    A gap is a page break when the line before it is long body text that does not end a
    sentence, and neither side is a heading or a table row.
    """
    spans = []
    for m in _BLANK_GAP_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()]
        next_end = text.find("\n", m.end())
        after = text[m.end() : next_end if next_end >= 0 else len(text)]
        if (
            len(before.strip()) >= _MIN_WRAPPED_LINE
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
    "\t下午 巴黎\t參訪 …" does not say which day.
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
