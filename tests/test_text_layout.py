"""Layout: headings, page breaks that cut a paragraph, sentences across them, table rows and headers."""

from __future__ import annotations

import pytest

from assistant.text.layout import caption_span, heading_level, page_breaks, row_key, sentence_spans, table_span


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("摘要", 1),
        ("壹、出國人員名單", 1),
        ("二、參訪物聯網新創公司 Sigfox", 2),
        ("(一) 參訪臺中精機法國分公司", 3),
        ("（二）與費里耶爾特盧昂布里市之市長交流", 3),
        ("## Notes", 2),
        ("壹、出國人員名單\t4", None),  # a table-of-contents entry
        ("一、這是一整句話而不是標題。", None),
        ("市長體驗物聯網應用於生活之便利", None),
    ],
)
def test_heading_level(line, level):
    assert heading_level(line) == level


def test_page_breaks_join_a_paragraph_cut_mid_word(report_text):
    spans = page_breaks(report_text)
    joined = {report_text[s - 3 : s] + report_text[e : e + 3] for s, e in spans}
    assert "藉由專訪機會" in joined
    assert "嫣紅色系，因" in joined
    # A gap after a finished sentence or a heading is a real paragraph break.
    for s, e in spans:
        assert report_text[s - 1] not in "。：", report_text[s - 20 : e + 10]


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("局長參訪港務局，港務局將提供本市港區規劃之資\n\n訊，協助本市推動智慧港區。", True),  # 資…訊 cut
        ("局長向港務局處長握手致意並合影\n\n另，本府也拜會了市議會。", False),  # a caption, then 另，
        ("局長向港務局處長握手致意並合影\n\n局長接著參觀自動化碼頭，並聽取簡報。", False),
        ("港務局\n\n訊，協助本市推動智慧港區。", False),  # too short a line to be wrapped text
        ("圖一 局長與港務局處長握手致意合影\n\n1、港區自動化碼頭已全面啟用。", False),  # a caption, then a list
        ("圖一 局長與港務局處長握手致意合影\n\n甲、港區自動化碼頭已全面啟用。", False),
        ("圖一 局長與港務局處長握手致意合影\n\n如，港區自動化碼頭已全面啟用。", False),
    ],
)
def test_a_short_line_is_cut_mid_word_when_the_next_line_finishes_the_word(text, cut):
    assert bool(page_breaks(text)) is cut


def test_sentence_spans_continue_across_page_breaks(report_text):
    breaks = page_breaks(report_text)
    start = report_text.index("市長在航空日報專訪中指出")
    end = report_text.index("打造臺中成為航太智慧生產基地") + 40
    sentences = [report_text[s:e] for s, e in sentence_spans(report_text, start, end, breaks)]
    crossing = [s for s in sentences if "藉由專" in s]
    assert len(crossing) == 1 and "訪機會，宣示" in crossing[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        ("他說「好。」然後走了。", ["他說「好。」", "然後走了。"]),
        ("1.\t臺中市\t市長\n2.\t副市長\n", ["1.\t臺中市\t市長", "2.\t副市長"]),
        ("  前後空白。  ", ["前後空白。"]),
    ],
)
def test_sentence_spans_split_at_sentence_ends_and_lines(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text))] == expected


def test_a_table_row_continuing_the_row_above_is_keyed_by_its_first_cell():
    table = "日期\t時間\t行程\n6/18 (日)\t上午 巴黎\t轉機\n\t下午 土魯斯\t參訪 Sigfox\n\t晚上\t晚宴\n本文。"
    assert row_key(table, table.index("下午")) == "6/18 (日)"
    assert row_key(table, table.index("晚上")) == "6/18 (日)"
    assert row_key(table, table.index("6/18")) == ""  # a row with its own first cell
    assert row_key(table, table.index("本文")) == ""  # not a table row


TABLE = "前文。\n日期\t時間\t行程\n6/18 (日)\t上午 巴黎\t轉機\n\t下午 土魯斯\t參訪 Sigfox\n\t晚上\t晚宴\n本文。"


def quoted(text: str, sentence: str, max_chars: int = 600) -> str:
    start = text.index(sentence)
    span = table_span(text, start, start + len(sentence), max_chars)
    return text[span[0] : span[1]]


def test_a_quoted_table_header_brings_its_table_when_the_table_is_short():
    table = "日期\t時間\t行程\n6/18 (日)\t上午 巴黎\t轉機\n\t下午 土魯斯\t參訪 Sigfox\n\t晚上\t晚宴"
    assert quoted(TABLE, "日期\t時間\t行程") == table
    assert quoted(TABLE, "日期\t時間\t行程", max_chars=20) == "日期\t時間\t行程"  # too long: the header alone


def test_a_quoted_row_continuing_a_merged_cell_brings_the_rows_from_that_cell():
    assert quoted(TABLE, "下午 土魯斯\t參訪 Sigfox") == "6/18 (日)\t上午 巴黎\t轉機\n\t下午 土魯斯\t參訪 Sigfox"
    assert quoted(TABLE, "晚上\t晚宴").startswith("6/18 (日)")
    assert quoted(TABLE, "6/18 (日)\t上午 巴黎\t轉機") == "6/18 (日)\t上午 巴黎\t轉機"  # its own first cell
    assert quoted(TABLE, "本文。") == "本文。" and quoted(TABLE, "前文。") == "前文。"  # not table rows


def test_a_caption_broken_over_lines_is_quoted_whole_and_other_spans_are_left_alone():
    text = "港務局表示自動化已完成。\n\n局長接受港務局處長\n范德堡專訪\n\n另一張照片的說明\n\n下一段。"
    first = (text.index("局長接受"), text.index("局長接受") + len("局長接受港務局處長"))
    second = (text.index("范德堡專訪"), text.index("范德堡專訪") + len("范德堡專訪"))
    other = (text.index("另一張"), text.index("另一張") + len("另一張照片的說明"))
    captions = [first, second, other]
    whole = (first[0], second[1])
    assert caption_span(text, *first, captions) == whole  # runs on across one line break
    assert caption_span(text, *second, captions) == whole  # and from it
    assert caption_span(text, *other, captions) == other  # a blank line apart: another photo's caption
    sentence = (0, text.index("\n"))
    assert caption_span(text, *sentence, captions) == sentence  # no caption
