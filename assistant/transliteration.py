"""Foreign names a question writes in Latin letters that the reports write only as a Chinese transliteration
("Bombardier" for a report's 龐巴迪): matched by the sounds of the name's consonants and syllables.

A report of the genre gives most foreign parties in both scripts (glossary.py), but not all: a company named in
passing, a city named every time in Chinese. An English question naming one shares no word with the report. A
transliteration keeps the name's consonants in order, each syllable opened by the next one (Bom-bar-dier: b, b, d
as 龐 pang, 巴 ba, 迪 di), and drops the ones a syllable closes on; a run of the characters transliterations are
written with that sounds so is that name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from .glossary import fold_latin
from .text.normalize import fold

# The characters Chinese writes foreign names with (the standard tables for personal and place names, in
# Traditional and Simplified forms), ordered by reading, less the ones ordinary words are mostly written with (可, 提,
# 地, 約, 理, 明…; a run of three or more holding a dictionary word is read as words anyway). A run of them is a
# name's candidate; any other character ends it, so the words around a name ("…公司", "加國…機隊") are not read as
# its sounds.
_TRANSLITERATION_CHARS = frozenset(
    "阿埃艾愛安昂奧澳 巴拜班邦保鮑貝比彼畢庇波伯博布步 查察柴釵 達戴丹當道德登迪蒂丁杜敦多朵 厄恩爾 "
    "法凡范菲費芬豐佛弗福夫富 伽加蓋甘岡戈格哥根貢古瓜圭 哈海漢豪赫黑亨洪胡華惠霍 基吉季加賈簡傑津 "
    "卡凱坎康考柯科克肯孔庫夸奎昆 拉萊賴蘭朗勞勒雷蕾黎里利莉連列林琳琉留龍隆盧魯陸路倫羅洛呂 "
    "馬瑪麥邁曼芒毛梅門蒙孟米密敏摩莫默姆穆慕 納娜奈南瑙內妮尼涅寧紐努諾 歐 帕派潘龐佩蓬皮珀普浦 "
    "齊奇琪恰喬欽丘 然讓熱 薩塞賽桑森瑟沙莎尚紹舍聖施什史士舒斯松蘇索梭 塔泰坦湯唐陶特滕蒂廷圖土托 "
    "瓦萬旺威韋維偉溫沃烏伍武 西希錫席夏謝辛欣休修許 雅亞揚堯耶伊依宜英尤于宇 扎贊澤詹朱茲卓佐祖"
    "埃爱奥拜鲍贝毕达戴丹当迪杜敦尔丰弗福盖冈戈贡哈汉赫亨华惠霍吉贾简杰凯坎柯库夸奎莱赖兰劳勒蕾里丽莲"
    "列琳刘龙隆卢鲁陆伦罗洛吕马玛迈曼梅蒙孟纳娜奈瑙内妮涅宁纽诺欧帕庞佩蓬齐琪乔钦萨赛桑瑟莎绍圣施"
    "苏索塔泰汤陶腾图韦维伟温沃乌伍锡谢欣许亚尧伊赞泽詹兹"
)
_NAME_RUN = re.compile(f"[{''.join(sorted(_TRANSLITERATION_CHARS - {' '}))}]+")
# A Latin word that may be a name: capitalized, long enough that its consonants tell it from other names.
_NAME_WORD = re.compile(r"\b[A-Z][a-zà-ÿ]+\b")
_MIN_LETTERS = 5
# How many words' matches a library keeps between questions (a handful of names per question).
_MAX_REMEMBERED = 4096
# How many characters a run matched may have: two sound like too many runs, past six it is no one name.
_SYLLABLES = (3, 6)
# The consonant classes transliteration keeps apart (voiced and voiceless alike, l for r, s for every sibilant);
# Latin digraphs first.
_LATIN_DIGRAPHS = (
    ("ph", "f"),
    ("th", "t"),
    ("ch", "s"),
    ("sh", "s"),
    ("gn", "n"),
    ("qu", "k"),
    ("ck", "k"),
    ("x", "ks"),
)
_CLASS = {
    **dict.fromkeys("bp", "P"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("gkq", "K"),
    "f": "F",
    "v": "V",  # written with f or w (弗, 維)
    **dict.fromkeys("szj", "S"),
    **dict.fromkeys("lr", "L"),
    "m": "M",
    "n": "N",
    "w": "W",
}
_PINYIN_INITIALS = (
    ("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("d", "T"), ("t", "T"), ("g", "K"), ("k", "K"),
    ("h", "K"), ("f", "F"), ("z", "S"), ("c", "S"), ("s", "S"), ("j", "S"), ("q", "S"), ("x", "S"), ("l", "L"),
    ("r", "L"), ("m", "M"), ("n", "N"), ("w", "W"),
)  # fmt: skip
_VOWELS = re.compile(r"[aeiouy]+")
# Consonants a syllable may close on, which a transliteration drops or folds into its syllable's nasal
# (Bom-: 龐 pang); at most one between two kept ones, at most two after the last (French silent endings).
_WEAK = frozenset("LNMS")
_TRAILING = 2


def latin_sounds(word: str) -> tuple[str, int, int, bool] | None:
    """Return a Latin word's consonant classes in order, its count of vowel groups (a final silent e aside), of its
    consonants no vowel follows (which a transliteration may give a syllable of their own: 克 of "Cl-") and whether
    it opens on a vowel; None when it has no consonant."""
    text = fold_latin(word)
    for digraph, sound in _LATIN_DIGRAPHS:
        text = text.replace(digraph, sound)
    text = re.sub(r"c(?=[eiy])", "s", text).replace("c", "k").replace("h", "")
    if len(text) > 4 and re.search(r"[^aeiouy]e$", text):
        text = text[:-1]
    consonants = "".join(_CLASS.get(ch, "") for ch in text)
    consonants = re.sub(r"(.)\1+", r"\1", consonants)  # "ss", "mm": one sound
    if not consonants:
        return None
    bare = len(re.findall(r"[^aeiouy](?![aeiouy])", text))
    return consonants, len(_VOWELS.findall(text)), bare, text[0] in "aeiouy"


def onset(reading: str) -> str:
    """Return the class of a toneless pinyin syllable's initial ("V" for none, y as none: 亞 ya, 伊 yi)."""
    return next((cls for initial, cls in _PINYIN_INITIALS if reading.startswith(initial)), "V")


def sounds_alike(latin: tuple[str, int, int, bool], onsets: str) -> bool:
    """Return True when syllables opening on `onsets` transliterate a Latin word read by `latin_sounds`: as many
    syllables as its vowel groups (one fewer, or more for the consonants no vowel follows), the first opening as the
    word does, each later one on its next consonant (one weak consonant skipped, or none for a syllable opening on a
    vowel), at most two left over."""
    consonants, vowels, bare, opens_on_vowel = latin
    if not onsets or not vowels - 1 <= len(onsets) <= vowels + bare:
        return False
    if opens_on_vowel and onsets[0] not in "VW":
        return False
    at = 0
    for k, sound in enumerate(onsets):
        if sound == "V" or (k == 0 and opens_on_vowel):
            continue
        if at < len(consonants) and _same(consonants[at], sound):
            at += 1
        elif k and at + 1 < len(consonants) and consonants[at] in _WEAK and _same(consonants[at + 1], sound):
            at += 2
        else:
            return False
    return len(consonants) - at <= _TRAILING


def _same(latin: str, pinyin: str) -> bool:
    return latin == pinyin or (latin == "V" and pinyin in "FW")


class Transliterations:
    """The reports' transliterated names (runs of the characters names are written with), found for a question's
    Latin names that the reports and the dictionary never write; a sound two runs share tells neither."""

    def __init__(
        self,
        text: str,
        readings: dict[str, str],
        is_word: Callable[[str], bool],
        known: Callable[[str], bool] = lambda word: False,
    ) -> None:
        self._text = text  # the reports' text, folded two ways on the first English question that needs it
        self.readings = readings
        self.is_word = is_word  # a dictionary word (保留, 西方) is glossed in English, not transliterated
        self.known = known  # an English word, or a name the dictionary glosses
        self._found: dict[str, str | None] = {}

    @cached_property
    def latin(self) -> str:
        """The reports' text as a question's Latin words are looked for in it, accents aside."""
        return fold_latin(self._text)

    def names(self, question: str) -> dict[str, str]:
        """Return {a question's capitalized Latin word (lower-case): the reports' Han name it transliterates}."""
        words = [w for w in _NAME_WORD.findall(question) if len(w) >= _MIN_LETTERS]
        words = [w for w in words if fold_latin(w) not in self.latin and not self.known(w.lower())]
        found = {}
        for word in words:
            if (name := self._name(fold_latin(word))) is not None:
                found[word.lower()] = name
        return found

    def _name(self, word: str) -> str | None:
        if len(self._found) > _MAX_REMEMBERED:
            self._found.clear()
        if word not in self._found:
            sounds = latin_sounds(word)
            matches = {run for run, onsets in self._candidates for o in onsets if sounds and sounds_alike(sounds, o)}
            self._found[word] = next(iter(matches)) if len(matches) == 1 else None
        return self._found[word]

    @cached_property
    def _candidates(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each run of transliteration characters the reports write (three to six of them, no dictionary word
        inside) with every way its syllables may open; read on the first question that needs them."""
        runs = {
            r
            for r in _NAME_RUN.findall(fold(self._text))
            if _SYLLABLES[0] <= len(r) <= _SYLLABLES[1]
            and not any(self.is_word(r[i : i + 2]) for i in range(len(r) - 1))
        }
        return [(run, self._onsets(run)) for run in sorted(runs)]

    def _onsets(self, run: str) -> tuple[str, ...]:
        out = [""]
        for ch in run:
            options = {onset(r) for r in self.readings.get(ch, "").split()}
            if not options:
                return ()
            out = [o + s for o in out for s in sorted(options)]
        return tuple(out)
