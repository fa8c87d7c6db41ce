"""BM25 tokens: Han unigrams and bigrams, Latin words, one token per date however written, stopwords."""

from __future__ import annotations

import re

import pytest

from assistant.text.normalize import fold
from assistant.text.tokens import content_tokens, date_tokens, tokenize, without_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sigfox 提供服務", ["sigfox", "提", "供", "服", "務", "提供", "供服", "服務"]),
        ("EDF集團", ["edf", "集", "團", "集團"]),
        ("６月２１日", ["6", "月", "21", "日", "6/21"]),
        ("A.S.O.總部", ["a.s.o", "總", "部", "總部"]),
        ("、。！", []),
    ],
)
def test_tokenize_makes_unigrams_bigrams_and_latin_words(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6/21 (三)\t上午 巴黎", ["6/21"]),
        ("於 6 月 21 日接受專訪", ["6/21"]),
        ("6月18號下午去了哪？", ["6/18"]),  # 號 for 日, as people ask
        ("6月18号下午去了哪？", ["6/18"]),
        ("市長6月21日於巴黎", ["6/21"]),
        ("what happened on june 21st?", ["6/21"]),
        ("the 21st of june", ["6/21"]),
        ("報告日期：106年8月24日", ["8/24", "2017"]),
        ("民國106年", ["2017"]),
        ("成立於 1998 年，24/7 服務，1/2/3", []),
    ],
)
def test_dates_give_one_token_however_they_are_written(text, expected):
    assert date_tokens(fold(text)) == expected


def test_a_date_question_shares_the_reports_date_token():
    assert "6/21" in tokenize("What was on the schedule on June 21?")
    assert "6/21" in tokenize("6/21 (三)\t上午 巴黎\t出席巴黎國際航太展")


def test_content_tokens_drop_question_words():
    assert "多少" not in content_tokens("Sigfox 在多少個國家提供服務？")
    assert "sigfox" in content_tokens("Sigfox 在多少個國家提供服務？")
    assert content_tokens("What is the budget?") == ["budget"]


def test_without_dates_blanks_each_date_and_roc_year_and_keeps_the_other_numbers():
    folded = fold("局長於 3 月 5 日（3/5）出發，3/8~9 (五~六) 返國，民國113年3月，共 12 人")
    left = without_dates(folded)
    assert len(left) == len(folded)
    assert re.findall(r"\d+", left) == ["3", "12"]  # the month after the ROC year stands alone, the count stays
