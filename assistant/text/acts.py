"""What a visit report tells was done, however a question words it: leading a visit (率團, 帶隊, "led"), giving a gift
(致贈, 送了…禮物, "gift"), trying something, signing, inviting (邀請, "asked them to come") or being invited (應…邀請,
"who invited them"), receiving the delegation (接待, 會晤, "who hosted us", 見了誰), seeing what the hosts showed
(參觀, "帶我們看了哪些…"), being briefed or shown something (簡報, 展示, "what did they show the mayor"), going about
on foot (步行, 逛), designing (由…負責設計, "who designed"), a piece being published (刊登, "when did the piece run"),
talking something over (就…議題進行交流, "what did they discuss") and speaking (致詞, 上台講話, "speech"). Each act
reads as one token on both sides, so "誰帶隊？" meets "…率團參訪…" and "送了什麼禮物？" meets "…致贈市長…" though they
share no character."""

from __future__ import annotations

import re

from .tokens import date_tokens

# Guiding the delegation about, in English ("showed the mayor around", "walked us around the site", "took them round",
# "who guided us"), which is leading a visit and receiving it alike.
_GUIDED_WHOM = r"(?:us|them|him|her|the (?:[a-z]+'s )?(?:mayor|delegation|group|team|director|visitors|guests))"
# What one is walked through that is no place but a text or a plan ("walked us through the MOU terms"): explained.
_NOT_A_PLACE = (
    r"(?!(?:(?:the|their|its|our|his|her|a|an) )?(?:[\w-]+ ){0,2}?(?:terms?|plans?|details?|process(?:es)?|agreements?"
    r"|mou|memorandum|deal|contract|proposals?|numbers|figures|data|slides?|presentations?|points?|steps?|strateg(?:y|ies)"
    r"|ideas?|concepts?|program(?:me)?s?|budget|agenda|options?|results?|findings|history|background)\b)"
)
_GUIDED = (
    r"\bshow(?:s|ed)? (?:\w+ ){1,3}?around\b"
    rf"|\b(?:walk(?:s|ed)?|t(?:ake|akes|ook))\s+{_GUIDED_WHOM}\s+a?round\b(?!\s+(?:\d|an?\b|one|two|three|four|five|six|half|several))"
    # "who walked the mayor through their planes?"; "what did they walk him through?" asks what was shown
    rf"|\bwho\b[^?]{{0,30}}?\b(?:walk(?:s|ed)?|show(?:s|ed)?)\s+{_GUIDED_WHOM}\s+through\s+{_NOT_A_PLACE}"
    rf"|\bguid(?:e|es|ed)\s+{_GUIDED_WHOM}\b"
)
# The genre's ways of writing each act (a report's and a staff member's), and English ones for a question.
_ACTS = (
    (
        "<led>",
        re.compile(
            r"率[^，。；,]{0,4}?[團隊]|帶隊|領隊|帶團|率領|帶領|領軍|引[領導](?=[^，。]{0,4}?(?:訪團|代表團|一行|本府(?:團隊|同仁)))|\bled\b|\bheaded\b|\bwho (?:was )?lead(?:s|ing)?\b"  # not "the leading firm"
            # guiding the delegation about ("帶我們去現場", "showed the mayor around"), as a report writes 帶領市長參觀
            r"|[帶領]著?(?:我們|大家|他們|訪團|市長|局長)(?:去|到)?(?:現場|參觀|走訪|踏勘|導覽|逛|轉(?![機乘車型達往告換運帳移交])|四處|到處)|"
            + _GUIDED
            + r"|\blead(?:s|ing)? (?:the |our |their )?(?:delegation|group|team|visit|trip)\b"
        ),
    ),
    (
        "<gift>",
        re.compile(
            r"贈|禮物|禮品|紀念品|伴手禮|送(?:了|給|他|她)|送[^，。？?]{0,4}?(?:什麼|甚麼|啥)"
            r"|\b(?:gifts?|souvenirs?|mementos?|keepsakes?)\b|\bwhat (?:did|do|does|was|were)\b[^?]*\b(?:give|given|hand(?:ed)?)\b"
            # "did he give the mayor anything?", "give our deputy mayor something?", not "give a speech about
            # anything" nor what a visit gave ("anything useful", "something to think about", "something new")
            r"|\b(?:give|gave|given|hand(?:ed)?(?: over)?)\s+(?:(?:him|her|them|us|(?:the|our|their)(?:\s+[a-z]+){1,2}"
            r"|mayor\s+[a-z]+)\s+)?(?:anything|something)\b"
            r"(?!\s+(?:useful|new|else|worth|to|about|that|we|they|interesting|important|valuable|concrete|of)\b)"
        ),
    ),
    ("<tried>", re.compile(r"體驗|試玩|試乘|試用|試駕|親身|\btr(?:y|ied|ying)\b(?! to)|\bhands-on\b")),
    ("<signed>", re.compile(r"簽署|簽訂|簽約|簽了|簽的|簽完|簽下|\bsign(?:s|ed|ing)?\b")),
    (
        "<invited-by>",  # being invited ("應…邀請", "who invited the mayor"), not inviting
        re.compile(
            r"應[^，。；,]{0,20}?邀請?|受邀|獲邀|被邀請?|受[^，。；,？?]{0,6}?邀請|是誰邀請|由誰邀請"
            r"|誰邀請(?:市長|訪團|我們|本府|本市)|\bwho invited\b|\binvited by\b"
            r"|\bat the invitation of\b|\bwhose invitation\b|\b(?:was|were) invited\b"
        ),
    ),
    (
        "<invited>",
        re.compile(
            r"邀請|邀約|力邀|邀(?:他|她|它|對方|該)|\binvit(?:e|ed|es|ing|ation)\b"
            r"|\bask(?:s|ed)? (?:[\w.-]+ ){1,4}?to (?:come|set|open|build|invest|move|join|attend|take)\b"
        ),
    ),
    (
        "<received>",  # receiving or meeting the delegation (接待, 會晤, "who hosted us", 見了誰), whoever did it
        re.compile(
            r"接待|迎接(?![^，。]{0,6}挑戰)|接見|會晤|會見|出面|出來接(?!受|著|下)|出來見(?!識|證)|見了誰|見到誰|見了哪|(?:跟|和|與)誰(?:見面|會面|碰面)"
            # who stayed with the delegation ("是誰從頭陪到尾", "全程陪著的是誰"): its hosts, as a report tells
            # (全程接待); not who went abroad with it, nor a report's escort walking with it
            r"|誰[^，。？?]{0,6}陪(?![^，。？?]{0,8}(?:出訪|出國|出席|前往|去|同行|隨團))"
            r"|(?<!隨團)(?<!隨行)陪(?![^，。？?]{0,6}(?:出訪|出國|出席|前往|去|同行))[^，。？?]{0,6}(?:是誰|的是)"
            r"|\bwho did (?:they|we|the (?:mayor|delegation|director)) meet\b|\bwho (?:met|meets)\b"
            r"|\b(?:sit|sits|sat|sitting) down with\b"
            # hosting the delegation ("who hosted us", "hosted by", "were we hosted"), not a dinner it hosted ("the
            # dinner we hosted", "the banquet the mayor hosted?")
            r"|\breceiv(?:e|ed|es|ing)\b|\bwho (?:hosted|hosts|(?:was|were|is|are) (?:the |their |our )?hosts?)\b|\bhosted by\b"
            r"|\b(?:was|were|been|being|got)\s+(?:we\s+|they\s+|(?:the|our|their)\s+(?:delegation|group|team|mayor|director)\s+)?hosted\b"
            r"|(?<!\bwe )(?<!\bdelegation )\bhost(?:s|ed|ing)?\s+(?:us|them|him|her|the\s+(?:[a-z]+'s\s+)?(?:delegation|group|team|mayor|director|visitors|guests))\b|\bgreet(?:s|ed|ing)?\b|\bwelcom(?:e|ed|es|ing)\b"
            # looking after the delegation ("looked after the mayor's group", "took care of us"), not the budget
            r"|\b(?:look(?:s|ed|ing)? after|t(?:ake|akes|ook|aking) care of)\s+(?:us|them|him|her|the "
            r"(?:[a-z]+'s )?(?:mayor|delegation|group|team|director|visitors|guests))\b"
            r"|" + _GUIDED
        ),
    ),
    (
        "<toured>",  # seeing what the hosts showed (參觀, 觀摩, 踏勘, "what did they see", 帶我們看了…)
        re.compile(
            r"參觀|觀摩|踏勘|看了|看過|看些|看哪|看什麼|帶[^，。？?]{0,4}?看"
            r"|\bwhat did (?:they|we|the (?:mayor|delegation|director|team)) (?:get to )?see\b|\bshow(?:ed|n)? (?:them|us)\b"
        ),
    ),
    (
        # the hosts briefing or showing the delegation something (簡報, 展示, "what did they show the mayor",
        # "walk him through"), which a question asking what was seen does not ask of
        "<shown>",
        re.compile(
            r"簡報|展示"
            r"|\bshow(?:ed|n)? (?:them|us|him|her|the (?:mayor|director|delegation|group|team|visitors|guests))\b"
            r"|\bwalk(?:ed)? (?:him|her|us|them|the (?:mayor|delegation|group|team)) through\b"
            r"|\bbrief(?:ed|ing)\b|\bbrief (?:them|us|him|her|the)\b"  # not "a brief summary"
        ),
    ),
    (
        # going about on foot (步行, 徒步, 逛, "walked the old town"); not 走訪 nor 走過 (any visit: "走過哪些國家"),
        # nor "walk me through" (explain)
        "<walked>",
        re.compile(
            r"步行|徒步|漫步|散步|逛|\bwalk(?:s|ed|ing)?\b(?! (?:me|us|you|them|him|her) through)"
            r"|\bstroll(?:s|ed|ing)?\b|\bon foot\b"
        ),
    ),
    (
        "<designed>",  # who designed or planned something built (由建築師…負責設計, "who designed it", 操刀)
        re.compile(
            r"負責設計|由[^，。；,？?]{0,24}?設計|設計者|設計師|操刀|誰設計|設計[^，。？?]{0,3}是誰"
            r"|\bwho designed\b|\bdesigned by\b|\barchitects?\b|\bdesigner\b"
        ),
    ),
    (
        # a piece published about the trip (刊登, 登出來, "when did the piece run"), not the interview it reports
        "<published>",
        re.compile(
            r"刊登|刊出|刊載|登出|見報"
            r"|\bpublish(?:ed|es|ing)?\b|\b(?:piece|article|story|interview)\b[^?]{0,40}\b(?:ran|run|printed)\s*\??$"
            # the piece put online or run ("when did the interview go up online?", "when did they run the piece?")
            r"|\b(?:piece|article|story|interview)\b[^?]{0,40}\b(?:go|goes|went|gone) (?:up )?online\b"
            r"|\bwhen\b[^?]{0,40}\b(?:run|ran|print(?:ed)?)\b[^?]{0,30}\b(?:piece|article|story|interview)\b"
        ),
    ),
    (
        # what was talked over (就…等議題進行交流, 討論, "what did they talk about", 聊了哪些話題), not a deal closed (談成)
        "<discussed>",
        re.compile(
            r"就(?![是業任讀職近要])[^，。；？?]{2,40}?(?:議題|面向|主題)[^，。；]{0,4}?(?:交流|討論|交換|互動|座談|對話)"
            r"|探討|討論|交換意見|話題|題目|(?:哪些|哪幾個|什麼|啥)(?:議題|主題)"
            r"|聊(?:了|些|什麼|啥|哪)|(?<![會商洽面])談(?:了|些|什麼|啥|哪)(?!成)"
            r"|\btopics?\b|\bdiscuss(?:ed|es|ing|ions?)?\b|\btalk(?:s|ed|ing)? (?:about|over)\b|\bon the table\b"
        ),
    ),
    (
        "<speech>",
        re.compile(r"致詞|致辭|講話|發言|演講|演說|上台|表示|\bspeech(?:es)?\b|\bspoke\b|\bspeak(?:s|ing)?\b(?! for)"),
    ),
)


# A clause ends at a comma or a full stop, not at a line break (a caption runs on over lines).
_CLAUSE_RE = re.compile(r"[，。；！？,;!?]")

# An act set aside or giving the time of another ("除了演講，…", "致詞時說了什麼？") is not what is asked about.
_ASIDE_BEFORE = re.compile(r"除了\s*$")
_ASIDE_AFTER = re.compile(r"^[^，,。？?\s]{0,3}?\s*(?:時|的時候|之後|以後|後|完|期間|當中)")


# Acts asked about only when their clause asks what was done ("看了哪些機型？"), not when or by whom: "哪天去那邊參觀的？"
# asks a day, and seeing frames it.
_WHAT = re.compile(r"哪些|什麼|甚麼|啥|哪幾|哪[個家座間種]|\bwhat\b|\bwhich\b")
_ASKED_WITH_WHAT = {"<toured>": _WHAT, "<shown>": _WHAT}


# An act written inside the words of another is that other one: 邀請 of "應…邀請" is being invited.
_INSIDE = {"<invited>": "<invited-by>"}


def _matches(token: str, pattern: re.Pattern, folded: str) -> list[re.Match]:
    """Return where `folded` tells of act `token`, but for the words of the act it lies inside (`_INSIDE`)."""
    found = list(pattern.finditer(folded))
    if token in _INSIDE:
        outer = next(p for t, p in _ACTS if t == _INSIDE[token])
        spans = [m.span() for m in outer.finditer(folded)]
        found = [m for m in found if not any(a <= m.start() and m.end() <= b for a, b in spans)]
    return found


def act_tokens(folded: str) -> frozenset[str]:
    """Return one token for each act a folded text tells of ("<led>" for "市長率團參訪…")."""
    return frozenset(token for token, pattern in _ACTS if _matches(token, pattern, folded))


# An act said in a word or two ("聊了", "話題", "哪些議題"), not a clause it spans ("就<anything>議題").
_ACT_WORD_CHARS = 4


def act_words(folded: str) -> list[tuple[int, int]]:
    """Return where a folded text says an act in a word or two, as (start, end) offsets: words a report says its own
    way ("聊了哪些話題" for its 就…議題進行交流)."""
    spans = (m.span() for token, pattern in _ACTS for m in _matches(token, pattern, folded))
    return [(a, b) for a, b in spans if b - a <= _ACT_WORD_CHARS]


def dated_acts(folded: str) -> frozenset[str]:
    """Return the acts a folded text tells of in a clause giving a date ("於 6 月 21 日簽署…", a caption's "6 月 29 日
    刊登…" over two lines): when, of all it tells, those were done."""
    return frozenset(act for clause in _CLAUSE_RE.split(folded) if date_tokens(clause) for act in act_tokens(clause))


def asked_acts(folded: str) -> frozenset[str]:
    """Return one token for each act a folded question asks about, but for an act it sets aside or gives the time
    of another by ("除了演講，…", "致詞時說了什麼？"), or seeing or being shown asked of by no what-word in its clause
    or the next (`_asks_what`)."""
    return frozenset(
        token
        for token, pattern in _ACTS
        if any(
            not _ASIDE_BEFORE.search(folded[: m.start()])
            and not _ASIDE_AFTER.match(folded[m.end() :])
            and (token not in _ASKED_WITH_WHAT or _asks_what(_ASKED_WITH_WHAT[token], folded, m))
            for m in _matches(token, pattern, folded)
        )
    )


def _asks_what(what: re.Pattern, folded: str, match: re.Match) -> bool:
    """Return True when the clause holding `match`, or the next one but for one asking of members, a day or a person,
    asks what: "他們去參觀，有看到哪些設備？" does, "給處長簡報要列團員，名單上是哪幾位？" does not."""
    starts = [m.end() for m in _CLAUSE_RE.finditer(folded, 0, match.start())]
    end = _CLAUSE_RE.search(folded, match.end())
    own = folded[starts[-1] if starts else 0 : end.start() if end else len(folded)]
    if what.search(own):
        return True
    after = _CLAUSE_RE.search(folded, end.end()) if end else None
    following = folded[end.end() : after.start() if after else len(folded)] if end else ""
    return bool(what.search(following)) and not _ASKS_OF_OTHERS.search(following)


# A clause asking of the members, a day or a person, not of what was seen: "…，團員有哪幾位？", "…，是哪天？".
_ASKS_OF_OTHERS = re.compile(r"團員|成員|名單|哪一?天|幾號|誰|\bwho\b|\bwhen\b")
