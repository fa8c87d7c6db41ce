"""Tests for question understanding: which template record a staff question asks for."""

from __future__ import annotations

import pytest

from assistant.intent import (
    COVER,
    ITINERARY,
    LAST_FULL,
    LIST,
    MEMBERS,
    OVERVIEW,
    VISIT_DAY,
    Intent,
    asks_who_led_a_visit,
    counts_from_a_day,
    days_on,
    follow,
    only_a_place_beside,
    read_intent,
    refers_back,
)
from assistant.text.normalize import normalize_query


@pytest.mark.parametrize(
    ("question", "kind", "detail"),
    [
        ("報告是哪天交出去的？", COVER, {"field": "報告日期"}),
        ("這次是誰帶隊？", COVER, {"field": "姓名職稱"}),
        ("Who led the delegation?", COVER, {"field": "姓名職稱"}),
        ("訪團的團長是哪位？", COVER, {"field": "姓名職稱"}),  # 團長: the head, whom the cover names
        ("Who was the head of the delegation?", COVER, {"field": "姓名職稱"}),
        ("這次智慧港口暨物流產業考察團由誰帶隊？", COVER, {"field": "姓名職稱"}),  # the trip, however described
        ("報告是誰寫的？", COVER, {"field": "姓名職稱"}),
        ("Who wrote this report?", COVER, {"field": "姓名職稱"}),
        ("Which agency filed this report?", COVER, {"field": "服務機關"}),
        ("What is this report called?", COVER, {"field": "標題"}),
        ("这次出访去了哪个国家？", COVER, {"field": "派赴國家"}),
        ("他們那邊主要賣到哪些國家？", "", {}),  # a firm's market, not the country the trip went to
        ("他們這次派到哪個國家？", COVER, {"field": "派赴國家"}),
        ("According to the cover page, what were the official travel dates?", COVER, {"field": "出國期間"}),
        ("Per the cover page, when did the Netherlands trip start and end?", COVER, {"field": "出國期間"}),
        ("What travel dates are printed on the front page of the report?", COVER, {"field": "出國期間"}),  # front page
        ("這趟一起去的還有誰？", MEMBERS, {}),
        ("這次一起出國的市府同仁有哪些？", MEMBERS, {}),  # the writers' own colleagues who went abroad with them
        ("Which officials went on the trip?", MEMBERS, {}),
        ("Who else went on the trip?", MEMBERS, {}),
        ("交通局那邊是誰跟團？", MEMBERS, {}),  # 跟團: joined the delegation
        ("幾個人去？", MEMBERS, {}),  # how many went: the member list counts them
        ("這次出國總共幾個人？", MEMBERS, {}),
        ("这次出访去了多少人？", MEMBERS, {}),
        ("港務局有多少人？", "", {}),  # a party's headcount, not the delegation's
        ("5號晚上請客那場，荷方到底來了哪些人？", "", {}),  # the hosts' side at a dinner, not the members
        ("港務局的同仁有幾位？", "", {}),  # another party's colleagues
        ("跟港務局一起前往碼頭的是誰？", "", {}),  # who went along to one place
        ("心得提到門票要幾塊錢？", "", {}),  # 幾塊 of money, no parts of the section
        ("公園每年吸引多少人前往？", "", {}),  # visitors of a place
        ("這次去荷蘭到底是為了啥？", OVERVIEW, {"section": "目的"}),  # what for: the trip's purpose
        ("Remind me why the delegation went to the Netherlands at all?", OVERVIEW, {"section": "目的"}),  # indirectly
        ("3/5 下午做了什麼？", ITINERARY, {"days": ("3/5",), "half": "下午"}),
        ("5 號早上排了什麼行程？", ITINERARY, {"day_numbers": (5,), "half": "上午"}),
        ("5 號上午那幾個行程具體是啥來著？", ITINERARY, {"day_numbers": (5,), "half": "上午"}),  # 那幾個 counts nothing
        (
            "5 號飛到鹿特丹之後，下午排了什麼？",
            ITINERARY,
            {"day_numbers": (5,), "half": "下午"},
        ),  # words setting the scene
        ("What was on the schedule the morning of March 6?", ITINERARY, {"days": ("3/6",), "half": "上午"}),
        (
            "Once the delegation got to Rotterdam on March 5, what was lined up for that afternoon?",
            ITINERARY,
            {"days": ("3/5",), "half": "下午"},
        ),
        ("What did Jan Visser present on the afternoon of March 5?", "", {}),  # what he said, not the plan
        ("On March 5, what agreement was arranged with the software company?", "", {}),
        ("他們哪天飛回來？", ITINERARY, {"edge": "last"}),
        ("訪團幾號回到國內？", ITINERARY, {"edge": "last"}),  # 幾號 asks a date, not a count
        ("到鹿特丹第一站去哪？", ITINERARY, {"stop": "first"}),
        ("What was the delegation's last stop?", ITINERARY, {"stop": "last"}),
        # An idiom, no stop: asks why, as without it (a visit named in Chinese is read from the visit: engine.py).
        ("Why did they go to the port authority in the first place?", OVERVIEW, {"stop": "", "section": "目的"}),
        ("Why did the mayor go to the Netherlands in the first place?", OVERVIEW, {"section": "目的"}),
        ("How come the mayor went to the Netherlands?", OVERVIEW, {"section": "目的"}),  # how come: why
        ("為什麼局長要去荷蘭？", OVERVIEW, {"section": "目的"}),  # who went may stand between
        ("局长这次为啥会跑去荷兰？", OVERVIEW, {"section": "目的"}),  # 為啥: why, colloquially
        ("為什麼會失去訂單？", "", {}),  # 失去 is no going
        ("為什麼這份出國報告沒有寫預算？", "", {}),  # 出國報告 is the report
        ("為何局長沒去港務局？", "", {}),  # what was not done
        ("當地市政府接待的官員有哪些？", "", {}),  # the hosts' officials, not our members
        ("接待我們的市議會議事組成員有誰？", "", {}),
        ("本週日程怎麼排？", "", {"weekdays": ()}),  # 週日程 is no Sunday
        ("星期六日做了什麼？", ITINERARY, {"weekdays": ("六", "日")}),
        ("週一到三做了什麼？", ITINERARY, {"weekdays": ("一", "二", "三")}),  # a range
        ("這趟幾號出發、幾號結束？", COVER, {"field": "出國期間"}),  # both ends: the cover's period
        ("這趟是哪段時間去的？", COVER, {"field": "出國期間"}),  # 哪段時間: the period
        ("When did the Netherlands trip kick off and wrap up?", COVER, {"field": "出國期間"}),  # its two ends
        ("So when'd the trip get started, and when did it finish?", COVER, {"field": "出國期間"}),
        ("When did they leave and return?", ITINERARY, {"edge": "last"}),  # the last day's rows, not the cover
        ("回國前最後一整天排了什麼？", ITINERARY, {"edge": LAST_FULL, "shift": 0}),  # not a closing day of flights
        ("回國前一天做了什麼？", ITINERARY, {"edge": "last", "shift": -1}),  # the day before the return
        ("返國前一天做了什麼？", ITINERARY, {"edge": "last", "shift": -1}),
        ("最後完整的一天做了什麼？", ITINERARY, {"edge": LAST_FULL, "shift": 0}),
        ("What was on the last full day?", ITINERARY, {"edge": LAST_FULL}),
        ("這次的團員是哪幾位？", MEMBERS, {}),
        ("這趟正式掛名出國的成員有誰？", MEMBERS, {}),  # members named on the report: the list, not the leader
        ("報告最後提了哪些建議？", LIST, {"section": "建議"}),
        ("報告最後對市府提了哪幾項建議？麻煩幫我整理一下。", LIST, {"section": "建議"}),  # a polite request
        ("報告後面談心得跟效益的部分，總共整理成哪幾點？", LIST, {"section": "心得"}),
        ("心得那章大概分幾塊說的？", LIST, {"section": "心得"}),  # how many parts: its headings
        ("建議分成幾個方面？", LIST, {"section": "建議"}),
        ("報告最後建議市府接下來要做哪些事？", LIST, {"section": "建議"}),  # whom and when it addresses
        ("報告最後建議我們市府未來應該做哪些事？", LIST, {"section": "建議"}),
        ("星期二做了什麼？", ITINERARY, {"weekdays": ("二",)}),  # a day of the week, as day cells write it
        ("What did they do on Friday morning?", ITINERARY, {"weekdays": ("五",), "half": "上午"}),
        ("禮拜天呢？", ITINERARY, {"weekdays": ("日",)}),
        ("6/21 星期三那天的行程是什麼？", ITINERARY, {"days": ("6/21",), "weekdays": ()}),  # the date says it
        ("What did the report recommend in the end?", OVERVIEW, {"section": "建議"}),
        ("What suggestions did the report end up making?", OVERVIEW, {"section": "建議"}),  # the whole word
        ("Quick summary: what did the city get out of the trip?", OVERVIEW, {"section": "心得"}),
        ("In a nutshell, what does the report recommend the city do next?", OVERVIEW, {"section": "建議"}),
        ("Could you sum up what the report recommends the city do going forward?", OVERVIEW, {"section": "建議"}),
        ("What were the key lessons they wrote up after the Port Authority visit?", "", {}),  # one visit's
        ("這份報告上是署誰的名字？", COVER, {"field": "姓名職稱"}),
        ("荷蘭那趟是哪幾天出去的？", COVER, {"field": "出國期間"}),  # "that trip"
        ("What were the key lessons they wrote up after the trip?", LIST, {"section": "心得"}),
        ("Big picture, what did the team come away with?", OVERVIEW, {"section": "心得"}),
        ("What did the team come away with from the Port Authority visit?", "", {}),  # that visit's, not 心得
        ("這次出訪有哪些具體成果？", LIST, {"section": "心得"}),
        ("這次出訪的目的是什麼？", OVERVIEW, {"section": "目的"}),
        ("這趟去荷蘭主要想達成哪些事？", LIST, {"section": "目的"}),  # the trip's aims, as things: listed
        ("心得第一點在講什麼？", OVERVIEW, {"section": "心得", "ordinal": 1}),
        ("Quick summary of the port authority visit?", OVERVIEW, {"section": ""}),
        ("幫我簡單介紹一下港務局。", OVERVIEW, {"section": ""}),
        ("Tell me about the port authority.", OVERVIEW, {"section": ""}),
        ("港務局那場主要談了些什麼？", OVERVIEW, {"section": ""}),  # the visit's gist
        ("在港務局主要看了哪些港口設備？", "", {}),  # which things, mainly: no gist of the visit
        ("在港務局主要看了些什麼？", "", {}),  # what was seen there, mainly: no gist of the visit either
        ("這次出訪主要參觀了什麼？簡單概括一下", OVERVIEW, {"section": ""}),  # a gist asked outright
        ("港務局那場的主要看點是什麼？", OVERVIEW, {"section": ""}),  # 看點: its highlights
        ("去港務局是這趟的哪一天？", VISIT_DAY, {}),
        ("What day did they visit the city council?", VISIT_DAY, {}),
        ("哪天見了副議長？", VISIT_DAY, {}),
        ("去港務局那天是誰接待的？", "", {}),  # who received them, not which day
        ("港務局是哪一年成立的？", "", {}),  # a year, not a visit's day
        ("港務局的年吞吐量是多少？", "", {}),
        ("范德堡是哪個單位的處長？", "", {}),
        ("When was this port trip report actually filed?", COVER, {"field": "報告日期"}),  # when: the date
        ("Which agency filed the report?", COVER, {"field": "服務機關"}),
        ("當天晚上那場晚宴是請哪些人？", "", {}),  # whom the dinner invited, not the delegation's members
        ("Which of their member companies were there?", "", {}),  # a federation's members
        ("招商晚宴對方來了哪些人？", "", {}),  # the hosts' side at an event
        ("這次我方有哪些人同行？", MEMBERS, {}),  # our own side: the members
        ("這次跟局長一起去荷蘭的市府成員有哪幾位？", MEMBERS, {}),  # 市府: our own side too
        ("這趟荷蘭行是幾號出發幾號回來？", COVER, {"field": "出國期間"}),
        ("王副那天帶隊去了哪些地方？", "", {}),  # where a leader went, which the cover does not say
        ("这份出国报告是以谁的名义交的？", COVER, {"field": "姓名職稱"}),  # in whose name: the cover's name
    ],
)
def test_staff_questions_are_read_as_the_record_they_ask_for(question, kind, detail):
    intent = read_intent(normalize_query(question))
    assert intent.kind == kind
    for name, value in detail.items():
        assert getattr(intent, name) == value


def test_a_follow_up_keeps_the_day_of_the_question_before():
    previous = read_intent("3/5 上午去了哪裡？")
    assert follow(read_intent("那天下午呢？"), previous) == Intent(ITINERARY, days=("3/5",), half="下午")
    assert follow(read_intent("港務局的年吞吐量是多少？"), previous).kind == ""


def test_what_came_next_after_a_morning_is_that_afternoon():
    previous = read_intent("3/5 上午去了哪裡？")
    assert follow(read_intent("之後又去了哪裡？"), previous) == Intent(ITINERARY, days=("3/5",), half="下午")


def test_which_agency_submitted_the_report_is_the_agency_not_the_date():
    assert read_intent(normalize_query("這份報告是哪個機關提交的？")).field == "服務機關"
    assert read_intent(normalize_query("報告是什麼時候交出去的？")).field == "報告日期"


@pytest.mark.parametrize(
    ("question", "fields"),
    [
        ("這趟荷蘭行哪天到哪天，報告是哪個單位交的？", ("出國期間", "服務機關")),
        ("Quick one: what dates did the trip run, and which agency filed the report?", ("出國期間", "服務機關")),
        ("報告日期跟出國期間各是什麼時候？", ("報告日期", "出國期間")),
        ("這次是誰帶隊？", ()),  # one field
        ("這趟是誰帶隊，拜訪了哪些單位？", ()),  # a field and something else
    ],
)
def test_a_question_asking_two_cover_fields_in_clauses_of_their_own_asks_both(question, fields):
    intent = read_intent(normalize_query(question))
    assert intent.kind == COVER and intent.fields == fields
    if fields:
        assert intent.field == fields[0]


@pytest.mark.parametrize(
    "question", ["這份荷蘭出訪報告是哪天交出去的？報告日期寫幾號？", "報告是哪天交的，報告日期是幾號？"]
)
def test_one_cover_field_asked_twice_in_clauses_of_their_own_is_that_field(question):
    intent = read_intent(normalize_query(question))
    assert (intent.kind, intent.field, intent.fields) == (COVER, "報告日期", ("報告日期",))


@pytest.mark.parametrize(
    "question",
    [
        "報告說新創園區什麼時候完工？",
        "這次出國期間拜會了誰？",
        "出國期間的天氣如何？",
        "這次拜訪了哪些單位？",
        "這次參訪了哪些國家的企業？",
        "報告中哪個國家的案例最多？",
        "Who led the meeting with the minister?",
    ],
)
def test_a_question_about_the_visits_is_not_read_as_a_cover_field(question):
    assert read_intent(normalize_query(question)).kind != COVER


@pytest.mark.parametrize("question", ["他下午在論壇演講的主題是什麼？", "Next, what did the mayor say about drones?"])
def test_a_follow_up_asking_something_else_keeps_its_own_intent(question):
    previous = read_intent("3/5 上午去了哪裡？")
    assert follow(read_intent(normalize_query(question)), previous).kind == ""


@pytest.mark.parametrize(
    ("question", "trip_day", "half"),
    [
        ("第一天做了什麼？", 1, ""),
        ("第二天下午去了哪裡？", 2, "下午"),
        ("這次出訪的第二天去了哪裡？", 2, ""),  # 的第二天: still the trip's; only 那第二天 counts from a day named
        ("What was the schedule on the 2nd day?", 2, ""),
        ("What did they do on the third day?", 3, ""),
        ("What did they do on day three?", 3, ""),  # as a schedule counts them
        ("What was the schedule for day 2?", 2, ""),
        ("最後一天的行程？", -1, ""),
    ],
)
def test_the_trips_nth_day_is_an_itinerary_question(question, trip_day, half):
    intent = read_intent(normalize_query(question))
    assert (intent.kind, intent.trip_day, intent.half) == ("itinerary", trip_day, half)


@pytest.mark.parametrize(
    "question",
    [
        "第一天拜會的副市長叫什麼名字？",
        "What did they do on the 21st?",
        "What was on at 10:30 on day 3.5?",
        "Has the plan been in place from day one?",  # the idiom, no day of the trip
    ],
)
def test_a_named_day_with_more_asked_or_a_day_of_the_month_is_not_a_trip_day(question):
    assert read_intent(normalize_query(question)).trip_day == 0


@pytest.mark.parametrize(
    ("question", "in_place"),
    [
        ("在鹿特丹那兩天，整體來說跑了哪些單位？", True),
        ("What did they do in Rotterdam?", True),
        ("在鹿特丹那兩天都幹了些啥？", True),  # 幹了些啥: did what
        ("Give me a quick rundown of what they did on the Rotterdam leg.", True),
        ("在鹿特丹是哪幾天？", True),  # which days were spent there: its rows, dated
        ("Which days were we in Rotterdam?", True),
        ("訪團在鹿特丹待了哪幾天？", True),
        ("Which stops did we make in Rotterdam?", True),  # the stops made: the visits of its rows
        ("So which stops did they actually make while they were down in Rotterdam?", True),
        ("哪幾天有下雨？", False),  # no place
        ("在鹿特丹是誰接待的？", False),  # asks who
        ("3/5 在鹿特丹做了什麼？", False),  # a day's rows
    ],
)
def test_what_was_done_in_a_place_may_be_asked_of_the_itinerary(question, in_place):
    intent = read_intent(normalize_query(question))
    assert (intent.kind == ITINERARY and intent.in_place) is in_place
    assert not read_intent(normalize_query(question), places=False).in_place  # when it names no place


@pytest.mark.parametrize(
    ("question", "place", "only"),
    [
        ("在鹿特丹那兩天，整體來說跑了哪些單位？", "鹿特丹", True),
        ("Can you give me a quick rundown of what they did in Rotterdam?", "Rotterdam", True),
        ("在鹿特丹那兩天都幹了些啥？", "鹿特丹", True),  # 幹了些啥: did what
        ("在鹿特丹那兩天具體都跑了哪些地方？", "鹿特丹", True),  # 具體: only stress
        ("What specifically did they do in Rotterdam?", "Rotterdam", True),
        ("在鹿特丹市區都逛了哪些地方？", "鹿特丹", False),  # a part of the city the rows do not break down
        ("現在都做了什麼？", "鹿特丹", False),  # names no place
        ("Which hotel did they stay at in Rotterdam?", "Rotterdam", False),  # asks a hotel, not the schedule
    ],
)
def test_what_was_done_in_a_place_names_the_place_and_nothing_else(question, place, only):
    assert only_a_place_beside(normalize_query(question), place) is only


@pytest.mark.parametrize(
    "question",
    [
        "整趟行程的路線大概是怎麼走的？先到哪再到哪？",
        "简单概括一下这次代表团的整体行程。",
        "What was the whole itinerary?",
        # The cities the trip went through, or its order, are its route too.
        "這趟出差跑了哪幾個城市？",
        "訪團前後在哪些城市之間移動？",
        "Which cities did the team travel to?",
        "行程的先後順序為何？",
        # Which places, companies or institutions it went to: every visit is a row.
        "這趟總共拜訪了哪些荷蘭的企業和機構？",
        "局長去了哪些地方？",
        "Which companies did the team visit?",
    ],
)
def test_the_whole_trips_plan_or_route_is_every_itinerary_row(question):
    intent = read_intent(normalize_query(question))
    assert (intent.kind, intent.whole) == (ITINERARY, True)
    # After every row, "那天下午呢？" names no one day to keep: it is read on its own.
    assert follow(read_intent("那天下午呢？"), intent) == read_intent("那天下午呢？")


@pytest.mark.parametrize(
    "question",
    [
        "這家公司在哪些城市設有據點？",
        "局長邀請哪些城市參加博覽會？",
        "How many cities did they go to?",
        "港務公司的貨輪航經哪些城市？",  # another subject's cities
        "鹿特丹港到過哪些城市招商？",
        "Which cities did the port's cargo go to?",
        "物聯網可以用在移動裝置嗎？",  # moving, no route asked
        "這家公司在哪些國家設有工廠？",  # no going asked
        "局長在鹿特丹參觀了哪些地方？",  # one place's rows
    ],
)
def test_cities_asked_of_something_else_than_the_trip_are_not_its_rows(question):
    assert not read_intent(normalize_query(question)).whole  # nothing going asked, or a number asked


@pytest.mark.parametrize(("question", "edge"), [("出發當天排了什麼行程？", "first"), ("回國那天有什麼行程？", "last")])
def test_the_day_of_the_departure_or_the_return_is_the_trips_first_or_last(question, edge):
    intent = read_intent(normalize_query(question))
    assert (intent.kind, intent.edge) == (ITINERARY, edge)


@pytest.mark.parametrize(
    ("question", "shift", "bare"),
    [
        ("那天下午呢？", 0, True),
        ("隔天呢？", 1, True),
        ("前一天去了哪？", -1, True),
        ("What did they do the day before?", -1, True),
        ("去港務局那天還去了哪？", 0, False),  # the day of the visit it names
        ("那天下午呢？還跑了哪些地方？", 0, True),
        ("那天看完之後去哪了？", 0, True),
        ("那第二天下午呢？", 1, True),  # counted from the day just named; "第二天" alone is the trip's
        ("那當天下午又跑了哪幾個地方？", 0, True),
        ("當天後面還去了哪？", 0, True),  # what came after, that day: nothing named beside it
        ("那天接下來去了哪？", 0, True),
    ],
)
def test_that_day_or_the_next_is_an_itinerary_question_anchored_to_another_day(question, shift, bare):
    intent = read_intent(normalize_query(question))
    assert (intent.kind, intent.anchored, intent.shift, intent.bare) == (ITINERARY, True, shift, bare)


@pytest.mark.parametrize("question", ["那天局長在會上說了什麼？", "最後一天的行程？", "那天下雨嗎？", "當天來回嗎？"])
def test_a_question_about_that_day_asking_no_schedule_or_the_last_day_is_not_anchored(question):
    assert not read_intent(normalize_query(question)).anchored


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("3/5 的隔天去了哪？", {"days": ("3/5",), "shift": 1}),
        ("第二天的隔天去了哪？", {"trip_day": 2, "shift": 1}),
        ("最後一天的前一天做了什麼？", {"trip_day": -1, "shift": -1}),
    ],
)
def test_a_named_day_shifted_keeps_both(question, detail):
    intent = read_intent(normalize_query(question))
    assert intent.kind == ITINERARY and not intent.anchored
    assert all(getattr(intent, name) == value for name, value in detail.items())


def test_a_question_about_someone_the_report_writes_of_is_not_about_its_author_or_title():
    assert read_intent(normalize_query("報告中寫的局長是誰？")).kind != COVER
    assert read_intent(normalize_query("What is the title of the report's leader?")).field == "姓名職稱"


@pytest.mark.parametrize("question", ["報告提到的備忘錄是哪一天簽的？", "收到邀請函是哪一天？", "去年的展覽是哪一天？"])
def test_a_day_question_about_no_visit_is_not_a_visits_day(question):
    assert read_intent(normalize_query(question)).kind != VISIT_DAY


def test_the_next_day_after_a_day_question_is_that_day_shifted():
    previous = read_intent(normalize_query("3/5 上午去了哪？"))
    following = follow(read_intent(normalize_query("隔天呢？")), previous)
    assert (following.days, following.shift, following.half) == (("3/5",), 1, "")


@pytest.mark.parametrize(
    ("question", "next_only"),
    [
        ("看完之後去哪了？", True),
        ("結束後他們去了哪裡？", True),
        ("Where did they go after that?", True),
        ("Where did the group go right after?", True),
        ("and where'd the group go after that, same afternoon?", True),  # "where'd": where did
        ("And where did the team head right after that?", True),  # heading somewhere is going
        ("Where'd he take the team after that?", True),  # taking a group somewhere is going; he asks nothing
        ("What did she take away from it afterwards?", False),  # a lesson taken, no place gone to
        ("Who was the head of the team at the port?", False),  # a head of something goes nowhere
        ("之後又去了哪兒？", True),
        ("後來臺中有沒有跟他們簽約？", False),  # a later outcome, not the next stop
        ("看完之後市長說了什麼？", False),  # asks what was said, not where they went
        ("參觀完之後的心得是什麼？", False),  # a thought about it, not the next stop
        ("參訪港務局的當天是誰接待？", False),  # names its own visit
        ("同一天在市議會簽署了什麼備忘錄？", False),
        ("隔天早上去拜會了誰？", True),  # who, on the day after the one just talked about
        ("當天負責接待的是哪位？", True),
        ("這次出國的期間是哪幾天？", False),
    ],
)
def test_a_question_that_cannot_stand_alone_refers_back(question, next_only):
    assert refers_back(normalize_query(question)) is next_only


def test_a_question_asking_who_of_the_next_morning_points_at_that_day_without_asking_its_schedule():
    intent = read_intent(normalize_query("隔天早上呢？去拜會了誰？"))
    assert (intent.of_day, intent.shift, intent.half, intent.bare, intent.kind) == (True, 1, "上午", False, "")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("出發那天有排什麼行程嗎？還是只有搭飛機？", ITINERARY),  # the rest says more of the same
        ("整趟路線怎麼走？先飛哪、最後怎麼回來？", ITINERARY),
        ("這份報告是哪個機關送的？出國性質算哪一類？", COVER),
        ("隔天早上呢？去拜會了誰？", ""),  # the rest asks who: not the day's rows
    ],
)
def test_a_question_of_two_sentences_asks_of_a_record_when_its_first_does_and_the_rest_asks_nothing_else(
    question, kind
):
    assert read_intent(question).kind == kind


@pytest.mark.parametrize(
    ("word", "cue"), [("主要", True), ("重點", True), ("哪些", True), ("技術", False), ("港務局", False)]
)
def test_a_word_that_only_says_how_a_question_asks_is_a_cue_word(word, cue):
    from assistant.intent import is_cue_word

    assert is_cue_word(word) is cue


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("心得裡說港務局怎麼樣？", "心得"),
        ("建議事項中提到要成立什麼委員會？", "建議"),
        ("In the recommendations, what do they suggest about cruises?", "建議"),
        ("港務局的心得是什麼？", ""),  # asks for the 心得 itself (an overview), not where to look
        ("他們建議什麼？", ""),
    ],
)
def test_a_question_may_say_which_section_of_the_report_to_look_in(question, section):
    from assistant.intent import section_named

    assert section_named(normalize_query(question)) == section


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("6/21 之後去了哪裡？", True),
        ("6/21 的隔天拜會了誰？", True),
        ("What did they do the day before June 21?", True),
        ("參訪港務局之前先去了哪？", True),
        ("6/21 拜會了誰？", False),
        ("What did they do on June 21?", False),
    ],
)
def test_a_time_counted_from_the_day_named_is_told_from_that_day(question, counted):
    assert counts_from_a_day(question) is counted


@pytest.mark.parametrize(
    ("question", "context", "expected"),
    [
        ("是誰帶隊去的？", "3/5 上午去了哪裡？", True),  # after a day's itinerary: that day's visit
        ("是誰帶隊去的？", "鹿特丹港年吞吐量多少？", False),  # another topic: the trip's leader
        ("是誰帶隊去的？", "", False),
        ("這趟是由誰帶隊？", "3/5 上午去了哪裡？", False),  # the whole trip named
        ("Who led the delegation?", "What did they do on 3/5?", False),
        ("那天去了哪裡？", "3/5 上午去了哪裡？", False),  # no question of who led
    ],
)
def test_who_led_after_an_itinerary_question_asks_of_that_visit_unless_the_trip_is_named(question, context, expected):
    assert asks_who_led_a_visit(normalize_query(question), normalize_query(context)) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("6/21 去了哪？", ["6/21"]),
        ("21號去了哪？", ["6/21"]),  # a day of the month alone: the trip's day of that number
        ("What did they do on the 19th?", ["6/19"]),
        ("30號去了哪？", []),  # no day of the trip
        ("去了哪？", []),
        ("在 21 號會議室聽了什麼？", []),  # a numbered room, no day
        ("What did they see at the 21st-century port?", []),
    ],
)
def test_a_day_of_the_month_alone_is_the_trips_day_of_that_number(question, expected):
    assert days_on(normalize_query(question), ["6/17", "6/19", "6/21"]) == expected


def test_a_day_of_the_month_two_days_of_a_long_trip_share_is_none_of_them():
    assert days_on(normalize_query("5號去了哪？"), ["6/5", "6/20", "7/5"]) == []


@pytest.mark.parametrize(
    ("question", "summary"),
    [
        ("整趟行程大概做了哪些事？幫我抓個重點。", True),
        ("這趟去荷蘭整體來說做了哪些事？", True),  # the trip's country named
        ("Can you give me the gist of what this trip covered?", True),
        ("What did the delegation do overall?", True),
        ("這趟去荷蘭整體上做了哪些事？簡單講一下", True),
        ("這趟去荷蘭到底做了哪些事？簡單講重點就好。", True),  # 到底, 就好: emphasis only
        ("這趟去荷蘭總共做了哪些事？", True),  # all it did, in total
        ("局長要一段重點：這趟去荷蘭總共做了哪些事？幫我摘一下。", True),  # who wants it said too
        ("Give me a short rundown of what this trip achieved overall.", True),
        ("Give me the quick version: what did the delegation actually get done over there?", True),
        ("Quick summary: what did the delegation get done?", True),
        ("這趟荷蘭行大概做了哪些事，幫我簡單整理一下？", True),  # 整理一下: summing up
        ("簡單總結一下這趟出訪都幹成了哪些事？", True),  # 幹成了: got done
        ("Give me the big picture of what the delegation actually did.", True),  # an adverb before the verb
        ("這趟去荷蘭做了哪些事？", True),  # what the whole trip did, no gist word needed
        ("這趟荷蘭行做了哪些事？幫我濃縮一下", True),  # 濃縮: condensed
        ("這次出訪在港口產業主要做了什麼？", False),  # one field's doings, "mainly" no gist word
        ("這次出訪的主要做法有哪些？", False),  # the practices
        ("這趟出訪的重點是什麼？", True),  # the trip's gist itself, no doing asked
        ("這次去荷蘭的重點？", True),
        ("Give me the quick rundown of the Netherlands trip", True),
        ("Give me the quick rundown: what did the Netherlands trip actually cover?", True),  # its country before it
        ("這趟總共花了多少錢？", False),  # an amount asked, in total
        ("我剛來還沒看過，這份報告在講什麼？", True),  # what the report is about
        ("这份报告讲的是什么？", True),
        ("What is this report about?", True),
        ("報告說這對港區有什麼用？", False),  # something the report says, of a subject
        ("報告在說什麼時候出發？", False),  # a time asked
        ("報告裡有講什麼跟港口有關的嗎？", False),  # a topic asked
        ("What did the whole trip cover?", True),
        ("What did the 2017 trip accomplish?", True),
        ("這份報告在講什麼東西？", True),
        ("這次去港務局的重點？", False),  # a visit named beside the trip: that visit's gist
        ("这次出访大概干了哪些事？简单概括一下", True),
        ("这次出访整体都干了些啥？", True),  # 些啥: what
        ("这趟荷兰行总体都干了些啥，简单概括下？", True),  # 總體: on the whole
        ("這趟去港務局做了哪些事？", False),  # one visit's doings, no gist word
        ("這次去 Havenbedrijf 做了什麼？", False),
        ("What did the delegation do at the port authority?", False),
        ("這趟在鹿特丹做了哪些事？", False),  # one city's doings: its rows
        ("這趟在鹿特丹總共做了哪些事？", False),  # in total, in one city: still its rows
        ("3/5 大概做了哪些事？", False),  # a day's
        ("整趟行程有哪些安排？", False),  # the schedule asked, no gist
    ],
)
def test_the_gist_of_what_the_whole_trip_did_is_the_reports_summary(question, summary):
    intent = read_intent(normalize_query(question))
    assert ((intent.kind, intent.section) == (OVERVIEW, "摘要")) is summary


@pytest.mark.parametrize(
    ("question", "kind", "section"),
    [
        ("建議？", LIST, "建議"),  # the recommendations' points
        ("建議事項", LIST, "建議"),
        ("心得", LIST, "心得"),
        ("Recommendations?", LIST, "建議"),
        ("目的？", OVERVIEW, "目的"),  # a purpose is told, not listed
        ("局長的建議？", "", ""),  # whose: more than the section
    ],
)
def test_a_section_named_and_nothing_else_asks_for_its_points_or_its_gist(question, kind, section):
    intent = read_intent(normalize_query(question))
    assert (intent.kind, intent.section) == (kind, section)


@pytest.mark.parametrize(
    "question",
    [
        "Give me the quick rundown of the recommendations at the end.",
        "Can you recap the takeaways?",
        "建議的部分幫我概括一下",
    ],
)
def test_a_rundown_recap_or_summing_up_of_a_closing_section_asks_its_gist(question):
    intent = read_intent(normalize_query(question))
    assert intent.kind == OVERVIEW and intent.section in ("建議", "心得")


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("我在準備主管會報的資料，建議那章分成哪幾點？麻煩簡單列一下。", "建議"),
        ("I'm putting together slides for the director. What are the takeaways? Keep it short, thanks.", "心得"),
        ("Just the headlines, please: what did the report recommend at the end?", "建議"),
        ("Just a quick check for my slides. What were the takeaways?", "心得"),  # an aside opening capitalized
        ("我們後來在港務局談到的，建議裡有嗎？", ""),  # "we" are the delegation: no aside of staff's own task
        ("I'm drafting the Port Authority part: what are the takeaways?", ""),  # an aside naming a party in Latin
    ],
)
def test_a_section_asked_beside_asides_on_staff_own_task_is_asked_as_if_alone(question, section):
    intent = read_intent(normalize_query(question))
    assert (intent.section if intent.kind in (LIST, OVERVIEW) else "") == section


@pytest.mark.parametrize(
    ("question", "asks"),
    [("還有誰也去了?", True), ("Who else was there?", True), ("這次出國還有誰?", False), ("有誰去?", False)],
)
def test_who_else_is_asked_beside_those_just_named_unless_the_trip_is_named(question, asks):
    from assistant.intent import asks_who_else

    assert asks_who_else(question) is asks


def test_covering_topics_on_a_day_asks_of_the_event_not_the_days_plan():
    # "cover" the verb is no word for the report's cover page, which would leave the question naming only its day.
    assert read_intent(normalize_query("What topics did they cover at the forum on the 5th?")).kind != ITINERARY
    assert read_intent(normalize_query("What did they do on the 5th?")).kind == ITINERARY


@pytest.mark.parametrize(
    "question",
    ["這張圖什麼時候拍的？", "藍圖什麼時候完成？", "雙方想達成什麼協議？", "What was the MoU meant to achieve?"],
)
def test_a_picture_a_plan_or_an_agreement_asked_of_is_not_the_trips_purpose(question):
    assert read_intent(normalize_query(question)).section != "目的"


@pytest.mark.parametrize(
    ("question", "organisations"),
    [("這趟拜訪了哪些公司？", True), ("Which companies did they visit?", True), ("他們拜訪了哪些機構和機關？", False)],
)
def test_companies_visited_are_the_visits_headed_by_one_and_institutions_every_row(question, organisations):
    intent = read_intent(normalize_query(question))
    assert (intent.kind, intent.whole, intent.organisations) == (ITINERARY, True, organisations)


@pytest.mark.parametrize(
    "question",
    [
        "這趟出訪當初是怎麼促成的？",
        "這次去考察是如何成行的？",
        "這次出訪荷蘭是怎麼促成的？",
        "How did this visit come about?",
        "How did this trip come about?",
        "What prompted the trip?",
    ],
)
def test_how_the_trip_came_about_is_asked_of_its_purpose(question):
    assert read_intent(normalize_query(question)).section == "目的"


@pytest.mark.parametrize(
    "question",
    [
        "What dates does the Spain trip report say they were abroad?",
        "Which dates does the report say the mayor was abroad?",
    ],
)
def test_the_dates_abroad_the_report_says_are_the_cover_period(question):
    intent = read_intent(normalize_query(question))
    assert (intent.kind, intent.field) == (COVER, "出國期間")


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("So according to the recommendations, what should we do next?", "建議"),
        ("摘要講白話一點，這趟做了哪些事？", "摘要"),
        ("根據心得，市府學到什麼？", "心得"),
        ("根據報告中的建議，市府下一步該怎麼做？", "建議"),
    ],
)
def test_a_section_asked_by_what_it_says_or_in_plain_words_is_that_section(question, section):
    assert read_intent(normalize_query(question)).section == section


@pytest.mark.parametrize(
    "question",
    [
        "這次的經費是怎麼來的？",  # something of the trip came about, not the trip
        "這次簽的合作備忘錄是怎麼談成的？",
        "How was the visit to the port arranged?",  # one visit, not the trip
        "What did the port director say about their main goals?",  # what someone said, not the report
        "According to the port authority, what are the benefits of automation?",  # a party's word, not a section
        "根據港務局的建議，市府該怎麼做？",
    ],
)
def test_a_question_about_something_else_of_the_trip_is_not_its_purpose_or_a_section(question):
    assert read_intent(normalize_query(question)).section == ""
