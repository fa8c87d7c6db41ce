"""What kind of answer a question asks for (a date, a number, a person) and what kinds a sentence offers.

"招商晚宴在哪一天舉行？" is answered by a sentence with a date in it, "Who designed …?" by one
that names somebody. The answer step gives such sentences a small lead over sentences that
merely share the question's words.
"""

from __future__ import annotations

import re

from .text.normalize import HAN_CHARS, HAN_RUN_RE, fold
from .text.tokens import date_tokens, without_dates
from .text.words import PEOPLE_CALL_A_NAME

DATE, NUMBER, PERSON, REASON, MONEY = "date", "number", "person", "reason", "money"
# What a visit was for: "為什麼要去…？", "what was the point of…" is answered by what the writers' own city
# takes home from it ("作為本市…之參考", "盼借鏡…"), more than by a cause in the visited party's story.
PURPOSE = "purpose"
# Where something is or was held ("在哪裡舉辦？", "where was … held"): a sentence placing it ("位於…", "於…舉辦").
WHERE = "where"
# A day of the month (6 月 20 日, 6/20): what "哪一天" asks for, which a year alone does not answer.
DAY = "day"
# What something is called besides its name (a nickname, an epithet): "有什麼外號？" is answered by "…被暱稱為「…」".
ALIAS = "alias"
# A gift given or received ("送了市長什麼禮物？", "what did they give him as a souvenir?"): a sentence telling of one
# ("致贈…", "…紀念品").
GIFT = "gift"
# A gift given back ("市長有回送什麼嗎？", "what did the mayor give him in return?"): told only by a sentence telling of
# one given back or exchanged, not by the gift it returns.
RETURN_GIFT = "return-gift"
# What the gift was ("紀念品是什麼？", "送了什麼給他？", "what was the souvenir?"): told only by a sentence naming it
# ("致贈市長一幅書法"), not by one telling that a gift was given in the gift's generic word ("致贈紀念品予<name>").
NAMED_GIFT = "named-gift"
_GIFT_WORDS = r"(?:禮物|禮品|紀念品|伴手禮|贈品|東西)"
_WHAT_GIFT_RE = re.compile(
    rf"(?:什麼|甚麼|啥|哪[一個樣種件些]?)(?:樣的|種)?\s*{_GIFT_WORDS}"  # "什麼禮物", "哪一種紀念品"
    r"|(?:送|贈)(?:了|給)?[^，,。？?]{0,8}?(?:什麼|甚麼|啥)(?!時候|場合|地方|時間)"  # "送了他什麼", not "在什麼場合送"
    rf"|{_GIFT_WORDS}[^，,。？?]{{0,6}}?(?:是|為)(?:什麼|甚麼|啥|何物)"  # "紀念品是什麼東西"
    r"|\bwhat (?:kind of |sort of )?(?:gifts?|souvenirs?|presents?|keepsakes?|mementos?)\b"
    r"|\bwhat (?:was|were|is) (?:the|that|their|his|her) (?:gifts?|souvenirs?|presents?|keepsakes?|mementos?)\b"
    r"|\bwhat did (?:\w+ ){1,3}(?:give|present|hand)\b",
    re.I,
)
_GIFT_GIVEN_RE = re.compile(r"(?:贈|回送|送(?:給|予|上))(?:送|予)?(?P<rest>[^，。；,;]*)")
_GENERIC_GIFT_RE = re.compile(r"紀念(?:品|禮品?)|禮物|禮品|贈品|伴手禮|禮|[a-z][\w'’.-]*", re.I)
_RETURN_ASKED_RE = re.compile(r"回送|回禮|回贈|回敬|\bin return\b|\b(?:give|gave) (?:\w+ )?back\b(?!\s+to\b)", re.I)
_RETURN_TOLD_RE = re.compile(r"回送|回禮|回贈|互贈|互相贈送|交換禮")
# What sets something apart ("有什麼特別的地方？", "what's special about …", "好在哪？", "its strengths"): a sentence
# telling a first, an only or a most ("世界上第一個…", "唯一…", "全球最大…") or naming its advantages ("擁有…等優勢").
DISTINCTION = "distinction"
# Why something was so and not otherwise ("為什麼是副市長出來，不是市長？", "why wasn't it the mayor?"): a cause, not a
# purpose, told by a sentence giving one ("適逢…，故…", "由於…").
CAUSE = "cause"
# Not 有沒有 and 是不是, which ask yes or no. "Why only deputies?" (只, only) asks why not others too.
_OTHERWISE_ASKED_RE = re.compile(
    r"(?<!是)不是(?!不)|而非|並非|(?<!有)沒有|(?<!有)沒(?=[來去見到出])|\bnot\b|n't\b|\binstead\b|\brather than\b"
    # "why only…" in the clause asking why, not "我只是好奇" or "I only need the gist" beside it
    r"|(?:為什麼|為何|為啥|怎麼)[^？?。，,]*只(?![是要])|\b(?:why|how come)\b[^?.]*\bonly\b",
    re.I,
)
# A cause, not a consequence (因此, 所以, 故此): "故" after no 事 or 緣 (事故, 緣故).
_CAUSE_OFFERED_RE = re.compile(r"適逢|由於|因為|(?<![事緣])故(?=由|而|將)")
# What something mainly goes after ("主攻哪一塊？", "重點放在哪？", "what will it mainly focus on?"): a sentence saying what it
# puts first ("將以…為主", "以…為主軸", "聚焦於…").
FOCUS = "focus"
_FOCUS_OFFERED_RE = re.compile(
    r"以(?![利便免期致])[^，。；,;]{1,24}?為主(?![題體辦任席管持導要義角張人權編])|聚焦(?:於|在)"
)
# Several things asked for at once ("有哪些景點？", "what are the sections of…?", "分成哪幾段？"): a sentence naming
# three or more, one after another ("…包括 A、B、C…").
ITEMS = "items"
_ITEMS_ASKED_RE = re.compile(
    r"哪些|哪幾|(?<![部身])分[成為]|由什麼組成|包括什麼|包含什麼|列出|列一下|\bwhat are (?:the|its|their)\b"
    r"|\bwhich (?:\w+ )?(?!(?:is|was|has|does|goes)\b)\w+s\b"
    r"|\b(?:list|name) (?:all|the|every)\b|\bmake up\b|\bconsists? of\b|\bsplit into\b|\bdivided into\b",
    re.I,
)
_ITEMS_OFFERED_RE = re.compile(r"[^、，。；]{1,40}、[^、，。；]{1,40}、")
# What is to be done from now on ("簽完之後他們會幫本市做什麼？", "what's the company supposed to do for us?"): a
# sentence telling a plan or a commitment ("未來…將提供本市…", "後續將協助…", "預計…").
PLANNED = "planned"
_PLANNED_ASKED_RE = re.compile(
    r"(?:之後|以後|往後|接下來|未來|後續)[，,]?[^，,。？?]{0,8}?(?:會|要|將|打算|準備|計畫|計劃)"
    r"|\b(?:supposed|going|planning|expected) to\b|\bwill (?:they|it|the \w+) (?:do|provide|help|bring)\b|\bnext steps?\b",
    re.I,
)
# 將 as "will", before a verb or a modal (not the written 把: "將生活中的每一個物件連網"); 規劃 as planning, not a
# bureau's or an institute's name (都市規劃局, 城市規劃研究院).
_PLANNED_OFFERED_RE = re.compile(
    r"未來|預計|計畫|計劃|規劃(?![局院處所]|研究)"
    r"|將(?:會|於|可|能|與|持續|提供|協助|推動|建立|成為|積極|全力|進一步|陸續|擴大|引進|設立|導入|共同|透過|結合)"
)
# A plan asked of where to go or when ("簽完之後要去哪裡？", "what time were they supposed to arrive?"), how to get on or
# what came next ("參觀完之後，要搭什麼車到下一站？", "致詞之後，要做什麼活動？") is a step of the trip, which its
# itinerary tells.
_TRIP_STEP_ASKED_RE = re.compile(
    r"去哪|到哪|住哪|過夜|搭|坐車|下一站|活動|\barriv|\bgo(?:ing)? to (?:see|visit)\b|\bsee\b", re.I
)

_PERSON_RE = re.compile(r"誰|哪位|何人|\bwho(?:m|se)?\b", re.I)
# A name asked for ("叫什麼名字", "what's her name", "which local mayor").
_NAME_ASKED_RE = re.compile(
    r"名字|姓名|叫什麼|叫啥|\b(?:his|her|whose) name\b|\bname of the (?:\w+ )?mayor\b|\bwhich (?:[a-z']+ )?mayor\b",
    re.I,
)
# Asking an amount of money: a budget, a cost, a price, a fee, revenue.
_MONEY_ASKED = re.compile(
    r"經費|預算|費用|花費|花了多少|多少錢|價格|票價|門票|成本|金額|營收(?!分)|營業額|\bcost|\bbudget"
    r"|\bhow much money\b|\bprice|\bspen[dt]\b|\bexpenses?\b|\bfees?\b|\b(?:annual |yearly )?revenues?\b(?! shar)",
    re.I,
)
# Chinese and English wordings; an English question reaches here with Chinese words added (translation.py).
# "那幾個", "這幾天" point at a few things and "哪幾個" asks which: no number asked.
_ASKS = (
    (
        DATE,
        re.compile(r"哪一?天|何時|什麼時候|幾月|幾號|哪一?年|日期|\bwhen\b|\b(?:what|which) (?:day|date|year)\b", re.I),
    ),
    (
        NUMBER,
        re.compile(
            r"多少|(?<![那這哪])幾(?![號月])|多大|多長|多遠|多高|多久|比例|百分之"
            r"|\bhow (?:many|much|large|big|long|far|tall|old)\b|\bwhat (?:share|percentage|proportion)\b",
            re.I,
        ),
    ),
    # When the delegation went somewhere is a day of the trip ("when did the mayor go to …"), not a year.
    (
        DAY,
        re.compile(
            r"哪一?天|幾號|幾月幾[日號]|\b(?:what|which) (?:day|date)\b|\bon what date\b"
            r"|\bwhen did (?:they|we|the (?:mayor|deputy mayor|director|minister|delegation|team|group))\b[^?]*?"
            r"\b(?:go|visit|meet|tour|travel|fly|arrive|attend|drop)\b",
            re.I,
        ),
    ),
    (PERSON, _PERSON_RE),
    (
        ALIAS,
        re.compile(
            r"外號|(?<!特)別稱|暱稱|綽號|別名|稱號|美譽|雅號|又稱|又叫|被叫(?:做|作|為)|叫做|叫作"
            r"|(?:為什麼|為何)(?:會)?(?:被)?叫[「『\"“]|\bnick-?named?\b|\bknown as\b|\bdubbed\b"
            rf"|{PEOPLE_CALL_A_NAME}",  # what people call a place ("why do people call <city> the red city?")
            re.I,
        ),
    ),
    (
        FOCUS,
        re.compile(
            r"主攻|主力(?:放在|擺在|在哪|是什麼|是啥)|重心(?:放在|擺在|在哪|在什麼|是什麼|是啥)|重點(?:放在|擺在)|聚焦(?:在|於)?(?:哪|什麼|啥)|以(?:什麼|啥|哪)[^，。？?,]{0,6}為主"
            r"|\b(?:mainly|mostly|primarily) (?:focus|concentrate)|\bfocus(?:es|ed|ing)? (?:mainly |mostly )?on\b|\bmain focus\b",
            re.I,
        ),
    ),
    (
        DISTINCTION,
        re.compile(
            r"(?<!為)(?:什麼|啥|哪些|何)(?:特別|特殊|獨特|厲害|了不起)(?=的地方|之處|[嗎呢？?。，,]|$)"
            r"|特別(?:的地方|之處|在哪)|(?:什麼|啥|何|的)(?:特色|特點|亮點)|(?<!最)(?:好|強|厲害|優秀)在哪|優點|優勢|長處|強項"
            r"|(?<!take )(?<!took )(?<!taking )(?<!takes )\badvantages?\b|\b(?:strengths?|strong points?|selling points?)\b|\bwhat(?:'s| is| was) (?:so )?good about\b"
            r"|\b(?:what(?:'s| is| was| makes)|anything)\b[^?]*\b(?:special|unique|notable|remarkable|distinctive)\b"
            r"(?=\s+(?:about|in|of)\b|\s*[?？]?\s*$)|\bstands? out\b|\bclaim to fame\b",
            re.I,
        ),
    ),
    # "<noun>為何？" closing a question is formal "what is <noun>?"; 為何 before a verb asks why.
    (
        REASON,
        re.compile(
            r"為什麼|為何(?!\s*[？?。，,]|\s*$)|為啥|憑(?:什麼|甚麼|啥)|幹嘛(?!用)|為了(?:什麼|甚麼|啥)|原因|目的|動機|用意|參考(?:什麼|甚麼|啥)"
            # "怎麼不是局長親自接待？", "怎麼沒去…", "怎麼會…": why (not); not how (怎麼走, 怎麼不同, 怎麼會合);
            # "怎麼是副局長出來，不是局長？": why one and not the other
            r"|怎麼(?:不是|沒有?|會(?![合議面])|反而|只有?)|怎麼是(?=[^。？?]{0,16}?(?:(?<!是)不是|而非))"
            r"|\bwhy\b|\bhow come\b|\bwhat for\b|\bpurpose\b|\breason\b|\bthe point of\b|\b(?:meant|supposed) to (?:help|feed|inform)",
            re.I,
        ),
    ),
    (
        GIFT,
        re.compile(
            r"禮物|禮品|伴手禮|紀念品|贈品|回禮|(?<![運輸傳遞發播護接歡])送(?![到往去交審出回機行達走])(?:了|給)?"
            r"[^，,。？?]{0,6}?(?:什麼|啥|東西)|\b(?:gifts?|souvenirs?|keepsakes?|mementos?)\b",
            re.I,
        ),
    ),
    (MONEY, _MONEY_ASKED),
)
# An amount of money as reports write it: a currency before or after the figure (新臺幣 1,000 億元, 3 萬歐元, €20).
_MONEY_RE = re.compile(
    r"(?:新臺幣|新台幣|nt\$|us\$|\$|€|歐元|美元|日圓|人民幣)\s*[\d,.一二三四五六七八九十百千萬億兆]+"
    r"|(?:\d[\d,.]*|[一二三四五六七八九十百千]+)\s*(?:[萬億兆千]\s*)?(?:元|歐元|美元|日圓|euros?|dollars?)",
    re.I,
)
# A sentence telling of a gift: given (贈, 送給), or named as one (禮, 紀念品).
_GIFT_RE = re.compile(r"贈|(?<![典婚葬喪])禮(?![拜堂儀賓遇貌相])|紀念品|送(?:給|予|上)")
# A sentence giving a purpose or a cause: a clause opening with 為 ("in order to"), 盼/期望/希望…, 藉此…,
# 以利…, 旨在…, 因為/由於/適逢/考量….
_REASON_RE = re.compile(
    r"(?:^|[，；。、])\s*為(?![主首例何什])|為了|盼|期望|期能|希望|藉此|藉由|以利|以期|旨在|目的(?!地)|因為|由於|適逢|考量|借鏡|[作做]為[^，。；]{0,32}參考"
)
# Asking where something is or was held (設在哪, 辦在哪, "where was … held"), not where the delegation went next.
_WHERE_ASKED_RE = re.compile(
    r"(?:設在|設於|位於|坐落|座落|開在|辦在|舉辦|舉行|召開)[^，。？?]{0,4}(?:哪(?:裡|里|兒|邊|一帶|個(?:城市|地方|國家|場地))|何處|什麼地方)"
    r"|(?:舉辦|舉行)地點|在哪一帶"
    r"|在(?:哪(?:裡|里|兒|邊|一?個(?:城市|地方|國家|場地))?|何處|什麼地方)(?:舉辦|舉行|召開|開(?![車始發放])|辦(?![公理事簽手證]))"  # "是在哪兒開的？"
    r"|\bwhere (?:is|was|are|were)\b.*\b(?:held|located|based|headquartered|sited)\b",
    re.I,
)
# A sentence placing something: 位於…, 於…舉辦.
_WHERE_OFFERED_RE = re.compile(
    r"位於|設於|坐落|座落|(?<![由關對終現正存實])[於在](?!\s*\d)[^，。；]{2,20}?(?:舉辦|舉行|召開|展出)"
)
# A why-question about a step of the trip (going, visiting, arranging it), not about a cause in what was seen.
_TRIP_WHY_RE = re.compile(
    r"要去|去看|去走|去了|特地|專程|專門去|特別去|排去|安排|行程[^，。？?]{0,4}排|拜訪|參訪|走訪|造訪|參觀|出訪|參考|學習|想學|取經"
    r"|\b(?:visit(?:ed|ing)?|go (?:to|see)|went|walk(?:ed|ing)?|tour(?:ed|ing)?|see|trip|agenda|the point|bother)\b",
    re.I,
)
# A sentence telling what the writers' city takes from a visit: a purpose word and the city's own name for itself.
_PURPOSE_RE = re.compile(r"參考|借鏡|期望|盼|希望|期能|以期|以利|目的(?!地)|為了|學習|取經")
# How the writers name their own side: a city's (本市, 本府), a ministry's or an agency's (本部, 本署, 本局, 本會).
_OWN_SIDE_RE = re.compile(r"本市|本府|本縣|本部|本署|本局|本會|本處|本院|我市|我國")
# A first, an only or a most: what a DISTINCTION question is answered by ("最多可容納…" is at most, "第一項" an item).
_DISTINCTION_RE = re.compile(
    r"第一(?:[個座架條家位台臺]|大)|首(?:座|創|個|架|條|家|見|屈一指)|唯一|獨一無二|之最|世界第[一二三四五六七八九十]大"
    r"|最(?:大|早|長|高|暢銷|先進|知名|古老|重要|具代表性|大型)|(?:世界|全球|全國|全世界|歐洲|亞洲)(?:上)?(?:第一|最|首)"
    r"|優勢|優點|長處|強項"
)
# How a report gives something's other name: "被暱稱為「風城」", "素有…之稱", "享有…美譽".
_ALIAS_RE = re.compile(r"稱為|之稱|暱稱|美譽|又稱|號稱|譽為|稱作|人稱|\bknown as\b", re.I)
# Which ones, asked beside a count or alone ("是哪幾家？", "是哪些？", "which ones?", "name them").
_WHICH_ONES_RE = re.compile(
    r"哪幾(?P<measure>[家位個間項種座所])|是哪些|分別是(?=哪|誰|什麼)|\bwhich ones\b|\b(?:name|list) them\b"
    r"|\bwhat are they\b|\bwho are they\b"
)
# "有多少員工？" counts 員工: a number of something else (an area, a year) does not answer it. Not an ordinal
# (第幾), a list (哪幾), a few pointed at (那幾個行程) or a date (幾號, 幾年, 幾天), which other kinds check.
_COUNTED_RE = re.compile(
    rf"(?<![第哪那這])(?:多少|幾)(?P<measure>個|位|名|家|座|項|條|場|種|間)?(?P<noun>[{HAN_CHARS}])"
)
# Measure words that tell what is counted whatever noun follows: "多少家荷蘭企業" counts firms (家), not 荷.
_TELLING_MEASURES = frozenset("位名家間")
# A counted noun's characters read for its head (the last), and the heads that count people (研究人員, 公務員).
_NOUN_CHARS = 4
_PEOPLE_HEADS = frozenset("人員")
_NOT_COUNTED = frozenset("號月天日點成錢歲總")
# "How many reporters…": English nouns for what a measure word counts, people (人) or firms (家). Other nouns
# count nothing a measure word tells, and are left unchecked.
_ENGLISH_COUNTED = (
    (
        "人",
        re.compile(
            r"\b(?:people|persons?|visitors?|guests?|reporters?|journalists?|attendees?|participants?|employees?"
            r"|staff|workers?|members?|officials?|delegates?|residents?|inhabitants?|students?)\b"
        ),
    ),
    (
        "家",
        re.compile(r"\b(?:companies|company|firms?|businesses|enterprises?|exhibitors?|manufacturers?|suppliers?)\b"),
    ),
)
# The words after "how many" up to the verb ("how many Taiwanese companies exhibited…"): what is counted.
_HOW_MANY_RE = re.compile(r"\bhow many\s+((?:[a-z-]+\s+){0,3}[a-z-]+)")
_COUNT_VERB_RE = re.compile(r"\b(?:do|does|did|is|are|was|were|have|has|had|will|would|can|could)\b.*")
# A share asked for ("比例多少", "幾成"): a percentage answers it, whatever it counts.
_SHARE_RE = re.compile(r"比例|比率|百分|佔比|占比|幾成|\bpercent|\bshare\b")
# What counts people, firms, years, floors, terms and planes: a number of these is not stated in other units
# (tonnes, square metres), so a sentence without one counting them does not answer "幾層樓？". Times (次) and
# editions (屆) are not held to it: "多次", "未來三年" answer them loosely.
HEADCOUNT_NOUNS = frozenset("人名位員家間年層任架")
# Measure words that count the same things: people (人, 名, 位), staff (員 of 員工, 名, 位: not 人, which also
# counts a town's people), firms (家, 間).
_SAME_MEASURE = ("人名位", "員名位", "家間")
# A count named before its question word: "報名人數有多少？" counts 人 (人數, 家數, 次數).
_COUNT_BEFORE_RE = re.compile(
    rf"(?P<noun>[{HAN_CHARS}])數(?:大概|大約|約|總共|一共|共)?(?:有|是|為)?(?:多少|幾)"
    # "人口有多少？": what has how many, asked last (人口 counts 人).
    rf"|(?P<whole>[{HAN_CHARS}])[{HAN_CHARS}](?:大概|大約|約|總共|一共|共)?(?:有|是|為)多少\s*[?？]?$"
)
_NUMBER_RE = re.compile(r"[\d一二三四五六七八九十百千萬億兩]+")
# How far from a number its noun may stand: "設有 12 家區域分支機構", "共 3 萬家企業", "持股 84%".
_COUNT_REACH = 8
# After the trip, and asking whether: "後來…有沒有", "回國以後…是否", "did … eventually", "ended up".
_LATER_RE = re.compile(
    r"後來|回(?:國|臺|台|來)(?:之|以)?後|事後|\beventually\b|\blater on\b|\bsince then\b"
    # "ended up" after the trip, not what a meeting "ended up talking about" nor where the trip "ended up going to"
    r"|\bend(?:ed)? up\b(?! (?:talking|discussing|chatting|covering|going over|speaking|hearing|seeing"
    r"|going (?:to|there|back)|visiting|touring|stopping (?:at|in|by)|heading (?:to|over))\b)"
    # "最後有沒有真的…" asks the outcome; "最後是否由市長簽署？" asks how an event of the trip ended.
    r"|最[後終](?=(?:有沒有|是否|到底)?真的)"
    # "最後有沒有回覆/答應…": whether the other side answered, which came after the trip ("最後是否確定由…" asks how
    # an event of the trip ended).
    r"|最[後終](?=(?:有沒有|是否|到底)?(?:正式)?(?:回覆|回應|答應|同意|接受|承諾)|有(?:正式)?(?:答應|接受|承諾))"
    # "ever actually … after the trip": "ever" alone asks of all time ("was it ever a market?")
    r"|\b(?:ever|actually)\b[^?]*\bafter (?:the|this|that|their) (?:trip|visit)\b"
    r"|\b(?:ever|actually|really)\b[^?]*\bafterwards?\b"
    # "did they actually accept…", "how many deals actually came out of…": what came of it.
    r"|\bactually (?:accept(?:ed)?|agree(?:d)?|land(?:ed)?|c[ao]me (?:out|through)|materiali[sz]e(?:d)?)\b"
    # "現在落地了哪些項目？": where it stands now.
    r"|(?:現在|至今|迄今)[^，。？?]{0,6}(?:落地|落實|進展|進度|談成|成交|實現|兌現)"
)
_WHETHER_RE = re.compile(
    r"有沒有|是否|真的|到底|嗎|了沒|\b(?:did|has|have|was|were|how many)\b"
    # What came of it, asked outright ("談成了幾筆？", "落地了哪些項目？", "後來落實了哪些？").
    r"|談成|成交|落地|落實了|有(?:沒有)?落實|實現|兌現|進展|進度"
)
# A step of the trip itself ("後來去參觀了什麼？"): the report does tell of it.
_TRIP_STEP_RE = re.compile(
    r"去|參訪|參觀|拜會|拜訪|行程|那天|當天|上午|下午|晚上|\b(?:visit|tour|go|went|afternoon|morning)\b"
)
# "After the visit", "參訪後": the trip as a point in time, no step of it.
_AFTER_THE_TRIP_RE = re.compile(
    r"\bafter (?:the|this|that|their) (?:visit|trip|tour)\b|(?:參訪|拜會|拜訪|參觀|出訪)(?:之|以)?後"
)
# A year, or a month named without its day ("今年 9 月舉辦", "於 9 月"): a time (3 個月 is none: 個 stands between).
_YEAR_RE = re.compile(
    r"\d{4}\s*年|\d{2,3}\s*年\s*\d{1,2}\s*月|(?<!\d)(?:1[0-2]|0?[1-9])\s*月(?![\s\d]*[日號号]|份?\s*\d)"
)
_DIGIT_RE = re.compile(r"\d")
# A European name (Jan Visser, Jean-Marc Dupont) or a title the report puts next to a name.
_LATIN_NAME_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:[-\s][A-ZÀ-Ý][A-Za-zà-ÿ]+)+")
_TITLES = r"市長|主席|總裁|經理|董事長|局長|處長|大使|院長|主任|總編輯|負責人|建築師|部長|執行長|代表|教授|先生|女士"
TITLE_RE = re.compile(_TITLES)
# A title as a sentence gives it, a deputy's (副) told apart from the head's.
_FULL_TITLE_RE = re.compile(rf"副?(?:{_TITLES})")
# Characters before a title that make it no one's name: a pronoun or a count ("該市副市長", "兩位副市長"), a
# place's or an office's word ("本市市長", "總部主任").
_NOT_A_NAME = frozenset("該本其此各每位名兩二三四市府局處部院會司團")
_HAN_RE = re.compile(rf"[{HAN_CHARS}]")
_LATIN_BEFORE_RE = re.compile(rf"(?:{_LATIN_NAME_RE.pattern})\s*$")
# Words a bare title follows ("改由副市長接待", "與市長會面"): no name.
_WORD_BEFORE_A_TITLE = frozenset("由與及和向請為的對讓被將把跟同在於從")
_GLOSS_BEFORE_RE = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")
# A question asking which holder of a title ("哪位副市長", "副市長是誰", "副市長叫什麼名字"): a sentence naming
# somebody with another title (the 市長 for a 副市長) does not answer it.
_TITLE_ASKED_RE = re.compile(
    rf"(?:哪一?位|哪個|誰是)\s*(?P<a>{_FULL_TITLE_RE.pattern})|(?P<b>{_FULL_TITLE_RE.pattern})\s*(?:是誰|叫什麼|的名字|的姓名)"
)
TITLE = "title:"
# A title held by a person the sentence names ("范德堡（Jan van der Berg）市長", "王市長"), not one standing alone ("市長表示…",
# which in the genre is the writers' own head).
NAMED_TITLE = "named-title:"
# A title asked of another place than the writers' own ("當地的市長", "那個小鎮的鎮長", "the local mayor"): its holder
# is somebody the report names, never the bare title that means the writers' own head.
OTHER_HOLDER = "other-holder"
_OTHER_HOLDER_RE = re.compile(
    r"(?:當地|该地|該地|小鎮|小镇|鎮上|該市|该市|那座城市|那個城市|對方)的?\s*(?P<a>市長|市长)|(?P<b>鎮長|镇长)"
    r"|\b(?:local|town'?s?|village'?s?) mayor\b|\bmayor of (?:the|that) (?:town|village)\b",
    re.I,
)
# The place named before a comma ("<company>所在那個小鎮，市長叫什麼名字？"): another place's head only when a name or a
# person is asked ("那個小鎮，市長有什麼感想？" asks of the writers' own).
_OTHER_HOLDER_BEFORE_COMMA_RE = re.compile(
    r"(?:當地|该地|該地|小鎮|小镇|該市|该市|那座城市|那個城市)\s*[,，、]\s*(?:市長|市长)"
)


# Whether a fee must be paid or is charged, asked yes or no ("does the terminal charge docking fees?", "要付停泊費嗎？"), asks
# no amount; a budget, a cost or a fee's amount asked yes or no ("預算有寫嗎？", "is the fee amount given?") still does.
_YES_OR_NO_RE = re.compile(
    r"^(?:does|do|did|is|are|was|were|will|would|can|could|has|have|had|should)\b|嗎\s*[？?]?\s*$|有沒有|是否|需不需要|要不要",
    re.I,
)
_FEE_PAID_RE = re.compile(
    r"\b(?:pay|pays|paying|paid|charge[sd]?|charging|require[sd]?|requiring|need(?:s|ed)?)\b[^?]{0,30}?\bfees?\b"
    r"|(?:付|繳|收|支付)[^，。？?]{0,8}?費",
    re.I,
)
# Something said to be cheap ("低成本", "成本低", "low-cost"): no amount of money asked.
_CHEAP_RE = re.compile(
    r"低成本|成本[^，。？?]{0,4}?低|\blow(?:er)?[- ]costs?\b|\bcosts? (?:so )?(?:little|less)\b|\bcheap(?:er|ly)?\b",
    re.I,
)
# A cause and an amount asked side by side ("目的和經費", "the purpose and the budget"): both asked.
_CAUSE_AND_AMOUNT_RE = re.compile(
    r"(?:目的|原因|理由|\bpurpose|\breason)\s*(?:和|及|與|以及|跟|、|\band\b)\s*(?:the |its )?"
    r"(?:經費|預算|費用|花費|成本|budget|cost|expenses?)"
    r"|(?:經費|預算|費用|花費|成本|budget|cost|expenses?)\s*(?:和|及|與|以及|跟|、|\band\b)\s*(?:the |its )?"
    r"(?:目的|原因|理由|purpose|reason)",
    re.I,
)
_HOW_MUCH_RE = re.compile(r"多少|幾[百千萬億]|\bhow much\b|\bamount\b", re.I)
_AMOUNT_ASKED_RE = re.compile(r"多少|幾|金額|\bhow much\b|\bamount\b|\bwhat\b|\bhow\b", re.I)


def asked_kinds(question: str) -> frozenset[str]:
    """Return the kinds of answer a (normalized) question asks for: any of DATE, DAY, NUMBER, PERSON, ALIAS,
    DISTINCTION, FOCUS, REASON (and PURPOSE, of a step of the trip), WHERE, GIFT, MONEY (a question asking for a day
    asks for a DATE too)."""
    kinds = {kind for kind, pattern in _ASKS if pattern.search(question)}
    kinds |= {TITLE + t for t in _titles_asked(question)}
    if _asks_another_head(question):  # a town's head is written 市長 whatever the question calls it
        kinds |= {PERSON, TITLE + "市長", OTHER_HOLDER}
    if REASON in kinds and _TRIP_WHY_RE.search(question):
        kinds.add(PURPOSE)
    if REASON in kinds and _OTHERWISE_ASKED_RE.search(question):
        kinds.add(CAUSE)
    if _WHERE_ASKED_RE.search(question):
        kinds.add(WHERE)
    if _RETURN_ASKED_RE.search(question):
        kinds |= {GIFT, RETURN_GIFT}
    if GIFT in kinds and _WHAT_GIFT_RE.search(question) and not _YES_OR_NO_RE.search(question.strip()):
        kinds.add(NAMED_GIFT)  # "有回送什麼嗎？" asks whether anything was, which "互贈紀念品" answers
    fee_paid = _YES_OR_NO_RE.search(question.strip()) and _FEE_PAID_RE.search(question)
    if MONEY in kinds and fee_paid and not _AMOUNT_ASKED_RE.search(question):
        kinds.discard(MONEY)
    if MONEY in kinds and not _HOW_MUCH_RE.search(question):
        cheap = not _MONEY_ASKED.search(_CHEAP_RE.sub(" ", question))  # "what makes it low-cost?"
        why = REASON in kinds and not _CAUSE_AND_AMOUNT_RE.search(question)  # "why did they spend two days there?"
        if cheap or why:
            kinds.discard(MONEY)
    return frozenset(kinds)


def planned_asked(question: str) -> bool:
    """Return True when a (normalized) question asks what is to be done from now on ("簽完之後會幫本市做什麼？",
    "what's the company supposed to do for us?"), not whether something came about later (asks_later_outcome)."""
    if asked_kinds(question) & {REASON, DATE, DAY, WHERE} or _TRIP_STEP_ASKED_RE.search(question):
        return False  # "what is it supposed to feed into back home?" asks a purpose; "之後要去哪裡？" a next stop
    return bool(_PLANNED_ASKED_RE.search(question)) and not asks_later_outcome(question)


def items_asked(question: str) -> bool:
    """Return True when a (normalized) question asks for several things at once ("有哪些景點？", "what are the sections
    of…?"), not for people, dates or numbers: a sentence naming them one after another (ITEMS) answers it. Not one of
    `asked_kinds`, which tell a record question from a free one."""
    return bool(_ITEMS_ASKED_RE.search(question)) and not asked_kinds(question) & {PERSON, DATE, NUMBER}


def holders_asked(question: str) -> frozenset[str]:
    """Return the NAMED_TITLE kinds of the titles whose holder a (normalized) question asks the name of ("哪位副市長",
    "那個小鎮的市長叫什麼名字"); none when it names a title but asks something else ("為什麼跟小鎮的市長見面？")."""
    titles = _titles_asked(question)
    if _asks_another_head(question) and _asks_a_name(question):
        titles.add("市長")
    return frozenset(NAMED_TITLE + t for t in titles)


def _titles_asked(question: str) -> set[str]:
    """Return the titles whose holder a (normalized) question asks which one ("哪位副市長", "局長叫什麼")."""
    return {m.group("a") or m.group("b") for m in _TITLE_ASKED_RE.finditer(question)}


def _asks_a_name(question: str) -> bool:
    return bool(_PERSON_RE.search(question) or _NAME_ASKED_RE.search(question))


def _asks_another_head(question: str) -> bool:
    """Return True when a (normalized) question names the head of another place than the writers' own."""
    return bool(
        _OTHER_HOLDER_RE.search(question) or (_OTHER_HOLDER_BEFORE_COMMA_RE.search(question) and _asks_a_name(question))
    )


def offered_kinds(sentence: str) -> frozenset[str]:
    """Return the kinds of answer a sentence of the report can give: DATE, DAY, NUMBER, PERSON, ALIAS, DISTINCTION,
    FOCUS, REASON, PURPOSE, WHERE, GIFT, MONEY, ITEMS and/or PLANNED."""
    folded = fold(sentence)
    kinds = set()
    if _DIGIT_RE.search(folded):
        if _DIGIT_RE.search(without_dates(folded)):  # "6 月 23 日" alone gives a day, no amount
            kinds.add(NUMBER)
        dates = date_tokens(folded)
        if dates or _YEAR_RE.search(folded):
            kinds.add(DATE)
        if any("/" in d for d in dates):
            kinds.add(DAY)
    if _MONEY_RE.search(folded):
        kinds.add(MONEY)
    if _GIFT_RE.search(folded):
        kinds.add(GIFT)
    if _RETURN_TOLD_RE.search(folded):
        kinds |= {GIFT, RETURN_GIFT}
    if GIFT in kinds and _names_a_gift(folded):
        kinds.add(NAMED_GIFT)
    named = [t for t in _FULL_TITLE_RE.finditer(sentence) if _beside_a_name(sentence, t.start(), t.end())]
    if _LATIN_NAME_RE.search(sentence) or named:
        kinds.add(PERSON)
        kinds |= {TITLE + t.group(0) for t in named}
        kinds |= {NAMED_TITLE + t.group(0) for t in named if _names_its_holder(sentence, t.start(), t.end())}
    if _REASON_RE.search(sentence):
        kinds.add(REASON)
    if _PURPOSE_RE.search(sentence) and _OWN_SIDE_RE.search(sentence):
        kinds.add(PURPOSE)
    if _WHERE_OFFERED_RE.search(sentence):
        kinds.add(WHERE)
    if _ALIAS_RE.search(sentence):
        kinds.add(ALIAS)
    if _DISTINCTION_RE.search(sentence):
        kinds.add(DISTINCTION)
    if _FOCUS_OFFERED_RE.search(sentence):
        kinds.add(FOCUS)
    if _CAUSE_OFFERED_RE.search(sentence):
        kinds.add(CAUSE)
    if _ITEMS_OFFERED_RE.search(sentence):
        kinds.add(ITEMS)
    if _PLANNED_OFFERED_RE.search(sentence):
        kinds.add(PLANNED)
    return frozenset(kinds)


def _beside_a_name(sentence: str, start: int, end: int) -> bool:
    """Return True when the title at sentence[start:end] stands beside a name: a Latin one just after or before
    it ("副市長 Jean Dupont", "Jean Dupont 副市長"), a Han one before it ("王大明局長", "王副市長"), or the one
    holding it ("市長表示…"); not "該市副市長" or "兩位副市長"."""
    before = sentence[start - 1] if start else ""
    # "市長表示…" names the one holding it, though no name is written (`_names_its_holder`).
    return _names_its_holder(sentence, start, end) or not _HAN_RE.match(before) or before not in _NOT_A_NAME


def _names_its_holder(sentence: str, start: int, end: int) -> bool:
    """Return True when the title at sentence[start:end] stands beside a name (`_beside_a_name`) that is written:
    a Latin one, or Han characters before it, not the title alone opening a clause ("市長表示…")."""
    # A name glossed in brackets before its title ("范德堡（Jan van der Berg）市長") is read without the gloss.
    before = _GLOSS_BEFORE_RE.sub("", sentence[max(0, start - 60) : start])
    if _LATIN_NAME_RE.match(sentence[end:].lstrip()) or _LATIN_BEFORE_RE.search(before):
        return True
    return bool(before) and bool(_HAN_RE.match(before[-1])) and before[-1] not in _NOT_A_NAME | _WORD_BEFORE_A_TITLE


# Where the gift a giving names ends: another act (並, 後, 及, 與, 和) or its receiver after 予, 給.
_GIFT_END_RE = re.compile(r"並|後|及|與|和|予|給")


def _names_a_gift(folded: str) -> bool:
    """Return True when a (folded) sentence telling of a gift given names what it was: after the giving and the
    receiver's title, before another act or the receiver after 予/給, more than the gift's generic word and Latin
    names ("致贈局長港口模型", not "致贈紀念品予<name>", "致贈<party>副市長紀念品" or "致贈紀念品並與<name>合影")."""
    for m in _GIFT_GIVEN_RE.finditer(folded):
        gift = _GIFT_END_RE.split(m.group("rest"))[0]
        titles = list(_FULL_TITLE_RE.finditer(gift))
        gift = _GENERIC_GIFT_RE.sub("", gift[titles[-1].end() :] if titles else gift)
        if any(len(run) >= 2 for run in HAN_RUN_RE.findall(gift)):
            return True
    return False


def answers_kind(asked: frozenset[str], offered: frozenset[str]) -> bool:
    """Return True when a sentence offering `offered` gives a kind of answer asked for: a question asking for a
    day is not answered by a year alone ("於 1990 年" for "哪一天"), one asking another place's head ("當地的市長")
    not by the bare title that is the writers' own head."""
    if DAY in asked and DAY not in offered:
        asked = asked - {DATE, DAY}
    if RETURN_GIFT in asked and RETURN_GIFT not in offered:  # the gift given, for one asked given back
        asked = asked - {GIFT, RETURN_GIFT}
    if NAMED_GIFT in asked:
        asked = asked - {NAMED_GIFT} - ({GIFT, RETURN_GIFT} if NAMED_GIFT not in offered else set())
    if OTHER_HOLDER in asked:
        asked = asked - {OTHER_HOLDER}
        offered = frozenset(k for k in offered if not k.startswith(TITLE)) | {
            TITLE + k.removeprefix(NAMED_TITLE) for k in offered if k.startswith(NAMED_TITLE)
        }
        if not any(k.startswith(TITLE) for k in offered):
            asked = asked - {PERSON}
    titles = {k for k in asked if k.startswith(TITLE)}
    if titles and not titles & offered:  # "哪位副市長" is not answered by a sentence naming the 市長
        asked = asked - titles - {PERSON}
    return bool(asked & offered)


def asks_which_ones(question: str) -> bool:
    """Return True when a (normalized) question asks which ones besides, or instead of, how many ("有幾家？是哪幾家？",
    "how many, and which ones?"): the list answers it, whether or not the report counts them."""
    folded = fold(question)
    m = _WHICH_ONES_RE.search(folded)
    if m and m.group("measure"):  # "有幾家？是哪幾家？": which ones of what it counts, not "有多少員工？有哪幾家客戶？"
        return re.search(rf"(?<![哪那這第])(?:幾|多少){m.group('measure')}", folded) is not None
    return m is not None


# Where one ask of a question ends and the next begins ("幾個…、多少家…", "how many … and how many …").
_ASKS_APART_RE = re.compile(r"[、，,;；？?]|\band\b|\bor\b|和|及|跟")


def counted_noun(question: str) -> str:
    """Return the first character of what a question counts ("有多少員工？" -> 員), or "" when it counts nothing
    (or a date, an ordinal, a list, a share or an amount of money, which other kinds check)."""
    folded = fold(question)
    if MONEY in asked_kinds(folded) or _SHARE_RE.search(folded) or asks_which_ones(folded):
        return ""
    for m in _HOW_MANY_RE.finditer(folded):
        counted = _COUNT_VERB_RE.sub("", m.group(1))  # "how many countries does the company serve": countries
        words = counted.split()
        # A word for people or firms before another plural noun only describes it ("member cities").
        heads = [w for w, after in zip(words, [*words[1:], ""]) if not after.endswith("s")]
        measure = next((kind for kind, nouns in _ENGLISH_COUNTED for w in heads if nouns.fullmatch(w)), "")
        if measure:
            return measure
    for m in _COUNTED_RE.finditer(folded):
        if m.group("measure") in _TELLING_MEASURES:
            return m.group("measure")
        # A noun for people ends so ("研究人員" counts 人, "公務員" 員; 國家 is no firm): its last characters tell it.
        run = HAN_RUN_RE.match(folded, m.start("noun"))
        noun = run.group(0)[:_NOUN_CHARS] if run else ""
        if noun[-1:] in _PEOPLE_HEADS and m.group("noun") not in HEADCOUNT_NOUNS:
            return "人" if noun.endswith("人員") else noun[-1]
        if m.group("noun") not in _NOT_COUNTED:
            return m.group("noun")
    found = (m.group("noun") or m.group("whole") for m in _COUNT_BEFORE_RE.finditer(folded))
    return next((noun for noun in found if noun not in _NOT_COUNTED), "")


def counted_nouns(question: str) -> list[str]:
    """Return what each count of a question counts (`counted_noun`), in the question's order: "涵蓋幾個產業公會、
    多少家公司？" counts 產 and 家, either of which a sentence may answer."""
    first = counted_noun(question)  # "" for a question counting nothing, or asking which ones (a list answers)
    pieces = _ASKS_APART_RE.split(question) if first else []
    return list(dict.fromkeys(n for n in [first, *map(counted_noun, pieces)] if n))


def counts(noun: str, sentence: str) -> bool:
    """Return True when a number of the sentence counts `noun` (`counted_noun`): the noun, or a noun of its kind,
    stands within `_COUNT_REACH` characters of it ("持股 84%", "約 50 人"), or a measure word of its kind follows it
    ("50 名員工", "3 萬家企業", "1,600 多家": more than 1,600; not the 位 of 位於); True for no noun."""
    if not noun:
        return True
    folded = fold(sentence)
    kind = next((kind for kind in _SAME_MEASURE if noun in kind), noun)
    measures = "".join(c for c in kind if c in _TELLING_MEASURES)  # 位, 家 count only after the number
    nouns = "".join(c for c in kind if c not in _TELLING_MEASURES)
    for n in _NUMBER_RE.finditer(folded):
        if nouns and any(c in folded[max(0, n.start() - _COUNT_REACH) : n.end() + _COUNT_REACH] for c in nouns):
            return True
        if measures and re.match(rf"\s*(?:[萬千百億多餘]\s*){{0,2}}[{measures}]", folded[n.end() :]):  # "1,600 多家"
            return True
    return False


# An age, a length of time or a time of day asked, and what a sentence writes to give it: "幾歲" wants "52 歲",
# "談了多久" wants "2 小時", "幾點到的？" a clock time or at least the half-day the genre records ("上午抵達");
# a sentence with other numbers gives none.
_AGE = (re.compile(r"幾歲|多大年紀|年紀多大|\bhow old\b"), re.compile(r"[\d一二三四五六七八九十]+\s*歲"))
_LENGTH = (
    re.compile(
        r"多久|多長時間|多少時間|幾個?小時|幾分鐘|\bhow long (?:did|has|have|had)\b|\bfor how long\b"
        r"|\bhow many (?:hours|minutes)\b"
    ),
    # A year (1998 年) and a date (6 月 23 日) are no length of time.
    re.compile(
        r"[\d一二三四五六七八九十兩半]+\s*個?\s*(?:小時|分鐘|鐘頭|天|日|週|星期)"
        r"|(?<!\d)(?:\d{1,2}|[一二三四五六七八九十兩半]+)\s*(?:個月|年)"
    ),
)
_CLOCK = (
    re.compile(r"幾點|幾時幾分|\b(?:at )?what time\b"),
    re.compile(
        r"\d{1,2}\s*[:：]\s*\d{2}|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[點時]\s*(?:\d{1,2}\s*分|整|半|鐘)?(?![\d項點])"
        r"|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|上午|下午|早上|中午|晚上|晚間|傍晚|凌晨|清晨|\b(?:morning|afternoon|evening|night)\b",
        re.I,
    ),
)
# A year asked ("哪一年開放的？", "what year did it open?") is given only by a sentence writing one: 1994 (not 1800 人),
# 106 年 8 月 or 於 83 年 (the Republic's years, not 30 年 of a length), 民國, 本年, 同年; a date's year counts, so it is
# read before dates are set aside.
_YEAR = (
    re.compile(r"哪一?年(?![級紀])|\b(?:in )?(?:what|which) year\b"),
    re.compile(
        r"(?<!\d)(?:1[5-9]|20)\d\d(?![\d,.])(?!\s*(?:[人元名位家件公平萬千百歲%％]|個|多))|民國|(?<![目])[本今去明同隔前當翌]年"
        r"|(?<!\d)\d{2,3}\s*年(?=\s*\d{1,2}\s*月)|(?:於|在)\s*\d{2,3}\s*年"  # the Republic's: 106 年 8 月, 於 83 年
    ),
)
_UNITS = (_AGE, _LENGTH, _CLOCK, _YEAR)


# How long since something began ("成立多久了？", "how long has it existed"): its year answers.
_SINCE_RE = re.compile(
    r"成立|創立|設立|設點|創建|修建|興建|建立|建成|開業|開幕|存在|\b(?:founded|established|existed|exist|built|set up|opened)\b"
)


def asks_a_unit(question: str) -> bool:
    """Return True when the question asks a year (of no step of the trip), an age, a length of time or a time of day
    (`gives_the_unit` checks)."""
    folded = fold(question)
    return any(asked.search(folded) for asked, _ in _units(folded))


def _units(folded: str) -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """Return the units a (folded) question may ask: a year only of something other than a step of the trip
    (`_TRIP_STEP_RE`: "哪一年去參訪…的？" happened in the year the cover gives; no sentence of a visit need write it)."""
    return _UNITS if not _TRIP_STEP_RE.search(folded) else (_AGE, _LENGTH, _CLOCK)


def gives_the_unit(question: str, sentence: str) -> bool:
    """Return True when the sentence writes the year, age, length of time or time of day the question asks, or the
    question asks none; how long since something was founded or built is told by its year."""
    folded, dated = fold(question), fold(sentence)
    text = without_dates(dated)
    since = _SINCE_RE.search(folded) and _YEAR_RE.search(text)
    return all(
        given.search(dated if given is _YEAR[1] else text) or (since and given is _LENGTH[1])
        for asked, given in _units(folded)
        if asked.search(folded)
    )


# A quantity given in words, the answer a report may have to "幾次？".
_QUANTITY_RE = re.compile(r"[多數][十百千萬]?[次位家個項名年場回]|許多|眾多|不少")


def gives_a_number(sentence: str) -> bool:
    """Return True when the sentence writes a number other than a date: digits, a Chinese numeral (兩位, 三成), or
    a quantity in words (多次, 數十家, 許多)."""
    text = without_dates(fold(sentence))
    return bool(_NUMBER_RE.search(text) or _QUANTITY_RE.search(text))


def asks_later_outcome(question: str) -> bool:
    """Return True when a question asks whether something came about after the trip ("後來有沒有正式結成姊妹市？",
    "did they eventually sign?"): what a report written at the trip's end cannot tell. Not "後來去了哪？", the
    trip's own next stop."""
    folded = fold(question)
    steps = _TRIP_STEP_RE.search(_AFTER_THE_TRIP_RE.sub(" ", folded))
    return bool(_LATER_RE.search(folded) and _WHETHER_RE.search(folded) and not steps)
