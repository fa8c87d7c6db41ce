"""Other names staff use for the parties a report names: dictionary abbreviations (波音 in the dictionary as Boeing) and
the first characters of a name's words (港務公司 -> 港公), mapped to the report's own name for matching."""

from __future__ import annotations

import re
from collections.abc import Callable

from .glossary import fold_latin
from .text.normalize import HAN_CHARS, fold, has_han
from .text.words import ENGLISH_STOPWORDS

_HAN_ONLY = re.compile(rf"[{HAN_CHARS}]+")
# An institution's name ends in its kind: 局 (bureau), 處 (office), 院 (institute), 會 (council), 部, 署, 所.
_INSTITUTION_ENDS = "局處院會部署所"


def abbreviations(name: str) -> list[str]:
    """Return the usual Chinese abbreviations of a name: the first characters of its two-character words
    (港務公司 -> 港公), and of an institution's words with its final character (經濟發展局 -> 經發局)."""
    out = []
    if len(name) == 4:
        out.append(name[0] + name[2])
    if len(name) >= 5 and len(name) % 2 == 1 and name[-1] in _INSTITUTION_ENDS:
        out.append(name[0:-1:2] + name[-1])
    return out


def build_aliases(
    glossary: dict[str, str],
    name_glosses: dict[str, str],
    frequency: Callable[[str], int],
    is_word: Callable[[str], bool] = lambda word: False,
    translate: Callable[[str], list[str]] = lambda text: [],
    text: str = "",
) -> dict[str, str]:
    """Return {alias: the report's name} for aliases the report itself never uses or uses only as the name's
    abbreviation (`shortens`), and for the name's own head (`name_head`).

    `glossary` maps the report's Latin names to its Chinese ones (its 中文（Latin） pairs); `name_glosses` maps
    dictionary names to the Latin name they gloss as; `frequency(word)` counts the report's passages using a word;
    `translate(words)` gives the report's Chinese words for English ones; `text` is the reports' folded text.
    """
    aliases: dict[str, str] = {}
    names = {fold(n) for n in glossary.values()}
    for latin, name in glossary.items():
        head = name_head(latin, fold(name), translate)
        # A head that another name holds without this one (<city> of <city>市 beside <city>市政廳) is that name's too.
        if head and not is_word(head) and not any(head in n and fold(name) not in n for n in names):
            aliases.setdefault(head, name)
    for han, latin in name_glosses.items():
        name = glossary.get(fold_latin(latin))
        if name and han != fold(name):
            aliases[han] = name
    for name in set(glossary.values()):
        if not has_han(name):
            continue
        for short in abbreviations(fold(name)):
            if (frequency(short) == 0 or shortens(short, fold(name), text)) and not is_word(short):
                aliases.setdefault(short, name)
        if (short := show_abbreviation(fold(name))) and is_word(short) and frequency(short) == 0:
            aliases.setdefault(short, name)
    # An acronym the reports write with dots ("A.S.O."), which staff type without them ("ASO").
    for dotted in sorted(set(_DOTTED.findall(text))):
        plain = dotted.replace(".", "")
        if frequency(plain) == 0:
            aliases.setdefault(plain.upper(), dotted.upper())
    return aliases


# An acronym written with dots, three letters or more (not "e.g.", "i.e."), in folded text.
_DOTTED = re.compile(r"(?<![a-z0-9.])(?:[a-z]\.){2,}[a-z]\.?(?!\.?[a-z0-9])")


# An exhibition's kind, which ends its name (展, a show): <city>國際花卉展 is 花展, the dictionary's "flower show". Not 會, 節,
# 院, 部, 局: their short forms are common words (國會 of 聯合國大會, 音節 of 音樂節, 學院 of 大學醫學院, 內部 of 內政部).
_SHOW_END = "展"


def show_abbreviation(name: str) -> str:
    """Return the dictionary's kind of short name for a (folded) exhibition: the first character of the word before
    its kind, and the kind (<city>國際花卉展 -> 花展), or ""."""
    return name[-3] + name[-1] if len(name) >= 4 and name[-1] == _SHOW_END and _HAN_ONLY.fullmatch(name) else ""


# How far before an abbreviation the report writes the name in full when it shortens it ("局長參訪港務公司…港公表示…").
_SHORTENED_WITHIN = 200


def shortens(short: str, name: str, text: str) -> bool:
    """Return True when every place the (folded) `text` writes `short`, it wrote `name` in full shortly before: the
    report's own abbreviation of the name, not a word of its own that happens to read so."""
    starts = [m.start() for m in re.finditer(re.escape(short), text)]
    return bool(starts) and all(name in text[max(0, i - _SHORTENED_WITHIN) : i] for i in starts)


# A name's head is a transliteration of a few characters: 奧里諾 of 奧里諾系統 (Orino Systems).
_HEAD_CHARS = (2, 4)


def name_head(latin: str, name: str, translate: Callable[[str], list[str]]) -> str:
    """Return the transliterated head of a (folded) Chinese name whose other words translate its Latin name's last
    words (奧里諾 of 奧里諾系統, "Orino Systems": 系統 is "systems"; and "Orino" translates to nothing, being a
    name), or "" when it has none: what staff call the party for short."""
    words = latin.split()
    rest = name
    while len(words) > 1 and (tail := next((w for w in translate(words[-1]) if rest.endswith(w)), "")):
        words, rest = words[:-1], rest[: -len(tail)]
    if rest == name or translate(" ".join(words)) or not _HEAD_CHARS[0] <= len(rest) <= _HEAD_CHARS[1]:
        return ""
    return rest if _HAN_ONLY.fullmatch(rest) else ""


def transliterated_names(glossary: dict[str, str], translate: Callable[[str], list[str]]) -> list[str]:
    """Return the reports' Chinese names that transliterate their Latin ones (folded): a whole name whose Latin
    translates to nothing, and a name's transliterated head (`name_head`)."""
    names = set()
    for latin, name in glossary.items():
        if has_han(name) and not translate(latin):
            names.add(fold(name))
        if has_han(name) and (head := name_head(latin, fold(name), translate)):
            names.add(head)
    return sorted(names)


def expand_aliases(text: str, aliases: dict[str, str]) -> str:
    """Return a normalized question with each alias replaced by the report's name, in one pass, longest alias
    first (a name put in is never rewritten again); an alias inside one of the report's names stays as it is."""
    if not aliases:
        return text
    names = set(aliases.values())
    # A Latin alias ("ASO") is a word of its own, as written (not "who" for a W.H.O.), not the letters inside another
    # ("MASON", "ASO2").
    ordered = sorted(aliases, key=len, reverse=True)
    spelled = (re.escape(a) if has_han(a) else rf"(?<![A-Za-z0-9]){re.escape(a)}(?![A-Za-z0-9])" for a in ordered)
    pattern = re.compile("|".join(spelled))

    def swap(m: re.Match) -> str:
        inside = any(n in text[max(0, m.start() - len(n)) : m.end() + len(n)] for n in names if m.group(0) in n)
        return m.group(0) if inside else aliases[m.group(0)]

    return pattern.sub(swap, text)


# Two capitalized English words naming one party ("Harbor Machinery", "Kaohsiung Port's"); overlapping, so that a
# question's capitalized first word ("Did") does not take the name's first word.
_LATIN_PAIR = re.compile(r"(?=\b([A-Z][a-z]+)(?:'s)?\s+([A-Z][a-z]+)\b)")


def abbreviated_names(question: str, translate: Callable[[str], list[str]], text: str) -> list[str]:
    """Return the report's short Chinese names for the two-word English names in `question`: the first word's
    Chinese and one or two characters ending in a character of the second word's first Chinese word, as
    reports abbreviate company names ("<City> Machinery" written as the city's name and a two-character
    short form of 機械 ending in 機)."""
    found = []
    for first, second in _LATIN_PAIR.findall(question):
        if first.lower() in ENGLISH_STOPWORDS:  # "Where", "Did": a question's word, not a name's
            continue
        ends = set((translate(second) or [""])[0])
        if not ends:
            continue
        for head in (w for w in translate(first) if len(w) >= 2):
            for m in re.finditer(re.escape(head) + rf"([{HAN_CHARS}]{{1,2}})", text):
                tail = m.group(1)
                cut = next((k for k in range(len(tail), 0, -1) if tail[k - 1] in ends), 0)
                if cut:
                    found.append(head + tail[:cut])
    return list(dict.fromkeys(found))


# Names matched by sound are foreign names' transliterations, as a question writes them: a whole name of two to
# four characters (a mainland 奥利诺 for a report's 奧里諾), or the first three or four of a longer one. Shorter
# starts sound like too many common words.
_SOUND_CHARS = (2, 4)
_SOUND_PREFIX = 3
# A name's start written with one other character inside it has at least this many characters (two share too much).
_VARIANT_CHARS = 3
# A character read several ways gives each reading; a run whose readings multiply past this is left alone.
_MAX_READINGS = 16


class SoundAlikes:
    """The reports' transliterated names as a question may write them with other characters of the same sounds: a
    mainland transliteration (奥利诺, converted as 奧利諾) of the name a report writes 奧里諾. At most half of the
    characters differ: a run of quite other characters is another word. A run of three or four sounding otherwise in
    one character between its ends (奧萊諾) writes the same name another region's way."""

    def __init__(
        self,
        names: list[str],
        readings: dict[str, str],
        frequency: Callable[[str], int],
        is_word: Callable[[str], bool],
    ) -> None:
        self.readings = readings
        self.frequency = frequency  # how many of the reports' passages use a (folded) word
        self.is_word = is_word
        by_sound: dict[str, set[tuple[str, str]]] = {}  # a sound -> (the start of a name that sounds so, the name)
        # Starts of three or more characters by their first and last ("奧里諾" under 奧…諾): another region's
        # transliteration often writes one syllable between them otherwise (奧萊諾).
        self.by_ends: dict[tuple[str, str, int], set[tuple[str, str]]] = {}
        for name in names:
            lengths = [len(name)] if len(name) <= _SOUND_CHARS[1] else range(_SOUND_PREFIX, _SOUND_CHARS[1] + 1)
            for start in (name[:n] for n in lengths if n >= _SOUND_CHARS[0]):
                for sound in self._sounds(start):
                    by_sound.setdefault(sound, set()).add((start, name))
                if len(start) >= _VARIANT_CHARS:
                    self.by_ends.setdefault((start[0], start[-1], len(start)), set()).add((start, name))
        # A sound that starts two names differently tells neither.
        self.by_sound = {s: sorted(found) for s, found in by_sound.items() if len({p for p, _ in found}) == 1}

    def respell(self, text: str) -> str:
        """Return a normalized question with each run of characters the reports never write that sounds like a
        report's transliterated name, or its start, or writes it with one other character inside (and is no dictionary
        word), written as the report writes it."""
        if not (self.by_sound or self.by_ends):
            return text
        out, i = [], 0
        while i < len(text):
            found = next(
                (found for n in range(_SOUND_CHARS[1], _SOUND_CHARS[0] - 1, -1) if (found := self._at(text, i, n))), ""
            )
            out.append(found or text[i])
            i += len(found) or 1
        return "".join(out)

    def _at(self, text: str, start: int, n: int) -> str:
        """Return the report's spelling of the `n` characters at `start` when they are another spelling of a name's
        sounds, else ""."""
        run = text[start : start + n]
        if len(run) < n or not _HAN_ONLY.fullmatch(run) or self.is_word(run):
            return ""
        prefix, name = next(((p, m) for s in self._sounds(run) for p, m in self.by_sound.get(s, ())), ("", ""))
        variant = not prefix
        if variant:
            prefix, name = self._variant_of(text, start, n)
        if not prefix or 2 * sum(a != b for a, b in zip(run, prefix)) > n:
            return ""
        # Its pairs of characters and those it forms with its neighbours are no word of the reports' (the 岸那 of
        # 河岸那邊); but the name's own next characters may follow (奧利諾港務局 keeps 港務局 after 奧利諾).
        end = start + n
        continued = text.startswith(name[n:], end) and n < len(name)
        at = range(max(0, start - 1), end - 1 if continued else min(len(text) - 1, end))
        # A variant of a name's start, followed by the name's own next characters, may hold dictionary words, as
        # transliterations often do (奧萊諾港務局 for 奧里諾港務局); a whole name's variant none (a word inside it is that
        # word, not the name). Either may hold the name's own pairs (the 安娜 of 安娜萊絲) but no other pair the
        # reports write.
        inside = range(start, end - 1) if variant else range(0)
        whole = n == len(name)
        told = (
            (
                text[k : k + 2] not in prefix
                and (self.frequency(text[k : k + 2]) or whole and self.is_word(text[k : k + 2]))
            )
            if k in inside
            else self._written(text[k : k + 2])
            for k in at
        )
        return "" if any(told) else prefix

    def _variant_of(self, text: str, start: int, n: int) -> tuple[str, str]:
        """Return (the start of a name, the name) that the `n` characters at `start` write with one character between
        their first and last other than the name does, when only one name's start does so: the whole name, or its
        start followed by the name's own next characters ("奧萊諾港務局" for a 奧里諾港務局); else ("", "")."""
        run = text[start : start + n]
        if n < _VARIANT_CHARS:
            return "", ""
        found = sorted(
            (p, m) for p, m in self.by_ends.get((run[0], run[-1], n), ()) if sum(a != b for a, b in zip(run, p)) == 1
        )
        if len({p for p, _ in found}) != 1:
            return "", ""
        return next(((p, m) for p, m in found if len(m) == n or text.startswith(m[n:], start + n)), ("", ""))

    def _written(self, pair: str) -> bool:
        return bool(self.frequency(pair)) or self.is_word(pair)

    def _sounds(self, chars: str) -> list[str]:
        """Return every reading of `chars` ("da suo"), none when a character has no known reading or too many."""
        return _read_out(chars, self.readings, " ")


def _read_out(chars: str, readings: dict[str, str], joiner: str) -> list[str]:
    """Return every reading of `chars`, the characters' readings joined by `joiner` ("da suo", "dasuo"); none when a
    character has no known reading or the readings multiply past `_MAX_READINGS`."""
    out = [""]
    for ch in chars:
        options = readings.get(ch, "").split()
        if not options or len(out) * len(options) > _MAX_READINGS:
            return []
        out = [f"{s}{joiner}{o}" if s else o for s in out for o in options]
    return out


# A Latin word a question writes for a name of the reports in pinyin ("Xinwanqu" for 新灣區): two or three characters,
# the word at least this long (shorter ones spell too many pairs of characters).
_PINYIN_CHARS = (2, 3)
_MIN_PINYIN_LETTERS = 6
_LATIN_WORD = re.compile(r"\b[A-Z][a-z]+\b")


class PinyinNames:
    """The reports' Han names as a question spells them in toneless pinyin, run together ("Xinwanqu" -> 新灣區): for
    names the reports write only in Han characters, which no dictionary glosses."""

    def __init__(
        self,
        text: str,
        readings: dict[str, str],
        is_word: Callable[[str], bool],
        known: Callable[[str], bool] = lambda word: False,
    ) -> None:
        self.text = text  # the reports' folded text
        self.readings = readings
        self.is_word = is_word
        self.known = known  # a word the dictionary glosses ("Nanjing"): a name of its own, spelling nothing else
        self._by_spelling: dict[str, str] | None = None  # built on the first question that needs it

    def names(self, question: str) -> list[str]:
        """Return the reports' Han names a question's capitalized Latin words spell in pinyin, each once."""
        return list(dict.fromkeys(self.spelled(question).values()))

    def spelled(self, question: str) -> dict[str, str]:
        """Return {a question's capitalized Latin word (lower-case): the reports' Han name it spells in pinyin}; a word
        the reports write themselves spells nothing else."""
        words = [w.lower() for w in _LATIN_WORD.findall(question) if len(w) >= _MIN_PINYIN_LETTERS]
        words = [w for w in words if w not in self.text and not self.known(w)]
        if not words:
            return {}
        spellings = self._spellings()
        return {w: spellings[w] for w in words if w in spellings}

    def _spellings(self) -> dict[str, str]:
        if self._by_spelling is None:
            found: dict[str, set[str]] = {}
            for run in _HAN_ONLY.findall(self.text):
                for n in range(_PINYIN_CHARS[0], _PINYIN_CHARS[1] + 1):
                    for i in range(len(run) - n + 1):
                        gram = run[i : i + n]
                        if self.is_word(gram):
                            continue  # a dictionary word is glossed in English, not spelled
                        for spelling in _read_out(gram, self.readings, ""):
                            found.setdefault(spelling, set()).add(gram)
            # A spelling of two runs of characters tells neither.
            self._by_spelling = {s: next(iter(g)) for s, g in found.items() if len(g) == 1}
        return self._by_spelling
