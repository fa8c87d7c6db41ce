"""Tests for the acts a report tells of and a question asks about (text/acts.py)."""

from __future__ import annotations

import pytest

from assistant.text.acts import act_tokens, asked_acts, dated_acts
from assistant.text.normalize import fold


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("局長於 3 月 5 日率團參訪港務局", "<led>"),
        ("科長率本局團隊走訪運河住宅", "<led>"),
        ("由副院長引領本府訪團前往港區", "<led>"),  # hosts leading the delegation out to the site
        ("由局長親自引導本府訪團", "<led>"),  # guiding it
        ("局長與港務局簽署合作備忘錄", "<signed>"),
        ("港務局處長致贈局長紀念品", "<gift>"),
        ("范德堡處長致詞歡迎訪團", "<speech>"),
        ("局長體驗自動駕駛接駁車", "<tried>"),
        ("局長也藉此行邀請港務局至本市設立辦事處", "<invited>"),
        ("本府應港務局邀請前往鹿特丹", "<invited-by>"),  # being invited, not inviting
        ("由該局國際事務處處長范德堡接待", "<received>"),
        ("副市長於市政廳入口迎接訪團", "<received>"),
        ("此行代表團會晤港務局國際事務處處長", "<received>"),
        ("局長接著參觀自動化貨櫃碼頭", "<toured>"),
        ("港務局人員陪同訪團步行穿越舊港區", "<walked>"),  # 陪同: going along; 引領訪團 would lead it too
        ("該公園由建築師范德堡負責設計", "<designed>"),
        ("專訪報導刊登於該報財經版", "<published>"),
        ("由處長向訪團簡報智慧港口規劃", "<shown>"),  # what the hosts showed, not what was visited
        ("現場展示無人駕駛搬運車", "<shown>"),
        ("雙方就港口自動化及綠色航運等議題進行交流", "<discussed>"),  # talked over, as 聊了哪些話題 asks
        ("論壇探討的議題包括智慧港口", "<discussed>"),
    ],
)
def test_a_report_sentence_tells_of_the_act_in_its_own_words(text, act):
    assert act_tokens(fold(text)) == {act}


@pytest.mark.parametrize(
    ("question", "act"),
    [
        ("去港務局那天由誰帶隊？", "<led>"),  # 帶隊 for the report's 率團
        ("港務局送了局長什麼禮物？", "<gift>"),  # 送…禮物 for 致贈
        ("What did the port authority give the director?", "<gift>"),
        ("And did he give the director anything?", "<gift>"),  # given anything, no what-word
        ("Did they give our deputy director anything?", "<gift>"),
        ("Did the port authority hand over anything?", "<gift>"),
        ("市議會那邊是誰上台講話？", "<speech>"),
        ("Who spoke for the city council?", "<speech>"),
        ("局長有試乘什麼嗎？", "<tried>"),
        ("跟港務局簽的那份備忘錄還有哪一方？", "<signed>"),
        ("Did the director get to try anything hands-on?", "<tried>"),
        ("去港務局那天有邀他們來本市嗎？", "<invited>"),  # 邀他們 for the report's 邀請
        ("What did the director ask the port authority to set up here?", "<invited>"),
        ("Did the director ask Havenbedrijf to open an office here?", "<invited>"),
        ("這次出訪是應誰的邀請？", "<invited-by>"),
        ("Who invited the director to Rotterdam?", "<invited-by>"),
        ("這次出訪是誰邀請的？", "<invited-by>"),  # the trip was invited: who invited it
        ("局長邀請了誰？", "<invited>"),
        ("局長率團參訪時，是由誰接待的？", "<received>"),  # the leading gives the time, not what is asked
        ("Who hosted them at the head office?", "<received>"),  # "head" leads nothing
        ("Who met the director at city hall?", "<received>"),
        ("Who received us at the port authority?", "<received>"),
        ("Who at the port authority looked after the director's group?", "<received>"),
        ("Who took care of the delegation at city hall?", "<received>"),
        ("去港務局那天見了誰？", "<received>"),  # whom they met: whoever received them
        ("港務局那邊出來接的是誰？", "<received>"),  # 出來接 for the report's 接待
        ("去港務局那次，對方是誰從頭陪到尾？", "<received>"),  # the hosts staying with them: 全程接待
        ("港務局那邊帶我們去現場的是哪幾位？", "<led>"),  # guiding them about, as 帶領局長參觀 tells it
        ("局長在市議會跟誰會面？", "<received>"),
        ("Who did the director meet at the port authority?", "<received>"),
        ("他們帶我們看了哪些碼頭設備？", "<toured>"),  # shown around: what the visit itself saw
        ("What did the director get to see at the port?", "<toured>"),
        ("在鹿特丹舊城區逛了哪些地方？", "<walked>"),  # 逛 for the report's 步行
        ("Which landmarks did the team walk past in the old town?", "<walked>"),
        ("那座港區公園是誰設計的？", "<designed>"),  # 誰設計 for the report's 由…負責設計
        ("Who designed the waterfront park?", "<designed>"),
        ("那篇專訪是哪天登出來的？", "<published>"),  # 登出來 for the report's 刊登
        ("When did the newspaper piece on the director run?", "<published>"),
        ("When did the interview get published?", "<published>"),
        ("When did the interview with the director go up online?", "<published>"),
        ("When did the paper run the interview piece?", "<published>"),
        ("港務局是哪位處長出來見的？", "<received>"),  # 出來見 for the report's 接待
        ("港務局簡報了哪些內容？", "<shown>"),
        ("What did they walk him through at the port?", "<shown>"),  # walking him through: showing
        ("What did they show the director at the port?", "<shown>"),
        ("他們去參觀，有看到哪些設備？", "<toured>"),  # the what-word in the next clause
        ("他們聊了哪些話題？", "<discussed>"),
        ("What did they talk about at the port authority?", "<discussed>"),
        ("Which topics were on the table?", "<discussed>"),
    ],
)
def test_a_question_asks_about_an_act_in_a_staff_members_words(question, act):
    assert asked_acts(fold(question)) == {act}


@pytest.mark.parametrize(
    "question",
    [
        "Who showed the director around the port?",
        "Who from the port authority walked us around the quay?",
        "Who took the delegation round the terminal?",
        "Who guided them at the port?",
        "Who walked the mayor through the new terminal?",
        "Who walked the delegation through the port authority's headquarters?",
    ],
)
def test_showing_the_delegation_around_is_receiving_it_and_guiding_it(question):
    assert {"<received>", "<led>"} <= asked_acts(fold(question))


@pytest.mark.parametrize(
    "question",
    [
        "Who took them to the airport?",
        "Did they take a walk around the old town?",
        "Did the bus ride take them around three hours?",  # around: about, of time
        "It took us around 40 minutes to get there.",
    ],
)
def test_taking_the_delegation_somewhere_or_a_walk_is_no_guiding(question):
    assert "<led>" not in asked_acts(fold(question))


@pytest.mark.parametrize(
    "question",
    [
        "那場論壇除了演講，會後還安排了什麼？",  # set aside
        "晚宴致詞時局長提到哪些數字？",  # the time of what is asked
        "How many companies does the federation speak for?",  # speaks for: represents
        "Who briefed the hosts on the port?",  # the hosts are who was briefed, not who received
        "Can you give me a summary of the port visit?",  # giving to nobody of the trip
        "Which leading port operator did they meet?",  # leading: foremost
        "What did the port authority ask about the canal?",  # asking a question invites nobody
        "他們是哪天去港務局參觀的？",  # a day asked: seeing frames it
        "港務局如何迎接數位轉型的挑戰？",  # meeting a challenge receives no one
        "局長走訪了哪些企業？",  # 走訪 is any visit, on foot or not
        "How long is the waterfront walkway?",  # a walkway is no walking
        "這趟走過哪些國家？",  # been to, on foot or not
        "Can you walk me through the port visit?",  # explain
        "港務局的數據平臺是怎麼設計的？",  # how it was designed, not by whom
        "局長有出來接受媒體訪問嗎？",  # 出來接受: came out to accept, receiving no one
        "那天晚上報告了什麼？",  # 晚上 then 報告: nothing published
        "What does the report say about the terminal run by the port authority?",  # run by: operated
        "要帶議員去參觀，團員有哪幾位？",  # the what-word asks of the members, in another clause
        "下週要給處長簡報，這次見了幾個單位？",  # a briefing to give, not one the hosts gave
        "Give me a brief summary of the port visit.",  # brief: short
        "這次是誰陪局長一起出訪的？",  # going abroad with the director: a member, not a host
        "陪同出訪的是哪幾位？",
        "誰陪局長去鹿特丹？",
        "隨團陪同的人員是誰？",
        "下次要帶局長去哪裡參觀？",  # a visit to plan, no guide asked of
        "誰帶我們去機場？",
        "Who ran the interview with the director?",  # conducted it: nothing published
        "Did the forum go online because of the storm?",
    ],
)
def test_an_act_set_aside_or_giving_a_time_is_not_what_is_asked(question):
    assert asked_acts(fold(question)) == frozenset()


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("局長於 3 月 5 日與港務局簽署合作備忘錄", {"<signed>"}),
        ("海事日報財經版 3 月 12 日\n刊登該報總編輯專訪局長報導", {"<published>"}),  # a caption over two lines
        ("局長於 3 月 6 日接受海事日報專訪，並刊登於該報財經版", frozenset()),  # the date is the interview's
        ("局長與港務局簽署合作備忘錄", frozenset()),  # no date at all
        ("24/7 營運的資訊刊登於網站", frozenset()),  # no month 24: a round-the-clock service
    ],
)
def test_an_act_is_dated_only_by_a_date_in_its_own_clause(text, dated):
    assert dated_acts(fold(text)) == dated


def test_leading_an_industry_or_a_trend_leads_no_delegation():
    assert act_tokens(fold("引領本市產業升級")) == frozenset()
    assert act_tokens(fold("引領我國智慧機械發展")) == frozenset()
    assert act_tokens(fold("期盼透過新科技引領本府施政創新")) == frozenset()  # 本府 alone is no delegation


@pytest.mark.parametrize("question", ["Who took care of the travel arrangements?", "Who looked after the budget?"])
def test_looking_after_anything_but_the_delegation_is_no_receiving(question):
    assert "<received>" not in asked_acts(fold(question))


@pytest.mark.parametrize(
    "question",
    [
        "Did he give a speech about anything?",
        "Did the visit give them anything useful for the city?",
        "Did the forum give them something to think about?",
        "Did the talk give the team something new?",
    ],
)
def test_a_speech_or_what_a_visit_gave_is_no_gift(question):
    assert "<gift>" not in asked_acts(fold(question))


@pytest.mark.parametrize(
    "question",
    [
        "Who came to the dinner we hosted?",
        "Which guests attended the banquet the mayor hosted?",
        "Where was the dinner we hosted?",
        "Did we host them at a banquet?",
        "Did the delegation host the port's director?",
    ],
)
def test_a_dinner_the_delegation_hosted_is_no_receiving(question):
    assert "<received>" not in asked_acts(fold(question))
    for hosted in ["Who hosted the delegation at the port?", "Which deputy mayor hosted the delegation?",
                   "Was the delegation hosted by the port authority?", "Were we hosted by the director?"]:  # fmt: skip
        assert "<received>" in asked_acts(fold(hosted))


@pytest.mark.parametrize("question", ["在港務局跟誰會談了？", "這筆投資談成了嗎？", "港區的環境議題嚴重嗎？"])
def test_a_meeting_a_deal_closed_or_a_topic_of_its_own_is_no_talking_over(question):
    assert "<discussed>" not in asked_acts(fold(question))


@pytest.mark.parametrize("text", ["這就是本市未來發展的主題", "就業機會是雙方關心的議題", "局長就任以來推動的重要議題"])
def test_a_topic_no_one_talked_over_is_no_talking_over(text):
    assert "<discussed>" not in act_tokens(fold(text))


def test_an_act_said_in_a_word_is_found_but_not_the_clause_it_spans():
    from assistant.text.acts import act_words

    folded = fold("他們就港區污染處理議題聊了什麼？")
    assert [folded[a:b] for a, b in act_words(folded)] == ["聊了"]


@pytest.mark.parametrize("question", ["港區是誰領著我們轉的？", "誰帶著大家四處看的？", "碼頭那邊是誰帶市長逛的？"])
def test_taking_the_delegation_about_in_chinese_is_guiding_it(question):
    assert "<led>" in asked_acts(fold(question))


@pytest.mark.parametrize(
    "question",
    [
        "誰帶我們轉機的？",
        "是誰帶大家轉乘地鐵到會場？",
        "Who walked us through the MOU terms?",
        "Who walked them through the plan?",
    ],
)
def test_changing_planes_or_being_walked_through_terms_is_no_guiding(question):
    assert "<led>" not in asked_acts(fold(question))
