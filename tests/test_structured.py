"""Tests for template answers on a report of another trip in the same genre: nothing is specific to one report."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant

FIXTURE = Path(__file__).parent / "fixtures" / "port-report.txt"
FIRST = "鹿特丹港是歐洲最大的港口，年吞吐量約 4.6 億噸。"
DATED = "局長於 3 月 5 日率團參訪鹿特丹港務局，由該局國際事務處處長范德堡接待，並簡報港口數據平臺的運作。"


def _rows(quotes: list[str]) -> list[str]:
    """Return an itinerary answer's rows, checking that every other quote is a visit's sentence telling of it."""
    told = [q for q in quotes if "\t" not in q]
    assert all(q.startswith("局長於") for q in told)  # the fixture's visits open "局長於 <date> …"
    return [q for q in quotes if "\t" in q]


def _quotes(assistant: Assistant, question: str, context: str | None = None) -> list[str]:
    answer = assistant.ask(question, context=context)
    source = assistant.index.document(answer.quotes[0].source).text if answer.quotes else ""
    for q in answer.quotes:
        assert source[q.start : q.end] == q.quote  # quotes stay exact slices
    return [q.quote for q in answer.quotes]


# The fixture report's recommendations as a list or an overview quotes them: each item's heading, then its first
# sentence saying what it asks for.
RECOMMENDATIONS = [
    "一、推動智慧港口數據平臺",
    "建議整合港區車流、船期與貨櫃資料，建立開放數據平臺。",
    "二、建立港市合作委員會",
    "建議由市府與港務公司共組委員會，定期協調港區土地利用。",
    "三、擴大國際郵輪航線行銷",
    "建議參考阿姆斯特丹經驗，兼顧郵輪觀光與居民生活品質。",
]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("報告是哪天交出去的？", ["報告日期：108年5月2日"]),
        ("這份報告的標題是什麼？", ["高雄市政府赴荷蘭考察港灣城市治理 出國報告"]),
        ("Who led the delegation?", ["姓名職稱：王大明局長等"]),
        ("請問這次是誰率團出國的？", ["姓名職稱：王大明局長等"]),  # a polite opening is no name the report lacks
        ("這次是派到哪一國？", ["派赴國家：荷蘭"]),
        ("經發局那邊是誰一起去？", ["3.\t高雄市政府經濟發展局\t專員\t林美玲"]),
        ("5 號下午排了什麼？", ["3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局\n\t下午 鹿特丹\t參觀自動化貨櫃碼頭"]),
        ("他們哪天飛回來？", ["3/8~9 (五~六)\t上午 阿姆斯特丹→高雄\t搭機返抵高雄"]),
        ("報告最後提了哪些建議？", RECOMMENDATIONS),
    ],
)
def test_template_questions_are_answered_from_the_reports_records(port_assistant, question, expected):
    assert _quotes(port_assistant, question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("心得是什麼？", "荷蘭港口以數據驅動營運，港務局與市政府分工明確，值得本市借鏡。"),
    ],
)
def test_a_closing_or_opening_section_is_quoted_from_its_text_not_its_bare_heading(port_assistant, question, expected):
    # "貳、目的" quoted alone, with a citation of its own, says nothing the citation does not
    assert _quotes(port_assistant, question) == [expected]


SUMMARY_PURPOSE = "本局為汲取歐洲港灣城市經驗，由局長率團赴荷蘭考察鹿特丹港及阿姆斯特丹之港市治理，期間參訪港務局並拜會市議會，作為本市亞洲新灣區發展之參考。"
PURPOSE = "本次考察旨在了解荷蘭港口自動化與港市共榮的作法，並建立與鹿特丹港務局的交流管道，協助本市推動港區轉型。"


@pytest.mark.parametrize(
    "question", ["這次出訪的目的是什麼？", "這趟去荷蘭到底是想達成什麼？", "What was the trip supposed to achieve?"]
)
def test_the_trips_purpose_quotes_its_section_and_the_summarys_sentence_giving_it(port_assistant, question):
    assert _quotes(port_assistant, question) == [SUMMARY_PURPOSE, PURPOSE]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("第二天的行程是什麼？", "3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局\n\t下午 鹿特丹\t參觀自動化貨櫃碼頭"),
        (
            "What was on the schedule on the third day?",
            "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫",
        ),
        (
            "第三天下午去了哪裡？",
            "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫",
        ),
        ("最後一天的行程是什麼？", "3/8~9 (五~六)\t上午 阿姆斯特丹→高雄\t搭機返抵高雄"),
        (
            "回國前最後一整天排了什麼？",  # the closing day only flies home
            "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫",
        ),
        (
            "回國前一天做了什麼？",  # the table skips 3/7: the itinerary's day before the return
            "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫",
        ),
        (
            "3/5 的隔天去了哪？",
            "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫",
        ),
        ("第三天的前一天做了什麼？", "3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局\n\t下午 鹿特丹\t參觀自動化貨櫃碼頭"),
    ],
)
def test_the_trips_nth_or_last_day_is_read_off_the_itinerary_in_its_order(port_assistant, question, expected):
    assert _rows(_quotes(port_assistant, question)) == [expected]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "到阿姆斯特丹第一天做了什麼？",  # not the trip's first day, the flight there
            "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫",
        ),
        (
            "What was on the schedule for their first day in Rotterdam?",
            "3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局\n\t下午 鹿特丹\t參觀自動化貨櫃碼頭",
        ),
        ("在鹿特丹第一天上午排了什麼？", "3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局"),
    ],
)
def test_the_nth_day_in_a_place_is_counted_among_the_days_there(port_assistant, question, expected):
    assert _rows(_quotes(port_assistant, question)) == [expected]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("到阿姆斯特丹第一站去哪？", "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會"),  # not the flight there
        ("What was their first stop in Amsterdam?", "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會"),
        ("這趟的第一站是哪裡？", "3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局"),
        (
            "這趟的最後一站是哪裡？",  # the row before the flight home, with its day
            "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫",
        ),
    ],
)
def test_the_first_or_last_stop_is_the_first_or_last_row_that_is_no_journey(port_assistant, question, expected):
    assert _rows(_quotes(port_assistant, question)) == [expected]


@pytest.mark.parametrize(
    "question", ["在鹿特丹那兩天做了什麼？", "Can you give me a quick rundown of what they did in Rotterdam?"]
)
def test_what_was_done_in_a_place_is_every_itinerary_row_there(port_assistant, question):
    assert _rows(_quotes(port_assistant, question)) == [
        "3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局\n\t下午 鹿特丹\t參觀自動化貨櫃碼頭"
    ]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("3/5 上午做了什麼？", ["3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局", DATED]),
        (
            "3/6 排了哪些行程？",  # the afternoon's row names no visit the report tells of: one sentence
            [
                "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫",
                "局長於 3 月 6 日拜會阿姆斯特丹市議會，由副議長德弗里斯接待，雙方就運河住宅再生及觀光人潮管理交換意見。",
            ],
        ),
        ("3/4 做了什麼？", ["3/4 (一)\t上午 高雄→阿姆斯特丹\t搭機前往荷蘭"]),  # a flight: no visit to tell of
    ],
)
def test_an_itinerary_answer_quotes_after_its_rows_the_sentence_telling_of_each_visit_they_name(
    port_assistant, question, expected
):
    assert _quotes(port_assistant, question) == expected


@pytest.mark.parametrize("question", ["星期三下午去了哪？", "What was on the schedule for Wednesday afternoon?"])
def test_a_day_of_the_week_is_the_itinerary_day_its_cell_writes(port_assistant, question):
    assert _rows(_quotes(port_assistant, question)) == [
        "3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫"
    ]


def test_rows_naming_more_visits_than_the_setting_allows_are_quoted_alone(port_assistant, monkeypatch):
    from dataclasses import replace

    settings = replace(port_assistant.template.settings, itinerary_visits_told=1)
    monkeypatch.setattr(port_assistant.template, "settings", settings)
    quotes = _quotes(port_assistant, "3/5 和 3/6 做了什麼？")  # two visits named, one allowed
    assert [q.split(" ")[0] for q in quotes] == ["3/5", "3/6"]


@pytest.mark.parametrize(
    "question", ["在鹿特丹市區都逛了哪些地方？", "現在都做了什麼？", "What did they do in the morning?"]
)
def test_a_question_naming_no_place_or_a_part_of_one_is_not_answered_with_a_places_rows(port_assistant, question):
    answer = port_assistant.ask(question)
    assert "3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局\n\t下午 鹿特丹\t參觀自動化貨櫃碼頭" not in [
        q.quote for q in answer.quotes
    ]


@pytest.mark.parametrize(
    "question",
    ["整趟行程的路線是怎麼走的？", "行程是什麼？", "這次的行程有哪些？", "行程安排為何？", "What was the itinerary?"],
)
def test_the_whole_trips_plan_quotes_every_day_of_the_itinerary(port_assistant, question):
    quotes = _quotes(port_assistant, question)  # the plan asked by itself is the whole table, not a sentence
    assert [q.split(" ")[0] for q in quotes] == ["3/4", "3/5", "3/6", "3/8~9"]


def test_an_overview_of_no_named_section_is_never_the_itinerary_tables_gist(port_assistant):
    answer = port_assistant.ask("3月5日上午去鹿特丹港務局主要聊了什麼？")
    assert not any(q.quote.startswith(("一、行程表", "日期\t")) for q in answer.quotes)


def test_a_day_past_the_itinerary_is_not_a_template_answer(port_assistant):
    answer = port_assistant.ask("第九天的行程是什麼？")
    assert answer.signals["template"] == 0.0  # no record read off: the itinerary has four days


def test_the_whole_member_table_answers_who_went(port_assistant):
    [quote] = _quotes(port_assistant, "這次出國的成員有哪些人？")
    assert all(name in quote for name in ("王大明", "陳小華", "林美玲"))


def test_that_afternoon_after_a_day_question_quotes_that_days_afternoon(port_assistant):
    quotes = _quotes(port_assistant, "那天下午呢？", context="3/6 上午去了哪裡？")
    assert quotes == ["3/6 (三)\t上午 阿姆斯特丹\t拜會阿姆斯特丹市議會\n\t下午 阿姆斯特丹\t考察運河住宅再生計畫"]


def test_a_template_answer_ranks_its_passage_first(port_assistant):
    answer = port_assistant.ask("報告是哪天交出去的？")
    assert answer.passages[0].start <= answer.quotes[0].start < answer.passages[0].end
    assert not answer.abstained and answer.level == "high"


def test_a_visit_to_a_city_named_only_in_passing_is_a_false_premise(port_assistant):
    answer = port_assistant.ask("訪團是哪一天去德國漢堡參訪的？")
    assert answer.abstained
    assert any("德國漢堡" in n for n in answer.notices)
    assert "德國漢堡" in answer.passages[0].text  # where the name does occur, shown as the nearest passage


def test_which_day_of_a_visit_is_the_visits_own_dated_sentence(port_assistant):
    from assistant.intent import VISIT_DAY, Intent

    doc = port_assistant.sources[0]
    visit = "參、考察過程 › 二、參訪鹿特丹港務局"  # its first sentence gives a tonnage, its second the day
    found = port_assistant.template.answer(Intent(VISIT_DAY), doc, "去港務局是哪一天？", visit)
    text = port_assistant.index.document(doc).text
    assert found is not None and found.supplements
    assert [text[a:b] for a, b in found.spans] == [text[text.index("局長於 3 月 5 日") : text.index("運作。") + 3]]
    assert port_assistant.template.answer(Intent(VISIT_DAY), doc, "哪一天？", "參、考察過程 › 一、行程表") is None


LAST = "港務局表示，其貨櫃碼頭已全面自動化，每年節省約三成人力成本。"


@pytest.mark.parametrize(
    ("first", "count", "chars", "expected"),
    [
        (2, 6, 1000, [FIRST, DATED, LAST]),  # room for the whole visit
        (1, 6, 40, [FIRST, DATED]),  # the characters end it after the first (the dated sentence is always added)
        (1, 2, 1000, [FIRST, DATED]),  # the count ends it after one more: the third is left out
    ],
)
def test_an_overview_quotes_a_visits_first_sentences_then_its_most_typical_within_the_limits(
    port_assistant, first, count, chars, expected
):
    from dataclasses import replace

    from assistant.intent import OVERVIEW, Intent
    from assistant.structured import TemplateAnswerer

    settings = replace(port_assistant.settings, lead_first=first, lead_sentences=count, lead_chars=chars)
    doc = port_assistant.sources[0]
    text = port_assistant.index.document(doc).text
    found = TemplateAnswerer(port_assistant.index, settings).answer(
        Intent(OVERVIEW), doc, "港務局那站的重點？", "參、考察過程 › 二、參訪鹿特丹港務局"
    )
    heading, *quoted = [text[a:b] for a, b in found.spans]
    assert heading == "二、參訪鹿特丹港務局"
    assert quoted == expected


def test_an_overview_leaves_out_photo_captions(assistant):
    answer = assistant.ask("空巴總部那一站的重點是什麼？")  # the visit's captions name its typical moments
    captions = assistant.index.document(assistant.sources[0]).template.captions
    assert len(answer.quotes) >= 3
    assert not any(c0 <= q.start and q.end <= c1 for q in answer.quotes for c0, c1 in captions)


def test_an_overview_of_a_section_of_items_quotes_each_items_heading_and_first_sentence(port_assistant):
    assert _quotes(port_assistant, "Can you sum up what the report recommends?") == RECOMMENDATIONS


def _variant_assistant(tmp_path_factory, model_dir, embedder, name: str, old: str, new: str) -> Assistant:
    """The assistant over the port report with `old` written as `new` (the text must hold `old`)."""
    from assistant.config import Settings

    root = tmp_path_factory.mktemp(name)
    (root / "corpus").mkdir()
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    (root / "corpus" / "port-report.txt").write_text(text.replace(old, new), encoding="utf-8")
    settings = Settings(root=root, corpus_dir=root / "corpus", embeddings_dir=root / "emb", model=str(model_dir))
    return Assistant.load(settings, embedder=embedder)


@pytest.fixture(scope="module")
def undated_assistant(tmp_path_factory, model_dir, embedder) -> Assistant:
    """The port report with the council visit's text left undated: only the itinerary's row dates it."""
    old = "局長於 3 月 6 日拜會阿姆斯特丹市議會，由副議長"
    return _variant_assistant(tmp_path_factory, model_dir, embedder, "undated", old, "市議會由副議長")


def test_a_visit_its_text_leaves_undated_takes_the_day_of_the_itinerary_row_naming_it(undated_assistant):
    doc = undated_assistant.sources[0]
    assert undated_assistant.template.visit_days(doc, "參、考察過程 › 三、拜會阿姆斯特丹市議會") == ("3/6",)
    assert undated_assistant.template.visit_days(doc, "參、考察過程 › 二、參訪鹿特丹港務局") == ("3/5",)  # dated text
    assert undated_assistant.template.visit_days(doc, "肆、心得") == ()  # no visit


def test_the_days_scheduled_for_a_section_are_its_visits_rows_and_dated_text_never_a_closing_sections(
    undated_assistant, port_assistant
):
    doc = undated_assistant.sources[0]
    assert undated_assistant.template.scheduled_days(doc, "參、考察過程 › 三、拜會阿姆斯特丹市議會") == ("3/6",)
    assert port_assistant.template.scheduled_days(doc, "參、考察過程 › 二、參訪鹿特丹港務局") == ("3/5",)
    # A recommendation's item may tell of a visit; the itinerary names no closing section.
    assert port_assistant.template.scheduled_days(doc, "伍、建議事項 › 一、推動智慧港口數據平臺") == ()


def test_that_afternoon_after_an_undated_visits_answer_is_the_afternoon_of_its_row(undated_assistant):
    from assistant.chat import Conversation

    chat = Conversation(undated_assistant)
    first = chat.ask("副議長是誰？")
    assert any("德弗里斯" in q.quote for q in first.quotes)
    afternoon = chat.ask("那天下午呢？")
    assert afternoon.quotes and "考察運河住宅再生計畫" in afternoon.quotes[0].quote
    assert all("3/5" not in q.quote for q in afternoon.quotes)


@pytest.fixture(scope="module")
def company_assistant(tmp_path_factory, model_dir, embedder) -> Assistant:
    """The port report with its first visit headed by a company's head office (in the contents and the heading)."""
    old, new = "二、參訪鹿特丹港務局", "二、參訪鹿特丹港務公司總部"
    return _variant_assistant(tmp_path_factory, model_dir, embedder, "company", old, new)


@pytest.mark.parametrize("question", ["這趟拜訪了哪些公司？", "Which companies did the delegation visit?"])
def test_the_organisations_visited_are_the_visits_headed_by_one_with_the_sentence_telling_each(
    company_assistant, port_assistant, question
):
    assert _quotes(company_assistant, question) == ["二、參訪鹿特丹港務公司總部", DATED]
    # Places asked too, or no visit headed by an organisation: every day of the itinerary.
    days = ["3/4", "3/5", "3/6", "3/8~9"]
    assert [q.split(" ")[0] for q in _rows(_quotes(company_assistant, "這趟去了哪些地方和公司？"))] == days
    assert [q.split(" ")[0] for q in _rows(_quotes(port_assistant, question))] == days
