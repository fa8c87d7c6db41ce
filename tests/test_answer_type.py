"""The kind of answer a question asks for, and the kinds a sentence of the report offers."""

from __future__ import annotations

import pytest

from assistant.answer_type import DATE, NUMBER, PERSON, REASON, asked_kinds, offered_kinds


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("招商晚宴在哪一天舉行?", {DATE}),
        ("Which day did the delegation fly from Taiwan to Paris?", {DATE}),
        ("When was MEDEF founded? 建立 創建", {DATE}),  # an English question with its translations
        ("Sigfox 在多少個國家提供服務?", {NUMBER}),
        ("How large is Parc de Bercy?", {NUMBER}),
        ("巴黎由哪位副市長接待訪團?", {PERSON}),
        ("Who designed the Promenade plantée?", {PERSON}),
        ("港務局為什麼要全面自動化?", {REASON}),
        ("Why did the delegation visit the port authority?", {REASON}),
        ("Sigfox 的物聯網技術有什麼優勢?", set()),
        ("Somewhere in the whole report", set()),
    ],
)
def test_asked_kinds(question, kinds):
    assert asked_kinds(question) == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("市長 6 月 20 日晚間宴請法國工商業界代表", {DATE, NUMBER, PERSON}),
        ("法國企業聯盟（MEDEF）成立於 1998 年", {DATE, NUMBER}),
        ("貝西公園面積約 13.9 公頃", {NUMBER}),
        ("由該市 Pénélope Komites 負責接待", {PERSON}),
        ("擁有成本低、耗電量低、全球覆蓋率高等優勢", set()),
        ("為了解港口自動化的作法，訪團前往港務局", {REASON}),
        ("此行適逢國會大選，改由副市長接待", {REASON, PERSON}),
        ("本市以觀光為主要產業", set()),  # 為主: "as", not a purpose
    ],
)
def test_offered_kinds(sentence, kinds):
    assert offered_kinds(sentence) == kinds
