"""Reading a question: normalized and cut, what BM25 reads for an English one, its words, what the report lacks."""

from __future__ import annotations

from dataclasses import replace

from assistant.query import QueryReader
from assistant.question_check import NO_LANGUAGE_WORDS_NOTICE


def _reader(assistant, **changes) -> QueryReader:
    settings = replace(assistant.settings, **changes)
    a = assistant
    return QueryReader(settings, a.glossary, a.translator, a.aliases, a.retriever.document_frequency, a.reader.text)


def test_an_english_question_is_read_by_bm25_with_the_reports_chinese_words(assistant):
    query = _reader(assistant).read("Where is the Airbus headquarters?")
    assert query.latin and query.lexical_text.startswith(query.text)
    assert "總部" in query.lexical_text  # "headquarters" through the dictionary, as the report writes it
    assert (
        _reader(assistant, translations_per_word=0, glossary_expansion=False).read(query.text).lexical_text
        == query.text
    )


def test_an_english_phrase_the_dictionary_glosses_by_a_reports_short_name_is_read_with_the_full_name():
    from assistant.aliases import build_aliases
    from assistant.config import Settings
    from assistant.translation import build_translator

    used = {"簽署": 3, "鹿特丹國際花卉展": 2, "花卉": 1, "表示": 1}
    translator = build_translator(lambda w: used.get(w, 0))
    glossary = {"rotterdam flower show": "鹿特丹國際花卉展"}
    aliases = build_aliases(glossary, {}, lambda w: used.get(w, 0), is_word=translator.is_word)
    settings = Settings(glossary_expansion=False)  # the dictionary's words alone, not the glossary's names
    reader = QueryReader(settings, glossary, translator, aliases, lambda w: used.get(w, 0), "簽署鹿特丹國際花卉展")
    added = reader.read("What did they sign at the flower show?").lexical_text.split("?", 1)[1].split()
    assert added == ["簽署", "鹿特丹國際花卉展"]  # neither 花卉 (flower), 表示 (show) nor the unused 花展


def test_an_english_questions_set_phrase_is_read_in_plain_words_by_every_step(assistant):
    query = _reader(assistant).read("What did the mayor put pen to paper on?")
    assert query.text == "What did the mayor sign on?"
    assert query.lexical_text.startswith("What did the mayor sign on?")
    assert _reader(assistant).read("市長簽了什麼？").text == "市長簽了什麼?"


def test_a_chinese_question_is_read_as_written_and_simplified_becomes_traditional(assistant):
    query = _reader(assistant).read("法国企业联盟代表多少家企业？")
    assert not query.latin and query.lexical_text == query.text and "法國企業聯盟" in query.text


def test_a_chinese_question_naming_an_abbreviation_is_read_by_bm25_with_the_reports_words_for_it(assistant):
    query = _reader(assistant).read("這趟有簽MOU嗎？")  # written straight after Han characters
    assert not query.latin and query.lexical_text == f"{query.text} 備忘錄"
    assert _reader(assistant, translations_per_word=0).read("這趟有簽MOU嗎？").lexical_text == query.text
    other = _reader(assistant).read("這趟有簽MOUSE嗎？")  # not inside a longer word
    assert other.lexical_text == other.text


def test_a_simplified_question_is_converted_as_the_report_writes_it(assistant):
    # The converter alone writes 費裡耶爾 and 籤的; the report writes 費里耶爾 and 簽 (簽署).
    assert "費里耶爾的鎮長" in assistant.reader.read("费里耶尔的镇长叫什么名字？").text
    assert "簽的那份備忘錄" in assistant.reader.read("跟达梭签的那份备忘录写了什么？").text
    context = assistant.reader.context("费里耶尔的镇长叫什么名字？")
    assert "費里耶爾" in context  # an earlier question, as a follow-up reads it


def test_a_name_transliterated_with_other_characters_of_the_same_sounds_is_read_as_the_reports(assistant):
    # Mainland Chinese writes 达索 (converted as 達索) for the company the report writes 達梭; 左岸那 stays as it is.
    assert "達梭系統總部" in assistant.reader.read("达索总部在哪个城市？").text  # and 達梭 is the head of 達梭系統
    assert "左岸那一帶" in assistant.reader.read("巴黎左岸那一帶有什麼問題？").text


def test_a_long_question_is_cut_with_a_notice_and_an_empty_one_is_nothing(assistant):
    query = _reader(assistant, max_question_chars=10).read("Sigfox 在多少個國家提供服務？" * 3)
    assert len(query.text) == 10 and any("10" in n for n in query.notices)
    assert _reader(assistant).read("  \u200b ") is None


def test_code_is_read_but_flagged_as_having_no_words(assistant):
    query = _reader(assistant).read("../../etc/passwd")
    assert not query.has_words and query.notices == [NO_LANGUAGE_WORDS_NOTICE]


def test_the_missing_share_counts_words_the_report_never_uses(assistant):
    reader = _reader(assistant)
    assert reader.missing_share("Sigfox 在多少個國家提供服務？") == 0.0
    assert reader.missing_share("訪團的旅費預算與住宿飯店是什麼？") > 0.0
    assert reader.missing_share("去那邊主要是想學什麼回來用？") == 0.0  # 回來 is how people talk; 要是 spans 主要是
    assert reader.missing_share("論壇完了之後還有啥安排？") == 0.0  # 完了, 還有: how people talk
    assert reader.missing_share("他們聊了哪些話題？") == 0.0  # talks, which the report tells its own way (議題)
    assert reader.missing_share("她跟他們介紹了哪些做法？") == 0.0  # 做法: what ways, how people ask
    assert reader.missing_share("Sigfox 是哪位大老闆出來接待？") == 0.0  # the boss: the report writes the title
    assert reader.missing_share("他們在那邊主要看了些什麼？") == 0.0  # 主要 and 看, not the dictionary's 要看
    assert reader.missing_share("這趟最開始是誰邀請的？") == 0.0  # 最開始, 起初: at first, how people tell a story
    # A time of day is when, which the report writes its own way (上午), and no pair across it (天下) is a word asked.
    assert reader.missing_share("早上那場是誰接待的？") == 0.0
    assert reader.missing_share("那天下午呢？") == 0.0


def test_english_function_words_and_possessives_are_no_words_the_report_lacks(assistant):
    reader = _reader(assistant)
    # "any", "there", "they", "mayor": no thing the report could lack; "Sigfox's" is Sigfox.
    assert reader.missing_share("Did they meet anyone there from Sigfox's team?") == 0.0
    assert reader.missing_share("Who did they sit down with at Sigfox?") == 0.0  # sitting down with: meeting
    assert reader.missing_share("Which hotel did they book?") == 0.5  # hotel, book: the report writes of no hotel
    # Number words, verbs of saying, contracted pronouns and genre words in the plural are no words it lacks.
    assert reader.missing_share("What did the mayors say we'd done by day three?") == 0.0
    assert reader.missing_share("Did the mayor give any interviews while in France?") == 0.0


def test_chinese_conversation_words_are_no_words_the_report_lacks(assistant):
    reader = _reader(assistant)
    # 他們, 那邊, 大概: how staff talk; a formal report writes none of them, and lacks none of what is asked.
    assert reader.missing_share("他們那邊大概談了哪些議題？") == 0.0
    assert reader.missing_share("他們那邊大概住哪家飯店？") > 0.0  # 飯店: a thing the report never writes of


def test_question_words_keep_only_pairs_the_report_or_dictionary_knows(assistant):
    words = _reader(assistant).question_words("市長參訪了什麼活動？")
    assert "活動" in words and "麼活" not in words


def test_unknown_names_are_only_checked_when_that_check_is_on(assistant):
    question = "Did the mayor visit Marseille?"
    assert _reader(assistant).unknown_names(question)
    assert _reader(assistant, abstain_on_unknown_names=False).unknown_names(question) == []


def test_an_english_two_word_name_is_read_with_the_reports_short_chinese_name(assistant):
    read = assistant.reader.read  # the engine's reader, with the reports' text
    assert "臺中精機" in read("What does Taichung Machinery make?").lexical_text  # the report writes no English
    assert "臺中精機" not in read("What does Taichung make?").lexical_text


def test_the_words_of_a_name_the_report_glosses_are_not_translated_one_by_one(assistant):
    reader = _reader(assistant)
    plant = assistant.translator.translate("plant")  # what the dictionary gives for the word alone
    assert plant and all(w in reader.read("Which plants grow in the park?").lexical_text for w in plant)
    named = reader.read("Who designed the Promenade plantée?").lexical_text
    assert "巴黎綠蔭步道" in named and not any(w in named.split() for w in plant)  # plantée names the walk


def test_a_model_name_the_reports_never_write_is_an_unknown_name(assistant):
    reader = _reader(assistant)
    assert "C919" in reader.unknown_names(reader.read("那架 C919 是在哪裡組裝的？").text)
    assert reader.unknown_names(reader.read("A380 是在哪裡組裝的？").text) == []  # the report writes A380
    assert reader.unknown_names(reader.read("A-380 是在哪裡組裝的？").text) == []  # a hyphen makes no other name
    assert reader.unknown_names(reader.read("6/21 下午做了什麼？").text) == []  # a date is no model name


def test_a_which_question_about_a_kind_of_thing_the_report_never_has_is_an_unknown_name(assistant):
    reader = _reader(assistant)
    assert reader.unknown_names(reader.read("訪團當晚下榻哪一間飯店？").text) == ["飯店"]
    # "Hôtel" stands in the report only inside a name: the report has no hotel as such.
    assert reader.unknown_names(reader.read("Which hotel were they booked into?").text) == ["hotel"]
    assert reader.unknown_names(reader.read("哪家公司負責接待？").text) == []  # the report names companies
    assert reader.unknown_names(reader.read("哪家小型企業參加論壇？").text) == []  # 小型 describes the firm
    assert reader.unknown_names(reader.read("佈設網路要找哪家幫忙？").text) == []  # 幫忙: what it is asked to do
    assert reader.unknown_names(reader.read("Which company received them?").text) == []
    # One word of the phrase the report has (太空 for "space") is enough: it may name such firms.
    assert reader.unknown_names(reader.read("Which aerospace and space firms are in that city?").text) == []
    # An English kind is not checked: the dictionary gives only the report's words, and it writes 景點, not 地標.
    assert reader.unknown_names(reader.read("Which landmarks did they walk past in the old town?").text) == []


def test_a_name_inside_a_report_name_written_another_way_is_not_unknown(assistant):
    reader = _reader(assistant)
    # 維萊特公園 for the report's 維葉特公園: 萊特 (a name the dictionary knows) is only that other spelling.
    assert reader.unknown_names(reader.read("維萊特公園有多大？").text) == []
    assert reader.unknown_names(reader.read("訪團有沒有去里昂參訪？").text) == ["里昂"]


def test_a_one_word_latin_name_the_report_writes_only_in_chinese_has_the_dictionarys_word_as_its_other_name(
    assistant,
):
    reader = assistant.reader
    assert "漢堡" in reader.other_names("Hamburg")  # written 德國漢堡 only
    assert "空中巴士" in reader.other_names("Airbus")  # the report glosses it: its own names, no guess
    assert reader.other_names("Sigfox") == []  # written in Latin letters, glossed by no Chinese name
    assert reader.other_names("Hamburg Harbour") == []  # two words: no dictionary guess


def test_a_role_the_report_never_names_is_what_a_who_held_it_question_lacks(assistant):
    reader = assistant.reader
    assert reader.absent_roles("隨行的翻譯是哪位？") == ["翻譯"]
    assert reader.absent_roles("Who was the interpreter on the trip?") == ["interpreter"]
    assert reader.absent_roles("隨行的有哪位局長？") == []  # a title the member list has
    assert reader.absent_roles("秘書處那邊是誰一起去？") == []  # 那邊 points, it is no role
    assert reader.absent_roles("Who was the chairman at the dinner?") == []  # the report's 主席
    assert reader.absent_roles("這次隨行的執行長是誰？") == ["執行長"]  # 執行長 whole, not 行長
    assert reader.absent_roles("翻譯是誰？") == ["翻譯"]
    assert reader.absent_roles("市長那幾天的隨行翻譯是誰？") == ["翻譯"]  # 行翻 is no word: 翻譯 is whole
    assert reader.absent_roles("到了市議會，最後是哪位副議長出面？") == []  # 最後 is how staff talk, no role
    assert reader.absent_roles("隔天早上是誰接待？") == []  # 早上 is when, no role
    assert reader.absent_roles("訪團的團長是誰？") == []  # a head: reports tell it by an act (率團)
    assert reader.absent_roles("Who was the speaker at the forum?") == []  # told by 表示, 致詞
    assert reader.absent_roles("Who was our counterpart at the forum?") == []  # whoever received them: 接待
    assert reader.absent_roles("港務局那邊的對口是誰？") == []
    assert reader.absent_roles("接待人是誰？") == []  # the report writes 接待: its doer is told
    assert reader.absent_roles("那些合照是誰拍的？") == ["合照"]  # not only of the member list
    assert reader.absent_roles("分公司所在的小鎮，鎮長是誰？") == []  # the genre titles a town's head 市長
    assert reader.absent_roles("誰負責翻譯？") == ["翻譯"]
    assert reader.absent_roles("誰負責接待？") == []  # the report's 接待
    assert reader.absent_roles("這次有幾位市議員同行？") == ["市議員"]  # members holding a role no one holds
    assert reader.absent_roles("這次有幾位副市長同行？") == []  # the member list's 副市長
    assert reader.absent_roles("有沒有其他人同行？") == []  # who else: no role
    assert _reader(assistant, abstain_on_unknown_names=False).absent_roles("隨行的翻譯是哪位？") == []


def test_a_question_about_the_trips_logistics_the_report_never_writes_of_names_the_topic(assistant):
    reader = assistant.reader
    assert reader.absent_logistics("去程搭哪家航空公司的班機？") == ["航空公司"]
    assert reader.absent_logistics("去鹿特丹那段是搭哪家航空？") == ["航空公司"]  # 航空 alone, taken
    assert reader.absent_logistics("港務局是哪家航空的合作夥伴？") == []  # an airline as a party, not a flight
    assert reader.absent_logistics("晚宴吃了什麼？") == ["菜色"]  # named by its topic, not the verb
    assert reader.absent_logistics("What was the weather like in Paris?") == ["weather"]
    assert reader.absent_logistics("Which airline did they fly?") == ["airline"]
    assert reader.absent_logistics("Why did they visit the aircraft maker?") == []
    assert reader.absent_logistics("物聯網感測器可以全天候監測嗎？") == []  # 全天候 is no weather
    assert reader.absent_logistics("What is the Hotel Dupont known for?") == []  # a place's name, capitalized
    assert reader.absent_logistics("Weather in Paris that week?") == ["weather"]  # capitalized as the first word
    assert reader.absent_logistics("市長有沒有買什麼伴手禮回來？") == []  # the report writes of gifts (紀念品)
    assert reader.absent_logistics("晚宴大家穿什麼？") == ["服裝"]
    assert reader.absent_logistics("What clothes did the mayor wear to the dinner?") == ["dress code"]
    assert reader.absent_logistics("Which cycling outfit did they visit?") == []  # an outfit: an organization
    assert reader.absent_logistics("接待的那位副總裁是哪國人？之前在哪裡任職？") == ["國籍", "曾任"]
    assert reader.absent_logistics("巴黎 13 區經歷了哪些改造？") == []  # 經歷, "went through", is no career
    assert reader.absent_logistics("那天晚宴吃的是什麼菜？") == ["菜色"]
    assert reader.absent_logistics("貝西村有什麼吃的？") == []  # a place's food, which the report may tell
    assert reader.absent_logistics("那位副市長是哪個政黨的？") == ["政黨"]
    assert reader.absent_logistics("What temperature can the sensors measure?") == []
    # A report that writes of the topic may answer it: no longer absent.
    hotel = _reader(assistant)
    hotel.folded_text += "\n代表團下榻於市中心的飯店。"
    assert reader.absent_logistics("住哪間飯店？") == ["飯店"] and hotel.absent_logistics("住哪間飯店？") == []


def test_logistics_are_only_unknown_names_when_that_check_is_on(assistant):
    assert "天氣" in _reader(assistant).unknown_names("那幾天天氣如何？")
    assert "天氣" not in _reader(assistant, abstain_on_trip_logistics=False).unknown_names("那幾天天氣如何？")


def test_a_dictionary_name_made_of_a_report_word_and_the_next_character_is_no_unknown_name(assistant):
    reader = _reader(assistant)
    assert reader.unknown_names("達梭之前在臺中辦用戶大會是什麼時候？") == []  # 臺中 + 辦, not 中辦
    assert reader.unknown_names("在里昂參訪了什麼？") == ["里昂"]
    # A word the reports use once (a city in a list) claims nothing: 京都 in 東京都廳 is still a name.
    assert "京都" in reader.unknown_names("市長在東京都廳見了誰？")


def test_a_pair_the_dictionary_lacks_but_the_reports_write_often_claims_its_character_from_a_name(assistant):
    question = "臺法航太和智能機械那個論壇是在哪兒開的？"  # 航太 + 和, not the town 太和
    assert _reader(assistant).unknown_names(question) == []
    assert _reader(assistant, reports_own_word_passages=10_000).unknown_names(question) == ["太和"]
    assert _reader(assistant).unknown_names("訪團有去太和嗎？") == ["太和"]
    # A frequent pair standing together by chance (訪 and the first character after it) claims nothing.
    assert _reader(assistant).unknown_names("這次有訪巴拿馬嗎？") == ["巴拿馬"]
    assert _reader(assistant).unknown_names("市長有拜訪巴塞隆納嗎？") == ["巴塞隆納"]


def test_a_time_word_claims_its_characters_from_a_dictionary_name_beside_it(assistant):
    reader = _reader(assistant)
    assert reader.unknown_names("6月20號下午到晚上都安排了什麼？") == []  # 晚上 + 都, not the old capital 上都
    assert reader.unknown_names("那天都在做什麼？") == []
    assert reader.unknown_names("晚上去了上都嗎？") == ["上都"]  # the name written whole, after the time word


def test_a_sentence_adverb_claims_its_last_character_and_a_weekday_is_no_name(assistant):
    reader = _reader(assistant)
    assert reader.unknown_names("這趟整體上都做了哪些事？") == []  # 整體上 + 都, not 上都
    assert reader.unknown_names("他們有去上都嗎？") == ["上都"]
    assert reader.unknown_names("6/21 星期三那天排了什麼？") == []  # Wednesday is capitalized, yet a date


def test_a_word_placing_the_report_word_before_it_claims_its_character_from_a_dictionary_name(assistant):
    reader = _reader(assistant)
    assert reader.unknown_names("這次出訪名單上都有哪些人？") == []  # 名單上 + 都: on the list, not 上都
    assert reader.unknown_names("名單裡有人去過上都嗎？") == ["上都"]
    assert reader.unknown_names("市長這趟有拜訪上都嗎？") == ["上都"]  # a verb before it: the place visited


def test_an_office_of_state_the_reports_never_write_is_an_unknown_name(assistant):
    reader = _reader(assistant)
    assert "部長" in reader.unknown_names("法國經濟部長有出面接見市長嗎？")
    assert "french president" in reader.unknown_names("Which French president did the mayor meet?")
    assert "minister" in reader.unknown_names("Did any Minister attend the forum?")  # a title, in any case
    assert reader.unknown_names("Who was the Airbus vice president they met?") == []  # a company's president


def test_shopping_is_a_topic_left_out_only_by_a_report_writing_of_no_gift_or_shop(port_assistant):
    reader = port_assistant.reader
    assert reader.absent_logistics("局長有沒有買什麼伴手禮回來？") == ["伴手禮"]
    assert reader.absent_logistics("Did they buy any souvenirs?") == ["souvenir"]


def test_an_english_trip_day_is_read_by_bm25_as_the_report_counts_days(port_assistant):
    read = port_assistant.reader.read
    assert "第三天" in read("What had the director already seen by day three?").lexical_text
    assert "第二天" in read("Where did they go on the second day?").lexical_text
    assert "第" not in read("What did they see on the 21st?").lexical_text


def test_an_english_word_that_only_stresses_a_question_adds_no_chinese_word(assistant):
    read = assistant.reader.read
    plain = read("What does the company make?").lexical_text
    for stressed in ("What does the company actually make?", "What does the company really make, exactly?"):
        query = read(stressed)
        assert query.lexical_text[len(query.text) :].split() == plain[len("What does the company make?") :].split()


def test_how_people_talk_of_a_partys_head_is_no_unknown_name(assistant):
    reader = _reader(assistant)
    assert reader.unknown_names(reader.read("Sigfox 是哪位大老闆出來接待？").text) == []  # 老闆: the boss
