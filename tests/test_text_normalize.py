"""Folding and query normalization: width, case, variants, Simplified to Traditional, for matching only."""

from __future__ import annotations

import pytest

from assistant.text.normalize import fold, normalize_query, to_traditional


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Sigfox 在多少个国家提供服务？", "Sigfox 在多少個國家提供服務?"),
        ("台中市长", "臺中市長"),
        ("  EDF\t持股   比例  ", "EDF 持股 比例"),
        ("ＡＰＵＲ　在哪裡", "APUR 在哪裡"),
        ("bad\x00control\x07chars", "badcontrolchars"),
    ],
)
def test_normalize_query_folds_width_and_converts_simplified(question, expected):
    assert normalize_query(question) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("代表团在尼斯参观了什么", "代表團在尼斯參觀了什麼"),
        ("費里耶爾特盧昂布里市的市長是誰", "費里耶爾特盧昂布里市的市長是誰"),  # not 費裡耶爾
        ("加拿大國家館占地多大", "加拿大國家館占地多大"),  # not 佔地
        ("Sigfox", "Sigfox"),
    ],
)
def test_only_simplified_text_is_converted_to_traditional(text, expected):
    assert to_traditional(text) == expected


def test_fold_is_for_matching_only():
    assert fold("Ａ臺\n\n中ＢＣ") == "a臺\n\n中bc"
