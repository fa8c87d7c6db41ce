"""Chunks: exact slices of the source, inside one section, tables and captions kept with it."""

from __future__ import annotations

from assistant.chunking import Chunker, joined_view
from assistant.config import ChunkerSettings
from assistant.ingest import parse_document


def chunks_of(text):
    doc = parse_document("corpus/report.txt", text)
    return doc, Chunker(ChunkerSettings()).chunk_document(doc)


def test_every_chunk_is_an_exact_slice_of_the_file(report_text):
    _, chunks = chunks_of(report_text)
    assert 90 <= len(chunks) <= 115
    for c in chunks:
        assert report_text[c.start : c.end] == c.text
        assert c.text == c.text.strip()


def test_a_sections_first_chunk_starts_at_its_heading(report_text):
    doc, chunks = chunks_of(report_text)
    firsts = {}
    for c in chunks:
        firsts.setdefault(c.section, c)
    for section in doc.sections:
        if section.kind == "body" and section.label in firsts:
            assert firsts[section.label].start == section.start  # the heading line opens the passage
    without = Chunker(ChunkerSettings(heading_in_first_chunk=False)).chunk_document(doc)
    assert all(doc.section_at(c.start).body_start <= c.start for c in without)


def test_chunks_never_cross_a_section_and_skip_the_toc(report_text):
    doc, chunks = chunks_of(report_text)
    for c in chunks:
        section = doc.section_at(c.start)
        assert section.kind != "toc"
        assert section.label == c.section
        assert c.end <= section.end


def test_chunk_sizes_follow_the_settings(report_text):
    _, chunks = chunks_of(report_text)
    sizes = [len(joined_view(report_text, c.start, c.end, ())[0]) for c in chunks]
    assert max(sizes) <= 300 + 80 + 10  # a merged tail may overshoot by at most one tail
    assert sum(sizes) / len(sizes) > 150


def test_member_table_and_photo_captions_stay_with_their_section(report_text):
    _, chunks = chunks_of(report_text)
    members = [c for c in chunks if c.section == "壹、出國人員名單"]
    assert len(members) == 1 and "4.\t臺中市政府經濟發展局\t局長\t呂曜志" in members[0].text
    caption = [c for c in chunks if "市長邀請 Sigfox 進駐水湳智慧城" in c.text]
    assert caption and caption[0].section.endswith("二、參訪物聯網新創公司 Sigfox")


def test_page_break_does_not_split_a_chunk(report_text):
    _, chunks = chunks_of(report_text)
    assert any("藉由專\n\n訪機會" in c.text for c in chunks)


def test_joined_view_maps_back_to_source():
    text = "abc\n\ndef"
    view, origin = joined_view(text, 0, len(text), ((3, 5),))
    assert view == "abcdef"
    assert "".join(text[i] for i in origin) == "abcdef"


def test_a_days_itinerary_rows_stay_in_one_chunk():
    # A day's morning row and the afternoon row continuing it (a line opening with a tab) are one passage.
    days = "\n".join(
        f"3/{d} (一)\t上午 鹿特丹\t參訪港務局第 {d} 號碼頭並聽取港口數據平臺之營運簡報\n"
        f"\t下午 鹿特丹\t考察運河住宅再生計畫並與市議會代表就觀光人潮管理與郵輪停靠政策交換意見"
        for d in range(4, 12)
    )
    text = f"封面\n\n參、考察過程\n\n一、行程表\n\n日期\t時間、地點\t行程規劃\n{days}\n"
    _, chunks = chunks_of(text)
    rows = [c for c in chunks if "鹿特丹" in c.text]
    assert len(rows) > 1 and all(text[c.start : c.end] == c.text for c in rows)
    assert not any(c.text.startswith("下午") for c in rows)  # no afternoon row without its day
    for d in range(4, 12):
        for c in (c for c in rows if f"3/{d} (一)" in c.text):
            assert "考察運河住宅再生計畫" in c.text.split(f"3/{d} (一)")[1]  # the day's afternoon comes with it
