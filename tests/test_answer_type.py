"""The kind of answer a question asks for, and the kinds a sentence of the report offers."""

from __future__ import annotations

import pytest

from assistant.answer_type import (
    ALIAS,
    CAUSE,
    DATE,
    DAY,
    DISTINCTION,
    FOCUS,
    GIFT,
    ITEMS,
    MONEY,
    NAMED_GIFT,
    NAMED_TITLE,
    NUMBER,
    OTHER_HOLDER,
    PERSON,
    PLANNED,
    PURPOSE,
    REASON,
    TITLE,
    WHERE,
    answers_kind,
    asked_kinds,
    asks_a_unit,
    counted_noun,
    counted_nouns,
    counts,
    gives_a_number,
    gives_the_unit,
    holders_asked,
    items_asked,
    offered_kinds,
    planned_asked,
)
from assistant.text.normalize import fold


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("招商晚宴在哪一天舉行?", {DATE, DAY}),
        ("Which day did the delegation fly from Taiwan to Paris?", {DATE, DAY}),
        ("港務局是哪一年成立的?", {DATE}),
        ("When was MEDEF founded? 建立 創建", {DATE}),  # an English question with its translations
        ("Sigfox 在多少個國家提供服務?", {NUMBER}),
        ("How large is Parc de Bercy?", {NUMBER}),
        ("巴黎由哪位副市長接待訪團?", {PERSON, TITLE + "副市長"}),
        ("市長跟誰見面?", {PERSON}),  # the mayor is who met, not who is asked for
        ("那座城市有什麼外號?", {ALIAS}),
        ("What is the city nicknamed?", {ALIAS}),
        ("那座港城為什麼被叫做紅城?", {ALIAS, REASON}),
        ("局長被叫去哪裡開會?", set()),  # summoned, not named
        ("Why did they call off the visit?", {REASON, PURPOSE}),  # called off, not named
        ("When did they call the port authority?", {DATE}),
        ("Who designed the Promenade plantée?", {PERSON}),
        ("港務局為什麼要全面自動化?", {REASON}),
        ("Why did the delegation visit the port authority?", {REASON, PURPOSE}),  # what a step of the trip was for
        ("What was the point of walking the old quay?", {REASON, PURPOSE}),
        ("為啥要專門去看港務局?", {REASON, PURPOSE}),
        ("為什麼行程要特地排港區公園?", {REASON, PURPOSE}),  # why the schedule holds a stop: what it was for
        ("為什麼行程延誤?", {REASON}),  # a cause
        ("How come the port's director didn't meet us?", {REASON, CAUSE}),  # how come: why
        ("港務局怎麼不是局長本人出來？", {REASON, CAUSE}),  # 怎麼不是: why not
        ("怎麼沒去港區公園？", {REASON, CAUSE}),
        ("港務局怎麼是副局長出來，不是局長本人？", {REASON, CAUSE}),  # 怎麼是…不是: why one, not the other
        ("為什麼港務局只派副局長出來?", {REASON, CAUSE}),  # why only one: why not the other
        ("Why did the port only send its deputy director?", {REASON, CAUSE}),
        ("為什麼要去港務局？我只是好奇。", {REASON, PURPOSE}),  # 只是: merely, beside the question
        ("Why did they visit the port? I only need the gist.", {REASON, PURPOSE}),
        ("港務局怎麼是這樣運作的？", set()),  # how it works
        ("報告怎麼是寫3月5日，是不是寫錯了？", set()),  # 是不是: whether, no "not the other"
        ("去港務局要怎麼走?", set()),  # how, not why
        ("港區公園怎麼樣?", set()),
        ("這兩個港口怎麼不同?", set()),
        ("要怎麼會合?", set()),
        ("去看舊碼頭，是想拿來參考什麼?", {REASON, PURPOSE}),
        ("他們去看舊碼頭是為了啥？", {REASON, PURPOSE}),  # 啥: what, as people say it
        (
            "Why do people call the city the red city?",
            {ALIAS, REASON},
        ),  # what it goes by and why, not what a visit was for
        ("那個倉庫以前是幹嘛用的?", set()),  # what it was used for, not why
        ("港灣論壇辦在哪裡?", {WHERE}),  # where it was held: a sentence placing it
        ("Where was the port forum held?", {WHERE}),
        ("港灣論壇是在哪兒開的?", {WHERE}),
        ("港灣論壇在哪辦的?", {WHERE}),
        ("在哪開車比較方便?", set()),  # driving, not holding
        ("論壇在哪個城市舉辦?", {WHERE}),
        ("他們在哪辦簽證?", set()),  # an errand, not where something was held
        ("那天下午又去了哪裡?", set()),  # where the delegation went next: the itinerary's, not a venue
        ("論壇舉辦了哪些活動?", set()),  # which events, not where
        ("為什麼碳排放下降?", {REASON}),  # a cause, not what a visit was for
        ("這個平臺有什麼用?", set()),  # what it does
        ("港務局為何要全面自動化?", {REASON}),
        ("港務局的自動化程度為何?", set()),  # closing a question, formal "what is"
        ("Sigfox 的物聯網技術有什麼優勢?", {DISTINCTION}),  # what sets it apart: its advantages
        ("Somewhere in the whole report", set()),
        ("20號上午那幾個行程是什麼?", set()),  # those few pointed at: no count asked
        ("有哪幾個展區?", set()),  # which ones: a list, no count
        ("有幾個展區?", {NUMBER}),
    ],
)
def test_asked_kinds(question, kinds):
    assert asked_kinds(question) == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # 業界 reads as a name before 代表: a holder named, as far as characters tell
        (
            "市長 6 月 20 日晚間宴請法國工商業界代表",
            {DATE, DAY, PERSON, TITLE + "市長", TITLE + "代表", NAMED_TITLE + "代表"},
        ),
        ("3/5 (二) 上午 港區", {DATE, DAY}),  # a day's digits are no amount
        ("3/5 參訪港務局，共 12 人", {DATE, DAY, NUMBER}),
        ("法國企業聯盟（MEDEF）成立於 1998 年", {DATE, NUMBER}),
        ("貝西公園面積約 13.9 公頃", {NUMBER}),
        ("由該市 Pénélope Komites 負責接待", {PERSON}),
        ("擁有成本低、耗電量低、全球覆蓋率高等優勢", {DISTINCTION, ITEMS}),  # its advantages, three named
        ("為了解港口自動化的作法，訪團前往港務局", {REASON}),
        ("此行適逢國會大選，改由副市長接待", {REASON, CAUSE, PERSON, TITLE + "副市長"}),
        ("因屋頂多為紅磚，常被暱稱為「紅城」", {ALIAS}),
        ("本市以觀光為主要產業", set()),  # 為主: "as", not a purpose
        # What the writers' city takes from a visit: a purpose and the city's own name for itself.
        ("其手法可作為本市舊港區再生之規劃設計參考", {REASON, PURPOSE, PLANNED}),  # 規劃, read loosely as a plan
        ("盼借鏡港務局的經驗，於本市打造智慧港區", {REASON, PURPOSE}),
        ("港務局希望擴大自動化碼頭", {REASON}),  # the visited party's own aim
        ("論壇於港務局總部舉辦", {WHERE}),
        ("港務局位於馬斯河口", {WHERE}),
        ("論壇於 3 月 5 日舉行", {DATE, DAY}),  # a date, not a place
        ("由於颱風延後舉辦", {REASON, CAUSE}),  # 由於: because, not at
        ("阿姆斯特丹市府希望擴大自動化", {REASON}),  # the visited city's own aim, not the writers'
        ("本局期望借鏡港務局的數據平臺", {REASON, PURPOSE}),  # an agency's own takeaway
    ],
)
def test_offered_kinds(sentence, kinds):
    assert offered_kinds(sentence) == kinds


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("產值將近新臺幣一兆元", True),
        ("新臺幣 1,000 億元左右產值", True),
        ("門票 20 歐元", True),
        ("於 1990 年成立", False),
        ("單元介紹", False),
    ],
)
def test_an_amount_of_money_is_offered_only_with_a_currency(text, money):
    assert (MONEY in offered_kinds(text)) is money


def test_a_question_about_cost_asks_for_money():
    assert MONEY in asked_kinds("訪團的住宿費用是多少？") and MONEY in asked_kinds("How much did the hotel cost?")
    assert MONEY not in asked_kinds("離巴黎多遠？")
    assert MONEY in asked_kinds("港務公司一年營收多少？") and MONEY in asked_kinds("What is the port's annual revenue?")
    assert MONEY not in asked_kinds("Did they discuss revenue sharing with the port?")  # sharing, no amount asked


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("那家公司為什麼能做到低成本？", False),  # cheap, asked why: no amount
        ("他們憑啥成本這麼低？", False),
        ("Why is their network so low-cost?", False),
        ("What makes it low-cost?", False),
        ("建置成本高達多少？", True),  # an amount asked, however high or low
        ("降低成本多少？", True),
        ("The lower costs—how much were they?", True),
        ("這趟出國的目的和經費？", True),  # a cause and an amount, both asked
        ("What was the purpose and the budget of the trip?", True),
        ("為什麼預算被砍？", False),  # a cause asked of money, no amount
        ("Why did the delegation spend two days at the port?", False),
        ("港務公司的成本為什麼比較低？", False),
    ],
)
def test_something_said_to_be_cheap_asks_no_amount_unless_one_is_asked(question, money):
    assert (MONEY in asked_kinds(fold(question))) is money


def test_why_and_how_much_asks_a_cause_and_the_amount():
    assert {REASON, MONEY} <= asked_kinds(fold("為什麼花了多少經費？"))
    assert REASON in asked_kinds(fold("他們憑什麼這樣做？"))


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("Does the terminal charge docking fees?", False),  # whether a fee is paid, not how much
        ("Do ships need to pay port fees there?", False),
        ("Does the report say how much the fees were?", True),
        ("這趟總共花了多少錢？經費有寫嗎？", True),
        ("What were the fees?", True),
        ("Does the report give the budget?", True),  # a budget asked yes or no: an amount the report must state
        ("Can you tell me the total cost of the trip?", True),
        ("預算有寫嗎？", True),
        ("Is the docking fee amount mentioned?", True),
    ],
)
def test_whether_money_is_paid_asks_yes_or_no_not_an_amount(question, money):
    assert (MONEY in asked_kinds(question)) is money


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("港務局送了局長什麼禮物？", True),
        ("對方有送什麼嗎？", True),
        ("What did the port give him as a souvenir?", True),
        ("局長有準備什麼伴手禮給對方嗎？", True),
        ("貨櫃是怎麼運送的？", False),  # carried, not given
        ("港務局做了什麼簡報？", False),
        ("歡送會上局長說了什麼？", False),  # a farewell
        ("市府派車把局長送到什麼地方？", False),  # taken somewhere
        ("Who gave them a presentation at the port?", False),
    ],
)
def test_a_question_about_a_gift_asks_for_one(question, asked):
    assert (GIFT in asked_kinds(fold(question))) is asked


def test_what_a_gift_was_is_answered_only_by_a_sentence_naming_it():
    named, unnamed = offered_kinds("范德堡處長致贈局長港口模型"), offered_kinds("局長致贈紀念品予 Jan Visser 處長")
    for question in ("局長送給范德堡的紀念品是什麼東西？", "What was the souvenir the director gave him?"):
        assert answers_kind(asked_kinds(fold(question)), named)
        assert not answers_kind(asked_kinds(fold(question)), unnamed)
    assert not answers_kind(asked_kinds(fold("局長送了什麼給他？")), offered_kinds("局長致贈范德堡處長紀念品"))
    assert answers_kind(asked_kinds(fold("局長送了什麼給他？")), offered_kinds("致贈港口模型予范德堡處長"))
    assert answers_kind(asked_kinds(fold("局長回送了什麼？")), offered_kinds("局長回送茶葉"))
    # Neither the receiver nor what was done beside the giving names the gift.
    for sentence in (
        "局長致贈紀念品予鹿特丹港務局副局長",
        "局長致贈鹿特丹港務局國際關係副局長紀念品",
        "局長致贈紀念品並與處長合影",
    ):
        assert NAMED_GIFT not in offered_kinds(sentence)
    # A gift word with a what-word asking of something else (to whom, on what occasion, why) asks no gift's name.
    for question in (
        "局長把紀念品送給哪一位？",
        "局長是在什麼場合致贈紀念品的？",
        "局長為什麼要送紀念品給他？",
        "Which director got a souvenir?",
    ):
        assert NAMED_GIFT not in asked_kinds(fold(question))
    # Whether one was given, and whether one was given back, a gift in its generic word answers.
    assert answers_kind(asked_kinds(fold("局長有送紀念品給他嗎？")), unnamed)
    assert answers_kind(asked_kinds(fold("局長有回送什麼嗎？")), offered_kinds("雙方互贈紀念品"))


def test_a_gift_asked_given_back_is_answered_only_by_one_given_back():
    given, returned = offered_kinds("范德堡處長致贈局長港口模型"), offered_kinds("局長回贈范德堡處長茶葉禮盒")
    assert answers_kind(asked_kinds(fold("港務局送了局長什麼？")), given)
    assert not answers_kind(asked_kinds(fold("局長有回送他什麼嗎？")), given)  # the gift returned asked
    assert answers_kind(asked_kinds(fold("局長有回送他什麼嗎？")), returned)
    assert not answers_kind(asked_kinds(fold("What did the director give him in return?")), given)
    assert answers_kind(asked_kinds(fold("局長有回送他什麼嗎？")), offered_kinds("局長回送茶葉"))
    assert GIFT not in asked_kinds(fold("What did the port give back to the community?"))
    assert GIFT not in offered_kinds("雙方就港區轉型交換意見")
    assert GIFT not in offered_kinds("出席簽約典禮") and GIFT not in offered_kinds("港務局以禮相待")


def test_an_amount_asked_is_not_answered_by_a_sentence_whose_only_numbers_are_its_date():
    amount = asked_kinds("港務局的數據平臺一年可以省多少電？")
    assert not answers_kind(amount, offered_kinds("局長於 3 月 5 日參訪港務局，並聽取數據平臺簡報"))
    assert answers_kind(amount, offered_kinds("局長於 3 月 5 日參訪港務局，數據平臺每年節電約 12%"))


def test_a_question_asking_for_a_day_is_not_answered_by_a_year_alone():
    day_question = asked_kinds("去港務局是哪一天?")
    assert answers_kind(day_question, offered_kinds("市長於 3 月 5 日參訪港務局"))
    assert not answers_kind(day_question, offered_kinds("港務局於 1990 年成立"))
    assert answers_kind(asked_kinds("港務局是哪一年成立的?"), offered_kinds("港務局於 1990 年成立"))
    assert not answers_kind(asked_kinds("港務局在哪裡?"), offered_kinds("港務局於 1990 年成立"))


def test_a_title_beside_no_name_names_no_one():
    asked = asked_kinds("港務局是哪位處長接待?")
    assert not answers_kind(asked, offered_kinds("港務局與市議會仍分別安排該局處長接待訪團"))
    assert not answers_kind(asked_kinds("由誰接待?"), offered_kinds("兩位處長專注聆聽"))
    assert answers_kind(asked, offered_kinds("由范德堡處長接待"))
    assert answers_kind(asked_kinds("誰致詞?"), offered_kinds("局長致詞時表示"))  # the one holding it


def test_a_question_asking_which_holder_of_a_title_is_answered_only_by_that_title():
    asked = asked_kinds("巴黎是哪位副市長出面接待?")
    assert answers_kind(asked, offered_kinds("由該市 Jean Dupont 副市長率團接待"))
    assert not answers_kind(asked, offered_kinds("巴黎首位女性市長 Marie Curie 的理念"))
    assert answers_kind(asked_kinds("副市長叫什麼名字?"), offered_kinds("由 Jean Dupont 副市長接待"))


@pytest.mark.parametrize(
    ("question", "sentence", "counted"),
    [
        ("分公司有多少員工？", "分公司佔地面積約 5,000 平方公尺", False),  # a number, but of square metres
        ("分公司有多少員工？", "分公司約有 50 名員工", True),
        ("那個協會在各地有幾個分支？", "在全國設有 155 家大區和省市分支機構", True),
        ("协会底下大概有多少家企业？", "代表 85 個行業總會共 75 萬家企業", True),  # simplified script folded
        ("政府持有多少股份？", "政府持股 84.5%", True),  # the noun before the number
        ("協會的員工有多少人？", "擁有 7,000 名雇員", True),  # 名 counts people as 人 does
        ("協會的員工有多少人？", "成立於 1998 年", False),
        # 家 tells what is counted, whatever noun follows it: a number of days does not count firms.
        ("論壇來了多少家荷蘭企業？", "荷蘭商會 3 月 6 日舉辦論壇", False),
        ("論壇來了多少家荷蘭企業？", "共有 40 家荷蘭企業出席", True),
        ("港區大概有多少家廠商？", "港區上下游廠商數超過 1,600 多家", True),  # more than 1,600
        ("港區大概有多少家廠商？", "港區上下游廠商共 300 多萬家", True),  # more than three million
        # In English, a noun for people or for firms: counted as its measure words count.
        ("How many reporters came to the press event?", "3 月 5 日舉行記者會", False),
        ("How many reporters came to the press event?", "約 30 名記者出席", True),
        ("How many Dutch companies exhibited there?", "共 12 家荷蘭廠商參展", True),
        ("How many countries does the company serve?", "服務 45 個國家", True),  # countries: not checked
        ("港務局有多少員工？", "港務局目前雇用約 1,200 名員工", True),
        ("港務局有多少員工？", "港務局所在的小鎮人口未達 3,500 人", False),  # a town's people are no staff
        ("港務局有多少員工？", "其位於市郊的碼頭佔地約 5,000 平方公尺", False),  # 位於 is no 位 counting people
        ("How many member cities are there?", "共 12 個會員城市", True),  # member describes cities: not checked
        ("那座城市的人口有多少？", "該市是全國第四大城市", False),  # 人口 asked before 有多少: counts 人
        ("那座城市的人口有多少？", "該市人口約 47 萬人", True),
    ],
)
def test_a_count_is_answered_only_by_a_number_of_what_it_counts(question, sentence, counted):
    assert counts(counted_noun(question), sentence) is counted


@pytest.mark.parametrize(
    "question",
    [
        "去港務局是幾月幾號？",  # a date, which DAY checks
        "在亞洲算第幾個？",  # an ordinal
        "有哪幾個展區？",  # a list
        "參展的有幾家？是哪幾家？",  # a count asked with which ones: the list answers it
        "那幾個展區有什麼特色？",  # a few pointed at
        "外資比例多少？",  # a share: a percentage answers it
        "花了多少經費？",  # money, which MONEY checks
    ],
)
def test_a_question_counting_nothing_has_no_counted_noun(question):
    assert counted_noun(question) == ""


def test_the_count_is_the_first_one_asked_that_counts_something():
    assert counted_noun("幾月幾號辦的？有多少人參加？") == "人"


def test_every_count_of_a_question_is_read_and_any_one_counted_answers():
    question = "港務局底下有幾個產業公會、多少家會員公司？"
    assert counted_nouns(question) == ["產", "家"]
    assert any(counts(n, "港務局代表 85 個行業總會共 3 萬家企業") for n in counted_nouns(question))
    assert counted_nouns("有幾家？是哪幾家？") == []  # which ones: the list answers, no count checked
    assert counted_nouns("你好") == []


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("港務局裡大概有多少研究人員？", "人"),
        ("市政府有多少公務員？", "員"),
        ("有多少國家？", "國"),
    ],  # 國家 counts no firms
)
def test_a_noun_for_people_is_counted_by_its_last_character(question, noun):
    assert counted_noun(question) == noun


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("後來港務局有沒有正式跟我們締約？", True),
        ("那家公司後來真的有來設分公司嗎？", True),
        ("Did the port authority eventually sign the agreement?", True),
        ("Did the port actually end up opening an office here after the visit?", True),  # the visit as a time
        ("參訪後雙方有沒有互贈紀念品？", False),  # at the visit, not after the trip
        ("Where did they eventually go after the visit?", False),
        ("後來去參觀了哪些地方？", False),  # the trip's own next stop
        ("港務局有沒有簡報數據平臺？", False),  # whether, but during the trip
        ("後來呢？", False),  # nothing asked whether
        ("Did the port authority ever open that office after the trip?", True),
        ("Was the old market ever a slaughterhouse?", False),  # "ever" of all time
        ("What did the port plan to do after the trip?", False),  # a plan the report may state
        ("回來之後港務局到底有沒有來設辦公室？", True),
        ("Did they ever visit the port?", False),  # "ever" of a step of the trip
        ("港務局最後有沒有真的在高雄設辦公室？", True),
        ("最後一天有沒有拜會港務局？", False),  # the trip's last day
        ("最終組裝廠有哪些？", False),  # final assembly
        ("備忘錄最後是否由局長簽署？", False),  # how an event of the trip ended
        ("Did the port authority end up opening an office here?", True),
        ("What did she and the director end up talking about?", False),  # what a meeting of the trip covered
        ("Did we end up going to their head office as well?", False),  # a stop of the trip itself
        ("Did the deal end up going through?", True),
        ("Did the port authority end up meeting the city's terms?", True),
        ("晚宴最後有沒有人致詞？", False),
        ("港務局那邊最後有沒有回覆，確定派人來參加？", True),  # whether the other side answered, later
        ("市議會最後有沒有同意簽約？", True),
        ("備忘錄最後是否確定由局長簽署？", False),  # how an event of the trip ended
        ("港務局最後有答應明年再來本市嗎？", True),
        ("後來跟港務局有正式簽成合作了沒？", True),  # 了沒 asks whether
        ("Did the port authority actually accept the invitation to the expo?", True),
        ("How many deals actually came out of the matchmaking?", True),
        ("跟港務局簽完備忘錄以後，現在落地了哪些項目？", True),  # where it stands now
        ("回來以後跟港務局談成了幾筆訂單？", True),  # what came of it, asked outright
        ("跟港務局簽的備忘錄後來落實了哪些項目？", True),
        ("後來雙方談到要怎麼落實合作？", False),  # how it is to be carried out, asked of the meeting
        ("雙方最後有同意在哪些領域合作嗎？", False),  # what was agreed at the meeting
        ("Did they actually visit the port?", False),
        ("港務局目前在多少國家設點？", False),  # the report's "now"
        ("Did the port authority actually set up an office here afterwards?", True),
        ("What did they do afterwards?", False),  # the trip's next step
    ],
)
def test_a_question_asking_whether_something_came_about_after_the_trip(question, later):
    from assistant.answer_type import asks_later_outcome

    assert asks_later_outcome(question) is later


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("局長於 3 月 5 日參訪港務局", False),  # a date is no number given
        ("3/6 (三)\t上午 阿姆斯特丹\t拜會市議會", False),
        ("每年節省約三成人力成本", True),
        ("由該市兩位副市長接待", True),
        ("年吞吐量約 4.6 億噸", True),
        ("范德堡處長曾多次來訪", True),  # a quantity in words
    ],
)
def test_a_sentence_gives_a_number_only_beside_its_date(sentence, number):
    assert gives_a_number(sentence) is number


@pytest.mark.parametrize(
    ("question", "sentence", "given"),
    [
        ("局長幾點抵達港務局？", "局長於 3 月 5 日上午抵達港務局", True),  # the half-day the genre records
        ("局長幾點抵達港務局？", "局長於 3 月 5 日抵達港務局", False),  # a day is no time of day
        ("What time did the talks start?", "會談於 10:30 開始", True),
        ("范德堡處長今年幾歲？", "范德堡處長今年 52 歲", True),
        ("范德堡處長今年幾歲？", "范德堡處長任職 12 年", False),
        ("拜會市議會時雙方談了多久？", "雙方會談約 1 個小時", True),
        ("拜會市議會時雙方談了多久？", "市議會共有 45 席議員", False),
        ("How long did the talks last?", "會談持續兩天", True),
        ("How long has he been at the port?", "范德堡處長於 3 月 5 日接待", False),
        ("港務局成立多久了？", "港務局於 1990 年成立", True),  # how long since it was founded: its year
        ("那場會談談了多久？", "港務局於 1990 年成立", False),  # a year is no length of a talk
        ("港區公園是哪一年開放的？", "港區公園於 1994 年開放", True),
        ("港區公園是哪一年開放的？", "港區公園於 2017 年 3 月 5 日開放", True),  # a date's year
        ("港區公園是哪一年開放的？", "局長於 3 月 5 日參觀港區公園", False),  # a day without its year
        ("What year did the port park open?", "港區公園於民國 83 年開放", True),
        ("港區公園是哪一年開放的？", "港區公園同年開放", True),  # a year told by pointing at one
        ("港區公園是哪一年開放的？", "港區公園可容納 1800 人", False),  # a count, no year
        ("港區公園是哪一年開放的？", "港區公園已開放 30 年", False),  # a length of time, no year
        ("港務局在哪裡？", "港務局位於市郊", True),  # nothing of the kind asked
    ],
)
def test_a_year_age_length_of_time_or_time_of_day_asked_is_given_only_in_its_unit(question, sentence, given):
    assert gives_the_unit(question, sentence) is given
    assert asks_a_unit(question) is (question != "港務局在哪裡？")


@pytest.mark.parametrize(
    ("question", "sentence", "answers"),
    [
        ("參訪港務局那天，當地的市長有來嗎？", "局長表示港務局的自動化值得學習", False),
        ("參訪港務局那天，當地的市長有來嗎？", "市長表示本市港區轉型刻不容緩", False),  # the writers' own head
        ("參訪港務局那天，當地的市長有來嗎？", "並邀請范德堡（Jan van der Berg）市長共同與會", True),  # named
        ("那個小鎮的鎮長叫什麼？", "由該鎮德弗里斯市長接待", True),  # a town's head is written 市長
        ("Which local mayor joined them?", "與 Jan Visser 市長會面", True),
        ("Which local mayor joined them?", "市長致詞感謝港務局", False),
        (
            "港務局所在那個小鎮，市長叫什麼名字？",
            "市長表示本市港區轉型刻不容緩",
            False,
        ),  # the town named before a comma
        ("港務局所在那個小鎮，市長叫什麼名字？", "並邀請范德堡（Jan van der Berg）市長共同與會", True),
    ],
)
def test_another_places_head_is_answered_by_a_named_holder_not_the_bare_title(question, sentence, answers):
    assert answers_kind(asked_kinds(fold(question)), offered_kinds(sentence)) is answers


@pytest.mark.parametrize(
    ("question", "holders"),
    [
        ("哪位副市長接待的？", {"副市長"}),
        ("局長叫什麼名字？", {"局長"}),
        ("港務局所在那個小鎮，市長叫什麼名字？", {"市長"}),  # another place's head, its name asked
        ("Which local mayor joined them there?", {"市長"}),
        ("為什麼會順便跟那個小鎮的市長見面？", set()),  # a title named, a reason asked
        ("Which day did they meet the local mayor?", set()),
        ("What is the name of the town where they met the local mayor?", set()),  # the town's name
        ("離開當地，市長說了什麼？", set()),
        ("港務局所在那個小鎮，市長有什麼感想？", set()),  # no name asked: the writers' own head
        ("市長去了哪裡？", set()),
    ],
)
def test_the_holder_asked_is_the_one_whose_name_a_question_asks(question, holders):
    assert holders_asked(fold(question)) == {NAMED_TITLE + t for t in holders}


def test_a_place_named_before_a_comma_makes_the_title_another_places_only_when_a_name_is_asked():
    assert OTHER_HOLDER in asked_kinds(fold("港務局所在那個小鎮，市長叫什麼名字？"))
    assert OTHER_HOLDER not in asked_kinds(fold("港務局所在那個小鎮，市長有什麼感想？"))  # the writers' own head


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("鹿特丹港有什麼特別的地方？", True),
        ("這座公園特別在哪？", True),
        ("What's special about the port?", True),
        ("What makes the terminal stand out?", True),
        ("港務局的碼頭系統好在哪？", True),  # what it is good at: its advantages
        ("那套系統到底強在哪？", True),
        ("What are the port's main strengths?", True),
        ("Did they take advantage of the port visit?", False),  # making use of it
        ("集合地點最好在哪裡？", False),  # best placed where
        ("局長為什麼特別稱讚港務局？", False),  # why it was praised specially
        ("Did the director make any special request?", False),
        ("What is the special economic zone?", False),  # a name holding "special"
        ("港口有什麼特殊規定？", False),  # which rules, not what sets the port apart
    ],
)
def test_asking_what_is_special_asks_for_a_first_an_only_or_a_most(question, asked):
    assert (DISTINCTION in asked_kinds(fold(question))) is asked


@pytest.mark.parametrize(
    ("sentence", "offered"),
    [
        ("鹿特丹港是歐洲最大的港口。", True),
        ("是世界上第一個利用舊有軌道改造的公園。", True),
        ("該局是荷蘭唯一的港務公司。", True),
        ("該系統擁有成本低、耗電量低等優勢。", True),  # its advantages named
        ("最後一天搭機返國。", False),
        ("會場最多可容納三百人。", False),  # at most
        ("第一項議題是港區轉型。", False),  # an item
        ("局長率團參訪港務局。", False),
    ],
)
def test_a_sentence_tells_what_sets_something_apart_by_a_first_an_only_or_a_most(sentence, offered):
    assert (DISTINCTION in offered_kinds(sentence)) is offered


def test_specially_praising_someone_asks_for_no_other_name():
    assert ALIAS not in asked_kinds(fold("局長為什麼特別稱讚港務局？"))  # 特別稱讚 holds 別稱
    assert ALIAS in asked_kinds(fold("港務局有什麼別稱？"))


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("When did the mayor go to the city council?", True),
        ("When did they visit the port authority?", True),
        ("When was the terminal built?", False),  # a year answers
        ("When did the port open?", False),
        ("When did he head the port authority?", False),
    ],
)
def test_when_the_delegation_went_somewhere_asks_for_a_day(question, day):
    assert (DAY in asked_kinds(fold(question))) is day


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("在鹿特丹市區走了哪些景點？", True),
        ("港區步道分成哪幾段？", True),
        ("What are the sections that make up the harbour walk?", True),
        ("Which sites did they tour in the old town?", True),
        ("港務局有哪些人出面接待？", True),  # several people, named one after another
        ("哪些單位是誰負責接待的？", False),  # who: a name answers it
        ("哪些景點是哪一天去的？", False),  # a day
        ("Which port is the biggest?", False),  # one port: "is" is no plural
        ("港務局的收入大部分為何？", False),  # 部分為: mostly, not divided into
        ("港區步道有多長？", False),  # one thing
    ],
)
def test_a_question_asking_for_several_things_asks_for_items(question, asked):
    assert items_asked(fold(question)) is asked


@pytest.mark.parametrize(
    ("sentence", "offered"),
    [
        ("步道主要包括高架橋、舊碼頭、運河公園及港區廣場。", True),
        ("訪團造訪市政廳廣場、舊教堂、運河兩岸等地。", True),
        ("局長與港務局處長會談。", False),
        ("訪團參觀碼頭、倉庫。", False),  # two: a pair, not a list
    ],
)
def test_a_sentence_naming_three_things_one_after_another_offers_items(sentence, offered):
    assert (ITEMS in offered_kinds(sentence)) is offered


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("簽完之後港務局會幫本市做什麼？", True),
        ("那港務局以後要幫我們做啥？", True),
        ("簽完之後，港務局那邊要幫我們做什麼？", True),  # a comma after 之後
        ("參觀完之後，要搭什麼車到下一站？", False),  # the trip's next step
        ("致詞之後，要做什麼活動？", False),
        ("What's the port authority supposed to do for us under it?", True),
        ("港務局後來有沒有真的來設辦事處？", False),  # whether it came about: no report can tell
        ("簽完之後去了哪裡？", False),  # the trip's next stop
        ("Why walk the old quay - what is it supposed to feed into back home?", False),  # a purpose
        ("簽完之後要去哪裡？", False),  # the next stop, which the itinerary tells
        ("What time were they supposed to arrive?", False),
    ],
)
def test_a_question_asking_what_is_to_be_done_asks_for_a_plan(question, asked):
    assert planned_asked(fold(question)) is asked


@pytest.mark.parametrize(
    ("sentence", "offered"),
    [
        ("未來港務局將提供本市智慧港口技術之資訊。", True),
        ("雙方預計明年成立聯合辦公室。", True),
        ("本府將與港務局共同規劃智慧港區。", True),
        ("後續至港務局展區參觀。", False),  # what came next
        ("利用物聯網將生活中的每一個物件連網。", False),  # 將 as the written 把
        ("由該市都市規劃局人員簡報。", False),  # a bureau's name
        ("局長與港務局處長會談。", False),
    ],
)
def test_a_sentence_telling_a_plan_or_a_commitment_offers_one(sentence, offered):
    assert (PLANNED in offered_kinds(sentence)) is offered


def test_which_ones_asked_of_another_thing_than_counted_keeps_the_count():
    assert counted_noun("那家公司有多少員工？有哪幾家客戶？") == "員"  # the clients listed are no headcount
    assert counted_noun("那家公司有多少員工？有哪些客戶？") == "員"
    assert counted_noun("參展的有幾家？是哪幾家？") == ""  # which ones of what it counts: the list answers it


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("港務局將於今年 9 月舉辦第一屆港口節", True),  # a month without its day is a time
        ("新碼頭預計 2019 年啟用", True),
        ("局長於 3 月 5 日拜會港務局", True),
        ("工程歷時 3 個月完成", False),  # a count of months
        ("碼頭長 9 公里", False),
    ],
)
def test_a_sentence_gives_a_time_with_a_year_a_date_or_a_month(sentence, date):
    assert (DATE in offered_kinds(sentence)) is date


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("港區以後打算主攻哪一塊？", "未來港區將以發展自動化碼頭為主。"),
        ("What will the port mainly focus on from now on?", "該局以綠色航運為主軸推動轉型。"),
        ("重點放在哪裡？", "港務局聚焦於智慧港口的建置。"),
        ("這次主力在哪一塊？", "以觀光為主動力。"),
    ],
)
def test_what_something_mainly_goes_after_is_told_by_what_it_puts_first(question, sentence):
    assert FOCUS in asked_kinds(fold(question))
    assert FOCUS in offered_kinds(sentence)


@pytest.mark.parametrize(
    "sentence", ["以「智慧港口」為主題舉辦論壇。", "以局長為主持人。", "以利本市成為主流。", "以上午為主辦時段。"]
)
def test_a_theme_a_host_or_an_aim_is_no_focus(sentence):
    assert FOCUS not in offered_kinds(sentence)


@pytest.mark.parametrize(
    ("question", "cause"),
    [
        ("為什麼港務局是副局長出來，不是局長本人？", True),  # so and not otherwise: a cause
        ("Why didn't the director come along?", True),
        ("Why was it the deputy rather than the director?", True),
        ("為什麼要去港務局？", False),  # why the visit was made: its purpose
        ("為什麼要去港務局，有沒有特別的原因？", False),  # 有沒有: yes or no
        ("為什麼要去港務局，是不是為了簽約？", False),  # 是不是: yes or no
        ("What was the point of the port visit?", False),
    ],
)
def test_why_something_was_so_and_not_otherwise_asks_a_cause(question, cause):
    assert (CAUSE in asked_kinds(fold(question))) is cause


def test_a_cause_is_told_by_a_sentence_giving_one():
    assert CAUSE in offered_kinds("此行適逢國會選舉，故由副局長接待訪團。")
    assert CAUSE in offered_kinds("由於颱風來襲，行程延後一天。")
    assert CAUSE not in offered_kinds("作為本市港區轉型之參考。")  # a purpose
    assert CAUSE not in offered_kinds("因此本市應積極推動港區轉型。")  # a consequence
    assert CAUSE not in offered_kinds("故此本市應積極推動港區轉型。")
    assert CAUSE not in offered_kinds("班機發生事故而延誤。")  # 事故 is no 故
