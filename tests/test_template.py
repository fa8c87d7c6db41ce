"""Tests for the report template reader: table-of-contents pages per section."""

from __future__ import annotations

import pytest

from assistant.glossary import mine_glossary
from assistant.ingest import parse_document
from assistant.template import (
    TITLE,
    CoverField,
    Template,
    cover_title,
    itinerary_rows,
    rows_naming,
    section_pages,
    tables,
    title_key,
    toc_pages,
)

REPORT = """出國報告

目 錄

摘要\t2
壹、目的\t3
貳、過程 (Visit) 紀要\t4
一、參訪港務局\t4
二、拜會市議會\t6
參、建議事項\t9

摘要

本次出國考察港埠管理。

壹、目的

了解港務。

貳、過程（Visit）紀要

一、參訪港務局

港務局局長親自接待。

二、拜會市議會

議長致詞。

參、建議事項

建議持續交流。
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("摘要\t3", {"摘要": 3}),
        ("五、參訪空港 (Port) 總部\t10", {title_key("五、參訪空港（Port）總部"): 10}),
        ("壹、目的 ........ 4", {"壹目的": 4}),
        ("沒有頁碼的一行", {}),
    ],
)
def test_toc_lines_give_each_title_its_page(line, expected):
    assert toc_pages(line) == expected


def test_a_section_spans_its_page_to_the_next_listed_sections_page():
    assert section_pages(["封面", "甲", "乙", "丙"], {"甲": 3, "乙": 5, "丙": 5}) == [None, (3, 5), (5, 5), (5, 5)]


def test_every_offset_of_a_report_maps_to_its_sections_pages():
    doc = parse_document("r.txt", REPORT)
    assert doc.pages_at(REPORT.index("港務局局長")) == (4, 6)
    assert doc.pages_at(REPORT.index("議長致詞")) == (6, 9)
    assert doc.pages_at(REPORT.index("建議持續交流")) == (9, 9)
    assert doc.pages_at(REPORT.index("出國報告")) is None


def test_photo_captions_are_the_short_lines_between_paragraphs():
    text = (
        "封面\n\n壹、過程\n\n局長於 3 月 5 日參訪港務局，由處長接待。\n\n局長與港務局代表合影\n\n"
        "港務局表示碼頭已全面自動化，每年節省約三成人力成本。\n"
    )
    doc = parse_document("r.txt", text)
    assert [text[s:e] for s, e in doc.template.captions] == ["局長與港務局代表合影"]


def test_no_code_names_a_party_person_or_place_of_the_bundled_report(assistant):
    """The code is built for the genre: nothing in assistant/ names what only the bundled report says (its cover
    values, its members, the names it gives in both scripts)."""
    import re

    from assistant.config import PROJECT_ROOT

    document = assistant.index.document(assistant.sources[0])
    han = {f.value for f in document.template.cover if len(f.value) >= 3}
    han |= {cell for row in document.template.members[1:] for cell in row.cells[-1:] if len(cell) >= 2}
    han |= {name for name in assistant.glossary.values() if len(name) >= 2}
    han |= {name for name in mine_glossary([document]).values() if len(name) >= 3}  # as written, epithets and all
    # A long name's head is a name too: a made-up example must not reuse it (費里耶爾 of 費里耶爾特盧昂布里市).
    han |= {name[:4] for name in assistant.glossary.values() if len(name) >= 6}
    # And its other names: the short names staff use, a dictionary's other transliterations (達梭 of 達梭系統).
    han |= {alias for alias in assistant.aliases if not alias.isascii()}
    # The visits' own headings, their numbering aside ("參訪港務局" of "二、參訪港務局" or "(一) 參訪港務局").
    han |= {
        re.sub(r"^(?:\S+、|[(（][^)）]*[)）]\s*)", "", s.path[-1])  # "二、" and "(一) " numbering alike
        for s in document.sections
        if len(s.path) > 1 and s.kind == "body"
    }
    latin = {alias for alias in assistant.glossary if len(alias) >= 4}
    # The people the report names in Latin letters (Jan Visser) and its model names (B787).
    latin |= set(re.findall(r"\b[A-Z][a-zé]+(?:-[A-Z][a-zé]+)? [A-Z][A-Za-zé]+\b", document.text))
    latin |= set(re.findall(r"\b[A-Z]{1,3}\d{3,4}\b", document.text))
    assert len(han) > 20 and len(latin) > 20  # the report's names were read, so the check can find them
    code = {p: p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "assistant").rglob("*.py")}
    found = [
        (name, p.name)
        for p, text in code.items()
        for name in han | latin
        if (name in text if name in han else re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE))
    ]
    assert found == []


def test_the_cover_title_is_its_first_line_that_is_not_a_field_with_its_exact_span():
    text = "\n公務出國報告（出國類別：考察）\n\n  某市政府赴某國  考察 出國報告 \n\n服務機關：某市政府\n"
    title = cover_title(text, 0, len(text))
    assert (title.key, title.value) == (TITLE, "某市政府赴某國 考察 出國報告")
    assert text[title.start : title.end] == "某市政府赴某國  考察 出國報告"
    assert cover_title("服務機關：某市政府\n", 0, 10) is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("報告（類別：參訪）\n\n某市政府赴某國 交流  出國報告\n\n服務機關：某市政府\n", "某市政府赴某國 交流 出國報告"),
        ("服務機關：某局\n出國期間：1月\n", ""),
        ("", ""),
    ],
)
def test_a_report_title_is_the_first_cover_line_that_is_not_a_field(text, title):
    found = cover_title(text, 0, len(text))
    assert (found.value if found else "") == title


def test_the_itinerary_rows_naming_a_visits_heading_are_found_whatever_its_numbering():
    text = "日期\t時間、地點\t行程規劃\n3/5 (二)\t上午 鹿特丹\t參訪港務局\n\t下午 鹿特丹\t參觀貨櫃碼頭\n3/6 (三)\t上午\t拜會 市議會\n"
    rows = itinerary_rows(tables(text)[0])
    assert [r.days for r in rows_naming(text, rows, "二、參訪港務局")] == [("3/5",)]
    assert [r.days for r in rows_naming(text, rows, "(三) 拜會市議會")] == [("3/6",)]  # spaces aside
    assert rows_naming(text, rows, "三、參訪") == []  # too short to tell one visit


@pytest.mark.parametrize(
    ("cell", "weekdays"),
    [
        ("3/5 (二)", ("二",)),
        ("3/8~9 （五~六）", ("五", "六")),  # a range, in full-width brackets
        ("12/30~1/2 (六~二)", ("六", "日", "一", "二")),  # over a weekend
        ("3/7 (星期四)", ()),  # not the cell's short form: no guess
        ("3/5", ()),
    ],
)
def test_a_day_cell_gives_the_days_of_the_week_it_writes(cell, weekdays):
    from assistant.template import weekdays_of

    assert weekdays_of(cell) == weekdays


def test_each_itinerary_row_keeps_its_days_weekdays_continued_rows_too():
    text = "日期\t時間、地點\t行程規劃\n3/5 (二)\t上午 鹿特丹\t參訪港務局\n\t下午 鹿特丹\t參觀貨櫃碼頭\n3/6\t上午\t拜會 市議會\n"
    assert [r.weekdays for r in itinerary_rows(tables(text)[0])] == [("二",), ("二",), ()]


def test_a_row_travels_only_when_its_plan_tells_of_no_visit_and_its_visits_are_where_the_way_starts():
    from assistant.template import is_travel, stop_place

    assert is_travel("3/4 (一)\t上午 高雄→阿姆斯特丹\t搭機前往荷蘭")
    visit_then_fly = "\t下午 鹿特丹→阿姆斯特丹\t參訪鹿特丹港務局 搭機前往阿姆斯特丹"
    assert not is_travel(visit_then_fly) and stop_place(visit_then_fly) == "鹿特丹"
    assert not is_travel("3/5 (二)\t09:00~12:00 鹿特丹\t參訪港務局")  # a time range is no way


@pytest.mark.parametrize(
    ("agency", "city"),
    [("高雄市政府海洋局", "高雄市"), ("宜蘭縣政府文化局", "宜蘭縣"), ("經濟部工業局", ""), ("", "")],
)
def test_the_reports_own_city_is_the_city_or_county_whose_government_filed_it(agency, city):
    cover = (CoverField("服務機關", agency, 0, len(agency)),) if agency else ()
    assert Template(cover=cover).own_city == city
