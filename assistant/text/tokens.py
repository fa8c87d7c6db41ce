"""Tokens for BM25 and question matching: Han unigrams and bigrams, Latin words, dates, stopwords."""

from __future__ import annotations

import re

from .normalize import HAN_CHARS, fold, has_han
from .words import QUESTION_STOPWORDS

_TOKEN_RE = re.compile(rf"[{HAN_CHARS}]+|[a-z0-9]+(?:[.'][a-z0-9]+)*")
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(3[01]|[12]\d|0?[1-9])"
_MONTH = r"(1[0-2]|0?[1-9])"
# Month and day as the report writes them (6/21, 6 月 21 日, 6月21日) and as users may (June 21, 21 June).
_DATE_PATTERNS = (
    (re.compile(rf"(?<![\d/]){_MONTH}\s*/\s*{_DAY}(?![\d/])"), 1, 2),
    (re.compile(rf"(?<!\d){_MONTH}\s*月\s*{_DAY}\s*[日號号]"), 1, 2),
    (re.compile(rf"\b{_MONTH_NAME}\s+{_DAY}(?:st|nd|rd|th)?\b"), 1, 2),
    (re.compile(rf"\b{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}(?![a-z])"), 2, 1),
)
# A Republic of China year (民國106年, or 106年 followed by a month) is also its Gregorian year: 106 -> 2017.
# Days of one month as an itinerary writes them: "3/8~9".
_DAY_RANGE_RE = re.compile(r"\d{1,2}/\d{1,2}\s*[~～-]\s*\d{1,2}(?![\d/])")
# A weekday in brackets, as an itinerary writes one after its date: "(三)", "（週五~六）".
_WEEKDAY_RE = re.compile(
    r"[(（]\s*(?:週|星期)?[一二三四五六日天]\s*(?:[~～、-]\s*(?:週|星期)?[一二三四五六日天]\s*)?[)）]"
)
_ROC_YEAR_RE = re.compile(r"民國\s*(\d{2,3})\s*年|(?<!\d)(\d{2,3})\s*年\s*(?=\d{1,2}\s*月)")
ROC_YEAR_OFFSET = 1911


def tokenize(text: str) -> list[str]:
    """Return BM25 tokens: Han characters as unigrams plus bigrams, Latin words and numbers lower-cased,
    then one `month/day` token per date and the Gregorian year of each ROC year (see `date_tokens`).

    >>> tokenize("Maersk 提供服務")
    ['maersk', '提', '供', '服', '務', '提供', '供服', '服務']
    >>> tokenize("6 月 21 日")
    ['6', '月', '21', '日', '6/21']
    """
    folded = fold(text)
    tokens: list[str] = []
    for run in _TOKEN_RE.findall(folded):
        if has_han(run):
            tokens.extend(run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run)
    return tokens + date_tokens(folded)


# The days of the week as a Chinese date writes them ("(五)", "星期五"), Monday first.
WEEKDAYS = "一二三四五六日"


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


def without_dates(folded: str) -> str:
    """Return folded text with each date, ROC year and bracketed weekday blanked out: the numbers left are amounts,
    counts or years."""
    for pattern in (_DAY_RANGE_RE, *(p for p, _, _ in _DATE_PATTERNS), _ROC_YEAR_RE, _WEEKDAY_RE):
        folded = pattern.sub(lambda m: " " * len(m.group(0)), folded)
    return folded


def content_tokens(text: str) -> list[str]:
    """Return the query tokens that carry meaning (question words and particles removed)."""
    return [t for t in tokenize(text) if t not in QUESTION_STOPWORDS]
