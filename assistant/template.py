"""The report genre's template read from a document: contents pages, cover fields, members, itinerary, captions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .text.layout import heading_level
from .text.normalize import HAN_CHARS, fold
from .text.tokens import WEEKDAYS, date_tokens

# A table-of-contents line: a title, a tab or a run of leader dots/spaces, then its page number.
_TOC_ENTRY_RE = re.compile(r"^\s*(?P<title>\S.*?)(?:\t+|\s*[.．…·]{2,}\s*|\s{2,})(?P<page>\d{1,4})\s*$")
_TITLE_NOISE_RE = re.compile(r"[\s()（）「」『』\"'、，,.．]")


def title_key(title: str) -> str:
    """Return a heading title folded for matching a table-of-contents line (spaces, brackets, width ignored)."""
    return _TITLE_NOISE_RE.sub("", fold(title))


def toc_pages(toc_text: str) -> dict[str, int]:
    """Return {title key: page} for each entry of a table of contents."""
    pages: dict[str, int] = {}
    for line in toc_text.splitlines():
        m = _TOC_ENTRY_RE.match(line)
        if m:
            pages.setdefault(title_key(m["title"]), int(m["page"]))
    return pages


def section_pages(titles: Sequence[str], toc: dict[str, int]) -> list[tuple[int, int] | None]:
    """Return, for each section title in reading order, the pages it spans: (its page, the next listed section's
    page), or None for a section the table of contents does not list (the cover, the contents itself)."""
    starts = [toc.get(title_key(t)) for t in titles]
    out: list[tuple[int, int] | None] = []
    for i, first in enumerate(starts):
        if first is None:
            out.append(None)
            continue
        following = next((p for p in starts[i + 1 :] if p is not None), first)
        out.append((first, max(first, following)))
    return out


# A cover field as the genre writes it: "服務機關：高雄市政府海洋局", also inside brackets ("（出國類別：參訪）").
_COVER_FIELD_RE = re.compile(rf"(?P<key>[{HAN_CHARS}]{{2,6}})\s*[：:]\s*(?P<value>[^（）()\n：:]*[^\s（）()\n：:])")
# How a report of the genre writes the city whose government filed it (Template.own_city).
OWN_CITY_WORD = "本市"
# The cover field naming who filed the report, and a city's or county's government at its start.
_AGENCY_KEY = "機關"
_OWN_CITY_RE = re.compile(rf"([{HAN_CHARS}]{{2,3}}[市縣])政府")
# The table of members names its columns; the genre's header always has a name column.
_MEMBER_HEADER_RE = re.compile(r"姓\s*名")
# The cover's title, read as a field of its own key. It is looked for in the cover's first lines: a cover is a
# page, and its title comes before the fields.
TITLE = "標題"
_TITLE_LINES = 40
# A photo caption is a short line without sentence punctuation ("局長與港務局代表合影").
_MAX_CAPTION = 40
_SENTENCE_PUNCT_RE = re.compile(r"[。！？；!?;]")
# A heading's numbering ("四、", "(二)") says where it stands, not what it is about.
_NUMBERING_RE = re.compile(
    r"^(?:[壹貳參肆伍陸柒捌玖拾]+|[一二三四五六七八九十]+|[(（][一二三四五六七八九十]+[)）])、?\s*"
)
_SPACE_RE = re.compile(r"\s+")
# A heading shorter than this names too little to find it inside an itinerary row ("參訪").
_MIN_HEADING_CHARS = 4
_HALF_DAY_RE = re.compile(r"^\s*(上午|下午|晚上|晚間|中午|全日|全天|早上)")
# The way between two places in an itinerary row ("鹿特丹→阿姆斯特丹").
_WAY_RE = re.compile(r"\s*(?:→|->|➔)\s*")  # not "~" or "—", which also write a time or day range
# A row's plan telling of a visit, not only of the journey ("參訪…總部 轉機飛往…").
_VISIT_PLAN_RE = re.compile(r"參訪|拜會|拜訪|參觀|出席|考察|造訪|會見|會晤|走訪|踏勘|參加")
# The day of the week a day cell writes beside its date ("3/5 (二)", "3/8~9 (五~六)").
_WEEKDAY_CELL_RE = re.compile(r"[(（]\s*([一二三四五六日天])\s*(?:[~～至-]\s*([一二三四五六日天])\s*)?[)）]")
# The two halves a day's rows are asked by (intent.py reads 早上 as 上午, 晚上 as 下午 too).
_HALVES = {"上午": "上午", "早上": "上午", "中午": "下午", "下午": "下午", "晚上": "下午", "晚間": "下午"}
_DAY_RANGE_RE = re.compile(
    r"(?<![\d/])(1[0-2]|0?[1-9])\s*/\s*(3[01]|[12]\d|0?[1-9])\s*[~～-]\s*(3[01]|[12]\d|0?[1-9])(?![\d/])"
)


@dataclass(frozen=True)
class CoverField:
    """One cover field: `text[start:end]` is "key：value" as written."""

    key: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class TableRow:
    """One row of a table: its cells, and `text[start:end]` the row's line (without its line break)."""

    cells: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class ItineraryRow:
    """One row of the itinerary table: the days it covers ("6/18"), its half-day ("上午"), its line, and where
    the row naming its day starts (a continued row's "\\t下午 …" takes its day from the row above)."""

    days: tuple[str, ...]
    half: str
    start: int
    end: int
    day_start: int
    weekdays: tuple[str, ...] = ()  # the days of the week its day cell writes ("五"), Monday "一" to Sunday "日"


def _places(line: str) -> list[str]:
    """Return the places an itinerary row's second cell names, folded, in order: its half-day aside, both ends
    of a way ("下午 鹿特丹→阿姆斯特丹": 鹿特丹, 阿姆斯特丹)."""
    cells = line.split("\t")
    cell = _HALF_DAY_RE.sub("", fold(cells[1])).strip() if len(cells) > 1 else ""
    return [p for p in _WAY_RE.split(cell) if len(p) >= 2]


def row_places(line: str) -> set[str]:
    """Return the places an itinerary row names, folded: its one place, or both ends of its way."""
    return set(_places(line))


def is_travel(line: str) -> bool:
    """Return True when an itinerary row only travels: a way from one place to another ("上午 A→B") and a plan
    telling of no visit ("搭機前往…")."""
    cells = line.split("\t")
    plan = " ".join(cells[2:])
    return len(cells) > 1 and bool(_WAY_RE.search(cells[1])) and not _VISIT_PLAN_RE.search(plan)


def stop_place(line: str) -> str:
    """Return the place an itinerary row's visits are in, folded: its one place, or where a way starts (the
    visits of "下午 A→B　參訪… 轉機飛往 B" come before the journey); "" when it names none."""
    return next(iter(_places(line)), "")


def heading_core(heading: str) -> str:
    """Return what an itinerary row writes of a section's heading: folded, its numbering and spaces left out
    ("二、參訪 港務局" -> 參訪港務局), or "" when too short to tell one visit ("參訪")."""
    core = compact(_NUMBERING_RE.sub("", heading))
    return core if len(core) >= _MIN_HEADING_CHARS else ""


def compact(text: str) -> str:
    """Return text folded without its spaces, as headings are matched inside rows."""
    return _SPACE_RE.sub("", fold(text))


def rows_naming(text: str, rows: Sequence[ItineraryRow], heading: str) -> list[ItineraryRow]:
    """Return the itinerary rows of a report's `text` that write a section's `heading`, its numbering aside
    ("二、參訪港務局" in "3/5 上午 鹿特丹 參訪港務局")."""
    core = heading_core(heading)
    return [r for r in rows if core and core in compact(text[r.start : r.end])]


def named_sections(text: str, sections: Sequence, rows: Sequence[ItineraryRow]) -> list[str]:
    """Return the labels of the body sections (below a top heading) whose heading, its numbering aside, one of a
    report's itinerary `rows` writes."""
    written = compact(" ".join(text[r.start : r.end] for r in rows))
    cores = [(s.label, heading_core(s.path[-1])) for s in sections if s.kind == "body" and len(s.path) > 1]
    return [label for label, core in cores if core and core in written]


@dataclass(frozen=True)
class Template:
    """What the genre's template gives a report: cover fields, the member table and the itinerary."""

    cover: tuple[CoverField, ...] = ()
    members: tuple[TableRow, ...] = ()  # the header row first
    itinerary: tuple[ItineraryRow, ...] = ()
    captions: tuple[tuple[int, int], ...] = ()  # photo captions between paragraphs: (start, end) of each line
    title: CoverField | None = None  # the cover's title line (key TITLE, which the cover does not write)

    @property
    def own_city(self) -> str:
        """Return the city or county whose government filed the report ("高雄市" of 服務機關：高雄市政府海洋局), which
        its text calls 本市; "" when another kind of agency filed it."""
        agency = next((f.value for f in self.cover if _AGENCY_KEY in f.key), "")
        m = _OWN_CITY_RE.match(agency)
        return m.group(1) if m else ""


def cover_fields(text: str, start: int, end: int) -> list[CoverField]:
    """Return the "key：value" fields written in text[start:end] (the cover)."""
    return [
        CoverField(m["key"], m["value"].strip(), start + m.start(), start + m.end())
        for m in _COVER_FIELD_RE.finditer(text[start:end])
    ]


def cover_title(text: str, start: int, end: int) -> CoverField | None:
    """Return a cover's title as the field TITLE: the first of its opening lines that is not a "key：value" line
    (the genre's form name above it carries the category as one: "…報告（出國類別：參訪）")."""
    offset = start
    for line in text[start:end].split("\n")[:_TITLE_LINES]:
        if line.strip() and "：" not in line and ":" not in line:
            first = offset + len(line) - len(line.lstrip())
            return CoverField(TITLE, " ".join(line.split()), first, offset + len(line.rstrip()))
        offset += len(line) + 1
    return None


def tables(text: str) -> list[list[TableRow]]:
    """Return every table of a text: runs of consecutive lines holding a tab, each line a row."""
    out: list[list[TableRow]] = []
    current: list[TableRow] = []
    offset = 0
    for line in text.split("\n"):
        if "\t" in line and line.strip():
            stripped = line.rstrip()
            current.append(TableRow(tuple(c.strip() for c in stripped.split("\t")), offset, offset + len(stripped)))
        elif current:
            out.append(current)
            current = []
        offset += len(line) + 1
    if current:
        out.append(current)
    return out


def itinerary_rows(rows: list[TableRow]) -> list[ItineraryRow]:
    """Return the rows of a table that are days of an itinerary: a first cell with a date, or an empty first
    cell continuing the dated row above. A table without dated rows gives none."""
    out: list[ItineraryRow] = []
    days: tuple[str, ...] = ()
    weekdays: tuple[str, ...] = ()
    day_start = -1
    for row in rows:
        first = row.cells[0] if row.cells else ""
        if first:
            days, weekdays = _days(first), weekdays_of(first)
            day_start = row.start
        if not days:
            continue
        rest = row.cells[1] if len(row.cells) > 1 else ""
        half = _HALF_DAY_RE.match(rest)
        half_day = _HALVES.get(half.group(1), "") if half else ""
        out.append(ItineraryRow(days, half_day, row.start, row.end, day_start, weekdays))
    return out


def weekdays_of(cell: str) -> tuple[str, ...]:
    """Return the days of the week a day cell writes ("3/8~9 (五~六)" -> ("五", "六"))."""
    m = _WEEKDAY_CELL_RE.search(cell)
    if not m:
        return ()
    first, last = (WEEKDAYS.index(w.replace("天", "日")) for w in (m[1], m[2] or m[1]))
    return tuple(WEEKDAYS[first : last + 1]) if first <= last else tuple(WEEKDAYS[first:] + WEEKDAYS[: last + 1])


def _days(cell: str) -> tuple[str, ...]:
    folded = fold(cell)
    span = _DAY_RANGE_RE.search(folded)
    if span:
        month, first, last = int(span[1]), int(span[2]), int(span[3])
        return tuple(f"{month}/{d}" for d in range(first, last + 1))
    return tuple(dict.fromkeys(t for t in date_tokens(folded) if "/" in t))  # month/day, not a year


def captions(text: str, sections: Sequence, breaks: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Return the photo captions of a report's body: short lines standing alone between paragraphs, with no
    sentence punctuation, that are neither headings, table rows nor the piece of a paragraph a page break cut."""
    out = []
    body = [(s.body_start, s.end) for s in sections if s.kind == "body"]
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped or len(stripped) > _MAX_CAPTION or "\t" in line or _SENTENCE_PUNCT_RE.search(stripped):
            continue
        if not any(b <= start < e for b, e in body) or any(s - 1 <= end and start <= e + 1 for s, e in breaks):
            continue
        if heading_level(line) is None:
            lead = len(line) - len(line.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
    return out


def read_template(text: str, sections: Sequence, breaks: Sequence[tuple[int, int]] = ()) -> Template:
    """Return the template records of a report: its cover fields, member table, itinerary rows, captions and title."""
    cover = [f for s in sections if s.kind == "cover" for f in cover_fields(text, s.start, s.end)]
    title = next((t for s in sections if s.kind == "cover" for t in [cover_title(text, s.start, s.end)] if t), None)
    members: list[TableRow] = []
    itinerary: list[ItineraryRow] = []
    for rows in tables(text):
        dated = itinerary_rows(rows)
        if any(r.half for r in dated):  # an itinerary gives half-days; a dated budget or list table does not
            itinerary += dated
        elif not members and _MEMBER_HEADER_RE.search(" ".join(rows[0].cells)):
            members = rows
    return Template(tuple(cover), tuple(members), tuple(itinerary), tuple(captions(text, sections, breaks)), title)
