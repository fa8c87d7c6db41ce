"""Tests for false premises: a visit question about a name the report mentions only in another role, an agreement
with a party the report tells of none with, a person at a party the report never names together."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import parse_document
from assistant.premise import (
    AGREEMENT,
    LED,
    NAMED,
    NO_DAY,
    NOT_AT,
    SCHEDULE,
    TITLED,
    TOGETHER,
    VISIT,
    days_off_the_itinerary,
    elsewhere_that_day,
    led_by_another,
    names_visit_heading,
    off_schedule,
    persons_asked,
    persons_elsewhere,
    persons_not_at,
    persons_not_met,
    titled_otherwise,
    unsupported,
    unvisited,
)

REPORT = (Path(__file__).parent / "fixtures" / "port-report.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document():
    return parse_document("port-report.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "flagged"),
    [
        ("訪團是哪一天去德國漢堡參訪的？", ["德國漢堡"]),  # only compared with, never visited
        ("訪團哪一天參訪鹿特丹港務局？", []),  # a heading and the itinerary name it
        ("范德堡是哪天接待訪團的？", []),  # named in a sentence that tells of the visit
        ("德國漢堡的港口有多大？", []),  # not a visit question
        ("他們有沒有去德國漢堡參訪？", ["德國漢堡"]),
        ("有沒有去港務局參訪？德國漢堡的港口有多大？", []),  # whether asked of one visit, not of what another asks
        ("港口有多大？他們有沒有去德國漢堡參訪？", ["德國漢堡"]),
        ("德國漢堡的港口有多大？他們有沒有去那裡參訪？", ["德國漢堡"]),  # pointing back: the name before questioned
        ("局長順道去德國漢堡參訪時談了什麼？", ["德國漢堡"]),  # asks of the visit, presuming it: the place gone to
        ("參訪港務局時聊到德國漢堡的什麼？", []),  # named, but not as a place gone to
        ("局長跟那位負責港口數據規劃的德國漢堡代表見面時談了什麼？", ["德國漢堡"]),  # met, a description between
        ("德國漢堡代表跟局長會談時提了什麼？", ["德國漢堡"]),  # met, named first
        ("到市議會時，是哪位副議長跟局長見面？", []),  # a title is no name met
        ("局長去港務局德國漢堡分部那次是誰接待的？", ["德國漢堡"]),  # a party's site in a place gone to
        ("局長參訪港務局的德國漢堡分部時看了什麼？", ["德國漢堡"]),
        ("參訪港務局時聊到德國漢堡總部怎麼運作？", []),  # talked about at a visit, not gone to
        ("參訪港務局時，對方提到他們在德國漢堡分部的規劃是什麼？", []),
    ],
)
def test_only_names_never_visited_are_flagged(document, question, flagged):
    assert [m.name for m in unvisited(question, [document])] == flagged


TOWN_VISIT = """參、考察過程

一、拜會范登堡市

局長於 3 月 6 日拜會范登堡市，由該市副市長接待並簡報港區發展。范登堡市位於港區東側，市內著名景點為范登堡城堡及范登堡公園，並有運河貫穿。

二、參訪運河公園

局長於 3 月 7 日參訪運河公園，由園方人員導覽。
"""


@pytest.mark.parametrize(
    ("question", "flagged"),
    [
        ("去參觀范登堡城堡時由誰導覽？", ["范登堡城堡"]),  # a sight of the town visited, named after it
        ("局長有去參觀范登堡城堡嗎？", ["范登堡城堡"]),
        ("局長有去范登堡公園嗎？", ["范登堡公園"]),  # though another park was visited
        ("去參觀運河公園時由誰導覽？", []),  # the park visited
        ("去拜會范登堡市時由誰接待？", []),  # the town itself
        ("范登堡市府那邊是誰接待的？", []),  # the town's government: its head is enough
        ("范登堡城堡參觀得怎麼樣？", ["范登堡城堡"]),  # the sight named before its visit
        ("范登堡城堡參觀人數一年有多少？", []),  # its visitors asked of, no visit of the delegation
        ("運河公園參觀得怎麼樣？", []),
    ],
)
def test_a_place_named_after_a_visited_town_is_not_the_town(question, flagged):
    document = parse_document("town.txt", TOWN_VISIT)
    assert [m.name for m in unvisited(question, [document])] == flagged


def test_a_tour_of_a_sight_only_mentioned_is_a_false_premise_shown_by_the_sights_whole_name():
    text = TOWN_VISIT.replace("范登堡城堡", "范登堡城堡（Kasteel van Berg）")
    document = parse_document("town.txt", text)
    [mention] = unvisited("How did the tour of the Kasteel van Berg go?", [document])
    assert mention.name == text[mention.start : mention.end] == "Kasteel van Berg"
    assert unvisited("How did the talk about the Kasteel van Berg go?", [document]) == []  # no visit asked


@pytest.mark.parametrize(
    ("name", "question"),
    [
        ("Parc du Canal", "When Parc du Canal was visited, who guided them?"),
        ("Parc du Canal", "Which Parc du Canal guide did they visit with?"),
        ("Parc du Canal", "When's Parc du Canal visited, who guided them?"),
        ("Group Canal Park", "When was Group Canal Park visited, who guided them?"),  # a genre word in the name
    ],
)
def test_a_visited_name_of_several_words_after_a_question_word_is_read_whole(name, question):
    text = TOWN_VISIT + f"\n運河公園（{name}）占地約 20 公頃，園內保留舊船塢。\n"
    assert unvisited(question, [parse_document("town.txt", text)]) == []  # no word alone, a word of a name visited


def test_the_mention_points_at_where_the_report_names_it(document):
    [mention] = unvisited("訪團是哪一天去德國漢堡參訪的？", [document])
    assert REPORT[mention.start : mention.end] == "德國漢堡"


def test_offsets_point_into_the_text_as_written_even_after_characters_that_fold_longer(document):
    text = "封面\n\n壹、過程\n\n㈠ 說明…本案參考 Lisbon 的經驗。\n"
    doc = parse_document("r.txt", text)
    [mention] = unvisited("Did they visit Lisbon?", [doc])
    assert text[mention.start : mention.end] == "Lisbon"


def test_a_visit_told_in_another_report_clears_the_premise(document):
    other = parse_document("other.txt", "封面\n\n壹、過程\n\n局長於 4 月 2 日參訪德國漢堡港務局。\n")
    assert unvisited("訪團是哪一天去德國漢堡參訪的？", [document, other]) == []


CANAL = parse_document(
    "canal.txt",
    "封面\n\n壹、過程\n\n一、踏勘運河村\n\n局長於 3 月 6 日踏勘運河村。\n\n二、參訪荷蘭國家圖書館\n\n局長參訪荷蘭國家圖書館。\n\n"
    "三、心得\n\n該市選擇運河地區（Quartier Kanaal）進行改造，並參考荷蘭電信（KPN）的經驗。\n",
)
CANAL_NAMES = {"Kanaal": ["運河地區"], "KPN": ["荷蘭電信"]}


def test_a_latin_name_whose_chinese_name_is_a_visited_name_but_for_an_area_word_was_visited():
    def aliases(name):
        return CANAL_NAMES.get(name, [])

    assert unvisited("Why did the director visit Kanaal village?", [CANAL], aliases) == []  # 運河地區: 運河村's 運河
    # 荷蘭電信 shares only its country's name with the library visited.
    [mention] = unvisited("What did they see when they visited KPN?", [CANAL], aliases)
    assert mention.name == "KPN"


@pytest.mark.parametrize("question", ["Is this a good method for government visits?", "When did the method seem good?"])
def test_english_words_containing_a_visit_verb_do_not_make_a_visit_question(document, question):
    assert unvisited(question, [document]) == []


SIGNED = parse_document(
    "signed.txt",
    "封面\n\n壹、過程\n\n一、參訪港務局\n\n局長參訪鹿特丹港務局，由范德堡處長接待。\n\n"
    "二、拜會市議會\n\n局長與阿姆斯特丹市議會簽署合作備忘錄。\n",
)
PORT, COUNCIL = ("鹿特丹港務局",), ("阿姆斯特丹市議會",)


def test_an_agreement_with_a_party_no_line_tells_of_is_a_false_premise():
    [mention] = unsupported("跟鹿特丹港務局簽的備忘錄寫了什麼？", [SIGNED], [PORT])
    assert (mention.name, mention.reason) == ("鹿特丹港務局", AGREEMENT)
    assert SIGNED.text[mention.start : mention.end] == "鹿特丹港務局"
    assert unsupported("跟阿姆斯特丹市議會簽的備忘錄寫了什麼？", [SIGNED], [COUNCIL]) == []
    port = ("鹿特丹港務局", "port authority")
    [mention] = unsupported("What did the director sign with the Port Authority?", [SIGNED], [port])
    assert mention.reason == AGREEMENT


def test_an_agreement_signed_at_a_party_no_line_tells_of_is_a_false_premise():
    [mention] = unsupported("在鹿特丹港務局簽的備忘錄寫了什麼？", [SIGNED], [PORT])
    assert (mention.name, mention.reason) == ("鹿特丹港務局", AGREEMENT)
    [mention] = unsupported("局長去鹿特丹港務局時簽的備忘錄寫了什麼？", [SIGNED], [PORT])  # signed on the visit
    assert (mention.name, mention.reason) == ("鹿特丹港務局", AGREEMENT)
    port = ("鹿特丹港務局", "port authority")
    [mention] = unsupported("What does the MoU signed at the Port Authority say?", [SIGNED], [port])
    assert mention.reason == AGREEMENT
    # "at the Port Authority Museum": the whole name is another party's, so nothing is presumed of the port.
    assert unsupported("What does the MoU signed at the Port Authority Museum say?", [SIGNED], [port]) == []
    assert unsupported("鹿特丹港務局的港口有多大？", [SIGNED], [PORT]) == []  # no agreement asked of
    # An English question putting the party just before the verb: "did <city> and <party> formally sign…".
    words = ("鹿特丹港務局", "port authority")
    [mention] = unsupported("When did the city and the Port Authority formally sign the MoU?", [SIGNED], [words])
    assert mention.reason == AGREEMENT
    council = ("阿姆斯特丹市議會", "city council")
    assert unsupported("When did the port and the City Council formally sign the MoU?", [SIGNED], [council]) == []
    # "with the director of <party>": the party of the one it was signed with.
    [mention] = unsupported("What agreement did they sign with the director of the Port Authority?", [SIGNED], [words])
    assert mention.reason == AGREEMENT
    assert unsupported("What agreement did they sign with the speaker of the City Council?", [SIGNED], [council]) == []
    assert unsupported("Did they sign anything with the Port Authority?", [SIGNED], [words])[0].reason == AGREEMENT


def test_a_person_at_a_party_the_reports_never_name_together_is_a_false_premise():
    [mention] = unsupported("范德堡處長在阿姆斯特丹市議會說了什麼？", [SIGNED], [COUNCIL])
    assert (mention.name, mention.reason, mention.other) == ("范德堡", TOGETHER, "阿姆斯特丹市議會")
    assert unsupported("范德堡處長在鹿特丹港務局說了什麼？", [SIGNED], [PORT]) == []
    assert unsupported("王小明處長在阿姆斯特丹市議會說了什麼？", [SIGNED], [COUNCIL]) == []  # a name never written


def test_a_party_named_only_among_the_guests_who_attended_was_not_visited():
    # Only the guests at the delegation's own dinner name 'NORDA'; the first letters of a name in capitals are in
    # every Latin text of the report ("no" in "Nordhavn"), no sign that it was visited.
    dinner = parse_document(
        "dinner.txt",
        "封面\n\n壹、過程\n\n一、參訪北港務局（Nordhavn Port）\n\n局長於 3 月 5 日參訪北港務局，由范德堡處長接待。\n\n"
        "二、招商晚宴\n\n為加強交流，局長 3 月 5 日晚間宴請業界代表，出席代表包括港務局范德堡處長、NORDA 科技 Jan Berg 副總裁等人。\n",
    )
    [mention] = unvisited("去 NORDA 公司總部參觀時是誰接待的？", [dinner])
    assert mention.name == "NORDA"
    assert unvisited("去北港務局參觀時是誰接待的？", [dinner]) == []  # its visit is told
    told = "近年以限制郵輪停靠降低觀光壓力。局長並出席有關智慧港口的國際論壇 SmartPort。"
    forum = parse_document("forum.txt", REPORT.replace("近年以限制郵輪停靠降低觀光壓力。", told))
    assert "SmartPort" in forum.text
    assert unvisited("去 SmartPort 論壇時是誰接待的？", [forum]) == []  # attending a forum on a topic, no guest list


def test_a_person_whose_name_holds_a_character_phrases_use_is_read_as_the_reports_write_them():
    # 和 opens and joins phrases ("團和", "市府和"), so a titled name holding it is a name only where the reports write it.
    signed = parse_document(
        "signed.txt",
        "封面\n\n壹、過程\n\n一、參訪港務局\n\n局長參訪鹿特丹港務局，由林永和處長接待。\n\n"
        "二、拜會市議會\n\n局長與阿姆斯特丹市議會簽署合作備忘錄。\n",
    )
    [mention] = unsupported("林永和處長在阿姆斯特丹市議會說了什麼？", [signed], [COUNCIL])
    assert (mention.name, mention.reason, mention.other) == ("林永和", TOGETHER, "阿姆斯特丹市議會")
    assert unsupported("林永和處長在鹿特丹港務局說了什麼？", [signed], [PORT]) == []
    assert unsupported("市府和處長在阿姆斯特丹市議會說了什麼？", [signed], [COUNCIL]) == []  # no name the reports write
    # A phrase the reports write before a title ("本次處長") is no name, though they write it so.
    phrased = parse_document("signed.txt", signed.text.replace("由林永和處長接待", "由林永和處長接待，本次處長亦出席"))
    assert unsupported("本次處長在阿姆斯特丹市議會說了什麼？", [phrased], [COUNCIL]) == []


def test_a_false_premise_abstains_saying_what_the_report_does_not_say(assistant):
    answer = assistant.ask("張銘忠大使在空中巴士總部說了什麼？")  # he stands only at another event
    assert answer.abstained and any("never together" in n for n in answer.notices)
    signed = assistant.ask("EDF 跟市府簽了什麼備忘錄？")
    assert signed.abstained and any("no agreement or memorandum" in n for n in signed.notices)


@pytest.mark.parametrize(
    "question",
    [
        "在阿姆斯特丹市議會簽的備忘錄寫了什麼？",  # a line tells of the agreement signed there
        "如何結合同業與鹿特丹港務局合作？",  # 合同 inside 結合同業 is no contract
        "公司的副總裁在阿姆斯特丹市議會說了什麼？",  # 公司的 names nobody
        "范德堡局長在阿姆斯特丹市議會說了什麼？",  # the reports never write 范德堡 with that title
    ],
)
def test_no_false_premise_without_a_party_to_agree_with_or_a_person_as_written(question):
    assert unsupported(question, [SIGNED], [PORT, COUNCIL]) == []


def test_an_agreement_split_by_a_page_break_is_still_one_line(assistant):
    answer = assistant.ask("跟達梭系統簽的備忘錄內容是什麼？")
    assert not any("no agreement or memorandum" in n for n in answer.notices)


def test_an_agreement_with_a_party_the_question_writes_in_chinese_is_checked_too():
    # No glossary party is named: the question writes the party itself, and the reports name it.
    [mention] = unsupported("跟鹿特丹港務局簽的那份備忘錄寫了什麼？", [SIGNED], [])
    assert (mention.name, mention.reason) == ("鹿特丹港務局", AGREEMENT)
    assert unsupported("跟阿姆斯特丹市議會所簽的備忘錄寫了什麼？", [SIGNED], []) == []  # a line tells of it
    assert unsupported("跟鹿特丹海事博物館簽的備忘錄寫了什麼？", [SIGNED], []) == []  # the reports never name it


SUMMARY = parse_document(
    "summary.txt",
    "封面\n\n摘要\n\n本局由局長率團赴荷蘭考察鹿特丹及阿姆斯特丹之港市治理與城市發展經驗，期間參訪港務局及港區自動化碼頭、"
    "拜會市議會、參加國際海事展並出席國際記者會及產業論壇，與當地業者深入交流，並與阿姆斯特丹市議會簽署合作備忘錄；"
    "期盼未來與鹿特丹締結為姊妹市。\n\n壹、過程\n\n一、參訪港務局\n\n局長參訪鹿特丹港務局。\n",
)


def test_an_agreement_is_told_with_a_party_only_near_it_in_one_sentence():
    # The summary's one sentence names every city of the trip, far from the one signing it tells of.
    for question in ("跟鹿特丹正式簽了姊妹市嗎？簽約儀式在哪辦的？", "跟鹿特丹的姊妹市約簽了沒？"):
        [mention] = unsupported(question, [SUMMARY], [])
        assert (mention.name, mention.reason) == ("鹿特丹", AGREEMENT)
    assert unsupported("跟阿姆斯特丹市議會簽的備忘錄寫了什麼？", [SUMMARY], []) == []


def test_an_agreement_is_not_told_with_a_party_visited_after_it_in_one_row():
    rows = REPORT.replace(
        "上午 阿姆斯特丹\t拜會阿姆斯特丹市議會", "上午 阿姆斯特丹\t與阿姆斯特丹市議會簽署合作備忘錄、參訪港務局"
    )
    doc = parse_document("port-report.txt", rows)
    # Named by the itinerary only: the row's name is the party, and the row signs with the council, not with it.
    [mention] = unsupported("港務局那邊後來跟我們簽了什麼合作？", [doc], [])
    assert (mention.name, mention.reason) == ("港務局", AGREEMENT)
    assert unsupported("跟阿姆斯特丹市議會簽的備忘錄寫了什麼？", [doc], []) == []


def test_talking_about_a_topic_asks_of_no_visit_or_meeting(document):
    # Talking is no visit: "有沒有聊到<topic>" must not check the topic as a place gone to.
    assert unvisited("局長跟副議長有沒有聊到德國漢堡？", [document]) == []
    hamburg = {"Hamburg": ["漢堡"]}
    assert unvisited("Did they talk about Hamburg with the council?", [document], lambda n: hamburg.get(n, [])) == []


APART = parse_document(
    "apart.txt",
    "封面\n\n壹、過程\n\n一、參訪港務局\n\n局長參訪鹿特丹港務局，聽取港口數據平臺簡報。\n\n"
    "二、拜會市議會\n\n局長拜會阿姆斯特丹市議會，由 Jan Visser 處長接待。\n",
)


def test_a_person_named_in_latin_letters_at_a_party_no_part_names_together_is_a_false_premise():
    [mention] = unsupported("What did Jan Visser present at the port authority?", [APART], [PORT])
    assert (mention.reason, mention.other) == (TOGETHER, "鹿特丹港務局")
    assert APART.text[mention.start : mention.end] == "Jan Visser"
    assert unsupported("What did Jan Visser say at the city council?", [APART], [COUNCIL]) == []  # the same visit
    # Two capitalized words the reports never write beside a title are no person ("Data Platform").
    assert unsupported("What did the Data Platform show at the port authority?", [APART], [PORT]) == []


GUESTS = parse_document(
    "guests.txt",
    "封面\n\n壹、過程\n\n一、參訪港務局\n\n局長參訪鹿特丹港務局，由 Jan Visser 處長接待。\n\n"
    "二、交流晚宴\n\n出席代表包括鹿特丹港務局 Jan Visser 處長、阿姆斯特丹市議會 Anna de Vries 議員。\n\n"
    "Anna de Vries 議員致詞。\n",
)
GUEST_NAMES = (("鹿特丹港務局", "port of rotterdam"), ("阿姆斯特丹市議會", "amsterdam city council"))


def test_a_guest_listed_with_another_party_is_not_that_partys_person():
    # The dinner's part names the council and Jan Visser, but his own item names the port authority.
    [mention] = unsupported("市議會的 Jan Visser 處長說了什麼？", [GUESTS], [COUNCIL], GUEST_NAMES)
    assert (mention.name, mention.reason, mention.other) == ("Jan Visser", TOGETHER, "阿姆斯特丹市議會")
    assert unsupported("市議會的 Jan Visser 處長說了什麼？", [GUESTS], [COUNCIL]) == []  # no names: the part is enough
    assert unsupported("港務局的 Jan Visser 處長說了什麼？", [GUESTS], [PORT], GUEST_NAMES) == []
    # A clause naming no party ("Anna de Vries 議員致詞") keeps the part together with the port authority.
    assert unsupported("港務局的 Anna de Vries 議員說了什麼？", [GUESTS], [PORT], GUEST_NAMES) == []
    # No list, only a sentence naming another name too: not a guest listed under it.
    toured = parse_document(
        "toured.txt",
        "封面\n\n壹、過程\n\n一、參訪港務局\n\n局長參訪鹿特丹港務局，由該局 Jan Visser 處長陪同參觀阿姆斯特丹市議會。\n",
    )
    assert unsupported("港務局的 Jan Visser 處長介紹了什麼？", [toured], [("港務局",)], GUEST_NAMES) == []


@pytest.mark.parametrize("question", ["市府跟法方簽了哪些協議？", "跟主辦單位簽的合約寫了什麼？", "跟對方簽的備忘錄？"])
def test_a_role_is_no_party_an_agreement_is_checked_with(question):
    assert unsupported(question, [SIGNED], []) == []


def test_a_person_the_report_names_but_never_meets_is_a_false_premise_of_a_meeting():
    text = REPORT.replace(
        "近年以限制郵輪停靠降低觀光壓力。", "近年以限制郵輪停靠降低觀光壓力，前市長柯恩（Job Cohen）曾倡議此政策。"
    )
    doc = parse_document("port-report.txt", text)
    assert [m.name for m in unvisited("局長跟柯恩見面時談了什麼？", [doc])] == ["柯恩"]
    assert [m.name for m in unvisited("What did the director discuss when he met with Job Cohen?", [doc])] == [
        "Job Cohen"
    ]
    assert unvisited("局長跟德弗里斯見面時談了什麼？", [doc]) == []  # named where the report tells of the reception
    assert unvisited("局長提到柯恩的什麼政策？", [doc]) == []  # no meeting presumed
    # The one met is the town's mayor, not the town: "跟<town>的鎮長見面" presumes no meeting with the town.
    town = parse_document("port-report.txt", text.replace("前市長柯恩", "鄰近小鎮與前市長柯恩"))
    assert unvisited("局長為什麼會跟那個小鎮的鎮長見面？", [town]) == []


def test_a_meeting_asked_with_a_title_or_in_person_presumes_the_person_met():
    text = REPORT.replace(
        "近年以限制郵輪停靠降低觀光壓力。", "近年以限制郵輪停靠降低觀光壓力，前市長柯恩（Job Cohen）曾倡議此政策。"
    )
    doc = parse_document("port-report.txt", text)
    assert [m.name for m in unvisited("局長跟柯恩市長本人會面時談了什麼？", [doc])] == ["柯恩"]
    assert [m.name for m in unvisited("局長和柯恩碰面時聊了哪些議題？", [doc])] == ["柯恩"]
    assert unvisited("局長跟德弗里斯副議長會面時談了什麼？", [doc]) == []  # the one who received them


def test_something_visited_in_a_place_only_mentioned_presumes_the_place_visited(document):
    assert [m.name for m in unvisited("局長在德國漢堡參觀港區時看到什麼？", [document])] == ["德國漢堡"]
    assert unvisited("局長在鹿特丹參觀港區時看到什麼？", [document]) == []  # a thing seen, not a place gone to
    # An English question names the place as the report never writes it; the dictionary's word is the report's.
    hamburg = {"Hamburg": ["漢堡"]}
    flagged = unvisited(
        "When the director toured the docks in Hamburg, what did he see?", [document], lambda n: hamburg.get(n, [])
    )
    assert [m.name for m in flagged] == ["Hamburg"]
    assert REPORT[flagged[0].start : flagged[0].end] == "漢堡"
    assert (
        unvisited("What did the director say about Hamburg?", [document], lambda n: hamburg.get(n, [])) == []
    )  # no visit asked


def test_a_model_name_or_a_place_after_a_possessive_is_a_name_a_visit_question_presumes(document):
    text = REPORT.replace("近年以限制郵輪停靠降低觀光壓力。", "近年以限制郵輪停靠降低觀光壓力，並引進 B747 貨機航線。")
    doc = parse_document("port-report.txt", text)
    assert [m.name for m in unvisited("在港務局參觀 B747 組裝線時看到什麼？", [doc])] == ["B747"]
    hamburg = {"Hamburg": ["漢堡"]}
    for question in (
        "What did they see when they toured the port's Hamburg terminal?",
        "Who showed them around Hamburg?",
    ):
        assert [m.name for m in unvisited(question, [doc], lambda n: hamburg.get(n, []))] == ["Hamburg"]


def test_a_name_in_a_sentence_telling_of_a_visit_is_visited_only_in_the_clause_that_tells_it():
    text = REPORT.replace("並簡報港口數據平臺的運作。", "並簡報其為新加坡港規劃的數據平臺。")
    doc = parse_document("port-report.txt", text)
    assert [m.name for m in unvisited("訪團去新加坡港看數據平臺是哪一天？", [doc])] == ["新加坡港"]
    assert unvisited("訪團去范德堡那裡是哪一天？", [doc]) == []  # in the clause of the reception
    # "上去回答" goes up to answer: no visit asked of anyone.
    assert unvisited("是誰上去回答新加坡港的提問？", [doc]) == []


def test_a_name_cut_short_or_an_alias_sharing_a_visited_head_is_judged_by_what_it_names():
    text = REPORT.replace(
        "近年以限制郵輪停靠降低觀光壓力。", "近年以限制郵輪停靠降低觀光壓力，港局亦有同感，鹿特丹美術館亦然。"
    )
    doc = parse_document("port-report.txt", text)
    assert unvisited("去港局是為了學什麼？", [doc]) == []  # 港局: 港務局 cut short, which they visited
    museum = {"Boijmans": ["鹿特丹美術館"]}
    flagged = unvisited("What did they see when they visited Boijmans?", [doc], lambda n: museum.get(n, []))
    assert [m.name for m in flagged] == ["Boijmans"]  # 鹿特丹 was visited; its museum was not


def test_a_party_put_on_a_day_or_in_a_city_the_itinerary_never_puts_it_is_a_false_premise(document):
    port, council = ("鹿特丹港務局",), ("阿姆斯特丹市議會",)
    [mention] = off_schedule("3月6號在鹿特丹港務局看了什麼？", [document], [port])
    assert (mention.name, mention.reason, mention.other) == ("鹿特丹港務局", SCHEDULE, "3/6")
    assert REPORT[mention.start : mention.end] == "鹿特丹港務局"
    [mention] = off_schedule("在阿姆斯特丹參訪鹿特丹港務局時看了什麼？", [document], [port])
    assert (mention.reason, mention.other) == (SCHEDULE, "阿姆斯特丹")
    # The summary names the port authority and the other city on one line: that might be where it was.
    assert off_schedule("在阿姆斯特丹參訪港務局時看了什麼？", [document], [("港務局",)]) == []
    assert off_schedule("3/5 在鹿特丹港務局看了什麼？", [document], [port]) == []  # the day the itinerary gives
    [mention] = off_schedule("6號去鹿特丹港務局那場看了什麼？", [document], [port])  # a day of the month alone
    assert (mention.reason, mention.other) == (SCHEDULE, "3/6")
    assert off_schedule("5號去鹿特丹港務局看了什麼？", [document], [port]) == []
    [mention] = off_schedule(
        "What did they see at the port authority on the 6th?", [document], [(*port, "port authority")]
    )
    assert (mention.reason, mention.other) == (SCHEDULE, "3/6")
    assert off_schedule("在 6 號會議室聽了鹿特丹港務局什麼簡報？", [document], [port]) == []  # a room, no day
    assert off_schedule("3/6 在阿姆斯特丹市議會談了什麼？", [document], [council]) == []
    assert off_schedule("3/6 有提到德國漢堡嗎？", [document], [("德國漢堡",)]) == []  # in no itinerary row: no visit
    # "drop by <party>" puts the delegation there as "visit" does.
    parties = [("阿姆斯特丹市議會", "city council"), ("鹿特丹", "rotterdam")]
    question = "Why did the director drop by the City Council while in Rotterdam?"
    [mention] = off_schedule(question, [document], parties)
    assert (mention.name, mention.reason, mention.other) == ("阿姆斯特丹市議會", SCHEDULE, "鹿特丹")
    # Talking with a party puts the delegation with it ("with", 跟).
    parties = [("阿姆斯特丹市議會", "city council"), ("鹿特丹", "rotterdam")]
    question = "What did they discuss with the City Council while in Rotterdam?"
    [mention] = off_schedule(question, [document], parties)
    assert (mention.name, mention.reason, mention.other) == ("阿姆斯特丹市議會", SCHEDULE, "鹿特丹")
    [mention] = off_schedule("在鹿特丹跟阿姆斯特丹市議會談了什麼？", [document], [("阿姆斯特丹市議會",)])
    assert mention.other == "鹿特丹"
    # A name of three words after the verb ("toured the Stadhuis van de Raad") is still where it puts them.
    parties = [("阿姆斯特丹市議會", "raad"), ("鹿特丹", "rotterdam")]
    question = "When they toured Stadhuis van de Raad in Rotterdam, who received them?"
    [mention] = off_schedule(question, [document], parties)
    assert (mention.name, mention.reason, mention.other) == ("阿姆斯特丹市議會", SCHEDULE, "鹿特丹")


def test_a_visit_on_a_row_that_then_travels_on_is_in_the_city_the_row_starts_from():
    row = "3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局"
    assert row in REPORT
    moved = REPORT.replace(row, "3/5 (二)\t上午 鹿特丹→阿姆斯特丹\t參訪鹿特丹港務局 搭車前往阿姆斯特丹")
    doc = parse_document("port-report.txt", moved)
    [mention] = off_schedule("在阿姆斯特丹參訪鹿特丹港務局時看了什麼？", [doc], [("鹿特丹港務局",)])
    assert (mention.reason, mention.other) == (SCHEDULE, "阿姆斯特丹")  # the row names both cities, visits in one
    assert off_schedule("在鹿特丹參訪鹿特丹港務局時看了什麼？", [doc], [("鹿特丹港務局",)]) == []


def test_a_person_named_only_in_sentences_telling_of_no_meeting_was_not_met():
    text = REPORT.replace("由副議長德弗里斯接待", "由副議長 Pieter Devries 接待").replace(
        "近年以限制郵輪停靠降低觀光壓力。",
        "近年以限制郵輪停靠降低觀光壓力。阿姆斯特丹市長 Anna Visser 推動觀光總量管制。",
    )
    doc = parse_document("port-report.txt", text)
    [mention] = persons_not_met("What did the director discuss with Anna Visser?", [doc])
    assert (mention.name, mention.reason) == ("Anna Visser", VISIT)
    assert text[mention.start : mention.end] == "Anna Visser"
    assert persons_not_met("局長跟 Anna Visser 市長見面時聊了什麼？", [doc]) != []
    assert persons_not_met("What did Pieter Devries tell the director?", [doc]) == []  # he received them
    assert persons_not_met("Who is Anna Visser?", [doc]) == []  # no meeting presumed
    # A title before the name is no part of it.
    [titled] = persons_not_met("What did Mayor Anna Visser discuss with the director?", [doc])
    assert titled.name == "Anna Visser"
    # Nor is a place and a title before it ("Amsterdam Mayor Anna Visser" names Anna Visser).
    [placed] = persons_not_met("What did the director and Amsterdam Mayor Anna Visser talk about?", [doc])
    assert placed.name == "Anna Visser"
    [surname] = persons_not_met("What did Mayor Visser discuss with the director?", [doc])  # a surname after a title
    assert surname.name == "Visser"
    # A name of three words is one person, not also its last two words.
    three = parse_document("port-report.txt", text.replace("Anna Visser", "Anna Marie Visser"))
    assert [m.name for m in persons_not_met("What did the director discuss with Anna Marie Visser?", [three])] == [
        "Anna Marie Visser"
    ]


def test_a_person_written_as_the_report_transliterates_them_is_checked_by_their_latin_name():
    text = REPORT.replace(
        "近年以限制郵輪停靠降低觀光壓力。",
        "近年以限制郵輪停靠降低觀光壓力。阿姆斯特丹市長安娜維瑟（Anna Visser）推動觀光總量管制。",
    )
    doc = parse_document("port-report.txt", text)
    [mention] = persons_not_met("局長跟安娜維瑟見面聊了什麼？", [doc], ["anna visser"])
    assert (mention.name, mention.reason) == ("Anna Visser", VISIT)
    assert persons_not_met("局長跟安娜維瑟見面聊了什麼？", [doc]) == []  # a Han name alone: its edges are a guess
    assert persons_not_met("局長跟Anna Visser見面聊了什麼？", [doc]) != []  # written straight after Han characters

    # Put in another city, or at a party whose account never names her: the same checks read her Latin name.
    [elsewhere] = persons_elsewhere("安娜維瑟在鹿特丹介紹了什麼？", [doc], respelled=["anna visser"])
    assert (elsewhere.name, elsewhere.other) == ("Anna Visser", "鹿特丹")
    [not_at] = persons_not_at("鹿特丹港務局那邊是安娜維瑟接待的嗎？", [doc], [PORT], respelled=["anna visser"])
    assert not_at.name == "Anna Visser"
    assert persons_not_at("鹿特丹港務局那邊是安娜維瑟接待的嗎？", [doc], [PORT]) == []


def test_a_person_titled_a_mayor_or_deputy_mayor_the_report_titles_otherwise_is_a_false_premise():
    doc = parse_document("port-report.txt", REPORT.replace("由副議長德弗里斯接待", "由副市長 Pieter Devries 接待"))
    [mention] = titled_otherwise("Pieter Devries 市長說了什麼？", [doc])
    assert (mention.name, mention.reason, mention.other, mention.where) == ("Pieter Devries", TITLED, "市長", "副市長")
    assert [m.other for m in titled_otherwise("What did Mayor Pieter Devries say?", [doc])] == ["市長"]
    assert titled_otherwise("What did deputy mayor Pieter Devries say?", [doc]) == []
    assert titled_otherwise("Pieter Devries 副市長說了什麼？", [doc]) == []
    assert titled_otherwise("Pieter Devries 說了什麼？", [doc]) == []  # no title asked


def test_a_han_name_written_after_a_city_title_the_report_titles_otherwise_is_a_false_premise():
    doc = parse_document("port-report.txt", REPORT.replace("由副議長德弗里斯接待", "由德弗里斯副市長接待"))
    [mention] = titled_otherwise("鹿特丹市長德弗里斯說了什麼？", [doc])
    assert (mention.name, mention.reason, mention.other, mention.where) == ("德弗里斯", TITLED, "市長", "副市長")
    assert titled_otherwise("鹿特丹副市長德弗里斯說了什麼？", [doc]) == []  # as the report titles him
    assert titled_otherwise("市長接待的是誰？", [doc]) == []  # no name after the title
    assert titled_otherwise("市長拜會阿姆斯特丹副市長時談了什麼？", [doc]) == []  # a visit's words, no name
    guided = parse_document("p.txt", doc.text.replace("接待，雙方", "接待，由港務局人員親自帶領局長參觀，雙方"))
    assert titled_otherwise("副市長帶領哪些企業參觀？", [guided]) == []  # a verb the report writes before a title
    office = parse_document("p.txt", REPORT.replace("由該局國際事務處處長范德堡接待", "由國際事務處范德堡處長接待"))
    [titled] = titled_otherwise("鹿特丹副市長范德堡說了什麼？", [office])  # a name after its office's name
    assert (titled.name, titled.where) == ("范德堡", "處長")


def test_a_party_placed_in_a_city_the_itinerary_never_puts_it_in_is_a_false_premise(document):
    [mention] = off_schedule("鹿特丹港務局在阿姆斯特丹的辦公室有多大？", [document], [("鹿特丹港務局",)])
    assert (mention.name, mention.reason, mention.other) == ("鹿特丹港務局", SCHEDULE, "阿姆斯特丹")
    assert off_schedule("鹿特丹港務局位於鹿特丹哪一區？", [document], [("鹿特丹港務局",)]) == []


def test_a_city_put_on_a_day_the_itinerary_spends_elsewhere_is_a_false_premise(document):
    [mention] = elsewhere_that_day("3月5號上午在阿姆斯特丹拜會了誰？", [document])
    assert (mention.name, mention.reason, mention.other, mention.where) == (
        "阿姆斯特丹",
        SCHEDULE,
        "3/5 上午",
        "鹿特丹",
    )
    assert REPORT[mention.start : mention.end] == "3/5 (二)\t上午 鹿特丹\t參訪鹿特丹港務局"  # where they were
    assert elsewhere_that_day("3/5 在鹿特丹做了什麼？", [document]) == []
    assert elsewhere_that_day("3/5 在阿姆斯特丹市拜會了誰？", [document])[0].name == "阿姆斯特丹"  # <city>市: the city
    assert elsewhere_that_day("3/4 去阿姆斯特丹搭哪班飛機？", [document]) == []  # the day's journey goes there
    assert elsewhere_that_day("在阿姆斯特丹拜會了誰？", [document]) == []  # no day named
    assert elsewhere_that_day("3/5 的心得有提到在阿姆斯特丹看到什麼嗎？", [document]) == []  # talked about
    assert elsewhere_that_day("3/5 有沒有遇到阿姆斯特丹的業者？", [document]) == []
    hall = parse_document("hall.txt", REPORT.replace("局長於 3 月 5 日", "局長於 3 月 5 日在高雄館"))
    assert elsewhere_that_day("3/5 在高雄館做了什麼？", [hall]) == []  # a longer name the report writes


def test_a_report_putting_the_delegation_in_that_city_that_day_clears_the_premise(document):
    other = parse_document("other.txt", REPORT.replace("3/5 (二)\t上午 鹿特丹", "3/5 (二)\t上午 阿姆斯特丹"))
    assert [m.doc_id for m in elsewhere_that_day("3/5 上午在阿姆斯特丹拜會了誰？", [document])] == ["port-report.txt"]
    assert elsewhere_that_day("3/5 上午在阿姆斯特丹拜會了誰？", [document, other]) == []


def test_a_party_listed_beside_a_city_inside_another_name_is_not_put_in_that_city():
    listed = "荷蘭港口以數據驅動營運，局長此行已參訪鹿特丹港務局、自動化貨櫃碼頭及運河住宅再生計畫，並接受荷蘭當地媒體專訪，進行阿姆斯特丹國際海事展記者會。"
    doc = parse_document(
        "port-report.txt", REPORT.replace("荷蘭港口以數據驅動營運，港務局與市政府分工明確，值得本市借鏡。", listed)
    )
    parties = [("鹿特丹港務局", "port authority"), ("阿姆斯特丹", "amsterdam")]
    question = "Why did the director drop by the Port Authority while in Amsterdam?"
    assert off_schedule(question, [doc], parties) == []  # the city's name stands in the sentence listing the visit
    # ... but only inside the name of a fair the reports name: no city the port authority was visited in.
    [mention] = off_schedule(question, [doc], parties, names=("阿姆斯特丹國際海事展",))
    assert (mention.name, mention.reason, mention.other) == ("鹿特丹港務局", SCHEDULE, "阿姆斯特丹")
    # Named beside the city, as the summary names the port authority beside both cities, it may have been there.
    assert off_schedule("在阿姆斯特丹參訪港務局時看了什麼？", [doc], [("港務局",)]) == []


def test_a_name_shared_with_an_itinerary_row_is_a_party_a_question_can_misplace(document):
    # No glossary party is named: 港務局 is the row's ("參訪鹿特丹港務局", 3/5, in 鹿特丹).
    [mention] = off_schedule("3/6 去看港務局時聽了哪些簡報？", [document], [])
    assert (mention.name, mention.reason, mention.other) == ("港務局", SCHEDULE, "3/6")
    assert off_schedule("3/5 去看港務局時聽了哪些簡報？", [document], []) == []
    [mention] = off_schedule("3/5 拜會阿姆斯特丹市議會時談了什麼？", [document], [])  # the name after the verb
    assert (mention.name, mention.other) == ("阿姆斯特丹市議會", "3/5")


def test_a_city_inside_a_longer_name_puts_no_party_in_it():
    listed = "荷蘭港口以數據驅動營運，局長此行拜會阿姆斯特丹市議會、參訪鹿特丹港務局，收穫豐碩。"
    doc = parse_document(
        "port-report.txt", REPORT.replace("荷蘭港口以數據驅動營運，港務局與市政府分工明確，值得本市借鏡。", listed)
    )
    question, port = "在阿姆斯特丹參訪鹿特丹港務局時看了什麼？", [("鹿特丹港務局",)]
    assert off_schedule(question, [doc], port) == []  # 阿姆斯特丹 beside the port authority, in the council's name
    [mention] = off_schedule(question, [doc], port, names=("阿姆斯特丹市議會",))
    assert (mention.name, mention.other) == ("鹿特丹港務局", "阿姆斯特丹")


def test_only_the_day_in_the_clause_putting_the_delegation_at_a_party_is_checked(document):
    # The day asks what came after the visit, not when the visit was.
    assert off_schedule("參訪鹿特丹港務局之後，3/6 又去了哪裡？", [document], [("鹿特丹港務局",)]) == []
    assert (
        off_schedule(
            "After the visit to the port authority, what did they do on 3/6?",
            [document],
            [("鹿特丹港務局", "port authority")],
        )
        == []
    )
    [mention] = off_schedule("3/6 參訪鹿特丹港務局時看了什麼？", [document], [("鹿特丹港務局",)])
    assert mention.other == "3/6"


def test_a_head_put_at_a_visit_another_led_is_a_false_premise():
    text = REPORT.replace("局長於 3 月 6 日拜會阿姆斯特丹市議會", "陳處長於 3 月 6 日率團拜會阿姆斯特丹市議會")
    doc = parse_document("port-report.txt", text)
    council = [("阿姆斯特丹市議會",)]
    [mention] = led_by_another("王局長去阿姆斯特丹市議會時談了什麼？", [doc], council)
    assert (mention.name, mention.reason, mention.other) == ("局長", LED, "處長")
    assert text[mention.start : mention.end] == "三、拜會阿姆斯特丹市議會"  # the visit's heading
    assert led_by_another("陳處長去阿姆斯特丹市議會時談了什麼？", [doc], council) == []  # the one who led it
    assert led_by_another("代表團去阿姆斯特丹市議會時談了什麼？", [doc], council) == []  # the delegation: no title
    assert led_by_another("王局長去鹿特丹港務局時談了什麼？", [doc], [("鹿特丹港務局",)]) == []  # he was there
    # Where the visit writes the head's title ("局長於 3 月 6 日拜會…"), it puts the head there.
    assert (
        led_by_another("王局長去阿姆斯特丹市議會時談了什麼？", [parse_document("port-report.txt", REPORT)], council)
        == []
    )


def test_a_visit_named_by_its_headings_words_after_the_head_is_one_another_led():
    text = REPORT.replace("局長於 3 月 6 日拜會阿姆斯特丹市議會", "陳處長於 3 月 6 日率團拜會阿姆斯特丹市議會")
    doc = parse_document("port-report.txt", text)
    # No party is known by name (no glossary): the question writes three characters of the visit's heading.
    [mention] = led_by_another("王局長在 3/6 那場市議會會談上致詞，講了什麼？", [doc], [])
    assert (mention.name, mention.reason, mention.other) == ("局長", LED, "處長")
    assert led_by_another("市議會那場是誰代表局長出席的？", [doc], []) == []  # the head is not put there
    assert led_by_another("王局長在阿姆斯特丹講了什麼？", [doc], []) == []  # a city of the itinerary names no visit
    assert led_by_another("王局長拜會阿姆斯特丹時說了什麼？", [doc], []) == []  # nor a heading's verb beside it
    assert led_by_another("王局長談到市議會的做法時說了什麼？", [doc], []) == []  # 談到 goes nowhere
    assert led_by_another("王局長對市議會的觀光管理有什麼看法？", [doc], []) == []  # not put there


def test_a_visit_named_by_its_headings_words_shortened_as_staff_shorten_them_is_one_another_led():
    text = REPORT.replace("三、拜會阿姆斯特丹市議會", "三、出席港灣城市暨物流論壇").replace(
        "局長於 3 月 6 日拜會阿姆斯特丹市議會", "陳處長於 3 月 6 日率團出席港灣城市暨物流論壇"
    )
    doc = parse_document("port-report.txt", text)
    # "港灣論壇": the heading's first two and last two words, a day ("6號") before them left out.
    [mention] = led_by_another("王局長在 6 號那場港灣論壇上致詞，講了什麼？", [doc], [])
    assert (mention.name, mention.reason, mention.other) == ("局長", LED, "處長")
    assert led_by_another("王局長在港灣會議上致詞，講了什麼？", [doc], []) == []  # 會議 is not the heading's
    # A question opening with the visit's words names it as its subject, when asked so (who led it).
    heading = "三、出席港灣城市暨物流論壇"
    assert names_visit_heading("港灣論壇是誰帶隊？", heading, doc, subject=True)
    assert not names_visit_heading("港灣論壇是誰帶隊？", heading, doc)
    assert not names_visit_heading("這次港灣論壇是誰帶隊？", heading, doc, subject=True)  # opens with 這次


def test_a_visit_named_by_the_abbreviation_the_report_itself_writes_is_named():
    heading = "三、參訪荷蘭電力公司總部"
    text = REPORT.replace("三、拜會阿姆斯特丹市議會", heading)
    # "荷電": the first characters of 荷蘭 and 電力, named only where the report writes the abbreviation too.
    assert not names_visit_heading("去荷電總部那天由誰帶隊？", heading, parse_document("port-report.txt", text))
    doc = parse_document("port-report.txt", text.replace("值得本市借鏡。", "值得本市借鏡荷電的作法。"))
    assert names_visit_heading("去荷電總部那天由誰帶隊？", heading, doc)
    assert not names_visit_heading("去蘭力總部那天由誰帶隊？", heading, doc)  # not the words' first characters
    assert not names_visit_heading("聽說荷電總部很大？", heading, doc)  # named, but not gone to


def test_a_name_of_several_words_is_read_whole_where_the_report_glosses_it_with_a_visited_name():
    text = REPORT.replace(
        "近年以限制郵輪停靠降低觀光壓力。",
        "近年以限制郵輪停靠降低觀光壓力。阿姆斯特丹市議會 (Gemeenteraad van Amsterdam) 設有 45 席，"
        "德國漢堡物流園區 (Hafen von Hamburg) 則以數據平臺聞名。",
    )
    doc = parse_document("port-report.txt", text)
    # Gemeenteraad alone occurs only in a sentence telling of no visit; the whole name glosses the council visited.
    assert unvisited("Who met the director at the Gemeenteraad van Amsterdam?", [doc]) == []
    # A whole name glossing a party never visited leaves its words to be read one by one, and is shown whole, once.
    assert [m.name for m in unvisited("What did the director see when visiting the Hafen von Hamburg?", [doc])] == [
        "Hafen von Hamburg"
    ]


def test_a_name_the_report_writes_in_other_words_where_it_tells_of_the_visit_was_visited():
    text = REPORT.replace(
        "並簡報港口數據平臺的運作。",
        "並簡報港口數據平臺的運作，隨後前往參觀冷鏈物流倉庫。鹿特丹港的冷鏈倉庫群位於港區西側。",
    )
    doc = parse_document("port-report.txt", text)
    # 冷鏈倉庫 is written so only in a sentence telling of no visit; the visit's clause writes 冷鏈物流倉庫.
    assert unvisited("訪團是哪天去看冷鏈倉庫的？", [doc]) == []
    assert [m.name for m in unvisited("訪團是哪天去看港區西側的？", [doc])] == ["港區西側"]  # told of no visit


def test_a_party_only_mentioned_or_named_inside_another_is_not_put_on_a_day_or_in_a_city(document):
    parties = [("阿姆斯特丹市議會",), ("鹿特丹港務局",)]
    assert off_schedule("3月6號拜會阿姆斯特丹市議會時有提到鹿特丹港務局嗎？", [document], parties) == []
    text = REPORT.replace("局長於 3 月 6 日拜會阿姆斯特丹市議會", "陳處長於 3 月 6 日率團拜會阿姆斯特丹市議會")
    doc = parse_document("port-report.txt", text)
    # The head is put at the port authority, not at the council another led.
    assert led_by_another("王局長參觀鹿特丹港務局之後，阿姆斯特丹市議會由誰接待？", [doc], parties) == []


def test_a_glossed_area_sharing_a_visited_names_head_is_no_false_premise():
    text = REPORT.replace(
        "近年以限制郵輪停靠降低觀光壓力。", "近年以限制郵輪停靠降低觀光壓力，港務區（Port District）也在轉型。"
    )
    doc = parse_document("port-report.txt", text)
    # The district holds the visited port authority (港務局): visiting it is no false premise.
    assert unvisited("參觀港務區時看到了哪些改造成果？", [doc]) == []


def test_a_visit_verb_capitalized_inside_a_name_asks_of_no_visit(document):
    hamburg = {"Hamburg": ["漢堡"]}
    # "Tour" opens a race's name here: asking when the city won the race asks of no visit to Hamburg.
    question = "What year did Hamburg win the right to host the Tour de Lyon race?"
    assert unvisited(question, [document], lambda n: hamburg.get(n, [])) == []
    # The same verb in lower case, or opening the question, still asks of a visit.
    for asked in ("When did the director tour Hamburg?", "Tour of Hamburg: when did the director go?"):
        assert [m.name for m in unvisited(asked, [document], lambda n: hamburg.get(n, []))] == ["Hamburg"]


def test_what_a_place_is_described_as_or_a_time_word_is_no_name_presumed_visited():
    text = REPORT.replace(
        "近年以限制郵輪停靠降低觀光壓力。", "近年以限制郵輪停靠降低觀光壓力。舊港區以前是屠宰場，當時人潮眾多。"
    )
    doc = parse_document("port-report.txt", text)
    assert unvisited("他們哪天去逛那個以前是屠宰場的港區？", [doc]) == []
    assert unvisited("他們當時哪天去港區？", [doc]) == []
    assert unvisited("這趟是哪段時間去的？報告什麼時候交的？", [doc]) == []  # 時間 of the table's header names no place
    assert [m.name for m in unvisited("他們哪天去屠宰場？", [doc])] == ["屠宰場"]  # gone to, not described


def test_an_english_sit_down_or_a_site_of_a_party_presumes_it_was_met_or_visited():
    text = REPORT.replace(
        "近年以限制郵輪停靠降低觀光壓力。", "近年以限制郵輪停靠降低觀光壓力，Maersk 亦在當地設有總部。"
    )
    doc = parse_document("port-report.txt", text)
    assert [m.name for m in unvisited("How did the sit-down with Maersk go?", [doc])] == ["Maersk"]
    assert [m.name for m in unvisited("What did they learn at the Maersk shipping HQ?", [doc])] == ["Maersk"]


def test_a_partys_site_named_with_another_city_puts_the_party_there(document):
    port = ("鹿特丹港務局",)
    [mention] = off_schedule("鹿特丹港務局阿姆斯特丹辦事處那場是誰接待的？", [document], [port])
    assert (mention.name, mention.reason, mention.other) == ("鹿特丹港務局", SCHEDULE, "阿姆斯特丹")
    assert off_schedule("鹿特丹港務局鹿特丹總部那場是誰接待的？", [document], [port]) == []  # where its row puts it
    # A site named with no city between, or a city only compared with, puts it nowhere.
    assert off_schedule("鹿特丹港務局的總部跟阿姆斯特丹的港口比起來怎樣？", [document], [port]) == []
    assert off_schedule("鹿特丹港務局說阿姆斯特丹辦事處有幾個人？", [document], [port]) == []


def test_a_party_called_a_citys_or_seen_in_a_city_is_put_in_that_city(document):
    port, amsterdam = ("鹿特丹港務局", "havenbedrijf"), ("阿姆斯特丹", "amsterdam")
    for question in ("阿姆斯特丹那個鹿特丹港務局有幾個碼頭？", "Which day did they go see Havenbedrijf in Amsterdam?"):
        [mention] = off_schedule(question, [document], [port, amsterdam])
        assert (mention.name, mention.other) == ("鹿特丹港務局", "阿姆斯特丹")
    assert off_schedule("鹿特丹那個鹿特丹港務局有幾個碼頭？", [document], [port]) == []  # where its row puts it
    # A city ending a Latin name is the name's ("<Expo>阿姆斯特丹的…"), not where the party is.
    assert off_schedule("Expo阿姆斯特丹的鹿特丹港務局展區有多大？", [document], [port]) == []


def test_an_english_site_a_party_owns_in_another_city_puts_the_party_there(document):
    port, amsterdam = ("鹿特丹港務局", "havenbedrijf"), ("阿姆斯特丹", "amsterdam")
    for question in (
        "What did Havenbedrijf show the director at their Amsterdam office?",
        "What did Havenbedrijf's Amsterdam office show them?",
        "What did Havenbedrijf’s Amsterdam office show them?",  # a typographic apostrophe
    ):
        [mention] = off_schedule(question, [document], [port, amsterdam])
        assert (mention.name, mention.other) == ("鹿特丹港務局", "阿姆斯特丹")
    # Their own office, or another city only compared with, puts it nowhere.
    assert off_schedule("What did Havenbedrijf show them at their own office?", [document], [port, amsterdam]) == []
    assert off_schedule("Is Havenbedrijf bigger than the Amsterdam port?", [document], [port, amsterdam]) == []
    council = "Did Havenbedrijf tell the director about the council and its Amsterdam offices?"  # the council's
    assert off_schedule(council, [document], [port, amsterdam]) == []


def test_a_city_of_the_trip_named_beside_another_is_not_put_in_it(document):
    # "<city>市" is a party of the glossary too, but a city: two cities asked of together put neither in the other.
    assert off_schedule("在鹿特丹和阿姆斯特丹市都做了什麼？", [document], [("阿姆斯特丹市",)]) == []
    [mention] = off_schedule("在阿姆斯特丹參訪鹿特丹港務局時看了什麼？", [document], [("鹿特丹港務局",)])
    assert (mention.name, mention.other) == ("鹿特丹港務局", "阿姆斯特丹")  # a party in a city still is


def test_walking_a_party_in_a_city_or_naming_the_city_as_a_party_puts_it_there(document):
    port = ("鹿特丹港務局",)
    [mention] = off_schedule("局長在阿姆斯特丹走的那個鹿特丹港務局是什麼樣子？", [document], [port])
    assert (mention.name, mention.other) == ("鹿特丹港務局", "阿姆斯特丹")
    assert off_schedule("在阿姆斯特丹時有沒有帶走鹿特丹港務局的資料？", [document], [port]) == []  # 帶走: took away
    [mention] = off_schedule("在阿姆斯特丹市參訪鹿特丹港務局時看了什麼？", [document], [port, ("阿姆斯特丹市",)])
    assert (mention.name, mention.other) == ("鹿特丹港務局", "阿姆斯特丹")


def test_a_day_no_itinerary_has_is_a_false_premise_unless_one_report_has_it(document):
    [mention] = days_off_the_itinerary(["3/12"], [document])
    assert (mention.name, mention.reason) == ("3/12", NO_DAY)
    assert REPORT[mention.start : mention.end].startswith("3/4 (一)")  # the itinerary, cited as where the days are
    assert days_off_the_itinerary(["3/5"], [document]) == []
    assert days_off_the_itinerary(["3/9"], [document]) == []  # inside the row of 3/8~9
    later = parse_document("later.txt", REPORT.replace("3/8~9 (五~六)", "3/12 (二)"))
    assert days_off_the_itinerary(["3/12"], [document, later]) == []


def test_a_person_put_in_a_city_where_no_part_naming_them_is_is_a_false_premise(document):
    [mention] = persons_elsewhere("范德堡處長在阿姆斯特丹介紹了什麼？", [document])
    assert (mention.name, mention.other, mention.reason) == ("范德堡", "阿姆斯特丹", TOGETHER)
    assert REPORT[mention.start : mention.end] == "范德堡"
    # The itinerary row naming the part's heading places it: the port visit is in 鹿特丹.
    assert persons_elsewhere("范德堡處長在鹿特丹介紹了什麼？", [document]) == []
    assert persons_elsewhere("范德堡處長介紹了什麼？", [document]) == []  # no city named
    assert persons_elsewhere("王小明處長在阿姆斯特丹說了什麼？", [document]) == []  # no person the report names
    # Met "with" someone: a two-character name starts after the word (跟, 與, 向…), not with it.
    doc = parse_document("port-report.txt", REPORT.replace("國際事務處處長范德堡接待", "國際事務處范德處長接待"))
    [mention] = persons_elsewhere("局長在阿姆斯特丹跟范德處長聊了什麼？", [doc])
    assert (mention.name, mention.other) == ("范德", "阿姆斯特丹")
    assert persons_elsewhere("局長在鹿特丹跟范德處長聊了什麼？", [doc]) == []
    for question in ("阿姆斯特丹那位范德處長說了什麼？", "阿姆斯特丹的范德處長說了什麼？"):  # pointed at, or possessed
        [mention] = persons_elsewhere(question, [doc])
        assert (mention.name, mention.other) == ("范德", "阿姆斯特丹")


def test_a_city_a_visits_account_only_recalls_does_not_place_the_persons_it_names_there():
    text = REPORT.replace("由副議長德弗里斯接待", "由阿姆斯特丹副市長 Pieter Devries 接待").replace(
        "近年以限制郵輪停靠降低觀光壓力。", "近年以限制郵輪停靠降低觀光壓力。此行前一日已參訪鹿特丹港務局。"
    )
    doc = parse_document("port-report.txt", text)
    [mention] = persons_elsewhere("局長在鹿特丹跟 Pieter Devries 見面談了些什麼？", [doc])
    assert (mention.name, mention.other) == ("Pieter Devries", "鹿特丹")
    assert persons_elsewhere("局長在阿姆斯特丹跟 Pieter Devries 見面談了些什麼？", [doc]) == []
    # A visit's heading places it too, though its account and rows name the city no more.
    headed = parse_document(
        "port-report.txt", text.replace("局長於 3 月 6 日拜會阿姆斯特丹市議會", "局長於 3 月 6 日拜會市議會")
    )
    assert persons_elsewhere("局長在阿姆斯特丹跟 Pieter Devries 見面談了些什麼？", [headed]) == []


def test_a_surname_with_its_title_is_placed_by_its_visit_and_by_its_own_sentence_in_the_reflections():
    text = REPORT.replace("由該局國際事務處處長范德堡接待", "由該局國際事務處 Visser 主任接待").replace(
        "荷蘭港口以數據驅動營運，港務局與市政府分工明確，值得本市借鏡。",
        "阿姆斯特丹市議會重視居民參與。Visser 主任簡介的港口數據平臺值得本市借鏡。",
    )
    doc = parse_document("port-report.txt", text)
    [mention] = persons_elsewhere("局長在阿姆斯特丹跟 Visser 主任聊了什麼？", [doc])
    assert (mention.name, mention.other, mention.reason) == ("Visser", "阿姆斯特丹", TOGETHER)
    assert persons_elsewhere("局長在鹿特丹跟 Visser 主任聊了什麼？", [doc]) == []  # the port visit is in 鹿特丹
    # An English title before a surname names the person too, and a hyphenated first name stands between a report's
    # title and the surname.
    hyphenated = parse_document("port-report.txt", text.replace("Visser 主任", "主任 Jan-Pieter Visser"))
    [titled] = persons_elsewhere(
        "What did Director Visser tell the director in Amsterdam?", [hyphenated], ["阿姆斯特丹"]
    )
    assert (titled.name, titled.other) == ("Visser", "阿姆斯特丹")


def test_a_city_before_a_title_is_the_citys_office_not_a_persons_name():
    doc = parse_document("port-report.txt", REPORT.replace("由副議長德弗里斯接待", "由阿姆斯特丹副市長接待"))
    # "<city>副市長" names the city's office: no person "斯特丹" to find apart from the port authority.
    assert unsupported("阿姆斯特丹副市長在鹿特丹港務局說了什麼？", [doc], [PORT]) == []


def test_a_name_in_brackets_after_the_place_gone_to_is_what_was_gone_to():
    text = REPORT.replace(
        "近年以限制郵輪停靠降低觀光壓力。", "近年以限制郵輪停靠降低觀光壓力，鄰近另有海事學院（STC）。"
    )
    doc = parse_document("port-report.txt", text)
    [mention] = unvisited("局長去參觀那所海運學院（STC）時看了什麼？", [doc])  # the question's own description
    assert mention.name == "STC" and text[mention.start : mention.end] == "STC"
    assert unvisited("局長去參觀港務局時，有提到海事學院（STC）嗎？", [doc]) == []  # not the place gone to


def test_a_person_put_at_a_visit_whose_account_never_names_them_is_a_false_premise(document):
    port, council = ("鹿特丹港務局",), ("阿姆斯特丹市議會",)
    [mention] = persons_not_at("阿姆斯特丹市議會那邊是范德堡處長接待的嗎？", [document], [council])
    assert (mention.name, mention.reason, mention.other) == ("范德堡", NOT_AT, "阿姆斯特丹市議會")
    assert persons_not_at("鹿特丹港務局那邊是范德堡處長接待的嗎？", [document], [port]) == []
    assert persons_not_at("王大明局長在阿姆斯特丹市議會說了什麼？", [document], [council]) == []  # a member


def test_a_latin_name_is_matched_accents_and_a_capitalized_first_word_aside():
    text = REPORT.replace("國際事務處處長范德堡接待", "國際事務處處長 Jérôme Visser 接待")
    council = ("阿姆斯特丹市議會", "city council")
    question = "When Jérôme Visser met them at the City Council, what did he say?"  # "When" is no part of the name
    [mention] = persons_not_at(question, [parse_document("port-report.txt", text)], [council])
    assert (mention.name, mention.other) == ("Jérôme Visser", "阿姆斯特丹市議會")
    met = text.replace("由副議長德弗里斯接待", "由副議長德弗里斯與 Jerome Visser 接待")  # written without accents
    assert persons_not_at(question, [parse_document("port-report.txt", met)], [council]) == []


def test_a_member_named_in_full_at_a_visit_written_by_title_alone_is_no_false_premise(document):
    # The body writes 局長 率團參訪…; the member table and the cover give the name: the member went everywhere.
    assert unsupported("王大明局長在鹿特丹港務局看了什麼？", [document], [("鹿特丹港務局",)]) == []


def test_a_member_or_a_party_named_only_as_someones_is_not_checked_for_where_they_were(document):
    assert persons_elsewhere("王大明局長在阿姆斯特丹說了什麼？", [document]) == []  # a member went everywhere
    # 港務局的 names his employer, not where he stood: the council's account need not name him.
    council = ("阿姆斯特丹市議會",)
    assert persons_not_at("鹿特丹港務局的范德堡處長有出席阿姆斯特丹市議會嗎？", [document], [("鹿特丹港務局",)]) == []
    assert persons_not_at("阿姆斯特丹市議會那邊是范德堡處長接待的嗎？", [document], [council]) != []


def test_a_bracketed_name_glossing_a_visited_place_is_that_place():
    text = REPORT.replace("港務局與市政府分工明確", "港務局（PoR）與市政府分工明確")
    doc = parse_document("port-report.txt", text)
    assert unvisited("局長去參訪港務局（PoR）時看了什麼？", [doc]) == []  # 港務局 was visited, whatever its gloss


def test_an_agreement_written_as_a_partys_own_is_checked_with_that_party():
    [mention] = unsupported("鹿特丹港務局那份備忘錄裡面寫了什麼？", [SIGNED], [PORT])
    assert (mention.name, mention.reason) == ("鹿特丹港務局", AGREEMENT)
    port = ("鹿特丹港務局", "port authority")
    [mention] = unsupported("What is in the Port Authority MoU?", [SIGNED], [port])
    assert mention.reason == AGREEMENT
    assert unsupported("阿姆斯特丹市議會那份備忘錄裡面寫了什麼？", [SIGNED], [COUNCIL]) == []


THINGS = parse_document(
    "things.txt",
    "封面\n\n壹、過程\n\n一、參訪港務局\n\n局長參訪鹿特丹港務局，聽取 PortXchange 平臺簡報內容。\n\n"
    "二、拜會市議會\n\n局長拜會阿姆斯特丹市議會，試乘其無人水上巴士。\n",
)


@pytest.mark.parametrize(
    "question",
    [
        "阿姆斯特丹市議會的 PortXchange 平臺有什麼功能？",
        "局長在阿姆斯特丹市議會試用的 PortXchange 是做什麼的？",
        "鹿特丹港務局那款無人水上巴士何時上路？",
    ],
)
def test_a_thing_given_a_party_the_reports_name_only_in_another_partys_part_is_a_false_premise(question):
    [mention] = unsupported(question, [THINGS], [PORT, COUNCIL])
    assert mention.reason == TOGETHER
    assert THINGS.text[mention.start : mention.end] in ("PortXchange", "無人水上巴士")


def test_a_partys_own_thing_or_a_word_is_no_false_premise():
    assert unsupported("鹿特丹港務局的 PortXchange 平臺有什麼功能？", [THINGS], [PORT, COUNCIL]) == []  # its own
    # 內容 is a word, not a thing's name, though only the port authority's part writes it.
    question = "阿姆斯特丹市議會那一站的內容是什麼？"
    assert unsupported(question, [THINGS], [COUNCIL]) != []  # read as a name, it would be
    assert unsupported(question, [THINGS], [COUNCIL], (), lambda n: [], lambda w: w == "內容") == []


def test_seeing_something_in_a_place_only_mentioned_presumes_the_place_visited(document):
    text = REPORT.replace("德國漢堡", "德國天堡")  # a place whose name holds 天
    doc = parse_document("port-report.txt", text)
    assert [m.name for m in unvisited("局長在天堡看港區時看到什麼？", [doc])] == ["天堡"]
    assert [m.name for m in unvisited("他們在港務局天堡那座碼頭參觀了什麼？", [doc])] == ["天堡"]
    assert unvisited("他們在那邊實際看了些什麼？", [doc]) == []  # pointing words are no name


def test_the_persons_a_question_names_are_those_the_report_titles_where_it_first_names_them():
    [jan] = persons_asked("What did Jan Visser say about the port?", [GUESTS])
    assert (jan.name, jan.reason) == ("Jan Visser", NAMED)
    assert GUESTS.text[jan.start : jan.end] == "Jan Visser" and jan.start == GUESTS.text.index("Jan Visser")
    assert [m.name for m in persons_asked("What did Director Visser say?", [GUESTS])] == ["Visser"]  # a titled surname
    assert persons_asked("What did the Data Platform show?", [GUESTS]) == []  # never written beside a title
    assert [m.name for m in persons_asked("德芙里斯說了什麼？", [GUESTS], respelled=["anna de vries"])] == [
        "Anna de Vries"
    ]


def test_a_company_gone_to_by_a_visit_verb_that_the_report_only_mentions_is_a_false_premise():
    mentioned = parse_document(
        "mentioned.txt",
        "封面\n\n壹、過程\n\n一、參訪港務局\n\n局長於 3 月 5 日參訪鹿特丹港務局。鹿特丹也設有歐洲衛星定位系統—范德海公司及港口研究中心。\n",
    )
    assert [m.name for m in unvisited("參訪范德海公司時看了什麼？", [mentioned])] == ["范德海公司"]
    assert unvisited("參訪港務局時看了什麼？", [mentioned]) == []  # its heading names it
    assert unvisited("參觀碼頭起重機時看了什麼？", [mentioned]) == []  # a thing seen, no body's kind: not presumed


def test_a_count_of_officials_by_their_title_is_no_name_presumed_met():
    hosts = parse_document(
        "hosts.txt",
        "封面\n\n壹、過程\n\n一、拜會阿姆斯特丹市政府\n\n局長於 3 月 6 日拜會阿姆斯特丹市政府，由該市副市長接待。\n\n"
        "阿姆斯特丹 2 位副市長專注聆聽局長說明\n",
    )
    assert unvisited("跟阿姆斯特丹兩位副市長碰面是幾號的事？", [hosts]) == []  # 位副市長 counts, names no one
    written = parse_document(
        "written.txt", "封面\n\n壹、過程\n\n一、拜會市政府\n\n阿姆斯特丹兩位局長專注聆聽局長說明\n"
    )
    assert unvisited("跟兩位局長見面是幾號的事？", [written]) == []  # counted in Chinese numerals too


def test_a_person_asked_of_is_found_as_written_after_characters_that_fold_longer_with_every_spelling():
    spaced = parse_document(
        "spaced.txt",
        "封面\n\n壹、過程\n\n一、參訪港務局\n\n局長參訪港務局……㎡由范德堡（Jan Visser）處長接待。Visser 處長表示數據平臺已上線。\n",
    )
    [jan] = persons_asked("What did Jan Visser say?", [spaced], other_names=lambda name: ["范德堡"])
    assert spaced.text[jan.start : jan.end] == "Jan Visser" == jan.name  # "……" and "㎡" fold longer
    assert jan.spellings == ("Jan Visser", "Jan", "Visser", "范德堡")


def test_a_surname_the_reports_title_is_a_person_put_in_a_city_though_the_question_titles_them_not():
    doc = parse_document("port-report.txt", REPORT.replace("由副議長德弗里斯接待", "由 Devries 主任接待"))
    # The question names the city in English: the place a report writes 鹿特丹 is named by 鹿特丹市 too.
    [mention] = persons_elsewhere("What did Devries tell the director in Rotterdam?", [doc], ["鹿特丹市"])
    assert (mention.name, mention.other) == ("Devries", "鹿特丹")
    assert persons_elsewhere("What did Devries tell the director in Amsterdam?", [doc], ["阿姆斯特丹市"]) == []
    assert persons_elsewhere("What did Visser tell the director in Rotterdam?", [doc], ["鹿特丹市"]) == []  # no one


def test_a_latin_name_standing_alone_is_not_visited_by_two_letters_a_visited_name_holds():
    text = REPORT.replace("參訪鹿特丹港務局", "參訪鹿特丹港務局（Port of Rotterdam）").replace(
        "其貨櫃碼頭已全面自動化，", "其貨櫃碼頭已全面自動化（設備商如羅賽蒂等），"
    )
    doc = parse_document("port-report.txt", text)
    rossetti = lambda name: ["羅賽蒂"] if name == "Rossetti" else []  # noqa: E731
    assert [m.name for m in unvisited("Who hosted them when they toured Rossetti?", [doc], rossetti)] == ["Rossetti"]
    assert [m.name for m in unvisited("Which Rossetti plant did they tour?", [doc], rossetti)] == ["Rossetti"]
