"""Asking the real report with the real model: modes, quotes, citations, abstention, bad input."""

from __future__ import annotations

import pytest

from assistant import QuestionError

from .conftest import REPORT_SOURCE

QUESTIONS = [
    ("Sigfox 在多少個國家提供服務？", "超過 31 個國家", "二、參訪物聯網新創公司 Sigfox"),
    ("巴黎綠蔭步道全長幾公里？", "全長 4.5 公里", "十九、參訪巴黎綠蔭步道"),
    ("法國政府持有法國電力集團多少股份？", "84.5%", "十八、參訪法國電力"),
    ("市長哪一天參訪達梭系統總公司？", "6 月 21 日參訪法國達梭系統總公司", "十三、參訪達梭系統"),
    ("How many countries does Sigfox operate in?", "超過 31 個國家", "Sigfox"),
    ("法国企业联盟代表多少家企业？", "75 萬家企業", "十、參訪法國企業聯盟"),
]


@pytest.mark.parametrize(("question", "evidence", "section"), QUESTIONS)
def test_answer_quotes_the_report_with_its_section(assistant, question, evidence, section):
    answer = assistant.ask(question)
    assert not answer.abstained
    assert any(evidence in q.quote for q in answer.quotes), [q.quote for q in answer.quotes]
    assert any(section in q.section for q in answer.quotes)


@pytest.mark.parametrize("question", [q for q, _, _ in QUESTIONS] + ["出國人員有哪些？", "what is APUR?"])
def test_every_quote_and_passage_is_an_exact_slice_of_its_source(assistant, report_text, question):
    answer = assistant.ask(question, top_k=10)
    assert answer.passages
    for item in [*answer.quotes, *answer.passages]:
        assert item.source == REPORT_SOURCE
        text = item.quote if hasattr(item, "quote") else item.text
        assert report_text[item.start : item.end] == text
        section = assistant.index.document(item.source).section_at(item.start)
        assert section.label == item.section
    for p in answer.passages:
        for s, e in p.highlights:
            assert p.start <= s < e <= p.end


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_each_mode_finds_the_sigfox_passage(assistant, mode):
    answer = assistant.ask("Sigfox 已經在多少個國家提供服務", mode=mode, top_k=3)
    assert answer.mode == mode
    assert any("超過 31 個國家" in p.text for p in answer.passages)
    assert [p.rank for p in answer.passages] == [1, 2, 3]
    scores = [p.score for p in answer.passages]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("巴黎綠蔭步道全長幾公里？", "巴黎绿荫步道全长几公里？"),
        ("法國電力集團的政府持股比例是多少？", "法国电力集团的政府持股比例是多少？"),
        ("市長在土魯斯拜會了哪些副市長？", "市长在土鲁斯拜会了哪些副市长？"),
        ("臺中精機法國分公司佔地多大？", "台中精机法国分公司占地多大？"),
    ],
)
def test_simplified_questions_find_the_same_passages_as_traditional(assistant, traditional, simplified):
    trad = assistant.ask(traditional, top_k=3)
    simp = assistant.ask(simplified, top_k=3)
    assert [p.start for p in simp.passages] == [p.start for p in trad.passages]
    assert [q.quote for q in simp.quotes] == [q.quote for q in trad.quotes]


def test_quotes_are_never_shown_converted(assistant):
    # A Simplified question is matched in Traditional, but what is shown is the report's own Traditional text.
    answer = assistant.ask("法国电力集团的政府持股有多少？")
    assert answer.quotes and any("電力" in q.quote for q in answer.quotes + answer.passages)
    for item in answer.quotes + answer.passages:
        text = assistant.index.document(item.source).text
        assert text[item.start : item.end] == (item.quote if hasattr(item, "quote") else item.text)
        assert "电" not in (item.quote if hasattr(item, "quote") else item.text)


@pytest.mark.parametrize("question", ["What did the mayor eat for breakfast in Lyon?", "今天台北的天氣如何？"])
def test_unrelated_question_abstains_but_lists_nearest_passages(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and answer.quotes == []
    assert answer.message and len(answer.passages) == 5


def test_json_shape_matches_the_cli_contract(assistant):
    d = assistant.ask("Sigfox 在多少個國家提供服務？", top_k=2).to_dict()
    assert {"question", "abstained", "answer", "passages", "confidence", "level", "signals"} <= set(d)
    assert set(d["answer"][0]) == {"quote", "source", "section", "start", "end", "pages"}
    assert {"rank", "text", "source", "section", "start", "end", "score", "pages", "also_at"} <= set(d["passages"][0])
    assert d["level"] in {"high", "medium", "low"} and d["answer"][0]["pages"] == [6, 7]
    assert isinstance(d["passages"][0]["score"], float) and d["passages"][0]["rank"] == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"question": ""}, "empty"),
        ({"question": " \n\t "}, "empty"),
        ({"question": "\x00\x07"}, "empty"),
        ({"question": "EDF", "top_k": 0}, "top_k"),
        ({"question": "EDF", "top_k": 100000}, "top_k"),
        ({"question": "EDF", "mode": "fuzzy"}, "mode"),
    ],
)
def test_bad_questions_get_a_clear_error(assistant, kwargs, message):
    with pytest.raises(QuestionError, match=message):
        assistant.ask(**kwargs)


def test_huge_question_is_answered_on_a_truncated_copy_with_a_notice(assistant):
    answer = assistant.ask("Sigfox 在多少個國家提供服務？" + "好" * 10_000)
    assert answer.notices and "1000" in answer.notices[0]
    assert len(answer.matched_question) == assistant.settings.max_question_chars


@pytest.mark.parametrize("question", ["x" * 1000, "asdfgh qwerty?", "zzz"])
def test_a_question_sharing_no_word_with_the_report_abstains_and_says_so(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and answer.quotes == []
    assert any("None of the question's words occur in the report" in n for n in answer.notices)
    assert answer.passages  # the nearest passages are still listed


def test_a_question_with_one_word_of_the_report_is_answered(assistant):
    answer = assistant.ask("Sigfox?")
    assert not answer.abstained and any("Sigfox" in q.quote for q in answer.quotes)


def test_section_view_returns_the_whole_section_around_a_quote(assistant, report_text):
    quote = assistant.ask("Sigfox 在多少個國家提供服務？").quotes[0]
    view = assistant.section_view(quote.source, quote.start)
    assert view.section == quote.section
    assert view.text == report_text[view.start : view.end]
    assert view.start <= quote.start and quote.end <= view.end


def test_a_chinese_question_keeps_a_passage_only_bm25_finds(assistant):
    # Only the itinerary writes "6/21 (三)"; the model does not place it near the question.
    question = "6/21 上午市長出席了什麼活動？"
    vector = assistant.embedder.encode_queries([question])[0]
    dense = assistant.retriever.search(question, vector, "dense", 10)
    assert not any("6/21 (三)" in assistant.index.chunks[h.chunk_id].text for h in dense)
    assert "6/21 (三)" in assistant.ask(question, top_k=10).passages[0].text


def test_a_days_afternoon_is_found_in_the_row_that_continues_that_days_row(assistant):
    # The itinerary writes 6/18 once; the afternoon row below it starts with an empty cell.
    answer = assistant.ask("6月18日下午的行程是什麼？")
    assert not answer.abstained
    [quote] = [q for q in answer.quotes if "參訪物聯網新創公司 Sigfox" in q.quote]
    assert quote.quote.startswith("6/18 (日)")  # the afternoon row is quoted with the row that says which day
    assert assistant.index.document(quote.source).text[quote.start : quote.end] == quote.quote


def test_a_question_for_the_member_list_is_answered_with_the_whole_table(assistant):
    answer = assistant.ask("出國人員名單有哪些人？")
    assert not answer.abstained
    [quote] = answer.quotes
    assert all(name in quote.quote for name in ("林佳龍", "張光瑤", "李如芳", "呂曜志"))
    assert quote.section == "壹、出國人員名單"
    assert assistant.index.document(quote.source).text[quote.start : quote.end] == quote.quote


def test_who_held_a_role_the_report_never_names_abstains_naming_it_whatever_the_question_asks_of(assistant):
    answer = assistant.ask("在航太展那天，市長的口譯是誰？")  # of a visit, not of the member list
    assert answer.abstained and not answer.quotes
    assert any("口譯" in notice for notice in answer.notices)
    assert not assistant.ask("在航太展那天，接待人是誰？").abstained  # the report writes 接待


def test_a_person_the_report_names_but_never_tells_of_meeting_abstains_saying_so(assistant):
    answer = assistant.ask("When the delegation sat down with Anne Hidalgo, what did she discuss with them?")
    assert answer.abstained and any("Anne Hidalgo" in n and "visited or met" in n for n in answer.notices)
    assert not assistant.ask("What did Pierre Lanore discuss with the mayor?").abstained  # he received them
    # Written as the report transliterates her (its 譯名（Latin name） pair), she is the same person.
    answer = assistant.ask("市府團隊跟安娜伊達戈會面時談了哪些事？")
    assert answer.abstained and any("Anne Hidalgo" in n for n in answer.notices)


def test_a_cover_question_in_a_word_the_report_never_uses_is_answered_from_the_cover(assistant):
    answer = assistant.ask("這份報告的署名是誰？")  # the cover writes 姓名職稱, never 署名
    assert not answer.abstained and answer.quotes[0].quote.startswith("姓名職稱")


def test_a_question_asking_two_cover_fields_quotes_both(port_assistant):
    answer = port_assistant.ask("這趟哪天到哪天，報告是哪個單位交的？")
    quoted = [q.quote for q in answer.quotes]
    assert not answer.abstained and {q.split("：")[0] for q in quoted} == {"出國期間", "服務機關"}
    assert all(port_assistant.index.document(q.source).text[q.start : q.end] == q.quote for q in answer.quotes)


def test_a_person_titled_otherwise_than_the_report_titles_them_abstains_saying_both_titles(assistant):
    answer = assistant.ask("Mireille Munch 副市長在會上介紹了什麼？")
    assert answer.abstained and any("職稱是「市長」，不是「副市長」" in n for n in answer.notices)


def test_a_question_held_to_sections_lists_only_their_passages_unless_it_names_something_else(port_assistant):
    source = port_assistant.sources[0]
    meeting = (source, "參、考察過程 › 三、拜會阿姆斯特丹市議會")
    held = port_assistant.ask("由誰接待？", top_k=3, sections=[meeting])
    assert {p.section for p in held.passages} == {meeting[1]}
    elsewhere = port_assistant.ask("港務局由誰接待？", top_k=3, sections=[meeting])
    assert elsewhere.passages[0].section != meeting[1]


@pytest.mark.parametrize("follow_up", ["看完之後去哪了？", "Where did they go after that?"])
def test_what_came_next_after_a_visits_answer_quotes_that_days_itinerary(port_assistant, follow_up):
    from assistant.chat import Conversation

    chat = Conversation(port_assistant)
    chat.ask("港務局由誰接待？")  # the port visit, on 3/5
    answer = chat.ask(follow_up)
    assert answer.quotes and answer.quotes[0].quote.startswith("3/5 (二)")
    assert "參觀自動化貨櫃碼頭" in answer.quotes[0].quote  # the afternoon's stop, after the port


@pytest.mark.parametrize(
    "question", ["去阿姆斯特丹市議會是哪一天？", "What day did they go to the Amsterdam city council?"]
)
def test_the_day_of_a_visit_is_quoted_first_from_the_visits_own_dated_sentence(port_assistant, question):
    answer = port_assistant.ask(question)  # the itinerary row beside it comes first in reading order, not in the answer
    assert answer.quotes[0].quote.startswith("局長於 3 月 6 日拜會阿姆斯特丹市議會")


def test_a_follow_up_asking_something_of_the_next_morning_is_answered_from_that_mornings_visit(port_assistant):
    from assistant.chat import Conversation

    chat = Conversation(port_assistant)
    chat.ask("3/5 去參訪的港務局由誰接待？")  # the port visit, on 3/5
    answer = chat.ask("隔天早上呢？是由誰接待？")  # 3/6 morning: the council visit, as the itinerary names it
    assert answer.quotes and "德弗里斯" in answer.quotes[0].quote
    assert all("范德堡" not in q.quote for q in answer.quotes)


def test_the_next_mornings_reception_is_read_from_that_mornings_visit_not_the_day_before(assistant):
    from assistant.chat import Conversation

    chat = Conversation(assistant)
    first = chat.ask("6/19 上午去了哪？")
    assert first.quotes and first.quotes[0].quote.startswith("6/19")
    [(_, visited)] = chat.focus  # the visit the 6/19 morning row names
    answer = chat.ask("隔天早上是誰接待？")  # words the 6/20 morning's visit never writes (接待) keep it held there
    assert answer.quotes and all(q.section != visited and "6 月 19 日" not in q.quote for q in answer.quotes)
    assert chat.days == ((assistant.sources[0], "6/20"),)


def test_a_remembered_day_of_a_report_no_longer_indexed_is_ignored(port_assistant):
    answer = port_assistant.ask("隔天早上是誰接待？", context="港務局由誰接待？", days=[("gone.txt", "3/5")])
    assert answer.question == "隔天早上是誰接待？"  # answered (or abstained on) without a KeyError


def test_the_answer_reads_the_same_passages_however_many_are_shown(assistant):
    question = "巴黎市政府那邊是哪位副市長出面？"  # asks a kind of answer: sentences of the top 6 passages
    few, many = assistant.ask(question, top_k=1), assistant.ask(question, top_k=10)
    assert [q.quote for q in few.quotes] == [q.quote for q in many.quotes]
    assert len(few.passages) == 1 and len(many.passages) == 10


def test_a_member_question_about_a_role_no_one_holds_abstains_naming_it(assistant):
    answer = assistant.ask("這次隨行的口譯是哪位？")
    assert answer.abstained and any("口譯" in n for n in answer.notices)
    members = assistant.ask("這次隨行的有哪位局長？")
    assert not members.abstained and "局長" in members.quotes[0].quote


def test_a_role_outside_the_member_list_is_not_taken_for_one_the_report_lacks(assistant):
    # 團長 is the leader the report names otherwise (率團): only a member question checks a role's word.
    answer = assistant.ask("訪團的團長是誰？")
    assert not answer.abstained
    assert len(assistant.ask("這次隨行的口譯是哪位？").notices) == 1  # named once, not once per check


def test_a_day_asked_of_a_named_visit_is_read_from_that_visit_not_the_passage_ranked_first(assistant):
    # "總部" ranks another company's head office first; the question names the visit whose day it asks.
    answer = assistant.ask("市長哪一天參觀了 Sigfox 的總部？")
    assert not answer.abstained and "6 月 18 日" in answer.quotes[0].quote and "Sigfox" in answer.quotes[0].quote


def test_who_led_a_named_visit_is_read_from_that_visit_not_the_cover(port_assistant):
    # The cover names who led the trip; a visit may have been led by another, and its own text says who.
    answer = port_assistant.ask("去港務局那天由誰帶隊？")
    assert not answer.abstained and "率團參訪鹿特丹港務局" in answer.quotes[0].quote
    for trip in ("Who led the delegation?", "這次去鹿特丹由誰帶隊？"):  # the trip, or a city it went to
        assert port_assistant.ask(trip).quotes[0].quote == "姓名職稱：王大明局長等"


def test_the_gist_of_a_named_visit_comes_from_that_visit_when_another_ranks_first(assistant):
    # 代表团 ranks the passage of another visit first (its host came "代表" the organizer); the question names APUR.
    answer = assistant.ask("代表团去 APUR 主要想取什么经？")
    assert "APUR" in answer.quotes[0].quote  # the visit's heading and lead open the answer
    assert "APUR" in answer.quotes[1].section and not any("A.S.O." in q.quote for q in answer.quotes[:2])


def test_a_gift_written_only_in_a_caption_is_quoted_for_a_question_in_other_words(assistant):
    # 送…禮物 shares no character with the caption's 致贈; the organizer's own paragraphs never name the gift.
    for question in (
        "阿莫里體育組織送給市長的禮物是什麼？",
        "What gift did the mayor get from the Tour de France organizers?",
    ):
        assert "環法冠軍黃衫" in assistant.ask(question).quotes[0].quote


def test_a_city_named_beside_a_visit_is_no_party_whose_visit_gives_the_day(assistant):
    # The city's own walking tour has a heading naming the city; the day asked is the named company's.
    answer = assistant.ask("What day did they visit Sigfox in Toulouse?")
    first = answer.quotes[0].quote
    assert "Sigfox" in first and ("6 月 18 日" in first or "6/18" in first)


def test_a_city_asked_on_a_half_day_spent_elsewhere_abstains_and_says_so(port_assistant):
    answer = port_assistant.ask("3月5號上午在阿姆斯特丹拜會了誰？")
    assert answer.abstained
    assert "報告的行程 3/5 上午在「鹿特丹」，不在「阿姆斯特丹」。" in " ".join(answer.notices)  # where it was instead
    assert "The report's itinerary has the delegation in 鹿特丹 on 3/5 (morning), not in 阿姆斯特丹." in " ".join(
        answer.notices
    )
    assert answer.passages[0].text.count("3/5 (二)") == 1  # where they were that morning comes first


@pytest.mark.parametrize(
    "question", ["心得裡怎麼說港務局的？", "What do the lessons learned say about the port authority?"]
)
def test_a_question_saying_which_section_to_look_in_is_answered_from_it(port_assistant, question):
    answer = port_assistant.ask(question)  # not the port visit's own section, which names the port more
    assert answer.passages[0].section.startswith("肆、心得")
    assert all(q.section.startswith("肆、心得") for q in answer.quotes)


def test_the_visits_named_are_the_dated_visits_whose_heading_names_a_party_of_the_text(assistant):
    source = "corpus/taichung-france-2017-report.txt"
    assert assistant.named_visits(source, "藉由參訪 Sigfox 瞭解網路覆蓋方式") == [
        "參、行程紀要 › 二、參訪物聯網新創公司 Sigfox"
    ]
    assert assistant.named_visits(source, "市長與市府團隊交流") == []  # no party named
    assert assistant.named_visits(source, "土魯斯是法國第四大城") == []  # a place is no party


@pytest.mark.parametrize(
    "question", ["運河住宅再生計畫改造了多少棟房子？", "副議長談觀光人潮管理時，一年減少了多少郵輪？"]
)
def test_a_number_asked_where_the_best_sentence_writes_none_but_its_date_abstains(port_assistant, question):
    answer = port_assistant.ask(question)
    assert answer.abstained and "The report gives no such count." in " ".join(answer.notices)


def test_a_person_is_placed_in_the_city_the_itinerary_gives_their_visit(assistant):
    # The visit's own text never writes its city; the itinerary row naming its heading does.
    assert not assistant.ask("What did Jean-Étienne Amaury tell the mayor in Paris?").abstained
    refused = assistant.ask("What did Jean-Étienne Amaury say in Toulouse?")
    assert refused.abstained and any("never together" in n for n in refused.notices)


def test_whom_a_days_visit_met_quotes_the_row_and_the_visits_sentence_naming_them(port_assistant):
    answer = port_assistant.ask("3/6 上午去拜會了誰？")
    assert answer.quotes[0].quote.startswith("3/6 (三)")  # the row names the office visited
    assert any("副議長德弗里斯接待" in q.quote for q in answer.quotes)  # the visit's sentence names the person
    assert not any("范德堡" in q.quote for q in answer.quotes)  # not whom another day's visit met
    afternoon = port_assistant.ask("3/6 下午見了誰？")  # the afternoon's row names no visit of the morning's
    assert not any("德弗里斯" in q.quote for q in afternoon.quotes)
    travel = port_assistant.ask("3/4 上午見了誰？")  # a day of travel: its row, no visit's sentence
    assert [q.quote.split("\t")[0] for q in travel.quotes] == ["3/4 (一)"]


def test_the_gist_of_the_whole_trip_quotes_the_summary(port_assistant):
    answer = port_assistant.ask("這趟整體來說大概做了哪些事？")
    assert answer.quotes and answer.quotes[0].quote.startswith("本局為汲取歐洲港灣城市經驗")
    assert answer.quotes[0].section == "摘要"
    # "in" the trip's country names no place of the itinerary: still the whole trip's gist.
    english = port_assistant.ask("Give me the big picture of what the delegation actually did in the Netherlands.")
    assert english.quotes and english.quotes[0].section == "摘要"
    # At a party it visited: that visit's gist, not the trip's.
    visit = port_assistant.ask("Give me the big picture of what the delegation actually did at the port authority.")
    assert visit.quotes and all(q.section != "摘要" for q in visit.quotes)
    # The trip's gist asked with no doing: the summary, unless a place visited is named beside it (not a place only
    # travelled from, 高雄 of "高雄→阿姆斯特丹").
    assert port_assistant.ask("這次去荷蘭的重點？").quotes[0].section == "摘要"
    assert port_assistant.ask("這次高雄代表團出訪的重點是什麼？").quotes[0].section == "摘要"
    place = port_assistant.ask("這趟去鹿特丹的重點？")
    assert place.quotes and all(q.section != "摘要" for q in place.quotes)
    # What the trip did, condensed, its country's trip (<country>行) named: the summary.
    assert port_assistant.ask("這趟荷蘭行做了哪些事？幫我濃縮一下").quotes[0].section == "摘要"


def test_the_gist_of_a_trip_to_a_city_visited_is_that_citys_not_the_summary(assistant):
    assert assistant.ask("What did the Toulouse trip cover?").quotes[0].section != "摘要"
    assert assistant.ask("What did the France trip cover?").quotes[0].section == "摘要"  # the trip's country


def test_who_led_the_delegation_at_one_visit_is_no_question_for_the_cover(port_assistant):
    cover = "姓名職稱：王大明局長等"
    assert port_assistant.ask("Who led the delegation?").quotes[0].quote == cover
    # "council" is 議會 in the dictionary, a word of the heading "三、拜會阿姆斯特丹市議會".
    answer = port_assistant.ask("Who led the delegation at the city council?")
    assert answer.quotes and all(cover not in q.quote for q in answer.quotes)


def test_why_one_visit_was_made_is_no_question_for_the_trips_purpose_section(port_assistant):
    purpose = "本次考察旨在了解荷蘭港口自動化與港市共榮的作法"  # 貳、目的
    assert any(purpose in q.quote for q in port_assistant.ask("這次去荷蘭到底是為了啥？").quotes)
    answer = port_assistant.ask("為什麼要去港務局？")
    assert answer.quotes and not any(purpose in q.quote for q in answer.quotes)


def test_a_follow_up_naming_the_reports_own_city_stays_with_the_part_talked_about(port_assistant):
    # The report calls the city filing it 本市: "它對<city>有什麼參考價值？" names no other subject to go to.
    a = port_assistant
    label = next(c.section for c in a.index.chunks if "心得" in c.section)
    sections = [(a.sources[0], label)]
    inside = a._within(sections, None, a.reader.read("它對高雄有什麼參考價值？").text)
    assert inside is not None and all(a.index.chunks[i].section == label for i in inside)
    assert a._within(sections, None, a.reader.read("它對阿姆斯特丹有什麼參考價值？").text) is None  # another city


def test_an_english_question_searches_passages_with_the_report_words_for_its_words(assistant):
    import numpy as np

    english = assistant.reader.read("What exhibitors did the Canadian pavilion have?")
    question, search = assistant._vectors(english)
    assert english.lexical_text != english.text  # the report's words for its words were added
    assert float(np.linalg.norm(search)) == pytest.approx(1.0, abs=1e-5)
    assert float(question @ search) < 0.999  # the search vector leans on the report's words
    chinese = assistant.reader.read("加拿大國家館有哪些參展商？")
    same, searched = assistant._vectors(chinese)
    assert np.array_equal(same, searched)  # a Chinese question is searched as asked
    # The exhibitors' sentence is found and quoted; searched with the question alone it abstained.
    answer = assistant.ask("What exhibitors did the Canadian pavilion have?")
    assert not answer.abstained and any("參展商包括" in q.quote for q in answer.quotes)
