"""What a question asks of the report genre's template: a cover field, the members, a day of the itinerary,
the items or the gist of a section. Cues are the genre's own words (its field and section names) and the
everyday words staff use for them, in Chinese (after Simplified -> Traditional) and English."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .answer_type import DATE, DAY, NUMBER, PERSON, asked_kinds
from .text.normalize import HAN_CHARS, fold
from .text.tokens import WEEKDAYS, content_tokens, date_tokens

COVER, MEMBERS, ITINERARY, LIST, OVERVIEW = "cover", "members", "itinerary", "list", "overview"
# The day of one visit ("去港務局是哪一天？"): answered by the dated sentence of the visit's own section.
VISIT_DAY = "visit_day"
LAST_FULL = "last-full"  # Intent.edge: the trip's last day with more than travel

# Cover fields of the genre (服務機關, 姓名職稱, 派赴國家, 出國期間, 報告日期, 出國類別, and the title line,
# template.TITLE) and how staff ask for them.
# The trip's period, from the cover: "幾號出發、幾號結束？" asks both ends, not the first day's schedule.
_PERIOD = re.compile(
    r"期間|哪段時間|哪段日子|哪天到哪天|從哪天|幾號出發|幾號[到至]幾號|幾號回(?:來|國)|哪天回(?:來|國)|去了?多久|幾天|\bhow long\b|\bdates\b"
    r"|\bperiod\b|\bduration\b|\bfrom when\b|起訖|起迄|\b(?:start|begin) and end\b"
    # "when did the trip kick off and wrap up?": its first and last days
    r"|\b(?:start(?:ed)?|begin|began|kick(?:ed)? off)\b[^?.]{0,16}\band\b[^?.]{0,16}"
    r"\b(?:end(?:ed)?|finish(?:ed)?|wrap(?:ped)? up)\b"  # not "leave and return": the first and last days' rows
)
# A question naming the cover page asks of its fields, whatever else it says.
_COVER_PAGE = re.compile(
    r"封面|\bcover page\b|\b(?:the|its) cover\b(?! (?:how|what|when|who|why|the|a|an)\b)|\btitle page\b|\bfront page\b"
)
_COVER_CUES = (
    (
        "報告日期",
        re.compile(
            r"(?:報告|這份)[^，。?？]{0,4}(?:日期|哪一?天|何時|什麼時候|交|提交|送出|完成)|(?:交|提交|送出)[^，。?？]{0,3}報告"
            r"|\b(?:submitted|dated)\b|\breport date\b|\bdate\b.*\breport\b|\bwhen was (?:the|this) report\b"
            r"|\bwhen\b.*\breport\b.*\b(?:filed|turned in|handed in|sent in|finished|completed)\b"
        ),
    ),
    ("出國期間", _PERIOD),
    ("派赴國家", re.compile(r"國家|哪一?國|\bcountry\b")),
    (
        "出國類別",
        re.compile(r"類別|類型|性質|\bcategory\b|\bclassified\b|\b(?:kind|type) of (?:official )?(?:trip|travel)\b"),
    ),
    (
        "姓名職稱",
        re.compile(
            r"掛名|具名|署名|署誰的名|誰的名字|名義|作者|撰寫|誰寫|帶隊|領隊|團長|率團|率隊|\bauthor\b|\bwritten by\b|\bwho wrote\b|\bwhose name\b|\blisted\b"
            r"|\bled\b|\blead(?:s|ing|er)?\b|\bheaded\b|\bin charge\b|\bhead of (?:the |our |this )?(?:delegation|trip|mission)\b"
        ),
    ),
    (
        "標題",
        re.compile(
            r"標題|題目|報告名稱|報告的名稱|\breport(?:'s)? title\b|\btitle of (?:the|this) (?:report|document)\b"
            r"|\b(?:report|document) (?:is |was )?(?:called|titled)\b|\bname of (?:the|this) report\b"
        ),
    ),
    (
        "服務機關",
        re.compile(r"機關|單位|部門|\bagency\b|\bfiled\b|\bsubmitted by\b|\bwhich (?:department|office|government)\b"),
    ),
)
# Who led the trip is the cover's 姓名職稱 ("王大明局長等": the leader, and others).
LEADER_FIELD = "姓名職稱"
# The template's section of why the trip was made (貳、目的).
PURPOSE_SECTION = "目的"
SUMMARY_SECTION = "摘要"
_LED = re.compile(
    r"帶隊|領隊|團長|率團|率隊|\bled\b|\blead(?:s|ing|er)?\b|\bheaded\b|\bhead of (?:the |our |this )?(?:delegation|trip|mission)\b"
)
# Where someone went, which the cover's name does not say.
_PLACES_ASKED = re.compile(r"哪些地方|哪裡|哪里|去了哪|去哪|\bwhere\b|\bwhich places\b")
# Visits and meetings during the trip, which the cover's agency, country and period do not answer.
_VISITING = re.compile(r"拜訪|參訪|拜會|接待|會見|見了|企業|案例|天氣|\b(?:visit(?:s|ed)?|met|meet|hosted|weather)\b")
# 到 as arriving somewhere, not the 到 of 提到, 收到, 看到, 遇到… (a regular expression's part).
ARRIVING = r"(?<![提收得看聽遇想達受])到"
# Going to, visiting or meeting somebody: a visit whose day a question can ask ("哪天去的", "what day did they
# visit"); what the visit's section dates.
_GOING = re.compile(
    rf"去(?!年)|{ARRIVING}|參訪|拜會|拜訪|造訪|參觀|走訪|前往|會見|見面|見了|見到|\b(?:visit(?:ed)?|tour(?:ed)?|go|went|meet|met|see|saw)\b"
)
_DURATION = re.compile(r"多久|幾天|多長|期間|哪段時間|哪段日子|\bhow long\b|\bduration\b|\bperiod\b|\bdates\b")
# Going somewhere: what the cover's country answers ("派到哪一國", "which country did they travel to"); not goods
# sold or shipped there ("產品賣到哪些國家" asks of a firm's market).
_TRAVEL = re.compile(
    r"(?<![賣銷售運送寄])[去到]|派|赴|前往|出訪|出國|飛|\b(?:travel(?:led)?|go|went|fly|flew|head(?:ed)?)\b"
)
# The trip itself as a question's subject ("這次…考察團", "the delegation").
_THE_TRIP = re.compile(
    r"這次|此行|這趟|那趟|本次|出訪|訪團|代表團|訪問團|考察團|本團|團長|整趟|整個行程|\b(?:delegation|trip|mission)\b"
)
# Words that make a question about the trip or the report as a whole.
_WHOLE_TRIP = re.compile(
    r"\breport (?:says?|said)\b"  # what the report says is the report's
    r"|報告|這份|此行|這次|這趟|那趟|本次|出國|出訪|訪團|代表團|封面|標題|他們|\b(?:delegation|trip|report|travel(?:led)?|mission|abroad)\b"
    r"|\b(?:the|its|front|report'?s) cover\b"  # the cover page, not "what did they cover"
)
# The delegation's members named as such (not a federation's member companies), which the cover's leader field
# ("<name>市長等") does not list.
_MEMBER_NOUN = r"成員|團員|隊員|名單|\bmembers?\b(?! (?:compan|firm|organi[sz]ation|association|business|state|countr))"
_MEMBER_NOUNS = re.compile(_MEMBER_NOUN)
_MEMBER_CUES = re.compile(
    _MEMBER_NOUN
    + r"|人員|(?:市府|本府)的?同仁|(?<![請邀])哪些人|同行|隨行|跟團|一起(?:去|出國|出訪)|跟著去|誰去|還有誰|有誰|官員"
    # How many went: the member list counts them ("幾個人去？", "這次出國總共幾個人？").
    r"|(?:^|這次|這趟|此行|訪團|代表團|一行|我們|總共|一共|共)(?:幾|多少)[個位名]?人(?:一起)?(?:去|出國|出訪|同行|隨行)"
    r"|(?:去|出國|出訪|隨行|同行|訪團|代表團|一行)了?(?:總共|一共|共|有)?(?:幾|多少)[個位名]?人"
    r"|\bofficials\b"
    r"|\bwho (?:went|else|was on|were on|travell?ed|accompanied|joined)\b|\bwhich (?:people|officials)\b"
    r"|\b(?:went|go|going|travell?ed|came) (?:on|with|along)\b|\bon the (?:trip|delegation)\b"
)
# Who came to an event, or the hosts' side ("晚宴來了哪些人", "對方有誰"): not the delegation's members.
_OTHERS_PRESENT = re.compile(
    rf"晚宴|宴會|餐會|餐敘|飯局|請客|宴請|記者會|論壇|研討會|座談|典禮"
    rf"|(?![我本雙地官])[{HAN_CHARS}]方(?=(?:到底|究竟|總共|一共|又|還)?(?:有誰|來了|出席|代表|那邊|的人))"
    r"|\b(?:dinner|banquet|forum|press conference|ceremony|their side|the hosts?)\b"
)
# Asking for the plan of a day, in English words no other question uses.
_PLAN = re.compile(
    r"\b(?:on the (?:schedule|agenda|program(?:me)?)|schedule[ds]?|agenda|itinerary|lined up"
    r"|what did (?:they|the delegation|the group|the team) do|where did (?:they|the delegation|the group) go)\b"
)
# Who received the delegation, which a day's visit answers ("當天負責接待的是哪位？").
_RECEIVED = re.compile(r"負責|接待|接見|迎接|出面|\b(?:receiv|host|welcom)\w*")
_MORNING = re.compile(r"上午|早上|上半天|\bmorning\b")
# A day relative to the one just talked about: the next ("隔天呢？", "the day after") or the one before.
# "那第二天" counts from the day just named, as 隔天 does; "第二天" alone ("行程的第二天") is the trip's second day.
_NEXT_DAY = re.compile(
    r"隔天|隔日|次日|翌日|(?<!最)後一天|(?<=那)第二天|\bthe (?:next|following) day\b|\bthe day after\b"
)
_DAY_BEFORE = re.compile(r"前一天|前一日|\bthe (?:previous|preceding) day\b|\bthe day before\b")
# The day of what was just named ("那天下午呢？", "去港務局那天還去了哪？", "on the same day").
_THAT_DAY = re.compile(r"那天|那一天|當天|同一天|同天|\bthat day\b|\bthe same day\b")
# Asking what else that day held, beside what the question names ("還去了哪", "what else did they do").
_ELSEWHERE = re.compile(r"[還又](?:去|跑|逛|到)了?|還有什麼行程|還有哪些行程|其他行程|\bwhat else\b|\bwhere else\b")
_AFTERNOON = re.compile(r"下午|晚上|晚間|傍晚|\bafternoon\b|\bevening\b|\bnight\b")
# What came next: "之後呢？", "看完之後去哪了？" (後來 only opening a question: "後來有沒有…" asks a later outcome).
_THEN = re.compile(
    r"^(?:後來|再來)|(?:[看逛聽參訪觀拜會談]+完|結束|離開)?(?:之後|以後)|[看逛聽]完|接著|接下來|後面|然後|隨後|結束後"
    r"|\b(?:right |just |soon |shortly |straight )?(?:after that|afterwards|after (?:the|this|that) (?:visit|tour|meeting))\b"
    r"|\bnext\b|\b(?:right |just |soon |shortly )?after\W*$"
)
# Before what was named ("參訪港務局之前", "before the visit").
_BEFORE = re.compile(r"之前|以前|\bbefore\b")


def counts_from_a_day(question: str) -> bool:
    """Return True when a question asks of a time counted from the day it names ("6/21 之後", "隔天", "the day
    before") rather than of that day itself."""
    folded = fold(question)
    return any(p.search(folded) for p in (_NEXT_DAY, _DAY_BEFORE, _THEN, _BEFORE))


_FIRST_DAY = re.compile(r"第一天|頭一天|出發|啟程|\bfirst day\b|\bdepart(?:ed|ure)?\b|\bset off\b|\bleave\b|\bleft\b")
# The day of the departure or the return named as such ("出發當天有排什麼行程？", "回國那天").
# And the day before it: "回國前一天".
_EDGE_DAY = re.compile(r"(?:出發|啟程|回國|回臺|返國|返臺|回程)(?:的?(?:當天|那天|那一天)|前的?一天)")
# The last day with more than travel ("最後一整天", "the last full day"): a closing day of flights is no full day.
_LAST_FULL_DAY = re.compile(r"最後一整天|最後完整的一天|\blast full day\b")
_LAST_DAY = re.compile(
    r"最後一天|最後一整天|最後完整|回到|回來|返回|返抵|飛回|回國|回臺|返國|返臺|回程|\blast (?:full )?day\b|\breturn(?:ed)?\b|\bfly back\b|\bflew back\b"
    r"|\b(?:come|came|get|got) (?:back|home)\b"
)
# The trip's n-th day counted from its start ("第二天", "the second day"), or its last day.
_TRIP_DAY = re.compile(
    r"(?<!那)第\s*([一二三四五六七八九十\d]{1,2})\s*天|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|\d{1,2}(?:st|nd|rd|th))"
    r" day\b|(最後一天|\blast day\b)"
    # "day three", "day 3": the way a schedule counts them (not the idiom "from day one").
    r"|(?<!from )(?<!since )\bday (one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b(?![:.]?\d)"
)
_DAY_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}  # fmt: skip
# "6月21號" (the report writes 日, staff often 號/号) is a date as well.
_DATE_TEXT = re.compile(r"\d{1,2}\s*[月/]\s*\d{1,2}\s*[日號号]?")
# A day of the week ("星期五", "週五", "禮拜天", "on Friday"), which the itinerary's day cells write ("3/5 (二)"); not
# 本週日程, 這週一共.
_WEEKDAY = re.compile(
    r"(?:星期|週|周|禮拜|礼拜)([一二三四五六日天](?:[、和及與跟到至~-]?[一二三四五六日天])?)(?![程共起直樣般末年刊報邊])"
    r"|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
)
_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_DAY = re.compile(r"(?<!\d)(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12]\d|0?[1-9])\s*[號号]")
# A day of the month alone ("21號", "the 21st"); not a numbered place ("21 號會議室", "3 號碼頭") or "21st-century".
_DAY_ONLY = re.compile(
    r"(?<![\d/月])(3[01]|[12]\d|0?[1-9])\s*[號号日](?![\d館廳厅室樓楼線线門门碼码倉仓機机展房座棟栋場场-]|會議|会议|會場|会场|攤位|摊位)"
    r"|\bthe (3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?! day)(?![\s-]*century)"
)
_SCHEDULE = re.compile(
    r"行程|安排|排了|做了?什麼|做什麼|(?:去|跑|逛|到)了?(?:哪些地方|哪幾個地方|哪[些幾]個?點|哪裡|哪兒|哪)|去哪|跑了?|拜會|參訪|重頭戲|活動|那天|當天|一天"
    r"|\b(?:schedule|agenda|plan(?:ned)?|itinerary|program(?:me)?|do|did|visit(?:ed)?|go|went|stops)\b|\bhead(?:ed|ing)?\b(?! of\b)"
    # taking a group somewhere: "where'd he take the team after that?"
    r"|\b(?:take|took) (?:the |our |his |her |their )?(?:team|group|delegation|us|them|everyone)\b"
)
# The genre's closing and opening sections, by the word their headings carry, and how staff name them.
SECTION_CUES = (
    ("建議", re.compile(r"建議|\brecommend\w*|\bsuggest\w*|\bproposals?\b")),
    (
        "心得",
        re.compile(
            r"心得|收穫|感想|體會|效益|成果|學到|\btakeaways?\b|\blessons?\b|\blearn\w*|\bimpressions?\b|\breflections?\b"
            r"|\b(?:get|got|gets|getting) out of\b|\b(?:come|came) away with\b|\bgains?\b|\bbenefits?\b"
        ),
    ),
    (
        PURPOSE_SECTION,
        re.compile(
            # "為什麼市長要去<country>？": who went may stand between
            # not 失去, 回去, 出國報告, nor what was not done (沒去)
            r"目的|目標|初衷|(?:為什麼|為何|為啥|幹嘛)[^？?，,。沒不]{0,4}?(?:要)?(?:(?<![失回過除])去(?!年)|出訪|出國(?!報告))"
            r"|\bpurpose\b|\bgoals?\b|\baims?\b"
            r"|(?:去|出訪|出國|跑)[^？?。，,]{0,4}?(?:到底)?(?:是)?為了(?:啥|什麼)"
            # the trip's aims, the trip named before them: "這趟主要是想達成什麼？", "這次去<country>主要圖什麼？"
            r"|(?:這趟|這次|此行|出訪|出國)[^？?。，,]{0,8}?(?:(?:想|要)(?:要)?達成|(?<![地照附插藍])圖)(?:什麼|啥|哪些事)(?![時候])"
            r"|\b(?:trip|delegation|mission)\b[^?.]{0,24}?\b(?:supposed|meant|hoping|hoped) to achieve\b"
            r"|\bobjectives?\b|\bwhy did (?:they|the (?:city|mayor|delegation|city government))\b.*\b(?:go|travel|visit)\b"
            r"|\bhow come (?:they|the (?:city|mayor|delegation|city government))\b.*\b(?:went|travel(?:l?ed)?|visited)\b"
            # asked indirectly: "remind me why the mayor went to <country> at all"
            r"|\bwhy (?:they|we|the (?:city|mayor|delegation|city government)) (?:went|travell?ed|made the trip)\b"
            # how the trip came about, which a report's purpose tells (an invitation, a partner's call)
            # (the trip itself: "這趟<country>行當初是怎麼促成的", not "這次的經費是怎麼來的")
            r"|(?:這趟|這次|此行|出訪|出國)[^？?。，,]{0,10}?(?:怎麼|如何)(?:促成|成行)"
            r"|(?:出訪|出國|此行)的?(?:緣起|緣由|起因)"
            r"|\bhow did (?:the|this|our) (?:trip|visit|delegation|mission)\b[^?.]{0,24}\bcome about\b"
            r"|\bhow (?:did|was) (?:the|this|our) (?:trip|delegation|mission)\b[^?.]{0,12}\b(?:arranged|set up)\b"
            r"|\bwhat (?:led to|prompted|triggered) (?:the|this|our) (?:trip|mission)\b"
        ),
    ),
    ("摘要", re.compile(r"摘要|概要|總結|簡介|\bsummary\b|\boverview\b|\bsummari[sz]e\b|\bin short\b")),
)
# The sections whose points a bare "建議？" asks for: the recommendations and reflections are written as points.
_POINTED_SECTIONS = ("建議", "心得")
# What may stand beside a section's word in a question naming only the section: "建議事項", "那心得呢？", "the
# recommendations?".
_BESIDE_A_SECTION = re.compile(r"事項|的?部分|那|呢|嗎|\bthe\b|[\W_]")


def _bare_section(folded: str, cue: re.Pattern) -> bool:
    """Return True when a (folded) question names a section (`cue`: its word) and nothing else ("建議？")."""
    return not _BESIDE_A_SECTION.sub("", cue.sub("", folded))


# A visit the question names, in English: its lessons are in its own part, not in the closing sections'.
_VISIT_NAMED = re.compile(
    r"\b(?:from|of|at|after) (?:the |their )?(?:[A-Z][\w.&'-]*\s+){1,3}(?:visit|trip|stop|tour)\b"
)
_LIST_CUES = re.compile(
    r"哪些|哪幾|幾項|幾點|幾個|幾(?:部分|大塊|方面)|分(?:成|為)?幾|列出|各是|分別|\blist\b|\bwhat (?:were|are) (?:the|all|their)\b|\ball the\b|\bmain\b|\bthree\b|\bfour\b"
)
_OVERVIEW_CUES = re.compile(
    r"重點|大意|主要|概要|總結|摘要|過程|經過|收穫|聊了?些?什麼|談了?些?什麼|介紹一下|簡介|什麼來頭|\bsum(?:mari[sz]e| up)\b"
    r"|\bsummary\b|\bgist\b|\boverview\b|\bmain points?\b|\bhighlights?\b|\bwhat happened\b|\btell me about\b"
    r"|\bin a nutshell\b|\bbig picture\b|\brundown\b|\brun-down\b|\brecap\b|\bbreakdown\b|概括|歸納|簡單說說?|大概說"
)
# Asking the gist of the whole trip's doings: a word for the gist, and what was done.
_GIST = re.compile(
    r"重點|大概|大致|整體|總體|總的來說|簡單說|簡單講|簡單來說|概括|總共|一共|摘(?:一下|個|要一下)|\bgist\b|\bbig picture\b|\boverall\b|\bin (?:short|a nutshell)\b"
    r"|(?:簡單)?(?:整理|總結|歸納)(?:一下)?|(?:一段|幾句)話|濃縮|精簡|扼要"
    r"|\bsum(?:mari[sz]e| up)\b|\b(?:quick|short|brief) summary\b|\brundown\b|\b(?:quick|short) version\b"
)
_DID_WHAT = re.compile(
    r"做成?了?(?:哪些事|些?(?:什麼|啥))|幹成?了?(?:哪些事|些?(?:什麼|啥))|完成了?(?:哪些|什麼)"
    r"|\bwhat (?:did )?(?:they|we|the delegation|(?:the|this) (?:\w+ )?trip) (?:\w+ly )?(?:do|did|accomplish(?:ed)?|achieve[sd]?|cover(?:ed)?)\b"
    r"|\b(?:get|got|gotten) done\b"
    r"|\bwhat (?:\w+ ){0,3}covered\b"
)
# Asking what a report is about ("這份報告在講什麼？", "报告讲的是什么", "what is this report about?"): its summary.
# The what-word ends the clause (a particle or 東西 aside): "報告有講什麼跟<topic>有關的嗎？" asks of a topic.
_REPORT_ABOUT = re.compile(
    r"報告[^，。？?,]{0,3}?(?:在|是)?(?:講|說|談|寫)(?:了|的是|些)?(?:什麼|甚麼|啥)"
    r"(?=\s*(?:東西|內容|的|吧|啦|喔|哦|[呢啊呀])?\s*(?:[，。？?,!！]|$))"
    r"|報告的?(?:主要)?內容(?:是什麼|是啥)"
    r"|\bwhat(?: is|'s) (?:this|the) report (?:about|on)\b|\bwhat does (?:this|the) report cover\b"
)
# What else a trip-gist question may say: "這趟去<country>" names the trip's country, "give me" asks, "局長要一段"
# says who wants it. Dev 2,700: 4 or 6 alike.
_MAX_GIST_HAN, _MAX_GIST_LATIN = 6, 4
# Asked with no gist word, only a short name (a country: 法國, 荷蘭) may stand beside it: "這趟去<company>做了哪些事？" asks
# of one visit.
_MAX_GISTLESS_HAN = 2
# "主要看了哪些技術" asks which things, mainly: a list of them, not a visit's gist ("主要談了什麼" is one).
_MAINLY_WHICH = re.compile(r"主要[^，,。？?]{0,4}(?:哪些|哪幾)")
# Nor does "主要看了些什麼", what was seen, unless a gist is asked too ("…？簡單概括一下"); 看點 are highlights.
_MAINLY_SEEN = re.compile(r"主要(?:看(?!點)|參觀|觀摩)[^，,。？?]{0,3}(?:什麼|甚麼|啥)")
_ORDINAL = re.compile(
    r"第\s*([一二三四五六七八九十\d])\s*[點項個部段]|\b(first|second|third|fourth|fifth)\b (?:point|one|part|item|section)"
)
_ORDINALS = {
    **{c: i for i, c in enumerate("一二三四五六七八九十", start=1)},
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
}
# Function words that say nothing about what is asked ("他們哪天從…飛回來", "can you give me …").
_FILLER = re.compile(
    r"他們|她們|我們|你們|大家|幫我|幫忙|麻煩|請問|請|到底|究竟|具體|就好(?!像)|就行(?!程)|他|她|從|來|去|到|了|過|被|把|給|跟|在|上|下|那|這|呢|吧|嗎|啊|天|次|要|想|會|能|可以|一下|一共|大概|大致|最後|除了"
    r"|\b(?:can|could|would|you|give|me|tell|show|please|i|we|they|them|their|there|at|end|final|finally|all|any|under"
    r"|were|was|has|have|had|get|got|so|just|quick|brief|briefly|main|official|same|group|team|actually|specifically|over"
    r"|while|down|he|him|his|she|her)\b"  # "while we were down there"
)
# How staff point at a part of a report and what it says ("後面談心得的部分整理成哪幾點"): no subject of its own.
_PART_WORDS = re.compile(
    r"部分|後面|前面|那段|這段|段落|章節|章|塊|方面|總共|一共|整理成?|歸納|提到|提出|提了|談到|談|列了?|寫了?|講了?|說的?|分成|[點項條]"
    r"|\b(?:part|section|chapter|points?|items?)\b"
)
# What a question about a report's reflections or recommendations says beside naming them, no subject of its own:
# whom they address and when (its own city, from now on: "what the report recommends the city do going forward",
# "報告建議市府接下來要做哪些事？"), that they were written up after the trip, how much they weigh ("the big takeaways"),
# that a purpose is asked with stress ("why did they go … in the first place?").
_ADDRESSED = re.compile(
    r"市府|市政府|本市|本府|接下來|未來|往後|今後|以後|下一步|應該|要做|該做|做哪些事|做什麼|哪些事"
    r"|\b(?:the|our) city\b|\bgoing forward\b|\bin (?:the )?future\b|\bfrom now on\b|\bnext\b|\bafterwards\b"
    r"|\bafter the trip\b|\b(?:wrote|written|write) up\b|\b(?:big|key)\b|\bin the first place\b"
)
# A section a question says what it says by ("according to the recommendations, what…", "照建議…").
_ACCORDING = re.compile(
    r"(?:\baccording to|\bper\b|根據|依據|依照|按照)\s?(?:(?:the|its|our|their) )?(?:(?:report(?:'s)? )|報告(?:中|裡)?的?)?"
)
# How staff ask it to be put, asking nothing of a report: "講白話一點", "簡單講", "in plain words".
_PLAINLY = re.compile(
    r"講白話|白話(?:一點|點)?|簡單(?:來)?(?:講|說)|說白了|\bin plain (?:words|english|terms)\b|\bin a nutshell\b|\bsimply put\b"
)
# The delegation's own side named in a member question ("跟市長一起去的市府成員"), not the hosts' (當地市政府).
_OWN_SIDE = re.compile(r"(?<!當地)(?<!對方)(?:本府|本市|我們?市府|市府)")
# A question word with "did" contracted ("where'd", "what'd").
_CONTRACTED = re.compile(r"\b(where|what|who|how|when|why)'d\b")
# The first or last stop, of the trip or in a place ("到<city>第一站去哪？", "their last stop in <city>").
_STOP = re.compile(
    r"第一站|首站|頭一站|\bfirst (?:stop|destination)\b|(?P<last>最後一站|末站|\b(?:last|final) (?:stop|destination)\b)"
)
# What was done in a place, over the days there ("在<city>那兩天跑了哪些單位？", "a rundown of what they did in
# <city>"): the question names the place (a city's name, as a stop's) and little else.
_IN_A_PLACE = re.compile(r"在|那[兩幾]天|期間|\b(?:in|while in|while they were in)\b|\bon the \w+ (?:leg|stop)\b")
_RUNDOWN = re.compile(
    r"整體(?:來說)?|總的來說|大致|概括|總共|一共|都|哪些(?:單位|地方|點)|做了?(?:哪些事|什麼事|些啥|啥)|幹了?些?(?:什麼|啥)"
    r"|\b(?:rundown|run-down|overview|summary|everything|quick|leg)\b"
)
_PLACE_WORDS = (_IN_A_PLACE, _RUNDOWN, _SCHEDULE, _GOING)
_WHICH_DAYS = re.compile(r"哪幾天|哪些天|哪幾日|\b(?:which|what) days\b")
# The whole trip's plan or route ("整趟行程的路線", "the whole itinerary"): every row of the itinerary.
_WHOLE_PLAN = re.compile(
    r"整[趟個體]的?(?:行程|路線)|全程行程|行程(?:的)?(?:先後)?(?:路線|概況|全貌|順序)|\b(?:whole|entire|full|overall) (?:itinerary|schedule|route)\b"
)
# The trip's plan named by itself ("行程", "the itinerary").
_TRIP_PLAN = re.compile(r"行程|\b(?:itinerary|schedule)\b")
# Which cities the trip went to or through, or in what order ("這次去了哪些城市？", "在哪些城市之間移動", "行程的
# 先後順序", "which cities did they visit?"): the itinerary's rows name each day's city. Only with going asked.
_ROUTE = re.compile(
    r"(?:哪些|哪幾個|哪几个)城市(?:之間)?|城市之間|先後順序|動線"
    r"|\b(?:which|what) (?:cities|towns)\b|\b(?:order|sequence) of (?:the )?(?:visits|stops|trip|cities)\b"
)
_MOVING = re.compile(r"跑|移動|停留")
# Which places, companies or institutions the trip went to ("這趟拜訪了哪些公司和機構？", "which companies did the
# delegation visit?"): the itinerary's rows name each visit. Only with going asked.
_VISITED_WHICH = re.compile(
    r"(?:哪些|哪幾|哪几)[^，,。？?\s]{0,3}?(?:地方|單位|機構|機關|公司|企業|廠商|組織)"
    r"|\b(?:which|what) (?:places|companies|firms|organi[sz]ations|institutions)\b"
)
# Places or public bodies asked among the parties visited ("哪些地方和單位", "which institutions"): every row answers.
_PLACE_KIND_ASKED = re.compile(r"地方|單位|機關|\b(?:places|institutions)\b")
# Companies asked ("哪些企業", "which companies"): the visits headed by one.
_COMPANIES_ASKED = re.compile(r"公司|企業|廠商|\b(?:companies|firms|business(?:es)?)\b")
_KINDS_OF_PARTY = re.compile(
    r"地方|單位|機構|機關|公司|企業|廠商|組織|[和及與]|\b(?:and|or|head offices?|hq|headquarters)\b"
)
# Beside the cities asked, a word or two (出差, 前後; one English word): more is another subject's cities
# ("<race>到過哪些城市？").
_MAX_ROUTE_REST_HAN = 2
# Beside the place's name, a character ("的") at most: "<city>市區" asks of a part of the city the rows do not
# break down.
_MAX_PLACE_REST = 1
# Beside a stop, a question names its place (a city's name of up to 5 characters) and little else.
_MAX_STOP_HAN = 6
# Little else may remain of a template question once its cues are removed: "這份報告是哪個單位提出的" leaves 提出.
_MAX_REST_HAN = 4
# Naming a day, its half and asking its plan, a question may say this much else.
_MAX_REST_HAN_DAY_HALF = 9
# A follow-up completed from the turn before says almost nothing else: "那天下午呢？", "之後又去了哪兒？".
_MAX_FOLLOW_HAN = 2
_MAX_REST_LATIN = 2
# Asking a day's plan ("lined up", "on the schedule"), an English question may say up to this many other words
# ("once the delegation got to <city>"): dev's plan questions need 5; nothing else is asked beside them.
_MAX_REST_LATIN_PLAN = 6


@dataclass(frozen=True)
class Intent:
    """What a question asks of the template: `kind` is "" when nothing in particular (free retrieval)."""

    kind: str = ""
    field: str = ""  # a cover field's key
    fields: tuple[str, ...] = ()  # every cover field's key when a question asks several ("哪天到哪天，哪個單位交的？")
    days: tuple[str, ...] = ()  # "6/18"
    day_numbers: tuple[int, ...] = ()  # "19 號": a day of the month without its month
    weekdays: tuple[str, ...] = ()  # "星期五", "on Friday": a day of the week as day cells write it ("五")
    half: str = ""  # "上午" or "下午"
    edge: str = ""  # "first" or "last" day of the trip, or its last day with more than travel (LAST_FULL)
    trip_day: int = 0  # the trip's n-th day ("第二天"); -1 for its last
    section: str = ""  # a genre section's word: "建議", "心得", "目的", "摘要"
    ordinal: int = 0  # "心得第一點": the first item of that section
    then: bool = False  # "之後又去了哪？": what came next
    shift: int = 0  # "隔天": 1, "前一天": -1: the day after or before the one it is anchored to
    anchored: bool = False  # "那天", "隔天": a day fixed by what was just talked about (or the visit it names)
    report: str = ""  # the report whose itinerary that day is read from ("": the best passage's)
    bare: bool = False  # nothing asked beyond a half-day or "next": "那天下午呢？" (a follow-up may complete it)
    of_day: bool = False  # asks something else of the day "那天" or "隔天" points at ("隔天早上去拜會了誰？")
    stop: str = ""  # "first" or "last": the first or last stop of the trip, or in a place it names ("第一站")
    in_place: bool = False  # the rows in the place the question names ("在<city>那兩天做了什麼？", "到<city>第一天")
    whole: bool = False  # every row: the whole trip's plan ("整趟行程的路線是怎麼走的？")
    organisations: bool = False  # the companies visited ("拜訪了哪些公司？"): the visits headed by one


def _rest(question: str, *patterns: re.Pattern) -> tuple[int, int]:
    """Return how many Han characters and Latin words of the question's content remain once the patterns'
    matches, dates and trip-wide words are removed."""
    text = question
    for pattern in (*patterns, _WHOLE_TRIP, _DATE_TEXT, _DAY_ONLY, _WEEKDAY, _FILLER):
        text = pattern.sub(" ", text)
    tokens = [t for t in content_tokens(text) if "/" not in t]
    han = sum(1 for t in tokens if len(t) == 1 and not t.isascii())
    latin = sum(1 for t in tokens if t.isascii() and not t.isdigit())
    return han, latin


def _small(rest: tuple[int, int], han: int = _MAX_REST_HAN, latin: int = _MAX_REST_LATIN) -> bool:
    return rest[0] <= han and rest[1] <= latin


def _fits(field: str, folded: str, asked: frozenset[str]) -> bool:
    """Return True when what the question asks fits the cover field its cue names: a date for the report date
    and the period, a trip (not a visit) for the agency and the country, a leader for the name."""
    if field == LEADER_FIELD:
        if _PLACES_ASKED.search(folded):
            return False  # "<title>帶隊去了哪些地方？" asks where a leader went
        if _MEMBER_NOUNS.search(folded) and not _LED.search(folded) and "in charge" not in folded:
            return False  # "正式掛名出國的成員有誰？" asks the member list, not the cover's leader
        led = _LED.search(folded) and (_WHOLE_TRIP.search(folded) or not folded.isascii())
        return bool(led or (_WHOLE_TRIP.search(folded) and PERSON in asked))
    if not _WHOLE_TRIP.search(folded) or _VISITING.search(folded):
        return False  # "這次拜訪了哪些單位", "這次參訪了哪些國家的企業" ask about the visits, not the cover
    if field == "報告日期":
        return DATE in asked or bool(re.search(r"日期|\bdate", folded))  # "哪個機關提交的" asks who
    if field == "出國期間":
        return PERSON not in asked and (DATE in asked or bool(_DURATION.search(folded)))
    if field == "派赴國家":
        return bool(_TRAVEL.search(folded))
    return True


@lru_cache(maxsize=4096)
def read_intent(question: str, places: bool = True) -> Intent:
    """Return what a normalized question asks of the template (Intent() when it asks nothing in particular); with
    `places` false, never what was done in a place (a question naming no place of the itinerary). A question that
    asks of no record as a whole may in its first sentence, when the rest asks for no other kind of answer
    ("出發當天有排什麼行程嗎？還是只有搭飛機？"): the itinerary, the cover or the members."""
    intent = _read_one(question, places)
    if fields := _cover_fields(question, places):
        return Intent(COVER, field=fields[0], fields=fields)
    unsectioned = not intent.kind or (intent.kind == OVERVIEW and not intent.section)  # "幫我抓一下重點" asks a gist
    if unsectioned and (section := _section_beside_asides(question, places)):
        return section
    head, _, rest = question.partition("？") if "？" in question else question.partition("?")
    if intent.kind or not rest.strip() or asked_kinds(fold(rest)):  # "隔天呢？去拜會了誰？" asks who, not the day
        return intent
    first = _read_one(head + "？", places)
    return first if first.kind in (ITINERARY, COVER, MEMBERS) else intent


# Where a chatty question's parts end: a sentence or a clause, or a dash ("I'm writing up … — which …").
_PARTS = re.compile(r"[，,；;。！!？?：:]|\.(?=\s)|\s[—–-]{1,2}\s|——")
# A part telling what staff need the answer for or how they want it, asking nothing of a report: "我在弄局務會議的簡報",
# "I'm drafting a memo", "just the headline points", "nothing fancy", "幫我抓一下重點", "thanks". Not "we" (我們,
# "we're"), who are the delegation.
_ASIDE = re.compile(
    r"^\s*(?:我(?!們)|幫我|麻煩|請(?!問)|謝謝|感謝"
    r"|(?:i|i'm|i am|i've|i'll|i'd|i need|just|nothing|thanks|thank you|please|no need|keep it)\b)"
)


def _section_beside_asides(question: str, places: bool) -> Intent | None:
    """Return the points or gist of a section a question asks for in one part, its other parts asides
    ("我在弄局務會議的簡報，心得那章分成哪幾塊？幫我抓一下重點。"): each opens as staff speak of their own task or
    of the answer's form, names no one in Latin letters and asks no kind of answer; else None."""
    parts = [p for p in _PARTS.split(question) if p.strip()]
    asides = [
        p
        for p, folded in ((p, fold(p)) for p in parts)
        if _ASIDE.search(folded)
        and not asked_kinds(folded)
        and not re.search(r"\b(?!I\b)[A-Z][a-z]", p.strip().partition(" ")[2])  # its first word may be capitalized
        and not any(cue.search(folded) for _, cue in SECTION_CUES)
    ]
    if not asides or len(asides) == len(parts):
        return None
    intent = _read_one("，".join(p for p in parts if p not in asides) + "？", places)
    return intent if intent.kind in (LIST, OVERVIEW) and intent.section else None


# Where a question asking two things splits them: a comma, a colon, a question mark, "and", 以及, 還有, or 和 before
# a question word.
_CLAUSES = re.compile(r"[，,、；;：:？?]|\band\b|以及|還有|(?:和|跟)(?=[^，,？?]{0,8}(?:哪|什麼|何|誰|幾))", re.I)


def _cover_fields(question: str, places: bool) -> tuple[str, ...]:
    """Return the cover fields a question asks in clauses of its own ("這趟哪天到哪天，報告是哪個單位交的？" asks the
    period and the agency; "哪天交出去的？報告日期寫幾號？" the report date twice), when two or more clauses ask a field and
    nothing else; else ()."""
    clauses = [c for c in _CLAUSES.split(question.rstrip("？? ")) if c.strip()]
    if len(clauses) < 2:
        return ()
    fields = []
    for clause in clauses:
        intent = _read_one(clause.strip() + "？", places)
        if intent.kind == COVER:
            fields.append(intent.field)
        elif intent.kind or asked_kinds(fold(clause)) or not _small(_rest(fold(clause))):
            return ()  # a clause asking something else ("…，拜訪了哪些公司？")
    # One field asked twice over ("哪天交出去的？報告日期寫幾號？") is asked as surely as two.
    return tuple(dict.fromkeys(fields)) if len(fields) > 1 else ()


# Where in the report a question says to look: "心得裡說…", "建議事項中提到…", "in the recommendations, …".
_IN_SECTION = re.compile(
    r"(?:心得|建議|目的|摘要)(?:事項)?(?:裡面?|中|當中|部分|那段)?(?:有)?(?:說|提到|提|寫|講)|(?:心得|建議)(?:事項)?(?:裡面?|中|當中)"
    r"|\bin the (?:takeaways|lessons(?: learned)?|recommendations|summary|conclusions?)\b"
    r"|\bthe (?:takeaways|lessons(?: learned)?|recommendations) (?:say|mention|suggest)",
    re.I,
)


def section_named(folded: str) -> str:
    """Return the genre section a (folded) question says to look in ("心得裡說…" -> "心得"), or ""."""
    m = _IN_SECTION.search(folded)
    return next((word for word, cue in SECTION_CUES if m and cue.search(m.group(0))), "")


def is_cue_word(word: str) -> bool:
    """Return True when a (folded) word only says how the question asks ("主要", "重點", "哪些"), naming nothing."""
    return any(cue.fullmatch(word) for cue in (_OVERVIEW_CUES, _LIST_CUES))


def _trip_gist(
    folded: str, asked: frozenset[str], dates: tuple[tuple[str, ...], tuple[int, ...]], places: bool
) -> bool:
    """Return True when a (folded) question asks the gist of what the whole trip did ("整趟大概做了哪些事？幫我抓個
    重點", "the gist of what this trip covered", "這趟去<country>做了哪些事？"), naming no day and little else: the
    summary (摘要) answers it. With `places`, not one set in a place ("這趟在<city>總共做了哪些事？"), which the
    engine reads again without them when it names no place of the itineraries."""
    if dates[0] or dates[1] or not _THE_TRIP.search(folded):
        return False
    if places and _IN_A_PLACE.search(folded):
        return False
    rest = _rest(folded, _GIST, _DID_WHAT, _THE_TRIP, _SCHEDULE, _FILLER)
    if not _DID_WHAT.search(folded):  # the trip's gist itself ("這趟出訪的重點？", "a rundown of the <country> trip")
        # "這趟總共花了多少錢？" asks an amount; "概括一下這次的整體行程" the schedule.
        asks = asked or _SCHEDULE.search(folded)
        return bool(_GIST.search(folded)) and not asks and _small(rest, han=_MAX_GISTLESS_HAN, latin=1)
    if not _GIST.search(folded):  # no gist word: nothing but the trip's country beside it ("這趟去<country>…")
        return _small(rest, han=_MAX_GISTLESS_HAN, latin=0)
    return _small(rest, han=_MAX_GIST_HAN, latin=_MAX_GIST_LATIN)


def _report_gist(folded: str, asked: frozenset[str], dates: tuple[tuple[str, ...], tuple[int, ...]]) -> bool:
    """Return True when a (folded) question asks what the report is about ("我剛來還沒看過，這份報告在講什麼？"),
    naming no day and little else."""
    if dates[0] or dates[1] or not _REPORT_ABOUT.search(folded) or asked:
        return False
    return _small(_rest(folded, _REPORT_ABOUT, _GIST, _FILLER), han=_MAX_GIST_HAN, latin=_MAX_GIST_LATIN)


def half_day(folded: str) -> str:
    """Return the half-day a (folded) question names, as the itinerary writes it: "上午", "下午" or ""."""
    return "上午" if _MORNING.search(folded) else "下午" if _AFTERNOON.search(folded) else ""


def _read_one(question: str, places: bool) -> Intent:
    """Return what one question (read whole) asks of the template; see `read_intent`."""
    folded = _CONTRACTED.sub(r"\1 did", fold(question))  # "where'd they go" asks "where did they go"
    asked = asked_kinds(folded)
    half = half_day(folded)
    section = next(((word, cue) for word, cue in SECTION_CUES if cue.search(folded)), None)
    if section and _VISIT_NAMED.search(question):  # "what did they come away with from the <Party> visit?"
        section = None
    # A section named and nothing else ("建議？", "心得"): its points, or its gist.
    bare = bool(section) and _bare_section(folded, section[1])
    according = bool(section) and any(section[1].match(folded, m.end()) for m in _ACCORDING.finditer(folded))
    if section and (
        _LIST_CUES.search(folded)
        or _OVERVIEW_CUES.search(folded)
        or according
        or _WHOLE_TRIP.search(folded)
        or _ORDINAL.search(folded)
        or section[0] in (PURPOSE_SECTION, "摘要")
        or bare
    ):
        ordinal = _ORDINAL.search(folded)
        number = _ORDINALS.get((ordinal[1] or ordinal[2]) if ordinal else "", 0)
        told = (section[1], _LIST_CUES, _OVERVIEW_CUES, _ORDINAL, _PART_WORDS, _ADDRESSED, _PLAINLY)
        told += (_ACCORDING,) if according else ()
        if number or _small(_rest(folded, *told)):
            listed = (_LIST_CUES.search(folded) or (bare and section[0] in _POINTED_SECTIONS)) and not number
            kind = LIST if listed else OVERVIEW
            return Intent(kind, section=section[0], ordinal=number)
    shift = 1 if _NEXT_DAY.search(folded) else -1 if _DAY_BEFORE.search(folded) else 0
    dates = _dates(folded)
    if _trip_gist(folded, asked, dates, places) or _report_gist(folded, asked, dates):  # the report's summary (摘要)
        return Intent(OVERVIEW, section="摘要")
    day_intent = _day_intent(folded, asked, half, shift, dates, places)
    if day_intent is not None:
        return day_intent
    if not dates[0] and (rows := _rows_intent(folded, asked, places)) is not None:
        return rows
    for key, cue in _COVER_CUES:
        said = _small(_rest(folded, cue)) or _COVER_PAGE.search(folded)  # "according to the cover page, …"
        # Who led the trip, however many words describe it ("這次<產業>考察團由誰帶隊？").
        said = said or (key == LEADER_FIELD and PERSON in asked and _THE_TRIP.search(folded))
        if cue.search(folded) and said and _fits(key, folded, asked):
            return Intent(COVER, field=key)
    if DAY in asked and _GOING.search(folded) and PERSON not in asked:
        return Intent(VISIT_DAY)
    if (
        _MEMBER_CUES.search(folded)
        and not dates[0]
        and not _OTHERS_PRESENT.search(folded)
        and _small(_rest(folded, _MEMBER_CUES, _OWN_SIDE), han=6, latin=3)
    ):
        return Intent(MEMBERS)
    seen = _MAINLY_SEEN.search(folded) and not _GIST.search(folded)
    if _OVERVIEW_CUES.search(folded) and not asked and not _MAINLY_WHICH.search(folded) and not seen:
        return Intent(OVERVIEW)
    # No record asked for, but "那天下午呢？" names a half-day and "之後呢？" asks what came next, for a follow-up.
    # "隔天早上去拜會了誰？" asks who, not the schedule; "參觀完之後的心得？" asks a thought, not where next: what
    # is left beside a schedule word may be a word or two, beside none nothing.
    rest = _rest(folded, _MORNING, _AFTERNOON, _SCHEDULE, _THEN)
    bare = _small(rest, han=_MAX_FOLLOW_HAN, latin=1) and not (asked - {DATE, DAY})
    bare = bare and (rest == (0, 0) or bool(_SCHEDULE.search(folded)))
    # A question about "the next day", "that day" or a half-day ("下午是誰接待的？") naming little else asks of the
    # day just talked about; "參訪港務局的當天是誰接待？" names its own visit.
    pointer = (_NEXT_DAY, _DAY_BEFORE, _THAT_DAY, _MORNING, _AFTERNOON, _SCHEDULE, _GOING, _RECEIVED, _THEN)
    of_day = bool(shift or _THAT_DAY.search(folded) or half) and _small(
        _rest(folded, *pointer), han=_MAX_FOLLOW_HAN, latin=1
    )
    return Intent(half=half, then=bool(_THEN.search(folded)), shift=shift, bare=bare, of_day=of_day)


def _rows_intent(folded: str, asked: frozenset[str], places: bool) -> Intent | None:
    """Return the itinerary intent of a question naming no date that asks the trip's first or last stop, what
    was done in a place (when `places`; the engine checks it names one) or the whole plan; else None."""
    stop = _STOP.search(folded)
    if stop and _small(_rest(folded, _STOP, _SCHEDULE, _GOING), han=_MAX_STOP_HAN, latin=3):
        return Intent(ITINERARY, stop="last" if stop.group("last") else "first")
    if places and _IN_A_PLACE.search(folded) and (_SCHEDULE.search(folded) or _RUNDOWN.search(folded)):
        if not asked and _small(_rest(folded, *_PLACE_WORDS), han=_MAX_STOP_HAN, latin=3):
            return Intent(ITINERARY, in_place=True)
    # Which days were spent in a place ("在<city>是哪幾天？", "which days were we in <city>?"): its rows, dated.
    if places and _IN_A_PLACE.search(folded) and _WHICH_DAYS.search(folded):
        if _small(_rest(folded, _WHICH_DAYS, *_PLACE_WORDS), han=5, latin=3):
            return Intent(ITINERARY, in_place=True)
    cues = (_WHOLE_PLAN, _ROUTE, _SCHEDULE, _RUNDOWN, _GOING, _TRAVEL, _MOVING, _OVERVIEW_CUES)
    if _WHOLE_PLAN.search(folded) and not asked and _small(_rest(folded, *cues), han=_MAX_STOP_HAN, latin=3):
        return Intent(ITINERARY, whole=True)
    # The plan itself and nothing else ("行程是什麼？", "這次的行程有哪些？", "what was the itinerary?").
    if (
        _TRIP_PLAN.search(folded)
        and not asked
        and _small(_rest(folded, _TRIP_PLAN, *cues), han=_MAX_FOLLOW_HAN, latin=0)
    ):
        return Intent(ITINERARY, whole=True)
    # Not of one day ("那天…去了哪些地方？") nor of whom one person led.
    visited = _VISITED_WHICH.search(folded) and _GOING.search(folded)
    visited = visited and not (_THAT_DAY.search(folded) or half_day(folded) or _LED.search(folded))
    if visited and not asked and _small(_rest(folded, _VISITED_WHICH, _KINDS_OF_PARTY, *cues), latin=3):
        # Companies, not places nor institutions: the visits whose headings name one; else every row.
        companies = _COMPANIES_ASKED.search(folded) and not _PLACE_KIND_ASKED.search(folded)
        return Intent(ITINERARY, whole=True, organisations=bool(companies))
    # The cities of the trip, asked with going and of nothing else ("<race>經過哪些城市？" asks of another subject).
    route = _ROUTE.search(folded) and (_GOING.search(folded) or _TRAVEL.search(folded) or _MOVING.search(folded))
    if route and not asked and _small(_rest(folded, *cues), han=_MAX_ROUTE_REST_HAN, latin=1):
        return Intent(ITINERARY, whole=True)
    return None


def only_a_place_beside(question: str, place: str) -> bool:
    """Return True when a question asking what was done somewhere names `place` (as it writes it) and nothing else
    but the words asking it ("在<city>那兩天都做了什麼？"; not "在<city>市區都逛了哪些地方？")."""
    folded = fold(question)
    if not place or fold(place) not in folded:
        return False
    rest = _rest(folded.replace(fold(place), " "), *_PLACE_WORDS, _TRIP_DAY, _MORNING, _AFTERNOON)
    return _small(rest, han=_MAX_PLACE_REST, latin=_MAX_PLACE_REST)


def refers_back(question: str) -> bool:
    """Return True when a question cannot stand alone: it asks only what came next ("看完之後去哪了？", "where did
    they go after that?") or of a day counted from the one just talked about ("隔天早上去拜會了誰？")."""
    intent = read_intent(question)
    return (intent.then and intent.bare) or intent.anchored or intent.of_day


def days_on(folded: str, trip_days: Sequence[str]) -> list[str]:
    """Return the month/day dates ("3/5") a (folded) question names, or, when it names none, the day of
    `trip_days` whose day of the month it names alone ("5 號" on a trip of 3/4–3/9 is 3/5); none for a number
    two days of a longer trip share."""
    days, numbers = _dates(folded)
    if days:
        return list(days)
    found = [d for d in dict.fromkeys(trip_days) if d.split("/")[-1].isdigit() and int(d.split("/")[-1]) in numbers]
    return found if len(found) == len(set(numbers)) else []


def _dates(folded: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Return the month/day dates a question names ("6/21", "6 月 21 號") and, when it names none, its days of the
    month without a month ("19 號")."""
    month_days = [f"{int(m)}/{int(d)}" for m, d in _MONTH_DAY.findall(folded)]
    days = tuple(dict.fromkeys([t for t in date_tokens(folded) if "/" in t] + month_days))
    day_numbers = tuple(int(a or b) for a, b in _DAY_ONLY.findall(_DATE_TEXT.sub(" ", folded))) if not days else ()
    return days, day_numbers


def _day_intent(
    folded: str,
    asked: frozenset[str],
    half: str,
    shift: int,
    dates: tuple[tuple[str, ...], tuple[int, ...]],
    places: bool = True,
) -> Intent | None:
    """Return the itinerary intent of a question naming a day — a date, "19 號", the trip's first, last or n-th day
    (`dates`: `_dates(folded)`), each maybe shifted ("3/5 的隔天") — or a day relative to another ("那天下午呢？",
    "隔天呢？"); else None. With `places`, an n-th day beside other words counts the days in a place when they
    name one ("到<city>第一天下午排了什麼？"; the engine checks)."""
    days, day_numbers = dates
    weekdays = () if days or day_numbers else weekdays_named(folded)
    relative = (_NEXT_DAY, _DAY_BEFORE)
    # An English question asking for the plan says more around it ("once they got to <city> on June 18, what
    # was lined up for that afternoon?").
    latin = _MAX_REST_LATIN_PLAN if _PLAN.search(folded) and not asked - {DATE, DAY} else _MAX_REST_LATIN
    edge_asked = (_FIRST_DAY.search(folded) or _LAST_DAY.search(folded)) and (
        DATE in asked or _EDGE_DAY.search(folded) or _LAST_FULL_DAY.search(folded)
    )
    if days or day_numbers or weekdays or (edge_asked and not _PERIOD.search(folded)):
        # A day, a half-day and a plan asked: the other words only set the scene ("18號飛到<city>之後，下午排了什麼？").
        han = _MAX_REST_HAN_DAY_HALF if half and _SCHEDULE.search(folded) else _MAX_REST_HAN
        if NUMBER not in asked and _small(
            _rest(folded, _MORNING, _AFTERNOON, _SCHEDULE, _FIRST_DAY, _LAST_DAY, *relative, _PLAN), han, latin
        ):
            edge = "" if days or day_numbers or weekdays else "last" if _LAST_DAY.search(folded) else "first"
            edge = LAST_FULL if edge == "last" and _LAST_FULL_DAY.search(folded) else edge
            named = {"days": days, "day_numbers": day_numbers, "weekdays": weekdays}
            return Intent(ITINERARY, **named, half=half, edge=edge, shift=shift)
    nth_day = trip_day(folded)
    if nth_day and (_SCHEDULE.search(folded) or DATE in asked) and NUMBER not in asked:
        rest = _rest(folded, _MORNING, _AFTERNOON, _SCHEDULE, _TRIP_DAY, *relative)
        if _small(rest, han=_MAX_STOP_HAN if places else _MAX_REST_HAN):
            return Intent(ITINERARY, half=half, trip_day=nth_day, shift=shift, in_place=places and rest != (0, 0))
    if (shift or _THAT_DAY.search(folded)) and not asked - {DATE, DAY}:
        rest = _rest(folded, _MORNING, _AFTERNOON, _SCHEDULE, *relative, _THAT_DAY, _ELSEWHERE, _THEN)
        # Naming nothing else, it asks of the previous answer's day; "那天下雨嗎？" asks no schedule of it.
        schedule = shift or half or rest == (0, 0) or _SCHEDULE.search(_THAT_DAY.sub(" ", folded))
        bare = _small(rest, han=_MAX_FOLLOW_HAN, latin=0) and bool(schedule)
        if bare or _ELSEWHERE.search(folded):  # else the day of the visit it names ("去港務局那天還去了哪？")
            return Intent(ITINERARY, half=half, shift=shift, anchored=True, bare=bare)
    return None


def weekdays_named(folded: str) -> tuple[str, ...]:
    """Return the days of the week a (folded) question names, as day cells write them ("週五", "Friday" -> "五")."""
    named: list[str] = []
    for m in _WEEKDAY.finditer(folded):
        if m[2]:
            named.append(WEEKDAYS[_ENGLISH_WEEKDAYS.index(m[2])])
            continue
        first, last = m[1][0].replace("天", "日"), m[1][-1].replace("天", "日")
        if len(m[1]) == 3 and m[1][1] in "到至~-":  # "週一到三": a range
            a, b = WEEKDAYS.index(first), WEEKDAYS.index(last)
            named += list(WEEKDAYS[a : b + 1]) if a <= b else [first, last]
        else:
            named += [first, last]  # "星期六日", "週一、三"
    return tuple(dict.fromkeys(named))


def trip_day(folded: str) -> int:
    """Return the day of the trip a question names counting from its start (1 for "第一天"), -1 for its last day,
    or 0."""
    m = _TRIP_DAY.search(folded)
    if not m:
        return 0
    if m.group(3):
        return -1
    word = m.group(1) or m.group(2) or m.group(4)
    if word[0].isdigit():
        return int(word.rstrip("stndrh"))
    return _DAY_ORDINALS.get(word) or _ORDINALS.get(word, 0)


def follow(intent: Intent, previous: Intent) -> Intent:
    """Return a follow-up's intent completed from the previous question's: "那天下午呢？" keeps that day, and
    "之後呢？" after a morning is that afternoon (an afternoon's row lists its visits in order, so after an
    afternoon it is that row again). A follow-up asking anything more ("他下午演講的主題是什麼？") keeps its own."""
    if previous.kind != ITINERARY or not intent.bare or previous.whole:
        return intent  # after every row "那天" names no one day: read on its own
    if previous.in_place:  # after a place's rows, no one day; after its n-th day, the day that answer gave
        half = intent.half or ("下午" if intent.then else "")
        return replace(intent, kind=ITINERARY, anchored=True, half=half) if previous.trip_day and half else intent
    if intent.anchored:  # "隔天呢？" after "6/22 上午做了什麼？": 6/23, all of it unless a half-day is named
        half = intent.half if intent.shift else intent.half or previous.half
        return replace(previous, half=half, shift=previous.shift + intent.shift)
    if intent.kind:
        return intent
    if intent.half:
        return replace(previous, half=intent.half)
    if intent.then:
        return replace(previous, half="下午")
    return intent


# Who else was there beside those just named ("還有誰也去了？", "who else came?").
_WHO_ELSE = re.compile(r"還有誰|還有哪些人|還有什麼人|\bwho else\b")


def asks_who_else(question: str) -> bool:
    """Return True when a (normalized) question asks who else was there beside those just named, naming no trip
    ("還有誰也去了？"): after an answer about a visit, who else was at it, not the trip's members."""
    folded = fold(question)
    return bool(_WHO_ELSE.search(folded)) and not _WHOLE_TRIP.search(folded)


def names_the_trip(question: str) -> bool:
    """Return True when a question names the trip as a whole ("這趟", "考察團", "the delegation"), not one visit."""
    return _THE_TRIP.search(fold(question)) is not None


def asks_who_led_a_visit(question: str, context: str) -> bool:
    """Return True when a question of who led (the cover's 姓名職稱), asked after a question of the itinerary
    (`context`, the earlier questions), asks who led that day's visit: "是誰帶隊去的？" after "6/23 下午去了哪？",
    not "這趟是誰帶隊？", which names the whole trip."""
    intent = read_intent(question)
    if intent.kind != COVER or intent.field != LEADER_FIELD or names_the_trip(question):
        return False
    return any(read_intent(part).kind == ITINERARY for part in re.split(r"(?<=[?？])\s*", context) if part.strip())
