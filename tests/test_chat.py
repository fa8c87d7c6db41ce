"""Follow-up questions are read against the conversation."""

from __future__ import annotations

import pytest

from assistant.chat import Conversation, needs_context, points_back


@pytest.mark.parametrize(
    ("question", "follow_up"),
    [
        ("那巴黎呢？", True),
        ("由誰接待？", True),
        ("and who hosted them?", True),
        ("What about EDF?", True),
        ("Sigfox 在多少個國家提供服務？", False),
        ("法國政府持有法國電力集團多少股份？", False),
        ("How large is Parc de Bercy?", False),
        # A full question about "this trip" names its own subject; 此 there is not a pointer.
        ("此行的目的是什麼？", False),
        ("這次出國的期間是哪幾天？", False),
        # Short, but it names its subject.
        ("EDF 是什麼？", False),
        ("When was MEDEF founded?", False),
        # Short or pointing back, with no subject of its own.
        ("誰設計的？", True),
        ("它在哪裡？", True),
        ("Who designed it?", True),
        ("看完之後去哪了？", True),  # what came next, after what was just talked about
        ("How long is that stretch?", True),  # "that" + a noun points back
        ("雙方在會中談了哪些合作議題？", True),  # 雙方: the two sides just talked about
        ("What did the report say that Kaohsiung would build in the harbour district?", False),  # a conjunction
        ("Did the mayor say that funding would come from the city?", False),
    ],
)
def test_needs_context(question, follow_up):
    assert needs_context(question) is follow_up


def test_follow_up_question_uses_previous_topic(assistant):
    chat = Conversation(assistant)
    chat.ask("巴黎綠蔭步道全長幾公里？")
    answer = chat.ask("誰設計的？")
    assert any(
        "Patrick BERGER" in q.quote and q.section.endswith("參訪巴黎綠蔭步道（Promenade plantée）")
        for q in answer.quotes
    )
    assert answer.question == "誰設計的？"
    assert "巴黎綠蔭步道全長幾公里" in answer.notices[0]


def test_follow_up_on_who_received_the_delegation(assistant):
    chat = Conversation(assistant)
    chat.ask("市長在法國企業聯盟總部做了什麼？")
    answer = chat.ask("由誰接待？")
    assert any("Gerard Wolf 主席接待" in q.quote for q in answer.quotes)
    assert not any("Gerard Wolf" in q.quote for q in assistant.ask("由誰接待？").quotes)


def test_standalone_question_ignores_history(assistant):
    chat = Conversation(assistant)
    chat.ask("巴黎綠蔭步道全長幾公里？")
    answer = chat.ask("法國政府持有法國電力集團多少股份？")
    assert answer.notices == []
    assert any("84.5%" in q.quote for q in answer.quotes)


def test_follow_up_notice_quotes_at_most_80_characters_of_a_long_earlier_question(assistant):
    chat = Conversation(assistant)
    chat.ask("巴黎綠蔭步道" + "全長幾公里" * 1000 + "？")
    answer = chat.ask("誰設計的？")
    quoted = answer.notices[0].split("「", 1)[1].split("」", 1)[0]
    assert len(quoted) <= 80 and quoted.endswith("…") and quoted.startswith("巴黎綠蔭步道")


def test_new_topic_makes_the_next_short_question_stand_alone(assistant):
    chat = Conversation(assistant)
    chat.ask("巴黎綠蔭步道全長幾公里？")
    chat.reset()
    answer = chat.ask("誰設計的？")
    assert not any("脈絡" in n for n in answer.notices)
    assert len(chat.history) == 1 and chat.history[0].startswith("誰設計的？")
    assert "幾公里" not in chat.history[0]  # nothing of the topic before the reset


def test_a_follow_up_is_read_with_the_earlier_answers_topic(assistant):
    chat = Conversation(assistant)
    first = chat.ask("市長在法國企業聯盟總部做了什麼？")
    heading = first.quotes[0].section.split(" › ")[-1]
    assert chat.history == [f"市長在法國企業聯盟總部做了什麼？ {heading}"]


@pytest.mark.parametrize(
    "question", ["本市與其他國家的合作有哪些項目？", "Is there a plan for smart meters in the report?"]
)
def test_words_that_only_contain_a_pointer_do_not_make_a_follow_up(question):
    assert not needs_context(question)


def test_a_follow_up_switching_the_city_asks_the_previous_question_of_the_new_one(assistant):
    chat = Conversation(assistant)
    chat.ask("在土魯斯拜會時，是哪兩位副市長出來接待？")
    answer = chat.ask("那巴黎那邊呢？")
    assert answer.question == "那巴黎那邊呢？"
    assert any("讀作「在巴黎拜會時，是哪兩位副市長出來接待？」" in n for n in answer.notices)
    assert any("Komites" in q.quote for q in answer.quotes)
    assert chat.standalone[-1] == "在巴黎拜會時,是哪兩位副市長出來接待?"  # what a further switch would swap
    assert chat.history[-1].startswith("在巴黎拜會時")  # what a pointing follow-up is read with
    english = chat.ask("What about Toulouse?")  # a Latin name goes into a Chinese question in Chinese
    assert any("讀作「在土魯斯市拜會時" in n for n in english.notices)


def test_a_follow_up_switching_the_party_is_read_in_context_when_the_rewrite_is_refuted(assistant):
    chat = Conversation(assistant)
    chat.ask("Who hosted the mayor at Dassault Systèmes headquarters?")
    answer = chat.ask(
        "And at EDF?"
    )  # "the mayor at EDF" was the previous question's, and that visit had another leader
    assert not answer.abstained
    assert "Didier Cordero" in answer.quotes[0].quote
    assert any("Answered in the context of the previous question" in n for n in answer.notices)
    assert not any("Read as a question of its own" in n for n in answer.notices)
    assert any("it does not put the 市長 there" in n for n in answer.notices)  # the refutation is kept beside it


def test_a_city_named_after_a_question_of_another_citys_government_asks_it_of_that_city(assistant):
    chat = Conversation(assistant)
    chat.ask("Who received the delegation at Toulouse Métropole?")
    answer = chat.ask("And in Paris?")
    assert any("Read as a question of its own" in n and "at Paris?" in n for n in answer.notices)
    assert not any("Métropole" in n for n in answer.notices)  # not "<city> Métropole" with its city swapped
    assert any("Komites" in q.quote for q in answer.quotes)


def test_a_short_follow_up_naming_nothing_asks_of_what_the_last_answer_was_about(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("3/5 上午去了哪裡？")
    answer = chat.ask("由誰接待？")  # no pronoun, no subject: the meeting just named, not the other day's
    assert "范德堡" in answer.quotes[0].quote
    assert not any("德弗里斯" in q.quote for q in answer.quotes)


@pytest.mark.parametrize("unanswered", ["局長在港務局吃了什麼午餐？", "他們午餐吃什麼？"])
def test_a_question_left_unanswered_leaves_that_day_and_subject_where_they_were(port_assistant, unanswered):
    chat = Conversation(port_assistant)
    chat.ask("局長去港務局時是誰接待的？")  # the port visit, on 3/5
    assert chat.ask(unanswered).abstained
    answer = chat.ask("當天後面還去了哪？")  # 後面: what came after, on the day of the last answer given
    assert answer.quotes and answer.quotes[0].quote.startswith("3/5 (二)")


def test_a_short_question_of_the_cover_stands_alone_after_another_topic(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("鹿特丹港年吞吐量多少？")
    answer = chat.ask("誰率團？")  # short, but the cover answers it: no "answered in the context of" notice
    assert answer.quotes[0].quote == "姓名職稱：王大明局長等"
    assert not any("依前一題" in n for n in answer.notices)


def test_a_word_asking_for_the_gist_does_not_release_a_follow_up_from_its_visit(assistant):
    chat = Conversation(assistant)
    first = chat.ask("去法国电力总部那次是谁带队的？")
    visit = first.quotes[0].section
    answer = chat.ask("他们在那边主要看了哪些技术？")  # 主要 is written nowhere in that visit: it asks, names nothing
    assert answer.quotes and all(q.section == visit for q in answer.quotes)


def test_a_word_many_headings_hold_does_not_release_a_follow_up_from_its_visit(assistant):
    chat = Conversation(assistant)
    visit = chat.ask("MEDEF 那邊是誰接待的？").quotes[0].section
    answer = chat.ask("他們那邊來了哪幾家會員公司？")  # 公司 heads several visits: a kind of party, no name
    assert answer.quotes and all(q.section == visit for q in answer.quotes)


@pytest.mark.parametrize(
    ("first", "afternoon"),
    [
        ("到土魯斯第一天上午做了什麼？", "參訪物聯網新創公司 Sigfox"),  # that city's first day, not the flight there
        ("市長第三天上午有什麼行程？", "參訪空中巴士"),  # a word beside the day names no place
        ("在巴黎第二天上午排了什麼？", "參訪達梭系統"),
    ],
)
def test_the_afternoon_after_an_nth_days_morning_is_that_days_afternoon(assistant, first, afternoon):
    chat = Conversation(assistant)
    chat.ask(first)
    answer = chat.ask("下午呢？")
    assert answer.quotes and afternoon in answer.quotes[0].quote


def test_a_day_named_by_an_unanswered_question_is_the_day_that_day_points_at(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("3/5 上午做了什麼？")
    assert chat.ask("3/12 做了什麼？").abstained  # the trip was over by then
    answer = chat.ask("那天下午呢？")
    assert answer.abstained and any("The report's itinerary has no 3/12." in n for n in answer.notices)


def test_a_follow_up_pointing_at_a_party_reaches_each_of_its_visits_not_only_the_one_quoted(assistant):
    chat = Conversation(assistant)
    chat.ask("Which French software company did Taichung sign the three-way MOU with?")  # quoted at the air show
    answer = chat.ask("And what did they show the mayor when he visited their head office?")  # its own visit
    assert answer.quotes[0].section.endswith("總公司") and "虛擬城市" in answer.quotes[0].quote


def test_a_quote_in_a_visit_points_at_its_own_partys_visits_not_an_event_it_names_in_passing(assistant):
    chat = Conversation(assistant)
    first = chat.ask("Did the mayor give any interview to a French paper?")
    assert (
        first.quotes[0].section.endswith("專訪") and "航太展期間" in first.quotes[0].quote
    )  # the show named in passing
    assert chat.focus and not any("航太展" in label for _, label in chat.focus)


@pytest.mark.parametrize(
    ("follow_up", "expected"), [("他們是哪天去那邊參觀的？", "6 月 18 日"), ("那邊是誰出來接待？", "接待")]
)
def test_a_follow_up_after_a_closing_point_naming_a_party_asks_of_that_partys_visit(assistant, follow_up, expected):
    chat = Conversation(assistant)
    first = chat.ask("心得提到以後要怎麼跟那家物聯網新創合作？")
    assert "Sigfox" in first.quotes[0].quote and first.quotes[0].section.startswith("肆、")  # a point of 心得
    answer = chat.ask(follow_up)
    assert answer.quotes[0].section == "參、行程紀要 › 二、參訪物聯網新創公司 Sigfox"
    assert expected in answer.quotes[0].quote


def test_who_led_asked_of_the_visit_just_talked_about_reads_that_visit_not_the_cover(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("3/5 上午去了哪裡？")
    answer = chat.ask("那天是誰帶隊去那裡的？")  # that day, there: the visit, whose leader the cover does not say
    assert answer.quotes and not answer.quotes[0].section.startswith("封面")
    assert "率團參訪鹿特丹港務局" in answer.quotes[0].quote
    assert Conversation(port_assistant).ask("這次是誰帶隊？").quotes[0].quote.startswith("姓名職稱")  # the trip's


def test_who_led_asked_after_a_days_answer_reads_that_days_visit_unless_it_names_the_whole_trip(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("3/5 上午去了哪裡？")
    answer = chat.ask("是誰帶隊去的？")  # no "that day", yet asked of the day just answered
    assert answer.quotes and "率團參訪鹿特丹港務局" in answer.quotes[0].quote
    chat = Conversation(port_assistant)
    chat.ask("3/5 上午去了哪裡？")
    assert chat.ask("這趟是由誰帶隊？").quotes[0].quote.startswith("姓名職稱")  # the trip named: its cover
    chat = Conversation(port_assistant)
    chat.ask("3/6 上午去了哪裡？")
    assert chat.ask("這個考察團的團長是誰？").quotes[0].quote.startswith("姓名職稱")  # 考察團: the trip again
    chat = Conversation(port_assistant)
    chat.ask("3/5上午去了哪裡")  # typed without its question mark
    answer = chat.ask("局長有去嗎 誰帶隊")
    assert answer.quotes and "率團參訪鹿特丹港務局" in answer.quotes[0].quote
    chat = Conversation(port_assistant)
    chat.ask("第一天做了什麼？")  # a day of travel: no visit whose leader it could ask
    assert chat.ask("是由誰帶隊？").quotes[0].quote.startswith("姓名職稱")


@pytest.mark.parametrize(
    ("nth", "host"), [("第一個地方", "范德堡"), ("第二個地方", "德弗里斯"), ("the second place", "德弗里斯")]
)
def test_the_nth_place_asks_of_the_nth_visit_the_last_answer_listed(port_assistant, nth, host):
    chat = Conversation(port_assistant)
    chat.ask("3/5 和 3/6 上午去了哪裡？")
    answer = chat.ask(f"{nth}是誰接待的？" if nth[0] == "第" else f"Who received them at {nth}?")
    assert host in answer.quotes[0].quote


@pytest.mark.parametrize(
    "question", ["第一個心得是什麼？", "這趟第一個參訪的單位是哪裡？", "What was the first stop of the trip?"]
)
def test_an_nth_point_or_the_trips_nth_stop_is_not_the_nth_the_last_answer_listed(port_assistant, question):
    chat = Conversation(port_assistant)
    chat.ask("3/5 和 3/6 上午去了哪裡？")
    assert chat._nth_listed(question) is None and chat.listed


def test_a_subjectless_question_the_last_answers_part_cannot_answer_is_asked_on_its_own(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("阿姆斯特丹市議會由誰接待？")
    answer = chat.ask("年吞吐量多少？")  # names nothing, yet of the port authority, not of that meeting
    assert not answer.abstained and "4.6 億噸" in answer.quotes[0].quote


def test_an_nth_stop_in_a_named_city_is_that_citys_not_the_nth_the_last_answer_listed(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("3/5 上午去了哪裡？")  # listed the port authority alone
    answer = chat.ask("到阿姆斯特丹第一站去哪？")
    assert "拜會阿姆斯特丹市議會" in answer.quotes[0].quote


def test_a_few_words_naming_nothing_after_a_visits_answer_ask_of_that_visit(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("阿姆斯特丹市議會由誰接待？")
    answer = chat.ask("實際談了哪些議題？")  # names no party, place, day or record: that meeting's
    assert any("Answered in the context of the previous question." in n for n in answer.notices)
    assert all(q.section.endswith("拜會阿姆斯特丹市議會") for q in answer.quotes)
    alone = Conversation(port_assistant).ask("實際談了哪些議題？")  # the first question of a chat stands alone
    assert not any("Answered in the context" in n for n in alone.notices)


def test_that_is_points_back_at_the_visit_just_talked_about_for_who_led_it_and_why(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("港務局由誰接待？")
    answer = chat.ask("那是哪天去的？誰帶隊？")  # 那是: that visit, not the whole trip's cover
    assert answer.quotes and "率團參訪鹿特丹港務局" in answer.quotes[0].quote
    answer = chat.ask("為什麼要特地去看這個？")  # still that visit, not the trip's purpose
    assert "港務局" in answer.passages[0].section and not any(q.section.startswith("貳") for q in answer.quotes)
    assert points_back("那是哪天去的？") and not points_back("那時候的天氣如何？")
    assert not points_back("那是不是也有去看運河住宅？")  # 那是不是: "so, did they…", pointing at nothing
    assert points_back("Did they go to its HQ too? When?")  # an HQ names nobody: "its" points back


def test_at_the_meeting_points_back_at_the_meeting_just_talked_about(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("阿姆斯特丹市議會由誰接待？")
    answer = chat.ask("那市長在會上提了什麼？")  # 在會上: that meeting, not another where the mayor spoke
    assert answer.quotes and all(q.section.endswith("拜會阿姆斯特丹市議會") for q in answer.quotes)
    assert points_back("在會中談了什麼？") and points_back("會上有誰發言？") and points_back("那市長在會議上提了什麼？")
    assert not points_back("市長在記者會上說了什麼？")  # names its own meeting
    assert not points_back("現在會中斷合作嗎？")  # 會中斷: breaks off


def test_why_go_there_after_a_visits_answer_asks_of_that_visit_not_the_trips_purpose(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("去港務局是哪一天？")
    answer = chat.ask("為什麼要帶業者去那兒？")  # 那兒: the port authority just talked about (no reason told there)
    assert "港務局" in answer.passages[0].section and not any(q.section.startswith("貳") for q in answer.quotes)
    trips = Conversation(port_assistant).ask("為什麼局長要去荷蘭？").quotes  # the trip's: its purpose and summary
    assert any(q.section.startswith("貳") for q in trips)


@pytest.mark.parametrize("who_else", ["還有誰也去了？", "还有谁也在？"])
def test_who_else_after_a_visits_answer_asks_of_that_visit_not_the_member_list(port_assistant, who_else):
    chat = Conversation(port_assistant)
    chat.ask("阿姆斯特丹市議會那邊是誰接待？")
    answer = chat.ask(who_else)
    assert answer.passages and "市議會" in answer.passages[0].section
    assert not any(q.section.startswith("壹") for q in answer.quotes)
    first = Conversation(port_assistant).ask(who_else)  # asked first: who else went on the trip
    assert first.quotes and first.quotes[0].section.startswith("壹")


def test_a_follow_up_using_words_the_visit_talked_about_never_writes_stays_with_that_visit(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("去港務局是哪一天？")
    answer = chat.ask("那雙方主要談了什麼？")  # 雙方 names no one: the council's visit writes it, this one need not
    assert "港務局" in answer.passages[0].section  # read in the visit talked about (too little there to quote)


def test_a_half_day_named_alone_in_a_follow_up_asks_of_the_day_just_talked_about(port_assistant):
    chat = Conversation(port_assistant)
    chat.ask("3/5 去了哪些地方？")
    answer = chat.ask("上午是誰接待的？")  # that day's morning: the port authority's visit, not the council's
    assert answer.quotes and any("范德堡接待" in q.quote for q in answer.quotes)
    assert not any("德弗里斯" in q.quote for q in answer.quotes)


def test_a_follow_up_pointing_back_and_naming_only_what_that_part_writes_asks_of_that_part(port_assistant):
    chat = Conversation(port_assistant)
    first = chat.ask("Who received the director at the port authority?")
    assert "港務局" in first.quotes[0].section
    # "Rotterdam" is written there (鹿特丹): still about that visit, as "he" says; "Amsterdam" is another part's.
    assert chat._points_back_within("What did he say about the future of Rotterdam?")
    assert not chat._points_back_within("What did he say about Amsterdam?")
    assert not chat._points_back_within("What does Rotterdam export?")  # no pointing back
    assert not chat._points_back_within("Which other ports did they visit in Rotterdam?")  # the delegation, others
    answer = chat.ask("What did he say about the future of Rotterdam?")
    assert answer.quotes and all("港務局" in q.section for q in answer.quotes)
